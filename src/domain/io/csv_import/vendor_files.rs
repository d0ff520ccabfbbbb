//! Table tests over the files people already have (DOMAIN.md §10), kept in `tests/fixtures/import`:
//! each imports with no manual mapping, and every filled cell is kept somewhere on its creator.

use std::borrow::Cow;

use super::reader::{read_record, skip_blank_lines, Cursor};
use super::{ColumnMapping, Field, ImportReport, ImportSession, Target};
use crate::creator::dossier::ReportedKind;
use crate::creator::platform::Platform;
use crate::creator::record::Creator;
use crate::io::encoding::{decode, Encoding};
use crate::text::date::Date;

/// 2026-05-14, noon UTC.
const NOW_MS: f64 = 1_778_760_000_000.0;

fn fixture(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/../../tests/fixtures/import/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn import(name: &str) -> ImportReport {
    let session = ImportSession::from_file(name, fixture(name), NOW_MS)
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    let preview = session.preview(5);
    assert_eq!(preview.name_missing, None, "{name}: asks for a name column");
    session.finish()
}

/// What one creator of a fixture must come out as.
struct Expect {
    name: &'static str,
    platform: Option<Platform>,
    followers: Option<u64>,
    profile_url: Option<&'static str>,
    email: Option<&'static str>,
    location: &'static str,
    links: &'static [&'static str],
    reported: &'static [(ReportedKind, &'static str)],
    custom: &'static [(&'static str, &'static str)],
}

const NONE: Expect = Expect {
    name: "",
    platform: None,
    followers: None,
    profile_url: None,
    email: None,
    location: "",
    links: &[],
    reported: &[],
    custom: &[],
};

use ReportedKind::{
    AudienceQuality, AverageComments, AverageLikes, AverageViews, EngagementRate, Following,
    PostCount,
};

