//! Personal data that must never be published by accident. Every published text of every kind
//! of content (see `published`) is read for ID card and phone numbers, however they are written;
//! a candidate's file is also read for e-mail addresses, a full date of birth and a home address.
//! (Front-matter keys meant for such data are refused when parsing; HTML comments are never
//! published.)
//!
//! Markdown is read as the reader will see it, so bold, comments or line breaks cannot split a
//! number out of sight. A phone number in a document, page or data file passes only when staff
//! confirm it as an official one (see `confirm`); nothing in a candidate's file does.

mod confirm;
mod fold;
mod numbers;
mod personal;

use super::Ctx;
use super::memo::Units;
use super::published::{self, Form, Published, Scope};
use crate::diagnostics::Bilingual;
use crate::load::{CONFIG_FILE, key_value};
use crate::model::Site;
use crate::model::reassemble::Kept;
use crate::render::markdown::{shown_text, without_comments};
use numbers::Number;
use personal::Personal;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::Path;

/// What reading a part's texts found: each text that holds something, by its place among the
/// part's texts, as read, and what it holds.
pub(super) type Found = Vec<(usize, String, Vec<Finding>)>;

pub(super) fn check(site: &Site, ctx: &mut Ctx, memo: &Units<Found>, kept: &Kept) {
    let official = site_numbers(site, ctx);
    // the numbers each file confirms, read once per file
    let mut confirmed: HashMap<&Path, BTreeSet<String>> = HashMap::new();
    let mut reported = HashSet::new();
    let parts = published::parts(site);
    // reading every published text as shown and searching it is the bulk of the check, and each
    // part is read on its own: in parallel, then reported in the site's order. A part the
    // preview's assembly took as it was is not read again
    let found = memo.find_all(&parts, kept, published::Part::unit, |part| {
        (part.texts().iter().enumerate())
            .filter_map(|(i, text)| {
                let read = read(text);
                let found = find(&read, text.scope);
                (!found.is_empty()).then_some((i, read, found))
            })
            .collect()
    });
    let holding = parts
        .iter()
        .zip(found)
        .filter(|(_, found)| !found.is_empty());
    let holding: Vec<(Published, String, Vec<Finding>)> = (holding)
        .flat_map(|(part, found)| {
            let texts = part.texts();
            (found.into_iter())
                .filter_map(move |(i, read, found)| Some((texts.get(i)?.clone(), read, found)))
        })
        .collect();
    for (text, read, found) in holding {
        let confirmed = confirmed.entry(text.file).or_insert_with(|| {
            let mut numbers = official.clone();
            if let Some(source) = ctx.files.get(text.file) {
                numbers.extend(confirm::confirmed_in(&source.text));
            }
            numbers
        });
        for (start, end, kind) in found {
            if let (Kind::Phone(digits), true) = (&kind, confirmable(&text))
                && confirmed.contains(digits)
            {
                continue;
            }
            let written = read.get(start..end).unwrap_or_default();
            let line = line_of(ctx, &text, start, written);
            if reported.insert((text.file, line, text.field, kind.clone())) {
                report(ctx, &text, line, &kind, written);
            }
        }
    }
}

/// What is found in a text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) enum Kind {
    /// By its national digits.
    Phone(String),
    IdCard,
    Email,
    BirthDate,
    HomeAddress,
}

/// Whether an official number may be confirmed in the text: not in a candidate's file, nor
/// in a file name.
fn confirmable(text: &Published) -> bool {
    text.scope == Scope::Official && text.form != Form::FileName
}

/// The text as it is read: Markdown as the reader sees it (`Reading` tells which texts are
/// Markdown).
fn read(text: &Published) -> String {
    match text.form {
        Form::Plain | Form::FileName => text.text.to_string(),
        Form::Markdown | Form::Body(_) => shown_text(text.text)
            .into_iter()
            .map(|(_, chunk)| chunk)
            .collect(),
    }
}

impl From<Number> for Kind {
    fn from(number: Number) -> Self {
        match number {
            Number::Phone(digits) => Self::Phone(digits),
            Number::IdCard => Self::IdCard,
        }
    }
}

impl From<Personal> for Kind {
    fn from(personal: Personal) -> Self {
        match personal {
            Personal::Email => Self::Email,
            Personal::BirthDate => Self::BirthDate,
            Personal::HomeAddress => Self::HomeAddress,
        }
    }
}

/// Something personal in a text as read: its byte range and what it is.
pub(super) type Finding = (usize, usize, Kind);

/// Everything personal in a text as read, with its byte range.
fn find(read: &str, scope: Scope) -> Vec<Finding> {
    let mut found: Vec<(usize, usize, Kind)> = numbers::numbers(read)
        .into_iter()
        .map(|f| (f.start, f.end, f.number.into()))
        .collect();
    if let Scope::Candidate { birth_year } = scope {
        found.extend(
            personal::personal(read, birth_year)
                .into_iter()
                .map(|(start, end, kind)| (start, end, kind.into())),
        );
        found.sort_by_key(|(start, _, _)| *start);
    }
    found
}

