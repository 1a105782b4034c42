//! `/api/v1/groups/...`, `/api/v1/invites/...` and `/api/v1/notifications`:
//! the groups' JSON side, with the same rules as their pages.
//!
//! Every route under `/api/v1/groups/{group}/` that shows or changes a
//! group's content takes an [`access::Member`](super::access::Member), so a
//! signed-out visitor, a non-member and a removed member all get 404, the
//! answer for a group that does not exist. A group's public face (listed
//! groups only) is `/about`.
//!
//! An anonymous post's author is `null` to everyone but its author, who sees
//! their own handle with `anonymous: true`.

use std::collections::HashMap;

use axum::extract::{FromRequestParts, Path, Query, State};
use axum::http::header::{CONTENT_LANGUAGE, CONTENT_TYPE, LOCATION};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use hearth_domain::groups::{
    Body, GroupAction, GroupInputError, GroupKind, GroupRole, ShareKind, SupportKind, Title,
    mentioned_handle_keys, render_markdown,
};
use hearth_domain::throttle::RateAction;
use hearth_store::groups::notifications::{Notification, NotificationId};
use hearth_store::groups::posts::{
    Author, NewReply, NewShare, Post, PostId, Replied, WithMarkdown,
};
use hearth_store::groups::{Group, GroupId, GroupNorms, JoinRefused, Joined, Membership};
use hearth_store::people::AccountId;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::access::{Member, group_and_membership, group_in_path, standing};
use super::directory::{DirectoryParameters, ParsedGroup, directory_query, encode_cursor};
use super::input_problem;
use super::notifications::{NOTIFICATIONS_PER_PAGE, describe, link};
use super::pages::{
    THREADS_PER_PAGE, decode_reply_cursor, decode_thread_cursor, encode_reply_cursor,
    encode_thread_cursor, may_write,
};
use crate::auth::session::token_hash;
use crate::auth::{ClientAddress, CurrentUser, random_token};
use crate::blocks::Filters;
use crate::error::{FieldError, Problem};
use crate::i18n::{Lang, Message};
use crate::page::PageContext;
use crate::safety::{CrisisView, brake};
use crate::{AppError, AppState};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_groups, create_group))
        .routes(routes!(my_groups))
        .routes(routes!(group))
        .routes(routes!(about))
        .routes(routes!(join))
        .routes(routes!(ask_to_join))
        .routes(routes!(invite, join_by_invite))
        .routes(routes!(norms))
        .routes(routes!(agree))
        .routes(routes!(leave))
        .routes(routes!(members))
        .routes(routes!(threads, post_share))
        .routes(routes!(thread))
        .routes(routes!(post_reply))
        .routes(routes!(support))
        .routes(routes!(mark_helpful))
        .routes(routes!(notifications))
        .routes(routes!(mark_notifications_read))
        .routes(routes!(unread_notifications))
}

// ---------------------------------------------------------------------------
// Views

/// A group as anyone who may know of it sees it: no content, no members.
#[derive(Debug, Serialize, ToSchema)]
pub struct GroupView {
    id: i64,
    name: String,
    description: String,
    /// `open`, `request` or `hidden`.
    #[schema(example = "request")]
    kind: String,
    /// Focus tags: `alcohol`, `drugs`, `gambling`, `family_friends`,
    /// `grief`, `mental_health`, `other`.
    tags: Vec<String>,
    /// An ISO 639 code such as `en`.
    language: String,
    /// Active members.
    member_count: i64,
    #[schema(value_type = String, format = DateTime)]
    created_at: Timestamp,
    #[schema(value_type = String, format = DateTime)]
    last_activity_at: Timestamp,
}

impl GroupView {
    fn new(group: &Group, member_count: i64) -> GroupView {
        GroupView {
            id: group.id.0,
            name: group.name.clone(),
            description: group.description.clone(),
            kind: group.kind.as_str().to_owned(),
            tags: group
                .tags
                .iter()
                .map(|tag| tag.as_str().to_owned())
                .collect(),
            language: group.language.clone(),
            member_count,
            created_at: group.created_at,
            last_activity_at: group.last_activity_at,
        }
    }
}

/// A page of the directory.
#[derive(Debug, Serialize, ToSchema)]
pub struct DirectoryView {
    groups: Vec<GroupView>,
    /// Pass as `after` (with the same `q` and `tag`) for the next page; null
    /// on the last page.
    next_cursor: Option<String>,
}

