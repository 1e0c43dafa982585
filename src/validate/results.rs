//! Basic consistency of vote-count records (biên bản kiểm phiếu): the figures must add up before a
//! citizen is shown them.

use super::{Ctx, Scope, unknown_hint};
use crate::diagnostics::Bilingual;
use crate::model::Site;
use crate::model::election::RoundStatus;
use crate::model::result::ContestCount;
use std::collections::{HashMap, HashSet};
use std::path::Path;

pub(super) fn check(site: &Site, ctx: &mut Ctx, scope: Scope) {
    if scope == Scope::AcrossFiles {
        complete(site, ctx);
    }
    for round in &site.rounds {
        let Some(sheet) = &round.results else {
            continue;
        };
        let file = &sheet.file;
        let contest_ids = round.contest_ids();
        // each contest's candidates, found in one pass over the round's: a round may hold
        // hundreds of contests and thousands of candidates
        let mut in_contests: HashMap<&str, Vec<&str>> = HashMap::new();
        for candidate in &round.candidates {
            let village = candidate.data.khu_dan_cu.as_str();
            in_contests
                .entry(village)
                .or_default()
                .push(&candidate.slug);
        }
        for (village, count) in &sheet.contests {
            // where the contest starts in the file, found only for a problem to report:
            // searching for every contest would read the file once per contest
            let at = Contest {
                file,
                village,
                candidates: in_contests.get(village.as_str()).map_or(&[], Vec::as_slice),
            };
            if !round.has_contest(village) {
                if scope == Scope::WithinFiles {
                    continue;
                }
                ctx.error(
                    file,
                    ctx.line(file, village, None, 1),
                    village,
                    Bilingual::new(
                        format!("Có kết quả cho “{village}” nhưng khu dân cư này không có trong cuoc_bau của đợt bầu cử."),
                        format!("There are results for “{village}”, which is not among the round's contests (cuoc_bau)."),
                    ),
                    unknown_hint(village, contest_ids.iter().copied(), "cuoc_bau", "cuoc_bau"),
                );
                continue;
            }
            figures(ctx, &at, count);
            votes(ctx, &at, count, scope);
        }
    }
}

/// A round whose results are published as provisional or official has them for every contest.
fn complete(site: &Site, ctx: &mut Ctx) {
    for round in &site.rounds {
        if !matches!(
            round.data.trang_thai,
            RoundStatus::Provisional | RoundStatus::Official
        ) {
            continue;
        }
        for village in round.contest_ids() {
            if round.entry(village).is_some_and(|c| c.trang_thai.is_some())
                || round
                    .results
                    .as_ref()
                    .is_some_and(|r| r.contests.contains_key(village))
            {
                continue;
            }
            ctx.error(
                &round.file,
                ctx.line(&round.file, "trang_thai", None, 1),
                "trang_thai",
                Bilingual::new(
                    format!(
                        "Đợt bầu cử ở trạng thái `{}` nhưng chưa có kết quả của khu “{village}” trong ket-qua.yaml.",
                        round.data.trang_thai.key()
                    ),
                    format!("The round's results are marked as published, but ket-qua.yaml has none for “{village}”."),
                ),
                Bilingual::new(
                    "Thêm số liệu của khu này vào ket-qua.yaml, hoặc đổi trạng thái thành dang-kiem-phieu.",
                    "Add this contest's figures to ket-qua.yaml, or set the status to dang-kiem-phieu.",
                ),
            );
        }
    }
}

/// A contest of a round's results file.
struct Contest<'a> {
    file: &'a Path,
    village: &'a str,
    /// The slugs of its candidates, in the round's order.
    candidates: &'a [&'a str],
}

impl Contest<'_> {
    /// The line of `key` in the contest's figures.
    fn line(&self, ctx: &Ctx, key: &str) -> Option<usize> {
        let start = ctx.line(self.file, self.village, None, 1).unwrap_or(1);
        ctx.line(self.file, key, None, start)
    }
}

