//! The theme: the default one is built into the program (so a single `niemyet.exe` is enough),
//! and a site overrides it file by file from its own `theme/templates/` and `theme/static/`, and
//! string by string from `theme/i18n/` (see `i18n`).

use super::assets::{self, Assets};
use super::i18n::{self, I18N_DIR, LanguageFile, Strings, TemplateSource};
use super::urls::ASSETS;
use crate::diagnostics::{Bilingual, Diagnostic};
use crate::load::reload::Changes;
use crate::load::skipped::{Irregular, not_regular};
use crate::load::{self, SourceFile, THEME_DIR};
use crate::model::file_names::{self, Refusal};
use crate::model::language::Language;
use include_dir::{Dir, include_dir};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use tera::Tera;

static DEFAULT_THEME: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

/// Where the default theme lives in niemyet's sources: what diagnostics about it show.
const DEFAULT_THEME_PATH: &str = "themes/default";

/// Templates, static files and interface strings after overrides.
pub struct Theme {
    /// The templates, compiled once for each language with its plain strings written in (see
    /// `inline_strings`), by the language's code.
    teras: BTreeMap<String, Tera>,
    /// Static files by path under `static/` (e.g. `style.css`).
    pub statics: BTreeMap<String, Vec<u8>>,
    /// Where each static file is published, some under a content-hashed name.
    pub assets: Assets,
    /// Interface strings by language, then key.
    strings: BTreeMap<String, Strings>,
}

/// A template's text and the path diagnostics show for it.
struct Template {
    text: String,
    path: PathBuf,
}

/// The files of the theme as read, before Tera sees them.
#[derive(Default)]
struct Parts {
    templates: BTreeMap<String, Template>,
    statics: BTreeMap<String, Vec<u8>>,
    default_strings: Vec<LanguageFile>,
    site_strings: Vec<LanguageFile>,
}

impl Theme {
    /// The theme after the site's overrides, and every problem found in it: warnings come back
    /// even when it loads; the theme is `None` when one of them is an error.
    pub fn load(content_root: &Path, languages: &[Language]) -> (Option<Self>, Vec<Diagnostic>) {
        let mut parts = Parts::default();
        let mut problems = Vec::new();
        if let Err(message) = collect_embedded(&DEFAULT_THEME, &mut parts) {
            problems.push(theme_error(&message));
        }
        let site_theme = content_root.join(THEME_DIR);
        if site_theme.is_dir() {
            collect_overrides(content_root, &site_theme, &mut parts, &mut problems);
        }
        problems.extend(plain_asset_names(&parts));
        let sources: Vec<TemplateSource<'_>> = parts
            .templates
            .iter()
            .map(|(name, t)| TemplateSource {
                name,
                path: &t.path,
                text: &t.text,
            })
            .collect();
        // strings files are named by the language's code
        let codes: Vec<&str> = languages.iter().map(Language::code).collect();
        let (strings, string_problems) =
            i18n::load(&codes, parts.default_strings, parts.site_strings, &sources);
        problems.extend(string_problems);
        problems.extend(i18n::missing_labels(
            &codes,
            &strings,
            &crate::model::spelling::label_keys(),
        ));
        let mut teras = BTreeMap::new();
        for (code, language_strings) in &strings {
            let mut tera = Tera::default();
            let raw = (parts.templates.iter()).map(|(name, t)| {
                let text = super::inline_strings::inline(name, &t.text, language_strings);
                (name.as_str(), text)
            });
            if let Err(e) = tera.add_raw_templates(raw) {
                // told as the theme wrote its templates, not with the strings written in; the
                // same for every language
                let as_written =
                    (parts.templates.iter()).map(|(k, t)| (k.as_str(), t.text.as_str()));
                let e = Tera::default()
                    .add_raw_templates(as_written)
                    .err()
                    .unwrap_or(e);
                problems.push(theme_error(&describe(&e)));
                break;
            }
            tera.autoescape_on(vec![".html"]);
            tera.set_escape_fn(super::xml::escape_html);
            teras.insert(code.clone(), tera);
        }
        let loaded = !problems.iter().any(Diagnostic::is_error);
        let theme = loaded.then_some(Self {
            teras,
            assets: Assets::new(ASSETS, &parts.statics),
            statics: parts.statics,
            strings,
        });
        (theme, problems)
    }

