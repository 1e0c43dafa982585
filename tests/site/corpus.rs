//! The corpus of bad inputs in `tests/bad-inputs/`: each case folder holds one broken file and an
//! `expected.txt` saying which file of the fixture site it replaces (or which kind of sheet it
//! imports) and the error it must give. One fixture is built once; every case then breaks it,
//! must fail with its error, no panic and no hang, and must leave the previous output and the
//! content byte-identical. Every mismatch is reported at once. `tests/bad-inputs/README.md`
//! describes the format.

use crate::harness::{self, *};
use niemyet::BuildError;
use niemyet::diagnostics::{Bilingual, Diagnostics};
use niemyet::import::{ImportOptions, SheetKind};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Longer than any case takes on a slow machine, short enough that a hang fails the test.
const TIME_LIMIT: Duration = Duration::from_secs(60);

/// What a case feeds to niemyet.
#[derive(Debug, Clone)]
enum Target {
    /// A file of the content folder, relative to it: replaced, or added when the fixture lacks it.
    Content(String),
    /// A sheet imported into the fixture's round.
    Sheet(SheetKind),
}

/// What a case must give.
#[derive(Debug)]
enum Expect {
    Error {
        /// The file the error names, relative to the content folder (content cases only).
        file: String,
        /// The line the error names; `None` records that today's error names none.
        line: Option<usize>,
        /// A distinctive part of the message, in either language.
        text: String,
    },
    /// Hostile but harmless input that must build (without a panic, a hang or a stack overflow).
    Builds,
}

/// One folder of the corpus.
#[derive(Debug)]
struct Case {
    name: String,
    target: Target,
    bytes: Vec<u8>,
    expect: Expect,
}

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad-inputs")
}

fn read_case(dir: &Path) -> Result<Case, String> {
    let name = dir.file_name().unwrap().to_string_lossy().into_owned();
    let expected = std::fs::read_to_string(dir.join("expected.txt"))
        .map_err(|e| format!("{name}: expected.txt: {e}"))?;
    let mut fields = BTreeMap::new();
    for line in expected.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (key, value) = line
            .split_once(':')
            .ok_or_else(|| format!("{name}: expected.txt: `{line}` is not `key: value`"))?;
        fields.insert(key.trim().to_string(), value.trim().to_string());
    }
    let field = |key: &str| fields.get(key).cloned();
    let broken: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{name}: {e}"))?
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().is_some_and(|n| n != "expected.txt"))
        .collect();
    let [broken] = broken.as_slice() else {
        return Err(format!(
            "{name}: holds {} files beside expected.txt, not one",
            broken.len()
        ));
    };
    let mut bytes = std::fs::read(broken).map_err(|e| format!("{name}: {e}"))?;
    if let Some(size) = field("grow") {
        let size: usize = size.parse().map_err(|e| format!("{name}: grow: {e}"))?;
        grow(&mut bytes, size);
    }
    let target = match (field("replaces"), field("import").as_deref()) {
        (Some(rel), None) => Target::Content(rel),
        (None, Some("candidates")) => Target::Sheet(SheetKind::Candidates),
        (None, Some("results")) => Target::Sheet(SheetKind::Results),
        _ => {
            return Err(format!(
                "{name}: needs `replaces: <file>` or `import: candidates|results`"
            ));
        }
    };
    if field("expect").as_deref() == Some("builds") {
        return Ok(Case {
            name,
            target,
            bytes,
            expect: Expect::Builds,
        });
    }
    let file = match (&target, field("file")) {
        (_, Some(file)) => file,
        (Target::Content(rel), None) => rel.clone(),
        (Target::Sheet(_), None) => String::new(),
    };
    let line = match field("line").as_deref() {
        Some("none") => None,
        Some(n) => Some(n.parse().map_err(|e| format!("{name}: line: {e}"))?),
        None => return Err(format!("{name}: needs `line: <n>` or `line: none`")),
    };
    let text =
        field("text").ok_or_else(|| format!("{name}: needs `text: <part of the message>`"))?;
    Ok(Case {
        name,
        target,
        bytes,
        expect: Expect::Error { file, line, text },
    })
}

/// Repeats the last line of `bytes`, with `{n}` in it counting up from 1, until they hold at
/// least `size` bytes: a 20 MB file without 20 MB in the repository.
fn grow(bytes: &mut Vec<u8>, size: usize) {
    let body = bytes.strip_suffix(b"\n").unwrap_or(bytes);
    let start = body.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
    let line = bytes.split_off(start);
    let template = std::str::from_utf8(&line)
        .ok()
        .filter(|l| l.contains("{n}"));
    let mut n = 1;
    while bytes.len() < size {
        match template {
            Some(t) => bytes.extend_from_slice(t.replace("{n}", &n.to_string()).as_bytes()),
            None => bytes.extend_from_slice(&line),
        }
        n += 1;
    }
}

fn cases() -> Vec<Case> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(corpus_dir())
        .expect("tests/bad-inputs exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs.iter()
        .map(|d| read_case(d).unwrap_or_else(|e| panic!("{e}")))
        .collect()
}

/// What running a case gave.
enum Outcome {
    Built,
    Content(Diagnostics),
    /// A build error that is not about the content, or an import that wrote files.
    Other(String),
    /// The import refused the sheet with these messages.
    Refused(Vec<Bilingual>),
}

