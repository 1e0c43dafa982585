//! Excel workbooks (XLSX) beside every CSV: read back with an independent reader (calamine), each
//! cell has the type its column's CSVW metadata gives and the value the CSV holds, so that a code
//! such as `06685` stays text with its leading zero and `12/12` is not a date; the workbook has a
//! sheet with Vietnamese column titles and one with English titles; its bytes do not depend on
//! the clock; pages link it beside each CSV, and the catalogue lists it.

use crate::harness::*;
use calamine::{Data, Reader, Xlsx};
use serde_json::Value;
use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};

const CATALOGUE: &str = "du-lieu/danh-muc.json";
const XLSX_MEDIA: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

fn read(out: &Path, rel: &str) -> Vec<u8> {
    std::fs::read(out.join(rel)).unwrap_or_else(|e| panic!("read output {rel}: {e}"))
}

fn json(out: &Path, rel: &str) -> Value {
    serde_json::from_slice(&read(out, rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// A CSV read back (RFC 4180, BOM first, CRLF), header first.
fn csv(out: &Path, rel: &str) -> Vec<Vec<String>> {
    let bytes = read(out, rel);
    let text = std::str::from_utf8(&bytes).unwrap();
    let text = text.strip_prefix('\u{feff}').expect("BOM");
    let mut rows = Vec::new();
    let (mut row, mut field, mut quoted) = (Vec::new(), String::new(), false);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {
                chars.next();
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    rows
}

/// Every sheet of a workbook, by name, as rows of cells.
fn sheets(bytes: &[u8]) -> Vec<(String, Vec<Vec<Data>>)> {
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes.to_vec())).expect("an XLSX workbook");
    book.sheet_names()
        .into_iter()
        .map(|name| {
            let range = book.worksheet_range(&name).expect("a worksheet");
            let rows = range.rows().map(<[Data]>::to_vec).collect();
            (name, rows)
        })
        .collect()
}

/// Days since 1899-12-30, as Excel counts dates.
fn excel_serial(iso: &str) -> f64 {
    let part = |r: std::ops::Range<usize>| iso[r].parse::<i64>().unwrap();
    let days = |y: i64, m: i64, d: i64| {
        // days from civil (Howard Hinnant's algorithm)
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
        era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy
    };
    (days(part(0..4), part(5..7), part(8..10)) - days(1899, 12, 30)) as f64
}

/// Whether a workbook cell holds the CSV cell's value with the type of its column.
fn agrees(cell: &Data, csv: &str, datatype: &str) -> Result<(), String> {
    let ok = match (datatype, cell) {
        (_, Data::Empty) => csv.is_empty(),
        // The CSV defuses text that a spreadsheet would run as a formula with a leading `'`; a
        // text cell of a workbook is never run, so it holds the text as typed.
        ("string", Data::String(s)) => {
            csv == s
                || (csv.strip_prefix('\'') == Some(s.as_str())
                    && s.starts_with(['=', '+', '-', '@']))
        }
        ("integer", Data::Float(x)) => csv.parse::<f64>().ok() == Some(*x) && x.fract() == 0.0,
        ("integer", Data::Int(n)) => csv.parse::<i64>().ok() == Some(*n),
        ("decimal", Data::Float(x)) => csv.parse::<f64>().ok() == Some(*x),
        ("boolean", Data::Bool(b)) => csv.parse::<bool>().ok() == Some(*b),
        ("date", Data::DateTime(d)) => d.is_datetime() && d.as_f64() == excel_serial(csv),
        _ => false,
    };
    if ok {
        Ok(())
    } else {
        Err(format!("{cell:?} is not the {datatype} {csv:?}"))
    }
}

fn title(cell: &Data) -> String {
    match cell {
        Data::String(s) => s.clone(),
        other => panic!("a column title must be text: {other:?}"),
    }
}

/// The example site built into a temporary folder.
fn built_example() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("output");
    build_ok(&example_content(), &out);
    (dir, out)
}

fn csv_files(out: &Path) -> Vec<String> {
    site_files(out)
        .into_iter()
        .filter(|p| p.ends_with(".csv"))
        .collect()
}

#[test]
fn every_csv_has_a_workbook_with_the_same_values_typed_as_its_columns() {
    if !example_exists() {
        return;
    }
    let (_dir, out) = built_example();
    let (mut codes, mut fractions, mut dates, mut numbers) = (0, 0, 0, 0);
    let csvs = csv_files(&out);
    assert!(csvs.len() > 10, "{csvs:?}");
    for path in &csvs {
        let stem = path.strip_suffix(".csv").unwrap();
        let rows = csv(&out, path);
        let meta = json(&out, &format!("{path}-metadata.json"));
        let columns = meta["tableSchema"]["columns"].as_array().unwrap();
        let book = sheets(&read(&out, &format!("{stem}.xlsx")));
        let names: Vec<&str> = book.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names[..2], ["Dữ liệu", "Data"], "{stem}.xlsx");
        for (sheet, lang) in [(&book[0].1, "vi"), (&book[1].1, "en")] {
            // one header row of titles in the sheet's language, then the CSV's rows
            let header: Vec<String> = sheet[0].iter().map(title).collect();
            let expected: Vec<&str> = columns
                .iter()
                .map(|c| c["titles"][lang].as_str().unwrap())
                .collect();
            assert_eq!(header, expected, "{stem}.xlsx {lang}");
            assert_eq!(sheet.len(), rows.len(), "{stem}.xlsx {lang}: rows");
            for (r, (xrow, crow)) in sheet[1..].iter().zip(&rows[1..]).enumerate() {
                for (i, c) in columns.iter().enumerate() {
                    let datatype = c["datatype"].as_str().unwrap();
                    let cell = xrow.get(i).unwrap_or(&Data::Empty);
                    agrees(cell, &crow[i], datatype).unwrap_or_else(|e| {
                        panic!("{stem}.xlsx {lang} row {} {}: {e}", r + 2, c["name"])
                    });
                    let text = &crow[i];
                    codes += usize::from(
                        matches!(cell, Data::String(s) if s.len() > 1 && s.starts_with('0') && s.bytes().all(|b| b.is_ascii_digit())),
                    );
                    fractions += usize::from(
                        c["name"] == "hoc_van"
                            && matches!(cell, Data::String(s) if s.contains('/')),
                    );
                    dates += usize::from(matches!(cell, Data::DateTime(_)) && !text.is_empty());
                    numbers += usize::from(matches!(cell, Data::Float(_)));
                }
            }
        }
    }
    assert!(codes > 0, "a code such as 06685 stays text with its zero");
    assert!(fractions > 10, "hoc_van such as 12/12 stays text");
    assert!(
        dates > 10 && numbers > 100,
        "{dates} dates, {numbers} numbers"
    );
}

