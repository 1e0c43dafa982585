//! Loading a content folder again after a change, as the preview does after every save: only the
//! files and folders the watcher named are walked and read again, the rest is taken from the last
//! load, so that a save shows in the preview as soon at national scale as for one commune.
//!
//! What the watcher may miss (a queue that overflowed, a network drive) is found afterwards by
//! [`Loaded::unnoticed`], which compares every file's size and modification time with those it
//! had when it was last read; its stamp is taken before it is read, so that a write during the
//! read changes the stamp the next comparison sees. The sources and problems are then those
//! [`super::load`] gives.

use super::{Found, Read, Sources, add_found, gather, is_hidden, read_noting, rel, walk};
use crate::diagnostics::Diagnostic;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Component, Path, PathBuf};
use std::sync::{Mutex, PoisonError};
use std::time::SystemTime;

/// A content folder as last loaded, to be loaded again.
#[derive(Debug, Default)]
pub struct Loaded {
    pub sources: Sources,
    /// The problems of the load by the path they are about, relative to the content: files that
    /// could not be read or were converted, files in no place niemyet reads.
    problems: BTreeMap<PathBuf, Vec<Diagnostic>>,
    /// Every file of the content as it was when it was last read (content files, photos,
    /// attachments), by its path relative to the content; `None` when the file system did not
    /// tell.
    stamps: BTreeMap<PathBuf, Option<Stamp>>,
}

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
/// the content: those the watcher named. Unknown after a load from nothing.
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
    /// Loads `root` again after the watcher named `changed` (files or folders relative to
    /// `root`), reading again only those. Without a previous load or a list of changes (`None`,
    /// or an empty one: the watcher does not know) everything is read.
    pub fn reload(
        previous: Option<Self>,
        root: &Path,
        changed: Option<&[PathBuf]>,
    ) -> (Self, Vec<Diagnostic>, Changes) {
        let named = changed.and_then(|named| outermost(root, named));
        let previous = previous.filter(|p| p.sources.root == root && root.is_dir());
        match (previous, named) {
            (Some(previous), Some(named)) => previous.read_again(root, named),
            _ => Self::read_all(root),
        }
    }

    /// The paths of the content, relative to it, that changed since they were last read without
    /// being named to [`Loaded::reload`]: files written, added or removed, problems come or gone.
    /// This walks the whole content and looks at every file, which takes a moment at national
    /// scale: the preview asks once the pages of a save are shown.
    pub fn unnoticed(&self) -> Vec<PathBuf> {
        let root = &self.sources.root;
        let mut found = BTreeSet::new();
        let mut changed = Vec::new();
        for entry in walk(root, root) {
            match entry {
                Found::File(_, path) | Found::Asset(path) => {
                    let relative = rel(root, &path);
                    if self.stamps.get(&relative) != Some(&Stamp::of(&path)) {
                        changed.push(relative.clone());
                    }
                    found.insert(relative);
                }
                Found::Problem(d) => {
                    if !self.problems.contains_key(&d.path) {
                        changed.push(d.path.clone());
                    }
                    found.insert(d.path);
                }
            }
        }
        let gone = (self.stamps.keys())
            .chain(self.problems.keys())
            .filter(|path| !found.contains(*path));
        changed.extend(gone.cloned());
        changed.sort();
        changed.dedup();
        changed
    }

    /// Reads every file of `root`, keeping what the next load needs.
    fn read_all(root: &Path) -> (Self, Vec<Diagnostic>, Changes) {
        let stamps = Stamps::default();
        let (sources, problems) = super::load_with(
            root,
            |path| stamps.read(root, path),
            |path| stamps.take(root, path),
        );
        let mut loaded = Self {
            sources,
            problems: BTreeMap::new(),
            stamps: stamps.into_inner(),
        };
        loaded.keep_problems(problems.iter().cloned());
        (loaded, problems, Changes::Unknown)
    }

    /// Walks and reads again the files and folders `named`, none inside another; the rest is as
    /// it was.
    fn read_again(mut self, root: &Path, named: Vec<PathBuf>) -> (Self, Vec<Diagnostic>, Changes) {
        for path in &named {
            self.sources.remove_under(path);
            remove_under(&mut self.problems, path);
            remove_under(&mut self.stamps, path);
        }
        let stamps = Stamps::default();
        let found = (named.iter())
            .filter(|path| in_content(root, path))
            .flat_map(|path| {
                gather(
                    root,
                    &root.join(path),
                    |path| stamps.read(root, path),
                    |path| stamps.take(root, path),
                )
            })
            .collect();
        let mut problems = Vec::new();
        add_found(&mut self.sources, &mut problems, found);
        self.keep_problems(problems);
        self.stamps.extend(stamps.into_inner());
        let problems = self.problems.values().flatten().cloned().collect();
        (self, problems, Changes::Paths(named))
    }

    fn keep_problems(&mut self, problems: impl IntoIterator<Item = Diagnostic>) {
        for d in problems {
            self.problems.entry(d.path.clone()).or_default().push(d);
        }
    }
}

