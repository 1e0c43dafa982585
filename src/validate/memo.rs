//! What validation found at the last check, so that the preview checks again after a save without
//! reading every text of the site again: reading the published texts for personal data, parsing
//! the Markdown ones and searching bodies for sample lines is the bulk of a check at national
//! scale, and what each finds in a text depends on that text alone and how it is read.
//!
//! Both are recalled by part of the site ([`Units`]): a part the preview's assembly took as it
//! was holds the texts it held, so what was found in it holds too, and its texts are not even
//! listed again.

use crate::model::reassemble::{Kept, Unit};
use foldhash::HashMap;
use rayon::prelude::*;
use std::sync::{Mutex, MutexGuard, PoisonError};

/// What validation remembers between checks (see [`super::validate`]).
#[derive(Debug, Default)]
pub struct Memo {
    pub(super) privacy: Units<super::privacy::Found>,
    pub(super) markdown: Units<super::markdown::InPart>,
    pub(super) placeholders: Units<super::placeholders::InPart>,
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

/// A map the checking threads share: one that panicked while holding it left it whole, as each
/// change to it is one insert or remove.
fn lock<T>(map: &Mutex<T>) -> MutexGuard<'_, T> {
    map.lock().unwrap_or_else(PoisonError::into_inner)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

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
}
