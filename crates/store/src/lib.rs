//! Hearth's database.
//!
//! One [`Store`] over sqlx's native SQLite or PostgreSQL pool, chosen by the
//! URL. Each feature has its own module of `impl Store` blocks; the SQL text is
//! the same for both engines wherever the engines agree, and where they do not,
//! both versions stand next to each other in the same function.
//!
//! Instants are stored as Unix seconds (UTC) in `BIGINT` columns on both
//! engines, and cross this crate's boundary as [`jiff::Timestamp`].

mod connect;
mod error;
pub mod groups;
mod lease;
pub mod meetings;
pub mod moderation;
pub mod people;
pub mod recovery;
pub mod sealing;
pub mod sessions;
#[cfg(feature = "testing")]
pub mod testing;
pub mod throttle;

pub use connect::{Backend, ConnectError};
pub use error::{Entity, StoreError};

use lease::LeasingPool;

/// A handle on the database. Cheap to clone: clones share one pool.
#[derive(Clone, Debug)]
pub struct Store {
    pool: Pool,
    /// The data keys private text is sealed with: see [`sealing`]. A store
    /// without them serves everything but that text.
    keys: Option<std::sync::Arc<sealing::Keyring>>,
}

#[derive(Clone, Debug)]
enum Pool {
    Sqlite(LeasingPool<sqlx::Sqlite>),
    Postgres(LeasingPool<sqlx::Postgres>),
}

/// Runs `$body` with `$pool` bound to whichever native pool the store holds.
///
/// The body is compiled once per engine, so the same query text and the same
/// row types serve both without sqlx's `Any` driver.
macro_rules! on_pool {
    ($store:expr, |$pool:ident| $body:expr) => {
        match &$store.pool {
            $crate::Pool::Sqlite($pool) => $body,
            $crate::Pool::Postgres($pool) => $body,
        }
    };
}
pub(crate) use on_pool;

impl Store {
    /// Which engine this store runs on.
    pub fn backend(&self) -> Backend {
        match self.pool {
            Pool::Sqlite(_) => Backend::Sqlite,
            Pool::Postgres(_) => Backend::Postgres,
        }
    }

    /// Brings the schema up to date. Safe to run on every start, from several
    /// nodes at once: sqlx takes a lock while it migrates.
    pub async fn migrate(&self) -> Result<(), StoreError> {
        static SQLITE: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");
        static POSTGRES: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");
        match &self.pool {
            Pool::Sqlite(pool) => SQLITE.run(pool.pool()).await?,
            Pool::Postgres(pool) => POSTGRES.run(pool.pool()).await?,
        }
        self.render_unrendered_posts().await
    }

    /// Answers when the database does: the health check.
    pub async fn ping(&self) -> Result<(), StoreError> {
        on_pool!(self, |pool| {
            sqlx::query("SELECT 1").execute(pool).await.map(|_| ())
        })?;
        Ok(())
    }

    /// Waits for checked-out connections to come back, then closes them all.
    pub async fn close(&self) {
        on_pool!(self, |pool| pool.pool().close().await)
    }

    /// Runs `work` with one connection for all the statements it runs on
    /// this store, rather than one for each: see the `lease` module. For
    /// page reads; a transaction inside gives the connection back first.
    pub async fn leased<F: std::future::Future>(&self, work: F) -> F::Output {
        on_pool!(self, |pool| pool.leased(work).await)
    }

    /// Gives back the connection this task's leased scope holds, if any,
    /// before a wait on other requests that may need connections themselves;
    /// the scope takes one again at its next statement.
    pub fn give_back_lease(&self) {
        on_pool!(self, |pool| pool.give_back_lease())
    }
}

/// Starts a transaction that will write.
///
/// On SQLite it takes the write lock at once (`BEGIN IMMEDIATE`), waiting
/// up to the busy timeout for another writer to finish. A deferred
/// transaction that reads first and writes later cannot wait: if another
/// connection holds the write lock at that moment (one whose dropped
/// transaction is still being rolled back, say), SQLite answers "database
/// is locked" at once. PostgreSQL needs no such care.
pub(crate) trait BeginWrite {
    type Db: sqlx::Database;

    async fn begin_write(&self) -> Result<sqlx::Transaction<'static, Self::Db>, sqlx::Error>;
}

impl BeginWrite for LeasingPool<sqlx::Sqlite> {
    type Db = sqlx::Sqlite;

    async fn begin_write(&self) -> Result<sqlx::Transaction<'static, sqlx::Sqlite>, sqlx::Error> {
        self.give_back_lease();
        self.pool().begin_with("BEGIN IMMEDIATE").await
    }
}

impl BeginWrite for LeasingPool<sqlx::Postgres> {
    type Db = sqlx::Postgres;

    async fn begin_write(&self) -> Result<sqlx::Transaction<'static, sqlx::Postgres>, sqlx::Error> {
        self.give_back_lease();
        self.pool().begin().await
    }
}

/// Instants cross the crate boundary as [`jiff::Timestamp`] and rest in the
/// database as whole Unix seconds.
pub(crate) fn to_seconds(instant: jiff::Timestamp) -> i64 {
    instant.as_second()
}

pub(crate) fn from_seconds(seconds: i64) -> jiff::Timestamp {
    jiff::Timestamp::from_second(seconds).unwrap_or(jiff::Timestamp::UNIX_EPOCH)
}
