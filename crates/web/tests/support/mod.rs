//! The test harness: the real application on a real port, over a fresh
//! database, driven with a real HTTP client.
#![allow(dead_code)] // Each test binary uses its own part of the harness.

use hearth_store::testing::TestDatabase;
use hearth_store::{Backend, Store};
use hearth_web::{AppState, Config};
use reqwest::redirect::Policy;
use reqwest::{Client, Response, StatusCode};
use serde_json::{Value, json};
use tokio::net::TcpListener;
use tokio::sync::oneshot;

pub const PASSWORD: &str = "kettle-on-the-hob";

/// See [`TestApp::visitor`].
pub struct Visitor {
    pub name: &'static str,
    pub browser: Client,
    pub csrf: String,
    pub token: Option<String>,
}

pub struct TestApp {
    pub address: String,
    pub db: TestDatabase,
    /// The app's own connection pool (the test's is `db.store`).
    pub app_store: Store,
    /// A client with no cookies, for API calls.
    pub api: Client,
    stop: Option<oneshot::Sender<()>>,
}

/// For `backend_tests!` whose tests start their own apps with their own
/// settings: the fixture is just the backend.
pub async fn backend(backend: Backend) -> Backend {
    backend
}

/// Starts Hearth with the default settings on a fresh database.
pub async fn spawn_app(backend: Backend) -> TestApp {
    spawn_app_with(backend, Config::default()).await
}

pub async fn spawn_app_with(backend: Backend, config: Config) -> TestApp {
    let db = TestDatabase::new(backend).await;
    let (address, stop, app_store) = start_node(&db, config).await;
    TestApp {
        address,
        db,
        app_store,
        api: Client::new(),
        stop: Some(stop),
    }
}

