//! Personal data that must never be published by accident: ID card numbers and phone numbers
//! typed into a candidate's bio, public fields, file name or photo name. (Front-matter keys meant
//! for such data are refused when parsing; HTML comments are never published.)
//!
//! The bio is read as the reader will see it, so bold, comments or line breaks cannot split a
//! number out of sight.

use super::Ctx;
use crate::diagnostics::Bilingual;
use crate::model::Site;
use crate::model::candidate::Candidate;
use crate::render::markdown::shown_text;
use std::path::Path;

pub(super) fn check(site: &Site, ctx: &mut Ctx) {
    for round in &site.rounds {
        for cand in &round.candidates {
            fields(ctx, cand);
            bio(ctx, &cand.file, cand.body_line, &cand.bio);
            // a translation is published as surely as its original
            for t in &cand.translations {
                let d = &t.data;
                let public = [
                    ("nghe_nghiep", d.nghe_nghiep.as_ref()),
                    ("chuyen_nganh", d.chuyen_nganh.as_ref()),
                    ("ton_giao", d.ton_giao.as_ref()),
                    ("dan_toc", d.dan_toc.as_ref()),
                ];
                for (key, value) in public {
                    if let Some((_, kind)) = value.and_then(|v| personal_number(v)) {
                        let line = ctx.line(&t.file, key, None, 1);
                        report(ctx, &t.file, line, key, kind);
                    }
                }
                bio(ctx, &t.file, t.body_line, &t.body);
            }
        }
    }
}

fn fields(ctx: &mut Ctx, cand: &Candidate) {
    let d = &cand.data;
    let public: [(&str, Option<&String>); 7] = [
        ("ho_ten", Some(&d.ho_ten)),
        ("dan_toc", Some(&d.dan_toc)),
        ("ton_giao", d.ton_giao.as_ref()),
        ("hoc_van", d.hoc_van.as_ref()),
        ("chuyen_nganh", d.chuyen_nganh.as_ref()),
        ("nghe_nghiep", Some(&d.nghe_nghiep)),
        ("anh", d.anh.as_ref()),
    ];
    for (key, value) in public {
        if let Some((_, kind)) = value.and_then(|v| personal_number(v)) {
            let line = ctx.line(&cand.file, key, None, 1);
            report(ctx, &cand.file, line, key, kind);
        }
    }
    // the file name becomes the page's address
    if let Some((_, kind)) = personal_number(&cand.slug) {
        report(ctx, &cand.file, None, "", kind);
    }
}

/// A bio (`text`, the body of `file` from line `body_line`) as the reader sees it.
fn bio(ctx: &mut Ctx, file: &Path, body_line: usize, text: &str) {
    let chunks = shown_text(text);
    let mut shown = String::new();
    let mut starts = Vec::with_capacity(chunks.len());
    for (source, text) in &chunks {
        starts.push((shown.len(), *source));
        shown.push_str(text);
    }
    if let Some((at, kind)) = personal_number(&shown) {
        let source = starts
            .iter()
            .rev()
            .find(|(s, _)| *s <= at)
            .map_or(0, |(_, src)| *src);
        let line = body_line + text[..source.min(text.len())].matches('\n').count();
        report(ctx, file, Some(line), "", kind);
    }
}

fn report(ctx: &mut Ctx, file: &Path, line: Option<usize>, field: &str, kind: Kind) {
    let (vi, en) = match kind {
        Kind::Phone => ("số điện thoại", "a phone number"),
        Kind::IdCard => ("số CMND/CCCD", "an ID card number"),
    };
    ctx.error(
        file,
        line,
        field,
        Bilingual::new(
            format!("Có vẻ có {vi} — dữ liệu cá nhân không được công bố."),
            format!("This seems to contain {en} — personal data that must not be published."),
        ),
        Bilingual::new(
            "Xóa con số này (kể cả khỏi tên tệp). Nếu cần lưu cho cán bộ, đặt nó trong `rieng_tu:` ở phần thông tin.",
            "Remove the number (from the file name too). To keep it for staff, put it under `rieng_tu:` in the front matter.",
        ),
    );
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Phone,
    IdCard,
}

/// Longest number worth joining: a 12-digit ID card number.
const MAX_DIGITS: usize = 12;

/// Characters people type inside a number: spaces (also the non-breaking space Word inserts),
/// dots, hyphens and dashes, brackets, and invisible ones (zero-width space, soft hyphen).
fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '.' | '-' | '(' | ')' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{AD}'
        )
}

/// An ASCII digit for `0`–`9`, also written full-width (`０`–`９`).
fn digit(c: char) -> Option<char> {
    match c {
        '0'..='9' => Some(c),
        '０'..='９' => char::from_u32(u32::from(c) - u32::from('０') + u32::from('0')),
        _ => None,
    }
}

