//! Reading a CSV sheet as Excel and LibreOffice save it: UTF-8 with or without a BOM, `,` or `;`
//! (or tab) between cells, quoted cells that may hold separators and line breaks.

use crate::diagnostics::Bilingual;

/// One row of data: its line in the file (the row number the spreadsheet shows when no cell
/// spans lines) and its cells, trimmed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub line: usize,
    pub cells: Vec<String>,
}

/// A sheet: the header row and the non-empty rows below it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    pub headers: Vec<String>,
    pub rows: Vec<Row>,
}

impl Sheet {
    pub fn parse(bytes: &[u8]) -> Result<Self, Bilingual> {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        if let Err(e) = std::str::from_utf8(bytes) {
            let line = bytes[..e.valid_up_to()]
                .iter()
                .filter(|b| **b == b'\n')
                .count()
                + 1;
            return Err(Bilingual::new(
                format!(
                    "Dòng {line}: tệp không ở mã UTF-8, chữ tiếng Việt sẽ bị lỗi. Trong Excel chọn \
                     Lưu thành → “CSV UTF-8 (Comma delimited)”; trong LibreOffice chọn bộ ký tự “Unicode (UTF-8)”."
                ),
                format!(
                    "Line {line}: the file is not UTF-8, so Vietnamese text would be garbled. In Excel \
                     choose Save As → “CSV UTF-8 (Comma delimited)”; in LibreOffice pick the “Unicode (UTF-8)” character set."
                ),
            ));
        }
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(separator(bytes))
            .has_headers(false)
            .flexible(true)
            .from_reader(bytes);
        let mut headers = None;
        let mut rows = Vec::new();
        let mut lines = Lines::of(bytes);
        for record in reader.records() {
            let record = record.map_err(|e| {
                let line = e.position().map_or(0, |p| lines.at(p.byte() as usize));
                Bilingual::new(
                    format!("Dòng {line}: không đọc được bảng tính: {e}"),
                    format!("Line {line}: cannot read the sheet: {e}"),
                )
            })?;
            // counted from the bytes: the reader does not count the blank lines it skips
            let start = record.position().map_or(0, |p| p.byte() as usize);
            let line = lines.at(start);
            let cells: Vec<String> = record.iter().map(|c| c.trim().to_string()).collect();
            if cells.iter().all(String::is_empty) {
                continue;
            }
            match headers {
                None => headers = Some(cells),
                Some(_) => rows.push(Row { line, cells }),
            }
        }
        let Some(headers) = headers else {
            return Err(Bilingual::new(
                "Bảng tính trống: dòng đầu phải là tên cột.",
                "The sheet is empty: its first row must name the columns.",
            ));
        };
        Ok(Self { headers, rows })
    }
}

/// Line numbers of byte offsets, counted on from the offset asked for last: records come in
/// order, so a sheet of 100,000 rows is counted through once, not once per row.
struct Lines<'b> {
    bytes: &'b [u8],
    offset: usize,
    line: usize,
}

impl<'b> Lines<'b> {
    fn of(bytes: &'b [u8]) -> Self {
        Self {
            bytes,
            offset: 0,
            line: 1,
        }
    }

    /// The 1-based line of the first byte at or after `offset` that is not a line end (the
    /// reader may report a record from the end of the one before).
    fn at(&mut self, offset: usize) -> usize {
        let rest = self.bytes.get(offset..).unwrap_or_default();
        let skipped = rest
            .iter()
            .take_while(|b| matches!(b, b'\r' | b'\n'))
            .count();
        let target = (offset + skipped).min(self.bytes.len());
        if target < self.offset {
            *self = Self::of(self.bytes);
        }
        self.line += self.bytes[self.offset..target]
            .iter()
            .filter(|b| **b == b'\n')
            .count();
        self.offset = target;
        self.line
    }
}

/// The separator of the header line: whichever of `;`, `,` and tab appears most outside quotes.
/// LibreOffice and Excel in Vietnamese settings use `;` where a comma is the decimal mark.
fn separator(bytes: &[u8]) -> u8 {
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for &b in bytes {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => break,
            _ if !quoted => {
                if let Some(c) = counts.iter_mut().find(|(s, _)| *s == b) {
                    c.1 += 1;
                }
            }
            _ => {}
        }
    }
    counts
        .iter()
        .max_by_key(|(s, n)| (*n, *s == b','))
        .map_or(b',', |(s, _)| *s)
}

/// The spreadsheet's name of a column: 0 → `A`, 26 → `AA`.
pub fn column_letter(index: usize) -> String {
    let mut n = index + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_both_separators_a_bom_and_quoted_cells() {
        let comma =
            Sheet::parse(b"\xEF\xBB\xBFH\xE1\xBB\x8D t\xC3\xAAn,N\xC4\x83m\n\"A, B\",1970\n,\n")
                .unwrap();
        assert_eq!(comma.headers, vec!["Họ tên", "Năm"]);
        assert_eq!(comma.rows.len(), 1);
        assert_eq!(comma.rows[0].cells, vec!["A, B", "1970"]);
        assert_eq!(comma.rows[0].line, 2);
        let semicolon = Sheet::parse(b"a;b\r\n\"x;y\";\"2,5\"\r\n\r\nc;d\r\n").unwrap();
        assert_eq!(semicolon.rows[0].cells, vec!["x;y", "2,5"]);
        assert_eq!(semicolon.rows[1].line, 4);
    }

    #[test]
    fn a_sheet_not_in_utf8_says_how_to_save_it() {
        let e = Sheet::parse(b"a,b\nNguy\xEAn,1\n").unwrap_err();
        assert!(
            e.vi.starts_with("Dòng 2") && e.en.contains("CSV UTF-8"),
            "{e:?}"
        );
        assert!(Sheet::parse(b"\n\n").is_err());
    }

    #[test]
    fn lines_are_counted_on_and_back() {
        let mut lines = Lines::of(b"a\nb\n\n\nc\nd");
        assert_eq!(lines.at(2), 2);
        assert_eq!(lines.at(3), 5);
        assert_eq!(lines.at(9), 6);
        assert_eq!(lines.at(0), 1);
    }

    #[test]
    fn columns_are_named_by_letter() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
    }
}
