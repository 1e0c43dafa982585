//! The composition of a candidate list (cơ cấu ứng cử viên): the shares that news items type by
//! hand ("tỷ lệ nữ 10%, tái cử 48,33%…"), computed here from the candidate files.

use super::candidate::{Candidate, Gender, PoliticalTheory, Qualification};
use super::spelling::Spelled;
use super::text::sort_key;

/// How many of `total` candidates have some trait.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Share {
    /// The level as in the candidate files (`trung-cap`): pages look its label up in their
    /// language's strings, under `qualification` or `political_theory`.
    pub key: &'static str,
    pub count: u32,
}

/// The composition of one list of candidates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Composition {
    pub total: u32,
    pub women: u32,
    /// Standing again after a term as head (tái cử).
    pub re_election: u32,
    /// Standing for the first time (ứng cử lần đầu).
    pub new: u32,
    /// Of an ethnic minority (dân tộc thiểu số): any people other than the Kinh.
    pub minority: u32,
    pub party_members: u32,
    /// Professional qualification, from none to doctorate; every level, even when zero.
    pub qualification: Vec<Share>,
    /// Political-theory level, from none to bachelor; every level, even when zero.
    pub political_theory: Vec<Share>,
}

impl Composition {
    pub fn of<'a>(candidates: impl IntoIterator<Item = &'a Candidate>) -> Self {
        let list: Vec<&Candidate> = candidates.into_iter().collect();
        let count = |pred: &dyn Fn(&Candidate) -> bool| {
            u32::try_from(list.iter().filter(|c| pred(c)).count()).unwrap_or(u32::MAX)
        };
        let qualification = Qualification::TABLE
            .iter()
            .map(|r| Share {
                key: r.key,
                count: count(&|c| c.data.trinh_do_chuyen_mon == r.value),
            })
            .collect();
        let political_theory = PoliticalTheory::TABLE
            .iter()
            .map(|r| Share {
                key: r.key,
                count: count(&|c| c.data.ly_luan_chinh_tri == r.value),
            })
            .collect();
        Self {
            total: count(&|_| true),
            women: count(&|c| c.data.gioi_tinh == Gender::Female),
            re_election: count(&|c| c.data.tai_cu),
            new: count(&|c| !c.data.tai_cu),
            minority: count(&|c| is_minority(&c.data.dan_toc)),
            party_members: count(&|c| c.data.dang_vien),
            qualification,
            political_theory,
        }
    }

    /// Those with a vocational (trung cấp) qualification or higher: the figure news items give
    /// as "trình độ chuyên môn từ trung cấp trở lên".
    pub fn vocational_or_higher(&self) -> u32 {
        Qualification::TABLE
            .iter()
            .zip(&self.qualification)
            .filter(|(q, _)| q.value >= Qualification::Vocational)
            .map(|(_, s)| s.count)
            .sum()
    }
}

/// Whether an ethnicity as written (`Kinh`, `kinh`, `Khmer`, `Tày`) is an ethnic minority.
pub fn is_minority(ethnicity: &str) -> bool {
    let key = sort_key(ethnicity.trim());
    !key.is_empty() && key != "kinh"
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::candidate::CandidateFile;
    use crate::model::result::percent;
    use crate::render::format::percent_vi;
    use std::path::PathBuf;

    fn candidate(
        woman: bool,
        again: bool,
        people: &str,
        q: Qualification,
        p: PoliticalTheory,
    ) -> Candidate {
        Candidate {
            slug: "x".into(),
            file: PathBuf::from("x.md"),
            body_line: 1,
            data: CandidateFile {
                ho_ten: "X".into(),
                khu_dan_cu: "k".into(),
                nam_sinh: 1970,
                gioi_tinh: if woman { Gender::Female } else { Gender::Male },
                dan_toc: people.into(),
                ton_giao: None,
                hoc_van: None,
                trinh_do_chuyen_mon: q,
                chuyen_nganh: None,
                ly_luan_chinh_tri: p,
                nghe_nghiep: "N".into(),
                dang_vien: true,
                tai_cu: again,
                anh: None,
                thu_tu: None,
                ma_nguoi: None,
                rieng_tu: None,
            },
            bio: String::new(),
            photo: None,
            translations: Vec::new(),
        }
    }

    /// The 60 candidates of Sóc Trăng city in May 2022 as the news item (seed 003) describes
    /// them: 6 women, 29 standing again, 18 with a vocational qualification or higher, 32 with
    /// elementary and 19 with intermediate political theory, 19 of ethnic minorities.
    fn soc_trang_2022() -> Vec<Candidate> {
        (0..60)
            .map(|i| {
                let q = if i < 18 {
                    [
                        Qualification::Vocational,
                        Qualification::College,
                        Qualification::University,
                    ][i % 3]
                } else {
                    Qualification::None
                };
                let p = match i {
                    0..32 => PoliticalTheory::Elementary,
                    32..51 => PoliticalTheory::Intermediate,
                    _ => PoliticalTheory::None,
                };
                let people = if i % 3 == 1 && i < 57 {
                    "Khmer"
                } else {
                    "Kinh"
                };
                candidate(i % 10 == 0, i < 29, people, q, p)
            })
            .collect()
    }

    #[test]
    fn computes_the_shares_a_news_item_typed_by_hand() {
        let list = soc_trang_2022();
        let c = Composition::of(&list);
        let share = |n: u32| percent_vi(percent(n, c.total).unwrap());
        assert_eq!(c.total, 60);
        assert_eq!(share(c.women), "10,00%");
        // the news item printed "48,335" and "51,66%"
        assert_eq!(share(c.re_election), "48,33%");
        assert_eq!(share(c.new), "51,67%");
        assert_eq!(share(c.vocational_or_higher()), "30,00%");
        assert_eq!(share(c.political_theory[1].count), "53,33%");
        // printed "31, 16%"
        assert_eq!(share(c.political_theory[2].count), "31,67%");
        assert_eq!(share(c.minority), "31,67%");
        assert_eq!(
            (c.qualification[2].key, c.political_theory[2].key),
            ("trung-cap", "trung-cap")
        );
        let levels: u32 = c.qualification.iter().map(|s| s.count).sum();
        assert_eq!(levels, 60, "every candidate has one level");
    }

    #[test]
    fn ethnicity_is_compared_as_written_by_staff() {
        assert!(!is_minority("Kinh"));
        assert!(!is_minority(" kinh "));
        assert!(is_minority("Khmer"));
        assert!(is_minority("Tày"));
        assert!(!is_minority(""));
    }

    #[test]
    fn an_empty_list_has_no_shares() {
        let c = Composition::of(&[]);
        assert_eq!((c.total, c.women), (0, 0));
        assert_eq!(percent(c.women, c.total), None);
    }
}
