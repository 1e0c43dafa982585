//! Byte tables of the legacy Vietnamese encodings, high half (0x80–0xFF) only: the low half is
//! ASCII in all of them.
//!
//! Sources, checked entry by entry:
//! - TCVN 5712:1993 (“TCVN3”, the ABC fonts such as .VnTime): the standard's VN1 table as the GNU
//!   C Library publishes it (`iconvdata/tcvn5712-1.c`, charmap TCVN5712-1). The ABC fonts (VN3)
//!   use its lowercase and base-letter positions; the others hold the capitals that VN3 types
//!   with its separate capital fonts, and five combining tone marks (0xB0–0xB4).
//! - Windows-1252 and Windows-1258: Microsoft's tables as published by Unicode
//!   (`MAPPINGS/VENDORS/MICSFT/WINDOWS/CP1252.TXT`, `CP1258.TXT`). Windows-1258 writes some
//!   toned letters as a letter plus a combining tone mark (0xCC, 0xD2, 0xDE, 0xEC, 0xF2), which
//!   NFC then composes.
//! - VNI Windows (see `vni.rs`) is Windows-1252 bytes read with VNI's composition rules.

/// An unassigned byte: read as U+FFFD, which detection counts against the encoding.
pub const UNASSIGNED: char = '\u{FFFD}';

/// TCVN 5712:1993, bytes 0x80–0xFF.
pub const TCVN3_HIGH: [char; 128] = [
    '\u{00C0}', '\u{1EA2}', '\u{00C3}', '\u{00C1}', '\u{1EA0}', '\u{1EB6}', '\u{1EAC}',
    '\u{00C8}', // 0x80
    '\u{1EBA}', '\u{1EBC}', '\u{00C9}', '\u{1EB8}', '\u{1EC6}', '\u{00CC}', '\u{1EC8}',
    '\u{0128}', // 0x88
    '\u{00CD}', '\u{1ECA}', '\u{00D2}', '\u{1ECE}', '\u{00D5}', '\u{00D3}', '\u{1ECC}',
    '\u{1ED8}', // 0x90
    '\u{1EDC}', '\u{1EDE}', '\u{1EE0}', '\u{1EDA}', '\u{1EE2}', '\u{00D9}', '\u{1EE6}',
    '\u{0168}', // 0x98
    '\u{00A0}', '\u{0102}', '\u{00C2}', '\u{00CA}', '\u{00D4}', '\u{01A0}', '\u{01AF}',
    '\u{0110}', // 0xA0
    '\u{0103}', '\u{00E2}', '\u{00EA}', '\u{00F4}', '\u{01A1}', '\u{01B0}', '\u{0111}',
    '\u{1EB0}', // 0xA8
    '\u{0300}', '\u{0309}', '\u{0303}', '\u{0301}', '\u{0323}', '\u{00E0}', '\u{1EA3}',
    '\u{00E3}', // 0xB0
    '\u{00E1}', '\u{1EA1}', '\u{1EB2}', '\u{1EB1}', '\u{1EB3}', '\u{1EB5}', '\u{1EAF}',
    '\u{1EB4}', // 0xB8
    '\u{1EAE}', '\u{1EA6}', '\u{1EA8}', '\u{1EAA}', '\u{1EA4}', '\u{1EC0}', '\u{1EB7}',
    '\u{1EA7}', // 0xC0
    '\u{1EA9}', '\u{1EAB}', '\u{1EA5}', '\u{1EAD}', '\u{00E8}', '\u{1EC2}', '\u{1EBB}',
    '\u{1EBD}', // 0xC8
    '\u{00E9}', '\u{1EB9}', '\u{1EC1}', '\u{1EC3}', '\u{1EC5}', '\u{1EBF}', '\u{1EC7}',
    '\u{00EC}', // 0xD0
    '\u{1EC9}', '\u{1EC4}', '\u{1EBE}', '\u{1ED2}', '\u{0129}', '\u{00ED}', '\u{1ECB}',
    '\u{00F2}', // 0xD8
    '\u{1ED4}', '\u{1ECF}', '\u{00F5}', '\u{00F3}', '\u{1ECD}', '\u{1ED3}', '\u{1ED5}',
    '\u{1ED7}', // 0xE0
    '\u{1ED1}', '\u{1ED9}', '\u{1EDD}', '\u{1EDF}', '\u{1EE1}', '\u{1EDB}', '\u{1EE3}',
    '\u{00F9}', // 0xE8
    '\u{1ED6}', '\u{1EE7}', '\u{0169}', '\u{00FA}', '\u{1EE5}', '\u{1EEB}', '\u{1EED}',
    '\u{1EEF}', // 0xF0
    '\u{1EE9}', '\u{1EF1}', '\u{1EF3}', '\u{1EF7}', '\u{1EF9}', '\u{00FD}', '\u{1EF5}',
    '\u{1ED0}', // 0xF8
];

