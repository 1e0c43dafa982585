//! The one place that calls the YAML library (serde_yaml, deprecated upstream but stable): a
//! switch to a maintained fork touches this file only.
//!
//! Parser errors are turned into diagnostics that staff can act on: the line and column, the
//! field, a Vietnamese and an English message, and a hint (the nearest field name for a typo).

use crate::diagnostics::{Bilingual, Diagnostic};
use crate::load::values::{self, Stop};
use crate::load::{SourceFile, key_value};
use crate::model::text::{closest, code_point, is_xml_char};
use serde::de::DeserializeOwned;
use serde_yaml::Value;

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

/// Parses `yaml`, which starts at line `first_line` of `file`.
pub fn parse<T: DeserializeOwned>(
    file: &SourceFile,
    yaml: &str,
    first_line: usize,
) -> Result<T, Diagnostic> {
    if yaml.trim().is_empty() {
        return Err(Diagnostic::error(
            &file.rel,
            Bilingual::new("Phần thông tin trống.", "The data is empty."),
        )
        .at(Some(first_line), None)
        .hint(Bilingual::new(
            "Điền các trường theo mẫu trong README.",
            "Fill in the fields as the README's example shows.",
        )));
    }
    let fail = |e: serde_yaml::Error| to_diagnostic(file, yaml, first_line, &e);
    let value = match values::count(serde_yaml::Deserializer::from_str(yaml)) {
        Ok(()) => serde_yaml::from_str(yaml).map_err(fail)?,
        Err(Stop::TooMany) => return Err(values::too_many(file, yaml, first_line)),
        // serde_yaml's own cap on alias jumps may stop the count first
        Err(Stop::Error(e)) if e.to_string() == "repetition limit exceeded" => {
            return Err(values::too_many(file, yaml, first_line));
        }
        Err(Stop::Error(e)) => return Err(fail(e)),
    };
    // the loader refuses these characters as typed; an escape in double quotes ("\0",
    // "\uFFFE") is the other way to write one, and needs a backslash
    if yaml.contains('\\')
        && let Some(d) = escaped_forbidden_character(file, yaml, first_line)
    {
        return Err(d);
    }
    Ok(value)
}

/// A character XML forbids written as an escape, in the field that holds it. Read a second
/// time as plain YAML values: only files with a backslash pay for it.
fn escaped_forbidden_character(
    file: &SourceFile,
    yaml: &str,
    first_line: usize,
) -> Option<Diagnostic> {
    let value: Value = serde_yaml::from_str(yaml).ok()?;
    let (field, c) = forbidden_in(&value, None)?;
    let lines: Vec<&str> = yaml.lines().collect();
    let is_field = |l: &&str| {
        field
            .as_deref()
            .is_some_and(|f| key_value(l).is_some_and(|(k, _)| k == f))
    };
    // the field's line with an escape, else the first escape after the field (a list item)
    let from = lines.iter().position(is_field).unwrap_or(0);
    let index = lines
        .iter()
        .position(|l| is_field(l) && l.contains('\\'))
        .or_else(|| {
            let after = lines[from..].iter().position(|l| l.contains('\\'));
            after.map(|i| i + from)
        });
    let code = code_point(c);
    let (vi, en) = match &field {
        Some(f) => (
            format!("Trường `{f}` chứa"),
            format!("The field `{f}` holds"),
        ),
        None => ("Tệp chứa".to_string(), "The file holds".to_string()),
    };
    let mut d = Diagnostic::error(
        &file.rel,
        Bilingual::new(
            format!("{vi} ký tự không hợp lệ {code}, viết bằng mã thoát có dấu \\ trong ngoặc kép: ký tự vô hình này làm hỏng nguồn tin và trang web."),
            format!("{en} the invalid character {code}, written as an escape with \\ in double quotes: this invisible character would break the feeds and pages."),
        ),
    )
    .at(index.map(|i| i + first_line), None)
    .hint(Bilingual::new(
        "Xóa mã thoát đó (như \\0, \\x07 hay \\uFFFE) khỏi giá trị.",
        "Delete that escape (such as \\0, \\x07 or \\uFFFE) from the value.",
    ));
    if let Some(f) = field {
        d = d.field(f);
    }
    Some(d)
}

