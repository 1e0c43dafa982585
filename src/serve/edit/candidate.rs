//! The form of a candidate (`bau-cu/<round>/ung-cu-vien/<name>.md`): every field of the file,
//! each enumerated one as a list of the values the file accepts, and the bio as Markdown with a
//! preview; and the form of a new candidate of a round, which fills in the file `niemyet new
//! candidate` writes for the same name.
//!
//! Values are written into the file's own lines (`front_matter::update`): comments and fields
//! the form has no place for (the staff-only `rieng_tu`, English translations) stay, and a file
//! saved unchanged keeps its bytes. What is written is checked as the build checks it, the
//! personal-data rules included, before it is saved.

use super::evaluation::Evaluation;
use super::front_matter;
use super::labels::Labels;
use super::page::{both, escape};
use super::{CANDIDATE_PATH, Form, Typed};
use crate::diagnostics::{Bilingual, Diagnostics, Severity};
use crate::load::{CANDIDATES_DIR, ELECTIONS_DIR};
use crate::model::Site;
use crate::model::candidate::{Gender, PoliticalTheory, Qualification};
use crate::model::election::Round;
use crate::model::spelling::Spelled;
use crate::model::text::is_slug;
use crate::render::locale::Locale;
use crate::render::markdown;
use crate::render::urls;
use crate::scaffold::{self, yaml_text};
use serde_yaml::{Mapping, Value};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The field of the bio, which is the file's body.
pub const BIO: &str = "tieu_su";

/// What a field holds, and so how it is shown and written.
#[derive(Clone, Copy)]
enum Kind {
    Text,
    Number,
    /// One of the round's contests.
    Contest,
    /// One of a table's spellings, by key.
    Choice(fn(&Locale) -> Vec<(&'static str, String)>),
    YesNo,
}

/// The fields of a candidate file, in the scaffold's order: key, label, kind, required.
const FIELDS: &[(&str, &str, &str, Kind, bool)] = &[
    ("ho_ten", "Họ và tên", "Full name", Kind::Text, true),
    (
        "khu_dan_cu",
        "Khu dân cư nơi ứng cử",
        "Village of the contest",
        Kind::Contest,
        true,
    ),
    ("nam_sinh", "Năm sinh", "Birth year", Kind::Number, true),
    (
        "gioi_tinh",
        "Giới tính",
        "Gender",
        Kind::Choice(choices::<Gender>),
        true,
    ),
    ("dan_toc", "Dân tộc", "Ethnicity", Kind::Text, true),
    ("ton_giao", "Tôn giáo", "Religion", Kind::Text, false),
    (
        "hoc_van",
        "Giáo dục phổ thông (ví dụ 12/12)",
        "General education (e.g. 12/12)",
        Kind::Text,
        false,
    ),
    (
        "trinh_do_chuyen_mon",
        "Trình độ chuyên môn",
        "Qualification",
        Kind::Choice(choices::<Qualification>),
        true,
    ),
    (
        "chuyen_nganh",
        "Chuyên ngành",
        "Field of study",
        Kind::Text,
        false,
    ),
    (
        "ly_luan_chinh_tri",
        "Lý luận chính trị",
        "Political theory",
        Kind::Choice(choices::<PoliticalTheory>),
        true,
    ),
    ("nghe_nghiep", "Nghề nghiệp", "Occupation", Kind::Text, true),
    ("dang_vien", "Đảng viên", "Party member", Kind::YesNo, true),
    (
        "tai_cu",
        "Ứng cử lại",
        "Standing for re-election",
        Kind::YesNo,
        true,
    ),
    (
        "anh",
        "Ảnh (tính từ thư mục ung-cu-vien/, ví dụ anh/nguyen-van-an.jpg)",
        "Photo (from the ung-cu-vien/ folder, e.g. anh/nguyen-van-an.jpg)",
        Kind::Text,
        false,
    ),
    (
        "thu_tu",
        "Thứ tự trên phiếu",
        "Ballot order",
        Kind::Number,
        false,
    ),
    (
        "ma_nguoi",
        "Mã người (giống nhau ở mọi đợt người này ứng cử)",
        "Person id (the same in every round this person stands in)",
        Kind::Text,
        false,
    ),
];

fn choices<T: Spelled>(l: &Locale) -> Vec<(&'static str, String)> {
    T::TABLE
        .iter()
        .filter(|r| r.typed)
        .map(|r| (r.key, l.of_value(r.value)))
        .collect()
}

/// The names of the form's fields, the bio last.
pub fn field_names() -> Vec<&'static str> {
    FIELDS.iter().map(|f| f.0).chain([BIO]).collect()
}

/// What the form shows for a candidate file as it is: its values as text, by key, and its bio;
/// `None` when the file's front matter cannot be read (`check` says why).
pub fn typed_from_file(text: &str) -> Option<BTreeMap<String, String>> {
    let text = text.replace("\r\n", "\n");
    let inner = text
        .strip_prefix('\u{feff}')
        .unwrap_or(&text)
        .strip_prefix("---\n")?;
    let front = &inner[..inner.len() - front_matter::body(&text).len()];
    let front = front.strip_suffix("---\n").unwrap_or(front);
    let values: Mapping = match serde_yaml::from_str::<Value>(front).ok()? {
        Value::Mapping(m) => m,
        Value::Null => Mapping::new(),
        _ => return None,
    };
    let mut typed = BTreeMap::new();
    for (key, ..) in FIELDS {
        let value = match values.get(*key) {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Number(n)) => n.to_string(),
            Some(Value::Bool(b)) => b.to_string(),
            _ => String::new(),
        };
        typed.insert((*key).to_string(), value);
    }
    typed.insert(BIO.to_string(), front_matter::body(&text).to_string());
    Some(typed)
}

