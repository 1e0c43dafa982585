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
use crate::write::manifest::FileSum;
use crate::write::{Contents, OutputFile};
use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};
use serde_json::{Value, json};
use std::borrow::Cow;

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
    /// A CSV with its CSVW metadata beside it (see [`csvw_metadata`]).
    pub csvw: bool,
}

impl About {
    pub fn new(kind: Kind, of: impl Into<String>, modified: Option<Date>) -> Self {
        Self {
            kind,
            format: Format::Json,
            of: of.into(),
            modified,
            csvw: false,
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
    pub fn of(path: &str, sum: &FileSum, about: About) -> Self {
        Self {
            path: path.to_string(),
            size: sum.size,
            sha256: sum.sha256.to_string(),
            about,
        }
    }
}

/// Hands over the catalogue of the data files `listed` (each CSV's CSVW metadata was handed over
/// with the CSV: [`csvw_metadata`]). It is written straight from `listed`, one dataset at a time:
/// a tree of JSON values for every file took gigabytes for the whole country.
pub fn add(site: &Site, listed: &[Listed], put: &dyn Sink) -> Result<(), String> {
    let c = &site.config;
    let licence = c.giay_phep.as_ref();
    let catalogue = Catalogue {
        context: json!({
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "foaf": "http://xmlns.com/foaf/0.1/",
            "spdx": "http://spdx.org/rdf/terms#",
            "wrds": "http://www.w3.org/2007/05/powder-s#",
            "xsd": "http://www.w3.org/2001/XMLSchema#",
        }),
        kind: "dcat:Catalog",
        datasets: Datasets {
            listed,
            licence: licence.map(|l| l.url.as_str()),
        },
        licence: licence.map(|l| json!({ "@id": l.url, "dct:title": l.ten })),
        modified: listed
            .iter()
            .filter_map(|f| f.about.modified)
            .max()
            .map(XsdDate::of),
        publisher: json!({
            "@type": "foaf:Agent",
            "foaf:name": titles(&c.co_quan, c.co_quan_en.as_deref()),
        }),
        title: titles(&c.ten, c.ten_en.as_deref()),
    };
    put.stream(catalogue_file(), &mut |out| {
        serde_json::to_writer(out, &catalogue).map_err(std::io::Error::from)
    })
    .map(|_| ())
}

// The catalogue's JSON-LD, typed. Fields are in the byte order of their keys, the order in
// which the catalogue has always been written, so that its bytes stay the same.

#[derive(Serialize)]
struct Catalogue<'a> {
    #[serde(rename = "@context")]
    context: Value,
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "dcat:dataset")]
    datasets: Datasets<'a>,
    #[serde(rename = "dct:license", skip_serializing_if = "Option::is_none")]
    licence: Option<Value>,
    #[serde(rename = "dct:modified", skip_serializing_if = "Option::is_none")]
    modified: Option<XsdDate>,
    #[serde(rename = "dct:publisher")]
    publisher: Value,
    #[serde(rename = "dct:title")]
    title: Value,
}

/// One dataset per file, the workbook of a CSV listed as a second distribution of the CSV's
/// dataset, since both hold the same table.
struct Datasets<'a> {
    listed: &'a [Listed],
    /// The licence's address.
    licence: Option<&'a str>,
}

impl Serialize for Datasets<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let groups = self
            .listed
            .chunk_by(|_, next| next.about.format == Format::Xlsx);
        serializer.collect_seq(groups.map(|files| Dataset {
            files,
            licence: self.licence,
        }))
    }
}

/// A file and the workbooks after it.
struct Dataset<'a> {
    files: &'a [Listed],
    licence: Option<&'a str>,
}

impl Serialize for Dataset<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let about = self.files.first().map(|f| &f.about);
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("@type", "dcat:Dataset")?;
        map.serialize_entry(
            "dcat:distribution",
            &Distributions {
                files: self.files,
                licence: self.licence,
            },
        )?;
        if let Some(d) = about.and_then(|a| a.modified) {
            map.serialize_entry("dct:modified", &XsdDate::of(d))?;
        }
        if let Some(about) = about {
            map.serialize_entry("dct:title", &Titles::of(about))?;
        }
        map.end()
    }
}

struct Distributions<'a> {
    files: &'a [Listed],
    licence: Option<&'a str>,
}

impl Serialize for Distributions<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.files.iter().map(|file| {
            let about = &file.about;
            let (format, media_type) = about.format.names();
            let url = format!("../{}", file.path);
            Distribution {
                kind: "dcat:Distribution",
                access: Id::new(url.clone()),
                size: file.size,
                download: Id::new(url),
                media_type: Id::new(format!(
                    "https://www.iana.org/assignments/media-types/{media_type}"
                )),
                format: Id::new(format!(
                    "http://publications.europa.eu/resource/authority/file-type/{format}"
                )),
                licence: self.licence.map(Id::new),
                modified: about.modified.map(XsdDate::of),
                title: Titles::of(about),
                checksum: Checksum {
                    kind: "spdx:Checksum",
                    algorithm: Id::new("spdx:checksumAlgorithm_sha256"),
                    value: &file.sha256,
                },
                described_by: about
                    .csvw
                    .then(|| Id::new(format!("../{}", csvw_file(&file.path)))),
            }
        }))
    }
}

