//! The names and types a file may be published under. The portal is copied to whatever server a
//! ward has, often Windows with IIS, or Apache with PHP: a name such a server cannot hold
//! (`CON.pdf`, `a?.pdf`, a trailing dot) breaks the copy or the link, and a second type inside a
//! name (`x.php.pdf`, `x.shtm.pdf`) can make a server run the file. Such names are refused with a
//! safe name to use instead; types are allowed by list, per place.

use crate::diagnostics::Bilingual;

/// What may be attached to a document: documents, spreadsheets, images and archives. Web pages,
/// scripts and SVG could run in readers' browsers; attach a PDF of them instead.
pub const ATTACHMENT_TYPES: &[&str] = &[
    "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp", "rtf", "txt", "csv",
    "jpg", "jpeg", "png", "gif", "webp", "zip", "rar", "7z",
];

/// What a candidate's photo may be.
pub const IMAGE_TYPES: &[&str] = &["jpg", "jpeg", "png", "webp", "gif"];

/// What a theme may publish from `theme/static/`: stylesheets, scripts, fonts and images.
pub const STATIC_TYPES: &[&str] = &[
    "css", "js", "woff", "woff2", "ttf", "otf", "png", "jpg", "jpeg", "gif", "webp", "svg", "ico",
    "avif",
];

/// Why a name cannot be published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// A web server's own configuration or a program it runs (`.htaccess`, `web.config`, `x.php`).
    Server,
    /// A type that is not published in this place.
    Type,
    /// The name would break a server or let one run the file; `safe` would not.
    Unsafe { why: Bilingual, safe: String },
}

/// Checks a file name (without folders) that must be of one of `types` (lowercase extensions).
pub fn check(name: &str, types: &[&str]) -> Result<(), Refusal> {
    if is_server_file(name) {
        return Err(Refusal::Server);
    }
    let safe = safe_name(name);
    if !types.contains(&extension(&safe).as_str()) {
        return Err(Refusal::Type);
    }
    match problem(name) {
        Some(why) => Err(Refusal::Unsafe { why, safe }),
        None => Ok(()),
    }
}

/// Checks a path of folders and a file separated by `/`: the file as `check` does, each folder
/// for the same name rules. An unsafe path's `safe` is the whole path made safe.
pub fn check_path(rel: &str, types: &[&str]) -> Result<(), Refusal> {
    let parts: Vec<&str> = rel.split('/').collect();
    let (file, folders) = parts.split_last().unwrap_or((&"", &[]));
    let safe_path = |file: &str| {
        let mut safe: Vec<String> = folders.iter().map(|f| safe_name(f)).collect();
        safe.push(file.to_string());
        safe.join("/")
    };
    match check(file, types) {
        Err(Refusal::Unsafe { why, safe }) => Err(Refusal::Unsafe {
            why,
            safe: safe_path(&safe),
        }),
        Err(other) => Err(other),
        Ok(()) => match folders.iter().find_map(|f| problem(f)) {
            Some(why) => Err(Refusal::Unsafe {
                why,
                safe: safe_path(file),
            }),
            None => Ok(()),
        },
    }
}

