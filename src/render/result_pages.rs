//! Pages about results beyond one round: the public lists to post at the ward office (niêm yết),
//! and the overview of every round's results across wards and terms.

use super::format::{number_vi, percent_vi};
use super::pages::{ROUNDS_TITLE, trail};
use super::result_views::{ContestRow, OutcomeView};
use super::views::{CandidateRow, DataLinks, Link, RoundSummary};
use super::{Renderer, link, urls};
use crate::export;
use crate::model::Site;
use crate::model::date::Date;
use crate::model::election::Round;
use crate::model::outcome::Outcome;
use crate::model::result::percent;
use serde::Serialize;
use tera::Context;

const RESULTS_TITLE: &str = "Kết quả bầu cử";

/// The heading of a public list, as on an administrative document.
#[derive(Serialize)]
struct ListHead {
    issuer: String,
    /// `Phường Hồng Gai, ngày 27 tháng 5 năm 2022`, or blanks to fill in by hand.
    place_and_date: String,
    subtitle: String,
}

fn list_head(site: &Site, round: &Round, date: Option<Date>) -> ListHead {
    let commune = site
        .commune(&round.data.don_vi)
        .map(|c| c.names_at(round.data.ngay_bau_cu).commune)
        .unwrap_or_else(|| round.data.don_vi.clone());
    let when = date.map_or_else(|| "ngày …… tháng …… năm ……".to_string(), |d| d.vi_long());
    ListHead {
        issuer: format!("Ủy ban nhân dân {commune}"),
        place_and_date: format!("{commune}, {when}"),
        subtitle: format!(
            "Bầu cử {} nhiệm kỳ {}, ngày {}",
            round.data.chuc_danh.label_vi(),
            round.data.nhiem_ky,
            round.data.ngay_bau_cu.vi_short()
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
    let summary = RoundSummary::new(site, round);
    let posted = round.data.cac_buoc.niem_yet.as_ref().and_then(|s| s.ngay);
    let groups: Vec<CandidateGroup> = round
        .contest_ids()
        .into_iter()
        .map(|v| CandidateGroup {
            village: village_name(site, round, v),
            rows: round
                .candidates_in(v)
                .map(|c| CandidateRow::new(round, c))
                .collect(),
        })
        .collect();
    let url = urls::candidate_list(&round.id);
    let mut ctx = Context::new();
    ctx.insert("body_class", "public-list-page");
    ctx.insert("kind", "ung-cu-vien");
    ctx.insert("data", &DataLinks::of(&export::round_candidates(&round.id)));
    ctx.insert("heading", "Danh sách ứng cử viên");
    ctx.insert("head", &list_head(site, round, posted));
    ctx.insert("round", &summary);
    ctx.insert("groups", &groups);
    let title = format!("Danh sách ứng cử viên — {}", summary.title);
    let t = list_trail(&summary, "Danh sách ứng cử viên", &url);
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
    let summary = RoundSummary::new(site, round);
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
        let row = ContestRow::new(site, round, v);
        match winner.and_then(|(slug, votes, base, c)| {
            let cand = round.candidates_in(v).find(|x| x.slug == slug)?;
            Some((cand, votes, base, c))
        }) {
            Some((cand, votes, base, c)) => {
                decided.extend(c.quyet_dinh.as_ref().and_then(|d| d.ngay));
                elected.push(ElectedRow {
                    village: row.village,
                    name: cand.data.ho_ten.clone(),
                    url: urls::candidate(&round.id, v, &cand.slug),
                    birth_year: cand.data.nam_sinh,
                    votes: number_vi(votes.into()),
                    share: percent(votes, base).map(percent_vi).unwrap_or_default(),
                    decision: c
                        .quyet_dinh
                        .as_ref()
                        .map(|d| d.label_vi())
                        .unwrap_or_else(|| row.status.label.to_string()),
                });
            }
            None => unfilled.push(UnfilledRow {
                village: row.village,
                url: row.url,
                outcome: row.outcome,
                status: match (&row.status.repeat_date, row.status.label) {
                    (Some(day), label) => format!("{label}: ngày {day}"),
                    (None, label) => label.to_string(),
                },
            }),
        }
    }
    let url = urls::elected_list(&round.id);
    let mut ctx = Context::new();
    ctx.insert("body_class", "public-list-page");
    ctx.insert("kind", "trung-cu");
    ctx.insert("data", &DataLinks::of(&export::round_elected(&round.id)));
    ctx.insert("heading", "Danh sách người trúng cử");
    ctx.insert(
        "head",
        &list_head(site, round, decided.iter().max().copied()),
    );
    ctx.insert("round", &summary);
    ctx.insert("elected", &elected);
    ctx.insert("unfilled", &unfilled);
    let title = format!("Danh sách người trúng cử — {}", summary.title);
    let t = list_trail(&summary, "Danh sách người trúng cử", &url);
    r.page(&url, "public-list.html", &title, t, ctx)
}

fn list_trail(summary: &RoundSummary, title: &str, url: &str) -> Vec<Link> {
    trail(
        &[
            link(ROUNDS_TITLE, urls::ROUNDS),
            link(&summary.title, &summary.url),
        ],
        title,
        url,
    )
}

fn village_name(site: &Site, round: &Round, village: &str) -> String {
    site.commune(&round.data.don_vi)
        .and_then(|c| c.village(village))
        .map_or_else(|| village.to_string(), |v| v.ten.clone())
}

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
                number_vi(counted.iter().filter(|o| pred(o)).count() as u64)
            };
            RoundResults {
                round: RoundSummary::new(site, round),
                contests: number_vi(round.data.cuoc_bau.len() as u64),
                counted: number_vi(counted.len() as u64),
                elected: n(&|o| o.elected().is_some()),
                not_elected: n(&|o| matches!(o, Outcome::NotElected { .. } | Outcome::Tie { .. })),
                invalid: n(&|o| matches!(o, Outcome::QuorumNotMet { .. })),
                turnout: (households > 0)
                    .then(|| percent_vi(took_part as f64 * 100.0 / households as f64)),
            }
        })
        .collect();
    let mut ctx = Context::new();
    ctx.insert("rows", &rows);
    ctx.insert("all_results", &DataLinks::of(&export::all_results()));
    ctx.insert("divisions", &DataLinks::of(&export::divisions_file()));
    ctx.insert("popolo", &export::popolo_file());
    ctx.insert("nist", &export::nist_file());
    r.page(
        urls::RESULTS,
        "results.html",
        RESULTS_TITLE,
        trail(&[], RESULTS_TITLE, urls::RESULTS),
        ctx,
    )
}
