//! Feeds, sitemap and robots.txt: well-formed XML read back with a real parser, every address
//! absolute and pointing at a page of the site.

use crate::harness::*;
use roxmltree::Document;

const ATOM: &str = "http://www.w3.org/2005/Atom";
const SITEMAP: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";
const BASE: &str = "https://phuong.example.org/bau-cu/";

fn with_address(fx: &Fixture) {
    let config = fx.read(CONFIG) + &format!("dia_chi_web: {BASE}\n");
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

#[test]
fn the_atom_feeds_are_well_formed_and_point_at_pages() {
    let fx = Fixture::new();
    with_address(&fx);
    fx.build_ok();
    for feed in ["atom.xml", "don-vi/thu-nghiem/atom.xml"] {
        let text = fx.read_output(feed);
        let doc = Document::parse(&text).unwrap_or_else(|e| panic!("{feed}: {e}"));
        let root = doc.root_element();
        assert_eq!(root.tag_name().namespace(), Some(ATOM));
        assert_eq!(root.tag_name().name(), "feed");
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
            assert!(file_of(&fx, link).is_file(), "{feed}: {link} is not a page");
        }
    }
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
