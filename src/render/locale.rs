//! The language a page is rendered in: its interface strings, where its pages live, and how it
//! writes numbers and dates. Every word Rust puts on a page comes through here, so a language
//! is a strings file (`i18n/<code>.yaml`), not code.

use super::format::{self, NumberStyle};
use super::i18n::Strings;
use crate::model::date::Date;
use crate::model::language::Language;
use crate::model::spelling::{Spelled, label_key};
use crate::model::term::Term;
use std::collections::BTreeMap;
use tera::{Tera, Value};

pub mod vi_words;

/// One language of the portal, while its pages are rendered.
#[derive(Debug, Clone)]
pub struct Locale<'a> {
    pub language: Language,
    /// Where its pages live under the site root: empty for the default language, `en/` for
    /// English.
    pub prefix: String,
    strings: &'a Strings,
}

impl<'a> Locale<'a> {
    pub fn new(language: Language, is_default: bool, strings: &'a Strings) -> Self {
        Self {
            language,
            prefix: language.prefix(is_default),
            strings,
        }
    }

    /// Every interface string of the language, for templates (`t.key`).
    pub fn strings(&self) -> &'a Strings {
        self.strings
    }

    /// The string of `key`. `check` refuses a language that lacks one, so the key itself is
    /// never shown on a page that was built.
    pub fn t(&self, key: &str) -> String {
        self.strings
            .get(key)
            .cloned()
            .unwrap_or_else(|| key.to_string())
    }

    /// A name in this language: its `_en` form on English pages when given, the Vietnamese one
    /// otherwise.
    pub fn name<'t>(&self, original: &'t str, en: Option<&'t String>) -> &'t str {
        match en {
            Some(en) if self.language == Language::En && !en.trim().is_empty() => en,
            _ => original,
        }
    }

    /// Text staff wrote, in this language: the original on the default language's pages, its
    /// `_en` version on English ones, nothing in a language the content has no field for.
    pub fn written<'t>(
        &self,
        original: Option<&'t String>,
        en: Option<&'t String>,
    ) -> Option<&'t String> {
        if self.prefix.is_empty() {
            original
        } else if self.language == Language::En {
            en
        } else {
            None
        }
    }

    /// The label of a model value in this language: `label("doc_kind", "nghi-quyet")` is the
    /// string of `doc_kind_nghi_quyet`.
    pub fn label(&self, group: &str, key: &str) -> String {
        self.t(&label_key(group, key))
    }

    /// The label of a value spelled by a table (`Gender::Female` → the string `gender_nu`).
    pub fn of_value<T: Spelled>(&self, value: T) -> String {
        self.t(&value.label_key())
    }

    /// The sentence of `key` with its `{name}` placeholders filled.
    pub fn fill(&self, key: &str, args: &[(&str, &str)]) -> String {
        format::fill(&self.t(key), args)
    }

    fn style(&self) -> NumberStyle<'a> {
        style_of(self.strings)
    }

    /// `4.459.718`, `4,459,718`.
    pub fn number(&self, n: impl Into<u64>) -> String {
        self.style().number(n.into())
    }

    /// `48,33%`, `48.33%`.
    pub fn percent(&self, p: f64) -> String {
        self.style().percent(p)
    }

    /// A share to compare with a threshold, never rounded onto it.
    pub fn share_against(&self, part: u32, whole: u32, threshold: u8) -> String {
        self.style().share_against(part, whole, threshold)
    }

    /// `12,3 KB`, `12.3 KB`.
    pub fn size(&self, bytes: u64) -> String {
        self.style().size(bytes, &self.t("format_bytes"))
    }

    /// A date in lists and tables: `05/6/2022`, `5 June 2022`.
    pub fn date(&self, d: Date) -> String {
        date_of(self.strings, d, "format_date")
    }

    /// A date in running text: `ngày 5 tháng 6 năm 2022`, `5 June 2022`.
    pub fn date_long(&self, d: Date) -> String {
        date_of(self.strings, d, "format_date_long")
    }

    /// The date of an administrative document: `ngày 09 tháng 6 năm 2022`, `9 June 2022`.
    pub fn date_document(&self, d: Date) -> String {
        date_of(self.strings, d, "format_date_document")
    }

    /// `Chủ nhật`, `Sunday`.
    pub fn weekday(&self, d: Date) -> String {
        self.t(&format!("weekday_{}", d.weekday() + 1))
    }

    /// `2024–2027` in every language the portal has.
    pub fn term(&self, t: Term) -> String {
        t.to_string()
    }
}

