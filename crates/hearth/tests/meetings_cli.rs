//! `hearth import-meetings` and `hearth export-meetings` on both databases:
//! messy feeds in, exact feeds out, and nothing lost in between.

use std::process::{Command, Output};

use hearth_store::backend_tests;
use hearth_store::testing::{TEST_DATA_KEY, TestDatabase};
use serde_json::Value;

const MESSY_FEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/messy-feed.json"
);

fn hearth(database: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hearth"))
        .args(args)
        .env("HEARTH_DATABASE_URL", database)
        .env("HEARTH_DATA_KEY", TEST_DATA_KEY)
        .output()
        .expect("the hearth binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The `added`, `updated`, ... counts an import printed.
fn count(report: &str, what: &str) -> usize {
    report
        .lines()
        .find_map(|line| line.trim().strip_prefix(what))
        .and_then(|rest| rest.trim().parse().ok())
        .unwrap_or_else(|| panic!("no {what} count in:\n{report}"))
}

fn export(database: &str, dir: &std::path::Path, name: &str) -> (std::path::PathBuf, Vec<Value>) {
    let path = dir.join(name);
    let output = hearth(database, &["export-meetings", path.to_str().unwrap()]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let feed: Vec<Value> = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    (path, feed)
}

backend_tests! {
    setup = TestDatabase::new;

    async fn a_messy_feed_imports_what_it_can_and_says_why_not_the_rest(db) {
        let output = hearth(&db.url, &["import-meetings", MESSY_FEED, "--source", "pdx", "--timezone", "America/Los_Angeles"]);
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        let report = stdout(&output);
        assert_eq!(count(&report, "added"), 5, "{report}");
        assert_eq!(count(&report, "rejected"), 3, "{report}");
        assert!(report.contains("record 5 (broken-clock)"), "{report}");
        assert!(report.contains("record 6 (sunrise-serenity)"), "duplicate slug: {report}");
        assert!(report.contains("record 7 (nameless)"), "{report}");
        assert_eq!(db.store.meeting_count().await.unwrap(), 5);

        let again = stdout(&hearth(&db.url, &["import-meetings", MESSY_FEED, "--source", "pdx", "--timezone", "America/Los_Angeles"]));
        assert_eq!(count(&again, "added"), 0);
        assert_eq!(count(&again, "unchanged"), 5, "importing the same feed is idempotent");
        let history = db.store.meeting_changes("pdx", "lunch-bunch").await.unwrap();
        assert_eq!(history.len(), 1, "an unchanged meeting gains no history");
        assert_eq!(history[0].change["action"], "added");
    }

    async fn export_then_import_loses_nothing(db) {
        let dir = tempfile::tempdir().unwrap();
        hearth(&db.url, &["import-meetings", MESSY_FEED, "--source", "pdx", "--timezone", "America/Los_Angeles"]);
        let (first_path, first) = export(&db.url, dir.path(), "first.json");
        assert_eq!(first.len(), 5);
        let sunrise = first.iter().find(|m| m["slug"] == "sunrise-serenity").unwrap();
        assert_eq!(sunrise["custom_district"], "District 7", "unknown fields survive");
        assert_eq!(sunrise["venmo"], "@sunrise-group");
        assert_eq!(sunrise["feedback_emails"][0], "intergroup@example.org");
        assert_eq!(sunrise["region"], "Portland");
        let lunch = first.iter().find(|m| m["slug"] == "lunch-bunch").unwrap();
        assert_eq!(lunch["time"], "12:10", "times are written the spec's way");
        assert_eq!(lunch["latitude"], 45.5152, "coordinates are numbers");
        assert_eq!(lunch["day"], serde_json::json!([1, 3, 5]));
        assert!(lunch.get("notes").is_none(), "empty strings are dropped");

        // The export imported into a fresh database exports identically.
        let other = TestDatabase::new(hearth_store::Backend::Sqlite).await;
        let report = stdout(&hearth(&other.url, &["import-meetings", first_path.to_str().unwrap(), "--source", "pdx"]));
        assert_eq!(count(&report, "added"), 5, "{report}");
        assert_eq!(count(&report, "rejected"), 0, "{report}");
        let (_, second) = export(&other.url, dir.path(), "second.json");
        assert_eq!(first, second);
    }

    async fn prune_removes_what_the_source_dropped_and_leaves_other_sources(db) {
        let dir = tempfile::tempdir().unwrap();
        hearth(&db.url, &["import-meetings", MESSY_FEED, "--source", "pdx", "--timezone", "America/Los_Angeles"]);
        hearth(&db.url, &["import-meetings", MESSY_FEED, "--source", "other", "--timezone", "America/Los_Angeles"]);
        let smaller = dir.path().join("smaller.json");
        std::fs::write(&smaller, r#"[{"name": "Lunch Bunch", "slug": "lunch-bunch", "day": 1, "time": "12:15", "timezone": "America/Los_Angeles"}]"#).unwrap();

        let without_prune = stdout(&hearth(&db.url, &["import-meetings", smaller.to_str().unwrap(), "--source", "pdx"]));
        assert_eq!(count(&without_prune, "updated"), 1);
        assert_eq!(count(&without_prune, "removed"), 0);
        assert_eq!(db.store.meeting_count().await.unwrap(), 10);

        let pruned = stdout(&hearth(&db.url, &["import-meetings", smaller.to_str().unwrap(), "--source", "pdx", "--prune"]));
        assert_eq!(count(&pruned, "removed"), 4);
        assert_eq!(db.store.meeting_count().await.unwrap(), 6, "the other source is untouched");
        let history = db.store.meeting_changes("pdx", "lunch-bunch").await.unwrap();
        assert_eq!(history[1].change["action"], "updated");
        assert!(history[1].change["fields"].as_array().unwrap().contains(&Value::from("time")));
        let removed = db.store.meeting_changes("pdx", "late-night-hope").await.unwrap();
        assert_eq!(removed.last().unwrap().change["action"], "removed");
    }

    async fn a_feed_that_is_not_json_changes_nothing(db) {
        let dir = tempfile::tempdir().unwrap();
        hearth(&db.url, &["import-meetings", MESSY_FEED, "--source", "pdx", "--timezone", "America/Los_Angeles"]);
        let broken = dir.path().join("broken.json");
        std::fs::write(&broken, "[{\"name\": \"Half").unwrap();
        let output = hearth(&db.url, &["import-meetings", broken.to_str().unwrap(), "--source", "pdx", "--prune"]);
        assert_eq!(output.status.code(), Some(2));
        assert_eq!(String::from_utf8_lossy(&output.stderr).lines().count(), 1);
        assert_eq!(db.store.meeting_count().await.unwrap(), 5, "the previous data is intact");
    }
}

#[test]
fn an_unknown_default_time_zone_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let database = format!("sqlite://{}", dir.path().join("hearth.db").display());
    let output = hearth(
        &database,
        &["import-meetings", MESSY_FEED, "--timezone", "Mars/Olympus"],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("not an IANA time zone"));
}
