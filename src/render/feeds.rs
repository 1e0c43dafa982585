//! What machines read to follow the portal: Atom feeds of new documents and results (one for
//! the site, one per commune or ward, in each language of the portal), `sitemap.xml` and
//! `robots.txt`.
//!
//! Feeds and sitemaps need absolute addresses, so they are made only when the site's web address
//! (`dia_chi_web`) is configured; `robots.txt` is always made. Every date comes from the content
//! (documents, records, decisions), never from the clock, so the same content gives the same
//! bytes.

use super::dates::{self, LastChanged};
use super::locale::Locale;
use super::urls;
use super::views::{DocumentSummary, RoundSummary};
use super::xml::escape;
use crate::export::Sink;
use crate::model::Site;
use crate::model::date::Date;
use crate::model::election::Round;
use crate::model::language::Language;
use crate::write::{Contents, OutputFile};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

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
fn address(base: &str, path: &str) -> String {
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
    let mut all: Vec<Entry> = site
        .documents
        .iter()
        .filter(|d| commune.is_none_or(|id| changed.in_commune(d, id)))
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

/// The sitemap, at the site root.
const SITEMAP: &str = "sitemap.xml";

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
    put: &Sink,
) -> Result<(), String> {
    let base = base_url(site);
    put(text_file("robots.txt", robots(base.as_deref())))?;
    let Some(base) = base else {
        return Ok(());
    };
    if let Some(feed_day) = changed.feed() {
        feeds(site, locales, changed, &base, feed_day, put)?;
    }
    sitemaps(
        &base,
        locales,
        pages,
        days,
        SITEMAP_LIMITS,
        &mut |path, xml| put(text_file(&path, xml)),
    )
}

/// The site's feed and each commune's, in every language.
fn feeds(
    site: &Site,
    locales: &[Locale],
    changed: &LastChanged,
    base: &str,
    feed_day: Date,
    put: &Sink,
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
        put(text_file(
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
            put(text_file(&own, atom(l, site, base, &head, &entries)))
        })?;
    }
    Ok(())
}

/// Every page but the 404 page, with the day it last changed when known, each version of a page
/// listing the versions that exist, in every language, as `hreflang` alternates, the default
/// language's also as `x-default` (a document not translated has none).
fn sitemap_entries<'a>(
    base: &'a str,
    locales: &'a [Locale],
    pages: &'a [&str],
    days: &'a BTreeMap<String, Date>,
) -> impl Iterator<Item = (String, Option<Date>)> + 'a {
    let exists: BTreeSet<&str> = pages.iter().copied().collect();
    let location = move |page: &str| address(base, page);
    // the path of a page from the root of its language: the others' pages are in their folder
    let in_language = move |page: &'_ str| -> String {
        locales
            .iter()
            .skip(1)
            .find_map(|l| {
                page.strip_prefix(l.prefix.as_str())
                    .filter(|_| !l.prefix.is_empty())
            })
            .unwrap_or(page)
            .to_string()
    };
    let bilingual = locales.len() > 1;
    // one 404 page serves every language, and no address
    pages
        .iter()
        .filter(|p| **p != urls::NOT_FOUND)
        .map(move |page| {
            let mut xml = String::new();
            let rel = in_language(page);
            let versions: Vec<(&str, String)> = locales
                .iter()
                .map(|l| (l.language.code(), format!("{}{rel}", l.prefix)))
                .filter(|(_, path)| exists.contains(path.as_str()))
                .collect();
            xml.push_str(&format!("<url><loc>{}</loc>", location(page)));
            if let Some(day) = days.get(*page) {
                xml.push_str(&format!("<lastmod>{}</lastmod>", day.iso()));
            }
            if bilingual && versions.len() > 1 {
                let default = locales
                    .first()
                    .and_then(|d| {
                        versions
                            .iter()
                            .find(|(language, _)| *language == d.language.code())
                    })
                    .map(|(_, path)| ("x-default", path.clone()));
                for (language, path) in versions.iter().cloned().chain(default) {
                    xml.push_str(&format!(
                        "<xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
                        escape(language),
                        location(&path)
                    ));
                }
            }
            xml.push_str("</url>\n");
            (xml, days.get(*page).copied())
        })
}

/// The sitemaps protocol's limits for one file: 50,000 addresses and 50 MB.
const SITEMAP_LIMITS: (usize, usize) = (50_000, 50 * 1024 * 1024);

