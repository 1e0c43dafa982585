use super::*;
use crate::model::division::{CommuneFile, CommuneKind};

fn unit(id: &str, next: Option<&str>) -> Commune {
    Commune {
        id: id.into(),
        file: format!("don-vi/{id}.yaml").into(),
        data: CommuneFile {
            ten: id.into(),
            ten_en: None,
            cap: CommuneKind::Commune,
            tinh: "Tỉnh".into(),
            huyen: None,
            ma_hanh_chinh: None,
            hieu_luc_tu: None,
            hieu_luc_den: None,
            ke_thua: next.map(Into::into),
            truoc_day: vec![],
            ghi_chu: None,
            ghi_chu_en: None,
            khu_dan_cu: vec![],
        },
    }
}

fn site(units: Vec<Commune>) -> Site {
    Site {
        communes: units,
        ..Site::default()
    }
}

#[test]
fn circles_are_found_once_each_from_their_smallest_id() {
    let s = site(vec![
        unit("a", Some("b")),
        unit("b", Some("c")),
        unit("c", Some("b")),
        unit("d", Some("d")),
        unit("e", Some("f")),
        unit("f", None),
        unit("g", Some("khong-co")),
    ]);
    assert_eq!(circles(&s), vec![vec!["b", "c"], vec!["d"]]);
}

#[test]
fn a_start_is_derived_from_the_last_predecessor_to_end() {
    let mut a = unit("a", Some("c"));
    a.data.hieu_luc_den = Date::new(2025, 6, 29);
    let mut b = unit("b", Some("c"));
    b.data.hieu_luc_den = Date::new(2025, 6, 30);
    let s = site(vec![a, b, unit("c", None)]);
    let starts = starts(&s, &HashSet::new());
    let Some(Start::AfterPredecessor(day, p)) = starts.get("c") else {
        panic!("c should have a derived start: {starts:?}");
    };
    assert_eq!((*day, p.id.as_str()), (Date::new(2025, 7, 1).unwrap(), "b"));
    assert!(!starts.contains_key("a"));
}
