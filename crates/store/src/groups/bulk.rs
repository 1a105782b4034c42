//! A bulk loader for `hearth bench groups`: millions of synthetic shares and
//! replies into an empty database in minutes rather than hours. Nothing the
//! server runs uses it.
//!
//! Rows arrive with their ids (the bench works out who wrote what, where,
//! before anything is written) and go in big statements: multi-row INSERTs
//! on SQLite, `COPY` on PostgreSQL, a transaction per table a call writes,
//! so a caller streams batches and its memory stays flat. Batches must come in
//! the order the foreign keys need: accounts, groups, memberships, posts
//! (each thread's share before its replies) with their supports, sessions.
//! A load that fails half-way leaves what it wrote: load into a database
//! made for it.

use std::borrow::Cow;
use std::collections::HashMap;

use hearth_domain::groups::{Description, GroupKind, GroupName, GroupRole, Norms, ShareKind, Tags};
use hearth_domain::groups::{RenderedPost, SupportKind, Title};
use hearth_domain::people::Handle;
use jiff::Timestamp;
use sqlx::postgres::PgConnection;
use sqlx::sqlite::{SqliteConnection, SqliteSynchronous};
use sqlx::{ConnectOptions, Connection, QueryBuilder, Sqlite};

use super::posts::{PostId, support_bit};
use super::{GroupId, search_text, tag_column};
use crate::people::AccountId;
use crate::{Entity, Pool, Store, StoreError, to_seconds};

/// An account; every one gets the same password hash.
#[derive(Debug, Clone)]
pub struct BulkAccount {
    pub id: AccountId,
    pub handle: String,
    pub created_at: Timestamp,
}

/// A group with its first (and only) norms, written by its owner.
#[derive(Debug, Clone)]
pub struct BulkGroup {
    pub id: GroupId,
    pub name: GroupName,
    pub description: Description,
    pub kind: GroupKind,
    pub tags: Tags,
    pub language: String,
    pub norms: Norms,
    pub owner: AccountId,
    pub created_at: Timestamp,
    pub last_activity_at: Timestamp,
}

/// An active member who agreed to the group's first norms when joining.
#[derive(Debug, Clone)]
pub struct BulkMembership {
    pub group: GroupId,
    pub account: AccountId,
    pub role: GroupRole,
    pub joined_at: Timestamp,
}

/// A share (`thread` is `None`) or a reply, with the counts and times the
/// pages read already worked out.
#[derive(Debug, Clone)]
pub struct BulkPost {
    pub id: PostId,
    pub group: GroupId,
    pub thread: Option<PostId>,
    pub author: AccountId,
    /// The author's handle, as their account has it.
    pub author_handle: String,
    pub anonymous: bool,
    /// `None` for a reply.
    pub kind: Option<ShareKind>,
    pub title: Option<Title>,
    pub body: String,
    /// `RenderedPost::of(&body)`, made by the caller so that it can be made
    /// on other threads while batches are written.
    pub rendered: RenderedPost,
    pub quoting: Option<PostId>,
    pub created_at: Timestamp,
    pub pinned: bool,
    pub locked: bool,
    pub last_activity_at: Timestamp,
    pub reply_count: i64,
    pub helpful: bool,
}

#[derive(Debug, Clone)]
pub struct BulkSupport {
    pub post: PostId,
    pub account: AccountId,
    pub kind: SupportKind,
    pub created_at: Timestamp,
}

/// A session whose token the caller knows: stored, as always, by its hash.
#[derive(Debug, Clone)]
pub struct BulkSession {
    pub account: AccountId,
    pub token_hash: String,
    pub created_at: Timestamp,
    pub expires_at: Timestamp,
}

/// One value of a row, for either engine.
enum Cell<'a> {
    Int(i64),
    Text(Cow<'a, str>),
    Bool(bool),
    Null,
}

impl<'a> Cell<'a> {
    fn text(text: &'a str) -> Cell<'a> {
        Cell::Text(Cow::Borrowed(text))
    }

    fn owned(text: String) -> Cell<'a> {
        Cell::Text(Cow::Owned(text))
    }

