//! A member's log of the meetings they went to: one entry per meeting,
//! counted per week, and goals such as "90 meetings in 90 days".
//!
//! Days are the member's local days, as from
//! [`local_today`](super::counter::local_today). Weeks are ISO weeks, from
//! Monday to Sunday.

use std::fmt;

use jiff::ToSpan;
use jiff::civil::Date;

use super::counter::{CounterError, StartDate};
use super::milestones::days_between;

/// Why a meeting-log form was refused.
///
/// Every variant maps to a stable [`code`](LogError::code) for API clients
/// and templates, and to the request [`field`](LogError::field) it came
/// from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum LogError {
    #[error("a date is written as year-month-day, such as 2024-03-01")]
    DateFormat { field: &'static str },
    #[error("a date can be today or a day before it, not a day still to come")]
    DateInFuture { field: &'static str },
    #[error("a date can be no earlier than 1900-01-01")]
    DateTooEarly { field: &'static str },
    #[error("a meeting's name can have at most {max} characters")]
    NameTooLong { max: usize },
    #[error("a meeting's name cannot contain line breaks, tabs or other control characters")]
    NameControlCharacters,
    #[error("{field} is needed: a whole number from {min} to {max}")]
    NumberEmpty {
        field: &'static str,
        min: u32,
        max: u32,
    },
    #[error("{field} is a whole number from {min} to {max}")]
    NumberOutOfRange {
        field: &'static str,
        min: u32,
        max: u32,
    },
}

impl LogError {
    /// A stable code for API clients and templates.
    pub fn code(&self) -> &'static str {
        match self {
            LogError::DateFormat { .. } => "date_format",
            LogError::DateInFuture { .. } => "date_in_future",
            LogError::DateTooEarly { .. } => "date_too_early",
            LogError::NameTooLong { .. } => "too_long",
            LogError::NameControlCharacters => "control_characters",
            LogError::NumberEmpty { .. } => "empty",
            LogError::NumberOutOfRange { .. } => "out_of_range",
        }
    }

    /// The name of the request field the refused value came from.
    pub fn field(&self) -> &'static str {
        match self {
            LogError::DateFormat { field }
            | LogError::DateInFuture { field }
            | LogError::DateTooEarly { field }
            | LogError::NumberEmpty { field, .. }
            | LogError::NumberOutOfRange { field, .. } => field,
            LogError::NameTooLong { .. } | LogError::NameControlCharacters => MeetingName::FIELD,
        }
    }
}

/// Reads a day a member chose, as a date `<input>` sends it: not after
/// their today and not before 1900, the same rules as a counter's start.
fn parse_day(input: &str, field: &'static str, today: Date) -> Result<Date, LogError> {
    StartDate::parse(input, today)
        .map(StartDate::date)
        .map_err(|error| match error {
            CounterError::StartInFuture => LogError::DateInFuture { field },
            CounterError::StartTooEarly => LogError::DateTooEarly { field },
            _ => LogError::DateFormat { field },
        })
}

/// The name of a meeting that is not in the finder, in the member's words:
/// "Tuesday night Big Book", "the hospital group". One line, trimmed.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct MeetingName(String);

impl MeetingName {
    pub const MAX_CHARS: usize = 120;
    const FIELD: &'static str = "name";

    /// `None` for a name left blank: the member went to a meeting and need
    /// not say which.
    pub fn parse(input: &str) -> Result<Option<MeetingName>, LogError> {
        let name = input.trim();
        if name.is_empty() {
            return Ok(None);
        }
        if name.chars().count() > Self::MAX_CHARS {
            return Err(LogError::NameTooLong {
                max: Self::MAX_CHARS,
            });
        }
        if name.chars().any(char::is_control) {
            return Err(LogError::NameControlCharacters);
        }
        Ok(Some(MeetingName(name.to_owned())))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for MeetingName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Which meeting a member went to.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum AttendedMeeting {
    /// A meeting from the finder, by its slug.
    Listed(String),
    /// A meeting named in the member's words.
    Named(MeetingName),
    /// A meeting, unnamed.
    Unnamed,
}

/// One meeting a member went to, on one of their days.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Attendance {
    day: Date,
    meeting: AttendedMeeting,
}

impl Attendance {
    const DAY_FIELD: &'static str = "day";

