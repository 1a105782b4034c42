//! A member's recovery record is theirs alone, proven route by route: every
//! recovery page and every recovery API route, taken from the application
//! itself (so a route added later is checked too), tried by someone signed
//! out, by another member, and by a partner the member shares nothing
//! with. None of them sees a word of it. On both databases.

mod support;

use hearth_domain::recovery::local_today;
use hearth_store::backend_tests;
use jiff::Timestamp;
use jiff::tz::TimeZone;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use support::{TestApp, Visitor, spawn_app};

/// Every private thing the member writes carries this, so one search
/// finds a leak of any of them.
const MARK: &str = "Marker-";

/// The ids of one of each thing in the member's record.
struct Record {
    counter: i64,
    entry: i64,
    attendance: i64,
    meeting_goal: i64,
    goal: i64,
    step: i64,
    partnership: i64,
    day: String,
}

impl Record {
    /// A route pattern with the record's ids in it.
    fn path(&self, pattern: &str) -> String {
        let goal = if pattern.contains("/meetings/goals/") {
            self.meeting_goal
        } else {
            self.goal
        };
        pattern
            .replace("{counter}", &self.counter.to_string())
            .replace("{entry}", &self.entry.to_string())
            .replace("{attendance}", &self.attendance.to_string())
            .replace("{goal}", &goal.to_string())
            .replace("{step}", &self.step.to_string())
            .replace("{partnership}", &self.partnership.to_string())
            .replace("{day}", &self.day)
    }
}

async fn call(app: &TestApp, token: &str, method: Method, path: &str, body: Value) -> Value {
    let request = app
        .api
        .request(method.clone(), app.url(path))
        .bearer_auth(token);
    let response = request.json(&body).send().await.unwrap();
    assert!(
        response.status().is_success(),
        "{method} {path}: {}",
        response.status()
    );
    response.json().await.unwrap_or(Value::Null)
}

/// River writes one of everything, each marked, and makes sam a partner
/// who sees nothing.
async fn record_of_river(app: &TestApp, river: &str, sam: &str) -> Record {
    let today = local_today(Timestamp::now(), &TimeZone::UTC).to_string();
    let counter = call(
        app,
        river,
        Method::POST,
        "/api/v1/recovery/counters",
        json!({ "label": "Marker-Counter", "start_date": "2025-01-01" }),
    )
    .await;
    let counter = counter["id"].as_i64().unwrap();
    call(
        app,
        river,
        Method::POST,
        &format!("/api/v1/recovery/counters/{counter}/reset"),
        json!({ "from": "2025-01-01", "new_start": "2025-06-01", "learned": "Marker-Learned" }),
    )
    .await;
    call(
        app,
        river,
        Method::PUT,
        &format!("/api/v1/recovery/check-ins/{today}"),
        json!({ "mood": 2, "craving": 8, "helped": "Marker-Helped", "note": "Marker-Note" }),
    )
    .await;
    let entry = call(
        app,
        river,
        Method::POST,
        "/api/v1/recovery/journal",
        json!({ "body": "Marker-Journal" }),
    )
    .await;
    let attendance = call(
        app,
        river,
        Method::POST,
        "/api/v1/recovery/meetings",
        json!({ "day": today, "name": "Marker-Meeting" }),
    )
    .await;
    let meeting_goal = call(
        app,
        river,
        Method::POST,
        "/api/v1/recovery/meetings/goals",
        json!({ "meetings": 90, "days": 90, "start_date": today }),
    )
    .await;
    let goal = call(
        app,
        river,
        Method::POST,
        "/api/v1/recovery/goals",
        json!({ "title": "Marker-Goal", "steps": ["Marker-Step"] }),
    )
    .await;
    let nothing = json!({ "counters": false, "scores": false, "notes": false, "missed": false });
    let partnership = call(
        app,
        river,
        Method::POST,
        "/api/v1/recovery/partners",
        json!({ "handle": "sam", "sees": nothing }),
    )
    .await;
    let partnership = partnership["id"].as_i64().unwrap();
    call(
        app,
        sam,
        Method::POST,
        &format!("/api/v1/recovery/partners/{partnership}/accept"),
        Value::Null,
    )
    .await;
    Record {
        counter,
        entry: entry["id"].as_i64().unwrap(),
        attendance: attendance["id"].as_i64().unwrap(),
        meeting_goal: meeting_goal["id"].as_i64().unwrap(),
        goal: goal["id"].as_i64().unwrap(),
        step: goal["steps"][0]["id"].as_i64().unwrap(),
        partnership,
        day: today,
    }
}

