//! The data catalogue (danh mục dữ liệu): `du-lieu/danh-muc.json`, a DCAT-AP style JSON-LD list
//! of every data file with its titles in Vietnamese and English, format, licence, last modified
//! date, size and SHA-256; and beside each CSV its CSVW metadata (`<file>.csv-metadata.json`)
//! giving each column's titles and datatype, so that `06685` stays text and `12/12` is not read
//! as a date. Made last, from the bytes of the other files. The modified date is the latest date
//! of the data a file holds, never the clock, so that the same content gives the same bytes.

use super::columns::column;
use super::{DATA_DIR, Sink};
use crate::model::Site;
use crate::model::date::Date;
use crate::model::language::Language;
use crate::write::{Contents, OutputFile};
use serde_json::{Value, json};

/// The catalogue's path from the site root.
pub fn catalogue_file() -> String {
    format!("{DATA_DIR}/danh-muc.json")
}

/// The CSVW metadata of the CSV at `csv`, beside it (the name CSVW looks for first).
pub fn csvw_file(csv: &str) -> String {
    format!("{csv}-metadata.json")
}

/// What a data file holds: gives its title.
#[derive(Debug, Clone, Copy)]
pub enum Kind {
    ContestResults,
    RoundResults,
    Candidates,
    Elected,
    Nist,
    AllResults,
    Totals,
    Divisions,
    Popolo,
}

impl Kind {
    /// The title in Vietnamese and English.
    fn title(self) -> (&'static str, &'static str) {
        match self {
            Self::ContestResults => (
                "Kết quả bầu cử khu dân cư",
                "Neighbourhood election results",
            ),
            Self::RoundResults => ("Kết quả bầu cử của đợt", "Election results of the round"),
            Self::Candidates => ("Danh sách ứng cử viên", "Candidate list"),
            Self::Elected => ("Danh sách người trúng cử", "List of those elected"),
            Self::Nist => (
                "Kết quả của đợt theo định dạng NIST SP 1500-100",
                "Results of the round in the NIST SP 1500-100 format",
            ),
            Self::AllResults => ("Kết quả mọi cuộc bầu", "Results of every election"),
            Self::Totals => (
                "Tổng hợp theo nhiệm kỳ, tỉnh và đơn vị",
                "Totals by term, province and unit",
            ),
            Self::Divisions => (
                "Đơn vị hành chính và khu dân cư (mã OCD)",
                "Administrative units and neighbourhoods (OCD ids)",
            ),
            Self::Popolo => (
                "Ứng cử viên, đơn vị và chức danh (Popolo)",
                "Candidates, divisions and posts (Popolo)",
            ),
        }
    }
}

/// A data file's format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    /// The workbook of the CSV made just before it: listed as a second distribution of the
    /// CSV's dataset, since both hold the same table.
    Xlsx,
    Json,
}

impl Format {
    /// The name in the EU file-type vocabulary and the IANA media type.
    fn names(self) -> (&'static str, &'static str) {
        match self {
            Self::Csv => ("CSV", "text/csv"),
            Self::Xlsx => ("XLSX", super::xlsx::MEDIA_TYPE),
            Self::Json => ("JSON", "application/json"),
        }
    }
}

/// What the catalogue says of one data file besides its bytes.
#[derive(Debug, Clone)]
pub struct About {
    pub kind: Kind,
    pub format: Format,
    /// What it is of (a neighbourhood, a round), added to the title; empty for the whole site.
    pub of: String,
    /// The latest date of the data it holds.
    pub modified: Option<Date>,
    /// A CSV's columns, in order.
    pub columns: Option<Vec<&'static str>>,
}

impl About {
    pub fn new(kind: Kind, of: impl Into<String>, modified: Option<Date>) -> Self {
        Self {
            kind,
            format: Format::Json,
            of: of.into(),
            modified,
            columns: None,
        }
    }

    /// The file's title in Vietnamese and English.
    pub fn titles(&self) -> (String, String) {
        let (vi, en) = self.kind.title();
        if self.of.is_empty() {
            (vi.to_string(), en.to_string())
        } else {
            (format!("{vi}: {}", self.of), format!("{en}: {}", self.of))
        }
    }
}

/// A data file as the catalogue lists it.
#[derive(Debug, Clone)]
pub struct Listed {
    path: String,
    size: usize,
    sha256: String,
    about: About,
}

impl Listed {
    pub fn of(path: &str, bytes: &[u8], about: About) -> Self {
        Self {
            path: path.to_string(),
            size: bytes.len(),
            sha256: crate::write::manifest::sha256(bytes),
            about,
        }
    }
}

