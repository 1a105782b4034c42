//! One connection for all the statements of a page read.
//!
//! sqlx lends a pooled connection for each statement, and checks it with a
//! round trip to the database when it comes back. A page that runs two
//! statements (the session with its group, then the page's own) paid for two
//! loans and two checks, where `/healthz` pays for one of each. Inside
//! [`Store::leased`], the statements a task runs share one connection: taken
//! at the first, kept between them, given back when the scope ends.
//!
//! A transaction never waits for a second connection while the task holds
//! one: [`BeginWrite`](crate::BeginWrite) gives the leased connection back
//! first. Without that, as many leased requests as the pool has
//! connections, each opening a transaction, would wait on each other until
//! the pool's timeout. For the same reason a scope about to wait on another
//! request (the search index's catch-up) gives its connection back first:
//! [`Store::give_back_lease`](crate::Store::give_back_lease).

use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use futures_util::TryStreamExt;
use futures_util::future::BoxFuture;
use futures_util::stream::BoxStream;
use sqlx::pool::PoolConnection;
use sqlx::{Database, Either, Error, Execute, Executor, Postgres, Sqlite};
use tokio::sync::{Mutex, OwnedMutexGuard};

tokio::task_local! {
    static LEASE: Lease;
}

/// A pool whose statements run on the task's leased connection when the task
/// has one, and on a connection of their own otherwise.
#[derive(Debug)]
pub(crate) struct LeasingPool<DB: Database> {
    pool: sqlx::Pool<DB>,
    /// Tells this pool's leases from another store's, when one task uses two
    /// (tests run several nodes in one process).
    id: u64,
}

// By hand: a derived `Clone` would ask the database type to be `Clone`.
impl<DB: Database> Clone for LeasingPool<DB> {
    fn clone(&self) -> Self {
        LeasingPool {
            pool: self.pool.clone(),
            id: self.id,
        }
    }
}

/// The connection a leased scope shares, once its first statement took one.
type Slot<DB> = Arc<Mutex<Option<PoolConnection<DB>>>>;

/// The task's lease: which pool it is for, and the connection.
#[derive(Clone)]
pub(crate) enum Lease {
    Sqlite(u64, Slot<Sqlite>),
    Postgres(u64, Slot<Postgres>),
}

/// The two engines' leases, named by their database types.
pub(crate) trait LeaseEngine: Database {
    fn new_lease(pool: u64) -> Lease;
    fn slot_of(lease: &Lease, pool: u64) -> Option<Slot<Self>>;
}

impl LeaseEngine for Sqlite {
    fn new_lease(pool: u64) -> Lease {
        Lease::Sqlite(pool, Slot::default())
    }

    fn slot_of(lease: &Lease, pool: u64) -> Option<Slot<Self>> {
        match lease {
            Lease::Sqlite(id, slot) if *id == pool => Some(slot.clone()),
            _ => None,
        }
    }
}

impl LeaseEngine for Postgres {
    fn new_lease(pool: u64) -> Lease {
        Lease::Postgres(pool, Slot::default())
    }

    fn slot_of(lease: &Lease, pool: u64) -> Option<Slot<Self>> {
        match lease {
            Lease::Postgres(id, slot) if *id == pool => Some(slot.clone()),
            _ => None,
        }
    }
}

impl<DB: LeaseEngine> LeasingPool<DB> {
    pub(crate) fn new(pool: sqlx::Pool<DB>) -> Self {
        static NEXT_ID: AtomicU64 = AtomicU64::new(1);
        LeasingPool {
            pool,
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
        }
    }

    /// The pool itself, for what is not a statement: migrations, closing,
    /// the connection options.
    pub(crate) fn pool(&self) -> &sqlx::Pool<DB> {
        &self.pool
    }

    /// Runs `work` with one connection for all its statements on this pool.
    pub(crate) async fn leased<F: Future>(&self, work: F) -> F::Output {
        LEASE.scope(DB::new_lease(self.id), work).await
    }

    /// The current task's lease of this pool, if it has one.
    fn slot(&self) -> Option<Slot<DB>> {
        LEASE
            .try_with(|lease| DB::slot_of(lease, self.id))
            .ok()
            .flatten()
    }

