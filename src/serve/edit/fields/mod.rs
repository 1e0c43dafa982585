//! The fields of a file as a form shows them, reads them and writes them back: a Markdown file's
//! front matter (`front_matter::update`) or a YAML file (`front_matter::update_yaml`), for every
//! form but the results'. A field the form has no place for, or whose value in the file is more
//! than the form can show, is left in the file as it is; so is a field the form sends unchanged,
//! which keeps the way it was written, its comments included. A map or a list is written whole
//! when any of its fields changes.

mod render;
pub mod rows;

pub use render::{Context, render, single};

use super::Typed;
use super::evaluation::Evaluation;
use super::front_matter;
use crate::diagnostics::{Bilingual, Diagnostics, Severity};
use crate::model::spelling::Spelled;
use crate::render::locale::Locale;
use crate::scaffold::yaml_text;
use serde_yaml::{Mapping, Value};
use std::path::{Path, PathBuf};

/// The field of the body: a candidate's bio, a document's text.
pub const BODY: &str = "noi_dung";

/// What a field holds, and so how it is shown and written.
#[derive(Clone, Copy)]
pub enum Kind {
    Text,
    /// A date, written as staff write it (`16/12/2024`).
    Date,
    Number,
    /// One value of a list the form's file offers (the round's contests, the site's rounds).
    Listed,
    /// One of a table's spellings, by key.
    Choice(fn(&Locale) -> Vec<(&'static str, String)>),
    YesNo,
    /// A list of texts, one per line.
    Lines,
    /// Text over several lines (Markdown), written as a block when it has more than one.
    Paragraphs,
    /// A list of maps, one row per item, these fields its columns (`rows`).
    Rows(&'static [Field]),
}

/// One field: its key in the file, its labels, what it holds, and whether it must be filled.
#[derive(Clone, Copy)]
pub struct Field {
    pub key: &'static str,
    pub vi: &'static str,
    pub en: &'static str,
    pub kind: Kind,
    pub required: bool,
}

/// The fields of one kind of file, and whether it is Markdown with a body after them (its label)
/// or YAML alone. A key with dots (`cac_buoc.niem_yet.ngay`) is a field of a map in the file.
pub struct Layout {
    pub fields: &'static [Field],
    pub body: Option<(&'static str, &'static str)>,
}

pub const fn field(
    key: &'static str,
    vi: &'static str,
    en: &'static str,
    kind: Kind,
    required: bool,
) -> Field {
    Field {
        key,
        vi,
        en,
        kind,
        required,
    }
}

/// The spellings of a table, with their labels in the language of `l`.
pub fn choices<T: Spelled>(l: &Locale) -> Vec<(&'static str, String)> {
    T::TABLE
        .iter()
        .filter(|r| r.typed)
        .map(|r| (r.key, l.of_value(r.value)))
        .collect()
}

/// The names of the form's fields, the body last.
pub fn names(layout: &Layout) -> Vec<String> {
    let body = layout.body.map(|_| BODY.to_string());
    layout
        .fields
        .iter()
        .map(|f| f.key.to_string())
        .chain(body)
        .collect()
}

/// The front matter (or the whole YAML file) and the body of `text`, line ends made LF.
fn parts(layout: &Layout, text: &str) -> Option<(String, String)> {
    let text = text.replace("\r\n", "\n");
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    match layout.body {
        Some(_) => front_matter::split(text).map(|(f, b)| (f.to_string(), b.to_string())),
        None => Some((text.to_string(), String::new())),
    }
}

/// Whether the form takes a field named `name` from what the browser sends: one of the
/// layout's, the body, or a cell of its rows.
pub fn takes(layout: &Layout, name: &str) -> bool {
    (layout.body.is_some() && name == BODY)
        || layout.fields.iter().any(|f| match f.kind {
            Kind::Rows(columns) => rows::takes(f.key, columns, name),
            _ => f.key == name,
        })
}

/// The value at a dotted key of a mapping. A place written as its name alone (`tinh: Tỉnh Mới`)
/// is that name's `ten`.
fn at<'v>(values: &'v Mapping, key: &str) -> Option<&'v Value> {
    let mut parts = key.split('.');
    let mut value = values.get(parts.next()?)?;
    for part in parts {
        value = match value {
            Value::String(_) if part == "ten" => value,
            _ => value.as_mapping()?.get(part)?,
        };
    }
    Some(value)
}

/// What the form shows for a file as it is: its values as text, by key, and its body; a field
/// whose value the form cannot show is left out, and so left as it is in the file. `None` when
/// the file cannot be read as its layout says (`check` says why).
pub fn typed_from_file(layout: &Layout, text: &str) -> Option<Typed> {
    let (front, body) = parts(layout, text)?;
    let values: Mapping = match serde_yaml::from_str::<Value>(&front).ok()? {
        Value::Mapping(m) => m,
        Value::Null => Mapping::new(),
        _ => return None,
    };
    let mut typed = Typed::new();
    for f in layout.fields {
        if let Kind::Rows(columns) = f.kind {
            if let Some(found) = rows::read(columns, at(&values, f.key)) {
                rows::put(&mut typed, f.key, columns, &found);
            }
            continue;
        }
        let value = match at(&values, f.key) {
            // an input holds one line: a text over several is left in the file as it is
            Some(Value::String(s)) if s.contains('\n') && !matches!(f.kind, Kind::Paragraphs) => {
                continue;
            }
            Some(Value::String(s)) => s.clone(),
            Some(Value::Number(n)) => n.to_string(),
            Some(Value::Bool(b)) => b.to_string(),
            Some(Value::Sequence(items)) => {
                let lines: Option<Vec<&str>> = items
                    .iter()
                    .map(|i| i.as_str().filter(|l| !l.contains('\n')))
                    .collect();
                match lines {
                    Some(lines) => lines.join("\n"),
                    None => continue,
                }
            }
            None | Some(Value::Null) => String::new(),
            Some(_) => continue,
        };
        typed.insert(f.key.to_string(), value);
    }
    if layout.body.is_some() {
        typed.insert(BODY.to_string(), body);
    }
    Some(typed)
}

/// The fields the form shows for a file: those [`typed_from_file`] could read.
pub fn shown<'f>(fields: &'f [Field], typed: &Typed) -> impl Iterator<Item = &'f Field> {
    fields.iter().filter(|f| typed.contains_key(f.key))
}

