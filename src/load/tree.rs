//! YAML read into a tree that remembers where each value was typed: the line and column of
//! every key and value, so that a mistake in any field is reported where it is, and every
//! mistake of a file in one run (see `load::de`).
//!
//! The one place that calls the YAML parser (`saphyr-parser`). Its syntax errors are explained
//! by `load::syntax`.

use saphyr_parser::{Event, Parser, ScalarStyle, ScanError};
use std::collections::HashMap;

/// A value and where it starts (1-based line and column of the file).
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub value: Value,
    pub line: usize,
    pub column: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// Text as typed; `plain` when written without quotes, so that `~`, `null` or nothing
    /// mean "blank" and `"~"` means the text.
    Scalar {
        text: String,
        plain: bool,
    },
    List(Vec<Node>),
    Map(Vec<Entry>),
}

/// `key: value` in a mapping.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub key: Node,
    pub value: Node,
}

impl Entry {
    /// The key as text (a key written as a list or mapping reads as empty).
    pub fn name(&self) -> &str {
        match &self.key.value {
            Value::Scalar { text, .. } => text,
            _ => "",
        }
    }
}

impl Node {
    /// Nothing after the colon, `~` or `null`, unquoted.
    pub fn is_null(&self) -> bool {
        matches!(&self.value, Value::Scalar { text, plain: true }
            if matches!(text.as_str(), "" | "~" | "null" | "Null" | "NULL"))
    }

    /// The text of a scalar.
    pub fn text(&self) -> Option<&str> {
        match &self.value {
            Value::Scalar { text, .. } => Some(text),
            _ => None,
        }
    }
}

/// Values a file may hold, each use of an alias (`*name`) counted in full: far above any real
/// file, far below what a “billion laughs” would make of a few lines.
pub const MAX_VALUES: usize = 100_000;

/// Nesting deeper than this is refused: no field needs more than a few levels, and the
/// readers that walk the tree recurse.
pub const MAX_DEPTH: usize = 64;

/// Why the text could not be read as a tree.
#[derive(Debug, Clone, PartialEq)]
pub enum Broken {
    /// The parser's own error, at a 1-based line and column of the file.
    Syntax {
        info: String,
        line: usize,
        column: usize,
    },
    /// More than `MAX_VALUES` once aliases are expanded; the line of the first alias.
    TooManyValues {
        line: usize,
    },
    TooDeep {
        line: usize,
    },
    /// A second document (`---` or `...` inside the data) at this line.
    SecondDocument {
        line: usize,
    },
}

/// A key written twice in one mapping: the first stays, the second is reported here.
#[derive(Debug, Clone, PartialEq)]
pub struct Repeated {
    pub key: String,
    pub line: usize,
    pub column: usize,
    pub first_line: usize,
}

/// The tree of `yaml` (which starts at line `first_line` of its file), `None` for a file with
/// no data, with the keys written twice.
pub fn read(yaml: &str, first_line: usize) -> Result<(Option<Node>, Vec<Repeated>), Broken> {
    let mut builder = Builder {
        first_line,
        stack: Vec::new(),
        root: None,
        anchors: HashMap::new(),
        values: 0,
        first_alias: None,
        repeated: Vec::new(),
        documents: 0,
    };
    let mut parser = Parser::new_from_str(yaml);
    while let Some(event) = parser.next_event() {
        let (event, span) = event.map_err(|e| builder.syntax(&e))?;
        let (line, column) = builder.position(span.start.line(), span.start.col());
        if builder.handle(event, line, column)? {
            break;
        }
    }
    Ok((builder.root, builder.repeated))
}

enum Frame {
    List {
        items: Vec<Node>,
        line: usize,
        column: usize,
        anchor: usize,
    },
    Map {
        entries: Vec<Entry>,
        key: Option<Node>,
        line: usize,
        column: usize,
        anchor: usize,
    },
}

