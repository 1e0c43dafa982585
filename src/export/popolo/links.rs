//! Where Popolo's `links` and `sources` point: pages of the site, addressed absolutely when the
//! site's web address (`dia_chi_web`) is set, else relative to `du-lieu/popolo.json`, the way the
//! catalogue addresses data files.

use crate::model::Site;
use crate::model::document::Document;
use crate::model::election::Round;
use crate::render::urls;
use serde::Serialize;
use std::collections::{BTreeSet, HashMap};

/// A Popolo link or source: `{url, note}`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Link {
    pub url: String,
    pub note: String,
}

/// Addresses of the site's pages, as Popolo names them.
pub struct Addresses<'s> {
    site: &'s Site,
    base: Option<String>,
    /// The documents by slug, the first of two with one slug (which validation reports) as
    /// [`Site::document`] finds it. Every person and membership asks for documents by slug, and
    /// a walk of the whole country's 14,537 documents for each of them took most of a minute.
    documents: HashMap<&'s str, &'s Document>,
    /// The slugs of the documents that name each round (`bau_cu`), by round id.
    naming: HashMap<&'s str, Vec<&'s str>>,
}

impl<'s> Addresses<'s> {
    pub fn new(site: &'s Site) -> Self {
        let mut documents = HashMap::with_capacity(site.documents.len());
        let mut naming: HashMap<&str, Vec<&str>> = HashMap::new();
        for d in &site.documents {
            documents.entry(d.slug.as_str()).or_insert(d);
            if let Some(round) = &d.data.bau_cu {
                naming
                    .entry(round.as_str())
                    .or_default()
                    .push(d.slug.as_str());
            }
        }
        Self {
            site,
            base: site.config.dia_chi_web.as_deref().map(urls::base),
            documents,
            naming,
        }
    }

    /// The page at `path` (from the site root), with `note` saying what it is.
    pub fn link(&self, path: &str, note: impl Into<String>) -> Link {
        let url = match &self.base {
            Some(base) => urls::absolute(base, path),
            None => format!("../{}", urls::encode(path)),
        };
        Link {
            url,
            note: note.into(),
        }
    }

    /// A published document (văn bản) of the site, by its slug, titled as it is.
    pub fn document(&self, slug: &str) -> Option<Link> {
        let doc = self.documents.get(slug)?;
        let title = match &doc.data.so_hieu {
            Some(number) => format!("{number}: {}", doc.data.tieu_de),
            None => doc.data.tieu_de.clone(),
        };
        Some(self.link(&urls::document(slug), title))
    }

    /// The site's home page, the source of what no document backs.
    pub fn site(&self) -> Link {
        self.link(urls::HOME, self.site.config.ten.clone())
    }

    /// What the round's facts come from: the documents of its preparation steps and those that
    /// name the round (`bau_cu`), by slug; the site itself when it publishes none.
    pub fn round_sources(&self, round: &Round) -> Vec<Link> {
        let steps = &round.data.cac_buoc;
        let slugs: BTreeSet<&str> = [&steps.quyet_dinh, &steps.to_bau_cu, &steps.niem_yet]
            .into_iter()
            .flatten()
            .filter_map(|step| step.van_ban.as_deref())
            .chain(
                self.naming
                    .get(round.id.as_str())
                    .into_iter()
                    .flatten()
                    .copied(),
            )
            .collect();
        let found: Vec<Link> = slugs.into_iter().filter_map(|s| self.document(s)).collect();
        if found.is_empty() {
            vec![self.site()]
        } else {
            found
        }
    }
}
