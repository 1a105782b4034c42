//! Meetings in the Meeting Guide format (code4recovery's spec), the format
//! the Meeting Guide app, the 12 Step Meeting List plugin and TSML UI share.
//!
//! A feed is a JSON array of records. [`feed`] turns a messy real-world feed
//! into [`Meeting`]s (and a reason for each record it cannot read),
//! [`schedule`] answers "when is it next?" in the meeting's own time zone,
//! and [`types`] names the type codes in each language.

pub mod calendar;
pub mod edit;
pub mod feed;
pub mod index;
pub mod schedule;
pub mod search;
pub mod types;

use std::fmt;

use jiff::Timestamp;
use jiff::civil::Time;
use serde_json::{Map, Value};

/// A day as the spec numbers them: 0 = Sunday ... 6 = Saturday.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SpecDay(u8);

impl SpecDay {
    /// `None` outside 0..=6.
    pub fn new(day: u8) -> Option<SpecDay> {
        (day <= 6).then_some(SpecDay(day))
    }

    pub fn number(self) -> u8 {
        self.0
    }

    pub fn weekday(self) -> jiff::civil::Weekday {
        jiff::civil::Weekday::from_sunday_zero_offset(self.0 as i8)
            .expect("0..=6 is always a weekday")
    }

    pub fn from_weekday(weekday: jiff::civil::Weekday) -> SpecDay {
        SpecDay(weekday.to_sunday_zero_offset() as u8)
    }
}

/// How people attend, derived as TSML derives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Attendance {
    InPerson,
    Hybrid,
    Online,
    /// `TC` (temporarily closed) with no way to join online.
    Inactive,
}

impl Attendance {
    pub const ALL: [Attendance; 4] = [
        Attendance::InPerson,
        Attendance::Hybrid,
        Attendance::Online,
        Attendance::Inactive,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Attendance::InPerson => "in_person",
            Attendance::Hybrid => "hybrid",
            Attendance::Online => "online",
            Attendance::Inactive => "inactive",
        }
    }

    pub fn parse(text: &str) -> Option<Attendance> {
        Attendance::ALL.into_iter().find(|a| a.as_str() == text)
    }
}

impl fmt::Display for Attendance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One meeting, read from a feed record.
///
/// The typed fields are what Hearth searches and schedules by; `record` is
/// the whole record as it will be exported again: every field the feed had,
/// unknown ones included, with the known ones in their normal form (`"19:00"`
/// for `"7:00 PM"`, numbers for numeric strings, no empty strings).
#[derive(Debug, Clone, PartialEq)]
pub struct Meeting {
    pub slug: String,
    pub name: String,
    /// Sorted, without repeats; empty means "by appointment".
    pub days: Vec<SpecDay>,
    pub start: Option<Time>,
    /// As given; see [`Meeting::end_time`] for the default.
    pub end: Option<Time>,
    /// A valid IANA zone name (the feed's, or the importer's default).
    pub timezone: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    /// The address stands for an area, not a door (`approximate: "yes"`).
    pub approximate: bool,
    /// Type codes as given (unknown codes kept), sorted, without repeats.
    pub types: Vec<String>,
    pub conference_url: Option<String>,
    pub conference_phone: Option<String>,
    /// `regions` if given, else `region` then `sub_region`: most general first.
    pub regions: Vec<String>,
    /// `updated`, when the feed gave one.
    pub updated: Option<Timestamp>,
    pub record: Map<String, Value>,
}

impl Meeting {
    /// The end time: as given, else an hour after the start.
    pub fn end_time(&self) -> Option<Time> {
        match (self.end, self.start) {
            (Some(end), _) => Some(end),
            (None, Some(start)) => Some(start.wrapping_add(jiff::SignedDuration::from_hours(1))),
            (None, None) => None,
        }
    }

    /// How people attend, as TSML derives it.
    pub fn attendance(&self) -> Attendance {
        let online = self.conference_url.is_some() || self.conference_phone.is_some();
        let has_address = self.has_address() && !self.approximate;
        let closed = self.types.iter().any(|t| t == "TC");
        match (online, has_address) {
            (true, true) if closed => Attendance::Online,
            (true, true) => Attendance::Hybrid,
            (true, false) => Attendance::Online,
            (false, true) if !closed => Attendance::InPerson,
            // Closed, or nowhere real to go and no way to join online.
            (false, _) => Attendance::Inactive,
        }
    }

    fn has_address(&self) -> bool {
        ["formatted_address", "address"]
            .iter()
            .any(|field| self.text(field).is_some())
    }

    /// A text field of the record, if present and not blank.
    pub fn text(&self, field: &str) -> Option<&str> {
        self.record
            .get(field)
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|text| !text.is_empty())
    }

    /// What a text search looks through: name, location, address, group and
    /// notes, lower-cased.
    pub fn search_text(&self) -> String {
        let fields = [
            "name",
            "location",
            "formatted_address",
            "address",
            "city",
            "group",
            "notes",
            "location_notes",
        ];
        let parts: Vec<&str> = fields.iter().filter_map(|f| self.text(f)).collect();
        parts.join(" ").to_lowercase()
    }
}

/// The fields whose values differ between two versions of a record (added,
/// removed or changed), sorted: what a change to a meeting changed.
pub fn changed_fields(old: &Map<String, Value>, new: &Map<String, Value>) -> Vec<String> {
    let mut fields: Vec<String> = old
        .keys()
        .chain(new.keys())
        .filter(|field| old.get(*field) != new.get(*field))
        .cloned()
        .collect();
    fields.sort();
    fields.dedup();
    fields
}
