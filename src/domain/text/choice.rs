//! One vocabulary for the closed sets of choices (platforms, statuses, goals, formulas...): every
//! value in display order, a stable id for storage and form values, a label for people, and a
//! parser that reads either back. Generic code (the UI's `ChoiceSelect`) works on any of them.

/// A closed set of values a user picks from.
///
/// Ids are stored (local storage, workspace files, CSV, form values): once released, an id never
/// changes. Labels may.
pub trait Choice: Copy + Eq + 'static {
    /// Every value, in display order.
    const ALL: &'static [Self];

    /// The stable id.
    fn id(self) -> &'static str;

    /// The name shown to people.
    fn label(self) -> &'static str;

    /// Reads an id or a label back, trimmed and ignoring case. Types with extra words of their
    /// own (aliases people type in a sheet) override this.
    fn parse(s: &str) -> Option<Self> {
        let s = s.trim();
        Self::ALL
            .iter()
            .copied()
            .find(|c| c.id().eq_ignore_ascii_case(s) || c.label().eq_ignore_ascii_case(s))
    }
}

/// Writes a choice enum's value table once: `ALL`, the id method and the label method as
/// inherent items (so callers need no import; the methods keep their established names, e.g.
/// `name` for a platform's label), and the [`Choice`] impl on top of them.
///
/// ```ignore
/// choices! {
///     Metric, id, label;
///     Views => "views", "Views";
///     Clicks => "clicks", "Clicks";
/// }
/// ```
///
/// Add `parse = Metric::parse_words` after the method names to have `Choice::parse` use the
/// type's own parser instead of the default.
macro_rules! choices {
    (
        $ty:ident, $id_fn:ident, $label_fn:ident $(, parse = $parse:path)?;
        $($variant:ident => $id:literal, $label:literal;)+
    ) => {
        impl $ty {
            /// Every value, in display order.
            pub const ALL: [$ty; {
                let variants: &[&str] = &[$(stringify!($variant)),+];
                variants.len()
            }] = [$($ty::$variant),+];

            /// The stable id, for storage and form values: never change one.
            pub fn $id_fn(self) -> &'static str {
                match self {
                    $($ty::$variant => $id,)+
                }
            }

            /// The name shown to people.
            pub fn $label_fn(self) -> &'static str {
                match self {
                    $($ty::$variant => $label,)+
                }
            }
        }

        impl $crate::domain::text::choice::Choice for $ty {
            const ALL: &'static [Self] = &<$ty>::ALL;

            fn id(self) -> &'static str {
                <$ty>::$id_fn(self)
            }

            fn label(self) -> &'static str {
                <$ty>::$label_fn(self)
            }

            $(
                fn parse(s: &str) -> Option<Self> {
                    $parse(s)
                }
            )?
        }
    };
}

pub(crate) use choices;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::campaign::record::Goal;
    use crate::domain::campaign::tracking::Metric;
    use crate::domain::creator::record::Status;
    use crate::domain::engine::benchmark::Verdict;
    use crate::domain::engine::engagement::{Field as PostField, Formula};
    use crate::domain::io::csv_import::Field as CsvField;
    use crate::domain::risk::comments::GenericKind;
    use crate::domain::risk::disclosure::Jurisdiction;
    use crate::domain::risk::rules::RiskKind;
    use crate::domain::{Platform, Tier};

    /// Every id, as a release writes it. Stored data (local storage, workspace files, CSV) holds
    /// these strings: a change here breaks what users saved, so this list is written out, not
    /// computed.
    fn ids<T: Choice>() -> Vec<&'static str> {
        T::ALL.iter().map(|c| c.id()).collect()
    }

    fn check<T: Choice + std::fmt::Debug>(name: &str, want: &[&str]) {
        assert_eq!(ids::<T>(), want, "{name}: ids changed");
        for (i, a) in T::ALL.iter().enumerate() {
            for b in &T::ALL[i + 1..] {
                assert_ne!(a.id(), b.id(), "{name}: duplicate id");
                assert_ne!(a.label(), b.label(), "{name}: duplicate label");
            }
            assert_eq!(T::parse(a.id()), Some(*a), "{name}: parse(id) of {a:?}");
            assert_eq!(
                T::parse(a.label()),
                Some(*a),
                "{name}: parse(label) of {a:?}"
            );
            let padded = format!("  {}  ", a.id().to_uppercase());
            assert_eq!(T::parse(&padded), Some(*a), "{name}: parse({padded:?})");
        }
        assert_eq!(T::parse("no such choice"), None, "{name}");
    }

    #[test]
    fn ids_are_stable_unique_and_read_back() {
        check::<Goal>(
            "Goal",
            &["awareness", "engagement", "conversions", "content-creation"],
        );
        check::<Metric>("Metric", &["views", "engagements", "clicks", "conversions"]);
        check::<Status>(
            "Status",
            &[
                "prospect",
                "contacted",
                "negotiating",
                "confirmed",
                "posted",
                "declined",
            ],
        );
        check::<Platform>("Platform", &["tiktok", "youtube", "instagram"]);
        check::<Tier>("Tier", &["below-nano", "nano", "micro", "macro", "mega"]);
        check::<Formula>(
            "Formula",
            &["source-views", "followers", "tiktok-views", "median-views"],
        );
        check::<PostField>(
            "engagement Field",
            &["views", "likes", "comments", "shares", "dislikes", "saves"],
        );
        check::<CsvField>(
            "CSV Field",
            &[
                "id",
                "name",
                "platform",
                "profile_url",
                "followers",
                "views",
                "likes",
                "comments",
                "shares",
                "saves",
                "dislikes",
                "posts_per_week",
                "price",
                "currency",
                "sponsored_posts",
                "status",
                "tags",
                "notes",
            ],
        );
        check::<Jurisdiction>(
            "Jurisdiction",
            &["us", "uk", "eu", "de", "fr", "in", "au", "ca", "cn", "br"],
        );
        check::<RiskKind>(
            "RiskKind",
            &[
                "hate-watching",
                "bought-engagement",
                "audience-fit",
                "inexperience",
                "disclosure",
                "engagement-anomaly",
                "cadence",
            ],
        );
        check::<GenericKind>(
            "GenericKind",
            &["emoji-only", "one-word", "stock-praise", "self-promotion"],
        );
        check::<Verdict>(
            "Verdict",
            &["far-below", "below", "in-line", "above", "far-above"],
        );
    }

    #[test]
    fn the_default_parse_trims_and_ignores_case_only() {
        let cases = [
            ("micro", Some(Tier::Micro)),
            (" Below Nano ", Some(Tier::BelowNano)),
            ("BELOW-NANO", Some(Tier::BelowNano)),
            ("belownano", None),
            ("", None),
        ];
        for (s, want) in cases {
            assert_eq!(Tier::parse(s), want, "{s:?}");
        }
    }

    #[test]
    fn own_parsers_keep_their_words() {
        // Overrides stay in force through the trait: aliases people type in their sheets.
        assert_eq!(<Platform as Choice>::parse("yt"), Some(Platform::YouTube));
        assert_eq!(<Status as Choice>::parse("booked"), Some(Status::Confirmed));
        assert_eq!(<Status as Choice>::parse(""), Some(Status::Prospect));
        assert_eq!(
            <PostField as Choice>::parse("plays"),
            Some(PostField::Views)
        );
        assert_eq!(
            <Goal as Choice>::parse("contentcreation"),
            Some(Goal::ContentCreation)
        );
        assert_eq!(
            <Jurisdiction as Choice>::parse("Germany"),
            Some(Jurisdiction::Germany)
        );
    }
}