/// `sitemap.xml` with every page; past the protocol's `limits` (addresses, bytes) for one
/// file, an index of `sitemap-1.xml`, `sitemap-2.xml`… that each keep within them. Each file
/// (its path from the site root and its text) is handed to `put` once it is full, so that a
/// large site's sitemaps are never all held together; the index comes last.
fn sitemaps<E>(
    base: &str,
    locales: &[Locale],
    pages: &[&str],
    days: &BTreeMap<String, Date>,
    limits: (usize, usize),
    put: &mut dyn FnMut(String, String) -> Result<(), E>,
) -> Result<(), E> {
    let mut head = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"",
    );
    if locales.len() > 1 {
        head.push_str(" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\"");
    }
    head.push_str(">\n");
    let (most_urls, most_bytes) = limits;
    let mut made = Sitemaps {
        base,
        index: String::new(),
        first: None,
        count: 0,
    };
    let mut file: Option<(String, Option<Date>)> = None;
    let mut count = 0;
    for (entry, day) in sitemap_entries(base, locales, pages, days) {
        let fits = file.as_ref().is_some_and(|(xml, _)| {
            count < most_urls && xml.len() + entry.len() + SITEMAP_TAIL.len() <= most_bytes
        });
        if !fits {
            if let Some(full) = file.take() {
                made.add(full, put)?;
            }
            count = 0;
        }
        let (xml, latest) = file.get_or_insert_with(|| (head.clone(), None));
        xml.push_str(&entry);
        *latest = (*latest).max(day);
        count += 1;
    }
    made.add(file.unwrap_or((head, None)), put)?;
    made.finish(put)
}

const SITEMAP_TAIL: &str = "</urlset>\n";

/// The sitemaps made so far: the first is held until a second tells that the site needs an
/// index.
struct Sitemaps<'a> {
    base: &'a str,
    index: String,
    first: Option<(String, Option<Date>)>,
    count: usize,
}

