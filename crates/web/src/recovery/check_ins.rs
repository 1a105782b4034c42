//! The daily check-in: mood, craving, whether the member used (if they
//! want to say), what helped, and a private note. One per local day,
//! changed in place until the day ends. Words that read as a crisis bring
//! the crisis lines at once; the check-in is saved either way.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::{Extension, Form, Json};
use hearth_domain::recovery::{CheckIn, CheckInError, Craving, Mood, check_in_streak, is_editable};
use hearth_store::recovery::DayCheckIn;
use jiff::civil::Date;
use jiff::{Timestamp, ToSpan};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::charts::{CalendarChart, CalendarKind, ChartRange, CheckInScores, MoodCravingChart};
use super::{Routes, today_of};
use crate::auth::CurrentUser;
use crate::error::{FieldError, Problem};
use crate::i18n::{Lang, Message};
use crate::page::{PageContext, render};
use crate::safety::{CrisisResource, CrisisView};
use crate::{AppError, AppState};

pub(super) fn page_routes() -> Routes {
    vec![
        ("/recovery/check-in", get(today_page).post(save)),
        ("/recovery/check-ins", get(history)),
    ]
}

/// How many past days the check-in page lists under the form.
const RECENT_DAYS: i64 = 7;

/// What was wrong with a check-in's field, in words.
fn check_in_message(error: CheckInError) -> Message {
    match error {
        CheckInError::Empty { field, .. } => Message::new(match field {
            "mood" => "check-in-mood-empty",
            _ => "check-in-craving-empty",
        }),
        CheckInError::OutOfRange { min, max, .. } => Message::new("check-in-out-of-range")
            .with("min", i64::from(min))
            .with("max", i64::from(max)),
        CheckInError::Used => Message::new("check-in-used-unknown"),
        CheckInError::TooLong { max, .. } => {
            Message::new("check-in-too-long").with("max", max as i64)
        }
    }
}

fn check_in_field_error(error: CheckInError) -> FieldError {
    FieldError {
        field: error.field(),
        code: error.code(),
        message: check_in_message(error),
    }
}

/// A check-in as the pages list it.
struct CheckInView {
    date: String,
    mood: u8,
    mood_words: String,
    craving: i64,
    used: Option<bool>,
    helped: String,
    note: String,
}

fn mood_message(mood: u8) -> &'static str {
    match mood {
        1 => "check-in-mood-1",
        2 => "check-in-mood-2",
        3 => "check-in-mood-3",
        4 => "check-in-mood-4",
        _ => "check-in-mood-5",
    }
}

fn check_in_view(ctx: &PageContext, day: &DayCheckIn) -> CheckInView {
    let mood = day.check_in.mood().get();
    CheckInView {
        date: ctx.lang.date(day.day),
        mood,
        mood_words: ctx.t(mood_message(mood)),
        craving: i64::from(day.check_in.craving().get()),
        used: day.check_in.used(),
        helped: day.check_in.helped().to_owned(),
        note: day.check_in.note().to_owned(),
    }
}

/// The check-in form's fields, as typed.
#[derive(Debug, Default, Deserialize)]
pub struct CheckInForm {
    #[serde(default)]
    mood: String,
    #[serde(default)]
    craving: String,
    #[serde(default)]
    used: String,
    #[serde(default)]
    helped: String,
    #[serde(default)]
    note: String,
}

impl CheckInForm {
    fn of(check_in: &CheckIn) -> CheckInForm {
        CheckInForm {
            mood: check_in.mood().to_string(),
            craving: check_in.craving().to_string(),
            used: match check_in.used() {
                None => String::new(),
                Some(true) => "yes".to_owned(),
                Some(false) => "no".to_owned(),
            },
            helped: check_in.helped().to_owned(),
            note: check_in.note().to_owned(),
        }
    }
}

#[derive(Template)]
#[template(path = "recovery/check_in.html")]
struct CheckInPage {
    ctx: PageContext,
    today: String,
    /// Today's check-in was made already: the form changes it.
    made: bool,
    saved: bool,
    streak: i64,
    form: CheckInForm,
    problem: Option<(&'static str, String)>,
    /// The crisis lines, when what was just written reads as a crisis.
    crisis: Vec<CrisisResource>,
    recent: Vec<CheckInView>,
}

impl CheckInPage {
    fn problem_in(&self, field: &str) -> Option<&str> {
        (self.problem.as_ref())
            .filter(|(at, _)| *at == field)
            .map(|(_, message)| message.as_str())
    }

