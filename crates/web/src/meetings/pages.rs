//! The meeting finder's pages: search (works without JavaScript; "Use my
//! location" enhances it), a meeting's page, and its calendar file.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use hearth_domain::geo::places::{self, Lookup, Place};
use hearth_domain::meetings::search::{DEFAULT_NEAR_RADIUS_KM, Hit, SearchParameters};
use hearth_domain::meetings::{Attendance, Meeting, calendar, types};
use hearth_store::meetings::{StoredMeeting, stored_meeting};
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp, Zoned};
use serde::Deserialize;

use crate::auth::CurrentUser;
use crate::i18n::{Lang, Message};
use crate::page::{PageContext, render};
use crate::recovery::today_of;
use crate::{AppError, AppState};

/// Meetings starting within this long are "starting soon".
const SOON: SignedDuration = SignedDuration::from_mins(60);
/// How many dates a meeting's page lists.
const DATES_SHOWN: usize = 4;
/// Type codes offered in the finder's menu, most asked-for first.
const COMMON_TYPES: [&str; 8] = ["O", "C", "W", "M", "S", "X", "LGBTQ", "B"];
const RADII_KM: [u32; 4] = [5, 10, 25, 50];

/// The finder form as submitted: the search API's parameters, plus the
/// viewer's time zone (filled in by the page's script, when it runs).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct FinderQuery {
    #[serde(flatten)]
    search: SearchParameters,
    tz: Option<String>,
}

#[derive(Template)]
#[template(path = "meetings/finder.html")]
struct FinderPage {
    ctx: PageContext,
    q: String,
    from: String,
    attendance: String,
    lat: String,
    lng: String,
    problem: Option<String>,
    /// The place the search is near, when "where" named one.
    near: Option<String>,
    /// Places "where" could mean, to choose from.
    place_choices: Vec<String>,
    in_progress: Vec<ResultView>,
    starting_soon: Vec<ResultView>,
    later: Vec<ResultView>,
    total: usize,
    next_page: Option<String>,
    /// (value, label, selected) for each menu.
    day_choices: Vec<(String, String, bool)>,
    type_choices: Vec<(String, String, bool)>,
    radius_choices: Vec<(String, String, bool)>,
}

impl FinderPage {
    /// The query string that searches near one of the offered places.
    fn choice_query(&self, place: &str) -> String {
        serde_urlencoded::to_string([("q", place)]).unwrap_or_default()
    }
}

/// One meeting in the results, ready to show.
struct ResultView {
    slug: String,
    name: String,
    when: String,
    viewer_when: Option<String>,
    distance: Option<String>,
    attendance: &'static str,
    types: Vec<String>,
    place: Option<String>,
}

