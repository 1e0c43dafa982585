//! The shape the code keeps: a contest's figures, status and outcome are decided once, in the
//! model (`model::contest`); pages and data files cannot reach the vote-count records as typed.

use std::fs;
use std::path::Path;

/// Source files under `dir`, each without its unit tests (after `#[cfg(test)]`).
fn sources(dir: &Path, out: &mut Vec<(String, String)>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("tests.rs") {
            let text = fs::read_to_string(&path).unwrap();
            let code = text
                .split("#[cfg(test)]")
                .next()
                .unwrap_or_default()
                .to_string();
            out.push((path.display().to_string(), code));
        }
    }
}

#[test]
fn pages_and_data_files_read_the_resolved_contest_only() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    for part in ["render", "export"] {
        sources(&root.join(part), &mut files);
    }
    assert!(files.len() > 20, "{}", files.len());
    // the raw records, a second decision of the outcome, the typed status of a round
    let forbidden = [
        ".results",
        "Outcome::decide",
        "record_for_checks",
        "data.trang_thai",
        "contests.get(",
    ];
    let mut found = Vec::new();
    for (path, code) in &files {
        for needle in forbidden {
            if code.contains(needle) {
                found.push(format!("{path}: {needle}"));
            }
        }
    }
    assert!(found.is_empty(), "{found:#?}");
}