    fn time(instant: Timestamp) -> Cell<'a> {
        Cell::Int(to_seconds(instant))
    }

    fn id(id: Option<i64>) -> Cell<'a> {
        id.map_or(Cell::Null, Cell::Int)
    }

    /// In `COPY`'s text format: `\N` for NULL, backslash escapes for the
    /// characters that separate columns and rows.
    fn copy_into(&self, out: &mut Vec<u8>) {
        match self {
            Cell::Int(value) => out.extend_from_slice(value.to_string().as_bytes()),
            Cell::Bool(value) => out.push(if *value { b't' } else { b'f' }),
            Cell::Null => out.extend_from_slice(b"\\N"),
            Cell::Text(text) => {
                for &byte in text.as_bytes() {
                    match byte {
                        b'\\' => out.extend_from_slice(b"\\\\"),
                        b'\n' => out.extend_from_slice(b"\\n"),
                        b'\r' => out.extend_from_slice(b"\\r"),
                        b'\t' => out.extend_from_slice(b"\\t"),
                        byte => out.push(byte),
                    }
                }
            }
        }
    }
}

/// SQLite's limit on a statement's bound values (since 3.32).
const SQLITE_MAX_BINDS: usize = 32_766;
/// Rows per SQLite INSERT at most, whatever the column count.
const SQLITE_MAX_ROWS: usize = 200;
/// `COPY` data is sent in pieces of about this many bytes.
const COPY_PIECE_BYTES: usize = 1 << 20;
/// The loader's SQLite page cache, in KiB (negative, as the pragma takes
/// it): index pages stay in memory between batches.
const SQLITE_LOADER_CACHE: &str = "-524288";

/// A connection of its own, outside the pool, so its settings never reach
/// a connection the app uses.
enum LoaderConnection {
    Sqlite(SqliteConnection),
    Postgres(PgConnection),
}

/// Writes batches of rows into an empty database; see the module's
/// documentation. End with [`BulkLoader::finish`].
pub struct BulkLoader {
    connection: LoaderConnection,
}

impl Store {
    /// A loader on a connection of its own to the store's database, refused
    /// with [`StoreError::Conflict`] unless there are no accounts, groups or
    /// posts.
    ///
    /// Its statements are not logged, however long they take (a 200-row
    /// INSERT would fill a screen). On SQLite it trades safety for speed, as
    /// only a load into a throw-away database may: no foreign key checks
    /// (PostgreSQL's load checks the same rows), no syncing to disk, a big
    /// page cache.
    pub async fn bulk_loader(&self) -> Result<BulkLoader, StoreError> {
        let connection = match &self.pool {
            Pool::Sqlite(pool) => {
                let options = (*pool.pool().connect_options()).clone();
                let options = options
                    .foreign_keys(false)
                    .synchronous(SqliteSynchronous::Off)
                    .pragma("cache_size", SQLITE_LOADER_CACHE)
                    .disable_statement_logging();
                LoaderConnection::Sqlite(options.connect().await?)
            }
            Pool::Postgres(pool) => {
                let options = (*pool.pool().connect_options()).clone();
                LoaderConnection::Postgres(options.disable_statement_logging().connect().await?)
            }
        };
        let mut loader = BulkLoader { connection };
        for (sql, entity) in [
            ("SELECT EXISTS (SELECT 1 FROM accounts)", Entity::Account),
            ("SELECT EXISTS (SELECT 1 FROM groups)", Entity::Group),
            ("SELECT EXISTS (SELECT 1 FROM posts)", Entity::Post),
        ] {
            if loader.has_rows(sql).await? {
                return Err(StoreError::Conflict(entity));
            }
        }
        Ok(loader)
    }
}

impl BulkLoader {
    /// `sql` is `SELECT EXISTS (...)`.
    async fn has_rows(&mut self, sql: &'static str) -> Result<bool, StoreError> {
        let exists = match &mut self.connection {
            LoaderConnection::Sqlite(connection) => {
                sqlx::query_scalar::<_, bool>(sql)
                    .fetch_one(connection)
                    .await?
            }
            LoaderConnection::Postgres(connection) => {
                sqlx::query_scalar::<_, bool>(sql)
                    .fetch_one(connection)
                    .await?
            }
        };
        Ok(exists)
    }

    /// Accounts, all with the same password hash.
    pub async fn accounts(
        &mut self,
        rows: &[BulkAccount],
        password_hash: &str,
    ) -> Result<(), StoreError> {
        let rows = rows
            .iter()
            .map(|account| {
                vec![
                    Cell::Int(account.id.0),
                    Cell::text(&account.handle),
                    Cell::owned(Handle::key_of(&account.handle)),
                    Cell::text(password_hash),
                    Cell::time(account.created_at),
                ]
            })
            .collect();
        self.write(
            "accounts",
            &["id", "handle", "handle_key", "password_hash", "created_at"],
            rows,
        )
        .await
    }

