//! Who is elected, computed from the vote-count record by the rules in force: never typed by
//! hand, so a citizen can follow the reasoning from the figures on the page.

use super::result::ContestCount;
use super::rules::{Base, RuleSet};

/// The outcome of one contest (kết quả bầu).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Too few households took part: the vote is not valid and nobody is elected.
    QuorumNotMet { participants: u32, eligible: u32 },
    /// One candidate passed the threshold with the most votes.
    Elected { slug: String, votes: u32, base: u32 },
    /// Nobody passed the threshold; `best` is the candidate with the most votes, if any voted.
    NotElected {
        best: Option<(String, u32)>,
        base: u32,
    },
    /// Several passed the threshold with equal most votes (possible only under a site's rules
    /// with a threshold below 50%): nobody is elected.
    Tie {
        slugs: Vec<String>,
        votes: u32,
        base: u32,
    },
}

impl Outcome {
    /// Decides a contest. `order` lists the candidates' slugs in ballot order, so that the
    /// candidate named first among equals is reported first.
    pub fn decide(count: &ContestCount, rules: &RuleSet, order: &[&str]) -> Self {
        if !rules
            .quorum
            .passed(count.cu_tri_tham_gia, count.tong_cu_tri)
        {
            return Self::QuorumNotMet {
                participants: count.cu_tri_tham_gia,
                eligible: count.tong_cu_tri,
            };
        }
        let base = base_of(count, rules.election.base);
        let rank = |slug: &str| order.iter().position(|s| *s == slug).unwrap_or(usize::MAX);
        let mut votes: Vec<(&String, u32)> = count.so_phieu.iter().map(|(s, &n)| (s, n)).collect();
        votes.sort_by(|a, b| b.1.cmp(&a.1).then(rank(a.0).cmp(&rank(b.0))));
        let Some(&(first, most)) = votes.first() else {
            return Self::NotElected { best: None, base };
        };
        if !rules.election.passed(most, base) {
            return Self::NotElected {
                best: (most > 0).then(|| (first.clone(), most)),
                base,
            };
        }
        let tied: Vec<String> = votes
            .iter()
            .take_while(|(_, n)| *n == most)
            .map(|(s, _)| (*s).clone())
            .collect();
        if tied.len() > 1 {
            return Self::Tie {
                slugs: tied,
                votes: most,
                base,
            };
        }
        Self::Elected {
            slug: first.clone(),
            votes: most,
            base,
        }
    }

    pub fn elected(&self) -> Option<&str> {
        match self {
            Self::Elected { slug, .. } => Some(slug),
            _ => None,
        }
    }

    /// A machine name for data files and styling.
    pub fn key(&self) -> &'static str {
        match self {
            Self::QuorumNotMet { .. } => "khong-du-so-ho",
            Self::Elected { .. } => "trung-cu",
            Self::NotElected { .. } => "khong-co-nguoi-trung-cu",
            Self::Tie { .. } => "bang-phieu",
        }
    }

    pub fn label_vi(&self) -> &'static str {
        match self {
            Self::QuorumNotMet { .. } => "Cuộc bầu không hợp lệ (không đủ số hộ tham gia)",
            Self::Elected { .. } => "Có người trúng cử",
            Self::NotElected { .. } => "Không có người trúng cử",
            Self::Tie { .. } => "Không có người trúng cử (bằng phiếu)",
        }
    }
}

/// The figure a threshold's share is taken of.
pub fn base_of(count: &ContestCount, base: Base) -> u32 {
    match base {
        Base::Eligible => count.tong_cu_tri,
        Base::Participants => count.cu_tri_tham_gia,
        Base::ValidBallots => count.phieu_hop_le,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::rules::Threshold;
    use crate::model::testing::{count, law};

    #[test]
    fn the_public_case_of_361_households_elects_nobody() {
        let c = count(361, 314, 309, &[("long", 159), ("huy", 141)]);
        assert_eq!(
            Outcome::decide(&c, &law(), &["long", "huy"]),
            Outcome::NotElected {
                best: Some(("long".into(), 159)),
                base: 361
            }
        );
    }

    #[test]
    fn a_majority_of_votes_cast_is_not_enough() {
        // 159 of 309 valid ballots is 51%, but of 361 households only 44%
        let c = count(361, 314, 309, &[("long", 159)]);
        assert_eq!(Outcome::decide(&c, &law(), &[]).elected(), None);
        let c = count(361, 314, 309, &[("long", 181)]);
        assert_eq!(Outcome::decide(&c, &law(), &[]).elected(), Some("long"));
    }

    #[test]
    fn too_few_households_make_the_vote_invalid_whatever_the_votes() {
        let c = count(412, 198, 194, &[("toan", 117), ("huong", 71)]);
        assert_eq!(
            Outcome::decide(&c, &law(), &[]),
            Outcome::QuorumNotMet {
                participants: 198,
                eligible: 412
            }
        );
        let c = count(400, 200, 200, &[("a", 200)]);
        assert!(matches!(
            Outcome::decide(&c, &law(), &[]),
            Outcome::QuorumNotMet { .. }
        ));
    }

    #[test]
    fn no_votes_and_no_candidates_elect_nobody() {
        let c = count(100, 80, 80, &[]);
        assert_eq!(
            Outcome::decide(&c, &law(), &[]),
            Outcome::NotElected {
                best: None,
                base: 100
            }
        );
        let c = count(100, 80, 0, &[("a", 0)]);
        assert_eq!(
            Outcome::decide(&c, &law(), &[]),
            Outcome::NotElected {
                best: None,
                base: 100
            }
        );
    }

    #[test]
    fn a_tie_above_a_low_threshold_elects_nobody() {
        let mut rules = law();
        rules.election = Threshold {
            percent: 30,
            base: Base::ValidBallots,
        };
        let c = count(100, 90, 90, &[("b", 40), ("a", 40), ("c", 10)]);
        assert_eq!(
            Outcome::decide(&c, &rules, &["a", "b", "c"]),
            Outcome::Tie {
                slugs: vec!["a".into(), "b".into()],
                votes: 40,
                base: 90
            }
        );
    }
}
