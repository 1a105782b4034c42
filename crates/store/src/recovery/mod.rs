//! A member's own recovery record: counters and the streaks they keep,
//! daily check-ins, meetings attended, goals and a journal.
//!
//! Everything here belongs to one member: every function takes the account
//! and reads or changes only that account's rows, so no caller can reach
//! another person's record by id.

mod announcements;
mod check_ins;
mod counters;
mod goals;
mod journal;
mod meeting_log;
mod partners;

pub use check_ins::{DayCheckIn, DayScores};
pub use counters::{Counter, CounterId, PastStreak};
pub use goals::{Goal, GoalId, GoalStep, GoalStepId};
pub use journal::{JournalEntry, JournalEntryId};
pub use meeting_log::{LoggedMeeting, LoggedMeetingId, MeetingGoalId, StoredMeetingGoal};
pub use partners::{Nudge, Partnership, PartnershipId, Person};

use jiff::civil::Date;

/// A local day as stored: `YYYY-MM-DD`, which sorts as the date does.
fn day(date: Date) -> String {
    date.to_string()
}