    /// Groups and their norms (version 1, written by the owner).
    pub async fn groups(&mut self, rows: &[BulkGroup]) -> Result<(), StoreError> {
        let groups = rows
            .iter()
            .map(|group| {
                vec![
                    Cell::Int(group.id.0),
                    Cell::text(group.name.as_str()),
                    Cell::text(group.description.as_str()),
                    Cell::text(group.kind.as_str()),
                    Cell::owned(tag_column(&group.tags)),
                    Cell::text(&group.language),
                    Cell::Int(1),
                    Cell::owned(search_text(&group.name, &group.description)),
                    Cell::time(group.created_at),
                    Cell::time(group.last_activity_at),
                ]
            })
            .collect();
        self.write(
            "groups",
            &[
                "id",
                "name",
                "description",
                "kind",
                "tags",
                "language",
                "norms_version",
                "search_text",
                "created_at",
                "last_activity_at",
            ],
            groups,
        )
        .await?;
        let norms = rows
            .iter()
            .map(|group| {
                vec![
                    Cell::Int(group.id.0),
                    Cell::Int(1),
                    Cell::text(group.norms.as_str()),
                    Cell::Int(group.owner.0),
                    Cell::time(group.created_at),
                ]
            })
            .collect();
        self.write(
            "group_norms",
            &["group_id", "version", "body", "written_by", "written_at"],
            norms,
        )
        .await
    }

    /// Active memberships, each with its agreement to norms version 1.
    pub async fn memberships(&mut self, rows: &[BulkMembership]) -> Result<(), StoreError> {
        let memberships = rows
            .iter()
            .map(|membership| {
                vec![
                    Cell::Int(membership.group.0),
                    Cell::Int(membership.account.0),
                    Cell::text(membership.role.as_str()),
                    Cell::text("active"),
                    Cell::Int(1),
                    Cell::time(membership.joined_at),
                ]
            })
            .collect();
        self.write(
            "memberships",
            &[
                "group_id",
                "account_id",
                "role",
                "status",
                "norms_version",
                "joined_at",
            ],
            memberships,
        )
        .await?;
        let agreements = rows
            .iter()
            .map(|membership| {
                vec![
                    Cell::Int(membership.group.0),
                    Cell::Int(membership.account.0),
                    Cell::Int(1),
                    Cell::time(membership.joined_at),
                ]
            })
            .collect();
        self.write(
            "norm_agreements",
            &["group_id", "account_id", "norms_version", "agreed_at"],
            agreements,
        )
        .await
    }

    /// Shares and replies, then the supportive responses they had (each to
    /// one of `rows`); no post removed. Each post gets a request key of its
    /// own.
    pub async fn posts(
        &mut self,
        rows: &[BulkPost],
        supports: &[BulkSupport],
    ) -> Result<(), StoreError> {
        let mut supports_given: HashMap<i64, i64> = HashMap::new();
        for support in supports {
            *supports_given.entry(support.post.0).or_default() |= support_bit(support.kind);
        }
        let posts = rows
            .iter()
            .map(|post| {
                vec![
                    Cell::Int(post.id.0),
                    Cell::Int(post.group.0),
                    Cell::id(post.thread.map(|thread| thread.0)),
                    Cell::Int(post.author.0),
                    Cell::text(&post.author_handle),
                    Cell::Bool(post.anonymous),
                    post.kind
                        .map_or(Cell::Null, |kind| Cell::text(kind.as_str())),
                    post.title
                        .as_ref()
                        .map_or(Cell::Null, |title| Cell::text(title.as_str())),
                    Cell::text(&post.body),
                    Cell::text(&post.rendered.html),
                    Cell::text(&post.rendered.excerpt),
                    Cell::id(post.quoting.map(|quoted| quoted.0)),
                    Cell::owned(format!("bulk-{}", post.id.0)),
                    Cell::time(post.created_at),
                    Cell::Bool(post.pinned),
                    Cell::Bool(post.locked),
                    Cell::time(post.last_activity_at),
                    Cell::Int(post.reply_count),
                    Cell::Bool(post.helpful),
                    Cell::Int(supports_given.get(&post.id.0).copied().unwrap_or(0)),
                ]
            })
            .collect();
        self.write(
            "posts",
            &[
                "id",
                "group_id",
                "thread_id",
                "author_id",
                "author_handle",
                "anonymous",
                "kind",
                "title",
                "body",
                "body_html",
                "excerpt",
                "quoted_post_id",
                "request_key",
                "created_at",
                "pinned",
                "locked",
                "last_activity_at",
                "reply_count",
                "helpful",
                "supports_given",
            ],
            posts,
        )
        .await?;
        let supports = supports
            .iter()
            .map(|support| {
                vec![
                    Cell::Int(support.post.0),
                    Cell::Int(support.account.0),
                    Cell::text(support.kind.as_str()),
                    Cell::time(support.created_at),
                ]
            })
            .collect();
        self.write(
            "post_supports",
            &["post_id", "account_id", "kind", "created_at"],
            supports,
        )
        .await
    }

