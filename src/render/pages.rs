//! One function per kind of page: which views it gets and where it is written.

use super::archives;
use super::charts;
use super::locale::Locale;
use super::markdown::to_html;
use super::result_pages;
use super::result_views::{
    CompositionView, ContestRow, ResultView, StatusView, decision_label, rules_summary,
    timeline_view,
};
use super::search;
use super::views::{
    CandidateRow, CommuneSummary, ContestSummary, DataLinks, DocumentSummary, DocumentView, Link,
    Note, RoundSummary, VillageRow, commune_name, village_name,
};
use super::{Availability, Renderer, link, urls};
use crate::export;
use crate::model::Site;
use crate::model::candidate::Candidate;
use crate::model::division::Commune;
use crate::model::election::{Round, RoundStatus};
use crate::model::result::percent;
use crate::model::statistics::Composition;
use crate::model::translation;
use serde::Serialize;
use tera::Context;

pub(super) fn all(r: &mut Renderer) -> Result<(), String> {
    let site = r.site;
    let l = r.locale.clone();
    home(r, site)?;
    rounds(r, site)?;
    result_pages::overview(r, site)?;
    for round in &site.rounds {
        round_page(r, site, round)?;
        result_pages::candidate_list(r, site, round)?;
        result_pages::elected_list(r, site, round)?;
        for contest in &round.data.cuoc_bau {
            contest_page(
                r,
                site,
                round,
                &contest.khu_dan_cu,
                contest.dia_diem.as_ref(),
            )?;
        }
        for cand in &round.candidates {
            candidate_page(r, site, round, cand)?;
        }
    }
    documents(r, site)?;
    communes(r, site)?;
    for c in &site.communes {
        commune_page(r, site, c)?;
        for v in &c.data.khu_dan_cu {
            village_page(r, site, c, &v.ma)?;
        }
    }
    about(r, site)?;
    search::page(r, site)?;
    for p in &site.pages {
        let default = r.is_default_language();
        let translation = translation::find(&p.translations, l.language);
        let (title, body) = match translation {
            Some(t) => (&t.data.tieu_de, &t.body),
            None if default => (&p.data.tieu_de, &p.body),
            // not written in this language: its switcher links lead to this language's home
            None => continue,
        };
        let languages: Vec<&str> = std::iter::once(site.config.default_language())
            .chain(p.translations.iter().map(|t| t.language.as_str()))
            .collect();
        let mut ctx = Context::new();
        ctx.insert("body_html", &to_html(body));
        let url = urls::page(&p.slug);
        r.page_in(
            &url,
            "page.html",
            title,
            trail(&l, &[], title, &url),
            ctx,
            &Availability::Only {
                languages: &languages,
                nearest: urls::HOME,
                nearest_title: "title_home",
            },
        )?;
    }
    if r.is_default_language() {
        not_found(r)?;
    }
    Ok(())
}

/// Breadcrumbs: home, the given ancestors, then the page itself.
pub(super) fn trail(l: &Locale, ancestors: &[Link], title: &str, url: &str) -> Vec<Link> {
    let mut t = vec![link(l.t("title_home"), urls::HOME)];
    t.extend_from_slice(ancestors);
    t.push(link(title, url));
    t
}

fn home(r: &mut Renderer, site: &Site) -> Result<(), String> {
    let l = r.locale.clone();
    let summaries: Vec<RoundSummary> = site
        .rounds
        .iter()
        .map(|x| RoundSummary::new(&l, site, x))
        .collect();
    let mut upcoming: Vec<&RoundSummary> = summaries.iter().filter(|s| s.upcoming).collect();
    upcoming.reverse(); // soonest first
    let latest: Vec<&RoundSummary> = summaries.iter().filter(|s| !s.upcoming).take(5).collect();
    let documents: Vec<DocumentSummary> = site
        .documents
        .iter()
        .take(6)
        .map(|d| DocumentSummary::new(&l, site, d))
        .collect();
    let mut ctx = Context::new();
    ctx.insert("upcoming", &upcoming);
    ctx.insert("latest", &latest);
    ctx.insert("documents", &documents);
    ctx.insert("intro_html", &intro_html(&l, site));
    let name = r.site_view.name.clone();
    r.page(urls::HOME, "index.html", &name, vec![], ctx)
}

/// The site's introduction in the page's language; the Vietnamese one, marked as such, when it
/// has not been translated.
fn intro_html(l: &Locale, site: &Site) -> Option<String> {
    let c = &site.config;
    let own = if l.language == "en" {
        c.gioi_thieu_en.as_ref()
    } else {
        c.gioi_thieu.as_ref()
    };
    localized_markdown(l, own, c.gioi_thieu.as_ref())
}

