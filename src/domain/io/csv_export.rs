//! Writes the shortlist as CSV that opens cleanly in Excel and Google Sheets and imports back unchanged.
//!
//! UTF-8 with a BOM (without it Excel shows "Ã©" for "é"), CRLF line ends, RFC 4180 quoting, and
//! the import's canonical headers so export then import gives the same creators: every field, then
//! the tier, then one column per kind of reported figure any creator has ("Reported engagement
//! rate", each figure as "value — source, date", several on separate lines of the cell), then one
//! column per custom field under its own header (a header twice when a creator has it twice).
//! The dossier's posts, follower history, samples and audience travel in the JSON workspace file.
//!
//! Cells are written by `text::csv` (shared with the campaign's exports): quoting, and the
//! formula-injection guard (a leading apostrophe the importer removes, `csv_import::unneutralise`).

use std::borrow::Cow;

use crate::creator::dossier::ReportedKind;
use crate::creator::record::Creator;
use crate::io::csv_import::{
    reported_header, reported_text, target_for_header, Delimiter, Field, Target,
};
use crate::text::csv::write_row;

/// A column the caller adds after the standard ones (e.g. the engagement rate under the chosen
/// formula). The importer ignores unknown columns, so adding one never breaks a round trip.
pub struct ExtraColumn<'a> {
    pub header: &'a str,
    pub value: &'a dyn Fn(&Creator) -> String,
}

/// The file's text. `delimiter` is normally [`Delimiter::Comma`]; offer semicolon for Excel set to
/// a European locale, which expects it.
pub fn export_csv(creators: &[Creator], delimiter: Delimiter, extra: &[ExtraColumn]) -> String {
    let d = delimiter.as_char();
    let mut out = String::with_capacity(64 + creators.len() * 160);
    out.push('\u{feff}');
    let custom = custom_columns(creators);
    let kinds: Vec<ReportedKind> = ReportedKind::ALL
        .into_iter()
        .filter(|&k| {
            creators.iter().any(|c| c.reported.iter().any(|f| f.kind == k))
                // A custom field under this very header would otherwise read back as the figure.
                || custom.iter().any(|(n, _)| target_for_header(n) == Target::Reported(k))
        })
        .collect();
    let headers = Field::ALL
        .iter()
        .map(|f| Cow::Borrowed(f.header()))
        .chain(std::iter::once(Cow::Borrowed("tier")))
        .chain(kinds.iter().map(|&k| Cow::Owned(reported_header(k))))
        .chain(custom.iter().map(|(name, _)| Cow::Borrowed(name.as_str())))
        .chain(extra.iter().map(|e| Cow::Borrowed(e.header)));
    write_row(&mut out, d, headers);
    for c in creators {
        let standard = Field::ALL.iter().map(|&f| cell(c, f));
        let tier = std::iter::once(Cow::Borrowed(c.tier().map(|t| t.name()).unwrap_or("")));
        let reported = kinds.iter().map(|&k| {
            let lines: Vec<String> = c
                .reported
                .iter()
                .filter(|f| f.kind == k)
                .map(reported_text)
                .collect();
            Cow::Owned(lines.join("\n"))
        });
        let customs = custom.iter().map(|(name, nth)| {
            let value = c.custom.iter().filter(|f| &f.name == name).nth(*nth);
            Cow::Borrowed(value.map(|f| f.value.as_str()).unwrap_or(""))
        });
        let extras = extra.iter().map(|e| Cow::Owned((e.value)(c)));
        write_row(
            &mut out,
            d,
            standard
                .chain(tier)
                .chain(reported)
                .chain(customs)
                .chain(extras),
        );
    }
    out
}

/// The custom columns: each name in order of first appearance, as many times as one creator has
/// it (with which occurrence each column holds), so no value is left out.
fn custom_columns(creators: &[Creator]) -> Vec<(String, usize)> {
    let mut out: Vec<(String, usize)> = Vec::new();
    for c in creators {
        for (i, f) in c.custom.iter().enumerate() {
            let nth = c.custom.iter().take(i).filter(|g| g.name == f.name).count();
            if !out.iter().any(|(n, k)| n == &f.name && *k == nth) {
                out.push((f.name.clone(), nth));
            }
        }
    }
    out
}

