//! Minifying what the build writes. Pages lose the indentation and blank lines of the templates:
//! every run of white space that holds a line break becomes one line break, which a browser
//! renders exactly as it rendered the run (white space collapses to one space everywhere but in
//! the elements that keep it as written, `<pre>`, `<textarea>`, `<script>` and `<style>`, which
//! are copied unchanged, as are quoted attribute values). Nothing else is rewritten, so a page's
//! markup is the templates' own, still readable in "view source", and valid when they are.
//!
//! A full HTML minifier (minify-html, used before) took about a quarter of a national build's CPU
//! time to save another 5% of the pages' bytes (2% once compressed, as web servers send them); see
//! `benches/national.sh`. Stylesheets, one per site, still go through it.

/// Elements whose content keeps its white space as written, or is not HTML at all.
const VERBATIM: [&[u8]; 4] = [b"pre", b"textarea", b"script", b"style"];

/// The page with each run of white space that holds a line break made one line break, outside
/// the elements whose content is kept as written and outside quoted attribute values.
pub fn html(page: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(page.len());
    let mut i = 0;
    while i < page.len() {
        // text is copied whole up to the next tag or line break: only a line break's run of
        // white space changes outside tags
        let Some(at) = memchr::memchr2(b'<', b'\n', &page[i..]).map(|n| i + n) else {
            out.extend_from_slice(&page[i..]);
            break;
        };
        if page[at] == b'\n' {
            let before = page[i..at]
                .iter()
                .rposition(|b| !b.is_ascii_whitespace())
                .map_or(i, |n| i + n + 1);
            out.extend_from_slice(&page[i..before]);
            out.push(b'\n');
            i = at + 1;
            while i < page.len() && page[i].is_ascii_whitespace() {
                i += 1;
            }
            continue;
        }
        out.extend_from_slice(&page[i..at]);
        let end = if page[at..].starts_with(b"<!--") {
            find(page, at + 4, b"-->").map_or(page.len(), |end| end + 3)
        } else if let Some(name) = verbatim_at(&page[at + 1..]) {
            closing_tag(page, tag_end(page, at), name)
        } else {
            tag_end(page, at)
        };
        copy_tag(&page[at..end], &mut out);
        i = end;
    }
    out
}

/// Appends a run of white space: one line break for a run that holds one, else as it is.
fn collapse(run: &[u8], out: &mut Vec<u8>) {
    if run.contains(&b'\n') {
        out.push(b'\n');
    } else {
        out.extend_from_slice(run);
    }
}

/// Copies a tag, collapsing the white space between its attributes but not inside quoted
/// values. Comments and verbatim elements have no white space outside quotes that this could
/// touch wrongly: a comment is copied as it is, and so is everything after a verbatim element's
/// start tag.
fn copy_tag(tag: &[u8], out: &mut Vec<u8>) {
    // only a run of white space with a line break changes: a tag without one is copied whole
    if tag.starts_with(b"<!--") || memchr::memchr(b'\n', tag).is_none() {
        out.extend_from_slice(tag);
        return;
    }
    let mut i = 0;
    while i < tag.len() {
        let b = tag[i];
        match b {
            b'"' | b'\'' => {
                // a quoted value, copied whole with its quotes
                let end = memchr::memchr(b, &tag[i + 1..]).map_or(tag.len(), |n| i + n + 2);
                out.extend_from_slice(&tag[i..end]);
                i = end;
                continue;
            }
            b'>' => {
                // the start tag of a verbatim element ends here: the rest is its content
                out.extend_from_slice(&tag[i..]);
                return;
            }
            b if b.is_ascii_whitespace() => {
                let start = i;
                while i + 1 < tag.len() && tag[i + 1].is_ascii_whitespace() {
                    i += 1;
                }
                collapse(&tag[start..=i], out);
            }
            b => out.push(b),
        }
        i += 1;
    }
}

/// The name of the verbatim element whose start tag begins `rest` (what follows `<`), if any.
fn verbatim_at(rest: &[u8]) -> Option<&'static [u8]> {
    VERBATIM
        .into_iter()
        .find(|name| rest.len() > name.len() && starts_with_name(rest, name))
}

/// Where the element `name` whose start tag ends at `from` ends: after its closing tag, or at
/// the end of the page when it has none.
fn closing_tag(page: &[u8], from: usize, name: &[u8]) -> usize {
    let mut at = from;
    while let Some(open) = find(page, at, b"</") {
        if starts_with_name(&page[open + 2..], name) {
            return tag_end(page, open);
        }
        at = open + 2;
    }
    page.len()
}

/// Whether `rest` begins with the tag name `name` (in any case) and not a longer name.
fn starts_with_name(rest: &[u8], name: &[u8]) -> bool {
    rest.len() >= name.len()
        && rest[..name.len()].eq_ignore_ascii_case(name)
        && rest
            .get(name.len())
            .is_none_or(|&b| matches!(b, b'>' | b'/') || b.is_ascii_whitespace())
}

