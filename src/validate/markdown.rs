//! Markdown written in content: links must point at web or mail addresses (a relative target
//! names a file that is never published; `javascript:` is unsafe), comments must be closed (or
//! the reader would see them), nesting must stay shallow; and a document's source must be a web
//! address.

use super::Ctx;
use super::memo::Texts;
use crate::diagnostics::Bilingual;
use crate::load::CONFIG_FILE;
use crate::model::Site;
use crate::render::markdown::{depth, is_allowed_target, refused_targets};
use std::path::Path;

pub(super) fn check(site: &Site, ctx: &mut Ctx, memo: &Texts<(), Found>) {
    let texts = texts(site, ctx);
    // each text is read on its own: in parallel, then reported in the texts' order. A text read
    // at the last check is not read again
    let found = memo.find_all(&texts, |t| ((), t.text), |t| scan(t.text));
    for (text, found) in texts.iter().zip(found) {
        report(ctx, text, found);
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

/// A Markdown text of the site and where it is written.
struct Text<'a> {
    file: &'a Path,
    origin: Origin,
    text: &'a str,
}

/// Every Markdown text of the site, in the order of its files.
fn texts<'a>(site: &'a Site, ctx: &Ctx) -> Vec<Text<'a>> {
    let config = Path::new(CONFIG_FILE);
    let mut texts = Vec::new();
    let field = |texts: &mut Vec<Text<'a>>, file: &'a Path, key: &str, text: &'a Option<String>| {
        if let Some(text) = text {
            let line = ctx.line(file, key, None, 1).unwrap_or(1);
            let origin = Origin::YamlField(line);
            texts.push(Text { file, origin, text });
        }
    };
    let body = |texts: &mut Vec<Text<'a>>, file: &'a Path, line: usize, text: &'a str| {
        let origin = Origin::Body(line);
        texts.push(Text { file, origin, text });
    };
    field(&mut texts, config, "gioi_thieu", &site.config.gioi_thieu);
    for round in &site.rounds {
        field(
            &mut texts,
            &round.file,
            "gioi_thieu",
            &round.data.gioi_thieu,
        );
        field(
            &mut texts,
            &round.file,
            "gioi_thieu_en",
            &round.data.gioi_thieu_en,
        );
        for cand in &round.candidates {
            body(&mut texts, &cand.file, cand.body_line, &cand.bio);
            for t in &cand.translations {
                body(&mut texts, &t.file, t.body_line, &t.body);
            }
        }
    }
    for doc in &site.documents {
        body(&mut texts, &doc.file, doc.body_line, &doc.body);
        for t in &doc.translations {
            body(&mut texts, &t.file, t.body_line, &t.body);
        }
    }
    for page in &site.pages {
        body(&mut texts, &page.file, page.body_line, &page.body);
        for t in &page.translations {
            body(&mut texts, &t.file, t.body_line, &t.body);
        }
    }
    field(
        &mut texts,
        config,
        "gioi_thieu_en",
        &site.config.gioi_thieu_en,
    );
    texts
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

/// Reports what was found in `text`.
fn report(ctx: &mut Ctx, text: &Text, found: Found) {
    let Text { file, origin, text } = *text;
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
