//! Importing a results sheet again into a `ket-qua.yaml` that exists: the sheet's figures, votes,
//! voting method and record date replace the old ones, and what the sheet has no column for
//! (trang_thai, quyet_dinh, ly_do, lam_thoi, the record's signers…) stays as it was typed, with
//! its comments. Staff type the recognition decision by hand after the import, and re-importing
//! a corrected sheet must not wipe it.
//!
//! The merge works on lines, so comments and layout survive; the result is then read back and
//! compared with both files, value by value, so a file laid out in a way the merge does not
//! understand is refused rather than half merged.

use super::results_file::FIGURES;
use crate::diagnostics::Bilingual;
use serde_yaml::{Mapping, Value};

/// The keys of a contest that the sheet gives whole besides its figures: the sheet's value
/// replaces the file's.
const FROM_SHEET: &[&str] = &["hinh_thuc", "so_phieu"];

/// The record (`bien_ban`): the sheet gives its date, staff type when it was received and who
/// signed it.
const RECORD: &str = "bien_ban";
const RECORD_DATE: &str = "ngay";

/// Whether the sheet gives the value of the contest's key: what a re-import changes.
pub fn from_sheet(key: &str) -> bool {
    FROM_SHEET.contains(&key) || FIGURES.contains(&key)
}

/// A merged file, and what was kept from the old one: `thon-1: trang_thai, quyet_dinh`.
#[derive(Debug)]
pub struct Merged {
    pub text: String,
    pub kept: Vec<(String, Vec<String>)>,
}

/// `existing` (a `ket-qua.yaml` as staff left it) updated with what `imported` (the file the
/// sheet makes) gives.
pub fn merge(path: &str, existing: &str, imported: &str) -> Result<Merged, Bilingual> {
    let existing = existing.trim_start_matches('\u{feff}');
    let old = read(path, existing)?;
    let new = read(path, imported)?;
    let (old_file, new_file) = (parse(existing), parse(imported));
    let (old_head, old_blocks) = old_file.ok_or_else(|| unmergeable(path))?;
    let (new_head, new_blocks) = new_file.ok_or_else(|| unmergeable(path))?;
    // the import's own header says which sheet the figures come from now; staff's lines stay
    let mut out: Vec<String> = new_head;
    out.extend(
        old_head.into_iter().filter(|l| {
            !l.starts_with("# Nhập từ ") && !l.starts_with("# Kết quả kiểm phiếu đợt ")
        }),
    );
    let mut kept = Vec::new();
    for block in &old_blocks {
        match new_blocks.iter().find(|b| b.key == block.key) {
            Some(sheet) => {
                out.extend(merge_block(block, sheet));
                let hand: Vec<String> = block
                    .entries
                    .iter()
                    .filter_map(|e| e.key.clone())
                    .filter(|k| !from_sheet(k) && k != RECORD)
                    .collect();
                if !hand.is_empty() {
                    kept.push((block.key.clone(), hand));
                }
            }
            None => out.extend(block.lines()),
        }
    }
    for block in new_blocks
        .iter()
        .filter(|b| !old_blocks.iter().any(|o| o.key == b.key))
    {
        out.extend(block.lines());
    }
    let text = out.join("\n") + "\n";
    let merged = read(path, &text)?;
    if !agrees(&old, &new, &merged) {
        return Err(unmergeable(path));
    }
    Ok(Merged { text, kept })
}

/// A contest of the file: its key line with the comments above it, and its entries.
struct Block {
    key: String,
    head: Vec<String>,
    entries: Vec<Entry>,
    /// Comments after the last entry.
    tail: Vec<String>,
}

/// One key of a contest: the comments above it, its line, the lines of its value.
struct Entry {
    key: Option<String>,
    lines: Vec<String>,
}

impl Block {
    fn lines(&self) -> Vec<String> {
        let mut out = self.head.clone();
        for e in &self.entries {
            out.extend(e.lines.iter().cloned());
        }
        out.extend(self.tail.iter().cloned());
        out
    }
}