/// The first character XML forbids in a string of `value` (keys included), and the key of the
/// field it is in.
fn forbidden_in(value: &Value, field: Option<&str>) -> Option<(Option<String>, char)> {
    match value {
        Value::String(s) => s
            .chars()
            .find(|c| !is_xml_char(*c))
            .map(|c| (field.map(str::to_string), c)),
        Value::Sequence(items) => items.iter().find_map(|v| forbidden_in(v, field)),
        Value::Mapping(map) => map.iter().find_map(|(k, v)| {
            forbidden_in(k, field).or_else(|| forbidden_in(v, k.as_str().or(field)))
        }),
        Value::Tagged(t) => forbidden_in(&t.value, field),
        Value::Null | Value::Bool(_) | Value::Number(_) => None,
    }
}

fn to_diagnostic(
    file: &SourceFile,
    yaml: &str,
    first_line: usize,
    e: &serde_yaml::Error,
) -> Diagnostic {
    if e.to_string().contains("more than one document") {
        return second_document(file, yaml, first_line);
    }
    let (line, column) = match e.location() {
        Some(l) => (Some(l.line() + first_line - 1), Some(l.column())),
        None => (None, None),
    };
    let full = e.to_string();
    // libyaml's reader (control characters, bad encodings) gives a byte offset, not a line
    let (line, column) = match position(&full) {
        Some(offset) => {
            let before = yaml.get(..offset).unwrap_or(yaml);
            (Some(first_line + before.matches('\n').count()), None)
        }
        None => (line, column),
    };
    // libyaml reports an unclosed quote or bracket, or a key without its colon, where it gave up
    // (often the end of the file), then "while scanning … at line N": the place it opened, which
    // is what staff must fix.
    let unclosed = full.contains("end of stream")
        || full.contains("did not find expected")
        || full.contains("could not find expected ':'");
    let (line, column) = match locations(&full).last() {
        Some(&(l, c)) if unclosed && full.contains(", while ") => {
            (Some(l + first_line - 1), Some(c))
        }
        _ => (line, column),
    };
    let without_location = strip_locations(&strip_position(&full));
    let without_location = without_location.as_str();
    // serde_yaml prefixes nested errors with their path: `cuoc_bau[1].dia_diem: invalid type…`
    let (path, message) = split_path(without_location);
    let (field, text, hint) = explain(message);
    // Errors raised by our own value types (dates, terms) are located by serde_yaml at the start
    // of the mapping; the value they quote finds the real line.
    let quoted = message
        .split_once('“')
        .and_then(|(_, rest)| rest.split_once('”'))
        .map(|(value, _)| value)
        .filter(|v| !v.is_empty());
    let value_line = quoted.and_then(|v| {
        yaml.lines()
            .position(|l| key_value(l).is_some_and(|(_, value)| value == v))
    });
    let (line, column) = match value_line {
        Some(i) => (Some(i + first_line), None),
        None => (line, column),
    };
    let key_on_line = line
        .and_then(|l| yaml.lines().nth(l.saturating_sub(first_line)))
        .and_then(key_of_line);
    // a repeated key is reported where it is repeated: the second time it appears from where
    // the parser stopped (the start of the map that holds it)
    let from = e.location().map_or(0, |l| l.line().saturating_sub(1));
    let (line, column) = match (&field, message.starts_with("duplicate field")) {
        (Some(key), true) => yaml
            .lines()
            .enumerate()
            .skip(from)
            .filter(|(_, l)| key_of_line(l).as_deref() == Some(key.as_str()))
            .nth(1)
            .map_or((line, column), |(i, _)| (Some(i + first_line), None)),
        _ => (line, column),
    };
    let field = field.or(path.map(last_segment)).or(key_on_line);
    let mut d = Diagnostic::error(&file.rel, text).at(line, column);
    if let Some(f) = field {
        d = d.field(f);
    }
    if let Some(h) = hint {
        d = d.hint(h);
    }
    d
}

