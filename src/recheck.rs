//! Checking a content folder again after a change, as the preview does after every save: the
//! files that did not change are not read again, nor are the rounds made from them assembled
//! again (see `load::reload` and `model::reassemble`); the site and its problems are those
//! [`crate::check`] gives.

use crate::diagnostics::Diagnostics;
use crate::load::reload::{Changes, Loaded};
use crate::model::Site;
use crate::model::reassemble::{Assembled, Shown};
use crate::render::theme::{LoadedTheme, Theme};
use crate::validate::Memo;
use std::path::{Path, PathBuf};

/// A content folder as last checked, to be checked again.
#[derive(Debug)]
pub struct Checked {
    loaded: Loaded,
    assembled: Assembled,
    /// What changed since the check before.
    changes: Changes,
    /// The site's theme, loaded again only when its folder or the site's languages change.
    theme: LoadedTheme,
    /// What validation found in the texts.
    memo: Memo,
}

impl Checked {
    pub fn site(&self) -> &Site {
        &self.assembled.site
    }

    /// The theme to render the site with, or why there is none.
    pub fn theme(&self) -> Result<&Theme, String> {
        self.theme.theme()
    }

    /// Where what changed in the rounds since the check before shows.
    pub fn shown(&self) -> Shown {
        self.assembled.shown()
    }

    /// The files and folders that may have changed since the check before, relative to the
    /// content: those the watcher named. `None` when that is not known.
    pub fn changed(&self) -> Option<&[PathBuf]> {
        match &self.changes {
            Changes::Unknown => None,
            Changes::Paths(paths) => Some(paths),
        }
    }

    /// The files and folders of the content, relative to it, that changed since they were last
    /// read without being named to [`Checked::recheck`] (see [`Loaded::unnoticed`]).
    pub fn unnoticed(&self) -> Vec<PathBuf> {
        self.loaded.unnoticed()
    }

    /// Checks `content` after the watcher named `changed` (relative to it), taking from
    /// `previous` what did not change. Without a previous check or a list of changes (`None`, or
    /// an empty one: the watcher does not know) everything is checked as [`crate::check`] does.
    pub fn recheck(
        previous: Option<Self>,
        content: &Path,
        changed: Option<&[PathBuf]>,
    ) -> (Self, Diagnostics) {
        let (loaded, assembled, theme, memo) = match previous {
            Some(Self {
                loaded,
                assembled,
                theme,
                memo,
                ..
            }) => (Some(loaded), Some(assembled), Some(theme), memo),
            None => (None, None, None, Memo::default()),
        };
        let (loaded, load_problems, changes) = Loaded::reload(loaded, content, changed);
        let (assembled, model_problems) =
            Assembled::reassemble(assembled, &loaded.sources, &changes);
        let languages = assembled.site.config.languages();
        let theme = LoadedTheme::reload(theme, content, languages, &changes);
        let all = crate::diagnose(
            &assembled.site,
            &loaded.sources,
            [load_problems, model_problems, theme.problems().to_vec()],
            (&memo, assembled.kept()),
        );
        let checked = Self {
            loaded,
            assembled,
            changes,
            theme,
            memo,
        };
        (checked, all)
    }
}