/// Runs `work` on a thread named after the case, so that even a stack overflow says which case
/// caused it.
fn isolated(
    name: &str,
    work: impl FnOnce() -> Outcome + Send + 'static,
) -> Result<Outcome, Failure> {
    harness::isolated(format!("bad-input {name}"), TIME_LIMIT, work)
}

fn run(case: &Case, fx: &Fixture) -> Result<Outcome, Failure> {
    let (content, output) = (fx.content(), fx.output());
    match &case.target {
        Target::Content(rel) => {
            fx.write(rel, &case.bytes);
            isolated(&case.name, move || match build(&content, &output) {
                Ok(_) => Outcome::Built,
                Err(BuildError::Content(d)) => Outcome::Content(d),
                Err(other) => Outcome::Other(other.to_string()),
            })
        }
        Target::Sheet(kind) => {
            let sheet = fx.root().join("bang-tinh.csv");
            std::fs::write(&sheet, &case.bytes).expect("write the sheet");
            let options = ImportOptions {
                kind: *kind,
                sheet: sheet.clone(),
                content,
                round: "tn-2022".into(),
                force: false,
            };
            let outcome = isolated(&case.name, move || {
                match niemyet::import::import(&options) {
                    Ok(imported) => Outcome::Other(format!("wrote {:?}", imported.written)),
                    Err(problems) => Outcome::Refused(problems.lines()),
                }
            });
            std::fs::remove_file(&sheet).expect("remove the sheet");
            outcome
        }
    }
}

/// Why the outcome is not what the case expects, if it is not.
fn mismatch(expect: &Expect, outcome: &Outcome) -> Option<String> {
    let (file, line, text) = match (expect, outcome) {
        (Expect::Builds, Outcome::Built) => return None,
        (Expect::Builds, Outcome::Content(d)) => return Some(format!("did not build:\n{d}")),
        (Expect::Builds, _) => return Some("expected a build".into()),
        (Expect::Error { file, line, text }, _) => (file, *line, text),
    };
    let says = |m: &Bilingual| m.vi.contains(text) || m.en.contains(text);
    match outcome {
        Outcome::Content(d) => {
            let found = errors(d)
                .iter()
                .any(|e| same_path(&e.path, file) && says(&e.message) && e.line == line);
            let at = line.map_or("no line".into(), |l| format!("line {l}"));
            let got: Vec<String> = errors(d).iter().map(|e| format!("    {e}")).collect();
            (!found).then(|| {
                format!(
                    "expected an error in {file} at {at} saying “{text}”; got:\n{}",
                    got.join("\n")
                )
            })
        }
        Outcome::Refused(problems) => {
            let at_line = |m: &Bilingual| line.is_none_or(|l| m.vi.contains(&format!("Dòng {l}")));
            let found = problems.iter().any(|m| says(m) && at_line(m));
            let got: Vec<String> = problems.iter().map(|m| format!("    {}", m.vi)).collect();
            (!found).then(|| {
                format!(
                    "expected a refusal naming line {line:?} saying “{text}”; got:\n{}",
                    got.join("\n")
                )
            })
        }
        Outcome::Built => Some("built without an error".into()),
        Outcome::Other(e) => Some(format!("not a content error: {e}")),
    }
}

#[test]
fn every_bad_input_fails_with_its_error_and_leaves_the_output_alone() {
    let fx = Fixture::new();
    fx.build_ok();
    let mut output = snapshot(&fx.output());
    let content = snapshot(&fx.content());
    let cases = cases();
    let mut failures = Vec::new();
    for case in &cases {
        let started = Instant::now();
        let mut built = false;
        let outcome = run(case, &fx);
        if let Target::Content(rel) = &case.target {
            match content.get(rel) {
                Some(original) => fx.write(rel, original),
                None => fx.remove(rel),
            }
        }
        let problem = match outcome {
            Err(Failure::Hung) => {
                // its thread still runs and may write anything: stop here
                failures.push(format!(
                    "{}: did not finish in {} s",
                    case.name,
                    TIME_LIMIT.as_secs()
                ));
                break;
            }
            Err(e @ Failure::Panicked(_)) => Some(e.to_string()),
            Ok(outcome) => {
                built = matches!(outcome, Outcome::Built);
                mismatch(&case.expect, &outcome)
            }
        };
        if let Some(problem) = problem {
            failures.push(format!("{}: {problem}", case.name));
        }
        if !built && snapshot(&fx.output()) != output {
            failures.push(format!("{}: the previous output changed", case.name));
        }
        if fx.restore_content(&content) {
            failures.push(format!("{}: the content folder changed", case.name));
        }
        if built {
            // the next cases compare with the fixture's own output again
            fx.build_ok();
            output = snapshot(&fx.output());
        }
        let took = started.elapsed();
        if took > Duration::from_secs(5) {
            eprintln!("note: {} took {:.1} s", case.name, took.as_secs_f64());
        }
    }
    assert!(
        cases.len() >= 80,
        "the corpus holds only {} cases",
        cases.len()
    );
    assert!(
        failures.is_empty(),
        "{} of {} bad inputs did not fail as expected:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
