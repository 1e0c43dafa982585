//! The theme: the default one is built into the program (so a single `niemyet.exe` is enough),
//! and a site overrides it file by file from its own `theme/templates/` and `theme/static/`.

use crate::load::THEME_DIR;
use include_dir::{Dir, include_dir};
use std::collections::BTreeMap;
use std::path::Path;
use tera::Tera;

static DEFAULT_THEME: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

/// Templates and static files after overrides, by name.
pub struct Theme {
    pub tera: Tera,
    /// Static files by path under `static/` (e.g. `style.css`).
    pub statics: BTreeMap<String, Vec<u8>>,
}

impl Theme {
    pub fn load(content_root: &Path) -> Result<Self, String> {
        let mut templates: BTreeMap<String, String> = BTreeMap::new();
        let mut statics: BTreeMap<String, Vec<u8>> = BTreeMap::new();
        collect_embedded(&DEFAULT_THEME, &mut templates, &mut statics)?;
        let site_theme = content_root.join(THEME_DIR);
        if site_theme.is_dir() {
            collect_overrides(&site_theme, &mut templates, &mut statics)?;
        }
        let mut tera = Tera::default();
        tera.add_raw_templates(templates.iter().map(|(k, v)| (k.as_str(), v.as_str())))
            .map_err(|e| describe(&e))?;
        tera.autoescape_on(vec![".html"]);
        Ok(Self { tera, statics })
    }

    /// The stylesheet, for pages that must carry it inline (the 404 page).
    pub fn stylesheet(&self) -> String {
        self.statics
            .get("style.css")
            .map(|b| String::from_utf8_lossy(b).into_owned())
            .unwrap_or_default()
    }
}

fn collect_embedded(
    dir: &Dir<'_>,
    templates: &mut BTreeMap<String, String>,
    statics: &mut BTreeMap<String, Vec<u8>>,
) -> Result<(), String> {
    for file in dir.files() {
        let path = file.path().to_string_lossy().replace('\\', "/");
        if let Some(name) = path.strip_prefix("templates/") {
            let text = file
                .contents_utf8()
                .ok_or_else(|| format!("{path} is not UTF-8"))?;
            templates.insert(name.to_string(), text.to_string());
        } else if let Some(name) = path.strip_prefix("static/") {
            statics.insert(name.to_string(), file.contents().to_vec());
        }
    }
    for sub in dir.dirs() {
        collect_embedded(sub, templates, statics)?;
    }
    Ok(())
}

fn collect_overrides(
    root: &Path,
    templates: &mut BTreeMap<String, String>,
    statics: &mut BTreeMap<String, Vec<u8>>,
) -> Result<(), String> {
    for entry in walkdir::WalkDir::new(root).sort_by_file_name() {
        let entry = entry.map_err(|e| e.to_string())?;
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = entry
            .path()
            .strip_prefix(root)
            .map(|p| p.to_string_lossy().replace('\\', "/"))
            .unwrap_or_default();
        if let Some(name) = rel.strip_prefix("templates/") {
            let text = crate::fs::read_to_string(entry.path()).map_err(|e| e.to_string())?;
            templates.insert(name.to_string(), text);
        } else if let Some(name) = rel.strip_prefix("static/") {
            let bytes = crate::fs::read(entry.path()).map_err(|e| e.to_string())?;
            statics.insert(name.to_string(), bytes);
        }
    }
    Ok(())
}

/// Tera hides the cause of an error in its source chain; theme authors need all of it.
pub fn describe(e: &tera::Error) -> String {
    let mut text = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        text.push_str(": ");
        text.push_str(&s.to_string());
        source = s.source();
    }
    text
}
