//! One worksheet's XML (SpreadsheetML `<worksheet>`) and the shared strings its text cells point
//! into, written as Excel writes them: elements in the schema's order, text in the workbook's
//! table of shared strings, each column as wide as its widest cell.

use std::cell::OnceCell;
use std::fmt::Write as _;
use std::io;

/// How much of a sheet's XML is made before it is handed on.
const PIECE: usize = 256 * 1024;

/// A cell's value as the workbook stores it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Value<'a> {
    Text(&'a str),
    Number(f64),
    /// Days since Excel's epoch (see [`super::serial`]), shown with the date format.
    Date(f64),
    Bool(bool),
}

/// The cell formats of `xl/styles.xml`, by their index there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Style {
    Plain = 0,
    /// Bold, wrapped, with a thin line below: column titles.
    Header = 1,
    /// Excel's text format `@`, so that a code typed over stays text.
    Text = 2,
    Date = 3,
    /// Two decimals: shares in percent.
    Decimal = 4,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Cell<'a> {
    pub value: Value<'a>,
    pub style: Style,
}

/// A worksheet: rows of cells from the top left, `None` where a cell is empty. Each pass over
/// the sheet makes its rows again, one at a time: the cells of a national table, held whole,
/// took hundreds of megabytes a sheet. It is passed over twice: once to measure it, once to
/// write it.
pub(super) struct Sheet<'a> {
    /// How many rows it has.
    pub len: usize,
    /// Hands the row at a place from the top, from 0, to the visitor; the row lives only for
    /// that call.
    pub row: Box<MakeRow<'a>>,
    /// The first row titles columns of data: it gets filter buttons and stays in view, and
    /// codes below it are not flagged as numbers stored as text.
    pub filtered: bool,
    /// The sheet a workbook opens on.
    pub selected: bool,
    /// Measured on first need.
    pub layout: OnceCell<Layout>,
}

/// Makes the row at a place and hands its cells, `None` where a cell is empty, to the visitor.
pub(super) type MakeRow<'a> = dyn Fn(usize, &mut dyn FnMut(&[Option<Cell<'_>>])) + 'a;

/// What the XML needs to know of the whole sheet before it writes its first row.
pub(super) struct Layout {
    /// The last row and column that hold a cell, from 0.
    last_cell: (usize, usize),
    /// Each column's width in pixels, 0 where no cell widens it.
    widths: Vec<u32>,
    /// The first and last column that hold a cell in each block of 16 rows.
    spans: Vec<(usize, usize)>,
}

/// Wide enough for a neighbourhood's name, narrow enough that a long reason wraps off screen
/// rather than pushing every other column away.
pub(super) const MAX_COLUMN_PX: u32 = 320;
/// Excel's default column width, in pixels: a column of that width needs no `customWidth`.
const DEFAULT_COLUMN_PX: u32 = 64;
/// The width of a digit in Calibri 11, the unit of column widths.
const DIGIT_PX: u32 = 7;

const NAMESPACES: &str = r#"xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#;

