//! What every HTML page shares: the context the layout needs, and rendering.

use askama::Template;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::response::Html;

use crate::auth::CurrentUser;
use crate::auth::csrf::CsrfToken;
use crate::{AppError, AppState};

/// What the layout needs on every page: who is signed in, the CSRF token for
/// its forms, the language.
#[derive(Debug, Clone)]
pub struct PageContext {
    pub user: Option<SignedInView>,
    pub csrf_token: String,
    pub lang: &'static str,
}

/// The signed-in person, as the layout shows them.
#[derive(Debug, Clone)]
pub struct SignedInView {
    pub handle: String,
}

impl PageContext {
    pub fn new(user: Option<CurrentUser>, csrf: Option<CsrfToken>) -> PageContext {
        PageContext {
            user: user.map(|user| SignedInView {
                handle: user.account.handle,
            }),
            csrf_token: csrf.map(|token| token.0).unwrap_or_default(),
            lang: "en",
        }
    }
}

impl FromRequestParts<AppState> for PageContext {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &AppState) -> Result<Self, Self::Rejection> {
        Ok(PageContext::new(
            parts.extensions.get::<CurrentUser>().cloned(),
            parts.extensions.get::<CsrfToken>().cloned(),
        ))
    }
}

/// Renders a page template to an HTML response body.
pub fn render(template: &impl Template) -> Result<Html<String>, AppError> {
    template
        .render()
        .map(Html)
        .map_err(|e| AppError::internal(format!("rendering a page: {e}")))
}

/// The page for any failure: its status and what to do next.
#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorPage<'a> {
    pub ctx: &'a PageContext,
    pub status: u16,
    pub detail: &'a str,
}
