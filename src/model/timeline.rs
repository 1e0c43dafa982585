//! The legal steps of a round as a timeline (các bước bầu cử): each with its date, its document,
//! the deadline the rules count back from election day (or forward from the vote-count record),
//! and whether it was met.

use super::date::Date;
use super::election::Round;
use super::holidays::Holidays;
use super::rules::RuleSet;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepKind {
    /// Decision and plan to hold the election.
    Decision,
    /// The election team is set up.
    Team,
    /// The candidate list is posted.
    CandidateList,
    ElectionDay,
    /// The vote-count records are made.
    CountRecords,
    /// The result is recognised, or a repeat vote ordered.
    Recognition,
}

impl StepKind {
    pub fn label_vi(self) -> &'static str {
        match self {
            Self::Decision => "Quyết định và kế hoạch tổ chức bầu cử",
            Self::Team => "Thành lập tổ bầu cử",
            Self::CandidateList => "Niêm yết danh sách ứng cử viên",
            Self::ElectionDay => "Ngày bầu cử",
            Self::CountRecords => "Biên bản kiểm phiếu",
            Self::Recognition => "Công nhận kết quả hoặc quyết định bầu lại",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Self::Decision => "quyet-dinh",
            Self::Team => "to-bau-cu",
            Self::CandidateList => "niem-yet",
            Self::ElectionDay => "ngay-bau-cu",
            Self::CountRecords => "bien-ban",
            Self::Recognition => "cong-nhan",
        }
    }
}

/// Whether a step was done in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepState {
    /// Done on or before its deadline.
    Met,
    /// Done after its deadline.
    Missed,
    /// Done; the rules set no deadline.
    Done,
    /// Not done yet: the round has not reached it.
    Pending,
    /// The round is past it, but the content does not say when it was done.
    NotRecorded,
}

impl StepState {
    pub fn key(self) -> &'static str {
        match self {
            Self::Met => "dung-han",
            Self::Missed => "tre-han",
            Self::Done => "da-xong",
            Self::Pending => "chua-den",
            Self::NotRecorded => "chua-ghi",
        }
    }

    pub fn label_vi(self) -> &'static str {
        match self {
            Self::Met => "Đúng hạn",
            Self::Missed => "Trễ hạn",
            Self::Done => "Đã thực hiện",
            Self::Pending => "Chưa đến",
            Self::NotRecorded => "Chưa ghi ngày",
        }
    }
}

/// One step as the timeline shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimelineStep {
    pub kind: StepKind,
    /// When it was done; for steps done per contest, the first and last day.
    pub first: Option<Date>,
    pub last: Option<Date>,
    /// Slugs of the documents that did it.
    pub documents: Vec<String>,
    /// Done on or before this day, by the rules; for recognition, the deadline every contest
    /// shares, or none when their deadlines differ.
    pub deadline: Option<Date>,
    pub state: StepState,
    /// Contests whose step was late (recognition only).
    pub late: Vec<String>,
    /// Each contest's own deadline, when the contests' deadlines differ (recognition only):
    /// one deadline beside many decision dates would call a contest late beside a day it met.
    pub contests: Vec<RecognitionDeadline>,
}

/// The deadline to recognise one contest's result, and whether it was met.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecognitionDeadline {
    pub village: String,
    pub deadline: Date,
    pub decided: Option<Date>,
}

impl RecognitionDeadline {
    pub fn met(&self) -> Option<bool> {
        self.decided.map(|d| d <= self.deadline)
    }

    /// On time, late, or not decided yet.
    pub fn state(&self) -> StepState {
        match self.met() {
            Some(true) => StepState::Met,
            Some(false) => StepState::Missed,
            None => StepState::Pending,
        }
    }
}

/// The recognition deadline of every contest whose published record has a date.
pub fn recognition_deadlines(
    round: &Round,
    rules: &RuleSet,
    holidays: &Holidays,
) -> Vec<RecognitionDeadline> {
    round
        .contests
        .iter()
        .filter_map(|contest| {
            let record = contest.counted()?.figures.bien_ban.as_ref()?;
            let received = record.ngay_nhan.unwrap_or(record.ngay);
            let deadline = received.plus_working_days(rules.recognition_working_days, holidays)?;
            Some(RecognitionDeadline {
                village: contest.village.clone(),
                deadline,
                decided: contest.decision.as_ref().and_then(|d| d.ngay),
            })
        })
        .collect()
}

