//! `niemyet new` (tạo mới): the subcommands and their help. A new site names its own folder;
//! every other file goes into the site found from the current folder (see [`super::site`]).

use super::site::{self, NoSite};
use crate::scaffold::Scaffold;
use clap::{Args, Subcommand};
use std::path::{Path, PathBuf};

/// The content folder, when it is not the site's found from the current folder.
#[derive(Debug, Clone, Args)]
pub struct ContentArg {
    /// Thư mục nội dung; mặc định tìm từ thư mục hiện tại trở lên / Content folder; by default found from the current folder upwards
    #[arg(long)]
    pub content: Option<PathBuf>,
}

#[derive(Debug, Clone, Subcommand)]
pub enum NewCommand {
    /// Một trang mới, chạy được ngay / A new site that builds as it is
    Site {
        /// Thư mục sẽ tạo / Folder to create
        dir: PathBuf,
    },
    /// bau-cu/<ĐỢT>/dot-bau-cu.yaml: một đợt bầu cử / an election round
    Election {
        /// Mã đợt bầu, ví dụ hong-gai-2025 / Round id, e.g. hong-gai-2025
        round: String,
        #[command(flatten)]
        at: ContentArg,
    },
    /// bau-cu/<ĐỢT>/ung-cu-vien/<tên>.md: một ứng cử viên của đợt đã có / a candidate of an existing round
    Candidate {
        /// Mã đợt bầu / Round id
        round: String,
        /// Họ và tên, ví dụ "Nguyễn Văn An" / Full name
        name: String,
        #[command(flatten)]
        at: ContentArg,
    },
    /// van-ban/<tên>.md: một văn bản / a document
    Document {
        /// Trích yếu hoặc tên tệp / Title or file name
        title: String,
        #[command(flatten)]
        at: ContentArg,
    },
    /// bau-cu/<ĐỢT>/ket-qua.yaml: kết quả kiểm phiếu của đợt đã có / results of an existing round
    Results {
        /// Mã đợt bầu / Round id
        round: String,
        #[command(flatten)]
        at: ContentArg,
    },
}

impl NewCommand {
    /// What to create, and the content folder to create it in (none for a new site).
    pub fn resolve(self, cwd: &Path) -> Result<(Scaffold, PathBuf), NoSite> {
        let (scaffold, at) = match self {
            Self::Site { dir } => return Ok((Scaffold::Site { dir }, PathBuf::new())),
            Self::Election { round, at } => (Scaffold::Election { round }, at),
            Self::Candidate { round, name, at } => (Scaffold::Candidate { round, name }, at),
            Self::Document { title, at } => (Scaffold::Document { title }, at),
            Self::Results { round, at } => (Scaffold::Results { round }, at),
        };
        let found = site::locate(at.content, None, cwd)?;
        Ok((scaffold, found.content))
    }
}
