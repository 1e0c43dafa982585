//! `niemyet check --to-utf8` (ghi lại bằng UTF-8): rewrites the content files that were read by
//! converting them (UTF-16, TCVN3, VNI, Windows-1258) as the UTF-8 text niemyet read, so that
//! every editor shows them right and no run has to convert them again. Re-saving from Notepad
//! cannot do this for TCVN3 or VNI: Notepad shows their bytes as other letters and keeps them.

use super::text::{Converted, decode};
use super::{THEME_DIR, is_hidden};
use crate::diagnostics::{Bilingual, Diagnostic};
use std::path::{Path, PathBuf};
use unicode_normalization::UnicodeNormalization;
use walkdir::WalkDir;

/// A file rewritten, relative to the content folder, and the encoding it was in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rewritten {
    pub rel: PathBuf,
    pub from: Converted,
}

/// Rewrites every converted `.md`, `.yaml` and `.yml` file under `root` in UTF-8; files niemyet
/// cannot read are left as they are (`check` reports them).
pub fn rewrite(root: &Path) -> (Vec<Rewritten>, Vec<Diagnostic>) {
    let (mut done, mut problems) = (Vec::new(), Vec::new());
    let walker = WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            e.depth() == 0
                || !(e.file_type().is_dir()
                    && (is_hidden(e.path()) || e.path() == root.join(THEME_DIR)))
        });
    for entry in walker.filter_map(Result::ok) {
        let name = entry.file_name().to_string_lossy().to_lowercase();
        let text_file = [".md", ".yaml", ".yml"].iter().any(|e| name.ends_with(e));
        if !entry.file_type().is_file() || !text_file {
            continue;
        }
        let path = entry.path();
        let rel = path.strip_prefix(root).unwrap_or(path).to_path_buf();
        let Ok(bytes) = crate::fs::read(path) else {
            continue;
        };
        let Ok(decoded) = decode(&bytes) else {
            continue;
        };
        let Some(from) = decoded.converted else {
            continue;
        };
        let text: String = decoded.text.nfc().collect();
        match crate::fs::write(path, text.as_bytes()) {
            Ok(()) => done.push(Rewritten { rel, from }),
            Err(e) => problems.push(Diagnostic::error(
                &rel,
                Bilingual::new(
                    format!("Không ghi lại được tệp bằng UTF-8: {}", e.source),
                    format!("Cannot rewrite the file in UTF-8: {}", e.source),
                ),
            )),
        }
    }
    (done, problems)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::legacy::Legacy;

    #[test]
    fn rewrites_converted_files_only() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("van-ban")).unwrap();
        // “Nguyễn” in TCVN3, and a file already in UTF-8
        std::fs::write(root.join("van-ban/a.md"), b"tac_gia: Nguy\xD4n\r\n").unwrap();
        std::fs::write(root.join("cau-hinh.yaml"), "ten: Xã Mới\n").unwrap();
        let (done, problems) = rewrite(root);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(
            done,
            vec![Rewritten {
                rel: PathBuf::from("van-ban/a.md"),
                from: Converted::Legacy(Legacy::Tcvn3),
            }]
        );
        let text = std::fs::read_to_string(root.join("van-ban/a.md")).unwrap();
        assert_eq!(text, "tac_gia: Nguyễn\n");
        assert_eq!(rewrite(root).0, vec![]);
    }
}
