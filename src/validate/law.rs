//! The law's rules on where a result stands: a recognised result needs a dated decision and an
//! elected candidate, a repeat vote needs its date, an official round needs every contest
//! decided, and the steps of the timeline must come before election day and meet their
//! deadlines (a missed deadline is history, so it is a warning, not an error).

use super::{Ctx, IdKind, Scope, unknown_hint};
use crate::diagnostics::Bilingual;
use crate::load::CONFIG_FILE;
use crate::model::Site;
use crate::model::decision::Decision;
use crate::model::election::{Round, RoundStatus, Step};
use crate::model::holidays::Holidays;
use crate::model::outcome::Outcome;
use crate::model::result::{ContestCount, ResultStatus};
use crate::model::rules::{self, RuleSet};
use crate::model::timeline::{StepKind, StepState, recognition_deadlines, timeline};
use std::path::Path;

pub(super) fn check(site: &Site, ctx: &mut Ctx, scope: Scope) {
    rule_sets(site, ctx);
    days_off(site, ctx);
    for round in &site.rounds {
        let rules = site.rules_for(round);
        if scope == Scope::AcrossFiles {
            references(site, round, ctx);
            if rules.is_none() {
                unknown_rules(site, round, ctx);
            }
        }
        postponement(round, ctx);
        steps(round, ctx);
        if let Some(rules) = rules {
            deadlines(site, round, rules, ctx);
        }
        let Some(sheet) = &round.results else {
            continue;
        };
        for (village, count) in &sheet.contests {
            let here = Contest {
                file: &sheet.file,
                village,
                count,
            };
            if let Some(entry) = round.entry(village)
                && entry.trang_thai.is_some()
            {
                here.error(
                    ctx,
                    village,
                    Bilingual::new(
                        format!("Khu “{village}” được ghi là hoãn hoặc không tổ chức trong dot-bau-cu.yaml nhưng lại có kết quả."),
                        format!("“{village}” is postponed or not held in dot-bau-cu.yaml, yet has results."),
                    ),
                    Bilingual::new(
                        "Bỏ trang_thai của khu này trong dot-bau-cu.yaml nếu đã bầu, hoặc xóa kết quả.",
                        "Remove this contest's trang_thai in dot-bau-cu.yaml if the vote took place, or delete the results.",
                    ),
                );
            }
            // the outcome the model resolved, whether or not it may be published yet
            let outcome = round
                .contest(village)
                .and_then(|c| c.record_for_checks())
                .and_then(|(_, outcome)| outcome);
            here.status(round, outcome, ctx);
            here.dates(round, ctx);
            if let Some(rules) = rules {
                here.acting_head(round, rules, outcome, ctx);
            }
        }
    }
}

const RULE_SET_ID: IdKind = IdKind {
    vi: "Mã bộ quy tắc",
    en: "rule set id",
    example: "quang-ninh-2024",
};

/// The site's own rule sets must be valid and have ids of their own.
fn rule_sets(site: &Site, ctx: &mut Ctx) {
    let file = Path::new(CONFIG_FILE);
    let builtin = rules::builtin();
    let mut seen: Vec<&str> = builtin.iter().map(|r| r.id.as_str()).collect();
    for set in &site.config.quy_tac_bau_cu {
        ctx.not_a_slug(file, "ma", &set.ma, &RULE_SET_ID);
        let line = |ctx: &Ctx| ctx.line(file, "ma", Some(&set.ma), 1);
        if let Err((vi, en)) = set.resolve(&builtin) {
            ctx.error(
                file,
                line(ctx),
                "quy_tac_bau_cu",
                Bilingual::new(vi, en),
                Bilingual::new(
                    "Sửa bộ quy tắc theo hướng dẫn trong README.",
                    "Correct the rule set as the README describes.",
                ),
            );
        }
        if seen.contains(&set.ma.as_str()) {
            ctx.error(
                file,
                line(ctx),
                "ma",
                Bilingual::new(
                    format!("Mã bộ quy tắc “{}” bị trùng.", set.ma),
                    format!("The rule set id “{}” is a duplicate.", set.ma),
                ),
                Bilingual::new(
                    "Đặt một mã khác, không trùng luat-2022, nqlt-09-2008 hay bộ khác.",
                    "Choose another id, different from luat-2022, nqlt-09-2008 and the others.",
                ),
            );
        }
        seen.push(&set.ma);
    }
}

