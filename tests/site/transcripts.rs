//! Transcripts: for each common mistake of a ward official, the exact text `niemyet check` prints,
//! in Vietnamese (the default) and in English, kept in one file a reviewer reads from top to
//! bottom: `tests/fixtures/transcripts/mistakes.txt`.
//!
//! Each case ([`cases`]) starts from the fixture site of [`crate::harness`] (or the example site),
//! makes the mistake, and runs the compiled `niemyet check` in the site's folder, as staff do. The
//! expected file holds, per case, what was wrong, the edit as a diff with line numbers, and both
//! printed transcripts with their exit codes. `BLESS=1 cargo test --release --test site
//! transcripts` rewrites it; a mismatch prints a diff per case.
//!
//! The transcripts hold what the code prints today, good or bad. What issue 12 demands of these
//! messages is asserted separately ([`demands`]), one test per demand, those not met yet ignored.

mod cases;
mod demands;

use crate::harness::{Fixture, example_fixture, snapshot};
use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::Path;
use std::process::Command;
use std::sync::OnceLock;

/// Where the transcripts of every case are kept.
const EXPECTED: &str = "tests/fixtures/transcripts/mistakes.txt";

/// The site a case starts from.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Base {
    /// The small site of [`crate::harness::Fixture`]: ward `thu-nghiem`, round `tn-2022`.
    Fixture,
    /// The repository's example site (`content/`).
    Example,
}

/// One change to the site, applied in order.
pub enum Edit {
    /// The one line of the file reading `old` (ignoring indentation) becomes `new`, indented as
    /// it was; `new` may hold several lines, or none to delete the line.
    Line(&'static str, &'static str, &'static str),
    /// The one occurrence of `old` in the file becomes `new`, exactly (for tabs and indentation).
    Replace(&'static str, &'static str, &'static str),
    /// The file gets this text (created if missing).
    Write(&'static str, &'static str),
    /// The file is removed.
    Remove(&'static str),
    /// `niemyet new …` is run in the site's folder, as staff start a file.
    New(&'static [&'static str]),
}

/// A mistake: its name, what the official did, where it starts and how.
pub struct Case {
    pub name: &'static str,
    pub mistake: &'static str,
    pub base: Base,
    pub edits: Vec<Edit>,
}

/// A case run: the edit as a diff, and what `niemyet check` printed.
pub struct Run {
    pub name: &'static str,
    /// The `niemyet new` commands run and the diff of every file edited.
    pub steps: String,
    pub vi: Printed,
    pub en: Printed,
}

/// What one run of `niemyet check` printed (stdout then stderr), temporary paths as `<tmp>`.
pub struct Printed {
    pub code: Option<i32>,
    pub text: String,
}

impl Printed {
    /// The `(file, line)` of every diagnostic, from its `--> file:line[:column]` line.
    pub fn locations(&self) -> Vec<(String, Option<usize>)> {
        self.text
            .lines()
            .filter_map(|l| l.trim_start().strip_prefix("--> "))
            .map(|at| {
                let mut parts = at.split(':');
                let file = parts.next().unwrap_or_default().to_string();
                (file, parts.next().and_then(|n| n.parse().ok()))
            })
            .collect()
    }

    /// What the messages say: every headline (`lỗi: …`, `warning: …`) and every hint, without
    /// the quoted source lines, which repeat the user's own mistake.
    pub fn said(&self) -> String {
        let heads = ["lỗi: ", "error: ", "cảnh báo: ", "warning: "];
        let hints = ["= cách sửa: ", "= how to fix: "];
        let mut out = String::new();
        for line in self.text.lines() {
            let trimmed = line.trim_start();
            let said = heads.iter().any(|h| line.starts_with(h))
                || hints.iter().any(|h| trimmed.starts_with(h));
            if said {
                out.push_str(trimmed);
                out.push('\n');
            }
        }
        out
    }

    /// How many errors the closing line counts.
    pub fn error_count(&self) -> usize {
        let last = self
            .text
            .lines()
            .rfind(|l| l.contains(" lỗi, ") || l.contains(" error(s), "));
        last.and_then(|l| l.split(' ').next()?.parse().ok())
            .unwrap_or_else(|| panic!("no summary line in:\n{}", self.text))
    }
}

/// Every case, run once per test binary and shared by the transcript and the demands.
pub fn runs() -> &'static [Run] {
    static RUNS: OnceLock<Vec<Run>> = OnceLock::new();
    RUNS.get_or_init(|| {
        let cases = cases::all();
        // each case is its own temporary site and two processes; two threads halve the time
        let (first, second) = cases.split_at(cases.len() / 2);
        std::thread::scope(|s| {
            let handles: Vec<_> = [first, second]
                .into_iter()
                .map(|part| s.spawn(move || part.iter().map(run).collect::<Vec<_>>()))
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap())
                .collect()
        })
    })
}

