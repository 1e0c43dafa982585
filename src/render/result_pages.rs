//! Pages about results beyond one round: the public lists to post at the ward office (niêm yết),
//! and the overview of every round's results across wards and terms.

use super::locale::Locale;
use super::pages::trail;
use super::result_views::{ContestRow, OutcomeView};
use super::views::{CandidateRow, DataLinks, Link, RoundSummary, round_village_name};
use super::{Renderer, link, urls};
use crate::export;
use crate::model::Site;
use crate::model::date::Date;
use crate::model::election::Round;
use crate::model::outcome::Outcome;
use crate::model::result::percent;
use serde::Serialize;
use tera::Context;

/// The heading of a public list, as on an administrative document.
#[derive(Serialize)]
struct ListHead {
    issuer: String,
    /// `Phường Hồng Gai, ngày 27 tháng 5 năm 2022`, or blanks to fill in by hand.
    place_and_date: String,
    subtitle: String,
}

/// The heading of a round's public list, dated `date` (blanks when not known). The commune is
/// named as on election day, as the round's summary names it.
fn list_head(l: &Locale, summary: &RoundSummary, date: Option<Date>) -> ListHead {
    let commune = summary.commune.as_str();
    let when = date.map_or_else(|| l.t("public_list_date_blank"), |d| l.date_long(d));
    ListHead {
        issuer: l.fill("public_list_issuer", &[("commune", commune)]),
        place_and_date: l.fill(
            "public_list_place_date",
            &[("place", commune), ("date", &when)],
        ),
        subtitle: l.fill(
            "public_list_subtitle",
            &[
                ("office", &summary.office),
                ("term", &summary.term),
                ("date", &summary.date),
            ],
        ),
    }
}

#[derive(Serialize)]
struct CandidateGroup {
    village: String,
    rows: Vec<CandidateRow>,
}

/// The candidate list of a round, grouped by village, as posted before election day.
pub(super) fn candidate_list(r: &mut Renderer, site: &Site, round: &Round) -> Result<(), String> {
    let l = r.locale.clone();
    let summary = RoundSummary::new(&l, site, round);
    let posted = round.data.cac_buoc.niem_yet.as_ref().and_then(|s| s.ngay);
    let groups: Vec<CandidateGroup> = round
        .contest_ids()
        .into_iter()
        .map(|v| CandidateGroup {
            village: round_village_name(&l, site, round, v),
            rows: round
                .candidates_in(v)
                .map(|c| CandidateRow::new(&l, round, c))
                .collect(),
        })
        .collect();
    let url = urls::candidate_list(&round.id);
    let mut ctx = Context::new();
    ctx.insert("body_class", "public-list-page");
    ctx.insert("kind", "ung-cu-vien");
    ctx.insert("data", &DataLinks::of(&export::round_candidates(&round.id)));
    let heading = l.t("public_list_candidates");
    ctx.insert("heading", &heading);
    ctx.insert("head", &list_head(&l, &summary, posted));
    ctx.insert("round", &summary);
    ctx.insert("groups", &groups);
    let title = format!("{heading} — {}", summary.title);
    let t = list_trail(&l, &summary, &heading, &url);
    r.page(&url, "public-list.html", &title, t, ctx)
}

#[derive(Serialize)]
struct ElectedRow {
    village: String,
    name: String,
    url: String,
    birth_year: u16,
    votes: String,
    share: String,
    decision: String,
}

#[derive(Serialize)]
struct UnfilledRow {
    village: String,
    url: String,
    outcome: Option<OutcomeView>,
    status: String,
}

