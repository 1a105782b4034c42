//! Reading Meeting Guide feeds as intergroups really publish them.
//!
//! The spec is small, but feeds come out of spreadsheets, WordPress plugins
//! and hand-written scripts, and each bends it a little. So a record is read
//! leniently where a value has one sensible reading (`"7:00 PM"` is `19:00`,
//! `"45.5"` is `45.5`, `"Monday"` is day `1`) and written back in the spec's
//! own form; a record that still makes no sense is rejected alone, with a
//! reason a person can act on, and the rest of the feed is read.
//!
//! Nothing is lost on the way: [`Meeting::record`] keeps every field the
//! record had, fields Hearth does not know included, so an export gives the
//! feed back. Its normal form, which [`parse_record`] reads back to the same
//! [`Meeting`]:
//!
//! | field | read from | written as |
//! |---|---|---|
//! | any field | `null`, `""`, `"  "` | dropped: they mean "not given" |
//! | text fields (`name`, `slug`, `notes`, `address`, ...) | text or a number | trimmed text |
//! | `day` | `1`, `"1"`, `"Monday"`, `"mon"`, or a list of these | `1`, or `[1, 3]` for several days; dropped when empty |
//! | `time`, `end_time` | `"19:00"`, `"7:00 PM"`, `"7pm"`, `"7:00 p.m."`, `"19:00:00"`, `"19.00"` | `"19:00"` |
//! | `timezone` | a tz database name, any letter case | its proper name; the default when not given |
//! | `latitude`, `longitude` | a number or numeric text | a number; both dropped when both are 0 |
//! | `approximate` | `"yes"`/`"no"`, `"true"`/`"false"`, `true`/`false` | `"yes"` or `"no"` |
//! | `types`, `feedback_emails`, `entity_feedback_emails` | a list, or text separated by `,` | a list (`types` sorted, without repeats) |
//! | `regions` | a list, or text separated by `>` (the spec's spreadsheet form) | a list, most general first |
//! | `updated` | `"YYYY-MM-DD HH:MM:SS"` (UTC) or RFC 3339 | `"YYYY-MM-DD HH:MM:SS"`; kept as given when unreadable |
//! | any other field | anything | as given |

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use jiff::Timestamp;
use jiff::civil::{DateTime, Time};
use jiff::tz::TimeZone;
use serde_json::{Map, Number, Value};

use super::{Meeting, SpecDay};

/// Why a feed could not be read at all.
#[derive(Debug, thiserror::Error)]
pub enum FeedError {
    /// The text is not JSON. serde_json's message says where (line, column).
    #[error("the feed is not valid JSON: {0}")]
    NotJson(serde_json::Error),
    /// The JSON is something other than an array of records.
    #[error("the feed is {0}, not an array of meetings")]
    NotAnArray(&'static str),
}

/// A feed, read: the meetings, and the records that were not.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedFeed {
    /// In feed order, each slug once.
    pub meetings: Vec<Meeting>,
    /// In feed order.
    pub rejected: Vec<Rejection>,
}

/// A record left out of a feed, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejection {
    /// Where the record is in the feed's array, from 0.
    pub index: usize,
    /// The record's slug, when it has a readable one, to help find it.
    pub slug: Option<String>,
    /// One plain English sentence, such as `time "25:99" is not a time of day`.
    pub reason: String,
}

/// Why one record was rejected. Its `Display` is a plain English sentence
/// that quotes the offending value, for the person who keeps the feed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RecordError {
    /// The record is not a JSON object (the value, shortened).
    #[error("the record is {0}, not an object")]
    NotAnObject(String),
    /// A required field (`name` or `slug`) is missing or blank.
    #[error("the record has no {0}")]
    Missing(&'static str),
    /// A field holds a value with no sensible reading.
    #[error("{field} {value} is not {expected}")]
    Invalid {
        field: String,
        /// The value as JSON, shortened.
        value: String,
        /// What the field should hold, e.g. "a time of day".
        expected: &'static str,
    },
    /// The record has no time zone of its own and the importer's default is
    /// not one either.
    #[error("the default time zone {0:?} is not in the tz database")]
    UnknownDefaultTimezone(String),
}

/// Reads a whole feed: a JSON array of meeting records.
///
/// Each record is read with [`parse_record`]; those that cannot be read are
/// listed in [`ParsedFeed::rejected`] and the others are still imported. A
/// slug must be unique within a feed: the first record read with a slug keeps
/// it and later ones are rejected. A record rejected for another reason does
/// not claim its slug, so a later good copy is not lost.
///
/// `default_timezone` is for records without a `timezone` (most feeds serve
/// one area and leave it out).
pub fn parse_feed(json: &str, default_timezone: Option<&str>) -> Result<ParsedFeed, FeedError> {
    // Files saved by some Windows editors start with a byte order mark, which
    // JSON does not allow but which has only one meaning.
    let json = json.strip_prefix('\u{feff}').unwrap_or(json);
    let feed: Value = serde_json::from_str(json).map_err(FeedError::NotJson)?;
    let Value::Array(records) = feed else {
        return Err(FeedError::NotAnArray(kind_of(&feed)));
    };
    let mut parsed = ParsedFeed {
        meetings: Vec::with_capacity(records.len()),
        rejected: Vec::new(),
    };
    let mut index_by_slug: HashMap<String, usize> = HashMap::new();
    for (index, record) in records.into_iter().enumerate() {
        let slug = record.get("slug").and_then(text_of);
        let meeting = match parse_record(record, default_timezone) {
            Ok(meeting) => meeting,
            Err(error) => {
                let reason = error.to_string();
                parsed.rejected.push(Rejection {
                    index,
                    slug,
                    reason,
                });
                continue;
            }
        };
        match index_by_slug.entry(meeting.slug.clone()) {
            Entry::Vacant(slot) => {
                slot.insert(index);
                parsed.meetings.push(meeting);
            }
            Entry::Occupied(first) => parsed.rejected.push(Rejection {
                index,
                reason: format!(
                    "slug {} is already used by the record at index {}",
                    Value::from(meeting.slug.as_str()),
                    first.get()
                ),
                slug: Some(meeting.slug),
            }),
        }
    }
    Ok(parsed)
}

