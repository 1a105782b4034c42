//! A member's private journal: entries in a small Markdown subset, sealed
//! at rest, read and rewritten by their writer alone. Words that read as a
//! crisis bring the crisis lines at once; the entry is kept either way.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Extension, Form, Json};
use hearth_domain::groups::markdown::render_markdown;
use hearth_domain::recovery::{JournalError, JournalText};
use hearth_domain::safety::crisis;
use hearth_store::recovery::{JournalEntry, JournalEntryId};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::Routes;
use super::{not_found, today_of};
use crate::auth::CurrentUser;
use crate::error::{FieldError, Problem};
use crate::i18n::{Lang, Message};
use crate::page::{PageContext, render};
use crate::safety::{CrisisResource, CrisisView};
use crate::{AppError, AppState};

pub(super) fn page_routes() -> Routes {
    vec![
        ("/recovery/journal", get(journal).post(write)),
        ("/recovery/journal/{entry}", get(entry).post(rewrite)),
        ("/recovery/journal/{entry}/delete", post(delete)),
    ]
}

/// How long an entry's name is in the list.
const NAME_CHARS: usize = 80;

fn journal_message(error: JournalError) -> Message {
    match error {
        JournalError::Empty => Message::new("journal-empty"),
        JournalError::TooLong { max } => Message::new("journal-too-long").with("max", max as i64),
    }
}

fn journal_field_error(error: JournalError) -> FieldError {
    FieldError {
        field: error.field(),
        code: error.code(),
        message: journal_message(error),
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct JournalForm {
    #[serde(default)]
    body: String,
}

#[derive(Template)]
#[template(path = "recovery/journal.html")]
struct JournalPage {
    ctx: PageContext,
    /// Each entry: id, date, name.
    entries: Vec<(i64, String, String)>,
    body: String,
    problem: Option<String>,
}

async fn journal_page(
    state: &AppState,
    ctx: PageContext,
    user: &CurrentUser,
    body: String,
    problem: Option<String>,
) -> Result<JournalPage, AppError> {
    let entries = state.store.journal(user.account.id).await?;
    Ok(JournalPage {
        entries: (entries.iter())
            .map(|entry| {
                let name = entry.text.first_line(NAME_CHARS);
                (entry.id.0, ctx.lang.date(entry.day), name)
            })
            .collect(),
        body,
        problem,
        ctx,
    })
}

async fn journal(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
) -> Result<Response, AppError> {
    let page = journal_page(&state, ctx, &user, String::new(), None).await?;
    Ok(render(&page)?.into_response())
}

/// Where a member lands after writing: their entry, with the crisis lines
/// first when the words read as a crisis.
fn written(id: JournalEntryId, text: &JournalText) -> Redirect {
    if crisis::assess(text.as_str()).detected() {
        Redirect::to(&format!("/recovery/journal/{}?written=crisis#crisis", id.0))
    } else {
        Redirect::to(&format!("/recovery/journal/{}?written=1", id.0))
    }
}

async fn write(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
    Form(form): Form<JournalForm>,
) -> Result<Response, AppError> {
    let text = match JournalText::parse(&form.body) {
        Ok(text) => text,
        Err(error) => {
            let problem = Some(ctx.message(&journal_message(error)));
            let page = journal_page(&state, ctx, &user, form.body, problem).await?;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response());
        }
    };
    let id = (state.store)
        .write_journal_entry(
            user.account.id,
            today_of(&state, &user),
            &text,
            Timestamp::now(),
        )
        .await?;
    Ok(written(id, &text).into_response())
}

#[derive(Template)]
#[template(path = "recovery/journal_entry.html")]
struct EntryPage {
    ctx: PageContext,
    id: i64,
    date: String,
    html: String,
    /// What the edit box holds: the entry, or what was just typed.
    body: String,
    saved: bool,
    problem: Option<String>,
    crisis: Vec<CrisisResource>,
}

#[derive(Debug, Deserialize)]
struct WrittenQuery {
    written: Option<String>,
}

async fn found_entry(
    state: &AppState,
    user: &CurrentUser,
    id: JournalEntryId,
) -> Result<JournalEntry, AppError> {
    (state.store.journal_entry(user.account.id, id).await?).ok_or(AppError::NotFound)
}

async fn entry(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
    headers: HeaderMap,
    Path(entry): Path<i64>,
    Query(query): Query<WrittenQuery>,
) -> Result<Response, AppError> {
    let entry = found_entry(&state, &user, JournalEntryId(entry)).await?;
    // Only the entry's own words can bring the crisis lines up, not a link.
    let crisis = match query.written.as_deref() {
        Some("crisis") => {
            CrisisView::of_text(&state, entry.text.as_str(), ctx.lang, &headers).into_resources()
        }
        _ => Vec::new(),
    };
    let page = EntryPage {
        id: entry.id.0,
        date: ctx.lang.date(entry.day),
        html: render_markdown(entry.text.as_str()),
        body: entry.text.as_str().to_owned(),
        saved: query.written.is_some(),
        problem: None,
        crisis,
        ctx,
    };
    Ok(render(&page)?.into_response())
}

async fn rewrite(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
    Path(entry): Path<i64>,
    Form(form): Form<JournalForm>,
) -> Result<Response, AppError> {
    let id = JournalEntryId(entry);
    let stored = found_entry(&state, &user, id).await?;
    let text = match JournalText::parse(&form.body) {
        Ok(text) => text,
        Err(error) => {
            let page = EntryPage {
                id: stored.id.0,
                date: ctx.lang.date(stored.day),
                html: render_markdown(stored.text.as_str()),
                body: form.body,
                saved: false,
                problem: Some(ctx.message(&journal_message(error))),
                crisis: Vec::new(),
                ctx,
            };
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response());
        }
    };
    (state.store)
        .rewrite_journal_entry(user.account.id, id, &text, Timestamp::now())
        .await
        .map_err(not_found)?;
    Ok(written(id, &text).into_response())
}

