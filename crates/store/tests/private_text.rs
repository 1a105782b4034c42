//! Check-ins, the journal and what members learned, on both engines: each
//! member's alone, sealed at rest so the database never shows the words,
//! and still readable after the data key is rotated.

mod common;

use common::*;
use hearth_domain::recovery::{CheckIn, CounterLabel, JournalText, Program, StartDate, reset};
use hearth_store::sealing::{DataKey, Keyring};
use hearth_store::testing::TestDatabase;
use hearth_store::{Entity, Store, StoreError, backend_tests};
use jiff::civil::{Date, date};

const TODAY: Date = date(2026, 11, 27);

fn check_in(mood: &str, craving: &str, used: &str, helped: &str, note: &str) -> CheckIn {
    CheckIn::parse(mood, craving, used, helped, note).unwrap()
}

fn words(text: &str) -> JournalText {
    JournalText::parse(text).unwrap()
}

/// The same database, opened again with `keys`.
async fn reopen(db: &TestDatabase, keys: Keyring) -> Result<Store, StoreError> {
    let store = Store::connect(&db.url).await.unwrap();
    store.with_data_keys(keys).await
}

backend_tests! {
    setup = TestDatabase::new;

    async fn one_check_in_a_day_changed_in_place_and_only_mine(db) {
        let store = &db.store;
        let alice = person(store, "alice").await;
        let bob = person(store, "bob").await;
        let first = store
            .save_check_in(alice, TODAY, &check_in("2", "7", "", "", "rough morning"), t(1))
            .await
            .unwrap();
        assert!(first, "the day's first check-in");
        let again = store
            .save_check_in(alice, TODAY, &check_in("4", "3", "no", "a walk with Sam", "better by evening"), t(2))
            .await
            .unwrap();
        assert!(!again, "the same day changes the check-in in place");
        store
            .save_check_in(alice, date(2026, 11, 25), &check_in("3", "5", "yes", "", ""), t(3))
            .await
            .unwrap();
        store
            .save_check_in(bob, TODAY, &check_in("5", "0", "", "", "bob's"), t(4))
            .await
            .unwrap();

        let today = store.check_in_on(alice, TODAY).await.unwrap().unwrap();
        assert_eq!((today.check_in.mood().get(), today.check_in.craving().get()), (4, 3));
        assert_eq!(today.check_in.used(), Some(false));
        assert_eq!((today.check_in.helped(), today.check_in.note()), ("a walk with Sam", "better by evening"));
        assert_eq!(today.updated_at, t(2));

        let days: Vec<Date> = (store.check_ins(alice, date(2026, 11, 1), TODAY).await.unwrap())
            .iter()
            .map(|c| c.day)
            .collect();
        assert_eq!(days, [TODAY, date(2026, 11, 25)], "newest first, only alice's");
        let scores = store.check_in_scores(alice, date(2026, 11, 26)).await.unwrap();
        assert_eq!(scores.len(), 1, "from the day given on");
        assert_eq!((scores[0].day, scores[0].mood.get()), (TODAY, 4));
        assert_eq!(store.last_check_in_day(alice).await.unwrap(), Some(TODAY));
        let carol = person(store, "carol").await;
        assert_eq!(store.last_check_in_day(carol).await.unwrap(), None);
        assert_eq!(store.check_in_on(carol, TODAY).await.unwrap(), None);
    }

    async fn a_journal_is_its_writers_alone(db) {
        let store = &db.store;
        let alice = person(store, "alice").await;
        let bob = person(store, "bob").await;
        let first = store.write_journal_entry(alice, date(2026, 11, 20), &words("Day one of writing."), t(1)).await.unwrap();
        let second = store.write_journal_entry(alice, TODAY, &words("# Today\nCalled my sponsor."), t(2)).await.unwrap();
        let journal = store.journal(alice).await.unwrap();
        assert_eq!(journal.iter().map(|e| e.id).collect::<Vec<_>>(), [second, first], "newest first");
        assert_eq!(journal[0].text.as_str(), "# Today\nCalled my sponsor.");

        assert!(store.journal(bob).await.unwrap().is_empty());
        assert_eq!(store.journal_entry(bob, first).await.unwrap(), None);
        expect_not_found(store.rewrite_journal_entry(bob, first, &words("mine"), t(3)).await, Entity::JournalEntry);
        expect_not_found(store.delete_journal_entry(bob, first).await, Entity::JournalEntry);

        store.rewrite_journal_entry(alice, first, &words("Day one, looking back."), t(4)).await.unwrap();
        let rewritten = store.journal_entry(alice, first).await.unwrap().unwrap();
        assert_eq!((rewritten.text.as_str(), rewritten.created_at, rewritten.updated_at), ("Day one, looking back.", t(1), t(4)));
        store.delete_journal_entry(alice, first).await.unwrap();
        assert_eq!(store.journal(alice).await.unwrap().len(), 1);
    }

    async fn the_database_alone_never_shows_the_words(db) {
        let store = &db.store;
        let alice = person(store, "alice").await;
        store
            .save_check_in(alice, TODAY, &check_in("3", "6", "", "the Tuesday meeting", "thought about drinking at lunch"), t(1))
            .await
            .unwrap();
        store.write_journal_entry(alice, TODAY, &words("I told Sam the truth today."), t(2)).await.unwrap();
        let counter = store
            .create_counter(alice, &CounterLabel::parse("Alcohol").unwrap(), Program::TwelveStep,
                StartDate::new(date(2026, 1, 1), TODAY).unwrap(), t(3))
            .await
            .unwrap();
        let made = reset(counter.start, date(2026, 11, 1), TODAY).unwrap();
        store.reset_counter(alice, counter.id, &made, "Weddings are hard; I leave early now.", t(4)).await.unwrap();

        let raw = [
            db.read_behind_the_store("SELECT note FROM recovery_check_ins").await,
            db.read_behind_the_store("SELECT helped FROM recovery_check_ins").await,
            db.read_behind_the_store("SELECT body FROM recovery_journal").await,
            db.read_behind_the_store("SELECT learned FROM recovery_streaks").await,
        ]
        .concat();
        assert_eq!(raw.len(), 4);
        for value in &raw {
            assert!(value.starts_with(&format!("hs1:{}:", db.keys.current().id())), "{value}");
            for plain in ["drinking", "Tuesday", "Sam", "Weddings"] {
                assert!(!value.contains(plain), "{plain} shows in {value}");
            }
        }
        // A sealed value moved to another member's row does not open.
        let bob = person(store, "bob").await;
        store.save_check_in(bob, TODAY, &check_in("3", "3", "", "", "bob's own"), t(5)).await.unwrap();
        db.execute_behind_the_store(
            "UPDATE recovery_check_ins SET note = (SELECT note FROM recovery_check_ins c
                 JOIN accounts a ON a.id = c.account_id WHERE a.handle = 'alice')
             WHERE account_id = (SELECT id FROM accounts WHERE handle = 'bob')",
        )
        .await;
        assert!(matches!(store.check_in_on(bob, TODAY).await, Err(StoreError::Unsealable(_))));
    }

    async fn rotating_the_data_key_keeps_every_word(db) {
        let store = &db.store;
        let alice = person(store, "alice").await;
        store.save_check_in(alice, TODAY, &check_in("4", "2", "", "my sponsor", "a calm day"), t(1)).await.unwrap();
        let entry = store.write_journal_entry(alice, TODAY, &words("Grateful."), t(2)).await.unwrap();
        // What a member learned before sealing existed is sealed by the rotation too.
        let counter = store
            .create_counter(alice, &CounterLabel::parse("Alcohol").unwrap(), Program::TwelveStep,
                StartDate::new(date(2026, 1, 1), TODAY).unwrap(), t(3))
            .await
            .unwrap();
        store.reset_counter(alice, counter.id, &reset(counter.start, date(2026, 6, 1), TODAY).unwrap(), "", t(4)).await.unwrap();
        db.execute_behind_the_store("UPDATE recovery_streaks SET learned = 'plain from before'").await;
        assert_eq!(store.past_streaks(alice, counter.id).await.unwrap()[0].learned, "plain from before");

        // A node given only a new key refuses to start: the old one is still needed.
        let new = DataKey::generate();
        let refused = reopen(&db, Keyring::new(new.clone(), vec![])).await;
        match refused {
            Err(StoreError::MissingDataKeys(ids)) => assert_eq!(ids, [db.keys.current().id()]),
            other => panic!("expected a refusal, got {other:?}"),
        }

        let both = reopen(&db, Keyring::new(new.clone(), vec![db.keys.current().clone()])).await.unwrap();
        let done = both.reseal_everything().await.unwrap();
        assert_eq!((done.values, done.were_plain), (4, 1), "note, helped, journal entry, learned");
        assert_eq!(both.data_keys_in_use().await.unwrap(), [new.id()]);

        // Now the new key alone opens everything, and the old one is no longer enough.
        let rotated = reopen(&db, Keyring::new(new.clone(), vec![])).await.unwrap();
        let today = rotated.check_in_on(alice, TODAY).await.unwrap().unwrap();
        assert_eq!((today.check_in.helped(), today.check_in.note()), ("my sponsor", "a calm day"));
        assert_eq!(rotated.journal_entry(alice, entry).await.unwrap().unwrap().text.as_str(), "Grateful.");
        assert_eq!(rotated.past_streaks(alice, counter.id).await.unwrap()[0].learned, "plain from before");
        for value in db.read_behind_the_store("SELECT learned FROM recovery_streaks").await {
            assert!(value.starts_with(&format!("hs1:{}:", new.id())), "{value}");
        }
        assert!(matches!(reopen(&db, db.keys.clone()).await, Err(StoreError::MissingDataKeys(_))));
    }
}
