//! The preview's forms (`niemyet::serve::edit`), over HTTP as a browser without JavaScript uses
//! them, one file per form: each is opened from a page's edit link, submitted, and the file is
//! found saved as the import or the scaffold writes it, with only the changed lines changed, and
//! the page rebuilt; and what they refuse: figures that do not add up, personal data, writes from
//! elsewhere or without the session's token, and a form whose file changed since.

mod candidates;
mod communes;
mod documents;
mod example;
mod first_day;
mod results;
mod rounds;

use super::*;
use niemyet::import::{ImportOptions, SheetKind, import};
use niemyet::render::urls::encode;
use niemyet::serve::edit::{
    ATTACH_PATH, CANDIDATE_PATH, COMMUNE_PATH, CONFIG_PATH, DOCUMENT_PATH, EDIT_PATH, RESULTS_PATH,
    ROUND_PATH,
};

const ROUND: &str = "tn-2022";

/// A whole answer: status, header lines and body.
struct Answer {
    status: u16,
    head: String,
    body: String,
}

impl Answer {
    fn header(&self, name: &str) -> Option<&str> {
        self.head.split("\r\n").find_map(|line| {
            let (key, value) = line.split_once(':')?;
            key.eq_ignore_ascii_case(name).then(|| value.trim())
        })
    }
}

fn send(port: u16, request: &str) -> Answer {
    let mut stream = connect(port);
    stream.write_all(request.as_bytes()).expect("send");
    let mut response = Vec::new();
    stream.read_to_end(&mut response).expect("read the answer");
    let response = String::from_utf8_lossy(&response).into_owned();
    let (head, body) = response.split_once("\r\n\r\n").expect("an answer head");
    let status = status_and_body(head.as_bytes()).0;
    Answer {
        status,
        head: head.to_string(),
        body: body.to_string(),
    }
}

fn get(port: u16, target: &str) -> Answer {
    send(
        port,
        &format!("GET {target} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n"),
    )
}

/// A form submitted as Chromium submits it from the preview's own page, with `extra` headers.
fn post(port: u16, target: &str, fields: &[(String, String)], extra: &str) -> Answer {
    let body: Vec<String> = fields
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect();
    let body = body.join("&");
    send(
        port,
        &format!(
            "POST {target} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\
             Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n{extra}\r\n{body}",
            body.len()
        ),
    )
}

/// The hidden and typed values of a served form, in page order, as a browser would send them.
fn form_values(page: &str) -> Vec<(String, String)> {
    let mut values = Vec::new();
    for tag in page.split("<input ").skip(1) {
        let attr = |name: &str| {
            tag.split(&format!(" {name}=\""))
                .nth(1)
                .or_else(|| tag.strip_prefix(&format!("{name}=\"")))
                .and_then(|rest| rest.split('"').next())
                .map(|v| v.replace("&quot;", "\"").replace("&amp;", "&"))
        };
        if let (Some(name), Some(value)) = (attr("name"), attr("value")) {
            values.push((name, value));
        }
    }
    for select in page.split("<select ").skip(1) {
        let name = select
            .split("name=\"")
            .nth(1)
            .and_then(|r| r.split('"').next())
            .unwrap_or_default();
        let chosen = select
            .split("</select>")
            .next()
            .and_then(|options| {
                options
                    .split("<option value=\"")
                    .skip(1)
                    .find(|o| o.contains("\" selected"))
            })
            .and_then(|o| o.split('"').next())
            .unwrap_or_default();
        values.push((name.to_string(), chosen.to_string()));
    }
    values
}

fn set(values: &mut [(String, String)], name: &str, value: &str) {
    let field = values
        .iter_mut()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("the form has no field {name}"));
    field.1 = value.to_string();
}

fn with_action(mut values: Vec<(String, String)>, action: &str) -> Vec<(String, String)> {
    values.push(("hanh_dong".into(), action.into()));
    values
}

fn form_target() -> String {
    format!("{RESULTS_PATH}?dot={ROUND}")
}

/// The fixture's figures with two changed, as the clerk types them from the record.
fn typed(values: &mut [(String, String)]) {
    set(values, "khu-1.so_phieu.nguyen-van-an", "1240");
    set(values, "khu-1.so_phieu.tran-thi-binh", "1094");
}
