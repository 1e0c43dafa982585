//! One function per kind of page: which views it gets and where it is written.

use super::archives;
use super::charts;
use super::format::{number_vi, percent_vi};
use super::markdown::to_html;
use super::result_pages;
use super::result_views::{
    CompositionView, ContestRow, ResultView, StatusView, rules_summary, timeline_view,
};
use super::search;
use super::views::{
    CandidateRow, CommuneSummary, ContestSummary, DataLinks, DocumentSummary, DocumentView, Link,
    RoundSummary, VillageRow,
};
use super::{Renderer, link, urls};
use crate::export;
use crate::model::Site;
use crate::model::candidate::Candidate;
use crate::model::division::Commune;
use crate::model::election::{Round, RoundStatus};
use crate::model::result::percent;
use crate::model::statistics::Composition;
use serde::Serialize;
use tera::Context;

const HOME_TITLE: &str = "Trang chủ";
pub(super) const ROUNDS_TITLE: &str = "Các cuộc bầu cử";
pub(super) const DOCUMENTS_TITLE: &str = "Văn bản";
const COMMUNES_TITLE: &str = "Đơn vị hành chính";
const ABOUT_TITLE: &str = "Giới thiệu và liên hệ";

pub(super) fn all(r: &mut Renderer) -> Result<(), String> {
    let site = r.site;
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
        let mut ctx = Context::new();
        ctx.insert("body_html", &to_html(&p.body));
        let url = urls::page(&p.slug);
        r.page(
            &url,
            "page.html",
            &p.data.tieu_de,
            trail(&[], &p.data.tieu_de, &url),
            ctx,
        )?;
    }
    not_found(r)
}

/// Breadcrumbs: home, the given ancestors, then the page itself.
pub(super) fn trail(ancestors: &[Link], title: &str, url: &str) -> Vec<Link> {
    let mut t = vec![link(HOME_TITLE, urls::HOME)];
    t.extend_from_slice(ancestors);
    t.push(link(title, url));
    t
}

fn home(r: &mut Renderer, site: &Site) -> Result<(), String> {
    let summaries: Vec<RoundSummary> = site
        .rounds
        .iter()
        .map(|x| RoundSummary::new(site, x))
        .collect();
    let mut upcoming: Vec<&RoundSummary> = summaries.iter().filter(|s| s.upcoming).collect();
    upcoming.reverse(); // soonest first
    let latest: Vec<&RoundSummary> = summaries.iter().filter(|s| !s.upcoming).take(5).collect();
    let documents: Vec<DocumentSummary> = site
        .documents
        .iter()
        .take(6)
        .map(DocumentSummary::new)
        .collect();
    let mut ctx = Context::new();
    ctx.insert("upcoming", &upcoming);
    ctx.insert("latest", &latest);
    ctx.insert("documents", &documents);
    ctx.insert(
        "intro_html",
        &site.config.gioi_thieu.as_deref().map(to_html),
    );
    r.page(urls::HOME, "index.html", &site.config.ten, vec![], ctx)
}

/// Rounds grouped by term, newest term first.
#[derive(Serialize)]
pub(super) struct TermGroup {
    term: String,
    rounds: Vec<RoundSummary>,
}

/// The rounds that `keep` accepts, grouped by term, newest first.
pub(super) fn term_groups(site: &Site, keep: impl Fn(&Round) -> bool) -> Vec<TermGroup> {
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
        let term = round.data.nhiem_ky.to_string();
        let summary = RoundSummary::new(site, round);
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
    let (years, terms) = archives::rounds(r, site)?;
    let mut ctx = Context::new();
    ctx.insert("groups", &term_groups(site, |_| true));
    ctx.insert("years", &years);
    ctx.insert("terms", &terms);
    r.page(
        urls::ROUNDS,
        "rounds.html",
        ROUNDS_TITLE,
        trail(&[], ROUNDS_TITLE, urls::ROUNDS),
        ctx,
    )
}

fn round_trail(summary: &RoundSummary) -> Vec<Link> {
    vec![
        link(ROUNDS_TITLE, urls::ROUNDS),
        link(&summary.title, &summary.url),
    ]
}

