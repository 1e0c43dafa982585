//! The pages of elections: the rounds by term, a round's dashboard, a contest, a candidate.

use super::archives;
use super::charts;
use super::composition_views::CompositionView;
use super::locale::Locale;
use super::markdown::to_html;
use super::pages::{localized_markdown, trail};
use super::result_views::{ContestRow, ResultView, rules_summary, timeline_view};
use super::status_views::{ReasonView, StatusView, TotalsView, decision_label};
use super::views::{CandidateRow, ContestSummary, DataLinks, DocumentSummary, Link, RoundSummary};
use super::{Renderer, link, urls};
use crate::export;
use crate::model::Site;
use crate::model::candidate::Candidate;
use crate::model::contest::Contest;
use crate::model::election::Round;
use crate::model::result::percent;
use crate::model::statistics::Composition;
use crate::model::totals::Totals;
use crate::model::translation;
use serde::Serialize;
use tera::Context;

/// Rounds grouped by term, newest term first.
#[derive(Serialize)]
pub(super) struct TermGroup {
    term: String,
    rounds: Vec<RoundSummary>,
}

/// The rounds that `keep` accepts, grouped by term, newest first.
pub(super) fn term_groups(
    l: &Locale,
    site: &Site,
    keep: impl Fn(&Round) -> bool,
) -> Vec<TermGroup> {
    let mut groups: Vec<TermGroup> = Vec::new();
    let mut sorted: Vec<&Round> = site.rounds.iter().filter(|x| keep(x)).collect();
    sorted.sort_by(|a, b| {
        (b.data.nhiem_ky, b.data.ngay_bau_cu, &a.id).cmp(&(
            a.data.nhiem_ky,
            a.data.ngay_bau_cu,
            &b.id,
        ))
    });
    for round in sorted {
        let term = l.term(round.data.nhiem_ky);
        let summary = RoundSummary::new(l, site, round);
        match groups.last_mut() {
            Some(g) if g.term == term => g.rounds.push(summary),
            _ => groups.push(TermGroup {
                term,
                rounds: vec![summary],
            }),
        }
    }
    groups
}

pub(super) fn rounds(r: &mut Renderer, site: &Site) -> Result<(), String> {
    let l = r.locale.clone();
    let (years, terms) = archives::rounds(r, site)?;
    let mut ctx = Context::new();
    ctx.insert("groups", &term_groups(&l, site, |_| true));
    ctx.insert("years", &years);
    ctx.insert("terms", &terms);
    let title = l.t("title_rounds");
    r.page(
        urls::ROUNDS,
        "rounds.html",
        &title,
        trail(&l, &[], &title, urls::ROUNDS),
        ctx,
    )
}

fn round_trail(l: &Locale, summary: &RoundSummary) -> Vec<Link> {
    vec![
        link(l.t("title_rounds"), urls::ROUNDS),
        link(&summary.title, &summary.url),
    ]
}

pub(super) fn round_page(r: &mut Renderer, site: &Site, round: &Round) -> Result<(), String> {
    let l = r.locale.clone();
    let summary = RoundSummary::new(&l, site, round);
    let contests: Vec<ContestSummary> = round
        .contests
        .iter()
        .map(|c| ContestSummary::new(&l, site, round, c))
        .collect();
    let documents: Vec<DocumentSummary> = site
        .documents
        .iter()
        .filter(|d| d.data.bau_cu.as_deref() == Some(round.id.as_str()))
        .map(|d| DocumentSummary::new(&l, site, d))
        .collect();
    let mut ctx = Context::new();
    ctx.insert("round", &summary);
    let own_intro = l.written(
        round.data.gioi_thieu.as_ref(),
        round.data.gioi_thieu_en.as_ref(),
    );
    ctx.insert(
        "intro_html",
        &localized_markdown(&l, own_intro, round.data.gioi_thieu.as_ref()),
    );
    ctx.insert("contests", &contests);
    ctx.insert("documents", &documents);
    let counted = round.contests.iter().any(|c| c.counted().is_some());
    ctx.insert("has_results", &counted);
    let rows: Vec<ContestRow> = round
        .contests
        .iter()
        .map(|c| ContestRow::new(&l, site, round, c))
        .collect();
    // the column of blank ballots only when some contest has any
    ctx.insert("has_blank", &rows.iter().any(|r| r.blank.is_some()));
    ctx.insert("contest_rows", &rows);
    ctx.insert("totals", &TotalsView::new(&l, &Totals::of_round(round)));
    ctx.insert("turnout_chart", &charts::turnout(&l, site, round)?);
    let composition = Composition::of(&round.candidates);
    if composition.total > 0 {
        ctx.insert("composition", &CompositionView::new(&l, &composition)?);
    }
    if let Some(rules) = site.rules_for(round) {
        ctx.insert("timeline", &timeline_view(&l, site, round, rules));
        ctx.insert("rules_summary", &rules_summary(&l, rules));
    }
    ctx.insert("weekday", &l.weekday(round.data.ngay_bau_cu));
    ctx.insert(
        "postponement",
        &round.hold_decision().map(|d| decision_label(&l, d)),
    );
    ctx.insert(
        "reason",
        &round.hold_reason().map(|r| ReasonView::new(&l, &r)),
    );
    ctx.insert("certified", &round.recognised_on().map(|d| l.date(d)));
    ctx.insert("candidate_list_url", &urls::candidate_list(&round.id));
    ctx.insert(
        "data_results",
        &DataLinks::of(&export::round_results(&round.id)),
    );
    ctx.insert(
        "data_candidates",
        &DataLinks::of(&export::round_candidates(&round.id)),
    );
    ctx.insert(
        "data_elected",
        &DataLinks::of(&export::round_elected(&round.id)),
    );
    ctx.insert(
        "elected_list_url",
        &counted.then(|| urls::elected_list(&round.id)),
    );
    ctx.insert("nist", &export::nist_file(&round.id));
    let t = trail(
        &l,
        &[link(l.t("title_rounds"), urls::ROUNDS)],
        &summary.title,
        &summary.url,
    );
    r.page(
        &summary.url.clone(),
        "round.html",
        &summary.title.clone(),
        t,
        ctx,
    )
}