/// A day cannot be both a day off and a working day of the site.
fn days_off(site: &Site, ctx: &mut Ctx) {
    let file = Path::new(CONFIG_FILE);
    let config = &site.config;
    for day in config
        .ngay_lam_viec
        .iter()
        .filter(|d| config.ngay_nghi_le.contains(d))
    {
        ctx.error(
            file,
            ctx.line(file, "ngay_lam_viec", None, 1),
            "ngay_lam_viec",
            Bilingual::new(
                format!("Ngày {day} vừa là ngày nghỉ (ngay_nghi_le) vừa là ngày làm việc (ngay_lam_viec)."),
                format!("{day} is both a day off (ngay_nghi_le) and a working day (ngay_lam_viec)."),
            ),
            Bilingual::new(
                format!("Xóa {day} khỏi một trong hai danh sách."),
                format!("Remove {day} from one of the two lists."),
            ),
        );
    }
}

fn unknown_rules(site: &Site, round: &Round, ctx: &mut Ctx) {
    let Some(id) = &round.data.quy_tac else {
        return;
    };
    ctx.error(
        &round.file,
        ctx.line(&round.file, "quy_tac", None, 1),
        "quy_tac",
        Bilingual::new(
            format!("Không có bộ quy tắc bầu cử “{id}”."),
            format!("There is no set of election rules “{id}”."),
        ),
        unknown_hint(
            id,
            site.rules.iter().map(|r| r.id.as_str()),
            "quy tắc có sẵn và quy_tac_bau_cu của cau-hinh.yaml",
            "the built-in rules and quy_tac_bau_cu in cau-hinh.yaml",
        ),
    );
}

/// Documents and rounds named by the timeline and the results must exist.
fn references(site: &Site, round: &Round, ctx: &mut Ctx) {
    let steps = &round.data.cac_buoc;
    let named = [&steps.quyet_dinh, &steps.to_bau_cu, &steps.niem_yet]
        .into_iter()
        .flatten()
        .filter_map(|s| s.van_ban.as_deref())
        .chain(
            round
                .data
                .quyet_dinh_hoan
                .iter()
                .chain(
                    round
                        .data
                        .cuoc_bau
                        .iter()
                        .filter_map(|c| c.quyet_dinh.as_ref()),
                )
                .filter_map(|d| d.van_ban.as_deref()),
        );
    let docs = || site.documents.iter().map(|d| d.slug.as_str());
    for slug in named {
        if site.document(slug).is_none() {
            missing(ctx, &round.file, "van_ban", slug, docs(), "van-ban/");
        }
    }
    let Some(sheet) = &round.results else {
        return;
    };
    for count in sheet.contests.values() {
        if let Some(slug) = count.quyet_dinh.as_ref().and_then(|d| d.van_ban.as_deref())
            && site.document(slug).is_none()
        {
            missing(ctx, &sheet.file, "van_ban", slug, docs(), "van-ban/");
        }
        if let Some(id) = &count.dot_bau_lai
            && site.round(id).is_none()
        {
            let rounds = site.rounds.iter().map(|r| r.id.as_str());
            missing(ctx, &sheet.file, "dot_bau_lai", id, rounds, "bau-cu/");
        }
    }
}

fn missing<'a>(
    ctx: &mut Ctx,
    file: &Path,
    field: &str,
    id: &str,
    known: impl IntoIterator<Item = &'a str> + Clone,
    folder: &str,
) {
    ctx.error(
        file,
        ctx.line(file, field, Some(id), 1),
        field,
        Bilingual::new(
            format!("Không tìm thấy “{id}” trong {folder}."),
            format!("“{id}” was not found in {folder}."),
        ),
        unknown_hint(id, known, folder, folder),
    );
}

