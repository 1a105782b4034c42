//! The search index: what a search looks at for every meeting, held in
//! memory, and the search itself.
//!
//! A search must answer in milliseconds over 200,000 meetings, so it can
//! neither read them from the database each time nor place each one in time
//! with the full time-zone rules. The index keeps compact rows (a few hundred
//! bytes a meeting, most of it search text) and three ways into them, each
//! holding the few fields most filters need side by side:
//!
//! * by position: 0.1° latitude bands sorted by longitude, for all days and
//!   for each day of the week, so "within 25 km, on Tuesday" reads only
//!   Tuesday's meetings in five bands;
//! * by local start time: per attendance and zone, each meeting day's start
//!   as minutes into the local week, so "online, starting within two hours"
//!   reads only meetings near that time;
//! * by attendance, for everything else.
//!
//! The full records of the page of meetings shown are read from the store
//! afterwards.
//!
//! Time: over the fortnight around a search's `at`, most zones keep one UTC
//! offset, and a weekly meeting's next start is then arithmetic on local
//! seconds. For a zone whose offset changes in that fortnight, the exact
//! rules of [`schedule`](super::schedule) run instead, so gaps and folds
//! resolve as RFC 5545 says whichever way a meeting is computed.

use std::collections::{BinaryHeap, HashMap, HashSet};
use std::ops::Range;

use jiff::civil::Time;
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};

use super::schedule::{DaySet, WeeklySchedule};
use super::search::{Hit, Page, SearchQuery, Sort, encode_cursor};
use super::{Attendance, Meeting, SpecDay};
use crate::geo::{Circle, Position, Radius, chord_to_km};

/// A meeting as a search sees it: the store's search columns, without the
/// record.
#[derive(Debug, Clone, PartialEq)]
pub struct Listing {
    /// The store's id, to fetch the full record of a hit.
    pub id: i64,
    pub source: String,
    pub slug: String,
    pub days: Vec<SpecDay>,
    pub start: Option<Time>,
    /// [`Meeting::end_time`]: as given, else an hour after the start.
    pub end: Option<Time>,
    /// An IANA zone name; one jiff does not know leaves the meeting
    /// unplaced in time, as [`Meeting::next_occurrence`] does.
    pub timezone: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub attendance: Attendance,
    pub types: Vec<String>,
    pub regions: Vec<String>,
    /// [`Meeting::search_text`].
    pub search_text: String,
}

impl Listing {
    /// The listing of a whole meeting.
    pub fn of(id: i64, source: &str, meeting: &Meeting) -> Listing {
        Listing {
            id,
            source: source.to_owned(),
            slug: meeting.slug.clone(),
            days: meeting.days.clone(),
            start: meeting.start,
            end: meeting.end_time(),
            timezone: meeting.timezone.clone(),
            latitude: meeting.latitude,
            longitude: meeting.longitude,
            attendance: meeting.attendance(),
            types: meeting.types.clone(),
            regions: meeting.regions.clone(),
            search_text: meeting.search_text(),
        }
    }
}

/// Height of a latitude band of the position index, in degrees (about
/// 2 km): a 25 km search reads about 23, each only as wide as the circle is
/// at its latitudes.
const BAND_DEGREES: f64 = 0.02;
const BANDS: usize = (180.0 / BAND_DEGREES) as usize;

fn band(latitude: f64) -> usize {
    (((latitude + 90.0) / BAND_DEGREES) as usize).min(BANDS - 1)
}

/// What most searches need of a meeting. The lists a search scans hold these
/// themselves, side by side, so a scan touches a meeting's [`Row`] only for
/// the filters that need it (types, region, text) and for the page shown.
#[derive(Debug, Clone, Copy)]
struct Entry {
    /// The meeting's number in [`SearchIndex::rows`].
    row: u32,
    position: Option<Position>,
    attendance: Attendance,
    days: DaySet,
    /// Start and end, in minutes after midnight.
    times: Option<(u16, u16)>,
    zone: Option<u16>,
}

/// The rest of a meeting; names of zones, types, regions and sources are
/// numbers into the index's [`Names`].
#[derive(Debug, Clone)]
struct Row {
    id: i64,
    slug: Box<str>,
    source: u32,
    types: Box<[u32]>,
    regions: Box<[u32]>,
    /// Where the search text is in [`SearchIndex::texts`].
    text: Range<usize>,
    /// Latitude and longitude, which place the entry in the position lists.
    degrees: Option<(f64, f64)>,
    entry: Entry,
}