pub async fn finder(
    State(state): State<AppState>,
    ctx: PageContext,
    Query(query): Query<FinderQuery>,
) -> Result<Response, AppError> {
    let lang = ctx.lang;
    let form = &query.search;
    let text = |value: &Option<String>| value.clone().unwrap_or_default();
    let viewer_zone = query.tz.as_deref().and_then(|tz| TimeZone::get(tz).ok());
    let mut page = FinderPage {
        q: text(&form.q),
        from: text(&form.from),
        attendance: text(&form.attendance),
        lat: text(&form.lat),
        lng: text(&form.lng),
        problem: None,
        near: None,
        place_choices: Vec::new(),
        in_progress: Vec::new(),
        starting_soon: Vec::new(),
        later: Vec::new(),
        total: 0,
        next_page: None,
        day_choices: (0..7)
            .map(|day: i64| {
                let value = day.to_string();
                let selected = form.day.as_deref() == Some(value.as_str());
                (value, lang.t_with("finder-weekday", "day", day), selected)
            })
            .collect(),
        type_choices: COMMON_TYPES
            .iter()
            .map(|code| {
                let selected = form.types.as_deref() == Some(*code);
                (code.to_string(), type_label(code, lang), selected)
            })
            .collect(),
        radius_choices: RADII_KM
            .iter()
            .map(|km| {
                let value = km.to_string();
                let selected = form.radius_km.as_deref() == Some(value.as_str());
                (
                    value,
                    lang.t_with("finder-within-km", "km", i64::from(*km)),
                    selected,
                )
            })
            .collect(),
        ctx,
    };
    // "Where, or what": a place Hearth knows becomes a search near it; a
    // name that could be several places offers them; anything else is text.
    let mut parameters = form.clone();
    if let Some(words) = form.q.as_deref().map(str::trim).filter(|w| !w.is_empty())
        && form.lat.is_none()
        && form.near.is_none()
    {
        match places::lookup(words) {
            Lookup::Found(place) => {
                parameters.near = Some(words.to_owned());
                parameters.q = None;
                page.near = Some(place.label());
                // Show the distance the search uses when none was chosen.
                if form.radius_km.as_deref().is_none_or(str::is_empty) {
                    let default = DEFAULT_NEAR_RADIUS_KM.to_string();
                    for (value, _, selected) in &mut page.radius_choices {
                        *selected = *value == default;
                    }
                }
            }
            Lookup::Ambiguous(choices) => {
                page.place_choices = choices.iter().map(Place::label).collect();
            }
            Lookup::NotFound => {}
        }
    }
    let search = match parameters.parse(Timestamp::now()) {
        Ok(search) => search,
        Err(error) => {
            page.problem = Some(lang.message(&super::search::parameter_message(error)));
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response());
        }
    };
    let super::search::Found {
        page: results,
        records,
    } = super::search::find(&state, &search).await?;
    page.total = results.total;
    page.next_page = results
        .next_cursor
        .map(|cursor| next_page_url(&query, &cursor));
    for hit in results.hits {
        let Some(meeting) = records.get(&hit.id).and_then(|r| stored_meeting(r)) else {
            continue;
        };
        let soon = hit.next_start.as_ref().is_some_and(|start| {
            start.timestamp() >= search.at && start.timestamp().duration_since(search.at) <= SOON
        });
        let in_progress = hit.in_progress;
        let view = result_view(&hit, &meeting, lang, viewer_zone.as_ref());
        if in_progress {
            page.in_progress.push(view);
        } else if soon {
            page.starting_soon.push(view);
        } else {
            page.later.push(view);
        }
    }
    Ok(render(&page)?.into_response())
}

fn result_view(
    hit: &Hit,
    meeting: &Meeting,
    lang: Lang,
    viewer_zone: Option<&TimeZone>,
) -> ResultView {
    let when = hit.next_start.as_ref().map_or_else(
        || lang.t("meeting-by-appointment"),
        |start| when_text(start, lang),
    );
    let viewer_when = match (&hit.next_start, viewer_zone) {
        (Some(start), Some(zone)) if start.time_zone() != zone => {
            let theirs = start.with_time_zone(zone.clone());
            Some(lang.t_with("meeting-your-time", "time", when_text(&theirs, lang)))
        }
        _ => None,
    };
    ResultView {
        slug: meeting.slug.clone(),
        name: meeting.name.clone(),
        when,
        viewer_when,
        distance: hit
            .distance_km
            .map(|km| lang.t_with("meeting-distance-km", "km", format!("{km:.1}"))),
        attendance: attendance_message(meeting.attendance()),
        types: meeting
            .types
            .iter()
            .map(|code| type_label(code, lang))
            .collect(),
        place: meeting
            .text("location")
            .or_else(|| meeting.text("formatted_address"))
            .map(str::to_owned),
    }
}

/// "Tuesday, March 3, 2026, 7:00 PM".
fn when_text(start: &Zoned, lang: Lang) -> String {
    lang.message(
        &Message::new("meeting-when")
            .with("date", lang.date(start.date()))
            .with("time", lang.time(start.time())),
    )
}

pub(super) fn type_label(code: &str, lang: Lang) -> String {
    types::type_name(code, lang.code()).map_or_else(|| code.to_owned(), str::to_owned)
}

fn attendance_message(attendance: Attendance) -> &'static str {
    match attendance {
        Attendance::InPerson => "meeting-attendance-in-person",
        Attendance::Hybrid => "meeting-attendance-hybrid",
        Attendance::Online => "meeting-attendance-online",
        Attendance::Inactive => "meeting-attendance-inactive",
    }
}

