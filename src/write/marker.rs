//! The marker: a file a build leaves at the root of the output, naming every file it wrote with
//! its SHA-256. Only a folder holding nothing but those files (or an empty one) is ever replaced,
//! so a mistyped `--output`, or a copy of the site to which staff added their own files, can never
//! lose a file niemyet did not write.

use super::manifest::Manifest;
use crate::fs::{self, FsError};
use std::io::{ErrorKind, Write};
use std::path::Path;

/// The marker's file name.
pub const MARKER: &str = ".niemyet-output";

/// The first line of a marker that lists files. Older versions wrote `niemyet` alone.
const HEADER: &str = "niemyet 2";

/// What a folder's marker says.
#[derive(Debug, PartialEq, Eq)]
pub enum Marker {
    /// No marker: niemyet did not build the folder.
    Missing,
    /// A marker of an older niemyet, or one changed by hand: it lists no file.
    Unlisted,
    /// The files the build wrote (the published list of sums among them).
    Listed(Manifest),
}

/// The marker's text for the files a build wrote.
pub fn text(written: &Manifest) -> String {
    let mut out = Vec::new();
    // writing to a Vec cannot fail
    let _ = write_to(written, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// [`text`], written line by line.
pub fn write_to(written: &Manifest, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "{HEADER}")?;
    written.write_to(out)
}

/// Reads the marker of `folder`. A marker that is not a regular file (a link, a folder) is
/// missing: it is then one more thing in the folder that niemyet did not write.
pub fn read(folder: &Path) -> Result<Marker, FsError> {
    let path = folder.join(MARKER);
    match std::fs::symlink_metadata(&path) {
        Ok(meta) if meta.is_file() => {}
        Ok(_) => return Ok(Marker::Missing),
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(Marker::Missing),
        Err(source) => {
            return Err(FsError {
                path,
                action: "read",
                source,
            });
        }
    }
    let bytes = fs::read(&path)?;
    let listed = std::str::from_utf8(&bytes)
        .ok()
        .and_then(|text| text.split_once('\n'))
        .filter(|(header, _)| *header == HEADER)
        .and_then(|(_, list)| Manifest::parse(list).ok());
    Ok(listed.map_or(Marker::Unlisted, Marker::Listed))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_marker_is_read_back_and_an_older_one_lists_nothing() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(read(dir.path()).unwrap(), Marker::Missing);
        let mut written = Manifest::default();
        written.add("index.html", b"<p>x</p>");
        std::fs::write(dir.path().join(MARKER), text(&written)).unwrap();
        assert_eq!(read(dir.path()).unwrap(), Marker::Listed(written));
        for unlisted in [
            &b"niemyet\n"[..],
            b"niemyet 2\nnot a list\n",
            b"niemyet 2\n\xff",
        ] {
            std::fs::write(dir.path().join(MARKER), unlisted).unwrap();
            assert_eq!(read(dir.path()).unwrap(), Marker::Unlisted, "{unlisted:?}");
        }
        std::fs::remove_file(dir.path().join(MARKER)).unwrap();
        std::fs::create_dir(dir.path().join(MARKER)).unwrap();
        assert_eq!(read(dir.path()).unwrap(), Marker::Missing);
    }
}
