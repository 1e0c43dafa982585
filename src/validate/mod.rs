//! Rules on a whole site: references between files, the figures of vote-count records, and the
//! protection of personal data. Every check reports all it finds.

mod facts;
mod history;
mod identities;
mod law;
mod markdown;
mod memo;
mod placeholders;
mod privacy;
mod published;
mod references;
mod results;
mod rules;

use crate::diagnostics::{Bilingual, Diagnostic};
use crate::load::key_lines::KeyLines;
use crate::load::{SourceFile, Sources};
use crate::model::Site;
use crate::model::reassemble::Kept;
use crate::model::text::{is_slug, slugify};
use foldhash::HashMap;
use std::ffi::OsStr;
use std::path::Path;
use std::sync::OnceLock;

/// Which checks can be trusted. When some files failed to parse they are missing from the site,
/// and checks across files would report their ids as unknown: then only checks within a file run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    WithinFiles,
    AcrossFiles,
}

pub use memo::Memo;

/// Returns every problem of the site, errors and warnings. What the last validation with `memo`
/// found in texts that have not changed since, or in parts of the site that its assembly `kept`
/// as they were since, is recalled, not found again (a new memo recalls nothing), and what this
/// one finds is kept in it.
pub fn validate(
    site: &Site,
    sources: &Sources,
    scope: Scope,
    memo: &Memo,
    kept: &Kept,
) -> Vec<Diagnostic> {
    let files = Files::new(sources.files());
    // the checks read the site and report, each on its own: three groups of about equal time
    // after a save run in parallel, and their problems are joined in the order the checks are
    // listed
    let (mut first, (second, third)) = rayon::join(
        || {
            let mut ctx = Ctx::new(&files);
            if scope == Scope::AcrossFiles {
                references::check(site, &mut ctx);
            }
            results::check(site, &mut ctx, scope);
            ctx.problems
        },
        || {
            rayon::join(
                || {
                    let mut ctx = Ctx::new(&files);
                    law::check(site, &mut ctx, scope);
                    rules::check(site, &mut ctx);
                    ctx.problems
                },
                || {
                    let mut ctx = Ctx::new(&files);
                    privacy::check(site, &mut ctx, &memo.privacy, kept);
                    markdown::check(site, &mut ctx, &memo.markdown, kept);
                    facts::check(site, &mut ctx);
                    placeholders::check(site, &mut ctx, &memo.placeholders, kept);
                    history::check(site, &mut ctx, scope);
                    identities::check(site, &mut ctx, scope);
                    ctx.problems
                },
            )
        },
    );
    first.extend(second);
    first.extend(third);
    first
}

/// The source files by relative path, with where their keys are, found the first time a check
/// asks for a line of the file. A check of a site without problems asks for none, and the
/// preview checks after every save: the map by path is made only when a first problem is
/// reported. It is keyed by the path's bytes (every path here is the loader's own, written
/// alike) and hashed with foldhash, as hashing a `Path` parses its components.
struct Files<'a> {
    all: Vec<&'a SourceFile>,
    by_path: OnceLock<HashMap<&'a OsStr, (&'a SourceFile, OnceLock<KeyLines>)>>,
}

impl<'a> Files<'a> {
    fn new(files: impl Iterator<Item = &'a SourceFile>) -> Self {
        Self {
            all: files.collect(),
            by_path: OnceLock::new(),
        }
    }

    fn found(&self, file: &Path) -> Option<&(&'a SourceFile, OnceLock<KeyLines>)> {
        let by_path = self.by_path.get_or_init(|| {
            (self.all.iter())
                .map(|f| (f.rel.as_os_str(), (*f, OnceLock::new())))
                .collect()
        });
        by_path.get(file.as_os_str())
    }

    fn get(&self, file: &Path) -> Option<&'a SourceFile> {
        self.found(file).map(|(source, _)| *source)
    }

    fn key_lines(&self, file: &Path) -> Option<&KeyLines> {
        let (source, lines) = self.found(file)?;
        Some(lines.get_or_init(|| KeyLines::new(&source.text)))
    }
}

