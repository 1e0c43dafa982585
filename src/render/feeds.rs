//! What machines read to follow the portal: Atom feeds of new documents and results (one for
//! the site, one per commune or ward, in each language of the portal), `sitemap.xml` and
//! `robots.txt`.
//!
//! Feeds and sitemaps need absolute addresses, so they are made only when the site's web address
//! (`dia_chi_web`) is configured; `robots.txt` is always made. Every date comes from the content
//! (documents, records, decisions), never from the clock, so the same content gives the same
//! bytes.

use super::locale::Locale;
use super::urls;
use super::views::{DocumentSummary, RoundSummary};
use super::xml::escape;
use crate::model::Site;
use crate::model::date::Date;
use crate::model::election::Round;
use crate::write::{Contents, OutputFile};
use std::collections::BTreeSet;

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
    title_lang: Option<String>,
}

/// `https://x.gov.vn/bau-cu/` with exactly one trailing slash, or nothing when not configured.
pub fn base_url(site: &Site) -> Option<String> {
    site.config
        .dia_chi_web
        .as_deref()
        .map(|u| format!("{}/", u.trim().trim_end_matches('/')))
}

/// The absolute address of `path` (from the site root) under `base`, escaped for XML: the site's
/// address may hold a query string (`index.php?trang=bau-cu&nam=2025/`).
fn address(base: &str, path: &str) -> String {
    escape(&format!("{base}{}", urls::encode(path)))
}

