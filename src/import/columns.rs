//! Which column of a sheet fills which field: headers are matched ignoring case, diacritics,
//! spaces and punctuation (“Họ và tên”, “HO VA TEN”, “ho_va_ten” are one header), in Vietnamese
//! or English. Columns of personal data that must never be published are dropped with a note.

use super::messages::{Message, Messages};
use super::sheet::{Row, column_letter};
use crate::diagnostics::Bilingual;
pub use crate::model::spelling::fold;
use crate::model::spelling::{self, Spelled};
use crate::model::text::closest;

/// A field that a column can fill, with the headers that mean it (already folded).
pub struct Field {
    pub key: &'static str,
    /// The header as the template sheet in `mau-nhap/` spells it (`Khu dân cư`): what errors
    /// name, since it is what staff see in their sheet.
    pub label: &'static str,
    pub headers: &'static [&'static str],
    pub required: bool,
}

/// The fields of one kind of sheet and its template in `mau-nhap/`.
pub struct Template {
    /// `mau-nhap/ket-qua.csv`.
    pub file: &'static str,
    pub fields: &'static [Field],
}

/// Folded headers of columns that are numbering only (số thứ tự).
const NUMBERING: &[&str] = &["stt", "tt", "sothutu", "no"];

/// Folded pieces of headers of personal data: identity numbers, phones, addresses, e-mail.
const PRIVATE: &[&str] = &[
    "cccd",
    "cmnd",
    "cancuoc",
    "dinhdanh",
    "hochieu",
    "dienthoai",
    "sdt",
    "didong",
    "diachi",
    "noio",
    "choo",
    "thuongtru",
    "tamtru",
    "email",
    "idnumber",
    "passport",
    "phone",
    "mobile",
    "address",
];

/// The columns of a sheet, matched to fields.
#[derive(Debug)]
pub struct Columns {
    /// (column index, field key), in the sheet's order.
    found: Vec<(usize, &'static str)>,
    headers: Vec<String>,
}

impl Columns {
    /// Matches every header: a known field, numbering, personal data (dropped, with a note), or
    /// an error that lists the accepted headers. A required field without a column is an error.
    pub fn match_headers(
        headers: &[String],
        template: &Template,
        notes: &mut Messages,
    ) -> Result<Self, Messages> {
        let (fields, file) = (template.fields, template.file);
        let mut found = Vec::new();
        let mut problems = Messages::default();
        for (i, header) in headers.iter().enumerate() {
            let folded = fold(header);
            let letter = column_letter(i);
            if folded.is_empty() || NUMBERING.contains(&folded.as_str()) {
                continue;
            }
            if let Some(field) = fields.iter().find(|f| f.headers.contains(&folded.as_str())) {
                if found.iter().any(|(_, k)| *k == field.key) {
                    problems.push(Bilingual::new(
                        format!(
                            "Cột {letter} (“{header}”): cột cho `{}` có hai lần.",
                            field.key
                        ),
                        format!(
                            "Column {letter} (“{header}”): `{}` has two columns.",
                            field.key
                        ),
                    ));
                }
                found.push((i, field.key));
            } else if PRIVATE.iter().any(|p| folded.contains(p)) {
                notes.push(Bilingual::new(
                    format!(
                        "Cột {letter} (“{header}”) là dữ liệu cá nhân không được công bố: đã bỏ qua, không ghi vào tệp nào."
                    ),
                    format!(
                        "Column {letter} (“{header}”) is personal data that must not be published: it was left out of every file."
                    ),
                ));
            } else {
                let accepted = accepted(fields);
                let (meant_vi, meant_en) = match nearest(&folded, fields) {
                    Some(near) => (
                        format!(" Có phải ý bạn là “{near}”?"),
                        format!(" Did you mean “{near}”?"),
                    ),
                    None => (String::new(), String::new()),
                };
                problems.push(Bilingual::new(
                    format!(
                        "Cột {letter} (“{header}”): không biết cột này.{meant_vi} Đặt tên cột đúng như trong bảng mẫu {file}, hoặc xóa cột. Các cột được nhận: {accepted}."
                    ),
                    format!(
                        "Column {letter} (“{header}”): unknown column.{meant_en} Name it as the template sheet {file} does, or delete it. Accepted columns: {accepted}."
                    ),
                ));
            }
        }
        for field in fields.iter().filter(|f| f.required) {
            if !found.iter().any(|(_, k)| *k == field.key) {
                let (label, key) = (field.label, field.key);
                problems.push(Bilingual::new(
                    format!(
                        "Thiếu cột bắt buộc “{label}” (cho `{key}`): thêm cột có tiêu đề “{label}” như trong bảng mẫu {file}."
                    ),
                    format!(
                        "The required column “{label}” (for `{key}`) is missing: add a column headed “{label}” as in the template sheet {file}."
                    ),
                ));
            }
        }
        if problems.is_empty() {
            Ok(Self {
                found,
                headers: headers.to_vec(),
            })
        } else {
            Err(problems)
        }
    }

