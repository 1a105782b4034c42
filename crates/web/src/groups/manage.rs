//! Facilitators' tools: letting people in, invitation links, roles,
//! removing and pausing members, the group's settings and norms, pinning,
//! closing and removing posts, the audited look-up of an anonymous post's
//! author, and the audit log.
//!
//! Every route takes a [`Member`] (anyone else gets 404), then asks the
//! member's role whether it allows the action (403 when it does not), and
//! acting on a person only goes downwards ([`may_act_on`]): a facilitator
//! cannot remove, pause or re-role another facilitator or the owner. Input
//! that cannot be used comes back on the manage page with what to fix, and
//! 422; nothing is written.

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use hearth_domain::groups::{GroupAction, GroupKind, GroupRole, Norms, Tag, may_act_on};
use hearth_domain::moderation::{ModerationInputError, ModeratorReason};
use hearth_domain::throttle::RateAction;
use hearth_store::groups::audit::{AuditAction, AuditEntry};
use hearth_store::groups::posts::{Post, PostId};
use hearth_store::groups::{
    Group, Invite, InviteId, JoinRequest, Member as GroupMember, Membership,
};
use hearth_store::people::AccountId;
use jiff::{SignedDuration, Timestamp};
use serde::Deserialize;

use super::access::Member;
use super::directory::GroupForm;
use super::{input_problem, kind_messages, role_message, tag_message};
use crate::auth::session::token_hash;
use crate::auth::{ClientAddress, random_token};
use crate::i18n::Message;
use crate::page::{PageContext, render};
use crate::safety::brake;
use crate::{AppError, AppState};

use super::directory::ParsedSettings;

use super::Routes;

/// Each facilitators' route with its handlers.
pub fn routes() -> Routes {
    vec![
        ("/groups/{group}/manage", get(manage_page)),
        ("/groups/{group}/requests/{account}/approve", post(approve)),
        ("/groups/{group}/requests/{account}/decline", post(decline)),
        ("/groups/{group}/invites", post(create_invite)),
        (
            "/groups/{group}/invites/{invite}/revoke",
            post(revoke_invite),
        ),
        ("/groups/{group}/members/{account}/role", post(change_role)),
        (
            "/groups/{group}/members/{account}/remove",
            post(remove_member),
        ),
        ("/groups/{group}/members/{account}/mute", post(mute_member)),
        ("/groups/{group}/transfer", post(transfer)),
        ("/groups/{group}/settings", post(save_settings)),
        ("/groups/{group}/norms/edit", post(edit_norms)),
        ("/groups/{group}/threads/{thread}/pin", post(pin)),
        ("/groups/{group}/threads/{thread}/lock", post(lock)),
        ("/groups/{group}/posts/{post}/remove", post(remove_post)),
        (
            "/groups/{group}/posts/{post}/reveal",
            get(reveal_page).post(reveal),
        ),
    ]
}

/// How long a new invitation lasts when the form does not say.
const INVITE_DEFAULT_DAYS: i64 = 7;
const INVITE_MAX_DAYS: i64 = 30;
const INVITE_MAX_USES: i64 = 1000;
const MUTE_DEFAULT_DAYS: i64 = 7;
const MUTE_MAX_DAYS: i64 = hearth_domain::moderation::MUTE_MAX_DAYS as i64;

/// Refuses (403) a member who does not facilitate the group.
fn require_facilitator(member: &Member) -> Result<(), AppError> {
    if member.membership.role.is_facilitator() {
        Ok(())
    } else {
        Err(AppError::NotAllowed)
    }
}

/// The manage page, at one of its sections.
fn manage_at(member: &Member, section: &str) -> Response {
    Redirect::to(&format!("/groups/{}/manage#{section}", member.group.id.0)).into_response()
}

fn days(count: i64) -> SignedDuration {
    SignedDuration::from_hours(count * 24)
}

/// A whole number from 1 to `max` typed into a form; a blank box is
/// `blank`.
fn count_between(text: &str, max: i64, blank: Option<i64>) -> Option<i64> {
    let text = text.trim();
    if text.is_empty() {
        return blank;
    }
    text.parse::<i64>()
        .ok()
        .filter(|count| (1..=max).contains(count))
}

/// The reason a moderator gives, for the audit log (see
/// [`ModeratorReason`]).
fn reason(text: &str) -> Result<String, Message> {
    ModeratorReason::parse(text)
        .map(ModeratorReason::into_string)
        .map_err(|error| match error {
            ModerationInputError::ReasonTooLong { max } => {
                Message::new("manage-reason-too-long").with("max", max)
            }
            _ => Message::new("manage-reason-missing"),
        })
}

