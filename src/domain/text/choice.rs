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

/// The value whose id or label is exactly `s`: what the app itself writes (exports, stored
/// rows), matched without allocating, which matters on a 100,000-row import. Parsers with words
/// of their own try this first, then [`fold_key`].
pub fn exact<T: Choice>(s: &str) -> Option<T> {
    T::ALL
        .iter()
        .copied()
        .find(|c| c.id() == s || c.label() == s)
}

/// Lower case, letters and digits only: "Tik Tok", "tik-tok" and "TIKTOK" are one key, and so
/// are the headers "Avg. Views" and "avg_views". The key aliases and headers are matched by.
pub fn fold_key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
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
/// type's own parser instead of the default. Where the id is also what people read (a post's
/// counts: "views", "likes"), name one method and give one string a value:
/// `choices! { Field, name; Views => "views"; ... }`.
#[macro_export]
macro_rules! choices {
    (@ids $ty:ident, $id_fn:ident; $($variant:ident => $id:literal)+) => {
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
        }
    };
    (@choice $ty:ident, $id_fn:ident, $label_fn:ident $(, $parse:path)?) => {
        impl $crate::text::choice::Choice for $ty {
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
    (
        $ty:ident, $id_fn:ident, $label_fn:ident $(, parse = $parse:path)?;
        $($variant:ident => $id:literal, $label:literal;)+
    ) => {
        $crate::text::choice::choices!(@ids $ty, $id_fn; $($variant => $id)+);

        impl $ty {
            /// The name shown to people.
            pub fn $label_fn(self) -> &'static str {
                match self {
                    $($ty::$variant => $label,)+
                }
            }
        }

        $crate::text::choice::choices!(@choice $ty, $id_fn, $label_fn $(, $parse)?);
    };
    // The id is also the label.
    (
        $ty:ident, $id_fn:ident $(, parse = $parse:path)?;
        $($variant:ident => $id:literal;)+
    ) => {
        $crate::text::choice::choices!(@ids $ty, $id_fn; $($variant => $id)+);
        $crate::text::choice::choices!(@choice $ty, $id_fn, $id_fn $(, $parse)?);
    };
}

pub use crate::choices;
