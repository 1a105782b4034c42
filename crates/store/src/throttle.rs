//! Failed sign-ins, and the writes that rate limits count, kept in the
//! database so the limits hold across nodes.

use hearth_domain::throttle::RateAction;
use jiff::Timestamp;

use crate::people::AccountId;
use crate::{Store, StoreError, from_seconds, on_pool, to_seconds};

impl Store {
    pub async fn record_failed_login(
        &self,
        handle_key: &str,
        address: &str,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        let sql =
            "INSERT INTO failed_logins (handle_key, address, attempted_at) VALUES ($1, $2, $3)";
        on_pool!(self, |pool| {
            sqlx::query(sql)
                .bind(handle_key)
                .bind(address)
                .bind(to_seconds(now))
                .execute(pool)
                .await
                .map(|_| ())
        })?;
        Ok(())
    }

    /// Failed sign-ins for a handle at or after `since`, newest first, at most
    /// `limit` of them.
    pub async fn failed_logins_for_handle(
        &self,
        handle_key: &str,
        since: Timestamp,
        limit: usize,
    ) -> Result<Vec<Timestamp>, StoreError> {
        let sql = "SELECT attempted_at FROM failed_logins
                   WHERE handle_key = $1 AND attempted_at >= $2
                   ORDER BY attempted_at DESC LIMIT $3";
        self.failed_logins(sql, handle_key, since, limit).await
    }

    /// Failed sign-ins from a network address at or after `since`, newest
    /// first, at most `limit` of them.
    pub async fn failed_logins_from_address(
        &self,
        address: &str,
        since: Timestamp,
        limit: usize,
    ) -> Result<Vec<Timestamp>, StoreError> {
        let sql = "SELECT attempted_at FROM failed_logins
                   WHERE address = $1 AND attempted_at >= $2
                   ORDER BY attempted_at DESC LIMIT $3";
        self.failed_logins(sql, address, since, limit).await
    }

    async fn failed_logins(
        &self,
        sql: &'static str,
        key: &str,
        since: Timestamp,
        limit: usize,
    ) -> Result<Vec<Timestamp>, StoreError> {
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let seconds: Vec<i64> = on_pool!(self, |pool| {
            sqlx::query_scalar(sql)
                .bind(key)
                .bind(to_seconds(since))
                .bind(limit)
                .fetch_all(pool)
                .await
        })?;
        Ok(seconds.into_iter().map(from_seconds).collect())
    }

    /// Forgets a handle's failures, after it signs in successfully.
    pub async fn clear_failed_logins_for_handle(&self, handle_key: &str) -> Result<(), StoreError> {
        let sql = "DELETE FROM failed_logins WHERE handle_key = $1";
        on_pool!(self, |pool| {
            sqlx::query(sql)
                .bind(handle_key)
                .execute(pool)
                .await
                .map(|_| ())
        })?;
        Ok(())
    }

    /// Forgets failures older than `before`: they no longer count, and the
    /// addresses in them should not be kept.
    pub async fn prune_failed_logins(&self, before: Timestamp) -> Result<u64, StoreError> {
        let sql = "DELETE FROM failed_logins WHERE attempted_at < $1";
        let deleted = on_pool!(self, |pool| {
            sqlx::query(sql)
                .bind(to_seconds(before))
                .execute(pool)
                .await
                .map(|done| done.rows_affected())
        })?;
        Ok(deleted)
    }
}

impl Store {
    /// Counts one post, reply, report or invitation towards the rate limits.
    pub async fn record_rate_event(
        &self,
        action: RateAction,
        account: AccountId,
        address: &str,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        let sql = "INSERT INTO rate_events (action, account_id, address, created_at)
                   VALUES ($1, $2, $3, $4)";
        on_pool!(self, |pool| {
            sqlx::query(sql)
                .bind(action.as_str())
                .bind(account.0)
                .bind(address)
                .bind(to_seconds(now))
                .execute(pool)
                .await
                .map(|_| ())
        })?;
        Ok(())
    }

    /// An account's events of `action` at or after `since`, newest first, at
    /// most `limit` of them.
    pub async fn rate_events_by_account(
        &self,
        action: RateAction,
        account: AccountId,
        since: Timestamp,
        limit: usize,
    ) -> Result<Vec<Timestamp>, StoreError> {
        let sql = "SELECT created_at FROM rate_events
                   WHERE account_id = $1 AND action = $2 AND created_at >= $3
                   ORDER BY created_at DESC LIMIT $4";
        self.rate_events(sql, account.0, action, since, limit).await
    }

    /// A network address's events of `action` at or after `since`, from any
    /// account, newest first, at most `limit` of them.
    pub async fn rate_events_from_address(
        &self,
        action: RateAction,
        address: &str,
        since: Timestamp,
        limit: usize,
    ) -> Result<Vec<Timestamp>, StoreError> {
        let sql = "SELECT created_at FROM rate_events
                   WHERE address = $1 AND action = $2 AND created_at >= $3
                   ORDER BY created_at DESC LIMIT $4";
        self.rate_events(sql, address, action, since, limit).await
    }

    async fn rate_events<K>(
        &self,
        sql: &'static str,
        key: K,
        action: RateAction,
        since: Timestamp,
        limit: usize,
    ) -> Result<Vec<Timestamp>, StoreError>
    where
        K: for<'q> sqlx::Encode<'q, sqlx::Sqlite>
            + for<'q> sqlx::Encode<'q, sqlx::Postgres>
            + sqlx::Type<sqlx::Sqlite>
            + sqlx::Type<sqlx::Postgres>
            + Send
            + Clone,
    {
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let seconds: Vec<i64> = on_pool!(self, |pool| {
            sqlx::query_scalar(sql)
                .bind(key.clone())
                .bind(action.as_str())
                .bind(to_seconds(since))
                .bind(limit)
                .fetch_all(pool)
                .await
        })?;
        Ok(seconds.into_iter().map(from_seconds).collect())
    }

    /// Forgets events older than `before`: they are out of every window.
    pub async fn prune_rate_events(&self, before: Timestamp) -> Result<u64, StoreError> {
        let sql = "DELETE FROM rate_events WHERE created_at < $1";
        let deleted = on_pool!(self, |pool| {
            sqlx::query(sql)
                .bind(to_seconds(before))
                .execute(pool)
                .await
                .map(|done| done.rows_affected())
        })?;
        Ok(deleted)
    }
}