/// `true` or `false` from a pin or lock button.
fn flag(text: &str) -> Option<bool> {
    match text {
        "true" => Some(true),
        "false" => Some(false),
        _ => None,
    }
}

/// Something on the manage page to look at again: the form it belongs to
/// (a settings field's name, `norms`, `invite_days`, `member_ID`...) and
/// what is wrong.
struct Problem {
    at: String,
    message: Message,
}

fn problem(at: impl Into<String>, message: Message) -> Problem {
    Problem {
        at: at.into(),
        message,
    }
}

/// A member's row as a whole (its role button).
fn member_key(account: i64) -> String {
    format!("member_{account}")
}

/// One field of a form in a member's row: `mute_days`, `mute_reason` or
/// `remove_reason`.
fn member_field(account: i64, field: &str) -> String {
    format!("member_{account}_{field}")
}

/// What the manage page shows besides the group as it is: forms as they
/// were sent back, problems, a link just made.
#[derive(Default)]
struct Draft {
    settings: Option<GroupForm>,
    norms: Option<String>,
    invite_days: Option<String>,
    invite_max_uses: Option<String>,
    /// What was typed into a member's row, by [`member_field`].
    member_values: Vec<(String, String)>,
    /// The invitation link just made: shown this once, never stored.
    new_link: Option<String>,
    problems: Vec<Problem>,
}

impl Draft {
    fn problems(problems: Vec<Problem>) -> Draft {
        Draft {
            problems,
            ..Draft::default()
        }
    }
}

struct RequestRow {
    account: i64,
    handle: String,
    asked: String,
}

struct InviteRow {
    id: i64,
    created: String,
    expires: String,
    uses: String,
    status: String,
    revocable: bool,
}

struct MemberRow {
    account: i64,
    handle: String,
    role: String,
    is_me: bool,
    muted_until: Option<String>,
    /// The reader may remove or pause them.
    may_moderate: bool,
    /// The owner's button: the role to give them, and its label.
    role_change: Option<(&'static str, String)>,
}

pub(crate) struct AuditRow {
    pub when: String,
    pub what: String,
    pub reason: String,
}

#[derive(Template)]
#[template(path = "groups/manage.html")]
struct ManagePage {
    ctx: PageContext,
    member: Member,
    requests: Vec<RequestRow>,
    invites: Vec<InviteRow>,
    members: Vec<MemberRow>,
    /// The settings form (the fields `groups/group_fields.html` shows).
    form: GroupForm,
    norms: String,
    norms_version: i64,
    invite_days: String,
    invite_max_uses: String,
    member_values: Vec<(String, String)>,
    new_link: Option<String>,
    problems: Vec<(String, String)>,
    audit: Vec<AuditRow>,
}

impl ManagePage {
    fn problem(&self, at: &str) -> Option<&str> {
        (self.problems.iter())
            .find(|(name, _)| name == at)
            .map(|(_, message)| message.as_str())
    }

    fn member_problem(&self, account: &i64) -> Option<&str> {
        self.problem(&member_key(*account))
    }

    fn member_field_problem(&self, account: &i64, field: &str) -> Option<&str> {
        self.problem(&member_field(*account, field))
    }

    /// Whether a member's moderation forms open, to show what to look at.
    fn member_forms_open(&self, account: &i64) -> bool {
        let prefix = member_field(*account, "");
        (self.problems.iter()).any(|(at, _)| at.starts_with(&prefix))
    }

    /// What was typed into a field of a member's row, sent back with a
    /// problem; otherwise `default`.
    fn member_value(&self, account: &i64, field: &str, default: &str) -> String {
        let at = member_field(*account, field);
        (self.member_values.iter())
            .find(|(name, _)| *name == at)
            .map_or_else(|| default.to_owned(), |(_, value)| value.clone())
    }

    fn messages(&self) -> Vec<&str> {
        (self.problems.iter())
            .map(|(_, message)| message.as_str())
            .collect()
    }

    fn invite_max_days(&self) -> i64 {
        INVITE_MAX_DAYS
    }

    fn invite_max_uses_limit(&self) -> i64 {
        INVITE_MAX_USES
    }

    fn mute_default_days(&self) -> String {
        MUTE_DEFAULT_DAYS.to_string()
    }

    fn mute_max_days(&self) -> i64 {
        MUTE_MAX_DAYS
    }

    fn reason_max_chars(&self) -> usize {
        ModeratorReason::MAX_CHARS
    }

