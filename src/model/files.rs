//! Files that content names by path (attachments, photos): they must stay inside their folder,
//! whatever the operating system, so a content file can never publish something from elsewhere.

use std::path::{Component, Path, PathBuf};
use unicode_normalization::UnicodeNormalization;

/// `folder/rel` when `rel` is a plain relative path: no root, no drive (`C:`), no `..`.
pub fn inside(folder: &Path, rel: &str) -> Option<PathBuf> {
    let path = Path::new(rel);
    let plain = !rel.is_empty()
        && !rel.starts_with(['/', '\\'])
        && !rel.contains(':')
        && !rel.split(['/', '\\']).any(|part| part == "..")
        && path
            .components()
            .all(|c| matches!(c, Component::Normal(_) | Component::CurDir));
    plain.then(|| folder.join(path))
}

/// An existing file at `folder/rel` that really lies inside `folder`: a plain relative path
/// whose real location (after following links) is still under the folder's real location.
/// Names are compared in NFC, so a file saved with a decomposed (NFD) Vietnamese name, as some
/// Mac and Linux tools write it, is found by the name the content writes.
pub fn existing_inside(folder: &Path, rel: &str) -> Option<PathBuf> {
    let path = inside(folder, rel)?;
    let path = if path.exists() {
        path
    } else {
        find_composed(folder, Path::new(rel))?
    };
    let real = path.canonicalize().ok()?;
    let real_folder = folder.canonicalize().ok()?;
    (real.starts_with(&real_folder) && real.is_file()).then_some(path)
}

/// `folder/rel`, each part found by its NFC name. Should two names compose alike, the first in
/// byte order is taken, so that the choice does not depend on the order of the folder's entries.
fn find_composed(folder: &Path, rel: &Path) -> Option<PathBuf> {
    rel.components()
        .try_fold(folder.to_path_buf(), |dir, part| {
            let Component::Normal(name) = part else {
                return Some(dir);
            };
            let exact = dir.join(name);
            if exact.exists() {
                return Some(exact);
            }
            let wanted: String = name.to_string_lossy().nfc().collect();
            std::fs::read_dir(&dir)
                .ok()?
                .filter_map(Result::ok)
                .filter(|e| {
                    e.file_name()
                        .to_str()
                        .is_some_and(|n| n.nfc().eq(wanted.chars()))
                })
                .map(|e| e.path())
                .min()
        })
}

/// Whether the file starts like a JPEG, PNG, GIF or WebP image.
pub fn looks_like_image(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 12];
    let read = std::fs::File::open(path)
        .and_then(|mut f| f.read(&mut head))
        .unwrap_or(0);
    let head = &head[..read];
    head.starts_with(&[0xFF, 0xD8, 0xFF])
        || head.starts_with(b"\x89PNG")
        || head.starts_with(b"GIF8")
        || (head.starts_with(b"RIFF") && head.get(8..12) == Some(&b"WEBP"[..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_relative_paths_stay_inside() {
        let folder = Path::new("/site/van-ban");
        assert_eq!(inside(folder, "tep/a.pdf"), Some(folder.join("tep/a.pdf")));
        for bad in [
            "",
            "../a.pdf",
            "tep/../../a",
            "/etc/passwd",
            "\\Windows\\win.ini",
            "C:x.pdf",
            "C:\\a.pdf",
            "tep\\..\\..\\a",
        ] {
            assert_eq!(inside(folder, bad), None, "{bad}");
        }
    }

    #[test]
    fn links_out_of_the_folder_do_not_count_as_inside() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("ung-cu-vien");
        std::fs::create_dir_all(&folder).unwrap();
        std::fs::write(dir.path().join("secret.txt"), "x").unwrap();
        std::fs::write(folder.join("a.jpg"), "x").unwrap();
        assert!(existing_inside(&folder, "a.jpg").is_some());
        assert!(existing_inside(&folder, "missing.jpg").is_none());
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(dir.path().join("secret.txt"), folder.join("b.jpg"))
                .unwrap();
            assert!(existing_inside(&folder, "b.jpg").is_none());
        }
    }

    #[test]
    fn images_are_known_by_their_first_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let png = dir.path().join("a.png");
        std::fs::write(&png, b"\x89PNG\r\n\x1a\n....").unwrap();
        let text = dir.path().join("b.png");
        std::fs::write(&text, b"# cau-hinh").unwrap();
        assert!(looks_like_image(&png));
        assert!(!looks_like_image(&text));
    }

    #[test]
    fn decomposed_names_are_found_by_their_composed_form() {
        let dir = tempfile::tempdir().unwrap();
        let nfd = |s: &str| s.nfd().collect::<String>();
        let folder = dir.path().join(nfd("Tệp"));
        std::fs::create_dir_all(&folder).unwrap();
        std::fs::write(folder.join(nfd("Biên bản.pdf")), "x").unwrap();
        let found = existing_inside(dir.path(), "Tệp/Biên bản.pdf").expect("found");
        assert_eq!(std::fs::read(found).unwrap(), b"x");
        assert!(existing_inside(dir.path(), "Tệp/Biên bản 2.pdf").is_none());
    }
}
