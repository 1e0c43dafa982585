//! The texts of a round's file: its title, steps, public lists and contests.

use super::{Collect, Form, Published, Scope};
use crate::model::election::{ContestEntry, Round, RoundFile, Step, Steps};
use crate::model::posted_list::{ListIssue, PostedLists};

pub(super) fn round<'a>(round: &'a Round, out: &mut Vec<Published<'a>>) {
    let Round {
        id,
        file,
        data,
        candidates: _,
        results: _,
        contests: _,
        status: _,
    } = round;
    let RoundFile {
        tieu_de,
        tieu_de_en,
        don_vi,
        chuc_danh: _,
        nhiem_ky: _,
        ngay_bau_cu: _,
        trang_thai: _,
        quyet_dinh_hoan,
        ly_do,
        quy_tac,
        gioi_thieu,
        gioi_thieu_en,
        ly_do_en,
        cac_buoc,
        danh_sach_niem_yet,
        cuoc_bau,
    } = data;
    let mut c = Collect {
        file,
        scope: Scope::Official,
        out,
    };
    c.add("", id, Form::FileName);
    c.optional("tieu_de", tieu_de);
    c.optional("tieu_de_en", tieu_de_en);
    c.plain("don_vi", don_vi);
    c.decision(quyet_dinh_hoan);
    c.optional("ly_do", ly_do);
    c.optional("quy_tac", quy_tac);
    c.markdown("gioi_thieu", gioi_thieu);
    c.markdown("gioi_thieu_en", gioi_thieu_en);
    c.optional("ly_do_en", ly_do_en);
    let Steps {
        quyet_dinh,
        to_bau_cu,
        niem_yet,
    } = cac_buoc;
    for step in [quyet_dinh, to_bau_cu, niem_yet].into_iter().flatten() {
        let Step {
            ngay: _,
            van_ban,
            ghi_chu,
        } = step;
        c.optional("van_ban", van_ban);
        c.optional("ghi_chu", ghi_chu);
    }
    let PostedLists {
        ung_cu_vien,
        trung_cu,
    } = danh_sach_niem_yet;
    for list in [ung_cu_vien, trung_cu].into_iter().flatten() {
        let ListIssue {
            so,
            co_quan_chu_quan,
            dia_danh,
            nguoi_ky,
            noi_nhan,
        } = list;
        c.optional("so", so);
        c.optional("co_quan_chu_quan", co_quan_chu_quan);
        c.optional("dia_danh", dia_danh);
        c.optional("nguoi_ky", nguoi_ky);
        noi_nhan.iter().for_each(|n| c.plain("noi_nhan", n));
    }
    for contest in cuoc_bau {
        let ContestEntry {
            khu_dan_cu,
            dia_diem,
            trang_thai: _,
            quyet_dinh,
            ly_do,
            ly_do_en,
        } = contest;
        c.plain("khu_dan_cu", khu_dan_cu);
        c.optional("dia_diem", dia_diem);
        c.decision(quyet_dinh);
        c.optional("ly_do", ly_do);
        c.optional("ly_do_en", ly_do_en);
    }
}