    fn is_owner(&self) -> bool {
        self.member.membership.role == GroupRole::Owner
    }

    fn may_approve(&self) -> bool {
        self.member.may(GroupAction::ApproveRequests)
            && (self.member.group.kind == GroupKind::Request || !self.requests.is_empty())
    }

    fn may_invite(&self) -> bool {
        self.member.may(GroupAction::ManageInvites)
    }

    /// Whom the owner could hand the group to.
    fn heirs(&self) -> Vec<&MemberRow> {
        self.members.iter().filter(|person| !person.is_me).collect()
    }

    fn kinds(&self) -> Vec<(&'static str, String, String, bool)> {
        GroupKind::ALL
            .iter()
            .map(|kind| {
                let code = kind.as_str();
                (
                    code,
                    self.ctx.t(kind_messages(*kind).0),
                    self.ctx.t(kind_messages(*kind).1),
                    self.form.kind == code,
                )
            })
            .collect()
    }

    fn tags(&self) -> Vec<(&'static str, String, bool)> {
        Tag::ALL
            .iter()
            .map(|tag| {
                let code = tag.as_str();
                let ticked = self.form.tags.iter().any(|given| given == code);
                (code, self.ctx.t(tag_message(*tag)), ticked)
            })
            .collect()
    }
}

/// The settings form filled in from the group as it is.
fn settings_form(group: &Group) -> GroupForm {
    GroupForm {
        name: group.name.clone(),
        description: group.description.clone(),
        kind: group.kind.as_str().to_owned(),
        tags: group
            .tags
            .iter()
            .map(|tag| tag.as_str().to_owned())
            .collect(),
        language: group.language.clone(),
        norms: String::new(),
    }
}

fn request_row(ctx: &PageContext, request: &JoinRequest) -> RequestRow {
    RequestRow {
        account: request.account_id.0,
        handle: request.handle.clone(),
        asked: ctx.date_time(&request.requested_at),
    }
}

fn invite_row(ctx: &PageContext, invite: &Invite, now: Timestamp) -> InviteRow {
    let status = if invite.revoked_at.is_some() {
        "manage-invite-revoked"
    } else if invite.expires_at <= now {
        "manage-invite-expired"
    } else if !invite.is_usable(now) {
        "manage-invite-used-up"
    } else {
        "manage-invite-active"
    };
    let uses = match invite.max_uses {
        Some(most) => Message::new("manage-invite-uses-of")
            .with("uses", invite.uses)
            .with("max", most),
        None => Message::new("manage-invite-uses").with("uses", invite.uses),
    };
    InviteRow {
        id: invite.id.0,
        created: ctx.date_time(&invite.created_at),
        expires: ctx.date_time(&invite.expires_at),
        uses: ctx.message(&uses),
        status: ctx.t(status),
        revocable: invite.is_usable(now),
    }
}

fn member_row(
    ctx: &PageContext,
    reader: &Membership,
    person: &GroupMember,
    now: Timestamp,
) -> MemberRow {
    let may_moderate = may_act_on(reader.role, person.role);
    let role_change = if reader.role.may(GroupAction::ChangeRoles) && may_moderate {
        match person.role {
            GroupRole::Member => Some(("facilitator", ctx.t("manage-make-facilitator"))),
            GroupRole::Facilitator => Some(("member", ctx.t("manage-make-member"))),
            GroupRole::Owner => None,
        }
    } else {
        None
    };
    MemberRow {
        account: person.account_id.0,
        handle: person.handle.clone(),
        role: ctx.t(role_message(person.role)),
        is_me: person.account_id == reader.account_id,
        muted_until: (person.muted_until)
            .filter(|until| *until > now)
            .map(|until| ctx.date_time(&until)),
        may_moderate,
        role_change,
    }
}

/// One audit entry in words. Neither a removed post's author nor whose
/// anonymous post was looked up is named: the log is read by every
/// facilitator, and an anonymous author is told only to the one who asked,
/// on the record.
/// The message for each kind of audit entry.
fn audit_message(action: AuditAction) -> &'static str {
    match action {
        AuditAction::RemovePost => "manage-audit-remove-post",
        AuditAction::RemoveMember => "manage-audit-remove-member",
        AuditAction::MuteMember => "manage-audit-mute-member",
        AuditAction::RevealAuthor => "manage-audit-reveal-author",
        AuditAction::DismissReport => "manage-audit-dismiss-report",
        AuditAction::HidePost => "manage-audit-hide-post",
        AuditAction::UnhidePost => "manage-audit-unhide-post",
        AuditAction::WarnMember => "manage-audit-warn-member",
        AuditAction::SuspendAccount => "manage-audit-suspend-account",
        AuditAction::LiftSuspension => "manage-audit-lift-suspension",
        AuditAction::PinThread => "manage-audit-pin-thread",
        AuditAction::UnpinThread => "manage-audit-unpin-thread",
        AuditAction::LockThread => "manage-audit-lock-thread",
        AuditAction::UnlockThread => "manage-audit-unlock-thread",
        AuditAction::EditSettings => "manage-audit-edit-settings",
        AuditAction::EditNorms => "manage-audit-edit-norms",
        AuditAction::ApproveRequest => "manage-audit-approve-request",
        AuditAction::DeclineRequest => "manage-audit-decline-request",
        AuditAction::CreateInvite => "manage-audit-create-invite",
        AuditAction::RevokeInvite => "manage-audit-revoke-invite",
        AuditAction::MakeFacilitator => "manage-audit-make-facilitator",
        AuditAction::MakeMember => "manage-audit-make-member",
        AuditAction::GrantAdmin => "manage-audit-grant-admin",
        AuditAction::RevokeAdmin => "manage-audit-revoke-admin",
        AuditAction::GrantDirectory => "manage-audit-grant-directory",
        AuditAction::RevokeDirectory => "manage-audit-revoke-directory",
        AuditAction::TransferOwnership => "manage-audit-transfer-ownership",
    }
}

