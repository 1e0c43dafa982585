//! What `niemyet new` writes and what `check` demands agree: the sample text a scaffold writes
//! is refused until it is replaced, every field a scaffold marks “(bắt buộc)” is refused blank and
//! every other one is accepted blank, and the results of a contest that was not held need nothing.

use crate::harness::*;
use crate::scaffold::{fill, replace_body};
use niemyet::scaffold::Scaffold;
use std::path::{Path, PathBuf};

const ROUND: &str = "xa-moi-2025";
const REQUIRED: &str = "(bắt buộc)";

fn create(scaffold: Scaffold, content: &Path) {
    scaffold.create(content).unwrap();
}

fn rel(content: &Path, path: &Path) -> String {
    path.strip_prefix(content)
        .unwrap()
        .to_string_lossy()
        .replace('\\', "/")
}

/// A new site with a round, a candidate and a document, their blank required fields filled and
/// their sample text left as written: the content folder.
fn scaffolded(dir: &Path) -> PathBuf {
    create(
        Scaffold::Site {
            dir: dir.join("moi"),
        },
        dir,
    );
    let content = dir.join("moi/content");
    create(
        Scaffold::Election {
            round: ROUND.into(),
        },
        &content,
    );
    fill(
        &round_file(&content),
        &[
            ("don_vi", "xa-moi"),
            ("chuc_danh", "truong-thon"),
            ("nhiem_ky", "2025-2030"),
            ("ngay_bau_cu", "05/10/2025"),
            ("khu_dan_cu", "thon-1"),
        ],
    );
    create(
        Scaffold::Candidate {
            round: ROUND.into(),
            name: "Nguyễn Văn An".into(),
        },
        &content,
    );
    fill(
        &candidate_file(&content),
        &[
            ("khu_dan_cu", "thon-1"),
            ("nam_sinh", "1970"),
            ("gioi_tinh", "nam"),
            ("dan_toc", "Kinh"),
            ("trinh_do_chuyen_mon", "dai-hoc"),
            ("ly_luan_chinh_tri", "trung-cap"),
            ("nghe_nghiep", "Nông dân"),
            ("dang_vien", "true"),
            ("tai_cu", "false"),
        ],
    );
    create(
        Scaffold::Document {
            title: "Kế hoạch tổ chức bầu cử".into(),
        },
        &content,
    );
    fill(
        &document_file(&content),
        &[
            ("loai", "ke-hoach"),
            ("ngay", "01/8/2025"),
            ("co_quan", "Ủy ban nhân dân xã Hòa An"),
        ],
    );
    content
}

fn round_file(content: &Path) -> PathBuf {
    content.join("bau-cu").join(ROUND).join("dot-bau-cu.yaml")
}

fn candidate_file(content: &Path) -> PathBuf {
    content
        .join("bau-cu")
        .join(ROUND)
        .join("ung-cu-vien/nguyen-van-an.md")
}

fn document_file(content: &Path) -> PathBuf {
    content.join("van-ban/ke-hoach-to-chuc-bau-cu.md")
}

fn results_file(content: &Path) -> PathBuf {
    content.join("bau-cu").join(ROUND).join("ket-qua.yaml")
}

/// Replaces `old` (which must be there) with `new` in a file.
fn replace(path: &Path, old: &str, new: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(
        text.contains(old),
        "no “{old}” in {}:\n{text}",
        path.display()
    );
    std::fs::write(path, text.replace(old, new)).unwrap();
}

/// The 1-based line of `path` holding `needle`.
/// The 1-based line that is exactly `line`.
fn exact_line(path: &Path, line: &str) -> usize {
    let text = std::fs::read_to_string(path).unwrap();
    text.lines().position(|l| l == line).unwrap() + 1
}

fn line_with(path: &Path, needle: &str) -> usize {
    let text = std::fs::read_to_string(path).unwrap();
    text.lines()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("no “{needle}” in {}:\n{text}", path.display()))
        + 1
}

