//! A member's recovery counters: what each one counts, since when, and the
//! streaks kept in its history.
//!
//! Days are the member's own local days. "Today" is the date on the
//! member's calendar in their time zone ([`local_today`]), so a counter
//! turns over at the member's midnight, not the server's. Once today is
//! known, everything is civil dates with no time of day, so daylight-saving
//! changes cannot add or lose a day.
//!
//! Starting again is one calm step: [`reset`] keeps the streak that came
//! before in the history and begins a new one. Every streak is time that
//! counted.

use std::fmt;

use jiff::Timestamp;
use jiff::civil::{Date, date};
use jiff::tz::TimeZone;

use super::milestones::days_between;

/// Why something typed into a counter's form was refused.
///
/// Every variant maps to a stable [`code`](CounterError::code) for API
/// clients and templates, and to the request [`field`](CounterError::field)
/// it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CounterError {
    #[error("a label is needed, such as alcohol, gambling or a person's name")]
    LabelEmpty,
    #[error("a label can have at most {max} characters")]
    LabelTooLong { max: usize },
    #[error("a label cannot contain line breaks, tabs or other control characters")]
    LabelControlCharacters,
    #[error("a date is written as year-month-day, such as 2024-03-01")]
    DateFormat { field: &'static str },
    #[error("a start date can be today or a day before it, not a day still to come")]
    StartInFuture,
    #[error("a start date can be no earlier than 1900-01-01")]
    StartTooEarly,
    #[error("a new start can be today or a day before it, not a day still to come")]
    NewStartInFuture,
    #[error("a new start can be no earlier than the current start date")]
    NewStartBeforeStart,
}

impl CounterError {
    /// A stable code for API clients and templates.
    pub fn code(&self) -> &'static str {
        match self {
            CounterError::LabelEmpty => "empty",
            CounterError::LabelTooLong { .. } => "too_long",
            CounterError::LabelControlCharacters => "control_characters",
            CounterError::DateFormat { .. } => "date_format",
            CounterError::StartInFuture | CounterError::NewStartInFuture => "date_in_future",
            CounterError::StartTooEarly => "date_too_early",
            CounterError::NewStartBeforeStart => "before_start",
        }
    }

    /// The name of the request field the refused value came from.
    pub fn field(&self) -> &'static str {
        match self {
            CounterError::LabelEmpty
            | CounterError::LabelTooLong { .. }
            | CounterError::LabelControlCharacters => CounterLabel::FIELD,
            CounterError::DateFormat { field } => field,
            CounterError::StartInFuture | CounterError::StartTooEarly => StartDate::FIELD,
            CounterError::NewStartInFuture | CounterError::NewStartBeforeStart => NEW_START_FIELD,
        }
    }
}

/// The request field of the date a member starts again on.
const NEW_START_FIELD: &str = "new_start_date";

/// What a counter counts, in the member's own words: "alcohol",
/// "gambling", "no contact with X". One line, trimmed.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CounterLabel(String);

impl CounterLabel {
    pub const MAX_CHARS: usize = 60;
    const FIELD: &'static str = "label";

