//! A member's recovery counters through real HTTP on both databases: made
//! and read only by their member, milestones counted in the member's own
//! days, and starting again kept as history.

mod support;

use hearth_domain::recovery::local_today;
use hearth_store::backend_tests;
use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan};
use reqwest::StatusCode;
use serde_json::{Value, json};
use support::{location, problem, spawn_app};

backend_tests! {
    setup = spawn_app;

    async fn a_member_keeps_counters_only_they_can_see(app) {
        let signed_out = app.browser().get(app.url("/recovery")).send().await.unwrap();
        assert_eq!(signed_out.status(), StatusCode::SEE_OTHER, "sign in first");

        let river = app.member_in("river", "America/Chicago").await;
        let today = local_today(Timestamp::now(), &TimeZone::get("America/Chicago").unwrap());
        let (status, html) = app.page(&river, "/recovery").await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("No counters yet"));

        // What was wrong is said, and what was typed stays.
        let tomorrow = today.checked_add(1.day()).unwrap().to_string();
        let refused = app.submit(&river, "/recovery", "/recovery/counters",
            &[("label", "Evening wine"), ("program", "twelve_step"), ("start_date", &tomorrow)]).await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = refused.text().await.unwrap();
        assert!(html.contains("That day has not come yet.") && html.contains(r#"value="Evening wine""#));
        let nameless = app.submit(&river, "/recovery", "/recovery/counters",
            &[("label", " "), ("program", "twelve_step"), ("start_date", &today.to_string())]).await;
        assert_eq!(nameless.status(), StatusCode::UNPROCESSABLE_ENTITY);

        // 100 days ago: 24 hours and 30, 60 and 90 days reached; 6 months next.
        let start = today.checked_sub(100.days()).unwrap().to_string();
        let made = app.submit(&river, "/recovery", "/recovery/counters",
            &[("label", "Evening wine"), ("program", "twelve_step"), ("start_date", &start)]).await;
        assert_eq!(made.status(), StatusCode::SEE_OTHER);
        let path = location(&made).to_owned();
        let (_, html) = app.page(&river, &path).await;
        assert!(html.contains("100 days"), "{html}");
        for reached in ["24 hours", "30 days", "60 days", "90 days"] {
            assert!(html.contains(reached), "{reached}");
        }
        assert!(html.contains("Next: 6 months"));
        let (_, overview) = app.page(&river, "/recovery").await;
        assert!(overview.contains("Evening wine") && overview.contains("100 days"));

        // Nobody else reaches it.
        let stone = app.member_in("stone", "America/Chicago").await;
        let (status, _) = app.page(&stone, &path).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let (_, theirs) = app.page(&stone, "/recovery").await;
        assert!(!theirs.contains("Evening wine"));
        let reset = app.submit(&stone, "/recovery", &format!("{path}/reset"), &[("new_start", &today.to_string())]).await;
        assert_eq!(reset.status(), StatusCode::NOT_FOUND);
    }

    async fn starting_again_is_one_calm_step_and_keeps_the_history(app) {
        let river = app.member_in("river", "America/Chicago").await;
        let today = local_today(Timestamp::now(), &TimeZone::get("America/Chicago").unwrap());
        let start = today.checked_sub(40.days()).unwrap().to_string();
        let made = app.submit(&river, "/recovery", "/recovery/counters",
            &[("label", "Gambling"), ("program", "every_30_days"), ("start_date", &start)]).await;
        let path = location(&made).to_owned();
        let again = today.checked_sub(3.days()).unwrap().to_string();
        let fields = [("from", start.as_str()), ("new_start", again.as_str()), ("learned", "Payday weekends need a plan.")];
        let first = app.submit(&river, &path, &format!("{path}/reset"), &fields).await;
        assert_eq!((first.status(), location(&first)), (StatusCode::SEE_OTHER, path.as_str()));
        // The same form sent twice changes nothing more.
        let second = app.submit(&river, &path, &format!("{path}/reset"), &fields).await;
        assert_eq!(second.status(), StatusCode::SEE_OTHER);
        let (_, html) = app.page(&river, &path).await;
        assert!(html.contains("3 days") && html.contains("37 days"), "{html}");
        assert_eq!(html.matches("Payday weekends need a plan.").count(), 1);
        assert!(!html.to_lowercase().contains("fail") && !html.to_lowercase().contains("relapse"));
        // A day before the start, or to come, is refused with the form kept.
        let future = today.checked_add(2.days()).unwrap().to_string();
        let refused = app.submit(&river, &path, &format!("{path}/reset"), &[("new_start", &future), ("learned", "kept")]).await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = refused.text().await.unwrap();
        assert!(html.contains("That day has not come yet.") && html.contains(">kept</textarea>"));
    }

    async fn the_api_keeps_the_same_counters_for_the_same_member_alone(app) {
        let river = app.api_member("river").await;
        let stone = app.api_member("stone").await;
        let today = local_today(Timestamp::now(), &TimeZone::UTC);
        let call = |token: &str, method: reqwest::Method, path: &str, body: Value| {
            let request = app.api.request(method, app.url(path)).bearer_auth(token);
            if body.is_null() { request.send() } else { request.json(&body).send() }
        };
        let start = today.checked_sub(31.days()).unwrap().to_string();
        let made = call(&river, reqwest::Method::POST, "/api/v1/recovery/counters",
            json!({ "label": "Gambling", "program": "na_keytags", "start_date": start })).await.unwrap();
        assert_eq!(made.status(), StatusCode::CREATED);
        let made: Value = made.json().await.unwrap();
        assert_eq!((made["days"].as_i64(), made["program"].as_str()), (Some(31), Some("na_keytags")));
        let tags: Vec<&str> = made["reached"].as_array().unwrap().iter().map(|m| m["key_tag"].as_str().unwrap()).collect();
        assert_eq!(tags, ["white", "orange"]);
        assert_eq!(made["next_milestone"]["amount"], 60);
        let id = made["id"].as_i64().unwrap();

        let bad = call(&river, reqwest::Method::POST, "/api/v1/recovery/counters",
            json!({ "label": "", "start_date": "soon" })).await.unwrap();
        let body = problem(bad, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert_eq!(body["errors"][0]["field"], "label");

        let path = format!("/api/v1/recovery/counters/{id}");
        problem(call(&stone, reqwest::Method::GET, &path, Value::Null).await.unwrap(), StatusCode::NOT_FOUND).await;
        let theirs: Value = call(&stone, reqwest::Method::GET, "/api/v1/recovery/counters", Value::Null).await.unwrap().json().await.unwrap();
        assert!(theirs["counters"].as_array().unwrap().is_empty());

        let again = today.checked_sub(1.day()).unwrap().to_string();
        let reset = json!({ "from": start, "new_start": again, "learned": "Stay away from the track." });
        let done = call(&river, reqwest::Method::POST, &format!("{path}/reset"), reset.clone()).await.unwrap();
        assert_eq!(done.status(), StatusCode::OK);
        assert_eq!(done.json::<Value>().await.unwrap()["days"], 1);
        problem(call(&river, reqwest::Method::POST, &format!("{path}/reset"), reset).await.unwrap(), StatusCode::CONFLICT).await;
        let detail: Value = call(&river, reqwest::Method::GET, &path, Value::Null).await.unwrap().json().await.unwrap();
        assert_eq!(detail["history"].as_array().unwrap().len(), 1);
        assert_eq!(detail["history"][0]["days"], 30);
        assert_eq!(detail["history"][0]["learned"], "Stay away from the track.");
    }

    async fn a_milestone_is_shared_only_when_the_member_says_so(app) {
        let river = app.member_in("river", "America/Chicago").await;
        let today = local_today(Timestamp::now(), &TimeZone::get("America/Chicago").unwrap());
        let start = today.checked_sub(30.days()).unwrap().to_string();
        let made = app.submit(&river, "/recovery", "/recovery/counters",
            &[("label", "No contact with X"), ("program", "twelve_step"), ("start_date", &start)]).await;
        let path = location(&made).to_owned();
        let (_, html) = app.page(&river, &path).await;
        assert!(html.contains("Once you join a support group"));
        assert!(!html.contains("You reached"), "no groups chosen: nothing offered");

        let made = app.submit(&river, "/groups/new", "/groups/new", &[
            ("name", "Evening circle"), ("description", "Evenings are the hard part"), ("kind", "open"),
            ("language", "en"), ("norms", "What is shared here stays here. Listen first."),
        ]).await;
        let group = location(&made).to_owned();
        let group_id = group.rsplit('/').next().unwrap().to_owned();
        let chosen = app.submit(&river, &path, &format!("{path}/groups"), &[("groups", &group_id), ("groups", "999999")]).await;
        assert_eq!(location(&chosen), format!("{path}?groups=saved#celebrate"));
        let (_, html) = app.page(&river, &format!("{path}?groups=saved")).await;
        assert!(html.contains(&format!(r#"name="groups" value="{group_id}" checked"#)));
        assert!(html.contains("You reached 30 days!"), "{html}");
        assert!(html.contains("Today I celebrate 30 days."));

        // Another member cannot choose groups for it, nor celebrate it.
        let stone = app.member_in("stone", "America/Chicago").await;
        let theirs = app.submit(&stone, "/recovery", &format!("{path}/groups"), &[("groups", &group_id)]).await;
        assert_eq!(theirs.status(), StatusCode::NOT_FOUND);
        let theirs = app.submit(&stone, "/recovery", &format!("{path}/celebrate"), &[("date", "2026-01-01")]).await;
        assert_eq!(theirs.status(), StatusCode::NOT_FOUND);

        let date = today.to_string();
        let shared = app.submit(&river, &path, &format!("{path}/celebrate"),
            &[("date", &date), ("body", "30 days today. Thank you all.")]).await;
        assert_eq!(location(&shared), format!("{path}?celebration=shared"));
        let (_, group_page) = app.page(&river, &group).await;
        assert!(group_page.contains("30 days today. Thank you all."), "{group_page}");
        assert!(!group_page.contains("No contact with X"), "the label stays private");
        // Offered once: sent again, nothing more is posted.
        app.submit(&river, &path, &format!("{path}/celebrate"), &[("date", &date), ("body", "again")]).await;
        let (_, html) = app.page(&river, &path).await;
        assert!(!html.contains("You reached 30 days!"));
        let (_, group_page) = app.page(&river, &group).await;
        assert!(!group_page.contains(">again<"));
    }
}