fn figures(ctx: &mut Ctx, at: &Contest, c: &ContestCount) {
    let file = at.file;
    let line = |ctx: &Ctx, key: &str| at.line(ctx, key);
    let fix = || {
        Bilingual::new(
            "Đối chiếu lại với biên bản kiểm phiếu và sửa số liệu.",
            "Check the figures against the vote-count record and correct them.",
        )
    };
    // (field, its figure, the figure it may not exceed, the message in Vietnamese and English,
    // written only for a figure over its bound)
    type Message<'a> = &'a dyn Fn() -> (String, String);
    let bounds: [(&str, u32, u32, Message); 3] = [
        ("cu_tri_tham_gia", c.cu_tri_tham_gia, c.tong_cu_tri, &|| {
            (
                format!(
                    "Số cử tri tham gia ({}) lớn hơn tổng số cử tri đại diện hộ gia đình ({}).",
                    c.cu_tri_tham_gia, c.tong_cu_tri
                ),
                format!(
                    "Participants ({}) exceed all household representatives ({}).",
                    c.cu_tri_tham_gia, c.tong_cu_tri
                ),
            )
        }),
        ("phieu_thu_vao", c.phieu_thu_vao, c.phieu_phat_ra, &|| {
            (
                format!(
                    "Số phiếu thu vào ({}) lớn hơn số phiếu phát ra ({}).",
                    c.phieu_thu_vao, c.phieu_phat_ra
                ),
                format!(
                    "Ballots collected ({}) exceed ballots issued ({}).",
                    c.phieu_thu_vao, c.phieu_phat_ra
                ),
            )
        }),
        ("phieu_thu_vao", c.phieu_thu_vao, c.cu_tri_tham_gia, &|| {
            (
                format!(
                    "Số phiếu thu vào ({}) lớn hơn số cử tri tham gia ({}): mỗi người chỉ bỏ một phiếu.",
                    c.phieu_thu_vao, c.cu_tri_tham_gia
                ),
                format!(
                    "Ballots collected ({}) exceed participants ({}): each casts one ballot.",
                    c.phieu_thu_vao, c.cu_tri_tham_gia
                ),
            )
        }),
    ];
    for (field, value, bound, message) in bounds {
        if value > bound {
            let (vi, en) = message();
            ctx.error(file, line(ctx, field), field, Bilingual::new(vi, en), fix());
        }
    }
    // sums in u64: figures near u32::MAX must be reported, not wrap around
    let counted = u64::from(c.phieu_hop_le) + u64::from(c.phieu_khong_hop_le);
    if counted != u64::from(c.phieu_thu_vao) {
        ctx.error(
            file,
            line(ctx, "phieu_hop_le"),
            "phieu_hop_le",
            Bilingual::new(
                format!(
                    "Phiếu hợp lệ ({}) + phiếu không hợp lệ ({}) = {}, khác số phiếu thu vào ({}).",
                    c.phieu_hop_le, c.phieu_khong_hop_le, counted, c.phieu_thu_vao
                ),
                format!(
                    "Valid ({}) + invalid ({}) ballots = {}, not the {} ballots collected.",
                    c.phieu_hop_le, c.phieu_khong_hop_le, counted, c.phieu_thu_vao
                ),
            ),
            fix(),
        );
    }
    // more than one ballot in ten spoilt is legal, but usually a typo in the record
    if u64::from(c.phieu_khong_hop_le) * 10 > u64::from(c.phieu_thu_vao) && c.phieu_thu_vao > 0 {
        ctx.warning(
            file,
            line(ctx, "phieu_khong_hop_le"),
            "phieu_khong_hop_le",
            Bilingual::new(
                format!(
                    "Hơn 10% số phiếu thu vào không hợp lệ ({} / {}): hợp lệ nhưng hiếm, hãy kiểm tra lại.",
                    c.phieu_khong_hop_le, c.phieu_thu_vao
                ),
                format!(
                    "More than 10% of ballots collected are invalid ({} / {}): legal but rare, please check.",
                    c.phieu_khong_hop_le, c.phieu_thu_vao
                ),
            ),
        );
    }
    if c.tong_cu_tri > 0 && c.cu_tri_tham_gia == c.tong_cu_tri {
        ctx.warning(
            file,
            line(ctx, "cu_tri_tham_gia"),
            "cu_tri_tham_gia",
            Bilingual::new(
                format!(
                    "Tỷ lệ tham gia đúng 100% ({} / {}): hợp lệ nhưng hiếm, hãy kiểm tra lại.",
                    c.cu_tri_tham_gia, c.tong_cu_tri
                ),
                format!(
                    "Turnout of exactly 100% ({} / {}): legal but rare, please check.",
                    c.cu_tri_tham_gia, c.tong_cu_tri
                ),
            ),
        );
    }
}

