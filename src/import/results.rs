//! A sheet of results (kết quả kiểm phiếu): one row per candidate, with the figures of the
//! candidate's contest. The figures may be repeated on every row of a contest or given once, and
//! a blank contest cell continues the contest above: that is how merged cells are saved to CSV.

use super::columns::{Cell, Columns, Field, Template};
use super::messages::{Message, Messages};
use super::results_file::{self, ContestFigures, FIGURES};
use super::sheet::Sheet;
use super::{NewFile, Reading, round_dir};
use crate::diagnostics::Bilingual;
use crate::load::RESULTS_FILE;
use crate::model::election::Round;
use crate::model::result::VotingMethod;
use crate::model::text::sort_key;
use std::collections::{BTreeMap, HashMap};

/// The results sheet: the template `mau-nhap/ket-qua.csv` has a column for each field.
const TEMPLATE: &Template = &Template {
    file: "mau-nhap/ket-qua.csv",
    fields: FIELDS,
};

const FIELDS: &[Field] = &[
    field(
        "khu_dan_cu",
        "Khu dân cư",
        &[
            "khudancu", "thon", "todanpho", "khupho", "khu", "ap", "village", "contest",
        ],
    ),
    field(
        "tong_cu_tri",
        "Tổng số cử tri",
        &[
            "tongsocutri",
            "tongcutri",
            "socutri",
            "cutri",
            "totalvoters",
            "voters",
        ],
    ),
    field(
        "cu_tri_tham_gia",
        "Số cử tri tham gia",
        &["socutrithamgia", "cutrithamgia", "thamgia", "participants"],
    ),
    field(
        "phieu_phat_ra",
        "Số phiếu phát ra",
        &[
            "sophieuphatra",
            "phieuphatra",
            "phatra",
            "ballotsissued",
            "issued",
        ],
    ),
    field(
        "phieu_thu_vao",
        "Số phiếu thu vào",
        &[
            "sophieuthuvao",
            "phieuthuvao",
            "thuvao",
            "ballotscollected",
            "collected",
        ],
    ),
    field(
        "phieu_hop_le",
        "Số phiếu hợp lệ",
        &[
            "sophieuhople",
            "phieuhople",
            "hople",
            "validballots",
            "valid",
        ],
    ),
    field(
        "phieu_khong_hop_le",
        "Số phiếu không hợp lệ",
        &[
            "sophieukhonghople",
            "phieukhonghople",
            "khonghople",
            "invalidballots",
            "invalid",
        ],
    ),
    field(
        "ung_cu_vien",
        "Họ và tên",
        &[
            "hovaten",
            "hoten",
            "ungcuvien",
            "hotenungcuvien",
            "hovatenungcuvien",
            "candidate",
            "fullname",
            "name",
        ],
    ),
    field(
        "so_phieu",
        "Số phiếu",
        &["sophieu", "sophieubau", "sophieudatduoc", "votes"],
    ),
    Field {
        key: "hinh_thuc",
        label: "Hình thức bầu",
        headers: &["hinhthuc", "hinhthucbau", "votingmethod", "method"],
        required: false,
    },
    Field {
        key: "ngay_bien_ban",
        label: "Ngày lập biên bản",
        headers: &[
            "ngaylapbienban",
            "ngaybienban",
            "ngaykiemphieu",
            "recorddate",
            "dateofrecord",
        ],
        required: false,
    },
];

const fn field(key: &'static str, label: &'static str, headers: &'static [&'static str]) -> Field {
    Field {
        key,
        label,
        headers,
        required: true,
    }
}

/// One contest as the sheet gives it.
#[derive(Default)]
struct Contest {
    /// Each value of the contest (its figures, method, record date) as written to the file,
    /// with the row it was read from.
    figures: BTreeMap<&'static str, (String, usize)>,
    votes: Vec<(String, u32)>,
    /// The row of each candidate's votes, by file name.
    voted: HashMap<String, usize>,
    first_row: usize,
}

