//! `hearth demo` gives river a recovery record worth looking at: counters
//! with a kept streak and a milestone to celebrate, months of check-ins with
//! some shape, and journal entries; a second run adds nothing, on both
//! databases.

use std::collections::HashSet;
use std::process::Command;

use hearth_domain::recovery::{Program, local_today};
use hearth_store::backend_tests;
use hearth_store::people::AccountId;
use hearth_store::testing::{TEST_DATA_KEY, TestDatabase};
use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan};

fn demo(database: &str) {
    let output = Command::new(env!("CARGO_BIN_EXE_hearth"))
        .arg("demo")
        .env("HEARTH_DATABASE_URL", database)
        .env("HEARTH_DATA_KEY", TEST_DATA_KEY)
        .output()
        .expect("the hearth binary runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// The demo person's account and today, in the zone the demo gave them.
async fn person(db: &TestDatabase, handle: &str) -> (AccountId, Date) {
    let account = db.store.credentials(handle).await.unwrap().unwrap().account;
    let zone = account.time_zone.expect("the demo sets a time zone");
    let today = local_today(Timestamp::now(), &TimeZone::get(&zone).unwrap());
    (account.id, today)
}

backend_tests! {
    setup = TestDatabase::new;

    async fn river_has_a_recovery_record_loaded_once(db) {
        demo(&db.url);
        let store = &db.store;
        let (river, today) = person(&db, "river").await;

        let counters = store.counters(river).await.unwrap();
        let labels: Vec<_> = counters.iter().map(|counter| counter.label.as_str()).collect();
        assert_eq!(labels, ["Alcohol", "Gambling"]);
        for counter in &counters {
            let history = store.past_streaks(river, counter.id).await.unwrap();
            assert_eq!(history.len(), 1, "{} keeps one earlier streak", counter.label);
            assert!(!history[0].learned.is_empty());
            assert!(!store.announcement_groups(river, counter.id).await.unwrap().is_empty());
        }
        let [alcohol, gambling] = &counters[..] else { unreachable!() };
        assert_eq!(alcohol.start, today - 28.days(), "four weeks in, as river tells the Evening Circle");
        assert_eq!(alcohol.program.to_announce(alcohol.start, alcohol.announced_through, today), None);
        let celebrate = gambling.program.to_announce(gambling.start, gambling.announced_through, today);
        assert!(celebrate.is_some(), "a recent gambling milestone waits to be celebrated");

        let scores = store.check_in_scores(river, today - 200.days()).await.unwrap();
        assert!((90..120).contains(&scores.len()), "months of check-ins, some days skipped: {}", scores.len());
        assert!(scores[0].day <= today - 110.days());
        assert_eq!(scores.last().unwrap().day, today - 1.day(), "today's check-in is left to make");
        let moods: HashSet<_> = scores.iter().map(|day| day.mood.get()).collect();
        let cravings: HashSet<_> = scores.iter().map(|day| day.craving.get()).collect();
        assert!(moods.len() >= 4 && cravings.len() >= 6, "{moods:?} {cravings:?}");
        let average = |days: &[hearth_store::recovery::DayScores]| {
            days.iter().map(|day| f64::from(day.mood.get())).sum::<f64>() / days.len() as f64
        };
        assert!(average(&scores[..30]) < average(&scores[scores.len() - 30..]), "mood improves");
        assert_eq!(scores.iter().filter(|day| day.used == Some(true)).count(), 1);
        let notes = store.check_ins(river, today - 200.days(), today).await.unwrap();
        assert!(notes.iter().any(|day| !day.check_in.note().is_empty()), "the notes open with the data key");
        assert!(notes.iter().any(|day| !day.check_in.helped().is_empty()));

        let journal = store.journal(river).await.unwrap();
        assert_eq!(journal.len(), 2);
        assert!(journal.iter().all(|entry| entry.text.as_str().contains("\n- ")), "each has a list");

        let (marisol, marisol_today) = person(&db, "marisol").await;
        let [sober] = &store.counters(marisol).await.unwrap()[..] else { panic!("marisol has one counter") };
        assert_eq!(sober.program, Program::TwelveStep);
        assert_eq!(sober.program.to_announce(sober.start, sober.announced_through, marisol_today), None, "her six months is already shared");

        // sam_t supports river, and sees no notes.
        let partnerships = store.partnerships(river).await.unwrap();
        let [partnership] = &partnerships[..] else { panic!("river has one partner") };
        assert_eq!(partnership.partner.handle, "sam_t");
        assert!(partnership.accepted_at.is_some() && !partnership.sees.notes);

        demo(&db.url);
        assert_eq!(store.partnerships(river).await.unwrap(), partnerships);
        assert_eq!(store.counters(river).await.unwrap(), counters);
        assert_eq!(store.check_in_scores(river, today - 200.days()).await.unwrap(), scores);
        assert_eq!(store.journal(river).await.unwrap(), journal);
        assert_eq!(store.counters(marisol).await.unwrap().len(), 1);
    }
}
