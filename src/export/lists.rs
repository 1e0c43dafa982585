//! The public lists of a round as data: the candidates (danh sách ứng cử viên), grouped by
//! village, and those elected (danh sách trúng cử).
//!
//! A candidate's record holds only what the candidate page already shows. The bio is not data
//! (it is prose, and may mention people), and nothing under `rieng_tu` is ever read into the model.

use super::contest::{Contest, share};
use super::csv::{Cell, Table};
use super::results::term;
use crate::model::candidate::{Candidate, Gender, PoliticalTheory, Qualification};
use crate::model::date::Date;
use crate::model::election::Round;
use serde::Serialize;

/// A candidate's public facts (thông tin công khai của ứng cử viên).
#[derive(Debug, Clone, Serialize)]
pub struct CandidateRecord<'a> {
    pub ung_cu_vien: &'a str,
    pub ho_ten: &'a str,
    pub khu_dan_cu: &'a str,
    pub ten_khu_dan_cu: &'a str,
    pub nam_sinh: u16,
    pub gioi_tinh: Gender,
    pub dan_toc: &'a str,
    pub ton_giao: Option<&'a str>,
    pub hoc_van: Option<&'a str>,
    pub trinh_do_chuyen_mon: Qualification,
    pub chuyen_nganh: Option<&'a str>,
    pub ly_luan_chinh_tri: PoliticalTheory,
    pub nghe_nghiep: &'a str,
    pub dang_vien: bool,
    /// Standing again after a term as head (tái cử).
    pub tai_cu: bool,
}

/// The candidates of one village, in ballot order.
#[derive(Debug, Clone, Serialize)]
pub struct VillageCandidates<'a> {
    pub khu_dan_cu: &'a str,
    pub ten_khu_dan_cu: &'a str,
    pub ung_cu_vien: Vec<CandidateRecord<'a>>,
}

/// The candidate list of a round.
#[derive(Debug, Clone, Serialize)]
pub struct CandidateList<'a> {
    pub dot_bau_cu: &'a str,
    pub don_vi: &'a str,
    pub nhiem_ky: String,
    pub ngay_bau_cu: Date,
    /// Villages in the order of the round's contests.
    pub khu_dan_cu: Vec<VillageCandidates<'a>>,
}

fn candidate<'a>(c: &'a Candidate, village_name: &'a str) -> CandidateRecord<'a> {
    let d = &c.data;
    CandidateRecord {
        ung_cu_vien: &c.slug,
        ho_ten: &d.ho_ten,
        khu_dan_cu: &d.khu_dan_cu,
        ten_khu_dan_cu: village_name,
        nam_sinh: d.nam_sinh,
        gioi_tinh: d.gioi_tinh,
        dan_toc: &d.dan_toc,
        ton_giao: d.ton_giao.as_deref(),
        hoc_van: d.hoc_van.as_deref(),
        trinh_do_chuyen_mon: d.trinh_do_chuyen_mon,
        chuyen_nganh: d.chuyen_nganh.as_deref(),
        ly_luan_chinh_tri: d.ly_luan_chinh_tri,
        nghe_nghiep: &d.nghe_nghiep,
        dang_vien: d.dang_vien,
        tai_cu: d.tai_cu,
    }
}

pub fn candidates<'a>(round: &'a Round, contests: &[Contest<'a>]) -> CandidateList<'a> {
    CandidateList {
        dot_bau_cu: &round.id,
        don_vi: &round.data.don_vi,
        nhiem_ky: term(round),
        ngay_bau_cu: round.data.ngay_bau_cu,
        khu_dan_cu: contests
            .iter()
            .map(|c| VillageCandidates {
                khu_dan_cu: c.village_id,
                ten_khu_dan_cu: c.village_name(),
                ung_cu_vien: c
                    .candidates
                    .iter()
                    .map(|cand| candidate(cand, c.village_name()))
                    .collect(),
            })
            .collect(),
    }
}

pub(super) const CANDIDATE_COLUMNS: &[&str] = &[
    "dot_bau_cu",
    "khu_dan_cu",
    "ten_khu_dan_cu",
    "ung_cu_vien",
    "ho_ten",
    "nam_sinh",
    "gioi_tinh",
    "dan_toc",
    "ton_giao",
    "hoc_van",
    "trinh_do_chuyen_mon",
    "chuyen_nganh",
    "ly_luan_chinh_tri",
    "nghe_nghiep",
    "dang_vien",
    "tai_cu",
];

pub fn candidates_csv(list: &CandidateList) -> Table<'static> {
    let mut table = Table::new(CANDIDATE_COLUMNS);
    for v in &list.khu_dan_cu {
        for c in &v.ung_cu_vien {
            table.push(vec![
                Cell::key(list.dot_bau_cu),
                Cell::key(c.khu_dan_cu),
                Cell::text(c.ten_khu_dan_cu),
                Cell::key(c.ung_cu_vien),
                Cell::text(c.ho_ten),
                Cell::Int(u64::from(c.nam_sinh)),
                Cell::content_key(c.gioi_tinh),
                Cell::text(c.dan_toc),
                Cell::opt_text(c.ton_giao),
                Cell::opt_text(c.hoc_van),
                Cell::content_key(c.trinh_do_chuyen_mon),
                Cell::opt_text(c.chuyen_nganh),
                Cell::content_key(c.ly_luan_chinh_tri),
                Cell::text(c.nghe_nghiep),
                Cell::from(c.dang_vien),
                Cell::from(c.tai_cu),
            ]);
        }
    }
    table
}

