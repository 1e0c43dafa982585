//! Writing the output: pages and stylesheets are minified (`minify`), the whole site is written
//! into a fresh folder beside the output, and only then swapped in, so a failed build leaves the
//! previous `output/` untouched.
//! One build at a time writes an output (`lock`), only a folder holding nothing but what niemyet
//! wrote is replaced (`guard`, `marker`), and the site carries the SHA-256 of every file
//! (`manifest`).

mod guard;
mod lock;
pub mod manifest;
mod marker;
pub mod minify;

pub use marker::MARKER;

use crate::diagnostics::Diagnostic;
use crate::fs::{self, FsError};
use guard::Previous;
use lock::{LockError, OutputLock};
use manifest::{Checksum, FileSum, Manifest, Summing};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The published list of every file of the site with its SHA-256, at the root of the output.
pub const SUMS: &str = "sha256sums.txt";

/// Why the output was not written. In every case the previous output is left as it was.
#[derive(Debug)]
pub enum WriteError {
    /// The output may not be replaced, or another build is writing it: what and what to do.
    Refused(Diagnostic),
    Io(FsError),
}

impl From<FsError> for WriteError {
    fn from(e: FsError) -> Self {
        Self::Io(e)
    }
}

/// What a file of the output holds.
#[derive(Debug, Clone)]
pub enum Contents {
    Bytes(Vec<u8>),
    /// Copied from a content file (attachments, photos) when written.
    CopyOf(PathBuf),
}

/// One file of the built site.
#[derive(Debug, Clone)]
pub struct OutputFile {
    /// Relative to the output folder, with `/` separators, e.g. `bau-cu/hong-gai-2022/index.html`.
    pub path: String,
    pub contents: Contents,
}

impl OutputFile {
    /// The bytes to write: pages and stylesheets minified, copies read from their source.
    pub fn finished(self) -> Result<Vec<u8>, FsError> {
        Ok(match self.contents {
            Contents::Bytes(bytes) if self.path.ends_with(".html") => minify::html(&bytes),
            Contents::Bytes(bytes) if self.path.ends_with(".css") => minify::css(&bytes),
            Contents::Bytes(bytes) => bytes,
            Contents::CopyOf(source) => fs::read(&source)?,
        })
    }

    /// A rendered page (an attachment that happens to be HTML is copied, not rendered).
    pub fn is_page(&self) -> bool {
        matches!(self.contents, Contents::Bytes(_)) && self.path.ends_with(".html")
    }
}

/// The output folder of one build: locked against other builds and checked to hold nothing
/// niemyet did not write. Released when dropped.
#[derive(Debug)]
pub struct Claim {
    output: PathBuf,
    content: PathBuf,
    place: Place,
    previous: Previous,
    _lock: OutputLock,
}

/// Claims `output` for a build of `content`: refuses what may not be replaced (see
/// `guard`) and an output another build is writing, and tidies up after an interrupted build.
pub fn claim(output: &Path, content: &Path) -> Result<Claim, WriteError> {
    let place = Place::of(output).ok_or_else(|| guard::unnamed(output))?;
    // nothing is created beside a device or a link, not even the lock file
    guard::check_kind(output)?;
    fs::create_dir_all(&place.parent)?;
    let lock = match OutputLock::take(&place.beside("lock"), lock::PATIENCE) {
        Ok(lock) => lock,
        Err(LockError::Busy) => return Err(guard::busy(output)),
        Err(LockError::Io(e)) => return Err(e.into()),
    };
    // only the holder of the lock may touch the working folders
    remove_leftovers(&place, output);
    let previous = guard::check(output, content)?;
    Ok(Claim {
        output: output.to_path_buf(),
        content: content.to_path_buf(),
        place,
        previous,
        _lock: lock,
    })
}

impl Claim {
    /// Starts the new site in a fresh folder beside the output.
    pub fn stage(self) -> Result<Staging, WriteError> {
        let root = self.place.beside(&format!("new-{}", std::process::id()));
        fs::create_dir_all(&root)?;
        Ok(Staging { claim: self, root })
    }
}

/// A new site being written beside the output, file by file and from any number of threads;
/// [`Staging::finish`] swaps it in. Dropped unfinished (an error, a failed page), it is removed
/// and the output is left as it was.
#[derive(Debug)]
pub struct Staging {
    claim: Claim,
    root: PathBuf,
}

/// A file written into the new site, with the SHA-256 of its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    pub path: String,
    pub sha256: Checksum,
}