/// Markdown in the page's language, or the original in a `lang` block with a notice.
fn localized_markdown(
    l: &Locale,
    own: Option<&String>,
    original: Option<&String>,
) -> Option<String> {
    match (own, original) {
        (Some(text), _) => Some(to_html(text)),
        (None, Some(text)) => Some(format!(
            "<p class=\"note untranslated\">{}</p><div lang=\"vi\">{}</div>",
            l.t("lang_only_in_default"),
            to_html(text)
        )),
        (None, None) => None,
    }
}

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

fn rounds(r: &mut Renderer, site: &Site) -> Result<(), String> {
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

fn round_page(r: &mut Renderer, site: &Site, round: &Round) -> Result<(), String> {
    let l = r.locale.clone();
    let summary = RoundSummary::new(&l, site, round);
    let contests: Vec<ContestSummary> = round
        .data
        .cuoc_bau
        .iter()
        .map(|c| ContestSummary::new(&l, site, round, &c.khu_dan_cu, c.dia_diem.as_ref()))
        .collect();
    let documents: Vec<DocumentSummary> = site
        .documents
        .iter()
        .filter(|d| d.data.bau_cu.as_deref() == Some(round.id.as_str()))
        .map(|d| DocumentSummary::new(&l, site, d))
        .collect();
    let mut ctx = Context::new();
    ctx.insert("round", &summary);
    let own_intro = if l.language == "en" {
        round.data.gioi_thieu_en.as_ref()
    } else {
        round.data.gioi_thieu.as_ref()
    };
    ctx.insert(
        "intro_html",
        &localized_markdown(&l, own_intro, round.data.gioi_thieu.as_ref()),
    );
    ctx.insert("contests", &contests);
    ctx.insert("documents", &documents);
    ctx.insert("has_results", &round.results.is_some());
    let rows: Vec<ContestRow> = round
        .contest_ids()
        .into_iter()
        .map(|v| ContestRow::new(&l, site, round, v))
        .collect();
    ctx.insert("contest_rows", &rows);
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
        &round
            .data
            .quyet_dinh_hoan
            .as_ref()
            .map(|d| decision_label(&l, d)),
    );
    let reason = match &round.data.ly_do_en {
        Some(en) if l.language == "en" => Some(en),
        _ => round.data.ly_do.as_ref(),
    };
    ctx.insert("reason", &reason);
    let certified = round
        .results
        .iter()
        .flat_map(|s| s.contests.values())
        .filter_map(|c| c.quyet_dinh.as_ref().and_then(|d| d.ngay))
        .max()
        .filter(|_| round.data.trang_thai == RoundStatus::Official);
    ctx.insert("certified", &certified.map(|d| l.date(d)));
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
        &round
            .results
            .as_ref()
            .map(|_| urls::elected_list(&round.id)),
    );
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

fn contest_page(
    r: &mut Renderer,
    site: &Site,
    round: &Round,
    village: &str,
    polling_place: Option<&String>,
) -> Result<(), String> {
    let l = r.locale.clone();
    let summary = RoundSummary::new(&l, site, round);
    let contest = ContestSummary::new(&l, site, round, village, polling_place);
    let results = round
        .results
        .as_ref()
        .and_then(|s| s.contests.get(village))
        .filter(|_| round.contest_status(village).has_figures());
    let chart = match results {
        Some(c) => Some(charts::votes(&l, site, round, village, c)?),
        None => None,
    };
    let results = results.map(|c| ResultView::new(&l, site, round, village, c));
    let title = format!("{} — {}", contest.village, summary.title);
    let mut ctx = Context::new();
    ctx.insert("votes_chart", &chart);
    ctx.insert("round", &summary);
    ctx.insert("contest", &contest);
    ctx.insert("results", &results);
    ctx.insert("status", &StatusView::new(&l, site, round, village));
    ctx.insert(
        "data",
        &results
            .as_ref()
            .map(|_| DataLinks::of(&export::contest_results(&round.id, village))),
    );
    let t = trail(
        &l,
        &round_trail(&l, &summary),
        &contest.village,
        &contest.url,
    );
    r.page(&contest.url.clone(), "contest.html", &title, t, ctx)
}

/// A candidate page: the public facts, the bio, and the votes once counted.
#[derive(Serialize)]
struct CandidateView {
    row: CandidateRow,
    religion: Option<String>,
    general_education: Option<String>,
    major: Option<String>,
    photo: Option<String>,
    bio_html: String,
    votes: Option<String>,
    elected: bool,
    /// Where the contest's result stands in law.
    status: String,
    /// The bio is the original's, not in the page's language.
    bio_untranslated: bool,
}

