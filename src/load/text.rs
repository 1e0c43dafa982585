//! Turning a file's bytes into text, for content files and import sheets alike: UTF-8 as editors
//! save it (with a BOM, even two; CRLF or old-Mac CR line ends) is accepted, and what would be
//! garbled or is not text at all (UTF-16, a legacy 8-bit code page, NUL bytes) is refused with
//! the line where it shows.

use crate::diagnostics::{Bilingual, Diagnostic};
use std::path::Path;
use unicode_normalization::UnicodeNormalization;

/// The largest content file read: far above any real candidate, document or data file, and far
/// below what makes a build crawl (a photo or a PDF pasted as text).
pub const MAX_CONTENT_BYTES: usize = 5 * 1024 * 1024;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Why bytes are not text niemyet reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotText {
    /// Saved as UTF-16 (“Unicode” in Notepad and Excel), with or without its byte order mark.
    Utf16,
    /// A NUL byte: a binary file, or a stray byte in a text file.
    Nul,
    /// Another 8-bit encoding (TCVN3, VNI, Windows-1258) or a file cut in the middle of a letter.
    NotUtf8,
}

/// A problem and the 1-based line where it is first seen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Undecodable {
    pub problem: NotText,
    pub line: usize,
}

/// UTF-8 text without its BOMs and with `\n` line ends.
pub fn decode(bytes: &[u8]) -> Result<String, Undecodable> {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") || looks_utf16(bytes) {
        return Err(Undecodable {
            problem: NotText::Utf16,
            line: 1,
        });
    }
    let mut bytes = bytes;
    // an editor that adds a BOM to a file that has one leaves two
    while let Some(rest) = bytes.strip_prefix(BOM) {
        bytes = rest;
    }
    if let Some(at) = bytes.iter().position(|b| *b == 0) {
        return Err(Undecodable {
            problem: NotText::Nul,
            line: line_at(bytes, at),
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| Undecodable {
        problem: NotText::NotUtf8,
        line: line_at(bytes, e.valid_up_to()),
    })?;
    Ok(text.replace("\r\n", "\n").replace('\r', "\n"))
}

/// UTF-16 without a byte order mark: text in Latin letters has a NUL in every other byte.
fn looks_utf16(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(200)];
    let nuls = head.iter().filter(|b| **b == 0).count();
    head.len() >= 4 && nuls * 4 >= head.len()
}

/// The 1-based line of byte `offset`, whichever line ends the file uses.
fn line_at(bytes: &[u8], offset: usize) -> usize {
    let before = &bytes[..offset.min(bytes.len())];
    let newlines = before.iter().filter(|b| **b == b'\n').count();
    let lone_returns = before
        .iter()
        .enumerate()
        .filter(|(i, b)| **b == b'\r' && bytes.get(i + 1) != Some(&b'\n'))
        .count();
    newlines + lone_returns + 1
}

/// The text of a content file, NFC-normalised (some keyboards type decomposed Vietnamese), or
/// an error that says how to save it.
pub fn content(rel: &Path, bytes: &[u8]) -> Result<String, Diagnostic> {
    if bytes.len() > MAX_CONTENT_BYTES {
        return Err(too_large(rel, bytes.len()));
    }
    match decode(bytes) {
        Ok(text) => Ok(text.nfc().collect()),
        Err(e) => Err(not_text(rel, e)),
    }
}

fn too_large(rel: &Path, size: usize) -> Diagnostic {
    let (mb, max) = (megabytes(size), megabytes(MAX_CONTENT_BYTES));
    // Vietnamese writes a decimal comma
    let (mb_vi, max_vi) = (mb.replace('.', ","), max.replace('.', ","));
    Diagnostic::error(
        rel,
        Bilingual::new(
            format!("Tệp quá lớn ({mb_vi} MB): tệp nội dung chỉ được tối đa {max_vi} MB."),
            format!("The file is too large ({mb} MB): a content file may hold at most {max} MB."),
        ),
    )
    .hint(Bilingual::new(
        "Có thể đã dán nhầm ảnh hay cả một tệp PDF vào đây. Giữ phần chữ ngắn gọn; đặt tài liệu dài thành tệp đính kèm (dinh_kem) của văn bản.",
        "A photo or a whole PDF may have been pasted in. Keep the text short; attach a long document to a document (dinh_kem) instead.",
    ))
}

