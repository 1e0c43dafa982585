//! Personal data that must never be published by accident: ID card numbers and phone numbers
//! typed into a candidate's bio or public fields. (Front-matter keys meant for such data are
//! refused when parsing; HTML comments are never published.)

use super::Ctx;
use crate::diagnostics::Bilingual;
use crate::model::Site;
use crate::model::candidate::Candidate;

pub(super) fn check(site: &Site, ctx: &mut Ctx) {
    for round in &site.rounds {
        for cand in &round.candidates {
            fields(ctx, cand);
            if let Some((offset, kind)) = personal_number(&cand.bio) {
                let line = cand.body_line + cand.bio[..offset].matches('\n').count();
                report(ctx, cand, Some(line), "", kind);
            }
        }
    }
}

fn fields(ctx: &mut Ctx, cand: &Candidate) {
    let d = &cand.data;
    let public: [(&str, Option<&String>); 6] = [
        ("ho_ten", Some(&d.ho_ten)),
        ("dan_toc", Some(&d.dan_toc)),
        ("ton_giao", d.ton_giao.as_ref()),
        ("hoc_van", d.hoc_van.as_ref()),
        ("chuyen_nganh", d.chuyen_nganh.as_ref()),
        ("nghe_nghiep", Some(&d.nghe_nghiep)),
    ];
    for (key, value) in public {
        if let Some((_, kind)) = value.and_then(|v| personal_number(v)) {
            let line = ctx.line(&cand.file, key, None, 1);
            report(ctx, cand, line, key, kind);
        }
    }
}

fn report(ctx: &mut Ctx, cand: &Candidate, line: Option<usize>, field: &str, kind: Kind) {
    let (vi, en) = match kind {
        Kind::Phone => ("số điện thoại", "a phone number"),
        Kind::IdCard => ("số CMND/CCCD", "an ID card number"),
    };
    ctx.error(
        &cand.file,
        line,
        field,
        Bilingual::new(
            format!("Có vẻ có {vi} — dữ liệu cá nhân không được công bố."),
            format!("This seems to contain {en} — personal data that must not be published."),
        ),
        Bilingual::new(
            "Xóa con số này. Nếu cần lưu cho cán bộ, đặt nó trong `rieng_tu:` ở phần thông tin.",
            "Remove the number. To keep it for staff, put it under `rieng_tu:` in the front matter.",
        ),
    );
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Phone,
    IdCard,
}

/// Separators people type inside a number: `0912 345 678`, `0912.345.678`, `(091) 234-5678`.
const SEPARATORS: &str = " .-()\n\t";

/// Finds, anywhere in `text`, digits shaped like an ID card number (9 or 12 digits) or a
/// Vietnamese phone number (0 + 9 or 10 digits, or 84 + 9 or 10 digits), even when split into
/// groups by separators or across lines. Returns the byte offset where it starts.
fn personal_number(text: &str) -> Option<(usize, Kind)> {
    // runs of digit groups: (offset of the group, its digits)
    let mut runs: Vec<Vec<(usize, String)>> = Vec::new();
    let mut gap = usize::MAX;
    for (i, c) in text.char_indices() {
        if c.is_ascii_digit() {
            let joined = gap <= 3;
            match runs.last_mut() {
                Some(run) if joined && gap == 0 => {
                    if let Some(group) = run.last_mut() {
                        group.1.push(c);
                    }
                }
                Some(run) if joined => run.push((i, c.to_string())),
                _ => runs.push(vec![(i, c.to_string())]),
            }
            gap = 0;
        } else if SEPARATORS.contains(c) && gap != usize::MAX {
            gap += 1;
        } else {
            gap = usize::MAX;
        }
    }
    runs.iter().find_map(|run| {
        (0..run.len()).find_map(|start| {
            let mut digits = String::new();
            run[start..].iter().find_map(|(_, group)| {
                digits.push_str(group);
                shape(&digits).map(|kind| (run[start].0, kind))
            })
        })
    })
}

fn shape(digits: &str) -> Option<Kind> {
    match digits.len() {
        10 | 11 if digits.starts_with('0') => Some(Kind::Phone),
        11 | 12 if digits.starts_with("84") => Some(Kind::Phone),
        9 | 12 => Some(Kind::IdCard),
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
            "(091) 234 5678",
            "máy bàn 0203 3825 123",
            "gọi 0912\n345 678",
            "0912345678 0987654321",
            "năm 2019 số 0912 345 678",
        ] {
            assert!(personal_number(text).is_some(), "{text}");
        }
        assert_eq!(
            personal_number("Liên hệ 0912 345 678").map(|(o, _)| o),
            Some("Liên hệ ".len())
        );
    }

    #[test]
    fn leaves_years_dates_and_counts_alone() {
        for text in [
            "Sinh năm 1975, vào Đảng ngày 05/6/2002.",
            "Nhiệm kỳ 2022-2025, khu phố có 361 hộ.",
            "Đã truy cập: 4.459.718 lượt",
            "Quyết định số 1234/QĐ-UBND",
            "Công tác từ năm 1995 – 2020, khu phố 3.",
            "Ngày 05.6.2022, 314 hộ tham gia.",
        ] {
            assert_eq!(personal_number(text), None, "{text}");
        }
    }
}
