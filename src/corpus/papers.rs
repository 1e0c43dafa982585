//! The words of the corpus's documents: a province's guidance for a term, and a commune's plan,
//! postponement decision, notice of results and news item for a round. `documents` writes them.

use super::Writer;
use super::documents::{Doc, English, lower_first};
use super::elections::Term;
use super::people::official_name;
use super::rng::Rng;
use super::units::{Commune, Unit, province_slug};
use crate::fs::FsError;
use crate::model::date::Date;
use std::fmt::Write as _;

pub const STORM_VI: &str =
    "Do ảnh hưởng của mưa bão, ngập lụt trên địa bàn, Ủy ban nhân dân quyết định hoãn ngày bầu cử.";
pub const STORM_EN: &str =
    "Postponed by the People's Committee after storms and flooding in the area.";
pub const MERGER_VI: &str = "Đang sắp xếp, sáp nhập thôn, tổ dân phố sau khi sắp xếp đơn vị hành chính; trưởng thôn, tổ trưởng tổ dân phố tiếp tục làm nhiệm vụ đến khi bầu cử theo địa bàn mới.";
pub const MERGER_EN: &str = "Villages are being merged after the reorganisation of administrative units; the current heads stay in office until elections are held in the new villages.";
pub const CONTEST_POSTPONED_VI: &str =
    "Khu dân cư đang điều chỉnh địa giới với khu liền kề; bầu cử tổ chức sau khi hoàn thành.";
pub const CONTEST_MERGED_VI: &str =
    "Khu dân cư được sáp nhập vào khu liền kề nên không tổ chức bầu cử riêng.";

/// Someone elected, for the notice of results.
pub struct Elected {
    pub village: String,
    pub village_en: String,
    pub name: String,
    pub female: bool,
}

fn folder(unit: &Unit) -> String {
    format!("van-ban/{}", province_slug(&unit.province))
}

fn recipients(c: &Commune) -> (Vec<String>, Vec<String>) {
    let name = lower_first(&c.unit.name);
    (
        vec![
            format!("Thường trực Đảng ủy {name}"),
            format!("Ủy ban Mặt trận Tổ quốc Việt Nam {name}"),
            format!("Các {} trên địa bàn", c.settlement.label.to_lowercase()),
            "Lưu: VT".to_string(),
        ],
        vec![
            format!(
                "Standing Committee of the Party Committee of {}",
                c.unit.name_en
            ),
            format!("Vietnam Fatherland Front Committee of {}", c.unit.name_en),
            format!("All {}s of the unit", c.settlement.label_en.to_lowercase()),
            "Archive".to_string(),
        ],
    )
}

/// The province's guidance for a term (hướng dẫn), which the communes' plans cite.
pub fn guidance(
    out: &mut Writer,
    unit: &Unit,
    term: &Term,
    rng: &mut Rng,
) -> Result<String, FsError> {
    let slug = format!(
        "huong-dan-bau-cu-{}-{}",
        province_slug(&unit.province),
        term.year
    );
    let date = term
        .first_sunday()
        .plus_days(-60)
        .unwrap_or(term.first_sunday());
    let province = lower_first(&unit.province);
    let body = format!(
        "Thực hiện {law}, Ủy ban nhân dân {province} hướng dẫn việc bầu trưởng thôn, tổ trưởng \
         tổ dân phố nhiệm kỳ {label} như sau:\n\n\
         1. Ủy ban nhân dân cấp xã ban hành quyết định, kế hoạch tổ chức bầu cử trước ngày bầu cử \
         ít nhất 20 ngày; thành lập Tổ bầu cử ở mỗi thôn, tổ dân phố trước ngày bầu cử ít nhất 10 ngày.\n\
         2. Cử tri đại diện hộ gia đình trực tiếp bầu bằng hình thức bỏ phiếu kín hoặc biểu quyết \
         giơ tay. Cuộc bầu cử hợp lệ khi có quá 50% tổng số cử tri đại diện hộ gia đình tham gia.\n\
         3. Người trúng cử phải được quá 50% tổng số cử tri đại diện hộ gia đình đồng ý. Trường hợp \
         không có người trúng cử, Ủy ban nhân dân cấp xã quyết định bầu lại.\n\
         4. Trong 5 ngày làm việc kể từ ngày nhận biên bản, Chủ tịch Ủy ban nhân dân cấp xã ra quyết \
         định công nhận kết quả hoặc quyết định bầu lại.\n\n\
         *Văn bản mẫu do niemyet gen-corpus tạo, không phải văn bản thật.*\n",
        law = term.law_vi,
        label = term.label,
    );
    let body_en = format!(
        "Under the {law}, the People's Committee of {province} gives the following guidance on \
         electing village heads and residential group leaders for the {label} term:\n\n\
         1. Each commune decides and plans the elections at least 20 days before election day, and \
         sets up an election team in each village at least 10 days before it.\n\
         2. Household representatives vote directly, by secret ballot or by a show of hands. The vote \
         is valid when more than 50% of all household representatives take part.\n\
         3. A candidate is elected with the votes of more than 50% of all household \
         representatives. When nobody is elected, the commune orders a repeat vote.\n\
         4. Within 5 working days of receiving the record, the chair of the commune recognises the \
         result or orders a repeat vote.\n\n\
         *A sample document made by niemyet gen-corpus, not a real one.*\n",
        law = term.law_en,
        province = unit.province_en,
        label = term.label,
    );
    Doc {
        folder: folder(unit),
        slug: slug.clone(),
        kind: "huong-dan",
        title: format!(
            "Hướng dẫn bầu trưởng thôn, tổ trưởng tổ dân phố nhiệm kỳ {}",
            term.label
        ),
        number: Some(format!("{}/HD-UBND", rng.range(10, 400))),
        date,
        issuer: format!("Ủy ban nhân dân {province}"),
        authority: Some("TM. Ủy ban nhân dân".into()),
        signer_title: Some("Phó Chủ tịch".into()),
        signer: Some(official_name(rng)),
        author: None,
        bases: vec![(term.law_vi.to_string(), None)],
        recipients: vec![
            "Ủy ban nhân dân các xã, phường, đặc khu".into(),
            "Lưu: VT, NC".into(),
        ],
        attachment: Some("Toàn văn hướng dẫn (PDF)".into()),
        round: None,
        commune: None,
        body,
        english: Some(English {
            title: format!(
                "Guidance on electing village heads and residential group leaders, {} term",
                term.label
            ),
            issuer: format!("People's Committee of {}", unit.province_en),
            authority: Some("On behalf of the People's Committee".into()),
            signer_title: Some("Vice-Chair".into()),
            bases: vec![term.law_en.to_string()],
            recipients: vec![
                "People's Committees of all communes, wards and special zones".into(),
                "Archive".into(),
            ],
            body: body_en,
        }),
    }
    .write(out)?;
    Ok(slug)
}

