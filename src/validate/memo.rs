//! What validation found in each text at the last check, so that the preview checks again after
//! a save without reading every text of the site again: reading the published texts for personal
//! data is the bulk of a check at national scale, and what it finds in a text depends on that
//! text alone and how it is read. A text is looked up by its exact contents, so what is recalled
//! is what reading it again would find.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Mutex, MutexGuard, PoisonError};

/// What validation remembers between checks (see [`super::validate`]).
#[derive(Debug, Default)]
pub struct Memo {
    pub(super) privacy: Texts<super::privacy::Reading, super::privacy::Found>,
}

/// What was found in each text, by how it was read (`K`) and the text itself.
#[derive(Debug)]
pub(super) struct Texts<K, V> {
    found: Mutex<HashMap<K, HashMap<String, V>>>,
}

impl<K, V> Default for Texts<K, V> {
    fn default() -> Self {
        Self {
            found: Mutex::new(HashMap::new()),
        }
    }
}

impl<K: Hash + Eq + Copy, V: Clone> Texts<K, V> {
    /// Starts a check: what it finds is kept, in place of what the last one found, once it is
    /// [`Recall::keep`]ed.
    pub(super) fn recall(&self) -> Recall<'_, K, V> {
        Recall {
            memo: self,
            before: Mutex::new(std::mem::take(&mut *lock(&self.found))),
            now: Mutex::new(HashMap::new()),
        }
    }
}

/// One check's use of [`Texts`]: what the last check found, and what this one found so far.
pub(super) struct Recall<'a, K, V> {
    memo: &'a Texts<K, V>,
    before: Mutex<HashMap<K, HashMap<String, V>>>,
    now: Mutex<HashMap<K, HashMap<String, V>>>,
}

impl<K: Hash + Eq + Copy, V: Clone> Recall<'_, K, V> {
    /// What reading each of `items` finds, in their order: recalled from the last check for a
    /// text read alike (`how` tells how, and the text), or `find` run now. The maps are locked
    /// once for all the items, not once for each: a site has hundreds of thousands of short
    /// texts, and the threads would otherwise wait on each other more than they read.
    pub(super) fn find_each<'t, T>(
        &self,
        items: &'t [T],
        how: impl Fn(&T) -> (K, &'t str),
        find: impl Fn(&T) -> V,
    ) -> Vec<V> {
        let recalled: Vec<Option<(String, V)>> = {
            let mut before = lock(&self.before);
            (items.iter())
                .map(|item| {
                    let (how, text) = how(item);
                    before.get_mut(&how)?.remove_entry(text)
                })
                .collect()
        };
        let found: Vec<(K, String, V)> = (items.iter().zip(recalled))
            .map(|(item, recalled)| {
                let (how, text) = how(item);
                let (text, found) = recalled.unwrap_or_else(|| (text.to_string(), find(item)));
                (how, text, found)
            })
            .collect();
        let mut now = lock(&self.now);
        (found.into_iter())
            .map(|(how, text, found)| {
                now.entry(how).or_default().insert(text, found.clone());
                found
            })
            .collect()
    }

    /// Keeps what this check found (and nothing of the texts it no longer has) for the next.
    pub(super) fn keep(self) {
        let now = self
            .now
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner);
        *lock(&self.memo.found) = now;
    }
}

/// A map the checking threads share: one that panicked while holding it left it whole, as each
/// change to it is one insert or remove.
fn lock<T>(map: &Mutex<T>) -> MutexGuard<'_, T> {
    map.lock().unwrap_or_else(PoisonError::into_inner)
}
