//! Fresh, migrated databases for tests, on either engine.
//!
//! SQLite tests get a file in a temporary folder. PostgreSQL tests get a new
//! database on the server named by `HEARTH_TEST_POSTGRES_URL` (an account
//! allowed to `CREATE DATABASE`); `scripts/test` starts a throw-away server and
//! sets it. Without it, PostgreSQL tests fail and say so, rather than passing
//! without having run.

use std::sync::atomic::{AtomicU32, Ordering};

use sqlx::Connection;
use tempfile::TempDir;

use crate::sealing::Keyring;
use crate::{Backend, Store, on_pool};

/// The variable naming the PostgreSQL server tests create databases on.
pub const POSTGRES_URL_VAR: &str = "HEARTH_TEST_POSTGRES_URL";

/// The data key every test database seals with, so a `hearth` binary a
/// test starts on it can be given the same one in `HEARTH_DATA_KEY`.
pub const TEST_DATA_KEY: &str = "dGVzdHMgb25seTogbmV2ZXIgc2VhbCByZWFsIHdvcmQ=";

/// A migrated database that lives as long as this value (SQLite) or as long
/// as the test server (PostgreSQL).
pub struct TestDatabase {
    pub store: Store,
    /// The URL the store was opened with, for tests that open it again.
    pub url: String,
    /// The data keys the store seals private text with, for tests that open
    /// the database again.
    pub keys: Keyring,
    _dir: Option<TempDir>,
}

impl TestDatabase {
    pub async fn new(backend: Backend) -> TestDatabase {
        let (url, dir) = match backend {
            Backend::Sqlite => {
                let dir = tempfile::tempdir().expect("a temporary folder for the test database");
                let url = format!("sqlite://{}", dir.path().join("hearth.db").display());
                (url, Some(dir))
            }
            Backend::Postgres => (fresh_postgres_database().await, None),
        };
        let store = Store::connect(&url).await.expect("the test database opens");
        store.migrate().await.expect("the test database migrates");
        let keys = Keyring::parse(TEST_DATA_KEY).expect("the test data key is valid");
        let store = (store.with_data_keys(keys.clone()).await)
            .expect("a fresh database takes any data key");
        TestDatabase {
            store,
            url,
            keys,
            _dir: dir,
        }
    }
}

impl TestDatabase {
    /// Runs one statement on the test database behind the store's back, for
    /// states the store's own API cannot produce.
    pub async fn execute_behind_the_store(&self, sql: &'static str) {
        if self.url.starts_with("sqlite:") {
            let mut connection = sqlx::SqliteConnection::connect(&self.url).await.unwrap();
            sqlx::query(sql).execute(&mut connection).await.unwrap();
            connection.close().await.unwrap();
        } else {
            let mut connection = sqlx::PgConnection::connect(&self.url).await.unwrap();
            sqlx::query(sql).execute(&mut connection).await.unwrap();
            connection.close().await.unwrap();
        }
    }
}

impl TestDatabase {
    /// Reads one text column behind the store's back: what someone holding
    /// only the database would see.
    pub async fn read_behind_the_store(&self, sql: &'static str) -> Vec<String> {
        if self.url.starts_with("sqlite:") {
            let mut connection = sqlx::SqliteConnection::connect(&self.url).await.unwrap();
            let texts = sqlx::query_scalar(sql)
                .fetch_all(&mut connection)
                .await
                .unwrap();
            connection.close().await.unwrap();
            texts
        } else {
            let mut connection = sqlx::PgConnection::connect(&self.url).await.unwrap();
            let texts = sqlx::query_scalar(sql)
                .fetch_all(&mut connection)
                .await
                .unwrap();
            connection.close().await.unwrap();
            texts
        }
    }
}

impl Store {
    /// How many connections the store's pool opens at most.
    pub fn max_connections(&self) -> u32 {
        on_pool!(self, |pool| pool.pool().options().get_max_connections())
    }

    /// Which connection a statement runs on, for tests of how statements
    /// share connections: the PostgreSQL backend's process id, or on SQLite
    /// a random number a temporary table keeps for the connection's life.
    pub async fn connection_id(&self) -> i64 {
        const SQLITE: &str = "CREATE TEMP TABLE IF NOT EXISTS connection_id AS
                                  SELECT abs(random()) AS id;
                              SELECT id FROM connection_id";
        match &self.pool {
            crate::Pool::Sqlite(pool) => {
                let row = sqlx::raw_sql(SQLITE).fetch_one(pool).await.unwrap();
                sqlx::Row::get(&row, "id")
            }
            crate::Pool::Postgres(pool) => sqlx::query_scalar("SELECT pg_backend_pid()::BIGINT")
                .fetch_one(pool)
                .await
                .unwrap(),
        }
    }
}

