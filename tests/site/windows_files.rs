//! Files from Windows: content files and sheets saved as UTF-16 (“Unicode”) or in the legacy
//! Vietnamese encodings (TCVN3, VNI, Windows-1258) are read, converted to UTF-8 NFC, published
//! with the right letters, and named in a warning with their encoding; `check --to-utf8`
//! rewrites them.
//!
//! The byte strings are the fixture's own texts in each encoding, written from the published
//! charts: TCVN 5712:1993 (glibc's TCVN5712-1), Windows-1258 (Unicode's CP1258.TXT, toned
//! letters it lacks written as letter + combining tone), VNI Windows (VNI's chart).

use crate::harness::*;
use crate::scaffold::{ROUND, new_site_with_round, run};
use std::path::Path;

/// `trang/lien-he.md` of the fixture in TCVN3 (ABC).
const CONTACT_TCVN3: &[u8] = b"---\ntieu_de: Li\xAAn h\xD6\nthu_tu: 1\n---\nM\xE4i th\xBEc m\xBEc xin g\xF6i v\xD2 b\xE9 ph\xCBn m\xE9t c\xF6a c\xF1a ph\xAD\xEAng.\n";

/// The same in VNI Windows.
const CONTACT_VNI: &[u8] = b"---\ntieu_de: Lie\xE2n he\xE4\nthu_tu: 1\n---\nMo\xEFi tha\xE9c ma\xE9c xin g\xF6\xFBi ve\xE0 bo\xE4 pha\xE4n mo\xE4t c\xF6\xFBa cu\xFBa ph\xF6\xF4\xF8ng.\n";

/// The same in Windows-1258.
const CONTACT_CP1258: &[u8] = b"---\ntieu_de: Li\xEAn h\xEA\xF2\nthu_tu: 1\n---\nMo\xF2i th\xE3\xECc m\xE3\xECc xin g\xFD\xD2i v\xEA\xCC b\xF4\xF2 ph\xE2\xF2n m\xF4\xF2t c\xFD\xD2a cu\xD2a ph\xFD\xF5\xCCng.\n";

/// `le-van-cuong.md` of the fixture in TCVN3, with CRLF line ends as Notepad saves them.
const CUONG_TCVN3: &[u8] = b"---\r\nho_ten: L\xAA V\xA8n C\xAD\xEAng\r\nkhu_dan_cu: khu-2\r\nnam_sinh: 1968\r\ngioi_tinh: nam\r\ndan_toc: Kinh\r\ntrinh_do_chuyen_mon: trung-cap\r\nly_luan_chinh_tri: khong\r\nnghe_nghiep: Kinh doanh\r\ndang_vien: true\r\ntai_cu: false\r\n---\r\n\xA4ng C\xAD\xEAng kinh doanh v\xCBt li\xD6u x\xA9y d\xF9ng.\r\n";

const CONTACT_TEXT: &str = "Mọi thắc mắc xin gửi về bộ phận một cửa của phường.";

/// UTF-16 little-endian with its byte order mark, as Notepad saves “Unicode”.
fn utf16(text: &str) -> Vec<u8> {
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    bytes
}

fn contact_md(fx: &Fixture) -> String {
    fx.read(CONTACT)
}

#[test]
fn content_files_in_each_windows_encoding_are_published_with_a_warning() {
    let cases: [(&str, Vec<u8>); 4] = [
        ("TCVN3 (ABC)", CONTACT_TCVN3.to_vec()),
        ("VNI Windows", CONTACT_VNI.to_vec()),
        ("Windows-1258", CONTACT_CP1258.to_vec()),
        ("UTF-16 (Unicode)", Vec::new()),
    ];
    for (name, bytes) in cases {
        let fx = Fixture::new();
        let bytes = if bytes.is_empty() {
            utf16(&contact_md(&fx).replace('\n', "\r\n"))
        } else {
            bytes
        };
        fx.write(CONTACT, &bytes);
        let found = fx.check();
        assert!(!found.has_errors(), "{name}: {found:?}");
        let warning = found
            .iter()
            .find(|d| d.path == Path::new(CONTACT))
            .unwrap_or_else(|| panic!("{name}: no warning for {CONTACT}: {found:?}"));
        assert!(!warning.is_error());
        assert!(warning.message.vi.contains(name), "{name}: {warning}");
        assert!(
            warning
                .hint
                .as_ref()
                .unwrap()
                .vi
                .contains("niemyet check --to-utf8"),
            "{warning}"
        );
        fx.build_ok();
        let page = fx.text("lien-he/index.html");
        assert!(page.contains(CONTACT_TEXT), "{name}: {page}");
        assert!(page.contains("Liên hệ"), "{name}: {page}");
    }
}

