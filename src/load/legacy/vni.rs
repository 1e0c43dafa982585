//! VNI Windows (bảng mã VNI): Windows-1252 bytes in which a Vietnamese letter is a plain vowel
//! followed by one byte for its marks (“Nguyeãn” for “Nguyễn”), and a few letters are one byte
//! of their own (0xF4 ô for ơ, 0xF1 ñ for đ).
//!
//! Source: the VNI Windows chart of VNI Software, as tabulated by the converters staff use
//! (Unikey Toolkit, VBKey's `VNI_WINDOWS_TABLE`); checked letter by letter against that table.
//! Capitals take the capital form of the same mark byte (`AÙ` for Á, `aù` for á).

use super::tables::cp1252;
use unicode_normalization::UnicodeNormalization;

const GRAVE: char = '\u{300}';
const ACUTE: char = '\u{301}';
const TILDE: char = '\u{303}';
const HOOK: char = '\u{309}';
const DOT: char = '\u{323}';
const CIRCUMFLEX: char = '\u{302}';
const BREVE: char = '\u{306}';

/// Which letters a mark byte may follow.
#[derive(Clone, Copy, PartialEq, Eq)]
enum After {
    /// a, e, o, u, y, ơ, ư: a tone alone.
    Vowel,
    /// a, e, o: a circumflex, with or without a tone.
    Circumflexed,
    /// a: a breve, with or without a tone.
    Breved,
}

/// The lowercase mark bytes (as Windows-1252 letters), what they follow and the combining marks
/// they stand for. The capital mark is the same letter in capitals.
const MARKS: [(char, After, &[char]); 17] = [
    ('ù', After::Vowel, &[ACUTE]),
    ('ø', After::Vowel, &[GRAVE]),
    ('û', After::Vowel, &[HOOK]),
    ('õ', After::Vowel, &[TILDE]),
    ('ï', After::Vowel, &[DOT]),
    ('â', After::Circumflexed, &[CIRCUMFLEX]),
    ('á', After::Circumflexed, &[CIRCUMFLEX, ACUTE]),
    ('à', After::Circumflexed, &[CIRCUMFLEX, GRAVE]),
    ('å', After::Circumflexed, &[CIRCUMFLEX, HOOK]),
    ('ã', After::Circumflexed, &[CIRCUMFLEX, TILDE]),
    ('ä', After::Circumflexed, &[CIRCUMFLEX, DOT]),
    ('ê', After::Breved, &[BREVE]),
    ('é', After::Breved, &[BREVE, ACUTE]),
    ('è', After::Breved, &[BREVE, GRAVE]),
    ('ú', After::Breved, &[BREVE, HOOK]),
    ('ü', After::Breved, &[BREVE, TILDE]),
    ('ë', After::Breved, &[BREVE, DOT]),
];

/// Letters that are one byte of their own: the byte (as a Windows-1252 letter) and the letter.
const SINGLES: [(char, char); 18] = [
    ('ô', 'ơ'),
    ('Ô', 'Ơ'),
    ('ö', 'ư'),
    ('Ö', 'Ư'),
    ('ñ', 'đ'),
    ('Ñ', 'Đ'),
    ('í', 'í'),
    ('Í', 'Í'),
    ('ì', 'ì'),
    ('Ì', 'Ì'),
    ('æ', 'ỉ'),
    ('Æ', 'Ỉ'),
    ('ó', 'ĩ'),
    ('Ó', 'Ĩ'),
    ('ò', 'ị'),
    ('Ò', 'Ị'),
    ('î', 'ỵ'),
    ('Î', 'Ỵ'),
];

/// Decodes VNI Windows bytes into NFC text.
pub fn decode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 4);
    let mut last: Option<char> = None;
    for c in bytes.iter().map(|b| cp1252(*b)) {
        if let Some(marks) = last.and_then(|base| marks_after(base, c)) {
            out.extend(marks);
            last = None;
            continue;
        }
        let c = SINGLES
            .iter()
            .find(|(byte, _)| *byte == c)
            .map_or(c, |(_, letter)| *letter);
        out.push(c);
        last = Some(c);
    }
    out.nfc().collect()
}

/// The combining marks that `mark` adds to `base`, when it is a mark byte that may follow it;
/// the mark's case must match the letter's.
fn marks_after(base: char, mark: char) -> Option<&'static [char]> {
    let lower = base.to_lowercase().next()?;
    let (_, after, marks) = MARKS.iter().find(|(m, _, _)| {
        let capital = m.to_uppercase().next();
        if base.is_uppercase() {
            capital == Some(mark)
        } else {
            *m == mark
        }
    })?;
    let allowed = match after {
        After::Vowel => matches!(lower, 'a' | 'e' | 'o' | 'u' | 'y' | 'ơ' | 'ư'),
        After::Circumflexed => matches!(lower, 'a' | 'e' | 'o'),
        After::Breved => lower == 'a',
    };
    allowed.then_some(*marks)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_letters_with_their_mark_bytes() {
        // “Cộng hòa xã hội chủ nghĩa Việt Nam”, as VNI Windows writes it
        let bytes = b"Co\xE4ng ho\xF8a xa\xF5 ho\xE4i chu\xFB ngh\xF3a Vie\xE4t Nam";
        assert_eq!(decode(bytes), "Cộng hòa xã hội chủ nghĩa Việt Nam");
        // “Độc lập - Tự do - Hạnh phúc”
        let bytes = b"\xD1o\xE4c la\xE4p - T\xF6\xEF do - Ha\xEFnh phu\xF9c";
        assert_eq!(decode(bytes), "Độc lập - Tự do - Hạnh phúc");
    }

    #[test]
    fn capitals_take_capital_marks() {
        // “NGUYỄN THỊ ĂN Ở” in capitals
        let bytes = b"NGUYE\xC3N TH\xD2 A\xCAN \xD4\xDB";
        assert_eq!(decode(bytes), "NGUYỄN THỊ ĂN Ở");
    }

    #[test]
    fn a_mark_byte_after_a_consonant_stays_as_it_is() {
        assert_eq!(decode(b"b\xF9"), "bù");
    }
}
