//! The form of a round (`bau-cu/<round>/dot-bau-cu.yaml`): its title, commune, office, term,
//! election day and status (what changes on results night: counting, provisional, official), the
//! reason of a hold, its description, the steps before election day that the law sets deadlines
//! for (decision and plan, election team, candidate list posted), each with its date, document
//! and note, and its contests (`cuoc_bau`) as rows, one per village that elects. A postponement's
//! decision and the printed lists' numbers stay in the file, as written there.
//!
//! The form of a new round fills in the file `niemyet new election` writes, in the folder named
//! by the round's id; opened from a commune's form, it starts with one contest per village of it.

use super::evaluation::Evaluation;
use super::fields::{self, Context, Field, Kind, Layout, choices, field, rows};
use super::labels::Labels;
use super::page::both;
use super::{Form, RESULTS_PATH, ROUND_PATH, Typed};
use crate::diagnostics::Bilingual;
use crate::load::ELECTIONS_DIR;
use crate::model::Site;
use crate::model::date::Date;
use crate::model::election::{ContestHold, Office, Round, RoundStatus};
use crate::render::urls;
use crate::scaffold;
use std::path::{Path, PathBuf};

/// The field of a new round's id, the name of its folder: not written in the file.
const ID: &str = "ma_dot";
const ID_FIELD: Field = field(
    ID,
    "Mã đợt bầu: tên thư mục trong bau-cu/ (để trống thì là mã xã-năm bầu, ví dụ xa-moi-2025)",
    "Round id: its folder's name in bau-cu/ (blank: the commune's id and the year, e.g. xa-moi-2025)",
    Kind::Text,
    false,
);

/// The id the scaffold's text of a new round is read with, before one is typed.
const NEW_ROUND: &str = "moi";

/// A contest's fields, as in the round file's `cuoc_bau` list.
const CONTEST: &[Field] = &[
    field(
        "khu_dan_cu",
        "Khu dân cư bầu",
        "Village that elects",
        Kind::Listed,
        true,
    ),
    field(
        "dia_diem",
        "Địa điểm bỏ phiếu",
        "Polling place",
        Kind::Text,
        false,
    ),
    field(
        "trang_thai",
        "Chỉ khi riêng khu này hoãn hoặc không tổ chức",
        "Only when this contest alone is postponed or not held",
        Kind::Choice(choices::<ContestHold>),
        false,
    ),
    field("ly_do", "Lý do", "Why", Kind::Text, false),
    field(
        "ly_do_en",
        "Lý do bằng tiếng Anh",
        "The reason in English",
        Kind::Text,
        false,
    ),
];

const LAYOUT: &Layout = &Layout {
    fields: FIELDS,
    body: None,
};

/// The three fields of a step: its date, its document on the site, a note.
macro_rules! step {
    ($key:literal, $vi:literal, $en:literal) => {
        [
            field(
                concat!("cac_buoc.", $key, ".ngay"),
                concat!($vi, ": ngày"),
                concat!($en, ": date"),
                Kind::Date,
                false,
            ),
            field(
                concat!("cac_buoc.", $key, ".van_ban"),
                concat!($vi, ": văn bản trên cổng"),
                concat!($en, ": document on the site"),
                Kind::Listed,
                false,
            ),
            field(
                concat!("cac_buoc.", $key, ".ghi_chu"),
                concat!($vi, ": ghi chú"),
                concat!($en, ": note"),
                Kind::Text,
                false,
            ),
        ]
    };
}

const DECISION: [Field; 3] = step!(
    "quyet_dinh",
    "Quyết định, kế hoạch tổ chức bầu cử",
    "Decision and plan to hold the election"
);
const TEAM: [Field; 3] = step!("to_bau_cu", "Thành lập tổ bầu cử", "Election team set up");
const POSTED: [Field; 3] = step!(
    "niem_yet",
    "Niêm yết danh sách ứng cử viên",
    "Candidate list posted"
);