struct Builder {
    first_line: usize,
    stack: Vec<Frame>,
    root: Option<Node>,
    anchors: HashMap<usize, Node>,
    values: usize,
    first_alias: Option<usize>,
    repeated: Vec<Repeated>,
    documents: usize,
}

impl Builder {
    fn position(&self, line: usize, column: usize) -> (usize, usize) {
        (line + self.first_line - 1, column + 1)
    }

    fn syntax(&self, e: &ScanError) -> Broken {
        let (line, column) = self.position(e.marker().line(), e.marker().col());
        // the parser's own depth limit, met before ours in flow brackets
        if e.info().contains("recursion limit") {
            return Broken::TooDeep { line };
        }
        Broken::Syntax {
            info: e.info().to_string(),
            line,
            column,
        }
    }

    /// Takes one event; true at the end of the stream.
    fn handle(&mut self, event: Event, line: usize, column: usize) -> Result<bool, Broken> {
        match event {
            Event::StreamEnd => return Ok(true),
            Event::DocumentStart(_) => {
                self.documents += 1;
                if self.documents > 1 {
                    return Err(Broken::SecondDocument { line });
                }
            }
            Event::StreamStart | Event::DocumentEnd | Event::Nothing => {}
            Event::Scalar(text, style, anchor, _) => {
                let plain = style == ScalarStyle::Plain;
                let node = Node {
                    value: Value::Scalar {
                        text: text.into_owned(),
                        plain,
                    },
                    line,
                    column,
                };
                self.count(1, line)?;
                self.remember(anchor, &node);
                self.place(node);
            }
            Event::Alias(anchor) => {
                self.first_alias.get_or_insert(line);
                let Some(target) = self.anchors.get(&anchor) else {
                    return Err(Broken::Syntax {
                        info: "unknown anchor".into(),
                        line,
                        column,
                    });
                };
                let mut node = target.clone();
                let size = size(&node);
                self.count(size, line)?;
                node.line = line;
                node.column = column;
                self.place(node);
            }
            Event::SequenceStart(anchor, _) => {
                self.open(line)?;
                self.stack.push(Frame::List {
                    items: Vec::new(),
                    line,
                    column,
                    anchor,
                });
            }
            Event::MappingStart(anchor, _) => {
                self.open(line)?;
                self.stack.push(Frame::Map {
                    entries: Vec::new(),
                    key: None,
                    line,
                    column,
                    anchor,
                });
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let node = match self.stack.pop() {
                    Some(Frame::List {
                        items,
                        line,
                        column,
                        anchor,
                    }) => (
                        Node {
                            value: Value::List(items),
                            line,
                            column,
                        },
                        anchor,
                    ),
                    Some(Frame::Map {
                        entries,
                        line,
                        column,
                        anchor,
                        ..
                    }) => (
                        Node {
                            value: Value::Map(entries),
                            line,
                            column,
                        },
                        anchor,
                    ),
                    None => return Ok(false),
                };
                self.remember(node.1, &node.0);
                self.place(node.0);
            }
        }
        Ok(false)
    }

    fn open(&mut self, line: usize) -> Result<(), Broken> {
        self.count(1, line)?;
        match self.stack.len() >= MAX_DEPTH {
            true => Err(Broken::TooDeep { line }),
            false => Ok(()),
        }
    }

    fn count(&mut self, values: usize, line: usize) -> Result<(), Broken> {
        self.values += values;
        match self.values > MAX_VALUES {
            true => Err(Broken::TooManyValues {
                line: self.first_alias.unwrap_or(line),
            }),
            false => Ok(()),
        }
    }

    fn remember(&mut self, anchor: usize, node: &Node) {
        if anchor != 0 {
            self.anchors.insert(anchor, node.clone());
        }
    }

