//! Results (kết quả bầu cử) as data: one record per contest with figures, the same record in the
//! file of a contest, of its round and of the whole site. In CSV each row is one candidate of one
//! contest, the contest's figures repeated on each row so that any row can be read alone.

use super::contest::{Contest, share};
use super::csv::{Cell, Table};
use crate::model::Site;
use crate::model::date::Date;
use crate::model::election::{Office, Round};
use crate::model::result::VotingMethod;
use crate::render::views::round_title_vi;
use serde::Serialize;

/// One counted contest (kết quả một cuộc bầu).
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
    /// Where the contest stands: key and label.
    pub trang_thai: &'static str,
    pub trang_thai_nhan: &'static str,
    pub hinh_thuc: Option<VotingMethod>,
    /// All household representatives (tổng số cử tri đại diện hộ gia đình).
    pub tong_cu_tri: u32,
    pub cu_tri_tham_gia: u32,
    /// Participants of all households, in percent.
    pub ty_le_tham_gia: Option<f64>,
    pub phieu_phat_ra: u32,
    pub phieu_thu_vao: u32,
    pub phieu_hop_le: u32,
    pub phieu_khong_hop_le: u32,
    /// Invalid of collected ballots, in percent.
    pub ty_le_khong_hop_le: Option<f64>,
    /// Day of the vote-count record (biên bản kiểm phiếu).
    pub ngay_bien_ban: Option<Date>,
    /// The decision recognising the result or ordering a repeat vote.
    pub quyet_dinh_so: Option<&'a str>,
    pub quyet_dinh_ngay: Option<Date>,
    pub ngay_bau_lai: Option<Date>,
    /// The computed outcome (`Outcome::key`) and its label.
    pub ket_qua: &'static str,
    pub ket_qua_nhan: &'static str,
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

/// The counted contests of one round (kết quả một đợt bầu cử).
#[derive(Debug, Clone, Serialize)]
pub struct RoundRecord<'a> {
    pub dot_bau_cu: &'a str,
    pub tieu_de: String,
    pub don_vi: &'a str,
    pub chuc_danh: Office,
    pub nhiem_ky: String,
    pub ngay_bau_cu: Date,
    /// The round's status (`RoundStatus::key`).
    pub trang_thai: &'static str,
    /// The contests with figures.
    pub cuoc_bau: Vec<ContestRecord<'a>>,
    /// The other contests (scheduled, postponed, not held, being counted), so that a reader sees
    /// why a village has no result.
    pub chua_co_ket_qua: Vec<PendingRecord<'a>>,
}

/// A contest without figures yet (cuộc bầu chưa có kết quả).
#[derive(Debug, Clone, Serialize)]
pub struct PendingRecord<'a> {
    pub khu_dan_cu: &'a str,
    pub ten_khu_dan_cu: &'a str,
    pub trang_thai: &'static str,
    pub trang_thai_nhan: &'static str,
}

/// Every result of the site (toàn bộ kết quả), newest round first.
#[derive(Debug, Clone, Serialize)]
pub struct SiteRecord<'a> {
    pub co_quan: &'a str,
    /// Whether the data are samples (dữ liệu mẫu), not real results.
    pub du_lieu_mau: bool,
    pub dot_bau_cu: Vec<RoundRecord<'a>>,
}

