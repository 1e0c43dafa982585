//! What a form's values come to once read and checked: the file they make, the problems by
//! field, and what they mean.

use super::page::Problem;
use crate::diagnostics::{Bilingual, Diagnostics, Severity};
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

/// What the form's values come to: the file to save (none when nothing can be saved yet), the
/// problems by field, and the outcome of each contest whose figures hold.
pub struct Evaluation {
    /// The file to write, relative to the content folder, and its text.
    pub file: Option<(PathBuf, String)>,
    /// Errors and warnings, by field id (a contest's own id for what concerns it as a whole).
    pub problems: Vec<(String, Severity, Bilingual)>,
    /// What the values mean, by field: a contest's outcome under the law.
    pub outcomes: BTreeMap<String, Bilingual>,
}

impl Evaluation {
    /// Nothing typed yet, nothing wrong.
    pub fn empty() -> Self {
        Self {
            file: None,
            problems: Vec::new(),
            outcomes: BTreeMap::new(),
        }
    }

    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(|(_, s, _)| *s == Severity::Error)
            || self.file.is_none() && !self.problems.is_empty()
    }

    /// The messages about the form as a whole, errors first.
    pub fn general(&self) -> Vec<&Bilingual> {
        let mut general: Vec<_> = self
            .problems
            .iter()
            .filter(|(f, _, _)| f.is_empty())
            .collect();
        general.sort_by_key(|(_, s, _)| *s != Severity::Error);
        general.into_iter().map(|(_, _, m)| m).collect()
    }

    pub fn summary(&self) -> Vec<Problem> {
        self.problems
            .iter()
            .filter(|(_, s, _)| *s == Severity::Error)
            .map(|(field, _, message)| Problem {
                field: field.clone(),
                message: message.clone(),
            })
            .collect()
    }
}

/// The errors that saving `rel` would bring to other files (`found`, the check as if saved,
/// against the check of the content as it is): shown with the form, as warnings, since the fix
/// may be in the other file (a new candidate's votes go into the results after).
pub fn elsewhere(
    content: &Path,
    rel: &Path,
    found: &Diagnostics,
) -> Vec<(String, Severity, Bilingual)> {
    let (_, now) = crate::check(content);
    let known: HashSet<(&Path, &str)> = now
        .iter()
        .filter(|d| d.is_error())
        .map(|d| (d.path.as_path(), d.message.vi.as_str()))
        .collect();
    found
        .iter()
        .filter(|d| d.is_error() && d.path != rel)
        .filter(|d| !known.contains(&(d.path.as_path(), d.message.vi.as_str())))
        .map(|d| {
            let path = d.path.display().to_string().replace('\\', "/");
            (
                String::new(),
                Severity::Warning,
                Bilingual::new(
                    format!("Lưu tệp này sẽ gây lỗi ở {path}: {}", d.message.vi),
                    format!(
                        "Saving this file brings an error to {path}: {}",
                        d.message.en
                    ),
                ),
            )
        })
        .collect()
}
