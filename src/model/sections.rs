//! The four sections of a site, each made from files of its own and the site's languages alone:
//! the communes from `don-vi/`, the rounds each from its folder in `bau-cu/`, the documents from
//! `van-ban/` and the pages from `trang/`. So a section whose files did not change is what it
//! was, and the preview takes it as it was (see `reassemble`).

use super::division::Commune;
use super::document::Document;
use super::election::Round;
use super::language::Language;
use super::page::Page;
use super::{
    assemble_commune, assemble_document, assemble_page, assemble_round, duplicate, parallel, text,
    translation,
};
use crate::diagnostics::Diagnostic;
use crate::load::{RoundSources, SourceFile};
use std::collections::HashMap;
use std::path::PathBuf;

/// What a section holds, in the site's order, and the problems met making it.
pub(super) type Section<T> = (Vec<T>, Vec<Diagnostic>);

/// Each round and its problems, in the order of its sources.
pub(super) type Rounds = Vec<(Option<Round>, Vec<Diagnostic>)>;

/// How a site's sections are made from their files: [`FromFiles`] makes each; the preview takes
/// those whose files did not change as they were.
pub(super) trait Sections {
    fn communes(&mut self, files: &[SourceFile]) -> Section<Commune>;
    fn rounds(&mut self, rounds: &[RoundSources], languages: &[Language]) -> Rounds;
    fn documents(&mut self, files: &[SourceFile], languages: &[Language]) -> Section<Document>;
    fn pages(&mut self, files: &[SourceFile], languages: &[Language]) -> Section<Page>;
}

/// The rounds of these folders, for the site's languages.
pub(super) fn rounds_of(rounds: &[&RoundSources], languages: &[Language]) -> Rounds {
    parallel::each_with_problems(rounds, |round, problems| {
        assemble_round(round, languages, problems)
    })
}

/// Every section made from its files.
pub(super) struct FromFiles;

impl Sections for FromFiles {
    /// Sorted by id; a second commune with an id is reported.
    fn communes(&mut self, files: &[SourceFile]) -> Section<Commune> {
        let mut communes = Vec::new();
        let mut problems = Vec::new();
        for (commune, found) in parallel::each_with_problems(files, assemble_commune) {
            problems.extend(found);
            communes.extend(commune);
        }
        let mut seen = HashMap::new();
        for c in &communes {
            if let Some(first) = seen.insert(c.id.clone(), c.file.clone()) {
                problems.push(duplicate(&c.file, None, "don_vi", &c.id, &first));
            }
        }
        communes.sort_by(|a, b| a.id.cmp(&b.id));
        (communes, problems)
    }

    fn rounds(&mut self, rounds: &[RoundSources], languages: &[Language]) -> Rounds {
        let all: Vec<&RoundSources> = rounds.iter().collect();
        rounds_of(&all, languages)
    }

    /// Newest first, with their translations; a second document with a slug is reported and
    /// left out.
    fn documents(&mut self, files: &[SourceFile], languages: &[Language]) -> Section<Document> {
        let (translations, files) = translation::split(files);
        let mut documents = Vec::new();
        let mut problems = Vec::new();
        let mut seen: HashMap<String, PathBuf> = HashMap::new();
        for (doc, found) in
            parallel::each_with_problems(&files, |file, problems| assemble_document(file, problems))
        {
            problems.extend(found);
            if let Some(doc) = doc {
                if let Some(first) = seen.insert(doc.slug.clone(), doc.file.clone()) {
                    problems.push(duplicate(&doc.file, Some(1), "van_ban", &doc.slug, &first));
                    continue;
                }
                documents.push(doc);
            }
        }
        documents.sort_by(|a, b| (b.data.ngay, &a.slug).cmp(&(a.data.ngay, &b.slug)));
        translation::attach(
            translations,
            &mut documents,
            |d| &d.slug,
            |d| &mut d.translations,
            languages,
            &mut problems,
        );
        (documents, problems)
    }

    /// In menu order, with their translations.
    fn pages(&mut self, files: &[SourceFile], languages: &[Language]) -> Section<Page> {
        let (translations, files) = translation::split(files);
        let mut pages = Vec::new();
        let mut problems = Vec::new();
        for (page, found) in parallel::each_with_problems(&files, |file, problems| {
            assemble_page(file, languages, problems)
        }) {
            problems.extend(found);
            pages.extend(page);
        }
        translation::attach(
            translations,
            &mut pages,
            |p| &p.slug,
            |p| &mut p.translations,
            languages,
            &mut problems,
        );
        pages.sort_by_cached_key(|p| {
            (
                p.data.thu_tu.unwrap_or(u32::MAX),
                text::sort_key(&p.data.tieu_de),
            )
        });
        (pages, problems)
    }
}
