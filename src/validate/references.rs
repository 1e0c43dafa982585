//! References between files: every id a file names must exist, and ids must be unique.

use super::{Ctx, IdKind, unknown_hint};
use crate::diagnostics::Bilingual;
use crate::model::Site;
use std::collections::HashSet;
use std::path::Path;

const VILLAGE_ID: IdKind = IdKind {
    vi: "Mã khu dân cư",
    en: "village id",
    example: "khu-pho-1",
};

pub(super) fn check(site: &Site, ctx: &mut Ctx) {
    communes(site, ctx);
    rounds(site, ctx);
    documents(site, ctx);
}

fn communes(site: &Site, ctx: &mut Ctx) {
    for c in &site.communes {
        let mut seen = HashSet::new();
        for v in &c.data.khu_dan_cu {
            ctx.not_a_slug(&c.file, "ma", &v.ma, &VILLAGE_ID);
            if !seen.insert(v.ma.as_str()) {
                let line = ctx.line(&c.file, "ma", Some(&v.ma), 1);
                ctx.error(
                    &c.file,
                    ctx.line(&c.file, "ma", Some(&v.ma), line.map_or(1, |l| l + 1)),
                    "ma",
                    Bilingual::new(
                        format!("Mã khu dân cư “{}” bị trùng trong cùng đơn vị.", v.ma),
                        format!("The village id “{}” is used twice in this unit.", v.ma),
                    ),
                    Bilingual::new("Đổi một trong hai mã.", "Change one of the two ids."),
                );
            }
        }
        if let Some(next) = &c.data.ke_thua {
            missing_commune(site, ctx, &c.file, "ke_thua", next);
        }
    }
}

/// Reports `id`, named by `field` of `file`, when no `don-vi/` file has it.
fn missing_commune(site: &Site, ctx: &mut Ctx, file: &Path, field: &str, id: &str) {
    if site.commune(id).is_some() {
        return;
    }
    let ids: Vec<&str> = site.communes.iter().map(|c| c.id.as_str()).collect();
    ctx.error(
        file,
        ctx.line(file, field, None, 1),
        field,
        Bilingual::new(
            format!("Không có đơn vị “{id}” trong thư mục don-vi/."),
            format!("There is no unit “{id}” in the don-vi/ folder."),
        ),
        unknown_hint(id, ids, "don-vi/", "don-vi/"),
    );
}

fn rounds(site: &Site, ctx: &mut Ctx) {
    for round in &site.rounds {
        let file = &round.file;
        let Some(commune) = site.commune(&round.data.don_vi) else {
            missing_commune(site, ctx, file, "don_vi", &round.data.don_vi);
            continue;
        };
        let village_ids: Vec<&str> = commune
            .data
            .khu_dan_cu
            .iter()
            .map(|v| v.ma.as_str())
            .collect();
        let mut seen = HashSet::new();
        for contest in &round.data.cuoc_bau {
            let id = contest.khu_dan_cu.as_str();
            let entry_line = |ctx: &Ctx, from: usize| ctx.contest_line(file, id, from);
            if commune.village(id).is_none() {
                ctx.error(
                    file,
                    entry_line(ctx, 1),
                    "cuoc_bau",
                    Bilingual::new(
                        format!("Đơn vị {} không có khu dân cư “{id}”.", commune.data.ten),
                        format!(
                            "{} has no village or neighbourhood “{id}”.",
                            commune.data.ten
                        ),
                    ),
                    unknown_hint(
                        id,
                        village_ids.iter().copied(),
                        &commune.file.display().to_string(),
                        &commune.file.display().to_string(),
                    ),
                );
            }
            if crate::model::RESERVED_IN_ROUND.contains(&id) {
                ctx.error(
                    file,
                    entry_line(ctx, 1),
                    "cuoc_bau",
                    Bilingual::new(
                        format!("Mã khu dân cư “{id}” trùng với tên một trang của đợt bầu cử."),
                        format!(
                            "The village id “{id}” is the name of one of the round's own pages."
                        ),
                    ),
                    Bilingual::new(
                        "Đổi mã của khu dân cư trong tệp đơn vị, ví dụ thêm số thứ tự.",
                        "Change the village's id in the division file, e.g. add its number.",
                    ),
                );
            }
            if !seen.insert(id) {
                let repeated = entry_line(ctx, 1).and_then(|first| entry_line(ctx, first + 1));
                ctx.error(
                    file,
                    repeated,
                    "cuoc_bau",
                    Bilingual::new(
                        format!("Khu dân cư “{id}” được liệt kê hai lần trong đợt bầu cử."),
                        format!("The village “{id}” is listed twice in the round."),
                    ),
                    Bilingual::new("Xóa dòng lặp lại.", "Delete the repeated line."),
                );
            }
        }
        let contest_ids = round.contest_ids();
        for cand in &round.candidates {
            if !round.has_contest(&cand.data.khu_dan_cu) {
                ctx.error(
                    &cand.file,
                    ctx.line(&cand.file, "khu_dan_cu", None, 1),
                    "khu_dan_cu",
                    Bilingual::new(
                        format!(
                            "Khu dân cư “{}” không có trong danh sách cuoc_bau của đợt bầu cử.",
                            cand.data.khu_dan_cu
                        ),
                        format!(
                            "The village “{}” is not among the round's contests (cuoc_bau).",
                            cand.data.khu_dan_cu
                        ),
                    ),
                    unknown_hint(
                        &cand.data.khu_dan_cu,
                        contest_ids.iter().copied(),
                        "cuoc_bau",
                        "cuoc_bau",
                    ),
                );
            }
        }
    }
}

