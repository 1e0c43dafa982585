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
fn a_failed_build_exits_1_and_says_no_output_was_made() {
    let fx = Fixture::new();
    fx.remove(LETTER_PDF);
    let out = niemyet(&["build", "--lang", "en"], fx.root());
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains(LETTER) && err.contains("no output folder was made"),
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

#[test]
fn commands_find_the_site_from_inside_its_content_folder() {
    let fx = Fixture::new();
    let inside = fx.path("bau-cu/tn-2022");
    let out = niemyet(&["check", "--lang", "en"], &fx.content());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("0 error(s)"), "{}", stderr(&out));
    let out = niemyet(&["build"], &inside);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // the output goes beside the content folder, not into the folder the command ran in
    assert!(fx.output().join("index.html").is_file());
    assert!(!inside.join("output").exists());
}

#[test]
fn new_inside_the_content_folder_writes_into_the_site() {
    let fx = Fixture::new();
    let out = niemyet(
        &["new", "candidate", "tn-2022", "Phạm Văn Dũng"],
        &fx.content(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        fx.path("bau-cu/tn-2022/ung-cu-vien/pham-van-dung.md")
            .is_file()
    );
    assert!(!fx.content().join("content").exists());
}

#[test]
fn new_in_the_parent_of_a_site_writes_nothing_and_points_into_it() {
    let dir = tempfile::tempdir().unwrap();
    crate::scaffold::new_site_with_round(dir.path());
    let round = crate::scaffold::ROUND;
    let out = niemyet(&["new", "candidate", round, "Phạm Văn Dũng"], dir.path());
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.starts_with("lỗi: Không tìm thấy trang nào"), "{err}");
    assert!(err.contains("cd moi"), "{err}");
    assert_eq!(entries(dir.path()), vec!["moi".to_string()]);
}

#[test]
fn a_mistyped_round_makes_no_folder_and_names_the_round_meant() {
    let fx = Fixture::new();
    for what in [
        &["candidate", "tn-2202", "Phạm Văn Dũng"][..],
        &["results", "tn-2202"],
    ] {
        let args: Vec<&str> = ["new"].iter().chain(what).copied().collect();
        let out = niemyet(&args, fx.root());
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(err.contains("Có phải ý bạn là “tn-2022”?"), "{err}");
        assert!(
            !fx.path("bau-cu/tn-2202").exists(),
            "{args:?} made a folder"
        );
    }
    fx.write("../ds.csv", "Họ và tên\nPhạm Văn Dũng\n");
    let out = niemyet(
        &["import", "candidates", "ds.csv", "--round", "tn-2202"],
        fx.root(),
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("Có phải ý bạn là “tn-2022”?"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn build_in_an_empty_folder_says_so_once_and_suggests_a_new_site() {
    let dir = tempfile::tempdir().unwrap();
    let out = niemyet(&["build"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert_eq!(err.matches("lỗi").count(), 1, "{err}");
    assert!(err.contains("niemyet new site"), "{err}");
    assert!(!err.contains("giữ nguyên"), "{err}");
    assert!(entries(dir.path()).is_empty());
    // a content folder named but missing: the same single error
    let out = niemyet(&["build", "--content", "khong-co"], dir.path());
    let err = stderr(&out);
    assert_eq!(err.matches("lỗi").count(), 1, "{err}");
    assert!(err.contains("Không có thư mục nội dung khong-co."), "{err}");
    assert!(err.contains("niemyet new site"), "{err}");
}

#[test]
fn a_failed_build_says_whether_an_output_folder_was_kept() {
    let fx = Fixture::new();
    fx.remove(LETTER_PDF);
    let out = niemyet(&["build"], fx.root());
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("chưa tạo thư mục output"),
        "{}",
        stderr(&out)
    );
    std::fs::create_dir(fx.output()).unwrap();
    let out = niemyet(&["build"], fx.root());
    assert!(
        stderr(&out).contains("giữ nguyên như cũ"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_mistyped_command_is_answered_in_vietnamese_then_english() {
    let dir = tempfile::tempdir().unwrap();
    let out = niemyet(&["buld"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.starts_with("lỗi: không có lệnh “buld”."), "{err}");
    assert!(err.contains("có phải ý bạn là `niemyet build`?"), "{err}");
    assert!(!err.contains("unrecognized"), "{err}");
    let out = niemyet(&["--lang", "en", "buld"], dir.path());
    let err = stderr(&out);
    assert!(
        err.starts_with("error: there is no command “buld”."),
        "{err}"
    );
    assert!(err.contains("did you mean `niemyet build`?"), "{err}");
}

#[test]
fn help_of_a_command_works_whatever_follows_it() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        &["help", "import", "candidates"][..],
        &["help", "new", "site"],
    ] {
        let out = niemyet(args, dir.path());
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        assert!(
            stdout(&out).contains("Cách dùng / Usage:"),
            "{}",
            stdout(&out)
        );
    }
    let site = stdout(&niemyet(&["help", "new", "site"], dir.path()));
    assert!(!site.contains("--content"), "{site}");
    let import = stdout(&niemyet(&["help", "import"], dir.path()));
    assert!(import.contains("Nhập bảng tính"), "{import}");
}
