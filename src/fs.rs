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
    if let Some(parent) = path.parent() {
        create_dir_all(parent)?;
    }
    wrap(path, "write", std::fs::write(path, bytes))
}

/// Writes a file as `make` makes its bytes, through a buffer, creating its parent folders: for a
/// file too large to hold in memory. An error of `make` is one of writing the file.
pub fn write_with<T>(
    path: &Path,
    make: impl FnOnce(&mut dyn io::Write) -> io::Result<T>,
) -> Result<T, FsError> {
    if let Some(parent) = path.parent() {
        create_dir_all(parent)?;
    }
    let file = wrap(path, "write", std::fs::File::create(path))?;
    let mut out = io::BufWriter::with_capacity(256 * 1024, file);
    let made = make(&mut out).and_then(|made| io::Write::flush(&mut out).map(|()| made));
    wrap(path, "write", made)
}

/// Copies a file, creating the target's parent folders.
pub fn copy(from: &Path, to: &Path) -> Result<(), FsError> {
    if let Some(parent) = to.parent() {
        create_dir_all(parent)?;
    }
    wrap(from, "copy", std::fs::copy(from, to).map(|_| ()))
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
