//! The day each part of the content last changed (ngày cập nhật): what the feeds say in
//! `updated` and the sitemap in `lastmod`. Every day comes from the content (documents, records,
//! decisions, election days), never the clock, so the same content gives the same bytes.

use crate::model::Site;
use crate::model::date::Date;
use crate::model::document::Document;
use crate::model::election::Round;

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

/// Whether a document concerns the commune or ward `id`: issued for it, or about one of its
/// rounds.
pub fn in_commune(site: &Site, d: &Document, id: &str) -> bool {
    d.data.don_vi.as_deref() == Some(id)
        || d.data
            .bau_cu
            .as_deref()
            .and_then(|r| site.round(r))
            .is_some_and(|r| r.data.don_vi == id)
}

/// The last day a round's pages changed: its results or its latest document. Nothing for a
/// round announced with neither: a day taken from elsewhere would claim a change that was not.
pub fn round_day(site: &Site, round: &Round) -> Option<Date> {
    let documents = site
        .documents
        .iter()
        .filter(|d| d.data.bau_cu.as_deref() == Some(round.id.as_str()))
        .map(|d| d.data.ngay);
    documents.chain(results_day(round)).max()
}

/// The last day anything of the commune or ward `id` changed: its documents and its rounds.
pub fn commune_day(site: &Site, id: &str) -> Option<Date> {
    let documents = site
        .documents
        .iter()
        .filter(|d| in_commune(site, d, id))
        .map(|d| d.data.ngay);
    let rounds = site
        .rounds
        .iter()
        .filter(|r| r.data.don_vi == id)
        .filter_map(|r| round_day(site, r));
    documents.chain(rounds).max()
}

/// The last day anything of the site changed.
pub fn site_day(site: &Site) -> Option<Date> {
    let documents = site.documents.iter().map(|d| d.data.ngay);
    let rounds = site.rounds.iter().filter_map(|r| round_day(site, r));
    documents.chain(rounds).max()
}

/// The day a feed with no entries gives as `updated`, which Atom requires: the site's last
/// change, or before anything is published, the first election day the site announces. Nothing
/// for a site with neither, which then has no feeds.
pub fn feed_day(site: &Site) -> Option<Date> {
    site_day(site).or_else(|| site.rounds.iter().map(|r| r.data.ngay_bau_cu).min())
}
