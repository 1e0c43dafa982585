//! Markdown to HTML for bios, documents and pages.
//!
//! Raw HTML in the text is shown as text, not passed through: staff paste from Word and web
//! pages, and the output must stay valid and safe. The page already has its `<h1>`, so the
//! text's highest heading becomes `<h2>` and the others follow (headings must not skip levels).

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};

pub fn to_html(markdown: &str) -> String {
    let markdown = &without_comments(markdown);
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
    let events = Parser::new_ext(markdown, options).filter_map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Some(Event::Text(raw)),
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
        // images become links to them; a refused target keeps its text and loses its link
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            let keep = is_kept(&dest_url, false);
            open_links.push(keep);
            keep.then_some(Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }))
        }
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            let keep = is_kept(&dest_url, true);
            open_links.push(keep);
            keep.then_some(Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }))
        }
        Event::End(TagEnd::Link | TagEnd::Image) => open_links
            .pop()
            .unwrap_or(false)
            .then_some(Event::End(TagEnd::Link)),
        other => Some(other),
    });
    let mut out = String::new();
    html::push_html(&mut out, events);
    out
}

/// The text without its HTML comments (`<!-- … -->`), which are staff notes: never published,
/// wherever they start and however many lines they span. An unclosed comment runs to the end.
/// The comments' line breaks are kept, so line numbers stay those of the source.
pub fn without_comments(markdown: &str) -> std::borrow::Cow<'_, str> {
    if !markdown.contains("<!--") {
        return markdown.into();
    }
    let mut out = String::with_capacity(markdown.len());
    let mut rest = markdown;
    while let Some(start) = rest.find("<!--") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 4..];
        let (comment, next) = match after.find("-->") {
            Some(end) => (&after[..end], &after[end + 3..]),
            None => (after, ""),
        };
        out.extend(std::iter::repeat_n('\n', comment.matches('\n').count()));
        rest = next;
    }
    out.push_str(rest);
    out.into()
}

/// The text a reader will see, as chunks with the byte offset where each is written in the
/// source. Each block (paragraph, list item, heading, table cell) ends with a `\n` chunk. This is
/// what checks for personal data read, so that no formatting or comment can hide a number.
pub fn shown_text(markdown: &str) -> Vec<(usize, String)> {
    let markdown = &without_comments(markdown);
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut chunks = Vec::new();
    for (event, range) in Parser::new_ext(markdown, options).into_offset_iter() {
        match event {
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                chunks.push((range.start, t.to_string()));
            }
            Event::SoftBreak | Event::HardBreak => chunks.push((range.start, " ".to_string())),
            // a link's target and title are published too, in the page's HTML
            Event::Start(
                Tag::Link {
                    dest_url, title, ..
                }
                | Tag::Image {
                    dest_url, title, ..
                },
            ) => {
                for part in [dest_url, title] {
                    chunks.push((range.start, part.to_string()));
                    chunks.push((range.start, "\n".to_string()));
                }
            }
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
    let markdown = &without_comments(markdown);
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

/// Link targets that work from any page of a static site: web and mail addresses and anchors
/// (no `tel:` links: a phone number in content is most likely personal). A relative target would point at a file that is never published, and other
/// schemes (`javascript:`, `data:`) are unsafe.
pub fn is_allowed_target(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    ["http://", "https://", "mailto:", "#"]
        .iter()
        .any(|prefix| lower.starts_with(prefix))
}

/// Targets of links and images that `to_html` refuses, with the byte offset where each is written.
pub fn refused_targets(markdown: &str) -> Vec<(usize, String)> {
    let markdown = &without_comments(markdown);
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    Parser::new_ext(markdown, options)
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            Event::Start(Tag::Link { dest_url, .. }) if !is_kept(&dest_url, false) => {
                Some((range.start, dest_url.to_string()))
            }
            Event::Start(Tag::Image { dest_url, .. }) if !is_kept(&dest_url, true) => {
                Some((range.start, dest_url.to_string()))
            }
            _ => None,
        })
        .collect()
}

/// Whether a link (or an image, shown as a link to it) keeps its target: an allowed target, and
/// for images one on the web, since local images are not published.
fn is_kept(url: &CowStr, image: bool) -> bool {
    is_allowed_target(url) && (!image || url.contains("://") || url.starts_with("//"))
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
    fn comments_are_removed_keeping_line_breaks() {
        assert_eq!(without_comments("a <!-- x\ny --> b\nc"), "a \n b\nc");
        assert_eq!(without_comments("a <!-- never closed\n\nb"), "a \n\n");
        assert_eq!(without_comments("no notes"), "no notes");
    }

    #[test]
    fn shown_text_includes_link_targets_and_titles() {
        let text: String = shown_text("[Hồ sơ](https://a.vn/?cccd=001085012345 \"0912345678\")")
            .into_iter()
            .map(|(_, t)| t)
            .collect();
        assert!(
            text.contains("001085012345") && text.contains("0912345678"),
            "{text}"
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
