//! Provinces, communes and villages (tỉnh, xã, thôn): the real list of Vietnam's 3,321
//! commune-level units since 1 July 2025, and villages synthesised for each, since no public list
//! of the country's villages and neighbourhoods exists in the repository.

use super::rng::Rng;
use super::{Writer, q};
use crate::fs::FsError;
use crate::model::text::slugify;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// The reference list (see `benches/data/README.md`), built into the program so that
/// `gen-corpus` runs anywhere.
const UNITS_CSV: &str = include_str!("../../benches/data/vn-units-2026.csv");

/// A commune-level unit (đơn vị hành chính cấp xã) as the list gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    pub province_code: String,
    pub province: String,
    pub province_en: String,
    pub code: String,
    pub name: String,
    pub name_en: String,
    /// `xa`, `phuong` or `dac-khu`, as `don-vi/*.yaml` writes the level.
    pub level: &'static str,
}

/// Every unit of the list, in its order (by province, then code).
pub fn all() -> Vec<Unit> {
    UNITS_CSV
        .lines()
        .skip(1)
        .filter_map(|line| {
            // the list has no quoted fields: no name holds a comma
            let f: Vec<&str> = line.trim_end_matches('\r').split(',').collect();
            let level = match *f.get(7)? {
                "Phường" => "phuong",
                "Đặc khu" => "dac-khu",
                _ => "xa",
            };
            Some(Unit {
                province_code: f.first()?.to_string(),
                province: f.get(1)?.to_string(),
                province_en: f.get(2)?.to_string(),
                code: f.get(4)?.to_string(),
                name: f.get(5)?.to_string(),
                name_en: f.get(6)?.to_string(),
                level,
            })
        })
        .collect()
}

/// The share `scale` of `count` units, spread evenly over the list so that every province keeps
/// its share; at least one. The choice depends on the scale only, so corpora of one scale and
/// different seeds hold the same units.
pub fn select(count: usize, scale: f64) -> Vec<usize> {
    let wanted = ((scale * count as f64).round() as usize).clamp(1, count.max(1));
    (0..wanted).map(|i| i * count / wanted).collect()
}

/// A province as a folder name: `Thành phố Hà Nội` → `ha-noi`.
pub fn province_slug(province: &str) -> String {
    let slug = slugify(province);
    for prefix in ["thanh-pho-", "tinh-"] {
        if let Some(rest) = slug.strip_prefix(prefix) {
            return rest.to_string();
        }
    }
    slug
}

/// The file id of every unit (`don-vi/<id>.yaml`): its name as a slug, with its province when
/// another province has a unit of the same name, and its code if even that repeats. Computed
/// over the whole list so that a unit keeps its id at every scale.
pub fn ids(units: &[Unit]) -> Vec<String> {
    let mut by_name: BTreeMap<String, usize> = BTreeMap::new();
    for u in units {
        *by_name.entry(slugify(&u.name)).or_default() += 1;
    }
    let with_province: Vec<String> = units
        .iter()
        .map(|u| {
            let name = slugify(&u.name);
            if by_name[&name] > 1 {
                format!("{name}-{}", province_slug(&u.province))
            } else {
                name
            }
        })
        .collect();
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for id in &with_province {
        *seen.entry(id).or_default() += 1;
    }
    with_province
        .iter()
        .zip(units)
        .map(|(id, u)| {
            if seen[id.as_str()] > 1 {
                format!("{id}-{}", u.code)
            } else {
                id.clone()
            }
        })
        .collect()
}

/// Parts of the country whose villages, offices and people differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Region {
    /// The northern mountains: bản, Tày, Nùng, Thái, Mông, Dao.
    NorthMountains,
    /// The Central Highlands: thôn, buôn; Ê Đê, Gia Rai.
    Highlands,
    /// The south-east and Ho Chi Minh City: ấp, khu phố.
    South,
    /// The Mekong delta: ấp, khóm; Khmer.
    Mekong,
    /// Everywhere else: thôn, tổ dân phố.
    Plains,
}

impl Region {
    pub fn of(province_code: &str) -> Self {
        match province_code {
            "04" | "08" | "11" | "12" | "14" | "15" | "20" => Self::NorthMountains,
            "52" | "66" | "68" => Self::Highlands,
            "75" | "79" | "80" => Self::South,
            "82" | "86" | "91" | "92" | "96" => Self::Mekong,
            _ => Self::Plains,
        }
    }
}

/// A kind of village with the office elected there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settlement {
    /// `loai` in `don-vi/*.yaml`.
    pub kind: &'static str,
    pub label: &'static str,
    pub label_en: &'static str,
    /// `chuc_danh` in `dot-bau-cu.yaml`.
    pub office: &'static str,
    pub office_vi: &'static str,
    pub office_en: &'static str,
}

