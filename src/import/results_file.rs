//! The text of a round's `ket-qua.yaml` as niemyet writes it from figures: `import results`
//! writes it from a sheet and the preview's results form from what the clerk typed, through this
//! one function, so that the same figures give the same bytes whichever way they came. When the
//! file exists, [`super::merge`] then keeps what was typed into it by hand.

use crate::diagnostics::Bilingual;
use crate::model::date::Date;
use std::collections::BTreeMap;
use std::fmt::Write;

/// The figures of a contest's record, in the order of `ket-qua.yaml`.
pub const FIGURES: &[&str] = &[
    "tong_cu_tri",
    "cu_tri_tham_gia",
    "phieu_phat_ra",
    "phieu_thu_vao",
    "phieu_hop_le",
    "phieu_khong_hop_le",
];

/// One contest's values as they are written: each figure of [`FIGURES`], the voting method and
/// the record's date as their YAML text, the votes in the order given.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ContestFigures {
    /// `bo-phieu-kin` or `gio-tay`, when given.
    pub method: Option<String>,
    pub figures: BTreeMap<&'static str, String>,
    /// Each candidate's votes by file name.
    pub votes: Vec<(String, u32)>,
    /// The record's date as `Date::vi_short` writes it.
    pub record_date: Option<String>,
}

/// `ket-qua.yaml` for round `round` with `contests` (village id and figures, in the round's
/// order of contests). `source` says where the figures come from: the sheet's file name, or the
/// preview's form.
pub fn text<'c>(
    source: &Bilingual,
    round: &str,
    contests: impl IntoIterator<Item = (&'c str, &'c ContestFigures)>,
) -> String {
    let mut text = format!(
        "# Nhập từ {} / imported from {}\n\
         # Kết quả kiểm phiếu đợt {round} / results of round {round}\n",
        source.vi, source.en
    );
    for (id, contest) in contests {
        let _ = writeln!(text, "{id}:");
        if let Some(method) = &contest.method {
            let _ = writeln!(text, "  hinh_thuc: {method}");
        }
        for key in FIGURES {
            if let Some(n) = contest.figures.get(key) {
                let _ = writeln!(text, "  {key}: {n}");
            }
        }
        let _ = writeln!(text, "  so_phieu:");
        for (slug, n) in &contest.votes {
            let _ = writeln!(text, "    {slug}: {n}");
        }
        if let Some(day) = &contest.record_date {
            let _ = writeln!(text, "  bien_ban:\n    ngay: {day}");
        }
    }
    text
}

/// The date of a vote-count record as staff write it (`05/6/2022`, `2022-06-05`) or as a
/// spreadsheet writes it back (`05/06/22`: a record is of this century), as it is written to the
/// file.
pub fn record_date(text: &str) -> Option<String> {
    let text = text.trim();
    let parts: Vec<&str> = text.split(['/', '-', '.']).collect();
    let full = match parts.as_slice() {
        [d, m, yy] if yy.len() == 2 => format!("{d}/{m}/20{yy}"),
        _ => text.to_string(),
    };
    Date::parse(&full).ok().map(|d| d.vi_short())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_contest_is_written_in_the_order_of_the_record() {
        let contest = ContestFigures {
            method: Some("bo-phieu-kin".into()),
            figures: FIGURES.iter().map(|k| (*k, "7".to_string())).collect(),
            votes: vec![("nguyen-van-an".into(), 5), ("le-thi-binh".into(), 2)],
            record_date: Some("05/6/2022".into()),
        };
        let text = text(
            &Bilingual::new("ket-qua.csv", "ket-qua.csv"),
            "an-binh-2022",
            [("thon-1", &contest)],
        );
        assert_eq!(
            text,
            "# Nhập từ ket-qua.csv / imported from ket-qua.csv\n\
             # Kết quả kiểm phiếu đợt an-binh-2022 / results of round an-binh-2022\n\
             thon-1:\n  hinh_thuc: bo-phieu-kin\n  tong_cu_tri: 7\n  cu_tri_tham_gia: 7\n\
             \x20 phieu_phat_ra: 7\n  phieu_thu_vao: 7\n  phieu_hop_le: 7\n  phieu_khong_hop_le: 7\n\
             \x20 so_phieu:\n    nguyen-van-an: 5\n    le-thi-binh: 2\n  bien_ban:\n    ngay: 05/6/2022\n"
        );
    }
}
