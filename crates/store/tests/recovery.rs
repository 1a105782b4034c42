//! The recovery conformance suite: every public function of
//! `hearth_store::recovery` (counters, resets and the streaks they keep),
//! run once on SQLite and once on PostgreSQL by `backend_tests!`. Each
//! member reaches their own counters and nobody else's.

mod common;

use common::*;
use hearth_domain::recovery::{CounterLabel, Program, StartDate, reset};
use hearth_store::recovery::{Counter, CounterId};
use hearth_store::testing::TestDatabase;
use hearth_store::{Entity, StoreError, backend_tests};
use jiff::civil::{Date, date};

/// The members' "today" in these tests.
const TODAY: Date = date(2026, 11, 27);

fn label(text: &str) -> CounterLabel {
    CounterLabel::parse(text).unwrap()
}

fn start(date: Date) -> StartDate {
    StartDate::new(date, TODAY).unwrap()
}

fn ids(counters: &[Counter]) -> Vec<CounterId> {
    counters.iter().map(|counter| counter.id).collect()
}

backend_tests! {
    setup = TestDatabase::new;

    async fn counters_are_their_members_alone(db) {
        let store = &db.store;
        let alice = person(store, "alice").await;
        let bob = person(store, "bob").await;
        let drinking = store
            .create_counter(alice, &label("Alcohol"), Program::TwelveStep, start(date(2025, 3, 1)), t(1))
            .await
            .unwrap();
        assert_eq!((drinking.label.as_str(), drinking.program, drinking.start), ("Alcohol", Program::TwelveStep, date(2025, 3, 1)));
        let contact = store
            .create_counter(alice, &label("No contact with X"), Program::None, start(date(2026, 10, 1)), t(2))
            .await
            .unwrap();
        let bobs = store
            .create_counter(bob, &label("Gambling"), Program::Every30Days, start(date(2026, 1, 1)), t(3))
            .await
            .unwrap();

        assert_eq!(ids(&store.counters(alice).await.unwrap()), [drinking.id, contact.id], "oldest first");
        assert_eq!(ids(&store.counters(bob).await.unwrap()), [bobs.id]);
        assert_eq!(store.counter(alice, drinking.id).await.unwrap(), Some(drinking.clone()));
        // Bob reaches none of Alice's, by any function.
        assert_eq!(store.counter(bob, drinking.id).await.unwrap(), None);
        expect_not_found(store.update_counter(bob, drinking.id, &label("Mine now"), Program::None).await, Entity::Counter);
        let made = reset(drinking.start, date(2026, 11, 1), TODAY).unwrap();
        expect_not_found(store.reset_counter(bob, drinking.id, &made, "", t(4)).await, Entity::Counter);
        assert!(store.past_streaks(bob, drinking.id).await.unwrap().is_empty());
        expect_not_found(store.delete_counter(bob, drinking.id).await, Entity::Counter);
        assert_eq!(store.counter(alice, drinking.id).await.unwrap(), Some(drinking));

        store.update_counter(alice, contact.id, &label("No contact"), Program::Every30Days).await.unwrap();
        let renamed = store.counter(alice, contact.id).await.unwrap().unwrap();
        assert_eq!((renamed.label.as_str(), renamed.program), ("No contact", Program::Every30Days));
    }

    async fn starting_again_keeps_the_streak_that_ended(db) {
        let store = &db.store;
        let alice = person(store, "alice").await;
        let counter = store
            .create_counter(alice, &label("Alcohol"), Program::NarcoticsAnonymous, start(date(2026, 1, 10)), t(1))
            .await
            .unwrap();
        let first = reset(counter.start, date(2026, 6, 1), TODAY).unwrap();
        store.reset_counter(alice, counter.id, &first, "Weekends alone are hard; I call my sponsor now.", t(2)).await.unwrap();
        // The same form sent twice: the second finds the start moved on.
        match store.reset_counter(alice, counter.id, &first, "again", t(3)).await {
            Err(StoreError::Conflict(Entity::Counter)) => {}
            other => panic!("expected a conflict, got {other:?}"),
        }
        let now = store.counter(alice, counter.id).await.unwrap().unwrap();
        assert_eq!(now.start, date(2026, 6, 1));
        let second = reset(now.start, date(2026, 9, 15), TODAY).unwrap();
        store.reset_counter(alice, counter.id, &second, "", t(4)).await.unwrap();

        let history = store.past_streaks(alice, counter.id).await.unwrap();
        let spans: Vec<(Date, Date, &str)> = history.iter().map(|s| (s.start, s.end, s.learned.as_str())).collect();
        assert_eq!(spans, [
            (date(2026, 6, 1), date(2026, 9, 15), ""),
            (date(2026, 1, 10), date(2026, 6, 1), "Weekends alone are hard; I call my sponsor now."),
        ], "newest first, each with its words");
        assert_eq!(store.counter(alice, counter.id).await.unwrap().unwrap().start, date(2026, 9, 15));

        // Deleting a counter takes its history with it.
        store.delete_counter(alice, counter.id).await.unwrap();
        assert_eq!(store.counter(alice, counter.id).await.unwrap(), None);
        assert!(store.past_streaks(alice, counter.id).await.unwrap().is_empty());
        expect_not_found(store.delete_counter(alice, counter.id).await, Entity::Counter);
    }
}
