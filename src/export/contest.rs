//! What every export knows about one contest (cuộc bầu ở một khu dân cư): its place, where it
//! stands, its figures when they may be published, and the outcome computed by the rules in force.

use crate::model::Site;
use crate::model::candidate::Candidate;
use crate::model::division::{Commune, Village};
use crate::model::election::{ContestStatus, Round};
use crate::model::outcome::Outcome;
use crate::model::result::{ContestCount, percent};
use crate::model::rules::RuleSet;

/// One contest of a round, resolved against the site.
#[derive(Debug, Clone)]
pub struct Contest<'a> {
    pub round: &'a Round,
    pub commune: Option<&'a Commune>,
    /// The village's id (`khu_dan_cu`).
    pub village_id: &'a str,
    pub village: Option<&'a Village>,
    pub status: ContestStatus,
    /// The rules the round follows (those it names, or those in force on election day).
    pub rules: Option<&'a RuleSet>,
    /// Its candidates, in ballot order.
    pub candidates: Vec<&'a Candidate>,
    /// The vote-count record and the outcome, only when the contest's figures may be published
    /// (`ContestStatus::has_figures`).
    pub figures: Option<Figures<'a>>,
}

/// A counted contest: the record's figures and who they elect.
#[derive(Debug, Clone)]
pub struct Figures<'a> {
    pub count: &'a ContestCount,
    pub outcome: Outcome,
}

impl<'a> Contest<'a> {
    /// The contests of `round`, in the order of its `cuoc_bau`. Fails only for a round with
    /// figures whose rules do not exist, which validation reports before any build.
    pub fn of_round(site: &'a Site, round: &'a Round) -> Result<Vec<Self>, String> {
        let commune = site.commune(&round.data.don_vi);
        let rules = site.rules_for(round);
        round
            .data
            .cuoc_bau
            .iter()
            .map(|entry| {
                let village_id = entry.khu_dan_cu.as_str();
                let status = round.contest_status(village_id);
                let candidates: Vec<&Candidate> = round.candidates_in(village_id).collect();
                let count = round
                    .results
                    .as_ref()
                    .and_then(|r| r.contests.get(village_id))
                    .filter(|_| status.has_figures());
                let figures = match (count, rules) {
                    (Some(count), Some(rules)) => {
                        let order: Vec<&str> = candidates.iter().map(|c| c.slug.as_str()).collect();
                        Some(Figures {
                            count,
                            outcome: Outcome::decide(count, rules, &order),
                        })
                    }
                    (Some(_), None) => {
                        return Err(format!(
                            "{}: the rules “{}” do not exist",
                            round.id,
                            round.data.quy_tac.as_deref().unwrap_or_default()
                        ));
                    }
                    (None, _) => None,
                };
                Ok(Contest {
                    round,
                    commune,
                    village_id,
                    village: commune.and_then(|c| c.village(village_id)),
                    status,
                    rules,
                    candidates,
                    figures,
                })
            })
            .collect()
    }

    /// The village's name, or its id when the commune file does not list it.
    pub fn village_name(&self) -> &'a str {
        self.village.map_or(self.village_id, |v| v.ten.as_str())
    }

    pub fn village_name_en(&self) -> Option<&'a str> {
        self.village.and_then(|v| v.ten_en.as_deref())
    }

    /// The commune's name on election day.
    pub fn commune_name(&self) -> String {
        self.commune.map_or_else(
            || self.round.data.don_vi.clone(),
            |c| c.names_at(self.round.data.ngay_bau_cu).commune,
        )
    }

    pub fn ocd_id(&self) -> Option<String> {
        self.commune
            .map(|c| super::ocd::village(c, self.village_id))
    }

    /// The candidate elected, by the computed outcome.
    pub fn elected(&self) -> Option<&'a Candidate> {
        let slug = self.figures.as_ref()?.outcome.elected()?;
        self.candidates.iter().copied().find(|c| c.slug == slug)
    }

    /// A candidate's votes, when the contest has figures.
    pub fn votes(&self, slug: &str) -> Option<u32> {
        self.figures
            .as_ref()
            .and_then(|f| f.count.so_phieu.get(slug).copied())
    }
}

/// `part / whole` in percent, rounded to two decimals (`44.04`); nothing when the whole is zero.
/// Data files carry the number; pages format it the Vietnamese way (`44,04%`).
pub fn share(part: u32, whole: u32) -> Option<f64> {
    percent(part, whole).map(|p| (p * 100.0).round() / 100.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_are_percentages_rounded_to_two_decimals() {
        assert_eq!(share(159, 361), Some(44.04));
        assert_eq!(share(198, 412), Some(48.06));
        assert_eq!(share(8, 390), Some(2.05));
        assert_eq!(share(1, 3), Some(33.33));
        assert_eq!(share(2, 3), Some(66.67));
        assert_eq!(share(5, 0), None);
    }
}
