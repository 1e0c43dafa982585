//! Open data (dữ liệu mở): the data behind every results page and public list, as CSV and JSON
//! files beside the pages, and the whole site's results in standard formats.
//!
//! Files, by path from the site root (the paths are fixed: pages link to them):
//!
//! | path | what |
//! |---|---|
//! | `bau-cu/<round>/<village>/ket-qua.{csv,xlsx,json}` | one contest: status, reason, decision, and its figures and outcome once they may be published |
//! | `bau-cu/<round>/ket-qua.{csv,xlsx,json}` | every contest of the round, and the round's totals |
//! | `bau-cu/<round>/nist-1500-100.json` | the round in the NIST SP 1500-100 v2 Election Results Common Data Format |
//! | `bau-cu/<round>/ung-cu-vien.{csv,xlsx,json}` | the public candidate list, grouped by village |
//! | `bau-cu/<round>/trung-cu.{csv,xlsx,json}` | those elected |
//! | `du-lieu/ket-qua.{csv,xlsx,json}` | every contest of every round |
//! | `du-lieu/tong-hop.{csv,xlsx,json}` | totals per term: the site, each province, each commune |
//! | `du-lieu/don-vi.{csv,xlsx,json}` | every commune and village with its OCD id (from its official code when it has one, see `ocd`) |
//! | `du-lieu/popolo.json` | persons (one per `ma_nguoi` across rounds), divisions as organizations and areas, posts, every candidacy and elected head as memberships, with links and sources, as Popolo |
//! | `du-lieu/danh-muc.json` | the catalogue of every file above (DCAT-AP style JSON-LD) |
//! | `<file>.csv-metadata.json` | beside each CSV, its columns' titles and datatypes (CSVW) |
//!
//! Conventions, the same in every file:
//! - **Names.** Keys are Vietnamese without accents in snake_case, as in the content files
//!   (`tong_cu_tri`, `phieu_hop_le`); a CSV's first row holds the same names as the JSON keys, so
//!   scripts can rely on them. Values that the content writes as keys stay keys (`nu`, `dai-hoc`,
//!   `truong-khu-pho`); statuses and outcomes come as a key and, beside it, a label (`…_nhan`).
//! - **Numbers** are plain (`159`, no thousands separator). Shares are percentages rounded to two
//!   decimals (`44.04` means 44,04%), always computed here from the counts, never typed; the law's
//!   thresholds are decided on the exact counts (see `model::outcome`), not on these rounded
//!   figures. A share of nothing is `null` (empty in CSV).
//! - **Dates** are ISO (`2022-06-05`); a term is `2022-2025`.
//! - **CSV** is UTF-8 with a byte-order mark (so Excel shows Vietnamese letters), comma-separated,
//!   CRLF line ends, quoted as RFC 4180; text from content files that starts with `=`, `+`, `-` or
//!   `@` gets a leading `'` so that a spreadsheet does not run it as a formula. A results CSV has
//!   one row per candidate, with the contest's figures repeated on each row. A sample site's
//!   CSV (and its workbook) has a first column `du_lieu_mau`, `true` on every row, declared in
//!   its CSVW metadata; a real site's has no such column.
//! - **XLSX** beside each CSV holds the same table for Excel under any regional settings, each
//!   cell typed as its column's CSVW datatype (codes as text, numbers as numbers), with a sheet
//!   of Vietnamese and one of English column titles (see `xlsx`).
//! - **JSON** is compact UTF-8, with keys in a fixed order. Every JSON file is an object whose
//!   first key, `du_lieu_mau`, says whether the site's data are samples (NIST says it as
//!   `IsTest`), so that a file taken away from the site still says so.
//! - **Privacy.** Only what the pages already show: no bio, nothing under `rieng_tu`.
//! - **Determinism.** Nothing depends on the clock or on hash order: the same content gives the
//!   same bytes. Where a format needs a generation time (NIST), it is taken from the data.

pub mod catalogue;
mod columns;
mod contest;
mod csv;
mod divisions;
mod lists;
mod nist;
pub mod ocd;
mod popolo;
mod results;
mod totals;
mod xlsx;

use crate::model::Site;
use crate::model::election::Round;
use crate::model::language::Language;
use crate::render::locale::Locale;
use crate::write::manifest::FileSum;
use crate::write::{Contents, OutputFile};
use catalogue::{About, Format, Kind};
use contest::Contest;
use csv::Table;
use rayon::prelude::*;
use serde::Serialize;
use std::io;

