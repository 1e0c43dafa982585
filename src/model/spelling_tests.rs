use super::*;
use crate::import::columns::Cell;
use crate::model::candidate::{Gender, PoliticalTheory, Qualification};
use crate::model::division::{CommuneKind, VillageKind};
use crate::model::document::DocumentKind;
use crate::model::election::{ContestHold, Office, RoundStatus};
use crate::model::result::{ResultStatus, VotingMethod};
use crate::model::rules::Base;
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::collections::BTreeMap;
use std::fmt::Debug;

/// Runs `check` on every table.
macro_rules! each_table {
    ($check:ident) => {
        $check::<Gender>();
        $check::<Qualification>();
        $check::<PoliticalTheory>();
        $check::<VotingMethod>();
        $check::<ResultStatus>();
        $check::<CommuneKind>();
        $check::<VillageKind>();
        $check::<Office>();
        $check::<RoundStatus>();
        $check::<ContestHold>();
        $check::<DocumentKind>();
        $check::<Base>();
    };
}

fn yaml<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    // quoted, as staff may write it, so that YAML reads every spelling as text
    serde_yaml::from_str(&format!("\"{text}\"")).map_err(|e| e.to_string())
}

fn sheet<T: Spelled>(text: &str) -> Result<&'static str, String> {
    let cell = Cell {
        text,
        line: 2,
        column: "C".into(),
        header: "Cột".into(),
    };
    cell.choice::<T>().map_err(|e| e.text.en)
}

/// Every spelling of a row, the key first.
fn spellings<T: Spelled>(row: &Spelling<T>) -> Vec<&'static str> {
    std::iter::once(row.key)
        .chain(row.also.iter().copied())
        .collect()
}

fn accepts_every_spelling_and_writes_its_key<T>()
where
    T: Spelled + DeserializeOwned + Serialize + Debug,
{
    for row in T::TABLE.iter().filter(|r| r.typed) {
        for spelling in spellings(row) {
            for typed in [spelling.to_string(), spelling.to_uppercase()] {
                assert_eq!(yaml::<T>(&typed), Ok(row.value), "{typed}");
            }
        }
        let written = serde_yaml::to_string(&row.value).unwrap();
        assert_eq!(written.trim(), row.key);
        assert_eq!(yaml::<T>(written.trim()), Ok(row.value));
    }
}

#[test]
fn each_table_accepts_every_spelling_and_its_key_round_trips() {
    each_table!(accepts_every_spelling_and_writes_its_key);
}

fn import_and_yaml_agree<T>()
where
    T: Spelled + DeserializeOwned + Debug,
{
    for row in T::TABLE.iter().filter(|r| r.typed) {
        for spelling in spellings(row) {
            let from_yaml = yaml::<T>(spelling).map(T::key);
            assert_eq!(from_yaml, sheet::<T>(spelling), "{spelling}");
            assert_eq!(from_yaml, Ok(row.key), "{spelling}");
        }
    }
    for wrong in ["không biết", "zzz", "12"] {
        assert!(
            yaml::<T>(wrong).is_err() && sheet::<T>(wrong).is_err(),
            "{wrong}"
        );
    }
}

#[test]
fn the_import_and_yaml_accept_the_same_spellings() {
    each_table!(import_and_yaml_agree);
}

fn no_spelling_means_two_values<T: Spelled + Debug>() {
    let mut seen: BTreeMap<String, T> = BTreeMap::new();
    for row in T::TABLE {
        for spelling in spellings(row) {
            if let Some(other) = seen.insert(fold(spelling), row.value) {
                assert_eq!(other, row.value, "“{spelling}” spells two values");
            }
        }
    }
    assert!(T::TABLE.iter().any(|r| r.typed));
}

#[test]
fn no_spelling_is_ambiguous() {
    each_table!(no_spelling_means_two_values);
}

#[test]
fn an_unknown_spelling_names_the_closest_key_or_lists_them() {
    let e = yaml::<CommuneKind>("phuongg").unwrap_err();
    assert!(e.starts_with("“phuongg” không phải"), "{e}");
    assert!(e.contains("Write `phuong`"), "{e}");
    let e = yaml::<Qualification>("Đại hocc").unwrap_err();
    assert!(e.contains("`dai-hoc`"), "{e}");
    let e = yaml::<Gender>("ông").unwrap_err();
    assert!(e.contains("Write one of: nam, nu"), "{e}");
}

#[test]
fn a_blank_value_is_refused_with_the_keys() {
    for blank in ["~", "\"\"", "\"  \""] {
        let e = serde_yaml::from_str::<Gender>(blank)
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("Giá trị còn trống") && e.contains("nam, nu"),
            "{e}"
        );
    }
}

#[test]
fn a_derived_value_is_written_but_never_read() {
    assert_eq!(
        serde_yaml::to_string(&RoundStatus::Voided).unwrap().trim(),
        "bau-lai"
    );
    assert!(yaml::<RoundStatus>("bau-lai").is_err());
    assert!(!keys::<RoundStatus>().contains("bau-lai"));
}

#[test]
fn inside_a_collecting_parse_an_unknown_value_is_recorded() {
    use crate::load::refusal::{collecting, take};
    let (value, refused) = collecting(|| (yaml::<Office>("truong-thonn"), take()));
    assert_eq!(value, Ok(Office::VillageHead));
    let [r] = refused.as_slice() else {
        panic!("{refused:?}")
    };
    assert!(r.message.vi.contains("“truong-thonn”"), "{r:?}");
    assert!(
        r.fix
            .as_ref()
            .is_some_and(|f| f.vi.contains("`truong-thon`"))
    );
}

#[test]
fn yes_and_no_as_staff_write_them() {
    for yes in ["Có", "có", "CO", "x", "X", "yes", "1", "Đảng viên"] {
        assert_eq!(yes_no(yes), Some(true), "{yes}");
    }
    for no in ["Không", "KHÔNG", "khong", "no", "0"] {
        assert_eq!(yes_no(no), Some(false), "{no}");
    }
    for neither in ["", " ", "có lẽ", "2"] {
        assert_eq!(yes_no(neither), None, "{neither}");
    }
}

#[test]
fn every_label_key_is_in_the_default_strings() {
    for file in [
        include_str!("../../themes/default/i18n/vi.yaml"),
        include_str!("../../themes/default/i18n/en.yaml"),
    ] {
        let strings: BTreeMap<String, String> = serde_yaml::from_str(file).unwrap();
        for key in label_keys() {
            assert!(strings.contains_key(&key), "{key}");
        }
    }
}
