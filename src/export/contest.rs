//! What every export knows about one contest: the model's resolved contest (status, reason,
//! decision, figures when they may be published, who is elected) with the round, commune, village,
//! rules and candidates it refers to. Nothing is decided here.

use crate::model::Site;
use crate::model::candidate::Candidate;
use crate::model::contest::{self, Counted};
use crate::model::division::{Commune, Village};
use crate::model::election::{ContestStatus, Round};
use crate::model::result::percent;
use crate::model::rules::RuleSet;

/// One contest of a round, with what it refers to.
#[derive(Debug, Clone)]
pub struct Contest<'a> {
    pub round: &'a Round,
    pub commune: Option<&'a Commune>,
    /// The village's id (`khu_dan_cu`).
    pub village_id: &'a str,
    pub village: Option<&'a Village>,
    /// The rules the round follows (those it names, or those in force on election day).
    pub rules: Option<&'a RuleSet>,
    /// Its candidates, in ballot order.
    pub candidates: Vec<&'a Candidate>,
    pub resolved: &'a contest::Contest,
}

impl<'a> Contest<'a> {
    /// The contests of `round`, in the order of its `cuoc_bau`.
    pub fn of_round(site: &'a Site, round: &'a Round) -> Vec<Self> {
        let commune = site.commune(&round.data.don_vi);
        let rules = site.rules_for(round);
        round
            .contests
            .iter()
            .map(|resolved| {
                let village_id = resolved.village.as_str();
                Contest {
                    round,
                    commune,
                    village_id,
                    village: commune.and_then(|c| c.village(village_id)),
                    rules,
                    candidates: resolved
                        .candidates
                        .iter()
                        .filter_map(|slug| round.candidate(slug))
                        .collect(),
                    resolved,
                }
            })
            .collect()
    }

    pub fn status(&self) -> ContestStatus {
        self.resolved.status
    }

    /// The figures and the outcome, when they may be published.
    pub fn counted(&self) -> Option<Counted<'a>> {
        self.resolved.counted()
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

    /// The candidate elected, as the model resolved it.
    pub fn elected(&self) -> Option<&'a Candidate> {
        let slug = self.resolved.elected()?;
        self.candidates.iter().copied().find(|c| c.slug == slug)
    }

    /// A candidate's votes, when the contest's figures may be published.
    pub fn votes(&self, slug: &str) -> Option<u32> {
        self.counted().and_then(|c| c.votes(slug))
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