/// The record of a contest, when it has figures.
pub fn contest<'a>(c: &Contest<'a>) -> Option<ContestRecord<'a>> {
    let f = c.figures.as_ref()?;
    let n = f.count;
    let elected = c.elected();
    let decision = n.quyet_dinh.as_ref();
    let d = &c.round.data;
    Some(ContestRecord {
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
        trang_thai: c.status.key(),
        trang_thai_nhan: c.status.label_vi(),
        hinh_thuc: n.hinh_thuc,
        tong_cu_tri: n.tong_cu_tri,
        cu_tri_tham_gia: n.cu_tri_tham_gia,
        ty_le_tham_gia: share(n.cu_tri_tham_gia, n.tong_cu_tri),
        phieu_phat_ra: n.phieu_phat_ra,
        phieu_thu_vao: n.phieu_thu_vao,
        phieu_hop_le: n.phieu_hop_le,
        phieu_khong_hop_le: n.phieu_khong_hop_le,
        ty_le_khong_hop_le: share(n.phieu_khong_hop_le, n.phieu_thu_vao),
        ngay_bien_ban: n.bien_ban.as_ref().map(|b| b.ngay),
        quyet_dinh_so: decision.and_then(|q| q.so.as_deref()),
        quyet_dinh_ngay: decision.and_then(|q| q.ngay),
        ngay_bau_lai: n.ngay_bau_lai,
        ket_qua: f.outcome.key(),
        ket_qua_nhan: f.outcome.label_vi(),
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
                    ty_le_tong_cu_tri: votes.and_then(|v| share(v, n.tong_cu_tri)),
                    ty_le_phieu_hop_le: votes.and_then(|v| share(v, n.phieu_hop_le)),
                    trung_cu: elected.is_some_and(|e| e.slug == cand.slug),
                }
            })
            .collect(),
    })
}

/// The record of a round: its contests with figures.
pub fn round<'a>(site: &'a Site, round: &'a Round, contests: &[Contest<'a>]) -> RoundRecord<'a> {
    let d = &round.data;
    RoundRecord {
        dot_bau_cu: &round.id,
        tieu_de: round_title_vi(site, round),
        don_vi: &d.don_vi,
        chuc_danh: d.chuc_danh,
        nhiem_ky: term(round),
        ngay_bau_cu: d.ngay_bau_cu,
        trang_thai: d.trang_thai.key(),
        cuoc_bau: contests.iter().filter_map(contest).collect(),
        chua_co_ket_qua: contests
            .iter()
            .filter(|c| c.figures.is_none())
            .map(|c| PendingRecord {
                khu_dan_cu: c.village_id,
                ten_khu_dan_cu: c.village_name(),
                trang_thai: c.status.key(),
                trang_thai_nhan: c.status.label_vi(),
            })
            .collect(),
    }
}

/// A term as data: `2022-2025`, with a plain hyphen (pages print an en dash).
pub fn term(round: &Round) -> String {
    let t = round.data.nhiem_ky;
    format!("{}-{}", t.start, t.end)
}

