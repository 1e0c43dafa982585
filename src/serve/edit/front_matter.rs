//! A Markdown file's front matter updated in place, line by line: the value of each key the form
//! gives replaces the old one on its own line, and everything else (comments, keys the form has
//! no field for, their order) stays as staff or the scaffold left it. A file saved without a
//! change comes back byte for byte.

/// The front matter of a Markdown file and its body; `None` when `text` has no front matter
/// between `---` lines.
pub fn split(text: &str) -> Option<(&str, &str)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let rest = text.strip_prefix("---\n")?;
    let end = rest
        .match_indices("---\n")
        .find(|(at, _)| *at == 0 || rest[..*at].ends_with('\n'))
        .map(|(at, _)| at)?;
    Some((&rest[..end], &rest[end + 4..]))
}

/// `text` with each key of `values` set to its YAML text (`key: value`, or `key:` for none) and
/// its body replaced by `body`; `None` when `text` has no front matter between `---` lines.
pub fn update(text: &str, values: &[(&str, String)], body: &str) -> Option<String> {
    let (front, _) = split(text)?;
    let mut updated = format!("---\n{}---\n", update_yaml(front, values));
    let body = body.replace("\r\n", "\n");
    let body = body.trim_end();
    if !body.is_empty() {
        updated.push_str(body);
        updated.push('\n');
    }
    Some(updated)
}

/// A YAML mapping's text with each key of `values` set to its YAML text, line by line.
pub fn update_yaml(yaml: &str, values: &[(&str, String)]) -> String {
    let yaml = yaml.strip_prefix('\u{feff}').unwrap_or(yaml);
    let lines: Vec<&str> = yaml.lines().collect();
    let mut out: Vec<String> = Vec::with_capacity(lines.len() + values.len());
    let mut given: Vec<bool> = vec![false; values.len()];
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let found = values
            .iter()
            .position(|(key, _)| top_level_key(line) == Some(*key));
        i += 1;
        let Some(at) = found else {
            out.push(line.to_string());
            continue;
        };
        // a value that went on over several lines (a block or a list) goes with its key; the
        // comments among its lines too, when more of it follows them
        let first = i - 1;
        let mut end = i;
        // a list may also be written at the key's own indentation (`key:` then `- a`)
        let continues =
            |l: &str| l.starts_with([' ', '\t']) || l.is_empty() || l == "-" || l.starts_with("- ");
        while end < lines.len() && continues(lines[end]) {
            end += 1;
            if !lines[end - 1].trim_start().starts_with('#') && !lines[end - 1].is_empty() {
                i = end;
            }
        }
        given[at] = true;
        let (key, value) = &values[at];
        let old = lines[first..i].join("\n");
        if same_value(&old, &key_line(key, value)) {
            out.extend(lines[first..i].iter().map(|l| l.to_string()));
        } else {
            out.push(key_line(key, value));
        }
    }
    // a key the file lacks is added only with a value: nothing, or an empty list, is its absence
    for ((key, value), _) in values.iter().zip(&given).filter(|(_, g)| !**g) {
        if !value.is_empty() && value != "[]" {
            out.push(key_line(key, value));
        }
    }
    let mut updated = String::new();
    for line in out {
        updated.push_str(&line);
        updated.push('\n');
    }
    updated
}

/// `written` (with LF line ends, no BOM) in the manner of `original`: its CRLF line ends and its
/// byte-order mark kept, so a file saved from Notepad stays as Notepad wrote it.
pub fn like(original: &str, written: &str) -> String {
    let bom = if original.starts_with('\u{feff}') {
        "\u{feff}"
    } else {
        ""
    };
    let written = written.strip_prefix('\u{feff}').unwrap_or(written);
    if original.contains("\r\n") {
        format!(
            "{bom}{}",
            written.replace("\r\n", "\n").replace('\n', "\r\n")
        )
    } else {
        format!("{bom}{written}")
    }
}

/// `key: value`, `key:` for no value (as the scaffold leaves a blank), or the key with its value
/// on the lines below when the value starts with a line break (a block list).
fn key_line(key: &str, value: &str) -> String {
    if value.is_empty() || value.starts_with('\n') {
        format!("{key}:{value}")
    } else {
        format!("{key}: {value}")
    }
}

/// Whether two `key: value` texts say the same (`dan_toc: "Kinh"` and `dan_toc: Kinh`): a value
/// the form did not change keeps the way it was written.
fn same_value(old: &str, new: &str) -> bool {
    let read = |text: &str| serde_yaml::from_str::<serde_yaml::Value>(text).ok();
    read(old).is_some_and(|o| Some(o) == read(new))
}

