//! The moderation queue and the audit log, for the facilitators of each
//! group and for site admins; and "your reports", where a person sees what
//! became of what they reported and any warning given to them.
//!
//! Who sees which report is decided in the store's queries
//! ([`Moderator`]): a facilitator sees their groups' reports only, and a
//! report they may not see answers 404, as if it were not there.

mod api;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use hearth_domain::moderation::{
    Decision, ModerationInputError, ModeratorReason, Outcome, ReportReason, ReportSource,
};
use hearth_domain::people::Role;
use hearth_store::groups::posts::PostId;
use hearth_store::moderation::{Moderator, OwnReport, Report, ReportId, Warning};
use hearth_store::{Entity, StoreError};
use jiff::Timestamp;
use serde::Deserialize;

pub use api::routes as api_routes;

use crate::auth::CurrentUser;
use crate::groups::manage::{AuditRow, audit_row};
use crate::groups::reports::{input_message, reason_message};
use crate::i18n::Message;
use crate::page::{PageContext, render};
use crate::{AppError, AppState};

/// Closed reports shown under the queue: what was decided lately.
const RECENTLY_CLOSED: u32 = 20;
/// Audit entries on the audit page.
const AUDIT_ENTRIES: u32 = 200;

pub fn page_routes() -> Router<AppState> {
    Router::new()
        .route("/moderation", get(queue_page))
        .route("/moderation/reports/{report}", post(close))
        .route("/moderation/posts/{post}/unhide", post(unhide))
        .route("/moderation/audit", get(audit_page))
        .route("/account/reports", get(own_reports_page))
}

/// The person as a moderator: an admin sees every group's reports.
pub(crate) fn moderator(user: &CurrentUser) -> Moderator {
    if user.roles.contains(&Role::Admin) {
        Moderator::Admin(user.account.id)
    } else {
        Moderator::Member(user.account.id)
    }
}

/// The message naming an outcome.
pub(crate) fn outcome_message(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Dismissed => "outcome-dismissed",
        Outcome::Hidden => "outcome-hidden",
        Outcome::Removed => "outcome-removed",
        Outcome::Warned => "outcome-warned",
        Outcome::Muted => "outcome-muted",
        Outcome::RemovedFromGroup => "outcome-removed-from-group",
        Outcome::Suspended => "outcome-suspended",
    }
}

/// A report as the queue shows it.
struct ReportView {
    id: i64,
    group_id: i64,
    group_name: String,
    crisis: bool,
    reason: String,
    /// Who raised it, in words.
    raised_by: String,
    note: String,
    post_html: Option<String>,
    /// The thread link, while the post is still in members' view.
    post_link: Option<String>,
    /// For an anonymous post: the link to the audited reveal.
    reveal_link: Option<String>,
    /// A post out of members' view that can be put back.
    hidden_post: Option<i64>,
    post_state: Option<String>,
    person: String,
    when: String,
    outcome: Option<String>,
    outcome_reason: String,
    has_post: bool,
}

fn report_view(ctx: &PageContext, report: &Report) -> ReportView {
    let raised_by = match (report.source, &report.reporter) {
        (ReportSource::Detector, _) => ctx.t("moderation-raised-by-detector"),
        (ReportSource::Support, Some(who)) => {
            ctx.t_with("moderation-raised-by-writer", "who", who.as_str())
        }
        (ReportSource::Member, Some(who)) => {
            ctx.t_with("moderation-raised-by-member", "who", who.as_str())
        }
        (_, None) => ctx.t("moderation-raised-by-someone"),
    };
    let group = report.group_id.0;
    let post = report.post.as_ref();
    ReportView {
        id: report.id.0,
        group_id: group,
        group_name: report.group_name.clone(),
        crisis: report.reason == ReportReason::Crisis,
        reason: ctx.t(reason_message(report.reason)),
        raised_by,
        note: report.note.clone(),
        post_html: post.map(|post| post.html.clone()),
        post_link: post.filter(|post| !post.removed).map(|post| {
            format!(
                "/groups/{group}/threads/{}#post-{}",
                post.thread_id.0, post.id.0
            )
        }),
        reveal_link: (post.filter(|post| post.anonymous && report.person.is_none()))
            .map(|post| format!("/groups/{group}/posts/{}/reveal", post.id.0)),
        hidden_post: post.filter(|post| post.hidden).map(|post| post.id.0),
        post_state: post.and_then(|post| match (post.hidden, post.removed) {
            (true, _) => Some(ctx.t("moderation-post-hidden")),
            (false, true) => Some(ctx.t("moderation-post-removed")),
            _ => None,
        }),
        person: (report.person.clone()).unwrap_or_else(|| ctx.t("moderation-anonymous-author")),
        when: ctx.date_time(&report.created_at),
        outcome: (report.closed.as_ref()).map(|closed| ctx.t(outcome_message(closed.outcome))),
        outcome_reason: (report.closed.as_ref())
            .map(|closed| closed.reason.clone())
            .unwrap_or_default(),
        has_post: post.is_some(),
    }
}

