//! One contest resolved once (cuộc bầu ở một khu dân cư): where it stands in law, why, by which
//! decision, its figures when they may be shown, and who they elect under the rules in force.
//!
//! Every page, chart, list, feed and data file reads this value and decides nothing again: the
//! raw vote-count record is private to it, and `counted` gives the figures only when the
//! contest's status lets them be published.

use super::Site;
use super::date::Date;
use super::decision::Decision;
use super::election::{ContestHold, ContestStatus, Round, RoundStatus};
use super::outcome::Outcome;
use super::result::{ActingHead, ContestCount, ResultStatus};
use super::rules::RuleSet;
use rayon::prelude::*;

/// Why a contest or a round did not go ahead, or why its result was voided (lý do), as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reason {
    pub vi: String,
    pub en: Option<String>,
}

impl Reason {
    pub fn of(vi: Option<&String>, en: Option<&String>) -> Option<Self> {
        let vi = vi.map(|s| s.trim()).filter(|s| !s.is_empty())?;
        Some(Self {
            vi: vi.to_string(),
            en: en.map(|s| s.trim().to_string()).filter(|s| !s.is_empty()),
        })
    }
}

/// The repeat vote ordered for a contest (bầu lại): its day, and the round that holds it once
/// that round is on the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repeat {
    pub date: Option<Date>,
    pub round: Option<String>,
}

/// A contest's figures that may be published, and what they mean.
#[derive(Debug, Clone, Copy)]
pub struct Counted<'a> {
    pub figures: &'a ContestCount,
    pub outcome: &'a Outcome,
    /// The candidate elected (slug): nobody when the outcome elects nobody, or when the result
    /// was not recognised and a repeat vote ordered.
    pub elected: Option<&'a str>,
    /// The result was not recognised (a repeat vote ordered).
    pub voided: bool,
}

impl Counted<'_> {
    pub fn votes(&self, slug: &str) -> Option<u32> {
        self.figures.so_phieu.get(slug).copied()
    }

    /// What the figures mean for the result: the outcome's key, except that figures electing
    /// someone whose result was not recognised say so (`khong-cong-nhan`).
    pub fn result_key(&self) -> &'static str {
        if self.elects_unrecognised() {
            "khong-cong-nhan"
        } else {
            self.outcome.key()
        }
    }

    /// The figures elect someone, but the result was not recognised.
    pub fn elects_unrecognised(&self) -> bool {
        self.voided && self.outcome.elected().is_some()
    }
}

/// One contest of a round, resolved against its round, its results and the rules.
#[derive(Debug, Clone)]
pub struct Contest {
    /// The village's id (`khu_dan_cu`).
    pub village: String,
    /// Polling place (địa điểm bỏ phiếu).
    pub polling_place: Option<String>,
    pub status: ContestStatus,
    /// Why it was postponed, not held, or voided.
    pub reason: Option<Reason>,
    /// The decision behind the status: the one postponing it, recognising its result, or
    /// ordering a repeat vote.
    pub decision: Option<Decision>,
    /// Its candidates' slugs, in ballot order.
    pub candidates: Vec<String>,
    /// The repeat vote, when one was ordered.
    pub repeat: Option<Repeat>,
    /// The round whose contest for the same village this one repeats.
    pub repeat_of: Option<String>,
    /// The acting head, when the post stays empty after the vote.
    pub acting: Option<ActingHead>,
    record: Option<ContestCount>,
    outcome: Option<Outcome>,
}

impl Contest {
    /// Resolves the contests of `round` by `rules` (none when the round names rules that do
    /// not exist, which validation reports). A repeat vote links two rounds, so `resolve_site`
    /// settles `Repeated` and `repeat_of` once every round is resolved.
    pub fn resolve_round(round: &Round, rules: Option<&RuleSet>) -> Vec<Self> {
        round
            .data
            .cuoc_bau
            .iter()
            .map(|entry| {
                let village = entry.khu_dan_cu.as_str();
                let candidates: Vec<String> = round
                    .candidates_in(village)
                    .map(|c| c.slug.clone())
                    .collect();
                let record = round
                    .results
                    .as_ref()
                    .and_then(|r| r.contests.get(village))
                    .cloned();
                let status = status_of(round, entry.trang_thai, record.as_ref());
                let outcome = record.as_ref().zip(rules).map(|(count, rules)| {
                    let order: Vec<&str> = candidates.iter().map(String::as_str).collect();
                    Outcome::decide(count, rules, &order)
                });
                // what the record says is published only with its figures
                let published = record.as_ref().filter(|_| status.has_figures());
                let (reason, decision) = if status.is_held_back() {
                    // the contest's own words first, else the round's
                    let d = &round.data;
                    (
                        Reason::of(entry.ly_do.as_ref(), entry.ly_do_en.as_ref())
                            .or_else(|| Reason::of(d.ly_do.as_ref(), d.ly_do_en.as_ref())),
                        entry
                            .quyet_dinh
                            .clone()
                            .or_else(|| d.quyet_dinh_hoan.clone()),
                    )
                } else {
                    (
                        published.and_then(|c| Reason::of(c.ly_do.as_ref(), c.ly_do_en.as_ref())),
                        published.and_then(|c| c.quyet_dinh.clone()),
                    )
                };
                let repeat = published
                    .filter(|c| c.trang_thai == ResultStatus::RepeatOrdered)
                    .map(|c| Repeat {
                        date: c.ngay_bau_lai,
                        round: c.dot_bau_lai.clone(),
                    });
                Self {
                    village: village.to_string(),
                    polling_place: entry.dia_diem.clone(),
                    status,
                    reason,
                    decision,
                    candidates,
                    repeat,
                    repeat_of: None,
                    acting: published.and_then(|c| c.lam_thoi.clone()),
                    record,
                    outcome,
                }
            })
            .collect()
    }

