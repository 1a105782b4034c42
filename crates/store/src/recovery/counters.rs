//! A member's recovery counters and the streaks they keep when they start
//! again.

use hearth_domain::recovery::{CounterLabel, Program, Reset, StartDate};
use jiff::Timestamp;
use jiff::civil::Date;

use super::day;
use crate::people::AccountId;
use crate::sealing::Sealed;
use crate::{BeginWrite, Entity, Store, StoreError, from_seconds, on_pool, to_seconds};

/// The database id of a counter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CounterId(pub i64);

/// A counter as its member sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct Counter {
    pub id: CounterId,
    pub label: String,
    pub program: Program,
    /// The local day the current streak began.
    pub start: Date,
    /// The day of the last milestone the member announced or passed over.
    pub announced_through: Option<Date>,
    pub created_at: Timestamp,
}

/// A streak that ended when the member started again.
#[derive(Debug, Clone, PartialEq)]
pub struct PastStreak {
    pub start: Date,
    pub end: Date,
    /// What the member learned, in their words; may be empty.
    pub learned: String,
    pub recorded_at: Timestamp,
}

#[derive(sqlx::FromRow)]
struct CounterRow {
    id: i64,
    label: String,
    program: String,
    start_date: String,
    announced_through: Option<String>,
    created_at: i64,
}

impl CounterRow {
    /// `None` for a row this version cannot read (a program or date written
    /// by a newer one), rather than failing the member's whole page.
    fn into_counter(self) -> Option<Counter> {
        Some(Counter {
            id: CounterId(self.id),
            label: self.label,
            program: self.program.parse().ok()?,
            start: self.start_date.parse().ok()?,
            announced_through: self.announced_through.and_then(|day| day.parse().ok()),
            created_at: from_seconds(self.created_at),
        })
    }
}

impl Store {
    /// Starts a counter for `account`.
    pub async fn create_counter(
        &self,
        account: AccountId,
        label: &CounterLabel,
        program: Program,
        start: StartDate,
        now: Timestamp,
    ) -> Result<Counter, StoreError> {
        let sql =
            "INSERT INTO recovery_counters (account_id, label, program, start_date, created_at)
                   VALUES ($1, $2, $3, $4, $5) RETURNING id";
        let id: i64 = on_pool!(self, |pool| {
            sqlx::query_scalar(sql)
                .bind(account.0)
                .bind(label.as_str())
                .bind(program.as_str())
                .bind(day(start.date()))
                .bind(to_seconds(now))
                .fetch_one(pool)
                .await
        })?;
        Ok(Counter {
            id: CounterId(id),
            label: label.as_str().to_owned(),
            program,
            start: start.date(),
            announced_through: None,
            created_at: from_seconds(to_seconds(now)),
        })
    }

    /// The member's counters, oldest first.
    pub async fn counters(&self, account: AccountId) -> Result<Vec<Counter>, StoreError> {
        let sql = "SELECT id, label, program, start_date, announced_through, created_at
                   FROM recovery_counters
                   WHERE account_id = $1 ORDER BY id";
        let rows: Vec<CounterRow> = on_pool!(self, |pool| {
            sqlx::query_as(sql).bind(account.0).fetch_all(pool).await
        })?;
        Ok(rows
            .into_iter()
            .filter_map(CounterRow::into_counter)
            .collect())
    }

    /// One of the member's counters; `None` for anyone else's.
    pub async fn counter(
        &self,
        account: AccountId,
        id: CounterId,
    ) -> Result<Option<Counter>, StoreError> {
        let sql = "SELECT id, label, program, start_date, announced_through, created_at
                   FROM recovery_counters
                   WHERE id = $1 AND account_id = $2";
        let row: Option<CounterRow> = on_pool!(self, |pool| {
            sqlx::query_as(sql)
                .bind(id.0)
                .bind(account.0)
                .fetch_optional(pool)
                .await
        })?;
        Ok(row.and_then(CounterRow::into_counter))
    }

