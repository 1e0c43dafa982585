//! The interface strings written into a language's page templates before they are compiled: a
//! plain `{{ t.key }}` becomes the string itself, escaped as Tera would have escaped it. Every
//! page shows dozens of them (labels, navigation, footer), and Tera looks each one up in the map
//! of several hundred strings again on every page; a national build spent a tenth of its time
//! there. What the page shows is unchanged: the same string, escaped the same way.
//!
//! Only what is certainly the theme's string is written in: a `.html` template (the templates
//! Tera escapes) that never binds a name `t` of its own (`set`, `for`, a macro's argument) and
//! has no `raw` block, and a string with no `{` (which could start a tag) and no line break
//! (which would move the lines Tera's errors point to). Anything else is left to Tera, as are
//! strings passed through filters.

use super::i18n::Strings;
use std::borrow::Cow;

/// `text`, the template `name`, with each plain `{{ t.key }}` whose string may be written in
/// replaced by it, HTML-escaped.
pub fn inline<'a>(name: &str, text: &'a str, strings: &Strings) -> Cow<'a, str> {
    if !name.ends_with(".html") || text.contains("{% raw") || binds_t(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("{{") {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        match plain_lookup(tail).and_then(|(key, len)| Some((strings.get(key)?, len))) {
            Some((value, len)) if !value.contains(['{', '\n', '\r']) => {
                out.push_str(&super::xml::escape_html(value));
                rest = &tail[len..];
            }
            _ => {
                out.push_str("{{");
                rest = &tail[2..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The key of a plain `{{ t.key }}` at the start of `tail`, and how long that expression is.
fn plain_lookup(tail: &str) -> Option<(&str, usize)> {
    let inner = tail.strip_prefix("{{")?;
    let after_space = inner.trim_start_matches(' ');
    let key_start = after_space.strip_prefix("t.")?;
    let key_len = key_start
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(key_start.len());
    let key = &key_start[..key_len];
    let close = key_start[key_len..]
        .trim_start_matches(' ')
        .strip_prefix("}}")?;
    if key.is_empty() {
        return None;
    }
    Some((key, tail.len() - close.len()))
}

/// Whether a tag of `text` may bind the name `t` (a `set`, a `for` loop, a macro's argument):
/// any `t` in a `{% … %}` tag that is not `t.` or `t[` counts, so that a template that could
/// shadow the strings is never changed.
fn binds_t(text: &str) -> bool {
    let mut rest = text;
    while let Some(open) = rest.find("{%") {
        let tag = &rest[open + 2..];
        let end = tag.find("%}").unwrap_or(tag.len());
        let tag = &tag[..end];
        let bytes = tag.as_bytes();
        for (i, &b) in bytes.iter().enumerate() {
            let word_start = i == 0 || !is_name_byte(bytes[i - 1]);
            let word_end = bytes.get(i + 1).is_none_or(|&n| !is_name_byte(n));
            if b == b't' && word_start && word_end && !matches!(bytes.get(i + 1), Some(b'.' | b'['))
            {
                return true;
            }
        }
        rest = &rest[open + 2 + end..];
    }
    false
}

fn is_name_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings() -> Strings {
        [
            ("nav_home", "Trang chủ"),
            ("quoted", "A & <B> \"c\""),
            ("braces", "{{ x }}"),
            ("lines", "one\ntwo"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
    }

    #[test]
    fn plain_lookups_become_the_escaped_string() {
        let text = "<a title=\"{{t.quoted}}\">{{ t.nav_home }}</a>{{  t.nav_home  }}";
        assert_eq!(
            inline("base.html", text, &strings()),
            "<a title=\"A &amp; &lt;B&gt; &quot;c&quot;\">Trang chủ</a>Trang chủ"
        );
    }

    #[test]
    fn what_tera_must_still_do_is_left_to_it() {
        let kept = [
            "{{ t.nav_home | upper }}",
            "{{ t.missing }}",
            "{{ t.braces }}",
            "{{ t.lines }}",
            "{{ t }}",
            "{{ t. }}",
            "{{ site.name }}",
            "{{ t.nav_home",
            "{% if t.nav_home %}x{% endif %}",
        ];
        for text in kept {
            assert_eq!(inline("page.html", text, &strings()), text, "{text}");
        }
        let plain = "{{ t.nav_home }}";
        assert_eq!(inline("feed.xml", plain, &strings()), plain);
        for binding in [
            "{% set t = site %}",
            "{% for t in list %}{% endfor %}",
            "{% for k, t in map %}{% endfor %}",
            "{% macro m(t) %}{% endmacro m %}",
            "{% raw %}{% endraw %}",
        ] {
            let text = format!("{binding}{plain}");
            assert_eq!(inline("page.html", &text, &strings()), text, "{binding}");
        }
        let reading = format!("{{% if t.nav_home and t[\"x\"] %}}{{% endif %}}{plain}");
        assert!(inline("page.html", &reading, &strings()).ends_with("}Trang chủ"));
    }
}
