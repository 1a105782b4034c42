//! Searching meetings: what a search asks (parsed from query parameters,
//! with a reason naming the parameter when one is wrong), and how the
//! meetings that match are ordered and paged.
//!
//! The search itself runs over the in-memory [`SearchIndex`](super::index::SearchIndex).

use jiff::civil::Time;
use jiff::{SignedDuration, Timestamp, Zoned};

use super::{Attendance, SpecDay};

use crate::geo::Circle;
use crate::geo::places::{self, Lookup, Place};

/// The most results one page may hold.
pub const MAX_LIMIT: usize = 100;
pub const DEFAULT_LIMIT: usize = 20;
/// The widest search radius, in kilometres.
pub const MAX_RADIUS_KM: f64 = 500.0;
/// How far a search `near` a place reaches when it names no radius.
pub const DEFAULT_NEAR_RADIUS_KM: f64 = 25.0;

/// A search, every parameter checked.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchQuery {
    /// The clock the search runs on: "next" and "in progress" are relative
    /// to it.
    pub at: Timestamp,
    /// Where the person is, and how far they will go.
    pub origin: Option<Origin>,
    pub day: Option<SpecDay>,
    /// Local start times, in each meeting's own zone, inclusive.
    pub from: Option<Time>,
    pub to: Option<Time>,
    /// Only meetings starting within this many minutes of `at`.
    pub starts_within: Option<SignedDuration>,
    /// Type codes that must all be present.
    pub types: Vec<String>,
    pub attendance: Vec<Attendance>,
    /// Whether `attendance` was asked for, rather than the default.
    pub attendance_named: bool,
    /// Lower-cased text to find in name, location, address, group or notes.
    pub text: Option<String>,
    pub region: Option<String>,
    pub sort: Sort,
    pub limit: usize,
    /// How many results earlier pages held.
    pub offset: usize,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Origin {
    pub latitude: f64,
    pub longitude: f64,
    pub radius_km: Option<f64>,
}

impl Origin {
    /// The area a radius search can find meetings in.
    pub fn circle(&self) -> Option<Circle> {
        (self.radius_km).map(|radius_km| Circle::new(self.latitude, self.longitude, radius_km))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    /// Next start first, then nearest.
    Time,
    /// Nearest first, then next start.
    Distance,
}

/// A parameter that cannot be used, and why: the 422 a person sees, put in
/// words in their language by the web layer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{parameter}: {reason:?}")]
pub struct ParameterError {
    pub parameter: &'static str,
    pub reason: Reason,
}

/// Why a search parameter cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// Not an RFC 3339 instant.
    NotAnInstant,
    /// Not a whole or decimal number in this range (both ends included).
    OutOfRange {
        low: String,
        high: String,
    },
    /// Not a distance more than 0 and at most this many kilometres.
    NotARadius {
        most: String,
    },
    /// `near` and `lat`/`lng` together.
    NearAndPosition,
    /// A place name with several readings.
    AmbiguousPlace {
        name: String,
        choices: Vec<String>,
    },
    UnknownPlace {
        name: String,
    },
    /// Needs `lat` and `lng`.
    NeedsPosition,
    /// Needs this other parameter too.
    Needs(&'static str),
    NotADay,
    NotALocalTime,
    NotAnAttendance {
        given: String,
    },
    NotASort,
    NotACursor,
}

fn wrong(parameter: &'static str, reason: Reason) -> ParameterError {
    ParameterError { parameter, reason }
}

fn out_of_range(
    parameter: &'static str,
    low: impl ToString,
    high: impl ToString,
) -> ParameterError {
    wrong(
        parameter,
        Reason::OutOfRange {
            low: low.to_string(),
            high: high.to_string(),
        },
    )
}

/// Search parameters as they arrive, all optional text.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct SearchParameters {
    pub lat: Option<String>,
    pub lng: Option<String>,
    pub radius_km: Option<String>,
    pub day: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub starts_within: Option<String>,
    pub at: Option<String>,
    pub types: Option<String>,
    pub attendance: Option<String>,
    pub q: Option<String>,
    pub region: Option<String>,
    pub sort: Option<String>,
    pub limit: Option<String>,
    pub cursor: Option<String>,
    /// A place name or US ZIP code, looked up offline; instead of lat/lng.
    pub near: Option<String>,
}

