//! A member's own goals: a title in their words, steps to tick off if they
//! like, and a place for goals done or put away.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Json};
use hearth_domain::recovery::{GoalError, GoalState, GoalTitle, StepText};
use hearth_store::recovery::{Goal, GoalId, GoalStepId};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::Routes;
use crate::auth::CurrentUser;
use crate::error::{FieldError, Problem};
use crate::i18n::Message;
use crate::page::{PageContext, render};
use crate::{AppError, AppState};

pub(super) fn page_routes() -> Routes {
    vec![
        ("/recovery/goals", get(goals).post(create)),
        ("/recovery/goals/{goal}", get(detail).post(rename)),
        ("/recovery/goals/{goal}/state", post(change_state)),
        ("/recovery/goals/{goal}/delete", post(delete)),
        ("/recovery/goals/{goal}/steps", post(add_step)),
        ("/recovery/goals/{goal}/steps/{step}", post(mark_step)),
        (
            "/recovery/goals/{goal}/steps/{step}/delete",
            post(delete_step),
        ),
    ]
}

/// What was wrong with a goal's field, in words.
fn goal_message(error: GoalError) -> Message {
    match error {
        GoalError::TitleEmpty => Message::new("goal-title-empty"),
        GoalError::TitleTooLong { max } => {
            Message::new("goal-title-too-long").with("max", max as i64)
        }
        GoalError::TitleControlCharacters => Message::new("goal-title-control"),
        GoalError::StepEmpty { .. } => Message::new("goal-step-empty"),
        GoalError::StepTooLong { max, .. } => {
            Message::new("goal-step-too-long").with("max", max as i64)
        }
        GoalError::StepControlCharacters { .. } => Message::new("goal-step-control"),
        GoalError::TooManySteps { max, .. } => {
            Message::new("goal-too-many-steps").with("max", max as i64)
        }
        GoalError::UnknownState => Message::new("goal-state-unknown"),
    }
}

fn goal_field_error(error: GoalError) -> FieldError {
    FieldError {
        field: error.field(),
        code: error.code(),
        message: goal_message(error),
    }
}

fn invalid(error: GoalError) -> AppError {
    AppError::Invalid(vec![goal_field_error(error)])
}

/// The field a goal's problem is in, and the problem in words.
fn goal_problem(ctx: &PageContext, error: GoalError) -> (&'static str, String) {
    (error.field(), ctx.message(&goal_message(error)))
}

fn state_message(state: GoalState) -> &'static str {
    match state {
        GoalState::Active => "goal-state-active",
        GoalState::Complete => "goal-state-complete",
        GoalState::Archived => "goal-state-archived",
    }
}

/// "2 of 5 steps done"; `None` for a goal without steps.
fn progress_text(ctx: &PageContext, goal: &Goal) -> Option<String> {
    let progress = goal.progress();
    (progress.total > 0).then(|| {
        ctx.message(
            &Message::new("goal-progress")
                .with("done", progress.done)
                .with("total", progress.total),
        )
    })
}

