//! Reporting a post or a person to the group's facilitators, and asking them
//! for support after writing something hard.
//!
//! Behind the privacy wall like every group route: only members report, and
//! only what they can see.

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use hearth_domain::moderation::{ModerationInputError, ReportNote, ReportReason};
use hearth_domain::throttle::RateAction;
use hearth_store::StoreError;
use hearth_store::groups::posts::PostId;
use hearth_store::moderation::Reported;
use hearth_store::people::AccountId;
use jiff::Timestamp;
use serde::Deserialize;

use super::Routes;
use super::access::Member;
use crate::auth::ClientAddress;
use crate::i18n::Message;
use crate::page::{PageContext, render};
use crate::safety::brake;
use crate::{AppError, AppState};

pub fn routes() -> Routes {
    vec![
        (
            "/groups/{group}/posts/{post}/report",
            get(report_post_page).post(report_post),
        ),
        (
            "/groups/{group}/members/{account}/report",
            get(report_person_page).post(report_person),
        ),
        (
            "/groups/{group}/posts/{post}/ask-for-support",
            post(ask_for_support),
        ),
    ]
}

/// The message naming each reason, as the form and the queue show it.
pub(crate) fn reason_message(reason: ReportReason) -> &'static str {
    match reason {
        ReportReason::Crisis => "report-reason-crisis",
        ReportReason::Harassment => "report-reason-harassment",
        ReportReason::Hate => "report-reason-hate",
        ReportReason::Spam => "report-reason-spam",
        ReportReason::Norms => "report-reason-norms",
        ReportReason::Other => "report-reason-other",
    }
}

/// The form, the thanks after it, or the form again with what was wrong.
#[derive(Template)]
#[template(path = "groups/report.html")]
struct ReportPage {
    ctx: PageContext,
    member: Member,
    /// Where the form posts.
    action: String,
    /// Where "back" goes.
    back: String,
    /// The post reported, as an excerpt; `None` for a person.
    excerpt: Option<String>,
    /// The person reported, for a report about a person.
    person: Option<String>,
    reason: String,
    note: String,
    problem: Option<(&'static str, String)>,
    done: bool,
}

impl ReportPage {
    /// Each reason: its code, its name, and whether it is chosen.
    fn reasons(&self) -> Vec<(&'static str, String, bool)> {
        (ReportReason::ALL.iter())
            .map(|reason| {
                let code = reason.as_str();
                (
                    code,
                    self.ctx.t(reason_message(*reason)),
                    code == self.reason,
                )
            })
            .collect()
    }

    fn note_max_chars(&self) -> usize {
        ReportNote::MAX_CHARS
    }

    fn problem_in(&self, field: &str) -> Option<&str> {
        (self.problem.as_ref())
            .filter(|(at, _)| *at == field)
            .map(|(_, message)| message.as_str())
    }
}

#[derive(Debug, Deserialize)]
pub struct ReportForm {
    #[serde(default)]
    reason: String,
    #[serde(default)]
    note: String,
}

/// What a report is about, as the page names it.
enum Subject {
    Post {
        id: PostId,
        excerpt: String,
        back: String,
    },
    Person {
        id: AccountId,
        handle: String,
    },
}

impl Subject {
    async fn post(state: &AppState, member: &Member, post: i64) -> Result<Subject, AppError> {
        let post = (state.store)
            .post(member.group.id, PostId(post))
            .await?
            .filter(|post| !post.removed)
            .ok_or(AppError::NotFound)?;
        let back = format!(
            "/groups/{}/threads/{}#post-{}",
            member.group.id.0,
            post.thread().0,
            post.id.0
        );
        Ok(Subject::Post {
            id: post.id,
            excerpt: post.excerpt.unwrap_or_default(),
            back,
        })
    }

    async fn person(state: &AppState, member: &Member, account: i64) -> Result<Subject, AppError> {
        let members = state.store.members(member.group.id).await?;
        let person = (members.into_iter())
            .find(|person| person.account_id.0 == account)
            .ok_or(AppError::NotFound)?;
        Ok(Subject::Person {
            id: person.account_id,
            handle: person.handle,
        })
    }

    fn page(&self, ctx: PageContext, member: Member, form: ReportForm) -> ReportPage {
        let group = member.group.id.0;
        let (action, back, excerpt, person) = match self {
            Subject::Post { id, excerpt, back } => (
                format!("/groups/{group}/posts/{}/report", id.0),
                back.clone(),
                Some(excerpt.clone()),
                None,
            ),
            Subject::Person { id, handle } => (
                format!("/groups/{group}/members/{}/report", id.0),
                format!("/groups/{group}/members"),
                None,
                Some(handle.clone()),
            ),
        };
        ReportPage {
            ctx,
            member,
            action,
            back,
            excerpt,
            person,
            reason: form.reason,
            note: form.note,
            problem: None,
            done: false,
        }
    }