fn cases() -> Vec<(&'static str, Encoding, Vec<Expect>)> {
    vec![
        (
            "modash-api.csv",
            Encoding::Utf8,
            vec![
                Expect {
                    name: "ann.fit",
                    platform: Some(Platform::Instagram),
                    followers: Some(42_900),
                    profile_url: Some("https://www.instagram.com/ann.fit/"),
                    reported: &[
                        (Following, "512"),
                        (PostCount, "1204"),
                        (EngagementRate, "11.85%"),
                        (AverageLikes, "4100"),
                        (AverageComments, "230"),
                        (AverageViews, "58300"),
                    ],
                    custom: &[("fullname", "Ann Fitness")],
                    ..NONE
                },
                Expect {
                    name: "bo.travels",
                    platform: Some(Platform::Instagram),
                    followers: Some(1_200_000),
                    profile_url: Some("https://www.instagram.com/bo.travels/"),
                    reported: &[
                        (Following, "98"),
                        (PostCount, "845"),
                        (EngagementRate, "2.34%"),
                        (AverageLikes, "25100"),
                        (AverageComments, "410"),
                    ],
                    custom: &[("fullname", "Bo Travels")],
                    ..NONE
                },
                Expect {
                    name: "lia.moves",
                    platform: Some(Platform::TikTok),
                    followers: Some(18_250),
                    profile_url: Some("https://www.tiktok.com/@lia.moves"),
                    reported: &[
                        (Following, "1320"),
                        (PostCount, "377"),
                        (EngagementRate, "6.12%"),
                        (AverageLikes, "980"),
                        (AverageComments, "41"),
                        (AverageViews, "24100"),
                    ],
                    custom: &[("fullname", "Lia Moves")],
                    ..NONE
                },
            ],
        ),
        (
            "modash-list.csv",
            Encoding::Utf8,
            vec![
                Expect {
                    name: "@ann.fit",
                    platform: Some(Platform::Instagram),
                    followers: Some(42_900),
                    profile_url: Some("https://www.instagram.com/ann.fit/"),
                    reported: &[
                        (EngagementRate, "11.85%"),
                        (AverageLikes, "4.1k"),
                        (AverageComments, "230"),
                    ],
                    custom: &[("Full name", "Ann Fitness"), ("Lists", "Spring launch")],
                    ..NONE
                },
                Expect {
                    name: "@bo.travels",
                    platform: Some(Platform::Instagram),
                    followers: Some(1_200_000),
                    profile_url: Some("https://www.instagram.com/bo.travels/"),
                    reported: &[
                        (EngagementRate, "2.34%"),
                        (AverageLikes, "25.1k"),
                        (AverageComments, "410"),
                    ],
                    custom: &[
                        ("Full name", "Bo Travels"),
                        ("Lists", "Spring launch, Summer"),
                    ],
                    ..NONE
                },
                // A profile link in the username column gives the handle and the link.
                Expect {
                    name: "lia.moves",
                    platform: Some(Platform::TikTok),
                    followers: Some(18_300),
                    profile_url: Some("https://www.tiktok.com/@lia.moves"),
                    reported: &[
                        (EngagementRate, "6.12%"),
                        (AverageLikes, "980"),
                        (AverageComments, "41"),
                    ],
                    custom: &[("Full name", "Lia Moves")],
                    ..NONE
                },
            ],
        ),
        (
            "hypeauditor.csv",
            Encoding::Utf8,
            vec![
                Expect {
                    name: "cy.cooks",
                    followers: Some(250_400),
                    location: "Lisbon, Portugal",
                    reported: &[
                        (Following, "812"),
                        (PostCount, "1534"),
                        (AverageLikes, "9840"),
                        (AverageComments, "312"),
                        (AudienceQuality, "87"),
                    ],
                    custom: &[("full_name", "Cy Cooks")],
                    ..NONE
                },
                Expect {
                    name: "dee.runs",
                    followers: Some(8_200),
                    location: "London, United Kingdom",
                    reported: &[
                        (Following, "455"),
                        (PostCount, "612"),
                        (AverageLikes, "410"),
                        (AverageComments, "22"),
                        (AudienceQuality, "64"),
                    ],
                    custom: &[("full_name", "Dee Runs")],
                    ..NONE
                },
            ],
        ),
        (
            "upfluence.csv",
            Encoding::Utf8,
            vec![
                Expect {
                    name: "Dee Runs",
                    platform: Some(Platform::Instagram),
                    profile_url: Some("https://www.instagram.com/dee.runs/"),
                    email: Some("dee@runmail.co.uk"),
                    custom: &[
                        ("influencer_id", "98231"),
                        ("first_name", "Dee"),
                        ("last_name", "Okafor"),
                        ("phone_number", "+44 7700 900123"),
                        ("shipping_address.address_line_1", "12 Park Lane"),
                        ("shipping_address.city", "London"),
                        ("shipping_address.zip_code", "W1K 1AA"),
                        ("shipping_address.country", "United Kingdom"),
                    ],
                    ..NONE
                },
                // No profile name: the handle comes from the profile link.
                Expect {
                    name: "gusgames",
                    platform: Some(Platform::YouTube),
                    profile_url: Some("https://www.youtube.com/@gusgames"),
                    email: Some("gus@games.gg"),
                    custom: &[
                        ("influencer_id", "98232"),
                        ("first_name", "Gus"),
                        ("last_name", "Lindqvist"),
                        ("shipping_address.address_line_1", "Storgatan 4"),
                        ("shipping_address.city", "Stockholm"),
                        ("shipping_address.zip_code", "111 23"),
                        ("shipping_address.country", "Sweden"),
                    ],
                    ..NONE
                },
            ],
        ),
        (
            "aspire.csv",
            Encoding::Utf8,
            vec![
                Expect {
                    name: "eve.reads",
                    platform: Some(Platform::Instagram),
                    profile_url: Some("https://www.instagram.com/eve.reads"),
                    email: Some("eve@reads.com"),
                    location: "Austin, TX, US",
                    links: &["https://www.youtube.com/@evereads"],
                    custom: &[
                        ("uid", "u-5531"),
                        ("pinterest", "evereadsbooks"),
                        ("address1", "500 Main St"),
                        ("address2", "Apt 4"),
                        ("postalcode", "78701"),
                    ],
                    ..NONE
                },
                Expect {
                    name: "gusgames",
                    platform: Some(Platform::TikTok),
                    profile_url: Some("https://www.tiktok.com/@gusgames"),
                    email: Some("gus@games.gg"),
                    location: "Manchester, GB",
                    links: &["https://www.youtube.com/channel/UCgus123"],
                    custom: &[
                        ("uid", "u-5532"),
                        ("address1", "1 High St"),
                        ("postalcode", "M1 1AA"),
                    ],
                    ..NONE
                },
                // Only a YouTube channel link: the name comes from its path.
                Expect {
                    name: "FayBeauty",
                    platform: Some(Platform::YouTube),
                    profile_url: Some("https://www.youtube.com/c/FayBeauty"),
                    email: Some("fay@beauty.fr"),
                    location: "Paris, FR",
                    custom: &[
                        ("uid", "u-5533"),
                        ("pinterest", "faybeauty"),
                        ("address1", "8 rue Oberkampf"),
                        ("postalcode", "75011"),
                    ],
                    ..NONE
                },
            ],
        ),
        (
            "team-sheet.csv",
            Encoding::Utf8,
            vec![
                Expect {
                    name: "Hana Vegan",
                    platform: Some(Platform::TikTok),
                    followers: Some(98_000),
                    email: Some("hana@veg.de"),
                    location: "Berlin, DE",
                    reported: &[(EngagementRate, "7.2%")],
                    custom: &[
                        ("Handle", "@hana.vegan"),
                        ("Deliverables", "2 TikToks"),
                        ("Deadline", "2026-06-01"),
                        ("Product gifted", "Starter kit"),
                        ("UTM link", "https://shop.example.com/?utm_source=tiktok&utm_medium=influencer&utm_campaign=spring&utm_content=hana.vegan"),
                        ("Discount code", "HANA15"),
                    ],
                    ..NONE
                },
                Expect {
                    name: "Ivo Tech",
                    platform: Some(Platform::YouTube),
                    followers: Some(1_500_000),
                    location: "Porto",
                    reported: &[(EngagementRate, "4.41%")],
                    custom: &[
                        ("Handle", "@ivotech"),
                        ("Deliverables", "1 video"),
                        ("Deadline", "2026-06-15"),
                        ("UTM link", "https://shop.example.com/?utm_source=youtube&utm_medium=influencer&utm_campaign=spring&utm_content=ivotech"),
                        ("Discount code", "IVO10"),
                    ],
                    ..NONE
                },
            ],
        ),
        (
            "excel-windows-1252.csv",
            Encoding::Windows1252,
            vec![
                Expect {
                    name: "José García",
                    followers: Some(12_500),
                    location: "Zürich",
                    custom: &[("Favourite café", "Café Müller – “best” €5")],
                    ..NONE
                },
                Expect {
                    name: "Šárka Nováková",
                    followers: Some(8_300),
                    location: "Brno",
                    ..NONE
                },
            ],
        ),
        (
            "excel-unicode-text.txt",
            Encoding::Utf16Le,
            vec![Expect {
                name: "Zoë Müller",
                followers: Some(15_200),
                ..NONE
            }],
        ),
    ]
}

