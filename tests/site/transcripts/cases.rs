//! The mistakes: what ward staff actually type, one case each, in the order of the expected file.

use super::Base::{Example, Fixture};
use super::Case;
use super::Edit::{self, Line, New, Remove, Replace, Write};
use crate::harness::{AN, BINH, CUONG, LETTER, PLAN, RESULTS, ROUND_FILE};

/// The round made by `niemyet new election tn-2025`.
const NEW_ROUND: &str = "bau-cu/tn-2025/dot-bau-cu.yaml";
/// The candidate made by `niemyet new candidate tn-2022 "Phạm Thị Dung"`.
const DUNG: &str = "bau-cu/tn-2022/ung-cu-vien/pham-thi-dung.md";
/// The document made by `niemyet new document "Thông báo lịch bầu cử"`.
const NOTICE: &str = "van-ban/thong-bao-lich-bau-cu.md";

/// The fixture's candidate An written without the `---` lines around the front matter.
const AN_WITHOUT_FRONT_MATTER: &str = "\
ho_ten: Nguyễn Văn An
khu_dan_cu: khu-1
nam_sinh: 1975
gioi_tinh: nam
dan_toc: Kinh
trinh_do_chuyen_mon: dai-hoc
ly_luan_chinh_tri: trung-cap
nghe_nghiep: Cán bộ hưu trí
dang_vien: true
tai_cu: true

Ông An làm trưởng khu phố Một từ năm 2019.
";

fn case(name: &'static str, mistake: &'static str, edits: Vec<Edit>) -> Case {
    Case {
        name,
        mistake,
        base: Fixture,
        edits,
    }
}

/// `tong_cu_tri` of the first contest typed as `value`.
fn total(name: &'static str, value: &'static str, mistake: &'static str) -> Case {
    case(
        name,
        mistake,
        vec![Line(RESULTS, "tong_cu_tri: 2802", value)],
    )
}

/// The date of the letter, 10/3/2022, typed as `value`.
fn letter_date(name: &'static str, value: &'static str, mistake: &'static str) -> Case {
    case(name, mistake, vec![Line(LETTER, "ngay: 10/3/2022", value)])
}

/// `niemyet new candidate tn-2022 "Phạm Thị Dung"`, every required field filled, the gender
/// line written as `gender`.
fn new_candidate(gender: &'static str) -> Vec<Edit> {
    vec![
        New(&["candidate", "tn-2022", "Phạm Thị Dung"]),
        Line(DUNG, "khu_dan_cu:", "khu_dan_cu: khu-2"),
        Line(DUNG, "nam_sinh:", "nam_sinh: 1972"),
        Line(DUNG, "gioi_tinh:", gender),
        Line(DUNG, "dan_toc:", "dan_toc: Kinh"),
        Line(DUNG, "trinh_do_chuyen_mon:", "trinh_do_chuyen_mon: dai-hoc"),
        Line(DUNG, "ly_luan_chinh_tri:", "ly_luan_chinh_tri: so-cap"),
        Line(DUNG, "nghe_nghiep:", "nghe_nghiep: Giáo viên"),
        Line(DUNG, "dang_vien:", "dang_vien: false"),
        Line(DUNG, "tai_cu:", "tai_cu: false"),
    ]
}