const FIELDS: &[Field] = &[
    field(
        "tieu_de",
        "Tiêu đề (để trống thì tự tạo)",
        "Title (made when blank)",
        Kind::Text,
        false,
    ),
    field(
        "tieu_de_en",
        "Tiêu đề tiếng Anh",
        "The title in English",
        Kind::Text,
        false,
    ),
    field("don_vi", "Xã, phường", "Commune", Kind::Listed, true),
    field(
        "chuc_danh",
        "Chức danh",
        "Office",
        Kind::Choice(choices::<Office>),
        true,
    ),
    field(
        "nhiem_ky",
        "Nhiệm kỳ (ví dụ 2025-2030)",
        "Term (e.g. 2025-2030)",
        Kind::Text,
        true,
    ),
    field(
        "ngay_bau_cu",
        "Ngày bầu cử (ví dụ 05/6/2025)",
        "Election day (e.g. 05/6/2025)",
        Kind::Date,
        true,
    ),
    field(
        "trang_thai",
        "Trạng thái",
        "Status",
        Kind::Choice(choices::<RoundStatus>),
        true,
    ),
    field(
        "ly_do",
        "Lý do hoãn hoặc không tổ chức",
        "Why it is postponed or not held",
        Kind::Text,
        false,
    ),
    field(
        "ly_do_en",
        "Lý do bằng tiếng Anh",
        "The reason in English",
        Kind::Text,
        false,
    ),
    field(
        "gioi_thieu",
        "Giới thiệu (Markdown)",
        "Description (Markdown)",
        Kind::Paragraphs,
        false,
    ),
    field(
        "gioi_thieu_en",
        "Giới thiệu bằng tiếng Anh",
        "The description in English",
        Kind::Paragraphs,
        false,
    ),
    DECISION[0],
    DECISION[1],
    DECISION[2],
    TEAM[0],
    TEAM[1],
    TEAM[2],
    POSTED[0],
    POSTED[1],
    POSTED[2],
    field(
        "cuoc_bau",
        "Các cuộc bầu: mỗi thôn, tổ dân phố bầu trong đợt một dòng",
        "Contests: a row for each village electing in this round",
        Kind::Rows(CONTEST),
        true,
    ),
];

/// The form of a round on file, or of a new one.
pub struct RoundForm<'s> {
    pub site: &'s Site,
    /// `None` for a new round.
    pub round: Option<&'s Round>,
    /// For a new round: the commune it is opened for, whose villages it starts with.
    pub commune: Option<String>,
    pub labels: Option<Labels>,
}

impl RoundForm<'_> {
    /// A new round's id: as typed, else the commune's id and the election's year.
    fn new_id(typed: &Typed) -> Option<String> {
        let given = typed.get(ID).map(|v| v.trim()).unwrap_or_default();
        if !given.is_empty() {
            return Some(given.to_string());
        }
        let commune = typed
            .get("don_vi")
            .map(|v| v.trim())
            .filter(|v| !v.is_empty())?;
        let day = typed
            .get("ngay_bau_cu")
            .map(|v| v.trim())
            .unwrap_or_default();
        let year = Date::parse(day).ok()?.year();
        Some(format!("{commune}-{year}"))
    }

    /// The commune whose villages the contests are chosen from: as typed, else the round's.
    fn commune_of<'a>(&'a self, typed: &'a Typed) -> Option<&'a str> {
        typed
            .get("don_vi")
            .map(|v| v.trim())
            .filter(|v| !v.is_empty())
            .or(self.round.map(|r| r.data.don_vi.as_str()))
    }
}

