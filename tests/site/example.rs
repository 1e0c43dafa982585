//! The example site of the repository (`content/`) builds cleanly, publishes a page for each of
//! its rounds, documents and candidates, says on every page that its data are samples, and builds
//! the same way every time.

use crate::harness::*;
use std::path::Path;

/// File stems of the `*.md` files directly in `dir`, sorted.
fn markdown_stems(dir: &Path) -> Vec<String> {
    let mut stems: Vec<String> = walkdir::WalkDir::new(dir)
        .max_depth(1)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "md"))
        .map(|e| e.path().file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    stems.sort();
    stems
}

/// The page every source file of the example site must have, found from the files themselves.
fn expected_pages(content: &Path) -> Vec<String> {
    let (site, _) = niemyet::check(content);
    let mut pages = Vec::new();
    let rounds = entries(&content.join("bau-cu"))
        .into_iter()
        .filter(|r| content.join("bau-cu").join(r).is_dir());
    for round in rounds {
        pages.push(format!("bau-cu/{round}/index.html"));
        for stem in markdown_stems(&content.join("bau-cu").join(&round).join("ung-cu-vien")) {
            // a translation, `x.en.md`, is the page of `x` in that language
            let (slug, prefix) = match stem.rsplit_once('.') {
                Some((slug, language)) => (slug.to_string(), format!("{language}/")),
                None => (stem.clone(), String::new()),
            };
            let village = site
                .round(&round)
                .and_then(|r| r.candidates.iter().find(|c| c.slug == slug))
                .map(|c| c.data.khu_dan_cu.clone())
                .unwrap_or_else(|| panic!("candidate {round}/{slug} is not in the model"));
            pages.push(format!(
                "{prefix}bau-cu/{round}/{village}/{slug}/index.html"
            ));
        }
    }
    for entry in walkdir::WalkDir::new(content.join("van-ban")) {
        let entry = entry.unwrap();
        if entry.path().extension().is_some_and(|x| x == "md") {
            let stem = entry.path().file_stem().unwrap().to_string_lossy();
            // a translation, `x.en.md`, is the page of `x` in that language
            match stem.rsplit_once('.') {
                Some((slug, language)) => {
                    pages.push(format!("{language}/van-ban/{slug}/index.html"))
                }
                None => pages.push(format!("van-ban/{stem}/index.html")),
            }
        }
    }
    pages
}

#[test]
fn the_example_site_builds_without_errors_and_publishes_every_file() {
    if !example_exists() {
        return;
    }
    let content = example_content();
    let diagnostics = niemyet::check(&content).1;
    assert_eq!(diagnostics.error_count(), 0, "{diagnostics}");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("output");
    build_ok(&content, &out);
    let written = snapshot_names(&out);
    let expected = expected_pages(&content);
    assert!(
        expected.iter().any(|p| p.starts_with("bau-cu/")) && expected.len() >= 3,
        "the example site should have rounds, candidates and documents: {expected:#?}"
    );
    for page in &expected {
        assert!(written.contains(page), "missing {page}");
    }
}

#[test]
fn every_page_of_the_example_site_says_its_data_are_samples() {
    if !example_exists() {
        return;
    }
    let (site, _) = niemyet::check(&example_content());
    assert!(
        site.config.du_lieu_mau,
        "content/cau-hinh.yaml should set du_lieu_mau: true"
    );
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("output");
    build_ok(&example_content(), &out);
    let without: Vec<String> = html_pages(&out)
        .into_iter()
        .filter(|p| {
            let html = std::fs::read_to_string(out.join(p)).unwrap();
            let text = visible_text(&html);
            let notice = if p.starts_with("en/") {
                "Sample data"
            } else {
                "Dữ liệu mẫu"
            };
            !text.contains(notice)
        })
        .collect();
    assert!(without.is_empty(), "no sample-data notice on: {without:#?}");
}

#[test]
fn the_example_site_builds_byte_identical_twice() {
    if !example_exists() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (first, second) = (dir.path().join("a"), dir.path().join("b"));
    build_ok(&example_content(), &first);
    build_ok(&example_content(), &second);
    assert_identical_trees(&first, &second);
}
