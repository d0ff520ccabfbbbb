//! Audience fit by country: the share of a creator's audience (as their insights list the
//! countries) that lives in the campaign's target countries.
//!
//! Insights name countries in words or codes ("United States", "US", "Deutschland" is not read);
//! a name is matched to the disclosure jurisdictions it belongs to, so "Spain" counts for a
//! campaign in the European Union and "Germany" for one in Germany or the European Union.

use crate::creator::dossier::Share;
use crate::risk::disclosure::Jurisdiction;
use crate::text::choice::fold_key;

use super::*;

/// The member states of the European Union (2026), by English name and ISO code, written in the
/// folded form `fold` gives.
const EU_MEMBERS: [(&str, &str); 27] = [
    ("austria", "at"),
    ("belgium", "be"),
    ("bulgaria", "bg"),
    ("croatia", "hr"),
    ("cyprus", "cy"),
    ("czechia", "cz"),
    ("denmark", "dk"),
    ("estonia", "ee"),
    ("finland", "fi"),
    ("france", "fr"),
    ("germany", "de"),
    ("greece", "gr"),
    ("hungary", "hu"),
    ("ireland", "ie"),
    ("italy", "it"),
    ("latvia", "lv"),
    ("lithuania", "lt"),
    ("luxembourg", "lu"),
    ("malta", "mt"),
    ("netherlands", "nl"),
    ("poland", "pl"),
    ("portugal", "pt"),
    ("romania", "ro"),
    ("slovakia", "sk"),
    ("slovenia", "si"),
    ("spain", "es"),
    ("sweden", "se"),
];

/// Other ways insights write the countries that have a jurisdiction of their own.
const ALIASES: [(&str, Jurisdiction); 8] = [
    ("usa", Jurisdiction::Us),
    ("unitedstatesofamerica", Jurisdiction::Us),
    ("america", Jurisdiction::Us),
    ("gb", Jurisdiction::Uk),
    ("greatbritain", Jurisdiction::Uk),
    ("england", Jurisdiction::Uk),
    ("czechrepublic", Jurisdiction::Eu),
    ("thenetherlands", Jurisdiction::Eu),
];

/// The jurisdictions a country of the audience belongs to: its own, and the European Union for
/// a member state.
pub(super) fn jurisdictions_of(country: &str) -> Vec<Jurisdiction> {
    let key = fold_key(country);
    let mut out: Vec<Jurisdiction> = Vec::new();
    if let Some(j) = Jurisdiction::parse(&key)
        .or_else(|| ALIASES.iter().find(|(a, _)| *a == key).map(|(_, j)| *j))
    {
        out.push(j);
    }
    let member = EU_MEMBERS
        .iter()
        .any(|(name, code)| *name == key || *code == key)
        || matches!(key.as_str(), "czechrepublic" | "thenetherlands");
    if member && !out.contains(&Jurisdiction::Eu) {
        out.push(Jurisdiction::Eu);
    }
    out
}