/// Every sample text the scaffolds wrote replaced by real content.
fn replace_samples(content: &Path) {
    replace_body(&candidate_file(content), "Sinh ra ở thôn 1, làm nông.");
    replace_body(&document_file(content), "Kế hoạch bầu cử trưởng thôn.");
    replace(
        &content.join("cau-hinh.yaml"),
        "Ủy ban nhân dân xã Mới",
        "Ủy ban nhân dân xã Hòa An",
    );
    let commune = content.join("don-vi/xa-moi.yaml");
    replace(&commune, "ten: Xã Mới", "ten: Xã Hòa An");
    replace(&commune, "  ten: Tỉnh Mới", "  ten: Tỉnh Lạng Sơn");
}

fn placeholder_errors(diagnostics: &niemyet::diagnostics::Diagnostics) -> Vec<String> {
    diagnostics
        .iter()
        .filter(|d| d.is_error() && d.message.vi.contains("Bạn chưa thay đoạn mẫu"))
        .map(|d| d.to_string())
        .collect()
}

#[test]
fn untouched_sample_text_is_refused_at_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let content = scaffolded(dir.path());
    let (_, found) = niemyet::check(&content);

    let bio = candidate_file(&content);
    let line = line_with(&bio, "Tiểu sử tóm tắt");
    let d = assert_error(
        &found,
        &rel(&content, &bio),
        line,
        None,
        "Bạn chưa thay đoạn mẫu “Tiểu sử tóm tắt",
    );
    assert!(
        d.message
            .en
            .contains("has not been replaced with real content"),
        "{d}"
    );
    assert!(
        d.hint.as_ref().is_some_and(|h| h.vi.contains("tiểu sử")),
        "{d}"
    );
    let doc = document_file(&content);
    let line = line_with(&doc, "Nội dung văn bản");
    assert_error(
        &found,
        &rel(&content, &doc),
        line,
        None,
        "Bạn chưa thay đoạn mẫu “Nội dung văn bản",
    );
    assert_error(
        &found,
        &rel(&content, &doc),
        line + 1,
        None,
        "The sample text “The text of the document (Markdown).” has not been replaced",
    );
    // the site's sample names are shown under “Sample data” while du_lieu_mau is true, and refused
    // once it is false
    assert_eq!(placeholder_errors(&found).len(), 4, "{found}");
    let config = content.join("cau-hinh.yaml");
    replace(&config, "du_lieu_mau: true", "du_lieu_mau: false");
    let (_, found) = niemyet::check(&content);
    assert_error(
        &found,
        "cau-hinh.yaml",
        line_with(&config, "co_quan: "),
        Some("co_quan"),
        "Bạn chưa thay đoạn mẫu “Ủy ban nhân dân xã Mới”",
    );
    let commune = content.join("don-vi/xa-moi.yaml");
    // the province is reported at its `tinh:` line, above the group's `ten`
    for (field, line, sample) in [
        ("ten", line_with(&commune, "ten: Xã Mới"), "Xã Mới"),
        ("tinh", exact_line(&commune, "tinh:"), "Tỉnh Mới"),
    ] {
        assert_error(
            &found,
            "don-vi/xa-moi.yaml",
            line,
            Some(field),
            &format!("Bạn chưa thay đoạn mẫu “{sample}”"),
        );
    }
    let out = dir.path().join("out");
    let built = niemyet::build(&niemyet::BuildOptions {
        content: content.clone(),
        output: out.clone(),
    });
    assert!(
        matches!(built, Err(niemyet::BuildError::Content(_))),
        "{built:?}"
    );
    assert!(!out.join("index.html").exists());

    replace_samples(&content);
    let (_, found) = niemyet::check(&content);
    assert!(!found.has_errors(), "{found}");
}

/// A key line of a scaffold: its index, the column of its key, the key, and whether the
/// scaffold marks it required (in its own comment or the comment lines right above it).
struct Key {
    index: usize,
    column: usize,
    key: String,
    required: bool,
}

