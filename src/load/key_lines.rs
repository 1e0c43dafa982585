//! Where the keys and list items of a file are written, found in one reading of it: checks that
//! point at a line ask for the line of every contest, vote line or step of a file, and searching
//! the text each time read a file of thousands of lines thousands of times.

use super::{key_value, unquote};
use std::collections::HashMap;

/// The 1-based lines, ascending, of each key, each `key: value`, each top-level key and each
/// list item `- value` of a text, as [`SourceFile`](super::SourceFile)'s searches read them.
#[derive(Debug, Default)]
pub struct KeyLines {
    keys: HashMap<Box<str>, Vec<usize>>,
    values: HashMap<Box<str>, HashMap<Box<str>, Vec<usize>>>,
    top: HashMap<Box<str>, usize>,
    items: HashMap<Box<str>, Vec<usize>>,
}

impl KeyLines {
    pub fn new(text: &str) -> Self {
        let mut found = Self::default();
        for (i, line) in text.lines().enumerate() {
            let n = i + 1;
            if let Some((key, value)) = key_value(line) {
                push(&mut found.keys, key, n);
                match found.values.get_mut(key) {
                    Some(values) => push(values, value, n),
                    None => {
                        let values = HashMap::from([(value.into(), vec![n])]);
                        found.values.insert(key.into(), values);
                    }
                }
                if !line.starts_with([' ', '\t', '-']) && !found.top.contains_key(key) {
                    found.top.insert(key.into(), n);
                }
            }
            if let Some(item) = line.trim_start().strip_prefix("- ") {
                push(&mut found.items, unquote(item), n);
            }
        }
        found
    }

    /// [`SourceFile::line_of`](super::SourceFile::line_of).
    pub fn line_of(&self, key: &str, value: Option<&str>, from: usize) -> Option<usize> {
        let lines = match value {
            None => self.keys.get(key),
            Some(value) => self.values.get(key).and_then(|v| v.get(value)),
        };
        at_or_after(lines?, from)
    }

    /// [`SourceFile::line_of_item`](super::SourceFile::line_of_item).
    pub fn line_of_item(&self, value: &str, from: usize) -> Option<usize> {
        at_or_after(self.items.get(value)?, from)
    }

    /// [`SourceFile::line_of_top`](super::SourceFile::line_of_top).
    pub fn line_of_top(&self, key: &str) -> Option<usize> {
        self.top.get(key).copied()
    }
}

/// Adds line `n` to the lines of `key`: a key is copied once, when it is new, not once per line
/// it is on.
fn push(map: &mut HashMap<Box<str>, Vec<usize>>, key: &str, n: usize) {
    match map.get_mut(key) {
        Some(lines) => lines.push(n),
        None => {
            map.insert(key.into(), vec![n]);
        }
    }
}

/// The first of `lines` (ascending) at or after line `from`.
fn at_or_after(lines: &[usize], from: usize) -> Option<usize> {
    lines.get(lines.partition_point(|&n| n < from)).copied()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::SourceFile;

    /// Every search of the index agrees with the search of the text it replaces, for every key,
    /// value and item the text holds (and a few it does not), from every line.
    fn agrees(text: &str) {
        let file = SourceFile {
            rel: "x.yaml".into(),
            abs: "x.yaml".into(),
            text: text.into(),
        };
        let index = KeyLines::new(text);
        let mut words: Vec<&str> = vec!["", "a", "missing", "khu-1", "ten"];
        for line in text.lines() {
            if let Some((k, v)) = key_value(line) {
                words.extend([k, v]);
            }
            if let Some(item) = line.trim_start().strip_prefix("- ") {
                words.push(unquote(item));
            }
        }
        let count = text.lines().count();
        for from in 0..=count + 2 {
            for key in &words {
                assert_eq!(
                    index.line_of(key, None, from),
                    file.line_of(key, None, from),
                    "{text:?} {key} from {from}"
                );
                for value in &words {
                    assert_eq!(
                        index.line_of(key, Some(value), from),
                        file.line_of(key, Some(value), from),
                        "{text:?} {key}: {value} from {from}"
                    );
                }
                assert_eq!(
                    index.line_of_item(key, from),
                    file.line_of_item(key, from),
                    "{text:?} - {key} from {from}"
                );
            }
        }
        for key in &words {
            assert_eq!(index.line_of_top(key), file.line_of_top(key), "{key}");
        }
    }

    #[test]
    fn finds_what_the_text_search_finds() {
        agrees(
            "ten: A\ncuoc_bau:\n  - khu_dan_cu: khu-1\n  - khu_dan_cu: \"khu-10\"  # mới\n  - khu-2\n",
        );
        // the same key at several depths and a repeated item: the first at or after `from`
        agrees("khu-1:\n  ten: A\nkhu-2:\n  ten: B\n  ten: A\n- khu-1\n- 'khu-1'\n");
        // CRLF read as `lines()` reads it, a last line without a newline, a BOM left in
        agrees("ten: A\r\nb: 1\r\n  - x\r\nten: B");
        agrees("\u{FEFF}ten: A\nten: B\n");
        agrees("");
        agrees("\n\n- \n-  a\n  -a: 1\n- ma: # khu-2\n\t- b: c\n");
    }
}
