//! Lists and mappings as serde walks them: each value read in its place, what its type refuses
//! recorded there, unknown keys skipped and stand-ins given for missing fields.

use super::{BLANK, Error, Read, Reader};
use crate::load::mistakes::Mistake;
use crate::load::refusal;
use crate::load::tree::{Entry, Node};
use crate::model::text::closest;
use serde::de::{self, DeserializeSeed, IntoDeserializer};

/// The items of a list.
pub(super) struct Items<'a> {
    pub(super) items: std::slice::Iter<'a, Node>,
    pub(super) field: Option<&'a str>,
    pub(super) reader: &'a Reader,
}

impl<'de> de::SeqAccess<'de> for Items<'_> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        let Some(node) = self.items.next() else {
            return Ok(None);
        };
        let value = seed.deserialize(Read::new(node, self.field, self.reader));
        self.reader.refused(node, self.field, refusal::take());
        value
            .map(Some)
            .map_err(|e| self.reader.place(node, self.field, e))
    }
}

/// The entries of a mapping, then the stand-ins for its missing fields.
pub(super) struct Entries<'a> {
    pub(super) node: &'a Node,
    /// The entry whose value was read last.
    pub(super) last: Option<&'a Entry>,
    pub(super) all: &'a [Entry],
    pub(super) entries: std::slice::Iter<'a, Entry>,
    /// A struct's fields; a key outside them is reported and skipped.
    pub(super) known: Option<&'static [&'static str]>,
    pub(super) stand_ins: Vec<&'static str>,
    pub(super) value: Option<Next<'a>>,
    pub(super) reader: &'a Reader,
}

pub(super) enum Next<'a> {
    Typed(&'a Entry),
    StandIn(&'static str),
}

impl Entries<'_> {
    /// Whether an unknown key of this mapping is `field` typed wrong.
    fn mistyped_as(&self, field: &str) -> bool {
        self.all.iter().any(|e| {
            let known = match self.known {
                Some(known) => (!known.contains(&e.name())).then_some(known),
                None => self.reader.known_to_be_unknown(self.node, e.name()),
            };
            known.is_some_and(|k| closest(e.name(), k.iter().copied()) == Some(field))
        })
    }
}

impl<'de> de::MapAccess<'de> for Entries<'_> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        // what the type refused after reading the last value (a blank `ten` it checks itself)
        // is about that value
        let after = refusal::take();
        match self.last {
            Some(entry) => self.reader.refused(&entry.value, Some(entry.name()), after),
            None => self.reader.refused(self.node, None, after),
        }
        loop {
            let Some(entry) = self.entries.next() else {
                let Some(field) = self.stand_ins.pop() else {
                    return Ok(None);
                };
                self.value = Some(Next::StandIn(field));
                return seed.deserialize(field.into_deserializer()).map(Some);
            };
            let name = entry.name();
            let unknown = match self.known {
                Some(known) => (!known.contains(&name)).then_some(known),
                None => self.reader.known_to_be_unknown(self.node, name),
            };
            if let Some(known) = unknown {
                self.reader.record(Mistake::unknown(entry, known));
                continue;
            }
            self.value = Some(Next::Typed(entry));
            self.last = Some(entry);
            return seed
                .deserialize(Read::new(&entry.key, Some(name), self.reader))
                .map(Some);
        }
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, Error> {
        match self.value.take() {
            Some(Next::Typed(entry)) => {
                let field = Some(entry.name());
                let value = seed.deserialize(Read::new(&entry.value, field, self.reader));
                self.reader.refused(&entry.value, field, refusal::take());
                value.map_err(|e| self.reader.place(&entry.value, field, e))
            }
            Some(Next::StandIn(field)) => {
                // a key typed wrong already says to write this one
                if !self.mistyped_as(field) {
                    self.reader
                        .record(Mistake::missing(self.node, Some(field), field));
                }
                let reader = self.reader;
                reader.quietly(|| {
                    let value = seed.deserialize(Read::new(&BLANK, Some(field), reader));
                    refusal::take();
                    value
                })
            }
            None => Err(Error::Custom("a value was asked for before its key".into())),
        }
    }
}
