//! Each kind of content written with every text field holding its own key, so that each
//! published text is seen to come from the field it names.

use super::*;
use crate::load::{SourceFile, yaml};
use crate::model::election::Round;
use crate::model::result::ResultFile;
use std::path::PathBuf;

fn parse<T: serde::de::DeserializeOwned>(text: &str) -> T {
    let file = SourceFile {
        rel: "t.yaml".into(),
        abs: "t.yaml".into(),
        text: text.to_string(),
    };
    yaml::parse(&file, text, 1).unwrap_or_else(|d| panic!("{d:#?}"))
}

/// The field of each text, after checking that each YAML value is its own key.
fn fields(texts: &[Published]) -> Vec<&'static str> {
    for t in texts {
        if !t.field.is_empty() {
            assert_eq!(t.text, t.field, "{t:?}");
        }
    }
    texts.iter().map(|t| t.field).collect()
}

#[test]
fn the_configuration() {
    let data: SiteConfig = parse(
        "ten: ten\nten_en: ten_en\nco_quan: co_quan\nco_quan_en: co_quan_en\n\
         dia_chi: dia_chi\ndien_thoai: dien_thoai\nemail: email\n\
         so_dien_thoai_cong_khai: [\"0203 3825 123\"]\ndu_lieu_mau: true\n\
         gioi_thieu: gioi_thieu\ngioi_thieu_en: gioi_thieu_en\nngon_ngu: [vi, en]\n\
         duong_dan_goc: duong_dan_goc\ndia_chi_web: dia_chi_web\n\
         quy_tac_bau_cu:\n  - ma: ma\n    dua_tren: dua_tren\n    ten: ten\n    ty_le_tham_gia: 50\n\
         ngay_nghi_le: [01/01/2025]\n",
    );
    let mut texts = Vec::new();
    config(&data, &mut texts);
    assert_eq!(
        fields(&texts),
        [
            "ten",
            "ten_en",
            "co_quan",
            "co_quan_en",
            "dia_chi",
            "dien_thoai",
            "email",
            "gioi_thieu",
            "gioi_thieu_en",
            "duong_dan_goc",
            "dia_chi_web",
            "ma",
            "dua_tren",
            "ten",
        ]
    );
    assert!(texts.iter().all(|t| t.file == Path::new(CONFIG_FILE)));
    assert_eq!(texts[7].form, Form::Markdown);
}

#[test]
fn a_commune_and_its_villages() {
    let c = Commune {
        id: "id".into(),
        file: "don-vi/id.yaml".into(),
        data: parse(
            "ten: ten\nten_en: ten_en\ncap: phuong\ntinh: tinh\nhuyen: huyen\n\
             ma_hanh_chinh: ma_hanh_chinh\nhieu_luc_tu: 01/7/2025\nke_thua: ke_thua\n\
             truoc_day:\n  - den_ngay: 30/6/2025\n    ten: ten\n    ten_en: ten_en\n    huyen: huyen\n    tinh: tinh\n\
             ghi_chu: ghi_chu\nghi_chu_en: ghi_chu_en\n\
             khu_dan_cu:\n  - ma: ma\n    ten: ten\n    ten_en: ten_en\n    loai: thon\n    ghi_chu: ghi_chu\n    ghi_chu_en: ghi_chu_en\n",
        ),
    };
    let mut texts = Vec::new();
    commune(&c, &mut texts);
    assert_eq!(
        fields(&texts),
        [
            "",
            "ten",
            "ten_en",
            "tinh",
            "huyen",
            "ma_hanh_chinh",
            "ke_thua",
            "ten",
            "ten_en",
            "huyen",
            "tinh",
            "ghi_chu",
            "ghi_chu_en",
            "ma",
            "ten",
            "ten_en",
            "ghi_chu",
            "ghi_chu_en",
        ]
    );
    assert_eq!((texts[0].text, texts[0].form), ("id", Form::FileName));
}

