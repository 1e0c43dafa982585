//! A list of maps edited as rows of cells: a commune's villages (`khu_dan_cu`), a round's
//! contests (`cuoc_bau`). The form sends the number of rows it showed under the field's key and
//! each cell as `key.row.column`; a row left blank is not written, and a few blank rows follow
//! the last, so that a village is added by filling one in (and "Check" brings more).

use super::{Field, Typed};
use crate::scaffold::yaml_text;
use serde_yaml::Value;

/// Blank rows shown after the last filled one.
pub const BLANK_ROWS: usize = 3;
/// The most rows a form takes: a commune has at most a few hundred villages.
pub const MAX_ROWS: usize = 2000;

/// The id (and form name) of a cell.
pub fn cell(key: &str, row: usize, column: &str) -> String {
    format!("{key}.{row}.{column}")
}

/// Whether `name` is a cell of the rows field `key`, or its count.
pub fn takes(key: &str, columns: &[Field], name: &str) -> bool {
    let Some(rest) = name.strip_prefix(key) else {
        return false;
    };
    if rest.is_empty() {
        return true;
    }
    let mut parts = rest.strip_prefix('.').unwrap_or_default().splitn(2, '.');
    let row = parts.next().and_then(|r| r.parse::<usize>().ok());
    let column = parts.next().unwrap_or_default();
    row.is_some_and(|r| r < MAX_ROWS) && columns.iter().any(|c| c.key == column)
}

/// The rows of a YAML list as text, one cell per column; an item written as a value alone
/// (`- thon-1`) is its first column, and a key the columns lack but left blank is nothing.
/// `None` when an item has more than the columns can show (a value under a key they lack, a
/// map, a text over several lines) or there are more items than a form takes: such a list stays
/// as it is in the file.
pub fn read(columns: &[Field], value: Option<&Value>) -> Option<Vec<Vec<String>>> {
    let items = match value {
        None | Some(Value::Null) => return Some(Vec::new()),
        Some(Value::Sequence(items)) if items.len() <= MAX_ROWS => items,
        Some(_) => return None,
    };
    let text = |v: &Value| match v {
        Value::Null => Some(String::new()),
        Value::String(s) if !s.contains('\n') => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    };
    items
        .iter()
        .map(|item| {
            let mut row = vec![String::new(); columns.len()];
            match item {
                Value::Mapping(map) => {
                    for (k, v) in map {
                        match columns.iter().position(|c| Some(c.key) == k.as_str()) {
                            Some(at) => row[at] = text(v)?,
                            None if v.is_null() => {}
                            None => return None,
                        }
                    }
                }
                scalar => row[0] = text(scalar)?,
            }
            Some(row)
        })
        .collect()
}

/// The rows into `typed`: their number under `key`, each cell under its id.
pub fn put(typed: &mut Typed, key: &str, columns: &[Field], rows: &[Vec<String>]) {
    typed.insert(key.to_string(), rows.len().to_string());
    for (i, row) in rows.iter().enumerate() {
        for (column, value) in columns.iter().zip(row) {
            typed.insert(cell(key, i, column.key), value.clone());
        }
    }
}

/// The number of rows the form showed; `None` when it did not say, and the rows are then not
/// taken as sent (a list is never emptied for want of its count).
pub fn count(typed: &Typed, key: &str) -> Option<usize> {
    typed
        .get(key)
        .and_then(|n| n.trim().parse::<usize>().ok())
        .filter(|n| *n <= MAX_ROWS)
}

/// The rows typed that are not blank, in order, each with its row number in the form and its
/// cells trimmed: the rows the file gets.
pub fn filled(typed: &Typed, key: &str, columns: &[Field]) -> Vec<(usize, Vec<String>)> {
    (0..count(typed, key).unwrap_or(0))
        .map(|i| {
            let cells = columns
                .iter()
                .map(|c| {
                    let value = typed.get(&cell(key, i, c.key));
                    value.map_or_else(String::new, |v| v.trim().to_string())
                })
                .collect::<Vec<_>>();
            (i, cells)
        })
        .filter(|(_, cells)| cells.iter().any(|c| !c.is_empty()))
        .collect()
}

/// How many rows to show: those typed, and blank ones after the last filled row, up to the
/// most a form takes.
pub fn shown(typed: &Typed, key: &str, columns: &[Field]) -> usize {
    let after = filled(typed, key, columns).last().map_or(0, |(i, _)| i + 1);
    let typed = count(typed, key).unwrap_or(0);
    typed.max(after + BLANK_ROWS).min(MAX_ROWS)
}

/// The rows as a YAML block list to follow `key:` (`[]` when there are none), blank cells left
/// out, in the manner of the scaffold and the example files.
pub fn block(columns: &[Field], rows: &[(usize, Vec<String>)]) -> String {
    if rows.is_empty() {
        return "[]".to_string();
    }
    let mut block = String::new();
    for (_, cells) in rows {
        let mut lead = "\n  - ";
        for (column, value) in columns.iter().zip(cells).filter(|(_, v)| !v.is_empty()) {
            block.push_str(&format!("{lead}{}: {}", column.key, yaml_text(value)));
            lead = "\n    ";
        }
    }
    block
}

