//! Which output a build may replace: a missing path, or a real folder that holds nothing but the
//! files niemyet wrote there, unchanged. Anything else (a file, a device such as `/dev/null`, a
//! pipe, a socket, a symbolic link, the content's own folder, a folder with other files) is
//! refused before anything is written, with what to do instead.

use super::WriteError;
use super::manifest::{Checked, Manifest};
use super::marker::{self, MARKER, Marker};
use crate::diagnostics::{Bilingual, Diagnostic};
use crate::fs::FsError;
use std::io::ErrorKind;
use std::path::Path;

/// How many files a refusal names before it counts the rest.
const NAMED: usize = 5;

/// Refuses an output that is not a missing path or a real folder. It only looks at the path
/// itself, so it is safe before the output is locked.
pub fn check_kind(output: &Path) -> Result<(), WriteError> {
    let meta = match std::fs::symlink_metadata(output) {
        Ok(meta) => meta,
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(()),
        Err(source) => {
            return Err(WriteError::Io(FsError {
                path: output.to_path_buf(),
                action: "read",
                source,
            }));
        }
    };
    let kind = meta.file_type();
    if kind.is_dir() {
        return Ok(());
    }
    let what = if kind.is_symlink() {
        Bilingual::new(
            "là một liên kết tượng trưng (symbolic link), không phải thư mục thật; niemyet không \
             ghi qua liên kết, để không bao giờ xóa nhầm nơi liên kết trỏ tới",
            "is a symbolic link, not a real folder; niemyet never writes through a link, so that it \
             can never delete what the link points to",
        )
    } else if kind.is_file() {
        Bilingual::new("là một tệp, không phải thư mục", "is a file, not a folder")
    } else {
        Bilingual::new(
            "là một thiết bị, đường ống (pipe) hoặc socket, không phải thư mục",
            "is a device, a pipe or a socket, not a folder",
        )
    };
    let path = output.display();
    Err(refuse(
        output,
        Bilingual::new(
            format!("Không dựng vào `{path}`: đường dẫn này {}.", what.vi),
            format!("Not building into `{path}`: it {}.", what.en),
        ),
        Bilingual::new(
            "Chọn một thư mục chưa có, ví dụ `--output output`; nếu là liên kết, ghi đường dẫn \
             thật của thư mục.",
            "Choose a folder that does not exist yet, e.g. `--output output`; for a link, give the \
             folder's real path.",
        ),
    ))
}

/// The site a build replaces, as it was checked: its files with their SHA-256 (those of a new
/// build with the same bytes are linked to them rather than written again) and their stamps.
#[derive(Debug, Default)]
pub struct Previous {
    pub files: Checked,
}

/// Refuses an output that is not a missing path, an empty folder or a folder holding only the
/// files its marker lists, with the bytes it lists; or one that holds the content folder.
pub fn check(output: &Path, content: &Path) -> Result<Previous, WriteError> {
    check_kind(output)?;
    if !output.exists() {
        return Ok(Previous::default());
    }
    if let (Ok(out), Ok(content)) = (output.canonicalize(), content.canonicalize())
        && content.starts_with(&out)
    {
        let path = output.display();
        return Err(refuse(
            output,
            Bilingual::new(
                format!("Thư mục kết quả `{path}` chứa thư mục nội dung."),
                format!("The output folder `{path}` contains the content folder."),
            ),
            Bilingual::new(
                "Chọn thư mục kết quả khác, ví dụ `--output output`.",
                "Choose another output folder, e.g. `--output output`.",
            ),
        ));
    }
    let (listed, older) = match marker::read(output)? {
        Marker::Listed(files) => (files, false),
        Marker::Unlisted => (Manifest::default(), true),
        Marker::Missing => (Manifest::default(), false),
    };
    let (differences, files) = listed.into_checked(output, &[MARKER])?;
    let mut foreign = differences.added;
    foreign.extend(differences.altered);
    foreign.sort();
    if foreign.is_empty() {
        return Ok(Previous { files });
    }
    Err(foreign_files(output, &foreign, older))
}

/// [`check`] again, just before the swap, of an output checked as `previous`: someone may have
/// saved a file into it meanwhile. Files whose size and modification time are unchanged are not
/// read again.
pub fn recheck(output: &Path, content: &Path, previous: &Previous) -> Result<(), WriteError> {
    if !previous.files.is_empty() && previous.files.still_match(output, &[MARKER]) {
        return Ok(());
    }
    check(output, content).map(|_| ())
}

/// Another build holds the output's lock.
pub fn busy(output: &Path) -> WriteError {
    let path = output.display();
    refuse(
        output,
        Bilingual::new(
            format!(
                "Một lần dựng niemyet khác đang ghi vào `{path}` (ở cửa sổ khác, hoặc lệnh được \
                 chạy hai lần)."
            ),
            format!(
                "Another niemyet build is writing into `{path}` right now (in another window, or \
                 the command was started twice)."
            ),
        ),
        Bilingual::new(
            "Chờ lần dựng kia xong rồi chạy lại lệnh. Khóa tự mở khi lần dựng kia kết thúc, kể cả \
             khi nó bị dừng giữa chừng.",
            "Wait for that build to finish, then run the command again. The lock is released when \
             that build ends, even if it is stopped half-way.",
        ),
    )
}