/// Blank parameters count as absent: forms send `day=` for "any day".
fn given(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

impl SearchParameters {
    /// Checks every parameter; `now` is the default for `at`.
    pub fn parse(&self, now: Timestamp) -> Result<SearchQuery, ParameterError> {
        let at = match given(&self.at) {
            None => now,
            Some(text) => text
                .parse::<Timestamp>()
                .map_err(|_| wrong("at", Reason::NotAnInstant))?,
        };
        let coordinate = |name: &'static str, text: &str, limit: f64| {
            text.parse::<f64>()
                .ok()
                .filter(|v| v.is_finite() && v.abs() <= limit)
                .ok_or_else(|| out_of_range(name, -limit, limit))
        };
        let radius_km = given(&self.radius_km)
            .map(|text| {
                text.parse::<f64>()
                    .ok()
                    .filter(|r| r.is_finite() && *r > 0.0 && *r <= MAX_RADIUS_KM)
                    .ok_or_else(|| {
                        wrong(
                            "radius_km",
                            Reason::NotARadius {
                                most: MAX_RADIUS_KM.to_string(),
                            },
                        )
                    })
            })
            .transpose()?;
        let near = given(&self.near).map(find_place).transpose()?;
        let origin = match (given(&self.lat), given(&self.lng)) {
            (Some(_), _) | (_, Some(_)) if near.is_some() => {
                return Err(wrong("near", Reason::NearAndPosition));
            }
            (None, None) if near.is_some() => near.map(|place| Origin {
                latitude: place.latitude,
                longitude: place.longitude,
                radius_km: Some(radius_km.unwrap_or(DEFAULT_NEAR_RADIUS_KM)),
            }),
            (Some(lat), Some(lng)) => Some(Origin {
                latitude: coordinate("lat", lat, 90.0)?,
                longitude: coordinate("lng", lng, 180.0)?,
                radius_km,
            }),
            (None, None) if radius_km.is_some() => {
                return Err(wrong("radius_km", Reason::NeedsPosition));
            }
            (None, None) => None,
            (Some(_), None) => return Err(wrong("lng", Reason::Needs("lat"))),
            (None, Some(_)) => return Err(wrong("lat", Reason::Needs("lng"))),
        };
        let day = given(&self.day)
            .map(|text| {
                text.parse::<u8>()
                    .ok()
                    .and_then(SpecDay::new)
                    .ok_or_else(|| wrong("day", Reason::NotADay))
            })
            .transpose()?;
        let local_time = |name: &'static str, value: &Option<String>| {
            given(value)
                .map(|text| {
                    Time::strptime("%H:%M", text).map_err(|_| wrong(name, Reason::NotALocalTime))
                })
                .transpose()
        };
        let from = local_time("from", &self.from)?;
        let to = local_time("to", &self.to)?;
        let starts_within = given(&self.starts_within)
            .map(|text| {
                text.parse::<i64>()
                    .ok()
                    .filter(|m| (1..=7 * 24 * 60).contains(m))
                    .map(SignedDuration::from_mins)
                    .ok_or_else(|| out_of_range("starts_within", 1, 7 * 24 * 60))
            })
            .transpose()?;
        let types: Vec<String> = given(&self.types)
            .map(|text| {
                text.split(',')
                    .map(str::trim)
                    .filter(|t| !t.is_empty())
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default();
        let attendance_named = given(&self.attendance).is_some();
        let attendance = match given(&self.attendance) {
            None => vec![Attendance::InPerson, Attendance::Hybrid, Attendance::Online],
            Some(text) => text
                .split(',')
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(|a| {
                    Attendance::parse(a).ok_or_else(|| {
                        wrong(
                            "attendance",
                            Reason::NotAnAttendance {
                                given: a.to_owned(),
                            },
                        )
                    })
                })
                .collect::<Result<_, _>>()?,
        };
        let sort = match given(&self.sort) {
            None | Some("time") => Sort::Time,
            Some("distance") if origin.is_some() => Sort::Distance,
            Some("distance") => return Err(wrong("sort", Reason::NeedsPosition)),
            Some(_) => return Err(wrong("sort", Reason::NotASort)),
        };
        let limit = given(&self.limit)
            .map(|text| {
                text.parse::<usize>()
                    .ok()
                    .filter(|l| (1..=MAX_LIMIT).contains(l))
                    .ok_or_else(|| out_of_range("limit", 1, MAX_LIMIT))
            })
            .transpose()?
            .unwrap_or(DEFAULT_LIMIT);
        let offset = given(&self.cursor)
            .map(|cursor| decode_cursor(cursor).ok_or_else(|| wrong("cursor", Reason::NotACursor)))
            .transpose()?
            .unwrap_or(0);
        Ok(SearchQuery {
            at,
            origin,
            day,
            from,
            to,
            starts_within,
            types,
            attendance,
            attendance_named,
            text: given(&self.q).map(str::to_lowercase),
            region: given(&self.region).map(str::to_owned),
            sort,
            limit,
            offset,
        })
    }
}

/// A place by name (or US ZIP code), or why it cannot be used.
fn find_place(name: &str) -> Result<Place, ParameterError> {
    match places::lookup(name) {
        Lookup::Found(place) => Ok(place),
        Lookup::Ambiguous(choices) => Err(wrong(
            "near",
            Reason::AmbiguousPlace {
                name: name.to_owned(),
                choices: choices.iter().map(Place::label).collect(),
            },
        )),
        Lookup::NotFound => Err(wrong(
            "near",
            Reason::UnknownPlace {
                name: name.to_owned(),
            },
        )),
    }
}

/// The cursor for the page after `offset` results. Opaque to clients, and
/// only meaningful with the same parameters (including `at`).
pub fn encode_cursor(offset: usize) -> String {
    format!("o{offset}")
}

fn decode_cursor(cursor: &str) -> Option<usize> {
    cursor.strip_prefix('o')?.parse().ok()
}

/// One meeting found, with what the search worked out about it.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// The store's id, to fetch the full record.
    pub id: i64,
    pub attendance: Attendance,
    pub distance_km: Option<f64>,
    /// The start of the first occurrence not over at the search's `at`, in
    /// the meeting's zone.
    pub next_start: Option<Zoned>,
    pub in_progress: bool,
}

/// One page of results.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub hits: Vec<Hit>,
    /// The cursor for the next page, when there is one.
    pub next_cursor: Option<String>,
    /// How many meetings matched in all.
    pub total: usize,
}
