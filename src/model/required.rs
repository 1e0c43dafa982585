//! Required text (a name, a title, an issuer, an id): a value left blank is refused when the
//! file is read, as a missing field is, so that no page publishes a nameless link or a name
//! that reads “~”. Blank is nothing after the colon, `""`, only spaces, or YAML's null (`~`,
//! `null`), which would otherwise arrive as that very text.
//!
//! Fields use it as `#[serde(deserialize_with = "required::text")]`; types that read a bare
//! line themselves call [`checked`].

use serde::Deserializer;
use serde::de::{self, Visitor};

/// The parser's message for a blank required value; `load::yaml` explains it to staff with the
/// field and line the parser gives.
pub const BLANK: &str = "blank required text";

/// Whether `value` says nothing.
pub fn is_blank(value: &str) -> bool {
    let v = value.trim();
    v.is_empty() || v == "~" || v.eq_ignore_ascii_case("null")
}

/// `value` as the text of a required field, or the error that it is blank.
pub fn checked<E: de::Error>(value: &str) -> Result<String, E> {
    if is_blank(value) {
        Err(E::custom(BLANK))
    } else {
        Ok(value.to_string())
    }
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
            Err(E::custom(BLANK))
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
