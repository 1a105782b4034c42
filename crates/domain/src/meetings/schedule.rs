//! When a meeting happens next, in its own time zone.
//!
//! A meeting is "Mondays at 19:00 in America/Chicago": a wall-clock time that
//! stays put when daylight saving time starts or ends, so the instants are
//! worked out from the local day and time each week, never by adding seven
//! days to an instant.
//!
//! Twice a year a local time does not exist (the clocks skip it) or happens
//! twice (the clocks repeat it). Both resolve as RFC 5545 (iCalendar) says, so
//! Hearth agrees with the calendar a person adds the meeting to:
//!
//! * a time in a gap moves forward by the length of the gap (02:30 on the
//!   night clocks jump from 02:00 to 03:00 is 03:30);
//! * a time in a fold is the earlier of its two instants (01:30 on the night
//!   clocks fall back from 02:00 to 01:00 is the first 01:30).
//!
//! This is jiff's [`Disambiguation::Compatible`](jiff::tz::Disambiguation).

use std::iter;

use jiff::civil::{Date, Time};
use jiff::tz::TimeZone;
use jiff::{Timestamp, Zoned};

use super::{Meeting, SpecDay};

/// One occurrence of a weekly meeting, in the meeting's time zone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occurrence {
    pub start: Zoned,
    /// After `start`: on the next day when the meeting runs past midnight.
    pub end: Zoned,
}

impl Occurrence {
    /// Whether the meeting is going on at `at`: from its start (included) to
    /// its end (excluded), so a person arriving as it ends has missed it.
    pub fn contains(&self, at: Timestamp) -> bool {
        self.start.timestamp() <= at && at < self.end.timestamp()
    }
}

impl Meeting {
    /// The first occurrence that has not yet ended at `at`: the one going on
    /// now, if any, else the next to start.
    ///
    /// `None` for meetings by appointment, and for those without a start time
    /// or a time zone, which cannot be placed in time.
    pub fn next_occurrence(&self, at: Timestamp) -> Option<Occurrence> {
        self.occurrences_ending_after(at)?.next()
    }

    /// The next `count` occurrences, in order, starting with
    /// [`Meeting::next_occurrence`]: "the next four dates".
    ///
    /// Empty when the meeting cannot be placed in time.
    pub fn occurrences(&self, at: Timestamp, count: usize) -> Vec<Occurrence> {
        self.occurrences_ending_after(at)
            .map(|occurrences| occurrences.take(count).collect())
            .unwrap_or_default()
    }

    /// Whether the meeting is going on at `at` (see [`Occurrence::contains`]).
    pub fn in_progress(&self, at: Timestamp) -> bool {
        self.next_occurrence(at)
            .is_some_and(|occurrence| occurrence.contains(at))
    }

    /// Every occurrence that ends after `at`, in order, for as long as jiff
    /// can represent dates.
    fn occurrences_ending_after(&self, at: Timestamp) -> Option<impl Iterator<Item = Occurrence>> {
        WeeklySchedule::of(self)?.occurrences_ending_after(at)
    }
}

/// The days of a week a meeting meets on, as a set: bit `n` is spec day `n`
/// (bit 0 Sunday). Small and `Copy`, for the search index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DaySet(u8);

impl DaySet {
    pub fn of(days: &[SpecDay]) -> DaySet {
        DaySet(days.iter().fold(0, |set, day| set | 1 << day.number()))
    }

