//! Calendar dates as ward staff write them (`05/6/2022`, `5/6/2022`) or as ISO (`2022-06-05`).
//!
//! A small type of our own rather than a date library: the portal needs parsing, ordering,
//! formatting and day arithmetic on whole days, never times or time zones, and the build must never
//! read the clock.

use super::holidays::Holidays;
use crate::diagnostics::Bilingual;
use crate::load::refusal::{Refusal, refuse};
use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A day of the Gregorian calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// Why a text is not a date; the message is shown to staff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError(pub String);

impl Date {
    pub fn new(year: i32, month: u8, day: u8) -> Option<Self> {
        if !(1900..=2200).contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        if day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Self { year, month, day })
    }

    /// Parses `dd/mm/yyyy`, `d/m/yyyy`, `dd-mm-yyyy`, `dd.mm.yyyy` and ISO `yyyy-mm-dd`.
    pub fn parse(text: &str) -> Result<Self, DateError> {
        let t = text.trim();
        let bad = || {
            DateError(format!(
                "“{t}” không phải là ngày hợp lệ; hãy viết ngày/tháng/năm, ví dụ 05/6/2022 hoặc 2022-06-05 \
                 / “{t}” is not a valid date; write day/month/year, e.g. 05/6/2022 or 2022-06-05"
            ))
        };
        let parts: Vec<&str> = t.split(['/', '-', '.']).collect();
        if parts.len() != 3
            || parts
                .iter()
                .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
        {
            return Err(bad());
        }
        let nums: Vec<u32> = parts
            .iter()
            .map(|p| p.parse::<u32>())
            .collect::<Result<_, _>>()
            .map_err(|_| bad())?;
        let (y, m, d) = if parts[0].len() == 4 && t.contains('-') {
            (nums[0], nums[1], nums[2])
        } else if parts[2].len() == 4 {
            (nums[2], nums[1], nums[0])
        } else {
            return Err(bad());
        };
        let (Ok(y), Ok(m), Ok(d)) = (i32::try_from(y), u8::try_from(m), u8::try_from(d)) else {
            return Err(bad());
        };
        Self::new(y, m, d).ok_or_else(bad)
    }

    /// Stands in for a date that could not be read, in a file that is then refused.
    const EPOCH: Date = Date {
        year: 1970,
        month: 1,
        day: 1,
    };

    pub fn year(&self) -> i32 {
        self.year
    }

    pub fn month(&self) -> u8 {
        self.month
    }

    pub fn day(&self) -> u8 {
        self.day
    }

    /// The day of the week, 0 for Monday to 6 for Sunday.
    pub fn weekday(&self) -> usize {
        // 1970-01-01 was a Thursday (3)
        usize::try_from((self.day_number() + 3).rem_euclid(7)).unwrap_or(0)
    }

    /// `2022-06-05`: for machine-readable output (`<time datetime>`, JSON, sorting).
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// `05/6/2022`: how Vietnamese administrative documents write dates in lists.
    pub fn vi_short(&self) -> String {
        format!("{:02}/{}/{}", self.day, self.month, self.year)
    }

    /// `ngày 5 tháng 6 năm 2022`: the date in running Vietnamese text.
    pub fn vi_long(&self) -> String {
        format!("ngày {} tháng {} năm {}", self.day, self.month, self.year)
    }

    /// Days since 1970-01-01 (negative before), by the proleptic Gregorian calendar.
    fn day_number(&self) -> i64 {
        // Howard Hinnant's days_from_civil
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    fn from_day_number(z: i64) -> Option<Self> {
        let z = z + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Self::new(
            i32::try_from(year).ok()?,
            u8::try_from(month).ok()?,
            u8::try_from(day).ok()?,
        )
    }

    /// The Julian day number (days since 1 January 4713 BC, as astronomers count them), which
    /// the lunar calendar's new moons are reckoned in.
    pub fn julian_day(&self) -> i64 {
        self.day_number() + UNIX_EPOCH_JULIAN_DAY
    }

    /// The date of a Julian day number, if it is in the supported range.
    pub fn from_julian_day(day: i64) -> Option<Self> {
        Self::from_day_number(day - UNIX_EPOCH_JULIAN_DAY)
    }

    /// The date `days` later (earlier when negative), if it is still in the supported range.
    pub fn plus_days(&self, days: i64) -> Option<Self> {
        Self::from_day_number(self.day_number() + days)
    }

    /// The same day `months` later, or the month's last day when it is shorter (31/8 + 6 months
    /// is 28/2 or 29/2).
    pub fn plus_months(&self, months: u32) -> Option<Self> {
        let total = i64::from(self.month) - 1 + i64::from(months);
        let year = i32::try_from(i64::from(self.year) + total.div_euclid(12)).ok()?;
        let month = u8::try_from(total.rem_euclid(12) + 1).ok()?;
        let day = self.day.min(days_in_month(year, month));
        Self::new(year, month, day)
    }

    /// Whole days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(&self, later: &Date) -> i64 {
        later.day_number() - self.day_number()
    }

    /// Monday to Friday. Public holidays are not known to the date; see `plus_working_days`.
    pub fn is_weekday(&self) -> bool {
        self.weekday() < 5
    }

    /// The date after `n` working days (the days `holidays` does not have off), counting from
    /// the day after `self`: a decision due "within 5 working days of receiving the record" on a
    /// Friday is due by the next Friday.
    pub fn plus_working_days(&self, n: u32, holidays: &Holidays) -> Option<Self> {
        let mut day = *self;
        let mut left = n;
        while left > 0 {
            day = day.plus_days(1)?;
            if !holidays.is_day_off(day) {
                left -= 1;
            }
        }
        Some(day)
    }
}

