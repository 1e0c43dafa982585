//! What validation found at the last check, so that the preview checks again after a save without
//! reading every text of the site again: reading the published texts for personal data, and
//! parsing the Markdown ones, is the bulk of a check at national scale, and what either finds in
//! a text depends on that text alone and how it is read.
//!
//! Personal data is recalled by part of the site ([`Units`]): a part the preview's assembly took
//! as it was holds the texts it held, so what was found in it holds too, and its texts are not
//! even listed again. Markdown is recalled by text ([`Texts`]): a text is looked up by its exact
//! contents, so what is recalled is what reading it again would find. Texts are hashed with
//! foldhash, not the standard library's SipHash: the memo hashes every text of the site once per
//! check, and SipHash's defence against crafted keys buys nothing for the site's own files.

use crate::model::reassemble::{Kept, Unit};
use foldhash::HashMap;
use rayon::prelude::*;
use std::hash::Hash;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError};

/// What validation remembers between checks (see [`super::validate`]).
#[derive(Debug, Default)]
pub struct Memo {
    pub(super) privacy: Units<super::privacy::Found>,
    pub(super) markdown: Texts<(), super::markdown::Found>,
}

/// What was found in each part of the site at the last check, by its unit of assembly.
#[derive(Debug)]
pub(super) struct Units<V> {
    found: Mutex<HashMap<Unit, V>>,
}

impl<V> Default for Units<V> {
    fn default() -> Self {
        Self {
            found: Mutex::new(HashMap::default()),
        }
    }
}

impl<V: Clone + Send> Units<V> {
    /// One check of `items`: what `find` finds in each, in their order, found in parallel, or
    /// recalled for an item whose `unit` the assembly `kept` as it was since the last check. An
    /// item without a unit, or with one that another item has too (two rounds with one id,
    /// which validation reports), is always found again.
    pub(super) fn find_all<T: Sync>(
        &self,
        items: &[T],
        kept: &Kept,
        unit: impl Fn(&T) -> Option<Unit>,
        find: impl Fn(&T) -> V + Sync,
    ) -> Vec<V> {
        let units: Vec<Option<Unit>> = items.iter().map(unit).collect();
        let mut times: HashMap<&Unit, usize> = HashMap::default();
        for unit in units.iter().flatten() {
            *times.entry(unit).or_default() += 1;
        }
        // a unit two items share is neither recalled nor kept
        let alone = |unit: &Option<Unit>| unit.clone().filter(|u| times.get(u) == Some(&1));
        let mut before = std::mem::take(&mut *lock(&self.found));
        let recalled: Vec<Option<V>> = (units.iter())
            .map(|unit| before.remove(&alone(unit).filter(|u| kept.holds(u))?))
            .collect();
        let found: Vec<V> = (items.par_iter().zip(recalled))
            .map(|(item, recalled)| recalled.unwrap_or_else(|| find(item)))
            .collect();
        let now = (units.iter().zip(&found))
            .filter_map(|(unit, found)| Some((alone(unit)?, found.clone())))
            .collect();
        *lock(&self.found) = now;
        found
    }
}

/// What was found in each text, by how it was read (`K`) and the text itself, with the number
/// of the check that last met the text.
#[derive(Debug)]
pub(super) struct Texts<K, V> {
    found: Mutex<HashMap<K, HashMap<String, Seen<V>>>>,
    checks: AtomicU64,
}

#[derive(Debug)]
struct Seen<V> {
    found: V,
    check: u64,
}

impl<K, V> Default for Texts<K, V> {
    fn default() -> Self {
        Self {
            found: Mutex::new(HashMap::default()),
            checks: AtomicU64::new(0),
        }
    }
}

/// How many texts a thread reads at a time: enough that it seldom waits for the memo's map, few
/// enough that the threads share the work evenly.
const TEXTS_AT_ONCE: usize = 1024;

impl<K: Hash + Eq + Copy + Send, V: Clone + Send> Texts<K, V> {
    /// One check of `items`: what reading each finds, in their order, read in parallel and
    /// recalled where the last check met the same text read alike (`how` tells how, and the
    /// text); what was found in texts this check did not meet is forgotten.
    pub(super) fn find_all<'t, T: Sync>(
        &self,
        items: &'t [T],
        how: impl Fn(&T) -> (K, &'t str) + Sync,
        find: impl Fn(&T) -> V + Sync,
    ) -> Vec<V> {
        let recall = self.recall();
        let found = (items.par_chunks(TEXTS_AT_ONCE))
            .flat_map_iter(|chunk| recall.find_each(chunk, &how, &find))
            .collect();
        recall.keep();
        found
    }

    /// Starts a check: what it finds is kept, and what the last one found in texts it no longer
    /// has is forgotten, once it is [`Recall::keep`]ed.
    fn recall(&self) -> Recall<'_, K, V> {
        Recall {
            memo: self,
            check: self.checks.fetch_add(1, Ordering::Relaxed) + 1,
        }
    }
}

