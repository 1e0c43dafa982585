//! The units' history over time (lịch sử đơn vị hành chính). A unit lives from its start
//! (`hieu_luc_tu`, or else the day after the units that name it in `ke_thua` ended) to its end
//! (`hieu_luc_den`); a successor begins the day after the unit it took over ends; no chain of
//! successors comes back to where it began; an election is held in a unit, and in villages, that
//! exist on its day.
//!
//! Units absorbed into one that already existed (before the 2025 reform, “nhập xã A vào xã B”)
//! are not modelled: every successor is taken to begin when its predecessors end.

use super::{Ctx, Scope};
use crate::diagnostics::Bilingual;
use crate::model::Site;
use crate::model::date::Date;
use crate::model::division::Commune;
use crate::model::election::Round;
use std::collections::{HashMap, HashSet};
use std::path::Path;

pub(super) fn check(site: &Site, ctx: &mut Ctx, scope: Scope) {
    for c in &site.communes {
        periods(c, ctx);
        succession(c, ctx);
    }
    // the rest follows ids into other files, which may be missing when some failed to parse
    if scope == Scope::AcrossFiles {
        let circles = circles(site);
        for circle in &circles {
            report_circle(site, circle, ctx);
        }
        let in_circle: HashSet<&str> = circles.iter().flatten().copied().collect();
        let starts = starts(site, &in_circle);
        for c in &site.communes {
            boundaries(site, c, &starts, &in_circle, ctx);
        }
        rounds(site, &starts, ctx);
    }
}

/// When a unit began: as written, or derived from the predecessor that ended last.
#[derive(Debug, Clone, Copy)]
enum Start<'a> {
    Written(Date),
    AfterPredecessor(Date, &'a Commune),
}

impl Start<'_> {
    fn day(self) -> Date {
        match self {
            Self::Written(d) | Self::AfterPredecessor(d, _) => d,
        }
    }
}

/// The day after `day`; the calendar ends in 2200, where nothing is compared any more.
fn next_day(day: Date) -> Option<Date> {
    day.plus_days(1)
}

/// `don-vi/x.yaml, dòng 7` and `don-vi/x.yaml, line 7`: where a date was written.
fn place(file: &Path, line: Option<usize>) -> (String, String) {
    let file = file.display();
    match line {
        Some(n) => (format!("{file}, dòng {n}"), format!("{file}, line {n}")),
        None => (file.to_string(), file.to_string()),
    }
}

/// A start written after the end, for the unit and each of its villages.
fn periods(c: &Commune, ctx: &mut Ctx) {
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
                Some(id) => village_line(ctx, c, id, "hieu_luc_den"),
                None => ctx.top_line(&c.file, "hieu_luc_den"),
            };
            ctx.error(
                &c.file,
                line,
                "hieu_luc_den",
                Bilingual::new(
                    format!(
                        "Ngày hết hiệu lực {} trước ngày bắt đầu {}.",
                        until.vi_short(),
                        from.vi_short()
                    ),
                    format!(
                        "The end date {} is before the start date {}.",
                        until.vi_short(),
                        from.vi_short()
                    ),
                ),
                Bilingual::new("Kiểm tra lại hai ngày.", "Check both dates."),
            );
        }
    }
}

/// The line of `field` of village `id` in its unit's file.
fn village_line(ctx: &Ctx, c: &Commune, id: &str, field: &str) -> Option<usize> {
    ctx.line(&c.file, "ma", Some(id), 1)
        .and_then(|l| ctx.line(&c.file, field, None, l))
}

