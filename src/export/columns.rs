//! What each CSV column means (ý nghĩa các cột): titles in Vietnamese and English and the
//! datatype, for the CSVW metadata beside every CSV. One table keyed by the column's name, since
//! the CSV files share most columns (`dot_bau_cu`, `khu_dan_cu`, `tong_cu_tri`…) and a name means
//! the same in every file.

/// A CSVW datatype (XML Schema names, as CSVW uses them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Datatype {
    /// Codes and ids stay text: `06685` keeps its leading zero, `12/12` is not a date.
    String,
    Integer,
    /// Percentages rounded to two decimals, `.` as the decimal mark.
    Decimal,
    /// ISO `2022-06-05`.
    Date,
    /// `true` or `false`.
    Boolean,
}

impl Datatype {
    pub fn name(self) -> &'static str {
        match self {
            Self::String => "string",
            Self::Integer => "integer",
            Self::Decimal => "decimal",
            Self::Date => "date",
            Self::Boolean => "boolean",
        }
    }
}

/// A column's titles and datatype.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub vi: &'static str,
    pub en: &'static str,
    pub datatype: Datatype,
}

/// The meaning of the column named `name`; `None` for a name no CSV writes.
pub fn column(name: &str) -> Option<Column> {
    use Datatype::*;
    let (vi, en, datatype) = match name {
        "du_lieu_mau" => ("Dữ liệu mẫu", "Sample data", Boolean),
        "dot_bau_cu" => ("Đợt bầu cử", "Election round", String),
        "don_vi" => ("Mã đơn vị (xã, phường)", "Commune id", String),
        "ten_don_vi" => ("Tên đơn vị", "Commune name", String),
        "khu_dan_cu" => ("Mã khu dân cư", "Neighbourhood id", String),
        "ten_khu_dan_cu" => ("Tên khu dân cư", "Neighbourhood name", String),
        "ocd_id" => ("Mã OCD", "OCD id", String),
        "chuc_danh" => ("Chức danh", "Office", String),
        "nhiem_ky" => ("Nhiệm kỳ", "Term", String),
        "ngay_bau_cu" => ("Ngày bầu cử", "Election day", Date),
        "quy_tac" => ("Quy tắc áp dụng", "Rules applied", String),
        "trang_thai" => ("Trạng thái (mã)", "Status (key)", String),
        "trang_thai_nhan" => ("Trạng thái", "Status", String),
        "ly_do" => ("Lý do", "Reason (Vietnamese)", String),
        "ly_do_en" => ("Lý do (tiếng Anh)", "Reason", String),
        "quyet_dinh_so" => ("Số quyết định", "Decision number", String),
        "quyet_dinh_ngay" => ("Ngày quyết định", "Decision date", Date),
        "ngay_bau_lai" => ("Ngày bầu lại", "Repeat election day", Date),
        "dot_bau_lai" => ("Đợt bầu lại", "Repeat election round", String),
        "bau_lai_cua_dot" => ("Bầu lại của đợt", "Repeats the round", String),
        "hinh_thuc" => ("Hình thức bầu", "Voting method", String),
        "tong_cu_tri" => (
            "Tổng số cử tri đại diện hộ",
            "Household representatives",
            Integer,
        ),
        "cu_tri_tham_gia" => ("Số cử tri tham gia", "Voters taking part", Integer),
        "ty_le_tham_gia" => ("Tỷ lệ tham gia (%)", "Turnout (%)", Decimal),
        "phieu_phat_ra" => ("Số phiếu phát ra", "Ballots issued", Integer),
        "phieu_thu_vao" => ("Số phiếu thu vào", "Ballots collected", Integer),
        "phieu_hop_le" => ("Số phiếu hợp lệ", "Valid ballots", Integer),
        "phieu_khong_hop_le" => ("Số phiếu không hợp lệ", "Invalid ballots", Integer),
        "ty_le_khong_hop_le" => (
            "Tỷ lệ phiếu không hợp lệ (%)",
            "Invalid ballots (%)",
            Decimal,
        ),
        "phieu_khong_bau_ai" => (
            "Số phiếu hợp lệ không bầu cho ứng cử viên nào",
            "Valid ballots for no candidate",
            Integer,
        ),
        "ngay_bien_ban" => ("Ngày biên bản kiểm phiếu", "Vote-count record date", Date),
        "ket_qua" => ("Kết quả (mã)", "Outcome (key)", String),
        "ket_qua_nhan" => ("Kết quả", "Outcome", String),
        "nguoi_trung_cu" => ("Mã người trúng cử", "Elected person's id", String),
        "ten_nguoi_trung_cu" => ("Người trúng cử", "Elected person", String),
        "ung_cu_vien" => ("Mã ứng cử viên", "Candidate id", String),
        "ho_ten" => ("Họ và tên", "Full name", String),
        "so_phieu" => ("Số phiếu bầu", "Votes", Integer),
        "ty_le_tong_cu_tri" => (
            "Tỷ lệ trên tổng số cử tri (%)",
            "Share of all voters (%)",
            Decimal,
        ),
        "ty_le_phieu_hop_le" => (
            "Tỷ lệ trên phiếu hợp lệ (%)",
            "Share of valid ballots (%)",
            Decimal,
        ),
        "trung_cu" => ("Trúng cử", "Elected", Boolean),
        "nam_sinh" => ("Năm sinh", "Year of birth", Integer),
        "gioi_tinh" => ("Giới tính", "Sex", String),
        "dan_toc" => ("Dân tộc", "Ethnic group", String),
        "ton_giao" => ("Tôn giáo", "Religion", String),
        "hoc_van" => ("Trình độ giáo dục phổ thông", "General education", String),
        "trinh_do_chuyen_mon" => ("Trình độ chuyên môn", "Professional qualification", String),
        "chuyen_nganh" => ("Chuyên ngành", "Field of study", String),
        "ly_luan_chinh_tri" => ("Lý luận chính trị", "Political theory training", String),
        "nghe_nghiep" => ("Nghề nghiệp", "Occupation", String),
        "dang_vien" => ("Đảng viên", "Party member", Boolean),
        "tai_cu" => ("Tái cử", "Standing again", Boolean),
        "pham_vi" => ("Phạm vi", "Scope", String),
        "ma" => ("Mã", "Id", String),
        "ten" => ("Tên", "Name", String),
        "ten_en" => ("Tên tiếng Anh", "English name", String),
        "so_dot_bau_cu" => ("Số đợt bầu cử", "Election rounds", Integer),
        "so_cuoc_bau" => ("Số cuộc bầu", "Contests", Integer),
        "da_co_ket_qua" => ("Đã có kết quả", "Counted", Integer),
        "sap_dien_ra" => ("Sắp diễn ra", "Scheduled", Integer),
        "hoan" => ("Hoãn", "Postponed", Integer),
        "khong_to_chuc" => ("Không tổ chức", "Not held", Integer),
        "dang_kiem_phieu" => ("Đang kiểm phiếu", "Counting", Integer),
        "co_nguoi_trung_cu" => ("Có người trúng cử", "Someone elected", Integer),
        "khong_co_nguoi_trung_cu" => ("Không có người trúng cử", "No one elected", Integer),
        "bau_lai" => ("Bầu lại", "Repeat vote ordered", Integer),
        "trung_cu_tai_cu" => ("Trúng cử, tái cử", "Elected, standing again", Integer),
        "trung_cu_moi" => ("Trúng cử lần đầu", "Elected, new", Integer),
        "trung_cu_nu" => ("Trúng cử là nữ", "Elected women", Integer),
        "trung_cu_dan_toc_thieu_so" => (
            "Trúng cử là người dân tộc thiểu số",
            "Elected, ethnic minority",
            Integer,
        ),
        "don_vi_cha" => ("Đơn vị cấp trên", "Parent unit", String),
        "cap" => ("Cấp", "Level", String),
        "ma_hanh_chinh" => ("Mã đơn vị hành chính", "Administrative unit code", String),
        "huyen" => ("Huyện", "District", String),
        "tinh" => ("Tỉnh", "Province", String),
        "hieu_luc_tu" => ("Hiệu lực từ", "Valid from", Date),
        "hieu_luc_den" => ("Hiệu lực đến", "Valid until", Date),
        "ke_thua" => ("Kế thừa từ", "Succeeds", String),
        _ => return None,
    };
    Some(Column { vi, en, datatype })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_column_of_every_csv_is_described() {
        for columns in [
            super::super::results::COLUMNS,
            super::super::lists::CANDIDATE_COLUMNS,
            super::super::lists::ELECTED_COLUMNS,
            super::super::totals::COLUMNS,
            super::super::divisions::COLUMNS,
            &[super::super::csv::SAMPLE_COLUMN],
        ] {
            for name in columns {
                assert!(column(name).is_some(), "{name} has no title");
            }
        }
    }

    #[test]
    fn codes_stay_text() {
        for name in ["ma_hanh_chinh", "hoc_van", "don_vi", "khu_dan_cu", "ma"] {
            assert_eq!(
                column(name).map(|c| c.datatype),
                Some(Datatype::String),
                "{name}"
            );
        }
        assert_eq!(
            column("ngay_bau_cu").map(|c| c.datatype),
            Some(Datatype::Date)
        );
    }
}
