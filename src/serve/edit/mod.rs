//! Editing in the browser (sửa trong trình duyệt), in the preview only: each page the preview
//! serves links to a form for the file behind it, and the form saves that file as the import
//! would write it, checked by the build's own rules first. `build` output never has any of it.
//!
//! The forms work without JavaScript (a plain POST answered with the errors next to their
//! fields); the script only sends the form to be checked as the clerk types. Writes are taken
//! only with this session's token and from the preview's own pages (`guard`); they go only to a
//! file the loaded site has (the configuration, a commune's, a round's, a candidate's, a
//! document's, found by its id, never by a path the browser names), or, for a new round,
//! candidate or document, to the file `niemyet new` names after the typed id or name; and they
//! are refused when the file changed on disk since the form was opened (`save`).

mod attach;
mod candidate;
mod commune;
mod config;
mod document;
mod evaluation;
mod fields;
mod form;
mod front_matter;
mod guard;
mod labels;
pub(super) mod page;
mod reply;
mod results;
mod round;
mod save;
mod upload;

use super::admit;
use crate::diagnostics::Bilingual;
use crate::load::{CANDIDATES_DIR, ELECTIONS_DIR};
use crate::model::text::is_slug;
use crate::render::urls;
use candidate::CandidateForm;
use commune::CommuneForm;
use config::ConfigForm;
use document::DocumentForm;
use evaluation::Evaluation;
use form::{Submitted, query_value};
use page::{both, escape};
use reply::{Reply, cannot_read, cannot_write, forms_list, no_round, refused};
use results::ResultsForm;
use round::RoundForm;
use save::Saved;
use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};

/// Where a page's "Sửa / Edit" link leads, with the page's own path as `trang`.
pub const EDIT_PATH: &str = "/__niemyet/sua";
/// The form of a round, its id as `dot`; without `dot`, a new round, for the commune `don_vi`
/// if given.
pub const ROUND_PATH: &str = "/__niemyet/sua/dot-bau-cu";
/// The form of a commune, its id as `ma`.
pub const COMMUNE_PATH: &str = "/__niemyet/sua/don-vi";
/// The form of the site's configuration.
pub const CONFIG_PATH: &str = "/__niemyet/sua/cau-hinh";
/// The form of a round's results, the round's id as `dot`.
pub const RESULTS_PATH: &str = "/__niemyet/sua/ket-qua";
/// The form of a candidate, the round's id as `dot` and the file name as `ten`; without `ten`,
/// a new candidate of the round.
pub const CANDIDATE_PATH: &str = "/__niemyet/sua/ung-cu-vien";
/// The form of a document, its name as `ten`; without `ten`, a new document.
pub const DOCUMENT_PATH: &str = "/__niemyet/sua/van-ban";
/// Where a document's form sends a file to attach (`multipart/form-data`), its name as `ten`.
pub const ATTACH_PATH: &str = "/__niemyet/sua/van-ban/tep";

/// The value of each field as typed, by field name.
pub type Typed = BTreeMap<String, String>;

/// A form for one file: what the editor's one flow (open, check, save) needs of it.
trait Form {
    fn title(&self) -> Bilingual;
    /// Its own address, the form's action.
    fn address(&self) -> String;
    /// The page a save returns to when the form was not opened from one.
    fn home(&self) -> String;
    /// The file it edits, when there is one already, relative to the content folder.
    fn existing_file(&self) -> Option<PathBuf>;
    /// Whether the form takes a field of this name from what the browser sends.
    fn takes(&self, name: &str) -> bool;
    /// The values of the file as it is, and what is wrong with them.
    fn opened(&self, content: &Path) -> (Typed, Evaluation);
    fn evaluate(&self, content: &Path, typed: &Typed) -> Evaluation;
    fn fields(&self, typed: &Typed, evaluation: &Evaluation) -> String;
    /// What follows the form: another form of its own, with the same `hidden` fields (the
    /// session's token, the file's fingerprint, the page to return to).
    fn after(&self, _hidden: &str, _evaluation: &Evaluation) -> String {
        String::new()
    }
}
pub use page::SCRIPT_PATH;

/// A form body larger than this is refused: a round of a hundred villages is a few kilobytes.
pub const MAX_BODY: usize = 1024 * 1024;
pub use upload::MAX_UPLOAD;

/// The addresses of the forms.
const FORMS: [&str; 6] = [
    ROUND_PATH,
    RESULTS_PATH,
    CANDIDATE_PATH,
    DOCUMENT_PATH,
    COMMUNE_PATH,
    CONFIG_PATH,
];

/// A request for the editor, as the server read it.
pub struct Request<'r> {
    pub method: &'r str,
    pub path: &'r str,
    pub query: &'r str,
    /// The request line and headers.
    pub head: &'r str,
    pub body: &'r [u8],
}

