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
        let updated = child(root, "updated").text().unwrap();
        assert!(is_rfc3339(updated), "{updated}");
        assert!(!updated.starts_with("1970"), "{feed}: {updated}");
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
        let newest = child(entries[0], "updated").text().unwrap();
        assert_eq!(updated, newest, "{feed}: updated when its newest entry was");
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
            assert!(
                !link.ends_with("index.html"),
                "{feed}: {link} is not addressed as its folder, as in the sitemap"
            );
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
        en.contains(&format!("href=\"{BASE}en/bau-cu/tn-2022/\"")),
        "{en}"
    );
    assert!(
        en.contains(&format!("href=\"{BASE}van-ban/ke-hoach-bau-cu/\"")),
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

/// The `<link>` elements of a page, each as its attributes (minified HTML may drop the quotes).
fn link_elements(html: &str) -> Vec<std::collections::BTreeMap<String, String>> {
    html.split("<link ")
        .skip(1)
        .map(|rest| {
            let tag = format!(" {}", rest.split('>').next().unwrap_or_default());
            ["rel", "href", "hreflang", "type", "title"]
                .iter()
                .filter_map(|name| {
                    attribute_values(&tag, name)
                        .into_iter()
                        .next()
                        .map(|v| (name.to_string(), v))
                })
                .collect()
        })
        .collect()
}

/// The `href` of the `<link>`s of `html` whose `rel` is `rel` (and `type`, when given).
fn link_hrefs(html: &str, rel: &str, kind: Option<&str>) -> Vec<String> {
    link_elements(html)
        .into_iter()
        .filter(|l| l.get("rel").map(String::as_str) == Some(rel))
        .filter(|l| kind.is_none_or(|k| l.get("type").map(String::as_str) == Some(k)))
        .filter_map(|l| l.get("href").cloned())
        .collect()
}

#[test]
fn a_feed_with_nothing_in_it_is_dated_from_the_content() {
    let fx = Fixture::new();
    with_address(&fx);
    // a ward with no rounds and no documents yet
    fx.write(
        "don-vi/trong.yaml",
        "ten: Phường Trống\ncap: phuong\ntinh: Tỉnh Quảng Ninh\nkhu_dan_cu:\n  - ma: khu-1\n    ten: Khu phố Một\n    loai: khu-pho\n",
    );
    fx.build_ok();
    let text = fx.read_output("don-vi/trong/atom.xml");
    let doc = Document::parse(&text).unwrap();
    let root = doc.root_element();
    assert!(
        !root.children().any(|c| c.has_tag_name((ATOM, "entry"))),
        "{text}"
    );
    // the site's last change: the last decision on the results
    assert_eq!(
        child(root, "updated").text(),
        Some("2022-06-09T00:00:00+07:00"),
        "{text}"
    );

    // before anything is published or counted, the day of the election the site announces
    let fx = Fixture::new();
    with_address(&fx);
    fx.replace_line(
        ROUND_FILE,
        "trang_thai: chinh-thuc",
        "trang_thai: sap-dien-ra",
    );
    for file in [RESULTS, LETTER, LETTER_PDF, PLAN] {
        fx.remove(file);
    }
    fx.build_ok();
    for feed in ["atom.xml", "don-vi/thu-nghiem/atom.xml"] {
        let text = fx.read_output(feed);
        assert!(
            text.contains("<updated>2022-06-05T00:00:00+07:00</updated>"),
            "{text}"
        );
        assert!(!text.contains("1970"), "{text}");
    }
    // and the same bytes on every build: never the clock
    let first = snapshot(&fx.output());
    fx.build_ok();
    assert_eq!(first, snapshot(&fx.output()));
}

#[test]
fn a_wards_feed_links_to_the_ward_and_its_pages_announce_it() {
    let fx = Fixture::new();
    bilingual(&fx);
    fx.build_ok();
    for (prefix, feed) in [
        ("", "don-vi/thu-nghiem/atom.xml"),
        ("en/", "en/don-vi/thu-nghiem/atom.xml"),
    ] {
        let text = fx.read_output(feed);
        let doc = Document::parse(&text).unwrap();
        let alternate: Vec<&str> = doc
            .root_element()
            .children()
            .filter(|c| c.has_tag_name((ATOM, "link")) && c.attribute("rel") == Some("alternate"))
            .filter_map(|c| c.attribute("href"))
            .collect();
        assert_eq!(
            alternate,
            [format!("{BASE}{prefix}don-vi/thu-nghiem/")],
            "{text}"
        );
        // the ward's page, its villages' and its rounds' announce the ward's feed
        for page in [
            "don-vi/thu-nghiem/index.html",
            "don-vi/thu-nghiem/khu-1/index.html",
            "bau-cu/tn-2022/index.html",
            "bau-cu/tn-2022/khu-1/index.html",
            "bau-cu/tn-2022/khu-1/nguyen-van-an/index.html",
        ] {
            let page = format!("{prefix}{page}");
            let feeds: Vec<Option<String>> =
                link_hrefs(&fx.page(&page), "alternate", Some("application/atom+xml"))
                    .iter()
                    .map(|href| resolve(&page, href).unwrap())
                    .collect();
            assert!(
                feeds.contains(&Some(feed.to_string())),
                "{page} does not announce {feed}: {feeds:?}"
            );
            assert!(
                feeds.contains(&Some(format!("{prefix}atom.xml"))),
                "{page}: {feeds:?}"
            );
        }
        // pages of the whole site announce the site's feed only
        let home = format!("{prefix}index.html");
        let feeds: Vec<Option<String>> =
            link_hrefs(&fx.page(&home), "alternate", Some("application/atom+xml"))
                .iter()
                .map(|href| resolve(&home, href).unwrap())
                .collect();
        assert_eq!(feeds, [Some(format!("{prefix}atom.xml"))], "{home}");
    }
}

#[test]
fn every_page_names_its_canonical_address_as_the_sitemap_does() {
    let fx = Fixture::new();
    bilingual(&fx);
    fx.build_ok();
    let sitemap = fx.read_output("sitemap.xml");
    let doc = Document::parse(&sitemap).unwrap();
    let locs: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name((SITEMAP, "loc")))
        .filter_map(|n| n.text())
        .collect();
    for page in html_pages(&fx.output()) {
        let canonical = link_hrefs(&fx.page(&page), "canonical", None);
        if page == "404.html" {
            assert!(canonical.is_empty(), "the 404 page has no address");
            continue;
        }
        assert_eq!(canonical.len(), 1, "{page}: {canonical:?}");
        let address = &canonical[0];
        assert!(!address.ends_with("index.html"), "{page}: {address}");
        assert_eq!(file_of(&fx, address), fx.output().join(&page), "{page}");
        assert!(
            locs.contains(&address.as_str()),
            "{address} not in the sitemap"
        );
    }
    // no address, no canonical
    let fx = Fixture::new();
    fx.build_ok();
    assert!(link_hrefs(&fx.page("index.html"), "canonical", None).is_empty());
}

