//! Accountability partners: a member invites someone by handle and chooses
//! exactly what they see; the partner accepts and gets a small dashboard of
//! the people they support, and a gentle nudge when one goes quiet. Either
//! can end it at any time.
//!
//! What a partner may see is decided here, once, by [`SupportedView::read`]:
//! the member's rows are read only for what the member ticked.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Json};
use hearth_domain::people::Handle;
use hearth_domain::recovery::{
    NudgeAfter, PartnerSees, check_in_streak, days_clean, local_today, missed_days,
};
use hearth_store::StoreError;
use hearth_store::recovery::{Partnership, PartnershipId};
use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::Routes;
use super::charts::{ChartRange, CheckInScores, MoodCravingChart};
use super::not_found;
use crate::auth::CurrentUser;
use crate::error::{FieldError, Problem};
use crate::i18n::Message;
use crate::page::{PageContext, render};
use crate::{AppError, AppState};

pub(super) fn page_routes() -> Routes {
    vec![
        ("/recovery/partners", get(dashboard).post(invite)),
        ("/recovery/partners/nudge-after", post(choose_nudge_after)),
        ("/recovery/partners/{partnership}", get(supported)),
        ("/recovery/partners/{partnership}/accept", post(accept)),
        ("/recovery/partners/{partnership}/sees", post(choose_sees)),
        ("/recovery/partners/{partnership}/end", post(end)),
    ]
}

/// How many days of check-ins a partner's view lists.
const PARTNER_DAYS: i64 = 14;

/// A form's fields as sent: `sees` may come many times.
fn sees_of(fields: &[(String, String)]) -> PartnerSees {
    PartnerSees::from_names(
        (fields.iter())
            .filter(|(name, _)| name == "sees")
            .map(|(_, value)| value.as_str()),
    )
}

fn field<'a>(fields: &'a [(String, String)], name: &str) -> &'a str {
    (fields.iter())
        .find(|(given, _)| given == name)
        .map_or("", |(_, value)| value.as_str())
}

