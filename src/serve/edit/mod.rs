//! Editing in the browser (sửa trong trình duyệt), in the preview only: each page the preview
//! serves links to a form for the file behind it, and the form saves that file as the import
//! would write it, checked by the build's own rules first. `build` output never has any of it.
//!
//! The forms work without JavaScript (a plain POST answered with the errors next to their
//! fields); the script only sends the form to be checked as the clerk types. Writes are taken
//! only with this session's token and from the preview's own pages (`guard`), go only to the
//! file of a round the site has (never to a path the browser names), and are refused when the
//! file changed on disk since the form was opened (`save`).

mod form;
mod guard;
mod page;
mod results;
mod save;

use crate::diagnostics::Bilingual;
use crate::model::Site;
use crate::model::election::Round;
use crate::render::urls;
use form::{Submitted, query_value};
use page::{both, escape};
use save::Saved;
use std::io;
use std::path::{Path, PathBuf};

pub use results::Typed;

/// Where a page's "Sửa / Edit" link leads, with the page's own path as `trang`.
pub const EDIT_PATH: &str = "/__niemyet/sua";
/// The form of a round's results, the round's id as `dot`.
pub const RESULTS_PATH: &str = "/__niemyet/sua/ket-qua";
pub use page::SCRIPT_PATH;

/// A form body larger than this is refused: a round of a hundred villages is a few kilobytes.
pub const MAX_BODY: usize = 1024 * 1024;

/// What the editor answers.
pub struct Reply {
    pub status: u16,
    pub kind: &'static str,
    pub body: Vec<u8>,
    /// Where a `303 See Other` sends the browser.
    pub location: Option<String>,
}

const HTML: &str = "text/html; charset=utf-8";

impl Reply {
    fn html(status: u16, html: String) -> Self {
        Self {
            status,
            kind: HTML,
            body: html.into_bytes(),
            location: None,
        }
    }

    fn see_other(location: String) -> Self {
        Self {
            status: 303,
            kind: HTML,
            body: Vec::new(),
            location: Some(location),
        }
    }

    fn message(status: u16, title: Bilingual, text: Bilingual) -> Self {
        Self::html(
            status,
            page::page(&title, &format!("<p>{}</p>", both(&text))),
        )
    }
}

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
}

