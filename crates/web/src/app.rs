//! The router: every page and API route, and the layers around them.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::{DefaultBodyLimit, MatchedPath, Request, State};
use axum::http::Method;
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::{get, post};
use hearth_store::Store;
use tokio::net::TcpListener;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::request_id::{
    MakeRequestUuid, PropagateRequestIdLayer, RequestId, SetRequestIdLayer,
};
use tower_http::trace::{DefaultOnResponse, TraceLayer};
use tracing::Level;
use utoipa_axum::router::OpenApiRouter;

use crate::accounts::{api as accounts_api, pages as accounts_pages};
use crate::auth::{csrf, session};
use crate::meetings::index::MeetingIndex;
use crate::metrics::Metrics;
use crate::{
    AppError, Config, assets, blocks, error, groups, headers, help, home, i18n, language, meetings,
    metrics, moderation, openapi, ops, recovery, safety,
};

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    pub config: Arc<Config>,
    pub(crate) metrics: Arc<Metrics>,
    pub meeting_index: Arc<MeetingIndex>,
}

impl AppState {
    pub fn new(store: Store, config: Config) -> AppState {
        AppState {
            store,
            config: Arc::new(config),
            metrics: Arc::new(Metrics::default()),
            meeting_index: Arc::new(MeetingIndex::default()),
        }
    }
}

/// The largest request body Hearth reads. Forms and API calls are small;
/// anything bigger is refused with 413 before it is buffered.
const BODY_LIMIT_BYTES: usize = 64 * 1024;

/// Builds the whole application.
pub fn router(state: AppState) -> Router {
    let (api, _) = api_routes().split_for_parts();
    let pages = Router::new()
        .route("/", get(home::page))
        .route("/help", get(help::page))
        .route(
            "/register",
            get(accounts_pages::register_page).post(accounts_pages::register),
        )
        .route(
            "/login",
            get(accounts_pages::login_page).post(accounts_pages::login),
        )
        .route("/logout", post(accounts_pages::logout))
        .route("/language", post(language::choose))
        .route("/account/language", post(language::save_setting))
        .route("/account", get(accounts_pages::account_page))
        .route("/account/password", post(accounts_pages::change_password))
        .route("/account/time-zone", post(accounts_pages::change_time_zone))
        .route(
            "/account/sessions/{id}/revoke",
            post(accounts_pages::revoke_session),
        )
        .route(
            "/account/sessions/revoke-others",
            post(accounts_pages::revoke_other_sessions),
        )
        .route(
            "/account/sessions/revoke-all",
            post(accounts_pages::revoke_all_sessions),
        )
        .route("/meetings", get(meetings::pages::finder))
        .route(
            "/meetings/new",
            get(meetings::edit::new_page).post(meetings::edit::create),
        )
        .route("/meetings/{slug}", get(meetings::pages::meeting))
        .route(
            "/meetings/{slug}/edit",
            get(meetings::edit::edit_page).post(meetings::edit::update),
        )
        .route("/meetings/{slug}/delete", post(meetings::edit::delete))
        .route("/meetings/{slug}/history", get(meetings::edit::history))
        .route(
            "/meetings/{slug}/calendar.ics",
            get(meetings::pages::calendar_file),
        )
        .route("/static/{file}", get(assets::serve))
        .route("/healthz", get(ops::healthz))
        .route("/metrics", get(ops::metrics))
        .route("/api/openapi.json", get(openapi::serve))
        .route("/api/meetings.json", get(meetings::feed::serve))
        .merge(groups::page_routes())
        .merge(moderation::page_routes())
        .merge(blocks::page_routes())
        .merge(recovery::page_routes());

    pages
        .merge(api)
        .fallback(not_found)
        .layer(middleware::from_fn(csrf::check))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            i18n::language,
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            session::authenticate,
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            one_connection_per_read,
        ))
        // Inside the error renderer, so a body over the limit gets the same
        // page or problem document as any other failure.
        .layer(DefaultBodyLimit::max(BODY_LIMIT_BYTES))
        .layer(RequestBodyLimitLayer::new(BODY_LIMIT_BYTES))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            error::render_errors,
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            csrf::issue_token,
        ))
        .layer(middleware::from_fn(headers::security_headers))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            metrics::record,
        ))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(request_span)
                .on_response(DefaultOnResponse::new().level(Level::INFO)),
        )
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
        .with_state(state)
}

/// Every JSON API route, with its OpenAPI description.
pub(crate) fn api_routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(openapi::base_document())
        .merge(accounts_api::routes())
        .merge(language::api_routes())
        .merge(meetings::search::api_routes())
        .merge(groups::api_routes())
        .merge(moderation::api_routes())
        .merge(safety::api_routes())
        .merge(blocks::api_routes())
        .merge(recovery::api_routes())
}

async fn not_found() -> AppError {
    AppError::NotFound
}

/// A page read (GET or HEAD) runs all its statements, the session's among
/// them, on one database connection ([`hearth_store::Store::leased`]): each
/// statement on a connection of its own cost a loan from the pool and a
/// round trip to check the connection as it came back. Writes keep a
/// connection per statement, so a slow step between statements (hashing a
/// password) holds none.
async fn one_connection_per_read(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    if matches!(*request.method(), Method::GET | Method::HEAD) {
        state.store.leased(next.run(request)).await
    } else {
        next.run(request).await
    }
}

/// The span every log line of a request is written in. It names the route
/// pattern, never the query string, so no token or search term is logged.
fn request_span(request: &Request) -> tracing::Span {
    let request_id = request
        .extensions()
        .get::<RequestId>()
        .and_then(|id| id.header_value().to_str().ok())
        .unwrap_or("-");
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or("unmatched", MatchedPath::as_str);
    tracing::info_span!("request", id = %request_id, method = %request.method(), route)
}

/// Serves until `shutdown` resolves, then lets requests in flight finish.
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let app = router(state.clone());
    tokio::spawn(warm_meeting_index(state.clone()));
    let sweeper = tokio::spawn(sweep_expired_sessions(state));
    let served = axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown)
    .await;
    sweeper.abort();
    served
}

/// Reads the meetings into the search index while the first requests are
/// served, so the first search need not wait for it.
async fn warm_meeting_index(state: AppState) {
    if let Err(error) = state.meeting_index.current(&state.store).await {
        tracing::warn!(%error, "could not read the meetings for searching yet");
    }
}

/// Expired sessions are refused as soon as they expire; this only keeps the
/// table from growing.
async fn sweep_expired_sessions(state: AppState) {
    let mut every_hour = tokio::time::interval(Duration::from_secs(3600));
    loop {
        every_hour.tick().await;
        if let Err(error) = state
            .store
            .delete_expired_sessions(jiff::Timestamp::now())
            .await
        {
            tracing::warn!(%error, "could not sweep expired sessions");
        }
    }
}
