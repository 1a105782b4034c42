//! Milestone celebrations: a member chooses, per counter, the groups its
//! milestones may be shared with. On reaching one they are asked, never
//! made: share a celebration (in words they can change) or let it pass.
//! The counter's label is never shared; it may name something private.

use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use hearth_domain::groups::{Body, ShareKind};
use hearth_domain::safety::crisis;
use hearth_domain::throttle::RateAction;
use hearth_store::groups::GroupId;
use hearth_store::groups::posts::NewShare;
use hearth_store::recovery::{Counter, CounterId};
use jiff::Timestamp;
use jiff::civil::Date;

use super::Routes;
use super::counters::milestone_words;
use super::{not_found, today_of};
use crate::auth::{ClientAddress, CurrentUser};
use crate::error::FieldError;
use crate::groups::access::Member;
use crate::groups::{may_write, request_key};
use crate::i18n::Message;
use crate::page::PageContext;
use crate::safety::brake;
use crate::{AppError, AppState};

pub(super) fn page_routes() -> Routes {
    vec![
        ("/recovery/counters/{counter}/groups", post(choose_groups)),
        ("/recovery/counters/{counter}/celebrate", post(celebrate)),
    ]
}

/// A milestone waiting to be shared or passed over.
pub(super) struct Celebration {
    /// The milestone in words, and its date in words.
    pub what: String,
    pub when: String,
    /// `YYYY-MM-DD`, carried by the form.
    pub date: String,
    /// The groups it would go to, by name.
    pub groups: Vec<String>,
    /// The words offered for the share.
    pub body: String,
}

/// What a counter's page offers about celebrating: the member's groups as
/// checkboxes (id, name, whether chosen), and the milestone they may
/// celebrate now, if they chose groups and one was reached lately.
pub(super) async fn offers(
    state: &AppState,
    ctx: &PageContext,
    user: &CurrentUser,
    counter: &Counter,
    today: Date,
) -> Result<(Vec<(i64, String, bool)>, Option<Celebration>), AppError> {
    let chosen = (state.store)
        .announcement_groups(user.account.id, counter.id)
        .await?;
    let choices: Vec<(i64, String, bool)> = (state.store.groups_of(user.account.id).await?)
        .into_iter()
        .map(|(listing, _)| {
            let group = listing.group;
            (
                group.id.0,
                group.name.to_string(),
                chosen.contains(&group.id),
            )
        })
        .collect();
    let milestone = (counter.program).to_announce(counter.start, counter.announced_through, today);
    let celebration = milestone.filter(|_| !chosen.is_empty()).map(|milestone| {
        let what = milestone_words(ctx, &milestone);
        Celebration {
            body: ctx.t_with("celebrate-body", "what", what.as_str()),
            what,
            when: ctx.lang.date(milestone.date),
            date: milestone.date.to_string(),
            groups: (choices.iter())
                .filter(|(_, _, chosen)| *chosen)
                .map(|(_, name, _)| name.clone())
                .collect(),
        }
    });
    Ok((choices, celebration))
}

async fn choose_groups(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(counter): Path<i64>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let groups: Vec<GroupId> = (fields.iter())
        .filter(|(name, _)| name == "groups")
        .filter_map(|(_, value)| value.parse().ok().map(GroupId))
        .collect();
    (state.store)
        .set_announcement_groups(user.account.id, CounterId(counter), &groups)
        .await
        .map_err(not_found)?;
    Ok(Redirect::to(&format!(
        "/recovery/counters/{counter}?groups=saved#celebrate"
    ))
    .into_response())
}

#[derive(Debug, serde::Deserialize)]
pub struct CelebrateForm {
    #[serde(default)]
    date: String,
    #[serde(default)]
    body: String,
    /// Set by the "Not this time" button.
    #[serde(default)]
    pass: Option<String>,
}

/// Shares the celebration to each chosen group the member may still post
/// in, or lets it pass; either way it is not offered again.
async fn celebrate(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path(counter): Path<i64>,
    Form(form): Form<CelebrateForm>,
) -> Result<Response, AppError> {
    let id = CounterId(counter);
    let today = today_of(&state, &user);
    let counter = (state.store.counter(user.account.id, id).await?).ok_or(AppError::NotFound)?;
    let page = format!("/recovery/counters/{}", id.0);
    let offered = (counter.program).to_announce(counter.start, counter.announced_through, today);
    // A form from before the milestone was shared or passed changes nothing.
    let Some(milestone) = offered.filter(|m| m.date.to_string() == form.date) else {
        return Ok(Redirect::to(&page).into_response());
    };
    if form.pass.is_none() {
        let body = Body::share(&form.body).map_err(|error| {
            AppError::Invalid(vec![FieldError {
                field: "body",
                code: error.code(),
                message: Message::new("celebrate-body-invalid"),
            }])
        })?;
        let now = Timestamp::now();
        for group in state.store.announcement_groups(user.account.id, id).await? {
            let Some((group, Some(membership))) =
                (state.store.group_with_membership(group, user.account.id)).await?
            else {
                continue;
            };
            let member = Member {
                user: user.clone(),
                group,
                membership,
            };
            if !member.membership.is_active() || may_write(&member, now).is_err() {
                continue;
            }
            brake(&state, &user, &address, RateAction::Post).await?;
            let share = NewShare {
                kind: ShareKind::Celebration,
                title: None,
                body: &body,
                anonymous: false,
                crisis: crisis::assess(body.as_str()).detected(),
            };
            (state.store)
                .create_share(
                    member.group.id,
                    user.account.id,
                    &share,
                    &[],
                    &request_key(""),
                    now,
                )
                .await?;
        }
    }
    (state.store)
        .mark_announced(user.account.id, id, milestone.date)
        .await
        .map_err(not_found)?;
    let outcome = if form.pass.is_some() {
        "passed"
    } else {
        "shared"
    };
    Ok(Redirect::to(&format!("{page}?celebration={outcome}")).into_response())
}
