//! The form of a candidate (`bau-cu/<round>/ung-cu-vien/<name>.md`): every field of the file,
//! each enumerated one as a list of the values the file accepts, and the bio as Markdown with a
//! preview; and the form of a new candidate of a round, which fills in the file `niemyet new
//! candidate` writes for the same name.
//!
//! Values are written into the file's own lines (`fields`, `front_matter`): comments and fields
//! the form has no place for (the staff-only `rieng_tu`, English translations) stay, and a file
//! saved unchanged keeps its bytes. What is written is checked as the build checks it, the
//! personal-data rules included, before it is saved.

use super::evaluation::Evaluation;
use super::fields::{self, Context, Field, Kind, Layout, choices, field};
use super::labels::Labels;
use super::{CANDIDATE_PATH, Form, Typed};
use crate::diagnostics::Bilingual;
use crate::load::{CANDIDATES_DIR, ELECTIONS_DIR};
use crate::model::Site;
use crate::model::candidate::{Gender, PoliticalTheory, Qualification};
use crate::model::election::Round;
use crate::model::text::is_slug;
use crate::render::urls;
use crate::scaffold;
use std::path::{Path, PathBuf};

/// The fields of a candidate file, in the scaffold's order.
const LAYOUT: &Layout = &Layout {
    fields: FIELDS,
    body: Some((
        "Tiểu sử tóm tắt (Markdown; KHÔNG ghi số CCCD, điện thoại, địa chỉ nhà)",
        "Short bio (Markdown; NEVER ID numbers, phones or home addresses)",
    )),
};

const FIELDS: &[Field] = &[
    field("ho_ten", "Họ và tên", "Full name", Kind::Text, true),
    field(
        "khu_dan_cu",
        "Khu dân cư nơi ứng cử",
        "Village of the contest",
        Kind::Listed,
        true,
    ),
    field("nam_sinh", "Năm sinh", "Birth year", Kind::Number, true),
    field(
        "gioi_tinh",
        "Giới tính",
        "Gender",
        Kind::Choice(choices::<Gender>),
        true,
    ),
    field("dan_toc", "Dân tộc", "Ethnicity", Kind::Text, true),
    field("ton_giao", "Tôn giáo", "Religion", Kind::Text, false),
    field(
        "hoc_van",
        "Giáo dục phổ thông (ví dụ 12/12)",
        "General education (e.g. 12/12)",
        Kind::Text,
        false,
    ),
    field(
        "trinh_do_chuyen_mon",
        "Trình độ chuyên môn",
        "Qualification",
        Kind::Choice(choices::<Qualification>),
        true,
    ),
    field(
        "chuyen_nganh",
        "Chuyên ngành",
        "Field of study",
        Kind::Text,
        false,
    ),
    field(
        "ly_luan_chinh_tri",
        "Lý luận chính trị",
        "Political theory",
        Kind::Choice(choices::<PoliticalTheory>),
        true,
    ),
    field("nghe_nghiep", "Nghề nghiệp", "Occupation", Kind::Text, true),
    field("dang_vien", "Đảng viên", "Party member", Kind::YesNo, true),
    field(
        "tai_cu",
        "Ứng cử lại",
        "Standing for re-election",
        Kind::YesNo,
        true,
    ),
    field(
        "anh",
        "Ảnh (tính từ thư mục ung-cu-vien/, ví dụ anh/nguyen-van-an.jpg)",
        "Photo (from the ung-cu-vien/ folder, e.g. anh/nguyen-van-an.jpg)",
        Kind::Text,
        false,
    ),
    field(
        "thu_tu",
        "Thứ tự trên phiếu",
        "Ballot order",
        Kind::Number,
        false,
    ),
    field(
        "ma_nguoi",
        "Mã người (giống nhau ở mọi đợt người này ứng cử)",
        "Person id (the same in every round this person stands in)",
        Kind::Text,
        false,
    ),
];

/// The form of a candidate of a round: one on file (`slug`), or a new one.
pub struct CandidateForm<'s> {
    pub site: &'s Site,
    pub round: &'s Round,
    /// The candidate's file name, without `.md`; `None` for a new candidate.
    pub slug: Option<String>,
    pub labels: Option<Labels>,
}

impl CandidateForm<'_> {
    /// The file of the candidate on file, relative to the content folder; only a file name
    /// (`is_slug`) is taken, so no address can name a path outside the round's candidates.
    fn file(&self) -> Option<PathBuf> {
        let slug = self.slug.as_deref().filter(|s| is_slug(s))?;
        Some(
            Path::new(ELECTIONS_DIR)
                .join(&self.round.id)
                .join(CANDIDATES_DIR)
                .join(format!("{slug}.md")),
        )
    }
}

impl Form for CandidateForm<'_> {
    fn title(&self) -> Bilingual {
        match &self.slug {
            Some(slug) => Bilingual::new(
                format!("Ứng cử viên {slug}, đợt {}", self.round.id),
                format!("Candidate {slug}, round {}", self.round.id),
            ),
            None => Bilingual::new(
                format!("Ứng cử viên mới, đợt {}", self.round.id),
                format!("New candidate, round {}", self.round.id),
            ),
        }
    }

    fn address(&self) -> String {
        let round = urls::encode(&self.round.id);
        match &self.slug {
            Some(slug) => format!("{CANDIDATE_PATH}?dot={round}&ten={}", urls::encode(slug)),
            None => format!("{CANDIDATE_PATH}?dot={round}"),
        }
    }

    fn home(&self) -> String {
        format!("/{}", urls::round(&self.round.id))
    }

    fn existing_file(&self) -> Option<PathBuf> {
        self.file()
    }

    fn takes(&self, name: &str) -> bool {
        fields::takes(LAYOUT, name)
    }

    fn opened(&self, content: &Path) -> (Typed, Evaluation) {
        fields::opened(LAYOUT, content, self.file(), |typed| {
            self.evaluate(content, typed)
        })
    }

    fn evaluate(&self, content: &Path, typed: &Typed) -> Evaluation {
        let name = typed.get("ho_ten").map(|n| n.trim()).unwrap_or_default();
        let base = fields::base(content, self.file(), "ho_ten", || {
            scaffold::candidate_file(content, &self.round.id, name)
        });
        fields::evaluate(LAYOUT, content, base, typed)
    }

    fn fields(&self, typed: &Typed, evaluation: &Evaluation) -> String {
        let villages = self.site.commune(&self.round.data.don_vi);
        let listed = |_: &str| {
            self.round
                .contest_ids()
                .into_iter()
                .map(|id| {
                    let name = villages
                        .and_then(|c| c.village(id))
                        .map_or_else(|| id.to_string(), |v| v.ten.clone());
                    (id.to_string(), name)
                })
                .collect()
        };
        let context = Context {
            labels: self.labels.as_ref(),
            listed: &listed,
        };
        fields::render(LAYOUT, &context, typed, &evaluation.problems)
    }
}