    /// Puts a finished value where it belongs: the root, a list item, a key or a key's value.
    fn place(&mut self, node: Node) {
        match self.stack.last_mut() {
            None => self.root = Some(node),
            Some(Frame::List { items, .. }) => items.push(node),
            Some(Frame::Map { entries, key, .. }) => match key.take() {
                None => *key = Some(node),
                Some(k) => {
                    let entry = Entry {
                        key: k,
                        value: node,
                    };
                    let first = entries.iter().find(|e| e.name() == entry.name());
                    match first {
                        Some(first) => self.repeated.push(Repeated {
                            key: entry.name().to_string(),
                            line: entry.key.line,
                            column: entry.key.column,
                            first_line: first.key.line,
                        }),
                        None => entries.push(entry),
                    }
                }
            },
        }
    }
}

/// The values in `node`, itself included.
fn size(node: &Node) -> usize {
    1 + match &node.value {
        Value::Scalar { .. } => 0,
        Value::List(items) => items.iter().map(size).sum(),
        Value::Map(entries) => entries.iter().map(|e| size(&e.key) + size(&e.value)).sum(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(yaml: &str) -> Node {
        read(yaml, 1).unwrap().0.unwrap()
    }

    fn entries(node: &Node) -> &[Entry] {
        match &node.value {
            Value::Map(entries) => entries,
            other => panic!("not a map: {other:?}"),
        }
    }

    #[test]
    fn keys_and_values_keep_their_line_and_column() {
        let root = tree("ho_ten: An\nds:\n  - ten: B\n    tuoi: \"3\"\n");
        let e = entries(&root);
        assert_eq!((e[0].key.line, e[0].key.column), (1, 1));
        assert_eq!((e[0].value.line, e[0].value.column), (1, 9));
        let Value::List(items) = &e[1].value.value else {
            panic!()
        };
        let inner = entries(&items[0]);
        assert_eq!((inner[1].key.line, inner[1].key.column), (4, 5));
        assert_eq!(
            inner[1].value.value,
            Value::Scalar {
                text: "3".into(),
                plain: false
            }
        );
    }

    #[test]
    fn lines_count_from_where_the_data_starts_in_its_file() {
        let root = read("a: 1\nb: 2\n", 5).unwrap().0.unwrap();
        assert_eq!(entries(&root)[1].key.line, 6);
    }

    #[test]
    fn nothing_after_the_colon_is_null_on_the_key_line() {
        let root = tree("a:\nb: ~\nc: \"~\"\n");
        let e = entries(&root);
        assert!(e[0].value.is_null() && e[1].value.is_null() && !e[2].value.is_null());
        assert_eq!(e[0].value.line, 1);
    }

    #[test]
    fn a_key_written_twice_is_kept_once_and_reported_where_repeated() {
        let (root, repeated) = read("a: 1\nb: 2\na: 3\n", 1).unwrap();
        assert_eq!(entries(&root.unwrap()).len(), 2);
        assert_eq!(
            repeated,
            vec![Repeated {
                key: "a".into(),
                line: 3,
                column: 1,
                first_line: 1
            }]
        );
    }

    #[test]
    fn aliases_are_expanded_within_a_budget() {
        let root = tree("a: &x [1, 2]\nb: *x\n");
        assert_eq!(entries(&root)[1].value.line, 2);
        let votes: Vec<String> = (0..400).map(|i| format!("u{i}: 1")).collect();
        let mut yaml = format!("a: &c {{{}}}\n", votes.join(", "));
        for i in 0..1000 {
            yaml.push_str(&format!("k{i}: *c\n"));
        }
        assert_eq!(read(&yaml, 3), Err(Broken::TooManyValues { line: 4 }));
    }

    #[test]
    fn deep_nesting_and_second_documents_are_refused() {
        let deep = format!("a: {}{}\n", "[".repeat(10_000), "]".repeat(10_000));
        assert!(matches!(read(&deep, 1), Err(Broken::TooDeep { line: 1 })));
        assert_eq!(
            read("a: 1\n---\nb: 2\n", 1),
            Err(Broken::SecondDocument { line: 2 })
        );
    }

    #[test]
    fn empty_data_has_no_tree() {
        assert_eq!(read("# chỉ có chú thích\n", 1).unwrap().0, None);
    }
}