/// The forms of one preview: its content folder and its session's token.
pub struct Editor {
    content: PathBuf,
    token: guard::Token,
    /// Held from a save's check of the file's fingerprint to its rename, so that of two saves at
    /// once (two tabs) the second finds the file changed instead of overwriting the first.
    saving: Mutex<()>,
}

impl Editor {
    pub fn new(content: &Path) -> io::Result<Self> {
        Ok(Self {
            content: content.to_path_buf(),
            token: guard::Token::new()?,
            saving: Mutex::new(()),
        })
    }

    /// Whether a request path is the editor's.
    pub fn handles(path: &str) -> bool {
        path == EDIT_PATH || path.starts_with("/__niemyet/sua/")
    }

    pub fn answer(&self, request: &Request) -> Reply {
        match (request.method, request.path) {
            ("GET", SCRIPT_PATH) => Reply {
                status: 200,
                kind: "text/javascript; charset=utf-8",
                body: page::script().into_bytes(),
                location: None,
            },
            ("GET", EDIT_PATH) => self.page_of(request.query),
            ("GET", path) if FORMS.contains(&path) => {
                self.with_form(request, |form| self.open(form, request.query))
            }
            ("POST", path) if FORMS.contains(&path) => {
                self.with_form(request, |form| self.submit(form, request))
            }
            ("POST", ATTACH_PATH) => self.attach(request),
            ("GET" | "POST", _) => Reply::message(
                404,
                Bilingual::new("Không có biểu mẫu này", "No such form"),
                Bilingual::new(
                    "Địa chỉ này không phải biểu mẫu nào của trang xem trước.",
                    "This address is none of the preview's forms.",
                ),
            ),
            _ => Reply::message(
                405,
                Bilingual::new("Không nhận yêu cầu này", "Method not allowed"),
                Bilingual::new(
                    "Biểu mẫu chỉ nhận GET và POST.",
                    "The forms take GET and POST only.",
                ),
            ),
        }
    }

    /// From a page's "Sửa / Edit" link to the form of the file behind it: a candidate's page to
    /// the candidate's form, a round's page to the round's, any other page of a round to its
    /// results form, a document's page to the document's, a commune's pages to the commune's,
    /// the home and about pages to the site's, and any other page to the list of forms.
    fn page_of(&self, query: &str) -> Reply {
        let page = query_value(query, "trang").unwrap_or_default();
        let (site, _) = crate::check(&self.content);
        let within = page.trim_start_matches('/').trim_start_matches("en/");
        let mut parts = within.split('/').filter(|p| !p.is_empty());
        let (round, village, slug) = (parts.next().and(parts.next()), parts.next(), parts.next());
        if let Some(document) = within
            .strip_prefix("van-ban/")
            .and_then(|rest| rest.split('/').next())
            .and_then(|slug| site.document(slug))
        {
            let address = format!("{DOCUMENT_PATH}?ten={}", urls::encode(&document.slug));
            return Reply::see_other(with_page(&address, &page));
        }
        if let Some(id) = within
            .strip_prefix("don-vi/")
            .and_then(|rest| rest.split('/').next())
            .filter(|id| is_slug(id) && CommuneForm::file_of(&self.content, id).is_some())
        {
            let address = format!("{COMMUNE_PATH}?ma={}", urls::encode(id));
            return Reply::see_other(with_page(&address, &page));
        }
        if matches!(
            within,
            "" | "index.html" | "gioi-thieu/" | "gioi-thieu/index.html"
        ) {
            return Reply::see_other(with_page(CONFIG_PATH, &page));
        }
        let round = round
            .filter(|_| within.starts_with("bau-cu/"))
            .and_then(|id| site.round(id));
        let Some(round) = round else {
            return Reply::html(200, forms_list(&site));
        };
        // by its file, not the loaded site: a file broken in Notepad opens with its error shown
        let candidate = slug.filter(|s| self.candidate_on_file(&round.id, s));
        let id = urls::encode(&round.id);
        let address = match (candidate, village) {
            (Some(slug), _) => format!("{CANDIDATE_PATH}?dot={id}&ten={}", urls::encode(slug)),
            (None, None) => format!("{ROUND_PATH}?dot={id}"),
            (None, Some(_)) => format!("{RESULTS_PATH}?dot={id}"),
        };
        Reply::see_other(with_page(&address, &page))
    }

