//! Text inside markup (feeds, the sitemap, SVG charts, HTML pages): the five special characters
//! escaped, the characters XML 1.0 forbids dropped (the loader refuses them, so this only guards
//! against text from elsewhere, such as a theme), and other control characters turned into
//! spaces, which HTML forbids as well.

use crate::model::text::is_xml_char;

/// Escapes text for XML content and attribute values.
pub fn escape(text: &str) -> String {
    escape_with(text, "&apos;")
}

/// Escapes text for HTML content and quoted attribute values: as for XML, with `&#39;` for the
/// apostrophe, which HTML 4 readers know and `&apos;` they do not. It is what templates escape
/// with; unlike Tera's own escaping it leaves `/` alone, which needs no escaping there and made
/// every relative link six bytes longer per level.
pub fn escape_html(text: &str) -> String {
    escape_with(text, "&#39;")
}

fn escape_with(text: &str, apostrophe: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut rest = text;
    // most text has nothing or little to escape: the runs between bytes that may need it are
    // copied at once
    while let Some(at) = rest.bytes().position(needs_care) {
        let (plain, special) = rest.split_at(at);
        out.push_str(plain);
        let mut chars = special.chars();
        match chars.next().unwrap_or_default() {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str(apostrophe),
            c if !is_xml_char(c) => {}
            c if c.is_control() && !matches!(c, '\n' | '\t') => out.push(' '),
            c => out.push(c),
        }
        rest = chars.as_str();
    }
    out.push_str(rest);
    out
}

/// Whether a byte may start a character that [`escape_with`] changes: the five special
/// characters, ASCII controls but newline and tab, and the lead bytes of C1 controls (U+0080 to
/// U+009F) and of U+FFFE and U+FFFF. Every such byte starts a character, so the text before it
/// ends on a character boundary.
fn needs_care(b: u8) -> bool {
    NEEDS_CARE[usize::from(b)]
}

/// [`needs_care`] for every byte, looked up rather than compared: pages escape every value
/// they show.
const NEEDS_CARE: [bool; 256] = {
    let mut care = [false; 256];
    let mut b = 0;
    while b < care.len() {
        care[b] = matches!(
            b as u8,
            b'&' | b'<' | b'>' | b'"' | b'\'' | 0x7f | 0xc2 | 0xef
        ) || (b < 0x20 && b != 0x0a && b != 0x09);
        b += 1;
    }
    care
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_for_xml() {
        assert_eq!(
            escape("Tin <mới> & \"nóng\" 'x'\r"),
            "Tin &lt;mới&gt; &amp; &quot;nóng&quot; &apos;x&apos; "
        );
    }

    #[test]
    fn text_is_escaped_for_html_without_touching_slashes() {
        assert_eq!(
            escape_html("../a/b.html?x=1&y='2'\u{1}"),
            "../a/b.html?x=1&amp;y=&#39;2&#39;"
        );
    }

    #[test]
    fn characters_xml_forbids_are_dropped() {
        assert_eq!(escape("a\u{FFFE}b\u{FFFF}c\0d\u{1}e\u{1F}f"), "abcdef");
        assert_eq!(escape("dòng 1\ndòng\t2\u{85}"), "dòng 1\ndòng\t2 ");
        // after plain text, and with characters that share those lead bytes and stay
        assert_eq!(escape("Ấp «7»\u{7f}"), "Ấp «7» ");
        assert_eq!(escape("x\u{FFFD}\u{FFFE}"), "x\u{FFFD}");
        assert_eq!(escape("&&ằ\u{A0}<"), "&amp;&amp;ằ\u{A0}&lt;");
        assert_eq!(escape(""), "");
    }
}
