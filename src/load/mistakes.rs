//! What staff read when a value does not fit its field: what is wrong, in words a clerk
//! understands, and the line to type instead, with their own value corrected where it can be.

use super::refusal::Refusal;
use super::tree::{Entry, Node, Value};
use crate::diagnostics::Bilingual;
use crate::model::text::{closest, code_point};

/// One mistake in a file, at the line and column of the value (or key) it concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mistake {
    pub line: usize,
    pub column: usize,
    pub field: Option<String>,
    pub message: Bilingual,
    pub fix: Option<Bilingual>,
}

/// Keys that would hold personal data which must never be published.
const PRIVATE_KEYS: &[&str] = &[
    "cccd",
    "so_cccd",
    "cmnd",
    "so_cmnd",
    "can_cuoc",
    "so_dinh_danh",
    "dien_thoai",
    "so_dien_thoai",
    "sdt",
    "dia_chi",
    "noi_o",
    "cho_o",
    "noi_thuong_tru",
    "thuong_tru",
    "tam_tru",
    "email",
    "ngay_sinh",
];

impl Mistake {
    fn at(node: &Node, field: Option<&str>, message: Bilingual) -> Self {
        Self {
            line: node.line,
            column: node.column,
            field: field.map(str::to_string),
            message,
            fix: None,
        }
    }

    pub fn fix(mut self, fix: Option<Bilingual>) -> Self {
        self.fix = fix;
        self
    }

    /// A value its field refuses, for the reason given.
    pub fn value(node: &Node, field: Option<&str>, why: Refusal) -> Self {
        Self::at(node, field, why.message).fix(why.fix)
    }

    /// What a type that checks its own text refused.
    pub fn refused(node: &Node, field: Option<&str>, why: Refusal) -> Self {
        Self::value(node, field, why)
    }

    /// Nothing after the colon of a field that needs a value.
    pub fn blank(node: &Node, field: Option<&str>) -> Self {
        let name = field.unwrap_or("…");
        Self::at(
            node,
            field,
            Bilingual::new(
                format!("Trường bắt buộc `{name}` còn trống."),
                format!("The required field `{name}` is blank."),
            ),
        )
        .fix(Some(Bilingual::new(
            format!("Viết giá trị sau dấu hai chấm: `{name}: …`. Nếu chưa biết, hỏi người phụ trách trước khi đăng; để trống sẽ đăng một dòng rỗng."),
            format!("Write the value after the colon: `{name}: …`. If it is not known yet, ask before publishing; left blank it would publish an empty line."),
        )))
    }

    /// Says what to write in a blank field, when its type describes it as `vi / en` (dates,
    /// terms); serde's own descriptions ("a string") are not for staff.
    pub fn example(self, expecting: &str) -> Self {
        let Some((vi, en)) = expecting.split_once(" / ") else {
            return self;
        };
        let name = self.field.clone().unwrap_or_default();
        self.fix(Some(Bilingual::new(
            format!("Viết sau `{name}:` {vi}."),
            format!("Write after `{name}:` {en}."),
        )))
    }

    /// A required field with no line at all in the group at `node`.
    pub fn missing(node: &Node, field: Option<&str>, name: &str) -> Self {
        Self::at(
            node,
            field.or(Some(name)),
            Bilingual::new(
                format!("Thiếu trường bắt buộc `{name}`."),
                format!("The required field `{name}` is missing."),
            ),
        )
        .fix(Some(Bilingual::new(
            format!(
                "Thêm một dòng `{name}: …` thẳng hàng với dòng {}, rồi điền giá trị.",
                node.line
            ),
            format!(
                "Add a line `{name}: …` aligned with line {}, and fill in its value.",
                node.line
            ),
        )))
    }