    /// The form a request names, with the site it was made from.
    fn with_form(&self, request: &Request, act: impl FnOnce(&dyn Form) -> Reply) -> Reply {
        let (site, _) = crate::check(&self.content);
        let name = query_value(request.query, "ten");
        let labels = || labels::Labels::load(&self.content);
        let unknown = || {
            Reply::message(
                404,
                Bilingual::new("Không có tệp này", "No such file"),
                Bilingual::new(
                    "Trang không có tệp mang tên này: mở biểu mẫu từ nút Sửa của trang.",
                    "The site has no file of this name: open the form from the page's Edit button.",
                ),
            )
        };
        match request.path {
            CONFIG_PATH => {
                return act(&ConfigForm {
                    file: ConfigForm::file_of(&self.content),
                    labels: labels(),
                });
            }
            COMMUNE_PATH => {
                let id = query_value(request.query, "ma").unwrap_or_default();
                let Some(file) = is_slug(&id)
                    .then(|| CommuneForm::file_of(&self.content, &id))
                    .flatten()
                else {
                    return unknown();
                };
                return act(&CommuneForm {
                    site: &site,
                    id,
                    file,
                    labels: labels(),
                });
            }
            ROUND_PATH if query_value(request.query, "dot").is_none() => {
                return act(&RoundForm {
                    site: &site,
                    round: None,
                    commune: query_value(request.query, "don_vi"),
                    labels: labels(),
                });
            }
            _ => {}
        }
        if request.path == DOCUMENT_PATH {
            if name.as_deref().is_some_and(|n| site.document(n).is_none()) {
                return unknown();
            }
            return act(&DocumentForm {
                site: &site,
                slug: name,
                labels: labels(),
            });
        }
        let id = query_value(request.query, "dot").unwrap_or_default();
        let Some(round) = site.round(&id) else {
            return no_round(&id);
        };
        match request.path {
            ROUND_PATH => act(&RoundForm {
                site: &site,
                round: Some(round),
                commune: None,
                labels: labels(),
            }),
            RESULTS_PATH => act(&ResultsForm { site: &site, round }),
            _ if name
                .as_deref()
                .is_some_and(|n| !self.candidate_on_file(&round.id, n)) =>
            {
                unknown()
            }
            _ => act(&CandidateForm {
                site: &site,
                round,
                slug: name,
                labels: labels(),
            }),
        }
    }

    /// Whether round `round` has a candidate file named `slug`, readable or not.
    fn candidate_on_file(&self, round: &str, slug: &str) -> bool {
        is_slug(slug)
            && self
                .content
                .join(ELECTIONS_DIR)
                .join(round)
                .join(CANDIDATES_DIR)
                .join(format!("{slug}.md"))
                .is_file()
    }

    /// One save at a time, from its fingerprint check to its rename.
    fn one_save(&self) -> MutexGuard<'_, ()> {
        self.saving.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn open(&self, form: &dyn Form, query: &str) -> Reply {
        // the fingerprint first: a change made while the form is filled makes it stale
        let opened = match form.existing_file() {
            Some(rel) => match save::fingerprint(&self.content.join(&rel)) {
                Ok(opened) => opened,
                Err(e) => return cannot_read(&rel, &e),
            },
            None => save::NEW.to_string(),
        };
        let (typed, evaluation) = form.opened(&self.content);
        let page = query_value(query, "trang").unwrap_or_default();
        Reply::html(
            200,
            self.form_page(form, &typed, &evaluation, &opened, &page, None),
        )
    }

    fn submit(&self, form: &dyn Form, request: &Request) -> Reply {
        let submitted = Submitted::parse(request.body);
        let token = submitted.as_ref().and_then(|s| s.get("token"));
        if !guard::same_origin(request.head) || !token.is_some_and(|t| self.token.matches(t)) {
            return refused();
        }
        let Some(submitted) = submitted else {
            return Reply::message(
                400,
                Bilingual::new("Yêu cầu không hợp lệ", "Bad request"),
                Bilingual::new("Không đọc được biểu mẫu.", "The form could not be read."),
            );
        };
        // a field not sent is one the form did not show: it stays as it is in the file
        let typed: Typed = submitted
            .fields()
            .filter(|(name, _)| form.takes(name))
            .map(|(name, value)| (name.to_string(), value.to_string()))
            .collect();
        let evaluation = form.evaluate(&self.content, &typed);
        let opened = submitted.get("ban").unwrap_or_default();
        let page = submitted.get("trang").unwrap_or_default();
        let answer = |status: u16, notice: Option<String>| {
            Reply::html(
                status,
                self.form_page(form, &typed, &evaluation, opened, page, notice),
            )
        };
        if submitted.get("hanh_dong") != Some("luu") {
            return answer(200, None);
        }
        let Some((rel, text)) = evaluation
            .file
            .as_ref()
            .filter(|_| !evaluation.has_errors())
        else {
            return answer(422, None);
        };
        let _one = self.one_save();
        match save::save(&self.content.join(rel), opened, text) {
            Ok(Saved::Written { .. }) => Reply::see_other(back(page, &form.home())),
            Ok(Saved::Stale) => answer(409, Some(stale(rel, form, page))),
            Err(e) => cannot_write(rel, &e),
        }
    }

