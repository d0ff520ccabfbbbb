//! Judging a tokenized caption against one jurisdiction's rules: labels found, their placement, the verdict and its reasons.

use super::*;

pub(super) fn overlaps(a: &Occurrence, b: &Occurrence) -> bool {
    a.start < b.end && b.start < a.end
}

pub(super) fn found_label(
    caption: &Caption,
    label: &Label,
    occ: &Occurrence,
    why: Option<&str>,
) -> FoundLabel {
    let (position, hashtag_pile) = caption.locate(occ.first, occ.last, occ.start);
    let line = caption
        .tokens
        .get(occ.first)
        .map(|t| t.line + 1)
        .unwrap_or(1);
    FoundLabel {
        label: label.shown.to_string(),
        as_written: caption.text(occ.start, occ.end),
        line,
        offset: occ.start,
        position,
        hashtag_pile,
        why_not_enough: why.map(str::to_string),
    }
}

pub(super) fn placement_ok(placement: Placement, found: &FoundLabel) -> bool {
    let not_lost = found.hashtag_pile.is_none();
    match placement {
        Placement::Start => found.position == Position::Start && not_lost,
        Placement::FirstSight => {
            matches!(found.position, Position::Start | Position::FirstLine) && not_lost
        }
        Placement::UpFront => found.position.is_up_front() && not_lost,
        Placement::Distinguishable => not_lost,
    }
}

pub(super) fn placement_wanted(placement: Placement) -> &'static str {
    match placement {
        Placement::Start => {
            "it must come at the very start of the caption, not lost among hashtags"
        }
        Placement::FirstSight => "it must be seen at first sight, in the first line of the caption, without tapping “more”, and not lost in a pile of hashtags",
        Placement::UpFront => "it must be visible before “more” and not lost in a pile of hashtags",
        Placement::Distinguishable => "it must stand out, not be lost in a pile of hashtags",
    }
}

/// Every accepted and not-enough label in the caption, in caption order.
pub(super) fn scan(
    caption: &Caption,
    rules: &Rules,
) -> (Vec<(FoundLabel, Occurrence)>, Vec<FoundLabel>) {
    let mut accepted: Vec<(FoundLabel, Occurrence)> = Vec::new();
    for label in rules.accepted {
        for occ in find(caption, label.pattern) {
            // "advertisement feature" and "advertisement" both match: keep the longer, first listed.
            if accepted.iter().all(|(_, o)| !overlaps(o, &occ)) {
                accepted.push((found_label(caption, label, &occ, None), occ));
            }
        }
    }
    accepted.sort_by_key(|(f, _)| f.offset);
    let mut weak_found: Vec<(FoundLabel, Occurrence)> = Vec::new();
    for label in rules.not_enough.iter().chain(COMMON_WEAK) {
        for occ in find(caption, label.pattern) {
            let clash = accepted.iter().any(|(_, o)| overlaps(o, &occ))
                || weak_found.iter().any(|(_, o)| overlaps(o, &occ));
            if !clash {
                weak_found.push((found_label(caption, label, &occ, Some(label.why)), occ));
            }
        }
    }
    weak_found.sort_by_key(|(f, _)| f.offset);
    (accepted, weak_found.into_iter().map(|(f, _)| f).collect())
}

