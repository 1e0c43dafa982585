//! What the preview adds to the pages it serves, and only there: `build` never writes any of it.
//! A script that listens to the event stream (reload on a new build, show the overlay on a failed
//! one), and the overlay itself when the last build failed.

use super::http::{EVENTS_PATH, SCRIPT_PATH};
use super::live::Snapshot;

/// The id of the overlay that shows a build error over the last good page.
pub const OVERLAY_ID: &str = "niemyet-overlay";

const OVERLAY_STYLE: &str = "position:fixed;inset:0;z-index:2147483647;overflow:auto;\
    margin:0;padding:1.5rem;background:rgba(20,20,20,.94);color:#fff;font:14px/1.5 monospace;\
    white-space:pre-wrap";

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
      box.setAttribute("style", "{OVERLAY_STYLE}");
      document.body.appendChild(box);
    }}
    box.textContent = event.data;
  }});
}})();
"#
    )
}

/// The page with the script (and the overlay when the last build failed) before `</body>`, or at
/// the end when there is none.
pub fn into_page(html: &[u8], snapshot: &Snapshot) -> Vec<u8> {
    let mut extra = String::new();
    if let Some(error) = &snapshot.error {
        extra.push_str(&format!(
            "<pre id=\"{OVERLAY_ID}\" style=\"{OVERLAY_STYLE}\">{}</pre>",
            escape(error)
        ));
    }
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

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
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
        let page = into_page(b"<html><body><p>A</p></body></html>", &snapshot(None));
        let page = String::from_utf8(page).unwrap();
        assert_eq!(
            page,
            "<html><body><p>A</p><script src=\"/__niemyet/reload.js\" data-generation=\"7\">\
             </script></body></html>"
        );
    }

    #[test]
    fn an_error_is_shown_escaped_over_the_page() {
        let page = into_page(b"<p>A</p>", &snapshot(Some("<b> & \"x\"")));
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
