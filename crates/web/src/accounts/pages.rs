//! The account pages: join, sign in, sign out, and "your account".

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::header::{LOCATION, RETRY_AFTER, SET_COOKIE};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use hearth_store::sessions::SessionId;
use jiff::Timestamp;
use serde::Deserialize;

use super::Registration;
use crate::auth::session::{self, cleared_session_cookie, session_cookie, user_agent};
use crate::auth::{ClientAddress, CurrentUser};
use crate::i18n::{Lang, Message};
use crate::page::{PageContext, render};
use crate::{AppError, AppState};

/// The messages of a form that came back with problems, in the page's
/// language, by field.
#[derive(Debug, Default)]
pub struct FormErrors {
    fields: Vec<(&'static str, String)>,
    /// A problem with the form as a whole, not one field.
    pub summary: Option<String>,
}

impl FormErrors {
    /// The errors a form shows for a failure; other failures pass through to
    /// the error page.
    fn from_error(error: AppError, lang: Lang) -> Result<FormErrors, AppError> {
        match error {
            AppError::Invalid(errors) => Ok(FormErrors {
                fields: errors
                    .iter()
                    .map(|e| (e.field, lang.message(&e.message)))
                    .collect(),
                summary: None,
            }),
            AppError::WrongCredentials | AppError::TooManyAttempts { .. } => Ok(FormErrors {
                fields: Vec::new(),
                summary: Some(error.detail(lang)),
            }),
            other => Err(other),
        }
    }

    /// The message for one field, if it has one.
    pub fn get(&self, field: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(name, _)| *name == field)
            .map(|(_, message)| message.as_str())
    }

    pub fn is_empty(&self) -> bool {
        self.fields.is_empty() && self.summary.is_none()
    }
}

#[derive(Template)]
#[template(path = "register.html")]
struct RegisterPage {
    ctx: PageContext,
    handle: String,
    email: String,
    errors: FormErrors,
}

#[derive(Debug, Deserialize)]
pub struct RegisterForm {
    #[serde(default)]
    handle: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    email: String,
}

pub async fn register_page(ctx: PageContext) -> Result<Response, AppError> {
    let page = RegisterPage {
        ctx,
        handle: String::new(),
        email: String::new(),
        errors: FormErrors::default(),
    };
    Ok(render(&page)?.into_response())
}

pub async fn register(
    State(state): State<AppState>,
    ctx: PageContext,
    headers: HeaderMap,
    Form(form): Form<RegisterForm>,
) -> Result<Response, AppError> {
    let outcome = match Registration::parse(&form.handle, &form.password, Some(&form.email)) {
        Ok(registration) => super::register(&state, registration).await,
        Err(error) => Err(error),
    };
    let account = match outcome {
        Ok(account) => account,
        Err(AppError::Conflict(message)) => {
            let errors = FormErrors {
                fields: vec![("handle", ctx.message(&message))],
                summary: None,
            };
            return register_again(ctx, form, errors, StatusCode::CONFLICT);
        }
        Err(error) => {
            let errors = FormErrors::from_error(error, ctx.lang)?;
            return register_again(ctx, form, errors, StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    let new = session::start(&state, &account, user_agent(&headers)).await?;
    Ok(see_other_with_cookie(
        "/account",
        &session_cookie(&state, &new.token),
    ))
}

fn register_again(
    ctx: PageContext,
    form: RegisterForm,
    errors: FormErrors,
    status: StatusCode,
) -> Result<Response, AppError> {
    let page = RegisterPage {
        ctx,
        handle: form.handle,
        email: form.email,
        errors,
    };
    Ok((status, render(&page)?).into_response())
}

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage {
    ctx: PageContext,
    handle: String,
    next: String,
    errors: FormErrors,
}

#[derive(Debug, Deserialize)]
pub struct LoginQuery {
    #[serde(default)]
    next: String,
}

#[derive(Debug, Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    handle: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: String,
}

pub async fn login_page(
    ctx: PageContext,
    Query(query): Query<LoginQuery>,
) -> Result<Response, AppError> {
    let page = LoginPage {
        ctx,
        handle: String::new(),
        next: safe_next(&query.next).to_owned(),
        errors: FormErrors::default(),
    };
    Ok(render(&page)?.into_response())
}

pub async fn login(
    State(state): State<AppState>,
    ctx: PageContext,
    address: ClientAddress,
    headers: HeaderMap,
    Form(form): Form<LoginForm>,
) -> Result<Response, AppError> {
    let account = match super::sign_in(&state, &form.handle, &form.password, &address).await {
        Ok(account) => account,
        Err(error) => {
            let status = error.status();
            let retry_after = match &error {
                AppError::TooManyAttempts { retry_after } => Some(retry_after.as_secs().max(1)),
                _ => None,
            };
            let errors = FormErrors::from_error(error, ctx.lang)?;
            let page = LoginPage {
                ctx,
                handle: form.handle,
                next: safe_next(&form.next).to_owned(),
                errors,
            };
            let mut response = (status, render(&page)?).into_response();
            if let Some(seconds) = retry_after {
                response.headers_mut().insert(RETRY_AFTER, seconds.into());
            }
            return Ok(response);
        }
    };
    let new = session::start(&state, &account, user_agent(&headers)).await?;
    Ok(see_other_with_cookie(
        safe_next(&form.next),
        &session_cookie(&state, &new.token),
    ))
}

/// Where to go after signing in: only paths on this site, so a crafted link
/// cannot send someone elsewhere.
fn safe_next(next: &str) -> &str {
    crate::page::local_path(next).unwrap_or("/account")
}

pub async fn logout(
    State(state): State<AppState>,
    user: Option<CurrentUser>,
) -> Result<Response, AppError> {
    if let Some(user) = user {
        state
            .store
            .revoke_session(user.account.id, user.session_id)
            .await?;
    }
    Ok(see_other_with_cookie("/", &cleared_session_cookie(&state)))
}

#[derive(Template)]
#[template(path = "account.html")]
struct AccountPage {
    ctx: PageContext,
    handle: String,
    email: Option<String>,
    member_since: String,
    sessions: Vec<SessionView>,
    /// The language chosen in settings; `None` follows the browser.
    locale: Option<String>,
    /// The time zone chosen, or what was just typed into its field.
    time_zone: String,
    notice: Notice,
    errors: FormErrors,
}

struct SessionView {
    id: i64,
    device: String,
    started: String,
    last_active: String,
    is_current: bool,
}

impl SessionView {
    fn times(&self, lang: &Lang) -> String {
        lang.message(
            &Message::new("account-session-times")
                .with("started", self.started.as_str())
                .with("last_active", self.last_active.as_str()),
        )
    }
}

/// A short confirmation shown at the top of the account page after a change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum Notice {
    #[default]
    None,
    PasswordChanged,
    SessionEnded,
    OthersSignedOut,
    LanguageChanged,
    TimeZoneChanged,
}

#[derive(Debug, Deserialize)]
pub struct AccountQuery {
    #[serde(default)]
    notice: Notice,
}

pub async fn account_page(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
    Query(query): Query<AccountQuery>,
) -> Result<Response, AppError> {
    let page = account_view(&state, ctx, &user, query.notice, FormErrors::default()).await?;
    Ok(render(&page)?.into_response())
}

async fn account_view(
    state: &AppState,
    ctx: PageContext,
    user: &CurrentUser,
    notice: Notice,
    errors: FormErrors,
) -> Result<AccountPage, AppError> {
    let sessions = state
        .store
        .sessions_for_account(user.account.id, Timestamp::now())
        .await?;
    let lang = ctx.lang;
    Ok(AccountPage {
        handle: user.account.handle.clone(),
        email: user.account.email.clone(),
        member_since: lang.date(
            user.account
                .created_at
                .to_zoned(jiff::tz::TimeZone::UTC)
                .date(),
        ),
        sessions: sessions
            .into_iter()
            .map(|s| SessionView {
                id: s.id.0,
                device: s.user_agent.unwrap_or_default(),
                started: lang.date_time_utc(s.created_at),
                last_active: lang.date_time_utc(s.last_seen_at),
                is_current: s.id == user.session_id,
            })
            .collect(),
        locale: user.account.locale.clone(),
        time_zone: user.account.time_zone.clone().unwrap_or_default(),
        notice,
        errors,
        ctx,
    })
}

#[derive(Debug, Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    current_password: String,
    #[serde(default)]
    new_password: String,
}