/// The same search, one page on.
fn next_page_url(query: &FinderQuery, cursor: &str) -> String {
    let form = &query.search;
    let pairs: Vec<(&str, &str)> = [
        ("q", &form.q),
        ("day", &form.day),
        ("from", &form.from),
        ("attendance", &form.attendance),
        ("types", &form.types),
        ("radius_km", &form.radius_km),
        ("lat", &form.lat),
        ("lng", &form.lng),
        ("at", &form.at),
        ("tz", &query.tz),
    ]
    .into_iter()
    .filter_map(|(name, value)| value.as_deref().map(|v| (name, v)))
    .chain([("cursor", cursor)])
    .collect();
    format!(
        "/meetings?{}",
        serde_urlencoded::to_string(pairs).unwrap_or_default()
    )
}

#[derive(Template)]
#[template(path = "meetings/meeting.html")]
struct MeetingPage {
    ctx: PageContext,
    meeting: Meeting,
    attendance: &'static str,
    types: Vec<String>,
    dates: Vec<String>,
    zone: Option<String>,
    directions: Option<Directions>,
    /// Whether to offer "Edit" and "History": for meeting-list editors.
    can_edit: bool,
    /// The signed-in member's today, for "I went to this meeting".
    log_day: Option<String>,
    /// The member just said they went.
    went: bool,
}

struct Directions {
    geo: String,
    openstreetmap: String,
}

/// The meeting with this slug, or the 404 page.
pub(super) async fn find(state: &AppState, slug: &str) -> Result<StoredMeeting, AppError> {
    state
        .store
        .meeting_by_slug(slug)
        .await?
        .ok_or(AppError::NotFound)
}

#[derive(Debug, Deserialize)]
pub struct WentQuery {
    went: Option<String>,
}

pub async fn meeting(
    State(state): State<AppState>,
    ctx: PageContext,
    user: Option<CurrentUser>,
    Path(slug): Path<String>,
    Query(query): Query<WentQuery>,
) -> Result<Response, AppError> {
    let meeting = find(&state, &slug).await?.meeting;
    let lang = ctx.lang;
    let can_edit = user.as_ref().is_some_and(super::edit::is_editor);
    let log_day = user.as_ref().map(|user| today_of(&state, user).to_string());
    let dates = meeting
        .occurrences(Timestamp::now(), DATES_SHOWN)
        .iter()
        .map(|occurrence| when_text(&occurrence.start, lang))
        .collect();
    let directions = match (meeting.latitude, meeting.longitude) {
        (Some(lat), Some(lng)) if !meeting.approximate => Some(Directions {
            geo: format!("geo:{lat},{lng}"),
            openstreetmap: format!(
                "https://www.openstreetmap.org/?mlat={lat}&mlon={lng}#map=17/{lat}/{lng}"
            ),
        }),
        _ => None,
    };
    let page = MeetingPage {
        attendance: attendance_message(meeting.attendance()),
        types: meeting
            .types
            .iter()
            .map(|code| type_label(code, lang))
            .collect(),
        dates,
        zone: meeting.timezone.clone(),
        directions,
        can_edit,
        log_day,
        went: query.went.is_some(),
        meeting,
        ctx,
    };
    Ok(render(&page)?.into_response())
}

pub async fn calendar_file(
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let meeting = find(&state, &slug).await?.meeting;
    let uid = format!("{}@hearth", meeting.slug);
    let page = state
        .config
        .public_url
        .as_deref()
        .map(|base| format!("{}/meetings/{}", base.trim_end_matches('/'), meeting.slug));
    let ics = calendar::ics(&meeting, &uid, page.as_deref(), Timestamp::now())
        .ok_or(AppError::NotFound)?;
    let file_name: String = meeting
        .slug
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    Ok((
        [
            (CONTENT_TYPE, "text/calendar; charset=utf-8".to_owned()),
            (
                CONTENT_DISPOSITION,
                format!("attachment; filename=\"{file_name}.ics\""),
            ),
        ],
        ics,
    )
        .into_response())
}
