//! Health, metrics and the OpenAPI document.

mod support;

use hearth_store::backend_tests;
use reqwest::StatusCode;
use serde_json::Value;
use support::spawn_app;

backend_tests! {
    setup = spawn_app;

    async fn health_follows_the_database(app) {
        let response = app.api.get(app.url("/healthz")).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        app.app_store.close().await;
        let response = app.api.get(app.url("/healthz")).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    }

    async fn metrics_count_requests_by_route_and_status(app) {
        app.api.get(app.url("/api/v1/me")).send().await.unwrap();
        app.api.get(app.url("/help")).send().await.unwrap();
        let text = app.api.get(app.url("/metrics")).send().await.unwrap().text().await.unwrap();
        assert!(text.contains(r#"hearth_http_requests_total{method="GET",route="/api/v1/me",status="401"} 1"#), "{text}");
        assert!(text.contains(r#"hearth_http_requests_total{method="GET",route="/help",status="200"} 1"#));
        assert!(text.contains(r#"hearth_http_request_duration_seconds_bucket{route="/help",le="+Inf"} 1"#));
        assert!(text.contains("# TYPE hearth_http_request_duration_seconds histogram"));
    }
}

#[tokio::test]
async fn the_openapi_document_describes_every_api_route() {
    let app = spawn_app(hearth_store::Backend::Sqlite).await;
    let document: Value = app
        .api
        .get(app.url("/api/openapi.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(document["openapi"].as_str().unwrap().starts_with("3."));
    let routes = [
        ("/api/v1/accounts", "post"),
        ("/api/v1/sessions", "post"),
        ("/api/v1/sessions", "get"),
        ("/api/v1/sessions/current", "delete"),
        ("/api/v1/sessions/{id}", "delete"),
        ("/api/v1/me", "get"),
        ("/api/v1/me/password", "put"),
        ("/api/v1/me/locale", "put"),
        ("/api/v1/meetings", "get"),
        ("/api/v1/groups", "get"),
        ("/api/v1/groups", "post"),
        ("/api/v1/groups/mine", "get"),
        ("/api/v1/groups/{group}", "get"),
        ("/api/v1/groups/{group}/about", "get"),
        ("/api/v1/groups/{group}/join", "post"),
        ("/api/v1/groups/{group}/requests", "post"),
        ("/api/v1/invites/{token}", "get"),
        ("/api/v1/invites/{token}", "post"),
        ("/api/v1/groups/{group}/norms", "get"),
        ("/api/v1/groups/{group}/norms/agreement", "post"),
        ("/api/v1/groups/{group}/leave", "post"),
        ("/api/v1/groups/{group}/members", "get"),
        ("/api/v1/groups/{group}/threads", "get"),
        ("/api/v1/groups/{group}/threads", "post"),
        ("/api/v1/groups/{group}/threads/{thread}", "get"),
        ("/api/v1/groups/{group}/threads/{thread}/replies", "post"),
        ("/api/v1/groups/{group}/posts/{post}/supports", "post"),
        (
            "/api/v1/groups/{group}/threads/{thread}/replies/{reply}/helpful",
            "put",
        ),
        ("/api/v1/groups/{group}/requests", "get"),
        ("/api/v1/groups/{group}/requests/{account}/approval", "post"),
        ("/api/v1/groups/{group}/invites", "get"),
        ("/api/v1/groups/{group}/invites", "post"),
        ("/api/v1/groups/{group}/invites/{invite}", "delete"),
        ("/api/v1/groups/{group}/members/{account}/role", "put"),
        ("/api/v1/groups/{group}/members/{account}", "delete"),
        ("/api/v1/groups/{group}/members/{account}/mute", "post"),
        ("/api/v1/groups/{group}/ownership", "post"),
        ("/api/v1/groups/{group}", "patch"),
        ("/api/v1/groups/{group}/norms", "put"),
        ("/api/v1/groups/{group}/threads/{thread}/pinned", "put"),
        ("/api/v1/groups/{group}/threads/{thread}/locked", "put"),
        ("/api/v1/groups/{group}/posts/{post}", "delete"),
        ("/api/v1/groups/{group}/posts/{post}/reveal", "post"),
        ("/api/v1/groups/{group}/audit", "get"),
        ("/api/v1/notifications", "get"),
        ("/api/v1/notifications/read", "post"),
        ("/api/v1/notifications/unread-count", "get"),
        ("/api/v1/groups/{group}/reports", "post"),
        (
            "/api/v1/groups/{group}/posts/{post}/ask-for-support",
            "post",
        ),
        ("/api/v1/moderation/reports", "get"),
        ("/api/v1/moderation/reports/{report}", "post"),
        ("/api/v1/moderation/posts/{post}/unhide", "post"),
        ("/api/v1/moderation/audit", "get"),
        ("/api/v1/account/reports", "get"),
        ("/api/v1/safety/check", "post"),
        ("/api/v1/people/{account}/filter", "put"),
        ("/api/v1/people/{account}/filter", "delete"),
        ("/api/v1/account/filters", "get"),
        ("/api/v1/me/time-zone", "put"),
        ("/api/v1/recovery/counters", "get"),
        ("/api/v1/recovery/counters", "post"),
        ("/api/v1/recovery/counters/{counter}", "get"),
        ("/api/v1/recovery/counters/{counter}/reset", "post"),
        ("/api/v1/recovery/check-ins", "get"),
        ("/api/v1/recovery/check-ins/{day}", "get"),
        ("/api/v1/recovery/check-ins/{day}", "put"),
        ("/api/v1/recovery/journal", "get"),
        ("/api/v1/recovery/journal", "post"),
        ("/api/v1/recovery/journal/{entry}", "get"),
        ("/api/v1/recovery/journal/{entry}", "put"),
        ("/api/v1/recovery/journal/{entry}", "delete"),
        ("/api/v1/recovery/partners", "get"),
        ("/api/v1/recovery/partners", "post"),
        ("/api/v1/recovery/partners/{partnership}", "delete"),
        ("/api/v1/recovery/partners/{partnership}/accept", "post"),
        ("/api/v1/recovery/partners/{partnership}/sees", "put"),
        ("/api/v1/recovery/partners/{partnership}/member", "get"),
        ("/api/v1/recovery/meetings", "get"),
        ("/api/v1/recovery/meetings", "post"),
        ("/api/v1/recovery/meetings/{attendance}", "delete"),
        ("/api/v1/recovery/meetings/summary", "get"),
        ("/api/v1/recovery/meetings/goals", "post"),
        ("/api/v1/recovery/meetings/goals/{goal}", "delete"),
        ("/api/v1/recovery/goals", "get"),
        ("/api/v1/recovery/goals", "post"),
        ("/api/v1/recovery/goals/{goal}", "get"),
        ("/api/v1/recovery/goals/{goal}", "patch"),
        ("/api/v1/recovery/goals/{goal}", "delete"),
        ("/api/v1/recovery/goals/{goal}/steps", "post"),
        ("/api/v1/recovery/goals/{goal}/steps/{step}", "patch"),
        ("/api/v1/recovery/goals/{goal}/steps/{step}", "delete"),
    ];
    let paths = document["paths"].as_object().unwrap();
    let documented: usize = paths.values().map(|p| p.as_object().unwrap().len()).sum();
    assert_eq!(
        documented,
        routes.len(),
        "every documented route is one we expect"
    );
    for (path, method) in routes {
        let operation = &document["paths"][path][method];
        assert!(operation.is_object(), "{method} {path} is documented");
        // A group's routes answer 404 to anyone but its members, so they are
        // tried with real ids, as a member, in tests/groups_api.rs.
        if path.contains("{group}") || path.contains("{token}") {
            continue;
        }
        // Each route answers as documented: not a 404 or 405 from the router.
        let url = app.url(&path.replace("{id}", "1"));
        let status = app
            .api
            .request(method.to_uppercase().parse().unwrap(), url)
            .send()
            .await
            .unwrap()
            .status();
        assert!(
            status != StatusCode::NOT_FOUND && status != StatusCode::METHOD_NOT_ALLOWED,
            "{method} {path}: {status}"
        );
    }
    for schema in [
        "NewAccount",
        "AccountView",
        "SignIn",
        "NewSessionView",
        "SessionView",
        "PasswordChange",
        "LocaleSetting",
        "SearchResults",
        "Problem",
        "FieldProblem",
    ] {
        assert!(
            document["components"]["schemas"][schema].is_object(),
            "schema {schema}"
        );
    }
    assert!(document["components"]["securitySchemes"]["bearer"].is_object());
}
