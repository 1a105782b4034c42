//! Accountability partners on both engines: invited, accepted, seeing what
//! the member chose, ended by either; and nudged once per quiet spell,
//! counted in the member's own days, however many nodes sweep at once.

mod common;

use common::*;
use hearth_domain::people::TimeZoneName;
use hearth_domain::recovery::{CheckIn, NudgeAfter, PartnerSees};
use hearth_store::recovery::Partnership;
use hearth_store::testing::TestDatabase;
use hearth_store::{Entity, StoreError, backend_tests};
use jiff::Timestamp;
use jiff::civil::date;

/// An instant given as UTC wall time.
fn at(text: &str) -> Timestamp {
    text.parse().unwrap()
}

fn check_in() -> CheckIn {
    CheckIn::parse("3", "3", "", "", "").unwrap()
}

backend_tests! {
    setup = TestDatabase::new;

    async fn a_partnership_is_its_two_peoples_alone(db) {
        let store = &db.store;
        let river = person(store, "river").await;
        let sam = person(store, "sam").await;
        let stone = person(store, "stone").await;

        let sees = PartnerSees::from_names(["counters", "missed"]);
        let id = store.invite_partner(river, &key("Sam"), sees, t(1)).await.unwrap();
        expect_not_found(store.invite_partner(river, &key("nobody"), sees, t(1)).await, Entity::Account);
        expect_not_found(store.invite_partner(river, &key("river"), sees, t(1)).await, Entity::Account);
        match store.invite_partner(river, &key("sam"), sees, t(2)).await {
            Err(StoreError::Conflict(Entity::Partnership)) => {}
            other => panic!("expected a conflict, got {other:?}"),
        }

        let invited = store.partnership(sam, id).await.unwrap().unwrap();
        assert_eq!((invited.member.handle.as_str(), invited.partner.handle.as_str()), ("river", "sam"));
        assert_eq!((invited.accepted_at, invited.sees), (None, sees));
        // Only the partner accepts; nobody else reaches it.
        expect_not_found(store.accept_partnership(river, id, t(3)).await, Entity::Partnership);
        expect_not_found(store.accept_partnership(stone, id, t(3)).await, Entity::Partnership);
        assert_eq!(store.partnership(stone, id).await.unwrap(), None);
        assert!(store.partnerships(stone).await.unwrap().is_empty());
        store.accept_partnership(sam, id, t(4)).await.unwrap();
        expect_not_found(store.accept_partnership(sam, id, t(5)).await, Entity::Partnership);

        // Only the member changes what the partner sees.
        let all = PartnerSees::from_names(PartnerSees::NAMES);
        expect_not_found(store.set_partner_sees(sam, id, all).await, Entity::Partnership);
        store.set_partner_sees(river, id, all).await.unwrap();
        let both: Vec<Partnership> = store.partnerships(river).await.unwrap();
        assert_eq!(both.len(), 1);
        assert_eq!((both[0].accepted_at, both[0].sees), (Some(t(4)), all));
        assert_eq!(store.partnerships(sam).await.unwrap(), both, "the same from either side");

        expect_not_found(store.end_partnership(stone, id).await, Entity::Partnership);
        store.end_partnership(sam, id).await.unwrap();
        assert!(store.partnerships(river).await.unwrap().is_empty());
        expect_not_found(store.end_partnership(river, id).await, Entity::Partnership);
    }

    async fn partners_are_nudged_once_per_quiet_spell_in_the_members_days(db) {
        let store = &db.store;
        let river = person(store, "river").await;
        let sam = person(store, "sam").await;
        let ash = person(store, "ash").await;
        // River lives in Honolulu (UTC-10): their 27 November lasts until 10:00 UTC on the 28th.
        store.set_time_zone(river, &TimeZoneName::parse("Pacific/Honolulu").unwrap()).await.unwrap();
        let sees = PartnerSees::default();
        let with_sam = store.invite_partner(river, &key("sam"), sees, t(0)).await.unwrap();
        store.accept_partnership(sam, with_sam, t(0)).await.unwrap();
        // Ash sees no missed days, and is never nudged.
        let with_ash = store.invite_partner(river, &key("ash"), PartnerSees::from_names(["scores"]), t(0)).await.unwrap();
        store.accept_partnership(ash, with_ash, t(0)).await.unwrap();
        assert_eq!(store.nudge_after(river).await.unwrap(), NudgeAfter::DEFAULT);

        store.save_check_in(river, date(2026, 11, 25), &check_in(), t(0)).await.unwrap();
        // 28 Nov 09:00 UTC is still the 27th in Honolulu: one day missed.
        assert_eq!(store.nudge_partners(at("2026-11-28T09:00:00Z")).await.unwrap(), 0);
        // At 10:00 UTC it is the 28th there: two days missed (26th, 27th).
        let sweeps = tokio::join!(
            store.nudge_partners(at("2026-11-28T10:00:00Z")),
            store.nudge_partners(at("2026-11-28T10:00:00Z")),
        );
        assert_eq!(sweeps.0.unwrap() + sweeps.1.unwrap(), 1, "once, however many sweep");
        assert_eq!(store.nudge_partners(at("2026-11-29T12:00:00Z")).await.unwrap(), 0, "once per spell");
        let nudges = store.nudges(sam).await.unwrap();
        assert_eq!(nudges.len(), 1);
        assert_eq!((nudges[0].member.handle.as_str(), nudges[0].missed_days, nudges[0].read), ("river", 2, false));
        assert!(store.nudges(ash).await.unwrap().is_empty());
        store.read_nudges(sam, t(9)).await.unwrap();
        assert!(store.nudges(sam).await.unwrap()[0].read);

        // A check-in ends the spell; the next quiet one nudges again, after
        // the days the member chose.
        store.set_nudge_after(river, NudgeAfter::new(3).unwrap()).await.unwrap();
        store.save_check_in(river, date(2026, 11, 30), &check_in(), t(0)).await.unwrap();
        assert_eq!(store.nudge_partners(at("2026-12-03T12:00:00Z")).await.unwrap(), 0, "two days: not yet");
        assert_eq!(store.nudge_partners(at("2026-12-04T12:00:00Z")).await.unwrap(), 1);
        assert_eq!(store.nudges(sam).await.unwrap().len(), 2);

        // Ending the partnership takes the nudges about the member with it.
        store.end_partnership(river, with_sam).await.unwrap();
        assert!(store.nudges(sam).await.unwrap().is_empty());
    }
}
