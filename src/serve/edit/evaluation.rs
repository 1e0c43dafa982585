//! What a form's values come to once read and checked: the file they make, the problems by
//! field, and what they mean.

use super::page::Problem;
use crate::diagnostics::{Bilingual, Severity};
use std::collections::BTreeMap;
use std::path::PathBuf;

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