impl Editor {
    pub fn new(content: &Path) -> io::Result<Self> {
        Ok(Self {
            content: content.to_path_buf(),
            token: guard::Token::new()?,
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
            ("GET", RESULTS_PATH) => self.results_form(request.query),
            ("POST", RESULTS_PATH) => self.results_post(request),
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

    /// From a page's "Sửa / Edit" link to the form of the file behind it, or to the list of
    /// forms when the page has none.
    fn page_of(&self, query: &str) -> Reply {
        let page = query_value(query, "trang").unwrap_or_default();
        let (site, _) = crate::check(&self.content);
        let within = page
            .trim_start_matches('/')
            .trim_start_matches("en/")
            .to_string();
        let round = site.rounds.iter().find(|r| {
            within.starts_with(&format!("bau-cu/{}/", r.id)) && !r.contest_ids().is_empty()
        });
        match round {
            Some(round) => Reply::see_other(results_address(&round.id, &back(&page, round))),
            None => Reply::html(200, forms_list(&site)),
        }
    }

    fn results_form(&self, query: &str) -> Reply {
        let (site, _) = crate::check(&self.content);
        let Some(round) = self.round(&site, query) else {
            return no_round(query);
        };
        let typed = results::typed_from_file(round);
        let evaluation = if round.results.is_some() {
            results::evaluate(&self.content, round, &typed)
        } else {
            results::Evaluation::empty()
        };
        let page = query_value(query, "trang").unwrap_or_default();
        match save::fingerprint(&self.content.join(results::file_of(round))) {
            Ok(opened) => Reply::html(
                200,
                self.results_page(&site, round, &typed, &evaluation, &opened, &page, None),
            ),
            Err(e) => cannot_read(&results::file_of(round), &e),
        }
    }

    fn results_post(&self, request: &Request) -> Reply {
        let submitted = Submitted::parse(request.body);
        let token = submitted.as_ref().and_then(|s| s.get("token"));
        if !guard::same_origin(request.head) || !token.is_some_and(|t| self.token.matches(t)) {
            return Reply::message(
                403,
                Bilingual::new("Từ chối ghi", "Write refused"),
                Bilingual::new(
                    "Yêu cầu này không đến từ biểu mẫu của trang xem trước trên máy này, nên không được ghi. \
                     Mở lại biểu mẫu từ trang xem trước rồi lưu.",
                    "This request did not come from a form of the preview on this computer, so nothing is written. \
                     Open the form again from the preview and save.",
                ),
            );
        }
        let Some(submitted) = submitted else {
            return Reply::message(
                400,
                Bilingual::new("Yêu cầu không hợp lệ", "Bad request"),
                Bilingual::new("Không đọc được biểu mẫu.", "The form could not be read."),
            );
        };
        let (site, _) = crate::check(&self.content);
        let Some(round) = self.round(&site, request.query) else {
            return no_round(request.query);
        };
        let typed: Typed = results::field_names(round)
            .into_iter()
            .map(|name| {
                let value = submitted.get(&name).unwrap_or_default().to_string();
                (name, value)
            })
            .collect();
        let evaluation = results::evaluate(&self.content, round, &typed);
        let opened = submitted.get("ban").unwrap_or_default();
        let page = submitted.get("trang").unwrap_or_default();
        let saving = submitted.get("hanh_dong") == Some("luu");
        let rel = results::file_of(round);
        let form = |status: u16, notice: Option<String>| {
            Reply::html(
                status,
                self.results_page(&site, round, &typed, &evaluation, opened, page, notice),
            )
        };
        if !saving {
            return form(200, None);
        }
        let Some(text) = evaluation
            .text
            .as_deref()
            .filter(|_| !evaluation.has_errors())
        else {
            return form(422, None);
        };
        match save::save(&self.content.join(&rel), opened, text) {
            Ok(Saved::Written { .. }) => Reply::see_other(back(page, round)),
            Ok(Saved::Stale) => form(409, Some(stale(&rel, round, page))),
            Err(e) => cannot_write(&rel, &e),
        }
    }

    fn round<'s>(&self, site: &'s Site, query: &str) -> Option<&'s Round> {
        query_value(query, "dot").and_then(|id| site.round(&id))
    }

    #[allow(clippy::too_many_arguments)]
    fn results_page(
        &self,
        site: &Site,
        round: &Round,
        typed: &Typed,
        evaluation: &results::Evaluation,
        opened: &str,
        page: &str,
        notice: Option<String>,
    ) -> String {
        let rel = results::file_of(round)
            .display()
            .to_string()
            .replace('\\', "/");
        let back = back(page, round);
        let body = format!(
            "<p><a href=\"{back}\">{}</a></p><p>{} <code>{rel}</code></p>{}{}\
             <form method=\"post\" action=\"{action}\" data-check novalidate>\
             <input type=\"hidden\" name=\"token\" value=\"{token}\">\
             <input type=\"hidden\" name=\"ban\" value=\"{opened}\">\
             <input type=\"hidden\" name=\"trang\" value=\"{page}\">{fields}\
             <button name=\"hanh_dong\" value=\"kiem-tra\">{check}</button>\
             <button class=\"primary\" name=\"hanh_dong\" value=\"luu\">{save}</button></form>",
            both(&Bilingual::new("← Về trang", "Back to the page")),
            both(&Bilingual::new("Tệp:", "File:")),
            notice.unwrap_or_default(),
            page::summary(&evaluation.summary()),
            back = escape(&back),
            action = escape(&format!("{RESULTS_PATH}?dot={}", urls::encode(&round.id))),
            token = self.token.value(),
            opened = escape(opened),
            page = escape(page),
            fields = results::fields(site, round, typed, evaluation),
            check = both(&Bilingual::new("Kiểm tra", "Check")),
            save = both(&Bilingual::new("Lưu", "Save")),
        );
        page::page(
            &Bilingual::new(
                format!("Kết quả kiểm phiếu đợt {}", round.id),
                format!("Results of round {}", round.id),
            ),
            &body,
        )
    }
}

/// The form's address for round `id`, returning to `page`.
fn results_address(id: &str, page: &str) -> String {
    format!(
        "{RESULTS_PATH}?dot={}&trang={}",
        urls::encode(id),
        urls::encode(page)
    )
}

/// The page to return to: the one the form was opened from when it is a path of the preview,
/// else the round's page.
fn back(page: &str, round: &Round) -> String {
    let local = page.starts_with('/')
        && !page.starts_with("//")
        && !page.contains(['\\', '\r', '\n'])
        && !page.starts_with(EDIT_PATH);
    if local {
        page.to_string()
    } else {
        format!("/{}", urls::round(&round.id))
    }
}

/// The notice of a form whose file changed on disk since it was opened.
fn stale(rel: &Path, round: &Round, page: &str) -> String {
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
        escape(&results_address(&round.id, page)),
        both(&Bilingual::new(
            "Tải lại biểu mẫu với nội dung mới của tệp (những gì vừa gõ ở đây sẽ mất)",
            "Reload the form with the file as it is now (what was typed here is lost)",
        )),
    )
}

fn no_round(query: &str) -> Reply {
    let id = query_value(query, "dot").unwrap_or_default();
    Reply::message(
        404,
        Bilingual::new("Không có đợt bầu này", "No such round"),
        Bilingual::new(
            format!("Không có đợt bầu “{id}” đọc được (bau-cu/{id}/dot-bau-cu.yaml)."),
            format!("There is no readable round “{id}” (bau-cu/{id}/dot-bau-cu.yaml)."),
        ),
    )
}

fn cannot_read(rel: &Path, e: &io::Error) -> Reply {
    Reply::message(
        500,
        Bilingual::new("Không đọc được tệp", "Cannot read the file"),
        Bilingual::new(
            format!("Không đọc được {}: {e}", rel.display()),
            format!("Cannot read {}: {e}", rel.display()),
        ),
    )
}

fn cannot_write(rel: &Path, e: &io::Error) -> Reply {
    Reply::message(
        500,
        Bilingual::new("Chưa lưu", "Not saved"),
        Bilingual::new(
            format!("Không ghi được {}: {e}. Tệp cũ vẫn nguyên.", rel.display()),
            format!(
                "Cannot write {}: {e}. The old file is untouched.",
                rel.display()
            ),
        ),
    )
}

/// The forms there are: a page without a form of its own leads here.
fn forms_list(site: &Site) -> String {
    let mut items = String::new();
    for round in site.rounds.iter().filter(|r| !r.contest_ids().is_empty()) {
        items.push_str(&format!(
            "<li><a href=\"{}\">{}</a></li>",
            escape(&results_address(&round.id, "")),
            both(&Bilingual::new(
                format!("Kết quả kiểm phiếu đợt {}", round.id),
                format!("Results of round {}", round.id),
            )),
        ));
    }
    page::page(
        &Bilingual::new("Sửa trong trình duyệt", "Edit in the browser"),
        &format!(
            "<p class=\"note\">{}</p><ul>{items}</ul>",
            both(&Bilingual::new(
                "Trang này chưa có biểu mẫu riêng. Các biểu mẫu hiện có:",
                "This page has no form of its own yet. The forms there are:",
            ))
        ),
    )
}