#[test]
fn a_round_and_its_results() {
    let decision = |key: &str| format!("{key}:\n  so: so\n  ngay: 01/6/2022\n  van_ban: van_ban\n");
    let round_yaml = format!(
        "tieu_de: tieu_de\ntieu_de_en: tieu_de_en\ndon_vi: don_vi\nchuc_danh: truong-thon\n\
         nhiem_ky: 2022-2025\nngay_bau_cu: 05/6/2022\ntrang_thai: hoan\n{}\
         ly_do: ly_do\nquy_tac: quy_tac\ngioi_thieu: gioi_thieu\ngioi_thieu_en: gioi_thieu_en\n\
         ly_do_en: ly_do_en\ncac_buoc:\n  niem_yet:\n    ngay: 01/5/2022\n    van_ban: van_ban\n    ghi_chu: ghi_chu\n\
         danh_sach_niem_yet:\n  trung_cu:\n    so: so\n    co_quan_chu_quan: co_quan_chu_quan\n    \
         dia_danh: dia_danh\n    nguoi_ky: nguoi_ky\n    noi_nhan: [noi_nhan, noi_nhan]\n\
         cuoc_bau:\n  - khu_dan_cu\n  - khu_dan_cu: khu_dan_cu\n    dia_diem: dia_diem\n    trang_thai: hoan\n    \
         quyet_dinh:\n      so: so\n    ly_do: ly_do\n    ly_do_en: ly_do_en\n",
        decision("quyet_dinh_hoan")
    );
    let round = Round {
        id: "id".into(),
        file: "bau-cu/id/dot-bau-cu.yaml".into(),
        data: parse(&round_yaml),
        candidates: Vec::new(),
        results: None,
        contests: Vec::new(),
        status: crate::model::election::RoundStatus::Postponed,
    };
    let mut texts = Vec::new();
    super::round(&round, &mut texts);
    assert_eq!(
        fields(&texts),
        [
            "",
            "tieu_de",
            "tieu_de_en",
            "don_vi",
            "so",
            "van_ban",
            "ly_do",
            "quy_tac",
            "gioi_thieu",
            "gioi_thieu_en",
            "ly_do_en",
            "van_ban",
            "ghi_chu",
            "so",
            "co_quan_chu_quan",
            "dia_danh",
            "nguoi_ky",
            "noi_nhan",
            "noi_nhan",
            "khu_dan_cu",
            "khu_dan_cu",
            "dia_diem",
            "so",
            "ly_do",
            "ly_do_en",
        ]
    );
    let sheet = ResultSheet {
        file: PathBuf::from("bau-cu/id/ket-qua.yaml"),
        contests: parse::<ResultFile>(&format!(
            "khu_dan_cu:\n  tong_cu_tri: 9\n  cu_tri_tham_gia: 9\n  phieu_phat_ra: 9\n  phieu_thu_vao: 9\n  \
             phieu_hop_le: 9\n  phieu_khong_hop_le: 0\n  so_phieu:\n    so_phieu: 9\n  \
             bien_ban:\n    ngay: 05/6/2022\n    nguoi_ky:\n      - ho_ten: ho_ten\n        chuc_vu: chuc_vu\n  \
             trang_thai: bau-lai\n  {}dot_bau_lai: dot_bau_lai\n  lam_thoi:\n    ho_ten: ho_ten\n    \
             tu_ngay: 06/6/2022\n    den_ngay: 06/12/2022\n    quyet_dinh:\n      so: so\n  \
             ly_do: ly_do\n  ly_do_en: ly_do_en\n",
            decision("quyet_dinh").replace('\n', "\n  ")
        ))
        .0,
    };
    let mut texts = Vec::new();
    results(&sheet, &mut texts);
    assert_eq!(
        fields(&texts),
        [
            "khu_dan_cu",
            "so_phieu",
            "ho_ten",
            "chuc_vu",
            "so",
            "van_ban",
            "dot_bau_lai",
            "ho_ten",
            "so",
            "ly_do",
            "ly_do_en",
        ]
    );
}

