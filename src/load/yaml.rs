//! Reading YAML data into the typed records of the model: the positioned tree (`tree`), its
//! reading with every mistake of the file collected (`de`), and the words staff read for each
//! (`mistakes`, `syntax`).

use crate::diagnostics::{Bilingual, Diagnostic};
use crate::load::mistakes::Mistake;
use crate::load::tree::{self, Repeated};
use crate::load::{SourceFile, de, syntax};
use serde::de::DeserializeOwned;

/// Parses `yaml`, which starts at line `first_line` of `file`, into a `T`, or every mistake of
/// it, in the order of the file.
pub fn parse<T: DeserializeOwned>(
    file: &SourceFile,
    yaml: &str,
    first_line: usize,
) -> Result<T, Vec<Diagnostic>> {
    let (root, repeated) = match tree::read(yaml, first_line) {
        Ok(read) => read,
        Err(broken) => return Err(vec![syntax::explain(file, yaml, first_line, &broken)]),
    };
    let Some(root) = root else {
        return Err(vec![empty(file, first_line)]);
    };
    let mut found: Vec<Diagnostic> = repeated.iter().map(|r| written_twice(file, r)).collect();
    match de::read::<T>(&root) {
        Ok(value) if found.is_empty() => return Ok(value),
        Ok(_) => {}
        Err(mistakes) => found.extend(mistakes.into_iter().map(|m| diagnostic(file, m))),
    }
    found.sort_by_key(|d| (d.line, d.column));
    Err(found)
}

fn diagnostic(file: &SourceFile, m: Mistake) -> Diagnostic {
    let mut d = Diagnostic::error(&file.rel, m.message).at(Some(m.line), Some(m.column));
    if let Some(f) = m.field {
        d = d.field(f);
    }
    if let Some(fix) = m.fix {
        d = d.hint(fix);
    }
    d
}

fn empty(file: &SourceFile, first_line: usize) -> Diagnostic {
    Diagnostic::error(
        &file.rel,
        Bilingual::new("Phần thông tin trống.", "The data is empty."),
    )
    .at(Some(first_line), None)
    .hint(Bilingual::new(
        "Điền các trường theo mẫu mà lệnh `niemyet new` tạo ra.",
        "Fill in the fields as the template from `niemyet new` shows.",
    ))
}

