//! The store conformance suite: every public `Store` function, run once on
//! SQLite and once on PostgreSQL by `backend_tests!`.
//!
//! PostgreSQL needs `HEARTH_TEST_POSTGRES_URL` (see `hearth_store::testing`);
//! without it the PostgreSQL half fails rather than passing unrun.
//!
//! Times are fixed instants around `T0`, never `now()`, so every boundary
//! (expiry, throttling windows, pruning) is tested exactly.

use std::fmt::Debug;

use hearth_domain::moderation::ModeratorReason;
use hearth_domain::people::{Email, Handle, Role, TimeZoneName};
use hearth_store::groups::GroupId;
use hearth_store::people::{Account, AccountId};
use hearth_store::sessions::{Session, SessionId};
use hearth_store::testing::TestDatabase;
use hearth_store::{Backend, ConnectError, Entity, Store, StoreError, backend_tests};
use jiff::{SignedDuration, Timestamp};

/// 2027-01-15T08:00:00Z: far enough from today that no test depends on it.
const T0: i64 = 1_800_000_000;

/// `T0` moved by `offset` seconds.
fn t(offset: i64) -> Timestamp {
    Timestamp::from_second(T0 + offset).expect("a valid test instant")
}

/// What the operator says in the audit log when changing a role.
fn why() -> ModeratorReason {
    ModeratorReason::parse("Agreed at the service meeting").unwrap()
}

fn handle(input: &str) -> Handle {
    Handle::parse(input).expect("a valid test handle")
}

fn email(input: &str) -> Email {
    Email::parse(input).expect("a valid test email")
}

/// Makes an account with the password hash `hash-of-<handle>` and no email.
async fn make_account(store: &Store, name: &str) -> Account {
    let handle = handle(name);
    store
        .create_account(&handle, &format!("hash-of-{name}"), None, t(0))
        .await
        .expect("the test account is created")
}

/// Makes a session with the token hash `token`, used at `now`, ending at `expires_at`.
async fn make_session(
    store: &Store,
    account: &Account,
    token: &str,
    now: Timestamp,
    expires_at: Timestamp,
) -> Session {
    store
        .create_session(account.id, token, Some("test-agent"), now, expires_at)
        .await
        .expect("the test session is created")
}

fn expect_conflict<T: Debug>(result: Result<T, StoreError>, entity: Entity) {
    match result {
        Err(StoreError::Conflict(found)) => assert_eq!(found, entity),
        other => panic!("expected a {entity} conflict, got {other:?}"),
    }
}

fn expect_not_found<T: Debug>(result: Result<T, StoreError>, entity: Entity) {
    match result {
        Err(StoreError::NotFound(found)) => assert_eq!(found, entity),
        other => panic!("expected {entity} not found, got {other:?}"),
    }
}

fn backend_of(db: &TestDatabase) -> Backend {
    if db.url.starts_with("sqlite:") {
        Backend::Sqlite
    } else {
        Backend::Postgres
    }
}

fn ids(sessions: &[Session]) -> Vec<SessionId> {
    sessions.iter().map(|session| session.id).collect()
}

/// The live session a token hash signs in, as `Store::signed_in` finds it.
async fn live_session(
    store: &Store,
    token_hash: &str,
    now: Timestamp,
) -> Result<Option<Session>, StoreError> {
    Ok(store
        .signed_in(token_hash, now, None)
        .await?
        .map(|found| found.session))
}

/// The roles a fresh session of `account` finds, as every signed-in request
/// reads them; `group` is the group a route names, if any.
async fn roles_signed_in(store: &Store, account: &Account, group: Option<GroupId>) -> Vec<Role> {
    let token = format!("roles-of-{}-in-{group:?}", account.id.0);
    make_session(store, account, &token, t(10), t(100)).await;
    let found = store.signed_in(&token, t(11), group).await.unwrap();
    found.expect("the session is live").roles
}

