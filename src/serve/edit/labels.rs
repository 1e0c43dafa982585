//! The site's interface strings in Vietnamese and English, for what the forms say in the site's
//! own words: the outcome of a contest, the labels of enumerated values.

use crate::model::language::Language;
use crate::render::i18n::Strings;
use crate::render::locale::Locale;
use crate::render::theme::Theme;
use std::path::Path;

pub struct Labels {
    vi: Strings,
    en: Strings,
}

impl Labels {
    /// The strings of the site's theme (its overrides included); `None` when the theme cannot be
    /// read, which `check` reports.
    pub fn load(content: &Path) -> Option<Self> {
        let (theme, _) = Theme::load(content, &[Language::Vi, Language::En]);
        let theme = theme?;
        Some(Self {
            vi: theme.strings(Language::Vi)?.clone(),
            en: theme.strings(Language::En)?.clone(),
        })
    }

    pub fn locales(&self) -> (Locale<'_>, Locale<'_>) {
        (
            Locale::new(Language::Vi, true, &self.vi),
            Locale::new(Language::En, false, &self.en),
        )
    }
}
