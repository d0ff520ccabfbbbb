//! The campaign brief for creators and the team, as a typed [`Document`]: the campaign's facts,
//! what is measured, the creators with their figures, the creative freedom given, each target
//! country's disclosure labels and the approval steps.

use super::figures::figures;
use super::{Block, Document, Item, Section, Table, Text};
use crate::campaign::attribution::{utm_link, utm_parts};
use crate::campaign::checklist::approval_needed;
use crate::campaign::record::{count_label, Campaign, Goal, Objective};
use crate::campaign::tracking::Metric;
use crate::creator::record::{Creator, Status};
use crate::engine::engagement::Formula;
use crate::risk::disclosure::DISCLAIMER;

fn objective_line(goal: Goal) -> &'static str {
    match goal.objective() {
        Objective::Views => "views: how many people see the posts",
        Objective::Engagements => "engagements: how many people react, comment and share",
    }
}

fn dates_label(c: &Campaign) -> String {
    match (c.start, c.end) {
        (Some(s), Some(e)) => format!("{s} to {e}"),
        (Some(s), None) => format!("from {s}, end date to be agreed"),
        (None, Some(e)) => format!("until {e}, start date to be agreed"),
        (None, None) => "to be agreed".to_string(),
    }
}

fn platforms_label(c: &Campaign) -> String {
    if c.platforms.is_empty() {
        "to be agreed".to_string()
    } else {
        c.platforms
            .iter()
            .map(|p| p.name())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// "**label** value" as one list item.
fn fact(label: &str, value: impl AsRef<str>) -> Item {
    Item::new(Text::label(label).and(" ").and(value))
}

/// `texts` as user spans separated by `sep`, after `text`.
pub fn and_users<'a>(mut text: Text, texts: impl IntoIterator<Item = &'a str>, sep: &str) -> Text {
    for (n, t) in texts.into_iter().enumerate() {
        if n > 0 {
            text = text.and(sep);
        }
        text = text.and_user(t);
    }
    text
}

/// User text of several lines as quoted lines, blank lines left out.
pub fn quote_lines(text: &str) -> Vec<Text> {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(Text::user)
        .collect()
}

/// Goal, dates, platforms, and the target countries and brand categories when given.
fn facts(campaign: &Campaign) -> Block {
    let mut items = vec![
        fact(
            "Goal:",
            format!("{}. {}", campaign.goal.label(), campaign.goal.explanation()),
        ),
        fact("Dates:", dates_label(campaign)),
        fact("Platforms:", platforms_label(campaign)),
    ];
    let places = campaign.jurisdictions();
    if !places.is_empty() {
        let names: Vec<&str> = places.iter().map(|j| j.name()).collect();
        items.push(fact("Target countries:", names.join(", ")));
    }
    if !campaign.brand_categories.is_empty() {
        let cats = campaign.brand_categories.iter().map(String::as_str);
        items.push(Item::new(and_users(
            Text::label("What the brand is about:").and(" "),
            cats,
            ", ",
        )));
    }
    Block::List(items)
}

fn measure(campaign: &Campaign, formula: Formula) -> Section {
    let rows = Metric::ALL
        .iter()
        .map(|m| {
            let target = m.target(&campaign.targets);
            vec![
                Text::own(m.label()),
                Text::own(target.map_or("not set".to_string(), |t| count_label(Some(t)))),
            ]
        })
        .collect();
    Section {
        heading: Text::own("What we measure"),
        blocks: vec![
            Block::Paragraph(Text::own(format!(
                "We judge this campaign first by {}.",
                objective_line(campaign.goal)
            ))),
            Block::Paragraph(Text::own(format!(
                "Engagement rate is counted as {} (“{}”).",
                formula.expression(),
                formula.name()
            ))),
            Block::Table(Table {
                header: vec!["Metric", "Target for the campaign"],
                rows,
            }),
            Block::Paragraph(Text::own("Please send the link to each post when it goes live, and its numbers (views, likes, comments, shares, clicks) a week later: we track results while the campaign runs so we can adjust early.")),
        ],
    }
}

fn creators(campaign: &Campaign, members: &[&Creator], formula: Formula) -> Section {
    let block = if members.is_empty() {
        Block::Paragraph(Text::own("No creators added yet."))
    } else {
        let rows = members
            .iter()
            .map(|c| {
                let f = figures(c, formula, &campaign.currency);
                vec![
                    Text::user(&c.name),
                    Text::own(f.platform),
                    Text::own(f.followers),
                    Text::own(f.tier),
                    Text::own(f.rate),
                    Text::own(formula.expression()),
                    Text::own(format!(
                        "{}; {}",
                        f.basis.trim_end_matches('.'),
                        f.benchmark
                    )),
                ]
            })
            .collect();
        Block::Table(Table {
            header: vec![
                "Creator",
                "Platform",
                "Followers",
                "Tier",
                "Engagement",
                "Formula",
                "Source",
            ],
            rows,
        })
    };
    Section {
        heading: Text::own("Creators"),
        blocks: vec![block],
    }
}

/// Each creator's discount code and UTM link (issue #17), when the campaign has any.
fn codes_and_links(campaign: &Campaign, members: &[&Creator]) -> Option<Section> {
    let a = &campaign.attribution;
    let any = members.iter().any(|c| !a.code_of(&c.id).is_empty()) || !a.landing_url.is_empty();
    if !any || members.is_empty() {
        return None;
    }
    let rows = members
        .iter()
        .map(|c| {
            let code = a.code_of(&c.id);
            let link = utm_link(&a.landing_url, &utm_parts(campaign, c)).ok();
            vec![
                Text::user(&c.name),
                if code.is_empty() {
                    Text::own("not set yet")
                } else {
                    Text::user(code)
                },
                link.map_or_else(|| Text::own("not set yet"), Text::link),
            ]
        })
        .collect();
    Some(Section {
        heading: Text::own("Your discount code and link"),
        blocks: vec![
            Block::Paragraph(Text::own(format!(
                "Share your own code ({}% off) and link with your audience: orders placed with your code are credited to you, so we can report what your posts sold.",
                crate::text::format::trimmed(a.percent, 2)
            ))),
            Block::Table(Table {
                header: vec!["Creator", "Discount code", "Link"],
                rows,
            }),
        ],
    })
}

fn story(campaign: &Campaign) -> Section {
    let mut items = vec![
        Item::new(Text::label("Connect your own story with the brand.").and(" Tell us where the brand fits in your life or work; we'd rather shape the story with you than hand you a script.")),
        Item::new(Text::label("You know your audience.").and(" Words, format, tone and timing are yours: authenticity is why we want to work with you.")),
        Item::new(Text::label("Key messages are left open on purpose.").and(" We'll agree two or three points together; say them your way.")),
    ];
    if !campaign.notes.is_empty() {
        items.push(Item {
            text: Text::label("What must be right").and(" (facts, claims, dos and don'ts):"),
            sub: Vec::new(),
            quote: quote_lines(&campaign.notes),
        });
    }
    Section {
        heading: Text::own("Your story, in your voice"),
        blocks: vec![Block::List(items)],
    }
}

fn disclosure(campaign: &Campaign) -> Section {
    let places = campaign.jurisdictions();
    let rules = if places.is_empty() {
        Block::Paragraph(Text::own("Target countries are not chosen yet; the labels required depend on where the audience is. We'll confirm them before you post."))
    } else {
        Block::List(
            places
                .iter()
                .map(|j| {
                    fact(
                        &format!("{}:", j.name()),
                        format!("{} ({})", j.rule_summary(), j.citation()),
                    )
                })
                .collect(),
        )
    };
    Section {
        heading: Text::own("Disclosure: label every post as an ad"),
        blocks: vec![rules, Block::Note(Text::own(DISCLAIMER))],
    }
}

fn approval(members: &[&Creator], min_sponsored_posts: f64) -> Section {
    let mut blocks = vec![Block::Steps(vec![
        Text::own("Share a draft (script, caption or rough cut) before posting."),
        Text::own("We check facts and the disclosure label only, and reply within two working days; we don't rewrite your voice."),
        Text::own("Post on the agreed date, with the disclosure label up front."),
        Text::own("Send the post's link, and its numbers a week later."),
    ])];
    let framework: Vec<&str> = members
        .iter()
        .filter(|c| approval_needed(c, min_sponsored_posts).is_some())
        .map(|c| c.name.as_str())
        .collect();
    if !framework.is_empty() {
        let text = and_users(
            Text::own("New to brand work, or experience not yet known ("),
            framework,
            ", ",
        )
        .and("): before you start we'll also agree a content framework: key points, dos and don'ts, the disclosure wording and the dates.");
        blocks.push(Block::Paragraph(text));
    }
    Section {
        heading: Text::own("Approval steps"),
        blocks,
    }
}

/// The campaign brief. `min_sponsored_posts` is the risk threshold for "new to brand work"
/// (`Thresholds::min_sponsored_posts`).
pub fn campaign_brief(
    campaign: &Campaign,
    creators_list: &[Creator],
    formula: Formula,
    min_sponsored_posts: f64,
) -> Document {
    let (members, _) = campaign.members(creators_list);
    let members: Vec<&Creator> = members
        .into_iter()
        .filter(|c| c.status != Status::Declined)
        .collect();
    Document {
        title: Text::own("Campaign brief: ").and_user(&campaign.name),
        intro: vec![facts(campaign)],
        sections: [
            measure(campaign, formula),
            creators(campaign, &members, formula),
        ]
        .into_iter()
        .chain(codes_and_links(campaign, &members))
        .chain([
            story(campaign),
            disclosure(campaign),
            approval(&members, min_sponsored_posts),
        ])
        .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::campaign::document::markdown::escape;
    use crate::campaign::document::{vetting_record, Vetting};
    use crate::creator::metrics::PostMetrics;
    use crate::creator::platform::Platform;
    use crate::risk::rules::{Evidence, RiskKind, Severity, Warning};

    fn ann(name: &str) -> Creator {
        let mut c = Creator::new("a".into(), name, 0.0);
        c.platform = Some(Platform::TikTok);
        c.followers = Some(45_000);
        c.metrics = PostMetrics::counts(130_000.0, 10_000.0, 650.0, 400.0);
        c.price = Some(300.0);
        c.sponsored_posts = Some(1);
        c
    }

    fn campaign() -> Campaign {
        let mut c = Campaign::new("k".into(), "Spring *launch*", 0.0);
        c.goal = Goal::Engagement;
        c.platforms = vec![Platform::TikTok];
        c.countries = vec!["us".into(), "de".into()];
        c.start = crate::engine::cadence::Date::new(2025, 3, 1);
        c.end = crate::engine::cadence::Date::new(2025, 3, 31);
        c.targets.engagements = Some(50_000.0);
        c.creators = vec!["a".into()];
        c.notes = "SPF 50 claim must be exact\n<img src=x onerror=alert(1)>".into();
        c
    }

    /// Whether `c` appears without a backslash before it.
    fn has_unescaped(md: &str, c: char) -> bool {
        let mut prev = ' ';
        md.chars().any(|x| {
            let hit = x == c && prev != '\\';
            prev = x;
            hit
        })
    }

    #[test]
    fn brief_has_every_section() {
        let md = campaign_brief(&campaign(), &[ann("Ann")], Formula::SourceViews, 3.0).markdown();
        let must = [
            "# Campaign brief: Spring \\*launch\\*",
            "- **Goal:** Engagement.",
            "- **Dates:** 2025-03-01 to 2025-03-31",
            "| Engagements | 50K |",
            "| Views | not set |",
            "| Ann | TikTok | 45,000 | Micro | 8.5% | (likes + dislikes + shares + comments) ÷ views |",
            "8.5% vs 8.5% TikTok micro benchmark (CreatorDB, 2026): in line",
            "Key messages are left open on purpose",
            "You know your audience",
            "> SPF 50 claim must be exact",
            "> \\<img src\\=x onerror\\=alert\\(1\\)\\>",
            "- **United States:** Say “ad”",
            "(FTC Endorsement Guides, 2023)",
            "- **Germany:** Write “Werbung”",
            "guidance, not legal advice",
            "## Approval steps",
            "New to brand work, or experience not yet known (Ann)",
        ];
        for m in must {
            assert!(md.contains(m), "missing {m:?} in:\n{md}");
        }
        assert!(!has_unescaped(&md, '<'), "{md}");
    }

    #[test]
    fn hostile_names_are_escaped_everywhere() {
        let names = [
            "<script>alert(1)</script>",
            "[x](javascript:alert(1))",
            "a|b\n# heading",
        ];
        for name in names {
            let c = ann(name);
            let brief = campaign_brief(
                &campaign(),
                std::slice::from_ref(&c),
                Formula::SourceViews,
                3.0,
            )
            .markdown();
            let warnings = vec![Warning {
                id: "w".into(),
                kind: RiskKind::AudienceFit,
                severity: Severity::Caution,
                title: format!("Audience of {name}"),
                evidence: vec![Evidence {
                    label: "Tags".into(),
                    value: name.into(),
                }],
                why: "why".into(),
                action: "act".into(),
                checklist_item: None,
                threshold: None,
            }];
            let record = vetting_record(
                &campaign(),
                &[Vetting {
                    creator: &c,
                    warnings: &warnings,
                    evidence: &[],
                }],
                Formula::SourceViews,
                None,
            )
            .markdown();
            for md in [&brief, &record] {
                assert!(!md.contains("<script>") && !has_unescaped(md, '<'), "{md}");
                assert!(!md.contains("](javascript"), "{md}");
                assert!(!md.contains("\n# heading"), "{md}");
                assert!(md.contains(&escape(name)), "{md}");
            }
        }
    }

    #[test]
    fn brief_names_the_labels_of_each_target_country() {
        // (country id, heading, a label the brief must quote, the citation)
        let cases = [
            (
                "us",
                "United States",
                "“ad”",
                "FTC Endorsement Guides, 2023",
            ),
            (
                "uk",
                "United Kingdom",
                "“#ad”",
                // The DMCC Act's enforcement (6 April 2025) is now the rule cited.
                "ASA & CMA Influencers' guide, enforced under the DMCC Act, 2025",
            ),
            ("eu", "European Union", "paid-partnership label", "2024"),
            ("de", "Germany", "“Werbung”", "UWG §5a, 2022"),
            (
                "fr",
                "France",
                "“Publicité”",
                // Amended by ordonnance 2024-978 (6 November 2024).
                "Law no. 2023-451 on influencers, as amended, 2024",
            ),
            ("in", "India", "“Advertisement”", "ASCI"),
            (
                "au",
                "Australia",
                "“#sponsored”",
                "AANA Code of Ethics, section 2.7, 2021",
            ),
            ("ca", "Canada", "“#commandité”", "Ad Standards"),
            ("cn", "China", "“广告”", "SAMR"),
            ("br", "Brazil", "“publicidade”", "CONAR"),
        ];
        for (id, name, label, cite) in cases {
            let mut c = campaign();
            c.countries = vec![id.to_string()];
            let md = campaign_brief(&c, &[], Formula::SourceViews, 3.0).markdown();
            let line = md
                .lines()
                .find(|l| l.starts_with(&format!("- **{name}:**")))
                .unwrap_or_default();
            assert!(
                line.contains(label) && line.contains(cite),
                "{id}: {line:?}"
            );
            assert!(
                md.contains(&format!("- **Target countries:** {name}\n")),
                "{md}"
            );
        }
        // Several countries: one line each, in the campaign's order.
        let md = campaign_brief(&campaign(), &[], Formula::SourceViews, 3.0).markdown();
        let us = md.find("- **United States:**");
        let de = md.find("- **Germany:**");
        assert!(us.is_some() && de.is_some() && us < de, "{md}");
        assert!(md.contains("- **Target countries:** United States, Germany"));
    }

    /// Issue #17 item 1: the brief shows each creator's code and link.
    #[test]
    fn brief_shows_codes_and_links() {
        use crate::campaign::attribution::CreatorCode;
        let mut c = campaign();
        let md = campaign_brief(&c, &[ann("Ann")], Formula::SourceViews, 3.0).markdown();
        assert!(!md.contains("Your discount code"), "{md}");
        c.attribution.landing_url = "https://shop.example/spring".into();
        c.attribution.creators.insert(
            "a".into(),
            CreatorCode {
                code: "ANN_15".into(),
                ..CreatorCode::default()
            },
        );
        let doc = campaign_brief(&c, &[ann("Ann")], Formula::SourceViews, 3.0);
        let md = doc.markdown();
        assert!(md.contains("## Your discount code and link"), "{md}");
        assert!(md.contains("(15% off)"), "{md}");
        assert!(
            md.contains("| Ann | ANN\\_15 | <https://shop.example/spring?utm_source=tiktok"),
            "{md}"
        );
        let headings: Vec<String> = doc.sections.iter().map(|s| s.heading.plain()).collect();
        assert_eq!(
            headings.get(2).map(String::as_str),
            Some("Your discount code and link")
        );
    }

    #[test]
    fn brief_without_countries_creators_or_dates() {
        let mut c = Campaign::new("k".into(), "Bare", 0.0);
        c.targets = Default::default();
        let md = campaign_brief(&c, &[], Formula::Followers, 3.0).markdown();
        for m in [
            "- **Dates:** to be agreed",
            "- **Platforms:** to be agreed",
            "No creators added yet.",
            "Target countries are not chosen yet",
            "(likes + comments) ÷ followers, per post",
        ] {
            assert!(md.contains(m), "missing {m:?} in:\n{md}");
        }
        assert!(!md.contains("New to brand work"));
    }

    #[test]
    fn vetting_record_explains_picks() {
        use crate::campaign::budget::plan;
        let mut camp = campaign();
        camp.budget = Some(1_000.0);
        let mut c = ann("Ann");
        c.notes = "Met at [event](http://x)".into();
        let p = plan(&camp, std::slice::from_ref(&c)).ok();
        let md = vetting_record(
            &camp,
            &[Vetting {
                creator: &c,
                warnings: &[],
                evidence: &[],
            }],
            Formula::SourceViews,
            p.as_ref(),
        )
        .markdown();
        for m in [
            "# Vetting record: Spring \\*launch\\*",
            "Engagement rate: “By views (CreatorDB)”, counted as (likes + dislikes + shares + comments) ÷ views. Budget: $1,000.",
            "## Ann",
            "- **Platform:** TikTok; **followers:** 45,000; **tier:** Micro",
            "- **Engagement:** 8.5% (By views (CreatorDB): (likes + dislikes + shares + comments) ÷ views), from averages entered",
            "- **Against the benchmark:** 8.5% vs 8.5% TikTok micro benchmark (CreatorDB, 2026): in line",
            "- **Price:** $300.00 per post (your price)",
            "- **Past sponsored posts:** 1",
            "- **Budget plan:** Picked: 11.1K engagements for $300.00, $0.0271 per engagement, best value.",
            "> Met at \\[event\\]\\(http\\://x\\)",
            "- **Warnings:** none from the checks that ran.",
        ] {
            assert!(md.contains(m), "missing {m:?} in:\n{md}");
        }
    }

    #[test]
    fn brief_sections_in_order_with_user_text_marked() {
        let doc = campaign_brief(&campaign(), &[ann("Ann")], Formula::SourceViews, 3.0);
        let headings: Vec<String> = doc.sections.iter().map(|s| s.heading.plain()).collect();
        assert_eq!(
            headings,
            [
                "What we measure",
                "Creators",
                "Your story, in your voice",
                "Disclosure: label every post as an ad",
                "Approval steps",
            ]
        );
        // The title keeps the name as typed (the page shows it); only the Markdown escapes it.
        assert_eq!(doc.title.plain(), "Campaign brief: Spring *launch*");
        assert_eq!(
            doc.title.0.last().map(|s| s.origin),
            Some(super::super::Origin::User)
        );
        // The creators table: one row per member, the name a user span.
        let table = doc
            .sections
            .iter()
            .flat_map(|s| &s.blocks)
            .find_map(|b| match b {
                Block::Table(t) if t.header.first() == Some(&"Creator") => Some(t),
                _ => None,
            });
        let row = table.and_then(|t| t.rows.first());
        assert_eq!(
            row.and_then(|r| r.first()).map(Text::plain).as_deref(),
            Some("Ann")
        );
    }
}
