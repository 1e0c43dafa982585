//! A sheet of candidates (danh sách ứng cử viên): one row per candidate, one file per row in
//! `bau-cu/<round>/ung-cu-vien/`, named after the candidate as `niemyet new candidate` names it
//! (`Nguyễn Văn An` → `nguyen-van-an.md`, `李四` → `ung-cu-vien-808b4f62.md`).

use super::columns::{Cell, Columns, Field, Template};
use super::messages::{Message, Messages};
use super::sheet::{Row, Sheet};
use super::{NewFile, Reading, round_dir};
use crate::diagnostics::Bilingual;
use crate::load::CANDIDATES_DIR;
use crate::model::candidate::{Gender, PoliticalTheory, Qualification, person_id_fix};
use crate::model::date::Date;
use crate::model::election::Round;
use crate::model::spelling::Spelled;
use crate::model::text::name_slug;
use crate::scaffold::yaml_text;
use std::collections::{HashMap, HashSet};
use std::fmt::Write;
use unicode_normalization::UnicodeNormalization;

/// The candidates sheet: the template `mau-nhap/ung-cu-vien.csv` has a column for each field
/// but the date of birth, which most lists do not give.
const TEMPLATE: &Template = &Template {
    file: "mau-nhap/ung-cu-vien.csv",
    fields: FIELDS,
};

const FIELDS: &[Field] = &[
    field(
        "ho_ten",
        "Họ và tên",
        &[
            "hovaten",
            "hoten",
            "hotenungcuvien",
            "hovatenungcuvien",
            "fullname",
            "name",
        ],
        true,
    ),
    field(
        "khu_dan_cu",
        "Khu dân cư",
        &[
            "khudancu", "noiungcu", "thon", "todanpho", "khupho", "khu", "ap", "village", "contest",
        ],
        true,
    ),
    field(
        "nam_sinh",
        "Năm sinh",
        &["namsinh", "birthyear", "yearofbirth"],
        false,
    ),
    field(
        "ngay_sinh",
        "Ngày sinh",
        &["ngaysinh", "ngaythangnamsinh", "dateofbirth", "birthdate"],
        false,
    ),
    field(
        "gioi_tinh",
        "Giới tính",
        &["gioitinh", "gender", "sex"],
        true,
    ),
    field("dan_toc", "Dân tộc", &["dantoc", "ethnicity"], true),
    field("ton_giao", "Tôn giáo", &["tongiao", "religion"], false),
    field(
        "hoc_van",
        "Học vấn",
        &[
            "hocvan",
            "giaoducphothong",
            "trinhdovanhoa",
            "generaleducation",
        ],
        false,
    ),
    field(
        "trinh_do_chuyen_mon",
        "Trình độ chuyên môn",
        &[
            "trinhdochuyenmon",
            "chuyenmon",
            "trinhdochuyenmonnghiepvu",
            "qualification",
        ],
        true,
    ),
    field(
        "chuyen_nganh",
        "Chuyên ngành",
        &["chuyennganh", "fieldofstudy", "major"],
        false,
    ),
    field(
        "ly_luan_chinh_tri",
        "Lý luận chính trị",
        &["lyluanchinhtri", "trinhdolyluanchinhtri", "politicaltheory"],
        true,
    ),
    field(
        "nghe_nghiep",
        "Nghề nghiệp",
        &["nghenghiep", "nghenghiepchucvu", "occupation"],
        true,
    ),
    field("dang_vien", "Đảng viên", &["dangvien", "partymember"], true),
    field(
        "tai_cu",
        "Tái cử",
        &["taicu", "ungculai", "reelection", "standingagain"],
        true,
    ),
    field(
        "thu_tu",
        "Thứ tự trên phiếu",
        &["thututrenphieu", "thutu", "ballotorder"],
        false,
    ),
    field("ma_nguoi", "Mã người", &["manguoi", "personid"], false),
    field(
        "tieu_su",
        "Tiểu sử",
        &["tieusu", "tieusutomtat", "bio", "biography"],
        false,
    ),
    field("ghi_chu", "Ghi chú", &["ghichu", "note", "notes"], false),
];

/// Whether the sheet gives the candidate's field `key`: the front matter's key, or `tieu_su`
/// (the body) and `ghi_chu` (under `rieng_tu`).
pub(super) fn from_sheet(key: &str) -> bool {
    key == "rieng_tu" || FIELDS.iter().any(|f| f.key == key)
}