fn candidate_page(
    r: &mut Renderer,
    site: &Site,
    round: &Round,
    cand: &Candidate,
) -> Result<(), String> {
    let l = r.locale.clone();
    let summary = RoundSummary::new(&l, site, round);
    let village = cand.data.khu_dan_cu.as_str();
    let contest = ContestSummary::new(&l, site, round, village, None);
    let photo = cand.photo.as_ref().and_then(|source| {
        let name = source.file_name()?.to_string_lossy().into_owned();
        Some((
            source.clone(),
            urls::candidate_photo(&round.id, village, &cand.slug, &name),
        ))
    });
    let votes = round
        .results
        .as_ref()
        .and_then(|s| s.contests.get(village))
        .and_then(|c| {
            let n = *c.so_phieu.get(&cand.slug)?;
            let share = percent(n, c.tong_cu_tri)
                .map(|p| l.percent(p))
                .unwrap_or_default();
            Some(l.fill(
                "candidate_votes_text",
                &[("votes", &l.number(n)), ("share", &share)],
            ))
        });
    let row = ContestRow::new(&l, site, round, village);
    let own_url = urls::candidate(&round.id, village, &cand.slug);
    let elected = row
        .outcome
        .as_ref()
        .and_then(|o| o.elected.as_ref())
        .is_some_and(|l| l.url == own_url);
    let translated = translation::find(&cand.translations, l.language);
    let own = translated.map(|t| &t.data);
    let bio = translated.map_or(&cand.bio, |t| &t.body);
    let view = CandidateView {
        row: CandidateRow::new(&l, round, cand),
        religion: own
            .and_then(|t| t.ton_giao.clone())
            .or_else(|| cand.data.ton_giao.clone()),
        general_education: cand.data.hoc_van.clone(),
        major: own
            .and_then(|t| t.chuyen_nganh.clone())
            .or_else(|| cand.data.chuyen_nganh.clone()),
        photo: photo.as_ref().map(|(_, path)| urls::encode(path)),
        bio_html: to_html(bio),
        votes,
        elected,
        status: row.status.label,
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

fn documents(r: &mut Renderer, site: &Site) -> Result<(), String> {
    let l = r.locale.clone();
    archives::documents(r, site)?;
    for d in &site.documents {
        for a in &d.attachments {
            r.copy(urls::attachment(&d.slug, &a.file_name), a.source.clone());
        }
        // a document is published in the languages it is written in
        if !r.is_default_language() && translation::find(&d.translations, l.language).is_none() {
            continue;
        }
        let view = DocumentView::new(&l, site, d);
        let title = view.summary.title.clone();
        let url = view.summary.url.clone();
        let languages: Vec<&str> = std::iter::once(site.config.default_language())
            .chain(d.translations.iter().map(|t| t.language.as_str()))
            .collect();
        let mut ctx = Context::new();
        ctx.insert("doc", &view);
        let t = trail(
            &l,
            &[link(l.t("title_documents"), urls::DOCUMENTS)],
            &title,
            &url,
        );
        r.page_in(
            &url,
            "document.html",
            &title,
            t,
            ctx,
            &Availability::Only {
                languages: &languages,
                nearest: urls::DOCUMENTS,
                nearest_title: "title_documents",
            },
        )?;
    }
    Ok(())
}

fn communes(r: &mut Renderer, site: &Site) -> Result<(), String> {
    let l = r.locale.clone();
    let mut all: Vec<CommuneSummary> = site
        .communes
        .iter()
        .map(|c| CommuneSummary::new(&l, c))
        .collect();
    all.sort_by_key(|c| {
        (
            crate::model::text::sort_key(&c.province),
            crate::model::text::sort_key(&c.name),
        )
    });
    let mut ctx = Context::new();
    ctx.insert("communes", &all);
    let title = l.t("title_divisions");
    r.page(
        urls::COMMUNES,
        "communes.html",
        &title,
        trail(&l, &[], &title, urls::COMMUNES),
        ctx,
    )
}

#[derive(Serialize)]
struct FormerNameView {
    name: String,
    name_en: Option<String>,
    district: Option<String>,
    province: Option<String>,
    until: String,
}

fn commune_page(r: &mut Renderer, site: &Site, c: &Commune) -> Result<(), String> {
    let l = r.locale.clone();
    let summary = CommuneSummary::new(&l, c);
    let villages: Vec<VillageRow> = c
        .data
        .khu_dan_cu
        .iter()
        .map(|v| VillageRow::new(&l, c, v))
        .collect();
    let rounds: Vec<RoundSummary> = site
        .rounds
        .iter()
        .filter(|x| x.data.don_vi == c.id)
        .map(|x| RoundSummary::new(&l, site, x))
        .collect();
    let successor = c
        .data
        .ke_thua
        .as_deref()
        .and_then(|id| site.commune(id))
        .map(|n| link(commune_name(n, &l), urls::commune(&n.id)));
    let predecessors: Vec<Link> = site
        .communes
        .iter()
        .filter(|p| p.data.ke_thua.as_deref() == Some(c.id.as_str()))
        .map(|p| link(commune_name(p, &l), urls::commune(&p.id)))
        .collect();
    let former: Vec<FormerNameView> = c
        .data
        .truoc_day
        .iter()
        .map(|f| FormerNameView {
            name: f.ten.clone(),
            name_en: f.ten_en.clone(),
            district: f.huyen.clone(),
            province: f.tinh.clone(),
            until: l.date(f.den_ngay),
        })
        .collect();
    let documents: Vec<DocumentSummary> = site
        .documents
        .iter()
        .filter(|d| d.data.don_vi.as_deref() == Some(c.id.as_str()))
        .map(|d| DocumentSummary::new(&l, site, d))
        .collect();
    let mut ctx = Context::new();
    ctx.insert("commune", &summary);
    ctx.insert("code", &c.data.ma_hanh_chinh);
    ctx.insert("valid_from", &c.data.hieu_luc_tu.map(|d| l.date(d)));
    ctx.insert(
        "note",
        &Note::new(&l, c.data.ghi_chu.as_ref(), c.data.ghi_chu_en.as_ref()),
    );
    ctx.insert("villages", &villages);
    ctx.insert("rounds", &rounds);
    ctx.insert("successor", &successor);
    ctx.insert("predecessors", &predecessors);
    ctx.insert("former_names", &former);
    ctx.insert("documents", &documents);
    ctx.insert(
        "commune_feed",
        &super::feeds::base_url(site).map(|_| super::feeds::commune_feed(&c.id)),
    );
    let t = trail(
        &l,
        &[link(l.t("title_divisions"), urls::COMMUNES)],
        &summary.name,
        &summary.url,
    );
    r.page(
        &summary.url.clone(),
        "commune.html",
        &summary.name.clone(),
        t,
        ctx,
    )
}

/// A village's contests across terms.
#[derive(Serialize)]
struct VillageContest {
    round: RoundSummary,
    contest: ContestSummary,
    row: ContestRow,
}

fn village_page(r: &mut Renderer, site: &Site, c: &Commune, village: &str) -> Result<(), String> {
    let Some(v) = c.village(village) else {
        return Ok(());
    };
    let l = r.locale.clone();
    let row = VillageRow::new(&l, c, v);
    let contests: Vec<VillageContest> = site
        .rounds
        .iter()
        .filter(|x| x.data.don_vi == c.id)
        .filter_map(|x| {
            let entry = x.data.cuoc_bau.iter().find(|e| e.khu_dan_cu == village)?;
            Some(VillageContest {
                round: RoundSummary::new(&l, site, x),
                contest: ContestSummary::new(&l, site, x, village, entry.dia_diem.as_ref()),
                row: ContestRow::new(&l, site, x, village),
            })
        })
        .collect();
    let mut ctx = Context::new();
    ctx.insert("village", &row);
    ctx.insert("commune", &CommuneSummary::new(&l, c));
    ctx.insert("contests", &contests);
    ctx.insert("valid_from", &v.hieu_luc_tu.map(|d| l.date(d)));
    ctx.insert("valid_until", &v.hieu_luc_den.map(|d| l.date(d)));
    let (village_title, commune_title) = (village_name(v, &l), commune_name(c, &l));
    let ancestors = [
        link(l.t("title_divisions"), urls::COMMUNES),
        link(commune_title, urls::commune(&c.id)),
    ];
    let title = format!("{village_title}, {commune_title}");
    r.page(
        &row.url.clone(),
        "village.html",
        &title,
        trail(&l, &ancestors, village_title, &row.url),
        ctx,
    )
}

fn about(r: &mut Renderer, site: &Site) -> Result<(), String> {
    let l = r.locale.clone();
    let mut ctx = Context::new();
    ctx.insert("intro_html", &intro_html(&l, site));
    let title = l.t("title_about");
    r.page(
        urls::ABOUT,
        "about.html",
        &title,
        trail(&l, &[], &title, urls::ABOUT),
        ctx,
    )
}

/// The 404 page is shown by a server at any depth, so relative links cannot work there: it uses
/// the configured base path when there is one, and carries its stylesheet inline.
fn not_found(r: &mut Renderer) -> Result<(), String> {
    let base: Option<String> = r.site.config.duong_dan_goc.clone().map(|b| {
        let trimmed = b.trim_end_matches('/');
        format!("{trimmed}/")
    });
    let mut ctx = Context::new();
    ctx.insert("root", &base.unwrap_or_default());
    ctx.insert("inline_css", &r.theme.stylesheet());
    let title = r.locale.t("title_not_found");
    // one page for every language, which servers show for any missing address
    let default = [r.site.config.default_language()];
    r.page_in(
        urls::NOT_FOUND,
        "404.html",
        &title,
        vec![],
        ctx,
        &Availability::Only {
            languages: &default,
            nearest: urls::HOME,
            nearest_title: "title_home",
        },
    )
}
