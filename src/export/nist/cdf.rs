//! The objects of the NIST SP 1500-100 v2 Common Data Format that the report uses, field for
//! field as the JSON schema names them (`rename_all = "PascalCase"`, `@id`, `@type`). Optional
//! fields the report never fills are left out of the types.

use crate::model::date::Date;
use crate::model::language::Language;
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ElectionReport {
    #[serde(rename = "@type")]
    pub(super) kind: &'static str,
    pub(super) election: Vec<Election>,
    pub(super) format: &'static str,
    pub(super) generated_date: String,
    pub(super) gp_unit: Vec<ReportingUnit>,
    pub(super) is_test: bool,
    pub(super) issuer: String,
    pub(super) issuer_abbreviation: String,
    pub(super) office: Vec<Office>,
    pub(super) person: Vec<Person>,
    pub(super) sequence_end: u32,
    pub(super) sequence_start: u32,
    pub(super) status: &'static str,
    pub(super) vendor_application_id: String,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "PascalCase")]
pub(super) struct Election {
    #[serde(rename = "@type")]
    pub(super) kind: &'static str,
    pub(super) ballot_counts: Vec<BallotCounts>,
    pub(super) candidate: Vec<NistCandidate>,
    pub(super) contest: Vec<CandidateContest>,
    pub(super) election_scope_id: String,
    pub(super) end_date: Date,
    pub(super) external_identifier: Vec<ExternalIdentifier>,
    pub(super) name: Text,
    pub(super) start_date: Date,
    #[serde(rename = "Type")]
    pub(super) election_type: &'static str,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "PascalCase")]
pub(super) struct ReportingUnit {
    #[serde(rename = "@id")]
    pub(super) id: String,
    #[serde(rename = "@type")]
    pub(super) kind: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) composing_gp_unit_ids: Vec<String>,
    pub(super) external_identifier: Vec<ExternalIdentifier>,
    pub(super) name: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) other_type: Option<String>,
    #[serde(rename = "Type")]
    pub(super) unit_type: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) voters_participated: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) voters_registered: Option<u32>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "PascalCase")]
pub(super) struct ExternalIdentifier {
    #[serde(rename = "@type")]
    pub(super) kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) other_type: Option<&'static str>,
    #[serde(rename = "Type")]
    pub(super) id_type: &'static str,
    pub(super) value: String,
}

/// `InternationalizedText`: Vietnamese, and English where the content gives it.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "PascalCase")]
pub(super) struct Text {
    #[serde(rename = "@type")]
    pub(super) kind: &'static str,
    pub(super) text: Vec<LanguageString>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "PascalCase")]
pub(super) struct LanguageString {
    #[serde(rename = "@type")]
    pub(super) kind: &'static str,
    pub(super) content: String,
    pub(super) language: Language,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "PascalCase")]
pub(super) struct Office {
    #[serde(rename = "@id")]
    pub(super) id: String,
    #[serde(rename = "@type")]
    pub(super) kind: &'static str,
    pub(super) election_district_id: String,
    pub(super) is_partisan: bool,
    pub(super) name: Text,
    pub(super) term: Term,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "PascalCase")]
pub(super) struct Term {
    #[serde(rename = "@type")]
    pub(super) kind: &'static str,
    pub(super) label: String,
    #[serde(rename = "Type")]
    pub(super) term_type: &'static str,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "PascalCase")]
pub(super) struct Person {
    #[serde(rename = "@id")]
    pub(super) id: String,
    #[serde(rename = "@type")]
    pub(super) kind: &'static str,
    pub(super) first_name: String,
    pub(super) full_name: Text,
    pub(super) gender: &'static str,
    pub(super) last_name: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) middle_name: Vec<String>,
    pub(super) profession: Text,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "PascalCase")]
pub(super) struct NistCandidate {
    #[serde(rename = "@id")]
    pub(super) id: String,
    #[serde(rename = "@type")]
    pub(super) kind: &'static str,
    pub(super) ballot_name: Text,
    pub(super) is_incumbent: bool,
    pub(super) person_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) post_election_status: Option<&'static str>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "PascalCase")]
pub(super) struct CandidateContest {
    #[serde(rename = "@id")]
    pub(super) id: String,
    #[serde(rename = "@type")]
    pub(super) kind: &'static str,
    pub(super) contest_selection: Vec<CandidateSelection>,
    pub(super) count_status: Vec<CountStatus>,
    pub(super) election_district_id: String,
    pub(super) external_identifier: Vec<ExternalIdentifier>,
    pub(super) name: String,
    pub(super) number_elected: u32,
    pub(super) office_ids: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) other_counts: Vec<OtherCounts>,
    pub(super) other_vote_variation: String,
    pub(super) sequence_order: u32,
    pub(super) vote_variation: &'static str,
    pub(super) votes_allowed: u32,
}

/// What a contest's ballots did not cast for a candidate, in one unit: in a vote-for-one
/// contest, the valid ballots that name no candidate are its undervotes.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "PascalCase")]
pub(super) struct OtherCounts {
    #[serde(rename = "@type")]
    pub(super) kind: &'static str,
    pub(super) gp_unit_id: String,
    pub(super) undervotes: u32,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "PascalCase")]
pub(super) struct CandidateSelection {
    #[serde(rename = "@id")]
    pub(super) id: String,
    #[serde(rename = "@type")]
    pub(super) kind: &'static str,
    pub(super) candidate_ids: Vec<String>,
    pub(super) sequence_order: u32,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) vote_counts: Vec<VoteCounts>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "PascalCase")]
pub(super) struct VoteCounts {
    #[serde(rename = "@type")]
    pub(super) kind: &'static str,
    pub(super) count: u32,
    pub(super) gp_unit_id: String,
    #[serde(rename = "Type")]
    pub(super) count_type: &'static str,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "PascalCase")]
pub(super) struct BallotCounts {
    #[serde(rename = "@type")]
    pub(super) kind: &'static str,
    pub(super) ballots_cast: u32,
    pub(super) ballots_rejected: u32,
    pub(super) gp_unit_id: String,
    #[serde(rename = "Type")]
    pub(super) count_type: &'static str,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "PascalCase")]
pub(super) struct CountStatus {
    #[serde(rename = "@type")]
    pub(super) kind: &'static str,
    pub(super) status: &'static str,
    #[serde(rename = "Type")]
    pub(super) count_type: &'static str,
}

pub(super) fn text(vi: &str, en: Option<&str>) -> Text {
    let mut text = vec![LanguageString {
        kind: kind!("LanguageString"),
        content: vi.to_string(),
        language: Language::Vi,
    }];
    if let Some(en) = en {
        text.push(LanguageString {
            kind: kind!("LanguageString"),
            content: en.to_string(),
            language: Language::En,
        });
    }
    Text {
        kind: kind!("InternationalizedText"),
        text,
    }
}

pub(super) fn identifier(id_type: &'static str, value: String) -> ExternalIdentifier {
    ExternalIdentifier {
        kind: kind!("ExternalIdentifier"),
        other_type: None,
        id_type,
        value,
    }
}

pub(super) fn other_identifier(other: &'static str, value: &str) -> ExternalIdentifier {
    ExternalIdentifier {
        other_type: Some(other),
        ..identifier("other", value.to_string())
    }
}