fn style_of(strings: &Strings) -> NumberStyle<'_> {
    let get = |k: &str, default: &'static str| strings.get(k).map_or(default, String::as_str);
    NumberStyle {
        thousands: get("format_thousands", "."),
        decimal: get("format_decimal", ","),
    }
}

fn date_of(strings: &Strings, d: Date, pattern_key: &str) -> String {
    const MONTHS: [&str; 12] = [
        "month_1", "month_2", "month_3", "month_4", "month_5", "month_6", "month_7", "month_8",
        "month_9", "month_10", "month_11", "month_12",
    ];
    let month = MONTHS[usize::from(d.month().clamp(1, 12) - 1)];
    let pattern = strings
        .get(pattern_key)
        .map_or("{dd}/{m}/{yyyy}", String::as_str);
    format::date(d, pattern, strings.get(month).map_or("", String::as_str))
}

/// The filters templates format with, each given the page's language: `{{ n | number(lang=lang) }}`,
/// `{{ p | percent(lang=lang) }}` and `{{ iso | date(lang=lang) }}` (or `date_long`).
pub fn register_filters(tera: &mut Tera, by_language: &BTreeMap<String, Strings>) {
    let strings_of = |by: &BTreeMap<String, Strings>| by.clone();
    let languages = strings_of(by_language);
    tera.register_filter(
        "number",
        move |v: &Value, args: &std::collections::HashMap<String, Value>| {
            let strings = language_arg(&languages, args)?;
            let n = v
                .as_u64()
                .ok_or_else(|| tera::Error::msg("number: not a whole number"))?;
            Ok(Value::String(style_of(strings).number(n)))
        },
    );
    let languages = strings_of(by_language);
    tera.register_filter(
        "percent",
        move |v: &Value, args: &std::collections::HashMap<String, Value>| {
            let strings = language_arg(&languages, args)?;
            let p = v
                .as_f64()
                .ok_or_else(|| tera::Error::msg("percent: not a number"))?;
            Ok(Value::String(style_of(strings).percent(p)))
        },
    );
    // `{{ text | vi_words(lang=lang) | safe }}`: on a page in another language, the Vietnamese
    // words of a sentence (document numbers, names) marked as Vietnamese; the text escaped.
    tera.register_filter(
        "vi_words",
        |v: &Value, args: &std::collections::HashMap<String, Value>| {
            let text = v
                .as_str()
                .ok_or_else(|| tera::Error::msg("vi_words: not a text"))?;
            Ok(Value::String(
                match args.get("lang").and_then(Value::as_str) {
                    Some("vi") => vi_words::escape_only(text),
                    Some(_) => vi_words::mark(text),
                    None => {
                        return Err(tera::Error::msg(
                            "vi_words needs the page's language: lang=lang",
                        ));
                    }
                },
            ))
        },
    );
    // `{{ body_html | vi_words_html(lang=lang) | safe }}`: the same for HTML made from Markdown
    tera.register_filter(
        "vi_words_html",
        |v: &Value, args: &std::collections::HashMap<String, Value>| {
            let html = v
                .as_str()
                .ok_or_else(|| tera::Error::msg("vi_words_html: not a text"))?;
            Ok(Value::String(
                match args.get("lang").and_then(Value::as_str) {
                    Some("vi") => html.to_string(),
                    Some(_) => vi_words::mark_html(html),
                    None => {
                        return Err(tera::Error::msg(
                            "vi_words_html needs the page's language: lang=lang",
                        ));
                    }
                },
            ))
        },
    );
    // `{% if text is vietnamese %}`: a text of the content shown as written, to be marked whole
    tera.register_tester("vietnamese", |v: Option<&Value>, _: &[Value]| {
        Ok(v.and_then(Value::as_str)
            .is_some_and(vi_words::is_vietnamese))
    });
    for (name, pattern) in [("date", "format_date"), ("date_long", "format_date_long")] {
        let languages = strings_of(by_language);
        tera.register_filter(
            name,
            move |v: &Value, args: &std::collections::HashMap<String, Value>| {
                let strings = language_arg(&languages, args)?;
                let d = v
                    .as_str()
                    .and_then(|s| Date::parse(s).ok())
                    .ok_or_else(|| tera::Error::msg(format!("{name}: not a date")))?;
                Ok(Value::String(date_of(strings, d, pattern)))
            },
        );
    }
}

