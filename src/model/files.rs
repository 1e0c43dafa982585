//! Files that content names by path (attachments, photos): they must stay inside their folder,
//! whatever the operating system, so a content file can never publish something from elsewhere.

use std::path::{Component, Path, PathBuf};

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

/// Photos are published as images only: a candidate's `anh` cannot point at another file.
pub fn is_image(rel: &str) -> bool {
    let ext = Path::new(rel)
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    matches!(ext.as_str(), "jpg" | "jpeg" | "png" | "webp" | "gif")
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
    fn images_are_known_by_extension() {
        assert!(is_image("anh/a.JPG") && is_image("b.webp"));
        assert!(!is_image("hoang-thi-thu-ha.md") && !is_image("a.svg") && !is_image("anh"));
    }
}