backend_tests! {
    setup = TestDatabase::new;

    // --- Accounts ------------------------------------------------------------

    async fn create_account_returns_the_stored_row(db) {
        let store = &db.store;
        let river = handle("River");
        let created = store
            .create_account(&river, "hash-1", Some(&email("river@example.org")), t(0))
            .await
            .unwrap();
        assert_eq!(created.handle, "River");
        assert_eq!(created.email.as_deref(), Some("river@example.org"));
        assert_eq!(created.created_at, t(0));

        assert_eq!(store.account(created.id).await.unwrap(), Some(created.clone()));

        let credentials = store.credentials(river.key()).await.unwrap().unwrap();
        assert_eq!(credentials.account, created);
        assert_eq!(credentials.password_hash, "hash-1");
    }

    async fn email_is_optional(db) {
        let store = &db.store;
        let created = store
            .create_account(&handle("Stone"), "hash", None, t(0))
            .await
            .unwrap();
        assert_eq!(created.email, None);
        assert_eq!(store.account(created.id).await.unwrap().unwrap().email, None);
    }

    async fn accounts_get_distinct_ids(db) {
        let store = &db.store;
        let river = make_account(store, "River").await;
        let stone = make_account(store, "Stone").await;
        assert_ne!(river.id, stone.id);
        assert_eq!(store.account(river.id).await.unwrap().unwrap().handle, "River");
        assert_eq!(store.account(stone.id).await.unwrap().unwrap().handle, "Stone");
    }

    async fn a_handle_is_taken_in_every_case_and_width(db) {
        let store = &db.store;
        let first = make_account(store, "River").await;
        for taken in ["River", "RIVER", "rIvEr", "Ｒｉｖｅｒ", "ＲＩＶＥＲ"] {
            expect_conflict(
                store
                    .create_account(&handle(taken), "other-hash", None, t(5))
                    .await,
                Entity::Account,
            );
        }
        // The refused attempts changed nothing.
        let credentials = store.credentials("river").await.unwrap().unwrap();
        assert_eq!(credentials.account, first);
        assert_eq!(credentials.password_hash, "hash-of-River");
        // And the store still takes new handles afterwards.
        make_account(store, "Rivers").await;
    }

    async fn credentials_are_looked_up_by_handle_key(db) {
        let store = &db.store;
        let created = make_account(store, "River_Stone").await;
        let key = handle("River_Stone").key().to_owned();
        assert_eq!(key, "river_stone");
        let found = store.credentials(&key).await.unwrap().unwrap();
        assert_eq!(found.account, created);
        assert_eq!(found.password_hash, "hash-of-River_Stone");
        // Any spelling of the handle finds it once turned into a key.
        let shouted = store
            .credentials(&Handle::key_of("ＲＩＶＥＲ_ＳＴＯＮＥ"))
            .await
            .unwrap()
            .unwrap();
        assert_eq!(shouted.account.id, created.id);
        // The key, not the display form, is what is looked up.
        assert!(store.credentials("River_Stone").await.unwrap().is_none());
    }

    async fn unknown_accounts_are_none(db) {
        let store = &db.store;
        let known = make_account(store, "River").await;
        let missing = AccountId(known.id.0 + 1000);
        assert_eq!(store.account(missing).await.unwrap(), None);
        assert!(store.credentials("nobody").await.unwrap().is_none());
        assert_eq!(store.password_hash(missing).await.unwrap(), None);
    }

    async fn password_hash_can_be_read_and_replaced(db) {
        let store = &db.store;
        let river = make_account(store, "River").await;
        let stone = make_account(store, "Stone").await;
        assert_eq!(
            store.password_hash(river.id).await.unwrap().as_deref(),
            Some("hash-of-River")
        );

        store.set_password_hash(river.id, "new-hash").await.unwrap();
        assert_eq!(
            store.password_hash(river.id).await.unwrap().as_deref(),
            Some("new-hash")
        );
        let credentials = store.credentials("river").await.unwrap().unwrap();
        assert_eq!(credentials.password_hash, "new-hash");
        // Nobody else's changed.
        assert_eq!(
            store.password_hash(stone.id).await.unwrap().as_deref(),
            Some("hash-of-Stone")
        );
        // Setting the same hash again is still a success (the row exists).
        store.set_password_hash(river.id, "new-hash").await.unwrap();
    }

    async fn set_password_hash_for_a_missing_account_is_not_found(db) {
        let store = &db.store;
        let river = make_account(store, "River").await;
        expect_not_found(
            store.set_password_hash(AccountId(river.id.0 + 1000), "hash").await,
            Entity::Account,
        );
        assert_eq!(
            store.password_hash(river.id).await.unwrap().as_deref(),
            Some("hash-of-River")
        );
    }

    // --- Language ------------------------------------------------------------

    async fn a_chosen_language_is_kept_and_can_be_cleared(db) {
        let store = &db.store;
        let river = make_account(store, "River").await;
        let stone = make_account(store, "Stone").await;
        assert_eq!(river.locale, None, "a new account follows its browser");

        store.set_locale(river.id, Some("es")).await.unwrap();
        assert_eq!(store.account(river.id).await.unwrap().unwrap().locale.as_deref(), Some("es"));
        let credentials = store.credentials("river").await.unwrap().unwrap();
        assert_eq!(credentials.account.locale.as_deref(), Some("es"));
        assert_eq!(store.account(stone.id).await.unwrap().unwrap().locale, None);

        store.set_locale(river.id, None).await.unwrap();
        assert_eq!(store.account(river.id).await.unwrap().unwrap().locale, None);
        expect_not_found(
            store.set_locale(AccountId(stone.id.0 + 1000), Some("es")).await,
            Entity::Account,
        );
    }

    async fn a_time_zone_is_saved_as_the_database_names_it_and_read_with_the_session(db) {
        let store = &db.store;
        let river = make_account(store, "River").await;
        assert_eq!(river.time_zone, None, "none until chosen");
        let chicago = TimeZoneName::parse("america/chicago").unwrap();
        store.set_time_zone(river.id, &chicago).await.unwrap();
        assert_eq!(store.account(river.id).await.unwrap().unwrap().time_zone.as_deref(), Some("America/Chicago"));
        store.create_session(river.id, "tz-token", None, t(1), t(1000)).await.unwrap();
        let signed_in = store.signed_in("tz-token", t(2), None).await.unwrap().unwrap();
        assert_eq!(signed_in.account.time_zone.as_deref(), Some("America/Chicago"));
        expect_not_found(store.set_time_zone(AccountId(river.id.0 + 1000), &chicago).await, Entity::Account);
    }

    // --- Roles ---------------------------------------------------------------

    async fn roles_are_granted_once_and_listed_in_order(db) {
        let store = &db.store;
        let river = make_account(store, "River").await;
        let stone = make_account(store, "Stone").await;
        assert_eq!(store.roles(river.id).await.unwrap(), Vec::<Role>::new());

        assert!(store.grant_role("river", Role::Directory, &why(), t(1)).await.unwrap());
        assert!(!store.grant_role("river", Role::Directory, &why(), t(2)).await.unwrap());
        assert!(store.grant_role("river", Role::Admin, &why(), t(3)).await.unwrap());
        assert_eq!(
            store.roles(river.id).await.unwrap(),
            vec![Role::Admin, Role::Directory]
        );
        // A session finds each role once, with or without a group named.
        assert_eq!(roles_signed_in(store, &river, None).await, vec![Role::Admin, Role::Directory]);
        assert_eq!(
            roles_signed_in(store, &river, Some(GroupId(1))).await,
            vec![Role::Admin, Role::Directory]
        );
        // Granting to one account gives nothing to another.
        assert_eq!(store.roles(stone.id).await.unwrap(), Vec::<Role>::new());
        assert_eq!(roles_signed_in(store, &stone, None).await, Vec::<Role>::new());
    }

    async fn grant_role_takes_a_handle_key(db) {
        let store = &db.store;
        let river = make_account(store, "River").await;
        let key = Handle::key_of("Ｒｉｖｅｒ");
        assert!(store.grant_role(&key, Role::Admin, &why(), t(1)).await.unwrap());
        assert_eq!(store.roles(river.id).await.unwrap(), vec![Role::Admin]);
    }

    async fn roles_can_be_revoked(db) {
        let store = &db.store;
        let river = make_account(store, "River").await;
        let stone = make_account(store, "Stone").await;
        store.grant_role("river", Role::Admin, &why(), t(1)).await.unwrap();
        store.grant_role("river", Role::Directory, &why(), t(1)).await.unwrap();
        store.grant_role("stone", Role::Directory, &why(), t(1)).await.unwrap();

        assert!(store.revoke_role("river", Role::Directory, &why(), t(9)).await.unwrap());
        assert!(!store.revoke_role("river", Role::Directory, &why(), t(9)).await.unwrap());
        assert_eq!(store.roles(river.id).await.unwrap(), vec![Role::Admin]);
        // Only that account lost it.
        assert_eq!(store.roles(stone.id).await.unwrap(), vec![Role::Directory]);

        assert!(store.revoke_role("river", Role::Admin, &why(), t(9)).await.unwrap());
        assert_eq!(store.roles(river.id).await.unwrap(), Vec::<Role>::new());
        // A revoked role can be granted again.
        assert!(store.grant_role("river", Role::Admin, &why(), t(2)).await.unwrap());
        assert_eq!(store.roles(river.id).await.unwrap(), vec![Role::Admin]);
    }

    async fn roles_for_an_unknown_handle_are_not_found(db) {
        let store = &db.store;
        make_account(store, "River").await;
        expect_not_found(store.grant_role("nobody", Role::Admin, &why(), t(1)).await, Entity::Account);
        expect_not_found(store.revoke_role("nobody", Role::Admin, &why(), t(9)).await, Entity::Account);
        // The display form is not a key.
        expect_not_found(store.grant_role("River", Role::Admin, &why(), t(1)).await, Entity::Account);
    }

    async fn roles_of_an_unknown_account_are_empty(db) {
        let store = &db.store;
        assert_eq!(store.roles(AccountId(4242)).await.unwrap(), Vec::<Role>::new());
    }

    async fn roles_written_by_a_newer_version_are_ignored(db) {
        let store = &db.store;
        let river = make_account(store, "River").await;
        store.grant_role("river", Role::Directory, &why(), t(1)).await.unwrap();
        db.execute_behind_the_store(
            "INSERT INTO account_roles (account_id, role, granted_at)
             SELECT id, 'moderator', 1800000000 FROM accounts WHERE handle_key = 'river'",
        )
        .await;
        assert_eq!(store.roles(river.id).await.unwrap(), vec![Role::Directory]);
        assert_eq!(roles_signed_in(store, &river, None).await, vec![Role::Directory]);
    }

    // --- Sessions ------------------------------------------------------------

    async fn create_session_returns_the_stored_row(db) {
        let store = &db.store;
        let river = make_account(store, "River").await;
        let session = store
            .create_session(river.id, "token-1", Some("Firefox"), t(10), t(3610))
            .await
            .unwrap();
        assert_eq!(session.account_id, river.id);
        assert_eq!(session.user_agent.as_deref(), Some("Firefox"));
        assert_eq!(session.created_at, t(10));
        assert_eq!(session.last_seen_at, t(10));
        assert_eq!(session.expires_at, t(3610));
        assert_eq!(
            live_session(store, "token-1", t(10)).await.unwrap(),
            Some(session)
        );

        let without_agent = store
            .create_session(river.id, "token-2", None, t(10), t(3610))
            .await
            .unwrap();
        assert_eq!(without_agent.user_agent, None);
        assert_ne!(without_agent.id, live_session(store, "token-1", t(10))
            .await
            .unwrap()
            .unwrap()
            .id);
    }

    async fn a_token_hash_is_used_once(db) {
        let store = &db.store;
        let river = make_account(store, "River").await;
        let stone = make_account(store, "Stone").await;
        let first = make_session(store, &river, "token", t(0), t(100)).await;
        expect_conflict(
            store.create_session(stone.id, "token", None, t(1), t(100)).await,
            Entity::Session,
        );
        // The hash still leads to the first session, not to Stone.
        assert_eq!(
            live_session(store, "token", t(2)).await.unwrap(),
            Some(first)
        );
    }

    async fn a_session_needs_an_existing_account(db) {
        let store = &db.store;
        let river = make_account(store, "River").await;
        let result = store
            .create_session(AccountId(river.id.0 + 1000), "token", None, t(0), t(100))
            .await;
        assert!(
            matches!(result, Err(StoreError::Database(_))),
            "a session for a missing account must be refused, got {result:?}"
        );
        assert_eq!(live_session(store, "token", t(0)).await.unwrap(), None);
    }

    async fn a_session_is_found_until_it_expires(db) {
        let store = &db.store;
        let river = make_account(store, "River").await;
        let session = make_session(store, &river, "token", t(0), t(3600)).await;
        assert_eq!(
            live_session(store, "token", t(0)).await.unwrap(),
            Some(session.clone())
        );
        assert_eq!(
            live_session(store, "token", t(3599)).await.unwrap(),
            Some(session)
        );
        // expires_at == now is expired.
        assert_eq!(live_session(store, "token", t(3600)).await.unwrap(), None);
        assert_eq!(live_session(store, "token", t(3601)).await.unwrap(), None);
        assert_eq!(live_session(store, "other", t(0)).await.unwrap(), None);
    }

    async fn instants_are_kept_to_the_second(db) {
        let store = &db.store;
        let river = make_account(store, "River").await;
        let now = t(0) + SignedDuration::from_millis(900);
        let expires = t(60) + SignedDuration::from_millis(900);
        let session = store
            .create_session(river.id, "token", None, now, expires)
            .await
            .unwrap();
        assert_eq!(session.created_at, t(0));
        assert_eq!(session.expires_at, t(60));
        assert_eq!(
            live_session(store, "token", t(59)).await.unwrap(),
            Some(session)
        );
        assert_eq!(live_session(store, "token", t(60)).await.unwrap(), None);
    }

    async fn touching_a_session_moves_last_seen_and_expiry(db) {
        let store = &db.store;
        let river = make_account(store, "River").await;
        let session = make_session(store, &river, "token", t(0), t(100)).await;
        let other = make_session(store, &river, "other", t(0), t(100)).await;

        store.touch_session(session.id, t(50), t(1000)).await.unwrap();

        // Past the old expiry, before the new one: still signed in.
        let touched = live_session(store, "token", t(500))
            .await
            .unwrap()
            .expect("the touched session lives on");
        assert_eq!(touched.id, session.id);
        assert_eq!(touched.created_at, t(0));
        assert_eq!(touched.last_seen_at, t(50));
        assert_eq!(touched.expires_at, t(1000));
        assert_eq!(live_session(store, "token", t(1000)).await.unwrap(), None);

        // The other session was not touched.
        assert_eq!(live_session(store, "other", t(99)).await.unwrap(), Some(other));
        assert_eq!(live_session(store, "other", t(100)).await.unwrap(), None);

        // Touching can also bring the expiry closer.
        store.touch_session(session.id, t(60), t(70)).await.unwrap();
        assert_eq!(live_session(store, "token", t(70)).await.unwrap(), None);
    }

    async fn touching_a_missing_session_changes_nothing(db) {
        let store = &db.store;
        let river = make_account(store, "River").await;
        let session = make_session(store, &river, "token", t(0), t(100)).await;
        store
            .touch_session(SessionId(session.id.0 + 1000), t(50), t(1000))
            .await
            .unwrap();
        assert_eq!(
            live_session(store, "token", t(50)).await.unwrap(),
            Some(session)
        );
    }

    async fn sessions_for_account_lists_live_ones_most_recent_first(db) {
        let store = &db.store;
        let river = make_account(store, "River").await;
        let stone = make_account(store, "Stone").await;
        let oldest = make_session(store, &river, "a", t(0), t(1000)).await;
        let middle = make_session(store, &river, "b", t(10), t(1000)).await;
        let middle_twin = make_session(store, &river, "c", t(10), t(1000)).await;
        let _expired = make_session(store, &river, "d", t(20), t(50)).await;
        let newest = make_session(store, &river, "e", t(30), t(1000)).await;
        let _stones = make_session(store, &stone, "f", t(40), t(1000)).await;

        // Using the oldest session makes it the most recent.
        store.touch_session(oldest.id, t(40), t(2000)).await.unwrap();

        let listed = store.sessions_for_account(river.id, t(50)).await.unwrap();
        assert_eq!(
            ids(&listed),
            // Equal last use: the newer session first.
            vec![oldest.id, newest.id, middle_twin.id, middle.id]
        );
        assert_eq!(listed[0].last_seen_at, t(40));
        assert_eq!(listed[0].expires_at, t(2000));
        assert_eq!(listed[1], newest);
        assert!(listed.iter().all(|session| session.account_id == river.id));

        // Expiry at exactly `now` counts as gone, as in session_by_token_hash.
        let later = store.sessions_for_account(river.id, t(1000)).await.unwrap();
        assert_eq!(ids(&later), vec![oldest.id]);
        assert_eq!(store.sessions_for_account(river.id, t(2000)).await.unwrap(), vec![]);

        assert_eq!(
            ids(&store.sessions_for_account(stone.id, t(50)).await.unwrap()).len(),
            1
        );
        let nobody = make_account(store, "Nobody").await;
        assert_eq!(store.sessions_for_account(nobody.id, t(50)).await.unwrap(), vec![]);
    }

    async fn a_session_is_revoked_only_by_its_account(db) {
        let store = &db.store;
        let river = make_account(store, "River").await;
        let stone = make_account(store, "Stone").await;
        let rivers = make_session(store, &river, "river-token", t(0), t(1000)).await;
        let rivers_other = make_session(store, &river, "river-other", t(0), t(1000)).await;

        // Stone cannot end River's session.
        assert!(!store.revoke_session(stone.id, rivers.id).await.unwrap());
        assert_eq!(
            live_session(store, "river-token", t(1)).await.unwrap(),
            Some(rivers.clone())
        );

        assert!(store.revoke_session(river.id, rivers.id).await.unwrap());
        assert_eq!(live_session(store, "river-token", t(1)).await.unwrap(), None);
        assert!(!store.revoke_session(river.id, rivers.id).await.unwrap());
        // Only the one session ended.
        assert_eq!(
            live_session(store, "river-other", t(1)).await.unwrap(),
            Some(rivers_other)
        );
    }

    async fn revoke_other_sessions_keeps_the_one_asked_for(db) {
        let store = &db.store;
        let river = make_account(store, "River").await;
        let stone = make_account(store, "Stone").await;
        let _first = make_session(store, &river, "a", t(0), t(1000)).await;
        let current = make_session(store, &river, "b", t(1), t(1000)).await;
        let _third = make_session(store, &river, "c", t(2), t(1000)).await;
        let _expired = make_session(store, &river, "d", t(0), t(5)).await;
        let stones = make_session(store, &stone, "e", t(3), t(1000)).await;

        // Expired sessions are ended too: they are still rows.
        assert_eq!(
            store.revoke_other_sessions(river.id, Some(current.id)).await.unwrap(),
            3
        );
        assert_eq!(
            store.sessions_for_account(river.id, t(10)).await.unwrap(),
            vec![current.clone()]
        );
        assert_eq!(live_session(store, "e", t(10)).await.unwrap(), Some(stones.clone()));

        // Again: nothing else to end.
        assert_eq!(
            store.revoke_other_sessions(river.id, Some(current.id)).await.unwrap(),
            0
        );

        // Keeping none ends them all, still only River's.
        assert_eq!(store.revoke_other_sessions(river.id, None).await.unwrap(), 1);
        assert_eq!(store.sessions_for_account(river.id, t(10)).await.unwrap(), vec![]);
        assert_eq!(live_session(store, "e", t(10)).await.unwrap(), Some(stones));
    }

    async fn revoke_other_sessions_cannot_keep_or_end_another_accounts(db) {
        let store = &db.store;
        let river = make_account(store, "River").await;
        let stone = make_account(store, "Stone").await;
        make_session(store, &river, "a", t(0), t(1000)).await;
        make_session(store, &river, "b", t(0), t(1000)).await;
        let stones = make_session(store, &stone, "c", t(0), t(1000)).await;

        // "Keeping" a session River does not own keeps none of River's.
        assert_eq!(
            store.revoke_other_sessions(river.id, Some(stones.id)).await.unwrap(),
            2
        );
        assert_eq!(store.sessions_for_account(river.id, t(1)).await.unwrap(), vec![]);
        assert_eq!(
            store.sessions_for_account(stone.id, t(1)).await.unwrap(),
            vec![stones]
        );
    }

    async fn delete_expired_sessions_forgets_only_expired_ones(db) {
        let store = &db.store;
        let river = make_account(store, "River").await;
        let stone = make_account(store, "Stone").await;
        make_session(store, &river, "a", t(0), t(10)).await;
        make_session(store, &stone, "b", t(0), t(20)).await;
        let live = make_session(store, &river, "c", t(0), t(30)).await;

        // Expiring exactly now counts as expired.
        assert_eq!(store.delete_expired_sessions(t(20)).await.unwrap(), 2);
        assert_eq!(store.delete_expired_sessions(t(20)).await.unwrap(), 0);
        assert_eq!(
            store.sessions_for_account(river.id, t(20)).await.unwrap(),
            vec![live.clone()]
        );
        assert_eq!(store.sessions_for_account(stone.id, t(0)).await.unwrap(), vec![]);
        // Gone for good: asking with an earlier `now` does not bring them back.
        assert_eq!(live_session(store, "a", t(0)).await.unwrap(), None);
        assert_eq!(live_session(store, "b", t(0)).await.unwrap(), None);
        assert_eq!(live_session(store, "c", t(0)).await.unwrap(), Some(live));
    }

    // --- Failed sign-ins -----------------------------------------------------

    async fn failed_logins_for_handle_are_windowed_newest_first_and_limited(db) {
        let store = &db.store;
        for offset in [20, 0, 30, 10] {
            store
                .record_failed_login("river", "192.0.2.1", t(offset))
                .await
                .unwrap();
        }
        store.record_failed_login("stone", "192.0.2.1", t(15)).await.unwrap();

        // `since` is inclusive.
        assert_eq!(
            store.failed_logins_for_handle("river", t(10), 10).await.unwrap(),
            vec![t(30), t(20), t(10)]
        );
        assert_eq!(
            store.failed_logins_for_handle("river", t(0), 10).await.unwrap(),
            vec![t(30), t(20), t(10), t(0)]
        );
        assert_eq!(
            store.failed_logins_for_handle("river", t(0), 2).await.unwrap(),
            vec![t(30), t(20)]
        );
        assert_eq!(store.failed_logins_for_handle("river", t(0), 0).await.unwrap(), vec![]);
        assert_eq!(
            store
                .failed_logins_for_handle("river", t(0), usize::MAX)
                .await
                .unwrap()
                .len(),
            4
        );
        assert_eq!(store.failed_logins_for_handle("river", t(31), 10).await.unwrap(), vec![]);
        assert_eq!(
            store.failed_logins_for_handle("stone", t(0), 10).await.unwrap(),
            vec![t(15)]
        );
        assert_eq!(store.failed_logins_for_handle("nobody", t(0), 10).await.unwrap(), vec![]);
    }

    async fn failed_logins_from_address_count_every_handle(db) {
        let store = &db.store;
        store.record_failed_login("river", "192.0.2.1", t(0)).await.unwrap();
        store.record_failed_login("stone", "192.0.2.1", t(10)).await.unwrap();
        store.record_failed_login("lake", "192.0.2.1", t(20)).await.unwrap();
        store.record_failed_login("river", "2001:db8::1", t(25)).await.unwrap();

        assert_eq!(
            store.failed_logins_from_address("192.0.2.1", t(0), 10).await.unwrap(),
            vec![t(20), t(10), t(0)]
        );
        assert_eq!(
            store.failed_logins_from_address("192.0.2.1", t(10), 10).await.unwrap(),
            vec![t(20), t(10)]
        );
        assert_eq!(
            store.failed_logins_from_address("192.0.2.1", t(0), 1).await.unwrap(),
            vec![t(20)]
        );
        assert_eq!(
            store.failed_logins_from_address("2001:db8::1", t(0), 10).await.unwrap(),
            vec![t(25)]
        );
        assert_eq!(
            store.failed_logins_from_address("198.51.100.7", t(0), 10).await.unwrap(),
            vec![]
        );
        // And a handle's failures come from every address.
        assert_eq!(
            store.failed_logins_for_handle("river", t(0), 10).await.unwrap(),
            vec![t(25), t(0)]
        );
    }

    async fn failures_at_the_same_instant_all_count(db) {
        let store = &db.store;
        for _ in 0..3 {
            store.record_failed_login("river", "192.0.2.1", t(5)).await.unwrap();
        }
        assert_eq!(
            store.failed_logins_for_handle("river", t(5), 10).await.unwrap(),
            vec![t(5), t(5), t(5)]
        );
        assert_eq!(
            store.failed_logins_from_address("192.0.2.1", t(5), 10).await.unwrap(),
            vec![t(5), t(5), t(5)]
        );
    }

    async fn clearing_a_handles_failures_leaves_the_others(db) {
        let store = &db.store;
        store.record_failed_login("river", "192.0.2.1", t(0)).await.unwrap();
        store.record_failed_login("river", "192.0.2.2", t(10)).await.unwrap();
        store.record_failed_login("stone", "192.0.2.1", t(5)).await.unwrap();

        store.clear_failed_logins_for_handle("river").await.unwrap();
        assert_eq!(store.failed_logins_for_handle("river", t(0), 10).await.unwrap(), vec![]);
        assert_eq!(
            store.failed_logins_for_handle("stone", t(0), 10).await.unwrap(),
            vec![t(5)]
        );
        // The cleared rows are gone from the address count too.
        assert_eq!(
            store.failed_logins_from_address("192.0.2.1", t(0), 10).await.unwrap(),
            vec![t(5)]
        );
        assert_eq!(
            store.failed_logins_from_address("192.0.2.2", t(0), 10).await.unwrap(),
            vec![]
        );
        // Clearing a handle with no failures is fine.
        store.clear_failed_logins_for_handle("nobody").await.unwrap();
        store.clear_failed_logins_for_handle("river").await.unwrap();
    }

    async fn pruning_forgets_failures_strictly_before_the_cutoff(db) {
        let store = &db.store;
        store.record_failed_login("river", "192.0.2.1", t(0)).await.unwrap();
        store.record_failed_login("stone", "192.0.2.2", t(10)).await.unwrap();
        store.record_failed_login("river", "192.0.2.1", t(20)).await.unwrap();
        store.record_failed_login("lake", "192.0.2.3", t(30)).await.unwrap();

        assert_eq!(store.prune_failed_logins(t(20)).await.unwrap(), 2);
        assert_eq!(store.prune_failed_logins(t(20)).await.unwrap(), 0);
        assert_eq!(
            store.failed_logins_for_handle("river", t(-100), 10).await.unwrap(),
            vec![t(20)]
        );
        assert_eq!(store.failed_logins_for_handle("stone", t(-100), 10).await.unwrap(), vec![]);
        assert_eq!(
            store.failed_logins_from_address("192.0.2.2", t(-100), 10).await.unwrap(),
            vec![]
        );
        assert_eq!(
            store.failed_logins_for_handle("lake", t(-100), 10).await.unwrap(),
            vec![t(30)]
        );
        assert_eq!(store.prune_failed_logins(t(31)).await.unwrap(), 2);
        assert_eq!(store.failed_logins_for_handle("lake", t(-100), 10).await.unwrap(), vec![]);
    }

    // --- Operations ----------------------------------------------------------

    async fn backend_and_ping(db) {
        let store = &db.store;
        let expected = backend_of(&db);
        assert_eq!(store.backend(), expected);
        assert_eq!(store.clone().backend(), expected);
        store.ping().await.unwrap();
    }

    async fn migrate_is_idempotent_and_keeps_data(db) {
        let store = &db.store;
        let river = make_account(store, "River").await;
        store.grant_role("river", Role::Admin, &why(), t(1)).await.unwrap();
        make_session(store, &river, "token", t(0), t(100)).await;
        store.record_failed_login("river", "192.0.2.1", t(0)).await.unwrap();

        // TestDatabase::new has migrated once already.
        store.migrate().await.unwrap();
        store.migrate().await.unwrap();

        // A second node opening the same database, migrating concurrently.
        let other = Store::connect(&db.url).await.unwrap();
        let (a, b) = tokio::join!(store.migrate(), other.migrate());
        a.unwrap();
        b.unwrap();

        for store in [store, &other] {
            assert_eq!(store.account(river.id).await.unwrap(), Some(river.clone()));
            assert_eq!(store.roles(river.id).await.unwrap(), vec![Role::Admin]);
            assert!(live_session(store, "token", t(1)).await.unwrap().is_some());
            assert_eq!(
                store.failed_logins_for_handle("river", t(0), 10).await.unwrap(),
                vec![t(0)]
            );
        }
        // Both see each other's writes.
        let stone = make_account(&other, "Stone").await;
        assert_eq!(store.account(stone.id).await.unwrap(), Some(stone));
        other.close().await;
    }

    async fn close_ends_the_pool_for_every_clone_and_keeps_data(db) {
        let store = db.store.clone();
        let river = make_account(&store, "River").await;
        let clone = store.clone();
        clone.close().await;
        assert!(store.ping().await.is_err(), "a closed store must not answer");
        assert!(clone.ping().await.is_err());
        assert!(store.account(river.id).await.is_err());

        let reopened = Store::connect(&db.url).await.unwrap();
        reopened.ping().await.unwrap();
        assert_eq!(reopened.account(river.id).await.unwrap(), Some(river));
        reopened.close().await;
    }
}

