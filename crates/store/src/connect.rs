use std::str::FromStr;
use std::time::Duration;

use sqlx::Connection;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};

use crate::lease::LeasingPool;
use crate::{Pool, Store};

/// The two engines Hearth runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Why the database could not be opened. Its `Display` is one line an
/// operator can act on, and never contains a password.
#[derive(Debug, thiserror::Error)]
pub enum ConnectError {
    #[error(
        "unsupported database URL {0:?}: use sqlite://PATH (e.g. sqlite://hearth.db) \
         or postgres://USER@HOST/DATABASE"
    )]
    UnsupportedUrl(String),
    #[error("the database URL {url} is not valid: {reason}")]
    InvalidUrl { url: String, reason: String },
    #[error("could not open the SQLite database {url}: {reason}")]
    Sqlite { url: String, reason: String },
    #[error("could not connect to PostgreSQL at {url}: {reason}")]
    Postgres { url: String, reason: String },
}

/// How long a request waits for a free connection before giving up; also
/// bounds how long start-up waits for an unreachable server.
const ACQUIRE_TIMEOUT: Duration = Duration::from_secs(5);
/// Connections each node keeps to PostgreSQL: twice the cores, and one more
/// (the PostgreSQL wiki's rule of thumb), at most [`MOST_POSTGRES_CONNECTIONS`].
/// Requests queue for one in the node rather than as backends competing for
/// the cores. On the benchmark's two cores, where the database runs beside the
/// node, 16 gave a group page a p99 of 30 ms and 8 gave 19; with a page's
/// statements on one connection, 5 gave a thread page 16 ms where 8 gave 19,
/// and 7% more pages a second (`docs/BENCHMARKS.md`).
fn postgres_connections() -> u32 {
    let cores = std::thread::available_parallelism().map_or(1, |cores| cores.get());
    u32::try_from(2 * cores + 1).map_or(MOST_POSTGRES_CONNECTIONS, |wanted| {
        wanted.min(MOST_POSTGRES_CONNECTIONS)
    })
}
/// Eight cores' worth: five nodes stay inside PostgreSQL's default of 100
/// connections.
const MOST_POSTGRES_CONNECTIONS: u32 = 17;
/// Every statement is prepared once per connection and then planned once,
/// without its values, as SQLite plans; the SQL is written for plans that
/// hold for any value. Left to choose, PostgreSQL planned the group page's
/// list of threads afresh on every request, because its estimate for one
/// large group looked cheaper than the plan for any group, which is the
/// same plan (`docs/BENCHMARKS.md`).
///
/// Sent with the connection's start, so it costs no round trip.
const POSTGRES_PLAN_CACHE_MODE: (&str, &str) = ("plan_cache_mode", "force_generic_plan");
/// A PostgreSQL connection idle this long is checked with a round trip
/// before a request gets it, so one the server dropped (a restart, a
/// failover) is replaced rather than failing the request. Busier connections
/// skip the check: it was a third of the round trips of every statement, and
/// sqlx still checks each connection as it comes back to the pool. A page
/// then moved 10 to 20% more requests a second (`docs/BENCHMARKS.md`).
const POSTGRES_CHECK_IDLE_AFTER: Duration = Duration::from_secs(1);
/// How long SQLite waits on a lock held by another writer.
const SQLITE_BUSY_TIMEOUT: Duration = Duration::from_secs(5);
/// How much of the SQLite file each connection maps into memory (SQLite's
/// own ceiling is about 2 GiB). Pages are then read from the operating
/// system's file cache in place, where without it every page a query visits
/// costs a `pread` system call and a copy: a fifth of a group page's work on
/// a database of millions of posts. The mapping is the shared file cache,
/// not memory of the server's own, though it counts in the process's RSS.
const SQLITE_MMAP_BYTES: u64 = 2 << 30;