fn documents(site: &Site, ctx: &mut Ctx) {
    let round_ids: Vec<&str> = site.rounds.iter().map(|r| r.id.as_str()).collect();
    let doc_ids: Vec<&str> = site.documents.iter().map(|d| d.slug.as_str()).collect();
    for doc in &site.documents {
        let file = &doc.file;
        if let Some(id) = &doc.data.bau_cu
            && site.round(id).is_none()
        {
            ctx.error(
                file,
                ctx.line(file, "bau_cu", None, 1),
                "bau_cu",
                Bilingual::new(
                    format!("Không có đợt bầu cử “{id}” trong thư mục bau-cu/."),
                    format!("There is no election round “{id}” in the bau-cu/ folder."),
                ),
                unknown_hint(id, round_ids.iter().copied(), "bau-cu/", "bau-cu/"),
            );
        }
        if let Some(id) = &doc.data.don_vi {
            missing_commune(site, ctx, file, "don_vi", id);
        }
        for basis in &doc.data.can_cu {
            if let Some(target) = &basis.van_ban
                && site.document(target).is_none()
            {
                ctx.error(
                    file,
                    ctx.line(file, "van_ban", Some(target), 1),
                    "can_cu",
                    Bilingual::new(
                        format!("Căn cứ dẫn tới văn bản “{target}” nhưng không có văn bản này trong van-ban/."),
                        format!("A legal basis links to the document “{target}”, which is not in van-ban/."),
                    ),
                    unknown_hint(target, doc_ids.iter().copied(), "van-ban/", "van-ban/"),
                );
            }
        }
        // a translation's legal bases take their links from the original's, by position
        let cited = doc.data.can_cu.len();
        for t in doc
            .translations
            .iter()
            .filter(|t| !t.data.can_cu.is_empty())
        {
            let given = t.data.can_cu.len();
            if given != cited {
                ctx.error(
                    &t.file,
                    ctx.line(&t.file, "can_cu", None, 1),
                    "can_cu",
                    Bilingual::new(
                        format!("Bản dịch có {given} căn cứ nhưng văn bản gốc có {cited}."),
                        format!("The translation has {given} legal bases but the original has {cited}."),
                    ),
                    Bilingual::new(
                        "Dịch từng căn cứ của văn bản gốc, theo đúng thứ tự, hoặc bỏ can_cu để giữ nguyên văn.",
                        "Translate each legal basis of the original, in its order, or leave can_cu out to keep the original's.",
                    ),
                );
            }
        }
    }
}