pub(super) fn contest_page(
    r: &mut Renderer,
    site: &Site,
    round: &Round,
    contest: &Contest,
) -> Result<(), String> {
    let l = r.locale.clone();
    let summary = RoundSummary::new(&l, site, round);
    let view = ContestSummary::new(&l, site, round, contest);
    let counted = contest.counted();
    let chart = match &counted {
        Some(c) => Some(charts::votes(&l, site, round, contest, c)?),
        None => None,
    };
    let results = counted.map(|c| ResultView::new(&l, site, round, contest, &c));
    let title = format!("{} — {}", view.village, summary.title);
    let mut ctx = Context::new();
    ctx.insert("votes_chart", &chart);
    ctx.insert("round", &summary);
    ctx.insert("contest", &view);
    ctx.insert("results", &results);
    ctx.insert("status", &StatusView::new(&l, site, contest));
    ctx.insert(
        "no_results",
        &l.label("contest_no_results", contest.status.key()),
    );
    ctx.insert(
        "data",
        &DataLinks::of(&export::contest_results(&round.id, &contest.village)),
    );
    let t = trail(&l, &round_trail(&l, &summary), &view.village, &view.url);
    r.page(&view.url.clone(), "contest.html", &title, t, ctx)
}

/// A candidate page: the public facts, the bio, and the votes once counted.
#[derive(Serialize)]
struct CandidateView {
    row: CandidateRow,
    religion: Option<String>,
    religion_translated: bool,
    general_education: Option<String>,
    major: Option<String>,
    major_translated: bool,
    photo: Option<String>,
    bio_html: String,
    votes: Option<String>,
    elected: bool,
    /// Where the contest stands in law.
    status: StatusView,
    /// The bio is the original's, not in the page's language.
    bio_untranslated: bool,
}

pub(super) fn candidate_page(
    r: &mut Renderer,
    site: &Site,
    round: &Round,
    cand: &Candidate,
) -> Result<(), String> {
    let l = r.locale.clone();
    let summary = RoundSummary::new(&l, site, round);
    let village = cand.data.khu_dan_cu.as_str();
    let Some(resolved) = round.contest(village) else {
        return Ok(());
    };
    let contest = ContestSummary::new(&l, site, round, resolved);
    let photo = cand.photo.as_ref().map(|p| {
        (
            p.source.clone(),
            urls::candidate_photo(&round.id, village, &cand.slug, &p.file_name),
        )
    });
    let counted = resolved.counted();
    let votes = counted.and_then(|c| {
        let n = c.votes(&cand.slug)?;
        let share = percent(n, c.figures.tong_cu_tri)
            .map(|p| l.percent(p))
            .unwrap_or_default();
        let key = if n == 1 {
            "candidate_votes_text_one"
        } else {
            "candidate_votes_text"
        };
        Some(l.fill(key, &[("votes", &l.number(n)), ("share", &share)]))
    });
    let status = StatusView::new(&l, site, resolved);
    let elected = counted.is_some_and(|c| c.elected == Some(cand.slug.as_str()));
    let translated = translation::find(&cand.translations, l.language);
    let own = translated.map(|t| &t.data);
    let bio = translated.map_or(&cand.bio, |t| &t.body);
    let view = CandidateView {
        row: CandidateRow::new(&l, round, cand),
        religion: own
            .and_then(|t| t.ton_giao.clone())
            .or_else(|| cand.data.ton_giao.clone()),
        religion_translated: own.is_some_and(|t| t.ton_giao.is_some()),
        major_translated: own.is_some_and(|t| t.chuyen_nganh.is_some()),
        general_education: cand.data.hoc_van.clone(),
        major: own
            .and_then(|t| t.chuyen_nganh.clone())
            .or_else(|| cand.data.chuyen_nganh.clone()),
        photo: photo.as_ref().map(|(_, path)| urls::encode(path)),
        bio_html: to_html(bio),
        votes,
        elected,
        status,
        bio_untranslated: !r.is_default_language()
            && translated.is_none()
            && !cand.bio.trim().is_empty(),
    };
    if let Some((source, url)) = photo {
        r.copy(url, source);
    }
    let mut ctx = Context::new();
    ctx.insert("round", &summary);
    ctx.insert("contest", &contest);
    ctx.insert("candidate", &view);
    let mut ancestors = round_trail(&l, &summary);
    ancestors.push(link(&contest.village, &contest.url));
    let t = trail(&l, &ancestors, &cand.data.ho_ten, &view.row.url);
    let title = format!("{} — {}", cand.data.ho_ten, contest.village);
    r.page(&view.row.url.clone(), "candidate.html", &title, t, ctx)
}