pub async fn change_password(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
    Form(form): Form<PasswordForm>,
) -> Result<Response, AppError> {
    match super::change_password(&state, &user, &form.current_password, &form.new_password).await {
        Ok(()) => Ok(Redirect::to("/account?notice=password-changed").into_response()),
        Err(error) => {
            let errors = FormErrors::from_error(error, ctx.lang)?;
            let page = account_view(&state, ctx, &user, Notice::None, errors).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
        }
    }
}

#[derive(Debug, Deserialize)]
pub struct TimeZoneForm {
    #[serde(default)]
    time_zone: String,
}

pub async fn change_time_zone(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
    Form(form): Form<TimeZoneForm>,
) -> Result<Response, AppError> {
    match super::set_time_zone(&state, &user, &form.time_zone).await {
        Ok(()) => Ok(Redirect::to("/account?notice=time-zone-changed").into_response()),
        Err(error) => {
            let errors = FormErrors::from_error(error, ctx.lang)?;
            let page = account_view(&state, ctx, &user, Notice::None, errors).await?;
            let page = AccountPage {
                time_zone: form.time_zone,
                ..page
            };
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
        }
    }
}

pub async fn revoke_session(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let id = SessionId(id);
    if !state.store.revoke_session(user.account.id, id).await? {
        return Err(AppError::NotFound);
    }
    if id == user.session_id {
        return Ok(see_other_with_cookie("/", &cleared_session_cookie(&state)));
    }
    Ok(Redirect::to("/account?notice=session-ended").into_response())
}

pub async fn revoke_other_sessions(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Response, AppError> {
    state
        .store
        .revoke_other_sessions(user.account.id, Some(user.session_id))
        .await?;
    Ok(Redirect::to("/account?notice=others-signed-out").into_response())
}

pub async fn revoke_all_sessions(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Response, AppError> {
    state
        .store
        .revoke_other_sessions(user.account.id, None)
        .await?;
    Ok(see_other_with_cookie("/", &cleared_session_cookie(&state)))
}

pub(crate) fn see_other_with_cookie(location: &str, cookie: &str) -> Response {
    let mut response = StatusCode::SEE_OTHER.into_response();
    let headers = response.headers_mut();
    if let Ok(value) = location.parse() {
        headers.insert(LOCATION, value);
    }
    if let Ok(value) = cookie.parse() {
        headers.insert(SET_COOKIE, value);
    }
    response
}
