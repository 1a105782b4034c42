//! Blocking and muting another person: a block collapses their posts for
//! me and stops anything they do reaching me; a mute hides their posts from
//! me, and they are not told. Either can be taken back.
//!
//! Neither touches an anonymous post: collapsing one would tell me who
//! wrote it. Reporting someone works whatever either of you chose.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Json, Router};
use hearth_store::StoreError;
use hearth_store::groups::posts::Author;
use hearth_store::people::{AccountId, FilterKind, PersonFilter};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::CurrentUser;
use crate::error::{FieldError, Problem};
use crate::i18n::Message;
use crate::page::{PageContext, local_path, render};
use crate::{AppError, AppState};

/// Whom the reader blocked or muted, for the pages and API answers that
/// show posts.
#[derive(Debug, Default)]
pub(crate) struct Filters(HashMap<AccountId, FilterKind>);

impl Filters {
    /// The reader's choices: read only for someone who made any, which the
    /// session already knows.
    pub(crate) async fn of(state: &AppState, reader: &CurrentUser) -> Result<Filters, AppError> {
        if !reader.filters_anyone {
            return Ok(Filters::default());
        }
        let chosen = state.store.person_filters(reader.account.id).await?;
        Ok(Filters(
            (chosen.into_iter())
                .map(|filter| (filter.other, filter.kind))
                .collect(),
        ))
    }

    /// What the reader chose about the author of a post; never anything
    /// for an anonymous one.
    pub(crate) fn about(&self, author: &Author) -> Option<FilterKind> {
        if author.anonymous {
            return None;
        }
        self.0.get(&author.account_id).copied()
    }

    pub(crate) fn mutes(&self, author: &Author) -> bool {
        self.about(author) == Some(FilterKind::Mute)
    }
}

pub fn page_routes() -> Router<AppState> {
    Router::new()
        .route("/people/{account}/block", post(block))
        .route("/people/{account}/mute", post(mute))
        .route("/people/{account}/unblock", post(unblock))
        .route("/account/people", get(people_page))
}

pub fn api_routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(set_filter, remove_filter))
        .routes(routes!(list_filters))
}

#[derive(Debug, Default, Deserialize)]
pub struct BackForm {
    /// The page to go back to.
    #[serde(default)]
    next: String,
}

async fn block(
    state: State<AppState>,
    user: CurrentUser,
    account: Path<i64>,
    form: Form<BackForm>,
) -> Result<Response, AppError> {
    choose(state, user, account, form, Some(FilterKind::Block)).await
}

async fn mute(
    state: State<AppState>,
    user: CurrentUser,
    account: Path<i64>,
    form: Form<BackForm>,
) -> Result<Response, AppError> {
    choose(state, user, account, form, Some(FilterKind::Mute)).await
}

async fn unblock(
    state: State<AppState>,
    user: CurrentUser,
    account: Path<i64>,
    form: Form<BackForm>,
) -> Result<Response, AppError> {
    choose(state, user, account, form, None).await
}

/// Blocks, mutes, or (`None`) takes either back, then goes back where the
/// person was.
async fn choose(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(account): Path<i64>,
    Form(form): Form<BackForm>,
    kind: Option<FilterKind>,
) -> Result<Response, AppError> {
    let other = AccountId(account);
    apply(&state, &user, other, kind).await?;
    let back = local_path(&form.next).unwrap_or("/account/people");
    Ok(Redirect::to(back).into_response())
}

async fn apply(
    state: &AppState,
    user: &CurrentUser,
    other: AccountId,
    kind: Option<FilterKind>,
) -> Result<(), AppError> {
    let me = user.account.id;
    match kind {
        Some(kind) => (state.store)
            .filter_person(me, other, kind, Timestamp::now())
            .await
            .map_err(|error| match error {
                StoreError::NotFound(_) => AppError::NotFound,
                other => other.into(),
            }),
        None => Ok(state.store.unfilter_person(me, other).await?),
    }
}

#[derive(Template)]
#[template(path = "blocks/people.html")]
struct PeoplePage {
    ctx: PageContext,
    people: Vec<PersonFilter>,
}

impl PeoplePage {
    fn kind_name(&self, kind: &FilterKind) -> String {
        self.ctx.t(match kind {
            FilterKind::Block => "blocks-blocked",
            FilterKind::Mute => "blocks-muted",
        })
    }
}

async fn people_page(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
) -> Result<Response, AppError> {
    let people = state.store.person_filters(user.account.id).await?;
    Ok(render(&PeoplePage { ctx, people })?.into_response())
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct FilterRequest {
    /// `block` or `mute`.
    kind: String,
}

/// Someone I blocked or muted.
#[derive(Debug, Serialize, ToSchema)]
pub struct FilterView {
    account_id: i64,
    handle: String,
    /// `block` or `mute`.
    kind: String,
    #[schema(value_type = String, format = DateTime)]
    since: Timestamp,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FiltersView {
    people: Vec<FilterView>,
}

/// Block or mute someone (replacing what I chose before). A block
/// collapses their posts for me and stops their replies and mentions
/// reaching me; a mute hides their posts from me. They are not told.
#[utoipa::path(
    put,
    path = "/api/v1/people/{account}/filter",
    tag = "safety",
    security(("bearer" = [])),
    params(("account" = i64, Path, description = "Their account id")),
    request_body = FilterRequest,
    responses(
        (status = 204, description = "Done"),
        (status = 404, description = "No such person (or it is me)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`kind` is not `block` or `mute`", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn set_filter(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(account): Path<i64>,
    Json(body): Json<FilterRequest>,
) -> Result<StatusCode, AppError> {
    let kind = FilterKind::parse(&body.kind).ok_or_else(|| {
        AppError::Invalid(vec![FieldError {
            field: "kind",
            code: "unknown_kind",
            message: Message::new("blocks-kind-unknown"),
        }])
    })?;
    apply(&state, &user, AccountId(account), Some(kind)).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Take a block or mute back. Taking back nothing changes nothing.
#[utoipa::path(
    delete,
    path = "/api/v1/people/{account}/filter",
    tag = "safety",
    security(("bearer" = [])),
    params(("account" = i64, Path, description = "Their account id")),
    responses(
        (status = 204, description = "Done"),
        (status = 401, description = "Sign in first", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn remove_filter(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(account): Path<i64>,
) -> Result<StatusCode, AppError> {
    apply(&state, &user, AccountId(account), None).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Everyone I blocked or muted.
#[utoipa::path(
    get,
    path = "/api/v1/account/filters",
    tag = "safety",
    security(("bearer" = [])),
    responses(
        (status = 200, body = FiltersView),
        (status = 401, description = "Sign in first", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn list_filters(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Json<FiltersView>, AppError> {
    let people = state.store.person_filters(user.account.id).await?;
    Ok(Json(FiltersView {
        people: (people.into_iter())
            .map(|filter| FilterView {
                account_id: filter.other.0,
                handle: filter.handle,
                kind: filter.kind.as_str().to_owned(),
                since: filter.created_at,
            })
            .collect(),
    }))
}