/// The run of the case called `name`.
pub fn run_case(name: &str) -> &'static Run {
    runs()
        .iter()
        .find(|r| r.name == name)
        .unwrap_or_else(|| panic!("no transcript case `{name}`"))
}

/// Runs a case in a temporary copy of its base site.
fn run(case: &Case) -> Run {
    let site = match case.base {
        Base::Example => example_fixture(),
        Base::Fixture => Fixture::new(),
    };
    let mut base = snapshot(&site.content());
    let mut steps = String::new();
    for edit in &case.edits {
        match edit {
            Edit::Line(rel, old, new) => replace_line(&site, rel, old, new),
            Edit::Replace(rel, old, new) => {
                let text = site.read(rel);
                assert_eq!(text.matches(old).count(), 1, "{rel} holds `{old}` once");
                site.write(rel, text.replacen(old, new, 1));
            }
            Edit::Write(rel, text) => site.write(rel, text),
            Edit::Remove(rel) => site.remove(rel),
            Edit::New(args) => {
                let out = niemyet(&site, &[&["new"], *args].concat());
                assert_eq!(out.code, Some(0), "niemyet new {args:?}:\n{}", out.text);
                let _ = writeln!(steps, "$ niemyet new {}", shell_words(args));
                for (rel, bytes) in snapshot(&site.content()) {
                    base.entry(rel).or_insert(bytes);
                }
            }
        }
    }
    steps.push_str(&file_diffs(&base, &snapshot(&site.content())));
    Run {
        name: case.name,
        steps,
        vi: niemyet(&site, &["check"]),
        en: niemyet(&site, &["check", "--lang", "en"]),
    }
}

/// Runs the compiled `niemyet` in the site's folder, stdout then stderr, `<tmp>` for its path.
fn niemyet(site: &Fixture, args: &[&str]) -> Printed {
    let out = Command::new(env!("CARGO_BIN_EXE_niemyet"))
        .args(args)
        .current_dir(site.root())
        .output()
        .expect("run niemyet");
    let mut text = String::from_utf8_lossy(&out.stdout).into_owned();
    text.push_str(&String::from_utf8_lossy(&out.stderr));
    let root = site.root().display().to_string();
    Printed {
        code: out.status.code(),
        text: text.replace(&root, "<tmp>"),
    }
}

fn shell_words(args: &[&str]) -> String {
    let quoted: Vec<String> = args
        .iter()
        .map(|a| match a.contains(' ') {
            true => format!("\"{a}\""),
            false => a.to_string(),
        })
        .collect();
    quoted.join(" ")
}

/// Like [`Fixture::replace_line`], with a clear panic when a case names a line that is not there.
fn replace_line(site: &Fixture, rel: &str, old: &str, new: &str) {
    let text = site.read(rel);
    let found = text.lines().filter(|l| l.trim() == old).count();
    assert_eq!(found, 1, "{rel} should have one line `{old}`:\n{text}");
    site.replace_line(rel, old, new);
}

/// The changed lines of every file that differs, numbered as in the file before (`-`) and
/// after (`+`) the edit; a tab shows as `⇥`.
fn file_diffs(before: &BTreeMap<String, Vec<u8>>, after: &BTreeMap<String, Vec<u8>>) -> String {
    let mut out = String::new();
    let names: std::collections::BTreeSet<&String> = before.keys().chain(after.keys()).collect();
    for rel in names {
        let text = |m: &BTreeMap<String, Vec<u8>>| {
            m.get(rel)
                .map(|b| String::from_utf8_lossy(b).replace('\t', "⇥"))
        };
        let (old, new) = (text(before), text(after));
        if old == new {
            continue;
        }
        let state = match (&old, &new) {
            (None, _) => " (new file)",
            (_, None) => " (removed)",
            _ => "",
        };
        let _ = writeln!(out, "{rel}{state}:");
        let (old, new) = (old.unwrap_or_default(), new.unwrap_or_default());
        if new.is_empty() {
            // the lines that were there are the base site's, which the reader knows
            let now = if state.is_empty() {
                "  (now empty)\n"
            } else {
                ""
            };
            out.push_str(now);
            continue;
        }
        for line in diff(&old, &new) {
            let _ = writeln!(out, "  {line}");
        }
    }
    out
}

