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
    let events = Parser::new_ext(markdown, options).map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
        Event::Start(Tag::Heading {
            level,
            id,
            classes,
            attrs,
        }) => Event::Start(Tag::Heading {
            level: demote(level),
            id,
            classes,
            attrs,
        }),
        Event::End(TagEnd::Heading(level)) => Event::End(TagEnd::Heading(demote(level))),
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) if is_external(&dest_url) => Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }),
        Event::End(TagEnd::Image) => Event::End(TagEnd::Link),
        other => other,
    });
    let mut out = String::new();
    html::push_html(&mut out, events);
    out
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
    fn external_images_become_links() {
        let html = to_html("![ảnh](https://example.org/a.jpg)");
        assert!(!html.contains("<img"));
        assert!(html.contains("<a href=\"https://example.org/a.jpg\">"));
    }
}