fn indent(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

fn is_note(line: &str) -> bool {
    let t = line.trim();
    t.is_empty() || t.starts_with('#')
}

/// `key:` with nothing after it but a comment: a mapping's key whose value is on the lines below.
fn opens(line: &str) -> Option<String> {
    let (key, rest) = line.trim().split_once(':')?;
    let rest = rest.trim();
    (rest.is_empty() || rest.starts_with('#'))
        .then(|| key.trim().trim_matches(['"', '\'']).to_string())
}

/// A key line at any depth: `key: value` or `key:`.
fn key_of(line: &str) -> Option<String> {
    let t = line.trim();
    let (key, _) = t.split_once(':')?;
    (!t.starts_with('#') && !t.starts_with('-') && !key.contains(' ')).then(|| key.to_string())
}

/// The lines before the first contest and the contests, when the file is laid out in blocks
/// (`thon-1:` then its keys indented below), as the import writes it and staff edit it.
fn parse(text: &str) -> Option<(Vec<String>, Vec<Block>)> {
    let mut head = Vec::new();
    let mut blocks: Vec<Block> = Vec::new();
    let mut pending: Vec<String> = Vec::new();
    let mut child_indent = None;
    for line in text.lines() {
        let line = line.trim_end().to_string();
        if is_note(&line) {
            pending.push(line);
            continue;
        }
        if indent(&line) == 0 {
            let key = opens(&line)?;
            let mut lines = std::mem::take(&mut pending);
            if blocks.is_empty() {
                head.append(&mut lines);
            } else if let Some(last) = blocks.last_mut() {
                last.tail.append(&mut lines);
            }
            lines.push(line);
            blocks.push(Block {
                key,
                head: lines,
                entries: Vec::new(),
                tail: Vec::new(),
            });
            child_indent = None;
            continue;
        }
        let block = blocks.last_mut()?;
        let child = *child_indent.get_or_insert(indent(&line));
        let mut lines = std::mem::take(&mut pending);
        if indent(&line) == child {
            lines.push(line.clone());
            block.entries.push(Entry {
                key: Some(key_of(&line)?),
                lines,
            });
        } else if indent(&line) > child {
            let entry = block.entries.last_mut()?;
            entry.lines.append(&mut lines);
            entry.lines.push(line);
        } else {
            return None;
        }
    }
    match blocks.last_mut() {
        Some(last) => last.tail.append(&mut pending),
        None => head.append(&mut pending),
    }
    Some((head, blocks))
}

/// A contest of the file with the sheet's values in place of its own.
fn merge_block(old: &Block, sheet: &Block) -> Vec<String> {
    let mut out = old.head.clone();
    let mut used: Vec<&str> = Vec::new();
    for entry in &old.entries {
        let key = entry.key.as_deref().unwrap_or_default();
        let replacement = sheet.entries.iter().find(|e| e.key.as_deref() == Some(key));
        match replacement {
            Some(new) if from_sheet(key) => {
                // staff's comments above the key stay
                out.extend(entry.lines.iter().take_while(|l| is_note(l)).cloned());
                out.extend(new.lines.iter().cloned());
                used.push(key);
            }
            Some(new) if key == RECORD => {
                out.extend(merge_record(entry, new));
                used.push(key);
            }
            _ => out.extend(entry.lines.iter().cloned()),
        }
    }
    for entry in &sheet.entries {
        if !used.contains(&entry.key.as_deref().unwrap_or_default()) {
            out.extend(entry.lines.iter().cloned());
        }
    }
    out.extend(old.tail.iter().cloned());
    out
}

/// The record with the sheet's date and what staff typed besides.
fn merge_record(old: &Entry, sheet: &Entry) -> Vec<String> {
    let Some(date) = sheet
        .lines
        .iter()
        .find(|l| key_of(l).as_deref() == Some(RECORD_DATE))
    else {
        return old.lines.clone();
    };
    let at = old.lines.iter().position(|l| !is_note(l)).unwrap_or(0);
    let depth = old.lines[at + 1..]
        .iter()
        .find(|l| !is_note(l))
        .map(|l| indent(l))
        .unwrap_or_else(|| indent(date));
    let line = format!("{}{}", " ".repeat(depth), date.trim());
    let mut out = old.lines.clone();
    match out[at + 1..]
        .iter()
        .position(|l| indent(l) == depth && key_of(l).as_deref() == Some(RECORD_DATE))
    {
        Some(i) => out[at + 1 + i] = line,
        None => out.insert(at + 1, line),
    }
    out
}

fn read(path: &str, text: &str) -> Result<Mapping, Bilingual> {
    match serde_yaml::from_str::<Value>(text) {
        Ok(Value::Mapping(m)) => Ok(m),
        Ok(Value::Null) => Ok(Mapping::new()),
        _ => Err(Bilingual::new(
            format!(
                "{path} hiện có không đọc được nên không cập nhật được: chạy niemyet check để xem lỗi, sửa tệp rồi nhập lại."
            ),
            format!(
                "{path} as it is cannot be read, so it cannot be updated: run niemyet check to see why, fix the file and import again."
            ),
        )),
    }
}

/// Every value of the merged file is the sheet's where the sheet gives it and the old file's
/// elsewhere, and nothing of the old file is missing.
fn agrees(old: &Mapping, sheet: &Mapping, merged: &Mapping) -> bool {
    old.keys().chain(sheet.keys()).all(|id| {
        let (o, s, m) = (old.get(id), sheet.get(id), merged.get(id));
        match (o, s) {
            (Some(o), Some(s)) => m.is_some_and(|m| contest_agrees(o, s, m)),
            (Some(only), None) | (None, Some(only)) => m == Some(only),
            (None, None) => false,
        }
    }) && merged.len() == old.len() + sheet.keys().filter(|k| !old.contains_key(*k)).count()
}

fn contest_agrees(old: &Value, sheet: &Value, merged: &Value) -> bool {
    let (Some(old), Some(sheet), Some(merged)) =
        (old.as_mapping(), sheet.as_mapping(), merged.as_mapping())
    else {
        return false;
    };
    let keys: Vec<&Value> = old
        .keys()
        .chain(sheet.keys().filter(|k| !old.contains_key(*k)))
        .collect();
    merged.len() == keys.len()
        && keys.into_iter().all(|key| {
            let name = key.as_str().unwrap_or_default();
            let expected = if name == RECORD {
                record(old.get(key), sheet.get(key))
            } else if from_sheet(name) && sheet.contains_key(key) {
                sheet.get(key).cloned()
            } else {
                old.get(key).cloned()
            };
            merged.get(key).cloned() == expected
        })
}

/// The record as the merge should leave it: the old one with the sheet's date.
fn record(old: Option<&Value>, sheet: Option<&Value>) -> Option<Value> {
    let date = sheet.and_then(|s| s.get(RECORD_DATE)).cloned();
    match (old.cloned(), date) {
        (Some(Value::Null) | None, _) => sheet.cloned(),
        (Some(Value::Mapping(mut m)), Some(date)) => {
            m.insert(Value::from(RECORD_DATE), date);
            Some(Value::Mapping(m))
        }
        (Some(old), _) => Some(old),
    }
}

fn unmergeable(path: &str) -> Bilingual {
    Bilingual::new(
        format!(
            "Không cập nhật được {path} mà vẫn giữ nguyên những gì đã gõ tay (tệp không viết theo dạng mỗi khu dân cư một khối thụt lề). \
             Chưa ghi gì. Sửa số liệu thẳng trong tệp, hoặc chép riêng các trường gõ tay, xóa tệp rồi nhập lại."
        ),
        format!(
            "{path} cannot be updated while keeping what was typed by hand (the file is not laid out as one indented block per contest). \
             Nothing was written. Fix the figures in the file itself, or copy the fields typed by hand aside, delete the file and import again."
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const IMPORTED: &str = "# Nhập từ kq-moi.csv / imported from kq-moi.csv\n\
        # Kết quả kiểm phiếu đợt tn / results of round tn\n\
        thon-1:\n  hinh_thuc: bo-phieu-kin\n  tong_cu_tri: 361\n  cu_tri_tham_gia: 314\n\
        \x20 phieu_phat_ra: 314\n  phieu_thu_vao: 314\n  phieu_hop_le: 310\n  phieu_khong_hop_le: 4\n\
        \x20 so_phieu:\n    an: 160\n    binh: 150\n  bien_ban:\n    ngay: 06/10/2025\n\
        thon-2:\n  tong_cu_tri: 200\n  cu_tri_tham_gia: 150\n  phieu_phat_ra: 150\n\
        \x20 phieu_thu_vao: 150\n  phieu_hop_le: 150\n  phieu_khong_hop_le: 0\n  so_phieu:\n    cuong: 150\n";

    /// The file of the first import, then typed into by hand: the decision, the signers, a
    /// comment, and a contest the sheet does not have.
    const TYPED: &str = "# Nhập từ kq.csv / imported from kq.csv\n\
        # Kết quả kiểm phiếu đợt tn / results of round tn\n\
        # Ghi chú của cán bộ: đã đối chiếu biên bản\n\
        thon-1:\n  hinh_thuc: bo-phieu-kin\n  tong_cu_tri: 361\n  cu_tri_tham_gia: 314\n\
        \x20 phieu_phat_ra: 314\n  phieu_thu_vao: 314\n  phieu_hop_le: 310\n  phieu_khong_hop_le: 4\n\
        \x20 so_phieu:\n    an: 159\n    binh: 151\n  bien_ban:\n    ngay: 05/10/2025\n\
        \x20   ngay_nhan: 06/10/2025\n    nguoi_ky:\n      - ho_ten: Lê Văn Cường\n        chuc_vu: Tổ trưởng\n\
        \x20 # quyết định công nhận, gõ tay\n  trang_thai: cong-nhan\n  quyet_dinh:\n    so: 125/QĐ-UBND\n    ngay: 08/10/2025\n\
        thon-3:\n  tong_cu_tri: 1\n  cu_tri_tham_gia: 1\n  phieu_phat_ra: 1\n  phieu_thu_vao: 1\n\
        \x20 phieu_hop_le: 1\n  phieu_khong_hop_le: 0\n  so_phieu:\n    dung: 1\n  trang_thai: bau-lai\n";

    fn value(text: &str) -> Value {
        serde_yaml::from_str(text).unwrap()
    }

    #[test]
    fn the_sheet_s_values_replace_the_old_and_what_was_typed_by_hand_stays() {
        let merged = merge("ket-qua.yaml", TYPED, IMPORTED).unwrap();
        let text = &merged.text;
        let v = value(text);
        let thon1 = &v["thon-1"];
        assert_eq!(thon1["so_phieu"]["an"], value("160"));
        assert_eq!(thon1["bien_ban"]["ngay"], value("06/10/2025"));
        assert_eq!(thon1["bien_ban"]["ngay_nhan"], value("06/10/2025"));
        assert_eq!(
            thon1["bien_ban"]["nguoi_ky"][0]["ho_ten"],
            value("Lê Văn Cường")
        );
        assert_eq!(thon1["trang_thai"], value("cong-nhan"));
        assert_eq!(thon1["quyet_dinh"]["so"], value("125/QĐ-UBND"));
        assert_eq!(v["thon-2"]["so_phieu"]["cuong"], value("150"));
        assert_eq!(v["thon-3"]["trang_thai"], value("bau-lai"));
        assert!(text.starts_with("# Nhập từ kq-moi.csv"), "{text}");
        assert!(!text.contains("kq.csv /"), "{text}");
        for comment in ["# Ghi chú của cán bộ", "  # quyết định công nhận, gõ tay"] {
            assert!(text.contains(comment), "{text}");
        }
        assert_eq!(
            merged.kept,
            vec![(
                "thon-1".to_string(),
                vec!["trang_thai".to_string(), "quyet_dinh".to_string()]
            )]
        );
        // merging again changes nothing
        assert_eq!(merge("ket-qua.yaml", text, IMPORTED).unwrap().text, *text);
    }

    #[test]
    fn a_record_typed_without_its_date_gets_the_sheet_s() {
        let typed = "thon-1:\n  tong_cu_tri: 1\n  bien_ban:\n    ngay_nhan: 06/10/2025\n";
        let merged = merge("ket-qua.yaml", typed, IMPORTED).unwrap();
        let v = value(&merged.text);
        assert_eq!(v["thon-1"]["bien_ban"]["ngay"], value("06/10/2025"));
        assert_eq!(v["thon-1"]["bien_ban"]["ngay_nhan"], value("06/10/2025"));
        assert_eq!(v["thon-1"]["tong_cu_tri"], value("361"));
    }

    #[test]
    fn a_file_laid_out_otherwise_is_refused_not_half_merged() {
        let flow = "thon-1: {tong_cu_tri: 1, trang_thai: cong-nhan}\n";
        let e = merge("bau-cu/tn/ket-qua.yaml", flow, IMPORTED).unwrap_err();
        assert!(
            e.vi.starts_with("Không cập nhật được bau-cu/tn/ket-qua.yaml"),
            "{e:?}"
        );
        assert!(e.en.contains("Nothing was written"), "{e:?}");
        let broken = "thon-1:\n  tong_cu_tri: [1\n";
        let e = merge("ket-qua.yaml", broken, IMPORTED).unwrap_err();
        assert!(e.en.contains("cannot be read"), "{e:?}");
    }
}
