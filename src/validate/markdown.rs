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
        let key = ctx.line(config, "gioi_thieu", None, 1).unwrap_or(1);
        markdown(ctx, config, Origin::YamlField(key), text);
    }
    for round in &site.rounds {
        if let Some(text) = &round.data.gioi_thieu {
            let key = ctx.line(&round.file, "gioi_thieu", None, 1).unwrap_or(1);
            markdown(ctx, &round.file, Origin::YamlField(key), text);
        }
        if let Some(text) = &round.data.gioi_thieu_en {
            let key = ctx.line(&round.file, "gioi_thieu_en", None, 1).unwrap_or(1);
            markdown(ctx, &round.file, Origin::YamlField(key), text);
        }
        for cand in &round.candidates {
            markdown(ctx, &cand.file, Origin::Body(cand.body_line), &cand.bio);
            for t in &cand.translations {
                markdown(ctx, &t.file, Origin::Body(t.body_line), &t.body);
            }
        }
    }
    for doc in &site.documents {
        markdown(ctx, &doc.file, Origin::Body(doc.body_line), &doc.body);
        for t in &doc.translations {
            markdown(ctx, &t.file, Origin::Body(t.body_line), &t.body);
        }
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
        markdown(ctx, &page.file, Origin::Body(page.body_line), &page.body);
        for t in &page.translations {
            markdown(ctx, &t.file, Origin::Body(t.body_line), &t.body);
        }
    }
    if let Some(text) = &site.config.gioi_thieu_en {
        let key = ctx.line(config, "gioi_thieu_en", None, 1).unwrap_or(1);
        markdown(ctx, config, Origin::YamlField(key), text);
    }
}

/// Lists in lists deeper than this serve no document.
const MAX_DEPTH: usize = 40;

/// Where a Markdown text is written in its file.
#[derive(Clone, Copy)]
enum Origin {
    /// The body of a Markdown file, from this line on.
    Body(usize),
    /// A YAML string whose key is on this line; YAML may fold its lines, so a problem is found
    /// by its text.
    YamlField(usize),
}

/// `text` is Markdown written in `file` at `origin`.
fn markdown(ctx: &mut Ctx, file: &Path, origin: Origin, text: &str) {
    // the line of the problem at `offset`, whose source text includes `needle`
    let line_at = |ctx: &Ctx, offset: usize, needle: &str| match origin {
        Origin::Body(first) => Some(first + text[..offset].matches('\n').count()),
        Origin::YamlField(key) => ctx
            .files
            .get(file)
            .and_then(|f| f.line_containing(needle, key))
            .or(Some(key)),
    };
    let start = match origin {
        Origin::Body(line) | Origin::YamlField(line) => line,
    };
    if depth(text) > MAX_DEPTH {
        ctx.error(
            file,
            Some(start),
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
            line_at(ctx, offset, "<!--"),
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
            line_at(ctx, offset, &target),
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