/// Reads one feed record into a [`Meeting`], its `record` in normal form
/// (see the [module documentation](self)).
///
/// A record needs a `name` and a `slug`; every other field may be missing,
/// but a field that is given must make sense. Two readings are chosen where a
/// feed's intent is clear though not what it wrote:
///
/// * a `latitude` and `longitude` both exactly 0 mean "unknown" (a spot in
///   the Gulf of Guinea where no meeting is), so both are dropped;
/// * an `updated` that cannot be read is no reason to lose a meeting: it is
///   kept in the record as given, and [`Meeting::updated`] is `None`.
///
/// `default_timezone` fills in `timezone` when the record has none.
pub fn parse_record(record: Value, default_timezone: Option<&str>) -> Result<Meeting, RecordError> {
    let Value::Object(fields) = record else {
        return Err(RecordError::NotAnObject(shorten(&record)));
    };
    let mut known = KnownFields::default();
    let mut normal = Map::new();
    for (field, value) in fields {
        if means_not_given(&value) {
            continue;
        }
        if let Some(value) = known.read(&field, value)? {
            normal.insert(field, value);
        }
    }

    if known.latitude == Some(0.0) && known.longitude == Some(0.0) {
        known.latitude = None;
        known.longitude = None;
        normal.remove("latitude");
        normal.remove("longitude");
    }
    if known.timezone.is_none()
        && let Some(default) = default_timezone.map(str::trim).filter(|d| !d.is_empty())
    {
        let name = zone_name(default)
            .ok_or_else(|| RecordError::UnknownDefaultTimezone(default.to_owned()))?;
        normal.insert("timezone".to_owned(), Value::from(name.as_str()));
        known.timezone = Some(name);
    }

    // Text fields in the normal form are trimmed, non-blank strings.
    let text = |field: &str| normal.get(field).and_then(Value::as_str).map(str::to_owned);
    let slug = text("slug").ok_or(RecordError::Missing("slug"))?;
    let name = text("name").ok_or(RecordError::Missing("name"))?;
    let regions = if known.regions.is_empty() {
        ["region", "sub_region"]
            .into_iter()
            .filter_map(text)
            .collect()
    } else {
        known.regions
    };
    Ok(Meeting {
        slug,
        name,
        days: known.days,
        start: known.start,
        end: known.end,
        timezone: known.timezone,
        latitude: known.latitude,
        longitude: known.longitude,
        approximate: known.approximate,
        types: known.types,
        conference_url: text("conference_url"),
        conference_phone: text("conference_phone"),
        regions,
        updated: known.updated,
        record: normal,
    })
}

/// Fields the spec defines as plain text.
const TEXT_FIELDS: &[&str] = &[
    "name",
    "slug",
    "notes",
    "location",
    "location_notes",
    "formatted_address",
    "address",
    "city",
    "state",
    "postal_code",
    "country",
    "region",
    "sub_region",
    "conference_url",
    "conference_url_notes",
    "conference_phone",
    "conference_phone_notes",
    "group",
    "group_notes",
    "url",
    "edit_url",
    "feedback_url",
    "venmo",
    "square",
    "paypal",
    "homegroup_online",
    "entity",
    "entity_email",
    "entity_location",
    "entity_logo",
    "entity_phone",
    "entity_url",
    "entity_website_url",
    "contact_1_name",
    "contact_1_email",
    "contact_1_phone",
    "contact_2_name",
    "contact_2_email",
    "contact_2_phone",
    "contact_3_name",
    "contact_3_email",
    "contact_3_phone",
];

const EXPECTED_TEXT: &str = "text";
const EXPECTED_TEXT_LIST: &str = "text or a list of text";
const EXPECTED_DAY: &str = "a day of the week (0 = Sunday to 6 = Saturday)";
const EXPECTED_TIME: &str = "a time of day";
const EXPECTED_ZONE: &str = "a time zone in the tz database";
const EXPECTED_LATITUDE: &str = "a latitude (a number from -90 to 90)";
const EXPECTED_LONGITUDE: &str = "a longitude (a number from -180 to 180)";
const EXPECTED_YES_NO: &str = "\"yes\" or \"no\"";

/// Day names, in the spec's order (Sunday is 0).
const DAY_NAMES: [&str; 7] = [
    "sunday",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
];

/// The typed values of a record's known fields, gathered as they are read.
#[derive(Default)]
struct KnownFields {
    days: Vec<SpecDay>,
    start: Option<Time>,
    end: Option<Time>,
    timezone: Option<String>,
    latitude: Option<f64>,
    longitude: Option<f64>,
    approximate: bool,
    types: Vec<String>,
    regions: Vec<String>,
    updated: Option<Timestamp>,
}

impl KnownFields {
    /// Reads one given (not null, not blank) field: keeps its typed value, if
    /// Hearth uses one, and returns its normal form, or `None` when nothing
    /// is left of it (a list of blanks).
    fn read(&mut self, field: &str, value: Value) -> Result<Option<Value>, RecordError> {
        let normal = match field {
            "day" => {
                self.days = read_days(&value)?;
                match self.days.as_slice() {
                    [] => None,
                    [day] => Some(Value::from(day.number())),
                    days => Some(days.iter().map(|day| day.number()).collect()),
                }
            }
            "time" => {
                let start = read_time(field, &value)?;
                self.start = Some(start);
                Some(time_value(start))
            }
            "end_time" => {
                let end = read_time(field, &value)?;
                self.end = Some(end);
                Some(time_value(end))
            }
            "timezone" => {
                let name = value
                    .as_str()
                    .and_then(|name| zone_name(name.trim()))
                    .ok_or_else(|| invalid(field, &value, EXPECTED_ZONE))?;
                self.timezone = Some(name.clone());
                Some(Value::from(name))
            }
            "latitude" => {
                let (degrees, normal) = read_coordinate(field, value, 90.0, EXPECTED_LATITUDE)?;
                self.latitude = Some(degrees);
                Some(normal)
            }
            "longitude" => {
                let (degrees, normal) = read_coordinate(field, value, 180.0, EXPECTED_LONGITUDE)?;
                self.longitude = Some(degrees);
                Some(normal)
            }
            "approximate" => {
                self.approximate =
                    read_yes_no(&value).ok_or_else(|| invalid(field, &value, EXPECTED_YES_NO))?;
                Some(Value::from(if self.approximate { "yes" } else { "no" }))
            }
            "types" => {
                let mut codes = read_text_list(field, &value, ',')?;
                codes.sort();
                codes.dedup();
                self.types = codes.clone();
                list_value(codes)
            }
            "regions" => {
                self.regions = read_text_list(field, &value, '>')?;
                list_value(self.regions.clone())
            }
            "feedback_emails" | "entity_feedback_emails" => {
                list_value(read_text_list(field, &value, ',')?)
            }
            "updated" => match value.as_str().and_then(read_updated) {
                Some(updated) => {
                    self.updated = Some(updated);
                    Some(Value::from(
                        updated.strftime("%Y-%m-%d %H:%M:%S").to_string(),
                    ))
                }
                None => Some(value),
            },
            _ if TEXT_FIELDS.contains(&field) => Some(Value::from(read_text(field, &value)?)),
            _ => Some(value),
        };
        Ok(normal)
    }
}

