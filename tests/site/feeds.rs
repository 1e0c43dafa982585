//! Feeds, sitemap and robots.txt: well-formed XML read back with a real parser, every address
//! absolute and pointing at a page of the site.

use crate::harness::*;
use roxmltree::Document;

const ATOM: &str = "http://www.w3.org/2005/Atom";
const SITEMAP: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";
const XHTML: &str = "http://www.w3.org/1999/xhtml";
const XML: &str = "http://www.w3.org/XML/1998/namespace";
const BASE: &str = "https://phuong.example.org/bau-cu/";

fn with_address(fx: &Fixture) {
    let config = fx.read(CONFIG) + &format!("dia_chi_web: {BASE}\n");
    fx.write(CONFIG, config);
}

/// A web address, and English beside Vietnamese.
fn bilingual(fx: &Fixture) {
    with_address(fx);
    let config = fx.read(CONFIG) + "ngon_ngu: [vi, en]\nten_en: Thu Nghiem Ward election portal\n";
    fx.write(CONFIG, config);
}

/// The file of the output an absolute address of the site points at.
fn file_of(fx: &Fixture, address: &str) -> std::path::PathBuf {
    let rel = address
        .strip_prefix(BASE)
        .unwrap_or_else(|| panic!("{address} is not under {BASE}"));
    let rel = if rel.is_empty() || rel.ends_with('/') {
        format!("{rel}index.html")
    } else {
        rel.to_string()
    };
    fx.output().join(rel)
}

/// The Atom child `name` of `node`.
fn child<'a, 'input>(node: roxmltree::Node<'a, 'input>, name: &str) -> roxmltree::Node<'a, 'input> {
    node.children()
        .find(|c| c.has_tag_name((ATOM, name)))
        .unwrap_or_else(|| panic!("no <{name}> in <{}>", node.tag_name().name()))
}

fn is_rfc3339(t: &str) -> bool {
    t.len() == 25 && t.as_bytes()[10] == b'T' && t.ends_with("+07:00")
}

#[test]
fn without_a_web_address_only_robots_txt_is_made() {
    let fx = Fixture::new();
    fx.build_ok();
    assert_eq!(fx.read_output("robots.txt"), "User-agent: *\nAllow: /\n");
    assert!(!fx.output().join("atom.xml").exists());
    assert!(!fx.output().join("sitemap.xml").exists());
    assert!(!fx.page("index.html").contains("application/atom+xml"));
}

/// Checks a feed of the output: well-formed Atom in `lang`, newest first, every entry a page.
fn check_feed(fx: &Fixture, feed: &str, lang: &str) -> String {
    let text = fx.read_output(feed);
    {
        let doc = Document::parse(&text).unwrap_or_else(|e| panic!("{feed}: {e}"));
        let root = doc.root_element();
        assert_eq!(root.tag_name().namespace(), Some(ATOM));
        assert_eq!(root.tag_name().name(), "feed");
        assert_eq!(root.attribute((XML, "lang")), Some(lang), "{feed}");
        assert_eq!(child(root, "id").text(), Some(&*format!("{BASE}{feed}")));
        assert!(child(root, "title").text().is_some_and(|t| !t.is_empty()));
        assert!(is_rfc3339(child(root, "updated").text().unwrap()));
        assert!(child(child(root, "author"), "name").text().is_some());
        assert!(
            root.children()
                .any(|c| c.has_tag_name((ATOM, "link")) && c.attribute("rel") == Some("self"))
        );
        let entries: Vec<_> = root
            .children()
            .filter(|c| c.has_tag_name((ATOM, "entry")))
            .collect();
        assert!(!entries.is_empty(), "{feed} has no entries");
        let mut previous = None;
        for e in entries {
            let updated = child(e, "updated").text().unwrap().to_string();
            assert!(is_rfc3339(&updated), "{updated}");
            assert!(
                previous.as_ref().is_none_or(|p: &String| *p >= updated),
                "newest first"
            );
            previous = Some(updated);
            let link = child(e, "link").attribute("href").unwrap();
            assert_eq!(child(e, "id").text(), Some(link));
            assert!(file_of(fx, link).is_file(), "{feed}: {link} is not a page");
        }
    }
    text
}

#[test]
fn the_atom_feeds_are_well_formed_and_point_at_pages() {
    let fx = Fixture::new();
    with_address(&fx);
    fx.build_ok();
    for feed in ["atom.xml", "don-vi/thu-nghiem/atom.xml"] {
        check_feed(&fx, feed, "vi");
    }
    assert!(
        !fx.output().join("en/atom.xml").exists(),
        "one language, one feed"
    );
    let atom = fx.read_output("atom.xml");
    assert!(
        atom.contains("Kết quả: Bầu cử Trưởng khu phố Phường Thử Nghiệm"),
        "{atom}"
    );
    assert!(
        atom.contains("Kế hoạch tổ chức bầu cử trưởng khu phố"),
        "{atom}"
    );
    assert!(fx.page("index.html").contains("application/atom+xml"));
}

#[test]
fn the_sitemap_lists_every_page_with_an_absolute_address() {
    let fx = Fixture::new();
    with_address(&fx);
    fx.build_ok();
    let text = fx.read_output("sitemap.xml");
    let doc = Document::parse(&text).unwrap();
    let root = doc.root_element();
    assert_eq!(root.tag_name().namespace(), Some(SITEMAP));
    assert_eq!(root.tag_name().name(), "urlset");
    let locs: Vec<&str> = root
        .descendants()
        .filter(|n| n.has_tag_name((SITEMAP, "loc")))
        .filter_map(|n| n.text())
        .collect();
    let pages = html_pages(&fx.output());
    assert_eq!(locs.len(), pages.len() - 1, "every page but 404.html");
    for loc in &locs {
        assert!(file_of(&fx, loc).is_file(), "{loc}");
    }
    assert!(
        fx.read_output("robots.txt")
            .contains(&format!("Sitemap: {BASE}sitemap.xml"))
    );
}