/// serde_yaml refuses a second YAML document without saying where it starts: at a `---` (or
/// `...`) line inside the data, or at a line indented less than the first one.
fn second_document(file: &SourceFile, yaml: &str, first_line: usize) -> Diagnostic {
    let marker = |l: &str| l.trim_end() == "---" || l.starts_with("--- ") || l.trim_end() == "...";
    let content = |l: &str| !l.trim().is_empty() && !l.trim_start().starts_with('#');
    let indent = |l: &str| l.len() - l.trim_start_matches(' ').len();
    let mut lines = yaml.lines().enumerate().filter(|(_, l)| content(l));
    let first = lines.next().map(|(_, l)| l).unwrap_or_default();
    // a first `---` only opens the one document
    let root = if marker(first) {
        None
    } else {
        Some(indent(first))
    };
    let found = lines.find(|(_, l)| marker(l) || root.is_some_and(|r| indent(l) < r));
    let dedent = found.is_some_and(|(_, l)| !marker(l));
    let line = Some(found.map_or(0, |(i, _)| i) + first_line);
    let (message, hint) = match dedent {
        true => (
            Bilingual::new(
                "Dòng này thụt lề ít hơn dòng đầu tiên của dữ liệu.",
                "This line is indented less than the first line of the data.",
            ),
            Bilingual::new(
                "Các trường ngoài cùng bắt đầu ở đầu dòng, không có dấu cách phía trước; các trường bên trong thụt lề như nhau.",
                "Top-level fields start at the beginning of the line, with no spaces before them; fields inside them are indented alike.",
            ),
        ),
        false => (
            Bilingual::new(
                "Có một dòng `---` (hoặc `...`) ở giữa dữ liệu: mỗi tệp chỉ được có một phần dữ liệu.",
                "A `---` (or `...`) line sits inside the data: a file holds one block of data only.",
            ),
            Bilingual::new(
                "Xóa dòng này, hoặc đưa phần sau nó sang một tệp riêng.",
                "Delete this line, or move what follows it to a file of its own.",
            ),
        ),
    };
    Diagnostic::error(&file.rel, message)
        .at(line, None)
        .hint(hint)
}

/// Every `at line N column M` in a libyaml message, in order.
fn locations(message: &str) -> Vec<(usize, usize)> {
    message
        .split(" at line ")
        .skip(1)
        .filter_map(|rest| {
            let mut words = rest.split([' ', ',']);
            let line = words.next()?.parse().ok()?;
            let column = (words.next()? == "column")
                .then(|| words.next())??
                .parse()
                .ok()?;
            Some((line, column))
        })
        .collect()
}

/// The byte offset of `… at position N`.
fn position(message: &str) -> Option<usize> {
    let (_, rest) = message.split_once(" at position ")?;
    rest.split(|c: char| !c.is_ascii_digit())
        .next()?
        .parse()
        .ok()
}

/// The message without its locations, which the diagnostic shows in its own place.
fn strip_locations(message: &str) -> String {
    let mut out = String::new();
    for (i, part) in message.split(" at line ").enumerate() {
        if i == 0 {
            out.push_str(part);
            continue;
        }
        let mut words = part.splitn(4, ' ');
        let column = words.nth(2).unwrap_or_default();
        out.push_str(column.trim_start_matches(|c: char| c.is_ascii_digit()));
        if let Some(rest) = words.next() {
            out.push(' ');
            out.push_str(rest);
        }
    }
    out.trim_end().to_string()
}

/// The message without `at position N`, which becomes the line.
fn strip_position(message: &str) -> String {
    match message.split_once(" at position ") {
        Some((before, rest)) => {
            let after = rest.trim_start_matches(|c: char| c.is_ascii_digit());
            format!("{before}{after}")
        }
        None => message.to_string(),
    }
}

/// A value short enough to quote in a message: an unclosed quote can swallow half a file.
fn shorten(value: &str) -> String {
    let first = value.lines().next().unwrap_or_default();
    if first.chars().count() > 60 || first.len() < value.len() {
        format!("{}…", first.chars().take(40).collect::<String>())
    } else {
        value.to_string()
    }
}

fn split_path(message: &str) -> (Option<&str>, &str) {
    match message.split_once(": ") {
        Some((path, rest))
            if !path.contains(' ')
                && path
                    .chars()
                    .all(|c| c.is_alphanumeric() || "_.[]-".contains(c)) =>
        {
            (Some(path), rest)
        }
        _ => (None, message),
    }
}