pub(super) fn files(sheet: &Sheet, reading: &mut Reading) -> Result<Vec<NewFile>, Messages> {
    let columns = Columns::match_headers(&sheet.headers, TEMPLATE, &mut reading.notes)?;
    let round = reading.round;
    let candidates = Candidates::of(round);
    let mut problems = Messages::default();
    let mut contests: BTreeMap<String, Contest> = BTreeMap::new();
    let mut current: Option<String> = None;
    let total = sheet.rows.len();
    for (done, row) in sheet.rows.iter().enumerate() {
        reading.read(done, total);
        if let Some(cell) = columns.cell(row, "khu_dan_cu") {
            match reading.contests.find(&cell) {
                Ok(id) => current = Some(id),
                Err(e) => {
                    problems.push(e);
                    current = None;
                    continue;
                }
            }
        }
        let Some(id) = current.clone() else {
            problems.push(Message::new(
                "no contest",
                Bilingual::new(
                    format!(
                        "Dòng {}: chưa biết khu dân cư của dòng này (ô khu dân cư trống).",
                        row.line
                    ),
                    format!(
                        "Row {}: the contest of this row is unknown (its village cell is blank).",
                        row.line
                    ),
                ),
            ));
            continue;
        };
        let contest = contests.entry(id.clone()).or_insert_with(|| Contest {
            first_row: row.line,
            ..Contest::default()
        });
        for key in FIGURES.iter().chain(&["hinh_thuc", "ngay_bien_ban"]) {
            let Some(cell) = columns.cell(row, key) else {
                continue;
            };
            let value = match *key {
                "hinh_thuc" => cell.choice::<VotingMethod>().map(str::to_string),
                "ngay_bien_ban" => record_date(&cell),
                _ => cell.number().map(|n| n.to_string()),
            };
            match value {
                Ok(v) => match contest.figures.get(key) {
                    Some((m, at)) if *m != v => problems.push(cell.error(
                        "differs",
                        format!("khác với {m} ở dòng {at} của cùng khu dân cư."),
                        format!("differs from {m} on row {at} of the same contest."),
                    )),
                    Some(_) => {}
                    None => {
                        contest.figures.insert(key, (v, row.line));
                    }
                },
                Err(e) => problems.push(e),
            }
        }
        let candidate = columns.cell(row, "ung_cu_vien");
        let votes = columns.cell(row, "so_phieu");
        match (candidate, votes) {
            (Some(c), Some(v)) => match (candidates.find(&c, &id), v.number()) {
                (Ok(slug), Ok(n)) => match contest.voted.insert(slug.to_string(), row.line) {
                    Some(at) => problems.push(c.error(
                        "twice",
                        format!("đã có số phiếu ở dòng {at}."),
                        format!("already has votes on row {at}."),
                    )),
                    None => contest.votes.push((slug.to_string(), n)),
                },
                (slug, n) => problems.extend(slug.err().into_iter().chain(n.err())),
            },
            (Some(c), None) => problems.push(c.error(
                "no votes",
                "có tên nhưng ô số phiếu để trống (ghi 0 nếu không có phiếu).",
                "has no votes in its row (write 0 for none).",
            )),
            (None, Some(v)) => problems.push(v.error(
                "no name",
                "là số phiếu của ai? Ô họ tên để trống.",
                "are whose votes? The name cell is blank.",
            )),
            (None, None) => {}
        }
    }
    let mut written = Vec::new();
    for id in round.contest_ids() {
        let Some(mut contest) = contests.remove(id) else {
            continue;
        };
        for key in FIGURES.iter().filter(|k| !contest.figures.contains_key(*k)) {
            problems.push(Message::new(
                format!("missing {key}"),
                Bilingual::new(
                    format!(
                        "Khu dân cư {id} (từ dòng {}): thiếu số liệu `{key}`.",
                        contest.first_row
                    ),
                    format!(
                        "Contest {id} (from row {}): `{key}` is missing.",
                        contest.first_row
                    ),
                ),
            ));
        }
        let mut value = |key: &str| contest.figures.remove(key).map(|(v, _)| v);
        let figures = ContestFigures {
            method: value("hinh_thuc"),
            record_date: value("ngay_bien_ban"),
            figures: FIGURES
                .iter()
                .filter_map(|key| Some((*key, value(key)?)))
                .collect(),
            votes: contest.votes,
        };
        written.push((id, figures));
    }
    let source = Bilingual::new(&reading.source, &reading.source);
    let text = results_file::text(&source, &round.id, written.iter().map(|(id, c)| (*id, c)));
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(vec![NewFile {
        rel: round_dir(round).join(RESULTS_FILE),
        text,
    }])
}

/// How many candidates an error about a name lists: a contest has two or three, and a sheet
/// that names none of them should not print thousands.
const LISTED: usize = 10;