const THON: Settlement = Settlement {
    kind: "thon",
    label: "Thôn",
    label_en: "Village",
    office: "truong-thon",
    office_vi: "Trưởng thôn",
    office_en: "village head",
};
const BAN: Settlement = Settlement {
    kind: "ban",
    label: "Bản",
    label_en: "Hamlet",
    office: "truong-ban",
    office_vi: "Trưởng bản",
    office_en: "hamlet head",
};
const AP: Settlement = Settlement {
    kind: "ap",
    label: "Ấp",
    label_en: "Hamlet",
    office: "truong-ap",
    office_vi: "Trưởng ấp",
    office_en: "hamlet head",
};
const TO_DAN_PHO: Settlement = Settlement {
    kind: "to-dan-pho",
    label: "Tổ dân phố",
    label_en: "Residential group",
    office: "to-truong-to-dan-pho",
    office_vi: "Tổ trưởng tổ dân phố",
    office_en: "residential group leader",
};
const KHU_PHO: Settlement = Settlement {
    kind: "khu-pho",
    label: "Khu phố",
    label_en: "Neighbourhood",
    office: "truong-khu-pho",
    office_vi: "Trưởng khu phố",
    office_en: "neighbourhood head",
};
const KHOM: Settlement = Settlement {
    kind: "khom",
    label: "Khóm",
    label_en: "Khom",
    office: "truong-khom",
    office_vi: "Trưởng khóm",
    office_en: "khom head",
};

/// Words villages are named after, with their spelling without accents for English names.
const PLACE_NAMES: [(&str, &str); 32] = [
    ("Đông", "Dong"),
    ("Tây", "Tay"),
    ("Nam", "Nam"),
    ("Bắc", "Bac"),
    ("Trung", "Trung"),
    ("Thượng", "Thuong"),
    ("Hạ", "Ha"),
    ("An Lạc", "An Lac"),
    ("Phú Xuân", "Phu Xuan"),
    ("Tân Thành", "Tan Thanh"),
    ("Hòa Bình", "Hoa Binh"),
    ("Đồng Tâm", "Dong Tam"),
    ("Quyết Tiến", "Quyet Tien"),
    ("Thống Nhất", "Thong Nhat"),
    ("Phú Lợi", "Phu Loi"),
    ("Tân Lập", "Tan Lap"),
    ("Hưng Thịnh", "Hung Thinh"),
    ("Đoàn Kết", "Doan Ket"),
    ("Bình Minh", "Binh Minh"),
    ("Vĩnh Phúc", "Vinh Phuc"),
    ("Cẩm Tú", "Cam Tu"),
    ("Long Hải", "Long Hai"),
    ("Mỹ Hòa", "My Hoa"),
    ("Thái Hòa", "Thai Hoa"),
    ("Kim Sơn", "Kim Son"),
    ("Na Hang", "Na Hang"),
    ("Nà Pục", "Na Puc"),
    ("Khuổi Tát", "Khuoi Tat"),
    ("Cốc Lùng", "Coc Lung"),
    ("Buôn Đôn", "Buon Don"),
    ("Phước Long", "Phuoc Long"),
    ("Thạnh Phú", "Thanh Phu"),
];

/// A village or neighbourhood of a synthetic commune.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Village {
    pub id: String,
    pub name: String,
    pub name_en: String,
    /// Households (hộ gia đình) whose representatives vote: the base of the law's shares.
    pub households: u32,
}

/// A unit with its synthetic villages.
#[derive(Debug, Clone)]
pub struct Commune<'a> {
    pub unit: &'a Unit,
    pub id: String,
    pub region: Region,
    pub settlement: Settlement,
    pub villages: Vec<Village>,
}

impl<'a> Commune<'a> {
    /// Villages drawn for `unit`: wards have more and larger neighbourhoods than rural communes,
    /// about 100,000 over the whole country.
    pub fn new(unit: &'a Unit, id: String, rng: &mut Rng) -> Self {
        let region = Region::of(&unit.province_code);
        let settlement = match (unit.level, region) {
            ("phuong", Region::Mekong) => KHOM,
            ("phuong", Region::South) => KHU_PHO,
            ("phuong", _) => TO_DAN_PHO,
            ("dac-khu", _) => THON,
            (_, Region::NorthMountains) => BAN,
            (_, Region::South | Region::Mekong) => AP,
            _ => THON,
        };
        let (count, households) = match unit.level {
            "phuong" => (rng.range(20, 55), (120, 650)),
            "dac-khu" => (rng.range(5, 20), (60, 400)),
            _ => (rng.range(12, 40), (60, 480)),
        };
        let mut used: Vec<&str> = Vec::new();
        let mut villages = Vec::new();
        for n in 1..=count {
            // rural villages often carry a name; urban groups are numbered
            let named = unit.level != "phuong" && rng.chance(0.4);
            let word = named.then(|| *rng.pick(&PLACE_NAMES));
            let (name, name_en) = match word {
                Some((vi, en)) if !used.contains(&vi) => {
                    used.push(vi);
                    (
                        format!("{} {vi}", settlement.label),
                        format!("{en} {}", settlement.label_en),
                    )
                }
                _ => (
                    format!("{} {n}", settlement.label),
                    format!("{} {n}", settlement.label_en),
                ),
            };
            villages.push(Village {
                id: slugify(&name),
                name,
                name_en,
                households: rng.range(households.0, households.1),
            });
        }
        Self {
            unit,
            id,
            region,
            settlement,
            villages,
        }
    }

