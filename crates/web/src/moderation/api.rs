//! The same as the moderation pages, for apps: reporting, asking for
//! support, the queue and its decisions, the audit log, and one's own
//! reports and warnings.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use hearth_domain::moderation::{Decision, ModeratorReason, ReportNote, ReportReason};
use hearth_domain::people::Role;
use hearth_domain::throttle::RateAction;
use hearth_store::groups::posts::PostId;
use hearth_store::moderation::{Report, ReportId, Reported};
use hearth_store::people::AccountId;
use hearth_store::{Entity, StoreError};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::moderator;
use crate::auth::{ClientAddress, CurrentUser};
use crate::error::{FieldError, Problem};
use crate::groups::access::Member;
use crate::groups::api_manage::AuditLogView;
use crate::i18n::Message;
use crate::safety::brake;
use crate::{AppError, AppState};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(file_report))
        .routes(routes!(ask_for_support))
        .routes(routes!(open_reports))
        .routes(routes!(close_report))
        .routes(routes!(unhide_post))
        .routes(routes!(audit_log))
        .routes(routes!(own_reports))
}

/// A report, as a moderator sees it.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReportView {
    id: i64,
    group_id: i64,
    group_name: String,
    /// `crisis`, `harassment`, `hate`, `spam`, `norms` or `other`.
    reason: String,
    /// `member`, `detector` (crisis language) or `support` (the writer asked).
    source: String,
    note: String,
    /// The reporter's handle; null for the detector.
    reporter: Option<String>,
    post_id: Option<i64>,
    /// The post's HTML, kept even once hidden or removed.
    post_html: Option<String>,
    post_hidden: bool,
    post_removed: bool,
    /// The person reported; null for an anonymous post's author.
    person: Option<String>,
    #[schema(value_type = String, format = DateTime)]
    created_at: Timestamp,
    /// Once closed: `dismissed`, `hidden`, `removed`, `warned`, `muted`,
    /// `removed_from_group` or `suspended`.
    outcome: Option<String>,
    outcome_reason: Option<String>,
}