/// The candidates of a round, found by a cell that gives a file name or a full name (ignoring
/// case and accents), within a contest; built once for the whole sheet.
struct Candidates<'r> {
    /// The village of each candidate, by file name.
    files: HashMap<&'r str, &'r str>,
    /// By village, each folded full name to the file names of the candidates of that name.
    by_name: HashMap<&'r str, HashMap<String, Vec<&'r str>>>,
    /// `Nguyễn Văn An (nguyen-van-an), …` by village, for errors.
    lists: HashMap<&'r str, String>,
}

impl<'r> Candidates<'r> {
    fn of(round: &'r Round) -> Self {
        let mut files = HashMap::new();
        let mut by_name: HashMap<&str, HashMap<String, Vec<&str>>> = HashMap::new();
        let mut listed: HashMap<&str, Vec<String>> = HashMap::new();
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for c in &round.candidates {
            let village = c.data.khu_dan_cu.as_str();
            files.insert(c.slug.as_str(), village);
            by_name
                .entry(village)
                .or_default()
                .entry(sort_key(c.data.ho_ten.trim()))
                .or_default()
                .push(c.slug.as_str());
            let count = counts.entry(village).or_default();
            *count += 1;
            if *count <= LISTED {
                let entry = format!("{} ({})", c.data.ho_ten, c.slug);
                listed.entry(village).or_default().push(entry);
            }
        }
        let lists = listed
            .into_iter()
            .map(|(village, names)| {
                let more = counts[village] - names.len();
                let list = names.join(", ");
                let list = if more > 0 {
                    format!("{list} (+{more})")
                } else {
                    list
                };
                (village, list)
            })
            .collect();
        Self {
            files,
            by_name,
            lists,
        }
    }

    /// The file name of the candidate a cell names in `village`.
    fn find(&self, cell: &Cell, village: &str) -> Result<&'r str, Message> {
        if let Some((slug, _)) = self
            .files
            .get_key_value(cell.text)
            .filter(|(_, v)| **v == village)
        {
            return Ok(slug);
        }
        let slugs = self
            .by_name
            .get(village)
            .and_then(|names| names.get(&sort_key(cell.text.trim())))
            .map(Vec::as_slice)
            .unwrap_or_default();
        match slugs {
            [slug] => Ok(slug),
            [] => Err(match self.lists.get(village) {
                Some(list) => cell.error(
                    "not a candidate",
                    format!("không phải ứng cử viên của khu {village}: {list}."),
                    format!("is not a candidate in {village}: {list}."),
                ),
                None => cell.error(
                    "not a candidate",
                    format!(
                        "không phải ứng cử viên: khu {village} chưa có ứng cử viên nào. \
                         Nhập danh sách ứng cử viên trước (niemyet import candidates …)."
                    ),
                    format!(
                        "is not a candidate: {village} has no candidates yet. \
                         Import the candidates first (niemyet import candidates …)."
                    ),
                ),
            }),
            _ => {
                let mut slugs = slugs.to_vec();
                slugs.sort_unstable();
                let list = slugs.join(", ");
                Err(cell.error(
                    "namesakes",
                    format!(
                        "là tên của nhiều ứng cử viên ở khu {village}: ghi tên tệp của người này thay cho họ tên ({list})."
                    ),
                    format!(
                        "is the name of several candidates in {village}: write this one's file name instead ({list})."
                    ),
                ))
            }
        }
    }
}

/// The date of a vote-count record (see [`results_file::record_date`]).
fn record_date(cell: &Cell) -> Result<String, Message> {
    results_file::record_date(cell.text).ok_or_else(|| {
        cell.error(
            "date",
            "không phải là ngày (viết 05/6/2022, 5/6/2022 hoặc 2022-06-05).",
            "is not a date (write 05/6/2022, 5/6/2022 or 2022-06-05).",
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::columns::{fold, template_headers};

    #[test]
    fn errors_name_the_columns_as_the_template_spells_them() {
        let template = include_str!("../../mau-nhap/ket-qua.csv");
        let labels: Vec<&str> = FIELDS.iter().map(|f| f.label).collect();
        assert_eq!(template_headers(template), labels);
        for f in FIELDS {
            assert!(f.headers.contains(&fold(f.label).as_str()), "{}", f.label);
        }
    }
}
