//! Turning a file's bytes into text, for content files and import sheets alike: UTF-8 as editors
//! save it (with a BOM, even two; CRLF or old-Mac CR line ends) is read as it is; UTF-16 with its
//! byte order mark (Notepad's and Excel's “Unicode”) and the legacy Vietnamese encodings (see
//! [`legacy`](super::legacy)) are converted, and the caller says so; what would be garbled or is
//! not text at all (UTF-16 without its mark, NUL bytes, bytes no encoding makes Vietnamese) is
//! refused with the line where it shows.

use super::legacy::{self, Legacy};
use crate::diagnostics::{Bilingual, Diagnostic};
use std::path::Path;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// The largest content file read: far above any real candidate, document or data file, and far
/// below what makes a build crawl (a photo or a PDF pasted as text).
pub const MAX_CONTENT_BYTES: usize = 5 * 1024 * 1024;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Why bytes are not text niemyet reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotText {
    /// UTF-16 without its byte order mark, or with a half letter (a lone surrogate).
    Utf16,
    /// A NUL byte: a binary file, or a stray byte in a text file.
    Nul,
    /// Neither UTF-8 nor plainly Vietnamese in a legacy encoding: a file cut in the middle of a
    /// letter, or another language's code page.
    NotUtf8,
}

/// A problem and the 1-based line where it is first seen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Undecodable {
    pub problem: NotText,
    pub line: usize,
}

/// The encoding a text was converted from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Converted {
    /// UTF-16 with its byte order mark: Notepad's “Unicode”, Excel's “Unicode Text”.
    Utf16,
    Legacy(Legacy),
}

impl Converted {
    /// How staff name it.
    pub fn name(self) -> &'static str {
        match self {
            Self::Utf16 => "UTF-16 (Unicode)",
            Self::Legacy(legacy) => legacy.name(),
        }
    }
}

/// Text read from bytes, and what it was converted from when it was not UTF-8.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// UTF-8 without BOMs and with `\n` line ends; NFC when converted from a legacy encoding.
    pub text: String,
    pub converted: Option<Converted>,
}

/// UTF-8 text without its BOMs and with `\n` line ends.
pub fn decode(bytes: &[u8]) -> Result<Decoded, Undecodable> {
    if let Some(text) = utf16(bytes)? {
        return Ok(Decoded {
            text: text_lines(&text),
            converted: Some(Converted::Utf16),
        });
    }
    if looks_utf16(bytes) {
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
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text: text_lines(text),
            converted: None,
        }),
        Err(e) => match legacy::detect(bytes) {
            Some((found, text)) => Ok(Decoded {
                text: text_lines(&text),
                converted: Some(Converted::Legacy(found)),
            }),
            None => Err(Undecodable {
                problem: NotText::NotUtf8,
                line: line_at(bytes, e.valid_up_to()),
            }),
        },
    }
}