pub fn all() -> Vec<Case> {
    vec![
        // ── candidates
        case(
            "candidate-three-blank-fields",
            "A candidate's village, birth year and gender left blank, to be filled in later.",
            vec![
                Line(AN, "khu_dan_cu: khu-1", "khu_dan_cu:"),
                Line(AN, "nam_sinh: 1975", "nam_sinh:"),
                Line(AN, "gioi_tinh: nam", "gioi_tinh:"),
            ],
        ),
        case(
            "candidate-words-and-a-phone",
            "Gender written `Nam`, re-election written `có`, and the candidate's phone number added.",
            vec![
                Line(AN, "gioi_tinh: nam", "gioi_tinh: Nam"),
                Line(AN, "tai_cu: true", "tai_cu: có"),
                Line(
                    AN,
                    "nghe_nghiep: Cán bộ hưu trí",
                    "nghe_nghiep: Cán bộ hưu trí\nso_dien_thoai: 0912 345 678",
                ),
            ],
        ),
        case(
            "candidate-missing-colon-before-a-comment",
            "In a candidate made by `niemyet new`, the colon after `gioi_tinh` forgotten; a comment line follows.",
            new_candidate("gioi_tinh nu"),
        ),
        case(
            "candidate-new-file-left-as-made",
            "`niemyet new candidate` run, then nothing filled in: blank fields and the sample bio left.",
            vec![New(&["candidate", "tn-2022", "Phạm Thị Dung"])],
        ),
        case(
            "candidate-party-member-co",
            "Party membership written `Có` (yes) instead of `true`.",
            vec![Line(AN, "dang_vien: true", "dang_vien: Có")],
        ),
        case(
            "candidate-birth-date-for-year",
            "The full birth date written where the birth year goes.",
            vec![Line(CUONG, "nam_sinh: 1968", "nam_sinh: 05/6/1968")],
        ),
        case(
            "candidate-two-digit-birth-year",
            "The birth year written with two digits.",
            vec![Line(AN, "nam_sinh: 1975", "nam_sinh: 75")],
        ),
        case(
            "candidate-qualification-in-words",
            "The qualification written as on the CV, `Đại học`, instead of its code `dai-hoc`.",
            vec![Line(
                AN,
                "trinh_do_chuyen_mon: dai-hoc",
                "trinh_do_chuyen_mon: Đại học",
            )],
        ),
        case(
            "candidate-gender-with-accent",
            "Gender written `nữ`, with its accent, instead of `nu`.",
            vec![Line(BINH, "gioi_tinh: nu", "gioi_tinh: nữ")],
        ),
        case(
            "candidate-misspelled-field",
            "`nam_sinh` typed with Vietnamese accents: `năm_sinh`.",
            vec![Line(AN, "nam_sinh: 1975", "năm_sinh: 1975")],
        ),
        case(
            "candidate-field-name-with-a-space",
            "`ho_ten` typed with a space, `ho ten`.",
            vec![Line(AN, "ho_ten: Nguyễn Văn An", "ho ten: Nguyễn Văn An")],
        ),
        case(
            "candidate-duplicated-key",
            "A corrected birth year added further down, the old line left in place.",
            vec![Line(AN, "tai_cu: true", "tai_cu: true\nnam_sinh: 1957")],
        ),
        case(
            "candidate-village-name-for-id",
            "The village's name `Khu phố Một` written instead of its id `khu-1`.",
            vec![Line(AN, "khu_dan_cu: khu-1", "khu_dan_cu: Khu phố Một")],
        ),
        Case {
            name: "candidate-village-name-for-id-example-site",
            mistake: "On the example site, the village's name `Khu phố 4` written instead of its id `khu-pho-4`.",
            base: Example,
            edits: vec![Line(
                "bau-cu/hong-gai-2022/ung-cu-vien/le-van-hai.md",
                "khu_dan_cu: khu-pho-4",
                "khu_dan_cu: Khu phố 4",
            )],
        },
        case(
            "candidate-village-not-in-the-round",
            "A village id that the ward has no contest for (`khu-3`).",
            vec![Line(AN, "khu_dan_cu: khu-1", "khu_dan_cu: khu-3")],
        ),
        case(
            "candidate-unclosed-quote",
            "An opening quote with no closing one.",
            vec![Line(
                AN,
                "nghe_nghiep: Cán bộ hưu trí",
                "nghe_nghiep: \"Cán bộ hưu trí",
            )],
        ),
        case(
            "candidate-without-front-matter",
            "A candidate file without the `---` lines around its fields.",
            vec![Write(AN, AN_WITHOUT_FRONT_MATTER)],
        ),
        case(
            "candidate-photo-missing",
            "The photo named `.png` while the file is `.jpg`.",
            vec![Line(
                AN,
                "anh: anh/nguyen-van-an.jpg",
                "anh: anh/nguyen-van-an.png",
            )],
        ),
        case(
            "candidate-phone-in-bio",
            "A phone number written in the candidate's bio.",
            vec![Line(
                CUONG,
                "Ông Cường kinh doanh vật liệu xây dựng.",
                "Ông Cường kinh doanh vật liệu xây dựng. Điện thoại: 0912 345 678.",
            )],
        ),
        // ── rounds
        case(
            "round-new-election-term-blank",
            "`niemyet new election` run and some fields filled; the term `nhiem_ky` left blank.",
            vec![
                New(&["election", "tn-2025"]),
                Line(NEW_ROUND, "don_vi:", "don_vi: thu-nghiem"),
                Line(NEW_ROUND, "chuc_danh:", "chuc_danh: truong-khu-pho"),
                Line(NEW_ROUND, "ngay_bau_cu:", "ngay_bau_cu: 01/6/2025"),
                Line(NEW_ROUND, "- khu_dan_cu:", "- khu_dan_cu: khu-1"),
            ],
        ),
        case(
            "round-new-election-left-as-made",
            "`niemyet new election` run, then nothing filled in.",
            vec![New(&["election", "tn-2025"])],
        ),
        case(
            "round-misspelled-field",
            "`nhiem_ky` misspelled `nhiem_ki`.",
            vec![Line(
                ROUND_FILE,
                "nhiem_ky: 2022-2025",
                "nhiem_ki: 2022-2025",
            )],
        ),
        case(
            "round-term-with-spaces",
            "The term written with spaces around the dash (accepted today).",
            vec![Line(
                ROUND_FILE,
                "nhiem_ky: 2022-2025",
                "nhiem_ky: 2022 - 2025",
            )],
        ),
        case(
            "round-village-name-for-id",
            "A contest listed by the village's name `Khu phố Hai` instead of its id `khu-2`.",
            vec![Line(ROUND_FILE, "- khu-2", "- Khu phố Hai")],
        ),
        // ── results
        case(
            "results-missing-colon-before-a-comment",
            "In the results, the colon after `tong_cu_tri` forgotten; a comment line follows.",
            vec![Line(
                RESULTS,
                "tong_cu_tri: 250",
                "tong_cu_tri 250\n# theo danh sách cử tri ngày 01/6/2022",
            )],
        ),
        case(
            "results-tab-indent",
            "A Tab typed to indent one line of the results.",
            vec![Replace(
                RESULTS,
                "  cu_tri_tham_gia: 159",
                "\tcu_tri_tham_gia: 159",
            )],
        ),
        case(
            "results-indent-off-by-one",
            "One candidate's line indented by three spaces instead of four.",
            vec![Replace(
                RESULTS,
                "    nguyen-van-an: 1234",
                "   nguyen-van-an: 1234",
            )],
        ),
        total(
            "results-number-with-dot",
            "tong_cu_tri: 5.069",
            "Thousands separated by a dot, as Vietnamese write them.",
        ),
        total(
            "results-number-with-comma",
            "tong_cu_tri: 5,069",
            "Thousands separated by a comma.",
        ),
        total(
            "results-number-with-space",
            "tong_cu_tri: 1 234",
            "Thousands separated by a space.",
        ),
        total(
            "results-number-as-percent",
            "tong_cu_tri: 87%",
            "A percentage typed where a count goes.",
        ),
        total(
            "results-number-with-unit",
            "tong_cu_tri: 361 hộ",
            "The unit typed after the number (`hộ`, households).",
        ),
        total(
            "results-number-with-leading-zero",
            "tong_cu_tri: 0361",
            "A leading zero.",
        ),
        total(
            "results-number-negative",
            "tong_cu_tri: -5",
            "A negative count.",
        ),
        case(
            "results-numbers-typed-many-ways",
            "Six figures of one file typed in six wrong ways.",
            vec![
                Line(RESULTS, "tong_cu_tri: 2802", "tong_cu_tri: 2.802"),
                Line(RESULTS, "cu_tri_tham_gia: 2500", "cu_tri_tham_gia: 2,500"),
                Line(RESULTS, "phieu_phat_ra: 2500", "phieu_phat_ra: 2 500"),
                Line(RESULTS, "tong_cu_tri: 250", "tong_cu_tri: 250 hộ"),
                Line(RESULTS, "cu_tri_tham_gia: 159", "cu_tri_tham_gia: 0159"),
                Line(RESULTS, "phieu_phat_ra: 160", "phieu_phat_ra: 160 phiếu"),
            ],
        ),
        case(
            "results-percentage-typed",
            "A share of invalid ballots typed into the results (percentages are computed).",
            vec![Line(
                RESULTS,
                "phieu_khong_hop_le: 20",
                "phieu_khong_hop_le: 20\nty_le_khong_hop_le: 0.2",
            )],
        ),
        case(
            "results-do-not-add-up",
            "Valid plus invalid ballots differ from the ballots collected.",
            vec![Line(RESULTS, "phieu_hop_le: 157", "phieu_hop_le: 158")],
        ),
        case(
            "results-votes-exceed-valid-ballots",
            "A candidate's votes typed with an extra zero, more than the valid ballots.",
            vec![Line(RESULTS, "le-van-cuong: 150", "le-van-cuong: 1500")],
        ),
        case(
            "results-unknown-candidate",
            "A results row naming `nguyen-van-anh`, a misspelling of the candidate file `nguyen-van-an`.",
            vec![Line(RESULTS, "nguyen-van-an: 1234", "nguyen-van-anh: 1234")],
        ),
        case(
            "results-candidate-file-broken",
            "The results name `le-van-cuong`, whose own file has an error (gender `chưa rõ`).",
            vec![Line(CUONG, "gioi_tinh: nam", "gioi_tinh: chưa rõ")],
        ),
        case(
            "results-empty-file",
            "An empty results file, saved before the count.",
            vec![Write(RESULTS, "")],
        ),
        case(
            "results-removed-for-an-official-round",
            "The results file removed while the round says the results are official.",
            vec![Remove(RESULTS)],
        ),
        // ── documents
        case(
            "document-list-as-sentence",
            "The recipients, a list, written as one sentence.",
            vec![
                Line(
                    LETTER,
                    "noi_nhan:",
                    "noi_nhan: Các chi bộ khu phố, Lưu Văn phòng",
                ),
                Line(LETTER, "- Các chi bộ khu phố", ""),
                Line(LETTER, "- Lưu Văn phòng", ""),
            ],
        ),
        case(
            "document-colon-in-title",
            "A title holding `: ` and not quoted.",
            vec![Line(
                PLAN,
                "tieu_de: Kế hoạch tổ chức bầu cử trưởng khu phố",
                "tieu_de: Kế hoạch: tổ chức bầu cử trưởng khu phố",
            )],
        ),
        case(
            "document-without-title",
            "A document without its title `tieu_de`.",
            vec![Line(
                PLAN,
                "tieu_de: Kế hoạch tổ chức bầu cử trưởng khu phố",
                "",
            )],
        ),
        letter_date(
            "document-date-iso",
            "ngay: 2022-03-10",
            "The date written year first, as a spreadsheet exports it (accepted today).",
        ),
        letter_date(
            "document-date-two-digit-year",
            "ngay: 10/3/22",
            "The date written with a two-digit year.",
        ),
        letter_date(
            "document-date-impossible",
            "ngay: 31/4/2022",
            "A date that does not exist (April has 30 days).",
        ),
        letter_date(
            "document-date-with-dashes",
            "ngay: 10-3-2022",
            "The date written with dashes (accepted today).",
        ),
        case(
            "document-placeholder-left",
            "`niemyet new document` run, the fields filled, the sample text of the body left.",
            vec![
                New(&["document", "Thông báo lịch bầu cử"]),
                Line(NOTICE, "loai:", "loai: thong-bao"),
                Line(NOTICE, "ngay:", "ngay: 20/5/2022"),
                Line(NOTICE, "co_quan:", "co_quan: UBND phường Thử Nghiệm"),
            ],
        ),
    ]
}
