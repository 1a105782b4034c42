//! Recovery counters: the milestones reached and the next one, and
//! starting again.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Json};
use hearth_domain::recovery::{
    CleanTime, CounterError, CounterLabel, KeyTag, Milestone, Program, StartDate, days_clean,
    parse_reset,
};
use hearth_store::StoreError;
use hearth_store::recovery::{Counter, CounterId};
use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::announcements::{Celebration, offers};
use super::{Routes, today_of};
use crate::auth::CurrentUser;
use crate::error::{FieldError, Problem};
use crate::i18n::Message;
use crate::page::{PageContext, render};
use crate::{AppError, AppState};

pub(super) fn page_routes() -> Routes {
    vec![
        ("/recovery", get(overview)),
        ("/recovery/counters", post(create)),
        ("/recovery/counters/{counter}", get(detail)),
        ("/recovery/counters/{counter}/reset", post(start_again)),
    ]
}

fn program_message(program: Program) -> &'static str {
    match program {
        Program::TwelveStep => "recovery-program-twelve-step",
        Program::NarcoticsAnonymous => "recovery-program-na",
        Program::Every30Days => "recovery-program-every-30-days",
        Program::None => "recovery-program-none",
    }
}

/// A milestone in words: "30 days", "1 year", "Welcome", with its key tag.
pub(super) fn milestone_words(ctx: &PageContext, milestone: &Milestone) -> String {
    let amount = match milestone.clean_time {
        CleanTime::FirstDay => ctx.t("recovery-milestone-first-day"),
        CleanTime::Hours(n) => ctx.t_with("recovery-milestone-hours", "n", i64::from(n)),
        CleanTime::Days(n) => ctx.t_with("recovery-milestone-days", "n", i64::from(n)),
        CleanTime::Months(n) => ctx.t_with("recovery-milestone-months", "n", i64::from(n)),
        CleanTime::Years(n) => ctx.t_with("recovery-milestone-years", "n", i64::from(n)),
    };
    match milestone.key_tag {
        Some(tag) => format!("{amount} · {}", ctx.t(key_tag_message(tag))),
        None => amount,
    }
}

fn key_tag_message(tag: KeyTag) -> &'static str {
    match tag {
        KeyTag::White => "recovery-tag-white",
        KeyTag::Orange => "recovery-tag-orange",
        KeyTag::Green => "recovery-tag-green",
        KeyTag::Red => "recovery-tag-red",
        KeyTag::Blue => "recovery-tag-blue",
        KeyTag::Yellow => "recovery-tag-yellow",
        KeyTag::GlowInTheDark => "recovery-tag-glow",
        KeyTag::Grey => "recovery-tag-grey",
        KeyTag::Black => "recovery-tag-black",
    }
}

/// "Next: 90 days, on March 3 (in 12 days)".
fn next_text(ctx: &PageContext, what: &str, when: &str, days: i64) -> String {
    ctx.message(
        &Message::new("recovery-next")
            .with("what", what.to_owned())
            .with("date", when.to_owned())
            .with("days", days),
    )
}

/// A counter as its pages show it.
struct CounterView {
    id: i64,
    label: String,
    program: String,
    /// The start as the date field and the reset form carry it.
    start: String,
    since: String,
    days: i64,
    /// The next milestone in words, its date, and the days until it.
    next: Option<(String, String, i64)>,
    /// Milestones reached, newest first, in words with their dates.
    reached: Vec<(String, String)>,
}