fn text_lines(text: &str) -> String {
    // most files have `\n` line ends already: replacing would copy them twice for nothing
    if !text.contains('\r') {
        return text.to_owned();
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// `text` in NFC. Nearly every file is NFC already, which the quick check tells without
/// building a second copy char by char.
fn nfc(text: String) -> String {
    if is_nfc_quick(text.chars()) == IsNormalized::Yes {
        return text;
    }
    text.nfc().collect()
}

/// The text of UTF-16 that starts with its byte order mark, little- or big-endian; `None` for
/// bytes without the mark.
fn utf16(bytes: &[u8]) -> Result<Option<String>, Undecodable> {
    let from: fn([u8; 2]) -> u16 = match bytes {
        [0xFF, 0xFE, ..] => u16::from_le_bytes,
        [0xFE, 0xFF, ..] => u16::from_be_bytes,
        _ => return Ok(None),
    };
    let units = bytes[2..].chunks(2).map(|pair| match pair {
        [a, b] => from([*a, *b]),
        // an odd last byte: not a letter, and decoded as one bad unit
        _ => 0xD800,
    });
    let mut text = String::with_capacity(bytes.len() / 2);
    for c in char::decode_utf16(units) {
        let c = c.map_err(|_| Undecodable {
            problem: NotText::Utf16,
            line: text.matches('\n').count() + 1,
        })?;
        if c == '\0' {
            return Err(Undecodable {
                problem: NotText::Nul,
                line: text.matches('\n').count() + 1,
            });
        }
        text.push(c);
    }
    Ok(Some(text.trim_start_matches('\u{FEFF}').to_string()))
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

/// The text of a content file, NFC-normalised (some keyboards type decomposed Vietnamese), with a
/// warning when it had to be converted; or an error that says how to save it.
pub fn content(rel: &Path, bytes: &[u8]) -> Result<(String, Option<Diagnostic>), Diagnostic> {
    if bytes.len() > MAX_CONTENT_BYTES {
        return Err(too_large(rel, bytes.len()));
    }
    match decode(bytes) {
        Ok(decoded) => Ok((
            nfc(decoded.text),
            decoded.converted.map(|from| converted(rel, from)),
        )),
        Err(e) => Err(not_text(rel, e)),
    }
}

/// The command that rewrites converted content files in UTF-8.
pub const TO_UTF8: &str = "niemyet check --to-utf8";

/// A content file read after converting it: it builds, but every editor and every run would
/// have to convert it again.
fn converted(rel: &Path, from: Converted) -> Diagnostic {
    let name = from.name();
    Diagnostic::warning(
        rel,
        Bilingual::new(
            format!("Tệp được lưu bằng bảng mã {name}, không phải UTF-8; niemyet đã tự chuyển sang Unicode để đọc."),
            format!("The file is saved in the {name} encoding, not UTF-8; niemyet converted it to Unicode to read it."),
        ),
    )
    .hint(Bilingual::new(
        format!("Chạy `{TO_UTF8}` để ghi lại tệp bằng UTF-8, chữ giữ nguyên. Đừng chỉ mở rồi lưu lại bằng Notepad: với bảng mã cũ chữ sẽ vẫn sai."),
        format!("Run `{TO_UTF8}` to rewrite the file in UTF-8, with the same text. Do not just open and save it in Notepad: with a legacy encoding the text stays garbled."),
    ))
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
                "Tệp ở mã UTF-16 (“Unicode”) nhưng thiếu dấu thứ tự byte (BOM) ở đầu, hoặc có nửa chữ hỏng.",
                "The file is UTF-16 (“Unicode”) without the byte order mark at its start, or holds a broken half letter.",
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
                "Tệp không ở mã UTF-8, cũng không phải tiếng Việt ở bảng mã cũ nào (TCVN3, VNI, Windows-1258): có thể tệp bị cắt giữa một chữ, hoặc ở bảng mã khác.",
                "The file is not UTF-8, nor Vietnamese in a legacy encoding (TCVN3, VNI, Windows-1258): it may be cut in the middle of a letter, or in another encoding.",
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

    fn text(bytes: &[u8]) -> (String, Option<Converted>) {
        let d = decode(bytes).unwrap();
        (d.text, d.converted)
    }

    #[test]
    fn nfc_matches_full_normalisation_whether_quick_check_answers_or_not() {
        for text in [
            "",
            "ten: Nguyễn Văn Ánh\n",
            // decomposed: “e” + circumflex + dot below, as some keyboards type it
            "ten: Nguye\u{0302}\u{0323}n\n",
            // combining marks in non-canonical order
            "a\u{0323}\u{0302}",
            "\u{0301} starts with a mark",
            "Ω K Å: singletons that NFC replaces",
        ] {
            let full: String = text.nfc().collect();
            assert_eq!(nfc(text.to_string()), full, "{text:?}");
        }
        assert_eq!(nfc("Nguye\u{0302}\u{0323}n".into()), "Nguyện");
    }

    #[test]
    fn text_lines_keeps_lf_text_and_converts_cr() {
        assert_eq!(text_lines("a\nb"), "a\nb");
        assert_eq!(text_lines("a\r\nb\rc\r\n"), "a\nb\nc\n");
    }

    #[test]
    fn accepts_what_editors_write() {
        assert_eq!(
            text(b"\xEF\xBB\xBFa: 1\r\nb: 2\r\n"),
            ("a: 1\nb: 2\n".into(), None)
        );
        assert_eq!(text(b"\xEF\xBB\xBF\xEF\xBB\xBFa: 1\n").0, "a: 1\n");
        assert_eq!(text(b"a: 1\rb: 2\r").0, "a: 1\nb: 2\n");
    }

    #[test]
    fn reads_utf16_with_its_mark_in_either_byte_order() {
        let mut le = b"\xFF\xFE".to_vec();
        le.extend(utf16le("ten: Nguyễn\r\n"));
        assert_eq!(text(&le), ("ten: Nguyễn\n".into(), Some(Converted::Utf16)));
        let mut be = b"\xFE\xFF".to_vec();
        be.extend("Đợt 1".encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(text(&be).0, "Đợt 1");
    }

    #[test]
    fn refuses_utf16_without_its_mark_or_with_half_a_letter() {
        let bare = utf16le("ten: Nguyen\nnam: 1970\n");
        assert_eq!(decode(&bare).unwrap_err().problem, NotText::Utf16);
        let mut broken = b"\xFF\xFE".to_vec();
        broken.extend(utf16le("a\nb"));
        broken.extend([0x00, 0xD8]);
        let e = decode(&broken).unwrap_err();
        assert_eq!((e.problem, e.line), (NotText::Utf16, 2));
    }

    #[test]
    fn converts_a_legacy_encoding_and_says_which() {
        // “Nguyễn Văn Ánh” in VNI Windows
        let (text, from) = text(b"ho_ten: Nguye\xE3n Va\xEAn A\xD9nh\r\n");
        assert_eq!(text, "ho_ten: Nguyễn Văn Ánh\n");
        assert_eq!(from, Some(Converted::Legacy(Legacy::Vni)));
        let (_, warning) = content(Path::new("a.md"), b"Nguye\xE3n Va\xEAn").unwrap();
        let warning = warning.unwrap();
        assert!(!warning.is_error());
        assert!(warning.message.vi.contains("VNI Windows"), "{warning}");
        assert!(warning.hint.unwrap().vi.contains(TO_UTF8));
    }

    #[test]
    fn names_the_line_of_a_nul_or_a_cut_letter_whatever_the_line_ends() {
        let e = decode(b"a: 1\nb: 2\0\n").unwrap_err();
        assert_eq!((e.problem, e.line), (NotText::Nul, 2));
        // “Trần” whole, then “Nguyễn” cut in its last letter
        let e = decode(b"a: 1\rb: Tr\xE1\xBA\xA7n\r\nc: Nguy\xE1\xBB\r").unwrap_err();
        assert_eq!((e.problem, e.line), (NotText::NotUtf8, 3));
    }

    #[test]
    fn a_content_file_too_large_is_refused_with_its_size() {
        let big = vec![b'a'; MAX_CONTENT_BYTES + 1];
        let e = content(Path::new("a.md"), &big).unwrap_err();
        assert!(e.message.en.contains("5.0 MB"), "{e}");
        assert_eq!(
            content(Path::new("a.md"), "Nguye\u{302}\u{303}n".as_bytes()).unwrap(),
            ("Nguyễn".to_string(), None)
        );
    }
}