/// What every check needs: the source text (for line numbers) and where problems go.
struct Ctx<'a> {
    files: &'a Files<'a>,
    problems: Vec<Diagnostic>,
}

impl<'a> Ctx<'a> {
    fn new(files: &'a Files<'a>) -> Self {
        Self {
            files,
            problems: Vec::new(),
        }
    }

    /// The line of `key:` (holding `value`, when given) in `file`, searching from line `from`.
    /// A key written oddly (`khu/2:`, `an:: 12`) is not read back as a plain key: the first
    /// line holding `key:` is the best place then.
    fn line(&self, file: &Path, key: &str, value: Option<&str>, from: usize) -> Option<usize> {
        let source = self.files.get(file)?;
        self.files
            .key_lines(file)?
            .line_of(key, value, from)
            .or_else(|| {
                value
                    .is_none()
                    .then(|| source.line_containing(&format!("{key}:"), from))?
            })
    }

    /// The line of `key:` written as a top-level field of `file`, not one of a list item's.
    fn top_line(&self, file: &Path, key: &str) -> Option<usize> {
        self.files.key_lines(file)?.line_of_top(key)
    }

    /// The line of the contest of village `id` in a round's `cuoc_bau`, from line `from`: an
    /// entry is written `- khu_dan_cu: id` or just `- id`.
    fn contest_line(&self, file: &Path, id: &str, from: usize) -> Option<usize> {
        let lines = self.files.key_lines(file)?;
        let as_map = lines.line_of("khu_dan_cu", Some(id), from);
        as_map.into_iter().chain(lines.line_of_item(id, from)).min()
    }

    /// An error; `field` may be empty when the problem is in running text.
    fn error(
        &mut self,
        file: &Path,
        line: Option<usize>,
        field: &str,
        message: Bilingual,
        hint: Bilingual,
    ) {
        let mut d = Diagnostic::error(file, message).at(line, None).hint(hint);
        if !field.is_empty() {
            d = d.field(field);
        }
        self.problems.push(d);
    }

    /// An error when `id`, written in `field`, is not a slug: ids become addresses and cells of
    /// the data files.
    fn not_a_slug(&mut self, file: &Path, field: &str, id: &str, kind: &IdKind) {
        if is_slug(id) {
            return;
        }
        let line = self.line(file, field, Some(id), 1);
        let slug = slugify(id);
        let suggestion = if slug.is_empty() { kind.example } else { &slug };
        self.error(
            file,
            line,
            field,
            Bilingual::new(
                format!("{} “{id}” chỉ được dùng chữ thường không dấu, chữ số và dấu gạch ngang.", kind.vi),
                format!("The {} “{id}” may use only lowercase letters without accents, digits and hyphens.", kind.en),
            ),
            Bilingual::new(
                format!("Ví dụ: “{suggestion}”."),
                format!("For example: “{suggestion}”."),
            ),
        );
    }

    fn warning(&mut self, file: &Path, line: Option<usize>, field: &str, message: Bilingual) {
        self.problems.push(
            Diagnostic::warning(file, message)
                .at(line, None)
                .field(field),
        );
    }
}

/// A kind of id that content files write, as messages name it, and a slug of that kind to
/// suggest when an id has no letter or digit to make one from.
struct IdKind {
    vi: &'static str,
    en: &'static str,
    example: &'static str,
}

/// "unknown X: did you mean Y?" — the hint for every broken reference.
fn unknown_hint<'a>(
    value: &str,
    known: impl IntoIterator<Item = &'a str> + Clone,
    where_vi: &str,
    where_en: &str,
) -> Bilingual {
    let list: Vec<&str> = known.clone().into_iter().collect();
    let shown = if list.is_empty() {
        "(chưa có / none yet)".to_string()
    } else {
        list.join(", ")
    };
    match crate::model::text::closest(value, known) {
        Some(near) => Bilingual::new(
            format!("Có phải ý bạn là “{near}”? Các mã có trong {where_vi}: {shown}."),
            format!("Did you mean “{near}”? Ids in {where_en}: {shown}."),
        ),
        None => Bilingual::new(
            format!("Dùng một mã có trong {where_vi}: {shown}."),
            format!("Use an id from {where_en}: {shown}."),
        ),
    }
}
