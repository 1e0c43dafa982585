//! Files the walk does not read, and what staff are told about each, so that no file is passed
//! over in silence: files in no known place, files saved with Notepad's extra `.txt`, hidden
//! content files, links and special files.

use crate::diagnostics::{Bilingual, Diagnostic};
use std::path::Path;

/// A hidden file that looks like content is not read, and says so: a file named only `.md`
/// (what a name in a script without a Latin spelling can become) is an error, since a candidate
/// or a document would vanish; other hidden ones (`.nhap.md`) are warned about. Hidden files of
/// other kinds (`.DS_Store`) belong to the system and are passed over.
pub(super) fn hidden_content(rel: &Path) -> Option<Diagnostic> {
    let name = rel
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let lower = name.to_lowercase();
    let ending = [".md", ".yaml", ".yml"]
        .into_iter()
        .find(|e| lower.ends_with(e))?;
    if lower == ending {
        return Some(
            Diagnostic::error(
                rel,
                Bilingual::new(
                    format!("Tệp không có tên trước đuôi “{name}”, nên không được đọc."),
                    format!("The file has no name before “{name}”, so it is not read."),
                ),
            )
            .hint(Bilingual::new(
                format!(
                    "Đặt tên cho tệp, ví dụ họ tên viết không dấu: nguyen-van-an{ending} (tên viết bằng chữ khác thì dùng cách phiên âm La-tinh)."
                ),
                format!(
                    "Give the file a name, e.g. the person's name without accents: nguyen-van-an{ending} (for a name in another script, use its Latin spelling)."
                ),
            )),
        );
    }
    let shown = name.trim_start_matches('.');
    Some(
        Diagnostic::warning(
            rel,
            Bilingual::new(
                "Tên tệp bắt đầu bằng dấu chấm nên tệp bị ẩn và không được đọc.",
                "The file's name starts with a dot, so it is hidden and not read.",
            ),
        )
        .hint(Bilingual::new(
            format!("Nếu cần đăng tệp này, bỏ dấu chấm ở đầu tên: “{shown}”."),
            format!("To publish it, remove the dot at the start of its name: “{shown}”."),
        )),
    )
}

/// What a content entry is when it is not a plain file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Irregular {
    /// A symbolic link to a file.
    Link,
    /// A symbolic link to a folder.
    LinkedFolder,
    /// A FIFO, a socket or a device: reading one could wait forever.
    Special,
}

/// A content entry that is not read because it is not a plain file or folder.
pub fn not_regular(rel: &Path, what: Irregular) -> Diagnostic {
    let (message, hint) = match what {
        Irregular::Link => (
            Bilingual::new(
                "Tệp này là liên kết tượng trưng (symbolic link), không phải tệp thật, nên không được đọc: niemyet chỉ đọc tệp thật trong thư mục nội dung.",
                "This file is a symbolic link, not a real file, so it is not read: niemyet reads only real files inside the content folder.",
            ),
            Bilingual::new(
                "Chép tệp thật vào chỗ này thay cho liên kết (hoặc xóa liên kết).",
                "Copy the real file here in place of the link (or delete the link).",
            ),
        ),
        Irregular::LinkedFolder => (
            Bilingual::new(
                "Thư mục này là liên kết tượng trưng (symbolic link) nên không được đọc: niemyet chỉ đọc thư mục thật trong thư mục nội dung.",
                "This folder is a symbolic link, so it is not read: niemyet reads only real folders inside the content folder.",
            ),
            Bilingual::new(
                "Chép thư mục thật vào chỗ này thay cho liên kết (hoặc xóa liên kết).",
                "Copy the real folder here in place of the link (or delete the link).",
            ),
        ),
        Irregular::Special => (
            Bilingual::new(
                "Đây không phải tệp thông thường (mà là ống dẫn FIFO, socket hay thiết bị), nên không được đọc.",
                "This is not a regular file (it is a FIFO, a socket or a device), so it is not read.",
            ),
            Bilingual::new(
                "Xóa nó và đặt vào đây một tệp văn bản thật.",
                "Delete it and put a real text file here.",
            ),
        ),
    };
    Diagnostic::error(rel, message).hint(hint)
}

pub(super) fn saved_as_text(rel: &Path) -> Diagnostic {
    let name = rel
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let fixed = name.strip_suffix(".txt").unwrap_or(&name).to_string();
    Diagnostic::error(
        rel,
        Bilingual::new(
            "Tệp có đuôi .txt thừa (Notepad tự thêm khi lưu), nên không được đọc.",
            "The file has an extra .txt ending (Notepad adds it when saving), so it is not read.",
        ),
    )
    .hint(Bilingual::new(
        format!("Đổi tên thành “{fixed}”. Khi lưu bằng Notepad, chọn “Save as type: All Files”."),
        format!(
            "Rename it to “{fixed}”. When saving in Notepad, choose “Save as type: All Files”."
        ),
    ))
}

pub(super) fn unused_file(rel: &Path) -> Diagnostic {
    Diagnostic::warning(
        rel,
        Bilingual::new(
            "Tệp này không nằm ở vị trí nào mà niemyet đọc, nên bị bỏ qua.",
            "This file is not in any place niemyet reads, so it is ignored.",
        ),
    )
    .hint(Bilingual::new(
        "Xem mục “Cấu trúc thư mục nội dung” trong README để đặt tệp đúng chỗ.",
        "See “Content layout” in the README to put the file in the right place.",
    ))
}
