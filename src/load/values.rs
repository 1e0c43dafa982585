//! Counting the values of YAML data as its typed parse will see them, each use of an alias
//! (`*name`) counted in full, before the typed parse makes them: a few lines of anchors and
//! aliases (a “billion laughs”) must not exhaust memory or time.

use crate::diagnostics::{Bilingual, Diagnostic};
use crate::load::SourceFile;
use serde::de::{
    DeserializeSeed, Deserializer, EnumAccess, MapAccess, SeqAccess, VariantAccess, Visitor,
};
use std::cell::Cell;

/// Why a count stopped.
#[derive(Debug)]
pub enum Stop<E> {
    /// More than `MAX_VALUES`.
    TooMany,
    /// The deserializer's own error: bad syntax, or nesting past its depth limit.
    Error(E),
}

/// Counts every value `deserializer` holds, following aliases, stopping past `MAX_VALUES`.
pub fn count<'de, D: Deserializer<'de>>(deserializer: D) -> Result<(), Stop<D::Error>> {
    let values = Cell::new(0);
    Count(&values).deserialize(deserializer).map_err(|e| {
        if values.get() > MAX_VALUES {
            Stop::TooMany
        } else {
            Stop::Error(e)
        }
    })
}

/// Values a file may hold, each use of an alias (`*name`) counted in full: far above any real
/// file, far below what a “billion laughs” would make of a few lines (serde_yaml caps the
/// number of alias jumps only, not what each jump copies).
const MAX_VALUES: usize = 100_000;

/// Counts values as the typed parse will see them, following aliases, and stops past
/// `MAX_VALUES`. It also meets serde_yaml's depth limit everywhere, even in parts that are read
/// and thrown away (`rieng_tu`), so no file is nested deeper than that limit.
struct Count<'a>(&'a Cell<usize>);

impl Count<'_> {
    fn one<E: serde::de::Error>(&self) -> Result<(), E> {
        self.0.set(self.0.get() + 1);
        match self.0.get() > MAX_VALUES {
            true => Err(E::custom("too many values")),
            false => Ok(()),
        }
    }
}

impl<'de> DeserializeSeed<'de> for Count<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Count<'_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any value")
    }

    fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<(), E> {
        self.one()
    }

    fn visit_i64<E: serde::de::Error>(self, _: i64) -> Result<(), E> {
        self.one()
    }

    fn visit_u64<E: serde::de::Error>(self, _: u64) -> Result<(), E> {
        self.one()
    }

    fn visit_i128<E: serde::de::Error>(self, _: i128) -> Result<(), E> {
        self.one()
    }

    fn visit_u128<E: serde::de::Error>(self, _: u128) -> Result<(), E> {
        self.one()
    }

    fn visit_f64<E: serde::de::Error>(self, _: f64) -> Result<(), E> {
        self.one()
    }

    fn visit_str<E: serde::de::Error>(self, _: &str) -> Result<(), E> {
        self.one()
    }

    fn visit_bytes<E: serde::de::Error>(self, _: &[u8]) -> Result<(), E> {
        self.one()
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<(), E> {
        self.one()
    }

    fn visit_none<E: serde::de::Error>(self) -> Result<(), E> {
        self.one()
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        self.deserialize(deserializer)
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        self.deserialize(deserializer)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        self.one()?;
        while seq.next_element_seed(Count(self.0))?.is_some() {}
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        self.one()?;
        while map.next_key_seed(Count(self.0))?.is_some() {
            map.next_value_seed(Count(self.0))?;
        }
        Ok(())
    }

    /// A tagged value (`!tag value`).
    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<(), A::Error> {
        let ((), variant) = data.variant_seed(Count(self.0))?;
        variant.newtype_variant_seed(Count(self.0))
    }
}

/// The error for a text past `MAX_VALUES`, on the line of its first alias.
pub fn too_many(file: &SourceFile, yaml: &str, first_line: usize) -> Diagnostic {
    // an alias is a `*` that starts a value: after a space, a bracket or a comma
    let alias = yaml.lines().position(|l| {
        l.match_indices('*').any(|(i, _)| {
            let before = l[..i]
                .chars()
                .next_back()
                .is_none_or(|c| " [{,".contains(c));
            let after = l[i + 1..].chars().next().is_some_and(char::is_alphanumeric);
            before && after
        })
    });
    let thousands = MAX_VALUES / 1000;
    Diagnostic::error(
        &file.rel,
        Bilingual::new(
            format!(
                "Dữ liệu có hơn {thousands} nghìn giá trị khi mở rộng các bí danh YAML (`*tên`): tệp nội dung không cần nhiều như vậy."
            ),
            format!(
                "The data holds more than {thousands} thousand values once its YAML aliases (`*name`) are expanded: no content file needs that many."
            ),
        ),
    )
    .at(Some(alias.unwrap_or(0) + first_line), None)
    .hint(Bilingual::new(
        "Viết thẳng giá trị vào từng trường, không dùng neo `&tên` và bí danh `*tên`.",
        "Write each value out in its field, without anchors (`&name`) and aliases (`*name`).",
    ))
}