/// The day a round's published results last changed: its latest record or decision, or
/// election day; nothing while no figures may be published.
fn results_day(round: &Round) -> Option<Date> {
    let counted: Vec<_> = round.contests.iter().filter_map(|c| c.counted()).collect();
    if counted.is_empty() {
        return None;
    }
    let records = counted
        .iter()
        .filter_map(|c| c.figures.bien_ban.as_ref().map(|b| b.ngay));
    let decisions = round
        .contests
        .iter()
        .filter(|c| c.counted().is_some())
        .filter_map(|c| c.decision.as_ref().and_then(|d| d.ngay));
    Some(
        records
            .chain(decisions)
            .max()
            .unwrap_or(round.data.ngay_bau_cu),
    )
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

fn entries(l: &Locale, site: &Site, commune: Option<&str>) -> Vec<Entry> {
    let in_commune = |round: &Round| commune.is_none_or(|id| round.data.don_vi == id);
    let mut all: Vec<Entry> = site
        .documents
        .iter()
        .filter(|d| {
            commune.is_none_or(|id| {
                d.data.don_vi.as_deref() == Some(id)
                    || d.data
                        .bau_cu
                        .as_deref()
                        .and_then(|r| site.round(r))
                        .is_some_and(|r| r.data.don_vi == id)
            })
        })
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
                title_lang: (!summary.translated).then(|| summary.lang.clone()),
                path: from_site_root(&l.prefix, &summary.url),
                updated: d.data.ngay,
                summary: format!(
                    "{}{number} — {}",
                    l.label("doc_kind", d.data.loai.key()),
                    summary.issuer
                ),
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
                    updated: results_day(r)?,
                    summary: format!(
                        "{} — {}",
                        l.label("round_status", r.status.key()),
                        l.date(r.data.ngay_bau_cu)
                    ),
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

/// One feed in the language of `l`: `self_path` is from the site root.
fn atom(
    l: &Locale,
    site: &Site,
    base: &str,
    self_path: &str,
    title: &str,
    entries: &[Entry],
) -> String {
    let updated = entries
        .iter()
        .map(|e| e.updated)
        .max()
        .map_or_else(|| "1970-01-01T00:00:00+07:00".to_string(), timestamp);
    let c = &site.config;
    let author = l.name(&c.co_quan, c.co_quan_en.as_ref());
    let own = address(base, self_path);
    let mut xml = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{lang}\">\n\
         <id>{own}</id>\n<title>{}</title>\n<updated>{updated}</updated>\n\
         <author><name>{}</name></author>\n\
         <link rel=\"self\" type=\"application/atom+xml\" href=\"{own}\"/>\n\
         <link rel=\"alternate\" type=\"text/html\" href=\"{home}\"/>\n",
        escape(title),
        escape(author),
        lang = escape(l.language),
        home = address(base, &l.prefix),
    );
    for e in entries {
        xml.push_str(&format!(
            "<entry>\n<id>{page}</id>\n<title{}>{}</title>\n<updated>{}</updated>\n\
             <link rel=\"alternate\" type=\"text/html\" href=\"{page}\"/>\n<summary>{}</summary>\n</entry>\n",
            e.title_lang
                .as_deref()
                .map(|lang| format!(" xml:lang=\"{}\"", escape(lang)))
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

/// The feeds of every language in `locales` (the default first), `robots.txt` and, given the
/// path of every page of every language, `sitemap.xml`.
pub fn files(site: &Site, locales: &[Locale], pages: &[&str]) -> Vec<OutputFile> {
    let Some(base) = base_url(site) else {
        return vec![text_file("robots.txt", "User-agent: *\nAllow: /\n".into())];
    };
    let mut out = vec![text_file(
        "robots.txt",
        format!("User-agent: *\nAllow: /\nSitemap: {base}sitemap.xml\n"),
    )];
    let c = &site.config;
    for l in locales {
        let site_name = l.name(&c.ten, c.ten_en.as_ref());
        let path = feed_of(&l.prefix);
        out.push(text_file(
            &path,
            atom(l, site, &base, &path, site_name, &entries(l, site, None)),
        ));
        for commune in &site.communes {
            let path = format!("{}{}", l.prefix, commune_feed(&commune.id));
            let name = l.name(&commune.data.ten, commune.data.ten_en.as_ref());
            let title = format!("{name} — {site_name}");
            let entries = entries(l, site, Some(&commune.id));
            out.push(text_file(
                &path,
                atom(l, site, &base, &path, &title, &entries),
            ));
        }
    }
    out.push(text_file("sitemap.xml", sitemap(&base, locales, pages)));
    out
}

/// Every page but the 404 page, each version of a page listing the versions that exist, in
/// every language, as `hreflang` alternates (a document not translated has none).
fn sitemap(base: &str, locales: &[Locale], pages: &[&str]) -> String {
    let exists: BTreeSet<&str> = pages.iter().copied().collect();
    // one 404 page serves every language
    // a folder's index is addressed as the folder, as servers and links to it do
    let location = |page: &str| address(base, page.strip_suffix("index.html").unwrap_or(page));
    // the path of a page from the root of its language: the others' pages are in their folder
    let in_language = |page: &'_ str| -> String {
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
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"",
    );
    if bilingual {
        xml.push_str(" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\"");
    }
    xml.push_str(">\n");
    for page in pages.iter().filter(|p| **p != urls::NOT_FOUND) {
        let rel = in_language(page);
        let versions: Vec<(&str, String)> = locales
            .iter()
            .map(|l| (l.language, format!("{}{rel}", l.prefix)))
            .filter(|(_, path)| exists.contains(path.as_str()))
            .collect();
        xml.push_str(&format!("<url><loc>{}</loc>", location(page)));
        if bilingual && versions.len() > 1 {
            for (language, path) in &versions {
                xml.push_str(&format!(
                    "<xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
                    escape(language),
                    location(path)
                ));
            }
        }
        xml.push_str("</url>\n");
    }
    xml.push_str("</urlset>\n");
    xml
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
            Locale::new("vi", true, &strings),
            Locale::new("en", false, &strings),
        ];
        let pages = [
            "404.html",
            "en/index.html",
            "index.html",
            "van-ban/chi-tieng-viet/index.html",
        ];
        let xml = sitemap("https://x.vn/", &locales, &pages);
        let doc = roxml_free_lines(&xml);
        assert_eq!(doc.len(), 3, "{xml}");
        assert!(
            doc[0].starts_with("<url><loc>https://x.vn/en/</loc>"),
            "{xml}"
        );
        for line in &doc[..2] {
            assert!(
                line.contains("hreflang=\"vi\" href=\"https://x.vn/\"")
                    && line.contains("hreflang=\"en\" href=\"https://x.vn/en/\""),
                "{xml}"
            );
        }
        assert_eq!(
            doc[2], "<url><loc>https://x.vn/van-ban/chi-tieng-viet/</loc></url>",
            "no alternate for a page in one language"
        );
        // one language: the sitemap of before, with no alternates
        let one = sitemap("https://x.vn/", &locales[..1], &["404.html", "index.html"]);
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
            Locale::new("vi", true, &strings),
            Locale::new("en", false, &strings),
        ];
        let base = "https://xa.gov.vn/index.php?trang=bau-cu&nam=2025/";
        let xml = sitemap(base, &locales, &["index.html", "en/index.html"]);
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
        assert_eq!(hrefs, [base, &en, base, &en], "{xml}");
    }

    /// The `<url>` lines of a sitemap.
    fn roxml_free_lines(xml: &str) -> Vec<&str> {
        xml.lines().filter(|l| l.starts_with("<url>")).collect()
    }
}
