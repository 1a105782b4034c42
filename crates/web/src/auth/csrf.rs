//! Cross-site request forgery protection.
//!
//! HTML forms use the double-submit pattern: every browser gets a random
//! token in an `HttpOnly` cookie, each form repeats it in a hidden
//! `csrf_token` field, and a state-changing request whose field does not
//! match its cookie is refused before any handler runs. It needs no server
//! state, so it holds across nodes.
//!
//! The JSON API is safe by construction: a cross-site page cannot send a
//! JSON body or a `DELETE` without a CORS preflight, which Hearth never
//! grants. The check below makes that explicit for cookie-authenticated
//! requests.

use axum::body::{Body, to_bytes};
use axum::extract::{Request, State};
use axum::http::header::{CONTENT_TYPE, SET_COOKIE};
use axum::http::{HeaderValue, Method};
use axum::middleware::Next;
use axum::response::Response;
use subtle::ConstantTimeEq;

use super::{cookie, random_token, session::bearer_token, set_cookie};
use crate::{AppError, AppState};

pub const CSRF_COOKIE: &str = "hearth_csrf";
pub const CSRF_FIELD: &str = "csrf_token";
/// For scripts that enhance a page and post without a form body.
pub const CSRF_HEADER: &str = "x-csrf-token";

/// The token this browser's forms must carry.
#[derive(Debug, Clone)]
pub struct CsrfToken(pub String);

/// Middleware: makes sure the browser has a CSRF cookie and hands its value
/// to the pages as [`CsrfToken`].
pub async fn issue_token(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    let existing = cookie(request.headers(), CSRF_COOKIE)
        .filter(|token| is_well_formed(token))
        .map(str::to_owned);
    // API clients authenticate with bearer tokens and need no CSRF cookie.
    let is_new = existing.is_none() && !request.uri().path().starts_with("/api/");
    let token = existing.unwrap_or_else(random_token);
    request.extensions_mut().insert(CsrfToken(token.clone()));
    let mut response = next.run(request).await;
    if is_new {
        let cookie = set_cookie(CSRF_COOKIE, &token, None, state.config.secure_cookies);
        if let Ok(value) = HeaderValue::from_str(&cookie) {
            response.headers_mut().append(SET_COOKIE, value);
        }
    }
    response
}

/// Middleware: refuses a state-changing request that does not prove it came
/// from one of Hearth's own pages (or from an app using the API properly).
pub async fn check(request: Request, next: Next) -> Result<Response, AppError> {
    if is_safe(request.method()) {
        return Ok(next.run(request).await);
    }
    if request.uri().path().starts_with("/api/") {
        return check_api(request, next).await;
    }
    let expected = request
        .extensions()
        .get::<CsrfToken>()
        .map(|token| token.0.clone())
        .unwrap_or_default();
    let sent_header = request
        .headers()
        .get(CSRF_HEADER)
        .and_then(|value| value.to_str().ok())
        .map(str::to_owned);
    let came_from_cookie = cookie(request.headers(), CSRF_COOKIE).is_some();
    let (parts, body) = request.into_parts();
    let bytes = to_bytes(body, usize::MAX)
        .await
        .map_err(|_| AppError::PayloadTooLarge)?;
    let sent = sent_header.or_else(|| form_field(&bytes, CSRF_FIELD));
    let matches = sent.is_some_and(|sent| bool::from(sent.as_bytes().ct_eq(expected.as_bytes())));
    if !(came_from_cookie && matches) {
        return Err(AppError::CsrfRejected);
    }
    Ok(next
        .run(Request::from_parts(parts, Body::from(bytes)))
        .await)
}

async fn check_api(request: Request, next: Next) -> Result<Response, AppError> {
    let by_cookie_only = bearer_token(request.headers()).is_none()
        && cookie(request.headers(), super::session::SESSION_COOKIE).is_some();
    let is_json = request
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.starts_with("application/json"));
    if by_cookie_only && request.method() == Method::POST && !is_json {
        return Err(AppError::CsrfRejected);
    }
    Ok(next.run(request).await)
}

fn is_safe(method: &Method) -> bool {
    matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

fn is_well_formed(token: &str) -> bool {
    token.len() == 43
        && token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

fn form_field(body: &[u8], name: &str) -> Option<String> {
    serde_urlencoded::from_bytes::<Vec<(String, String)>>(body)
        .ok()?
        .into_iter()
        .find(|(key, _)| key == name)
        .map(|(_, value)| value)
}
