//! `GET /api/v1/meetings`: find meetings by place, time, type and text.

use std::collections::{BTreeMap, HashMap};

use axum::Json;
use axum::extract::{Query, State};
use hearth_domain::meetings::index::SearchIndex;
use hearth_domain::meetings::search::{
    Hit, Page, ParameterError, Reason, SearchParameters, SearchQuery,
};
use jiff::Timestamp;
use serde::Serialize;
use serde_json::value::{RawValue, to_raw_value};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::error::{FieldError, Problem};
use crate::i18n::Message;
use crate::{AppError, AppState};

pub fn api_routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(search))
}

/// One page of meetings found.
#[derive(Debug, Serialize, ToSchema)]
pub struct SearchResults {
    /// Each meeting's Meeting Guide record, plus `attendance`,
    /// `distance_km` (null without coordinates), `next_start` (RFC 3339 with
    /// the meeting zone's offset) and `in_progress`.
    #[schema(value_type = Vec<Object>)]
    meetings: Vec<Box<RawValue>>,
    /// Pass as `cursor` (with the same other parameters, `at` included) for
    /// the next page; null on the last page.
    next_cursor: Option<String>,
    /// How many meetings matched in all.
    total: usize,
}

/// The fields a search adds to each record, as they begin in JSON text.
const ADDED_KEYS: [&str; 4] = [
    r#""attendance":"#,
    r#""distance_km":"#,
    r#""next_start":"#,
    r#""in_progress":"#,
];

/// A hit as the API shows it: the stored record (compact JSON text) with the
/// search's fields added.
fn result(hit: &Hit, record: &str) -> Result<Box<RawValue>, serde_json::Error> {
    // `"name":` appears in JSON text only as a key (in a string its quotes
    // would be escaped), so a record without these keys can have the fields
    // written in before its closing brace, without parsing it. A record
    // with one of them (a field of its feed's own) has it replaced.
    let has_own = ADDED_KEYS.iter().any(|key| record.contains(key));
    if let Some(body) = record.strip_suffix('}').filter(|_| !has_own) {
        let mut spliced = String::with_capacity(record.len() + 128);
        spliced.push_str(body);
        if !body.ends_with('{') {
            spliced.push(',');
        }
        write_added_fields(&mut spliced, hit);
        spliced.push('}');
        return RawValue::from_string(spliced);
    }
    let mut fields: BTreeMap<String, &RawValue> = serde_json::from_str(record)?;
    let mut added = String::from("{");
    write_added_fields(&mut added, hit);
    added.push('}');
    let added: BTreeMap<String, &RawValue> = serde_json::from_str(&added)?;
    fields.extend(added);
    to_raw_value(&fields)
}

/// `"attendance":"online","distance_km":null,...`: each value is a number,
/// a literal or text that needs no escaping.
fn write_added_fields(out: &mut String, hit: &Hit) {
    use std::fmt::Write;
    let [attendance, distance, next_start, in_progress] = ADDED_KEYS;
    // Writing to a String cannot fail.
    let _ = write!(
        out,
        "{attendance}\"{}\",{distance}",
        hit.attendance.as_str()
    );
    match hit.distance_km {
        Some(km) => {
            let _ = write!(out, "{}", (km * 100.0).round() / 100.0);
        }
        None => out.push_str("null"),
    }
    out.push(',');
    out.push_str(next_start);
    match &hit.next_start {
        Some(start) => {
            let shown = start.timestamp().display_with_offset(start.offset());
            let _ = write!(out, "\"{shown}\"");
        }
        None => out.push_str("null"),
    }
    let _ = write!(out, ",{in_progress}{}", hit.in_progress);
}

/// A page of results and the records of its meetings (JSON text, by id).
pub(super) struct Found {
    pub page: Page,
    pub records: HashMap<i64, String>,
}

/// Runs a search on this node's index: the one place the API and the
/// finder page search. The page's records are read with the list's
/// version; if that is newer than the index's, the index catches up and the
/// search runs again, so no result is older than the list when the search
/// began.
pub(super) async fn find(state: &AppState, query: &SearchQuery) -> Result<Found, AppError> {
    let index = state.meeting_index.current(&state.store).await?;
    let (version, found) = search_and_read(state, &index, query).await?;
    if version <= index.version() {
        return Ok(found);
    }
    let index = state.meeting_index.at_least(&state.store, version).await?;
    Ok(search_and_read(state, &index, query).await?.1)
}

