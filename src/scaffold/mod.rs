//! `niemyet new` (tạo mới): a new site that builds as it is, or one content file in its right
//! place with every field present, blank, and explained in Vietnamese and English, so that staff
//! can fill it in without the manual. An existing file is never overwritten.

pub mod samples;

use crate::diagnostics::Bilingual;
use crate::load::{
    CANDIDATES_DIR, CONFIG_FILE, DIVISIONS_DIR, DOCUMENTS_DIR, ELECTIONS_DIR, RESULTS_FILE,
    ROUND_FILE,
};
use crate::model::text::{closest, is_slug, name_slug, slugify};
use samples::{AUTHORITY, CANDIDATE_BIO, COMMUNE as COMMUNE_NAME, DOCUMENT_BODY, PROVINCE};
use std::fmt::Write;
use std::path::{Path, PathBuf};
use unicode_normalization::UnicodeNormalization;

const CONFIG: &str = include_str!("templates/cau-hinh.yaml");
const COMMUNE: &str = include_str!("templates/don-vi.yaml");
const ROUND: &str = include_str!("templates/dot-bau-cu.yaml");
const CANDIDATE: &str = include_str!("templates/ung-cu-vien.md");
const DOCUMENT: &str = include_str!("templates/van-ban.md");

/// The commune of a new site: `don-vi/xa-moi.yaml`.
pub const NEW_COMMUNE: &str = "xa-moi";

/// What to create (the command line's `niemyet new` subcommands).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scaffold {
    /// A new site in a new folder.
    Site { dir: PathBuf },
    /// `bau-cu/<round>/dot-bau-cu.yaml`: an election round (đợt bầu cử).
    Election { round: String },
    /// `bau-cu/<round>/ung-cu-vien/<name>.md`: a candidate (ứng cử viên) of an existing round.
    Candidate { round: String, name: String },
    /// `van-ban/<title>.md`: a document (văn bản).
    Document { title: String },
    /// `bau-cu/<round>/ket-qua.yaml`: the results (kết quả) of an existing round.
    Results { round: String },
}

impl Scaffold {
    /// Creates the files (relative to `content`, except a site, which names its own folder) and
    /// returns their paths.
    pub fn create(&self, content: &Path) -> Result<Vec<PathBuf>, Bilingual> {
        match self {
            Self::Site { dir } => new_site(dir),
            Self::Election { round } => {
                let (rel, text) = round_file(round)?;
                create(&content.join(rel), &text).map(|p| vec![p])
            }
            Self::Candidate { round, name } => {
                let (rel, text) = candidate_file(content, round, name)?;
                create(&content.join(rel), &text).map(|p| vec![p])
            }
            Self::Document { title } => {
                let (rel, text) = document_file(title)?;
                create(&content.join(rel), &text).map(|p| vec![p])
            }
            Self::Results { round } => {
                let round = existing_round(content, round)?;
                let text = results_template(content, round)?;
                let path = content.join(ELECTIONS_DIR).join(round).join(RESULTS_FILE);
                create(&path, &text).map(|p| vec![p])
            }
        }
    }
}

/// The file of a new round `round`: its path relative to the content folder and its text, every
/// field blank; the preview's new-round form fills in this text.
pub fn round_file(round: &str) -> Result<(PathBuf, String), Bilingual> {
    let round = round_id(round)?;
    let rel = Path::new(ELECTIONS_DIR).join(round).join(ROUND_FILE);
    Ok((rel, ROUND.replace("{round}", round)))
}

/// The file of a new candidate `name` of round `round`: its path relative to `content` and its
/// text, every field blank but the name; the preview's new-candidate form fills in this text.
pub fn candidate_file(
    content: &Path,
    round: &str,
    name: &str,
) -> Result<(PathBuf, String), Bilingual> {
    let round = existing_round(content, round)?;
    let slug = named_slug(name, CANDIDATES_DIR)?;
    let rel = Path::new(ELECTIONS_DIR)
        .join(round)
        .join(CANDIDATES_DIR)
        .join(format!("{slug}.md"));
    let text = CANDIDATE
        .replace("{namesakes}", &earlier_namesakes(content, round, name))
        .replace("{bio}", &samples::lines(&CANDIDATE_BIO))
        .replace("{name}", &yaml_text(name))
        .replace("{slug}", &slug);
    Ok((rel, text))
}

