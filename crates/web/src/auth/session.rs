//! Sessions: a random token in a cookie (pages) or a bearer header (apps),
//! looked up by its hash in the database so any node can serve any request.

use axum::RequestExt;
use axum::extract::{FromRequestParts, OptionalFromRequestParts, RawPathParams, Request, State};
use axum::http::header::{AUTHORIZATION, USER_AGENT};
use axum::http::request::Parts;
use axum::middleware::Next;
use axum::response::Response;
use hearth_domain::people::Role;
use hearth_store::groups::{Group, GroupId, Membership};
use hearth_store::people::Account;
use hearth_store::sessions::{Session, SessionId, SignedIn};
use jiff::{SignedDuration, Timestamp};
use sha2::{Digest, Sha256};

use super::{cookie, random_token, set_cookie};
use crate::groups::access::group_in_path;
use crate::{AppError, AppState};

pub const SESSION_COOKIE: &str = "hearth_session";

/// Sessions in use are touched at most this often, so reading pages does not
/// turn into a database write per request.
const TOUCH_INTERVAL: SignedDuration = SignedDuration::from_mins(5);
/// Longest user-agent text kept for the "your sessions" list.
const USER_AGENT_MAX_CHARS: usize = 200;

/// The signed-in person making this request. As an extractor it refuses a
/// signed-out request with [`AppError::SignInRequired`]; take
/// `Option<CurrentUser>` where signing in is optional.
#[derive(Debug, Clone)]
pub struct CurrentUser {
    pub account: Account,
    pub roles: Vec<Role>,
    pub session_id: SessionId,
    /// They blocked or muted someone: pages of posts look up whom.
    pub filters_anyone: bool,
}

impl FromRequestParts<AppState> for CurrentUser {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &AppState) -> Result<Self, AppError> {
        parts
            .extensions
            .get::<CurrentUser>()
            .cloned()
            .ok_or(AppError::SignInRequired)
    }
}

impl OptionalFromRequestParts<AppState> for CurrentUser {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        _: &AppState,
    ) -> Result<Option<Self>, Self::Rejection> {
        Ok(parts.extensions.get::<CurrentUser>().cloned())
    }
}

/// The hash under which a token is stored.
pub fn token_hash(token: &str) -> String {
    let digest = Sha256::digest(token.as_bytes());
    digest.iter().map(|byte| format!("{byte:02x}")).collect()
}

/// A session just started: the token to hand out once, and what was stored.
pub struct NewSession {
    pub token: String,
    pub session: Session,
}

/// Starts a session for an account that has just proved who it is.
pub async fn start(
    state: &AppState,
    account: &Account,
    user_agent: Option<&str>,
) -> Result<NewSession, AppError> {
    let token = random_token();
    let now = Timestamp::now();
    let expires_at = now + state.config.session_idle_timeout;
    let user_agent = user_agent.map(|ua| ua.chars().take(USER_AGENT_MAX_CHARS).collect::<String>());
    let session = state
        .store
        .create_session(
            account.id,
            &token_hash(&token),
            user_agent.as_deref(),
            now,
            expires_at,
        )
        .await?;
    Ok(NewSession { token, session })
}

/// The `Set-Cookie` value that carries a new session to a browser.
pub fn session_cookie(state: &AppState, token: &str) -> String {
    let max_age = state.config.session_idle_timeout.as_secs();
    set_cookie(
        SESSION_COOKIE,
        token,
        Some(max_age),
        state.config.secure_cookies,
    )
}

/// The `Set-Cookie` value that makes a browser forget its session.
pub fn cleared_session_cookie(state: &AppState) -> String {
    set_cookie(SESSION_COOKIE, "", Some(0), state.config.secure_cookies)
}

/// The user agent of a request, for labelling its session.
pub fn user_agent(parts: &axum::http::HeaderMap) -> Option<&str> {
    parts.get(USER_AGENT).and_then(|value| value.to_str().ok())
}

/// The group a request's route names (`{group}`) and the signed-in person's
/// membership of it, read with the session; what [`crate::groups::access`]
/// decides from. Absent when the request is signed out or no such group
/// exists.
#[derive(Debug, Clone)]
pub struct NamedGroup {
    pub group: Group,
    pub membership: Option<Membership>,
}

/// Middleware: finds the session a request carries (bearer token first, then
/// cookie) and, when it is live, makes the person available as
/// [`CurrentUser`], and on a group's route the group as [`NamedGroup`]. A
/// request without a live session goes on signed out.
///
/// The person is also copied onto the response, so the error pages rendered
/// further out can show the right header.
pub async fn authenticate(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Result<Response, AppError> {
    let token = bearer_token(request.headers())
        .or_else(|| cookie(request.headers(), SESSION_COOKIE))
        .map(str::to_owned);
    let signed_in = match token {
        Some(token) => {
            // Layers run after routing, so the route's parameters are known.
            let params = request.extract_parts::<RawPathParams>().await.ok();
            let group = params
                .as_ref()
                .and_then(|params| group_in_path(params.iter()));
            find_user(&state, &token, group).await?
        }
        None => None,
    };
    let user = signed_in.map(|(user, group)| {
        if let Some(group) = group {
            request.extensions_mut().insert(group);
        }
        request.extensions_mut().insert(user.clone());
        user
    });
    let mut response = next.run(request).await;
    if let Some(user) = user {
        response.extensions_mut().insert(user);
    }
    Ok(response)
}

async fn find_user(
    state: &AppState,
    token: &str,
    group: Option<GroupId>,
) -> Result<Option<(CurrentUser, Option<NamedGroup>)>, AppError> {
    let now = Timestamp::now();
    let Some(SignedIn {
        session,
        account,
        roles,
        group,
        filters_anyone,
    }) = state
        .store
        .signed_in(&token_hash(token), now, group)
        .await?
    else {
        return Ok(None);
    };
    if now.duration_since(session.last_seen_at) > TOUCH_INTERVAL {
        let expires_at = now + state.config.session_idle_timeout;
        state
            .store
            .touch_session(session.id, now, expires_at)
            .await?;
    }
    let user = CurrentUser {
        account,
        roles,
        session_id: session.id,
        filters_anyone,
    };
    let group = group.map(|(group, membership)| NamedGroup { group, membership });
    Ok(Some((user, group)))
}

/// The token from `Authorization: Bearer TOKEN`, if the request has one.
pub(crate) fn bearer_token(headers: &axum::http::HeaderMap) -> Option<&str> {
    let value = headers.get(AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim())
        .filter(|token| !token.is_empty())
}
