//! Meetings: imported from Meeting Guide feeds, kept per (source, slug),
//! exported again exactly, with a history of every change.
//!
//! Each row keeps the whole feed record as JSON (what is exported) beside
//! the columns a search index is built from (lists as `|a||b|`). Every
//! change moves the meeting list's version and names the meetings it
//! touched, so each node's index can catch up by reading only those.

use std::collections::{HashMap, HashSet};

use hearth_domain::meetings::index::Listing;
use hearth_domain::meetings::{Attendance, Meeting, SpecDay, changed_fields};
use jiff::Timestamp;
use serde_json::{Map, Value, json};
use tokio::sync::mpsc;

use crate::error::Entity;
use crate::people::AccountId;
use crate::{BeginWrite, Store, StoreError, on_pool, to_seconds};

/// What an import did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// Meetings of the source that the feed no longer has (with `prune`).
    pub removed: usize,
}

/// One entry in a meeting's history.
#[derive(Debug, Clone, PartialEq)]
pub struct MeetingChange {
    /// Who made it; `None` for an import.
    pub account_id: Option<AccountId>,
    pub changed_at: Timestamp,
    /// `{"action": "added" | "updated" | "removed", "fields": [...]}`.
    pub change: Value,
}

/// The derived columns of a meeting row.
struct Row<'m> {
    meeting: &'m Meeting,
    days: String,
    start_minute: Option<i64>,
    end_minute: Option<i64>,
    types: String,
    regions: String,
    search_text: String,
    record: String,
}

impl Row<'_> {
    /// `record` is the meeting's record as JSON text, made once by the caller
    /// (which compares it with the stored one).
    fn of(meeting: &Meeting, record: String) -> Row<'_> {
        let minute =
            |time: jiff::civil::Time| i64::from(time.hour()) * 60 + i64::from(time.minute());
        Row {
            meeting,
            days: bars(meeting.days.iter().map(|d| d.number().to_string())),
            start_minute: meeting.start.map(minute),
            end_minute: meeting.end_time().map(minute),
            types: bars(meeting.types.iter().cloned()),
            regions: bars(meeting.regions.iter().cloned()),
            search_text: meeting.search_text(),
            record,
        }
    }
}

/// A meeting's record as stored: compact JSON text.
fn record_text(meeting: &Meeting) -> String {
    serde_json::to_string(&meeting.record).expect("a JSON map always serialises")
}

/// `["a", "b"]` -> `"|a||b|"`; nothing -> `""`: a list in one text column,
/// read back by [`unbar`].
fn bars(items: impl Iterator<Item = String>) -> String {
    items.map(|item| format!("|{item}|")).collect()
}

fn record_map(text: &str) -> Map<String, Value> {
    match serde_json::from_str(text) {
        Ok(Value::Object(map)) => map,
        _ => Map::new(),
    }
}

/// Rows per INSERT: a few hundred meetings of 15 values each stay well
/// under both engines' limits on bound values (32,766 for SQLite, 65,535 for
/// PostgreSQL). The statements are built with sqlx's `QueryBuilder`, which
/// writes each engine's own placeholders: `?` for SQLite, whose driver
/// would otherwise look every `$n` up among all of a statement's names.
const ROWS_PER_INSERT: usize = 200;

/// Writes meetings (insert, or replace by source and slug) inside the
/// transaction `$tx`, many to a statement. A macro, not a function, because
/// the transaction's type differs per engine and the body is compiled once
/// for each.
macro_rules! upsert {
    ($tx:expr, $source:expr, $rows:expr, $now_seconds:expr) => {{
        let rows: &[Row] = $rows;
        for chunk in rows.chunks(ROWS_PER_INSERT) {
            let mut insert = sqlx::QueryBuilder::new(
                "INSERT INTO meetings (source, slug, name, days, start_minute, end_minute,
                     timezone, latitude, longitude, attendance, types, regions, search_text,
                     record, updated_at) ",
            );
            insert.push_values(chunk, |mut values, row| {
                let meeting = row.meeting;
                values
                    .push_bind($source)
                    .push_bind(&meeting.slug)
                    .push_bind(&meeting.name)
                    .push_bind(&row.days)
                    .push_bind(row.start_minute)
                    .push_bind(row.end_minute)
                    .push_bind(meeting.timezone.as_deref())
                    .push_bind(meeting.latitude)
                    .push_bind(meeting.longitude)
                    .push_bind(meeting.attendance().as_str())
                    .push_bind(&row.types)
                    .push_bind(&row.regions)
                    .push_bind(&row.search_text)
                    .push_bind(&row.record)
                    .push_bind(meeting.updated.map_or($now_seconds, to_seconds));
            });
            insert.push(
                " ON CONFLICT (source, slug) DO UPDATE SET
                     name = excluded.name, days = excluded.days,
                     start_minute = excluded.start_minute, end_minute = excluded.end_minute,
                     timezone = excluded.timezone, latitude = excluded.latitude,
                     longitude = excluded.longitude, attendance = excluded.attendance,
                     types = excluded.types, regions = excluded.regions,
                     search_text = excluded.search_text, record = excluded.record,
                     updated_at = excluded.updated_at",
            );
            insert.build().execute(&mut *$tx).await?;
        }
    }};
}

