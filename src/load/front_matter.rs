//! Splitting a Markdown file into its YAML front matter and its body.

use crate::diagnostics::{Bilingual, Diagnostic};
use crate::load::{SourceFile, yaml};
use serde::de::DeserializeOwned;

/// A Markdown file's typed front matter and its body.
#[derive(Debug)]
pub struct Parsed<T> {
    pub data: T,
    pub body: String,
    /// 1-based line where the body starts, for diagnostics about its text.
    pub body_line: usize,
}

/// Splits a Markdown file and parses its front matter into `T`.
pub fn parse<T: DeserializeOwned>(file: &SourceFile) -> Result<Parsed<T>, Vec<Diagnostic>> {
    let split = split(file).map_err(|d| vec![d])?;
    let data = yaml::parse(file, split.yaml, split.yaml_line)?;
    Ok(Parsed {
        data,
        body: split.body.to_string(),
        body_line: split.body_line,
    })
}

/// A Markdown file cut in two, with the line where each part starts.
#[derive(Debug, PartialEq, Eq)]
pub struct Split<'a> {
    pub yaml: &'a str,
    /// 1-based line of the first YAML line in the file.
    pub yaml_line: usize,
    pub body: &'a str,
    /// 1-based line of the first body line in the file.
    pub body_line: usize,
}

/// Front matter sits between a first line `---` and the next line `---`.
pub fn split(file: &SourceFile) -> Result<Split<'_>, Diagnostic> {
    let text = file.text.as_str();
    let missing = || {
        Diagnostic::error(
            &file.rel,
            Bilingual::new(
                "Tệp phải bắt đầu bằng phần thông tin (front matter) đặt giữa hai dòng `---`.",
                "The file must begin with its front matter between two `---` lines.",
            ),
        )
        .at(Some(1), Some(1))
        .hint(Bilingual::new(
            "Dòng đầu tiên của tệp là `---`, tiếp theo là các trường `ten: giá trị`, rồi một dòng `---`, rồi đến nội dung.",
            "Make the first line `---`, then the `field: value` lines, then a `---` line, then the text.",
        ))
    };
    let (first, rest) = text.split_once('\n').unwrap_or((text, ""));
    if first.trim_end() != "---" {
        return Err(missing());
    }
    let mut offset = 0;
    for (i, line) in rest.split_inclusive('\n').enumerate() {
        if line.trim_end() == "---" {
            return Ok(Split {
                yaml: &rest[..offset],
                yaml_line: 2,
                body: &rest[offset + line.len()..],
                body_line: i + 3,
            });
        }
        offset += line.len();
    }
    Err(Diagnostic::error(
        &file.rel,
        Bilingual::new(
            "Phần thông tin (front matter) mở bằng `---` nhưng không có dòng `---` đóng lại.",
            "The front matter opens with `---` but no `---` line closes it.",
        ),
    )
    .at(Some(1), Some(1))
    .hint(Bilingual::new(
        "Thêm một dòng chỉ có `---` sau trường cuối cùng.",
        "Add a line holding only `---` after the last field.",
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> SourceFile {
        SourceFile {
            rel: "a.md".into(),
            abs: "a.md".into(),
            text: text.into(),
        }
    }

    #[test]
    fn splits_and_counts_lines() {
        let f = file("---\nten: A\nnam: 1\n---\nHello\n");
        let s = split(&f).unwrap();
        assert_eq!(s.yaml, "ten: A\nnam: 1\n");
        assert_eq!(s.yaml_line, 2);
        assert_eq!(s.body, "Hello\n");
        assert_eq!(s.body_line, 5);
    }

    #[test]
    fn trailing_spaces_after_the_dashes_are_forgiven() {
        let f = file("---  \nten: A\n--- \nHello\n");
        assert_eq!(split(&f).unwrap().yaml, "ten: A\n");
    }

    #[test]
    fn missing_or_unclosed_front_matter_is_an_error_on_line_one() {
        assert_eq!(split(&file("Hello")).unwrap_err().line, Some(1));
        assert!(
            split(&file("---\nten: A\n"))
                .unwrap_err()
                .message
                .en
                .contains("no `---` line")
        );
    }
}
