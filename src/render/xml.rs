//! Text inside XML (feeds, the sitemap, SVG charts): the five special characters escaped, the
//! characters XML 1.0 forbids dropped (the loader refuses them, so this only guards against text
//! from elsewhere, such as a theme), and other control characters turned into spaces.

use crate::model::text::is_xml_char;

/// Escapes text for XML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if !is_xml_char(c) => {}
            c if c.is_control() && !matches!(c, '\n' | '\t') => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

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
    fn characters_xml_forbids_are_dropped() {
        assert_eq!(escape("a\u{FFFE}b\u{FFFF}c\0d\u{1}e\u{1F}f"), "abcdef");
        assert_eq!(escape("dòng 1\ndòng\t2\u{85}"), "dòng 1\ndòng\t2 ");
    }
}