/// The timeline of a round. Where the round stands comes from its status, never from the clock.
pub fn timeline(round: &Round, rules: &RuleSet, holidays: &Holidays) -> Vec<TimelineStep> {
    let day = round.data.ngay_bau_cu;
    let held = round.status.was_held();
    let steps = &round.data.cac_buoc;
    let before = |kind, step: &Option<super::election::Step>, days: Option<u32>| {
        let deadline = days.and_then(|d| day.plus_days(-i64::from(d)));
        let date = step.as_ref().and_then(|s| s.ngay);
        let state = match (date, deadline) {
            (Some(d), Some(limit)) if d <= limit => StepState::Met,
            (Some(_), Some(_)) => StepState::Missed,
            (Some(_), None) => StepState::Done,
            (None, _) if held => StepState::NotRecorded,
            (None, _) => StepState::Pending,
        };
        TimelineStep {
            kind,
            first: date,
            last: date,
            documents: step.iter().filter_map(|s| s.van_ban.clone()).collect(),
            deadline,
            state,
            late: Vec::new(),
            contests: Vec::new(),
        }
    };
    let mut out = vec![
        before(
            StepKind::Decision,
            &steps.quyet_dinh,
            Some(rules.decision_days_before),
        ),
        before(
            StepKind::Team,
            &steps.to_bau_cu,
            Some(rules.team_days_before),
        ),
        before(
            StepKind::CandidateList,
            &steps.niem_yet,
            rules.list_days_before,
        ),
        TimelineStep {
            kind: StepKind::ElectionDay,
            first: Some(day),
            last: Some(day),
            documents: Vec::new(),
            deadline: None,
            state: if held {
                StepState::Done
            } else {
                StepState::Pending
            },
            late: Vec::new(),
            contests: Vec::new(),
        },
    ];
    // only the records that may be published: a date typed in before the vote is not shown
    let record_days: Vec<Date> = round
        .contests
        .iter()
        .filter_map(|c| c.counted()?.figures.bien_ban.as_ref().map(|b| b.ngay))
        .collect();
    out.push(TimelineStep {
        kind: StepKind::CountRecords,
        first: record_days.iter().min().copied(),
        last: record_days.iter().max().copied(),
        documents: Vec::new(),
        deadline: None,
        state: match (record_days.is_empty(), held) {
            (false, _) => StepState::Done,
            (true, true) => StepState::NotRecorded,
            (true, false) => StepState::Pending,
        },
        late: Vec::new(),
        contests: Vec::new(),
    });
    let deadlines = recognition_deadlines(round, rules, holidays);
    let decided: Vec<Date> = deadlines.iter().filter_map(|d| d.decided).collect();
    let late: Vec<String> = deadlines
        .iter()
        .filter(|d| d.met() == Some(false))
        .map(|d| d.village.clone())
        .collect();
    let all_decided = !deadlines.is_empty() && decided.len() == deadlines.len();
    let mut documents: Vec<String> = round
        .contests
        .iter()
        .filter(|c| c.counted().is_some())
        .filter_map(|c| c.decision.as_ref().and_then(|d| d.van_ban.clone()))
        .collect();
    documents.sort();
    documents.dedup();
    let shared = deadlines
        .first()
        .map(|d| d.deadline)
        .filter(|first| deadlines.iter().all(|d| d.deadline == *first));
    let state = if !late.is_empty() {
        StepState::Missed
    } else if all_decided {
        StepState::Met
    } else {
        StepState::Pending
    };
    out.push(TimelineStep {
        kind: StepKind::Recognition,
        first: decided.iter().min().copied(),
        last: decided.iter().max().copied(),
        documents,
        deadline: shared,
        state,
        late,
        contests: if shared.is_some() {
            Vec::new()
        } else {
            deadlines
        },
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::rules::{LAW_2022, builtin};
    use crate::model::testing;

    const ROUND: &str = r#"
don_vi: x
chuc_danh: truong-khu-pho
nhiem_ky: "2022-2025"
ngay_bau_cu: "05/6/2022"
trang_thai: chinh-thuc
cac_buoc:
  quyet_dinh:
    ngay: "10/5/2022"
    van_ban: ke-hoach
  to_bau_cu:
    ngay: "28/5/2022"
cuoc_bau: [a, b]
"#;

    const RESULTS: &str = r#"
a:
  tong_cu_tri: 10
  cu_tri_tham_gia: 8
  phieu_phat_ra: 8
  phieu_thu_vao: 8
  phieu_hop_le: 8
  phieu_khong_hop_le: 0
  so_phieu: {}
  bien_ban:
    ngay: "05/6/2022"
  trang_thai: cong-nhan
  quyet_dinh:
    so: "1/QĐ-UBND"
    ngay: "10/6/2022"
b:
  tong_cu_tri: 10
  cu_tri_tham_gia: 8
  phieu_phat_ra: 8
  phieu_thu_vao: 8
  phieu_hop_le: 8
  phieu_khong_hop_le: 0
  so_phieu: {}
  bien_ban:
    ngay: "05/6/2022"
    ngay_nhan: "06/6/2022"
  trang_thai: cong-nhan
  quyet_dinh:
    ngay: "14/6/2022"
"#;

    fn rules() -> RuleSet {
        builtin().into_iter().find(|r| r.id == LAW_2022).unwrap()
    }

    fn day(y: i32, m: u8, d: u8) -> Date {
        Date::new(y, m, d).unwrap()
    }

    #[test]
    fn deadlines_count_back_from_election_day() {
        let round = testing::round(ROUND, None);
        let steps = timeline(&round, &rules(), &Holidays::default());
        let decision = &steps[0];
        assert_eq!(decision.deadline, Some(day(2022, 5, 16)), "20 days before");
        assert_eq!(decision.state, StepState::Met);
        assert_eq!(decision.documents, vec!["ke-hoach".to_string()]);
        let team = &steps[1];
        assert_eq!(team.deadline, Some(day(2022, 5, 26)), "10 days before");
        assert_eq!(team.state, StepState::Missed);
        let list = &steps[2];
        assert_eq!((list.deadline, list.state), (None, StepState::NotRecorded));
        assert_eq!(steps[3].state, StepState::Done);
    }

    #[test]
    fn recognition_is_due_five_working_days_after_the_record_is_received() {
        let round = testing::round(ROUND, Some(RESULTS));
        let deadlines = recognition_deadlines(&round, &rules(), &Holidays::default());
        // a: record on Sunday 5/6, due Friday 10/6, decided 10/6
        assert_eq!(deadlines[0].deadline, day(2022, 6, 10));
        assert_eq!(deadlines[0].met(), Some(true));
        // b: received Monday 6/6, due Monday 13/6, decided 14/6
        assert_eq!(deadlines[1].deadline, day(2022, 6, 13));
        assert_eq!(deadlines[1].met(), Some(false));
        let steps = timeline(&round, &rules(), &Holidays::default());
        let recognition = steps.last().unwrap();
        assert_eq!(recognition.state, StepState::Missed);
        assert_eq!(recognition.late, vec!["b".to_string()]);
        assert_eq!(recognition.first, Some(day(2022, 6, 10)));
        assert_eq!(recognition.last, Some(day(2022, 6, 14)));
        // a holiday on Wednesday 8/6 moves a's deadline to Monday 13/6
        let holiday = Holidays::new(&[day(2022, 6, 8)], &[]);
        let deadlines = recognition_deadlines(&round, &rules(), &holiday);
        assert_eq!(deadlines[0].deadline, day(2022, 6, 13));
    }

    #[test]
    fn contests_that_share_a_deadline_show_one_line() {
        // b's record is received on the day it is made, as a's is: both are due Friday 10/6
        let results = RESULTS.replace("    ngay_nhan: \"06/6/2022\"\n", "");
        assert_ne!(results, RESULTS);
        let round = testing::round(ROUND, Some(&results));
        let steps = timeline(&round, &rules(), &Holidays::default());
        let recognition = steps.last().unwrap();
        assert_eq!(recognition.deadline, Some(day(2022, 6, 10)));
        assert!(recognition.contests.is_empty());
        assert_eq!(recognition.state, StepState::Missed);
        assert_eq!(recognition.late, vec!["b".to_string()]);
    }

    #[test]
    fn contests_with_different_deadlines_each_carry_their_own() {
        let round = testing::round(ROUND, Some(RESULTS));
        let steps = timeline(&round, &rules(), &Holidays::default());
        let recognition = steps.last().unwrap();
        assert_eq!(recognition.deadline, None, "no one deadline for both");
        let own: Vec<_> = recognition
            .contests
            .iter()
            .map(|c| (c.village.as_str(), c.decided, c.deadline, c.state()))
            .collect();
        assert_eq!(
            own,
            vec![
                (
                    "a",
                    Some(day(2022, 6, 10)),
                    day(2022, 6, 10),
                    StepState::Met
                ),
                (
                    "b",
                    Some(day(2022, 6, 14)),
                    day(2022, 6, 13),
                    StepState::Missed
                ),
            ]
        );
    }

    /// A contest's results whose record was made on Sunday 5/6/2022, received on `received`
    /// when given, and decided on `decided` when given.
    fn contest(village: &str, received: Option<&str>, decided: Option<&str>) -> String {
        let received = received
            .map(|d| format!("    ngay_nhan: \"{d}\"\n"))
            .unwrap_or_default();
        let decided = decided
            .map(|d| format!("  trang_thai: cong-nhan\n  quyet_dinh:\n    ngay: \"{d}\"\n"))
            .unwrap_or_default();
        format!(
            "{village}:\n  tong_cu_tri: 10\n  cu_tri_tham_gia: 8\n  phieu_phat_ra: 8\n  phieu_thu_vao: 8\n  phieu_hop_le: 8\n  phieu_khong_hop_le: 0\n  so_phieu: {{}}\n  bien_ban:\n    ngay: \"05/6/2022\"\n{received}{decided}"
        )
    }

    #[test]
    fn a_contest_late_against_its_own_deadline_is_late_though_another_s_is_later() {
        // a: due Monday 13/6, decided 13/6; b: due Friday 10/6, decided 13/6; c: due Tuesday
        // 14/6, not decided yet. One deadline (the latest, 14/6) would show b's 13/6 as in time.
        let results = contest("a", Some("06/6/2022"), Some("13/6/2022"))
            + &contest("b", None, Some("13/6/2022"))
            + &contest("c", Some("07/6/2022"), None);
        let round = testing::round(
            &ROUND.replace("cuoc_bau: [a, b]", "cuoc_bau: [a, b, c]"),
            Some(&results),
        );
        let steps = timeline(&round, &rules(), &Holidays::default());
        let recognition = steps.last().unwrap();
        let own: Vec<_> = recognition
            .contests
            .iter()
            .map(|c| (c.village.as_str(), c.decided, c.deadline, c.state()))
            .collect();
        assert_eq!(
            own,
            vec![
                (
                    "a",
                    Some(day(2022, 6, 13)),
                    day(2022, 6, 13),
                    StepState::Met
                ),
                (
                    "b",
                    Some(day(2022, 6, 13)),
                    day(2022, 6, 10),
                    StepState::Missed
                ),
                ("c", None, day(2022, 6, 14), StepState::Pending),
            ]
        );
        assert_eq!(recognition.deadline, None);
        assert_eq!(recognition.state, StepState::Missed);
        assert_eq!(recognition.late, vec!["b".to_string()]);
    }

    #[test]
    fn an_upcoming_round_has_pending_steps_not_missing_ones() {
        let text = ROUND
            .replace("chinh-thuc", "sap-dien-ra")
            .replace("  to_bau_cu:\n    ngay: \"28/5/2022\"\n", "");
        assert!(!text.contains("to_bau_cu"));
        let round = testing::round(&text, None);
        let steps = timeline(&round, &rules(), &Holidays::default());
        assert_eq!(steps[1].state, StepState::Pending);
        assert_eq!(steps[3].state, StepState::Pending);
        assert_eq!(steps[5].state, StepState::Pending);
    }
}