/// Folder of the site-wide data files.
pub const DATA_DIR: &str = "du-lieu";

/// A contest's results, without extension: add `.csv` or `.json`.
pub fn contest_results(round: &str, village: &str) -> String {
    format!("bau-cu/{round}/{village}/ket-qua")
}

/// A round's results, without extension.
pub fn round_results(round: &str) -> String {
    format!("bau-cu/{round}/ket-qua")
}

/// A round's candidate list, without extension.
pub fn round_candidates(round: &str) -> String {
    format!("bau-cu/{round}/ung-cu-vien")
}

/// A round's list of those elected, without extension.
pub fn round_elected(round: &str) -> String {
    format!("bau-cu/{round}/trung-cu")
}

/// Every result of the site, without extension.
pub fn all_results() -> String {
    format!("{DATA_DIR}/ket-qua")
}

/// Every division of the site, without extension.
pub fn divisions_file() -> String {
    format!("{DATA_DIR}/don-vi")
}

pub fn popolo_file() -> String {
    format!("{}.json", popolo())
}

/// The Popolo file, without extension.
fn popolo() -> String {
    format!("{DATA_DIR}/popolo")
}

/// Totals per term for the site, each province and each commune.
pub fn totals_file() -> String {
    format!("{DATA_DIR}/tong-hop")
}

/// A round's results in the NIST SP 1500-100 format.
pub fn nist_file(round: &str) -> String {
    format!("bau-cu/{round}/nist-1500-100.json")
}

/// The data files of one round, handed to `put`; what the catalogue is to say of each. They
/// depend on nothing but the round, its commune and the site's settings and strings, so a
/// preview makes them again only for the rounds a change touches.
pub fn round_data(
    site: &Site,
    locales: &[Locale],
    round: &Round,
    put: &dyn Sink,
) -> Result<Vec<catalogue::Listed>, String> {
    let labels = Labels::of(locales)?;
    let mut out = Files::new(&site.config.co_quan, site.config.du_lieu_mau, put);
    let of_round = Contest::of_round(site, round);
    round_files(&mut out, site, round, &of_round, labels)?;
    Ok(out.listed)
}

/// The site-wide data files (every round's results, the totals, the divisions, Popolo), handed
/// to `put`; what the catalogue is to say of each. They need none of the pages nor the rounds'
/// files, so a build makes them while it renders those.
pub fn site_wide_data(
    site: &Site,
    locales: &[Locale],
    put: &dyn Sink,
) -> Result<Vec<catalogue::Listed>, String> {
    let labels = Labels::of(locales)?;
    let mut out = Files::new(&site.config.co_quan, site.config.du_lieu_mau, put);
    let divisions = divisions::divisions(site);
    let (rounds, contests): (Vec<_>, Vec<_>) = site
        .rounds
        .par_iter()
        .map(|round| {
            let of_round = Contest::of_round(site, round);
            (
                results::round(site, round, &of_round, labels.site),
                of_round,
            )
        })
        .unzip();
    let contests: Vec<Contest> = contests.into_iter().flatten().collect();
    site_wide_files(&mut out, site, &divisions, rounds, &contests, labels)?;
    Ok(out.listed)
}

/// The data files of one round: each contest's results, the round's results, candidates, the
/// elected and its NIST report.
fn round_files(
    out: &mut Files,
    site: &Site,
    round: &Round,
    of_round: &[Contest],
    labels: Labels,
) -> Result<(), String> {
    let record = results::round(site, round, of_round, labels.site);
    for c in &record.cuoc_bau {
        let stem = contest_results(c.dot_bau_cu, c.khu_dan_cu);
        let of = format!("{}, {} ({})", c.ten_khu_dan_cu, c.ten_don_vi, c.dot_bau_cu);
        let about = About::new(Kind::ContestResults, of, Some(c.latest_date()));
        out.table(&stem, results::csv([c]), &about)?;
        out.json(&stem, c, &about)?;
    }
    let latest = record.latest_date();
    let title = format!("{} ({})", record.tieu_de, round.id);
    let about = |kind| About::new(kind, title.as_str(), Some(latest));
    let results_of_round = about(Kind::RoundResults);
    out.table(
        &round_results(&round.id),
        results::csv(&record.cuoc_bau),
        &results_of_round,
    )?;
    out.json(&round_results(&round.id), &record, &results_of_round)?;
    let list = lists::candidates(round, of_round);
    let candidates = about(Kind::Candidates);
    out.table(
        &round_candidates(&round.id),
        lists::candidates_csv(&list),
        &candidates,
    )?;
    out.json(&round_candidates(&round.id), &list, &candidates)?;
    let elected = lists::elected(round, of_round);
    let of_elected = about(Kind::Elected);
    out.table(
        &round_elected(&round.id),
        lists::elected_csv(&elected),
        &of_elected,
    )?;
    out.json(&round_elected(&round.id), &elected, &of_elected)?;
    out.push(
        nist_file(&round.id),
        to_json(&nist::report(site, round, of_round, labels))?,
        about(Kind::Nist),
    )
}