/// The file of a new document titled `title`: its path relative to the content folder and its
/// text, every field blank but the title; the preview's new-document form fills in this text.
pub fn document_file(title: &str) -> Result<(PathBuf, String), Bilingual> {
    let slug = named_slug(title, DOCUMENTS_DIR)?;
    let rel = Path::new(DOCUMENTS_DIR).join(format!("{slug}.md"));
    let document = DOCUMENT.replace("{body}", &samples::lines(&DOCUMENT_BODY));
    // a title given as a file name is left for staff to write
    let text = if is_slug(title) {
        document.replace(" {title}", "")
    } else {
        document.replace("{title}", &yaml_text(title))
    };
    Ok((rel, text))
}

fn new_site(dir: &Path) -> Result<Vec<PathBuf>, Bilingual> {
    let non_empty = std::fs::read_dir(dir).is_ok_and(|mut d| d.next().is_some());
    if non_empty || dir.is_file() {
        return Err(Bilingual::new(
            format!(
                "Thư mục {} đã có dữ liệu; chọn một thư mục mới.",
                dir.display()
            ),
            format!(
                "The folder {} is not empty; choose a new one.",
                dir.display()
            ),
        ));
    }
    let content = dir.join("content");
    let commune = content
        .join(DIVISIONS_DIR)
        .join(format!("{NEW_COMMUNE}.yaml"));
    let commune_text = COMMUNE
        .replace("{commune}", COMMUNE_NAME.text)
        .replace("{province}", PROVINCE.text);
    Ok(vec![
        create(
            &content.join(CONFIG_FILE),
            &CONFIG.replace("{authority}", AUTHORITY.text),
        )?,
        create(&commune, &commune_text)?,
    ])
}

/// Writes a new file, never over an existing one.
fn create(path: &Path, text: &str) -> Result<PathBuf, Bilingual> {
    let refused = |e: &dyn std::fmt::Display| {
        Bilingual::new(
            format!("Không tạo được {}: {e}", path.display()),
            format!("Cannot create {}: {e}", path.display()),
        )
    };
    if path.exists() {
        return Err(Bilingual::new(
            format!(
                "Tệp {} đã có; không ghi đè. Đổi tên hoặc xóa tệp cũ nếu muốn tạo lại.",
                path.display()
            ),
            format!(
                "{} already exists and is not overwritten. Rename or delete it to start again.",
                path.display()
            ),
        ));
    }
    if let Some(parent) = path.parent() {
        crate::fs::create_dir_all(parent).map_err(|e| refused(&e))?;
    }
    // `create_new` makes "never overwrite" hold even against another program racing us
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .and_then(|mut f| std::io::Write::write_all(&mut f, text.as_bytes()));
    written.map_err(|e| refused(&e))?;
    Ok(path.to_path_buf())
}

fn round_id(round: &str) -> Result<&str, Bilingual> {
    if is_slug(round) {
        return Ok(round);
    }
    let fixed = slugify(round);
    Err(Bilingual::new(
        format!(
            "Mã đợt bầu “{round}” phải là chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ “{fixed}”."
        ),
        format!(
            "The round id “{round}” must be lowercase ASCII letters, digits and hyphens, e.g. “{fixed}”."
        ),
    ))
}

/// The id of a round whose folder holds its `dot-bau-cu.yaml`: a mistyped id would otherwise
/// make a new folder that no round reads. The closest existing id is suggested.
fn existing_round<'r>(content: &Path, round: &'r str) -> Result<&'r str, Bilingual> {
    let round = round_id(round)?;
    let rounds = content.join(ELECTIONS_DIR);
    let is_round =
        |id: &str| crate::load::yaml_on_disk(&rounds, &Path::new(id).join(ROUND_FILE)).is_some();
    if is_round(round) {
        return Ok(round);
    }
    let mut known: Vec<String> = std::fs::read_dir(&rounds)
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|id| is_round(id))
        .collect();
    known.sort();
    let (mut vi, mut en) = (
        format!("Chưa có đợt bầu “{round}”: không có tệp {ELECTIONS_DIR}/{round}/{ROUND_FILE}."),
        format!(
            "There is no round “{round}”: {ELECTIONS_DIR}/{round}/{ROUND_FILE} does not exist."
        ),
    );
    if let Some(near) = closest(round, known.iter().map(String::as_str)) {
        let _ = write!(vi, " Có phải ý bạn là “{near}”?");
        let _ = write!(en, " Did you mean “{near}”?");
    }
    if !known.is_empty() {
        let list = known.join(", ");
        let _ = write!(vi, " Các đợt hiện có: {list}.");
        let _ = write!(en, " Rounds: {list}.");
    }
    let _ = write!(
        vi,
        " Nếu là đợt mới, tạo nó trước: niemyet new election {round}"
    );
    let _ = write!(
        en,
        " If it is a new round, create it first: niemyet new election {round}"
    );
    Err(Bilingual::new(vi, en))
}