/// What to walk again for the paths `named`: each path, or the linked folder that holds it, as
/// the walk of the whole content meets the link and not what is in it; without duplicates or
/// paths inside another. `None` when one of them is the content itself or leaves it, and
/// everything is read again.
fn outermost(root: &Path, named: &[PathBuf]) -> Option<Vec<PathBuf>> {
    let plain = |p: &PathBuf| {
        p.components().next().is_some() && p.components().all(|c| matches!(c, Component::Normal(_)))
    };
    if named.is_empty() || !named.iter().all(plain) {
        return None;
    }
    let mut walked: Vec<PathBuf> = (named.iter())
        .map(|path| {
            let mut folders: Vec<&Path> = path.ancestors().skip(1).collect();
            folders.reverse();
            let linked = (folders.into_iter()).find(|folder| {
                !folder.as_os_str().is_empty()
                    && std::fs::symlink_metadata(root.join(folder))
                        .is_ok_and(|m| m.file_type().is_symlink())
            });
            linked.map_or_else(|| path.clone(), Path::to_path_buf)
        })
        .collect();
    walked.sort();
    let mut kept: Vec<PathBuf> = Vec::new();
    for path in walked {
        if !kept.last().is_some_and(|outer| path.starts_with(outer)) {
            kept.push(path);
        }
    }
    Some(kept)
}

/// Whether `path` (relative to `root`) exists and is not inside a hidden folder or the theme,
/// which the walk of the whole content does not enter.
fn in_content(root: &Path, path: &Path) -> bool {
    let mut folders = path.ancestors().skip(1);
    let skipped = folders.any(|folder| folder == Path::new(super::THEME_DIR) || is_hidden(folder));
    !skipped && std::fs::symlink_metadata(root.join(path)).is_ok()
}

/// Takes out of `map` every path at or under `path`: they sort together, right from `path`.
fn remove_under<V>(map: &mut BTreeMap<PathBuf, V>, path: &Path) {
    let under: Vec<PathBuf> = (map.range(path.to_path_buf()..))
        .map(|(p, _)| p)
        .take_while(|p| p.starts_with(path))
        .cloned()
        .collect();
    for p in under {
        map.remove(&p);
    }
}

/// The stamps of a load, gathered from the threads that read.
#[derive(Default)]
struct Stamps(Mutex<Vec<(PathBuf, Option<Stamp>)>>);

impl Stamps {
    /// Takes the stamp of the file at `path` and keeps it.
    fn take(&self, root: &Path, path: &Path) {
        let stamp = Stamp::of(path);
        let mut stamps = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        stamps.push((rel(root, path), stamp));
    }

    /// Takes the stamp of the content file at `path`, then reads it.
    fn read(&self, root: &Path, path: &Path) -> Read {
        self.take(root, path);
        read_noting(root, path)
    }

    fn into_inner(self) -> BTreeMap<PathBuf, Option<Stamp>> {
        let stamps = self.0.into_inner().unwrap_or_else(PoisonError::into_inner);
        stamps.into_iter().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paths(list: &[&str]) -> Vec<PathBuf> {
        list.iter().map(PathBuf::from).collect()
    }

    #[test]
    fn named_paths_inside_another_are_read_with_it() {
        let named = paths(&[
            "bau-cu/a/x.md",
            "bau-cu/a",
            "van-ban/b.md",
            "bau-cu/a-b/y.md",
        ]);
        assert_eq!(
            outermost(Path::new("/nowhere"), &named),
            Some(paths(&["bau-cu/a", "bau-cu/a-b/y.md", "van-ban/b.md"]))
        );
    }

    #[test]
    fn the_content_itself_or_a_path_out_of_it_means_everything() {
        let root = Path::new("/nowhere");
        assert_eq!(outermost(root, &paths(&[""])), None);
        assert_eq!(outermost(root, &paths(&["bau-cu/../../etc"])), None);
        assert_eq!(outermost(root, &paths(&["/etc/passwd"])), None);
        assert_eq!(outermost(root, &[]), None);
    }

    #[test]
    fn what_is_under_a_path_is_taken_out_and_nothing_beside_it() {
        let mut map: BTreeMap<PathBuf, ()> = paths(&["a", "a/b", "a/b/c", "a-b", "a.md", "b"])
            .into_iter()
            .map(|p| (p, ()))
            .collect();
        remove_under(&mut map, Path::new("a"));
        assert_eq!(
            map.into_keys().collect::<Vec<_>>(),
            paths(&["a-b", "a.md", "b"])
        );
    }
}
