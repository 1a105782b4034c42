//! `GET /api/meetings.json`: the Meeting Guide feed, on both databases.

mod support;

use hearth_domain::meetings::feed::parse_feed;
use hearth_store::backend_tests;
use reqwest::StatusCode;
use serde_json::{Value, json};
use support::spawn_app;

/// The field types TSML UI and the Meeting Guide app read: checked on every
/// record of a feed Hearth serves, since TSML UI itself is not packaged for
/// a test to run.
fn assert_spec_shape(record: &Value) {
    let object = record.as_object().expect("each record is an object");
    let text = |field: &str| {
        object.get(field).map(|v| {
            v.as_str()
                .unwrap_or_else(|| panic!("{field} is text: {record}"))
        })
    };
    assert!(!text("name").unwrap().is_empty() && !text("slug").unwrap().is_empty());
    if let Some(day) = object.get("day") {
        let days: Vec<&Value> = match day {
            Value::Array(days) => days.iter().collect(),
            one => vec![one],
        };
        assert!(
            days.iter().all(|d| d.as_u64().is_some_and(|d| d <= 6)),
            "day is 0-6: {record}"
        );
    }
    for field in ["time", "end_time"] {
        if let Some(time) = text(field) {
            assert!(
                jiff::civil::Time::strptime("%H:%M", time).is_ok() && time.len() == 5,
                "{field} is HH:MM: {time}"
            );
        }
    }
    if let Some(zone) = text("timezone") {
        assert!(
            jiff::tz::TimeZone::get(zone).is_ok(),
            "timezone is IANA: {zone}"
        );
    }
    for field in ["latitude", "longitude"] {
        if let Some(value) = object.get(field) {
            assert!(
                value.is_f64() || value.is_i64(),
                "{field} is a number: {record}"
            );
        }
    }
    if let Some(types) = object.get("types") {
        assert!(
            types
                .as_array()
                .is_some_and(|t| t.iter().all(Value::is_string)),
            "types: {record}"
        );
    }
    if let Some(approximate) = text("approximate") {
        assert!(approximate == "yes" || approximate == "no");
    }
    if let Some(updated) = text("updated") {
        assert!(
            jiff::civil::DateTime::strptime("%Y-%m-%d %H:%M:%S", updated).is_ok(),
            "updated: {updated}"
        );
    }
    assert!(
        object
            .values()
            .all(|v| !v.is_null() && v.as_str() != Some("")),
        "no empty fields: {record}"
    );
}

backend_tests! {
    setup = spawn_app;

    async fn a_messy_feed_comes_out_in_the_shape_other_finders_read(app) {
        let messy = include_str!("../../hearth/tests/fixtures/messy-feed.json");
        let parsed = parse_feed(messy, Some("America/Los_Angeles")).unwrap();
        app.db.store.import_meetings("pdx", &parsed.meetings, false, jiff::Timestamp::now()).await.unwrap();
        let feed: Vec<Value> = app.api.get(app.url("/api/meetings.json")).send().await.unwrap().json().await.unwrap();
        assert_eq!(feed.len(), parsed.meetings.len());
        for record in &feed {
            assert_spec_shape(record);
        }
    }

    async fn an_empty_list_is_an_empty_feed(app) {
        let response = app.api.get(app.url("/api/meetings.json")).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        let feed: Value = response.json().await.unwrap();
        assert_eq!(feed, json!([]));
    }

    async fn the_feed_serves_every_meeting_for_other_finders(app) {
        let text = json!([
            { "name": "Sunrise Serenity", "slug": "sunrise", "day": 1, "time": "07:00", "timezone": "America/Los_Angeles",
              "formatted_address": "1025 NW 21st Ave, Portland, OR 97209, USA", "latitude": 45.5317, "longitude": -122.6946,
              "types": ["O", "D"], "custom_field": { "kept": true } },
            { "name": "Lunch Bunch", "slug": "lunch", "day": [1, 3], "time": "12:10", "timezone": "America/Los_Angeles",
              "conference_url": "https://zoom.us/j/1" },
        ])
        .to_string();
        let parsed = parse_feed(&text, None).unwrap();
        assert!(parsed.rejected.is_empty());
        app.db.store.import_meetings("pdx", &parsed.meetings, false, jiff::Timestamp::now()).await.unwrap();

        let response = app.api.get(app.url("/api/meetings.json")).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(response.headers()["content-type"], "application/json");
        assert_eq!(response.headers()["access-control-allow-origin"], "*");
        let feed: Vec<Value> = response.json().await.unwrap();
        assert_eq!(feed.len(), 2);
        let by_slug = |slug: &str| feed.iter().find(|m| m["slug"] == slug).unwrap().clone();
        assert_eq!(by_slug("sunrise")["custom_field"], json!({ "kept": true }));
        assert_eq!(by_slug("lunch")["day"], json!([1, 3]));
        let expected: Vec<Value> = parsed.meetings.iter().map(|m| Value::Object(m.record.clone())).collect();
        for record in expected {
            assert!(feed.contains(&record), "{record}");
        }
    }
}