fn votes(ctx: &mut Ctx, at: &Contest, c: &ContestCount, scope: Scope) {
    let Contest {
        file,
        village,
        candidates: in_contest,
    } = *at;
    let fix = || {
        Bilingual::new(
            "Đối chiếu lại với biên bản kiểm phiếu và sửa số liệu.",
            "Check the figures against the vote-count record and correct them.",
        )
    };
    // looked up once per vote line: a contest may list thousands of candidates
    let candidates: HashSet<&str> = in_contest.iter().copied().collect();
    for (slug, &n) in &c.so_phieu {
        let foreign = scope == Scope::AcrossFiles && !candidates.contains(slug.as_str());
        if !foreign && n <= c.phieu_hop_le {
            continue;
        }
        // found only for a line in error: searching every line would read the file once per line
        let line = at.line(ctx, slug);
        if foreign {
            ctx.error(
                file,
                line,
                "so_phieu",
                Bilingual::new(
                    format!("“{slug}” không phải là ứng cử viên của khu dân cư “{village}”."),
                    format!("“{slug}” is not a candidate in the contest for “{village}”."),
                ),
                unknown_hint(
                    slug,
                    in_contest.iter().copied(),
                    "ung-cu-vien/ của khu này",
                    "this contest's ung-cu-vien/",
                ),
            );
        }
        if n > c.phieu_hop_le {
            ctx.error(
                file,
                line,
                "so_phieu",
                Bilingual::new(
                    format!(
                        "“{slug}” có {n} phiếu, nhiều hơn số phiếu hợp lệ ({}).",
                        c.phieu_hop_le
                    ),
                    format!(
                        "“{slug}” has {n} votes, more than the {} valid ballots.",
                        c.phieu_hop_le
                    ),
                ),
                fix(),
            );
        }
    }
    // each valid ballot keeps at most one name, so the votes cannot add up to more than the ballots
    let total: u64 = c.so_phieu.values().map(|&n| u64::from(n)).sum();
    let each_fits = c.so_phieu.values().all(|&n| n <= c.phieu_hop_le);
    if each_fits && total > u64::from(c.phieu_hop_le) {
        ctx.error(
            file,
            at.line(ctx, "so_phieu"),
            "so_phieu",
            Bilingual::new(
                format!(
                    "Tổng số phiếu của các ứng cử viên ({total}) lớn hơn số phiếu hợp lệ ({}).",
                    c.phieu_hop_le
                ),
                format!(
                    "The candidates' votes add up to {total}, more than the {} valid ballots.",
                    c.phieu_hop_le
                ),
            ),
            fix(),
        );
    }
    if scope == Scope::AcrossFiles {
        for slug in in_contest.iter().filter(|s| !c.so_phieu.contains_key(**s)) {
            ctx.error(
                file,
                at.line(ctx, "so_phieu"),
                "so_phieu",
                Bilingual::new(
                    format!(
                        "Thiếu số phiếu của ứng cử viên “{slug}” (ghi 0 nếu không có phiếu nào)."
                    ),
                    format!(
                        "The votes of candidate “{slug}” are missing (write 0 if they had none)."
                    ),
                ),
                Bilingual::new(
                    format!("Thêm dòng `{slug}: <số phiếu>` dưới `so_phieu:` của khu “{village}”."),
                    format!("Add a line `{slug}: <votes>` under `so_phieu:` for “{village}”."),
                ),
            );
        }
    }
}
