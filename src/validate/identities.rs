//! Ids that open data keeps for good: a person's id (`ma_nguoi`), which joins the candidacies of
//! one person across rounds, and a unit's official code (`ma_hanh_chinh`), which names the unit
//! in data files whatever it is called (see `export::ocd`).

use super::{Ctx, Scope};
use crate::diagnostics::Bilingual;
use crate::export::ocd;
use crate::model::Site;
use crate::model::candidate::person_id_fix;
use std::collections::HashMap;

/// Digits of a commune-level unit's code in the national list (danh mục đơn vị hành chính).
const CODE_DIGITS: usize = 5;

pub(super) fn check(site: &Site, ctx: &mut Ctx, scope: Scope) {
    persons(site, ctx);
    codes(site, ctx);
    if scope == Scope::AcrossFiles {
        unit_keys(site, ctx);
        birth_years(site, ctx);
    }
}

fn persons(site: &Site, ctx: &mut Ctx) {
    for round in &site.rounds {
        let mut first: HashMap<&str, &str> = HashMap::new();
        for c in &round.candidates {
            let Some(id) = c.data.ma_nguoi.as_deref() else {
                continue;
            };
            let line = |ctx: &Ctx| ctx.line(&c.file, "ma_nguoi", None, 1);
            if let Some(fix) = person_id_fix(id) {
                ctx.error(
                    &c.file,
                    line(ctx),
                    "ma_nguoi",
                    Bilingual::new(
                        format!("Mã người “{id}” chỉ được dùng chữ thường không dấu, chữ số và dấu gạch ngang, và phải có ít nhất một chữ cái (không ghi số CCCD hay số điện thoại: mã này được công bố)."),
                        format!("The person id “{id}” may use only lowercase letters without accents, digits and hyphens, and needs at least one letter (never an ID card or phone number: this id is published)."),
                    ),
                    Bilingual::new(
                        format!("Viết ma_nguoi: {fix} (giống nhau ở mọi đợt người này ứng cử), hoặc xóa dòng này."),
                        format!("Write ma_nguoi: {fix} (the same in every round this person stands in), or delete the line."),
                    ),
                );
                continue;
            }
            if let Some(other) = first.get(id).copied() {
                ctx.error(
                    &c.file,
                    line(ctx),
                    "ma_nguoi",
                    Bilingual::new(
                        format!("Mã người “{id}” đã dùng cho ứng cử viên “{other}” trong cùng đợt bầu cử: một người chỉ ứng cử một lần trong một đợt."),
                        format!("The person id “{id}” is already the candidate “{other}”'s in this round: one person stands once in a round."),
                    ),
                    Bilingual::new(
                        format!("Nếu là hai người khác nhau, đổi mã của người này, ví dụ ma_nguoi: {id}-{slug}; nếu là một người, xóa một trong hai tệp.", slug = c.slug),
                        format!("If they are two people, give this one another id, e.g. ma_nguoi: {id}-{slug}; if they are one, delete one of the two files.", slug = c.slug),
                    ),
                );
            } else {
                first.insert(id, &c.slug);
            }
        }
    }
}

/// One person is born once: files that give one person id different birth years are likely two
/// people given one id by mistake. A warning, at each newer file, since the newest names them.
fn birth_years(site: &Site, ctx: &mut Ctx) {
    // site.rounds is newest first: the oldest file of an id is met last
    let mut oldest: HashMap<&str, (u16, String)> = HashMap::new();
    for round in site.rounds.iter().rev() {
        for c in &round.candidates {
            let Some(id) = c.data.ma_nguoi.as_deref() else {
                continue;
            };
            let here = (c.data.nam_sinh, format!("{}/{}", round.id, c.slug));
            let Some((year, first)) = oldest.get(id) else {
                oldest.insert(id, here);
                continue;
            };
            if *year == c.data.nam_sinh {
                continue;
            }
            let born = c.data.nam_sinh;
            ctx.warning(
                &c.file,
                ctx.line(&c.file, "ma_nguoi", None, 1),
                "ma_nguoi",
                Bilingual::new(
                    format!("Mã người “{id}” cũng là của ứng cử viên {first}, sinh năm {year}, nhưng tệp này ghi năm sinh {born}: nếu là hai người khác nhau, đổi mã của một người; nếu là một người, sửa năm sinh."),
                    format!("The person id “{id}” is also the candidate {first}'s, born {year}, but this file gives {born}: if they are two people, change one's id; if one, correct the birth year."),
                ),
            );
        }
    }
}

