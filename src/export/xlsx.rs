//! Excel workbooks (bảng tính Excel): every CSV table again as XLSX, for those who open data by
//! double-click. Excel set to Vietnamese regional settings splits a CSV on `;` and reads `,` as
//! the decimal mark, so a comma-separated file lands in one column there, `06685` loses its
//! leading zero and `12/12` becomes a date. A workbook carries its cell types instead: codes and
//! such values are text cells (formatted as text, so they stay text when edited), counts and
//! shares are numbers (shown with the reader's own decimal mark), dates are dates, and yes/no
//! are booleans — each as its column's CSVW datatype says (`columns`).
//!
//! Sheets: `Dữ liệu` (the table with Vietnamese column titles), `Data` (the same rows with
//! English titles), and `Cột - Columns` (each column's CSV/JSON name, titles and type). Text is
//! written as typed: a workbook's text cell is never run as a formula, so the CSV's leading `'`
//! guard is not needed here.
//!
//! Determinism: the document's creation date is the latest date of the data it holds, as the
//! catalogue's `dct:modified` (without one, 1980-01-01, the date the archive's entries carry);
//! never the clock. The archive itself is written with fixed entry dates.

use super::columns::{Column, Datatype, column};
use super::csv::{Cell, Table};
use crate::model::date::Date;
use rust_xlsxwriter::{
    ColNum, DocProperties, ExcelDateTime, Format, FormatBorder, IgnoreError, RowNum, Workbook,
    Worksheet, XlsxError,
};

/// The IANA media type of an XLSX file.
pub const MEDIA_TYPE: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The sheets' names, in order.
pub const SHEETS: [&str; 3] = ["Dữ liệu", "Data", "Cột - Columns"];

/// Wide enough for a neighbourhood's name, narrow enough that a long reason wraps off screen
/// rather than pushing every other column away.
const MAX_COLUMN_PX: u32 = 320;

/// What a workbook says of itself in its document properties.
pub struct Properties<'a> {
    pub title_vi: &'a str,
    pub title_en: &'a str,
    /// The publishing body.
    pub author: &'a str,
    /// The latest date of the data it holds.
    pub date: Option<Date>,
    /// The site's data are samples (`du_lieu_mau`).
    pub sample: bool,
}

/// The mark a sample site's workbooks carry in their title and on every printed sheet.
pub const SAMPLE_MARK: &str = "DỮ LIỆU MẪU / SAMPLE DATA";

/// The workbook of `table`. Fails only on a column that has no titles (a bug) or on what the
/// XLSX writer refuses (more rows than a sheet holds).
pub fn workbook(table: &Table, about: &Properties) -> Result<Vec<u8>, String> {
    let columns = table
        .header()
        .iter()
        .map(|name| {
            column(name)
                .map(|c| (*name, c))
                .ok_or_else(|| format!("open data: column {name} has no title"))
        })
        .collect::<Result<Vec<_>, String>>()?;
    write(table, &columns, about).map_err(|e| format!("open data: XLSX: {e}"))
}

fn write(
    table: &Table,
    columns: &[(&str, Column)],
    about: &Properties,
) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let created = match about.date {
        Some(d) => ExcelDateTime::from_ymd(year(d)?, d.month(), d.day())?,
        None => ExcelDateTime::from_ymd(1980, 1, 1)?,
    };
    let title = format!("{} / {}", about.title_vi, about.title_en);
    book.set_properties(
        &DocProperties::new()
            .set_title(match about.sample {
                true => format!("{SAMPLE_MARK} — {title}"),
                false => title,
            })
            .set_author(about.author)
            .set_company(about.author)
            .set_creation_datetime(&created),
    );
    let formats = Formats::new();
    let [vi, en, meaning] = SHEETS;
    data_sheet(book.add_worksheet(), vi, table, columns, &formats, |c| c.vi)?;
    data_sheet(book.add_worksheet(), en, table, columns, &formats, |c| c.en)?;
    columns_sheet(book.add_worksheet(), meaning, columns, &formats)?;
    if about.sample {
        // on paper, where no title shows, each page says the figures are not real; the header
        // leaves the rows where scripts and the site's checks read them
        for sheet in book.worksheets_mut() {
            sheet.set_header(format!("&C&\"-,Bold\"{SAMPLE_MARK}"));
        }
    }
    book.save_to_buffer()
}

struct Formats {
    header: Format,
    text: Format,
    decimal: Format,
    date: Format,
}

impl Formats {
    fn new() -> Self {
        Self {
            header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_border_bottom(FormatBorder::Thin),
            // `@`: Excel's text format, so that a code typed over stays text
            text: Format::new().set_num_format("@"),
            decimal: Format::new().set_num_format("0.00"),
            date: Format::new().set_num_format("yyyy-mm-dd"),
        }
    }
}

