//! What machines read to follow the portal: Atom feeds of new documents and results (one for
//! the site, one per commune or ward, in each language of the portal), `robots.txt`, and the
//! sitemap (see `sitemap`).
//!
//! Feeds and sitemaps need absolute addresses, so they are made only when the site's web address
//! (`dia_chi_web`) is configured; `robots.txt` is always made. Every date comes from the content
//! (documents, records, decisions), never from the clock, so the same content gives the same
//! bytes.

use super::dates::{self, LastChanged};
use super::locale::Locale;
use super::sitemap::{self, SITEMAP};
use super::urls;
use super::views::{DocumentSummary, RoundSummary};
use super::xml::escape;
use crate::export::Sink;
use crate::model::Site;
use crate::model::date::Date;
use crate::model::document::Document;
use crate::model::election::Round;
use crate::model::language::Language;
use crate::write::{Contents, OutputFile};
use rayon::prelude::*;
use std::collections::BTreeMap;

/// Entries in a feed: readers poll it, so it stays short.
const FEED_ENTRIES: usize = 50;

/// The feed of the whole site, at the root.
pub const SITE_FEED: &str = "atom.xml";

/// The site's feed in the language whose pages are under `prefix` (`""`, `en/`).
pub fn feed_of(prefix: &str) -> String {
    format!("{prefix}{SITE_FEED}")
}

/// The feed of one commune or ward, beside its page: relative to a language's root, like the
/// page (the English one is `en/don-vi/<id>/atom.xml` from the site root).
pub fn commune_feed(id: &str) -> String {
    format!("don-vi/{id}/atom.xml")
}

/// One item of a feed.
struct Entry {
    title: String,
    /// Relative to the site root.
    path: String,
    updated: Date,
    summary: String,
    /// The language of the title when it is not the feed's (a document not translated).
    title_lang: Option<Language>,
}

/// `https://x.gov.vn/bau-cu/` with exactly one trailing slash, or nothing when not configured.
pub fn base_url(site: &Site) -> Option<String> {
    site.config.dia_chi_web.as_deref().map(urls::base)
}

/// Whether the site has feeds: it needs its web address for theirs, and a day to date them.
pub fn made(site: &Site, changed: &LastChanged) -> bool {
    base_url(site).is_some() && changed.feed().is_some()
}

/// The absolute address of `path` (from the site root) under `base`, escaped for XML: the site's
/// address may hold a query string (`index.php?trang=bau-cu&nam=2025/`).
pub(super) fn address(base: &str, path: &str) -> String {
    escape(&urls::absolute(base, path))
}

/// `url`, relative to the root of the language under `prefix`, from the site root instead:
/// `en/` and `../van-ban/x/index.html` (a document not translated) give `van-ban/x/index.html`.
fn from_site_root(prefix: &str, url: &str) -> String {
    let mut parts: Vec<&str> = prefix.split('/').filter(|p| !p.is_empty()).collect();
    for segment in url.split('/') {
        match segment {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            s => parts.push(s),
        }
    }
    parts.join("/")
}

fn entries(l: &Locale, site: &Site, changed: &LastChanged, commune: Option<&str>) -> Vec<Entry> {
    let in_commune = |round: &Round| commune.is_none_or(|id| round.data.don_vi == id);
    let documents: Vec<&Document> = match commune {
        Some(id) => changed.documents_in(site, id).collect(),
        None => site.documents.iter().collect(),
    };
    let mut all: Vec<Entry> = documents
        .into_iter()
        .map(|d| {
            // its page in this language, or the default language's when not translated
            let summary = DocumentSummary::new(l, site, d);
            let number = d
                .data
                .so_hieu
                .as_deref()
                .map(|n| format!(" {} {n}", l.t("doc_number_in_text")))
                .unwrap_or_default();
            Entry {
                title_lang: (!summary.translated).then_some(summary.lang),
                path: from_site_root(&l.prefix, &summary.url),
                updated: d.data.ngay,
                summary: format!("{}{number} — {}", l.of_value(d.data.loai), summary.issuer),
                title: summary.title,
            }
        })
        .collect();
    all.extend(
        site.rounds
            .iter()
            .filter(|r| in_commune(r))
            .filter_map(|r| {
                let summary = RoundSummary::new(l, site, r);
                Some(Entry {
                    title_lang: None,
                    title: l.fill("feed_results_title", &[("round", &summary.title)]),
                    path: from_site_root(&l.prefix, &summary.url),
                    updated: dates::results_day(r)?,
                    summary: format!("{} — {}", l.of_value(r.status), l.date(r.data.ngay_bau_cu)),
                })
            }),
    );
    all.sort_by(|a, b| (b.updated, &a.path).cmp(&(a.updated, &b.path)));
    all.truncate(FEED_ENTRIES);
    all
}

/// RFC 3339 at midnight in Vietnam: documents carry a day, not a time.
fn timestamp(day: Date) -> String {
    format!("{}T00:00:00+07:00", day.iso())
}

/// What a feed is about, besides its entries.
struct Head<'x> {
    /// The feed itself, from the site root.
    own: &'x str,
    /// The page the feed follows, from the site root.
    page: &'x str,
    title: &'x str,
    /// `updated` when there are no entries.
    empty_day: Date,
}

