//! The list of the files a build wrote, each with the SHA-256 of its bytes. It is published as
//! `sha256sums.txt` in the format of `sha256sum`, so that `sha256sum -c sha256sums.txt` (or
//! `niemyet verify`) checks a copy; and it is kept in the marker, so that a later build knows which
//! files of a folder are its own.

use crate::fs::{self, FsError};
use rayon::prelude::*;
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashSet};
use std::fmt;
use std::io::{Read, Write};
use std::path::Path;
use std::time::SystemTime;

/// A SHA-256, held as its 32 bytes (a national site lists millions of them) and written in
/// lower-case hex.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Checksum([u8; 32]);

impl Checksum {
    /// The SHA-256 of `bytes`.
    pub fn of(bytes: &[u8]) -> Self {
        Self(Sha256::digest(bytes).into())
    }

    /// Reads 64 hex digits, in either case.
    fn from_hex(hex: &str) -> Option<Self> {
        let digits = hex.as_bytes();
        if digits.len() != 64 {
            return None;
        }
        let value = |digit: u8| {
            char::from(digit)
                .to_digit(16)
                .and_then(|v| u8::try_from(v).ok())
        };
        let mut bytes = [0; 32];
        for (byte, pair) in bytes.iter_mut().zip(digits.chunks_exact(2)) {
            *byte = value(pair[0])? << 4 | value(pair[1])?;
        }
        Some(Self(bytes))
    }
}

impl fmt::Display for Checksum {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const DIGITS: &[u8; 16] = b"0123456789abcdef";
        let mut text = [0; 64];
        for (pair, byte) in text.chunks_exact_mut(2).zip(self.0) {
            pair[0] = DIGITS[usize::from(byte >> 4)];
            pair[1] = DIGITS[usize::from(byte & 0xf)];
        }
        // hex digits are ASCII
        f.write_str(std::str::from_utf8(&text).unwrap_or_default())
    }
}

/// Files by path (relative, with `/`) with the SHA-256 of their bytes; sorted by path, so that
/// the same files always give the same text.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Manifest(BTreeMap<String, Checksum>);

impl Manifest {
    /// Records the bytes written at `path`.
    pub fn add(&mut self, path: &str, bytes: &[u8]) {
        self.0.insert(path.to_string(), Checksum::of(bytes));
    }

    /// Records a file whose SHA-256 is known.
    pub fn insert(&mut self, path: String, sum: Checksum) {
        self.0.insert(path, sum);
    }

    /// Every file with its SHA-256, by path.
    pub fn entries(&self) -> impl Iterator<Item = (&str, Checksum)> {
        self.0.iter().map(|(path, sum)| (path.as_str(), *sum))
    }