impl Form for RoundForm<'_> {
    fn title(&self) -> Bilingual {
        match self.round {
            Some(round) => Bilingual::new(
                format!("Đợt bầu cử {}", round.id),
                format!("Election round {}", round.id),
            ),
            None => Bilingual::new("Đợt bầu cử mới", "New election round"),
        }
    }

    fn address(&self) -> String {
        match self.round {
            Some(round) => format!("{ROUND_PATH}?dot={}", urls::encode(&round.id)),
            None => ROUND_PATH.to_string(),
        }
    }

    fn home(&self) -> String {
        match self.round {
            Some(round) => format!("/{}", urls::round(&round.id)),
            None => format!("/{}", urls::ROUNDS),
        }
    }

    fn existing_file(&self) -> Option<PathBuf> {
        self.round.map(|r| r.file.clone())
    }

    fn takes(&self, name: &str) -> bool {
        fields::takes(LAYOUT, name) || self.round.is_none() && name == ID
    }

    fn opened(&self, content: &Path) -> (Typed, Evaluation) {
        if self.round.is_some() {
            return fields::opened(LAYOUT, content, self.existing_file(), |typed| {
                self.evaluate(content, typed)
            });
        }
        // a new round starts as the scaffold's file does (upcoming), with a contest for each
        // current village (one without an end date) of the commune it was opened for
        let scaffold = scaffold::round_file(NEW_ROUND).map(|(_, text)| text);
        let mut typed = scaffold
            .ok()
            .and_then(|text| fields::typed_from_file(LAYOUT, &text))
            .unwrap_or_default();
        typed.insert(ID.to_string(), String::new());
        let commune = self.commune.as_deref().and_then(|c| self.site.commune(c));
        let villages: Vec<Vec<String>> = commune
            .iter()
            .flat_map(|c| &c.data.khu_dan_cu)
            .filter(|v| v.hieu_luc_den.is_none())
            .map(|v| {
                let mut row = vec![String::new(); CONTEST.len()];
                row[0] = v.ma.clone();
                row
            })
            .collect();
        if let Some(commune) = commune {
            typed.insert("don_vi".to_string(), commune.id.clone());
        }
        rows::put(&mut typed, "cuoc_bau", CONTEST, &villages);
        (typed, Evaluation::empty())
    }

    fn evaluate(&self, content: &Path, typed: &Typed) -> Evaluation {
        let base = match self.round {
            Some(_) => fields::base(content, self.existing_file(), "", || {
                Err(Bilingual::new(
                    "Đợt bầu chưa có tệp.",
                    "The round has no file.",
                ))
            }),
            None => fields::base(content, None, ID, || match Self::new_id(typed) {
                // a new round gets a new folder: one there already holds a round, or its files
                Some(id) if content.join(ELECTIONS_DIR).join(&id).exists() => Err(Bilingual::new(
                    format!(
                        "Đã có thư mục {ELECTIONS_DIR}/{id}: mở đợt đó từ trang của nó để sửa, hoặc ghi mã khác."
                    ),
                    format!(
                        "{ELECTIONS_DIR}/{id} already exists: open that round from its page to edit it, or write another id."
                    ),
                )),
                Some(id) => scaffold::round_file(&id),
                None => Err(Bilingual::new(
                    "Ghi mã đợt bầu, hoặc chọn xã, phường và ghi ngày bầu cử để có mã như xa-moi-2025.",
                    "Write the round's id, or choose the commune and write the election day to get one like xa-moi-2025.",
                )),
            }),
        };
        fields::evaluate(LAYOUT, content, base, typed)
    }

    fn fields(&self, typed: &Typed, evaluation: &Evaluation) -> String {
        let villages = self.commune_of(typed).and_then(|c| self.site.commune(c));
        let listed = |key: &str| match key {
            "don_vi" => self
                .site
                .communes
                .iter()
                .map(|c| (c.id.clone(), c.data.ten.clone()))
                .collect(),
            "cuoc_bau.khu_dan_cu" => villages
                .map(|c| {
                    c.data
                        .khu_dan_cu
                        .iter()
                        .map(|v| (v.ma.clone(), v.ten.clone()))
                        .collect()
                })
                .unwrap_or_default(),
            _ => self
                .site
                .documents
                .iter()
                .map(|d| (d.slug.clone(), d.data.tieu_de.clone()))
                .collect(),
        };
        let context = Context {
            labels: self.labels.as_ref(),
            listed: &listed,
        };
        let lead = match self.round {
            Some(round) => format!(
                "<p class=\"note\"><a href=\"{RESULTS_PATH}?dot={}\">{}</a></p>",
                urls::encode(&round.id),
                both(&Bilingual::new(
                    "Nhập kết quả kiểm phiếu của đợt này",
                    "Enter this round's vote-count results"
                ))
            ),
            None => fields::single(&ID_FIELD, &context, typed, &evaluation.problems),
        };
        lead + &fields::render(LAYOUT, &context, typed, &evaluation.problems)
    }
}
