//! The one error type of the web layer, and the middleware that shows every
//! failure the same way: `application/problem+json` (RFC 9457) under `/api/`,
//! an HTML page everywhere else.
//!
//! Handlers return [`AppError`]; its `IntoResponse` only records what went
//! wrong. [`render_errors`] then writes the body in the form the request
//! expects. It also catches axum's own rejections (a malformed JSON body, a
//! wrong method, a body over the limit), so those read the same as ours.

use axum::body::{Body, to_bytes};
use axum::extract::{Request, State};
use axum::http::header::{CONTENT_LANGUAGE, CONTENT_TYPE, LOCATION, RETRY_AFTER, WWW_AUTHENTICATE};
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use hearth_store::StoreError;
use jiff::SignedDuration;
use serde::Serialize;
use utoipa::ToSchema;

use crate::AppState;
use crate::auth::CurrentUser;
use crate::auth::csrf::CsrfToken;
use crate::i18n::negotiate::from_headers;
use crate::i18n::{Lang, Message};
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
    /// Signed in, but without the role this needs.
    #[error("not allowed")]
    NotAllowed,
    #[error("conflict: {0:?}")]
    Conflict(Message),
    /// The account is suspended: it may not sign in (403, saying until when).
    #[error("suspended: {0:?}")]
    Suspended(Message),
    #[error("invalid input: {0:?}")]
    Invalid(Vec<FieldError>),
    #[error("too many attempts")]
    TooManyAttempts { retry_after: SignedDuration },
    /// Past a rate limit on posting, replying, reporting or inviting.
    #[error("too many writes in a short time")]
    SlowDown { retry_after: SignedDuration },
    #[error("the request body is too large")]
    PayloadTooLarge,
    /// Too much at once: try again in a moment (503 with `Retry-After`).
    #[error("the server is busy")]
    Busy,
    #[error("internal error: {0}")]
    Internal(String),
}

/// What was wrong with one field of a request, to be put in words once the
/// reader's language is known.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldError {
    /// The field's name in the request, e.g. `handle`.
    pub field: &'static str,
    /// A stable code, e.g. `too_short`.
    pub code: &'static str,
    pub message: Message,
}

/// A [`FieldError`] in an API problem document.
#[derive(Debug, Clone, Serialize, ToSchema, PartialEq, Eq)]
pub struct FieldProblem {
    /// The field's name in the request, e.g. `handle`.
    pub field: String,
    /// A stable code, e.g. `too_short`.
    pub code: String,
    /// The same in words, in the language of the request.
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
    pub errors: Vec<FieldProblem>,
}

impl AppError {
    pub fn internal(what: impl Into<String>) -> AppError {
        AppError::Internal(what.into())
    }

    pub(crate) fn status(&self) -> StatusCode {
        match self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::SignInRequired | AppError::WrongCredentials => StatusCode::UNAUTHORIZED,
            AppError::CsrfRejected | AppError::NotAllowed | AppError::Suspended(_) => {
                StatusCode::FORBIDDEN
            }
            AppError::Conflict(_) => StatusCode::CONFLICT,
            AppError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::TooManyAttempts { .. } | AppError::SlowDown { .. } => {
                StatusCode::TOO_MANY_REQUESTS
            }
            AppError::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::Busy => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// What went wrong, in words a person can act on, in their language.
    pub(crate) fn detail(&self, lang: Lang) -> String {
        match self {
            AppError::NotFound => lang.t("error-not-found"),
            AppError::SignInRequired => lang.t("error-sign-in-required"),
            AppError::WrongCredentials => lang.t("error-wrong-credentials"),
            AppError::CsrfRejected => lang.t("error-csrf"),
            AppError::NotAllowed => lang.t("error-not-allowed"),
            AppError::Suspended(message) => lang.message(message),
            AppError::Conflict(message) => lang.message(message),
            AppError::Invalid(errors) => errors
                .iter()
                .map(|e| lang.message(&e.message))
                .collect::<Vec<_>>()
                .join(" "),
            AppError::TooManyAttempts { retry_after } => {
                lang.message(&waiting_message("error-too-many-attempts", *retry_after))
            }
            AppError::SlowDown { retry_after } => {
                lang.message(&waiting_message("error-slow-down", *retry_after))
            }
            AppError::PayloadTooLarge => lang.t("error-too-large"),
            AppError::Busy => lang.t("error-busy"),
            AppError::Internal(_) => lang.t("error-internal"),
        }
    }
}

impl From<StoreError> for AppError {
    fn from(error: StoreError) -> AppError {
        match error {
            StoreError::NotFound(_) => AppError::NotFound,
            StoreError::Busy => AppError::Busy,
            other => AppError::Internal(other.to_string()),
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        if let AppError::Internal(what) = &self {
            tracing::error!(error = %what, "request failed");
        }
        let mut response = self.status().into_response();
        if let AppError::TooManyAttempts { retry_after } | AppError::SlowDown { retry_after } =
            &self
        {
            let seconds = retry_after.as_secs().max(1);
            response
                .headers_mut()
                .insert(RETRY_AFTER, HeaderValue::from(seconds));
        }
        if let AppError::Busy = &self {
            response
                .headers_mut()
                .insert(RETRY_AFTER, HeaderValue::from_static("1"));
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
pub async fn render_errors(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let is_api = request.uri().path().starts_with("/api/");
    let path_and_query = request
        .uri()
        .path_and_query()
        .map_or_else(|| "/".to_owned(), |pq| pq.as_str().to_owned());
    let csrf = request.extensions().get::<CsrfToken>().cloned();
    // The language, in case the failure came before the language layer ran.
    let fallback_lang = from_headers(request.headers(), None, state.config.default_lang);
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
    let lang = response
        .extensions()
        .get::<Lang>()
        .copied()
        .unwrap_or(fallback_lang);
    let (mut parts, body) = response.into_parts();
    // A response that already has a body of its own (a form re-rendered with
    // its errors, say) is left as it is.
    let detail = match &failure {
        Some(Failure(error)) => error.detail(lang),
        None => match own_body(&parts, body).await {
            Ok(reason) => lang.t_with("error-unreadable-request", "reason", reason),
            Err(body) => return Response::from_parts(parts, body),
        },
    };
    parts.headers.remove(axum::http::header::CONTENT_LENGTH);
    parts
        .headers
        .insert(CONTENT_LANGUAGE, HeaderValue::from_static(lang.code()));
    if is_api {
        let errors = match failure.as_ref().map(|f| &*f.0) {
            Some(AppError::Invalid(errors)) => errors
                .iter()
                .map(|e| FieldProblem {
                    field: e.field.to_owned(),
                    code: e.code.to_owned(),
                    detail: lang.message(&e.message),
                })
                .collect(),
            _ => Vec::new(),
        };
        let problem = Problem {
            kind: "about:blank".into(),
            title: lang.t_with("status-title", "status", status.as_u16()),
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
    let context = PageContext::new(user, csrf, lang, path_and_query);
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
/// axum's rejections are short plain text, which becomes the reason given
/// in the problem's detail. Any other body (an HTML page already rendered) is handed back.
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
            .unwrap_or_default()
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

/// Message `id` telling someone how long to wait: whole minutes, rounded
/// up, once the wait is a minute or more, else seconds.
pub(crate) fn waiting_message(id: &'static str, wait: SignedDuration) -> Message {
    let seconds = wait.as_secs().max(1);
    let minutes = if seconds < 60 { 0 } else { (seconds + 59) / 60 };
    Message::new(id)
        .with("minutes", minutes)
        .with("seconds", seconds)
}
