//! Open data: the example site publishes every CSV and JSON file of its results and lists, the
//! CSV files open in Excel and read back, the Popolo ids hold together, and the NIST export
//! validates, unchanged, against the NIST SP 1500-100 v2 JSON schema.

use crate::harness::*;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// A round's NIST file.
fn nist(round: &str) -> String {
    format!("bau-cu/{round}/nist-1500-100.json")
}
const POPOLO: &str = "du-lieu/popolo.json";

/// The official schema, an unchanged copy in `tests/fixtures/nist/` (its README names the source).
fn nist_schema() -> Value {
    let path: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/nist/nist-1500-100-v2-election-results.schema.json");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("the NIST schema must be at {}: {e}", path.display()));
    serde_json::from_str(&text).expect("the NIST schema is JSON")
}

/// The example site, built once per test into a temporary folder.
struct Example {
    _dir: tempfile::TempDir,
    out: PathBuf,
    site: niemyet::model::Site,
}

fn example() -> Example {
    let (site, diagnostics) = niemyet::check(&example_content());
    assert_eq!(diagnostics.error_count(), 0, "{diagnostics}");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("output");
    build_ok(&example_content(), &out);
    Example {
        _dir: dir,
        out,
        site,
    }
}

impl Example {
    fn bytes(&self, rel: &str) -> Vec<u8> {
        std::fs::read(self.out.join(rel)).unwrap_or_else(|e| panic!("read output {rel}: {e}"))
    }

    fn json(&self, rel: &str) -> Value {
        serde_json::from_slice(&self.bytes(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }

    /// A CSV file read back: it must start with the BOM; rows of cells, header first.
    fn csv(&self, rel: &str) -> Vec<Vec<String>> {
        let bytes = self.bytes(rel);
        let text = std::str::from_utf8(&bytes).unwrap_or_else(|e| panic!("{rel}: {e}"));
        let body = text
            .strip_prefix('\u{feff}')
            .unwrap_or_else(|| panic!("{rel} does not start with the UTF-8 BOM"));
        let rows = parse_csv(body);
        let width = rows[0].len();
        assert!(
            rows.iter().all(|r| r.len() == width),
            "{rel}: rows of different lengths"
        );
        rows
    }
}

/// RFC 4180, as a spreadsheet reads it: CRLF between records, `"` quoting with `""` inside.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
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
                assert_eq!(chars.next(), Some('\n'), "a bare CR ends a line");
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, '\n') => panic!("a bare LF ends a line: lines must end with CRLF"),
            (false, c) => field.push(c),
        }
    }
    assert!(
        field.is_empty() && row.is_empty(),
        "the last line must end with CRLF"
    );
    rows
}

/// Whether a CSV cell says what a JSON value says (`100` and `100.0` are the same number).
fn same_value(cell: &str, value: &Value) -> bool {
    match value {
        Value::String(s) => cell == s,
        Value::Null => cell.is_empty(),
        Value::Number(n) => cell.parse::<f64>().ok() == n.as_f64(),
        Value::Bool(b) => cell.parse::<bool>().ok() == Some(*b),
        other => panic!("a CSV cell cannot hold {other}"),
    }
}

#[test]
fn csv_reads_back_quotes_and_all() {
    assert_eq!(
        parse_csv("a,b\r\n\"x, \"\"y\"\"\",\r\n"),
        vec![vec!["a", "b"], vec!["x, \"y\"", ""]]
    );
}