/// Whether a route reaches one thing of the member's by id.
fn names_a_thing(pattern: &str) -> bool {
    [
        "{counter}",
        "{entry}",
        "{attendance}",
        "{goal}",
        "{step}",
        "{partnership}",
        "{day}",
    ]
    .iter()
    .any(|placeholder| pattern.contains(placeholder))
}

/// Every recovery page, GET and POST. Signed out: sent to sign in. Signed
/// in: a route naming one of river's things is 404 (or 405 for a method it
/// does not have, the same for any id), and a page of one's own shows none
/// of river's words. POSTs to one's own lists are left out: they make the
/// visitor's own things.
async fn pages_keep_the_record(app: &TestApp, who: &Visitor, record: &Record, skip: &str) {
    for pattern in hearth_web::recovery_page_paths() {
        if !skip.is_empty() && pattern.starts_with(skip) {
            continue;
        }
        let path = record.path(pattern);
        let mut reached = false;
        for method in [Method::GET, Method::POST] {
            if who.token.is_some() && method == Method::POST && !names_a_thing(pattern) {
                // A form of one's own list: it reaches only one's own things.
                reached |= true;
                continue;
            }
            let mut request = who.browser.request(method.clone(), app.url(&path));
            if method == Method::POST {
                request = request.form(&[
                    ("csrf_token", who.csrf.as_str()),
                    ("body", "mine now"),
                    ("title", "mine now"),
                    ("text", "mine now"),
                    ("sees", "notes"),
                    ("date", &record.day),
                    ("days", "3"),
                    ("state", "archived"),
                    ("done", "true"),
                    ("new_start", "2025-07-01"),
                    ("from", "2025-06-01"),
                ]);
            }
            let response = request.send().await.unwrap();
            let status = response.status();
            let location = (response.headers().get("location"))
                .map(|value| value.to_str().unwrap().to_owned())
                .unwrap_or_default();
            let body = response.text().await.unwrap();
            assert!(
                !body.contains(MARK),
                "{} saw river's words at {method} {path}",
                who.name
            );
            match (&who.token, names_a_thing(pattern)) {
                (None, _) => {
                    assert!(
                        status == StatusCode::SEE_OTHER || status == StatusCode::METHOD_NOT_ALLOWED,
                        "{} got {status} for {method} {path}",
                        who.name
                    );
                    if status == StatusCode::SEE_OTHER {
                        assert!(
                            location.starts_with("/login"),
                            "{method} {path} sends to {location}"
                        );
                        reached = true;
                    }
                }
                (Some(_), true) => {
                    assert!(
                        status == StatusCode::NOT_FOUND || status == StatusCode::METHOD_NOT_ALLOWED,
                        "{} got {status} for {method} {path}",
                        who.name
                    );
                    reached |= status == StatusCode::NOT_FOUND;
                }
                (Some(_), false) => {
                    assert!(
                        status == StatusCode::OK || status == StatusCode::METHOD_NOT_ALLOWED,
                        "{} got {status} for {method} {path}",
                        who.name
                    );
                    reached |= status == StatusCode::OK;
                }
            }
        }
        assert!(reached, "{} reached {path} by some method", who.name);
    }
}