    /// The commune file, `don-vi/<id>.yaml`.
    pub fn write(&self, out: &mut Writer) -> Result<(), FsError> {
        let u = self.unit;
        let mut y = String::new();
        let _ = writeln!(
            y,
            "# Dữ liệu mẫu do niemyet gen-corpus tạo. / Sample data made by niemyet gen-corpus."
        );
        let _ = writeln!(y, "ten: {}", q(&u.name));
        let _ = writeln!(y, "ten_en: {}", q(&u.name_en));
        let _ = writeln!(y, "cap: {}", u.level);
        let _ = writeln!(y, "tinh: {}", q(&u.province));
        let _ = writeln!(y, "ma_hanh_chinh: {}", q(&u.code));
        let _ = writeln!(
            y,
            "ghi_chu: {}",
            q(
                "Tên và mã đơn vị theo danh mục từ ngày 01/7/2025; danh sách khu dân cư là dữ liệu mẫu."
            )
        );
        let _ = writeln!(
            y,
            "ghi_chu_en: {}",
            q(
                "Name and code from the list in force since 1 July 2025; the villages are sample data."
            )
        );
        let _ = writeln!(y, "khu_dan_cu:");
        for v in &self.villages {
            let _ = writeln!(y, "  - ma: {}", v.id);
            let _ = writeln!(y, "    ten: {}", q(&v.name));
            let _ = writeln!(y, "    ten_en: {}", q(&v.name_en));
            let _ = writeln!(y, "    loai: {}", self.settlement.kind);
        }
        out.put(&format!("don-vi/{}.yaml", self.id), y.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_holds_every_unit_of_the_country() {
        let units = all();
        assert_eq!(units.len(), 3321);
        let provinces: std::collections::BTreeSet<&str> =
            units.iter().map(|u| u.province_code.as_str()).collect();
        assert_eq!(provinces.len(), 34);
        assert_eq!(units[0].name, "Phường Ba Đình");
        assert_eq!(units[0].level, "phuong");
        assert_eq!(units.iter().filter(|u| u.level == "dac-khu").count(), 13);
    }

    #[test]
    fn ids_are_unique_slugs() {
        let units = all();
        let ids = ids(&units);
        let unique: std::collections::BTreeSet<&String> = ids.iter().collect();
        assert_eq!(unique.len(), units.len());
        assert!(ids.iter().all(|id| crate::model::text::is_slug(id)));
        assert_eq!(ids[0], "phuong-ba-dinh");
    }

    #[test]
    fn a_scale_selects_its_share_spread_over_the_list() {
        assert_eq!(select(3321, 1.0).len(), 3321);
        assert_eq!(select(3321, 0.01).len(), 33);
        assert_eq!(select(3321, 0.000_001), vec![0]);
        let tenth = select(3321, 0.1);
        assert_eq!(tenth.len(), 332);
        assert!(tenth.windows(2).all(|w| w[0] < w[1]));
        assert!(*tenth.last().unwrap() > 3000);
    }

    #[test]
    fn villages_are_unique_and_number_about_a_hundred_thousand_for_the_country() {
        let units = all();
        let ids = ids(&units);
        let mut total = 0;
        for (u, id) in units.iter().zip(&ids) {
            let c = Commune::new(u, id.clone(), &mut Rng::stream(1, &u.code));
            let unique: std::collections::BTreeSet<&str> =
                c.villages.iter().map(|v| v.id.as_str()).collect();
            assert_eq!(unique.len(), c.villages.len(), "{}", u.name);
            total += c.villages.len();
        }
        assert!((80_000..120_000).contains(&total), "{total}");
    }

    #[test]
    fn offices_follow_the_region_and_level() {
        let units = all();
        let ward = units.iter().find(|u| u.name == "Phường Ba Đình").unwrap();
        let c = Commune::new(ward, "x".into(), &mut Rng::new(1));
        assert_eq!(c.settlement.office, "to-truong-to-dan-pho");
        let mountain = units
            .iter()
            .find(|u| u.province_code == "04" && u.level == "xa")
            .unwrap();
        assert_eq!(
            Commune::new(mountain, "x".into(), &mut Rng::new(1))
                .settlement
                .office,
            "truong-ban"
        );
    }
}
