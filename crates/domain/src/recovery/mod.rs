//! Recovery counters, milestones and daily check-ins: the rules behind a
//! member's own record of their recovery.
//!
//! A member keeps one or more counters, each with a label in their own
//! words and a [`Program`] whose milestones it marks. [`counter`] counts
//! days and keeps the history of streaks when a member starts again,
//! [`milestones`] says which milestones have been reached and which comes
//! next, and [`checkin`] parses the daily check-in and counts check-in
//! streaks.
//!
//! Every day here is the member's local day, in the time zone they have
//! now; the caller turns the current instant into that day once, with
//! [`local_today`], and everything after that is plain calendar dates.

pub mod checkin;
pub mod counter;
pub mod goals;
pub mod journal;
pub mod meeting_log;
pub mod milestones;
pub mod partners;

pub use checkin::{
    CheckIn, CheckInError, Craving, Mood, check_in_streak, is_editable, missed_days,
};
pub use counter::{
    CounterError, CounterLabel, Reset, StartDate, Streak, days_clean, local_today, parse_reset,
    reset,
};
pub use goals::{GoalError, GoalState, GoalTitle, MAX_STEPS, StepProgress, StepText, can_add_step};
pub use journal::{JournalError, JournalText};
pub use meeting_log::{
    Attendance, AttendedMeeting, LogError, MeetingGoal, MeetingGoalProgress, MeetingGoalState,
    MeetingName, WeekCount, week_start, weekly_counts,
};
pub use milestones::{ANNOUNCE_WITHIN_DAYS, CleanTime, KeyTag, Milestone, Program, UnknownProgram};
pub use partners::{NudgeAfter, NudgeAfterError, PartnerSees, nudge_due};
