//! The one error type of the web layer, and the middleware that shows every
//! failure the same way: `application/problem+json` (RFC 9457) under `/api/`,
//! an HTML page everywhere else.
//!
//! Handlers return [`AppError`]; its `IntoResponse` only records what went
//! wrong. [`render_errors`] then writes the body in the form the request
//! expects. It also catches axum's own rejections (a malformed JSON body, a
//! wrong method, a body over the limit), so those read the same as ours.

use axum::body::{Body, to_bytes};
use axum::extract::Request;
use axum::http::header::{CONTENT_TYPE, LOCATION, RETRY_AFTER, WWW_AUTHENTICATE};
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use hearth_store::StoreError;
use jiff::SignedDuration;
use serde::Serialize;
use utoipa::ToSchema;

use crate::auth::CurrentUser;
use crate::auth::csrf::CsrfToken;
use crate::page::{ErrorPage, PageContext, render};

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    #[error("sign in required")]
    SignInRequired,
    #[error("the handle or password is not right")]
    WrongCredentials,
    #[error("the form's security token is missing or out of date")]
    CsrfRejected,
    #[error("{detail}")]
    Conflict { detail: String },
    #[error("{detail}")]
    Invalid {
        detail: String,
        errors: Vec<FieldError>,
    },
    #[error("too many attempts")]
    TooManyAttempts { retry_after: SignedDuration },
    #[error("the request body is too large")]
    PayloadTooLarge,
    #[error("internal error: {0}")]
    Internal(String),
}

/// What was wrong with one field of a request.
#[derive(Debug, Clone, Serialize, ToSchema, PartialEq, Eq)]
pub struct FieldError {
    /// The field's name in the request, e.g. `handle`.
    pub field: String,
    /// A stable code, e.g. `too_short`.
    pub code: String,
    /// The same in words.
    pub detail: String,
}

/// An RFC 9457 problem document, the body of every API error.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Problem {
    /// Always `about:blank`: the status says what kind of problem it is.
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    /// What went wrong, in words a person can act on.
    pub detail: String,
    /// Per-field problems, for invalid input.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
}

impl AppError {
    pub fn internal(what: impl Into<String>) -> AppError {
        AppError::Internal(what.into())
    }

