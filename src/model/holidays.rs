//! Public holidays (ngày nghỉ lễ, tết): the days that do not count as working days when a legal
//! deadline is counted in working days (ngày làm việc), such as the commune's five working days to
//! recognise a result.
//!
//! Built in are the holidays of the Labour Code (Bộ luật Lao động), which apply to civil servants
//! too, for the staff of a commune who work Monday to Friday:
//!
//! - from 2021, the Labour Code 2019 (45/2019/QH14), art. 112: 1/1; Tết, 5 days; Giỗ Tổ Hùng
//!   Vương, 10/3 lunar; 30/4; 1/5; Quốc khánh, 2/9 and a day next to it;
//! - from Tết 2014 to 2020, the Labour Code 2012 (10/2012/QH13, in force 1/5/2013), art. 115: the
//!   same, with 2/9 one day;
//! - before, the Labour Code 1994 as amended in 2007 (84/2007/QH11), art. 73: Tết 4 days, and Giỗ
//!   Tổ only from 2007. Earlier years are counted by it too (an approximation: no round the
//!   portal publishes is that old).
//!
//! The Prime Minister fixes each year which days around Tết, and which day next to 2/9, are off.
//! The defaults here give the days announced for Tết 2021 to 2026 and for Quốc khánh 2021 to
//! 2025: Tết's days are the last two days of the old lunar year and the first three of the new
//! (so 27/1 to 31/1/2025, and 16/2 to 20/2/2026 once the Sunday is made up); the day next to 2/9
//! is 3/9 when 2/9 is a Thursday (the break then runs into the weekend) and 1/9 otherwise.
//!
//! A holiday on a Saturday or Sunday is made up (nghỉ bù) on the next working day (Labour Code
//! 2019 art. 111(3); 2012 art. 115(3); 1994 art. 73). Working days the government swapped (làm bù)
//! are tabled in `ANNOUNCED`; a site adds the days it knows of (`ngay_nghi_le`) and takes back the
//! ones it worked (`ngay_lam_viec`) in `cau-hinh.yaml`.

use super::config::SiteConfig;
use super::date::Date;
use super::lunar::LunarDate;
use std::borrow::Cow;
use std::sync::OnceLock;

/// Why a day is off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HolidayKind {
    /// Tết Dương lịch, 1/1.
    NewYear,
    /// Tết Âm lịch (Tết Nguyên Đán).
    LunarNewYear,
    /// Giỗ Tổ Hùng Vương, 10/3 lunar.
    HungKings,
    /// Ngày Chiến thắng, 30/4.
    Reunification,
    /// Ngày Quốc tế lao động, 1/5.
    Labour,
    /// Quốc khánh, 2/9 and, from 2021, a day next to it.
    National,
    /// Nghỉ bù: made up for a holiday that fell on a Saturday or Sunday.
    MadeUp,
    /// A working day the government swapped for a Saturday (hoán đổi ngày làm việc).
    Swapped,
}

/// One day off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Holiday {
    pub date: Date,
    pub kind: HolidayKind,
}

/// Days off and working days the government announced that the rules above do not give.
struct Announcement {
    year: i32,
    /// Extra days off, (month, day).
    off: &'static [(u8, u8)],
    /// Saturdays worked in exchange.
    worked: &'static [(u8, u8)],
}

const ANNOUNCED: &[Announcement] = &[
    // Công văn 2450/VPCP-KGVX ngày 12/4/2024: Monday 29/4 off, worked Saturday 4/5.
    Announcement {
        year: 2024,
        off: &[(4, 29)],
        worked: &[(5, 4)],
    },
    // The Prime Minister's approval of the Ministry of Home Affairs' proposal, reported by
    // TTXVN/VietnamPlus (April 2025): Friday 2/5 off, worked Saturday 26/4.
    Announcement {
        year: 2025,
        off: &[(5, 2)],
        worked: &[(4, 26)],
    },
    // Văn phòng Chính phủ, văn bản ngày 25/12/2025 (Phó Thủ tướng Phạm Thị Thanh Trà): Tết
    // Dương lịch 2026 from Thursday 1/1 to Sunday 4/1, so Friday 2/1 off. The Saturday worked in
    // exchange is not recorded here; a site that worked it lists it in `ngay_lam_viec`.
    Announcement {
        year: 2026,
        off: &[(1, 2)],
        worked: &[],
    },
];