/// The Julian day number of 1 January 1970, where `day_number` counts from.
const UNIX_EPOCH_JULIAN_DAY: i64 = 2_440_588;

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        _ => 28,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.vi_short())
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct DateText;
        impl Visitor<'_> for DateText {
            type Value = Date;
            /// Read by `load::de` to say what to write in a blank date.
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("ngày/tháng/năm, ví dụ `05/6/2022` / day/month/year, e.g. `05/6/2022`")
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<Date, E> {
                match Date::parse(text) {
                    Ok(date) => Ok(date),
                    Err(_) => refuse(refusal(text), Date::EPOCH),
                }
            }
            fn visit_unit<E: de::Error>(self) -> Result<Date, E> {
                self.visit_str("")
            }
        }
        deserializer.deserialize_str(DateText)
    }
}

/// Why `text` is not a date, and the date staff meant where it can be seen: a two-digit year
/// (`5/6/22`), a date in words (`5 tháng 6 năm 2022`).
fn refusal(text: &str) -> Refusal {
    let t = text.trim();
    let write = |date: &str| Bilingual::new(format!("Viết `{date}`."), format!("Write `{date}`."));
    let example = Bilingual::new(
        "Viết ngày/tháng/năm, ví dụ `05/6/2022`.",
        "Write day/month/year, e.g. `05/6/2022`.",
    );
    if t.is_empty() || t == "~" {
        return Refusal::new(Bilingual::new("Ngày này còn trống.", "This date is blank."))
            .fix(example);
    }
    let numbers: Vec<u32> = t
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|n| n.parse().ok())
        .collect();
    if let [d, m, y] = numbers[..] {
        let year = if y < 100 { 2000 + y } else { y };
        let month_days = u8::try_from(m)
            .ok()
            .filter(|m| (1..=12).contains(m))
            .map(|m| days_in_month(year as i32, m));
        match (Date::parse(&format!("{d}/{m}/{year}")), month_days) {
            (Ok(date), _) => {
                return Refusal::new(Bilingual::new(
                    format!("`{t}` không viết theo dạng ngày/tháng/năm, năm đủ bốn chữ số."),
                    format!("`{t}` is not written as day/month/year with a four-digit year."),
                ))
                .fix(write(&date.vi_short()));
            }
            (Err(_), Some(days)) if d > u32::from(days) || d == 0 => {
                return Refusal::new(Bilingual::new(
                    format!(
                        "`{t}` không phải là một ngày có thật: tháng {m} năm {year} có {days} ngày."
                    ),
                    format!("`{t}` is not a real date: month {m} of {year} has {days} days."),
                ))
                .fix(Bilingual::new(
                    "Kiểm tra lại ngày trong văn bản gốc.",
                    "Check the date in the source document.",
                ));
            }
            _ => {}
        }
    }
    Refusal::new(Bilingual::new(
        format!("`{t}` không phải là một ngày."),
        format!("`{t}` is not a date."),
    ))
    .fix(example)
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.iso())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_the_forms_staff_write() {
        let expected = Date::new(2022, 6, 5).unwrap();
        for text in [
            "05/6/2022",
            "5/6/2022",
            "05/06/2022",
            "2022-06-05",
            " 5-6-2022 ",
            "5.6.2022",
        ] {
            assert_eq!(Date::parse(text), Ok(expected), "{text}");
        }
    }

    #[test]
    fn rejects_impossible_and_ambiguous_dates() {
        for text in [
            "31/4/2022",
            "29/2/2023",
            "2022/13/01",
            "5/6/22",
            "",
            "ngày 5",
            "1/1/1800",
            "5//2022",
        ] {
            assert!(Date::parse(text).is_err(), "{text}");
        }
        assert!(Date::parse("29/2/2024").is_ok());
    }

    #[test]
    fn formats_for_lists_text_and_machines() {
        let d = Date::new(2021, 1, 10).unwrap();
        assert_eq!(d.vi_short(), "10/1/2021");
        assert_eq!(d.vi_long(), "ngày 10 tháng 1 năm 2021");
        assert_eq!(d.iso(), "2021-01-10");
    }

    #[test]
    fn day_arithmetic_crosses_months_years_and_leap_days() {
        let d = Date::new(2022, 6, 5).unwrap();
        assert_eq!(d.plus_days(-20), Date::new(2022, 5, 16));
        assert_eq!(d.plus_days(-10), Date::new(2022, 5, 26));
        assert_eq!(
            Date::new(2024, 2, 28).unwrap().plus_days(1),
            Date::new(2024, 2, 29)
        );
        assert_eq!(
            Date::new(2023, 12, 31).unwrap().plus_days(1),
            Date::new(2024, 1, 1)
        );
        assert_eq!(
            Date::new(1970, 1, 1).unwrap().plus_days(-1),
            Date::new(1969, 12, 31)
        );
        let a = Date::new(2021, 1, 10).unwrap();
        assert_eq!(a.days_until(&Date::new(2022, 1, 10).unwrap()), 365);
        assert_eq!(Date::new(2200, 12, 31).unwrap().plus_days(1), None);
    }

    #[test]
    fn months_keep_the_day_or_end_the_month() {
        let d = |y, m, dd| Date::new(y, m, dd).unwrap();
        assert_eq!(d(2022, 6, 20).plus_months(6), Some(d(2022, 12, 20)));
        assert_eq!(d(2022, 8, 31).plus_months(6), Some(d(2023, 2, 28)));
        assert_eq!(d(2023, 8, 31).plus_months(6), Some(d(2024, 2, 29)));
        assert_eq!(d(2022, 11, 15).plus_months(2), Some(d(2023, 1, 15)));
    }

    #[test]
    fn working_days_skip_weekends_and_holidays() {
        // 05/6/2022 was a Sunday, 10/6/2022 a Friday
        assert!(!Date::new(2022, 6, 5).unwrap().is_weekday());
        assert_eq!(Date::new(2022, 6, 5).unwrap().weekday(), 6);
        assert_eq!(Date::new(2024, 10, 14).unwrap().weekday(), 0);
        assert_eq!(Date::new(1970, 1, 1).unwrap().weekday(), 3);
        let friday = Date::new(2022, 6, 10).unwrap();
        assert!(friday.is_weekday());
        let builtin = Holidays::default();
        assert_eq!(
            friday.plus_working_days(5, &builtin),
            Date::new(2022, 6, 17)
        );
        let sunday = Date::new(2022, 6, 5).unwrap();
        assert_eq!(
            sunday.plus_working_days(5, &builtin),
            Date::new(2022, 6, 10)
        );
        let holiday = Holidays::new(&[Date::new(2022, 6, 7).unwrap()], &[]);
        assert_eq!(
            sunday.plus_working_days(5, &holiday),
            Date::new(2022, 6, 13)
        );
    }

    #[test]
    fn working_days_skip_the_built_in_holidays() {
        // a record received on Monday 25/8/2025: five working days used to end on Monday 1/9,
        // Quốc khánh's day before 2/9; they end on Wednesday 3/9
        let received = Date::new(2025, 8, 25).unwrap();
        assert_eq!(
            received.plus_working_days(5, &Holidays::default()),
            Date::new(2025, 9, 3)
        );
        // across Tết 2025 (27/1 to 31/1 off): from Friday 24/1 to Friday 7/2
        let before_tet = Date::new(2025, 1, 24).unwrap();
        assert_eq!(
            before_tet.plus_working_days(5, &Holidays::default()),
            Date::new(2025, 2, 7)
        );
        // a site that worked 1/9 takes it back
        let worked = Holidays::new(&[], &[Date::new(2025, 9, 1).unwrap()]);
        assert_eq!(
            received.plus_working_days(5, &worked),
            Date::new(2025, 9, 1)
        );
    }

    #[test]
    fn julian_days_count_from_the_astronomers_epoch() {
        let d = Date::new(2000, 1, 1).unwrap();
        assert_eq!(d.julian_day(), 2_451_545);
        assert_eq!(Date::from_julian_day(2_451_545), Some(d));
    }

    #[test]
    fn error_message_is_bilingual_and_quotes_the_input() {
        let e = Date::parse("32/1/2022").unwrap_err();
        assert!(e.0.contains("“32/1/2022”") && e.0.contains("not a valid date"));
    }
}
