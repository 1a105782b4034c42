//! "Add to calendar": a meeting as an iCalendar file (RFC 5545), one weekly
//! event in the meeting's own time zone, so calendars keep it at the right
//! local time across daylight-saving changes.

use jiff::civil::DateTime;
use jiff::tz::{Offset, TimeZone};
use jiff::{SignedDuration, Timestamp, ToSpan};

use super::Meeting;

/// The event, or `None` for a meeting with no weekly time (by appointment,
/// or missing its time or zone).
///
/// `uid` must be stable for the meeting (so re-importing the file updates the
/// event instead of adding another); `url` links back to its page.
pub fn ics(meeting: &Meeting, uid: &str, url: Option<&str>, now: Timestamp) -> Option<String> {
    let zone_name = meeting.timezone.as_deref()?;
    let zone = TimeZone::get(zone_name).ok()?;
    let first = meeting.next_occurrence(now)?;
    let duration = first
        .end
        .timestamp()
        .duration_since(first.start.timestamp());
    let days: Vec<&str> = meeting.days.iter().map(|d| byday(d.number())).collect();

    let mut lines = vec![
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//Hearth//Meeting finder//EN".to_owned(),
        "CALSCALE:GREGORIAN".to_owned(),
        "METHOD:PUBLISH".to_owned(),
    ];
    lines.extend(vtimezone(zone_name, &zone, first.start.timestamp()));
    lines.push("BEGIN:VEVENT".to_owned());
    lines.push(format!("UID:{}", text(uid)));
    lines.push(format!("DTSTAMP:{}", utc(now)));
    lines.push(format!(
        "DTSTART;TZID={zone_name}:{}",
        local(first.start.datetime())
    ));
    lines.push(format!("DURATION:{}", iso_duration(duration)));
    lines.push(format!("RRULE:FREQ=WEEKLY;BYDAY={}", days.join(",")));
    lines.push(format!("SUMMARY:{}", text(&meeting.name)));
    let place: Vec<&str> = ["location", "formatted_address"]
        .iter()
        .filter_map(|field| meeting.text(field))
        .collect();
    if !place.is_empty() {
        lines.push(format!("LOCATION:{}", text(&place.join(", "))));
    }
    if let (Some(lat), Some(lng)) = (meeting.latitude, meeting.longitude)
        && !meeting.approximate
    {
        lines.push(format!("GEO:{lat:.6};{lng:.6}"));
    }
    let description: Vec<&str> = ["notes", "conference_url", "conference_phone"]
        .iter()
        .filter_map(|field| meeting.text(field))
        .collect();
    if !description.is_empty() {
        lines.push(format!("DESCRIPTION:{}", text(&description.join("\n"))));
    }
    if let Some(url) = url {
        lines.push(format!("URL:{url}"));
    }
    lines.push("END:VEVENT".to_owned());
    lines.push("END:VCALENDAR".to_owned());

    let mut out = String::new();
    for line in lines {
        fold(&line, &mut out);
    }
    Some(out)
}

/// The zone's rules around the first occurrence: the offset then, and every
/// transition for the next three years, each as the observance it starts.
/// RFC 5545 requires a VTIMEZONE for each TZID used.
fn vtimezone(name: &str, zone: &TimeZone, around: Timestamp) -> Vec<String> {
    let mut lines = vec!["BEGIN:VTIMEZONE".to_owned(), format!("TZID:{name}")];
    let window_start = around
        .checked_sub(SignedDuration::from_hours(24 * 7))
        .unwrap_or(around);
    let window_end = around
        .to_zoned(TimeZone::UTC)
        .checked_add(3.years())
        .map_or(around, |z| z.timestamp());
    let info = zone.to_offset_info(window_start);
    let opening = (
        info.offset(),
        info.offset(),
        info.abbreviation().to_owned(),
        info.dst().is_dst(),
    );
    let mut observances = vec![(window_start, opening)];
    for transition in zone.following(window_start) {
        let at = transition.timestamp();
        if at > window_end {
            break;
        }
        let before = zone.to_offset(at.checked_sub(SignedDuration::from_secs(1)).unwrap_or(at));
        observances.push((
            at,
            (
                before,
                transition.offset(),
                transition.abbreviation().to_owned(),
                transition.dst().is_dst(),
            ),
        ));
    }
    for (at, (from, to, abbreviation, dst)) in observances {
        let kind = if dst { "DAYLIGHT" } else { "STANDARD" };
        lines.push(format!("BEGIN:{kind}"));
        // An observance starts at a local time reckoned in the offset it
        // replaces.
        lines.push(format!(
            "DTSTART:{}",
            local(at.to_zoned(TimeZone::fixed(from)).datetime())
        ));
        lines.push(format!("TZOFFSETFROM:{}", offset(from)));
        lines.push(format!("TZOFFSETTO:{}", offset(to)));
        if !abbreviation.is_empty() {
            lines.push(format!("TZNAME:{}", text(&abbreviation)));
        }
        lines.push(format!("END:{kind}"));
    }
    lines.push("END:VTIMEZONE".to_owned());
    lines
}

fn byday(spec_day: u8) -> &'static str {
    ["SU", "MO", "TU", "WE", "TH", "FR", "SA"][usize::from(spec_day % 7)]
}

fn local(datetime: DateTime) -> String {
    datetime.strftime("%Y%m%dT%H%M%S").to_string()
}