#[derive(Template)]
#[template(path = "recovery/partners.html")]
struct DashboardPage {
    ctx: PageContext,
    /// Invitations waiting for me: (id, member's handle).
    invitations: Vec<(i64, String)>,
    /// People I support: (id, handle, a line about how they are).
    supporting: Vec<(i64, String, Option<String>)>,
    /// My partners and invitations I sent.
    mine: Vec<MyPartner>,
    /// Nudges: (handle, missed days, when, unread).
    nudges: Vec<(String, i64, String, bool)>,
    nudge_after: i64,
    handle: String,
    sees: PartnerSees,
    problem: Option<(&'static str, String)>,
    done: Option<&'static str>,
}

/// One of my partners, or an invitation I sent, on my dashboard.
struct MyPartner {
    id: i64,
    handle: String,
    accepted: bool,
    /// What they see: each choice's name and whether it is on.
    choices: [(&'static str, bool); 4],
}

impl DashboardPage {
    fn nudge_text(&self, handle: &str, days: &i64) -> Message {
        Message::new("partners-nudge")
            .with("handle", handle.to_owned())
            .with("days", *days)
    }

    fn sees_message(&self, name: &str) -> &'static str {
        sees_message(name)
    }

    fn problem_in(&self, field: &str) -> Option<&str> {
        (self.problem.as_ref())
            .filter(|(at, _)| *at == field)
            .map(|(_, message)| message.as_str())
    }
}

/// How a supported member is doing, in one line, from what they share.
async fn supporting_line(
    state: &AppState,
    ctx: &PageContext,
    partnership: &Partnership,
) -> Result<Option<String>, AppError> {
    if !partnership.sees.missed {
        return Ok(None);
    }
    let member = partnership.member.id;
    let last = state.store.last_check_in_day(member).await?;
    let today = member_today(state, member).await?;
    Ok(Some(match last {
        None => ctx.t("partners-no-check-ins-yet"),
        Some(last) => ctx.t_with("partners-quiet-days", "n", missed_days(Some(last), today)),
    }))
}

/// The member's today, in their own time zone.
async fn member_today(
    state: &AppState,
    member: hearth_store::people::AccountId,
) -> Result<Date, AppError> {
    let zone = (state.store.account(member).await?)
        .and_then(|account| account.time_zone)
        .and_then(|name| TimeZone::get(&name).ok())
        .unwrap_or(TimeZone::UTC);
    Ok(local_today(state.config.clock.now(), &zone))
}

#[derive(Debug, Default)]
struct Typed {
    handle: String,
    sees: Option<PartnerSees>,
    problem: Option<(&'static str, String)>,
}

async fn dashboard_page(
    state: &AppState,
    ctx: PageContext,
    user: &CurrentUser,
    typed: Typed,
    done: Option<&'static str>,
) -> Result<DashboardPage, AppError> {
    let me = user.account.id;
    let partnerships = state.store.partnerships(me).await?;
    let mut invitations = Vec::new();
    let mut supporting = Vec::new();
    let mut mine = Vec::new();
    for partnership in &partnerships {
        let id = partnership.id.0;
        if partnership.member.id == me {
            let accepted = partnership.accepted_at.is_some();
            mine.push(MyPartner {
                id,
                handle: partnership.partner.handle.clone(),
                accepted,
                choices: partnership.sees.choices(),
            });
        } else if partnership.accepted_at.is_none() {
            invitations.push((id, partnership.member.handle.clone()));
        } else {
            let line = supporting_line(state, &ctx, partnership).await?;
            supporting.push((id, partnership.member.handle.clone(), line));
        }
    }
    let nudges = (state.store.nudges(me).await?.into_iter())
        .map(|nudge| {
            let when = ctx.date_time(&nudge.created_at);
            (nudge.member.handle, nudge.missed_days, when, !nudge.read)
        })
        .collect();
    state.store.read_nudges(me, Timestamp::now()).await?;
    Ok(DashboardPage {
        invitations,
        supporting,
        mine,
        nudges,
        nudge_after: i64::from(state.store.nudge_after(me).await?.days()),
        handle: typed.handle,
        sees: typed.sees.unwrap_or_default(),
        problem: typed.problem,
        done,
        ctx,
    })
}

#[derive(Debug, Deserialize)]
struct DoneQuery {
    done: Option<String>,
}

async fn dashboard(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
    Query(query): Query<DoneQuery>,
) -> Result<Response, AppError> {
    let done = match query.done.as_deref() {
        Some("invited") => Some("partners-invited"),
        Some("accepted") => Some("partners-accepted"),
        Some("ended") => Some("partners-ended"),
        Some("saved") => Some("partners-saved"),
        _ => None,
    };
    let page = dashboard_page(&state, ctx, &user, Typed::default(), done).await?;
    Ok(render(&page)?.into_response())
}

async fn invite(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let handle = field(&fields, "handle").trim().to_owned();
    let sees = sees_of(&fields);
    let invited = if handle.is_empty() {
        Err("partners-handle-empty")
    } else {
        let key = Handle::key_of(&handle);
        match (state.store)
            .invite_partner(user.account.id, &key, sees, Timestamp::now())
            .await
        {
            Ok(_) => Ok(()),
            Err(StoreError::NotFound(_)) => Err("partners-handle-unknown"),
            Err(StoreError::Conflict(_)) => Err("partners-already"),
            Err(other) => return Err(other.into()),
        }
    };
    match invited {
        Ok(()) => Ok(Redirect::to("/recovery/partners?done=invited").into_response()),
        Err(why) => {
            let typed = Typed {
                handle,
                sees: Some(sees),
                problem: Some(("handle", ctx.t(why))),
            };
            let page = dashboard_page(&state, ctx, &user, typed, None).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
        }
    }
}

async fn accept(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(partnership): Path<i64>,
) -> Result<Response, AppError> {
    (state.store)
        .accept_partnership(
            user.account.id,
            PartnershipId(partnership),
            Timestamp::now(),
        )
        .await
        .map_err(not_found)?;
    Ok(Redirect::to("/recovery/partners?done=accepted").into_response())
}

async fn choose_sees(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(partnership): Path<i64>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    (state.store)
        .set_partner_sees(
            user.account.id,
            PartnershipId(partnership),
            sees_of(&fields),
        )
        .await
        .map_err(not_found)?;
    Ok(Redirect::to("/recovery/partners?done=saved").into_response())
}

async fn end(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(partnership): Path<i64>,
) -> Result<Response, AppError> {
    (state.store)
        .end_partnership(user.account.id, PartnershipId(partnership))
        .await
        .map_err(not_found)?;
    Ok(Redirect::to("/recovery/partners?done=ended").into_response())
}

async fn choose_nudge_after(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let Ok(after) = NudgeAfter::parse(field(&fields, "days")) else {
        let typed = Typed {
            problem: Some(("days", ctx.t("partners-nudge-after-invalid"))),
            ..Typed::default()
        };
        let page = dashboard_page(&state, ctx, &user, typed, None).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response());
    };
    state.store.set_nudge_after(user.account.id, after).await?;
    Ok(Redirect::to("/recovery/partners?done=saved").into_response())
}

/// What a partner sees of a member they support: only what the member
/// ticked, read as of the member's own today.
struct SupportedView {
    handle: String,
    sees: PartnerSees,
    /// (label, days, next milestone date)
    counters: Vec<(String, i64)>,
    /// (date, mood, craving, helped, note): helped and note only with notes.
    check_ins: Vec<(Date, u8, u8, String, String)>,
    scores: Vec<CheckInScores>,
    streak: u32,
    /// Days without a check-in; `None` before the first.
    quiet_days: Option<i64>,
    today: Date,
}

impl SupportedView {
    /// 404 unless `partner` is the accepted partner in `id`.
    async fn read(
        state: &AppState,
        partner: &CurrentUser,
        id: PartnershipId,
    ) -> Result<SupportedView, AppError> {
        let partnership = (state.store.partnership(partner.account.id, id).await?)
            .filter(|p| p.partner.id == partner.account.id && p.accepted_at.is_some())
            .ok_or(AppError::NotFound)?;
        let sees = partnership.sees;
        let member = partnership.member.id;
        let today = member_today(state, member).await?;
        let counters = if sees.counters {
            (state.store.counters(member).await?.into_iter())
                .map(|counter| (counter.label, days_clean(counter.start, today)))
                .collect()
        } else {
            Vec::new()
        };
        let from = today.saturating_sub((ChartRange::ThirtyDays.days() - 1).days());
        let all_scores = if sees.scores || sees.missed {
            state.store.check_in_scores(member, Date::MIN).await?
        } else {
            Vec::new()
        };
        let days: Vec<Date> = all_scores.iter().map(|scores| scores.day).collect();
        let check_ins = if sees.scores || sees.notes {
            let since = today.saturating_sub((PARTNER_DAYS - 1).days());
            (state
                .store
                .check_ins(member, since, today)
                .await?
                .into_iter())
            .map(|day| {
                let (helped, note) = if sees.notes {
                    (
                        day.check_in.helped().to_owned(),
                        day.check_in.note().to_owned(),
                    )
                } else {
                    (String::new(), String::new())
                };
                let (mood, craving) = if sees.scores {
                    (day.check_in.mood().get(), day.check_in.craving().get())
                } else {
                    (0, 0)
                };
                (day.day, mood, craving, helped, note)
            })
            .collect()
        } else {
            Vec::new()
        };
        Ok(SupportedView {
            handle: partnership.member.handle,
            sees,
            counters,
            check_ins,
            scores: if sees.scores {
                (all_scores.iter())
                    .filter(|scores| scores.day >= from)
                    .map(|scores| CheckInScores {
                        day: scores.day,
                        mood: scores.mood.get(),
                        craving: scores.craving.get(),
                    })
                    .collect()
            } else {
                Vec::new()
            },
            streak: if sees.missed {
                check_in_streak(&days, today)
            } else {
                0
            },
            quiet_days: (sees.missed && !days.is_empty())
                .then(|| missed_days(days.last().copied(), today)),
            today,
        })
    }
}

/// A choice of what a partner sees, in words.
fn sees_message(name: &str) -> &'static str {
    match name {
        "counters" => "partners-sees-counters",
        "scores" => "partners-sees-scores",
        "notes" => "partners-sees-notes",
        _ => "partners-sees-missed",
    }
}

#[derive(Template)]
#[template(path = "recovery/partner.html")]
struct SupportedPage {
    ctx: PageContext,
    id: i64,
    view: SupportedView,
    /// Check-ins: (date, mood, craving, helped, note).
    check_ins: Vec<(String, i64, i64, String, String)>,
    moods: Option<MoodCravingChart>,
}

impl SupportedPage {
    fn streak(&self) -> i64 {
        i64::from(self.view.streak)
    }
}

async fn supported(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
    Path(partnership): Path<i64>,
) -> Result<Response, AppError> {
    let view = SupportedView::read(&state, &user, PartnershipId(partnership)).await?;
    let lang = ctx.lang;
    let page = SupportedPage {
        id: partnership,
        check_ins: (view.check_ins.iter())
            .map(|(day, mood, craving, helped, note)| {
                let (mood, craving) = (i64::from(*mood), i64::from(*craving));
                (lang.date(*day), mood, craving, helped.clone(), note.clone())
            })
            .collect(),
        moods: (view.sees.scores).then(|| {
            MoodCravingChart::new(
                lang,
                "partner",
                view.today,
                ChartRange::ThirtyDays,
                &view.scores,
            )
        }),
        view,
        ctx,
    };
    Ok(render(&page)?.into_response())
}

/// `/api/v1/recovery/partners`: the same, for apps.
pub(super) fn api_routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(api_partners, api_invite))
        .routes(routes!(api_end))
        .routes(routes!(api_accept))
        .routes(routes!(api_sees))
        .routes(routes!(api_supported))
}

