//! Diagnostics printed for people, the way rustc prints them: what is wrong, where, the source
//! line with a marker under the problem, how to fix it, all in one language; then a count of
//! errors and warnings per file.
//!
//! The source lines are read again from the content folder, the way the loader read them (BOM
//! and CRLF removed, NFC), so that line and column numbers match what the parser saw.

use crate::BuildError;
use crate::diagnostics::{Diagnostic, Diagnostics, Lang, Severity};
use crate::load::read_source;
use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::{Path, PathBuf};

/// Every diagnostic with its source line, then the summary per file.
pub fn render(diagnostics: &Diagnostics, content: &Path, lang: Lang) -> String {
    let mut lines = SourceLines::new(content);
    let mut out = String::new();
    for d in diagnostics.iter() {
        let text = d.line.and_then(|n| lines.get(&d.path, n));
        out.push_str(&render_one(d, text.as_deref(), lang));
        out.push('\n');
    }
    out.push_str(&summary(diagnostics, lang));
    out
}

/// Why a build failed, in one language; content problems with their source lines.
pub fn build_error(error: &BuildError, content: &Path, lang: Lang) -> String {
    match error {
        BuildError::Content(d) => render(d, content, lang),
        BuildError::Template(message) => {
            format!(
                "{}: {message}\n",
                lang.pick("lỗi giao diện", "template error")
            )
        }
        BuildError::Refused(d) => render_one(d, None, lang),
        BuildError::Io(e) => format!("{e}\n"),
    }
}

/// One diagnostic:
///
/// ```text
/// lỗi: Trường `ngay_bau` không có trong mẫu, dữ liệu của nó sẽ bị mất.
///   --> bau-cu/hg-2022/dot-bau-cu.yaml:4:1
///    |
///  4 | ngay_bau: 05/6/2022
///    | ^^^^^^^^ trường `ngay_bau`
///    = cách sửa: Có phải ý bạn là `ngay_bau_cu`? …
/// ```
pub fn render_one(d: &Diagnostic, source_line: Option<&str>, lang: Lang) -> String {
    let severity = match d.severity {
        Severity::Error => lang.pick("lỗi", "error"),
        Severity::Warning => lang.pick("cảnh báo", "warning"),
    };
    let field_label = d
        .field
        .as_ref()
        .map(|f| format!("{} `{f}`", lang.pick("trường", "field")));
    let number = d.line.map(|n| n.to_string()).unwrap_or_default();
    let pad = " ".repeat(number.len());
    let mut out = String::new();
    let _ = writeln!(out, "{severity}: {}", d.message.get(lang));
    let _ = writeln!(out, "{pad}--> {}", d.location());
    match source_line {
        Some(text) => {
            let text = text.trim_end();
            let (start, len) = marker(text, d.column, d.field.as_deref());
            let indent: String = text
                .chars()
                .take(start)
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            let label = field_label.map(|l| format!(" {l}")).unwrap_or_default();
            let _ = writeln!(out, "{pad} |");
            let _ = writeln!(out, "{number} | {text}");
            let _ = writeln!(out, "{pad} | {indent}{}{label}", "^".repeat(len));
        }
        None => {
            if let Some(label) = field_label {
                let _ = writeln!(out, "{pad} = {label}");
            }
        }
    }
    if let Some(hint) = &d.hint {
        let how = lang.pick("cách sửa", "how to fix");
        let _ = writeln!(out, "{pad} = {how}: {}", hint.get(lang));
    }
    out
}

/// Where the marker goes on a line, as (first character, number of characters): under the
/// field's key when the line has it, else under the word at the column, else under the whole
/// line but its indentation.
fn marker(line: &str, column: Option<usize>, field: Option<&str>) -> (usize, usize) {
    let chars: Vec<char> = line.chars().collect();
    let indent = chars.iter().take_while(|c| c.is_whitespace()).count();
    if let Some(key) = field
        && let Some(at) = key_position(line, key)
    {
        return (at, key.chars().count());
    }
    if let Some(col) = column.filter(|c| *c >= 1) {
        let start = (col - 1).min(chars.len());
        let word = chars[start..]
            .iter()
            .take_while(|c| !c.is_whitespace() && **c != ':')
            .count();
        return (start, word.max(1));
    }
    let content = chars.len().saturating_sub(indent);
    (indent, content.max(1))
}

/// The character position of `key:` on a YAML line (after indentation, a list dash or a quote).
fn key_position(line: &str, key: &str) -> Option<usize> {
    let byte = line.match_indices(key).find_map(|(i, _)| {
        let before = line[..i].trim_end_matches(['"', '\'']).trim_end();
        let before_ok = before.is_empty() || before == "-" || before.ends_with(" -");
        let after = line[i + key.len()..].trim_start_matches(['"', '\'']);
        (before_ok && after.starts_with(':')).then_some(i)
    })?;
    Some(line[..byte].chars().count())
}

