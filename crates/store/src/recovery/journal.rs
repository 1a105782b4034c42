//! A member's private journal, each entry sealed whole.

use hearth_domain::recovery::JournalText;
use jiff::Timestamp;
use jiff::civil::Date;

use super::day;
use crate::people::AccountId;
use crate::sealing::Sealed;
use crate::{Entity, Store, StoreError, from_seconds, on_pool, to_seconds};

/// The database id of a journal entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct JournalEntryId(pub i64);

/// A journal entry, opened for its member.
#[derive(Debug, Clone, PartialEq)]
pub struct JournalEntry {
    pub id: JournalEntryId,
    /// The member's local day it was written on.
    pub day: Date,
    pub text: JournalText,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

#[derive(sqlx::FromRow)]
struct EntryRow {
    id: i64,
    day: String,
    body: String,
    created_at: i64,
    updated_at: i64,
}

impl Store {
    /// Writes a new entry in the member's journal.
    pub async fn write_journal_entry(
        &self,
        account: AccountId,
        on: Date,
        text: &JournalText,
        now: Timestamp,
    ) -> Result<JournalEntryId, StoreError> {
        let body = self.seal(Sealed::JournalEntry, account.0, text.as_str())?;
        let sql = "INSERT INTO recovery_journal (account_id, day, body, created_at, updated_at)
                   VALUES ($1, $2, $3, $4, $4) RETURNING id";
        let id: i64 = on_pool!(self, |pool| {
            sqlx::query_scalar(sql)
                .bind(account.0)
                .bind(day(on))
                .bind(&body)
                .bind(to_seconds(now))
                .fetch_one(pool)
                .await
        })?;
        Ok(JournalEntryId(id))
    }

    /// The member's journal, newest first.
    pub async fn journal(&self, account: AccountId) -> Result<Vec<JournalEntry>, StoreError> {
        let sql = "SELECT id, day, body, created_at, updated_at FROM recovery_journal
                   WHERE account_id = $1 ORDER BY day DESC, id DESC";
        let rows: Vec<EntryRow> = on_pool!(self, |pool| {
            sqlx::query_as(sql).bind(account.0).fetch_all(pool).await
        })?;
        let mut entries = Vec::with_capacity(rows.len());
        for row in rows {
            entries.extend(self.open_entry(account, row)?);
        }
        Ok(entries)
    }

    /// One entry of the member's journal; `None` for anyone else's.
    pub async fn journal_entry(
        &self,
        account: AccountId,
        id: JournalEntryId,
    ) -> Result<Option<JournalEntry>, StoreError> {
        let sql = "SELECT id, day, body, created_at, updated_at FROM recovery_journal
                   WHERE id = $1 AND account_id = $2";
        let row: Option<EntryRow> = on_pool!(self, |pool| {
            sqlx::query_as(sql)
                .bind(id.0)
                .bind(account.0)
                .fetch_optional(pool)
                .await
        })?;
        match row {
            Some(row) => self.open_entry(account, row),
            None => Ok(None),
        }
    }

    /// `None` for a row this version cannot read (a day written by a newer
    /// one), rather than failing the member's whole journal.
    fn open_entry(
        &self,
        account: AccountId,
        row: EntryRow,
    ) -> Result<Option<JournalEntry>, StoreError> {
        let body = self.open(Sealed::JournalEntry, account.0, &row.body)?;
        let (Ok(day), Ok(text)) = (row.day.parse(), JournalText::parse(&body)) else {
            return Ok(None);
        };
        Ok(Some(JournalEntry {
            id: JournalEntryId(row.id),
            day,
            text,
            created_at: from_seconds(row.created_at),
            updated_at: from_seconds(row.updated_at),
        }))
    }

    /// Rewrites one of the member's entries.
    pub async fn rewrite_journal_entry(
        &self,
        account: AccountId,
        id: JournalEntryId,
        text: &JournalText,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        let body = self.seal(Sealed::JournalEntry, account.0, text.as_str())?;
        let sql = "UPDATE recovery_journal SET body = $3, updated_at = $4
                   WHERE id = $1 AND account_id = $2";
        change_one_row!(
            self,
            Entity::JournalEntry,
            sql,
            id.0,
            account.0,
            &body,
            to_seconds(now)
        )
    }

    /// Deletes one of the member's entries for good.
    pub async fn delete_journal_entry(
        &self,
        account: AccountId,
        id: JournalEntryId,
    ) -> Result<(), StoreError> {
        let sql = "DELETE FROM recovery_journal WHERE id = $1 AND account_id = $2";
        change_one_row!(self, Entity::JournalEntry, sql, id.0, account.0)
    }
}
