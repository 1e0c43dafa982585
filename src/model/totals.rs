//! Totals over contests (tổng hợp kết quả): what a commune reports after a round ("5.069 of
//! 5.443 household representatives voted, 93,13%; 5 heads re-elected, 3 new"), and the same sums
//! for a province or the whole site. Summed from the resolved contests, so they count only
//! figures that may be published.

use super::Site;
use super::candidate::Gender;
use super::contest::Contest;
use super::election::{ContestStatus, Round};
use super::statistics::is_minority;
use super::term::Term;
use std::collections::BTreeMap;

/// Sums over a set of contests.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Totals {
    pub contests: u32,
    /// Contests with published figures.
    pub counted: u32,
    pub scheduled: u32,
    pub postponed: u32,
    pub not_held: u32,
    /// Held, figures not yet published.
    pub counting: u32,
    /// Counted contests that elected a head.
    pub elected: u32,
    /// Counted contests that elected nobody, not counting those voided.
    pub not_elected: u32,
    /// Results not recognised, with a repeat vote ordered.
    pub voided: u32,
    /// All household representatives of the counted contests.
    pub households: u64,
    /// Household representatives who took part in them.
    pub participants: u64,
    /// Winners standing again after a term as head (tái cử), and the others.
    pub winners_re_elected: u32,
    pub winners_new: u32,
    pub winners_women: u32,
    pub winners_minority: u32,
}

impl Totals {
    /// The totals of one round.
    pub fn of_round(round: &Round) -> Self {
        Self::of(round, false)
    }

    /// The totals of one round among others of its term: a contest whose repeat vote was held
    /// counts only as voided, since the repeat's figures replace its own.
    fn in_term(round: &Round) -> Self {
        Self::of(round, true)
    }

    fn of(round: &Round, superseded_by_repeat: bool) -> Self {
        let mut t = Self::default();
        for contest in &round.contests {
            if superseded_by_repeat && contest.status == ContestStatus::Repeated {
                t.voided += 1;
                continue;
            }
            t.add_contest(round, contest);
        }
        t
    }

    fn add_contest(&mut self, round: &Round, contest: &Contest) {
        self.contests += 1;
        match contest.status {
            ContestStatus::Scheduled => self.scheduled += 1,
            ContestStatus::Postponed => self.postponed += 1,
            ContestStatus::NotHeld => self.not_held += 1,
            _ => {}
        }
        if contest.is_voided() {
            self.voided += 1;
        }
        let Some(counted) = contest.counted() else {
            if contest.status == ContestStatus::Counting {
                self.counting += 1;
            }
            return;
        };
        self.counted += 1;
        self.households += u64::from(counted.figures.tong_cu_tri);
        self.participants += u64::from(counted.figures.cu_tri_tham_gia);
        let winner = counted.elected.and_then(|slug| round.candidate(slug));
        match winner {
            Some(w) => {
                self.elected += 1;
                if w.data.tai_cu {
                    self.winners_re_elected += 1;
                } else {
                    self.winners_new += 1;
                }
                if w.data.gioi_tinh == Gender::Female {
                    self.winners_women += 1;
                }
                if is_minority(&w.data.dan_toc) {
                    self.winners_minority += 1;
                }
            }
            None if !contest.is_voided() => self.not_elected += 1,
            None => {}
        }
    }

    pub fn plus(&self, o: &Self) -> Self {
        Self {
            contests: self.contests + o.contests,
            counted: self.counted + o.counted,
            scheduled: self.scheduled + o.scheduled,
            postponed: self.postponed + o.postponed,
            not_held: self.not_held + o.not_held,
            counting: self.counting + o.counting,
            elected: self.elected + o.elected,
            not_elected: self.not_elected + o.not_elected,
            voided: self.voided + o.voided,
            households: self.households + o.households,
            participants: self.participants + o.participants,
            winners_re_elected: self.winners_re_elected + o.winners_re_elected,
            winners_new: self.winners_new + o.winners_new,
            winners_women: self.winners_women + o.winners_women,
            winners_minority: self.winners_minority + o.winners_minority,
        }
    }

    /// Participants of all households of the counted contests, in percent.
    pub fn turnout(&self) -> Option<f64> {
        (self.households > 0).then(|| self.participants as f64 * 100.0 / self.households as f64)
    }
}

/// The set of rounds a total covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Scope {
    Site,
    Province,
    /// A district (huyện), as the commune was placed on election day (none since 1/7/2025).
    District,
    Commune,
}

impl Scope {
    pub fn key(self) -> &'static str {
        match self {
            Self::Site => "toan-trang",
            Self::Province => "tinh",
            Self::District => "huyen",
            Self::Commune => "don-vi",
        }
    }
}

/// The totals of one scope for one term.
#[derive(Debug, Clone)]
pub struct ScopeTotals {
    pub term: Term,
    pub scope: Scope,
    /// The commune's id; the province's or district's name; empty for the site.
    pub id: String,
    /// The name as on the latest election day of the term; empty for the site.
    pub name: String,
    pub rounds: u32,
    pub totals: Totals,
}

/// Totals per term for the site, each province, each district and each commune: newest term
/// first, then by scope and id.
pub fn by_scope(site: &Site) -> Vec<ScopeTotals> {
    let mut groups: BTreeMap<(std::cmp::Reverse<Term>, Scope, String), ScopeTotals> =
        BTreeMap::new();
    // oldest round first, so that a name is the one of the latest election day
    for round in site.rounds.iter().rev() {
        let term = round.data.nhiem_ky;
        let names = site
            .commune(&round.data.don_vi)
            .map(|c| c.names_at(round.data.ngay_bau_cu));
        let province = names
            .as_ref()
            .map(|n| n.province.ten.clone())
            .unwrap_or_default();
        let commune = names
            .as_ref()
            .map_or_else(|| round.data.don_vi.clone(), |n| n.commune.clone());
        let mut scopes = vec![
            (Scope::Site, String::new(), String::new()),
            (Scope::Province, province.clone(), province),
        ];
        if let Some(d) = names.and_then(|n| n.district) {
            scopes.push((Scope::District, d.ten.clone(), d.ten));
        }
        scopes.push((Scope::Commune, round.data.don_vi.clone(), commune));
        let totals = Totals::in_term(round);
        for (scope, id, name) in scopes {
            let entry = groups
                .entry((std::cmp::Reverse(term), scope, id.clone()))
                .or_insert_with(|| ScopeTotals {
                    term,
                    scope,
                    id,
                    name: String::new(),
                    rounds: 0,
                    totals: Totals::default(),
                });
            entry.name = name;
            entry.rounds += 1;
            entry.totals = entry.totals.plus(&totals);
        }
    }
    groups.into_values().collect()
}