    /// Sessions, last seen when they were made.
    pub async fn sessions(&mut self, rows: &[BulkSession]) -> Result<(), StoreError> {
        let sessions = rows
            .iter()
            .map(|session| {
                vec![
                    Cell::Int(session.account.0),
                    Cell::text(&session.token_hash),
                    Cell::text("hearth bench"),
                    Cell::time(session.created_at),
                    Cell::time(session.created_at),
                    Cell::time(session.expires_at),
                ]
            })
            .collect();
        self.write(
            "sessions",
            &[
                "account_id",
                "token_hash",
                "user_agent",
                "created_at",
                "last_seen_at",
                "expires_at",
            ],
            sessions,
        )
        .await
    }

    /// Leaves the database as the server would find it after a while in
    /// use. On PostgreSQL: the id sequences moved past the ids written, and
    /// the tables vacuumed and analysed (what autovacuum would otherwise do
    /// in the middle of a measurement). On SQLite: the write-ahead log
    /// folded into the database file, synced to disk.
    pub async fn finish(self) -> Result<(), StoreError> {
        match self.connection {
            LoaderConnection::Sqlite(mut connection) => {
                for sql in [
                    "PRAGMA synchronous = FULL",
                    "PRAGMA wal_checkpoint(TRUNCATE)",
                ] {
                    sqlx::query(sql).execute(&mut connection).await?;
                }
                connection.close().await?;
            }
            LoaderConnection::Postgres(mut connection) => {
                for sql in [
                    "SELECT setval(pg_get_serial_sequence('accounts', 'id'),
                                   (SELECT MAX(id) FROM accounts))",
                    "SELECT setval(pg_get_serial_sequence('groups', 'id'),
                                   (SELECT MAX(id) FROM groups))",
                    "SELECT setval(pg_get_serial_sequence('posts', 'id'),
                                   (SELECT MAX(id) FROM posts))",
                ] {
                    sqlx::query(sql).execute(&mut connection).await?;
                }
                sqlx::query(
                    "VACUUM (ANALYZE) accounts, groups, group_norms, memberships,
                         norm_agreements, posts, post_supports, sessions",
                )
                .execute(&mut connection)
                .await?;
                connection.close().await?;
            }
        }
        Ok(())
    }

    /// Writes `rows` (each with a value for every one of `columns`) into
    /// `table` in one transaction.
    async fn write(
        &mut self,
        table: &str,
        columns: &[&str],
        rows: Vec<Vec<Cell<'_>>>,
    ) -> Result<(), StoreError> {
        let columns_list = columns.join(", ");
        match &mut self.connection {
            LoaderConnection::Sqlite(connection) => {
                let per_statement = (SQLITE_MAX_BINDS / columns.len()).clamp(1, SQLITE_MAX_ROWS);
                let mut tx = connection.begin().await?;
                for chunk in rows.chunks(per_statement) {
                    let mut insert = QueryBuilder::<Sqlite>::new(format!(
                        "INSERT INTO {table} ({columns_list}) "
                    ));
                    insert.push_values(chunk, |mut values, row| {
                        for cell in row {
                            match cell {
                                Cell::Int(value) => values.push_bind(*value),
                                Cell::Text(text) => values.push_bind(text.as_ref()),
                                Cell::Bool(value) => values.push_bind(*value),
                                Cell::Null => values.push_bind(None::<i64>),
                            };
                        }
                    });
                    insert.build().execute(&mut *tx).await?;
                }
                tx.commit().await?;
            }
            LoaderConnection::Postgres(connection) => {
                let mut tx = connection.begin().await?;
                let mut copy = tx
                    .copy_in_raw(&format!("COPY {table} ({columns_list}) FROM STDIN"))
                    .await?;
                let mut piece = Vec::with_capacity(COPY_PIECE_BYTES + 4096);
                for row in &rows {
                    for (index, cell) in row.iter().enumerate() {
                        if index > 0 {
                            piece.push(b'\t');
                        }
                        cell.copy_into(&mut piece);
                    }
                    piece.push(b'\n');
                    if piece.len() >= COPY_PIECE_BYTES {
                        copy.send(std::mem::take(&mut piece)).await?;
                        piece.reserve(COPY_PIECE_BYTES + 4096);
                    }
                }
                if !piece.is_empty() {
                    copy.send(piece).await?;
                }
                copy.finish().await?;
                tx.commit().await?;
            }
        }
        Ok(())
    }
}
