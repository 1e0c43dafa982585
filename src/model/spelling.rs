//! How each enumerated value of the content is spelled, in one table per type: the key files
//! write (`nu`, `dai-hoc`), the other spellings staff type and sheets hold (`Nữ`, `Đại học`),
//! and the key of its label in the interface strings (`gender_nu`), where every word pages and
//! data files show is looked up, so that a site can change it.
//!
//! The YAML files and the spreadsheet import read a value through the same table, compared after
//! folding case, diacritics, spaces and punctuation (`Đại  học` = `dai-hoc`), so a spelling the
//! one accepts the other accepts too. A value no row knows is refused with the closest key, or
//! the list of keys, as its fix.

use super::text::{closest, sort_key};
use crate::diagnostics::Bilingual;
use crate::load::refusal::{Refusal, refuse};
use serde::de::{self, Deserializer, Visitor};
use std::fmt;

/// One value and its spellings.
#[derive(Debug, Clone, Copy)]
pub struct Spelling<T: 'static> {
    pub value: T,
    /// The canonical spelling: what files are written with, exports write, and labels are
    /// keyed by.
    pub key: &'static str,
    /// Other spellings accepted, compared folded (the key's own folding need not be listed).
    pub also: &'static [&'static str],
    /// Typed by staff; a value derived from others (a round's `bau-lai`) is never read.
    pub typed: bool,
}

/// A row of a value staff type.
pub const fn row<T>(value: T, key: &'static str, also: &'static [&'static str]) -> Spelling<T> {
    Spelling {
        value,
        key,
        also,
        typed: true,
    }
}

/// A row of a value that is derived, never typed: it has a key and a label only.
pub const fn derived<T>(value: T, key: &'static str) -> Spelling<T> {
    Spelling {
        value,
        key,
        also: &[],
        typed: false,
    }
}

/// A type whose values are spelled by a table.
pub trait Spelled: Copy + PartialEq + 'static {
    /// Every value, in the order lists show them; the first typed one stands in for a value
    /// refused while a file is read on.
    const TABLE: &'static [Spelling<Self>];
    /// The group of its labels in the interface strings: `gender` → `gender_nu`.
    const LABELS: &'static str;

    /// The canonical spelling.
    fn key(self) -> &'static str {
        Self::TABLE
            .iter()
            .find(|r| r.value == self)
            .map_or("", |r| r.key)
    }

    /// The key of its label in the interface strings: `gender_nu`.
    fn label_key(self) -> String {
        label_key(Self::LABELS, self.key())
    }

    /// The value `text` spells, whatever its case, diacritics and spacing.
    fn from_text(text: &str) -> Option<Self> {
        let folded = fold(text);
        (!folded.is_empty())
            .then(|| {
                Self::TABLE
                    .iter()
                    .filter(|r| r.typed)
                    .find(|r| fold(r.key) == folded || r.also.iter().any(|a| fold(a) == folded))
                    .map(|r| r.value)
            })
            .flatten()
    }
}

/// The key of a value's label: `doc_kind` and `nghi-quyet` → `doc_kind_nghi_quyet`.
pub fn label_key(group: &str, key: &str) -> String {
    format!("{group}_{}", key.replace('-', "_"))
}

/// Lowercase ASCII letters and digits only: `Họ và tên` → `hovaten`, `Đại học` → `daihoc`.
pub fn fold(text: &str) -> String {
    sort_key(text)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect()
}

/// Spellings of yes (`x`, `có`, `yes`, `1`, and a column's own name ticked) and of no.
const YES: &[&str] = &[
    "x",
    "có",
    "c",
    "yes",
    "y",
    "true",
    "1",
    "đảng viên",
    "tái cử",
];
const NO: &[&str] = &["không", "k", "no", "n", "false", "0"];

/// Yes or no, as staff write it in a sheet or a file: `Có`, `x`, `yes`; `Không`, `no`, `0`.
pub fn yes_no(text: &str) -> Option<bool> {
    let folded = fold(text);
    let is = |words: &[&str]| !folded.is_empty() && words.iter().any(|w| fold(w) == folded);
    if is(YES) {
        Some(true)
    } else if is(NO) {
        Some(false)
    } else {
        None
    }
}

/// The canonical keys of the values staff type: `nam, nu`.
pub fn keys<T: Spelled>() -> String {
    T::TABLE
        .iter()
        .filter(|r| r.typed)
        .map(|r| r.key)
        .collect::<Vec<_>>()
        .join(", ")
}