#[derive(Serialize)]
struct Distribution<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "dcat:accessURL")]
    access: Id<'a>,
    #[serde(rename = "dcat:byteSize")]
    size: usize,
    #[serde(rename = "dcat:downloadURL")]
    download: Id<'a>,
    #[serde(rename = "dcat:mediaType")]
    media_type: Id<'a>,
    #[serde(rename = "dct:format")]
    format: Id<'a>,
    #[serde(rename = "dct:license", skip_serializing_if = "Option::is_none")]
    licence: Option<Id<'a>>,
    #[serde(rename = "dct:modified", skip_serializing_if = "Option::is_none")]
    modified: Option<XsdDate>,
    #[serde(rename = "dct:title")]
    title: Titles,
    #[serde(rename = "spdx:checksum")]
    checksum: Checksum<'a>,
    #[serde(rename = "wrds:describedby", skip_serializing_if = "Option::is_none")]
    described_by: Option<Id<'a>>,
}

#[derive(Serialize)]
struct Checksum<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "spdx:algorithm")]
    algorithm: Id<'a>,
    #[serde(rename = "spdx:checksumValue")]
    value: &'a str,
}

/// A JSON-LD reference: `{"@id": …}`.
#[derive(Serialize)]
struct Id<'a> {
    #[serde(rename = "@id")]
    id: Cow<'a, str>,
}

impl<'a> Id<'a> {
    fn new(id: impl Into<Cow<'a, str>>) -> Self {
        Self { id: id.into() }
    }
}

/// A date as JSON-LD types it.
#[derive(Serialize)]
struct XsdDate {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "@value")]
    value: String,
}

impl XsdDate {
    fn of(d: Date) -> Self {
        Self {
            kind: "xsd:date",
            value: d.iso(),
        }
    }
}

/// A file's title in Vietnamese and English.
#[derive(Serialize)]
struct Titles([Tagged; 2]);

impl Titles {
    fn of(about: &About) -> Self {
        let (vi, en) = about.titles();
        Self([
            Tagged {
                language: Language::Vi,
                value: vi,
            },
            Tagged {
                language: Language::En,
                value: en,
            },
        ])
    }
}

#[derive(Serialize)]
struct Tagged {
    #[serde(rename = "@language")]
    language: Language,
    #[serde(rename = "@value")]
    value: String,
}

/// A name in Vietnamese, and in English when it has one.
fn titles(vi: &str, en: Option<&str>) -> Value {
    let mut out = vec![json!({ "@language": Language::Vi, "@value": vi })];
    if let Some(en) = en {
        out.push(json!({ "@language": Language::En, "@value": en }));
    }
    Value::Array(out)
}

/// The CSVW metadata of the CSV at `path`, which `about` describes and whose header is
/// `columns`. Each column's titles include its header name (`und`), so that a CSVW validator
/// finds the header matching the schema.
pub fn csvw_metadata(path: &str, about: &About, columns: &[&str]) -> Result<OutputFile, String> {
    let columns = columns
        .iter()
        .map(|name| {
            let c = column(name).ok_or_else(|| format!("open data: column {name} has no title"))?;
            Ok(CsvwColumn {
                datatype: c.datatype.name(),
                name,
                titles: ColumnTitles {
                    en: c.en,
                    und: name,
                    vi: c.vi,
                },
            })
        })
        .collect::<Result<Vec<_>, String>>()?;
    let table = CsvwTable {
        context: "http://www.w3.org/ns/csvw",
        title: Titles::of(about),
        dialect: Dialect {
            encoding: "utf-8",
            header: true,
            line_terminators: ["\r\n"],
        },
        schema: Schema { columns },
        url: path.rsplit('/').next().unwrap_or(path),
    };
    Ok(OutputFile {
        path: csvw_file(path),
        contents: Contents::Bytes(to_json(&table)?),
    })
}

// The CSVW metadata's parts. Each struct lists its fields in the order of their names, the
// order the file had when it was made of JSON maps, so that the same tables keep their bytes.

#[derive(Serialize)]
struct CsvwTable<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "dc:title")]
    title: Titles,
    dialect: Dialect,
    #[serde(rename = "tableSchema")]
    schema: Schema<'a>,
    url: &'a str,
}

#[derive(Serialize)]
struct Dialect {
    encoding: &'static str,
    header: bool,
    #[serde(rename = "lineTerminators")]
    line_terminators: [&'static str; 1],
}

#[derive(Serialize)]
struct Schema<'a> {
    columns: Vec<CsvwColumn<'a>>,
}

#[derive(Serialize)]
struct CsvwColumn<'a> {
    datatype: &'static str,
    name: &'a str,
    titles: ColumnTitles<'a>,
}

/// A column's titles: its header name (`und`) among them.
#[derive(Serialize)]
struct ColumnTitles<'a> {
    en: &'static str,
    und: &'a str,
    vi: &'static str,
}

fn to_json(value: &impl Serialize) -> Result<Vec<u8>, String> {
    serde_json::to_vec(value).map_err(|e| format!("open data: {e}"))
}
