//! `niemyet gen-corpus`: the synthetic site for national-scale benchmarks must be one niemyet
//! builds like any other (no error, no warning, no broken link, personal-data checks passed) and
//! the same for a seed on every run.

use crate::harness::*;
use niemyet::corpus::{CorpusOptions, Tally, generate};
use std::path::Path;
use std::process::Command;
use tempfile::TempDir;

/// Two communes of the country: small enough to build in a second or two.
const SMALL: f64 = 0.0005;

fn corpus(scale: f64, seed: u64) -> (TempDir, Tally) {
    let dir = TempDir::new().unwrap();
    let tally = generate(&dir.path().join("site"), CorpusOptions { scale, seed })
        .unwrap_or_else(|e| panic!("{}", e.message().get(niemyet::diagnostics::Lang::En)));
    (dir, tally)
}

fn content(dir: &TempDir) -> std::path::PathBuf {
    dir.path().join("site/content")
}

#[test]
fn a_seed_gives_a_byte_identical_tree_and_another_seed_another() {
    let (a, tally) = corpus(SMALL, 7);
    let (b, again) = corpus(SMALL, 7);
    assert_eq!(tally, again);
    assert_identical_trees(&content(&a), &content(&b));
    let (c, _) = corpus(SMALL, 8);
    let (a, c) = (snapshot(&content(&a)), snapshot(&content(&c)));
    // the same units, other villages, people and figures
    let communes = |s: &std::collections::BTreeMap<String, Vec<u8>>| {
        s.keys()
            .filter(|k| k.starts_with("don-vi/"))
            .cloned()
            .collect::<Vec<_>>()
    };
    assert_eq!(communes(&a), communes(&c));
    assert_ne!(a, c);
    let differing = a.keys().filter(|k| c.get(*k) != Some(&a[*k])).count();
    assert!(
        differing * 2 > a.len(),
        "{differing} of {} files differ",
        a.len()
    );
}

#[test]
fn a_small_corpus_builds_without_errors_warnings_or_broken_links() {
    let (dir, tally) = corpus(SMALL, 7);
    assert_eq!(tally.communes, 2);
    assert_eq!(tally.rounds, 4);
    assert!(tally.candidates >= tally.contests / 2, "{tally:?}");
    let (site, diagnostics) = niemyet::check(&content(&dir));
    assert!(diagnostics.is_empty(), "{diagnostics}");
    let out = dir.path().join("site/output");
    let report = build_ok(&content(&dir), &out);
    assert!(report.diagnostics.is_empty(), "{}", report.diagnostics);
    // every village, contest and candidate has its page, in both languages
    let per_language = tally.villages + tally.contests + tally.candidates;
    assert!(
        report.pages > 2 * per_language,
        "{} pages for {tally:?}",
        report.pages
    );
    // the corpus names its web address, from whose path the 404 page links
    let (broken, checked) = broken_links(&out, site.config.served_path().as_deref());
    assert!(broken.is_empty(), "{broken:#?}");
    assert!(checked > 1000);
    // the site says it is sample data, in each language
    let home = visible_text(&std::fs::read_to_string(out.join("index.html")).unwrap());
    assert!(home.contains("Dữ liệu mẫu"), "{home}");
    let home_en = visible_text(&std::fs::read_to_string(out.join("en/index.html")).unwrap());
    assert!(home_en.contains("sample data"), "{home_en}");
}

#[test]
fn a_percent_of_the_country_has_every_kind_of_contest_and_checks_clean() {
    let (dir, t) = corpus(0.01, 1);
    assert_eq!(t.communes, 33);
    // about thirty villages a commune, as in the country
    assert!((20 * 33..40 * 33).contains(&t.villages), "{t:?}");
    assert!(t.failing > 0 && t.held_out > 0, "{t:?}");
    assert!(t.postponed_rounds > 0 && t.not_held_rounds > 0, "{t:?}");
    let (_, diagnostics) = niemyet::check(&content(&dir));
    assert!(!diagnostics.has_errors(), "{diagnostics}");
    assert_eq!(diagnostics.warning_count(), 0, "{diagnostics}");
    // attachments are real files beside their documents
    let pdfs = snapshot_names(&content(&dir))
        .into_iter()
        .filter(|p| p.ends_with(".pdf"))
        .count();
    assert!(
        pdfs >= t.rounds,
        "{pdfs} attachments for {} rounds",
        t.rounds
    );
}

fn niemyet(args: &[&str], dir: &Path) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_niemyet"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_command_reports_what_it_wrote_and_refuses_a_bad_scale_or_a_used_folder() {
    let dir = TempDir::new().unwrap();
    let (code, stdout, _) = niemyet(
        &["--lang", "en", "gen-corpus", "--scale", "0.0003", "site"],
        dir.path(),
    );
    assert_eq!(code, 0);
    assert!(
        stdout.contains("1 communes") && stdout.contains("site/content"),
        "{stdout}"
    );
    let (code, _, stderr) = niemyet(
        &["--lang", "en", "gen-corpus", "--scale", "0.0003", "site"],
        dir.path(),
    );
    assert_eq!(code, 1);
    assert!(stderr.contains("is not empty"), "{stderr}");
    let (code, _, stderr) = niemyet(&["gen-corpus", "--scale", "2", "other"], dir.path());
    assert_eq!(code, 2);
    assert!(stderr.contains("không quá 1"), "{stderr}");
    assert!(!dir.path().join("other").exists());
}