impl ReportView {
    fn new(report: &Report) -> ReportView {
        let post = report.post.as_ref();
        ReportView {
            id: report.id.0,
            group_id: report.group_id.0,
            group_name: report.group_name.clone(),
            reason: report.reason.as_str().to_owned(),
            source: report.source.as_str().to_owned(),
            note: report.note.clone(),
            reporter: report.reporter.clone(),
            post_id: post.map(|post| post.id.0),
            post_html: post.map(|post| post.html.clone()),
            post_hidden: post.is_some_and(|post| post.hidden),
            post_removed: post.is_some_and(|post| post.removed),
            person: report.person.clone(),
            created_at: report.created_at,
            outcome: (report.closed.as_ref()).map(|closed| closed.outcome.as_str().to_owned()),
            outcome_reason: report.closed.as_ref().map(|closed| closed.reason.clone()),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ReportsView {
    /// Crisis first, then the oldest.
    reports: Vec<ReportView>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FiledReport {
    id: i64,
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct NewReportRequest {
    /// The share or reply reported; give this or `account_id`.
    post_id: Option<i64>,
    /// The person reported, a member (or former member) of the group.
    account_id: Option<i64>,
    /// `crisis`, `harassment`, `hate`, `spam`, `norms` or `other`.
    reason: String,
    #[serde(default)]
    note: String,
}

fn invalid(field: &'static str, code: &'static str, message: Message) -> AppError {
    AppError::Invalid(vec![FieldError {
        field,
        code,
        message,
    }])
}

/// Report a post or a person to the group's facilitators. The reporter is
/// told the outcome.
#[utoipa::path(
    post,
    path = "/api/v1/groups/{group}/reports",
    tag = "safety",
    security(("bearer" = [])),
    params(("group" = i64, Path, description = "The group's id")),
    request_body = NewReportRequest,
    responses(
        (status = 201, body = FiledReport),
        (status = 404, description = "No such group, post or person, or I am not a member", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A field is not valid", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many reports in a short time", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn file_report(
    State(state): State<AppState>,
    member: Member,
    address: ClientAddress,
    Json(body): Json<NewReportRequest>,
) -> Result<Response, AppError> {
    let reported = match (body.post_id, body.account_id) {
        (Some(post), None) => Reported::Post(PostId(post)),
        (None, Some(account)) => Reported::Person(AccountId(account)),
        _ => {
            return Err(invalid(
                "post_id",
                "one_subject",
                Message::new("report-one-subject"),
            ));
        }
    };
    let reason = body
        .reason
        .parse::<ReportReason>()
        .map_err(|error| AppError::Invalid(vec![error.into()]))?;
    let note =
        ReportNote::parse(&body.note).map_err(|error| AppError::Invalid(vec![error.into()]))?;
    brake(&state, &member.user, &address, RateAction::Report).await?;
    let id = (state.store)
        .file_report(
            member.group.id,
            member.user.account.id,
            reported,
            reason,
            &note,
            Timestamp::now(),
        )
        .await
        .map_err(not_found)?;
    Ok((StatusCode::CREATED, Json(FiledReport { id: id.0 })).into_response())
}

fn not_found(error: StoreError) -> AppError {
    match error {
        StoreError::NotFound(_) => AppError::NotFound,
        other => other.into(),
    }
}

/// Tell my group's facilitators I need support, about a post of mine. They
/// see it first in their queue, with my name even if the post is
/// anonymous. Asking again while they have not answered gives the same
/// report back.
#[utoipa::path(
    post,
    path = "/api/v1/groups/{group}/posts/{post}/ask-for-support",
    tag = "safety",
    security(("bearer" = [])),
    params(
        ("group" = i64, Path, description = "The group's id"),
        ("post" = i64, Path, description = "My share's or reply's id"),
    ),
    responses(
        (status = 201, body = FiledReport),
        (status = 404, description = "No such post of mine, or I am not a member", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn ask_for_support(
    State(state): State<AppState>,
    member: Member,
    Path(ids): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let id = (state.store)
        .ask_for_support(
            member.group.id,
            PostId(ids.1),
            member.user.account.id,
            Timestamp::now(),
        )
        .await
        .map_err(not_found)?;
    Ok((StatusCode::CREATED, Json(FiledReport { id: id.0 })).into_response())
}

/// The open reports I may act on: my groups' as a facilitator, every
/// group's as a site admin. Crisis first, then the oldest.
#[utoipa::path(
    get,
    path = "/api/v1/moderation/reports",
    tag = "safety",
    security(("bearer" = [])),
    responses(
        (status = 200, body = ReportsView),
        (status = 401, description = "Sign in first", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn open_reports(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Json<ReportsView>, AppError> {
    let reports = state.store.open_reports(moderator(&user)).await?;
    Ok(Json(ReportsView {
        reports: reports.iter().map(ReportView::new).collect(),
    }))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct DecisionRequest {
    /// `dismiss`, `hide`, `remove`, `warn`, `mute`, `remove_from_group`, or
    /// (site admins) `suspend`.
    action: String,
    /// For `mute` (1 to 90) and `suspend` (1 to 365; left out, until lifted).
    days: Option<u32>,
    /// Why, for the audit log and for the person warned; needed for every
    /// action but `dismiss`.
    #[serde(default)]
    reason: String,
}

/// Close a report with a decision, carried out at once and written to the
/// audit log; the reporter is told the outcome.
#[utoipa::path(
    post,
    path = "/api/v1/moderation/reports/{report}",
    tag = "safety",
    security(("bearer" = [])),
    params(("report" = i64, Path, description = "The report's id")),
    request_body = DecisionRequest,
    responses(
        (status = 200, body = ReportView),
        (status = 404, description = "No such open report that I may act on", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The report has no post to hide or remove, or the person is no longer in the group (or owns it)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A field is not valid", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn close_report(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(report): Path<i64>,
    Json(body): Json<DecisionRequest>,
) -> Result<Json<ReportView>, AppError> {
    let moderator = moderator(&user);
    let report = ReportId(report);
    (state.store)
        .report(report, moderator)
        .await?
        .ok_or(AppError::NotFound)?;
    let days = body.days.map(|days| days.to_string()).unwrap_or_default();
    let decision = Decision::parse(&body.action, &days)
        .map_err(|error| AppError::Invalid(vec![error.into()]))?;
    if decision.needs_admin() && !user.roles.contains(&Role::Admin) {
        return Err(AppError::NotFound);
    }
    let reason = ModeratorReason::for_decision(&body.reason, decision)
        .map_err(|error| AppError::Invalid(vec![error.into()]))?;
    (state.store)
        .close_report(report, moderator, decision, &reason, Timestamp::now())
        .await
        .map_err(|error| match error {
            StoreError::NotFound(Entity::Report) => AppError::NotFound,
            StoreError::NotFound(Entity::Post) => {
                AppError::Conflict(Message::new("moderation-no-post"))
            }
            StoreError::NotFound(_) => {
                AppError::Conflict(Message::new("moderation-person-not-in-group"))
            }
            other => other.into(),
        })?;
    let closed = (state.store)
        .report(report, moderator)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Json(ReportView::new(&closed)))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct UnhideRequest {
    /// Why, for the audit log.
    reason: String,
}

/// Put a hidden post back in members' view.
#[utoipa::path(
    post,
    path = "/api/v1/moderation/posts/{post}/unhide",
    tag = "safety",
    security(("bearer" = [])),
    params(("post" = i64, Path, description = "The hidden post's id")),
    request_body = UnhideRequest,
    responses(
        (status = 204, description = "It is back"),
        (status = 404, description = "No such hidden post that I may put back", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "No reason given", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn unhide_post(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(post): Path<i64>,
    Json(body): Json<UnhideRequest>,
) -> Result<StatusCode, AppError> {
    let reason = ModeratorReason::parse(&body.reason)
        .map_err(|error| AppError::Invalid(vec![error.into()]))?;
    (state.store)
        .unhide_post(PostId(post), moderator(&user), &reason, Timestamp::now())
        .await
        .map_err(not_found)?;
    Ok(StatusCode::NO_CONTENT)
}

/// The audit log I may read: every group's as a site admin, the groups I
/// facilitate otherwise. Nothing can change or delete it.
#[utoipa::path(
    get,
    path = "/api/v1/moderation/audit",
    tag = "safety",
    security(("bearer" = [])),
    responses(
        (status = 200, body = AuditLogView),
        (status = 401, description = "Sign in first", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn audit_log(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Json<AuditLogView>, AppError> {
    let entries = (state.store)
        .audit_log_for(super::moderator(&user), super::AUDIT_ENTRIES)
        .await?;
    Ok(Json(AuditLogView::new(&entries)))
}

/// One of my reports, and what became of it.
#[derive(Debug, Serialize, ToSchema)]
pub struct OwnReportView {
    id: i64,
    group_id: i64,
    group_name: String,
    reason: String,
    /// `member`, or `support` when I asked for support.
    source: String,
    #[schema(value_type = String, format = DateTime)]
    created_at: Timestamp,
    /// Null while a facilitator has not decided.
    outcome: Option<String>,
}

/// A warning a moderator gave me, and why.
#[derive(Debug, Serialize, ToSchema)]
pub struct WarningView {
    group_id: i64,
    group_name: String,
    reason: String,
    #[schema(value_type = String, format = DateTime)]
    at: Timestamp,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OwnReportsView {
    reports: Vec<OwnReportView>,
    warnings: Vec<WarningView>,
}

/// My reports and their outcomes, and any warnings given to me.
#[utoipa::path(
    get,
    path = "/api/v1/account/reports",
    tag = "safety",
    security(("bearer" = [])),
    responses(
        (status = 200, body = OwnReportsView),
        (status = 401, description = "Sign in first", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn own_reports(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Json<OwnReportsView>, AppError> {
    let reports = state.store.own_reports(user.account.id).await?;
    let warnings = state.store.warnings(user.account.id).await?;
    Ok(Json(OwnReportsView {
        reports: (reports.into_iter())
            .map(|report| OwnReportView {
                id: report.id.0,
                group_id: report.group_id.0,
                group_name: report.group_name,
                reason: report.reason.as_str().to_owned(),
                source: report.source.as_str().to_owned(),
                created_at: report.created_at,
                outcome: report.outcome.map(|outcome| outcome.as_str().to_owned()),
            })
            .collect(),
        warnings: (warnings.into_iter())
            .map(|warning| WarningView {
                group_id: warning.group_id.0,
                group_name: warning.group_name,
                reason: warning.reason,
                at: warning.at,
            })
            .collect(),
    }))
}