#[test]
fn every_data_file_exists_and_reads_back() {
    if !example_exists() {
        return;
    }
    let ex = example();
    let mut counted = 0;
    for round in &ex.site.rounds {
        for stem in ["ket-qua", "ung-cu-vien", "trung-cu"] {
            ex.json(&format!("bau-cu/{}/{stem}.json", round.id));
        }
        let list = ex.csv(&format!("bau-cu/{}/ung-cu-vien.csv", round.id));
        assert_eq!(list.len() - 1, round.candidates.len(), "{}", round.id);
        for village in round.contest_ids() {
            let contest = format!("bau-cu/{}/{village}/ket-qua", round.id);
            if round.contest(village).and_then(|c| c.counted()).is_none() {
                // every contest has its file, with its status and no figures
                let json = ex.json(&format!("{contest}.json"));
                assert!(json["trang_thai"].is_string(), "{contest}");
                assert!(json["tong_cu_tri"].is_null(), "{contest}");
                continue;
            }
            counted += 1;
            let json = ex.json(&format!("{contest}.json"));
            let rows = ex.csv(&format!("{contest}.csv"));
            let candidates = round.candidates_in(village).count();
            assert_eq!(rows.len() - 1, candidates, "{contest}.csv");
            assert_eq!(
                json["ung_cu_vien"].as_array().map(Vec::len),
                Some(candidates)
            );
            // the header names the JSON's keys, the contest's then its first candidate's, and the
            // first row holds their values
            let first = &json["ung_cu_vien"][0];
            for (i, name) in rows[0].iter().enumerate() {
                let value = match json.get(name) {
                    Some(Value::Array(_)) | None => first.get(name),
                    found => found,
                }
                .unwrap_or_else(|| panic!("{contest}.csv column {name} is not a JSON key"));
                assert!(same_value(&rows[1][i], value), "{contest}: {name}");
            }
        }
    }
    assert!(counted >= 10, "the example site has counted contests");
    let all = ex.csv("du-lieu/ket-qua.csv");
    let rounds = ex.json("du-lieu/ket-qua.json");
    let in_json: usize = rounds["dot_bau_cu"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|r| r["cuoc_bau"].as_array().unwrap())
        .map(|c| c["ung_cu_vien"].as_array().unwrap().len())
        .sum();
    assert_eq!(all.len() - 1, in_json);
    assert_eq!(rounds["du_lieu_mau"], true);
    let divisions = ex.csv("du-lieu/don-vi.csv");
    let villages: usize = ex
        .site
        .communes
        .iter()
        .map(|c| c.data.khu_dan_cu.len())
        .sum();
    assert_eq!(divisions.len() - 1, ex.site.communes.len() + villages);
    ex.json("du-lieu/don-vi.json");
}

#[test]
fn the_example_elects_nobody_where_the_rules_say_so() {
    if !example_exists() {
        return;
    }
    let ex = example();
    let khu_3 = ex.json("bau-cu/hong-gai-2022/khu-pho-3/ket-qua.json");
    assert_eq!(khu_3["ket_qua"], "khong-co-nguoi-trung-cu");
    let dong_ky = ex.json("bau-cu/dong-ky-2024/khu-pho-2/ket-qua.json");
    assert_eq!(dong_ky["ket_qua"], "khong-du-so-ho");
    assert_eq!(dong_ky["ty_le_tham_gia"], 48.06);
    let khom_3 = ex.json("bau-cu/soc-trang-2022/khom-3/ket-qua.json");
    assert_eq!(khom_3["ty_le_khong_hop_le"], 2.05);
    let elected = ex.csv("bau-cu/hong-gai-2022/trung-cu.csv");
    let column = elected[0].iter().position(|h| h == "khu_dan_cu").unwrap();
    let villages: Vec<&str> = elected[1..].iter().map(|r| r[column].as_str()).collect();
    assert_eq!(villages, ["khu-pho-1", "khu-pho-2", "khu-pho-4"]);
}

#[test]
fn data_files_hold_no_private_note_and_no_bio() {
    let fx = Fixture::new();
    fx.build_ok();
    let data: Vec<String> = site_files(&fx.output())
        .into_iter()
        .filter(|p| p.ends_with(".csv") || p.ends_with(".json"))
        .collect();
    assert!(data.len() >= 10, "{data:?}");
    for rel in data {
        let text = fx.page(&rel);
        for private in [
            "chỉ dành cho cán bộ",
            "rieng_tu",
            "hòa giải",
            "giáo viên trường",
        ] {
            assert!(!text.contains(private), "{rel} holds “{private}”");
        }
    }
}

