//! Followers over time: jumps against an absolute line and the creator's usual growth, and falls.

use super::*;

/// Growth between two consecutive counts.
struct Step {
    from: Point,
    to: Point,
    /// (to − from) ÷ from × 7 ÷ days: growth per week, linear.
    weekly: f64,
}

fn step_text(s: &Step) -> String {
    format!(
        "{} on {} → {} on {} ({}, {} a week)",
        compact(s.from.value),
        s.from.date,
        compact(s.to.value),
        s.to.date,
        signed_pct(s.to.value / s.from.value - 1.0),
        signed_pct(s.weekly)
    )
}

/// Follower jumps (against an absolute line and the creator's usual growth) and falls. Returns
/// whether the rule could look.
pub(super) fn follower_rules(input: &RiskInput, t: &Thresholds, report: &mut RiskReport) -> bool {
    if input.follower_history.is_empty() {
        return false;
    }
    let points = followers_over_time(&input.follower_history);
    let min = count(t.min_follower_snapshots).max(2);
    if points.len() < min {
        not_checked(
            report,
            RiskKind::BoughtEngagement,
            &format!(
                "Follower jumps are looked for in at least {min} follower counts on different dates; the history has {}. Add counts as you check the creator again.",
                plural(points.len(), "date", "dates")
            ),
        );
        return false;
    }
    let steps: Vec<Step> = points
        .windows(2)
        .filter_map(|w| {
            let (from, to) = (*w.first()?, *w.get(1)?);
            let days = from.date.days_until(to.date);
            (days > 0 && from.value > 0.0).then(|| Step {
                from,
                to,
                // Multiplied out before the one division, so that a round growth stays exact.
                weekly: (to.value - from.value) * 7.0 / (from.value * days as f64),
            })
        })
        .collect();

    // The biggest jump, with the usual growth (median of the other steps) it was set against.
    let mut jump: Option<(usize, f64, &'static str)> = None;
    let mut jumps = 0;
    for (i, s) in steps.iter().enumerate() {
        let others: Vec<f64> = steps
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != i)
            .map(|(_, o)| o.weekly)
            .collect();
        let usual = median(&others).unwrap_or(0.0);
        let absolute = s.weekly > t.follower_spike_weekly;
        let relative = usual > 0.0
            && s.weekly > t.follower_spike_multiple * usual
            && s.weekly >= t.follower_spike_weekly / 4.0;
        if absolute || relative {
            jumps += 1;
            let key = if absolute {
                "follower_spike_weekly"
            } else {
                "follower_spike_multiple"
            };
            if jump.is_none_or(|(k, _, _)| steps.get(k).is_none_or(|b| s.weekly > b.weekly)) {
                jump = Some((i, usual, key));
            }
        }
    }

    // The largest fall from a high point to a later count.
    let mut fall: Option<(usize, usize, f64)> = None;
    let mut peak = 0usize;
    for (j, p) in points.iter().enumerate() {
        let top = points.get(peak).map_or(0.0, |q| q.value);
        if p.value > top {
            peak = j;
            continue;
        }
        if top > 0.0 {
            let share = (top - p.value) / top;
            if fall.is_none_or(|(_, _, f)| share > f) {
                fall = Some((peak, j, share));
            }
        }
    }
    let fall = fall.filter(|(_, _, share)| *share >= t.follower_drop_share);

    let thresholds_text = format!(
        "a jump is growth above {} a week, or above {} the usual growth (and at least {} a week); a fall is {} or more",
        pct0(t.follower_spike_weekly),
        times(t.follower_spike_multiple),
        pct(t.follower_spike_weekly / 4.0),
        pct0(t.follower_drop_share)
    );
    let fall_text = |(top, low, share): (usize, usize, f64)| -> Option<String> {
        let (a, b) = (points.get(top)?, points.get(low)?);
        Some(format!(
            "{} on {} → {} on {} (−{})",
            compact(a.value),
            a.date,
            compact(b.value),
            b.date,
            pct0(share)
        ))
    };
    // A jump that ends at or before the high point the fall starts from.
    let jump_before_fall = match (jump, fall) {
        (Some((i, _, _)), Some((top, _, _))) => i < top,
        _ => false,
    };
    let mut evidence: Vec<Evidence> = Vec::new();
    if let Some((i, usual, _)) = jump {
        if let Some(s) = steps.get(i) {
            evidence.push(ev("Jump", step_text(s)));
            evidence.push(ev(
                "Usual growth (median of the other periods)",
                format!("{} a week", signed_pct(usual)),
            ));
            if jumps > 1 {
                evidence.push(ev(
                    "Jumps in the history",
                    plural(jumps, "period", "periods"),
                ));
            }
        }
    }
    if let Some(text) = fall.and_then(fall_text) {
        evidence.push(ev("Fall", text));
    }
    evidence.push(ev(
        "Follower counts",
        format!(
            "{}, {} to {}",
            points.len(),
            points
                .first()
                .map(|p| p.date.to_string())
                .unwrap_or_default(),
            points
                .last()
                .map(|p| p.date.to_string())
                .unwrap_or_default()
        ),
    ));
    evidence.push(ev("Thresholds", thresholds_text));

    let growth_of = |i: usize| {
        steps
            .get(i)
            .map(|s| signed_pct(s.to.value / s.from.value - 1.0))
            .unwrap_or_default()
    };
    if let (true, Some((i, _, _)), Some((_, _, share))) = (jump_before_fall, jump, fall) {
        report.warnings.push(
            Warning::new(
                "follower-spike-then-drop",
                RiskKind::BoughtEngagement,
                Severity::High,
                format!(
                    "Followers jumped {} and then fell {}",
                    growth_of(i),
                    pct0(share)
                ),
            )
            .evidence(evidence)
            .why("Bought followers arrive within days and are often removed again when the platform clears out fake accounts, so a jump followed by a fall is the pattern of a bought audience (the “hockey stick” of DOMAIN.md §5). A giveaway can bring followers who leave again too.")
            .action("Ask the creator what happened on those dates (a giveaway, a viral post, press) and compare with their posts of those days. If nothing explains it, ask for audience insights or run an audit tool before paying, and judge reach by views rather than followers.")
            .threshold("follower_drop_share"),
        );
    } else if let Some((i, _, key)) = jump {
        report.warnings.push(
            Warning::new(
                "follower-spike",
                RiskKind::BoughtEngagement,
                Severity::Caution,
                format!(
                    "Followers jumped {} in {}",
                    growth_of(i),
                    steps
                        .get(i)
                        .map(|s| plural(
                            s.from.date.days_until(s.to.date).max(0) as usize,
                            "day",
                            "days"
                        ))
                        .unwrap_or_default()
                ),
            )
            .evidence(evidence)
            .why("A sudden jump in followers, far above the creator's usual growth, is a published sign of bought followers (the “hockey stick” of DOMAIN.md §5); a viral post, press or a giveaway can cause one too.")
            .action("Ask the creator what caused the jump; check whether likes and views per post grew with the followers. If they did not, the new followers may not be real.")
            .threshold(key),
        );
    } else if let Some((_, _, share)) = fall {
        report.warnings.push(
            Warning::new(
                "follower-drop",
                RiskKind::BoughtEngagement,
                Severity::Info,
                format!("Followers fell {}", pct0(share)),
            )
            .evidence(evidence)
            .why("A fall in followers can be the platform removing fake or inactive accounts, or an audience leaving after a controversy or a change of content.")
            .action("Ask the creator about it and read the comments of those days; compare with the engagement of recent posts.")
            .threshold("follower_drop_share"),
        );
    }
    true
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::creator::dossier::SnapshotSource;

    #[test]
    fn follower_jumps_and_falls() {
        let t = Thresholds::default();
        // (weekly counts, expected warning, the threshold it names)
        type Case<'a> = (&'a [u64], Option<(&'a str, Severity, &'a str)>);
        let cases: &[Case] = &[
            // 3% a week, then exactly 10%: not more than 10%, and under 5× the usual 3%.
            (&[10_000, 10_300, 11_330], None),
            (
                &[10_000, 10_300, 11_340],
                Some(("follower-spike", Severity::Caution, "follower_spike_weekly")),
            ),
            // 1% usual, then 6%: more than 5× the usual and at least 2.5% a week.
            (
                &[10_000, 10_100, 10_706],
                Some((
                    "follower-spike",
                    Severity::Caution,
                    "follower_spike_multiple",
                )),
            ),
            // 0.2% usual, then 1.2%: 6× the usual but below a quarter of 10% a week.
            (&[10_000, 10_020, 10_140], None),
            (
                &[10_000, 10_300, 12_000, 11_000],
                Some((
                    "follower-spike-then-drop",
                    Severity::High,
                    "follower_drop_share",
                )),
            ),
            // A fall of 4.2% after the jump is under 5%: the jump alone.
            (
                &[10_000, 10_300, 12_000, 11_500],
                Some(("follower-spike", Severity::Caution, "follower_spike_weekly")),
            ),
            // Exactly 5% down, no jump before.
            (
                &[10_000, 10_000, 9_500],
                Some(("follower-drop", Severity::Info, "follower_drop_share")),
            ),
            (&[10_000, 10_000, 9_501], None),
        ];
        for (counts, want) in cases {
            let input = RiskInput {
                follower_history: history(counts),
                ..RiskInput::default()
            };
            let out = assess_dossier(&input, &t);
            let got = out.report.warnings.first().map(|w| {
                (
                    w.id.as_str(),
                    w.severity,
                    w.threshold.as_deref().unwrap_or(""),
                )
            });
            assert_eq!(got, *want, "{counts:?}");
            assert!(out.report.warnings.len() <= 1, "{counts:?}");
            assert_eq!(out.checked, [RiskKind::BoughtEngagement], "{counts:?}");
        }
        let input = RiskInput {
            follower_history: history(&[10_000, 10_300, 12_000, 11_000]),
            ..RiskInput::default()
        };
        let report = assess_dossier(&input, &t).report;
        let evidence = evidence_pairs(&report);
        assert_eq!(
            evidence.get(..3),
            Some(
                &[
                    (
                        "Jump",
                        "10.3K on 2026-01-12 → 12K on 2026-01-19 (+17%, +17% a week)"
                    ),
                    ("Usual growth (median of the other periods)", "−3% a week"),
                    ("Fall", "12K on 2026-01-19 → 11K on 2026-01-26 (−8%)"),
                ][..]
            )
        );
        assert_eq!(
            report.warnings.first().map(|w| w.title.as_str()),
            Some("Followers jumped +17% and then fell 8%")
        );
    }

    #[test]
    fn follower_history_too_short() {
        let t = Thresholds::default();
        // Two counts, and a second count on the same day that does not add a date.
        let mut short = history(&[10_000, 20_000]);
        short.push(FollowerSnapshot {
            date: week(1),
            count: 21_000,
            source: SnapshotSource::Edit,
        });
        let input = RiskInput {
            follower_history: short,
            ..RiskInput::default()
        };
        let out = assess_dossier(&input, &t);
        assert!(out.report.warnings.is_empty());
        assert_eq!(
            reasons(&out.report),
            ["Follower jumps are looked for in at least 3 follower counts on different dates; the history has 2 dates. Add counts as you check the creator again."]
        );
        assert!(out.checked.is_empty());
        // Nothing given: nothing said (the Risks tools have no dossier).
        let empty = assess_dossier(&RiskInput::default(), &t);
        assert_eq!(empty, DossierReport::default());
    }
}
