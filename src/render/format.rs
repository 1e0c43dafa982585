//! Formatting of numbers, shares, sizes and dates as readers of each language expect them:
//! `4.459.718`, `48,33%` and `ngày 5 tháng 6 năm 2022` in Vietnamese; `4,459,718`, `48.33%` and
//! `5 June 2022` in English. The separators and date patterns come from the language's interface
//! strings (`format_*` keys), so a third language needs no code; [`Locale`](super::locale::Locale)
//! reads them, and templates reach them through the filters it registers.

use crate::model::date::Date;

/// How a language writes numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NumberStyle<'a> {
    /// Between groups of three digits: `.` in Vietnamese, `,` in English.
    pub thousands: &'a str,
    /// Before the decimals: `,` in Vietnamese, `.` in English.
    pub decimal: &'a str,
}

impl NumberStyle<'_> {
    pub const VI: NumberStyle<'static> = NumberStyle {
        thousands: ".",
        decimal: ",",
    };

    /// `4459718` → `4.459.718` (Vietnamese), `4,459,718` (English).
    pub fn number(&self, n: u64) -> String {
        let digits = n.to_string();
        let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 3);
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push_str(self.thousands);
            }
            out.push(c);
        }
        out
    }

    /// `x` with `decimals` decimals: `44,04` (Vietnamese), `44.04` (English).
    pub fn decimal(&self, x: f64, decimals: usize) -> String {
        let fixed = format!("{x:.decimals$}");
        match fixed.split_once('.') {
            Some((int, frac)) => {
                let int: u64 = int.parse().unwrap_or(0);
                format!("{}{}{frac}", self.number(int), self.decimal)
            }
            None => self.number(fixed.parse().unwrap_or(0)),
        }
    }

    /// `44.0443…` → `44,04%`: a percent with two decimals.
    pub fn percent(&self, p: f64) -> String {
        format!("{}%", self.decimal(p, 2))
    }

    /// `part/whole` as a percent to compare with a threshold of `threshold`%: two decimals, or
    /// more when two would hide which side of the threshold it is on (10001/20001 is 50,002%,
    /// not 50,00%).
    pub fn share_against(&self, part: u32, whole: u32, threshold: u8) -> String {
        let exact = f64::from(part) * 100.0 / f64::from(whole.max(1));
        let at_threshold = u64::from(part) * 100 == u64::from(whole) * u64::from(threshold);
        let mut decimals = 2;
        while decimals < 6
            && !at_threshold
            && (round_to(exact, decimals) - f64::from(threshold)).abs() < f64::EPSILON
        {
            decimals += 1;
        }
        format!("{}%", self.decimal(exact, decimals))
    }

    /// A file size for people: `512 byte`, `12,3 KB`, `1,5 MB`; `unit` names bytes below 1 KB.
    pub fn size(&self, bytes: u64, unit: &str) -> String {
        const KB: f64 = 1024.0;
        let b = bytes as f64;
        if bytes < 1024 {
            format!("{bytes} {unit}")
        } else if b < KB * KB {
            format!("{} KB", self.decimal(b / KB, 1))
        } else {
            format!("{} MB", self.decimal(b / KB / KB, 1))
        }
    }
}

/// `44,04%`: a Vietnamese percent, for the tests of statistics against the seed's printed figures.
#[cfg(test)]
pub fn percent_vi(p: f64) -> String {
    NumberStyle::VI.percent(p)
}

fn round_to(x: f64, decimals: usize) -> f64 {
    let text = format!("{x:.decimals$}");
    text.parse().unwrap_or(x)
}

/// A date by a language's pattern. Placeholders: `{d}` day, `{dd}` day on two digits, `{m}`
/// month number, `{mm}` on two digits, `{mdoc}` as administrative documents write it (a leading
/// zero for January and February only, Nghị định 30/2020/NĐ-CP appendix I), `{month}` the
/// month's name, given as `month_name`, `{yyyy}` the year. `{dd}/{m}/{yyyy}` → `05/6/2022`;
/// `{d} {month} {yyyy}` → `5 June 2022`.
pub fn date(d: Date, pattern: &str, month_name: &str) -> String {
    let (day, month) = (d.day(), d.month());
    let mdoc = if month < 3 {
        format!("{month:02}")
    } else {
        month.to_string()
    };
    fill(
        pattern,
        &[
            ("dd", &format!("{day:02}")),
            ("d", &day.to_string()),
            ("mm", &format!("{month:02}")),
            ("mdoc", &mdoc),
            ("month", month_name),
            ("m", &month.to_string()),
            ("yyyy", &d.year().to_string()),
        ],
    )
}