    /// Each mood: its value, its words, and whether it is chosen.
    fn moods(&self) -> Vec<(u8, String, bool)> {
        (Mood::MIN..=Mood::MAX)
            .map(|mood| {
                let chosen = self.form.mood == mood.to_string();
                (mood, self.ctx.t(mood_message(mood)), chosen)
            })
            .collect()
    }

    /// Each craving score and whether it is chosen.
    fn cravings(&self) -> Vec<(u8, bool)> {
        (Craving::MIN..=Craving::MAX)
            .map(|craving| (craving, self.form.craving == craving.to_string()))
            .collect()
    }
}

/// Why the page is shown: the form as stored, or as just typed.
enum Showing {
    Stored { saved: bool, crisis: bool },
    Typed(CheckInForm, (&'static str, String)),
}

async fn check_in_page(
    state: &AppState,
    ctx: PageContext,
    user: &CurrentUser,
    headers: &HeaderMap,
    showing: Showing,
) -> Result<CheckInPage, AppError> {
    let today = today_of(state, user);
    let account = user.account.id;
    let recent = (state.store)
        .check_ins(account, today.saturating_sub(RECENT_DAYS.days()), today)
        .await?;
    let days: Vec<Date> = (state
        .store
        .check_in_scores(account, Date::MIN)
        .await?
        .iter())
    .map(|scores| scores.day)
    .collect();
    let stored = recent.iter().find(|day| day.day == today);
    let (form, problem, saved, crisis) = match showing {
        Showing::Typed(form, problem) => (form, Some(problem), false, false),
        Showing::Stored { saved, crisis } => (
            stored
                .map(|day| CheckInForm::of(&day.check_in))
                .unwrap_or_default(),
            None,
            saved,
            crisis,
        ),
    };
    // Only today's own words can bring the crisis lines up, not a link.
    let crisis = match stored {
        Some(day) if crisis => crisis_lines(state, &ctx, headers, &day.check_in),
        _ => Vec::new(),
    };
    Ok(CheckInPage {
        today: ctx.lang.date(today),
        made: stored.is_some(),
        saved,
        streak: i64::from(check_in_streak(&days, today)),
        form,
        problem,
        crisis,
        recent: (recent.iter())
            .filter(|day| day.day != today)
            .map(|day| check_in_view(&ctx, day))
            .collect(),
        ctx,
    })
}

/// The crisis lines for the reader, if the check-in's words read as a
/// crisis; none otherwise.
fn crisis_lines(
    state: &AppState,
    ctx: &PageContext,
    headers: &HeaderMap,
    check_in: &CheckIn,
) -> Vec<CrisisResource> {
    let view = CrisisView::of_text(state, &words_of(check_in), ctx.lang, headers);
    view.into_resources()
}

/// What the member wrote, for the crisis detector.
fn words_of(check_in: &CheckIn) -> String {
    format!("{}\n\n{}", check_in.helped(), check_in.note())
}

#[derive(Debug, Deserialize)]
struct SavedQuery {
    saved: Option<String>,
}

async fn today_page(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
    headers: HeaderMap,
    Query(query): Query<SavedQuery>,
) -> Result<Response, AppError> {
    let showing = Showing::Stored {
        saved: query.saved.is_some(),
        crisis: query.saved.as_deref() == Some("crisis"),
    };
    let page = check_in_page(&state, ctx, &user, &headers, showing).await?;
    Ok(render(&page)?.into_response())
}

async fn save(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
    headers: HeaderMap,
    Form(form): Form<CheckInForm>,
) -> Result<Response, AppError> {
    let parsed = CheckIn::parse(
        &form.mood,
        &form.craving,
        &form.used,
        &form.helped,
        &form.note,
    );
    let check_in = match parsed {
        Ok(check_in) => check_in,
        Err(error) => {
            let problem = (error.field(), ctx.message(&check_in_message(error)));
            let showing = Showing::Typed(form, problem);
            let page = check_in_page(&state, ctx, &user, &headers, showing).await?;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response());
        }
    };
    let today = today_of(&state, &user);
    (state.store)
        .save_check_in(user.account.id, today, &check_in, Timestamp::now())
        .await?;
    let crisis = hearth_domain::safety::crisis::assess(&words_of(&check_in)).detected();
    Ok(Redirect::to(if crisis {
        "/recovery/check-in?saved=crisis#crisis"
    } else {
        "/recovery/check-in?saved=1"
    })
    .into_response())
}

#[derive(Debug, Deserialize)]
struct HistoryQuery {
    range: Option<String>,
}

#[derive(Template)]
#[template(path = "recovery/check_ins.html")]
struct HistoryPage {
    ctx: PageContext,
    range: ChartRange,
    moods: MoodCravingChart,
    calendar: CalendarChart,
    check_ins: Vec<CheckInView>,
}

impl HistoryPage {
    /// Each range: its days, and whether it is the one shown.
    fn ranges(&self) -> Vec<(i64, bool)> {
        (ChartRange::ALL.iter())
            .map(|range| (range.days(), *range == self.range))
            .collect()
    }
}

async fn history(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
    Query(query): Query<HistoryQuery>,
) -> Result<Response, AppError> {
    let range = ChartRange::parse(query.range.as_deref().unwrap_or_default());
    let today = today_of(&state, &user);
    let from = today.saturating_sub((range.days() - 1).days());
    let account = user.account.id;
    let check_ins = state.store.check_ins(account, from, today).await?;
    let scores: Vec<CheckInScores> = (state.store.check_in_scores(account, from).await?.iter())
        .map(|scores| CheckInScores {
            day: scores.day,
            mood: scores.mood.get(),
            craving: scores.craving.get(),
        })
        .collect();
    let days: Vec<(Date, u32)> = scores.iter().map(|scores| (scores.day, 1)).collect();
    let lang = ctx.lang;
    let page = HistoryPage {
        range,
        moods: MoodCravingChart::new(lang, "moods", today, range, &scores),
        calendar: CalendarChart::new(
            lang,
            "days",
            today,
            range.days(),
            CalendarKind::CheckIns,
            &days,
        ),
        check_ins: (check_ins.iter())
            .map(|day| check_in_view(&ctx, day))
            .collect(),
        ctx,
    };
    Ok(render(&page)?.into_response())
}

/// `GET /api/v1/recovery/check-ins`, `GET/PUT /api/v1/recovery/check-ins/{day}`.
pub(super) fn api_routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(api_check_ins))
        .routes(routes!(api_check_in, api_save))
}

