//! Daily check-ins and the journal through real HTTP on both databases:
//! one check-in a day in the member's own day, words that read as a crisis
//! bringing the crisis lines at once, and nobody but the writer reading
//! any of it.

mod support;

use hearth_domain::recovery::local_today;
use hearth_store::backend_tests;
use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use support::{location, problem, spawn_app};

const CRISIS: &str = "I don't want to be here anymore. I have the pills ready.";

backend_tests! {
    setup = spawn_app;

    async fn one_check_in_a_day_kept_for_the_member(app) {
        let signed_out = app.browser().get(app.url("/recovery/check-in")).send().await.unwrap();
        assert_eq!(signed_out.status(), StatusCode::SEE_OTHER, "sign in first");
        let river = app.member_in("river", "America/Chicago").await;
        let (status, html) = app.page(&river, "/recovery/check-in").await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("How are you today?") && html.contains("Check in whenever you like"));

        // A missing mood is said next to its box, and what was typed stays.
        let refused = app.submit(&river, "/recovery/check-in", "/recovery/check-in",
            &[("craving", "4"), ("note", "kept words")]).await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = refused.text().await.unwrap();
        assert!(html.contains("Choose how you feel, from 1 to 5.") && html.contains(">kept words</textarea>"));
        assert!(html.contains(r#"name="craving" value="4" checked"#));

        let saved = app.submit(&river, "/recovery/check-in", "/recovery/check-in",
            &[("mood", "2"), ("craving", "6"), ("used", ""), ("helped", "the 7pm meeting"), ("note", "Long day.")]).await;
        assert_eq!((saved.status(), location(&saved)), (StatusCode::SEE_OTHER, "/recovery/check-in?saved=1"));
        let (_, html) = app.page(&river, "/recovery/check-in?saved=1").await;
        assert!(html.contains("Saved. Only you can see your check-ins."));
        assert!(html.contains("You have checked in 1 day in a row."));
        assert!(html.contains("You checked in today."), "the form now changes today's");
        assert!(html.contains(r#"name="mood" value="2" checked"#) && html.contains(">Long day.</textarea>"));

        // Changed the same day: still one check-in.
        app.submit(&river, "/recovery/check-in", "/recovery/check-in",
            &[("mood", "4"), ("craving", "2"), ("used", "no"), ("note", "Better after dinner.")]).await;
        let (_, history) = app.page(&river, "/recovery/check-ins").await;
        assert_eq!(history.matches("<li class=\"panel\">").count(), 1, "{history}");
        assert!(history.contains("Better after dinner.") && history.contains("Did not use."));
        assert!(!history.contains("Long day."));
        // The charts are drawn on the server, and say their numbers in words.
        assert_eq!(history.matches(r#"role="img""#).count(), 2, "mood and craving, and the calendar");
        assert!(history.contains("1 check-in in the last 30 days. Mood: average 4 of 5"), "{history}");
        assert!(history.contains("1 of the last 30 days has a check-in."));
        let (_, year) = app.page(&river, "/recovery/check-ins?range=365").await;
        assert!(year.contains("Each point is the average of one week.") && year.contains(r#"aria-current="page">365 days"#));

        // Nobody else sees it.
        let stone = app.member_in("stone", "America/Chicago").await;
        for path in ["/recovery/check-in", "/recovery/check-ins", "/recovery/check-ins?range=365"] {
            let (status, html) = app.page(&stone, path).await;
            assert_eq!(status, StatusCode::OK);
            assert!(!html.contains("Better after dinner."), "{path}");
        }
    }

    async fn crisis_words_in_private_writing_bring_help_at_once(app) {
        let river = app.member_in("river", "America/Chicago").await;
        let saved = app.submit(&river, "/recovery/check-in", "/recovery/check-in",
            &[("mood", "1"), ("craving", "9"), ("note", CRISIS)]).await;
        assert_eq!(location(&saved), "/recovery/check-in?saved=crisis#crisis");
        let (_, html) = app.page(&river, "/recovery/check-in?saved=crisis").await;
        assert!(html.contains(r#"id="crisis-heading""#) && html.contains("988"), "{html}");
        assert!(html.contains("Your check-in is saved, and only you can see it."));

        // A link alone brings no panel: only the member's own words do.
        let stone = app.member_in("stone", "America/Chicago").await;
        app.submit(&stone, "/recovery/check-in", "/recovery/check-in", &[("mood", "4"), ("craving", "1")]).await;
        let (_, calm) = app.page(&stone, "/recovery/check-in?saved=crisis").await;
        assert!(!calm.contains(r#"id="crisis-heading""#));

        let written = app.submit(&river, "/recovery/journal", "/recovery/journal", &[("body", CRISIS)]).await;
        let path = location(&written).to_owned();
        assert!(path.ends_with("?written=crisis#crisis"), "{path}");
        let (_, html) = app.page(&river, path.trim_end_matches("#crisis")).await;
        assert!(html.contains(r#"id="crisis-heading""#) && html.contains("Your entry is kept"));

        let token = app.api_member("wren").await;
        let today = local_today(Timestamp::now(), &TimeZone::UTC).to_string();
        let answer: Value = app.call(&token, Method::PUT, &format!("/api/v1/recovery/check-ins/{today}"),
            json!({ "mood": 1, "craving": 8, "note": CRISIS })).await.json().await.unwrap();
        assert_eq!(answer["crisis"]["detected"], true);
        assert!(!answer["crisis"]["resources"].as_array().unwrap().is_empty());
        let entry: Value = app.call(&token, Method::POST, "/api/v1/recovery/journal",
            json!({ "body": CRISIS })).await.json().await.unwrap();
        assert_eq!(entry["crisis"]["detected"], true);
    }

    async fn the_journal_is_written_read_and_deleted_by_its_writer_alone(app) {
        let river = app.member_in("river", "America/Chicago").await;
        let (_, html) = app.page(&river, "/recovery/journal").await;
        assert!(html.contains("Nothing written yet."));
        let empty = app.submit(&river, "/recovery/journal", "/recovery/journal", &[("body", "  ")]).await;
        assert_eq!(empty.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(empty.text().await.unwrap().contains("Write a few words first."));

        let written = app.submit(&river, "/recovery/journal", "/recovery/journal",
            &[("body", "A *good* day.\n\n<script>alert(1)</script>")]).await;
        assert_eq!(written.status(), StatusCode::SEE_OTHER);
        let path = location(&written).split('?').next().unwrap().to_owned();
        let (_, html) = app.page(&river, &path).await;
        assert!(html.contains("<em>good</em>"));
        assert!(!html.contains("<script>alert"), "raw HTML is shown as text");
        let (_, list) = app.page(&river, "/recovery/journal").await;
        assert!(list.contains(&format!(r#"<a href="{path}">A *good* day.</a>"#)), "{list}");

        let too_long = "a".repeat(20_001);
        let refused = app.submit(&river, &path, &path, &[("body", &too_long)]).await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let rewritten = app.submit(&river, &path, &path, &[("body", "A good day, on reflection.")]).await;
        assert_eq!(rewritten.status(), StatusCode::SEE_OTHER);
        let (_, html) = app.page(&river, &path).await;
        assert!(html.contains("A good day, on reflection."));

        // Another member reaches none of it, by page or by form.
        let stone = app.member_in("stone", "America/Chicago").await;
        assert_eq!(app.page(&stone, &path).await.0, StatusCode::NOT_FOUND);
        let (_, theirs) = app.page(&stone, "/recovery/journal").await;
        assert!(!theirs.contains("reflection"));
        let taken = app.submit(&stone, "/recovery/journal", &path, &[("body", "mine")]).await;
        assert_eq!(taken.status(), StatusCode::NOT_FOUND);
        let deleted = app.submit(&stone, "/recovery/journal", &format!("{path}/delete"), &[]).await;
        assert_eq!(deleted.status(), StatusCode::NOT_FOUND);

        let deleted = app.submit(&river, &path, &format!("{path}/delete"), &[]).await;
        assert_eq!(location(&deleted), "/recovery/journal");
        assert_eq!(app.page(&river, &path).await.0, StatusCode::NOT_FOUND);
    }

    async fn the_api_keeps_check_ins_and_the_journal_for_their_member(app) {
        let river = app.api_member("river").await;
        let stone = app.api_member("stone").await;
        let today = local_today(Timestamp::now(), &TimeZone::UTC);
        let day_path = format!("/api/v1/recovery/check-ins/{today}");
        let first = app.call(&river, Method::PUT, &day_path,
            json!({ "mood": 3, "craving": 5, "used": false, "helped": "a call", "note": "steady" })).await;
        assert_eq!(first.status(), StatusCode::CREATED);
        let first: Value = first.json().await.unwrap();
        assert_eq!((first["mood"].as_u64(), first["editable"].as_bool(), first["crisis"]["detected"].as_bool()), (Some(3), Some(true), Some(false)));
        let changed = app.call(&river, Method::PUT, &day_path, json!({ "mood": 4, "craving": 5 })).await;
        assert_eq!(changed.status(), StatusCode::OK);

        let yesterday = today.checked_sub(1.day()).unwrap();
        let past = app.call(&river, Method::PUT, &format!("/api/v1/recovery/check-ins/{yesterday}"),
            json!({ "mood": 3, "craving": 1 })).await;
        assert_eq!(problem(past, StatusCode::UNPROCESSABLE_ENTITY).await["errors"][0]["code"], "not_today");
        let out_of_range = app.call(&river, Method::PUT, &day_path, json!({ "mood": 6, "craving": 1 })).await;
        assert_eq!(problem(out_of_range, StatusCode::UNPROCESSABLE_ENTITY).await["errors"][0]["field"], "mood");

        let list: Value = app.call(&river, Method::GET, "/api/v1/recovery/check-ins", Value::Null).await.json().await.unwrap();
        assert_eq!(list["streak"], 1);
        assert_eq!(list["check_ins"][0]["mood"], 4);
        assert_eq!(list["check_ins"][0]["note"], "", "the second save replaced the first");
        let bad_range = app.call(&river, Method::GET, "/api/v1/recovery/check-ins?from=soon", Value::Null).await;
        problem(bad_range, StatusCode::UNPROCESSABLE_ENTITY).await;

        let theirs: Value = app.call(&stone, Method::GET, "/api/v1/recovery/check-ins", Value::Null).await.json().await.unwrap();
        assert!(theirs["check_ins"].as_array().unwrap().is_empty());
        problem(app.call(&stone, Method::GET, &day_path, Value::Null).await, StatusCode::NOT_FOUND).await;

        let written = app.call(&river, Method::POST, "/api/v1/recovery/journal", json!({ "body": "**One** day at a time" })).await;
        assert_eq!(written.status(), StatusCode::CREATED);
        let written: Value = written.json().await.unwrap();
        assert_eq!(written["html"], "<p><strong>One</strong> day at a time</p>\n");
        let entry = format!("/api/v1/recovery/journal/{}", written["id"]);
        for method in [Method::GET, Method::DELETE] {
            problem(app.call(&stone, method, &entry, Value::Null).await, StatusCode::NOT_FOUND).await;
        }
        problem(app.call(&stone, Method::PUT, &entry, json!({ "body": "mine" })).await, StatusCode::NOT_FOUND).await;
        let empty = app.call(&river, Method::PUT, &entry, json!({ "body": "" })).await;
        assert_eq!(problem(empty, StatusCode::UNPROCESSABLE_ENTITY).await["errors"][0]["code"], "empty");
        let rewritten: Value = app.call(&river, Method::PUT, &entry, json!({ "body": "Two days" })).await.json().await.unwrap();
        assert_eq!(rewritten["body"], "Two days");
        let journal: Value = app.call(&river, Method::GET, "/api/v1/recovery/journal", Value::Null).await.json().await.unwrap();
        assert_eq!(journal["entries"].as_array().unwrap().len(), 1);
        assert_eq!(app.call(&river, Method::DELETE, &entry, Value::Null).await.status(), StatusCode::NO_CONTENT);
        problem(app.call(&river, Method::GET, &entry, Value::Null).await, StatusCode::NOT_FOUND).await;

        let signed_out = app.api.get(app.url("/api/v1/recovery/journal")).send().await.unwrap();
        problem(signed_out, StatusCode::UNAUTHORIZED).await;
    }
}