/// The names rows refer to by number. Only ever grows, so an updated index
/// can keep its rows' numbers.
#[derive(Debug, Clone, Default)]
struct Names {
    zones: Vec<TimeZone>,
    zone_numbers: HashMap<String, Option<u16>>,
    types: HashMap<String, u32>,
    /// Lower-cased: a region is found whatever its case.
    regions: HashMap<String, u32>,
    sources: Vec<String>,
    source_numbers: HashMap<String, u32>,
}

impl Names {
    fn zone(&mut self, name: &str) -> Option<u16> {
        if let Some(number) = self.zone_numbers.get(name) {
            return *number;
        }
        let number = TimeZone::get(name).ok().and_then(|zone| {
            let number = u16::try_from(self.zones.len()).ok()?;
            self.zones.push(zone);
            Some(number)
        });
        self.zone_numbers.insert(name.to_owned(), number);
        number
    }

    fn number(table: &mut HashMap<String, u32>, name: String) -> u32 {
        let next = table.len() as u32;
        *table.entry(name).or_insert(next)
    }

    fn source(&mut self, name: &str) -> u32 {
        if let Some(number) = self.source_numbers.get(name) {
            return *number;
        }
        let number = self.sources.len() as u32;
        self.sources.push(name.to_owned());
        self.source_numbers.insert(name.to_owned(), number);
        number
    }
}

/// Meetings with a position, by latitude band, each band by longitude.
#[derive(Debug, Clone, Default)]
struct Spatial {
    entries: Vec<Entry>,
    longitudes: Vec<f64>,
    /// Where each band starts in `entries`; one more than there are bands.
    band_starts: Vec<usize>,
}

impl Spatial {
    /// `placed` holds each entry with its latitude and longitude.
    fn of(mut placed: Vec<(f64, f64, Entry)>) -> Spatial {
        placed.sort_by(|a, b| band(a.0).cmp(&band(b.0)).then(a.1.total_cmp(&b.1)));
        let bands: Vec<usize> = placed.iter().map(|p| band(p.0)).collect();
        Spatial {
            longitudes: placed.iter().map(|p| p.1).collect(),
            band_starts: (0..=BANDS)
                .map(|band| bands.partition_point(|b| *b < band))
                .collect(),
            entries: placed.into_iter().map(|p| p.2).collect(),
        }
    }

    /// Every entry in the bands `circle` reaches, at the longitudes it
    /// reaches in each.
    fn within(&self, circle: Circle) -> impl Iterator<Item = &Entry> {
        let area = circle.bounding_box();
        (band(area.min_lat)..=band(area.max_lat)).flat_map(move |band| {
            let south = band as f64 * BAND_DEGREES - 90.0;
            let latitudes = (
                south.max(area.min_lat),
                (south + BAND_DEGREES).min(area.max_lat),
            );
            let entries = self.band_starts[band]..self.band_starts[band + 1];
            let Some((west, east)) = circle.longitudes_between(latitudes.0, latitudes.1) else {
                return &self.entries[0..0];
            };
            let longitudes = &self.longitudes[entries.clone()];
            let first = longitudes.partition_point(|lng| *lng < west);
            let end = longitudes.partition_point(|lng| *lng <= east);
            &self.entries[entries][first..end.max(first)]
        })
    }
}

const WEEK_MINUTES: u16 = 7 * 24 * 60;

/// How far a meeting's local start can sit from where the zone's offset at
/// `at` puts it: a daylight-saving change between the two, or a start moved
/// out of a gap. Two hours is the largest change in use; an hour more is
/// spare.
const START_MARGIN_MINUTES: u16 = 3 * 60;

/// Longest `starts_within` read by local start time. Longer windows read by
/// attendance: with the margins the window would pass a day, and a meeting
/// meeting daily would be found twice.
const LONGEST_TIMED_WINDOW_MINUTES: i64 = 18 * 60;

/// Each start of a meeting, as minutes into its local week (Sunday 00:00 is
/// 0), grouped by zone.
#[derive(Debug, Clone, Default)]
struct StartTimes {
    /// By zone, then minute.
    starts: Vec<(u16, u16, Entry)>,
    /// Where each zone's starts begin; one more than there are zones.
    zone_starts: Vec<usize>,
}

impl StartTimes {
    fn of(entries: &[Entry], zones: usize) -> StartTimes {
        let mut starts: Vec<(u16, u16, Entry)> = Vec::new();
        for entry in entries {
            let (Some(zone), Some((start, _))) = (entry.zone, entry.times) else {
                continue;
            };
            for day in entry.days.numbers() {
                starts.push((zone, u16::from(day) * 24 * 60 + start, *entry));
            }
        }
        starts.sort_by_key(|(zone, minute, _)| (*zone, *minute));
        StartTimes {
            zone_starts: (0..=zones)
                .map(|zone| starts.partition_point(|s| usize::from(s.0) < zone))
                .collect(),
            starts,
        }
    }

