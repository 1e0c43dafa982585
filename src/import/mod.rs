//! `niemyet import` (nhập bảng tính): a CSV sheet saved from Excel or LibreOffice becomes content
//! files: one candidate file per row, or the round's `ket-qua.yaml`. Only the fields the sheet has
//! columns for are written; personal data columns are dropped; nothing is written when any row
//! has an error, and an existing file is replaced only with `--force`. A results sheet imported
//! again with `--force` updates `ket-qua.yaml` and keeps what was typed into it by hand (see
//! `merge`).
//!
//! Template sheets for staff are in `mau-nhap/` at the root of the repository.

pub mod columns;
pub mod messages;
pub mod sheet;

mod candidates;
pub mod merge;
pub mod results_file;

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
    /// What to do about the problems: fix the sheet for what it gives, the file for the rest.
    pub advice: Vec<Bilingual>,
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
    let mut files = match options.kind {
        SheetKind::Candidates => candidates::files(&sheet, &mut reading)?,
        SheetKind::Results => results::files(&sheet, &mut reading)?,
    };
    let Reading {
        mut notes,
        progress,
        ..
    } = reading;
    if !options.force {
        let mut existing = Messages::default();
        for file in files
            .iter()
            .filter(|f| options.content.join(&f.rel).exists())
        {
            existing.push(Message::new("exists", exists(options.kind, &file.rel)));
        }
        if !existing.is_empty() {
            return Err(existing);
        }
    } else if options.kind == SheetKind::Results {
        for file in &mut files {
            keep_typed_by_hand(&options.content, file, &mut notes)?;
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
    let advice = advice(options.kind, &problems);
    Ok(Imported {
        written,
        notes,
        problems,
        advice,
    })
}

/// Why a file that exists is not written without `--force`, and what `--force` does to it.
fn exists(kind: SheetKind, rel: &Path) -> Bilingual {
    let path = rel.display();
    match kind {
        SheetKind::Candidates => Bilingual::new(
            format!(
                "{path} đã có; không ghi đè (thêm --force để thay cả tệp bằng dòng của bảng tính)."
            ),
            format!(
                "{path} already exists and is not overwritten (add --force to replace the whole file with the sheet's row)."
            ),
        ),
        SheetKind::Results => Bilingual::new(
            format!(
                "{path} đã có; chưa ghi gì. Thêm --force để cập nhật số liệu từ bảng tính: những gì gõ tay trong tệp \
                 (trang_thai, quyet_dinh, ly_do, người ký biên bản…) được giữ nguyên."
            ),
            format!(
                "{path} already exists; nothing was written. Add --force to update the figures from the sheet: what was \
                 typed into the file by hand (trang_thai, quyet_dinh, ly_do, the record's signers…) is kept."
            ),
        ),
    }
}

/// A results file that exists becomes the old one updated with the sheet's values.
fn keep_typed_by_hand(
    content: &Path,
    file: &mut NewFile,
    notes: &mut Messages,
) -> Result<(), Bilingual> {
    let path = content.join(&file.rel);
    if !path.exists() {
        return Ok(());
    }
    let rel = file.rel.display().to_string().replace('\\', "/");
    let existing = crate::fs::read_to_string(&path).map_err(|e| {
        Bilingual::new(
            format!("Không đọc được {rel}: {e}"),
            format!("Cannot read {rel}: {e}"),
        )
    })?;
    let merged = merge::merge(&rel, &existing, &file.text)?;
    file.text = merged.text;
    for (contest, keys) in merged.kept {
        let keys = keys.join(", ");
        notes.push(Bilingual::new(
            format!("{rel}, khu {contest}: giữ nguyên các trường gõ tay ({keys}); số liệu lấy từ bảng tính."),
            format!("{rel}, contest {contest}: the fields typed by hand are kept ({keys}); the figures are the sheet's."),
        ));
    }
    Ok(())
}

/// What to do about what `check` found in the files written: a problem in a value the sheet
/// gives is fixed in the sheet and imported again; one in a field the sheet has no column for
/// (a result's recognition decision, say) can only be fixed in the file.
fn advice(kind: SheetKind, problems: &Diagnostics) -> Vec<Bilingual> {
    let mut out = Vec::new();
    let mut in_sheet = false;
    let mut seen = HashSet::new();
    for d in problems.iter() {
        let field = d.field.as_deref().and_then(|f| f.split('.').next());
        let from_sheet = match (kind, field) {
            (_, None) => true,
            (SheetKind::Results, Some(f)) => merge::from_sheet(f) || f == "bien_ban",
            (SheetKind::Candidates, Some(f)) => candidates::from_sheet(f),
        };
        if from_sheet {
            in_sheet = true;
            continue;
        }
        let Some(field) = field.filter(|f| seen.insert((d.location(), f.to_string()))) else {
            continue;
        };
        let at = d.location();
        out.push(match kind {
            SheetKind::Results => Bilingual::new(
                format!(
                    "{at}: bảng tính không có cột cho `{field}`: gõ thẳng vào tệp này như cách sửa ở trên. \
                     Nhập lại bảng tính với --force chỉ thay số liệu, giữ nguyên `{field}`."
                ),
                format!(
                    "{at}: the sheet has no column for `{field}`: type it into this file as the fix above says. \
                     Importing the sheet again with --force replaces only the figures and keeps `{field}`."
                ),
            ),
            SheetKind::Candidates => Bilingual::new(
                format!(
                    "{at}: bảng tính không có cột cho `{field}`: sửa thẳng trong tệp này, và đừng nhập lại với --force \
                     (nhập lại sẽ thay cả tệp)."
                ),
                format!(
                    "{at}: the sheet has no column for `{field}`: fix it in this file, and do not import again with \
                     --force (that replaces the whole file)."
                ),
            ),
        });
    }
    if in_sheet {
        out.push(match kind {
            SheetKind::Results => Bilingual::new(
                "Lỗi ở số liệu lấy từ bảng tính: sửa bảng tính rồi nhập lại với --force (những gì gõ tay trong tệp được giữ nguyên), hoặc sửa thẳng trong tệp.",
                "Problems in the figures taken from the sheet: fix the sheet and import again with --force (what was typed into the file by hand is kept), or fix the file.",
            ),
            SheetKind::Candidates => Bilingual::new(
                "Lỗi ở dữ liệu lấy từ bảng tính: sửa bảng tính rồi nhập lại với --force (thay cả tệp), hoặc sửa thẳng trong tệp.",
                "Problems in what was taken from the sheet: fix the sheet and import again with --force (which replaces the whole file), or fix the file.",
            ),
        });
    }
    out
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