/// The site-wide files, which hold every round and every division.
fn site_wide_files(
    out: &mut Files,
    site: &Site,
    divisions: &divisions::Divisions,
    rounds: Vec<results::RoundRecord>,
    contests: &[Contest],
    labels: Labels,
) -> Result<(), String> {
    let latest = rounds
        .iter()
        .map(|r| r.latest_date())
        .chain(divisions.latest_date())
        .max();
    let about = |kind| About::new(kind, "", latest);
    let totals = totals::by_term(site);
    let all = about(Kind::AllResults);
    out.table(
        &all_results(),
        results::csv(rounds.iter().flat_map(|r| &r.cuoc_bau)),
        &all,
    )?;
    out.json(
        &all_results(),
        &results::SiteRecord {
            co_quan: &site.config.co_quan,
            tong_hop: totals.clone(),
            dot_bau_cu: rounds,
        },
        &all,
    )?;
    let of_totals = about(Kind::Totals);
    out.table(&totals_file(), totals::csv(&totals), &of_totals)?;
    out.json(
        &totals_file(),
        &totals::TotalsFile { tong_hop: totals },
        &of_totals,
    )?;
    let of_divisions = about(Kind::Divisions);
    out.table(&divisions_file(), divisions::csv(divisions), &of_divisions)?;
    out.json(&divisions_file(), divisions, &of_divisions)?;
    let popolo_of_site = popolo::popolo(site, contests, labels.site);
    out.json(&popolo(), &popolo_of_site, &about(Kind::Popolo))
}

/// The words data files write beside keys (the `…_nhan` columns, names of posts), from the
/// site's strings: a site that changes a label in its theme changes it in its data too.
#[derive(Clone, Copy)]
pub struct Labels<'a> {
    /// The default language's.
    pub site: &'a Locale<'a>,
    /// English where the site has it, else the default language: for NIST's English sentences.
    pub english: &'a Locale<'a>,
}

impl<'a> Labels<'a> {
    pub fn of(locales: &'a [Locale<'a>]) -> Result<Self, String> {
        let site = locales
            .first()
            .ok_or_else(|| "open data: the site has no language".to_string())?;
        let english = locales
            .iter()
            .find(|l| l.language == Language::En)
            .unwrap_or(site);
        Ok(Self { site, english })
    }
}

/// Where the site's files go as they are made: each is handed over at once, so that they are
/// never all held together. Any `Fn(OutputFile) -> Result<(), String>` is one.
pub trait Sink: Sync {
    fn put(&self, file: OutputFile) -> Result<(), String>;

    /// Hands over a file whose bytes `make` writes as it makes them: one too large to hold (the
    /// whole country's Popolo file is hundreds of megabytes). Its size and SHA-256. By default
    /// the bytes are made in memory and handed to [`Sink::put`]; a sink that writes files
    /// writes them as they come.
    fn stream(
        &self,
        path: String,
        make: &mut dyn FnMut(&mut dyn io::Write) -> io::Result<()>,
    ) -> Result<FileSum, String> {
        let mut bytes = Vec::new();
        make(&mut bytes).map_err(|e| format!("open data: {path}: {e}"))?;
        let sum = FileSum::of(&bytes);
        self.put(OutputFile {
            path,
            contents: Contents::Bytes(bytes),
        })?;
        Ok(sum)
    }
}

impl<F: Fn(OutputFile) -> Result<(), String> + Sync> Sink for F {
    fn put(&self, file: OutputFile) -> Result<(), String> {
        self(file)
    }
}

/// The data files made so far: handed to the sink, and listed for the catalogue.
struct Files<'s> {
    put: &'s dyn Sink,
    listed: Vec<catalogue::Listed>,
    /// The publishing body, the author of each workbook.
    author: String,
    /// The site's data are samples (`du_lieu_mau`): every JSON file says so at its top, every
    /// CSV in a first column.
    sample: bool,
}

/// A sequence serialized item by item as `make` makes them, so that a large list is written
/// without ever being held.
struct Each<F>(F);