const fn field(
    key: &'static str,
    label: &'static str,
    headers: &'static [&'static str],
    required: bool,
) -> Field {
    Field {
        key,
        label,
        headers,
        required,
    }
}

pub(super) fn files(sheet: &Sheet, reading: &mut Reading) -> Result<Vec<NewFile>, Messages> {
    let columns = Columns::match_headers(&sheet.headers, TEMPLATE, &mut reading.notes)?;
    if !columns.has("nam_sinh") && !columns.has("ngay_sinh") {
        return Err(Bilingual::new(
            "Thiếu cột “Năm sinh” (hoặc “Ngày sinh”).",
            "The “Năm sinh” (birth year) or “Ngày sinh” (date of birth) column is missing.",
        )
        .into());
    }
    if columns.has("ngay_sinh") {
        reading.notes.push(Bilingual::new(
            "Cột “Ngày sinh”: chỉ lấy năm sinh; ngày và tháng sinh không được công bố.",
            "Date of birth column: only the year is kept; day and month are not published.",
        ));
    }
    let mut problems = Messages::default();
    let mut files = Vec::new();
    let mut names = FileNames::of(reading.round);
    let total = sheet.rows.len();
    for (done, row) in sheet.rows.iter().enumerate() {
        reading.read(done, total);
        match candidate(&columns, row, reading) {
            Ok((name, text)) => {
                let (base, slug) = names.give(&name);
                if slug != base {
                    reading.notes.push(Message::new(
                        "renamed",
                        Bilingual::new(
                            format!(
                                "Dòng {}: tệp {base}.md đã dành cho một người khác, nên tệp của “{name}” được đặt là {slug}.md.",
                                row.line
                            ),
                            format!(
                                "Row {}: {base}.md is another candidate's, so “{name}” is written to {slug}.md.",
                                row.line
                            ),
                        ),
                    ));
                }
                files.push(NewFile {
                    rel: round_dir(reading.round)
                        .join(CANDIDATES_DIR)
                        .join(format!("{slug}.md")),
                    text,
                });
            }
            Err(e) => problems.extend(e),
        }
    }
    if problems.is_empty() {
        Ok(files)
    } else {
        Err(problems)
    }
}

/// The file names of the candidates of a sheet: each name's own ([`name_slug`]) when it is
/// free, or else that name with `-2`, `-3`… by row order. A file name is taken by an earlier
/// row, or by a file of the round that holds a candidate of another name, which an import must
/// never replace; a file of a candidate of the same name is that candidate, imported again.
struct FileNames<'r> {
    given: HashSet<String>,
    /// The round's candidates already on file: file name to full name.
    on_file: HashMap<&'r str, &'r str>,
    /// The next number to try after each name's own file name.
    next: HashMap<String, usize>,
}

impl<'r> FileNames<'r> {
    fn of(round: &'r Round) -> Self {
        Self {
            given: HashSet::new(),
            on_file: round
                .candidates
                .iter()
                .map(|c| (c.slug.as_str(), c.data.ho_ten.as_str()))
                .collect(),
            next: HashMap::new(),
        }
    }

    /// The name's own file name, and the one it is given.
    fn give(&mut self, name: &str) -> (String, String) {
        let base = name_slug(name, CANDIDATES_DIR);
        let mut n = self.next.get(&base).copied().unwrap_or(1);
        loop {
            let slug = if n == 1 {
                base.clone()
            } else {
                format!("{base}-{n}")
            };
            n += 1;
            let someone_else = self
                .on_file
                .get(slug.as_str())
                .is_some_and(|other| !same_name(other, name));
            if !someone_else && self.given.insert(slug.clone()) {
                self.next.insert(base.clone(), n);
                return (base, slug);
            }
        }
    }
}

/// One name, however its letters are composed (NFC or NFD) and spaced at the ends.
fn same_name(a: &str, b: &str) -> bool {
    a.trim().nfc().eq(b.trim().nfc())
}

