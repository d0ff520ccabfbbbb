//! Helpers shared by the areas' tests: a table of `(input, want)` cases run through the function
//! under test, a choice enum's ids as parsed and stored, and lists of owned strings written as
//! literals.

use std::fmt::Debug;

use serde::{de::DeserializeOwned, Serialize};

use crate::text::choice::Choice;

/// Runs every `(input, want)` case through `f` and names the input of a case that fails.
pub fn check_cases<I, G, W>(cases: impl IntoIterator<Item = (I, W)>, f: impl Fn(I) -> G)
where
    I: Debug + Clone,
    G: Debug + PartialEq<W>,
    W: Debug,
{
    for (input, want) in cases {
        assert_eq!(f(input.clone()), want, "{input:?}");
    }
}

/// Every value of `T` reads back from its id and from its label, and JSON (what stored data
/// holds) writes it as its id and reads it back.
pub fn check_choice_ids<T: Choice + Debug + Serialize + DeserializeOwned>() {
    for c in T::ALL.iter().copied() {
        assert_eq!(T::parse(c.id()), Some(c));
        assert_eq!(T::parse(c.label()), Some(c));
        let json = serde_json::to_string(&c).unwrap_or_default();
        assert_eq!(json, format!("\"{}\"", c.id()));
        assert_eq!(serde_json::from_str::<T>(&json).ok(), Some(c));
    }
}

/// `["a", "b"]` as owned strings.
pub fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

/// Each value is stored as exactly its `want` and reads back as itself: a stored format written
/// out.
pub fn check_json<T>(cases: impl IntoIterator<Item = (T, &'static str)>)
where
    T: Serialize + DeserializeOwned + PartialEq + Debug,
{
    for (value, want) in cases {
        let json = serde_json::to_string(&value).unwrap_or_default();
        assert_eq!(json, want, "{value:?}");
        assert_eq!(serde_json::from_str::<T>(&json).ok(), Some(value), "{json}");
    }
}