    pub fn contains(self, day: SpecDay) -> bool {
        self.0 & 1 << day.number() != 0
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The set's days as spec day numbers, Sunday (0) first.
    pub fn numbers(self) -> impl Iterator<Item = u8> {
        let mut left = self.0;
        std::iter::from_fn(move || {
            (left != 0).then(|| {
                let next = left.trailing_zeros() as u8;
                left &= left - 1;
                next
            })
        })
    }

    /// How many days after `from` the first of the set's days comes, of
    /// those at least `skip` days after it (at most 7), looking into the
    /// following week when this one has none. `None` for an empty set.
    pub fn first_after(self, from: SpecDay, skip: u32) -> Option<u32> {
        let shift = u32::from(from.number());
        // Bit k stands for the day k days after `from`.
        let rotated = ((self.0 >> shift) | (self.0 << (7 - shift))) & 0x7f;
        if rotated == 0 {
            return None;
        }
        let later = rotated & (0x7f << skip.min(7)) & 0x7f;
        Some(if later != 0 {
            later.trailing_zeros()
        } else {
            rotated.trailing_zeros() + 7
        })
    }
}

/// What a meeting needs to be placed in time, read once per query.
pub(crate) struct WeeklySchedule {
    /// Never empty: a meeting without days has no schedule.
    days: DaySet,
    start: Time,
    end: Time,
    zone: TimeZone,
}

impl WeeklySchedule {
    fn of(meeting: &Meeting) -> Option<WeeklySchedule> {
        WeeklySchedule::new(
            DaySet::of(&meeting.days),
            meeting.start?,
            meeting.end_time()?,
            TimeZone::get(meeting.timezone.as_deref()?).ok()?,
        )
    }

    /// `None` for an empty set of days: a meeting by appointment.
    pub(crate) fn new(days: DaySet, start: Time, end: Time, zone: TimeZone) -> Option<Self> {
        (!days.is_empty()).then_some(WeeklySchedule {
            days,
            start,
            end,
            zone,
        })
    }

    /// Every occurrence that ends after `at`, in order, for as long as jiff
    /// can represent dates.
    pub(crate) fn occurrences_ending_after(
        self,
        at: Timestamp,
    ) -> Option<impl Iterator<Item = Occurrence>> {
        // An occurrence that started on the previous local day may run past
        // midnight and still be going on. None starts earlier and is not over:
        // a meeting lasts at most a day.
        let first_day = at.to_zoned(self.zone.clone()).date().yesterday().ok()?;
        let meeting_days = self.days;
        let days = iter::successors(Some(first_day), |day| day.tomorrow().ok());
        Some(
            days.filter(move |day| meeting_days.contains(SpecDay::from_weekday(day.weekday())))
                .map_while(move |day| self.occurrence_on(day))
                .skip_while(move |occurrence| occurrence.end.timestamp() <= at),
        )
    }

