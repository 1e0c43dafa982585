//! The parts a site is rendered in, and which of them a change to a content file touches.

use super::dates::LastChanged;
use super::locale::Locale;
use super::theme::{LoadedTheme, Theme};
use super::views::SiteView;
use super::{Renderer, Scope, feeds, pages, urls};
use crate::export::catalogue::Listed;
use crate::model::Site;
use crate::model::date::Date;
use crate::model::reassemble::Shown;
use crate::write::{Contents, OutputFile};
use rayon::prelude::*;
use std::collections::BTreeMap;
use tera::Context;

/// Loads the site's theme, ready to render with: `check` has reported its problems already, and
/// a build only goes on without errors.
pub fn theme(site: &Site) -> Result<Theme, String> {
    LoadedTheme::load(&site.root, site.config.languages()).into_theme()
}

/// A part of the site that renders on its own. Each names the language (by its place in the
/// site's languages, the default first) its pages are in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Part {
    /// The home page, the list of rounds and the results overview.
    Front(usize),
    /// A round (cuộc bầu cử) with its lists, contests and candidates: the round's place in
    /// `Site::rounds`.
    Round(usize, usize),
    /// The archive of documents.
    Archive(usize),
    /// A document (văn bản) and its attachments: its place in `Site::documents`.
    Document(usize, usize),
    /// The list of communes and wards.
    Communes(usize),
    /// A commune or ward (xã, phường) with its villages: its place in `Site::communes`.
    Commune(usize, usize),
    /// Search, the about page, the pages staff wrote, and the 404 page.
    Back(usize),
    /// A round's data files (dữ liệu mở), in no language of their own: its place in
    /// `Site::rounds`.
    Data(usize),
}

/// What a part rendered: its files, the day each of its pages last changed (for the sitemap), by
/// path from the site root, and its data files as the catalogue lists them.
#[derive(Debug, Default)]
pub struct Rendered {
    pub files: Vec<OutputFile>,
    pub days: BTreeMap<String, Date>,
    pub listed: Vec<Listed>,
}

/// A site with its theme and languages, ready to render part by part.
pub struct Parts<'a> {
    site: &'a Site,
    theme: &'a Theme,
    /// Every language of the site, the default first.
    locales: Vec<Locale<'a>>,
    /// The site as each language's pages show it.
    site_views: Vec<SiteView>,
    /// The values every page of each language has.
    shared: Vec<Context>,
    /// The site's web address (`dia_chi_web`), for `rel=canonical` and absolute alternates.
    base: Option<String>,
    /// Whether the site has feeds, which its pages then announce.
    feeds: bool,
    /// The day each round, commune and the site last changed.
    changed: LastChanged,
}

impl<'a> Parts<'a> {
    pub fn new(site: &'a Site, theme: &'a Theme) -> Result<Self, String> {
        let locales = site
            .config
            .languages()
            .iter()
            .enumerate()
            .map(|(i, language)| {
                theme
                    .strings(*language)
                    .map(|strings| Locale::new(*language, i == 0, strings))
                    .ok_or_else(|| format!("no interface strings for `{language}`"))
            })
            .collect::<Result<Vec<_>, String>>()?;
        let site_views: Vec<SiteView> = locales.iter().map(|l| SiteView::new(site, l)).collect();
        let changed = LastChanged::new(site);
        let feeds = feeds::made(site, &changed);
        let shared = locales
            .iter()
            .zip(&site_views)
            .map(|(l, view)| {
                let mut ctx = Context::new();
                ctx.insert("site", view);
                ctx.insert("feed_url", &feeds.then(|| feeds::feed_of(&l.prefix)));
                ctx.insert("lang", &l.language);
                // the language of what staff wrote without a translation: templates mark it
                ctx.insert("content_lang", &site.config.default_language());
                ctx.insert("t", l.strings());
                ctx
            })
            .collect();
        Ok(Self {
            site,
            theme,
            locales,
            site_views,
            shared,
            base: feeds::base_url(site),
            feeds,
            changed,
        })
    }

    /// Every part of the site, in the order a single-threaded build would render them.
    pub fn list(&self) -> Vec<Part> {
        let site = self.site;
        let mut parts = Vec::new();
        for l in 0..self.locales.len() {
            parts.push(Part::Front(l));
            parts.extend((0..site.rounds.len()).map(|i| Part::Round(l, i)));
            parts.push(Part::Archive(l));
            parts.extend((0..site.documents.len()).map(|i| Part::Document(l, i)));
            parts.push(Part::Communes(l));
            parts.extend((0..site.communes.len()).map(|i| Part::Commune(l, i)));
            parts.push(Part::Back(l));
        }
        parts.extend((0..site.rounds.len()).map(Part::Data));
        parts
    }

    /// Renders one part.
    pub fn render(&self, part: Part) -> Result<Rendered, String> {
        let l = match part {
            Part::Data(i) => return self.data(i),
            Part::Front(l)
            | Part::Round(l, _)
            | Part::Archive(l)
            | Part::Document(l, _)
            | Part::Communes(l)
            | Part::Commune(l, _)
            | Part::Back(l) => l,
        };
        let (Some(locale), Some(site_view), Some(shared)) = (
            self.locales.get(l),
            self.site_views.get(l),
            self.shared.get(l),
        ) else {
            return Err(format!("{part:?}: the site has no language {l}"));
        };
        let mut r = Renderer {
            site: self.site,
            theme: self.theme,
            locale,
            locales: &self.locales,
            site_view,
            shared: shared.clone(),
            files: Vec::new(),
            base: self.base.as_deref(),
            feeds: self.feeds,
            scope: Scope::default(),
            days: BTreeMap::new(),
            changed: &self.changed,
        };
        pages::part(&mut r, part)?;
        Ok(Rendered {
            files: r.files,
            days: r.days,
            listed: Vec::new(),
        })
    }

