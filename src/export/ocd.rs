//! Division identifiers in the Open Civic Data style (mã định danh đơn vị theo OCD):
//! `ocd-division/country:vn/province:quang_ninh/commune:hong-gai/village:khu-pho-1`.

use crate::model::division::Commune;
use crate::model::text::slugify;

/// The part of a commune's data ids that names it: its official code (`ma_hanh_chinh`) when it
/// has one, else its id (its file name in `don-vi/`). A code outlives the unit's names and the
/// name of its file, so renaming either leaves every id built from it as it was.
pub fn key(commune: &Commune) -> String {
    match &commune.data.ma_hanh_chinh {
        Some(code) => part(code),
        None => part(&commune.id),
    }
}

/// The OCD id of a commune or ward (xã, phường).
///
/// An id must never change once published, so nothing in it follows a name that can change.
/// OCD ids are made of names by convention; a unit with an official code is named by that code
/// instead, as OCD does with statistical codes elsewhere (Canada's `csd:3520005`):
/// `ocd-division/country:vn/ma_hanh_chinh:06685`. The code is unique in the country, and stays
/// when the unit is renamed, its file renamed or the unit moved to another province (as many
/// were on 1 July 2025). A unit without a code is named as follows:
/// - the `commune` part is the commune's id (its file name in `don-vi/`, which is also its page's
///   address), and the `village` part (see [`village`]) the village's `ma`;
/// - the `province` part is the province the unit belonged to under its **earliest** known name
///   (the oldest `truoc_day` entry, by `den_ngay`: its `tinh` if given, else the current `tinh`),
///   without the “Tỉnh” / “Thành phố” prefix, folded to ASCII with `_` between words. Recording a
///   renaming or a move to another province adds a newer former name, which leaves the oldest
///   one, and so the id, as it was.
///
/// Only the characters OCD allows appear (`[a-z0-9._~-]` in each value).
pub fn commune(commune: &Commune) -> String {
    if commune.data.ma_hanh_chinh.is_some() {
        return format!("ocd-division/country:vn/ma_hanh_chinh:{}", key(commune));
    }
    let oldest = commune.data.truoc_day.iter().min_by_key(|f| f.den_ngay);
    let province = oldest
        .and_then(|f| f.tinh.as_ref())
        .unwrap_or(&commune.data.tinh)
        .ten
        .as_str();
    format!(
        "ocd-division/country:vn/province:{}/commune:{}",
        province_part(province),
        part(&commune.id)
    )
}

/// The OCD id of a village or neighbourhood (thôn, tổ dân phố, khu phố…) of `commune`.
pub fn village(of: &Commune, village: &str) -> String {
    format!("{}/village:{}", commune(of), part(village))
}

/// "Tỉnh Quảng Ninh" → `quang_ninh`; "Thành phố Hồ Chí Minh" → `ho_chi_minh`.
fn province_part(name: &str) -> String {
    let slug = slugify(name);
    let bare = ["tinh-", "thanh-pho-", "tp-"]
        .iter()
        .find_map(|prefix| slug.strip_prefix(prefix))
        .unwrap_or(&slug);
    non_empty(bare.replace('-', "_"))
}

/// An id as OCD allows it. Ids of the content are already slugs (checked when loading); slugging
/// again keeps the promise even for a site whose ids were not checked.
fn part(id: &str) -> String {
    non_empty(slugify(id))
}

