//! Accountability partners through real HTTP on both databases: invited by
//! handle, seeing nothing until they accept and then only what the member
//! ticks, nudged when the member goes quiet, and ended by either.

mod support;

use hearth_domain::recovery::local_today;
use hearth_store::backend_tests;
use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use support::{location, problem, spawn_app};

/// The id of the first partnership form on a dashboard.
fn first_partnership(html: &str, action: &str) -> String {
    let end = html
        .find(&format!("/{action}\""))
        .expect("a partnership form");
    let start = html[..end].rfind('/').unwrap() + 1;
    html[start..end].to_owned()
}

backend_tests! {
    setup = spawn_app;

    async fn a_partner_sees_only_what_the_member_ticks_and_only_once_they_accept(app) {
        let river = app.member_in("river", "America/Chicago").await;
        let sam = app.member_in("sam", "America/Chicago").await;
        let stone = app.member_in("stone", "America/Chicago").await;
        let today = local_today(Timestamp::now(), &TimeZone::get("America/Chicago").unwrap());
        let start = today.checked_sub(45.days()).unwrap().to_string();
        app.submit(&river, "/recovery", "/recovery/counters",
            &[("label", "Alcohol"), ("program", "twelve_step"), ("start_date", &start)]).await;
        app.submit(&river, "/recovery/check-in", "/recovery/check-in",
            &[("mood", "2"), ("craving", "7"), ("note", "Private words for me.")]).await;

        let unknown = app.submit(&river, "/recovery/partners", "/recovery/partners",
            &[("handle", "nobody_here"), ("sees", "scores")]).await;
        assert_eq!(unknown.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = unknown.text().await.unwrap();
        assert!(html.contains("Nobody here has that handle.") && html.contains(r#"value="nobody_here""#));
        assert!(html.contains(r#"name="sees" value="scores" checked"#) && !html.contains(r#"value="counters" checked"#), "choices kept");

        let invited = app.submit(&river, "/recovery/partners", "/recovery/partners",
            &[("handle", "Sam"), ("sees", "counters"), ("sees", "missed")]).await;
        assert_eq!(location(&invited), "/recovery/partners?done=invited");
        let (_, dashboard) = app.page(&sam, "/recovery/partners").await;
        assert!(dashboard.contains("river would like you as an accountability partner."));
        let id = first_partnership(&dashboard, "accept");
        let view = format!("/recovery/partners/{id}");
        assert_eq!(app.page(&sam, &view).await.0, StatusCode::NOT_FOUND, "nothing before accepting");
        for action in ["accept", "sees", "end"] {
            let refused = app.submit(&stone, "/recovery/partners", &format!("{view}/{action}"), &[("sees", "notes")]).await;
            assert_eq!(refused.status(), StatusCode::NOT_FOUND, "{action}");
        }
        let accepted = app.submit(&sam, "/recovery/partners", &format!("{view}/accept"), &[]).await;
        assert_eq!(location(&accepted), "/recovery/partners?done=accepted");

        let (status, seen) = app.page(&sam, &view).await;
        assert_eq!(status, StatusCode::OK);
        assert!(seen.contains("Supporting river") && seen.contains("Alcohol: 45 days"), "{seen}");
        assert!(seen.contains("Checked in today or yesterday."));
        assert!(!seen.contains("Private words") && !seen.contains(r#"role="img""#), "no notes or scores unticked");
        assert_eq!(app.page(&stone, &view).await.0, StatusCode::NOT_FOUND);
        assert_eq!(app.page(&river, &view).await.0, StatusCode::NOT_FOUND, "the partner's view is the partner's");

        // Only the member chooses what is seen, and can open up more.
        let sam_tries = app.submit(&sam, "/recovery/partners", &format!("{view}/sees"), &[("sees", "notes")]).await;
        assert_eq!(sam_tries.status(), StatusCode::NOT_FOUND);
        app.submit(&river, "/recovery/partners", &format!("{view}/sees"),
            &[("sees", "scores"), ("sees", "notes")]).await;
        let (_, seen) = app.page(&sam, &view).await;
        assert!(seen.contains("Private words for me.") && seen.contains(r#"role="img""#));
        assert!(!seen.contains("Alcohol"), "counters now unticked");

        // Either can end it; then nothing is seen.
        let ended = app.submit(&river, "/recovery/partners", &format!("{view}/end"), &[]).await;
        assert_eq!(location(&ended), "/recovery/partners?done=ended");
        assert_eq!(app.page(&sam, &view).await.0, StatusCode::NOT_FOUND);
    }

    async fn partners_get_a_gentle_nudge_when_the_member_goes_quiet(app) {
        let river = app.member_in("river", "America/Chicago").await;
        let sam = app.member_in("sam", "America/Chicago").await;
        app.submit(&river, "/recovery/check-in", "/recovery/check-in", &[("mood", "3"), ("craving", "3")]).await;
        let refused = app.submit(&river, "/recovery/partners", "/recovery/partners/nudge-after", &[("days", "30")]).await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.text().await.unwrap().contains("Choose a number of days from 1 to 14."));
        app.submit(&river, "/recovery/partners", "/recovery/partners/nudge-after", &[("days", "3")]).await;
        app.submit(&river, "/recovery/partners", "/recovery/partners", &[("handle", "sam"), ("sees", "missed")]).await;
        let (_, dashboard) = app.page(&sam, "/recovery/partners").await;
        let id = first_partnership(&dashboard, "accept");
        app.submit(&sam, "/recovery/partners", &format!("/recovery/partners/{id}/accept"), &[]).await;

        let store = &app.db.store;
        assert_eq!(store.nudge_partners(Timestamp::now().checked_add(48.hours()).unwrap()).await.unwrap(), 0, "one quiet day: river chose three");
        assert_eq!(store.nudge_partners(Timestamp::now().checked_add(96.hours()).unwrap()).await.unwrap(), 1);
        let (_, centre) = app.page(&sam, "/notifications").await;
        assert!(centre.contains("Someone you support has gone quiet."), "{centre}");
        let (_, dashboard) = app.page(&sam, "/recovery/partners").await;
        assert!(dashboard.contains("river has not checked in for 3 days. A kind word might help."), "{dashboard}");
        let (_, centre) = app.page(&sam, "/notifications").await;
        assert!(!centre.contains("has gone quiet"), "read once seen");
        let (_, theirs) = app.page(&river, "/recovery/partners").await;
        assert!(!theirs.contains("has not checked in"), "the member is not told off");
    }

    async fn the_api_keeps_partnerships_to_their_two_people(app) {
        let river = app.api_member("river").await;
        let sam = app.api_member("sam").await;
        let stone = app.api_member("stone").await;
        let today = local_today(Timestamp::now(), &TimeZone::UTC).to_string();
        app.call(&river, Method::PUT, &format!("/api/v1/recovery/check-ins/{today}"),
            json!({ "mood": 4, "craving": 2, "note": "only if I say so" })).await;
        let unknown = app.call(&river, Method::POST, "/api/v1/recovery/partners", json!({ "handle": "ghost" })).await;
        assert_eq!(problem(unknown, StatusCode::UNPROCESSABLE_ENTITY).await["errors"][0]["field"], "handle");
        let made = app.call(&river, Method::POST, "/api/v1/recovery/partners", json!({ "handle": "sam" })).await;
        assert_eq!(made.status(), StatusCode::CREATED);
        let made: Value = made.json().await.unwrap();
        assert_eq!((made["role"].as_str(), made["accepted"].as_bool(), made["sees"]["notes"].as_bool()), (Some("supports_me"), Some(false), Some(false)));
        let again = app.call(&river, Method::POST, "/api/v1/recovery/partners", json!({ "handle": "sam" })).await;
        problem(again, StatusCode::CONFLICT).await;
        let id = made["id"].as_i64().unwrap();
        let path = format!("/api/v1/recovery/partners/{id}");

        problem(app.call(&sam, Method::GET, &format!("{path}/member"), Value::Null).await, StatusCode::NOT_FOUND).await;
        problem(app.call(&stone, Method::POST, &format!("{path}/accept"), Value::Null).await, StatusCode::NOT_FOUND).await;
        assert_eq!(app.call(&sam, Method::POST, &format!("{path}/accept"), Value::Null).await.status(), StatusCode::NO_CONTENT);
        let list: Value = app.call(&sam, Method::GET, "/api/v1/recovery/partners", Value::Null).await.json().await.unwrap();
        assert_eq!(list["partnerships"][0]["role"], "i_support");
        assert_eq!(list["partnerships"][0]["handle"], "river");

        let seen: Value = app.call(&sam, Method::GET, &format!("{path}/member"), Value::Null).await.json().await.unwrap();
        assert_eq!(seen["check_ins"][0]["mood"], 4);
        assert_eq!(seen["check_ins"][0]["note"], Value::Null, "notes unshared");
        let sees = json!({ "counters": false, "scores": false, "notes": true, "missed": false });
        problem(app.call(&sam, Method::PUT, &format!("{path}/sees"), sees.clone()).await, StatusCode::NOT_FOUND).await;
        assert_eq!(app.call(&river, Method::PUT, &format!("{path}/sees"), sees).await.status(), StatusCode::NO_CONTENT);
        let seen: Value = app.call(&sam, Method::GET, &format!("{path}/member"), Value::Null).await.json().await.unwrap();
        assert_eq!((seen["check_ins"][0]["note"].as_str(), seen["check_ins"][0]["mood"].as_u64()), (Some("only if I say so"), None));
        assert_eq!(seen["quiet_days"], Value::Null);

        problem(app.call(&stone, Method::DELETE, &path, Value::Null).await, StatusCode::NOT_FOUND).await;
        assert_eq!(app.call(&sam, Method::DELETE, &path, Value::Null).await.status(), StatusCode::NO_CONTENT);
        problem(app.call(&sam, Method::GET, &format!("{path}/member"), Value::Null).await, StatusCode::NOT_FOUND).await;
    }
}
