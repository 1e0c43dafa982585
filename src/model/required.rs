//! Required text (a name, a title, an issuer, an id): a value left blank is refused when the
//! file is read, as a missing field is, so that no page publishes a nameless link or a name
//! that reads “~”. Blank is nothing after the colon, `""`, only spaces, or YAML's null (`~`,
//! `null`), which would otherwise arrive as that very text.
//!
//! Fields use it as `#[serde(deserialize_with = "required::text")]`; types that read a bare
//! line themselves call [`checked`].

use crate::diagnostics::Bilingual;
use crate::load::refusal::{Refusal, refuse};
use serde::Deserializer;
use serde::de::{self, Visitor};

/// Whether `value` says nothing.
pub fn is_blank(value: &str) -> bool {
    let v = value.trim();
    v.is_empty() || v == "~" || v.eq_ignore_ascii_case("null")
}

/// `value` as the text of a required field, or the refusal that it is blank.
pub fn checked<E: de::Error>(value: &str) -> Result<String, E> {
    if is_blank(value) {
        refuse(blank(), String::new())
    } else {
        Ok(value.to_string())
    }
}

fn blank() -> Refusal {
    Refusal::new(Bilingual::new(
        "Trường bắt buộc này còn trống.",
        "This required field is blank.",
    ))
    .fix(Bilingual::new(
        "Viết giá trị sau dấu hai chấm. Để trống, `\"\"` hay `~` sẽ đăng một tên, tiêu đề rỗng; nếu chưa biết, hỏi người phụ trách trước khi đăng.",
        "Write the value after the colon. Left blank, `\"\"` or `~` would publish an empty name or title; if it is not known yet, ask before publishing.",
    ))
}

/// Deserializes a required text field. The check runs inside the visitor, so that the parser
/// reports the value's own line and field.
pub fn text<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    struct Required;
    impl Visitor<'_> for Required {
        type Value = String;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("text")
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
            checked(v)
        }
        // nothing after the colon
        fn visit_unit<E: de::Error>(self) -> Result<String, E> {
            refuse(blank(), String::new())
        }
    }
    deserializer.deserialize_str(Required)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_is_empty_spaces_or_null() {
        for blank in ["", "   ", "\t", "~", " ~ ", "null", "NULL", "Null"] {
            assert!(is_blank(blank), "{blank:?}");
        }
        for text in ["A", "Lò Văn ~", "Nullah", "0"] {
            assert!(!is_blank(text), "{text:?}");
        }
    }
}
