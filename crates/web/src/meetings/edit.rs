//! Keeping the meeting list: people with the `directory` role create, edit
//! and delete meetings, and every change is kept in the meeting's history.

use std::collections::HashMap;

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use hearth_domain::meetings::edit::MeetingInput;
use hearth_domain::meetings::feed::RecordError;
use hearth_domain::people::Role;
use hearth_store::StoreError;
use hearth_store::meetings::StoredMeeting;
use hearth_store::people::AccountId;
use jiff::Timestamp;

use crate::auth::CurrentUser;
use crate::i18n::Message;
use crate::page::{PageContext, render};
use crate::{AppError, AppState};

/// Where meetings made by hand on this site come from, beside the feed
/// sources an import names.
pub const LOCAL_SOURCE: &str = "local";

pub fn is_editor(user: &CurrentUser) -> bool {
    user.roles.contains(&Role::Directory)
}

fn require_editor(user: &CurrentUser) -> Result<(), AppError> {
    if is_editor(user) {
        Ok(())
    } else {
        Err(AppError::NotAllowed)
    }
}

#[derive(Template)]
#[template(path = "meetings/edit.html")]
struct EditPage {
    ctx: PageContext,
    /// `None` for a new meeting.
    slug: Option<String>,
    input: MeetingInput,
    /// The field that is wrong and what to say about it.
    problem: Option<(String, String)>,
}

impl EditPage {
    /// The day checkboxes: (number, name, ticked).
    fn day_boxes(&self) -> Vec<(u8, String, bool)> {
        (0..7u8)
            .map(|day| {
                let name = self.ctx.t_with("finder-weekday", "day", i64::from(day));
                (day, name, self.input.has_day(day))
            })
            .collect()
    }

    fn problem_for(&self, field: &str) -> Option<&str> {
        self.problem
            .as_ref()
            .filter(|(name, _)| name == field)
            .map(|(_, message)| message.as_str())
    }
}

fn form_problem(error: &RecordError, ctx: &PageContext) -> (String, String) {
    let (field, id) = match error {
        RecordError::Missing(field) => (field.to_string(), "meeting-field-required"),
        RecordError::Invalid { field, .. } => {
            let id = match field.as_str() {
                "time" | "end_time" => "meeting-field-time",
                "timezone" => "meeting-field-timezone",
                "latitude" | "longitude" => "meeting-field-coordinate",
                _ => "meeting-field-invalid",
            };
            (field.clone(), id)
        }
        RecordError::UnknownDefaultTimezone(_) => ("timezone".to_owned(), "meeting-field-timezone"),
        RecordError::NotAnObject(_) => ("name".to_owned(), "meeting-field-invalid"),
    };
    (field, ctx.t(id))
}

/// The meeting form: blank, filled in, or back with what was wrong (422).
fn show_form(
    ctx: PageContext,
    slug: Option<String>,
    input: MeetingInput,
    problem: Option<(String, String)>,
) -> Result<Response, AppError> {
    let status = if problem.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let page = EditPage {
        ctx,
        slug,
        input,
        problem,
    };
    Ok((status, render(&page)?).into_response())
}

pub async fn new_page(ctx: PageContext, user: CurrentUser) -> Result<Response, AppError> {
    require_editor(&user)?;
    show_form(ctx, None, MeetingInput::default(), None)
}

pub async fn create(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
    Form(input): Form<MeetingInput>,
) -> Result<Response, AppError> {
    require_editor(&user)?;
    let now = Timestamp::now();
    let outcome = match input.apply(None, now) {
        Ok(meeting) => state
            .store
            .create_meeting(LOCAL_SOURCE, &meeting, user.account.id, now)
            .await
            .map(|()| meeting)
            .map_err(|error| match error {
                StoreError::Conflict(_) => {
                    Some(("slug".to_owned(), ctx.t("meeting-field-slug-taken")))
                }
                other => {
                    tracing::error!(%other, "saving a new meeting");
                    None
                }
            }),
        Err(error) => Err(Some(form_problem(&error, &ctx))),
    };
    match outcome {
        Ok(meeting) => Ok(Redirect::to(&format!("/meetings/{}", meeting.slug)).into_response()),
        Err(Some(problem)) => show_form(ctx, None, input, Some(problem)),
        Err(None) => Err(AppError::internal("saving a new meeting failed")),
    }
}

async fn editable(
    state: &AppState,
    user: &CurrentUser,
    slug: &str,
) -> Result<StoredMeeting, AppError> {
    require_editor(user)?;
    state
        .store
        .meeting_by_slug(slug)
        .await?
        .ok_or(AppError::NotFound)
}

pub async fn edit_page(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let stored = editable(&state, &user, &slug).await?;
    let input = MeetingInput::from_meeting(&stored.meeting);
    show_form(ctx, Some(stored.meeting.slug), input, None)
}

pub async fn update(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
    Path(slug): Path<String>,
    Form(mut input): Form<MeetingInput>,
) -> Result<Response, AppError> {
    let stored = editable(&state, &user, &slug).await?;
    // The slug is the meeting's address: it does not change.
    input.slug = stored.meeting.slug.clone();
    let now = Timestamp::now();
    match input.apply(Some(&stored.meeting.record), now) {
        Ok(meeting) => {
            state
                .store
                .update_meeting(&stored.source, &meeting, user.account.id, now)
                .await?;
            Ok(Redirect::to(&format!("/meetings/{}", meeting.slug)).into_response())
        }
        Err(error) => {
            let problem = form_problem(&error, &ctx);
            show_form(ctx, Some(slug), input, Some(problem))
        }
    }
}

pub async fn delete(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let stored = editable(&state, &user, &slug).await?;
    state
        .store
        .delete_meeting(&stored.source, &slug, user.account.id, Timestamp::now())
        .await?;
    Ok(Redirect::to("/meetings").into_response())
}

#[derive(Template)]
#[template(path = "meetings/history.html")]
struct HistoryPage {
    ctx: PageContext,
    name: String,
    slug: String,
    entries: Vec<HistoryEntry>,
}

struct HistoryEntry {
    when: String,
    who: String,
    what: String,
}

pub async fn history(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let stored = editable(&state, &user, &slug).await?;
    let changes = state.store.meeting_changes(&stored.source, &slug).await?;
    let mut entries = Vec::new();
    // Editors are few and make many changes: look each one up once.
    let mut handles: HashMap<AccountId, String> = HashMap::new();
    for change in changes.iter().rev() {
        let who = match change.account_id {
            Some(id) => match handles.get(&id) {
                Some(handle) => handle.clone(),
                None => {
                    let handle = state
                        .store
                        .account(id)
                        .await?
                        .map_or_else(|| ctx.t("history-former-member"), |account| account.handle);
                    handles.insert(id, handle.clone());
                    handle
                }
            },
            None => ctx.t_with("history-import", "source", stored.source.as_str()),
        };
        let fields: Vec<&str> = change.change["fields"]
            .as_array()
            .map(|fields| fields.iter().filter_map(|f| f.as_str()).collect())
            .unwrap_or_default();
        let action = change.change["action"].as_str().unwrap_or_default();
        let what = ctx.message(
            &Message::new("history-change")
                .with("action", action)
                .with("fields", fields.join(", ")),
        );
        entries.push(HistoryEntry {
            when: ctx.date_time(&change.changed_at),
            who,
            what,
        });
    }
    let page = HistoryPage {
        name: stored.meeting.name,
        slug,
        entries,
        ctx,
    };
    Ok(render(&page)?.into_response())
}
