//! The form of a round's results (`ket-qua.yaml`): one group per contest that took place, in the
//! order of the paper vote-count record (biên bản kiểm phiếu): households, participants, ballots
//! issued, collected, valid and invalid, then each candidate's votes, the voting method and the
//! record's date.
//!
//! What the clerk typed becomes the file `import results` would write for the same figures
//! (`import::results_file`, merged into the file there is as `import --force` merges it), and is
//! checked as the build checks it (`check_as_saved`): the errors next to their fields are the
//! build's own, and so is the outcome under the law shown under each contest.

use super::evaluation::Evaluation;
use super::front_matter;
use super::labels::Labels;
use super::page::{both, escape};
use super::{Form, RESULTS_PATH, Typed};
use crate::diagnostics::{Bilingual, Severity};
use crate::import::columns::whole_number;
use crate::import::merge;
use crate::import::results_file::{self, ContestFigures, FIGURES};
use crate::load::RESULTS_FILE;
use crate::model::Site;
use crate::model::contest::Counted;
use crate::model::election::Round;
use crate::model::result::VotingMethod;
use crate::model::spelling::Spelled;
use crate::render::locale::Locale;
use crate::render::result_views::OutcomeView;
use crate::render::urls;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Where the figures of a file saved by the form come from, as its first line says.
pub fn source() -> Bilingual {
    Bilingual::new("biểu mẫu của niemyet serve", "the form of niemyet serve")
}

/// The labels of the figures, in the order of [`FIGURES`].
const FIGURE_LABELS: [(&str, &str); 6] = [
    (
        "Tổng số cử tri đại diện hộ gia đình",
        "All voters (household representatives)",
    ),
    ("Số cử tri tham gia", "Voters who took part"),
    ("Số phiếu phát ra", "Ballots issued"),
    ("Số phiếu thu vào", "Ballots collected"),
    ("Số phiếu hợp lệ", "Valid ballots"),
    ("Số phiếu không hợp lệ", "Invalid ballots"),
];

/// The path of a round's results file, relative to the content folder.
pub fn file_of(round: &Round) -> PathBuf {
    // the file read (`ket-qua.yml` is read too), else the name the scaffold and import use
    match &round.results {
        Some(sheet) => sheet.file.clone(),
        None => round
            .file
            .parent()
            .map_or_else(|| PathBuf::from(RESULTS_FILE), |d| d.join(RESULTS_FILE)),
    }
}

/// The contests of a round the form has a group for: those that took place.
fn contests(round: &Round) -> Vec<&str> {
    round
        .contest_ids()
        .into_iter()
        .filter(|v| !round.contest(v).is_some_and(|c| c.status.is_held_back()))
        .collect()
}

/// The id of a field: `khu-pho-1.tong_cu_tri`, `khu-pho-1.so_phieu.nguyen-van-an`.
fn field_id(village: &str, key: &str) -> String {
    format!("{village}.{key}")
}

/// The names of the form's fields, contest by contest.
pub fn field_names(round: &Round) -> Vec<String> {
    let mut names = Vec::new();
    for village in contests(round) {
        let keys = FIGURES
            .iter()
            .map(|k| (*k).to_string())
            .chain(
                round
                    .candidates_in(village)
                    .map(|c| format!("so_phieu.{}", c.slug)),
            )
            .chain(["hinh_thuc".to_string(), "ngay_bien_ban".to_string()]);
        names.extend(keys.map(|k| field_id(village, &k)));
    }
    names
}

/// The fields of the file as it is: what the form shows when it is opened.
pub fn typed_from_file(round: &Round) -> Typed {
    let mut typed = Typed::new();
    let Some(sheet) = &round.results else {
        return typed;
    };
    for (village, count) in &sheet.contests {
        let figures = [
            count.tong_cu_tri,
            count.cu_tri_tham_gia,
            count.phieu_phat_ra,
            count.phieu_thu_vao,
            count.phieu_hop_le,
            count.phieu_khong_hop_le,
        ];
        for (key, n) in FIGURES.iter().zip(figures) {
            typed.insert(field_id(village, key), n.to_string());
        }
        for (slug, n) in &count.so_phieu {
            typed.insert(
                field_id(village, &format!("so_phieu.{slug}")),
                n.to_string(),
            );
        }
        if let Some(method) = count.hinh_thuc {
            typed.insert(field_id(village, "hinh_thuc"), method.key().to_string());
        }
        if let Some(record) = &count.bien_ban {
            typed.insert(field_id(village, "ngay_bien_ban"), record.ngay.vi_short());
        }
    }
    typed
}

