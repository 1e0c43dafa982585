//! Integration tests: small fixture sites, and the example site of the repository, built through
//! the library (`niemyet::build`, `niemyet::check`) and through the command line.
//!
//! `harness` writes a minimal valid site into a temporary folder; each test module breaks or
//! builds it in its own way.

mod harness;

mod architecture;
mod archives;
mod assets;
mod atomic;
mod build;
mod cli;
mod corpus;
mod english_pages;
mod errors;
mod escaping;
mod example;
mod feeds;
mod files;
mod fuzz;
mod garbage;
mod history;
mod home;
mod i18n;
mod identities;
mod import;
mod incremental;
mod languages;
mod law;
mod links;
mod open_data;
mod pages_finished;
mod parallel;
mod placeholders;
mod printed_lists;
mod privacy;
mod recheck;
mod results;
mod sample_flag;
mod scaffold;
mod search;
mod serve;
mod spellings;
mod statuses;
mod synthetic;
mod transcripts;
mod verify;
mod windows_files;
mod xlsx;
