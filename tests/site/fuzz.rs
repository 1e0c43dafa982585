//! A seeded mutation fuzzer for the parsers of content (front matter, YAML) and of import sheets
//! (CSV), on the stable toolchain. Each case takes a real file of the fixture site or a real
//! sheet, damages it with a few random mutations (bit flips, bytes and tokens that YAML and CSV
//! give meaning to, deletions, duplications, truncation), and runs `niemyet::check` (and
//! `niemyet::build` when the check passes) or `niemyet import`. No case may panic or hang, and
//! every error must name its file, with a line where the file has lines.
//!
//! By default a hundred cases run with a fixed seed, so `cargo test` stays fast. A long run:
//!
//! ```text
//! NIEMYET_FUZZ_ITERATIONS=1000000 NIEMYET_FUZZ_SEED=2025 \
//!     nice -n 19 cargo test --release --locked --test site fuzz -- --nocapture
//! ```
//!
//! `NIEMYET_FUZZ_SECONDS=1800` stops the run after that many seconds, whatever the iterations.
//! Case `i` runs with seed `NIEMYET_FUZZ_SEED + i`; a failing case prints its seed, and running
//! again with `NIEMYET_FUZZ_SEED=<that seed> NIEMYET_FUZZ_ITERATIONS=1` replays exactly that case.
//! The failing input is saved whole in `target/tmp/fuzz-failures/`; each kind of failure is
//! reported once, and the run stops after twenty kinds or at the first hang.

use crate::harness::{self, *};
use niemyet::diagnostics::{Diagnostic, Diagnostics};
use niemyet::import::sheet::Sheet;
use niemyet::import::{ImportOptions, SheetKind};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const DEFAULT_SEED: u64 = 20_250_605;
const DEFAULT_ITERATIONS: u64 = 100;
/// A case that takes longer hangs: the slowest take well under a second.
const TIME_LIMIT: Duration = Duration::from_secs(30);
/// A long run stops after this many different failures.
const MAX_FAILURES: usize = 20;

/// Bytes and strings that mean something to YAML, CSV, Markdown or a text decoder.
const TOKENS: &[&str] = &[
    ":",
    ": ",
    "- ",
    "\t",
    "&a ",
    "*a",
    "&a [x, *a]",
    "<<: *a\n",
    "!!binary ",
    "!!str ",
    "!!int ",
    "!<tag:x> ",
    "{",
    "}",
    "[",
    "]",
    "\"",
    "'",
    "\u{feff}",
    "\r",
    "\r\n",
    "\n",
    "\0",
    "---\n",
    "...\n",
    "#",
    " #",
    "|",
    ">",
    "|-\n",
    "? ",
    "%YAML 1.2\n",
    "~",
    "null",
    "true",
    "-1",
    "99999999999999999999",
    "4294967296",
    "1e400",
    ".nan",
    "0x1F",
    ",",
    ";",
    "\"\"",
    ",,,,",
    "\u{fffe}",
    "\u{202e}",
    "\u{301}",
    "=1+9",
    "../",
    "\\",
    "%",
    "31/02/2022",
    "0912345678",
    "<script>",
    "&amp;",
    "[x](javascript:x)",
    "> ",
    "```",
    "|a|b|\n|-|-|\n",
];

/// Raw bytes that are not text.
const BYTES: &[&[u8]] = &[
    b"\xFF",
    b"\xFE",
    b"\xC3",
    b"\xE1\xBB",
    b"\xFF\xFE",
    b"\xEF\xBB",
];

