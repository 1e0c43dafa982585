//! The divisions as data (danh mục đơn vị): every commune/ward and every village/neighbourhood,
//! with its stable OCD id, official code, names and validity.

use super::csv::{Cell, Table};
use super::ocd;
use crate::model::Site;
use crate::model::date::Date;
use crate::model::division::{Commune, CommuneKind, FormerName, VillageKind};
use serde::Serialize;

/// A commune or ward (xã, phường).
#[derive(Debug, Clone, Serialize)]
pub struct CommuneRecord<'a> {
    /// Its id: the file name in `don-vi/`, also the last part of its page's address, and what
    /// the other data files name it by (`don_vi`). Renaming the file changes it.
    pub ma: &'a str,
    /// Its lasting id: from its official code when it has one, which no renaming changes.
    pub ocd_id: String,
    /// Official code (mã đơn vị hành chính), when set.
    pub ma_hanh_chinh: Option<&'a str>,
    /// `xa`, `phuong`, `thi-tran` or `dac-khu`.
    pub cap: CommuneKind,
    pub ten: &'a str,
    pub ten_en: Option<&'a str>,
    pub huyen: Option<&'a str>,
    pub tinh: &'a str,
    pub hieu_luc_tu: Option<Date>,
    pub hieu_luc_den: Option<Date>,
    /// The unit that took it over after a merger.
    pub ke_thua: Option<&'a str>,
    /// Former names, oldest first.
    pub truoc_day: Vec<&'a FormerName>,
    pub khu_dan_cu: Vec<VillageRecord<'a>>,
}

/// A village or neighbourhood (thôn, tổ dân phố, khu phố…).
#[derive(Debug, Clone, Serialize)]
pub struct VillageRecord<'a> {
    pub ma: &'a str,
    pub ocd_id: String,
    /// `thon`, `khu-pho`, `to-dan-pho`…
    pub loai: VillageKind,
    pub ten: &'a str,
    pub ten_en: Option<&'a str>,
    pub hieu_luc_tu: Option<Date>,
    pub hieu_luc_den: Option<Date>,
}

/// Every division of the site, communes sorted by id, villages in their file's order.
#[derive(Debug, Clone, Serialize)]
pub struct Divisions<'a> {
    pub don_vi: Vec<CommuneRecord<'a>>,
}

impl Divisions<'_> {
    /// The latest date of validity it holds, for the catalogue.
    pub fn latest_date(&self) -> Option<Date> {
        self.don_vi
            .iter()
            .flat_map(|c| {
                let villages = c.khu_dan_cu.iter().map(|v| (v.hieu_luc_tu, v.hieu_luc_den));
                std::iter::once((c.hieu_luc_tu, c.hieu_luc_den)).chain(villages)
            })
            .flat_map(|(from, to)| [from, to])
            .flatten()
            .max()
    }
}

fn commune(c: &Commune) -> CommuneRecord<'_> {
    let d = &c.data;
    let mut former: Vec<&FormerName> = d.truoc_day.iter().collect();
    former.sort_by_key(|f| f.den_ngay);
    CommuneRecord {
        ma: &c.id,
        ocd_id: ocd::commune(c),
        ma_hanh_chinh: d.ma_hanh_chinh.as_deref(),
        cap: d.cap,
        ten: &d.ten,
        ten_en: d.ten_en.as_deref(),
        huyen: d.huyen.as_ref().map(|h| h.ten.as_str()),
        tinh: &d.tinh.ten,
        hieu_luc_tu: d.hieu_luc_tu,
        hieu_luc_den: d.hieu_luc_den,
        ke_thua: d.ke_thua.as_deref(),
        truoc_day: former,
        khu_dan_cu: d
            .khu_dan_cu
            .iter()
            .map(|v| VillageRecord {
                ma: &v.ma,
                ocd_id: ocd::village(c, &v.ma),
                loai: v.loai,
                ten: &v.ten,
                ten_en: v.ten_en.as_deref(),
                hieu_luc_tu: v.hieu_luc_tu,
                hieu_luc_den: v.hieu_luc_den,
            })
            .collect(),
    }
}

pub fn divisions(site: &Site) -> Divisions<'_> {
    Divisions {
        don_vi: site.communes.iter().map(commune).collect(),
    }
}