#[test]
fn the_workbook_explains_its_columns_and_holds_nothing_private() {
    let fx = Fixture::new();
    fx.build_ok();
    let out = fx.output();
    let csvs = csv_files(&out);
    assert!(!csvs.is_empty());
    for path in csvs {
        let stem = path.strip_suffix(".csv").unwrap();
        let book = sheets(&read(&out, &format!("{stem}.xlsx")));
        // the third sheet maps each CSV/JSON key to its titles and type
        let (name, columns) = &book[2];
        assert_eq!(name, "Cột - Columns", "{stem}.xlsx");
        let header = &csv(&out, &path)[0];
        let keys: Vec<String> = columns[1..].iter().map(|r| title(&r[0])).collect();
        assert_eq!(&keys, header, "{stem}.xlsx");
        for (_, rows) in &book {
            for cell in rows.iter().flatten() {
                if let Data::String(s) = cell {
                    for private in ["chỉ dành cho cán bộ", "rieng_tu", "hòa giải"] {
                        assert!(!s.contains(private), "{stem}.xlsx holds “{private}”");
                    }
                }
            }
        }
    }
}

/// A part of a workbook (a ZIP archive), as text.
fn part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("a ZIP archive");
    let mut text = String::new();
    zip.by_name(name)
        .unwrap_or_else(|e| panic!("{name}: {e}"))
        .read_to_string(&mut text)
        .unwrap();
    text
}