/// The lines that differ between `old` and `new`, with one unchanged line around each change:
/// `N - line` for a removed line (its old number), `N + line` for an added one (its new number),
/// `N   line` for context, `…` between distant changes.
pub fn diff(old: &str, new: &str) -> Vec<String> {
    let (a, b): (Vec<&str>, Vec<&str>) = (old.lines().collect(), new.lines().collect());
    // longest common subsequence, from the ends
    let mut lcs = vec![vec![0u32; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = match a[i] == b[j] {
                true => lcs[i + 1][j + 1] + 1,
                false => lcs[i + 1][j].max(lcs[i][j + 1]),
            };
        }
    }
    // (changed, printed line)
    let mut ops: Vec<(bool, String)> = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            ops.push((false, format!("{:>3}   {}", j + 1, b[j])));
            i += 1;
            j += 1;
        } else if i < a.len() && (j == b.len() || lcs[i + 1][j] >= lcs[i][j + 1]) {
            ops.push((true, format!("{:>3} - {}", i + 1, a[i])));
            i += 1;
        } else {
            ops.push((true, format!("{:>3} + {}", j + 1, b[j])));
            j += 1;
        }
    }
    let near = |k: usize| {
        ops[k.saturating_sub(1)..(k + 2).min(ops.len())]
            .iter()
            .any(|o| o.0)
    };
    let mut out = Vec::new();
    let mut last = None;
    for (k, (_, line)) in ops.iter().enumerate() {
        if !near(k) {
            continue;
        }
        if last.is_some_and(|l| l + 1 < k) {
            out.push("…".to_string());
        }
        out.push(line.clone());
        last = Some(k);
    }
    out
}

const RULE: &str =
    "════════════════════════════════════════════════════════════════════════════════";

/// The text of one case in the expected file.
fn transcript(case: &Case, run: &Run) -> String {
    let base = match case.base {
        Base::Fixture => "the fixture site (tests/site/harness.rs)",
        Base::Example => "the example site (content/)",
    };
    let mut out = format!(
        "{RULE}\n## {}\n{}\nbase: {base}\n\n",
        case.name, case.mistake
    );
    out.push_str(&run.steps);
    for (args, printed) in [
        ("niemyet check", &run.vi),
        ("niemyet check --lang en", &run.en),
    ] {
        let code = printed.code.map_or("none".into(), |c| c.to_string());
        let _ = write!(out, "\n$ {args}    (exit {code})\n{}", printed.text);
    }
    out.push('\n');
    out
}

/// The whole expected file: a preface, then every case in order.
fn all_transcripts() -> String {
    let cases = cases::all();
    let mut out = String::from(
        "Lời nhắn `niemyet check` in ra cho các lỗi thường gặp của cán bộ phường, xã.\n\
         What `niemyet check` prints for the common mistakes of ward and commune staff.\n\
         \n\
         Written by tests/site/transcripts.rs; do not edit by hand. After changing a message:\n\
         BLESS=1 cargo test --release --test site transcripts\n\
         Each case: what was wrong, the edit (line numbers before `-` / after `+`, ⇥ is a tab),\n\
         then what `check` printed in the site's folder, in Vietnamese and in English.\n\n",
    );
    let names: Vec<&str> = cases.iter().map(|c| c.name).collect();
    let _ = writeln!(out, "{} cases:\n  {}\n", cases.len(), names.join("\n  "));
    for (case, run) in cases.iter().zip(runs()) {
        out.push_str(&transcript(case, run));
    }
    out
}

/// The blocks of the file by case name (the text before the first case under "").
fn blocks(text: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for (i, block) in text.split(RULE).enumerate() {
        let name = match i {
            0 => String::new(),
            _ => block
                .lines()
                .nth(1)
                .and_then(|l| l.strip_prefix("## "))
                .unwrap_or("?")
                .to_string(),
        };
        out.insert(name, block.to_string());
    }
    out
}

#[test]
fn every_mistake_prints_the_recorded_transcript() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(EXPECTED);
    let actual = all_transcripts();
    if std::env::var_os("BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    if expected == actual {
        return;
    }
    let (old, new) = (blocks(&expected), blocks(&actual));
    let mut report = String::new();
    for name in old
        .keys()
        .chain(new.keys().filter(|k| !old.contains_key(*k)))
    {
        let (a, b) = (old.get(name), new.get(name));
        if a == b {
            continue;
        }
        let title = if name.is_empty() { "(preface)" } else { name };
        let _ = writeln!(report, "── {title}: expected (-) / printed now (+)");
        for line in diff(a.map_or("", |s| s), b.map_or("", |s| s)) {
            let _ = writeln!(report, "  {line}");
        }
    }
    panic!(
        "the transcripts differ from {EXPECTED}; if the change is wanted, run\n\
         BLESS=1 cargo test --release --test site transcripts\n\n{report}"
    );
}
