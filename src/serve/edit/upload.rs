//! Attaching a file to a document from its form: the browser sends the file
//! (`multipart/form-data`); it is written beside the document, in `tep/`, under a name the build
//! accepts (the build's own name and type rules, `model::file_names`), and the document's
//! `dinh_kem` list gets it, with the label typed. The document is then checked as the build
//! checks it; a file the build would refuse is taken away again.

use super::evaluation::Evaluation;
use super::front_matter;
use crate::diagnostics::{Bilingual, Severity};
use crate::model::document::Document;
use crate::model::file_names::{self, ATTACHMENT_TYPES, Refusal};
use crate::scaffold::yaml_text;
use serde_yaml::{Mapping, Value};
use std::io::Write;
use std::path::{Path, PathBuf};

/// A file larger than this is refused: a scanned decision is a few megabytes.
pub const MAX_UPLOAD: usize = 32 * 1024 * 1024;

/// The folder of a document's attachments, beside it.
const FOLDER: &str = "tep";

/// One part of a `multipart/form-data` body.
pub struct Part {
    pub name: String,
    /// The file's name as the browser gives it, for a file.
    pub file_name: Option<String>,
    pub data: Vec<u8>,
}

/// The parts of a `multipart/form-data` body whose `Content-Type` is `kind`; `None` when it is
/// not one.
pub fn parts(kind: &str, body: &[u8]) -> Option<Vec<Part>> {
    let boundary = kind
        .split(';')
        .find_map(|p| p.trim().strip_prefix("boundary="))?
        .trim_matches('"');
    let delimiter = format!("--{boundary}");
    let mut parts = Vec::new();
    let mut rest = &body[find(body, delimiter.as_bytes())? + delimiter.len()..];
    while !rest.starts_with(b"--") {
        rest = rest.strip_prefix(b"\r\n")?;
        let head_end = find(rest, b"\r\n\r\n")?;
        let head = std::str::from_utf8(&rest[..head_end]).ok()?;
        let content = &rest[head_end + 4..];
        let end = find(content, format!("\r\n{delimiter}").as_bytes())?;
        let disposition = head
            .split("\r\n")
            .find(|l| l.to_ascii_lowercase().starts_with("content-disposition:"))?;
        let value = |key: &str| {
            disposition
                .split(';')
                .find_map(|p| p.trim().strip_prefix(&format!("{key}=\"")))
                .and_then(|v| v.strip_suffix('"'))
                .map(str::to_string)
        };
        parts.push(Part {
            name: value("name")?,
            file_name: value("filename"),
            data: content[..end].to_vec(),
        });
        rest = &content[end + 2 + delimiter.len()..];
    }
    Some(parts)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The name an uploaded file is kept under: the browser's name without folders, made safe as
/// the build would ask; or why it cannot be attached.
pub fn file_name(given: &str) -> Result<String, Bilingual> {
    let name = given.rsplit(['/', '\\']).next().unwrap_or_default().trim();
    if name.is_empty() {
        return Err(Bilingual::new(
            "Chưa chọn tệp để đính kèm.",
            "No file was chosen to attach.",
        ));
    }
    match file_names::check(name, ATTACHMENT_TYPES) {
        Ok(()) => Ok(name.to_string()),
        Err(Refusal::Unsafe { safe, .. }) => Ok(safe),
        Err(Refusal::Server | Refusal::Type) => Err(Bilingual::new(
            format!(
                "“{name}”: chỉ đính kèm được văn bản, bảng tính, ảnh hoặc tệp nén ({}); trang web, mã chạy hay SVG thì không. Đính kèm bản PDF của nó thay thế.",
                ATTACHMENT_TYPES.join(", ")
            ),
            format!(
                "“{name}”: only documents, spreadsheets, images or archives can be attached ({}); not web pages, scripts or SVG. Attach a PDF of it instead.",
                ATTACHMENT_TYPES.join(", ")
            ),
        )),
    }
}

/// The document's file text with `tep/<name>` added to its `dinh_kem`, labelled `label`; `None`
/// when its list holds something other than attachments the form can write back.
pub fn with_attachment(text: &str, name: &str, label: &str) -> Option<String> {
    let text = text.replace("\r\n", "\n");
    let (front, body) = front_matter::split(&text)?;
    let values: Mapping = serde_yaml::from_str(front).ok()?;
    let mut block = String::new();
    let listed = match values.get("dinh_kem") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Sequence(items)) => items.clone(),
        Some(_) => return None,
    };
    for item in &listed {
        let item = item.as_mapping()?;
        let mut first = true;
        for (key, value) in item {
            let (key, value) = (key.as_str()?, value.as_str()?);
            block.push_str(if first { "\n  - " } else { "\n    " });
            block.push_str(&format!("{key}: {}", yaml_text(value)));
            first = false;
        }
    }
    block.push_str(&format!("\n  - tep: {FOLDER}/{}", yaml_text(name)));
    if !label.trim().is_empty() {
        block.push_str(&format!("\n    ten: {}", yaml_text(label)));
    }
    front_matter::update(&text, &[("dinh_kem", block)], body)
}

