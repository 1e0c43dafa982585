//! Personal data that must never be published by accident: ID card numbers and phone numbers
//! pasted into a candidate's bio. (Front-matter fields for such data are refused when parsing.)

use super::Ctx;
use crate::diagnostics::{Bilingual, Diagnostic};
use crate::model::Site;

pub(super) fn check(site: &Site, ctx: &mut Ctx) {
    for round in &site.rounds {
        for cand in &round.candidates {
            for (i, line) in cand.bio.lines().enumerate() {
                if let Some(kind) = personal_number(line) {
                    let message = Bilingual::new(
                        format!(
                            "Tiểu sử có vẻ chứa {} — dữ liệu cá nhân không được công bố.",
                            kind.0
                        ),
                        format!(
                            "The bio seems to contain {} — personal data that must not be published.",
                            kind.1
                        ),
                    );
                    ctx.problems.push(
                        Diagnostic::error(&cand.file, message)
                            .at(Some(cand.body_line + i), None)
                            .hint(Bilingual::new(
                                "Xóa con số này khỏi tiểu sử. Nếu cần lưu cho cán bộ, đặt nó trong `rieng_tu:` ở phần thông tin.",
                                "Remove the number from the bio. To keep it for staff, put it under `rieng_tu:` in the front matter.",
                            )),
                    );
                }
            }
        }
    }
}

/// Finds a run of digits (groups may be split by a space, dot or hyphen) that has the shape of an
/// ID card number (9 or 12 digits) or a Vietnamese phone number (0 + 9 digits, or 84 + 9 digits).
fn personal_number(line: &str) -> Option<(&'static str, &'static str)> {
    let chars: Vec<char> = line.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() || (i > 0 && chars[i - 1].is_ascii_alphanumeric()) {
            i += 1;
            continue;
        }
        let mut digits = String::new();
        let mut j = i;
        while j < chars.len() {
            if chars[j].is_ascii_digit() {
                digits.push(chars[j]);
                j += 1;
            } else if " .-".contains(chars[j]) && chars.get(j + 1).is_some_and(char::is_ascii_digit)
            {
                j += 1;
            } else {
                break;
            }
        }
        let kind = match digits.len() {
            10 if digits.starts_with('0') => Some(("số điện thoại", "a phone number")),
            11 if digits.starts_with("84") => Some(("số điện thoại", "a phone number")),
            9 | 12 => Some(("số CMND/CCCD", "an ID card number")),
            _ => None,
        };
        if kind.is_some() {
            return kind;
        }
        i = j.max(i + 1);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_id_and_phone_numbers_in_their_usual_shapes() {
        for line in [
            "CCCD: 001085012345",
            "Số CMND 123456789.",
            "Liên hệ 0912 345 678",
            "ĐT: 0912.345.678",
            "+84 912 345 678",
        ] {
            assert!(personal_number(line).is_some(), "{line}");
        }
    }

    #[test]
    fn leaves_years_dates_and_counts_alone() {
        for line in [
            "Sinh năm 1975, vào Đảng ngày 05/6/2002.",
            "Nhiệm kỳ 2022-2025, khu phố có 361 hộ.",
            "Đã truy cập: 4.459.718 lượt",
            "Quyết định số 1234/QĐ-UBND",
        ] {
            assert_eq!(personal_number(line), None, "{line}");
        }
    }
}
