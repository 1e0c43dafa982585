//! Content-hashed names of the files pages load (tài nguyên): `style.css` is published as
//! `style.3f2a9c1b.css`, so a server may let browsers keep it for a year; a changed file gets a
//! new name, and the pages built with it name the new file.
//!
//! The hash is of the file as the theme holds it: the stylesheet is minified on writing, and its
//! minified copy changes exactly when the source does.
//!
//! Stylesheets, scripts and the site's icon are renamed: pages load them by the name templates
//! ask [`Assets::register`]'s `asset` function for. Fonts and images keep their names, since
//! stylesheets and a site's own templates name them from inside (`url(phong/chu.woff2)`).

use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashMap};
use tera::{Tera, Value};

/// The icon browsers show beside the page's title (biểu tượng), in the theme's `static/`.
pub const ICON: &str = "bieu-tuong.svg";

/// Extensions of the files renamed after their contents: what changes with each release.
const HASHED_TYPES: &[&str] = &["css", "js"];

/// Hexadecimal digits of the hash in a name: 32 bits tell a file's versions apart.
const HASH_DIGITS: usize = 8;

/// Whether the static file `name` (under `static/`) is published under a hashed name.
pub fn is_hashed(name: &str) -> bool {
    name == ICON
        || name
            .rsplit_once('.')
            .is_some_and(|(_, ext)| HASHED_TYPES.contains(&ext.to_ascii_lowercase().as_str()))
}

/// `path` with the start of the SHA-256 of `bytes` before its extension:
/// `tai-nguyen/style.css` → `tai-nguyen/style.3f2a9c1b.css`.
pub fn fingerprint(path: &str, bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let hash: String = digest
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<String>()
        .chars()
        .take(HASH_DIGITS)
        .collect();
    let (folder, file) = path.rsplit_once('/').map_or(("", path), |(f, n)| (f, n));
    let named = match file.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => format!("{stem}.{hash}.{ext}"),
        _ => format!("{file}.{hash}"),
    };
    if folder.is_empty() {
        named
    } else {
        format!("{folder}/{named}")
    }
}

/// Where each static file of the theme is published, from the site root.
#[derive(Clone, Default)]
pub struct Assets {
    by_name: BTreeMap<String, String>,
}

impl Assets {
    /// The published path of each of `statics` (by name under `static/`), in `folder`.
    pub fn new(folder: &str, statics: &BTreeMap<String, Vec<u8>>) -> Self {
        let by_name = statics
            .iter()
            .map(|(name, bytes)| {
                let plain = format!("{folder}/{name}");
                let published = if is_hashed(name) {
                    fingerprint(&plain, bytes)
                } else {
                    plain
                };
                (name.clone(), published)
            })
            .collect();
        Self { by_name }
    }

    /// The published path of the static file `name`, from the site root.
    pub fn path(&self, name: &str) -> Option<&str> {
        self.by_name.get(name).map(String::as_str)
    }

    /// Makes `asset(name="style.css")` known to the templates: the file's published path from
    /// the site root (templates put `site_root` before it). A name the theme does not have fails
    /// the build, naming it, rather than publishing a page whose stylesheet is missing.
    pub fn register(&self, tera: &mut Tera) {
        let assets = self.clone();
        tera.register_function("asset", move |args: &HashMap<String, Value>| {
            let name = args
                .get("name")
                .and_then(Value::as_str)
                .ok_or_else(|| tera::Error::msg("asset: give the file as name=\"style.css\""))?;
            assets
                .path(name)
                .map(|p| Value::String(p.to_string()))
                .ok_or_else(|| {
                    tera::Error::msg(format!(
                        "asset: the theme has no static/{name} (tệp static/{name} không có trong giao diện)"
                    ))
                })
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_goes_before_the_extension_and_follows_the_contents() {
        let a = fingerprint("tai-nguyen/style.css", b"body{}");
        let b = fingerprint("tai-nguyen/style.css", b"body{color:red}");
        assert!(
            a.starts_with("tai-nguyen/style.") && a.ends_with(".css"),
            "{a}"
        );
        assert_eq!(
            a.len(),
            "tai-nguyen/style.".len() + HASH_DIGITS + ".css".len()
        );
        assert_ne!(a, b);
        assert_eq!(a, fingerprint("tai-nguyen/style.css", b"body{}"));
        let index = fingerprint("tai-nguyen/chi-muc-tim-kiem.en.js", b"x");
        assert!(
            index.starts_with("tai-nguyen/chi-muc-tim-kiem.en."),
            "{index}"
        );
        assert!(index.ends_with(".js"), "{index}");
    }

    #[test]
    fn stylesheets_scripts_and_the_icon_are_hashed_fonts_and_images_are_not() {
        let statics: BTreeMap<String, Vec<u8>> = [
            "style.css",
            "tim-kiem.js",
            ICON,
            "logo.png",
            "phong/chu.woff2",
        ]
        .iter()
        .map(|n| (n.to_string(), n.as_bytes().to_vec()))
        .collect();
        let assets = Assets::new("tai-nguyen", &statics);
        for name in ["style.css", "tim-kiem.js", ICON] {
            let path = assets.path(name).unwrap();
            assert_ne!(path, format!("tai-nguyen/{name}"));
            assert!(path.starts_with("tai-nguyen/"), "{path}");
        }
        assert_eq!(assets.path("logo.png"), Some("tai-nguyen/logo.png"));
        assert_eq!(
            assets.path("phong/chu.woff2"),
            Some("tai-nguyen/phong/chu.woff2")
        );
        assert_eq!(assets.path("khong-co.css"), None);
    }
}
