//! The account API: `/api/v1/accounts`, `/api/v1/sessions`, `/api/v1/me`.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use hearth_store::people::Account;
use hearth_store::sessions::{Session, SessionId};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::Registration;
use crate::auth::session::{self, user_agent};
use crate::auth::{ClientAddress, CurrentUser};
use crate::error::Problem;
use crate::{AppError, AppState};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(create_account))
        .routes(routes!(create_session, list_sessions))
        .routes(routes!(delete_current_session))
        .routes(routes!(delete_session))
        .routes(routes!(me))
        .routes(routes!(change_password))
        .routes(routes!(put_time_zone))
}

/// A new account. Only `handle` and `password` are required.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewAccount {
    /// 3 to 32 letters, digits, `_` or `-`; unique ignoring case.
    #[schema(example = "river_walker", min_length = 3, max_length = 32)]
    handle: String,
    /// At least 10 characters, and not a common password.
    #[schema(example = "kettle-on-the-hob", min_length = 10, max_length = 256)]
    password: String,
    /// Optional; Hearth never requires an email address.
    #[serde(default)]
    #[schema(format = Email, max_length = 254)]
    email: Option<String>,
}

/// An account as its owner sees it.
#[derive(Debug, Serialize, ToSchema)]
pub struct AccountView {
    id: i64,
    handle: String,
    email: Option<String>,
    /// The language chosen for this account; null follows `Accept-Language`.
    locale: Option<String>,
    /// The IANA time zone the person lives in; null until chosen.
    time_zone: Option<String>,
    /// Site-wide roles: `admin`, `directory`.
    roles: Vec<String>,
    /// RFC 3339, UTC.
    #[schema(value_type = String, format = DateTime)]
    created_at: Timestamp,
}

impl AccountView {
    fn new(account: Account, roles: &[hearth_domain::people::Role]) -> AccountView {
        AccountView {
            id: account.id.0,
            handle: account.handle,
            email: account.email,
            locale: account.locale,
            time_zone: account.time_zone,
            roles: roles.iter().map(|r| r.as_str().to_owned()).collect(),
            created_at: account.created_at,
        }
    }
}

