//! What the preview adds to the pages it serves, and only there: `build` never writes any of it.
//! A script that listens to the event stream (reload on a new build, show the overlay on a failed
//! one), a "Sửa / Edit" link to the form of the page's file, and the overlay itself when the last
//! build failed.

use super::edit::EDIT_PATH;
use super::edit::page::escape;
use super::http::{EVENTS_PATH, SCRIPT_PATH};
use super::live::Snapshot;
use crate::render::urls;

/// The id of the overlay that shows a build error over the last good page.
pub const OVERLAY_ID: &str = "niemyet-overlay";

/// The font stack of the default theme's `style.css`: a monospace font places Vietnamese
/// diacritics wrongly (“lôĩ” for “lỗi”), and these system fonts all carry them.
pub const SITE_FONTS: &str = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', \
    'Helvetica Neue', Arial, sans-serif";

/// The overlay's colours: opaque, so the page under it does not show through the message, with
/// a contrast of about 17:1 (WCAG asks for 4.5:1).
const OVERLAY_BACKGROUND: &str = "#1a1a1a";
const OVERLAY_TEXT: &str = "#ffffff";

/// The overlay's inline style. Single quotes only: it sits in a double-quoted attribute and a
/// double-quoted script string.
fn overlay_style() -> String {
    format!(
        "position:fixed;inset:0;z-index:2147483647;overflow:auto;margin:0;padding:1.5rem;\
         background:{OVERLAY_BACKGROUND};color:{OVERLAY_TEXT};font-family:{SITE_FONTS};\
         font-size:15px;line-height:1.6;white-space:pre-wrap"
    )
}

/// Served when a page does not exist and the site has no `404.html` (before the first good
/// build, for one): a page that still reloads itself once the site is there.
pub const NOT_FOUND: &str = "<!doctype html><html lang=vi><head><meta charset=utf-8>\
    <title>Không tìm thấy / Not found</title></head><body>\
    <p>Không tìm thấy trang này. / This page does not exist.</p></body></html>";

/// The reload script: `reload` reloads the page, `failed` shows the error over it.
pub fn script() -> String {
    format!(
        r#"(function () {{
  var me = document.currentScript;
  var since = me ? me.getAttribute("data-generation") : "";
  var source = new EventSource("{EVENTS_PATH}?since=" + since);
  source.addEventListener("reload", function () {{ location.reload(); }});
  source.addEventListener("failed", function (event) {{
    var box = document.getElementById("{OVERLAY_ID}");
    if (!box) {{
      box = document.createElement("pre");
      box.id = "{OVERLAY_ID}";
      box.setAttribute("style", "{style}");
      document.body.appendChild(box);
    }}
    box.textContent = event.data;
  }});
}})();
"#,
        style = overlay_style()
    )
}

/// The id of the link from a page to the form of its file.
pub const EDIT_LINK_ID: &str = "niemyet-sua";

/// The edit link's inline style: fixed at the bottom corner, above the page, a large target with
/// the overlay's colours.
fn edit_link_style() -> String {
    format!(
        "position:fixed;right:.75rem;bottom:.75rem;z-index:2147483646;padding:.6rem 1rem;\
         background:{OVERLAY_BACKGROUND};color:{OVERLAY_TEXT};font-family:{SITE_FONTS};\
         font-size:16px;font-weight:600;border:2px solid {OVERLAY_TEXT};border-radius:4px"
    )
}

