//! Every filesystem call of the program, each error naming its path.

use std::io;
use std::path::{Path, PathBuf};

/// An I/O failure together with the path it concerns.
#[derive(Debug)]
pub struct FsError {
    pub path: PathBuf,
    pub action: &'static str,
    pub source: io::Error,
}

impl std::fmt::Display for FsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "không thể {} / cannot {}: {}: {}",
            vi_action(self.action),
            self.action,
            self.path.display(),
            self.source
        )
    }
}

impl std::error::Error for FsError {}

fn vi_action(action: &str) -> &'static str {
    match action {
        "read" => "đọc",
        "write" => "ghi",
        "create folder" => "tạo thư mục",
        "rename" => "đổi tên",
        "copy" => "sao chép",
        "replace" => "thay thế",
        "lock" => "khóa",
        "remove" => "xóa",
        _ => "truy cập",
    }
}

fn wrap<T>(path: &Path, action: &'static str, r: io::Result<T>) -> Result<T, FsError> {
    r.map_err(|source| FsError {
        path: path.to_path_buf(),
        action,
        source,
    })
}

pub fn read_to_string(path: &Path) -> Result<String, FsError> {
    wrap(path, "read", std::fs::read_to_string(path))
}

pub fn read(path: &Path) -> Result<Vec<u8>, FsError> {
    wrap(path, "read", std::fs::read(path))
}

/// Writes a file, creating its parent folders.
pub fn write(path: &Path, bytes: &[u8]) -> Result<(), FsError> {
    in_parent(path, "write", || std::fs::write(path, bytes))
}

/// Writes a file as `make` makes its bytes, through a buffer, creating its parent folders: for a
/// file too large to hold in memory. An error of `make` is one of writing the file.
pub fn write_with<T>(
    path: &Path,
    make: impl FnOnce(&mut dyn io::Write) -> io::Result<T>,
) -> Result<T, FsError> {
    let file = in_parent(path, "write", || std::fs::File::create(path))?;
    let mut out = io::BufWriter::with_capacity(256 * 1024, file);
    let made = make(&mut out).and_then(|made| io::Write::flush(&mut out).map(|()| made));
    wrap(path, "write", made)
}

/// Copies a file, creating the target's parent folders.
pub fn copy(from: &Path, to: &Path) -> Result<(), FsError> {
    in_parent(to, "copy", || std::fs::copy(from, to).map(|_| ())).map_err(|e| match e.action {
        // a failed copy is told by the file copied, as staff know it
        "copy" => FsError {
            path: from.to_path_buf(),
            ..e
        },
        _ => e,
    })
}

/// Runs `make`, which creates the file `path`; when its folder is missing, creates the folder
/// and runs it again. Most files of a site go into a folder made already: creating it first
/// cost two more system calls a file.
pub fn in_parent<T>(
    path: &Path,
    action: &'static str,
    make: impl Fn() -> io::Result<T>,
) -> Result<T, FsError> {
    match make() {
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            if let Some(parent) = path.parent() {
                create_dir_all(parent)?;
            }
            wrap(path, action, make())
        }
        made => wrap(path, action, made),
    }
}

pub fn create_dir_all(path: &Path) -> Result<(), FsError> {
    wrap(path, "create folder", std::fs::create_dir_all(path))
}

/// Removes a folder and everything in it, the entries of each folder in parallel (a built site
/// has a folder per page). Links are removed, never followed.
pub fn remove_tree(path: &Path) -> Result<(), FsError> {
    use rayon::prelude::*;
    let entries = wrap(path, "read", std::fs::read_dir(path))?
        .collect::<io::Result<Vec<_>>>()
        .map_err(|source| FsError {
            path: path.to_path_buf(),
            action: "read",
            source,
        })?;
    entries.par_iter().try_for_each(|entry| {
        let inner = entry.path();
        match entry.file_type() {
            Ok(kind) if kind.is_dir() => remove_tree(&inner),
            _ => wrap(&inner, "remove", std::fs::remove_file(&inner)),
        }
    })?;
    wrap(path, "remove", std::fs::remove_dir(path))
}

pub fn rename(from: &Path, to: &Path) -> Result<(), FsError> {
    wrap(from, "rename", std::fs::rename(from, to))
}

pub fn open(path: &Path) -> Result<std::fs::File, FsError> {
    wrap(path, "read", std::fs::File::open(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_written_into_folders_made_on_first_need() {
        let dir = tempfile::tempdir().unwrap();
        let deep = dir.path().join("a/b/c.txt");
        write(&deep, b"one").unwrap();
        write(&dir.path().join("a/b/d.txt"), b"two").unwrap();
        let made = write_with(&dir.path().join("e/f.txt"), |out| out.write_all(b"three"));
        made.unwrap();
        copy(&deep, &dir.path().join("g/h/c.txt")).unwrap();
        assert_eq!(std::fs::read(dir.path().join("g/h/c.txt")).unwrap(), b"one");
        assert_eq!(std::fs::read(dir.path().join("e/f.txt")).unwrap(), b"three");
        // a copy that fails is told by the file it copies
        let missing = dir.path().join("missing.pdf");
        let e = copy(&missing, &dir.path().join("i/missing.pdf")).unwrap_err();
        assert_eq!((e.path, e.action), (missing, "copy"));
        // a file where its folder should be is an error of writing it
        let e = write(&deep.join("x.txt"), b"under a file").unwrap_err();
        assert_eq!(e.action, "write");
    }
}
