//! The languages of the portal (`ngon_ngu` in cau-hinh.yaml): Vietnamese, in which the content is
//! written; English, for which the content has `_en` fields; and any other language a site gives
//! interface strings for (`i18n/<code>.yaml`), whose pages show the Vietnamese content, marked.
//!
//! Not `diagnostics::Lang`, the language messages are printed in: a message exists in Vietnamese
//! and English only (`Bilingual`), while a portal may add a third language with a strings file.

use serde::{Serialize, Serializer};
use std::fmt;

/// One language of the portal, parsed from its code once, where the configuration or a
/// translation's file name gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Language {
    Vi,
    En,
    /// A language the content has no fields for.
    Other(Code),
}

/// The code of another language: two or three lowercase ASCII letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Code {
    letters: [u8; 3],
    len: u8,
}

impl Language {
    /// The language of the content, served at the site root; a site that names none has it
    /// alone.
    pub const DEFAULT: Self = Self::Vi;

    /// A code as the portal uses it in folders and `lang`: two or three lowercase letters
    /// (`vi`, `en`, `fr`); `EN` or `English` are not one.
    pub fn parse(code: &str) -> Option<Self> {
        let bytes = code.as_bytes();
        if !(2..=3).contains(&bytes.len()) || !bytes.iter().all(u8::is_ascii_lowercase) {
            return None;
        }
        Some(match code {
            "vi" => Self::Vi,
            "en" => Self::En,
            _ => {
                let mut letters = [0; 3];
                letters[..bytes.len()].copy_from_slice(bytes);
                // at most 3, checked above
                let len = bytes.len() as u8;
                Self::Other(Code { letters, len })
            }
        })
    }

    /// `vi`, `en`, `fr`: the `lang` of its pages, its folder and its strings file.
    pub const fn code(&self) -> &str {
        match self {
            Self::Vi => "vi",
            Self::En => "en",
            Self::Other(c) => match std::str::from_utf8(c.letters.split_at(c.len as usize).0) {
                Ok(code) => code,
                Err(_) => "",
            },
        }
    }

    /// The other language of the pair Vietnamese–English, whose name a page shows beside the
    /// one in its own language: Vietnamese on English pages, English on the others.
    pub fn other(self) -> Self {
        match self {
            Self::En => Self::Vi,
            _ => Self::En,
        }
    }

    /// Where its pages live under the site root: at the root for the default language, in
    /// `en/` for English.
    pub fn prefix(self, is_default: bool) -> String {
        if is_default {
            String::new()
        } else {
            format!("{}/", self.code())
        }
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Templates and data see the code.
impl Serialize for Language {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_is_parsed_once_and_written_back_as_it_was() {
        assert_eq!(Language::parse("vi"), Some(Language::Vi));
        assert_eq!(Language::parse("en"), Some(Language::En));
        for code in ["vi", "en", "fr", "zh", "fil"] {
            let l = Language::parse(code).unwrap();
            assert_eq!((l.code(), l.to_string()), (code, code.to_string()));
            assert_eq!(serde_json::to_value(l).unwrap(), code);
        }
        for not in ["EN", "English", "e", "", "vie1", "en-US", "đv"] {
            assert_eq!(Language::parse(not), None, "{not}");
        }
        assert_ne!(Language::parse("fr"), Language::parse("fro"));
    }

    #[test]
    fn a_language_knows_its_pair_and_its_folder() {
        let fr = Language::parse("fr").unwrap();
        assert_eq!(Language::En.other(), Language::Vi);
        assert_eq!(Language::Vi.other(), Language::En);
        assert_eq!(fr.other(), Language::En);
        assert_eq!(Language::Vi.prefix(true), "");
        assert_eq!(Language::En.prefix(false), "en/");
        assert_eq!(fr.prefix(false), "fr/");
    }
}