/// The page served at `path` with the edit link and the script (and the overlay when the last
/// build failed) before `</body>`, or at the end when there is none.
pub fn into_page(html: &[u8], snapshot: &Snapshot, path: &str) -> Vec<u8> {
    let mut extra = String::new();
    if let Some(error) = &snapshot.error {
        extra.push_str(&format!(
            "<pre id=\"{OVERLAY_ID}\" style=\"{}\">{}</pre>",
            overlay_style(),
            escape(error)
        ));
    }
    extra.push_str(&format!(
        "<a id=\"{EDIT_LINK_ID}\" href=\"{EDIT_PATH}?trang={}\" style=\"{}\">Sửa <span lang=\"en\">/ Edit</span></a>",
        escape(&urls::encode(path)),
        edit_link_style()
    ));
    extra.push_str(&format!(
        "<script src=\"{SCRIPT_PATH}\" data-generation=\"{}\"></script>",
        snapshot.generation
    ));
    let at = html
        .windows(7)
        .rposition(|w| w.eq_ignore_ascii_case(b"</body>"))
        .unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + extra.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(extra.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snapshot(error: Option<&str>) -> Snapshot {
        Snapshot {
            site: "x".into(),
            generation: 7,
            error: error.map(str::to_string),
            version: 9,
            stopping: false,
        }
    }

    #[test]
    fn the_script_goes_before_the_end_of_the_body() {
        let page = into_page(
            b"<html><body><p>A</p></body></html>",
            &snapshot(None),
            "/bau-cu/x/",
        );
        let page = String::from_utf8(page).unwrap();
        let link = format!(
            "<a id=\"niemyet-sua\" href=\"/__niemyet/sua?trang=/bau-cu/x/\" style=\"{}\">\
             Sửa <span lang=\"en\">/ Edit</span></a>",
            edit_link_style()
        );
        assert_eq!(
            page,
            format!(
                "<html><body><p>A</p>{link}<script src=\"/__niemyet/reload.js\" \
                 data-generation=\"7\"></script></body></html>"
            )
        );
    }

    /// The value of `property` in an inline style.
    fn style_value<'s>(style: &'s str, property: &str) -> &'s str {
        style
            .split(';')
            .find_map(|d| d.strip_prefix(property)?.strip_prefix(':'))
            .unwrap_or_else(|| panic!("no {property} in {style}"))
    }

    /// WCAG relative luminance of `#rrggbb`.
    fn luminance(hex: &str) -> f64 {
        let hex = hex.strip_prefix('#').unwrap();
        assert_eq!(hex.len(), 6, "an opaque #rrggbb colour, not {hex}");
        let channel = |i: usize| {
            let c = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap()) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4)
    }

    #[test]
    fn the_overlay_uses_the_site_s_fonts_on_an_opaque_readable_background() {
        let page = into_page(b"<p>A</p>", &snapshot(Some("lỗi: phiếu")), "/");
        let page = String::from_utf8(page).unwrap();
        let style = page
            .split("style=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .unwrap();
        let fonts = style_value(style, "font-family");
        assert!(!fonts.contains("monospace"), "{fonts}");
        // the stack of the theme's own stylesheet, quotes aside
        let css = include_str!("../../themes/default/static/style.css");
        let body = &css[css.find("body {").unwrap()..];
        let theirs = style_value(&body.replace(['\n', ' '], ""), "font-family")
            .replace('"', "'")
            .to_string();
        assert_eq!(fonts.replace(' ', ""), theirs);
        assert!(!style.contains("font:"), "{style}");
        // opaque: a #rrggbb colour, no rgba()/transparency; contrast at least 4.5:1
        let (background, text) = (
            style_value(style, "background"),
            style_value(style, "color"),
        );
        let (light, dark) = {
            let (a, b) = (luminance(background), luminance(text));
            (a.max(b), a.min(b))
        };
        let contrast = (light + 0.05) / (dark + 0.05);
        assert!(contrast >= 4.5, "{contrast}");
        assert!(!style.contains("opacity"), "{style}");
        // the script builds the same overlay when a build fails while the page is open
        assert!(script().contains(style), "{}", script());
    }

    #[test]
    fn an_error_is_shown_escaped_over_the_page() {
        let page = into_page(b"<p>A</p>", &snapshot(Some("<b> & \"x\"")), "/");
        let page = String::from_utf8(page).unwrap();
        assert!(
            page.starts_with("<p>A</p><pre id=\"niemyet-overlay\""),
            "{page}"
        );
        assert!(
            page.contains("&lt;b&gt; &amp; &quot;x&quot;</pre>"),
            "{page}"
        );
    }
}
