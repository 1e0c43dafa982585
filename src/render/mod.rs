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
mod inline_strings;
pub mod locale;
pub mod markdown;
mod pages;
pub mod parts;
mod places;
mod result_pages;
pub mod result_views;
pub mod search;
mod sitemap;
mod status_views;
pub mod theme;
pub mod urls;
pub mod views;
pub(crate) mod xml;

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

pub use parts::{Part, Parts, Rendered, theme};

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
    /// The day each round, commune and the site last changed.
    changed: &'a dates::LastChanged,
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
            contents: Contents::Bytes(html),
        });
        Ok(())
    }

    /// Renders `template` with the page's own values and the values every page of the language
    /// shares, which are made once per language (see [`Parts::new`]) rather than for each page:
    /// the page's values are moved in for the page and taken out again afterwards. The bytes are
    /// kept as Tera wrote them: its `render` would check them again as UTF-8 to make a `String`.
    fn render_with_shared(&mut self, template: &str, ctx: Context) -> Result<Vec<u8>, String> {
        let language = self.locale.language;
        let tera =
            (self.theme.tera(language)).ok_or_else(|| format!("no templates for `{language}`"))?;
        let tera::Value::Object(values) = ctx.into_json() else {
            return Err("the page's values are not a map".to_string());
        };
        let keys: Vec<String> = values.keys().cloned().collect();
        let own = Context::from_value(tera::Value::Object(values)).map_err(|e| e.to_string())?;
        self.shared.extend(own);
        let mut html = Vec::with_capacity(32 * 1024);
        let done = tera.render_to(template, &self.shared, &mut html);
        for key in &keys {
            self.shared.remove(key);
        }
        done.map(|()| html).map_err(|e| theme::describe(&e))
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
