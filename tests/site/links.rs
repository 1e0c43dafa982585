//! Every internal link of a built site names an existing file, relative to the page, so that the
//! site works from `file://`, on any server and under any sub-path.

use crate::harness::*;

fn assert_no_broken_links(out: &std::path::Path, base_404: Option<&str>) {
    let pages = html_pages(out).len();
    let (broken, checked) = broken_links(out, base_404);
    assert!(
        broken.is_empty(),
        "{} broken link(s):\n{}",
        broken.len(),
        broken.join("\n")
    );
    // every page links at least to the stylesheet and the home page
    assert!(
        checked >= 2 * pages,
        "only {checked} internal links in {pages} pages: is the link finder blind?"
    );
}

#[test]
fn the_link_finder_reads_quoted_and_unquoted_attributes() {
    let html = r#"<a href=../index.html>x</a><img src="a%20b.jpg" alt=x><link rel=stylesheet href='s.css'><a data-href=no href="p.html?x=1&amp;y=2#top">"#;
    assert_eq!(
        links(html),
        ["../index.html", "s.css", "p.html?x=1&y=2#top", "a%20b.jpg"]
    );
    assert_eq!(
        resolve("bau-cu/index.html", "../index.html"),
        Ok(Some("index.html".into()))
    );
    assert_eq!(
        resolve("van-ban/a/index.html", "a%20b.pdf#p2"),
        Ok(Some("van-ban/a/a b.pdf".into()))
    );
    assert_eq!(resolve("index.html", "https://example.org/"), Ok(None));
    assert_eq!(resolve("index.html", "#main"), Ok(None));
    assert!(resolve("index.html", "/bau-cu/index.html").is_err());
    assert!(resolve("index.html", "../index.html").is_err());
}

#[test]
fn the_link_checker_finds_missing_files_folders_fragments_and_absolute_links() {
    let dir = tempfile::tempdir().unwrap();
    let page = |rel: &str, html: &str| {
        let path = dir.path().join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, html).unwrap();
    };
    page(
        "index.html",
        "<a href=#top>a</a><p id=top><a href=a/index.html#x>b</a> <a href=a/>c</a>",
    );
    page(
        "a/index.html",
        "<a href=../index.html#top>d</a> <a href=/index.html>e</a> <img src=p.jpg>",
    );
    let (broken, checked) = broken_links(dir.path(), None);
    assert_eq!(
        broken,
        [
            "a/index.html: /index.html (absolute link: links must be relative)",
            "a/index.html: p.jpg (no file a/p.jpg)",
            "index.html: a/index.html#x (no id “x” in a/index.html)",
            "index.html: a/ (a folder: links must name index.html)",
        ]
    );
    assert_eq!(checked, 5);
}

#[test]
fn every_internal_link_of_the_fixture_resolves_to_a_file() {
    let fx = Fixture::new();
    fx.build_ok();
    assert_no_broken_links(&fx.output(), None);
}

#[test]
fn the_404_page_links_from_the_configured_base_path() {
    let fx = Fixture::new();
    fx.write(
        CONFIG,
        format!("{}duong_dan_goc: /bau-cu-thu/\n", fx.read(CONFIG)),
    );
    fx.build_ok();
    let internal: Vec<String> = links(&fx.page("404.html"))
        .into_iter()
        .filter(|l| !l.starts_with('#') && resolve("404.html", l) != Ok(None))
        .collect();
    assert!(!internal.is_empty());
    for link in &internal {
        assert!(link.starts_with("/bau-cu-thu/"), "{link}");
    }
    assert_no_broken_links(&fx.output(), Some("/bau-cu-thu/"));
}

#[test]
fn the_404_page_links_from_the_path_of_the_web_address_when_no_base_path_is_set() {
    // nginx's `error_page` shows 404.html for a missing address inside a folder
    // (`/bau-cu/hong-gai-2022/khu-pho-9/`): its links must not be relative to that folder
    let fx = Fixture::new();
    fx.write(
        CONFIG,
        format!(
            "{}dia_chi_web: https://phuong.example.vn/bau-cu-thu\n",
            fx.read(CONFIG)
        ),
    );
    fx.build_ok();
    let internal: Vec<String> = links(&fx.page("404.html"))
        .into_iter()
        .filter(|l| !l.starts_with('#') && resolve("404.html", l) != Ok(None))
        .collect();
    assert!(internal.len() >= 5, "{internal:?}");
    for link in &internal {
        assert!(link.starts_with("/bau-cu-thu/"), "{link}");
    }
    assert_no_broken_links(&fx.output(), Some("/bau-cu-thu/"));
    // the other pages keep relative links, which work wherever the folder is copied
    let round = fx.page("bau-cu/tn-2022/index.html");
    assert!(round.contains("href=\"../../index.html\""), "{round}");
    assert!(!round.contains("href=\"/bau-cu-thu/"), "{round}");
}

#[test]
fn every_internal_link_of_the_example_site_resolves_to_a_file() {
    if !example_exists() {
        return;
    }
    let (site, _) = niemyet::check(&example_content());
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("output");
    build_ok(&example_content(), &out);
    assert_no_broken_links(&out, site.config.served_path().as_deref());
}

#[test]
fn attachments_named_as_staff_name_them_are_linked_correctly() {
    let fx = Fixture::new();
    let name = "Công văn #13 (bản 2).txt";
    fx.write(&format!("van-ban/{name}"), "nội dung");
    fx.replace_line(
        LETTER,
        "- tep: cong-van-13.pdf",
        &format!("- tep: \"{name}\"\n  ten: Bản 2\n- tep: cong-van-13.pdf"),
    );
    fx.build_ok();
    assert!(fx.output().join("van-ban/cong-van-13").join(name).is_file());
    let (broken, checked) = broken_links(&fx.output(), None);
    assert!(checked > 0);
    assert!(broken.is_empty(), "{broken:#?}");
}