/// Where the tag that starts at `start` ends: after its `>`, skipping quoted attribute values.
fn tag_end(page: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    while let Some(n) = memchr::memchr3(b'>', b'"', b'\'', &page[i.min(page.len())..]) {
        let at = i + n;
        if page[at] == b'>' {
            return at + 1;
        }
        match memchr::memchr(page[at], &page[at + 1..]) {
            Some(close) => i = at + 1 + close + 1,
            None => break,
        }
    }
    page.len()
}

fn find(haystack: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    haystack
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|at| from + at)
}

/// Minifies a stylesheet with the CSS minifier inside minify-html (lightningcss), which is reached
/// through a `<style>` element; should the result not come back as one, the stylesheet is kept.
pub fn css(css: &[u8]) -> Vec<u8> {
    let cfg = minify_html::Cfg {
        minify_css: true,
        ..minify_html::Cfg::default()
    };
    let mut page = b"<style>".to_vec();
    page.extend_from_slice(css);
    page.extend_from_slice(b"</style>");
    let out = minify_html::minify(&page, &cfg);
    out.strip_prefix(b"<style>")
        .and_then(|rest| rest.strip_suffix(b"</style>"))
        .map(<[u8]>::to_vec)
        .unwrap_or_else(|| css.to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn min(page: &str) -> String {
        String::from_utf8(html(page.as_bytes())).unwrap()
    }

    #[test]
    fn indentation_and_blank_lines_become_one_line_break() {
        assert_eq!(
            min("<ul>\n  <li>a</li>\n\n    <li>b</li>\n</ul>\n"),
            "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n"
        );
        assert_eq!(
            min("<p>a  b\t c</p>"),
            "<p>a  b\t c</p>",
            "no line break: kept"
        );
        assert_eq!(min("<p>a \n b</p>"), "<p>a\nb</p>");
    }

    #[test]
    fn what_keeps_its_white_space_is_copied_as_written() {
        let pre = "<pre class=\"x\">  a\n\n    b\n</pre>\n  <p>c</p>";
        assert_eq!(min(pre), "<pre class=\"x\">  a\n\n    b\n</pre>\n<p>c</p>");
        let script = "<SCRIPT>\n  if (a < b) {\n    x = '</p>';\n  }\n</Script >\n  x";
        assert_eq!(
            min(script),
            "<SCRIPT>\n  if (a < b) {\n    x = '</p>';\n  }\n</Script >\nx"
        );
        let area = "<textarea name=\"t\">\n  line\n</textarea>";
        assert_eq!(min(area), area);
        assert_eq!(
            min("<prefix>\n  a</prefix>"),
            "<prefix>\na</prefix>",
            "only whole names"
        );
        assert_eq!(
            min("<pre>a</prefix>\n  b</pre>"),
            "<pre>a</prefix>\n  b</pre>"
        );
        let comment = "<!-- a\n   > b -->\n  <p>";
        assert_eq!(min(comment), "<!-- a\n   > b -->\n<p>");
    }

    #[test]
    fn attribute_values_keep_their_white_space_and_the_gaps_between_them_collapse() {
        assert_eq!(
            min("<a\n    href=\"x\"\n    title=\"one\n   two > three\">t</a>"),
            "<a\nhref=\"x\"\ntitle=\"one\n   two > three\">t</a>"
        );
        assert_eq!(min("<a title='it\"s\n  x'>"), "<a title='it\"s\n  x'>");
    }

    #[test]
    fn an_unfinished_page_is_copied_to_its_end() {
        assert_eq!(min("<p title=\"open\n  "), "<p title=\"open\n  ");
        assert_eq!(min("<pre>\n  a"), "<pre>\n  a");
        assert_eq!(min("<!-- x\n  "), "<!-- x\n  ");
        assert_eq!(min(""), "");
    }

    #[test]
    fn text_outside_ascii_is_untouched() {
        assert_eq!(
            min("<p>Trưởng\u{a0}thôn\n   Đồng Kỵ</p>"),
            "<p>Trưởng\u{a0}thôn\nĐồng Kỵ</p>"
        );
    }

    #[test]
    fn stylesheets_are_minified() {
        let css = b"/* comment */\nbody {\n  color: #ff0000;\n}\n@media print { .nav { display: none; } }\n";
        let out = String::from_utf8(super::css(css)).unwrap();
        assert!(!out.contains("comment") && !out.contains('\n'), "{out}");
        assert!(
            out.contains("body{color:red}") || out.contains("body{color:#f00}"),
            "{out}"
        );
        assert!(out.contains("@media print"), "{out}");
    }
}