    /// The SHA-256 listed for `path`.
    pub fn get(&self, path: &str) -> Option<Checksum> {
        self.0.get(path).copied()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// One line `<hash>  <path>` per file. A path with a backslash or a line break is escaped the
    /// way `sha256sum` escapes it: the line starts with `\`.
    pub fn render(&self) -> String {
        let mut out = Vec::new();
        // writing to a Vec cannot fail
        let _ = self.write_to(&mut out);
        String::from_utf8(out).unwrap_or_default()
    }

    /// [`Manifest::render`]'s text, written line by line: the whole country's list is hundreds
    /// of megabytes.
    pub fn write_to(&self, out: &mut dyn Write) -> std::io::Result<()> {
        for (path, hash) in &self.0 {
            if path.contains(['\\', '\n']) {
                let escaped = path.replace('\\', "\\\\").replace('\n', "\\n");
                writeln!(out, "\\{hash}  {escaped}")?;
            } else {
                writeln!(out, "{hash}  {path}")?;
            }
        }
        Ok(())
    }

    /// Reads the text of [`Manifest::render`], or of `sha256sum` (which marks binary files with
    /// `*` and may have been given Windows line ends). `Err` holds the number of the first line
    /// that is not `<hash>  <path>`.
    pub fn parse(text: &str) -> Result<Self, usize> {
        let mut files = BTreeMap::new();
        for (i, line) in text.lines().enumerate() {
            let line = line.strip_suffix('\r').unwrap_or(line);
            if line.is_empty() {
                continue;
            }
            let (escaped, line) = match line.strip_prefix('\\') {
                Some(rest) => (true, rest),
                None => (false, line),
            };
            let (sum, path) = line
                .split_once("  ")
                .or_else(|| line.split_once(" *"))
                .filter(|(_, path)| !path.is_empty())
                .and_then(|(hash, path)| Some((Checksum::from_hex(hash)?, path)))
                .ok_or(i + 1)?;
            let path = if escaped {
                unescape(path).ok_or(i + 1)?
            } else {
                path.to_string()
            };
            files.insert(path, sum);
        }
        Ok(Self(files))
    }

    /// Compares the files under `dir` with the list. Entries of `dir` itself named in `skip` are
    /// left out (niemyet's own notes). Only listed files are read: anything else is added
    /// whatever it holds, and a link, a pipe or a device is never opened.
    pub fn compare(&self, dir: &Path, skip: &[&str]) -> Result<Differences, FsError> {
        self.stamp_matching(dir, skip)
            .map(|(differences, _)| differences)
    }

    /// [`Self::compare`], which also keeps the size and modification time of each file whose
    /// bytes are the ones listed.
    pub fn into_checked(
        self,
        dir: &Path,
        skip: &[&str],
    ) -> Result<(Differences, Checked), FsError> {
        let (differences, matching) = self.stamp_matching(dir, skip)?;
        let mut sums = self.0;
        let checked = matching
            .into_iter()
            .filter_map(|(rel, stamp)| {
                let sum = sums.remove(&rel)?;
                Some((rel, (sum, stamp)))
            })
            .collect();
        Ok((differences, Checked(checked)))
    }

    /// How `dir` differs from the list, and the stamps of the files whose bytes are the ones
    /// listed. Listed files are read and hashed in parallel.
    fn stamp_matching(
        &self,
        dir: &Path,
        skip: &[&str],
    ) -> Result<(Differences, Vec<(String, Stamp)>), FsError> {
        let mut differences = Differences::default();
        let mut listed = Vec::new();
        for entry in walkdir::WalkDir::new(dir).min_depth(1) {
            let entry = entry.map_err(|e| FsError {
                path: e.path().unwrap_or(dir).to_path_buf(),
                action: "read",
                source: e.into(),
            })?;
            if entry.file_type().is_dir() {
                continue;
            }
            let rel = relative_name(dir, entry.path());
            if entry.depth() == 1 && skip.contains(&rel.as_str()) {
                continue;
            }
            match self.0.get(&rel) {
                Some(expected) => listed.push((rel, entry, *expected)),
                None => differences.added.push(rel),
            }
        }
        let checked: Vec<(String, Option<Stamp>)> = listed
            .into_par_iter()
            .map(|(rel, entry, expected)| {
                if !entry.file_type().is_file() {
                    return Ok((rel, None));
                }
                let (sum, stamp) = sum_of(entry.path())?;
                Ok((rel, (sum == expected).then_some(stamp)))
            })
            .collect::<Result<_, FsError>>()?;
        if checked.len() < self.0.len() {
            let seen: HashSet<&str> = checked.iter().map(|(rel, _)| rel.as_str()).collect();
            differences.removed = (self.0.keys())
                .filter(|path| !seen.contains(path.as_str()))
                .cloned()
                .collect();
        }
        let mut matching = Vec::with_capacity(checked.len());
        for (rel, stamp) in checked {
            match stamp {
                Some(stamp) => matching.push((rel, stamp)),
                None => differences.altered.push(rel),
            }
        }
        differences.matched = matching.len();
        differences.altered.sort();
        differences.added.sort();
        Ok((differences, matching))
    }
}

/// The files of a folder found to hold the bytes a [`Manifest`] lists, each with its SHA-256 and
/// its stamp: what tells, without reading them again, that they are still the same.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Checked(BTreeMap<String, (Checksum, Stamp)>);

/// A file's size and modification time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
}