#[test]
fn workbooks_are_the_same_bytes_on_a_rebuild_and_dated_by_their_data() {
    if !example_exists() {
        return;
    }
    let (_a, a) = built_example();
    let (_b, b) = built_example();
    let books: Vec<String> = site_files(&a)
        .into_iter()
        .filter(|p| p.ends_with(".xlsx"))
        .collect();
    assert_eq!(books.len(), csv_files(&a).len());
    for p in &books {
        assert!(read(&a, p) == read(&b, p), "{p} differs between two builds");
    }
    // The creation date is the catalogue's last modified date of the file, not the clock.
    let catalogue = json(&a, CATALOGUE);
    let mut checked = 0;
    for d in catalogue["dcat:dataset"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["dcat:distribution"].as_array().unwrap())
    {
        let path = d["dcat:downloadURL"]["@id"].as_str().unwrap();
        let Some(path) = path.strip_prefix("../").filter(|p| p.ends_with(".xlsx")) else {
            continue;
        };
        let core = part(&read(&a, path), "docProps/core.xml");
        let doc = roxmltree::Document::parse(&core).unwrap();
        let created = doc
            .descendants()
            .find(|n| n.tag_name().name() == "created")
            .and_then(|n| n.text())
            .unwrap();
        let modified = d["dct:modified"]["@value"].as_str().unwrap();
        assert_eq!(created, format!("{modified}T00:00:00Z"), "{path}");
        checked += 1;
    }
    assert_eq!(checked, books.len());
}

#[test]
fn the_catalogue_lists_each_workbook_beside_its_csv() {
    use sha2::{Digest, Sha256};
    if !example_exists() {
        return;
    }
    let (_dir, out) = built_example();
    let catalogue = json(&out, CATALOGUE);
    let mut listed = 0;
    for dataset in catalogue["dcat:dataset"].as_array().unwrap() {
        let distributions = dataset["dcat:distribution"].as_array().unwrap();
        let urls: Vec<&str> = distributions
            .iter()
            .map(|d| d["dcat:downloadURL"]["@id"].as_str().unwrap())
            .collect();
        let Some(csv) = urls.iter().find(|u| u.ends_with(".csv")) else {
            assert!(!urls.iter().any(|u| u.ends_with(".xlsx")), "{urls:?}");
            continue;
        };
        // one dataset, two distributions: the CSV and the workbook of the same table
        let book = format!("{}.xlsx", csv.strip_suffix(".csv").unwrap());
        assert_eq!(urls, [*csv, book.as_str()]);
        let d = &distributions[1];
        let bytes = read(&out, book.strip_prefix("../").unwrap());
        assert_eq!(d["dcat:byteSize"], bytes.len(), "{book}");
        let sum = Sha256::digest(&bytes);
        let hex: String = sum.iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(d["spdx:checksum"]["spdx:checksumValue"], hex, "{book}");
        assert!(
            d["dcat:mediaType"]["@id"]
                .as_str()
                .unwrap()
                .ends_with(XLSX_MEDIA),
            "{book}"
        );
        assert!(
            d["dct:format"]["@id"]
                .as_str()
                .unwrap()
                .ends_with("/file-type/XLSX"),
            "{book}"
        );
        assert_eq!(
            d["dct:modified"], distributions[0]["dct:modified"],
            "{book}"
        );
        assert_eq!(d["dct:license"], distributions[0]["dct:license"], "{book}");
        listed += 1;
    }
    assert_eq!(listed, csv_files(&out).len());
}

#[test]
fn pages_link_the_workbook_beside_each_csv_and_say_which_to_pick() {
    if !example_exists() {
        return;
    }
    let (_dir, out) = built_example();
    let mut pairs = 0;
    for page in html_pages(&out) {
        let html = String::from_utf8(read(&out, &page)).unwrap();
        let targets: Vec<String> = links(&html)
            .into_iter()
            .filter_map(|l| resolve(&page, &l).ok().flatten())
            .collect();
        for csv in targets.iter().filter(|t| t.ends_with(".csv")) {
            let stem = csv.strip_suffix(".csv").unwrap();
            for beside in [format!("{stem}.xlsx"), format!("{csv}-metadata.json")] {
                assert!(
                    targets.contains(&beside),
                    "{page} links {csv}, not {beside}"
                );
                assert!(out.join(&beside).is_file(), "{page}: {beside}");
            }
            pairs += 1;
        }
    }
    assert!(pairs > 20, "{pairs}");
    for (page, words) in [
        (
            "ket-qua/index.html",
            ["Excel", "XLSX", "06685", "“Dữ liệu”", "“Data”"],
        ),
        (
            "en/ket-qua/index.html",
            ["Excel", "XLSX", "06685", "English column titles", "“Data”"],
        ),
    ] {
        let text = visible_text(&String::from_utf8(read(&out, page)).unwrap());
        for w in words {
            assert!(text.contains(w), "{page} does not say {w}");
        }
    }
}
