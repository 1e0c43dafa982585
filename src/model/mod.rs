//! The typed content of a site, built once from the loaded sources and read-only afterwards.
//! Relations are ids (`don_vi`, `khu_dan_cu`, `bau_cu`, slugs). What only the files themselves
//! can tell is checked here (file names, two files with one id, attachments and photos that must
//! exist); everything that relates one file to another is checked in `validate`.

pub mod candidate;
pub mod config;
pub mod contest;
pub mod date;
pub mod decision;
pub mod division;
pub mod document;
pub mod election;
pub mod file_names;
pub mod files;
pub mod holidays;
pub mod language;
pub mod lunar;
pub mod outcome;
pub mod page;
mod parallel;
pub mod posted_list;
pub mod reassemble;
pub mod required;
pub mod result;
pub mod rules;
mod sections;
pub mod spelling;
pub mod statistics;
pub mod term;
#[cfg(test)]
pub(crate) mod testing;
pub mod text;
pub mod timeline;
pub mod totals;
pub mod translation;

use crate::diagnostics::{Bilingual, Diagnostic};
use crate::load::{self, RoundSources, SourceFile, Sources, front_matter, yaml};
use candidate::{Candidate, CandidateFile, Photo};
use config::SiteConfig;
use division::{Commune, CommuneFile};
use document::{Attachment, Document, DocumentFile};
use election::{Round, RoundFile};
use file_names::Refusal;
use language::Language;
use page::{Page, PageFile};
use result::{ResultFile, ResultSheet};
use sections::Sections;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// Everything a site publishes.
#[derive(Debug, Clone, Default)]
pub struct Site {
    pub root: PathBuf,
    pub config: SiteConfig,
    /// Sorted by id.
    pub communes: Vec<Commune>,
    /// Newest election first.
    pub rounds: Vec<Round>,
    /// Newest first.
    pub documents: Vec<Document>,
    /// In menu order.
    pub pages: Vec<Page>,
    /// The built-in sets of election rules, then the site's own that are valid.
    pub rules: Vec<rules::RuleSet>,
}

impl Site {
    /// Found by halving, as the communes are sorted by id (the first of two with one id, which
    /// validation reports): pages ask for their commune one by one, and a walk of the country's
    /// 3,321 for each of them grew the build with the square of the site.
    pub fn commune(&self, id: &str) -> Option<&Commune> {
        let at = self.communes.partition_point(|c| c.id.as_str() < id);
        self.communes.get(at).filter(|c| c.id == id)
    }

    pub fn round(&self, id: &str) -> Option<&Round> {
        self.rounds.iter().find(|r| r.id == id)
    }

    pub fn document(&self, slug: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.slug == slug)
    }

    /// The rules a round follows: those it names, or else those in force on its election day.
    /// Nothing when it names rules that do not exist (which validation reports).
    pub fn rules_for(&self, round: &Round) -> Option<&rules::RuleSet> {
        let id = round
            .data
            .quy_tac
            .as_deref()
            .unwrap_or_else(|| rules::in_force_on(round.data.ngay_bau_cu));
        self.rules.iter().find(|r| r.id == id)
    }
}

/// Turns sources into a site. Every file that parses is kept, so that `check` reports the
/// problems of all files in one run.
pub fn assemble(sources: &Sources) -> (Site, Vec<Diagnostic>) {
    assemble_with(sources, &mut sections::FromFiles)
}