    /// Makes the formatting filters (`number`, `percent`, `date`, `date_long`) known to the
    /// templates, each formatting in the language its `lang` argument names, and the `asset`
    /// function that names a static file as published.
    pub fn register_filters(&mut self) {
        for tera in self.teras.values_mut() {
            super::locale::register_filters(tera, &self.strings);
            self.assets.register(tera);
        }
    }

    /// The templates as compiled for `language`.
    pub fn tera(&self, language: Language) -> Option<&Tera> {
        self.teras.get(language.code())
    }

    /// The interface strings of `language`, what templates see as `t`.
    pub fn strings(&self, language: Language) -> Option<&Strings> {
        self.strings.get(language.code())
    }

    /// The stylesheet, minified, for pages that must carry it inline (the 404 page).
    pub fn stylesheet(&self) -> String {
        self.statics
            .get("style.css")
            .map(|b| String::from_utf8_lossy(&crate::write::minify::css(b)).into_owned())
            .unwrap_or_default()
    }
}

/// A site's theme as loaded for its languages, ready to render with, and the problems found in
/// it: what a check reports and a build renders with. The preview keeps it from one save to the
/// next while neither the theme's folder nor the site's languages change.
pub struct LoadedTheme {
    languages: Vec<Language>,
    /// The theme with its filters registered, or its errors as one text.
    theme: Result<Theme, String>,
    problems: Vec<Diagnostic>,
}

impl LoadedTheme {
    pub fn load(content_root: &Path, languages: Vec<Language>) -> Self {
        let (theme, problems) = Theme::load(content_root, &languages);
        let theme = match theme {
            Some(mut theme) => {
                theme.register_filters();
                Ok(theme)
            }
            None => Err(problems.iter().map(ToString::to_string).collect()),
        };
        Self {
            languages,
            theme,
            problems,
        }
    }

    /// `previous` when it was loaded for `languages` and nothing under the theme's folder is
    /// among the `changes` since; else the theme loaded again.
    pub fn reload(
        previous: Option<Self>,
        content_root: &Path,
        languages: Vec<Language>,
        changes: &Changes,
    ) -> Self {
        match previous {
            Some(kept) if kept.languages == languages && !changes.touch(Path::new(THEME_DIR)) => {
                kept
            }
            _ => Self::load(content_root, languages),
        }
    }

    /// Every problem found in the theme, warnings included.
    pub fn problems(&self) -> &[Diagnostic] {
        &self.problems
    }

    /// The theme to render with, or why there is none.
    pub fn theme(&self) -> Result<&Theme, String> {
        self.theme.as_ref().map_err(Clone::clone)
    }

    pub fn into_theme(self) -> Result<Theme, String> {
        self.theme
    }
}

impl std::fmt::Debug for LoadedTheme {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LoadedTheme")
            .field("languages", &self.languages)
            .field("problems", &self.problems)
            .finish_non_exhaustive()
    }
}

fn collect_embedded(dir: &Dir<'_>, parts: &mut Parts) -> Result<(), String> {
    for file in dir.files() {
        let path = file.path().to_string_lossy().replace('\\', "/");
        let source = Path::new(DEFAULT_THEME_PATH).join(&path);
        let text = || {
            file.contents_utf8()
                .map(str::to_string)
                .ok_or_else(|| format!("{path} is not UTF-8"))
        };
        if let Some(name) = path.strip_prefix("templates/") {
            let template = Template {
                text: text()?,
                path: source,
            };
            parts.templates.insert(name.to_string(), template);
        } else if let Some(name) = path.strip_prefix("static/") {
            parts
                .statics
                .insert(name.to_string(), file.contents().to_vec());
        } else if let Some(name) = path.strip_prefix(&format!("{I18N_DIR}/")) {
            let file = SourceFile {
                rel: source.clone(),
                abs: source,
                text: text()?,
            };
            parts.default_strings.push(language_file(name, file));
        }
    }
    for sub in dir.dirs() {
        collect_embedded(sub, parts)?;
    }
    Ok(())
}