impl<F, I> Serialize for Each<F>
where
    F: Fn() -> I,
    I: Iterator,
    I::Item: Serialize,
{
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq((self.0)())
    }
}

/// A JSON file's data under the sample-data flag, which comes first so that a reader who opens
/// the file sees it before any figure.
#[derive(Serialize)]
struct Flagged<'a, T: Serialize> {
    du_lieu_mau: bool,
    #[serde(flatten)]
    data: &'a T,
}

impl<'s> Files<'s> {
    fn new(author: &str, sample: bool, put: &'s dyn Sink) -> Self {
        Self {
            put,
            listed: Vec::new(),
            author: author.to_string(),
            sample,
        }
    }

    /// Hands over a file made in memory, and lists it.
    fn push(&mut self, path: String, bytes: Vec<u8>, about: About) -> Result<(), String> {
        self.listed
            .push(catalogue::Listed::of(&path, &FileSum::of(&bytes), about));
        self.put.put(OutputFile {
            path,
            contents: Contents::Bytes(bytes),
        })
    }

    /// Hands over a file whose bytes `make` writes as it makes them (see [`Sink::stream`]), and
    /// lists it: the site's tables and JSON files are hundreds of megabytes for the country.
    fn stream(
        &mut self,
        path: String,
        about: About,
        make: &mut dyn FnMut(&mut dyn io::Write) -> io::Result<()>,
    ) -> Result<(), String> {
        let sum = self.put.stream(path.clone(), make)?;
        self.listed.push(catalogue::Listed::of(&path, &sum, about));
        Ok(())
    }

    /// A table as CSV, then as an XLSX workbook (the catalogue lists both as one dataset); a
    /// sample site's table with the sample-data flag in a first column of both.
    fn table(&mut self, stem: &str, table: Table, about: &About) -> Result<(), String> {
        let table = match self.sample {
            true => table.flagged_as_sample(),
            false => table,
        };
        let csv = About {
            format: Format::Csv,
            csvw: true,
            ..about.clone()
        };
        let path = format!("{stem}.csv");
        self.put
            .put(catalogue::csvw_metadata(&path, &csv, table.header())?)?;
        self.stream(path, csv, &mut |out| table.write_to(out))?;
        let (title_vi, title_en) = about.titles();
        let book = xlsx::workbook(
            &table,
            &xlsx::Properties {
                title_vi: &title_vi,
                title_en: &title_en,
                author: &self.author,
                date: about.modified,
                sample: self.sample,
            },
        )?;
        let xlsx = About {
            format: Format::Xlsx,
            ..about.clone()
        };
        self.push(format!("{stem}.xlsx"), book, xlsx)
    }

    /// `value` (a JSON object) as the JSON file `<stem>.json`, with the sample-data flag first.
    fn json(&mut self, stem: &str, value: &impl Serialize, about: &About) -> Result<(), String> {
        let flagged = Flagged {
            du_lieu_mau: self.sample,
            data: value,
        };
        self.stream(format!("{stem}.json"), about.clone(), &mut |out| {
            serde_json::to_writer(out, &flagged).map_err(io::Error::from)
        })
    }
}

/// A value of the model as content files write it (`nu`, `dai-hoc`, `truong-khu-pho`): the
/// model's enums serialize to those keys.
fn content_key(value: impl Serialize) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

fn to_json(value: &impl Serialize) -> Result<Vec<u8>, String> {
    serde_json::to_vec(value).map_err(|e| format!("open data: {e}"))
}

#[cfg(test)]
pub(crate) mod testing {
    use crate::model::Site;
    use std::path::Path;

    /// The example site of the repository, which must check without errors.
    pub fn example_site() -> Site {
        let (site, diagnostics) =
            crate::check(&Path::new(env!("CARGO_MANIFEST_DIR")).join("content"));
        assert!(!diagnostics.has_errors(), "{diagnostics}");
        site
    }

    /// The default theme's strings of `language`, as a site without its own has them.
    pub fn strings(language: &str) -> crate::render::i18n::Strings {
        let file = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("themes/default/i18n")
            .join(format!("{language}.yaml"));
        serde_yaml::from_str(&std::fs::read_to_string(file).unwrap()).unwrap()
    }

    /// Every contest of every round of `site`.
    pub fn contests(site: &Site) -> Vec<super::Contest<'_>> {
        site.rounds
            .iter()
            .flat_map(|r| super::Contest::of_round(site, r))
            .collect()
    }
}