/// One header row of titles, then the table's rows, filterable, with the header frozen.
fn data_sheet(
    sheet: &mut Worksheet,
    name: &str,
    table: &Table,
    columns: &[(&str, Column)],
    formats: &Formats,
    title: impl Fn(&Column) -> &'static str,
) -> Result<(), XlsxError> {
    sheet.set_name(name)?;
    for (i, (_, c)) in columns.iter().enumerate() {
        sheet.write_string_with_format(0, col(i)?, title(c), &formats.header)?;
    }
    for (r, cells) in table.rows().iter().enumerate() {
        let r = row(r + 1)?;
        for (i, (cell, (_, c))) in cells.iter().zip(columns).enumerate() {
            write_cell(sheet, r, col(i)?, cell, c.datatype, formats)?;
        }
    }
    let last_row = row(table.rows().len())?;
    let last_col = col(columns.len().saturating_sub(1))?;
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, last_row, last_col)?;
    if last_row > 0 {
        // codes such as 06685 are text on purpose: no green "number stored as text" marks
        sheet.ignore_error_range(1, 0, last_row, last_col, IgnoreError::NumberStoredAsText)?;
    }
    sheet.set_autofit_max_width(MAX_COLUMN_PX).autofit();
    Ok(())
}

fn write_cell(
    sheet: &mut Worksheet,
    r: RowNum,
    c: ColNum,
    cell: &Cell,
    datatype: Datatype,
    formats: &Formats,
) -> Result<(), XlsxError> {
    match cell {
        // an empty cell, as the CSV's empty field: no value
        Cell::Empty => {}
        // counts are far below 2^53, where f64 stops holding every integer
        Cell::Int(n) => {
            sheet.write_number(r, c, *n as f64)?;
        }
        Cell::Float(x) => {
            sheet.write_number_with_format(r, c, *x, &formats.decimal)?;
        }
        Cell::Bool(b) => {
            sheet.write_boolean(r, c, *b)?;
        }
        Cell::Text(s) | Cell::Key(s) => match (datatype, Date::parse(s)) {
            (Datatype::Date, Ok(d)) => {
                let date = ExcelDateTime::from_ymd(year(d)?, d.month(), d.day())?;
                sheet.write_datetime_with_format(r, c, &date, &formats.date)?;
            }
            _ => {
                sheet.write_string_with_format(r, c, s, &formats.text)?;
            }
        },
    }
    Ok(())
}

/// Each column's name in the CSV and JSON, its titles and its CSVW datatype.
fn columns_sheet(
    sheet: &mut Worksheet,
    name: &str,
    columns: &[(&str, Column)],
    formats: &Formats,
) -> Result<(), XlsxError> {
    sheet.set_name(name)?;
    let header = [
        "Tên trường (CSV, JSON) / Field name",
        "Tên cột / Column title (vi)",
        "Column title (en)",
        "Kiểu / Datatype (CSVW)",
    ];
    for (i, h) in header.iter().enumerate() {
        sheet.write_string_with_format(0, col(i)?, *h, &formats.header)?;
    }
    for (r, (key, c)) in columns.iter().enumerate() {
        let r = row(r + 1)?;
        for (i, value) in [*key, c.vi, c.en, c.datatype.name()].iter().enumerate() {
            sheet.write_string(r, col(i)?, *value)?;
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.set_autofit_max_width(MAX_COLUMN_PX).autofit();
    Ok(())
}

fn row(i: usize) -> Result<RowNum, XlsxError> {
    RowNum::try_from(i).map_err(|_| XlsxError::RowColumnLimitError)
}

fn col(i: usize) -> Result<ColNum, XlsxError> {
    ColNum::try_from(i).map_err(|_| XlsxError::RowColumnLimitError)
}

fn year(d: Date) -> Result<u16, XlsxError> {
    u16::try_from(d.year()).map_err(|_| XlsxError::DateTimeRangeError(d.iso()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn props(date: Option<Date>) -> Properties<'static> {
        Properties {
            title_vi: "Danh sách",
            title_en: "List",
            author: "UBND phường",
            date,
            sample: false,
        }
    }

    fn table() -> Table {
        let mut t = Table::new(&["ma_hanh_chinh", "so_phieu", "ngay_bau_cu", "trung_cu"]);
        t.push(vec![
            Cell::key("06685"),
            Cell::from(159),
            Cell::key("2022-06-05"),
            Cell::from(true),
        ]);
        t
    }

    #[test]
    fn the_same_table_gives_the_same_bytes() {
        let date = Date::new(2022, 6, 5);
        let a = workbook(&table(), &props(date)).unwrap();
        let b = workbook(&table(), &props(date)).unwrap();
        assert!(a.starts_with(b"PK"), "an XLSX file is a ZIP archive");
        assert!(a == b);
        // the date of the data, not the clock, is what changes the bytes
        assert!(a != workbook(&table(), &props(Date::new(2022, 6, 6))).unwrap());
        assert!(workbook(&table(), &props(None)).is_ok());
    }

    #[test]
    fn a_column_without_titles_is_refused() {
        let mut t = Table::new(&["no_such_column"]);
        t.push(vec![Cell::Empty]);
        let e = workbook(&t, &props(None)).unwrap_err();
        assert!(e.contains("no_such_column"), "{e}");
    }
}
