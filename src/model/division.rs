//! Administrative divisions (đơn vị hành chính): province → commune/ward → village/neighbourhood.
//!
//! Since 1 July 2025 Vietnam has two levels of local government and no districts, and many units
//! were merged or renamed. A commune therefore keeps its earlier names (`truoc_day`) so that an
//! archived election shows the names in force on its day, and may end (`hieu_luc_den`) and name the
//! unit that took it over (`ke_thua`).

use super::date::Date;
use super::spelling::{Spelled, Spelling, row, spelled};
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The name of a province or district as typed: either the Vietnamese name alone
/// (`tinh: "Tỉnh Bắc Ninh"`), or the name with its English form
/// (`tinh: {ten: "Tỉnh Bắc Ninh", ten_en: "Bac Ninh Province"}`), which English pages show.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PlaceName {
    pub ten: String,
    pub ten_en: Option<String>,
}

impl PlaceName {
    pub fn new(ten: &str) -> Self {
        Self {
            ten: ten.to_string(),
            ten_en: None,
        }
    }
}

impl From<&str> for PlaceName {
    fn from(ten: &str) -> Self {
        Self::new(ten)
    }
}

/// Data files keep the Vietnamese name as text, as they did before English names were typed.
impl Serialize for PlaceName {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.ten)
    }
}

impl<'de> Deserialize<'de> for PlaceName {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Place;
        impl<'de> Visitor<'de> for Place {
            type Value = PlaceName;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("text, or ten and ten_en")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<PlaceName, E> {
                super::required::checked(v).map(|ten| PlaceName { ten, ten_en: None })
            }
            fn visit_unit<E: de::Error>(self) -> Result<PlaceName, E> {
                self.visit_str("")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<PlaceName, A::Error> {
                let mut ten = None;
                let mut ten_en: Option<Option<String>> = None;
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "ten" => {
                            let v: Option<String> = map.next_value()?;
                            ten = Some(super::required::checked(v.as_deref().unwrap_or(""))?);
                        }
                        "ten_en" => ten_en = Some(map.next_value()?),
                        other => return Err(de::Error::unknown_field(other, &["ten", "ten_en"])),
                    }
                }
                let ten = ten.ok_or_else(|| de::Error::missing_field("ten"))?;
                let ten_en = ten_en.flatten().filter(|e| !super::required::is_blank(e));
                Ok(PlaceName { ten, ten_en })
            }
        }
        deserializer.deserialize_any(Place)
    }
}

/// Level of a commune-level unit (cấp xã).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CommuneKind {
    Commune,
    Ward,
    Township,
    SpecialZone,
}

impl Spelled for CommuneKind {
    const TABLE: &'static [Spelling<Self>] = &[
        row(Self::Commune, "xa", &["Xã"]),
        row(Self::Ward, "phuong", &["Phường"]),
        row(Self::Township, "thi-tran", &["Thị trấn"]),
        row(Self::SpecialZone, "dac-khu", &["Đặc khu"]),
    ];
    const LABELS: &'static str = "commune_kind";
}

/// Kind of a village-level community (thôn, tổ dân phố…), where a head is elected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VillageKind {
    Thon,
    Xom,
    Ban,
    Buon,
    Ap,
    Lang,
    Phum,
    Soc,
    Plei,
    KhuPho,
    Khu,
    ToDanPho,
    Khom,
}

impl Spelled for VillageKind {
    const TABLE: &'static [Spelling<Self>] = &[
        row(Self::Thon, "thon", &["Thôn"]),
        row(Self::Xom, "xom", &["Xóm"]),
        row(Self::Ban, "ban", &["Bản"]),
        row(Self::Buon, "buon", &["Buôn"]),
        row(Self::Ap, "ap", &["Ấp"]),
        row(Self::Lang, "lang", &["Làng"]),
        row(Self::Phum, "phum", &["Phum"]),
        row(Self::Soc, "soc", &["Sóc"]),
        row(Self::Plei, "plei", &["Plei"]),
        row(Self::KhuPho, "khu-pho", &["Khu phố"]),
        row(Self::Khu, "khu", &["Khu"]),
        row(Self::ToDanPho, "to-dan-pho", &["Tổ dân phố"]),
        row(Self::Khom, "khom", &["Khóm"]),
    ];
    const LABELS: &'static str = "village_kind";
}

spelled!(CommuneKind, VillageKind);

/// A name a commune had until a given day (tên gọi trước đây).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FormerName {
    /// Last day this name was in force.
    pub den_ngay: Date,
    #[serde(deserialize_with = "super::required::text")]
    pub ten: String,
    #[serde(default)]
    pub ten_en: Option<String>,
    #[serde(default)]
    pub huyen: Option<PlaceName>,
    #[serde(default)]
    pub tinh: Option<PlaceName>,
}

/// A village or neighbourhood (thôn, tổ dân phố, khu phố…) of a commune.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Village {
    /// Short id used in URLs and references, e.g. `khu-1`.
    #[serde(deserialize_with = "super::required::text")]
    pub ma: String,
    #[serde(deserialize_with = "super::required::text")]
    pub ten: String,
    #[serde(default)]
    pub ten_en: Option<String>,
    pub loai: VillageKind,
    #[serde(default)]
    pub hieu_luc_tu: Option<Date>,
    #[serde(default)]
    pub hieu_luc_den: Option<Date>,
    #[serde(default)]
    pub ghi_chu: Option<String>,
    #[serde(default)]
    pub ghi_chu_en: Option<String>,
}