impl Stamp {
    fn of(meta: &std::fs::Metadata) -> Self {
        Self {
            len: meta.len(),
            modified: meta.modified().ok(),
        }
    }
}

impl Checked {
    /// The SHA-256 of the file at `path`.
    pub fn get(&self, path: &str) -> Option<Checksum> {
        self.0.get(path).map(|(sum, _)| *sum)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Whether `dir` holds exactly these files (entries of `dir` itself named in `skip` left
    /// out), each a regular file with its size and modification time unchanged.
    pub fn still_match(&self, dir: &Path, skip: &[&str]) -> bool {
        let mut seen = 0;
        for entry in walkdir::WalkDir::new(dir).min_depth(1) {
            let Ok(entry) = entry else {
                return false;
            };
            if entry.file_type().is_dir() {
                continue;
            }
            let rel = relative_name(dir, entry.path());
            if entry.depth() == 1 && skip.contains(&rel.as_str()) {
                continue;
            }
            let same = entry.file_type().is_file()
                && match (self.0.get(&rel), entry.metadata()) {
                    (Some((_, stamp)), Ok(meta)) => *stamp == Stamp::of(&meta),
                    _ => false,
                };
            if !same {
                return false;
            }
            seen += 1;
        }
        seen == self.0.len()
    }
}

/// How a folder differs from a [`Manifest`]; each list sorted by path.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Differences {
    /// Listed files whose bytes are the ones listed.
    pub matched: usize,
    /// Listed files whose bytes differ, or that are no longer regular files.
    pub altered: Vec<String>,
    /// Files the list does not name.
    pub added: Vec<String>,
    /// Listed files that are not there.
    pub removed: Vec<String>,
}

impl Differences {
    pub fn is_empty(&self) -> bool {
        self.altered.is_empty() && self.added.is_empty() && self.removed.is_empty()
    }
}

/// `a\\b` → `a\b`, `a\nb` → a line break; `None` for any other escape.
fn unescape(path: &str) -> Option<String> {
    let mut out = String::new();
    let mut chars = path.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next()? {
                '\\' => out.push('\\'),
                'n' => out.push('\n'),
                _ => return None,
            },
            c => out.push(c),
        }
    }
    Some(out)
}

/// The size and SHA-256 of a file's bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileSum {
    pub size: usize,
    pub sha256: Checksum,
}

impl FileSum {
    pub fn of(bytes: &[u8]) -> Self {
        Self {
            size: bytes.len(),
            sha256: Checksum::of(bytes),
        }
    }
}

/// Passes bytes on to `inner`, summing them as they go: a file made as a stream gets its sum
/// without ever being held.
pub struct Summing<W> {
    inner: W,
    hasher: Sha256,
    size: usize,
}

impl<W: Write> Summing<W> {
    pub fn new(inner: W) -> Self {
        Self {
            inner,
            hasher: Sha256::new(),
            size: 0,
        }
    }

    /// The sum of what went through.
    pub fn sum(self) -> FileSum {
        FileSum {
            size: self.size,
            sha256: Checksum(self.hasher.finalize().into()),
        }
    }
}

impl<W: Write> Write for Summing<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hasher.update(&buf[..n]);
        self.size += n;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// The SHA-256 of a file, read in pieces.
pub fn file_sum(path: &Path) -> Result<Checksum, FsError> {
    sum_of(path).map(|(sum, _)| sum)
}

/// The SHA-256 of a file and its stamp, read in pieces so that a large attachment is never held
/// whole.
fn sum_of(path: &Path) -> Result<(Checksum, Stamp), FsError> {
    let mut file = fs::open(path)?;
    let stamp = file
        .metadata()
        .map(|meta| Stamp::of(&meta))
        .map_err(|source| FsError {
            path: path.to_path_buf(),
            action: "read",
            source,
        })?;
    let mut hasher = Sha256::new();
    let mut buffer = vec![0; 64 * 1024];
    loop {
        let n = file.read(&mut buffer).map_err(|source| FsError {
            path: path.to_path_buf(),
            action: "read",
            source,
        })?;
        if n == 0 {
            return Ok((Checksum(hasher.finalize().into()), stamp));
        }
        hasher.update(&buffer[..n]);
    }
}

