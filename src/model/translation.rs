//! Translations (bản dịch) of documents and free pages: a sibling file named with the language
//! before `.md` (`nghi-quyet-dong-ky.en.md` beside `nghi-quyet-dong-ky.md`). It holds the words in
//! that language; the number, dates, links and attachments stay the original's, so a translation
//! can never contradict the record it translates.

use serde::Deserialize;
use std::path::PathBuf;

/// Front matter of a document's translation.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentTranslationFile {
    pub tieu_de: String,
    #[serde(default)]
    pub co_quan: Option<String>,
    #[serde(default)]
    pub tham_quyen_ky: Option<String>,
    #[serde(default)]
    pub chuc_vu_ky: Option<String>,
    /// The legal bases in the original's order, as cited in this language; their links are the
    /// original's.
    #[serde(default)]
    pub can_cu: Vec<String>,
    #[serde(default)]
    pub noi_nhan: Vec<String>,
    /// Who translated it (người dịch), shown with the translation.
    #[serde(default)]
    pub nguoi_dich: Option<String>,
}

/// Front matter of a candidate's translation: the words of the public facts that are free
/// text, and the bio as its body. The facts that are values (birth year, levels, membership) are
/// the original's.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CandidateTranslationFile {
    #[serde(default)]
    pub nghe_nghiep: Option<String>,
    #[serde(default)]
    pub chuyen_nganh: Option<String>,
    #[serde(default)]
    pub ton_giao: Option<String>,
    #[serde(default)]
    pub dan_toc: Option<String>,
}

/// Front matter of a free page's translation.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageTranslationFile {
    pub tieu_de: String,
}

/// A translation after loading.
#[derive(Debug, Clone)]
pub struct Translation<T> {
    /// `en`.
    pub language: String,
    pub file: PathBuf,
    pub body_line: usize,
    pub data: T,
    pub body: String,
}

/// The original's slug and the language of a translation's file stem: `nghi-quyet.en` →
/// (`nghi-quyet`, `en`). `None` for an original.
pub fn split_stem(stem: &str) -> Option<(&str, &str)> {
    let (slug, language) = stem.rsplit_once('.')?;
    super::config::is_language_code(language).then_some((slug, language))
}

/// The translation in `language`, if there is one.
pub fn find<'a, T>(
    translations: &'a [Translation<T>],
    language: &str,
) -> Option<&'a Translation<T>> {
    translations.iter().find(|t| t.language == language)
}

/// What is not yet written in one of the site's other languages, by source file (what
/// `niemyet check` lists, so that a translator knows what is left).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Untranslated {
    pub language: String,
    /// Source files, relative to the content folder, in a stable order.
    pub files: Vec<PathBuf>,
}

/// For each language but the default: the documents, free pages and candidate bios without a
/// translation, the
/// rounds whose introduction or reason has no English version and the configuration's
/// introduction. Pages made from records alone (results, lists) need no translation.
pub fn untranslated(site: &super::Site) -> Vec<Untranslated> {
    let languages = site.config.languages();
    languages
        .iter()
        .skip(1)
        .map(|language| {
            let mut files: Vec<PathBuf> = Vec::new();
            let english = *language == "en";
            let c = &site.config;
            if c.gioi_thieu.is_some() && !(english && c.gioi_thieu_en.is_some()) {
                files.push(PathBuf::from(crate::load::CONFIG_FILE));
            }
            for round in &site.rounds {
                let d = &round.data;
                let missing = (d.gioi_thieu.is_some() && !(english && d.gioi_thieu_en.is_some()))
                    || (d.tieu_de.is_some() && !(english && d.tieu_de_en.is_some()))
                    || (d.ly_do.is_some() && !(english && d.ly_do_en.is_some()));
                if missing {
                    files.push(round.file.clone());
                }
            }
            for round in &site.rounds {
                for cand in &round.candidates {
                    let has_bio = !cand.bio.trim().is_empty();
                    if has_bio && find(&cand.translations, language).is_none() {
                        files.push(cand.file.clone());
                    }
                }
            }
            for d in &site.documents {
                if find(&d.translations, language).is_none() {
                    files.push(d.file.clone());
                }
            }
            for p in &site.pages {
                if find(&p.translations, language).is_none() {
                    files.push(p.file.clone());
                }
            }
            files.sort();
            Untranslated {
                language: (*language).to_string(),
                files,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_translation_is_named_by_its_language() {
        assert_eq!(
            split_stem("nghi-quyet-dong-ky.en"),
            Some(("nghi-quyet-dong-ky", "en"))
        );
        assert_eq!(split_stem("nghi-quyet-dong-ky"), None);
        assert_eq!(split_stem("ban.2024"), None);
        assert_eq!(split_stem("a.EN"), None);
    }
}
