//! Totals as data (tổng hợp): per round in its file, and per term for the whole site, each
//! province, each district and each commune in `tong-hop.csv` and the site's results file. The sums are the
//! model's (`Totals`); this file only names them.

use super::csv::{Cell, Table};
use crate::model::Site;
use crate::model::totals::{Totals, by_scope};
use serde::Serialize;

/// The totals of a set of contests, with the turnout computed.
#[derive(Debug, Clone, Serialize)]
pub struct TotalsRecord {
    pub so_cuoc_bau: u32,
    /// Contests whose figures are published.
    pub da_co_ket_qua: u32,
    pub sap_dien_ra: u32,
    pub hoan: u32,
    pub khong_to_chuc: u32,
    pub dang_kiem_phieu: u32,
    pub co_nguoi_trung_cu: u32,
    pub khong_co_nguoi_trung_cu: u32,
    /// Results not recognised, a repeat vote ordered.
    pub bau_lai: u32,
    pub tong_cu_tri: u64,
    pub cu_tri_tham_gia: u64,
    pub ty_le_tham_gia: Option<f64>,
    /// Winners standing again (tái cử), new, women, of an ethnic minority.
    pub trung_cu_tai_cu: u32,
    pub trung_cu_moi: u32,
    pub trung_cu_nu: u32,
    pub trung_cu_dan_toc_thieu_so: u32,
}

impl TotalsRecord {
    pub fn of(t: &Totals) -> Self {
        Self {
            so_cuoc_bau: t.contests,
            da_co_ket_qua: t.counted,
            sap_dien_ra: t.scheduled,
            hoan: t.postponed,
            khong_to_chuc: t.not_held,
            dang_kiem_phieu: t.counting,
            co_nguoi_trung_cu: t.elected,
            khong_co_nguoi_trung_cu: t.not_elected,
            bau_lai: t.voided,
            tong_cu_tri: t.households,
            cu_tri_tham_gia: t.participants,
            ty_le_tham_gia: t.turnout().map(|p| (p * 100.0).round() / 100.0),
            trung_cu_tai_cu: t.winners_re_elected,
            trung_cu_moi: t.winners_new,
            trung_cu_nu: t.winners_women,
            trung_cu_dan_toc_thieu_so: t.winners_minority,
        }
    }
}

/// The totals file: an object, so that it carries the sample-data flag as every data file does.
#[derive(Debug, Clone, Serialize)]
pub struct TotalsFile {
    pub tong_hop: Vec<TermTotals>,
}

/// The totals of one scope for one term.
#[derive(Debug, Clone, Serialize)]
pub struct TermTotals {
    pub nhiem_ky: String,
    /// `toan-trang`, `tinh`, `huyen` (a district, before 1/7/2025) or `don-vi`.
    pub pham_vi: &'static str,
    /// The commune's id, the province's or the district's name; empty for the site.
    pub ma: String,
    /// The name as on the latest election day of the term; empty for the site.
    pub ten: String,
    pub so_dot_bau_cu: u32,
    #[serde(flatten)]
    pub tong: TotalsRecord,
}

/// Totals per term, as the model sums them (`totals::by_scope`).
pub fn by_term(site: &Site) -> Vec<TermTotals> {
    by_scope(site)
        .into_iter()
        .map(|t| TermTotals {
            nhiem_ky: format!("{}-{}", t.term.start, t.term.end),
            pham_vi: t.scope.key(),
            ma: t.id,
            ten: t.name,
            so_dot_bau_cu: t.rounds,
            tong: TotalsRecord::of(&t.totals),
        })
        .collect()
}

pub(super) const COLUMNS: &[&str] = &[
    "nhiem_ky",
    "pham_vi",
    "ma",
    "ten",
    "so_dot_bau_cu",
    "so_cuoc_bau",
    "da_co_ket_qua",
    "sap_dien_ra",
    "hoan",
    "khong_to_chuc",
    "dang_kiem_phieu",
    "co_nguoi_trung_cu",
    "khong_co_nguoi_trung_cu",
    "bau_lai",
    "tong_cu_tri",
    "cu_tri_tham_gia",
    "ty_le_tham_gia",
    "trung_cu_tai_cu",
    "trung_cu_moi",
    "trung_cu_nu",
    "trung_cu_dan_toc_thieu_so",
];

pub fn csv(rows: &[TermTotals]) -> Table<'static> {
    let mut table = Table::new(COLUMNS);
    for r in rows {
        let t = &r.tong;
        let big = |n: u64| Cell::Int(n);
        table.push(vec![
            Cell::key(&r.nhiem_ky),
            Cell::key(r.pham_vi),
            Cell::text(&r.ma),
            Cell::text(&r.ten),
            Cell::from(r.so_dot_bau_cu),
            Cell::from(t.so_cuoc_bau),
            Cell::from(t.da_co_ket_qua),
            Cell::from(t.sap_dien_ra),
            Cell::from(t.hoan),
            Cell::from(t.khong_to_chuc),
            Cell::from(t.dang_kiem_phieu),
            Cell::from(t.co_nguoi_trung_cu),
            Cell::from(t.khong_co_nguoi_trung_cu),
            Cell::from(t.bau_lai),
            big(t.tong_cu_tri),
            big(t.cu_tri_tham_gia),
            Cell::opt_float(t.ty_le_tham_gia),
            Cell::from(t.trung_cu_tai_cu),
            Cell::from(t.trung_cu_moi),
            Cell::from(t.trung_cu_nu),
            Cell::from(t.trung_cu_dan_toc_thieu_so),
        ]);
    }
    table
}
