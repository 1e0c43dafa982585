//! Models built from YAML text, for unit tests of the rules that read them.

use super::election::{Round, RoundFile};
use super::result::{ContestCount, ResultFile, ResultSheet};
use super::rules::{LAW_2022, RuleSet, builtin};
use crate::load::{SourceFile, yaml};
use std::path::PathBuf;

fn parse<T: serde::de::DeserializeOwned>(name: &str, text: &str) -> T {
    let file = SourceFile {
        rel: PathBuf::from(name),
        abs: PathBuf::from(name),
        text: text.to_string(),
    };
    match yaml::parse(&file, text, 1) {
        Ok(value) => value,
        Err(d) => panic!("{d:#?}"),
    }
}

/// A round from the text of its `dot-bau-cu.yaml` and, when given, `ket-qua.yaml`.
pub fn round(round_yaml: &str, results_yaml: Option<&str>) -> Round {
    let data: RoundFile = parse("dot-bau-cu.yaml", round_yaml);
    let round = Round {
        id: "dot".into(),
        file: PathBuf::from("bau-cu/dot/dot-bau-cu.yaml"),
        status: data.trang_thai,
        data,
        candidates: Vec::new(),
        results: results_yaml.map(|text| ResultSheet {
            file: PathBuf::from("bau-cu/dot/ket-qua.yaml"),
            contests: parse::<ResultFile>("ket-qua.yaml", text).0,
        }),
        contests: Vec::new(),
    };
    // resolved as a site resolves its rounds, by the rules in force on its day
    let mut site = super::Site {
        rules: builtin(),
        rounds: vec![round],
        ..super::Site::default()
    };
    super::contest::resolve_site(&mut site);
    site.rounds.remove(0)
}

/// A vote count in which everyone who took part cast a ballot: `valid` of them valid, and
/// `votes` per candidate slug.
pub fn count(eligible: u32, took_part: u32, valid: u32, votes: &[(&str, u32)]) -> ContestCount {
    ContestCount {
        hinh_thuc: None,
        tong_cu_tri: eligible,
        cu_tri_tham_gia: took_part,
        phieu_phat_ra: took_part,
        phieu_thu_vao: took_part,
        phieu_hop_le: valid,
        phieu_khong_hop_le: took_part - valid,
        so_phieu: votes.iter().map(|(s, n)| (s.to_string(), *n)).collect(),
        bien_ban: None,
        trang_thai: Default::default(),
        quyet_dinh: None,
        ngay_bau_lai: None,
        dot_bau_lai: None,
        lam_thoi: None,
        ly_do: None,
        ly_do_en: None,
    }
}

/// The rules of Law 10/2022/QH15.
pub fn law() -> RuleSet {
    builtin()
        .into_iter()
        .find(|r| r.id == LAW_2022)
        .expect("the built-in rules include the 2022 law")
}
