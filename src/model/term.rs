//! A term of office (nhiệm kỳ), such as 2022–2025.

use crate::diagnostics::Bilingual;
use crate::load::refusal::{Refusal, refuse};
use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Term {
    pub start: i32,
    pub end: i32,
}

impl Term {
    /// Parses `2022-2025`, `2022 - 2025`, `2022–2025` (en dash) or `2022—2025`.
    pub fn parse(text: &str) -> Result<Self, String> {
        let t = text.trim();
        let bad = || {
            format!(
                "“{t}” không phải là nhiệm kỳ; hãy viết năm bắt đầu–năm kết thúc, ví dụ 2024-2027 \
                 / “{t}” is not a term; write start year–end year, e.g. 2024-2027"
            )
        };
        let mut parts = t.split(['-', '–', '—']).map(str::trim);
        let (Some(a), Some(b), None) = (parts.next(), parts.next(), parts.next()) else {
            return Err(bad());
        };
        let (Ok(start), Ok(end)) = (a.parse::<i32>(), b.parse::<i32>()) else {
            return Err(bad());
        };
        if !(1900..=2200).contains(&start) || end <= start || end - start > 10 {
            return Err(bad());
        }
        Ok(Self { start, end })
    }
}

impl fmt::Display for Term {
    /// Terms are written with an en dash: `2024–2027`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}–{}", self.start, self.end)
    }
}

impl<'de> Deserialize<'de> for Term {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TermText;
        impl Visitor<'_> for TermText {
            type Value = Term;
            /// Read by `load::de` to say what to write in a blank term.
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("năm bắt đầu-năm kết thúc, ví dụ `2024-2027` / start year-end year, e.g. `2024-2027`")
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<Term, E> {
                match Term::parse(text) {
                    Ok(term) => Ok(term),
                    Err(_) => refuse(refusal(text), Term { start: 0, end: 0 }),
                }
            }
            fn visit_unit<E: de::Error>(self) -> Result<Term, E> {
                self.visit_str("")
            }
        }
        deserializer.deserialize_str(TermText)
    }
}

/// Why `text` is not a term, with the term meant where it can be seen (`2022 2025`, `2022/25`).
fn refusal(text: &str) -> Refusal {
    let t = text.trim();
    let years: Vec<i32> = t
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|n| n.parse().ok())
        .collect();
    let fix = match years[..] {
        [start, end] if end < 100 && start >= 1900 => {
            Term::parse(&format!("{start}-{}", start / 100 * 100 + end)).ok()
        }
        [start, end] => Term::parse(&format!("{start}-{end}")).ok(),
        _ => None,
    };
    let backwards = matches!(years[..], [start, end] if end < start);
    let fix = fix.or_else(|| match years[..] {
        [start, end] if backwards => Term::parse(&format!("{end}-{start}")).ok(),
        _ => None,
    });
    let message = match (t.is_empty(), backwards) {
        (true, _) => Bilingual::new("Nhiệm kỳ còn trống.", "The term is blank."),
        (false, true) => Bilingual::new(
            format!("`{t}` kết thúc trước khi bắt đầu: năm đầu là năm bắt đầu."),
            format!("`{t}` ends before it starts: the first year is the start."),
        ),
        (false, false) => Bilingual::new(
            format!("`{t}` không phải là một nhiệm kỳ."),
            format!("`{t}` is not a term of office."),
        ),
    };
    Refusal::new(message).fix(match fix {
        Some(term) => Bilingual::new(
            format!("Viết `{}-{}`.", term.start, term.end),
            format!("Write `{}-{}`.", term.start, term.end),
        ),
        None => Bilingual::new(
            "Viết năm bắt đầu-năm kết thúc, ví dụ `2024-2027`.",
            "Write start year-end year, e.g. `2024-2027`.",
        ),
    })
}

impl Serialize for Term {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_ways_terms_are_written() {
        for text in ["2022-2025", "2022 - 2025", "2022–2025", "2022 – 2025"] {
            assert_eq!(
                Term::parse(text),
                Ok(Term {
                    start: 2022,
                    end: 2025
                }),
                "{text}"
            );
        }
        assert_eq!(Term::parse("2024- 2027").unwrap().to_string(), "2024–2027");
    }

    #[test]
    fn rejects_backwards_or_malformed_terms() {
        for text in [
            "2025-2022",
            "2022",
            "2022-2025-2028",
            "abc-def",
            "2022-2099",
        ] {
            assert!(Term::parse(text).is_err(), "{text}");
        }
    }
}