#[test]
fn vendor_and_team_files_import_with_no_manual_mapping() {
    let today = Date::from_ms(NOW_MS);
    for (file, encoding, expected) in cases() {
        let Ok(decoded) = decode(fixture(file)) else {
            panic!("{file}: not decoded");
        };
        assert_eq!(decoded.encoding, encoding, "{file}");
        let report = import(file);
        assert_eq!(report.rejected, vec![], "{file}");
        assert_eq!(report.creators.len(), expected.len(), "{file}");
        for (c, want) in report.creators.iter().zip(&expected) {
            let who = format!("{file}: {}", want.name);
            assert_eq!(c.name, want.name, "{who}");
            assert_eq!(c.platform, want.platform, "{who}");
            assert_eq!(c.followers, want.followers, "{who}");
            assert_eq!(c.profile_url.as_deref(), want.profile_url, "{who}");
            assert_eq!(c.email.as_deref(), want.email, "{who}");
            assert_eq!(c.location, want.location, "{who}");
            assert_eq!(c.links, want.links, "{who}");
            let reported: Vec<(ReportedKind, &str)> = c
                .reported
                .iter()
                .map(|f| (f.kind, f.value.as_str()))
                .collect();
            assert_eq!(reported, want.reported, "{who}");
            for f in c.reported.iter() {
                assert_eq!(f.source, format!("import file “{file}”"), "{who}");
                assert_eq!(f.date, today, "{who}");
            }
            let custom: Vec<(&str, &str)> = c
                .custom
                .iter()
                .map(|f| (f.name.as_str(), f.value.as_str()))
                .collect();
            assert_eq!(custom, want.custom, "{who}");
            // Each import dates the follower count it read.
            let history: Vec<(Option<Date>, u64)> = c
                .follower_history
                .iter()
                .map(|s| (Some(s.date), s.count))
                .collect();
            assert_eq!(
                history,
                want.followers
                    .map(|n| (today, n))
                    .into_iter()
                    .collect::<Vec<_>>(),
                "{who}"
            );
        }
        every_cell_is_kept(file, &report);
    }
}