/// The key a line of front matter starts at the top level with, if any.
fn top_level_key(line: &str) -> Option<&str> {
    if line.starts_with([' ', '\t', '#', '-']) {
        return None;
    }
    let (key, _) = line.split_once(':')?;
    (!key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')).then_some(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "---\n# (bắt buộc) Họ và tên\nho_ten: \"Dương Văn Toản\"\n\
        nam_sinh: 1961\nrieng_tu:\n  ghi_chu: gọi trước\ntai_cu:\n---\nÔng Toản.\n";

    #[test]
    fn values_replace_their_lines_and_everything_else_stays() {
        let values = [
            ("ho_ten", "\"Dương Văn Toàn\"".to_string()),
            ("nam_sinh", "1962".to_string()),
            ("tai_cu", "true".to_string()),
            ("thu_tu", "2".to_string()),
            ("anh", String::new()),
        ];
        let updated = update(FILE, &values, "Ông Toàn.\r\n\r\n").unwrap();
        assert_eq!(
            updated,
            "---\n# (bắt buộc) Họ và tên\nho_ten: \"Dương Văn Toàn\"\nnam_sinh: 1962\n\
             rieng_tu:\n  ghi_chu: gọi trước\ntai_cu: true\nthu_tu: 2\n---\nÔng Toàn.\n"
        );
    }

    #[test]
    fn a_file_saved_unchanged_is_the_same_bytes() {
        let values = [
            ("ho_ten", "\"Dương Văn Toản\"".to_string()),
            ("nam_sinh", "1961".to_string()),
            ("tai_cu", String::new()),
        ];
        let body = split(FILE).unwrap().1;
        assert_eq!(body, "Ông Toản.\n");
        assert_eq!(update(FILE, &values, body).unwrap(), FILE);
    }

    #[test]
    fn a_file_from_notepad_keeps_its_line_ends_and_mark() {
        assert_eq!(
            like("\u{feff}a: 1\r\nb: 2\r\n", "a: 3\nb: 2\n"),
            "\u{feff}a: 3\r\nb: 2\r\n"
        );
        assert_eq!(like("a: 1\n", "a: 3\n"), "a: 3\n");
    }

    #[test]
    fn a_list_at_the_key_s_indentation_goes_with_its_key() {
        let file = "---\nnoi_nhan:\n- Lưu VT\n- Như trên\nbau_cu: x\n---\n";
        let values = [("noi_nhan", "\n  - Lưu VT".to_string())];
        assert_eq!(
            update(file, &values, "").unwrap(),
            "---\nnoi_nhan:\n  - Lưu VT\nbau_cu: x\n---\n"
        );
    }

    #[test]
    fn a_value_written_another_way_is_left_as_it_was() {
        let file = "---\ndan_toc: \"Kinh\"\nnam_sinh: \"1961\"\n---\n";
        let values = [
            ("dan_toc", "Kinh".to_string()),
            ("nam_sinh", "1961".to_string()),
        ];
        // the same text stays as it was quoted; a number where the file had text is a change
        assert_eq!(
            update(file, &values, "").unwrap(),
            "---\ndan_toc: \"Kinh\"\nnam_sinh: 1961\n---\n"
        );
    }

    #[test]
    fn a_value_over_several_lines_is_replaced_whole() {
        let file = "---\nnghe_nghiep: |\n  Hưu trí\n  cán bộ\nton_giao: Không\n---\n";
        let updated = update(file, &[("nghe_nghiep", "Hưu trí".to_string())], "").unwrap();
        assert_eq!(updated, "---\nnghe_nghiep: Hưu trí\nton_giao: Không\n---\n");
        assert!(update("ho_ten: A\n", &[], "").is_none());
    }
}

#[cfg(test)]
mod yaml_tests {
    use super::*;

    #[test]
    fn a_map_over_several_lines_with_comments_is_replaced_whole_and_the_rest_stays() {
        let yaml = "# Đợt bầu\ntrang_thai: sap-dien-ra\n# Các bước\ncac_buoc:\n  quyet_dinh:\n    # ghi chú\n    ngay: 13/5/2022\n\n  # chưa làm\ncuoc_bau:\n  - khu-1\n";
        let values = [
            ("trang_thai", "tam-thoi".to_string()),
            (
                "cac_buoc",
                "\n  quyet_dinh:\n    ngay: 14/5/2022".to_string(),
            ),
        ];
        assert_eq!(
            update_yaml(yaml, &values),
            "# Đợt bầu\ntrang_thai: tam-thoi\n# Các bước\ncac_buoc:\n  quyet_dinh:\n    ngay: 14/5/2022\n\n  # chưa làm\ncuoc_bau:\n  - khu-1\n"
        );
        // the same values keep the file's lines, its comments among them
        let same = [(
            "cac_buoc",
            "\n  quyet_dinh:\n    ngay: 13/5/2022".to_string(),
        )];
        assert_eq!(update_yaml(yaml, &same), yaml);
    }
}