/// What a code should be written as, when `code` is not five digits: its digits, with the
/// leading zeros a spreadsheet drops (`6685` for `06685`) put back.
fn code_fix(code: &str) -> Option<String> {
    let digits: String = code.chars().filter(char::is_ascii_digit).collect();
    if digits == code && digits.len() == CODE_DIGITS {
        return None;
    }
    Some(match digits.len() {
        1..=CODE_DIGITS => format!("\"{digits:0>CODE_DIGITS$}\""),
        _ => "\"06685\"".to_string(),
    })
}

fn codes(site: &Site, ctx: &mut Ctx) {
    for c in &site.communes {
        let Some(code) = c.data.ma_hanh_chinh.as_deref() else {
            continue;
        };
        let Some(fix) = code_fix(code) else {
            continue;
        };
        ctx.error(
            &c.file,
            ctx.top_line(&c.file, "ma_hanh_chinh"),
            "ma_hanh_chinh",
            Bilingual::new(
                format!("Mã đơn vị hành chính “{code}” không đúng: mã cấp xã gồm {CODE_DIGITS} chữ số, như trong danh mục đơn vị hành chính."),
                format!("The administrative unit code “{code}” is wrong: a commune-level code is {CODE_DIGITS} digits, as in the national list of units."),
            ),
            Bilingual::new(
                format!("Viết ma_hanh_chinh: {fix} (trong dấu ngoặc kép để giữ số 0 ở đầu), hoặc xóa dòng nếu chưa biết mã."),
                format!("Write ma_hanh_chinh: {fix} (in quotes to keep the leading zero), or delete the line if the code is not known."),
            ),
        );
    }
}

/// Two units whose data ids would be one: the same code twice, or a code that is another unit's
/// file name.
fn unit_keys(site: &Site, ctx: &mut Ctx) {
    let mut first: HashMap<String, &str> = HashMap::new();
    for c in &site.communes {
        let key = ocd::key(c);
        let Some(other) = first.get(&key).copied() else {
            first.insert(key, &c.id);
            continue;
        };
        ctx.error(
            &c.file,
            ctx.top_line(&c.file, "ma_hanh_chinh"),
            "ma_hanh_chinh",
            Bilingual::new(
                format!("Đơn vị này và đơn vị “{other}” có cùng mã “{key}” trong dữ liệu mở: mỗi đơn vị cần một mã riêng."),
                format!("This unit and the unit “{other}” have the same id “{key}” in open data: each unit needs its own."),
            ),
            Bilingual::new(
                format!("Kiểm tra ma_hanh_chinh của hai tệp don-vi/{other}.yaml và {}: mã chỉ ghi cho đơn vị đang mang mã đó trong danh mục.", c.file.display()),
                format!("Check ma_hanh_chinh in don-vi/{other}.yaml and {}: write a code only on the unit that holds it in the national list.", c.file.display()),
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_is_five_digits_and_a_lost_leading_zero_is_put_back() {
        assert_eq!(code_fix("06685"), None);
        assert_eq!(code_fix("6685").as_deref(), Some("\"06685\""));
        assert_eq!(code_fix("Mã 31510").as_deref(), Some("\"31510\""));
        assert_eq!(code_fix("066850").as_deref(), Some("\"06685\""));
        assert_eq!(code_fix("xã").as_deref(), Some("\"06685\""));
    }
}
