//! Results (kết quả kiểm phiếu): the figures of each contest's record, consistent as the
//! validator demands, with a few contests where the law elects nobody (too few households took
//! part, or nobody won more than half of all households), sent to a repeat vote.

use super::people::Candidate;
use super::q;
use super::rng::Rng;
use crate::model::date::Date;
use std::fmt::Write as _;

/// What the figures of a contest are drawn to give under the law.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fate {
    /// One candidate won more than half of all households.
    Elected,
    /// Enough households took part, but nobody won more than half of them.
    NotElected,
    /// Half of the households or fewer took part: the vote is not valid.
    QuorumNotMet,
}

/// The figures of one vote-count record (biên bản kiểm phiếu).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figures {
    pub households: u32,
    pub participants: u32,
    pub issued: u32,
    pub collected: u32,
    pub valid: u32,
    pub invalid: u32,
    /// In ballot order.
    pub votes: Vec<u32>,
    pub show_of_hands: bool,
}

fn share(n: u32, fraction: f64) -> u32 {
    (f64::from(n) * fraction).round() as u32
}

impl Figures {
    /// Draws figures for `candidates` (at least one) in a village of `households`, with about
    /// one contest in twenty electing nobody.
    pub fn draw(households: u32, candidates: usize, rng: &mut Rng) -> (Fate, Self) {
        let t = households.max(10);
        let roll = rng.unit();
        let fate = if roll < 0.015 {
            Fate::QuorumNotMet
        } else if roll < if candidates > 1 { 0.065 } else { 0.035 } {
            Fate::NotElected
        } else {
            Fate::Elected
        };
        let participants = if fate == Fate::QuorumNotMet {
            share(t, 0.30 + 0.20 * rng.unit()).min(t / 2).max(1)
        } else {
            // more than half, never all (exactly 100% is a warning)
            share(t, 0.62 + 0.35 * rng.unit()).clamp(t / 2 + 1, t - 1)
        };
        let show_of_hands = rng.chance(0.08);
        let issued = participants;
        let collected = if rng.chance(0.1) { issued - 1 } else { issued };
        let invalid = if show_of_hands {
            0
        } else {
            share(collected, 0.04 * rng.unit())
        };
        let valid = collected - invalid;
        let top = match fate {
            Fate::Elected if t / 2 < valid => rng.range(t / 2 + 1, valid),
            Fate::Elected | Fate::NotElected => {
                rng.range(share(t, 0.3).min(valid), (t / 2).min(valid))
            }
            Fate::QuorumNotMet => rng.range(valid / 3, valid),
        };
        // the others share what is left, each below the top
        let mut rest = valid - top;
        let mut others = Vec::new();
        for _ in 1..candidates {
            let cap = rest.min(top.saturating_sub(1));
            let v = rng.range(cap / 2, cap);
            rest -= v;
            others.push(v);
        }
        let first = usize::try_from(rng.below(candidates as u64)).unwrap_or(0);
        others.insert(first.min(others.len()), top);
        let fate = match fate {
            // too few valid ballots to win: nobody is elected after all
            Fate::Elected if top * 2 <= t => Fate::NotElected,
            f => f,
        };
        (
            fate,
            Self {
                households: t,
                participants,
                issued,
                collected,
                valid,
                invalid,
                votes: others,
                show_of_hands,
            },
        )
    }
}

/// What the commune decided on a counted contest.
#[derive(Debug, Clone)]
pub enum Decision {
    /// Provisional: no decision yet.
    None,
    /// Recognised by a decision of this number and day.
    Recognised { number: String, day: Date },
    /// A repeat vote ordered on this day, perhaps with an acting head meanwhile.
    Repeat {
        number: String,
        day: Date,
        repeat_on: Date,
        acting: Option<String>,
    },
}