    /// The entries of `zone` starting from `first` to `last` minutes into
    /// the local week (less than a week apart), wrapping past its end.
    fn between(&self, zone: usize, first: i64, last: i64) -> impl Iterator<Item = &Entry> {
        let starts = &self.starts[self.zone_starts[zone]..self.zone_starts[zone + 1]];
        let week = i64::from(WEEK_MINUTES);
        let from = first.rem_euclid(week);
        let to = from + (last - first);
        let ranges = [(from, to.min(week - 1)), (0, to - week)];
        ranges.into_iter().flat_map(move |(from, to)| {
            let first = starts.partition_point(|s| i64::from(s.1) < from);
            let end = starts.partition_point(|s| i64::from(s.1) <= to);
            starts[first..end.max(first)].iter().map(|s| &s.2)
        })
    }
}

/// Every meeting a search can find, as of one version of the store's list.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    version: i64,
    /// In slug order, then id: the order of equal results.
    rows: Vec<Row>,
    texts: String,
    names: Names,
    /// Every meeting by [`Attendance`], in the order of [`Attendance::ALL`].
    by_attendance: [Vec<Entry>; 4],
    /// Meetings by local start time, by attendance.
    by_start: [StartTimes; 4],
    /// Meetings with a position.
    by_position: Spatial,
    /// Meetings with a position, for each day they meet on (spec day order).
    by_day_and_position: [Spatial; 7],
}

/// Collects meetings for a new index, one at a time, so the whole list is
/// never held twice: see [`SearchIndex::builder`] and [`SearchIndex::updating`].
pub struct Builder {
    rows: Vec<Row>,
    texts: String,
    names: Names,
}

impl Builder {
    pub fn add(&mut self, listing: Listing) {
        let minute = |time: Time| time.hour() as u16 * 60 + time.minute() as u16;
        let start = self.texts.len();
        self.texts.push_str(&listing.search_text);
        let names = &mut self.names;
        self.rows.push(Row {
            id: listing.id,
            source: names.source(&listing.source),
            slug: listing.slug.into(),
            degrees: listing.latitude.zip(listing.longitude),
            entry: Entry {
                // Numbered once the rows are in order.
                row: 0,
                position: (listing.latitude.zip(listing.longitude))
                    .map(|(latitude, longitude)| Position::new(latitude, longitude)),
                attendance: listing.attendance,
                days: DaySet::of(&listing.days),
                times: listing
                    .start
                    .zip(listing.end)
                    .map(|(s, e)| (minute(s), minute(e))),
                zone: listing
                    .timezone
                    .as_deref()
                    .and_then(|name| names.zone(name)),
            },
            types: (listing.types.into_iter())
                .map(|code| Names::number(&mut names.types, code))
                .collect(),
            regions: (listing.regions.iter())
                .map(|region| Names::number(&mut names.regions, region.to_lowercase()))
                .collect(),
            text: start..self.texts.len(),
        });
    }

    /// The index, as of `version` of the store's meeting list.
    pub fn finish(self, version: i64) -> SearchIndex {
        let Builder {
            mut rows,
            texts,
            names,
        } = self;
        rows.sort_by(|a, b| a.slug.cmp(&b.slug).then(a.id.cmp(&b.id)));
        let mut by_attendance: [Vec<Entry>; 4] = Default::default();
        let mut positioned: Vec<(f64, f64, Entry)> = Vec::new();
        let mut by_day: [Vec<(f64, f64, Entry)>; 7] = Default::default();
        for (number, row) in rows.iter_mut().enumerate() {
            row.entry.row = number as u32;
            let entry = row.entry;
            by_attendance[attendance_slot(entry.attendance)].push(entry);
            if let Some((latitude, longitude)) = row.degrees {
                positioned.push((latitude, longitude, entry));
                for day in entry.days.numbers() {
                    by_day[usize::from(day)].push((latitude, longitude, entry));
                }
            }
        }
        let zones = names.zones.len();
        SearchIndex {
            version,
            rows,
            texts,
            names,
            by_start: by_attendance
                .each_ref()
                .map(|entries| StartTimes::of(entries, zones)),
            by_attendance,
            by_position: Spatial::of(positioned),
            by_day_and_position: by_day.map(Spatial::of),
        }
    }
}

/// Where an attendance's list is: its place in [`Attendance::ALL`], which
/// lists them in the order they are declared.
fn attendance_slot(attendance: Attendance) -> usize {
    attendance as usize
}

impl SearchIndex {
    /// An index of `listings`, as of `version` of the store's meeting list.
    pub fn build(version: i64, listings: impl IntoIterator<Item = Listing>) -> SearchIndex {
        let mut builder = SearchIndex::builder();
        for listing in listings {
            builder.add(listing);
        }
        builder.finish(version)
    }

