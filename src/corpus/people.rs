//! Candidates (ứng cử viên): names, the facts of the public list and a short bio in Vietnamese
//! and English. Nothing personal beyond what the list publishes: no day of birth, address,
//! phone or ID number, so the corpus passes the privacy checks like real content must.

use super::rng::Rng;
use super::units::{Region, Settlement, Village};
use super::{Writer, q};
use crate::fs::FsError;
use crate::model::text::name_slug;
use std::fmt::Write as _;

const FAMILY: [&str; 24] = [
    "Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê", "Lê", "Phạm",
    "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý",
];
const MIDDLE_MALE: [&str; 10] = [
    "Văn", "Văn", "Văn", "Hữu", "Đức", "Minh", "Quang", "Công", "Thanh", "Đình",
];
const MIDDLE_FEMALE: [&str; 8] = ["Thị", "Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Hồng"];
const GIVEN_MALE: [&str; 25] = [
    "An", "Bình", "Cường", "Dũng", "Đạt", "Hải", "Hiếu", "Hùng", "Huy", "Khánh", "Long", "Minh",
    "Nam", "Phong", "Phúc", "Quân", "Sơn", "Tâm", "Thắng", "Thành", "Toàn", "Trung", "Tuấn",
    "Việt", "Vinh",
];
const GIVEN_FEMALE: [&str; 25] = [
    "Anh", "Châu", "Dung", "Giang", "Hà", "Hạnh", "Hằng", "Hoa", "Hương", "Lan", "Liên", "Linh",
    "Loan", "Mai", "Nga", "Ngân", "Nhung", "Oanh", "Phương", "Quyên", "Thảo", "Thủy", "Trang",
    "Tuyết", "Yến",
];

/// An ethnic group (dân tộc) with its English name and how its members' names are made.
struct Group {
    vi: &'static str,
    en: &'static str,
    family: &'static [&'static str],
    middle_male: &'static [&'static str],
    middle_female: &'static [&'static str],
    given_male: &'static [&'static str],
    given_female: &'static [&'static str],
}

const KINH: Group = Group {
    vi: "Kinh",
    en: "Kinh",
    family: &FAMILY,
    middle_male: &MIDDLE_MALE,
    middle_female: &MIDDLE_FEMALE,
    given_male: &GIVEN_MALE,
    given_female: &GIVEN_FEMALE,
};
const TAY: Group = Group {
    vi: "Tày",
    en: "Tay",
    family: &["Hoàng", "Nông", "Lục", "Ma", "Lương", "Triệu", "Đàm", "Hà"],
    middle_male: &["Văn", "Văn", "Đức"],
    middle_female: &["Thị"],
    given_male: &GIVEN_MALE,
    given_female: &GIVEN_FEMALE,
};
const THAI: Group = Group {
    vi: "Thái",
    en: "Thai",
    family: &["Lò", "Quàng", "Lường", "Cầm", "Hà", "Vi"],
    middle_male: &["Văn"],
    middle_female: &["Thị"],
    given_male: &["Ơn", "Pảng", "Xuân", "Thanh", "Chiến", "Dũng"],
    given_female: &["Ngoan", "Xuân", "Thoa", "Hơn", "Lả"],
};
const MONG: Group = Group {
    vi: "Mông",
    en: "Hmong",
    family: &["Giàng", "Sùng", "Thào", "Vàng", "Lý", "Hầu"],
    middle_male: &["A", "Seo", "Mí"],
    middle_female: &["Thị"],
    given_male: &["Páo", "Chu", "Dế", "Sính", "Lử", "Súa", "Chơ"],
    given_female: &["Mỷ", "Dợ", "Súa", "Mai", "Pà"],
};
const EDE: Group = Group {
    vi: "Ê Đê",
    en: "Ede",
    family: &["Niê", "Mlô", "Êban", "Ayŭn", "Byă", "Adrơng"],
    middle_male: &["Y"],
    middle_female: &["H'"],
    given_male: &["Bhim", "Khu", "Nuê", "Jut", "Bion", "Thi"],
    given_female: &["Yam", "Hen", "Zuna", "Ngơn", "Blin"],
};
const KHMER: Group = Group {
    vi: "Khmer",
    en: "Khmer",
    family: &["Thạch", "Lâm", "Sơn", "Kim", "Danh", "Trần"],
    middle_male: &["Sô", "Văn", "Sóc"],
    middle_female: &["Thị"],
    given_male: &["Phol", "Kha", "Rê", "Sang", "Chanh", "Đa Ra"],
    given_female: &["Sa Rinh", "Sa Vân", "Chanh Thu", "Sô Phia", "Mỹ Lệ"],
};