/// What a partner sees: each choice on or off.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema)]
pub struct SeesJson {
    counters: bool,
    scores: bool,
    notes: bool,
    missed: bool,
}

impl From<PartnerSees> for SeesJson {
    fn from(sees: PartnerSees) -> SeesJson {
        SeesJson {
            counters: sees.counters,
            scores: sees.scores,
            notes: sees.notes,
            missed: sees.missed,
        }
    }
}

impl From<SeesJson> for PartnerSees {
    fn from(sees: SeesJson) -> PartnerSees {
        PartnerSees {
            counters: sees.counters,
            scores: sees.scores,
            notes: sees.notes,
            missed: sees.missed,
        }
    }
}

/// A partnership, from my side.
#[derive(Debug, Serialize, ToSchema)]
pub struct PartnershipJson {
    id: i64,
    /// `supports_me` (I invited them), or `i_support` (they invited me).
    role: &'static str,
    /// The other person's handle.
    handle: String,
    accepted: bool,
    sees: SeesJson,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PartnersJson {
    partnerships: Vec<PartnershipJson>,
    /// After how many days without a check-in my partners are nudged.
    nudge_after_days: u8,
}

fn partnership_json(
    partnership: &Partnership,
    me: hearth_store::people::AccountId,
) -> PartnershipJson {
    let (role, other) = if partnership.member.id == me {
        ("supports_me", &partnership.partner)
    } else {
        ("i_support", &partnership.member)
    };
    PartnershipJson {
        id: partnership.id.0,
        role,
        handle: other.handle.clone(),
        accepted: partnership.accepted_at.is_some(),
        sees: partnership.sees.into(),
    }
}

/// My partners, the people I support, and invitations either way.
#[utoipa::path(
    get,
    path = "/api/v1/recovery/partners",
    tag = "recovery",
    security(("bearer" = [])),
    responses(
        (status = 200, body = PartnersJson),
        (status = 401, description = "Sign in first", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn api_partners(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Json<PartnersJson>, AppError> {
    let me = user.account.id;
    let partnerships = state.store.partnerships(me).await?;
    Ok(Json(PartnersJson {
        partnerships: partnerships
            .iter()
            .map(|p| partnership_json(p, me))
            .collect(),
        nudge_after_days: state.store.nudge_after(me).await?.days(),
    }))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct InviteRequest {
    /// The handle of the person I invite.
    handle: String,
    /// What they will see; counters, scores and missed days when left out.
    sees: Option<SeesJson>,
}

/// Invite someone to be my accountability partner.
#[utoipa::path(
    post,
    path = "/api/v1/recovery/partners",
    tag = "recovery",
    security(("bearer" = [])),
    request_body = InviteRequest,
    responses(
        (status = 201, body = PartnershipJson),
        (status = 409, description = "Already invited or a partner", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Nobody has that handle", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn api_invite(
    State(state): State<AppState>,
    user: CurrentUser,
    Json(body): Json<InviteRequest>,
) -> Result<Response, AppError> {
    let me = user.account.id;
    let sees = body.sees.map(PartnerSees::from).unwrap_or_default();
    let key = Handle::key_of(body.handle.trim());
    let id = match state
        .store
        .invite_partner(me, &key, sees, Timestamp::now())
        .await
    {
        Ok(id) => id,
        Err(StoreError::NotFound(_)) => {
            return Err(AppError::Invalid(vec![FieldError {
                field: "handle",
                code: "unknown",
                message: Message::new("partners-handle-unknown"),
            }]));
        }
        Err(StoreError::Conflict(_)) => {
            return Err(AppError::Conflict(Message::new("partners-already")));
        }
        Err(other) => return Err(other.into()),
    };
    let made = (state.store.partnership(me, id).await?).ok_or(AppError::NotFound)?;
    Ok((StatusCode::CREATED, Json(partnership_json(&made, me))).into_response())
}

/// End a partnership, decline an invitation or withdraw one: either person may.
#[utoipa::path(
    delete,
    path = "/api/v1/recovery/partners/{partnership}",
    tag = "recovery",
    security(("bearer" = [])),
    params(("partnership" = i64, Path, description = "The partnership's id")),
    responses(
        (status = 204, description = "Ended"),
        (status = 404, description = "No partnership of mine with that id", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn api_end(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(partnership): Path<i64>,
) -> Result<StatusCode, AppError> {
    (state.store)
        .end_partnership(user.account.id, PartnershipId(partnership))
        .await
        .map_err(not_found)?;
    Ok(StatusCode::NO_CONTENT)
}

/// Accept an invitation to be someone's partner.
#[utoipa::path(
    post,
    path = "/api/v1/recovery/partners/{partnership}/accept",
    tag = "recovery",
    security(("bearer" = [])),
    params(("partnership" = i64, Path, description = "The partnership's id")),
    responses(
        (status = 204, description = "Accepted"),
        (status = 404, description = "No invitation to me with that id", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn api_accept(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(partnership): Path<i64>,
) -> Result<StatusCode, AppError> {
    (state.store)
        .accept_partnership(
            user.account.id,
            PartnershipId(partnership),
            Timestamp::now(),
        )
        .await
        .map_err(not_found)?;
    Ok(StatusCode::NO_CONTENT)
}

/// Choose what my partner sees.
#[utoipa::path(
    put,
    path = "/api/v1/recovery/partners/{partnership}/sees",
    tag = "recovery",
    security(("bearer" = [])),
    params(("partnership" = i64, Path, description = "The partnership's id")),
    request_body = SeesJson,
    responses(
        (status = 204, description = "Saved"),
        (status = 404, description = "No partner of mine with that id", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn api_sees(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(partnership): Path<i64>,
    Json(sees): Json<SeesJson>,
) -> Result<StatusCode, AppError> {
    (state.store)
        .set_partner_sees(user.account.id, PartnershipId(partnership), sees.into())
        .await
        .map_err(not_found)?;
    Ok(StatusCode::NO_CONTENT)
}

/// A day's check-in, as far as the member shares it.
#[derive(Debug, Serialize, ToSchema)]
pub struct SharedCheckInJson {
    day: String,
    /// Present when the member shares scores.
    mood: Option<u8>,
    craving: Option<u8>,
    /// Present when the member shares notes.
    helped: Option<String>,
    note: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SharedCounterJson {
    label: String,
    days: i64,
}

/// What I see of someone I support: only what they chose.
#[derive(Debug, Serialize, ToSchema)]
pub struct SupportedJson {
    handle: String,
    sees: SeesJson,
    counters: Vec<SharedCounterJson>,
    /// The last 14 days, newest first.
    check_ins: Vec<SharedCheckInJson>,
    /// With missed days shared: days in a row with a check-in.
    streak: Option<u32>,
    /// With missed days shared: days without a check-in.
    quiet_days: Option<i64>,
}

/// What I see of someone I support.
#[utoipa::path(
    get,
    path = "/api/v1/recovery/partners/{partnership}/member",
    tag = "recovery",
    security(("bearer" = [])),
    params(("partnership" = i64, Path, description = "The partnership's id")),
    responses(
        (status = 200, body = SupportedJson),
        (status = 404, description = "Nobody I support with that id", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn api_supported(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(partnership): Path<i64>,
) -> Result<Json<SupportedJson>, AppError> {
    let view = SupportedView::read(&state, &user, PartnershipId(partnership)).await?;
    let sees = view.sees;
    Ok(Json(SupportedJson {
        handle: view.handle,
        sees: sees.into(),
        counters: (view.counters.into_iter())
            .map(|(label, days)| SharedCounterJson { label, days })
            .collect(),
        check_ins: (view.check_ins.into_iter())
            .map(|(day, mood, craving, helped, note)| SharedCheckInJson {
                day: day.to_string(),
                mood: sees.scores.then_some(mood),
                craving: sees.scores.then_some(craving),
                helped: sees.notes.then_some(helped),
                note: sees.notes.then_some(note),
            })
            .collect(),
        streak: sees.missed.then_some(view.streak),
        quiet_days: view.quiet_days,
    }))
}
