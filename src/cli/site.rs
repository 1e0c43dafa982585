//! Finding the site a command works on, as cargo finds `Cargo.toml`: from the current folder
//! upwards, the first folder holding `content/cau-hinh.yaml` (the site), or holding
//! `cau-hinh.yaml` itself (its content folder, when the command runs inside it). `--content`
//! names the folder instead, exactly as given.

use crate::diagnostics::{Bilingual, Lang};
use crate::load::CONFIG_FILE;
use std::path::{Path, PathBuf};

/// The content folder of a site, by default.
pub const CONTENT_DIR: &str = "content";

/// The output folder, by default, beside the content folder.
pub const OUTPUT_DIR: &str = "output";

/// The folders a command works on, as paths relative to the current folder (`content`,
/// `../content`), so that messages show short paths.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Site {
    pub content: PathBuf,
    pub output: PathBuf,
}

/// Why no site was found: what to print.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoSite {
    pub message: Bilingual,
    pub hint: Bilingual,
}

impl NoSite {
    /// The message and what to do, in one language.
    pub fn render(&self, lang: Lang) -> String {
        let (error, fix) = match lang {
            Lang::Vi => ("lỗi", "cách sửa"),
            Lang::En => ("error", "how to fix"),
        };
        format!(
            "{error}: {}\n  = {fix}: {}\n",
            self.message.get(lang),
            self.hint.get(lang)
        )
    }
}

/// The site for a command: the folders given, or the site found from `cwd` upwards. An output
/// folder given without a content folder stays where it is given.
pub fn locate(
    content: Option<PathBuf>,
    output: Option<PathBuf>,
    cwd: &Path,
) -> Result<Site, NoSite> {
    if let Some(content) = content {
        if !content.is_dir() {
            return Err(missing(&content));
        }
        return Ok(Site {
            content,
            output: output.unwrap_or_else(|| PathBuf::from(OUTPUT_DIR)),
        });
    }
    let found = find(cwd).ok_or_else(|| not_found(cwd))?;
    Ok(Site {
        output: output.unwrap_or(found.output),
        content: found.content,
    })
}

/// The site of the first folder from `cwd` upwards that holds one.
fn find(cwd: &Path) -> Option<Site> {
    for (up, dir) in cwd.ancestors().enumerate() {
        let parent = "../".repeat(up);
        if has_config(&dir.join(CONTENT_DIR)) {
            return Some(Site {
                content: PathBuf::from(format!("{parent}{CONTENT_DIR}")),
                output: PathBuf::from(format!("{parent}{OUTPUT_DIR}")),
            });
        }
        if has_config(dir) {
            let content = if up == 0 {
                "."
            } else {
                parent.trim_end_matches('/')
            };
            return Some(Site {
                content: PathBuf::from(content),
                output: PathBuf::from(format!("{parent}../{OUTPUT_DIR}")),
            });
        }
    }
    None
}

fn has_config(dir: &Path) -> bool {
    let yml = CONFIG_FILE.replace(".yaml", ".yml");
    dir.join(CONFIG_FILE).is_file() || dir.join(yml).is_file()
}

/// A content folder named with `--content` that is not there: one error, before anything else
/// is looked at.
fn missing(content: &Path) -> NoSite {
    let path = content.display();
    NoSite {
        message: Bilingual::new(
            format!("Không có thư mục nội dung {path}."),
            format!("The content folder {path} does not exist."),
        ),
        hint: Bilingual::new(
            "Kiểm tra tên thư mục sau --content, hoặc bỏ --content để tìm trang từ thư mục hiện tại; chưa có trang thì tạo một trang mới: niemyet new site ten-trang",
            "Check the folder named after --content, or leave --content out to find the site from the current folder; to start a site: niemyet new site site-name",
        ),
    }
}

/// No site here: say where it looked, point at a site in a folder below when there is one, and
/// otherwise at `niemyet new site`.
fn not_found(cwd: &Path) -> NoSite {
    let here = cwd.display();
    let message = Bilingual::new(
        format!(
            "Không tìm thấy trang nào ở thư mục này ({here}) hay các thư mục chứa nó: thư mục của trang là thư mục có {CONTENT_DIR}/{CONFIG_FILE}."
        ),
        format!(
            "No site in this folder ({here}) or any folder above it: a site's folder is the one holding {CONTENT_DIR}/{CONFIG_FILE}."
        ),
    );
    let below: Vec<String> = std::fs::read_dir(cwd)
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .filter(|e| has_config(&e.path().join(CONTENT_DIR)))
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    let hint = match below.as_slice() {
        [] => Bilingual::new(
            "Chuyển vào thư mục của trang (cd ten-trang), hoặc chỉ rõ thư mục nội dung bằng --content; chưa có trang thì tạo một trang mới: niemyet new site ten-trang",
            "Go into the site's folder (cd site-name), or name the content folder with --content; to start a site: niemyet new site site-name",
        ),
        [one] => Bilingual::new(
            format!("Thư mục {one} ở đây là một trang: chạy cd {one} rồi gõ lại lệnh."),
            format!("The folder {one} here is a site: run cd {one}, then the command again."),
        ),
        many => {
            let list = many.join(", ");
            Bilingual::new(
                format!(
                    "Các thư mục ở đây là trang: {list}. Chuyển vào một thư mục (cd tên-thư-mục) rồi gõ lại lệnh."
                ),
                format!(
                    "These folders here are sites: {list}. Go into one (cd folder-name), then run the command again."
                ),
            )
        }
    };
    NoSite { message, hint }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(root: &Path) {
        std::fs::create_dir_all(root.join("content/bau-cu/a")).unwrap();
        std::fs::write(root.join("content/cau-hinh.yaml"), "ten: x\n").unwrap();
    }

    #[test]
    fn finds_the_site_from_its_folder_and_any_folder_inside_it() {
        let dir = tempfile::tempdir().unwrap();
        site(dir.path());
        let at = |sub: &str| locate(None, None, &dir.path().join(sub)).unwrap();
        assert_eq!(
            at(""),
            Site {
                content: "content".into(),
                output: "output".into()
            }
        );
        // inside content/: its own folder, with the output beside it
        assert_eq!(
            at("content"),
            Site {
                content: ".".into(),
                output: "../output".into()
            }
        );
        assert_eq!(at("content/bau-cu/a").content, PathBuf::from("../.."));
        assert_eq!(
            at("content/bau-cu/a").output,
            PathBuf::from("../../../output")
        );
    }

    #[test]
    fn named_folders_win_and_outside_a_site_says_so() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("noi-dung")).unwrap();
        let given = locate(Some(dir.path().join("noi-dung")), None, dir.path()).unwrap();
        assert_eq!(given.output, PathBuf::from("output"));
        let e = locate(Some("khong-co".into()), None, dir.path()).unwrap_err();
        assert!(e.message.en.contains("khong-co does not exist"), "{e:?}");
        let e = locate(None, None, dir.path()).unwrap_err();
        assert!(e.hint.vi.contains("niemyet new site"), "{e:?}");
        site(&dir.path().join("moi"));
        let e = locate(None, None, dir.path()).unwrap_err();
        assert!(e.hint.en.contains("cd moi"), "{e:?}");
    }
}