/// The file with `typed`'s values written into `text` (the file there is, or the scaffold's for
/// a new candidate), or the problems of the fields that cannot be written.
pub fn file_text(
    text: &str,
    typed: &BTreeMap<String, String>,
) -> Result<String, Vec<(String, Bilingual)>> {
    let mut problems = Vec::new();
    let mut values = Vec::new();
    for (key, _, _, kind, _) in FIELDS {
        let value = typed.get(*key).map(|v| v.trim()).unwrap_or_default();
        let written = match kind {
            _ if value.is_empty() => String::new(),
            Kind::Number if value.parse::<u32>().is_err() => {
                problems.push((
                    (*key).to_string(),
                    Bilingual::new(
                        format!("“{value}” không phải là một số nguyên không âm."),
                        format!("“{value}” is not a whole number."),
                    ),
                ));
                continue;
            }
            Kind::Number | Kind::Contest | Kind::Choice(_) => value.to_string(),
            Kind::YesNo => (value == "true").to_string(),
            Kind::Text => yaml_text(value),
        };
        values.push((*key, written));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let bio = typed.get(BIO).map(String::as_str).unwrap_or_default();
    front_matter::update(&text.replace("\r\n", "\n"), &values, bio).ok_or_else(|| {
        vec![(
            String::new(),
            Bilingual::new(
                "Tệp không có phần đầu giữa hai dòng --- nên không sửa bằng biểu mẫu được: sửa tệp trong trình soạn thảo.",
                "The file has no front matter between --- lines, so the form cannot edit it: edit the file in an editor.",
            ),
        )]
    })
}

/// The problems `check` found in the candidate file at `rel`, by field: a front-matter key the
/// form has, the bio for what is in the body, the form as a whole for the rest.
pub fn problems_of(
    found: &Diagnostics,
    rel: &Path,
    text: &str,
) -> Vec<(String, Severity, Bilingual)> {
    let body_from = text.lines().count() - front_matter::body(text).lines().count();
    found
        .iter()
        .filter(|d| d.path == rel)
        .map(|d| {
            let key = d.field.as_deref().and_then(|f| f.split('.').next());
            let field = match key {
                Some(k) if FIELDS.iter().any(|f| f.0 == k) => k.to_string(),
                _ if d.line.is_some_and(|l| l > body_from) => BIO.to_string(),
                _ => String::new(),
            };
            (field, d.severity, d.message.clone())
        })
        .collect()
}

/// The form's fields with `typed`'s values and the problems next to them, and the bio's preview.
pub fn fields(
    site: &Site,
    round: &Round,
    labels: Option<&Labels>,
    typed: &BTreeMap<String, String>,
    problems: &[(String, Severity, Bilingual)],
) -> String {
    let slot = |id: &str| {
        let messages: Vec<String> = problems
            .iter()
            .filter(|(f, _, _)| f == id)
            .map(|(_, _, m)| both(m))
            .collect();
        format!(
            "<p class=\"error\" id=\"{id}-loi\" data-live>{}</p>",
            messages.join("<br>")
        )
    };
    let invalid = |id: &str| {
        if problems
            .iter()
            .any(|(f, s, _)| f == id && *s == Severity::Error)
        {
            " aria-invalid=\"true\""
        } else {
            ""
        }
    };
    let locales = labels.map(Labels::locales);
    let mut html = String::new();
    for (key, vi, en, kind, required) in FIELDS {
        let value = typed.get(*key).map(String::as_str).unwrap_or_default();
        let label = if *required {
            both(&Bilingual::new(
                format!("{vi} (bắt buộc)"),
                format!("{en} (required)"),
            ))
        } else {
            both(&Bilingual::new(*vi, *en))
        };
        let options = |list: Vec<(String, String)>| {
            let mut out = String::from("<option value=\"\">—</option>");
            for (v, text) in list {
                let selected = if v == value { " selected" } else { "" };
                out.push_str(&format!(
                    "<option value=\"{}\"{selected}>{}</option>",
                    escape(&v),
                    escape(&text)
                ));
            }
            out
        };
        let control = match kind {
            Kind::Text | Kind::Number => format!(
                "<input id=\"{key}\" name=\"{key}\" value=\"{}\"{} autocomplete=\"off\" \
                 aria-describedby=\"{key}-loi\"{}>",
                escape(value),
                if matches!(kind, Kind::Number) {
                    " inputmode=\"numeric\""
                } else {
                    ""
                },
                invalid(key)
            ),
            Kind::Contest => {
                let villages = site.commune(&round.data.don_vi);
                let list = round
                    .contest_ids()
                    .into_iter()
                    .map(|id| {
                        let name = villages
                            .and_then(|c| c.village(id))
                            .map_or_else(|| id.to_string(), |v| v.ten.clone());
                        (id.to_string(), name)
                    })
                    .collect();
                select(key, &options(list), invalid(key))
            }
            Kind::Choice(list) => {
                let list = match &locales {
                    Some((vi, en)) => list(vi)
                        .into_iter()
                        .zip(list(en))
                        .map(|((k, v), (_, e))| (k.to_string(), format!("{v} / {e}")))
                        .collect(),
                    None => Vec::new(),
                };
                select(key, &options(list), invalid(key))
            }
            Kind::YesNo => {
                let list = vec![
                    ("true".to_string(), "Có / Yes".to_string()),
                    ("false".to_string(), "Không / No".to_string()),
                ];
                select(key, &options(list), invalid(key))
            }
        };
        html.push_str(&format!(
            "<div class=\"field\"><label for=\"{key}\">{label}</label>{}{control}</div>",
            slot(key)
        ));
    }
    let bio = typed.get(BIO).map(String::as_str).unwrap_or_default();
    html.push_str(&format!(
        "<div class=\"field\"><label for=\"{BIO}\">{}</label>{}\
         <textarea id=\"{BIO}\" name=\"{BIO}\" rows=\"10\" aria-describedby=\"{BIO}-loi\"{}>{}</textarea></div>\
         <h2>{}</h2><div id=\"{BIO}-xem-truoc\" class=\"note\" data-live>{}</div>",
        both(&Bilingual::new(
            "Tiểu sử tóm tắt (Markdown; KHÔNG ghi số CCCD, điện thoại, địa chỉ nhà)",
            "Short bio (Markdown; NEVER ID numbers, phones or home addresses)",
        )),
        slot(BIO),
        invalid(BIO),
        escape(bio),
        both(&Bilingual::new(
            "Tiểu sử sẽ hiện như sau",
            "The bio will show as"
        )),
        markdown::to_html(&markdown::without_comments(bio)),
    ));
    html
}

fn select(key: &str, options: &str, invalid: &str) -> String {
    format!(
        "<select id=\"{key}\" name=\"{key}\" aria-describedby=\"{key}-loi\"{invalid}>{options}</select>"
    )
}

/// The form of a candidate of a round: one on file (`slug`), or a new one.
pub struct CandidateForm<'s> {
    pub site: &'s Site,
    pub round: &'s Round,
    /// The candidate's file name, without `.md`; `None` for a new candidate.
    pub slug: Option<String>,
    pub labels: Option<Labels>,
}