    /// The figures and their outcome, only when the status lets them be published.
    pub fn counted(&self) -> Option<Counted<'_>> {
        if !self.status.has_figures() {
            return None;
        }
        let figures = self.record.as_ref()?;
        let outcome = self.outcome.as_ref()?;
        Some(Counted {
            figures,
            outcome,
            elected: outcome.elected().filter(|_| !self.is_voided()),
            voided: self.is_voided(),
        })
    }

    /// The candidate elected (slug), when the published figures elect one.
    pub fn elected(&self) -> Option<&str> {
        self.counted().and_then(|c| c.elected)
    }

    /// Whether the result was voided and a repeat vote ordered (held or not).
    pub fn is_voided(&self) -> bool {
        matches!(
            self.status,
            ContestStatus::RepeatOrdered | ContestStatus::Repeated
        )
    }

    /// The record and its outcome whatever the status: for validation, which checks what
    /// staff typed before it is published. Pages and data files read `counted`.
    pub(crate) fn record_for_checks(&self) -> Option<(&ContestCount, Option<&Outcome>)> {
        self.record.as_ref().map(|r| (r, self.outcome.as_ref()))
    }
}

/// Where one contest stands: its own hold, else the round's status, else the legal status of
/// its result.
fn status_of(
    round: &Round,
    hold: Option<ContestHold>,
    record: Option<&ContestCount>,
) -> ContestStatus {
    match hold {
        Some(ContestHold::Postponed) => return ContestStatus::Postponed,
        Some(ContestHold::NotHeld) => return ContestStatus::NotHeld,
        None => {}
    }
    match round.data.trang_thai {
        RoundStatus::Scheduled => return ContestStatus::Scheduled,
        RoundStatus::Postponed => return ContestStatus::Postponed,
        RoundStatus::NotHeld => return ContestStatus::NotHeld,
        _ => {}
    }
    match record {
        None => ContestStatus::Counting,
        Some(c) => match c.trang_thai {
            ResultStatus::Provisional => ContestStatus::Provisional,
            ResultStatus::Recognised => ContestStatus::Recognised,
            ResultStatus::RepeatOrdered => ContestStatus::RepeatOrdered,
        },
    }
}

/// A round's status from its contests: what its file says while it is scheduled, postponed or
/// not held; once held, the least settled of its contests, so that a round with a voided
/// contest is never called official.
pub fn round_status(typed: RoundStatus, contests: &[Contest]) -> RoundStatus {
    if matches!(
        typed,
        RoundStatus::Scheduled | RoundStatus::Postponed | RoundStatus::NotHeld
    ) {
        return typed;
    }
    let any = |s: &[ContestStatus]| contests.iter().any(|c| s.contains(&c.status));
    let held: Vec<&Contest> = contests
        .iter()
        .filter(|c| !c.status.is_held_back())
        .collect();
    if held.is_empty() && !contests.is_empty() {
        return if any(&[ContestStatus::Postponed]) {
            RoundStatus::Postponed
        } else {
            RoundStatus::NotHeld
        };
    }
    if any(&[ContestStatus::Counting]) {
        RoundStatus::Counting
    } else if any(&[ContestStatus::Provisional]) {
        RoundStatus::Provisional
    } else if any(&[ContestStatus::RepeatOrdered, ContestStatus::Repeated]) {
        if any(&[ContestStatus::Recognised]) {
            RoundStatus::PartlyVoided
        } else {
            RoundStatus::Voided
        }
    } else if held.is_empty() {
        typed
    } else {
        RoundStatus::Official
    }
}

/// Resolves every round's contests and status once. A voided contest is `Repeated` once the
/// round it names holds that village's vote with figures published, and that contest then knows
/// which round it repeats.
pub(super) fn resolve_site(site: &mut Site) {
    // each round's own contests in parallel: the preview settles them all after every save
    let contests: Vec<Vec<Contest>> = (site.rounds.par_iter())
        .map(|round| Contest::resolve_round(round, site.rules_for(round)))
        .collect();
    for (round, contests) in site.rounds.iter_mut().zip(contests) {
        round.contests = contests;
    }
    let mut links: Vec<(usize, usize, usize, usize)> = Vec::new();
    for (ri, round) in site.rounds.iter().enumerate() {
        for (ci, contest) in round.contests.iter().enumerate() {
            let Some(target) = contest.repeat.as_ref().and_then(|r| r.round.as_deref()) else {
                continue;
            };
            let Some(ti) = site.rounds.iter().position(|r| r.id == target) else {
                continue;
            };
            let held = site.rounds[ti]
                .contests
                .iter()
                .position(|c| c.village == contest.village && c.status.has_figures());
            if let Some(tci) = held {
                links.push((ri, ci, ti, tci));
            }
        }
    }
    for (ri, ci, ti, tci) in links {
        site.rounds[ri].contests[ci].status = ContestStatus::Repeated;
        let original = site.rounds[ri].id.clone();
        site.rounds[ti].contests[tci].repeat_of = Some(original);
    }
    for round in &mut site.rounds {
        round.status = round_status(round.data.trang_thai, &round.contests);
    }
}

#[cfg(test)]
mod tests;
