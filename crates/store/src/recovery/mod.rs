//! A member's own recovery record: counters and the streaks they keep,
//! daily check-ins, meetings attended, goals and a journal.
//!
//! Everything here belongs to one member: every function takes the account
//! and reads or changes only that account's rows, so no caller can reach
//! another person's record by id.

/// Runs one statement meant to change exactly one of the member's rows,
/// binding the values in order: [`StoreError::NotFound`](crate::StoreError)
/// for `$entity` when it changed none (there is no such row, or it is
/// someone else's).
macro_rules! change_one_row {
    ($store:expr, $entity:expr, $sql:expr $(, $value:expr)* $(,)?) => {{
        let changed = $crate::on_pool!($store, |pool| {
            sqlx::query($sql)
                $(.bind($value))*
                .execute(pool)
                .await
                .map(|done| done.rows_affected())
        })?;
        $crate::groups::found(changed == 1, $entity)
    }};
}

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