/// The full name and the file of one row.
fn candidate(
    columns: &Columns,
    row: &Row,
    reading: &Reading,
) -> Result<(String, String), Vec<Message>> {
    let (round, source) = (reading.round, &reading.source);
    let mut problems = Vec::new();
    let mut text = format!(
        "---\n# Nhập từ {source}, dòng {line} / imported from {source}, row {line}\n",
        line = row.line
    );
    let blank = |key: &str| {
        Message::new(
            format!("blank {key}"),
            Bilingual::new(
                format!("Dòng {}: ô `{key}` để trống nhưng là bắt buộc.", row.line),
                format!("Row {}: the `{key}` cell is blank but required.", row.line),
            ),
        )
    };
    let mut line = |key: &str, value: Result<String, Message>| match value {
        Ok(v) => {
            let _ = writeln!(text, "{key}: {v}");
        }
        Err(e) => problems.push(e),
    };
    let get = |key: &str| columns.cell(row, key);
    let name = get("ho_ten").map(|c| c.text.to_string());
    line(
        "ho_ten",
        name.clone()
            .map(|n| yaml_text(&n))
            .ok_or_else(|| blank("ho_ten")),
    );
    line(
        "khu_dan_cu",
        get("khu_dan_cu")
            .ok_or_else(|| blank("khu_dan_cu"))
            .and_then(|c| reading.contests.find(&c)),
    );
    let election_year = round.data.ngay_bau_cu.year();
    line(
        "nam_sinh",
        birth_year(get("nam_sinh"), get("ngay_sinh"), election_year)
            .ok_or_else(|| blank("nam_sinh"))
            .and_then(|r| r),
    );
    line(
        "gioi_tinh",
        required::<Gender>(get("gioi_tinh"), "gioi_tinh", &blank),
    );
    let texts = |line: &mut dyn FnMut(&str, Result<String, Message>), keys: &[&str]| {
        for key in keys {
            let required = FIELDS.iter().any(|f| f.key == *key && f.required);
            match get(key) {
                Some(c) if *key == "hoc_van" => line(key, Ok(yaml_text(&education(c.text)))),
                Some(c) => line(key, Ok(yaml_text(c.text))),
                None if required => line(key, Err(blank(key))),
                None => {}
            }
        }
    };
    texts(&mut line, &["dan_toc", "ton_giao", "hoc_van"]);
    line(
        "trinh_do_chuyen_mon",
        required::<Qualification>(get("trinh_do_chuyen_mon"), "trinh_do_chuyen_mon", &blank),
    );
    texts(&mut line, &["chuyen_nganh"]);
    line(
        "ly_luan_chinh_tri",
        required::<PoliticalTheory>(get("ly_luan_chinh_tri"), "ly_luan_chinh_tri", &blank),
    );
    texts(&mut line, &["nghe_nghiep"]);
    for key in ["dang_vien", "tai_cu"] {
        // a blank yes/no cell means no, as a ticked column in a sheet does
        let value = get(key).map_or(Ok(false), |c| c.yes_no());
        line(key, value.map(|b| b.to_string()));
    }
    if let Some(c) = get("thu_tu") {
        line("thu_tu", c.number().map(|n| n.to_string()));
    }
    if let Some(c) = get("ma_nguoi") {
        line("ma_nguoi", person_id(&c));
    }
    if let Some(c) = get("ghi_chu") {
        let _ = writeln!(text, "rieng_tu:\n  ghi_chu: {}", yaml_text(c.text));
    }
    text.push_str("---\n");
    if let Some(c) = get("tieu_su") {
        text.push_str(c.text);
        text.push('\n');
    }
    match name {
        Some(name) if problems.is_empty() => Ok((name, text)),
        _ => Err(problems),
    }
}

/// A person id as the file must write it: refused here, where the sheet's cell can be named.
fn person_id(cell: &Cell) -> Result<String, Message> {
    match person_id_fix(cell.text.trim()) {
        None => Ok(cell.text.trim().to_string()),
        Some(fix) => Err(cell.error(
            "person-id",
            format!("không phải mã người: chỉ dùng chữ thường không dấu, chữ số và dấu gạch ngang, có ít nhất một chữ cái, ví dụ “{fix}” (không ghi số CCCD)."),
            format!("is not a person id: use only lowercase letters without accents, digits and hyphens, with at least one letter, e.g. “{fix}” (never an ID card number)."),
        )),
    }
}

/// The key of a required value, as the YAML file will read it.
fn required<T: Spelled>(
    cell: Option<Cell>,
    key: &str,
    blank: &dyn Fn(&str) -> Message,
) -> Result<String, Message> {
    let cell = cell.ok_or_else(|| blank(key))?;
    cell.choice::<T>().map(str::to_string)
}

