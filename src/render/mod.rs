//! Rendering: from the site model to the files of the output, with no filesystem writes.
//!
//! A site is rendered in [`Part`]s (a round, a commune, a document, the lists of one language…)
//! that do not depend on each other, so that they can be rendered in parallel and each written as
//! soon as it is done; then the files made from every page at once (feeds, the sitemap, the data
//! files, the theme's files) by [`Parts::site_files`].

mod archives;
pub mod assets;
pub mod chart;
mod charts;
mod composition_views;
pub mod dates;
mod division_pages;
mod election_pages;
pub mod feeds;
pub mod format;
pub mod i18n;
pub mod locale;
pub mod markdown;
mod pages;
mod places;
mod result_pages;
pub mod result_views;
pub mod search;
mod status_views;
pub mod theme;
pub mod urls;
pub mod views;
mod xml;

use crate::model::Site;
use crate::model::date::Date;
use crate::model::language::Language;
use crate::write::{Contents, OutputFile};
use locale::Locale;
use serde::Serialize;
use std::collections::BTreeMap;
use tera::Context;
use theme::Theme;
use views::{Link, SiteView};

/// Loads the site's theme, ready to render with: `check` has reported its problems already, and
/// a build only goes on without errors.
pub fn theme(site: &Site) -> Result<Theme, String> {
    match Theme::load(&site.root, &site.config.languages()) {
        (Some(mut theme), _) => {
            theme.register_filters();
            Ok(theme)
        }
        (None, problems) => Err(problems.iter().map(ToString::to_string).collect()),
    }
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
}

/// What a part rendered: its files, and the day each of its pages last changed (for the
/// sitemap), by path from the site root.
#[derive(Debug, Default)]
pub struct Rendered {
    pub files: Vec<OutputFile>,
    pub days: BTreeMap<String, Date>,
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
        let feeds = feeds::made(site);
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
        parts
    }

    /// Renders one part.
    pub fn render(&self, part: Part) -> Result<Rendered, String> {
        let (Part::Front(l)
        | Part::Round(l, _)
        | Part::Archive(l)
        | Part::Document(l, _)
        | Part::Communes(l)
        | Part::Commune(l, _)
        | Part::Back(l)) = part;
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
        };
        pages::part(&mut r, part)?;
        Ok(Rendered {
            files: r.files,
            days: r.days,
        })
    }

    /// The files made once for the whole site, from the pages every part rendered (their paths
    /// from the site root, sorted) and their days: feeds, the sitemap, the data files and the
    /// theme's files.
    pub fn site_files(
        &self,
        pages: &[&str],
        days: &BTreeMap<String, Date>,
    ) -> Result<Vec<OutputFile>, String> {
        let site = self.site;
        let mut files = feeds::files(site, &self.locales, pages, days);
        files.extend(crate::export::files(site, &self.locales)?);
        for (name, bytes) in &self.theme.statics {
            let path = self
                .theme
                .assets
                .path(name)
                .map_or_else(|| format!("{}/{name}", urls::ASSETS), str::to_string);
            files.push(OutputFile {
                path,
                contents: Contents::Bytes(bytes.clone()),
            });
        }
        Ok(files)
    }
}

/// What the pages of one part need while rendering.
pub(crate) struct Renderer<'a> {
    site: &'a Site,
    theme: &'a Theme,
    /// The language of the pages being rendered.
    locale: &'a Locale<'a>,
    /// Every language of the site, the default first.
    locales: &'a [Locale<'a>],
    site_view: &'a SiteView,
    /// The values every page of the language has (`site`, `t`, `lang`…), with the current
    /// page's own while it renders.
    shared: Context,
    files: Vec<OutputFile>,
    /// The site's web address (`dia_chi_web`), for `rel=canonical` and absolute alternates.
    base: Option<&'a str>,
    /// Whether the site has feeds, which its pages then announce.
    feeds: bool,
    /// What the pages being rendered belong to.
    scope: Scope,
    /// The day each page (from the site root) last changed, for the sitemap.
    days: BTreeMap<String, Date>,
}