/// The commune's plan for a round (kế hoạch), the first step of its timeline.
#[allow(clippy::too_many_arguments)]
pub fn plan(
    out: &mut Writer,
    c: &Commune,
    round: &str,
    term: &Term,
    date: Date,
    election_day: Date,
    number: u32,
    guidance: &str,
    rng: &mut Rng,
) -> Result<String, FsError> {
    let slug = format!("ke-hoach-bau-cu-{round}");
    let s = c.settlement;
    let name = lower_first(&c.unit.name);
    let n = c.villages.len();
    let label = s.label.to_lowercase();
    let body = format!(
        "## I. Mục đích, yêu cầu\n\n\
         1. Bảo đảm quyền làm chủ của nhân dân: cử tri đại diện hộ gia đình trực tiếp bầu {office} \
         nhiệm kỳ {term} ở {n} {label} của {name}.\n\
         2. Cuộc bầu cử được tổ chức dân chủ, đúng luật, an toàn và tiết kiệm.\n\n\
         ## II. Thời gian, địa điểm\n\n\
         - Ngày bầu cử: {day}, đồng loạt ở tất cả các {label}.\n\
         - Địa điểm: nhà văn hóa của từng {label}.\n\n\
         ## III. Tổ chức thực hiện\n\n\
         1. Thành lập Tổ bầu cử ở mỗi {label} trước ngày bầu cử ít nhất 10 ngày.\n\
         2. Ban công tác Mặt trận giới thiệu người ứng cử; danh sách người ứng cử được niêm yết \
         công khai tại nhà văn hóa.\n\
         3. Người trúng cử phải được quá 50% tổng số cử tri đại diện hộ gia đình đồng ý.\n\
         4. Tổ bầu cử gửi biên bản kiểm phiếu về Ủy ban nhân dân {name} để xem xét, công nhận.\n\n\
         *Văn bản mẫu do niemyet gen-corpus tạo, không phải văn bản thật.*\n",
        office = s.office_vi.to_lowercase(),
        term = term.label,
        day = election_day.vi_long(),
    );
    let body_en = format!(
        "## I. Aims\n\n\
         1. Household representatives elect the {office} for the {term} term directly, in the {n} \
         {label_en}s of {name_en}.\n\
         2. The election is held democratically, lawfully, safely and economically.\n\n\
         ## II. Time and place\n\n\
         - Election day: {day}, in every {label_en} at once.\n\
         - Place: each {label_en}'s community hall.\n\n\
         ## III. Implementation\n\n\
         1. An election team is set up in each {label_en} at least 10 days before election day.\n\
         2. The Fatherland Front work committee nominates the candidates; the list is posted in the \
         community hall.\n\
         3. A candidate is elected with the votes of more than 50% of all household representatives.\n\
         4. Each team sends its vote-count record to the People's Committee for recognition.\n\n\
         *A sample document made by niemyet gen-corpus, not a real one.*\n",
        office = s.office_en,
        term = term.label,
        label_en = s.label_en.to_lowercase(),
        name_en = c.unit.name_en,
        day = election_day.iso(),
    );
    let (recipients, recipients_en) = recipients(c);
    Doc {
        folder: folder(c.unit),
        slug: slug.clone(),
        kind: "ke-hoach",
        title: format!(
            "Kế hoạch tổ chức bầu {} nhiệm kỳ {}",
            s.office_vi.to_lowercase(),
            term.label
        ),
        number: Some(format!("{number}/KH-UBND")),
        date,
        issuer: format!("Ủy ban nhân dân {name}"),
        authority: Some("TM. Ủy ban nhân dân".into()),
        signer_title: Some("Chủ tịch".into()),
        signer: Some(official_name(rng)),
        author: None,
        bases: vec![
            (term.law_vi.to_string(), None),
            (
                format!(
                    "Hướng dẫn của Ủy ban nhân dân {} về bầu cử nhiệm kỳ {}",
                    lower_first(&c.unit.province),
                    term.label
                ),
                Some(guidance.to_string()),
            ),
        ],
        recipients,
        attachment: Some("Kế hoạch kèm danh sách khu dân cư (PDF)".into()),
        round: Some(round.to_string()),
        commune: Some(c.id.clone()),
        body,
        english: Some(English {
            title: format!(
                "Plan for electing the {} for the {} term",
                s.office_en, term.label
            ),
            issuer: format!("People's Committee of {}", c.unit.name_en),
            authority: Some("On behalf of the People's Committee".into()),
            signer_title: Some("Chair".into()),
            bases: vec![
                term.law_en.to_string(),
                format!(
                    "Guidance of the People's Committee of {} on the {} term",
                    c.unit.province_en, term.label
                ),
            ],
            recipients: recipients_en,
            body: body_en,
        }),
    }
    .write(out)?;
    Ok(slug)
}