fn counter_view(ctx: &PageContext, counter: &Counter, today: Date) -> CounterView {
    let lang = ctx.lang;
    let mut reached: Vec<(String, String)> = (counter.program.reached_by(counter.start, today))
        .iter()
        .map(|milestone| (milestone_words(ctx, milestone), lang.date(milestone.date)))
        .collect();
    reached.reverse();
    CounterView {
        id: counter.id.0,
        label: counter.label.clone(),
        program: ctx.t(program_message(counter.program)),
        start: counter.start.to_string(),
        since: lang.date(counter.start),
        days: days_clean(counter.start, today),
        next: (counter.program.next_after(counter.start, today)).map(|milestone| {
            (
                milestone_words(ctx, &milestone),
                lang.date(milestone.date),
                days_clean(today, milestone.date),
            )
        }),
        reached,
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct CounterForm {
    #[serde(default)]
    label: String,
    #[serde(default)]
    program: String,
    #[serde(default)]
    start_date: String,
}

#[derive(Template)]
#[template(path = "recovery/overview.html")]
struct OverviewPage {
    ctx: PageContext,
    counters: Vec<CounterView>,
    checked_in_today: bool,
    time_zone_set: bool,
    today: String,
    form: CounterForm,
    problem: Option<(&'static str, String)>,
}

impl OverviewPage {
    fn next_text(&self, what: &str, when: &str, days: &i64) -> String {
        next_text(&self.ctx, what, when, *days)
    }

    /// Each program: its code, its name, and whether it is chosen.
    fn programs(&self) -> Vec<(&'static str, String, bool)> {
        let chosen = if self.form.program.is_empty() {
            Program::default().as_str()
        } else {
            self.form.program.as_str()
        };
        (Program::ALL.iter())
            .map(|program| {
                let code = program.as_str();
                (code, self.ctx.t(program_message(*program)), code == chosen)
            })
            .collect()
    }

    fn problem_in(&self, field: &str) -> Option<&str> {
        (self.problem.as_ref())
            .filter(|(at, _)| *at == field)
            .map(|(_, message)| message.as_str())
    }
}

async fn overview_page(
    state: &AppState,
    ctx: PageContext,
    user: &CurrentUser,
    form: CounterForm,
    problem: Option<(&'static str, String)>,
) -> Result<OverviewPage, AppError> {
    let today = today_of(state, user);
    let counters = state.store.counters(user.account.id).await?;
    let last_check_in = state.store.last_check_in_day(user.account.id).await?;
    Ok(OverviewPage {
        checked_in_today: last_check_in == Some(today),
        counters: (counters.iter())
            .map(|counter| counter_view(&ctx, counter, today))
            .collect(),
        time_zone_set: user.account.time_zone.is_some(),
        today: today.to_string(),
        form,
        problem,
        ctx,
    })
}

async fn overview(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
) -> Result<Response, AppError> {
    let page = overview_page(&state, ctx, &user, CounterForm::default(), None).await?;
    Ok(render(&page)?.into_response())
}

/// What was wrong with a counter's field, in words.
fn counter_message(error: CounterError) -> Message {
    match error {
        CounterError::LabelEmpty => Message::new("recovery-label-empty"),
        CounterError::LabelTooLong { max } => {
            Message::new("recovery-label-too-long").with("max", max as i64)
        }
        CounterError::LabelControlCharacters => Message::new("recovery-label-control"),
        CounterError::DateFormat { .. } => Message::new("recovery-date-format"),
        CounterError::StartInFuture | CounterError::NewStartInFuture => {
            Message::new("recovery-date-future")
        }
        CounterError::StartTooEarly => Message::new("recovery-date-too-early"),
        CounterError::NewStartBeforeStart => Message::new("recovery-date-before-start"),
    }
}

/// The field a counter's problem is in, and the problem in words.
fn counter_problem(ctx: &PageContext, error: CounterError) -> (&'static str, String) {
    (error.field(), ctx.message(&counter_message(error)))
}

async fn create(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
    Form(form): Form<CounterForm>,
) -> Result<Response, AppError> {
    let today = today_of(&state, &user);
    let program = form.program.parse::<Program>();
    let parsed = CounterLabel::parse(&form.label)
        .and_then(|label| Ok((label, StartDate::parse(&form.start_date, today)?)));
    let problem = match (&parsed, &program) {
        (Err(error), _) => Some(counter_problem(&ctx, *error)),
        (Ok(_), Err(_)) => Some(("program", ctx.t("recovery-program-unknown"))),
        _ => None,
    };
    let (Ok((label, start)), Ok(program), None) = (parsed, program, problem.as_ref()) else {
        let page = overview_page(&state, ctx, &user, form, problem).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response());
    };
    let counter = (state.store)
        .create_counter(user.account.id, &label, program, start, Timestamp::now())
        .await?;
    Ok(Redirect::to(&format!("/recovery/counters/{}", counter.id.0)).into_response())
}

impl CounterPage {
    fn next_text(&self, what: &str, when: &str, days: &i64) -> String {
        next_text(&self.ctx, what, when, *days)
    }
}

#[derive(Template)]
#[template(path = "recovery/counter.html")]
struct CounterPage {
    ctx: PageContext,
    counter: CounterView,
    /// Earlier streaks, newest first: (from, to, days, what was learned).
    history: Vec<(String, String, i64, String)>,
    today: String,
    new_start: String,
    learned: String,
    problem: Option<String>,
    /// A milestone waiting to be shared or passed over.
    celebration: Option<Celebration>,
    /// The member's groups, and whether milestones are offered to each.
    groups: Vec<(i64, String, bool)>,
    /// What was just done, as a message id.
    done: Option<&'static str>,
}

async fn counter_page(
    state: &AppState,
    ctx: PageContext,
    user: &CurrentUser,
    id: CounterId,
    new_start: String,
    learned: String,
    problem: Option<String>,
) -> Result<CounterPage, AppError> {
    let today = today_of(state, user);
    let counter = (state.store)
        .counter(user.account.id, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let streaks = state.store.past_streaks(user.account.id, id).await?;
    let (groups, celebration) = offers(state, &ctx, user, &counter, today).await?;
    let lang = ctx.lang;
    Ok(CounterPage {
        celebration,
        groups,
        done: None,
        counter: counter_view(&ctx, &counter, today),
        history: (streaks.into_iter())
            .map(|streak| {
                (
                    lang.date(streak.start),
                    lang.date(streak.end),
                    days_clean(streak.start, streak.end),
                    streak.learned,
                )
            })
            .collect(),
        today: today.to_string(),
        new_start: if new_start.is_empty() {
            today.to_string()
        } else {
            new_start
        },
        learned,
        problem,
        ctx,
    })
}

#[derive(Debug, Deserialize)]
struct DoneQuery {
    celebration: Option<String>,
    groups: Option<String>,
}

async fn detail(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
    Path(counter): Path<i64>,
    Query(query): Query<DoneQuery>,
) -> Result<Response, AppError> {
    let id = CounterId(counter);
    let mut page = counter_page(&state, ctx, &user, id, String::new(), String::new(), None).await?;
    page.done = match (query.celebration.as_deref(), query.groups.as_deref()) {
        (Some("shared"), _) => Some("celebrate-shared"),
        (Some("passed"), _) => Some("celebrate-passed"),
        (_, Some("saved")) => Some("celebrate-groups-saved"),
        _ => None,
    };
    Ok(render(&page)?.into_response())
}

#[derive(Debug, Deserialize)]
pub struct ResetForm {
    /// The start the form was shown with: a second send of the same form
    /// then finds the counter already started again, and changes nothing.
    #[serde(default)]
    from: String,
    #[serde(default)]
    new_start: String,
    #[serde(default)]
    learned: String,
}

/// The longest reflection kept with a streak.
const LEARNED_MAX_CHARS: usize = 2000;

/// Starting again: one calm step. The streak that ended is kept for the
/// member alone, with what they learned if they want to write it.
async fn start_again(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
    Path(counter): Path<i64>,
    Form(form): Form<ResetForm>,
) -> Result<Response, AppError> {
    let id = CounterId(counter);
    let today = today_of(&state, &user);
    let counter = (state.store)
        .counter(user.account.id, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let learned = form.learned.trim();
    let from = form.from.parse::<Date>().unwrap_or(counter.start);
    let reset = parse_reset(from, &form.new_start, today);
    let problem = match &reset {
        Err(error) => Some(counter_problem(&ctx, *error).1),
        Ok(_) if learned.chars().count() > LEARNED_MAX_CHARS => Some(ctx.message(
            &Message::new("recovery-learned-too-long").with("max", LEARNED_MAX_CHARS as i64),
        )),
        Ok(_) => None,
    };
    let (Ok(reset), None) = (reset, problem.as_ref()) else {
        let (new_start, learned) = (form.new_start.clone(), form.learned.clone());
        let page = counter_page(&state, ctx, &user, id, new_start, learned, problem).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response());
    };
    let done = (state.store)
        .reset_counter(user.account.id, id, &reset, learned, Timestamp::now())
        .await;
    match done {
        // A form sent twice: the first one already started the counter again.
        Ok(()) | Err(StoreError::Conflict(_)) => {
            Ok(Redirect::to(&format!("/recovery/counters/{}", id.0)).into_response())
        }
        Err(StoreError::NotFound(_)) => Err(AppError::NotFound),
        Err(other) => Err(other.into()),
    }
}

/// `GET/POST /api/v1/recovery/counters`, `GET /api/v1/recovery/counters/{counter}`
/// and its reset: the same as the pages, for apps.
pub(super) fn api_routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(api_counters, api_create))
        .routes(routes!(api_counter))
        .routes(routes!(api_reset))
}

/// A milestone: how much clean time, the member's local day it falls on,
/// and for NA its key tag.
#[derive(Debug, Serialize, ToSchema)]
pub struct MilestoneView {
    /// `first_day`, `hours`, `days`, `months` or `years`.
    unit: &'static str,
    amount: u32,
    /// `YYYY-MM-DD`, the member's local day.
    date: String,
    key_tag: Option<&'static str>,
}

impl MilestoneView {
    fn new(milestone: &Milestone) -> MilestoneView {
        let (unit, amount) = match milestone.clean_time {
            CleanTime::FirstDay => ("first_day", 0),
            CleanTime::Hours(n) => ("hours", n),
            CleanTime::Days(n) => ("days", n),
            CleanTime::Months(n) => ("months", n),
            CleanTime::Years(n) => ("years", n),
        };
        MilestoneView {
            unit,
            amount,
            date: milestone.date.to_string(),
            key_tag: milestone.key_tag.map(KeyTag::as_str),
        }
    }
}

/// A counter, as of the member's today.
#[derive(Debug, Serialize, ToSchema)]
pub struct CounterJson {
    id: i64,
    label: String,
    /// `twelve_step`, `na_keytags`, `every_30_days` or `none`.
    program: &'static str,
    /// `YYYY-MM-DD`: the local day the current streak began.
    start_date: String,
    days: i64,
    next_milestone: Option<MilestoneView>,
    /// Oldest first.
    reached: Vec<MilestoneView>,
}

impl CounterJson {
    fn new(counter: &Counter, today: Date) -> CounterJson {
        let program = counter.program;
        CounterJson {
            id: counter.id.0,
            label: counter.label.clone(),
            program: program.as_str(),
            start_date: counter.start.to_string(),
            days: days_clean(counter.start, today),
            next_milestone: (program.next_after(counter.start, today))
                .map(|m| MilestoneView::new(&m)),
            reached: (program.reached_by(counter.start, today).iter())
                .map(MilestoneView::new)
                .collect(),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CountersJson {
    counters: Vec<CounterJson>,
}

/// My counters, oldest first, counted in my time zone.
#[utoipa::path(
    get,
    path = "/api/v1/recovery/counters",
    tag = "recovery",
    security(("bearer" = [])),
    responses(
        (status = 200, body = CountersJson),
        (status = 401, description = "Sign in first", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn api_counters(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Json<CountersJson>, AppError> {
    let today = today_of(&state, &user);
    let counters = state.store.counters(user.account.id).await?;
    Ok(Json(CountersJson {
        counters: (counters.iter())
            .map(|counter| CounterJson::new(counter, today))
            .collect(),
    }))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct NewCounterRequest {
    label: String,
    /// `twelve_step` (the default), `na_keytags`, `every_30_days` or `none`.
    program: Option<String>,
    /// `YYYY-MM-DD`, not after my today.
    start_date: String,
}

fn counter_field_error(error: CounterError) -> FieldError {
    FieldError {
        field: error.field(),
        code: error.code(),
        message: counter_message(error),
    }
}

/// Start a counter.
#[utoipa::path(
    post,
    path = "/api/v1/recovery/counters",
    tag = "recovery",
    security(("bearer" = [])),
    request_body = NewCounterRequest,
    responses(
        (status = 201, body = CounterJson),
        (status = 422, description = "A field is not valid", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn api_create(
    State(state): State<AppState>,
    user: CurrentUser,
    Json(body): Json<NewCounterRequest>,
) -> Result<Response, AppError> {
    let today = today_of(&state, &user);
    let label = CounterLabel::parse(&body.label)
        .map_err(|error| AppError::Invalid(vec![counter_field_error(error)]))?;
    let start = StartDate::parse(&body.start_date, today)
        .map_err(|error| AppError::Invalid(vec![counter_field_error(error)]))?;
    let program = match body.program.as_deref() {
        None => Program::default(),
        Some(code) => code.parse::<Program>().map_err(|error| {
            AppError::Invalid(vec![FieldError {
                field: error.field(),
                code: error.code(),
                message: Message::new("recovery-program-unknown"),
            }])
        })?,
    };
    let counter = (state.store)
        .create_counter(user.account.id, &label, program, start, Timestamp::now())
        .await?;
    Ok((StatusCode::CREATED, Json(CounterJson::new(&counter, today))).into_response())
}

/// A streak that ended when I started again.
#[derive(Debug, Serialize, ToSchema)]
pub struct PastStreakJson {
    start_date: String,
    end_date: String,
    days: i64,
    learned: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CounterDetailJson {
    #[serde(flatten)]
    counter: CounterJson,
    /// Newest first.
    history: Vec<PastStreakJson>,
}

/// One of my counters, with its history.
#[utoipa::path(
    get,
    path = "/api/v1/recovery/counters/{counter}",
    tag = "recovery",
    security(("bearer" = [])),
    params(("counter" = i64, Path, description = "The counter's id")),
    responses(
        (status = 200, body = CounterDetailJson),
        (status = 404, description = "No counter of mine with that id", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn api_counter(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(counter): Path<i64>,
) -> Result<Json<CounterDetailJson>, AppError> {
    let id = CounterId(counter);
    let today = today_of(&state, &user);
    let counter = (state.store)
        .counter(user.account.id, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let history = state.store.past_streaks(user.account.id, id).await?;
    Ok(Json(CounterDetailJson {
        counter: CounterJson::new(&counter, today),
        history: (history.into_iter())
            .map(|streak| PastStreakJson {
                start_date: streak.start.to_string(),
                end_date: streak.end.to_string(),
                days: days_clean(streak.start, streak.end),
                learned: streak.learned,
            })
            .collect(),
    }))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct ResetRequest {
    /// The start I am starting again from, as I last saw it: sent twice,
    /// the second finds it moved on and answers 409.
    from: String,
    /// `YYYY-MM-DD`: the day I start again.
    new_start: String,
    #[serde(default)]
    learned: String,
}

/// Start a counter again; the streak that ended is kept in its history.
#[utoipa::path(
    post,
    path = "/api/v1/recovery/counters/{counter}/reset",
    tag = "recovery",
    security(("bearer" = [])),
    params(("counter" = i64, Path, description = "The counter's id")),
    request_body = ResetRequest,
    responses(
        (status = 200, body = CounterJson),
        (status = 404, description = "No counter of mine with that id", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already started again from that start", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A field is not valid", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn api_reset(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(counter): Path<i64>,
    Json(body): Json<ResetRequest>,
) -> Result<Json<CounterJson>, AppError> {
    let id = CounterId(counter);
    let today = today_of(&state, &user);
    (state.store)
        .counter(user.account.id, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let from = body.from.parse::<Date>().map_err(|_| {
        AppError::Invalid(vec![counter_field_error(CounterError::DateFormat {
            field: "from",
        })])
    })?;
    let reset = parse_reset(from, &body.new_start, today)
        .map_err(|error| AppError::Invalid(vec![counter_field_error(error)]))?;
    let learned = body.learned.trim();
    if learned.chars().count() > LEARNED_MAX_CHARS {
        return Err(AppError::Invalid(vec![FieldError {
            field: "learned",
            code: "too_long",
            message: Message::new("recovery-learned-too-long")
                .with("max", LEARNED_MAX_CHARS as i64),
        }]));
    }
    (state.store)
        .reset_counter(user.account.id, id, &reset, learned, Timestamp::now())
        .await
        .map_err(|error| match error {
            StoreError::Conflict(_) => {
                AppError::Conflict(Message::new("recovery-already-started-again"))
            }
            StoreError::NotFound(_) => AppError::NotFound,
            other => other.into(),
        })?;
    let counter = (state.store)
        .counter(user.account.id, id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Json(CounterJson::new(&counter, today)))
}
