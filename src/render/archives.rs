//! Archives (lưu trữ): documents by page, kind and year; elections by term and year.
//!
//! Page URLs are stable: numbered pages are cut from the oldest document onward, so page 3
//! always holds the same twenty documents however many are published later. The list's first
//! page shows the newest documents and links to the numbered pages.

use super::election_pages::{TermGroup, term_groups};
use super::locale::Locale;
use super::pages::trail;
use super::views::{DocumentSummary, Link};
use super::{Renderer, link, urls};
use crate::model::Site;
use crate::model::document::{Document, DocumentKind};
use crate::model::election::Round;
use crate::model::term::Term;
use serde::Serialize;
use std::collections::BTreeSet;
use tera::Context;

/// Documents on one page of a list.
pub const PAGE_SIZE: usize = 20;

/// Links between the pages of a list.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Pager {
    pub pages: Vec<PageLink>,
    pub newer: Option<String>,
    pub older: Option<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct PageLink {
    pub label: String,
    /// `None` for the first page, which holds the newest items: templates name it in their
    /// own language.
    pub number: Option<usize>,
    pub url: String,
    pub current: bool,
}

/// One way into the archive, with how many items it holds.
#[derive(Debug, Clone, Serialize)]
struct Facet {
    title: String,
    url: String,
    count: usize,
}

/// How `total` items, oldest first, fall into stable pages: `(page number, first, end)`, for
/// the full pages only; the newest items that do not fill a page are only on the first page.
pub fn stable_pages(total: usize, size: usize) -> Vec<(usize, usize, usize)> {
    (0..total / size.max(1))
        .map(|k| (k + 1, k * size, (k + 1) * size))
        .collect()
}

fn page_url(number: usize) -> String {
    format!("van-ban/trang/{number}/index.html")
}

/// The pager of the list's first page (`None`) or of numbered page `Some(n)`.
fn pager(l: &Locale, full_pages: usize, current: Option<usize>) -> Option<Pager> {
    if full_pages == 0 {
        return None;
    }
    let mut pages = vec![PageLink {
        label: l.t("list_newest"),
        number: None,
        url: urls::DOCUMENTS.into(),
        current: current.is_none(),
    }];
    pages.extend((1..=full_pages).rev().map(|n| PageLink {
        label: n.to_string(),
        number: Some(n),
        url: page_url(n),
        current: current == Some(n),
    }));
    let (newer, older) = match current {
        None => (None, Some(page_url(full_pages))),
        Some(n) => (
            Some(if n == full_pages {
                urls::DOCUMENTS.to_string()
            } else {
                page_url(n + 1)
            }),
            (n > 1).then(|| page_url(n - 1)),
        ),
    };
    Some(Pager {
        pages,
        newer,
        older,
    })
}

pub(super) fn documents(r: &mut Renderer, site: &Site) -> Result<(), String> {
    let l = r.locale.clone();
    let newest_first: Vec<&Document> = site.documents.iter().collect();
    let oldest_first: Vec<&Document> = newest_first.iter().rev().copied().collect();
    let summaries = |docs: &[&Document]| -> Vec<DocumentSummary> {
        docs.iter()
            .map(|d| DocumentSummary::new(&l, site, d))
            .collect()
    };
    let pages = stable_pages(oldest_first.len(), PAGE_SIZE);
    let kinds: BTreeSet<DocumentKind> = site.documents.iter().map(|d| d.data.loai).collect();
    let kind_facets: Vec<Facet> = kinds
        .iter()
        .map(|k| Facet {
            title: l.of_value(*k),
            url: format!("van-ban/loai/{}/index.html", k.key()),
            count: site.documents.iter().filter(|d| d.data.loai == *k).count(),
        })
        .collect();
    let years: BTreeSet<i32> = site.documents.iter().map(|d| d.data.ngay.year()).collect();
    let year_facets: Vec<Facet> = years
        .iter()
        .rev()
        .map(|y| Facet {
            title: y.to_string(),
            url: format!("van-ban/nam/{y}/index.html"),
            count: site
                .documents
                .iter()
                .filter(|d| d.data.ngay.year() == *y)
                .count(),
        })
        .collect();

    let newest: Vec<&Document> = newest_first.iter().take(PAGE_SIZE).copied().collect();
    let list = DocumentList {
        documents: summaries(&newest),
        pager: pager(&l, pages.len(), None),
        kinds: kind_facets.clone(),
        years: year_facets.clone(),
    };
    let documents_title = l.t("title_documents");
    list.render(r, urls::DOCUMENTS, &documents_title, &[])?;
    for (number, first, end) in &pages {
        let mut chunk: Vec<&Document> = oldest_first[*first..*end].to_vec();
        chunk.reverse();
        let list = DocumentList {
            documents: summaries(&chunk),
            pager: pager(&l, pages.len(), Some(*number)),
            kinds: Vec::new(),
            years: Vec::new(),
        };
        let title = l.fill(
            "archive_documents_page",
            &[("title", &documents_title), ("n", &number.to_string())],
        );
        list.render(r, &page_url(*number), &title, &[documents_link(&l)])?;
    }
    // every document of one kind or one year, on one page, newest first
    let facet_page =
        |r: &mut Renderer, url: &str, title: &str, keep: &dyn Fn(&Document) -> bool| {
            let docs: Vec<&Document> = newest_first.iter().filter(|d| keep(d)).copied().collect();
            DocumentList {
                documents: summaries(&docs),
                pager: None,
                kinds: Vec::new(),
                years: Vec::new(),
            }
            .render(r, url, title, &[documents_link(&l)])
        };
    for k in &kinds {
        let url = format!("van-ban/loai/{}/index.html", k.key());
        facet_page(r, &url, &l.of_value(*k), &|d| d.data.loai == *k)?;
    }
    for y in &years {
        let url = format!("van-ban/nam/{y}/index.html");
        let title = l.fill("archive_documents_year", &[("year", &y.to_string())]);
        facet_page(r, &url, &title, &|d| d.data.ngay.year() == *y)?;
    }
    Ok(())
}

