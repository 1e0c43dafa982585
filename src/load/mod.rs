//! Walking the content folder and reading its text files: the only input I/O of a build.
//!
//! The layout is fixed so that a ward officer can guess where a file goes:
//!
//! ```text
//! cau-hinh.yaml                              the site
//! don-vi/<commune>.yaml                      a commune/ward and its villages
//! bau-cu/<round>/dot-bau-cu.yaml             an election round
//! bau-cu/<round>/ung-cu-vien/<slug>.md       a candidate
//! bau-cu/<round>/ket-qua.yaml                the round's results
//! van-ban/**/<slug>.md                       a document (attachments beside it)
//! trang/<slug>.md                            a free page
//! theme/                                     the site's own templates and static files
//! ```

pub mod de;
pub mod front_matter;
pub mod key_lines;
pub mod legacy;
pub mod mistakes;
pub mod refusal;
pub mod reload;
pub mod skipped;
pub mod syntax;
pub mod text;
pub mod to_utf8;
pub mod tree;
pub mod yaml;

use crate::diagnostics::{Bilingual, Diagnostic};
use crate::model::text::{code_point, is_xml_char};
use rayon::prelude::*;
use skipped::{Irregular, hidden_content, not_regular, saved_as_text, unused_file};
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

pub const CONFIG_FILE: &str = "cau-hinh.yaml";
pub const DIVISIONS_DIR: &str = "don-vi";
pub const ELECTIONS_DIR: &str = "bau-cu";
pub const ROUND_FILE: &str = "dot-bau-cu.yaml";
pub const RESULTS_FILE: &str = "ket-qua.yaml";
pub const CANDIDATES_DIR: &str = "ung-cu-vien";
pub const DOCUMENTS_DIR: &str = "van-ban";
pub const PAGES_DIR: &str = "trang";
pub const THEME_DIR: &str = "theme";

/// Whether YAML text holds nothing but blank lines and comments.
/// The file `rel` (named `.yaml`) under `content`, or its `.yml` twin when only that one is
/// there, as the loader accepts either; `None` when neither is.
pub fn yaml_on_disk(content: &Path, rel: &Path) -> Option<PathBuf> {
    let yml = rel.with_extension("yml");
    [rel.to_path_buf(), yml]
        .into_iter()
        .find(|r| content.join(r).is_file())
}

pub fn has_no_data(yaml: &str) -> bool {
    yaml.lines()
        .map(str::trim)
        .all(|l| l.is_empty() || l.starts_with('#'))
}

/// A text file of the content, read and normalised.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path relative to the content folder: what diagnostics show.
    pub rel: PathBuf,
    pub abs: PathBuf,
    /// UTF-8 without BOM, NFC-normalised, with `\n` line ends.
    pub text: String,
}

impl SourceFile {
    /// The file stem: `ung-cu-vien/nguyen-van-an.md` → `nguyen-van-an`.
    pub fn stem(&self) -> String {
        self.rel
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default()
    }

    /// The 1-based line of the first `key:` (holding exactly `value`, when given) at or after
    /// line `from`. Semantic errors found after parsing use it to point at the right line.
    pub fn line_of(&self, key: &str, value: Option<&str>, from: usize) -> Option<usize> {
        self.lines_from(from).find_map(|(n, line)| {
            let (k, v) = key_value(line)?;
            (k == key && value.is_none_or(|want| v == want)).then_some(n)
        })
    }

    /// The 1-based line of the first list item `- value` at or after line `from`.
    pub fn line_of_item(&self, value: &str, from: usize) -> Option<usize> {
        self.lines_from(from).find_map(|(n, line)| {
            let item = line.trim_start().strip_prefix("- ")?;
            (unquote(item) == value).then_some(n)
        })
    }

    /// The 1-based line of `key:` written at the start of a line (a top-level field, not one of a
    /// list item's).
    pub fn line_of_top(&self, key: &str) -> Option<usize> {
        self.lines_from(1).find_map(|(n, line)| {
            let top = !line.starts_with([' ', '\t', '-']);
            (top && key_value(line).is_some_and(|(k, _)| k == key)).then_some(n)
        })
    }