#[test]
fn the_default_language_is_the_x_default_alternate() {
    let fx = Fixture::new();
    bilingual(&fx);
    fx.build_ok();
    for page in ["bau-cu/tn-2022/index.html", "en/bau-cu/tn-2022/index.html"] {
        let alternates: Vec<(String, String)> = link_elements(&fx.page(page))
            .into_iter()
            .filter(|l| l.get("rel").map(String::as_str) == Some("alternate"))
            .filter_map(|l| Some((l.get("hreflang")?.clone(), l.get("href")?.clone())))
            .collect();
        let vi = format!("{BASE}bau-cu/tn-2022/");
        assert_eq!(
            alternates,
            [
                ("vi".to_string(), vi.clone()),
                ("en".to_string(), format!("{BASE}en/bau-cu/tn-2022/")),
                ("x-default".to_string(), vi.clone()),
            ],
            "{page}"
        );
    }
    let sitemap = fx.read_output("sitemap.xml");
    assert!(
        sitemap.contains(&format!(
            "<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{BASE}bau-cu/tn-2022/\"/>"
        )),
        "{sitemap}"
    );
}

#[test]
fn the_sitemap_says_when_each_page_last_changed_from_the_content() {
    let fx = Fixture::new();
    with_address(&fx);
    fx.build_ok();
    let text = fx.read_output("sitemap.xml");
    let doc = Document::parse(&text).unwrap();
    let lastmod = |address: &str| -> Option<String> {
        let url = doc
            .descendants()
            .filter(|n| n.has_tag_name((SITEMAP, "url")))
            .find(|u| {
                u.children()
                    .any(|c| c.has_tag_name((SITEMAP, "loc")) && c.text() == Some(address))
            })
            .unwrap_or_else(|| panic!("{address} not in\n{text}"));
        url.children()
            .find(|c| c.has_tag_name((SITEMAP, "lastmod")))
            .and_then(|c| c.text())
            .map(str::to_string)
    };
    // a round: its last decision; a document: its date; lists: the site's last change
    let results = Some("2022-06-09".to_string());
    assert_eq!(lastmod(&format!("{BASE}bau-cu/tn-2022/")), results);
    assert_eq!(
        lastmod(&format!("{BASE}bau-cu/tn-2022/khu-1/nguyen-van-an/")),
        results
    );
    assert_eq!(lastmod(&format!("{BASE}don-vi/thu-nghiem/")), results);
    assert_eq!(lastmod(BASE), results);
    assert_eq!(
        lastmod(&format!("{BASE}van-ban/ke-hoach-bau-cu/")),
        Some("2022-03-20".to_string())
    );
    // what staff write about the portal carries no date
    assert_eq!(lastmod(&format!("{BASE}gioi-thieu/")), None);
}

#[test]
fn robots_txt_under_a_sub_path_says_the_host_root_is_where_crawlers_look() {
    let fx = Fixture::new();
    with_address(&fx);
    fx.build_ok();
    let robots = fx.read_output("robots.txt");
    assert!(robots.contains("root of the host"), "{robots}");
    assert!(robots.contains("gốc tên miền"), "{robots}");
    assert!(
        robots.contains(&format!("Sitemap: {BASE}sitemap.xml")),
        "{robots}"
    );
    assert!(robots.contains("User-agent: *\nAllow: /\n"), "{robots}");
}