/// The path of `path` under `dir`, with `/` whatever the system.
fn relative_name(dir: &Path, path: &Path) -> String {
    path.strip_prefix(dir)
        .unwrap_or(path)
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn manifest(files: &[(&str, &str)]) -> Manifest {
        let mut m = Manifest::default();
        for (path, text) in files {
            m.add(path, text.as_bytes());
        }
        m
    }

    #[test]
    fn the_text_is_sorted_in_the_format_of_sha256sum() {
        let m = manifest(&[("b/index.html", "b"), ("a.txt", "")]);
        assert_eq!(
            m.render(),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  a.txt\n\
             3e23e8160039594a33894f6564e1b1348bbd7a0088d42c4acb73eeaed59c009d  b/index.html\n"
        );
        assert_eq!(Manifest::parse(&m.render()), Ok(m));
    }

    #[test]
    fn odd_names_and_the_variants_of_sha256sum_are_read_back() {
        let m = manifest(&[("a\\b.txt", "x"), ("dòng\nmới.pdf", "y"), ("tệp.pdf", "z")]);
        let text = m.render();
        assert!(text.contains("  a\\\\b.txt\n") && text.contains("  dòng\\nmới.pdf\n"));
        assert_eq!(text.lines().filter(|l| l.starts_with('\\')).count(), 2);
        assert_eq!(Manifest::parse(&text), Ok(m.clone()));
        let windows = text.replace('\n', "\r\n").replace("  t", " *t");
        assert_eq!(Manifest::parse(&windows), Ok(m));
    }

    #[test]
    fn a_line_that_is_not_a_hash_and_a_path_is_named() {
        let good = manifest(&[("a", "a")]).render();
        assert_eq!(Manifest::parse(&format!("{good}xyz  b\n")), Err(2));
        assert_eq!(
            Manifest::parse(&format!("\n{good}{}\n", &good[..64])),
            Err(3)
        );
        assert_eq!(
            Manifest::parse(&format!("\\{}", good.replace("  a", "  \\q"))),
            Err(1)
        );
    }

    #[test]
    fn a_hash_is_read_in_either_case_and_written_in_lower_case() {
        let m = manifest(&[("a", "a")]);
        let upper = m.render().to_uppercase().replace("  A", "  a");
        assert_eq!(Manifest::parse(&upper), Ok(m.clone()));
        let signed = format!("+{}", &m.render()[1..]);
        assert_eq!(Manifest::parse(&signed), Err(1));
    }

    #[test]
    fn a_folder_is_compared_file_by_file() {
        let dir = tempfile::tempdir().unwrap();
        let write = |rel: &str, text: &str| {
            let path = dir.path().join(rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        };
        write("same.html", "same");
        write("sub/changed.css", "new");
        write("sub/extra.docx", "mine");
        write("note", "skipped");
        std::fs::create_dir_all(dir.path().join("empty")).unwrap();
        let m = manifest(&[
            ("same.html", "same"),
            ("sub/changed.css", "old"),
            ("gone.pdf", "x"),
        ]);
        let d = m.compare(dir.path(), &["note"]).unwrap();
        assert_eq!(d.matched, 1);
        assert_eq!(d.altered, ["sub/changed.css"]);
        assert_eq!(d.added, ["sub/extra.docx"]);
        assert_eq!(d.removed, ["gone.pdf"]);
        assert!(!d.is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn a_link_in_place_of_a_listed_file_is_altered_and_never_followed() {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path().join("site");
        std::fs::create_dir_all(&site).unwrap();
        std::fs::write(dir.path().join("real.html"), "same").unwrap();
        std::os::unix::fs::symlink(dir.path().join("real.html"), site.join("a.html")).unwrap();
        let d = manifest(&[("a.html", "same")]).compare(&site, &[]).unwrap();
        assert_eq!(
            (d.matched, d.altered.as_slice()),
            (0, &["a.html".to_string()][..])
        );
    }
}
