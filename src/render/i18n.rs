//! Interface strings: every word a template shows comes from a per-language file of the theme
//! (`i18n/<lang>.yaml`, a flat map `key: "string"`), used in templates as `{{ t.key }}`. A site
//! changes one string by writing that key alone in its own `theme/i18n/<lang>.yaml`.
//!
//! Problems are diagnostics for `niemyet check`: a key a template uses that a language lacks is an
//! error (a page must never show a key, nor fail while rendering), and a key of a site's file that
//! nothing uses is a warning (a typo there would silently change nothing).

use crate::diagnostics::{Bilingual, Diagnostic};
use crate::load::{self, SourceFile};
use crate::model::text::closest;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The folder of the language files, in the default theme and in a site's `theme/`.
pub const I18N_DIR: &str = "i18n";

/// One language's strings, by key.
pub type Strings = BTreeMap<String, String>;

/// A language file: where diagnostics point, and its text.
pub struct LanguageFile {
    pub file: SourceFile,
    /// The language, from the file name (`vi.yaml` → `vi`).
    pub language: String,
}

/// A template as the theme holds it after overrides: what diagnostics call it, and its text.
pub struct TemplateSource<'a> {
    pub name: &'a str,
    /// The path diagnostics show: `theme/templates/…` for a site's own template.
    pub path: &'a Path,
    pub text: &'a str,
}

/// One `t.key` written in a template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyUse {
    pub key: String,
    /// 1-based line in the template.
    pub line: usize,
}