/// Reads the site's theme. Links are followed as long as they stay inside the content folder, so
/// that nothing from elsewhere on the computer can be published through the theme.
fn collect_overrides(
    content_root: &Path,
    root: &Path,
    parts: &mut Parts,
    problems: &mut Vec<Diagnostic>,
) {
    let real_content = content_root
        .canonicalize()
        .unwrap_or_else(|_| content_root.to_path_buf());
    let mut walker = walkdir::WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter();
    while let Some(entry) = walker.next() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                problems.push(theme_error(&e.to_string()));
                continue;
            }
        };
        let rel = entry
            .path()
            .strip_prefix(root)
            .map(|p| p.to_string_lossy().replace('\\', "/"))
            .unwrap_or_default();
        let shown = if rel.is_empty() {
            PathBuf::from(THEME_DIR)
        } else {
            Path::new(THEME_DIR).join(&rel)
        };
        let kind = entry.file_type();
        let inside = entry
            .path()
            .canonicalize()
            .is_ok_and(|real| real.starts_with(&real_content));
        if !inside {
            problems.push(link_outside(&shown));
            if kind.is_dir() {
                walker.skip_current_dir();
            }
            continue;
        }
        if kind.is_dir() {
            continue;
        }
        if !kind.is_file() {
            problems.push(not_regular(&shown, Irregular::Special));
            continue;
        }
        let read = if let Some(name) = rel.strip_prefix("templates/") {
            crate::fs::read_to_string(entry.path()).map(|text| {
                parts.templates.insert(
                    name.to_string(),
                    Template {
                        text,
                        path: shown.clone(),
                    },
                );
            })
        } else if let Some(name) = rel.strip_prefix("static/") {
            match file_names::check_path(name, file_names::STATIC_TYPES) {
                Ok(()) => crate::fs::read(entry.path()).map(|bytes| {
                    parts.statics.insert(name.to_string(), bytes);
                }),
                Err(refusal) => {
                    problems.push(static_refused(&shown, name, refusal));
                    Ok(())
                }
            }
        } else if let Some(name) = rel.strip_prefix(&format!("{I18N_DIR}/")) {
            match load::read_source(content_root, entry.path()) {
                Ok(file) => parts.site_strings.push(language_file(name, file)),
                Err(d) => problems.push(d),
            }
            Ok(())
        } else {
            Ok(())
        };
        if let Err(e) = read {
            problems.push(theme_error(&e.to_string()));
        }
    }
}

/// A site's template that names a static file by its plain name (`tai-nguyen/style.css`), which
/// the output no longer has: the file is published under a content-hashed name.
fn plain_asset_names(parts: &Parts) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    let own = parts
        .templates
        .values()
        .filter(|t| t.path.starts_with(THEME_DIR));
    for t in own {
        for name in parts.statics.keys().filter(|n| assets::is_hashed(n)) {
            let plain = format!("{ASSETS}/{name}");
            let Some(line) = t.text.lines().position(|l| l.contains(&plain)) else {
                continue;
            };
            let file = t.path.display();
            found.push(
                Diagnostic::warning(
                    &t.path,
                    Bilingual::new(
                        format!("Mẫu {file} gọi tệp “{plain}”, nhưng tệp này được đăng dưới tên có mã băm nội dung (để trình duyệt lưu lâu), nên liên kết sẽ hỏng."),
                        format!("The template {file} names “{plain}”, but that file is published under a name with a hash of its contents (so browsers may keep it long), so the link will break."),
                    ),
                )
                .at(Some(line + 1), None)
                .hint(Bilingual::new(
                    format!("Thay “{plain}” bằng {{{{ asset(name=\"{name}\") }}}} (đặt sau {{{{ site_root }}}} như trước)."),
                    format!("Replace “{plain}” with {{{{ asset(name=\"{name}\") }}}} (after {{{{ site_root }}}} as before)."),
                )),
            );
        }
    }
    found
}

