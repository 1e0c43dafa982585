//! Election rounds (đợt bầu cử): one per commune and term, with its timeline, contests (a few
//! postponed or not held), candidates, results and the documents that go with it.

use super::documents::lower_first;
use super::papers::{self, Elected};
use super::people::{Ballot, official_name};
use super::results::{Decision, Fate, Figures, block};
use super::rng::Rng;
use super::units::Commune;
use super::{Tally, Writer, q};
use crate::fs::FsError;
use crate::model::date::Date;
use std::fmt::Write as _;

/// A term whose heads the corpus elects.
pub struct Term {
    pub year: i32,
    /// `nhiem_ky`.
    pub label: &'static str,
    /// The first Sunday elections are held on; the others follow weekly.
    first_sunday: (i32, u8, u8),
    sundays: u32,
    /// The rules in force on its days, as documents cite them.
    pub law_vi: &'static str,
    pub law_en: &'static str,
}

/// 2022, under the 2008 joint resolution; late 2025, under the Law on Grassroots Democracy
/// (in force since 1 July 2023; see `model::rules`).
pub const TERMS: [Term; 2] = [
    Term {
        year: 2022,
        label: "2022-2025",
        first_sunday: (2022, 5, 8),
        sundays: 8,
        law_vi: "Nghị quyết liên tịch số 09/2008/NQLT-CP-UBTWMTTQVN ngày 17/4/2008",
        law_en: "Joint Resolution No. 09/2008/NQLT-CP-UBTWMTTQVN of 17 April 2008",
    },
    Term {
        year: 2025,
        label: "2025-2030",
        first_sunday: (2025, 10, 5),
        sundays: 10,
        law_vi: "Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15 ngày 10/11/2022",
        law_en: "Law on Grassroots Democracy No. 10/2022/QH15 of 10 November 2022",
    },
];

impl Term {
    pub fn first_sunday(&self) -> Date {
        let (y, m, d) = self.first_sunday;
        // a constant of this file, checked by the tests below
        Date::new(y, m, d).expect("the terms' first Sundays are valid dates")
    }

    fn election_day(&self, rng: &mut Rng) -> Date {
        let weeks = i64::from(rng.range(0, self.sundays - 1));
        let first = self.first_sunday();
        first.plus_days(7 * weeks).unwrap_or(first)
    }
}

/// Where a whole round stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    Official,
    Provisional,
    Postponed,
    NotHeld,
}

impl State {
    fn draw(term: &Term, rng: &mut Rng) -> Self {
        let roll = rng.unit();
        match term.year {
            // after the reorganisation of July 2025 some provinces put elections off
            2025 if roll < 0.04 => Self::Postponed,
            2025 if roll < 0.07 => Self::NotHeld,
            // a recent round may still wait for its recognitions; an old one has them all
            2025 if roll < 0.17 => Self::Provisional,
            _ => Self::Official,
        }
    }

    fn key(self) -> &'static str {
        match self {
            Self::Official => "chinh-thuc",
            Self::Provisional => "tam-thoi",
            Self::Postponed => "hoan",
            Self::NotHeld => "khong-to-chuc",
        }
    }
}

/// A contest kept out of its round.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Hold {
    Postponed,
    NotHeld,
}

