//! Markdown documents from a campaign: the campaign brief for creators and the team, and the vetting record (why each creator was picked, what was seen).
//!
//! Everything a user typed (names, notes, categories) and every warning text (which can quote
//! user data) goes through [`escape`], so a creator named `[x](javascript:alert(1))` or
//! `<script>` shows as those characters and never becomes a link or HTML in a Markdown viewer.

use crate::domain::campaign::budget::Plan;
use crate::domain::campaign::checklist::approval_needed;
use crate::domain::campaign::record::{count_label, money_in, Campaign, Goal, Objective};
use crate::domain::campaign::tracking::Metric;
use crate::domain::creator::record::Creator;
use crate::domain::engine::analysis::{analyze, AnalysisInput};
use crate::domain::engine::benchmark::Scope;
use crate::domain::engine::engagement::Formula;
use crate::domain::risk::disclosure::DISCLAIMER;
use crate::domain::risk::rules::Warning;
use crate::domain::text::format::{group_thousands, percent};

/// Markdown-escapes one line of user text: ASCII punctuation Markdown or HTML can act on gets a
/// backslash (CommonMark shows an escaped character as itself), and line breaks and other
/// control characters become spaces so the text can't start a new block or leave a table row.
pub fn escape(text: &str) -> String {
    const SPECIAL: &[char] = &[
        '\\', '`', '*', '_', '{', '}', '[', ']', '(', ')', '<', '>', '#', '+', '-', '.', '!', '|',
        '~', '&', ':', '=', '"', '\'', '$', '%', '@', '^',
    ];
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.trim().chars() {
        if c.is_control() {
            out.push(' ');
        } else {
            if SPECIAL.contains(&c) {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

/// Escapes multi-line user text line by line, for a quote block.
fn escape_block(text: &str) -> Vec<String> {
    text.lines().map(escape).filter(|l| !l.is_empty()).collect()
}

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

/// One creator's figures under `formula`, with formula and source.
struct Figures {
    platform: String,
    followers: String,
    tier: String,
    rate: String,
    /// Where the rate comes from, or why it is n/a.
    basis: String,
    /// "8.2% vs 8.5% TikTok micro benchmark (CreatorDB, 2026): in line", or why there is none.
    benchmark: String,
    posts: usize,
    price: String,
}

fn figures(c: &Creator, formula: Formula, currency: &str) -> Figures {
    let followers = c.followers.map_or("n/a".to_string(), group_thousands);
    let tier = c.tier().map_or("n/a".to_string(), |t| t.name().to_string());
    let Some(platform) = c.platform else {
        return Figures {
            platform: "n/a".into(),
            followers,
            tier,
            rate: "n/a".into(),
            basis: "no platform entered".into(),
            benchmark: "no platform entered".into(),
            posts: 0,
            price: entered_price(c, currency).unwrap_or_else(|| "n/a".into()),
        };
    };
    let a = analyze(&AnalysisInput {
        platform,
        followers: c.followers,
        posts: vec![c.metrics],
        formula,
        cadence: None,
        price: c.price,
    });
    let (rate, basis) = match (a.engagement.rate, a.engagement.undefined) {
        (Some(r), _) => (
            percent(Some(r), 1),
            "averages entered from recent posts".to_string(),
        ),
        (None, why) => (
            "n/a".to_string(),
            why.map_or("n/a", |w| w.message()).to_string(),
        ),
    };
    let benchmark = match &a.benchmarks {
        Ok(list) => list
            .iter()
            .find(|b| b.benchmark.scope() == Scope::Tier)
            .or(list.first())
            .map_or("no benchmark".to_string(), |b| b.sentence()),
        Err(e) => e.to_string(),
    };
    // The published ranges are in dollars; the creator's own price is in their currency.
    let price = match (entered_price(c, currency), &a.cost) {
        (Some(p), _) => p,
        (None, Ok(cost)) => cost.price_label(),
        (None, Err(e)) => e.to_string(),
    };
    Figures {
        platform: platform.name().to_string(),
        followers,
        tier,
        rate,
        basis,
        benchmark,
        posts: a.engagement.posts,
        price,
    }
}

/// "€250.00 per post (your price)" in the creator's currency, or the campaign's.
fn entered_price(c: &Creator, currency: &str) -> Option<String> {
    let p = c.price.filter(|p| p.is_finite() && *p >= 0.0)?;
    let cur = c.currency.as_deref().unwrap_or(currency);
    Some(format!("{} per post (your price)", money_in(p, cur)))
}

/// The campaign brief in Markdown. `min_sponsored_posts` is the risk threshold for "new to
/// brand work" (`Thresholds::min_sponsored_posts`).
pub fn campaign_brief(
    campaign: &Campaign,
    creators: &[Creator],
    formula: Formula,
    min_sponsored_posts: f64,
) -> String {
    let (members, _) = campaign.members(creators);
    let members: Vec<&Creator> = members
        .into_iter()
        .filter(|c| c.status != crate::domain::creator::record::Status::Declined)
        .collect();
    let mut md = String::new();
    let mut line = |s: &str| {
        md.push_str(s);
        md.push('\n');
    };

    line(&format!("# Campaign brief: {}", escape(&campaign.name)));
    line("");
    line(&format!(
        "- **Goal:** {}. {}",
        campaign.goal.label(),
        campaign.goal.explanation()
    ));
    line(&format!("- **Dates:** {}", dates_label(campaign)));
    line(&format!("- **Platforms:** {}", platforms_label(campaign)));
    let places = campaign.jurisdictions();
    if !places.is_empty() {
        let names: Vec<&str> = places.iter().map(|j| j.name()).collect();
        line(&format!("- **Target countries:** {}", names.join(", ")));
    }
    if !campaign.brand_categories.is_empty() {
        let cats: Vec<String> = campaign
            .brand_categories
            .iter()
            .map(|c| escape(c))
            .collect();
        line(&format!(
            "- **What the brand is about:** {}",
            cats.join(", ")
        ));
    }
    line("");

    line("## What we measure");
    line("");
    line(&format!(
        "We judge this campaign first by {}.",
        objective_line(campaign.goal)
    ));
    line(&format!(
        "Engagement rate is counted as {} (“{}”).",
        formula.expression(),
        formula.name()
    ));
    line("");
    line("| Metric | Target for the campaign |");
    line("|---|---|");
    for m in Metric::ALL {
        let target = m.target(&campaign.targets);
        line(&format!(
            "| {} | {} |",
            m.label(),
            target.map_or("not set".to_string(), |t| count_label(Some(t)))
        ));
    }
    line("");
    line("Please send the link to each post when it goes live, and its numbers (views, likes, comments, shares, clicks) a week later: we track results while the campaign runs so we can adjust early.");
    line("");

    line("## Creators");
    line("");
    if members.is_empty() {
        line("No creators added yet.");
    } else {
        line("| Creator | Platform | Followers | Tier | Engagement | Formula | Source |");
        line("|---|---|---|---|---|---|---|");
        for c in &members {
            let f = figures(c, formula, &campaign.currency);
            line(&format!(
                "| {} | {} | {} | {} | {} | {} | {} |",
                escape(&c.name),
                f.platform,
                f.followers,
                f.tier,
                f.rate,
                formula.expression(),
                cell(&format!(
                    "{}; {}",
                    f.basis.trim_end_matches('.'),
                    f.benchmark
                ))
            ));
        }
    }
    line("");

    line("## Your story, in your voice");
    line("");
    line("- **Connect your own story with the brand.** Tell us where the brand fits in your life or work; we'd rather shape the story with you than hand you a script.");
    line("- **You know your audience.** Words, format, tone and timing are yours: authenticity is why we want to work with you.");
    line("- **Key messages are left open on purpose.** We'll agree two or three points together; say them your way.");
    if !campaign.notes.is_empty() {
        line("- **What must be right** (facts, claims, dos and don'ts):");
        line("");
        for l in escape_block(&campaign.notes) {
            line(&format!("  > {l}"));
        }
    }
    line("");

    line("## Disclosure: label every post as an ad");
    line("");
    if places.is_empty() {
        line("Target countries are not chosen yet; the labels required depend on where the audience is. We'll confirm them before you post.");
    } else {
        for j in places {
            line(&format!(
                "- **{}:** {} ({})",
                j.name(),
                j.rule_summary(),
                j.citation()
            ));
        }
    }
    line("");
    line(&format!("_{DISCLAIMER}_"));
    line("");

    line("## Approval steps");
    line("");
    line("1. Share a draft (script, caption or rough cut) before posting.");
    line("2. We check facts and the disclosure label only, and reply within two working days; we don't rewrite your voice.");
    line("3. Post on the agreed date, with the disclosure label up front.");
    line("4. Send the post's link, and its numbers a week later.");
    let framework: Vec<String> = members
        .iter()
        .filter(|c| approval_needed(c, min_sponsored_posts).is_some())
        .map(|c| escape(&c.name))
        .collect();
    if !framework.is_empty() {
        line("");
        line(&format!(
            "New to brand work, or experience not yet known ({}): before you start we'll also agree a content framework: key points, dos and don'ts, the disclosure wording and the dates.",
            framework.join(", ")
        ));
    }
    md
}

/// Text already made safe or generated by Microscope, with table pipes escaped.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace(['\n', '\r'], " ")
}

/// One creator's entry in the vetting record.
#[derive(Debug, Clone, Copy)]
pub struct Vetting<'a> {
    pub creator: &'a Creator,
    /// The risk warnings computed for this creator (`risk::assess(...).warnings`).
    pub warnings: &'a [Warning],
}

/// The vetting record in Markdown: for each creator, the numbers they were picked on (with
/// formula and source), the budget decision when a plan is given, notes and the warnings seen.
pub fn vetting_record(
    campaign: &Campaign,
    entries: &[Vetting<'_>],
    formula: Formula,
    plan: Option<&Plan>,
) -> String {
    let mut md = String::new();
    let mut line = |s: &str| {
        md.push_str(s);
        md.push('\n');
    };
    line(&format!("# Vetting record: {}", escape(&campaign.name)));
    line("");
    line(&format!(
        "Goal: {}. Engagement rate: “{}”, counted as {}. Budget: {}.",
        campaign.goal.label(),
        formula.name(),
        formula.expression(),
        campaign.budget_label()
    ));
    line("Benchmarks are published figures; each is cited with its source and year. Warnings are explained heuristics, not verdicts.");
    for v in entries {
        let c = v.creator;
        let f = figures(c, formula, &campaign.currency);
        line("");
        line(&format!("## {}", escape(&c.name)));
        line("");
        line(&format!(
            "- **Platform:** {}; **followers:** {}; **tier:** {}",
            f.platform, f.followers, f.tier
        ));
        line(&format!(
            "- **Engagement:** {} ({}: {}), from {} entered",
            f.rate,
            formula.name(),
            formula.expression(),
            match f.posts {
                1 => "averages".to_string(),
                n => format!("{n} posts"),
            }
        ));
        line(&format!("- **Against the benchmark:** {}", f.benchmark));
        line(&format!("- **Price:** {}", f.price));
        if let Some(n) = c.sponsored_posts {
            line(&format!("- **Past sponsored posts:** {n}"));
        }
        if let Some(p) = plan {
            let decision = p
                .picks
                .iter()
                .find(|x| x.candidate.creator_id == c.id)
                .map(|x| x.explanation.clone())
                .or_else(|| {
                    p.left_out
                        .iter()
                        .find(|x| x.creator_id == c.id)
                        .map(|x| x.reason.clone())
                });
            if let Some(d) = decision {
                // Microscope's own wording, with no user text in it.
                line(&format!("- **Budget plan:** {}", cell(&d)));
            }
        }
        let notes = escape_block(&c.notes);
        if !notes.is_empty() {
            line("- **Notes:**");
            for l in notes {
                line(&format!("  > {l}"));
            }
        }
        if v.warnings.is_empty() {
            line("- **Warnings:** none from the checks that ran.");
        } else {
            line(&format!("- **Warnings ({}):**", v.warnings.len()));
            for w in v.warnings {
                let evidence: Vec<String> = w
                    .evidence
                    .iter()
                    .map(|e| format!("{}: {}", escape(&e.label), escape(&e.value)))
                    .collect();
                line(&format!(
                    "  - **{}: {}**. Seen: {}. Why it matters: {} What to do: {}",
                    w.severity.label(),
                    escape(&w.title),
                    evidence.join("; "),
                    escape(&w.why),
                    escape(&w.action)
                ));
            }
        }
    }
    md
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::creator::metrics::PostMetrics;
    use crate::domain::creator::platform::Platform;
    use crate::domain::risk::rules::{Evidence, RiskKind, Severity};

    fn ann(name: &str) -> Creator {
        let mut c = Creator::new("a".into(), name, 0.0);
        c.platform = Some(Platform::TikTok);
        c.followers = Some(45_000);
        c.metrics = PostMetrics {
            views: Some(130_000.0),
            likes: Some(10_000.0),
            comments: Some(650.0),
            shares: Some(400.0),
            ..PostMetrics::default()
        };
        c.price = Some(300.0);
        c.sponsored_posts = Some(1);
        c
    }

    fn campaign() -> Campaign {
        let mut c = Campaign::new("k".into(), "Spring *launch*", 0.0);
        c.goal = Goal::Engagement;
        c.platforms = vec![Platform::TikTok];
        c.countries = vec!["us".into(), "de".into()];
        c.start = crate::domain::engine::cadence::Date::new(2025, 3, 1);
        c.end = crate::domain::engine::cadence::Date::new(2025, 3, 31);
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
    fn escaping() {
        let cases = [
            ("<script>", "\\<script\\>"),
            (
                "[x](javascript:alert(1))",
                "\\[x\\]\\(javascript\\:alert\\(1\\)\\)",
            ),
            ("Ann | Co", "Ann \\| Co"),
            ("# Title\n- item", "\\# Title \\- item"),
            ("**bold** _it_", "\\*\\*bold\\*\\* \\_it\\_"),
            ("&lt;b&gt;", "\\&lt;b\\&gt;"),
            ("www.evil.com", "www\\.evil\\.com"),
            ("Zoë 小红", "Zoë 小红"),
            ("  plain  ", "plain"),
        ];
        for (input, want) in cases {
            assert_eq!(escape(input), want, "{input:?}");
        }
    }

    #[test]
    fn brief_has_every_section() {
        let md = campaign_brief(&campaign(), &[ann("Ann")], Formula::SourceViews, 3.0);
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
            );
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
                }],
                Formula::SourceViews,
                None,
            );
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
                "ASA & CMA Influencers' guide, 2020",
            ),
            ("eu", "European Union", "paid-partnership label", "2024"),
            ("de", "Germany", "“Werbung”", "UWG §5a, 2022"),
            (
                "fr",
                "France",
                "“Publicité”",
                "Law no. 2023-451 on influencers, 2023",
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
            let md = campaign_brief(&c, &[], Formula::SourceViews, 3.0);
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
        let md = campaign_brief(&campaign(), &[], Formula::SourceViews, 3.0);
        let us = md.find("- **United States:**");
        let de = md.find("- **Germany:**");
        assert!(us.is_some() && de.is_some() && us < de, "{md}");
        assert!(md.contains("- **Target countries:** United States, Germany"));
    }

    #[test]
    fn brief_without_countries_creators_or_dates() {
        let mut c = Campaign::new("k".into(), "Bare", 0.0);
        c.targets = Default::default();
        let md = campaign_brief(&c, &[], Formula::Followers, 3.0);
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
        use crate::domain::campaign::budget::plan;
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
            }],
            Formula::SourceViews,
            p.as_ref(),
        );
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
}
