//! Vietnamese formatting of numbers and sizes, as readers expect them: `4.459.718`, `44,04%`.
//! Numbers are formatted here, in Rust, and reach templates as text.

/// `4459718` → `4.459.718`.
pub fn number_vi(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// `44.0443…` → `44,04%`: two decimals, comma as decimal separator.
pub fn percent_vi(p: f64) -> String {
    let fixed = format!("{p:.2}");
    let (int, frac) = fixed.split_once('.').unwrap_or((&fixed, "00"));
    let int: u64 = int.parse().unwrap_or(0);
    format!("{},{frac}%", number_vi(int))
}

/// `part/whole` as a percent to compare with a threshold of `threshold`%: two decimals, or more
/// when two would hide which side of the threshold it is on (10001/20001 is 50,002%, not 50,00%).
pub fn share_against_vi(part: u32, whole: u32, threshold: u8) -> String {
    let exact = f64::from(part) * 100.0 / f64::from(whole.max(1));
    let at_threshold = u64::from(part) * 100 == u64::from(whole) * u64::from(threshold);
    let mut decimals = 2;
    while decimals < 6
        && !at_threshold
        && (round_to(exact, decimals) - f64::from(threshold)).abs() < f64::EPSILON
    {
        decimals += 1;
    }
    let fixed = format!("{exact:.decimals$}");
    let (int, frac) = fixed.split_once('.').unwrap_or((&fixed, "00"));
    let int: u64 = int.parse().unwrap_or(0);
    format!("{},{frac}%", number_vi(int))
}

fn round_to(x: f64, decimals: usize) -> f64 {
    let text = format!("{x:.decimals$}");
    text.parse().unwrap_or(x)
}

/// A file size for people: `512 byte`, `12,3 KB`, `1,5 MB`.
pub fn size_vi(bytes: u64) -> String {
    const KB: f64 = 1024.0;
    let b = bytes as f64;
    if bytes < 1024 {
        format!("{bytes} byte")
    } else if b < KB * KB {
        format!("{} KB", one_decimal(b / KB))
    } else {
        format!("{} MB", one_decimal(b / KB / KB))
    }
}

fn one_decimal(x: f64) -> String {
    format!("{x:.1}").replace('.', ",")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_use_dots_for_thousands() {
        assert_eq!(number_vi(0), "0");
        assert_eq!(number_vi(999), "999");
        assert_eq!(number_vi(1234), "1.234");
        assert_eq!(number_vi(4459718), "4.459.718");
    }

    #[test]
    fn percents_use_a_decimal_comma() {
        assert_eq!(percent_vi(159.0 * 100.0 / 361.0), "44,04%");
        assert_eq!(percent_vi(8.0 * 100.0 / 390.0), "2,05%");
        assert_eq!(percent_vi(100.0), "100,00%");
        assert_eq!(percent_vi(0.0), "0,00%");
    }

    #[test]
    fn shares_against_a_threshold_never_round_onto_it() {
        assert_eq!(share_against_vi(159, 361, 50), "44,04%");
        assert_eq!(share_against_vi(180, 360, 50), "50,00%");
        assert_eq!(share_against_vi(10_001, 20_001, 50), "50,002%");
        assert_eq!(share_against_vi(9_999, 19_999, 50), "49,997%");
        assert_eq!(share_against_vi(1, 0, 50), "100,00%");
    }

    #[test]
    fn sizes_are_readable() {
        assert_eq!(size_vi(512), "512 byte");
        assert_eq!(size_vi(12_595), "12,3 KB");
        assert_eq!(size_vi(1_572_864), "1,5 MB");
    }
}
