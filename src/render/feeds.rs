//! What machines read to follow the portal: Atom feeds of new documents and results (one for
//! the site, one per commune or ward), `sitemap.xml` and `robots.txt`.
//!
//! Feeds and sitemaps need absolute addresses, so they are made only when the site's web address
//! (`dia_chi_web`) is configured; `robots.txt` is always made. Every date comes from the content
//! (documents, records, decisions), never from the clock, so the same content gives the same
//! bytes.

use super::urls;
use super::views::RoundSummary;
use super::xml::escape;
use crate::model::Site;
use crate::model::date::Date;
use crate::model::election::Round;
use crate::write::{Contents, OutputFile};

/// Entries in a feed: readers poll it, so it stays short.
const FEED_ENTRIES: usize = 50;

/// The feed of the whole site, at the root.
pub const SITE_FEED: &str = "atom.xml";

/// The feed of one commune or ward, beside its page.
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
}

/// `https://x.gov.vn/bau-cu/` with exactly one trailing slash, or nothing when not configured.
pub fn base_url(site: &Site) -> Option<String> {
    site.config
        .dia_chi_web
        .as_deref()
        .map(|u| format!("{}/", u.trim().trim_end_matches('/')))
}

/// The day a round's results last changed: its latest record or decision, or election day.
fn results_day(round: &Round) -> Option<Date> {
    let sheet = round.results.as_ref()?;
    let days = sheet.contests.values().flat_map(|c| {
        c.bien_ban
            .iter()
            .map(|b| b.ngay)
            .chain(c.quyet_dinh.iter().filter_map(|d| d.ngay))
    });
    Some(days.max().unwrap_or(round.data.ngay_bau_cu))
}

fn entries(site: &Site, commune: Option<&str>) -> Vec<Entry> {
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
        .map(|d| Entry {
            title: d.data.tieu_de.clone(),
            path: urls::document(&d.slug),
            updated: d.data.ngay,
            summary: format!(
                "{}{} — {}",
                d.data.loai.label_vi(),
                d.data
                    .so_hieu
                    .as_deref()
                    .map(|n| format!(" số {n}"))
                    .unwrap_or_default(),
                d.data.co_quan
            ),
        })
        .collect();
    all.extend(
        site.rounds
            .iter()
            .filter(|r| in_commune(r))
            .filter_map(|r| {
                let summary = RoundSummary::new(site, r);
                Some(Entry {
                    title: format!("Kết quả: {}", summary.title),
                    path: summary.url,
                    updated: results_day(r)?,
                    summary: format!("{} — {}", summary.status, summary.date),
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

fn atom(site: &Site, base: &str, self_path: &str, title: &str, entries: &[Entry]) -> String {
    let updated = entries
        .iter()
        .map(|e| e.updated)
        .max()
        .map_or_else(|| "1970-01-01T00:00:00+07:00".to_string(), timestamp);
    let mut xml = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"vi\">\n\
         <id>{base}{self_path}</id>\n<title>{}</title>\n<updated>{updated}</updated>\n\
         <author><name>{}</name></author>\n\
         <link rel=\"self\" type=\"application/atom+xml\" href=\"{base}{self_path}\"/>\n\
         <link rel=\"alternate\" type=\"text/html\" href=\"{base}\"/>\n",
        escape(title),
        escape(&site.config.co_quan),
    );
    for e in entries {
        xml.push_str(&format!(
            "<entry>\n<id>{base}{path}</id>\n<title>{}</title>\n<updated>{}</updated>\n\
             <link rel=\"alternate\" type=\"text/html\" href=\"{base}{path}\"/>\n<summary>{}</summary>\n</entry>\n",
            escape(&e.title),
            timestamp(e.updated),
            escape(&e.summary),
            path = urls::encode(&e.path),
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

/// The feeds, `robots.txt` and, given every page's path, `sitemap.xml`.
pub fn files(site: &Site, pages: &[&str]) -> Vec<OutputFile> {
    let Some(base) = base_url(site) else {
        return vec![text_file("robots.txt", "User-agent: *\nAllow: /\n".into())];
    };
    let mut out = vec![text_file(
        "robots.txt",
        format!("User-agent: *\nAllow: /\nSitemap: {base}sitemap.xml\n"),
    )];
    out.push(text_file(
        SITE_FEED,
        atom(
            site,
            &base,
            SITE_FEED,
            &site.config.ten,
            &entries(site, None),
        ),
    ));
    for c in &site.communes {
        let path = commune_feed(&c.id);
        let title = format!("{} — {}", c.data.ten, site.config.ten);
        out.push(text_file(
            &path,
            atom(site, &base, &path, &title, &entries(site, Some(&c.id))),
        ));
    }
    let mut sitemap = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for page in pages.iter().filter(|p| **p != urls::NOT_FOUND) {
        // a folder's index is addressed as the folder, as servers and links to it do
        let address = page.strip_suffix("index.html").unwrap_or(page);
        sitemap.push_str(&format!(
            "<url><loc>{base}{}</loc></url>\n",
            escape(&urls::encode(address))
        ));
    }
    sitemap.push_str("</urlset>\n");
    out.push(text_file("sitemap.xml", sitemap));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_midnight_in_vietnam() {
        let day = Date::new(2022, 6, 5).unwrap();
        assert_eq!(timestamp(day), "2022-06-05T00:00:00+07:00");
    }
}