/// Takes the meeting list's write lock first thing in the transaction `$tx`.
/// A SQLite transaction that reads before it writes fails at once with
/// "database is locked" (`SQLITE_BUSY_SNAPSHOT`, without waiting) when
/// another connection writes in between; one that writes first waits its
/// turn. On PostgreSQL the row lock lines the meeting writers up as well.
macro_rules! lock_meeting_list {
    ($tx:expr) => {
        sqlx::query("UPDATE meeting_list_version SET version = version")
            .execute(&mut *$tx)
            .await?
    };
}

/// Takes the next version of the meeting list inside the transaction `$tx`:
/// every transaction that changes meetings does, once.
macro_rules! next_list_version {
    ($tx:expr) => {{
        let version: i64 = sqlx::query_scalar(
            "UPDATE meeting_list_version SET version = version + 1 RETURNING version",
        )
        .fetch_one(&mut *$tx)
        .await?;
        version
    }};
}

/// Adds entries to meetings' histories inside the transaction `$tx`:
/// `$changes` holds (slug, change) pairs, all of one source, editor and list
/// version.
macro_rules! record_changes {
    ($tx:expr, $source:expr, $account:expr, $now_seconds:expr, $version:expr, $changes:expr) => {{
        let changes: &[(&str, Value)] = $changes;
        for chunk in changes.chunks(ROWS_PER_INSERT) {
            let mut insert = sqlx::QueryBuilder::new(
                "INSERT INTO meeting_changes
                     (source, slug, account_id, changed_at, list_version, change) ",
            );
            insert.push_values(chunk, |mut values, (slug, change)| {
                values
                    .push_bind($source)
                    .push_bind(*slug)
                    .push_bind($account)
                    .push_bind($now_seconds)
                    .push_bind($version)
                    .push_bind(change.to_string());
            });
            insert.build().execute(&mut *$tx).await?;
        }
    }};
}

/// Writes one meeting made or changed by hand, and the entry for it in its
/// history, inside the transaction `$tx`.
macro_rules! save_edit {
    ($tx:expr, $source:expr, $meeting:expr, $editor:expr, $now_seconds:expr, $change:expr) => {{
        let meeting: &Meeting = $meeting;
        upsert!(
            $tx,
            $source,
            &[Row::of(meeting, record_text(meeting))],
            $now_seconds
        );
        let version = next_list_version!($tx);
        let changes = [(meeting.slug.as_str(), $change)];
        record_changes!(
            $tx,
            $source,
            Some($editor.0),
            $now_seconds,
            version,
            &changes
        );
    }};
}

/// A meeting with the source it belongs to.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredMeeting {
    pub source: String,
    pub meeting: Meeting,
}

impl Store {
    /// Brings one source's meetings in line with a feed, in one transaction:
    /// new slugs are added, changed records updated, identical ones left
    /// alone, and with `prune` the source's meetings missing from the feed
    /// removed. A failure leaves the previous data as it was. Every change is
    /// written to the meetings' history.
    pub async fn import_meetings(
        &self,
        source: &str,
        meetings: &[Meeting],
        prune: bool,
        now: Timestamp,
    ) -> Result<ImportReport, StoreError> {
        let now_seconds = to_seconds(now);
        let report = on_pool!(self, |pool| async {
            let mut tx = pool.begin_write().await?;
            lock_meeting_list!(tx);
            let existing: Vec<(String, String)> =
                sqlx::query_as("SELECT slug, record FROM meetings WHERE source = $1")
                    .bind(source)
                    .fetch_all(&mut *tx)
                    .await?;
            let mut existing: HashMap<String, String> = existing.into_iter().collect();
            let mut report = ImportReport::default();
            let mut rows: Vec<Row> = Vec::new();
            let mut changes: Vec<(&str, Value)> = Vec::new();
            for meeting in meetings {
                let record = record_text(meeting);
                let change = match existing.remove(&meeting.slug) {
                    Some(old) if old == record => {
                        report.unchanged += 1;
                        continue;
                    }
                    Some(old) => {
                        report.updated += 1;
                        let fields = changed_fields(&record_map(&old), &meeting.record);
                        json!({ "action": "updated", "fields": fields })
                    }
                    None => {
                        report.added += 1;
                        json!({ "action": "added" })
                    }
                };
                rows.push(Row::of(meeting, record));
                changes.push((&meeting.slug, change));
            }
            upsert!(tx, source, &rows, now_seconds);
            if prune {
                for slug in existing.keys() {
                    sqlx::query("DELETE FROM meetings WHERE source = $1 AND slug = $2")
                        .bind(source)
                        .bind(slug)
                        .execute(&mut *tx)
                        .await?;
                    changes.push((slug, json!({ "action": "removed" })));
                    report.removed += 1;
                }
            }
            if !changes.is_empty() {
                let version = next_list_version!(tx);
                record_changes!(tx, source, None::<i64>, now_seconds, version, &changes);
            }
            tx.commit().await?;
            Ok::<_, sqlx::Error>(report)
        }
        .await)?;
        Ok(report)
    }