    /// An empty builder, for an index of all meetings.
    pub fn builder() -> Builder {
        Builder {
            rows: Vec::new(),
            texts: String::new(),
            names: Names::default(),
        }
    }

    /// A builder holding this index's meetings except those `changed` (by
    /// source and slug): add their current listings to it (a changed meeting
    /// without one was removed).
    pub fn updating(&self, changed: &HashSet<(String, String)>) -> Builder {
        let mut builder = Builder {
            rows: Vec::with_capacity(self.rows.len()),
            texts: String::with_capacity(self.texts.len()),
            names: self.names.clone(),
        };
        for row in &self.rows {
            let key = (
                self.names.sources[row.source as usize].clone(),
                row.slug.to_string(),
            );
            if changed.contains(&key) {
                continue;
            }
            let start = builder.texts.len();
            builder.texts.push_str(&self.texts[row.text.clone()]);
            builder.rows.push(Row {
                text: start..builder.texts.len(),
                ..row.clone()
            });
        }
        builder
    }

    /// The version of the store's meeting list this index shows.
    pub fn version(&self) -> i64 {
        self.version
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The meetings matching `query`, ordered, and the page it asks for.
    pub fn search(&self, query: &SearchQuery) -> Page {
        self.search_reading(query, Reading::Narrowest)
    }

    fn search_reading(&self, query: &SearchQuery, reading: Reading) -> Page {
        let Some(filter) = Filter::of(self, query) else {
            return Page::default();
        };
        let mut clocks = vec![None; self.names.zones.len()];
        let mut best = Best::new(query.offset.saturating_add(query.limit));
        let mut consider = |entry: &Entry| {
            if let Some(one) = filter.check(self, entry, &mut clocks) {
                best.offer(one);
            }
        };
        // The narrowest way in that still reaches every possible match.
        let timed_window = (query.starts_within)
            .map(|window| window.as_mins())
            .filter(|minutes| *minutes <= LONGEST_TIMED_WINDOW_MINUTES);
        let narrowest = reading == Reading::Narrowest;
        match (
            filter.area.filter(|_| narrowest),
            query.day,
            timed_window.filter(|_| narrowest),
        ) {
            (Some(area), Some(day), _) => {
                let by_day = &self.by_day_and_position[usize::from(day.number())];
                by_day.within(area).for_each(&mut consider);
            }
            (Some(area), None, _) => self.by_position.within(area).for_each(&mut consider),
            (None, _, Some(window)) => {
                let margin = i64::from(START_MARGIN_MINUTES);
                for (zone_number, zone) in self.names.zones.iter().enumerate() {
                    let now = local_week_minute(zone, query.at);
                    for attendance in &query.attendance {
                        let by_start = &self.by_start[attendance_slot(*attendance)];
                        by_start
                            .between(zone_number, now - margin, now + window + margin)
                            .for_each(&mut consider);
                    }
                }
            }
            (None, _, None) => {
                for attendance in &query.attendance {
                    self.by_attendance[attendance_slot(*attendance)]
                        .iter()
                        .for_each(&mut consider);
                }
            }
        }
        self.page(query, best)
    }

    fn page(&self, query: &SearchQuery, best: Best) -> Page {
        let Best { total, kept, .. } = best;
        let end = kept.len();
        let hits: Vec<Hit> = (kept.into_sorted_vec().iter())
            .skip(query.offset)
            .map(|one| self.hit(one))
            .collect();
        Page {
            next_cursor: (end < total).then(|| encode_cursor(end)),
            hits,
            total,
        }
    }

    fn hit(&self, found: &Found) -> Hit {
        let row = &self.rows[found.row as usize];
        let next_start = found
            .occurrence
            .zip(row.entry.zone)
            .and_then(|((start, _), zone)| {
                let zone = self.names.zones[zone as usize].clone();
                Some(Timestamp::from_second(start).ok()?.to_zoned(zone))
            });
        Hit {
            id: row.id,
            attendance: row.entry.attendance,
            distance_km: found.chord_squared.map(chord_to_km),
            next_start,
            in_progress: found.in_progress,
        }
    }
}

/// Which meetings a search reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reading {
    /// The fewest that can hold every match.
    Narrowest,
    /// Every meeting of the attendances asked for: what the tests compare
    /// the narrow ways in with.
    #[cfg_attr(not(test), allow(dead_code))]
    Everything,
}

/// The matches up to the end of the page asked for, and how many matched.
struct Best {
    wanted: usize,
    /// The best so far; the worst of them on top.
    kept: BinaryHeap<Found>,
    total: usize,
}