impl Sitemaps<'_> {
    fn add<E>(
        &mut self,
        (mut xml, latest): (String, Option<Date>),
        put: &mut dyn FnMut(String, String) -> Result<(), E>,
    ) -> Result<(), E> {
        xml.push_str(SITEMAP_TAIL);
        self.count += 1;
        match (self.count, self.first.take()) {
            (1, _) => self.first = Some((xml, latest)),
            (_, first) => {
                if let Some(first) = first {
                    self.numbered(1, first, put)?;
                }
                self.numbered(self.count, (xml, latest), put)?;
            }
        }
        Ok(())
    }

    fn numbered<E>(
        &mut self,
        n: usize,
        (xml, latest): (String, Option<Date>),
        put: &mut dyn FnMut(String, String) -> Result<(), E>,
    ) -> Result<(), E> {
        let path = format!("sitemap-{n}.xml");
        self.index.push_str(&format!(
            "<sitemap><loc>{}</loc>",
            address(self.base, &path)
        ));
        if let Some(day) = latest {
            self.index
                .push_str(&format!("<lastmod>{}</lastmod>", day.iso()));
        }
        self.index.push_str("</sitemap>\n");
        put(path, xml)
    }

    /// Hands over `sitemap.xml`: the one sitemap, or the index of them all.
    fn finish<E>(self, put: &mut dyn FnMut(String, String) -> Result<(), E>) -> Result<(), E> {
        if let Some((one, _)) = self.first {
            return put(SITEMAP.to_string(), one);
        }
        put(
            SITEMAP.to_string(),
            format!(
                "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n{}</sitemapindex>\n",
                self.index
            ),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::i18n::Strings;

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
    fn the_sitemap_lists_each_version_with_the_versions_that_exist() {
        let strings = Strings::new();
        let locales = [
            Locale::new(Language::Vi, true, &strings),
            Locale::new(Language::En, false, &strings),
        ];
        let pages = [
            "404.html",
            "en/index.html",
            "index.html",
            "van-ban/chi-tieng-viet/index.html",
        ];
        let days = BTreeMap::from([(
            "van-ban/chi-tieng-viet/index.html".to_string(),
            Date::new(2022, 5, 16).unwrap(),
        )]);
        let xml = only(sitemap_files(
            "https://x.vn/",
            &locales,
            &pages,
            &days,
            SITEMAP_LIMITS,
        ));
        let doc = roxml_free_lines(&xml);
        assert_eq!(doc.len(), 3, "{xml}");
        assert!(
            doc[0].starts_with("<url><loc>https://x.vn/en/</loc>"),
            "{xml}"
        );
        for line in &doc[..2] {
            assert!(
                line.contains("hreflang=\"vi\" href=\"https://x.vn/\"")
                    && line.contains("hreflang=\"en\" href=\"https://x.vn/en/\"")
                    && line.contains("hreflang=\"x-default\" href=\"https://x.vn/\""),
                "{xml}"
            );
        }
        assert_eq!(
            doc[2],
            "<url><loc>https://x.vn/van-ban/chi-tieng-viet/</loc><lastmod>2022-05-16</lastmod></url>",
            "no alternate for a page in one language; the day it changed when known"
        );
        // one language: no alternates
        let one = only(sitemap_files(
            "https://x.vn/",
            &locales[..1],
            &["404.html", "index.html"],
            &BTreeMap::new(),
            SITEMAP_LIMITS,
        ));
        assert_eq!(
            one,
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n\
             <url><loc>https://x.vn/</loc></url>\n</urlset>\n"
        );
    }

    #[test]
    fn an_address_with_a_query_string_is_escaped_in_the_sitemap() {
        let strings = Strings::new();
        let locales = [
            Locale::new(Language::Vi, true, &strings),
            Locale::new(Language::En, false, &strings),
        ];
        let base = "https://xa.gov.vn/index.php?trang=bau-cu&nam=2025/";
        let xml = only(sitemap_files(
            base,
            &locales,
            &["index.html", "en/index.html"],
            &BTreeMap::new(),
            SITEMAP_LIMITS,
        ));
        let doc = roxmltree::Document::parse(&xml).unwrap_or_else(|e| panic!("{e}\n{xml}"));
        let en = format!("{base}en/");
        let locs: Vec<&str> = doc
            .descendants()
            .filter(|n| n.has_tag_name("loc"))
            .filter_map(|n| n.text())
            .collect();
        assert_eq!(locs, [base, &en], "{xml}");
        let hrefs: Vec<&str> = doc
            .descendants()
            .filter_map(|n| n.attribute("href"))
            .collect();
        assert_eq!(hrefs, [base, &en, base, base, &en, base], "{xml}");
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

    /// The `<url>` lines of a sitemap.
    fn roxml_free_lines(xml: &str) -> Vec<&str> {
        xml.lines().filter(|l| l.starts_with("<url>")).collect()
    }

    /// The sitemaps, `sitemap.xml` first.
    fn sitemap_files(
        base: &str,
        locales: &[Locale],
        pages: &[&str],
        days: &BTreeMap<String, Date>,
        limits: (usize, usize),
    ) -> Vec<(String, String)> {
        let mut files = Vec::new();
        sitemaps::<()>(base, locales, pages, days, limits, &mut |path, xml| {
            files.push((path, xml));
            Ok(())
        })
        .unwrap();
        files.sort_by_key(|(path, _)| path != SITEMAP);
        files
    }

    /// The text of the one sitemap of a small site.
    fn only(files: Vec<(String, String)>) -> String {
        match files.as_slice() {
            [(path, xml)] if path == SITEMAP => xml.clone(),
            other => panic!("expected sitemap.xml alone, got {other:?}"),
        }
    }

    #[test]
    fn a_site_past_the_limits_of_one_sitemap_gets_an_index_of_several() {
        let strings = Strings::new();
        let locales = [Locale::new(Language::Vi, true, &strings)];
        let pages: Vec<String> = (0..5).map(|n| format!("p{n}/index.html")).collect();
        let pages: Vec<&str> = pages.iter().map(String::as_str).collect();
        let days = BTreeMap::from([("p3/index.html".to_string(), Date::new(2025, 7, 1).unwrap())]);
        // two addresses a file
        let files = sitemap_files("https://x.vn/", &locales, &pages, &days, (2, usize::MAX));
        let paths: Vec<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(
            paths,
            [SITEMAP, "sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml"]
        );
        let index = roxmltree::Document::parse(&files[0].1).unwrap();
        assert_eq!(index.root_element().tag_name().name(), "sitemapindex");
        let locs: Vec<&str> = index
            .descendants()
            .filter(|n| n.has_tag_name("loc"))
            .filter_map(|n| n.text())
            .collect();
        assert_eq!(
            locs,
            [
                "https://x.vn/sitemap-1.xml",
                "https://x.vn/sitemap-2.xml",
                "https://x.vn/sitemap-3.xml"
            ]
        );
        assert!(
            files[0]
                .1
                .contains("<loc>https://x.vn/sitemap-2.xml</loc><lastmod>2025-07-01</lastmod>")
        );
        let urls: Vec<usize> = files[1..]
            .iter()
            .map(|(_, xml)| roxml_free_lines(xml).len())
            .collect();
        assert_eq!(urls, [2, 2, 1]);
        for (_, xml) in &files[1..] {
            roxmltree::Document::parse(xml).unwrap_or_else(|e| panic!("{e}\n{xml}"));
        }
        // and by size: no file past the byte limit
        let one_entry = sitemap_files(
            "https://x.vn/",
            &locales,
            &pages[..1],
            &days,
            (50_000, usize::MAX),
        )[0]
        .1
        .len();
        let files = sitemap_files(
            "https://x.vn/",
            &locales,
            &pages,
            &days,
            (50_000, one_entry + 40),
        );
        assert!(files.len() > 2);
        assert!(
            files[1..]
                .iter()
                .all(|(_, xml)| xml.len() <= one_entry + 40)
        );
    }
}