    /// How many meetings there are, from every source.
    pub async fn meeting_count(&self) -> Result<i64, StoreError> {
        let count: i64 = on_pool!(self, |pool| {
            sqlx::query_scalar("SELECT COUNT(*) FROM meetings")
                .fetch_one(pool)
                .await
        })?;
        Ok(count)
    }

    /// Sends every meeting's feed record, as JSON text, in a stable order
    /// (slug, then source), without holding them all in memory. Stops early,
    /// without error, when the receiver goes away.
    pub async fn send_meeting_records(
        &self,
        sender: mpsc::Sender<String>,
    ) -> Result<(), StoreError> {
        use futures_util::TryStreamExt;
        let sql = "SELECT record FROM meetings ORDER BY slug, source";
        on_pool!(self, |pool| async {
            let mut rows = sqlx::query_scalar::<_, String>(sql).fetch(pool);
            while let Some(record) = rows.try_next().await? {
                if sender.send(record).await.is_err() {
                    break;
                }
            }
            Ok::<_, sqlx::Error>(())
        }
        .await)?;
        Ok(())
    }

    /// A meeting by its slug. Slugs are unique within a source; should two
    /// sources share one, the first source in name order wins, as in the
    /// exported feed.
    pub async fn meeting_by_slug(&self, slug: &str) -> Result<Option<StoredMeeting>, StoreError> {
        let sql = "SELECT source, record FROM meetings WHERE slug = $1 ORDER BY source LIMIT 1";
        let row: Option<(String, String)> = on_pool!(self, |pool| {
            sqlx::query_as(sql).bind(slug).fetch_optional(pool).await
        })?;
        Ok(row.and_then(|(source, record)| {
            stored_meeting(&record).map(|meeting| StoredMeeting { source, meeting })
        }))
    }

    /// Adds a meeting made by hand. [`StoreError::Conflict`] when any source
    /// already has its slug (a meeting's page is found by slug).
    pub async fn create_meeting(
        &self,
        source: &str,
        meeting: &Meeting,
        editor: AccountId,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        let now_seconds = to_seconds(now);
        let created = on_pool!(self, |pool| async {
            let mut tx = pool.begin_write().await?;
            lock_meeting_list!(tx);
            let taken: Option<i64> = sqlx::query_scalar("SELECT id FROM meetings WHERE slug = $1")
                .bind(&meeting.slug)
                .fetch_optional(&mut *tx)
                .await?;
            if taken.is_some() {
                tx.rollback().await?;
                return Ok(false);
            }
            let change = json!({ "action": "added" });
            save_edit!(tx, source, meeting, editor, now_seconds, change);
            tx.commit().await?;
            Ok::<_, sqlx::Error>(true)
        }
        .await)?;
        if created {
            Ok(())
        } else {
            Err(StoreError::Conflict(Entity::Meeting))
        }
    }

    /// Replaces a meeting with an edited version of it, noting in its
    /// history who changed which fields.
    pub async fn update_meeting(
        &self,
        source: &str,
        meeting: &Meeting,
        editor: AccountId,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        let now_seconds = to_seconds(now);
        let updated = on_pool!(self, |pool| async {
            let mut tx = pool.begin_write().await?;
            lock_meeting_list!(tx);
            let old: Option<String> =
                sqlx::query_scalar("SELECT record FROM meetings WHERE source = $1 AND slug = $2")
                    .bind(source)
                    .bind(&meeting.slug)
                    .fetch_optional(&mut *tx)
                    .await?;
            let Some(old) = old else { return Ok(false) };
            let fields = changed_fields(&record_map(&old), &meeting.record);
            let change = json!({ "action": "updated", "fields": fields });
            save_edit!(tx, source, meeting, editor, now_seconds, change);
            tx.commit().await?;
            Ok::<_, sqlx::Error>(true)
        }
        .await)?;
        if updated {
            Ok(())
        } else {
            Err(StoreError::NotFound(Entity::Meeting))
        }
    }

