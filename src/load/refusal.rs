//! How a value type refuses what was typed (a date that does not exist, a gender spelled in a
//! way no table knows) without stopping the file at its first mistake.
//!
//! A type's `Deserialize` returns `refuse(refusal, fallback)`. While `load::yaml` reads a file,
//! the refusal is recorded at the line and field of the value being read and the fallback stands
//! in for it, so the rest of the file is still checked and every mistake is reported in one run
//! (the file as a whole is then refused; the fallback is never published). Read by any other
//! deserializer, the refusal is an ordinary error.

use crate::diagnostics::Bilingual;
use serde::de;
use std::cell::RefCell;

/// What is wrong with a value and, when it can be spelled out, the corrected value to type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub message: Bilingual,
    pub fix: Option<Bilingual>,
}

impl Refusal {
    pub fn new(message: Bilingual) -> Self {
        Self { message, fix: None }
    }

    pub fn fix(mut self, fix: Bilingual) -> Self {
        self.fix = Some(fix);
        self
    }
}

thread_local! {
    /// Refusals of the value being read, while a collecting parse runs on this thread.
    static PENDING: RefCell<Option<Vec<Refusal>>> = const { RefCell::new(None) };
}

/// Refuses a value: recorded, with `fallback` returned, while a collecting parse runs; an error
/// otherwise.
pub fn refuse<T, E: de::Error>(refusal: Refusal, fallback: T) -> Result<T, E> {
    let unrecorded = PENDING.with(|p| match p.borrow_mut().as_mut() {
        Some(pending) => {
            pending.push(refusal);
            None
        }
        None => Some(refusal),
    });
    match unrecorded {
        None => Ok(fallback),
        Some(r) => Err(E::custom(match r.fix {
            Some(fix) => format!("{} / {} ({} / {})", r.message.vi, r.message.en, fix.vi, fix.en),
            None => format!("{} / {}", r.message.vi, r.message.en),
        })),
    }
}

/// Runs `parse` with refusals collected instead of raised. Nested calls keep the outer
/// collection.
pub(crate) fn collecting<T>(parse: impl FnOnce() -> T) -> T {
    let outer = PENDING.with(|p| p.borrow_mut().replace(Vec::new()));
    let value = parse();
    PENDING.with(|p| *p.borrow_mut() = outer);
    value
}

/// The refusals recorded since the last call: those of the value just read.
pub(crate) fn take() -> Vec<Refusal> {
    PENDING.with(|p| p.borrow_mut().as_mut().map(std::mem::take).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refusal() -> Refusal {
        Refusal::new(Bilingual::new("sai", "wrong")).fix(Bilingual::new("viết 1", "write 1"))
    }

    #[test]
    fn outside_a_collecting_parse_a_refusal_is_an_error() {
        let e = refuse::<u32, serde::de::value::Error>(refusal(), 0).unwrap_err();
        assert_eq!(e.to_string(), "sai / wrong (viết 1 / write 1)");
    }

    #[test]
    fn inside_one_it_is_recorded_and_the_fallback_stands_in() {
        let (value, taken) = collecting(|| {
            let v = refuse::<u32, serde::de::value::Error>(refusal(), 7);
            (v, take())
        });
        assert_eq!(value.unwrap(), 7);
        assert_eq!(taken, vec![refusal()]);
        assert!(take().is_empty());
    }
}
