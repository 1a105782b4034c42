//! Accountability partners, and the nudges partners get when a member they
//! support has gone quiet.
//!
//! A partnership is reached only through one of its two people: every
//! function takes the account asking, and a partnership that is not theirs
//! is not found. What a partner may see of the member is decided by the
//! caller from [`Partnership::sees`]; the member's own rows are then read
//! with the member's account, as the member's pages read them.

use hearth_domain::recovery::{NudgeAfter, PartnerSees, local_today, nudge_due};
use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;

use super::day;
use crate::people::AccountId;
use crate::{BeginWrite, Entity, Store, StoreError, from_seconds, on_pool, to_seconds};

/// The database id of a partnership.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PartnershipId(pub i64);

/// One of the two people in a partnership.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub id: AccountId,
    pub handle: String,
}

/// A member and a partner who supports them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Partnership {
    pub id: PartnershipId,
    /// The member being supported, who invited the partner.
    pub member: Person,
    pub partner: Person,
    /// `None` while the invitation waits for the partner.
    pub accepted_at: Option<Timestamp>,
    pub sees: PartnerSees,
    pub created_at: Timestamp,
}

/// A gentle note to a partner that a member has gone quiet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Nudge {
    pub member: Person,
    pub missed_days: i64,
    pub created_at: Timestamp,
    pub read: bool,
}

#[derive(sqlx::FromRow)]
struct PartnershipRow {
    id: i64,
    member_id: i64,
    member_handle: String,
    partner_id: i64,
    partner_handle: String,
    accepted_at: Option<i64>,
    sees_counters: bool,
    sees_scores: bool,
    sees_notes: bool,
    sees_missed: bool,
    created_at: i64,
}

impl From<PartnershipRow> for Partnership {
    fn from(row: PartnershipRow) -> Partnership {
        Partnership {
            id: PartnershipId(row.id),
            member: Person {
                id: AccountId(row.member_id),
                handle: row.member_handle,
            },
            partner: Person {
                id: AccountId(row.partner_id),
                handle: row.partner_handle,
            },
            accepted_at: row.accepted_at.map(from_seconds),
            sees: PartnerSees {
                counters: row.sees_counters,
                scores: row.sees_scores,
                notes: row.sees_notes,
                missed: row.sees_missed,
            },
            created_at: from_seconds(row.created_at),
        }
    }
}

/// The start of every read of partnerships, with both people's handles.
macro_rules! partnership_select {
    () => {
        "SELECT p.id, p.member_id, m.handle AS member_handle,
         p.partner_id, q.handle AS partner_handle, p.accepted_at, p.sees_counters,
         p.sees_scores, p.sees_notes, p.sees_missed, p.created_at
     FROM recovery_partners p
     JOIN accounts m ON m.id = p.member_id
     JOIN accounts q ON q.id = p.partner_id"
    };
}

