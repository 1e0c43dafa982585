//! Results (kết quả bầu cử) as data: one record per contest, whatever its status, in the file
//! of a contest, of its round and of the whole site. The figures are present only when the
//! model lets them be published; the status, reason and decision always are. In CSV each row is
//! one candidate of one contest, the contest's fields repeated on each row so that any row can
//! be read alone.

use super::contest::{Contest, share};
use super::csv::{Cell, Table};
use super::totals::TotalsRecord;
use crate::model::Site;
use crate::model::date::Date;
use crate::model::election::{Office, Round};
use crate::model::result::VotingMethod;
use crate::render::locale::Locale;
use crate::render::views::round_title;
use serde::Serialize;

/// One contest (một cuộc bầu) and its result when it may be published.
#[derive(Debug, Clone, Serialize)]
pub struct ContestRecord<'a> {
    /// The round's id (folder in `bau-cu/`).
    pub dot_bau_cu: &'a str,
    /// The commune's id, and its name on election day.
    pub don_vi: &'a str,
    pub ten_don_vi: String,
    pub khu_dan_cu: &'a str,
    pub ten_khu_dan_cu: &'a str,
    pub ocd_id: Option<String>,
    pub chuc_danh: Office,
    /// `2022-2025`.
    pub nhiem_ky: String,
    pub ngay_bau_cu: Date,
    /// Id of the rules applied (`luat-2022`, `nqlt-09-2008` or the site's own).
    pub quy_tac: Option<&'a str>,
    /// Where the contest stands (`ContestStatus::key`) and its label.
    pub trang_thai: &'static str,
    pub trang_thai_nhan: String,
    /// Why it was postponed, not held or voided, as written, in Vietnamese and English.
    pub ly_do: Option<&'a str>,
    pub ly_do_en: Option<&'a str>,
    /// The decision behind the status: postponing it, recognising the result or ordering a
    /// repeat vote.
    pub quyet_dinh_so: Option<&'a str>,
    pub quyet_dinh_ngay: Option<Date>,
    pub ngay_bau_lai: Option<Date>,
    /// The round holding the repeat vote, and the round whose contest this one repeats.
    pub dot_bau_lai: Option<&'a str>,
    pub bau_lai_cua_dot: Option<&'a str>,
    pub hinh_thuc: Option<VotingMethod>,
    /// All household representatives (tổng số cử tri đại diện hộ gia đình).
    pub tong_cu_tri: Option<u32>,
    pub cu_tri_tham_gia: Option<u32>,
    /// Participants of all households, in percent.
    pub ty_le_tham_gia: Option<f64>,
    pub phieu_phat_ra: Option<u32>,
    pub phieu_thu_vao: Option<u32>,
    pub phieu_hop_le: Option<u32>,
    pub phieu_khong_hop_le: Option<u32>,
    /// Invalid of collected ballots, in percent.
    pub ty_le_khong_hop_le: Option<f64>,
    /// Valid ballots naming no candidate (`ContestCount::blank_ballots`), zero included.
    pub phieu_khong_bau_ai: Option<u32>,
    /// Day of the vote-count record (biên bản kiểm phiếu).
    pub ngay_bien_ban: Option<Date>,
    /// What the figures mean (`Counted::result_key`: the computed outcome, or
    /// `khong-cong-nhan` when they elect someone whose result was not recognised) and its label.
    pub ket_qua: Option<&'static str>,
    pub ket_qua_nhan: Option<String>,
    pub nguoi_trung_cu: Option<&'a str>,
    pub ten_nguoi_trung_cu: Option<&'a str>,
    /// In ballot order.
    pub ung_cu_vien: Vec<VoteRecord<'a>>,
}

/// One candidate's votes (số phiếu của một ứng cử viên).
#[derive(Debug, Clone, Serialize)]
pub struct VoteRecord<'a> {
    /// The candidate's id (file name), also the last part of the candidate page's address.
    pub ung_cu_vien: &'a str,
    pub ho_ten: &'a str,
    pub so_phieu: Option<u32>,
    /// Votes of all household representatives, in percent: the share the law's threshold reads.
    pub ty_le_tong_cu_tri: Option<f64>,
    /// Votes of valid ballots, in percent.
    pub ty_le_phieu_hop_le: Option<f64>,
    pub trung_cu: bool,
}