/// Create an account.
#[utoipa::path(
    post,
    path = "/api/v1/accounts",
    tag = "accounts",
    request_body = NewAccount,
    responses(
        (status = 201, description = "The account was created", body = AccountView),
        (status = 409, description = "The handle is taken", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A field is not valid", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn create_account(
    State(state): State<AppState>,
    Json(body): Json<NewAccount>,
) -> Result<(StatusCode, Json<AccountView>), AppError> {
    let registration = Registration::parse(&body.handle, &body.password, body.email.as_deref())?;
    let account = super::register(&state, registration).await?;
    Ok((StatusCode::CREATED, Json(AccountView::new(account, &[]))))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SignIn {
    handle: String,
    password: String,
}

/// A new session. Send the token as `Authorization: Bearer TOKEN`; it is also
/// accepted as the `hearth_session` cookie.
#[derive(Debug, Serialize, ToSchema)]
pub struct NewSessionView {
    token: String,
    session: SessionView,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SessionView {
    id: i64,
    /// Whether this is the session making the request.
    current: bool,
    user_agent: Option<String>,
    #[schema(value_type = String, format = DateTime)]
    created_at: Timestamp,
    #[schema(value_type = String, format = DateTime)]
    last_seen_at: Timestamp,
    #[schema(value_type = String, format = DateTime)]
    expires_at: Timestamp,
}

impl SessionView {
    fn new(session: Session, current: Option<SessionId>) -> SessionView {
        SessionView {
            id: session.id.0,
            current: Some(session.id) == current,
            user_agent: session.user_agent,
            created_at: session.created_at,
            last_seen_at: session.last_seen_at,
            expires_at: session.expires_at,
        }
    }
}

/// Sign in: trade a handle and password for a session token.
#[utoipa::path(
    post,
    path = "/api/v1/sessions",
    tag = "sessions",
    request_body = SignIn,
    responses(
        (status = 201, description = "Signed in", body = NewSessionView),
        (status = 401, description = "The handle and password do not match", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many failed attempts; see Retry-After", body = Problem, content_type = "application/problem+json",
            headers(("Retry-After" = u64, description = "Seconds to wait"))),
    )
)]
async fn create_session(
    State(state): State<AppState>,
    address: ClientAddress,
    headers: HeaderMap,
    Json(body): Json<SignIn>,
) -> Result<(StatusCode, Json<NewSessionView>), AppError> {
    let account = super::sign_in(&state, &body.handle, &body.password, &address).await?;
    let new = session::start(&state, &account, user_agent(&headers)).await?;
    let id = new.session.id;
    Ok((
        StatusCode::CREATED,
        Json(NewSessionView {
            token: new.token,
            session: SessionView::new(new.session, Some(id)),
        }),
    ))
}

/// List my live sessions, most recently used first.
#[utoipa::path(
    get,
    path = "/api/v1/sessions",
    tag = "sessions",
    security(("bearer" = [])),
    responses(
        (status = 200, body = Vec<SessionView>),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn list_sessions(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Json<Vec<SessionView>>, AppError> {
    let sessions = state
        .store
        .sessions_for_account(user.account.id, Timestamp::now())
        .await?;
    Ok(Json(
        sessions
            .into_iter()
            .map(|s| SessionView::new(s, Some(user.session_id)))
            .collect(),
    ))
}

/// Sign out: end the session making this request.
#[utoipa::path(
    delete,
    path = "/api/v1/sessions/current",
    tag = "sessions",
    security(("bearer" = [])),
    responses(
        (status = 204, description = "Signed out"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn delete_current_session(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<StatusCode, AppError> {
    state
        .store
        .revoke_session(user.account.id, user.session_id)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// End one of my sessions (on a lost phone, say).
#[utoipa::path(
    delete,
    path = "/api/v1/sessions/{id}",
    tag = "sessions",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The session's id")),
    responses(
        (status = 204, description = "The session ended"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such session of mine", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn delete_session(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> Result<StatusCode, AppError> {
    if state
        .store
        .revoke_session(user.account.id, SessionId(id))
        .await?
    {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(AppError::NotFound)
    }
}

/// Who am I?
#[utoipa::path(
    get,
    path = "/api/v1/me",
    tag = "accounts",
    security(("bearer" = [])),
    responses(
        (status = 200, body = AccountView),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn me(user: CurrentUser) -> Json<AccountView> {
    Json(AccountView::new(user.account, &user.roles))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PasswordChange {
    current_password: String,
    /// At least 10 characters, and not a common password.
    #[schema(min_length = 10, max_length = 256)]
    new_password: String,
}

/// Change my password. Every other session of mine is signed out.
#[utoipa::path(
    put,
    path = "/api/v1/me/password",
    tag = "accounts",
    security(("bearer" = [])),
    request_body = PasswordChange,
    responses(
        (status = 204, description = "The password changed"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The current password is wrong or the new one is not allowed", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn change_password(
    State(state): State<AppState>,
    user: CurrentUser,
    Json(body): Json<PasswordChange>,
) -> Result<StatusCode, AppError> {
    super::change_password(&state, &user, &body.current_password, &body.new_password).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TimeZoneSetting {
    /// An IANA time zone name.
    #[schema(example = "America/Chicago")]
    time_zone: String,
}

/// Say which time zone I live in: what "today" means for my recovery
/// counters and check-ins.
#[utoipa::path(
    put,
    path = "/api/v1/me/time-zone",
    tag = "accounts",
    security(("bearer" = [])),
    request_body = TimeZoneSetting,
    responses(
        (status = 204, description = "The time zone is saved"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Not a time zone Hearth knows", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn put_time_zone(
    State(state): State<AppState>,
    user: CurrentUser,
    Json(body): Json<TimeZoneSetting>,
) -> Result<StatusCode, AppError> {
    super::set_time_zone(&state, &user, &body.time_zone).await?;
    Ok(StatusCode::NO_CONTENT)
}