    pub fn parse(input: &str) -> Result<CounterLabel, CounterError> {
        let label = input.trim();
        if label.is_empty() {
            return Err(CounterError::LabelEmpty);
        }
        if label.chars().count() > Self::MAX_CHARS {
            return Err(CounterError::LabelTooLong {
                max: Self::MAX_CHARS,
            });
        }
        if label.chars().any(char::is_control) {
            return Err(CounterError::LabelControlCharacters);
        }
        Ok(CounterLabel(label.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for CounterLabel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A start date a member has just chosen: not after their today and not
/// before [`StartDate::EARLIEST`].
///
/// Only new input is checked against today. A start date already stored
/// can be a day after today when its member moves west across time zones,
/// and [`days_clean`] counts such a date as 0, never as negative.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct StartDate(Date);

impl StartDate {
    /// The earliest start date accepted. Earlier dates are almost always a
    /// typo for a recent year.
    pub const EARLIEST: Date = date(1900, 1, 1);
    const FIELD: &'static str = "start_date";

    /// Parses a date as a date `<input>` sends it (`2024-03-01`), then
    /// checks it as [`StartDate::new`] does.
    pub fn parse(input: &str, today: Date) -> Result<StartDate, CounterError> {
        let date = parse_form_date(input, Self::FIELD)?;
        StartDate::new(date, today)
    }

    pub fn new(date: Date, today: Date) -> Result<StartDate, CounterError> {
        if date > today {
            Err(CounterError::StartInFuture)
        } else if date < Self::EARLIEST {
            Err(CounterError::StartTooEarly)
        } else {
            Ok(StartDate(date))
        }
    }

    pub fn date(self) -> Date {
        self.0
    }
}

/// Reads `YYYY-MM-DD` exactly, the only form a date `<input>` sends, so
/// that `2024-3-1` or a date with a time is refused rather than guessed at.
fn parse_form_date(input: &str, field: &'static str) -> Result<Date, CounterError> {
    let text = input.trim();
    let well_formed = text.len() == 10
        && text.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    if !well_formed {
        return Err(CounterError::DateFormat { field });
    }
    text.parse::<Date>()
        .map_err(|_| CounterError::DateFormat { field })
}

/// The member's today: the date on their calendar at `now` in their time
/// zone.
///
/// The same instant can be a different date for a member who has moved: it
/// is still the evening before in Los Angeles when it is already morning in
/// Tokyo. Always ask with the member's current zone.
pub fn local_today(now: Timestamp, tz: &TimeZone) -> Date {
    tz.to_datetime(now).date()
}

/// Whole days from the start date to today: 0 on the start day, 1 the day
/// after.
///
/// A start date after today counts as 0. That happens when a member who
/// started "today" moves west and their today goes back a day.
pub fn days_clean(start: Date, today: Date) -> i64 {
    days_between(start, today).max(0)
}

/// A stretch of days on one counter: the current one, or one kept in its
/// history that ended when the member started again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Streak {
    start: Date,
    end: Option<Date>,
}

impl Streak {
    /// The streak going on now, from `start`.
    pub fn current(start: Date) -> Streak {
        Streak { start, end: None }
    }

    /// A streak from the history, which ended on the day of a new start.
    /// Refused when `end` is before `start`.
    pub fn ended(start: Date, end: Date) -> Result<Streak, CounterError> {
        if end < start {
            Err(CounterError::NewStartBeforeStart)
        } else {
            Ok(Streak {
                start,
                end: Some(end),
            })
        }
    }

    pub fn start(&self) -> Date {
        self.start
    }

    /// The day of the new start that ended this streak; `None` while it is
    /// the current one.
    pub fn end(&self) -> Option<Date> {
        self.end
    }

    pub fn is_current(&self) -> bool {
        self.end.is_none()
    }

    /// Its length in days: to its end for a streak in the history, to
    /// `today` for the current one. The day of the new start belongs to the
    /// new streak, so a streak from the 1st that ended on the 10th is 9
    /// days, what its counter showed on the 10th.
    pub fn length(&self, today: Date) -> i64 {
        days_clean(self.start, self.end.unwrap_or(today))
    }
}

/// A new start on a counter: the streak that came before, kept for the
/// history, and the start date of the new one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Reset {
    pub kept: Streak,
    pub new_start: StartDate,
}

/// Starts a counter again on `new_start`, keeping the streak from `start`
/// up to that day.
///
/// The new start can be any day from the current start to today, so a
/// member can set it to the day things changed rather than the day they
/// came to tell us. A new start on the start day itself keeps a streak of
/// 0 days.
pub fn reset(start: Date, new_start: Date, today: Date) -> Result<Reset, CounterError> {
    let kept = Streak::ended(start, new_start)?;
    let new_start = StartDate::new(new_start, today).map_err(|error| match error {
        CounterError::StartInFuture => CounterError::NewStartInFuture,
        other => other,
    })?;
    Ok(Reset { kept, new_start })
}

/// Parses the new start date as a date `<input>` sends it, then starts the
/// counter again as [`reset`] does.
pub fn parse_reset(start: Date, new_start: &str, today: Date) -> Result<Reset, CounterError> {
    reset(start, parse_form_date(new_start, NEW_START_FIELD)?, today)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zone(name: &str) -> TimeZone {
        TimeZone::get(name).unwrap()
    }

    fn instant(text: &str) -> Timestamp {
        text.parse().unwrap()
    }

    #[test]
    fn labels_are_trimmed_and_kept_in_the_members_words() {
        let label = CounterLabel::parse("  no contact with X \n").unwrap();
        assert_eq!(label.as_str(), "no contact with X");
        assert_eq!(label.to_string(), "no contact with X");
        assert_eq!(CounterLabel::parse("a").unwrap().as_str(), "a");
        let longest = "é".repeat(CounterLabel::MAX_CHARS);
        assert_eq!(CounterLabel::parse(&longest).unwrap().as_str(), longest);
    }

    #[test]
    fn labels_that_cannot_be_shown_on_one_line_are_refused() {
        assert_eq!(CounterLabel::parse(""), Err(CounterError::LabelEmpty));
        assert_eq!(CounterLabel::parse(" \t\n "), Err(CounterError::LabelEmpty));
        let too_long = "x".repeat(CounterLabel::MAX_CHARS + 1);
        let error = CounterLabel::parse(&too_long).unwrap_err();
        assert_eq!(error, CounterError::LabelTooLong { max: 60 });
        assert_eq!(error.code(), "too_long");
        let error = CounterLabel::parse("alcohol\nand more").unwrap_err();
        assert_eq!(error, CounterError::LabelControlCharacters);
        assert_eq!(error.code(), "control_characters");
        assert_eq!(error.field(), "label");
        assert_eq!(
            CounterLabel::parse("a\u{0}b"),
            Err(CounterError::LabelControlCharacters)
        );
    }

    #[test]
    fn start_dates_are_today_or_earlier() {
        let today = date(2026, 3, 8);
        assert_eq!(StartDate::new(today, today).unwrap().date(), today);
        assert_eq!(
            StartDate::new(StartDate::EARLIEST, today).unwrap().date(),
            date(1900, 1, 1)
        );
        let error = StartDate::new(date(2026, 3, 9), today).unwrap_err();
        assert_eq!(error, CounterError::StartInFuture);
        assert_eq!(
            (error.field(), error.code()),
            ("start_date", "date_in_future")
        );
        let error = StartDate::new(date(1899, 12, 31), today).unwrap_err();
        assert_eq!(error, CounterError::StartTooEarly);
        assert_eq!(
            (error.field(), error.code()),
            ("start_date", "date_too_early")
        );
    }

    #[test]
    fn start_dates_are_read_as_a_date_input_sends_them() {
        let today = date(2026, 3, 8);
        assert_eq!(
            StartDate::parse(" 2024-02-29 ", today).unwrap().date(),
            date(2024, 2, 29)
        );
        for input in [
            "",
            "2024-3-1",
            "2023-02-29",
            "2024-13-01",
            "01/03/2024",
            "2024-03-01T10:00",
        ] {
            let error = StartDate::parse(input, today).unwrap_err();
            assert_eq!(
                error,
                CounterError::DateFormat {
                    field: "start_date"
                },
                "{input:?}"
            );
            assert_eq!(error.code(), "date_format");
        }
        assert_eq!(
            StartDate::parse("2026-03-09", today),
            Err(CounterError::StartInFuture)
        );
    }

    #[test]
    fn days_clean_counts_whole_local_days() {
        let start = date(2026, 1, 1);
        assert_eq!(days_clean(start, start), 0);
        assert_eq!(days_clean(start, date(2026, 1, 2)), 1);
        assert_eq!(days_clean(start, date(2027, 1, 1)), 365);
        assert_eq!(days_clean(date(2024, 1, 1), date(2025, 1, 1)), 366);
        assert_eq!(days_clean(date(1990, 6, 15), date(2026, 6, 15)), 13_149);
    }

    #[test]
    fn a_start_date_after_today_counts_as_zero_days() {
        assert_eq!(days_clean(date(2026, 1, 2), date(2026, 1, 1)), 0);
    }

    #[test]
    fn days_clean_is_exact_across_daylight_saving_changes() {
        let new_york = zone("America/New_York");
        let start = date(2026, 3, 7);
        // Clocks in New York went forward at 2am on 2026-03-08 and go back
        // at 2am on 2026-11-01. Just after midnight each day, the count
        // moves on by exactly one.
        let counts: Vec<i64> = [
            "2026-03-07T05:01:00Z",
            "2026-03-08T05:01:00Z",
            "2026-03-09T04:01:00Z",
        ]
        .into_iter()
        .map(|now| days_clean(start, local_today(instant(now), &new_york)))
        .collect();
        assert_eq!(counts, vec![0, 1, 2]);

        let start = date(2026, 10, 31);
        let counts: Vec<i64> = [
            "2026-10-31T04:01:00Z",
            "2026-11-01T04:01:00Z",
            "2026-11-02T05:01:00Z",
        ]
        .into_iter()
        .map(|now| days_clean(start, local_today(instant(now), &new_york)))
        .collect();
        assert_eq!(counts, vec![0, 1, 2]);
    }

    #[test]
    fn local_today_turns_over_at_the_members_midnight_across_daylight_saving() {
        let new_york = zone("America/New_York");
        // The night the clocks went forward: UTC-5 before, UTC-4 after.
        assert_eq!(
            local_today(instant("2026-03-08T04:59:59Z"), &new_york),
            date(2026, 3, 7)
        );
        assert_eq!(
            local_today(instant("2026-03-08T05:00:00Z"), &new_york),
            date(2026, 3, 8)
        );
        // The next midnight is in daylight time, an hour earlier in UTC.
        assert_eq!(
            local_today(instant("2026-03-09T03:59:59Z"), &new_york),
            date(2026, 3, 8)
        );
        assert_eq!(
            local_today(instant("2026-03-09T04:00:00Z"), &new_york),
            date(2026, 3, 9)
        );
        // The night the clocks went back: 1am happens twice, still one day.
        assert_eq!(
            local_today(instant("2026-11-01T05:30:00Z"), &new_york),
            date(2026, 11, 1)
        );
        assert_eq!(
            local_today(instant("2026-11-01T06:30:00Z"), &new_york),
            date(2026, 11, 1)
        );
    }

    #[test]
    fn the_same_instant_is_a_different_today_after_a_move() {
        let now = instant("2026-03-09T20:00:00Z");
        let los_angeles = local_today(now, &zone("America/Los_Angeles"));
        let tokyo = local_today(now, &zone("Asia/Tokyo"));
        assert_eq!(los_angeles, date(2026, 3, 9));
        assert_eq!(tokyo, date(2026, 3, 10));

        let start = date(2026, 3, 1);
        assert_eq!(days_clean(start, los_angeles), 8);
        assert_eq!(days_clean(start, tokyo), 9);

        // A member who started on their Tokyo today and then moved back to
        // Los Angeles sees 0 days, not -1.
        assert_eq!(days_clean(tokyo, los_angeles), 0);
    }

    #[test]
    fn the_current_streak_grows_and_a_kept_one_stays_as_it_was() {
        let current = Streak::current(date(2026, 1, 1));
        assert!(current.is_current());
        assert_eq!(current.end(), None);
        assert_eq!(current.length(date(2026, 1, 1)), 0);
        assert_eq!(current.length(date(2026, 1, 31)), 30);

        let kept = Streak::ended(date(2026, 1, 1), date(2026, 1, 10)).unwrap();
        assert!(!kept.is_current());
        assert_eq!(kept.start(), date(2026, 1, 1));
        assert_eq!(kept.end(), Some(date(2026, 1, 10)));
        assert_eq!(kept.length(date(2026, 1, 10)), 9);
        assert_eq!(kept.length(date(2030, 1, 1)), 9);

        assert_eq!(
            Streak::ended(date(2026, 1, 10), date(2026, 1, 9)),
            Err(CounterError::NewStartBeforeStart)
        );
    }

    #[test]
    fn a_new_start_keeps_the_streak_before_it() {
        let start = date(2025, 11, 20);
        let today = date(2026, 1, 10);
        let Reset { kept, new_start } = reset(start, date(2026, 1, 8), today).unwrap();
        assert_eq!(kept.start(), start);
        assert_eq!(kept.end(), Some(date(2026, 1, 8)));
        assert_eq!(kept.length(today), 49);
        assert_eq!(new_start.date(), date(2026, 1, 8));
        assert_eq!(days_clean(new_start.date(), today), 2);
    }

    #[test]
    fn a_new_start_can_be_today_or_the_start_day() {
        let start = date(2026, 1, 1);
        let today = date(2026, 1, 5);
        let on_today = reset(start, today, today).unwrap();
        assert_eq!(on_today.kept.length(today), 4);
        assert_eq!(on_today.new_start.date(), today);

        let on_start = reset(start, start, today).unwrap();
        assert_eq!(on_start.kept.length(today), 0);
        assert_eq!(on_start.new_start.date(), start);
    }

    #[test]
    fn a_new_start_outside_the_streak_is_refused() {
        let start = date(2026, 1, 1);
        let today = date(2026, 1, 5);
        let error = reset(start, date(2026, 1, 6), today).unwrap_err();
        assert_eq!(error, CounterError::NewStartInFuture);
        assert_eq!(
            (error.field(), error.code()),
            ("new_start_date", "date_in_future")
        );
        let error = reset(start, date(2025, 12, 31), today).unwrap_err();
        assert_eq!(error, CounterError::NewStartBeforeStart);
        assert_eq!(
            (error.field(), error.code()),
            ("new_start_date", "before_start")
        );
    }

    #[test]
    fn a_new_start_is_read_as_a_date_input_sends_it() {
        let start = date(2026, 1, 1);
        let today = date(2026, 1, 5);
        let parsed = parse_reset(start, "2026-01-03", today).unwrap();
        assert_eq!(parsed.new_start.date(), date(2026, 1, 3));
        assert_eq!(
            parse_reset(start, "yesterday", today),
            Err(CounterError::DateFormat {
                field: "new_start_date"
            })
        );
    }
}