/// Null and blank text: what feeds write for "not given".
fn means_not_given(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::String(text) => text.trim().is_empty(),
        _ => false,
    }
}

/// Text, or a number read as its digits (the spec allows integer slugs;
/// spreadsheets turn postal codes and phone numbers into numbers).
fn text_of(value: &Value) -> Option<String> {
    match value {
        Value::String(text) => Some(text.trim())
            .filter(|text| !text.is_empty())
            .map(str::to_owned),
        Value::Number(number) => Some(number.to_string()),
        _ => None,
    }
}

fn read_text(field: &str, value: &Value) -> Result<String, RecordError> {
    text_of(value).ok_or_else(|| invalid(field, value, EXPECTED_TEXT))
}

/// A list of text, or one text with the items separated by `separator`;
/// blank items are dropped.
fn read_text_list(field: &str, value: &Value, separator: char) -> Result<Vec<String>, RecordError> {
    let not_a_list = || invalid(field, value, EXPECTED_TEXT_LIST);
    match value {
        Value::String(text) => Ok(text
            .split(separator)
            .map(str::trim)
            .filter(|item| !item.is_empty())
            .map(str::to_owned)
            .collect()),
        Value::Array(items) => items
            .iter()
            .filter(|item| !means_not_given(item))
            .map(|item| text_of(item).ok_or_else(not_a_list))
            .collect(),
        Value::Number(_) => Ok(text_of(value).into_iter().collect()),
        _ => Err(not_a_list()),
    }
}

fn list_value(items: Vec<String>) -> Option<Value> {
    (!items.is_empty()).then(|| Value::from(items))
}

/// One day or a list of days, sorted, without repeats; blank items dropped.
fn read_days(value: &Value) -> Result<Vec<SpecDay>, RecordError> {
    let mut days = match value {
        Value::Array(items) => items
            .iter()
            .filter(|item| !means_not_given(item))
            .map(read_day)
            .collect::<Result<Vec<_>, _>>()?,
        day => vec![read_day(day)?],
    };
    days.sort();
    days.dedup();
    Ok(days)
}

/// A day as a number (`1`), numeric text (`"1"`), or an English name in any
/// case, in full (`"Monday"`) or in three letters (`"Mon"`).
fn read_day(value: &Value) -> Result<SpecDay, RecordError> {
    let day = match value {
        Value::Number(number) => number
            .as_u64()
            .and_then(|number| u8::try_from(number).ok())
            .and_then(SpecDay::new),
        Value::String(text) => {
            let text = text.trim();
            match text.parse::<u8>() {
                Ok(number) => SpecDay::new(number),
                Err(_) => DAY_NAMES
                    .iter()
                    .position(|name| {
                        name.eq_ignore_ascii_case(text)
                            || (text.len() == 3 && name[..3].eq_ignore_ascii_case(text))
                    })
                    .and_then(|number| SpecDay::new(number as u8)),
            }
        }
        _ => None,
    };
    day.ok_or_else(|| invalid("day", value, EXPECTED_DAY))
}

/// The spec's `HH:MM`.
fn time_value(time: Time) -> Value {
    Value::from(format!("{:02}:{:02}", time.hour(), time.minute()))
}

fn read_time(field: &str, value: &Value) -> Result<Time, RecordError> {
    value
        .as_str()
        .and_then(time_of_day)
        .ok_or_else(|| invalid(field, value, EXPECTED_TIME))
}

/// A time of day as feeds write it: 24-hour `"19:00"` (or `"19.00"`), with
/// seconds (`"19:00:00"`, which are dropped: meetings start on the minute),
/// or 12-hour with `am`/`pm` in any case, with or without dots and spaces
/// (`"7:00 PM"`, `"7:00p.m."`, `"7pm"`).
///
/// An hour alone needs `am` or `pm`: `"7"` could be either.
fn time_of_day(text: &str) -> Option<Time> {
    let text = text.trim().to_ascii_lowercase();
    let (clock, pm) = match text.find(|c: char| c.is_ascii_alphabetic()) {
        None => (text.as_str(), None),
        Some(suffix_start) => {
            let suffix: String = text[suffix_start..]
                .chars()
                .filter(|c| *c != '.' && !c.is_whitespace())
                .collect();
            let pm = match suffix.as_str() {
                "am" => false,
                "pm" => true,
                _ => return None,
            };
            (text[..suffix_start].trim_end(), Some(pm))
        }
    };
    let mut parts = clock.split([':', '.']);
    let hour = digits(parts.next()?, 1..=2)?;
    let minute = match (parts.next(), pm) {
        (Some(minute), _) => digits(minute, 2..=2)?,
        (None, Some(_)) => 0,
        (None, None) => return None,
    };
    if let Some(second) = parts.next() {
        digits(second, 2..=2).filter(|second| *second < 60)?;
    }
    if parts.next().is_some() {
        return None;
    }
    let hour = match pm {
        None => hour,
        Some(_) if !(1..=12).contains(&hour) => return None,
        Some(pm) => hour % 12 + if pm { 12 } else { 0 },
    };
    Time::new(i8::try_from(hour).ok()?, i8::try_from(minute).ok()?, 0, 0).ok()
}

