//! The facilitators' tools under `/api/v1/groups/{group}/...`: letting
//! people in, invitation links, roles, removing and pausing members, the
//! group's settings and norms, pinning, closing and removing posts, the
//! audited look-up of an anonymous post's author, and the audit log. The
//! same rules as the manage page.
//!
//! Every route takes a [`Member`] first, so anyone who is not an active
//! member gets 404, as for a group that does not exist. Then the member's
//! role must allow the action (403 when it does not), and acting on a
//! person only goes downwards ([`may_act_on`]): a facilitator cannot remove,
//! pause or re-role another facilitator or the owner. Input that cannot be
//! used is 422, naming each field, and nothing is written.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use hearth_domain::groups::{GroupAction, GroupRole, Norms};
use hearth_domain::moderation::{ModerationInputError, ModeratorReason};
use hearth_domain::throttle::RateAction;
use hearth_store::groups::audit::AuditEntry;
use hearth_store::groups::posts::Post;
use hearth_store::groups::{Group, Invite, InviteId};
use hearth_store::people::AccountId;
use jiff::{SignedDuration, Timestamp};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::access::Member;
use super::api::{MemberGroupView, NormsView, PathIds, member_view, norms_view};
use super::input_problem;
use crate::auth::session::token_hash;
use crate::auth::{ClientAddress, random_token};
use crate::error::{FieldError, Problem};
use crate::i18n::Message;
use crate::safety::brake;
use crate::{AppError, AppState};

use super::directory::ParsedSettings;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(join_requests))
        .routes(routes!(decide_request))
        .routes(routes!(invites, create_invite))
        .routes(routes!(revoke_invite))
        .routes(routes!(change_role))
        .routes(routes!(remove_member))
        .routes(routes!(mute_member))
        .routes(routes!(transfer_ownership))
        .routes(routes!(edit_group))
        .routes(routes!(edit_norms))
        .routes(routes!(pin_thread))
        .routes(routes!(lock_thread))
        .routes(routes!(remove_post))
        .routes(routes!(reveal_author))
        .routes(routes!(audit_log))
}

/// How long a new invitation lasts when the request does not say.
const INVITE_DEFAULT_DAYS: i64 = 7;
const INVITE_MAX_DAYS: i64 = 30;
const INVITE_MAX_USES: i64 = 1000;
const MUTE_MAX_DAYS: i64 = hearth_domain::moderation::MUTE_MAX_DAYS as i64;

// ---------------------------------------------------------------------------
// Views

