//! `sitemap.xml`: every page of every language, with the versions of each page in the other
//! languages as `hreflang` alternates; past the protocol's limits for one file, an index of
//! several. Made only when the site's web address (`dia_chi_web`) is configured (see
//! [`super::feeds::files`]), and from the paths of the pages the parts rendered, so that it
//! lists exactly what was written.

use super::feeds::address;
use super::locale::Locale;
use super::urls;
use super::xml::escape;
use crate::model::date::Date;
use std::collections::{BTreeMap, BTreeSet};

/// The sitemap, at the site root.
pub const SITEMAP: &str = "sitemap.xml";

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

/// The sitemaps of the site under `base` with the `pages` of every language (paths from the
/// site root, sorted) and the day each last changed, as [`sitemaps`] makes them within the
/// protocol's limits.
pub fn files<E>(
    base: &str,
    locales: &[Locale],
    pages: &[&str],
    days: &BTreeMap<String, Date>,
    put: &mut dyn FnMut(String, String) -> Result<(), E>,
) -> Result<(), E> {
    sitemaps(base, locales, pages, days, SITEMAP_LIMITS, put)
}

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
    use crate::model::language::Language;
    use crate::render::i18n::Strings;

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