fn documents_link(l: &Locale) -> Link {
    link(l.t("title_documents"), urls::DOCUMENTS)
}

/// One page listing documents.
struct DocumentList {
    documents: Vec<DocumentSummary>,
    pager: Option<Pager>,
    kinds: Vec<Facet>,
    years: Vec<Facet>,
}

impl DocumentList {
    fn render(
        self,
        r: &mut Renderer,
        url: &str,
        title: &str,
        ancestors: &[Link],
    ) -> Result<(), String> {
        let l = r.locale.clone();
        let mut ctx = Context::new();
        ctx.insert("documents", &self.documents);
        ctx.insert("pager", &self.pager);
        ctx.insert("kinds", &self.kinds);
        ctx.insert("years", &self.years);
        r.page(
            url,
            "documents.html",
            title,
            trail(&l, ancestors, title, url),
            ctx,
        )
    }
}

/// Elections by year and by term, each on a page of its own, and the links to them.
pub(super) fn rounds(r: &mut Renderer, site: &Site) -> Result<(Vec<Link>, Vec<Link>), String> {
    let l = r.locale.clone();
    let years: BTreeSet<i32> = site
        .rounds
        .iter()
        .map(|x| x.data.ngay_bau_cu.year())
        .collect();
    let terms: BTreeSet<Term> = site.rounds.iter().map(|x| x.data.nhiem_ky).collect();
    let mut year_links = Vec::new();
    for y in years.iter().rev() {
        let url = format!("bau-cu/nam/{y}/index.html");
        let title = l.fill("archive_rounds_year", &[("year", &y.to_string())]);
        let groups = term_groups(&l, site, |x: &Round| x.data.ngay_bau_cu.year() == *y);
        rounds_page(r, &url, &title, &groups)?;
        year_links.push(link(y.to_string(), &url));
    }
    let mut term_links = Vec::new();
    for t in terms.iter().rev() {
        let url = format!("bau-cu/nhiem-ky/{}-{}/index.html", t.start, t.end);
        let title = l.fill("archive_rounds_term", &[("term", &l.term(*t))]);
        let groups = term_groups(&l, site, |x: &Round| x.data.nhiem_ky == *t);
        rounds_page(r, &url, &title, &groups)?;
        term_links.push(link(l.term(*t), &url));
    }
    Ok((year_links, term_links))
}

fn rounds_page(
    r: &mut Renderer,
    url: &str,
    title: &str,
    groups: &[TermGroup],
) -> Result<(), String> {
    let l = r.locale.clone();
    let mut ctx = Context::new();
    ctx.insert("groups", groups);
    let ancestors = [link(l.t("title_rounds"), urls::ROUNDS)];
    r.page(
        url,
        "rounds.html",
        title,
        trail(&l, &ancestors, title, url),
        ctx,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::language::Language;

    #[test]
    fn pages_are_cut_from_the_oldest_so_they_never_move() {
        assert_eq!(stable_pages(7, 20), vec![]);
        assert_eq!(stable_pages(45, 20), vec![(1, 0, 20), (2, 20, 40)]);
        // five more documents later: pages 1 and 2 hold the same documents as before
        assert_eq!(&stable_pages(50, 20)[..2], &stable_pages(45, 20)[..]);
        assert_eq!(stable_pages(60, 20).len(), 3);
    }

    #[test]
    fn the_pager_links_newer_and_older_pages() {
        let strings = [("list_newest".to_string(), "Mới nhất".to_string())].into();
        let l = Locale::new(Language::Vi, true, &strings);
        assert_eq!(pager(&l, 0, None), None);
        let first = pager(&l, 2, None).unwrap();
        assert_eq!(first.pages[0].label, "Mới nhất");
        assert_eq!(first.older.as_deref(), Some("van-ban/trang/2/index.html"));
        assert_eq!(first.newer, None);
        let two = pager(&l, 2, Some(2)).unwrap();
        assert_eq!(two.newer.as_deref(), Some(urls::DOCUMENTS));
        assert_eq!(two.older.as_deref(), Some("van-ban/trang/1/index.html"));
        let one = pager(&l, 2, Some(1)).unwrap();
        assert_eq!(one.older, None);
        assert!(one.pages.iter().any(|p| p.current && p.label == "1"));
    }
}