/// Someone waiting to be let in.
#[derive(Debug, Serialize, ToSchema)]
pub struct JoinRequestView {
    /// Their account id, for `/requests/{account}/approval`.
    account: i64,
    handle: String,
    #[schema(value_type = String, format = DateTime)]
    requested_at: Timestamp,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct JoinRequestsView {
    /// The longest waiting first.
    requests: Vec<JoinRequestView>,
}

/// An invitation link. Its token is never kept, so it is never shown
/// again after it is made.
#[derive(Debug, Serialize, ToSchema)]
pub struct GroupInviteView {
    id: i64,
    #[schema(value_type = String, format = DateTime)]
    created_at: Timestamp,
    #[schema(value_type = String, format = DateTime)]
    expires_at: Timestamp,
    /// How many people may join with it; null for no limit.
    max_uses: Option<i64>,
    /// How many people have joined with it.
    uses: i64,
    /// Turned off by a facilitator.
    revoked: bool,
    /// Whether it still lets someone in: not expired, used up or revoked.
    usable: bool,
}

impl GroupInviteView {
    fn new(invite: &Invite, now: Timestamp) -> GroupInviteView {
        GroupInviteView {
            id: invite.id.0,
            created_at: invite.created_at,
            expires_at: invite.expires_at,
            max_uses: invite.max_uses,
            uses: invite.uses,
            revoked: invite.revoked_at.is_some(),
            usable: invite.is_usable(now),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct GroupInvitesView {
    /// Newest first, revoked and expired ones included.
    invites: Vec<GroupInviteView>,
}

/// A new invitation link, with its token: shown this once.
#[derive(Debug, Serialize, ToSchema)]
pub struct NewInviteView {
    #[serde(flatten)]
    invite: GroupInviteView,
    /// The secret in the link, for `/api/v1/invites/{token}`. Hearth keeps
    /// only its hash and cannot show it again.
    token: String,
    /// Where the link takes people: the full address when the site knows
    /// its own, else the path.
    #[schema(example = "/invites/3q2-7wEaS0iLb1kVwB3rQfX9u8Yd5mJp0cZtHnE4aUo")]
    link: String,
}

/// A member, as a facilitator manages them.
#[derive(Debug, Serialize, ToSchema)]
pub struct ManagedMemberView {
    /// Their account id, for `/members/{account}/...`.
    account: i64,
    handle: String,
    /// `owner`, `facilitator` or `member`.
    role: String,
    #[schema(value_type = String, format = DateTime)]
    joined_at: Timestamp,
    /// Until when their posting is paused, if it is.
    #[schema(value_type = Option<String>, format = DateTime)]
    muted_until: Option<Timestamp>,
}

/// The author of a post, looked up on the record.
#[derive(Debug, Serialize, ToSchema)]
pub struct RevealedAuthorView {
    handle: String,
}

/// One line of the audit log.
#[derive(Debug, Serialize, ToSchema)]
pub struct AuditEntryView {
    id: i64,
    /// Who acted; null when their account is gone, or for the site's
    /// operator at the console.
    actor: Option<String>,
    /// What was done: `remove_post`, `remove_member`, `mute_member`,
    /// `reveal_author`, `dismiss_report`, `hide_post`, `unhide_post`,
    /// `warn_member`, `suspend_account`, `lift_suspension`, `pin_thread`,
    /// `unpin_thread`, `lock_thread`, `unlock_thread`, `edit_settings`,
    /// `edit_norms`, `approve_request`, `decline_request`, `create_invite`,
    /// `revoke_invite`, `make_facilitator`, `make_member`,
    /// `transfer_ownership`, `grant_admin`, `revoke_admin`,
    /// `grant_directory` or `revoke_directory`.
    #[schema(example = "mute_member")]
    action: String,
    /// The group it was in; null for a site-wide action.
    group_id: Option<i64>,
    /// The person acted on. Null for what was done to a post, and for an
    /// anonymous author always: every facilitator reads the log, and who
    /// wrote an anonymous post is told only to the one who asked.
    target_account: Option<String>,
    /// The post acted on or looked up.
    target_post: Option<i64>,
    reason: String,
    #[schema(value_type = String, format = DateTime)]
    created_at: Timestamp,
}

impl AuditEntryView {
    pub(crate) fn new(entry: &AuditEntry) -> AuditEntryView {
        AuditEntryView {
            id: entry.id,
            actor: entry.actor.clone(),
            action: entry.action.as_str().to_owned(),
            group_id: entry.group_id.map(|group| group.0),
            target_account: (entry.target_account.clone())
                .filter(|_| entry.action.names_its_target()),
            target_post: entry.target_post.map(|post| post.0),
            reason: entry.reason.clone(),
            created_at: entry.created_at,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AuditLogView {
    /// Newest first.
    entries: Vec<AuditEntryView>,
}

impl AuditLogView {
    pub(crate) fn new(entries: &[AuditEntry]) -> AuditLogView {
        AuditLogView {
            entries: entries.iter().map(AuditEntryView::new).collect(),
        }
    }
}

// ---------------------------------------------------------------------------
// Requests

/// Let someone in, or turn their request down (quietly: they are not told).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DecisionRequest {
    approve: bool,
}

/// A new invitation link.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewInviteRequest {
    /// Days the link works: 1 to 30; left out, 7.
    #[serde(default)]
    #[schema(minimum = 1, maximum = 30, example = 7)]
    days: Option<i64>,
    /// How many people may join with it: 1 to 1000; left out, no limit.
    #[serde(default)]
    #[schema(minimum = 1, maximum = 1000)]
    max_uses: Option<i64>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RoleRequest {
    /// `facilitator` or `member`. Owners change only by a handover.
    #[serde(default)]
    #[schema(example = "facilitator")]
    role: String,
}

/// Why a facilitator acts, for the group's audit log.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReasonRequest {
    /// Required; one line, at most 500 characters.
    #[serde(default)]
    #[schema(min_length = 1, max_length = 500)]
    reason: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MuteRequest {
    /// Days to pause their posting: 1 to 90.
    #[serde(default)]
    #[schema(minimum = 1, maximum = 90, example = 7)]
    days: Option<i64>,
    /// Required, for the audit log; one line, at most 500 characters.
    #[serde(default)]
    #[schema(min_length = 1, max_length = 500)]
    reason: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TransferRequest {
    /// The account id of the active member who becomes the owner.
    #[serde(default)]
    account: Option<i64>,
}

/// A group's settings. A field left out keeps its value.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct GroupSettingsRequest {
    /// 3 to 80 characters.
    #[serde(default)]
    #[schema(min_length = 3, max_length = 80)]
    name: Option<String>,
    /// At most 500 characters.
    #[serde(default)]
    #[schema(max_length = 500)]
    description: Option<String>,
    /// `open`, `request` or `hidden`.
    #[serde(default)]
    #[schema(example = "request")]
    kind: Option<String>,
    /// Focus tags: `alcohol`, `drugs`, `gambling`, `family_friends`,
    /// `grief`, `mental_health`, `other`.
    #[serde(default)]
    tags: Option<Vec<String>>,
    /// An ISO 639 code such as `en`.
    #[serde(default)]
    language: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NormsRequest {
    /// The group's agreement, in Markdown (20 to 5000 characters).
    #[serde(default)]
    norms: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PinRequest {
    pinned: bool,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LockRequest {
    /// Closed to new replies.
    locked: bool,
}

// ---------------------------------------------------------------------------
// Helpers

impl PathIds {
    /// The numeric `{name}` of the path; 404 when it is not a number.
    fn id(&self, name: &str) -> Result<i64, AppError> {
        (self.0.get(name))
            .and_then(|id| id.parse().ok())
            .ok_or(AppError::NotFound)
    }
}

fn invalid(field: &'static str, code: &'static str, message: Message) -> FieldError {
    FieldError {
        field,
        code,
        message,
    }
}

/// A whole number of `field` from 1 to `max`: `missing` when left out.
fn count_between(
    given: Option<i64>,
    field: &'static str,
    max: i64,
    message: &'static str,
) -> Result<i64, FieldError> {
    let message = Message::new(message).with("max", max);
    match given {
        Some(count) if (1..=max).contains(&count) => Ok(count),
        Some(_) => Err(invalid(field, "out_of_range", message)),
        None => Err(invalid(field, "missing", message)),
    }
}

/// The reason a moderator gives, for the audit log (see
/// [`ModeratorReason`]).
fn reason(text: &str) -> Result<String, FieldError> {
    ModeratorReason::parse(text)
        .map(ModeratorReason::into_string)
        .map_err(|error| match error {
            ModerationInputError::ReasonTooLong { max } => invalid(
                "reason",
                "too_long",
                Message::new("groups-api-manage-reason-too-long").with("max", max),
            ),
            _ => invalid(
                "reason",
                "empty",
                Message::new("groups-api-manage-reason-missing"),
            ),
        })
}

fn days(count: i64) -> SignedDuration {
    SignedDuration::from_hours(count * 24)
}

/// `now` and `count` days later.
fn now_and_later(count: i64) -> Result<(Timestamp, Timestamp), AppError> {
    let now = Timestamp::now();
    let later = now
        .checked_add(days(count))
        .map_err(|e| AppError::internal(format!("{count} days from now: {e}")))?;
    Ok((now, later))
}

/// Where an invitation token takes people: the full address when the site
/// knows its own, else the path.
fn invite_link(state: &AppState, token: &str) -> String {
    let base = (state.config.public_url.as_deref())
        .map(|url| url.trim_end_matches('/'))
        .unwrap_or_default();
    format!("{base}/invites/{token}")
}

/// An active member as a facilitator sees them, after a change.
async fn managed_member(
    state: &AppState,
    member: &Member,
    account: AccountId,
) -> Result<ManagedMemberView, AppError> {
    let now = Timestamp::now();
    let person = (state.store.members(member.group.id).await?)
        .into_iter()
        .find(|person| person.account_id == account)
        .ok_or(AppError::NotFound)?;
    Ok(ManagedMemberView {
        account: person.account_id.0,
        handle: person.handle,
        role: person.role.as_str().to_owned(),
        joined_at: person.joined_at,
        muted_until: person.muted_until.filter(|until| *until > now),
    })
}

/// The share that starts thread `{thread}`, if it is still there.
async fn live_thread(state: &AppState, member: &Member, ids: &PathIds) -> Result<Post, AppError> {
    (state.store)
        .post(member.group.id, ids.post("thread")?)
        .await?
        .filter(|post| post.thread_id.is_none() && !post.removed)
        .ok_or(AppError::NotFound)
}

/// The settings sent, with the group's own for those left out, parsed.
fn parse_settings(
    group: &Group,
    sent: GroupSettingsRequest,
) -> Result<ParsedSettings, Vec<FieldError>> {
    let tags = sent.tags.unwrap_or_else(|| {
        (group.tags.iter())
            .map(|tag| tag.as_str().to_owned())
            .collect()
    });
    ParsedSettings::parse(
        &sent.name.unwrap_or_else(|| group.name.clone()),
        &(sent.description).unwrap_or_else(|| group.description.clone()),
        &(sent.kind).unwrap_or_else(|| group.kind.as_str().to_owned()),
        &tags,
        &(sent.language).unwrap_or_else(|| group.language.clone()),
    )
}

// ---------------------------------------------------------------------------
// Letting people in

/// People who asked to join, the longest waiting first.
#[utoipa::path(
    get,
    path = "/api/v1/groups/{group}/requests",
    tag = "groups",
    security(("bearer" = [])),
    params(("group" = i64, Path, description = "The group's id")),
    responses(
        (status = 200, body = JoinRequestsView),
        (status = 403, description = "Only facilitators let people in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such group, or I am not a member", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn join_requests(
    State(state): State<AppState>,
    member: Member,
) -> Result<Json<JoinRequestsView>, AppError> {
    member.require(GroupAction::ApproveRequests)?;
    let requests = state.store.join_requests(member.group.id).await?;
    Ok(Json(JoinRequestsView {
        requests: (requests.into_iter())
            .map(|request| JoinRequestView {
                account: request.account_id.0,
                handle: request.handle,
                requested_at: request.requested_at,
            })
            .collect(),
    }))
}

/// Let someone who asked in (they are told in their notifications), or
/// turn their request down.
#[utoipa::path(
    post,
    path = "/api/v1/groups/{group}/requests/{account}/approval",
    tag = "groups",
    security(("bearer" = [])),
    params(
        ("group" = i64, Path, description = "The group's id"),
        ("account" = i64, Path, description = "The account id of the person who asked"),
    ),
    request_body = DecisionRequest,
    responses(
        (status = 204, description = "Decided"),
        (status = 403, description = "Only facilitators let people in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such request (or it was decided already), or I am not a member", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn decide_request(
    State(state): State<AppState>,
    member: Member,
    ids: PathIds,
    Json(body): Json<DecisionRequest>,
) -> Result<StatusCode, AppError> {
    member.require(GroupAction::ApproveRequests)?;
    let account = AccountId(ids.id("account")?);
    (state.store)
        .decide_join_request(
            member.group.id,
            account,
            body.approve,
            member.user.account.id,
            Timestamp::now(),
        )
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

// ---------------------------------------------------------------------------
// Invitation links

/// The group's invitation links, newest first. Their tokens are not kept,
/// so they are not here.
#[utoipa::path(
    get,
    path = "/api/v1/groups/{group}/invites",
    tag = "groups",
    security(("bearer" = [])),
    params(("group" = i64, Path, description = "The group's id")),
    responses(
        (status = 200, body = GroupInvitesView),
        (status = 403, description = "Only facilitators manage invitations", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such group, or I am not a member", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn invites(
    State(state): State<AppState>,
    member: Member,
) -> Result<Json<GroupInvitesView>, AppError> {
    member.require(GroupAction::ManageInvites)?;
    let now = Timestamp::now();
    let invites = state.store.invites(member.group.id).await?;
    Ok(Json(GroupInvitesView {
        invites: (invites.iter())
            .map(|invite| GroupInviteView::new(invite, now))
            .collect(),
    }))
}

/// Make an invitation link. Anyone with it can read the norms and join,
/// even a hidden group. Its token comes back this once.
#[utoipa::path(
    post,
    path = "/api/v1/groups/{group}/invites",
    tag = "groups",
    security(("bearer" = [])),
    params(("group" = i64, Path, description = "The group's id")),
    request_body = NewInviteRequest,
    responses(
        (status = 201, description = "Made; keep the token, it is not shown again", body = NewInviteView),
        (status = 403, description = "Only facilitators manage invitations", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such group, or I am not a member", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`days` or `max_uses` is out of range", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn create_invite(
    State(state): State<AppState>,
    member: Member,
    address: ClientAddress,
    body: Option<Json<NewInviteRequest>>,
) -> Result<Response, AppError> {
    member.require(GroupAction::ManageInvites)?;
    let Json(body) = body.unwrap_or_default();
    let count = count_between(
        body.days.or(Some(INVITE_DEFAULT_DAYS)),
        "days",
        INVITE_MAX_DAYS,
        "groups-api-manage-invite-days",
    );
    let max_uses = match body.max_uses {
        None => Ok(None),
        given => count_between(
            given,
            "max_uses",
            INVITE_MAX_USES,
            "groups-api-manage-invite-max-uses",
        )
        .map(Some),
    };
    let (count, max_uses) = match (count, max_uses) {
        (Ok(count), Ok(max_uses)) => (count, max_uses),
        (count, max_uses) => {
            let problems = [count.err(), max_uses.err()].into_iter().flatten();
            return Err(AppError::Invalid(problems.collect()));
        }
    };
    brake(&state, &member.user, &address, RateAction::Invite).await?;
    let token = random_token();
    let (now, expires_at) = now_and_later(count)?;
    let invite = (state.store)
        .create_invite(
            member.group.id,
            &token_hash(&token),
            member.user.account.id,
            expires_at,
            max_uses,
            now,
        )
        .await?;
    let view = NewInviteView {
        invite: GroupInviteView::new(&invite, now),
        link: invite_link(&state, &token),
        token,
    };
    Ok((StatusCode::CREATED, Json(view)).into_response())
}

/// Turn an invitation link off. Turning it off again changes nothing.
#[utoipa::path(
    delete,
    path = "/api/v1/groups/{group}/invites/{invite}",
    tag = "groups",
    security(("bearer" = [])),
    params(
        ("group" = i64, Path, description = "The group's id"),
        ("invite" = i64, Path, description = "The invitation's id"),
    ),
    responses(
        (status = 204, description = "Turned off: joining with it now answers 410"),
        (status = 403, description = "Only facilitators manage invitations", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such invitation in this group, or I am not a member", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn revoke_invite(
    State(state): State<AppState>,
    member: Member,
    ids: PathIds,
) -> Result<StatusCode, AppError> {
    member.require(GroupAction::ManageInvites)?;
    let id = InviteId(ids.id("invite")?);
    let group = member.group.id;
    let invite = (state.store.invites(group).await?)
        .into_iter()
        .find(|invite| invite.id == id)
        .ok_or(AppError::NotFound)?;
    if invite.revoked_at.is_none() {
        (state.store)
            .revoke_invite(group, id, member.user.account.id, Timestamp::now())
            .await?;
    }
    Ok(StatusCode::NO_CONTENT)
}

// ---------------------------------------------------------------------------
// Members

/// Make a member a facilitator, or a facilitator a member again. Only the
/// owner may.
#[utoipa::path(
    put,
    path = "/api/v1/groups/{group}/members/{account}/role",
    tag = "groups",
    security(("bearer" = [])),
    params(
        ("group" = i64, Path, description = "The group's id"),
        ("account" = i64, Path, description = "The member's account id"),
    ),
    request_body = RoleRequest,
    responses(
        (status = 200, description = "The member with their new role", body = ManagedMemberView),
        (status = 403, description = "Only the owner chooses facilitators, and not for themselves", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such member, or I am not a member", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`role` is not `facilitator` or `member`", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn change_role(
    State(state): State<AppState>,
    member: Member,
    ids: PathIds,
    Json(body): Json<RoleRequest>,
) -> Result<Json<ManagedMemberView>, AppError> {
    member.require(GroupAction::ChangeRoles)?;
    let target = member.target(&state, AccountId(ids.id("account")?)).await?;
    let role = match body.role.parse::<GroupRole>() {
        Ok(role @ (GroupRole::Facilitator | GroupRole::Member)) => role,
        _ => {
            return Err(AppError::Invalid(vec![invalid(
                "role",
                "unknown_role",
                Message::new("groups-api-manage-role"),
            )]));
        }
    };
    (state.store)
        .set_member_role(
            member.group.id,
            target.account_id,
            role,
            member.user.account.id,
            Timestamp::now(),
        )
        .await?;
    Ok(Json(
        managed_member(&state, &member, target.account_id).await?,
    ))
}

/// Remove a member from the group, with the reason for the audit log. They
/// no longer see the group; to come back to a hidden group they need a new
/// invitation.
#[utoipa::path(
    delete,
    path = "/api/v1/groups/{group}/members/{account}",
    tag = "groups",
    security(("bearer" = [])),
    params(
        ("group" = i64, Path, description = "The group's id"),
        ("account" = i64, Path, description = "The member's account id"),
    ),
    request_body = ReasonRequest,
    responses(
        (status = 204, description = "Removed, and written in the audit log"),
        (status = 403, description = "Not a facilitator, or the member is the owner, another facilitator or me", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such member, or I am not a member", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The reason is missing or too long", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn remove_member(
    State(state): State<AppState>,
    member: Member,
    ids: PathIds,
    body: Option<Json<ReasonRequest>>,
) -> Result<StatusCode, AppError> {
    member.require(GroupAction::RemoveMembers)?;
    let target = member.target(&state, AccountId(ids.id("account")?)).await?;
    let Json(body) = body.unwrap_or_default();
    let reason = reason(&body.reason).map_err(|error| AppError::Invalid(vec![error]))?;
    (state.store)
        .remove_member(
            member.group.id,
            target.account_id,
            member.user.account.id,
            &reason,
            Timestamp::now(),
        )
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Pause a member's posting for some days, with the reason for the audit
/// log. They still read, but cannot post, reply or respond.
#[utoipa::path(
    post,
    path = "/api/v1/groups/{group}/members/{account}/mute",
    tag = "groups",
    security(("bearer" = [])),
    params(
        ("group" = i64, Path, description = "The group's id"),
        ("account" = i64, Path, description = "The member's account id"),
    ),
    request_body = MuteRequest,
    responses(
        (status = 200, description = "Paused, and written in the audit log", body = ManagedMemberView),
        (status = 403, description = "Not a facilitator, or the member is the owner, another facilitator or me", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such member, or I am not a member", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`days` is out of range, or the reason is missing or too long", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn mute_member(
    State(state): State<AppState>,
    member: Member,
    ids: PathIds,
    Json(body): Json<MuteRequest>,
) -> Result<Json<ManagedMemberView>, AppError> {
    member.require(GroupAction::MuteMembers)?;
    let target = member.target(&state, AccountId(ids.id("account")?)).await?;
    let count = count_between(
        body.days,
        "days",
        MUTE_MAX_DAYS,
        "groups-api-manage-mute-days",
    );
    let (count, reason) = match (count, reason(&body.reason)) {
        (Ok(count), Ok(reason)) => (count, reason),
        (count, reason) => {
            let problems = [count.err(), reason.err()].into_iter().flatten();
            return Err(AppError::Invalid(problems.collect()));
        }
    };
    let (now, until) = now_and_later(count)?;
    (state.store)
        .mute_member(
            member.group.id,
            target.account_id,
            until,
            member.user.account.id,
            &reason,
            now,
        )
        .await?;
    Ok(Json(
        managed_member(&state, &member, target.account_id).await?,
    ))
}

/// Hand the group to another active member. I stay on as a facilitator,
/// and may then leave.
#[utoipa::path(
    post,
    path = "/api/v1/groups/{group}/ownership",
    tag = "groups",
    security(("bearer" = [])),
    params(("group" = i64, Path, description = "The group's id")),
    request_body = TransferRequest,
    responses(
        (status = 204, description = "Handed over"),
        (status = 403, description = "Only the owner hands the group over", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such group, or I am not a member", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`account` is not another active member of the group", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn transfer_ownership(
    State(state): State<AppState>,
    member: Member,
    Json(body): Json<TransferRequest>,
) -> Result<StatusCode, AppError> {
    member.require(GroupAction::TransferOwnership)?;
    let me = member.user.account.id;
    let chosen = (body.account)
        .map(AccountId)
        .filter(|account| *account != me);
    let heir = match chosen {
        Some(account) => member.fellow(&state, account).await?,
        None => None,
    };
    let Some(heir) = heir else {
        return Err(AppError::Invalid(vec![invalid(
            "account",
            "unknown_member",
            Message::new("groups-api-manage-new-owner"),
        )]));
    };
    (state.store)
        .transfer_ownership(member.group.id, me, heir.account_id, Timestamp::now())
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

// ---------------------------------------------------------------------------
// The group's settings and norms

/// Change the group's name, description, kind, tags or language. A field
/// left out keeps its value.
#[utoipa::path(
    patch,
    path = "/api/v1/groups/{group}",
    tag = "groups",
    security(("bearer" = [])),
    params(("group" = i64, Path, description = "The group's id")),
    request_body = GroupSettingsRequest,
    responses(
        (status = 200, description = "The group as it is now", body = MemberGroupView),
        (status = 403, description = "Only facilitators change the settings", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such group, or I am not a member", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Fields are not valid; `errors` names each", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn edit_group(
    State(state): State<AppState>,
    member: Member,
    Json(body): Json<GroupSettingsRequest>,
) -> Result<Json<MemberGroupView>, AppError> {
    member.require(GroupAction::EditGroup)?;
    let settings = parse_settings(&member.group, body).map_err(AppError::Invalid)?;
    (state.store)
        .update_group(
            member.group.id,
            &settings.as_settings(),
            member.user.account.id,
            Timestamp::now(),
        )
        .await?;
    let view = member_view(&state, member.group.id, member.user.account.id).await?;
    Ok(Json(view))
}

/// Write a new version of the norms. Every other member is told, and must
/// agree to it before they post again. The same text again changes
/// nothing, so nobody is asked to agree to what they agreed to.
#[utoipa::path(
    put,
    path = "/api/v1/groups/{group}/norms",
    tag = "groups",
    security(("bearer" = [])),
    params(("group" = i64, Path, description = "The group's id")),
    request_body = NormsRequest,
    responses(
        (status = 200, description = "The norms as they are now, with their version; I agree to what I wrote", body = NormsView),
        (status = 403, description = "Only facilitators write the norms", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such group, or I am not a member", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The norms are not valid", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn edit_norms(
    State(state): State<AppState>,
    member: Member,
    Json(body): Json<NormsRequest>,
) -> Result<Json<NormsView>, AppError> {
    member.require(GroupAction::EditNorms)?;
    let norms =
        Norms::parse(&body.norms).map_err(|error| AppError::Invalid(vec![input_problem(error)]))?;
    let current = state.store.current_norms(member.group.id).await?;
    if current.is_none_or(|current| current.body != norms.as_str()) {
        (state.store)
            .set_norms(
                member.group.id,
                &norms,
                member.user.account.id,
                Timestamp::now(),
            )
            .await?;
    }
    Ok(Json(norms_view(&state, &member).await?))
}

// ---------------------------------------------------------------------------
// Threads and posts

/// Pin a thread to the top of the group's page, or unpin it.
#[utoipa::path(
    put,
    path = "/api/v1/groups/{group}/threads/{thread}/pinned",
    tag = "groups",
    security(("bearer" = [])),
    params(
        ("group" = i64, Path, description = "The group's id"),
        ("thread" = i64, Path, description = "The share's id"),
    ),
    request_body = PinRequest,
    responses(
        (status = 204, description = "Done"),
        (status = 403, description = "Only facilitators pin threads", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such thread (or it was removed), or I am not a member", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn pin_thread(
    State(state): State<AppState>,
    member: Member,
    ids: PathIds,
    Json(body): Json<PinRequest>,
) -> Result<StatusCode, AppError> {
    member.require(GroupAction::PinThreads)?;
    let share = live_thread(&state, &member, &ids).await?;
    (state.store)
        .set_thread_pinned(
            member.group.id,
            share.id,
            body.pinned,
            member.user.account.id,
            Timestamp::now(),
        )
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Close a thread to new replies, or open it again.
#[utoipa::path(
    put,
    path = "/api/v1/groups/{group}/threads/{thread}/locked",
    tag = "groups",
    security(("bearer" = [])),
    params(
        ("group" = i64, Path, description = "The group's id"),
        ("thread" = i64, Path, description = "The share's id"),
    ),
    request_body = LockRequest,
    responses(
        (status = 204, description = "Done"),
        (status = 403, description = "Only facilitators close threads", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such thread (or it was removed), or I am not a member", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn lock_thread(
    State(state): State<AppState>,
    member: Member,
    ids: PathIds,
    Json(body): Json<LockRequest>,
) -> Result<StatusCode, AppError> {
    member.require(GroupAction::LockThreads)?;
    let share = live_thread(&state, &member, &ids).await?;
    (state.store)
        .set_thread_locked(
            member.group.id,
            share.id,
            body.locked,
            member.user.account.id,
            Timestamp::now(),
        )
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Take a share (with its conversation) or a reply out of members' view,
/// with the reason for the audit log. It is kept for the record.
#[utoipa::path(
    delete,
    path = "/api/v1/groups/{group}/posts/{post}",
    tag = "groups",
    security(("bearer" = [])),
    params(
        ("group" = i64, Path, description = "The group's id"),
        ("post" = i64, Path, description = "The share's or reply's id"),
    ),
    request_body = ReasonRequest,
    responses(
        (status = 204, description = "Removed, and written in the audit log"),
        (status = 403, description = "Only facilitators remove posts", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such post (or it was removed already), or I am not a member", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The reason is missing or too long", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn remove_post(
    State(state): State<AppState>,
    member: Member,
    ids: PathIds,
    body: Option<Json<ReasonRequest>>,
) -> Result<StatusCode, AppError> {
    member.require(GroupAction::RemovePosts)?;
    // The author's role is not asked: refusing for some authors would tell
    // who wrote an anonymous post.
    let post = (state.store)
        .post(member.group.id, ids.post("post")?)
        .await?
        .filter(|post| !post.removed)
        .ok_or(AppError::NotFound)?;
    let Json(body) = body.unwrap_or_default();
    let reason = reason(&body.reason).map_err(|error| AppError::Invalid(vec![error]))?;
    (state.store)
        .remove_post(
            member.group.id,
            post.id,
            member.user.account.id,
            &reason,
            Timestamp::now(),
        )
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Who wrote a post (anonymous or not, removed or not). Only when
/// someone's safety or the group's norms need it: the look-up and its
/// reason are written in the audit log first.
#[utoipa::path(
    post,
    path = "/api/v1/groups/{group}/posts/{post}/reveal",
    tag = "groups",
    security(("bearer" = [])),
    params(
        ("group" = i64, Path, description = "The group's id"),
        ("post" = i64, Path, description = "The share's or reply's id"),
    ),
    request_body = ReasonRequest,
    responses(
        (status = 200, description = "The author, now on the record", body = RevealedAuthorView),
        (status = 403, description = "Only facilitators may look up an author", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such post, or I am not a member", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The reason is missing or too long", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn reveal_author(
    State(state): State<AppState>,
    member: Member,
    ids: PathIds,
    Json(body): Json<ReasonRequest>,
) -> Result<Json<RevealedAuthorView>, AppError> {
    member.require(GroupAction::RemovePosts)?;
    let post = (state.store)
        .post(member.group.id, ids.post("post")?)
        .await?
        .ok_or(AppError::NotFound)?;
    let reason = reason(&body.reason).map_err(|error| AppError::Invalid(vec![error]))?;
    let handle = (state.store)
        .reveal_author(
            member.group.id,
            post.id,
            member.user.account.id,
            &reason,
            Timestamp::now(),
        )
        .await?;
    Ok(Json(RevealedAuthorView { handle }))
}

/// What facilitators have done, and why, newest first. Facilitators only.
#[utoipa::path(
    get,
    path = "/api/v1/groups/{group}/audit",
    tag = "groups",
    security(("bearer" = [])),
    params(("group" = i64, Path, description = "The group's id")),
    responses(
        (status = 200, body = AuditLogView),
        (status = 403, description = "Only facilitators read the audit log", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such group, or I am not a member", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn audit_log(
    State(state): State<AppState>,
    member: Member,
) -> Result<Json<AuditLogView>, AppError> {
    if !member.membership.role.is_facilitator() {
        return Err(AppError::NotAllowed);
    }
    let entries = state.store.audit_log(member.group.id).await?;
    Ok(Json(AuditLogView::new(&entries)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_whole_numbers_in_range() {
        let count = |given| count_between(given, "days", 30, "groups-api-manage-invite-days");
        assert_eq!(count(Some(1)), Ok(1));
        assert_eq!(count(Some(30)), Ok(30));
        for bad in [0, 31, -1] {
            assert_eq!(count(Some(bad)).unwrap_err().code, "out_of_range", "{bad}");
        }
        let missing = count(None).unwrap_err();
        assert_eq!((missing.field, missing.code), ("days", "missing"));
    }

    #[test]
    fn reasons_are_required_single_lines_of_limited_length() {
        assert_eq!(reason("  spam\nlinks "), Ok("spam links".to_owned()));
        assert_eq!(reason(" \t ").unwrap_err().code, "empty");
        assert!(reason(&"é".repeat(ModeratorReason::MAX_CHARS)).is_ok());
        let long = reason(&"x".repeat(ModeratorReason::MAX_CHARS + 1)).unwrap_err();
        assert_eq!((long.field, long.code), ("reason", "too_long"));
    }
}
