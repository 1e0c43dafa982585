//! The Vietnamese lunar calendar (âm lịch), for the holidays the law fixes on lunar dates: Tết
//! Nguyên Đán (1/1) and Giỗ Tổ Hùng Vương (10/3).
//!
//! The rules are the Chinese calendar's, computed for Vietnam's time zone, UTC+7 (in force since
//! 8 August 1967): a month begins on the day that holds the new moon (sóc); the winter solstice
//! (Đông chí) always falls in month 11; a year from one month 11 to the next with 13 months has a
//! leap month, the first one that holds no major solar term (trung khí). Because new moons are
//! dated in UTC+7 rather than China's UTC+8, Vietnam's Tết differs from China's in some years
//! (29/1/1968 against 30/1/1968, 21/1/1985 against 20/2/1985, 17/2/2007 against 18/2/2007).
//!
//! The new moons and the sun's longitude use the simplified astronomical series of Hồ Ngọc Đức's
//! published algorithm ("Thuật toán tính âm lịch",
//! https://www.informatik.uni-leipzig.de/~duc/amlich/calrules_vn.html), accurate to well within
//! a day for the years the portal's dates cover (1900–2200).

use super::date::Date;
use std::f64::consts::PI;

/// Vietnam's time zone, in hours east of UTC.
const TIME_ZONE: f64 = 7.0;
/// The mean length of a lunation (tháng giao hội), in days.
const SYNODIC_MONTH: f64 = 29.530_588_853;
/// The Julian day of the new moon of 1 January 1900, from which new moons are numbered.
const NEW_MOON_EPOCH: f64 = 2_415_021.076_998_695;

/// A day of the lunar calendar: month 1 to 12, day 1 to 30; `leap` for the repeated month
/// (tháng nhuận) of a 13-month year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LunarDate {
    pub year: i32,
    pub month: u8,
    pub day: u8,
    pub leap: bool,
}

impl LunarDate {
    /// An ordinary (not leap) month's day.
    pub fn new(year: i32, month: u8, day: u8) -> Self {
        Self {
            year,
            month,
            day,
            leap: false,
        }
    }

    /// The lunar date of a solar day.
    pub fn from_solar(date: Date) -> Self {
        let day = date.julian_day();
        // the mean lunation finds the month near enough; true new moons stray from it by hours
        let mut k = ((day as f64 - NEW_MOON_EPOCH) / SYNODIC_MONTH).floor() as i64;
        while new_moon_day(k + 1) <= day {
            k += 1;
        }
        while new_moon_day(k) > day {
            k -= 1;
        }
        let month_start = new_moon_day(k);
        let year = date.year();
        let (mut lunar_year, a11, b11) = {
            let this = month_eleven(year);
            if this >= month_start {
                (year, month_eleven(year - 1), this)
            } else {
                (year + 1, this, month_eleven(year + 1))
            }
        };
        // months since the month 11 that begins this lunar "solstice year"
        let since = u8::try_from((month_start - a11) / 29).unwrap_or(0);
        let mut month = since + 11;
        let mut leap = false;
        if b11 - a11 > 365 {
            let leap_after = leap_month_offset(a11);
            if since >= leap_after {
                month = since + 10;
                leap = since == leap_after;
            }
        }
        if month > 12 {
            month -= 12;
        }
        // months 11 and 12 before the new year belong to the previous lunar year
        if month >= 11 && since < 4 {
            lunar_year -= 1;
        }
        Self {
            year: lunar_year,
            month,
            day: u8::try_from(day - month_start + 1).unwrap_or(1),
            leap,
        }
    }

    /// The solar day of this lunar date; `None` for a leap month the year does not have, a day
    /// past the month's end, or a date outside the range `Date` supports.
    pub fn to_solar(&self) -> Option<Date> {
        if !(1..=12).contains(&self.month) || !(1..=30).contains(&self.day) {
            return None;
        }
        // the solstice year (from month 11 to month 11) that holds this month
        let (a11, b11) = if self.month < 11 {
            (month_eleven(self.year - 1), month_eleven(self.year))
        } else {
            (month_eleven(self.year), month_eleven(self.year + 1))
        };
        let k = (0.5 + (a11 as f64 - NEW_MOON_EPOCH) / SYNODIC_MONTH).floor() as i64;
        let mut offset = i64::from((self.month + 1) % 12);
        if b11 - a11 > 365 {
            let leap_after = i64::from(leap_month_offset(a11));
            let leap_month = (leap_after + 9) % 12 + 1;
            if self.leap && i64::from(self.month) != leap_month {
                return None;
            }
            if self.leap || offset >= leap_after {
                offset += 1;
            }
        } else if self.leap {
            return None;
        }
        let start = new_moon_day(k + offset);
        let day = start + i64::from(self.day) - 1;
        if day >= new_moon_day(k + offset + 1) {
            return None;
        }
        Date::from_julian_day(day)
    }
}

