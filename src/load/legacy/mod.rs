//! The 8-bit Vietnamese encodings still common in ward offices (bảng mã cũ): TCVN3 (ABC), VNI
//! Windows and Windows-1258, the code page Excel on Vietnamese Windows saves “CSV” in. Bytes that
//! are not UTF-8 are read in each; the reading whose words are Vietnamese syllables wins, and a
//! file no reading makes plainly Vietnamese is refused rather than guessed.

mod syllable;
mod tables;
mod vni;

use unicode_normalization::UnicodeNormalization;

/// A legacy encoding niemyet converts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Legacy {
    Tcvn3,
    Vni,
    Windows1258,
}

impl Legacy {
    /// How staff name it (Unikey's names).
    pub fn name(self) -> &'static str {
        match self {
            Self::Tcvn3 => "TCVN3 (ABC)",
            Self::Vni => "VNI Windows",
            Self::Windows1258 => "Windows-1258",
        }
    }

    /// Decodes bytes into NFC text.
    pub fn decode(self, bytes: &[u8]) -> String {
        match self {
            Self::Tcvn3 => bytes.iter().map(|b| tables::tcvn3(*b)).nfc().collect(),
            Self::Vni => vni::decode(bytes),
            Self::Windows1258 => bytes.iter().map(|b| tables::cp1258(*b)).nfc().collect(),
        }
    }
}

/// The encoding bytes that are not UTF-8 are in, and their text, when exactly one reading is
/// plainly Vietnamese. Windows-1258 comes first, so that a text VNI reads the same way (one
/// without VNI's mark bytes) is named by the code page Windows used.
pub fn detect(bytes: &[u8]) -> Option<(Legacy, String)> {
    if damaged_utf8(bytes) {
        return None;
    }
    let mut best: Option<(Legacy, String, i64)> = None;
    let mut tied = false;
    for legacy in [Legacy::Windows1258, Legacy::Vni, Legacy::Tcvn3] {
        let text = legacy.decode(bytes);
        let score = syllable::score(&text);
        if !score.is_plausible() {
            continue;
        }
        let value = score.good as i64 - 2 * score.bad as i64;
        match &best {
            Some((_, seen, v)) if value == *v && *seen != text => tied = true,
            Some((_, _, v)) if value <= *v => {}
            _ => {
                tied = false;
                best = Some((legacy, text, value));
            }
        }
    }
    if tied {
        return None;
    }
    best.map(|(legacy, text, _)| (legacy, text))
}

/// UTF-8 with a stray byte or a letter cut in two: its many valid sequences of two or more bytes
/// would be misread in any 8-bit encoding, so it is refused with the line of the bad byte.
fn damaged_utf8(bytes: &[u8]) -> bool {
    let (mut valid, mut invalid) = (0usize, 0usize);
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(text) => {
                valid += text.chars().filter(|c| !c.is_ascii()).count();
                break;
            }
            Err(e) => {
                let (good, after) = rest.split_at(e.valid_up_to());
                valid += String::from_utf8_lossy(good)
                    .chars()
                    .filter(|c| !c.is_ascii())
                    .count();
                invalid += 1;
                let skip = e.error_len().unwrap_or(after.len()).max(1);
                rest = &after[skip.min(after.len())..];
            }
        }
    }
    valid > 0 && valid >= invalid
}

#[cfg(test)]
mod tests {
    use super::*;

    /// “Cộng hòa xã hội chủ nghĩa Việt Nam. Độc lập - Tự do - Hạnh phúc. Nguyễn Thị Ánh”
    const SENTENCE: &str =
        "Cộng hòa xã hội chủ nghĩa Việt Nam. Độc lập - Tự do - Hạnh phúc. Nguyễn Thị Ánh";

    /// The sentence in TCVN3, from the TCVN 5712:1993 chart (capitals with tones in VN1's
    /// positions: 0x83 Á).
    const TCVN3: &[u8] = b"C\xE9ng h\xDFa x\xB7 h\xE9i ch\xF1 ngh\xDCa Vi\xD6t Nam. \xA7\xE9c l\xCBp - T\xF9 do - H\xB9nh ph\xF3c. Nguy\xD4n Th\xDE \x83nh";

    /// The sentence in VNI Windows.
    const VNI: &[u8] = b"Co\xE4ng ho\xF8a xa\xF5 ho\xE4i chu\xFB ngh\xF3a Vie\xE4t Nam. \xD1o\xE4c la\xE4p - T\xF6\xEF do - Ha\xEFnh phu\xF9c. Nguye\xE3n Th\xF2 A\xD9nh";

    /// The sentence in Windows-1258: the letters the code page has (ô, ê, â, ư, Đ, ú, Á), the
    /// others as a letter and a combining tone mark (0xCC grave, 0xDE tilde, 0xD2 hook, 0xF2 dot
    /// below).
    const CP1258: &[u8] = b"C\xF4\xF2ng ho\xCCa xa\xDE h\xF4\xF2i chu\xD2 nghi\xDEa Vi\xEA\xF2t Nam. \xD0\xF4\xF2c l\xE2\xF2p - T\xFD\xF2 do - Ha\xF2nh ph\xFAc. Nguy\xEA\xDEn Thi\xF2 \xC1nh";

    #[test]
    fn each_encoding_is_recognised_and_converted_to_nfc() {
        for (bytes, legacy) in [
            (TCVN3, Legacy::Tcvn3),
            (VNI, Legacy::Vni),
            (CP1258, Legacy::Windows1258),
        ] {
            let (found, text) = detect(bytes).unwrap_or_else(|| panic!("{legacy:?} not found"));
            assert_eq!((found, text.as_str()), (legacy, SENTENCE));
            assert!(unicode_normalization::is_nfc(&text));
        }
    }

    #[test]
    fn tcvn3_capital_fonts_give_lowercase_letters_in_capital_words() {
        // “NGUYỄN” typed with a .VnTimeH capital font: the ễ is the lowercase byte
        let (legacy, text) = detect(b"\xA7\xE9c l\xCBp, NGUY\xD4N, Vi\xD6t Nam").unwrap();
        assert_eq!(
            (legacy, text.as_str()),
            (Legacy::Tcvn3, "Độc lập, NGUYễN, Việt Nam")
        );
    }

    #[test]
    fn what_no_encoding_makes_vietnamese_is_left_alone() {
        // UTF-8 cut in the middle of “ễ”, among whole letters
        assert_eq!(detect("Nguyễn Văn An\n".as_bytes()[..8].as_ref()), None);
        assert_eq!(detect(b"Tr\xE1\xBA\xA7n Nguy\xE1\xBB"), None);
        // binary noise
        assert_eq!(
            detect(&[0x89, 0x50, 0x4E, 0x47, 0xFF, 0xD8, 0x9D, 0x8F]),
            None
        );
        // Latin-1 French is not Vietnamese
        assert_eq!(detect(b"Fran\xE7ois \xE0 No\xEBl"), None);
    }
}