impl CandidateForm<'_> {
    /// The file of the candidate on file, relative to the content folder; only a file name
    /// (`is_slug`) is taken, so no address can name a path outside the round's candidates.
    fn file(&self) -> Option<PathBuf> {
        let slug = self.slug.as_deref().filter(|s| is_slug(s))?;
        Some(
            Path::new(ELECTIONS_DIR)
                .join(&self.round.id)
                .join(CANDIDATES_DIR)
                .join(format!("{slug}.md")),
        )
    }

    /// The text the typed values are written into, and where: the file on file, or the
    /// scaffold's file for the typed name.
    fn base(
        &self,
        content: &Path,
        typed: &Typed,
    ) -> Result<(PathBuf, String), (String, Bilingual)> {
        if let Some(rel) = self.file() {
            return std::fs::read_to_string(content.join(&rel))
                .map(|text| (rel, text))
                .map_err(|e| {
                    (
                        String::new(),
                        Bilingual::new(
                            format!("Không đọc được tệp: {e}"),
                            format!("Cannot read the file: {e}"),
                        ),
                    )
                });
        }
        let name = typed.get("ho_ten").map(|n| n.trim()).unwrap_or_default();
        let (rel, text) = scaffold::candidate_file(content, &self.round.id, name)
            .map_err(|e| ("ho_ten".to_string(), e))?;
        if content.join(&rel).exists() {
            let shown = rel.display().to_string().replace('\\', "/");
            return Err((
                "ho_ten".to_string(),
                Bilingual::new(
                    format!(
                        "Đã có tệp {shown} của một ứng cử viên cùng tên: mở trang của người đó để sửa, hoặc ghi tên khác."
                    ),
                    format!(
                        "{shown} already exists for a candidate of this name: open that candidate's page to edit it, or give another name."
                    ),
                ),
            ));
        }
        Ok((rel, text))
    }
}

