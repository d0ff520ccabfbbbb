//! The deliverables as an iCalendar file (RFC 5545) that Google Calendar, Outlook and Apple
//! Calendar import: one all-day VEVENT per deliverable.
//!
//! What the RFC asks and this writer does: a VCALENDAR with PRODID and VERSION:2.0 (plus
//! CALSCALE and METHOD:PUBLISH, which Outlook wants for an import); each VEVENT with a UID that
//! stays the same across exports (built from the campaign's and the deliverable's ids, so a
//! second import updates the events instead of doubling them), DTSTAMP in UTC, DTSTART;VALUE=DATE
//! and DTEND;VALUE=DATE the next day (DTEND is exclusive, §3.6.1); TEXT values escaped (§3.3.11:
//! backslash, semicolon, comma, line breaks as `\n`; other control characters dropped); lines
//! folded at 75 octets without cutting a UTF-8 sequence (§3.1); every line ending in CRLF.

use crate::campaign::calendar::item::Deliverable;
use crate::campaign::record::Campaign;
use crate::creator::record::Creator;
use crate::text::date::Date;

/// Identifies the product that wrote the file (§3.7.3).
pub const PRODID: &str = "-//Microscope//Deliverables calendar//EN";

/// The file's text for `campaign`'s deliverables, in list order; `creators` give the names,
/// `now_ms` the DTSTAMP (when the file was made).
pub fn ics(campaign: &Campaign, creators: &[Creator], now_ms: f64) -> String {
    let mut out = String::with_capacity(256 + campaign.deliverables.items.len() * 320);
    let stamp = utc_stamp(now_ms);
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        &format!("PRODID:{PRODID}"),
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        push_line(&mut out, line);
    }
    push_line(
        &mut out,
        &format!("X-WR-CALNAME:{}", escape_text(&campaign.name)),
    );
    for d in &campaign.deliverables.items {
        let Some(date) = d.date else { continue };
        let creator = name_of(creators, &d.creator_id);
        push_event(&mut out, campaign, d, date, creator, &stamp);
    }
    push_line(&mut out, "END:VCALENDAR");
    out
}

fn name_of<'a>(creators: &'a [Creator], id: &'a str) -> &'a str {
    creators
        .iter()
        .find(|c| c.id == id)
        .map_or(id, |c| c.name.as_str())
}

/// The UID of a deliverable: stable for the same campaign and deliverable, unique across
/// campaigns (§3.8.4.7 recommends a domain-like right-hand side).
pub fn uid(campaign_id: &str, deliverable_id: &str) -> String {
    format!("{deliverable_id}.{campaign_id}@microscope.invalid")
}

fn push_event(
    out: &mut String,
    campaign: &Campaign,
    d: &Deliverable,
    date: Date,
    creator: &str,
    stamp: &str,
) {
    let summary = if creator.is_empty() {
        d.name().to_string()
    } else {
        format!("{creator}: {}", d.name())
    };
    let mut description = format!("{} (state: {}).", d.kind.label(), d.state.label());
    if !d.note.is_empty() {
        description.push('\n');
        description.push_str(&d.note);
    }
    description.push_str(&format!("\nCampaign: {}", campaign.name));
    let next = Date::from_day_number(date.day_number() + 1).unwrap_or(date);
    let lines = [
        "BEGIN:VEVENT".to_string(),
        format!("UID:{}", escape_text(&uid(&campaign.id, &d.id))),
        format!("DTSTAMP:{stamp}"),
        format!("DTSTART;VALUE=DATE:{}", ics_date(date)),
        format!("DTEND;VALUE=DATE:{}", ics_date(next)),
        format!("SUMMARY:{}", escape_text(&summary)),
        format!("DESCRIPTION:{}", escape_text(&description)),
        format!("CATEGORIES:{}", escape_text(d.kind.label())),
        // An all-day reminder, not a busy day.
        "TRANSP:TRANSPARENT".to_string(),
        "END:VEVENT".to_string(),
    ];
    for line in lines {
        push_line(out, &line);
    }
}

/// "20260504" (§3.3.4).
fn ics_date(d: Date) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

/// "20260507T091500Z": a UTC date-time (§3.3.5, form 2) of milliseconds since 1970; a clock that
/// is not usable counts as 1970-01-01T00:00:00Z.
pub fn utc_stamp(ms: f64) -> String {
    let ms = if ms.is_finite() && ms >= 0.0 { ms } else { 0.0 };
    let date = Date::from_ms(ms).unwrap_or_default();
    let secs = ((ms / 1000.0).floor() as i64).rem_euclid(86_400);
    format!(
        "{}T{:02}{:02}{:02}Z",
        ics_date(date),
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    )
}

/// A TEXT value (§3.3.11): `\` `;` `,` escaped with a backslash, a line break (CRLF, LF or CR)
/// as `\n`; other control characters, which the RFC does not allow, are dropped.
pub fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// The longest a line may be, in octets, without its CRLF (§3.1).
pub const MAX_LINE_OCTETS: usize = 75;