fn cell(c: &Creator, field: Field) -> Cow<'_, str> {
    let amount = |v: Option<f64>| Cow::Owned(v.map(format_amount).unwrap_or_default());
    match field {
        Field::Id => Cow::Borrowed(&c.id),
        Field::Name => Cow::Borrowed(&c.name),
        Field::Platform => Cow::Borrowed(c.platform.map(|p| p.name()).unwrap_or("")),
        Field::ProfileUrl => Cow::Borrowed(c.profile_url.as_deref().unwrap_or("")),
        Field::Followers => Cow::Owned(c.followers.map(|f| f.to_string()).unwrap_or_default()),
        Field::Views => amount(c.metrics.views),
        Field::Likes => amount(c.metrics.likes),
        Field::Comments => amount(c.metrics.comments),
        Field::Shares => amount(c.metrics.shares),
        Field::Saves => amount(c.metrics.saves),
        Field::Dislikes => amount(c.metrics.dislikes),
        Field::Impressions => amount(c.metrics.impressions),
        Field::Reach => amount(c.metrics.reach),
        Field::PostsPerWeek => amount(c.posts_per_week),
        Field::Price => amount(c.price),
        Field::Currency => Cow::Borrowed(c.currency.as_deref().unwrap_or("")),
        Field::SponsoredPosts => {
            Cow::Owned(c.sponsored_posts.map(|n| n.to_string()).unwrap_or_default())
        }
        Field::Status => Cow::Borrowed(c.status.label()),
        Field::Tags => Cow::Owned(c.tags.join(", ")),
        Field::Notes => Cow::Borrowed(&c.notes),
        Field::Email => Cow::Borrowed(c.email.as_deref().unwrap_or("")),
        Field::Location => Cow::Borrowed(&c.location),
        Field::Language => Cow::Borrowed(&c.language),
        // Links never hold spaces (they are checked), so a space separates them.
        Field::Links => Cow::Owned(c.links.join(" ")),
    }
}