/// Reads the values typed for each contest, checks them with the build's rules as the file they
/// make, and gives that file.
pub fn evaluate(content: &Path, round: &Round, typed: &Typed) -> Evaluation {
    let mut problems = Vec::new();
    let existing = round.results.as_ref();
    let mut entered: Vec<(&str, ContestFigures)> = Vec::new();
    for village in contests(round) {
        let in_file = existing.is_some_and(|s| s.contests.contains_key(village));
        let value = |key: &str| {
            typed
                .get(&field_id(village, key))
                .map(|v| v.trim())
                .unwrap_or_default()
        };
        let slugs: Vec<String> = round
            .candidates_in(village)
            .map(|c| format!("so_phieu.{}", c.slug))
            .collect();
        let keys = FIGURES
            .iter()
            .copied()
            .chain(slugs.iter().map(String::as_str));
        let blank = keys
            .clone()
            .chain(["ngay_bien_ban"])
            .all(|k| value(k).is_empty());
        if blank && !in_file {
            continue;
        }
        let before = problems.len();
        let mut number = |key: &str| match whole_number(value(key)) {
            Some(n) => Some(n),
            None => {
                problems.push((
                    field_id(village, key),
                    Severity::Error,
                    unreadable(value(key)),
                ));
                None
            }
        };
        let figures: BTreeMap<&'static str, String> = FIGURES
            .iter()
            .filter_map(|key| Some((*key, number(key)?.to_string())))
            .collect();
        let votes: Vec<(String, u32)> = round
            .candidates_in(village)
            .filter_map(|c| Some((c.slug.clone(), number(&format!("so_phieu.{}", c.slug))?)))
            .collect();
        let old = existing.and_then(|s| s.contests.get(village));
        // the merge keeps what the form leaves out, so a value cleared here would come back
        let mut cleared = |key: &str, was: bool| {
            if was && value(key).is_empty() {
                problems.push((
                    field_id(village, key),
                    Severity::Error,
                    Bilingual::new(
                        "Biểu mẫu không xóa được giá trị đã ghi: để nguyên, hoặc xóa dòng đó trong tệp ket-qua.yaml.",
                        "The form cannot clear a value on file: leave it, or delete its line in ket-qua.yaml.",
                    ),
                ));
            }
        };
        cleared("hinh_thuc", old.is_some_and(|c| c.hinh_thuc.is_some()));
        cleared("ngay_bien_ban", old.is_some_and(|c| c.bien_ban.is_some()));
        let method = match value("hinh_thuc") {
            "" => None,
            text => {
                let method = VotingMethod::from_text(text).map(|m| m.key().to_string());
                if method.is_none() {
                    problems.push((
                        field_id(village, "hinh_thuc"),
                        Severity::Error,
                        Bilingual::new(
                            format!("“{text}” không phải là hình thức bầu: chọn trong danh sách."),
                            format!("“{text}” is not a voting method: choose one from the list."),
                        ),
                    ));
                }
                method
            }
        };
        let record_date = match value("ngay_bien_ban") {
            "" => None,
            text => {
                let date = results_file::record_date(text);
                if date.is_none() {
                    problems.push((
                        field_id(village, "ngay_bien_ban"),
                        Severity::Error,
                        Bilingual::new(
                            format!("“{text}” không phải là ngày: viết 05/6/2022 hoặc 5/6/2022."),
                            format!("“{text}” is not a date: write 05/6/2022 or 5/6/2022."),
                        ),
                    ));
                }
                date
            }
        };
        if problems.len() == before {
            entered.push((
                village,
                ContestFigures {
                    method,
                    figures,
                    votes,
                    record_date,
                },
            ));
        }
    }
    if !problems.is_empty() || entered.is_empty() {
        return Evaluation {
            file: None,
            problems,
            outcomes: BTreeMap::new(),
        };
    }
    let rel = file_of(round);
    let mut text = results_file::text(&source(), &round.id, entered.iter().map(|(v, c)| (*v, c)));
    let mut original = None;
    if let Ok(old) = std::fs::read_to_string(content.join(&rel)) {
        let old_lf = old.replace("\r\n", "\n");
        match merge::merge(
            &rel.display().to_string().replace('\\', "/"),
            &old_lf,
            &text,
        ) {
            Ok(merged) => {
                text = merged.text;
                original = Some(old);
            }
            Err(why) => {
                return Evaluation {
                    file: None,
                    problems: vec![(String::new(), Severity::Error, why)],
                    outcomes: BTreeMap::new(),
                };
            }
        }
    }
    let (checked, found) = crate::check_as_saved(content, &rel, text.clone());
    problems.extend(super::evaluation::elsewhere(content, &rel, &found));
    for d in found.iter().filter(|d| d.path == rel) {
        let field = d
            .line
            .and_then(|line| field_at(&text, line, d.field.as_deref()))
            .unwrap_or_default();
        problems.push((field, d.severity, d.message.clone()));
    }
    let outcomes = outcomes(content, &checked, &round.id, &entered, &problems);
    // saved with the line ends and mark of the file there was
    let saved = original.map_or_else(|| text.clone(), |old| front_matter::like(&old, &text));
    Evaluation {
        file: Some((rel, saved)),
        problems,
        outcomes,
    }
}

