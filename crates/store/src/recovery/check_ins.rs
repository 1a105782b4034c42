//! Daily check-ins: one per member per local day. The scores are plain so
//! charts can be drawn from them; what helped and the note are sealed.

use hearth_domain::recovery::{CheckIn, Craving, Mood};
use jiff::Timestamp;
use jiff::civil::Date;

use super::day;
use crate::people::AccountId;
use crate::sealing::Sealed;
use crate::{BeginWrite, Store, StoreError, from_seconds, on_pool, to_seconds};

/// A check-in as its member reads it.
#[derive(Debug, Clone, PartialEq)]
pub struct DayCheckIn {
    pub day: Date,
    pub check_in: CheckIn,
    pub updated_at: Timestamp,
}

/// A day's scores, without the private words: for charts and streaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayScores {
    pub day: Date,
    pub mood: Mood,
    pub craving: Craving,
    pub used: Option<bool>,
}

#[derive(sqlx::FromRow)]
struct CheckInRow {
    day: String,
    mood: i32,
    craving: i32,
    used: Option<bool>,
    helped: String,
    note: String,
    updated_at: i64,
}

#[derive(sqlx::FromRow)]
struct ScoresRow {
    day: String,
    mood: i32,
    craving: i32,
    used: Option<bool>,
}

impl ScoresRow {
    /// `None` for a row this version cannot read, rather than failing the
    /// member's whole page.
    fn into_scores(self) -> Option<DayScores> {
        Some(DayScores {
            day: self.day.parse().ok()?,
            mood: Mood::new(u8::try_from(self.mood).ok()?).ok()?,
            craving: Craving::new(u8::try_from(self.craving).ok()?).ok()?,
            used: self.used,
        })
    }
}

impl Store {
    /// Saves the member's check-in for `day`, replacing one already made
    /// that day. Returns whether it was the day's first.
    pub async fn save_check_in(
        &self,
        account: AccountId,
        on: Date,
        check_in: &CheckIn,
        now: Timestamp,
    ) -> Result<bool, StoreError> {
        let helped = self.seal(Sealed::CheckInHelped, account.0, check_in.helped())?;
        let note = self.seal(Sealed::CheckInNote, account.0, check_in.note())?;
        let sql = "INSERT INTO recovery_check_ins
                       (account_id, day, mood, craving, used, helped, note, created_at, updated_at)
                   VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)
                   ON CONFLICT (account_id, day) DO UPDATE SET
                       mood = excluded.mood, craving = excluded.craving, used = excluded.used,
                       helped = excluded.helped, note = excluded.note,
                       updated_at = excluded.updated_at";
        let first: bool = on_pool!(self, |pool| async {
            let mut tx = pool.begin_write().await?;
            let earlier: Option<i64> = sqlx::query_scalar(
                "SELECT id FROM recovery_check_ins WHERE account_id = $1 AND day = $2",
            )
            .bind(account.0)
            .bind(day(on))
            .fetch_optional(&mut *tx)
            .await?;
            sqlx::query(sql)
                .bind(account.0)
                .bind(day(on))
                .bind(i32::from(check_in.mood().get()))
                .bind(i32::from(check_in.craving().get()))
                .bind(check_in.used())
                .bind(&helped)
                .bind(&note)
                .bind(to_seconds(now))
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            Ok::<_, sqlx::Error>(earlier.is_none())
        }
        .await)?;
        Ok(first)
    }

    /// The member's check-ins from `from` to `to`, both included, newest
    /// first, with their words opened.
    pub async fn check_ins(
        &self,
        account: AccountId,
        from: Date,
        to: Date,
    ) -> Result<Vec<DayCheckIn>, StoreError> {
        let sql = "SELECT day, mood, craving, used, helped, note, updated_at
                   FROM recovery_check_ins
                   WHERE account_id = $1 AND day >= $2 AND day <= $3
                   ORDER BY day DESC";
        let rows: Vec<CheckInRow> = on_pool!(self, |pool| {
            sqlx::query_as(sql)
                .bind(account.0)
                .bind(day(from))
                .bind(day(to))
                .fetch_all(pool)
                .await
        })?;
        let mut check_ins = Vec::with_capacity(rows.len());
        for row in rows {
            let helped = self.open(Sealed::CheckInHelped, account.0, &row.helped)?;
            let note = self.open(Sealed::CheckInNote, account.0, &row.note)?;
            let scores = ScoresRow {
                day: row.day,
                mood: row.mood,
                craving: row.craving,
                used: row.used,
            };
            let Some(scores) = scores.into_scores() else {
                continue;
            };
            let Ok(check_in) =
                CheckIn::new(scores.mood, scores.craving, scores.used, &helped, &note)
            else {
                continue;
            };
            check_ins.push(DayCheckIn {
                day: scores.day,
                check_in,
                updated_at: from_seconds(row.updated_at),
            });
        }
        Ok(check_ins)
    }

    /// The member's check-in on one day, if they made one.
    pub async fn check_in_on(
        &self,
        account: AccountId,
        on: Date,
    ) -> Result<Option<DayCheckIn>, StoreError> {
        Ok(self.check_ins(account, on, on).await?.pop())
    }

    /// The scores of the member's check-ins from `from` on, oldest first:
    /// no private words are opened for these.
    pub async fn check_in_scores(
        &self,
        account: AccountId,
        from: Date,
    ) -> Result<Vec<DayScores>, StoreError> {
        let sql = "SELECT day, mood, craving, used FROM recovery_check_ins
                   WHERE account_id = $1 AND day >= $2 ORDER BY day";
        let rows: Vec<ScoresRow> = on_pool!(self, |pool| {
            sqlx::query_as(sql)
                .bind(account.0)
                .bind(day(from))
                .fetch_all(pool)
                .await
        })?;
        Ok(rows
            .into_iter()
            .filter_map(ScoresRow::into_scores)
            .collect())
    }

    /// The local day of the member's latest check-in.
    pub async fn last_check_in_day(&self, account: AccountId) -> Result<Option<Date>, StoreError> {
        let sql = "SELECT MAX(day) FROM recovery_check_ins WHERE account_id = $1";
        let last: Option<String> = on_pool!(self, |pool| {
            sqlx::query_scalar(sql)
                .bind(account.0)
                .fetch_one(pool)
                .await
        })?;
        Ok(last.and_then(|day| day.parse().ok()))
    }
}