async fn delete(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(entry): Path<i64>,
) -> Result<Response, AppError> {
    (state.store)
        .delete_journal_entry(user.account.id, JournalEntryId(entry))
        .await
        .map_err(not_found)?;
    Ok(Redirect::to("/recovery/journal").into_response())
}

/// `/api/v1/recovery/journal` and its entries.
pub(super) fn api_routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(api_journal, api_write))
        .routes(routes!(api_entry, api_rewrite, api_delete))
}

/// A journal entry.
#[derive(Debug, Serialize, ToSchema)]
pub struct JournalEntryJson {
    id: i64,
    /// `YYYY-MM-DD`: my local day it was written on.
    day: String,
    /// As I wrote it (Markdown).
    body: String,
    /// The body rendered to safe HTML.
    html: String,
    created_at: String,
    updated_at: String,
}

impl JournalEntryJson {
    fn new(entry: &JournalEntry) -> JournalEntryJson {
        JournalEntryJson {
            id: entry.id.0,
            day: entry.day.to_string(),
            body: entry.text.as_str().to_owned(),
            html: render_markdown(entry.text.as_str()),
            created_at: entry.created_at.to_string(),
            updated_at: entry.updated_at.to_string(),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct JournalJson {
    /// Newest first.
    entries: Vec<JournalEntryJson>,
}

/// My journal, newest first.
#[utoipa::path(
    get,
    path = "/api/v1/recovery/journal",
    tag = "recovery",
    security(("bearer" = [])),
    responses(
        (status = 200, body = JournalJson),
        (status = 401, description = "Sign in first", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn api_journal(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Json<JournalJson>, AppError> {
    let entries = state.store.journal(user.account.id).await?;
    Ok(Json(JournalJson {
        entries: entries.iter().map(JournalEntryJson::new).collect(),
    }))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct JournalRequest {
    /// Markdown: paragraphs, emphasis, lists, quotes and links.
    body: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct WrittenEntryJson {
    #[serde(flatten)]
    entry: JournalEntryJson,
    /// Whether what I wrote reads as a crisis, with the lines to call.
    crisis: CrisisView,
}

fn parse_body(body: &str) -> Result<JournalText, AppError> {
    JournalText::parse(body).map_err(|error| AppError::Invalid(vec![journal_field_error(error)]))
}

/// Write a new entry, dated my today.
#[utoipa::path(
    post,
    path = "/api/v1/recovery/journal",
    tag = "recovery",
    security(("bearer" = [])),
    request_body = JournalRequest,
    responses(
        (status = 201, body = WrittenEntryJson),
        (status = 422, description = "The entry is empty or too long", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn api_write(
    State(state): State<AppState>,
    Extension(lang): Extension<Lang>,
    user: CurrentUser,
    headers: HeaderMap,
    Json(body): Json<JournalRequest>,
) -> Result<Response, AppError> {
    let text = parse_body(&body.body)?;
    let id = (state.store)
        .write_journal_entry(
            user.account.id,
            today_of(&state, &user),
            &text,
            Timestamp::now(),
        )
        .await?;
    let entry = found_entry(&state, &user, id).await?;
    let crisis = CrisisView::of_text(&state, text.as_str(), lang, &headers);
    let body = WrittenEntryJson {
        entry: JournalEntryJson::new(&entry),
        crisis,
    };
    Ok((StatusCode::CREATED, Json(body)).into_response())
}

/// One entry of my journal.
#[utoipa::path(
    get,
    path = "/api/v1/recovery/journal/{entry}",
    tag = "recovery",
    security(("bearer" = [])),
    params(("entry" = i64, Path, description = "The entry's id")),
    responses(
        (status = 200, body = JournalEntryJson),
        (status = 404, description = "No entry of mine with that id", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn api_entry(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(entry): Path<i64>,
) -> Result<Json<JournalEntryJson>, AppError> {
    let entry = found_entry(&state, &user, JournalEntryId(entry)).await?;
    Ok(Json(JournalEntryJson::new(&entry)))
}

/// Rewrite one of my entries.
#[utoipa::path(
    put,
    path = "/api/v1/recovery/journal/{entry}",
    tag = "recovery",
    security(("bearer" = [])),
    params(("entry" = i64, Path, description = "The entry's id")),
    request_body = JournalRequest,
    responses(
        (status = 200, body = WrittenEntryJson),
        (status = 404, description = "No entry of mine with that id", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The entry is empty or too long", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn api_rewrite(
    State(state): State<AppState>,
    Extension(lang): Extension<Lang>,
    user: CurrentUser,
    headers: HeaderMap,
    Path(entry): Path<i64>,
    Json(body): Json<JournalRequest>,
) -> Result<Json<WrittenEntryJson>, AppError> {
    let id = JournalEntryId(entry);
    found_entry(&state, &user, id).await?;
    let text = parse_body(&body.body)?;
    (state.store)
        .rewrite_journal_entry(user.account.id, id, &text, Timestamp::now())
        .await
        .map_err(not_found)?;
    let entry = found_entry(&state, &user, id).await?;
    let crisis = CrisisView::of_text(&state, text.as_str(), lang, &headers);
    Ok(Json(WrittenEntryJson {
        entry: JournalEntryJson::new(&entry),
        crisis,
    }))
}

/// Delete one of my entries, for good.
#[utoipa::path(
    delete,
    path = "/api/v1/recovery/journal/{entry}",
    tag = "recovery",
    security(("bearer" = [])),
    params(("entry" = i64, Path, description = "The entry's id")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 404, description = "No entry of mine with that id", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn api_delete(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(entry): Path<i64>,
) -> Result<StatusCode, AppError> {
    (state.store)
        .delete_journal_entry(user.account.id, JournalEntryId(entry))
        .await
        .map_err(not_found)?;
    Ok(StatusCode::NO_CONTENT)
}