pub(crate) fn audit_row(ctx: &PageContext, entry: &AuditEntry) -> AuditRow {
    let someone = || ctx.t("manage-audit-someone");
    let actor = entry.actor.clone().unwrap_or_else(someone);
    let target = entry.target_account.clone().unwrap_or_else(someone);
    // Each message names whom it needs: none names whose anonymous post
    // it was about.
    let what = Message::new(audit_message(entry.action))
        .with("actor", actor)
        .with("target", target);
    AuditRow {
        when: ctx.date_time(&entry.created_at),
        what: ctx.message(&what),
        reason: entry.reason.clone(),
    }
}

async fn manage_page(
    State(state): State<AppState>,
    ctx: PageContext,
    member: Member,
) -> Result<Response, AppError> {
    require_facilitator(&member)?;
    show_manage(&state, ctx, member, Draft::default(), StatusCode::OK).await
}

async fn show_manage(
    state: &AppState,
    mut ctx: PageContext,
    member: Member,
    draft: Draft,
    status: StatusCode,
) -> Result<Response, AppError> {
    let id = member.group.id;
    let now = Timestamp::now();
    // A page sent back from a form reads as the manage page (for the
    // language menu's way back).
    ctx.path = format!("/groups/{}/manage", id.0);
    let requests = if member.may(GroupAction::ApproveRequests) {
        state.store.join_requests(id).await?
    } else {
        Vec::new()
    };
    let invites = if member.may(GroupAction::ManageInvites) {
        state.store.invites(id).await?
    } else {
        Vec::new()
    };
    let members = state.store.members(id).await?;
    let norms = (state.store)
        .current_norms(id)
        .await?
        .ok_or(AppError::NotFound)?;
    let audit = state.store.audit_log(id).await?;
    let page = ManagePage {
        requests: (requests.iter())
            .map(|request| request_row(&ctx, request))
            .collect(),
        invites: (invites.iter())
            .map(|invite| invite_row(&ctx, invite, now))
            .collect(),
        members: (members.iter())
            .map(|person| member_row(&ctx, &member.membership, person, now))
            .collect(),
        form: draft
            .settings
            .unwrap_or_else(|| settings_form(&member.group)),
        norms: draft.norms.unwrap_or(norms.body),
        norms_version: norms.version,
        invite_days: (draft.invite_days).unwrap_or_else(|| INVITE_DEFAULT_DAYS.to_string()),
        invite_max_uses: draft.invite_max_uses.unwrap_or_default(),
        member_values: draft.member_values,
        new_link: draft.new_link,
        problems: (draft.problems.iter())
            .map(|problem| (problem.at.clone(), ctx.message(&problem.message)))
            .collect(),
        audit: audit.iter().map(|entry| audit_row(&ctx, entry)).collect(),
        ctx,
        member,
    };
    Ok((status, render(&page)?).into_response())
}

/// The manage page with what to fix, and 422.
async fn refuse(
    state: &AppState,
    ctx: PageContext,
    member: Member,
    draft: Draft,
) -> Result<Response, AppError> {
    show_manage(state, ctx, member, draft, StatusCode::UNPROCESSABLE_ENTITY).await
}

