//! Facts that cannot be true as written: a candidate too young to stand, a unit that ends before
//! it starts or succeeds itself, results for an election not yet held, a base path that is not
//! a path.

use super::Ctx;
use crate::diagnostics::Bilingual;
use crate::load::CONFIG_FILE;
use crate::model::Site;
use crate::model::config::{DEFAULT_LANGUAGE, is_language_code};
use std::path::Path;

/// Heads of villages are elected among adult citizens.
const MINIMUM_AGE: i32 = 18;

pub(super) fn check(site: &Site, ctx: &mut Ctx) {
    candidates(site, ctx);
    communes(site, ctx);
    rounds(site, ctx);
    base_path(site, ctx);
    web_address(site, ctx);
    languages(site, ctx);
}

/// Each language becomes a folder and a `lang` attribute, so it must be a plain code, once.
fn languages(site: &Site, ctx: &mut Ctx) {
    let file = Path::new(CONFIG_FILE);
    let mut seen: Vec<&str> = Vec::new();
    for code in &site.config.ngon_ngu {
        let line = ctx.line(file, "ngon_ngu", None, 1);
        if !is_language_code(code) {
            ctx.error(
                file,
                line,
                "ngon_ngu",
                Bilingual::new(
                    format!("“{code}” không phải mã ngôn ngữ."),
                    format!("“{code}” is not a language code."),
                ),
                Bilingual::new(
                    "Ghi mã hai chữ thường, ngôn ngữ mặc định trước: ngon_ngu: [vi, en].",
                    "Write two lowercase letters, the default language first: ngon_ngu: [vi, en].",
                ),
            );
        } else if seen.contains(&code.as_str()) {
            ctx.warning(
                file,
                line,
                "ngon_ngu",
                Bilingual::new(
                    format!("Ngôn ngữ “{code}” được ghi hai lần."),
                    format!("The language “{code}” is written twice."),
                ),
            );
        }
        seen.push(code);
    }
    // the content is written in Vietnamese (names, `_en` fields, translations beside originals)
    if let Some(first) = site
        .config
        .ngon_ngu
        .first()
        .filter(|f| *f != DEFAULT_LANGUAGE)
    {
        ctx.error(
            file,
            ctx.line(file, "ngon_ngu", None, 1),
            "ngon_ngu",
            Bilingual::new(
                format!("Ngôn ngữ đầu tiên là “{first}”, nhưng nội dung của cổng viết bằng tiếng Việt nên tiếng Việt phải đứng đầu."),
                format!("The first language is “{first}”, but the portal's content is written in Vietnamese, so Vietnamese must come first."),
            ),
            Bilingual::new(
                format!("Ghi vi trước: ngon_ngu: [vi, {first}]."),
                format!("Put vi first: ngon_ngu: [vi, {first}]."),
            ),
        );
    }
    if site.config.ngon_ngu.is_empty() {
        ctx.error(
            file,
            ctx.line(file, "ngon_ngu", None, 1),
            "ngon_ngu",
            Bilingual::new(
                "Danh sách ngôn ngữ trống.",
                "The list of languages is empty.",
            ),
            Bilingual::new(
                "Ghi ít nhất ngôn ngữ mặc định: ngon_ngu: [vi].",
                "Write at least the default language: ngon_ngu: [vi].",
            ),
        );
    }
}

fn candidates(site: &Site, ctx: &mut Ctx) {
    for round in &site.rounds {
        let year = round.data.ngay_bau_cu.year();
        for cand in &round.candidates {
            let born = i32::from(cand.data.nam_sinh);
            if born < 1900 || year - born < MINIMUM_AGE {
                ctx.error(
                    &cand.file,
                    ctx.line(&cand.file, "nam_sinh", None, 1),
                    "nam_sinh",
                    Bilingual::new(
                        format!("Năm sinh {born} không hợp lý: người ứng cử phải đủ {MINIMUM_AGE} tuổi vào năm bầu cử {year}."),
                        format!("Birth year {born} is not plausible: a candidate must be {MINIMUM_AGE} in the election year {year}."),
                    ),
                    Bilingual::new("Ghi năm sinh bốn chữ số, ví dụ 1975.", "Write the four-digit birth year, e.g. 1975."),
                );
            }
        }
    }
}