    /// Gives the task's leased connection back to the pool, so that what
    /// comes next (a transaction) takes one connection, not a second.
    pub(crate) fn give_back_lease(&self) {
        if let Some(slot) = self.slot()
            && let Ok(mut connection) = slot.try_lock()
        {
            connection.take();
        }
    }

    /// A connection for one statement: the leased one when the task has a
    /// lease that no other statement of the task is using at the moment
    /// (that one then takes its own rather than wait).
    async fn check_out(&self) -> Result<CheckedOut<DB>, Error> {
        if let Some(slot) = self.slot()
            && let Ok(mut leased) = slot.try_lock_owned()
        {
            if leased.is_none() {
                *leased = Some(self.pool.acquire().await?);
            }
            return Ok(CheckedOut::Leased(leased));
        }
        Ok(CheckedOut::Own(self.pool.acquire().await?))
    }
}

enum CheckedOut<DB: Database> {
    Leased(OwnedMutexGuard<Option<PoolConnection<DB>>>),
    Own(PoolConnection<DB>),
}

impl<DB: Database> CheckedOut<DB> {
    fn connection(&mut self) -> &mut DB::Connection {
        match self {
            CheckedOut::Leased(leased) => leased.as_mut().expect("checked out with a connection"),
            CheckedOut::Own(connection) => connection,
        }
    }

    /// After an error, the next statement takes a fresh connection: this
    /// one goes back to the pool, which checks it as it comes.
    fn after(&mut self, failed: bool) {
        if let (true, CheckedOut::Leased(leased)) = (failed, self) {
            leased.take();
        }
    }
}

impl<'p, DB: LeaseEngine> Executor<'p> for &'_ LeasingPool<DB>
where
    for<'c> &'c mut DB::Connection: Executor<'c, Database = DB>,
{
    type Database = DB;

    fn fetch_many<'e, 'q: 'e, E>(
        self,
        query: E,
    ) -> BoxStream<'e, Result<Either<DB::QueryResult, DB::Row>, Error>>
    where
        'p: 'e,
        E: 'q + Execute<'q, DB>,
    {
        let pool = self.clone();
        Box::pin(sqlx_core::try_stream! {
            let mut checked_out = pool.check_out().await?;
            let mut failure = None;
            {
                let mut results = checked_out.connection().fetch_many(query);
                loop {
                    match results.try_next().await {
                        Ok(Some(result)) => r#yield!(result),
                        Ok(None) => break,
                        Err(error) => {
                            failure = Some(error);
                            break;
                        }
                    }
                }
            }
            checked_out.after(failure.is_some());
            match failure {
                Some(error) => Err(error),
                None => Ok(()),
            }
        })
    }

    fn fetch_optional<'e, 'q: 'e, E>(
        self,
        query: E,
    ) -> BoxFuture<'e, Result<Option<DB::Row>, Error>>
    where
        'p: 'e,
        E: 'q + Execute<'q, DB>,
    {
        let pool = self.clone();
        Box::pin(async move {
            let mut checked_out = pool.check_out().await?;
            let row = checked_out.connection().fetch_optional(query).await;
            checked_out.after(row.is_err());
            row
        })
    }

    fn prepare_with<'e>(
        self,
        sql: sqlx::SqlStr,
        parameters: &'e [DB::TypeInfo],
    ) -> BoxFuture<'e, Result<DB::Statement, Error>>
    where
        'p: 'e,
    {
        let pool = self.clone();
        Box::pin(async move {
            let mut checked_out = pool.check_out().await?;
            let statement = checked_out.connection().prepare_with(sql, parameters).await;
            checked_out.after(statement.is_err());
            statement
        })
    }

    fn describe<'e>(
        self,
        sql: sqlx::SqlStr,
    ) -> BoxFuture<'e, Result<sqlx_core::describe::Describe<DB>, Error>>
    where
        'p: 'e,
    {
        let pool = self.clone();
        Box::pin(async move {
            let mut checked_out = pool.check_out().await?;
            let described = checked_out.connection().describe(sql).await;
            checked_out.after(described.is_err());
            described
        })
    }
}