/// What a unit's own file says of its successor: not itself, and an end for it to follow.
fn succession(c: &Commune, ctx: &mut Ctx) {
    let Some(next) = c.data.ke_thua.as_deref() else {
        return;
    };
    let line = |ctx: &Ctx| ctx.top_line(&c.file, "ke_thua");
    if next == c.id {
        ctx.error(
            &c.file,
            line(ctx),
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
    } else if c.data.hieu_luc_den.is_none() {
        ctx.error(
            &c.file,
            line(ctx),
            "ke_thua",
            Bilingual::new(
                format!("Đơn vị ghi đơn vị kế thừa “{next}” nhưng không có ngày chấm dứt (hieu_luc_den), nên không biết đơn vị kế thừa bắt đầu từ ngày nào."),
                format!("The unit names its successor “{next}” but has no end date (hieu_luc_den), so the day its successor began is unknown."),
            ),
            Bilingual::new(
                "Ghi ngày cuối cùng đơn vị còn tồn tại, ví dụ hieu_luc_den: 30/6/2025 cho các đơn vị sáp nhập năm 2025.",
                "Write the last day the unit existed, e.g. hieu_luc_den: 30/6/2025 for units merged in 2025.",
            ),
        );
    }
}

/// Every chain of successors that comes back to a unit already on it, as the ids of the units
/// on the circle, the smallest id first. A unit naming itself is a circle of one.
fn circles(site: &Site) -> Vec<Vec<&str>> {
    let next: HashMap<&str, &str> = site
        .communes
        .iter()
        .filter_map(|c| Some((c.id.as_str(), c.data.ke_thua.as_deref()?)))
        .collect();
    let mut done: HashSet<&str> = HashSet::new();
    let mut found = Vec::new();
    for c in &site.communes {
        let mut path: Vec<&str> = Vec::new();
        let mut at = Some(c.id.as_str());
        while let Some(id) = at.filter(|id| !done.contains(id)) {
            if let Some(i) = path.iter().position(|p| *p == id) {
                let mut circle = path[i..].to_vec();
                let smallest = (0..circle.len()).min_by_key(|&k| circle[k]).unwrap_or(0);
                circle.rotate_left(smallest);
                found.push(circle);
                break;
            }
            path.push(id);
            at = next.get(id).copied();
        }
        done.extend(path);
    }
    found
}

fn report_circle(site: &Site, circle: &[&str], ctx: &mut Ctx) {
    // a unit naming itself is reported from its own file, whatever else failed to load
    let (Some(first), true) = (
        circle.first().and_then(|id| site.commune(id)),
        circle.len() > 1,
    ) else {
        return;
    };
    let chain = circle
        .iter()
        .chain(circle.first())
        .copied()
        .collect::<Vec<_>>()
        .join(" → ");
    let files = circle
        .iter()
        .filter_map(|id| site.commune(id))
        .map(|c| c.file.display().to_string())
        .collect::<Vec<_>>()
        .join(", ");
    ctx.error(
        &first.file,
        ctx.top_line(&first.file, "ke_thua"),
        "ke_thua",
        Bilingual::new(
            format!("Chuỗi đơn vị kế thừa quay vòng: {chain} ({files}). Một đơn vị không thể được kế thừa bởi đơn vị mà chính nó đã kế thừa."),
            format!("The chain of successors goes round in a circle: {chain} ({files}). A unit cannot be taken over by a unit it took over itself."),
        ),
        Bilingual::new(
            "Chỉ đơn vị cũ ghi ke_thua, là mã của đơn vị mới; bỏ ke_thua ở đơn vị mới hơn trong vòng.",
            "Only the older unit writes ke_thua, naming the newer one; remove ke_thua from the newer unit of the circle.",
        ),
    );
}

/// The start of every unit not on a circle, where one is written or can be derived: the day after
/// the last of the units that name it as successor ended.
fn starts<'a>(site: &'a Site, in_circle: &HashSet<&str>) -> HashMap<&'a str, Start<'a>> {
    let mut starts: HashMap<&str, Start> = HashMap::new();
    for c in site
        .communes
        .iter()
        .filter(|c| !in_circle.contains(c.id.as_str()))
    {
        if let Some(day) = c.data.hieu_luc_tu {
            starts.insert(&c.id, Start::Written(day));
            continue;
        }
        let last = predecessors(site, &c.id, in_circle)
            .into_iter()
            .filter_map(|p| Some((next_day(p.data.hieu_luc_den?)?, p)))
            .max_by_key(|(day, p)| (*day, std::cmp::Reverse(p.id.as_str())));
        if let Some((day, p)) = last {
            starts.insert(&c.id, Start::AfterPredecessor(day, p));
        }
    }
    starts
}

/// The units, not on a circle, that name `id` as their successor.
fn predecessors<'a>(site: &'a Site, id: &str, in_circle: &HashSet<&str>) -> Vec<&'a Commune> {
    site.communes
        .iter()
        .filter(|p| p.data.ke_thua.as_deref() == Some(id) && !in_circle.contains(p.id.as_str()))
        .collect()
}