fn communes(site: &Site, ctx: &mut Ctx) {
    for c in &site.communes {
        if c.data.ke_thua.as_deref() == Some(c.id.as_str()) {
            ctx.error(
                &c.file,
                ctx.line(&c.file, "ke_thua", None, 1),
                "ke_thua",
                Bilingual::new(
                    "Đơn vị không thể kế thừa chính nó.",
                    "A unit cannot succeed itself.",
                ),
                Bilingual::new(
                    "Ghi mã của đơn vị mới sau sáp nhập, hoặc bỏ trường này.",
                    "Write the id of the unit it was merged into, or leave the field out.",
                ),
            );
        }
        let periods = std::iter::once((None, c.data.hieu_luc_tu, c.data.hieu_luc_den)).chain(
            c.data
                .khu_dan_cu
                .iter()
                .map(|v| (Some(v.ma.as_str()), v.hieu_luc_tu, v.hieu_luc_den)),
        );
        for (village, from, until) in periods {
            if let (Some(from), Some(until)) = (from, until)
                && from > until
            {
                let line = match village {
                    Some(id) => ctx
                        .line(&c.file, "ma", Some(id), 1)
                        .and_then(|l| ctx.line(&c.file, "hieu_luc_den", None, l)),
                    None => ctx
                        .files
                        .get(c.file.as_path())
                        .and_then(|f| f.line_of_top("hieu_luc_den")),
                };
                ctx.error(
                    &c.file,
                    line,
                    "hieu_luc_den",
                    Bilingual::new(
                        format!("Ngày hết hiệu lực {until} trước ngày bắt đầu {from}."),
                        format!("The end date {until} is before the start date {from}."),
                    ),
                    Bilingual::new("Kiểm tra lại hai ngày.", "Check both dates."),
                );
            }
        }
    }
}

fn rounds(site: &Site, ctx: &mut Ctx) {
    for round in &site.rounds {
        if round.data.trang_thai.is_upcoming()
            && let Some(sheet) = &round.results
        {
            ctx.warning(
                &sheet.file,
                Some(1),
                "trang_thai",
                Bilingual::new(
                    format!(
                        "Đợt bầu cử đang ở trạng thái “{}” nhưng đã có kết quả: kết quả được đăng như đã có.",
                        round.data.trang_thai.label_vi()
                    ),
                    "The round is still scheduled or postponed, yet has results: they are published as they are.",
                ),
            );
        }
    }
}

fn web_address(site: &Site, ctx: &mut Ctx) {
    let Some(url) = &site.config.dia_chi_web else {
        return;
    };
    let ok = (url.starts_with("https://") || url.starts_with("http://"))
        && !url.contains(char::is_whitespace)
        && url
            .split("://")
            .nth(1)
            .is_some_and(|rest| !rest.is_empty() && !rest.starts_with('/'));
    if !ok {
        let file = Path::new(CONFIG_FILE);
        ctx.error(
            file,
            ctx.line(file, "dia_chi_web", None, 1),
            "dia_chi_web",
            Bilingual::new(
                format!("“{url}” không phải địa chỉ web đầy đủ."),
                format!("“{url}” is not a full web address."),
            ),
            Bilingual::new(
                "Ghi địa chỉ bắt đầu bằng https://, ví dụ https://phuong.gov.vn/bau-cu/.",
                "Write the address starting with https://, e.g. https://phuong.gov.vn/bau-cu/.",
            ),
        );
    }
}

fn base_path(site: &Site, ctx: &mut Ctx) {
    let Some(base) = &site.config.duong_dan_goc else {
        return;
    };
    if !base.starts_with('/') || base.contains("://") || base.contains(char::is_whitespace) {
        let file = Path::new(CONFIG_FILE);
        ctx.error(
            file,
            ctx.line(file, "duong_dan_goc", None, 1),
            "duong_dan_goc",
            Bilingual::new(
                format!("“{base}” không phải đường dẫn trên máy chủ."),
                format!("“{base}” is not a path on the server."),
            ),
            Bilingual::new(
                "Ghi đường dẫn bắt đầu bằng “/”, ví dụ /bau-cu/ (hoặc / nếu cổng ở gốc tên miền).",
                "Write a path starting with “/”, e.g. /bau-cu/ (or / when the portal is at the domain's root).",
            ),
        );
    }
}
