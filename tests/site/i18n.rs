//! Interface strings: the default theme's language files, a site's overrides of one string, and
//! what `check` says about a missing or an unknown key.

use crate::harness::*;
use niemyet::BuildError;
use niemyet::model::language::Language;
use niemyet::render::i18n;
use niemyet::render::theme::Theme;
use std::collections::BTreeSet;
use std::path::Path;

const SITE_STRINGS: &str = "theme/i18n/vi.yaml";

fn default_theme() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default")
}

/// The string literals of the render code: the keys Rust looks up, and the groups of labels
/// (`l.label("doc_kind", …)` looks up `doc_kind_*`).
fn rust_literals() -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut dirs = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src/render")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            for (i, part) in text.split('"').enumerate() {
                let is_key = part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
                if i % 2 == 1 && !part.is_empty() && is_key {
                    found.insert(part.to_string());
                }
            }
        }
    }
    found
}

#[test]
fn the_default_theme_has_every_string_it_uses_in_both_languages() {
    // a content folder without a theme of its own: the embedded theme alone
    let empty = tempfile::tempdir().unwrap();
    let (theme, problems) = Theme::load(empty.path(), &[Language::Vi, Language::En]);
    assert!(problems.is_empty(), "{problems:#?}");
    let theme = theme.expect("the default theme loads");
    let mut used = BTreeSet::new();
    for entry in std::fs::read_dir(default_theme().join("templates")).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        used.extend(i18n::keys_used(&text).into_iter().map(|k| k.key));
    }
    assert!(used.len() > 100, "{used:?}");
    let literals = rust_literals();
    // the labels of the values of the content, which Rust asks for by their tables
    let labels = niemyet::model::spelling::label_keys();
    let vi = theme.strings(Language::Vi).expect("Vietnamese strings");
    let en = theme.strings(Language::En).expect("English strings");
    let vi_keys: Vec<_> = vi.keys().collect();
    let en_keys: Vec<_> = en.keys().collect();
    assert_eq!(vi_keys, en_keys, "vi.yaml and en.yaml have the same keys");
    for (language, strings) in [("vi", vi), ("en", en)] {
        let missing: Vec<_> = used.iter().filter(|k| !strings.contains_key(*k)).collect();
        assert!(missing.is_empty(), "{language} lacks {missing:?}");
        // and no string is left behind that neither a template nor the Rust code shows
        let unused: Vec<_> = strings
            .keys()
            .filter(|k| !used.contains(*k) && !literals.contains(*k) && !labels.contains(*k))
            // `Locale` builds these two from the date
            .filter(|k| !k.starts_with("month_") && !k.starts_with("weekday_"))
            .filter(|k| {
                !literals
                    .iter()
                    .any(|group| k.starts_with(&format!("{group}_")) && group.len() > 3)
            })
            .collect();
        assert!(
            unused.is_empty(),
            "{language} has unused strings {unused:?}"
        );
        assert!(strings.values().all(|v| !v.trim().is_empty()));
    }
    assert_ne!(vi["nav_home"], en["nav_home"]);
}

#[test]
fn a_site_changes_one_string_and_keeps_the_others() {
    let fx = Fixture::new();
    fx.write(
        SITE_STRINGS,
        "# our own words\nnav_search: \"Tra cứu\"\nfooter_generator: \"Trang của phường, <b>niemyet</b>.\"\n",
    );
    fx.build_ok();
    let home = fx.text("index.html");
    assert!(home.contains("Tra cứu"), "{home}");
    assert!(!home.contains("Tìm kiếm"), "{home}");
    // a string is text, escaped like any other, never markup
    assert!(home.contains("Trang của phường, <b>niemyet</b>."), "{home}");
    assert!(!fx.page("index.html").contains("<b>"));
    // the strings the site did not write are the default theme's
    assert!(home.contains("Trang chủ") && home.contains("Bỏ qua, đến nội dung chính"));
    assert!(fx.text("tim-kiem/index.html").contains("Tra cứu"));
    assert!(fx.check().is_empty(), "{}", fx.check());
}

#[test]
fn a_template_using_a_missing_string_fails_check_and_keeps_the_output() {
    let fx = Fixture::new();
    fx.build_ok();
    let before = snapshot(&fx.output());
    fx.write(
        "theme/templates/page.html",
        "{% extends \"base.html\" %}{% block content %}\n<h1>{{ title }}</h1><p>{{ t.nav_serch }}</p>{% endblock content %}",
    );
    let d = fx.check();
    let e = assert_error(
        &d,
        "theme/templates/page.html",
        2,
        Some("nav_serch"),
        "t.nav_serch",
    );
    assert!(e.message.vi.contains("page.html") && e.message.en.contains("page.html"));
    let hint = e.hint.as_ref().expect("a hint");
    assert!(hint.en.contains("`t.nav_search`"), "{e}");
    assert!(hint.vi.contains(SITE_STRINGS), "{e}");
    assert!(matches!(fx.build(), Err(BuildError::Content(_))));
    assert_eq!(snapshot(&fx.output()), before);
    // the string written in the site's own file makes the template good
    fx.write(SITE_STRINGS, "nav_serch: Ô tìm kiếm\n");
    fx.build_ok();
    assert!(fx.text("lien-he/index.html").contains("Ô tìm kiếm"));
}

#[test]
fn an_unknown_key_in_a_site_file_is_a_warning_with_a_suggestion() {
    let fx = Fixture::new();
    fx.write(SITE_STRINGS, "nav_home: Trang đầu\n\nnav_serch: Tra cứu\n");
    let d = fx.check();
    assert_eq!(d.error_count(), 0, "{d}");
    let w = d
        .iter()
        .find(|w| same_path(&w.path, SITE_STRINGS))
        .unwrap_or_else(|| panic!("a warning about {SITE_STRINGS}:\n{d}"));
    assert!(!w.is_error());
    assert_eq!((w.line, w.field.as_deref()), (Some(3), Some("nav_serch")));
    assert!(
        w.hint
            .as_ref()
            .is_some_and(|h| h.en.contains("`nav_search`")),
        "{w}"
    );
    // a warning does not stop the build, and the known key still applies
    let report = fx.build_ok();
    assert_eq!(report.diagnostics.warning_count(), 1);
    assert!(fx.text("index.html").contains("Trang đầu"));
}

#[test]
fn a_broken_site_file_is_an_error_with_its_line() {
    let fx = Fixture::new();
    fx.write(SITE_STRINGS, "nav_home: Trang đầu\nnav_search: \"Tra cứu\n");
    let d = fx.check();
    let e = errors(&d)
        .into_iter()
        .find(|e| same_path(&e.path, SITE_STRINGS))
        .unwrap_or_else(|| panic!("an error about {SITE_STRINGS}:\n{d}"));
    assert_eq!(e.line, Some(2), "{e}");
    assert!(e.hint.is_some(), "{e}");
    assert!(matches!(fx.build(), Err(BuildError::Content(_))));
}
