//! Markdown written in content: links must point at web or mail addresses (a relative target
//! names a file that is never published; `javascript:` is unsafe), comments must be closed (or
//! the reader would see them), nesting must stay shallow; and a document's source must be a web
//! address.

use super::Ctx;
use super::memo::Units;
use super::published::{self, Form, Published};
use crate::diagnostics::Bilingual;
use crate::model::Site;
use crate::model::reassemble::Kept;
use crate::render::markdown::{depth, is_allowed_target, refused_targets};

/// What reading a part's Markdown texts found: each text with a problem, by its place among the
/// part's published texts.
pub(super) type InPart = Vec<(usize, Found)>;

pub(super) fn check(site: &Site, ctx: &mut Ctx, memo: &Units<InPart>, kept: &Kept) {
    let parts = published::parts(site);
    // each part is read on its own: in parallel, then reported in the site's order. A part the
    // preview's assembly took as it was is not read again
    let found = memo.find_all(&parts, kept, published::Part::unit, |part| {
        (part.texts().iter().enumerate())
            .filter(|(_, text)| is_markdown(text))
            .map(|(i, text)| (i, scan(text.text)))
            .filter(|(_, found)| !found.is_empty())
            .collect()
    });
    for (part, found) in parts.iter().zip(found) {
        if found.is_empty() {
            continue;
        }
        let texts = part.texts();
        for (i, found) in found {
            if let Some(text) = texts.get(i) {
                report(ctx, text, found);
            }
        }
    }
    for doc in &site.documents {
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
}

/// Whether the portal renders `text` as Markdown: a file's body, or a field written in it.
fn is_markdown(text: &Published) -> bool {
    matches!(text.form, Form::Markdown | Form::Body(_))
}

/// Lists in lists deeper than this serve no document.
const MAX_DEPTH: usize = 40;

/// What is wrong in a Markdown text, whoever wrote it where: found from the text alone.
#[derive(Debug, Clone, Default)]
pub(super) struct Found {
    /// Lists in lists deeper than [`MAX_DEPTH`]; nothing else is looked for then.
    too_deep: bool,
    /// Where a comment opens that never closes.
    unclosed_comment: Option<usize>,
    /// Link targets that cannot work on the portal, and where they are.
    refused: Vec<(usize, String)>,
}

impl Found {
    fn is_empty(&self) -> bool {
        !self.too_deep && self.unclosed_comment.is_none() && self.refused.is_empty()
    }
}

fn scan(text: &str) -> Found {
    if depth(text) > MAX_DEPTH {
        return Found {
            too_deep: true,
            ..Found::default()
        };
    }
    Found {
        too_deep: false,
        unclosed_comment: text.rfind("<!--").filter(|&i| !text[i..].contains("-->")),
        refused: refused_targets(text),
    }
}

/// Reports what was found in `published`, a Markdown text of the site.
fn report(ctx: &mut Ctx, published: &Published, found: Found) {
    let Published {
        file,
        field,
        text,
        form,
        ..
    } = *published;
    // a body is read from its first line on; a field from the line of its key, and as YAML may
    // fold a field's lines, a problem in it is found by its text
    let body = match form {
        Form::Body(first) => Some(first),
        _ => None,
    };
    let start = body.unwrap_or_else(|| ctx.line(file, field, None, 1).unwrap_or(1));
    // the line of the problem at `offset`, whose source text includes `needle`
    let line_at = |ctx: &Ctx, offset: usize, needle: &str| match body {
        Some(first) => Some(first + text[..offset].matches('\n').count()),
        None => (ctx.files.get(file))
            .and_then(|f| f.line_containing(needle, start))
            .or(Some(start)),
    };
    if found.too_deep {
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
    if let Some(offset) = found.unclosed_comment {
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
    for (offset, target) in found.refused {
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