    /// A key the record has no field for: its value would be lost.
    pub fn unknown(entry: &Entry, known: &[&str]) -> Self {
        let key = entry.name();
        let field = Some(key);
        if PRIVATE_KEYS.contains(&key) {
            return Self::at(&entry.key, field, Bilingual::new(
                format!("Trường `{key}` chứa dữ liệu cá nhân không được công bố trên cổng thông tin."),
                format!("The field `{key}` holds personal data that must not be published on the portal."),
            ))
            .fix(Some(Bilingual::new(
                "Xóa dòng này. Nếu cần lưu lại cho cán bộ, đặt nó bên dưới `rieng_tu:` trong hồ sơ ứng cử viên (không bao giờ được xuất bản).",
                "Delete this line. To keep it for staff, put it under `rieng_tu:` in a candidate file (never published).",
            )));
        }
        let lost = Bilingual::new(
            format!("Trường `{key}` không có trong mẫu, dữ liệu của nó sẽ bị mất."),
            format!("Unknown field `{key}`: its data would be lost."),
        );
        if is_share(key) {
            let counts: Vec<&str> = known.iter().copied().filter(|k| is_count(k)).collect();
            let counts = ticked(&counts);
            return Self::at(&entry.key, field, lost).fix(Some(Bilingual::new(
                format!("Tỷ lệ do niemyet tự tính từ các số đếm, không nhập tay: xóa dòng này và điền các số đếm ({counts})."),
                format!("Shares are computed by niemyet from the counts, not typed: delete this line and fill in the counts ({counts})."),
            )));
        }
        let value = shown(&entry.value);
        let fix = match closest(key, known.iter().copied()) {
            Some(near) => Bilingual::new(
                format!("Có phải ý bạn là `{near}`? Viết `{near}: {value}`."),
                format!("Did you mean `{near}`? Write `{near}: {value}`."),
            ),
            None => Bilingual::new(
                format!(
                    "Xóa dòng này, hoặc đổi tên trường thành một trong: {}.",
                    ticked(known)
                ),
                format!(
                    "Delete this line, or rename the field to one of: {}.",
                    ticked(known)
                ),
            ),
        };
        Self::at(&entry.key, field, lost).fix(Some(fix))
    }

    /// An error that a type raised in its own words: ours are written `vi / en`.
    pub fn unexplained(node: &Node, field: Option<&str>, text: &str) -> Self {
        let message = match text.split_once(" / ") {
            Some((vi, en)) => Bilingual::new(vi, en),
            None => Bilingual::new("Giá trị này không đọc được.", "This value cannot be read."),
        };
        Self::at(node, field, message)
    }
}

/// `ty_le_…`, `ti_le_…`: a share, which pages compute.
fn is_share(key: &str) -> bool {
    key.starts_with("ty_le") || key.starts_with("ti_le") || key.starts_with("phan_tram")
}

fn is_count(key: &str) -> bool {
    ["tong_", "phieu_", "so_"]
        .iter()
        .any(|p| key.starts_with(p))
}

fn ticked(names: &[&str]) -> String {
    let names: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    names.join(", ")
}

/// A value as it can be quoted back: short, on one line.
fn shown(node: &Node) -> String {
    match &node.value {
        Value::Scalar { text, .. } => {
            let first = text.lines().next().unwrap_or_default();
            match first.chars().count() > 40 || first.len() < text.len() {
                true => format!("{}…", first.chars().take(30).collect::<String>()),
                false => first.to_string(),
            }
        }
        _ => "…".to_string(),
    }
}

/// The line to type: `field: value`, or the value alone where there is no field.
fn line(field: Option<&str>, value: &str) -> String {
    match field {
        Some(f) => format!("{f}: {value}"),
        None => value.to_string(),
    }
}