/// The moment of the `k`-th new moon after 1 January 1900, as a Julian day in UT (Meeus's
/// truncated series, as Hồ Ngọc Đức gives it).
fn new_moon(k: i64) -> f64 {
    let k = k as f64;
    let t = k / 1236.85; // Julian centuries since 1900
    let t2 = t * t;
    let t3 = t2 * t;
    let rad = PI / 180.0;
    let mean = 2_415_020.759_33 + 29.530_588_68 * k + 0.000_117_8 * t2 - 0.000_000_155 * t3
        + 0.000_33 * ((166.56 + 132.87 * t - 0.009_173 * t2) * rad).sin();
    // the sun's and moon's mean anomalies and the moon's argument of latitude
    let m = (359.2242 + 29.105_356_08 * k - 0.000_033_3 * t2 - 0.000_003_47 * t3) * rad;
    let mp = (306.0253 + 385.816_918_06 * k + 0.010_730_6 * t2 + 0.000_012_36 * t3) * rad;
    let f = (21.2964 + 390.670_506_46 * k - 0.001_652_8 * t2 - 0.000_002_39 * t3) * rad;
    let correction = (0.1734 - 0.000_393 * t) * m.sin() + 0.0021 * (2.0 * m).sin()
        - 0.4068 * mp.sin()
        + 0.0161 * (2.0 * mp).sin()
        - 0.0004 * (3.0 * mp).sin()
        + 0.0104 * (2.0 * f).sin()
        - 0.0051 * (m + mp).sin()
        - 0.0074 * (m - mp).sin()
        + 0.0004 * (2.0 * f + m).sin()
        - 0.0004 * (2.0 * f - m).sin()
        - 0.0006 * (2.0 * f + mp).sin()
        + 0.0010 * (2.0 * f - mp).sin()
        + 0.0005 * (m + 2.0 * mp).sin();
    // ephemeris time minus universal time (ΔT), in days
    let delta_t = if t < -11.0 {
        0.001 + 0.000_839 * t + 0.000_226_1 * t2 - 0.000_008_45 * t3 - 0.000_000_081 * t * t3
    } else {
        -0.000_278 + 0.000_265 * t + 0.000_262 * t2
    };
    mean + correction - delta_t
}

/// The Julian day number of the local (UTC+7) day that holds the `k`-th new moon.
fn new_moon_day(k: i64) -> i64 {
    (new_moon(k) + 0.5 + TIME_ZONE / 24.0).floor() as i64
}

/// The sun's apparent longitude, in radians from 0 to 2π, at Julian day `jd` (UT).
fn sun_longitude(jd: f64) -> f64 {
    let t = (jd - 2_451_545.0) / 36_525.0; // Julian centuries since J2000
    let t2 = t * t;
    let rad = PI / 180.0;
    let m = 357.529_10 + 35_999.050_30 * t - 0.000_155_9 * t2 - 0.000_000_48 * t * t2;
    let l0 = 280.466_45 + 36_000.769_83 * t + 0.000_303_2 * t2;
    let centre = (1.914_600 - 0.004_817 * t - 0.000_014 * t2) * (rad * m).sin()
        + (0.019_993 - 0.000_101 * t) * (2.0 * rad * m).sin()
        + 0.000_290 * (3.0 * rad * m).sin();
    ((l0 + centre) * rad).rem_euclid(2.0 * PI)
}

/// Which twelfth of the ecliptic (0 to 11, from the spring equinox) the sun is in at the start
/// of local day `day`; a month that holds no major solar term keeps the same sector at its start
/// and the next month's start.
fn sun_sector(day: i64) -> i64 {
    (sun_longitude(day as f64 - 0.5 - TIME_ZONE / 24.0) / PI * 6.0).floor() as i64
}

/// The first day of lunar month 11 (the month of the winter solstice) that begins in or before
/// December of `year`.
fn month_eleven(year: i32) -> i64 {
    let k = ((december_31(year) - 2_415_021) as f64 / SYNODIC_MONTH).floor() as i64;
    let start = new_moon_day(k);
    // the sun past 270° (sector 9) at the month's start: the solstice is already behind it
    if sun_sector(start) >= 9 {
        new_moon_day(k - 1)
    } else {
        start
    }
}

/// The Julian day number of 31 December of `year` (Gregorian), also for the years just outside
/// `Date`'s range that conversions at its ends look at.
fn december_31(year: i32) -> i64 {
    let y = i64::from(year);
    1_721_425 + 365 * y + y / 4 - y / 100 + y / 400
}