    /// Renames a counter or changes its program.
    pub async fn update_counter(
        &self,
        account: AccountId,
        id: CounterId,
        label: &CounterLabel,
        program: Program,
    ) -> Result<(), StoreError> {
        let sql = "UPDATE recovery_counters SET label = $3, program = $4
                   WHERE id = $1 AND account_id = $2";
        change_one_row!(
            self,
            Entity::Counter,
            sql,
            id.0,
            account.0,
            label.as_str(),
            program.as_str()
        )
    }

    /// Starts the counter again from `reset.new_start`, keeping the streak
    /// that ended (with what the member learned) in its history, in one
    /// transaction. The reset must have been made from the counter's
    /// current start: a second form sent with the old start changes
    /// nothing ([`StoreError::Conflict`]).
    pub async fn reset_counter(
        &self,
        account: AccountId,
        id: CounterId,
        reset: &Reset,
        learned: &str,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        let kept_start = day(reset.kept.start());
        let kept_end = reset
            .kept
            .end()
            .map(day)
            .unwrap_or_else(|| kept_start.clone());
        let new_start = day(reset.new_start.date());
        let learned = self.seal(Sealed::StreakLearned, account.0, learned)?;
        let now = to_seconds(now);
        let outcome: Result<(), StoreError> = on_pool!(self, |pool| async {
            let mut tx = pool.begin_write().await?;
            let moved = sqlx::query(
                "UPDATE recovery_counters SET start_date = $4
                 WHERE id = $1 AND account_id = $2 AND start_date = $3",
            )
            .bind(id.0)
            .bind(account.0)
            .bind(&kept_start)
            .bind(&new_start)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if moved != 1 {
                let mine: Option<i64> = sqlx::query_scalar(
                    "SELECT id FROM recovery_counters WHERE id = $1 AND account_id = $2",
                )
                .bind(id.0)
                .bind(account.0)
                .fetch_optional(&mut *tx)
                .await?;
                tx.rollback().await?;
                return Ok(Err(match mine {
                    Some(_) => StoreError::Conflict(Entity::Counter),
                    None => StoreError::NotFound(Entity::Counter),
                }));
            }
            sqlx::query(
                "INSERT INTO recovery_streaks (counter_id, start_date, end_date, learned,
                     created_at)
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(id.0)
            .bind(&kept_start)
            .bind(&kept_end)
            .bind(&learned)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
            Ok::<_, sqlx::Error>(Ok(()))
        }
        .await)?;
        outcome
    }

    /// The streaks of one of the member's counters that ended, newest
    /// first; empty for anyone else's counter.
    pub async fn past_streaks(
        &self,
        account: AccountId,
        id: CounterId,
    ) -> Result<Vec<PastStreak>, StoreError> {
        let sql = "SELECT s.start_date, s.end_date, s.learned, s.created_at
                   FROM recovery_streaks s
                   JOIN recovery_counters c ON c.id = s.counter_id
                   WHERE s.counter_id = $1 AND c.account_id = $2
                   ORDER BY s.id DESC";
        let rows: Vec<(String, String, String, i64)> = on_pool!(self, |pool| {
            sqlx::query_as(sql)
                .bind(id.0)
                .bind(account.0)
                .fetch_all(pool)
                .await
        })?;
        let mut streaks = Vec::with_capacity(rows.len());
        for (start, end, learned, at) in rows {
            let learned = self.open(Sealed::StreakLearned, account.0, &learned)?;
            // A row this version cannot read is left out, not the page.
            if let (Ok(start), Ok(end)) = (start.parse(), end.parse()) {
                streaks.push(PastStreak {
                    start,
                    end,
                    learned,
                    recorded_at: from_seconds(at),
                });
            }
        }
        Ok(streaks)
    }

    /// Deletes one of the member's counters, with its history.
    pub async fn delete_counter(
        &self,
        account: AccountId,
        id: CounterId,
    ) -> Result<(), StoreError> {
        let sql = "DELETE FROM recovery_counters WHERE id = $1 AND account_id = $2";
        change_one_row!(self, Entity::Counter, sql, id.0, account.0)
    }
}