    fn form_page(
        &self,
        form: &dyn Form,
        typed: &Typed,
        evaluation: &Evaluation,
        opened: &str,
        page: &str,
        notice: Option<String>,
    ) -> String {
        let file = evaluation
            .file
            .as_ref()
            .map(|(rel, _)| rel.clone())
            .or_else(|| form.existing_file())
            .map(|rel| {
                format!(
                    "<p>{} <code>{}</code></p>",
                    both(&Bilingual::new("Tệp:", "File:")),
                    escape(&rel.display().to_string().replace('\\', "/"))
                )
            })
            .unwrap_or_default();
        let hidden = format!(
            "<input type=\"hidden\" name=\"token\" value=\"{}\">\
             <input type=\"hidden\" name=\"ban\" value=\"{}\">\
             <input type=\"hidden\" name=\"trang\" value=\"{}\">",
            self.token.value(),
            escape(opened),
            escape(page)
        );
        let body = format!(
            "<p><a href=\"{back}\">{}</a> · <a href=\"{EDIT_PATH}\">{}</a></p>{file}{}{}\
             <form method=\"post\" action=\"{action}\" data-check novalidate>{hidden}{fields}\
             <button name=\"hanh_dong\" value=\"kiem-tra\">{check}</button>\
             <button class=\"primary\" name=\"hanh_dong\" value=\"luu\">{save}</button></form>{after}",
            both(&Bilingual::new("← Về trang", "Back to the page")),
            both(&Bilingual::new(
                "Các biểu mẫu khác (thêm ứng cử viên…)",
                "Other forms (add a candidate…)"
            )),
            notice.unwrap_or_default(),
            page::summary(&evaluation.summary()) + &page::general(&evaluation.general()),
            back = escape(&back(page, &form.home())),
            action = escape(&form.address()),
            fields = form.fields(typed, evaluation),
            after = form.after(&hidden, evaluation),
            check = both(&Bilingual::new("Kiểm tra", "Check")),
            save = both(&Bilingual::new("Lưu", "Save")),
        );
        page::page(&form.title(), &body)
    }
}

/// A form's address, returning to `page`.
fn with_page(address: &str, page: &str) -> String {
    let joint = if address.contains('?') { '&' } else { '?' };
    format!("{address}{joint}trang={}", urls::encode(page))
}

/// The page to return to: the one the form was opened from when it is a path of the preview,
/// else the form's `home`.
fn back(page: &str, home: &str) -> String {
    // printable ASCII only: browsers drop tabs and line breaks inside an address, so
    // `/<tab>/elsewhere` would lead off the preview
    let local = page.starts_with('/')
        && !page.starts_with("//")
        && page.bytes().all(|b| b.is_ascii_graphic() && b != b'\\')
        && !page.starts_with(EDIT_PATH);
    if local {
        page.to_string()
    } else {
        home.to_string()
    }
}

/// The notice of a form whose file changed on disk since it was opened.
fn stale(rel: &Path, form: &dyn Form, page: &str) -> String {
    let rel = rel.display().to_string().replace('\\', "/");
    format!(
        "<div class=\"summary\" role=\"alert\"><h2>{}</h2><p>{}</p><p><a href=\"{}\">{}</a></p></div>",
        both(&Bilingual::new(
            "Chưa lưu: tệp đã thay đổi",
            "Not saved: the file changed"
        )),
        both(&Bilingual::new(
            format!(
                "{rel} đã được sửa ở nơi khác từ khi mở biểu mẫu này (trong trình soạn thảo, hoặc ở một thẻ khác). Lưu bây giờ sẽ xóa mất thay đổi đó, nên chưa ghi gì."
            ),
            format!(
                "{rel} was changed elsewhere since this form was opened (in an editor, or another tab). Saving now would wipe that change, so nothing was written."
            ),
        )),
        escape(&with_page(&form.address(), page)),
        both(&Bilingual::new(
            "Tải lại biểu mẫu với nội dung mới của tệp (những gì vừa gõ ở đây sẽ mất)",
            "Reload the form with the file as it is now (what was typed here is lost)",
        )),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_save_returns_only_to_a_page_of_the_preview() {
        assert_eq!(back("/bau-cu/x/khu-1/", "/home"), "/bau-cu/x/khu-1/");
        for elsewhere in [
            "//evil.example/",
            "/\t/evil.example",
            "/\\evil.example",
            "/a\r\nSet-Cookie: x",
            "https://evil.example/",
            "",
            "/__niemyet/sua/ket-qua",
        ] {
            assert_eq!(back(elsewhere, "/home"), "/home", "{elsewhere:?}");
        }
    }
}
