//! Content problems found while loading, modelling or validating a site.
//!
//! Every problem names its file (relative to the content folder), the line and column when known,
//! the field, what is wrong and how to fix it, in Vietnamese first and English second, because the
//! people who read them are ward staff.

use std::fmt;
use std::path::{Path, PathBuf};

/// How serious a problem is: errors stop the build, warnings are printed and the build goes on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// A text in both languages of the portal's staff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bilingual {
    pub vi: String,
    pub en: String,
}

impl Bilingual {
    pub fn new(vi: impl Into<String>, en: impl Into<String>) -> Self {
        Self {
            vi: vi.into(),
            en: en.into(),
        }
    }

    /// The text in one language.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Vi => &self.vi,
            Lang::En => &self.en,
        }
    }
}

/// The language messages are printed in: Vietnamese unless `--lang en` is given.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    /// Picks the Vietnamese or the English text.
    pub fn pick<'a>(self, vi: &'a str, en: &'a str) -> &'a str {
        match self {
            Self::Vi => vi,
            Self::En => en,
        }
    }
}

/// One problem in one place of the content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Path of the file, relative to the content folder where possible.
    pub path: PathBuf,
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// 1-based column, when known.
    pub column: Option<usize>,
    /// The field (YAML key) concerned, when there is one.
    pub field: Option<String>,
    pub message: Bilingual,
    /// What to do about it.
    pub hint: Option<Bilingual>,
}

impl Diagnostic {
    pub fn error(path: impl AsRef<Path>, message: Bilingual) -> Self {
        Self {
            severity: Severity::Error,
            path: path.as_ref().to_path_buf(),
            line: None,
            column: None,
            field: None,
            message,
            hint: None,
        }
    }

    pub fn warning(path: impl AsRef<Path>, message: Bilingual) -> Self {
        Self {
            severity: Severity::Warning,
            ..Self::error(path, message)
        }
    }

    pub fn at(mut self, line: Option<usize>, column: Option<usize>) -> Self {
        self.line = line;
        self.column = column;
        self
    }

    pub fn field(mut self, field: impl Into<String>) -> Self {
        self.field = Some(field.into());
        self
    }

    pub fn hint(mut self, hint: Bilingual) -> Self {
        self.hint = Some(hint);
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `path:line:column`, with `/` separators whatever the system.
    pub fn location(&self) -> String {
        let path = self.path.display().to_string().replace('\\', "/");
        match (self.line, self.column) {
            (Some(l), Some(c)) => format!("{path}:{l}:{c}"),
            (Some(l), None) => format!("{path}:{l}"),
            _ => path,
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (vi, en) = match self.severity {
            Severity::Error => ("lỗi", "error"),
            Severity::Warning => ("cảnh báo", "warning"),
        };
        writeln!(f, "{vi} / {en}: {}", self.location())?;
        if let Some(field) = &self.field {
            writeln!(f, "  trường / field: {field}")?;
        }
        writeln!(f, "  {}", self.message.vi)?;
        writeln!(f, "  {}", self.message.en)?;
        if let Some(hint) = &self.hint {
            writeln!(f, "  → Cách sửa: {}", hint.vi)?;
            writeln!(f, "  → How to fix: {}", hint.en)?;
        }
        Ok(())
    }
}

/// All problems of one run, in a stable order (by file, then line).
#[derive(Debug, Default, Clone)]
pub struct Diagnostics(Vec<Diagnostic>);

impl Diagnostics {
    pub fn push(&mut self, d: Diagnostic) {
        self.0.push(d);
    }

    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.0.extend(other);
    }

    pub fn has_errors(&self) -> bool {
        self.0.iter().any(Diagnostic::is_error)
    }

    pub fn error_count(&self) -> usize {
        self.0.iter().filter(|d| d.is_error()).count()
    }

    pub fn warning_count(&self) -> usize {
        self.0.len() - self.error_count()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.0.iter()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Sorts by file, then line, then severity, and removes exact repeats.
    pub fn sorted(mut self) -> Self {
        self.0.sort_by(|a, b| {
            (&a.path, a.line, a.column, a.severity).cmp(&(&b.path, b.line, b.column, b.severity))
        });
        self.0.dedup();
        self
    }

    /// The closing line: how many errors and warnings, in both languages.
    pub fn summary(&self) -> String {
        let (e, w) = (self.error_count(), self.warning_count());
        format!("{e} lỗi, {w} cảnh báo / {e} error(s), {w} warning(s)")
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in &self.0 {
            writeln!(f, "{d}")?;
        }
        Ok(())
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_file_line_field_and_both_languages() {
        let d = Diagnostic::error("bau-cu/a/ket-qua.yaml", Bilingual::new("Sai", "Wrong"))
            .at(Some(4), Some(3))
            .field("phieu_hop_le")
            .hint(Bilingual::new("Sửa đi", "Fix it"));
        let text = d.to_string();
        assert!(text.contains("bau-cu/a/ket-qua.yaml:4:3"));
        assert!(text.contains("phieu_hop_le"));
        assert!(text.contains("Sai") && text.contains("Wrong"));
        assert!(text.contains("Sửa đi") && text.contains("Fix it"));
    }

    #[test]
    fn sorted_orders_by_file_then_line() {
        let mut all = Diagnostics::default();
        all.push(Diagnostic::error("b.md", Bilingual::new("x", "x")).at(Some(1), None));
        all.push(Diagnostic::error("a.md", Bilingual::new("y", "y")).at(Some(9), None));
        all.push(Diagnostic::warning("a.md", Bilingual::new("z", "z")).at(Some(2), None));
        let sorted: Vec<_> = all.sorted().into_iter().map(|d| (d.path, d.line)).collect();
        assert_eq!(
            sorted,
            vec![
                (PathBuf::from("a.md"), Some(2)),
                (PathBuf::from("a.md"), Some(9)),
                (PathBuf::from("b.md"), Some(1)),
            ]
        );
    }
}