/// The closing lines: errors and warnings per file, then the totals.
pub fn summary(diagnostics: &Diagnostics, lang: Lang) -> String {
    let mut per_file: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for d in diagnostics.iter() {
        let counts = per_file
            .entry(d.path.display().to_string().replace('\\', "/"))
            .or_default();
        match d.severity {
            Severity::Error => counts.0 += 1,
            Severity::Warning => counts.1 += 1,
        }
    }
    let mut out = String::new();
    if !per_file.is_empty() {
        let _ = writeln!(out, "{}", lang.pick("Theo tệp:", "By file:"));
        for (path, (e, w)) in &per_file {
            let _ = writeln!(out, "  {path}: {}", counts(*e, *w, lang));
        }
    }
    let total = counts(diagnostics.error_count(), diagnostics.warning_count(), lang);
    let files = per_file.len();
    let _ = match (files, lang) {
        (0, _) => writeln!(out, "{total}"),
        (1, Lang::En) => writeln!(out, "{total} in 1 file"),
        (n, Lang::Vi) => writeln!(out, "{total} trong {n} tệp"),
        (n, Lang::En) => writeln!(out, "{total} in {n} files"),
    };
    out
}

fn counts(errors: usize, warnings: usize, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("{errors} lỗi, {warnings} cảnh báo"),
        Lang::En => format!("{errors} error(s), {warnings} warning(s)"),
    }
}

/// The lines of content files, each read at most once.
struct SourceLines<'a> {
    content: &'a Path,
    files: BTreeMap<PathBuf, Option<Vec<String>>>,
}

impl<'a> SourceLines<'a> {
    fn new(content: &'a Path) -> Self {
        Self {
            content,
            files: BTreeMap::new(),
        }
    }

    /// Line `number` (1-based) of the file at `rel`, when it can be read.
    fn get(&mut self, rel: &Path, number: usize) -> Option<String> {
        let content = self.content;
        let lines = self.files.entry(rel.to_path_buf()).or_insert_with(|| {
            read_source(content, &content.join(rel))
                .ok()
                .map(|f| f.text.lines().map(str::to_string).collect())
        });
        lines.as_ref()?.get(number.checked_sub(1)?).cloned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Bilingual;

    fn unknown_field() -> Diagnostic {
        Diagnostic::error(
            "bau-cu/a/dot-bau-cu.yaml",
            Bilingual::new("Trường lạ.", "Unknown field."),
        )
        .at(Some(4), Some(1))
        .field("ngay_bau")
        .hint(Bilingual::new(
            "Có phải ý bạn là `ngay_bau_cu`?",
            "Did you mean `ngay_bau_cu`?",
        ))
    }

    #[test]
    fn the_marker_sits_under_the_field_in_one_language() {
        let text = render_one(&unknown_field(), Some("ngay_bau: 05/6/2022"), Lang::Vi);
        let expected = "\
lỗi: Trường lạ.
 --> bau-cu/a/dot-bau-cu.yaml:4:1
  |
4 | ngay_bau: 05/6/2022
  | ^^^^^^^^ trường `ngay_bau`
  = cách sửa: Có phải ý bạn là `ngay_bau_cu`?
";
        assert_eq!(text, expected);
        let en = render_one(&unknown_field(), Some("ngay_bau: 05/6/2022"), Lang::En);
        assert!(en.starts_with("error: Unknown field."), "{en}");
        assert!(en.contains("= how to fix: Did you mean") && !en.contains("Trường"));
    }

    #[test]
    fn markers_follow_keys_columns_tabs_and_accents() {
        assert_eq!(
            marker("  - khu_dan_cu: khu-9", None, Some("khu_dan_cu")),
            (4, 10)
        );
        assert_eq!(marker("\"ho_ten\": An", None, Some("ho_ten")), (1, 6));
        assert_eq!(marker("ho_ten: Nguyễn Văn Ân", Some(9), None), (8, 6));
        assert_eq!(marker("    gioi_thieu: x", None, None), (4, 13));
        assert_eq!(marker("ab", Some(40), None), (2, 1));
        let d = Diagnostic::error("a.yaml", Bilingual::new("x", "x")).at(Some(2), Some(7));
        let text = render_one(&d, Some("\tnăm: 19x8"), Lang::Vi);
        assert!(
            text.contains("2 | \tnăm: 19x8\n  | \t     ^^^^\n"),
            "{text}"
        );
    }

    #[test]
    fn the_summary_counts_per_file() {
        let mut all = Diagnostics::default();
        all.push(unknown_field());
        all.push(Diagnostic::warning("b.md", Bilingual::new("w", "w")));
        all.push(Diagnostic::error("b.md", Bilingual::new("e", "e")));
        let text = summary(&all, Lang::En);
        assert!(text.contains("  b.md: 1 error(s), 1 warning(s)"), "{text}");
        assert!(
            text.ends_with("2 error(s), 1 warning(s) in 2 files\n"),
            "{text}"
        );
        assert_eq!(
            summary(&Diagnostics::default(), Lang::Vi),
            "0 lỗi, 0 cảnh báo\n"
        );
    }
}
