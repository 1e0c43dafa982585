//! A decision of an authority (quyết định) that changes where an election stands: postponing it,
//! recognising a result, ordering a repeat vote, appointing an acting head.

use super::date::Date;
use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    /// Number and symbol, e.g. `125/QĐ-UBND`.
    #[serde(default)]
    pub so: Option<String>,
    /// Date of signing.
    #[serde(default)]
    pub ngay: Option<Date>,
    /// The document on this site, by its slug, when it is published.
    #[serde(default)]
    pub van_ban: Option<String>,
}

impl Decision {
    /// `Quyết định số 125/QĐ-UBND ngày 08/6/2022`, with what is known.
    pub fn label_vi(&self) -> String {
        let mut out = String::from("Quyết định");
        if let Some(so) = &self.so {
            out.push_str(" số ");
            out.push_str(so);
        }
        if let Some(day) = &self.ngay {
            out.push_str(" ngày ");
            out.push_str(&day.vi_short());
        }
        out
    }
}
