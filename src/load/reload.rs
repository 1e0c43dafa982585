//! Loading a content folder again after a change, as the preview does after every save: only the
//! files that may have changed are read again, the others are taken from the last load.
//!
//! A file may have changed when the watcher named it (or a folder holding it), or when its size
//! or modification time is not what it was when it was last read: its stamp is taken before it
//! is read, so that a write during the read changes the stamp the next load compares. A file
//! with neither is taken as it was read, with the warning its reading gave. The sources and
//! problems are then those [`super::load`] gives.

use super::{Read, SourceFile, Sources, load_with, read_noting, rel};
use crate::diagnostics::Diagnostic;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};
use std::time::SystemTime;

/// A content folder as last loaded, to be loaded again.
#[derive(Debug, Default)]
pub struct Loaded {
    pub sources: Sources,
    /// How reading each content file went, by its path relative to the content, but for the
    /// file itself, which is in `sources`.
    notes: HashMap<PathBuf, Note>,
    /// Every file of the content as it was when it was last read (content files, photos,
    /// attachments), by its path relative to the content; `None` when the file system did not
    /// tell, and the file is then read again.
    stamps: HashMap<PathBuf, Option<Stamp>>,
}

/// How reading a file went: the warning that it was converted, or why it could not be read.
type Note = Result<Option<Diagnostic>, Diagnostic>;

/// A file's size and modification time: a file written since it was read has another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: SystemTime,
}

impl Stamp {
    fn of(path: &Path) -> Option<Self> {
        let meta = std::fs::symlink_metadata(path).ok()?;
        Some(Self {
            len: meta.len(),
            modified: meta.modified().ok()?,
        })
    }
}

/// The paths of the content that may hold something else than at the last load, relative to
/// the content: those the watcher named and those whose stamp is another, new or gone. Unknown
/// after a load from nothing.
#[derive(Debug)]
pub enum Changes {
    Unknown,
    Paths(Vec<PathBuf>),
}

impl Changes {
    /// Whether something in `folder` (relative to the content), or `folder` itself, may have
    /// changed: a changed folder that holds it counts too.
    pub fn touch(&self, folder: &Path) -> bool {
        match self {
            Self::Unknown => true,
            Self::Paths(paths) => paths
                .iter()
                .any(|p| p.starts_with(folder) || folder.starts_with(p)),
        }
    }
}

impl Loaded {
    /// Loads `root` again after the watcher named `changed` (relative to `root`), reading again
    /// only what may have changed since `previous` was loaded. Without a previous load or a
    /// list of changes (`None`, or an empty one: the watcher does not know) everything is read.
    pub fn reload(
        previous: Option<Self>,
        root: &Path,
        changed: Option<&[PathBuf]>,
    ) -> (Self, Vec<Diagnostic>, Changes) {
        let named = changed.filter(|c| !c.is_empty());
        let Some((previous, named)) = previous.filter(|p| p.sources.root == root).zip(named) else {
            return Self::read_all(root);
        };
        let Self {
            sources,
            notes,
            stamps,
        } = previous;
        let kept: HashMap<PathBuf, SourceFile> =
            sources.into_files().map(|f| (f.rel.clone(), f)).collect();
        let kept = Mutex::new(kept);
        let now = Stamps::default();
        let (sources, problems) = load_with(
            root,
            |path| {
                let relative = rel(root, path);
                let stamp = now.take(&relative, path);
                let unchanged = stamp.is_some()
                    && stamps.get(&relative) == Some(&stamp)
                    && !named.iter().any(|c| relative.starts_with(c));
                let again = unchanged
                    .then(|| notes.get(&relative))
                    .flatten()
                    .and_then(|note| match note {
                        Ok(converted) => lock(&kept)
                            .remove(&relative)
                            .map(|file| Ok((file, converted.clone()))),
                        Err(d) => Some(Err(d.clone())),
                    });
                let read = again.unwrap_or_else(|| read_noting(root, path));
                now.note(relative, &read);
                read
            },
            |path| {
                now.take(&rel(root, path), path);
            },
        );
        let (notes_now, stamps_now) = now.into_inner();
        let mut paths: Vec<PathBuf> = named.to_vec();
        paths.extend(
            (stamps_now.iter())
                .filter(|(path, stamp)| stamp.is_none() || stamps.get(*path) != Some(*stamp))
                .map(|(path, _)| path.clone()),
        );
        paths.extend(
            (stamps.keys())
                .filter(|path| !stamps_now.contains_key(*path))
                .cloned(),
        );
        let loaded = Self {
            sources,
            notes: notes_now,
            stamps: stamps_now,
        };
        (loaded, problems, Changes::Paths(paths))
    }

    /// Reads every file of `root`, keeping what the next load needs.
    fn read_all(root: &Path) -> (Self, Vec<Diagnostic>, Changes) {
        let now = Stamps::default();
        let (sources, problems) = load_with(
            root,
            |path| {
                let relative = rel(root, path);
                now.take(&relative, path);
                let read = read_noting(root, path);
                now.note(relative, &read);
                read
            },
            |path| {
                now.take(&rel(root, path), path);
            },
        );
        let (notes, stamps) = now.into_inner();
        let loaded = Self {
            sources,
            notes,
            stamps,
        };
        (loaded, problems, Changes::Unknown)
    }
}

/// The stamps and notes of a load, gathered from the threads that read.
#[derive(Default)]
struct Stamps {
    notes: Mutex<HashMap<PathBuf, Note>>,
    stamps: Mutex<HashMap<PathBuf, Option<Stamp>>>,
}

impl Stamps {
    /// Takes the stamp of the file at `path` (`relative` to the content) and keeps it.
    fn take(&self, relative: &Path, path: &Path) -> Option<Stamp> {
        let stamp = Stamp::of(path);
        lock(&self.stamps).insert(relative.to_path_buf(), stamp);
        stamp
    }

    fn note(&self, relative: PathBuf, read: &Read) {
        let note = match read {
            Ok((_, converted)) => Ok(converted.clone()),
            Err(d) => Err(d.clone()),
        };
        lock(&self.notes).insert(relative, note);
    }

    fn into_inner(self) -> (HashMap<PathBuf, Note>, HashMap<PathBuf, Option<Stamp>>) {
        let notes = self
            .notes
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner);
        let stamps = self
            .stamps
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner);
        (notes, stamps)
    }
}

/// A map shared by the reading threads: one that panicked while holding it left it whole, as
/// each change to it is one insert or remove.
fn lock<T>(map: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    map.lock().unwrap_or_else(PoisonError::into_inner)
}