/// The days off of a site: the built-in holidays with the site's own additions and removals.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Holidays {
    /// Days off the site adds (`ngay_nghi_le`).
    added: Vec<Date>,
    /// Days the site worked although the built-in calendar has them off (`ngay_lam_viec`).
    worked: Vec<Date>,
}

impl Holidays {
    /// The built-in holidays changed by the site's `ngay_nghi_le` and `ngay_lam_viec`.
    pub fn from_config(config: &SiteConfig) -> Self {
        Self::new(&config.ngay_nghi_le, &config.ngay_lam_viec)
    }

    /// The built-in holidays, with `added` days off and `worked` days taken back.
    pub fn new(added: &[Date], worked: &[Date]) -> Self {
        Self {
            added: added.to_vec(),
            worked: worked.to_vec(),
        }
    }

    /// Whether `date` is not a working day: a weekend, a holiday, a made-up or swapped day off.
    pub fn is_day_off(&self, date: Date) -> bool {
        if self.worked.contains(&date) {
            return false;
        }
        if self.added.contains(&date) {
            return true;
        }
        match announced(date) {
            Some(off) => off,
            None => !date.is_weekday() || builtin_days(date.year()).contains(&date),
        }
    }
}

/// The first and last year a [`Date`] can hold: the years [`builtin_days`] keeps.
const FIRST_YEAR: i32 = 1900;
const LAST_YEAR: i32 = 2200;

/// The dates of [`builtin`]`(year)`, worked out once per year: counting a deadline in working
/// days asks about the same few years thousands of times, and each answer needs the lunar
/// calendar, whose new moons are computed with trigonometry.
fn builtin_days(year: i32) -> Cow<'static, [Date]> {
    static YEARS: [OnceLock<Box<[Date]>>; (LAST_YEAR - FIRST_YEAR + 1) as usize] =
        [const { OnceLock::new() }; (LAST_YEAR - FIRST_YEAR + 1) as usize];
    let dates = || {
        builtin(year)
            .iter()
            .map(|h| h.date)
            .collect::<Box<[Date]>>()
    };
    match usize::try_from(year - FIRST_YEAR)
        .ok()
        .and_then(|i| YEARS.get(i))
    {
        Some(cell) => Cow::Borrowed(cell.get_or_init(dates)),
        None => Cow::Owned(dates().into_vec()),
    }
}

/// Whether the government announced `date` as a day off (`Some(true)`) or a working Saturday
/// (`Some(false)`).
fn announced(date: Date) -> Option<bool> {
    let a = ANNOUNCED.iter().find(|a| a.year == date.year())?;
    let here = (date.month(), date.day());
    if a.off.contains(&here) {
        Some(true)
    } else if a.worked.contains(&here) {
        Some(false)
    } else {
        None
    }
}

/// The built-in weekday days off of `year`, in date order: the statutory holidays that fall on
/// a weekday, the days made up for those on a weekend, and the days the government swapped.
pub fn builtin(year: i32) -> Vec<Holiday> {
    let statutory = statutory(year);
    let is_statutory = |d: Date| statutory.iter().any(|h| h.date == d);
    let mut out: Vec<Holiday> = statutory
        .iter()
        .filter(|h| h.date.is_weekday())
        .copied()
        .collect();
    for holiday in statutory.iter().filter(|h| !h.date.is_weekday()) {
        // the next weekday that is not a holiday or already made up for another
        let mut day = holiday.date;
        while let Some(next) = day.plus_days(1) {
            day = next;
            if day.is_weekday() && !is_statutory(day) && !out.iter().any(|h| h.date == day) {
                out.push(Holiday {
                    date: day,
                    kind: HolidayKind::MadeUp,
                });
                break;
            }
        }
    }
    if let Some(a) = ANNOUNCED.iter().find(|a| a.year == year) {
        for &(m, d) in a.off {
            if let Some(date) = Date::new(year, m, d) {
                out.push(Holiday {
                    date,
                    kind: HolidayKind::Swapped,
                });
            }
        }
    }
    out.sort_by_key(|h| h.date);
    out.dedup_by_key(|h| h.date);
    out
}

