//! Milestone celebrations: the groups a member offers a counter's
//! milestones to, and which milestone was last announced or passed over.

use jiff::civil::Date;

use super::CounterId;
use super::day;
use crate::groups::GroupId;
use crate::people::AccountId;
use crate::{BeginWrite, Entity, Store, StoreError, on_pool};

impl Store {
    /// The groups the member offers this counter's milestones to: only
    /// those they are still an active member of.
    pub async fn announcement_groups(
        &self,
        account: AccountId,
        counter: CounterId,
    ) -> Result<Vec<GroupId>, StoreError> {
        let sql = "SELECT a.group_id FROM recovery_counter_groups a
                   JOIN recovery_counters c ON c.id = a.counter_id
                   JOIN memberships m ON m.group_id = a.group_id AND m.account_id = c.account_id
                   WHERE a.counter_id = $1 AND c.account_id = $2 AND m.status = 'active'
                   ORDER BY a.group_id";
        let ids: Vec<i64> = on_pool!(self, |pool| {
            sqlx::query_scalar(sql)
                .bind(counter.0)
                .bind(account.0)
                .fetch_all(pool)
                .await
        })?;
        Ok(ids.into_iter().map(GroupId).collect())
    }

    /// Chooses the groups this counter's milestones are offered to, in one
    /// transaction. Groups the member is not an active member of are left
    /// out: nobody announces into a group they cannot post in.
    pub async fn set_announcement_groups(
        &self,
        account: AccountId,
        counter: CounterId,
        groups: &[GroupId],
    ) -> Result<(), StoreError> {
        let outcome: Result<(), StoreError> = on_pool!(self, |pool| async {
            let mut tx = pool.begin_write().await?;
            let mine: Option<i64> = sqlx::query_scalar(
                "SELECT id FROM recovery_counters WHERE id = $1 AND account_id = $2",
            )
            .bind(counter.0)
            .bind(account.0)
            .fetch_optional(&mut *tx)
            .await?;
            if mine.is_none() {
                tx.rollback().await?;
                return Ok(Err(StoreError::NotFound(Entity::Counter)));
            }
            sqlx::query("DELETE FROM recovery_counter_groups WHERE counter_id = $1")
                .bind(counter.0)
                .execute(&mut *tx)
                .await?;
            for group in groups {
                sqlx::query(
                    "INSERT INTO recovery_counter_groups (counter_id, group_id)
                     SELECT $1, m.group_id FROM memberships m
                     WHERE m.group_id = $2 AND m.account_id = $3 AND m.status = 'active'
                     ON CONFLICT DO NOTHING",
                )
                .bind(counter.0)
                .bind(group.0)
                .bind(account.0)
                .execute(&mut *tx)
                .await?;
            }
            tx.commit().await?;
            Ok::<_, sqlx::Error>(Ok(()))
        }
        .await)?;
        outcome
    }

    /// Records that the milestone on `through` was announced or passed
    /// over, so it is not offered again.
    pub async fn mark_announced(
        &self,
        account: AccountId,
        counter: CounterId,
        through: Date,
    ) -> Result<(), StoreError> {
        let sql = "UPDATE recovery_counters SET announced_through = $3
                   WHERE id = $1 AND account_id = $2";
        change_one_row!(
            self,
            Entity::Counter,
            sql,
            counter.0,
            account.0,
            day(through)
        )
    }
}