/// Writes an uploaded file into the attachments folder of the document at `rel` (relative to
/// `content`), never over another file; returns its path.
pub fn store(content: &Path, rel: &Path, name: &str, data: &[u8]) -> Result<PathBuf, Bilingual> {
    let folder = content
        .join(rel)
        .parent()
        .map(|p| p.join(FOLDER))
        .ok_or_else(|| {
            Bilingual::new("Văn bản không có thư mục.", "The document has no folder.")
        })?;
    let target = folder.join(name);
    let failed = |e: std::io::Error| {
        Bilingual::new(
            format!("Không ghi được tệp đính kèm: {e}"),
            format!("Cannot write the attachment: {e}"),
        )
    };
    std::fs::create_dir_all(&folder).map_err(failed)?;
    // created new, so an attachment already there, or a link put in its place, is never written
    let mut file = match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&target)
    {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            return Err(Bilingual::new(
                format!("Đã có tệp {FOLDER}/{name}: đổi tên tệp trước khi đính kèm."),
                format!("{FOLDER}/{name} already exists: rename the file before attaching it."),
            ));
        }
        Err(e) => return Err(failed(e)),
    };
    let written = file.write_all(data).and_then(|()| file.sync_all());
    if let Err(e) = written {
        let _ = std::fs::remove_file(&target);
        return Err(failed(e));
    }
    Ok(target)
}

/// The attachments a document lists, for its form: the label, or the file name.
pub fn listed(document: &Document) -> Vec<String> {
    document
        .attachments
        .iter()
        .map(|a| format!("{} ({})", a.label, a.file_name))
        .collect()
}

/// An evaluation with one problem about the attachment field.
pub fn refused(why: Bilingual) -> Evaluation {
    let mut evaluation = Evaluation::empty();
    evaluation
        .problems
        .push(("tep".to_string(), Severity::Error, why));
    evaluation
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_form_body_with_a_file_is_read_part_by_part() {
        let body = b"--XyZ\r\nContent-Disposition: form-data; name=\"token\"\r\n\r\nabc\r\n\
            --XyZ\r\nContent-Disposition: form-data; name=\"tep\"; filename=\"C:\\\\scan\\\\QD 12.pdf\"\r\n\
            Content-Type: application/pdf\r\n\r\n%PDF-1.4\r\n\x00\xff\r\n--XyZ--\r\n";
        let parts = parts("multipart/form-data; boundary=XyZ", body).unwrap();
        assert_eq!(parts.len(), 2);
        assert_eq!(
            (parts[0].name.as_str(), parts[0].data.as_slice()),
            ("token", &b"abc"[..])
        );
        assert_eq!(
            parts[1].file_name.as_deref(),
            Some("C:\\\\scan\\\\QD 12.pdf")
        );
        assert_eq!(parts[1].data, b"%PDF-1.4\r\n\x00\xff");
        assert!(super::parts("multipart/form-data; boundary=XyZ", b"--XyZ\r\nbroken").is_none());
        assert!(super::parts("text/plain", body).is_none());
    }

    #[test]
    fn names_lose_their_folders_and_types_are_the_build_s() {
        assert_eq!(file_name("C:\\scan\\qd-12.pdf").unwrap(), "qd-12.pdf");
        assert!(file_name("trang.html").is_err());
        assert!(file_name("").is_err());
        assert_ne!(file_name("CON.pdf").unwrap(), "CON.pdf");
    }

    #[test]
    fn an_attachment_is_added_to_the_list_and_the_rest_stays() {
        let text = "---\nloai: cong-van\ndinh_kem:\n  - tep: a.pdf\n    ten: Bản chụp\nbau_cu: x\n---\nNội dung.\n";
        assert_eq!(
            with_attachment(text, "qd-12.pdf", "Quyết định 12").unwrap(),
            "---\nloai: cong-van\ndinh_kem:\n  - tep: a.pdf\n    ten: Bản chụp\n  - tep: tep/qd-12.pdf\n    ten: Quyết định 12\nbau_cu: x\n---\nNội dung.\n"
        );
        let empty = "---\nloai: cong-van\ndinh_kem: []\n---\n";
        assert_eq!(
            with_attachment(empty, "a.pdf", "").unwrap(),
            "---\nloai: cong-van\ndinh_kem:\n  - tep: tep/a.pdf\n---\n"
        );
    }
}
