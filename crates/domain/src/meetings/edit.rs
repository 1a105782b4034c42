//! Editing a meeting by hand: the meeting form's fields, turned into a feed
//! record by the same rules an import uses, so an edited meeting exports
//! exactly like an imported one. Fields the form does not show (contacts,
//! 7th Tradition, anything custom) are kept as they were.

use jiff::Timestamp;
use serde::Deserialize;
use serde_json::{Map, Value};

use super::feed::{RecordError, parse_record};
use super::{Meeting, SpecDay};

/// What the meeting form sends. Every field is text, as forms send it;
/// [`MeetingInput::apply`] reads it.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct MeetingInput {
    pub name: String,
    pub slug: String,
    /// One checkbox per day, `day0` (Sunday) to `day6`.
    pub day0: Option<String>,
    pub day1: Option<String>,
    pub day2: Option<String>,
    pub day3: Option<String>,
    pub day4: Option<String>,
    pub day5: Option<String>,
    pub day6: Option<String>,
    pub time: String,
    pub end_time: String,
    pub timezone: String,
    pub location: String,
    pub formatted_address: String,
    pub location_notes: String,
    pub latitude: String,
    pub longitude: String,
    /// A checkbox: the address is an area, not a door.
    pub approximate: Option<String>,
    /// Comma-separated type codes.
    pub types: String,
    pub notes: String,
    pub group: String,
    pub region: String,
    pub conference_url: String,
    pub conference_url_notes: String,
    pub conference_phone: String,
}

impl MeetingInput {
    /// The form filled in with a meeting, for editing it.
    pub fn from_meeting(meeting: &Meeting) -> MeetingInput {
        let text = |field: &str| meeting.text(field).unwrap_or_default().to_owned();
        let day = |n: u8| {
            SpecDay::new(n)
                .filter(|d| meeting.days.contains(d))
                .map(|_| "on".to_owned())
        };
        let number = |value: Option<f64>| value.map(|v| v.to_string()).unwrap_or_default();
        MeetingInput {
            name: meeting.name.clone(),
            slug: meeting.slug.clone(),
            day0: day(0),
            day1: day(1),
            day2: day(2),
            day3: day(3),
            day4: day(4),
            day5: day(5),
            day6: day(6),
            time: text("time"),
            end_time: text("end_time"),
            timezone: meeting.timezone.clone().unwrap_or_default(),
            location: text("location"),
            formatted_address: text("formatted_address"),
            location_notes: text("location_notes"),
            latitude: number(meeting.latitude),
            longitude: number(meeting.longitude),
            approximate: meeting.approximate.then(|| "on".to_owned()),
            types: meeting.types.join(", "),
            notes: text("notes"),
            group: text("group"),
            region: text("region"),
            conference_url: meeting.conference_url.clone().unwrap_or_default(),
            conference_url_notes: text("conference_url_notes"),
            conference_phone: meeting.conference_phone.clone().unwrap_or_default(),
        }
    }

    /// Whether a day's box is ticked, for the form.
    pub fn has_day(&self, day: u8) -> bool {
        self.days().contains(&day)
    }

    fn days(&self) -> Vec<u8> {
        [
            &self.day0, &self.day1, &self.day2, &self.day3, &self.day4, &self.day5, &self.day6,
        ]
        .iter()
        .enumerate()
        .filter(|(_, ticked)| ticked.is_some())
        .map(|(day, _)| day as u8)
        .collect()
    }

    /// The meeting this form describes, built on `existing` (the record being
    /// edited, whose other fields are kept) and stamped `updated` at `now`.
    pub fn apply(
        &self,
        existing: Option<&Map<String, Value>>,
        now: Timestamp,
    ) -> Result<Meeting, RecordError> {
        // Checked first: without a name there is no slug to make either.
        if self.name.trim().is_empty() {
            return Err(RecordError::Missing("name"));
        }
        let mut record = existing.cloned().unwrap_or_default();
        let mut set = |field: &str, value: &str| {
            let value = value.trim();
            if value.is_empty() {
                record.remove(field);
            } else {
                record.insert(field.to_owned(), Value::from(value));
            }
        };
        let slug = if self.slug.trim().is_empty() {
            slug_from_name(&self.name)
        } else {
            self.slug.trim().to_owned()
        };
        set("slug", &slug);
        let texts = [
            ("name", &self.name),
            ("location", &self.location),
            ("formatted_address", &self.formatted_address),
            ("location_notes", &self.location_notes),
            ("notes", &self.notes),
            ("group", &self.group),
            ("region", &self.region),
            ("time", &self.time),
            ("end_time", &self.end_time),
            ("timezone", &self.timezone),
            ("conference_url", &self.conference_url),
            ("conference_url_notes", &self.conference_url_notes),
            ("conference_phone", &self.conference_phone),
            ("latitude", &self.latitude),
            ("longitude", &self.longitude),
        ];
        for (field, value) in texts {
            set(field, value);
        }
        let days = self.days();
        if days.is_empty() {
            record.remove("day");
        } else {
            record.insert("day".into(), Value::from(days));
        }
        let types: Vec<Value> = self
            .types
            .split(',')
            .map(str::trim)
            .filter(|code| !code.is_empty())
            .map(Value::from)
            .collect();
        if types.is_empty() {
            record.remove("types");
        } else {
            record.insert("types".into(), Value::from(types));
        }
        if self.approximate.is_some() {
            record.insert("approximate".into(), Value::from("yes"));
        } else {
            record.remove("approximate");
        }
        record.insert(
            "updated".into(),
            Value::from(now.strftime("%Y-%m-%d %H:%M:%S").to_string()),
        );
        parse_record(Value::Object(record), None)
    }
}