/// Columns of the results CSV: the contest's fields, then the candidate's.
const COLUMNS: &[&str] = &[
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
    "hinh_thuc",
    "tong_cu_tri",
    "cu_tri_tham_gia",
    "ty_le_tham_gia",
    "phieu_phat_ra",
    "phieu_thu_vao",
    "phieu_hop_le",
    "phieu_khong_hop_le",
    "ty_le_khong_hop_le",
    "ngay_bien_ban",
    "quyet_dinh_so",
    "quyet_dinh_ngay",
    "ngay_bau_lai",
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
/// without candidates, so that its figures are not lost.
pub fn csv<'r, 'a: 'r>(contests: impl IntoIterator<Item = &'r ContestRecord<'a>>) -> Vec<u8> {
    let mut table = Table::new(COLUMNS);
    for c in contests {
        let contest_cells = || {
            vec![
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
                Cell::key(c.trang_thai_nhan),
                c.hinh_thuc.map_or(Cell::Empty, Cell::content_key),
                Cell::from(c.tong_cu_tri),
                Cell::from(c.cu_tri_tham_gia),
                Cell::opt_float(c.ty_le_tham_gia),
                Cell::from(c.phieu_phat_ra),
                Cell::from(c.phieu_thu_vao),
                Cell::from(c.phieu_hop_le),
                Cell::from(c.phieu_khong_hop_le),
                Cell::opt_float(c.ty_le_khong_hop_le),
                Cell::opt_key(c.ngay_bien_ban.map(|d| d.iso())),
                Cell::opt_text(c.quyet_dinh_so),
                Cell::opt_key(c.quyet_dinh_ngay.map(|d| d.iso())),
                Cell::opt_key(c.ngay_bau_lai.map(|d| d.iso())),
                Cell::key(c.ket_qua),
                Cell::key(c.ket_qua_nhan),
                Cell::opt_key(c.nguoi_trung_cu),
                Cell::opt_text(c.ten_nguoi_trung_cu),
            ]
        };
        if c.ung_cu_vien.is_empty() {
            let mut row = contest_cells();
            row.extend(std::iter::repeat_n(Cell::Empty, 6));
            table.push(row);
        }
        for v in &c.ung_cu_vien {
            let mut row = contest_cells();
            row.extend([
                Cell::key(v.ung_cu_vien),
                Cell::text(v.ho_ten),
                Cell::opt_int(v.so_phieu),
                Cell::opt_float(v.ty_le_tong_cu_tri),
                Cell::opt_float(v.ty_le_phieu_hop_le),
                Cell::from(v.trung_cu),
            ]);
            table.push(row);
        }
    }
    table.to_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::testing::example_site;

    fn record<'a>(site: &'a Site, round: &str, village: &str) -> ContestRecord<'a> {
        let round = site.round(round).unwrap();
        let contests = Contest::of_round(site, round).unwrap();
        let c = contests.iter().find(|c| c.village_id == village).unwrap();
        contest(c).unwrap()
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
        let record = round(&site, r, &Contest::of_round(&site, r).unwrap());
        let counted: Vec<&str> = record.cuoc_bau.iter().map(|c| c.khu_dan_cu).collect();
        assert_eq!(counted, ["a"]);
        assert_eq!(record.cuoc_bau[0].ket_qua, "khong-co-nguoi-trung-cu");
        let pending = &record.chua_co_ket_qua;
        assert_eq!(pending.len(), 1);
        assert_eq!(
            (pending[0].khu_dan_cu, pending[0].trang_thai),
            ("b", "hoan")
        );
        // a contest without candidates still has its row, so its figures are not lost
        let text = String::from_utf8(csv(&record.cuoc_bau)).unwrap();
        assert_eq!(text.trim_end().split("\r\n").count(), 2);
    }

    #[test]
    fn the_public_case_of_361_households_elects_nobody() {
        let site = example_site();
        let r = record(&site, "hong-gai-2022", "khu-pho-3");
        assert_eq!((r.tong_cu_tri, r.cu_tri_tham_gia), (361, 314));
        assert_eq!(r.ket_qua, "khong-co-nguoi-trung-cu");
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
        assert_eq!(r.ket_qua, "khong-du-so-ho");
        assert_eq!(r.quy_tac, Some("luat-2022"));
        assert_eq!(r.ten_nguoi_trung_cu, None);
    }

    #[test]
    fn invalid_ballots_are_a_share_of_those_collected() {
        let site = example_site();
        let r = record(&site, "soc-trang-2022", "khom-3");
        assert_eq!((r.phieu_khong_hop_le, r.phieu_thu_vao), (8, 390));
        assert_eq!(r.ty_le_khong_hop_le, Some(2.05));
        assert_eq!(r.ket_qua, "trung-cu");
        assert_eq!(r.nguoi_trung_cu, Some("nguyen-hoang-phuc"));
        let winner = r.ung_cu_vien.iter().find(|v| v.trung_cu).unwrap();
        assert_eq!(winner.ho_ten, r.ten_nguoi_trung_cu.unwrap());
    }

    #[test]
    fn the_csv_has_a_row_per_candidate_with_the_json_keys_as_header() {
        let site = example_site();
        let r = record(&site, "hong-gai-2022", "khu-pho-3");
        let text = String::from_utf8(csv([&r])).unwrap();
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