#[derive(Template)]
#[template(path = "moderation/queue.html")]
struct QueuePage {
    ctx: PageContext,
    admin: bool,
    open: Vec<ReportView>,
    closed: Vec<ReportView>,
    /// The report just closed, for the status line.
    closed_now: bool,
    /// A decision that could not be carried out: (report, field, message),
    /// with what the moderator chose and wrote.
    problem: Option<(i64, &'static str, String)>,
    form: DecisionForm,
}

impl QueuePage {
    /// The actions for a report: (code, name). Hiding and removing need a
    /// post; suspending is an admin's.
    fn actions(&self, report: &ReportView) -> Vec<(&'static str, String)> {
        let mut actions = vec![("dismiss", "moderation-action-dismiss")];
        if report.has_post {
            actions.push(("hide", "moderation-action-hide"));
            actions.push(("remove", "moderation-action-remove"));
        }
        actions.extend([
            ("warn", "moderation-action-warn"),
            ("mute", "moderation-action-mute"),
            ("remove_from_group", "moderation-action-remove-from-group"),
        ]);
        if self.admin {
            actions.push(("suspend", "moderation-action-suspend"));
        }
        (actions.into_iter())
            .map(|(code, id)| (code, self.ctx.t(id)))
            .collect()
    }

    fn problem_for(&self, report: &i64, field: &str) -> Option<&str> {
        (self.problem.as_ref())
            .filter(|(id, at, _)| id == report && *at == field)
            .map(|(_, _, message)| message.as_str())
    }