/// Flags an audience that mostly lives outside the campaign's countries. Silent without target
/// countries or audience countries (the risk profile says where to add them); returns whether it
/// could look.
pub(super) fn country_rule(input: &RiskInput, t: &Thresholds, report: &mut RiskReport) -> bool {
    if input.target_countries.is_empty() || input.audience_countries.is_empty() {
        return false;
    }
    let listed: Vec<&Share> = input
        .audience_countries
        .iter()
        .filter(|s| s.share.is_finite() && s.share >= 0.0)
        .collect();
    let in_target = |s: &Share| {
        jurisdictions_of(&s.name)
            .iter()
            .any(|j| input.target_countries.contains(j))
    };
    let inside: f64 = listed
        .iter()
        .filter(|s| in_target(s))
        .map(|s| s.share)
        .sum();
    let total: f64 = listed.iter().map(|s| s.share).sum();
    let unlisted = (1.0 - total).max(0.0);
    if inside >= t.min_audience_in_countries {
        return true;
    }
    // With the rest of the audience unlisted, only a certain shortfall is a caution.
    let certain = inside + unlisted < t.min_audience_in_countries;
    let targets: Vec<&str> = input.target_countries.iter().map(|j| j.name()).collect();
    let name_shares = |want: bool| -> String {
        let parts: Vec<String> = listed
            .iter()
            .filter(|s| in_target(s) == want)
            .map(|s| format!("{} {}", s.name, pct0(s.share)))
            .collect();
        if parts.is_empty() {
            "none".to_string()
        } else {
            parts.join(", ")
        }
    };
    let mut evidence = vec![
        ev("Audience in the campaign's countries", pct0(inside)),
        ev("Campaign countries", targets.join(", ")),
        ev("Matching", name_shares(true)),
        ev("Elsewhere", name_shares(false)),
    ];
    if unlisted > 0.005 {
        evidence.push(ev("Not listed in the insights", pct0(unlisted)));
    }
    evidence.push(ev(
        "Threshold",
        format!("below {}", pct0(t.min_audience_in_countries)),
    ));
    let mut why = "An audience abroad cannot buy what is sold only in the campaign's countries, and each country's ad rules apply where the post is seen.".to_string();
    if !certain {
        why.push_str(&format!(
            " The insights list only {} of the audience; the rest may live in the campaign's countries, so this is a note, not a finding.",
            pct0(total)
        ));
    }
    report.warnings.push(
        Warning::new(
            "audience-outside-countries",
            RiskKind::AudienceFit,
            if certain { Severity::Caution } else { Severity::Info },
            format!(
                "Only {} of the audience lives in the campaign's countries",
                pct0(inside)
            ),
        )
        .evidence(evidence)
        .why(why)
        .action("Ask the creator for the full country breakdown of their audience, or choose creators whose audience lives where you sell; pay per result if reach abroad is wasted.")
        .threshold("min_audience_in_countries"),
    );
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::check_cases;

    fn shares(list: &[(&str, f64)]) -> Vec<Share> {
        list.iter()
            .map(|(name, share)| Share {
                name: name.to_string(),
                share: *share,
            })
            .collect()
    }

    #[test]
    fn countries_belong_to_their_jurisdictions() {
        use Jurisdiction::*;
        // (as insights write it, jurisdictions)
        let cases: &[(&str, &[Jurisdiction])] = &[
            ("United States", &[Us]),
            ("USA", &[Us]),
            ("us", &[Us]),
            ("Great Britain", &[Uk]),
            ("Germany", &[Germany, Eu]),
            ("DE", &[Germany, Eu]),
            ("France", &[France, Eu]),
            ("Spain", &[Eu]),
            ("Czech Republic", &[Eu]),
            ("India", &[India]),
            ("Mexico", &[]),
        ];
        check_cases(cases.iter().copied(), jurisdictions_of);
    }

    #[test]
    fn audience_in_the_campaign_countries() {
        use Jurisdiction::*;
        let t = Thresholds::default();
        // (audience, targets, expected severity)
        type Case<'a> = (&'a [(&'a str, f64)], &'a [Jurisdiction], Option<Severity>);
        let cases: &[Case] = &[
            (
                &[("United States", 0.3), ("Spain", 0.5), ("Mexico", 0.2)],
                &[Us],
                Some(Severity::Caution),
            ),
            (
                &[("United States", 0.3), ("Spain", 0.5), ("Mexico", 0.2)],
                &[Eu],
                None,
            ), // exactly 50%
            (
                &[("United States", 0.3), ("Spain", 0.49), ("Mexico", 0.21)],
                &[Eu],
                Some(Severity::Caution),
            ),
            (
                &[("United States", 0.3), ("Germany", 0.2)],
                &[Us, Germany],
                None,
            ),
            // 30% listed in the United States, 70% not listed: perhaps enough, a note.
            (&[("USA", 0.3)], &[Us], Some(Severity::Info)),
            (&[("Brazil", 0.9)], &[Us], Some(Severity::Caution)),
        ];
        for (audience, targets, want) in cases {
            let input = RiskInput {
                audience_countries: shares(audience),
                target_countries: targets.to_vec(),
                ..RiskInput::default()
            };
            let mut report = RiskReport::default();
            assert!(country_rule(&input, &t, &mut report));
            let got = report
                .by_id("audience-outside-countries")
                .map(|w| w.severity);
            assert_eq!(got, *want, "{audience:?} {targets:?}");
        }
        let input = RiskInput {
            audience_countries: shares(&[("United States", 0.3), ("Spain", 0.5), ("Mexico", 0.2)]),
            target_countries: vec![Us],
            ..RiskInput::default()
        };
        let mut report = RiskReport::default();
        country_rule(&input, &t, &mut report);
        let evidence = super::super::history::tests::evidence_pairs(&report);
        assert_eq!(
            evidence,
            [
                ("Audience in the campaign's countries", "30%"),
                ("Campaign countries", "United States"),
                ("Matching", "United States 30%"),
                ("Elsewhere", "Spain 50%, Mexico 20%"),
                ("Threshold", "below 50%"),
            ]
        );
        // Without targets or without an audience: silent, not checked by the profile instead.
        for (audience, targets) in [(shares(&[("Spain", 1.0)]), vec![]), (vec![], vec![Us])] {
            let input = RiskInput {
                audience_countries: audience,
                target_countries: targets,
                ..RiskInput::default()
            };
            let mut report = RiskReport::default();
            assert!(!country_rule(&input, &t, &mut report));
            assert_eq!(report, RiskReport::default());
        }
    }
}