    /// The 1-based line of the first line containing `needle` at or after line `from`.
    pub fn line_containing(&self, needle: &str, from: usize) -> Option<usize> {
        self.lines_from(from)
            .find_map(|(n, line)| line.contains(needle).then_some(n))
    }

    fn lines_from(&self, from: usize) -> impl Iterator<Item = (usize, &str)> {
        self.text
            .lines()
            .enumerate()
            .skip(from.saturating_sub(1))
            .map(|(i, l)| (i + 1, l))
    }
}

/// `  - key: "value"  # note` → (`key`, `value`): a YAML line's key and its plain value.
pub fn key_value(line: &str) -> Option<(&str, &str)> {
    let rest = line.trim_start();
    let rest = rest.strip_prefix("- ").unwrap_or(rest).trim_start();
    let (key, value) = rest.split_once(':')?;
    let key = unquote(key);
    let plain = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-');
    plain.then(|| (key, unquote(value)))
}

/// A scalar as written, without its quotes or trailing comment.
pub(crate) fn unquote(value: &str) -> &str {
    let v = value.trim();
    // `ma: # khu-2`: a value cannot start with `#`, only a comment can
    if v.starts_with('#') {
        return "";
    }
    for q in ['"', '\''] {
        if let Some(inner) = v.strip_prefix(q).and_then(|r| r.split_once(q)) {
            return inner.0;
        }
    }
    v.split(" #").next().unwrap_or(v).trim()
}

/// The files of one election round folder.
#[derive(Debug, Default)]
pub struct RoundSources {
    pub id: String,
    pub rel_dir: PathBuf,
    pub round: Option<SourceFile>,
    pub results: Option<SourceFile>,
    pub candidates: Vec<SourceFile>,
}

/// Everything read from a content folder, in a stable order.
#[derive(Debug, Default)]
pub struct Sources {
    pub root: PathBuf,
    pub config: Option<SourceFile>,
    pub divisions: Vec<SourceFile>,
    pub rounds: Vec<RoundSources>,
    pub documents: Vec<SourceFile>,
    pub pages: Vec<SourceFile>,
}

impl Sources {
    /// Every text file read, whatever its place.
    pub fn files(&self) -> impl Iterator<Item = &SourceFile> {
        let rounds = self
            .rounds
            .iter()
            .flat_map(|r| r.round.iter().chain(&r.results).chain(&r.candidates));
        self.config
            .iter()
            .chain(&self.divisions)
            .chain(rounds)
            .chain(&self.documents)
            .chain(&self.pages)
    }

    /// Every text file read, taken out.
    pub fn into_files(self) -> impl Iterator<Item = SourceFile> {
        let rounds = self
            .rounds
            .into_iter()
            .flat_map(|r| (r.round.into_iter()).chain(r.results).chain(r.candidates));
        (self.config.into_iter())
            .chain(self.divisions)
            .chain(rounds)
            .chain(self.documents)
            .chain(self.pages)
    }
}

impl Sources {
    /// `text` read as the file at `rel` (relative to the root), in place of the one there is or
    /// as a new one: what a check would find were it saved, for the preview's forms.
    pub fn put(&mut self, rel: &Path, text: String) {
        let file = SourceFile {
            rel: rel.to_path_buf(),
            abs: self.root.join(rel),
            text,
        };
        let rounds = self.rounds.iter_mut().flat_map(|r| {
            r.round
                .iter_mut()
                .chain(&mut r.results)
                .chain(&mut r.candidates)
        });
        let mut all = self
            .config
            .iter_mut()
            .chain(&mut self.divisions)
            .chain(rounds)
            .chain(&mut self.documents)
            .chain(&mut self.pages);
        match all.find(|f| f.rel == rel) {
            Some(there) => *there = file,
            None => place_file(self, classify(rel), file),
        }
    }
}

