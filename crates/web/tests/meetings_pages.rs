//! The finder and meeting pages, and calendar files, on both databases.

mod support;

use hearth_domain::meetings::feed::parse_feed;
use hearth_store::backend_tests;
use reqwest::StatusCode;
use serde_json::json;
use support::{TestApp, spawn_app};

async fn with_meetings(app: &TestApp) {
    let feed = json!([
        { "name": "Pearl Tuesday Night", "slug": "pearl", "day": [2, 4], "time": "19:00", "end_time": "20:00",
          "timezone": "America/Los_Angeles", "location": "Pearl Community Hall",
          "formatted_address": "1 NW 10th Ave, Portland, OR", "latitude": 45.5236, "longitude": -122.6812,
          "types": ["O", "D", "S"], "notes": "Step study upstairs", "group": "Pearl Group",
          "feedback_url": "https://intergroup.example/feedback", "url": "https://intergroup.example/pearl",
          "conference_url": "https://zoom.us/j/99", "conference_phone": "+15555550100" },
        { "name": "Desk", "slug": "desk", "timezone": "America/Los_Angeles",
          "formatted_address": "2 Main St, Portland, OR", "latitude": 45.51, "longitude": -122.67 },
    ])
    .to_string();
    let parsed = parse_feed(&feed, None).unwrap();
    app.db
        .store
        .import_meetings("test", &parsed.meetings, false, jiff::Timestamp::now())
        .await
        .unwrap();
}

async fn get(app: &TestApp, path: &str, lang: &str) -> (StatusCode, String) {
    let response = app
        .api
        .get(app.url(path))
        .header("accept-language", lang)
        .send()
        .await
        .unwrap();
    (response.status(), response.text().await.unwrap())
}

backend_tests! {
    setup = spawn_app;

    async fn the_finder_lists_meetings_without_javascript(app) {
        with_meetings(&app).await;
        let (status, html) = get(&app, "/meetings?q=pearl", "en").await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains(r#"<a href="/meetings/pearl">Pearl Tuesday Night</a>"#));
        assert!(html.contains("One meeting matches."));
        assert!(html.contains("In person and online"), "hybrid, in words");
        assert!(html.contains("<li>Open</li>") && html.contains("<li>Discussion</li>"), "type names");
        assert!(html.contains(r#"<form method="get" action="/meetings""#));
        assert!(html.contains(r#"<script src="/static/finder.js" defer></script>"#));
        let (_, html) = get(&app, "/meetings?q=pearl", "es").await;
        assert!(html.contains("<li>Abierta</li>") || html.contains("<li>Abierto</li>"), "Spanish type names");
        assert!(html.contains("Coincide una reunión."));
    }

    async fn distances_and_the_viewers_time_are_shown_when_known(app) {
        with_meetings(&app).await;
        let (_, html) = get(&app, "/meetings?lat=45.5152&lng=-122.6784&radius_km=5&tz=America/New_York", "en").await;
        assert!(html.contains("km away"), "{html}");
        assert!(html.contains("your time"), "a viewer in another zone sees their time too");
    }

    async fn where_finds_a_place_or_offers_the_choices(app) {
        with_meetings(&app).await;
        let (_, html) = get(&app, "/meetings?q=Portland%2C+OR", "en").await;
        assert!(html.contains("Near Portland, Oregon, US."), "{html}");
        assert!(html.contains(r#"<option value="25" selected>"#), "the distance used is shown");
        assert!(html.contains(r#"<a href="/meetings/pearl">"#));
        let (_, html) = get(&app, "/meetings?q=Portland", "en").await;
        assert!(html.contains("Which place do you mean?"));
        assert!(html.contains("Portland, Maine, US"));
        let (_, html) = get(&app, "/meetings?q=step+study", "en").await;
        assert!(html.contains(r#"<a href="/meetings/pearl">"#), "words that are no place search the text");
    }

    async fn a_bad_parameter_is_explained_on_the_page(app) {
        let (status, html) = get(&app, "/meetings?day=9", "en").await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(html.contains("The search parameter day must be 0 (Sunday) to 6 (Saturday)."));
        assert!(html.contains(r#"name="q""#), "the form is still there");
    }

    async fn a_meeting_page_has_what_a_newcomer_needs(app) {
        with_meetings(&app).await;
        let (status, html) = get(&app, "/meetings/pearl", "en").await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("<h1>Pearl Tuesday Night</h1>"));
        assert!(html.contains("Pearl Community Hall") && html.contains("1 NW 10th Ave, Portland, OR"));
        assert!(html.contains(r#"href="geo:45.5236,-122.6812""#));
        assert!(html.contains("openstreetmap.org/?mlat=45.5236&#38;mlon=-122.6812"), "{html}");
        assert!(html.contains(r#"href="https://zoom.us/j/99""#));
        assert!(html.contains(r#"href="tel:+15555550100""#));
        assert!(html.contains("Step study upstairs"));
        assert!(html.contains(r#"href="https://intergroup.example/feedback""#));
        assert!(html.contains(r#"href="/meetings/pearl/calendar.ics""#));
        let dates = html.matches("7:00 PM").count();
        assert_eq!(dates, 4, "the next four dates");
        assert!(!html.contains("<script>"), "no inline script");
        let (_, desk) = get(&app, "/meetings/desk", "en").await;
        assert!(desk.contains("By appointment"));
        assert!(!desk.contains("calendar.ics"));
        let (status, _) = get(&app, "/meetings/nowhere", "en").await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    }

    async fn calendar_files_are_weekly_events_in_the_meetings_zone(app) {
        with_meetings(&app).await;
        let response = app.api.get(app.url("/meetings/pearl/calendar.ics")).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(response.headers()["content-type"], "text/calendar; charset=utf-8");
        assert!(response.headers()["content-disposition"].to_str().unwrap().contains("pearl.ics"));
        let ics = response.text().await.unwrap();
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"));
        assert!(ics.contains("RRULE:FREQ=WEEKLY;BYDAY=TU,TH\r\n"));
        assert!(ics.contains("DTSTART;TZID=America/Los_Angeles:"));
        assert!(ics.contains("BEGIN:VTIMEZONE\r\nTZID:America/Los_Angeles\r\n"));
        let (status, _) = get(&app, "/meetings/desk/calendar.ics", "en").await;
        assert_eq!(status, StatusCode::NOT_FOUND, "no calendar for by-appointment meetings");
    }
}