/// `Store::connect` refusals, which need no database.
mod connect {
    use super::*;

    #[tokio::test]
    async fn refuses_an_unknown_scheme() {
        let error = Store::connect("mysql://me:secret@db.local/hearth")
            .await
            .unwrap_err();
        assert!(
            matches!(error, ConnectError::UnsupportedUrl(_)),
            "{error:?}"
        );
        let message = error.to_string();
        assert!(!message.contains("secret"), "{message}");
    }

    #[tokio::test]
    async fn an_unreachable_postgres_server_is_an_error_without_the_password() {
        // Port 1 on loopback: nothing listens there, so the refusal is quick.
        let error = Store::connect("postgres://me:secret@127.0.0.1:1/hearth")
            .await
            .unwrap_err();
        assert!(matches!(error, ConnectError::Postgres { .. }), "{error:?}");
        let message = error.to_string();
        assert!(!message.contains("secret"), "{message}");
        assert!(message.contains("me:***@127.0.0.1:1"), "{message}");
    }

    #[tokio::test]
    async fn a_sqlite_file_in_a_missing_folder_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!(
            "sqlite://{}",
            dir.path()
                .join("no-such-folder")
                .join("hearth.db")
                .display()
        );
        let error = Store::connect(&url).await.unwrap_err();
        assert!(matches!(error, ConnectError::Sqlite { .. }), "{error:?}");
    }

    /// SQLite's memory statistics cost every allocation a lock shared by all
    /// connections; the store turns them off before its first connection.
    #[tokio::test]
    async fn sqlite_keeps_no_memory_statistics() {
        let db = TestDatabase::new(Backend::Sqlite).await;
        db.store.ping().await.unwrap();
        // SAFETY: reads one counter; SQLite's own lock guards it.
        let counted = unsafe { libsqlite3_sys::sqlite3_memory_used() };
        assert_eq!(counted, 0, "SQLite counted its allocations");
    }

    /// A PostgreSQL restart drops every connection the pool holds. A request
    /// that comes after a quiet second still gets a working one: the pool
    /// checks a connection that has sat idle before handing it out.
    #[tokio::test]
    async fn postgres_connections_the_server_dropped_are_replaced() {
        let db = TestDatabase::new(Backend::Postgres).await;
        db.store.ping().await.unwrap();
        db.execute_behind_the_store(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
             WHERE datname = current_database() AND pid <> pg_backend_pid()",
        )
        .await;
        tokio::time::sleep(std::time::Duration::from_millis(1_200)).await;
        db.store.ping().await.unwrap();
    }
}

