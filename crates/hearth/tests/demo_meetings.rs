//! `hearth demo` fills the meeting finder: a few hundred meetings in several
//! cities and zones, in person, hybrid and online, loaded once however often
//! the demo runs, on both databases.

use std::collections::HashSet;
use std::process::{Command, Output};

use hearth_domain::meetings::feed::parse_record;
use hearth_domain::meetings::{Attendance, Meeting};
use hearth_store::backend_tests;
use hearth_store::testing::{TEST_DATA_KEY, TestDatabase};
use tokio::sync::mpsc;

/// How many meetings the demo promises (`demo::DEMO_MEETINGS`).
const DEMO_MEETINGS: usize = 400;

fn demo(database: &str) -> Output {
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
    output
}

/// Every stored meeting, read back from its record.
async fn stored_meetings(db: &TestDatabase) -> Vec<Meeting> {
    let (sender, mut records) = mpsc::channel(64);
    let store = db.store.clone();
    let sending = tokio::spawn(async move { store.send_meeting_records(sender).await });
    let mut meetings = Vec::new();
    while let Some(record) = records.recv().await {
        let record = serde_json::from_str(&record).expect("stored records are JSON");
        meetings.push(parse_record(record, None).expect("stored records read"));
    }
    sending.await.unwrap().unwrap();
    meetings
}

backend_tests! {
    setup = TestDatabase::new;

    async fn the_demo_meetings_load_once_however_often_the_demo_runs(db) {
        let first = String::from_utf8_lossy(&demo(&db.url).stdout).into_owned();
        assert!(first.contains(&format!("{DEMO_MEETINGS} demo meetings are loaded")), "{first}");
        demo(&db.url);
        assert_eq!(db.store.meeting_count().await.unwrap(), DEMO_MEETINGS as i64);

        let meetings = stored_meetings(&db).await;
        assert_eq!(meetings.len(), DEMO_MEETINGS);
        // The second run found every meeting unchanged: each has one entry
        // in its history, its addition.
        for meeting in &meetings {
            let history = db.store.meeting_changes("demo", &meeting.slug).await.unwrap();
            assert_eq!(history.len(), 1, "{}: {history:?}", meeting.slug);
            assert_eq!(history[0].change["action"], "added");
        }
    }

    async fn the_demo_meetings_show_every_way_to_attend_in_many_zones(db) {
        demo(&db.url);
        let meetings = stored_meetings(&db).await;
        let attendance: HashSet<Attendance> = meetings.iter().map(Meeting::attendance).collect();
        for way in [Attendance::InPerson, Attendance::Hybrid, Attendance::Online] {
            assert!(attendance.contains(&way), "no {way} demo meeting");
        }
        let zones: HashSet<&str> = meetings.iter().filter_map(|m| m.timezone.as_deref()).collect();
        assert!(zones.len() >= 8, "only {zones:?}");
        assert!(
            meetings.iter().any(|m| m.types.iter().any(|t| t == "S")),
            "Spanish-speaking meetings"
        );
    }
}