fn utc(instant: Timestamp) -> String {
    instant.strftime("%Y%m%dT%H%M%SZ").to_string()
}

/// `+0530`, `-0800`: the form TZOFFSETFROM and TZOFFSETTO take.
fn offset(offset: Offset) -> String {
    let seconds = offset.seconds();
    let sign = if seconds < 0 { '-' } else { '+' };
    let seconds = seconds.unsigned_abs();
    format!("{sign}{:02}{:02}", seconds / 3600, seconds % 3600 / 60)
}

/// `PT1H30M`, as RFC 5545 writes a duration.
fn iso_duration(duration: SignedDuration) -> String {
    let minutes = duration.as_secs().max(0) / 60;
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("PT{m}M"),
        (h, 0) => format!("PT{h}H"),
        (h, m) => format!("PT{h}H{m}M"),
    }
}

/// A TEXT value with RFC 5545's escapes.
fn text(value: &str) -> String {
    value
        .replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace("\r\n", "\\n")
        .replace('\n', "\\n")
}

/// Writes a content line, folded at 75 octets (never inside a character),
/// with the CRLF ending RFC 5545 requires.
fn fold(line: &str, out: &mut String) {
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::meetings::feed::parse_record;
    use serde_json::json;

    fn meeting(record: serde_json::Value) -> Meeting {
        parse_record(record, None).unwrap()
    }

    fn unfolded(ics: &str) -> Vec<String> {
        ics.replace("\r\n ", "")
            .split("\r\n")
            .map(str::to_owned)
            .collect()
    }

    #[test]
    fn a_weekly_meeting_is_one_recurring_event_in_its_own_zone() {
        let m = meeting(json!({
            "name": "Lunch Bunch; downtown, upstairs", "slug": "lunch", "day": [1, 3], "time": "12:10",
            "end_time": "13:10", "timezone": "America/Los_Angeles",
            "formatted_address": "1 Main St, Portland, OR", "latitude": 45.5, "longitude": -122.6,
            "notes": "Line one\nline two"
        }));
        let now: Timestamp = "2026-03-03T12:00:00Z".parse().unwrap();
        let ics = ics(
            &m,
            "test-lunch@hearth",
            Some("https://hearth.example/meetings/test/lunch"),
            now,
        )
        .unwrap();
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        assert!(ics.lines().all(|l| l.len() <= 76), "folded at 75 octets");
        let lines = unfolded(&ics);
        let has = |line: &str| lines.iter().any(|l| l == line);
        assert!(
            has("DTSTART;TZID=America/Los_Angeles:20260304T121000"),
            "{lines:?}"
        );
        assert!(has("DURATION:PT1H"));
        assert!(has("RRULE:FREQ=WEEKLY;BYDAY=MO,WE"));
        assert!(has("SUMMARY:Lunch Bunch\\; downtown\\, upstairs"));
        assert!(has("LOCATION:1 Main St\\, Portland\\, OR"));
        assert!(has("DESCRIPTION:Line one\\nline two"));
        assert!(has("GEO:45.500000;-122.600000"));
        assert!(has("UID:test-lunch@hearth"));
        assert!(has("DTSTAMP:20260303T120000Z"));
        // The zone's own rules, with the spring-forward of 2026-03-08.
        assert!(has("TZID:America/Los_Angeles"));
        let spring = lines
            .iter()
            .position(|l| l == "DTSTART:20260308T020000")
            .expect("the 2026 DST change");
        assert_eq!(lines[spring - 1], "BEGIN:DAYLIGHT");
        assert_eq!(lines[spring + 1], "TZOFFSETFROM:-0800");
        assert_eq!(lines[spring + 2], "TZOFFSETTO:-0700");
        let begins = lines.iter().filter(|l| l.starts_with("BEGIN:")).count();
        let ends = lines.iter().filter(|l| l.starts_with("END:")).count();
        assert_eq!(begins, ends);
    }

    #[test]
    fn a_zone_with_a_half_hour_offset_and_no_dst_has_one_observance() {
        let m = meeting(json!({
            "name": "Mumbai Evening", "slug": "mumbai", "day": 5, "time": "19:00", "timezone": "Asia/Kolkata"
        }));
        let now: Timestamp = "2026-03-03T12:00:00Z".parse().unwrap();
        let lines = unfolded(&ics(&m, "m@hearth", None, now).unwrap());
        assert_eq!(lines.iter().filter(|l| *l == "BEGIN:STANDARD").count(), 1);
        assert!(lines.iter().any(|l| l == "TZOFFSETTO:+0530"));
        assert!(lines.iter().any(|l| l == "RRULE:FREQ=WEEKLY;BYDAY=FR"));
    }

    #[test]
    fn by_appointment_meetings_have_no_calendar_entry() {
        let m = meeting(json!({ "name": "Desk", "slug": "desk", "timezone": "America/Chicago" }));
        assert!(ics(&m, "d@hearth", None, Timestamp::UNIX_EPOCH).is_none());
    }

    #[test]
    fn long_lines_fold_between_characters() {
        let mut out = String::new();
        fold(&format!("SUMMARY:{}", "é".repeat(60)), &mut out);
        for line in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(line.len() <= 75, "{line}");
        }
        assert_eq!(
            out.replace("\r\n ", "").trim_end(),
            format!("SUMMARY:{}", "é".repeat(60))
        );
    }
}