/// TCVN 5712:1993 (VN1) puts twelve capitals in the control range; other low bytes are ASCII.
pub const TCVN3_LOW: [(u8, char); 12] = [
    (0x01, '\u{00DA}'),
    (0x02, '\u{1EE4}'),
    (0x04, '\u{1EEA}'),
    (0x05, '\u{1EEC}'),
    (0x06, '\u{1EEE}'),
    (0x11, '\u{1EE8}'),
    (0x12, '\u{1EF0}'),
    (0x13, '\u{1EF2}'),
    (0x14, '\u{1EF6}'),
    (0x15, '\u{1EF8}'),
    (0x16, '\u{00DD}'),
    (0x17, '\u{1EF4}'),
];

/// Windows-1252, bytes 0x80–0x9F (0xA0–0xFF are Latin-1, U+00A0–U+00FF).
pub const CP1252_C1: [char; 32] = [
    '\u{20AC}', '\u{FFFD}', '\u{201A}', '\u{0192}', '\u{201E}', '\u{2026}', '\u{2020}',
    '\u{2021}', // 0x80
    '\u{02C6}', '\u{2030}', '\u{0160}', '\u{2039}', '\u{0152}', '\u{FFFD}', '\u{017D}',
    '\u{FFFD}', // 0x88
    '\u{FFFD}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}',
    '\u{2014}', // 0x90
    '\u{02DC}', '\u{2122}', '\u{0161}', '\u{203A}', '\u{0153}', '\u{FFFD}', '\u{017E}',
    '\u{0178}', // 0x98
];

/// Where Windows-1258 differs from Windows-1252 in 0x80–0xFF.
pub const CP1258_CHANGES: [(u8, char); 18] = [
    (0x8A, UNASSIGNED),
    (0x8E, UNASSIGNED),
    (0x9A, UNASSIGNED),
    (0x9E, UNASSIGNED),
    (0xC3, '\u{0102}'), // Ă
    (0xCC, '\u{0300}'), // combining grave (huyền)
    (0xD0, '\u{0110}'), // Đ
    (0xD2, '\u{0309}'), // combining hook above (hỏi)
    (0xD5, '\u{01A0}'), // Ơ
    (0xDD, '\u{01AF}'), // Ư
    (0xDE, '\u{0303}'), // combining tilde (ngã)
    (0xE3, '\u{0103}'), // ă
    (0xEC, '\u{0301}'), // combining acute (sắc)
    (0xF0, '\u{0111}'), // đ
    (0xF2, '\u{0323}'), // combining dot below (nặng)
    (0xF5, '\u{01A1}'), // ơ
    (0xFD, '\u{01B0}'), // ư
    (0xFE, '\u{20AB}'), // ₫
];

/// The Windows-1252 character of a byte.
pub fn cp1252(b: u8) -> char {
    match b {
        0x80..=0x9F => CP1252_C1[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

/// The Windows-1258 character of a byte.
pub fn cp1258(b: u8) -> char {
    CP1258_CHANGES
        .iter()
        .find(|(byte, _)| *byte == b)
        .map_or_else(|| cp1252(b), |(_, c)| *c)
}

/// The TCVN 5712:1993 character of a byte.
pub fn tcvn3(b: u8) -> char {
    if b >= 0x80 {
        return TCVN3_HIGH[usize::from(b - 0x80)];
    }
    TCVN3_LOW
        .iter()
        .find(|(byte, _)| *byte == b)
        .map_or(char::from(b), |(_, c)| *c)
}
