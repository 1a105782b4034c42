//! For operators: health and metrics.

use std::time::Duration;

use axum::extract::State;
use axum::http::StatusCode;
use axum::http::header::CONTENT_TYPE;
use axum::response::IntoResponse;

use crate::AppState;

/// A database that takes longer than this to answer counts as down.
const HEALTH_TIMEOUT: Duration = Duration::from_secs(2);

/// 200 when the database answers, 503 when it does not: what a load
/// balancer needs to take a node out of rotation.
pub async fn healthz(State(state): State<AppState>) -> impl IntoResponse {
    match tokio::time::timeout(HEALTH_TIMEOUT, state.store.ping()).await {
        Ok(Ok(())) => (StatusCode::OK, "ok\n"),
        Ok(Err(error)) => {
            tracing::warn!(%error, "health check: the database did not answer");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable\n")
        }
        Err(_) => (StatusCode::SERVICE_UNAVAILABLE, "database timed out\n"),
    }
}

pub async fn metrics(State(state): State<AppState>) -> impl IntoResponse {
    (
        [(CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")],
        state.metrics.render(),
    )
}
