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

/// An existing file at `folder/rel` that really lies inside `folder`: a plain relative path
/// whose real location (after following links) is still under the folder's real location.
pub fn existing_inside(folder: &Path, rel: &str) -> Option<PathBuf> {
    let path = inside(folder, rel)?;
    let real = path.canonicalize().ok()?;
    let real_folder = folder.canonicalize().ok()?;
    (real.starts_with(&real_folder) && real.is_file()).then_some(path)
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

/// File types that may be attached: documents, spreadsheets, images and archives. Anything else
/// (web pages, scripts, SVG, server files such as `.htaccess` or `.aspx`) could run on the
/// portal's own server or in its readers' browsers, so it is refused; so is a name that hides
/// a second type inside it (`a.html.pdf`), which some servers honour.
pub fn is_allowed_attachment(rel: &str) -> bool {
    const ALLOWED: &[&str] = &[
        "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp", "rtf", "txt",
        "csv", "jpg", "jpeg", "png", "gif", "webp", "zip", "rar", "7z",
    ];
    let name = Path::new(rel)
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let parts: Vec<&str> = name.split('.').collect();
    let Some((ext, stem)) = parts.split_last() else {
        return false;
    };
    let plain_stem =
        !stem.is_empty() && !stem[0].is_empty() && stem[1..].iter().all(|p| !is_known_type(p));
    ALLOWED.contains(ext) && plain_stem
}

/// A part of a file name that servers read as a type.
fn is_known_type(part: &str) -> bool {
    matches!(
        part,
        "html"
            | "htm"
            | "xhtml"
            | "shtml"
            | "svg"
            | "js"
            | "mjs"
            | "xml"
            | "php"
            | "phtml"
            | "asp"
            | "aspx"
            | "ashx"
            | "cgi"
            | "pl"
            | "py"
            | "jsp"
            | "htaccess"
            | "config"
    )
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
        for ok in ["bien-ban.pdf", "Công văn 13.2020.PDF", "tep/danh-sach.xlsx"] {
            assert!(is_allowed_attachment(ok), "{ok}");
        }
        for bad in [
            "bien-ban.HTML",
            "so-do.svg",
            ".htaccess",
            "a.html.pdf",
            "s.aspx",
            "b.html.",
            "a.php.txt",
            "pdf",
        ] {
            assert!(!is_allowed_attachment(bad), "{bad}");
        }
    }

    #[test]
    fn images_are_known_by_extension() {
        assert!(is_image("anh/a.JPG") && is_image("b.webp"));
        assert!(!is_image("hoang-thi-thu-ha.md") && !is_image("a.svg") && !is_image("anh"));
    }
}