mod meetings {
    use std::collections::HashSet;

    use hearth_domain::meetings::Meeting;
    use hearth_domain::meetings::feed::parse_feed;
    use hearth_domain::meetings::index::Listing;
    use hearth_store::backend_tests;
    use hearth_store::meetings::ImportReport;
    use hearth_store::testing::TestDatabase;
    use jiff::Timestamp;
    use serde_json::json;
    use tokio::sync::mpsc;

    fn t(seconds: i64) -> Timestamp {
        Timestamp::from_second(1_800_000_000 + seconds).unwrap()
    }

    fn feed(records: serde_json::Value) -> Vec<Meeting> {
        let parsed = parse_feed(&records.to_string(), Some("America/Chicago")).unwrap();
        assert!(parsed.rejected.is_empty(), "{:?}", parsed.rejected);
        parsed.meetings
    }

    fn sample() -> Vec<Meeting> {
        feed(json!([
            { "name": "Alpha", "slug": "alpha", "day": [1, 3], "time": "19:00", "types": ["O", "D"],
              "formatted_address": "1 Main St, Chicago, IL", "latitude": 41.88, "longitude": -87.63,
              "notes": "100% welcome_here" },
            { "name": "Beta", "slug": "beta", "day": 2, "time": "07:00", "types": ["C"],
              "conference_url": "https://zoom.us/j/1" },
            { "name": "Gamma", "slug": "gamma", "day": 3, "time": "12:00", "types": ["D", "O", "W"],
              "formatted_address": "9 Lake St, Evanston, IL", "latitude": 42.05, "longitude": -87.68 },
        ]))
    }

