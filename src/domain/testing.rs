//! Helpers shared by the areas' tests: a table of `(input, want)` cases run through the function
//! under test, and lists of owned strings written as literals.

use std::fmt::Debug;

/// Runs every `(input, want)` case through `f` and names the input of a case that fails.
pub(crate) fn check_cases<I, G, W>(cases: impl IntoIterator<Item = (I, W)>, f: impl Fn(I) -> G)
where
    I: Debug + Clone,
    G: Debug + PartialEq<W>,
    W: Debug,
{
    for (input, want) in cases {
        assert_eq!(f(input.clone()), want, "{input:?}");
    }
}

/// `["a", "b"]` as owned strings.
pub(crate) fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}