fn last_segment(path: &str) -> String {
    let last = path.rsplit('.').next().unwrap_or(path);
    last.split('[').next().unwrap_or(last).to_string()
}

fn key_of_line(line: &str) -> Option<String> {
    key_value(line).map(|(key, _)| key.to_string())
}

/// Names between backticks in a serde message: "unknown field `a`, expected one of `b`, `c`".
fn ticked(message: &str) -> Vec<&str> {
    message.split('`').skip(1).step_by(2).collect()
}

fn explain(message: &str) -> (Option<String>, Bilingual, Option<Bilingual>) {
    let names = ticked(message);
    if message.starts_with("unknown field") {
        let field = names.first().copied().unwrap_or_default();
        let allowed = &names[names.len().min(1)..];
        if PRIVATE_KEYS.contains(&field) {
            return (
                Some(field.into()),
                Bilingual::new(
                    format!(
                        "Trường `{field}` chứa dữ liệu cá nhân không được công bố trên cổng thông tin."
                    ),
                    format!(
                        "The field `{field}` holds personal data that must not be published on the portal."
                    ),
                ),
                Some(Bilingual::new(
                    "Xóa trường này. Nếu cần lưu lại cho cán bộ, đặt nó bên dưới `rieng_tu:` trong hồ sơ ứng cử viên (không bao giờ được xuất bản).",
                    "Remove the field. To keep it for staff, put it under `rieng_tu:` in a candidate file (never published).",
                )),
            );
        }
        let list = allowed.join(", ");
        let hint = match closest(field, allowed.iter().copied()) {
            Some(near) => Bilingual::new(
                format!("Có phải ý bạn là `{near}`? Các trường được phép: {list}."),
                format!("Did you mean `{near}`? Allowed fields: {list}."),
            ),
            None => Bilingual::new(
                format!("Xóa hoặc sửa tên trường. Các trường được phép: {list}."),
                format!("Remove or rename the field. Allowed fields: {list}."),
            ),
        };
        return (
            Some(field.into()),
            Bilingual::new(
                format!("Trường `{field}` không có trong mẫu, dữ liệu của nó sẽ bị mất."),
                format!("Unknown field `{field}`: its data would be lost."),
            ),
            Some(hint),
        );
    }
    if message.starts_with("missing field") {
        let field = names.first().copied().unwrap_or_default();
        return (
            Some(field.into()),
            Bilingual::new(
                format!("Thiếu trường bắt buộc `{field}`."),
                format!("The required field `{field}` is missing."),
            ),
            Some(Bilingual::new(
                format!("Thêm dòng `{field}: …` (xem ví dụ trong README)."),
                format!("Add a line `{field}: …` (see the example in the README)."),
            )),
        );
    }
    if message.starts_with("duplicate field") {
        let field = names.first().copied().unwrap_or_default();
        return (
            Some(field.into()),
            Bilingual::new(
                format!("Trường `{field}` được viết hai lần."),
                format!("The field `{field}` is written twice."),
            ),
            Some(Bilingual::new(
                "Giữ lại một dòng và xóa dòng kia.",
                "Keep one line and delete the other.",
            )),
        );
    }
    if message == crate::model::required::BLANK {
        return (
            None,
            blank(),
            Some(Bilingual::new(
                "Ghi giá trị sau dấu hai chấm. Để trống, `\"\"` hay `~` sẽ đăng một tên, tiêu đề rỗng; nếu chưa biết, hỏi người phụ trách trước khi đăng.",
                "Write the value after the colon. Left blank, `\"\"` or `~` would publish an empty name or title; if it is not known yet, ask before publishing.",
            )),
        );
    }
    if message.starts_with("unknown variant") {
        let full_value = names.first().copied().unwrap_or_default();
        let value = shorten(full_value);
        let list = names.get(1..).unwrap_or_default().join(", ");
        if full_value.is_empty() {
            return (
                None,
                blank(),
                Some(Bilingual::new(
                    format!("Điền một trong các giá trị: {list}."),
                    format!("Fill in one of: {list}."),
                )),
            );
        }
        let hint = match closest(full_value, names.iter().skip(1).copied()) {
            Some(near) => Bilingual::new(
                format!("Có phải ý bạn là `{near}`? Các giá trị được phép: {list}."),
                format!("Did you mean `{near}`? Allowed values: {list}."),
            ),
            None => Bilingual::new(
                format!("Dùng một trong các giá trị: {list}."),
                format!("Use one of: {list}."),
            ),
        };
        return (
            None,
            Bilingual::new(
                format!("Giá trị `{value}` không hợp lệ."),
                format!("The value `{value}` is not allowed."),
            ),
            Some(hint),
        );
    }
    if message.starts_with("invalid type: unit value") {
        let (vi, en) = expected_kind(message);
        return (
            None,
            blank(),
            Some(Bilingual::new(
                format!("Điền giá trị sau dấu hai chấm; giá trị {vi}."),
                format!("Write the value after the colon; it {en}."),
            )),
        );
    }
    if message.starts_with("invalid type") || message.starts_with("invalid value") {
        let (vi, en) = expected_kind(message);
        return (
            None,
            Bilingual::new(
                format!("Sai kiểu giá trị: {vi}."),
                format!("Wrong kind of value: {en} ({message})."),
            ),
            Some(Bilingual::new(
                "Sửa giá trị cho đúng kiểu như ví dụ trong README.",
                "Correct the value to the kind shown in the README's example.",
            )),
        );
    }
    if let Some((vi, en)) = message.split_once(" / ") {
        // our own messages (dates, terms) are already bilingual; one about nothing (“”) means
        // the field was left blank, which its example then shows how to fill
        if message.starts_with("“”") {
            let example = |text: &str| text.split_once("; ").map(|(_, e)| e.to_string());
            let hint = example(vi)
                .zip(example(en))
                .map(|(v, e)| Bilingual::new(v, e));
            return (None, blank(), hint);
        }
        return (None, Bilingual::new(vi, en), None);
    }
    if message.starts_with("recursion limit exceeded") {
        return (
            None,
            Bilingual::new(
                "Dữ liệu lồng nhau quá nhiều cấp.",
                "The data is nested too deeply.",
            ),
            Some(Bilingual::new(
                "Kiểm tra các dấu ngoặc `[` `{` và các dấu `- ` ở dòng này: mỗi trường chỉ cần vài cấp thụt lề.",
                "Check the brackets `[` `{` and the `- ` marks on this line: no field needs more than a few levels.",
            )),
        );
    }
    let hint = if message.contains("tab character") {
        Bilingual::new(
            "Dòng này thụt lề bằng phím Tab: xóa Tab và thụt lề bằng dấu cách, thẳng hàng với các dòng cùng cấp.",
            "This line is indented with Tab: delete it and indent with spaces, aligned with its siblings.",
        )
    } else if message.contains("mapping values are not allowed") {
        Bilingual::new(
            "Giá trị có dấu hai chấm `:` phải đặt trong ngoặc kép, ví dụ: nghe_nghiep: \"Cán bộ: hưu trí\".",
            "A value containing a colon `:` must be quoted, e.g. nghe_nghiep: \"Cán bộ: hưu trí\".",
        )
    } else if message.contains("could not find expected ':'") {
        Bilingual::new(
            "Dòng này có tên trường mà thiếu dấu hai chấm: viết `ten_truong: giá trị`.",
            "This line has a field name without its colon: write `field_name: value`.",
        )
    } else if message.contains("control characters") {
        Bilingual::new(
            "Dòng này có ký tự điều khiển không nhìn thấy (thường do dán từ Word hay PDF): xóa rồi gõ lại dòng này.",
            "This line holds an invisible control character (often pasted from Word or a PDF): delete the line and type it again.",
        )
    } else if message.contains("end of stream") {
        Bilingual::new(
            "Có dấu ngoặc kép hoặc ngoặc vuông mở mà chưa đóng: thêm dấu đóng ở cuối giá trị.",
            "A quote or bracket is opened but never closed: close it at the end of the value.",
        )
    } else {
        Bilingual::new(
            "Kiểm tra dấu hai chấm sau tên trường, thụt lề bằng dấu cách (không dùng phím Tab), và đặt giá trị có dấu `:` hoặc `#` trong ngoặc kép.",
            "Check the colon after each field name, indent with spaces (not Tab), and quote values containing `:` or `#`.",
        )
    };
    (
        None,
        Bilingual::new(
            format!("Lỗi cú pháp YAML: {message}."),
            format!("YAML syntax error: {message}."),
        ),
        Some(hint),
    )
}