/// Turns off SQLite's memory statistics for the process, before its first
/// connection. With them on, every allocation SQLite makes takes one lock
/// shared by all connections, and the pool's 8 worker threads queue on it: a
/// group page cost 400 µs of the server's time with them and 360 without
/// (`docs/BENCHMARKS.md`). Hearth reads none of the statistics.
fn turn_off_sqlite_memory_statistics() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        use libsqlite3_sys::{SQLITE_CONFIG_MEMSTATUS, SQLITE_OK, sqlite3_config};
        // SAFETY: `SQLITE_CONFIG_MEMSTATUS` takes one `int`. `sqlite3_config`
        // must not run beside other SQLite calls; every connection this
        // process opens waits for this `Once` first. Once SQLite has started
        // it refuses the change and nothing else happens.
        let code = unsafe { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0 as std::ffi::c_int) };
        if code != SQLITE_OK {
            tracing::warn!(code, "SQLite kept its memory statistics on");
        }
    });
}

impl Store {
    /// Opens the database the URL names: `sqlite://PATH` (the file is created
    /// if missing) or `postgres://...`.
    pub async fn connect(url: &str) -> Result<Store, ConnectError> {
        let shown = redact_password(url);
        let scheme = url.split_once(':').map(|(scheme, _)| scheme);
        match scheme {
            Some("sqlite") => {
                turn_off_sqlite_memory_statistics();
                let options = SqliteConnectOptions::from_str(url)
                    .map_err(|e| ConnectError::InvalidUrl {
                        url: shown.clone(),
                        reason: e.to_string(),
                    })?
                    .create_if_missing(true)
                    .journal_mode(SqliteJournalMode::Wal)
                    .synchronous(SqliteSynchronous::Normal)
                    .foreign_keys(true)
                    .busy_timeout(SQLITE_BUSY_TIMEOUT)
                    .pragma("mmap_size", SQLITE_MMAP_BYTES.to_string());
                let pool = SqlitePoolOptions::new()
                    .max_connections(8)
                    // A file does not drop its connections: the check before
                    // each use would only be a hop to the connection's thread.
                    .test_before_acquire(false)
                    .acquire_timeout(ACQUIRE_TIMEOUT)
                    .connect_with(options)
                    .await
                    .map_err(|e| ConnectError::Sqlite {
                        url: shown,
                        reason: one_line(&e),
                    })?;
                Ok(Store {
                    pool: Pool::Sqlite(LeasingPool::new(pool)),
                    keys: None,
                })
            }
            Some("postgres" | "postgresql") => {
                let options = PgConnectOptions::from_str(url)
                    .map_err(|e| ConnectError::InvalidUrl {
                        url: shown.clone(),
                        reason: one_line(&e),
                    })?
                    .options([POSTGRES_PLAN_CACHE_MODE]);
                let pool = PgPoolOptions::new()
                    .max_connections(postgres_connections())
                    .test_before_acquire(false)
                    .before_acquire(|connection, metadata| {
                        Box::pin(async move {
                            if metadata.idle_for >= POSTGRES_CHECK_IDLE_AFTER {
                                connection.ping().await?;
                            }
                            Ok(true)
                        })
                    })
                    .acquire_timeout(ACQUIRE_TIMEOUT)
                    .connect_with(options)
                    .await
                    .map_err(|e| ConnectError::Postgres {
                        url: shown,
                        reason: one_line(&e),
                    })?;
                Ok(Store {
                    pool: Pool::Postgres(LeasingPool::new(pool)),
                    keys: None,
                })
            }
            _ => Err(ConnectError::UnsupportedUrl(shown)),
        }
    }
}

fn one_line(error: &sqlx::Error) -> String {
    error.to_string().replace('\n', " ")
}

/// `postgres://me:secret@host/db` -> `postgres://me:***@host/db`.
pub(crate) fn redact_password(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let authority_end = rest.find('/').unwrap_or(rest.len());
    let (authority, path) = rest.split_at(authority_end);
    match authority.rsplit_once('@') {
        Some((user_info, host)) if user_info.contains(':') => {
            let user = user_info.split(':').next().unwrap_or_default();
            format!("{scheme}://{user}:***@{host}{path}")
        }
        _ => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::redact_password;

    #[test]
    fn passwords_never_reach_error_messages() {
        assert_eq!(
            redact_password("postgres://me:secret@db.local:5432/hearth"),
            "postgres://me:***@db.local:5432/hearth"
        );
        assert_eq!(
            redact_password("postgres://me@db.local/hearth"),
            "postgres://me@db.local/hearth"
        );
        assert_eq!(redact_password("sqlite://hearth.db"), "sqlite://hearth.db");
    }
}
