//! Helpers shared by the areas' tests: a table of `(input, want)` cases run through the function
//! under test, a choice enum's ids as parsed and stored, lists of owned strings written as
//! literals, and the field names a stored record type reads (`fields_of`).

use std::fmt::Debug;

use serde::{de::DeserializeOwned, Serialize};

use crate::text::choice::Choice;
use crate::text::date::Date;

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

/// The name and field names serde reads for the struct `T` (derived `Deserialize`), without a
/// value of it: a deserializer that stops at the struct and reports what it was asked for. `None`
/// for anything that is not read as a plain struct (a flattened one, an enum, a newtype).
pub fn fields_of<T: DeserializeOwned>() -> Option<(&'static str, &'static [&'static str])> {
    match T::deserialize(FieldsProbe) {
        Err(Probed::Struct(name, fields)) => Some((name, fields)),
        _ => None,
    }
}

/// What [`FieldsProbe`] found: the struct's name and fields, or something else.
#[derive(Debug)]
enum Probed {
    Struct(&'static str, &'static [&'static str]),
    Other,
}

impl std::fmt::Display for Probed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{self:?}")
    }
}

impl std::error::Error for Probed {}

impl serde::de::Error for Probed {
    fn custom<M: std::fmt::Display>(_: M) -> Probed {
        Probed::Other
    }
}

struct FieldsProbe;

impl<'de> serde::Deserializer<'de> for FieldsProbe {
    type Error = Probed;

    fn deserialize_any<V: serde::de::Visitor<'de>>(self, _: V) -> Result<V::Value, Probed> {
        Err(Probed::Other)
    }

    fn deserialize_struct<V: serde::de::Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Probed> {
        Err(Probed::Struct(name, fields))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
        ignored_any
    }
}

/// A struct's name and the fields serde reads for it.
pub type Fields = (String, Vec<String>);

/// The structs `probed` names, read by [`fields_of`]; one that is not a plain struct fails the
/// test that asked, by its position.
fn all_fields(probed: &[Option<(&'static str, &'static [&'static str])>]) -> Vec<Fields> {
    probed
        .iter()
        .enumerate()
        .map(|(i, f)| match f {
            Some((name, fields)) => (name.to_string(), strings(fields)),
            None => panic!("struct {i} of the list is not a plain struct: list its fields by hand"),
        })
        .collect()
}

/// Every struct a stored creator is made of (the shortlist, the workspace file, a shared link).
pub fn creator_record_fields() -> Vec<Fields> {
    use crate::creator::dossier::*;
    use crate::creator::metrics::PostMetrics;
    use crate::creator::record::Creator;
    let mut all = all_fields(&[
        fields_of::<Creator>(),
        fields_of::<PostMetrics>(),
        fields_of::<FollowerSnapshot>(),
        fields_of::<CommentSample>(),
        fields_of::<SampleCounts>(),
        fields_of::<CaptionCheck>(),
        fields_of::<PostSettings>(),
        fields_of::<CountryVerdict>(),
        fields_of::<Audience>(),
        fields_of::<Share>(),
        fields_of::<ReportedFigure>(),
        fields_of::<CustomField>(),
    ]);
    // A post's numbers are flattened into it, so serde does not read it field by field: its
    // fields are the keys of a post written in full. The literal names every field (no `..`),
    // so a new one does not compile until it is written here too.
    let post = Post {
        date: Date::parse("2026-01-01").ok(),
        metrics: PostMetrics::default(),
        sponsored: true,
        caption: "c".into(),
        link: Some("https://l.example".into()),
    };
    let keys = match serde_json::to_value(post) {
        Ok(serde_json::Value::Object(map)) => map.keys().cloned().collect(),
        _ => Vec::new(),
    };
    all.push(("Post".into(), keys));
    all
}

/// Every struct a stored campaign is made of (the campaigns, the workspace file, a shared brief).
/// The checklist is a list of keys, not a struct.
pub fn campaign_record_fields() -> Vec<Fields> {
    use crate::campaign::attribution::{
        Attribution, CodeCount, CreatorCode, OrdersFile, Rate, StoredOrder, UnreadableRow, UtmParts,
    };
    use crate::campaign::calendar::{Deliverable, Deliverables};
    use crate::campaign::pricing::reach::ReachAssumptions;
    use crate::campaign::pricing::terms::TermSetting;
    use crate::campaign::pricing::{CampaignQuote, Pricing};
    use crate::campaign::record::{Campaign, PostResult, Targets};
    all_fields(&[
        fields_of::<Campaign>(),
        fields_of::<Targets>(),
        fields_of::<PostResult>(),
        fields_of::<Attribution>(),
        fields_of::<UtmParts>(),
        fields_of::<CreatorCode>(),
        fields_of::<Rate>(),
        fields_of::<OrdersFile>(),
        fields_of::<StoredOrder>(),
        fields_of::<CodeCount>(),
        fields_of::<UnreadableRow>(),
        fields_of::<Pricing>(),
        fields_of::<TermSetting>(),
        fields_of::<CampaignQuote>(),
        fields_of::<ReachAssumptions>(),
        fields_of::<Deliverables>(),
        fields_of::<Deliverable>(),
    ])
}

/// The stored risk thresholds.
pub fn thresholds_fields() -> Vec<Fields> {
    all_fields(&[fields_of::<crate::risk::thresholds::Thresholds>()])
}