/// The line of what is `written` from byte `start` of the text as read.
fn line_of(ctx: &Ctx, text: &Published, start: usize, written: &str) -> Option<usize> {
    match text.form {
        Form::FileName => None,
        Form::Body(first) => {
            // the chunk of the shown text that holds `start`, and where it is written
            let chunks = shown_text(text.text);
            let mut at = 0;
            let mut source = 0;
            let mut within = "";
            for (offset, chunk) in &chunks {
                if at > start {
                    break;
                }
                source = *offset;
                within = &chunk[..(start - at).min(chunk.len())];
                at += chunk.len();
            }
            let markdown = without_comments(text.text);
            let before = markdown.get(..source).unwrap_or(&markdown);
            Some(first + before.matches('\n').count() + within.matches('\n').count())
        }
        Form::Plain | Form::Markdown => {
            let source = ctx.files.get(text.file)?;
            let lines = || source.text.lines().enumerate().map(|(i, l)| (i + 1, l));
            // the line of the field holding the text, else the first holding it (a long value
            // folds onto the next lines), else the field's line
            lines()
                .find(|(_, l)| {
                    key_value(l).is_some_and(|(key, _)| key == text.field) && l.contains(written)
                })
                .or_else(|| lines().find(|(_, l)| l.contains(written)))
                .map(|(n, _)| n)
                .or_else(|| source.line_of(text.field, None, 1))
        }
    }
}

/// The site's official numbers: its list and its contact number. An entry of the list that
/// holds no phone number is reported, as it confirms nothing.
fn site_numbers(site: &Site, ctx: &mut Ctx) -> BTreeSet<String> {
    let config = &site.config;
    let mut numbers: BTreeSet<String> = config
        .dien_thoai
        .as_deref()
        .map(confirm::phones)
        .unwrap_or_default();
    for entry in &config.so_dien_thoai_cong_khai {
        let phones = confirm::phones(entry);
        if phones.is_empty() {
            let file = Path::new(CONFIG_FILE);
            let line = ctx
                .files
                .get(file)
                .and_then(|f| f.line_of_item(entry, 1))
                .or_else(|| ctx.line(file, "so_dien_thoai_cong_khai", None, 1));
            ctx.warning(
                file,
                line,
                "so_dien_thoai_cong_khai",
                Bilingual::new(
                    format!("“{entry}” không phải một số điện thoại nên không xác nhận số nào."),
                    format!("“{entry}” is not a phone number, so it confirms none."),
                ),
            );
        }
        numbers.extend(phones);
    }
    numbers
}

fn report(ctx: &mut Ctx, text: &Published, line: Option<usize>, kind: &Kind, written: &str) {
    let (vi, en) = match kind {
        Kind::Phone(_) => ("số điện thoại", "a phone number"),
        Kind::IdCard => ("số CMND/CCCD", "an ID card number"),
        Kind::Email => ("địa chỉ thư điện tử", "an e-mail address"),
        Kind::BirthDate => ("ngày sinh đầy đủ", "a full date of birth"),
        Kind::HomeAddress => ("địa chỉ nhà", "a home address"),
    };
    // the message does not quote what it found: it is shown wherever errors are
    ctx.error(
        text.file,
        line,
        text.field,
        Bilingual::new(
            format!("Có vẻ có {vi} — dữ liệu cá nhân không được công bố."),
            format!("This seems to contain {en} — personal data that must not be published."),
        ),
        hint(text, kind, written.trim()),
    );
}

/// What to do: remove it; keep it for staff; or, for a phone number outside a candidate's
/// file, confirm it if it is an official one.
fn hint(text: &Published, kind: &Kind, written: &str) -> Bilingual {
    let keep = Bilingual::new(
        "Nếu cần lưu cho cán bộ, đặt nó trong `rieng_tu:` ở phần thông tin (không bao giờ được đăng).",
        "To keep it for staff, put it under `rieng_tu:` in the front matter (never published).",
    );
    let remove = match kind {
        Kind::BirthDate => Bilingual::new(
            "Chỉ công bố năm sinh (trường `nam_sinh`): xóa ngày và tháng sinh.",
            "Only the birth year is published (the `nam_sinh` field): remove the day and month.",
        ),
        Kind::HomeAddress => Bilingual::new(
            "Chỉ công bố khu dân cư (thôn, tổ dân phố): xóa số nhà, ngõ, ngách, hẻm, kiệt.",
            "Only the village or neighbourhood is published: remove the house number, lane or alley.",
        ),
        _ if text.form == Form::FileName => Bilingual::new(
            "Đổi tên tệp cho không còn con số này.",
            "Rename the file so that it no longer holds the number.",
        ),
        _ => Bilingual::new("Xóa nó khỏi nội dung.", "Remove it from the text."),
    };
    match (kind, text.scope) {
        (Kind::Phone(_), _) if confirmable(text) => {
            let marker = match text.form {
                Form::Plain => format!("# {} {written}", confirm::MARKER),
                _ => format!("<!-- {} {written} -->", confirm::MARKER),
            };
            let (where_vi, where_en) = match text.form {
                Form::Plain => (
                    format!("dòng `{marker}` ngay trên trường `{}`", text.field),
                    format!("the line `{marker}` just above the field `{}`", text.field),
                ),
                _ => (
                    format!("`{marker}` cạnh số đó"),
                    format!("`{marker}` beside the number"),
                ),
            };
            Bilingual::new(
                format!(
                    "{} Nếu đây là số điện thoại công khai của cơ quan (ví dụ đường dây nóng), xác nhận đúng số này: thêm {where_vi}, hoặc thêm nó vào danh sách `so_dien_thoai_cong_khai:` trong {CONFIG_FILE}.",
                    remove.vi
                ),
                format!(
                    "{} If it is an official number (such as a hotline), confirm that number: add {where_en}, or add it to the list `so_dien_thoai_cong_khai:` in {CONFIG_FILE}.",
                    remove.en
                ),
            )
        }
        (_, Scope::Candidate { .. }) => Bilingual::new(
            format!("{} {}", remove.vi, keep.vi),
            format!("{} {}", remove.en, keep.en),
        ),
        (_, Scope::Official) => Bilingual::new(
            format!("{} Số CMND/CCCD không bao giờ được công bố.", remove.vi),
            format!("{} ID card numbers are never published.", remove.en),
        ),
    }
}