/// `c` ends the day before its successor begins, and a unit whose start is derived does not end
/// before it.
fn boundaries(
    site: &Site,
    c: &Commune,
    starts: &HashMap<&str, Start>,
    in_circle: &HashSet<&str>,
    ctx: &mut Ctx,
) {
    if in_circle.contains(c.id.as_str()) {
        return;
    }
    let end_line = |ctx: &Ctx| ctx.top_line(&c.file, "hieu_luc_den");
    if let (Some(Start::AfterPredecessor(start, p)), Some(end)) =
        (starts.get(c.id.as_str()).copied(), c.data.hieu_luc_den)
        && end < start
    {
        let (at_vi, at_en) = place(&p.file, ctx.top_line(&p.file, "hieu_luc_den"));
        ctx.error(
            &c.file,
            end_line(ctx),
            "hieu_luc_den",
            Bilingual::new(
                format!(
                    "Đơn vị chấm dứt ngày {}, trước khi bắt đầu: đơn vị bắt đầu ngày {}, ngày sau khi {} (mà đơn vị này kế thừa) chấm dứt ngày {} ({at_vi}).",
                    end.vi_short(), start.vi_short(), p.data.ten, start.plus_days(-1).unwrap_or(start).vi_short()
                ),
                format!(
                    "The unit ends on {}, before it began: it began on {}, the day after {} (which it took over) ended on {} ({at_en}).",
                    end.vi_short(), start.vi_short(), p.data.ten, start.plus_days(-1).unwrap_or(start).vi_short()
                ),
            ),
            Bilingual::new(
                format!("Kiểm tra hieu_luc_den ở tệp này và ở {}.", p.file.display()),
                format!("Check hieu_luc_den in this file and in {}.", p.file.display()),
            ),
        );
    }
    let (Some(next_id), Some(end)) = (c.data.ke_thua.as_deref(), c.data.hieu_luc_den) else {
        return;
    };
    let (Some(next), Some(start), Some(expected)) = (
        site.commune(next_id)
            .filter(|_| !in_circle.contains(next_id)),
        starts.get(next_id).copied(),
        next_day(end),
    ) else {
        return;
    };
    if start.day() == expected {
        return;
    }
    let missing = end.days_until(&start.day()) - 1;
    let days_en = |n: i64| {
        if n == 1 {
            "1 day".to_string()
        } else {
            format!("{n} days")
        }
    };
    let (what_vi, what_en) = if missing > 0 {
        (
            format!("bỏ trống {missing} ngày không thuộc đơn vị nào"),
            format!("a gap of {} without any unit", days_en(missing)),
        )
    } else {
        (
            format!("chồng lên nhau {} ngày", -missing),
            format!("an overlap of {}", days_en(-missing)),
        )
    };
    let (begins_vi, begins_en, fix_vi, fix_en) = match start {
        Start::Written(day) => {
            let (at_vi, at_en) = place(&next.file, ctx.top_line(&next.file, "hieu_luc_tu"));
            (
                format!("bắt đầu ngày {} ({at_vi})", day.vi_short()),
                format!("begins on {} ({at_en})", day.vi_short()),
                format!(
                    "Ghi hieu_luc_tu: {} trong {}, hoặc sửa hieu_luc_den ở tệp này thành hieu_luc_den: {}.",
                    expected.vi_short(),
                    next.file.display(),
                    day.plus_days(-1).unwrap_or(day).vi_short()
                ),
                format!(
                    "Write hieu_luc_tu: {} in {}, or change this file's end to hieu_luc_den: {}.",
                    expected.vi_short(),
                    next.file.display(),
                    day.plus_days(-1).unwrap_or(day).vi_short()
                ),
            )
        }
        Start::AfterPredecessor(day, last) => {
            let (at_vi, at_en) = place(&last.file, ctx.top_line(&last.file, "hieu_luc_den"));
            let last_end = day.plus_days(-1).unwrap_or(day).vi_short();
            (
                format!(
                    "bắt đầu ngày {}, ngày sau khi {} (cũng sáp nhập vào đơn vị này) chấm dứt ngày {last_end} ({at_vi})",
                    day.vi_short(),
                    last.data.ten
                ),
                format!(
                    "begins on {}, the day after {} (also merged into it) ended on {last_end} ({at_en})",
                    day.vi_short(),
                    last.data.ten
                ),
                format!(
                    "Các đơn vị cùng sáp nhập vào một đơn vị chấm dứt cùng một ngày: ghi hieu_luc_den: {last_end} ở tệp này, hoặc ghi hieu_luc_tu: (ngày thành lập) trong {} và sửa ngày chấm dứt của các đơn vị cũ cho khớp.",
                    next.file.display()
                ),
                format!(
                    "Units merged into one end on the same day: write hieu_luc_den: {last_end} in this file, or write hieu_luc_tu: (the day it was established) in {} and make the old units' end dates match.",
                    next.file.display()
                ),
            )
        }
    };
    ctx.error(
        &c.file,
        end_line(ctx),
        "hieu_luc_den",
        Bilingual::new(
            format!(
                "Đơn vị chấm dứt ngày {}, nhưng đơn vị kế thừa {} {begins_vi}: {what_vi}. Đơn vị kế thừa phải bắt đầu đúng ngày hôm sau, {}.",
                end.vi_short(), next.data.ten, expected.vi_short()
            ),
            format!(
                "The unit ends on {}, but its successor {} {begins_en}: {what_en}. The successor must begin on the very next day, {}.",
                end.vi_short(), next.data.ten, expected.vi_short()
            ),
        ),
        Bilingual::new(fix_vi, fix_en),
    );
}

