//! Models built from YAML text, for unit tests of the rules that read them.

use super::election::{Round, RoundFile};
use super::result::{ResultFile, ResultSheet};
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
        Err(d) => panic!("{d}"),
    }
}

/// A round from the text of its `dot-bau-cu.yaml` and, when given, `ket-qua.yaml`.
pub fn round(round_yaml: &str, results_yaml: Option<&str>) -> Round {
    let data: RoundFile = parse("dot-bau-cu.yaml", round_yaml);
    Round {
        id: "dot".into(),
        file: PathBuf::from("bau-cu/dot/dot-bau-cu.yaml"),
        data,
        candidates: Vec::new(),
        results: results_yaml.map(|text| ResultSheet {
            file: PathBuf::from("bau-cu/dot/ket-qua.yaml"),
            contests: parse::<ResultFile>("ket-qua.yaml", text).0,
        }),
    }
}
