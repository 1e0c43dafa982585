//! Reading a positioned tree (`load::tree`) into the typed records of the model, collecting
//! every mistake of the file instead of stopping at the first.
//!
//! A value that does not fit its field (a count written `5.069`, a blank name, an unknown
//! field) is recorded at its line and column, with its field and the fix, and a stand-in value
//! lets the read go on. A required field that is missing is only known when its mapping ends
//! (serde's derived code asks for it then), so the file is read again with a stand-in for it:
//! one more pass per missing field, on the error path only. Types that check their own text
//! (dates, terms, spellings) refuse through `load::refusal`, which lands here.

mod access;

use super::mistakes::{self, Mistake};
use super::refusal::{self, Refusal};
use super::tree::{Entry, Node, Value};
use crate::model::spelling;
use crate::model::text::is_xml_char;
use access::{Entries, Items};
use serde::de::{self, IntoDeserializer, Visitor};
use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// Reads `root` as a `T`, or every mistake found in it.
pub fn read<T: de::DeserializeOwned>(root: &Node) -> Result<T, Vec<Mistake>> {
    let reader = Reader::default();
    // each pass that meets a new missing or unknown field adds a stand-in or a skip
    for _ in 0..=MAX_PASSES {
        reader.mistakes.borrow_mut().clear();
        let result = refusal::collecting(|| {
            let value = T::deserialize(Read::new(root, None, &reader));
            reader.refused(root, None, refusal::take());
            value
        });
        match result {
            Ok(value) if reader.mistakes.borrow().is_empty() => return Ok(value),
            Err(Error::Again) => continue,
            Err(e) => {
                reader.place(root, None, e);
                break;
            }
            Ok(_) => break,
        }
    }
    let mut mistakes = reader.mistakes.take();
    mistakes.sort_by_key(|m| (m.line, m.column));
    Err(mistakes)
}

/// Stand-ins and skips a file may need before its read is given up on.
const MAX_PASSES: usize = 200;

/// A mapping, by its line and column.
type At = (usize, usize);

#[derive(Default)]
struct Reader {
    mistakes: RefCell<Vec<Mistake>>,
    /// Required fields that mappings lack: each read gets a stand-in.
    missing: RefCell<BTreeSet<(At, &'static str)>>,
    /// Keys a type refused as unknown, with the fields it knows: each read skips them.
    unknown: RefCell<BTreeMap<(At, String), &'static [&'static str]>>,
    /// Inside a stand-in or a value already refused: what else it refuses is a consequence.
    quiet: Cell<usize>,
}

impl Reader {
    /// Keeps the first mistake found about a field at a place: one message per value.
    fn record(&self, mistake: Mistake) {
        if self.quiet.get() > 0 {
            return;
        }
        let mut mistakes = self.mistakes.borrow_mut();
        let key = |m: &Mistake| (m.line, m.column, m.field.clone());
        if !mistakes.iter().any(|m| key(m) == key(&mistake)) {
            mistakes.push(mistake);
        }
    }

    /// Records what a type refused; a blank value is worded as every blank field is, with the
    /// type's own fix.
    fn refused(&self, node: &Node, field: Option<&str>, refusals: Vec<Refusal>) {
        for r in refusals {
            self.record(match node.is_null() {
                true => Mistake::blank(node, field).fix(r.fix),
                false => Mistake::refused(node, field, r),
            });
        }
    }

    fn quietly<T>(&self, read: impl FnOnce() -> T) -> T {
        self.quiet.set(self.quiet.get() + 1);
        let value = read();
        self.quiet.set(self.quiet.get() - 1);
        value
    }

    /// Records an error that stopped a value's read at that value, once; what is above it
    /// then stops too (`Error::Placed`), keeping the mistakes found so far.
    fn place(&self, node: &Node, field: Option<&str>, e: Error) -> Error {
        match e {
            Error::Custom(text) => self.record(Mistake::unexplained(node, field, &text)),
            Error::Invalid(found) => self.record(Mistake::value(
                node,
                field,
                mistakes::wrong_kind(field, &found),
            )),
            Error::Missing(name) => self.record(Mistake::missing(node, field, name)),
            Error::Unknown(..) | Error::Again | Error::Placed => return e,
        }
        Error::Placed
    }

    /// A mapping's read ended on a missing required field, or met a key its type does not
    /// know: read the file again with a stand-in for the one, skipping the other.
    fn again<T>(&self, node: &Node, result: Result<T, Error>) -> Result<T, Error> {
        let at = (node.line, node.column);
        match result {
            Err(Error::Missing(field)) if self.missing.borrow_mut().insert((at, field)) => {
                Err(Error::Again)
            }
            Err(Error::Unknown(key, known)) => {
                self.unknown.borrow_mut().insert((at, key), known);
                Err(Error::Again)
            }
            other => other,
        }
    }