/// A round is held in a unit, and villages, that exist on its day.
fn rounds(site: &Site, starts: &HashMap<&str, Start>, ctx: &mut Ctx) {
    for round in &site.rounds {
        let Some(c) = site.commune(&round.data.don_vi) else {
            continue;
        };
        let day = round.data.ngay_bau_cu;
        let file = &round.file;
        // a line is looked up only for a problem: finding one reads the whole file
        let line = |ctx: &Ctx| ctx.line(file, "don_vi", None, 1);
        if let Some(end) = c.data.hieu_luc_den.filter(|end| day > *end) {
            let (at_vi, at_en) = place(&c.file, ctx.top_line(&c.file, "hieu_luc_den"));
            let successor = c.data.ke_thua.as_deref().and_then(|id| site.commune(id));
            let hint = match successor {
                Some(s) => Bilingual::new(
                    format!(
                        "Nếu bầu cử ở đơn vị kế thừa {}, ghi don_vi: {}; nếu không, kiểm tra ngay_bau_cu ở tệp này và hieu_luc_den trong {}.",
                        s.data.ten,
                        s.id,
                        c.file.display()
                    ),
                    format!(
                        "If the election was held in its successor {}, write don_vi: {}; if not, check ngay_bau_cu here and hieu_luc_den in {}.",
                        s.data.ten,
                        s.id,
                        c.file.display()
                    ),
                ),
                None => Bilingual::new(
                    format!(
                        "Kiểm tra ngay_bau_cu ở tệp này và hieu_luc_den trong {}; nếu đơn vị đã sáp nhập, ghi don_vi là mã của đơn vị mới.",
                        c.file.display()
                    ),
                    format!(
                        "Check ngay_bau_cu here and hieu_luc_den in {}; if the unit was merged, write the new unit's id in don_vi.",
                        c.file.display()
                    ),
                ),
            };
            ctx.error(
                file,
                line(ctx),
                "don_vi",
                Bilingual::new(
                    format!(
                        "Đợt bầu cử ngày {} ở {}, sau khi đơn vị này chấm dứt ngày {} ({at_vi}).",
                        day.vi_short(),
                        c.data.ten,
                        end.vi_short()
                    ),
                    format!(
                        "The round is held on {} in {}, after that unit ended on {} ({at_en}).",
                        day.vi_short(),
                        c.data.ten,
                        end.vi_short()
                    ),
                ),
                hint,
            );
        }
        if let Some(start) = starts.get(c.id.as_str()).copied().filter(|s| day < s.day()) {
            before_start(site, round, line(ctx), c, start, ctx);
        }
        villages(round, c, ctx);
    }
}