/// What is wrong with `text`, which no row of `T` spells, and the key to write instead.
pub fn refusal<T: Spelled>(text: &str) -> Refusal {
    let list = keys::<T>();
    if text.trim().is_empty() {
        return Refusal::new(Bilingual::new("Giá trị còn trống.", "The value is blank.")).fix(
            Bilingual::new(
                format!("Viết một trong các giá trị: {list}."),
                format!("Write one of: {list}."),
            ),
        );
    }
    // the closest of every spelling, folded, names the row whose key is the fix
    let spellings: Vec<(String, &'static str)> = T::TABLE
        .iter()
        .filter(|r| r.typed)
        .flat_map(|r| {
            std::iter::once(r.key)
                .chain(r.also.iter().copied())
                .map(move |s| (fold(s), r.key))
        })
        .collect();
    // a word of three letters is two edits from too many keys (`ông` from `nu`) to be a typo
    let folded = fold(text);
    let near = closest(&folded, spellings.iter().map(|(s, _)| s.as_str()))
        .filter(|_| folded.len() >= 4)
        .and_then(|s| spellings.iter().find(|(f, _)| f == s))
        .map(|(_, key)| *key);
    let message = Bilingual::new(
        format!("“{text}” không phải là giá trị được nhận."),
        format!("“{text}” is not an accepted value."),
    );
    let fix = match near {
        Some(near) => Bilingual::new(
            format!("Viết `{near}` (các giá trị được nhận: {list})."),
            format!("Write `{near}` (accepted values: {list})."),
        ),
        None => Bilingual::new(
            format!("Viết một trong các giá trị: {list}."),
            format!("Write one of: {list}."),
        ),
    };
    Refusal::new(message).fix(fix)
}

/// Reads a `T` from any of its spellings; refuses a value no row knows, and a blank one.
pub fn deserialize<'de, T: Spelled, D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error> {
    deserializer.deserialize_any(SpellingVisitor::<T>(std::marker::PhantomData))
}

/// The value that stands in for a refused one while the rest of the file is read.
fn fallback<T: Spelled>() -> T {
    match T::TABLE.iter().find(|r| r.typed) {
        Some(r) => r.value,
        // every table has a typed row (tested); a type without one could not be read at all
        None => T::TABLE[0].value,
    }
}

struct SpellingVisitor<T>(std::marker::PhantomData<T>);

impl<T: Spelled> SpellingVisitor<T> {
    fn read<E: de::Error>(text: &str) -> Result<T, E> {
        match T::from_text(text) {
            Some(value) => Ok(value),
            None => refuse(refusal::<T>(text), fallback::<T>()),
        }
    }
}

impl<'de, T: Spelled> Visitor<'de> for SpellingVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "one of: {}", keys::<T>())
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
        Self::read(v)
    }

    fn visit_unit<E: de::Error>(self) -> Result<T, E> {
        Self::read("")
    }

    fn visit_none<E: de::Error>(self) -> Result<T, E> {
        Self::read("")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<T, E> {
        Self::read(&v.to_string())
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<T, E> {
        Self::read(&v.to_string())
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<T, E> {
        Self::read(&v.to_string())
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<T, E> {
        Self::read(&v.to_string())
    }
}

/// `Deserialize` through the type's table, `Serialize` as its canonical key, and `key()` without
/// the trait in scope.
macro_rules! spelled {
    ($($t:ty),+ $(,)?) => {$(
        impl $t {
            /// The canonical spelling, as files write it.
            pub fn key(self) -> &'static str {
                $crate::model::spelling::Spelled::key(self)
            }
        }

        impl<'de> serde::Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                $crate::model::spelling::deserialize(deserializer)
            }
        }

        impl serde::Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str($crate::model::spelling::Spelled::key(*self))
            }
        }
    )+};
}
pub(crate) use spelled;

/// The label keys of every value of every table: what the interface strings must hold.
pub fn label_keys() -> Vec<String> {
    use super::candidate::{Gender, PoliticalTheory, Qualification};
    use super::division::{CommuneKind, VillageKind};
    use super::document::DocumentKind;
    use super::election::{ContestHold, Office, RoundStatus};
    use super::result::{ResultStatus, VotingMethod};
    use super::rules::Base;
    fn of<T: Spelled>() -> impl Iterator<Item = String> {
        T::TABLE.iter().map(|r| r.value.label_key())
    }
    of::<Gender>()
        .chain(of::<Qualification>())
        .chain(of::<PoliticalTheory>())
        .chain(of::<VotingMethod>())
        .chain(of::<ResultStatus>())
        .chain(of::<CommuneKind>())
        .chain(of::<VillageKind>())
        .chain(of::<Office>())
        .chain(of::<RoundStatus>())
        .chain(of::<ContestHold>())
        .chain(of::<DocumentKind>())
        .chain(of::<Base>())
        .chain(
            Base::TABLE
                .iter()
                .map(|r| label_key(Base::LONG_LABELS, r.key)),
        )
        .collect()
}

#[cfg(test)]
#[path = "spelling_tests.rs"]
mod tests;
