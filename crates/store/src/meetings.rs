//! Meetings: imported from Meeting Guide feeds, kept per (source, slug),
//! exported again exactly, with a history of every change.
//!
//! Each row keeps the whole feed record as JSON (what is exported) beside
//! columns derived from it for searching. Lists are stored as `|a||b|`, so
//! "has a" is `LIKE '%|a|%'` on both engines.

use std::collections::HashMap;

use hearth_domain::meetings::search::Listing;
use hearth_domain::meetings::{Attendance, Meeting, SpecDay, changed_fields};
use jiff::Timestamp;
use serde_json::{Map, Value, json};
use tokio::sync::mpsc;

use crate::error::Entity;
use crate::people::AccountId;
use crate::{Store, StoreError, on_pool, to_seconds};

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
struct Row {
    days: String,
    start_minute: Option<i64>,
    end_minute: Option<i64>,
    types: String,
    regions: String,
    search_text: String,
    record: String,
}

impl Row {
    fn of(meeting: &Meeting) -> Row {
        let minute =
            |time: jiff::civil::Time| i64::from(time.hour()) * 60 + i64::from(time.minute());
        Row {
            days: bars(meeting.days.iter().map(|d| d.number().to_string())),
            start_minute: meeting.start.map(minute),
            end_minute: meeting.end_time().map(minute),
            types: bars(meeting.types.iter().cloned()),
            regions: bars(meeting.regions.iter().cloned()),
            search_text: meeting.search_text(),
            record: Value::Object(meeting.record.clone()).to_string(),
        }
    }
}

/// `["a", "b"]` -> `"|a||b|"`; nothing -> `""`. Each item has bars of its
/// own, so the pattern for several sorted items, `%|a|%|b|%`, matches.
fn bars(items: impl Iterator<Item = String>) -> String {
    items.map(|item| format!("|{item}|")).collect()
}

fn record_map(text: &str) -> Map<String, Value> {
    match serde_json::from_str(text) {
        Ok(Value::Object(map)) => map,
        _ => Map::new(),
    }
}

/// Writes one meeting (insert or replace by source and slug) inside the
/// transaction `$tx`. A macro, not a function, because the transaction's
/// type differs per engine and the body is compiled once for each.
macro_rules! upsert {
    ($tx:expr, $source:expr, $meeting:expr, $now_seconds:expr) => {{
        let meeting: &Meeting = $meeting;
        let row = Row::of(meeting);
        sqlx::query(
            "INSERT INTO meetings (source, slug, name, days, start_minute, end_minute,
                 timezone, latitude, longitude, attendance, types, regions, search_text,
                 record, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
             ON CONFLICT (source, slug) DO UPDATE SET
                 name = excluded.name, days = excluded.days,
                 start_minute = excluded.start_minute, end_minute = excluded.end_minute,
                 timezone = excluded.timezone, latitude = excluded.latitude,
                 longitude = excluded.longitude, attendance = excluded.attendance,
                 types = excluded.types, regions = excluded.regions,
                 search_text = excluded.search_text, record = excluded.record,
                 updated_at = excluded.updated_at",
        )
        .bind($source)
        .bind(&meeting.slug)
        .bind(&meeting.name)
        .bind(&row.days)
        .bind(row.start_minute)
        .bind(row.end_minute)
        .bind(meeting.timezone.as_deref())
        .bind(meeting.latitude)
        .bind(meeting.longitude)
        .bind(meeting.attendance().as_str())
        .bind(&row.types)
        .bind(&row.regions)
        .bind(&row.search_text)
        .bind(&row.record)
        .bind(meeting.updated.map_or($now_seconds, to_seconds))
        .execute(&mut *$tx)
        .await?;
    }};
}