/// Megabytes with one decimal, as staff read file sizes.
fn megabytes(size: usize) -> String {
    format!("{:.1}", size as f64 / (1024.0 * 1024.0))
}

fn not_text(rel: &Path, e: Undecodable) -> Diagnostic {
    let (message, hint) = match e.problem {
        NotText::Utf16 => (
            Bilingual::new(
                "Tệp được lưu ở mã UTF-16 (“Unicode”), không phải UTF-8.",
                "The file is saved as UTF-16 (“Unicode”), not UTF-8.",
            ),
            save_as_utf8(),
        ),
        NotText::Nul => (
            Bilingual::new(
                "Tệp có byte NUL (mã 0): đây không phải tệp chữ, hoặc tệp đã bị hỏng.",
                "The file holds a NUL byte (code 0): it is not a text file, or it is damaged.",
            ),
            Bilingual::new(
                "Mở tệp bằng Notepad, xóa ký tự lạ ở dòng này rồi lưu lại với mã hóa UTF-8; nếu là ảnh hay PDF, đặt nó thành tệp đính kèm.",
                "Open the file in Notepad, delete the odd character on this line and save it as UTF-8; if it is a photo or a PDF, attach it instead.",
            ),
        ),
        NotText::NotUtf8 => (
            Bilingual::new(
                "Tệp không ở mã UTF-8 nên chữ tiếng Việt sẽ bị lỗi.",
                "The file is not UTF-8 encoded, so Vietnamese text would be garbled.",
            ),
            save_as_utf8(),
        ),
    };
    Diagnostic::error(rel, message)
        .at(Some(e.line), None)
        .hint(hint)
}

fn save_as_utf8() -> Bilingual {
    Bilingual::new(
        "Mở tệp bằng Notepad, chọn Lưu thành (Save As) và chọn mã hóa UTF-8.",
        "Open the file in Notepad, choose Save As and pick the UTF-8 encoding.",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(text: &str) -> Vec<u8> {
        text.encode_utf16().flat_map(u16::to_le_bytes).collect()
    }

    #[test]
    fn accepts_what_editors_write() {
        assert_eq!(
            decode(b"\xEF\xBB\xBFa: 1\r\nb: 2\r\n").unwrap(),
            "a: 1\nb: 2\n"
        );
        assert_eq!(decode(b"\xEF\xBB\xBF\xEF\xBB\xBFa: 1\n").unwrap(), "a: 1\n");
        assert_eq!(decode(b"a: 1\rb: 2\r").unwrap(), "a: 1\nb: 2\n");
    }

    #[test]
    fn refuses_utf16_with_or_without_its_mark() {
        let mut marked = b"\xFF\xFE".to_vec();
        marked.extend(utf16le("ten: Nguyễn\n"));
        assert_eq!(decode(&marked).unwrap_err().problem, NotText::Utf16);
        let bare = utf16le("ten: Nguyen\nnam: 1970\n");
        assert_eq!(decode(&bare).unwrap_err().problem, NotText::Utf16);
    }

    #[test]
    fn names_the_line_of_a_nul_or_a_legacy_byte_whatever_the_line_ends() {
        let e = decode(b"a: 1\nb: 2\0\n").unwrap_err();
        assert_eq!((e.problem, e.line), (NotText::Nul, 2));
        let e = decode(b"a: 1\rb: 2\r\nc: Nguy\xEAn\r").unwrap_err();
        assert_eq!((e.problem, e.line), (NotText::NotUtf8, 3));
    }

    #[test]
    fn a_content_file_too_large_is_refused_with_its_size() {
        let big = vec![b'a'; MAX_CONTENT_BYTES + 1];
        let e = content(Path::new("a.md"), &big).unwrap_err();
        assert!(e.message.en.contains("5.0 MB"), "{e}");
        assert_eq!(
            content(Path::new("a.md"), "Nguye\u{302}\u{303}n".as_bytes()).unwrap(),
            "Nguyễn"
        );
    }
}
