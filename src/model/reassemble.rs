//! Assembling a site again after a change, as the preview does after every save: a round whose
//! folder did not change is taken as it was assembled, with its problems; the rest of the site
//! is assembled as [`super::assemble`] does it, so the site and problems are the same.
//!
//! A round is made from the files of its folder (its own file, its candidates and their photos,
//! its results) and the site's languages, and from nothing else, so a round whose folder holds
//! what it held, for the same languages, assembles to what it was. Its contests and status are
//! settled again with every other round's (`contest::resolve_site`), from its files.
//!
//! A round assembled again is compared with what it was, to tell the preview whether the change
//! shows beyond the round's own pages (see [`Shown`]).

use super::election::Round;
use super::language::Language;
use super::{Rounds, Site, assemble_round, assemble_with, parallel};
use crate::diagnostics::Diagnostic;
use crate::load::reload::Changes;
use crate::load::{RoundSources, Sources};
use std::collections::HashMap;

/// A site as last assembled, to be assembled again.
#[derive(Debug, Default)]
pub struct Assembled {
    pub site: Site,
    /// The languages its rounds were assembled for.
    languages: Vec<Language>,
    /// The problems of each round that assembled, by id.
    problems: HashMap<String, Vec<Diagnostic>>,
    /// Where what changed in the rounds since the assembly before shows.
    shown: Shown,
}

/// Where a change to rounds shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Shown {
    /// Only in the Markdown text of candidates (their bios, in any language), which only the
    /// candidates' own pages, their rounds' and communes' pages and the data files show: not
    /// the site's lists, home page or search.
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

    /// The site of `sources`, taking from `previous` the rounds whose folder is not among the
    /// `changes` since it was assembled.
    pub fn reassemble(
        previous: Option<Self>,
        sources: &Sources,
        changes: &Changes,
    ) -> (Self, Vec<Diagnostic>) {
        let assembled_before = previous.is_some();
        let Self {
            site,
            languages: before,
            problems: mut found_before,
            ..
        } = previous.unwrap_or_default();
        let mut kept: HashMap<String, _> = (site.rounds.into_iter())
            .map(|round| (round.id.clone(), round))
            .collect();
        let mut languages = Vec::new();
        let mut problems = HashMap::new();
        let mut shown = if assembled_before {
            Shown::InBios
        } else {
            Shown::Anywhere
        };
        let (site, found) = assemble_with(sources, |rounds, now| {
            languages = now.to_vec();
            let taken: Vec<_> = (rounds.iter())
                .map(|round| {
                    let same = now == before && !changes.touch(&round.rel_dir);
                    same.then(|| kept.remove(&round.id).zip(found_before.remove(&round.id)))
                        .flatten()
                })
                .collect();
            let again: Vec<&RoundSources> = (rounds.iter().zip(&taken))
                .filter(|(_, taken)| taken.is_none())
                .map(|(round, _)| round)
                .collect();
            let made = parallel::each_with_problems(&again, |round, problems| {
                assemble_round(round, now, problems)
            });
            for (round, (made, _)) in again.iter().zip(&made) {
                let was = kept.get(&round.id).filter(|_| now == before);
                let same = was
                    .zip(made.as_ref())
                    .is_some_and(|(was, made)| as_listed(was) == as_listed(made));
                if !same {
                    shown = Shown::Anywhere;
                }
            }
            // as many as were not taken, in their order
            let mut made = made.into_iter();
            let all: Rounds = (taken.into_iter())
                .map(|taken| match taken {
                    Some((round, found)) => (Some(round), found),
                    None => made.next().unwrap_or_default(),
                })
                .collect();
            for (round, found) in &all {
                if let Some(round) = round {
                    problems.insert(round.id.clone(), found.clone());
                }
            }
            all
        });
        let assembled = Self {
            site,
            languages,
            problems,
            shown,
        };
        (assembled, found)
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
