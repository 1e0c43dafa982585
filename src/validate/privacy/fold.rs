//! Text folded for matching, so that no way of writing a character hides it: a digit of any
//! script (`٠٩١٢`, `०९१२`, full-width `０９`, mathematical `𝟎𝟗`) is its ASCII digit, a letter is
//! lowercase without its diacritics (`Ngõ` → `ngo`, `Đ` → `d`), compatibility forms are their
//! plain letter (`＠` → `@`), and combining marks, which only decorate the letter before them,
//! are dropped.

use std::sync::OnceLock;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// `c` folded, or `None` for a combining mark.
pub fn fold(c: char) -> Option<char> {
    if c.is_ascii() {
        return Some(c.to_ascii_lowercase());
    }
    // every letter of Vietnamese is below U+2000: fold each of them once, not once per letter of
    // every published text
    static BELOW: OnceLock<Box<[Option<char>]>> = OnceLock::new();
    let below = BELOW.get_or_init(|| {
        (0..TABLE_END)
            .map(|u| char::from_u32(u).and_then(fold_slowly))
            .collect()
    });
    match below.get(c as usize) {
        Some(&folded) => folded,
        None => fold_slowly(c),
    }
}

/// The characters [`fold`] keeps folded, from U+0000: no surrogate is below.
const TABLE_END: u32 = 0x2000;

/// [`fold`], worked out.
fn fold_slowly(c: char) -> Option<char> {
    if c.is_ascii() {
        return Some(c.to_ascii_lowercase());
    }
    if let Some(d) = decimal_digit(c) {
        return Some(d);
    }
    if is_combining_mark(c) {
        return None;
    }
    let mut parts = c.nfkd().filter(|m| !is_combining_mark(*m));
    let base = match (parts.next(), parts.next()) {
        (Some(base), None) => base,
        // a ligature or a fraction stays itself
        _ => c,
    };
    let lower = base.to_lowercase().next().unwrap_or(base);
    Some(if lower == 'đ' { 'd' } else { lower })
}

/// The zero of every block of decimal digits (Unicode category Nd, 14.0): each block holds the
/// ten digits in order from its zero.
const DIGIT_ZEROS: [u32; 66] = [
    0x0030, 0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6,
    0x0D66, 0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80,
    0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0,
    0xFF10, 0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0,
    0x11650, 0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16AC0,
    0x16B50, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0,
];

/// The ASCII digit that a decimal digit of any script stands for.
fn decimal_digit(c: char) -> Option<char> {
    let code = u32::from(c);
    let block = DIGIT_ZEROS
        .partition_point(|&zero| zero <= code)
        .checked_sub(1)?;
    let value = code - DIGIT_ZEROS[block];
    (value < 10).then(|| char::from(b'0' + value as u8))
}

/// A text folded char by char, with where each folded char is written in the original.
pub struct Folded {
    pub chars: Vec<char>,
    /// Byte offset in the original of each char, then the original's length.
    offsets: Vec<usize>,
}

impl Folded {
    pub fn new(text: &str) -> Self {
        let mut chars = Vec::with_capacity(text.len());
        let mut offsets = Vec::with_capacity(text.len() + 1);
        for (i, c) in text.char_indices() {
            if let Some(f) = fold(c) {
                chars.push(f);
                offsets.push(i);
            }
        }
        offsets.push(text.len());
        Self { chars, offsets }
    }

    /// The byte range in the original of folded chars `from..to`.
    pub fn span(&self, from: usize, to: usize) -> (usize, usize) {
        (self.offsets[from], self.offsets[to])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_kept_folds_are_the_worked_out_ones() {
        for u in 0..TABLE_END + 0x400 {
            if let Some(c) = char::from_u32(u) {
                assert_eq!(fold(c), fold_slowly(c), "U+{u:04X}");
            }
        }
        for c in ['𝟎', '０', 'Ⅻ', '😀', '\u{10FFFF}'] {
            assert_eq!(fold(c), fold_slowly(c), "{c}");
        }
    }

    fn folded(text: &str) -> String {
        Folded::new(text).chars.into_iter().collect()
    }

    #[test]
    fn digits_of_every_script_are_ascii_digits() {
        for text in [
            "0912345678",
            "٠٩١٢٣٤٥٦٧٨",
            "۰۹۱۲۳۴۵۶۷۸",
            "०९१२३४५६७८",
            "０９１２３４５６７８",
            "𝟎𝟗𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖",
            "𝟬𝟵𝟭𝟮𝟯𝟰𝟱𝟲𝟳𝟴",
            "๐๙๑๒๓๔๕๖๗๘",
        ] {
            assert_eq!(folded(text), "0912345678", "{text}");
        }
        // every block of the table is ten digits from its zero
        for zero in DIGIT_ZEROS {
            for value in 0..10 {
                let c = char::from_u32(zero + value).unwrap();
                assert_eq!(decimal_digit(c), char::from_digit(value, 10), "{c}");
            }
        }
        assert_eq!(decimal_digit('a'), None);
        assert_eq!(decimal_digit('\u{065F}'), None);
    }

    #[test]
    fn letters_lose_case_and_diacritics_and_offsets_stay_true() {
        assert_eq!(folded("Ngõ Hẻm ĐƯỜNG ＠"), "ngo hem duong @");
        // decomposed Vietnamese folds the same, and maps back to the whole letter
        let text = "Ngo\u{0303} 34";
        let f = Folded::new(text);
        assert_eq!(f.chars.iter().collect::<String>(), "ngo 34");
        let (start, end) = f.span(0, 3);
        assert_eq!(&text[start..end], "Ngo\u{0303}");
        let (start, end) = f.span(4, 6);
        assert_eq!(&text[start..end], "34");
    }
}
