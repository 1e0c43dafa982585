//! Rendering: from the site model to the files of the output, with no filesystem writes.

mod archives;
pub mod chart;
mod charts;
pub mod feeds;
pub mod format;
pub mod i18n;
pub mod markdown;
mod pages;
mod result_pages;
pub mod result_views;
pub mod search;
pub mod theme;
pub mod urls;
pub mod views;
mod xml;

use crate::model::Site;
use crate::write::{Contents, OutputFile};
use tera::Context;
use theme::Theme;
use views::{Link, SiteView};

/// Every file of the site, in a stable order.
pub fn render(site: &Site) -> Result<Vec<OutputFile>, String> {
    // `check` has reported the theme's problems already; a build only goes on without errors
    let theme = match Theme::load(&site.root) {
        (Some(theme), _) => theme,
        (None, problems) => return Err(problems.iter().map(ToString::to_string).collect()),
    };
    let mut r = Renderer {
        site,
        theme: &theme,
        site_view: SiteView::new(site),
        files: Vec::new(),
    };
    pages::all(&mut r)?;
    let mut pages: Vec<&str> = r
        .files
        .iter()
        .filter(|f| f.is_page())
        .map(|f| f.path.as_str())
        .collect();
    pages.sort_unstable();
    let machine_files = feeds::files(site, &pages);
    r.files.extend(machine_files);
    r.files.extend(crate::export::files(site)?);
    for (name, bytes) in &theme.statics {
        r.files.push(OutputFile {
            path: format!("{}/{name}", urls::ASSETS),
            contents: Contents::Bytes(bytes.clone()),
        });
    }
    r.files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(r.files)
}

/// What every page needs while rendering.
pub(crate) struct Renderer<'a> {
    site: &'a Site,
    theme: &'a Theme,
    site_view: SiteView,
    files: Vec<OutputFile>,
}

impl Renderer<'_> {
    /// Renders `template` to `path`, with the context every page shares: the way up to the root
    /// (unless the page set its own),
    /// the site, the title, the breadcrumb trail (whose last entry is the page itself) and `t`, the
    /// interface strings of the page's language.
    fn page(
        &mut self,
        path: &str,
        template: &str,
        title: &str,
        trail: Vec<Link>,
        mut ctx: Context,
    ) -> Result<(), String> {
        if !ctx.contains_key("root") {
            ctx.insert("root", &urls::root_of(path));
        }
        ctx.insert("site", &self.site_view);
        ctx.insert(
            "feed_url",
            &feeds::base_url(self.site).map(|_| feeds::SITE_FEED),
        );
        ctx.insert("title", title);
        ctx.insert("breadcrumbs", &trail);
        ctx.insert("path", path);
        let language = i18n::default_language();
        let strings = self
            .theme
            .strings(language)
            .ok_or_else(|| format!("{template} ({path}): no interface strings for `{language}`"))?;
        ctx.insert("t", strings);
        let html = self
            .theme
            .tera
            .render(template, &ctx)
            .map_err(|e| format!("{template} ({path}): {}", theme::describe(&e)))?;
        self.files.push(OutputFile {
            path: path.to_string(),
            contents: Contents::Bytes(html.into_bytes()),
        });
        Ok(())
    }

    fn copy(&mut self, path: String, source: std::path::PathBuf) {
        self.files.push(OutputFile {
            path,
            contents: Contents::CopyOf(source),
        });
    }
}

fn link(title: impl Into<String>, url: impl Into<String>) -> Link {
    Link {
        title: title.into(),
        url: url.into(),
    }
}
