//! The files pages load: stylesheets, scripts, the search index and the icon are published under
//! names that carry a hash of their contents, so servers may let browsers keep them long; every
//! page names the current file, no page loads anything from elsewhere, and the same content
//! gives the same names.

use crate::harness::*;

/// Every `href` and `src` of every page of `out` that leads into `tai-nguyen/`, as the path it
/// leads to from the site root, with the page.
fn asset_links(out: &std::path::Path) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for page in html_pages(out) {
        let html = std::fs::read_to_string(out.join(&page)).unwrap();
        for url in links(&html) {
            if let Ok(Some(target)) = resolve(&page, &url)
                && target.starts_with("tai-nguyen/")
            {
                found.push((page.clone(), target));
            }
        }
    }
    found
}

#[test]
fn stylesheets_scripts_and_the_search_index_have_content_hashed_names() {
    let fx = Fixture::new();
    fx.build_ok();
    let out = fx.output();
    let hashed: Vec<String> = [
        "tai-nguyen/style.css",
        "tai-nguyen/tim-kiem.js",
        "tai-nguyen/dem-nguoc.js",
        "tai-nguyen/chi-muc-tim-kiem.js",
        "tai-nguyen/bieu-tuong.svg",
    ]
    .iter()
    .map(|plain| fx.asset(plain))
    .collect();
    // every page loads the stylesheet by its hashed name, and every asset it names exists
    let links = asset_links(&out);
    for page in html_pages(&out).iter().filter(|p| *p != "404.html") {
        assert!(
            links.contains(&(page.clone(), hashed[0].clone())),
            "{page} does not load {}",
            hashed[0]
        );
    }
    for (page, target) in &links {
        assert!(
            out.join(target).is_file(),
            "{page}: {target} does not exist"
        );
    }
    let search = fx.page("tim-kiem/index.html");
    for script in [&hashed[1], &hashed[3]] {
        assert!(search.contains(script.as_str()), "{script}: {search}");
    }
}

#[test]
fn a_changed_file_gets_a_new_name_and_the_same_file_the_same_name() {
    let fx = Fixture::new();
    fx.build_ok();
    let style = fx.asset("tai-nguyen/style.css");
    let index = fx.asset("tai-nguyen/chi-muc-tim-kiem.js");
    fx.build_ok();
    assert_eq!(fx.asset("tai-nguyen/style.css"), style);
    assert_eq!(fx.asset("tai-nguyen/chi-muc-tim-kiem.js"), index);
    // the site's own stylesheet replaces the default one, under its own hash
    fx.write("theme/static/style.css", "body { color: #111; }\n");
    // a new candidate changes the index
    fx.replace_line(AN, "ho_ten: Nguyễn Văn An", "ho_ten: Nguyễn Văn Ân");
    fx.build_ok();
    let new_style = fx.asset("tai-nguyen/style.css");
    assert_ne!(new_style, style);
    assert!(fx.read_output(&new_style).contains("#111"));
    assert!(!fx.output().join(&style).exists(), "the old file is gone");
    assert_ne!(fx.asset("tai-nguyen/chi-muc-tim-kiem.js"), index);
    assert!(fx.page("index.html").contains(&new_style));
}

#[test]
fn every_page_has_the_themes_icon_and_loads_nothing_from_elsewhere() {
    let fx = Fixture::new();
    fx.build_ok();
    let out = fx.output();
    let icon = fx.asset("tai-nguyen/bieu-tuong.svg");
    let svg = fx.read_output(&icon);
    assert!(svg.starts_with("<svg") && svg.contains("<title>"), "{svg}");
    for page in html_pages(&out).iter().filter(|p| *p != "404.html") {
        let html = fx.page(page);
        assert!(
            html.contains("rel=icon") || html.contains("rel=\"icon\""),
            "{page}"
        );
        assert!(links_to(&out, page, &icon), "{page} does not link {icon}");
        for url in attribute_values(&html, "src") {
            assert!(
                !url.starts_with("http:") && !url.starts_with("https:") && !url.starts_with("//"),
                "{page} loads {url}"
            );
        }
    }
    // the 404 page, served at any depth, names the icon from the configured path
    let config = fx.read(CONFIG) + "duong_dan_goc: /bau-cu/\n";
    fx.write(CONFIG, config);
    fx.build_ok();
    assert!(fx.page("404.html").contains(&format!("/bau-cu/{icon}")));
}

#[test]
fn a_site_template_naming_a_stylesheet_by_its_plain_name_is_warned_about() {
    let fx = Fixture::new();
    let base = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates/base.html"),
    )
    .unwrap()
    .replace(
        "{{ site_root }}{{ asset(name=\"style.css\") }}",
        "{{ site_root }}tai-nguyen/style.css",
    );
    fx.write("theme/templates/base.html", &base);
    let d = fx.check();
    let rel = "theme/templates/base.html";
    let w = d
        .iter()
        .find(|d| same_path(&d.path, rel) && d.message.en.contains("tai-nguyen/style.css"))
        .unwrap_or_else(|| panic!("no warning about {rel}:\n{d}"));
    assert!(!w.is_error());
    assert_eq!(w.line, Some(fx.line_of(rel, "tai-nguyen/style.css")));
    let hint = w.hint.as_ref().unwrap();
    assert!(
        hint.vi.contains("asset(name=\"style.css\")")
            && hint.en.contains("asset(name=\"style.css\")")
    );
    // the default theme names its files as published
    let fx = Fixture::new();
    assert!(fx.check().is_empty(), "{}", fx.check());
}
