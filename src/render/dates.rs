//! The day each part of the content last changed (ngày cập nhật): what the feeds say in
//! `updated` and the sitemap in `lastmod`. Every day comes from the content (documents, records,
//! decisions, election days), never the clock, so the same content gives the same bytes.

use crate::model::Site;
use crate::model::date::Date;
use crate::model::document::Document;
use crate::model::election::Round;
use std::collections::HashMap;

/// The day a round's published results last changed: its latest record or decision, or
/// election day; nothing while no figures may be published.
pub fn results_day(round: &Round) -> Option<Date> {
    let counted: Vec<_> = round.contests.iter().filter_map(|c| c.counted()).collect();
    if counted.is_empty() {
        return None;
    }
    let records = counted
        .iter()
        .filter_map(|c| c.figures.bien_ban.as_ref().map(|b| b.ngay));
    let decisions = round
        .contests
        .iter()
        .filter(|c| c.counted().is_some())
        .filter_map(|c| c.decision.as_ref().and_then(|d| d.ngay));
    Some(
        records
            .chain(decisions)
            .max()
            .unwrap_or(round.data.ngay_bau_cu),
    )
}

/// The day each round and each commune or ward last changed, and the whole site: a round's
/// results or its latest document; a commune's documents (issued for it, or about one of its
/// rounds) and its rounds; everything. Found once for a build: asked page by page, walking every
/// document and round each time, they made the build grow with the square of the site. Nothing
/// for a round or commune announced with neither: a day taken from elsewhere would claim a
/// change that was not.
pub struct LastChanged {
    rounds: HashMap<String, Date>,
    communes: HashMap<String, Date>,
    /// Where in the site's list the documents that concern each commune or ward are (issued
    /// for it, or about one of its rounds), in the list's order.
    documents_of: HashMap<String, Vec<usize>>,
    site: Option<Date>,
    /// The first election day the site announces.
    first_election: Option<Date>,
}

impl LastChanged {
    pub fn new(site: &Site) -> Self {
        let commune_of: HashMap<String, String> = site
            .rounds
            .iter()
            .map(|r| (r.id.clone(), r.data.don_vi.clone()))
            .collect();
        let mut rounds: HashMap<String, Date> = HashMap::new();
        let mut communes: HashMap<String, Date> = HashMap::new();
        let later = |days: &mut HashMap<String, Date>, id: &str, day: Date| {
            let at = days.entry(id.to_string()).or_insert(day);
            *at = (*at).max(day);
        };
        for round in &site.rounds {
            if let Some(day) = results_day(round) {
                later(&mut rounds, &round.id, day);
            }
        }
        let mut documents_of: HashMap<String, Vec<usize>> = HashMap::new();
        for (at, d) in site.documents.iter().enumerate() {
            let day = d.data.ngay;
            if let Some(round) = d
                .data
                .bau_cu
                .as_deref()
                .filter(|r| commune_of.contains_key(*r))
            {
                later(&mut rounds, round, day);
            }
            let about = d.data.bau_cu.as_deref().and_then(|r| commune_of.get(r));
            for commune in d.data.don_vi.iter().chain(about) {
                later(&mut communes, commune, day);
                let listed = documents_of.entry(commune.clone()).or_default();
                // issued for the commune and about one of its rounds, it is listed once
                if listed.last() != Some(&at) {
                    listed.push(at);
                }
            }
        }
        for round in &site.rounds {
            if let Some(&day) = rounds.get(&round.id) {
                later(&mut communes, &round.data.don_vi, day);
            }
        }
        let documents = site.documents.iter().map(|d| d.data.ngay);
        Self {
            site: documents.chain(rounds.values().copied()).max(),
            first_election: site.rounds.iter().map(|r| r.data.ngay_bau_cu).min(),
            rounds,
            communes,
            documents_of,
        }
    }

    /// The last day a round's pages changed.
    pub fn round(&self, id: &str) -> Option<Date> {
        self.rounds.get(id).copied()
    }

    /// The last day anything of the commune or ward `id` changed.
    pub fn commune(&self, id: &str) -> Option<Date> {
        self.communes.get(id).copied()
    }

    /// The last day anything of the site changed.
    pub fn site(&self) -> Option<Date> {
        self.site
    }

    /// The day a feed with no entries gives as `updated`, which Atom requires: the site's last
    /// change, or before anything is published, the first election day the site announces.
    /// Nothing for a site with neither, which then has no feeds.
    pub fn feed(&self) -> Option<Date> {
        self.site.or(self.first_election)
    }

    /// The documents of `site`, the site this was made from, that concern the commune or ward
    /// `id` (issued for it, or about one of its rounds), in the site's order. Each commune's feed
    /// asks: a walk of all the documents for each made the whole country's feeds grow with the
    /// square of the site.
    pub fn documents_in<'s>(
        &self,
        site: &'s Site,
        id: &str,
    ) -> impl Iterator<Item = &'s Document> + use<'s, '_> {
        (self.documents_of.get(id).into_iter().flatten()).filter_map(|&at| site.documents.get(at))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_communes_documents_are_those_issued_for_it_or_about_its_rounds_once_each() {
        let site = crate::export::testing::example_site();
        let changed = LastChanged::new(&site);
        let mut listed = 0;
        for commune in &site.communes {
            let id = commune.id.as_str();
            let about_its_round = |d: &Document| {
                let round = d.data.bau_cu.as_deref().and_then(|r| site.round(r));
                round.is_some_and(|r| r.data.don_vi == id)
            };
            let expected: Vec<&str> = (site.documents.iter())
                .filter(|d| d.data.don_vi.as_deref() == Some(id) || about_its_round(d))
                .map(|d| d.slug.as_str())
                .collect();
            let found: Vec<&str> = (changed.documents_in(&site, id))
                .map(|d| d.slug.as_str())
                .collect();
            assert_eq!(found, expected, "{id}");
            listed += found.len();
        }
        let both = site.documents.iter().filter(|d| {
            let round = d.data.bau_cu.as_deref().and_then(|r| site.round(r));
            round.is_some_and(|r| d.data.don_vi.as_deref() == Some(r.data.don_vi.as_str()))
        });
        assert!(
            both.count() > 0,
            "a document both issued for a ward and about its round"
        );
        assert!(listed > 0);
        assert_eq!(changed.documents_in(&site, "no-such-commune").count(), 0);
    }
}