/// A slug from a meeting's name: `"Lunch Bunch (Downtown)"` ->
/// `"lunch-bunch-downtown"`.
pub fn slug_from_name(name: &str) -> String {
    let mut slug = String::new();
    for c in name.trim().to_lowercase().chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> MeetingInput {
        MeetingInput {
            name: "Lunch Bunch (Downtown)".into(),
            day1: Some("on".into()),
            day3: Some("on".into()),
            time: "12:10".into(),
            timezone: "America/Chicago".into(),
            formatted_address: "1 Main St, Chicago, IL".into(),
            latitude: "41.88".into(),
            longitude: "-87.63".into(),
            types: "O, D".into(),
            ..MeetingInput::default()
        }
    }

    #[test]
    fn a_new_meeting_gets_a_slug_and_a_stamp() {
        let now: Timestamp = "2026-03-03T12:00:00Z".parse().unwrap();
        let meeting = input().apply(None, now).unwrap();
        assert_eq!(meeting.slug, "lunch-bunch-downtown");
        assert_eq!(
            meeting.days,
            [SpecDay::new(1).unwrap(), SpecDay::new(3).unwrap()]
        );
        assert_eq!(meeting.types, ["D", "O"]);
        assert_eq!(meeting.updated, Some(now));
        assert_eq!(meeting.record["updated"], "2026-03-03 12:00:00");
    }

    #[test]
    fn editing_keeps_fields_the_form_does_not_show() {
        let now: Timestamp = "2026-03-03T12:00:00Z".parse().unwrap();
        let mut existing = input().apply(None, now).unwrap().record;
        existing.insert("venmo".into(), Value::from("@lunch"));
        existing.insert("custom".into(), serde_json::json!({ "kept": true }));
        let mut changed = MeetingInput::from_meeting(
            &parse_record(Value::Object(existing.clone()), None).unwrap(),
        );
        changed.notes = "Bring a sandwich".into();
        changed.day3 = None;
        let edited = changed.apply(Some(&existing), now).unwrap();
        assert_eq!(edited.record["venmo"], "@lunch");
        assert_eq!(edited.record["custom"], serde_json::json!({ "kept": true }));
        assert_eq!(edited.text("notes"), Some("Bring a sandwich"));
        assert_eq!(edited.days, [SpecDay::new(1).unwrap()]);
    }

    #[test]
    fn the_form_round_trips_a_meeting() {
        let now: Timestamp = "2026-03-03T12:00:00Z".parse().unwrap();
        let meeting = input().apply(None, now).unwrap();
        let again = MeetingInput::from_meeting(&meeting)
            .apply(Some(&meeting.record), now)
            .unwrap();
        assert_eq!(again, meeting);
    }

    #[test]
    fn a_bad_field_is_named() {
        let now = Timestamp::UNIX_EPOCH;
        let mut bad = input();
        bad.time = "25:99".into();
        match bad.apply(None, now) {
            Err(RecordError::Invalid { field, .. }) => assert_eq!(field, "time"),
            other => panic!("{other:?}"),
        }
        let nameless = MeetingInput {
            name: " ".into(),
            ..input()
        };
        assert_eq!(nameless.apply(None, now), Err(RecordError::Missing("name")));
    }

    #[test]
    fn slugs_are_plain() {
        assert_eq!(slug_from_name("  Café & Serenity!! "), "caf-serenity");
        assert_eq!(slug_from_name("12 & 12 Study"), "12-12-study");
    }
}
