//! Stored records written sparsely: a field that holds its default (`None`, an empty list or
//! text, `false`, a nested record with nothing set) is left out of the JSON and read back as that
//! default. Campaigns, creators and workspace files keep small this way, and a record saved by an
//! older build (without a newer field) reads as if that field were never set.

/// Whether `value` is its type's default: the one test every sparse field is left out by. For
/// the types stored here it is the same as `Option::is_none`, `Vec::is_empty`, `String::is_empty`
/// or `!b`.
pub fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

/// Declares a serde struct in which every field is left out while it holds its default and is
/// read back as the default when missing (`#[serde(default)]`). The struct derives what that
/// needs (`Default`, `PartialEq`) with `Debug` and `Clone`, as every stored record does; more
/// derives (`Copy`, `Eq`) and other attributes (docs, `#[serde(flatten)]` on a field) pass
/// through.
///
/// ```ignore
/// sparse_record! {
///     /// What the campaign aims for; `None`: no target set.
///     #[derive(Copy)]
///     pub struct Targets {
///         pub views: Option<f64>,
///         pub clicks: Option<f64>,
///     }
/// }
/// ```
#[macro_export]
macro_rules! sparse_record {
    (
        $(#[$meta:meta])*
        $vis:vis struct $name:ident {
            $(
                $(#[$field_meta:meta])*
                $field_vis:vis $field:ident: $ty:ty
            ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
        #[serde(default)]
        $vis struct $name {
            $(
                $(#[$field_meta])*
                #[serde(skip_serializing_if = "crate::text::sparse::is_default")]
                $field_vis $field: $ty,
            )*
        }
    };
}

pub use crate::sparse_record;

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Map, Value};

    sparse_record! {
        struct Sample {
            number: Option<f64>,
            list: Vec<String>,
            text: String,
            flag: bool,
            #[serde(rename = "n")]
            nested: Inner,
            #[serde(flatten)]
            extra: Map<String, Value>,
        }
    }

    sparse_record! {
        #[derive(Copy)]
        struct Inner {
            a: Option<u32>,
        }
    }

    #[test]
    fn defaults_are_left_out_and_read_back() {
        let empty = Sample::default();
        assert_eq!(serde_json::to_string(&empty).unwrap(), "{}");
        assert_eq!(serde_json::from_str::<Sample>("{}").unwrap(), empty);

        let mut extra = Map::new();
        extra.insert("later".into(), json!(1));
        let full = Sample {
            number: Some(0.0),
            list: vec!["x".into()],
            text: "t".into(),
            flag: true,
            nested: Inner { a: Some(2) },
            extra,
        };
        let written = serde_json::to_string(&full).unwrap();
        assert_eq!(
            written,
            r#"{"number":0.0,"list":["x"],"text":"t","flag":true,"n":{"a":2},"later":1}"#
        );
        assert_eq!(serde_json::from_str::<Sample>(&written).unwrap(), full);
    }

    #[test]
    fn is_default_matches_the_emptiness_tests_it_replaces() {
        assert!(is_default(&None::<f64>) && !is_default(&Some(0.0)));
        assert!(is_default(&Vec::<u8>::new()) && !is_default(&vec![0u8]));
        assert!(is_default(&String::new()) && !is_default(&" ".to_string()));
        assert!(is_default(&false) && !is_default(&true));
    }
}