/// An output given as `.`, `..` or `/`: it has no name to build a folder beside it with.
pub fn unnamed(output: &Path) -> WriteError {
    let path = output.display();
    refuse(
        output,
        Bilingual::new(
            format!("`{path}` không phải tên một thư mục kết quả."),
            format!("`{path}` does not name an output folder."),
        ),
        Bilingual::new(
            "Ghi tên thư mục, ví dụ `--output output`.",
            "Give the folder a name, e.g. `--output output`.",
        ),
    )
}

fn foreign_files(output: &Path, foreign: &[String], older: bool) -> WriteError {
    let path = output.display();
    let mut vi_list = String::new();
    let mut en_list = String::new();
    for name in foreign.iter().take(NAMED) {
        vi_list.push_str(&format!("\n    {name}"));
        en_list.push_str(&format!("\n    {name}"));
    }
    if foreign.len() > NAMED {
        let more = foreign.len() - NAMED;
        vi_list.push_str(&format!("\n    … và {more} tệp khác"));
        en_list.push_str(&format!("\n    … and {more} more"));
    }
    let (message, hint) = if older {
        (
            Bilingual::new(
                format!(
                    "Thư mục `{path}` do một phiên bản niemyet cũ dựng (hoặc tệp `{MARKER}` đã bị \
                     sửa), không ghi lại niemyet đã ghi những tệp nào, nên không phân biệt được \
                     tệp của niemyet với tệp khác:{vi_list}"
                ),
                format!(
                    "The folder `{path}` was built by an older niemyet (or its `{MARKER}` was \
                     changed), which did not record the files it wrote, so niemyet cannot tell \
                     its own files from others:{en_list}"
                ),
            ),
            Bilingual::new(
                "Nếu thư mục chỉ chứa trang do niemyet dựng, hãy xóa nó (hoặc làm trống) rồi dựng \
                 lại; nếu không, dựng vào thư mục khác với `--output`.",
                "If the folder holds nothing but a site niemyet built, delete it (or empty it) and \
                 build again; otherwise build into another folder with `--output`.",
            ),
        )
    } else {
        (
            Bilingual::new(
                format!(
                    "Thư mục `{path}` có tệp mà niemyet không ghi, hoặc đã bị sửa sau khi niemyet \
                     ghi; thay thư mục sẽ xóa mất chúng:{vi_list}"
                ),
                format!(
                    "The folder `{path}` holds files that niemyet did not write, or that were \
                     changed after it wrote them; replacing the folder would delete them:{en_list}"
                ),
            ),
            Bilingual::new(
                "Chuyển các tệp này ra chỗ khác rồi dựng lại; hoặc dựng vào thư mục khác với \
                 `--output` (ví dụ `--output output`) rồi sao chép sang.",
                "Move these files somewhere else and build again; or build into another folder \
                 with `--output` (e.g. `--output output`) and copy from there.",
            ),
        )
    };
    refuse(output, message, hint)
}

fn refuse(output: &Path, message: Bilingual, hint: Bilingual) -> WriteError {
    WriteError::Refused(Diagnostic::error(output, message).hint(hint))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused<T: std::fmt::Debug>(result: Result<T, WriteError>) -> String {
        match result {
            Err(WriteError::Refused(d)) => d.message.en,
            other => panic!("expected a refusal, got {other:?}"),
        }
    }

    #[test]
    fn only_a_missing_path_or_a_folder_passes_the_kind_check() {
        let dir = tempfile::tempdir().unwrap();
        assert!(check_kind(&dir.path().join("missing")).is_ok());
        assert!(check_kind(dir.path()).is_ok());
        let file = dir.path().join("a.txt");
        std::fs::write(&file, "x").unwrap();
        assert!(refused(check_kind(&file)).contains("is a file"));
    }

    #[test]
    fn a_folder_is_replaced_only_when_it_holds_nothing_niemyet_did_not_write() {
        let dir = tempfile::tempdir().unwrap();
        let content = dir.path().join("content");
        std::fs::create_dir_all(&content).unwrap();
        let out = dir.path().join("output");
        std::fs::create_dir_all(out.join("empty")).unwrap();
        assert!(check(&out, &content).is_ok(), "empty folders hold nothing");
        std::fs::write(out.join("letter.docx"), "keep me").unwrap();
        let message = refused(check(&out, &content));
        assert!(message.contains("did not write") && message.contains("\n    letter.docx"));
        let mut written = Manifest::default();
        written.add("letter.docx", b"keep me");
        std::fs::write(out.join(MARKER), marker::text(&written)).unwrap();
        assert!(check(&out, &content).is_ok());
        assert!(refused(check(&content, &content)).contains("contains the content"));
        assert!(refused(check(dir.path(), &content)).contains("contains the content"));
    }

    #[test]
    fn a_long_list_names_a_few_and_counts_the_rest() {
        let dir = tempfile::tempdir().unwrap();
        for n in 0..8 {
            std::fs::write(dir.path().join(format!("{n}.txt")), "x").unwrap();
        }
        let message = refused(check(dir.path(), Path::new("no-content")));
        assert!(
            message.contains("\n    4.txt\n    … and 3 more"),
            "{message}"
        );
        assert!(!message.contains("5.txt"), "{message}");
    }
}
