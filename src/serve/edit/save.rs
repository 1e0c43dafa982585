//! Saving a form's file: only when the file on disk is still the one the form was opened on, the
//! previous version kept beside it, the new one written to a temporary file and renamed into
//! place, so that the build, the watcher and an editor never see half a file.

use sha2::{Digest, Sha256};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// What a form was opened on: the SHA-256 of the file's bytes, or `moi` (new) when there was
/// no file.
pub fn fingerprint(path: &Path) -> io::Result<String> {
    match std::fs::read(path) {
        Ok(bytes) => Ok(Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(NEW.to_string()),
        Err(e) => Err(e),
    }
}

/// The fingerprint of a file that does not exist yet.
pub const NEW: &str = "moi";

/// How a save went.
#[derive(Debug, PartialEq, Eq)]
pub enum Saved {
    /// Written; the previous version, if there was one, is at `backup`.
    Written { backup: Option<PathBuf> },
    /// The file changed on disk since the form was opened: nothing was written.
    Stale,
}

/// Where the version before a save is kept: beside the file, hidden (`.ket-qua.yaml.truoc-khi-sua`),
/// so that neither the build nor the preview's watcher reads it.
pub fn backup_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.truoc-khi-sua"))
}

/// Writes `text` to `path` if the file there still has the fingerprint `opened`. The new file
/// gets the old one's permissions, or the folder's usual ones when it is new.
pub fn save(path: &Path, opened: &str, text: &str) -> io::Result<Saved> {
    if fingerprint(path)? != opened {
        return Ok(Saved::Stale);
    }
    let folder = path
        .parent()
        .ok_or_else(|| io::Error::other("a file without a folder"))?;
    if opened == NEW {
        // a new round's file comes with its folder
        std::fs::create_dir_all(folder)?;
    }
    let temp = folder.join(format!(
        ".niemyet-luu-{}-{}",
        std::process::id(),
        SAVES.fetch_add(1, Ordering::Relaxed)
    ));
    let written = write_new(&temp, text, path).and_then(|()| {
        let backup = if opened == NEW {
            None
        } else {
            let backup = backup_path(path);
            std::fs::copy(path, &backup)?;
            Some(backup)
        };
        std::fs::rename(&temp, path)?;
        Ok(Saved::Written { backup })
    });
    if written.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    written
}

/// Saves made by this preview, to name each one's temporary file apart.
static SAVES: AtomicU64 = AtomicU64::new(0);

/// `text` in a new file at `temp`, flushed to the disk, with the permissions of `like` if it
/// exists.
fn write_new(temp: &Path, text: &str, like: &Path) -> io::Result<()> {
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(temp)?;
    file.write_all(text.as_bytes())?;
    file.sync_all()?;
    if let Ok(old) = std::fs::metadata(like) {
        std::fs::set_permissions(temp, old.permissions())?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_save_keeps_the_previous_version_and_refuses_a_stale_form() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ket-qua.yaml");
        let opened = fingerprint(&path).unwrap();
        assert_eq!(opened, NEW);
        assert_eq!(
            save(&path, &opened, "a: 1\n").unwrap(),
            Saved::Written { backup: None }
        );
        let opened = fingerprint(&path).unwrap();
        std::fs::write(&path, "a: 2\n").unwrap();
        // changed on disk since the form was opened: refused, nothing written
        assert_eq!(save(&path, &opened, "a: 3\n").unwrap(), Saved::Stale);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "a: 2\n");
        let opened = fingerprint(&path).unwrap();
        let saved = save(&path, &opened, "a: 3\n").unwrap();
        let backup = dir.path().join(".ket-qua.yaml.truoc-khi-sua");
        assert_eq!(
            saved,
            Saved::Written {
                backup: Some(backup.clone())
            }
        );
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "a: 3\n");
        assert_eq!(std::fs::read_to_string(&backup).unwrap(), "a: 2\n");
        // no temporary file is left behind
        let names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names.len(), 2, "{names:?}");
    }

    #[cfg(unix)]
    #[test]
    fn a_saved_file_keeps_its_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ket-qua.yaml");
        std::fs::write(&path, "a: 1\n").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        save(&path, &fingerprint(&path).unwrap(), "a: 2\n").unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o644);
    }
}
