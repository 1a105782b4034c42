//! CSRF, security headers, request limits and bad input, on both databases.

mod support;

use hearth_domain::people::Handle;
use hearth_store::backend_tests;
use reqwest::StatusCode;
use serde_json::json;
use support::{PASSWORD, hidden_field, problem, spawn_app};

backend_tests! {
    setup = spawn_app;

    async fn a_form_without_its_csrf_token_is_refused_and_changes_nothing(app) {
        let browser = app.browser();
        // The browser has its CSRF cookie, but the form does not repeat it.
        browser.get(app.url("/register")).send().await.unwrap();
        let response = browser
            .post(app.url("/register"))
            .form(&[("handle", "forged"), ("password", PASSWORD)])
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        assert!(response.text().await.unwrap().contains("This form was open too long"));
        let stored = app.db.store.credentials(&Handle::key_of("forged")).await.unwrap();
        assert!(stored.is_none(), "nothing was written");
    }

    async fn a_form_with_a_wrong_csrf_token_is_refused(app) {
        let browser = app.browser();
        app.register_in_browser(&browser, "walker").await;
        let response = browser
            .post(app.url("/logout"))
            .form(&[("csrf_token", "A".repeat(43))])
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        let still_in = browser.get(app.url("/account")).send().await.unwrap();
        assert_eq!(still_in.status(), StatusCode::OK, "the session survived the forged sign-out");
    }

    async fn a_token_from_another_browser_is_refused(app) {
        let attacker = app.browser();
        let attackers_token = app.csrf_token(&attacker, "/register").await;
        let victim = app.browser();
        victim.get(app.url("/register")).send().await.unwrap();
        let response = victim
            .post(app.url("/register"))
            .form(&[("handle", "forged"), ("password", PASSWORD), ("csrf_token", &attackers_token)])
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
    }

    async fn the_api_refuses_cookie_authenticated_form_posts(app) {
        let token = app.api_member("walker").await;
        let response = app
            .api
            .post(app.url("/api/v1/sessions"))
            .header("cookie", format!("hearth_session={token}"))
            .form(&[("handle", "walker"), ("password", PASSWORD)])
            .send()
            .await
            .unwrap();
        problem(response, StatusCode::FORBIDDEN).await;
    }

    async fn every_response_carries_the_security_headers(app) {
        let browser = app.browser();
        for path in ["/", "/register", "/help", "/static/hearth.css", "/no-such-page", "/api/v1/me", "/api/openapi.json", "/healthz"] {
            let response = browser.get(app.url(path)).send().await.unwrap();
            let headers = response.headers();
            let csp = headers["content-security-policy"].to_str().unwrap();
            assert!(csp.contains("default-src 'none'"), "{path}");
            assert!(csp.contains("script-src 'self'"), "{path}");
            assert!(csp.contains("frame-ancestors 'none'"), "{path}");
            assert!(!csp.contains("unsafe-inline") && !csp.contains("http"), "{path}: {csp}");
            assert_eq!(headers["x-content-type-options"], "nosniff", "{path}");
            assert_eq!(headers["referrer-policy"], "no-referrer", "{path}");
            assert!(headers.contains_key("x-request-id"), "{path}");
        }
    }

    async fn pages_load_nothing_from_other_sites(app) {
        let browser = app.browser();
        app.register_in_browser(&browser, "walker").await;
        for path in ["/", "/register", "/login", "/help", "/account"] {
            let html = browser.get(app.url(path)).send().await.unwrap().text().await.unwrap();
            assert!(!html.contains("http://") && !html.contains("https://") && !html.contains("src=\"//"), "{path}");
            assert!(!html.contains("<script>") && !html.contains(" style="), "{path}: no inline script or style");
        }
    }

    async fn a_body_over_the_limit_is_refused(app) {
        let huge = "x".repeat(200 * 1024);
        let response = app
            .api
            .post(app.url("/api/v1/accounts"))
            .header("content-type", "application/json")
            .body(format!(r#"{{"handle":"walker","password":"{huge}"}}"#))
            .send()
            .await
            .unwrap();
        problem(response, StatusCode::PAYLOAD_TOO_LARGE).await;

        let browser = app.browser();
        let token = app.csrf_token(&browser, "/register").await;
        let response = browser
            .post(app.url("/register"))
            .form(&[("handle", "walker"), ("password", huge.as_str()), ("csrf_token", token.as_str())])
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
        assert!(response.headers()["content-type"].to_str().unwrap().starts_with("text/html"));
    }

    async fn invalid_utf8_and_malformed_json_get_problem_documents(app) {
        let mut body = br#"{"handle":"walk"#.to_vec();
        body.extend_from_slice(&[0xff, 0xfe]);
        body.extend_from_slice(br#"er","password":"kettle-on-the-hob"}"#);
        let response = app
            .api
            .post(app.url("/api/v1/accounts"))
            .header("content-type", "application/json")
            .body(body)
            .send()
            .await
            .unwrap();
        assert!(response.status().is_client_error());
        let status = response.status();
        problem(response, status).await;

        let response = app
            .api
            .post(app.url("/api/v1/accounts"))
            .header("content-type", "application/json")
            .body(r#"{"handle": "walker""#)
            .send()
            .await
            .unwrap();
        problem(response, StatusCode::BAD_REQUEST).await;

        let response = app
            .api
            .post(app.url("/api/v1/accounts"))
            .json(&json!({ "handle": "walker" }))
            .send()
            .await
            .unwrap();
        let body = problem(response, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert!(body["detail"].as_str().unwrap().contains("password"));
    }

    async fn invalid_utf8_in_a_form_is_not_a_crash(app) {
        let browser = app.browser();
        let token = app.csrf_token(&browser, "/register").await;
        let response = browser
            .post(app.url("/register"))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(format!("handle=walk%FF%FEer&password=kettle-on-the-hob&csrf_token={token}"))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(response.text().await.unwrap().contains(r#"id="handle-error""#));
    }

    async fn unknown_addresses_get_a_page_or_a_problem(app) {
        let page = app.api.get(app.url("/no-such-page")).send().await.unwrap();
        assert_eq!(page.status(), StatusCode::NOT_FOUND);
        let html = page.text().await.unwrap();
        assert!(html.contains("We could not find that page"));
        assert!(html.contains(r#"href="/help""#), "help is one tap away, even here");
        problem(app.api.get(app.url("/api/v1/no-such-thing")).send().await.unwrap(), StatusCode::NOT_FOUND).await;
        problem(app.api.put(app.url("/api/v1/me")).send().await.unwrap(), StatusCode::METHOD_NOT_ALLOWED).await;
    }

    async fn every_page_links_to_help_and_has_landmarks(app) {
        let browser = app.browser();
        app.register_in_browser(&browser, "walker").await;
        for path in ["/", "/register", "/login", "/account", "/help", "/no-such-page"] {
            let html = browser.get(app.url(path)).send().await.unwrap().text().await.unwrap();
            assert!(html.contains(r#"<html lang="en">"#), "{path}");
            assert!(html.contains(r##"class="skip-link" href="#main""##), "{path}");
            for landmark in ["<header", "<nav", "<main id=\"main\"", "<footer"] {
                assert!(html.contains(landmark), "{path} lacks {landmark}");
            }
            assert!(html.contains(r#"<a href="/help">Get help now</a>"#), "{path}");
            if path != "/no-such-page" {
                assert!(hidden_field(&html, "csrf_token").is_some(), "{path}");
            }
        }
    }

    async fn the_help_page_lists_crisis_lines_without_signing_in(app) {
        let html = app.api.get(app.url("/help")).send().await.unwrap().text().await.unwrap();
        for (number, tel) in [("988", "tel:988"), ("116 123", "tel:116123"), ("13 11 14", "tel:131114")] {
            assert!(html.contains(&format!(r#"href="{tel}">{number}</a>"#)), "{number}");
        }
        assert!(html.contains("Canada"));
        assert!(html.contains("call your local emergency number"));
    }
}
