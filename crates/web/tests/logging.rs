//! Logs carry a request id on every request line and never a password or a
//! token. A test binary of its own, because it installs the global logger.

mod support;

use std::io::Write;
use std::sync::{Arc, Mutex};

use hearth_store::Backend;
use reqwest::StatusCode;
use serde_json::Value;
use support::{PASSWORD, spawn_app};

#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn logs_have_request_ids_and_no_secrets() {
    let captured = Captured::default();
    let writer = captured.clone();
    tracing_subscriber::fmt()
        // Everything the server side says, at every level; the test's own
        // HTTP client (which logs the cookies it receives) stays quiet.
        .with_env_filter(
            "warn,hearth_web=trace,hearth_store=trace,tower_http=trace,sqlx=trace,axum=trace",
        )
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .init();

    let app = spawn_app(Backend::Sqlite).await;
    let token = app.api_member("walker").await;
    assert_eq!(app.api_me(&token).await.status(), StatusCode::OK);
    let browser = app.browser();
    let response = app
        .submit(
            &browser,
            "/login",
            "/login",
            &[("handle", "walker"), ("password", PASSWORD)],
        )
        .await;
    let cookie = response.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .to_owned();
    let session_token = cookie
        .trim_start_matches("hearth_session=")
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    let response = app
        .api
        .put(app.url("/api/v1/me/password"))
        .bearer_auth(&token)
        .json(&serde_json::json!({ "current_password": PASSWORD, "new_password": "a-new-secret-phrase" }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    let me: Value = app.api_me(&token).await.json().await.unwrap();
    assert_eq!(me["handle"], "walker");

    let logs = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    for secret in [
        PASSWORD,
        "a-new-secret-phrase",
        token.as_str(),
        session_token.as_str(),
    ] {
        if let Some(line) = logs.lines().find(|l| l.contains(secret)) {
            panic!("a secret reached the logs: {line}");
        }
    }
    let request_lines: Vec<&str> = logs
        .lines()
        .filter(|l| l.contains("finished processing request"))
        .collect();
    assert!(request_lines.len() >= 6, "{logs}");
    for line in request_lines {
        assert!(line.contains("request{id="), "no request id: {line}");
    }
}