/// The decision postponing a whole round (quyết định hoãn).
pub fn postponement(
    out: &mut Writer,
    c: &Commune,
    round: &str,
    term: &Term,
    date: Date,
    number: u32,
    rng: &mut Rng,
) -> Result<String, FsError> {
    let slug = format!("quyet-dinh-hoan-bau-cu-{round}");
    let s = c.settlement;
    let name = lower_first(&c.unit.name);
    let (recipients, recipients_en) = recipients(c);
    Doc {
        folder: folder(c.unit),
        slug: slug.clone(),
        kind: "quyet-dinh",
        title: format!("Về việc hoãn bầu {} nhiệm kỳ {}", s.office_vi.to_lowercase(), term.label),
        number: Some(format!("{number}/QĐ-UBND")),
        date,
        issuer: format!("Ủy ban nhân dân {name}"),
        authority: Some("TM. Ủy ban nhân dân".into()),
        signer_title: Some("Chủ tịch".into()),
        signer: Some(official_name(rng)),
        author: None,
        bases: vec![(term.law_vi.to_string(), None)],
        recipients,
        attachment: None,
        round: Some(round.to_string()),
        commune: Some(c.id.clone()),
        body: format!(
            "**Điều 1.** Hoãn ngày bầu {} nhiệm kỳ {} trên địa bàn {name}. {STORM_VI}\n\n\
             **Điều 2.** Ngày bầu cử mới sẽ được thông báo sau.\n\n\
             *Văn bản mẫu do niemyet gen-corpus tạo, không phải văn bản thật.*\n",
            s.office_vi.to_lowercase(),
            term.label
        ),
        english: Some(English {
            title: format!("On postponing the election of the {} for the {} term", s.office_en, term.label),
            issuer: format!("People's Committee of {}", c.unit.name_en),
            authority: Some("On behalf of the People's Committee".into()),
            signer_title: Some("Chair".into()),
            bases: vec![term.law_en.to_string()],
            recipients: recipients_en,
            body: format!(
                "**Article 1.** The election of the {} for the {} term in {} is postponed. {STORM_EN}\n\n\
                 **Article 2.** The new election day will be announced.\n\n\
                 *A sample document made by niemyet gen-corpus, not a real one.*\n",
                s.office_en, term.label, c.unit.name_en
            ),
        }),
    }
    .write(out)?;
    Ok(slug)
}