/// Occupations (nghề nghiệp), Vietnamese and English.
const OCCUPATIONS: [(&str, &str); 10] = [
    ("Cán bộ hưu trí", "Retired civil servant"),
    ("Nông dân", "Farmer"),
    ("Kinh doanh", "Business"),
    ("Giáo viên", "Teacher"),
    ("Cựu chiến binh", "Veteran"),
    ("Công nhân", "Factory worker"),
    ("Bí thư chi bộ", "Party cell secretary"),
    ("Nhân viên y tế", "Health worker"),
    ("Lao động tự do", "Self-employed"),
    (
        "Trưởng ban công tác Mặt trận",
        "Head of the Fatherland Front work committee",
    ),
];

/// Fields of study (chuyên ngành) of those with a professional qualification.
const FIELDS: [(&str, &str); 9] = [
    ("Luật", "Law"),
    ("Kế toán", "Accounting"),
    ("Quản lý đất đai", "Land management"),
    ("Sư phạm", "Teacher training"),
    ("Nông học", "Agronomy"),
    ("Quản trị kinh doanh", "Business administration"),
    ("Xây dựng", "Construction"),
    ("Y sĩ", "Medical assistance"),
    ("Hành chính", "Public administration"),
];

/// Professional qualifications: the key, and the words of a bio.
const QUALIFICATIONS: [(&str, &str, &str); 6] = [
    ("khong", "", ""),
    ("so-cap", "sơ cấp", "an elementary qualification"),
    ("trung-cap", "trung cấp", "a vocational diploma"),
    ("cao-dang", "cao đẳng", "a college degree"),
    ("dai-hoc", "đại học", "a university degree"),
    ("thac-si", "thạc sĩ", "a master's degree"),
];

const THEORY: [(&str, &str, &str); 4] = [
    ("khong", "", ""),
    ("so-cap", "sơ cấp", "elementary"),
    ("trung-cap", "trung cấp", "intermediate"),
    ("cao-cap", "cao cấp", "advanced"),
];

/// What people did for their village: one or two go into each bio.
const DEEDS: [(&str, &str); 8] = [
    (
        "Nhiều năm tham gia tổ hòa giải ở cơ sở, được bà con tín nhiệm.",
        "has served for years on the grassroots mediation team and has the residents' trust.",
    ),
    (
        "Tích cực vận động bà con làm đường giao thông nông thôn và giữ gìn vệ sinh môi trường.",
        "has encouraged residents to build rural roads and to keep the neighbourhood clean.",
    ),
    (
        "Là hội viên tích cực của Hội Cựu chiến binh, tham gia giữ gìn an ninh trật tự.",
        "is an active member of the Veterans' Association and helps keep public order.",
    ),
    (
        "Từng làm chi hội trưởng Chi hội Phụ nữ, vận động nhiều hộ thoát nghèo.",
        "once chaired the local Women's Union branch and helped many households out of poverty.",
    ),
    (
        "Tham gia Ban Thanh tra nhân dân, theo dõi việc sử dụng các khoản đóng góp của nhân dân.",
        "sits on the People's Inspection Board and follows how residents' contributions are spent.",
    ),
    (
        "Gắn bó với phong trào văn hóa, thể thao của khu dân cư.",
        "takes part in the community's cultural and sports activities.",
    ),
    (
        "Cam kết công khai các khoản thu, chi và tổ chức họp dân đều đặn.",
        "promises to publish every receipt and expense and to hold regular residents' meetings.",
    ),
    (
        "Có kinh nghiệm tổ chức sản xuất, giúp nhiều hộ chuyển đổi cây trồng, vật nuôi.",
        "has experience in organising production and has helped many households change crops and livestock.",
    ),
];

/// One candidate, with what the results and documents need to know.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub slug: String,
    pub name: String,
    pub female: bool,
}

/// Where the candidates of one round stand: the commune's region and the round's year.
pub struct Ballot<'a> {
    pub round_dir: &'a str,
    pub region: Region,
    pub settlement: Settlement,
    pub year: i32,
    /// Slugs already taken in the round, so that namesakes get `-2`, `-3` as on import.
    pub taken: Vec<String>,
}