impl Sources {
    /// Takes out every file at or under `path` (relative to the root).
    fn remove_under(&mut self, path: &Path) {
        let keep = |f: &SourceFile| !f.rel.starts_with(path);
        self.config = self.config.take().filter(keep);
        self.divisions.retain(keep);
        self.documents.retain(keep);
        self.pages.retain(keep);
        for round in &mut self.rounds {
            if round.rel_dir.starts_with(path) || path.starts_with(&round.rel_dir) {
                round.round = round.round.take().filter(keep);
                round.results = round.results.take().filter(keep);
                round.candidates.retain(keep);
            }
        }
        // a round is listed for the files it has
        self.rounds
            .retain(|r| r.round.is_some() || r.results.is_some() || !r.candidates.is_empty());
    }
}

/// Reads every content file under `root`. Problems (unreadable files, files in no known place)
/// are returned alongside what could be read.
pub fn load(root: &Path) -> (Sources, Vec<Diagnostic>) {
    load_with(root, |path| read_noting(root, path), |_| {})
}

/// [`load`], with `read` reading each content file and `seen` told of every other file the
/// content holds (photos, attachments): `reload` reads again only what changed.
fn load_with(
    root: &Path,
    read: impl Fn(&Path) -> Read + Sync,
    seen: impl Fn(&Path) + Sync,
) -> (Sources, Vec<Diagnostic>) {
    let mut sources = Sources {
        root: root.to_path_buf(),
        ..Sources::default()
    };
    let mut problems = Vec::new();
    if !root.is_dir() {
        problems.push(
            Diagnostic::error(
                root,
                Bilingual::new(
                    "Không tìm thấy thư mục nội dung.",
                    "The content folder does not exist.",
                ),
            )
            .hint(Bilingual::new(
                "Chạy lệnh trong thư mục của trang, hoặc chỉ rõ thư mục bằng --content.",
                "Run the command in the site's folder, or name the folder with --content.",
            )),
        );
        return (sources, problems);
    }
    let found = gather(root, root, read, seen);
    add_found(&mut sources, &mut problems, found);
    (sources, problems)
}

/// What the walk finds at and under `start` (`root` or a file or folder in it), with each
/// content file read by `read` and every other file shown to `seen`.
fn gather(
    root: &Path,
    start: &Path,
    read: impl Fn(&Path) -> Read + Sync,
    seen: impl Fn(&Path) + Sync,
) -> Vec<(Found, Option<Read>)> {
    // the walk is quick and ordered; reading and decoding the files is the slow part, done in
    // parallel and then put back in walk order so that sources and problems keep that order
    let found = walk(root, start);
    let read: Vec<Option<Read>> = found
        .par_iter()
        .map(|f| match f {
            Found::File(_, path) => Some(read(path)),
            Found::Asset(path) => {
                seen(path);
                None
            }
            Found::Problem(_) => None,
        })
        .collect();
    found.into_iter().zip(read).collect()
}

/// Puts what [`gather`] found in its place among `sources`, and its problems in `problems`.
fn add_found(
    sources: &mut Sources,
    problems: &mut Vec<Diagnostic>,
    found: Vec<(Found, Option<Read>)>,
) {
    for (found, read) in found {
        match (found, read) {
            (Found::Problem(d), _) => problems.push(d),
            (Found::File(place, _), Some(Ok((file, converted)))) => {
                problems.extend(converted);
                place_file(sources, place, file);
            }
            (Found::File(..), Some(Err(d))) => problems.push(d),
            (Found::File(..) | Found::Asset(_), None) | (Found::Asset(_), Some(_)) => {}
        }
    }
}

/// A file read, with the warning that it was converted, or why it could not be read.
type Read = Result<(SourceFile, Option<Diagnostic>), Diagnostic>;

/// What the walk of the content folder finds, in walk order.
enum Found {
    /// A content file to read, and where it goes.
    File(Place, PathBuf),
    /// A file the content names (a photo, an attachment): not read as content.
    Asset(PathBuf),
    Problem(Diagnostic),
}