fn round_page(r: &mut Renderer, site: &Site, round: &Round) -> Result<(), String> {
    let summary = RoundSummary::new(site, round);
    let contests: Vec<ContestSummary> = round
        .data
        .cuoc_bau
        .iter()
        .map(|c| ContestSummary::new(site, round, &c.khu_dan_cu, c.dia_diem.as_ref()))
        .collect();
    let documents: Vec<DocumentSummary> = site
        .documents
        .iter()
        .filter(|d| d.data.bau_cu.as_deref() == Some(round.id.as_str()))
        .map(DocumentSummary::new)
        .collect();
    let mut ctx = Context::new();
    ctx.insert("round", &summary);
    ctx.insert("intro_html", &round.data.gioi_thieu.as_deref().map(to_html));
    ctx.insert("contests", &contests);
    ctx.insert("documents", &documents);
    ctx.insert("has_results", &round.results.is_some());
    let rows: Vec<ContestRow> = round
        .contest_ids()
        .into_iter()
        .map(|v| ContestRow::new(site, round, v))
        .collect();
    ctx.insert("contest_rows", &rows);
    ctx.insert("turnout_chart", &charts::turnout(site, round)?);
    let composition = Composition::of(&round.candidates);
    if composition.total > 0 {
        ctx.insert("composition", &CompositionView::new(&composition)?);
    }
    if let Some(rules) = site.rules_for(round) {
        ctx.insert("timeline", &timeline_view(site, round, rules));
        ctx.insert("rules_summary", &rules_summary(rules));
    }
    ctx.insert("weekday", round.data.ngay_bau_cu.weekday_vi());
    ctx.insert(
        "postponement",
        &round.data.quyet_dinh_hoan.as_ref().map(|d| d.label_vi()),
    );
    ctx.insert("reason", &round.data.ly_do);
    let certified = round
        .results
        .iter()
        .flat_map(|s| s.contests.values())
        .filter_map(|c| c.quyet_dinh.as_ref().and_then(|d| d.ngay))
        .max()
        .filter(|_| round.data.trang_thai == RoundStatus::Official);
    ctx.insert("certified", &certified.map(|d| d.vi_short()));
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
        &[link(ROUNDS_TITLE, urls::ROUNDS)],
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
    let summary = RoundSummary::new(site, round);
    let contest = ContestSummary::new(site, round, village, polling_place);
    let results = round
        .results
        .as_ref()
        .and_then(|s| s.contests.get(village))
        .filter(|_| round.contest_status(village).has_figures());
    let chart = match results {
        Some(c) => Some(charts::votes(site, round, village, c)?),
        None => None,
    };
    let results = results.map(|c| ResultView::new(site, round, village, c));
    let title = format!("{} — {}", contest.village, summary.title);
    let mut ctx = Context::new();
    ctx.insert("votes_chart", &chart);
    ctx.insert("round", &summary);
    ctx.insert("contest", &contest);
    ctx.insert("results", &results);
    ctx.insert("status", &StatusView::new(site, round, village));
    ctx.insert(
        "data",
        &results
            .as_ref()
            .map(|_| DataLinks::of(&export::contest_results(&round.id, village))),
    );
    let t = trail(&round_trail(&summary), &contest.village, &contest.url);
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
    status: &'static str,
}

fn candidate_page(
    r: &mut Renderer,
    site: &Site,
    round: &Round,
    cand: &Candidate,
) -> Result<(), String> {
    let summary = RoundSummary::new(site, round);
    let village = cand.data.khu_dan_cu.as_str();
    let contest = ContestSummary::new(site, round, village, None);
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
                .map(percent_vi)
                .unwrap_or_default();
            Some(format!(
                "{} phiếu ({share} tổng số cử tri đại diện hộ gia đình)",
                number_vi(n.into())
            ))
        });
    let row = ContestRow::new(site, round, village);
    let own_url = urls::candidate(&round.id, village, &cand.slug);
    let elected = row
        .outcome
        .as_ref()
        .and_then(|o| o.elected.as_ref())
        .is_some_and(|l| l.url == own_url);
    let view = CandidateView {
        row: CandidateRow::new(round, cand),
        religion: cand.data.ton_giao.clone(),
        general_education: cand.data.hoc_van.clone(),
        major: cand.data.chuyen_nganh.clone(),
        photo: photo.as_ref().map(|(_, path)| urls::encode(path)),
        bio_html: to_html(&cand.bio),
        votes,
        elected,
        status: row.status.label,
    };
    if let Some((source, url)) = photo {
        r.copy(url, source);
    }
    let mut ctx = Context::new();
    ctx.insert("round", &summary);
    ctx.insert("contest", &contest);
    ctx.insert("candidate", &view);
    let mut ancestors = round_trail(&summary);
    ancestors.push(link(&contest.village, &contest.url));
    let t = trail(&ancestors, &cand.data.ho_ten, &view.row.url);
    let title = format!("{} — {}", cand.data.ho_ten, contest.village);
    r.page(&view.row.url.clone(), "candidate.html", &title, t, ctx)
}