impl Store {
    /// Invites the person with `partner_key` (a handle key) to be
    /// `member`'s partner, seeing what `sees` allows once they accept.
    /// [`StoreError::NotFound`] when nobody has that handle (or it is the
    /// member's own), [`StoreError::Conflict`] when they are already
    /// invited or a partner.
    pub async fn invite_partner(
        &self,
        member: AccountId,
        partner_key: &str,
        sees: PartnerSees,
        now: Timestamp,
    ) -> Result<PartnershipId, StoreError> {
        let sql = "INSERT INTO recovery_partners (member_id, partner_id, sees_counters,
                       sees_scores, sees_notes, sees_missed, created_at)
                   SELECT $1, a.id, $3, $4, $5, $6, $7 FROM accounts a
                   WHERE a.handle_key = $2 AND a.id <> $1
                   RETURNING id";
        let id: Option<i64> = on_pool!(self, |pool| {
            sqlx::query_scalar(sql)
                .bind(member.0)
                .bind(partner_key)
                .bind(sees.counters)
                .bind(sees.scores)
                .bind(sees.notes)
                .bind(sees.missed)
                .bind(to_seconds(now))
                .fetch_optional(pool)
                .await
        })
        .map_err(StoreError::conflict_on_unique(Entity::Partnership))?;
        id.map(PartnershipId)
            .ok_or(StoreError::NotFound(Entity::Account))
    }

    /// Every partnership `account` is in, either side, invitations too,
    /// oldest first.
    pub async fn partnerships(&self, account: AccountId) -> Result<Vec<Partnership>, StoreError> {
        let sql = concat!(
            partnership_select!(),
            " WHERE p.member_id = $1 OR p.partner_id = $1 ORDER BY p.id"
        );
        let rows: Vec<PartnershipRow> = on_pool!(self, |pool| {
            sqlx::query_as(sql).bind(account.0).fetch_all(pool).await
        })?;
        Ok(rows.into_iter().map(Partnership::from).collect())
    }

    /// One partnership `account` is in, either side; `None` for anyone
    /// else's.
    pub async fn partnership(
        &self,
        account: AccountId,
        id: PartnershipId,
    ) -> Result<Option<Partnership>, StoreError> {
        let sql = concat!(
            partnership_select!(),
            " WHERE p.id = $1 AND (p.member_id = $2 OR p.partner_id = $2)"
        );
        let row: Option<PartnershipRow> = on_pool!(self, |pool| {
            sqlx::query_as(sql)
                .bind(id.0)
                .bind(account.0)
                .fetch_optional(pool)
                .await
        })?;
        Ok(row.map(Partnership::from))
    }

    /// The invited partner says yes.
    pub async fn accept_partnership(
        &self,
        partner: AccountId,
        id: PartnershipId,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        let sql = "UPDATE recovery_partners SET accepted_at = $3
                   WHERE id = $1 AND partner_id = $2 AND accepted_at IS NULL";
        change_one_row!(
            self,
            Entity::Partnership,
            sql,
            id.0,
            partner.0,
            to_seconds(now)
        )
    }

    /// The member changes what their partner sees.
    pub async fn set_partner_sees(
        &self,
        member: AccountId,
        id: PartnershipId,
        sees: PartnerSees,
    ) -> Result<(), StoreError> {
        let sql = "UPDATE recovery_partners SET sees_counters = $3, sees_scores = $4,
                       sees_notes = $5, sees_missed = $6
                   WHERE id = $1 AND member_id = $2";
        change_one_row!(
            self,
            Entity::Partnership,
            sql,
            id.0,
            member.0,
            sees.counters,
            sees.scores,
            sees.notes,
            sees.missed
        )
    }

    /// Ends a partnership, or declines or withdraws an invitation: either
    /// of the two may, at any time. The partner's nudges about the member
    /// go with it.
    pub async fn end_partnership(
        &self,
        account: AccountId,
        id: PartnershipId,
    ) -> Result<(), StoreError> {
        let outcome: Result<(), StoreError> = on_pool!(self, |pool| async {
            let mut tx = pool.begin_write().await?;
            let pair: Option<(i64, i64)> = sqlx::query_as(
                "DELETE FROM recovery_partners
                 WHERE id = $1 AND (member_id = $2 OR partner_id = $2)
                 RETURNING member_id, partner_id",
            )
            .bind(id.0)
            .bind(account.0)
            .fetch_optional(&mut *tx)
            .await?;
            let Some((member, partner)) = pair else {
                tx.rollback().await?;
                return Ok(Err(StoreError::NotFound(Entity::Partnership)));
            };
            sqlx::query("DELETE FROM recovery_nudges WHERE member_id = $1 AND partner_id = $2")
                .bind(member)
                .bind(partner)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            Ok::<_, sqlx::Error>(Ok(()))
        }
        .await)?;
        outcome
    }

    /// After how many quiet days the member's partners are nudged.
    pub async fn nudge_after(&self, member: AccountId) -> Result<NudgeAfter, StoreError> {
        let sql = "SELECT nudge_after_days FROM accounts WHERE id = $1";
        let days: Option<i32> = on_pool!(self, |pool| {
            sqlx::query_scalar(sql)
                .bind(member.0)
                .fetch_optional(pool)
                .await
        })?;
        let days = days.ok_or(StoreError::NotFound(Entity::Account))?;
        Ok(u8::try_from(days)
            .ok()
            .and_then(|days| NudgeAfter::new(days).ok())
            .unwrap_or_default())
    }

    pub async fn set_nudge_after(
        &self,
        member: AccountId,
        after: NudgeAfter,
    ) -> Result<(), StoreError> {
        let sql = "UPDATE accounts SET nudge_after_days = $2 WHERE id = $1";
        change_one_row!(
            self,
            Entity::Account,
            sql,
            member.0,
            i32::from(after.days())
        )
    }

    /// Nudges the partners of every member who has gone quiet for as many
    /// days as they chose, once per quiet spell, counting days in each
    /// member's own time zone. Safe to run on several nodes at once: a
    /// spell is claimed in the same transaction as its nudge. Returns how
    /// many nudges were sent.
    pub async fn nudge_partners(&self, now: Timestamp) -> Result<u64, StoreError> {
        let sql = "SELECT p.id, p.member_id, p.partner_id, p.nudged_for, a.time_zone,
                       a.nudge_after_days,
                       (SELECT MAX(c.day) FROM recovery_check_ins c
                        WHERE c.account_id = p.member_id) AS last_day
                   FROM recovery_partners p JOIN accounts a ON a.id = p.member_id
                   WHERE p.accepted_at IS NOT NULL AND p.sees_missed";
        type Row = (
            i64,
            i64,
            i64,
            Option<String>,
            Option<String>,
            i32,
            Option<String>,
        );
        let rows: Vec<Row> = on_pool!(self, |pool| { sqlx::query_as(sql).fetch_all(pool).await })?;
        let mut sent = 0;
        for (id, member, partner, nudged_for, zone, after, last) in rows {
            let Some(last) = last.as_deref().and_then(|day| day.parse::<Date>().ok()) else {
                continue;
            };
            let zone = (zone.as_deref())
                .and_then(|name| TimeZone::get(name).ok())
                .unwrap_or(TimeZone::UTC);
            let after = (u8::try_from(after).ok())
                .and_then(|days| NudgeAfter::new(days).ok())
                .unwrap_or_default();
            let today = local_today(now, &zone);
            let Some(missed) = nudge_due(Some(last), today, after) else {
                continue;
            };
            let last = day(last);
            if nudged_for.as_deref() == Some(last.as_str()) {
                continue;
            }
            let claimed: bool = on_pool!(self, |pool| {
                async {
                let mut tx = pool.begin_write().await?;
                let claimed = sqlx::query(
                    "UPDATE recovery_partners SET nudged_for = $2
                     WHERE id = $1 AND (nudged_for IS NULL OR nudged_for <> $2)",
                )
                .bind(id)
                .bind(&last)
                .execute(&mut *tx)
                .await?
                .rows_affected()
                    == 1;
                if claimed {
                    sqlx::query(
                        "INSERT INTO recovery_nudges (partner_id, member_id, missed_days, created_at)
                         VALUES ($1, $2, $3, $4)",
                    )
                    .bind(partner)
                    .bind(member)
                    .bind(i32::try_from(missed).unwrap_or(i32::MAX))
                    .bind(to_seconds(now))
                    .execute(&mut *tx)
                    .await?;
                }
                tx.commit().await?;
                Ok::<_, sqlx::Error>(claimed)
            }
            .await
            })?;
            sent += u64::from(claimed);
        }
        Ok(sent)
    }

    /// The partner's nudges, newest first.
    pub async fn nudges(&self, partner: AccountId) -> Result<Vec<Nudge>, StoreError> {
        let sql = "SELECT n.member_id, a.handle, n.missed_days, n.created_at, n.read_at
                   FROM recovery_nudges n JOIN accounts a ON a.id = n.member_id
                   WHERE n.partner_id = $1 ORDER BY n.id DESC LIMIT 50";
        let rows: Vec<(i64, String, i32, i64, Option<i64>)> = on_pool!(self, |pool| {
            sqlx::query_as(sql).bind(partner.0).fetch_all(pool).await
        })?;
        Ok(rows
            .into_iter()
            .map(|(member, handle, missed, at, read_at)| Nudge {
                member: Person {
                    id: AccountId(member),
                    handle,
                },
                missed_days: i64::from(missed),
                created_at: from_seconds(at),
                read: read_at.is_some(),
            })
            .collect())
    }

    /// Marks the partner's nudges read.
    pub async fn read_nudges(&self, partner: AccountId, now: Timestamp) -> Result<(), StoreError> {
        let sql = "UPDATE recovery_nudges SET read_at = $2
                   WHERE partner_id = $1 AND read_at IS NULL";
        on_pool!(self, |pool| {
            sqlx::query(sql)
                .bind(partner.0)
                .bind(to_seconds(now))
                .execute(pool)
                .await
                .map(|_| ())
        })?;
        Ok(())
    }
}