pub(super) fn judge(
    caption: &Caption,
    input: &DisclosureInput,
    jurisdiction: Jurisdiction,
) -> JurisdictionResult {
    let rules = jurisdiction.rules();
    let (accepted, not_enough) = scan(caption, rules);
    let well_placed = accepted
        .iter()
        .find(|(f, _)| placement_ok(rules.placement, f))
        .map(|(f, _)| f.clone());
    let first_accepted = accepted.first().map(|(f, _)| f.clone());
    let toggle = input.paid_partnership_label;
    let mut notes: Vec<String> = rules.notes.iter().map(|s| s.to_string()).collect();

    let (mut verdict, label, mut explanation) = match (&well_placed, &first_accepted) {
        (Some(f), _) => {
            let text = format!(
                "Found “{}” {}, which this rule accepts.",
                f.as_written,
                f.where_found()
            );
            (Verdict::Meets, Some(f.clone()), text)
        }
        (None, Some(f)) => {
            let text = format!(
                "Found “{}”, but {}: {}. {}",
                f.as_written,
                f.where_found(),
                placement_wanted(rules.placement),
                rules.advice
            );
            (Verdict::Misplaced, Some(f.clone()), text)
        }
        (None, None) if !not_enough.is_empty() => {
            let listed: Vec<String> = not_enough
                .iter()
                .map(|f| {
                    format!(
                        "“{}” ({}): {}",
                        f.as_written,
                        f.where_found(),
                        f.why_not_enough
                            .as_deref()
                            .unwrap_or("not an accepted label")
                    )
                })
                .collect();
            let text = format!(
                "A label is there, but not clear enough under {}: {}. {}",
                jurisdiction.citation(),
                listed.join("; "),
                rules.advice
            );
            (Verdict::Weak, None, text)
        }
        (None, None) => {
            let text = format!("No disclosure label found in the caption. {}", rules.advice);
            (Verdict::Missing, None, text)
        }
    };

    match rules.toggle {
        Toggle::Enough if toggle && verdict != Verdict::Meets => {
            verdict = Verdict::Meets;
            explanation = "The platform's paid-partnership label is switched on, which this rule accepts as a disclosure.".to_string();
        }
        Toggle::Required => match (toggle, verdict) {
            (false, Verdict::Meets) => {
                verdict = Verdict::Weak;
                explanation.push_str(" But the platform's paid-partnership label is off: the EU expects the label and clear wording together. Switch it on.");
            }
            (true, Verdict::Missing | Verdict::Weak) => {
                verdict = Verdict::Weak;
                explanation = "The platform's paid-partnership label is on, but the caption has no clear wording; the EU expects both. Put “#ad” (or the local word, e.g. “Werbung”) at the start of the caption.".to_string();
            }
            _ => {}
        },
        Toggle::NotEnoughAlone if toggle && matches!(verdict, Verdict::Missing) => {
            verdict = Verdict::Weak;
            explanation = format!(
                "Only the platform's paid-partnership label is on; here it may not be enough on its own. {}",
                rules.advice
            );
        }
        _ => {}
    }

    if jurisdiction == Jurisdiction::France {
        let notice = FR_IMAGE_NOTICES
            .iter()
            .flat_map(|l| find(caption, l.pattern).into_iter().map(move |o| (l, o)))
            .min_by_key(|(_, o)| o.start);
        match (input.retouched_or_ai_images, notice) {
            (true, None) => {
                if verdict == Verdict::Meets {
                    verdict = Verdict::Weak;
                }
                explanation.push_str(" The images are retouched or made with AI: the law also requires “Images retouchées” (retouched) or “Images virtuelles” (AI-made), which is missing.");
            }
            (true, Some((_, o))) => notes.push(format!(
                "Found “{}” for the retouched or AI-made images; show it on the image too.",
                caption.text(o.start, o.end)
            )),
            (false, _) => notes.push(
                "If a body or face in the images is retouched or made with AI, add “Images retouchées” or “Images virtuelles”.".to_string(),
            ),
        }
    }

    if let Some(why) = rules.virtual_persona {
        let notice = PERSONA_NOTICES
            .iter()
            .flat_map(|l| find(caption, l.pattern))
            .min_by_key(|o| o.start);
        match (input.virtual_persona, notice) {
            (true, None) => {
                if verdict == Verdict::Meets {
                    verdict = Verdict::Weak;
                }
                explanation.push_str(&format!(
                    " The creator is a virtual or AI-made persona: {why}. Add a line such as “virtual influencer” or “AI-generated”."
                ));
            }
            (true, Some(o)) => notes.push(format!(
                "Found “{}”, saying the persona is virtual or AI-made.",
                caption.text(o.start, o.end)
            )),
            (false, _) => notes.push(format!(
                "If the creator is a virtual or AI-made persona, say so: {why}."
            )),
        }
    }

    JurisdictionResult {
        jurisdiction,
        verdict,
        label,
        not_enough,
        explanation,
        rule: format!(
            "{}: {}",
            jurisdiction.citation(),
            jurisdiction.rule_summary()
        ),
        instruments: rules.instruments.iter().map(|i| i.cited()).collect(),
        notes,
        disclaimer: DISCLAIMER.to_string(),
    }
}