/// [`assemble`], with `sections` making the communes, rounds, documents and pages from their
/// files, as [`sections::FromFiles`] does (`reassemble` takes those whose files did not change
/// as they were).
fn assemble_with(sources: &Sources, sections: &mut impl Sections) -> (Site, Vec<Diagnostic>) {
    let mut problems = Vec::new();
    let mut site = Site {
        root: sources.root.clone(),
        rules: rules::builtin(),
        ..Site::default()
    };

    match &sources.config {
        Some(file) => match yaml::parse::<SiteConfig>(file, &file.text, 1) {
            Ok(config) => {
                let builtin = rules::builtin();
                site.rules.extend(
                    config
                        .quy_tac_bau_cu
                        .iter()
                        .filter_map(|f| f.resolve(&builtin).ok()),
                );
                site.config = config;
            }
            Err(d) => problems.extend(d),
        },
        None => problems.push(
            Diagnostic::error(
                load::CONFIG_FILE,
                Bilingual::new(
                    "Thiếu tệp cấu hình của trang.",
                    "The site configuration file is missing.",
                ),
            )
            .hint(Bilingual::new(
                format!(
                    "Tạo tệp `{}` ở thư mục nội dung, với ít nhất `ten:` và `co_quan:`.",
                    load::CONFIG_FILE
                ),
                format!(
                    "Create `{}` in the content folder with at least `ten:` and `co_quan:`.",
                    load::CONFIG_FILE
                ),
            )),
        ),
    }

    let (communes, found) = sections.communes(&sources.divisions);
    site.communes = communes;
    problems.extend(found);

    let languages = site.config.languages();
    for (round, found) in sections.rounds(&sources.rounds, &languages) {
        problems.extend(found);
        site.rounds.extend(round);
    }
    site.rounds
        .sort_by(|a, b| (b.data.ngay_bau_cu, &a.id).cmp(&(a.data.ngay_bau_cu, &b.id)));
    contest::resolve_site(&mut site);

    let (documents, found) = sections.documents(&sources.documents, &languages);
    site.documents = documents;
    problems.extend(found);
    let (pages, found) = sections.pages(&sources.pages, &languages);
    site.pages = pages;
    problems.extend(found);

    (site, problems)
}

/// Slugs that name the site's own sections and so cannot be a page.
pub const RESERVED_SLUGS: &[&str] = &[
    load::ELECTIONS_DIR,
    load::DOCUMENTS_DIR,
    load::DIVISIONS_DIR,
    "gioi-thieu",
    "tai-nguyen",
    // English's folder, taken even while a site has one language so that adding it later breaks
    // no page
    Language::En.code(),
    "404",
    "ket-qua",
    "du-lieu",
    "tim-kiem",
];

/// Names of the archive pages inside `bau-cu/` and `van-ban/`, which a round or a document
/// cannot take.
pub const ARCHIVE_NAMES: &[&str] = &["nhiem-ky", "nam", "loai", "trang"];

/// A name that a built-in page of the portal already takes.
fn check_reserved(file: &SourceFile, slug: &str, reserved: &[&str]) -> Option<Diagnostic> {
    reserved.contains(&slug).then(|| {
        Diagnostic::error(
            &file.rel,
            Bilingual::new(
                format!("Tên “{slug}” trùng với một mục có sẵn của cổng thông tin."),
                format!("The name “{slug}” is taken by a built-in section of the portal."),
            ),
        )
        .hint(Bilingual::new(
            "Đổi tên tệp hoặc thư mục.",
            "Rename the file or folder.",
        ))
    })
}

/// Names of a round's own pages, which a village id in that round cannot take.
pub const RESERVED_IN_ROUND: &[&str] = &["danh-sach-ung-cu-vien", "danh-sach-trung-cu"];

fn check_slug(file: &SourceFile, slug: &str) -> Option<Diagnostic> {
    (!text::is_slug(slug)).then(|| {
        let suggestion = text::slugify(slug);
        Diagnostic::error(
            &file.rel,
            Bilingual::new(
                format!("Tên tệp hoặc thư mục “{slug}” sẽ thành địa chỉ trang, nên chỉ được dùng chữ thường không dấu, chữ số và dấu gạch ngang."),
                format!("The file or folder name “{slug}” becomes a web address, so it may use only lowercase letters without accents, digits and hyphens."),
            ),
        )
        .hint(Bilingual::new(
            format!("Đổi tên thành “{suggestion}”."),
            format!("Rename it to “{suggestion}”."),
        ))
    })
}