/// The contests of one round (kết quả một đợt bầu cử), with their totals.
#[derive(Debug, Clone, Serialize)]
pub struct RoundRecord<'a> {
    pub dot_bau_cu: &'a str,
    pub tieu_de: String,
    pub don_vi: &'a str,
    pub chuc_danh: Office,
    pub nhiem_ky: String,
    pub ngay_bau_cu: Date,
    /// The round's status, derived from its contests (`RoundStatus::key`), and its label.
    pub trang_thai: &'static str,
    pub trang_thai_nhan: String,
    pub tong_hop: TotalsRecord,
    /// Every contest, in the order of the round's file.
    pub cuoc_bau: Vec<ContestRecord<'a>>,
}

impl ContestRecord<'_> {
    /// The latest date it holds (election day, decision, repeat vote, count record), for the
    /// catalogue.
    pub fn latest_date(&self) -> Date {
        [self.quyet_dinh_ngay, self.ngay_bau_lai, self.ngay_bien_ban]
            .into_iter()
            .flatten()
            .fold(self.ngay_bau_cu, Ord::max)
    }
}

impl RoundRecord<'_> {
    /// The latest date of the round's data.
    pub fn latest_date(&self) -> Date {
        self.cuoc_bau
            .iter()
            .map(ContestRecord::latest_date)
            .fold(self.ngay_bau_cu, Ord::max)
    }
}

/// Every result of the site (toàn bộ kết quả), newest round first.
#[derive(Debug, Clone, Serialize)]
pub struct SiteRecord<'a> {
    pub co_quan: &'a str,
    /// Totals per term, for the whole site and per province.
    pub tong_hop: Vec<super::totals::TermTotals>,
    pub dot_bau_cu: Vec<RoundRecord<'a>>,
}

/// The record of a contest, its labels in the words of `l` (the site's strings).
pub fn contest<'a>(c: &Contest<'a>, l: &Locale) -> ContestRecord<'a> {
    let counted = c.counted();
    let n = counted.map(|f| f.figures);
    let elected = c.elected();
    let r = c.resolved;
    let decision = r.decision.as_ref();
    let reason = r.reason.as_ref();
    let repeat = r.repeat.as_ref();
    let d = &c.round.data;
    let figure = |f: fn(&crate::model::result::ContestCount) -> u32| n.map(f);
    ContestRecord {
        dot_bau_cu: &c.round.id,
        don_vi: &d.don_vi,
        ten_don_vi: c.commune_name(),
        khu_dan_cu: c.village_id,
        ten_khu_dan_cu: c.village_name(),
        ocd_id: c.ocd_id(),
        chuc_danh: d.chuc_danh,
        nhiem_ky: term(c.round),
        ngay_bau_cu: d.ngay_bau_cu,
        quy_tac: c.rules.map(|r| r.id.as_str()),
        trang_thai: r.status.key(),
        trang_thai_nhan: l.label("contest_status", r.status.key()),
        ly_do: reason.map(|x| x.vi.as_str()),
        ly_do_en: reason.and_then(|x| x.en.as_deref()),
        quyet_dinh_so: decision.and_then(|q| q.so.as_deref()),
        quyet_dinh_ngay: decision.and_then(|q| q.ngay),
        ngay_bau_lai: repeat.and_then(|x| x.date),
        dot_bau_lai: repeat.and_then(|x| x.round.as_deref()),
        bau_lai_cua_dot: r.repeat_of.as_deref(),
        hinh_thuc: n.and_then(|n| n.hinh_thuc),
        tong_cu_tri: figure(|n| n.tong_cu_tri),
        cu_tri_tham_gia: figure(|n| n.cu_tri_tham_gia),
        ty_le_tham_gia: n.and_then(|n| share(n.cu_tri_tham_gia, n.tong_cu_tri)),
        phieu_phat_ra: figure(|n| n.phieu_phat_ra),
        phieu_thu_vao: figure(|n| n.phieu_thu_vao),
        phieu_hop_le: figure(|n| n.phieu_hop_le),
        phieu_khong_hop_le: figure(|n| n.phieu_khong_hop_le),
        ty_le_khong_hop_le: n.and_then(|n| share(n.phieu_khong_hop_le, n.phieu_thu_vao)),
        phieu_khong_bau_ai: n.and_then(|n| n.blank_ballots()),
        ngay_bien_ban: n.and_then(|n| n.bien_ban.as_ref().map(|b| b.ngay)),
        ket_qua: counted.map(|f| f.result_key()),
        ket_qua_nhan: counted.map(|f| l.label("outcome", f.result_key())),
        nguoi_trung_cu: elected.map(|e| e.slug.as_str()),
        ten_nguoi_trung_cu: elected.map(|e| e.data.ho_ten.as_str()),
        ung_cu_vien: c
            .candidates
            .iter()
            .map(|cand| {
                let votes = c.votes(&cand.slug);
                VoteRecord {
                    ung_cu_vien: &cand.slug,
                    ho_ten: &cand.data.ho_ten,
                    so_phieu: votes,
                    ty_le_tong_cu_tri: n.zip(votes).and_then(|(n, v)| share(v, n.tong_cu_tri)),
                    ty_le_phieu_hop_le: n.zip(votes).and_then(|(n, v)| share(v, n.phieu_hop_le)),
                    trung_cu: elected.is_some_and(|e| e.slug == cand.slug),
                }
            })
            .collect(),
    }
}