/// A top-level key's written values, by dotted key, and whether any of them changed.
type Group<'k> = (&'k str, Vec<(&'k str, String)>, bool);

/// `text` (the file there is, or the scaffold's for a new one) with `typed`'s values written into
/// it, or the problems of the fields that cannot be written.
pub fn file_text(
    layout: &Layout,
    text: &str,
    typed: &Typed,
) -> Result<String, Vec<(String, Bilingual)>> {
    let mut problems = Vec::new();
    // what the file says now: a group of fields sent as they are there is left as written
    let before = typed_from_file(layout, text).unwrap_or_default();
    // each top-level key, with its value or, for a map, its fields' values by dotted key, and
    // whether any of them changed
    let mut values: Vec<Group> = Vec::new();
    for f in layout.fields {
        let (written, changed) = if let Kind::Rows(columns) = f.kind {
            if rows::count(typed, f.key).is_none() {
                continue;
            }
            let rows = rows::filled(typed, f.key, columns);
            let changed =
                !before.contains_key(f.key) || rows != rows::filled(&before, f.key, columns);
            (rows::block(columns, &rows), changed)
        } else {
            // a field the form did not send (one it could not show) stays as it is in the file
            let Some(value) = typed.get(f.key).map(|v| v.trim()) else {
                continue;
            };
            let changed = before.get(f.key).is_none_or(|b| !same_text(b, value));
            let written = match f.kind {
                Kind::Lines => lines(value),
                _ if value.is_empty() => String::new(),
                Kind::Number if value.parse::<u32>().is_err() => {
                    problems.push((
                        f.key.to_string(),
                        Bilingual::new(
                            format!("“{value}” không phải là một số nguyên không âm."),
                            format!("“{value}” is not a whole number."),
                        ),
                    ));
                    continue;
                }
                Kind::Number => value.to_string(),
                // quoted where YAML would read an id otherwise (`2022` as a number)
                Kind::Listed | Kind::Choice(_) => yaml_text(value),
                Kind::YesNo => (value == "true").to_string(),
                Kind::Text | Kind::Date => yaml_text(value),
                Kind::Paragraphs => paragraphs(value),
                Kind::Rows(_) => continue,
            };
            (written, changed)
        };
        let top = f.key.split('.').next().unwrap_or(f.key);
        match values.iter_mut().find(|(k, _, _)| *k == top) {
            Some((_, parts, any)) => {
                parts.push((f.key, written));
                *any |= changed;
            }
            None => values.push((top, vec![(f.key, written)], changed)),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let values: Vec<(&str, String)> = values
        .into_iter()
        .filter(|(_, _, changed)| *changed)
        .map(|(top, parts, _)| match parts.as_slice() {
            [(key, value)] if *key == top => (top, value.clone()),
            _ => (top, map_block(top, &parts)),
        })
        .collect();
    let unreadable = || {
        vec![(
            String::new(),
            Bilingual::new(
                "Tệp không có phần đầu giữa hai dòng --- nên không sửa bằng biểu mẫu được: sửa tệp trong trình soạn thảo.",
                "The file has no front matter between --- lines, so the form cannot edit it: edit the file in an editor.",
            ),
        )]
    };
    let original = text;
    let text = text.replace("\r\n", "\n");
    let written = match layout.body {
        Some(_) => {
            // a body not sent stays as it is
            let body = match typed.get(BODY) {
                Some(body) => body.clone(),
                None => front_matter::split(&text).map_or_else(String::new, |(_, b)| b.to_string()),
            };
            front_matter::update(&text, &values, &body).ok_or_else(unreadable)?
        }
        None => front_matter::update_yaml(&text, &values),
    };
    Ok(front_matter::like(original, &written))
}

/// Whether a value as typed says what the file's says: the same text once line ends, the
/// spaces at the ends of lines and around the whole are set aside.
fn same_text(file: &str, typed: &str) -> bool {
    let lines = |t: &str| {
        t.replace("\r\n", "\n")
            .trim()
            .lines()
            .map(|l| l.trim_end().to_string())
            .collect::<Vec<_>>()
    };
    lines(file) == lines(typed)
}

/// The block of a map whose fields have dotted keys under `top`: a line per second-level key
/// with a value, or a group when it is a map itself, in the order of the fields; nothing when
/// every field is blank.
fn map_block(top: &str, parts: &[(&str, String)]) -> String {
    let mut groups: Vec<(&str, Vec<(&str, &str)>)> = Vec::new();
    for (key, value) in parts.iter().filter(|(_, v)| !v.is_empty()) {
        let mut names = key
            .strip_prefix(top)
            .unwrap_or(key)
            .trim_start_matches('.')
            .split('.');
        let (group, leaf) = (
            names.next().unwrap_or_default(),
            names.next().unwrap_or_default(),
        );
        match groups.iter_mut().find(|(g, _)| *g == group) {
            Some((_, leaves)) => leaves.push((leaf, value)),
            None => groups.push((group, vec![(leaf, value)])),
        }
    }
    let mut block = String::new();
    for (group, leaves) in groups {
        // a field of the map itself (`tinh.ten`), or a map in it (`cac_buoc.niem_yet.ngay`)
        if let [("", value)] = leaves.as_slice() {
            block.push_str(&format!("\n  {group}: {value}"));
            continue;
        }
        block.push_str(&format!("\n  {group}:"));
        for (leaf, value) in leaves {
            block.push_str(&format!("\n    {leaf}: {value}"));
        }
    }
    block
}

/// Text over several lines as a YAML literal block (`|` and the lines indented), or as one
/// value when it is a single line.
fn paragraphs(text: &str) -> String {
    let text = text.replace("\r\n", "\n");
    if !text.contains('\n') {
        return yaml_text(&text);
    }
    let mut block = String::from("|");
    for line in text.lines() {
        block.push('\n');
        if !line.trim().is_empty() {
            block.push_str("  ");
            block.push_str(line.trim_end());
        }
    }
    block
}

/// A list of texts as a YAML block list (`[]` when empty), to follow `key:`.
fn lines(text: &str) -> String {
    let items: Vec<String> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| format!("\n  - {}", yaml_text(l)))
        .collect();
    if items.is_empty() {
        "[]".to_string()
    } else {
        items.concat()
    }
}

/// The problems `check` found in the file at `rel`, written from `typed`, by field: the cell of
/// the row a line is in, a key the form has (or the first field of the map it names), the body
/// for what is in the body, the form as a whole for the rest.
pub fn problems_of(
    layout: &Layout,
    found: &Diagnostics,
    rel: &Path,
    text: &str,
    typed: &Typed,
) -> Vec<(String, Severity, Bilingual)> {
    let (front, body) = parts(layout, text).unwrap_or_default();
    let body_from = text.lines().count() - body.lines().count().min(text.lines().count());
    // the line numbers of the front matter start after its `---`
    let front_from = usize::from(layout.body.is_some());
    let cell = |line: usize| {
        layout.fields.iter().find_map(|f| {
            let Kind::Rows(columns) = f.kind else {
                return None;
            };
            let (item, named) = rows::at_line(&front, f.key, line.checked_sub(front_from)?)?;
            let row = rows::filled(typed, f.key, columns).get(item)?.0;
            let column = columns
                .iter()
                .find(|c| named.as_deref() == Some(c.key))
                .unwrap_or(&columns[0]);
            Some(rows::cell(f.key, row, column.key))
        })
    };
    found
        .iter()
        .filter(|d| d.path == rel)
        .map(|d| {
            let named = d.field.as_deref().unwrap_or_default();
            let field = d
                .line
                .and_then(cell)
                .or_else(|| {
                    layout
                        .fields
                        .iter()
                        .find(|f| f.key == named)
                        .map(|f| f.key.to_string())
                })
                .or_else(|| {
                    let top = named.split('.').next().unwrap_or_default();
                    layout
                        .fields
                        .iter()
                        .find(|f| {
                            !top.is_empty()
                                && (f.key == top || f.key.starts_with(&format!("{top}.")))
                        })
                        .map(|f| f.key.to_string())
                });
            let field = match field {
                Some(key) => key,
                None if layout.body.is_some() && d.line.is_some_and(|l| l > body_from) => {
                    BODY.to_string()
                }
                None => String::new(),
            };
            (field, d.severity, d.message.clone())
        })
        .collect()
}

/// The text a form's values are written into, and where: the file `existing` when the form edits
/// one, else the scaffold's new file (`made`), which must not be there yet; an error is about
/// `name_field`, the field the new file is named after.
pub fn base(
    content: &Path,
    existing: Option<PathBuf>,
    name_field: &str,
    made: impl FnOnce() -> Result<(PathBuf, String), Bilingual>,
) -> Result<(PathBuf, String), (String, Bilingual)> {
    if let Some(rel) = existing {
        return std::fs::read_to_string(content.join(&rel))
            .map(|text| (rel, text))
            .map_err(|e| {
                (
                    String::new(),
                    Bilingual::new(
                        format!("Không đọc được tệp: {e}"),
                        format!("Cannot read the file: {e}"),
                    ),
                )
            });
    }
    let (rel, text) = made().map_err(|e| (name_field.to_string(), e))?;
    if content.join(&rel).exists() {
        let shown = rel.display().to_string().replace('\\', "/");
        return Err((
            name_field.to_string(),
            Bilingual::new(
                format!("Đã có tệp {shown} cùng tên: mở trang của nó để sửa, hoặc đặt tên khác."),
                format!(
                    "{shown} already exists with this name: open its page to edit it, or give another name."
                ),
            ),
        ));
    }
    Ok((rel, text))
}

/// What a form shows when opened on the file `existing` (none for a new file), and what is
/// wrong with it.
pub fn opened(
    layout: &Layout,
    content: &Path,
    existing: Option<PathBuf>,
    evaluate: impl FnOnce(&Typed) -> Evaluation,
) -> (Typed, Evaluation) {
    let Some(rel) = existing else {
        // a new file: every field, blank
        let blank = names(layout).into_iter().map(|n| (n, String::new()));
        return (blank.collect(), Evaluation::empty());
    };
    let text = std::fs::read_to_string(content.join(&rel)).unwrap_or_default();
    match typed_from_file(layout, &text) {
        Some(typed) => {
            let evaluation = evaluate(&typed);
            (typed, evaluation)
        }
        None => {
            let mut evaluation = Evaluation::empty();
            evaluation.problems.push((
                String::new(),
                Severity::Error,
                Bilingual::new(
                    "Không đọc được tệp: chạy niemyet check để xem lỗi ở dòng nào và sửa trong trình soạn thảo.",
                    "The file cannot be read: run niemyet check to see the line, and fix it in an editor.",
                ),
            ));
            (Typed::new(), evaluation)
        }
    }
}

/// `typed` written into `base` and checked as the build checks it, as if saved there.
pub fn evaluate(
    layout: &Layout,
    content: &Path,
    base: Result<(PathBuf, String), (String, Bilingual)>,
    typed: &Typed,
) -> Evaluation {
    let mut evaluation = Evaluation::empty();
    let (rel, base) = match base {
        Ok(found) => found,
        Err((field, why)) => {
            evaluation.problems.push((field, Severity::Error, why));
            return evaluation;
        }
    };
    match file_text(layout, &base, typed) {
        Ok(text) => {
            // checked as the loader reads it: LF line ends, no byte-order mark
            let read = text.replace("\r\n", "\n");
            let read = read.trim_start_matches('\u{feff}').to_string();
            let (_, found) = crate::check_as_saved(content, &rel, read.clone());
            evaluation.problems = problems_of(layout, &found, &rel, &read, typed);
            evaluation
                .problems
                .extend(super::evaluation::elsewhere(content, &rel, &found));
            evaluation.file = Some((rel, text));
        }
        Err(problems) => {
            evaluation.problems = problems
                .into_iter()
                .map(|(f, m)| (f, Severity::Error, m))
                .collect();
        }
    }
    evaluation
}