fn unreadable(text: &str) -> Bilingual {
    if text.is_empty() {
        Bilingual::new(
            "Chưa điền: chép số từ biên bản (ghi 0 nếu không có).",
            "Not filled in: copy the figure from the record (0 if none).",
        )
    } else {
        Bilingual::new(
            format!("“{text}” không phải là một số nguyên không âm."),
            format!("“{text}” is not a whole number."),
        )
    }
}

/// The field a diagnostic's line points at in the file: the contest is the top-level key above
/// the line, the field the key on it (a candidate's votes, a figure, the record's date), or the
/// contest as a whole for a key the form has no field for.
fn field_at(text: &str, line: usize, field: Option<&str>) -> Option<String> {
    let lines: Vec<&str> = text.lines().collect();
    let upto = lines.get(..line)?;
    let village = upto.iter().rev().find_map(|l| {
        let starts_key = l.starts_with(|c: char| c.is_ascii_alphanumeric());
        starts_key.then(|| l.split(':').next()).flatten()
    })?;
    let here = lines.get(line - 1)?.trim_start();
    let key = here.split(':').next().unwrap_or_default();
    let in_votes = upto
        .iter()
        .rev()
        .find(|l| l.starts_with("  ") && !l.starts_with("   "))
        .is_some_and(|l| l.trim_start().starts_with("so_phieu:"));
    let id = if FIGURES.contains(&key) || key == "hinh_thuc" {
        field_id(village, key)
    } else if in_votes && here.len() < lines[line - 1].len() && key != "so_phieu" {
        field_id(village, &format!("so_phieu.{key}"))
    } else if key == "ngay" || field == Some("bien_ban") {
        field_id(village, "ngay_bien_ban")
    } else {
        village.to_string()
    };
    Some(id)
}

/// Who is elected and why, in both languages, for each contest typed without an error.
fn outcomes(
    content: &Path,
    site: &Site,
    round: &str,
    entered: &[(&str, ContestFigures)],
    problems: &[(String, Severity, Bilingual)],
) -> BTreeMap<String, Bilingual> {
    let mut out = BTreeMap::new();
    let Some(round) = site.round(round) else {
        return out;
    };
    let Some(labels) = Labels::load(content) else {
        return out;
    };
    let (vi, en) = labels.locales();
    for (village, _) in entered {
        let wrong = problems.iter().any(|(field, severity, _)| {
            *severity == Severity::Error
                && (field == village || field.starts_with(&format!("{village}.")))
        });
        let Some(contest) = round.contest(village).filter(|_| !wrong) else {
            continue;
        };
        let Some((figures, Some(outcome))) = contest.record_for_checks() else {
            continue;
        };
        // what the figures mean under the law, before any decision on them is typed
        let counted = Counted {
            figures,
            outcome,
            elected: outcome.elected(),
            voided: false,
        };
        let verdict =
            |l: &Locale| OutcomeView::new(l, site, round, contest, &counted).map(|v| v.verdict);
        if let (Some(vi), Some(en)) = (verdict(&vi), verdict(&en)) {
            out.insert((*village).to_string(), Bilingual::new(vi, en));
        }
    }
    out
}

