//! The notification centre: replies to my shares, mentions, approvals and
//! norm changes, newest first, with read and unread.

use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use hearth_store::groups::notifications::{Notification, NotificationId, NotificationKind};
use jiff::Timestamp;
use serde::Deserialize;

use crate::auth::CurrentUser;
use crate::page::{PageContext, render};
use crate::{AppError, AppState};

use super::Routes;

pub fn routes() -> Routes {
    vec![
        ("/notifications", get(centre)),
        ("/notifications/read", post(mark_read)),
    ]
}

/// Notifications per page.
pub const NOTIFICATIONS_PER_PAGE: u32 = 30;

/// Where a notification leads.
pub(super) fn link(notification: &Notification) -> String {
    let group = notification.group_id.0;
    match (
        notification.kind,
        notification.thread_id,
        notification.post_id,
    ) {
        (NotificationKind::NormsChanged, _, _) => format!("/groups/{group}/norms"),
        (NotificationKind::Crisis, _, _) => match notification.report_id {
            Some(report) => format!("/moderation#report-{}", report.0),
            None => "/moderation".to_owned(),
        },
        (NotificationKind::ReportClosed | NotificationKind::Warning, _, _) => {
            "/account/reports".to_owned()
        }
        (_, Some(thread), Some(post)) => {
            format!("/groups/{group}/threads/{}#post-{}", thread.0, post.0)
        }
        _ => format!("/groups/{group}"),
    }
}

struct NotificationView {
    id: i64,
    text: String,
    link: String,
    when: String,
    read: bool,
}

#[derive(Template)]
#[template(path = "notifications.html")]
struct CentrePage {
    ctx: PageContext,
    notifications: Vec<NotificationView>,
    next: Option<i64>,
    /// Unread nudges that someone the person supports has gone quiet.
    quiet: i64,
}

#[derive(Debug, Deserialize)]
pub struct CentreParameters {
    #[serde(default)]
    before: Option<i64>,
}

/// A notification in words: who (or "a member"), what, where.
pub(super) fn describe(ctx: &PageContext, notification: &Notification) -> String {
    let who = (notification.actor.clone()).unwrap_or_else(|| ctx.t("group-author-a-member"));
    let id = match notification.kind {
        NotificationKind::Reply => "notification-reply",
        NotificationKind::Mention => "notification-mention",
        NotificationKind::Approved => "notification-approved",
        NotificationKind::NormsChanged => "notification-norms-changed",
        NotificationKind::Crisis => "notification-crisis",
        NotificationKind::ReportClosed => "notification-report-closed",
        NotificationKind::Warning => "notification-warning",
    };
    ctx.message(
        &crate::i18n::Message::new(id)
            .with("who", who)
            .with("group", notification.group_name.clone()),
    )
}

async fn centre(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
    Query(parameters): Query<CentreParameters>,
) -> Result<Response, AppError> {
    let found = state
        .store
        .notifications(
            user.account.id,
            parameters.before.map(NotificationId),
            NOTIFICATIONS_PER_PAGE,
        )
        .await?;
    let next = (found.len() == NOTIFICATIONS_PER_PAGE as usize)
        .then(|| found.last().map(|last| last.id.0))
        .flatten();
    let notifications = found
        .iter()
        .map(|notification| NotificationView {
            id: notification.id.0,
            text: describe(&ctx, notification),
            link: link(notification),
            when: ctx.date_time(&notification.created_at),
            read: notification.read,
        })
        .collect();
    let nudges = state.store.nudges(user.account.id).await?;
    let quiet = nudges.iter().filter(|nudge| !nudge.read).count() as i64;
    Ok(render(&CentrePage {
        quiet,
        ctx,
        notifications,
        next,
    })?
    .into_response())
}

#[derive(Debug, Deserialize)]
pub struct ReadForm {
    /// One notification; absent marks them all read.
    #[serde(default)]
    id: Option<i64>,
}

async fn mark_read(
    State(state): State<AppState>,
    user: CurrentUser,
    Form(form): Form<ReadForm>,
) -> Result<Response, AppError> {
    (state.store)
        .mark_notifications_read(
            user.account.id,
            form.id.map(NotificationId),
            Timestamp::now(),
        )
        .await?;
    Ok(Redirect::to("/notifications").into_response())
}