/// The file name for a person's name or a title, as `import` names it (see
/// [`name_slug`]): "Nguyễn Văn An" → `nguyen-van-an`; a name in another script gets an id made
/// from it, after `prefix`.
fn named_slug(name: &str, prefix: &str) -> Result<String, Bilingual> {
    if name.trim().is_empty() {
        return Err(Bilingual::new(
            "Tên để trống: viết tên trong dấu ngoặc kép, ví dụ \"Nguyễn Văn An\".",
            "The name is blank: write it in quotes, e.g. \"Nguyễn Văn An\".",
        ));
    }
    Ok(name_slug(name, prefix))
}

/// Comment lines for a new candidate's `ma_nguoi`: who of the same name stood in an earlier
/// round of the same unit, with the person id to write if it is the same person. Only a hint:
/// namesakes are common, so staff decide, and nothing is filled in for them.
fn earlier_namesakes(content: &Path, round: &str, name: &str) -> String {
    let (site, _) = crate::check(content);
    let Some(unit) = site.round(round).map(|r| r.data.don_vi.as_str()) else {
        return String::new();
    };
    let name: String = name.trim().nfc().collect();
    let mut out = String::new();
    for earlier in site
        .rounds
        .iter()
        .filter(|r| r.id != round && r.data.don_vi == unit)
    {
        for c in &earlier.candidates {
            if c.data.ho_ten.trim().nfc().collect::<String>() != name {
                continue;
            }
            let (year, at) = (c.data.nam_sinh, &earlier.id);
            let file = format!("{CANDIDATES_DIR}/{}.md", c.slug);
            let id = c
                .data
                .ma_nguoi
                .clone()
                .unwrap_or_else(|| format!("{}-{year}", c.slug));
            let given = if c.data.ma_nguoi.is_some() {
                ("", "")
            } else {
                (" và thêm vào tệp đó", " and add it to that file too")
            };
            let _ = writeln!(
                out,
                "# Cùng tên, sinh năm {year}, đã ứng cử ở đợt {at} (tệp {file}): nếu là cùng một người, ghi ma_nguoi: {id}{}.\n\
                 # The same name, born {year}, stood in round {at} ({file}): if it is the same person, write ma_nguoi: {id}{}.",
                given.0, given.1
            );
        }
    }
    out
}

/// A value written after `key: ` that YAML reads back as the same text.
pub fn yaml_text(value: &str) -> String {
    let value = value.trim();
    let plain = !value.is_empty()
        && !value.starts_with(|c: char| "-?:,[]{}#&*!|>'\"%@`~ ".contains(c))
        && !value.contains(": ")
        && !value.contains(" #")
        && !value.ends_with(':')
        && !matches!(
            value.to_lowercase().as_str(),
            "true" | "false" | "yes" | "no" | "null" | "on" | "off"
        )
        && value.parse::<f64>().is_err()
        && !value.contains(char::is_control);
    if plain || value.is_empty() {
        return value.to_string();
    }
    let mut quoted = String::from("\"");
    for c in value.chars() {
        match c {
            '\\' => quoted.push_str("\\\\"),
            '"' => quoted.push_str("\\\""),
            '\n' => quoted.push_str("\\n"),
            '\r' => {}
            '\t' => quoted.push_str("\\t"),
            c if c.is_control() => {}
            c => quoted.push(c),
        }
    }
    quoted.push('"');
    quoted
}