fn duplicate(file: &Path, line: Option<usize>, field: &str, id: &str, first: &Path) -> Diagnostic {
    let first = first.display().to_string().replace('\\', "/");
    Diagnostic::error(
        file,
        Bilingual::new(
            format!("Mã “{id}” bị trùng: đã dùng trong {first}."),
            format!("The id “{id}” is a duplicate: {first} already uses it."),
        ),
    )
    .at(line, None)
    .field(field)
    .hint(Bilingual::new(
        "Mỗi mã phải là duy nhất; đổi tên một trong hai.",
        "Every id must be unique; rename one of the two.",
    ))
}

fn assemble_commune(file: &SourceFile, problems: &mut Vec<Diagnostic>) -> Option<Commune> {
    let id = file.stem();
    if let Some(d) = check_slug(file, &id) {
        problems.push(d);
    }
    match yaml::parse::<CommuneFile>(file, &file.text, 1) {
        Ok(data) => Some(Commune {
            id,
            file: file.rel.clone(),
            data,
        }),
        Err(d) => {
            problems.extend(d);
            None
        }
    }
}

/// A results file saved before anything was typed in it: the command that writes one with
/// every contest of the round, to fill in.
fn empty_results(file: &SourceFile, round: &str) -> Diagnostic {
    Diagnostic::error(
        &file.rel,
        Bilingual::new(
            "Tệp kết quả trống.",
            "The results file is empty.",
        ),
    )
    .at(Some(1), None)
    .hint(Bilingual::new(
        format!("Xóa tệp này rồi chạy `niemyet new results {round}`: lệnh tạo lại tệp với mọi khu của đợt để điền số liệu. Nếu chưa kiểm phiếu, chỉ cần xóa tệp."),
        format!("Delete this file and run `niemyet new results {round}`: it writes the file again with every contest of the round, to fill in. If the votes are not counted yet, just delete the file."),
    ))
}

fn assemble_round(
    sources: &RoundSources,
    languages: &[Language],
    problems: &mut Vec<Diagnostic>,
) -> Option<Round> {
    let Some(file) = &sources.round else {
        problems.push(
            Diagnostic::error(
                &sources.rel_dir,
                Bilingual::new(
                    format!("Thư mục đợt bầu cử không có tệp `{}`.", load::ROUND_FILE),
                    format!("The election folder has no `{}` file.", load::ROUND_FILE),
                ),
            )
            .hint(Bilingual::new(
                format!(
                    "Tạo tệp `{}` trong thư mục này (xem README).",
                    load::ROUND_FILE
                ),
                format!(
                    "Create `{}` in this folder (see the README).",
                    load::ROUND_FILE
                ),
            )),
        );
        return None;
    };
    if let Some(d) = check_slug(file, &sources.id) {
        problems.push(d);
    }
    problems.extend(check_reserved(file, &sources.id, ARCHIVE_NAMES));
    let data = match yaml::parse::<RoundFile>(file, &file.text, 1) {
        Ok(data) => Some(data),
        Err(d) => {
            problems.extend(d);
            None
        }
    };
    let mut candidates = Vec::new();
    let (translations, originals) = translation::split(&sources.candidates);
    for file in originals {
        let slug = file.stem();
        if let Some(d) = check_slug(file, &slug) {
            problems.push(d);
        }
        match front_matter::parse::<CandidateFile>(file) {
            Ok(p) => {
                let photo =
                    p.data
                        .anh
                        .as_deref()
                        .and_then(|anh| match candidate_photo(file, anh) {
                            Ok(path) => Some(path),
                            Err(d) => {
                                problems.push(d);
                                None
                            }
                        });
                candidates.push(Candidate {
                    slug,
                    file: file.rel.clone(),
                    body_line: p.body_line,
                    data: p.data,
                    bio: p.body,
                    photo,
                    translations: Vec::new(),
                });
            }
            Err(d) => problems.extend(d),
        }
    }
    translation::attach(
        translations,
        &mut candidates,
        |c| &c.slug,
        |c| &mut c.translations,
        languages,
        problems,
    );
    // each key folded once, not once per comparison
    candidates.sort_by_cached_key(|c| (c.data.khu_dan_cu.clone(), c.ballot_key()));
    let results = sources.results.as_ref().and_then(|file| {
        if load::has_no_data(&file.text) {
            problems.push(empty_results(file, &sources.id));
            return None;
        }
        match yaml::parse::<ResultFile>(file, &file.text, 1) {
            Ok(ResultFile(contests)) => Some(ResultSheet {
                file: file.rel.clone(),
                contests,
            }),
            Err(d) => {
                problems.extend(d);
                None
            }
        }
    });
    let data = data?;
    Some(Round {
        id: sources.id.clone(),
        file: file.rel.clone(),
        status: data.trang_thai,
        data,
        candidates,
        results,
        contests: Vec::new(),
    })
}

