//! The sample text `niemyet new` writes where only staff know what belongs: each is written
//! from here and looked for from here (`validate::placeholders`), so that a file left as it was
//! generated is refused rather than published.

/// A sample text, and what to write in its place.
#[derive(Debug, Clone, Copy)]
pub struct Sample {
    pub text: &'static str,
    pub fix_vi: &'static str,
    pub fix_en: &'static str,
}

const BIO_FIX_VI: &str = "Xóa dòng mẫu này và viết tiểu sử tóm tắt của ứng cử viên: quê quán, quá trình học tập và công tác (không ghi số CCCD, điện thoại, địa chỉ nhà).";
const BIO_FIX_EN: &str = "Delete this sample line and write the candidate's short bio: home town, education and work (no ID number, phone or home address).";

/// The body of a new candidate file, one sample per line.
pub const CANDIDATE_BIO: [Sample; 2] = [
    Sample {
        text: "Tiểu sử tóm tắt: quê quán, quá trình học tập và công tác.",
        fix_vi: BIO_FIX_VI,
        fix_en: BIO_FIX_EN,
    },
    Sample {
        text: "Short bio: home town, education and work.",
        fix_vi: BIO_FIX_VI,
        fix_en: BIO_FIX_EN,
    },
];

const BODY_FIX_VI: &str = "Xóa dòng mẫu này và chép toàn văn văn bản vào đây (Markdown); văn bản chỉ có tệp đính kèm thì ghi một câu tóm tắt nội dung.";
const BODY_FIX_EN: &str = "Delete this sample line and copy the full text of the document here (Markdown); for a document published as an attachment only, write one sentence saying what it is about.";

/// The body of a new document, one sample per line.
pub const DOCUMENT_BODY: [Sample; 2] = [
    Sample {
        text: "Nội dung văn bản (Markdown).",
        fix_vi: BODY_FIX_VI,
        fix_en: BODY_FIX_EN,
    },
    Sample {
        text: "The text of the document (Markdown).",
        fix_vi: BODY_FIX_VI,
        fix_en: BODY_FIX_EN,
    },
];

/// `co_quan` of a new site's `cau-hinh.yaml`.
pub const AUTHORITY: Sample = Sample {
    text: "Ủy ban nhân dân xã Mới",
    fix_vi: "Ghi tên cơ quan chủ quản của cổng, ví dụ: co_quan: Ủy ban nhân dân phường Hồng Gai",
    fix_en: "Write the authority that runs the portal, e.g. co_quan: Ủy ban nhân dân phường Hồng Gai",
};

/// `ten` of a new site's commune.
pub const COMMUNE: Sample = Sample {
    text: "Xã Mới",
    fix_vi: "Ghi tên hiện nay của xã, phường, ví dụ: ten: Phường Hồng Gai",
    fix_en: "Write the commune's or ward's current name, e.g. ten: Phường Hồng Gai",
};

/// `tinh` of a new site's commune.
pub const PROVINCE: Sample = Sample {
    text: "Tỉnh Mới",
    fix_vi: "Ghi tên tỉnh, thành phố, ví dụ: tinh: Tỉnh Quảng Ninh",
    fix_en: "Write the province or city, e.g. tinh: Tỉnh Quảng Ninh",
};

/// Samples written one per line, as a body holds them.
pub fn lines(samples: &[Sample]) -> String {
    samples.iter().map(|s| format!("{}\n", s.text)).collect()
}
