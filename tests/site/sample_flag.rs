//! The sample-data flag (`du_lieu_mau`) travels with every data file, not only with the pages: a
//! file downloaded from a sample site must say so wherever it is opened. Every JSON file made from
//! the data carries `du_lieu_mau` at its top (true or false), Popolo included; NIST says `IsTest`;
//! every CSV of a sample site (and its workbook) has a first column `du_lieu_mau`, `true` on every
//! row; a workbook of a sample site names itself so in its title and prints the mark on every sheet.

use crate::harness::*;
use serde_json::Value;

/// The JSON data files of a built site: not the catalogue, nor the CSVW metadata, which describe
/// files rather than hold data.
fn json_data_files(out: &std::path::Path) -> Vec<String> {
    site_files(out)
        .into_iter()
        .filter(|p| p.ends_with(".json") && !p.ends_with(".csv-metadata.json"))
        .filter(|p| !p.ends_with("danh-muc.json") && !p.starts_with("tai-nguyen/"))
        .collect()
}

fn read_json(out: &std::path::Path, rel: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(out.join(rel)).unwrap())
        .unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn assert_flag(sample: bool) {
    let fx = Fixture::new();
    fx.write(
        CONFIG,
        format!("{}du_lieu_mau: {sample}\n", fx.read(CONFIG)),
    );
    fx.build_ok();
    let out = fx.output();
    let files = json_data_files(&out);
    for expected in [
        "du-lieu/popolo.json",
        "du-lieu/tong-hop.json",
        "du-lieu/don-vi.json",
        "bau-cu/tn-2022/ung-cu-vien.json",
        "bau-cu/tn-2022/nist-1500-100.json",
    ] {
        assert!(
            files.iter().any(|f| f == expected),
            "{expected} in {files:?}"
        );
    }
    for file in &files {
        let data = read_json(&out, file);
        let flag = match file.ends_with("nist-1500-100.json") {
            true => &data["IsTest"],
            false => &data["du_lieu_mau"],
        };
        assert_eq!(flag, &Value::Bool(sample), "{file}");
    }
}

#[test]
fn every_json_data_file_of_a_sample_site_says_it_holds_samples() {
    assert_flag(true);
}

#[test]
fn every_json_data_file_of_a_real_site_says_it_does_not() {
    assert_flag(false);
}

#[test]
fn the_totals_file_holds_its_lines_under_tong_hop() {
    let fx = Fixture::new();
    fx.build_ok();
    let totals = read_json(&fx.output(), "du-lieu/tong-hop.json");
    let lines = totals["tong_hop"].as_array().expect("tong_hop is a list");
    assert!(
        lines.iter().any(|t| t["pham_vi"] == "toan-trang"),
        "{totals}"
    );
}

/// The text of `part` of the XLSX workbook at `rel`.
fn workbook_part(out: &std::path::Path, rel: &str, part: &str) -> String {
    let bytes = std::fs::read(out.join(rel)).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut text = String::new();
    std::io::Read::read_to_string(&mut zip.by_name(part).unwrap(), &mut text).unwrap();
    text
}

#[test]
fn a_workbook_of_a_sample_site_is_titled_and_printed_as_samples() {
    for sample in [true, false] {
        let fx = Fixture::new();
        fx.write(
            CONFIG,
            format!("{}du_lieu_mau: {sample}\n", fx.read(CONFIG)),
        );
        fx.build_ok();
        let out = fx.output();
        let books: Vec<String> = site_files(&out)
            .into_iter()
            .filter(|p| p.ends_with(".xlsx"))
            .collect();
        assert!(books.len() > 5, "{books:?}");
        for book in &books {
            let core = workbook_part(&out, book, "docProps/core.xml");
            assert_eq!(
                core.contains("DỮ LIỆU MẪU / SAMPLE DATA"),
                sample,
                "{book}: {core}"
            );
            for sheet in 1..=3 {
                let part = format!("xl/worksheets/sheet{sheet}.xml");
                let xml = workbook_part(&out, book, &part);
                assert_eq!(xml.contains("SAMPLE DATA"), sample, "{book} {part}");
            }
        }
    }
}

/// The CSV data files of a site built with `du_lieu_mau: sample`, each with its text.
fn csv_files(sample: bool) -> Vec<(String, String, Value)> {
    let fx = Fixture::new();
    fx.write(
        CONFIG,
        format!("{}du_lieu_mau: {sample}\n", fx.read(CONFIG)),
    );
    fx.build_ok();
    let out = fx.output();
    site_files(&out)
        .into_iter()
        .filter(|p| p.ends_with(".csv"))
        .map(|p| {
            let text = std::fs::read_to_string(out.join(&p)).unwrap();
            let metadata = read_json(&out, &format!("{p}-metadata.json"));
            (p, text, metadata)
        })
        .collect()
}

#[test]
fn every_csv_of_a_sample_site_says_so_on_every_row() {
    let files = csv_files(true);
    for expected in [
        "du-lieu/ket-qua.csv",
        "du-lieu/tong-hop.csv",
        "du-lieu/don-vi.csv",
        "bau-cu/tn-2022/ket-qua.csv",
        "bau-cu/tn-2022/khu-1/ket-qua.csv",
        "bau-cu/tn-2022/ung-cu-vien.csv",
        "bau-cu/tn-2022/trung-cu.csv",
    ] {
        assert!(
            files.iter().any(|(p, ..)| p == expected),
            "{expected} in {:?}",
            files.iter().map(|f| &f.0).collect::<Vec<_>>()
        );
    }
    for (file, text, metadata) in &files {
        let mut lines = text.trim_end_matches("\r\n").split("\r\n");
        let header = lines.next().unwrap();
        assert!(
            header.starts_with("\u{feff}du_lieu_mau,"),
            "{file}: {header}"
        );
        let width = header.split(',').count();
        let mut rows = 0;
        for row in lines {
            assert!(row.starts_with("true,"), "{file}: {row}");
            rows += 1;
        }
        assert!(rows > 0, "{file} has no rows");
        // declared first in the CSVW metadata, as a boolean with its titles
        let columns = metadata["tableSchema"]["columns"].as_array().unwrap();
        assert_eq!(columns.len(), width, "{file}");
        let flag = &columns[0];
        assert_eq!(flag["name"], "du_lieu_mau", "{file}");
        assert_eq!(flag["datatype"], "boolean", "{file}");
        assert_eq!(flag["titles"]["vi"], "Dữ liệu mẫu", "{file}");
        assert_eq!(flag["titles"]["en"], "Sample data", "{file}");
    }
}

#[test]
fn no_csv_of_a_real_site_has_the_sample_column() {
    let files = csv_files(false);
    assert!(files.len() >= 7, "{}", files.len());
    for (file, text, metadata) in &files {
        assert!(!text.contains("du_lieu_mau"), "{file}");
        assert!(!metadata.to_string().contains("du_lieu_mau"), "{file}");
    }
}