#[test]
fn each_language_has_its_feeds_linking_to_its_pages() {
    let fx = Fixture::new();
    bilingual(&fx);
    fx.build_ok();
    let vi = check_feed(&fx, "atom.xml", "vi");
    check_feed(&fx, "don-vi/thu-nghiem/atom.xml", "vi");
    let en = check_feed(&fx, "en/atom.xml", "en");
    let en_commune = check_feed(&fx, "en/don-vi/thu-nghiem/atom.xml", "en");
    assert!(
        vi.contains("<title>Cổng niêm yết bầu cử phường Thử Nghiệm</title>"),
        "{vi}"
    );
    assert!(
        en.contains("<title>Thu Nghiem Ward election portal</title>"),
        "{en}"
    );
    assert!(en.contains("<title>Results: "), "{en}");
    assert!(!en.contains("Kết quả: "), "{en}");
    assert!(
        en_commune.contains(" — Thu Nghiem Ward election portal</title>"),
        "{en_commune}"
    );
    // a round exists in English; the documents are not translated, so their entries lead to
    // the Vietnamese pages
    assert!(
        en.contains(&format!("href=\"{BASE}en/bau-cu/tn-2022/index.html\"")),
        "{en}"
    );
    assert!(
        en.contains(&format!(
            "href=\"{BASE}van-ban/ke-hoach-bau-cu/index.html\""
        )),
        "{en}"
    );
    assert!(!en.contains(&format!("{BASE}en/van-ban/")), "{en}");
    // and their titles are said to be Vietnamese
    assert!(
        en.contains("<title xml:lang=\"vi\">Kế hoạch tổ chức bầu cử trưởng khu phố</title>"),
        "{en}"
    );
    assert!(!vi.contains("<title xml:lang"), "{vi}");
    assert!(fx.page("en/index.html").contains("application/atom+xml"));
    assert!(links_to(
        &fx.output(),
        "en/don-vi/thu-nghiem/index.html",
        "en/don-vi/thu-nghiem/atom.xml"
    ));
}

#[test]
fn the_sitemap_lists_every_page_of_every_language_with_its_alternates() {
    let fx = Fixture::new();
    bilingual(&fx);
    fx.build_ok();
    let text = fx.read_output("sitemap.xml");
    let doc = Document::parse(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    let root = doc.root_element();
    assert_eq!(root.tag_name().namespace(), Some(SITEMAP));
    let urls: Vec<_> = root
        .children()
        .filter(|n| n.has_tag_name((SITEMAP, "url")))
        .collect();
    let pages = html_pages(&fx.output());
    let not_found = pages.iter().filter(|p| p.ends_with("404.html")).count();
    assert!(not_found >= 1, "{pages:?}");
    assert_eq!(
        urls.len(),
        pages.len() - not_found,
        "every page but the 404 pages"
    );
    // the address of a url's alternate in `lang`
    let alternate = |url: roxmltree::Node, lang: &str| -> Option<String> {
        url.children()
            .filter(|n| n.has_tag_name((XHTML, "link")))
            .find(|n| n.attribute("hreflang") == Some(lang))
            .map(|n| {
                assert_eq!(n.attribute("rel"), Some("alternate"));
                n.attribute("href").unwrap().to_string()
            })
    };
    let loc = |url: roxmltree::Node| -> String {
        url.children()
            .find(|n| n.has_tag_name((SITEMAP, "loc")))
            .and_then(|n| n.text())
            .unwrap()
            .to_string()
    };
    for url in &urls {
        let address = loc(*url);
        assert!(file_of(&fx, &address).is_file(), "{address}");
        for n in url.children().filter(|n| n.has_tag_name((XHTML, "link"))) {
            let href = n.attribute("href").unwrap();
            assert!(file_of(&fx, href).is_file(), "{address}: alternate {href}");
        }
        if alternate(*url, "vi").is_some() || alternate(*url, "en").is_some() {
            assert!(
                [alternate(*url, "vi"), alternate(*url, "en")].contains(&Some(address.clone())),
                "{address} is one of its own versions"
            );
        }
    }
    let by_loc = |address: &str| {
        *urls
            .iter()
            .find(|u| loc(**u) == address)
            .unwrap_or_else(|| panic!("{address} not in the sitemap:\n{text}"))
    };
    let round_vi = by_loc(&format!("{BASE}bau-cu/tn-2022/"));
    let round_en = by_loc(&format!("{BASE}en/bau-cu/tn-2022/"));
    for u in [round_vi, round_en] {
        assert_eq!(alternate(u, "vi"), Some(format!("{BASE}bau-cu/tn-2022/")));
        assert_eq!(
            alternate(u, "en"),
            Some(format!("{BASE}en/bau-cu/tn-2022/"))
        );
    }
    // a document only in Vietnamese: once, with no English alternate
    let document = by_loc(&format!("{BASE}van-ban/ke-hoach-bau-cu/"));
    assert_eq!(alternate(document, "en"), None);
    assert!(
        !fx.output()
            .join("en/van-ban/ke-hoach-bau-cu/index.html")
            .exists()
    );
}

#[test]
fn a_web_address_must_be_absolute() {
    let fx = Fixture::new();
    let config = fx.read(CONFIG) + "dia_chi_web: phuong.gov.vn/bau-cu\n";
    fx.write(CONFIG, config);
    let d = fx.check();
    let line = fx.line_of(CONFIG, "dia_chi_web:");
    assert_error(
        &d,
        CONFIG,
        line,
        Some("dia_chi_web"),
        "not a full web address",
    );
}