/// A whole number as staff write counts and years, or why it is not one, with the number
/// they meant where it can be seen: `5.069`, `5,069` and `1 234` group thousands, `361 hộ`
/// names its unit, `0361` has a leading zero.
pub fn whole(field: Option<&str>, text: &str, signed: bool, max: u64) -> Result<i64, Refusal> {
    let t = text.trim();
    let write = |n: &str| {
        let l = line(field, n);
        Bilingual::new(format!("Viết `{l}`."), format!("Write `{l}`."))
    };
    let not_whole = |vi: String, en: String| Refusal::new(Bilingual::new(vi, en));
    if t.is_empty() || t == "~" || t.eq_ignore_ascii_case("null") {
        // a year (nam_sinh) or a count
        let example = match field.is_some_and(|f| f.starts_with("nam")) {
            true => line(field, "1968"),
            false => line(field, "1234"),
        };
        let name = field.unwrap_or("…");
        return Err(Refusal::new(Bilingual::new(
            format!("Trường bắt buộc `{name}` còn trống."),
            format!("The required field `{name}` is blank."),
        ))
        .fix(Bilingual::new(
            format!("Viết con số sau dấu hai chấm, ví dụ `{example}`."),
            format!("Write the number after the colon, e.g. `{example}`."),
        )));
    }
    let (negative, digits) = match t.strip_prefix('-') {
        Some(rest) => (true, rest.trim()),
        None => (false, t),
    };
    if !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) {
        let Ok(n) = digits.parse::<u64>() else {
            return Err(too_large(text, max));
        };
        if n > max || (negative && !signed) {
            return Err(match negative {
                true => not_whole(
                    format!("`{t}` là số âm: số đếm không thể nhỏ hơn 0."),
                    format!("`{t}` is negative: a count cannot be below 0."),
                )
                .fix(write(digits.trim_start_matches('0').max("0"))),
                false => too_large(text, max),
            });
        }
        if digits.len() > 1 && digits.starts_with('0') {
            let n = n.to_string();
            return Err(not_whole(
                format!("`{t}` bắt đầu bằng số 0: một số đếm không viết số 0 ở đầu."),
                format!("`{t}` starts with 0: a count is written without leading zeros."),
            )
            .fix(write(&n)));
        }
        let n = n as i64;
        return Ok(if negative { -n } else { n });
    }
    if let Some(n) = grouped(digits) {
        return Err(not_whole(
            format!("`{t}` có dấu phân cách hàng nghìn: số đếm viết liền, không có dấu chấm, dấu phẩy hay dấu cách."),
            format!("`{t}` groups its thousands: a count is written without dots, commas or spaces."),
        )
        .fix(write(&n)));
    }
    if let Some(percent) = t.strip_suffix('%') {
        return Err(not_whole(
            format!(
                "`{t}` là tỷ lệ phần trăm: trường này là một số đếm, tỷ lệ do niemyet tự tính."
            ),
            format!("`{t}` is a percentage: this field is a count; niemyet computes the shares."),
        )
        .fix(Bilingual::new(
            format!("Viết số đếm thật (số người, số phiếu), không phải {percent}%."),
            format!("Write the actual count (people, ballots), not {percent}%."),
        )));
    }
    if let Some(year) = crate::model::date::Date::parse(t).ok().map(|d| d.year()) {
        return Err(not_whole(
            format!("`{t}` là một ngày: trường này chỉ ghi năm."),
            format!("`{t}` is a date: this field holds the year only."),
        )
        .fix(write(&year.to_string())));
    }
    let lead: String = t.chars().take_while(char::is_ascii_digit).collect();
    let rest = t[lead.len()..].trim();
    if !lead.is_empty() && rest.chars().next().is_some_and(char::is_alphabetic) {
        return Err(not_whole(
            format!("`{t}` có chữ sau con số: trường này chỉ ghi con số."),
            format!("`{t}` has words after the number: this field holds the number only."),
        )
        .fix(write(lead.trim_start_matches('0').max("0"))));
    }
    if let Some((whole, _)) = t.split_once([',', '.']).filter(|(w, f)| {
        !w.is_empty() && !f.is_empty() && (w.chars().chain(f.chars())).all(|c| c.is_ascii_digit())
    }) {
        return Err(not_whole(
            format!("`{t}` có phần lẻ: trường này là một số nguyên."),
            format!("`{t}` has a fraction: this field is a whole number."),
        )
        .fix(Bilingual::new(
            format!("Viết số nguyên đúng, ví dụ `{}`.", line(field, whole)),
            format!(
                "Write the right whole number, e.g. `{}`.",
                line(field, whole)
            ),
        )));
    }
    Err(not_whole(
        format!("`{t}` không phải là một con số."),
        format!("`{t}` is not a number."),
    )
    .fix(Bilingual::new(
        format!("Viết con số bằng chữ số, ví dụ `{}`.", line(field, "1234")),
        format!(
            "Write the number in digits, e.g. `{}`.",
            line(field, "1234")
        ),
    )))
}

fn too_large(text: &str, max: u64) -> Refusal {
    Refusal::new(Bilingual::new(
        format!("`{}` quá lớn cho trường này (tối đa {max}).", text.trim()),
        format!(
            "`{}` is too large for this field (at most {max}).",
            text.trim()
        ),
    ))
    .fix(Bilingual::new(
        "Kiểm tra lại con số: có thể thừa chữ số.",
        "Check the number: a digit may be repeated.",
    ))
}