/// A goal in a list.
struct GoalItem {
    id: i64,
    title: String,
    progress: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct NewGoalForm {
    #[serde(default)]
    title: String,
    /// One step a line.
    #[serde(default)]
    steps: String,
}

#[derive(Template)]
#[template(path = "recovery/goals.html")]
struct GoalsPage {
    ctx: PageContext,
    /// The goals in each state, with the state's heading.
    groups: Vec<(String, Vec<GoalItem>)>,
    form: NewGoalForm,
    problem: Option<(&'static str, String)>,
}

impl GoalsPage {
    fn problem_in(&self, field: &str) -> Option<&str> {
        (self.problem.as_ref())
            .filter(|(at, _)| *at == field)
            .map(|(_, message)| message.as_str())
    }
}

async fn goals_page(
    state: &AppState,
    ctx: PageContext,
    user: &CurrentUser,
    form: NewGoalForm,
    problem: Option<(&'static str, String)>,
) -> Result<GoalsPage, AppError> {
    let goals = state.store.goals(user.account.id).await?;
    let groups = (GoalState::ALL.into_iter())
        .map(|state| {
            let items: Vec<GoalItem> = (goals.iter())
                .filter(|goal| goal.state == state)
                .map(|goal| GoalItem {
                    id: goal.id.0,
                    title: goal.title.clone(),
                    progress: progress_text(&ctx, goal),
                })
                .collect();
            (ctx.t(heading_message(state)), items)
        })
        .filter(|(_, items)| !items.is_empty())
        .collect();
    Ok(GoalsPage {
        groups,
        form,
        problem,
        ctx,
    })
}

fn heading_message(state: GoalState) -> &'static str {
    match state {
        GoalState::Active => "goal-active-heading",
        GoalState::Complete => "goal-complete-heading",
        GoalState::Archived => "goal-archived-heading",
    }
}

async fn goals(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
) -> Result<Response, AppError> {
    let page = goals_page(&state, ctx, &user, NewGoalForm::default(), None).await?;
    Ok(render(&page)?.into_response())
}

async fn create(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
    Form(form): Form<NewGoalForm>,
) -> Result<Response, AppError> {
    let parsed = GoalTitle::parse(&form.title)
        .and_then(|title| Ok((title, StepText::parse_lines(&form.steps)?)));
    let (title, steps) = match parsed {
        Ok(parsed) => parsed,
        Err(error) => {
            let problem = Some(goal_problem(&ctx, error));
            let page = goals_page(&state, ctx, &user, form, problem).await?;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response());
        }
    };
    let id = (state.store)
        .create_goal(user.account.id, &title, &steps, Timestamp::now())
        .await?;
    Ok(Redirect::to(&goal_path(id)).into_response())
}

fn goal_path(id: GoalId) -> String {
    format!("/recovery/goals/{}", id.0)
}

/// A step as the goal's page shows it.
struct StepView {
    id: i64,
    text: String,
    done: bool,
}

#[derive(Template)]
#[template(path = "recovery/goal.html")]
struct GoalPage {
    ctx: PageContext,
    id: i64,
    title: String,
    state: &'static str,
    progress: Option<String>,
    steps: Vec<StepView>,
    /// The other states it can be moved to: (code, button words).
    moves: Vec<(&'static str, String)>,
    /// What the rename box holds: the title, or what was just typed.
    title_form: String,
    /// What the new-step box holds.
    step_form: String,
    problem: Option<(&'static str, String)>,
}

impl GoalPage {
    fn problem_in(&self, field: &str) -> Option<&str> {
        (self.problem.as_ref())
            .filter(|(at, _)| *at == field)
            .map(|(_, message)| message.as_str())
    }
}

fn move_message(state: GoalState) -> &'static str {
    match state {
        GoalState::Active => "goal-move-active",
        GoalState::Complete => "goal-move-complete",
        GoalState::Archived => "goal-move-archived",
    }
}

/// What the goal's page shows besides the goal: a form as typed and what
/// was wrong with it.
#[derive(Default)]
struct Typed {
    title: Option<String>,
    step: String,
    problem: Option<(&'static str, String)>,
}

async fn goal_page(
    state: &AppState,
    ctx: PageContext,
    user: &CurrentUser,
    id: GoalId,
    typed: Typed,
) -> Result<GoalPage, AppError> {
    let goal = found_goal(state, user, id).await?;
    Ok(GoalPage {
        id: goal.id.0,
        state: state_message(goal.state),
        progress: progress_text(&ctx, &goal),
        steps: (goal.steps.iter())
            .map(|step| StepView {
                id: step.id.0,
                text: step.text.clone(),
                done: step.done,
            })
            .collect(),
        moves: (GoalState::ALL.into_iter())
            .filter(|&other| other != goal.state)
            .map(|other| (other.as_str(), ctx.t(move_message(other))))
            .collect(),
        title_form: typed.title.unwrap_or_else(|| goal.title.clone()),
        title: goal.title,
        step_form: typed.step,
        problem: typed.problem,
        ctx,
    })
}

async fn found_goal(state: &AppState, user: &CurrentUser, id: GoalId) -> Result<Goal, AppError> {
    (state.store.goal(user.account.id, id).await?).ok_or(AppError::NotFound)
}

async fn detail(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
    Path(goal): Path<i64>,
) -> Result<Response, AppError> {
    let page = goal_page(&state, ctx, &user, GoalId(goal), Typed::default()).await?;
    Ok(render(&page)?.into_response())
}

#[derive(Debug, Deserialize)]
pub struct RenameForm {
    #[serde(default)]
    title: String,
}

async fn rename(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
    Path(goal): Path<i64>,
    Form(form): Form<RenameForm>,
) -> Result<Response, AppError> {
    let id = GoalId(goal);
    let title = match GoalTitle::parse(&form.title) {
        Ok(title) => title,
        Err(error) => {
            let typed = Typed {
                problem: Some(goal_problem(&ctx, error)),
                title: Some(form.title),
                ..Typed::default()
            };
            return refused(&state, ctx, &user, id, typed).await;
        }
    };
    (state.store)
        .update_goal(user.account.id, id, Some(&title), None, Timestamp::now())
        .await?;
    Ok(Redirect::to(&goal_path(id)).into_response())
}

/// The goal's page again, with what was typed and what was wrong with it.
async fn refused(
    state: &AppState,
    ctx: PageContext,
    user: &CurrentUser,
    id: GoalId,
    typed: Typed,
) -> Result<Response, AppError> {
    let page = goal_page(state, ctx, user, id, typed).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
}

#[derive(Debug, Deserialize)]
pub struct StateForm {
    #[serde(default)]
    state: String,
}

async fn change_state(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(goal): Path<i64>,
    Form(form): Form<StateForm>,
) -> Result<Response, AppError> {
    let id = GoalId(goal);
    let moved = form.state.parse::<GoalState>().map_err(invalid)?;
    (state.store)
        .update_goal(user.account.id, id, None, Some(moved), Timestamp::now())
        .await?;
    Ok(Redirect::to(&goal_path(id)).into_response())
}

async fn delete(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(goal): Path<i64>,
) -> Result<Response, AppError> {
    (state.store)
        .delete_goal(user.account.id, GoalId(goal))
        .await?;
    Ok(Redirect::to("/recovery/goals").into_response())
}

#[derive(Debug, Deserialize)]
pub struct StepForm {
    #[serde(default)]
    text: String,
}

async fn add_step(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
    Path(goal): Path<i64>,
    Form(form): Form<StepForm>,
) -> Result<Response, AppError> {
    let id = GoalId(goal);
    let added = match StepText::parse(&form.text) {
        Ok(text) => {
            (state.store)
                .add_goal_step(user.account.id, id, &text, Timestamp::now())
                .await?
        }
        Err(error) => Err(error),
    };
    if let Err(error) = added {
        let typed = Typed {
            problem: Some(goal_problem(&ctx, error)),
            step: form.text,
            ..Typed::default()
        };
        return refused(&state, ctx, &user, id, typed).await;
    }
    Ok(Redirect::to(&format!("{}#steps-heading", goal_path(id))).into_response())
}

#[derive(Debug, Deserialize)]
pub struct MarkForm {
    done: bool,
}

async fn mark_step(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((goal, step)): Path<(i64, i64)>,
    Form(form): Form<MarkForm>,
) -> Result<Response, AppError> {
    let id = GoalId(goal);
    (state.store)
        .update_goal_step(
            user.account.id,
            id,
            GoalStepId(step),
            None,
            Some(form.done),
            Timestamp::now(),
        )
        .await?;
    Ok(Redirect::to(&format!("{}#step-{step}", goal_path(id))).into_response())
}

async fn delete_step(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((goal, step)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let id = GoalId(goal);
    (state.store)
        .delete_goal_step(user.account.id, id, GoalStepId(step), Timestamp::now())
        .await?;
    Ok(Redirect::to(&format!("{}#steps-heading", goal_path(id))).into_response())
}

/// `/api/v1/recovery/goals`, each goal, and its steps.
pub(super) fn api_routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(api_goals, api_create))
        .routes(routes!(api_goal, api_update, api_delete))
        .routes(routes!(api_add_step))
        .routes(routes!(api_update_step, api_delete_step))
}

/// A step toward a goal.
#[derive(Debug, Serialize, ToSchema)]
pub struct GoalStepJson {
    id: i64,
    text: String,
    done: bool,
}

/// A goal with its steps, in the order added.
#[derive(Debug, Serialize, ToSchema)]
pub struct GoalJson {
    id: i64,
    title: String,
    /// `active`, `complete` or `archived`.
    state: &'static str,
    steps: Vec<GoalStepJson>,
    steps_done: usize,
    /// Whole percent of the steps done, rounded down; `null` without steps.
    percent_done: Option<u8>,
    created_at: String,
    /// The last change to the goal or any of its steps.
    updated_at: String,
}

impl GoalJson {
    fn new(goal: Goal) -> GoalJson {
        let progress = goal.progress();
        GoalJson {
            id: goal.id.0,
            title: goal.title,
            state: goal.state.as_str(),
            steps: (goal.steps.into_iter())
                .map(|step| GoalStepJson {
                    id: step.id.0,
                    text: step.text,
                    done: step.done,
                })
                .collect(),
            steps_done: progress.done,
            percent_done: progress.percent(),
            created_at: goal.created_at.to_string(),
            updated_at: goal.updated_at.to_string(),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct GoalsJson {
    /// The latest set first.
    goals: Vec<GoalJson>,
}

/// My goals, the latest set first.
#[utoipa::path(
    get,
    path = "/api/v1/recovery/goals",
    tag = "recovery",
    security(("bearer" = [])),
    responses(
        (status = 200, body = GoalsJson),
        (status = 401, description = "Sign in first", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn api_goals(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Json<GoalsJson>, AppError> {
    let goals = state.store.goals(user.account.id).await?;
    Ok(Json(GoalsJson {
        goals: goals.into_iter().map(GoalJson::new).collect(),
    }))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct NewGoalRequest {
    /// Up to 120 characters, one line.
    title: String,
    /// Up to 20 steps of up to 200 characters each.
    #[serde(default)]
    steps: Vec<String>,
}

/// Set a goal, with the steps it starts with.
#[utoipa::path(
    post,
    path = "/api/v1/recovery/goals",
    tag = "recovery",
    security(("bearer" = [])),
    request_body = NewGoalRequest,
    responses(
        (status = 201, body = GoalJson),
        (status = 422, description = "A field is not valid", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn api_create(
    State(state): State<AppState>,
    user: CurrentUser,
    Json(body): Json<NewGoalRequest>,
) -> Result<Response, AppError> {
    let title = GoalTitle::parse(&body.title).map_err(invalid)?;
    let steps: Vec<&str> = body.steps.iter().map(String::as_str).collect();
    let steps = StepText::parse_list(&steps).map_err(invalid)?;
    let id = (state.store)
        .create_goal(user.account.id, &title, &steps, Timestamp::now())
        .await?;
    let goal = found_goal(&state, &user, id).await?;
    Ok((StatusCode::CREATED, Json(GoalJson::new(goal))).into_response())
}

/// One of my goals, with its steps.
#[utoipa::path(
    get,
    path = "/api/v1/recovery/goals/{goal}",
    tag = "recovery",
    security(("bearer" = [])),
    params(("goal" = i64, Path, description = "The goal's id")),
    responses(
        (status = 200, body = GoalJson),
        (status = 404, description = "No goal of mine with that id", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn api_goal(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(goal): Path<i64>,
) -> Result<Json<GoalJson>, AppError> {
    Ok(Json(GoalJson::new(
        found_goal(&state, &user, GoalId(goal)).await?,
    )))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct GoalChangeRequest {
    /// A new title; left as it is when left out.
    title: Option<String>,
    /// `active`, `complete` or `archived`; left as it is when left out.
    state: Option<String>,
}

/// Rename one of my goals, or mark it complete, archived or active again.
#[utoipa::path(
    patch,
    path = "/api/v1/recovery/goals/{goal}",
    tag = "recovery",
    security(("bearer" = [])),
    params(("goal" = i64, Path, description = "The goal's id")),
    request_body = GoalChangeRequest,
    responses(
        (status = 200, body = GoalJson),
        (status = 404, description = "No goal of mine with that id", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A field is not valid", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn api_update(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(goal): Path<i64>,
    Json(body): Json<GoalChangeRequest>,
) -> Result<Json<GoalJson>, AppError> {
    let id = GoalId(goal);
    found_goal(&state, &user, id).await?;
    let title = (body.title.as_deref().map(GoalTitle::parse).transpose()).map_err(invalid)?;
    let moved = (body
        .state
        .as_deref()
        .map(str::parse::<GoalState>)
        .transpose())
    .map_err(invalid)?;
    (state.store)
        .update_goal(user.account.id, id, title.as_ref(), moved, Timestamp::now())
        .await?;
    Ok(Json(GoalJson::new(found_goal(&state, &user, id).await?)))
}

/// Delete one of my goals, with its steps.
#[utoipa::path(
    delete,
    path = "/api/v1/recovery/goals/{goal}",
    tag = "recovery",
    security(("bearer" = [])),
    params(("goal" = i64, Path, description = "The goal's id")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 404, description = "No goal of mine with that id", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn api_delete(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(goal): Path<i64>,
) -> Result<StatusCode, AppError> {
    (state.store)
        .delete_goal(user.account.id, GoalId(goal))
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct NewStepRequest {
    /// Up to 200 characters, one line.
    text: String,
}

/// Add a step to the end of one of my goals.
#[utoipa::path(
    post,
    path = "/api/v1/recovery/goals/{goal}/steps",
    tag = "recovery",
    security(("bearer" = [])),
    params(("goal" = i64, Path, description = "The goal's id")),
    request_body = NewStepRequest,
    responses(
        (status = 201, description = "The goal, with the new step last", body = GoalJson),
        (status = 404, description = "No goal of mine with that id", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The step is not valid, or the goal has 20 steps", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn api_add_step(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(goal): Path<i64>,
    Json(body): Json<NewStepRequest>,
) -> Result<Response, AppError> {
    let id = GoalId(goal);
    found_goal(&state, &user, id).await?;
    let text = StepText::parse(&body.text).map_err(invalid)?;
    (state.store)
        .add_goal_step(user.account.id, id, &text, Timestamp::now())
        .await?
        .map_err(invalid)?;
    let goal = found_goal(&state, &user, id).await?;
    Ok((StatusCode::CREATED, Json(GoalJson::new(goal))).into_response())
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct StepChangeRequest {
    /// New words for the step; left as they are when left out.
    text: Option<String>,
    /// Whether the step is done; left as it is when left out.
    done: Option<bool>,
}

/// Reword a step of one of my goals, or mark it done or not done.
#[utoipa::path(
    patch,
    path = "/api/v1/recovery/goals/{goal}/steps/{step}",
    tag = "recovery",
    security(("bearer" = [])),
    params(
        ("goal" = i64, Path, description = "The goal's id"),
        ("step" = i64, Path, description = "The step's id"),
    ),
    request_body = StepChangeRequest,
    responses(
        (status = 200, description = "The goal, with the step changed", body = GoalJson),
        (status = 404, description = "No such step on a goal of mine", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The step is not valid", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn api_update_step(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((goal, step)): Path<(i64, i64)>,
    Json(body): Json<StepChangeRequest>,
) -> Result<Json<GoalJson>, AppError> {
    let id = GoalId(goal);
    found_goal(&state, &user, id).await?;
    let text = (body.text.as_deref().map(StepText::parse).transpose()).map_err(invalid)?;
    (state.store)
        .update_goal_step(
            user.account.id,
            id,
            GoalStepId(step),
            text.as_ref(),
            body.done,
            Timestamp::now(),
        )
        .await?;
    Ok(Json(GoalJson::new(found_goal(&state, &user, id).await?)))
}

/// Delete a step of one of my goals.
#[utoipa::path(
    delete,
    path = "/api/v1/recovery/goals/{goal}/steps/{step}",
    tag = "recovery",
    security(("bearer" = [])),
    params(
        ("goal" = i64, Path, description = "The goal's id"),
        ("step" = i64, Path, description = "The step's id"),
    ),
    responses(
        (status = 204, description = "Deleted"),
        (status = 404, description = "No such step on a goal of mine", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn api_delete_step(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((goal, step)): Path<(i64, i64)>,
) -> Result<StatusCode, AppError> {
    (state.store)
        .delete_goal_step(
            user.account.id,
            GoalId(goal),
            GoalStepId(step),
            Timestamp::now(),
        )
        .await?;
    Ok(StatusCode::NO_CONTENT)
}