/// Hands over the catalogue of the data files `listed` (each CSV's CSVW metadata is made with
/// it: [`csvw_metadata`]).
pub fn add(site: &Site, listed: &[Listed], put: &Sink) -> Result<(), String> {
    let licence = site.config.giay_phep.as_ref();
    let licence_ref = licence.map(|l| json!({ "@id": l.url }));
    let mut datasets: Vec<Value> = Vec::new();
    for file in listed {
        let about = &file.about;
        let (vi, en) = about.titles();
        let title = json!([
            { "@language": Language::Vi, "@value": vi },
            { "@language": Language::En, "@value": en },
        ]);
        let (format, media_type) = about.format.names();
        let url = format!("../{}", file.path);
        let mut distribution = json!({
            "@type": "dcat:Distribution",
            "dct:title": title,
            "dcat:downloadURL": { "@id": url },
            "dcat:accessURL": { "@id": url },
            "dct:format": { "@id": format!("http://publications.europa.eu/resource/authority/file-type/{format}") },
            "dcat:mediaType": { "@id": format!("https://www.iana.org/assignments/media-types/{media_type}") },
            "dcat:byteSize": file.size,
            "spdx:checksum": {
                "@type": "spdx:Checksum",
                "spdx:algorithm": { "@id": "spdx:checksumAlgorithm_sha256" },
                "spdx:checksumValue": file.sha256,
            },
        });
        let mut dataset = json!({
            "@type": "dcat:Dataset",
            "dct:title": title,
        });
        if let Some(l) = &licence_ref {
            distribution["dct:license"] = l.clone();
        }
        if let Some(d) = about.modified {
            let date = json!({ "@value": d.iso(), "@type": "xsd:date" });
            distribution["dct:modified"] = date.clone();
            dataset["dct:modified"] = date;
        }
        if about.columns.is_some() {
            let metadata = csvw_file(&file.path);
            distribution["wrds:describedby"] = json!({ "@id": format!("../{metadata}") });
        }
        match (about.format, datasets.last_mut()) {
            (Format::Xlsx, Some(of_csv)) => {
                if let Some(Value::Array(list)) = of_csv.get_mut("dcat:distribution") {
                    list.push(distribution);
                }
            }
            _ => {
                dataset["dcat:distribution"] = json!([distribution]);
                datasets.push(dataset);
            }
        }
    }
    let c = &site.config;
    let mut catalogue = json!({
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "foaf": "http://xmlns.com/foaf/0.1/",
            "spdx": "http://spdx.org/rdf/terms#",
            "wrds": "http://www.w3.org/2007/05/powder-s#",
            "xsd": "http://www.w3.org/2001/XMLSchema#",
        },
        "@type": "dcat:Catalog",
        "dct:title": titles(&c.ten, c.ten_en.as_deref()),
        "dct:publisher": {
            "@type": "foaf:Agent",
            "foaf:name": titles(&c.co_quan, c.co_quan_en.as_deref()),
        },
    });
    if let Some(d) = listed.iter().filter_map(|f| f.about.modified).max() {
        catalogue["dct:modified"] = json!({ "@value": d.iso(), "@type": "xsd:date" });
    }
    if let Some(l) = licence {
        catalogue["dct:license"] = json!({ "@id": l.url, "dct:title": l.ten });
    }
    catalogue["dcat:dataset"] = Value::Array(datasets);
    put(OutputFile {
        path: catalogue_file(),
        contents: Contents::Bytes(to_json(&catalogue)?),
    })
}

/// A name in Vietnamese, and in English when it has one.
fn titles(vi: &str, en: Option<&str>) -> Value {
    let mut out = vec![json!({ "@language": Language::Vi, "@value": vi })];
    if let Some(en) = en {
        out.push(json!({ "@language": Language::En, "@value": en }));
    }
    Value::Array(out)
}

/// The CSVW metadata of the CSV at `path` that `about` describes (its columns, `None` for a file
/// that is not a table). Each column's titles include its header name (`und`), so that a CSVW
/// validator finds the header matching the schema.
pub fn csvw_metadata(path: &str, about: &About) -> Result<Option<OutputFile>, String> {
    let Some(columns) = &about.columns else {
        return Ok(None);
    };
    let (vi, en) = about.titles();
    Ok(Some(OutputFile {
        path: csvw_file(path),
        contents: Contents::Bytes(to_json(&table(path, &vi, &en, columns)?)?),
    }))
}

fn table(path: &str, vi: &str, en: &str, columns: &[&str]) -> Result<Value, String> {
    let columns = columns
        .iter()
        .map(|name| {
            let c = column(name).ok_or_else(|| format!("open data: column {name} has no title"))?;
            Ok(json!({
                "name": name,
                "titles": { "und": name, "vi": c.vi, "en": c.en },
                "datatype": c.datatype.name(),
            }))
        })
        .collect::<Result<Vec<_>, String>>()?;
    let file = path.rsplit('/').next().unwrap_or(path);
    Ok(json!({
        "@context": "http://www.w3.org/ns/csvw",
        "url": file,
        "dc:title": [
            { "@language": Language::Vi, "@value": vi },
            { "@language": Language::En, "@value": en },
        ],
        "dialect": { "encoding": "utf-8", "lineTerminators": ["\r\n"], "header": true },
        "tableSchema": { "columns": columns },
    }))
}

fn to_json(value: &Value) -> Result<Vec<u8>, String> {
    serde_json::to_vec(value).map_err(|e| format!("open data: {e}"))
}