async fn fresh_postgres_database() -> String {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let server = std::env::var(POSTGRES_URL_VAR).unwrap_or_else(|_| {
        panic!(
            "{POSTGRES_URL_VAR} is not set: run ./scripts/test, which starts a PostgreSQL \
             server for the tests, or point it at a server where you may CREATE DATABASE"
        )
    });
    let now = jiff::Timestamp::now().as_second();
    let name = format!(
        "{TEST_DATABASE_PREFIX}{now}_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    );
    let mut admin = sqlx::PgConnection::connect(&server)
        .await
        .unwrap_or_else(|e| panic!("cannot reach the test PostgreSQL server: {e}"));
    drop_stale_test_databases(&mut admin, now).await;
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .execute(&mut admin)
        .await
        .expect("CREATE DATABASE for a test");
    admin.close().await.ok();
    replace_database_name(&server, &name)
}

/// Test databases are named `hearth_test_{made, in Unix seconds}_{pid}_{n}`.
const TEST_DATABASE_PREFIX: &str = "hearth_test_";
/// Test databases older than this are left over from earlier runs.
const STALE_AFTER_SECONDS: i64 = 6 * 60 * 60;

/// Drops test databases earlier runs left on the server, once a process: a
/// test cannot drop its own (`Drop` cannot wait for the server), and on a
/// server that outlives the runs they would fill its disk. One still in use
/// cannot be dropped and is left.
async fn drop_stale_test_databases(admin: &mut sqlx::PgConnection, now: i64) {
    static SWEPT: tokio::sync::OnceCell<()> = tokio::sync::OnceCell::const_new();
    SWEPT
        .get_or_init(|| async {
            let names: Vec<String> =
                sqlx::query_scalar("SELECT datname FROM pg_database WHERE datname LIKE $1")
                    .bind(format!("{TEST_DATABASE_PREFIX}%"))
                    .fetch_all(&mut *admin)
                    .await
                    .unwrap_or_default();
            for name in names.iter().filter(|name| is_stale(name, now)) {
                let sql = format!("DROP DATABASE IF EXISTS {name}");
                let _ = sqlx::query(sqlx::AssertSqlSafe(sql))
                    .execute(&mut *admin)
                    .await;
            }
        })
        .await;
}

/// Whether a test database was made more than [`STALE_AFTER_SECONDS`]
/// before `now`, judged by its name.
fn is_stale(name: &str, now: i64) -> bool {
    let made = name
        .strip_prefix(TEST_DATABASE_PREFIX)
        .and_then(|rest| rest.split('_').next())
        .and_then(|seconds| seconds.parse::<i64>().ok());
    made.is_some_and(|made| now - made > STALE_AFTER_SECONDS)
}

/// `postgres://u@h:5432/postgres?x=y` with `name` -> `postgres://u@h:5432/name?x=y`.
fn replace_database_name(server_url: &str, name: &str) -> String {
    let (base, query) = match server_url.split_once('?') {
        Some((base, query)) => (base, Some(query)),
        None => (server_url, None),
    };
    let after_scheme = base.find("://").map_or(0, |i| i + 3);
    let authority_end = base[after_scheme..]
        .find('/')
        .map_or(base.len(), |i| after_scheme + i);
    let mut url = format!("{}/{name}", &base[..authority_end]);
    if let Some(query) = query {
        url.push('?');
        url.push_str(query);
    }
    url
}

/// Runs each test body once on SQLite and once on PostgreSQL.
///
/// ```ignore
/// backend_tests! {
///     setup = TestDatabase::new;
///     async fn creates_an_account(db) { ... }
/// }
/// ```
/// expands to `mod sqlite { #[tokio::test] async fn creates_an_account() }` and
/// the same in `mod postgres`, each calling `setup(Backend)` for `db`.
#[macro_export]
macro_rules! backend_tests {
    (setup = $setup:path; $(async fn $name:ident($fixture:ident) $body:block)*) => {
        mod sqlite {
            #[allow(unused_imports)]
            use super::*;
            $(
                #[::tokio::test]
                async fn $name() {
                    let $fixture = $setup($crate::Backend::Sqlite).await;
                    $body
                }
            )*
        }
        mod postgres {
            #[allow(unused_imports)]
            use super::*;
            $(
                #[::tokio::test]
                async fn $name() {
                    let $fixture = $setup($crate::Backend::Postgres).await;
                    $body
                }
            )*
        }
    };
}

#[cfg(test)]
mod tests {
    use super::{is_stale, replace_database_name};

    #[test]
    fn test_databases_are_stale_after_six_hours_by_their_name() {
        let now = 1_800_000_000;
        assert!(!is_stale("hearth_test_1800000000_4242_0", now));
        assert!(!is_stale("hearth_test_1799978400_4242_7", now));
        assert!(is_stale("hearth_test_1799978399_4242_7", now));
        // Named before the time came first: a process id there reads as long ago.
        assert!(is_stale("hearth_test_31337_123456789_3", now));
        assert!(!is_stale("hearth_bench", now));
        assert!(!is_stale("hearth_test_x_1_2", now));
    }

    #[test]
    fn swaps_the_database_and_keeps_the_rest() {
        assert_eq!(
            replace_database_name("postgres://u@127.0.0.1:5433/postgres?sslmode=disable", "t1"),
            "postgres://u@127.0.0.1:5433/t1?sslmode=disable"
        );
        assert_eq!(
            replace_database_name("postgres://u@localhost", "t2"),
            "postgres://u@localhost/t2"
        );
    }
}