    async fn records(db: &TestDatabase) -> Vec<serde_json::Value> {
        let (sender, mut receiver) = mpsc::channel(2);
        let store = db.store.clone();
        let sending = tokio::spawn(async move { store.send_meeting_records(sender).await });
        let mut out = Vec::new();
        while let Some(record) = receiver.recv().await {
            out.push(serde_json::from_str(&record).unwrap());
        }
        sending.await.unwrap().unwrap();
        out
    }

    /// Listings without their ids, which the engines number as they like.
    fn unnumbered(listings: impl IntoIterator<Item = Listing>) -> Vec<Listing> {
        let mut listings: Vec<Listing> = listings
            .into_iter()
            .map(|listing| Listing { id: 0, ..listing })
            .collect();
        listings.sort_by(|a, b| (&a.source, &a.slug).cmp(&(&b.source, &b.slug)));
        listings
    }

    async fn all_listings(store: &hearth_store::Store) -> (i64, Vec<Listing>) {
        let mut listings = Vec::new();
        let version = store.meeting_listings(|l| listings.push(l)).await.unwrap();
        (version, listings)
    }

    /// What changed after `since`: the version, the keys and the listings.
    async fn changes(
        store: &hearth_store::Store,
        since: i64,
    ) -> (i64, HashSet<(String, String)>, Vec<Listing>) {
        let changed = store.changed_meetings(since).await.unwrap();
        let mut listings = Vec::new();
        store
            .changed_meeting_listings(since, changed.version, |l| listings.push(l))
            .await
            .unwrap();
        (changed.version, changed.keys, listings)
    }

