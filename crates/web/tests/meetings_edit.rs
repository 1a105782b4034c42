//! Keeping the meeting list by hand: only the `directory` role may, every
//! change lands in the history, and the feed follows. On both databases.

mod support;

use hearth_domain::meetings::feed::parse_feed;
use hearth_domain::moderation::ModeratorReason;
use hearth_domain::people::Role;
use hearth_store::backend_tests;
use reqwest::{Client, StatusCode};
use serde_json::{Value, json};
use support::{TestApp, location, spawn_app};

async fn editor(app: &TestApp, handle: &str) -> Client {
    let browser = app.browser();
    app.register_in_browser(&browser, handle).await;
    app.db
        .store
        .grant_role(
            &handle.to_lowercase(),
            Role::Directory,
            &ModeratorReason::parse("Keeps our meeting list").unwrap(),
            jiff::Timestamp::now(),
        )
        .await
        .unwrap();
    browser
}

const NEW_MEETING: &[(&str, &str)] = &[
    ("name", "Tuesday Night Big Book"),
    ("day2", "on"),
    ("time", "19:30"),
    ("timezone", "America/Chicago"),
    ("formatted_address", "1 Main St, Chicago, IL"),
    ("latitude", "41.88"),
    ("longitude", "-87.63"),
    ("types", "O, B"),
];

async fn feed(app: &TestApp) -> Vec<Value> {
    app.api
        .get(app.url("/api/meetings.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

backend_tests! {
    setup = spawn_app;

    async fn only_meeting_list_editors_may_edit(app) {
        let signed_out = app.browser().get(app.url("/meetings/new")).send().await.unwrap();
        assert_eq!(signed_out.status(), StatusCode::SEE_OTHER);
        let member = app.browser();
        app.register_in_browser(&member, "member").await;
        let page = member.get(app.url("/meetings/new")).send().await.unwrap();
        assert_eq!(page.status(), StatusCode::FORBIDDEN);
        assert!(page.text().await.unwrap().contains("people who keep the meeting list"));
        let forged = app.submit(&member, "/account", "/meetings/new", NEW_MEETING).await;
        assert_eq!(forged.status(), StatusCode::FORBIDDEN);
        assert!(feed(&app).await.is_empty(), "nothing was written");
    }

    async fn an_editor_adds_a_meeting_that_joins_the_feed(app) {
        let browser = editor(&app, "keeper").await;
        let response = app.submit(&browser, "/meetings/new", "/meetings/new", NEW_MEETING).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(location(&response), "/meetings/tuesday-night-big-book");
        let page = browser.get(app.url("/meetings/tuesday-night-big-book")).send().await.unwrap().text().await.unwrap();
        assert!(page.contains("<h1>Tuesday Night Big Book</h1>"));
        assert!(page.contains(r#"href="/meetings/tuesday-night-big-book/edit""#), "editors see Edit");
        let listed = feed(&app).await;
        assert_eq!(listed.len(), 1);
        assert_eq!(listed[0]["time"], "19:30");
        assert_eq!(listed[0]["types"], json!(["B", "O"]));
        assert!(listed[0]["updated"].as_str().is_some(), "the edit moved `updated`");

        let again = app.submit(&browser, "/meetings/new", "/meetings/new", NEW_MEETING).await;
        assert_eq!(again.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(again.text().await.unwrap().contains("Another meeting already has this web address name."));
    }

    async fn bad_input_comes_back_with_the_field_marked(app) {
        let browser = editor(&app, "keeper").await;
        let mut bad_time = NEW_MEETING.to_vec();
        bad_time[2] = ("time", "25:99");
        let response = app.submit(&browser, "/meetings/new", "/meetings/new", &bad_time).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = response.text().await.unwrap();
        assert!(html.contains(r#"id="time-error""#) && html.contains("Write a time of day as HH:MM"));
        assert!(html.contains(r#"value="Tuesday Night Big Book""#), "what was typed stays");
        let mut nameless = NEW_MEETING.to_vec();
        nameless[0] = ("name", "  ");
        let response = app.submit(&browser, "/meetings/new", "/meetings/new", &nameless).await;
        assert!(response.text().await.unwrap().contains(r#"id="name-error""#));
        assert!(feed(&app).await.is_empty());
    }

    async fn editing_an_imported_meeting_keeps_its_other_fields_and_its_history(app) {
        let imported = parse_feed(
            &json!([{ "name": "Lunch Bunch", "slug": "lunch", "day": 1, "time": "12:10",
                      "timezone": "America/Chicago", "venmo": "@lunch", "custom": { "kept": true } }])
            .to_string(),
            None,
        )
        .unwrap();
        app.db.store.import_meetings("chi", &imported.meetings, false, jiff::Timestamp::now()).await.unwrap();
        let browser = editor(&app, "keeper").await;
        let form = browser.get(app.url("/meetings/lunch/edit")).send().await.unwrap().text().await.unwrap();
        assert!(form.contains(r#"value="12:10""#));
        let response = app
            .submit(&browser, "/meetings/lunch/edit", "/meetings/lunch/edit", &[
                ("name", "Lunch Bunch"), ("day1", "on"), ("day3", "on"), ("time", "12:15"), ("timezone", "America/Chicago"),
            ])
            .await;
        assert_eq!(location(&response), "/meetings/lunch");
        let listed = feed(&app).await;
        assert_eq!(listed[0]["time"], "12:15");
        assert_eq!(listed[0]["day"], json!([1, 3]));
        assert_eq!(listed[0]["venmo"], "@lunch");
        assert_eq!(listed[0]["custom"], json!({ "kept": true }));

        let history = browser.get(app.url("/meetings/lunch/history")).send().await.unwrap().text().await.unwrap();
        assert!(history.contains("Import from chi"));
        assert!(history.contains("keeper"));
        assert!(history.contains("Changed: day, time, updated"), "{history}");
        let changes = app.db.store.meeting_changes("chi", "lunch").await.unwrap();
        assert!(changes.last().unwrap().account_id.is_some());
    }

    async fn deleting_takes_a_meeting_off_the_list_and_keeps_its_history(app) {
        let browser = editor(&app, "keeper").await;
        app.submit(&browser, "/meetings/new", "/meetings/new", NEW_MEETING).await;
        let response = app
            .submit(&browser, "/meetings/tuesday-night-big-book/edit", "/meetings/tuesday-night-big-book/delete", &[])
            .await;
        assert_eq!(location(&response), "/meetings");
        let gone = browser.get(app.url("/meetings/tuesday-night-big-book")).send().await.unwrap();
        assert_eq!(gone.status(), StatusCode::NOT_FOUND);
        assert!(feed(&app).await.is_empty());
        let changes = app.db.store.meeting_changes("local", "tuesday-night-big-book").await.unwrap();
        let actions: Vec<&str> = changes.iter().map(|c| c.change["action"].as_str().unwrap()).collect();
        assert_eq!(actions, ["added", "removed"]);
    }
}
