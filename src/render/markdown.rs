//! Markdown to HTML for bios, documents and pages.
//!
//! Raw HTML in the text is shown as text, not passed through: staff paste from Word and web
//! pages, and the output must stay valid and safe. The page already has its `<h1>`, so the
//! text's highest heading becomes `<h2>` and the others follow (headings must not skip levels).

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};

pub fn to_html(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let top = Parser::new_ext(markdown, options)
        .filter_map(|e| match e {
            Event::Start(Tag::Heading { level, .. }) => Some(level as usize),
            _ => None,
        })
        .min()
        .unwrap_or(1);
    let demote = |level: HeadingLevel| shift(level, 2 - top as isize);
    // whether each open link is kept: a refused link keeps its text and loses its target
    let mut open_links: Vec<bool> = Vec::new();
    // HTML comments are staff notes: never published, even over several lines
    let mut in_comment = false;
    let events = Parser::new_ext(markdown, options).filter_map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => {
            let shown = strip_comments(&raw, &mut in_comment);
            (!shown.is_empty()).then(|| Event::Text(shown.into()))
        }
        Event::Start(Tag::Heading {
            level,
            id,
            classes,
            attrs,
        }) => Some(Event::Start(Tag::Heading {
            level: demote(level),
            id,
            classes,
            attrs,
        })),
        Event::End(TagEnd::Heading(level)) => Some(Event::End(TagEnd::Heading(demote(level)))),
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            let keep = is_allowed_target(&dest_url);
            open_links.push(keep);
            keep.then_some(Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }))
        }
        Event::End(TagEnd::Link) => open_links
            .pop()
            .unwrap_or(false)
            .then_some(Event::End(TagEnd::Link)),
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            let keep = is_external(&dest_url) && is_allowed_target(&dest_url);
            open_links.push(keep);
            keep.then_some(Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }))
        }
        Event::End(TagEnd::Image) => open_links
            .pop()
            .unwrap_or(false)
            .then_some(Event::End(TagEnd::Link)),
        other => Some(other),
    });
    let mut out = String::new();
    html::push_html(&mut out, events);
    out
}

/// Raw HTML without its comments (`<!-- … -->`), which may span several events: `in_comment`
/// carries the state from one to the next. An unclosed comment runs to the end of the text.
fn strip_comments(raw: &str, in_comment: &mut bool) -> String {
    let mut shown = String::new();
    let mut rest = raw;
    loop {
        if *in_comment {
            match rest.find("-->") {
                Some(end) => {
                    rest = &rest[end + 3..];
                    *in_comment = false;
                }
                None => return shown,
            }
        } else {
            match rest.find("<!--") {
                Some(start) => {
                    shown.push_str(&rest[..start]);
                    rest = &rest[start + 4..];
                    *in_comment = true;
                }
                None => {
                    shown.push_str(rest);
                    return shown;
                }
            }
        }
    }
}

/// The text a reader will see, as chunks with the byte offset where each is written in the
/// source. Each block (paragraph, list item, heading, table cell) ends with a `\n` chunk. This is
/// what checks for personal data read, so that no formatting or comment can hide a number.
pub fn shown_text(markdown: &str) -> Vec<(usize, String)> {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut in_comment = false;
    let mut chunks = Vec::new();
    for (event, range) in Parser::new_ext(markdown, options).into_offset_iter() {
        match event {
            Event::Text(t) | Event::Code(t) => chunks.push((range.start, t.to_string())),
            Event::Html(raw) | Event::InlineHtml(raw) => {
                chunks.push((range.start, strip_comments(&raw, &mut in_comment)));
            }
            Event::SoftBreak | Event::HardBreak => chunks.push((range.start, " ".to_string())),
            Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::TableCell,
            ) => {
                chunks.push((range.start, "\n".to_string()));
            }
            _ => {}
        }
    }
    chunks
}

