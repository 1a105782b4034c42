//! The meeting log, meeting goals and goals with steps, through real HTTP
//! on both databases: counted in the member's own days, reached from a
//! meeting's page in the finder, and for the member alone.

mod support;

use hearth_domain::meetings::feed::parse_feed;
use hearth_domain::recovery::{local_today, week_start};
use hearth_store::backend_tests;
use hearth_web::i18n::Lang;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan};
use reqwest::{Client, Method, StatusCode};
use serde_json::{Value, json};
use support::{TestApp, location, problem, spawn_app};

/// Today in Chicago, where the members live.
fn chicago_today() -> Date {
    local_today(Timestamp::now(), &TimeZone::get("America/Chicago").unwrap())
}

fn days_before(day: Date, days: i64) -> String {
    day.checked_sub(days.days()).unwrap().to_string()
}

/// The id in the first `{before}ID{after}` of a page.
fn id_in(html: &str, before: &str, after: &str) -> i64 {
    (html.match_indices(before))
        .find_map(|(at, _)| {
            let rest = &html[at + before.len()..];
            rest[..rest.find(after)?].parse().ok()
        })
        .unwrap_or_else(|| panic!("{before}ID{after} in {html}"))
}

async fn log(app: &TestApp, browser: &Client, day: &str, name: &str) -> reqwest::Response {
    app.submit(
        browser,
        "/recovery/meetings",
        "/recovery/meetings",
        &[("day", day), ("name", name)],
    )
    .await
}

async fn with_meeting(app: &TestApp) {
    let feed = json!([
        { "name": "Tuesday Big Book", "slug": "big-book", "day": 2, "time": "19:00",
          "timezone": "America/Chicago", "formatted_address": "1 Main St, Chicago, IL" },
    ]);
    let parsed = parse_feed(&feed.to_string(), None).unwrap();
    let store = &app.db.store;
    store
        .import_meetings("test", &parsed.meetings, false, Timestamp::now())
        .await
        .unwrap();
}

