//! One function per kind of page: which views it gets and where it is written. This file holds
//! the order of all pages and the site's own pages; elections and units have their own files.

use super::archives;
use super::locale::Locale;
use super::markdown::to_html;
use super::result_pages;
use super::search;
use super::views::{DocumentSummary, DocumentView, Link, RoundSummary};
use super::{Availability, Part, Renderer, Scope, link, urls};
use super::{division_pages, election_pages};
use crate::model::Site;
use crate::model::document::Document;
use crate::model::election::Round;
use crate::model::language::Language;
use crate::model::page::Page;
use crate::model::translation;
use tera::Context;

/// Renders the pages of one part of the site.
pub(super) fn part(r: &mut Renderer, part: Part) -> Result<(), String> {
    let site = r.site;
    // lists and the home page change with anything of the site
    let whole_site = Scope {
        day: r.changed.site(),
        commune: None,
    };
    match part {
        Part::Front(_) => {
            r.scope = whole_site;
            home(r, site)?;
            election_pages::rounds(r, site)?;
            result_pages::overview(r, site)
        }
        Part::Round(_, i) => match site.rounds.get(i) {
            Some(round) => round_pages(r, site, round),
            None => Err(format!("{part:?}: no such round")),
        },
        Part::Archive(_) => {
            r.scope = whole_site;
            archives::documents(r, site)
        }
        Part::Document(_, i) => match site.documents.get(i) {
            Some(d) => document(r, site, d),
            None => Err(format!("{part:?}: no such document")),
        },
        Part::Communes(_) => {
            r.scope = whole_site;
            division_pages::communes(r, site)
        }
        Part::Commune(_, i) => match site.communes.get(i) {
            Some(c) => {
                r.scope = Scope {
                    day: r.changed.commune(&c.id),
                    commune: Some(c.id.clone()),
                };
                division_pages::commune_page(r, site, c)?;
                for v in &c.data.khu_dan_cu {
                    division_pages::village_page(r, site, c, &v.ma)?;
                }
                Ok(())
            }
            None => Err(format!("{part:?}: no such commune")),
        },
        Part::Data(_) => Err(format!("{part:?}: data files are not pages")),
        Part::Back(_) => {
            r.scope = whole_site;
            search::page(r, site)?;
            // what staff write about the portal carries no date
            r.scope = Scope::default();
            about(r, site)?;
            for p in &site.pages {
                free_page(r, site, p)?;
            }
            if r.is_default_language() {
                not_found(r)?;
            }
            Ok(())
        }
    }
}

/// A round's page, its lists, and the page of each contest and candidate.
fn round_pages(r: &mut Renderer, site: &Site, round: &Round) -> Result<(), String> {
    r.scope = Scope {
        day: r.changed.round(&round.id),
        commune: Some(round.data.don_vi.clone()),
    };
    election_pages::round_page(r, site, round)?;
    result_pages::candidate_list(r, site, round)?;
    result_pages::elected_list(r, site, round)?;
    for contest in &round.contests {
        election_pages::contest_page(r, site, round, contest)?;
    }
    for cand in &round.candidates {
        election_pages::candidate_page(r, site, round, cand)?;
    }
    Ok(())
}

/// A page staff wrote about the portal, in the languages it is written in.
fn free_page(r: &mut Renderer, site: &Site, p: &Page) -> Result<(), String> {
    let l = r.locale;
    let default = r.is_default_language();
    let translation = translation::find(&p.translations, l.language);
    let (title, body) = match translation {
        Some(t) => (&t.data.tieu_de, &t.body),
        None if default => (&p.data.tieu_de, &p.body),
        // not written in this language: its switcher links lead to this language's home
        None => return Ok(()),
    };
    let languages: Vec<Language> = std::iter::once(site.config.default_language())
        .chain(p.translations.iter().map(|t| t.language))
        .collect();
    let mut ctx = Context::new();
    ctx.insert("body_html", &to_html(body));
    let url = urls::page(&p.slug);
    r.page_in(
        &url,
        "page.html",
        title,
        trail(l, &[], title, &url),
        ctx,
        &Availability::Only {
            languages: &languages,
            nearest: urls::HOME,
            nearest_title: "title_home",
        },
    )
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
    let own = l.written(c.gioi_thieu.as_ref(), c.gioi_thieu_en.as_ref());
    localized_markdown(l, own, c.gioi_thieu.as_ref())
}

/// Markdown in the page's language, or the original in a `lang` block with a notice.
pub(super) fn localized_markdown(
    l: &Locale,
    own: Option<&String>,
    original: Option<&String>,
) -> Option<String> {
    match (own, original) {
        (Some(text), _) => Some(to_html(text)),
        (None, Some(text)) => Some(format!(
            "<p class=\"note untranslated\">{}</p><div lang=\"{}\">{}</div>",
            l.t("lang_only_in_default"),
            Language::DEFAULT,
            to_html(text)
        )),
        (None, None) => None,
    }
}

/// A document's page, in the languages it is written in, and its attachments.
fn document(r: &mut Renderer, site: &Site, d: &Document) -> Result<(), String> {
    let l = r.locale;
    for a in &d.attachments {
        r.copy(urls::attachment(&d.slug, &a.file_name), a.source.clone());
    }
    if !r.is_default_language() && translation::find(&d.translations, l.language).is_none() {
        return Ok(());
    }
    r.scope = Scope {
        day: Some(d.data.ngay),
        commune: None,
    };
    let view = DocumentView::new(l, site, d);
    let title = view.summary.title.clone();
    let url = view.summary.url.clone();
    let languages: Vec<Language> = std::iter::once(site.config.default_language())
        .chain(d.translations.iter().map(|t| t.language))
        .collect();
    let mut ctx = Context::new();
    ctx.insert("doc", &view);
    let t = trail(
        l,
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
/// the path the site is served under when known (`duong_dan_goc`, else the path of
/// `dia_chi_web`), and carries its stylesheet inline.
fn not_found(r: &mut Renderer) -> Result<(), String> {
    let base = r.site.config.served_path();
    let mut ctx = Context::new();
    ctx.insert("root", &base.unwrap_or_default());
    ctx.insert("inline_css", &r.theme.stylesheet());
    let title = r.locale.t("title_not_found");
    // one page for every language, which servers show for any missing address
    r.page_in(
        urls::NOT_FOUND,
        "404.html",
        &title,
        vec![],
        ctx,
        &Availability::Shared,
    )
}