fn documents(r: &mut Renderer, site: &Site) -> Result<(), String> {
    archives::documents(r, site)?;
    for d in &site.documents {
        let view = DocumentView::new(site, d);
        for a in &d.attachments {
            r.copy(urls::attachment(&d.slug, &a.file_name), a.source.clone());
        }
        let title = view.summary.title.clone();
        let url = view.summary.url.clone();
        let mut ctx = Context::new();
        ctx.insert("doc", &view);
        let t = trail(&[link(DOCUMENTS_TITLE, urls::DOCUMENTS)], &title, &url);
        r.page(&url, "document.html", &title, t, ctx)?;
    }
    Ok(())
}

fn communes(r: &mut Renderer, site: &Site) -> Result<(), String> {
    let mut all: Vec<CommuneSummary> = site.communes.iter().map(CommuneSummary::new).collect();
    all.sort_by_key(|c| {
        (
            crate::model::text::sort_key(&c.province),
            crate::model::text::sort_key(&c.name),
        )
    });
    let mut ctx = Context::new();
    ctx.insert("communes", &all);
    r.page(
        urls::COMMUNES,
        "communes.html",
        COMMUNES_TITLE,
        trail(&[], COMMUNES_TITLE, urls::COMMUNES),
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
    let summary = CommuneSummary::new(c);
    let villages: Vec<VillageRow> = c
        .data
        .khu_dan_cu
        .iter()
        .map(|v| VillageRow::new(c, v))
        .collect();
    let rounds: Vec<RoundSummary> = site
        .rounds
        .iter()
        .filter(|x| x.data.don_vi == c.id)
        .map(|x| RoundSummary::new(site, x))
        .collect();
    let successor = c
        .data
        .ke_thua
        .as_deref()
        .and_then(|id| site.commune(id))
        .map(|n| link(&n.data.ten, urls::commune(&n.id)));
    let predecessors: Vec<Link> = site
        .communes
        .iter()
        .filter(|p| p.data.ke_thua.as_deref() == Some(c.id.as_str()))
        .map(|p| link(&p.data.ten, urls::commune(&p.id)))
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
            until: f.den_ngay.vi_short(),
        })
        .collect();
    let documents: Vec<DocumentSummary> = site
        .documents
        .iter()
        .filter(|d| d.data.don_vi.as_deref() == Some(c.id.as_str()))
        .map(DocumentSummary::new)
        .collect();
    let mut ctx = Context::new();
    ctx.insert("commune", &summary);
    ctx.insert("code", &c.data.ma_hanh_chinh);
    ctx.insert("valid_from", &c.data.hieu_luc_tu.map(|d| d.vi_short()));
    ctx.insert("note", &c.data.ghi_chu);
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
        &[link(COMMUNES_TITLE, urls::COMMUNES)],
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
    let row = VillageRow::new(c, v);
    let contests: Vec<VillageContest> = site
        .rounds
        .iter()
        .filter(|x| x.data.don_vi == c.id)
        .filter_map(|x| {
            let entry = x.data.cuoc_bau.iter().find(|e| e.khu_dan_cu == village)?;
            Some(VillageContest {
                round: RoundSummary::new(site, x),
                contest: ContestSummary::new(site, x, village, entry.dia_diem.as_ref()),
                row: ContestRow::new(site, x, village),
            })
        })
        .collect();
    let mut ctx = Context::new();
    ctx.insert("village", &row);
    ctx.insert("commune", &CommuneSummary::new(c));
    ctx.insert("contests", &contests);
    ctx.insert("valid_from", &v.hieu_luc_tu.map(|d| d.vi_short()));
    ctx.insert("valid_until", &v.hieu_luc_den.map(|d| d.vi_short()));
    let ancestors = [
        link(COMMUNES_TITLE, urls::COMMUNES),
        link(&c.data.ten, urls::commune(&c.id)),
    ];
    let title = format!("{}, {}", v.ten, c.data.ten);
    r.page(
        &row.url.clone(),
        "village.html",
        &title,
        trail(&ancestors, &v.ten, &row.url),
        ctx,
    )
}

fn about(r: &mut Renderer, site: &Site) -> Result<(), String> {
    let mut ctx = Context::new();
    ctx.insert(
        "intro_html",
        &site.config.gioi_thieu.as_deref().map(to_html),
    );
    r.page(
        urls::ABOUT,
        "about.html",
        ABOUT_TITLE,
        trail(&[], ABOUT_TITLE, urls::ABOUT),
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
    r.page(
        urls::NOT_FOUND,
        "404.html",
        "Không tìm thấy trang",
        vec![],
        ctx,
    )
}