/// The record of a round: every contest, and the totals.
pub fn round<'a>(
    site: &'a Site,
    round: &'a Round,
    contests: &[Contest<'a>],
    l: &Locale,
) -> RoundRecord<'a> {
    let d = &round.data;
    RoundRecord {
        dot_bau_cu: &round.id,
        tieu_de: round_title(l, site, round),
        don_vi: &d.don_vi,
        chuc_danh: d.chuc_danh,
        nhiem_ky: term(round),
        ngay_bau_cu: d.ngay_bau_cu,
        trang_thai: round.status.key(),
        trang_thai_nhan: l.label("round_status", round.status.key()),
        tong_hop: TotalsRecord::of(&crate::model::totals::Totals::of_round(round)),
        cuoc_bau: contests.iter().map(|c| contest(c, l)).collect(),
    }
}

/// A term as data: `2022-2025`, with a plain hyphen (pages print an en dash).
pub fn term(round: &Round) -> String {
    let t = round.data.nhiem_ky;
    format!("{}-{}", t.start, t.end)
}

/// Columns of the results CSV: the contest's fields, then the candidate's.
pub(super) const COLUMNS: &[&str] = &[
    "dot_bau_cu",
    "don_vi",
    "ten_don_vi",
    "khu_dan_cu",
    "ten_khu_dan_cu",
    "ocd_id",
    "chuc_danh",
    "nhiem_ky",
    "ngay_bau_cu",
    "quy_tac",
    "trang_thai",
    "trang_thai_nhan",
    "ly_do",
    "ly_do_en",
    "quyet_dinh_so",
    "quyet_dinh_ngay",
    "ngay_bau_lai",
    "dot_bau_lai",
    "bau_lai_cua_dot",
    "hinh_thuc",
    "tong_cu_tri",
    "cu_tri_tham_gia",
    "ty_le_tham_gia",
    "phieu_phat_ra",
    "phieu_thu_vao",
    "phieu_hop_le",
    "phieu_khong_hop_le",
    "ty_le_khong_hop_le",
    "phieu_khong_bau_ai",
    "ngay_bien_ban",
    "ket_qua",
    "ket_qua_nhan",
    "nguoi_trung_cu",
    "ten_nguoi_trung_cu",
    "ung_cu_vien",
    "ho_ten",
    "so_phieu",
    "ty_le_tong_cu_tri",
    "ty_le_phieu_hop_le",
    "trung_cu",
];

/// A CSV of contests: a row per candidate, or one row with empty candidate cells for a contest
/// without candidates, so that its figures are not lost. The rows are made from the records each
/// time they are read: the site's table has a row per candidate of every round.
pub fn csv<'r, 'a: 'r>(contests: impl IntoIterator<Item = &'r ContestRecord<'a>>) -> Table<'r> {
    let rows: Vec<(&ContestRecord, Option<&VoteRecord>)> = contests
        .into_iter()
        .flat_map(|c| {
            let votes = c.ung_cu_vien.iter().map(Some);
            let none = c.ung_cu_vien.is_empty().then_some(None);
            none.into_iter().chain(votes).map(move |v| (c, v))
        })
        .collect();
    Table::made(COLUMNS, rows.len(), move |i| {
        rows.get(i).map_or_else(Vec::new, |&(c, v)| row(c, v))
    })
}