    /// The data files of the round at `i` in `Site::rounds`.
    fn data(&self, i: usize) -> Result<Rendered, String> {
        let round = (self.site.rounds.get(i)).ok_or_else(|| format!("data {i}: no such round"))?;
        let files = std::sync::Mutex::new(Vec::new());
        let listed = crate::export::round_data(self.site, &self.locales, round, &|file| {
            files.lock().map_err(|e| e.to_string())?.push(file);
            Ok(())
        })?;
        Ok(Rendered {
            files: files.into_inner().map_err(|e| e.to_string())?,
            days: BTreeMap::new(),
            listed,
        })
    }

    /// The site-wide data files (see [`crate::export::site_wide_data`]), handed to `put`; what
    /// the catalogue is to say of each.
    pub fn site_wide_data(&self, put: &dyn crate::export::Sink) -> Result<Vec<Listed>, String> {
        crate::export::site_wide_data(self.site, &self.locales, put)
    }

    /// The files made once for the whole site, from the pages every part rendered (their paths
    /// from the site root, sorted) and their days, and the rounds' data files as listed (in the
    /// rounds' order): feeds, the sitemap, the site-wide data files (unless `site_wide` lists
    /// them as made already), the catalogue and the theme's files. Each is handed to `put` as
    /// soon as it is made; the feeds and sitemaps, the data files and the theme's files are made
    /// side by side, on every core.
    pub fn site_files(
        &self,
        pages: &[&str],
        days: &BTreeMap<String, Date>,
        mut listed: Vec<Listed>,
        site_wide: Option<Vec<Listed>>,
        put: &dyn crate::export::Sink,
    ) -> Result<(), String> {
        let site = self.site;
        let feeds = || feeds::files(site, &self.locales, &self.changed, pages, days, put);
        let data = || {
            let site_wide = match site_wide {
                Some(made) => made,
                None => self.site_wide_data(put)?,
            };
            listed.extend(site_wide);
            crate::export::catalogue::add(site, &listed, put)
        };
        let statics = || {
            self.theme.statics.par_iter().try_for_each(|(name, bytes)| {
                let path = self
                    .theme
                    .assets
                    .path(name)
                    .map_or_else(|| format!("{}/{name}", urls::ASSETS), str::to_string);
                put.put(OutputFile {
                    path,
                    contents: Contents::Bytes(bytes.clone()),
                })
            })
        };
        let (feeds, (data, statics)) = rayon::join(feeds, || rayon::join(data, statics));
        feeds.and(data).and(statics)
    }
}

/// What the parts of a site are numbered by: a change to any of it renumbers them, and every part
/// is rendered again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outline {
    languages: usize,
    rounds: Vec<String>,
    documents: Vec<String>,
    communes: Vec<String>,
    pages: Vec<String>,
}

impl Parts<'_> {
    /// What this site's parts are numbered by.
    pub fn outline(&self) -> Outline {
        let site = self.site;
        Outline {
            languages: self.locales.len(),
            rounds: site.rounds.iter().map(|r| r.id.clone()).collect(),
            documents: site.documents.iter().map(|d| d.slug.clone()).collect(),
            communes: site.communes.iter().map(|c| c.id.clone()).collect(),
            pages: site.pages.iter().map(|p| p.slug.clone()).collect(),
        }
    }

    /// The parts a change to the content files `changed` touches, when that is known; `None`
    /// says to render every part.
    ///
    /// Only what staff change most on results night is narrowed down: a candidate, a photo or
    /// the results of a round (any file in a round's folder but the round's own file). That
    /// touches the rounds of its commune (their pages compare terms) with their data files, the
    /// commune's pages, and the pages that list or search the whole site. A change `shown` only
    /// in candidates' bios, which only a candidate's own page shows, touches only the pages of
    /// the rounds it was made in. Anything else (a round's own file, a document, a commune, the
    /// configuration, the theme) may show anywhere.
    pub fn affected(&self, changed: &[std::path::PathBuf], shown: Shown) -> Option<Vec<Part>> {
        let site = self.site;
        if changed.is_empty() {
            return None;
        }
        let mut rounds = Vec::new();
        for path in changed {
            let round = site.rounds.iter().position(|r| {
                r.file
                    .parent()
                    .is_some_and(|folder| path.starts_with(folder))
                    && *path != r.file
            })?;
            rounds.push(round);
        }
        // two files of one round (a bio and its translation) name it once: a part rendered
        // twice at once would write its files over each other
        rounds.sort_unstable();
        rounds.dedup();
        if shown == Shown::InBios {
            let languages = 0..self.locales.len();
            let pages = languages.flat_map(|l| rounds.iter().map(move |&i| Part::Round(l, i)));
            return Some(pages.collect());
        }
        let communes: Vec<&str> = (rounds.iter())
            .map(|&i| site.rounds[i].data.don_vi.as_str())
            .collect();
        let mut parts: Vec<Part> = (site.rounds.iter().enumerate())
            .filter(|(_, round)| communes.contains(&round.data.don_vi.as_str()))
            .map(|(i, _)| Part::Data(i))
            .collect();
        for l in 0..self.locales.len() {
            parts.extend([Part::Front(l), Part::Communes(l), Part::Back(l)]);
            for (i, round) in site.rounds.iter().enumerate() {
                if communes.contains(&round.data.don_vi.as_str()) {
                    parts.push(Part::Round(l, i));
                }
            }
            for (i, commune) in site.communes.iter().enumerate() {
                if communes.contains(&commune.id.as_str()) {
                    parts.push(Part::Commune(l, i));
                }
            }
        }
        Some(parts)
    }
}
