//! The form of the site's configuration (`cau-hinh.yaml`): the portal's and the authority's
//! names, the office's contacts and the public numbers pages may show, whether the data is a
//! sample, the web address, the data licence, the languages, the extra days off and days worked
//! for legal deadlines, and the home page's introduction. The province's own election rules
//! (`quy_tac_bau_cu`, a list of maps) stay in the file as written there.

use super::evaluation::Evaluation;
use super::fields::{self, Context, Field, Kind, Layout, field};
use super::labels::Labels;
use super::{CONFIG_PATH, Form, Typed};
use crate::diagnostics::Bilingual;
use crate::load::{CONFIG_FILE, yaml_on_disk};
use crate::render::urls;
use std::path::{Path, PathBuf};

const LAYOUT: &Layout = &Layout {
    fields: FIELDS,
    body: None,
};

const FIELDS: &[Field] = &[
    field("ten", "Tên cổng", "Name of the portal", Kind::Text, true),
    field(
        "ten_en",
        "Tên cổng bằng tiếng Anh",
        "The portal's name in English",
        Kind::Text,
        false,
    ),
    field(
        "co_quan",
        "Cơ quan chủ quản",
        "Issuing authority",
        Kind::Text,
        true,
    ),
    field(
        "co_quan_en",
        "Tên cơ quan bằng tiếng Anh",
        "The authority in English",
        Kind::Text,
        false,
    ),
    field(
        "dia_chi",
        "Địa chỉ cơ quan",
        "Office address",
        Kind::Text,
        false,
    ),
    field(
        "dien_thoai",
        "Điện thoại cơ quan (không ghi số riêng của ai)",
        "Office phone (nobody's own number)",
        Kind::Text,
        false,
    ),
    field(
        "email",
        "Thư điện tử của cơ quan",
        "Office e-mail",
        Kind::Text,
        false,
    ),
    field(
        "so_dien_thoai_cong_khai",
        "Số điện thoại công khai khác được đăng (đường dây nóng…), mỗi dòng một số",
        "Other official numbers pages may show (a hotline…), one per line",
        Kind::Lines,
        false,
    ),
    field(
        "du_lieu_mau",
        "Dữ liệu mẫu: mọi trang ghi “Dữ liệu mẫu” (chọn Không khi đăng dữ liệu thật)",
        "Sample data: every page says “Sample data” (choose No when publishing real data)",
        Kind::YesNo,
        true,
    ),
    field(
        "dia_chi_web",
        "Địa chỉ web đầy đủ của cổng, ví dụ https://xamoi.gov.vn/bau-cu/",
        "The site's full web address, e.g. https://xamoi.gov.vn/bau-cu/",
        Kind::Text,
        false,
    ),
    field(
        "duong_dan_goc",
        "Đường dẫn của cổng trên máy chủ, ví dụ /bau-cu/ (để trống thì lấy từ địa chỉ web)",
        "The site's path on the server, e.g. /bau-cu/ (blank: taken from the web address)",
        Kind::Text,
        false,
    ),
    field(
        "giay_phep.ten",
        "Giấy phép dữ liệu mở: tên ngắn (ví dụ CC-BY-4.0)",
        "Open data licence: short name (e.g. CC-BY-4.0)",
        Kind::Text,
        false,
    ),
    field(
        "giay_phep.url",
        "Giấy phép dữ liệu mở: địa chỉ",
        "Open data licence: address",
        Kind::Text,
        false,
    ),
    field(
        "ngon_ngu",
        "Ngôn ngữ, mỗi dòng một mã, ngôn ngữ mặc định trước: vi, thêm en để có bản tiếng Anh",
        "Languages, one code per line, the default first: vi, and en for an English version",
        Kind::Lines,
        true,
    ),
    field(
        "ngay_nghi_le",
        "Ngày nghỉ thêm do Chính phủ, tỉnh công bố, mỗi dòng một ngày (ví dụ 02/5/2025)",
        "Further days off the government or province announced, one per line (e.g. 02/5/2025)",
        Kind::Lines,
        false,
    ),
    field(
        "ngay_lam_viec",
        "Ngày vẫn làm việc dù lịch coi là ngày nghỉ, mỗi dòng một ngày",
        "Days worked although the calendar has them off, one per line",
        Kind::Lines,
        false,
    ),
    field(
        "gioi_thieu",
        "Giới thiệu trên trang chủ (Markdown)",
        "About, on the home page (Markdown)",
        Kind::Paragraphs,
        false,
    ),
    field(
        "gioi_thieu_en",
        "Giới thiệu bằng tiếng Anh",
        "The introduction in English",
        Kind::Paragraphs,
        false,
    ),
];

/// The form of the site's configuration.
pub struct ConfigForm {
    /// Its file ([`ConfigForm::file_of`]).
    pub file: PathBuf,
    pub labels: Option<Labels>,
}

impl ConfigForm {
    /// The configuration's file, relative to the content folder: `cau-hinh.yaml`, or
    /// `cau-hinh.yml` when only that one is there.
    pub fn file_of(content: &Path) -> PathBuf {
        yaml_on_disk(content, Path::new(CONFIG_FILE)).unwrap_or_else(|| PathBuf::from(CONFIG_FILE))
    }
}

impl Form for ConfigForm {
    fn title(&self) -> Bilingual {
        Bilingual::new("Thông tin cổng", "The site")
    }

    fn address(&self) -> String {
        CONFIG_PATH.to_string()
    }

    fn home(&self) -> String {
        format!("/{}", urls::HOME)
    }

    fn existing_file(&self) -> Option<PathBuf> {
        Some(self.file.clone())
    }

    fn takes(&self, name: &str) -> bool {
        fields::takes(LAYOUT, name)
    }

    fn opened(&self, content: &Path) -> (Typed, Evaluation) {
        fields::opened(LAYOUT, content, self.existing_file(), |typed| {
            self.evaluate(content, typed)
        })
    }

    fn evaluate(&self, content: &Path, typed: &Typed) -> Evaluation {
        let base = fields::base(content, self.existing_file(), "", || {
            Err(Bilingual::new(
                "Chưa có tệp cau-hinh.yaml: tạo trang bằng niemyet new site.",
                "There is no cau-hinh.yaml: make the site with niemyet new site.",
            ))
        });
        fields::evaluate(LAYOUT, content, base, typed)
    }

    fn fields(&self, typed: &Typed, evaluation: &Evaluation) -> String {
        let context = Context {
            labels: self.labels.as_ref(),
            listed: &|_: &str| Vec::new(),
        };
        fields::render(LAYOUT, &context, typed, &evaluation.problems)
    }
}