impl Staging {
    /// Writes one file of the new site, minifying pages and stylesheets. A file whose bytes are
    /// those the output already has is linked to the output's copy instead, so it keeps its
    /// identity (inode, modification time) for web servers' caches and mirrors, and costs no
    /// writing.
    pub fn write(&self, file: OutputFile) -> Result<Written, FsError> {
        let path = file.path.clone();
        let bytes = file.finished()?;
        let sha256 = Checksum::of(&bytes);
        let target = self.root.join(&path);
        let unchanged = self.claim.previous.files.get(&path) == Some(sha256);
        if !(unchanged && link(&self.claim.output.join(&path), &target)) {
            fs::write(&target, &bytes)?;
        }
        Ok(Written { path, sha256 })
    }

    /// Writes one file of the new site as `make` makes its bytes, never holding them whole (the
    /// whole country's Popolo file and catalogue are each hundreds of megabytes); linked to the
    /// output's copy when its bytes are those the output has, as [`Staging::write`] does.
    pub fn write_stream(
        &self,
        path: String,
        make: &mut dyn FnMut(&mut dyn Write) -> io::Result<()>,
    ) -> Result<(Written, FileSum), FsError> {
        let known = self.claim.previous.files.get(&path);
        let source = self.claim.output.join(&path);
        let sum = write_or_link(&self.root.join(&path), &source, known, make)?;
        let written = Written {
            path,
            sha256: sum.sha256,
        };
        Ok((written, sum))
    }

    /// Writes `sha256sums.txt` and the marker for the files `written`, and swaps the new site
    /// in. Returns how many files the site has (the sums among them, the marker not).
    pub fn finish(self, written: Vec<Written>) -> Result<usize, WriteError> {
        let mut manifest = Manifest::default();
        for file in written {
            manifest.insert(file.path, file.sha256);
        }
        // both lists are written line by line: for the whole country each is hundreds of
        // megabytes
        let (sums, _) = self.write_stream(SUMS.to_string(), &mut |out| manifest.write_to(out))?;
        manifest.insert(sums.path, sums.sha256);
        // the marker comes last: a folder that has one is whole
        let (old, new) = (self.claim.output.join(MARKER), self.root.join(MARKER));
        let known = manifest::file_sum(&old).ok();
        write_or_link(&new, &old, known, &mut |out| {
            marker::write_to(&manifest, out)
        })?;
        let claim = &self.claim;
        let output = claim.output.as_path();
        // looked at again just before the swap: someone may have saved a file into it meanwhile
        guard::recheck(output, &claim.content, &claim.previous)?;
        if !output.exists() {
            fs::rename(&self.root, output)?;
            return Ok(manifest.len());
        }
        // Two renames: the old site is set aside, then the new one takes its name. If the second
        // fails, the old site is put back; either way the output folder holds a whole site.
        let previous = claim.place.beside(&format!("old-{}", std::process::id()));
        fs::rename(output, &previous)?;
        if let Err(e) = fs::rename(&self.root, output) {
            let _ = std::fs::rename(&previous, output);
            return Err(e.into());
        }
        // The new site is in place; an old copy that cannot be deleted now (a file held open on
        // Windows) is removed by the next build.
        let _ = crate::fs::remove_tree(&previous);
        Ok(manifest.len())
    }
}

impl Drop for Staging {
    /// Removes what is left of the new site: all of it when it was not swapped in.
    fn drop(&mut self) {
        if self.root.exists() {
            let _ = crate::fs::remove_tree(&self.root);
        }
    }
}

/// Links `target` to the existing file `source`, creating `target`'s folder; `false` when the
/// file system cannot (no hard links there), and the file is then written instead.
fn link(source: &Path, target: &Path) -> bool {
    fs::in_parent(target, "write", || std::fs::hard_link(source, target)).is_ok()
}

/// Writes `target` as `make` makes its bytes, through a temporary file beside it. When they sum
/// to `known`, the sum of the existing file `source`, `target` is linked to `source` instead, so
/// that it keeps its identity; else the temporary file takes its name.
fn write_or_link(
    target: &Path,
    source: &Path,
    known: Option<Checksum>,
    make: &mut dyn FnMut(&mut dyn Write) -> io::Result<()>,
) -> Result<FileSum, FsError> {
    let temporary = temporary_beside(target);
    let sum = fs::write_with(&temporary, |out| {
        let mut out = Summing::new(out);
        make(&mut out)?;
        Ok(out.sum())
    })?;
    if known == Some(sum.sha256) && link(source, target) {
        let _ = std::fs::remove_file(&temporary);
    } else {
        fs::rename(&temporary, target)?;
    }
    Ok(sum)
}

/// The hidden temporary file beside `target` that a write renames over it.
fn temporary_beside(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    target.with_file_name(format!(".{name}.niemyet-tmp"))
}