/// `text` with each `{name}` replaced by its value: the sentences of the interface strings. One
/// pass, so that a value (a title staff wrote) is never read again for placeholders.
pub fn fill(text: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            args.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v, close))
        });
        match value {
            Some((v, close)) => {
                out.push_str(v);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const EN: NumberStyle<'static> = NumberStyle {
        thousands: ",",
        decimal: ".",
    };

    #[test]
    fn numbers_group_thousands_by_language() {
        let vi = NumberStyle::VI;
        assert_eq!(vi.number(0), "0");
        assert_eq!(vi.number(999), "999");
        assert_eq!(vi.number(1234), "1.234");
        assert_eq!(vi.number(4459718), "4.459.718");
        assert_eq!(EN.number(4459718), "4,459,718");
        assert_eq!(EN.number(1_000_000), "1,000,000");
    }

    #[test]
    fn percents_use_the_language_decimal_mark() {
        let vi = NumberStyle::VI;
        assert_eq!(vi.percent(159.0 * 100.0 / 361.0), "44,04%");
        assert_eq!(vi.percent(29.0 * 100.0 / 60.0), "48,33%");
        assert_eq!(vi.percent(8.0 * 100.0 / 390.0), "2,05%");
        assert_eq!(vi.percent(100.0), "100,00%");
        assert_eq!(vi.percent(0.0), "0,00%");
        assert_eq!(EN.percent(29.0 * 100.0 / 60.0), "48.33%");
        assert_eq!(EN.percent(100.0), "100.00%");
        assert_eq!(EN.decimal(12345.678, 1), "12,345.7");
        assert_eq!(vi.decimal(12345.678, 1), "12.345,7");
        assert_eq!(vi.decimal(7.0, 0), "7");
    }

    #[test]
    fn shares_against_a_threshold_never_round_onto_it() {
        let vi = NumberStyle::VI;
        assert_eq!(vi.share_against(159, 361, 50), "44,04%");
        assert_eq!(vi.share_against(180, 360, 50), "50,00%");
        assert_eq!(vi.share_against(10_001, 20_001, 50), "50,002%");
        assert_eq!(vi.share_against(9_999, 19_999, 50), "49,997%");
        assert_eq!(vi.share_against(1, 0, 50), "100,00%");
        assert_eq!(EN.share_against(10_001, 20_001, 50), "50.002%");
    }

    #[test]
    fn sizes_are_readable() {
        let vi = NumberStyle::VI;
        assert_eq!(vi.size(512, "byte"), "512 byte");
        assert_eq!(vi.size(12_595, "byte"), "12,3 KB");
        assert_eq!(vi.size(1_572_864, "byte"), "1,5 MB");
        assert_eq!(EN.size(12_595, "bytes"), "12.3 KB");
    }

    #[test]
    fn dates_follow_the_language_pattern() {
        let d = Date::new(2022, 6, 5).unwrap();
        assert_eq!(date(d, "{dd}/{m}/{yyyy}", "6"), "05/6/2022");
        assert_eq!(
            date(d, "ngày {d} tháng {m} năm {yyyy}", "6"),
            "ngày 5 tháng 6 năm 2022"
        );
        assert_eq!(date(d, "{d} {month} {yyyy}", "June"), "5 June 2022");
        let d = Date::new(2024, 12, 31).unwrap();
        assert_eq!(date(d, "{mm}/{dd}/{yyyy}", "December"), "12/31/2024");
        assert_eq!(
            date(d, "{d} {month} {yyyy}", "December"),
            "31 December 2024"
        );
        // a placeholder the pattern misspells is kept, and a name is not read again
        assert_eq!(date(d, "{day} {month}", "{d}"), "{day} {d}");
    }

    #[test]
    fn document_dates_pad_the_day_and_only_january_and_february() {
        let doc = "ngày {dd} tháng {mdoc} năm {yyyy}";
        let on = |y, m, d| date(Date::new(y, m, d).unwrap(), doc, "");
        assert_eq!(on(2022, 6, 9), "ngày 09 tháng 6 năm 2022");
        assert_eq!(on(2022, 2, 18), "ngày 18 tháng 02 năm 2022");
        assert_eq!(on(2021, 1, 5), "ngày 05 tháng 01 năm 2021");
        assert_eq!(on(2024, 12, 31), "ngày 31 tháng 12 năm 2024");
    }

    #[test]
    fn sentences_are_filled_by_name() {
        assert_eq!(
            fill(
                "{name} with {ratio} > {percent}%",
                &[("name", "An"), ("ratio", "3/4"), ("percent", "50")]
            ),
            "An with 3/4 > 50%"
        );
        assert_eq!(fill("no {gap}", &[]), "no {gap}");
        // a value is never filled again
        assert_eq!(
            fill(
                "{title}, term {term}",
                &[("title", "Plan {term}"), ("term", "2024–2027")]
            ),
            "Plan {term}, term 2024–2027"
        );
        assert_eq!(fill("{a} {", &[("a", "x")]), "x {");
    }
}
