//! Choosing a language: the menu in every page's footer, the setting on the
//! account page, and the same setting in the API.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Form, Json};
use serde::Deserialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::accounts::pages::see_other_with_cookie;
use crate::auth::{CurrentUser, set_cookie};
use crate::error::Problem;
use crate::i18n::{LANG_COOKIE, Lang};
use crate::page::local_path;
use crate::{AppError, AppState, accounts};

/// A language choice lasts a year in the browser.
const LANG_COOKIE_MAX_AGE_SECONDS: i64 = 365 * 24 * 3600;

#[derive(Debug, Deserialize)]
pub struct MenuForm {
    #[serde(default)]
    lang: String,
    #[serde(default)]
    next: String,
}

/// The footer's language menu: remembers the choice in a cookie (and in the
/// account, for someone signed in, since the account setting comes first),
/// then goes back to the page it was chosen on.
pub async fn choose(
    State(state): State<AppState>,
    user: Option<CurrentUser>,
    Form(form): Form<MenuForm>,
) -> Result<Response, AppError> {
    let lang = Lang::from_code(&form.lang).ok_or(AppError::NotFound)?;
    if let Some(user) = &user {
        accounts::set_language(&state, user, Some(lang.code())).await?;
    }
    let cookie = set_cookie(
        LANG_COOKIE,
        lang.code(),
        Some(LANG_COOKIE_MAX_AGE_SECONDS),
        state.config.secure_cookies,
    );
    Ok(see_other_with_cookie(
        local_path(&form.next).unwrap_or("/"),
        &cookie,
    ))
}

#[derive(Debug, Deserialize)]
pub struct SettingForm {
    /// A language code, or empty for "the same as my browser".
    #[serde(default)]
    locale: String,
}

/// The account page's language setting. "The same as my browser" also
/// forgets the menu's cookie, so the browser's wish really does apply.
pub async fn save_setting(
    State(state): State<AppState>,
    user: CurrentUser,
    Form(form): Form<SettingForm>,
) -> Result<Response, AppError> {
    accounts::set_language(&state, &user, Some(&form.locale)).await?;
    let target = "/account?notice=language-changed";
    if form.locale.trim().is_empty() {
        let forget = set_cookie(LANG_COOKIE, "", Some(0), state.config.secure_cookies);
        return Ok(see_other_with_cookie(target, &forget));
    }
    Ok(Redirect::to(target).into_response())
}

pub fn api_routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(put_locale))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LocaleSetting {
    /// A language Hearth speaks (`en`, `es`), or null to follow the
    /// `Accept-Language` of each request.
    #[schema(example = "es")]
    locale: Option<String>,
}

/// Choose the language Hearth answers me in, on every device.
#[utoipa::path(
    put,
    path = "/api/v1/me/locale",
    tag = "accounts",
    security(("bearer" = [])),
    request_body = LocaleSetting,
    responses(
        (status = 204, description = "The language is saved"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Hearth does not speak that language", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn put_locale(
    State(state): State<AppState>,
    user: CurrentUser,
    Json(body): Json<LocaleSetting>,
) -> Result<StatusCode, AppError> {
    accounts::set_language(&state, &user, body.locale.as_deref()).await?;
    Ok(StatusCode::NO_CONTENT)
}