/// The content files at and under `start` (`root`, or a file or folder in it) and the problems
/// of what is not one, in file-name order: the order of paths.
fn walk(root: &Path, start: &Path) -> Vec<Found> {
    let mut found = Vec::new();
    let whole = start == root;
    // a file or folder in the content is walked as the whole walk would meet it: a link is not
    // followed, a hidden folder or the theme is not content
    let walker = WalkDir::new(start)
        .follow_root_links(whole)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| (whole && e.depth() == 0) || !is_hidden_folder_or_theme(e, root));
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(err) => {
                let path = err.path().map(|p| rel(root, p)).unwrap_or_default();
                found.push(Found::Problem(Diagnostic::error(
                    path,
                    Bilingual::new(
                        format!("Không đọc được: {err}"),
                        format!("Cannot read: {err}"),
                    ),
                )));
                continue;
            }
        };
        let kind = entry.file_type();
        if kind.is_dir() {
            continue;
        }
        let relative = rel(root, entry.path());
        if is_hidden(entry.path()) {
            found.extend(hidden_content(&relative).into_iter().map(Found::Problem));
            continue;
        }
        // links are not followed, so that nothing outside the content is read
        if kind.is_symlink() && entry.path().is_dir() {
            found.push(Found::Problem(not_regular(
                &relative,
                Irregular::LinkedFolder,
            )));
            continue;
        }
        let problem = match classify(&relative) {
            Place::Asset => {
                found.push(Found::Asset(entry.into_path()));
                continue;
            }
            Place::Unknown => unused_file(&relative),
            Place::SavedAsText => saved_as_text(&relative),
            _ if kind.is_symlink() => not_regular(&relative, Irregular::Link),
            _ if !kind.is_file() => not_regular(&relative, Irregular::Special),
            place => {
                found.push(Found::File(place, entry.into_path()));
                continue;
            }
        };
        found.push(Found::Problem(problem));
    }
    found
}

/// Hidden folders (`.git`) and the theme are not content; hidden files are looked at, so that a
/// content file whose name starts with a dot is reported.
fn is_hidden_folder_or_theme(entry: &walkdir::DirEntry, root: &Path) -> bool {
    (entry.file_type().is_dir() && is_hidden(entry.path()))
        || entry
            .path()
            .strip_prefix(root)
            .map(|p| p == Path::new(THEME_DIR))
            .unwrap_or(false)
}

fn is_hidden(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with('.'))
}