/// The marker's text for a site of these files.
pub fn marker_text(files: &Manifest) -> String {
    marker::text(files)
}

/// Replaces the file `rel` under `root` in one step: the bytes go to a temporary file beside it,
/// which is then renamed over it, so a reader sees the old file or the new one, never half.
pub fn replace_file(root: &Path, rel: &str, bytes: &[u8]) -> Result<(), FsError> {
    let target = root.join(rel);
    let temporary = temporary_beside(&target);
    fs::write(&temporary, bytes)?;
    fs::rename(&temporary, &target).inspect_err(|_| {
        let _ = std::fs::remove_file(&temporary);
    })
}

/// Removes the file `rel` under `root`, then the folders it leaves empty, up to `root`.
pub fn remove_file(root: &Path, rel: &str) -> Result<(), FsError> {
    let target = root.join(rel);
    std::fs::remove_file(&target).map_err(|source| FsError {
        path: target.clone(),
        action: "remove",
        source,
    })?;
    let mut folder = target.parent();
    while let Some(dir) = folder.filter(|d| d.starts_with(root) && *d != root) {
        if std::fs::remove_dir(dir).is_err() {
            break;
        }
        folder = dir.parent();
    }
    Ok(())
}

/// The lock file of an output folder, beside it: `.output.niemyet-lock` for `output`.
pub fn lock_file(output: &Path) -> Option<PathBuf> {
    Place::of(output).map(|place| place.beside("lock"))
}

/// Where an output folder sits. A build's working folders and its lock file are named after it,
/// beside it, so that the swap is a rename within one folder.
#[derive(Debug)]
struct Place {
    parent: PathBuf,
    name: String,
}

impl Place {
    /// `None` for a path without a last name (`.`, `..`, `/`).
    fn of(output: &Path) -> Option<Self> {
        let name = output.file_name()?.to_string_lossy().into_owned();
        let parent = match output.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        Some(Self { parent, name })
    }

    /// `.NAME.niemyet-WHAT` beside the output.
    fn beside(&self, what: &str) -> PathBuf {
        self.parent.join(format!(".{}.niemyet-{what}", self.name))
    }
}

