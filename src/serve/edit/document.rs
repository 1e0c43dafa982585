//! The form of a document (`van-ban/<name>.md`: a plan, a resolution, a letter, news): its kind,
//! number, date, issuer, signer, legal bases and recipients one per line, the round and commune
//! it concerns, and its text as Markdown with a preview; and the form of a new document, which
//! fills in the file `niemyet new document` writes for the same title. A file is attached by a
//! form of its own below (`upload`); the source of a republished document stays in the file.

use super::evaluation::Evaluation;
use super::fields::{self, Context, Field, Kind, Layout, choices, field};
use super::labels::Labels;
use super::page::{both, escape};
use super::upload;
use super::{ATTACH_PATH, DOCUMENT_PATH, Form, Typed};
use crate::diagnostics::Bilingual;
use crate::model::Site;
use crate::model::document::DocumentKind;
use crate::render::urls;
use crate::scaffold;
use std::path::{Path, PathBuf};

/// The fields of a document file the form has, in the scaffold's order.
const LAYOUT: &Layout = &Layout {
    fields: FIELDS,
    body: Some((
        "Nội dung văn bản (Markdown)",
        "The document's text (Markdown)",
    )),
};

const FIELDS: &[Field] = &[
    field(
        "loai",
        "Loại văn bản",
        "Kind of document",
        Kind::Choice(choices::<DocumentKind>),
        true,
    ),
    field("tieu_de", "Trích yếu", "Title", Kind::Text, true),
    field(
        "so_hieu",
        "Số, ký hiệu (ví dụ 13-CV/ĐU)",
        "Number and symbol (e.g. 13-CV/ĐU)",
        Kind::Text,
        false,
    ),
    field(
        "ngay",
        "Ngày ban hành (ví dụ 16/12/2024)",
        "Date of issue (e.g. 16/12/2024)",
        Kind::Date,
        true,
    ),
    field(
        "co_quan",
        "Cơ quan ban hành",
        "Issuing body",
        Kind::Text,
        true,
    ),
    field(
        "tham_quyen_ky",
        "Thẩm quyền ký (ví dụ T/M Ủy ban nhân dân)",
        "Signing authority (e.g. T/M Ủy ban nhân dân)",
        Kind::Text,
        false,
    ),
    field(
        "chuc_vu_ky",
        "Chức vụ người ký",
        "Signer's title",
        Kind::Text,
        false,
    ),
    field("nguoi_ky", "Người ký", "Signer", Kind::Text, false),
    field(
        "tac_gia",
        "Tác giả (tin tức)",
        "Author (news)",
        Kind::Text,
        false,
    ),
    field(
        "can_cu",
        "Căn cứ, mỗi dòng một căn cứ",
        "Legal bases, one per line",
        Kind::Lines,
        false,
    ),
    field(
        "noi_nhan",
        "Nơi nhận, mỗi dòng một nơi",
        "Recipients, one per line",
        Kind::Lines,
        false,
    ),
    field(
        "bau_cu",
        "Đợt bầu cử liên quan",
        "The election round it concerns",
        Kind::Listed,
        false,
    ),
    field(
        "don_vi",
        "Xã, phường liên quan",
        "The commune it concerns",
        Kind::Listed,
        false,
    ),
];

/// The form of a document: one on file (`slug`), or a new one.
pub struct DocumentForm<'s> {
    pub site: &'s Site,
    /// The document's name (`Document::slug`); `None` for a new document.
    pub slug: Option<String>,
    pub labels: Option<Labels>,
}

impl DocumentForm<'_> {
    /// The document's file, found by its name among the site's documents: an address can name
    /// only a document the site has.
    fn file(&self) -> Option<PathBuf> {
        let slug = self.slug.as_deref()?;
        self.site.document(slug).map(|d| d.file.clone())
    }
}

impl Form for DocumentForm<'_> {
    fn title(&self) -> Bilingual {
        match &self.slug {
            Some(slug) => Bilingual::new(format!("Văn bản {slug}"), format!("Document {slug}")),
            None => Bilingual::new("Văn bản mới", "New document"),
        }
    }

    fn address(&self) -> String {
        match &self.slug {
            Some(slug) => format!("{DOCUMENT_PATH}?ten={}", urls::encode(slug)),
            None => DOCUMENT_PATH.to_string(),
        }
    }

    fn home(&self) -> String {
        match &self.slug {
            Some(slug) => format!("/{}", urls::document(slug)),
            None => format!("/{}", urls::DOCUMENTS),
        }
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
        let title = typed.get("tieu_de").map(|t| t.trim()).unwrap_or_default();
        let base = fields::base(content, self.file(), "tieu_de", || {
            scaffold::document_file(title)
        });
        fields::evaluate(LAYOUT, content, base, typed)
    }

    fn fields(&self, typed: &Typed, evaluation: &Evaluation) -> String {
        let listed = |key: &str| match key {
            "bau_cu" => self
                .site
                .rounds
                .iter()
                .map(|r| (r.id.clone(), r.id.clone()))
                .collect(),
            _ => self
                .site
                .communes
                .iter()
                .map(|c| (c.id.clone(), c.data.ten.clone()))
                .collect(),
        };
        let context = Context {
            labels: self.labels.as_ref(),
            listed: &listed,
        };
        fields::render(LAYOUT, &context, typed, &evaluation.problems)
    }

    /// The document's attachments, and a form of its own to attach one more (a file upload).
    fn after(&self, hidden: &str, evaluation: &Evaluation) -> String {
        let Some(document) = self.slug.as_deref().and_then(|s| self.site.document(s)) else {
            return String::new();
        };
        let listed: String = upload::listed(document)
            .iter()
            .map(|a| format!("<li>{}</li>", escape(a)))
            .collect();
        let errors: Vec<String> = evaluation
            .problems
            .iter()
            .filter(|(f, _, _)| f == "tep")
            .map(|(_, _, m)| both(m))
            .collect();
        format!(
            "<h2>{}</h2><ul>{listed}</ul>\
             <form method=\"post\" action=\"{ATTACH_PATH}?ten={}\" enctype=\"multipart/form-data\">{hidden}\
             <div class=\"field\"><label for=\"tep\">{}</label>\
             <p class=\"error\" id=\"tep-loi\">{}</p>\
             <input type=\"file\" id=\"tep\" name=\"tep\" aria-describedby=\"tep-loi\"></div>\
             <div class=\"field\"><label for=\"ten_tep\">{}</label>\
             <input id=\"ten_tep\" name=\"ten_tep\" autocomplete=\"off\"></div>\
             <button name=\"hanh_dong\" value=\"dinh-kem\">{}</button></form>\
             <p class=\"note\">{}</p>",
            both(&Bilingual::new("Tệp đính kèm", "Attachments")),
            urls::encode(&document.slug),
            both(&Bilingual::new(
                "Tệp cần đính kèm (pdf, doc, docx, xls, xlsx, jpg, png, zip…)",
                "File to attach (pdf, doc, docx, xls, xlsx, jpg, png, zip…)",
            )),
            errors.join("<br>"),
            both(&Bilingual::new(
                "Tên hiển thị, ví dụ Toàn văn kế hoạch",
                "Label shown, e.g. Full text of the plan",
            )),
            both(&Bilingual::new("Đính kèm", "Attach")),
            both(&Bilingual::new(
                "Nguồn của văn bản đăng lại (nguon) sửa trong tệp của văn bản; biểu mẫu giữ nguyên nó.",
                "The source of a republished document (nguon) is edited in the document's file; the form leaves it as it is.",
            )),
        )
    }
}