/// The strings of each of the site's `languages` (the default first) after the site's
/// overrides, and the problems found. Every language must have every string of the default
/// language, since Rust builds sentences from them as templates do.
pub fn load(
    languages: &[&str],
    embedded: Vec<LanguageFile>,
    overrides: Vec<LanguageFile>,
    templates: &[TemplateSource<'_>],
) -> (BTreeMap<String, Strings>, Vec<Diagnostic>) {
    let mut problems = Vec::new();
    let mut by_language: BTreeMap<String, Strings> = languages
        .iter()
        .map(|l| ((*l).to_string(), Strings::new()))
        .collect();
    let mut defaults: BTreeSet<String> = BTreeSet::new();
    // the theme's files of languages the site does not use are not read
    let embedded: Vec<LanguageFile> = embedded
        .into_iter()
        .filter(|lf| by_language.contains_key(&lf.language))
        .collect();
    for lf in embedded {
        match parse(&lf.file) {
            Ok((strings, warnings)) => {
                problems.extend(warnings);
                defaults.extend(strings.keys().cloned());
                by_language.entry(lf.language).or_default().extend(strings);
            }
            Err(d) => problems.extend(d),
        }
    }
    let uses: Vec<(&TemplateSource<'_>, Vec<KeyUse>)> =
        templates.iter().map(|t| (t, keys_used(t.text))).collect();
    let used: BTreeSet<&str> = uses
        .iter()
        .flat_map(|(_, keys)| keys.iter().map(|k| k.key.as_str()))
        .collect();
    let known: BTreeSet<&str> = defaults
        .iter()
        .map(String::as_str)
        .chain(used.iter().copied())
        .collect();
    for lf in overrides {
        let Some(strings) = by_language.get_mut(&lf.language) else {
            problems.push(unknown_language(&lf, languages));
            continue;
        };
        match parse(&lf.file) {
            Ok((site, warnings)) => {
                problems.extend(warnings);
                for key in site.keys().filter(|k| !known.contains(k.as_str())) {
                    problems.push(unknown_key(&lf.file, key, &known));
                }
                strings.extend(site);
            }
            Err(d) => problems.extend(d),
        }
    }
    let default = languages.first().and_then(|l| by_language.get(*l));
    for (language, strings) in &by_language {
        if let Some(default) = default.filter(|_| Some(&language.as_str()) != languages.first()) {
            let missing: Vec<&str> = default
                .keys()
                .filter(|k| !strings.contains_key(*k))
                .map(String::as_str)
                .collect();
            if !missing.is_empty() {
                problems.push(incomplete_language(language, &missing, strings.is_empty()));
            }
        }
        for (template, keys) in &uses {
            for k in keys.iter().filter(|k| !strings.contains_key(&k.key)) {
                problems.push(missing_key(template, k, language, strings));
            }
        }
    }
    (by_language, problems)
}

/// The strings Rust asks for (the labels of the values of the content, `spelling::label_keys`)
/// that a language lacks: like a key a template uses, each is an error, since a page or a data
/// file would show the key. A key the default language lacks too is reported for each language;
/// one only another language lacks is already in its `incomplete_language` error.
pub fn missing_labels(
    languages: &[&str],
    strings: &BTreeMap<String, Strings>,
    required: &[String],
) -> Vec<Diagnostic> {
    let default = languages.first().and_then(|l| strings.get(*l));
    let mut problems = Vec::new();
    for (i, language) in languages.iter().enumerate() {
        let Some(own) = strings.get(*language) else {
            continue;
        };
        for key in required.iter().filter(|k| !own.contains_key(*k)) {
            let in_default = default.is_some_and(|d| d.contains_key(key));
            if i == 0 || !in_default {
                problems.push(missing_label(language, key));
            }
        }
    }
    problems
}

fn missing_label(language: &str, key: &str) -> Diagnostic {
    let file = site_file(language).display().to_string().replace('\\', "/");
    Diagnostic::error(
        site_file(language),
        Bilingual::new(
            format!("Ngôn ngữ `{language}` thiếu chuỗi giao diện `{key}`, là nhãn của một giá trị mà trang và tệp dữ liệu hiển thị."),
            format!("The language `{language}` lacks the interface string `{key}`, the label of a value that pages and data files show."),
        ),
    )
    .field(key)
    .hint(Bilingual::new(
        format!("Thêm dòng `{key}: \"…\"` vào {file}."),
        format!("Add a line `{key}: \"…\"` to {file}."),
    ))
}

/// A language file's strings, and warnings about its lines that change nothing. A file of
/// comments only is an empty override, not an error.
fn parse(file: &SourceFile) -> Result<(Strings, Vec<Diagnostic>), Vec<Diagnostic>> {
    if load::has_no_data(&file.text) {
        return Ok((Strings::new(), Vec::new()));
    }
    let raw: BTreeMap<String, Option<String>> = load::yaml::parse(file, &file.text, 1)?;
    let mut warnings = Vec::new();
    let mut strings = Strings::new();
    for (key, value) in raw {
        match value.filter(|v| !v.trim().is_empty()) {
            Some(v) => {
                strings.insert(key, v);
            }
            // an empty link or heading would be worse than the default's words
            None => warnings.push(empty_string(file, &key)),
        }
    }
    Ok((strings, warnings))
}

fn empty_string(file: &SourceFile, key: &str) -> Diagnostic {
    Diagnostic::warning(
        &file.rel,
        Bilingual::new(
            format!("Chuỗi `{key}` trống nên không được dùng."),
            format!("The string `{key}` is empty, so it is not used."),
        ),
    )
    .at(file.line_of_top(key), None)
    .field(key)
    .hint(Bilingual::new(
        "Viết chữ sau dấu hai chấm, hoặc xóa dòng này để giữ chữ mặc định.",
        "Write the words after the colon, or delete the line to keep the default words.",
    ))
}

/// Every `t.key` inside the tags (`{{ }}`, `{% %}`) of a template, outside string literals, in
/// order.
pub fn keys_used(template: &str) -> Vec<KeyUse> {
    let mut found = Vec::new();
    let mut rest = template;
    let mut offset = 0;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let close = match after.chars().next() {
            Some('{') => "}}",
            Some('%') => "%}",
            _ => {
                offset += open + 1;
                rest = after;
                continue;
            }
        };
        let tag_start = offset + open + 2;
        let body = &after[1..];
        let len = body.find(close).unwrap_or(body.len());
        scan_tag(template, tag_start, &body[..len], &mut found);
        let consumed = open + 2 + len;
        offset += consumed;
        rest = &rest[consumed..];
    }
    found
}

/// The `t.key` of one tag's body, which starts at byte `start` of `template`.
fn scan_tag(template: &str, start: usize, body: &str, found: &mut Vec<KeyUse>) {
    let bytes = body.as_bytes();
    let is_name = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut quote: Option<u8> = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if matches!(b, b'"' | b'\'' | b'`') => quote = Some(b),
            None if b == b't'
                && bytes.get(i + 1) == Some(&b'.')
                && (i == 0 || !(is_name(bytes[i - 1]) || bytes[i - 1] == b'.')) =>
            {
                let from = i + 2;
                let end = bytes[from..]
                    .iter()
                    .position(|b| !is_name(*b))
                    .map_or(bytes.len(), |n| from + n);
                if end > from {
                    let line = template[..start + i].matches('\n').count() + 1;
                    found.push(KeyUse {
                        key: body[from..end].to_string(),
                        line,
                    });
                }
                i = end;
                continue;
            }
            None => {}
        }
        i += 1;
    }
}

