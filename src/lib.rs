//! niemyet: a static site generator for the public posting (niêm yết) of elections of village
//! and neighbourhood heads in Vietnam.
//!
//! The build reads top to bottom: `load` → `model` → `validate` → `render` → `write`.

pub mod build;
pub mod cli;
pub mod corpus;
pub mod diagnostics;
pub mod export;
pub mod fs;
pub mod import;
pub mod load;
pub mod model;
pub mod progress;
pub mod recheck;
pub mod render;
pub mod report;
pub mod scaffold;
pub mod serve;
pub mod validate;
pub mod verify;
pub mod write;

pub use build::{BuildError, BuildOptions, BuildReport, build, build_with};

use diagnostics::Diagnostics;
use model::Site;
use model::reassemble::Kept;
use std::path::Path;

/// Loads, models and validates a site: everything but writing. Errors and warnings are returned
/// together, sorted by file and line.
pub fn check(content: &Path) -> (Site, Diagnostics) {
    let (sources, load_problems) = load::load(content);
    check_sources(content, &sources, load_problems)
}

/// What [`check`] would find were `text` saved as the file at `rel` (relative to `content`):
/// the preview's forms check what the clerk typed with the build's own rules before saving it.
pub fn check_as_saved(content: &Path, rel: &Path, text: String) -> (Site, Diagnostics) {
    let (mut sources, load_problems) = load::load(content);
    let load_problems = load_problems
        .into_iter()
        .filter(|d| d.path != rel)
        .collect();
    sources.put(rel, text);
    check_sources(content, &sources, load_problems)
}

fn check_sources(
    content: &Path,
    sources: &load::Sources,
    load_problems: Vec<diagnostics::Diagnostic>,
) -> (Site, Diagnostics) {
    let (site, model_problems) = model::assemble(sources);
    let theme_problems = render::theme::Theme::load(content, &site.config.languages()).1;
    let memo = validate::Memo::default();
    let all = diagnose(
        &site,
        sources,
        [load_problems, model_problems, theme_problems],
        (&memo, &Kept::default()),
    );
    (site, all)
}

/// Every problem of a site loaded, assembled and its theme loaded with `found` problems: those
/// and validation's, sorted. Validation recalls from `memo` what it found in what the assembly
/// `kept` (see [`validate::validate`]).
fn diagnose(
    site: &Site,
    sources: &load::Sources,
    found: [Vec<diagnostics::Diagnostic>; 3],
    (memo, kept): (&validate::Memo, &Kept),
) -> Diagnostics {
    let mut all = Diagnostics::default();
    for problems in found {
        all.extend(problems);
    }
    let scope = if all.has_errors() {
        validate::Scope::WithinFiles
    } else {
        validate::Scope::AcrossFiles
    };
    all.extend(validate::validate(site, sources, scope, memo, kept));
    all.sorted()
}
