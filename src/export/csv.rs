//! A small CSV writer (bảng tính CSV) for files that staff open in Excel: UTF-8 with a byte-order
//! mark, comma separators, CRLF line ends and RFC 4180 quoting.
//!
//! Text that comes from content files is guarded against formula injection: Excel runs a cell
//! that starts with `=`, `+`, `-` or `@` (or a tab or carriage return, which it strips first) as a
//! formula, so such a cell gets a leading `'`. Numbers and dates are written by the program and are
//! never guarded, so `-` can only reach a cell through text.

use serde::Serialize;
use std::io::{self, Write};

/// The UTF-8 byte-order mark: without it Excel reads the file as the local code page and turns
/// Vietnamese letters into mojibake.
pub const BOM: &str = "\u{feff}";

/// One cell of a row.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text from content files (names, occupations…): guarded against formula injection.
    Text(String),
    /// Text the program itself writes (ids, keys, ISO dates): never starts a formula.
    Key(String),
    Int(u64),
    /// Written as Rust prints it: the shortest form that reads back as the same number.
    Float(f64),
    Bool(bool),
    Empty,
}

impl Cell {
    pub fn text(value: &str) -> Self {
        Self::Text(value.to_string())
    }

    pub fn key(value: impl Into<String>) -> Self {
        Self::Key(value.into())
    }

    /// A value of the model as content files write it (`nu`, `dai-hoc`).
    pub fn content_key(value: impl Serialize) -> Self {
        Self::Key(super::content_key(value))
    }

    pub fn opt_text(value: Option<&str>) -> Self {
        value.map_or(Self::Empty, Self::text)
    }

    pub fn opt_key(value: Option<impl Into<String>>) -> Self {
        value.map_or(Self::Empty, Self::key)
    }

    pub fn opt_int(value: Option<u32>) -> Self {
        value.map_or(Self::Empty, |n| Self::Int(u64::from(n)))
    }

    pub fn opt_float(value: Option<f64>) -> Self {
        value.map_or(Self::Empty, Self::Float)
    }

    fn render(&self) -> String {
        match self {
            Self::Text(t) => guard(t),
            Self::Key(t) => t.clone(),
            Self::Int(n) => n.to_string(),
            Self::Float(x) => x.to_string(),
            Self::Bool(b) => b.to_string(),
            Self::Empty => String::new(),
        }
    }
}

impl From<u32> for Cell {
    fn from(n: u32) -> Self {
        Self::Int(u64::from(n))
    }
}

impl From<bool> for Cell {
    fn from(b: bool) -> Self {
        Self::Bool(b)
    }
}

/// The column of a sample site's tables (`du_lieu_mau`), named as the JSON files' first key.
pub const SAMPLE_COLUMN: &str = "du_lieu_mau";

/// A table: a header of machine names, then rows of as many cells.
pub struct Table<'a> {
    header: Vec<&'static str>,
    rows: Rows<'a>,
}

/// A table's rows: held, or made again on each pass from records held elsewhere, so that a
/// national table (a row per candidate of the country) is never held as cells.
enum Rows<'a> {
    Held(Vec<Vec<Cell>>),
    Made {
        len: usize,
        row: Box<dyn Fn(usize) -> Vec<Cell> + 'a>,
    },
}

impl<'a> Table<'a> {
    pub fn new(header: &'static [&'static str]) -> Self {
        Self {
            header: header.to_vec(),
            rows: Rows::Held(Vec::new()),
        }
    }

    /// A table of `len` rows, the row at `i` made by `row(i)` each time it is read.
    pub fn made(
        header: &'static [&'static str],
        len: usize,
        row: impl Fn(usize) -> Vec<Cell> + 'a,
    ) -> Self {
        Self {
            header: header.to_vec(),
            rows: Rows::Made {
                len,
                row: Box::new(row),
            },
        }
    }

    /// The table with the sample-data flag as its first column, `true` on every row, without
    /// copying the rows. A CSV has no place for a note outside its rows that every reader keeps
    /// (a comment line breaks parsers and CSVW), and a row copied out of the file still says it
    /// is not real.
    pub fn flagged_as_sample(mut self) -> Self {
        self.header.insert(0, SAMPLE_COLUMN);
        self.rows = match self.rows {
            Rows::Held(mut rows) => {
                for row in &mut rows {
                    row.insert(0, Cell::Bool(true));
                }
                Rows::Held(rows)
            }
            Rows::Made { len, row } => Rows::Made {
                len,
                row: Box::new(move |i| {
                    let mut cells = row(i);
                    cells.insert(0, Cell::Bool(true));
                    cells
                }),
            },
        };
        self
    }

    /// Adds a row to a table of held rows. A row of the wrong length, or a row pushed onto a
    /// table whose rows are made, is a bug in the caller, not in the content.
    pub fn push(&mut self, row: Vec<Cell>) {
        assert_eq!(
            row.len(),
            self.header.len(),
            "a CSV row must have one cell per column: {:?}",
            self.header
        );
        match &mut self.rows {
            Rows::Held(rows) => rows.push(row),
            Rows::Made { .. } => panic!("a row pushed onto a table whose rows are made"),
        }
    }

    /// The machine names of the columns, as the first row writes them.
    pub fn header(&self) -> &[&'static str] {
        &self.header
    }

    /// How many rows it has, the header not counted.
    pub fn row_count(&self) -> usize {
        match &self.rows {
            Rows::Held(rows) => rows.len(),
            Rows::Made { len, .. } => *len,
        }
    }

    /// `f` of the row at `i` (from 0, below the header), whose cells live only during the call.
    pub fn with_row<R>(&self, i: usize, f: impl FnOnce(&[Cell]) -> R) -> R {
        match &self.rows {
            Rows::Held(rows) => f(rows.get(i).map_or(&[][..], Vec::as_slice)),
            Rows::Made { row, .. } => f(&row(i)),
        }
    }

    /// The file's bytes: BOM, header, rows, each line ended by CRLF.
    #[cfg(test)]
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        // writing to a Vec cannot fail
        let _ = self.write_to(&mut out);
        out
    }

    /// [`Table::to_bytes`], written a line at a time.
    pub fn write_to(&self, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(BOM.as_bytes())?;
        let header: Vec<String> = self.header.iter().map(|h| quote(h)).collect();
        line(out, &header)?;
        for i in 0..self.row_count() {
            self.with_row(i, |row| {
                let cells: Vec<String> = row.iter().map(|c| quote(&c.render())).collect();
                line(out, &cells)
            })?;
        }
        Ok(())
    }
}