impl<'a> Sheet<'a> {
    fn each_row(&self, mut f: impl FnMut(usize, &[Option<Cell<'_>>])) {
        for r in 0..self.len {
            (self.row)(r, &mut |row| f(r, row));
        }
    }

    fn layout(&self) -> &Layout {
        self.layout.get_or_init(|| {
            let mut layout = Layout {
                last_cell: (0, 0),
                widths: Vec::new(),
                spans: vec![(usize::MAX, 0); self.len.div_ceil(16)],
            };
            self.each_row(|r, row| {
                let (first, last) = &mut layout.spans[r / 16];
                for (c, cell) in row.iter().enumerate() {
                    let Some(cell) = cell else { continue };
                    (*first, *last) = ((*first).min(c), (*last).max(c));
                    layout.last_cell = (r, layout.last_cell.1.max(c));
                    let mut px = cell_px(cell.value);
                    if px == 0 {
                        continue;
                    }
                    if r == 0 && self.filtered {
                        // the filter button
                        px += 16;
                    }
                    px = (px + 7).min(MAX_COLUMN_PX);
                    if layout.widths.len() <= c {
                        layout.widths.resize(c + 1, 0);
                    }
                    layout.widths[c] = layout.widths[c].max(px);
                }
            });
            layout
        })
    }

    /// The last cell of the range the first row's filter buttons cover, when the sheet has them:
    /// every row, the empty ones at the end too.
    pub fn filter_end(&self) -> Option<(usize, usize)> {
        self.filtered
            .then(|| (self.len.saturating_sub(1), self.layout().last_cell.1))
    }

    /// Writes the worksheet's XML to `out` a piece at a time: a national sheet's XML is
    /// hundreds of megabytes. Its text goes into `strings`, which numbers each distinct text in
    /// the order the sheets meet it; `header` is the printed page's header, if any.
    pub fn write_xml(
        &self,
        out: &mut dyn io::Write,
        strings: &mut Strings,
        header: Option<&str>,
    ) -> io::Result<()> {
        let (last_row, last_col) = self.layout().last_cell;
        let mut x = String::with_capacity(2 * PIECE);
        x.push_str(super::package::DECLARATION);
        let _ = write!(x, "<worksheet {NAMESPACES}>");
        let _ = write!(
            x,
            r#"<dimension ref="{}"/>"#,
            range((0, 0), (last_row, last_col))
        );
        let selected = if self.selected {
            r#" tabSelected="1""#
        } else {
            ""
        };
        let _ = write!(
            x,
            r#"<sheetViews><sheetView{selected} workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>"#
        );
        self.cols(&mut x);
        self.data(&mut x, out, strings, last_row)?;
        if let Some(end) = self.filter_end() {
            let _ = write!(x, r#"<autoFilter ref="{}"/>"#, range((0, 0), end));
        }
        x.push_str(r#"<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>"#);
        if let Some(header) = header {
            x.push_str(r#"<pageSetup orientation="portrait" horizontalDpi="200" verticalDpi="200"/><headerFooter><oddHeader>"#);
            escape(header, &mut x);
            x.push_str("</oddHeader></headerFooter>");
        }
        if self.filtered && self.len > 1 {
            let _ = write!(
                x,
                r#"<ignoredErrors><ignoredError sqref="{}" numberStoredAsText="1"/></ignoredErrors>"#,
                range((1, 0), (self.len - 1, last_col))
            );
        }
        x.push_str("</worksheet>");
        out.write_all(x.as_bytes())
    }

    /// `<cols>`: each column as wide as its widest cell (Excel's "autofit"), neighbours of the
    /// same width in one element.
    fn cols(&self, x: &mut String) {
        let widths = &self.layout().widths;
        if widths.iter().all(|&w| w == 0) {
            return;
        }
        x.push_str("<cols>");
        let mut c = 0;
        while c < widths.len() {
            let px = widths[c];
            let mut last = c;
            while last + 1 < widths.len() && widths[last + 1] == px {
                last += 1;
            }
            if px > 0 {
                let chars = f64::from(px * 256 / DIGIT_PX) / 256.0;
                let custom = if px == DEFAULT_COLUMN_PX {
                    ""
                } else {
                    r#" customWidth="1""#
                };
                let _ = write!(
                    x,
                    r#"<col min="{}" max="{}" width="{chars}" bestFit="1"{custom}/>"#,
                    c + 1,
                    last + 1
                );
            }
            c = last + 1;
        }
        x.push_str("</cols>");
    }

    /// `<sheetData>`: the rows that hold a cell, each with the span of columns its block of 16
    /// rows uses.
    fn data(
        &self,
        x: &mut String,
        out: &mut dyn io::Write,
        strings: &mut Strings,
        last_row: usize,
    ) -> io::Result<()> {
        x.push_str("<sheetData>");
        let spans = &self.layout().spans;
        let mut written = Ok(());
        self.each_row(|r, row| {
            if r > last_row || row.iter().all(Option::is_none) || written.is_err() {
                return;
            }
            // written without `format!`: a national workbook has millions of cells
            let mut digits = itoa::Buffer::new();
            let row_number = digits.format(r + 1);
            let (first, last) = spans[r / 16];
            x.push_str(r#"<row r=""#);
            x.push_str(row_number);
            x.push_str(r#"" spans=""#);
            x.push_str(itoa::Buffer::new().format(first.wrapping_add(1)));
            x.push(':');
            x.push_str(itoa::Buffer::new().format(last + 1));
            x.push_str(r#"">"#);
            for (c, cell) in row.iter().enumerate() {
                let Some(cell) = cell else { continue };
                x.push_str(r#"<c r=""#);
                push_column_name(x, c);
                x.push_str(row_number);
                x.push('"');
                if cell.style != Style::Plain {
                    x.push_str(r#" s=""#);
                    x.push_str(itoa::Buffer::new().format(cell.style as u8));
                    x.push('"');
                }
                match cell.value {
                    // no text: a blank cell that keeps its format, as Excel writes it
                    Value::Text("") => x.push_str("/>"),
                    Value::Text(s) => {
                        x.push_str(r#" t="s"><v>"#);
                        x.push_str(itoa::Buffer::new().format(strings.index(s)));
                        x.push_str("</v></c>");
                    }
                    Value::Number(n) | Value::Date(n) => {
                        x.push_str("><v>");
                        with_number(n, |n| x.push_str(n));
                        x.push_str("</v></c>");
                    }
                    Value::Bool(b) => {
                        x.push_str(r#" t="b"><v>"#);
                        x.push(if b { '1' } else { '0' });
                        x.push_str("</v></c>");
                    }
                }
            }
            x.push_str("</row>");
            if x.len() >= PIECE {
                written = out.write_all(x.as_bytes());
                x.clear();
            }
        });
        x.push_str("</sheetData>");
        written
    }
}

/// The workbook's shared strings: each distinct text once, numbered in the order met. It keeps
/// its own copy of each, as the rows they come from live only while a sheet is written.
#[derive(Default)]
pub(super) struct Strings {
    index: foldhash::HashMap<Box<str>, u32>,
    /// Text cells, repeated texts counted each time.
    count: usize,
}

impl Strings {
    fn index(&mut self, s: &str) -> u32 {
        self.count += 1;
        if let Some(&i) = self.index.get(s) {
            return i;
        }
        let next = u32::try_from(self.index.len()).unwrap_or(u32::MAX);
        self.index.insert(s.into(), next);
        next
    }

    /// `xl/sharedStrings.xml`.
    pub fn xml(&self) -> String {
        let mut order: Vec<(&str, u32)> = self.index.iter().map(|(s, &i)| (&**s, i)).collect();
        order.sort_unstable_by_key(|&(_, i)| i);
        let mut x =
            String::with_capacity(256 + order.iter().map(|(s, _)| s.len() + 16).sum::<usize>());
        x.push_str(super::package::DECLARATION);
        let _ = write!(
            x,
            r#"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{}" uniqueCount="{}">"#,
            self.count,
            order.len()
        );
        for (s, _) in order {
            let space = [' ', '\t', '\n'];
            x.push_str(if s.starts_with(space) || s.ends_with(space) {
                r#"<si><t xml:space="preserve">"#
            } else {
                "<si><t>"
            });
            escape(&literal_escapes(s), &mut x);
            x.push_str("</t></si>");
        }
        x.push_str("</sst>");
        x
    }
}

/// A cell's width in pixels in Calibri 11, before padding; 0 for a cell that does not widen its
/// column.
fn cell_px(value: Value) -> u32 {
    match value {
        Value::Text(s) => s.lines().map(text_px).max().unwrap_or(0),
        Value::Number(n) => 7 * with_number(n, |n| u32::try_from(n.len()).unwrap_or(u32::MAX / 8)),
        // as wide as Excel's default date, mm/dd/yyyy
        Value::Date(_) => 68,
        Value::Bool(true) => 31,
        Value::Bool(false) => 36,
    }
}

/// A line's width in pixels, from the widths of Calibri 11's characters that Excel's own
/// autofit uses (as rust_xlsxwriter's `utility::pixel_width` lists them); any other character
/// counts 8. One pass over the bytes: a workbook's every cell is measured.
fn text_px(line: &str) -> u32 {
    let (mut chars, mut px) = (0u32, 0u32);
    for &b in line.as_bytes() {
        // a UTF-8 continuation byte belongs to the character before it
        if b & 0xc0 == 0x80 {
            continue;
        }
        chars += 1;
        // Excel's limit of 255 characters, 1790 pixels
        if chars > 233 {
            return 1790;
        }
        px += u32::from(ASCII_PX.get(usize::from(b)).copied().unwrap_or(8));
    }
    px.min(1790)
}

/// The width of each ASCII character, by [`ascii_px`].
const ASCII_PX: [u8; 128] = {
    let mut px = [0; 128];
    let mut b = 0;
    while b < px.len() {
        px[b] = ascii_px(b as u8);
        b += 1;
    }
    px
};

const fn ascii_px(c: u8) -> u8 {
    match c {
        b' ' | b'\'' => 3,
        b',' | b'.' | b':' | b';' | b'I' | b'`' | b'i' | b'j' | b'l' => 4,
        b'!' | b'(' | b')' | b'-' | b'J' | b'[' | b']' | b'f' | b'r' | b't' | b'{' | b'}' => 5,
        b'"' | b'/' | b'L' | b'\\' | b'c' | b's' | b'z' => 6,
        b'#'
        | b'$'
        | b'*'
        | b'+'
        | b'0'..=b'9'
        | b'<'
        | b'='
        | b'>'
        | b'?'
        | b'E'
        | b'F'
        | b'S'
        | b'T'
        | b'Y'
        | b'Z'
        | b'^'
        | b'_'
        | b'a'
        | b'g'
        | b'k'
        | b'v'
        | b'x'
        | b'y'
        | b'|'
        | b'~' => 7,
        b'B' | b'C' | b'K' | b'P' | b'R' | b'X' | b'b' | b'd' | b'e' | b'h' | b'n' | b'o'
        | b'p' | b'q' | b'u' => 8,
        b'A' | b'D' | b'G' | b'H' | b'U' | b'V' => 9,
        b'&' | b'N' | b'O' | b'Q' => 10,
        b'%' | b'w' => 11,
        b'M' | b'm' => 12,
        b'@' | b'W' => 13,
        _ => 8,
    }
}

/// `A` for column 0, `Z`, `AA`, … as Excel names columns.
pub(super) fn column_name(c: usize) -> String {
    let mut name = String::new();
    push_column_name(&mut name, c);
    name
}

/// [`column_name`], added to `x`.
fn push_column_name(x: &mut String, mut c: usize) {
    // three letters reach column 18,278, past Excel's last (XFD, 16,384)
    let mut name = [0u8; 8];
    let mut start = name.len();
    loop {
        start -= 1;
        name[start] = b'A' + (c % 26) as u8;
        if c < 26 || start == 0 {
            break;
        }
        c = c / 26 - 1;
    }
    x.extend(name[start..].iter().map(|&b| char::from(b)));
}

/// Hands `n` to `f` written as Rust writes a float, which is how Excel's own files store it:
/// whole numbers without a fraction, others in the shortest form that reads back the same.
fn with_number<R>(n: f64, f: impl FnOnce(&str) -> R) -> R {
    // below 2^53 every whole number is exact; -0 keeps its sign as Rust writes it
    if n.fract() == 0.0 && n.abs() < 1e15 && !(n == 0.0 && n.is_sign_negative()) {
        f(itoa::Buffer::new().format(n as i64))
    } else {
        f(&n.to_string())
    }
}

/// `A1:D4`, or `A1` when the range is one cell.
fn range(first: (usize, usize), last: (usize, usize)) -> String {
    let cell = |(r, c): (usize, usize)| format!("{}{}", column_name(c), r + 1);
    if first == last {
        cell(first)
    } else {
        format!("{}:{}", cell(first), cell(last))
    }
}

/// Text as XML character data, as Excel writes it: `&`, `<`, `>` as entities, and the control
/// characters XML cannot hold as `_xHHHH_`.
pub(super) fn escape(s: &str, x: &mut String) {
    for c in s.chars() {
        match c {
            '&' => x.push_str("&amp;"),
            '<' => x.push_str("&lt;"),
            '>' => x.push_str("&gt;"),
            '\t' | '\n' => x.push(c),
            '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => {
                let _ = write!(x, "_x{:04X}_", u32::from(c));
            }
            c => x.push(c),
        }
    }
}

/// Text that itself reads as an escape (`_x0041_`) with its underscore escaped (`_x005F_x0041_`),
/// so that Excel shows it as typed.
fn literal_escapes(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains("_x") {
        return s.into();
    }
    let mut out = String::with_capacity(s.len() + 12);
    let mut rest = s;
    while let Some(at) = rest.find("_x") {
        let tail = &rest[at..];
        let is_escape = tail.len() >= 7
            && tail.is_char_boundary(7)
            && tail.as_bytes()[6] == b'_'
            && tail[2..6].bytes().all(|b| b.is_ascii_hexdigit());
        out.push_str(&rest[..at]);
        if is_escape {
            out.push_str("_x005F");
        }
        out.push_str("_x");
        rest = &tail[2..];
    }
    out.push_str(rest);
    out.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_named_as_excel_names_them() {
        let names: Vec<String> = [0, 25, 26, 40, 701, 702, 16_383].map(column_name).to_vec();
        assert_eq!(names, ["A", "Z", "AA", "AO", "ZZ", "AAA", "XFD"]);
        assert_eq!(range((0, 0), (3, 40)), "A1:AO4");
        assert_eq!(range((1, 2), (1, 2)), "C2");
    }

    #[test]
    fn numbers_are_written_as_rust_writes_floats() {
        for n in [
            0.0,
            -0.0,
            1.0,
            -3.0,
            66.67,
            1e-7,
            0.1 + 0.2,
            45_658.0,
            1e15,
            1e16,
            2e300,
            -1.5,
        ] {
            assert_eq!(with_number(n, str::to_string), n.to_string(), "{n:?}");
        }
    }

    #[test]
    fn text_is_escaped_as_excel_escapes_it() {
        let mut x = String::new();
        escape("a & <b>\t\"c\"\u{1}", &mut x);
        assert_eq!(x, "a &amp; &lt;b&gt;\t\"c\"_x0001_");
        assert_eq!(
            literal_escapes("_x0041_ and _xZZ_ _x00"),
            "_x005F_x0041_ and _xZZ_ _x00"
        );
        assert_eq!(literal_escapes("no escapes"), "no escapes");
    }

    #[test]
    fn a_column_is_as_wide_as_its_widest_line() {
        assert_eq!(text_px("Ấp 27"), 8 + 8 + 3 + 7 + 7);
        assert_eq!(
            cell_px(Value::Text("short\nlonger line")),
            text_px("longer line")
        );
        assert_eq!(cell_px(Value::Number(66.67)), 35);
        assert_eq!(cell_px(Value::Text("")), 0);
        assert_eq!(text_px(&"x".repeat(300)), 1790);
        // a character of several bytes counts once, as any character outside ASCII: 8
        assert_eq!(text_px("Mười"), 12 + 8 + 8 + 4);
        assert_eq!(text_px(&"ờ".repeat(233)), 1790);
        assert_eq!(text_px(&"i".repeat(233)), 233 * 4);
        assert_eq!(text_px(&"i".repeat(234)), 1790);
    }
}