/// The form's groups, one per contest, with `typed`'s values and `evaluation`'s problems and
/// outcomes.
pub fn fields(site: &Site, round: &Round, typed: &Typed, evaluation: &Evaluation) -> String {
    let errors_of = |id: &str| -> Vec<&Bilingual> {
        evaluation
            .problems
            .iter()
            .filter(|(field, _, _)| field == id)
            .map(|(_, _, m)| m)
            .collect()
    };
    let slot = |id: &str| {
        let messages: Vec<String> = errors_of(id).into_iter().map(both).collect();
        format!(
            "<p class=\"error\" id=\"{}-loi\" data-live>{}</p>",
            escape(id),
            messages.join("<br>")
        )
    };
    // a figure takes digits (the phone's number pad), a date its slashes too
    let input = |id: &str, label: String, mode: &str| {
        let invalid = if errors_of(id).is_empty() {
            ""
        } else {
            " aria-invalid=\"true\""
        };
        format!(
            "<div class=\"field\"><label for=\"{id}\">{label}</label>{}\
             <input id=\"{id}\" name=\"{id}\" inputmode=\"{mode}\" autocomplete=\"off\" \
             value=\"{}\" aria-describedby=\"{id}-loi\"{invalid}></div>",
            slot(id),
            escape(typed.get(id).map(String::as_str).unwrap_or_default()),
            id = escape(id),
        )
    };
    let village_name = |village: &str| {
        site.commune(&round.data.don_vi)
            .and_then(|c| c.village(village))
            .map_or_else(|| village.to_string(), |v| v.ten.clone())
    };
    let mut html = String::new();
    for village in contests(round) {
        html.push_str(&format!(
            "<fieldset id=\"{v}\"><legend>{}</legend>{}",
            escape(&village_name(village)),
            slot(village),
            v = escape(village),
        ));
        for (key, (vi, en)) in FIGURES.iter().zip(FIGURE_LABELS) {
            let label = both(&Bilingual::new(vi, en));
            html.push_str(&input(&field_id(village, key), label, "numeric"));
        }
        html.push_str(&format!(
            "<fieldset><legend>{}</legend>",
            both(&Bilingual::new(
                "Số phiếu của từng ứng cử viên",
                "Votes for each candidate"
            ))
        ));
        for c in round.candidates_in(village) {
            let id = field_id(village, &format!("so_phieu.{}", c.slug));
            html.push_str(&input(&id, escape(&c.data.ho_ten), "numeric"));
        }
        html.push_str("</fieldset>");
        html.push_str(&method_select(village, typed));
        let label = both(&Bilingual::new(
            "Ngày lập biên bản (ngày/tháng/năm)",
            "Date of the record (day/month/year)",
        ));
        html.push_str(&input(&field_id(village, "ngay_bien_ban"), label, "text"));
        let outcome = evaluation
            .outcomes
            .get(village)
            .map(both)
            .unwrap_or_default();
        html.push_str(&format!(
            "<output id=\"{}-ket-qua\" class=\"outcome\" data-live>{outcome}</output></fieldset>",
            escape(village)
        ));
    }
    html
}

/// The voting method: a choice of the values the file accepts, or none.
fn method_select(village: &str, typed: &Typed) -> String {
    let id = field_id(village, "hinh_thuc");
    let chosen = typed.get(&id).map(String::as_str).unwrap_or_default();
    // an option holds text only, so both languages are plain text there
    let mut options = String::from("<option value=\"\">(không ghi) / (not given)</option>");
    for row in VotingMethod::TABLE {
        let selected = if row.key == chosen { " selected" } else { "" };
        let (vi, en) = (row.also.first(), row.also.get(1));
        options.push_str(&format!(
            "<option value=\"{}\"{selected}>{} / {}</option>",
            row.key,
            escape(vi.copied().unwrap_or(row.key)),
            escape(en.copied().unwrap_or(row.key)),
        ));
    }
    format!(
        "<div class=\"field\"><label for=\"{id}\">{}</label>\
         <select id=\"{id}\" name=\"{id}\">{options}</select></div>",
        both(&Bilingual::new("Hình thức bầu", "Voting method")),
        id = escape(&id),
    )
}

/// The results form of a round.
pub struct ResultsForm<'s> {
    pub site: &'s Site,
    pub round: &'s Round,
}

impl Form for ResultsForm<'_> {
    fn title(&self) -> Bilingual {
        Bilingual::new(
            format!("Kết quả kiểm phiếu đợt {}", self.round.id),
            format!("Results of round {}", self.round.id),
        )
    }

    fn address(&self) -> String {
        format!("{RESULTS_PATH}?dot={}", urls::encode(&self.round.id))
    }

    fn home(&self) -> String {
        format!("/{}", urls::round(&self.round.id))
    }

    fn existing_file(&self) -> Option<PathBuf> {
        Some(file_of(self.round))
    }

    fn takes(&self, name: &str) -> bool {
        field_names(self.round).iter().any(|n| n == name)
    }

    fn opened(&self, content: &Path) -> (Typed, Evaluation) {
        let typed = typed_from_file(self.round);
        let evaluation = if self.round.results.is_some() {
            evaluate(content, self.round, &typed)
        } else {
            Evaluation::empty()
        };
        (typed, evaluation)
    }

    fn evaluate(&self, content: &Path, typed: &Typed) -> Evaluation {
        evaluate(content, self.round, typed)
    }

    fn fields(&self, typed: &Typed, evaluation: &Evaluation) -> String {
        fields(self.site, self.round, typed, evaluation)
    }
}