/// A number written with as many ASCII digits as `length` allows.
fn digits(text: &str, length: std::ops::RangeInclusive<usize>) -> Option<u8> {
    if !length.contains(&text.len()) || !text.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// The proper name of a tz database zone, found in any letter case.
///
/// `Etc/Unknown` is refused: jiff knows it, but it stands for "no idea".
fn zone_name(name: &str) -> Option<String> {
    TimeZone::get(name).ok()?.iana_name().map(str::to_owned)
}

/// Degrees as a number or numeric text, within ±`limit`; numbers are kept as
/// written, text becomes a number.
fn read_coordinate(
    field: &str,
    value: Value,
    limit: f64,
    expected: &'static str,
) -> Result<(f64, Value), RecordError> {
    let degrees = match &value {
        Value::Number(number) => number.as_f64(),
        Value::String(text) => text.trim().parse::<f64>().ok(),
        _ => None,
    }
    // Also refuses NaN and infinities, which Rust reads from "NaN" and "inf".
    .filter(|degrees| degrees.abs() <= limit)
    .ok_or_else(|| invalid(field, &value, expected))?;
    let normal = match value {
        Value::Number(number) => number,
        _ => Number::from_f64(degrees).expect("a finite number within ±180"),
    };
    Ok((degrees, Value::Number(normal)))
}

fn read_yes_no(value: &Value) -> Option<bool> {
    match value {
        Value::Bool(yes) => Some(*yes),
        Value::String(text) => match text.trim().to_ascii_lowercase().as_str() {
            "yes" | "true" => Some(true),
            "no" | "false" => Some(false),
            _ => None,
        },
        _ => None,
    }
}

/// The spec's `YYYY-MM-DD HH:MM:SS` in UTC, or an RFC 3339 timestamp (which
/// carries its own offset), to the second.
fn read_updated(text: &str) -> Option<Timestamp> {
    let text = text.trim();
    let updated = match DateTime::strptime("%Y-%m-%d %H:%M:%S", text) {
        Ok(utc) => TimeZone::UTC.to_timestamp(utc).ok()?,
        Err(_) => text.parse::<Timestamp>().ok()?,
    };
    // The normal form has no fractions of a second; dropping them here keeps
    // the typed value equal to what the normal form reads back as.
    Timestamp::from_second(updated.as_second()).ok()
}

fn invalid(field: &str, value: &Value, expected: &'static str) -> RecordError {
    RecordError::Invalid {
        field: field.to_owned(),
        value: shorten(value),
        expected,
    }
}

/// A value as JSON, cut short enough to quote in a sentence.
fn shorten(value: &Value) -> String {
    const MAX_CHARS: usize = 40;
    let json = value.to_string();
    match json.char_indices().nth(MAX_CHARS) {
        Some((cut, _)) => format!("{}…", &json[..cut]),
        None => json,
    }
}

/// What kind of JSON value this is, for a sentence.
fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::meetings::Attendance;

    fn parse(record: Value) -> Meeting {
        parse_record(record, None).unwrap_or_else(|error| panic!("rejected: {error}"))
    }

    fn reason(record: Value) -> String {
        match parse_record(record, None) {
            Ok(meeting) => panic!("accepted: {meeting:?}"),
            Err(error) => error.to_string(),
        }
    }

    /// A minimal valid record with `extra` fields added (or replaced).
    fn record_with(extra: Value) -> Value {
        let mut record = json!({ "name": "Serenity", "slug": "serenity" });
        let record_fields = record.as_object_mut().unwrap();
        for (field, value) in extra.as_object().unwrap() {
            record_fields.insert(field.clone(), value.clone());
        }
        record
    }

    fn days(meeting: &Meeting) -> Vec<u8> {
        meeting.days.iter().map(|day| day.number()).collect()
    }

    fn time(text: &str) -> Time {
        text.parse().unwrap()
    }

    #[test]
    fn a_spec_record_reads_as_written() {
        let record = json!({
            "name": "Sunday Serenity",
            "slug": "sunday-serenity-14",
            "day": 0,
            "time": "18:00",
            "end_time": "19:30",
            "location": "Alano Club",
            "notes": "Ring buzzer. Meeting is on the 2nd floor.",
            "updated": "2014-05-31 14:32:23",
            "types": ["O", "T", "LGBTQ"],
            "address": "123 Main Street",
            "city": "Anytown",
            "approximate": "no",
            "timezone": "America/Los_Angeles",
        });
        let meeting = parse(record.clone());
        assert_eq!(meeting.slug, "sunday-serenity-14");
        assert_eq!(meeting.name, "Sunday Serenity");
        assert_eq!(days(&meeting), [0]);
        assert_eq!(meeting.start, Some(time("18:00")));
        assert_eq!(meeting.end, Some(time("19:30")));
        assert_eq!(meeting.timezone.as_deref(), Some("America/Los_Angeles"));
        assert_eq!(meeting.types, ["LGBTQ", "O", "T"]);
        assert!(!meeting.approximate);
        assert_eq!(
            meeting.updated,
            Some("2014-05-31T14:32:23Z".parse().unwrap())
        );
        assert_eq!(meeting.attendance(), Attendance::InPerson);
        // Already in normal form except for the order of the types.
        let mut expected = record.as_object().unwrap().clone();
        expected.insert("types".into(), json!(["LGBTQ", "O", "T"]));
        assert_eq!(meeting.record, expected);
    }

    #[test]
    fn times_in_the_forms_feeds_use() {
        for (written, normal) in [
            ("19:00", "19:00"),
            ("7:00 PM", "19:00"),
            ("7:00pm", "19:00"),
            ("7:00 p.m.", "19:00"),
            ("7:00 P.M.", "19:00"),
            ("7 pm", "19:00"),
            ("7:30 AM", "07:30"),
            ("12:00 PM", "12:00"),
            ("12:15 am", "00:15"),
            ("19:00:00", "19:00"),
            ("6:45", "06:45"),
            ("19.30", "19:30"),
            (" 07:05 ", "07:05"),
            ("00:00", "00:00"),
            ("23:59", "23:59"),
        ] {
            let meeting = parse(record_with(json!({ "time": written, "end_time": written })));
            assert_eq!(meeting.record["time"], normal, "{written:?}");
            assert_eq!(meeting.record["end_time"], normal, "{written:?}");
            assert_eq!(meeting.start, Some(time(normal)), "{written:?}");
            assert_eq!(meeting.end, Some(time(normal)), "{written:?}");
        }
    }

    #[test]
    fn times_without_a_single_reading_are_rejected() {
        for written in [
            json!("25:99"),
            json!("24:00"),
            json!("19:60"),
            json!("13:00 PM"),
            json!("0:30 am"),
            json!("7"),
            json!("7:5"),
            json!("19:00:61"),
            json!("19:00:00:00"),
            json!("noon"),
            json!("7:00 pmx"),
            json!("-1:00"),
            json!(1900),
            json!(["19:00"]),
        ] {
            let error = reason(record_with(json!({ "time": written })));
            assert_eq!(error, format!("time {written} is not a time of day"));
        }
        assert_eq!(
            reason(record_with(json!({ "end_time": "25:99" }))),
            "end_time \"25:99\" is not a time of day"
        );
    }

    #[test]
    fn days_in_every_form_are_sorted_without_repeats() {
        for (written, expected, normal) in [
            (json!(1), vec![1], json!(1)),
            (json!("1"), vec![1], json!(1)),
            (json!(" 6 "), vec![6], json!(6)),
            (json!([6]), vec![6], json!(6)),
            (json!([3, 1]), vec![1, 3], json!([1, 3])),
            (json!(["1", "3"]), vec![1, 3], json!([1, 3])),
            (
                json!(["Wednesday", 1, "1", "mon"]),
                vec![1, 3],
                json!([1, 3]),
            ),
            (json!("Monday"), vec![1], json!(1)),
            (json!("SUNDAY"), vec![0], json!(0)),
            (json!("sat"), vec![6], json!(6)),
            (json!([0, "", null, 6]), vec![0, 6], json!([0, 6])),
        ] {
            let meeting = parse(record_with(json!({ "day": written })));
            assert_eq!(days(&meeting), expected, "{written}");
            assert_eq!(meeting.record["day"], normal, "{written}");
        }
    }

    #[test]
    fn no_days_means_by_appointment() {
        for written in [json!([]), json!(""), json!(null), json!(["", null])] {
            let meeting = parse(record_with(json!({ "day": written, "time": "19:00" })));
            assert!(meeting.days.is_empty(), "{written}");
            assert!(!meeting.record.contains_key("day"), "{written}");
        }
        assert!(parse(record_with(json!({}))).days.is_empty());
    }

    #[test]
    fn days_outside_the_week_are_rejected() {
        for (written, quoted) in [
            (json!(7), "7"),
            (json!(-1), "-1"),
            (json!("7"), "\"7\""),
            (json!([1, 9]), "9"),
            (json!(1.5), "1.5"),
            (json!("Funday"), "\"Funday\""),
            (json!("mo"), "\"mo\""),
            (json!(true), "true"),
        ] {
            assert_eq!(
                reason(record_with(json!({ "day": written }))),
                format!("day {quoted} is not a day of the week (0 = Sunday to 6 = Saturday)")
            );
        }
    }

    #[test]
    fn coordinates_as_numbers_or_text() {
        let meeting = parse(record_with(
            json!({ "latitude": "45.5", "longitude": " -122.68 " }),
        ));
        assert_eq!(meeting.latitude, Some(45.5));
        assert_eq!(meeting.longitude, Some(-122.68));
        assert_eq!(meeting.record["latitude"], json!(45.5));
        assert_eq!(meeting.record["longitude"], json!(-122.68));

        let meeting = parse(record_with(json!({ "latitude": 45, "longitude": -122.68 })));
        assert_eq!(meeting.latitude, Some(45.0));
        assert_eq!(
            meeting.record["latitude"],
            json!(45),
            "numbers are kept as written"
        );

        let edges = parse(record_with(json!({ "latitude": -90, "longitude": "180" })));
        assert_eq!(
            (edges.latitude, edges.longitude),
            (Some(-90.0), Some(180.0))
        );
    }

    #[test]
    fn coordinates_out_of_range_or_not_numbers_are_rejected() {
        assert_eq!(
            reason(record_with(json!({ "latitude": 90.5 }))),
            "latitude 90.5 is not a latitude (a number from -90 to 90)"
        );
        assert_eq!(
            reason(record_with(json!({ "longitude": "-180.01" }))),
            "longitude \"-180.01\" is not a longitude (a number from -180 to 180)"
        );
        for written in [
            json!("north"),
            json!("NaN"),
            json!("inf"),
            json!(true),
            json!([45]),
        ] {
            let error = reason(record_with(json!({ "latitude": written })));
            assert!(error.starts_with("latitude "), "{error}");
            assert!(
                error.ends_with(" is not a latitude (a number from -90 to 90)"),
                "{error}"
            );
        }
    }

    #[test]
    fn zero_zero_means_no_position() {
        for (latitude, longitude) in [
            (json!(0), json!(0)),
            (json!("0"), json!("0.0")),
            (json!(0.0), json!(-0.0)),
        ] {
            let meeting = parse(record_with(
                json!({ "latitude": latitude, "longitude": longitude }),
            ));
            assert_eq!((meeting.latitude, meeting.longitude), (None, None));
            assert!(!meeting.record.contains_key("latitude"));
            assert!(!meeting.record.contains_key("longitude"));
        }
        // One zero is a real place: on the equator, or on the meridian.
        let on_the_equator = parse(record_with(json!({ "latitude": 0, "longitude": 32.58 })));
        assert_eq!(on_the_equator.latitude, Some(0.0));
        assert_eq!(on_the_equator.record["latitude"], json!(0));
        let greenwich = parse(record_with(json!({ "latitude": 51.48, "longitude": 0 })));
        assert_eq!(greenwich.longitude, Some(0.0));
    }

    #[test]
    fn blanks_and_nulls_are_dropped_and_unknown_fields_kept() {
        let meeting = parse(record_with(json!({
            "notes": "   ",
            "location": "",
            "group": null,
            "mystery": null,
            "blank_unknown": " ",
            "attendance_option": "in_person",
            "location_url": "https://example.org/l/1",
            "nested": { "a": [1, "", null] },
            "empty_list": [],
            "padded": "  kept as is  ",
        })));
        for dropped in ["notes", "location", "group", "mystery", "blank_unknown"] {
            assert!(!meeting.record.contains_key(dropped), "{dropped}");
        }
        assert_eq!(meeting.record["attendance_option"], "in_person");
        assert_eq!(meeting.record["location_url"], "https://example.org/l/1");
        assert_eq!(meeting.record["nested"], json!({ "a": [1, "", null] }));
        assert_eq!(meeting.record["empty_list"], json!([]));
        assert_eq!(meeting.record["padded"], "  kept as is  ");
    }

    #[test]
    fn text_fields_are_trimmed_and_numbers_read_as_text() {
        let meeting = parse(json!({
            "name": "  Serenity  ",
            "slug": 1234,
            "postal_code": 97201,
            "conference_phone": 16465588656_u64,
            "notes": "Line one\nLine two\n",
        }));
        assert_eq!(meeting.name, "Serenity");
        assert_eq!(meeting.slug, "1234");
        assert_eq!(meeting.conference_phone.as_deref(), Some("16465588656"));
        assert_eq!(meeting.record["name"], "Serenity");
        assert_eq!(meeting.record["slug"], "1234");
        assert_eq!(meeting.record["postal_code"], "97201");
        assert_eq!(meeting.record["notes"], "Line one\nLine two");
    }

    #[test]
    fn text_fields_holding_something_else_are_rejected() {
        assert_eq!(
            reason(record_with(json!({ "notes": ["a", "b"] }))),
            "notes [\"a\",\"b\"] is not text"
        );
        assert_eq!(
            reason(record_with(json!({ "conference_url": { "zoom": "x" } }))),
            "conference_url {\"zoom\":\"x\"} is not text"
        );
        assert_eq!(
            reason(record_with(json!({ "city": false }))),
            "city false is not text"
        );
    }

    #[test]
    fn name_and_slug_are_required() {
        assert_eq!(
            reason(json!({ "name": "Serenity" })),
            "the record has no slug"
        );
        assert_eq!(
            reason(json!({ "slug": "serenity" })),
            "the record has no name"
        );
        assert_eq!(
            reason(json!({ "name": " ", "slug": "serenity" })),
            "the record has no name"
        );
        assert_eq!(
            reason(json!({ "name": "Serenity", "slug": null })),
            "the record has no slug"
        );
        assert_eq!(
            reason(json!({ "name": "x", "slug": true })),
            "slug true is not text"
        );
    }

    #[test]
    fn records_that_are_not_objects_are_rejected() {
        assert_eq!(reason(json!([1, 2])), "the record is [1,2], not an object");
        assert_eq!(
            reason(json!("serenity")),
            "the record is \"serenity\", not an object"
        );
        assert_eq!(reason(json!(null)), "the record is null, not an object");
        let long = "x".repeat(100);
        assert_eq!(
            reason(json!(long)),
            format!("the record is \"{}…, not an object", "x".repeat(39))
        );
    }

    #[test]
    fn the_time_zone_is_checked_and_named_properly() {
        let meeting = parse(record_with(json!({ "timezone": " america/new_york " })));
        assert_eq!(meeting.timezone.as_deref(), Some("America/New_York"));
        assert_eq!(meeting.record["timezone"], "America/New_York");

        for unknown in ["Mars/Olympus_Mons", "EST5EDT6", "Etc/Unknown"] {
            assert_eq!(
                reason(record_with(json!({ "timezone": unknown }))),
                format!("timezone \"{unknown}\" is not a time zone in the tz database")
            );
        }
        assert_eq!(
            reason(record_with(json!({ "timezone": -5 }))),
            "timezone -5 is not a time zone in the tz database"
        );
    }

    #[test]
    fn the_default_time_zone_fills_in_a_missing_one() {
        let defaulted = parse_record(record_with(json!({})), Some("america/chicago")).unwrap();
        assert_eq!(defaulted.timezone.as_deref(), Some("America/Chicago"));
        assert_eq!(defaulted.record["timezone"], "America/Chicago");

        let blank = parse_record(
            record_with(json!({ "timezone": "" })),
            Some("America/Chicago"),
        )
        .unwrap();
        assert_eq!(blank.timezone.as_deref(), Some("America/Chicago"));

        let own = parse_record(
            record_with(json!({ "timezone": "Europe/Dublin" })),
            Some("America/Chicago"),
        )
        .unwrap();
        assert_eq!(own.timezone.as_deref(), Some("Europe/Dublin"));

        let none = parse_record(record_with(json!({})), None).unwrap();
        assert_eq!(none.timezone, None);
        assert!(!none.record.contains_key("timezone"));
        assert_eq!(
            parse_record(record_with(json!({})), Some(" "))
                .unwrap()
                .timezone,
            None
        );

        assert_eq!(
            parse_record(record_with(json!({})), Some("Nowhere/Special")).unwrap_err(),
            RecordError::UnknownDefaultTimezone("Nowhere/Special".into())
        );
        assert_eq!(
            parse_record(record_with(json!({})), Some("Nowhere/Special"))
                .unwrap_err()
                .to_string(),
            "the default time zone \"Nowhere/Special\" is not in the tz database"
        );
        // A record with a zone of its own does not need the default.
        assert!(
            parse_record(
                record_with(json!({ "timezone": "UTC" })),
                Some("Nowhere/Special")
            )
            .is_ok()
        );
    }

    #[test]
    fn types_as_a_list_or_comma_separated_text() {
        for written in [
            json!(["W", "O", "ONL", "O", " X "]),
            json!("W,O, ONL ,O,X"),
            json!(["W", "", "O", null, "ONL", "X"]),
        ] {
            let meeting = parse(record_with(json!({ "types": written })));
            assert_eq!(meeting.types, ["O", "ONL", "W", "X"], "{written}");
            assert_eq!(
                meeting.record["types"],
                json!(["O", "ONL", "W", "X"]),
                "{written}"
            );
        }
        let empty = parse(record_with(json!({ "types": [] })));
        assert!(empty.types.is_empty());
        assert!(!empty.record.contains_key("types"));
        assert_eq!(
            reason(record_with(json!({ "types": ["O", true] }))),
            "types [\"O\",true] is not text or a list of text"
        );
        assert_eq!(
            reason(record_with(json!({ "types": { "O": true } }))),
            "types {\"O\":true} is not text or a list of text"
        );
    }

    #[test]
    fn feedback_emails_become_a_list() {
        let meeting = parse(record_with(json!({
            "feedback_emails": "a@example.org, b@example.org",
            "entity_feedback_emails": ["c@example.org", ""],
        })));
        assert_eq!(
            meeting.record["feedback_emails"],
            json!(["a@example.org", "b@example.org"])
        );
        assert_eq!(
            meeting.record["entity_feedback_emails"],
            json!(["c@example.org"])
        );
    }

    #[test]
    fn approximate_in_its_forms() {
        for (written, approximate) in [
            (json!("yes"), true),
            (json!("Yes"), true),
            (json!("true"), true),
            (json!(true), true),
            (json!("no"), false),
            (json!(" NO "), false),
            (json!("false"), false),
            (json!(false), false),
        ] {
            let meeting = parse(record_with(json!({ "approximate": written })));
            assert_eq!(meeting.approximate, approximate, "{written}");
            assert_eq!(
                meeting.record["approximate"],
                if approximate { "yes" } else { "no" },
                "{written}"
            );
        }
        assert!(!parse(record_with(json!({}))).approximate);
        assert_eq!(
            reason(record_with(json!({ "approximate": "maybe" }))),
            "approximate \"maybe\" is not \"yes\" or \"no\""
        );
        assert_eq!(
            reason(record_with(json!({ "approximate": 1 }))),
            "approximate 1 is not \"yes\" or \"no\""
        );
    }

    #[test]
    fn regions_most_general_first() {
        let listed = parse(record_with(json!({
            "regions": ["Oregon", "Portland", "", "Southeast"],
            "region": "Ignored when regions are given",
        })));
        assert_eq!(listed.regions, ["Oregon", "Portland", "Southeast"]);
        assert_eq!(
            listed.record["regions"],
            json!(["Oregon", "Portland", "Southeast"])
        );
        assert_eq!(listed.record["region"], "Ignored when regions are given");

        let pair = parse(record_with(
            json!({ "region": "Portland", "sub_region": "Southeast" }),
        ));
        assert_eq!(pair.regions, ["Portland", "Southeast"]);
        assert!(!pair.record.contains_key("regions"), "not invented");

        let spreadsheet = parse(record_with(
            json!({ "regions": "Illinois > Chicago > Wicker Park" }),
        ));
        assert_eq!(spreadsheet.regions, ["Illinois", "Chicago", "Wicker Park"]);

        let only_sub = parse(record_with(json!({ "sub_region": "Southeast" })));
        assert_eq!(only_sub.regions, ["Southeast"]);

        let blank_list = parse(record_with(
            json!({ "regions": [""], "region": "Portland" }),
        ));
        assert_eq!(blank_list.regions, ["Portland"]);
    }

    #[test]
    fn updated_is_read_when_it_can_be_and_kept_when_it_cannot() {
        let spec = parse(record_with(json!({ "updated": "2024-02-29 23:59:58" })));
        assert_eq!(spec.updated, Some("2024-02-29T23:59:58Z".parse().unwrap()));
        assert_eq!(spec.record["updated"], "2024-02-29 23:59:58");

        let rfc3339 = parse(record_with(
            json!({ "updated": "2024-03-01T01:59:58.75+02:00" }),
        ));
        assert_eq!(rfc3339.updated, spec.updated);
        assert_eq!(rfc3339.record["updated"], "2024-02-29 23:59:58");

        for unreadable in [
            json!("last Tuesday"),
            json!("2024-02-30 10:00:00"),
            json!(1709251198),
        ] {
            let meeting = parse(record_with(json!({ "updated": unreadable })));
            assert_eq!(meeting.updated, None, "{unreadable}");
            assert_eq!(meeting.record["updated"], unreadable);
        }
    }

    #[test]
    fn online_and_hybrid_meetings() {
        let online = parse(record_with(json!({
            "conference_url": "https://zoom.us/j/123",
            "formatted_address": "Portland, OR, USA",
            "approximate": "yes",
        })));
        assert_eq!(
            online.conference_url.as_deref(),
            Some("https://zoom.us/j/123")
        );
        assert_eq!(online.attendance(), Attendance::Online);

        let hybrid = parse(record_with(json!({
            "conference_phone": "+1-646-558-8656,,123#",
            "address": "123 Main St",
        })));
        assert_eq!(hybrid.attendance(), Attendance::Hybrid);
    }

    /// A record with every field the spec defines, in messy forms, and a few
    /// it does not.
    fn every_field() -> Value {
        // Text rather than `json!`, which runs out of macro recursion here.
        serde_json::from_str(
            r#"{
                "name": " Sunday Serenity ",
                "slug": "sunday-serenity-14",
                "day": ["0", "Wednesday", 0],
                "time": "6:00 PM",
                "end_time": "19:30:00",
                "timezone": "america/los_angeles",
                "formatted_address": "123 Main St, Anytown, CA 98765, USA",
                "address": "123 Main Street",
                "city": "Anytown",
                "state": "CA",
                "postal_code": 98765,
                "country": "US",
                "latitude": "37.3382",
                "longitude": -121.8863,
                "approximate": false,
                "location": "Alano Club",
                "location_notes": "Park in back",
                "region": "South Bay",
                "sub_region": "San Jose",
                "regions": "California > South Bay > San Jose",
                "conference_url": "https://zoom.us/j/123",
                "conference_url_notes": "Password: serenity",
                "conference_phone": "+16465588656,,123#",
                "conference_phone_notes": "Meeting ID 123",
                "types": "O, T, LGBTQ, ONL, O",
                "notes": "Ring buzzer.",
                "group": "The Serenity Group",
                "group_notes": "Business meeting monthly",
                "updated": "2014-05-31T14:32:23Z",
                "url": "https://district123.org/meetings/sunday-serenity",
                "edit_url": "https://district123.org/edit/14",
                "feedback_url": "mailto:web@district123.org?subject=sunday-serenity-14",
                "feedback_emails": ["web@district123.org"],
                "venmo": "@Serenity",
                "square": "$Serenity",
                "paypal": "Serenity",
                "homegroup_online": "ser",
                "entity": "District 123",
                "entity_email": "info@district123.org",
                "entity_feedback_emails": "updates@district123.org",
                "entity_location": "Example County, California",
                "entity_logo": "https://district123.org/logo.svg",
                "entity_phone": "+1-123-456-7890",
                "entity_url": "https://district123.org",
                "entity_website_url": "https://district123.org",
                "contact_1_name": "Pat",
                "contact_1_email": "pat@example.org",
                "contact_1_phone": "555-0100",
                "contact_2_name": "Sam",
                "contact_2_email": "sam@example.org",
                "contact_2_phone": 5550101,
                "contact_3_name": "Alex",
                "contact_3_email": "alex@example.org",
                "contact_3_phone": "555-0102",
                "attendance_option": "hybrid",
                "district": "District 123",
                "image": { "url": "https://example.org/i.jpg", "width": 640 },
                "unknown_list": ["", null, 1],
                "unknown_blank": ""
            }"#,
        )
        .unwrap()
    }

    #[test]
    fn every_field_in_normal_form() {
        let meeting = parse(every_field());
        assert_eq!(meeting.name, "Sunday Serenity");
        assert_eq!(days(&meeting), [0, 3]);
        assert_eq!(
            (meeting.start, meeting.end),
            (Some(time("18:00")), Some(time("19:30")))
        );
        assert_eq!(meeting.timezone.as_deref(), Some("America/Los_Angeles"));
        assert_eq!(
            (meeting.latitude, meeting.longitude),
            (Some(37.3382), Some(-121.8863))
        );
        assert_eq!(meeting.types, ["LGBTQ", "O", "ONL", "T"]);
        assert_eq!(meeting.regions, ["California", "South Bay", "San Jose"]);
        assert_eq!(
            meeting.updated,
            Some("2014-05-31T14:32:23Z".parse().unwrap())
        );
        assert_eq!(meeting.attendance(), Attendance::Hybrid);

        let record = &meeting.record;
        assert_eq!(record["day"], json!([0, 3]));
        assert_eq!(record["time"], "18:00");
        assert_eq!(record["end_time"], "19:30");
        assert_eq!(record["latitude"], json!(37.3382));
        assert_eq!(record["approximate"], "no");
        assert_eq!(record["postal_code"], "98765");
        assert_eq!(record["contact_2_phone"], "5550101");
        assert_eq!(record["updated"], "2014-05-31 14:32:23");
        assert_eq!(
            record["entity_feedback_emails"],
            json!(["updates@district123.org"])
        );
        assert_eq!(record["image"], every_field()["image"]);
        assert_eq!(record["unknown_list"], json!(["", null, 1]));
        assert!(!record.contains_key("unknown_blank"));
        // Everything else given is still there.
        let given = every_field();
        let given_fields = given.as_object().unwrap();
        assert_eq!(record.len(), given_fields.len() - 1);
        assert!(record.keys().all(|field| given_fields.contains_key(field)));
    }

    #[test]
    fn the_normal_form_reads_back_to_the_same_meeting() {
        for default_timezone in [None, Some("America/Denver")] {
            let meeting = parse_record(every_field(), default_timezone).unwrap();
            let again = parse_record(Value::Object(meeting.record.clone()), None).unwrap();
            assert_eq!(again, meeting);
        }
        // Also when the zone came from the default, and 0,0 was dropped.
        let mut defaulted = every_field();
        let fields = defaulted.as_object_mut().unwrap();
        fields.remove("timezone");
        fields.insert("latitude".into(), json!("0"));
        fields.insert("longitude".into(), json!(0));
        let meeting = parse_record(defaulted, Some("America/Denver")).unwrap();
        assert_eq!(meeting.timezone.as_deref(), Some("America/Denver"));
        assert_eq!(meeting.latitude, None);
        let again = parse_record(Value::Object(meeting.record.clone()), None).unwrap();
        assert_eq!(again, meeting);
    }

    #[test]
    fn the_normal_form_survives_json_text() {
        let meeting = parse(every_field());
        let exported = serde_json::to_string(&Value::Object(meeting.record.clone())).unwrap();
        let imported = parse_feed(&format!("[{exported}]"), None).unwrap();
        assert_eq!(imported.meetings, [meeting]);
        assert!(imported.rejected.is_empty());
    }

    #[test]
    fn a_feed_keeps_going_past_bad_records() {
        let feed = r#"[
            { "name": "Good", "slug": "good", "day": 1, "time": "19:00" },
            { "name": "Late", "slug": "late", "time": "25:99" },
            "not a meeting",
            { "name": "Again", "slug": "good" },
            { "slug": "nameless" },
            { "name": "Numeric", "slug": 7 },
            { "name": "Seven", "slug": "7" }
        ]"#;
        let parsed = parse_feed(feed, Some("America/Chicago")).unwrap();
        let slugs: Vec<&str> = parsed.meetings.iter().map(|m| m.slug.as_str()).collect();
        assert_eq!(slugs, ["good", "7"]);
        assert_eq!(
            parsed.meetings[0].timezone.as_deref(),
            Some("America/Chicago")
        );
        assert_eq!(
            parsed.rejected,
            [
                Rejection {
                    index: 1,
                    slug: Some("late".into()),
                    reason: "time \"25:99\" is not a time of day".into(),
                },
                Rejection {
                    index: 2,
                    slug: None,
                    reason: "the record is \"not a meeting\", not an object".into(),
                },
                Rejection {
                    index: 3,
                    slug: Some("good".into()),
                    reason: "slug \"good\" is already used by the record at index 0".into(),
                },
                Rejection {
                    index: 4,
                    slug: Some("nameless".into()),
                    reason: "the record has no name".into(),
                },
                Rejection {
                    index: 6,
                    slug: Some("7".into()),
                    reason: "slug \"7\" is already used by the record at index 5".into(),
                },
            ]
        );
    }

    #[test]
    fn a_rejected_record_does_not_claim_its_slug() {
        let feed = r#"[
            { "name": "Broken", "slug": "serenity", "day": 9 },
            { "name": "Fixed", "slug": "serenity", "day": 2 }
        ]"#;
        let parsed = parse_feed(feed, None).unwrap();
        assert_eq!(parsed.meetings.len(), 1);
        assert_eq!(parsed.meetings[0].name, "Fixed");
        assert_eq!(parsed.rejected.len(), 1);
        assert_eq!(parsed.rejected[0].index, 0);
    }

    #[test]
    fn an_empty_feed_is_fine() {
        let parsed = parse_feed("[]", None).unwrap();
        assert!(parsed.meetings.is_empty() && parsed.rejected.is_empty());
    }

    #[test]
    fn a_byte_order_mark_is_skipped() {
        let parsed = parse_feed("\u{feff}[{\"name\": \"A\", \"slug\": \"a\"}]", None).unwrap();
        assert_eq!(parsed.meetings.len(), 1);
    }

    #[test]
    fn text_that_is_not_json_says_where() {
        let error = parse_feed("[\n  {\"name\": \"A\",}\n]", None).unwrap_err();
        assert!(matches!(error, FeedError::NotJson(_)), "{error:?}");
        let message = error.to_string();
        assert!(
            message.starts_with("the feed is not valid JSON: "),
            "{message}"
        );
        assert!(message.contains("line 2 column"), "{message}");

        let empty = parse_feed("", None).unwrap_err().to_string();
        assert!(empty.contains("line 1 column 0"), "{empty}");
    }

    #[test]
    fn json_that_is_not_an_array_says_what_it_is() {
        for (feed, kind) in [
            (r#"{"meetings": []}"#, "an object"),
            ("\"[]\"", "a string"),
            ("42", "a number"),
            ("null", "null"),
            ("true", "a boolean"),
        ] {
            let error = parse_feed(feed, None).unwrap_err();
            assert_eq!(
                error.to_string(),
                format!("the feed is {kind}, not an array of meetings")
            );
        }
    }
}