/// `ket-qua.yaml` for a round: a group per contest with a line per candidate, all figures blank.
fn results_template(content: &Path, round: &str) -> Result<String, Bilingual> {
    let (site, _) = crate::check(content);
    let Some(found) = site.round(round) else {
        return Err(Bilingual::new(
            format!(
                "Chưa có đợt bầu “{round}” đọc được (bau-cu/{round}/dot-bau-cu.yaml). Tạo nó trước: niemyet new election {round}"
            ),
            format!(
                "There is no readable round “{round}” (bau-cu/{round}/dot-bau-cu.yaml). Create it first: niemyet new election {round}"
            ),
        ));
    };
    let held_back = |village: &str| {
        found
            .contest(village)
            .is_some_and(|c| c.status.is_held_back())
    };
    let (held, not_held): (Vec<&str>, Vec<&str>) =
        found.contest_ids().into_iter().partition(|v| !held_back(v));
    if held.is_empty() {
        return Err(Bilingual::new(
            format!(
                "Đợt bầu “{round}” không có cuộc bầu nào đã diễn ra (đợt hoặc mọi khu đang hoãn, không tổ chức) nên chưa có kết quả để ghi. Khi đã bầu, đổi trang_thai trong bau-cu/{round}/dot-bau-cu.yaml (ví dụ dang-kiem-phieu) rồi chạy lại lệnh này."
            ),
            format!(
                "Round “{round}” has no contest that took place (the round or every contest is postponed or not held), so there are no results to write. Once voted, change trang_thai in bau-cu/{round}/dot-bau-cu.yaml (e.g. to dang-kiem-phieu) and run this again."
            ),
        ));
    }
    let mut text = format!(
        "# Kết quả kiểm phiếu đợt {round}: mỗi khu dân cư một nhóm, chép từ biên bản kiểm phiếu.\n\
         # Điền mọi số còn trống (số viết liền, không dấu chấm); tỷ lệ % do chương trình tự tính.\n\
         # Results of round {round}: one group per contest, copied from the vote-count record.\n\
         # Fill in every blank figure (digits only); percentages are computed, never typed.\n"
    );
    for village in not_held {
        // a contest that did not take place has no results: a group for it would be refused
        let _ = write!(
            text,
            "\n# {village}: hoãn hoặc không tổ chức, không có kết quả / postponed or not held, no results\n"
        );
    }
    for village in held {
        let _ = write!(
            text,
            "\n{village}:   # (bắt buộc) kết quả khu này / (required) this contest's results\n{FIGURES}"
        );
        let mut any = false;
        for candidate in found.candidates_in(village) {
            any = true;
            let _ = writeln!(
                text,
                "    {}:   # (bắt buộc) {}",
                candidate.slug, candidate.data.ho_ten
            );
        }
        if !any {
            text.push_str(
                "    # chưa có ứng cử viên: thêm dòng `ten-tep: số phiếu` / no candidates yet: add `file-name: votes`\n",
            );
        }
        text.push_str(RECORD);
    }
    Ok(text)
}

/// The figures of a contest's record, up to the votes of each candidate.
const FIGURES: &str =
    "  tong_cu_tri:          # (bắt buộc) tổng số cử tri / (required) all voters (household representatives)
  cu_tri_tham_gia:      # (bắt buộc) số cử tri tham gia / (required) voters who took part
  phieu_phat_ra:        # (bắt buộc) số phiếu phát ra / (required) ballots issued
  phieu_thu_vao:        # (bắt buộc) số phiếu thu vào / (required) ballots collected
  phieu_hop_le:         # (bắt buộc) số phiếu hợp lệ / (required) valid ballots
  phieu_khong_hop_le:   # (bắt buộc) số phiếu không hợp lệ / (required) invalid ballots
  # (bắt buộc) số phiếu của từng ứng cử viên (0 nếu không có phiếu) / (required) votes per candidate (0 if none)
  so_phieu:
";