impl Best {
    fn new(wanted: usize) -> Best {
        Best {
            wanted,
            kept: BinaryHeap::with_capacity(wanted.min(1024) + 1),
            total: 0,
        }
    }

    fn offer(&mut self, one: Found) {
        self.total += 1;
        if self.kept.len() < self.wanted {
            self.kept.push(one);
        } else if self.kept.peek().is_some_and(|worst| one < *worst) {
            self.kept.pop();
            self.kept.push(one);
        }
    }
}

/// One match. Ordered by its place in the results: [`Found::rank`].
#[derive(Debug, Clone, Copy)]
struct Found {
    /// The sort's first key, its second, then the row number (slug, then
    /// id), so equal keys always come out in the same order and pages
    /// neither repeat nor skip a meeting.
    rank: (i64, i64, u32),
    row: u32,
    /// From the searcher, on the unit sphere: see [`Position::chord_squared_to`].
    chord_squared: Option<f64>,
    /// Start and end of the next occurrence, in Unix seconds.
    occurrence: Option<(i64, i64)>,
    in_progress: bool,
}

impl PartialEq for Found {
    fn eq(&self, other: &Found) -> bool {
        self.rank == other.rank
    }
}

impl Eq for Found {}

impl PartialOrd for Found {
    fn partial_cmp(&self, other: &Found) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Found {
    fn cmp(&self, other: &Found) -> std::cmp::Ordering {
        self.rank.cmp(&other.rank)
    }
}

/// A query in the index's terms.
struct Filter<'q> {
    query: &'q SearchQuery,
    /// Where to look, when the search is bounded by a radius.
    area: Option<Circle>,
    origin: Option<Position>,
    radius: Option<Radius>,
    wanted_online: bool,
    attendance: [bool; 4],
    minutes: Range<u16>,
    types: Vec<u32>,
    region: Option<u32>,
    /// `at` in whole seconds, rounded down and up.
    at_floor: i64,
    at_ceiling: i64,
}

