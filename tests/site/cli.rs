//! The command line: exit code 0 on success, 1 on content errors, 2 on usage errors, and messages
//! that name the file and line.

use crate::harness::*;
use std::path::Path;
use std::process::{Command, Output};

pub fn niemyet(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_niemyet"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run niemyet")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn check_of_a_valid_site_exits_0() {
    let fx = Fixture::new();
    let out = niemyet(
        &["--lang", "en", "check", "--content", "content"],
        fx.root(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("0 error(s)"), "{}", stderr(&out));
    assert!(!fx.output().exists(), "check wrote output");
}

#[test]
fn check_of_a_broken_site_exits_1_naming_file_and_line() {
    let fx = Fixture::new();
    fx.replace_line(ROUND_FILE, "don_vi: thu-nghiem", "don_vi: thu-nghien");
    let out = niemyet(
        &["check", "--content", "content", "--lang", "en"],
        fx.root(),
    );
    assert_eq!(out.status.code(), Some(1));
    let line = fx.line_of(ROUND_FILE, "don_vi:");
    let err = stderr(&out);
    assert!(err.contains(&format!("{ROUND_FILE}:{line}")), "{err}");
    assert!(
        err.contains("thu-nghien") && err.contains("1 error(s)"),
        "{err}"
    );
}

#[test]
fn build_writes_the_site_and_prints_a_summary() {
    let fx = Fixture::new();
    let out = niemyet(
        &[
            "build",
            "--content",
            "content",
            "--output",
            "output",
            "--lang",
            "en",
        ],
        fx.root(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let pages = html_pages(&fx.output()).len();
    let files = site_files(&fx.output()).len();
    let summary = stdout(&out);
    assert!(
        summary.contains(&format!("Built {pages} pages, {files} files")),
        "{summary}"
    );
}

#[test]
fn build_uses_content_and_output_of_the_current_folder_by_default() {
    let fx = Fixture::new();
    let out = niemyet(&["build"], fx.root());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(fx.output().join("index.html").is_file());
}

#[test]
fn a_failed_build_exits_1_and_says_the_output_is_unchanged() {
    let fx = Fixture::new();
    fx.remove(LETTER_PDF);
    let out = niemyet(&["build", "--lang", "en"], fx.root());
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains(LETTER) && err.contains("is unchanged"),
        "{err}"
    );
    assert!(!fx.output().exists());
}

#[test]
fn a_missing_content_folder_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let out = niemyet(
        &["check", "--lang", "en", "--content", "khong-co"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("does not exist"), "{}", stderr(&out));
}

#[test]
fn errors_show_the_source_line_in_vietnamese_by_default() {
    let fx = Fixture::new();
    fx.replace_line(ROUND_FILE, "ngay_bau_cu: 05/6/2022", "ngay_bau: 05/6/2022");
    fx.replace_line(AN, "nam_sinh: 1975", "nam_sinh: 19x5");
    let out = niemyet(&["check"], fx.root());
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    let line = fx.line_of(ROUND_FILE, "ngay_bau:");
    let snippet = format!("{line} | ngay_bau: 05/6/2022\n  | ^^^^^^^^ trường `ngay_bau`");
    assert!(err.contains(&snippet), "{err}");
    assert!(
        err.contains("lỗi: Trường `ngay_bau` không có trong mẫu"),
        "{err}"
    );
    assert!(
        err.contains("= cách sửa: Có phải ý bạn là `ngay_bau_cu`?"),
        "{err}"
    );
    assert!(
        !err.contains("Unknown field"),
        "English in a Vietnamese run:\n{err}"
    );
    assert!(err.contains(&format!("  {AN}: 1 lỗi, 0 cảnh báo")), "{err}");
    assert!(err.ends_with("2 lỗi, 0 cảnh báo trong 2 tệp\n"), "{err}");

    let out = niemyet(&["check", "--lang", "en"], fx.root());
    let err = stderr(&out);
    assert!(err.contains("error: Unknown field `ngay_bau`"), "{err}");
    assert!(
        err.contains("= how to fix: Did you mean `ngay_bau_cu`?"),
        "{err}"
    );
    assert!(!err.contains("cách sửa"), "{err}");
}

#[test]
fn usage_errors_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    for args in [&["build", "--bogus"][..], &["publish"], &[]] {
        let out = niemyet(args, dir.path());
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(!stderr(&out).is_empty(), "{args:?}: no message");
    }
    assert!(entries(dir.path()).is_empty(), "a usage error wrote files");
}

#[test]
fn help_and_version_exit_0() {
    let dir = tempfile::tempdir().unwrap();
    for args in [["--help"], ["--version"]] {
        let out = niemyet(&args, dir.path());
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert!(
            stdout(&out).contains("niemyet"),
            "{args:?}: {}",
            stdout(&out)
        );
    }
}
