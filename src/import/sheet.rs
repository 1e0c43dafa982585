//! Reading a CSV sheet as Excel and LibreOffice save it: UTF-8 with or without a BOM, `,` or `;`
//! (or tab) between cells, quoted cells that may hold separators and line breaks. Excel's “CSV”
//! on Vietnamese Windows (Windows-1258), its “Unicode Text” (UTF-16, tab-separated) and sheets
//! typed in TCVN3 or VNI are converted (see [`crate::load::text`]).

use crate::diagnostics::Bilingual;
use crate::load::text::{Converted, NotText, Undecodable, decode};

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
    /// The encoding the sheet was converted from, when it was not UTF-8.
    pub converted: Option<Converted>,
}

impl Sheet {
    pub fn parse(bytes: &[u8]) -> Result<Self, Bilingual> {
        let decoded = decode(bytes).map_err(not_text)?;
        let bytes = decoded.text.as_bytes();
        let separator = separator(bytes);
        if let Some(line) = unclosed_quote(bytes, separator) {
            return Err(Bilingual::new(
                format!(
                    "Dòng {line}: một ô mở dấu ngoặc kép (\") mà không đóng, nên mọi dòng sau sẽ bị gộp vào ô đó. \
                     Thêm dấu \" ở cuối ô, hoặc xóa dấu \" ở đầu ô."
                ),
                format!(
                    "Line {line}: a cell opens a double quote (\") that is never closed, so every row after it would be read into that cell. \
                     Add a \" at the end of the cell, or delete the one at its start."
                ),
            ));
        }
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(separator)
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
        Ok(Self {
            headers,
            rows,
            converted: decoded.converted,
        })
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

/// Why a sheet cannot be read as text, with what to do in Excel or LibreOffice.
fn not_text(e: Undecodable) -> Bilingual {
    let line = e.line;
    let save = (
        "Trong Excel chọn Lưu thành → “CSV UTF-8 (Comma delimited)”; trong LibreOffice chọn bộ ký tự “Unicode (UTF-8)”.",
        "In Excel choose Save As → “CSV UTF-8 (Comma delimited)”; in LibreOffice pick the “Unicode (UTF-8)” character set.",
    );
    let (vi, en) = match e.problem {
        NotText::Utf16 => (
            "tệp ở mã UTF-16 (“Unicode Text”) nhưng thiếu dấu thứ tự byte (BOM) ở đầu, hoặc có nửa chữ hỏng.",
            "the file is UTF-16 (“Unicode Text”) without the byte order mark at its start, or holds a broken half letter.",
        ),
        NotText::Nul => (
            "tệp có byte NUL (mã 0): đây không phải bảng tính CSV, hoặc tệp đã bị hỏng.",
            "the file holds a NUL byte (code 0): it is not a CSV sheet, or it is damaged.",
        ),
        NotText::NotUtf8 => (
            "tệp không ở mã UTF-8, cũng không phải tiếng Việt ở bảng mã cũ nào (TCVN3, VNI, Windows-1258).",
            "the file is not UTF-8, nor Vietnamese in a legacy encoding (TCVN3, VNI, Windows-1258).",
        ),
    };
    Bilingual::new(
        format!("Dòng {line}: {vi} {}", save.0),
        format!("Line {line}: {en} {}", save.1),
    )
}

/// The line where a quoted cell opens that no quote closes: the reader would take the rest of
/// the file as that one cell. A quote inside a cell that does not start with one is a letter.
fn unclosed_quote(bytes: &[u8], separator: u8) -> Option<usize> {
    let mut line = 1;
    let mut opened = None;
    let mut at_cell_start = true;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match opened {
            Some(_) if b == b'"' && bytes.get(i + 1) == Some(&b'"') => i += 1,
            Some(_) if b == b'"' => opened = None,
            None if b == b'"' && at_cell_start => opened = Some(line),
            _ => {}
        }
        at_cell_start = opened.is_none() && (b == separator || b == b'\n');
        if b == b'\n' {
            line += 1;
        }
        i += 1;
    }
    opened
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
        // UTF-8 with “Nguyễn” cut in its last letter
        let e = Sheet::parse(b"a,b\nTr\xE1\xBA\xA7n,1\nNguy\xE1\xBB,2\n").unwrap_err();
        assert!(
            e.vi.starts_with("Dòng 3") && e.en.contains("CSV UTF-8"),
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
    fn old_mac_line_ends_count_as_lines() {
        let sheet = Sheet::parse(b"a,b\r1,2\r\r3,4\r").unwrap();
        assert_eq!(sheet.rows[1].line, 4);
    }

    #[test]
    fn excel_unicode_text_and_windows_csv_are_converted() {
        // Excel's “Unicode Text”: UTF-16 LE with its mark, tab-separated
        let mut unicode_text = b"\xFF\xFE".to_vec();
        unicode_text.extend(
            "Họ tên\tNăm\r\nNguyễn Văn An\t1970\r\n"
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        );
        let sheet = Sheet::parse(&unicode_text).unwrap();
        assert_eq!(sheet.headers, vec!["Họ tên", "Năm"]);
        assert_eq!(sheet.rows[0].cells, vec!["Nguyễn Văn An", "1970"]);
        assert_eq!(sheet.converted, Some(Converted::Utf16));
        // Excel's “CSV” on Vietnamese Windows: Windows-1258, “Nguyễn Văn Đức”
        let sheet =
            Sheet::parse(b"Ho\xF2 t\xEAn;N\xE3m\r\nNguy\xEA\xDEn V\xE3n \xD0\xFD\xECc;1970\r\n")
                .unwrap();
        assert_eq!(sheet.headers, vec!["Họ tên", "Năm"]);
        assert_eq!(sheet.rows[0].cells, vec!["Nguyễn Văn Đức", "1970"]);
        assert_eq!(
            sheet.converted,
            Some(Converted::Legacy(crate::load::legacy::Legacy::Windows1258))
        );
    }

    #[test]
    fn utf16_without_its_mark_and_nul_bytes_are_refused_with_their_line() {
        let utf16: Vec<u8> = "a\tb\n1\t2\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let e = Sheet::parse(&utf16).unwrap_err();
        assert!(e.en.starts_with("Line 1: the file is UTF-16"), "{e:?}");
        let e = Sheet::parse(b"a,b\n1,2\n3,\x004\n").unwrap_err();
        assert!(e.vi.starts_with("Dòng 3") && e.en.contains("NUL"), "{e:?}");
    }

    #[test]
    fn a_quote_never_closed_is_refused_where_it_opens() {
        let e = Sheet::parse(b"a,b\n1,\"x\n2,y\n3,z\n").unwrap_err();
        assert!(
            e.en.starts_with("Line 2: a cell opens a double quote"),
            "{e:?}"
        );
        // closed quotes, doubled quotes and a quote inside a cell are fine
        let sheet = Sheet::parse(b"a,b\n1,\"x \"\"y\"\"\nz\"\n2,12\" TV\n").unwrap();
        assert_eq!(sheet.rows[1].cells, vec!["2", "12\" TV"]);
    }

    #[test]
    fn columns_are_named_by_letter() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
    }
}