impl<'q> Filter<'q> {
    /// `None` when nothing can match: a type code or region no meeting has.
    fn of(index: &SearchIndex, query: &'q SearchQuery) -> Option<Filter<'q>> {
        let minute = |time: Time| time.hour() as u16 * 60 + time.minute() as u16;
        let types = (query.types.iter())
            .map(|code| index.names.types.get(code).copied())
            .collect::<Option<Vec<u32>>>()?;
        let region = match &query.region {
            Some(region) => Some(*index.names.regions.get(&region.to_lowercase())?),
            None => None,
        };
        let wanted_online =
            query.attendance_named && query.attendance.contains(&Attendance::Online);
        let mut attendance = [false; 4];
        for wanted in &query.attendance {
            attendance[attendance_slot(*wanted)] = true;
        }
        let at_floor = query.at.as_second();
        Some(Filter {
            query,
            // Online meetings named explicitly are found wherever they are,
            // so such a search reads every row of the attendances asked for.
            area: (!wanted_online)
                .then(|| query.origin.and_then(|o| o.circle()))
                .flatten(),
            origin: (query.origin).map(|o| Position::new(o.latitude, o.longitude)),
            radius: (query.origin).and_then(|o| o.radius_km).map(Radius::new),
            wanted_online,
            attendance,
            minutes: query.from.map_or(0, minute)..query.to.map_or(24 * 60, |to| minute(to) + 1),
            types,
            region,
            at_floor,
            at_ceiling: at_floor + i64::from(query.at.subsec_nanosecond() > 0),
        })
    }

    /// Whether a meeting matches, and what the search knows of it.
    fn check(
        &self,
        index: &SearchIndex,
        entry: &Entry,
        clocks: &mut [Option<ZoneClock>],
    ) -> Option<Found> {
        let query = self.query;
        if !self.attendance[attendance_slot(entry.attendance)] {
            return None;
        }
        if query.day.is_some_and(|day| !entry.days.contains(day)) {
            return None;
        }
        if (query.from.is_some() || query.to.is_some())
            && !entry
                .times
                .is_some_and(|(start, _)| self.minutes.contains(&start))
        {
            return None;
        }
        if !self.types.is_empty() || self.region.is_some() || query.text.is_some() {
            let row = &index.rows[entry.row as usize];
            if !self.types.iter().all(|wanted| row.types.contains(wanted)) {
                return None;
            }
            if self
                .region
                .is_some_and(|wanted| !row.regions.contains(&wanted))
            {
                return None;
            }
            if let Some(text) = &query.text
                && !index.texts[row.text.clone()].contains(text.as_str())
            {
                return None;
            }
        }
        let chord_squared = (self.origin)
            .zip(entry.position)
            .map(|(origin, position)| origin.chord_squared_to(&position));
        if let Some(radius) = self.radius {
            let nearby = chord_squared.is_some_and(|chord| radius.contains(chord));
            let online_anywhere = self.wanted_online && entry.attendance == Attendance::Online;
            if !(nearby || online_anywhere) {
                return None;
            }
        }
        let occurrence = self.next_occurrence(index, entry, clocks);
        if let Some(window) = query.starts_within {
            let (start, _) = occurrence?;
            if start < self.at_ceiling || start > self.at_floor + window.as_secs() {
                return None;
            }
        }
        let start = occurrence.map_or(i64::MAX, |(start, _)| start);
        // Chords are never negative, and the bits of non-negative floats
        // order as the floats do; no position sorts after every position.
        let distance = chord_squared.map_or(i64::MAX, |c| c.to_bits() as i64);
        Some(Found {
            rank: match query.sort {
                Sort::Time => (start, distance, entry.row),
                Sort::Distance => (distance, start, entry.row),
            },
            row: entry.row,
            chord_squared,
            occurrence,
            in_progress: occurrence
                .is_some_and(|(start, end)| start <= self.at_floor && self.at_floor < end),
        })
    }

    /// The first occurrence not yet over at `at`, as Unix seconds: the same
    /// as [`Meeting::next_occurrence`].
    fn next_occurrence(
        &self,
        index: &SearchIndex,
        entry: &Entry,
        clocks: &mut [Option<ZoneClock>],
    ) -> Option<(i64, i64)> {
        let (start, end) = entry.times?;
        let zone_number = usize::from(entry.zone?);
        if entry.days.is_empty() {
            return None;
        }
        let zone = &index.names.zones[zone_number];
        let clock = *clocks[zone_number].get_or_insert_with(|| ZoneClock::of(zone, self.query.at));
        match clock {
            ZoneClock::Steady(clock) => clock.next_occurrence(entry.days, start, end),
            ZoneClock::Changing => {
                let time = |minute: u16| Time::new((minute / 60) as i8, (minute % 60) as i8, 0, 0);
                let schedule = WeeklySchedule::new(
                    entry.days,
                    time(start).ok()?,
                    time(end).ok()?,
                    zone.clone(),
                )?;
                let next = schedule.occurrences_ending_after(self.query.at)?.next()?;
                Some((
                    next.start.timestamp().as_second(),
                    next.end.timestamp().as_second(),
                ))
            }
        }
    }
}

/// How a zone keeps time around a search's `at`.
#[derive(Debug, Clone, Copy)]
enum ZoneClock {
    /// One UTC offset for the whole fortnight around `at`.
    Steady(SteadyClock),
    /// The offset changes: use the exact rules.
    Changing,
}

impl ZoneClock {
    fn of(zone: &TimeZone, at: Timestamp) -> ZoneClock {
        // Wider than the local days an occurrence is looked for on
        // (yesterday to a week tomorrow), whatever the zone's offset.
        let window = at
            .checked_sub(SignedDuration::from_hours(3 * 24))
            .ok()
            .zip(at.checked_add(SignedDuration::from_hours(10 * 24)).ok());
        let Some((from, until)) = window else {
            return ZoneClock::Changing;
        };
        let changes = zone
            .following(from)
            .next()
            .is_some_and(|transition| transition.timestamp() <= until);
        if changes {
            ZoneClock::Changing
        } else {
            let offset_seconds = i64::from(zone.to_offset(at).seconds());
            let now = at.as_second() + offset_seconds;
            let yesterday = now.div_euclid(DAY_SECONDS) - 1;
            ZoneClock::Steady(SteadyClock {
                offset_seconds,
                now,
                yesterday: yesterday * DAY_SECONDS,
                yesterday_weekday: weekday(yesterday),
            })
        }
    }
}

/// A search's `at` in a zone whose offset is the same all fortnight, in
/// local seconds since 1970-01-01 00:00.
#[derive(Debug, Clone, Copy)]
struct SteadyClock {
    offset_seconds: i64,
    now: i64,
    /// Yesterday's 00:00, and which day it was.
    yesterday: i64,
    yesterday_weekday: SpecDay,
}

impl SteadyClock {
    /// [`Meeting::next_occurrence`], as Unix seconds: the first occurrence,
    /// from yesterday on, that ends after `at`.
    fn next_occurrence(&self, days: DaySet, start: u16, end: u16) -> Option<(i64, i64)> {
        // An end at or before the start is on the next day (23:30 to 00:30).
        let next_day = if end <= start { DAY_SECONDS } else { 0 };
        let length = (i64::from(end) - i64::from(start)) * 60 + next_day;
        let start_yesterday = self.yesterday + i64::from(start) * 60;
        // The occurrence k days after yesterday ends after now from this k
        // on (-1 to 2, as a meeting lasts at most a day).
        let ending_later = (self.now - start_yesterday - length).div_euclid(DAY_SECONDS) + 1;
        let after = days.first_after(self.yesterday_weekday, ending_later.max(0) as u32)?;
        let start = start_yesterday + i64::from(after) * DAY_SECONDS - self.offset_seconds;
        Some((start, start + length))
    }
}

const DAY_SECONDS: i64 = 24 * 60 * 60;

/// Minutes into the local week (Sunday 00:00 is 0) at `at` in `zone`.
fn local_week_minute(zone: &TimeZone, at: Timestamp) -> i64 {
    let local = at.as_second() + i64::from(zone.to_offset(at).seconds());
    let day = weekday(local.div_euclid(DAY_SECONDS));
    i64::from(day.number()) * 24 * 60 + local.rem_euclid(DAY_SECONDS) / 60
}

/// The day of the week of a day counted from 1970-01-01.
fn weekday(days_since_1970: i64) -> SpecDay {
    // 1970-01-01 was a Thursday: spec day 4.
    SpecDay::new((days_since_1970 + 4).rem_euclid(7) as u8).expect("0..7 are days")
}

#[cfg(test)]
mod tests {
    use serde_json::Map;