/// Starts one more node on an existing database, as a second server behind a
/// load balancer would be. Stops when the sender is dropped.
pub async fn start_node(db: &TestDatabase, config: Config) -> (String, oneshot::Sender<()>, Store) {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("a free port");
    let address = format!("http://{}", listener.local_addr().unwrap());
    let store = Store::connect(&db.url).await.expect("the database opens");
    let store = (store.with_data_keys(db.keys.clone()).await).expect("the same data keys");
    let (stop, stopped) = oneshot::channel::<()>();
    tokio::spawn(hearth_web::serve(
        listener,
        AppState::new(store.clone(), config),
        async move {
            let _ = stopped.await;
        },
    ));
    (address, stop, store)
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    /// A browser-like client: keeps cookies, does not follow redirects (so
    /// tests see each 303).
    pub fn browser(&self) -> Client {
        Client::builder()
            .cookie_store(true)
            .redirect(Policy::none())
            .build()
            .unwrap()
    }

    /// Loads a page and returns the CSRF token its forms carry.
    pub async fn csrf_token(&self, browser: &Client, path: &str) -> String {
        let html = browser
            .get(self.url(path))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        hidden_field(&html, "csrf_token").expect("the page has a CSRF token")
    }

    /// Registers someone in a browser, living in the IANA time zone
    /// `zone`; returns the browser.
    pub async fn member_in(&self, handle: &str, zone: &str) -> Client {
        let browser = self.browser();
        self.register_in_browser(&browser, handle).await;
        let saved = self
            .submit(
                &browser,
                "/account",
                "/account/time-zone",
                &[("time_zone", zone)],
            )
            .await;
        assert_eq!(
            saved.status(),
            StatusCode::SEE_OTHER,
            "{handle} moves to {zone}"
        );
        browser
    }

    /// A page as `browser` gets it: the status and the HTML.
    pub async fn page(&self, browser: &Client, path: &str) -> (StatusCode, String) {
        let response = browser.get(self.url(path)).send().await.unwrap();
        (response.status(), response.text().await.unwrap())
    }

    /// An API call as the holder of `token`, with a JSON body unless it is
    /// null.
    pub async fn call(
        &self,
        token: &str,
        method: reqwest::Method,
        path: &str,
        body: Value,
    ) -> Response {
        let request = self.api.request(method, self.url(path)).bearer_auth(token);
        let request = if body.is_null() {
            request
        } else {
            request.json(&body)
        };
        request.send().await.unwrap()
    }

    /// Submits a form the way a browser would, CSRF token included.
    pub async fn submit(
        &self,
        browser: &Client,
        page: &str,
        action: &str,
        fields: &[(&str, &str)],
    ) -> Response {
        let token = self.csrf_token(browser, page).await;
        let mut form: Vec<(&str, &str)> = fields.to_vec();
        form.push(("csrf_token", &token));
        browser
            .post(self.url(action))
            .form(&form)
            .send()
            .await
            .unwrap()
    }

    /// Registers through the page; the browser is then signed in.
    pub async fn register_in_browser(&self, browser: &Client, handle: &str) -> Response {
        self.submit(
            browser,
            "/register",
            "/register",
            &[("handle", handle), ("password", PASSWORD), ("email", "")],
        )
        .await
    }

    /// Someone trying to reach what is not theirs, as `name` says: a
    /// browser with its CSRF token (so forms are not refused before the
    /// wall is reached) and, when `handle` signs in (with [`PASSWORD`]),
    /// that browser signed in and an API token too.
    pub async fn visitor(&self, name: &'static str, handle: Option<&str>) -> Visitor {
        let browser = self.browser();
        let token = match handle {
            Some(handle) => {
                let response = (self.submit(
                    &browser,
                    "/login",
                    "/login",
                    &[("handle", handle), ("password", PASSWORD)],
                ))
                .await;
                assert_eq!(
                    response.status(),
                    StatusCode::SEE_OTHER,
                    "{handle} signs in"
                );
                let signed_in: Value = self
                    .api_sign_in(handle, PASSWORD)
                    .await
                    .json()
                    .await
                    .unwrap();
                Some(signed_in["token"].as_str().unwrap().to_owned())
            }
            None => None,
        };
        let csrf = self.csrf_token(&browser, "/").await;
        Visitor {
            name,
            browser,
            csrf,
            token,
        }
    }

    pub async fn api_register(&self, handle: &str, password: &str) -> Response {
        self.api
            .post(self.url("/api/v1/accounts"))
            .json(&json!({ "handle": handle, "password": password }))
            .send()
            .await
            .unwrap()
    }

    pub async fn api_sign_in(&self, handle: &str, password: &str) -> Response {
        self.api
            .post(self.url("/api/v1/sessions"))
            .json(&json!({ "handle": handle, "password": password }))
            .send()
            .await
            .unwrap()
    }

    /// Registers and signs in through the API; returns the bearer token.
    pub async fn api_member(&self, handle: &str) -> String {
        assert_eq!(
            self.api_register(handle, PASSWORD).await.status(),
            StatusCode::CREATED
        );
        let response = self.api_sign_in(handle, PASSWORD).await;
        assert_eq!(response.status(), StatusCode::CREATED);
        let body: Value = response.json().await.unwrap();
        body["token"].as_str().unwrap().to_owned()
    }

    pub async fn api_me(&self, token: &str) -> Response {
        self.api
            .get(self.url("/api/v1/me"))
            .bearer_auth(token)
            .send()
            .await
            .unwrap()
    }
}

/// The value of a hidden input in an HTML page.
pub fn hidden_field(html: &str, name: &str) -> Option<String> {
    let marker = format!("name=\"{name}\" value=\"");
    let start = html.find(&marker)? + marker.len();
    let end = html[start..].find('"')? + start;
    Some(html[start..end].to_owned())
}

/// Asserts a response is an RFC 9457 problem with this status, and returns it.
pub async fn problem(response: Response, status: StatusCode) -> Value {
    assert_eq!(response.status(), status);
    let content_type = response.headers()["content-type"]
        .to_str()
        .unwrap()
        .to_owned();
    assert_eq!(content_type, "application/problem+json");
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["status"], status.as_u16());
    assert!(
        !body["detail"].as_str().unwrap().is_empty(),
        "a problem says what went wrong"
    );
    body
}

pub fn location(response: &Response) -> &str {
    response.headers()["location"].to_str().unwrap()
}