/// The YAML key lines of `text` (the front matter of a Markdown file).
fn keys(text: &str) -> Vec<Key> {
    let lines: Vec<&str> = text.lines().collect();
    let markdown = lines.first() == Some(&"---");
    let end = if markdown {
        lines.iter().skip(1).position(|l| *l == "---").unwrap() + 1
    } else {
        lines.len()
    };
    let mut out = Vec::new();
    for (index, line) in lines.iter().enumerate().take(end) {
        let trimmed = line.trim_start();
        if trimmed.starts_with('#') || trimmed.is_empty() {
            continue;
        }
        let item = trimmed.strip_prefix("- ").unwrap_or(trimmed);
        let Some((key, _)) = item.split_once(':') else {
            continue;
        };
        if key.is_empty() || !key.chars().all(|c| c.is_alphanumeric() || "_-".contains(c)) {
            continue;
        }
        let above = lines[..index]
            .iter()
            .rev()
            .take_while(|l| l.trim_start().starts_with('#'));
        let own = line.split_once(" #").map(|(_, c)| c).unwrap_or_default();
        let required = own.contains(REQUIRED) || above.clone().any(|l| l.contains(REQUIRED));
        out.push(Key {
            index,
            column: line.len() - item.len(),
            key: key.to_string(),
            required,
        });
    }
    out
}

/// `text` with the key of `k` left blank: its value and every line nested under it removed.
fn blanked(text: &str, k: &Key) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let line = lines[k.index];
    let comment = line
        .split_once(" #")
        .map(|(_, c)| format!("   #{c}"))
        .unwrap_or_default();
    let blank = format!("{}{}:{comment}", &line[..k.column], k.key);
    let mut out: Vec<String> = lines[..k.index].iter().map(|l| l.to_string()).collect();
    out.push(blank);
    let mut rest = lines[k.index + 1..].iter().peekable();
    while let Some(l) = rest.peek() {
        let indent = l.len() - l.trim_start().len();
        if l.trim().is_empty() || indent <= k.column || l.trim() == "---" {
            break;
        }
        rest.next();
    }
    out.extend(rest.map(|l| l.to_string()));
    out.join("\n") + "\n"
}

/// Every scaffold, filled in so that the site checks without an error: the files to test.
fn complete_site(dir: &Path) -> (PathBuf, Vec<PathBuf>) {
    let content = scaffolded(dir);
    replace_samples(&content);
    replace(
        &round_file(&content),
        "trang_thai: sap-dien-ra",
        "trang_thai: tam-thoi",
    );
    create(
        Scaffold::Results {
            round: ROUND.into(),
        },
        &content,
    );
    fill(
        &results_file(&content),
        &[
            ("tong_cu_tri", "361"),
            ("cu_tri_tham_gia", "314"),
            ("phieu_phat_ra", "314"),
            ("phieu_thu_vao", "314"),
            ("phieu_hop_le", "310"),
            ("phieu_khong_hop_le", "4"),
            ("nguyen-van-an", "310"),
            ("ngay", "05/10/2025"),
        ],
    );
    let files = vec![
        content.join("cau-hinh.yaml"),
        content.join("don-vi/xa-moi.yaml"),
        round_file(&content),
        candidate_file(&content),
        document_file(&content),
        results_file(&content),
    ];
    (content, files)
}