/// One elected head (người trúng cử), by the computed outcome.
#[derive(Debug, Clone, Serialize)]
pub struct ElectedRecord<'a> {
    pub khu_dan_cu: &'a str,
    pub ten_khu_dan_cu: &'a str,
    pub ung_cu_vien: &'a str,
    pub ho_ten: &'a str,
    pub so_phieu: Option<u32>,
    pub tong_cu_tri: u32,
    /// Votes of all household representatives, in percent.
    pub ty_le_tong_cu_tri: Option<f64>,
    /// Where the contest stands (`tam-thoi`, `cong-nhan`…).
    pub trang_thai: &'static str,
}

/// The elected of a round.
#[derive(Debug, Clone, Serialize)]
pub struct ElectedList<'a> {
    pub dot_bau_cu: &'a str,
    pub don_vi: &'a str,
    pub nhiem_ky: String,
    pub ngay_bau_cu: Date,
    pub trung_cu: Vec<ElectedRecord<'a>>,
}

pub fn elected<'a>(round: &'a Round, contests: &[Contest<'a>]) -> ElectedList<'a> {
    ElectedList {
        dot_bau_cu: &round.id,
        don_vi: &round.data.don_vi,
        nhiem_ky: term(round),
        ngay_bau_cu: round.data.ngay_bau_cu,
        trung_cu: contests
            .iter()
            .filter_map(|c| {
                let who = c.elected()?;
                let count = c.counted()?.figures;
                let votes = c.votes(&who.slug);
                Some(ElectedRecord {
                    khu_dan_cu: c.village_id,
                    ten_khu_dan_cu: c.village_name(),
                    ung_cu_vien: &who.slug,
                    ho_ten: &who.data.ho_ten,
                    so_phieu: votes,
                    tong_cu_tri: count.tong_cu_tri,
                    ty_le_tong_cu_tri: votes.and_then(|v| share(v, count.tong_cu_tri)),
                    trang_thai: c.status().key(),
                })
            })
            .collect(),
    }
}

pub(super) const ELECTED_COLUMNS: &[&str] = &[
    "dot_bau_cu",
    "khu_dan_cu",
    "ten_khu_dan_cu",
    "ung_cu_vien",
    "ho_ten",
    "so_phieu",
    "tong_cu_tri",
    "ty_le_tong_cu_tri",
    "trang_thai",
];

pub fn elected_csv(list: &ElectedList) -> Table<'static> {
    let mut table = Table::new(ELECTED_COLUMNS);
    for e in &list.trung_cu {
        table.push(vec![
            Cell::key(list.dot_bau_cu),
            Cell::key(e.khu_dan_cu),
            Cell::text(e.ten_khu_dan_cu),
            Cell::key(e.ung_cu_vien),
            Cell::text(e.ho_ten),
            Cell::opt_int(e.so_phieu),
            Cell::from(e.tong_cu_tri),
            Cell::opt_float(e.ty_le_tong_cu_tri),
            Cell::key(e.trang_thai),
        ]);
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::testing::example_site;

    #[test]
    fn the_candidate_list_holds_public_fields_only_grouped_by_village() {
        let site = example_site();
        let round = site.round("hong-gai-2022").unwrap();
        let contests = Contest::of_round(&site, round);
        let list = candidates(round, &contests);
        let villages: Vec<&str> = list.khu_dan_cu.iter().map(|v| v.khu_dan_cu).collect();
        assert_eq!(villages, round.contest_ids());
        let total: usize = list.khu_dan_cu.iter().map(|v| v.ung_cu_vien.len()).sum();
        assert_eq!(total, round.candidates.len());
        let json = serde_json::to_value(&list).unwrap();
        let first = &json["khu_dan_cu"][0]["ung_cu_vien"][0];
        let keys: Vec<&String> = first.as_object().unwrap().keys().collect();
        assert_eq!(keys.len(), CANDIDATE_COLUMNS.len() - 1, "{keys:?}");
        for k in keys {
            assert!(CANDIDATE_COLUMNS.contains(&k.as_str()), "{k}");
        }
        let text = String::from_utf8(candidates_csv(&list).to_bytes()).unwrap();
        assert_eq!(text.trim_end().split("\r\n").count(), 1 + total);
        assert!(text.contains(",pham-van-thang,Phạm Văn Thắng,"), "{text}");
    }

    #[test]
    fn the_elected_are_those_the_rules_elect() {
        let site = example_site();
        let round = site.round("hong-gai-2022").unwrap();
        let contests = Contest::of_round(&site, round);
        let list = elected(round, &contests);
        let villages: Vec<&str> = list.trung_cu.iter().map(|e| e.khu_dan_cu).collect();
        // khu-pho-3: 159/361 = 44.04% elects nobody
        assert_eq!(villages, ["khu-pho-1", "khu-pho-2", "khu-pho-4"]);
        assert!(
            list.trung_cu
                .iter()
                .all(|e| e.ty_le_tong_cu_tri.is_some_and(|p| p > 50.0))
        );
        let text = String::from_utf8(elected_csv(&list).to_bytes()).unwrap();
        assert_eq!(text.trim_end().split("\r\n").count(), 4);
    }
}