/// What the pages being rendered belong to: the day their content last changed, when known,
/// and the commune or ward whose feed they announce beside the site's.
#[derive(Clone, Default)]
pub(crate) struct Scope {
    pub day: Option<Date>,
    pub commune: Option<String>,
}

/// An `hreflang` alternate of a page in its `<head>`: absolute when the site's address is known.
#[derive(Serialize)]
struct Alternate {
    hreflang: String,
    href: String,
}

/// In which languages a page exists. Pages made from records exist in all; a document or a free
/// page only in the languages it is written in.
pub(crate) enum Availability<'x> {
    Everywhere,
    /// One page that serves every language (the 404 page): the switcher leads to each
    /// language's home, and there are no alternates.
    Shared,
    /// Only in these languages; the others' switcher links go to `nearest` (a page that exists
    /// in every language, named by the interface string `nearest_title`), and say so.
    Only {
        languages: &'x [Language],
        nearest: &'static str,
        nearest_title: &'static str,
    },
}

/// A link of the language switcher, and an `hreflang` alternate when `translated`.
#[derive(Serialize)]
struct LanguageLink {
    code: String,
    name: String,
    url: String,
    current: bool,
    translated: bool,
    /// For a page missing in that language: the notice, in that language.
    notice: Option<String>,
}