/// The birth year, from its own column or from a date of birth (whose day and month are dropped).
/// A two-digit year, as spreadsheets write dates back (`05/06/68`), is the most recent one that
/// makes the candidate an adult on election day.
fn birth_year(
    year: Option<Cell>,
    date: Option<Cell>,
    election_year: i32,
) -> Option<Result<String, Message>> {
    let cell = year.or(date)?;
    let text = cell.text.trim();
    let parts: Vec<&str> = text.split(['/', '-', '.']).collect();
    let two_digit = |yy: i32| {
        let recent = 2000 + yy;
        if recent <= election_year - 18 {
            recent
        } else {
            1900 + yy
        }
    };
    let found = Date::parse(text)
        .ok()
        .map(|d| d.year())
        .or_else(|| match parts.as_slice() {
            [y] => y.parse::<i32>().ok(),
            [_, _, yy] if yy.len() == 2 => yy.parse::<i32>().ok().map(two_digit),
            _ => None,
        });
    Some(match found {
        Some(y) if (1900..=2100).contains(&y) => Ok(y.to_string()),
        _ => Err(cell.error(
            "birth-year",
            "không phải là năm sinh hay ngày sinh (viết 1970, 05/6/1970 hoặc 1970-06-05).",
            "is not a birth year or date (write 1970, 05/6/1970 or 1970-06-05).",
        )),
    })
}

/// General education as forms write it (`12/12`, `9/12`). A spreadsheet takes `12/12` for a
/// date and saves it back as `12/12/26`; the grade and the system are its first two numbers.
fn education(text: &str) -> String {
    let parts: Vec<&str> = text.split('/').collect();
    let numbers = parts
        .iter()
        .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()));
    match parts.as_slice() {
        [grade, system, _year] if numbers => format!(
            "{}/{}",
            grade.trim_start_matches('0'),
            system.trim_start_matches('0')
        ),
        _ => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::columns::{fold, template_headers};

    #[test]
    fn errors_name_the_columns_as_the_template_spells_them() {
        let template = include_str!("../../mau-nhap/ung-cu-vien.csv");
        let labels: Vec<&str> = FIELDS
            .iter()
            .filter(|f| f.key != "ngay_sinh")
            .map(|f| f.label)
            .collect();
        assert_eq!(template_headers(template), labels);
        // each label is read back as its own field
        for f in FIELDS {
            assert!(f.headers.contains(&fold(f.label).as_str()), "{}", f.label);
        }
    }

    fn cell(text: &str) -> Cell<'_> {
        Cell {
            text,
            line: 2,
            column: "D".into(),
            header: "Ngày sinh".into(),
        }
    }

    #[test]
    fn birth_years_come_from_years_and_dates_as_sheets_write_them() {
        let year = |t| birth_year(None, Some(cell(t)), 2025).unwrap();
        assert_eq!(year("1968").unwrap(), "1968");
        assert_eq!(year("05/6/1968").unwrap(), "1968");
        assert_eq!(year("1975-03-20").unwrap(), "1975");
        assert_eq!(year("05/06/68").unwrap(), "1968");
        assert_eq!(year("01/02/05").unwrap(), "2005");
        assert_eq!(year("01/02/09").unwrap(), "1909");
        assert!(
            year("mười")
                .unwrap_err()
                .text
                .en
                .contains("Row 2, column D")
        );
        assert!(year("31/02/1970").is_err());
    }

    #[test]
    fn a_person_id_is_taken_as_it_is_or_refused_with_its_fix() {
        assert_eq!(
            person_id(&cell(" nguyen-van-an-1968 ")).unwrap(),
            "nguyen-van-an-1968"
        );
        let refused = person_id(&cell("Nguyễn Văn An")).unwrap_err().text;
        assert!(refused.en.contains("Row 2, column D"), "{refused:?}");
        assert!(refused.vi.contains("“nguyen-van-an”"), "{refused:?}");
        assert!(person_id(&cell("001068012345")).is_err());
    }

    #[test]
    fn education_turned_into_a_date_is_read_back() {
        assert_eq!(education("12/12/26"), "12/12");
        assert_eq!(education("09/12/26"), "9/12");
        assert_eq!(education("12/12"), "12/12");
        assert_eq!(education("Đại học"), "Đại học");
    }
}
