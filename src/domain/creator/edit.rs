//! A form's edit applied to the creator as it is stored now, not as it was when the form opened.
//!
//! A form (the shortlist's editor, a dossier part) is filled once from the record; another tab
//! may change the same creator while it is open. Saving the form's whole record, or a whole group
//! of it, then reverted that tab's change to a field the user never touched (the QA probe's S2,
//! S4, S7, S9). Here a form's save is three records: `opened` (what the form was filled with),
//! `edited` (`opened` with what the form now holds) and `stored` (the record now): only the parts
//! where `edited` differs from `opened` are written onto `stored`; every other part keeps what is
//! stored, whoever wrote it. Pure: the UI reads the store and the form, this decides.

use std::collections::HashMap;

use crate::creator::dossier::CustomField;
use crate::creator::record::Creator;

/// A part of a creator one form edits; a part is written whole when the form changed it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Name,
    ProfileUrl,
    Platform,
    Status,
    Followers,
    /// Each average per post on its own (the editor's six to eight fields).
    Metrics,
    PostsPerWeek,
    Price,
    Currency,
    SponsoredPosts,
    Tags,
    Notes,
    Email,
    /// The other links: one text area, so one part.
    Links,
    Location,
    Language,
    AudienceDate,
    /// An audience group is one reading of the insights screen whose shares add up to at most
    /// 100%: a group is taken whole, never mixed row by row with another tab's.
    AudienceCountries,
    AudienceAges,
    AudienceGenders,
    /// Field by field, by name: see [`merge_custom`].
    Custom,
}

/// What the shortlist's Add/Edit dialog edits (not the dossier: its posts, history, contact…).
pub const EDITOR: &[Part] = &[
    Part::Name,
    Part::ProfileUrl,
    Part::Platform,
    Part::Status,
    Part::Followers,
    Part::Metrics,
    Part::PostsPerWeek,
    Part::Price,
    Part::Currency,
    Part::SponsoredPosts,
    Part::Tags,
    Part::Notes,
];
/// The dossier's Contact form.
pub const CONTACT: &[Part] = &[Part::Email, Part::Links, Part::Location, Part::Language];
/// The dossier's Audience form.
pub const AUDIENCE: &[Part] = &[
    Part::AudienceDate,
    Part::AudienceCountries,
    Part::AudienceAges,
    Part::AudienceGenders,
];
/// The dossier's Custom fields form.
pub const CUSTOM: &[Part] = &[Part::Custom];

/// Writes onto `stored` each of `parts` that `edited` holds differently from `opened`; the others
/// keep what `stored` holds. Returns the parts written.
pub fn apply_changes(
    stored: &mut Creator,
    opened: &Creator,
    edited: &Creator,
    parts: &[Part],
) -> Vec<Part> {
    // `stored.$f` is written (and a `Rare` part boxed) only when the form changed it.
    macro_rules! take {
        ($($f:tt)+) => {{
            let changed = edited.$($f)+ != opened.$($f)+;
            if changed {
                stored.$($f)+ = edited.$($f)+.clone();
            }
            changed
        }};
    }
    let mut written = Vec::new();
    for &part in parts {
        let changed = match part {
            Part::Name => take!(name),
            Part::ProfileUrl => take!(profile_url),
            Part::Platform => take!(platform),
            Part::Status => take!(status),
            Part::Followers => take!(followers),
            // Field by field: another tab's change to one average stays when this form changed
            // another.
            Part::Metrics => [
                take!(metrics.views),
                take!(metrics.likes),
                take!(metrics.comments),
                take!(metrics.shares),
                take!(metrics.dislikes),
                take!(metrics.saves),
                take!(metrics.impressions),
                take!(metrics.reach),
            ]
            .contains(&true),
            Part::PostsPerWeek => take!(posts_per_week),
            Part::Price => take!(price),
            Part::Currency => take!(currency),
            Part::SponsoredPosts => take!(sponsored_posts),
            Part::Tags => take!(tags),
            Part::Notes => take!(notes),
            Part::Email => take!(email),
            Part::Links => take!(links),
            Part::Location => take!(location),
            Part::Language => take!(language),
            Part::AudienceDate => take!(audience.date),
            Part::AudienceCountries => take!(audience.countries),
            Part::AudienceAges => take!(audience.ages),
            Part::AudienceGenders => take!(audience.genders),
            Part::Custom => {
                let changed = edited.custom != opened.custom;
                if changed {
                    let merged = merge_custom(&stored.custom, &opened.custom, &edited.custom);
                    *stored.custom = merged;
                }
                changed
            }
        };
        if changed {
            written.push(part);
        }
    }
    written
}