/// `5.069`, `5,069`, `1 234`, `1.234.567`: the digits of a number with grouped thousands.
fn grouped(text: &str) -> Option<String> {
    let sep = text.chars().find(|c| !c.is_ascii_digit())?;
    if !matches!(sep, '.' | ',' | ' ' | '\u{a0}' | '\u{202f}') {
        return None;
    }
    let groups: Vec<&str> = text.split(sep).collect();
    let first = groups.first()?;
    let ok = (1..=3).contains(&first.len())
        && groups.len() > 1
        && groups.iter().all(|g| g.chars().all(|c| c.is_ascii_digit()))
        && groups[1..].iter().all(|g| g.len() == 3);
    ok.then(|| groups.concat().trim_start_matches('0').to_string())
        .filter(|n| !n.is_empty())
}

pub fn not_yes_no(field: Option<&str>, text: &str) -> Refusal {
    let yes = line(field, "có");
    let no = line(field, "không");
    Refusal::new(Bilingual::new(
        format!("`{}` không phải là câu trả lời có hoặc không.", text.trim()),
        format!("`{}` is not a yes-or-no answer.", text.trim()),
    ))
    .fix(Bilingual::new(
        format!("Viết `{yes}` hoặc `{no}`."),
        format!("Write `{yes}` (yes) or `{no}` (no)."),
    ))
}

/// A number with a fraction: `.` or `,` before the fraction.
pub fn decimal(text: &str) -> Option<f64> {
    let t = text.trim();
    t.parse()
        .ok()
        .or_else(|| t.replacen(',', ".", 1).parse().ok())
        .filter(|x: &f64| x.is_finite())
}

pub fn not_decimal(field: Option<&str>, text: &str) -> Refusal {
    Refusal::new(Bilingual::new(
        format!("`{}` không phải là một con số.", text.trim()),
        format!("`{}` is not a number.", text.trim()),
    ))
    .fix(Bilingual::new(
        format!("Viết con số, ví dụ `{}`.", line(field, "2.5")),
        format!("Write a number, e.g. `{}`.", line(field, "2.5")),
    ))
}

/// A character XML forbids (typed, or written as an escape such as `\0` or `\uFFFE`).
pub fn invisible(c: char) -> Refusal {
    let code = code_point(c);
    Refusal::new(Bilingual::new(
        format!("Giá trị chứa ký tự không hợp lệ {code}: ký tự vô hình này làm hỏng nguồn tin và trang web."),
        format!("The value holds the invalid character {code}: this invisible character would break the feeds and pages."),
    ))
    .fix(Bilingual::new(
        "Xóa ký tự đó (hay mã thoát như \\0, \\x07, \\uFFFE) rồi gõ lại giá trị.",
        "Delete that character (or an escape such as \\0, \\x07, \\uFFFE) and type the value again.",
    ))
}

/// A list or group where a text goes.
pub fn not_text(field: Option<&str>) -> Refusal {
    Refusal::new(Bilingual::new(
        "Trường này là một đoạn chữ viết trên cùng dòng, không phải danh sách hay nhóm trường.",
        "This field is a text on the same line, not a list or a group of fields.",
    ))
    .fix(Bilingual::new(
        format!("Viết `{}` trên một dòng.", line(field, "…")),
        format!("Write `{}` on one line.", line(field, "…")),
    ))
}

/// A sentence where a list goes: the list it means, spelled out.
pub fn not_a_list(field: Option<&str>, node: &Node) -> Refusal {
    let text = node.text().unwrap_or_default();
    let items: Vec<&str> = text
        .split([',', ';'])
        .map(str::trim)
        .filter(|i| !i.is_empty())
        .collect();
    let name = field.unwrap_or("…");
    let spelled: String = items.iter().map(|i| format!("  - {i}\n")).collect();
    let spelled = spelled.trim_end().replace('\n', " ⏎ ");
    Refusal::new(Bilingual::new(
        format!("Trường `{name}` là một danh sách, mỗi mục một dòng bắt đầu bằng `- `, không phải một câu."),
        format!("The field `{name}` is a list, one `- ` line per item, not a sentence."),
    ))
    .fix(Bilingual::new(
        format!("Viết `{name}:` rồi mỗi mục một dòng bên dưới, thụt lề hai dấu cách: {spelled}"),
        format!("Write `{name}:` then one line per item below it, indented two spaces: {spelled}"),
    ))
}