/// xorshift64*: small, fast, and the same on every machine.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        // splitmix64 spreads nearby seeds apart and never yields the zero state
        let mut z = seed.wrapping_add(0x9e37_79b9_7f4a_7c15);
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        Self((z ^ (z >> 31)) | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in `0..n` (`n` > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// A place in `bytes`: anywhere, or (half the time) the start of a line or just after a colon,
/// where YAML's structure is.
fn position(rng: &mut Rng, bytes: &[u8]) -> usize {
    let anywhere = rng.below(bytes.len() + 1);
    if rng.below(2) == 0 {
        return anywhere;
    }
    let marks: Vec<usize> = bytes
        .iter()
        .enumerate()
        .filter(|(_, b)| matches!(b, b'\n' | b':' | b','))
        .map(|(i, _)| i + 1)
        .collect();
    if marks.is_empty() {
        anywhere
    } else {
        *rng.pick(&marks)
    }
}

/// The spans of the lines of `bytes`, each with its line end.
fn lines(bytes: &[u8]) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = 0;
    for (i, b) in bytes.iter().enumerate() {
        if *b == b'\n' {
            spans.push((start, i + 1));
            start = i + 1;
        }
    }
    if start < bytes.len() {
        spans.push((start, bytes.len()));
    }
    spans
}

/// One random change to `bytes`.
fn mutate_once(rng: &mut Rng, bytes: &mut Vec<u8>) {
    let len = bytes.len();
    match rng.below(11) {
        0 if len > 0 => {
            let i = rng.below(len);
            bytes[i] ^= 1 << rng.below(8);
        }
        1 if len > 0 => {
            let i = rng.below(len);
            bytes[i] = rng.next() as u8;
        }
        2 | 3 => {
            let at = position(rng, bytes);
            let token = rng.pick(TOKENS).as_bytes();
            bytes.splice(at..at, token.iter().copied());
        }
        4 => {
            let at = position(rng, bytes);
            let token = *rng.pick(BYTES);
            bytes.splice(at..at, token.iter().copied());
        }
        5 if len > 0 => {
            let start = rng.below(len);
            let end = (start + 1 + rng.below(16)).min(len);
            bytes.drain(start..end);
        }
        6 if len > 0 => {
            let start = rng.below(len);
            let end = (start + 1 + rng.below(64)).min(len);
            let copy = bytes[start..end].to_vec();
            let at = rng.below(len + 1);
            bytes.splice(at..at, copy);
        }
        7 => {
            let at = rng.below(len + 1);
            bytes.truncate(at);
        }
        8 => {
            let spans = lines(bytes);
            if spans.len() >= 2 {
                let (a, b) = (*rng.pick(&spans), *rng.pick(&spans));
                let (first, second) = if a.0 <= b.0 { (a, b) } else { (b, a) };
                if first.1 <= second.0 {
                    let mut out = bytes[..first.0].to_vec();
                    out.extend_from_slice(&bytes[second.0..second.1]);
                    out.extend_from_slice(&bytes[first.1..second.0]);
                    out.extend_from_slice(&bytes[first.0..first.1]);
                    out.extend_from_slice(&bytes[second.1..]);
                    *bytes = out;
                }
            }
        }
        9 => {
            let spans = lines(bytes);
            if !spans.is_empty() {
                let (start, end) = *rng.pick(&spans);
                let line = bytes[start..end].to_vec();
                let times = 1 + rng.below(8);
                for _ in 0..times {
                    bytes.splice(end..end, line.iter().copied());
                }
            }
        }
        _ => {
            // a run of one token: deep nesting, long lines
            let at = position(rng, bytes);
            let token = *rng.pick(&["[", "{a: ", "- ", " ", "\"", "*a, "]);
            let run = token.repeat(1 + rng.below(300));
            bytes.splice(at..at, run.bytes());
        }
    }
}

/// One to four random changes.
fn mutate(rng: &mut Rng, bytes: &mut Vec<u8>) {
    for _ in 0..1 + rng.below(4) {
        mutate_once(rng, bytes);
    }
}

/// What a case damages.
#[derive(Debug, Clone, Copy)]
enum Target {
    Content(&'static str),
    Sheet(SheetKind),
}

const TARGETS: &[Target] = &[
    Target::Content(CONFIG),
    Target::Content(COMMUNE),
    Target::Content(ROUND_FILE),
    Target::Content(RESULTS),
    Target::Content(AN),
    Target::Content(BINH),
    Target::Content(LETTER),
    Target::Content(PLAN),
    Target::Content(CONTACT),
    Target::Sheet(SheetKind::Candidates),
    Target::Sheet(SheetKind::Results),
];

/// Sheets that import into the fixture's round.
const CANDIDATES_SHEET: &str = "\
Họ và tên,Khu dân cư,Năm sinh,Giới tính,Dân tộc,Trình độ chuyên môn,Lý luận chính trị,Nghề nghiệp,Đảng viên,Tái cử,Tiểu sử
Phạm Văn Dũng,Khu phố Một,1970,Nam,Kinh,Đại học,Trung cấp,Cán bộ,Có,Không,\"Ông Dũng làm công tác mặt trận, hòa giải.\"
Hoàng Thị Em,khu-2,1985,Nữ,Tày,Cao đẳng,Sơ cấp,Giáo viên,Không,Không,Bà Em dạy học.
";
const RESULTS_SHEET: &str = "\
Khu dân cư;Tổng số cử tri;Số cử tri tham gia;Số phiếu phát ra;Số phiếu thu vào;Số phiếu hợp lệ;Số phiếu không hợp lệ;Họ và tên;Số phiếu
Khu phố Một;2802;2500;2500;2500;2480;20;Nguyễn Văn An;1234
;;;;;;;Trần Thị Bình;1100
Khu phố Hai;250;159;160;159;157;2;Lê Văn Cường;150
";

fn env_number(name: &str, default: u64) -> u64 {
    match std::env::var(name) {
        Ok(v) => v
            .trim()
            .parse()
            .unwrap_or_else(|e| panic!("{name}={v}: {e}")),
        Err(_) => default,
    }
}

/// Runs `work` on a thread named after the case's seed, so that even a stack overflow says
/// which case to replay.
fn isolated<T: Send + 'static>(
    seed: u64,
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, String> {
    let name = format!("fuzz case NIEMYET_FUZZ_SEED={seed}");
    harness::isolated(name, TIME_LIMIT, work).map_err(|e| e.to_string())
}

/// Words of errors about a whole file or its name, which have no line to name.
const WHOLE_FILE: &[&str] = &[
    "The site configuration file is missing",
    "too large",
    "file name",
];

/// Every error that does not name its file, or names a file with lines but no line.
fn unplaced(diagnostics: &Diagnostics) -> Vec<String> {
    let whole_file = |d: &Diagnostic| {
        let hint = d.hint.as_ref().map_or("", |h| h.en.as_str());
        WHOLE_FILE
            .iter()
            .any(|m| d.message.en.contains(m) || hint.contains(m))
    };
    diagnostics
        .iter()
        .filter(|d| d.is_error() && !whole_file(d))
        .filter(|d| d.path.as_os_str().is_empty() || (has_lines(&d.path) && d.line.is_none()))
        .map(Diagnostic::to_string)
        .collect()
}

/// Whether the file is text read line by line: YAML and Markdown.
fn has_lines(path: &Path) -> bool {
    let ext = path.extension().map(|e| e.to_string_lossy().to_lowercase());
    matches!(ext.as_deref(), Some("yaml" | "yml" | "md"))
}

/// Runs one content case: the damaged file is checked, and built when the check passes.
fn content_case(fx: &Fixture, seed: u64, rel: &'static str, bytes: Vec<u8>) -> Result<(), String> {
    fx.write(rel, &bytes);
    let (content, output) = (fx.content(), fx.output());
    isolated(seed, move || {
        let (_, diagnostics) = niemyet::check(&content);
        let unplaced = unplaced(&diagnostics);
        if !unplaced.is_empty() {
            return Err(format!("errors without a place:\n{}", unplaced.join("\n")));
        }
        if diagnostics.has_errors() {
            return Ok(());
        }
        build(&content, &output)
            .map(|_| ())
            .map_err(|e| format!("the check passed but the build failed:\n{e}"))
    })?
}

/// Runs one sheet case: the damaged sheet is parsed, then imported into the fixture's round.
fn sheet_case(fx: &Fixture, seed: u64, kind: SheetKind, bytes: Vec<u8>) -> Result<(), String> {
    let sheet = fx.root().join("bang-tinh.csv");
    std::fs::write(&sheet, &bytes).expect("write the sheet");
    let options = ImportOptions {
        kind,
        sheet,
        content: fx.content(),
        round: "tn-2022".into(),
        force: false,
    };
    isolated(seed, move || {
        // a sheet's errors name the line of the sheet; only an empty sheet has none to name
        if let Err(e) = Sheet::parse(&bytes) {
            let placed = e.vi.starts_with("Dòng ") && e.en.starts_with("Line ");
            if !placed && !e.en.contains("The sheet is empty") {
                return Err(format!("a sheet error without a line: {}", e.en));
            }
        }
        match niemyet::import::import(&options) {
            Err(problems)
                if problems
                    .lines()
                    .iter()
                    .any(|p| p.vi.is_empty() || p.en.is_empty()) =>
            {
                Err(format!("a message missing a language: {problems:?}"))
            }
            Err(_) => Ok(()),
            Ok(imported) => {
                let unplaced = unplaced(&imported.problems);
                match unplaced.is_empty() {
                    true => Ok(()),
                    false => Err(format!("errors without a place:\n{}", unplaced.join("\n"))),
                }
            }
        }
    })?
}

/// What a failure is, whatever file and numbers it involves: one bug found again and again is
/// reported once.
fn signature(problem: &str) -> String {
    let text: String = problem
        .lines()
        .filter(|l| !l.starts_with("lỗi / error:"))
        .take(3)
        .collect();
    // the values a message quotes vary from case to case
    let mut kept = String::new();
    for (i, part) in text.split(['“', '”']).enumerate() {
        if i % 2 == 0 {
            kept.push_str(part);
        }
    }
    kept.replace(|c: char| c.is_ascii_digit(), "")
}

/// Saves a failing input whole, to open in an editor or to add to `tests/bad-inputs/`.
fn save(seed: u64, name: &str, bytes: &[u8]) -> PathBuf {
    let file_name = Path::new(name).file_name().unwrap_or_default();
    let path = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("fuzz-failures")
        .join(format!("{seed}-{}", file_name.to_string_lossy()));
    std::fs::create_dir_all(path.parent().unwrap()).expect("create target/tmp/fuzz-failures");
    std::fs::write(&path, bytes).expect("save a failing input");
    path
}

/// The start of a damaged input, escaped, for the report.
fn excerpt(bytes: &[u8]) -> String {
    let shown = &bytes[..bytes.len().min(600)];
    let more = if bytes.len() > shown.len() { "…" } else { "" };
    format!("{}{more}", shown.escape_ascii())
}

#[test]
fn fuzz_parsers_never_panic_and_every_error_has_a_place() {
    let seed = env_number("NIEMYET_FUZZ_SEED", DEFAULT_SEED);
    let iterations = env_number("NIEMYET_FUZZ_ITERATIONS", DEFAULT_ITERATIONS);
    let seconds = env_number("NIEMYET_FUZZ_SECONDS", u64::MAX);
    let fx = Fixture::new();
    let content = snapshot(&fx.content());
    let started = Instant::now();
    let mut failures = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    let mut repeated = 0;
    let mut counts: BTreeMap<String, u64> = BTreeMap::new();
    let mut ran = 0;
    for i in 0..iterations {
        if started.elapsed().as_secs() >= seconds {
            break;
        }
        ran += 1;
        let case_seed = seed.wrapping_add(i);
        let mut rng = Rng::new(case_seed);
        let target = *rng.pick(TARGETS);
        let (name, mut bytes) = match target {
            Target::Content(rel) => (rel.to_string(), content[rel].clone()),
            Target::Sheet(SheetKind::Candidates) => {
                ("mau-nhap/ung-cu-vien.csv".into(), CANDIDATES_SHEET.into())
            }
            Target::Sheet(SheetKind::Results) => {
                ("mau-nhap/ket-qua.csv".into(), RESULTS_SHEET.into())
            }
        };
        mutate(&mut rng, &mut bytes);
        *counts.entry(name.clone()).or_default() += 1;
        let input = bytes.clone();
        let result = match target {
            Target::Content(rel) => content_case(&fx, case_seed, rel, bytes),
            Target::Sheet(kind) => sheet_case(&fx, case_seed, kind, bytes),
        };
        if let Err(problem) = result {
            let hung = problem.starts_with("hung");
            if seen.insert(signature(&problem)) || hung {
                let replay = format!("NIEMYET_FUZZ_SEED={case_seed} NIEMYET_FUZZ_ITERATIONS=1");
                let saved = save(case_seed, &name, &input);
                let shown = excerpt(&input);
                let failure = format!(
                    "{name} ({replay}): {problem}\n  input ({}): {shown}",
                    saved.display()
                );
                eprintln!("fuzz: FAILED {failure}");
                failures.push(failure);
            } else {
                repeated += 1;
            }
            if hung || failures.len() >= MAX_FAILURES {
                // a hung case's thread still runs and may write anything: stop here
                break;
            }
        }
        fx.restore_content(&content);
        if (i + 1) % 1000 == 0 {
            let secs = started.elapsed().as_secs_f64();
            eprintln!(
                "fuzz: {} cases in {secs:.0} s, {} failed ({repeated} more like them)",
                i + 1,
                failures.len()
            );
        }
    }
    eprintln!(
        "fuzz: seed {seed}, {ran} cases in {:.1} s: {counts:?}",
        started.elapsed().as_secs_f64()
    );
    assert!(
        failures.is_empty(),
        "{} fuzz cases failed, and {repeated} more like them:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}