/// A candidate's photo: an image file inside the candidates' folder, with a name every server
/// can hold.
fn candidate_photo(file: &SourceFile, anh: &str) -> Result<Photo, Diagnostic> {
    let folder = file.abs.parent().unwrap_or(Path::new("."));
    let file_name = file_names::last_part(anh);
    let error = |message: Bilingual, hint: Bilingual| {
        Diagnostic::error(&file.rel, message)
            .at(file.line_of("anh", None, 1), None)
            .field("anh")
            .hint(hint)
    };
    let checked = file_names::check(&file_name, file_names::IMAGE_TYPES);
    if let Err(Refusal::Unsafe { why, safe }) = &checked {
        let shown = file_names::printable(anh);
        return Err(error(
            Bilingual::new(
                format!("Tên ảnh “{shown}” {}.", why.vi),
                format!("The photo's name “{shown}” {}.", why.en),
            ),
            file_names::rename_hint("anh", anh, &file_name, safe),
        ));
    }
    match files::existing_inside(folder, anh) {
        Some(source) if checked.is_ok() && files::looks_like_image(&source) => {
            Ok(Photo { source, file_name })
        }
        _ => Err(error(
            Bilingual::new(
                format!(
                    "Không tìm thấy ảnh “{anh}”, hoặc đó không phải tệp ảnh (jpg, png, webp, gif)."
                ),
                format!(
                    "The photo “{anh}” cannot be found, or is not an image file (jpg, png, webp, gif)."
                ),
            ),
            Bilingual::new(
                "Đặt ảnh trong thư mục ung-cu-vien/ (ví dụ ung-cu-vien/anh/ten.jpg) và ghi đường dẫn tính từ đó.",
                "Put the photo in the ung-cu-vien/ folder (e.g. ung-cu-vien/anh/name.jpg) and give the path from there.",
            ),
        )),
    }
}

fn assemble_document(file: &SourceFile, problems: &mut Vec<Diagnostic>) -> Option<Document> {
    let slug = file.stem();
    if let Some(d) = check_slug(file, &slug) {
        problems.push(d);
    }
    problems.extend(check_reserved(file, &slug, ARCHIVE_NAMES));
    let parsed = match front_matter::parse::<DocumentFile>(file) {
        Ok(p) => p,
        Err(d) => {
            problems.extend(d);
            return None;
        }
    };
    let data = parsed.data;
    let folder = file.abs.parent().unwrap_or(Path::new("."));
    let mut attachments: Vec<Attachment> = Vec::new();
    for (i, a) in data.dinh_kem.iter().enumerate() {
        let line = file.line_of("tep", Some(&a.tep), 1).or_else(|| {
            // a name written with escapes (`"a\"b.pdf"`) is found by its place in the list
            let start = file.line_of_top("dinh_kem")?;
            (0..=i).try_fold(start, |from, _| file.line_of("tep", None, from + 1))
        });
        match read_attachment(folder, &a.tep, a.ten.as_deref()) {
            Ok(att) if attachments.iter().any(|x| x.file_name == att.file_name) => {
                problems.push(duplicate(
                    &file.rel,
                    line,
                    "dinh_kem",
                    &att.file_name,
                    &file.rel,
                ));
            }
            Ok(att) => attachments.push(att),
            Err(Unusable { reason, hint }) => problems.push(
                Diagnostic::error(
                    &file.rel,
                    Bilingual::new(
                        format!(
                            "Không dùng được tệp đính kèm “{}”: {}.",
                            file_names::printable(&a.tep),
                            reason.vi
                        ),
                        format!(
                            "The attachment “{}” cannot be used: {}.",
                            file_names::printable(&a.tep),
                            reason.en
                        ),
                    ),
                )
                .at(line, None)
                .field("dinh_kem")
                .hint(hint),
            ),
        }
    }
    Some(Document {
        slug,
        file: file.rel.clone(),
        body_line: parsed.body_line,
        data,
        body: parsed.body,
        attachments,
        translations: Vec::new(),
    })
}