#[test]
fn popolo_ids_hold_together() {
    if !example_exists() {
        return;
    }
    let popolo = example().json(POPOLO);
    let ids = |kind: &str| -> BTreeSet<String> {
        let list = popolo[kind]
            .as_array()
            .unwrap_or_else(|| panic!("no {kind}"));
        assert!(!list.is_empty(), "no {kind}");
        let ids: BTreeSet<String> = list
            .iter()
            .map(|x| x["id"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(ids.len(), list.len(), "{kind}: ids are not unique");
        ids
    };
    let (persons, orgs, posts) = (ids("persons"), ids("organizations"), ids("posts"));
    let areas = ids("areas");
    ids("memberships");
    let mut linked = BTreeSet::new();
    for m in popolo["memberships"].as_array().unwrap() {
        assert!(persons.contains(m["person_id"].as_str().unwrap()), "{m}");
        assert!(orgs.contains(m["organization_id"].as_str().unwrap()), "{m}");
        assert!(posts.contains(m["post_id"].as_str().unwrap()), "{m}");
        linked.insert(m["person_id"].as_str().unwrap().to_string());
    }
    // every person stands for a post, elected or not
    assert_eq!(linked, persons);
    for p in popolo["posts"].as_array().unwrap() {
        assert!(orgs.contains(p["organization_id"].as_str().unwrap()), "{p}");
        assert!(areas.contains(p["area_id"].as_str().unwrap()), "{p}");
    }
    for o in popolo["organizations"].as_array().unwrap() {
        if let Some(parent) = o.get("parent_id") {
            assert!(orgs.contains(parent.as_str().unwrap()), "{o}");
        }
        assert!(areas.contains(o["area_id"].as_str().unwrap()), "{o}");
    }
    for a in popolo["areas"].as_array().unwrap() {
        if let Some(parent) = a.get("parent_id") {
            assert!(areas.contains(parent.as_str().unwrap()), "{a}");
        }
    }
    // the example's address is set: every link and source is absolute
    for kind in ["persons", "organizations", "posts", "memberships", "events"] {
        for x in popolo[kind].as_array().unwrap() {
            for link in ["links", "sources"]
                .iter()
                .filter_map(|k| x.get(*k))
                .flat_map(|l| l.as_array().unwrap())
            {
                let url = link["url"].as_str().unwrap();
                assert!(url.starts_with("https://example.org/bau-cu/"), "{x}");
            }
        }
    }
}

fn validator(schema: &Value) -> jsonschema::Validator {
    jsonschema::draft4::options()
        .should_validate_formats(true)
        .build(schema)
        .expect("the NIST schema compiles as draft-04")
}

fn errors(validator: &jsonschema::Validator, doc: &Value) -> Vec<String> {
    validator
        .iter_errors(doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn the_nist_export_validates_against_the_schema_unchanged() {
    if !example_exists() {
        return;
    }
    let schema = nist_schema();
    let validator = validator(&schema);
    let ex = example();
    for round in &ex.site.rounds {
        let report = ex.json(&nist(&round.id));
        let problems = errors(&validator, &report);
        assert!(problems.is_empty(), "{}: {problems:#?}", round.id);
    }
    let report = ex.json(&nist("hong-gai-2022"));

    // the validator is not vacuous: a missing required field, an unknown one, a bad date and a
    // bad enum value are each caught
    let mut no_issuer = report.clone();
    no_issuer.as_object_mut().unwrap().remove("Issuer");
    assert!(!errors(&validator, &no_issuer).is_empty(), "Issuer removed");
    let mut unknown = report.clone();
    unknown["Election"][0]["Turnout"] = Value::from(1);
    assert!(!errors(&validator, &unknown).is_empty(), "unknown field");
    let mut bad_date = report.clone();
    bad_date["Election"][0]["StartDate"] = Value::from("2022-02-30");
    assert!(!errors(&validator, &bad_date).is_empty(), "format: date");
    let mut bad_time = report.clone();
    bad_time["GeneratedDate"] = Value::from("2022-06-05T25:00:00+07:00");
    assert!(
        !errors(&validator, &bad_time).is_empty(),
        "format: date-time"
    );
    let mut bad_status = report;
    bad_status["Status"] = Value::from("official");
    assert!(!errors(&validator, &bad_status).is_empty(), "enum");
}

/// Names of the properties that the schema marks as references (`refTypes`).
fn reference_properties(schema: &Value) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for def in schema["definitions"].as_object().unwrap().values() {
        for (name, prop) in def["properties"].as_object().into_iter().flatten() {
            if prop.get("refTypes").is_some() || prop["items"].get("refTypes").is_some() {
                names.insert(name.clone());
            }
        }
    }
    names
}

fn walk(v: &Value, refs: &BTreeSet<String>, ids: &mut Vec<String>, used: &mut Vec<String>) {
    match v {
        Value::Object(map) => {
            for (k, v) in map {
                if k == "@id" {
                    ids.push(v.as_str().unwrap().to_string());
                } else if refs.contains(k) {
                    match v {
                        Value::Array(a) => {
                            used.extend(a.iter().map(|x| x.as_str().unwrap().to_string()))
                        }
                        other => used.push(other.as_str().unwrap().to_string()),
                    }
                } else {
                    walk(v, refs, ids, used);
                }
            }
        }
        Value::Array(a) => a.iter().for_each(|x| walk(x, refs, ids, used)),
        _ => {}
    }
}

#[test]
fn every_nist_id_is_unique_and_every_reference_resolves() {
    if !example_exists() {
        return;
    }
    let refs = reference_properties(&nist_schema());
    assert!(refs.contains("ElectionScopeId") && refs.contains("GpUnitId"));
    let ex = example();
    for round in &ex.site.rounds {
        let report = ex.json(&nist(&round.id));
        let (mut ids, mut used) = (Vec::new(), Vec::new());
        walk(&report, &refs, &mut ids, &mut used);
        let unique: BTreeSet<&String> = ids.iter().collect();
        assert_eq!(unique.len(), ids.len(), "duplicate @id in {}", round.id);
        assert!(used.len() > 20, "{used:?}");
        let dangling: Vec<&String> = used.iter().filter(|r| !unique.contains(r)).collect();
        assert!(dangling.is_empty(), "{dangling:?}");
        assert_eq!(report["IsTest"], true);
        // one report per round, with that round's status
        assert_eq!(report["Election"].as_array().unwrap().len(), 1);
    }
}

const CATALOGUE: &str = "du-lieu/danh-muc.json";

/// Every CSV, XLSX and JSON data file of a built site: all but the catalogue and the CSVW
/// metadata.
fn data_files(out: &Path) -> BTreeSet<String> {
    site_files(out)
        .into_iter()
        .filter(|p| [".csv", ".xlsx", ".json"].iter().any(|e| p.ends_with(e)))
        .filter(|p| p != CATALOGUE && !p.ends_with(".csv-metadata.json"))
        .collect()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The values of a `dct:title` in each language.
fn titles(v: &Value) -> BTreeSet<String> {
    v.as_array()
        .unwrap_or_else(|| panic!("titles must be a list: {v}"))
        .iter()
        .filter(|t| !t["@value"].as_str().unwrap_or("").is_empty())
        .map(|t| t["@language"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn the_catalogue_describes_every_data_file_by_its_bytes() {
    use sha2::{Digest, Sha256};
    if !example_exists() {
        return;
    }
    let ex = example();
    let catalogue = ex.json(CATALOGUE);
    assert_eq!(catalogue["@type"], "dcat:Catalog");
    assert_eq!(catalogue["@context"]["dcat"], "http://www.w3.org/ns/dcat#");
    assert_eq!(catalogue["@context"]["dct"], "http://purl.org/dc/terms/");
    let licence = ex
        .site
        .config
        .giay_phep
        .as_ref()
        .expect("the example names a licence");
    assert_eq!(catalogue["dct:license"]["@id"], licence.url.as_str());
    assert_eq!(catalogue["dct:license"]["dct:title"], licence.ten.as_str());
    let both: BTreeSet<String> = ["en", "vi"].map(String::from).into();
    let mut listed = BTreeSet::new();
    for dataset in catalogue["dcat:dataset"].as_array().unwrap() {
        assert_eq!(dataset["@type"], "dcat:Dataset");
        assert_eq!(titles(&dataset["dct:title"]), both, "{dataset}");
        for d in dataset["dcat:distribution"].as_array().unwrap() {
            let url = d["dcat:downloadURL"]["@id"].as_str().unwrap();
            let path = url.strip_prefix("../").expect("relative to du-lieu/");
            let bytes = ex.bytes(path);
            assert_eq!(d["dcat:byteSize"], bytes.len(), "{path}");
            assert_eq!(
                d["spdx:checksum"]["spdx:checksumValue"],
                hex(&Sha256::digest(&bytes)),
                "{path}"
            );
            assert_eq!(d["dct:license"]["@id"], licence.url.as_str(), "{path}");
            assert_eq!(titles(&d["dct:title"]), both, "{path}");
            let media = d["dcat:mediaType"]["@id"].as_str().unwrap();
            let expected = match path.rsplit('.').next() {
                Some("csv") => "text/csv",
                Some("xlsx") => "spreadsheetml.sheet",
                _ => "application/json",
            };
            assert!(media.ends_with(expected), "{path}: {media}");
            let modified = d["dct:modified"]["@value"].as_str().unwrap();
            assert!(
                modified.len() == 10 && modified.as_bytes()[4] == b'-',
                "{path}: {modified}"
            );
            assert!(listed.insert(path.to_string()), "{path} listed twice");
        }
    }
    assert_eq!(listed, data_files(&ex.out));
    // The round's files are dated by its data: never before its election day.
    for round in &ex.site.rounds {
        let record = ex.json(&format!("bau-cu/{}/ket-qua.json", round.id));
        let day = record["ngay_bau_cu"].as_str().unwrap();
        let d = catalogue["dcat:dataset"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|s| s["dcat:distribution"].as_array().unwrap())
            .find(|d| {
                d["dcat:downloadURL"]["@id"] == format!("../bau-cu/{}/ket-qua.json", round.id)
            })
            .unwrap();
        assert!(
            d["dct:modified"]["@value"].as_str().unwrap() >= day,
            "{}",
            round.id
        );
    }
}

/// Whether a CSV cell is a value of a CSVW datatype (an empty cell is null).
fn of_datatype(cell: &str, datatype: &str) -> bool {
    cell.is_empty()
        || match datatype {
            "string" => true,
            "integer" => cell.parse::<i64>().is_ok(),
            "decimal" => cell.parse::<f64>().is_ok() && !cell.contains('e'),
            "boolean" => cell == "true" || cell == "false",
            "date" => {
                cell.len() == 10
                    && cell.char_indices().all(|(i, c)| {
                        if i == 4 || i == 7 {
                            c == '-'
                        } else {
                            c.is_ascii_digit()
                        }
                    })
            }
            other => panic!("unknown datatype {other}"),
        }
}

#[test]
fn every_csv_has_csvw_metadata_matching_its_header() {
    if !example_exists() {
        return;
    }
    let ex = example();
    let mut typed_code = false;
    let csvs: Vec<String> = data_files(&ex.out)
        .into_iter()
        .filter(|p| p.ends_with(".csv"))
        .collect();
    assert!(!csvs.is_empty());
    for path in &csvs {
        let meta = ex.json(&format!("{path}-metadata.json"));
        assert_eq!(meta["@context"], "http://www.w3.org/ns/csvw");
        assert_eq!(
            meta["url"].as_str().unwrap(),
            path.rsplit('/').next().unwrap()
        );
        let columns = meta["tableSchema"]["columns"].as_array().unwrap();
        let rows = ex.csv(path);
        let names: Vec<&str> = columns
            .iter()
            .map(|c| c["name"].as_str().unwrap())
            .collect();
        assert_eq!(names, rows[0], "{path}");
        for (i, c) in columns.iter().enumerate() {
            let name = names[i];
            assert_eq!(c["titles"]["und"], name, "{path} {name}");
            for lang in ["vi", "en"] {
                assert!(
                    !c["titles"][lang].as_str().unwrap().is_empty(),
                    "{path} {name} {lang}"
                );
            }
            let datatype = c["datatype"].as_str().unwrap();
            for row in &rows[1..] {
                let cell = &row[i];
                assert!(
                    of_datatype(cell, datatype),
                    "{path} {name}: {cell:?} is not {datatype}"
                );
                // Codes with a leading zero and `12/12` must stay text.
                let code = cell.len() > 1
                    && cell.starts_with('0')
                    && cell.bytes().all(|b| b.is_ascii_digit());
                let fraction = cell.split_once('/').is_some_and(|(a, b)| {
                    !a.is_empty()
                        && !b.is_empty()
                        && (a.to_owned() + b).bytes().all(|b| b.is_ascii_digit())
                });
                if code || fraction {
                    assert_eq!(datatype, "string", "{path} {name}: {cell}");
                    typed_code |= code;
                }
            }
        }
    }
    assert!(typed_code, "the example holds a code such as 06685");
}

#[test]
fn the_catalogue_and_the_csvw_metadata_are_the_same_on_a_rebuild() {
    if !example_exists() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    build_ok(&example_content(), &a);
    build_ok(&example_content(), &b);
    let described: Vec<String> = site_files(&a)
        .into_iter()
        .filter(|p| p == CATALOGUE || p.ends_with(".csv-metadata.json"))
        .collect();
    assert!(described.len() > 1);
    for p in &described {
        assert_eq!(
            std::fs::read(a.join(p)).unwrap(),
            std::fs::read(b.join(p)).unwrap(),
            "{p}"
        );
    }
}

#[test]
fn every_page_links_to_the_catalogue_and_the_results_page_names_the_licence() {
    if !example_exists() {
        return;
    }
    let ex = example();
    let licence = ex.site.config.giay_phep.as_ref().unwrap();
    let mut pages = 0;
    for page in html_pages(&ex.out) {
        let html = String::from_utf8(ex.bytes(&page)).unwrap();
        let head = &html[..html.find("</head>").unwrap()];
        let linked = links(head)
            .into_iter()
            .any(|l| resolve(&page, &l).ok().flatten().as_deref() == Some(CATALOGUE));
        // The 404 page of a site without a known path cannot link relatively: it is exempt.
        if page != "404.html" {
            assert!(linked, "{page} does not link to the catalogue in its head");
            pages += 1;
        }
    }
    assert!(pages > 10);
    for (page, words) in [
        ("ket-qua/index.html", "Giấy phép"),
        ("en/ket-qua/index.html", "licence"),
    ] {
        let html = String::from_utf8(ex.bytes(page)).unwrap();
        assert!(html.contains(&licence.url), "{page}");
        assert!(visible_text(&html).contains(words), "{page}");
        assert!(
            links(&html)
                .into_iter()
                .any(|l| resolve(page, &l).ok().flatten().as_deref() == Some(CATALOGUE)),
            "{page}"
        );
    }
}