/// Part of the theme is a link to somewhere outside the content folder.
fn link_outside(shown: &Path) -> Diagnostic {
    let name = shown.display();
    Diagnostic::error(
        shown,
        Bilingual::new(
            format!("“{name}” là liên kết tượng trưng (symbolic link) dẫn ra ngoài thư mục nội dung; niemyet không đăng gì từ ngoài thư mục nội dung."),
            format!("“{name}” is a symbolic link leading outside the content folder; niemyet publishes nothing from outside the content folder."),
        ),
    )
    .hint(Bilingual::new(
        format!("Chép các tệp thật vào {name} thay cho liên kết."),
        format!("Copy the real files into {name} in place of the link."),
    ))
}

/// A file of `theme/static/` that is not published, and what to do about it.
fn static_refused(shown: &Path, name: &str, refusal: Refusal) -> Diagnostic {
    let file = file_names::printable(name);
    let (message, hint) = match refusal {
        Refusal::Server => (
            Bilingual::new(
                format!(
                    "“{file}” là tệp cấu hình hoặc chương trình của máy chủ web; giao diện không đăng loại tệp này, vì nó có thể thay đổi cách máy chủ hoạt động hoặc bị máy chủ chạy."
                ),
                format!(
                    "“{file}” is a web server configuration file or a server-side script; the theme does not publish such files, because they could change how the server works or be run by it."
                ),
            ),
            Bilingual::new(
                "Xóa tệp khỏi theme/static/. Cấu hình máy chủ do người quản trị đặt trên chính máy chủ, không qua niemyet.",
                "Delete the file from theme/static/. Server settings are made on the server itself by its administrator, not through niemyet.",
            ),
        ),
        Refusal::Type => {
            let types = file_names::STATIC_TYPES.join(", ");
            (
                Bilingual::new(
                    format!(
                        "Giao diện chỉ đăng tệp kiểu dáng, chữ, ảnh và JavaScript ({types}); “{file}” thuộc loại tệp khác."
                    ),
                    format!(
                        "The theme publishes only stylesheets, fonts, images and scripts ({types}); “{file}” is of another type."
                    ),
                ),
                Bilingual::new(
                    "Xóa tệp khỏi theme/static/. Trang riêng thì viết bằng Markdown trong trang/; văn bản thì đính kèm bằng dinh_kem của một văn bản.",
                    "Delete the file from theme/static/. Write a page in Markdown in trang/; attach a document with dinh_kem in a document.",
                ),
            )
        }
        Refusal::Unsafe { why, safe } => (
            Bilingual::new(
                format!("Tên “{file}” {}.", why.vi),
                format!("The name “{file}” {}.", why.en),
            ),
            Bilingual::new(
                format!("Đổi tên thành theme/static/{safe} và sửa các mẫu dùng tên cũ."),
                format!(
                    "Rename it to theme/static/{safe} and update the templates that use the old name."
                ),
            ),
        ),
    };
    Diagnostic::error(shown, message).hint(hint)
}

/// `vi.yaml` is the file of `vi`; any other name keeps its whole name, so that it is reported
/// as a language the portal does not have rather than silently ignored.
fn language_file(name: &str, file: SourceFile) -> LanguageFile {
    let language = name.strip_suffix(".yaml").unwrap_or(name).to_string();
    LanguageFile { file, language }
}

fn theme_error(message: &str) -> Diagnostic {
    Diagnostic::error(
        Path::new(THEME_DIR),
        Bilingual::new(
            format!("Giao diện riêng của trang có lỗi: {message}"),
            format!("The site's own theme has an error: {message}"),
        ),
    )
    .hint(Bilingual::new(
        "Sửa mẫu trong theme/templates/ (hoặc xóa nó để dùng giao diện mặc định).",
        "Fix the template in theme/templates/ (or delete it to use the default theme).",
    ))
}

/// Tera hides the cause of an error in its source chain; theme authors need all of it.
pub fn describe(e: &tera::Error) -> String {
    let mut text = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        text.push_str(": ");
        text.push_str(&s.to_string());
        source = s.source();
    }
    text
}
