//! Administrative divisions (đơn vị hành chính): province → commune/ward → village/neighbourhood.
//!
//! Since 1 July 2025 Vietnam has two levels of local government and no districts, and many units
//! were merged or renamed. A commune therefore keeps its earlier names (`truoc_day`) so that an
//! archived election shows the names in force on its day, and may end (`hieu_luc_den`) and name the
//! unit that took it over (`ke_thua`).

use super::date::Date;
use super::spelling::{Spelled, Spelling, row, spelled};
use serde::{Deserialize, Serialize};

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
    pub huyen: Option<String>,
    #[serde(default)]
    pub tinh: Option<String>,
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
    #[serde(deserialize_with = "super::required::text")]
    pub tinh: String,
    #[serde(default)]
    pub huyen: Option<String>,
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
    pub district: Option<String>,
    pub province: String,
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
                tinh: "Tỉnh Quảng Ninh".into(),
                huyen: None,
                ma_hanh_chinh: None,
                hieu_luc_tu: None,
                hieu_luc_den: None,
                ke_thua: None,
                truoc_day: vec![FormerName {
                    den_ngay: Date::new(2025, 6, 30).unwrap(),
                    ten: "Phường Hồng Gai".into(),
                    ten_en: None,
                    huyen: Some("Thành phố Hạ Long".into()),
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
        assert_eq!(before.district.as_deref(), Some("Thành phố Hạ Long"));
        assert_eq!(before.province, "Tỉnh Quảng Ninh");
        let last_day = c.names_at(Date::new(2025, 6, 30).unwrap());
        assert_eq!(last_day.district.as_deref(), Some("Thành phố Hạ Long"));
        let after = c.names_at(Date::new(2025, 7, 1).unwrap());
        assert_eq!(after.district, None);
    }
}
