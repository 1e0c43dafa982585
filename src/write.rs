//! Writing the output: HTML is minified, the whole site is written into a fresh folder beside the
//! output, and only then swapped in, so a failed build leaves the previous `output/` untouched.

use crate::fs::{self, FsError};
use std::path::{Path, PathBuf};

/// What a file of the output holds.
#[derive(Debug, Clone)]
pub enum Contents {
    Bytes(Vec<u8>),
    /// Copied from a content file (attachments, photos) when written.
    CopyOf(PathBuf),
}

/// One file of the built site.
#[derive(Debug, Clone)]
pub struct OutputFile {
    /// Relative to the output folder, with `/` separators, e.g. `bau-cu/hong-gai-2022/index.html`.
    pub path: String,
    pub contents: Contents,
}

impl OutputFile {
    /// A rendered page (an attachment that happens to be HTML is copied, not rendered).
    pub fn is_page(&self) -> bool {
        matches!(self.contents, Contents::Bytes(_)) && self.path.ends_with(".html")
    }
}

/// Minifies an HTML page with settings that keep it valid HTML5.
pub fn minify_html(html: &[u8]) -> Vec<u8> {
    let cfg = minify_html::Cfg {
        keep_closing_tags: true,
        keep_html_and_head_opening_tags: true,
        minify_css: true,
        ..minify_html::Cfg::default()
    };
    minify_html::minify(html, &cfg)
}

/// Marks a folder as built by niemyet: only such a folder (or an empty one) is ever replaced, so
/// that a mistyped `--output` can never delete someone's documents.
pub const MARKER: &str = ".niemyet-output";

/// Refuses to replace a folder that niemyet did not build, or one that holds the content.
pub fn check_replaceable(output: &Path, content: &Path) -> Result<(), FsError> {
    let refuse = |why: &str| FsError {
        path: output.to_path_buf(),
        action: "replace",
        source: std::io::Error::other(why.to_string()),
    };
    if let (Ok(out), Ok(content)) = (output.canonicalize(), content.canonicalize())
        && content.starts_with(&out)
    {
        return Err(refuse(
            "thư mục kết quả chứa thư mục nội dung / the output folder contains the content folder",
        ));
    }
    if output.is_file() {
        return Err(refuse(
            "đây là một tệp, không phải thư mục / this is a file, not a folder",
        ));
    }
    let non_empty = std::fs::read_dir(output)
        .map(|mut d| d.next().is_some())
        .unwrap_or(false);
    if non_empty && !output.join(MARKER).is_file() {
        return Err(refuse(
            "thư mục đã có dữ liệu không do niemyet tạo; chọn thư mục khác hoặc làm trống nó \
             / the folder holds files niemyet did not write; choose another folder or empty it",
        ));
    }
    Ok(())
}

/// Minifies a stylesheet with the CSS minifier inside minify-html (lightningcss), which is reached
/// through a `<style>` element; should the result not come back as one, the stylesheet is kept.
pub fn minify_css(css: &[u8]) -> Vec<u8> {
    let mut page = b"<style>".to_vec();
    page.extend_from_slice(css);
    page.extend_from_slice(b"</style>");
    let out = minify_html(&page);
    out.strip_prefix(b"<style>")
        .and_then(|rest| rest.strip_suffix(b"</style>"))
        .map(<[u8]>::to_vec)
        .unwrap_or_else(|| css.to_vec())
}

/// Writes `files` into `output`, replacing what was there only once everything is written.
pub fn write_atomically(output: &Path, files: Vec<OutputFile>) -> Result<(), FsError> {
    write_atomically_with(output, files, &mut |_, _| {})
}

/// [`write_atomically`], telling `written(done, total)` after each file.
pub fn write_atomically_with(
    output: &Path,
    files: Vec<OutputFile>,
    written: &mut dyn FnMut(usize, usize),
) -> Result<(), FsError> {
    let name = output
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "output".into());
    let parent = match output.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&parent)?;
    remove_leftovers(&parent, &name, output);
    let staging = parent.join(format!(".{name}.niemyet-new-{}", std::process::id()));
    let previous = parent.join(format!(".{name}.niemyet-old-{}", std::process::id()));
    if let Err(e) = write_all(&staging, files, written) {
        let _ = std::fs::remove_dir_all(&staging);
        return Err(e);
    }
    if !output.exists() {
        return fs::rename(&staging, output).inspect_err(|_| {
            let _ = std::fs::remove_dir_all(&staging);
        });
    }
    // Two renames: the old site is set aside, then the new one takes its name. If the second
    // fails, the old site is put back; either way the output folder holds a whole site.
    if let Err(e) = fs::rename(output, &previous) {
        let _ = std::fs::remove_dir_all(&staging);
        return Err(e);
    }
    if let Err(e) = fs::rename(&staging, output) {
        let _ = std::fs::rename(&previous, output);
        let _ = std::fs::remove_dir_all(&staging);
        return Err(e);
    }
    // The new site is in place; an old copy that cannot be deleted now (a file held open on
    // Windows) is removed by the next build.
    let _ = std::fs::remove_dir_all(&previous);
    Ok(())
}

