//! Text inside XML (feeds, the sitemap, SVG charts): the five special characters escaped, and
//! control characters, which XML 1.0 forbids, turned into spaces.

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
            escape("Tin <mới> & \"nóng\" 'x'\u{1}"),
            "Tin &lt;mới&gt; &amp; &quot;nóng&quot; &apos;x&apos; "
        );
    }
}