    use super::*;
    use crate::meetings::search::SearchParameters;

    fn meeting(days: &[u8], start: &str, end: &str, zone: &str) -> Meeting {
        Meeting {
            slug: "m".into(),
            name: "M".into(),
            days: days.iter().map(|d| SpecDay::new(*d).unwrap()).collect(),
            start: Some(start.parse().unwrap()),
            end: Some(end.parse().unwrap()),
            timezone: Some(zone.into()),
            latitude: None,
            longitude: None,
            approximate: false,
            types: Vec::new(),
            conference_url: Some("https://example.org/join".into()),
            conference_phone: None,
            regions: Vec::new(),
            updated: None,
            record: Map::new(),
        }
    }

    /// The index's next start and in-progress flag, computed the fast way or
    /// the exact way, agree with [`Meeting::next_occurrence`] at every
    /// quarter hour (and a few odd seconds) across the 2026 daylight-saving
    /// changes of both hemispheres and a half-hour zone.
    #[test]
    fn next_start_agrees_with_the_schedule_rules_around_every_change() {
        let meetings = [
            meeting(&[0], "02:30", "03:30", "America/New_York"),
            meeting(&[0, 3], "01:30", "02:30", "America/New_York"),
            meeting(&[6], "23:30", "00:30", "Europe/Berlin"),
            meeting(&[0], "02:15", "03:00", "Europe/Berlin"),
            meeting(&[0, 1, 2, 3, 4, 5, 6], "02:30", "03:30", "Australia/Sydney"),
            meeting(&[0], "02:00", "02:30", "Australia/Lord_Howe"),
            meeting(&[2], "19:00", "20:00", "Asia/Kolkata"),
            meeting(&[5], "12:00", "12:00", "America/Phoenix"),
        ];
        let index = SearchIndex::build(
            1,
            (meetings.iter().enumerate()).map(|(i, m)| Listing::of(i as i64, "test", m)),
        );
        let starts = [
            "2026-03-06T00:00:00Z",
            "2026-03-26T00:00:00Z",
            "2026-04-02T00:00:00Z",
            "2026-09-30T00:00:00Z",
            "2026-10-22T00:00:00Z",
            "2026-10-29T00:00:00Z",
        ];
        let mut compared = 0;
        for start in starts {
            let start: Timestamp = start.parse().unwrap();
            for step in 0..(10 * 24 * 4) {
                let at = start
                    + SignedDuration::from_mins(15 * step)
                    + SignedDuration::from_secs(step % 3);
                let parameters = SearchParameters {
                    limit: Some("100".into()),
                    ..SearchParameters::default()
                };
                let query = parameters.parse(at).unwrap();
                let page = index.search(&query);
                assert_eq!(page.total, meetings.len());
                for hit in page.hits {
                    let expected = meetings[hit.id as usize].next_occurrence(at);
                    assert_eq!(
                        hit.next_start,
                        expected.as_ref().map(|o| o.start.clone()),
                        "meeting {} at {at}",
                        hit.id
                    );
                    assert_eq!(hit.in_progress, expected.is_some_and(|o| o.contains(at)));
                    compared += 1;
                }
            }
        }
        assert_eq!(compared, starts.len() * 10 * 24 * 4 * meetings.len());
    }

    /// A small deterministic generator, so the test needs no dependency.
    struct Dice(u64);

