//! The form of a round (`bau-cu/<round>/dot-bau-cu.yaml`): its title, commune, office, term,
//! election day and status (what changes on results night: counting, provisional, official), the
//! reason of a hold, its description, and the steps before election day that the law sets
//! deadlines for (decision and plan, election team, candidate list posted), each with its date,
//! document and note. The list of contests (`cuoc_bau`), a postponement's decision and the
//! printed lists' numbers stay in the file, as written there.

use super::evaluation::Evaluation;
use super::fields::{self, Context, Field, Kind, Layout, choices, field};
use super::labels::Labels;
use super::page::both;
use super::{Form, RESULTS_PATH, ROUND_PATH, Typed};
use crate::diagnostics::Bilingual;
use crate::model::Site;
use crate::model::election::{Office, Round, RoundStatus};
use crate::render::urls;
use std::path::{Path, PathBuf};

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
];

/// The form of a round on file.
pub struct RoundForm<'s> {
    pub site: &'s Site,
    pub round: &'s Round,
    pub labels: Option<Labels>,
}

impl Form for RoundForm<'_> {
    fn title(&self) -> Bilingual {
        Bilingual::new(
            format!("Đợt bầu cử {}", self.round.id),
            format!("Election round {}", self.round.id),
        )
    }

    fn address(&self) -> String {
        format!("{ROUND_PATH}?dot={}", urls::encode(&self.round.id))
    }

    fn home(&self) -> String {
        format!("/{}", urls::round(&self.round.id))
    }

    fn existing_file(&self) -> Option<PathBuf> {
        Some(self.round.file.clone())
    }

    fn field_names(&self) -> Vec<String> {
        fields::names(LAYOUT)
    }

    fn opened(&self, content: &Path) -> (Typed, Evaluation) {
        fields::opened(LAYOUT, content, self.existing_file(), |typed| {
            self.evaluate(content, typed)
        })
    }

    fn evaluate(&self, content: &Path, typed: &Typed) -> Evaluation {
        let base = fields::base(content, self.existing_file(), "", || {
            Err(Bilingual::new(
                "Đợt bầu chưa có tệp.",
                "The round has no file.",
            ))
        });
        fields::evaluate(LAYOUT, content, base, typed)
    }

    fn fields(&self, typed: &Typed, evaluation: &Evaluation) -> String {
        let listed = |key: &str| match key {
            "don_vi" => self
                .site
                .communes
                .iter()
                .map(|c| (c.id.clone(), c.data.ten.clone()))
                .collect(),
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
        let results = format!(
            "<p class=\"note\"><a href=\"{RESULTS_PATH}?dot={}\">{}</a></p>",
            urls::encode(&self.round.id),
            both(&Bilingual::new(
                "Nhập kết quả kiểm phiếu của đợt này",
                "Enter this round's vote-count results"
            ))
        );
        results + &fields::render(LAYOUT, &context, typed, &evaluation.problems)
    }
}
