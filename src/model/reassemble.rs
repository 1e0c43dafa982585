//! Assembling a site again after a change, as the preview does after every save: a section
//! whose files did not change (the communes, the documents, the pages, each round) is taken as
//! it was assembled, with its problems; the rest is assembled as [`super::assemble`] does it, so
//! the site and problems are the same.
//!
//! Each section is made from the files of its own folder and the site's languages, and from
//! nothing else (see `sections`): one whose folder holds what it held, for the same languages,
//! assembles to what it was. The rounds' contests and status are settled again with every other
//! round's (`contest::resolve_site`), from their files.
//!
//! A round assembled again is compared with what it was, to tell the preview whether the change
//! shows beyond the round's own pages (see [`Shown`]).

use super::division::Commune;
use super::document::Document;
use super::election::Round;
use super::language::Language;
use super::page::Page;
use super::sections::{FromFiles, Rounds, Section, Sections, rounds_of};
use super::{Site, assemble_with};
use crate::diagnostics::Diagnostic;
use crate::load::reload::Changes;
use crate::load::{self, RoundSources, SourceFile, Sources};
use std::collections::{HashMap, HashSet};
use std::path::Path;

/// A site as last assembled, to be assembled again.
#[derive(Debug, Default)]
pub struct Assembled {
    pub site: Site,
    /// The languages its sections were assembled for.
    languages: Vec<Language>,
    /// The problems of each round that assembled, by id.
    problems: HashMap<String, Vec<Diagnostic>>,
    /// The problems of the communes, documents and pages.
    sections: [Vec<Diagnostic>; 3],
    /// Where what changed in the rounds since the assembly before shows.
    shown: Shown,
    /// What was taken as it was from the assembly before.
    kept: Kept,
}

/// A part of a site assembled as one, as validation's memo knows it: a commune, document or page
/// by its place in its section (taken whole or made again), a round by its id.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Unit {
    Commune(usize),
    Round(String),
    Document(usize),
    Page(usize),
}

/// What an assembly took as it was from the one before: what was found in those parts at the
/// check before holds for them still.
#[derive(Debug, Default)]
pub struct Kept {
    communes: bool,
    rounds: HashSet<String>,
    documents: bool,
    pages: bool,
}

impl Kept {
    /// Rounds `ids` taken as they were, and nothing else.
    #[cfg(test)]
    pub(crate) fn rounds(ids: &[&str]) -> Self {
        Self {
            rounds: ids.iter().map(|id| id.to_string()).collect(),
            ..Self::default()
        }
    }

    /// Whether `unit` is as it was at the assembly before.
    pub fn holds(&self, unit: &Unit) -> bool {
        match unit {
            Unit::Commune(_) => self.communes,
            Unit::Round(id) => self.rounds.contains(id),
            Unit::Document(_) => self.documents,
            Unit::Page(_) => self.pages,
        }
    }
}

/// Where a change to rounds shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Shown {
    /// Only in the Markdown text of candidates (their bios, in any language), which only the
    /// candidates' own pages show: not the data files, the site's lists, home page or search.
    InBios,
    /// Anywhere, as far as is known.
    #[default]
    Anywhere,
}

impl Shown {
    /// Where two changes, one after the other, show.
    pub fn and(self, other: Self) -> Self {
        if self == Self::InBios && other == Self::InBios {
            Self::InBios
        } else {
            Self::Anywhere
        }
    }
}

impl Assembled {
    /// Where what changed in the rounds since the assembly before shows (`Anywhere` when the
    /// site was assembled from nothing).
    pub fn shown(&self) -> Shown {
        self.shown
    }

    /// What was taken as it was from the assembly before (nothing when there was none).
    pub fn kept(&self) -> &Kept {
        &self.kept
    }

    /// The site of `sources`, taking from `previous` the sections whose files are not among the
    /// `changes` since it was assembled.
    pub fn reassemble(
        previous: Option<Self>,
        sources: &Sources,
        changes: &Changes,
    ) -> (Self, Vec<Diagnostic>) {
        let mut reuse = match previous {
            Some(previous) => Reuse::of(previous, changes),
            None => Reuse::nothing(changes),
        };
        let (site, found) = assemble_with(sources, &mut reuse);
        let assembled = Self {
            site,
            languages: reuse.languages,
            problems: reuse.problems,
            sections: reuse.sections,
            shown: reuse.shown,
            kept: reuse.kept,
        };
        (assembled, found)
    }
}

/// The sections of the site assembled before, taken where their files did not change; and what
/// this assembly found, to be kept for the next.
struct Reuse<'a> {
    changes: &'a Changes,
    /// The site's languages then, and its sections; each is taken once.
    before: Vec<Language>,
    communes: Option<Section<Commune>>,
    rounds: HashMap<String, (Round, Vec<Diagnostic>)>,
    documents: Option<Section<Document>>,
    pages: Option<Section<Page>>,
    /// This assembly's languages, rounds' problems and sections' problems.
    languages: Vec<Language>,
    problems: HashMap<String, Vec<Diagnostic>>,
    sections: [Vec<Diagnostic>; 3],
    shown: Shown,
    kept: Kept,
}