/// The fields of a contest's result after its votes: the record and its legal status.
const RECORD: &str = "  # hình thức bầu / voting method: bo-phieu-kin (bỏ phiếu kín / secret ballot)
  #   | gio-tay (biểu quyết giơ tay / show of hands)
  hinh_thuc:
  # biên bản kiểm phiếu / the vote-count record
  bien_ban:
    ngay:                # (bắt buộc) ngày lập biên bản / (required) date of the record
    ngay_nhan:           # ngày UBND xã nhận biên bản / day the commune received it
    # người ký, mỗi người một nhóm / signers, one group each:
    #   - ho_ten: Nguyễn Văn Bình
    #     chuc_vu: Tổ trưởng Tổ bầu cử
    nguoi_ky: []
  # (bắt buộc) giá trị của kết quả / (required) legal status: tam-thoi (tạm thời / provisional)
  #   | cong-nhan (đã công nhận / recognised) | bau-lai (bầu lại / repeat vote ordered)
  trang_thai: tam-thoi
  # quyết định công nhận hoặc bầu lại / the decision recognising it or ordering a repeat vote:
  #   so: 41/QĐ-UBND
  #   ngay: 12/6/2025
  #   van_ban: quyet-dinh-41     văn bản trên cổng (không bắt buộc) / document on the site (optional)
  quyet_dinh:
  ngay_bau_lai:          # ngày bầu lại, nếu có / day of the repeat vote, if any
  dot_bau_lai:           # mã đợt ghi cuộc bầu lại / id of the round recording the repeat vote
  ly_do:                 # vì sao không công nhận, khi bầu lại / why not recognised, when a repeat vote is ordered
  ly_do_en:              # lý do bằng tiếng Anh / the reason in English
  # trưởng thôn lâm thời khi chưa bầu được / acting head while the post stays empty:
  #   ho_ten: Lê Văn Cường
  #   tu_ngay: 15/6/2025           từ ngày / from
  #   den_ngay: 15/12/2025         đến ngày / until
  #   quyet_dinh:                  quyết định cử (so, ngay, van_ban) / the appointing decision
  #     so: 50/QĐ-UBND
  lam_thoi:
";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_quoted_only_when_yaml_would_misread_them() {
        assert_eq!(yaml_text("Nguyễn Văn An"), "Nguyễn Văn An");
        assert_eq!(yaml_text("Kế hoạch: bầu cử"), "\"Kế hoạch: bầu cử\"");
        assert_eq!(yaml_text("2024"), "\"2024\"");
        assert_eq!(yaml_text("yes"), "\"yes\"");
        assert_eq!(yaml_text("\"A\" #1"), "\"\\\"A\\\" #1\"");
        assert_eq!(yaml_text("- a"), "\"- a\"");
        assert_eq!(yaml_text("Hồ sơ\r\nlưu tại xã"), "\"Hồ sơ\\nlưu tại xã\"");
        // read back through the one YAML call site
        let file = crate::load::SourceFile {
            rel: "x.yaml".into(),
            abs: "x.yaml".into(),
            text: String::new(),
        };
        let written = yaml_text("a: \"b\"\n\tc\\");
        let parsed: String = crate::load::yaml::parse(&file, &written, 1).unwrap();
        assert_eq!(parsed, "a: \"b\"\n\tc\\");
    }

    #[test]
    fn an_existing_file_is_never_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a/b.md");
        create(&path, "one").unwrap();
        let e = create(&path, "two").unwrap_err();
        assert!(e.en.contains("not overwritten"), "{}", e.en);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "one");
    }

    #[test]
    fn a_mistyped_round_is_refused_with_the_closest_one() {
        let dir = tempfile::tempdir().unwrap();
        let round = dir.path().join(ELECTIONS_DIR).join("xa-moi-2025");
        std::fs::create_dir_all(&round).unwrap();
        std::fs::write(round.join(ROUND_FILE), "").unwrap();
        assert_eq!(existing_round(dir.path(), "xa-moi-2025"), Ok("xa-moi-2025"));
        let e = Scaffold::Candidate {
            round: "xa-moi-2052".into(),
            name: "Nguyễn Văn An".into(),
        }
        .create(dir.path())
        .unwrap_err();
        assert!(e.vi.contains("Có phải ý bạn là “xa-moi-2025”?"), "{}", e.vi);
        assert!(
            e.en.contains("niemyet new election xa-moi-2052"),
            "{}",
            e.en
        );
        assert!(!dir.path().join(ELECTIONS_DIR).join("xa-moi-2052").exists());
    }

    #[test]
    fn round_ids_must_be_slugs() {
        assert!(round_id("hong-gai-2025").is_ok());
        let e = round_id("Hồng Gai 2025").unwrap_err();
        assert!(e.vi.contains("hong-gai-2025"), "{}", e.vi);
    }
}