    fn stand_ins(&self, node: &Node) -> Vec<&'static str> {
        let at = (node.line, node.column);
        let missing = self.missing.borrow();
        missing
            .iter()
            .filter(|(m, _)| *m == at)
            .map(|(_, f)| *f)
            .collect()
    }

    fn known_to_be_unknown(&self, node: &Node, key: &str) -> Option<&'static [&'static str]> {
        let at = (node.line, node.column);
        self.unknown.borrow().get(&(at, key.to_string())).copied()
    }
}

#[derive(Debug)]
pub enum Error {
    Missing(&'static str),
    Unknown(String, &'static [&'static str]),
    /// A value of the wrong kind (a list for a text): what was found.
    Invalid(String),
    /// A stand-in or skip was added: start the file again.
    Again,
    /// Recorded where it happened; the read stops.
    Placed,
    Custom(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Missing(field) => write!(f, "missing field {field}"),
            Self::Unknown(key, _) => write!(f, "unknown field {key}"),
            Self::Invalid(found) => write!(f, "unexpected {found}"),
            Self::Again => f.write_str("read again"),
            Self::Placed => f.write_str("recorded"),
            Self::Custom(text) => f.write_str(text),
        }
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Self::Custom(msg.to_string())
    }

    fn missing_field(field: &'static str) -> Self {
        Self::Missing(field)
    }

    fn unknown_field(field: &str, expected: &'static [&'static str]) -> Self {
        Self::Unknown(field.to_string(), expected)
    }

    fn invalid_type(unexpected: de::Unexpected, _expected: &dyn de::Expected) -> Self {
        Self::Invalid(unexpected.to_string())
    }

    fn invalid_value(unexpected: de::Unexpected, _expected: &dyn de::Expected) -> Self {
        Self::Invalid(unexpected.to_string())
    }
}

/// The value that stands in for a missing field: blank, read quietly.
static BLANK: Node = Node {
    value: Value::Scalar {
        text: String::new(),
        plain: true,
    },
    line: 0,
    column: 0,
};

/// One value being read: the node, the field it belongs to, and whether it stands in for a
/// missing one.
struct Read<'a> {
    node: &'a Node,
    field: Option<&'a str>,
    reader: &'a Reader,
}

impl<'a> Read<'a> {
    fn new(node: &'a Node, field: Option<&'a str>, reader: &'a Reader) -> Self {
        Self {
            node,
            field,
            reader,
        }
    }

    /// Records that the value does not fit, then reads on quietly with `stand_in`.
    fn refuse<V>(self, mistake: Mistake, stand_in: impl FnOnce(Self) -> V) -> V {
        self.reader.record(mistake);
        let reader = self.reader;
        reader.quietly(|| stand_in(self))
    }

    fn whole<'de, V: Visitor<'de>>(
        self,
        visitor: V,
        max: u64,
        signed: bool,
    ) -> Result<V::Value, Error> {
        let text = match &self.node.value {
            Value::Scalar { text, .. } => text.as_str(),
            _ => "",
        };
        match mistakes::whole(self.field, text, signed, max) {
            Ok(n) if signed => visitor.visit_i64(n),
            Ok(n) => visitor.visit_u64(n.unsigned_abs()),
            Err(why) => {
                let mistake = Mistake::value(self.node, self.field, why);
                self.refuse(mistake, |_| visitor.visit_u64(0))
            }
        }
    }

    fn entries(&self, known: Option<&'static [&'static str]>) -> Entries<'a> {
        let entries: &'a [Entry] = match &self.node.value {
            Value::Map(entries) => entries,
            _ => &[],
        };
        Entries {
            node: self.node,
            last: None,
            all: entries,
            entries: entries.iter(),
            known,
            stand_ins: self.reader.stand_ins(self.node),
            value: None,
            reader: self.reader,
        }
    }

    fn visit_entries<'de, V: Visitor<'de>>(
        self,
        visitor: V,
        known: Option<&'static [&'static str]>,
    ) -> Result<V::Value, Error> {
        let entries = self.entries(known);
        let result = visitor.visit_map(entries);
        self.reader.again(self.node, result)
    }
}