/// A day's check-in.
#[derive(Debug, Serialize, ToSchema)]
pub struct CheckInJson {
    /// `YYYY-MM-DD`, my local day.
    day: String,
    /// 1 (very low) to 5 (very good).
    mood: u8,
    /// 0 (none) to 10 (overwhelming).
    craving: u8,
    /// `null` when I chose not to say.
    used: Option<bool>,
    helped: String,
    note: String,
    /// Whether it can still be changed: only on its own day.
    editable: bool,
}

impl CheckInJson {
    fn new(day: &DayCheckIn, today: Date) -> CheckInJson {
        CheckInJson {
            day: day.day.to_string(),
            mood: day.check_in.mood().get(),
            craving: day.check_in.craving().get(),
            used: day.check_in.used(),
            helped: day.check_in.helped().to_owned(),
            note: day.check_in.note().to_owned(),
            editable: is_editable(day.day, today),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CheckInsJson {
    /// Days in a row with a check-in, up to today (or yesterday, while
    /// today's is still to come).
    streak: u32,
    /// Newest first.
    check_ins: Vec<CheckInJson>,
}

#[derive(Debug, Deserialize, IntoParams)]
pub struct CheckInsQuery {
    /// `YYYY-MM-DD`; 29 days before `to` when left out.
    from: Option<String>,
    /// `YYYY-MM-DD`; my today when left out.
    to: Option<String>,
}

fn day_param(input: Option<&str>, field: &'static str, default: Date) -> Result<Date, AppError> {
    match input {
        None => Ok(default),
        Some(text) => text.parse().map_err(|_| {
            AppError::Invalid(vec![FieldError {
                field,
                code: "date_format",
                message: Message::new("recovery-date-format"),
            }])
        }),
    }
}

/// My check-ins between two days, with my check-in streak.
#[utoipa::path(
    get,
    path = "/api/v1/recovery/check-ins",
    tag = "recovery",
    security(("bearer" = [])),
    params(CheckInsQuery),
    responses(
        (status = 200, body = CheckInsJson),
        (status = 401, description = "Sign in first", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A date is not valid", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn api_check_ins(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(query): Query<CheckInsQuery>,
) -> Result<Json<CheckInsJson>, AppError> {
    let today = today_of(&state, &user);
    let to = day_param(query.to.as_deref(), "to", today)?;
    let from = day_param(query.from.as_deref(), "from", to.saturating_sub(29.days()))?;
    let account = user.account.id;
    let check_ins = state.store.check_ins(account, from, to).await?;
    let days: Vec<Date> = (state
        .store
        .check_in_scores(account, Date::MIN)
        .await?
        .iter())
    .map(|scores| scores.day)
    .collect();
    Ok(Json(CheckInsJson {
        streak: check_in_streak(&days, today),
        check_ins: (check_ins.iter())
            .map(|day| CheckInJson::new(day, today))
            .collect(),
    }))
}

/// My check-in on one day.
#[utoipa::path(
    get,
    path = "/api/v1/recovery/check-ins/{day}",
    tag = "recovery",
    security(("bearer" = [])),
    params(("day" = String, Path, description = "`YYYY-MM-DD`, my local day")),
    responses(
        (status = 200, body = CheckInJson),
        (status = 404, description = "No check-in of mine that day", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn api_check_in(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(day): Path<String>,
) -> Result<Json<CheckInJson>, AppError> {
    let day: Date = day.parse().map_err(|_| AppError::NotFound)?;
    let found = (state.store.check_in_on(user.account.id, day).await?).ok_or(AppError::NotFound)?;
    Ok(Json(CheckInJson::new(&found, today_of(&state, &user))))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct CheckInRequest {
    /// 1 (very low) to 5 (very good).
    mood: u8,
    /// 0 (none) to 10 (overwhelming).
    craving: u8,
    /// Left out or `null` to not say.
    #[serde(default)]
    used: Option<bool>,
    #[serde(default)]
    helped: String,
    /// Only I can read it; sealed at rest.
    #[serde(default)]
    note: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SavedCheckInJson {
    #[serde(flatten)]
    check_in: CheckInJson,
    /// Whether what I wrote reads as a crisis, with the lines to call.
    crisis: CrisisView,
}

/// Make or change today's check-in. Only today's can be changed: `day`
/// must be my today.
#[utoipa::path(
    put,
    path = "/api/v1/recovery/check-ins/{day}",
    tag = "recovery",
    security(("bearer" = [])),
    params(("day" = String, Path, description = "`YYYY-MM-DD`: my today")),
    request_body = CheckInRequest,
    responses(
        (status = 201, description = "Today's first check-in", body = SavedCheckInJson),
        (status = 200, description = "Today's check-in, changed", body = SavedCheckInJson),
        (status = 422, description = "A field is not valid, or the day is not today", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn api_save(
    State(state): State<AppState>,
    Extension(lang): Extension<Lang>,
    user: CurrentUser,
    headers: HeaderMap,
    Path(day): Path<String>,
    Json(body): Json<CheckInRequest>,
) -> Result<Response, AppError> {
    let today = today_of(&state, &user);
    if day.parse::<Date>().ok() != Some(today) {
        return Err(AppError::Invalid(vec![FieldError {
            field: "day",
            code: "not_today",
            message: Message::new("check-in-not-today"),
        }]));
    }
    let check_in = Mood::new(body.mood)
        .and_then(|mood| Ok((mood, Craving::new(body.craving)?)))
        .and_then(|(mood, craving)| {
            CheckIn::new(mood, craving, body.used, &body.helped, &body.note)
        })
        .map_err(|error| AppError::Invalid(vec![check_in_field_error(error)]))?;
    let now = Timestamp::now();
    let first = (state.store)
        .save_check_in(user.account.id, today, &check_in, now)
        .await?;
    let crisis = CrisisView::of_text(&state, &words_of(&check_in), lang, &headers);
    let saved = DayCheckIn {
        day: today,
        check_in,
        updated_at: now,
    };
    let status = if first {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    let body = SavedCheckInJson {
        check_in: CheckInJson::new(&saved, today),
        crisis,
    };
    Ok((status, Json(body)).into_response())
}