#[test]
fn a_candidate_typed_in_tcvn3_keeps_its_name_and_bio() {
    let fx = Fixture::new();
    fx.write(CUONG, CUONG_TCVN3);
    fx.build_ok();
    let page = fx.text("bau-cu/tn-2022/khu-2/le-van-cuong/index.html");
    assert!(page.contains("Lê Văn Cường"), "{page}");
    assert!(
        page.contains("Ông Cường kinh doanh vật liệu xây dựng."),
        "{page}"
    );
}

#[test]
fn check_to_utf8_rewrites_converted_files_and_the_warning_goes() {
    let fx = Fixture::new();
    let original = contact_md(&fx);
    fx.write(CONTACT, CONTACT_VNI);
    fx.write(CUONG, CUONG_TCVN3);
    let out = run(&["check", "--to-utf8"], fx.root(), 0);
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains(&format!(
            "Đã ghi lại bằng UTF-8: {CONTACT} (trước ở bảng mã VNI Windows)"
        )),
        "{said}"
    );
    assert!(said.contains("TCVN3 (ABC)"), "{said}");
    assert_eq!(contact_md(&fx), original);
    assert!(fx.read(CUONG).starts_with("---\nho_ten: Lê Văn Cường\n"));
    let out = run(&["check"], fx.root(), 0);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.ends_with("0 lỗi, 0 cảnh báo\n"), "{err}");
}

#[test]
fn a_file_cut_in_the_middle_of_a_letter_is_still_refused_at_its_line() {
    let fx = Fixture::new();
    let mut bytes = contact_md(&fx).into_bytes();
    // “phường.” loses the last byte of “ờ”
    let at = bytes.windows(3).position(|w| w == "ờ".as_bytes()).unwrap();
    bytes.remove(at + 2);
    fx.write(CONTACT, &bytes);
    let found = fx.check();
    let e = found.iter().find(|d| d.path == Path::new(CONTACT)).unwrap();
    assert!(e.is_error() && e.line == Some(5), "{e}");
    assert!(e.message.en.contains("not UTF-8"), "{e}");
}

/// The candidates sheet, as a small table.
const SHEET: &str = "Họ và tên\tKhu dân cư\tNăm sinh\tGiới tính\tDân tộc\tTrình độ chuyên môn\tLý luận chính trị\tNghề nghiệp\tĐảng viên\tTái cử\r\n\
Nguyễn Văn An\tthon-1\t1968\tNam\tKinh\tĐại học\tTrung cấp\tCán bộ hưu trí\tCó\tCó\r\n";

/// The same sheet saved by Excel as “CSV” on Vietnamese Windows: Windows-1258, `,` between
/// cells.
const SHEET_CP1258: &[u8] = b"Ho\xF2 v\xE0 t\xEAn,Khu d\xE2n c\xFD,N\xE3m sinh,Gi\xF5\xECi t\xEDnh,D\xE2n t\xF4\xF2c,Tri\xCCnh \xF0\xF4\xF2 chuy\xEAn m\xF4n,Ly\xEC lu\xE2\xF2n ch\xEDnh tri\xF2,Ngh\xEA\xCC nghi\xEA\xF2p,\xD0a\xD2ng vi\xEAn,T\xE1i c\xFD\xD2\r\nNguy\xEA\xDEn V\xE3n An,thon-1,1968,Nam,Kinh,\xD0a\xF2i ho\xF2c,Trung c\xE2\xECp,C\xE1n b\xF4\xF2 h\xFDu tr\xED,C\xF3,C\xF3\r\n";

#[test]
fn sheets_saved_as_excel_csv_or_unicode_text_import_with_a_note() {
    for (kind, bytes) in [
        ("Windows-1258", SHEET_CP1258.to_vec()),
        ("UTF-16 (Unicode)", utf16(SHEET)),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let content = new_site_with_round(dir.path());
        let site = content.parent().unwrap();
        let sheet = dir.path().join("ung-cu-vien.csv");
        std::fs::write(&sheet, bytes).unwrap();
        let sheet = sheet.to_string_lossy().into_owned();
        let out = run(&["import", "candidates", &sheet, "--round", ROUND], site, 0);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains(&format!(
                "bảng mã {kind}; đã chuyển sang Unicode (UTF-8) khi nhập"
            )),
            "{kind}: {err}"
        );
        let an = std::fs::read_to_string(
            content
                .join("bau-cu")
                .join(ROUND)
                .join("ung-cu-vien/nguyen-van-an.md"),
        )
        .unwrap();
        assert!(an.contains("ho_ten: Nguyễn Văn An"), "{kind}: {an}");
        assert!(an.contains("nghe_nghiep: Cán bộ hưu trí"), "{kind}: {an}");
    }
}
