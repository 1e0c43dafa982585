//! The form of a commune (`don-vi/<id>.yaml`): its names, kind, province and district, official
//! code, dates and notes, and its villages and neighbourhoods as rows (id, name, kind, dates,
//! note), which is where a new site's first day begins after `niemyet new site`. Its former
//! names (`truoc_day`) stay in the file as written there.

use super::evaluation::Evaluation;
use super::fields::{self, Context, Field, Kind, Layout, choices, field};
use super::labels::Labels;
use super::page::both;
use super::{COMMUNE_PATH, Form, ROUND_PATH, Typed};
use crate::diagnostics::Bilingual;
use crate::load::{DIVISIONS_DIR, yaml_on_disk};
use crate::model::Site;
use crate::model::division::{CommuneKind, VillageKind};
use crate::render::urls;
use std::path::{Path, PathBuf};

const LAYOUT: &Layout = &Layout {
    fields: FIELDS,
    body: None,
};

/// A village's fields, as in the commune file's `khu_dan_cu` list.
const VILLAGE: &[Field] = &[
    field(
        "ma",
        "Mã (chữ thường không dấu, ví dụ thon-1)",
        "Id (lowercase ASCII, e.g. thon-1)",
        Kind::Text,
        true,
    ),
    field("ten", "Tên", "Name", Kind::Text, true),
    field(
        "ten_en",
        "Tên tiếng Anh",
        "Name in English",
        Kind::Text,
        false,
    ),
    field(
        "loai",
        "Loại",
        "Kind",
        Kind::Choice(choices::<VillageKind>),
        true,
    ),
    field(
        "hieu_luc_tu",
        "Ngày thành lập",
        "Valid from",
        Kind::Date,
        false,
    ),
    field(
        "hieu_luc_den",
        "Ngày chấm dứt",
        "Valid until",
        Kind::Date,
        false,
    ),
    field("ghi_chu", "Ghi chú", "Note", Kind::Text, false),
    field(
        "ghi_chu_en",
        "Ghi chú tiếng Anh",
        "The note in English",
        Kind::Text,
        false,
    ),
];

const FIELDS: &[Field] = &[
    field("ten", "Tên hiện nay", "Current name", Kind::Text, true),
    field(
        "ten_en",
        "Tên tiếng Anh",
        "Name in English",
        Kind::Text,
        false,
    ),
    field(
        "cap",
        "Cấp",
        "Kind",
        Kind::Choice(choices::<CommuneKind>),
        true,
    ),
    field(
        "tinh.ten",
        "Tỉnh, thành phố",
        "Province or city",
        Kind::Text,
        true,
    ),
    field(
        "tinh.ten_en",
        "Tỉnh, thành phố: tên tiếng Anh",
        "Province or city: name in English",
        Kind::Text,
        false,
    ),
    field(
        "huyen.ten",
        "Huyện (nếu còn; từ 01/7/2025 không còn cấp huyện)",
        "District (if any; none since 1/7/2025)",
        Kind::Text,
        false,
    ),
    field(
        "huyen.ten_en",
        "Huyện: tên tiếng Anh",
        "District: name in English",
        Kind::Text,
        false,
    ),
    field(
        "ma_hanh_chinh",
        "Mã đơn vị hành chính (ví dụ 06685)",
        "Official code (e.g. 06685)",
        Kind::Text,
        false,
    ),
    field(
        "hieu_luc_tu",
        "Ngày thành lập (ví dụ 01/7/2025)",
        "Valid from (e.g. 01/7/2025)",
        Kind::Date,
        false,
    ),
    field(
        "hieu_luc_den",
        "Ngày cuối cùng còn tồn tại (sáp nhập, giải thể)",
        "Last day the unit existed (merged, dissolved)",
        Kind::Date,
        false,
    ),
    field(
        "ke_thua",
        "Đơn vị kế thừa sau sáp nhập",
        "Successor unit after a merger",
        Kind::Listed,
        false,
    ),
    field("ghi_chu", "Ghi chú", "Note", Kind::Paragraphs, false),
    field(
        "ghi_chu_en",
        "Ghi chú tiếng Anh",
        "The note in English",
        Kind::Paragraphs,
        false,
    ),
    field(
        "khu_dan_cu",
        "Thôn, tổ dân phố, khu phố (đợt bầu chỉ bầu ở nơi có ở đây)",
        "Villages and neighbourhoods (a round elects only in those listed here)",
        Kind::Rows(VILLAGE),
        false,
    ),
];

/// The form of a commune on file, found by its id (the file's name), readable or not.
pub struct CommuneForm<'s> {
    pub site: &'s Site,
    pub id: String,
    /// Its file ([`CommuneForm::file_of`]).
    pub file: PathBuf,
    pub labels: Option<Labels>,
}

impl CommuneForm<'_> {
    /// The commune's file, relative to the content folder, `.yaml` or `.yml`; `None` when there
    /// is none.
    pub fn file_of(content: &Path, id: &str) -> Option<PathBuf> {
        yaml_on_disk(
            content,
            &Path::new(DIVISIONS_DIR).join(format!("{id}.yaml")),
        )
    }
}

impl Form for CommuneForm<'_> {
    fn title(&self) -> Bilingual {
        Bilingual::new(
            format!("Xã, phường {}", self.id),
            format!("Commune {}", self.id),
        )
    }

    fn address(&self) -> String {
        format!("{COMMUNE_PATH}?ma={}", urls::encode(&self.id))
    }

    fn home(&self) -> String {
        format!("/{}", urls::commune(&self.id))
    }

    fn existing_file(&self) -> Option<PathBuf> {
        Some(self.file.clone())
    }

    fn takes(&self, name: &str) -> bool {
        fields::takes(LAYOUT, name)
    }

    fn opened(&self, content: &Path) -> (Typed, Evaluation) {
        fields::opened(LAYOUT, content, self.existing_file(), |typed| {
            self.evaluate(content, typed)
        })
    }

    fn evaluate(&self, content: &Path, typed: &Typed) -> Evaluation {
        let base = fields::base(content, self.existing_file(), "", || {
            Err(Bilingual::new(
                "Xã, phường chưa có tệp.",
                "The commune has no file.",
            ))
        });
        fields::evaluate(LAYOUT, content, base, typed)
    }

    fn fields(&self, typed: &Typed, evaluation: &Evaluation) -> String {
        let listed = |_: &str| {
            self.site
                .communes
                .iter()
                .filter(|c| c.id != self.id)
                .map(|c| (c.id.clone(), c.data.ten.clone()))
                .collect()
        };
        let context = Context {
            labels: self.labels.as_ref(),
            listed: &listed,
        };
        let new_round = format!(
            "<p class=\"note\"><a href=\"{ROUND_PATH}?don_vi={}\">{}</a></p>",
            urls::encode(&self.id),
            both(&Bilingual::new(
                "Tạo đợt bầu cử mới cho xã, phường này",
                "Create a new election round for this commune"
            ))
        );
        new_round + &fields::render(LAYOUT, &context, typed, &evaluation.problems)
    }
}
