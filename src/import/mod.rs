//! `niemyet import` (nhập bảng tính): a CSV sheet saved from Excel or LibreOffice becomes content
//! files: one candidate file per row, or the round's `ket-qua.yaml`. Only the fields the sheet has
//! columns for are written; personal data columns are dropped; nothing is written when any row
//! has an error, and an existing file is replaced only with `--force`.
//!
//! Template sheets for staff are in `mau-nhap/` at the root of the repository.

pub mod columns;
pub mod messages;
pub mod sheet;

mod candidates;
mod results;

use crate::diagnostics::{Bilingual, Diagnostics};
use crate::load::ELECTIONS_DIR;
use crate::load::text::Converted;
use crate::model::Site;
use crate::model::election::Round;
use crate::model::text::closest;
use crate::progress::{Stage, Step};
use columns::Cell;
use messages::{Message, Messages};
use sheet::Sheet;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// What a sheet holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SheetKind {
    /// Danh sách ứng cử viên, mỗi dòng một người / Candidates, one row each
    Candidates,
    /// Kết quả, mỗi dòng một ứng cử viên kèm số liệu của khu / Results, one row per candidate with the contest's figures
    Results,
}

#[derive(Debug, Clone)]
pub struct ImportOptions {
    pub kind: SheetKind,
    /// The CSV file.
    pub sheet: PathBuf,
    pub content: PathBuf,
    /// Id of the round to import into; it must exist.
    pub round: String,
    /// Replace files that exist already.
    pub force: bool,
}

/// What an import wrote, what it left out on purpose (personal data columns, renamed files), and
/// what `check` finds wrong in the files it wrote (a phone number in a bio, an under-age
/// candidate): the sheet is read cell by cell, the site's rules need the whole site.
#[derive(Debug, Default)]
pub struct Imported {
    pub written: Vec<PathBuf>,
    pub notes: Messages,
    pub problems: Diagnostics,
}

/// A file to write: its path relative to the content folder and its text.
struct NewFile {
    rel: PathBuf,
    text: String,
}

/// What reading the rows of a sheet needs and gathers.
struct Reading<'a> {
    round: &'a Round,
    contests: Contests,
    /// The sheet's file name, written into each file.
    source: String,
    notes: Messages,
    progress: &'a mut dyn FnMut(Step),
}

impl Reading<'_> {
    /// Tells of the rows read so far.
    fn read(&mut self, done: usize, total: usize) {
        (self.progress)(Step::of(Stage::Reading, done, total));
    }
}

/// Reads the sheet and writes the files, or writes nothing and returns every problem.
pub fn import(options: &ImportOptions) -> Result<Imported, Messages> {
    import_with(options, &mut |_| {})
}

/// [`import`], telling `progress` where it is.
pub fn import_with(
    options: &ImportOptions,
    progress: &mut dyn FnMut(Step),
) -> Result<Imported, Messages> {
    progress(Step::start(Stage::Checking));
    let bytes = crate::fs::read(&options.sheet).map_err(|e| {
        Bilingual::new(
            format!("Không đọc được bảng tính: {e}"),
            format!("Cannot read the sheet: {e}"),
        )
    })?;
    let sheet = Sheet::parse(&bytes)?;
    let (site, _) = crate::check(&options.content);
    let round = find_round(&site, &options.round)?;
    let source = options
        .sheet
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut notes = Messages::default();
    if let Some(from) = sheet.converted {
        notes.push(converted(&source, from));
    }
    let mut reading = Reading {
        round,
        contests: Contests::of(&site, round),
        source,
        notes,
        progress,
    };
    let files = match options.kind {
        SheetKind::Candidates => candidates::files(&sheet, &mut reading)?,
        SheetKind::Results => results::files(&sheet, &mut reading)?,
    };
    let Reading {
        notes, progress, ..
    } = reading;
    if !options.force {
        let mut existing = Messages::default();
        for file in files
            .iter()
            .filter(|f| options.content.join(&f.rel).exists())
        {
            let path = file.rel.display();
            existing.push(Message::new(
                "exists",
                Bilingual::new(
                    format!("{path} đã có; không ghi đè (thêm --force để ghi đè)."),
                    format!(
                        "{path} already exists and is not overwritten (add --force to replace it)."
                    ),
                ),
            ));
        }
        if !existing.is_empty() {
            return Err(existing);
        }
    }
    let mut written = Vec::new();
    let rels: HashSet<PathBuf> = files.iter().map(|f| f.rel.clone()).collect();
    let total = files.len();
    for file in files {
        let path = options.content.join(&file.rel);
        crate::fs::write(&path, file.text.as_bytes()).map_err(|e| {
            Bilingual::new(format!("Không ghi được: {e}"), format!("Cannot write: {e}"))
        })?;
        written.push(path);
        progress(Step::of(Stage::Writing, written.len(), total));
    }
    progress(Step::start(Stage::Rechecking));
    let (_, found) = crate::check(&options.content);
    let mut problems = Diagnostics::default();
    problems.extend(found.into_iter().filter(|d| rels.contains(&d.path)));
    Ok(Imported {
        written,
        notes,
        problems,
    })
}