/// Every filled cell of the file is on its creator: in the field its column fills, as a reported
/// figure, or as a custom field; and no column was ignored.
fn every_cell_is_kept(file: &str, report: &ImportReport) {
    let Ok(decoded) = decode(fixture(file)) else {
        panic!("{file}");
    };
    let text = decoded.text;
    let mut cursor = Cursor { pos: 0, line: 1 };
    let mut cells: Vec<Cow<str>> = Vec::new();
    skip_blank_lines(&text, &mut cursor);
    let d = report.delimiter.byte();
    assert!(read_record(&text, &mut cursor, d, &mut cells).is_some());
    let mut creators = report.creators.iter();
    while read_record(&text, &mut cursor, d, &mut cells).is_some() {
        let Some(c) = creators.next() else {
            panic!("{file}: more rows than creators");
        };
        for (col, cell) in report.columns.iter().zip(&cells) {
            let v = cell.trim();
            if !v.is_empty() {
                assert!(
                    kept(c, col, v),
                    "{file}: {} “{v}” not kept on {}",
                    col.header,
                    c.name
                );
            }
        }
    }
}

fn kept(c: &Creator, col: &ColumnMapping, v: &str) -> bool {
    let unhandled = v.trim_start_matches('@');
    match col.target {
        Target::Custom => c
            .custom
            .iter()
            .any(|f| f.name == col.custom_name() && f.value == v),
        Target::Reported(k) => c.reported.iter().any(|f| f.kind == k),
        Target::Handle(_) => [c.profile_url.as_deref()]
            .into_iter()
            .flatten()
            .chain(c.links.iter().map(String::as_str))
            .any(|l| l.contains(unhandled)),
        Target::Field(f) => match f {
            Field::Name => c.name == v || v.contains(&c.name),
            Field::Platform => c.platform.is_some(),
            Field::ProfileUrl => c.profile_url.as_deref() == Some(v),
            Field::Followers => c.followers.is_some(),
            Field::Views => c.metrics.views.is_some(),
            Field::Likes => c.metrics.likes.is_some(),
            Field::Comments => c.metrics.comments.is_some(),
            Field::Price => c.price.is_some(),
            Field::Email => c.email.as_deref() == Some(v),
            Field::Location => c.location.contains(v),
            Field::Language => c.language == v,
            Field::Tags => !c.tags.is_empty(),
            Field::Status => true,
            Field::Id => c.id == v,
            _ => false,
        },
        Target::FirstName | Target::LastName => c.name.contains(v),
        Target::Ignore => false,
    }
}

#[test]
fn the_preview_says_what_it_read() {
    // (file, encoding label starts with, readings, custom columns)
    let cases: &[(&str, &str, &[&str], &[&str])] = &[
        (
            "modash-api.csv",
            "UTF-8",
            &["Engagement rate (column 6 “engagementRate”): read 0.1185 as 11.85% (every number in the column is 1 or less, so they are read as fractions)."],
            &["fullname"],
        ),
        (
            "team-sheet.csv",
            "UTF-8",
            &["Engagement rate (column 5 “Engagement rate”): read 7.2 as 7.2%."],
            &["Handle", "Deliverables", "Deadline", "Product gifted", "UTM link", "Discount code"],
        ),
        (
            "excel-windows-1252.csv",
            "Windows-1252",
            &[],
            &["Favourite café"],
        ),
        ("excel-unicode-text.txt", "UTF-16 little-endian", &[], &[]),
    ];
    for (file, encoding, readings, custom) in cases {
        let Ok(session) = ImportSession::from_file(file, fixture(file), NOW_MS) else {
            panic!("{file}");
        };
        let p = session.preview(5);
        let label = p.encoding.map(|e| e.label()).unwrap_or("");
        assert!(label.starts_with(encoding), "{file}: {label}");
        assert_eq!(p.readings, *readings, "{file}");
        assert_eq!(p.custom_columns(), *custom, "{file}");
    }
}