fn postponement(round: &Round, ctx: &mut Ctx) {
    if round.data.trang_thai == RoundStatus::Postponed && round.data.quyet_dinh_hoan.is_none() {
        ctx.warning(
            &round.file,
            ctx.line(&round.file, "trang_thai", None, 1),
            "quyet_dinh_hoan",
            Bilingual::new(
                "Đợt bầu cử bị hoãn nhưng chưa ghi quyết định hoãn (quyet_dinh_hoan: số, ngày).",
                "The round is postponed but the decision that postponed it is not given (quyet_dinh_hoan: number, date).",
            ),
        );
    }
}

/// Each preparation step comes before election day.
fn steps(round: &Round, ctx: &mut Ctx) {
    let day = round.data.ngay_bau_cu;
    let s = &round.data.cac_buoc;
    for (key, step) in [
        ("quyet_dinh", &s.quyet_dinh),
        ("to_bau_cu", &s.to_bau_cu),
        ("niem_yet", &s.niem_yet),
    ] {
        let Some(Step {
            ngay: Some(date), ..
        }) = step
        else {
            continue;
        };
        if *date >= day {
            let from = ctx.line(&round.file, key, None, 1).unwrap_or(1);
            ctx.error(
                &round.file,
                ctx.line(&round.file, "ngay", None, from),
                key,
                Bilingual::new(
                    format!("Bước “{key}” ghi ngày {date}, không trước ngày bầu cử {day}.",),
                    format!("The step “{key}” is dated {date}, not before election day {day}."),
                ),
                Bilingual::new(
                    "Kiểm tra lại ngày của bước này hoặc ngày bầu cử.",
                    "Check the date of this step, or the election day.",
                ),
            );
        }
    }
}

/// Deadlines that were not met are reported, so that staff see them before the public does.
fn deadlines(site: &Site, round: &Round, rules: &RuleSet, ctx: &mut Ctx) {
    let holidays = Holidays::from_config(&site.config);
    for step in timeline(round, rules, &holidays) {
        let key = match step.kind {
            StepKind::Decision => "quyet_dinh",
            StepKind::Team => "to_bau_cu",
            StepKind::CandidateList => "niem_yet",
            _ => continue,
        };
        if let (StepState::Missed, Some(date), Some(deadline)) =
            (step.state, step.first, step.deadline)
        {
            ctx.warning(
                &round.file,
                ctx.line(&round.file, key, None, 1),
                key,
                Bilingual::new(
                    format!(
                        "“{}” ngày {date}, sau hạn {deadline} theo {}.",
                        step.kind.label_vi(),
                        rules.name
                    ),
                    format!(
                        "Step “{key}” on {date} is after its deadline of {deadline} under {}.",
                        rules.name
                    ),
                ),
            );
        }
    }
    let Some(sheet) = &round.results else {
        return;
    };
    for late in recognition_deadlines(round, rules, &holidays) {
        if late.met() != Some(false) {
            continue;
        }
        let start = ctx.line(&sheet.file, &late.village, None, 1).unwrap_or(1);
        let decided = late.decided.map(|d| d.to_string()).unwrap_or_default();
        ctx.warning(
            &sheet.file,
            ctx.line(&sheet.file, "quyet_dinh", None, start),
            "quyet_dinh",
            Bilingual::new(
                format!(
                    "Quyết định ngày {decided} sau hạn {} ({} ngày làm việc kể từ ngày nhận biên bản).",
                    late.deadline, rules.recognition_working_days
                ),
                format!(
                    "The decision of {decided} is after its deadline of {} ({} working days from receiving the record).",
                    late.deadline, rules.recognition_working_days
                ),
            ),
        );
    }
}

/// One contest of a results file, for messages that point into its block.
struct Contest<'a> {
    file: &'a Path,
    village: &'a str,
    count: &'a ContestCount,
}

