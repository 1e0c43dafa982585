//! The build publishes `sha256sums.txt`, and `niemyet verify` checks a deployed copy against it.

use crate::cli::{niemyet, stderr, stdout};
use crate::harness::*;
use sha2::{Digest, Sha256};
use std::path::Path;

const SUMS: &str = "sha256sums.txt";

fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// `(hash, path)` of each line of a `sha256sum` file.
fn sums(dir: &Path) -> Vec<(String, String)> {
    std::fs::read_to_string(dir.join(SUMS))
        .unwrap()
        .lines()
        .map(|line| {
            let (hash, path) = line.split_once("  ").expect("`<hash>  <path>`");
            (hash.to_string(), path.to_string())
        })
        .collect()
}

#[test]
fn the_sums_list_every_file_written_with_its_hash_sorted() {
    let fx = Fixture::new();
    fx.build_ok();
    let out = fx.output();
    let listed = sums(&out);
    let paths: Vec<String> = listed.iter().map(|(_, p)| p.clone()).collect();
    let expected: Vec<String> = site_files(&out).into_iter().filter(|p| p != SUMS).collect();
    assert_eq!(
        paths, expected,
        "every file but the sums and the marker, sorted"
    );
    for (hash, path) in &listed {
        let bytes = std::fs::read(out.join(path)).unwrap();
        assert_eq!(hash, &sha256(&bytes), "{path}");
    }
    let pdf = listed
        .iter()
        .find(|(_, p)| p == "van-ban/cong-van-13/cong-van-13.pdf")
        .expect("the attachment is listed");
    assert_eq!(pdf.0, PDF_SHA256);
    let first = std::fs::read(out.join(SUMS)).unwrap();
    fx.build_ok();
    assert_eq!(
        first,
        std::fs::read(out.join(SUMS)).unwrap(),
        "not deterministic"
    );
    // where the system has it, the tool staff would use agrees
    if let Ok(checked) = std::process::Command::new("sha256sum")
        .args(["--check", "--quiet", SUMS])
        .current_dir(&out)
        .output()
    {
        assert!(checked.status.success(), "{}", stdout(&checked));
    }
}

#[test]
fn verify_passes_an_unchanged_copy_and_names_every_difference() {
    let fx = Fixture::new();
    fx.build_ok();
    let web = fx.root().join("web");
    for (rel, bytes) in snapshot(&fx.output()) {
        let target = web.join(&rel);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::write(target, bytes).unwrap();
    }
    let files = sums(&web).len();
    let out = niemyet(&["--lang", "en", "verify", "web"], fx.root());
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    assert!(
        stdout(&out).contains(&format!("All {files} files match")),
        "{}",
        stdout(&out)
    );

    std::fs::write(web.join("index.html"), "<p>giả mạo</p>").unwrap();
    std::fs::remove_file(web.join("van-ban/cong-van-13/cong-van-13.pdf")).unwrap();
    std::fs::write(web.join("van-ban/them.html"), "<p>thêm</p>").unwrap();
    // the marker is niemyet's own note, not part of the site
    std::fs::remove_file(web.join(niemyet::write::MARKER)).unwrap();
    let out = niemyet(&["--lang", "en", "verify", "web"], fx.root());
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let report = stdout(&out);
    assert!(report.contains("altered: index.html"), "{report}");
    assert!(
        report.contains("removed: van-ban/cong-van-13/cong-van-13.pdf"),
        "{report}"
    );
    assert!(report.contains("added: van-ban/them.html"), "{report}");
    assert!(!report.contains(niemyet::write::MARKER), "{report}");
    assert!(
        report.contains(&format!(
            "{} files match; 1 altered, 1 added, 1 removed",
            files - 2
        )),
        "{report}"
    );

    let vi = stdout(&niemyet(&["verify", "web"], fx.root()));
    assert!(vi.contains("đã bị sửa: index.html"), "{vi}");
}

#[test]
fn verify_of_a_folder_without_sums_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("web")).unwrap();
    let out = niemyet(&["--lang", "en", "verify", "web"], dir.path());
    assert_ne!(out.status.code(), Some(0));
    assert!(stderr(&out).contains(SUMS), "{}", stderr(&out));
    let missing = niemyet(&["--lang", "en", "verify", "khong-co"], dir.path());
    assert_ne!(missing.status.code(), Some(0));
    assert!(!stderr(&missing).is_empty());
}