impl Renderer<'_> {
    /// Renders `template` to `path` (relative to the language's root) in the current language.
    fn page(
        &mut self,
        path: &str,
        template: &str,
        title: &str,
        trail: Vec<Link>,
        ctx: Context,
    ) -> Result<(), String> {
        self.page_in(path, template, title, trail, ctx, &Availability::Everywhere)
    }

    /// [`Self::page`] for a page that may be missing in some languages. Besides the page's own
    /// values, every template gets: `root`, the way up to the language's root (the 404 page sets
    /// its own); `site_root`, the way up to the site root, where the theme's files, data and
    /// attachments exist once for all languages; `site`, `title`, `breadcrumbs` (the last one is
    /// the page itself), `path`, `lang`, `languages` (the switcher) and `t`, the interface
    /// strings of the page's language.
    fn page_in(
        &mut self,
        path: &str,
        template: &str,
        title: &str,
        trail: Vec<Link>,
        mut ctx: Context,
        availability: &Availability,
    ) -> Result<(), String> {
        let full = format!("{}{path}", self.locale.prefix);
        let site_root = match ctx.get("root").and_then(|v| v.as_str()) {
            Some(root) => root.to_string(),
            None => {
                ctx.insert("root", &urls::root_of(path));
                urls::root_of(&full)
            }
        };
        let languages = self.language_links(path, &site_root, availability);
        ctx.insert("alternates", &self.alternates(path, &languages));
        ctx.insert("languages", &languages);
        ctx.insert("site_root", &site_root);
        // the one 404 page stands for no address of its own
        let own_address = !matches!(availability, Availability::Shared);
        ctx.insert(
            "canonical",
            &self
                .base
                .filter(|_| own_address)
                .map(|base| urls::absolute(base, &full)),
        );
        let commune = self
            .scope
            .commune
            .as_deref()
            .filter(|_| self.feeds)
            .and_then(|id| self.site.commune(id));
        ctx.insert("commune_feed", &commune.map(|c| feeds::commune_feed(&c.id)));
        ctx.insert(
            "commune_feed_title",
            &commune.map(|c| self.locale.name(&c.data.ten, c.data.ten_en.as_ref())),
        );
        if let Some(day) = self.scope.day.filter(|_| own_address) {
            self.days.insert(full.clone(), day);
        }
        ctx.insert("title", title);
        ctx.insert("breadcrumbs", &trail);
        ctx.insert("path", path);
        let html = self
            .render_with_shared(template, ctx)
            .map_err(|e| format!("{template} ({path}): {e}"))?;
        self.files.push(OutputFile {
            path: full,
            contents: Contents::Bytes(html.into_bytes()),
        });
        Ok(())
    }

    /// Renders `template` with the page's own values and the values every page of the language
    /// shares, which are made once per language (see [`Parts::new`]) rather than for each page:
    /// the page's values are moved in for the page and taken out again afterwards.
    fn render_with_shared(&mut self, template: &str, ctx: Context) -> Result<String, String> {
        let tera::Value::Object(values) = ctx.into_json() else {
            return Err("the page's values are not a map".to_string());
        };
        let keys: Vec<String> = values.keys().cloned().collect();
        let own = Context::from_value(tera::Value::Object(values)).map_err(|e| e.to_string())?;
        self.shared.extend(own);
        let html = self
            .theme
            .tera
            .render(template, &self.shared)
            .map_err(|e| theme::describe(&e));
        for key in &keys {
            self.shared.remove(key);
        }
        html
    }

    /// The switcher of a page at `path`: each language's version of it, or of the nearest page
    /// that language has.
    fn language_links(
        &self,
        path: &str,
        site_root: &str,
        availability: &Availability,
    ) -> Vec<LanguageLink> {
        self.locales
            .iter()
            .map(|l| {
                let translated = match availability {
                    Availability::Everywhere => true,
                    Availability::Shared => false,
                    Availability::Only { languages, .. } => languages.contains(&l.language),
                };
                let (target, notice) = match availability {
                    Availability::Shared if l.language != self.locale.language => {
                        (urls::HOME, None)
                    }
                    Availability::Only {
                        nearest,
                        nearest_title,
                        ..
                    } if !translated => (
                        *nearest,
                        Some(format!(
                            "{} {}",
                            l.t("lang_not_translated"),
                            l.t(nearest_title)
                        )),
                    ),
                    _ => (path, None),
                };
                LanguageLink {
                    code: l.language.to_string(),
                    name: l.t("language_name"),
                    url: format!("{site_root}{}{target}", l.prefix),
                    current: l.language == self.locale.language,
                    translated,
                    notice,
                }
            })
            .collect()
    }

    /// The versions of a page at `path` in every language that has it, and the default
    /// language's again as `x-default`: none for a site in one language.
    fn alternates(&self, path: &str, languages: &[LanguageLink]) -> Vec<Alternate> {
        if self.locales.len() < 2 {
            return Vec::new();
        }
        let mut out: Vec<Alternate> = self
            .locales
            .iter()
            .zip(languages)
            .filter(|(_, link)| link.translated)
            .map(|(l, link)| Alternate {
                hreflang: l.language.to_string(),
                href: match self.base {
                    Some(base) => urls::absolute(base, &format!("{}{path}", l.prefix)),
                    None => link.url.clone(),
                },
            })
            .collect();
        let default = self.locales.first().map(|l| l.language.to_string());
        if let Some(first) = out
            .first()
            .filter(|a| Some(&a.hreflang) == default.as_ref())
        {
            out.push(Alternate {
                hreflang: "x-default".to_string(),
                href: first.href.clone(),
            });
        }
        out
    }

    /// Copies a file into the output: once, with the default language's pages, since every
    /// language links to the same copy.
    fn copy(&mut self, path: String, source: std::path::PathBuf) {
        if !self.locale.prefix.is_empty() {
            return;
        }
        self.files.push(OutputFile {
            path,
            contents: Contents::CopyOf(source),
        });
    }

    /// Whether the pages being rendered are the default language's, at the site root.
    fn is_default_language(&self) -> bool {
        self.locale.prefix.is_empty()
    }
}

fn link(title: impl Into<String>, url: impl Into<String>) -> Link {
    Link {
        title: title.into(),
        url: url.into(),
    }
}
