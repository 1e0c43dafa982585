//! Markdown written in content: links must point at web or mail addresses (a relative target
//! names a file that is never published; `javascript:` is unsafe), comments must be closed (or
//! the reader would see them), nesting must stay shallow; and a document's source must be a web
//! address.

use super::Ctx;
use crate::diagnostics::Bilingual;
use crate::load::CONFIG_FILE;
use crate::model::Site;
use crate::render::markdown::{depth, is_allowed_target, refused_targets};
use std::path::Path;

pub(super) fn check(site: &Site, ctx: &mut Ctx) {
    let config = Path::new(CONFIG_FILE);
    if let Some(text) = &site.config.gioi_thieu {
        let start = ctx.line(config, "gioi_thieu", None, 1).map_or(1, |l| l + 1);
        markdown(ctx, config, start, text);
    }
    for round in &site.rounds {
        if let Some(text) = &round.data.gioi_thieu {
            let start = ctx
                .line(&round.file, "gioi_thieu", None, 1)
                .map_or(1, |l| l + 1);
            markdown(ctx, &round.file, start, text);
        }
        for cand in &round.candidates {
            markdown(ctx, &cand.file, cand.body_line, &cand.bio);
        }
    }
    for doc in &site.documents {
        markdown(ctx, &doc.file, doc.body_line, &doc.body);
        if let Some(url) = doc.data.nguon.as_ref().and_then(|s| s.url.as_deref())
            && !(is_allowed_target(url) && url.to_ascii_lowercase().starts_with("http"))
        {
            ctx.error(
                &doc.file,
                ctx.line(&doc.file, "url", None, 1),
                "url",
                Bilingual::new(
                    format!("Địa chỉ nguồn “{url}” không phải địa chỉ web."),
                    format!("The source address “{url}” is not a web address."),
                ),
                Bilingual::new(
                    "Ghi địa chỉ đầy đủ bắt đầu bằng https:// hoặc http://, hoặc bỏ trường url.",
                    "Write the full address starting with https:// or http://, or leave url out.",
                ),
            );
        }
    }
    for page in &site.pages {
        markdown(ctx, &page.file, page.body_line, &page.body);
    }
}

/// Lists in lists deeper than this serve no document.
const MAX_DEPTH: usize = 40;

/// `text` is Markdown whose first line is line `first_line` of `file`.
fn markdown(ctx: &mut Ctx, file: &Path, first_line: usize, text: &str) {
    let line_at = |offset: usize| first_line + text[..offset].matches('\n').count();
    if depth(text) > MAX_DEPTH {
        ctx.error(
            file,
            Some(first_line),
            "",
            Bilingual::new(
                format!("Nội dung lồng nhau quá {MAX_DEPTH} cấp (danh sách trong danh sách…)."),
                format!("The text nests more than {MAX_DEPTH} levels deep (lists within lists…)."),
            ),
            Bilingual::new(
                "Viết lại thành các đoạn và danh sách đơn giản.",
                "Rewrite it as plain paragraphs and lists.",
            ),
        );
        return;
    }
    if let Some(offset) = text.rfind("<!--").filter(|&i| !text[i..].contains("-->")) {
        ctx.error(
            file,
            Some(line_at(offset)),
            "",
            Bilingual::new(
                "Ghi chú mở bằng `<!--` nhưng không đóng bằng `-->`, nên người đọc sẽ thấy nó.",
                "A note opens with `<!--` but is never closed with `-->`, so readers would see it.",
            ),
            Bilingual::new(
                "Thêm `-->` ở cuối ghi chú.",
                "Add `-->` at the end of the note.",
            ),
        );
    }
    for (offset, target) in refused_targets(text) {
        ctx.error(
            file,
            Some(line_at(offset)),
            "",
            Bilingual::new(
                format!("Liên kết tới “{target}” không dùng được trên cổng: chỉ liên kết tới địa chỉ web (https://…) hoặc thư điện tử (mailto:…)."),
                format!("The link to “{target}” cannot work on the portal: link only to web addresses (https://…) or e-mail (mailto:…)."),
            ),
            Bilingual::new(
                "Tệp cần đăng kèm văn bản thì ghi trong `dinh_kem:`; ảnh ứng cử viên ghi trong `anh:`.",
                "Files to publish with a document go in `dinh_kem:`; a candidate's photo goes in `anh:`.",
            ),
        );
    }
}
