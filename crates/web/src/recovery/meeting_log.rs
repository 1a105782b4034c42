//! The meetings a member went to: logged from a meeting's page in the
//! finder or in their own words, counted per week, and goals such as "90
//! meetings in 90 days".

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Json};
use hearth_domain::recovery::{
    Attendance, LogError, MeetingGoal, MeetingGoalProgress, MeetingGoalState, week_start,
    weekly_counts,
};
use hearth_store::StoreError;
use hearth_store::people::AccountId;
use hearth_store::recovery::{LoggedMeeting, LoggedMeetingId, MeetingGoalId, StoredMeetingGoal};
use jiff::civil::Date;
use jiff::{Timestamp, ToSpan};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::charts::{CalendarChart, CalendarKind};
use super::{Routes, today_of};
use crate::auth::CurrentUser;
use crate::error::{FieldError, Problem};
use crate::i18n::Message;
use crate::page::{PageContext, render};
use crate::{AppError, AppState};

pub(super) fn page_routes() -> Routes {
    vec![
        ("/recovery/meetings", get(meetings).post(log)),
        ("/recovery/meetings/{attendance}/delete", post(delete)),
        ("/recovery/meetings/goals", post(start_goal)),
        ("/recovery/meetings/goals/{goal}/delete", post(delete_goal)),
    ]
}

/// How many weeks the page counts and lists, this one included.
const WEEKS_SHOWN: u32 = 12;

/// How many days the meetings calendar shows: thirteen weeks.
const CALENDAR_DAYS: i64 = 91;

/// The Monday the weeks shown begin on.
fn first_day_shown(today: Date) -> Date {
    week_start(today).saturating_sub((i64::from(WEEKS_SHOWN - 1) * 7).days())
}

/// The day of each meeting that the weeks shown and the member's goals
/// count.
async fn days_counted(
    state: &AppState,
    account: AccountId,
    goals: &[StoredMeetingGoal],
    today: Date,
) -> Result<Vec<Date>, AppError> {
    let earliest = (goals.iter())
        .map(|stored| stored.goal.start())
        .fold(first_day_shown(today), Date::min)
        .min(today.saturating_sub((CALENDAR_DAYS - 1).days()));
    Ok(state.store.attended_days(account, earliest).await?)
}

/// What was wrong with a meeting-log field, in words.
fn log_message(error: LogError) -> Message {
    match error {
        LogError::DateFormat { .. } => Message::new("recovery-date-format"),
        LogError::DateInFuture { .. } => Message::new("recovery-date-future"),
        LogError::DateTooEarly { .. } => Message::new("recovery-date-too-early"),
        LogError::NameTooLong { max } => Message::new("log-name-too-long").with("max", max as i64),
        LogError::NameControlCharacters => Message::new("log-name-control"),
        LogError::NumberEmpty { min, max, .. } => Message::new("log-number-empty")
            .with("min", i64::from(min))
            .with("max", i64::from(max)),
        LogError::NumberOutOfRange { min, max, .. } => Message::new("log-number-out-of-range")
            .with("min", i64::from(min))
            .with("max", i64::from(max)),
    }
}

fn log_field_error(error: LogError) -> FieldError {
    FieldError {
        field: error.field(),
        code: error.code(),
        message: log_message(error),
    }
}

/// A meeting from the finder that the log cannot find: it left the list
/// after its page was shown.
fn unknown_meeting() -> Message {
    Message::new("log-meeting-unknown")
}

/// A path segment for a meeting's slug: a feed's slug can hold any
/// character, and a `Location` header only some.
fn path_segment(slug: &str) -> String {
    slug.bytes()
        .map(|byte| match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                char::from(byte).to_string()
            }
            _ => format!("%{byte:02X}"),
        })
        .collect()
}

