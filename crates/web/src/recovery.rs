//! A member's own recovery space: their counters, the milestones reached
//! and the next one, and starting again. Private: every page reads only the
//! signed-in member's rows, and anyone else's counter answers 404.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use hearth_domain::recovery::{
    CleanTime, CounterError, CounterLabel, KeyTag, Milestone, Program, StartDate, days_clean,
    local_today, parse_reset,
};
use hearth_store::StoreError;
use hearth_store::recovery::{Counter, CounterId};
use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use serde::Deserialize;

use crate::auth::CurrentUser;
use crate::i18n::Message;
use crate::page::{PageContext, render};
use crate::{AppError, AppState};

pub fn page_routes() -> Router<AppState> {
    Router::new()
        .route("/recovery", get(overview))
        .route("/recovery/counters", post(create))
        .route("/recovery/counters/{counter}", get(detail))
        .route("/recovery/counters/{counter}/reset", post(start_again))
}

/// The member's today, in the time zone they chose (UTC until they do).
fn today_of(user: &CurrentUser) -> Date {
    let zone = (user.account.time_zone.as_deref())
        .and_then(|name| TimeZone::get(name).ok())
        .unwrap_or(TimeZone::UTC);
    local_today(Timestamp::now(), &zone)
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
fn milestone_words(ctx: &PageContext, milestone: &Milestone) -> String {
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
    let today = today_of(user);
    let counters = state.store.counters(user.account.id).await?;
    Ok(OverviewPage {
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
fn counter_problem(ctx: &PageContext, error: CounterError) -> (&'static str, String) {
    let message = match error {
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
    };
    (error.field(), ctx.message(&message))
}

async fn create(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
    Form(form): Form<CounterForm>,
) -> Result<Response, AppError> {
    let today = today_of(&user);
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
    let today = today_of(user);
    let counter = (state.store)
        .counter(user.account.id, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let streaks = state.store.past_streaks(user.account.id, id).await?;
    let lang = ctx.lang;
    Ok(CounterPage {
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

async fn detail(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
    Path(counter): Path<i64>,
) -> Result<Response, AppError> {
    let id = CounterId(counter);
    let page = counter_page(&state, ctx, &user, id, String::new(), String::new(), None).await?;
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
    let today = today_of(&user);
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