/// The name a file is published under: the last part of the path the content writes.
pub fn last_part(written: &str) -> String {
    std::path::Path::new(written)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// What to do about an unsafe name: rename the file to `safe` and write the new path in `field`
/// (`written` is the path as the content writes it, ending in the file's `name`).
pub fn rename_hint(field: &str, written: &str, name: &str, safe: &str) -> Bilingual {
    let path = written
        .strip_suffix(name)
        .map_or_else(|| safe.to_string(), |folder| format!("{folder}{safe}"));
    Bilingual::new(
        format!("Đổi tên tệp thành “{safe}” và ghi {field}: \"{path}\""),
        format!("Rename the file to “{safe}” and write {field}: \"{path}\""),
    )
}

/// The name with its control characters written out (`\n`), so that a message shows it on one
/// line as it is.
pub fn printable(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_default().collect()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// The last extension, lowercase; empty when there is none.
fn extension(name: &str) -> String {
    name.rsplit_once('.')
        .map(|(_, ext)| ext.to_lowercase())
        .unwrap_or_default()
}

/// Characters Windows does not allow in a name; control characters are refused as well.
const FORBIDDEN: &[char] = &['<', '>', ':', '"', '/', '\\', '|', '?', '*'];

fn is_forbidden(c: char) -> bool {
    FORBIDDEN.contains(&c) || c.is_control()
}

/// Names Windows keeps for devices, whatever follows the first dot (`CON.pdf`, `nul.tar.gz`).
fn is_reserved(stem: &str) -> bool {
    let stem = stem.trim_end_matches(' ').to_lowercase();
    let numbered = |prefix: &str| {
        stem.strip_prefix(prefix).is_some_and(|n| {
            let mut chars = n.chars();
            matches!(
                (chars.next(), chars.next()),
                (Some('0'..='9' | '¹' | '²' | '³'), None)
            )
        })
    };
    matches!(
        stem.as_str(),
        "con" | "prn" | "aux" | "nul" | "conin$" | "conout$"
    ) || numbered("com")
        || numbered("lpt")
}

/// Types a web server runs as a program or reads as its own configuration.
fn is_server_type(ext: &str) -> bool {
    let php_version = ext
        .strip_prefix("php")
        .is_some_and(|v| v.len() == 1 && v.chars().all(|c| c.is_ascii_digit()));
    php_version
        || matches!(
            ext,
            "php"
                | "phps"
                | "pht"
                | "phtm"
                | "phtml"
                | "phar"
                | "shtml"
                | "shtm"
                | "stm"
                | "asp"
                | "aspx"
                | "asa"
                | "asax"
                | "ascx"
                | "ashx"
                | "asmx"
                | "axd"
                | "cshtml"
                | "vbhtml"
                | "config"
                | "htaccess"
                | "htpasswd"
                | "ini"
                | "cgi"
                | "fcgi"
                | "pl"
                | "pm"
                | "py"
                | "pyc"
                | "rb"
                | "jsp"
                | "jspx"
                | "jspf"
                | "cfm"
                | "cfml"
                | "cfc"
                | "exe"
                | "dll"
                | "bat"
                | "cmd"
                | "sh"
                | "ps1"
                | "vbs"
                | "wsf"
                | "hta"
        )
}

/// Types a browser runs or renders as a page: harmless as the last type where a list allows
/// them, never hidden inside a name.
fn is_browser_type(ext: &str) -> bool {
    matches!(
        ext,
        "html" | "htm" | "xhtml" | "xht" | "svg" | "js" | "mjs" | "xml"
    )
}

/// A server's configuration file or a program it runs, read as Windows would (trailing dots and
/// spaces dropped: `shell.php.` is `shell.php`).
fn is_server_file(name: &str) -> bool {
    let name = name.trim_end_matches(['.', ' ']).to_lowercase();
    matches!(name.as_str(), ".htaccess" | ".htpasswd" | "web.config") || {
        let ext = extension(&name);
        !ext.is_empty() && is_server_type(&ext)
    }
}

/// The first rule the name breaks, said for staff.
fn problem(name: &str) -> Option<Bilingual> {
    if name.is_empty() {
        return Some(Bilingual::new("trống", "is empty"));
    }
    if let Some(c) = name.chars().find(|c| is_forbidden(*c)) {
        let (vi, en) = if c.is_control() {
            (
                "một ký tự điều khiển (như xuống dòng hay tab)".to_string(),
                "a control character (such as a line break or a tab)".to_string(),
            )
        } else {
            (format!("ký tự “{c}”"), format!("the character “{c}”"))
        };
        return Some(Bilingual::new(
            format!("có {vi}, mà máy chủ Windows không cho phép trong tên tệp"),
            format!("contains {en}, which Windows servers do not allow in a file name"),
        ));
    }
    if name.ends_with(['.', ' ']) {
        return Some(Bilingual::new(
            "kết thúc bằng dấu chấm hoặc dấu cách, mà máy chủ Windows tự bỏ đi nên liên kết sẽ hỏng",
            "ends with a dot or a space, which Windows servers drop, so the link would break",
        ));
    }
    if name.starts_with('.') {
        return Some(Bilingual::new(
            "bắt đầu bằng dấu chấm nên bị máy chủ web ẩn đi",
            "starts with a dot, so web servers hide it",
        ));
    }
    let parts: Vec<&str> = name.split('.').collect();
    let stem = parts.first().copied().unwrap_or_default();
    if is_reserved(stem) {
        return Some(Bilingual::new(
            format!(
                "dùng “{stem}”, tên mà Windows dành cho thiết bị, nên không lưu được trên máy chủ Windows"
            ),
            format!(
                "uses “{stem}”, a name Windows keeps for a device, so it cannot be saved on a Windows server"
            ),
        ));
    }
    let middle = parts.get(1..parts.len().saturating_sub(1)).unwrap_or(&[]);
    if let Some(inner) = middle.iter().find(|p| is_inner_type(p)) {
        return Some(Bilingual::new(
            format!(
                "có “.{inner}” ở giữa tên, nên một số máy chủ sẽ chạy tệp như một chương trình"
            ),
            format!("has “.{inner}” inside it, so some servers would run the file as a program"),
        ));
    }
    None
}

fn is_inner_type(part: &str) -> bool {
    let part = part.to_lowercase();
    is_server_type(&part) || is_browser_type(&part)
}

/// A name that breaks none of the rules and keeps as much of `name` as it can: forbidden
/// characters become `-`, trailing dots and spaces go, a type hidden inside joins the stem
/// (`x.shtm.pdf` → `x-shtm.pdf`), a device name gets a number (`CON.pdf` → `con-1.pdf`).
fn safe_name(name: &str) -> String {
    let replaced: String = name
        .chars()
        .map(|c| if is_forbidden(c) { '-' } else { c })
        .collect();
    let mut parts: Vec<String> = replaced.split('.').map(tidy).collect();
    let mut stem = parts.remove(0);
    let mut ext = if parts.is_empty() {
        None
    } else {
        Some(parts.pop().unwrap_or_default())
    };
    parts.retain(|p| !p.is_empty());
    if ext.as_deref() == Some("") {
        ext = parts.pop();
    }
    if parts.iter().any(|p| is_inner_type(p)) {
        stem = std::iter::once(stem)
            .chain(parts.drain(..))
            .collect::<Vec<_>>()
            .join("-");
        stem = tidy(&stem);
    }
    if stem.is_empty() {
        stem = if parts.is_empty() {
            "tep".to_string()
        } else {
            parts.remove(0)
        };
    }
    if is_reserved(&stem) {
        stem = format!("{}-1", stem.to_lowercase());
    }
    std::iter::once(stem)
        .chain(parts)
        .chain(ext)
        .collect::<Vec<_>>()
        .join(".")
}

/// A part of a name without runs of `-` and without `-` or spaces at its ends.
fn tidy(part: &str) -> String {
    let mut out = String::with_capacity(part.len());
    for c in part.chars() {
        if !(c == '-' && out.ends_with('-')) {
            out.push(c);
        }
    }
    out.trim_matches(['-', ' ']).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_that_break_servers_get_a_safe_name() {
        for (name, safe) in [
            ("CON.pdf", "con-1.pdf"),
            ("aux.pdf", "aux-1.pdf"),
            ("nul.txt", "nul-1.txt"),
            ("Com1.docx", "com1-1.docx"),
            ("lpt9.tar.zip", "lpt9-1.tar.zip"),
            ("COM¹.pdf", "com¹-1.pdf"),
            ("CON .pdf", "con-1.pdf"),
            ("hỏi đáp?.pdf", "hỏi đáp.pdf"),
            ("a\"b.pdf", "a-b.pdf"),
            ("<a>.pdf", "a.pdf"),
            ("a|b*.pdf", "a-b.pdf"),
            ("c:d.pdf", "c-d.pdf"),
            ("e\\f.pdf", "e-f.pdf"),
            ("g\nh.pdf", "g-h.pdf"),
            ("bien-ban.pdf.", "bien-ban.pdf"),
            ("bien-ban.pdf. .", "bien-ban.pdf"),
            ("bien-ban.pdf ", "bien-ban.pdf"),
            (".bi-mat.pdf", "bi-mat.pdf"),
            (".pdf", "tep.pdf"),
            ("x.shtm.pdf", "x-shtm.pdf"),
            ("x.PHP5.txt", "x-PHP5.txt"),
            ("x.html.pdf", "x-html.pdf"),
            ("bao.cao.php.docx", "bao-cao-php.docx"),
            ("con.php.pdf", "con-php.pdf"),
        ] {
            assert_eq!(safe_name(name), safe, "{name:?}");
            assert!(
                matches!(check(name, ATTACHMENT_TYPES), Err(Refusal::Unsafe { .. })),
                "{name:?}"
            );
            assert_eq!(check(safe, ATTACHMENT_TYPES), Ok(()), "{safe:?}");
        }
    }

    #[test]
    fn ordinary_names_are_kept() {
        for name in [
            "bien-ban.pdf",
            "Công văn 13.2020.PDF",
            "Công văn #13 (bản 2).txt",
            "console.pdf",
            "com10.pdf",
            "a-.pdf",
        ] {
            assert_eq!(check(name, ATTACHMENT_TYPES), Ok(()), "{name}");
        }
        assert_eq!(check("menu.min.js", STATIC_TYPES), Ok(()));
    }

    #[test]
    fn server_files_and_other_types_are_refused() {
        for name in [
            ".htaccess",
            "web.config",
            "Web.Config",
            "shell.php",
            "shell.php.",
            "x.phtml",
            "x.php7",
            "x.aspx",
            ".user.ini",
        ] {
            assert_eq!(check(name, STATIC_TYPES), Err(Refusal::Server), "{name}");
        }
        for name in ["trang.html", "so-do.svg", "ghi-chu.txt", "pdf", "a.html."] {
            assert_eq!(check(name, &["pdf"]), Err(Refusal::Type), "{name}");
        }
        assert_eq!(check("logo.svg", STATIC_TYPES), Ok(()));
        assert_eq!(check("so-do.svg", ATTACHMENT_TYPES), Err(Refusal::Type));
    }

    #[test]
    fn every_folder_of_a_path_is_checked() {
        assert_eq!(check_path("phong/chu.woff2", STATIC_TYPES), Ok(()));
        let unsafe_safe = |rel: &str| match check_path(rel, STATIC_TYPES) {
            Err(Refusal::Unsafe { safe, .. }) => safe,
            other => panic!("{rel}: {other:?}"),
        };
        assert_eq!(unsafe_safe("aux/a.css"), "aux-1/a.css");
        assert_eq!(unsafe_safe("aux/CON.css"), "aux-1/con-1.css");
        assert_eq!(unsafe_safe(".an/a.css"), "tep.an/a.css");
        assert_eq!(
            check_path("a/.htaccess", STATIC_TYPES),
            Err(Refusal::Server)
        );
    }

    #[test]
    fn names_are_shown_on_one_line() {
        assert_eq!(printable("a\nb\t.pdf"), "a\\nb\\t.pdf");
        assert_eq!(printable("Biên bản.pdf"), "Biên bản.pdf");
    }
}
