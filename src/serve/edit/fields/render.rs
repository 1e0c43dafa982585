//! The fields of a form as HTML: each with its label, its error slot and the value typed; a
//! list as a `select`; rows as a group of fields per row; the body with its preview.

use super::super::Typed;
use super::super::labels::Labels;
use super::super::page::{both, escape};
use super::{BODY, Field, Kind, Layout, rows, shown};
use crate::diagnostics::{Bilingual, Severity};
use crate::render::locale::Locale;
use crate::render::markdown;

/// What a form's fields need besides the values: the labels of choices, and the values of the
/// fields listed from the site.
pub struct Context<'a> {
    pub labels: Option<&'a Labels>,
    /// The values to offer for a [`Kind::Listed`] field, by key, with their labels.
    pub listed: &'a dyn Fn(&str) -> Vec<(String, String)>,
}

/// The fields with `typed`'s values and the problems next to them, and the body's preview.
pub fn render(
    layout: &Layout,
    context: &Context,
    typed: &Typed,
    problems: &[(String, Severity, Bilingual)],
) -> String {
    let cells = Cells::new(context, problems);
    let mut html = String::new();
    for f in shown(layout.fields, typed) {
        let Kind::Rows(columns) = f.kind else {
            let value = typed.get(f.key).map(String::as_str).unwrap_or_default();
            html.push_str(&cells.field(f, f.key, f.key, value));
            continue;
        };
        let count = rows::shown(typed, f.key, columns);
        html.push_str(&format!(
            "<fieldset class=\"rows\"><legend>{}</legend>{}<p class=\"note\">{}</p>\
             <input type=\"hidden\" name=\"{}\" value=\"{count}\">",
            both(&Bilingual::new(f.vi, f.en)),
            cells.slot(f.key),
            both(&Bilingual::new(
                "Mỗi dòng một mục. Để trống cả dòng thì dòng đó bị xóa khi lưu; cần thêm dòng trống thì bấm Kiểm tra.",
                "One item per row. A row left blank is removed on saving; for more blank rows, press Check.",
            )),
            f.key
        ));
        for row in 0..count {
            html.push_str(&format!(
                "<fieldset class=\"row\"><legend>{}</legend>",
                both(&Bilingual::new(
                    format!("Dòng {}", row + 1),
                    format!("Row {}", row + 1)
                ))
            ));
            for column in columns {
                let id = rows::cell(f.key, row, column.key);
                let value = typed.get(&id).map(String::as_str).unwrap_or_default();
                let listed = format!("{}.{}", f.key, column.key);
                html.push_str(&cells.field(column, &id, &listed, value));
            }
            html.push_str("</fieldset>");
        }
        html.push_str("</fieldset>");
    }
    let Some((vi, en)) = layout.body else {
        return html;
    };
    let body = typed.get(BODY).map(String::as_str).unwrap_or_default();
    html.push_str(&format!(
        "<div class=\"field\"><label for=\"{BODY}\">{}</label>{}\
         <textarea id=\"{BODY}\" name=\"{BODY}\" rows=\"10\" aria-describedby=\"{BODY}-loi\"{}>{}</textarea></div>\
         <h2>{}</h2><div id=\"{BODY}-xem-truoc\" class=\"note\" data-live>{}</div>",
        both(&Bilingual::new(vi, en)),
        cells.slot(BODY),
        cells.invalid(BODY),
        escape(body),
        both(&Bilingual::new("Sẽ hiện trên trang như sau", "It will show on the page as")),
        markdown::to_html(&markdown::without_comments(body)),
    ));
    html
}

/// One field outside a layout (a new file's name), drawn as the layout's are.
pub fn single(
    f: &Field,
    context: &Context,
    typed: &Typed,
    problems: &[(String, Severity, Bilingual)],
) -> String {
    let cells = Cells::new(context, problems);
    let value = typed.get(f.key).map(String::as_str).unwrap_or_default();
    cells.field(f, f.key, f.key, value)
}

