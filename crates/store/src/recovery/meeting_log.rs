//! The meetings a member went to, and their "so many meetings in so many
//! days" goals.

use hearth_domain::recovery::{Attendance, AttendedMeeting, MeetingGoal};
use jiff::Timestamp;
use jiff::civil::Date;

use super::day;
use crate::people::AccountId;
use crate::{Entity, Store, StoreError, from_seconds, on_pool, to_seconds};

/// The database id of one meeting in a member's log.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LoggedMeetingId(pub i64);

/// One meeting a member went to, as their log shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct LoggedMeeting {
    pub id: LoggedMeetingId,
    /// The member's local day.
    pub day: Date,
    /// The meeting's name: its name in the finder while it is listed, the
    /// name it had (or the member gave it) after; `None` when unnamed.
    pub name: Option<String>,
    /// The slug of its page in the finder, while it is listed there.
    pub slug: Option<String>,
    pub created_at: Timestamp,
}

/// The database id of a meeting goal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct MeetingGoalId(pub i64);

/// A meeting goal a member set.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredMeetingGoal {
    pub id: MeetingGoalId,
    pub goal: MeetingGoal,
    pub created_at: Timestamp,
}

#[derive(sqlx::FromRow)]
struct LogRow {
    id: i64,
    day: String,
    name: Option<String>,
    slug: Option<String>,
    created_at: i64,
}

impl LogRow {
    /// `None` for a row this version cannot read, rather than failing the
    /// member's whole page.
    fn into_logged(self) -> Option<LoggedMeeting> {
        Some(LoggedMeeting {
            id: LoggedMeetingId(self.id),
            day: self.day.parse().ok()?,
            name: self.name,
            slug: self.slug,
            created_at: from_seconds(self.created_at),
        })
    }
}

#[derive(sqlx::FromRow)]
struct GoalRow {
    id: i64,
    meetings: i32,
    days: i32,
    start_date: String,
    created_at: i64,
}

impl GoalRow {
    fn into_goal(self) -> Option<StoredMeetingGoal> {
        let goal = MeetingGoal::new(
            u32::try_from(self.meetings).ok()?,
            u32::try_from(self.days).ok()?,
            self.start_date.parse().ok()?,
        )
        .ok()?;
        Some(StoredMeetingGoal {
            id: MeetingGoalId(self.id),
            goal,
            created_at: from_seconds(self.created_at),
        })
    }
}

/// A goal's numbers as stored; the domain keeps them far below `i32::MAX`.
fn stored_number(n: u32) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

impl Store {
    /// Adds a meeting to the member's log. A meeting from the finder is
    /// found by its slug (as its page is) and linked, its name kept beside
    /// the link; [`StoreError::NotFound`] when no meeting has the slug.
    pub async fn log_meeting(
        &self,
        account: AccountId,
        attendance: &Attendance,
        now: Timestamp,
    ) -> Result<LoggedMeeting, StoreError> {
        let on = day(attendance.day());
        let now = to_seconds(now);
        let (id, name, slug) = match attendance.meeting() {
            AttendedMeeting::Listed(slug) => {
                let sql = "INSERT INTO recovery_meeting_log
                               (account_id, day, meeting_id, meeting_name, created_at)
                           SELECT $1, $2, id, name, $4 FROM meetings
                           WHERE slug = $3 ORDER BY source LIMIT 1
                           RETURNING id, meeting_name";
                let row: Option<(i64, Option<String>)> = on_pool!(self, |pool| {
                    sqlx::query_as(sql)
                        .bind(account.0)
                        .bind(&on)
                        .bind(slug)
                        .bind(now)
                        .fetch_optional(pool)
                        .await
                })?;
                let (id, name) = row.ok_or(StoreError::NotFound(Entity::Meeting))?;
                (id, name, Some(slug.clone()))
            }
            AttendedMeeting::Named(name) => {
                let id = self.log_unlisted(account, &on, Some(name.as_str()), now);
                (id.await?, Some(name.as_str().to_owned()), None)
            }
            AttendedMeeting::Unnamed => (
                self.log_unlisted(account, &on, None, now).await?,
                None,
                None,
            ),
        };
        Ok(LoggedMeeting {
            id: LoggedMeetingId(id),
            day: attendance.day(),
            name,
            slug,
            created_at: from_seconds(now),
        })
    }