/// What a sheet saved in another encoding than UTF-8 was read as: the files written are UTF-8.
fn converted(sheet: &str, from: Converted) -> Bilingual {
    let name = from.name();
    Bilingual::new(
        format!(
            "Bảng tính {sheet} được lưu bằng bảng mã {name}; đã chuyển sang Unicode (UTF-8) khi nhập. Các tệp ghi ra đều ở UTF-8."
        ),
        format!(
            "The sheet {sheet} is saved in the {name} encoding; it was converted to Unicode (UTF-8) on import. The files written are UTF-8."
        ),
    )
}

fn find_round<'s>(site: &'s Site, id: &str) -> Result<&'s Round, Bilingual> {
    site.round(id).ok_or_else(|| {
        let known: Vec<&str> = site.rounds.iter().map(|r| r.id.as_str()).collect();
        let (meant_vi, meant_en) = match closest(id, known.iter().copied()) {
            Some(near) => (
                format!(" Có phải ý bạn là “{near}”?"),
                format!(" Did you mean “{near}”?"),
            ),
            None => (String::new(), String::new()),
        };
        let known = known.join(", ");
        Bilingual::new(
            format!(
                "Không có đợt bầu “{id}” đọc được ({ELECTIONS_DIR}/{id}/dot-bau-cu.yaml).{meant_vi} Các đợt hiện có: {known}. \
                 Tạo đợt mới bằng: niemyet new election {id}"
            ),
            format!(
                "There is no readable round “{id}” ({ELECTIONS_DIR}/{id}/dot-bau-cu.yaml).{meant_en} Rounds: {known}. \
                 Create one with: niemyet new election {id}"
            ),
        )
    })
}

/// The contests of a round, found by the village's id or by its name as a cell names it
/// (“Thôn 1”), ignoring case and accents; built once for the whole sheet.
struct Contests {
    ids: HashSet<String>,
    /// Folded names and ids of the villages of the contests, to their id.
    by_name: HashMap<String, String>,
    /// `Thôn 1 (thon-1), Thôn 2 (thon-2)`, for errors.
    list: String,
}

impl Contests {
    fn of(site: &Site, round: &Round) -> Self {
        let ids: HashSet<String> = round.contest_ids().into_iter().map(String::from).collect();
        let villages = site
            .commune(&round.data.don_vi)
            .map(|c| c.data.khu_dan_cu.as_slice())
            .unwrap_or_default();
        let mut by_name = HashMap::new();
        for v in villages.iter().filter(|v| ids.contains(&v.ma)) {
            for name in [&v.ten, &v.ma] {
                by_name
                    .entry(columns::fold(name))
                    .or_insert_with(|| v.ma.clone());
            }
        }
        let named: HashMap<&str, &str> = villages
            .iter()
            .map(|v| (v.ma.as_str(), v.ten.as_str()))
            .collect();
        let list: Vec<String> = round
            .contest_ids()
            .into_iter()
            .map(|id| match named.get(id) {
                Some(name) => format!("{name} ({id})"),
                None => id.to_string(),
            })
            .collect();
        Self {
            ids,
            by_name,
            list: list.join(", "),
        }
    }

    /// The village id of the contest a cell names.
    fn find(&self, cell: &Cell) -> Result<String, Message> {
        if self.ids.contains(cell.text) {
            return Ok(cell.text.to_string());
        }
        self.by_name
            .get(&columns::fold(cell.text))
            .cloned()
            .ok_or_else(|| {
                let list = &self.list;
                cell.error(
                    "contest",
                    format!("không phải khu dân cư bầu trong đợt này: {list}."),
                    format!("is not a contest of this round: {list}."),
                )
            })
    }
}

/// The folder of a round's files, relative to the content folder.
fn round_dir(round: &Round) -> PathBuf {
    Path::new(ELECTIONS_DIR).join(&round.id)
}
