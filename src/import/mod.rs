//! `niemyet import` (nhập bảng tính): a CSV sheet saved from Excel or LibreOffice becomes content
//! files: one candidate file per row, or the round's `ket-qua.yaml`. Only the fields the sheet has
//! columns for are written; personal data columns are dropped; nothing is written when any row
//! has an error, and an existing file is replaced only with `--force`.
//!
//! Template sheets for staff are in `mau-nhap/` at the root of the repository.

pub mod columns;
pub mod sheet;

mod candidates;
mod results;

use crate::diagnostics::{Bilingual, Diagnostics};
use crate::load::ELECTIONS_DIR;
use crate::model::Site;
use crate::model::election::Round;
use columns::Cell;
use sheet::Sheet;
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
    pub notes: Vec<Bilingual>,
    pub problems: Diagnostics,
}

/// A file to write: its path relative to the content folder and its text.
struct NewFile {
    rel: PathBuf,
    text: String,
}

/// Reads the sheet and writes the files, or writes nothing and returns every problem.
pub fn import(options: &ImportOptions) -> Result<Imported, Vec<Bilingual>> {
    let bytes = crate::fs::read(&options.sheet).map_err(|e| {
        vec![Bilingual::new(
            format!("Không đọc được bảng tính: {e}"),
            format!("Cannot read the sheet: {e}"),
        )]
    })?;
    let sheet = Sheet::parse(&bytes).map_err(|e| vec![e])?;
    let (site, _) = crate::check(&options.content);
    let round = find_round(&site, &options.round).map_err(|e| vec![e])?;
    let source = options
        .sheet
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut notes = Vec::new();
    let files = match options.kind {
        SheetKind::Candidates => candidates::files(&sheet, &site, round, &source, &mut notes)?,
        SheetKind::Results => results::files(&sheet, &site, round, &source, &mut notes)?,
    };
    let existing: Vec<Bilingual> = files
        .iter()
        .filter(|f| options.content.join(&f.rel).exists())
        .map(|f| {
            let path = f.rel.display();
            Bilingual::new(
                format!("{path} đã có; không ghi đè (thêm --force để ghi đè)."),
                format!(
                    "{path} already exists and is not overwritten (add --force to replace it)."
                ),
            )
        })
        .collect();
    if !options.force && !existing.is_empty() {
        return Err(existing);
    }
    let mut written = Vec::new();
    let rels: Vec<PathBuf> = files.iter().map(|f| f.rel.clone()).collect();
    for file in files {
        let path = options.content.join(&file.rel);
        crate::fs::write(&path, file.text.as_bytes()).map_err(|e| {
            vec![Bilingual::new(
                format!("Không ghi được: {e}"),
                format!("Cannot write: {e}"),
            )]
        })?;
        written.push(path);
    }
    let (_, found) = crate::check(&options.content);
    let mut problems = Diagnostics::default();
    problems.extend(found.into_iter().filter(|d| rels.contains(&d.path)));
    Ok(Imported {
        written,
        notes,
        problems,
    })
}

fn find_round<'s>(site: &'s Site, id: &str) -> Result<&'s Round, Bilingual> {
    site.round(id).ok_or_else(|| {
        let known: Vec<&str> = site.rounds.iter().map(|r| r.id.as_str()).collect();
        let known = known.join(", ");
        Bilingual::new(
            format!(
                "Không có đợt bầu “{id}” đọc được ({ELECTIONS_DIR}/{id}/dot-bau-cu.yaml). Các đợt hiện có: {known}. \
                 Tạo đợt mới bằng: niemyet new election {id}"
            ),
            format!(
                "There is no readable round “{id}” ({ELECTIONS_DIR}/{id}/dot-bau-cu.yaml). Rounds: {known}. \
                 Create one with: niemyet new election {id}"
            ),
        )
    })
}

/// The village id of a contest of `round` that a cell names, by id or by name (“Thôn 1”).
fn contest_of(cell: &Cell, site: &Site, round: &Round) -> Result<String, Bilingual> {
    let ids = round.contest_ids();
    if ids.contains(&cell.text) {
        return Ok(cell.text.to_string());
    }
    let villages = site
        .commune(&round.data.don_vi)
        .map(|c| c.data.khu_dan_cu.as_slice())
        .unwrap_or_default();
    let folded = columns::fold(cell.text);
    let named = villages
        .iter()
        .filter(|v| ids.contains(&v.ma.as_str()))
        .find(|v| columns::fold(&v.ten) == folded || columns::fold(&v.ma) == folded);
    match named {
        Some(v) => Ok(v.ma.clone()),
        None => {
            let list: Vec<String> = ids
                .iter()
                .map(|id| match villages.iter().find(|v| v.ma == *id) {
                    Some(v) => format!("{} ({id})", v.ten),
                    None => id.to_string(),
                })
                .collect();
            let list = list.join(", ");
            Err(cell.error(
                format!("không phải khu dân cư bầu trong đợt này: {list}."),
                format!("is not a contest of this round: {list}."),
            ))
        }
    }
}

/// The folder of a round's files, relative to the content folder.
fn round_dir(round: &Round) -> PathBuf {
    Path::new(ELECTIONS_DIR).join(&round.id)
}
