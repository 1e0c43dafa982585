//! What the editor answers besides its forms: redirects, refusals and errors, and the list of
//! forms a page without one of its own leads to.

use super::page::{self, both, escape};
use super::{CANDIDATE_PATH, COMMUNE_PATH, CONFIG_PATH, DOCUMENT_PATH, RESULTS_PATH, ROUND_PATH};
use crate::diagnostics::Bilingual;
use crate::model::Site;
use crate::render::urls;
use std::io;
use std::path::Path;

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
    pub fn html(status: u16, html: String) -> Self {
        Self {
            status,
            kind: HTML,
            body: html.into_bytes(),
            location: None,
        }
    }

    pub fn see_other(location: String) -> Self {
        Self {
            status: 303,
            kind: HTML,
            body: Vec::new(),
            location: Some(location),
        }
    }

    pub fn message(status: u16, title: Bilingual, text: Bilingual) -> Self {
        Self::html(
            status,
            page::page(&title, &format!("<p>{}</p>", both(&text))),
        )
    }
}

/// The answer to a write without this session's token, or from another origin.
pub fn refused() -> Reply {
    Reply::message(
        403,
        Bilingual::new("Từ chối ghi", "Write refused"),
        Bilingual::new(
            "Yêu cầu này không đến từ biểu mẫu của trang xem trước trên máy này, nên không được ghi. \
             Mở lại biểu mẫu từ trang xem trước rồi lưu.",
            "This request did not come from a form of the preview on this computer, so nothing is written. \
             Open the form again from the preview and save.",
        ),
    )
}

pub fn no_round(id: &str) -> Reply {
    Reply::message(
        404,
        Bilingual::new("Không có đợt bầu này", "No such round"),
        Bilingual::new(
            format!("Không có đợt bầu “{id}” đọc được (bau-cu/{id}/dot-bau-cu.yaml)."),
            format!("There is no readable round “{id}” (bau-cu/{id}/dot-bau-cu.yaml)."),
        ),
    )
}

pub fn cannot_read(rel: &Path, e: &io::Error) -> Reply {
    Reply::message(
        500,
        Bilingual::new("Không đọc được tệp", "Cannot read the file"),
        Bilingual::new(
            format!("Không đọc được {}: {e}", rel.display()),
            format!("Cannot read {}: {e}", rel.display()),
        ),
    )
}

pub fn cannot_write(rel: &Path, e: &io::Error) -> Reply {
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
pub fn forms_list(site: &Site) -> String {
    let link = |address: String, text: Bilingual| {
        format!(
            "<li><a href=\"{}\">{}</a></li>",
            escape(&address),
            both(&text)
        )
    };
    let mut items = link(
        CONFIG_PATH.to_string(),
        Bilingual::new(
            "Thông tin cổng: tên, cơ quan, ngôn ngữ, giới thiệu",
            "The site: name, authority, languages, introduction",
        ),
    );
    for commune in &site.communes {
        items.push_str(&link(
            format!("{COMMUNE_PATH}?ma={}", urls::encode(&commune.id)),
            Bilingual::new(
                format!("{}: thôn, tổ dân phố", commune.data.ten),
                format!("{}: villages and neighbourhoods", commune.data.ten),
            ),
        ));
        items.push_str(&link(
            format!("{ROUND_PATH}?don_vi={}", urls::encode(&commune.id)),
            Bilingual::new(
                format!("Tạo đợt bầu cử mới cho {}", commune.data.ten),
                format!("Create a new election round for {}", commune.data.ten),
            ),
        ));
    }
    for round in &site.rounds {
        let id = urls::encode(&round.id);
        items.push_str(&link(
            format!("{ROUND_PATH}?dot={id}"),
            Bilingual::new(
                format!(
                    "Đợt bầu cử {}: trạng thái, các bước, các cuộc bầu",
                    round.id
                ),
                format!("Round {}: status, steps, contests", round.id),
            ),
        ));
        if round.contest_ids().is_empty() {
            continue;
        }
        items.push_str(&link(
            format!("{RESULTS_PATH}?dot={id}"),
            Bilingual::new(
                format!("Kết quả kiểm phiếu đợt {}", round.id),
                format!("Results of round {}", round.id),
            ),
        ));
        items.push_str(&link(
            format!("{CANDIDATE_PATH}?dot={id}"),
            Bilingual::new(
                format!("Thêm ứng cử viên vào đợt {}", round.id),
                format!("Add a candidate to round {}", round.id),
            ),
        ));
    }
    items.push_str(&link(
        DOCUMENT_PATH.to_string(),
        Bilingual::new("Thêm văn bản", "Add a document"),
    ));
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
