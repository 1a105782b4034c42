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
use axum::routing::MethodRouter;
use hearth_domain::recovery::local_today;
use hearth_store::StoreError;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use utoipa_axum::router::OpenApiRouter;

use crate::auth::CurrentUser;
use crate::{AppError, AppState};

/// A feature's page routes: each path with its handlers. Kept as a list,
/// not only a `Router`, so the privacy test can try every one of them.
type Routes = Vec<(&'static str, MethodRouter<AppState>)>;

fn all_page_routes() -> Routes {
    [
        counters::page_routes(),
        announcements::page_routes(),
        check_ins::page_routes(),
        journal::page_routes(),
        partners::page_routes(),
        meeting_log::page_routes(),
        goals::page_routes(),
    ]
    .concat()
}

pub fn page_routes() -> Router<AppState> {
    all_page_routes()
        .into_iter()
        .fold(Router::new(), |router, (path, handlers)| {
            router.route(path, handlers)
        })
}

/// The path pattern of every recovery page route, e.g.
/// `/recovery/journal/{entry}`.
pub fn page_paths() -> Vec<&'static str> {
    all_page_routes()
        .into_iter()
        .map(|(path, _)| path)
        .collect()
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
pub(crate) fn today_of(state: &AppState, user: &CurrentUser) -> Date {
    let zone = (user.account.time_zone.as_deref())
        .and_then(|name| TimeZone::get(name).ok())
        .unwrap_or(TimeZone::UTC);
    local_today(state.config.clock.now(), &zone)
}

/// A row of the member's that is not there (or is someone else's) is 404.
fn not_found(error: StoreError) -> AppError {
    match error {
        StoreError::NotFound(_) => AppError::NotFound,
        other => other.into(),
    }
}