    impl Dice {
        fn roll(&mut self, sides: u64) -> u64 {
            self.0 = self
                .0
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (self.0 >> 33) % sides
        }

        fn between(&mut self, low: f64, high: f64) -> f64 {
            low + (high - low) * self.roll(1_000_000) as f64 / 1_000_000.0
        }
    }

    /// Reading by position, by day and position, and by local start time
    /// finds exactly what reading every meeting finds, in the same order.
    #[test]
    fn each_attendance_has_its_own_list() {
        for (slot, attendance) in Attendance::ALL.into_iter().enumerate() {
            assert_eq!(attendance_slot(attendance), slot);
        }
    }

    #[test]
    fn every_way_in_finds_what_reading_everything_finds() {
        let zones = [
            "America/Los_Angeles",
            "America/New_York",
            "Europe/London",
            "Australia/Adelaide",
            "Asia/Kolkata",
            "Pacific/Auckland",
            "Not/AZone",
        ];
        let mut dice = Dice(7);
        let listings: Vec<Listing> = (0..3000)
            .map(|id| {
                let days: Vec<SpecDay> = (0..7)
                    .filter(|_| dice.roll(4) == 0)
                    .map(|d| SpecDay::new(d).unwrap())
                    .collect();
                let start =
                    Time::new(dice.roll(24) as i8, (dice.roll(4) * 15) as i8, 0, 0).unwrap();
                let length = jiff::SignedDuration::from_mins(30 + 30 * dice.roll(4) as i64);
                let placed = dice.roll(5) != 0;
                Listing {
                    id,
                    source: "test".into(),
                    slug: format!("m{}", dice.roll(500)),
                    days,
                    start: Some(start),
                    end: Some(start.wrapping_add(length)),
                    timezone: Some(zones[dice.roll(zones.len() as u64) as usize].into()),
                    latitude: placed.then(|| dice.between(44.0, 46.0)),
                    longitude: placed.then(|| dice.between(-123.5, -121.5)),
                    attendance: Attendance::ALL[dice.roll(4) as usize],
                    types: vec![["O", "C", "W"][dice.roll(3) as usize].into()],
                    regions: Vec::new(),
                    search_text: format!("meeting {id}"),
                }
            })
            .collect();
        let index = SearchIndex::build(1, listings);
        let mut compared = 0;
        for step in 0..60 {
            // Every 3 h 7 min from just before the US change of 2026-03-08.
            let at: Timestamp = "2026-03-06T00:00:00Z".parse().unwrap();
            let at = at + SignedDuration::from_mins(187 * step);
            let (lat, lng) = (
                dice.between(44.5, 45.5).to_string(),
                dice.between(-123.0, -122.0).to_string(),
            );
            let day = dice.roll(7).to_string();
            let within = ["30", "120", "600", "1080", "1081", "3000"][dice.roll(6) as usize];
            let radius = ["5", "25", "80"][dice.roll(3) as usize];
            let queries: [&[(&str, &str)]; 6] = [
                &[("lat", &lat), ("lng", &lng), ("radius_km", radius)],
                &[
                    ("lat", &lat),
                    ("lng", &lng),
                    ("radius_km", radius),
                    ("day", &day),
                ],
                &[
                    ("lat", &lat),
                    ("lng", &lng),
                    ("radius_km", radius),
                    ("attendance", "online,hybrid"),
                    ("day", &day),
                ],
                &[("starts_within", within)],
                &[
                    ("starts_within", within),
                    ("attendance", "online"),
                    ("types", "O"),
                ],
                &[
                    ("lat", &lat),
                    ("lng", &lng),
                    ("starts_within", within),
                    ("sort", "distance"),
                ],
            ];
            for pairs in queries {
                let mut parameters = SearchParameters {
                    limit: Some("100".into()),
                    ..SearchParameters::default()
                };
                for (name, value) in pairs {
                    let value = Some(value.to_string());
                    match *name {
                        "lat" => parameters.lat = value,
                        "lng" => parameters.lng = value,
                        "radius_km" => parameters.radius_km = value,
                        "day" => parameters.day = value,
                        "starts_within" => parameters.starts_within = value,
                        "attendance" => parameters.attendance = value,
                        "types" => parameters.types = value,
                        "sort" => parameters.sort = value,
                        _ => unreachable!(),
                    }
                }
                let query = parameters.parse(at).unwrap();
                let narrow = index.search(&query);
                let everything = index.search_reading(&query, Reading::Everything);
                assert_eq!(narrow, everything, "{pairs:?} at {at}");
                compared += narrow.total;
            }
        }
        assert!(
            compared > 10_000,
            "the queries match enough to compare: {compared}"
        );
    }
}
