//! A file attached to a document from its form (`multipart/form-data`): checked as the build
//! checks attachments, stored beside the document, listed in its `dinh_kem`, and taken away
//! again when the document then fails its check or changed meanwhile.

use super::evaluation::Evaluation;
use super::form::query_value;
use super::reply::{Reply, cannot_write, refused};
use super::save::{self, Saved};
use super::{DocumentForm, Editor, Form, Request, admit, guard, labels, stale, upload, with_page};
use crate::diagnostics::Bilingual;

impl Editor {
    /// A file attached to a document from its form: written beside it under a name the build
    /// accepts, listed in its `dinh_kem`, checked, and taken away again when the check fails.
    pub(super) fn attach(&self, request: &Request) -> Reply {
        let kind = admit::header_values(request.head, "content-type")
            .next()
            .unwrap_or_default();
        let Some(parts) = upload::parts(kind, request.body) else {
            return Reply::message(
                400,
                Bilingual::new("Yêu cầu không hợp lệ", "Bad request"),
                Bilingual::new(
                    "Không đọc được tệp gửi lên.",
                    "The file sent could not be read.",
                ),
            );
        };
        let text = |name: &str| {
            parts
                .iter()
                .find(|p| p.name == name)
                .and_then(|p| String::from_utf8(p.data.clone()).ok())
                .unwrap_or_default()
        };
        let token = text("token");
        if !guard::same_origin(request.head) || !self.token.matches(&token) {
            return refused();
        }
        let (site, _) = crate::check(&self.content);
        let form = DocumentForm {
            site: &site,
            slug: query_value(request.query, "ten"),
            labels: labels::Labels::load(&self.content),
        };
        let Some(rel) = form.existing_file() else {
            return Reply::message(
                404,
                Bilingual::new("Không có văn bản này", "No such document"),
                Bilingual::new(
                    "Văn bản cần đính kèm không có trên trang.",
                    "The document to attach to is not on the site.",
                ),
            );
        };
        let (opened, page) = (text("ban"), text("trang"));
        let (typed, _) = form.opened(&self.content);
        let answer = |status: u16, evaluation: Evaluation, notice: Option<String>| {
            Reply::html(
                status,
                self.form_page(&form, &typed, &evaluation, &opened, &page, notice),
            )
        };
        let path = self.content.join(&rel);
        let _one = self.one_save();
        if save::fingerprint(&path).ok().as_deref() != Some(opened.as_str()) {
            return answer(409, Evaluation::empty(), Some(stale(&rel, &form, &page)));
        }
        let file = parts.iter().find(|p| p.name == "tep");
        let given = file.and_then(|f| f.file_name.clone()).unwrap_or_default();
        let name = match upload::file_name(&given) {
            Ok(name) => name,
            Err(why) => return answer(422, upload::refused(why), None),
        };
        let current = std::fs::read_to_string(&path).unwrap_or_default();
        let Some(updated) = upload::with_attachment(&current, &name, &text("ten_tep")) else {
            return answer(
                422,
                upload::refused(Bilingual::new(
                    "Danh sách dinh_kem của văn bản viết theo cách biểu mẫu không ghi lại được: đính kèm bằng cách sửa tệp.",
                    "The document's dinh_kem list is written in a way the form cannot write back: attach by editing the file.",
                )),
                None,
            );
        };
        let data = file.map(|f| f.data.as_slice()).unwrap_or_default();
        let stored = match upload::store(&self.content, &rel, &name, data) {
            Ok(stored) => stored,
            Err(why) => return answer(422, upload::refused(why), None),
        };
        let (_, found) = crate::check_as_saved(&self.content, &rel, updated.clone());
        let problems: Vec<_> = found
            .iter()
            .filter(|d| d.path == rel && d.is_error())
            .map(|d| ("tep".to_string(), d.severity, d.message.clone()))
            .collect();
        if !problems.is_empty() {
            let _ = std::fs::remove_file(&stored);
            let mut evaluation = Evaluation::empty();
            evaluation.problems = problems;
            return answer(422, evaluation, None);
        }
        match save::save(&path, &opened, &updated) {
            Ok(Saved::Written { .. }) => Reply::see_other(with_page(&form.address(), &page)),
            Ok(Saved::Stale) => {
                let _ = std::fs::remove_file(&stored);
                answer(409, Evaluation::empty(), Some(stale(&rel, &form, &page)))
            }
            Err(e) => {
                let _ = std::fs::remove_file(&stored);
                cannot_write(&rel, &e)
            }
        }
    }
}