    /// Removes a meeting, keeping its history. Returns `false` when there was
    /// no such meeting.
    pub async fn delete_meeting(
        &self,
        source: &str,
        slug: &str,
        editor: AccountId,
        now: Timestamp,
    ) -> Result<bool, StoreError> {
        let now_seconds = to_seconds(now);
        let deleted = on_pool!(self, |pool| async {
            let mut tx = pool.begin_write().await?;
            lock_meeting_list!(tx);
            let done = sqlx::query("DELETE FROM meetings WHERE source = $1 AND slug = $2")
                .bind(source)
                .bind(slug)
                .execute(&mut *tx)
                .await?;
            if done.rows_affected() == 0 {
                tx.rollback().await?;
                return Ok(false);
            }
            let version = next_list_version!(tx);
            let changes = [(slug, json!({ "action": "removed" }))];
            record_changes!(tx, source, Some(editor.0), now_seconds, version, &changes);
            tx.commit().await?;
            Ok::<_, sqlx::Error>(true)
        }
        .await)?;
        Ok(deleted)
    }

    /// A meeting's history, oldest first.
    pub async fn meeting_changes(
        &self,
        source: &str,
        slug: &str,
    ) -> Result<Vec<MeetingChange>, StoreError> {
        let sql = "SELECT account_id, changed_at, change FROM meeting_changes
                   WHERE source = $1 AND slug = $2 ORDER BY changed_at, id";
        let rows: Vec<(Option<i64>, i64, String)> = on_pool!(self, |pool| {
            sqlx::query_as(sql)
                .bind(source)
                .bind(slug)
                .fetch_all(pool)
                .await
        })?;
        Ok(rows
            .into_iter()
            .map(|(account_id, changed_at, change)| MeetingChange {
                account_id: account_id.map(AccountId),
                changed_at: crate::from_seconds(changed_at),
                change: serde_json::from_str(&change).unwrap_or(Value::Null),
            })
            .collect())
    }
}

/// Which meetings changed between two versions of the meeting list.
#[derive(Debug, Clone, PartialEq)]
pub struct ChangedMeetings {
    /// The version the changes lead to.
    pub version: i64,
    /// (source, slug) of every meeting added, updated or removed.
    pub keys: HashSet<(String, String)>,
}

/// Meetings changed between two versions of the list, `$1` (excluded) and
/// `$2`.
macro_rules! changed_between {
    () => {
        "SELECT DISTINCT source, slug FROM meeting_changes
         WHERE list_version > $1 AND list_version <= $2"
    };
}

/// The columns a [`Listing`] is built from.
macro_rules! listing_columns {
    () => {
        "id, source, slug, days, start_minute, end_minute, timezone,
         latitude, longitude, attendance, types, regions, search_text"
    };
}

#[derive(sqlx::FromRow)]
struct ListingRow {
    id: i64,
    source: String,
    slug: String,
    days: String,
    start_minute: Option<i64>,
    end_minute: Option<i64>,
    timezone: Option<String>,
    latitude: Option<f64>,
    longitude: Option<f64>,
    attendance: String,
    types: String,
    regions: String,
    search_text: String,
}

/// `"|a||b|"` -> `["a", "b"]`.
fn unbar(text: &str) -> Vec<String> {
    text.split('|')
        .filter(|item| !item.is_empty())
        .map(str::to_owned)
        .collect()
}

impl ListingRow {
    fn listing(self) -> Listing {
        let time = |minute: i64| {
            jiff::civil::Time::new((minute / 60) as i8, (minute % 60) as i8, 0, 0).ok()
        };
        Listing {
            id: self.id,
            source: self.source,
            slug: self.slug,
            days: unbar(&self.days)
                .iter()
                .filter_map(|d| d.parse().ok().and_then(SpecDay::new))
                .collect(),
            start: self.start_minute.and_then(time),
            end: self.end_minute.and_then(time),
            timezone: self.timezone,
            latitude: self.latitude,
            longitude: self.longitude,
            attendance: Attendance::parse(&self.attendance).unwrap_or(Attendance::InPerson),
            types: unbar(&self.types),
            regions: unbar(&self.regions),
            search_text: self.search_text,
        }
    }
}

