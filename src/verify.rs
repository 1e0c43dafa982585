//! `niemyet verify`: checks a copy of the site (on the web server, say) against the
//! `sha256sums.txt` its build published, and names every file altered, added or removed since.

use crate::diagnostics::{Bilingual, Diagnostic};
use crate::write::manifest::{Differences, Manifest};
use crate::write::{MARKER, SUMS};
use std::path::Path;

/// Compares the folder `dir` with its `sha256sums.txt`. Neither the sums nor niemyet's marker is
/// a file of the site (the sums cannot list themselves; the marker is a note for later builds,
/// which a copy may leave out), so neither is ever reported.
pub fn verify(dir: &Path) -> Result<Differences, Diagnostic> {
    if !dir.is_dir() {
        let path = dir.display();
        return Err(Diagnostic::error(
            dir,
            Bilingual::new(
                format!("Không có thư mục `{path}`."),
                format!("There is no folder `{path}`."),
            ),
        )
        .hint(where_the_site_is()));
    }
    let sums = dir.join(SUMS);
    if !sums.is_file() {
        let path = dir.display();
        return Err(Diagnostic::error(
            &sums,
            Bilingual::new(
                format!(
                    "Thư mục `{path}` không có `{SUMS}`: đây không phải trang do niemyet dựng, \
                     hoặc tệp đó chưa được sao chép cùng trang."
                ),
                format!(
                    "The folder `{path}` has no `{SUMS}`: it is not a site niemyet built, or that \
                     file was not copied with the site."
                ),
            ),
        )
        .hint(where_the_site_is()));
    }
    let text = crate::fs::read(&sums).map_err(|e| {
        Diagnostic::error(
            &sums,
            Bilingual::new(
                format!("Không đọc được tệp: {}", e.source),
                format!("The file cannot be read: {}", e.source),
            ),
        )
    })?;
    let listed = Manifest::parse(&String::from_utf8_lossy(&text)).map_err(|line| {
        Diagnostic::error(
            &sums,
            Bilingual::new(
                "Dòng này không có dạng `<mã SHA-256>  <đường dẫn tệp>`: tệp đã bị sửa hoặc hỏng.",
                "This line is not `<SHA-256>  <path of a file>`: the file was changed or damaged.",
            ),
        )
        .at(Some(line), None)
        .hint(Bilingual::new(
            format!("Sao chép lại `{SUMS}` từ thư mục kết quả của lần dựng."),
            format!("Copy `{SUMS}` again from the output folder of the build."),
        ))
    })?;
    listed.compare(dir, &[SUMS, MARKER]).map_err(|e| {
        Diagnostic::error(
            &e.path,
            Bilingual::new(
                format!("Không đọc được: {}", e.source),
                format!("Cannot be read: {}", e.source),
            ),
        )
    })
}

fn where_the_site_is() -> Bilingual {
    Bilingual::new(
        format!(
            "Ghi thư mục đã sao chép trang vào (thư mục có `index.html` và `{SUMS}`), ví dụ \
             `niemyet verify /var/www/html`."
        ),
        format!(
            "Give the folder the site was copied to (the one with `index.html` and `{SUMS}`), \
             e.g. `niemyet verify /var/www/html`."
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_damaged_sums_file_is_named_with_its_line() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(SUMS), "chưa có mã  index.html\n").unwrap();
        let d = verify(dir.path()).unwrap_err();
        assert_eq!((d.path, d.line), (dir.path().join(SUMS), Some(1)));
    }

    #[test]
    fn an_empty_list_matches_a_folder_holding_only_the_sums_and_the_marker() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(SUMS), "").unwrap();
        std::fs::write(dir.path().join(MARKER), "niemyet\n").unwrap();
        assert_eq!(verify(dir.path()).unwrap(), Differences::default());
    }
}