/// The log form's fields, as typed.
#[derive(Debug, Default, Deserialize)]
pub struct LogForm {
    #[serde(default)]
    day: String,
    /// The slug of a meeting from the finder: sent by a meeting's page.
    #[serde(default)]
    meeting: String,
    #[serde(default)]
    name: String,
}

/// The meeting-goal form's fields, as typed.
#[derive(Debug, Default, Deserialize)]
pub struct GoalForm {
    #[serde(default)]
    meetings: String,
    #[serde(default)]
    days: String,
    #[serde(default)]
    start_date: String,
}

/// A logged meeting as the page lists it.
struct LoggedView {
    id: i64,
    date: String,
    name: String,
    slug: Option<String>,
}

/// A meeting goal as the page shows it, in words.
struct GoalView {
    id: i64,
    name: String,
    dates: String,
    /// "12 of 90 meetings · 78 days left", while its days go on.
    count: Option<String>,
    state: String,
}

/// A meeting goal in words: what it is, and where it stands.
fn goal_view(
    ctx: &PageContext,
    stored: &StoredMeetingGoal,
    attended: &[Date],
    today: Date,
) -> GoalView {
    let goal = &stored.goal;
    let progress = goal.progress(attended, today);
    let attended = i64::from(progress.attended);
    let state = match progress.state {
        MeetingGoalState::OnPace => Message::new("log-goal-on-pace"),
        MeetingGoalState::BehindPace { meetings } => {
            Message::new("log-goal-behind").with("n", i64::from(meetings))
        }
        MeetingGoalState::Reached => Message::new("log-goal-reached").with("attended", attended),
        MeetingGoalState::Ended => Message::new("log-goal-ended")
            .with("attended", attended)
            .with("days", i64::from(goal.days())),
    };
    GoalView {
        id: stored.id.0,
        name: goal_name(ctx, goal),
        dates: ctx.message(
            &Message::new("log-goal-dates")
                .with("start", ctx.lang.date(goal.start()))
                .with("end", ctx.lang.date(goal.end())),
        ),
        count: (progress.days_left > 0).then(|| {
            ctx.message(
                &Message::new("log-goal-count")
                    .with("attended", attended)
                    .with("meetings", i64::from(goal.meetings()))
                    .with("days_left", i64::from(progress.days_left)),
            )
        }),
        state: ctx.message(&state),
    }
}

/// "90 meetings in 90 days".
fn goal_name(ctx: &PageContext, goal: &MeetingGoal) -> String {
    ctx.message(
        &Message::new("log-goal-name")
            .with("meetings", i64::from(goal.meetings()))
            .with("days", i64::from(goal.days())),
    )
}