impl Ballot<'_> {
    /// Writes 1–3 candidates standing in `village` (the `.md` and its `.en.md`) and returns them
    /// in ballot order.
    pub fn stand(
        &mut self,
        village: &Village,
        rng: &mut Rng,
        out: &mut Writer,
    ) -> Result<Vec<Candidate>, FsError> {
        let n = match rng.below(10) {
            0..=2 => 1,
            3..=7 => 2,
            _ => 3,
        };
        let mut list = Vec::new();
        for order in 1..=n {
            list.push(self.one(village, order, rng, out)?);
        }
        Ok(list)
    }

    fn group(&self, rng: &mut Rng) -> &'static Group {
        let minority: &[&Group] = match self.region {
            Region::NorthMountains => &[&TAY, &TAY, &THAI, &MONG],
            Region::Highlands => &[&EDE],
            Region::Mekong => &[&KHMER],
            Region::South | Region::Plains => &[],
        };
        let share = match self.region {
            Region::NorthMountains => 0.6,
            Region::Highlands => 0.35,
            Region::Mekong => 0.15,
            Region::South | Region::Plains => 0.0,
        };
        if !minority.is_empty() && rng.chance(share) {
            rng.pick::<&'static Group>(minority)
        } else {
            &KINH
        }
    }

    fn one(
        &mut self,
        village: &Village,
        order: u32,
        rng: &mut Rng,
        out: &mut Writer,
    ) -> Result<Candidate, FsError> {
        let group = self.group(rng);
        let female = rng.chance(0.3);
        let (middle, given) = if female {
            (group.middle_female, group.given_female)
        } else {
            (group.middle_male, group.given_male)
        };
        let (family, middle, given) = (rng.pick(group.family), rng.pick(middle), rng.pick(given));
        let name = if middle.ends_with('\'') {
            format!("{middle}{given} {family}")
        } else if group.vi == "Ê Đê" {
            format!("{middle} {given} {family}")
        } else {
            format!("{family} {middle} {given}")
        };
        let base = name_slug(&name, "ung-cu-vien");
        let mut slug = base.clone();
        let mut n = 1;
        while self.taken.contains(&slug) {
            n += 1;
            slug = format!("{base}-{n}");
        }
        self.taken.push(slug.clone());

        let age = rng.range(28, 68);
        let born = self.year - i32::try_from(age).unwrap_or(40);
        let religion = match (group.vi, rng.below(20)) {
            ("Khmer", _) => ("Phật giáo Nam tông Khmer", "Theravada Buddhism"),
            (_, 0 | 1) => ("Phật giáo", "Buddhism"),
            (_, 2 | 3) => ("Công giáo", "Catholicism"),
            (_, 4) if self.region == Region::Highlands => ("Tin Lành", "Protestantism"),
            (_, 4) if self.region == Region::South => ("Cao Đài", "Caodaism"),
            _ => ("Không", "None"),
        };
        let schooling = if age > 55 && rng.chance(0.4) {
            "10/10"
        } else if rng.chance(0.15) {
            "9/12"
        } else {
            "12/12"
        };
        let qualification = *rng.pick(&QUALIFICATIONS);
        let field = (qualification.0 != "khong").then(|| *rng.pick(&FIELDS));
        let theory = *rng.pick(&THEORY);
        let occupation = *rng.pick(&OCCUPATIONS);
        let member = rng.chance(0.7);
        let again = rng.chance(0.3);
        let deeds: Vec<(&str, &str)> = (0..rng.range(1, 2)).map(|_| *rng.pick(&DEEDS)).collect();

        let mut md = String::from("---\n");
        let _ = writeln!(md, "ho_ten: {}", q(&name));
        let _ = writeln!(md, "khu_dan_cu: {}", village.id);
        let _ = writeln!(md, "nam_sinh: {born}");
        let _ = writeln!(md, "gioi_tinh: {}", if female { "nu" } else { "nam" });
        let _ = writeln!(md, "dan_toc: {}", q(group.vi));
        let _ = writeln!(md, "ton_giao: {}", q(religion.0));
        let _ = writeln!(md, "hoc_van: {}", q(schooling));
        let _ = writeln!(md, "trinh_do_chuyen_mon: {}", qualification.0);
        if let Some((vi, _)) = field {
            let _ = writeln!(md, "chuyen_nganh: {}", q(vi));
        }
        let _ = writeln!(md, "ly_luan_chinh_tri: {}", theory.0);
        let _ = writeln!(md, "nghe_nghiep: {}", q(occupation.0));
        let _ = writeln!(md, "dang_vien: {member}");
        let _ = writeln!(md, "tai_cu: {again}");
        let _ = writeln!(md, "thu_tu: {order}");
        md.push_str(
            "rieng_tu:\n  ghi_chu: \"Hồ sơ giấy lưu tại bộ phận một cửa (dữ liệu mẫu).\"\n---\n",
        );

        // the Vietnamese bio
        let p = if female { "Bà" } else { "Ông" };
        let s = &self.settlement;
        let _ = write!(md, "{p} {name} sinh năm {born}, dân tộc {}", group.vi);
        if religion.0 != "Không" {
            let _ = write!(md, ", theo {}", religion.0);
        }
        let _ = write!(md, ". {p} có trình độ giáo dục phổ thông {schooling}");
        if let (Some((field, _)), true) = (field, !qualification.1.is_empty()) {
            let _ = write!(md, ", trình độ {} chuyên ngành {field}", qualification.1);
        }
        if !theory.1.is_empty() {
            let _ = write!(md, ", lý luận chính trị {}", theory.1);
        }
        let _ = write!(md, ". Nghề nghiệp: {}.", occupation.0.to_lowercase());
        if member {
            let _ = write!(md, " {p} là đảng viên Đảng Cộng sản Việt Nam.");
        }
        if again {
            let _ = write!(
                md,
                " {p} là {} {} nhiệm kỳ trước, nay ứng cử lại.",
                s.office_vi.to_lowercase(),
                village.name
            );
        } else {
            let _ = write!(
                md,
                " {p} được Ban công tác Mặt trận {} giới thiệu ứng cử lần đầu.",
                village.name
            );
        }
        md.push_str("\n\n");
        md.push_str(&deeds.iter().map(|d| d.0).collect::<Vec<_>>().join(" "));
        md.push_str("\n\n<!-- Dữ liệu mẫu: người này không có thật. / Sample data: not a real person. -->\n");
        out.put(
            &format!("{}/ung-cu-vien/{slug}.md", self.round_dir),
            md.as_bytes(),
        )?;

        // the English translation
        let (title, he, his) = if female {
            ("Ms", "She", "her")
        } else {
            ("Mr", "He", "his")
        };
        let mut en = String::from("---\n");
        let _ = writeln!(en, "dan_toc: {}", q(group.en));
        let _ = writeln!(en, "ton_giao: {}", q(religion.1));
        if let Some((_, field)) = field {
            let _ = writeln!(en, "chuyen_nganh: {}", q(field));
        }
        let _ = writeln!(en, "nghe_nghiep: {}", q(occupation.1));
        en.push_str("---\n");
        let _ = write!(
            en,
            "{title} {name} was born in {born} and belongs to the {} ethnic group",
            group.en
        );
        if religion.0 != "Không" {
            let _ = write!(en, " ({})", religion.1);
        }
        let grade = schooling.split('/').collect::<Vec<_>>();
        let _ = write!(
            en,
            ". {he} completed grade {} of {} in general education",
            grade.first().unwrap_or(&"12"),
            grade.get(1).unwrap_or(&"12")
        );
        if let (Some((_, field)), true) = (field, !qualification.2.is_empty()) {
            let _ = write!(
                en,
                " and holds {} in {}",
                qualification.2,
                field.to_lowercase()
            );
        }
        if !theory.2.is_empty() {
            let _ = write!(en, ", with {} training in political theory", theory.2);
        }
        let _ = write!(en, ". Occupation: {}.", occupation.1.to_lowercase());
        if member {
            let _ = write!(en, " {he} is a member of the Communist Party of Vietnam.");
        }
        if again {
            let _ = write!(
                en,
                " {he} was the {} of {} in the last term and is standing again.",
                s.office_en, village.name_en
            );
        } else {
            let _ = write!(
                en,
                " {he} stands for the first time, nominated by the Fatherland Front committee of {}.",
                village.name_en
            );
        }
        en.push_str("\n\n");
        let deeds_en: Vec<String> = deeds
            .iter()
            .map(|d| format!("{title} {name} {}", d.1))
            .collect();
        en.push_str(&deeds_en.join(" "));
        let _ = writeln!(en, "\n\nThis is {his} sample bio: the person is not real.");
        out.put(
            &format!("{}/ung-cu-vien/{slug}.en.md", self.round_dir),
            en.as_bytes(),
        )?;
        Ok(Candidate { slug, name, female })
    }
}