    pub fn has(&self, key: &str) -> bool {
        self.found.iter().any(|(_, k)| *k == key)
    }

    /// The cell of `key` in `row`, when the sheet has that column and the cell is not blank.
    pub fn cell<'r>(&self, row: &'r Row, key: &str) -> Option<Cell<'r>> {
        let (index, _) = self.found.iter().find(|(_, k)| *k == key)?;
        let text = row.cells.get(*index).map(String::as_str).unwrap_or("");
        (!text.is_empty()).then(|| Cell {
            text,
            line: row.line,
            column: column_letter(*index),
            header: self.headers[*index].clone(),
        })
    }
}

/// Every accepted header, as the template sheet spells it.
fn accepted(fields: &[Field]) -> String {
    fields
        .iter()
        .map(|f| format!("“{}”", f.label))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The template's header of the field whose names are closest to a folded unknown header.
fn nearest(folded: &str, fields: &[Field]) -> Option<&'static str> {
    let near = closest(
        folded,
        fields.iter().flat_map(|f| f.headers.iter().copied()),
    )?;
    fields
        .iter()
        .find(|f| f.headers.contains(&near))
        .map(|f| f.label)
}

/// The headers of a template sheet, in its order: the first line of the CSV, without its BOM
/// and numbering column.
#[cfg(test)]
pub fn template_headers(csv: &str) -> Vec<String> {
    csv.trim_start_matches('\u{feff}')
        .lines()
        .next()
        .unwrap_or_default()
        .split(',')
        .filter(|h| !NUMBERING.contains(&fold(h).as_str()))
        .map(str::to_string)
        .collect()
}

/// A whole number as staff type it: `1234`, `1.234`, `1,234` or `1 234`.
pub fn whole_number(text: &str) -> Option<u32> {
    let groups: Vec<&str> = text.split(['.', ',', ' ', '\u{a0}']).collect();
    let grouped =
        groups.len() == 1 || (groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3));
    let digits: String = groups.concat();
    if !grouped || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// One non-blank cell, with what an error about it must name.
#[derive(Debug, Clone)]
pub struct Cell<'r> {
    pub text: &'r str,
    pub line: usize,
    pub column: String,
    pub header: String,
}