#[derive(Template)]
#[template(path = "recovery/meetings.html")]
struct MeetingsPage {
    ctx: PageContext,
    time_zone_set: bool,
    /// The member's today, as a date field takes it.
    today: String,
    noted: bool,
    log_form: LogForm,
    goal_form: GoalForm,
    problem: Option<(&'static str, String)>,
    goals: Vec<GoalView>,
    /// Newest first: the Monday in words, the meetings, whether it is this
    /// week.
    weeks: Vec<(String, u32, bool)>,
    weeks_shown: i64,
    calendar: CalendarChart,
    recent: Vec<LoggedView>,
}

impl MeetingsPage {
    fn problem_in(&self, field: &str) -> Option<&str> {
        (self.problem.as_ref())
            .filter(|(at, _)| *at == field)
            .map(|(_, message)| message.as_str())
    }
}

/// Why the page is shown: fresh (perhaps just after a meeting was logged),
/// or with a form as typed and what was wrong with it.
enum Showing {
    Fresh { noted: bool },
    Log(LogForm, (&'static str, String)),
    Goal(GoalForm, (&'static str, String)),
}

async fn meetings_page(
    state: &AppState,
    ctx: PageContext,
    user: &CurrentUser,
    showing: Showing,
) -> Result<MeetingsPage, AppError> {
    let today = today_of(state, user);
    let account = user.account.id;
    let first = first_day_shown(today);
    let recent = state.store.meeting_log(account, first, Date::MAX).await?;
    let goals = state.store.meeting_goals(account).await?;
    let attended = days_counted(state, account, &goals, today).await?;
    let this_week = week_start(today);
    let mut weeks: Vec<(String, u32, bool)> = (weekly_counts(&attended, today, WEEKS_SHOWN))
        .into_iter()
        .map(|week| {
            let is_this_week = week.monday == this_week;
            (ctx.lang.date(week.monday), week.meetings, is_this_week)
        })
        .collect();
    weeks.reverse();
    let mut per_day: Vec<(Date, u32)> = Vec::new();
    for day in &attended {
        match per_day.iter_mut().find(|(counted, _)| counted == day) {
            Some((_, meetings)) => *meetings += 1,
            None => per_day.push((*day, 1)),
        }
    }
    let calendar = CalendarChart::new(
        ctx.lang,
        "meetings",
        today,
        CALENDAR_DAYS,
        CalendarKind::Meetings,
        &per_day,
    );
    let (noted, log_form, goal_form, problem) = match showing {
        Showing::Fresh { noted } => (noted, LogForm::default(), GoalForm::default(), None),
        Showing::Log(form, problem) => (false, form, GoalForm::default(), Some(problem)),
        Showing::Goal(form, problem) => (false, LogForm::default(), form, Some(problem)),
    };
    let today_text = today.to_string();
    Ok(MeetingsPage {
        time_zone_set: user.account.time_zone.is_some(),
        noted,
        log_form: LogForm {
            day: or_default(log_form.day, &today_text),
            ..log_form
        },
        goal_form: GoalForm {
            meetings: or_default(goal_form.meetings, "90"),
            days: or_default(goal_form.days, "90"),
            start_date: or_default(goal_form.start_date, &today_text),
        },
        problem,
        goals: (goals.iter())
            .map(|stored| goal_view(&ctx, stored, &attended, today))
            .collect(),
        weeks,
        weeks_shown: i64::from(WEEKS_SHOWN),
        calendar,
        recent: (recent.into_iter())
            .map(|logged| LoggedView {
                id: logged.id.0,
                date: ctx.lang.date(logged.day),
                name: logged.name.unwrap_or_else(|| ctx.t("log-unnamed")),
                slug: logged.slug,
            })
            .collect(),
        today: today_text,
        ctx,
    })
}

/// What a form field holds when it is first shown: what was typed, or a
/// suggestion.
fn or_default(typed: String, suggested: &str) -> String {
    if typed.is_empty() {
        suggested.to_owned()
    } else {
        typed
    }
}

#[derive(Debug, Deserialize)]
struct NotedQuery {
    noted: Option<String>,
}

async fn meetings(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
    Query(query): Query<NotedQuery>,
) -> Result<Response, AppError> {
    let noted = query.noted.is_some();
    let page = meetings_page(&state, ctx, &user, Showing::Fresh { noted }).await?;
    Ok(render(&page)?.into_response())
}

/// Logs a meeting. One from the finder goes back to its page, which says
/// it was noted; one typed in comes back here.
async fn log(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
    Form(form): Form<LogForm>,
) -> Result<Response, AppError> {
    let attendance = match Attendance::parse(
        &form.day,
        &form.meeting,
        &form.name,
        today_of(&state, &user),
    ) {
        Ok(attendance) => attendance,
        Err(error) => {
            let problem = (error.field(), ctx.message(&log_message(error)));
            return refused_log(&state, ctx, &user, form, problem).await;
        }
    };
    let logged = (state.store)
        .log_meeting(user.account.id, &attendance, Timestamp::now())
        .await;
    match logged {
        Ok(LoggedMeeting {
            slug: Some(slug), ..
        }) => {
            Ok(Redirect::to(&format!("/meetings/{}?went=1", path_segment(&slug))).into_response())
        }
        Ok(_) => Ok(Redirect::to("/recovery/meetings?noted=1").into_response()),
        Err(StoreError::NotFound(_)) => {
            let problem = ("name", ctx.message(&unknown_meeting()));
            let form = LogForm {
                meeting: String::new(),
                ..form
            };
            refused_log(&state, ctx, &user, form, problem).await
        }
        Err(other) => Err(other.into()),
    }
}

async fn refused_log(
    state: &AppState,
    ctx: PageContext,
    user: &CurrentUser,
    form: LogForm,
    problem: (&'static str, String),
) -> Result<Response, AppError> {
    let page = meetings_page(state, ctx, user, Showing::Log(form, problem)).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
}

async fn delete(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(attendance): Path<i64>,
) -> Result<Response, AppError> {
    (state.store)
        .delete_logged_meeting(user.account.id, LoggedMeetingId(attendance))
        .await?;
    Ok(Redirect::to("/recovery/meetings").into_response())
}

async fn start_goal(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
    Form(form): Form<GoalForm>,
) -> Result<Response, AppError> {
    let today = today_of(&state, &user);
    let goal = match MeetingGoal::parse(&form.meetings, &form.days, &form.start_date, today) {
        Ok(goal) => goal,
        Err(error) => {
            let problem = (error.field(), ctx.message(&log_message(error)));
            let page = meetings_page(&state, ctx, &user, Showing::Goal(form, problem)).await?;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response());
        }
    };
    (state.store)
        .create_meeting_goal(user.account.id, &goal, Timestamp::now())
        .await?;
    Ok(Redirect::to("/recovery/meetings#goals-heading").into_response())
}

async fn delete_goal(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(goal): Path<i64>,
) -> Result<Response, AppError> {
    (state.store)
        .delete_meeting_goal(user.account.id, MeetingGoalId(goal))
        .await?;
    Ok(Redirect::to("/recovery/meetings#goals-heading").into_response())
}

/// `/api/v1/recovery/meetings`: the log, its summary and meeting goals.
pub(super) fn api_routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(api_log, api_add))
        .routes(routes!(api_delete))
        .routes(routes!(api_summary))
        .routes(routes!(api_start_goal))
        .routes(routes!(api_delete_goal))
}

/// A meeting I went to.
#[derive(Debug, Serialize, ToSchema)]
pub struct LoggedMeetingJson {
    id: i64,
    /// `YYYY-MM-DD`: my local day.
    day: String,
    /// The meeting's name; `null` when I left it unnamed.
    name: Option<String>,
    /// The slug of its page in the finder, while it is listed there.
    meeting: Option<String>,
}

impl LoggedMeetingJson {
    fn new(logged: LoggedMeeting) -> LoggedMeetingJson {
        LoggedMeetingJson {
            id: logged.id.0,
            day: logged.day.to_string(),
            name: logged.name,
            meeting: logged.slug,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MeetingLogJson {
    /// The latest first.
    meetings: Vec<LoggedMeetingJson>,
}

#[derive(Debug, Deserialize, IntoParams)]
pub struct MeetingLogQuery {
    /// `YYYY-MM-DD`; the Monday 11 weeks before this week's when left out.
    from: Option<String>,
    /// `YYYY-MM-DD`; no end when left out.
    to: Option<String>,
}

fn day_param(input: Option<&str>, field: &'static str, default: Date) -> Result<Date, AppError> {
    match input {
        None => Ok(default),
        Some(text) => text
            .parse()
            .map_err(|_| AppError::Invalid(vec![log_field_error(LogError::DateFormat { field })])),
    }
}

/// The meetings I went to, the latest first.
#[utoipa::path(
    get,
    path = "/api/v1/recovery/meetings",
    tag = "recovery",
    security(("bearer" = [])),
    params(MeetingLogQuery),
    responses(
        (status = 200, body = MeetingLogJson),
        (status = 401, description = "Sign in first", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A date is not valid", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn api_log(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(query): Query<MeetingLogQuery>,
) -> Result<Json<MeetingLogJson>, AppError> {
    let from = day_param(
        query.from.as_deref(),
        "from",
        first_day_shown(today_of(&state, &user)),
    )?;
    let to = day_param(query.to.as_deref(), "to", Date::MAX)?;
    let log = state.store.meeting_log(user.account.id, from, to).await?;
    Ok(Json(MeetingLogJson {
        meetings: log.into_iter().map(LoggedMeetingJson::new).collect(),
    }))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct LogMeetingRequest {
    /// `YYYY-MM-DD`, not after my today.
    day: String,
    /// The slug of a meeting from the finder (its `slug` in search
    /// results); `name` is not needed then.
    #[serde(default)]
    meeting: String,
    /// A meeting not in the finder, in my words; may be left out.
    #[serde(default)]
    name: String,
}

/// Add a meeting I went to.
#[utoipa::path(
    post,
    path = "/api/v1/recovery/meetings",
    tag = "recovery",
    security(("bearer" = [])),
    request_body = LogMeetingRequest,
    responses(
        (status = 201, body = LoggedMeetingJson),
        (status = 422, description = "A field is not valid, or the meeting is not in the finder", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn api_add(
    State(state): State<AppState>,
    user: CurrentUser,
    Json(body): Json<LogMeetingRequest>,
) -> Result<Response, AppError> {
    let attendance = Attendance::parse(
        &body.day,
        &body.meeting,
        &body.name,
        today_of(&state, &user),
    )
    .map_err(|error| AppError::Invalid(vec![log_field_error(error)]))?;
    let logged = (state.store)
        .log_meeting(user.account.id, &attendance, Timestamp::now())
        .await
        .map_err(|error| match error {
            StoreError::NotFound(_) => AppError::Invalid(vec![FieldError {
                field: "meeting",
                code: "unknown_meeting",
                message: unknown_meeting(),
            }]),
            other => other.into(),
        })?;
    Ok((StatusCode::CREATED, Json(LoggedMeetingJson::new(logged))).into_response())
}

/// Take a meeting out of my log.
#[utoipa::path(
    delete,
    path = "/api/v1/recovery/meetings/{attendance}",
    tag = "recovery",
    security(("bearer" = [])),
    params(("attendance" = i64, Path, description = "The logged meeting's id")),
    responses(
        (status = 204, description = "Taken out"),
        (status = 404, description = "No logged meeting of mine with that id", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn api_delete(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(attendance): Path<i64>,
) -> Result<StatusCode, AppError> {
    (state.store)
        .delete_logged_meeting(user.account.id, LoggedMeetingId(attendance))
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Meetings in one week.
#[derive(Debug, Serialize, ToSchema)]
pub struct WeekJson {
    /// `YYYY-MM-DD`: the Monday the week begins on.
    week_start: String,
    meetings: u32,
}

/// A meeting goal, and where it stands on my today.
#[derive(Debug, Serialize, ToSchema)]
pub struct MeetingGoalJson {
    id: i64,
    /// How many meetings...
    meetings: u32,
    /// ...in how many days.
    days: u32,
    /// `YYYY-MM-DD`: the goal's first day.
    start_date: String,
    /// `YYYY-MM-DD`: the goal's last day.
    end_date: String,
    /// Meetings logged on the goal's days.
    attended: u32,
    /// Days still to come, today included; 0 once they are over.
    days_left: u32,
    /// `on_pace`, `behind_pace`, `reached` or `ended` (its days are over,
    /// with fewer meetings than the goal).
    state: &'static str,
    /// How many more meetings would bring it back on pace; 0 unless
    /// `behind_pace`.
    to_catch_up: u32,
}

impl MeetingGoalJson {
    fn new(stored: &StoredMeetingGoal, attended: &[Date], today: Date) -> MeetingGoalJson {
        let goal = &stored.goal;
        let MeetingGoalProgress {
            attended,
            days_left,
            state,
        } = goal.progress(attended, today);
        let (state, to_catch_up) = match state {
            MeetingGoalState::OnPace => ("on_pace", 0),
            MeetingGoalState::BehindPace { meetings } => ("behind_pace", meetings),
            MeetingGoalState::Reached => ("reached", 0),
            MeetingGoalState::Ended => ("ended", 0),
        };
        MeetingGoalJson {
            id: stored.id.0,
            meetings: goal.meetings(),
            days: goal.days(),
            start_date: goal.start().to_string(),
            end_date: goal.end().to_string(),
            attended,
            days_left,
            state,
            to_catch_up,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MeetingSummaryJson {
    /// The last 12 weeks, this one included, oldest first.
    weeks: Vec<WeekJson>,
    /// My meeting goals, the latest set first.
    goals: Vec<MeetingGoalJson>,
}

/// My meetings per week, and my meeting goals' progress, counted in my
/// time zone.
#[utoipa::path(
    get,
    path = "/api/v1/recovery/meetings/summary",
    tag = "recovery",
    security(("bearer" = [])),
    responses(
        (status = 200, body = MeetingSummaryJson),
        (status = 401, description = "Sign in first", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn api_summary(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Json<MeetingSummaryJson>, AppError> {
    let today = today_of(&state, &user);
    let account = user.account.id;
    let goals = state.store.meeting_goals(account).await?;
    let attended = days_counted(&state, account, &goals, today).await?;
    Ok(Json(MeetingSummaryJson {
        weeks: (weekly_counts(&attended, today, WEEKS_SHOWN).into_iter())
            .map(|week| WeekJson {
                week_start: week.monday.to_string(),
                meetings: week.meetings,
            })
            .collect(),
        goals: (goals.iter())
            .map(|stored| MeetingGoalJson::new(stored, &attended, today))
            .collect(),
    }))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct MeetingGoalRequest {
    /// How many meetings, from 1 to 1000.
    meetings: u32,
    /// In how many days, from 1 to 1000.
    days: u32,
    /// `YYYY-MM-DD`, not after my today: the goal's first day.
    start_date: String,
}

/// Set a meeting goal, such as 90 meetings in 90 days.
#[utoipa::path(
    post,
    path = "/api/v1/recovery/meetings/goals",
    tag = "recovery",
    security(("bearer" = [])),
    request_body = MeetingGoalRequest,
    responses(
        (status = 201, body = MeetingGoalJson),
        (status = 422, description = "A field is not valid", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn api_start_goal(
    State(state): State<AppState>,
    user: CurrentUser,
    Json(body): Json<MeetingGoalRequest>,
) -> Result<Response, AppError> {
    let today = today_of(&state, &user);
    let goal = MeetingGoal::starting(body.meetings, body.days, &body.start_date, today)
        .map_err(|error| AppError::Invalid(vec![log_field_error(error)]))?;
    let account = user.account.id;
    let stored = (state.store)
        .create_meeting_goal(account, &goal, Timestamp::now())
        .await?;
    let attended = state.store.attended_days(account, goal.start()).await?;
    let body = MeetingGoalJson::new(&stored, &attended, today);
    Ok((StatusCode::CREATED, Json(body)).into_response())
}

/// Delete one of my meeting goals; the meetings stay in my log.
#[utoipa::path(
    delete,
    path = "/api/v1/recovery/meetings/goals/{goal}",
    tag = "recovery",
    security(("bearer" = [])),
    params(("goal" = i64, Path, description = "The meeting goal's id")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 404, description = "No meeting goal of mine with that id", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn api_delete_goal(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(goal): Path<i64>,
) -> Result<StatusCode, AppError> {
    (state.store)
        .delete_meeting_goal(user.account.id, MeetingGoalId(goal))
        .await?;
    Ok(StatusCode::NO_CONTENT)
}