/// How deeply the text nests (lists in lists, quotes in quotes). Deep nesting serves no
/// document and would exhaust the stack of the HTML minifier, so it is refused.
pub fn depth(markdown: &str) -> usize {
    let mut depth = 0usize;
    let mut deepest = 0usize;
    for event in Parser::new_ext(
        markdown,
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
    ) {
        match event {
            Event::Start(_) => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

/// Link targets that work from any page of a static site: web and mail addresses, phone numbers
/// and anchors. A relative target would point at a file that is never published, and other
/// schemes (`javascript:`, `data:`) are unsafe.
pub fn is_allowed_target(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    ["http://", "https://", "mailto:", "tel:", "#"]
        .iter()
        .any(|prefix| lower.starts_with(prefix))
}

/// Targets of links and images that `to_html` refuses, with the byte offset where each is written.
pub fn refused_targets(markdown: &str) -> Vec<(usize, String)> {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    Parser::new_ext(markdown, options)
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            Event::Start(Tag::Link { dest_url, .. }) if !is_allowed_target(&dest_url) => {
                Some((range.start, dest_url.to_string()))
            }
            Event::Start(Tag::Image { dest_url, .. })
                if !(is_external(&dest_url) && is_allowed_target(&dest_url)) =>
            {
                Some((range.start, dest_url.to_string()))
            }
            _ => None,
        })
        .collect()
}

/// External images would load from another server; they become plain links.
fn is_external(url: &CowStr) -> bool {
    url.contains("://") || url.starts_with("//")
}

fn shift(level: HeadingLevel, by: isize) -> HeadingLevel {
    match (level as isize + by).clamp(2, 6) {
        2 => HeadingLevel::H2,
        3 => HeadingLevel::H3,
        4 => HeadingLevel::H4,
        5 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_tasks_and_bold_render() {
        let html = to_html("1. Các khu phố **hoàn thành trong tháng 10/2024**.\n2. Việc bầu cử\n");
        assert!(html.contains("<ol>"));
        assert!(html.contains("<strong>hoàn thành trong tháng 10/2024</strong>"));
    }

    #[test]
    fn raw_html_is_escaped_and_headings_demoted() {
        let html = to_html("# Tiêu đề\n\n<script>alert(1)</script>\n\nA <b>b</b>");
        assert!(html.contains("<h2>Tiêu đề</h2>"));
        assert!(!html.contains("<script>"));
        assert!(html.contains("&lt;script&gt;"));
        assert!(!html.contains("<b>"));
    }

    #[test]
    fn the_highest_heading_becomes_h2() {
        let html = to_html("## Một\n\n### Hai\n");
        assert!(
            html.contains("<h2>Một</h2>") && html.contains("<h3>Hai</h3>"),
            "{html}"
        );
    }

    #[test]
    fn unsafe_and_relative_targets_lose_their_link_but_keep_their_text() {
        let md = "[Xem](javascript:alert(1)) <javascript:alert(2)> [mẫu](mau.pdf) ![sơ đồ](so-do.png) [web](https://a.vn)";
        let html = to_html(md);
        assert!(
            !html.contains("javascript") || !html.contains("href=\"javascript"),
            "{html}"
        );
        assert!(
            !html.contains("mau.pdf") && !html.contains("so-do.png"),
            "{html}"
        );
        assert!(html.contains("Xem") && html.contains("mẫu"), "{html}");
        assert!(html.contains("<a href=\"https://a.vn\">web</a>"), "{html}");
        let refused: Vec<String> = refused_targets(md)
            .into_iter()
            .map(|(_, url)| url)
            .collect();
        assert_eq!(
            refused,
            [
                "javascript:alert(1)",
                "javascript:alert(2)",
                "mau.pdf",
                "so-do.png"
            ]
        );
    }

    #[test]
    fn comments_are_cut_out_of_html_and_the_rest_is_kept() {
        let html =
            to_html("<div>Công khai <!-- GHICHU1 --></div>\n\n<!-- GHICHU2 --> Đoạn HIENTHI1.");
        assert!(!html.contains("GHICHU"), "{html}");
        assert!(
            html.contains("Công khai") && html.contains("HIENTHI1"),
            "{html}"
        );
    }

    #[test]
    fn shown_text_is_what_the_reader_sees() {
        let text: String = shown_text("CCCD 001085<!-- x -->012345 và 0912 **345** 678")
            .into_iter()
            .map(|(_, t)| t)
            .collect();
        assert!(text.contains("001085012345"), "{text}");
        assert!(text.contains("0912 345 678"), "{text}");
    }

    #[test]
    fn nesting_depth_is_measured() {
        assert_eq!(depth("Một đoạn."), 1);
        assert!(depth(&format!("{}y", "- ".repeat(50))) >= 50);
    }

    #[test]
    fn html_comments_are_not_published() {
        let html = to_html(
            "Ông A.\n\n<!-- ghi chú nội bộ: nhà số 12 -->\n\nBà B <!-- nữa --> C\n\n<!-- dòng 1\ndòng 2\n-->\n\nHết.",
        );
        assert!(
            !html.contains("ghi chú") && !html.contains("nữa") && !html.contains("dòng"),
            "{html}"
        );
        assert!(html.contains("Hết."), "{html}");
    }

    #[test]
    fn external_images_become_links() {
        let html = to_html("![ảnh](https://example.org/a.jpg)");
        assert!(!html.contains("<img"));
        assert!(html.contains("<a href=\"https://example.org/a.jpg\">"));
    }
}
