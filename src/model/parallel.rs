//! Assembling the files of a kind, each on its own, in parallel: a national site has tens of
//! thousands of candidates and documents to parse.

use crate::diagnostics::Diagnostic;
use rayon::prelude::*;

/// `each` of `items`, run in parallel, each with a list of problems of its own; what each gives
/// and its problems come back in the order of `items`, so that the site and its diagnostics are
/// the same as when the files are assembled one after another.
pub(super) fn each_with_problems<T, R>(
    items: &[T],
    each: impl Fn(&T, &mut Vec<Diagnostic>) -> R + Sync,
) -> Vec<(R, Vec<Diagnostic>)>
where
    T: Sync,
    R: Send,
{
    items
        .par_iter()
        .map(|item| {
            let mut problems = Vec::new();
            let made = each(item, &mut problems);
            (made, problems)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Bilingual;
    use std::path::Path;

    #[test]
    fn results_and_problems_keep_the_order_of_the_items() {
        let items: Vec<usize> = (0..1000).collect();
        let out = each_with_problems(&items, |&n, problems| {
            for _ in 0..n % 3 {
                problems.push(Diagnostic::error(n.to_string(), Bilingual::new("x", "x")));
            }
            n * 2
        });
        for (n, (made, problems)) in out.iter().enumerate() {
            assert_eq!(*made, n * 2);
            assert_eq!(problems.len(), n % 3);
            assert!(problems.iter().all(|d| d.path == Path::new(&n.to_string())));
        }
    }
}
