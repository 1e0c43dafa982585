//! What an import tells staff, grouped by kind: a sheet of 100,000 rows with one mistake
//! repeated on every row shows the first few rows of that kind and how many more there are,
//! not 100,000 lines.

use crate::diagnostics::Bilingual;
use crate::render::format::NumberStyle;
use std::collections::HashMap;

/// How many messages of one kind are shown; the rest are counted.
pub const SHOWN: usize = 10;

/// One message and its kind: messages of one kind say the same thing about different rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub kind: String,
    pub text: Bilingual,
}

impl Message {
    pub fn new(kind: impl Into<String>, text: Bilingual) -> Self {
        Self {
            kind: kind.into(),
            text,
        }
    }
}

/// A message about the whole sheet, alone of its kind.
impl From<Bilingual> for Message {
    fn from(text: Bilingual) -> Self {
        Self {
            kind: text.en.clone(),
            text,
        }
    }
}

/// Messages in the order they were found, the first [`SHOWN`] of each kind kept.
#[derive(Debug, Default)]
pub struct Messages {
    groups: Vec<Group>,
    by_kind: HashMap<String, usize>,
    total: usize,
}

#[derive(Debug)]
struct Group {
    shown: Vec<Bilingual>,
    hidden: usize,
}

impl Messages {
    pub fn push(&mut self, message: impl Into<Message>) {
        let Message { kind, text } = message.into();
        self.total += 1;
        match self.by_kind.get(&kind) {
            Some(&i) if self.groups[i].shown.len() < SHOWN => self.groups[i].shown.push(text),
            Some(&i) => self.groups[i].hidden += 1,
            None => {
                self.by_kind.insert(kind, self.groups.len());
                self.groups.push(Group {
                    shown: vec![text],
                    hidden: 0,
                });
            }
        }
    }

    /// How many messages there were, shown or not.
    pub fn len(&self) -> usize {
        self.total
    }

    pub fn is_empty(&self) -> bool {
        self.total == 0
    }

    /// The lines to print: each kind in the order it was first found, its first messages, then
    /// `… and 99,990 more like this`.
    pub fn lines(&self) -> Vec<Bilingual> {
        let mut lines = Vec::new();
        for group in &self.groups {
            lines.extend(group.shown.iter().cloned());
            if group.hidden > 0 {
                let n = group.hidden as u64;
                let (vi, en) = (
                    NumberStyle::VI.number(n),
                    NumberStyle {
                        thousands: ",",
                        decimal: ".",
                    }
                    .number(n),
                );
                lines.push(Bilingual::new(
                    format!("… và {vi} trường hợp khác giống vậy"),
                    format!("… and {en} more like this"),
                ));
            }
        }
        lines
    }
}

impl From<Message> for Messages {
    fn from(message: Message) -> Self {
        let mut messages = Self::default();
        messages.push(message);
        messages
    }
}

impl From<Bilingual> for Messages {
    fn from(text: Bilingual) -> Self {
        Message::from(text).into()
    }
}

impl Extend<Message> for Messages {
    fn extend<I: IntoIterator<Item = Message>>(&mut self, messages: I) {
        for m in messages {
            self.push(m);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(kind: &str, n: usize) -> Message {
        Message::new(
            kind,
            Bilingual::new(format!("Dòng {n}: {kind}"), format!("Row {n}: {kind}")),
        )
    }

    #[test]
    fn the_first_of_each_kind_are_shown_and_the_rest_counted() {
        let mut messages = Messages::default();
        for n in 2..100_002 {
            messages.push(row("year", n));
            if n % 2 == 0 {
                messages.push(row("gender", n));
            }
        }
        messages.push(Bilingual::new("Thiếu cột", "Missing column"));
        assert_eq!(messages.len(), 150_001);
        let lines: Vec<String> = messages.lines().into_iter().map(|b| b.en).collect();
        assert_eq!(lines.len(), 2 * (SHOWN + 1) + 1, "{lines:#?}");
        assert_eq!(lines[0], "Row 2: year");
        assert_eq!(lines[SHOWN - 1], "Row 11: year");
        assert_eq!(lines[SHOWN], "… and 99,990 more like this");
        assert_eq!(lines[SHOWN + 1], "Row 2: gender");
        assert_eq!(lines[2 * SHOWN + 1], "… and 49,990 more like this");
        assert_eq!(lines[2 * SHOWN + 2], "Missing column");
        assert_eq!(
            messages.lines()[SHOWN].vi,
            "… và 99.990 trường hợp khác giống vậy"
        );
    }

    #[test]
    fn a_few_messages_are_all_shown_in_order() {
        let mut messages = Messages::default();
        messages.extend([row("a", 2), row("b", 2), row("a", 3)]);
        let lines: Vec<String> = messages.lines().into_iter().map(|b| b.en).collect();
        assert_eq!(lines, ["Row 2: a", "Row 3: a", "Row 2: b"]);
    }
}