/// Finds digits shaped like an ID card number (12 digits starting with 0, or 9 digits) or a
/// Vietnamese phone number (0 + 9 or 10 digits, or 84 + 9 or 10 digits), even when split into
/// groups by separators. Groups are joined only from a group of three or more digits (`0912`,
/// `091`) or `84`, as numbers are written, so lists of years, house numbers or `01 - 02 - 03`
/// are left alone; 9 digits in groups count only after a word naming an ID card. Returns the
/// byte offset where the number starts.
fn personal_number(text: &str) -> Option<(usize, Kind)> {
    // runs of digit groups: (offset of the group, its digits)
    let mut runs: Vec<Vec<(usize, String)>> = Vec::new();
    let mut gap = usize::MAX;
    for (i, c) in text.char_indices() {
        if let Some(d) = digit(c) {
            match runs.last_mut() {
                Some(run) if gap == 0 => {
                    if let Some(group) = run.last_mut() {
                        group.1.push(d);
                    }
                }
                Some(run) if gap <= 3 => run.push((i, d.to_string())),
                _ => runs.push(vec![(i, d.to_string())]),
            }
            gap = 0;
        } else if is_separator(c) && gap != usize::MAX {
            gap += 1;
        } else {
            gap = usize::MAX;
        }
    }
    runs.iter().find_map(|run| {
        (0..run.len()).find_map(|start| {
            let (at, first) = &run[start];
            let can_join = first.len() >= 3 || first == "84";
            let mut digits = String::new();
            for (n, (_, group)) in run[start..].iter().enumerate() {
                if n > 0 && !can_join {
                    return None;
                }
                digits.push_str(group);
                if digits.len() > MAX_DIGITS {
                    return None;
                }
                let groups = n + 1;
                match shape(&digits) {
                    Some(Kind::IdCard)
                        if digits.len() == 9 && groups > 1 && !names_an_id(&text[..*at]) => {}
                    Some(kind) => return Some((*at, kind)),
                    None => {}
                }
            }
            None
        })
    })
}

/// Whether the words just before a number name an ID card (CMND, CCCD, căn cước…).
fn names_an_id(before: &str) -> bool {
    let tail: String = before
        .chars()
        .rev()
        .take(30)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let tail = crate::model::text::sort_key(&tail);
    ["cmnd", "cccd", "cmt", "can cuoc", "chung minh"]
        .iter()
        .any(|word| tail.contains(word))
}

fn shape(digits: &str) -> Option<Kind> {
    match digits.len() {
        10 | 11 if digits.starts_with('0') => Some(Kind::Phone),
        11 | 12 if digits.starts_with("84") => Some(Kind::Phone),
        12 if digits.starts_with('0') => Some(Kind::IdCard),
        9 => Some(Kind::IdCard),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_id_and_phone_numbers_in_their_usual_shapes() {
        for text in [
            "CCCD: 001085012345",
            "Số CMND 123456789.",
            "Liên hệ 0912 345 678",
            "ĐT: 0912.345.678",
            "+84 912 345 678",
            "SĐT0912345678",
            "0912 - 345 - 678",
            "0912–345–678",
            "0912\u{a0}345\u{a0}678",
            "(091) 234 5678",
            "máy bàn 0203 3825 123",
            "gọi 0912\n345 678",
            "０９１２３４５６７８",
            "0912345678 0987654321",
            "năm 2019 số 0912 345 678",
            "Gọi 0912\u{200b}345\u{200b}678",
            "Gọi 0912\u{ad}345678",
            "Gọi 098 2012 345",
            "CCCD 0010 8501 2045",
            "CMND 123 456 789",
            "0912.34.56.78",
        ] {
            assert!(personal_number(text).is_some(), "{text}");
        }
        assert_eq!(
            personal_number("Liên hệ 0912 345 678").map(|(o, _)| o),
            Some("Liên hệ ".len())
        );
    }

    #[test]
    fn leaves_years_dates_counts_and_house_numbers_alone() {
        for text in [
            "Sinh năm 1975, vào Đảng ngày 05/6/2002.",
            "Nhiệm kỳ 2022-2025, khu phố có 361 hộ.",
            "Đã truy cập: 4.459.718 lượt",
            "Quyết định số 1234/QĐ-UBND",
            "Công tác từ năm 1995 – 2020, khu phố 3.",
            "Ngày 05.6.2022 314 hộ tham gia.",
            "Tổ trưởng các nhiệm kỳ (2016-2019) (2019-2022).",
            "Nhiệm kỳ 2016 - 2019 - 2022 - 2025.",
            "Các năm 2015 2017 2019 2021",
            "Số nhà 12 - 14 - 16 - 18 - 20 - 22.",
            "2018\n2019\n2020",
            "Ông phụ trách các tổ 01 - 02 - 03 - 04 - 05 của khu phố.",
            "Quyết định số 123/QĐ-UBND ngày 05/6/2022, tỷ lệ 48,33%.",
            "Khu phố có 123 456 789 đồng quỹ",
        ] {
            assert_eq!(personal_number(text), None, "{text}");
        }
    }

    #[test]
    fn long_runs_of_groups_are_read_in_linear_time() {
        let text = "12345 ".repeat(50_000);
        assert_eq!(personal_number(&text), None);
    }
}
