//! Translations (bản dịch) of documents, free pages and candidates: a sibling file named with the language
//! before `.md` (`nghi-quyet-dong-ky.en.md` beside `nghi-quyet-dong-ky.md`). It holds the words in
//! that language; the number, dates, links and attachments stay the original's, so a translation
//! can never contradict the record it translates.

use super::language::Language;
use super::parallel;
use super::text::closest;
use crate::diagnostics::{Bilingual, Diagnostic};
use crate::load::{SourceFile, front_matter};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use std::collections::HashMap;
use std::path::PathBuf;

/// Front matter of a document's translation.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentTranslationFile {
    #[serde(deserialize_with = "super::required::text")]
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
    #[serde(deserialize_with = "super::required::text")]
    pub tieu_de: String,
}

/// A translation after loading.
#[derive(Debug, Clone)]
pub struct Translation<T> {
    pub language: Language,
    pub file: PathBuf,
    pub body_line: usize,
    pub data: T,
    pub body: String,
}

/// The original's slug and the language of a translation's file stem: `nghi-quyet.en` →
/// (`nghi-quyet`, `en`). `None` for an original.
pub fn split_stem(stem: &str) -> Option<(&str, Language)> {
    let (slug, language) = stem.rsplit_once('.')?;
    Some((slug, Language::parse(language)?))
}

/// The translation in `language`, if there is one.
pub fn find<T>(translations: &[Translation<T>], language: Language) -> Option<&Translation<T>> {
    translations.iter().find(|t| t.language == language)
}

/// What is not yet written in one of the site's other languages, by source file (what
/// `niemyet check` lists, so that a translator knows what is left).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Untranslated {
    pub language: Language,
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
        .map(|&language| {
            let mut files: Vec<PathBuf> = Vec::new();
            // only English has fields of its own in the content (`_en`)
            let english = language == Language::En;
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
            Untranslated { language, files }
        })
        .collect()
}

/// The files of a folder that are translations (`<slug>.<language>.md`), with their original's
/// slug and language, and the others.
pub(super) type Source<'a> = (&'a SourceFile, &'a str, Language);

pub(super) fn split(files: &[SourceFile]) -> (Vec<Source<'_>>, Vec<&SourceFile>) {
    let mut translations = Vec::new();
    let mut originals = Vec::new();
    for file in files {
        let name = file
            .rel
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        match split_stem(name) {
            Some((slug, language)) => translations.push((file, slug, language)),
            None => originals.push(file),
        }
    }
    (translations, originals)
}

/// A translation whose language is one of the site's others and whose original exists (is
/// `known` among `originals`).
fn assemble<T: DeserializeOwned>(
    file: &SourceFile,
    slug: &str,
    language: Language,
    languages: &[Language],
    originals: &[String],
    known: bool,
    problems: &mut Vec<Diagnostic>,
) -> Option<Translation<T>> {
    if !languages.contains(&language) || languages.first() == Some(&language) {
        // a language taken off the list keeps its files for later: not an error, not published
        let others: Vec<&str> = languages.iter().skip(1).map(Language::code).collect();
        let others = others.join(", ");
        problems.push(
            Diagnostic::warning(
                &file.rel,
                Bilingual::new(
                    format!("Tệp dịch sang ngôn ngữ “{language}”, nhưng “{language}” không có trong ngon_ngu (cau-hinh.yaml) nên bản dịch không được đăng."),
                    format!("The file translates into “{language}”, which is not in ngon_ngu (cau-hinh.yaml), so the translation is not published."),
                ),
            )
            .hint(Bilingual::new(
                format!("Thêm “{language}” vào ngon_ngu, hoặc đặt tên tệp theo một ngôn ngữ khác của cổng ({others})."),
                format!("Add “{language}” to ngon_ngu, or name the file after another language of the portal ({others})."),
            )),
        );
        return None;
    }
    if !known {
        let hint = match closest(slug, originals.iter().map(String::as_str)) {
            Some(near) => Bilingual::new(
                format!(
                    "Có phải đây là bản dịch của “{near}.md”? Đổi tên tệp thành “{near}.{language}.md”."
                ),
                format!(
                    "Is it the translation of “{near}.md”? Rename the file to “{near}.{language}.md”."
                ),
            ),
            None => Bilingual::new(
                format!("Đặt bản dịch cạnh tệp gốc, cùng tên, thêm “.{language}” trước “.md”."),
                format!(
                    "Put the translation beside its original, with its name and “.{language}” before “.md”."
                ),
            ),
        };
        problems.push(
            Diagnostic::error(
                &file.rel,
                Bilingual::new(
                    format!("Không có tệp gốc “{slug}.md” cho bản dịch này."),
                    format!("There is no original “{slug}.md” for this translation."),
                ),
            )
            .hint(hint),
        );
        return None;
    }
    match front_matter::parse::<T>(file) {
        Ok(p) => Some(Translation {
            language,
            file: file.rel.clone(),
            body_line: p.body_line,
            data: p.data,
            body: p.body,
        }),
        Err(d) => {
            problems.extend(d);
            None
        }
    }
}

/// Reads the translations of `originals` from `sources` and gives each to its original: those
/// in a language of the site (not the default) whose original exists; the others are reported.
pub(super) fn attach<T: DeserializeOwned + Send, O>(
    sources: Vec<Source<'_>>,
    originals: &mut [O],
    slug: impl Fn(&O) -> &String,
    translations: impl Fn(&mut O) -> &mut Vec<Translation<T>>,
    languages: &[Language],
    problems: &mut Vec<Diagnostic>,
) {
    let slugs: Vec<String> = originals.iter().map(|o| slug(o).clone()).collect();
    // the first original of each slug, as a search from the start finds it: thousands of
    // documents each with a translation would otherwise search all the others
    let mut first: HashMap<&str, usize> = HashMap::new();
    for (i, s) in slugs.iter().enumerate() {
        first.entry(s.as_str()).or_insert(i);
    }
    let read = parallel::each_with_problems(&sources, |&(file, of, language), problems| {
        let known = first.contains_key(of);
        assemble::<T>(file, of, language, languages, &slugs, known, problems)
    });
    for ((_, of, _), (t, found)) in sources.iter().zip(read) {
        problems.extend(found);
        if let (Some(t), Some(&i)) = (t, first.get(of)) {
            translations(&mut originals[i]).push(t);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_translation_is_named_by_its_language() {
        assert_eq!(
            split_stem("nghi-quyet-dong-ky.en"),
            Some(("nghi-quyet-dong-ky", Language::En))
        );
        assert_eq!(split_stem("nghi-quyet-dong-ky"), None);
        assert_eq!(split_stem("ban.2024"), None);
        assert_eq!(split_stem("a.EN"), None);
    }
}
