//! Registering, signing in and out, passwords and sessions, through the pages
//! and the API, on both databases.

mod support;

use hearth_store::backend_tests;
use reqwest::StatusCode;
use serde_json::{Value, json};
use support::{PASSWORD, location, problem, spawn_app};

backend_tests! {
    setup = spawn_app;

    async fn registering_in_the_browser_signs_you_in(app) {
        let browser = app.browser();
        let response = app.register_in_browser(&browser, "Walker").await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(location(&response), "/account");
        let cookie = response.headers()["set-cookie"].to_str().unwrap();
        assert!(cookie.starts_with("hearth_session="));
        assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Path=/"));
        assert!(!cookie.contains("Secure"), "plain-HTTP default: no Secure flag");

        let account = browser.get(app.url("/account")).send().await.unwrap();
        assert_eq!(account.status(), StatusCode::OK);
        let html = account.text().await.unwrap();
        assert!(html.contains("<h1>Your account</h1>"));
        assert!(html.contains("Walker"));
        assert!(html.contains("This device"));
    }

    async fn the_account_page_sends_signed_out_visitors_to_sign_in(app) {
        let response = app.browser().get(app.url("/account")).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(location(&response), "/login?next=%2Faccount");
    }

    async fn signing_out_in_the_browser_ends_the_session(app) {
        let browser = app.browser();
        app.register_in_browser(&browser, "walker").await;
        let response = app.submit(&browser, "/account", "/logout", &[]).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(location(&response), "/");
        let account = browser.get(app.url("/account")).send().await.unwrap();
        assert_eq!(account.status(), StatusCode::SEE_OTHER);
        let home = browser.get(app.url("/")).send().await.unwrap().text().await.unwrap();
        assert!(home.contains(r#"<a href="/login">Sign in</a>"#));
    }

    async fn signing_in_in_the_browser_goes_where_you_were_going(app) {
        app.api_register("walker", PASSWORD).await;
        let browser = app.browser();
        let response = app
            .submit(&browser, "/login?next=%2Faccount", "/login", &[("handle", "WALKER"), ("password", PASSWORD), ("next", "/account")])
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(location(&response), "/account");
        let page = browser.get(app.url("/account")).send().await.unwrap();
        assert_eq!(page.status(), StatusCode::OK);
    }

    async fn sign_in_never_redirects_off_site(app) {
        app.api_register("walker", PASSWORD).await;
        for next in ["//evil.example/x", "https://evil.example/", "/\\evil.example"] {
            let browser = app.browser();
            let response = app
                .submit(&browser, "/login", "/login", &[("handle", "walker"), ("password", PASSWORD), ("next", next)])
                .await;
            assert_eq!(location(&response), "/account", "next={next}");
        }
    }

    async fn a_wrong_password_keeps_the_handle_and_says_so(app) {
        app.api_register("walker", PASSWORD).await;
        let browser = app.browser();
        let response = app
            .submit(&browser, "/login", "/login", &[("handle", "walker"), ("password", "not-my-password")])
            .await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        let html = response.text().await.unwrap();
        assert!(html.contains(r#"value="walker""#));
        assert!(html.contains("That handle and password do not match."));
    }

    async fn the_register_form_comes_back_with_what_you_typed_and_why(app) {
        let browser = app.browser();
        let response = app
            .submit(&browser, "/register", "/register", &[("handle", "ab"), ("password", "short"), ("email", "not-an-address")])
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = response.text().await.unwrap();
        assert!(html.contains(r#"value="ab""#));
        assert!(html.contains(r#"value="not-an-address""#));
        assert!(html.contains(r#"id="handle-error""#));
        assert!(html.contains(r#"id="password-error""#));
        assert!(html.contains(r#"id="email-error""#));
        assert!(html.contains("A handle needs at least 3 characters."));
        assert!(!html.contains("short"), "the password is never echoed back");
    }

    async fn a_handle_taken_in_another_case_is_refused_on_the_page(app) {
        app.api_register("Walker", PASSWORD).await;
        let browser = app.browser();
        let response = app.register_in_browser(&browser, "wALKER").await;
        assert_eq!(response.status(), StatusCode::CONFLICT);
        let html = response.text().await.unwrap();
        assert!(html.contains("is already taken"));
        assert!(html.contains(r#"value="wALKER""#));
    }

    async fn the_api_creates_accounts_and_signs_in(app) {
        let response = app
            .api
            .post(app.url("/api/v1/accounts"))
            .json(&json!({ "handle": "Ｒｉｖｅｒ", "password": PASSWORD, "email": "river@example.org" }))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::CREATED);
        let created: Value = response.json().await.unwrap();
        assert_eq!(created["handle"], "River", "stored after NFKC");
        assert_eq!(created["email"], "river@example.org");

        let signed_in = app.api_sign_in("river", PASSWORD).await;
        assert_eq!(signed_in.status(), StatusCode::CREATED);
        let body: Value = signed_in.json().await.unwrap();
        let token = body["token"].as_str().unwrap();
        assert_eq!(body["session"]["current"], true);

        let me: Value = app.api_me(token).await.json().await.unwrap();
        assert_eq!(me["id"], created["id"]);
        assert_eq!(me["handle"], "River");
        assert_eq!(me["roles"], json!([]));
    }

    async fn a_bearer_token_also_works_as_the_session_cookie(app) {
        let token = app.api_member("walker").await;
        let response = app
            .api
            .get(app.url("/account"))
            .header("cookie", format!("hearth_session={token}"))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        assert!(response.text().await.unwrap().contains("walker"));
    }

    async fn the_api_refuses_a_duplicate_handle_in_another_case(app) {
        app.api_register("Walker", PASSWORD).await;
        let body = problem(app.api_register("WALKER", PASSWORD).await, StatusCode::CONFLICT).await;
        assert!(body["detail"].as_str().unwrap().contains("already taken"));
        let full_width = app.api_register("ｗａｌｋｅｒ", PASSWORD).await;
        assert_eq!(full_width.status(), StatusCode::CONFLICT);
    }

    async fn the_api_names_every_field_that_is_wrong(app) {
        let response = app
            .api
            .post(app.url("/api/v1/accounts"))
            .json(&json!({ "handle": "x".repeat(33), "password": "y".repeat(300), "email": format!("{}@example.org", "z".repeat(260)) }))
            .send()
            .await
            .unwrap();
        let body = problem(response, StatusCode::UNPROCESSABLE_ENTITY).await;
        let fields: Vec<(&str, &str)> = body["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| (e["field"].as_str().unwrap(), e["code"].as_str().unwrap()))
            .collect();
        assert_eq!(fields, [("handle", "too_long"), ("password", "too_long"), ("email", "too_long")]);
    }

    async fn common_passwords_are_refused(app) {
        let body = problem(app.api_register("walker", "Password123").await, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert_eq!(body["errors"][0]["code"], "too_common");
    }

    async fn signing_out_through_the_api_ends_the_token(app) {
        let token = app.api_member("walker").await;
        let response = app
            .api
            .delete(app.url("/api/v1/sessions/current"))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::NO_CONTENT);
        problem(app.api_me(&token).await, StatusCode::UNAUTHORIZED).await;
    }

    async fn sessions_can_be_listed_and_revoked_one_by_one(app) {
        let first = app.api_member("walker").await;
        let second: Value = app.api_sign_in("walker", PASSWORD).await.json().await.unwrap();
        let second_token = second["token"].as_str().unwrap();
        let second_id = second["session"]["id"].as_i64().unwrap();

        let list: Vec<Value> = app
            .api
            .get(app.url("/api/v1/sessions"))
            .bearer_auth(&first)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(list.len(), 2);
        assert_eq!(list.iter().filter(|s| s["current"] == true).count(), 1);

        let revoked = app
            .api
            .delete(app.url(&format!("/api/v1/sessions/{second_id}")))
            .bearer_auth(&first)
            .send()
            .await
            .unwrap();
        assert_eq!(revoked.status(), StatusCode::NO_CONTENT);
        assert_eq!(app.api_me(second_token).await.status(), StatusCode::UNAUTHORIZED);
        assert_eq!(app.api_me(&first).await.status(), StatusCode::OK);
    }

    async fn nobody_can_revoke_someone_elses_session(app) {
        let mine = app.api_member("walker").await;
        let theirs: Value = {
            app.api_register("someone", PASSWORD).await;
            app.api_sign_in("someone", PASSWORD).await.json().await.unwrap()
        };
        let their_id = theirs["session"]["id"].as_i64().unwrap();
        let response = app
            .api
            .delete(app.url(&format!("/api/v1/sessions/{their_id}")))
            .bearer_auth(&mine)
            .send()
            .await
            .unwrap();
        problem(response, StatusCode::NOT_FOUND).await;
        assert_eq!(app.api_me(theirs["token"].as_str().unwrap()).await.status(), StatusCode::OK);
    }

    async fn a_person_says_which_time_zone_they_live_in(app) {
        let browser = app.browser();
        app.register_in_browser(&browser, "walker").await;
        let refused = app.submit(&browser, "/account", "/account/time-zone", &[("time_zone", "Mars/Base")]).await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = refused.text().await.unwrap();
        assert!(html.contains("Hearth does not know that time zone") && html.contains(r#"value="Mars/Base""#));
        let saved = app.submit(&browser, "/account", "/account/time-zone", &[("time_zone", "america/chicago")]).await;
        assert_eq!(location(&saved), "/account?notice=time-zone-changed");
        let page = browser.get(app.url("/account?notice=time-zone-changed")).send().await.unwrap().text().await.unwrap();
        assert!(page.contains("Your time zone is saved.") && page.contains(r#"value="America/Chicago""#));

        let token: Value = app.api_sign_in("walker", PASSWORD).await.json().await.unwrap();
        let token = token["token"].as_str().unwrap();
        let me: Value = app.api_me(token).await.json().await.unwrap();
        assert_eq!(me["time_zone"], "America/Chicago");
        let put = |zone: &'static str| {
            app.api.put(app.url("/api/v1/me/time-zone")).bearer_auth(token).json(&json!({ "time_zone": zone })).send()
        };
        assert_eq!(put("Europe/Madrid").await.unwrap().status(), StatusCode::NO_CONTENT);
        let me: Value = app.api_me(token).await.json().await.unwrap();
        assert_eq!(me["time_zone"], "Europe/Madrid");
        let body = problem(put("Nowhere/Special").await.unwrap(), StatusCode::UNPROCESSABLE_ENTITY).await;
        assert_eq!(body["errors"][0]["field"], "time_zone");
    }

    async fn signing_out_everywhere_from_the_page_ends_every_session(app) {
        let browser = app.browser();
        app.register_in_browser(&browser, "walker").await;
        let other: Value = app.api_sign_in("walker", PASSWORD).await.json().await.unwrap();
        let other_token = other["token"].as_str().unwrap();

        let response = app.submit(&browser, "/account", "/account/sessions/revoke-others", &[]).await;
        assert_eq!(location(&response), "/account?notice=others-signed-out");
        assert_eq!(app.api_me(other_token).await.status(), StatusCode::UNAUTHORIZED);
        let page = browser.get(app.url("/account?notice=others-signed-out")).send().await.unwrap();
        assert!(page.text().await.unwrap().contains("Every other session is signed out."));

        let response = app.submit(&browser, "/account", "/account/sessions/revoke-all", &[]).await;
        assert_eq!(location(&response), "/");
        let account = browser.get(app.url("/account")).send().await.unwrap();
        assert_eq!(account.status(), StatusCode::SEE_OTHER);
    }

    async fn changing_the_password_signs_out_other_sessions(app) {
        let browser = app.browser();
        app.register_in_browser(&browser, "walker").await;
        let other: Value = app.api_sign_in("walker", PASSWORD).await.json().await.unwrap();

        let wrong = app
            .submit(&browser, "/account", "/account/password", &[("current_password", "not-it-at-all"), ("new_password", "a-brand-new-phrase")])
            .await;
        assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(wrong.text().await.unwrap().contains("That is not your current password."));

        let changed = app
            .submit(&browser, "/account", "/account/password", &[("current_password", PASSWORD), ("new_password", "a-brand-new-phrase")])
            .await;
        assert_eq!(location(&changed), "/account?notice=password-changed");
        assert_eq!(app.api_me(other["token"].as_str().unwrap()).await.status(), StatusCode::UNAUTHORIZED);
        assert_eq!(browser.get(app.url("/account")).send().await.unwrap().status(), StatusCode::OK);
        assert_eq!(app.api_sign_in("walker", PASSWORD).await.status(), StatusCode::UNAUTHORIZED);
        assert_eq!(app.api_sign_in("walker", "a-brand-new-phrase").await.status(), StatusCode::CREATED);
    }

    async fn the_api_changes_passwords_too(app) {
        let token = app.api_member("walker").await;
        let response = app
            .api
            .put(app.url("/api/v1/me/password"))
            .bearer_auth(&token)
            .json(&json!({ "current_password": PASSWORD, "new_password": "password1234" }))
            .send()
            .await
            .unwrap();
        let body = problem(response, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert_eq!(body["errors"][0]["field"], "new_password");
        let response = app
            .api
            .put(app.url("/api/v1/me/password"))
            .bearer_auth(&token)
            .json(&json!({ "current_password": PASSWORD, "new_password": "a-brand-new-phrase" }))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::NO_CONTENT);
        assert_eq!(app.api_sign_in("walker", "a-brand-new-phrase").await.status(), StatusCode::CREATED);
    }

    async fn five_failures_for_a_handle_lock_it_for_a_while(app) {
        app.api_register("walker", PASSWORD).await;
        for _ in 0..5 {
            assert_eq!(app.api_sign_in("walker", "not-my-password").await.status(), StatusCode::UNAUTHORIZED);
        }
        // Even the right password waits now, and so does the page.
        let response = app.api_sign_in("WALKER", PASSWORD).await;
        let retry_after: i64 = response.headers()["retry-after"].to_str().unwrap().parse().unwrap();
        assert!((1..=900).contains(&retry_after), "retry-after {retry_after}");
        problem(response, StatusCode::TOO_MANY_REQUESTS).await;

        let browser = app.browser();
        let page = app.submit(&browser, "/login", "/login", &[("handle", "walker"), ("password", PASSWORD)]).await;
        assert_eq!(page.status(), StatusCode::TOO_MANY_REQUESTS);
        assert!(page.headers().contains_key("retry-after"));
        assert!(page.text().await.unwrap().contains("Too many attempts"));

        // Other handles are not affected.
        app.api_register("someone", PASSWORD).await;
        assert_eq!(app.api_sign_in("someone", PASSWORD).await.status(), StatusCode::CREATED);
    }

    async fn twenty_failures_from_one_address_lock_that_address(app) {
        for n in 0..20 {
            let response = app.api_sign_in(&format!("nobody{n}"), "not-my-password").await;
            assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        }
        app.api_register("walker", PASSWORD).await;
        problem(app.api_sign_in("walker", PASSWORD).await, StatusCode::TOO_MANY_REQUESTS).await;
    }
}