/// OCD values are never empty: a name with no letter or digit at all becomes `_`.
fn non_empty(value: String) -> String {
    if value.is_empty() { "_".into() } else { value }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::date::Date;
    use crate::model::division::{CommuneFile, CommuneKind, FormerName, PlaceName};

    fn ward(id: &str, name: &str, province: &str) -> Commune {
        Commune {
            id: id.into(),
            file: format!("don-vi/{id}.yaml").into(),
            data: CommuneFile {
                ten: name.into(),
                ten_en: None,
                cap: CommuneKind::Ward,
                tinh: PlaceName::new(province),
                huyen: None,
                ma_hanh_chinh: None,
                hieu_luc_tu: None,
                hieu_luc_den: None,
                ke_thua: None,
                truoc_day: vec![],
                ghi_chu: None,
                ghi_chu_en: None,
                khu_dan_cu: vec![],
            },
        }
    }

    fn former(day: (i32, u8, u8), name: &str, province: Option<&str>) -> FormerName {
        FormerName {
            den_ngay: Date::new(day.0, day.1, day.2).unwrap(),
            ten: name.into(),
            ten_en: None,
            huyen: None,
            tinh: province.map(PlaceName::new),
        }
    }

    #[test]
    fn vietnamese_names_are_folded_without_their_prefix() {
        assert_eq!(province_part("Tỉnh Quảng Ninh"), "quang_ninh");
        assert_eq!(province_part("Thành phố Hồ Chí Minh"), "ho_chi_minh");
        assert_eq!(province_part("Tỉnh Thừa Thiên Huế"), "thua_thien_hue");
        assert_eq!(province_part("Tỉnh Đắk Lắk"), "dak_lak");
        assert_eq!(province_part("Bắc Ninh"), "bac_ninh");
        assert_eq!(province_part("—"), "_");
        let c = ward("hong-gai", "Phường Hồng Gai", "Tỉnh Quảng Ninh");
        assert_eq!(
            village(&c, "khu-pho-1"),
            "ocd-division/country:vn/province:quang_ninh/commune:hong-gai/village:khu-pho-1"
        );
    }

    #[test]
    fn only_characters_that_ocd_allows_appear() {
        let c = ward("Phường 2", "Phường 2", "TP. Cần Thơ");
        let id = village(&c, "Khóm 1");
        for value in id.split('/').skip(1) {
            let (_, v) = value.split_once(':').unwrap();
            assert!(
                v.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"._~-".contains(&b)),
                "{id}"
            );
        }
        assert_eq!(
            id,
            "ocd-division/country:vn/province:can_tho/commune:phuong-2/village:khom-1"
        );
    }

    #[test]
    fn renaming_or_moving_a_unit_does_not_change_its_id() {
        let before = ward("phuong-2-soc-trang", "Phường 2", "Tỉnh Sóc Trăng");
        let id = commune(&before);
        assert_eq!(
            id,
            "ocd-division/country:vn/province:soc_trang/commune:phuong-2-soc-trang"
        );

        // renamed and moved to another province, the earlier name recorded as staff do
        let mut after = before.clone();
        after.data.ten = "Phường Phú Lợi".into();
        after.data.tinh = PlaceName::new("Thành phố Cần Thơ");
        after.data.truoc_day = vec![former((2025, 6, 30), "Phường 2", Some("Tỉnh Sóc Trăng"))];
        assert_eq!(commune(&after), id);

        // a later renaming adds a newer former name; the oldest one still decides
        let mut later = after.clone();
        later.data.ten = "Phường Phú Lợi Mới".into();
        later.data.tinh = PlaceName::new("Tỉnh Hậu Giang");
        later.data.truoc_day.insert(
            0,
            former((2030, 1, 1), "Phường Phú Lợi", Some("Thành phố Cần Thơ")),
        );
        assert_eq!(commune(&later), id);
        assert_eq!(village(&later, "khom-1"), format!("{id}/village:khom-1"));
    }

    #[test]
    fn a_unit_with_an_official_code_is_named_by_it_whatever_its_name_and_file() {
        let mut c = ward("hong-gai", "Phường Hồng Gai", "Tỉnh Quảng Ninh");
        c.data.ma_hanh_chinh = Some("06685".into());
        let id = commune(&c);
        assert_eq!(id, "ocd-division/country:vn/ma_hanh_chinh:06685");
        assert_eq!(key(&c), "06685");
        let mut renamed = c.clone();
        renamed.id = "phuong-hong-gai-moi".into();
        renamed.data.ten = "Phường Hồng Gai Mới".into();
        renamed.data.tinh = PlaceName::new("Thành phố Hạ Long");
        renamed.data.truoc_day = vec![former((2030, 1, 1), "Phường Hồng Gai", None)];
        assert_eq!(commune(&renamed), id);
        assert_eq!(key(&renamed), "06685");
        assert_eq!(
            village(&renamed, "khu-pho-1"),
            format!("{id}/village:khu-pho-1")
        );
        // without a code, the file name names it
        assert_eq!(key(&ward("hong-gai", "x", "y")), "hong-gai");
    }

    #[test]
    fn a_former_name_without_a_province_means_the_current_one() {
        let mut c = ward("hong-gai", "Phường Hồng Gai", "Tỉnh Quảng Ninh");
        c.data.truoc_day = vec![former((2025, 6, 30), "Phường Hồng Gai", None)];
        assert_eq!(
            commune(&c),
            "ocd-division/country:vn/province:quang_ninh/commune:hong-gai"
        );
    }
}