impl Form for CandidateForm<'_> {
    fn title(&self) -> Bilingual {
        match &self.slug {
            Some(slug) => Bilingual::new(
                format!("Ứng cử viên {slug}, đợt {}", self.round.id),
                format!("Candidate {slug}, round {}", self.round.id),
            ),
            None => Bilingual::new(
                format!("Ứng cử viên mới, đợt {}", self.round.id),
                format!("New candidate, round {}", self.round.id),
            ),
        }
    }

    fn address(&self) -> String {
        let round = urls::encode(&self.round.id);
        match &self.slug {
            Some(slug) => format!("{CANDIDATE_PATH}?dot={round}&ten={}", urls::encode(slug)),
            None => format!("{CANDIDATE_PATH}?dot={round}"),
        }
    }

    fn home(&self) -> String {
        format!("/{}", urls::round(&self.round.id))
    }

    fn existing_file(&self) -> Option<PathBuf> {
        self.file()
    }

    fn field_names(&self) -> Vec<String> {
        field_names().into_iter().map(String::from).collect()
    }

    fn opened(&self, content: &Path) -> (Typed, Evaluation) {
        let Some(rel) = self.file() else {
            return (Typed::new(), Evaluation::empty());
        };
        let text = std::fs::read_to_string(content.join(&rel)).unwrap_or_default();
        match typed_from_file(&text) {
            Some(typed) => {
                let evaluation = self.evaluate(content, &typed);
                (typed, evaluation)
            }
            None => {
                let mut evaluation = Evaluation::empty();
                evaluation.problems.push((
                    String::new(),
                    Severity::Error,
                    Bilingual::new(
                        "Không đọc được phần đầu của tệp: chạy niemyet check để xem lỗi ở dòng nào và sửa trong trình soạn thảo.",
                        "The file's front matter cannot be read: run niemyet check to see the line, and fix it in an editor.",
                    ),
                ));
                (Typed::new(), evaluation)
            }
        }
    }

    fn evaluate(&self, content: &Path, typed: &Typed) -> Evaluation {
        let mut evaluation = Evaluation::empty();
        let (rel, base) = match self.base(content, typed) {
            Ok(found) => found,
            Err((field, why)) => {
                evaluation.problems.push((field, Severity::Error, why));
                return evaluation;
            }
        };
        let text = match file_text(&base, typed) {
            Ok(text) => text,
            Err(problems) => {
                evaluation.problems = problems
                    .into_iter()
                    .map(|(f, m)| (f, Severity::Error, m))
                    .collect();
                return evaluation;
            }
        };
        let (_, found) = crate::check_as_saved(content, &rel, text.clone());
        evaluation.problems = problems_of(&found, &rel, &text);
        evaluation.file = Some((rel, text));
        evaluation
    }

    fn fields(&self, typed: &Typed, evaluation: &Evaluation) -> String {
        fields(
            self.site,
            self.round,
            self.labels.as_ref(),
            typed,
            &evaluation.problems,
        )
    }
}