    fn key(source: &str, slug: &str) -> (String, String) {
        (source.to_owned(), slug.to_owned())
    }

    backend_tests! {
        setup = TestDatabase::new;

        async fn imports_add_update_leave_and_prune(db) {
            let store = &db.store;
            let report = store.import_meetings("chi", &sample(), false, t(0)).await.unwrap();
            assert_eq!(report, ImportReport { added: 3, ..ImportReport::default() });
            assert_eq!(store.meeting_count().await.unwrap(), 3);

            let mut changed = sample();
            changed.truncate(2);
            changed[0] = feed(json!([{ "name": "Alpha", "slug": "alpha", "day": [1, 3], "time": "19:30" }])).remove(0);
            let report = store.import_meetings("chi", &changed, true, t(60)).await.unwrap();
            assert_eq!(report, ImportReport { added: 0, updated: 1, unchanged: 1, removed: 1 });
            assert_eq!(store.meeting_count().await.unwrap(), 2);

            let history = store.meeting_changes("chi", "alpha").await.unwrap();
            assert_eq!(history.len(), 2);
            assert_eq!(history[0].changed_at, t(0));
            assert_eq!(history[0].account_id, None);
            assert_eq!(history[1].change["action"], "updated");
            let fields = history[1].change["fields"].as_array().unwrap();
            assert!(fields.contains(&json!("time")) && fields.contains(&json!("notes")));
            let gamma = store.meeting_changes("chi", "gamma").await.unwrap();
            assert_eq!(gamma.last().unwrap().change["action"], "removed");
            assert!(store.meeting_changes("chi", "nobody").await.unwrap().is_empty());
        }

        async fn sources_are_kept_apart(db) {
            let store = &db.store;
            store.import_meetings("chi", &sample(), false, t(0)).await.unwrap();
            store.import_meetings("evanston", &sample()[2..], false, t(0)).await.unwrap();
            let report = store.import_meetings("chi", &[], true, t(1)).await.unwrap();
            assert_eq!(report.removed, 3);
            assert_eq!(store.meeting_count().await.unwrap(), 1, "another source's meetings stay");
        }

        async fn records_come_back_exactly_in_slug_order(db) {
            let meetings = sample();
            db.store.import_meetings("chi", &meetings, false, t(0)).await.unwrap();
            let sent = records(&db).await;
            let expected: Vec<serde_json::Value> =
                meetings.iter().map(|m| serde_json::Value::Object(m.record.clone())).collect();
            assert_eq!(sent, expected);
        }

        async fn listings_are_the_search_columns_of_each_meeting(db) {
            let store = &db.store;
            let meetings = sample();
            store.import_meetings("chi", &meetings, false, t(0)).await.unwrap();
            let (version, listings) = all_listings(store).await;
            assert_eq!(version, store.meeting_list_version().await.unwrap());
            let expected = meetings.iter().map(|m| Listing::of(0, "chi", m));
            assert_eq!(unnumbered(listings.clone()), unnumbered(expected));
            let ids: Vec<i64> = listings.iter().map(|l| l.id).collect();
            let (read_at, records) = store.meeting_records(&[ids[0], ids[2], 999_999]).await.unwrap();
            assert_eq!(read_at, version);
            assert_eq!(records.len(), 2, "an id that is gone is left out");
            let alpha = listings.iter().find(|l| l.slug == "alpha").unwrap();
            let (_, records) = store.meeting_records(&[alpha.id]).await.unwrap();
            assert_eq!(hearth_store::meetings::stored_meeting(&records[&alpha.id]), Some(meetings[0].clone()));
            assert_eq!(store.meeting_records(&[]).await.unwrap(), (version, Default::default()));
            assert_eq!(store.meeting_records(&[999_999]).await.unwrap(), (version, Default::default()));
        }

        async fn every_change_moves_the_list_version_and_names_what_changed(db) {
            let store = &db.store;
            let start = store.meeting_list_version().await.unwrap();
            store.import_meetings("chi", &sample(), false, t(0)).await.unwrap();
            let imported = store.meeting_list_version().await.unwrap();
            assert!(imported > start);
            store.import_meetings("chi", &sample(), false, t(1)).await.unwrap();
            assert_eq!(store.meeting_list_version().await.unwrap(), imported, "nothing changed");

            let mut changed = sample();
            changed.truncate(2);
            changed[1] = feed(json!([{ "name": "Beta", "slug": "beta", "day": 4, "time": "08:00" }])).remove(0);
            store.import_meetings("chi", &changed, true, t(2)).await.unwrap();
            let (version, keys, listings) = changes(store, imported).await;
            assert_eq!(version, store.meeting_list_version().await.unwrap());
            assert_eq!(keys, HashSet::from([key("chi", "beta"), key("chi", "gamma")]));
            assert_eq!(unnumbered(listings), [Listing::of(0, "chi", &changed[1])]);

            let editor = crate::make_account(store, "editor").await.id;
            let before_edits = version;
            let mut beta = changed[1].clone();
            beta.name = "Beta at eight".into();
            store.update_meeting("chi", &beta, editor, t(3)).await.unwrap();
            store.delete_meeting("chi", "alpha", editor, t(4)).await.unwrap();
            store.create_meeting("here", &sample()[2], editor, t(5)).await.unwrap();
            let (version, keys, listings) = changes(store, before_edits).await;
            assert_eq!(version, before_edits + 3, "one version per change");
            assert_eq!(keys, HashSet::from([key("chi", "beta"), key("chi", "alpha"), key("here", "gamma")]));
            let slugs: HashSet<String> = listings.into_iter().map(|l| l.slug).collect();
            assert_eq!(slugs, HashSet::from(["beta".to_owned(), "gamma".to_owned()]));
            let (_, keys, listings) = changes(store, version).await;
            assert!(keys.is_empty() && listings.is_empty());
        }

        async fn imports_and_edits_at_once_all_complete(db) {
            // Each import reads its source's meetings, then writes: on SQLite
            // that must not fail because another connection wrote meanwhile.
            let mut running = Vec::new();
            for source in 0..6 {
                let store = db.store.clone();
                running.push(tokio::spawn(async move {
                    let records: Vec<serde_json::Value> = (0..40)
                        .map(|i| json!({ "name": format!("M {i}"), "slug": format!("m-{i}"), "day": i % 7, "time": "18:00" }))
                        .collect();
                    let meetings = feed(serde_json::Value::Array(records));
                    for round in 0..3 {
                        store.import_meetings(&format!("s{source}"), &meetings[round..], true, t(round as i64)).await?;
                    }
                    Ok::<_, hearth_store::StoreError>(())
                }));
            }
            for (n, other) in (0..20).zip(std::iter::repeat(db.store.clone())) {
                crate::make_account(&other, &format!("writer{n}")).await;
            }
            for import in running {
                import.await.unwrap().expect("every import completes");
            }
            assert_eq!(db.store.meeting_count().await.unwrap(), 6 * 38);
        }

        async fn an_import_larger_than_one_statement_writes_every_meeting(db) {
            let records: Vec<serde_json::Value> = (0..1234)
                .map(|i| json!({ "name": format!("Meeting {i}"), "slug": format!("m-{i:04}"), "day": i % 7, "time": "18:00" }))
                .collect();
            let meetings = feed(serde_json::Value::Array(records));
            let report = db.store.import_meetings("big", &meetings, false, t(0)).await.unwrap();
            assert_eq!(report.added, 1234);
            assert_eq!(db.store.meeting_count().await.unwrap(), 1234);
            let (_, listings) = all_listings(&db.store).await;
            let expected = meetings.iter().map(|m| Listing::of(0, "big", m));
            assert_eq!(unnumbered(listings), unnumbered(expected));
            let history = db.store.meeting_changes("big", "m-1233").await.unwrap();
            assert_eq!(history.len(), 1);
        }
    }
}