/// The holidays the Labour Code in force gives `year`, weekends included, in date order.
pub fn statutory(year: i32) -> Vec<Holiday> {
    let day = |m, d| Date::new(year, m, d);
    let mut out = Vec::new();
    let mut push = |date: Option<Date>, kind| {
        if let Some(date) = date {
            out.push(Holiday { date, kind });
        }
    };
    push(day(1, 1), HolidayKind::NewYear);
    if let Some(tet) = LunarDate::new(year, 1, 1).to_solar() {
        // from Tết 2014, the first after the 2012 code came into force: 5 days, the last two of
        // the old year and the first three of the new; before, 4 days, one before Tết
        let first = if year >= 2014 { -2 } else { -1 };
        for offset in first..=2 {
            push(tet.plus_days(offset), HolidayKind::LunarNewYear);
        }
    }
    if year >= 2007 {
        push(
            LunarDate::new(year, 3, 10).to_solar(),
            HolidayKind::HungKings,
        );
    }
    push(day(4, 30), HolidayKind::Reunification);
    push(day(5, 1), HolidayKind::Labour);
    push(day(9, 2), HolidayKind::National);
    if year >= 2021 {
        let thursday = day(9, 2).is_some_and(|d| d.weekday() == 3);
        push(
            if thursday { day(9, 3) } else { day(9, 1) },
            HolidayKind::National,
        );
    }
    out.sort_by_key(|h| h.date);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u8, d: u8) -> Date {
        Date::new(y, m, d).unwrap()
    }

    fn days_off(year: i32) -> Vec<Date> {
        builtin(year).into_iter().map(|h| h.date).collect()
    }

    #[test]
    fn the_days_kept_per_year_are_the_builtin_ones_at_either_end_and_beyond() {
        for year in [
            FIRST_YEAR - 1,
            FIRST_YEAR,
            2024,
            2025,
            LAST_YEAR,
            LAST_YEAR + 1,
        ] {
            assert_eq!(builtin_days(year).to_vec(), days_off(year), "{year}");
            // asked again: the kept answer, not a new one
            assert_eq!(builtin_days(year).to_vec(), days_off(year), "{year}");
        }
        assert!(matches!(builtin_days(2024), Cow::Borrowed(_)));
        assert!(matches!(builtin_days(LAST_YEAR + 1), Cow::Owned(_)));
    }

    fn list(year: i32, days: &[(u8, u8)]) -> Vec<Date> {
        days.iter().map(|&(m, d)| day(year, m, d)).collect()
    }

    // Each year's weekday days off as the government announced them for civil servants. 2024:
    // Tết 8/2–14/2, Giỗ Tổ 18/4, 30/4–1/5 with 29/4 swapped for Saturday 4/5 (2450/VPCP-KGVX),
    // Quốc khánh 31/8–3/9.
    #[test]
    fn the_days_off_of_2024() {
        let expected = list(
            2024,
            &[
                (1, 1),
                (2, 8),
                (2, 9),
                (2, 12),
                (2, 13),
                (2, 14),
                (4, 18),
                (4, 29),
                (4, 30),
                (5, 1),
                (9, 2),
                (9, 3),
            ],
        );
        assert_eq!(days_off(2024), expected);
        let h = Holidays::default();
        assert!(!h.is_day_off(day(2024, 5, 4)), "Saturday worked for 29/4");
        assert!(h.is_day_off(day(2024, 2, 10)), "Tết on a Saturday");
    }

    // 2025: Tết 25/1–2/2 (Monday 27/1 to Friday 31/1), Giỗ Tổ Monday 7/4, 30/4–4/5 with 2/5
    // swapped for Saturday 26/4, Quốc khánh 30/8–2/9.
    #[test]
    fn the_days_off_of_2025() {
        let expected = list(
            2025,
            &[
                (1, 1),
                (1, 27),
                (1, 28),
                (1, 29),
                (1, 30),
                (1, 31),
                (4, 7),
                (4, 30),
                (5, 1),
                (5, 2),
                (9, 1),
                (9, 2),
            ],
        );
        assert_eq!(days_off(2025), expected);
        assert!(!Holidays::default().is_day_off(day(2025, 4, 26)));
    }

    // 2026: 1/1–4/1; Tết 14/2–22/2 (Monday 16/2, 29 tháng Chạp, to Friday 20/2); Giỗ Tổ on
    // Sunday 26/4, made up on Monday 27/4; 30/4–1/5 (Thursday, Friday); 2/9 a Wednesday.
    #[test]
    fn the_days_off_of_2026() {
        let expected = list(
            2026,
            &[
                (1, 1),
                (1, 2),
                (2, 16),
                (2, 17),
                (2, 18),
                (2, 19),
                (2, 20),
                (4, 27),
                (4, 30),
                (5, 1),
                (9, 1),
                (9, 2),
            ],
        );
        assert_eq!(days_off(2026), expected);
        let made_up = builtin(2026)
            .into_iter()
            .find(|h| h.date == day(2026, 4, 27))
            .unwrap();
        assert_eq!(made_up.kind, HolidayKind::MadeUp);
    }

    #[test]
    fn tet_follows_the_vietnamese_calendar_where_china_s_differs() {
        // Tết 2030 is on Saturday 2/2 in Vietnam (3/2 in China): 31/1 to 4/2, the weekend made
        // up on 5/2 and 6/2; by China's calendar the break would end on 7/2
        let tet: Vec<Date> = days_off(2030)
            .into_iter()
            .filter(|d| d.month() <= 2 && *d > day(2030, 1, 15))
            .collect();
        assert_eq!(tet, list(2030, &[(1, 31), (2, 1), (2, 4), (2, 5), (2, 6)]));
        // Tết 2007 on Saturday 17/2 (18/2 in China), 4 days under the 1994 code: 16/2 to 19/2,
        // the weekend made up on 20/2 and 21/2
        let tet: Vec<Date> = days_off(2007)
            .into_iter()
            .filter(|d| d.month() == 2)
            .collect();
        assert_eq!(tet, list(2007, &[(2, 16), (2, 19), (2, 20), (2, 21)]));
    }

    #[test]
    fn holidays_on_a_weekend_are_made_up_after_the_break() {
        // Tết 2023 on Sunday 22/1: 20/1 (Friday) to 26/1 (Thursday)
        let tet: Vec<Date> = days_off(2023)
            .into_iter()
            .filter(|d| d.month() == 1 && d.day() > 10)
            .collect();
        assert_eq!(
            tet,
            list(2023, &[(1, 20), (1, 23), (1, 24), (1, 25), (1, 26)])
        );
        // Giỗ Tổ on Saturday 29/4/2023 and 30/4 on Sunday: 29/4 to 3/5
        let spring: Vec<Date> = days_off(2023)
            .into_iter()
            .filter(|d| d.month() == 5)
            .collect();
        assert_eq!(spring, list(2023, &[(5, 1), (5, 2), (5, 3)]));
        // 2/9/2023 on a Saturday: 1/9 and 4/9
        let national: Vec<Date> = days_off(2023)
            .into_iter()
            .filter(|d| d.month() == 9)
            .collect();
        assert_eq!(national, list(2023, &[(9, 1), (9, 4)]));
    }

    #[test]
    fn the_day_next_to_national_day_follows_the_announcements() {
        let national =
            |y| -> Vec<Date> { days_off(y).into_iter().filter(|d| d.month() >= 8).collect() };
        assert_eq!(national(2021), list(2021, &[(9, 2), (9, 3)]), "Thursday");
        assert_eq!(national(2022), list(2022, &[(9, 1), (9, 2)]), "Friday");
        assert_eq!(national(2020), list(2020, &[(9, 2)]), "one day before 2021");
    }

    #[test]
    fn earlier_codes_give_tet_four_days_and_no_hung_kings_day_before_2007() {
        // Tết 2006 on Sunday 29/1: 28/1 to 31/1, the weekend made up on 1/2 and 2/2
        let tet: Vec<Date> = days_off(2006)
            .into_iter()
            .filter(|d| d.month() <= 2 && *d > day(2006, 1, 15))
            .collect();
        assert_eq!(tet, list(2006, &[(1, 30), (1, 31), (2, 1), (2, 2)]));
        assert!(
            !statutory(2006)
                .iter()
                .any(|h| h.kind == HolidayKind::HungKings)
        );
        assert!(
            statutory(2007)
                .iter()
                .any(|h| h.kind == HolidayKind::HungKings)
        );
    }

    #[test]
    fn a_site_adds_and_takes_back_days() {
        let h = Holidays::new(&[day(2025, 9, 3)], &[day(2025, 9, 1), day(2025, 9, 6)]);
        assert!(h.is_day_off(day(2025, 9, 3)));
        assert!(!h.is_day_off(day(2025, 9, 1)));
        assert!(!h.is_day_off(day(2025, 9, 6)), "a Saturday worked");
        assert!(h.is_day_off(day(2025, 9, 2)));
        assert!(Holidays::default().is_day_off(day(2025, 9, 1)));
    }
}