/// A field written with nothing after its colon: the usual state of a new file from `niemyet new`.
fn blank() -> Bilingual {
    Bilingual::new(
        "Trường bắt buộc này còn trống.",
        "This required field is blank.",
    )
}

fn expected_kind(message: &str) -> (&'static str, &'static str) {
    let expected = message.rsplit("expected ").next().unwrap_or_default();
    if expected.starts_with('u') || expected.starts_with('i') && expected.len() <= 4 {
        (
            "phải là một số nguyên không âm, không có dấu chấm hay dấu phẩy",
            "must be a whole number without separators",
        )
    } else if expected.contains("boolean") {
        (
            "phải là `true` (có) hoặc `false` (không)",
            "must be `true` or `false`",
        )
    } else if expected.contains("sequence") {
        (
            "phải là một danh sách, mỗi mục một dòng bắt đầu bằng `- `",
            "must be a list, one `- ` line per item",
        )
    } else if expected.contains("map") || expected.contains("struct") {
        (
            "phải là một nhóm trường `ten: giá trị` thụt lề bên dưới",
            "must be a group of indented `field: value` lines",
        )
    } else {
        ("phải là một đoạn chữ", "must be text")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;
    use std::collections::BTreeMap;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code, reason = "fields are only parsed")]
    struct Sample {
        ngay_bau_cu: String,
        nam_sinh: u16,
        #[serde(default)]
        ds: Vec<Inner>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code, reason = "fields are only parsed")]
    struct Inner {
        ten: String,
    }

    fn file() -> SourceFile {
        SourceFile {
            rel: "bau-cu/x.md".into(),
            abs: "bau-cu/x.md".into(),
            text: String::new(),
        }
    }

    #[test]
    fn unknown_field_suggests_the_nearest_name_with_file_line() {
        let e = parse::<Sample>(&file(), "ngay_bau: 1/1/2022\nnam_sinh: 1970\n", 2).unwrap_err();
        assert_eq!(e.line, Some(2));
        assert_eq!(e.field.as_deref(), Some("ngay_bau"));
        assert!(e.hint.unwrap().en.contains("Did you mean `ngay_bau_cu`?"));
    }

    #[test]
    fn private_keys_are_refused_with_a_privacy_message() {
        let e = parse::<Sample>(&file(), "ngay_bau_cu: a\nnam_sinh: 1\nso_cccd: 0123\n", 2)
            .unwrap_err();
        assert_eq!(e.line, Some(4));
        assert!(e.message.en.contains("personal data"));
    }

    #[test]
    fn missing_field_and_wrong_types_are_named() {
        let e = parse::<Sample>(&file(), "ngay_bau_cu: a\n", 1).unwrap_err();
        assert_eq!(e.field.as_deref(), Some("nam_sinh"));
        assert!(e.message.vi.contains("Thiếu trường bắt buộc"));
        let e = parse::<Sample>(&file(), "ngay_bau_cu: a\nnam_sinh: mười\n", 1).unwrap_err();
        assert_eq!((e.line, e.field.as_deref()), (Some(2), Some("nam_sinh")));
        assert!(e.message.vi.contains("số nguyên"));
        let e = parse::<Sample>(
            &file(),
            "ngay_bau_cu: a\nnam_sinh: 1\nds:\n  - ten: A\n    tuoi: 3\n",
            1,
        )
        .unwrap_err();
        assert_eq!((e.line, e.field.as_deref()), (Some(5), Some("tuoi")));
    }

    #[test]
    fn a_character_xml_forbids_written_as_an_escape_is_refused_in_its_field() {
        let e = parse::<Sample>(
            &file(),
            "ngay_bau_cu: a\nnam_sinh: 1\nds:\n  - ten: A\n  - ten: \"B\\uFFFE\"\n",
            3,
        )
        .unwrap_err();
        assert_eq!((e.line, e.field.as_deref()), (Some(7), Some("ten")), "{e}");
        assert!(e.message.vi.contains("U+FFFE"), "{e}");
        // what escapes may write and XML allows is kept
        let ok = parse::<Sample>(&file(), "ngay_bau_cu: \"a\\tb\\u00e2\"\nnam_sinh: 1\n", 1);
        assert_eq!(ok.unwrap().ngay_bau_cu, "a\tbâ");
    }

    #[test]
    fn syntax_errors_have_a_line_and_a_hint() {
        let e = parse::<Sample>(&file(), "ngay_bau_cu: a\n\tnam_sinh: 1\n", 10).unwrap_err();
        assert!(e.line.is_some_and(|l| l >= 10), "{e}");
        assert!(e.message.en.starts_with("YAML syntax error"), "{e}");
    }

    #[test]
    fn a_bad_date_points_at_its_own_line() {
        #[derive(Debug, Deserialize)]
        #[allow(dead_code, reason = "fields are only parsed")]
        struct Dated {
            ten: String,
            ngay: crate::model::date::Date,
        }
        let e = parse::<Dated>(&file(), "ten: A\nngay: 31/4/2022\n", 2).unwrap_err();
        assert_eq!((e.line, e.field.as_deref()), (Some(3), Some("ngay")), "{e}");
        assert!(e.message.en.contains("not a valid date"));
    }

    #[test]
    fn an_unclosed_quote_points_where_it_opens() {
        let e = parse::<Sample>(&file(), "nam_sinh: 1\nngay_bau_cu: \"a\nds: []\n", 5).unwrap_err();
        assert_eq!((e.line, e.column), (Some(6), Some(14)), "{e}");
        assert!(!e.message.en.contains("at line"), "{e}");
    }

    #[test]
    fn a_tab_points_at_its_own_line_with_a_tab_hint() {
        let yaml = "ds:\n  - ten: A\n\t- ten: B\n";
        let e = parse::<Sample>(&file(), &format!("ngay_bau_cu: a\nnam_sinh: 1\n{yaml}"), 1)
            .unwrap_err();
        assert_eq!(e.line, Some(5), "{e}");
        assert!(e.hint.unwrap().en.contains("Tab"));
    }

    #[test]
    fn long_values_are_shortened_in_messages() {
        assert_eq!(shorten("chinh-thuc"), "chinh-thuc");
        assert_eq!(shorten("chinh-thuc\ngioi_thieu: dài"), "chinh-thuc…");
        assert_eq!(
            locations("x at line 3 column 4, y at line 9 column 1"),
            vec![(3, 4), (9, 1)]
        );
        assert_eq!(
            strip_locations(
                "found end at line 4 column 1, while scanning a quoted scalar at line 1 column 4"
            ),
            "found end, while scanning a quoted scalar"
        );
    }

    #[test]
    fn a_bad_value_is_found_on_its_own_line_not_inside_another() {
        #[derive(Debug, Deserialize)]
        #[allow(dead_code, reason = "fields are only parsed")]
        struct Titled {
            tieu_de: String,
            nhiem_ky: crate::model::term::Term,
        }
        let e =
            parse::<Titled>(&file(), "tieu_de: Bầu cử 2022\nnhiem_ky: \"2022\"\n", 1).unwrap_err();
        assert_eq!(
            (e.line, e.field.as_deref()),
            (Some(2), Some("nhiem_ky")),
            "{e}"
        );
    }

    #[test]
    fn a_blank_required_field_says_so() {
        let e = parse::<Sample>(&file(), "ngay_bau_cu: a\nnam_sinh:\n", 1).unwrap_err();
        assert_eq!(
            (e.line, e.field.as_deref()),
            (Some(2), Some("nam_sinh")),
            "{e}"
        );
        assert!(e.message.en.contains("blank"), "{e}");
        assert!(e.hint.unwrap().vi.contains("số nguyên"));
    }

    #[test]
    fn a_blank_date_says_it_is_blank_and_how_to_write_one() {
        #[derive(Debug, Deserialize)]
        #[allow(dead_code, reason = "fields are only parsed")]
        struct Dated {
            ngay: crate::model::date::Date,
        }
        let e = parse::<Dated>(&file(), "ngay: \"\"\n", 1).unwrap_err();
        assert!(e.message.en.contains("blank"), "{e}");
        assert!(e.hint.unwrap().vi.contains("05/6/2022"));
    }

    #[test]
    fn a_blank_required_text_names_its_field_and_line() {
        #[derive(Debug, Deserialize)]
        #[allow(dead_code, reason = "fields are only parsed")]
        struct Named {
            nam: u16,
            ds: Vec<Required>,
        }
        #[derive(Debug, Deserialize)]
        #[allow(dead_code, reason = "fields are only parsed")]
        struct Required {
            #[serde(deserialize_with = "crate::model::required::text")]
            ten: String,
        }
        for blank in ["\"\"", "' '", "~", "", "null"] {
            let yaml = format!("nam: 1\nds:\n  - ten: A\n  - ten: {blank}\n");
            let e = parse::<Named>(&file(), &yaml, 2).unwrap_err();
            assert_eq!((e.line, e.field.as_deref()), (Some(5), Some("ten")), "{e}");
            assert!(e.message.en.contains("blank"), "{e}");
            assert!(e.hint.unwrap().en.contains("after the colon"));
        }
    }

    #[test]
    fn a_wide_alias_bomb_is_refused_before_it_is_expanded() {
        let votes: Vec<String> = (0..400).map(|i| format!("u{i}: 1")).collect();
        let mut yaml = format!("a: &c {{{}}}\n", votes.join(", "));
        for i in 0..1000 {
            yaml.push_str(&format!("k{i}: *c\n"));
        }
        let e = parse::<BTreeMap<String, BTreeMap<String, u32>>>(&file(), &yaml, 3).unwrap_err();
        assert_eq!(e.line, Some(4), "{e}");
        assert!(e.message.en.contains("aliases"), "{e}");
    }

    #[test]
    fn deep_nesting_is_refused_even_where_values_are_thrown_away() {
        #[derive(Debug, Deserialize)]
        #[allow(dead_code, reason = "fields are only parsed")]
        struct Private {
            ten: String,
            rieng_tu: Option<serde::de::IgnoredAny>,
        }
        let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        let e = parse::<Private>(&file(), &format!("ten: A\nrieng_tu: {deep}\n"), 2).unwrap_err();
        assert_eq!(e.line, Some(3), "{e}");
        assert!(e.message.en.contains("nested too deeply"), "{e}");
    }

    #[test]
    fn a_control_character_or_a_missing_colon_points_at_its_line() {
        let e = parse::<Sample>(&file(), "ngay_bau_cu: a\nnam_sinh: 1\u{1}\n", 2).unwrap_err();
        assert_eq!(e.line, Some(3), "{e}");
        assert!(!e.message.en.contains("position"), "{e}");
        assert!(e.hint.unwrap().en.contains("control character"));
        let e = parse::<Sample>(&file(), "ngay_bau_cu: a\nnam_si", 2).unwrap_err();
        assert_eq!(e.line, Some(3), "{e}");
        assert!(e.hint.unwrap().en.contains("without its colon"));
    }

    #[test]
    fn a_number_beyond_64_bits_is_a_wrong_number_not_a_wrong_kind() {
        let e = parse::<Sample>(
            &file(),
            "ngay_bau_cu: a\nnam_sinh: 99999999999999999999\n",
            1,
        )
        .unwrap_err();
        assert_eq!(e.line, Some(2), "{e}");
        assert!(!e.message.en.contains("expected any value"), "{e}");
    }

    #[test]
    fn a_second_document_is_found_on_its_line() {
        let e =
            parse::<Sample>(&file(), "ngay_bau_cu: a\nnam_sinh: 1\n---\nten: B\n", 4).unwrap_err();
        assert_eq!(e.line, Some(6), "{e}");
        assert!(e.message.en.contains("one block of data"), "{e}");
        let e = parse::<Sample>(&file(), "---\nngay_bau_cu: a\n...\nnam_sinh: 1\n", 1).unwrap_err();
        assert_eq!(e.line, Some(3), "{e}");
    }

    #[test]
    fn empty_data_is_an_error() {
        assert!(parse::<Sample>(&file(), "  \n", 2).is_err());
    }
}