    /// Parses the log form: the day, then either the slug of a meeting from
    /// the finder or a name typed in (the slug wins when both come), or
    /// neither.
    pub fn parse(day: &str, listed: &str, name: &str, today: Date) -> Result<Attendance, LogError> {
        let day = parse_day(day, Self::DAY_FIELD, today)?;
        let listed = listed.trim();
        let meeting = if listed.is_empty() {
            MeetingName::parse(name)?.map_or(AttendedMeeting::Unnamed, AttendedMeeting::Named)
        } else {
            AttendedMeeting::Listed(listed.to_owned())
        };
        Ok(Attendance { day, meeting })
    }

    pub fn day(&self) -> Date {
        self.day
    }

    pub fn meeting(&self) -> &AttendedMeeting {
        &self.meeting
    }
}

/// The Monday that begins the ISO week `day` is in.
pub fn week_start(day: Date) -> Date {
    let back = i64::from(day.weekday().to_monday_zero_offset());
    day.saturating_sub(back.days())
}

/// How many meetings a member went to in one week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct WeekCount {
    /// The Monday the week begins on.
    pub monday: Date,
    pub meetings: u32,
}

/// Meetings per week for the `weeks` weeks up to the one with `today` in
/// it, oldest first. Every week is there, with 0 when no meeting was
/// logged; days outside those weeks are left out. A day counts once for
/// each meeting logged on it.
pub fn weekly_counts(attended: &[Date], today: Date, weeks: u32) -> Vec<WeekCount> {
    let this_week = week_start(today);
    let mut counts: Vec<WeekCount> = (0..i64::from(weeks))
        .rev()
        .map(|back| WeekCount {
            monday: this_week.saturating_sub((back * 7).days()),
            meetings: 0,
        })
        .collect();
    let Some(first) = counts.first().map(|week| week.monday) else {
        return counts;
    };
    for &day in attended {
        // Negative for a day before the first week, so left out.
        let index = days_between(first, week_start(day)) / 7;
        if let Some(week) = usize::try_from(index).ok().and_then(|i| counts.get_mut(i)) {
            week.meetings = week.meetings.saturating_add(1);
        }
    }
    counts
}

/// A goal of so many meetings in so many days from a start day the member
/// chose: "90 meetings in 90 days".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MeetingGoal {
    meetings: u32,
    days: u32,
    start: Date,
}

/// Where a meeting goal stands on the member's today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MeetingGoalState {
    /// Going, with as many meetings as the days gone by call for.
    OnPace,
    /// Going; `meetings` more would bring it back on pace.
    BehindPace { meetings: u32 },
    /// As many meetings as the goal, or more: done, whether or not its days
    /// are over.
    Reached,
    /// Its days are over with fewer meetings than the goal. Every one of
    /// them counted.
    Ended,
}

/// A meeting goal's progress on the member's today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MeetingGoalProgress {
    /// Meetings logged on the goal's days.
    pub attended: u32,
    /// Days still to come, today included while the goal is going: 90 on
    /// the first day of "90 in 90", 1 on its last, 0 after.
    pub days_left: u32,
    pub state: MeetingGoalState,
}

impl MeetingGoal {
    pub const MAX_MEETINGS: u32 = 1000;
    pub const MAX_DAYS: u32 = 1000;
    const MEETINGS_FIELD: &'static str = "meetings";
    const DAYS_FIELD: &'static str = "days";
    const START_FIELD: &'static str = "start_date";

    /// A goal as stored: the numbers checked, the start taken as it is.
    pub fn new(meetings: u32, days: u32, start: Date) -> Result<MeetingGoal, LogError> {
        let meetings = in_range(meetings, Self::MEETINGS_FIELD, Self::MAX_MEETINGS)?;
        let days = in_range(days, Self::DAYS_FIELD, Self::MAX_DAYS)?;
        Ok(MeetingGoal {
            meetings,
            days,
            start,
        })
    }

    /// A goal a member is starting now: the start is a day they chose, not
    /// after their today.
    pub fn starting(
        meetings: u32,
        days: u32,
        start: &str,
        today: Date,
    ) -> Result<MeetingGoal, LogError> {
        let meetings = in_range(meetings, Self::MEETINGS_FIELD, Self::MAX_MEETINGS)?;
        let days = in_range(days, Self::DAYS_FIELD, Self::MAX_DAYS)?;
        let start = parse_day(start, Self::START_FIELD, today)?;
        Ok(MeetingGoal {
            meetings,
            days,
            start,
        })
    }