/// The front matter of `don-vi/<id>.yaml`: a commune-level unit and its villages.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CommuneFile {
    #[serde(deserialize_with = "super::required::text")]
    pub ten: String,
    #[serde(default)]
    pub ten_en: Option<String>,
    pub cap: CommuneKind,
    pub tinh: PlaceName,
    #[serde(default)]
    pub huyen: Option<PlaceName>,
    /// Official code of the unit (mã đơn vị hành chính), when known.
    #[serde(default)]
    pub ma_hanh_chinh: Option<String>,
    #[serde(default)]
    pub hieu_luc_tu: Option<Date>,
    #[serde(default)]
    pub hieu_luc_den: Option<Date>,
    /// Id of the unit that took this one over after a merger.
    #[serde(default)]
    pub ke_thua: Option<String>,
    #[serde(default)]
    pub truoc_day: Vec<FormerName>,
    #[serde(default)]
    pub ghi_chu: Option<String>,
    #[serde(default)]
    pub ghi_chu_en: Option<String>,
    #[serde(default)]
    pub khu_dan_cu: Vec<Village>,
}

/// A commune-level unit as the site knows it.
#[derive(Debug, Clone)]
pub struct Commune {
    /// From the file name: `don-vi/hong-gai.yaml` → `hong-gai`.
    pub id: String,
    pub file: std::path::PathBuf,
    pub data: CommuneFile,
}

/// The names of a commune as they were on a given day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NamesAt {
    pub commune: String,
    /// The English name of that day, when given.
    pub commune_en: Option<String>,
    pub district: Option<PlaceName>,
    pub province: PlaceName,
}

impl Commune {
    pub fn village(&self, id: &str) -> Option<&Village> {
        self.data.khu_dan_cu.iter().find(|v| v.ma == id)
    }

    /// Names in force on `day`: the first former name whose end is on or after `day`, else the
    /// current name.
    pub fn names_at(&self, day: Date) -> NamesAt {
        let mut former: Vec<&FormerName> = self.data.truoc_day.iter().collect();
        former.sort_by_key(|f| f.den_ngay);
        match former.into_iter().find(|f| day <= f.den_ngay) {
            Some(f) => NamesAt {
                commune: f.ten.clone(),
                commune_en: f.ten_en.clone(),
                district: f.huyen.clone(),
                province: f.tinh.clone().unwrap_or_else(|| self.data.tinh.clone()),
            },
            None => self.current_names(),
        }
    }

    pub fn current_names(&self) -> NamesAt {
        NamesAt {
            commune: self.data.ten.clone(),
            commune_en: self.data.ten_en.clone(),
            district: self.data.huyen.clone(),
            province: self.data.tinh.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hong_gai() -> Commune {
        Commune {
            id: "hong-gai".into(),
            file: "don-vi/hong-gai.yaml".into(),
            data: CommuneFile {
                ten: "Phường Hồng Gai".into(),
                ten_en: None,
                cap: CommuneKind::Ward,
                tinh: PlaceName::new("Tỉnh Quảng Ninh"),
                huyen: None,
                ma_hanh_chinh: None,
                hieu_luc_tu: None,
                hieu_luc_den: None,
                ke_thua: None,
                truoc_day: vec![FormerName {
                    den_ngay: Date::new(2025, 6, 30).unwrap(),
                    ten: "Phường Hồng Gai".into(),
                    ten_en: None,
                    huyen: Some(PlaceName::new("Thành phố Hạ Long")),
                    tinh: None,
                }],
                ghi_chu: None,
                ghi_chu_en: None,
                khu_dan_cu: vec![],
            },
        }
    }

    #[test]
    fn an_archived_day_shows_the_district_of_its_time() {
        let c = hong_gai();
        let before = c.names_at(Date::new(2022, 6, 5).unwrap());
        assert_eq!(
            before.district.map(|d| d.ten).as_deref(),
            Some("Thành phố Hạ Long")
        );
        assert_eq!(before.province.ten, "Tỉnh Quảng Ninh");
        let last_day = c.names_at(Date::new(2025, 6, 30).unwrap());
        assert_eq!(
            last_day.district.map(|d| d.ten).as_deref(),
            Some("Thành phố Hạ Long")
        );
        let after = c.names_at(Date::new(2025, 7, 1).unwrap());
        assert_eq!(after.district, None);
    }

    #[test]
    fn a_place_is_typed_as_a_name_or_with_its_english_name() {
        let plain: PlaceName = serde_yaml::from_str("Tỉnh Bắc Ninh").unwrap();
        assert_eq!(plain, PlaceName::new("Tỉnh Bắc Ninh"));
        let named: PlaceName =
            serde_yaml::from_str("{ten: Tỉnh Bắc Ninh, ten_en: Bac Ninh Province}").unwrap();
        assert_eq!(named.ten, "Tỉnh Bắc Ninh");
        assert_eq!(named.ten_en.as_deref(), Some("Bac Ninh Province"));
        let blank_en: PlaceName = serde_yaml::from_str("{ten: Tỉnh Bắc Ninh, ten_en: }").unwrap();
        assert_eq!(blank_en.ten_en, None);
        for bad in [
            "~",
            "{ten_en: Bac Ninh Province}",
            "{ten: A, tenen: B}",
            "{ten: }",
        ] {
            assert!(serde_yaml::from_str::<PlaceName>(bad).is_err(), "{bad}");
        }
        // data files keep the Vietnamese name as text
        assert_eq!(serde_json::to_string(&named).unwrap(), "\"Tỉnh Bắc Ninh\"");
    }
}
