//! What every HTML page shares: the context the layout needs, and rendering.

use askama::Template;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::response::Html;
use jiff::Timestamp;

use crate::auth::CurrentUser;
use crate::auth::csrf::CsrfToken;
use crate::i18n::{Arg, Lang, Message};
use crate::{AppError, AppState};

/// What the layout needs on every page: who is signed in, the CSRF token for
/// its forms, the language, and where the page is (for the language menu to
/// come back to).
#[derive(Debug, Clone)]
pub struct PageContext {
    pub user: Option<SignedInView>,
    pub csrf_token: String,
    pub lang: Lang,
    pub path: String,
}

/// The signed-in person, as the layout shows them.
#[derive(Debug, Clone)]
pub struct SignedInView {
    pub handle: String,
}

impl PageContext {
    pub fn new(
        user: Option<CurrentUser>,
        csrf: Option<CsrfToken>,
        lang: Lang,
        path: String,
    ) -> PageContext {
        PageContext {
            user: user.map(|user| SignedInView {
                handle: user.account.handle,
            }),
            csrf_token: csrf.map(|token| token.0).unwrap_or_default(),
            lang,
            path,
        }
    }

    /// A message in the page's language.
    pub fn t(&self, id: &str) -> String {
        self.lang.t(id)
    }

    /// A message with one argument.
    pub fn t_with(&self, id: &str, name: &str, value: impl Into<Arg>) -> String {
        self.lang.t_with(id, name, value)
    }

    pub fn message(&self, message: &Message) -> String {
        self.lang.message(message)
    }

    pub fn date_time(&self, instant: &Timestamp) -> String {
        self.lang.date_time_utc(*instant)
    }

    /// Every language, for the language menu: (code, own name, selected).
    pub fn languages(&self) -> Vec<(&'static str, String, bool)> {
        Lang::all()
            .map(|lang| (lang.code(), lang.own_name(), lang == self.lang))
            .collect()
    }
}

impl FromRequestParts<AppState> for PageContext {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &AppState) -> Result<Self, Self::Rejection> {
        Ok(PageContext::new(
            parts.extensions.get::<CurrentUser>().cloned(),
            parts.extensions.get::<CsrfToken>().cloned(),
            parts.extensions.get::<Lang>().copied().unwrap_or_default(),
            parts
                .uri
                .path_and_query()
                .map_or_else(|| "/".to_owned(), |pq| pq.as_str().to_owned()),
        ))
    }
}

/// `path` if it is a path on this site (not `//elsewhere`, a URL, or a
/// backslash trick): where a form may send someone back to.
pub fn local_path(path: &str) -> Option<&str> {
    let on_this_site = path.starts_with('/') && !path.starts_with("//") && !path.contains('\\');
    on_this_site.then_some(path)
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