/// One contest's block of `ket-qua.yaml`.
pub fn block(
    village: &str,
    f: &Figures,
    candidates: &[Candidate],
    election_day: Date,
    signers: [&str; 2],
    decision: &Decision,
) -> String {
    let mut y = String::new();
    let _ = writeln!(y, "{village}:");
    let method = if f.show_of_hands {
        "gio-tay"
    } else {
        "bo-phieu-kin"
    };
    let _ = writeln!(y, "  hinh_thuc: {method}");
    let _ = writeln!(y, "  tong_cu_tri: {}", f.households);
    let _ = writeln!(y, "  cu_tri_tham_gia: {}", f.participants);
    let _ = writeln!(y, "  phieu_phat_ra: {}", f.issued);
    let _ = writeln!(y, "  phieu_thu_vao: {}", f.collected);
    let _ = writeln!(y, "  phieu_hop_le: {}", f.valid);
    let _ = writeln!(y, "  phieu_khong_hop_le: {}", f.invalid);
    let _ = writeln!(y, "  so_phieu:");
    for (c, v) in candidates.iter().zip(&f.votes) {
        let _ = writeln!(y, "    {}: {v}", c.slug);
    }
    let received = election_day.plus_days(1).unwrap_or(election_day);
    let _ = writeln!(y, "  bien_ban:");
    let _ = writeln!(y, "    ngay: {}", q(&election_day.to_string()));
    let _ = writeln!(y, "    ngay_nhan: {}", q(&received.to_string()));
    let _ = writeln!(y, "    nguoi_ky:");
    for (name, role) in signers
        .iter()
        .zip(["Tổ trưởng Tổ bầu cử", "Thư ký Tổ bầu cử"])
    {
        let _ = writeln!(y, "      - ho_ten: {}", q(name));
        let _ = writeln!(y, "        chuc_vu: {}", q(role));
    }
    match decision {
        Decision::None => {}
        Decision::Recognised { number, day } => {
            let _ = writeln!(y, "  trang_thai: cong-nhan");
            let _ = writeln!(
                y,
                "  quyet_dinh:\n    so: {}\n    ngay: {}",
                q(number),
                q(&day.to_string())
            );
        }
        Decision::Repeat {
            number,
            day,
            repeat_on,
            acting,
        } => {
            let _ = writeln!(y, "  trang_thai: bau-lai");
            let _ = writeln!(
                y,
                "  quyet_dinh:\n    so: {}\n    ngay: {}",
                q(number),
                q(&day.to_string())
            );
            let _ = writeln!(y, "  ngay_bau_lai: {}", q(&repeat_on.to_string()));
            if let Some(name) = acting {
                let from = day.plus_days(1).unwrap_or(*day);
                let until = from.plus_months(3).unwrap_or(from);
                let _ = writeln!(y, "  lam_thoi:");
                let _ = writeln!(y, "    ho_ten: {}", q(name));
                let _ = writeln!(y, "    tu_ngay: {}", q(&from.to_string()));
                let _ = writeln!(y, "    den_ngay: {}", q(&until.to_string()));
                let _ = writeln!(
                    y,
                    "    quyet_dinh:\n      so: {}\n      ngay: {}",
                    q(number),
                    q(&day.to_string())
                );
            }
        }
    }
    y.push('\n');
    y
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::outcome::Outcome;
    use crate::model::result::ResultFile;
    use crate::model::rules;

    fn candidates(n: usize) -> Vec<Candidate> {
        (0..n)
            .map(|i| Candidate {
                slug: format!("c-{i}"),
                name: format!("C {i}"),
                female: false,
            })
            .collect()
    }

    #[test]
    fn figures_are_consistent_and_give_the_outcome_they_were_drawn_for() {
        let law = &rules::builtin()[0];
        let day = Date::new(2025, 10, 5).unwrap();
        let mut rng = Rng::new(42);
        let mut fates = [0usize; 3];
        for i in 0..5000 {
            let n = 1 + i % 3;
            let households = rng.range(10, 900);
            let (fate, f) = Figures::draw(households, n, &mut rng);
            let cands = candidates(n);
            let text = block("v", &f, &cands, day, ["A", "B"], &Decision::None);
            let parsed: ResultFile = serde_yaml::from_str(&text).expect("parses");
            let count = &parsed.0["v"];
            assert!(count.phieu_thu_vao <= count.phieu_phat_ra);
            assert_eq!(
                count.phieu_hop_le + count.phieu_khong_hop_le,
                count.phieu_thu_vao
            );
            assert!(count.cu_tri_tham_gia <= count.tong_cu_tri);
            assert!(count.cu_tri_tham_gia < count.tong_cu_tri, "never 100%");
            assert!(count.cu_tri_tham_gia >= count.phieu_thu_vao);
            assert!(count.so_phieu.values().sum::<u32>() <= count.phieu_hop_le);
            assert!(count.phieu_khong_hop_le * 10 <= count.phieu_thu_vao);
            assert_eq!(count.so_phieu.len(), n);
            let order: Vec<&str> = cands.iter().map(|c| c.slug.as_str()).collect();
            let outcome = Outcome::decide(count, law, &order);
            let expected = match outcome {
                Outcome::Elected { .. } => Fate::Elected,
                Outcome::QuorumNotMet { .. } => Fate::QuorumNotMet,
                _ => Fate::NotElected,
            };
            assert_eq!(fate, expected, "{text}");
            fates[fate as usize] += 1;
        }
        // a few contests elect nobody, most elect someone
        assert!(fates[0] > 4500, "{fates:?}");
        assert!(fates[1] > 50 && fates[2] > 30, "{fates:?}");
    }

    #[test]
    fn decisions_are_written_as_the_results_file_expects() {
        let day = Date::new(2022, 6, 5).unwrap();
        let (_, f) = Figures::draw(300, 2, &mut Rng::new(1));
        let repeat = Decision::Repeat {
            number: "7/QĐ-UBND".into(),
            day: Date::new(2022, 6, 8).unwrap(),
            repeat_on: Date::new(2022, 6, 19).unwrap(),
            acting: Some("Lê Văn Tạm".into()),
        };
        let text = block("v", &f, &candidates(2), day, ["A", "B"], &repeat);
        let parsed: ResultFile = serde_yaml::from_str(&text).expect("parses");
        let count = &parsed.0["v"];
        assert_eq!(count.ngay_bau_lai, Date::new(2022, 6, 19));
        let acting = count.lam_thoi.as_ref().expect("acting head");
        assert_eq!(acting.den_ngay, Date::new(2022, 9, 9).unwrap());
        assert_eq!(
            count.bien_ban.as_ref().and_then(|b| b.ngay_nhan),
            Date::new(2022, 6, 6)
        );
    }
}