/// Why an attachment cannot be published, and what to do about it.
struct Unusable {
    reason: Bilingual,
    hint: Bilingual,
}

/// Reads an attachment to know its size and SHA-256, which the document page shows so that a
/// reader can check the copy they downloaded.
fn read_attachment(folder: &Path, tep: &str, label: Option<&str>) -> Result<Attachment, Unusable> {
    let file_name = file_names::last_part(tep);
    match file_names::check(&file_name, file_names::ATTACHMENT_TYPES) {
        Ok(()) => {}
        Err(Refusal::Unsafe { why, safe }) => {
            return Err(Unusable {
                reason: Bilingual::new(
                    format!("tên tệp {}", why.vi),
                    format!("its name {}", why.en),
                ),
                hint: file_names::rename_hint("tep", tep, &file_name, &safe),
            });
        }
        Err(Refusal::Server | Refusal::Type) => {
            return Err(Unusable {
                reason: Bilingual::new(
                    "chỉ đính kèm được văn bản, bảng tính, ảnh hoặc tệp nén (pdf, doc(x), xls(x), odt, txt, jpg, png, zip…); trang web, mã chạy hay SVG thì không",
                    "only documents, spreadsheets, images or archives can be attached (pdf, doc(x), xls(x), odt, txt, jpg, png, zip…); not web pages, scripts or SVG",
                ),
                hint: Bilingual::new(
                    "Đính kèm bản PDF của nó thay thế.",
                    "Attach a PDF of it instead.",
                ),
            });
        }
    }
    let Some(source) = files::existing_inside(folder, tep) else {
        return Err(Unusable {
            reason: Bilingual::new(
                "không có tệp này trong thư mục của văn bản",
                "there is no such file in the document's folder",
            ),
            hint: Bilingual::new(
                "Đặt tệp cạnh tệp văn bản (hoặc sửa đường dẫn cho đúng, tính từ thư mục của văn bản).",
                "Put the file beside the document (or correct the path, relative to the document's folder).",
            ),
        });
    };
    let bytes = crate::fs::read(&source).map_err(|e| Unusable {
        reason: Bilingual::new(
            format!("không đọc được: {}", e.source),
            format!("cannot be read: {}", e.source),
        ),
        hint: Bilingual::new(
            "Kiểm tra quyền đọc tệp, hoặc chép lại tệp.",
            "Check that the file can be read, or copy it again.",
        ),
    })?;
    Ok(Attachment {
        label: label
            .map(str::to_string)
            .unwrap_or_else(|| file_name.clone()),
        file_name,
        source,
        size: bytes.len() as u64,
        sha256: text::hex(&Sha256::digest(&bytes)),
    })
}

fn assemble_page(
    file: &SourceFile,
    languages: &[Language],
    problems: &mut Vec<Diagnostic>,
) -> Option<Page> {
    let slug = file.stem();
    if let Some(d) = check_slug(file, &slug) {
        problems.push(d);
    }
    problems.extend(check_reserved(file, &slug, RESERVED_SLUGS));
    // each language but the default has its folder at the root
    let folders: Vec<&str> = languages.iter().skip(1).map(Language::code).collect();
    problems.extend(check_reserved(file, &slug, &folders));
    match front_matter::parse::<PageFile>(file) {
        Ok(p) => Some(Page {
            slug,
            file: file.rel.clone(),
            body_line: p.body_line,
            data: p.data,
            body: p.body,
            translations: Vec::new(),
        }),
        Err(d) => {
            problems.extend(d);
            None
        }
    }
}
