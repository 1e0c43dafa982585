//! Assembling a site again after a change, as the preview does after every save: a round whose
//! folder did not change is taken as it was assembled, with its problems; the rest of the site
//! is assembled as [`super::assemble`] does it, so the site and problems are the same.
//!
//! A round is made from the files of its folder (its own file, its candidates and their photos,
//! its results) and the site's languages, and from nothing else, so a round whose folder holds
//! what it held, for the same languages, assembles to what it was. Its contests and status are
//! settled again with every other round's (`contest::resolve_site`), from its files.

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
}

impl Assembled {
    /// The site of `sources`, taking from `previous` the rounds whose folder is not among the
    /// `changes` since it was assembled.
    pub fn reassemble(
        previous: Option<Self>,
        sources: &Sources,
        changes: &Changes,
    ) -> (Self, Vec<Diagnostic>) {
        let Self {
            site,
            languages: before,
            problems: mut found_before,
        } = previous.unwrap_or_default();
        let mut kept: HashMap<String, _> = (site.rounds.into_iter())
            .map(|round| (round.id.clone(), round))
            .collect();
        let mut languages = Vec::new();
        let mut problems = HashMap::new();
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
            let mut made = parallel::each_with_problems(&again, |round, problems| {
                assemble_round(round, now, problems)
            })
            .into_iter();
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
        };
        (assembled, found)
    }
}