    /// Logs a meeting that is not in the finder, named or not.
    async fn log_unlisted(
        &self,
        account: AccountId,
        on: &str,
        name: Option<&str>,
        now: i64,
    ) -> Result<i64, StoreError> {
        let sql = "INSERT INTO recovery_meeting_log
                       (account_id, day, meeting_id, meeting_name, created_at)
                   VALUES ($1, $2, NULL, $3, $4) RETURNING id";
        let id: i64 = on_pool!(self, |pool| {
            sqlx::query_scalar(sql)
                .bind(account.0)
                .bind(on)
                .bind(name)
                .bind(now)
                .fetch_one(pool)
                .await
        })?;
        Ok(id)
    }

    /// The meetings the member went to from `from` to `to`, both included,
    /// the latest first.
    pub async fn meeting_log(
        &self,
        account: AccountId,
        from: Date,
        to: Date,
    ) -> Result<Vec<LoggedMeeting>, StoreError> {
        let sql = "SELECT l.id, l.day, COALESCE(m.name, l.meeting_name) AS name, m.slug,
                          l.created_at
                   FROM recovery_meeting_log l LEFT JOIN meetings m ON m.id = l.meeting_id
                   WHERE l.account_id = $1 AND l.day >= $2 AND l.day <= $3
                   ORDER BY l.day DESC, l.id DESC";
        let rows: Vec<LogRow> = on_pool!(self, |pool| {
            sqlx::query_as(sql)
                .bind(account.0)
                .bind(day(from))
                .bind(day(to))
                .fetch_all(pool)
                .await
        })?;
        Ok(rows.into_iter().filter_map(LogRow::into_logged).collect())
    }

    /// The day of each meeting the member went to from `from` on, once for
    /// each meeting: what weekly counts and goals are counted from.
    pub async fn attended_days(
        &self,
        account: AccountId,
        from: Date,
    ) -> Result<Vec<Date>, StoreError> {
        let sql = "SELECT day FROM recovery_meeting_log
                   WHERE account_id = $1 AND day >= $2 ORDER BY day";
        let days: Vec<String> = on_pool!(self, |pool| {
            sqlx::query_scalar(sql)
                .bind(account.0)
                .bind(day(from))
                .fetch_all(pool)
                .await
        })?;
        Ok(days.iter().filter_map(|day| day.parse().ok()).collect())
    }

    /// Takes one meeting out of the member's log.
    pub async fn delete_logged_meeting(
        &self,
        account: AccountId,
        id: LoggedMeetingId,
    ) -> Result<(), StoreError> {
        let sql = "DELETE FROM recovery_meeting_log WHERE id = $1 AND account_id = $2";
        change_one_row!(self, Entity::LoggedMeeting, sql, id.0, account.0)
    }

    /// Sets a meeting goal for the member.
    pub async fn create_meeting_goal(
        &self,
        account: AccountId,
        goal: &MeetingGoal,
        now: Timestamp,
    ) -> Result<StoredMeetingGoal, StoreError> {
        let sql = "INSERT INTO recovery_meeting_goals
                       (account_id, meetings, days, start_date, created_at)
                   VALUES ($1, $2, $3, $4, $5) RETURNING id";
        let id: i64 = on_pool!(self, |pool| {
            sqlx::query_scalar(sql)
                .bind(account.0)
                .bind(stored_number(goal.meetings()))
                .bind(stored_number(goal.days()))
                .bind(day(goal.start()))
                .bind(to_seconds(now))
                .fetch_one(pool)
                .await
        })?;
        Ok(StoredMeetingGoal {
            id: MeetingGoalId(id),
            goal: *goal,
            created_at: from_seconds(to_seconds(now)),
        })
    }

    /// The member's meeting goals, the latest set first.
    pub async fn meeting_goals(
        &self,
        account: AccountId,
    ) -> Result<Vec<StoredMeetingGoal>, StoreError> {
        let sql = "SELECT id, meetings, days, start_date, created_at FROM recovery_meeting_goals
                   WHERE account_id = $1 ORDER BY id DESC";
        let rows: Vec<GoalRow> = on_pool!(self, |pool| {
            sqlx::query_as(sql).bind(account.0).fetch_all(pool).await
        })?;
        Ok(rows.into_iter().filter_map(GoalRow::into_goal).collect())
    }

    /// Deletes one of the member's meeting goals; the meetings stay logged.
    pub async fn delete_meeting_goal(
        &self,
        account: AccountId,
        id: MeetingGoalId,
    ) -> Result<(), StoreError> {
        let sql = "DELETE FROM recovery_meeting_goals WHERE id = $1 AND account_id = $2";
        change_one_row!(self, Entity::MeetingGoal, sql, id.0, account.0)
    }
}