/// Writes the round of `commune` for `term`: its file, candidates, results and documents.
pub fn round(
    out: &mut Writer,
    commune: &Commune,
    term: &Term,
    guidance: &str,
    rng: &mut Rng,
    tally: &mut Tally,
) -> Result<(), FsError> {
    let id = format!("{}-{}", commune.id, term.year);
    let dir = format!("bau-cu/{id}");
    let day = term.election_day(rng);
    let state = State::draw(term, rng);
    let before = |days: u32| day.plus_days(-i64::from(days)).unwrap_or(day);
    let (decided, team, posted) = (
        before(rng.range(24, 35)),
        before(rng.range(11, 16)),
        before(rng.range(7, 10)),
    );
    // the commune's register of decisions and plans: numbers rise through the round
    let mut number = rng.range(20, 300);
    let mut next_number = move || {
        number += 1;
        number
    };
    let s = commune.settlement;
    let held = matches!(state, State::Official | State::Provisional);
    let holds: Vec<Option<Hold>> = commune
        .villages
        .iter()
        .map(|_| match rng.unit() {
            r if held && r < 0.015 => Some(Hold::Postponed),
            r if held && r < 0.025 => Some(Hold::NotHeld),
            _ => None,
        })
        .collect();

    let mut ballot = Ballot {
        round_dir: &dir,
        region: commune.region,
        settlement: s,
        year: term.year,
        taken: Vec::new(),
    };
    let mut results = String::new();
    let mut elected = Vec::new();
    let mut repeats = Vec::new();
    for (village, hold) in commune.villages.iter().zip(&holds) {
        if state == State::NotHeld || *hold == Some(Hold::NotHeld) {
            continue;
        }
        let candidates = ballot.stand(village, rng, out)?;
        tally.candidates += candidates.len();
        if !held || hold.is_some() {
            continue;
        }
        let (fate, figures) = Figures::draw(village.households, candidates.len(), rng);
        let received = day.plus_days(1).unwrap_or(day);
        let decided_on = received
            .plus_days(i64::from(rng.range(1, 3)))
            .unwrap_or(received);
        let decision = match (state, fate) {
            (State::Official, Fate::Elected) => Decision::Recognised {
                number: format!("{}/QĐ-UBND", next_number()),
                day: decided_on,
            },
            (State::Official, _) => Decision::Repeat {
                number: format!("{}/QĐ-UBND", next_number()),
                day: decided_on,
                repeat_on: day.plus_days(14).unwrap_or(day),
                acting: rng.chance(0.5).then(|| official_name(rng)),
            },
            _ => Decision::None,
        };
        if fate == Fate::Elected {
            let top = figures.votes.iter().max().copied().unwrap_or(0);
            if let Some((c, _)) = candidates
                .iter()
                .zip(&figures.votes)
                .find(|(_, v)| **v == top)
            {
                elected.push(Elected {
                    village: village.name.clone(),
                    village_en: village.name_en.clone(),
                    name: c.name.clone(),
                    female: c.female,
                });
            }
        } else {
            tally.failing += 1;
            repeats.push((village.name.clone(), village.name_en.clone()));
        }
        let signers = [official_name(rng), official_name(rng)];
        results.push_str(&block(
            &village.id,
            &figures,
            &candidates,
            day,
            [&signers[0], &signers[1]],
            &decision,
        ));
    }

    let plan = papers::plan(
        out,
        commune,
        &id,
        term,
        decided,
        day,
        next_number(),
        guidance,
        rng,
    )?;
    tally.documents += 1;
    let mut y = String::new();
    let _ = writeln!(
        y,
        "# Dữ liệu mẫu do niemyet gen-corpus tạo. / Sample data made by niemyet gen-corpus."
    );
    let _ = writeln!(y, "don_vi: {}", commune.id);
    let _ = writeln!(y, "chuc_danh: {}", s.office);
    let _ = writeln!(y, "nhiem_ky: {}", q(term.label));
    let _ = writeln!(y, "ngay_bau_cu: {}", q(&day.to_string()));
    let _ = writeln!(y, "trang_thai: {}", state.key());
    let name = lower_first(&commune.unit.name);
    match state {
        State::Postponed => {
            let on = before(4);
            let n = next_number();
            let slug = papers::postponement(out, commune, &id, term, on, n, rng)?;
            tally.documents += 1;
            tally.postponed_rounds += 1;
            let _ = writeln!(
                y,
                "quyet_dinh_hoan:\n  so: {}\n  ngay: {}\n  van_ban: {slug}",
                q(&format!("{n}/QĐ-UBND")),
                q(&on.to_string())
            );
            let _ = writeln!(y, "ly_do: {}", q(papers::STORM_VI));
            let _ = writeln!(y, "ly_do_en: {}", q(papers::STORM_EN));
        }
        State::NotHeld => {
            tally.not_held_rounds += 1;
            let _ = writeln!(y, "ly_do: {}", q(papers::MERGER_VI));
            let _ = writeln!(y, "ly_do_en: {}", q(papers::MERGER_EN));
        }
        State::Official | State::Provisional => {}
    }
    let _ = writeln!(
        y,
        "gioi_thieu: |\n  {} có {} {}. Cử tri đại diện hộ gia đình bầu {} nhiệm kỳ {} theo {}.\n\n  *Dữ liệu mẫu do niemyet gen-corpus tạo: người, số liệu và văn bản không có thật.*",
        commune.unit.name,
        commune.villages.len(),
        s.label.to_lowercase(),
        s.office_vi.to_lowercase(),
        term.label,
        term.law_vi
    );
    let _ = writeln!(
        y,
        "gioi_thieu_en: |\n  {} has {} {}s. Household representatives elect the {} for the {} term under the {}.\n\n  *Sample data made by niemyet gen-corpus: the people, figures and documents are not real.*",
        commune.unit.name_en,
        commune.villages.len(),
        s.label_en.to_lowercase(),
        s.office_en,
        term.label,
        term.law_en
    );
    let _ = writeln!(y, "cac_buoc:");
    let _ = writeln!(
        y,
        "  quyet_dinh:\n    ngay: {}\n    van_ban: {plan}",
        q(&decided.to_string())
    );
    if state != State::NotHeld {
        let _ = writeln!(y, "  to_bau_cu:\n    ngay: {}", q(&team.to_string()));
        let _ = writeln!(
            y,
            "  niem_yet:\n    ngay: {}\n    ghi_chu: {}",
            q(&posted.to_string()),
            q(&format!(
                "Niêm yết tại nhà văn hóa các {} của {name}.",
                s.label.to_lowercase()
            ))
        );
    }
    let _ = writeln!(y, "cuoc_bau:");
    for (village, hold) in commune.villages.iter().zip(&holds) {
        let _ = writeln!(y, "  - khu_dan_cu: {}", village.id);
        let _ = writeln!(
            y,
            "    dia_diem: {}",
            q(&format!("Nhà văn hóa {}", village.name))
        );
        if let Some(hold) = hold {
            tally.held_out += 1;
            let (key, why) = match hold {
                Hold::Postponed => ("hoan", papers::CONTEST_POSTPONED_VI),
                Hold::NotHeld => ("khong-to-chuc", papers::CONTEST_MERGED_VI),
            };
            let _ = writeln!(y, "    trang_thai: {key}");
            let _ = writeln!(
                y,
                "    quyet_dinh:\n      so: {}\n      ngay: {}",
                q(&format!("{}/QĐ-UBND", next_number())),
                q(&before(3).to_string())
            );
            let _ = writeln!(y, "    ly_do: {}", q(why));
        }
    }
    out.put(&format!("{dir}/dot-bau-cu.yaml"), y.as_bytes())?;
    if !results.is_empty() {
        let header = "# Kết quả kiểm phiếu — dữ liệu mẫu. / Vote counts — sample data.\n";
        out.put(
            &format!("{dir}/ket-qua.yaml"),
            format!("{header}{results}").as_bytes(),
        )?;
    }
    tally.rounds += 1;
    tally.contests += commune.villages.len();

    if state == State::Official {
        let on = day.plus_days(7).unwrap_or(day);
        papers::notice(
            out,
            commune,
            &id,
            term,
            on,
            next_number(),
            &elected,
            &repeats,
            rng,
        )?;
        tally.documents += 1;
    }
    if held && rng.chance(0.25) {
        let on = day.plus_days(1).unwrap_or(day);
        let counted = elected.len() + repeats.len();
        papers::news(out, commune, &id, term, on, counted, elected.len(), rng)?;
        tally.documents += 1;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elections_fall_on_sundays_under_the_rules_of_their_day() {
        for term in &TERMS {
            let first = term.first_sunday();
            assert_eq!(first.weekday(), 6, "{}", term.label);
            let rules = crate::model::rules::in_force_on(first);
            let expected = if term.year < 2023 {
                crate::model::rules::JOINT_RESOLUTION_2008
            } else {
                crate::model::rules::LAW_2022
            };
            assert_eq!(rules, expected);
            let mut rng = Rng::new(5);
            for _ in 0..50 {
                assert_eq!(term.election_day(&mut rng).weekday(), 6);
            }
        }
    }
}
