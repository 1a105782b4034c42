//! `GET /api/meetings.json`: the Meeting Guide feed, on both databases.

mod support;

use hearth_domain::meetings::feed::parse_feed;
use hearth_store::backend_tests;
use reqwest::StatusCode;
use serde_json::{Value, json};
use support::spawn_app;

backend_tests! {
    setup = spawn_app;

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