/// Those elected in a round, and the villages where nobody was, with why and what follows.
pub(super) fn elected_list(r: &mut Renderer, site: &Site, round: &Round) -> Result<(), String> {
    let Some(sheet) = &round.results else {
        return Ok(());
    };
    let l = r.locale.clone();
    let summary = RoundSummary::new(&l, site, round);
    let mut elected = Vec::new();
    let mut unfilled = Vec::new();
    let mut decided: Vec<Date> = Vec::new();
    for v in round.contest_ids() {
        let count = sheet
            .contests
            .get(v)
            .filter(|_| round.contest_status(v).has_figures());
        let winner = count.and_then(|c| {
            let rules = site.rules_for(round)?;
            let order: Vec<&str> = round.candidates_in(v).map(|x| x.slug.as_str()).collect();
            match Outcome::decide(c, rules, &order) {
                Outcome::Elected { slug, votes, base } => Some((slug, votes, base, c)),
                _ => None,
            }
        });
        let row = ContestRow::new(&l, site, round, v);
        match winner.and_then(|(slug, votes, base, c)| {
            let cand = round.candidates_in(v).find(|x| x.slug == slug)?;
            Some((cand, votes, base, c))
        }) {
            Some((cand, votes, base, c)) => {
                decided.extend(c.quyet_dinh.as_ref().and_then(|d| d.ngay));
                // a contest with figures: its status names the count's decision, when made
                let decision = match &row.status.decision {
                    Some(d) => d.to_string(),
                    None => row.status.label.to_string(),
                };
                elected.push(ElectedRow {
                    village: row.village,
                    name: cand.data.ho_ten.clone(),
                    url: urls::candidate(&round.id, v, &cand.slug),
                    birth_year: cand.data.nam_sinh,
                    votes: l.number(votes),
                    share: percent(votes, base)
                        .map(|p| l.percent(p))
                        .unwrap_or_default(),
                    decision,
                });
            }
            None => {
                let label = row.status.label.to_string();
                let status = match &row.status.repeat_date {
                    Some(day) => l.fill(
                        "public_list_repeat",
                        &[("status", &label), ("date", &day.to_string())],
                    ),
                    None => label,
                };
                unfilled.push(UnfilledRow {
                    village: row.village,
                    url: row.url,
                    outcome: row.outcome,
                    status,
                });
            }
        }
    }
    let url = urls::elected_list(&round.id);
    let mut ctx = Context::new();
    ctx.insert("body_class", "public-list-page");
    ctx.insert("kind", "trung-cu");
    ctx.insert("data", &DataLinks::of(&export::round_elected(&round.id)));
    let heading = l.t("public_list_elected");
    ctx.insert("heading", &heading);
    ctx.insert(
        "head",
        &list_head(&l, &summary, decided.iter().max().copied()),
    );
    ctx.insert("round", &summary);
    ctx.insert("elected", &elected);
    ctx.insert("unfilled", &unfilled);
    let title = format!("{heading} — {}", summary.title);
    let t = list_trail(&l, &summary, &heading, &url);
    r.page(&url, "public-list.html", &title, t, ctx)
}

fn list_trail(l: &Locale, summary: &RoundSummary, title: &str, url: &str) -> Vec<Link> {
    trail(
        l,
        &[
            link(l.t("title_rounds"), urls::ROUNDS),
            link(&summary.title, &summary.url),
        ],
        title,
        url,
    )
}

/// A village's name in the page's language: its English name in English, when it has one.
/// One round in the overview of results.
#[derive(Serialize)]
struct RoundResults {
    round: RoundSummary,
    contests: String,
    counted: String,
    elected: String,
    not_elected: String,
    invalid: String,
    /// All participants over all households of the counted contests.
    turnout: Option<String>,
}

/// Every round's results, newest first, across wards and terms.
pub(super) fn overview(r: &mut Renderer, site: &Site) -> Result<(), String> {
    let l = r.locale.clone();
    let rows: Vec<RoundResults> = site
        .rounds
        .iter()
        .map(|round| {
            let rules = site.rules_for(round);
            let counted: Vec<Outcome> = round
                .contest_ids()
                .into_iter()
                .filter(|v| round.contest_status(v).has_figures())
                .filter_map(|v| {
                    let c = round.results.as_ref()?.contests.get(v)?;
                    let order: Vec<&str> =
                        round.candidates_in(v).map(|x| x.slug.as_str()).collect();
                    Some(Outcome::decide(c, rules?, &order))
                })
                .collect();
            let (mut took_part, mut households) = (0u64, 0u64);
            for c in round.results.iter().flat_map(|s| s.contests.iter()) {
                if round.contest_status(c.0).has_figures() {
                    took_part += u64::from(c.1.cu_tri_tham_gia);
                    households += u64::from(c.1.tong_cu_tri);
                }
            }
            let n = |pred: &dyn Fn(&Outcome) -> bool| {
                l.number(counted.iter().filter(|o| pred(o)).count() as u64)
            };
            RoundResults {
                round: RoundSummary::new(&l, site, round),
                contests: l.number(round.data.cuoc_bau.len() as u64),
                counted: l.number(counted.len() as u64),
                elected: n(&|o| o.elected().is_some()),
                not_elected: n(&|o| matches!(o, Outcome::NotElected { .. } | Outcome::Tie { .. })),
                invalid: n(&|o| matches!(o, Outcome::QuorumNotMet { .. })),
                turnout: (households > 0)
                    .then(|| l.percent(took_part as f64 * 100.0 / households as f64)),
            }
        })
        .collect();
    let mut ctx = Context::new();
    ctx.insert("rows", &rows);
    ctx.insert("all_results", &DataLinks::of(&export::all_results()));
    ctx.insert("divisions", &DataLinks::of(&export::divisions_file()));
    ctx.insert("popolo", &export::popolo_file());
    ctx.insert("nist", &export::nist_file());
    let title = l.t("title_results");
    r.page(
        urls::RESULTS,
        "results.html",
        &title,
        trail(&l, &[], &title, urls::RESULTS),
        ctx,
    )
}