/// One check's use of [`Texts`].
struct Recall<'a, K, V> {
    memo: &'a Texts<K, V>,
    /// This check's number.
    check: u64,
}

impl<K: Hash + Eq + Copy, V: Clone> Recall<'_, K, V> {
    /// What reading each of `items` finds, in their order: recalled from the last check for a
    /// text read alike (`how` tells how, and the text), or `find` run now. The map is locked
    /// once to look the items up and once to add what was found, not once for each: a site has
    /// hundreds of thousands of short texts, and the threads would otherwise wait on each other
    /// more than they read. A text met again is looked up once and not moved: hashing the texts
    /// is most of the work at national scale.
    fn find_each<'t, T>(
        &self,
        items: &'t [T],
        how: impl Fn(&T) -> (K, &'t str),
        find: impl Fn(&T) -> V,
    ) -> Vec<V> {
        let recalled: Vec<Option<V>> = {
            let mut found = lock(&self.memo.found);
            (items.iter())
                .map(|item| {
                    let (how, text) = how(item);
                    let seen = found.get_mut(&how)?.get_mut(text)?;
                    seen.check = self.check;
                    Some(seen.found.clone())
                })
                .collect()
        };
        let mut new = Vec::new();
        let all: Vec<V> = (items.iter().zip(recalled))
            .map(|(item, recalled)| {
                recalled.unwrap_or_else(|| {
                    let found = find(item);
                    new.push((how(item), found.clone()));
                    found
                })
            })
            .collect();
        if !new.is_empty() {
            let mut found = lock(&self.memo.found);
            for ((how, text), now) in new {
                let seen = Seen {
                    found: now,
                    check: self.check,
                };
                found.entry(how).or_default().insert(text.to_string(), seen);
            }
        }
        all
    }

    /// Forgets what was found in texts this check did not meet.
    fn keep(self) {
        let mut found = lock(&self.memo.found);
        for texts in found.values_mut() {
            texts.retain(|_, seen| seen.check == self.check);
        }
    }
}

/// A map the checking threads share: one that panicked while holding it left it whole, as each
/// change to it is one insert or remove.
fn lock<T>(map: &Mutex<T>) -> MutexGuard<'_, T> {
    map.lock().unwrap_or_else(PoisonError::into_inner)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicUsize;

    /// One check of `texts`: what is found in each, and how many were read.
    fn check(memo: &Texts<bool, usize>, texts: &[&str]) -> (Vec<usize>, usize) {
        let read = AtomicUsize::new(0);
        let recall = memo.recall();
        let found = recall.find_each(
            texts,
            |t| (true, t),
            |t| {
                read.fetch_add(1, Ordering::Relaxed);
                t.len()
            },
        );
        recall.keep();
        (found, read.into_inner())
    }

    /// One check of `units` with `kept`: what is found in each (its name), and how many were
    /// read.
    fn check_units(
        memo: &Units<String>,
        units: &[(&str, Option<&str>)],
        kept: &Kept,
    ) -> (Vec<String>, usize) {
        let read = AtomicUsize::new(0);
        let found = memo.find_all(
            units,
            kept,
            |(_, id)| id.map(|id| Unit::Round(id.to_string())),
            |(name, _)| {
                read.fetch_add(1, Ordering::Relaxed);
                name.to_string()
            },
        );
        (found, read.into_inner())
    }

    #[test]
    fn a_kept_unit_is_recalled_and_a_shared_or_changed_one_is_read_again() {
        let memo = Units::default();
        let units = [
            ("a", Some("a")),
            ("b1", Some("b")),
            ("b2", Some("b")),
            ("c", None),
        ];
        let all = ["a", "b1", "b2", "c"].map(String::from).to_vec();
        assert_eq!(check_units(&memo, &units, &Kept::default()), (all, 4));
        // “a” is recalled: what was found then, not what reading it now would find
        let now = [
            ("a now", Some("a")),
            ("b1", Some("b")),
            ("b2", Some("b")),
            ("c", None),
        ];
        let (found, read) = check_units(&memo, &now, &Kept::rounds(&["a", "b"]));
        assert_eq!((found[0].as_str(), read), ("a", 3));
        // not kept: read again
        let (found, read) = check_units(&memo, &now, &Kept::rounds(&["b"]));
        assert_eq!((found[0].as_str(), read), ("a now", 4));
    }

    #[test]
    fn a_text_met_again_is_recalled_and_one_no_longer_met_is_forgotten() {
        let memo = Texts::default();
        assert_eq!(check(&memo, &["an", "bình", "an"]), (vec![2, 5, 2], 3));
        assert_eq!(check(&memo, &["an", "cường"]), (vec![2, 8], 1));
        // “bình” was not met by the last check
        assert_eq!(check(&memo, &["bình", "an", "cường"]), (vec![5, 2, 8], 1));
    }
}