#[test]
fn every_field_marked_required_is_required_and_no_other() {
    let dir = tempfile::tempdir().unwrap();
    let (content, files) = complete_site(dir.path());
    let (_, found) = niemyet::check(&content);
    assert!(!found.has_errors(), "{found}");
    let mut wrong = Vec::new();
    let mut required = 0;
    for path in &files {
        let original = std::fs::read_to_string(path).unwrap();
        let file = rel(&content, path);
        for k in keys(&original) {
            let text = blanked(&original, &k);
            std::fs::write(path, &text).unwrap();
            let (_, found) = niemyet::check(&content);
            let line = k.index + 1;
            let errors: Vec<_> = found.iter().filter(|d| d.is_error()).collect();
            if k.required {
                required += 1;
                let named = errors.iter().any(|d| {
                    same_path(&d.path, &file)
                        && (d.line == Some(line) || d.field.as_deref() == Some(k.key.as_str()))
                });
                if !named {
                    wrong.push(format!(
                        "{file}:{line} `{}` is marked {REQUIRED} but is accepted blank: {:?}",
                        k.key,
                        errors.iter().map(|d| d.to_string()).collect::<Vec<_>>()
                    ));
                }
            } else if errors.iter().any(|d| same_path(&d.path, &file)) {
                // an optional field blank may still break what other files name (a village a
                // round elects in): those are reported there, not here
                wrong.push(format!(
                    "{file}:{line} `{}` is not marked {REQUIRED} but is refused blank: {:?}",
                    k.key,
                    errors.iter().map(|d| d.to_string()).collect::<Vec<_>>()
                ));
            }
        }
        std::fs::write(path, &original).unwrap();
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert!(required >= 30, "{required}");
}

/// A round of two villages, the second postponed (`hoan`) or not held (`khong-to-chuc`).
fn held_back_contest(dir: &Path, hold: &str) -> PathBuf {
    let content = scaffolded(dir);
    replace_samples(&content);
    replace(
        &content.join("don-vi/xa-moi.yaml"),
        "    loai: thon\n",
        "    loai: thon\n  - ma: thon-2\n    ten: Thôn 2\n    loai: thon\n",
    );
    let round = round_file(&content);
    replace(
        &round,
        "trang_thai: sap-dien-ra",
        "trang_thai: dang-kiem-phieu",
    );
    let text = std::fs::read_to_string(&round).unwrap();
    std::fs::write(
        &round,
        format!(
            "{text}  - khu_dan_cu: thon-2\n    trang_thai: {hold}\n    quyet_dinh:\n      so: 12/QĐ-UBND\n      ngay: 20/9/2025\n    ly_do: Mưa lũ\n"
        ),
    )
    .unwrap();
    content
}

#[test]
fn the_results_of_a_contest_not_held_pass_as_written() {
    for hold in ["hoan", "khong-to-chuc"] {
        let dir = tempfile::tempdir().unwrap();
        let content = held_back_contest(dir.path(), hold);
        let (_, found) = niemyet::check(&content);
        assert!(!found.has_errors(), "{found}");
        create(
            Scaffold::Results {
                round: ROUND.into(),
            },
            &content,
        );
        let results = results_file(&content);
        let text = std::fs::read_to_string(&results).unwrap();
        assert!(
            text.contains("thon-2"),
            "the held-back contest is named:\n{text}"
        );
        // only the contest that was held is filled in
        fill(
            &results,
            &[
                ("tong_cu_tri", "361"),
                ("cu_tri_tham_gia", "314"),
                ("phieu_phat_ra", "314"),
                ("phieu_thu_vao", "314"),
                ("phieu_hop_le", "310"),
                ("phieu_khong_hop_le", "4"),
                ("nguyen-van-an", "310"),
                ("ngay", "05/10/2025"),
            ],
        );
        let (site, found) = niemyet::check(&content);
        assert!(!found.has_errors(), "{hold}: {found}\n{text}");
        let round = site.round(ROUND).unwrap();
        let status = round.contest("thon-2").unwrap().status.key();
        assert_eq!(status, hold);
    }
}

#[test]
fn no_results_file_for_a_round_not_held() {
    let dir = tempfile::tempdir().unwrap();
    let content = scaffolded(dir.path());
    replace_samples(&content);
    replace(
        &round_file(&content),
        "trang_thai: sap-dien-ra",
        "trang_thai: hoan",
    );
    let e = Scaffold::Results {
        round: ROUND.into(),
    }
    .create(&content)
    .unwrap_err();
    assert!(e.vi.contains("trang_thai"), "{}", e.vi);
    assert!(e.en.contains("trang_thai"), "{}", e.en);
    assert!(!results_file(&content).exists());
}