#[test]
fn a_candidate_and_its_translation() {
    let cand = Candidate {
        slug: "slug".into(),
        file: "bau-cu/id/ung-cu-vien/slug.md".into(),
        body_line: 19,
        data: parse(
            "ho_ten: ho_ten\nkhu_dan_cu: khu_dan_cu\nnam_sinh: 1968\ngioi_tinh: nam\n\
             dan_toc: dan_toc\nton_giao: ton_giao\nhoc_van: hoc_van\ntrinh_do_chuyen_mon: khong\n\
             chuyen_nganh: chuyen_nganh\nly_luan_chinh_tri: khong\nnghe_nghiep: nghe_nghiep\n\
             dang_vien: false\ntai_cu: false\nanh: anh\nthu_tu: 1\nrieng_tu:\n  cccd: '001085012345'\n",
        ),
        bio: "bio".into(),
        photo: None,
        translations: vec![Translation {
            language: crate::model::language::Language::En,
            file: "bau-cu/id/ung-cu-vien/slug.en.md".into(),
            body_line: 7,
            data: parse(
                "nghe_nghiep: nghe_nghiep\nchuyen_nganh: chuyen_nganh\nton_giao: ton_giao\ndan_toc: dan_toc\n",
            ),
            body: "body".into(),
        }],
    };
    let mut texts = Vec::new();
    candidate(&cand, &mut texts);
    assert_eq!(
        fields(&texts),
        [
            "",
            "ho_ten",
            "khu_dan_cu",
            "dan_toc",
            "ton_giao",
            "hoc_van",
            "chuyen_nganh",
            "nghe_nghiep",
            "anh",
            "",
            "nghe_nghiep",
            "chuyen_nganh",
            "ton_giao",
            "dan_toc",
            "",
        ]
    );
    assert!(
        texts
            .iter()
            .all(|t| t.scope == Scope::Candidate { birth_year: 1968 })
    );
    assert_eq!((texts[9].text, texts[9].form), ("bio", Form::Body(19)));
    assert_eq!((texts[14].text, texts[14].form), ("body", Form::Body(7)));
    assert!(texts[14].file.ends_with("slug.en.md"));
}

#[test]
fn a_document_and_its_translation() {
    let doc = Document {
        slug: "slug".into(),
        file: "van-ban/slug.md".into(),
        body_line: 30,
        data: parse(
            "loai: cong-van\ntieu_de: tieu_de\nso_hieu: so_hieu\nngay: 01/3/2022\nco_quan: co_quan\n\
             tham_quyen_ky: tham_quyen_ky\nchuc_vu_ky: chuc_vu_ky\nnguoi_ky: nguoi_ky\ntac_gia: tac_gia\n\
             can_cu:\n  - can_cu\n  - ten: can_cu\n    van_ban: van_ban\nnoi_nhan: [noi_nhan]\n\
             dinh_kem:\n  - tep: tep\n    ten: ten\nbau_cu: bau_cu\ndon_vi: don_vi\n\
             nguon:\n  ten: ten\n  url: url\n  ngay_dang: 02/3/2022\n",
        ),
        body: "body".into(),
        attachments: Vec::new(),
        translations: vec![Translation {
            language: crate::model::language::Language::En,
            file: "van-ban/slug.en.md".into(),
            body_line: 9,
            data: parse(
                "tieu_de: tieu_de\nco_quan: co_quan\ntham_quyen_ky: tham_quyen_ky\nchuc_vu_ky: chuc_vu_ky\n\
                 can_cu: [can_cu]\nnoi_nhan: [noi_nhan]\nnguoi_dich: nguoi_dich\n",
            ),
            body: "body".into(),
        }],
    };
    let mut texts = Vec::new();
    document(&doc, &mut texts);
    assert_eq!(
        fields(&texts),
        [
            "",
            "tieu_de",
            "so_hieu",
            "co_quan",
            "tham_quyen_ky",
            "chuc_vu_ky",
            "nguoi_ky",
            "tac_gia",
            "can_cu",
            "can_cu",
            "van_ban",
            "noi_nhan",
            "tep",
            "ten",
            "bau_cu",
            "don_vi",
            "ten",
            "url",
            "",
            "tieu_de",
            "co_quan",
            "tham_quyen_ky",
            "chuc_vu_ky",
            "can_cu",
            "noi_nhan",
            "nguoi_dich",
            "",
        ]
    );
    assert!(texts.iter().all(|t| t.scope == Scope::Official));
}

#[test]
fn a_page_and_its_translation() {
    let p = Page {
        slug: "slug".into(),
        file: "trang/slug.md".into(),
        body_line: 4,
        data: parse("tieu_de: tieu_de\nthu_tu: 1\n"),
        body: "body".into(),
        translations: vec![Translation {
            language: crate::model::language::Language::En,
            file: "trang/slug.en.md".into(),
            body_line: 4,
            data: parse("tieu_de: tieu_de\n"),
            body: "body".into(),
        }],
    };
    let mut texts = Vec::new();
    page(&p, &mut texts);
    assert_eq!(fields(&texts), ["", "tieu_de", "", "tieu_de", ""]);
}