/// One feed in the language of `l`.
fn atom(l: &Locale, site: &Site, base: &str, head: &Head, entries: &[Entry]) -> String {
    let updated = timestamp(
        entries
            .iter()
            .map(|e| e.updated)
            .max()
            .unwrap_or(head.empty_day),
    );
    let c = &site.config;
    let author = l.name(&c.co_quan, c.co_quan_en.as_ref());
    let own = address(base, head.own);
    let mut xml = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{lang}\">\n\
         <id>{own}</id>\n<title>{}</title>\n<updated>{updated}</updated>\n\
         <author><name>{}</name></author>\n\
         <link rel=\"self\" type=\"application/atom+xml\" href=\"{own}\"/>\n\
         <link rel=\"alternate\" type=\"text/html\" href=\"{home}\"/>\n",
        escape(head.title),
        escape(author),
        lang = escape(l.language.code()),
        home = address(base, head.page),
    );
    for e in entries {
        xml.push_str(&format!(
            "<entry>\n<id>{page}</id>\n<title{}>{}</title>\n<updated>{}</updated>\n\
             <link rel=\"alternate\" type=\"text/html\" href=\"{page}\"/>\n<summary>{}</summary>\n</entry>\n",
            e.title_lang
                .map(|lang| format!(" xml:lang=\"{}\"", escape(lang.code())))
                .unwrap_or_default(),
            escape(&e.title),
            timestamp(e.updated),
            escape(&e.summary),
            page = address(base, &e.path),
        ));
    }
    xml.push_str("</feed>\n");
    xml
}

fn text_file(path: &str, text: String) -> OutputFile {
    OutputFile {
        path: path.to_string(),
        contents: Contents::Bytes(text.into_bytes()),
    }
}

/// Where crawlers read `robots.txt`: only at the root of the host, so a portal under a sub-path
/// (`https://x.gov.vn/bau-cu/`) says so in its own, which the server's administrator merges into
/// the host's.
fn robots(base: Option<&str>) -> String {
    let mut text = String::new();
    if let Some(base) = base {
        let path = base.split_once("://").map_or(base, |(_, rest)| rest);
        if path.find('/').is_some_and(|i| i + 1 < path.len()) {
            text.push_str(
                "# Trình thu thập chỉ đọc robots.txt ở gốc tên miền: hãy chép các dòng dưới vào robots.txt ở đó.\n\
                 # Crawlers read robots.txt only at the root of the host: copy the lines below into the one there.\n",
            );
        }
    }
    text.push_str("User-agent: *\nAllow: /\n");
    if let Some(base) = base {
        text.push_str(&format!("Sitemap: {}\n", urls::absolute(base, SITEMAP)));
    }
    text
}

/// The feeds of every language in `locales` (the default first), `robots.txt` and, given the
/// path of every page of every language and the day each last changed (when known),
/// `sitemap.xml` (an index of several for a large site), each handed to `put` as soon as it is
/// made.
pub fn files(
    site: &Site,
    locales: &[Locale],
    changed: &LastChanged,
    pages: &[&str],
    days: &BTreeMap<String, Date>,
    put: &dyn Sink,
) -> Result<(), String> {
    let base = base_url(site);
    put.put(text_file("robots.txt", robots(base.as_deref())))?;
    let Some(base) = base else {
        return Ok(());
    };
    if let Some(feed_day) = changed.feed() {
        feeds(site, locales, changed, &base, feed_day, put)?;
    }
    sitemap::files(&base, locales, pages, days, &mut |path: String, xml| {
        put.put(text_file(&path, xml))
    })
}

/// The site's feed and each commune's, in every language.
fn feeds(
    site: &Site,
    locales: &[Locale],
    changed: &LastChanged,
    base: &str,
    feed_day: Date,
    put: &dyn Sink,
) -> Result<(), String> {
    let c = &site.config;
    for l in locales {
        let site_name = l.name(&c.ten, c.ten_en.as_ref());
        let own = feed_of(&l.prefix);
        let head = Head {
            own: &own,
            page: &l.prefix,
            title: site_name,
            empty_day: feed_day,
        };
        put.put(text_file(
            &own,
            atom(l, site, base, &head, &entries(l, site, changed, None)),
        ))?;
        site.communes.par_iter().try_for_each(|commune| {
            let own = format!("{}{}", l.prefix, commune_feed(&commune.id));
            let page = format!("{}{}", l.prefix, urls::commune(&commune.id));
            let name = l.name(&commune.data.ten, commune.data.ten_en.as_ref());
            let title = format!("{name} — {site_name}");
            let head = Head {
                own: &own,
                page: &page,
                title: &title,
                empty_day: changed.commune(&commune.id).unwrap_or(feed_day),
            };
            let entries = entries(l, site, changed, Some(&commune.id));
            put.put(text_file(&own, atom(l, site, base, &head, &entries)))
        })?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_midnight_in_vietnam() {
        let day = Date::new(2022, 6, 5).unwrap();
        assert_eq!(timestamp(day), "2022-06-05T00:00:00+07:00");
    }

    #[test]
    fn pages_of_a_language_are_addressed_from_the_site_root() {
        assert_eq!(
            from_site_root("", "van-ban/x/index.html"),
            "van-ban/x/index.html"
        );
        assert_eq!(
            from_site_root("en/", "van-ban/x/index.html"),
            "en/van-ban/x/index.html"
        );
        assert_eq!(
            from_site_root("en/", "../van-ban/x/index.html"),
            "van-ban/x/index.html"
        );
    }

    #[test]
    fn robots_txt_under_a_sub_path_says_where_crawlers_read_it() {
        assert_eq!(robots(None), "User-agent: *\nAllow: /\n");
        assert_eq!(
            robots(Some("https://x.vn/")),
            "User-agent: *\nAllow: /\nSitemap: https://x.vn/sitemap.xml\n"
        );
        let sub = robots(Some("https://x.vn/bau-cu/"));
        assert!(sub.starts_with("# "), "{sub}");
        assert!(sub.contains("root of the host"), "{sub}");
        assert!(
            sub.ends_with("Sitemap: https://x.vn/bau-cu/sitemap.xml\n"),
            "{sub}"
        );
    }
}