/// The notice of an official round's results (thông báo kết quả), half of them translated.
#[allow(clippy::too_many_arguments)]
pub fn notice(
    out: &mut Writer,
    c: &Commune,
    round: &str,
    term: &Term,
    date: Date,
    number: u32,
    elected: &[Elected],
    repeats: &[(String, String)],
    rng: &mut Rng,
) -> Result<(), FsError> {
    let s = c.settlement;
    let name = lower_first(&c.unit.name);
    let mut body = format!(
        "Ủy ban nhân dân {name} thông báo kết quả bầu {} nhiệm kỳ {}:\n\n",
        s.office_vi.to_lowercase(),
        term.label
    );
    let mut body_en = format!(
        "The People's Committee of {} announces the results of the election of the {} for the {} term:\n\n",
        c.unit.name_en, s.office_en, term.label
    );
    for e in elected {
        let p = if e.female {
            ("Bà", "Ms")
        } else {
            ("Ông", "Mr")
        };
        let _ = writeln!(body, "- {}: {} {} trúng cử.", e.village, p.0, e.name);
        let _ = writeln!(body_en, "- {}: {} {} elected.", e.village_en, p.1, e.name);
    }
    if !repeats.is_empty() {
        body.push_str("\nKhông có người trúng cử, tổ chức bầu lại ở:\n\n");
        body_en.push_str("\nNobody was elected; a repeat vote will be held in:\n\n");
        for (vi, en) in repeats {
            let _ = writeln!(body, "- {vi}");
            let _ = writeln!(body_en, "- {en}");
        }
    }
    body.push_str("\n*Văn bản mẫu do niemyet gen-corpus tạo, không phải văn bản thật.*\n");
    body_en.push_str("\n*A sample document made by niemyet gen-corpus, not a real one.*\n");
    let (recipients, recipients_en) = recipients(c);
    let translated = rng.chance(0.5);
    Doc {
        folder: folder(c.unit),
        slug: format!("thong-bao-ket-qua-{round}"),
        kind: "thong-bao",
        title: format!(
            "Thông báo kết quả bầu {} nhiệm kỳ {}",
            s.office_vi.to_lowercase(),
            term.label
        ),
        number: Some(format!("{number}/TB-UBND")),
        date,
        issuer: format!("Ủy ban nhân dân {name}"),
        authority: Some("TL. Chủ tịch".into()),
        signer_title: Some("Chánh Văn phòng".into()),
        signer: Some(official_name(rng)),
        author: None,
        bases: Vec::new(),
        recipients,
        attachment: Some("Bảng tổng hợp kết quả (PDF)".into()),
        round: Some(round.to_string()),
        commune: Some(c.id.clone()),
        body,
        english: translated.then(|| English {
            title: format!(
                "Notice of the results of the election of the {} for the {} term",
                s.office_en, term.label
            ),
            issuer: format!("People's Committee of {}", c.unit.name_en),
            authority: Some("For the Chair".into()),
            signer_title: Some("Chief of Office".into()),
            bases: Vec::new(),
            recipients: recipients_en,
            body: body_en,
        }),
    }
    .write(out)
}

/// A news item on the day after the vote (tin tức), in Vietnamese only.
#[allow(clippy::too_many_arguments)]
pub fn news(
    out: &mut Writer,
    c: &Commune,
    round: &str,
    term: &Term,
    date: Date,
    counted: usize,
    elected: usize,
    rng: &mut Rng,
) -> Result<(), FsError> {
    let s = c.settlement;
    let title = format!(
        "{} bầu {} nhiệm kỳ {}",
        c.unit.name,
        s.office_vi.to_lowercase(),
        term.label
    );
    let body = format!(
        "Ngày {}, các {label} của {name} đồng loạt tổ chức bầu {office} nhiệm kỳ {term}. \
         Cử tri đại diện hộ gia đình đến nhà văn hóa từ sớm, không khí dân chủ, phấn khởi.\n\n\
         Theo báo cáo của các Tổ bầu cử, đã kiểm phiếu ở {counted} {label}; {elected} {label} \
         bầu được {office}. Những nơi chưa có người trúng cử sẽ được Ủy ban nhân dân xem xét, \
         quyết định bầu lại theo quy định.\n\n\
         *Tin mẫu do niemyet gen-corpus tạo, không phải tin thật.*\n",
        date.vi_long(),
        label = s.label.to_lowercase(),
        name = lower_first(&c.unit.name),
        office = s.office_vi.to_lowercase(),
        term = term.label,
    );
    Doc {
        folder: folder(c.unit),
        slug: format!("tin-bau-cu-{round}"),
        kind: "tin-tuc",
        title,
        number: None,
        date,
        issuer: format!("Ủy ban nhân dân {}", lower_first(&c.unit.name)),
        authority: None,
        signer_title: None,
        signer: None,
        author: Some(official_name(rng)),
        bases: Vec::new(),
        recipients: Vec::new(),
        attachment: None,
        round: Some(round.to_string()),
        commune: Some(c.id.clone()),
        body,
        english: None,
    }
    .write(out)
}