/// A number as spreadsheets and the importer read it back exactly: no grouping, "." for decimals,
/// full precision, never an exponent.
///
/// The importer reads "0.125" as 125 (a dot followed by exactly three digits groups thousands in
/// pasted numbers, as in "45.000"), so a fraction of exactly three digits gets a trailing zero:
/// "0.1250" is unambiguous and the same value.
pub fn format_amount(v: f64) -> String {
    if !v.is_finite() {
        return String::new();
    }
    // Rust's Display for f64 is the shortest text that reads back to the same value, without exponent.
    let mut s = format!("{v}");
    if let Some((_, frac)) = s.split_once('.') {
        if frac.len() == 3 {
            s.push('0');
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::creator::metrics::PostMetrics;
    use crate::creator::platform::Platform;
    use crate::creator::record::Status;
    use crate::testing::check_cases;
    use crate::text::csv::{neutralise, push_cell};

    fn creator(name: &str) -> Creator {
        Creator::new("c1".into(), name, 0.0)
    }

    #[test]
    fn bom_header_crlf() {
        let mut c = creator("Ann");
        c.followers = Some(45_000);
        c.platform = Some(Platform::TikTok);
        c.metrics = PostMetrics {
            views: Some(130_000.0),
            likes: Some(0.125),
            ..PostMetrics::default()
        };
        c.price = Some(99.5);
        c.tags = vec!["fitness".into(), "vegan".into()];
        c.status = Status::Negotiating;
        let csv = export_csv(&[c], Delimiter::Comma, &[]);
        assert_eq!(
            csv,
            "\u{feff}id,name,platform,profile_url,followers,views,likes,comments,shares,saves,dislikes,impressions,reach,posts_per_week,price,currency,sponsored_posts,status,tags,notes,email,location,language,links,tier\r\n\
             c1,Ann,TikTok,,45000,130000,0.1250,,,,,,,,99.5,,,Negotiating,\"fitness, vegan\",,,,,,Micro\r\n"
        );
    }

    #[test]
    fn quoting() {
        let cases = [
            ("plain", ',', "plain"),
            ("a,b", ',', "\"a,b\""),
            ("a,b", ';', "a,b"),
            ("a;b", ';', "\"a;b\""),
            ("a\tb", '\t', "\"a\tb\""),
            ("say \"hi\"", ',', "\"say \"\"hi\"\"\""),
            ("two\nlines", ',', "\"two\nlines\""),
            ("cr\rhere", ',', "\"cr\rhere\""),
            ("", ',', ""),
            ("Café ☕", ',', "Café ☕"),
        ];
        for (cell, d, want) in cases {
            let mut out = String::new();
            push_cell(&mut out, cell, d);
            assert_eq!(out, want, "{cell:?}");
        }
    }

    #[test]
    fn formula_injection_is_neutralised() {
        let cases = [
            (
                "=HYPERLINK(\"http://x\",\"y\")",
                "'=HYPERLINK(\"http://x\",\"y\")",
            ),
            ("+1", "'+1"),
            ("-Ann-", "'-Ann-"),
            ("@handle", "'@handle"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("'Tis", "''Tis"),
            ("Ann", "Ann"),
            ("a=b", "a=b"),
            ("", ""),
        ];
        check_cases(cases, neutralise);
        let mut c = creator("=cmd|' /C calc'!A0");
        c.notes = "-2+3".into();
        let csv = export_csv(&[c], Delimiter::Comma, &[]);
        let row = csv.split("\r\n").nth(1).unwrap_or("");
        assert!(row.starts_with("c1,'=cmd|' /C calc'!A0,"), "{row}");
        assert!(row.contains(",'-2+3,"), "{row}");
    }

    #[test]
    fn amounts() {
        let cases = [
            (45_000.0, "45000"),
            (0.5, "0.5"),
            (0.125, "0.1250"),
            (1234.567, "1234.5670"),
            (12.25, "12.25"),
            (1e10, "10000000000"),
            (0.0001, "0.0001"),
            (f64::NAN, ""),
            (f64::INFINITY, ""),
        ];
        check_cases(cases, format_amount);
    }

    #[test]
    fn extra_columns_and_semicolons() {
        let rate = |c: &Creator| {
            if c.name == "Ann" {
                "8.5%".to_string()
            } else {
                String::new()
            }
        };
        let extra = [ExtraColumn {
            header: "engagement rate",
            value: &rate,
        }];
        let mut c = creator("Ann");
        c.price = Some(1.5);
        c.notes = "a;b".into();
        let csv = export_csv(&[c], Delimiter::Semicolon, &extra);
        let mut lines = csv.split("\r\n");
        let header = lines.next().unwrap_or("");
        assert!(header.ends_with(";tier;engagement rate"), "{header}");
        let row = lines.next().unwrap_or("");
        assert_eq!(row, "c1;Ann;;;;;;;;;;;;;1.5;;;Prospect;;\"a;b\";;;;;;8.5%");
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod props {
    use super::*;
    use crate::creator::dossier::{FollowerSnapshot, SnapshotSource};
    use crate::creator::record::platform_from_url;
    use crate::io::csv_import::{is_link, ImportSession};
    use crate::io::workspace::props::arb_dossier_creator;
    use crate::text::date::Date;
    use proptest::prelude::*;

    /// What the CSV carries of a creator, in a comparable order: the dossier's posts, samples,
    /// caption checks and audience travel in the JSON workspace instead; reported figures come
    /// back grouped by kind and custom fields by column.
    fn carried(mut c: Creator) -> Creator {
        c.posts = Vec::new().into();
        c.follower_history = Vec::new().into();
        c.comment_samples = Vec::new().into();
        c.caption_checks = Vec::new().into();
        c.audience = Default::default();
        c.reported
            .sort_by_key(|f| ReportedKind::ALL.iter().position(|k| *k == f.kind));
        c.custom.sort_by(|a, b| a.name.cmp(&b.name));
        c
    }

    fn import(csv: String, now: f64) -> Result<Vec<Creator>, TestCaseError> {
        let session = ImportSession::new(csv, now);
        prop_assert!(session.is_ok(), "{:?}", session.as_ref().err());
        let Ok(session) = session else {
            return Ok(Vec::new());
        };
        let report = session.finish();
        prop_assert_eq!(&report.rejected, &vec![]);
        prop_assert_eq!(report.skipped_empty, 0);
        Ok(report.creators)
    }

    proptest! {
        // Each case builds several creators from broad Unicode text: 64 keep the suite quick.
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn export_then_import_gives_the_same_creators(
            creators in proptest::collection::vec(arb_dossier_creator(), 0..8),
            semicolon in any::<bool>(),
        ) {
            // Ids must be unique in a file; the CSV doesn't carry timestamps.
            let now = 42.0;
            let creators: Vec<Creator> = creators
                .into_iter()
                .filter(|c| !is_link(&c.name))
                .enumerate()
                .map(|(i, mut c)| {
                    c.id = format!("{}-{i}", c.id);
                    c.created_at = now;
                    c.updated_at = now;
                    // The importer fills a missing platform from the link.
                    if c.platform.is_none() {
                        c.platform = c.profile_url.as_deref().and_then(platform_from_url);
                    }
                    c.links.retain(|l| c.profile_url.as_deref() != Some(l.as_str()));
                    c
                })
                .collect();
            let delimiter = if semicolon { Delimiter::Semicolon } else { Delimiter::Comma };
            let first = import(export_csv(&creators, delimiter, &[]), now)?;
            // Each import dates the follower count it read.
            let today = Date::from_day_number(0);
            for (got, want) in first.iter().zip(&creators) {
                let history: Vec<FollowerSnapshot> = got.follower_history.to_vec();
                let expected: Vec<FollowerSnapshot> = want
                    .followers
                    .zip(today)
                    .map(|(count, date)| FollowerSnapshot { date, count, source: SnapshotSource::Import })
                    .into_iter()
                    .collect();
                prop_assert_eq!(history, expected);
            }
            let want: Vec<Creator> = creators.into_iter().map(carried).collect();
            let got: Vec<Creator> = first.iter().cloned().map(carried).collect();
            prop_assert_eq!(&got, &want);
            // And once more: an imported list exports and imports to itself.
            let second = import(export_csv(&first, delimiter, &[]), now)?;
            prop_assert_eq!(second, first);
        }
    }
}