/// The custom fields after a form's edit, on the list stored now: a field is known by its name
/// (the n-th field of a name, when names repeat). A field the form removed is removed, one whose
/// value (or name) it changed takes the form's, one it added is added at the end; every other
/// stored field stays as stored, so a field another tab added or changed is kept.
pub fn merge_custom(
    stored: &[CustomField],
    opened: &[CustomField],
    edited: &[CustomField],
) -> Vec<CustomField> {
    let opened_keys = keyed(opened);
    let edited_keys = keyed(edited);
    let mut out = Vec::with_capacity(stored.len() + edited.len());
    let mut placed = vec![false; edited.len()];
    for (key, field) in keys(stored).into_iter().zip(stored) {
        match (opened_keys.get(&key), edited_keys.get(&key)) {
            // The form had it and does not any more: removed (or renamed) here.
            (Some(_), None) => {}
            // Both this form and the store have it: the form's value when it changed it.
            (Some(&o), Some(&e)) => {
                placed[e] = true;
                out.push(if edited[e] != opened[o] {
                    edited[e].clone()
                } else {
                    field.clone()
                });
            }
            // Added here and, under the same name, elsewhere: what was typed here.
            (None, Some(&e)) => {
                placed[e] = true;
                out.push(edited[e].clone());
            }
            // Not the form's: another tab's, or one this form never showed.
            (None, None) => out.push(field.clone()),
        }
    }
    for ((e, field), key) in edited.iter().enumerate().zip(keys(edited)) {
        // A field the form shows that is no longer stored: added here (kept), or removed in
        // another tab while this form still showed it unchanged (stays removed).
        let unchanged_from_opened = opened_keys.get(&key).is_some_and(|&o| opened[o] == *field);
        if !placed[e] && !unchanged_from_opened {
            out.push(field.clone());
        }
    }
    out
}

/// Each field's key: its name and how many fields of that name come before it.
fn keys(fields: &[CustomField]) -> Vec<(String, usize)> {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    fields
        .iter()
        .map(|f| {
            let n = seen.entry(f.name.as_str()).or_default();
            let key = (f.name.clone(), *n);
            *n += 1;
            key
        })
        .collect()
}

fn keyed(fields: &[CustomField]) -> HashMap<(String, usize), usize> {
    keys(fields)
        .into_iter()
        .enumerate()
        .map(|(i, k)| (k, i))
        .collect()
}