impl Store {
    /// The current version of the meeting list: it moves with every change.
    pub async fn meeting_list_version(&self) -> Result<i64, StoreError> {
        let version: i64 = on_pool!(self, |pool| {
            sqlx::query_scalar("SELECT version FROM meeting_list_version")
                .fetch_one(pool)
                .await
        })?;
        Ok(version)
    }

    /// Passes every meeting's listing to `each`, one at a time, and returns
    /// the list's version. The version is read first, so the listings are at
    /// least that new: a change made meanwhile is read again after the next
    /// [`Store::changed_meetings`].
    pub async fn meeting_listings(
        &self,
        each: impl FnMut(Listing) + Send,
    ) -> Result<i64, StoreError> {
        let version = self.meeting_list_version().await?;
        let sql = concat!("SELECT ", listing_columns!(), " FROM meetings");
        self.send_listings(sql, None, each).await?;
        Ok(version)
    }

    /// The meetings changed after version `since`, up to the current one.
    pub async fn changed_meetings(&self, since: i64) -> Result<ChangedMeetings, StoreError> {
        let version = self.meeting_list_version().await?;
        let keys: Vec<(String, String)> = on_pool!(self, |pool| {
            sqlx::query_as(changed_between!())
                .bind(since)
                .bind(version)
                .fetch_all(pool)
                .await
        })?;
        Ok(ChangedMeetings {
            version,
            keys: keys.into_iter().collect(),
        })
    }

    /// Passes the current listing of each meeting [`Store::changed_meetings`]
    /// named for these versions, and is still there, to `each`.
    pub async fn changed_meeting_listings(
        &self,
        since: i64,
        until: i64,
        each: impl FnMut(Listing) + Send,
    ) -> Result<(), StoreError> {
        let sql = concat!(
            "SELECT ",
            listing_columns!(),
            " FROM meetings WHERE (source, slug) IN (",
            changed_between!(),
            ")"
        );
        self.send_listings(sql, Some((since, until)), each).await
    }

    async fn send_listings(
        &self,
        sql: &'static str,
        versions: Option<(i64, i64)>,
        mut each: impl FnMut(Listing) + Send,
    ) -> Result<(), StoreError> {
        use futures_util::TryStreamExt;
        on_pool!(self, |pool| async {
            let mut select = sqlx::query_as::<_, ListingRow>(sql);
            if let Some((since, until)) = versions {
                select = select.bind(since).bind(until);
            }
            let mut rows = select.fetch(pool);
            while let Some(row) = rows.try_next().await? {
                each(row.listing());
            }
            Ok::<_, sqlx::Error>(())
        }
        .await)?;
        Ok(())
    }

    /// Feed records (JSON text) by id, for the page of results a search
    /// shows, and the meeting list's version as they were read: one
    /// statement, so the two agree. Ids that are gone are left out.
    pub async fn meeting_records(
        &self,
        ids: &[i64],
    ) -> Result<(i64, HashMap<i64, String>), StoreError> {
        if ids.is_empty() {
            return Ok((self.meeting_list_version().await?, HashMap::new()));
        }
        let (version, joined): (i64, Option<String>) = on_pool!(self, |pool| {
            // The version's one row, with the records asked for in one text
            // ("id record" lines: compact JSON has no line breaks), so the
            // answer is one row, not one per record.
            let mut select = sqlx::QueryBuilder::new(
                "SELECT v.version, string_agg(CAST(m.id AS TEXT) || ' ' || m.record, '
')
                 FROM meeting_list_version v LEFT JOIN meetings m ON m.id IN (",
            );
            let mut listed = select.separated(", ");
            for id in ids {
                listed.push_bind(*id);
            }
            select.push(") GROUP BY v.version");
            select.build_query_as().fetch_one(pool).await
        })?;
        let records = (joined.iter())
            .flat_map(|text| text.split('\n'))
            .filter_map(|line| {
                let (id, record) = line.split_once(' ')?;
                Some((id.parse().ok()?, record.to_owned()))
            })
            .collect();
        Ok((version, records))
    }
}

/// A stored record as a [`Meeting`]. One that no longer parses (written by a
/// newer version, say) is skipped and logged rather than failing a page.
pub fn stored_meeting(record: &str) -> Option<Meeting> {
    let value: Value = serde_json::from_str(record).ok()?;
    match hearth_domain::meetings::feed::parse_record(value, None) {
        Ok(meeting) => Some(meeting),
        Err(reason) => {
            tracing::warn!(%reason, "a stored meeting no longer parses");
            None
        }
    }
}