/// Every recovery API route with each method the OpenAPI document lists.
/// Signed out: 401. Signed in: a route naming one of river's things is
/// 404; a list of one's own shows none of river's words. Writes to one's
/// own lists (and one's own day's check-in) are left out.
async fn api_keeps_the_record(app: &TestApp, who: &Visitor, record: &Record, skip: &str) -> usize {
    let document = hearth_web::openapi_document();
    let mut checked = 0;
    for (pattern, item) in &document.paths.paths {
        if !pattern.starts_with("/api/v1/recovery/")
            || (!skip.is_empty() && pattern.starts_with(skip))
        {
            continue;
        }
        let path = record.path(pattern);
        let operations = [
            (Method::GET, item.get.is_some()),
            (Method::POST, item.post.is_some()),
            (Method::PUT, item.put.is_some()),
            (Method::PATCH, item.patch.is_some()),
            (Method::DELETE, item.delete.is_some()),
        ];
        for (method, _) in operations.iter().filter(|(_, listed)| *listed) {
            let mine = !names_a_thing(pattern) || pattern.ends_with("{day}");
            if who.token.is_some() && *method != Method::GET && mine {
                continue;
            }
            let mut request = app.api.request(method.clone(), app.url(&path));
            if let Some(token) = &who.token {
                request = request.bearer_auth(token);
            }
            let body = json!({ "body": "mine now", "title": "mine now", "text": "mine now",
                "done": true, "state": "archived", "counters": true, "scores": true, "notes": true,
                "missed": true, "label": "mine now", "program": "none", "from": "2025-06-01",
                "new_start": "2025-07-01" });
            let response = request.json(&body).send().await.unwrap();
            let status = response.status();
            let text = response.text().await.unwrap();
            assert!(
                !text.contains(MARK),
                "{} saw river's words at {method} {path}: {text}",
                who.name
            );
            let expected = match (&who.token, names_a_thing(pattern) && !mine) {
                (None, _) => StatusCode::UNAUTHORIZED,
                (Some(_), true) => StatusCode::NOT_FOUND,
                (Some(_), false) if pattern.ends_with("{day}") => StatusCode::NOT_FOUND,
                (Some(_), false) => StatusCode::OK,
            };
            assert_eq!(
                status, expected,
                "{} got {status} for {method} {path}: {text}",
                who.name
            );
            checked += 1;
        }
    }
    checked
}

backend_tests! {
    setup = spawn_app;

    async fn nobody_but_the_member_reads_their_recovery_record(app) {
        let river = app.api_member("river").await;
        let sam = app.api_member("sam").await;
        app.api_member("stone").await;
        let record = record_of_river(&app, &river, &sam).await;

        let signed_out = app.visitor("someone signed out", None).await;
        let stone = app.visitor("another member", Some("stone")).await;
        let partner = app.visitor("a partner shown nothing", Some("sam")).await;
        for who in [&signed_out, &stone] {
            pages_keep_the_record(&app, who, &record, "").await;
            let checked = api_keeps_the_record(&app, who, &record, "").await;
            assert!(checked >= 20, "{} tried {checked} API routes", who.name);
        }
        // The partner's own view of river is tried below, not ended here.
        pages_keep_the_record(&app, &partner, &record, "/recovery/partners").await;
        api_keeps_the_record(&app, &partner, &record, "/api/v1/recovery/partners").await;
        let view = partner.browser.get(app.url(&format!("/recovery/partners/{}", record.partnership))).send().await.unwrap();
        assert_eq!(view.status(), StatusCode::OK);
        assert!(!view.text().await.unwrap().contains(MARK), "sam sees only what river ticks: nothing");
        let seen: Value = app.api.get(app.url(&format!("/api/v1/recovery/partners/{}/member", record.partnership)))
            .bearer_auth(partner.token.as_ref().unwrap()).send().await.unwrap().json().await.unwrap();
        assert!(!seen.to_string().contains(MARK), "{seen}");
        assert_eq!((seen["counters"].as_array().unwrap().len(), seen["check_ins"].as_array().unwrap().len()), (0, 0));

        // And river still has every word of it.
        let journal: Value = app.api.get(app.url("/api/v1/recovery/journal")).bearer_auth(&river)
            .send().await.unwrap().json().await.unwrap();
        assert_eq!(journal["entries"][0]["body"], "Marker-Journal");
        let goal: Value = app.api.get(app.url(&format!("/api/v1/recovery/goals/{}", record.goal))).bearer_auth(&river)
            .send().await.unwrap().json().await.unwrap();
        assert_eq!((goal["title"].as_str(), goal["steps"][0]["text"].as_str()), (Some("Marker-Goal"), Some("Marker-Step")));
    }
}
