//! A term of office (nhiệm kỳ), such as 2022–2025.

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
        let text = String::deserialize(deserializer)?;
        Term::parse(&text).map_err(serde::de::Error::custom)
    }
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