/// The name of an official (a signer, a teller, an acting head): not a candidate, never given
/// a bio.
pub fn official_name(rng: &mut Rng) -> String {
    let female = rng.chance(0.4);
    let (middle, given) = if female {
        (&MIDDLE_FEMALE[..], &GIVEN_FEMALE[..])
    } else {
        (&MIDDLE_MALE[..], &GIVEN_MALE[..])
    };
    format!(
        "{} {} {}",
        rng.pick(&FAMILY),
        rng.pick(middle),
        rng.pick(given)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::candidate::CandidateFile;
    use crate::model::translation::CandidateTranslationFile;

    fn front(text: &str) -> &str {
        text.strip_prefix("---\n")
            .and_then(|t| t.split("\n---\n").next())
            .expect("front matter")
    }

    #[test]
    fn candidates_parse_as_the_model_reads_them_in_both_languages() {
        let dir = tempfile::tempdir().unwrap();
        let mut out = Writer::new(dir.path().to_path_buf());
        let village = Village {
            id: "thon-1".into(),
            name: "Thôn 1".into(),
            name_en: "Village 1".into(),
            households: 200,
        };
        for region in [
            Region::NorthMountains,
            Region::Highlands,
            Region::South,
            Region::Mekong,
            Region::Plains,
        ] {
            let mut ballot = Ballot {
                round_dir: "bau-cu/r",
                region,
                settlement: super::super::units::Settlement {
                    kind: "thon",
                    label: "Thôn",
                    label_en: "Village",
                    office: "truong-thon",
                    office_vi: "Trưởng thôn",
                    office_en: "village head",
                },
                year: 2025,
                taken: Vec::new(),
            };
            let mut rng = Rng::new(3);
            for _ in 0..40 {
                for c in ballot.stand(&village, &mut rng, &mut out).unwrap() {
                    let base = dir.path().join("bau-cu/r/ung-cu-vien");
                    let vi = std::fs::read_to_string(base.join(format!("{}.md", c.slug))).unwrap();
                    let file: CandidateFile = serde_yaml::from_str(front(&vi)).unwrap();
                    assert_eq!(file.ho_ten, c.name);
                    assert!((1957..=1997).contains(&file.nam_sinh));
                    assert!(vi.contains(&format!("sinh năm {}", file.nam_sinh)));
                    let en =
                        std::fs::read_to_string(base.join(format!("{}.en.md", c.slug))).unwrap();
                    let _: CandidateTranslationFile = serde_yaml::from_str(front(&en)).unwrap();
                    assert!(crate::model::text::is_slug(&c.slug), "{}", c.slug);
                }
            }
        }
    }

    #[test]
    fn namesakes_in_one_round_get_numbered_file_names() {
        let dir = tempfile::tempdir().unwrap();
        let mut out = Writer::new(dir.path().to_path_buf());
        let village = Village {
            id: "to-1".into(),
            name: "Tổ 1".into(),
            name_en: "Group 1".into(),
            households: 200,
        };
        let mut ballot = Ballot {
            round_dir: "bau-cu/r",
            region: Region::Plains,
            settlement: super::super::units::Settlement {
                kind: "thon",
                label: "Thôn",
                label_en: "Village",
                office: "truong-thon",
                office_vi: "Trưởng thôn",
                office_en: "village head",
            },
            year: 2022,
            taken: Vec::new(),
        };
        let mut rng = Rng::new(9);
        let mut slugs = Vec::new();
        for _ in 0..300 {
            slugs.extend(
                ballot
                    .stand(&village, &mut rng, &mut out)
                    .unwrap()
                    .into_iter()
                    .map(|c| c.slug),
            );
        }
        let unique: std::collections::BTreeSet<&String> = slugs.iter().collect();
        assert_eq!(unique.len(), slugs.len());
        assert!(
            slugs.iter().any(|s| s.ends_with("-2")),
            "some namesakes among 600"
        );
    }
}