async fn approve(
    state: State<AppState>,
    member: Member,
    path: Path<(i64, i64)>,
) -> Result<Response, AppError> {
    decide(state, member, path, true).await
}

async fn decline(
    state: State<AppState>,
    member: Member,
    path: Path<(i64, i64)>,
) -> Result<Response, AppError> {
    decide(state, member, path, false).await
}

async fn decide(
    State(state): State<AppState>,
    member: Member,
    Path((_, account)): Path<(i64, i64)>,
    approve: bool,
) -> Result<Response, AppError> {
    member.require(GroupAction::ApproveRequests)?;
    (state.store)
        .decide_join_request(
            member.group.id,
            AccountId(account),
            approve,
            member.user.account.id,
            Timestamp::now(),
        )
        .await?;
    Ok(manage_at(&member, "requests"))
}

#[derive(Debug, Deserialize)]
struct InviteForm {
    #[serde(default)]
    days: String,
    #[serde(default)]
    max_uses: String,
}

/// Where an invitation token takes people: the full address when the site
/// knows its own, else the path.
fn invite_link(state: &AppState, token: &str) -> String {
    let base = (state.config.public_url.as_deref())
        .map(|url| url.trim_end_matches('/'))
        .unwrap_or_default();
    format!("{base}/invites/{token}")
}

/// Makes an invitation link and shows it, this once: only its hash is
/// kept, so the page cannot be a redirect.
async fn create_invite(
    State(state): State<AppState>,
    ctx: PageContext,
    member: Member,
    address: ClientAddress,
    Form(form): Form<InviteForm>,
) -> Result<Response, AppError> {
    member.require(GroupAction::ManageInvites)?;
    let days_given = count_between(&form.days, INVITE_MAX_DAYS, Some(INVITE_DEFAULT_DAYS))
        .ok_or_else(|| {
            problem(
                "invite_days",
                Message::new("manage-invite-days-range").with("max", INVITE_MAX_DAYS),
            )
        });
    let max_uses = if form.max_uses.trim().is_empty() {
        Ok(None)
    } else {
        count_between(&form.max_uses, INVITE_MAX_USES, None)
            .map(Some)
            .ok_or_else(|| {
                problem(
                    "invite_max_uses",
                    Message::new("manage-invite-max-uses-range").with("max", INVITE_MAX_USES),
                )
            })
    };
    let (count, max_uses) = match (days_given, max_uses) {
        (Ok(count), Ok(max_uses)) => (count, max_uses),
        (count, max_uses) => {
            let draft = Draft {
                invite_days: Some(form.days),
                invite_max_uses: Some(form.max_uses),
                ..Draft::problems(
                    [count.err(), max_uses.err()]
                        .into_iter()
                        .flatten()
                        .collect(),
                )
            };
            return refuse(&state, ctx, member, draft).await;
        }
    };
    brake(&state, &member.user, &address, RateAction::Invite).await?;
    let token = random_token();
    let now = Timestamp::now();
    let expires_at = now
        .checked_add(days(count))
        .map_err(|e| AppError::internal(format!("an invitation's expiry: {e}")))?;
    (state.store)
        .create_invite(
            member.group.id,
            &token_hash(&token),
            member.user.account.id,
            expires_at,
            max_uses,
            now,
        )
        .await?;
    let draft = Draft {
        new_link: Some(invite_link(&state, &token)),
        ..Draft::default()
    };
    show_manage(&state, ctx, member, draft, StatusCode::CREATED).await
}