impl Cell<'_> {
    /// `Dòng 5, cột D (Năm sinh): …`, of the kind `kind` in this column.
    pub fn error(&self, kind: &str, vi: impl AsRef<str>, en: impl AsRef<str>) -> Message {
        let (line, column, header, text) = (self.line, &self.column, &self.header, self.text);
        Message::new(
            format!("{column} {kind}"),
            Bilingual::new(
                format!(
                    "Dòng {line}, cột {column} ({header}): “{text}” {}",
                    vi.as_ref()
                ),
                format!(
                    "Row {line}, column {column} ({header}): “{text}” {}",
                    en.as_ref()
                ),
            ),
        )
    }

    /// A whole number as staff type it (see [`whole_number`]).
    pub fn number(&self) -> Result<u32, Message> {
        match whole_number(self.text) {
            Some(n) => Ok(n),
            None => Err(self.error(
                "number",
                "không phải là một số nguyên không âm.",
                "is not a whole number.",
            )),
        }
    }

    /// Yes or no, as a sheet says it: `x`, `có`, `yes`, `1`; `không`, `no`, `0`.
    pub fn yes_no(&self) -> Result<bool, Message> {
        spelling::yes_no(self.text).ok_or_else(|| {
            self.error(
                "yes-no",
                "phải là “có” hoặc “không” (hoặc x / để trống).",
                "must be “có” (yes) or “không” (no) (or x / blank).",
            )
        })
    }

    /// The key of the value the cell spells, as YAML reads it: `Đại học` → `dai-hoc`.
    pub fn choice<T: Spelled>(&self) -> Result<&'static str, Message> {
        T::from_text(self.text).map(T::key).ok_or_else(|| {
            let refusal = spelling::refusal::<T>(self.text);
            let fix = refusal.fix.unwrap_or_else(|| refusal.message.clone());
            self.error(
                "choice",
                format!("không phải giá trị được nhận. {}", fix.vi),
                format!("is not an accepted value. {}", fix.en),
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::candidate::Qualification;

    const FIELDS: &Template = &Template {
        file: "mau-nhap/ung-cu-vien.csv",
        fields: &[
            Field {
                key: "ho_ten",
                label: "Họ và tên",
                headers: &["hovaten", "hoten", "fullname"],
                required: true,
            },
            Field {
                key: "nam_sinh",
                label: "Năm sinh",
                headers: &["namsinh", "birthyear"],
                required: false,
            },
        ],
    };

    fn headers(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn headers_match_ignoring_case_accents_and_spacing() {
        let mut notes = Messages::default();
        let c = Columns::match_headers(
            &headers(&["STT", " HỌ VÀ  TÊN ", "Số CCCD", "Điện thoại liên hệ"]),
            FIELDS,
            &mut notes,
        )
        .unwrap();
        assert!(c.has("ho_ten") && !c.has("nam_sinh"));
        let notes = notes.lines();
        assert_eq!(notes.len(), 2, "{notes:?}");
        assert!(notes[0].vi.contains("cột C") || notes[0].vi.contains("Cột C"));
        let row = Row {
            line: 3,
            cells: headers(&["1", "An", "0123", "09"]),
        };
        assert_eq!(c.cell(&row, "ho_ten").unwrap().text, "An");
    }

    #[test]
    fn unknown_and_missing_columns_are_errors() {
        let e = Columns::match_headers(
            &headers(&["Năm sinh", "Quê"]),
            FIELDS,
            &mut Messages::default(),
        )
        .unwrap_err()
        .lines();
        assert_eq!(e.len(), 2);
        assert_eq!(
            e[0].vi,
            "Cột B (“Quê”): không biết cột này. Đặt tên cột đúng như trong bảng mẫu \
             mau-nhap/ung-cu-vien.csv, hoặc xóa cột. Các cột được nhận: “Họ và tên”, “Năm sinh”."
        );
        assert!(
            e[0].en.starts_with("Column B (“Quê”): unknown column. Name it as the template sheet mau-nhap/ung-cu-vien.csv does"),
            "{e:?}"
        );
        assert_eq!(
            e[1].vi,
            "Thiếu cột bắt buộc “Họ và tên” (cho `ho_ten`): thêm cột có tiêu đề “Họ và tên” \
             như trong bảng mẫu mau-nhap/ung-cu-vien.csv."
        );
    }

    #[test]
    fn an_unknown_column_names_the_closest_template_header() {
        let e = Columns::match_headers(
            &headers(&["Họ tên đầy đủ", "Năm sinhh"]),
            FIELDS,
            &mut Messages::default(),
        )
        .unwrap_err()
        .lines();
        assert!(
            e[0].vi
                .contains("không biết cột này. Có phải ý bạn là “Họ và tên”?"),
            "{e:?}"
        );
        assert!(e[1].en.contains("Did you mean “Năm sinh”?"), "{e:?}");
        assert!(!e.iter().any(|m| m.vi.contains("namsinh")), "{e:?}");
    }

    #[test]
    fn cells_read_numbers_answers_and_choices() {
        let cell = |text| Cell {
            text,
            line: 4,
            column: "C".into(),
            header: "Số phiếu".into(),
        };
        assert_eq!(cell("1.234").number().unwrap(), 1234);
        assert_eq!(cell("1 234").number().unwrap(), 1234);
        assert_eq!(cell("159").number().unwrap(), 159);
        let e = cell("12.5").number().unwrap_err();
        assert_eq!(e.kind, "C number");
        assert_eq!(
            e.text.vi,
            "Dòng 4, cột C (Số phiếu): “12.5” không phải là một số nguyên không âm."
        );
        assert!(cell("-3").number().is_err());
        assert!(cell("Có").yes_no().unwrap());
        assert!(!cell("KHÔNG").yes_no().unwrap());
        assert_eq!(
            cell("đại  học").choice::<Qualification>().unwrap(),
            "dai-hoc"
        );
        assert_eq!(
            cell("dai-hoc").choice::<Qualification>().unwrap(),
            "dai-hoc"
        );
        let e = cell("Đại hoc cấp").choice::<Qualification>().unwrap_err();
        assert!(
            e.text.vi.contains("“Đại hoc cấp” không phải"),
            "{}",
            e.text.vi
        );
        assert!(cell("Cử nhân").choice::<Qualification>().is_err());
    }
}
