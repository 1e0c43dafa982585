//! The workbook's behaviour, and its parts compared with those rust_xlsxwriter (a writer
//! tested against Excel's own files) writes for the same table.

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

fn table() -> Table<'static> {
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

/// Each part of each workbook, by name.
fn parts(book: &[u8]) -> Vec<(String, String)> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(book)).unwrap();
    let mut parts: Vec<(String, String)> = (0..zip.len())
        .map(|i| {
            let mut file = zip.by_index(i).unwrap();
            let mut xml = String::new();
            std::io::Read::read_to_string(&mut file, &mut xml).unwrap();
            (file.name().unwrap().to_string(), xml)
        })
        .collect();
    parts.sort();
    parts
}

/// Rows that use every kind of cell, the text format before the date and the decimal ones (the
/// order in which rust_xlsxwriter numbers the formats it meets): text to escape, text that reads
/// as an escape, lines, spaces at the ends, a text too long for its column, empty cells and empty
/// text, and more than 16 rows, where the spans of columns change.
fn every_kind_of_cell() -> Table<'static> {
    let mut t = Table::new(&[
        "du_lieu_mau",
        "don_vi",
        "ten_khu_dan_cu",
        "ngay_bau_cu",
        "tong_cu_tri",
        "ty_le_tham_gia",
        "ly_do",
        "quyet_dinh_ngay",
    ]);
    let reasons = [
        "Bão số 3 & lũ <lớn>",
        "_x0041_ như đã gõ",
        "Hai dòng\nthứ hai dài hơn dòng đầu",
        " cách ở đầu",
        "Một lý do rất dài, dài hơn cả chiều rộng tối đa của một cột, để thấy cột dừng ở giới hạn",
        "",
    ];
    for i in 0..20u32 {
        t.push(vec![
            Cell::from(i % 2 == 0),
            Cell::key(format!("{:05}", 6685 + i)),
            Cell::text(&format!("Tổ dân phố {i}")),
            Cell::key(format!("2022-06-{:02}", 1 + i)),
            Cell::from(100 + i * 37),
            Cell::Float(f64::from(i) * 3.33),
            Cell::text(reasons[i as usize % reasons.len()]),
            if i % 3 == 0 {
                Cell::Empty
            } else {
                Cell::key("1900-01-15")
            },
        ]);
    }
    t
}

#[test]
fn every_part_is_the_xml_rust_xlsxwriter_writes() {
    let tables = [every_kind_of_cell(), table()];
    for (t, table) in tables.iter().enumerate() {
        for (sample, date) in [(false, None), (true, Date::new(2022, 6, 5))] {
            let about = Properties {
                sample,
                ..props(date)
            };
            let ours = parts(&workbook(table, &about).unwrap());
            let columns: Vec<_> = table
                .header()
                .iter()
                .map(|n| (*n, crate::export::columns::column(n).unwrap()))
                .collect();
            let theirs = parts(&reference::write(table, &columns, &about).unwrap());
            let names =
                |p: &[(String, String)]| p.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
            assert_eq!(names(&ours), names(&theirs), "table {t}, sample {sample}");
            for ((name, ours), (_, theirs)) in ours.iter().zip(&theirs) {
                if name == "xl/styles.xml" && t == 1 {
                    // the small table has no decimal: rust_xlsxwriter leaves that format out
                    continue;
                }
                assert!(
                    ours == theirs,
                    "table {t}, sample {sample}, {name}:\n{ours}\n{theirs}"
                );
            }
        }
    }
}

#[test]
fn a_table_longer_than_a_sheet_is_refused() {
    let mut t = Table::new(&["tong_cu_tri"]);
    for n in 0..1_048_576u32 {
        t.push(vec![Cell::from(n)]);
    }
    let e = workbook(&t, &props(None)).unwrap_err();
    assert!(e.contains("1048576 rows"), "{e}");
}

#[test]
fn dates_count_from_excels_epoch() {
    let day = |y, m, d| serial(Date::new(y, m, d).unwrap());
    assert_eq!(day(1900, 1, 1), 1.0);
    assert_eq!(day(1900, 2, 28), 59.0);
    // Excel's 29 February 1900 is 60
    assert_eq!(day(1900, 3, 1), 61.0);
    assert_eq!(day(2022, 6, 5), 44717.0);
    assert_eq!(day(2200, 12, 31), 109_939.0);
}

/// The workbook as niemyet wrote it with rust_xlsxwriter before it wrote its own: the
/// reference its parts must equal.
mod reference {
    use super::super::sheet::MAX_COLUMN_PX;
    use super::super::{Properties, SAMPLE_MARK, SHEETS};
    use crate::export::columns::{Column, Datatype};
    use crate::export::csv::{Cell, Table};
    use crate::model::date::Date;
    use rust_xlsxwriter::{
        ColNum, DocProperties, ExcelDateTime, Format, FormatBorder, IgnoreError, RowNum, Workbook,
        Worksheet, XlsxError,
    };

    pub(super) fn write(
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
        for r in 0..table.row_count() {
            table.with_row(r, |cells| {
                let r = row(r + 1)?;
                for (i, (cell, (_, c))) in cells.iter().zip(columns).enumerate() {
                    write_cell(sheet, r, col(i)?, cell, c.datatype, formats)?;
                }
                Ok::<(), XlsxError>(())
            })?;
        }
        let last_row = row(table.row_count())?;
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
}
