//! A leased scope (`Store::leased`, what every page read runs in) on both
//! engines: its statements share one connection that no one else gets
//! meanwhile, its transactions never wait for a second connection, it can
//! give its connection back before waiting on others, and a failed
//! statement does not spoil what comes after it.

mod common;

use std::time::Duration;

use common::*;
use hearth_domain::groups::GroupKind;
use hearth_store::testing::TestDatabase;
use hearth_store::{Entity, StoreError, backend_tests};

/// Longer than any of these tests needs, shorter than the pool's own
/// 5-second wait for a connection: a scope stuck waiting shows as a timeout.
const PATIENCE: Duration = Duration::from_secs(4);

backend_tests! {
    setup = TestDatabase::new;

    async fn a_leased_scope_keeps_one_connection_for_all_its_statements(db) {
        let store = &db.store;
        let river = person(store, "river").await;
        store.leased(async {
            let first = store.connection_id().await;
            // Others keep asking for connections while the scope holds its own.
            let others: Vec<i64> = futures_util::future::join_all(
                (0..12).map(|_| async {
                    let other = store.clone();
                    tokio::spawn(async move { other.connection_id().await }).await.unwrap()
                }),
            )
            .await;
            assert!(!others.contains(&first), "{first} was lent out while leased: {others:?}");
            store.account(river).await.unwrap().expect("river's account");
            assert_eq!(store.connection_id().await, first);
        })
        .await;
    }

    async fn statements_outside_a_scope_each_take_a_connection_of_their_own(db) {
        let store = &db.store;
        // Two at once need two connections; afterwards both are in the pool.
        let (a, b) = tokio::join!(
            tokio::spawn({ let s = store.clone(); async move { s.connection_id().await } }),
            tokio::spawn({ let s = store.clone(); async move { s.connection_id().await } }),
        );
        assert_ne!(a.unwrap(), b.unwrap());
        // Held by nobody between statements, the connections take turns.
        let mut seen = Vec::new();
        for _ in 0..8 {
            seen.push(store.connection_id().await);
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        seen.sort_unstable();
        seen.dedup();
        assert!(seen.len() > 1, "every statement ran on {seen:?}");
    }

    async fn transactions_in_leased_scopes_never_wait_for_a_second_connection(db) {
        let store = &db.store;
        let owner = person(store, "owner").await;
        // More scopes than the pool has connections, each holding its lease
        // when it opens a transaction.
        let count = store.max_connections() + 4;
        let scopes = (0..count).map(|number| {
            let store = store.clone();
            tokio::spawn(async move {
                store.leased(async {
                    store.account(owner).await.unwrap().expect("the owner's account");
                    let name = format!("Evening group {number}");
                    let group = make_group(&store, owner, &name, GroupKind::Open).await;
                    store.group(group.id).await.unwrap().expect("the new group").name
                })
                .await
            })
        });
        let names = tokio::time::timeout(PATIENCE, futures_util::future::join_all(scopes))
            .await
            .expect("no scope waited for a second connection");
        let mut names: Vec<String> = names.into_iter().map(|name| name.unwrap().to_string()).collect();
        names.sort();
        assert_eq!(names.len(), count as usize);
        assert_eq!(names[0], "Evening group 0");
    }

    async fn scopes_waiting_on_another_request_give_their_connections_back(db) {
        let store = &db.store;
        // What the search index's catch-up is: one request works while the
        // others wait for it, and it needs a connection.
        let turn = std::sync::Arc::new(tokio::sync::Mutex::new(()));
        let working = turn.clone().lock_owned().await;
        let waiting: Vec<_> = (0..store.max_connections() + 4)
            .map(|_| {
                let (store, turn) = (store.clone(), turn.clone());
                tokio::spawn(async move {
                    store.leased(async {
                        store.connection_id().await;
                        store.give_back_lease();
                        drop(turn.lock().await);
                        store.connection_id().await
                    })
                    .await
                })
            })
            .collect();
        // Let every scope reach its wait.
        tokio::time::sleep(Duration::from_millis(200)).await;
        tokio::time::timeout(PATIENCE, store.connection_id())
            .await
            .expect("a connection was free for the one at work");
        drop(working);
        for scope in waiting {
            assert!(scope.await.unwrap() > 0);
        }
    }

    async fn a_failed_statement_in_a_scope_does_not_spoil_the_next(db) {
        let store = &db.store;
        let river = person(store, "river").await;
        store.leased(async {
            store.connection_id().await;
            let handle = hearth_domain::people::Handle::parse("river").unwrap();
            match store.create_account(&handle, "hash", None, t(1)).await {
                Err(StoreError::Conflict(Entity::Account)) => {}
                other => panic!("expected the handle taken, got {other:?}"),
            }
            assert_eq!(store.account(river).await.unwrap().unwrap().handle, "river");
        })
        .await;
    }

    async fn statements_of_one_scope_may_run_at_once(db) {
        let store = &db.store;
        store.leased(async {
            let (a, b) = tokio::time::timeout(PATIENCE, async {
                tokio::join!(store.connection_id(), store.connection_id())
            })
            .await
            .expect("neither waited for the other's connection");
            assert!(a > 0 && b > 0);
        })
        .await;
    }
}