pub(super) const COLUMNS: &[&str] = &[
    "ocd_id",
    "ma",
    "don_vi_cha",
    "cap",
    "ma_hanh_chinh",
    "ten",
    "ten_en",
    "huyen",
    "tinh",
    "hieu_luc_tu",
    "hieu_luc_den",
    "ke_thua",
];

/// One row per commune, followed by one per village of it (`don_vi_cha` naming the commune).
pub fn csv(d: &Divisions) -> Table<'static> {
    let date = |d: Option<Date>| Cell::opt_key(d.map(|d| d.iso()));
    let mut table = Table::new(COLUMNS);
    for c in &d.don_vi {
        table.push(vec![
            Cell::key(&c.ocd_id),
            Cell::key(c.ma),
            Cell::Empty,
            Cell::content_key(c.cap),
            Cell::opt_text(c.ma_hanh_chinh),
            Cell::text(c.ten),
            Cell::opt_text(c.ten_en),
            Cell::opt_text(c.huyen),
            Cell::text(c.tinh),
            date(c.hieu_luc_tu),
            date(c.hieu_luc_den),
            Cell::opt_key(c.ke_thua),
        ]);
        for v in &c.khu_dan_cu {
            table.push(vec![
                Cell::key(&v.ocd_id),
                Cell::key(v.ma),
                Cell::key(c.ma),
                Cell::content_key(v.loai),
                Cell::Empty,
                Cell::text(v.ten),
                Cell::opt_text(v.ten_en),
                Cell::Empty,
                Cell::Empty,
                date(v.hieu_luc_tu),
                date(v.hieu_luc_den),
                Cell::Empty,
            ]);
        }
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::testing::example_site;

    #[test]
    fn every_commune_and_village_has_its_ocd_id_and_code() {
        let site = example_site();
        let d = divisions(&site);
        let hong_gai = d.don_vi.iter().find(|c| c.ma == "hong-gai").unwrap();
        assert_eq!(hong_gai.ma_hanh_chinh, Some("06685"));
        // named by its official code; a unit without one by its province and file name
        assert_eq!(
            hong_gai.ocd_id,
            "ocd-division/country:vn/ma_hanh_chinh:06685"
        );
        let dong_ky = d.don_vi.iter().find(|c| c.ma == "dong-ky").unwrap();
        assert_eq!(
            dong_ky.ocd_id,
            "ocd-division/country:vn/province:bac_ninh/commune:dong-ky"
        );
        let json = serde_json::to_value(&d).unwrap();
        assert_eq!(json["don_vi"][0]["cap"], "phuong");
        let villages: usize = site.communes.iter().map(|c| c.data.khu_dan_cu.len()).sum();
        let text = String::from_utf8(csv(&d).to_bytes()).unwrap();
        assert_eq!(
            text.trim_end().split("\r\n").count(),
            1 + site.communes.len() + villages
        );
        assert!(text.contains(
            "ocd-division/country:vn/ma_hanh_chinh:06685/village:khu-pho-1,khu-pho-1,hong-gai,khu-pho,,Khu phố 1,"
        ));
    }

    #[test]
    fn renaming_a_commune_with_a_code_keeps_its_data_ids() {
        let site = example_site();
        let ids = |site: &Site| -> Vec<String> {
            divisions(site)
                .don_vi
                .iter()
                .flat_map(|c| {
                    let villages = c.khu_dan_cu.iter().map(|v| v.ocd_id.clone());
                    std::iter::once(c.ocd_id.clone()).chain(villages)
                })
                .collect()
        };
        let mut renamed = site.clone();
        let c = renamed
            .communes
            .iter_mut()
            .find(|c| c.id == "phuong-phu-loi")
            .unwrap();
        c.id = "phuong-phu-loi-can-tho".into();
        c.data.ten = "Phường Phú Lợi Mới".into();
        c.data.tinh = "Tỉnh Sóc Trăng".into();
        assert_eq!(ids(&renamed), ids(&site));
        let d = divisions(&renamed);
        let row = d
            .don_vi
            .iter()
            .find(|c| c.ma == "phuong-phu-loi-can-tho")
            .unwrap();
        assert_eq!(row.ocd_id, "ocd-division/country:vn/ma_hanh_chinh:31510");
    }
}