pub fn not_a_group(field: Option<&str>) -> Refusal {
    let name = field.unwrap_or("…");
    Refusal::new(Bilingual::new(
        format!("Trường `{name}` là một nhóm trường `ten: giá trị` thụt lề bên dưới nó."),
        format!("The field `{name}` is a group of `field: value` lines indented below it."),
    ))
    .fix(Bilingual::new(
        format!("Viết `{name}:` rồi các trường của nó trên các dòng sau, thụt lề hai dấu cách."),
        format!("Write `{name}:` then its fields on the lines below, indented two spaces."),
    ))
}

/// A value outside an enumeration: the closest one, or the list.
pub fn not_one_of(field: Option<&str>, text: &str, variants: &[&str]) -> Refusal {
    let t = text.trim();
    let near = closest(t, variants.iter().copied()).filter(|_| !t.is_empty());
    let fix = match near {
        Some(near) => Bilingual::new(
            format!("Có phải ý bạn là `{near}`? Viết `{}`.", line(field, near)),
            format!("Did you mean `{near}`? Write `{}`.", line(field, near)),
        ),
        None => Bilingual::new(
            format!("Dùng một trong các giá trị: {}.", ticked(variants)),
            format!("Use one of: {}.", ticked(variants)),
        ),
    };
    Refusal::new(Bilingual::new(
        format!("Giá trị `{t}` không hợp lệ."),
        format!("The value `{t}` is not allowed."),
    ))
    .fix(fix)
}

/// A value of a kind its field does not take, as serde names it (`sequence`, `map`, …).
pub fn wrong_kind(field: Option<&str>, found: &str) -> Refusal {
    match found {
        "sequence" => not_text(field),
        "map" => not_text(field),
        _ => Refusal::new(Bilingual::new(
            "Giá trị này không đúng kiểu của trường.",
            "This value is not of the field's kind.",
        ))
        .fix(Bilingual::new(
            "Viết giá trị theo mẫu của tệp (lệnh `niemyet new` tạo tệp mẫu).",
            "Write the value as the file's template shows (`niemyet new` writes one).",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(field: &str, text: &str) -> String {
        let r = whole(Some(field), text, false, u32::MAX.into()).unwrap_err();
        r.fix.unwrap().vi
    }

    #[test]
    fn counts_are_read_and_mistyped_ones_are_corrected() {
        assert_eq!(whole(None, "5069", false, 99_999), Ok(5069));
        assert_eq!(whole(None, "-5", true, 99), Ok(-5));
        for (typed, corrected) in [
            ("5.069", "5069"),
            ("5,069", "5069"),
            ("1 234", "1234"),
            ("1.234.567", "1234567"),
            ("361 hộ", "361"),
            ("0361", "361"),
            ("-5", "5"),
            ("05/6/1968", "1968"),
        ] {
            assert_eq!(
                fix("tong_cu_tri", typed),
                format!("Viết `tong_cu_tri: {corrected}`."),
                "{typed}"
            );
        }
        let percent = whole(Some("tong_cu_tri"), "87%", false, 99_999).unwrap_err();
        assert!(percent.message.vi.contains("tỷ lệ phần trăm"));
        assert!(
            whole(None, "5.5", false, 99)
                .unwrap_err()
                .message
                .en
                .contains("fraction")
        );
        assert!(
            whole(None, "70000", false, 65_535)
                .unwrap_err()
                .message
                .en
                .contains("too large")
        );
        assert!(
            whole(None, "mười", false, 99)
                .unwrap_err()
                .message
                .en
                .contains("not a number")
        );
    }

    #[test]
    fn lists_written_as_sentences_are_spelled_out() {
        let node = Node {
            value: Value::Scalar {
                text: "a, b; c".into(),
                plain: true,
            },
            line: 1,
            column: 1,
        };
        let r = not_a_list(Some("ds"), &node);
        assert!(r.fix.unwrap().en.ends_with("- a ⏎   - b ⏎   - c"));
    }
}