/// How many months after month 11 (starting at `a11`) the leap month comes: the first month
/// whose start and next start see the sun in the same sector, i.e. that holds no major term.
fn leap_month_offset(a11: i64) -> u8 {
    let k = ((a11 as f64 - NEW_MOON_EPOCH) / SYNODIC_MONTH + 0.5).floor() as i64;
    let mut i: u8 = 1;
    let mut sector = sun_sector(new_moon_day(k + 1));
    loop {
        let last = sector;
        i += 1;
        sector = sun_sector(new_moon_day(k + i64::from(i)));
        if sector == last || i >= 14 {
            return i - 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u8, d: u8) -> Date {
        Date::new(y, m, d).unwrap()
    }

    fn tet(year: i32) -> Date {
        LunarDate::new(year, 1, 1).to_solar().unwrap()
    }

    // Tết as published by Vietnamese calendars. 1968: the first Tết of the UTC+7 calendar, a day
    // before China's (en.wikipedia.org "Vietnamese calendar"; H. Aslaksen, "The Mathematics of
    // the Chinese Calendar"). 1985: a month before China's, whose month 11 of 1984 differs
    // (en.wikipedia.org "Vietnamese calendar"). 2007: a day before China's, as the government's
    // calendar office explained (viet-jo.com, 6/7/2006). 2023–2026: the government's holiday
    // announcements (e.g. Tết 2026 on Tuesday 17/2, vnanet.vn 17/10/2025).
    #[test]
    fn tet_falls_on_the_vietnamese_new_moon() {
        assert_eq!(tet(1968), day(1968, 1, 29), "China: 30/1/1968");
        assert_eq!(tet(1985), day(1985, 1, 21), "China: 20/2/1985");
        assert_eq!(tet(2007), day(2007, 2, 17), "China: 18/2/2007");
        assert_eq!(tet(2023), day(2023, 1, 22), "January");
        assert_eq!(tet(2024), day(2024, 2, 10), "February");
        assert_eq!(tet(2025), day(2025, 1, 29));
        assert_eq!(tet(2026), day(2026, 2, 17));
        assert_eq!(tet(2030), day(2030, 2, 2), "China: 3/2/2030");
    }

    #[test]
    fn the_hung_kings_day_is_the_tenth_of_the_third_month() {
        let gio_to = |y| LunarDate::new(y, 3, 10).to_solar().unwrap();
        assert_eq!(gio_to(2024), day(2024, 4, 18));
        assert_eq!(gio_to(2025), day(2025, 4, 7));
        assert_eq!(gio_to(2023), day(2023, 4, 29));
        assert_eq!(gio_to(2026), day(2026, 4, 26));
    }

    #[test]
    fn solar_days_convert_back_to_their_lunar_date() {
        assert_eq!(
            LunarDate::from_solar(day(2024, 2, 10)),
            LunarDate::new(2024, 1, 1)
        );
        // the eve of Tết 2024 was the 30th of month 12 of the year before
        assert_eq!(
            LunarDate::from_solar(day(2024, 2, 9)),
            LunarDate::new(2023, 12, 30)
        );
        // and of Tết 2025 the 29th (a short month)
        assert_eq!(
            LunarDate::from_solar(day(2025, 1, 28)),
            LunarDate::new(2024, 12, 29)
        );
        assert_eq!(
            LunarDate::from_solar(day(1985, 1, 21)),
            LunarDate::new(1985, 1, 1)
        );
    }

    #[test]
    fn leap_months_are_placed_and_refused_where_there_is_none() {
        // 2023 had a leap second month (tháng 2 nhuận), from 22/3/2023
        let leap = LunarDate {
            year: 2023,
            month: 2,
            day: 1,
            leap: true,
        };
        assert_eq!(leap.to_solar(), Some(day(2023, 3, 22)));
        assert_eq!(LunarDate::from_solar(day(2023, 3, 22)), leap);
        assert_eq!(
            LunarDate::new(2023, 3, 1).to_solar(),
            Some(day(2023, 4, 20))
        );
        // 2025 had a leap sixth month, 2024 none
        assert!(
            LunarDate {
                leap: true,
                ..LunarDate::new(2025, 6, 1)
            }
            .to_solar()
            .is_some()
        );
        assert_eq!(
            LunarDate {
                leap: true,
                ..LunarDate::new(2024, 6, 1)
            }
            .to_solar(),
            None
        );
        assert_eq!(LunarDate::new(2024, 13, 1).to_solar(), None);
    }

    #[test]
    fn every_supported_day_round_trips() {
        let mut d = day(1900, 1, 1);
        while let Some(next) = d.plus_days(1) {
            let lunar = LunarDate::from_solar(d);
            assert!((1..=30).contains(&lunar.day), "{d} → {lunar:?}");
            assert_eq!(lunar.to_solar(), Some(d), "{d} → {lunar:?}");
            d = next;
        }
    }

    #[test]
    fn tet_is_always_between_21_january_and_20_february() {
        for year in 1901..=2200 {
            let t = tet(year);
            assert!(
                t >= day(year, 1, 21) && t <= day(year, 2, 20),
                "{year}: {t}"
            );
        }
    }
}