/// Where the entry a form opened (`item`, at `hint` then) is in `list` now: at `hint` when it is
/// still there, else the first equal entry; `None` when it is gone or was changed. The dossier's
/// post form edits a post this way, so that a post another tab added (which moves the others) is
/// never written over (the QA probe's S8: one post lost, one duplicated).
pub fn position_of<T: PartialEq>(list: &[T], hint: usize, item: &T) -> Option<usize> {
    if list.get(hint) == Some(item) {
        return Some(hint);
    }
    list.iter().position(|x| x == item)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::creator::dossier::{Post, Share};
    use crate::creator::record::Status;
    use crate::testing::{check_cases, strings};

    fn field(name: &str, value: &str) -> CustomField {
        CustomField {
            name: name.into(),
            value: value.into(),
        }
    }

    fn ann() -> Creator {
        let mut c = Creator::new("c1".into(), "Ann", 1.0);
        c.status = Status::Prospect;
        c.notes = "first".into();
        c.location = "Lisbon".into();
        c.email = Some("ann@example.com".into());
        c.metrics.views = Some(1000.0);
        c.metrics.likes = Some(50.0);
        c
    }

    /// (what another tab did to the stored record, what this form did to its copy, the parts
    /// this form edits) -> the record saved.
    type Case = (fn(&mut Creator), fn(&mut Creator), &'static [Part]);
    /// What the saved record holds besides `ann()`.
    type Want = fn(&mut Creator);

    #[test]
    fn only_what_the_form_changed_is_written_over_the_stored_record() {
        let cases: [(Case, Want); 8] = [
            // QA probe S2: the editor open while another tab confirmed the creator; the editor
            // saves notes. The status stays confirmed.
            (
                (
                    |c| c.status = Status::Confirmed,
                    |c| c.notes = "A".into(),
                    EDITOR,
                ),
                |c| {
                    c.status = Status::Confirmed;
                    c.notes = "A".into();
                },
            ),
            // QA probe S7: another tab added a post; the editor saves tags. The post stays (the
            // editor never writes the dossier).
            (
                (
                    |c| c.posts.push(Post::default()),
                    |c| c.tags = strings(&["fitness"]),
                    EDITOR,
                ),
                |c| {
                    c.posts.push(Post::default());
                    c.tags = strings(&["fitness"]);
                },
            ),
            // QA probe S4: another tab changed the location; the contact form saves an email.
            (
                (
                    |c| c.location = "Madrid".into(),
                    |c| c.email = Some("new@example.com".into()),
                    CONTACT,
                ),
                |c| {
                    c.location = "Madrid".into();
                    c.email = Some("new@example.com".into());
                },
            ),
            // Both changed the same field: the form's save is the later word.
            (
                (|c| c.notes = "B".into(), |c| c.notes = "A".into(), EDITOR),
                |c| c.notes = "A".into(),
            ),
            // Averages field by field: another tab's likes stay when the form changed views.
            (
                (
                    |c| c.metrics.likes = Some(70.0),
                    |c| c.metrics.views = Some(2000.0),
                    EDITOR,
                ),
                |c| {
                    c.metrics.likes = Some(70.0);
                    c.metrics.views = Some(2000.0);
                },
            ),
            // A part the form does not edit is never written, even if its copy differs.
            ((|_| {}, |c| c.location = "Porto".into(), EDITOR), |_| {}),
            // Emptied in the form is a change too.
            (
                (
                    |c| c.location = "Madrid".into(),
                    |c| c.email = None,
                    CONTACT,
                ),
                |c| {
                    c.location = "Madrid".into();
                    c.email = None;
                },
            ),
            // Audience groups are whole: another tab's countries stay when the form changed ages.
            (
                (
                    |c| {
                        c.audience.countries = vec![Share {
                            name: "Spain".into(),
                            share: 0.5,
                        }]
                    },
                    |c| {
                        c.audience.ages = vec![Share {
                            name: "18-24".into(),
                            share: 0.4,
                        }]
                    },
                    AUDIENCE,
                ),
                |c| {
                    c.audience.countries = vec![Share {
                        name: "Spain".into(),
                        share: 0.5,
                    }];
                    c.audience.ages = vec![Share {
                        name: "18-24".into(),
                        share: 0.4,
                    }];
                },
            ),
        ];
        let cases = cases.map(|(case, want)| {
            let mut c = ann();
            want(&mut c);
            (case, c)
        });
        check_cases(cases, |(other_tab, form, parts): Case| {
            let opened = ann();
            let mut stored = ann();
            other_tab(&mut stored);
            let mut edited = opened.clone();
            form(&mut edited);
            apply_changes(&mut stored, &opened, &edited, parts);
            stored
        });
    }

    #[test]
    fn apply_changes_says_what_it_wrote() {
        let opened = ann();
        let mut edited = ann();
        edited.notes = "A".into();
        edited.metrics.likes = None;
        let mut stored = ann();
        assert_eq!(
            apply_changes(&mut stored, &opened, &edited, EDITOR),
            vec![Part::Metrics, Part::Notes]
        );
        assert_eq!(apply_changes(&mut stored, &opened, &opened, EDITOR), vec![]);
    }

    #[test]
    fn custom_fields_merge_by_name() {
        let base = || vec![field("Agency", "Lumen"), field("Next call", "2026-05-01")];
        // (opened with, stored now, as the form left it) -> saved.
        let cases = [
            // QA probe S9: another tab added a field; this form changed another one's value.
            (
                (
                    base(),
                    vec![
                        field("Agency", "Lumen"),
                        field("Next call", "2026-05-01"),
                        field("Added in B", "B value"),
                    ],
                    vec![field("Agency", "Lumen"), field("Next call", "2026-06-03")],
                ),
                vec![
                    field("Agency", "Lumen"),
                    field("Next call", "2026-06-03"),
                    field("Added in B", "B value"),
                ],
            ),
            // Another tab changed a value; this form added a field.
            (
                (
                    base(),
                    vec![field("Agency", "Nova"), field("Next call", "2026-05-01")],
                    vec![
                        field("Agency", "Lumen"),
                        field("Next call", "2026-05-01"),
                        field("Rate card", "yes"),
                    ],
                ),
                vec![
                    field("Agency", "Nova"),
                    field("Next call", "2026-05-01"),
                    field("Rate card", "yes"),
                ],
            ),
            // This form removed a field another tab left alone: removed.
            (
                (base(), base(), vec![field("Next call", "2026-05-01")]),
                vec![field("Next call", "2026-05-01")],
            ),
            // This form renamed a field: the old name goes, the new one comes.
            (
                (
                    base(),
                    base(),
                    vec![field("Agent", "Lumen"), field("Next call", "2026-05-01")],
                ),
                vec![field("Next call", "2026-05-01"), field("Agent", "Lumen")],
            ),
            // Another tab removed a field this form changed: what was typed is kept.
            (
                (
                    base(),
                    vec![field("Agency", "Lumen")],
                    vec![field("Agency", "Lumen"), field("Next call", "2026-06-03")],
                ),
                vec![field("Agency", "Lumen"), field("Next call", "2026-06-03")],
            ),
            // Another tab removed a field this form did not touch: it stays removed.
            (
                (base(), vec![field("Agency", "Lumen")], base()),
                vec![field("Agency", "Lumen")],
            ),
            // Both changed the same field: this form's save is the later word.
            (
                (
                    base(),
                    vec![field("Agency", "Nova"), field("Next call", "2026-05-01")],
                    vec![field("Agency", "Orbit"), field("Next call", "2026-05-01")],
                ),
                vec![field("Agency", "Orbit"), field("Next call", "2026-05-01")],
            ),
            // Repeated names are told apart by their order.
            (
                (
                    vec![field("Tag", "a"), field("Tag", "b")],
                    vec![field("Tag", "a"), field("Tag", "b"), field("Tag", "c")],
                    vec![field("Tag", "a"), field("Tag", "B")],
                ),
                vec![field("Tag", "a"), field("Tag", "B"), field("Tag", "c")],
            ),
        ];
        check_cases(cases, |(opened, stored, edited)| {
            merge_custom(&stored, &opened, &edited)
        });
    }

    #[test]
    fn a_post_is_found_by_its_value() {
        let post = |views: f64| Post {
            metrics: crate::creator::metrics::PostMetrics {
                views: Some(views),
                ..Default::default()
            },
            ..Post::default()
        };
        // (list now, the place it had) -> where post 2 (views 200) is now.
        let cases = [
            ((vec![post(1.0), post(200.0), post(3.0)], 1), Some(1)),
            // QA probe S8: another tab added an older post first: post 2 moved to the third place.
            (
                (vec![post(0.5), post(1.0), post(200.0), post(3.0)], 1),
                Some(2),
            ),
            // Changed or deleted in another tab: not there, so nothing is written over.
            ((vec![post(1.0), post(201.0), post(3.0)], 1), None),
            ((vec![post(1.0)], 1), None),
        ];
        check_cases(cases, |(list, hint)| position_of(&list, hint, &post(200.0)));
    }
}