fn rel(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

#[derive(Debug, PartialEq, Eq)]
enum Place {
    Config,
    Division,
    Round(String),
    Results(String),
    Candidate(String),
    Document,
    Page,
    /// A file that is not read as content: a photo or an attachment.
    Asset,
    /// `x.md.txt`: saved by Notepad with its own ending added.
    SavedAsText,
    Unknown,
}

fn classify(rel: &Path) -> Place {
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
    let name = parts.last().map(|n| n.to_lowercase()).unwrap_or_default();
    if [".md.txt", ".yaml.txt", ".yml.txt"]
        .iter()
        .any(|t| name.ends_with(t))
    {
        return Place::SavedAsText;
    }
    let is_yaml = name.ends_with(".yaml") || name.ends_with(".yml");
    let is_md = name.ends_with(".md");
    // `.yml` is accepted wherever `.yaml` is
    let named = |wanted: &str| name == wanted || name == wanted.replace(".yaml", ".yml");
    match parts.as_slice() {
        [_] if named(CONFIG_FILE) => Place::Config,
        [DIVISIONS_DIR, _] if is_yaml => Place::Division,
        [ELECTIONS_DIR, id, _] if named(ROUND_FILE) => Place::Round(id.to_string()),
        [ELECTIONS_DIR, id, _] if named(RESULTS_FILE) => Place::Results(id.to_string()),
        [ELECTIONS_DIR, id, CANDIDATES_DIR, _] if is_md => Place::Candidate(id.to_string()),
        [ELECTIONS_DIR, _, CANDIDATES_DIR, ..] if !is_md && !is_yaml => Place::Asset,
        [DOCUMENTS_DIR, .., _] if is_md => Place::Document,
        [DOCUMENTS_DIR, ..] if !is_yaml => Place::Asset,
        [PAGES_DIR, _] if is_md => Place::Page,
        _ => Place::Unknown,
    }
}

/// Puts `file` in its place among `sources`, each list kept in the order of paths, which is the
/// walk's: a file read again replaces the one of the same path.
fn place_file(sources: &mut Sources, place: Place, file: SourceFile) {
    let round = |sources: &mut Sources, id: String| -> usize {
        match sources.rounds.binary_search_by(|r| r.id.cmp(&id)) {
            Ok(i) => i,
            Err(i) => {
                let round = RoundSources {
                    rel_dir: Path::new(ELECTIONS_DIR).join(&id),
                    id,
                    ..RoundSources::default()
                };
                sources.rounds.insert(i, round);
                i
            }
        }
    };
    match place {
        Place::Config => sources.config = Some(file),
        Place::Division => insert_in_order(&mut sources.divisions, file),
        Place::Round(id) => {
            let i = round(sources, id);
            sources.rounds[i].round = Some(file);
        }
        Place::Results(id) => {
            let i = round(sources, id);
            sources.rounds[i].results = Some(file);
        }
        Place::Candidate(id) => {
            let i = round(sources, id);
            insert_in_order(&mut sources.rounds[i].candidates, file);
        }
        Place::Document => insert_in_order(&mut sources.documents, file),
        Place::Page => insert_in_order(&mut sources.pages, file),
        Place::Asset | Place::SavedAsText | Place::Unknown => {}
    }
}

fn insert_in_order(files: &mut Vec<SourceFile>, file: SourceFile) {
    match files.binary_search_by(|f| f.rel.cmp(&file.rel)) {
        Ok(i) => files[i] = file,
        Err(i) => files.insert(i, file),
    }
}

/// Reads a text file, accepting what Windows editors write: a BOM, CRLF line ends, decomposed
/// Vietnamese (NFD) from some keyboards, UTF-16 and legacy encodings, converted (see [`text`]).
pub fn read_source(root: &Path, path: &Path) -> Result<SourceFile, Diagnostic> {
    read_noting(root, path).map(|(file, _)| file)
}

/// [`read_source`], with the warning that says the file was converted from another encoding.
fn read_noting(root: &Path, path: &Path) -> Read {
    let relative = rel(root, path);
    let bytes = crate::fs::read(path).map_err(|e| {
        Diagnostic::error(
            &relative,
            Bilingual::new(
                format!("Không đọc được tệp: {}", e.source),
                format!("Cannot read the file: {}", e.source),
            ),
        )
    })?;
    let (text, converted) = text::content(&relative, &bytes)?;
    if let Some(d) = forbidden_character(&relative, &text) {
        return Err(d);
    }
    let file = SourceFile {
        rel: relative,
        abs: path.to_path_buf(),
        text,
    };
    Ok((file, converted))
}

/// The first character of `text` that XML forbids (NUL, another stray control character,
/// U+FFFE): invisible, never meant, and fatal to a feed. Refusing it here, where its line and
/// column are known, keeps it from every page, feed and data file, and lets staff find and delete
/// it; dropping it in silence would publish something other than what the file says.
fn forbidden_character(rel: &Path, text: &str) -> Option<Diagnostic> {
    let mut found = text.lines().enumerate().flat_map(|(i, line)| {
        line.chars()
            .enumerate()
            .filter(|(_, c)| !is_xml_char(*c))
            .map(move |(j, c)| (i + 1, j + 1, c))
    });
    let (line, column, c) = found.next()?;
    let (more_vi, more_en) = match found.count() {
        0 => (String::new(), String::new()),
        n => (
            format!(" Trong tệp còn {n} ký tự như vậy."),
            format!(" The file holds {n} more like it."),
        ),
    };
    let code = code_point(c);
    Some(
        Diagnostic::error(
            rel,
            Bilingual::new(
                format!("Ký tự không hợp lệ {code} ở cột {column}: ký tự vô hình này làm hỏng nguồn tin và trang web, thường do tệp bị hỏng hoặc chép từ phần mềm khác.{more_vi}"),
                format!("Invalid character {code} at column {column}: this invisible character would break the feeds and pages; it usually comes from a damaged file or text pasted from another program.{more_en}"),
            ),
        )
        .at(Some(line), Some(column))
        .hint(Bilingual::new(
            format!("Xóa ký tự ở dòng {line}, cột {column} (hoặc gõ lại cả dòng)."),
            format!("Delete the character at line {line}, column {column} (or retype the line)."),
        )),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_the_layout() {
        assert_eq!(classify(Path::new("cau-hinh.yaml")), Place::Config);
        assert_eq!(classify(Path::new("don-vi/hong-gai.yaml")), Place::Division);
        assert_eq!(
            classify(Path::new("bau-cu/hg-2022/dot-bau-cu.yaml")),
            Place::Round("hg-2022".into())
        );
        assert_eq!(
            classify(Path::new("bau-cu/hg-2022/ket-qua.yaml")),
            Place::Results("hg-2022".into())
        );
        assert_eq!(
            classify(Path::new("bau-cu/hg-2022/ung-cu-vien/a.md")),
            Place::Candidate("hg-2022".into())
        );
        assert_eq!(
            classify(Path::new("bau-cu/hg-2022/ung-cu-vien/anh/a.jpg")),
            Place::Asset
        );
        assert_eq!(classify(Path::new("van-ban/2022/nq.md")), Place::Document);
        assert_eq!(classify(Path::new("van-ban/tep/nq.pdf")), Place::Asset);
        assert_eq!(classify(Path::new("trang/lien-he.md")), Place::Page);
        assert_eq!(classify(Path::new("ghi-chu.md")), Place::Unknown);
        assert_eq!(
            classify(Path::new("bau-cu/hg-2022/ket-qua.yml")),
            Place::Results("hg-2022".into())
        );
        assert_eq!(
            classify(Path::new("bau-cu/hg-2022/ung-cu-vien/a.md.txt")),
            Place::SavedAsText
        );
        assert_eq!(classify(Path::new("trang/so-do.png")), Place::Unknown);
        assert_eq!(
            classify(Path::new("bau-cu/hg-2022/bien-ban.pdf")),
            Place::Unknown
        );
        assert_eq!(
            classify(Path::new("bau-cu/hg-2022/ghi-chu.yaml")),
            Place::Unknown
        );
    }

    #[test]
    fn a_character_xml_forbids_is_refused_where_it_is_and_the_others_counted() {
        let d = forbidden_character(Path::new("x.md"), "a\nbư\u{0}c\u{FFFF}\n\u{1}").unwrap();
        assert_eq!((d.line, d.column), (Some(2), Some(3)), "{d}");
        assert!(d.message.vi.contains("U+0000 ở cột 3"), "{d}");
        assert!(d.message.en.contains("2 more"), "{d}");
        assert!(forbidden_character(Path::new("x.md"), "tab\tCR\r\nLF\n\u{FFFD}").is_none());
    }

    #[test]
    fn line_of_finds_keys_in_lists_and_exact_values() {
        let file = SourceFile {
            rel: "x.yaml".into(),
            abs: "x.yaml".into(),
            text: "ten: A\ncuoc_bau:\n  - khu_dan_cu: khu-1\n  - khu_dan_cu: \"khu-10\"  # mới\n  - khu-2\n".into(),
        };
        assert_eq!(file.line_of("ten", None, 1), Some(1));
        assert_eq!(file.line_of("khu_dan_cu", Some("khu-1"), 1), Some(3));
        assert_eq!(file.line_of("khu_dan_cu", Some("khu-10"), 1), Some(4));
        assert_eq!(file.line_of("khu_dan_cu", Some("khu"), 1), None);
        assert_eq!(file.line_of("khu_dan_cu", None, 4), Some(4));
        assert_eq!(file.line_of_item("khu-2", 1), Some(5));
        assert_eq!(file.line_of_top("ten"), Some(1));
        assert_eq!(file.line_of_top("khu_dan_cu"), None);
        assert_eq!(file.line_containing("khu-2", 4), Some(5));
        assert_eq!(key_value("  \"tran-van-a\": 1"), Some(("tran-van-a", "1")));
        assert_eq!(key_value("  - ma: # khu-2"), Some(("ma", "")));
        assert_eq!(file.line_of("nam_sinh", None, 1), None);
    }
}