impl Contest<'_> {
    /// The line the contest starts on, found only for a problem to report: searching for every
    /// contest would read the file once per contest.
    fn start(&self, ctx: &Ctx) -> usize {
        ctx.line(self.file, self.village, None, 1).unwrap_or(1)
    }

    fn line(&self, ctx: &Ctx, key: &str) -> Option<usize> {
        ctx.line(self.file, key, None, self.start(ctx))
    }

    fn error(&self, ctx: &mut Ctx, field: &str, message: Bilingual, hint: Bilingual) {
        let line = self.line(ctx, field).or(Some(self.start(ctx)));
        ctx.error(self.file, line, field, message, hint);
    }

    fn status(&self, round: &Round, outcome: Option<&Outcome>, ctx: &mut Ctx) {
        let village = self.village;
        let status = self.count.trang_thai;
        let decision_day = self.count.quyet_dinh.as_ref().and_then(|d| d.ngay);
        if status == ResultStatus::Recognised && decision_day.is_none() {
            self.error(
                ctx,
                "trang_thai",
                Bilingual::new(
                    format!("Kết quả của khu “{village}” ghi là đã công nhận nhưng thiếu ngày của quyết định công nhận."),
                    format!("The result of “{village}” is marked as recognised without the date of the decision that certified it."),
                ),
                Bilingual::new(
                    "Thêm quyet_dinh: với so: và ngay: của quyết định công nhận, hoặc để trang_thai: tam-thoi.",
                    "Add quyet_dinh: with the so: and ngay: of the decision, or set trang_thai: tam-thoi.",
                ),
            );
        }
        if round.data.trang_thai == RoundStatus::Official && status == ResultStatus::Provisional {
            self.error(
                ctx,
                "trang_thai",
                Bilingual::new(
                    format!("Đợt bầu cử ghi là kết quả chính thức nhưng kết quả của khu “{village}” chưa được công nhận hay quyết định bầu lại."),
                    format!("The round is marked official, but the result of “{village}” is neither recognised nor sent to a repeat vote."),
                ),
                Bilingual::new(
                    "Ghi trang_thai: cong-nhan (kèm quyet_dinh) hoặc bau-lai cho khu này, hoặc để đợt bầu cử ở trạng thái tam-thoi.",
                    "Set trang_thai: cong-nhan (with quyet_dinh) or bau-lai for this contest, or keep the round tam-thoi.",
                ),
            );
        }
        match (status, outcome) {
            (ResultStatus::Recognised, Some(o)) if o.elected().is_none() => self.error(
                ctx,
                "trang_thai",
                Bilingual::new(
                    format!("Kết quả của khu “{village}” ghi là đã công nhận, nhưng theo số liệu thì không có người trúng cử ({}).", o.label_vi()),
                    format!("The result of “{village}” is marked as recognised, but by its figures nobody is elected."),
                ),
                Bilingual::new(
                    "Khi không có người trúng cử, UBND xã quyết định bầu lại: ghi trang_thai: bau-lai và ngay_bau_lai:. Nếu số liệu sai, sửa số liệu.",
                    "When nobody is elected the commune orders a repeat vote: set trang_thai: bau-lai and ngay_bau_lai:. If the figures are wrong, correct them.",
                ),
            ),
            (ResultStatus::RepeatOrdered, Some(o)) if o.elected().is_some() => ctx.warning(
                self.file,
                self.line(ctx, "trang_thai"),
                "trang_thai",
                Bilingual::new(
                    format!("Khu “{village}” có người trúng cử theo số liệu nhưng lại ghi bầu lại: hãy chắc chắn quyết định bầu lại có lý do."),
                    format!("By its figures “{village}” elected someone, yet a repeat vote is recorded: make sure the decision says why."),
                ),
            ),
            _ => {}
        }
        if status == ResultStatus::RepeatOrdered && self.count.ngay_bau_lai.is_none() {
            self.error(
                ctx,
                "trang_thai",
                Bilingual::new(
                    format!("Khu “{village}” ghi là bầu lại nhưng chưa có ngày bầu lại."),
                    format!("“{village}” is marked for a repeat vote without its date."),
                ),
                Bilingual::new(
                    "Thêm ngay_bau_lai: với ngày bầu lại theo quyết định.",
                    "Add ngay_bau_lai: with the date of the repeat vote.",
                ),
            );
        }
        if status != ResultStatus::RepeatOrdered
            && (self.count.ngay_bau_lai.is_some() || self.count.dot_bau_lai.is_some())
        {
            self.error(
                ctx,
                "ngay_bau_lai",
                Bilingual::new(
                    format!("Khu “{village}” có ngày hoặc đợt bầu lại nhưng trang_thai không phải bau-lai."),
                    format!("“{village}” has a repeat vote, but its trang_thai is not bau-lai."),
                ),
                Bilingual::new(
                    "Ghi trang_thai: bau-lai, hoặc xóa ngay_bau_lai/dot_bau_lai.",
                    "Set trang_thai: bau-lai, or remove ngay_bau_lai/dot_bau_lai.",
                ),
            );
        }
    }

    /// An acting head fills an empty post, after the vote, for a limited time.
    fn acting_head(
        &self,
        round: &Round,
        rules: &RuleSet,
        outcome: Option<&Outcome>,
        ctx: &mut Ctx,
    ) {
        let Some(acting) = &self.count.lam_thoi else {
            return;
        };
        let village = self.village;
        let fix = || {
            Bilingual::new(
                "Kiểm tra lại quyết định cử trưởng thôn, tổ trưởng lâm thời.",
                "Check the decision appointing the acting head.",
            )
        };
        if outcome.and_then(Outcome::elected).is_some()
            && self.count.trang_thai == ResultStatus::Recognised
        {
            self.error(
                ctx,
                "lam_thoi",
                Bilingual::new(
                    format!("Khu “{village}” đã có người trúng cử được công nhận, nên không cử người lâm thời."),
                    format!("“{village}” has a recognised elected head, so no acting head is appointed."),
                ),
                fix(),
            );
        }
        let limit = acting.tu_ngay.plus_months(rules.acting_head_max_months);
        if acting.den_ngay < acting.tu_ngay || limit.is_some_and(|l| acting.den_ngay > l) {
            self.error(
                ctx,
                "lam_thoi",
                Bilingual::new(
                    format!(
                        "Người lâm thời của khu “{village}” giữ chức từ {} đến {}: quá {} tháng hoặc ngày kết thúc trước ngày bắt đầu.",
                        acting.tu_ngay, acting.den_ngay, rules.acting_head_max_months
                    ),
                    format!(
                        "The acting head of “{village}” serves from {} to {}: more than {} months, or ending before starting.",
                        acting.tu_ngay, acting.den_ngay, rules.acting_head_max_months
                    ),
                ),
                fix(),
            );
        }
        if acting.tu_ngay < round.data.ngay_bau_cu {
            self.error(
                ctx,
                "lam_thoi",
                Bilingual::new(
                    format!("Người lâm thời của khu “{village}” bắt đầu trước ngày bầu cử."),
                    format!("The acting head of “{village}” starts before election day."),
                ),
                fix(),
            );
        }
    }

    /// The record is made on or after election day, the decision after the record, the repeat
    /// vote after the election.
    fn dates(&self, round: &Round, ctx: &mut Ctx) {
        let day = round.data.ngay_bau_cu;
        let record = self.count.bien_ban.as_ref().map(|b| b.ngay);
        let decision = self
            .count
            .quyet_dinh
            .as_ref()
            .and_then(|d: &Decision| d.ngay);
        let order = [
            ("bien_ban", record, Some(day), "ngày bầu cử", "election day"),
            (
                "quyet_dinh",
                decision,
                record,
                "ngày lập biên bản",
                "the record",
            ),
            (
                "ngay_bau_lai",
                self.count.ngay_bau_lai,
                Some(day),
                "ngày bầu cử",
                "election day",
            ),
        ];
        for (field, date, after, after_vi, after_en) in order {
            let (Some(date), Some(after)) = (date, after) else {
                continue;
            };
            let too_early = if field == "ngay_bau_lai" {
                date <= after
            } else {
                date < after
            };
            if too_early {
                self.error(
                    ctx,
                    field,
                    Bilingual::new(
                        format!(
                            "Ngày {date} của “{field}” (khu “{}”) trước {after_vi} ({after}).",
                            self.village
                        ),
                        format!(
                            "The date {date} of “{field}” (“{}”) is before {after_en} ({after}).",
                            self.village
                        ),
                    ),
                    Bilingual::new(
                        "Kiểm tra lại các ngày theo biên bản và quyết định.",
                        "Check the dates against the record and the decision.",
                    ),
                );
            }
        }
    }
}