/// Appends `line` folded (§3.1): no line longer than 75 octets; each continuation starts with
/// one space (which counts in its 75); a cut never falls inside a UTF-8 sequence. Every line ends
/// with CRLF.
fn push_line(out: &mut String, line: &str) {
    let mut budget = MAX_LINE_OCTETS;
    let mut used = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if used + len > budget {
            out.push_str("\r\n ");
            // The leading space takes one octet of the continuation line.
            budget = MAX_LINE_OCTETS - 1;
            used = 0;
        }
        out.push(c);
        used += len;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::campaign::calendar::item::{Kind, State};
    use crate::testing::check_cases;

    fn folded(line: &str) -> String {
        let mut out = String::new();
        push_line(&mut out, line);
        out
    }

    #[test]
    fn text_is_escaped() {
        let cases = [
            ("plain", "plain"),
            ("a,b;c\\d", "a\\,b\\;c\\\\d"),
            ("one\ntwo\r\nthree\rfour", "one\\ntwo\\nthree\\nfour"),
            ("tab\there", "tab\there"),
            ("bell\u{7}gone", "bellgone"),
            ("Ünïcödé 💄", "Ünïcödé 💄"),
            ("", ""),
        ];
        check_cases(cases, escape_text);
    }

    #[test]
    fn lines_fold_at_75_octets_without_cutting_utf8() {
        // (line, octets of each physical line without CRLF)
        let ascii75 = "x".repeat(75);
        let ascii76 = "x".repeat(76);
        let ascii200 = "y".repeat(200);
        // "é" is 2 octets: "a" and 37 of them make 75; the 38th starts the next line.
        let accents = format!("a{}", "é".repeat(40));
        // 4-octet emoji after 73 ASCII octets: 77 > 75, so the emoji starts the next line.
        let emoji = format!("{}💄tail", "z".repeat(73));
        let cases: [(&str, Vec<usize>); 5] = [
            (&ascii75, vec![75]),
            (&ascii76, vec![75, 2]),
            (&ascii200, vec![75, 75, 52]),
            (&accents, vec![75, 7]),
            (&emoji, vec![73, 9]),
        ];
        for (line, want) in cases {
            let out = folded(line);
            assert!(out.ends_with("\r\n"));
            let parts: Vec<&str> = out.trim_end_matches("\r\n").split("\r\n").collect();
            let octets: Vec<usize> = parts.iter().map(|p| p.len()).collect();
            assert_eq!(octets, want, "{line:?}");
            assert!(parts.iter().skip(1).all(|p| p.starts_with(' ')));
            // Unfolding (remove CRLF + one space) gives the line back.
            let unfolded: String = out.trim_end_matches("\r\n").replace("\r\n ", "");
            assert_eq!(unfolded, line);
        }
    }

    #[test]
    fn stamps_are_utc() {
        let cases = [
            (0.0, "19700101T000000Z"),
            (1_778_145_300_000.0, "20260507T091500Z"),
            (1_778_198_399_999.0, "20260507T235959Z"),
            (f64::NAN, "19700101T000000Z"),
        ];
        check_cases(cases, utc_stamp);
    }

    #[test]
    fn a_calendar_with_one_event_per_deliverable() {
        let mut k = Campaign::new("k1".into(), "Spring, launch; 2026", 0.0);
        k.deliverables.items = vec![
            Deliverable {
                id: "d1".into(),
                creator_id: "c1".into(),
                kind: Kind::GoLive,
                date: Date::new(2026, 5, 31),
                state: State::Approved,
                note: "Link in bio\nuse code ANN10".into(),
                ..Deliverable::default()
            },
            Deliverable {
                id: "d2".into(),
                kind: Kind::Custom,
                title: "Wrap-up call".into(),
                date: Date::new(2026, 12, 31),
                ..Deliverable::default()
            },
        ];
        let ann = Creator::new("c1".into(), "Ann", 0.0);
        let text = ics(&k, &[ann], 1_778_145_300_000.0);
        let want = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Microscope//Deliverables calendar//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:Spring\\, launch\\; 2026",
            "BEGIN:VEVENT",
            "UID:d1.k1@microscope.invalid",
            "DTSTAMP:20260507T091500Z",
            "DTSTART;VALUE=DATE:20260531",
            "DTEND;VALUE=DATE:20260601",
            "SUMMARY:Ann: Go live",
            "DESCRIPTION:Go live (state: Approved).\\nLink in bio\\nuse code ANN10\\nCampai",
            " gn: Spring\\, launch\\; 2026",
            "CATEGORIES:Go live",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
            "BEGIN:VEVENT",
            "UID:d2.k1@microscope.invalid",
            "DTSTAMP:20260507T091500Z",
            "DTSTART;VALUE=DATE:20261231",
            "DTEND;VALUE=DATE:20270101",
            "SUMMARY:Wrap-up call",
            "DESCRIPTION:Custom (state: Planned).\\nCampaign: Spring\\, launch\\; 2026",
            "CATEGORIES:Custom",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
            "END:VCALENDAR",
        ];
        assert_eq!(text, want.map(|l| format!("{l}\r\n")).concat());
        // The same campaign exported later: the same UIDs.
        let again = ics(&k, &[], 1_800_000_000_000.0);
        let uids = |t: &str| -> Vec<String> {
            t.lines()
                .filter(|l| l.starts_with("UID:"))
                .map(str::to_string)
                .collect()
        };
        assert_eq!(uids(&text), uids(&again));
        assert_eq!(uid("k1", "d1"), "d1.k1@microscope.invalid");
    }
}