async fn search_and_read(
    state: &AppState,
    index: &SearchIndex,
    query: &SearchQuery,
) -> Result<(i64, Found), AppError> {
    let page = index.search(query);
    let ids: Vec<i64> = page.hits.iter().map(|hit| hit.id).collect();
    let (version, records) = state.store.meeting_records(&ids).await?;
    Ok((version, Found { page, records }))
}

fn parameter_problem(error: ParameterError) -> AppError {
    AppError::Invalid(vec![FieldError {
        field: error.parameter,
        code: "invalid",
        message: parameter_message(error),
    }])
}

/// Why a search parameter cannot be used, for the page or the API to put in
/// the reader's words. Each message names the parameter.
pub(super) fn parameter_message(error: ParameterError) -> Message {
    let message = |id| Message::new(id).with("parameter", error.parameter);
    match error.reason {
        Reason::NotAnInstant => message("search-invalid-instant"),
        Reason::OutOfRange { low, high } => message("search-invalid-range")
            .with("low", low)
            .with("high", high),
        Reason::NotARadius { most } => message("search-invalid-radius").with("most", most),
        Reason::NearAndPosition => message("search-invalid-near-and-position"),
        Reason::AmbiguousPlace { name, choices } => message("search-invalid-ambiguous-place")
            .with("name", name)
            .with("choices", choices.join("; ")),
        Reason::UnknownPlace { name } => message("search-invalid-unknown-place").with("name", name),
        Reason::NeedsPosition => message("search-invalid-needs-position"),
        Reason::Needs(other) => message("search-invalid-needs").with("other", other),
        Reason::NotADay => message("search-invalid-day"),
        Reason::NotALocalTime => message("search-invalid-local-time"),
        Reason::NotAnAttendance { given } => {
            message("search-invalid-attendance").with("given", given)
        }
        Reason::NotASort => message("search-invalid-sort"),
        Reason::NotACursor => message("search-invalid-cursor"),
    }
}

/// Find meetings.
///
/// Every parameter is optional. With `lat`, `lng` and `radius_km`, online-only
/// meetings are left out unless `attendance` names `online`.
#[utoipa::path(
    get,
    path = "/api/v1/meetings",
    tag = "meetings",
    params(
        ("lat" = Option<f64>, Query, description = "Latitude of the searcher"),
        ("lng" = Option<f64>, Query, description = "Longitude of the searcher"),
        ("radius_km" = Option<f64>, Query, description = "Great-circle distance, with lat and lng; at most 500"),
        ("day" = Option<u8>, Query, description = "0 (Sunday) to 6 (Saturday)"),
        ("from" = Option<String>, Query, description = "Earliest local start, HH:MM, in each meeting's zone"),
        ("to" = Option<String>, Query, description = "Latest local start, HH:MM, in each meeting's zone"),
        ("starts_within" = Option<u32>, Query, description = "Minutes from `at`"),
        ("at" = Option<String>, Query, description = "RFC 3339 instant the search runs at; default now"),
        ("types" = Option<String>, Query, description = "Comma-separated type codes, all required"),
        ("attendance" = Option<String>, Query, description = "Comma list of in_person, hybrid, online, inactive; default all but inactive"),
        ("q" = Option<String>, Query, description = "Text in name, location, address, group or notes"),
        ("region" = Option<String>, Query, description = "A region name"),
        ("sort" = Option<String>, Query, description = "time (default) or distance"),
        ("limit" = Option<u32>, Query, description = "1 to 100; default 20"),
        ("cursor" = Option<String>, Query, description = "From the previous page's next_cursor"),
    ),
    responses(
        (status = 200, body = SearchResults),
        (status = 400, description = "The query string cannot be read", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A parameter is not usable; `errors[0].field` names it", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn search(
    State(state): State<AppState>,
    Query(parameters): Query<SearchParameters>,
) -> Result<Json<SearchResults>, AppError> {
    let query = parameters
        .parse(Timestamp::now())
        .map_err(parameter_problem)?;
    let Found { page, records } = find(&state, &query).await?;
    let meetings = (page.hits.iter())
        .filter_map(|hit| Some(result(hit, records.get(&hit.id)?)))
        .collect::<Result<_, _>>()
        .map_err(|error| AppError::internal(format!("a stored record is not JSON: {error}")))?;
    Ok(Json(SearchResults {
        total: page.total,
        next_cursor: page.next_cursor,
        meetings,
    }))
}