fn written_twice(file: &SourceFile, r: &Repeated) -> Diagnostic {
    let key = &r.key;
    Diagnostic::error(
        &file.rel,
        Bilingual::new(
            format!(
                "Trường `{key}` được viết hai lần (lần đầu ở dòng {}).",
                r.first_line
            ),
            format!(
                "The field `{key}` is written twice (first on line {}).",
                r.first_line
            ),
        ),
    )
    .at(Some(r.line), Some(r.column))
    .field(key.clone())
    .hint(Bilingual::new(
        "Giữ lại một dòng với giá trị đúng và xóa dòng kia.",
        "Keep one line, with the right value, and delete the other.",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;
    use std::collections::BTreeMap;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code, reason = "fields are only parsed")]
    struct Sample {
        ngay_bau_cu: String,
        nam_sinh: u16,
        #[serde(default)]
        ds: Vec<Inner>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code, reason = "fields are only parsed")]
    struct Inner {
        ten: String,
    }

    fn file() -> SourceFile {
        SourceFile {
            rel: "bau-cu/x.md".into(),
            abs: "bau-cu/x.md".into(),
            text: String::new(),
        }
    }

    /// Every mistake of `yaml` read as a `T`.
    fn all<T: DeserializeOwned + std::fmt::Debug>(
        yaml: &str,
        first_line: usize,
    ) -> Vec<Diagnostic> {
        parse::<T>(&file(), yaml, first_line).unwrap_err()
    }

    /// The one mistake of `yaml` read as a `T`.
    fn one<T: DeserializeOwned + std::fmt::Debug>(yaml: &str, first_line: usize) -> Diagnostic {
        let mut found = all::<T>(yaml, first_line);
        assert_eq!(found.len(), 1, "{found:#?}");
        found.remove(0)
    }

    #[test]
    fn unknown_field_suggests_the_nearest_name_with_the_value() {
        let e = all::<Sample>("ngay_bau: 1/1/2022\nnam_sinh: 1970\n", 2).remove(0);
        assert_eq!((e.line, e.column), (Some(2), Some(1)));
        assert_eq!(e.field.as_deref(), Some("ngay_bau"));
        assert!(
            e.hint
                .unwrap()
                .en
                .contains("Did you mean `ngay_bau_cu`? Write `ngay_bau_cu: 1/1/2022`.")
        );
    }

    #[test]
    fn private_keys_are_refused_with_a_privacy_message() {
        let e = one::<Sample>("ngay_bau_cu: a\nnam_sinh: 1\nso_cccd: 0123\n", 2);
        assert_eq!(e.line, Some(4));
        assert!(e.message.en.contains("personal data"));
    }

    #[test]
    fn every_mistake_of_a_file_is_reported_at_its_own_line() {
        let found = all::<Sample>(
            "ngay_bau: a\nnam_sinh: mười\nds:\n  - ten: A\n    tuoi: 3\n  - ten:\n",
            1,
        );
        let places: Vec<(Option<usize>, Option<&str>)> =
            found.iter().map(|d| (d.line, d.field.as_deref())).collect();
        assert_eq!(
            places,
            vec![
                // the key typed wrong says to write `ngay_bau_cu`, which is not also missing
                (Some(1), Some("ngay_bau")),
                (Some(2), Some("nam_sinh")),
                (Some(5), Some("tuoi")),
                (Some(6), Some("ten")),
            ],
            "{found:#?}"
        );
        assert!(found[1].message.vi.contains("không phải là một con số"));
        // a required field missing outright is named where its group starts
        let e = one::<Sample>("nam_sinh: 1\n", 3);
        assert_eq!(
            (e.line, e.field.as_deref()),
            (Some(3), Some("ngay_bau_cu")),
            "{e}"
        );
    }

    #[test]
    fn no_message_uses_the_parser_s_words() {
        let found = all::<Sample>("ngay_bau_cu: [a]\nnam_sinh: 5.069\nds: a, b\n", 1);
        assert_eq!(found.len(), 3, "{found:#?}");
        for d in &found {
            let text = format!("{d}");
            for word in ["invalid type", "expected", "u16", "sequence", "unit value"] {
                assert!(!text.contains(word), "{text}");
            }
        }
        assert!(
            found[1]
                .hint
                .as_ref()
                .unwrap()
                .vi
                .contains("`nam_sinh: 5069`")
        );
        assert!(found[2].hint.as_ref().unwrap().en.contains("- a ⏎   - b"));
    }

    #[test]
    fn a_character_xml_forbids_written_as_an_escape_is_refused_in_its_field() {
        let e = one::<Sample>(
            "ngay_bau_cu: a\nnam_sinh: 1\nds:\n  - ten: A\n  - ten: \"B\\uFFFE\"\n",
            3,
        );
        assert_eq!((e.line, e.field.as_deref()), (Some(7), Some("ten")), "{e}");
        assert!(e.message.vi.contains("U+FFFE"), "{e}");
        // what escapes may write and XML allows is kept
        let ok = parse::<Sample>(&file(), "ngay_bau_cu: \"a\\tb\\u00e2\"\nnam_sinh: 1\n", 1);
        assert_eq!(ok.unwrap().ngay_bau_cu, "a\tbâ");
    }

    #[test]
    fn a_bad_date_and_a_bad_term_point_at_their_own_lines() {
        #[derive(Debug, Deserialize)]
        #[allow(dead_code, reason = "fields are only parsed")]
        struct Dated {
            ten: String,
            ngay: crate::model::date::Date,
            nhiem_ky: crate::model::term::Term,
        }
        let found = all::<Dated>("ten: A\nngay: 31/4/2022\nnhiem_ky: \"2022\"\n", 2);
        assert_eq!(found.len(), 2, "{found:#?}");
        assert_eq!(
            (found[0].line, found[0].field.as_deref()),
            (Some(3), Some("ngay"))
        );
        assert!(
            found[0].message.en.contains("not a real date"),
            "{:?}",
            found[0]
        );
        assert_eq!(
            (found[1].line, found[1].field.as_deref()),
            (Some(4), Some("nhiem_ky"))
        );
        let e = one::<Dated>("ten: A\nngay: 5/6/22\nnhiem_ky: 2022-2025\n", 1);
        assert!(e.hint.as_ref().unwrap().vi.contains("`05/6/2022`"), "{e}");
    }

    #[test]
    fn blank_required_values_name_their_field() {
        #[derive(Debug, Deserialize)]
        #[allow(dead_code, reason = "fields are only parsed")]
        struct Named {
            nam: u16,
            ds: Vec<Required>,
        }
        #[derive(Debug, Deserialize)]
        #[allow(dead_code, reason = "fields are only parsed")]
        struct Required {
            #[serde(deserialize_with = "crate::model::required::text")]
            ten: String,
        }
        for blank in ["\"\"", "' '", "~", "", "null"] {
            let yaml = format!("nam: 1\nds:\n  - ten: A\n  - ten: {blank}\n");
            let e = one::<Named>(&yaml, 2);
            assert_eq!((e.line, e.field.as_deref()), (Some(5), Some("ten")), "{e}");
            assert!(e.message.en.contains("blank"), "{e}");
            assert!(e.hint.unwrap().en.contains("after the colon"));
        }
        let e = one::<Sample>("ngay_bau_cu: a\nnam_sinh:\n", 1);
        assert_eq!(
            (e.line, e.field.as_deref()),
            (Some(2), Some("nam_sinh")),
            "{e}"
        );
        assert!(e.hint.unwrap().vi.contains("`nam_sinh: 1968`"));
    }

    #[test]
    fn a_key_written_twice_is_an_error_on_its_second_line() {
        let e = one::<Sample>("ngay_bau_cu: a\nnam_sinh: 1\nngay_bau_cu: b\n", 1);
        assert_eq!(
            (e.line, e.field.as_deref()),
            (Some(3), Some("ngay_bau_cu")),
            "{e}"
        );
        assert!(e.message.en.contains("first on line 1"), "{e}");
    }

    #[test]
    fn syntax_errors_are_explained_at_their_line() {
        let e = one::<Sample>("ngay_bau_cu: a\n\tnam_sinh: 1\n", 10);
        assert_eq!(e.line, Some(11), "{e}");
        assert!(e.message.en.contains("Tab"), "{e}");
        let e = one::<Sample>("nam_sinh: 1\nngay_bau_cu: \"a\nds: []\n", 5);
        assert_eq!(e.line, Some(6), "{e}");
    }

    #[test]
    fn a_wide_alias_bomb_is_refused_before_it_is_expanded() {
        let votes: Vec<String> = (0..400).map(|i| format!("u{i}: 1")).collect();
        let mut yaml = format!("a: &c {{{}}}\n", votes.join(", "));
        for i in 0..1000 {
            yaml.push_str(&format!("k{i}: *c\n"));
        }
        let e = one::<BTreeMap<String, BTreeMap<String, u32>>>(&yaml, 3);
        assert_eq!(e.line, Some(4), "{e}");
        assert!(e.message.en.contains("aliases"), "{e}");
    }

    #[test]
    fn deep_nesting_is_refused_even_where_values_are_thrown_away() {
        #[derive(Debug, Deserialize)]
        #[allow(dead_code, reason = "fields are only parsed")]
        struct Private {
            ten: String,
            rieng_tu: Option<serde::de::IgnoredAny>,
        }
        let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        let e = one::<Private>(&format!("ten: A\nrieng_tu: {deep}\n"), 2);
        assert_eq!(e.line, Some(3), "{e}");
        assert!(e.message.en.contains("nested too deeply"), "{e}");
    }

    #[test]
    fn a_number_beyond_its_field_is_too_large_not_a_wrong_kind() {
        let e = one::<Sample>("ngay_bau_cu: a\nnam_sinh: 99999999999999999999\n", 1);
        assert_eq!(e.line, Some(2), "{e}");
        assert!(e.message.en.contains("too large"), "{e}");
    }

    #[test]
    fn a_second_document_is_found_on_its_line() {
        let e = one::<Sample>("ngay_bau_cu: a\nnam_sinh: 1\n---\nten: B\n", 4);
        assert_eq!(e.line, Some(6), "{e}");
        assert!(e.message.en.contains("one block of data"), "{e}");
    }

    #[test]
    fn empty_data_is_an_error() {
        assert!(parse::<Sample>(&file(), "  \n", 2).is_err());
    }

    #[test]
    fn yes_no_answers_are_read_as_staff_write_them() {
        #[derive(Debug, Deserialize)]
        struct Answer {
            dang_vien: bool,
        }
        for (typed, meant) in [
            ("có", true),
            ("Có", true),
            ("không", false),
            ("true", true),
            ("x", true),
        ] {
            let a: Answer = parse(&file(), &format!("dang_vien: {typed}\n"), 1).unwrap();
            assert_eq!(a.dang_vien, meant, "{typed}");
        }
        let e = one::<Answer>("dang_vien: chưa rõ\n", 1);
        assert!(
            e.hint.as_ref().unwrap().vi.contains("`dang_vien: có`"),
            "{e}"
        );
    }
}
