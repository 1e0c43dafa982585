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
//!
//! The parts are written here (`sheet`, `package`) as rust_xlsxwriter, a writer tested against
//! Excel's own files, writes them for these tables; a test compares them with its output. A
//! national site has a workbook for each of tens of thousands of contests, and that crate
//! started three threads and compressed its fixed parts again for each: half of a build's time
//! at scale 0.1 (`benches/national.sh`).

mod package;
mod sheet;

use super::columns::{Column, Datatype, column};
use super::csv::{Cell, Table};
use crate::model::date::Date;
use sheet::{Sheet, Style, Value};
use std::cell::OnceCell;

/// The IANA media type of an XLSX file.
pub const MEDIA_TYPE: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The sheets' names, in order.
pub const SHEETS: [&str; 3] = ["Dữ liệu", "Data", "Cột - Columns"];

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

/// The most rows a sheet holds, its title row among them.
const MAX_ROWS: usize = 1_048_576;

/// The workbook of `table`. Fails only on a column that has no titles (a bug) or on more rows
/// than a sheet holds.
pub fn workbook(table: &Table, about: &Properties) -> Result<Vec<u8>, String> {
    if table.row_count() >= MAX_ROWS {
        return Err(format!(
            "open data: XLSX: {} rows, more than a sheet holds ({MAX_ROWS} with the titles)",
            table.row_count()
        ));
    }
    let columns = table
        .header()
        .iter()
        .map(|name| {
            column(name)
                .map(|c| (*name, c))
                .ok_or_else(|| format!("open data: column {name} has no title"))
        })
        .collect::<Result<Vec<_>, String>>()?;
    let mut strings = sheet::Strings::default();
    // on paper, where no title shows, each page of a sample says the figures are not real; the
    // header leaves the rows where scripts and the site's checks read them
    let header = about.sample.then(|| format!("&C&\"-,Bold\"{SAMPLE_MARK}"));
    let header = header.as_deref();
    let sheets = [
        data_sheet(table, &columns, |c| c.vi, true),
        data_sheet(table, &columns, |c| c.en, false),
        columns_sheet(&columns),
    ];
    let title = format!("{} / {}", about.title_vi, about.title_en);
    let title = match about.sample {
        true => format!("{SAMPLE_MARK} — {title}"),
        false => title,
    };
    let own = package::Own {
        filtered: (sheets.iter().enumerate())
            .filter_map(|(i, sheet)| Some((i, sheet.filter_end()?)))
            .collect(),
        title: &title,
        author: about.author,
        created: about.date,
    };
    // each sheet's XML is made as the archive takes it, and dropped once compressed
    package::archive(&own, &mut |part, out| match part {
        package::Part::Sheet(i) => sheets
            .get(i)
            .map_or(Ok(()), |sheet| sheet.write_xml(out, &mut strings, header)),
        package::Part::SharedStrings => out.write_all(strings.xml().as_bytes()),
    })
    .map_err(|e| format!("open data: XLSX: {e}"))
}

/// One header row of titles, then the table's rows, filterable, with the header frozen.
fn data_sheet<'a>(
    table: &'a Table<'_>,
    columns: &'a [(&'a str, Column)],
    title: impl Fn(&Column) -> &'static str + 'a,
    selected: bool,
) -> Sheet<'a> {
    Sheet {
        len: table.row_count() + 1,
        row: Box::new(move |r, visit| match r.checked_sub(1) {
            None => visit(
                &columns
                    .iter()
                    .map(|(_, c)| Some(styled(Value::Text(title(c)), Style::Header)))
                    .collect::<Vec<_>>(),
            ),
            Some(r) => table.with_row(r, |cells| {
                visit(
                    &cells
                        .iter()
                        .zip(columns)
                        .map(|(cell, (_, c))| data_cell(cell, c.datatype))
                        .collect::<Vec<_>>(),
                )
            }),
        }),
        filtered: true,
        selected,
        layout: OnceCell::new(),
    }
}

fn styled(value: Value, style: Style) -> sheet::Cell {
    sheet::Cell { value, style }
}

/// A table's cell as its column types it: counts are numbers, shares numbers with two
/// decimals, dates dates, yes/no booleans, and everything else text formatted as text.
fn data_cell(cell: &Cell, datatype: Datatype) -> Option<sheet::Cell<'_>> {
    Some(match cell {
        // an empty cell, as the CSV's empty field: no value
        Cell::Empty => return None,
        // counts are far below 2^53, where f64 stops holding every integer
        Cell::Int(n) => styled(Value::Number(*n as f64), Style::Plain),
        Cell::Float(x) => styled(Value::Number(*x), Style::Decimal),
        Cell::Bool(b) => styled(Value::Bool(*b), Style::Plain),
        Cell::Text(s) | Cell::Key(s) => {
            let date = matches!(datatype, Datatype::Date).then(|| Date::parse(s).ok());
            match date.flatten() {
                Some(d) => styled(Value::Date(serial(d)), Style::Date),
                None => styled(Value::Text(s), Style::Text),
            }
        }
    })
}

/// Each column's name in the CSV and JSON, its titles and its CSVW datatype.
fn columns_sheet<'a>(columns: &[(&'a str, Column)]) -> Sheet<'a> {
    let header = [
        "Tên trường (CSV, JSON) / Field name",
        "Tên cột / Column title (vi)",
        "Column title (en)",
        "Kiểu / Datatype (CSVW)",
    ]
    .map(|h| Some(styled(Value::Text(h), Style::Header)))
    .to_vec();
    let rows = columns.iter().map(|(key, c)| {
        [*key, c.vi, c.en, c.datatype.name()]
            .map(|v| Some(styled(Value::Text(v), Style::Plain)))
            .to_vec()
    });
    let rows: Vec<_> = std::iter::once(header).chain(rows).collect();
    Sheet {
        len: rows.len(),
        row: Box::new(move |r, visit| visit(rows.get(r).map_or(&[], Vec::as_slice))),
        filtered: false,
        selected: false,
        layout: OnceCell::new(),
    }
}

/// A date as Excel counts it: days since 1899-12-30, one fewer before March 1900, as Excel keeps
/// Lotus 1-2-3's 29 February 1900. Every [`Date`] (1900 to 2200) is one Excel holds.
fn serial(d: Date) -> f64 {
    let days = days_from_civil(d.year(), d.month(), d.day()) - days_from_civil(1899, 12, 30);
    (if days < 61 { days - 1 } else { days }) as f64
}

/// Days since 1970-01-01 of a date of the proleptic Gregorian calendar (Howard Hinnant's
/// algorithm).
fn days_from_civil(year: i32, month: u8, day: u8) -> i64 {
    let (m, d) = (i64::from(month), i64::from(day));
    let y = i64::from(year) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
    era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468
}

#[cfg(test)]
mod tests;