/// The item of the top-level list `key` that line `line` (1-based) of `yaml` is in, counted
/// from 0, and the key written on that line, if any.
pub fn at_line(yaml: &str, key: &str, line: usize) -> Option<(usize, Option<String>)> {
    let lines: Vec<&str> = yaml.lines().collect();
    let start = lines
        .iter()
        .position(|l| l.strip_prefix(key).is_some_and(|r| r.starts_with(':')))?;
    let end = lines[start + 1..]
        .iter()
        .position(|l| !l.is_empty() && !l.starts_with([' ', '\t', '-', '#']))
        .map_or(lines.len(), |n| start + 1 + n);
    let at = line.checked_sub(1)?;
    if at <= start || at >= end {
        return None;
    }
    let item = lines[start + 1..=at]
        .iter()
        .filter(|l| l.trim_start().starts_with("- ") || l.trim() == "-")
        .count()
        .checked_sub(1)?;
    let named = lines[at]
        .trim_start()
        .trim_start_matches("- ")
        .split_once(':')
        .map(|(k, _)| k.trim().to_string());
    Some((item, named))
}

#[cfg(test)]
mod tests {
    use super::super::{Kind, field};
    use super::*;

    const COLUMNS: &[Field] = &[
        field("ma", "Mã", "Id", Kind::Text, true),
        field("ten", "Tên", "Name", Kind::Text, true),
        field("loai", "Loại", "Kind", Kind::Text, true),
    ];

    #[test]
    fn a_list_of_maps_reads_as_rows_and_a_value_alone_as_its_first_column() {
        let value: Value =
            serde_yaml::from_str("- ma: thon-1\n  ten: Thôn 1\n  loai: thon\n- thon-2\n").unwrap();
        let rows = read(COLUMNS, Some(&value)).unwrap();
        assert_eq!(rows[0], ["thon-1", "Thôn 1", "thon"]);
        assert_eq!(rows[1], ["thon-2", "", ""]);
        // more than the columns can show: left in the file; a key they lack left blank is nothing
        let deeper: Value = serde_yaml::from_str("- ma: a\n  quyet_dinh:\n    so: 1\n").unwrap();
        assert!(read(COLUMNS, Some(&deeper)).is_none());
        let blank: Value = serde_yaml::from_str("- ma: a\n  quyet_dinh:\n").unwrap();
        assert_eq!(read(COLUMNS, Some(&blank)).unwrap(), [["a", "", ""]]);
    }

    #[test]
    fn blank_rows_are_not_written_and_more_are_offered() {
        let mut typed = Typed::new();
        put(
            &mut typed,
            "khu_dan_cu",
            COLUMNS,
            &[
                vec!["thon-1".into(), "Thôn 1".into(), "thon".into()],
                vec![String::new(), " ".into(), String::new()],
                vec!["thon-3".into(), "Thôn: 3".into(), String::new()],
            ],
        );
        let rows = filled(&typed, "khu_dan_cu", COLUMNS);
        assert_eq!(rows.iter().map(|(i, _)| *i).collect::<Vec<_>>(), [0, 2]);
        assert_eq!(
            block(COLUMNS, &rows),
            "\n  - ma: thon-1\n    ten: Thôn 1\n    loai: thon\n  - ma: thon-3\n    ten: \"Thôn: 3\""
        );
        assert_eq!(shown(&typed, "khu_dan_cu", COLUMNS), 6);
        assert_eq!(block(COLUMNS, &[]), "[]");
    }

    #[test]
    fn cells_are_taken_by_name_and_nothing_else() {
        assert!(takes("khu_dan_cu", COLUMNS, "khu_dan_cu"));
        assert!(takes("khu_dan_cu", COLUMNS, "khu_dan_cu.12.loai"));
        assert!(!takes("khu_dan_cu", COLUMNS, "khu_dan_cu.12.rieng_tu"));
        assert!(!takes("khu_dan_cu", COLUMNS, "khu_dan_cu.99999.ma"));
        assert!(!takes("khu_dan_cu", COLUMNS, "khu_dan_cuX"));
    }

    #[test]
    fn a_line_is_found_in_its_item() {
        let yaml = "ten: A\nkhu_dan_cu:\n  # đầu\n  - ma: a\n    loai: thon\n  - ma: b\n    loai: x\nghi_chu: c\n";
        assert_eq!(
            at_line(yaml, "khu_dan_cu", 5),
            Some((0, Some("loai".into())))
        );
        assert_eq!(at_line(yaml, "khu_dan_cu", 6), Some((1, Some("ma".into()))));
        assert_eq!(at_line(yaml, "khu_dan_cu", 8), None);
        assert_eq!(at_line(yaml, "khu_dan_cu", 1), None);
    }
}
