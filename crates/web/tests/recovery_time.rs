//! "Today" is the member's today, through the pages and the API: across
//! daylight-saving changes and when the member moves to another time zone.
//! Each node here has its clock fixed at one instant; several nodes on one
//! database are the same server at different moments. On both databases.

mod support;

use hearth_store::backend_tests;
use jiff::Timestamp;
use reqwest::{Client, StatusCode};
use serde_json::Value;
use support::{TestApp, location, spawn_app, start_node};
use tokio::sync::oneshot;

/// A node whose clock reads `instant`; it stops when the sender drops.
async fn node_at(app: &TestApp, instant: &str) -> (String, oneshot::Sender<()>) {
    let config = hearth_web::Config {
        clock: hearth_web::Clock::Fixed(instant.parse::<Timestamp>().unwrap()),
        ..hearth_web::Config::default()
    };
    let (address, stop, _) = start_node(&app.db, config).await;
    (address, stop)
}

async fn page(browser: &Client, address: &str, path: &str) -> String {
    let response = browser
        .get(format!("{address}{path}"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    response.text().await.unwrap()
}

/// Sends a form from `from` on the node at `address`, with its CSRF token.
async fn submit(
    browser: &Client,
    address: &str,
    from: &str,
    to: &str,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    let html = page(browser, address, from).await;
    let token = support::hidden_field(&html, "csrf_token").expect("the form has a CSRF token");
    let mut form: Vec<(&str, &str)> = vec![("csrf_token", &token)];
    form.extend_from_slice(fields);
    browser
        .post(format!("{address}{to}"))
        .form(&form)
        .send()
        .await
        .unwrap()
}

backend_tests! {
    setup = spawn_app;

    async fn days_turn_over_at_the_members_midnight_across_daylight_saving(app) {
        let river = app.member_in("river", "America/New_York").await;
        // Clocks in New York went forward at 2:00 on Sunday 8 March 2026.
        // 03:30 UTC on the 9th is 23:30 on the 8th there; 04:30 UTC is 00:30 on the 9th.
        let (late_sunday, _a) = node_at(&app, "2026-03-09T03:30:00Z").await;
        let (monday, _b) = node_at(&app, "2026-03-09T04:30:00Z").await;
        let made = submit(&river, &late_sunday, "/recovery", "/recovery/counters",
            &[("label", "Alcohol"), ("program", "twelve_step"), ("start_date", "2026-03-01")]).await;
        assert_eq!(made.status(), StatusCode::SEE_OTHER, "the 1st is before the member's today");
        let counter = location(&made).to_owned();
        assert!(page(&river, &late_sunday, &counter).await.contains("7 days"));
        assert!(page(&river, &monday, &counter).await.contains("8 days"), "a new day at the member's midnight");

        submit(&river, &late_sunday, "/recovery/check-in", "/recovery/check-in", &[("mood", "3"), ("craving", "4")]).await;
        let sunday_form = page(&river, &late_sunday, "/recovery/check-in").await;
        assert!(sunday_form.contains("You checked in today."), "the check-in is Sunday's");
        let monday_form = page(&river, &monday, "/recovery/check-in").await;
        assert!(monday_form.contains("How are you today?") && monday_form.contains("1 day in a row"), "Monday is new; Sunday still counts");

        // Clocks went back at 2:00 on Sunday 1 November 2026: that day is
        // 25 hours long, and a check-in made early and changed late in it
        // is the same day's.
        let (early, _c) = node_at(&app, "2026-11-01T04:30:00Z").await;
        let (late, _d) = node_at(&app, "2026-11-02T04:30:00Z").await;
        submit(&river, &early, "/recovery/check-in", "/recovery/check-in", &[("mood", "2"), ("craving", "6"), ("note", "early")]).await;
        submit(&river, &late, "/recovery/check-in", "/recovery/check-in", &[("mood", "4"), ("craving", "2"), ("note", "late")]).await;
        let history = page(&river, &late, "/recovery/check-ins").await;
        assert!(history.contains(r#"<p class="notes">late</p>"#), "{history}");
        assert!(!history.contains(r#"<p class="notes">early</p>"#), "changed in place, the same day");
        assert!(page(&river, &late, &counter).await.contains("245 days"), "1 March to 1 November");
    }

    async fn moving_west_across_the_date_line_keeps_every_day(app) {
        // 12:00 UTC on 15 June is 02:00 on the 16th in Kiritimati (UTC+14)
        // and 01:00 on the 15th in Pago Pago (UTC-11).
        let (node, _stop) = node_at(&app, "2026-06-15T12:00:00Z").await;
        let wren = app.member_in("wren", "Pacific/Kiritimati").await;
        let made = submit(&wren, &node, "/recovery", "/recovery/counters",
            &[("label", "Gambling"), ("program", "every_30_days"), ("start_date", "2026-06-16")]).await;
        assert_eq!(made.status(), StatusCode::SEE_OTHER, "the 16th is today in Kiritimati");
        submit(&wren, &node, "/recovery/check-in", "/recovery/check-in", &[("mood", "4"), ("craving", "1"), ("note", "east")]).await;

        let moved = submit(&wren, &node, "/account", "/account/time-zone", &[("time_zone", "Pacific/Pago_Pago")]).await;
        assert_eq!(moved.status(), StatusCode::SEE_OTHER);
        let overview = page(&wren, &node, "/recovery").await;
        assert!(overview.contains(r#"<p class="days">0 days</p>"#) && !overview.contains("-1 day"), "a start after today counts as 0: {overview}");
        let form = page(&wren, &node, "/recovery/check-in").await;
        assert!(form.contains("How are you today?"), "the 15th is a day of its own");
        submit(&wren, &node, "/recovery/check-in", "/recovery/check-in", &[("mood", "3"), ("craving", "2"), ("note", "west")]).await;

        // Both days are kept, and the API reads each by its own date.
        let token = {
            let signed_in: Value = app.api_sign_in("wren", support::PASSWORD).await.json().await.unwrap();
            signed_in["token"].as_str().unwrap().to_owned()
        };
        for (day, note) in [("2026-06-16", "east"), ("2026-06-15", "west")] {
            let check_in: Value = app.api.get(format!("{node}/api/v1/recovery/check-ins/{day}"))
                .bearer_auth(&token).send().await.unwrap().json().await.unwrap();
            assert_eq!(check_in["note"], note, "{day}");
        }
        // Back east, the two make a streak of two.
        submit(&wren, &node, "/account", "/account/time-zone", &[("time_zone", "Pacific/Kiritimati")]).await;
        assert!(page(&wren, &node, "/recovery/check-in").await.contains("2 days in a row"));
    }
}