async fn revoke_invite(
    State(state): State<AppState>,
    member: Member,
    Path((_, invite)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    member.require(GroupAction::ManageInvites)?;
    (state.store)
        .revoke_invite(
            member.group.id,
            InviteId(invite),
            member.user.account.id,
            Timestamp::now(),
        )
        .await?;
    Ok(manage_at(&member, "invites"))
}

#[derive(Debug, Deserialize)]
struct RoleForm {
    #[serde(default)]
    role: String,
}

async fn change_role(
    State(state): State<AppState>,
    ctx: PageContext,
    member: Member,
    Path((_, account)): Path<(i64, i64)>,
    Form(form): Form<RoleForm>,
) -> Result<Response, AppError> {
    member.require(GroupAction::ChangeRoles)?;
    let target = member.target(&state, AccountId(account)).await?;
    let role = match form.role.parse::<GroupRole>() {
        Ok(role @ (GroupRole::Facilitator | GroupRole::Member)) => role,
        _ => {
            let draft = Draft::problems(vec![problem(
                member_key(account),
                Message::new("manage-role-unknown"),
            )]);
            return refuse(&state, ctx, member, draft).await;
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
    Ok(manage_at(&member, "members"))
}

#[derive(Debug, Deserialize)]
struct ReasonForm {
    #[serde(default)]
    reason: String,
}

async fn remove_member(
    State(state): State<AppState>,
    ctx: PageContext,
    member: Member,
    Path((_, account)): Path<(i64, i64)>,
    Form(form): Form<ReasonForm>,
) -> Result<Response, AppError> {
    member.require(GroupAction::RemoveMembers)?;
    let target = member.target(&state, AccountId(account)).await?;
    let reason = match reason(&form.reason) {
        Ok(reason) => reason,
        Err(message) => {
            let at = member_field(account, "remove_reason");
            let draft = Draft {
                member_values: vec![(at.clone(), form.reason)],
                ..Draft::problems(vec![problem(at, message)])
            };
            return refuse(&state, ctx, member, draft).await;
        }
    };
    (state.store)
        .remove_member(
            member.group.id,
            target.account_id,
            member.user.account.id,
            &reason,
            Timestamp::now(),
        )
        .await?;
    Ok(manage_at(&member, "members"))
}

#[derive(Debug, Deserialize)]
struct MuteForm {
    #[serde(default)]
    days: String,
    #[serde(default)]
    reason: String,
}

/// Pauses a member's posting for some days; they still read.
async fn mute_member(
    State(state): State<AppState>,
    ctx: PageContext,
    member: Member,
    Path((_, account)): Path<(i64, i64)>,
    Form(form): Form<MuteForm>,
) -> Result<Response, AppError> {
    member.require(GroupAction::MuteMembers)?;
    let target = member.target(&state, AccountId(account)).await?;
    let count = count_between(&form.days, MUTE_MAX_DAYS, None)
        .ok_or_else(|| Message::new("manage-mute-days-range").with("max", MUTE_MAX_DAYS));
    let (count, reason) = match (count, reason(&form.reason)) {
        (Ok(count), Ok(reason)) => (count, reason),
        (count, reason) => {
            let (days_at, reason_at) = (
                member_field(account, "mute_days"),
                member_field(account, "mute_reason"),
            );
            let problems = [(&days_at, count.err()), (&reason_at, reason.err())]
                .into_iter()
                .filter_map(|(at, message)| Some(problem(at.clone(), message?)))
                .collect();
            let draft = Draft {
                member_values: vec![(days_at, form.days), (reason_at, form.reason)],
                ..Draft::problems(problems)
            };
            return refuse(&state, ctx, member, draft).await;
        }
    };
    let now = Timestamp::now();
    let until = now
        .checked_add(days(count))
        .map_err(|e| AppError::internal(format!("the end of a pause: {e}")))?;
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
    Ok(manage_at(&member, "members"))
}

#[derive(Debug, Deserialize)]
struct TransferForm {
    #[serde(default)]
    account: String,
}

/// Hands the group to another active member; the owner stays on as a
/// facilitator (and may then leave).
async fn transfer(
    State(state): State<AppState>,
    ctx: PageContext,
    member: Member,
    Form(form): Form<TransferForm>,
) -> Result<Response, AppError> {
    member.require(GroupAction::TransferOwnership)?;
    let me = member.user.account.id;
    let chosen = form
        .account
        .trim()
        .parse::<i64>()
        .ok()
        .map(AccountId)
        .filter(|account| *account != me);
    let heir = match chosen {
        Some(account) => member.fellow(&state, account).await?,
        None => None,
    };
    let Some(heir) = heir else {
        let draft = Draft::problems(vec![problem(
            "transfer",
            Message::new("manage-transfer-unknown"),
        )]);
        return refuse(&state, ctx, member, draft).await;
    };
    (state.store)
        .transfer_ownership(member.group.id, me, heir.account_id, Timestamp::now())
        .await?;
    Ok(manage_at(&member, "members"))
}

async fn save_settings(
    State(state): State<AppState>,
    ctx: PageContext,
    member: Member,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    member.require(GroupAction::EditGroup)?;
    let form = GroupForm::from_fields(fields);
    let parsed = ParsedSettings::parse(
        &form.name,
        &form.description,
        &form.kind,
        &form.tags,
        &form.language,
    );
    match parsed {
        Ok(settings) => {
            (state.store)
                .update_group(
                    member.group.id,
                    &settings.as_settings(),
                    member.user.account.id,
                    Timestamp::now(),
                )
                .await?;
            Ok(manage_at(&member, "settings"))
        }
        Err(problems) => {
            let draft = Draft {
                settings: Some(form),
                ..Draft::problems(
                    (problems.into_iter())
                        .map(|error| problem(error.field, error.message))
                        .collect(),
                )
            };
            refuse(&state, ctx, member, draft).await
        }
    }
}

#[derive(Debug, Deserialize)]
struct NormsForm {
    #[serde(default)]
    norms: String,
}

/// Writes a new version of the norms: every other member is told, and
/// agrees again before they next post. Saving them unchanged changes
/// nothing, so nobody is asked to agree to what they already agreed to.
async fn edit_norms(
    State(state): State<AppState>,
    ctx: PageContext,
    member: Member,
    Form(form): Form<NormsForm>,
) -> Result<Response, AppError> {
    member.require(GroupAction::EditNorms)?;
    let norms = match Norms::parse(&form.norms) {
        Ok(norms) => norms,
        Err(error) => {
            let draft = Draft {
                norms: Some(form.norms),
                ..Draft::problems(vec![problem("norms", input_problem(error).message)])
            };
            return refuse(&state, ctx, member, draft).await;
        }
    };
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
    Ok(manage_at(&member, "norms-editor"))
}

/// The share that starts thread `thread` of the group, if it is still
/// there.
async fn live_thread(state: &AppState, member: &Member, thread: i64) -> Result<Post, AppError> {
    (state.store)
        .post(member.group.id, PostId(thread))
        .await?
        .filter(|post| post.thread_id.is_none() && !post.removed)
        .ok_or(AppError::NotFound)
}

fn thread_link(member: &Member, thread: PostId) -> String {
    format!("/groups/{}/threads/{}", member.group.id.0, thread.0)
}

/// A pin or lock value that is not `true` or `false`: only a forged form
/// sends one.
async fn unknown_flag(
    state: &AppState,
    ctx: PageContext,
    member: Member,
) -> Result<Response, AppError> {
    let draft = Draft::problems(vec![problem("thread", Message::new("manage-flag-unknown"))]);
    refuse(state, ctx, member, draft).await
}

#[derive(Debug, Deserialize)]
struct PinForm {
    #[serde(default)]
    pinned: String,
}

async fn pin(
    State(state): State<AppState>,
    ctx: PageContext,
    member: Member,
    Path((_, thread)): Path<(i64, i64)>,
    Form(form): Form<PinForm>,
) -> Result<Response, AppError> {
    member.require(GroupAction::PinThreads)?;
    let share = live_thread(&state, &member, thread).await?;
    let Some(pinned) = flag(&form.pinned) else {
        return unknown_flag(&state, ctx, member).await;
    };
    (state.store)
        .set_thread_pinned(
            member.group.id,
            share.id,
            pinned,
            member.user.account.id,
            Timestamp::now(),
        )
        .await?;
    Ok(Redirect::to(&thread_link(&member, share.id)).into_response())
}

#[derive(Debug, Deserialize)]
struct LockForm {
    #[serde(default)]
    locked: String,
}

async fn lock(
    State(state): State<AppState>,
    ctx: PageContext,
    member: Member,
    Path((_, thread)): Path<(i64, i64)>,
    Form(form): Form<LockForm>,
) -> Result<Response, AppError> {
    member.require(GroupAction::LockThreads)?;
    let share = live_thread(&state, &member, thread).await?;
    let Some(locked) = flag(&form.locked) else {
        return unknown_flag(&state, ctx, member).await;
    };
    (state.store)
        .set_thread_locked(
            member.group.id,
            share.id,
            locked,
            member.user.account.id,
            Timestamp::now(),
        )
        .await?;
    Ok(Redirect::to(&thread_link(&member, share.id)).into_response())
}

/// A post of the group that has not been removed.
async fn live_post(state: &AppState, member: &Member, post: i64) -> Result<Post, AppError> {
    (state.store)
        .post(member.group.id, PostId(post))
        .await?
        .filter(|post| !post.removed)
        .ok_or(AppError::NotFound)
}

/// Takes a share (with its conversation) or a reply out of members' view,
/// with the reason in the audit log. The author's role is not asked:
/// refusing for some authors would tell who wrote an anonymous post.
async fn remove_post(
    State(state): State<AppState>,
    ctx: PageContext,
    member: Member,
    Path((_, post)): Path<(i64, i64)>,
    Form(form): Form<ReasonForm>,
) -> Result<Response, AppError> {
    member.require(GroupAction::RemovePosts)?;
    let post = live_post(&state, &member, post).await?;
    let reason = match reason(&form.reason) {
        Ok(reason) => reason,
        Err(message) => {
            let draft = Draft::problems(vec![problem("post", message)]);
            return refuse(&state, ctx, member, draft).await;
        }
    };
    (state.store)
        .remove_post(
            member.group.id,
            post.id,
            member.user.account.id,
            &reason,
            Timestamp::now(),
        )
        .await?;
    let back = match post.thread_id {
        Some(thread) => thread_link(&member, thread),
        None => format!("/groups/{}", member.group.id.0),
    };
    Ok(Redirect::to(&back).into_response())
}

#[derive(Template)]
#[template(path = "groups/manage_reveal.html")]
struct RevealPage {
    ctx: PageContext,
    member: Member,
    post_id: i64,
    thread_link: String,
    excerpt: String,
    reason: String,
    problem: Option<String>,
    /// The author's handle, once looked up.
    revealed: Option<String>,
}

fn reveal_template(
    ctx: PageContext,
    member: Member,
    post: &Post,
    reason: String,
    problem: Option<String>,
    revealed: Option<String>,
) -> RevealPage {
    RevealPage {
        post_id: post.id.0,
        thread_link: thread_link(&member, post.thread()),
        // Read with `Store::post`, which brings the excerpt.
        excerpt: post.excerpt.clone().unwrap_or_default(),
        reason,
        problem,
        revealed,
        ctx,
        member,
    }
}

/// A post of the group, removed or not: a removed post's author may be
/// what a facilitator most needs to know.
async fn any_post(state: &AppState, member: &Member, post: i64) -> Result<Post, AppError> {
    (state.store)
        .post(member.group.id, PostId(post))
        .await?
        .ok_or(AppError::NotFound)
}

/// Asks why before looking up who wrote a post.
async fn reveal_page(
    State(state): State<AppState>,
    ctx: PageContext,
    member: Member,
    Path((_, post)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    member.require(GroupAction::RemovePosts)?;
    let post = any_post(&state, &member, post).await?;
    let page = reveal_template(ctx, member, &post, String::new(), None, None);
    Ok(render(&page)?.into_response())
}

/// Tells a facilitator who wrote a post, recording who asked and why.
async fn reveal(
    State(state): State<AppState>,
    ctx: PageContext,
    member: Member,
    Path((_, post)): Path<(i64, i64)>,
    Form(form): Form<ReasonForm>,
) -> Result<Response, AppError> {
    member.require(GroupAction::RemovePosts)?;
    let post = any_post(&state, &member, post).await?;
    let reason = match reason(&form.reason) {
        Ok(reason) => reason,
        Err(message) => {
            let problem = Some(ctx.message(&message));
            let page = reveal_template(ctx, member, &post, form.reason, problem, None);
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response());
        }
    };
    let handle = (state.store)
        .reveal_author(
            member.group.id,
            post.id,
            member.user.account.id,
            &reason,
            Timestamp::now(),
        )
        .await?;
    let page = reveal_template(ctx, member, &post, reason, None, Some(handle));
    Ok(render(&page)?.into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_whole_numbers_in_range() {
        assert_eq!(count_between("7", 30, None), Some(7));
        assert_eq!(count_between(" 30 ", 30, None), Some(30));
        assert_eq!(count_between("", 30, Some(7)), Some(7));
        assert_eq!(count_between("", 30, None), None);
        for bad in ["0", "31", "-1", "1.5", "seven"] {
            assert_eq!(count_between(bad, 30, Some(7)), None, "{bad}");
        }
    }

    #[test]
    fn reasons_are_required_single_lines_of_limited_length() {
        assert_eq!(reason("  spam\nlinks "), Ok("spam links".to_owned()));
        assert_eq!(reason(" \t "), Err(Message::new("manage-reason-missing")));
        assert!(reason(&"x".repeat(ModeratorReason::MAX_CHARS)).is_ok());
        assert_eq!(
            reason(&"x".repeat(ModeratorReason::MAX_CHARS + 1)),
            Err(Message::new("manage-reason-too-long").with("max", ModeratorReason::MAX_CHARS))
        );
    }

    #[test]
    fn flags_are_true_or_false() {
        assert_eq!(flag("true"), Some(true));
        assert_eq!(flag("false"), Some(false));
        assert_eq!(flag("yes"), None);
    }
}