    /// The occurrence that starts on `day` (local), or `None` past the end of
    /// the dates jiff can represent.
    fn occurrence_on(&self, day: Date) -> Option<Occurrence> {
        // An end at or before the start is on the next day (23:30 to 00:30).
        let end_day = if self.end <= self.start {
            day.tomorrow().ok()?
        } else {
            day
        };
        let local_start = day.to_datetime(self.start);
        let local_end = end_day.to_datetime(self.end);
        let start = self
            .zone
            .to_ambiguous_zoned(local_start)
            .compatible()
            .ok()?;
        let end = self.zone.to_ambiguous_zoned(local_end).compatible().ok()?;
        if end > start {
            return Some(Occurrence { start, end });
        }
        // Only when the start fell in a gap and moved forward to (or past)
        // the end, as 02:30 to 03:00 does on the night 02:00 becomes 03:00.
        // An empty or backwards meeting helps nobody: keep its length.
        let end = start
            .checked_add(local_start.duration_until(local_end))
            .ok()?;
        Some(Occurrence { start, end })
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::Weekday;
    use serde_json::Map;

    use super::*;

    const SUNDAY: u8 = 0;
    const MONDAY: u8 = 1;
    const WEDNESDAY: u8 = 3;
    const FRIDAY: u8 = 5;

    fn meeting(days: &[u8], start: &str, end: Option<&str>, zone: &str) -> Meeting {
        Meeting {
            slug: "test".into(),
            name: "Test".into(),
            days: days.iter().map(|day| SpecDay::new(*day).unwrap()).collect(),
            start: Some(start.parse().unwrap()),
            end: end.map(|end| end.parse().unwrap()),
            timezone: Some(zone.into()),
            latitude: None,
            longitude: None,
            approximate: false,
            types: Vec::new(),
            conference_url: None,
            conference_phone: None,
            regions: Vec::new(),
            updated: None,
            record: Map::new(),
        }
    }

    /// An instant from local time in a zone, e.g. `"2026-03-07T12:00[America/New_York]"`.
    fn at(zoned: &str) -> Timestamp {
        zoned.parse::<Zoned>().unwrap().timestamp()
    }

    /// Start and end as RFC 9557 text, which shows the offset and the zone.
    fn shown(occurrence: &Occurrence) -> (String, String) {
        (occurrence.start.to_string(), occurrence.end.to_string())
    }

    fn next(meeting: &Meeting, when: &str) -> (String, String) {
        shown(&meeting.next_occurrence(at(when)).expect("an occurrence"))
    }

    fn pair(start: &str, end: &str) -> (String, String) {
        (start.to_string(), end.to_string())
    }

    #[test]
    fn a_set_of_days_lists_its_days_in_week_order() {
        let days: Vec<SpecDay> = [5, 0, 2].map(|n| SpecDay::new(n).unwrap()).to_vec();
        assert_eq!(DaySet::of(&days).numbers().collect::<Vec<_>>(), [0, 2, 5]);
        assert_eq!(DaySet::default().numbers().count(), 0);
    }

    #[test]
    fn the_first_day_after_counts_on_round_the_week() {
        let days: Vec<SpecDay> = [0, 2, 5].map(|n| SpecDay::new(n).unwrap()).to_vec();
        let set = DaySet::of(&days);
        let wednesday = SpecDay::new(3).unwrap();
        assert_eq!(set.first_after(wednesday, 0), Some(2), "Friday");
        assert_eq!(set.first_after(wednesday, 3), Some(4), "Sunday");
        assert_eq!(set.first_after(wednesday, 5), Some(6), "Tuesday");
        assert_eq!(set.first_after(wednesday, 7), Some(9), "Friday week");
        let tuesday = SpecDay::new(2).unwrap();
        assert_eq!(set.first_after(tuesday, 0), Some(0), "the day itself");
        assert_eq!(set.first_after(tuesday, 1), Some(3));
        assert_eq!(DaySet::default().first_after(tuesday, 0), None);
    }

    #[test]
    fn test_dates_fall_on_the_days_assumed() {
        use jiff::civil::date;
        for day in [
            date(2026, 3, 8),
            date(2026, 11, 1),
            date(2026, 3, 29),
            date(2026, 10, 25),
            date(2026, 4, 5),
            date(2026, 10, 4),
        ] {
            assert_eq!(day.weekday(), Weekday::Sunday, "{day}");
        }
    }

    #[test]
    fn new_york_spring_forward_moves_a_time_in_the_gap_forward() {
        // 2026-03-08: 02:00 EST becomes 03:00 EDT; 02:30 does not exist.
        let early = meeting(&[SUNDAY], "02:30", Some("04:00"), "America/New_York");
        assert_eq!(
            next(&early, "2026-03-07T12:00[America/New_York]"),
            pair(
                "2026-03-08T03:30:00-04:00[America/New_York]",
                "2026-03-08T04:00:00-04:00[America/New_York]"
            )
        );

        // A week later 02:30 exists again, and the meeting is back at 02:30.
        let following = early.occurrences(at("2026-03-07T12:00[America/New_York]"), 2);
        assert_eq!(
            following[1].start.to_string(),
            "2026-03-15T02:30:00-04:00[America/New_York]"
        );
    }

    #[test]
    fn a_start_pushed_past_its_end_by_a_gap_keeps_its_length() {
        // 02:30 to 03:30 by default: 02:30 becomes 03:30 EDT, the end too.
        let early = meeting(&[SUNDAY], "02:30", None, "America/New_York");
        assert_eq!(
            next(&early, "2026-03-07T12:00[America/New_York]"),
            pair(
                "2026-03-08T03:30:00-04:00[America/New_York]",
                "2026-03-08T04:30:00-04:00[America/New_York]"
            )
        );
    }

    #[test]
    fn a_meeting_spanning_the_gap_ends_at_its_wall_clock_time() {
        // 01:30 to 02:30: the end is in the gap and moves to 03:30 EDT, one
        // real hour after 01:30 EST.
        let night = meeting(&[SUNDAY], "01:30", Some("02:30"), "America/New_York");
        let occurrence = night
            .next_occurrence(at("2026-03-07T12:00[America/New_York]"))
            .unwrap();
        assert_eq!(
            shown(&occurrence),
            pair(
                "2026-03-08T01:30:00-05:00[America/New_York]",
                "2026-03-08T03:30:00-04:00[America/New_York]"
            )
        );
        assert_eq!(
            occurrence.start.duration_until(&occurrence.end),
            jiff::SignedDuration::from_hours(1)
        );
    }

    #[test]
    fn new_york_fall_back_takes_the_earlier_of_a_repeated_time() {
        // 2026-11-01: 02:00 EDT becomes 01:00 EST; 01:30 happens twice.
        let night = meeting(&[SUNDAY], "01:30", Some("02:30"), "America/New_York");
        let occurrence = night
            .next_occurrence(at("2026-10-31T12:00[America/New_York]"))
            .unwrap();
        assert_eq!(
            shown(&occurrence),
            pair(
                "2026-11-01T01:30:00-04:00[America/New_York]",
                "2026-11-01T02:30:00-05:00[America/New_York]"
            )
        );
        // The second 01:45 (EST) is inside the two real hours it lasts.
        let second_pass = at("2026-11-01T01:45-05:00[America/New_York]");
        assert!(night.in_progress(second_pass));
        assert_eq!(night.next_occurrence(second_pass).unwrap(), occurrence);
    }

    #[test]
    fn daylight_saving_never_moves_a_weekly_meeting() {
        let evening = meeting(&[SUNDAY], "19:00", Some("20:00"), "America/New_York");
        let dates: Vec<String> = evening
            .occurrences(at("2026-02-25T12:00[America/New_York]"), 4)
            .iter()
            .map(|occurrence| occurrence.start.to_string())
            .collect();
        assert_eq!(
            dates,
            [
                "2026-03-01T19:00:00-05:00[America/New_York]",
                "2026-03-08T19:00:00-04:00[America/New_York]",
                "2026-03-15T19:00:00-04:00[America/New_York]",
                "2026-03-22T19:00:00-04:00[America/New_York]",
            ]
        );
    }

    #[test]
    fn berlin_spring_forward_and_fall_back() {
        let night = meeting(&[SUNDAY], "02:30", Some("03:30"), "Europe/Berlin");
        // 2026-03-29: 02:00 CET becomes 03:00 CEST. The end, 03:30, exists,
        // so the start moves to it and the meeting keeps its hour.
        assert_eq!(
            next(&night, "2026-03-28T12:00[Europe/Berlin]"),
            pair(
                "2026-03-29T03:30:00+02:00[Europe/Berlin]",
                "2026-03-29T04:30:00+02:00[Europe/Berlin]"
            )
        );
        // 2026-10-25: 03:00 CEST becomes 02:00 CET; 02:30 happens twice.
        assert_eq!(
            next(&night, "2026-10-24T12:00[Europe/Berlin]"),
            pair(
                "2026-10-25T02:30:00+02:00[Europe/Berlin]",
                "2026-10-25T03:30:00+01:00[Europe/Berlin]"
            )
        );
    }

    #[test]
    fn sydney_southern_hemisphere() {
        let night = meeting(&[SUNDAY], "02:30", Some("04:00"), "Australia/Sydney");
        // 2026-04-05: DST ends, 03:00 AEDT becomes 02:00 AEST.
        assert_eq!(
            next(&night, "2026-04-04T12:00[Australia/Sydney]"),
            pair(
                "2026-04-05T02:30:00+11:00[Australia/Sydney]",
                "2026-04-05T04:00:00+10:00[Australia/Sydney]"
            )
        );
        // 2026-10-04: DST starts, 02:00 AEST becomes 03:00 AEDT.
        assert_eq!(
            next(&night, "2026-10-03T12:00[Australia/Sydney]"),
            pair(
                "2026-10-04T03:30:00+11:00[Australia/Sydney]",
                "2026-10-04T04:00:00+11:00[Australia/Sydney]"
            )
        );
        // Midwinter is standard time.
        let evening = meeting(&[SUNDAY], "19:00", None, "Australia/Sydney");
        assert_eq!(
            next(&evening, "2026-07-01T12:00[Australia/Sydney]").0,
            "2026-07-05T19:00:00+10:00[Australia/Sydney]"
        );
    }

    #[test]
    fn lord_howe_island_shifts_by_half_an_hour() {
        // Standard time +10:30, summer time +11:00, changing at 02:00.
        let zone = "Australia/Lord_Howe";
        // 2026-10-04: 02:00 becomes 02:30; 02:15 moves forward half an hour.
        let quarter_past_two = meeting(&[SUNDAY], "02:15", Some("03:15"), zone);
        assert_eq!(
            next(&quarter_past_two, "2026-10-03T12:00[Australia/Lord_Howe]"),
            pair(
                "2026-10-04T02:45:00+11:00[Australia/Lord_Howe]",
                "2026-10-04T03:15:00+11:00[Australia/Lord_Howe]"
            )
        );
        // 2026-04-05: 02:00 becomes 01:30; 01:45 happens twice.
        let quarter_to_two = meeting(&[SUNDAY], "01:45", Some("02:45"), zone);
        assert_eq!(
            next(&quarter_to_two, "2026-04-04T12:00[Australia/Lord_Howe]"),
            pair(
                "2026-04-05T01:45:00+11:00[Australia/Lord_Howe]",
                "2026-04-05T02:45:00+10:30[Australia/Lord_Howe]"
            )
        );
        let evening = meeting(&[SUNDAY], "19:00", None, zone);
        assert_eq!(
            next(&evening, "2026-07-01T12:00[Australia/Lord_Howe]").0,
            "2026-07-05T19:00:00+10:30[Australia/Lord_Howe]"
        );
    }

    #[test]
    fn half_hour_offset_without_daylight_saving() {
        let evening = meeting(&[MONDAY], "19:00", None, "Asia/Kolkata");
        let occurrence = evening
            .next_occurrence(at("2026-06-01T00:00Z[UTC]"))
            .unwrap();
        assert_eq!(
            occurrence.start.to_string(),
            "2026-06-01T19:00:00+05:30[Asia/Kolkata]"
        );
        assert_eq!(
            occurrence.start.timestamp(),
            "2026-06-01T13:30:00Z".parse::<Timestamp>().unwrap()
        );
    }

    #[test]
    fn a_meeting_past_midnight_is_in_progress_the_next_day() {
        let late = meeting(&[FRIDAY], "23:30", Some("00:30"), "America/Chicago");
        // 2026-06-05 is a Friday.
        let ten_past_midnight = at("2026-06-06T00:10[America/Chicago]");
        assert!(late.in_progress(ten_past_midnight));
        assert_eq!(
            next(&late, "2026-06-06T00:10[America/Chicago]"),
            pair(
                "2026-06-05T23:30:00-05:00[America/Chicago]",
                "2026-06-06T00:30:00-05:00[America/Chicago]"
            )
        );
        // Once it ends, the next one is a week later.
        let ended = at("2026-06-06T00:30[America/Chicago]");
        assert!(!late.in_progress(ended));
        assert_eq!(
            late.next_occurrence(ended).unwrap().start.to_string(),
            "2026-06-12T23:30:00-05:00[America/Chicago]"
        );
    }

    #[test]
    fn an_end_equal_to_the_start_lasts_a_day() {
        let all_day = meeting(&[MONDAY], "09:00", Some("09:00"), "UTC");
        assert_eq!(
            next(&all_day, "2026-06-01T00:00Z[UTC]"),
            pair(
                "2026-06-01T09:00:00+00:00[UTC]",
                "2026-06-02T09:00:00+00:00[UTC]"
            )
        );
        assert!(all_day.in_progress(at("2026-06-02T08:59Z[UTC]")));
    }

    #[test]
    fn several_days_a_week() {
        let noon = meeting(&[FRIDAY, MONDAY, WEDNESDAY], "12:00", None, "Europe/London");
        // 2026-06-01 is a Monday; its meeting is over by 13:00.
        let dates: Vec<String> = noon
            .occurrences(at("2026-06-01T13:00[Europe/London]"), 4)
            .iter()
            .map(|occurrence| occurrence.start.date().to_string())
            .collect();
        assert_eq!(
            dates,
            ["2026-06-03", "2026-06-05", "2026-06-08", "2026-06-10"]
        );
    }

    #[test]
    fn a_meeting_in_progress_is_the_next_one() {
        let evening = meeting(&[MONDAY], "19:00", Some("20:00"), "America/Denver");
        let half_way = at("2026-06-01T19:30[America/Denver]");
        assert!(evening.in_progress(half_way));
        assert_eq!(
            next(&evening, "2026-06-01T19:30[America/Denver]").0,
            "2026-06-01T19:00:00-06:00[America/Denver]"
        );
        assert!(evening.in_progress(at("2026-06-01T19:00[America/Denver]")));
        assert!(!evening.in_progress(at("2026-06-01T18:59[America/Denver]")));
    }

    #[test]
    fn at_exactly_the_end_the_next_is_a_week_later() {
        let evening = meeting(&[MONDAY], "19:00", Some("20:00"), "America/Denver");
        let end = at("2026-06-01T20:00[America/Denver]");
        assert!(!evening.in_progress(end));
        assert_eq!(
            evening.next_occurrence(end).unwrap().start.to_string(),
            "2026-06-08T19:00:00-06:00[America/Denver]"
        );
    }

    #[test]
    fn end_defaults_to_an_hour_after_the_start() {
        let evening = meeting(&[MONDAY], "19:00", None, "America/Denver");
        assert_eq!(
            next(&evening, "2026-06-01T00:00[America/Denver]").1,
            "2026-06-01T20:00:00-06:00[America/Denver]"
        );
    }

    #[test]
    fn occurrences_are_in_order_and_as_many_as_asked() {
        let evening = meeting(&[SUNDAY, WEDNESDAY], "18:00", None, "Pacific/Auckland");
        let now = at("2026-01-01T00:00Z[UTC]");
        let occurrences = evening.occurrences(now, 10);
        assert_eq!(occurrences.len(), 10);
        assert!(
            occurrences
                .windows(2)
                .all(|pair| pair[0].end <= pair[1].start)
        );
        assert_eq!(occurrences[0], evening.next_occurrence(now).unwrap());
        assert!(evening.occurrences(now, 0).is_empty());
    }

    #[test]
    fn meetings_that_cannot_be_placed_in_time_have_no_occurrences() {
        let now = at("2026-06-01T12:00Z[UTC]");
        let by_appointment = meeting(&[], "19:00", None, "UTC");
        let no_time = Meeting {
            start: None,
            ..meeting(&[MONDAY], "19:00", None, "UTC")
        };
        let no_zone = Meeting {
            timezone: None,
            ..meeting(&[MONDAY], "19:00", None, "UTC")
        };
        let unknown_zone = meeting(&[MONDAY], "19:00", None, "Mars/Olympus_Mons");
        for unplaceable in [by_appointment, no_time, no_zone, unknown_zone] {
            assert_eq!(unplaceable.next_occurrence(now), None);
            assert!(unplaceable.occurrences(now, 4).is_empty());
            assert!(!unplaceable.in_progress(now));
        }
    }
}
