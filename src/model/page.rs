//! Free pages (`trang/<slug>.md`): how to take part, contact details, anything else.

use serde::Deserialize;
use std::path::PathBuf;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageFile {
    #[serde(deserialize_with = "super::required::text")]
    pub tieu_de: String,
    /// Position in the footer menu; pages without it follow, by title.
    #[serde(default)]
    pub thu_tu: Option<u32>,
}

#[derive(Debug, Clone)]
pub struct Page {
    pub slug: String,
    pub file: PathBuf,
    pub body_line: usize,
    pub data: PageFile,
    pub body: String,
    /// In the site's other languages (`<slug>.en.md`).
    pub translations: Vec<super::translation::Translation<super::translation::PageTranslationFile>>,
}
