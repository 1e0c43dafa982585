//! Hostile or broken input gives an error naming the file, never a panic or a hang; what Windows
//! editors write (BOM, CRLF, decomposed Vietnamese) is accepted.

use crate::harness::*;
use niemyet::BuildError;
use std::panic::{AssertUnwindSafe, catch_unwind};

/// A way to damage the fixture, and the file the error must name.
struct Hostile {
    name: &'static str,
    file: &'static str,
    apply: fn(&Fixture),
}

/// Nine levels of nine aliases each: a billion strings if a parser expanded them all. The anchors
/// sit in `rieng_tu` (read and thrown away); a field then names the last one.
fn alias_bomb() -> String {
    let mut yaml = String::from("rieng_tu:\n  l0: &l0 [x, x, x, x, x, x, x, x, x]\n");
    for level in 1..9 {
        let refs = vec![format!("*l{}", level - 1); 9].join(", ");
        yaml.push_str(&format!("  l{level}: &l{level} [{refs}]\n"));
    }
    yaml
}

const CASES: &[Hostile] = &[
    Hostile {
        name: "empty configuration",
        file: CONFIG,
        apply: |fx| fx.write(CONFIG, ""),
    },
    Hostile {
        name: "empty candidate",
        file: AN,
        apply: |fx| fx.write(AN, ""),
    },
    Hostile {
        name: "empty results",
        file: RESULTS,
        apply: |fx| fx.write(RESULTS, "\n\n"),
    },
    Hostile {
        name: "binary, not UTF-8, document",
        file: LETTER,
        apply: |fx| fx.write(LETTER, b"---\nloai: \xFF\xFE\x00\x01\xC0\x80\n---\n"),
    },
    Hostile {
        name: "control characters",
        file: CONTACT,
        apply: |fx| fx.write(CONTACT, "---\ntieu_de: a\u{0}\u{1b}b\n---\n"),
    },
    Hostile {
        name: "front matter that is a list",
        file: AN,
        apply: |fx| fx.write(AN, "---\n- ho_ten\n- khu_dan_cu\n---\nTiểu sử\n"),
    },
    Hostile {
        name: "front matter that is a plain string",
        file: BINH,
        apply: |fx| fx.write(BINH, "---\nTrần Thị Bình\n---\n"),
    },
    Hostile {
        name: "front matter never closed",
        file: PLAN,
        apply: |fx| fx.write(PLAN, "---\nloai: ke-hoach\n"),
    },
    Hostile {
        name: "results that are a list",
        file: RESULTS,
        apply: |fx| fx.write(RESULTS, "- khu-1\n- khu-2\n"),
    },
    Hostile {
        name: "huge birth year",
        file: AN,
        apply: |fx| fx.replace_line(AN, "nam_sinh: 1975", "nam_sinh: 99999999999"),
    },
    Hostile {
        name: "vote count beyond u64",
        file: RESULTS,
        apply: |fx| {
            fx.replace_line(
                RESULTS,
                "le-van-cuong: 150",
                "le-van-cuong: 99999999999999999999999999",
            )
        },
    },
    Hostile {
        name: "negative count",
        file: RESULTS,
        apply: |fx| fx.replace_line(RESULTS, "tong_cu_tri: 250", "tong_cu_tri: -250"),
    },
    Hostile {
        name: "deeply nested lists",
        file: ROUND_FILE,
        apply: |fx| {
            let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
            fx.replace_line(ROUND_FILE, "- khu-2", &format!("- {deep}"));
        },
    },
    Hostile {
        name: "alias bomb",
        file: CUONG,
        apply: |fx| {
            fx.replace_line(CUONG, "nghe_nghiep: Kinh doanh", "nghe_nghiep: *l8");
            let text = fx
                .read(CUONG)
                .replacen("---\n", &format!("---\n{}", alias_bomb()), 1);
            fx.write(CUONG, text);
        },
    },
    Hostile {
        name: "document file name with capitals and diacritics",
        file: "van-ban/Công-Văn-14.md",
        apply: |fx| {
            fx.write(
                "van-ban/Công-Văn-14.md",
                fx.read(PLAN).replace("45/", "46/"),
            )
        },
    },
    Hostile {
        name: "round folder name with capitals and a space",
        file: "bau-cu/TN 2023/dot-bau-cu.yaml",
        apply: |fx| fx.write("bau-cu/TN 2023/dot-bau-cu.yaml", fx.read(ROUND_FILE)),
    },
];

#[test]
fn hostile_inputs_are_errors_naming_the_file_not_panics() {
    let mut failures = Vec::new();
    for case in CASES {
        let fx = Fixture::new();
        (case.apply)(&fx);
        match catch_unwind(AssertUnwindSafe(|| fx.build())) {
            Err(_) => failures.push(format!("{}: panicked", case.name)),
            Ok(Ok(_)) => failures.push(format!("{}: built without an error", case.name)),
            Ok(Err(BuildError::Content(d))) => {
                let named = errors(&d).iter().any(|e| same_path(&e.path, case.file));
                if !named {
                    failures.push(format!("{}: no error names {}:\n{d}", case.name, case.file));
                }
            }
            Ok(Err(other)) => failures.push(format!("{}: not a content error: {other}", case.name)),
        }
        assert!(!fx.output().exists(), "{}: wrote an output", case.name);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn bom_crlf_and_decomposed_vietnamese_are_accepted() {
    let fx = Fixture::new();
    let windows = format!("\u{feff}{}", fx.read(AN).replace('\n', "\r\n"));
    // “Nguyễn” typed with combining marks, as some keyboards do
    let decomposed = windows.replace("Nguyễn", "Nguye\u{0302}\u{0303}n");
    fx.write(AN, decomposed);
    fx.build_ok();
    let text = fx.text("bau-cu/tn-2022/khu-1/nguyen-van-an/index.html");
    assert!(text.contains("Nguyễn Văn An"), "{text}");
}

#[test]
fn files_outside_the_layout_are_warned_about_not_published() {
    let fx = Fixture::new();
    fx.write("ghi-chu.md", "---\ntieu_de: Ghi chú\n---\nNháp\n");
    let report = fx.build_ok();
    let warning = report
        .diagnostics
        .iter()
        .find(|d| same_path(&d.path, "ghi-chu.md"))
        .expect("a warning about ghi-chu.md");
    assert!(!warning.is_error());
    assert!(
        !snapshot_names(&fx.output())
            .iter()
            .any(|p| p.contains("ghi-chu"))
    );
}