/// One of my groups, with my role in it.
#[derive(Debug, Serialize, ToSchema)]
pub struct MyGroupView {
    #[serde(flatten)]
    group: GroupView,
    /// `owner`, `facilitator` or `member`.
    role: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MyGroupsView {
    /// Most recently active first.
    groups: Vec<MyGroupView>,
}

/// A group as one of its members sees it.
#[derive(Debug, Serialize, ToSchema)]
pub struct MemberGroupView {
    #[serde(flatten)]
    group: GroupView,
    /// My role: `owner`, `facilitator` or `member`.
    role: String,
    /// The version of the norms members agree to now.
    norms_version: i64,
    /// Whether I have agreed to that version; I must before I post again.
    agreed_current_norms: bool,
    /// Until when a facilitator has paused my posting, if they have.
    #[schema(value_type = Option<String>, format = DateTime)]
    muted_until: Option<Timestamp>,
}

impl MemberGroupView {
    fn new(group: &Group, membership: &Membership, member_count: i64) -> MemberGroupView {
        MemberGroupView {
            group: GroupView::new(group, member_count),
            role: membership.role.as_str().to_owned(),
            norms_version: group.norms_version,
            agreed_current_norms: membership.norms_version == group.norms_version,
            muted_until: membership
                .muted_until
                .filter(|until| *until > Timestamp::now()),
        }
    }
}

/// A version of a group's norms.
#[derive(Debug, Serialize, ToSchema)]
pub struct NormsText {
    version: i64,
    /// Markdown, as written.
    text: String,
    /// The same, rendered to safe HTML.
    html: String,
    #[schema(value_type = String, format = DateTime)]
    written_at: Timestamp,
}

impl NormsText {
    fn new(norms: GroupNorms) -> NormsText {
        NormsText {
            html: render_markdown(&norms.body),
            version: norms.version,
            text: norms.body,
            written_at: norms.written_at,
        }
    }
}

/// A group's public face: what a person reads before joining.
#[derive(Debug, Serialize, ToSchema)]
pub struct AboutView {
    #[serde(flatten)]
    group: GroupView,
    /// The current norms: send their `version` to join.
    norms: NormsText,
    /// Where I stand: `signed_out`, `outside`, `waiting` (asked to join) or
    /// `member`.
    #[schema(example = "outside")]
    standing: String,
}

/// An invitation's group, and whether the link still lets someone in.
#[derive(Debug, Serialize, ToSchema)]
pub struct InviteView {
    #[serde(flatten)]
    about: AboutView,
    /// False once the link has expired, been used up or been revoked.
    usable: bool,
}

/// The current norms, and my agreement to them.
#[derive(Debug, Serialize, ToSchema)]
pub struct NormsView {
    #[serde(flatten)]
    norms: NormsText,
    /// Whether I have agreed to this version.
    agreed: bool,
    /// When I agreed to this version.
    #[schema(value_type = Option<String>, format = DateTime)]
    agreed_at: Option<Timestamp>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MemberView {
    /// The account id the facilitators' member routes take.
    id: i64,
    handle: String,
    /// `owner`, `facilitator` or `member`.
    role: String,
    #[schema(value_type = String, format = DateTime)]
    joined_at: Timestamp,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MembersView {
    /// Facilitators first, then by handle.
    members: Vec<MemberView>,
}

/// A thread on the group's page: its share, without its replies.
#[derive(Debug, Serialize, ToSchema)]
pub struct ThreadSummaryView {
    id: i64,
    /// `share`, `question` or `celebration`.
    kind: String,
    title: Option<String>,
    /// The start of the share, as plain text.
    excerpt: String,
    /// The author's handle; null when the share is anonymous and not mine.
    author: Option<String>,
    /// Posted as "a member".
    anonymous: bool,
    /// I wrote it.
    mine: bool,
    pinned: bool,
    /// Closed to new replies.
    locked: bool,
    reply_count: i64,
    #[schema(value_type = String, format = DateTime)]
    created_at: Timestamp,
    #[schema(value_type = String, format = DateTime)]
    last_activity_at: Timestamp,
    /// Activity since I last opened it.
    unread: bool,
    /// By someone I blocked: show it folded away.
    author_blocked: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ThreadsView {
    /// Pinned threads first, then the newest activity.
    threads: Vec<ThreadSummaryView>,
    /// Pass as `after` for the next page; null on the last page.
    next_cursor: Option<String>,
}

/// A supportive response given to a post. No counts: support is not a race.
#[derive(Debug, Serialize, ToSchema)]
pub struct SupportGiven {
    /// `thank_you`, `me_too`, `sending_strength` or `proud_of_you`.
    kind: String,
    /// Whether I gave it.
    mine: bool,
}

/// A share or a reply.
#[derive(Debug, Serialize, ToSchema)]
pub struct PostView {
    id: i64,
    /// For a share: `share`, `question` or `celebration`; null for a reply.
    kind: Option<String>,
    /// A share's title, if it has one.
    title: Option<String>,
    /// The author's handle; null when the post is anonymous and not mine.
    author: Option<String>,
    anonymous: bool,
    mine: bool,
    /// Markdown, as written.
    body: String,
    /// The same, rendered to safe HTML (no raw HTML, no images).
    body_html: String,
    #[schema(value_type = String, format = DateTime)]
    created_at: Timestamp,
    /// The asker of a question found this reply helpful.
    helpful: bool,
    /// The post of the same thread this reply quotes.
    quoting: Option<i64>,
    supports: Vec<SupportGiven>,
    /// By someone I blocked (or muted): show it folded away.
    author_blocked: bool,
}

/// A share or reply just written, with what the crisis detector read in it:
/// when `crisis.detected`, show the crisis lines at once.
#[derive(Debug, Serialize, ToSchema)]
pub struct WrittenView {
    #[serde(flatten)]
    post: PostView,
    crisis: CrisisView,
}

/// How a post's author is shown to `reader`: (handle or null, mine).
fn author_view(author: &Author, reader: AccountId) -> (Option<String>, bool) {
    let mine = author.account_id == reader;
    let shown = (!author.anonymous || mine).then(|| author.handle.clone());
    (shown, mine)
}

impl PostView {
    fn new(post: &Post, reader: AccountId) -> PostView {
        let (author, mine) = author_view(&post.author, reader);
        PostView {
            id: post.id.0,
            kind: post.kind.map(|kind| kind.as_str().to_owned()),
            title: post.title.clone(),
            author,
            anonymous: post.author.anonymous,
            mine,
            // Every post the API shows is read with its Markdown.
            body: post.body.clone().unwrap_or_default(),
            body_html: post.html.clone(),
            created_at: post.created_at,
            helpful: post.helpful,
            quoting: post.quoting.map(|id| id.0),
            supports: (post.supports.iter())
                .map(|(kind, mine)| SupportGiven {
                    kind: kind.as_str().to_owned(),
                    mine: *mine,
                })
                .collect(),
            author_blocked: false,
        }
    }
}

/// A thread: its share and a page of replies.
#[derive(Debug, Serialize, ToSchema)]
pub struct ThreadView {
    share: PostView,
    /// Replies the asker found helpful first, then the rest in order.
    replies: Vec<PostView>,
    pinned: bool,
    /// Closed to new replies.
    locked: bool,
    reply_count: i64,
    #[schema(value_type = String, format = DateTime)]
    last_activity_at: Timestamp,
    /// I asked this question, so I may mark replies helpful.
    may_mark_helpful: bool,
    /// Pass as `after` for the next page of replies; null on the last page.
    next_cursor: Option<String>,
}

/// Whether a supportive response is given now.
#[derive(Debug, Serialize, ToSchema)]
pub struct SupportView {
    kind: String,
    given: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct GroupRef {
    id: i64,
    name: String,
}

/// A notification: a reply to my share, a mention, an approval or a change
/// of norms.
#[derive(Debug, Serialize, ToSchema)]
pub struct NotificationView {
    id: i64,
    /// `reply`, `mention`, `approved` or `norms_changed`.
    kind: String,
    group: GroupRef,
    /// The post it is about, if any.
    post_id: Option<i64>,
    /// The thread that post is in.
    thread_id: Option<i64>,
    /// Where it leads on the site.
    #[schema(example = "/groups/3/threads/41#post-57")]
    link: String,
    /// Who did it; null when they posted anonymously.
    actor: Option<String>,
    /// The notification in words, in the language of the request.
    text: String,
    #[schema(value_type = String, format = DateTime)]
    created_at: Timestamp,
    read: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct NotificationsView {
    /// Newest first.
    notifications: Vec<NotificationView>,
    /// Pass as `before` for older ones; null when there are no more.
    next_cursor: Option<i64>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct UnreadCountView {
    unread: i64,
}

// ---------------------------------------------------------------------------
// Requests

/// A new group. `name` and `kind` are required.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewGroupRequest {
    /// 3 to 80 characters.
    #[serde(default)]
    #[schema(example = "Tuesday evening check-in", min_length = 3, max_length = 80)]
    name: String,
    /// At most 500 characters.
    #[serde(default)]
    #[schema(max_length = 500)]
    description: String,
    /// `open` (listed; anyone signed in joins), `request` (listed;
    /// facilitators let people in) or `hidden` (not listed; invitation
    /// only).
    #[serde(default)]
    #[schema(example = "request")]
    kind: String,
    /// The group's agreement, in Markdown (20 to 5000 characters). Left out,
    /// Hearth's default norms in the language of the request are used.
    #[serde(default)]
    norms: Option<String>,
    /// Focus tags: `alcohol`, `drugs`, `gambling`, `family_friends`,
    /// `grief`, `mental_health`, `other`.
    #[serde(default)]
    tags: Vec<String>,
    /// An ISO 639 code; left out, the language of the request.
    #[serde(default)]
    #[schema(example = "en")]
    language: Option<String>,
}

/// Agreeing to a group's norms: the version read.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Agreement {
    /// The `version` of the norms as read from `/about`, `/norms` or the
    /// invitation.
    norms_version: i64,
}

/// A new share.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewShareRequest {
    /// `share`, `question` ("ask the group") or `celebration`.
    #[serde(default)]
    #[schema(example = "share")]
    kind: String,
    /// Optional; at most 120 characters, one line.
    #[serde(default)]
    title: Option<String>,
    /// Markdown (emphasis, lists, quotes, links), 1 to 10,000 characters.
    #[serde(default)]
    body: String,
    /// Show me to the group as "a member".
    #[serde(default)]
    anonymous: bool,
}

/// A new reply.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewReplyRequest {
    /// Markdown, 1 to 5,000 characters.
    #[serde(default)]
    body: String,
    #[serde(default)]
    anonymous: bool,
    /// A post of this thread the reply quotes; one from elsewhere is
    /// ignored.
    #[serde(default)]
    quoting: Option<i64>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SupportRequest {
    /// `thank_you`, `me_too`, `sending_strength` or `proud_of_you`.
    #[serde(default)]
    #[schema(example = "me_too")]
    kind: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct HelpfulRequest {
    helpful: bool,
}

#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReadRequest {
    /// One notification; left out, all of them.
    #[serde(default)]
    id: Option<i64>,
}

#[derive(Debug, Deserialize)]
pub struct AfterParameters {
    #[serde(default)]
    after: String,
}

#[derive(Debug, Deserialize)]
pub struct BeforeParameters {
    #[serde(default)]
    before: Option<i64>,
}

// ---------------------------------------------------------------------------
// Helpers

/// The numeric ids of a route's path. Any that is missing or not a number
/// is 404 (never 400: a made-up path is as unknown as a missing thread).
pub(super) struct PathIds(pub(super) HashMap<String, String>);

impl FromRequestParts<AppState> for PathIds {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let Path(params) = Path::<HashMap<String, String>>::from_request_parts(parts, state)
            .await
            .map_err(|_| AppError::NotFound)?;
        Ok(PathIds(params))
    }
}

impl PathIds {
    fn group(&self) -> Result<GroupId, AppError> {
        let params = self
            .0
            .iter()
            .map(|(name, value)| (name.as_str(), value.as_str()));
        group_in_path(params).ok_or(AppError::NotFound)
    }

    pub(super) fn post(&self, name: &str) -> Result<PostId, AppError> {
        (self.0.get(name))
            .and_then(|id| id.parse().ok())
            .map(PostId)
            .ok_or(AppError::NotFound)
    }
}

/// Refuses a write the member cannot make now: not agreed to the current
/// norms, or paused by a facilitator.
fn check_may_write(member: &Member, now: Timestamp) -> Result<(), AppError> {
    may_write(member, now).map_err(|why| AppError::Conflict(Message::new(why)))
}

/// The longest `Idempotency-Key` accepted.
const IDEMPOTENCY_KEY_MAX: usize = 64;

/// The store's request key for a write: the client's `Idempotency-Key`
/// under `scope` (so one key names one request target), or a fresh one.
fn idempotency_key(headers: &HeaderMap, scope: &str) -> Result<String, AppError> {
    let Some(value) = headers.get("idempotency-key") else {
        return Ok(random_token());
    };
    let key = value.to_str().unwrap_or_default();
    let well_formed =
        (1..=IDEMPOTENCY_KEY_MAX).contains(&key.len()) && key.bytes().all(|b| b.is_ascii_graphic());
    if !well_formed {
        return Err(AppError::Invalid(vec![FieldError {
            field: "Idempotency-Key",
            code: "invalid",
            message: Message::new("groups-api-idempotency-key")
                .with("max", IDEMPOTENCY_KEY_MAX as i64),
        }]));
    }
    // Page forms' keys are base64url, without `/`: never one of these.
    Ok(format!("api/{scope}/{key}"))
}

async fn member_count(state: &AppState, group: GroupId) -> Result<i64, AppError> {
    Ok(state.store.members(group).await?.len() as i64)
}

async fn current_norms(state: &AppState, group: GroupId) -> Result<GroupNorms, AppError> {
    state
        .store
        .current_norms(group)
        .await?
        .ok_or(AppError::NotFound)
}

/// The member's view of the group, as it is after a change.
pub(super) async fn member_view(
    state: &AppState,
    group: GroupId,
    account: AccountId,
) -> Result<MemberGroupView, AppError> {
    let (group, membership) = state
        .store
        .group_with_membership(group, account)
        .await?
        .ok_or(AppError::NotFound)?;
    let membership = membership
        .filter(Membership::is_active)
        .ok_or(AppError::NotFound)?;
    let count = member_count(state, group.id).await?;
    Ok(MemberGroupView::new(&group, &membership, count))
}

async fn about_view(
    state: &AppState,
    group: Group,
    membership: Option<&Membership>,
    user: Option<&CurrentUser>,
) -> Result<AboutView, AppError> {
    let standing = standing(state, group.id, user, membership).await?;
    let norms = current_norms(state, group.id).await?;
    let count = member_count(state, group.id).await?;
    Ok(AboutView {
        group: GroupView::new(&group, count),
        norms: NormsText::new(norms),
        standing: standing.as_str().to_owned(),
    })
}

/// A problem document the error renderer has no variant for (410 Gone),
/// written here in the reader's language.
fn problem_response(lang: Lang, status: StatusCode, message: &Message) -> Response {
    let problem = Problem {
        kind: "about:blank".into(),
        title: lang.t_with("status-title", "status", status.as_u16()),
        status: status.as_u16(),
        detail: lang.message(message),
        errors: Vec::new(),
    };
    (
        status,
        [
            (CONTENT_TYPE, "application/problem+json"),
            (CONTENT_LANGUAGE, lang.code()),
        ],
        Json(problem),
    )
        .into_response()
}

/// The answer to a join that did not happen.
fn refused(lang: Lang, why: JoinRefused) -> Response {
    match why {
        JoinRefused::NormsChanged => {
            AppError::Conflict(Message::new("group-join-norms-changed")).into_response()
        }
        JoinRefused::InviteUnusable => problem_response(
            lang,
            StatusCode::GONE,
            &Message::new("group-invite-unusable"),
        ),
        // Removed by a facilitator: the open door is shut to them, and the
        // group says no more than it would to a stranger.
        JoinRefused::Removed => AppError::NotFound.into_response(),
    }
}

/// 201 with a `Location` and a JSON body.
fn created(location: String, body: impl Serialize) -> Response {
    let mut response = (StatusCode::CREATED, Json(body)).into_response();
    if let Ok(value) = HeaderValue::from_str(&location) {
        response.headers_mut().insert(LOCATION, value);
    }
    response
}

// ---------------------------------------------------------------------------
// The directory and starting a group

/// Find a group: listed groups (open and by request), most recently active
/// first. No sign-in needed. A `tag` Hearth does not know is ignored.
#[utoipa::path(
    get,
    path = "/api/v1/groups",
    tag = "groups",
    params(
        ("q" = Option<String>, Query, description = "Words that must all appear in the name or description"),
        ("tag" = Option<String>, Query, description = "A focus tag, e.g. `grief`"),
        ("after" = Option<String>, Query, description = "From the previous page's next_cursor"),
    ),
    responses((status = 200, body = DirectoryView))
)]
async fn list_groups(
    State(state): State<AppState>,
    Query(parameters): Query<DirectoryParameters>,
) -> Result<Json<DirectoryView>, AppError> {
    let query = directory_query(&parameters);
    let listings = state.store.listed_groups(&query).await?;
    let next_cursor = (listings.len() == query.limit as usize)
        .then(|| listings.last().map(|last| encode_cursor(&last.group)))
        .flatten();
    Ok(Json(DirectoryView {
        groups: (listings.iter())
            .map(|listing| GroupView::new(&listing.group, listing.member_count))
            .collect(),
        next_cursor,
    }))
}

/// Start a group. I become its owner, agreeing to the norms I wrote.
#[utoipa::path(
    post,
    path = "/api/v1/groups",
    tag = "groups",
    security(("bearer" = [])),
    request_body = NewGroupRequest,
    responses(
        (status = 201, description = "The group was started", body = MemberGroupView,
            headers(("Location" = String, description = "The group's API path"))),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Fields are not valid; `errors` names each", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn create_group(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
    Json(body): Json<NewGroupRequest>,
) -> Result<Response, AppError> {
    let norms = (body.norms).unwrap_or_else(|| ctx.t("group-norms-default"));
    let language = (body.language).unwrap_or_else(|| ctx.lang.code().to_owned());
    let parsed = ParsedGroup::parse(
        &body.name,
        &body.description,
        &body.kind,
        &body.tags,
        &language,
        &norms,
    )
    .map_err(AppError::Invalid)?;
    let group = state
        .store
        .create_group(&parsed.as_new(), user.account.id, Timestamp::now())
        .await?;
    let view = member_view(&state, group.id, user.account.id).await?;
    Ok(created(format!("/api/v1/groups/{}", group.id.0), view))
}

/// My groups, with my role in each.
#[utoipa::path(
    get,
    path = "/api/v1/groups/mine",
    tag = "groups",
    security(("bearer" = [])),
    responses(
        (status = 200, body = MyGroupsView),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn my_groups(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Json<MyGroupsView>, AppError> {
    let groups = state.store.groups_of(user.account.id).await?;
    Ok(Json(MyGroupsView {
        groups: (groups.iter())
            .map(|(listing, role)| MyGroupView {
                group: GroupView::new(&listing.group, listing.member_count),
                role: role.as_str().to_owned(),
            })
            .collect(),
    }))
}

/// A group, for its members. Anyone else gets 404, listed group or not:
/// a listed group's public face is `/about`.
#[utoipa::path(
    get,
    path = "/api/v1/groups/{group}",
    tag = "groups",
    security(("bearer" = [])),
    params(("group" = i64, Path, description = "The group's id")),
    responses(
        (status = 200, body = MemberGroupView),
        (status = 404, description = "No such group, or I am not a member", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn group(
    State(state): State<AppState>,
    member: Member,
) -> Result<Json<MemberGroupView>, AppError> {
    let count = member_count(&state, member.group.id).await?;
    Ok(Json(MemberGroupView::new(
        &member.group,
        &member.membership,
        count,
    )))
}

/// A group's public face: name, description, focus, norms, and where I
/// stand. Listed groups, or groups I belong to; a hidden group is 404 here.
#[utoipa::path(
    get,
    path = "/api/v1/groups/{group}/about",
    tag = "groups",
    params(("group" = i64, Path, description = "The group's id")),
    responses(
        (status = 200, body = AboutView),
        (status = 404, description = "No such listed group", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn about(
    State(state): State<AppState>,
    user: Option<CurrentUser>,
    ids: PathIds,
) -> Result<Json<AboutView>, AppError> {
    let id = ids.group()?;
    let (group, membership) = group_and_membership(&state, id, user.as_ref()).await?;
    if !group.kind.is_listed() && membership.is_none() {
        return Err(AppError::NotFound);
    }
    let view = about_view(&state, group, membership.as_ref(), user.as_ref()).await?;
    Ok(Json(view))
}

// ---------------------------------------------------------------------------
// Joining means agreeing

/// Join an open group, agreeing to the norms I read (`norms_version` from
/// `/about`). Already a member: nothing changes (200).
#[utoipa::path(
    post,
    path = "/api/v1/groups/{group}/join",
    tag = "groups",
    security(("bearer" = [])),
    params(("group" = i64, Path, description = "The group's id")),
    request_body = Agreement,
    responses(
        (status = 201, description = "Joined", body = MemberGroupView),
        (status = 200, description = "Already a member", body = MemberGroupView),
        (status = 404, description = "No such open group, or not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The norms changed since I read them: read them again", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn join(
    State(state): State<AppState>,
    ctx: PageContext,
    user: Option<CurrentUser>,
    ids: PathIds,
    Json(body): Json<Agreement>,
) -> Result<Response, AppError> {
    let id = ids.group()?;
    let user = user.ok_or(AppError::NotFound)?;
    let (group, membership) = group_and_membership(&state, id, Some(&user)).await?;
    // Only an open group takes people at the door.
    if group.kind != GroupKind::Open {
        return Err(AppError::NotFound);
    }
    if membership.is_some() {
        let view = member_view(&state, id, user.account.id).await?;
        return Ok(Json(view).into_response());
    }
    let joined = (state.store)
        .join_group(id, user.account.id, body.norms_version, Timestamp::now())
        .await?;
    match joined {
        Joined::Joined => {
            let view = member_view(&state, id, user.account.id).await?;
            Ok(created(format!("/api/v1/groups/{}", id.0), view))
        }
        Joined::Refused(why) => Ok(refused(ctx.lang, why)),
    }
}

/// Ask to join a group by request, agreeing to the norms I read. A
/// facilitator lets me in; I am told in my notifications.
#[utoipa::path(
    post,
    path = "/api/v1/groups/{group}/requests",
    tag = "groups",
    security(("bearer" = [])),
    params(("group" = i64, Path, description = "The group's id")),
    request_body = Agreement,
    responses(
        (status = 204, description = "Asked (asking again changes nothing)"),
        (status = 200, description = "Already a member", body = MemberGroupView),
        (status = 404, description = "No such group by request, or not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The norms changed since I read them", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn ask_to_join(
    State(state): State<AppState>,
    ctx: PageContext,
    user: Option<CurrentUser>,
    ids: PathIds,
    Json(body): Json<Agreement>,
) -> Result<Response, AppError> {
    let id = ids.group()?;
    let user = user.ok_or(AppError::NotFound)?;
    let (group, membership) = group_and_membership(&state, id, Some(&user)).await?;
    if group.kind != GroupKind::Request {
        return Err(AppError::NotFound);
    }
    if membership.is_some() {
        let view = member_view(&state, id, user.account.id).await?;
        return Ok(Json(view).into_response());
    }
    let asked = (state.store)
        .request_to_join(id, user.account.id, body.norms_version, Timestamp::now())
        .await?;
    match asked {
        Joined::Joined => Ok(StatusCode::NO_CONTENT.into_response()),
        Joined::Refused(why) => Ok(refused(ctx.lang, why)),
    }
}

/// An invitation's group and norms, to read before joining. The token is
/// the secret: no sign-in needed.
#[utoipa::path(
    get,
    path = "/api/v1/invites/{token}",
    tag = "groups",
    params(("token" = String, Path, description = "The token from the invitation link")),
    responses(
        (status = 200, body = InviteView),
        (status = 404, description = "No such invitation", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn invite(
    State(state): State<AppState>,
    user: Option<CurrentUser>,
    Path(token): Path<String>,
) -> Result<Json<InviteView>, AppError> {
    let (invite, group) = state
        .store
        .invite_by_token(&token_hash(&token))
        .await?
        .ok_or(AppError::NotFound)?;
    let (group, membership) = group_and_membership(&state, group.id, user.as_ref()).await?;
    let about = about_view(&state, group, membership.as_ref(), user.as_ref()).await?;
    Ok(Json(InviteView {
        about,
        usable: invite.is_usable(Timestamp::now()),
    }))
}

/// Join through an invitation link, agreeing to the norms I read. Already
/// a member: nothing changes and the link is not used (200).
#[utoipa::path(
    post,
    path = "/api/v1/invites/{token}",
    tag = "groups",
    security(("bearer" = [])),
    params(("token" = String, Path, description = "The token from the invitation link")),
    request_body = Agreement,
    responses(
        (status = 201, description = "Joined", body = MemberGroupView),
        (status = 200, description = "Already a member", body = MemberGroupView),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such invitation", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The norms changed since I read them", body = Problem, content_type = "application/problem+json"),
        (status = 410, description = "The invitation has expired, been used up or been revoked", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn join_by_invite(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
    Path(token): Path<String>,
    Json(body): Json<Agreement>,
) -> Result<Response, AppError> {
    let hash = token_hash(&token);
    let (_, group) = state
        .store
        .invite_by_token(&hash)
        .await?
        .ok_or(AppError::NotFound)?;
    let (_, membership) = group_and_membership(&state, group.id, Some(&user)).await?;
    if membership.is_some() {
        let view = member_view(&state, group.id, user.account.id).await?;
        return Ok(Json(view).into_response());
    }
    let joined = (state.store)
        .join_by_invite(&hash, user.account.id, body.norms_version, Timestamp::now())
        .await?;
    match joined {
        Joined::Joined => {
            let view = member_view(&state, group.id, user.account.id).await?;
            Ok(created(format!("/api/v1/groups/{}", group.id.0), view))
        }
        Joined::Refused(why) => Ok(refused(ctx.lang, why)),
    }
}

/// The group's current norms, and whether (and when) I agreed to them.
#[utoipa::path(
    get,
    path = "/api/v1/groups/{group}/norms",
    tag = "groups",
    security(("bearer" = [])),
    params(("group" = i64, Path, description = "The group's id")),
    responses(
        (status = 200, body = NormsView),
        (status = 404, description = "No such group, or I am not a member", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn norms(State(state): State<AppState>, member: Member) -> Result<Json<NormsView>, AppError> {
    Ok(Json(norms_view(&state, &member).await?))
}

pub(super) async fn norms_view(state: &AppState, member: &Member) -> Result<NormsView, AppError> {
    let norms = current_norms(state, member.group.id).await?;
    let agreements = (state.store)
        .norm_agreements(member.group.id, member.user.account.id)
        .await?;
    let agreed_at = (agreements.iter())
        .find(|(version, _)| *version == norms.version)
        .map(|(_, at)| *at);
    Ok(NormsView {
        norms: NormsText::new(norms),
        agreed: agreed_at.is_some(),
        agreed_at,
    })
}

/// Agree to the group's current norms (after a facilitator changed them),
/// giving the version read.
#[utoipa::path(
    post,
    path = "/api/v1/groups/{group}/norms/agreement",
    tag = "groups",
    security(("bearer" = [])),
    params(("group" = i64, Path, description = "The group's id")),
    request_body = Agreement,
    responses(
        (status = 200, description = "Agreed", body = NormsView),
        (status = 404, description = "No such group, or I am not a member", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The norms changed again since I read them", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn agree(
    State(state): State<AppState>,
    member: Member,
    Json(body): Json<Agreement>,
) -> Result<Json<NormsView>, AppError> {
    let agreed = (state.store)
        .agree_to_norms(
            member.group.id,
            member.user.account.id,
            body.norms_version,
            Timestamp::now(),
        )
        .await?;
    match agreed {
        Joined::Joined => Ok(Json(norms_view(&state, &member).await?)),
        Joined::Refused(_) => Err(AppError::Conflict(Message::new("group-join-norms-changed"))),
    }
}

/// Leave the group. An owner hands it over first. Rejoining a hidden group
/// needs a new invitation.
#[utoipa::path(
    post,
    path = "/api/v1/groups/{group}/leave",
    tag = "groups",
    security(("bearer" = [])),
    params(("group" = i64, Path, description = "The group's id")),
    responses(
        (status = 204, description = "Left"),
        (status = 404, description = "No such group, or I am not a member", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "I own the group", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn leave(State(state): State<AppState>, member: Member) -> Result<StatusCode, AppError> {
    if member.membership.role == GroupRole::Owner {
        return Err(AppError::Conflict(Message::new("group-owner-cannot-leave")));
    }
    (state.store)
        .leave_group(member.group.id, member.user.account.id)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The group's members, facilitators first.
#[utoipa::path(
    get,
    path = "/api/v1/groups/{group}/members",
    tag = "groups",
    security(("bearer" = [])),
    params(("group" = i64, Path, description = "The group's id")),
    responses(
        (status = 200, body = MembersView),
        (status = 404, description = "No such group, or I am not a member", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn members(
    State(state): State<AppState>,
    member: Member,
) -> Result<Json<MembersView>, AppError> {
    let members = state.store.members(member.group.id).await?;
    Ok(Json(MembersView {
        members: (members.into_iter())
            .map(|person| MemberView {
                id: person.account_id.0,
                handle: person.handle,
                role: person.role.as_str().to_owned(),
                joined_at: person.joined_at,
            })
            .collect(),
    }))
}

// ---------------------------------------------------------------------------
// Shares, replies and responses

/// A page of the group's threads: pinned first, then the newest activity.
#[utoipa::path(
    get,
    path = "/api/v1/groups/{group}/threads",
    tag = "groups",
    security(("bearer" = [])),
    params(
        ("group" = i64, Path, description = "The group's id"),
        ("after" = Option<String>, Query, description = "From the previous page's next_cursor"),
    ),
    responses(
        (status = 200, body = ThreadsView),
        (status = 404, description = "No such group, or I am not a member", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn threads(
    State(state): State<AppState>,
    member: Member,
    Query(parameters): Query<AfterParameters>,
) -> Result<Json<ThreadsView>, AppError> {
    let reader = member.user.account.id;
    let summaries = (state.store)
        .threads(
            member.group.id,
            reader,
            decode_thread_cursor(&parameters.after),
            THREADS_PER_PAGE,
        )
        .await?;
    let next_cursor = (summaries.len() == THREADS_PER_PAGE as usize)
        .then(|| summaries.last().map(encode_thread_cursor))
        .flatten();
    let filters = Filters::of(&state, &member.user).await?;
    let threads = (summaries.iter())
        .filter(|thread| !filters.mutes(&thread.author))
        .map(|thread| {
            let (author, mine) = author_view(&thread.author, reader);
            ThreadSummaryView {
                id: thread.id.0,
                kind: thread.kind.as_str().to_owned(),
                title: thread.title.clone(),
                excerpt: thread.excerpt.clone(),
                author,
                anonymous: thread.author.anonymous,
                mine,
                pinned: thread.pinned,
                locked: thread.locked,
                reply_count: thread.reply_count,
                created_at: thread.created_at,
                last_activity_at: thread.last_activity_at,
                unread: thread.unread,
                author_blocked: filters.about(&thread.author).is_some(),
            }
        })
        .collect();
    Ok(Json(ThreadsView {
        threads,
        next_cursor,
    }))
}

/// Post a share, question or celebration.
///
/// Send an `Idempotency-Key` header (1 to 64 visible ASCII characters, e.g.
/// a UUID) to make retrying safe: the same key from the same person to the
/// same group gives back the share first made with it (201 again), and
/// writes nothing new.
#[utoipa::path(
    post,
    path = "/api/v1/groups/{group}/threads",
    tag = "groups",
    security(("bearer" = [])),
    params(
        ("group" = i64, Path, description = "The group's id"),
        ("Idempotency-Key" = Option<String>, Header, description = "Makes a retry give back the same share"),
    ),
    request_body = NewShareRequest,
    responses(
        (status = 201, description = "Shared (or shared before with this Idempotency-Key)", body = WrittenView,
            headers(("Location" = String, description = "The thread's API path"))),
        (status = 404, description = "No such group, or I am not a member", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "I must agree to the group's current norms first, or a facilitator has paused my posting", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A field is not valid; `errors` names each", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn post_share(
    State(state): State<AppState>,
    member: Member,
    address: ClientAddress,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    Json(body): Json<NewShareRequest>,
) -> Result<Response, AppError> {
    member.require(GroupAction::Post)?;
    let now = Timestamp::now();
    check_may_write(&member, now)?;
    let group = member.group.id;
    let key = idempotency_key(&headers, &format!("{}/share", group.0))?;
    let mut problems = Vec::new();
    let mut keep = |error: GroupInputError| problems.push(input_problem(error));
    let kind = body.kind.parse::<ShareKind>().map_err(&mut keep).ok();
    let title = Title::parse_optional(body.title.as_deref().unwrap_or_default())
        .map_err(&mut keep)
        .ok();
    let text = Body::share(&body.body).map_err(&mut keep).ok();
    let (Some(kind), Some(title), Some(text)) = (kind, title, text) else {
        return Err(AppError::Invalid(problems));
    };
    brake(&state, &member.user, &address, RateAction::Post).await?;
    let written = format!(
        "{}\n{}",
        body.title.as_deref().unwrap_or_default(),
        text.as_str()
    );
    let crisis = CrisisView::of_text(&state, &written, lang, &headers);
    let share = NewShare {
        kind,
        title: title.as_ref(),
        body: &text,
        anonymous: body.anonymous,
        crisis: crisis.detected(),
    };
    let mentions = mentioned_handle_keys(text.as_str());
    let author = member.user.account.id;
    let id = (state.store)
        .create_share(group, author, &share, &mentions, &key, now)
        .await?;
    let post = (state.store)
        .post(group, id)
        .await?
        .filter(|post| !post.removed)
        .ok_or(AppError::NotFound)?;
    Ok(created(
        format!("/api/v1/groups/{}/threads/{}", group.0, id.0),
        WrittenView {
            post: PostView::new(&post, author),
            crisis,
        },
    ))
}

/// A thread: its share and a page of replies (those that helped the asker
/// first). Reading it marks it read.
#[utoipa::path(
    get,
    path = "/api/v1/groups/{group}/threads/{thread}",
    tag = "groups",
    security(("bearer" = [])),
    params(
        ("group" = i64, Path, description = "The group's id"),
        ("thread" = i64, Path, description = "The share's id"),
        ("after" = Option<String>, Query, description = "From the previous page's next_cursor"),
    ),
    responses(
        (status = 200, body = ThreadView),
        (status = 404, description = "No such thread (or it was removed), or I am not a member", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn thread(
    State(state): State<AppState>,
    member: Member,
    ids: PathIds,
    Query(parameters): Query<AfterParameters>,
) -> Result<Json<ThreadView>, AppError> {
    let thread = ids.post("thread")?;
    let reader = member.user.account.id;
    let page = (state.store)
        .thread_page(
            member.group.id,
            thread,
            reader,
            decode_reply_cursor(&parameters.after),
            WithMarkdown::Yes,
        )
        .await?
        .ok_or(AppError::NotFound)?;
    (state.store)
        .mark_thread_read(reader, page.share.id, page.share.last_activity_at)
        .await?;
    let share = &page.share;
    let filters = Filters::of(&state, &member.user).await?;
    let shown = |post: &Post| PostView {
        author_blocked: filters.about(&post.author).is_some(),
        ..PostView::new(post, reader)
    };
    Ok(Json(ThreadView {
        share: shown(share),
        // Replies of people I muted are left out.
        replies: (page.replies.iter())
            .filter(|reply| !filters.mutes(&reply.author))
            .map(shown)
            .collect(),
        pinned: share.pinned,
        locked: share.locked,
        reply_count: share.reply_count,
        last_activity_at: share.last_activity_at,
        may_mark_helpful: share.kind == Some(ShareKind::Question)
            && share.author.account_id == reader,
        next_cursor: page.next.as_ref().map(encode_reply_cursor),
    }))
}

/// Reply to a thread. `Idempotency-Key` works as for a new share, per
/// thread.
#[utoipa::path(
    post,
    path = "/api/v1/groups/{group}/threads/{thread}/replies",
    tag = "groups",
    security(("bearer" = [])),
    params(
        ("group" = i64, Path, description = "The group's id"),
        ("thread" = i64, Path, description = "The share's id"),
        ("Idempotency-Key" = Option<String>, Header, description = "Makes a retry give back the same reply"),
    ),
    request_body = NewReplyRequest,
    responses(
        (status = 201, description = "Replied (or replied before with this Idempotency-Key)", body = WrittenView),
        (status = 404, description = "No such thread (or it was removed), or I am not a member", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The thread is closed to replies, I must agree to the current norms first, or my posting is paused", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The body is not valid", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn post_reply(
    State(state): State<AppState>,
    member: Member,
    ids: PathIds,
    address: ClientAddress,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    Json(body): Json<NewReplyRequest>,
) -> Result<Response, AppError> {
    member.require(GroupAction::Reply)?;
    let thread = ids.post("thread")?;
    let group = member.group.id;
    let share = (state.store)
        .post(group, thread)
        .await?
        .filter(|post| !post.removed && post.thread_id.is_none())
        .ok_or(AppError::NotFound)?;
    let now = Timestamp::now();
    check_may_write(&member, now)?;
    if share.locked {
        return Err(AppError::Conflict(Message::new("group-thread-locked")));
    }
    let key = idempotency_key(&headers, &format!("{}/{}/reply", group.0, thread.0))?;
    let text =
        Body::reply(&body.body).map_err(|error| AppError::Invalid(vec![input_problem(error)]))?;
    brake(&state, &member.user, &address, RateAction::Reply).await?;
    let crisis = CrisisView::of_text(&state, text.as_str(), lang, &headers);
    let reply = NewReply {
        thread,
        body: &text,
        anonymous: body.anonymous,
        quoting: body.quoting.map(PostId),
        crisis: crisis.detected(),
    };
    let mentions = mentioned_handle_keys(text.as_str());
    let author = member.user.account.id;
    let replied = (state.store)
        .create_reply(group, author, &reply, &mentions, &key, now)
        .await?;
    let id = match replied {
        Replied::Posted(id) => id,
        // Locked or removed since it was read above.
        Replied::Closed => {
            let share = state.store.post(group, thread).await?;
            return Err(match share {
                Some(share) if !share.removed && share.locked => {
                    AppError::Conflict(Message::new("group-thread-locked"))
                }
                _ => AppError::NotFound,
            });
        }
    };
    let post = (state.store)
        .post(group, id)
        .await?
        .filter(|post| !post.removed)
        .ok_or(AppError::NotFound)?;
    Ok(created(
        format!("/api/v1/groups/{}/threads/{}", group.0, thread.0),
        WrittenView {
            post: PostView::new(&post, author),
            crisis,
        },
    ))
}

/// Give a supportive response to a share or reply, or take it back if I
/// gave it.
#[utoipa::path(
    post,
    path = "/api/v1/groups/{group}/posts/{post}/supports",
    tag = "groups",
    security(("bearer" = [])),
    params(
        ("group" = i64, Path, description = "The group's id"),
        ("post" = i64, Path, description = "The share's or reply's id"),
    ),
    request_body = SupportRequest,
    responses(
        (status = 200, description = "Whether the response is given now", body = SupportView),
        (status = 404, description = "No such post (or it was removed), or I am not a member", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Not one of the responses Hearth offers", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn support(
    State(state): State<AppState>,
    member: Member,
    ids: PathIds,
    Json(body): Json<SupportRequest>,
) -> Result<Json<SupportView>, AppError> {
    member.require(GroupAction::Respond)?;
    let post = ids.post("post")?;
    let kind = (body.kind)
        .parse::<SupportKind>()
        .map_err(|error| AppError::Invalid(vec![input_problem(error)]))?;
    let post = (state.store)
        .post(member.group.id, post)
        .await?
        .filter(|post| !post.removed)
        .ok_or(AppError::NotFound)?;
    let given = (state.store)
        .toggle_support(post.id, member.user.account.id, kind, Timestamp::now())
        .await?;
    Ok(Json(SupportView {
        kind: kind.as_str().to_owned(),
        given,
    }))
}

/// Mark a reply to my question as one that helped me (or not). Only the
/// person who asked may.
#[utoipa::path(
    put,
    path = "/api/v1/groups/{group}/threads/{thread}/replies/{reply}/helpful",
    tag = "groups",
    security(("bearer" = [])),
    params(
        ("group" = i64, Path, description = "The group's id"),
        ("thread" = i64, Path, description = "The question's id"),
        ("reply" = i64, Path, description = "The reply's id"),
    ),
    request_body = HelpfulRequest,
    responses(
        (status = 204, description = "Marked"),
        (status = 403, description = "Only the person who asked the question may", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such thread or reply, or I am not a member", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn mark_helpful(
    State(state): State<AppState>,
    member: Member,
    ids: PathIds,
    Json(body): Json<HelpfulRequest>,
) -> Result<StatusCode, AppError> {
    let thread = ids.post("thread")?;
    let reply = ids.post("reply")?;
    let share = (state.store)
        .post(member.group.id, thread)
        .await?
        .filter(|post| !post.removed && post.thread_id.is_none())
        .ok_or(AppError::NotFound)?;
    if share.kind != Some(ShareKind::Question) || share.author.account_id != member.user.account.id
    {
        return Err(AppError::NotAllowed);
    }
    (state.store)
        .set_helpful(share.id, reply, body.helpful)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

// ---------------------------------------------------------------------------
// Notifications

fn notification_view(ctx: &PageContext, notification: &Notification) -> NotificationView {
    NotificationView {
        id: notification.id.0,
        kind: notification.kind.as_str().to_owned(),
        group: GroupRef {
            id: notification.group_id.0,
            name: notification.group_name.clone(),
        },
        post_id: notification.post_id.map(|id| id.0),
        thread_id: notification.thread_id.map(|id| id.0),
        link: link(notification),
        actor: notification.actor.clone(),
        text: describe(ctx, notification),
        created_at: notification.created_at,
        read: notification.read,
    }
}

/// My notifications, newest first: replies to my shares, mentions,
/// approvals and norm changes, from groups I still belong to.
#[utoipa::path(
    get,
    path = "/api/v1/notifications",
    tag = "groups",
    security(("bearer" = [])),
    params(("before" = Option<i64>, Query, description = "From the previous page's next_cursor")),
    responses(
        (status = 200, body = NotificationsView),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn notifications(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
    Query(parameters): Query<BeforeParameters>,
) -> Result<Json<NotificationsView>, AppError> {
    let found = (state.store)
        .notifications(
            user.account.id,
            parameters.before.map(NotificationId),
            NOTIFICATIONS_PER_PAGE,
        )
        .await?;
    let next_cursor = (found.len() == NOTIFICATIONS_PER_PAGE as usize)
        .then(|| found.last().map(|last| last.id.0))
        .flatten();
    Ok(Json(NotificationsView {
        notifications: (found.iter())
            .map(|notification| notification_view(&ctx, notification))
            .collect(),
        next_cursor,
    }))
}

/// Mark one notification read, or (without `id`, or without a body) all of
/// them.
#[utoipa::path(
    post,
    path = "/api/v1/notifications/read",
    tag = "groups",
    security(("bearer" = [])),
    request_body(content = Option<ReadRequest>, description = "Optional"),
    responses(
        (status = 204, description = "Marked read"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn mark_notifications_read(
    State(state): State<AppState>,
    user: CurrentUser,
    body: Option<Json<ReadRequest>>,
) -> Result<StatusCode, AppError> {
    let Json(body) = body.unwrap_or_default();
    (state.store)
        .mark_notifications_read(
            user.account.id,
            body.id.map(NotificationId),
            Timestamp::now(),
        )
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// How many of my notifications I have not read.
#[utoipa::path(
    get,
    path = "/api/v1/notifications/unread-count",
    tag = "groups",
    security(("bearer" = [])),
    responses(
        (status = 200, body = UnreadCountView),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn unread_notifications(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Json<UnreadCountView>, AppError> {
    let unread = (state.store)
        .unread_notification_count(user.account.id)
        .await?;
    Ok(Json(UnreadCountView { unread }))
}