/// A contest's row, with a candidate's cells or, without one, as many empty cells.
fn row(c: &ContestRecord, v: Option<&VoteRecord>) -> Vec<Cell> {
    let mut row = vec![
        Cell::key(c.dot_bau_cu),
        Cell::key(c.don_vi),
        Cell::text(&c.ten_don_vi),
        Cell::key(c.khu_dan_cu),
        Cell::text(c.ten_khu_dan_cu),
        Cell::opt_key(c.ocd_id.clone()),
        Cell::content_key(c.chuc_danh),
        Cell::key(&c.nhiem_ky),
        Cell::key(c.ngay_bau_cu.iso()),
        Cell::opt_key(c.quy_tac),
        Cell::key(c.trang_thai),
        Cell::key(&c.trang_thai_nhan),
        Cell::opt_text(c.ly_do),
        Cell::opt_text(c.ly_do_en),
        Cell::opt_text(c.quyet_dinh_so),
        Cell::opt_key(c.quyet_dinh_ngay.map(|d| d.iso())),
        Cell::opt_key(c.ngay_bau_lai.map(|d| d.iso())),
        Cell::opt_key(c.dot_bau_lai),
        Cell::opt_key(c.bau_lai_cua_dot),
        c.hinh_thuc.map_or(Cell::Empty, Cell::content_key),
        Cell::opt_int(c.tong_cu_tri),
        Cell::opt_int(c.cu_tri_tham_gia),
        Cell::opt_float(c.ty_le_tham_gia),
        Cell::opt_int(c.phieu_phat_ra),
        Cell::opt_int(c.phieu_thu_vao),
        Cell::opt_int(c.phieu_hop_le),
        Cell::opt_int(c.phieu_khong_hop_le),
        Cell::opt_float(c.ty_le_khong_hop_le),
        Cell::opt_int(c.phieu_khong_bau_ai),
        Cell::opt_key(c.ngay_bien_ban.map(|d| d.iso())),
        Cell::opt_key(c.ket_qua),
        Cell::opt_key(c.ket_qua_nhan.as_deref()),
        Cell::opt_key(c.nguoi_trung_cu),
        Cell::opt_text(c.ten_nguoi_trung_cu),
    ];
    match v {
        None => row.extend(std::iter::repeat_n(Cell::Empty, 6)),
        Some(v) => row.extend([
            Cell::key(v.ung_cu_vien),
            Cell::text(v.ho_ten),
            Cell::opt_int(v.so_phieu),
            Cell::opt_float(v.ty_le_tong_cu_tri),
            Cell::opt_float(v.ty_le_phieu_hop_le),
            Cell::from(v.trung_cu),
        ]),
    }
    row
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::testing::{example_site, strings};
    use crate::model::language::Language;

    fn record<'a>(site: &'a Site, round: &str, village: &str) -> ContestRecord<'a> {
        let round = site.round(round).unwrap();
        let contests = Contest::of_round(site, round);
        let c = contests.iter().find(|c| c.village_id == village).unwrap();
        contest(c, &Locale::new(Language::Vi, true, &strings("vi")))
    }

    #[test]
    fn contests_without_figures_are_listed_with_their_status() {
        let fixture = crate::model::testing::round(
            "don_vi: x\nchuc_danh: truong-thon\nnhiem_ky: 2024-2027\nngay_bau_cu: 13/10/2024\n\
             trang_thai: tam-thoi\ncuoc_bau:\n  - a\n  - khu_dan_cu: b\n    trang_thai: hoan\n",
            Some(
                "a:\n  tong_cu_tri: 10\n  cu_tri_tham_gia: 9\n  phieu_phat_ra: 9\n  \
                 phieu_thu_vao: 9\n  phieu_hop_le: 9\n  phieu_khong_hop_le: 0\n  so_phieu: {}\n",
            ),
        );
        let site = Site {
            rules: crate::model::rules::builtin(),
            rounds: vec![fixture],
            ..Site::default()
        };
        let r = &site.rounds[0];
        let vi = strings("vi");
        let record = round(
            &site,
            r,
            &Contest::of_round(&site, r),
            &Locale::new(Language::Vi, true, &vi),
        );
        let all: Vec<(&str, &str)> = record
            .cuoc_bau
            .iter()
            .map(|c| (c.khu_dan_cu, c.trang_thai))
            .collect();
        assert_eq!(all, [("a", "tam-thoi"), ("b", "hoan")]);
        assert_eq!(record.cuoc_bau[0].ket_qua, Some("khong-co-nguoi-trung-cu"));
        let postponed = &record.cuoc_bau[1];
        assert_eq!((postponed.tong_cu_tri, postponed.ket_qua), (None, None));
        // nine valid ballots and no candidate; no figure while a contest has none published
        assert_eq!(record.cuoc_bau[0].phieu_khong_bau_ai, Some(9));
        assert_eq!(postponed.phieu_khong_bau_ai, None);
        // a contest without candidates still has its row, so neither it nor its figures are lost
        let text = String::from_utf8(csv(&record.cuoc_bau).to_bytes()).unwrap();
        assert_eq!(text.trim_end().split("\r\n").count(), 3);
    }

    #[test]
    fn the_public_case_of_361_households_elects_nobody() {
        let site = example_site();
        let r = record(&site, "hong-gai-2022", "khu-pho-3");
        assert_eq!((r.tong_cu_tri, r.cu_tri_tham_gia), (Some(361), Some(314)));
        assert_eq!(r.ket_qua, Some("khong-co-nguoi-trung-cu"));
        assert_eq!(r.nguoi_trung_cu, None);
        assert_eq!(r.quy_tac, Some("nqlt-09-2008"));
        let best = r.ung_cu_vien.iter().max_by_key(|v| v.so_phieu).unwrap();
        assert_eq!(
            (best.ung_cu_vien, best.so_phieu),
            ("nguyen-duc-long", Some(159))
        );
        assert_eq!(best.ty_le_tong_cu_tri, Some(44.04));
        assert!(r.ung_cu_vien.iter().all(|v| !v.trung_cu));
        let json = serde_json::to_string(&r).unwrap();
        assert!(
            json.contains(r#""ket_qua":"khong-co-nguoi-trung-cu""#),
            "{json}"
        );
        assert!(json.contains(r#""nguoi_trung_cu":null"#), "{json}");
    }

    #[test]
    fn too_few_households_make_the_vote_invalid() {
        let site = example_site();
        let r = record(&site, "dong-ky-2024", "khu-pho-2");
        assert_eq!(r.ty_le_tham_gia, Some(48.06));
        assert_eq!(r.ket_qua, Some("khong-du-so-ho"));
        assert_eq!(r.quy_tac, Some("luat-2022"));
        assert_eq!(r.ten_nguoi_trung_cu, None);
    }

    #[test]
    fn invalid_ballots_are_a_share_of_those_collected() {
        let site = example_site();
        let r = record(&site, "soc-trang-2022", "khom-3");
        assert_eq!(
            (r.phieu_khong_hop_le, r.phieu_thu_vao),
            (Some(8), Some(390))
        );
        assert_eq!(r.ty_le_khong_hop_le, Some(2.05));
        assert_eq!(r.ket_qua, Some("trung-cu"));
        assert_eq!(r.nguoi_trung_cu, Some("nguyen-hoang-phuc"));
        let winner = r.ung_cu_vien.iter().find(|v| v.trung_cu).unwrap();
        assert_eq!(winner.ho_ten, r.ten_nguoi_trung_cu.unwrap());
    }

    #[test]
    fn valid_ballots_for_no_candidate_are_in_every_format() {
        let site = example_site();
        // 309 valid ballots, 300 votes for the candidates
        let r = record(&site, "hong-gai-2022", "khu-pho-3");
        assert_eq!(r.phieu_khong_bau_ai, Some(9));
        let json = serde_json::to_string(&r).unwrap();
        assert!(
            json.contains(r#""ty_le_khong_hop_le":1.59,"phieu_khong_bau_ai":9,"#),
            "{json}"
        );
        let text = String::from_utf8(csv([&r]).to_bytes()).unwrap();
        let (header, rows) = text.trim_end().split_once("\r\n").unwrap();
        assert!(
            header.contains(",phieu_khong_hop_le,ty_le_khong_hop_le,phieu_khong_bau_ai,"),
            "{header}"
        );
        // invalid ballots, their share, then the blank ones, on every candidate's row
        for row in rows.split("\r\n") {
            assert!(row.contains(",5,1.59,9,2022-06-05,"), "{row}");
        }
    }

    #[test]
    fn the_csv_has_a_row_per_candidate_with_the_json_keys_as_header() {
        let site = example_site();
        let r = record(&site, "hong-gai-2022", "khu-pho-3");
        let text = String::from_utf8(csv([&r]).to_bytes()).unwrap();
        let lines: Vec<&str> = text.trim_end().split("\r\n").collect();
        assert_eq!(lines.len(), 1 + r.ung_cu_vien.len());
        assert!(lines[0].starts_with("\u{feff}dot_bau_cu,don_vi,"));
        let json = serde_json::to_value(&r).unwrap();
        for key in COLUMNS.iter().take(29) {
            assert!(json.get(key).is_some(), "{key} is a column but not a key");
        }
        assert!(
            lines
                .iter()
                .any(|l| l.ends_with(",nguyen-duc-long,Nguyễn Đức Long,159,44.04,51.46,false")),
            "{text}"
        );
    }
}