impl<'a> Reuse<'a> {
    fn nothing(changes: &'a Changes) -> Self {
        Self {
            changes,
            before: Vec::new(),
            communes: None,
            rounds: HashMap::new(),
            documents: None,
            pages: None,
            languages: Vec::new(),
            problems: HashMap::new(),
            sections: Default::default(),
            shown: Shown::Anywhere,
            kept: Kept::default(),
        }
    }

    fn of(previous: Assembled, changes: &'a Changes) -> Self {
        let Assembled {
            site,
            languages,
            mut problems,
            sections: [communes, documents, pages],
            ..
        } = previous;
        let rounds = (site.rounds.into_iter())
            .filter_map(|round| {
                let found = problems.remove(&round.id)?;
                Some((round.id.clone(), (round, found)))
            })
            .collect();
        Self {
            before: languages,
            communes: Some((site.communes, communes)),
            rounds,
            documents: Some((site.documents, documents)),
            pages: Some((site.pages, pages)),
            shown: Shown::InBios,
            ..Self::nothing(changes)
        }
    }

    /// A section as it was, if its folder did not change, nor the languages it was made for
    /// (`None`: it is the same in any).
    fn take<T>(
        &self,
        section: Option<Section<T>>,
        folder: &str,
        languages: Option<&[Language]>,
    ) -> Option<Section<T>> {
        let same = !self.changes.touch(Path::new(folder))
            && languages.is_none_or(|now| now == self.before);
        section.filter(|_| same)
    }
}

impl Sections for Reuse<'_> {
    fn communes(&mut self, files: &[SourceFile]) -> Section<Commune> {
        let before = self.communes.take();
        let taken = self.take(before, load::DIVISIONS_DIR, None);
        self.kept.communes = taken.is_some();
        let made = taken.unwrap_or_else(|| FromFiles.communes(files));
        self.sections[0].clone_from(&made.1);
        made
    }

    fn rounds(&mut self, rounds: &[RoundSources], languages: &[Language]) -> Rounds {
        self.languages = languages.to_vec();
        let same_languages = self.languages == self.before;
        let taken: Vec<_> = (rounds.iter())
            .map(|round| {
                let same = same_languages && !self.changes.touch(&round.rel_dir);
                same.then(|| self.rounds.remove(&round.id)).flatten()
            })
            .collect();
        let again: Vec<&RoundSources> = (rounds.iter().zip(&taken))
            .filter(|(_, taken)| taken.is_none())
            .map(|(round, _)| round)
            .collect();
        let made = rounds_of(&again, languages);
        for (round, (made, _)) in again.iter().zip(&made) {
            let was = (self.rounds.get(&round.id)).filter(|_| same_languages);
            let same = was
                .zip(made.as_ref())
                .is_some_and(|((was, _), made)| as_listed(was) == as_listed(made));
            if !same {
                self.shown = Shown::Anywhere;
            }
        }
        // as many as were not taken, in their order
        let mut made = made.into_iter();
        let all: Rounds = (taken.into_iter())
            .map(|taken| match taken {
                Some((round, found)) => {
                    self.kept.rounds.insert(round.id.clone());
                    (Some(round), found)
                }
                None => made.next().unwrap_or_default(),
            })
            .collect();
        for (round, found) in &all {
            if let Some(round) = round {
                self.problems.insert(round.id.clone(), found.clone());
            }
        }
        all
    }

    fn documents(&mut self, files: &[SourceFile], languages: &[Language]) -> Section<Document> {
        let before = self.documents.take();
        let taken = self.take(before, load::DOCUMENTS_DIR, Some(languages));
        self.kept.documents = taken.is_some();
        let made = taken.unwrap_or_else(|| FromFiles.documents(files, languages));
        self.sections[1].clone_from(&made.1);
        made
    }

    fn pages(&mut self, files: &[SourceFile], languages: &[Language]) -> Section<Page> {
        let before = self.pages.take();
        let taken = self.take(before, load::PAGES_DIR, Some(languages));
        self.kept.pages = taken.is_some();
        let made = taken.unwrap_or_else(|| FromFiles.pages(files, languages));
        self.sections[2].clone_from(&made.1);
        made
    }
}

/// A round as what lists and search show of it: without its candidates' Markdown text and the
/// lines it starts on, nor what `contest::resolve_site` settles from the rest of the round.
fn as_listed(round: &Round) -> String {
    let mut round = round.clone();
    round.contests.clear();
    round.status = round.data.trang_thai;
    for candidate in &mut round.candidates {
        candidate.bio.clear();
        candidate.body_line = 0;
        for translation in &mut candidate.translations {
            translation.body.clear();
            translation.body_line = 0;
        }
    }
    // the model has no maps whose order could differ: equal rounds print alike
    format!("{round:?}")
}
