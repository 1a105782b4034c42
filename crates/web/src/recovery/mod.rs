//! A member's own recovery space: their counters and milestones, daily
//! check-ins, and the charts of both. Private: every page reads only the
//! signed-in member's rows, and anyone else's answers 404.

mod announcements;
mod charts;
mod check_ins;
mod counters;
mod goals;
mod journal;
mod meeting_log;
mod partners;

use axum::Router;
use hearth_domain::recovery::local_today;
use hearth_store::StoreError;
use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use utoipa_axum::router::OpenApiRouter;

use crate::auth::CurrentUser;
use crate::{AppError, AppState};

pub fn page_routes() -> Router<AppState> {
    Router::new()
        .merge(counters::page_routes())
        .merge(announcements::page_routes())
        .merge(partners::page_routes())
        .merge(check_ins::page_routes())
        .merge(journal::page_routes())
        .merge(meeting_log::page_routes())
        .merge(goals::page_routes())
}

pub fn api_routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .merge(counters::api_routes())
        .merge(check_ins::api_routes())
        .merge(journal::api_routes())
        .merge(partners::api_routes())
        .merge(meeting_log::api_routes())
        .merge(goals::api_routes())
}

/// The member's today, in the time zone they chose (UTC until they do).
pub(crate) fn today_of(user: &CurrentUser) -> Date {
    let zone = (user.account.time_zone.as_deref())
        .and_then(|name| TimeZone::get(name).ok())
        .unwrap_or(TimeZone::UTC);
    local_today(Timestamp::now(), &zone)
}

/// A row of the member's that is not there (or is someone else's) is 404.
fn not_found(error: StoreError) -> AppError {
    match error {
        StoreError::NotFound(_) => AppError::NotFound,
        other => other.into(),
    }
}