    fn reported(&self) -> Reported {
        match self {
            Subject::Post { id, .. } => Reported::Post(*id),
            Subject::Person { id, .. } => Reported::Person(*id),
        }
    }
}

fn empty_form() -> ReportForm {
    ReportForm {
        reason: String::new(),
        note: String::new(),
    }
}

async fn report_post_page(
    State(state): State<AppState>,
    ctx: PageContext,
    member: Member,
    Path((_, post)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let subject = Subject::post(&state, &member, post).await?;
    Ok(render(&subject.page(ctx, member, empty_form()))?.into_response())
}

async fn report_person_page(
    State(state): State<AppState>,
    ctx: PageContext,
    member: Member,
    Path((_, account)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let subject = Subject::person(&state, &member, account).await?;
    Ok(render(&subject.page(ctx, member, empty_form()))?.into_response())
}

async fn report_post(
    State(state): State<AppState>,
    ctx: PageContext,
    member: Member,
    address: ClientAddress,
    Path((_, post)): Path<(i64, i64)>,
    Form(form): Form<ReportForm>,
) -> Result<Response, AppError> {
    let subject = Subject::post(&state, &member, post).await?;
    file(&state, ctx, member, address, subject, form).await
}

async fn report_person(
    State(state): State<AppState>,
    ctx: PageContext,
    member: Member,
    address: ClientAddress,
    Path((_, account)): Path<(i64, i64)>,
    Form(form): Form<ReportForm>,
) -> Result<Response, AppError> {
    let subject = Subject::person(&state, &member, account).await?;
    file(&state, ctx, member, address, subject, form).await
}

/// Files the report, or shows the form again, with what was typed and what
/// was wrong.
async fn file(
    state: &AppState,
    ctx: PageContext,
    member: Member,
    address: ClientAddress,
    subject: Subject,
    form: ReportForm,
) -> Result<Response, AppError> {
    let parsed = form
        .reason
        .parse::<ReportReason>()
        .and_then(|reason| Ok((reason, ReportNote::parse(&form.note)?)));
    let (reason, note) = match parsed {
        Ok(parsed) => parsed,
        Err(error) => {
            let message = ctx.message(&input_message(error));
            let mut page = subject.page(ctx, member, form);
            page.problem = Some((error.field(), message));
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response());
        }
    };
    if let Err(error) = brake(state, &member.user, &address, RateAction::Report).await {
        let status = error.status();
        let message = error.detail(ctx.lang);
        let mut page = subject.page(ctx, member, form);
        page.problem = Some(("note", message));
        return Ok((status, render(&page)?).into_response());
    }
    (state.store)
        .file_report(
            member.group.id,
            member.user.account.id,
            subject.reported(),
            reason,
            &note,
            Timestamp::now(),
        )
        .await
        .map_err(|error| match error {
            StoreError::NotFound(_) => AppError::NotFound,
            other => other.into(),
        })?;
    let mut page = subject.page(ctx, member, empty_form());
    page.done = true;
    Ok((StatusCode::CREATED, render(&page)?).into_response())
}

/// What was wrong with a report's fields, in words.
pub(crate) fn input_message(error: ModerationInputError) -> Message {
    match error {
        ModerationInputError::Reason => Message::new("report-reason-missing"),
        ModerationInputError::NoteTooLong { max } => {
            Message::new("report-note-too-long").with("max", max)
        }
        ModerationInputError::Action => Message::new("moderation-action-missing"),
        ModerationInputError::Days { max } => {
            Message::new("moderation-days-out-of-range").with("max", i64::from(max))
        }
        ModerationInputError::ReasonNeeded => Message::new("manage-reason-missing"),
        ModerationInputError::ReasonTooLong { max } => {
            Message::new("manage-reason-too-long").with("max", max)
        }
    }
}

/// "Tell my facilitators I need support": from the panel shown after
/// writing something that reads as a crisis, about one's own post.
async fn ask_for_support(
    State(state): State<AppState>,
    member: Member,
    Path((_, post)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let group = member.group.id;
    let post = (state.store)
        .post(group, PostId(post))
        .await?
        .filter(|post| post.author.account_id == member.user.account.id)
        .ok_or(AppError::NotFound)?;
    (state.store)
        .ask_for_support(group, post.id, member.user.account.id, Timestamp::now())
        .await?;
    Ok(Redirect::to(&format!(
        "/groups/{}/threads/{}?crisis={}&support=asked#crisis",
        group.0,
        post.thread().0,
        post.id.0
    ))
    .into_response())
}