/// Cleans up after an interrupted build. If it stopped between its two renames, the old site is
/// only in its set-aside folder: it is put back first. Other leftovers are removed.
fn remove_leftovers(parent: &Path, name: &str, output: &Path) {
    let new_prefix = format!(".{name}.niemyet-new-");
    let old_prefix = format!(".{name}.niemyet-old-");
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    let mut leftovers: Vec<PathBuf> = entries
        .flatten()
        .filter(|e| {
            let n = e.file_name().to_string_lossy().into_owned();
            n.starts_with(&new_prefix) || n.starts_with(&old_prefix)
        })
        .map(|e| e.path())
        .collect();
    leftovers.sort();
    for path in leftovers {
        let set_aside = path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with(&old_prefix));
        if set_aside && !output.exists() && path.join(MARKER).is_file() {
            let _ = std::fs::rename(&path, output);
        } else {
            let _ = std::fs::remove_dir_all(&path);
        }
    }
}

fn write_all(
    root: &Path,
    files: Vec<OutputFile>,
    written: &mut dyn FnMut(usize, usize),
) -> Result<(), FsError> {
    fs::create_dir_all(root)?;
    fs::write(&root.join(MARKER), b"niemyet\n")?;
    let total = files.len();
    for (done, file) in files.into_iter().enumerate() {
        let target = root.join(&file.path);
        match file.contents {
            Contents::Bytes(bytes) if file.path.ends_with(".html") => {
                fs::write(&target, &minify_html(&bytes))?
            }
            Contents::Bytes(bytes) if file.path.ends_with(".css") => {
                fs::write(&target, &minify_css(&bytes))?
            }
            Contents::Bytes(bytes) => fs::write(&target, &bytes)?,
            Contents::CopyOf(source) => fs::copy(&source, &target)?,
        }
        written(done + 1, total);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(path: &str, html: &str) -> OutputFile {
        OutputFile {
            path: path.into(),
            contents: Contents::Bytes(html.as_bytes().to_vec()),
        }
    }

    #[test]
    fn replaces_the_output_and_leaves_no_staging_folder() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("output");
        write_atomically(&out, vec![page("a/index.html", "<p>one</p>")]).unwrap();
        write_atomically(&out, vec![page("b/index.html", "<p>two</p>")]).unwrap();
        assert!(!out.join("a/index.html").exists());
        assert!(out.join("b/index.html").exists());
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("output")]);
    }

    #[test]
    fn a_failed_write_keeps_the_previous_output() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("output");
        write_atomically(&out, vec![page("index.html", "<p>old</p>")]).unwrap();
        let missing = OutputFile {
            path: "x.pdf".into(),
            contents: Contents::CopyOf(dir.path().join("does-not-exist.pdf")),
        };
        assert!(write_atomically(&out, vec![page("index.html", "<p>new</p>"), missing]).is_err());
        let kept = std::fs::read_to_string(out.join("index.html")).unwrap();
        assert!(kept.contains("old"));
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn refuses_to_replace_a_folder_it_did_not_build_or_the_content() {
        let dir = tempfile::tempdir().unwrap();
        let content = dir.path().join("content");
        std::fs::create_dir_all(&content).unwrap();
        let documents = dir.path().join("documents");
        std::fs::create_dir_all(&documents).unwrap();
        std::fs::write(documents.join("letter.docx"), b"keep me").unwrap();
        assert!(check_replaceable(&documents, &content).is_err());
        assert!(check_replaceable(dir.path(), &content).is_err());
        assert!(check_replaceable(&content, &content).is_err());
        let out = dir.path().join("output");
        assert!(check_replaceable(&out, &content).is_ok());
        write_atomically(&out, vec![page("index.html", "<p>x</p>")]).unwrap();
        assert!(check_replaceable(&out, &content).is_ok());
    }

    #[test]
    fn stylesheets_are_minified() {
        let css = b"/* comment */\nbody {\n  color: #ff0000;\n}\n@media print { .nav { display: none; } }\n";
        let out = String::from_utf8(minify_css(css)).unwrap();
        assert!(!out.contains("comment") && !out.contains('\n'), "{out}");
        assert!(
            out.contains("body{color:red}") || out.contains("body{color:#f00}"),
            "{out}"
        );
        assert!(out.contains("@media print"), "{out}");
    }

    #[test]
    fn leftovers_of_an_interrupted_build_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("output");
        let stale = dir.path().join(".output.niemyet-new-99999");
        std::fs::create_dir_all(&stale).unwrap();
        std::fs::create_dir_all(dir.path().join(".other")).unwrap();
        write_atomically(&out, vec![page("index.html", "<p>x</p>")]).unwrap();
        assert!(!stale.exists());
        assert!(dir.path().join(".other").exists());
    }

    #[test]
    fn a_site_set_aside_by_an_interrupted_build_is_put_back_before_anything_else() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("output");
        write_atomically(&out, vec![page("index.html", "<p>old</p>")]).unwrap();
        std::fs::rename(&out, dir.path().join(".output.niemyet-old-99999")).unwrap();
        let missing = OutputFile {
            path: "x.pdf".into(),
            contents: Contents::CopyOf(dir.path().join("does-not-exist.pdf")),
        };
        assert!(write_atomically(&out, vec![missing]).is_err());
        assert!(
            std::fs::read_to_string(out.join("index.html"))
                .unwrap()
                .contains("old")
        );
    }

    #[test]
    fn minified_html_keeps_closing_tags() {
        let out = minify_html(b"<!DOCTYPE html><html lang=vi><head><title>A</title></head><body><p>x</p>  <p>y</p></body></html>");
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains("</p>"));
        assert!(text.starts_with("<!doctype html>") || text.starts_with("<!DOCTYPE html>"));
    }
}