impl<'de> de::Deserializer<'de> for Read<'_> {
    type Error = Error;

    /// Types that take text or a group (`can_cu`, `cuoc_bau`) read what is there; a scalar is
    /// text, as the field's own type then parses it.
    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match &self.node.value {
            _ if self.node.is_null() => visitor.visit_unit(),
            Value::Scalar { text, .. } => visitor.visit_str(text),
            Value::List(_) => self.deserialize_seq(visitor),
            Value::Map(_) => self.visit_entries(visitor, None),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.node.text().and_then(spelling::yes_no) {
            Some(answer) => visitor.visit_bool(answer),
            None => {
                let why = mistakes::not_yes_no(self.field, self.node.text().unwrap_or_default());
                let mistake = match self.node.is_null() {
                    true => Mistake::blank(self.node, self.field).fix(why.fix),
                    false => Mistake::value(self.node, self.field, why),
                };
                self.refuse(mistake, |_| visitor.visit_bool(false))
            }
        }
    }

    fn deserialize_u8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.whole(visitor, u8::MAX.into(), false)
    }
    fn deserialize_u16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.whole(visitor, u16::MAX.into(), false)
    }
    fn deserialize_u32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.whole(visitor, u32::MAX.into(), false)
    }
    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.whole(visitor, i64::MAX as u64, false)
    }
    fn deserialize_i8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.whole(visitor, i8::MAX as u64, true)
    }
    fn deserialize_i16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.whole(visitor, i16::MAX as u64, true)
    }
    fn deserialize_i32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.whole(visitor, i32::MAX as u64, true)
    }
    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.whole(visitor, i64::MAX as u64, true)
    }

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_f64(visitor)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.node.text().and_then(mistakes::decimal) {
            Some(x) => visitor.visit_f64(x),
            None => {
                let mistake = Mistake::value(
                    self.node,
                    self.field,
                    mistakes::not_decimal(self.field, self.node.text().unwrap_or_default()),
                );
                self.refuse(mistake, |_| visitor.visit_f64(0.0))
            }
        }
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match &self.node.value {
            _ if self.node.is_null() => {
                let what = format!("{}", &visitor as &dyn de::Expected);
                let mistake = Mistake::blank(self.node, self.field).example(&what);
                self.refuse(mistake, |_| visitor.visit_str(""))
            }
            Value::Scalar { text, .. } => match text.chars().find(|c| !is_xml_char(*c)) {
                None => visitor.visit_str(text),
                Some(c) => {
                    let mistake = Mistake::value(self.node, self.field, mistakes::invisible(c));
                    self.refuse(mistake, |_| visitor.visit_str(""))
                }
            },
            _ => {
                let what = format!("{}", &visitor as &dyn de::Expected);
                let why = mistakes::not_text(self.field);
                let mistake = Mistake::value(self.node, self.field, why).example(&what);
                self.refuse(mistake, |_| visitor.visit_str(""))
            }
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.node.is_null() {
            true => visitor.visit_none(),
            false => visitor.visit_some(self),
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match &self.node.value {
            Value::List(items) => visitor.visit_seq(Items {
                items: items.iter(),
                field: self.field,
                reader: self.reader,
            }),
            // nothing after the colon: no items yet
            _ if self.node.is_null() => visitor.visit_seq(Items {
                items: [].iter(),
                field: self.field,
                reader: self.reader,
            }),
            _ => {
                let why = mistakes::not_a_list(self.field, self.node);
                let mistake = Mistake::value(self.node, self.field, why);
                self.refuse(mistake, |read| {
                    visitor.visit_seq(Items {
                        items: [].iter(),
                        field: read.field,
                        reader: read.reader,
                    })
                })
            }
        }
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_struct("", &[], visitor)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        // a map (`deserialize_map`) takes any key; a struct only its fields
        let known = (!fields.is_empty()).then_some(fields);
        match &self.node.value {
            // a group with nothing after its colon has no fields yet: its required ones are
            // reported one by one
            Value::Map(_) => self.visit_entries(visitor, known),
            _ if self.node.is_null() => self.visit_entries(visitor, known),
            _ => {
                let why = mistakes::not_a_group(self.field);
                self.reader
                    .record(Mistake::value(self.node, self.field, why));
                let reader = self.reader;
                reader.quietly(|| self.visit_entries(visitor, known))
            }
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        let text = self.node.text().unwrap_or_default();
        match variants.contains(&text) {
            true => visitor.visit_enum(text.into_deserializer()),
            false => {
                let why = mistakes::not_one_of(self.field, text, variants);
                let mistake = match self.node.is_null() {
                    true => Mistake::blank(self.node, self.field).fix(why.fix.clone()),
                    false => Mistake::value(self.node, self.field, why),
                };
                let first = variants.first().copied().unwrap_or_default();
                self.refuse(mistake, |_| visitor.visit_enum(first.into_deserializer()))
            }
        }
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }
}