/// The row of a week in the page's table of weeks.
fn week_row(monday: Date, meetings: u32, this_week: bool) -> String {
    let note = if this_week {
        r#" <span class="meta">(this week)</span>"#
    } else {
        ""
    };
    let date = Lang::reference().date(monday);
    format!(r#"<tr><th scope="row">{date}{note}</th><td>{meetings}</td></tr>"#)
}

backend_tests! {
    setup = spawn_app;

    async fn a_member_logs_meetings_and_sees_each_week_alone(app) {
        let signed_out = app.browser().get(app.url("/recovery/meetings")).send().await.unwrap();
        assert_eq!(signed_out.status(), StatusCode::SEE_OTHER);
        assert!(location(&signed_out).starts_with("/login"));

        let river = app.member_in("river", "America/Chicago").await;
        let today = chicago_today();
        let (status, html) = app.page(&river, "/recovery/meetings").await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("No meetings in the last 12 weeks."));
        assert!(html.contains(&format!(r#"name="day" type="date" max="{today}" value="{today}""#)));

        // What was wrong is said beside its box, and what was typed stays.
        let tomorrow = today.checked_add(1.day()).unwrap().to_string();
        let refused = log(&app, &river, &tomorrow, "Hospital group").await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = refused.text().await.unwrap();
        assert!(html.contains(r#"<p class="field-error" id="day-error" role="alert">That day has not come yet.</p>"#), "{html}");
        assert!(html.contains(r#"aria-invalid="true" aria-describedby="day-error""#));
        assert!(html.contains(r#"value="Hospital group""#));
        let long = "n".repeat(121);
        let refused = log(&app, &river, &today.to_string(), &long).await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = refused.text().await.unwrap();
        assert!(html.contains("Please keep the name under 120 characters.") && html.contains(&long));

        // This week twice (one unnamed), last Sunday, and two weeks back.
        let monday = week_start(today);
        let last_sunday = days_before(monday, 1);
        let two_weeks_back = days_before(monday, 14);
        let added = log(&app, &river, &today.to_string(), "Hospital group").await;
        assert_eq!((added.status(), location(&added)), (StatusCode::SEE_OTHER, "/recovery/meetings?noted=1"));
        for (day, name) in [(today.to_string(), ""), (last_sunday.clone(), "Sunday speaker"), (two_weeks_back, "Beach meeting")] {
            assert_eq!(log(&app, &river, &day, name).await.status(), StatusCode::SEE_OTHER);
        }
        let (_, html) = app.page(&river, "/recovery/meetings?noted=1").await;
        assert!(html.contains(r#"<p class="notice" role="status">Added to your log. Glad you went.</p>"#));
        assert!(html.contains(&week_row(monday, 2, true)), "{html}");
        assert!(html.contains("4 meetings in the last 91 days, in 3 of 14 weeks."), "the calendar says it in words");
        let last_monday = monday.checked_sub(7.days()).unwrap();
        assert!(html.contains(&week_row(last_monday, 1, false)));
        assert!(html.contains(&week_row(last_monday.checked_sub(7.days()).unwrap(), 1, false)));
        assert!(html.contains(&week_row(monday.checked_sub(77.days()).unwrap(), 0, false)), "12 weeks");
        assert!(!html.contains(&week_row(monday.checked_sub(84.days()).unwrap(), 0, false)));
        for name in ["Hospital group", "A meeting", "Sunday speaker", "Beach meeting"] {
            assert!(html.contains(&format!(r#"<span>{name} <span class="meta">"#)), "{name}");
        }

        // Nobody else sees or removes them.
        let stone = app.member_in("stone", "America/Chicago").await;
        let (_, theirs) = app.page(&stone, "/recovery/meetings").await;
        assert!(!theirs.contains("Hospital group") && theirs.contains(&week_row(monday, 0, true)));
        let id = id_in(&html, r#"action="/recovery/meetings/"#, "/delete");
        let path = format!("/recovery/meetings/{id}/delete");
        let taken = app.submit(&stone, "/recovery/meetings", &path, &[]).await;
        assert_eq!(taken.status(), StatusCode::NOT_FOUND);
        let removed = app.submit(&river, "/recovery/meetings", &path, &[]).await;
        assert_eq!((removed.status(), location(&removed)), (StatusCode::SEE_OTHER, "/recovery/meetings"));
        let (_, html) = app.page(&river, "/recovery/meetings").await;
        assert!(html.contains(&week_row(monday, 1, true)));
        let again = app.submit(&river, "/recovery/meetings", &path, &[]).await;
        assert_eq!(again.status(), StatusCode::NOT_FOUND);
    }

    async fn i_went_to_this_meeting_from_its_page_in_the_finder(app) {
        with_meeting(&app).await;
        let (_, html) = app.page(&app.browser(), "/meetings/big-book").await;
        assert!(!html.contains("I went to this meeting"), "for members signed in");

        let river = app.member_in("river", "America/Chicago").await;
        let today = chicago_today().to_string();
        let (_, html) = app.page(&river, "/meetings/big-book").await;
        assert!(html.contains(r#"<input type="hidden" name="meeting" value="big-book">"#));
        assert!(html.contains(&format!(r#"<input type="hidden" name="day" value="{today}">"#)));
        let fields = [("meeting", "big-book"), ("day", today.as_str())];
        let went = app.submit(&river, "/meetings/big-book", "/recovery/meetings", &fields).await;
        assert_eq!((went.status(), location(&went)), (StatusCode::SEE_OTHER, "/meetings/big-book?went=1"));
        let (_, html) = app.page(&river, "/meetings/big-book?went=1").await;
        assert!(html.contains("Added to your meeting log. Glad you went."));
        assert!(!html.contains("I went to this meeting"), "not twice by accident");
        let (_, log) = app.page(&river, "/recovery/meetings").await;
        assert!(log.contains(r#"<a href="/meetings/big-book">Tuesday Big Book</a>"#), "{log}");

        // The meeting leaves the list: the log keeps its name, and saying so
        // again is refused kindly.
        app.db.store.import_meetings("test", &[], true, Timestamp::now()).await.unwrap();
        let (_, log) = app.page(&river, "/recovery/meetings").await;
        assert!(log.contains("Tuesday Big Book") && !log.contains(r#"href="/meetings/big-book""#));
        let gone = app.submit(&river, "/recovery/meetings", "/recovery/meetings", &fields).await;
        assert_eq!(gone.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(gone.text().await.unwrap().contains("That meeting is no longer in the finder."));
    }

    async fn a_ninety_in_ninety_goal_counts_the_members_days_kindly(app) {
        let river = app.member_in("river", "America/Chicago").await;
        let today = chicago_today();
        let start = today.checked_sub(9.days()).unwrap();
        let refused = app.submit(&river, "/recovery/meetings", "/recovery/meetings/goals",
            &[("meetings", "0"), ("days", "90"), ("start_date", &start.to_string())]).await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = refused.text().await.unwrap();
        assert!(html.contains(r#"id="meetings-error" role="alert">Give a whole number from 1 to 1000.</p>"#), "{html}");
        assert!(html.contains(r#"value="0" required aria-invalid="true" aria-describedby="meetings-error""#));

        let started = app.submit(&river, "/recovery/meetings", "/recovery/meetings/goals",
            &[("meetings", "90"), ("days", "90"), ("start_date", &start.to_string())]).await;
        assert_eq!(started.status(), StatusCode::SEE_OTHER);
        // Five meetings in the goal's first days, one the day before it began.
        for back in [9, 8, 7, 6, 5, 10] {
            assert_eq!(log(&app, &river, &days_before(today, back), "").await.status(), StatusCode::SEE_OTHER);
        }
        let (_, html) = app.page(&river, "/recovery/meetings").await;
        assert!(html.contains("<h3>90 meetings in 90 days</h3>"));
        let end = start.checked_add(89.days()).unwrap();
        let lang = Lang::reference();
        assert!(html.contains(&format!("From {} to {}", lang.date(start), lang.date(end))));
        assert!(html.contains("5 of 90 meetings · 81 days left"), "{html}");
        assert!(html.contains("4 more meetings would bring you back on pace."));

        // A goal whose days are over says what was done, not what was not.
        let long_ago = today.checked_sub(100.days()).unwrap();
        app.submit(&river, "/recovery/meetings", "/recovery/meetings/goals",
            &[("meetings", "30"), ("days", "30"), ("start_date", &long_ago.to_string())]).await;
        for back in [100, 95] {
            log(&app, &river, &days_before(today, back), "").await;
        }
        let (_, html) = app.page(&river, "/recovery/meetings").await;
        assert!(html.contains("You went to 2 meetings in these 30 days."), "{html}");
        assert!(!html.to_lowercase().contains("fail") && !html.to_lowercase().contains("missed"));

        // Nobody else removes a goal.
        let stone = app.member_in("stone", "America/Chicago").await;
        let (_, theirs) = app.page(&stone, "/recovery/meetings").await;
        assert!(!theirs.contains("<h3>90 meetings in 90 days</h3>"));
        let id = id_in(&html, r#"action="/recovery/meetings/goals/"#, "/delete");
        let path = format!("/recovery/meetings/goals/{id}/delete");
        assert_eq!(app.submit(&stone, "/recovery/meetings", &path, &[]).await.status(), StatusCode::NOT_FOUND);
        assert_eq!(app.submit(&river, "/recovery/meetings", &path, &[]).await.status(), StatusCode::SEE_OTHER);
        let (_, html) = app.page(&river, "/recovery/meetings").await;
        assert!(!html.contains("<h3>30 meetings in 30 days</h3>") && html.contains("<h3>90 meetings in 90 days</h3>"));
    }

    async fn goals_and_their_steps_are_the_members_alone(app) {
        let signed_out = app.browser().get(app.url("/recovery/goals")).send().await.unwrap();
        assert_eq!(signed_out.status(), StatusCode::SEE_OTHER);
        let river = app.member_in("river", "America/Chicago").await;
        let (_, html) = app.page(&river, "/recovery/goals").await;
        assert!(html.contains("No goals yet."));

        let refused = app.submit(&river, "/recovery/goals", "/recovery/goals",
            &[("title", "  "), ("steps", "Ask at the Tuesday meeting\nCall twice a week")]).await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = refused.text().await.unwrap();
        assert!(html.contains(r#"id="title-error" role="alert">Give the goal a name.</p>"#));
        assert!(html.contains(">Ask at the Tuesday meeting\nCall twice a week</textarea>"));

        let made = app.submit(&river, "/recovery/goals", "/recovery/goals",
            &[("title", "Find a sponsor"), ("steps", "Ask at the Tuesday meeting\r\n\r\nCall twice a week\r\n")]).await;
        assert_eq!(made.status(), StatusCode::SEE_OTHER);
        let path = location(&made).to_owned();
        let (_, html) = app.page(&river, &path).await;
        assert!(html.contains("<h1>Find a sponsor</h1>") && html.contains("Working on it · 0 of 2 steps done"), "{html}");
        let step = id_in(&html, &format!(r#"action="{path}/steps/"#), "\"");
        let marked = app.submit(&river, &path, &format!("{path}/steps/{step}"), &[("done", "true")]).await;
        assert_eq!(marked.status(), StatusCode::SEE_OTHER);
        let (_, html) = app.page(&river, &path).await;
        assert!(html.contains("1 of 2 steps done"));
        assert!(html.contains(r#"Mark not done<span class="visually-hidden">: Ask at the Tuesday meeting</span>"#));

        let long = "s".repeat(201);
        let refused = app.submit(&river, &path, &format!("{path}/steps"), &[("text", &long)]).await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = refused.text().await.unwrap();
        assert!(html.contains("Please keep each step under 200 characters.") && html.contains(&format!(r#"value="{long}""#)));
        app.submit(&river, &path, &format!("{path}/steps"), &[("text", "Meet for coffee")]).await;
        let renamed = app.submit(&river, &path, &path, &[("title", "Find a sponsor I trust")]).await;
        assert_eq!(renamed.status(), StatusCode::SEE_OTHER);
        let done = app.submit(&river, &path, &format!("{path}/state"), &[("state", "complete")]).await;
        assert_eq!(done.status(), StatusCode::SEE_OTHER);
        let (_, html) = app.page(&river, &path).await;
        assert!(html.contains("<h1>Find a sponsor I trust</h1>") && html.contains("Done. Well done. · 1 of 3 steps done"), "{html}");
        let (_, list) = app.page(&river, "/recovery/goals").await;
        assert!(list.contains("<h2 id=\"goals-1-heading\">Done</h2>") && list.contains("Find a sponsor I trust"));

        // Another member gets 404 from every route of it, as if it did not exist.
        let stone = app.member_in("stone", "America/Chicago").await;
        let (status, _) = app.page(&stone, &path).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let (_, theirs) = app.page(&stone, "/recovery/goals").await;
        assert!(!theirs.contains("Find a sponsor"));
        for (action, fields) in [
            (path.clone(), vec![("title", "Mine now")]),
            (format!("{path}/state"), vec![("state", "archived")]),
            (format!("{path}/steps"), vec![("text", "Mine")]),
            (format!("{path}/steps/{step}"), vec![("done", "false")]),
            (format!("{path}/steps/{step}/delete"), vec![]),
            (format!("{path}/delete"), vec![]),
        ] {
            let response = app.submit(&stone, "/recovery/goals", &action, &fields).await;
            assert_eq!(response.status(), StatusCode::NOT_FOUND, "{action}");
        }
        let (_, html) = app.page(&river, &path).await;
        assert!(html.contains("Find a sponsor I trust") && html.contains("1 of 3 steps done"));

        let step_gone = app.submit(&river, &path, &format!("{path}/steps/{step}/delete"), &[]).await;
        assert_eq!(step_gone.status(), StatusCode::SEE_OTHER);
        let (_, html) = app.page(&river, &path).await;
        assert!(html.contains("0 of 2 steps done"));
        let gone = app.submit(&river, &path, &format!("{path}/delete"), &[]).await;
        assert_eq!((gone.status(), location(&gone)), (StatusCode::SEE_OTHER, "/recovery/goals"));
        assert_eq!(app.page(&river, &path).await.0, StatusCode::NOT_FOUND);
    }

    async fn the_api_keeps_the_log_and_goals_for_the_member_alone(app) {
        for path in ["/api/v1/recovery/meetings", "/api/v1/recovery/meetings/summary", "/api/v1/recovery/goals"] {
            problem(app.api.get(app.url(path)).send().await.unwrap(), StatusCode::UNAUTHORIZED).await;
        }
        with_meeting(&app).await;
        let river = app.api_member("river").await;
        let stone = app.api_member("stone").await;
        let call = |token: &str, method: Method, path: &str, body: Value| {
            let request = app.api.request(method, app.url(path)).bearer_auth(token);
            if body.is_null() { request.send() } else { request.json(&body).send() }
        };
        // API members have set no time zone: their days are UTC's.
        let today = local_today(Timestamp::now(), &TimeZone::UTC);
        let tomorrow = today.checked_add(1.day()).unwrap().to_string();

        let bad = call(&river, Method::POST, "/api/v1/recovery/meetings", json!({ "day": tomorrow })).await.unwrap();
        let body = problem(bad, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert_eq!((body["errors"][0]["field"].as_str(), body["errors"][0]["code"].as_str()), (Some("day"), Some("date_in_future")));
        let unknown = call(&river, Method::POST, "/api/v1/recovery/meetings", json!({ "day": today, "meeting": "nowhere" })).await.unwrap();
        let body = problem(unknown, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert_eq!(body["errors"][0]["code"], "unknown_meeting");
        let named = call(&river, Method::POST, "/api/v1/recovery/meetings", json!({ "day": today, "name": "Hospital group" })).await.unwrap();
        assert_eq!(named.status(), StatusCode::CREATED);
        let named: Value = named.json().await.unwrap();
        assert_eq!((named["name"].as_str(), named["meeting"].as_str()), (Some("Hospital group"), None));
        let listed: Value = call(&river, Method::POST, "/api/v1/recovery/meetings", json!({ "day": today, "meeting": "big-book" }))
            .await.unwrap().json().await.unwrap();
        assert_eq!((listed["name"].as_str(), listed["meeting"].as_str()), (Some("Tuesday Big Book"), Some("big-book")));

        let log: Value = call(&river, Method::GET, "/api/v1/recovery/meetings", Value::Null).await.unwrap().json().await.unwrap();
        assert_eq!(log["meetings"].as_array().unwrap().len(), 2);
        let start = today.checked_sub(9.days()).unwrap().to_string();
        let goal = call(&river, Method::POST, "/api/v1/recovery/meetings/goals",
            json!({ "meetings": 90, "days": 90, "start_date": start })).await.unwrap();
        assert_eq!(goal.status(), StatusCode::CREATED);
        let goal: Value = goal.json().await.unwrap();
        assert_eq!((goal["attended"].as_u64(), goal["days_left"].as_u64()), (Some(2), Some(81)));
        assert_eq!((goal["state"].as_str(), goal["to_catch_up"].as_u64()), (Some("behind_pace"), Some(7)));
        let bad_goal = call(&river, Method::POST, "/api/v1/recovery/meetings/goals",
            json!({ "meetings": 90, "days": 0, "start_date": start })).await.unwrap();
        assert_eq!(problem(bad_goal, StatusCode::UNPROCESSABLE_ENTITY).await["errors"][0]["field"], "days");
        let summary: Value = call(&river, Method::GET, "/api/v1/recovery/meetings/summary", Value::Null).await.unwrap().json().await.unwrap();
        let weeks = summary["weeks"].as_array().unwrap();
        assert_eq!(weeks.len(), 12);
        assert_eq!(weeks[11], json!({ "week_start": week_start(today).to_string(), "meetings": 2 }));
        assert_eq!(summary["goals"][0]["id"], goal["id"]);

        let made = call(&river, Method::POST, "/api/v1/recovery/goals",
            json!({ "title": "Find a sponsor", "steps": ["Ask at the Tuesday meeting", "Call twice a week"] })).await.unwrap();
        assert_eq!(made.status(), StatusCode::CREATED);
        let made: Value = made.json().await.unwrap();
        assert_eq!((made["state"].as_str(), made["steps_done"].as_u64()), (Some("active"), Some(0)));
        let many: Vec<String> = (0..21).map(|n| format!("step {n}")).collect();
        let too_many = call(&river, Method::POST, "/api/v1/recovery/goals", json!({ "title": "Lots", "steps": many })).await.unwrap();
        let body = problem(too_many, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert_eq!((body["errors"][0]["field"].as_str(), body["errors"][0]["code"].as_str()), (Some("steps"), Some("too_many")));

        let goal_path = format!("/api/v1/recovery/goals/{}", made["id"]);
        let step = made["steps"][0]["id"].as_i64().unwrap();
        let step_path = format!("{goal_path}/steps/{step}");
        let added: Value = call(&river, Method::POST, &format!("{goal_path}/steps"), json!({ "text": "Meet for coffee" }))
            .await.unwrap().json().await.unwrap();
        assert_eq!(added["steps"][2]["text"], "Meet for coffee");
        let marked: Value = call(&river, Method::PATCH, &step_path, json!({ "done": true })).await.unwrap().json().await.unwrap();
        assert_eq!((marked["steps_done"].as_u64(), marked["percent_done"].as_u64()), (Some(1), Some(33)));
        let refused = call(&river, Method::PATCH, &goal_path, json!({ "state": "finished" })).await.unwrap();
        assert_eq!(problem(refused, StatusCode::UNPROCESSABLE_ENTITY).await["errors"][0]["code"], "unknown_state");
        let completed: Value = call(&river, Method::PATCH, &goal_path, json!({ "state": "complete" })).await.unwrap().json().await.unwrap();
        assert_eq!((completed["state"].as_str(), completed["title"].as_str()), (Some("complete"), Some("Find a sponsor")));

        // Every id route answers 404 to another member, changing nothing.
        let logged = format!("/api/v1/recovery/meetings/{}", named["id"]);
        let meeting_goal = format!("/api/v1/recovery/meetings/goals/{}", goal["id"]);
        for (method, path, body) in [
            (Method::GET, goal_path.clone(), Value::Null),
            (Method::PATCH, goal_path.clone(), json!({ "title": "Mine" })),
            (Method::POST, format!("{goal_path}/steps"), json!({ "text": "Mine" })),
            (Method::PATCH, step_path.clone(), json!({ "done": false })),
            (Method::DELETE, step_path.clone(), Value::Null),
            (Method::DELETE, goal_path.clone(), Value::Null),
            (Method::DELETE, logged.clone(), Value::Null),
            (Method::DELETE, meeting_goal.clone(), Value::Null),
        ] {
            let response = call(&stone, method.clone(), &path, body).await.unwrap();
            assert_eq!(response.status(), StatusCode::NOT_FOUND, "{method} {path}");
            problem(response, StatusCode::NOT_FOUND).await;
        }
        let theirs: Value = call(&stone, Method::GET, "/api/v1/recovery/goals", Value::Null).await.unwrap().json().await.unwrap();
        assert!(theirs["goals"].as_array().unwrap().is_empty());
        let theirs: Value = call(&stone, Method::GET, "/api/v1/recovery/meetings/summary", Value::Null).await.unwrap().json().await.unwrap();
        assert!(theirs["goals"].as_array().unwrap().is_empty() && theirs["weeks"][11]["meetings"] == 0);
        let still: Value = call(&river, Method::GET, &goal_path, Value::Null).await.unwrap().json().await.unwrap();
        assert_eq!((still["title"].as_str(), still["steps"].as_array().unwrap().len()), (Some("Find a sponsor"), 3));

        assert_eq!(call(&river, Method::DELETE, &step_path, Value::Null).await.unwrap().status(), StatusCode::NO_CONTENT);
        assert_eq!(call(&river, Method::DELETE, &logged, Value::Null).await.unwrap().status(), StatusCode::NO_CONTENT);
        assert_eq!(call(&river, Method::DELETE, &meeting_goal, Value::Null).await.unwrap().status(), StatusCode::NO_CONTENT);
        assert_eq!(call(&river, Method::DELETE, &goal_path, Value::Null).await.unwrap().status(), StatusCode::NO_CONTENT);
        problem(call(&river, Method::GET, &goal_path, Value::Null).await.unwrap(), StatusCode::NOT_FOUND).await;
        let log: Value = call(&river, Method::GET, "/api/v1/recovery/meetings", Value::Null).await.unwrap().json().await.unwrap();
        assert_eq!(log["meetings"].as_array().unwrap().len(), 1);
    }
}