/// What every field of a form is drawn with.
struct Cells<'a> {
    context: &'a Context<'a>,
    problems: &'a [(String, Severity, Bilingual)],
    locales: Option<(Locale<'a>, Locale<'a>)>,
}

impl<'a> Cells<'a> {
    fn new(context: &'a Context<'a>, problems: &'a [(String, Severity, Bilingual)]) -> Self {
        Self {
            context,
            problems,
            locales: context.labels.map(Labels::locales),
        }
    }

    /// The messages about field `id`, where the script puts the fresh ones.
    fn slot(&self, id: &str) -> String {
        let messages: Vec<String> = self
            .problems
            .iter()
            .filter(|(f, _, _)| f == id)
            .map(|(_, _, m)| both(m))
            .collect();
        format!(
            "<p class=\"error\" id=\"{}-loi\" data-live>{}</p>",
            escape(id),
            messages.join("<br>")
        )
    }

    fn invalid(&self, id: &str) -> &'static str {
        let wrong = self
            .problems
            .iter()
            .any(|(f, s, _)| f == id && *s == Severity::Error);
        if wrong { " aria-invalid=\"true\"" } else { "" }
    }

    /// Field `f` under the id (and name) `id`, its list of values asked for as `listed`.
    fn field(&self, f: &Field, id: &str, listed: &str, value: &str) -> String {
        let label = if f.required {
            both(&Bilingual::new(
                format!("{} (bắt buộc)", f.vi),
                format!("{} (required)", f.en),
            ))
        } else {
            both(&Bilingual::new(f.vi, f.en))
        };
        let key = escape(id);
        let invalid = self.invalid(id);
        let select = |mut list: Vec<(String, String)>| {
            // a value on file the list does not offer stays chosen, never silently blanked
            if !value.is_empty() && !list.iter().any(|(v, _)| v == value) {
                list.insert(
                    0,
                    (
                        value.to_string(),
                        format!("{value} (không có trong danh sách / not in the list)"),
                    ),
                );
            }
            let mut options = String::from("<option value=\"\">—</option>");
            for (v, text) in list {
                let selected = if v == value { " selected" } else { "" };
                options.push_str(&format!(
                    "<option value=\"{}\"{selected}>{}</option>",
                    escape(&v),
                    escape(&text)
                ));
            }
            format!(
                "<select id=\"{key}\" name=\"{key}\" aria-describedby=\"{key}-loi\"{invalid}>{options}</select>"
            )
        };
        let control = match f.kind {
            Kind::Text | Kind::Number | Kind::Date => format!(
                "<input id=\"{key}\" name=\"{key}\" value=\"{}\" inputmode=\"{}\" autocomplete=\"off\" \
                 aria-describedby=\"{key}-loi\"{invalid}>",
                escape(value),
                if matches!(f.kind, Kind::Number) {
                    "numeric"
                } else {
                    "text"
                },
            ),
            Kind::Lines | Kind::Paragraphs => format!(
                "<textarea id=\"{key}\" name=\"{key}\" rows=\"4\" aria-describedby=\"{key}-loi\"{invalid}>{}</textarea>",
                escape(value)
            ),
            Kind::Listed => select((self.context.listed)(listed)),
            Kind::Choice(list) => select(match &self.locales {
                Some((vi, en)) => list(vi)
                    .into_iter()
                    .zip(list(en))
                    .map(|((k, v), (_, e))| (k.to_string(), format!("{v} / {e}")))
                    .collect(),
                None => Vec::new(),
            }),
            Kind::YesNo => select(vec![
                ("true".to_string(), "Có / Yes".to_string()),
                ("false".to_string(), "Không / No".to_string()),
            ]),
            // rows are drawn as a group of fields each, never as one
            Kind::Rows(_) => String::new(),
        };
        format!(
            "<div class=\"field\"><label for=\"{key}\">{label}</label>{}{control}</div>",
            self.slot(id)
        )
    }
}