    /// Parses the goal form, its fields in form order.
    pub fn parse(
        meetings: &str,
        days: &str,
        start: &str,
        today: Date,
    ) -> Result<MeetingGoal, LogError> {
        let meetings = parse_number(meetings, Self::MEETINGS_FIELD, Self::MAX_MEETINGS)?;
        let days = parse_number(days, Self::DAYS_FIELD, Self::MAX_DAYS)?;
        MeetingGoal::starting(meetings, days, start, today)
    }

    pub fn meetings(&self) -> u32 {
        self.meetings
    }

    pub fn days(&self) -> u32 {
        self.days
    }

    pub fn start(&self) -> Date {
        self.start
    }

    /// The goal's last day: the start is its first.
    pub fn end(&self) -> Date {
        self.start.saturating_add((i64::from(self.days) - 1).days())
    }

    /// Counts the meetings logged on the goal's days, and says where it
    /// stands on `today`. The pace asks only for the days already over, so
    /// a goal is on pace on its first morning, and each day's meeting can
    /// still be that evening's.
    pub fn progress(&self, attended: &[Date], today: Date) -> MeetingGoalProgress {
        let end = self.end();
        let count = attended
            .iter()
            .filter(|&&day| day >= self.start && day <= end)
            .count();
        let attended = u32::try_from(count).unwrap_or(u32::MAX);
        let days = i64::from(self.days);
        let days_over = days_between(self.start, today).clamp(0, days);
        let days_left = u32::try_from(days - days_over).unwrap_or(0);
        let state = if attended >= self.meetings {
            MeetingGoalState::Reached
        } else if today > end {
            MeetingGoalState::Ended
        } else {
            let due = i64::from(self.meetings) * days_over / days;
            let behind = u32::try_from(due - i64::from(attended)).unwrap_or(0);
            if behind == 0 {
                MeetingGoalState::OnPace
            } else {
                MeetingGoalState::BehindPace { meetings: behind }
            }
        };
        MeetingGoalProgress {
            attended,
            days_left,
            state,
        }
    }
}

fn in_range(value: u32, field: &'static str, max: u32) -> Result<u32, LogError> {
    if (1..=max).contains(&value) {
        Ok(value)
    } else {
        Err(LogError::NumberOutOfRange { field, min: 1, max })
    }
}