/// Cleans up after an interrupted build. If it stopped between its two renames, the old site is
/// only in its set-aside folder: it is put back first. Other leftovers are removed.
fn remove_leftovers(place: &Place, output: &Path) {
    let new_prefix = format!(".{}.niemyet-new-", place.name);
    let old_prefix = format!(".{}.niemyet-old-", place.name);
    let Ok(entries) = std::fs::read_dir(&place.parent) else {
        return;
    };
    let mut leftovers: Vec<PathBuf> = entries
        .flatten()
        .filter(|e| {
            let n = e.file_name().to_string_lossy().into_owned();
            n.starts_with(&new_prefix) || n.starts_with(&old_prefix)
        })
        .map(|e| e.path())
        .collect();
    leftovers.sort();
    for path in leftovers {
        let set_aside = path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with(&old_prefix));
        if set_aside && !output.exists() && path.join(MARKER).is_file() {
            let _ = std::fs::rename(&path, output);
        } else {
            let _ = fs::remove_tree(&path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Claims `out` and writes `files` into it.
    fn write_atomically(out: &Path, files: Vec<OutputFile>) -> Result<usize, WriteError> {
        stage_and_finish(claim(out, Path::new("no-content"))?, files)
    }

    fn stage_and_finish(claim: Claim, files: Vec<OutputFile>) -> Result<usize, WriteError> {
        let staging = claim.stage()?;
        let written = files
            .into_iter()
            .map(|f| staging.write(f))
            .collect::<Result<Vec<_>, _>>()?;
        staging.finish(written)
    }

    /// Names of the entries of `dir`, sorted.
    fn entries(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    fn page(path: &str, html: &str) -> OutputFile {
        OutputFile {
            path: path.into(),
            contents: Contents::Bytes(html.as_bytes().to_vec()),
        }
    }

    #[test]
    fn replaces_the_output_and_leaves_no_staging_folder() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("output");
        write_atomically(&out, vec![page("a/index.html", "<p>one</p>")]).unwrap();
        write_atomically(&out, vec![page("b/index.html", "<p>two</p>")]).unwrap();
        assert!(!out.join("a/index.html").exists());
        assert!(out.join("b/index.html").exists());
        assert_eq!(entries(dir.path()), [".output.niemyet-lock", "output"]);
    }

    #[test]
    fn a_failed_write_keeps_the_previous_output() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("output");
        write_atomically(&out, vec![page("index.html", "<p>old</p>")]).unwrap();
        let missing = OutputFile {
            path: "x.pdf".into(),
            contents: Contents::CopyOf(dir.path().join("does-not-exist.pdf")),
        };
        assert!(write_atomically(&out, vec![page("index.html", "<p>new</p>"), missing]).is_err());
        let kept = std::fs::read_to_string(out.join("index.html")).unwrap();
        assert!(kept.contains("old"));
        assert_eq!(entries(dir.path()), [".output.niemyet-lock", "output"]);
    }

    #[test]
    fn the_site_carries_its_sums_and_the_marker_lists_them_too() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("output");
        let count = write_atomically(&out, vec![page("index.html", "<p>x</p>  <p>y</p>")]).unwrap();
        assert_eq!(count, 2, "the page and the sums");
        let minified = std::fs::read(out.join("index.html")).unwrap();
        let mut pages = Manifest::default();
        pages.add("index.html", &minified);
        let sums = std::fs::read_to_string(out.join(SUMS)).unwrap();
        assert_eq!(sums, pages.render());
        pages.add(SUMS, sums.as_bytes());
        assert_eq!(marker::read(&out).unwrap(), marker::Marker::Listed(pages));
    }

    #[test]
    #[cfg(unix)]
    fn a_file_made_as_a_stream_is_summed_and_kept_as_it_was_when_unchanged() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("output");
        let build = |text: &'static str| {
            let staging = claim(&out, Path::new("no-content"))
                .unwrap()
                .stage()
                .unwrap();
            let (written, sum) = staging
                .write_stream("du-lieu/lon.json".into(), &mut |w| {
                    w.write_all(text.as_bytes())
                })
                .unwrap();
            assert_eq!(sum, FileSum::of(text.as_bytes()));
            assert_eq!(written.sha256, sum.sha256);
            staging.finish(vec![written]).unwrap();
            std::fs::metadata(out.join("du-lieu/lon.json"))
                .unwrap()
                .ino()
        };
        let first = build("{\"a\":1}");
        assert_eq!(build("{\"a\":1}"), first, "the same bytes keep the file");
        assert_ne!(build("{\"a\":2}"), first);
        assert_eq!(
            std::fs::read_to_string(out.join("du-lieu/lon.json")).unwrap(),
            "{\"a\":2}"
        );
        let names = entries(&out.join("du-lieu"));
        assert_eq!(names, ["lon.json"], "no temporary file is left");
    }

    #[test]
    fn a_file_saved_into_the_output_while_building_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("output");
        write_atomically(&out, vec![page("index.html", "<p>old</p>")]).unwrap();
        let claimed = claim(&out, Path::new("no-content")).unwrap();
        assert!(matches!(
            claim(&out, Path::new("no-content")),
            Err(WriteError::Refused(_))
        ));
        std::fs::write(out.join("ghi-chu.txt"), "giữ lại").unwrap();
        let result = stage_and_finish(claimed, vec![page("index.html", "<p>new</p>")]);
        assert!(matches!(result, Err(WriteError::Refused(_))));
        assert!(
            std::fs::read_to_string(out.join("index.html"))
                .unwrap()
                .contains("old")
        );
        assert_eq!(
            std::fs::read_to_string(out.join("ghi-chu.txt")).unwrap(),
            "giữ lại"
        );
        assert_eq!(entries(dir.path()), [".output.niemyet-lock", "output"]);
    }

    #[test]
    fn an_output_without_a_name_is_refused() {
        for unnamed in [".", "..", "/", "a/.."] {
            assert!(
                matches!(
                    write_atomically(Path::new(unnamed), Vec::new()),
                    Err(WriteError::Refused(_))
                ),
                "{unnamed}"
            );
        }
    }

    #[test]
    fn leftovers_of_an_interrupted_build_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("output");
        let stale = dir.path().join(".output.niemyet-new-99999");
        std::fs::create_dir_all(&stale).unwrap();
        std::fs::create_dir_all(dir.path().join(".other")).unwrap();
        write_atomically(&out, vec![page("index.html", "<p>x</p>")]).unwrap();
        assert!(!stale.exists());
        assert!(dir.path().join(".other").exists());
    }

    #[test]
    fn a_site_set_aside_by_an_interrupted_build_is_put_back_before_anything_else() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("output");
        write_atomically(&out, vec![page("index.html", "<p>old</p>")]).unwrap();
        std::fs::rename(&out, dir.path().join(".output.niemyet-old-99999")).unwrap();
        let missing = OutputFile {
            path: "x.pdf".into(),
            contents: Contents::CopyOf(dir.path().join("does-not-exist.pdf")),
        };
        assert!(write_atomically(&out, vec![missing]).is_err());
        assert!(
            std::fs::read_to_string(out.join("index.html"))
                .unwrap()
                .contains("old")
        );
    }
}