/// Adds an entry to a meeting's history inside the transaction `$tx`.
macro_rules! record_change {
    ($tx:expr, $source:expr, $slug:expr, $account:expr, $now_seconds:expr, $change:expr) => {
        sqlx::query(
            "INSERT INTO meeting_changes (source, slug, account_id, changed_at, change)
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind($source)
        .bind($slug)
        .bind($account)
        .bind($now_seconds)
        .bind($change.to_string())
        .execute(&mut *$tx)
        .await?
    };
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
            let mut tx = pool.begin().await?;
            let existing: Vec<(String, String)> =
                sqlx::query_as("SELECT slug, record FROM meetings WHERE source = $1")
                    .bind(source)
                    .fetch_all(&mut *tx)
                    .await?;
            let mut existing: HashMap<String, String> = existing.into_iter().collect();
            let mut report = ImportReport::default();
            let mut changes: Vec<(&str, Value)> = Vec::new();
            for meeting in meetings {
                let record = Value::Object(meeting.record.clone()).to_string();
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
                upsert!(tx, source, meeting, now_seconds);
                changes.push((&meeting.slug, change));
            }
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
            for (slug, change) in changes {
                record_change!(tx, source, slug, None::<i64>, now_seconds, change);
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
            parse_stored(&record).map(|meeting| StoredMeeting { source, meeting })
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
            let mut tx = pool.begin().await?;
            let taken: Option<i64> = sqlx::query_scalar("SELECT id FROM meetings WHERE slug = $1")
                .bind(&meeting.slug)
                .fetch_optional(&mut *tx)
                .await?;
            if taken.is_some() {
                return Ok(false);
            }
            upsert!(tx, source, meeting, now_seconds);
            let change = json!({ "action": "added" });
            record_change!(
                tx,
                source,
                &meeting.slug,
                Some(editor.0),
                now_seconds,
                change
            );
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
            let mut tx = pool.begin().await?;
            let old: Option<String> =
                sqlx::query_scalar("SELECT record FROM meetings WHERE source = $1 AND slug = $2")
                    .bind(source)
                    .bind(&meeting.slug)
                    .fetch_optional(&mut *tx)
                    .await?;
            let Some(old) = old else { return Ok(false) };
            upsert!(tx, source, meeting, now_seconds);
            let fields = changed_fields(&record_map(&old), &meeting.record);
            let change = json!({ "action": "updated", "fields": fields });
            record_change!(
                tx,
                source,
                &meeting.slug,
                Some(editor.0),
                now_seconds,
                change
            );
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
            let mut tx = pool.begin().await?;
            let done = sqlx::query("DELETE FROM meetings WHERE source = $1 AND slug = $2")
                .bind(source)
                .bind(slug)
                .execute(&mut *tx)
                .await?;
            if done.rows_affected() == 0 {
                return Ok(false);
            }
            let change = json!({ "action": "removed" });
            record_change!(tx, source, slug, Some(editor.0), now_seconds, change);
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

/// What SQL can narrow a search by before the calendar rules run: an area,
/// how people attend, type codes, text and a day. Anything left `None` or
/// empty does not narrow.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CandidateFilter {
    pub area: Option<hearth_domain::geo::BoundingBox>,
    pub attendance: Vec<hearth_domain::meetings::Attendance>,
    /// Codes that must all be present.
    pub types: Vec<String>,
    /// Lower-case text to find in the search text.
    pub text: Option<String>,
    pub day: Option<hearth_domain::meetings::SpecDay>,
}

/// `LIKE` pattern for a literal piece of text (with `ESCAPE '\'`).
fn like_literal(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

/// The columns a [`Listing`] is built from.
#[derive(sqlx::FromRow)]
struct ListingRow {
    id: i64,
    slug: String,
    name: String,
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
            attendance: Attendance::parse(&self.attendance).unwrap_or(Attendance::InPerson),
            search_text: self.search_text,
            meeting: Meeting {
                slug: self.slug,
                name: self.name,
                days: unbar(&self.days)
                    .iter()
                    .filter_map(|d| d.parse().ok().and_then(SpecDay::new))
                    .collect(),
                start: self.start_minute.and_then(time),
                end: self.end_minute.and_then(time),
                timezone: self.timezone,
                latitude: self.latitude,
                longitude: self.longitude,
                approximate: false,
                types: unbar(&self.types),
                conference_url: None,
                conference_phone: None,
                regions: unbar(&self.regions),
                updated: None,
                record: Map::new(),
            },
        }
    }
}

/// The search conditions after the area: each is off when its parameter is
/// empty. `$n` numbering continues from the area's four.
macro_rules! candidate_conditions {
    () => {
        " attendance IN ($5, $6, $7, $8)
          AND ($9 = '' OR types LIKE $9 ESCAPE '\\')
          AND ($10 = '' OR search_text LIKE $10 ESCAPE '\\')
          AND ($11 = '' OR days LIKE $11)"
    };
}

impl Store {
    /// The meetings a search could match, narrowed by what SQL does well,
    /// read from the search columns only: the full records of the few shown
    /// come from [`Store::meetings_by_id`].
    pub async fn meeting_candidates(
        &self,
        filter: &CandidateFilter,
    ) -> Result<Vec<Listing>, StoreError> {
        // Two texts rather than "$1 IS NULL OR ...", which would stop SQLite
        // from using the position index.
        let sql: &'static str = if filter.area.is_some() {
            concat!(
                "SELECT id, slug, name, days, start_minute, end_minute, timezone,
                 latitude, longitude, attendance, types, regions, search_text FROM meetings
                 WHERE latitude BETWEEN $1 AND $2 AND longitude BETWEEN $3 AND $4 AND",
                candidate_conditions!()
            )
        } else {
            concat!(
                "SELECT id, slug, name, days, start_minute, end_minute, timezone,
                 latitude, longitude, attendance, types, regions, search_text FROM meetings
                 WHERE $1 IS NULL AND $2 IS NULL AND $3 IS NULL AND $4 IS NULL AND",
                candidate_conditions!()
            )
        };
        let area = filter.area;
        // Four slots, the last wanted value repeated: one text for any number.
        let wanted: Vec<&str> = if filter.attendance.is_empty() {
            Attendance::ALL.iter().map(|a| a.as_str()).collect()
        } else {
            filter.attendance.iter().map(|a| a.as_str()).collect()
        };
        let slot = |i: usize| wanted.get(i).or(wanted.last()).copied().unwrap_or("");
        let mut types = filter.types.clone();
        types.sort();
        types.dedup();
        // Stored codes are sorted, so the wanted ones appear in this order.
        let types = if types.is_empty() {
            String::new()
        } else {
            let parts: Vec<String> = types
                .iter()
                .map(|t| format!("|{}|", like_literal(t)))
                .collect();
            format!("%{}%", parts.join("%"))
        };
        let text = filter
            .text
            .as_deref()
            .map_or_else(String::new, |t| format!("%{}%", like_literal(t)));
        let day = filter
            .day
            .map_or_else(String::new, |d| format!("%|{}|%", d.number()));
        let rows: Vec<ListingRow> = on_pool!(self, |pool| {
            sqlx::query_as(sql)
                .bind(area.map(|a| a.min_lat))
                .bind(area.map(|a| a.max_lat))
                .bind(area.map(|a| a.min_lng))
                .bind(area.map(|a| a.max_lng))
                .bind(slot(0))
                .bind(slot(1))
                .bind(slot(2))
                .bind(slot(3))
                .bind(&types)
                .bind(&text)
                .bind(&day)
                .fetch_all(pool)
                .await
        })?;
        Ok(rows.into_iter().map(ListingRow::listing).collect())
    }

    /// Whole meetings by id, for the page of results a search shows. Ids
    /// that are gone (deleted meanwhile) are left out.
    pub async fn meetings_by_id(&self, ids: &[i64]) -> Result<HashMap<i64, Meeting>, StoreError> {
        let sql = "SELECT record FROM meetings WHERE id = $1";
        let mut found = HashMap::new();
        on_pool!(self, |pool| async {
            let mut connection = pool.acquire().await?;
            for id in ids {
                let record: Option<String> = sqlx::query_scalar(sql)
                    .bind(id)
                    .fetch_optional(&mut *connection)
                    .await?;
                if let Some(meeting) = record.as_deref().and_then(parse_stored) {
                    found.insert(*id, meeting);
                }
            }
            Ok::<_, sqlx::Error>(())
        }
        .await)?;
        Ok(found)
    }
}

/// A stored record as a [`Meeting`]. One that no longer parses (written by a
/// newer version, say) is skipped and logged rather than failing a search.
fn parse_stored(record: &str) -> Option<Meeting> {
    let value: Value = serde_json::from_str(record).ok()?;
    match hearth_domain::meetings::feed::parse_record(value, None) {
        Ok(meeting) => Some(meeting),
        Err(reason) => {
            tracing::warn!(%reason, "a stored meeting no longer parses");
            None
        }
    }
}