    /// What the form for `report` shows: what was sent, when it failed.
    fn sent(&self, report: &i64) -> (&str, &str, &str) {
        match &self.problem {
            Some((id, _, _)) if id == report => (
                self.form.action.as_str(),
                self.form.days.as_str(),
                self.form.reason.as_str(),
            ),
            _ => ("", "", ""),
        }
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct QueueParameters {
    #[serde(default)]
    closed: Option<i64>,
}

async fn queue_page(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
    Query(parameters): Query<QueueParameters>,
) -> Result<Response, AppError> {
    let page = queue(&state, ctx, &user, None, DecisionForm::default()).await?;
    let page = QueuePage {
        closed_now: parameters.closed.is_some(),
        ..page
    };
    Ok(render(&page)?.into_response())
}

async fn queue(
    state: &AppState,
    ctx: PageContext,
    user: &CurrentUser,
    problem: Option<(i64, &'static str, String)>,
    form: DecisionForm,
) -> Result<QueuePage, AppError> {
    let moderator = moderator(user);
    let open = state.store.open_reports(moderator).await?;
    let closed = (state.store)
        .closed_reports(moderator, RECENTLY_CLOSED)
        .await?;
    Ok(QueuePage {
        admin: matches!(moderator, Moderator::Admin(_)),
        open: open
            .iter()
            .map(|report| report_view(&ctx, report))
            .collect(),
        closed: (closed.iter())
            .map(|report| report_view(&ctx, report))
            .collect(),
        closed_now: false,
        problem,
        form,
        ctx,
    })
}

#[derive(Debug, Default, Deserialize)]
pub struct DecisionForm {
    #[serde(default)]
    action: String,
    #[serde(default)]
    days: String,
    #[serde(default)]
    reason: String,
}

/// A moderator's decision, or the queue again with what was wrong, next to
/// the report it was about.
async fn close(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
    Path(report): Path<i64>,
    Form(form): Form<DecisionForm>,
) -> Result<Response, AppError> {
    let moderator = moderator(&user);
    let report = ReportId(report);
    // Someone who may not see the report learns nothing, not even that it
    // exists.
    (state.store)
        .report(report, moderator)
        .await?
        .ok_or(AppError::NotFound)?;
    let parsed = Decision::parse(&form.action, &form.days).and_then(|decision| {
        Ok((
            decision,
            ModeratorReason::for_decision(&form.reason, decision)?,
        ))
    });
    let refused = |field: &'static str, message: Message| (report.0, field, message);
    let outcome = match parsed {
        Err(error) => Err(refused(error.field(), input_message(error))),
        Ok((decision, _)) if decision.needs_admin() && !user.roles.contains(&Role::Admin) => {
            return Err(AppError::NotFound);
        }
        Ok((decision, reason)) => {
            let done = (state.store)
                .close_report(report, moderator, decision, &reason, Timestamp::now())
                .await;
            match done {
                Ok(()) => Ok(()),
                Err(StoreError::NotFound(Entity::Report)) => return Err(AppError::NotFound),
                Err(StoreError::NotFound(Entity::Post)) => {
                    Err(refused("action", Message::new("moderation-no-post")))
                }
                Err(StoreError::NotFound(_)) => Err(refused(
                    "action",
                    Message::new("moderation-person-not-in-group"),
                )),
                Err(other) => return Err(other.into()),
            }
        }
    };
    match outcome {
        Ok(()) => Ok(Redirect::to(&format!("/moderation?closed={}", report.0)).into_response()),
        Err((id, field, message)) => {
            let status = if field == "action" {
                StatusCode::CONFLICT
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            };
            let message = ctx.message(&message);
            let page = queue(&state, ctx, &user, Some((id, field, message)), form).await?;
            Ok((status, render(&page)?).into_response())
        }
    }
}

#[derive(Debug, Deserialize)]
pub struct UnhideForm {
    #[serde(default)]
    reason: String,
}

/// Puts a hidden post back.
async fn unhide(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(post): Path<i64>,
    Form(form): Form<UnhideForm>,
) -> Result<Response, AppError> {
    let reason = ModeratorReason::parse(&form.reason)
        .map_err(|error| AppError::Invalid(vec![error.into()]))?;
    (state.store)
        .unhide_post(PostId(post), moderator(&user), &reason, Timestamp::now())
        .await
        .map_err(|error| match error {
            StoreError::NotFound(_) => AppError::NotFound,
            other => other.into(),
        })?;
    Ok(Redirect::to("/moderation").into_response())
}

#[derive(Template)]
#[template(path = "moderation/audit.html")]
struct AuditPage {
    ctx: PageContext,
    /// Each entry in words, with its group's id for the link.
    entries: Vec<(Option<i64>, AuditRow)>,
}

async fn audit_page(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
) -> Result<Response, AppError> {
    let entries = (state.store)
        .audit_log_for(moderator(&user), AUDIT_ENTRIES)
        .await?;
    let entries = (entries.iter())
        .map(|entry| (entry.group_id.map(|g| g.0), audit_row(&ctx, entry)))
        .collect();
    Ok(render(&AuditPage { ctx, entries })?.into_response())
}

#[derive(Template)]
#[template(path = "moderation/own_reports.html")]
struct OwnReportsPage {
    ctx: PageContext,
    reports: Vec<OwnReportView>,
    warnings: Vec<WarningView>,
}

struct OwnReportView {
    group_id: i64,
    group_name: String,
    what: String,
    when: String,
    outcome: String,
}

struct WarningView {
    group_id: i64,
    group_name: String,
    reason: String,
    when: String,
}

fn own_report_view(ctx: &PageContext, report: &OwnReport) -> OwnReportView {
    OwnReportView {
        group_id: report.group_id.0,
        group_name: report.group_name.clone(),
        what: match report.source {
            ReportSource::Support => ctx.t("own-reports-asked-for-support"),
            _ => ctx.t(reason_message(report.reason)),
        },
        when: ctx.date_time(&report.created_at),
        outcome: match report.outcome {
            Some(outcome) => ctx.t(outcome_message(outcome)),
            None => ctx.t("own-reports-waiting"),
        },
    }
}

fn warning_view(ctx: &PageContext, warning: &Warning) -> WarningView {
    WarningView {
        group_id: warning.group_id.0,
        group_name: warning.group_name.clone(),
        reason: warning.reason.clone(),
        when: ctx.date_time(&warning.at),
    }
}

async fn own_reports_page(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
) -> Result<Response, AppError> {
    let reports = state.store.own_reports(user.account.id).await?;
    let warnings = state.store.warnings(user.account.id).await?;
    Ok(render(&OwnReportsPage {
        reports: (reports.iter())
            .map(|report| own_report_view(&ctx, report))
            .collect(),
        warnings: (warnings.iter())
            .map(|warning| warning_view(&ctx, warning))
            .collect(),
        ctx,
    })?
    .into_response())
}

impl From<ModerationInputError> for crate::error::FieldError {
    fn from(error: ModerationInputError) -> crate::error::FieldError {
        crate::error::FieldError {
            field: error.field(),
            code: error.code(),
            message: input_message(error),
        }
    }
}