fn parse_number(input: &str, field: &'static str, max: u32) -> Result<u32, LogError> {
    let text = input.trim();
    if text.is_empty() {
        return Err(LogError::NumberEmpty { field, min: 1, max });
    }
    let value = text
        .parse::<u32>()
        .map_err(|_| LogError::NumberOutOfRange { field, min: 1, max })?;
    in_range(value, field, max)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    const TODAY: Date = date(2026, 3, 11);

    #[test]
    fn an_attendance_is_a_day_and_a_meeting_from_the_finder() {
        let attendance = Attendance::parse("2026-03-10", " tuesday-big-book ", "", TODAY).unwrap();
        assert_eq!(attendance.day(), date(2026, 3, 10));
        assert_eq!(
            attendance.meeting(),
            &AttendedMeeting::Listed("tuesday-big-book".to_owned())
        );
        // A meeting from the finder wins over a name typed beside it.
        let both = Attendance::parse("2026-03-10", "noon", "Noon group", TODAY).unwrap();
        assert_eq!(both.meeting(), &AttendedMeeting::Listed("noon".to_owned()));
    }

    #[test]
    fn an_attendance_can_name_the_meeting_or_not() {
        let named = Attendance::parse("2026-03-11", "", "  Hospital group ", TODAY).unwrap();
        let AttendedMeeting::Named(name) = named.meeting() else {
            panic!("expected a named meeting, got {named:?}");
        };
        assert_eq!(name.as_str(), "Hospital group");
        assert_eq!(name.to_string(), "Hospital group");
        let unnamed = Attendance::parse("2026-03-11", " ", " ", TODAY).unwrap();
        assert_eq!(unnamed.meeting(), &AttendedMeeting::Unnamed);
    }

    #[test]
    fn a_meeting_name_is_one_line_of_at_most_120_characters() {
        let longest = "ñ".repeat(MeetingName::MAX_CHARS);
        assert_eq!(
            MeetingName::parse(&longest).unwrap().unwrap().as_str(),
            longest
        );
        let error = MeetingName::parse(&format!("{longest}x")).unwrap_err();
        assert_eq!(error, LogError::NameTooLong { max: 120 });
        assert_eq!((error.field(), error.code()), ("name", "too_long"));
        let error = Attendance::parse("2026-03-11", "", "Big\nBook", TODAY).unwrap_err();
        assert_eq!(error, LogError::NameControlCharacters);
        assert_eq!(
            (error.field(), error.code()),
            ("name", "control_characters")
        );
        assert_eq!(
            MeetingName::parse("a\u{7}"),
            Err(LogError::NameControlCharacters)
        );
    }

    #[test]
    fn an_attendance_is_today_or_earlier_and_after_1899() {
        assert_eq!(
            Attendance::parse("2026-03-11", "", "", TODAY)
                .unwrap()
                .day(),
            TODAY
        );
        assert_eq!(
            Attendance::parse("1900-01-01", "", "", TODAY)
                .unwrap()
                .day(),
            date(1900, 1, 1)
        );
        let error = Attendance::parse("2026-03-12", "", "", TODAY).unwrap_err();
        assert_eq!(error, LogError::DateInFuture { field: "day" });
        assert_eq!((error.field(), error.code()), ("day", "date_in_future"));
        let error = Attendance::parse("1899-12-31", "", "", TODAY).unwrap_err();
        assert_eq!((error.field(), error.code()), ("day", "date_too_early"));
        for input in ["", "yesterday", "2026-3-1", "2026-02-30", "11/03/2026"] {
            let error = Attendance::parse(input, "", "", TODAY).unwrap_err();
            assert_eq!(error, LogError::DateFormat { field: "day" }, "{input:?}");
            assert_eq!(error.code(), "date_format");
        }
    }

    #[test]
    fn weeks_begin_on_monday() {
        // 2026-03-09 is a Monday.
        assert_eq!(week_start(date(2026, 3, 9)), date(2026, 3, 9));
        assert_eq!(week_start(date(2026, 3, 11)), date(2026, 3, 9));
        assert_eq!(week_start(date(2026, 3, 15)), date(2026, 3, 9));
        assert_eq!(week_start(date(2026, 3, 16)), date(2026, 3, 16));
        // Across a year's end: 2026-01-01 is a Thursday.
        assert_eq!(week_start(date(2026, 1, 1)), date(2025, 12, 29));
    }

    #[test]
    fn weekly_counts_cover_every_week_oldest_first() {
        let attended = [
            date(2026, 3, 11),
            date(2026, 3, 11),
            date(2026, 3, 9),
            date(2026, 3, 8),
            date(2026, 2, 23),
            // Before the first week shown, and after this week.
            date(2026, 2, 22),
            date(2026, 3, 16),
        ];
        let weeks = weekly_counts(&attended, TODAY, 3);
        assert_eq!(
            weeks,
            [
                WeekCount {
                    monday: date(2026, 2, 23),
                    meetings: 1
                },
                WeekCount {
                    monday: date(2026, 3, 2),
                    meetings: 1
                },
                WeekCount {
                    monday: date(2026, 3, 9),
                    meetings: 3
                },
            ]
        );
        assert!(weekly_counts(&attended, TODAY, 0).is_empty());
        let twelve = weekly_counts(&[], TODAY, 12);
        assert_eq!(twelve.len(), 12);
        assert_eq!(twelve[0].monday, date(2025, 12, 22));
        assert!(twelve.iter().all(|week| week.meetings == 0));
    }

    #[test]
    fn a_meeting_goal_is_parsed_from_its_form() {
        let goal = MeetingGoal::parse(" 90 ", "90", "2026-03-01", TODAY).unwrap();
        assert_eq!(
            (goal.meetings(), goal.days(), goal.start()),
            (90, 90, date(2026, 3, 1))
        );
        assert_eq!(goal.end(), date(2026, 5, 29));
        let one_day = MeetingGoal::parse("2", "1", "2026-03-11", TODAY).unwrap();
        assert_eq!(one_day.end(), TODAY);
    }

    #[test]
    fn a_meeting_goal_needs_sensible_numbers_and_a_start_not_to_come() {
        let error = MeetingGoal::parse("", "90", "2026-03-01", TODAY).unwrap_err();
        assert_eq!(
            error,
            LogError::NumberEmpty {
                field: "meetings",
                min: 1,
                max: 1000
            }
        );
        assert_eq!((error.field(), error.code()), ("meetings", "empty"));
        for input in ["0", "-5", "1001", "ninety", "9.5"] {
            let error = MeetingGoal::parse(input, "90", "2026-03-01", TODAY).unwrap_err();
            assert_eq!((error.field(), error.code()), ("meetings", "out_of_range"));
        }
        let error = MeetingGoal::parse("90", "0", "2026-03-01", TODAY).unwrap_err();
        assert_eq!(
            error,
            LogError::NumberOutOfRange {
                field: "days",
                min: 1,
                max: 1000
            }
        );
        let error = MeetingGoal::parse("90", "90", "2026-03-12", TODAY).unwrap_err();
        assert_eq!(
            error,
            LogError::DateInFuture {
                field: "start_date"
            }
        );
        let error = MeetingGoal::starting(90, 90, "soon", TODAY).unwrap_err();
        assert_eq!((error.field(), error.code()), ("start_date", "date_format"));
        assert_eq!(
            MeetingGoal::new(1001, 90, TODAY),
            Err(LogError::NumberOutOfRange {
                field: "meetings",
                min: 1,
                max: 1000
            })
        );
    }

    /// One meeting on each of `days` days from `start`.
    fn daily(start: Date, days: i64) -> Vec<Date> {
        (0..days).map(|n| start.saturating_add(n.days())).collect()
    }

    #[test]
    fn ninety_in_ninety_counts_only_the_goals_days() {
        let start = date(2026, 1, 1);
        let goal = MeetingGoal::new(90, 90, start).unwrap();
        let mut attended = daily(start, 10);
        attended.push(date(2025, 12, 31));
        attended.push(date(2026, 4, 1));
        let progress = goal.progress(&attended, date(2026, 1, 11));
        assert_eq!(progress.attended, 10);
        assert_eq!(progress.days_left, 80);
        assert_eq!(progress.state, MeetingGoalState::OnPace);
    }

    #[test]
    fn a_goal_is_on_pace_on_its_first_morning() {
        let goal = MeetingGoal::new(90, 90, TODAY).unwrap();
        let progress = goal.progress(&[], TODAY);
        assert_eq!(
            progress,
            MeetingGoalProgress {
                attended: 0,
                days_left: 90,
                state: MeetingGoalState::OnPace
            }
        );
    }

    #[test]
    fn the_pace_asks_only_for_the_days_gone_by() {
        let start = date(2026, 3, 1);
        let goal = MeetingGoal::new(90, 90, start).unwrap();
        // Ten days over, seven meetings: three more would catch up.
        let progress = goal.progress(&daily(start, 7), TODAY);
        assert_eq!(progress.days_left, 80);
        assert_eq!(progress.state, MeetingGoalState::BehindPace { meetings: 3 });
        // Two meetings on one day count twice.
        let mut doubled = daily(start, 9);
        doubled.push(start);
        assert_eq!(
            goal.progress(&doubled, TODAY).state,
            MeetingGoalState::OnPace
        );
        // 30 in 90: one every three days is enough.
        let gentle = MeetingGoal::new(30, 90, start).unwrap();
        assert_eq!(
            gentle.progress(&daily(start, 3), TODAY).state,
            MeetingGoalState::OnPace
        );
    }

    #[test]
    fn a_goal_reached_is_done_even_before_its_days_end() {
        let start = date(2026, 3, 1);
        let goal = MeetingGoal::new(10, 90, start).unwrap();
        let progress = goal.progress(&daily(start, 11), TODAY);
        assert_eq!(progress.attended, 11);
        assert_eq!(progress.state, MeetingGoalState::Reached);
        assert_eq!(progress.days_left, 80);
    }

    #[test]
    fn a_goal_whose_days_are_over_has_ended_with_what_was_done() {
        let start = date(2025, 12, 1);
        let goal = MeetingGoal::new(90, 90, start).unwrap();
        assert_eq!(goal.end(), date(2026, 2, 28));
        let attended = daily(start, 61);
        // The last day is still going.
        let last_day = goal.progress(&attended, date(2026, 2, 28));
        assert_eq!(last_day.days_left, 1);
        assert_eq!(
            last_day.state,
            MeetingGoalState::BehindPace { meetings: 28 }
        );
        let after = goal.progress(&attended, date(2026, 3, 1));
        assert_eq!(
            after,
            MeetingGoalProgress {
                attended: 61,
                days_left: 0,
                state: MeetingGoalState::Ended
            }
        );
        let reached = goal.progress(&daily(start, 90), TODAY);
        assert_eq!(reached.state, MeetingGoalState::Reached);
    }

    #[test]
    fn a_start_after_today_after_a_move_west_has_all_its_days_left() {
        let goal = MeetingGoal::new(90, 90, date(2026, 3, 12)).unwrap();
        let progress = goal.progress(&[], TODAY);
        assert_eq!(progress.days_left, 90);
        assert_eq!(progress.state, MeetingGoalState::OnPace);
    }
}
