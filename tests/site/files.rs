//! Whatever is copied into the output is safe on any web server: the theme's static files pass a
//! list of types as attachments do, names that break Windows servers or that servers would run are
//! refused with a safe name to use instead, and content files that cannot be read (links, pipes,
//! files with no name) are reported instead of being skipped without a word.

use crate::harness::*;
use niemyet::diagnostics::{Diagnostic, Diagnostics};
use unicode_normalization::UnicodeNormalization;

/// The problem (error or warning) about `path` whose message says `text`.
fn find_problem<'a>(diagnostics: &'a Diagnostics, path: &str, text: &str) -> &'a Diagnostic {
    diagnostics
        .iter()
        .filter(|d| same_path(&d.path, path))
        .find(|d| d.message.vi.contains(text) || d.message.en.contains(text))
        .unwrap_or_else(|| {
            panic!("expected a problem in {path} saying “{text}”; got:\n{diagnostics}")
        })
}

/// Asserts that `d` tells what to do, naming `text` in both languages.
fn assert_hint_names(d: &Diagnostic, text: &str) {
    let hint = d
        .hint
        .as_ref()
        .unwrap_or_else(|| panic!("no hint in:\n{d}"));
    assert!(
        hint.vi.contains(text) && hint.en.contains(text),
        "the hint should name “{text}”:\n{d}"
    );
}

#[test]
fn server_files_scripts_and_pages_are_not_published_from_the_theme() {
    let refused = [
        (
            ".htaccess",
            "AddType application/x-httpd-php .pdf\n",
            "server",
        ),
        (
            "web.config",
            "<configuration><system.webServer><handlers><add name=\"x\" path=\"*.pdf\" verb=\"*\" modules=\"IsapiModule\"/></handlers></system.webServer></configuration>\n",
            "server",
        ),
        ("shell.php", "<?php system($_GET['c']);\n", "server"),
        ("kiem-tra.html", "<h1>Trang lạ</h1>\n", "type"),
        ("ghi-chu.txt", "ghi chú\n", "type"),
        ("a.php.css", "body{}\n", "“.php”"),
    ];
    for (name, text, says) in refused {
        let fx = Fixture::new();
        let rel = format!("theme/static/{name}");
        fx.write(&rel, text);
        let d = fx.check();
        let e = find_error(&d, &rel, says);
        assert!(e.hint.is_some(), "{e}");
        assert!(fx.build().is_err(), "{name} was built");
        assert!(!fx.output().join("tai-nguyen").join(name).exists());
    }
}

#[test]
fn stylesheets_scripts_fonts_and_images_are_published_from_the_theme() {
    let fx = Fixture::new();
    let allowed = [
        "rieng.css",
        "menu.min.js",
        "phong/chu.woff2",
        "phong/chu.ttf",
        "anh/logo.avif",
        "anh/nen.webp",
        "favicon.ico",
    ];
    for name in allowed {
        fx.write(&format!("theme/static/{name}"), "x");
    }
    fx.build_ok();
    // stylesheets and scripts under a content-hashed name; fonts and images, which stylesheets
    // name from inside, under their own
    for name in allowed {
        let plain = format!("tai-nguyen/{name}");
        let published = if name.ends_with(".css") || name.ends_with(".js") {
            fx.asset(&plain)
        } else {
            plain
        };
        assert!(fx.output().join(&published).is_file(), "{published}");
    }
}

#[test]
fn theme_names_that_break_windows_servers_are_refused_with_a_safe_name() {
    for (name, safe) in [("CON.css", "con-1.css"), ("aux/a.css", "aux-1/a.css")] {
        let fx = Fixture::new();
        let rel = format!("theme/static/{name}");
        fx.write(&rel, "body{}");
        let d = fx.check();
        let e = find_error(&d, &rel, "Windows");
        assert_hint_names(e, safe);
    }
}

#[cfg(unix)]
#[test]
fn a_theme_linked_from_outside_the_content_is_refused() {
    use std::os::unix::fs::symlink;
    let fx = Fixture::new();
    fx.write("../ngoai/static/bi-mat.css", "SECRET");
    symlink(fx.root().join("ngoai"), fx.path("theme")).unwrap();
    let d = fx.check();
    let e = find_error(&d, "theme", "outside");
    assert!(e.hint.is_some(), "{e}");
    assert!(fx.build().is_err());
    assert!(!fx.output().join("tai-nguyen/bi-mat.css").exists());

    // a link further in that leads out is refused too; one that stays inside is followed
    let fx = Fixture::new();
    fx.write("../bi-mat.css", "SECRET");
    fx.write("theme/nguon/logo.png", "PNG");
    std::fs::create_dir_all(fx.path("theme/static")).unwrap();
    symlink(
        fx.root().join("bi-mat.css"),
        fx.path("theme/static/bi-mat.css"),
    )
    .unwrap();
    let d = fx.check();
    find_error(&d, "theme/static/bi-mat.css", "outside");
    std::fs::remove_file(fx.path("theme/static/bi-mat.css")).unwrap();
    symlink(
        fx.path("theme/nguon/logo.png"),
        fx.path("theme/static/logo.png"),
    )
    .unwrap();
    fx.build_ok();
    assert_eq!(fx.read_output("tai-nguyen/logo.png"), "PNG");
}

