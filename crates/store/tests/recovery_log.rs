//! The meeting log and goals conformance suite: every public function of
//! `hearth_store::recovery` for meetings attended, meeting goals, goals and
//! their steps, run once on SQLite and once on PostgreSQL by
//! `backend_tests!`. Each member reaches their own rows and nobody else's.

mod common;

use common::*;
use hearth_domain::meetings::Meeting;
use hearth_domain::meetings::feed::parse_feed;
use hearth_domain::recovery::{
    Attendance, GoalError, GoalState, GoalTitle, MAX_STEPS, MeetingGoal, MeetingGoalState,
    StepProgress, StepText,
};
use hearth_store::recovery::{GoalStepId, LoggedMeeting};
use hearth_store::testing::TestDatabase;
use hearth_store::{Entity, StoreError, backend_tests};
use jiff::civil::{Date, date};
use serde_json::json;

/// The members' "today" in these tests.
const TODAY: Date = date(2026, 11, 27);

fn went(day: &str, listed: &str, name: &str) -> Attendance {
    Attendance::parse(day, listed, name, TODAY).unwrap()
}

fn title(text: &str) -> GoalTitle {
    GoalTitle::parse(text).unwrap()
}

fn step(text: &str) -> StepText {
    StepText::parse(text).unwrap()
}

/// Each logged meeting as (day, name, slug).
fn shown(log: &[LoggedMeeting]) -> Vec<(Date, Option<&str>, Option<&str>)> {
    log.iter()
        .map(|logged| (logged.day, logged.name.as_deref(), logged.slug.as_deref()))
        .collect()
}

fn feed(records: serde_json::Value) -> Vec<Meeting> {
    let parsed = parse_feed(&records.to_string(), Some("America/Chicago")).unwrap();
    assert!(parsed.rejected.is_empty(), "{:?}", parsed.rejected);
    parsed.meetings
}

fn listed_meetings(big_book_name: &str) -> Vec<Meeting> {
    feed(json!([
        { "name": big_book_name, "slug": "big-book", "day": 2, "time": "19:00",
          "formatted_address": "1 Main St, Chicago, IL" },
        { "name": "Noon Serenity", "slug": "noon", "day": 3, "time": "12:00",
          "conference_url": "https://zoom.us/j/1" },
    ]))
}