/// Where a site's file for `language` goes, relative to the content folder.
pub fn site_file(language: &str) -> PathBuf {
    Path::new(load::THEME_DIR)
        .join(I18N_DIR)
        .join(format!("{language}.yaml"))
}

fn missing_key(
    template: &TemplateSource<'_>,
    k: &KeyUse,
    language: &str,
    strings: &Strings,
) -> Diagnostic {
    let (name, key) = (template.name, &k.key);
    let file = site_file(language).display().to_string().replace('\\', "/");
    let near = closest(key, strings.keys().map(String::as_str));
    let hint = match near {
        Some(near) => Bilingual::new(
            format!(
                "Có phải ý bạn là `t.{near}`? Nếu là chuỗi mới, thêm dòng `{key}: \"…\"` vào {file}."
            ),
            format!(
                "Did you mean `t.{near}`? For a new string, add a line `{key}: \"…\"` to {file}."
            ),
        ),
        None => Bilingual::new(
            format!("Thêm dòng `{key}: \"…\"` vào {file}, hoặc sửa tên khóa trong mẫu."),
            format!("Add a line `{key}: \"…\"` to {file}, or correct the key in the template."),
        ),
    };
    Diagnostic::error(
        template.path,
        Bilingual::new(
            format!("Mẫu `{name}` dùng chuỗi giao diện `t.{key}` mà ngôn ngữ `{language}` không có: trang sẽ không dựng được."),
            format!("The template `{name}` uses the interface string `t.{key}`, which the language `{language}` lacks: its pages could not be built."),
        ),
    )
    .at(Some(k.line), None)
    .field(key.clone())
    .hint(hint)
}

fn unknown_key(file: &SourceFile, key: &str, known: &BTreeSet<&str>) -> Diagnostic {
    let hint = match closest(key, known.iter().copied()) {
        Some(near) => Bilingual::new(
            format!("Có phải ý bạn là `{near}`?"),
            format!("Did you mean `{near}`?"),
        ),
        None => Bilingual::new(
            "Xóa dòng này, hoặc dùng một khóa có trong themes/default/i18n/ của niemyet.",
            "Delete the line, or use a key of niemyet's themes/default/i18n/.",
        ),
    };
    Diagnostic::warning(
        &file.rel,
        Bilingual::new(
            format!("Không mẫu nào dùng chuỗi giao diện `{key}`: dòng này không thay đổi gì."),
            format!("No template uses the interface string `{key}`: this line changes nothing."),
        ),
    )
    .at(file.line_of_top(key), None)
    .field(key)
    .hint(hint)
}

/// A language of the site that lacks strings the default language has: its pages would show
/// nothing where the words go.
fn incomplete_language(language: &str, missing: &[&str], none: bool) -> Diagnostic {
    let file = site_file(language);
    let shown: Vec<String> = missing.iter().take(8).map(|k| format!("`{k}`")).collect();
    let more = if missing.len() > shown.len() {
        ", …"
    } else {
        ""
    };
    let list = format!("{}{more}", shown.join(", "));
    let message = if none {
        Bilingual::new(
            format!(
                "Cổng có ngôn ngữ `{language}` (ngon_ngu trong cau-hinh.yaml) nhưng không có chuỗi giao diện nào cho ngôn ngữ đó."
            ),
            format!(
                "The portal has the language `{language}` (ngon_ngu in cau-hinh.yaml) but no interface strings for it."
            ),
        )
    } else {
        Bilingual::new(
            format!(
                "Ngôn ngữ `{language}` thiếu {} chuỗi giao diện: {list}.",
                missing.len()
            ),
            format!(
                "The language `{language}` lacks {} interface strings: {list}.",
                missing.len()
            ),
        )
    };
    Diagnostic::error(&file, message).hint(Bilingual::new(
        format!("Chép themes/default/i18n/vi.yaml của niemyet thành {} rồi dịch từng dòng, hoặc bỏ `{language}` khỏi ngon_ngu.", file.display()),
        format!("Copy niemyet's themes/default/i18n/vi.yaml to {} and translate each line, or remove `{language}` from ngon_ngu.", file.display()),
    ))
}

