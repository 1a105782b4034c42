//! Settings an operator chooses, and several nodes on one database.

mod support;

use hearth_store::backend_tests;
use hearth_web::Config;
use jiff::SignedDuration;
use reqwest::StatusCode;
use serde_json::json;
use support::{PASSWORD, problem, spawn_app, spawn_app_with, start_node};

backend_tests! {
    setup = support::backend;

    async fn sessions_and_the_login_throttle_hold_across_nodes(backend) {
        let app = spawn_app(backend).await;
        let (second, _stop, _) = start_node(&app.db, Config::default()).await;
        let token = app.api_member("walker").await;
        let me = app.api.get(format!("{second}/api/v1/me")).bearer_auth(&token).send().await.unwrap();
        assert_eq!(me.status(), StatusCode::OK, "a session made on one node works on the other");

        for _ in 0..5 {
            app.api_sign_in("walker", "not-my-password").await;
        }
        let on_second = app
            .api
            .post(format!("{second}/api/v1/sessions"))
            .json(&json!({ "handle": "walker", "password": PASSWORD }))
            .send()
            .await
            .unwrap();
        assert_eq!(on_second.status(), StatusCode::TOO_MANY_REQUESTS, "the throttle holds across nodes");
    }

    async fn a_session_left_unused_past_the_idle_timeout_is_refused(backend) {
        let config = Config {
            session_idle_timeout: SignedDuration::from_secs(1),
            ..Config::default()
        };
        let app = spawn_app_with(backend, config).await;
        let token = app.api_member("walker").await;
        assert_eq!(app.api_me(&token).await.status(), StatusCode::OK);
        tokio::time::sleep(std::time::Duration::from_millis(2100)).await;
        problem(app.api_me(&token).await, StatusCode::UNAUTHORIZED).await;
        let page = app
            .browser()
            .get(app.url("/account"))
            .header("cookie", format!("hearth_session={token}"))
            .send()
            .await
            .unwrap();
        assert_eq!(page.status(), StatusCode::SEE_OTHER);
        assert!(support::location(&page).starts_with("/login"));
    }

    async fn secure_cookies_are_marked_secure(backend) {
        let config = Config {
            secure_cookies: true,
            ..Config::default()
        };
        let app = spawn_app_with(backend, config).await;
        let browser = app.browser();
        let page = browser.get(app.url("/register")).send().await.unwrap();
        let csrf_cookie = page.headers()["set-cookie"].to_str().unwrap().to_owned();
        assert!(csrf_cookie.starts_with("hearth_csrf=") && csrf_cookie.ends_with("; Secure"), "{csrf_cookie}");
        // The cookie store will not send Secure cookies over plain HTTP, so
        // the form is posted with the token by hand.
        let token = support::hidden_field(&page.text().await.unwrap(), "csrf_token").unwrap();
        let response = app
            .browser()
            .post(app.url("/register"))
            .header("cookie", format!("hearth_csrf={token}"))
            .form(&[("handle", "walker"), ("password", PASSWORD), ("csrf_token", &token)])
            .send()
            .await
            .unwrap();
        let session_cookie = response.headers()["set-cookie"].to_str().unwrap();
        assert!(session_cookie.starts_with("hearth_session=") && session_cookie.ends_with("; Secure"), "{session_cookie}");
    }

    async fn operators_choose_the_crisis_lines(backend) {
        let lines = hearth_web::CrisisLines::from_toml(
            "[[line]]\nregion = \"Aotearoa New Zealand\"\nname = \"Need to talk?\"\nnumber = \"1737\"\nhow = \"Call or text, any time.\"\n",
        )
        .unwrap();
        let app = spawn_app_with(backend, Config { crisis_lines: lines, ..Config::default() }).await;
        let html = app.api.get(app.url("/help")).send().await.unwrap().text().await.unwrap();
        assert!(html.contains(r#"href="tel:1737">1737</a>"#));
        assert!(!html.contains("116 123"), "the built-in list is replaced");
        assert!(html.contains("call your local emergency number"), "this line is always there");
    }
}
