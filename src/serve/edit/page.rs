//! The editor's pages: a plain shell with the site's fonts, the error summary at the top that
//! links to each field in error (GOV.UK's pattern), and the script that checks as the clerk
//! types. Forms work without the script: a submitted form comes back with its errors.

use super::super::inject::SITE_FONTS;
use crate::diagnostics::Bilingual;

/// Where the script of the forms is served.
pub const SCRIPT_PATH: &str = "/__niemyet/sua/sua.js";

/// The id of the error summary, which the script updates and focuses.
pub const SUMMARY_ID: &str = "tom-tat-loi";
/// The id of what concerns the form as a whole rather than one field.
pub const GENERAL_ID: &str = "chung";

/// `&`, `<`, `>` and `"` escaped: for text and for double-quoted attributes.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Both languages of a text, the English marked as such for screen readers.
pub fn both(text: &Bilingual) -> String {
    format!(
        "{} <span lang=\"en\" class=\"en\">/ {}</span>",
        escape(&text.vi),
        escape(&text.en)
    )
}

/// A problem to list in the summary: the id of the field it is about and what is wrong.
pub struct Problem {
    pub field: String,
    pub message: Bilingual,
}

/// The error summary: empty (and hidden) when there is nothing wrong, so that the script can
/// fill it in place.
pub fn summary(problems: &[Problem]) -> String {
    let mut html = format!(
        "<div id=\"{SUMMARY_ID}\" class=\"summary\" role=\"alert\" tabindex=\"-1\" data-live{}>",
        if problems.is_empty() { " hidden" } else { "" }
    );
    if !problems.is_empty() {
        html.push_str(&format!(
            "<h2>{}</h2><ul>",
            both(&Bilingual::new(
                format!("Có {} lỗi cần sửa trước khi lưu", problems.len()),
                format!(
                    "{} problem{} to fix before saving",
                    problems.len(),
                    if problems.len() == 1 { "" } else { "s" }
                ),
            ))
        ));
        for p in problems {
            let target = if p.field.is_empty() {
                GENERAL_ID
            } else {
                &p.field
            };
            html.push_str(&format!(
                "<li><a href=\"#{}\">{}</a></li>",
                escape(target),
                both(&p.message)
            ));
        }
        html.push_str("</ul>");
    }
    html.push_str("</div>");
    html
}

/// What concerns the form as a whole: errors and warnings about no one field (a change that
/// brings an error to another file, a file the form cannot read).
pub fn general(messages: &[&Bilingual]) -> String {
    let items: String = messages
        .iter()
        .map(|m| format!("<li>{}</li>", both(m)))
        .collect();
    format!(
        "<div id=\"{GENERAL_ID}\" class=\"note\" data-live{}><ul>{items}</ul></div>",
        if messages.is_empty() { " hidden" } else { "" }
    )
}

/// A whole page of the editor.
pub fn page(title: &Bilingual, body: &str) -> String {
    format!(
        "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
         <title>{} / {}</title><style>{}</style></head><body><main>\
         <h1>{}</h1>{body}</main><script src=\"{SCRIPT_PATH}\"></script></body></html>",
        escape(&title.vi),
        escape(&title.en),
        style(),
        both(title),
    )
}

fn style() -> String {
    format!(
        "body{{font-family:{SITE_FONTS};margin:0;color:#1a1a1a;background:#fff;line-height:1.5}}\
         main{{max-width:46rem;margin:0 auto;padding:1rem}}\
         h1{{font-size:1.5rem}}.en{{color:#444;font-weight:normal}}\
         fieldset{{border:1px solid #6b6b6b;margin:0 0 1.5rem;padding:.75rem 1rem}}\
         legend{{font-weight:bold;font-size:1.15rem;padding:0 .25rem}}\
         fieldset fieldset{{border-style:dashed}}fieldset fieldset legend{{font-size:1rem}}\
         .row{{display:flex;flex-wrap:wrap;gap:0 1rem}}.row .field{{flex:1 1 12rem}}\
         .field{{margin:0 0 1rem}}label{{display:block;font-weight:600}}\
         input,select{{font:inherit;padding:.4rem;border:2px solid #1a1a1a;min-height:2.75rem;\
         box-sizing:border-box;width:100%;max-width:14rem}}\
         input[aria-invalid=true]{{border-color:#b00020;border-width:3px}}\
         .error{{color:#b00020;font-weight:600;margin:.25rem 0}}.error:empty{{display:none}}\
         .summary{{border:4px solid #b00020;padding:.5rem 1rem;margin:0 0 1.5rem}}\
         .summary h2{{margin:.25rem 0;font-size:1.15rem}}.summary a{{color:#b00020}}\
         .outcome{{display:block;border-left:6px solid #00703c;padding:.5rem .75rem;\
         background:#f3f2f1;margin:.5rem 0 0}}.outcome:empty{{display:none}}\
         .saved{{border-left:6px solid #00703c;padding:.5rem .75rem;background:#f3f2f1}}\
         .note{{border-left:6px solid #6b6b6b;padding:.5rem .75rem;background:#f3f2f1}}\
         button{{font:inherit;font-weight:600;padding:.6rem 1.2rem;min-height:2.75rem;\
         margin:0 .75rem .75rem 0;border:2px solid #1a1a1a;background:#fff;cursor:pointer}}\
         button.primary{{background:#00703c;color:#fff;border-color:#005a30}}.primary .en{{color:#fff}}\
         :focus-visible{{outline:3px solid #fd0;box-shadow:0 0 0 6px #1a1a1a}}\
         a{{color:#1d4f91}}"
    )
}

/// The script of the forms: after the clerk stops typing, the form is sent to be checked (never
/// saved) and the answer's errors, summary and outcomes replace the page's, leaving what is
/// typed and where the cursor is alone. The checks are the server's, the build's own rules:
/// nothing is decided here.
pub fn script() -> String {
    format!(
        r#"(function () {{
  var form = document.querySelector("form[data-check]");
  if (!form) return;
  var summary = document.getElementById("{SUMMARY_ID}");
  if (summary && !summary.hidden) summary.focus();
  var timer = null, asked = 0;
  function check() {{
    var sent = ++asked;
    var body = new URLSearchParams(new FormData(form));
    body.set("hanh_dong", "kiem-tra");
    fetch(form.action, {{ method: "POST", body: body, credentials: "same-origin" }})
      .then(function (r) {{ return r.text(); }})
      .then(function (html) {{
        if (sent !== asked) return;
        var page = new DOMParser().parseFromString(html, "text/html");
        page.querySelectorAll("[data-live]").forEach(function (fresh) {{
          var here = document.getElementById(fresh.id);
          if (!here) return;
          here.innerHTML = fresh.innerHTML;
          here.hidden = fresh.hidden;
        }});
        page.querySelectorAll("input[id], select[id]").forEach(function (fresh) {{
          var here = document.getElementById(fresh.id);
          if (!here) return;
          if (fresh.hasAttribute("aria-invalid")) here.setAttribute("aria-invalid", "true");
          else here.removeAttribute("aria-invalid");
        }});
      }})
      .catch(function () {{}});
  }}
  form.addEventListener("input", function () {{
    clearTimeout(timer);
    timer = setTimeout(check, 300);
  }});
}})();
"#
    )
}