/// Attachments as written in `tep:` (YAML, double-quoted), the file's name on disk and the safe
/// name niemyet should suggest.
#[cfg(unix)]
const UNSAFE_ATTACHMENTS: &[(&str, &str, &str)] = &[
    ("CON.pdf", "CON.pdf", "con-1.pdf"),
    ("aux.pdf", "aux.pdf", "aux-1.pdf"),
    ("nul.txt", "nul.txt", "nul-1.txt"),
    ("Com1.docx", "Com1.docx", "com1-1.docx"),
    ("LPT9.pdf", "LPT9.pdf", "lpt9-1.pdf"),
    ("prn.ban-sao.zip", "prn.ban-sao.zip", "prn-1.ban-sao.zip"),
    ("tep/CON.pdf", "tep/CON.pdf", "tep/con-1.pdf"),
    ("hỏi đáp?.pdf", "hỏi đáp?.pdf", "hỏi đáp.pdf"),
    ("a\\\"b.pdf", "a\"b.pdf", "a-b.pdf"),
    ("<a>.pdf", "<a>.pdf", "a.pdf"),
    ("a|b.pdf", "a|b.pdf", "a-b.pdf"),
    ("a*.pdf", "a*.pdf", "a.pdf"),
    ("c:d.pdf", "c:d.pdf", "c-d.pdf"),
    ("e\\\\f.pdf", "e\\f.pdf", "e-f.pdf"),
    ("g\\nh.pdf", "g\nh.pdf", "g-h.pdf"),
    ("i\\tk.pdf", "i\tk.pdf", "i-k.pdf"),
    ("bien-ban.pdf.", "bien-ban.pdf.", "bien-ban.pdf"),
    ("bien-ban-2.pdf ", "bien-ban-2.pdf ", "bien-ban-2.pdf"),
    ("x.shtm.pdf", "x.shtm.pdf", "x-shtm.pdf"),
    ("x.phtml.pdf", "x.phtml.pdf", "x-phtml.pdf"),
    ("x.PHP5.txt", "x.PHP5.txt", "x-PHP5.txt"),
    ("x.phar.pdf", "x.phar.pdf", "x-phar.pdf"),
    ("x.stm.pdf", "x.stm.pdf", "x-stm.pdf"),
    ("x.shtml.pdf", "x.shtml.pdf", "x-shtml.pdf"),
    ("x.asp.pdf", "x.asp.pdf", "x-asp.pdf"),
    ("x.aspx.pdf", "x.aspx.pdf", "x-aspx.pdf"),
    ("x.cgi.pdf", "x.cgi.pdf", "x-cgi.pdf"),
    ("x.pl.pdf", "x.pl.pdf", "x-pl.pdf"),
    ("x.jsp.pdf", "x.jsp.pdf", "x-jsp.pdf"),
    ("bao.cao.php.docx", "bao.cao.php.docx", "bao-cao-php.docx"),
];

/// Files with these names cannot be made on Windows, so the test runs where they can.
#[cfg(unix)]
#[test]
fn attachment_names_that_break_windows_servers_or_run_are_refused_with_a_safe_name() {
    let fx = Fixture::new();
    let mut lines = String::new();
    for (yaml, disk, _) in UNSAFE_ATTACHMENTS {
        fx.write(&format!("van-ban/{disk}"), PDF_BYTES);
        lines.push_str(&format!("- tep: \"{yaml}\"\n"));
    }
    lines.push_str("- tep: cong-van-13.pdf");
    fx.replace_line(LETTER, "- tep: cong-van-13.pdf", &lines);
    let d = fx.check();
    for (yaml, disk, safe) in UNSAFE_ATTACHMENTS {
        let line = fx.line_of(LETTER, &format!("tep: \"{yaml}\""));
        let e = errors(&d)
            .into_iter()
            .find(|e| same_path(&e.path, LETTER) && e.line == Some(line))
            .unwrap_or_else(|| panic!("no error for {disk:?} at line {line}:\n{d}"));
        assert_eq!(e.field.as_deref(), Some("dinh_kem"), "{e}");
        let file = safe.rsplit('/').next().unwrap_or(safe);
        assert_hint_names(e, &format!("“{file}”"));
        assert_hint_names(e, &format!("tep: \"{safe}\""));
    }
    assert!(fx.build().is_err());
}