backend_tests! {
    setup = TestDatabase::new;

    async fn the_meeting_log_is_its_members_alone(db) {
        let store = &db.store;
        let alice = person(store, "alice").await;
        let bob = person(store, "bob").await;
        store.import_meetings("chi", &listed_meetings("Tuesday Big Book"), false, t(0)).await.unwrap();

        let listed = store.log_meeting(alice, &went("2026-11-24", "big-book", ""), t(1)).await.unwrap();
        assert_eq!((listed.name.as_deref(), listed.slug.as_deref()), (Some("Tuesday Big Book"), Some("big-book")));
        let named = store.log_meeting(alice, &went("2026-11-26", "", "Hospital group"), t(2)).await.unwrap();
        assert_eq!((named.name.as_deref(), named.slug), (Some("Hospital group"), None));
        let unnamed = store.log_meeting(alice, &went("2026-11-26", "", ""), t(3)).await.unwrap();
        assert_eq!((unnamed.name.clone(), unnamed.slug.clone()), (None, None));
        store.log_meeting(alice, &went("2026-08-01", "", "Summer retreat"), t(4)).await.unwrap();
        let bobs = store.log_meeting(bob, &went("2026-11-25", "noon", ""), t(5)).await.unwrap();

        let log = store.meeting_log(alice, date(2026, 9, 1), TODAY).await.unwrap();
        assert_eq!(shown(&log), [
            (date(2026, 11, 26), None, None),
            (date(2026, 11, 26), Some("Hospital group"), None),
            (date(2026, 11, 24), Some("Tuesday Big Book"), Some("big-book")),
        ], "the latest first, and only the days asked for");
        assert_eq!(log[2], listed);
        assert_eq!(
            store.attended_days(alice, date(2026, 8, 1)).await.unwrap(),
            [date(2026, 8, 1), date(2026, 11, 24), date(2026, 11, 26), date(2026, 11, 26)],
            "one day for each meeting"
        );
        assert_eq!(store.attended_days(alice, date(2026, 11, 25)).await.unwrap().len(), 2);
        assert_eq!(shown(&store.meeting_log(bob, Date::MIN, Date::MAX).await.unwrap()),
            [(date(2026, 11, 25), Some("Noon Serenity"), Some("noon"))]);

        // Bob can take nothing out of Alice's log.
        expect_not_found(store.delete_logged_meeting(bob, listed.id).await, Entity::LoggedMeeting);
        assert_eq!(store.meeting_log(alice, Date::MIN, Date::MAX).await.unwrap().len(), 4);
        store.delete_logged_meeting(alice, listed.id).await.unwrap();
        expect_not_found(store.delete_logged_meeting(alice, listed.id).await, Entity::LoggedMeeting);
        assert_eq!(store.meeting_log(alice, Date::MIN, Date::MAX).await.unwrap().len(), 3);
        assert_eq!(store.meeting_log(bob, Date::MIN, Date::MAX).await.unwrap()[0].id, bobs.id);
    }

    async fn a_logged_meeting_keeps_its_name_after_the_meeting_leaves_the_list(db) {
        let store = &db.store;
        let alice = person(store, "alice").await;
        store.import_meetings("chi", &listed_meetings("Tuesday Big Book"), false, t(0)).await.unwrap();
        store.log_meeting(alice, &went("2026-11-24", "big-book", ""), t(1)).await.unwrap();
        match store.log_meeting(alice, &went("2026-11-24", "no-such-meeting", ""), t(2)).await {
            Err(StoreError::NotFound(Entity::Meeting)) => {}
            other => panic!("expected the meeting not found, got {other:?}"),
        }

        // While listed, the log shows the meeting's name as the finder does.
        store.import_meetings("chi", &listed_meetings("Big Book Study"), false, t(3)).await.unwrap();
        let log = store.meeting_log(alice, Date::MIN, Date::MAX).await.unwrap();
        assert_eq!(shown(&log), [(date(2026, 11, 24), Some("Big Book Study"), Some("big-book"))]);

        // Gone from the list, it keeps the name it was logged with.
        let report = store.import_meetings("chi", &listed_meetings("Big Book Study")[1..], true, t(4)).await.unwrap();
        assert_eq!(report.removed, 1);
        let log = store.meeting_log(alice, Date::MIN, Date::MAX).await.unwrap();
        assert_eq!(shown(&log), [(date(2026, 11, 24), Some("Tuesday Big Book"), None)]);
        assert_eq!(store.attended_days(alice, Date::MIN).await.unwrap(), [date(2026, 11, 24)]);
    }

    async fn meeting_goals_are_their_members_alone(db) {
        let store = &db.store;
        let alice = person(store, "alice").await;
        let bob = person(store, "bob").await;
        let earlier = MeetingGoal::parse("30", "30", "2026-06-01", TODAY).unwrap();
        let ninety = MeetingGoal::parse("90", "90", "2026-11-20", TODAY).unwrap();
        let first = store.create_meeting_goal(alice, &earlier, t(1)).await.unwrap();
        let second = store.create_meeting_goal(alice, &ninety, t(2)).await.unwrap();
        assert_eq!(second.goal, ninety);
        assert_eq!(store.meeting_goals(alice).await.unwrap(), [second.clone(), first.clone()], "the latest first");
        assert!(store.meeting_goals(bob).await.unwrap().is_empty());

        for day in ["2026-11-20", "2026-11-21", "2026-11-21", "2026-11-19"] {
            store.log_meeting(alice, &went(day, "", ""), t(3)).await.unwrap();
        }
        let days = store.attended_days(alice, ninety.start()).await.unwrap();
        let progress = ninety.progress(&days, TODAY);
        assert_eq!((progress.attended, progress.days_left), (3, 83));
        assert_eq!(progress.state, MeetingGoalState::BehindPace { meetings: 4 });

        expect_not_found(store.delete_meeting_goal(bob, second.id).await, Entity::MeetingGoal);
        store.delete_meeting_goal(alice, first.id).await.unwrap();
        assert_eq!(store.meeting_goals(alice).await.unwrap(), [second]);
        assert_eq!(store.attended_days(alice, Date::MIN).await.unwrap().len(), 4, "the meetings stay logged");
    }

    async fn goals_and_their_steps_are_their_members_alone(db) {
        let store = &db.store;
        let alice = person(store, "alice").await;
        let bob = person(store, "bob").await;
        let steps = [step("Ask at the Tuesday meeting"), step("Call twice a week")];
        let sponsor = store.create_goal(alice, &title("Find a sponsor"), &steps, t(1)).await.unwrap();
        let walk = store.create_goal(alice, &title("Walk every morning"), &[], t(2)).await.unwrap();
        let bobs = store.create_goal(bob, &title("Sleep by eleven"), &[], t(3)).await.unwrap();

        let goals = store.goals(alice).await.unwrap();
        let listed: Vec<(&str, GoalState, usize)> = goals.iter().map(|g| (g.title.as_str(), g.state, g.steps.len())).collect();
        assert_eq!(listed, [("Walk every morning", GoalState::Active, 0), ("Find a sponsor", GoalState::Active, 2)]);
        let goal = store.goal(alice, sponsor).await.unwrap().unwrap();
        let texts: Vec<&str> = goal.steps.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(texts, ["Ask at the Tuesday meeting", "Call twice a week"], "in the order added");
        assert_eq!(goal.progress(), StepProgress { done: 0, total: 2 });
        assert_eq!((goal.created_at, goal.updated_at), (t(1), t(1)));
        let [ask, call] = [goal.steps[0].id, goal.steps[1].id];

        // Bob reaches none of Alice's goals or steps, by any function.
        assert_eq!(store.goal(bob, sponsor).await.unwrap(), None);
        assert_eq!(store.goals(bob).await.unwrap().len(), 1);
        expect_not_found(store.update_goal(bob, sponsor, Some(&title("Mine")), None, t(4)).await, Entity::Goal);
        expect_not_found(store.delete_goal(bob, sponsor).await, Entity::Goal);
        expect_not_found(store.add_goal_step(bob, sponsor, &step("Mine"), t(4)).await, Entity::Goal);
        expect_not_found(store.update_goal_step(bob, sponsor, ask, None, Some(true), t(4)).await, Entity::Goal);
        expect_not_found(store.delete_goal_step(bob, sponsor, ask, t(4)).await, Entity::Goal);
        // Nor through a goal of his own.
        expect_not_found(store.update_goal_step(bob, bobs, ask, None, Some(true), t(4)).await, Entity::GoalStep);
        expect_not_found(store.delete_goal_step(bob, bobs, ask, t(4)).await, Entity::GoalStep);
        // A step is reached only through its own goal.
        expect_not_found(store.update_goal_step(alice, walk, ask, None, Some(true), t(4)).await, Entity::GoalStep);
        assert_eq!(store.goal(alice, sponsor).await.unwrap().unwrap(), goal, "nothing changed");

        store.update_goal_step(alice, sponsor, ask, None, Some(true), t(5)).await.unwrap();
        store.update_goal_step(alice, sponsor, call, Some(&step("Call every Sunday")), None, t(6)).await.unwrap();
        let goal = store.goal(alice, sponsor).await.unwrap().unwrap();
        let marks: Vec<(&str, bool)> = goal.steps.iter().map(|s| (s.text.as_str(), s.done)).collect();
        assert_eq!(marks, [("Ask at the Tuesday meeting", true), ("Call every Sunday", false)]);
        assert_eq!(goal.progress().percent(), Some(50));
        assert_eq!(goal.updated_at, t(6));
        store.update_goal_step(alice, sponsor, ask, None, Some(false), t(7)).await.unwrap();
        assert_eq!(store.goal(alice, sponsor).await.unwrap().unwrap().progress().done, 0);

        store.update_goal(alice, sponsor, Some(&title("Find a sponsor I trust")), None, t(8)).await.unwrap();
        store.update_goal(alice, sponsor, None, Some(GoalState::Complete), t(9)).await.unwrap();
        let goal = store.goal(alice, sponsor).await.unwrap().unwrap();
        assert_eq!((goal.title.as_str(), goal.state), ("Find a sponsor I trust", GoalState::Complete));
        store.update_goal(alice, walk, None, Some(GoalState::Archived), t(10)).await.unwrap();
        assert_eq!(store.goal(alice, walk).await.unwrap().unwrap().state, GoalState::Archived);

        store.delete_goal_step(alice, sponsor, call, t(11)).await.unwrap();
        expect_not_found(store.delete_goal_step(alice, sponsor, call, t(12)).await, Entity::GoalStep);
        store.delete_goal(alice, sponsor).await.unwrap();
        assert_eq!(store.goal(alice, sponsor).await.unwrap(), None);
        expect_not_found(store.update_goal_step(alice, sponsor, ask, None, Some(true), t(13)).await, Entity::Goal);
        assert_eq!(store.goals(alice).await.unwrap().len(), 1);
        assert_eq!(store.goals(bob).await.unwrap()[0].id, bobs);
    }

    async fn a_goal_takes_steps_up_to_its_limit(db) {
        let store = &db.store;
        let alice = person(store, "alice").await;
        let goal = store.create_goal(alice, &title("Ninety days"), &[step("one")], t(1)).await.unwrap();
        let mut added: Vec<GoalStepId> = Vec::new();
        for n in 2..=MAX_STEPS {
            let made = store.add_goal_step(alice, goal, &step(&format!("step {n}")), t(2)).await.unwrap();
            let made = made.expect("room for the step");
            assert!(!made.done);
            added.push(made.id);
        }
        let full = store.add_goal_step(alice, goal, &step("one too many"), t(3)).await.unwrap();
        assert_eq!(full, Err(GoalError::TooManySteps { field: "text", max: MAX_STEPS }));
        let stored = store.goal(alice, goal).await.unwrap().unwrap();
        assert_eq!(stored.steps.len(), MAX_STEPS);
        assert_eq!(stored.steps.last().unwrap().text, format!("step {MAX_STEPS}"));
        assert_eq!(stored.updated_at, t(2), "a step refused changes nothing");
        store.delete_goal_step(alice, goal, added[0], t(4)).await.unwrap();
        assert!(store.add_goal_step(alice, goal, &step("room again"), t(5)).await.unwrap().is_ok());
    }
}