fn language_arg<'s>(
    languages: &'s BTreeMap<String, Strings>,
    args: &std::collections::HashMap<String, Value>,
) -> tera::Result<&'s Strings> {
    let lang = args
        .get("lang")
        .and_then(Value::as_str)
        .ok_or_else(|| tera::Error::msg("the filter needs the page's language: lang=lang"))?;
    languages
        .get(lang)
        .ok_or_else(|| tera::Error::msg(format!("no interface strings for `{lang}`")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(pairs: &[(&str, &str)]) -> Strings {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_string(), (*v).to_string()))
            .collect()
    }

    fn english() -> Strings {
        let mut s = strings(&[
            ("format_thousands", ","),
            ("format_decimal", "."),
            ("format_date", "{d} {month} {yyyy}"),
            ("format_date_long", "{d} {month} {yyyy}"),
            ("format_bytes", "bytes"),
            ("weekday_7", "Sunday"),
            ("doc_kind_nghi_quyet", "Resolution"),
            ("verdict", "{name} is elected"),
        ]);
        for (i, m) in ["January", "February", "March", "April", "May", "June"]
            .iter()
            .enumerate()
        {
            s.insert(format!("month_{}", i + 1), (*m).to_string());
        }
        s
    }

    #[test]
    fn a_locale_formats_by_its_strings() {
        let en = english();
        let l = Locale::new(Language::En, false, &en);
        let d = Date::new(2022, 6, 5).unwrap();
        assert_eq!(l.prefix, "en/");
        assert_eq!(l.number(4_459_718u32), "4,459,718");
        assert_eq!(l.percent(48.333), "48.33%");
        assert_eq!(l.date(d), "5 June 2022");
        assert_eq!(l.weekday(d), "Sunday");
        assert_eq!(l.size(12_595), "12.3 KB");
        assert_eq!(l.label("doc_kind", "nghi-quyet"), "Resolution");
        assert_eq!(l.fill("verdict", &[("name", "An")]), "An is elected");
        assert_eq!(l.term(Term::parse("2024-2027").unwrap()), "2024–2027");
    }

    #[test]
    fn templates_format_through_filters_in_the_page_language() {
        let mut by = BTreeMap::new();
        by.insert("en".to_string(), english());
        by.insert(
            "vi".to_string(),
            strings(&[("format_date_long", "ngày {d} tháng {m} năm {yyyy}")]),
        );
        let mut tera = Tera::default();
        register_filters(&mut tera, &by);
        tera.add_raw_template(
            "t",
            "{{ n | number(lang=lang) }} {{ p | percent(lang=lang) }} {{ d | date_long(lang=lang) }}",
        )
        .unwrap();
        let mut ctx = tera::Context::new();
        ctx.insert("n", &1234567);
        ctx.insert("p", &48.333);
        ctx.insert("d", "2022-06-05");
        ctx.insert("lang", "vi");
        assert_eq!(
            tera.render("t", &ctx).unwrap(),
            "1.234.567 48,33% ngày 5 tháng 6 năm 2022"
        );
        ctx.insert("lang", "en");
        assert_eq!(
            tera.render("t", &ctx).unwrap(),
            "1,234,567 48.33% 5 June 2022"
        );
    }
}