/// A round held before its unit began; `line` is that of its `don_vi`.
fn before_start(
    site: &Site,
    round: &Round,
    line: Option<usize>,
    c: &Commune,
    start: Start,
    ctx: &mut Ctx,
) {
    let day = round.data.ngay_bau_cu;
    let (since_vi, since_en) = match start {
        Start::Written(begin) => {
            let (at_vi, at_en) = place(&c.file, ctx.top_line(&c.file, "hieu_luc_tu"));
            (
                format!("bắt đầu ngày {} ({at_vi})", begin.vi_short()),
                format!("began on {} ({at_en})", begin.vi_short()),
            )
        }
        Start::AfterPredecessor(begin, p) => {
            let (at_vi, at_en) = place(&p.file, ctx.top_line(&p.file, "hieu_luc_den"));
            let end = begin.plus_days(-1).unwrap_or(begin).vi_short();
            (
                format!(
                    "bắt đầu ngày {}, ngày sau khi {} (mà đơn vị này kế thừa) chấm dứt ngày {end} ({at_vi})",
                    begin.vi_short(),
                    p.data.ten
                ),
                format!(
                    "began on {}, the day after {} (which it took over) ended on {end} ({at_en})",
                    begin.vi_short(),
                    p.data.ten
                ),
            )
        }
    };
    let olds: Vec<String> = site
        .communes
        .iter()
        .filter(|p| p.data.ke_thua.as_deref() == Some(c.id.as_str()) && p.id != c.id)
        .map(|p| format!("don_vi: {}", p.id))
        .collect();
    let hint = if olds.is_empty() {
        Bilingual::new(
            format!(
                "Kiểm tra ngay_bau_cu ở tệp này và hieu_luc_tu trong {}.",
                c.file.display()
            ),
            format!(
                "Check ngay_bau_cu here and hieu_luc_tu in {}.",
                c.file.display()
            ),
        )
    } else {
        let olds_vi = olds.join(" hoặc ");
        let olds_en = olds.join(" or ");
        Bilingual::new(
            format!(
                "Nếu bầu cử ở đơn vị cũ trước khi sáp nhập, ghi {olds_vi}; nếu không, kiểm tra ngay_bau_cu."
            ),
            format!(
                "If the election was held in the old unit before the merger, write {olds_en}; if not, check ngay_bau_cu."
            ),
        )
    };
    ctx.error(
        &round.file,
        line,
        "don_vi",
        Bilingual::new(
            format!(
                "Đợt bầu cử ngày {} ở {}, trước khi đơn vị này bắt đầu: đơn vị {since_vi}.",
                day.vi_short(),
                c.data.ten
            ),
            format!(
                "The round is held on {} in {}, before that unit began: it {since_en}.",
                day.vi_short(),
                c.data.ten
            ),
        ),
        hint,
    );
}

/// Each contest's village exists on election day.
fn villages(round: &Round, c: &Commune, ctx: &mut Ctx) {
    let day = round.data.ngay_bau_cu;
    for contest in &round.data.cuoc_bau {
        let Some(v) = c.village(&contest.khu_dan_cu) else {
            continue;
        };
        let (field, limit, vi, en) = match (v.hieu_luc_tu, v.hieu_luc_den) {
            (_, Some(end)) if day > end => (
                "hieu_luc_den",
                end,
                "sau khi khu dân cư này chấm dứt",
                "after it ended",
            ),
            (Some(start), _) if day < start => (
                "hieu_luc_tu",
                start,
                "trước khi khu dân cư này được thành lập",
                "before it began",
            ),
            _ => continue,
        };
        let (at_vi, at_en) = place(&c.file, village_line(ctx, c, &v.ma, field));
        ctx.error(
            &round.file,
            ctx.contest_line(&round.file, &v.ma, 1),
            "cuoc_bau",
            Bilingual::new(
                format!("Bầu cử ở {} ngày {}, {vi} ({field}: {}, {at_vi}).", v.ten, day.vi_short(), limit.vi_short()),
                format!("The election in {} is held on {}, {en} ({field}: {}, {at_en}).", v.ten, day.vi_short(), limit.vi_short()),
            ),
            Bilingual::new(
                format!("Bỏ “{}” khỏi cuoc_bau nếu khu dân cư không bầu trong đợt này; nếu có, sửa {field} trong {}.", v.ma, c.file.display()),
                format!("Remove “{}” from cuoc_bau if the village did not vote in this round; if it did, correct {field} in {}.", v.ma, c.file.display()),
            ),
        );
    }
}

#[cfg(test)]
mod tests;