#[cfg(unix)]
#[test]
fn photo_names_that_break_windows_servers_or_run_are_refused_with_a_safe_name() {
    for (name, safe) in [("CON.jpg", "con-1.jpg"), ("x.php.jpg", "x-php.jpg")] {
        let fx = Fixture::new();
        fx.write(
            &format!("bau-cu/tn-2022/ung-cu-vien/anh/{name}"),
            PHOTO_BYTES,
        );
        fx.replace_line(
            AN,
            "anh: anh/nguyen-van-an.jpg",
            &format!("anh: anh/{name}"),
        );
        let d = fx.check();
        let e = assert_error(&d, AN, fx.line_of(AN, "anh: anh/"), Some("anh"), name);
        assert_hint_names(e, &format!("anh: \"anh/{safe}\""));
    }
}

#[test]
fn attachments_and_photos_saved_with_decomposed_vietnamese_names_are_found() {
    let fx = Fixture::new();
    let folder = "Tệp đính kèm";
    let name = "Biên bản kiểm phiếu.pdf";
    let nfd = |s: &str| s.nfd().collect::<String>();
    assert_ne!(nfd(name), name);
    fx.write(&format!("van-ban/{}/{}", nfd(folder), nfd(name)), PDF_BYTES);
    fx.replace_line(
        LETTER,
        "- tep: cong-van-13.pdf",
        &format!("- tep: {folder}/{name}\n- tep: cong-van-13.pdf"),
    );
    let photo = "Ảnh ông An.jpg";
    fx.write(
        &format!("bau-cu/tn-2022/ung-cu-vien/anh/{}", nfd(photo)),
        PHOTO_BYTES,
    );
    fx.replace_line(
        AN,
        "anh: anh/nguyen-van-an.jpg",
        &format!("anh: anh/{photo}"),
    );
    fx.build_ok();
    // published under the name as written (NFC), which is the name the pages link to
    let attachment = fx.output().join("van-ban/cong-van-13").join(name);
    assert_eq!(std::fs::read(attachment).unwrap(), PDF_BYTES);
    let photo_out = fx
        .output()
        .join("bau-cu/tn-2022/khu-1/nguyen-van-an")
        .join(photo);
    assert_eq!(std::fs::read(photo_out).unwrap(), PHOTO_BYTES);
    let (broken, _) = broken_links(&fx.output(), None);
    assert!(broken.is_empty(), "{broken:#?}");
}

#[cfg(unix)]
#[test]
fn content_files_that_are_links_or_pipes_are_reported() {
    use std::os::unix::fs::symlink;
    let fx = Fixture::new();
    symlink(fx.path(CONTACT), fx.path("trang/lien-he-2.md")).unwrap();
    fx.write("../ngoai.md", "---\ntieu_de: Ngoài\n---\nbí mật\n");
    symlink(fx.root().join("ngoai.md"), fx.path("van-ban/ngoai.md")).unwrap();
    symlink(fx.path(COMMUNE), fx.path("don-vi/ban-sao.yaml")).unwrap();
    symlink(fx.path("van-ban/2022"), fx.path("van-ban/2023")).unwrap();
    let status = std::process::Command::new("mkfifo")
        .arg(fx.path("trang/ong.md"))
        .status()
        .expect("run mkfifo");
    assert!(status.success());
    let d = fx.check();
    for link in [
        "trang/lien-he-2.md",
        "van-ban/ngoai.md",
        "don-vi/ban-sao.yaml",
    ] {
        let e = find_problem(&d, link, "symbolic link");
        assert!(e.hint.is_some(), "{e}");
    }
    let e = find_problem(&d, "van-ban/2023", "folder is a symbolic link");
    assert!(e.hint.is_some(), "{e}");
    let e = find_problem(&d, "trang/ong.md", "not a regular file");
    assert!(e.hint.is_some(), "{e}");
}

#[test]
fn content_files_that_no_name_reaches_are_reported() {
    let fx = Fixture::new();
    let nameless = "bau-cu/tn-2022/ung-cu-vien/.md";
    fx.write(nameless, fx.read(BINH).replace("Trần Thị Bình", "李四"));
    fx.write("trang/.nhap.md", "---\ntieu_de: Nháp\n---\n");
    let d = fx.check();
    let e = find_error(&d, nameless, "no name");
    assert!(e.hint.is_some(), "{e}");
    let e = find_problem(&d, "trang/.nhap.md", "dot");
    assert!(!e.is_error() && e.hint.is_some(), "{e}");
}