    pub(crate) fn status(&self) -> StatusCode {
        match self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::SignInRequired | AppError::WrongCredentials => StatusCode::UNAUTHORIZED,
            AppError::CsrfRejected => StatusCode::FORBIDDEN,
            AppError::Conflict { .. } => StatusCode::CONFLICT,
            AppError::Invalid { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::TooManyAttempts { .. } => StatusCode::TOO_MANY_REQUESTS,
            AppError::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    pub(crate) fn detail(&self) -> String {
        match self {
            AppError::NotFound => "There is nothing at this address.".into(),
            AppError::SignInRequired => "Sign in to continue.".into(),
            AppError::WrongCredentials => "That handle and password do not match.".into(),
            AppError::CsrfRejected => "This form was open too long, or came from another site. \
                 Please go back, reload the page and try again."
                .into(),
            AppError::Conflict { detail } | AppError::Invalid { detail, .. } => detail.clone(),
            AppError::TooManyAttempts { retry_after } => format!(
                "Too many attempts. Please wait {} and try again.",
                wait_in_words(*retry_after)
            ),
            AppError::PayloadTooLarge => "The request is larger than Hearth accepts.".into(),
            AppError::Internal(_) => {
                "Something went wrong on our side. Nothing you did caused it; please try again \
                 in a moment."
                    .into()
            }
        }
    }
}

impl From<StoreError> for AppError {
    fn from(error: StoreError) -> AppError {
        match error {
            StoreError::NotFound(_) => AppError::NotFound,
            other => AppError::Internal(other.to_string()),
        }
    }
}

/// Rounds a wait up to whole minutes (or seconds, under a minute).
fn wait_in_words(wait: SignedDuration) -> String {
    let seconds = wait.as_secs().max(1);
    if seconds < 60 {
        format!("{seconds} seconds")
    } else {
        let minutes = (seconds + 59) / 60;
        if minutes == 1 {
            "1 minute".into()
        } else {
            format!("{minutes} minutes")
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        if let AppError::Internal(what) = &self {
            tracing::error!(error = %what, "request failed");
        }
        let mut response = self.status().into_response();
        if let AppError::TooManyAttempts { retry_after } = &self {
            let seconds = retry_after.as_secs().max(1);
            response
                .headers_mut()
                .insert(RETRY_AFTER, HeaderValue::from(seconds));
        }
        if let AppError::SignInRequired = &self {
            response
                .headers_mut()
                .insert(WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        response
            .extensions_mut()
            .insert(Failure(std::sync::Arc::new(self)));
        response
    }
}

/// Marks a response as an [`AppError`] whose body is still to be written.
#[derive(Clone)]
struct Failure(std::sync::Arc<AppError>);

/// Middleware: writes the body of every error response.
pub async fn render_errors(request: Request, next: Next) -> Response {
    let is_api = request.uri().path().starts_with("/api/");
    let path_and_query = request
        .uri()
        .path_and_query()
        .map(|pq| pq.as_str().to_owned())
        .unwrap_or_else(|| "/".into());
    let csrf = request.extensions().get::<CsrfToken>().cloned();
    let response = next.run(request).await;
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return response;
    }
    let failure = response.extensions().get::<Failure>().cloned();
    if let Some(Failure(error)) = &failure
        && !is_api
        && matches!(**error, AppError::SignInRequired)
    {
        return redirect_to_sign_in(&path_and_query);
    }
    let user = response.extensions().get::<CurrentUser>().cloned();
    let (mut parts, body) = response.into_parts();
    // A response that already has a body of its own (a form re-rendered with
    // its errors, say) is left as it is.
    let detail = match &failure {
        Some(Failure(error)) => error.detail(),
        None => match own_body(&parts, body).await {
            Ok(rejection_text) => rejection_text,
            Err(body) => return Response::from_parts(parts, body),
        },
    };
    let errors = match failure.as_ref().map(|f| &*f.0) {
        Some(AppError::Invalid { errors, .. }) => errors.clone(),
        _ => Vec::new(),
    };
    parts.headers.remove(axum::http::header::CONTENT_LENGTH);
    if is_api {
        let problem = Problem {
            kind: "about:blank".into(),
            title: status.canonical_reason().unwrap_or("Error").into(),
            status: status.as_u16(),
            detail,
            errors,
        };
        let body = serde_json::to_vec(&problem).unwrap_or_default();
        parts.headers.insert(
            CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        return Response::from_parts(parts, Body::from(body));
    }
    let context = PageContext::new(user, csrf);
    let page = ErrorPage {
        ctx: &context,
        status: status.as_u16(),
        detail: &detail,
    };
    let Html(html) = match render(&page) {
        Ok(html) => html,
        Err(_) => Html(detail),
    };
    parts.headers.insert(
        CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    Response::from_parts(parts, Body::from(html))
}

/// Reads the body of an error response that did not come from [`AppError`]:
/// axum's rejections are short plain text, which becomes the problem's
/// detail. Any other body (an HTML page already rendered) is handed back.
async fn own_body(parts: &axum::http::response::Parts, body: Body) -> Result<String, Body> {
    let is_plain = parts
        .headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_none_or(|v| v.starts_with("text/plain"));
    if !is_plain {
        return Err(body);
    }
    let bytes = to_bytes(body, 64 * 1024).await.unwrap_or_default();
    let text = String::from_utf8_lossy(&bytes).trim().to_owned();
    Ok(if text.is_empty() {
        parts
            .status
            .canonical_reason()
            .unwrap_or("Something went wrong")
            .to_owned()
    } else {
        text
    })
}

fn redirect_to_sign_in(next: &str) -> Response {
    let query = serde_urlencoded::to_string([("next", next)]).unwrap_or_default();
    let mut response = StatusCode::SEE_OTHER.into_response();
    if let Ok(value) = HeaderValue::from_str(&format!("/login?{query}")) {
        response.headers_mut().insert(LOCATION, value);
    }
    response
}