fn unknown_language(lf: &LanguageFile, languages: &[&str]) -> Diagnostic {
    let list = languages.join(", ");
    Diagnostic::warning(
        &lf.file.rel,
        Bilingual::new(
            format!(
                "Cổng không có ngôn ngữ `{}`: tệp này không được dùng.",
                lf.language
            ),
            format!(
                "The portal has no language `{}`: this file is not used.",
                lf.language
            ),
        ),
    )
    .hint(Bilingual::new(
        format!("Đặt tên tệp theo một ngôn ngữ của cổng: {list}."),
        format!("Name the file after a language of the portal: {list}."),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(rel: &str, text: &str) -> LanguageFile {
        LanguageFile {
            file: SourceFile {
                rel: rel.into(),
                abs: rel.into(),
                text: text.into(),
            },
            language: Path::new(rel)
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default(),
        }
    }

    fn template<'a>(name: &'a str, path: &'a Path, text: &'a str) -> TemplateSource<'a> {
        TemplateSource { name, path, text }
    }

    #[test]
    fn keys_are_found_in_tags_only_outside_strings_with_their_line() {
        let text = "<p>t.not_a_key {{ t.one }}</p>\n{% set x = [t.two, \"t.three\"] %}{{ at.four }}\n{{ m::f(a=t.five ~ \" \") }} {{ t.six | upper }}";
        let keys: Vec<(String, usize)> = keys_used(text)
            .into_iter()
            .map(|k| (k.key, k.line))
            .collect();
        assert_eq!(
            keys,
            vec![
                ("one".into(), 1),
                ("two".into(), 2),
                ("five".into(), 3),
                ("six".into(), 3)
            ]
        );
        assert!(keys_used("{{ t. }} { t.x } {{ t.y").len() == 1);
    }

    #[test]
    fn a_site_file_changes_one_string_and_keeps_the_others() {
        let path = Path::new("themes/default/templates/a.html");
        let (strings, problems) = load(
            &["vi"],
            vec![file(
                "vi.yaml",
                "# nav\nnav_home: \"Trang chủ\"\nnav_about: Giới thiệu\n",
            )],
            vec![file("theme/i18n/vi.yaml", "nav_home: Trang đầu\n")],
            &[template(
                "a.html",
                path,
                "{{ t.nav_home }} {{ t.nav_about }}",
            )],
        );
        assert!(problems.is_empty(), "{problems:?}");
        let vi = &strings["vi"];
        assert_eq!(vi["nav_home"], "Trang đầu");
        assert_eq!(vi["nav_about"], "Giới thiệu");
    }

    #[test]
    fn a_label_rust_asks_for_is_an_error_where_a_language_lacks_it() {
        let (strings, problems) = load(
            &["vi", "en"],
            vec![
                file("vi.yaml", "gender_nam: Nam\n"),
                file("en.yaml", "gender_nam: Male\n"),
            ],
            vec![file("theme/i18n/en.yaml", "gender_nam: Man\n")],
            &[],
        );
        assert!(problems.is_empty(), "{problems:?}");
        let required = ["gender_nam".to_string(), "gender_nu".to_string()];
        let problems = missing_labels(&["vi", "en"], &strings, &required);
        let found: Vec<_> = problems
            .iter()
            .map(|d| (d.is_error(), d.path.clone(), d.field.as_deref()))
            .collect();
        assert_eq!(
            found,
            vec![
                (true, site_file("vi"), Some("gender_nu")),
                (true, site_file("en"), Some("gender_nu"))
            ]
        );
        assert!(problems[0].message.en.contains("`gender_nu`"));
        assert!(
            problems[0]
                .hint
                .as_ref()
                .is_some_and(|h| h.en.contains("theme/i18n/vi.yaml"))
        );
    }

    #[test]
    fn a_missing_key_is_an_error_naming_key_template_and_line() {
        let path = Path::new("theme/templates/a.html");
        let (_, problems) = load(
            &["vi"],
            vec![file("vi.yaml", "nav_home: Trang chủ\n")],
            vec![],
            &[template("a.html", path, "<h1>\n{{ t.nav_hom }}</h1>")],
        );
        let [d] = problems.as_slice() else {
            panic!("{problems:?}")
        };
        assert!(d.is_error());
        assert_eq!((d.path.as_path(), d.line), (path, Some(2)));
        assert!(d.message.en.contains("`t.nav_hom`") && d.message.en.contains("a.html"));
        assert!(
            d.hint
                .as_ref()
                .is_some_and(|h| h.en.contains("`t.nav_home`"))
        );
    }

    #[test]
    fn an_unused_site_key_is_a_warning_with_the_nearest_key() {
        let path = Path::new("theme/templates/a.html");
        let (strings, problems) = load(
            &["vi"],
            vec![file("vi.yaml", "nav_home: Trang chủ\n")],
            vec![file(
                "theme/i18n/vi.yaml",
                "# ours\nnav_hom: Trang đầu\nward_motto: Đoàn kết\n",
            )],
            // a key the site's own template uses is not a typo
            &[template("a.html", path, "{{ t.ward_motto }}")],
        );
        let [d] = problems.as_slice() else {
            panic!("{problems:?}")
        };
        assert!(!d.is_error());
        assert_eq!((d.line, d.field.as_deref()), (Some(2), Some("nav_hom")));
        assert!(d.hint.as_ref().is_some_and(|h| h.en.contains("`nav_home`")));
        assert_eq!(strings["vi"]["ward_motto"], "Đoàn kết");
    }

    #[test]
    fn broken_and_stray_site_files_are_reported_with_their_place() {
        let (strings, problems) = load(
            &["vi"],
            vec![file("vi.yaml", "nav_home: Trang chủ\n")],
            vec![
                file("theme/i18n/vi.yaml", "nav_home: \"Trang\n"),
                file("theme/i18n/fr.yaml", "nav_home: Accueil\n"),
                file("theme/i18n/vi.yaml", "# only a comment\n"),
            ],
            &[],
        );
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].is_error() && problems[0].line == Some(1));
        assert!(!problems[1].is_error() && problems[1].message.en.contains("`fr`"));
        assert_eq!(strings["vi"]["nav_home"], "Trang chủ");
        assert!(!strings.contains_key("fr"));
    }

    #[test]
    fn an_empty_site_string_is_a_warning_and_keeps_the_default() {
        let (strings, problems) = load(
            &["vi"],
            vec![file(
                "vi.yaml",
                "nav_home: Trang chủ\nnav_about: Giới thiệu\n",
            )],
            vec![file("theme/i18n/vi.yaml", "nav_home:\nnav_about: A\n")],
            &[],
        );
        let found: Vec<_> = problems
            .iter()
            .map(|d| (d.is_error(), d.line, d.field.as_deref()))
            .collect();
        assert_eq!(found, vec![(false, Some(1), Some("nav_home"))]);
        assert_eq!(strings["vi"]["nav_home"], "Trang chủ");
        assert_eq!(strings["vi"]["nav_about"], "A");
    }

    #[test]
    fn a_site_string_written_twice_is_an_error_on_its_second_line() {
        let (_, problems) = load(
            &["vi"],
            vec![file("vi.yaml", "nav_about: Giới thiệu\n")],
            vec![file("theme/i18n/vi.yaml", "nav_about: A\nnav_about: B\n")],
            &[],
        );
        let found: Vec<_> = problems
            .iter()
            .map(|d| (d.is_error(), d.line, d.field.as_deref()))
            .collect();
        assert_eq!(found, vec![(true, Some(2), Some("nav_about"))]);
    }
}