fn line(out: &mut dyn Write, cells: &[String]) -> io::Result<()> {
    write!(out, "{}\r\n", cells.join(","))
}

/// RFC 4180: a field holding a comma, a double quote, CR or LF is quoted, and its quotes doubled.
fn quote(field: &str) -> String {
    if field.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

/// A leading `'` on text that a spreadsheet would otherwise run as a formula.
fn guard(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn csv(rows: Vec<Vec<Cell>>) -> String {
        let mut t = Table::new(&["a", "b"]);
        for r in rows {
            t.push(r);
        }
        String::from_utf8(t.to_bytes()).unwrap()
    }

    #[test]
    fn starts_with_the_bom_and_ends_lines_with_crlf() {
        let text = csv(vec![vec![Cell::text("Nguyễn Văn An"), Cell::from(159)]]);
        assert!(text.as_bytes().starts_with(&[0xEF, 0xBB, 0xBF]));
        assert_eq!(text, "\u{feff}a,b\r\nNguyễn Văn An,159\r\n");
    }

    #[test]
    fn quotes_fields_with_commas_quotes_and_line_breaks() {
        let text = csv(vec![
            vec![Cell::text("Nhà văn hóa, khu 1"), Cell::text("ông \"Ba\"")],
            vec![Cell::text("dòng 1\r\ndòng 2"), Cell::text("a\nb")],
        ]);
        assert_eq!(
            text,
            "\u{feff}a,b\r\n\"Nhà văn hóa, khu 1\",\"ông \"\"Ba\"\"\"\r\n\"dòng 1\r\ndòng 2\",\"a\nb\"\r\n"
        );
    }

    #[test]
    fn text_that_would_run_as_a_formula_is_defused() {
        for (input, expected) in [
            ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
            ("+84 912", "'+84 912"),
            ("-1", "'-1"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("Kinh", "Kinh"),
            ("12/12", "12/12"),
        ] {
            assert_eq!(Cell::text(input).render(), expected, "{input}");
        }
        // numbers and machine keys are the program's own and stay as they are
        assert_eq!(Cell::key("-x").render(), "-x");
        assert_eq!(Cell::Float(44.04).render(), "44.04");
        assert_eq!(Cell::Empty.render(), "");
        assert_eq!(Cell::from(true).render(), "true");
    }

    #[test]
    fn a_sample_table_says_so_in_a_first_column_of_every_row() {
        let mut t = Table::new(&["a", "b"]);
        t.push(vec![Cell::text("x,y"), Cell::from(1)]);
        t.push(vec![Cell::Empty, Cell::from(2)]);
        let text = String::from_utf8(t.flagged_as_sample().to_bytes()).unwrap();
        assert_eq!(
            text,
            "\u{feff}du_lieu_mau,a,b\r\ntrue,\"x,y\",1\r\ntrue,,2\r\n"
        );
    }

    #[test]
    fn a_table_whose_rows_are_made_writes_as_one_that_holds_them() {
        let rows = [(1, "x,y"), (2, "=1")];
        let mut held = Table::new(&["a", "b"]);
        for (n, text) in rows {
            held.push(vec![Cell::from(n), Cell::text(text)]);
        }
        let made = Table::made(&["a", "b"], rows.len(), |i| {
            vec![Cell::from(rows[i].0), Cell::text(rows[i].1)]
        });
        assert_eq!(made.row_count(), 2);
        assert_eq!(made.to_bytes(), held.to_bytes());
        assert_eq!(
            made.flagged_as_sample().to_bytes(),
            held.flagged_as_sample().to_bytes()
        );
    }

    #[test]
    #[should_panic(expected = "one cell per column")]
    fn a_row_of_the_wrong_length_is_a_bug() {
        Table::new(&["a", "b"]).push(vec![Cell::Empty]);
    }
}
