//! What members see and do inside a group: its page of threads, a thread
//! with its replies, writing shares and replies, supportive responses,
//! "this helped me", the norms, the member list and leaving.

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use hearth_domain::groups::{
    Body, GroupAction, GroupInputError, GroupRole, ShareKind, SupportKind, Title,
    mentioned_handle_keys, quote_markdown, render_markdown, shorten,
};
use hearth_domain::safety::crisis;
use hearth_domain::throttle::RateAction;
use hearth_store::groups::Member as GroupMember;
use hearth_store::groups::posts::{
    Author, NewReply, NewShare, Post, PostId, Replied, ReplyCursor, ThreadCursor, ThreadPage,
    ThreadSummary, WithMarkdown,
};
use hearth_store::groups::{GroupNorms, Joined};
use hearth_store::people::{AccountId, FilterKind};
use jiff::Timestamp;
use serde::Deserialize;

use super::access::Member;
use super::{input_problem, role_message, share_kind_message, support_message};
use crate::auth::{ClientAddress, random_token};
use crate::blocks::Filters;
use crate::i18n::Message;
use crate::page::{PageContext, render};
use crate::safety::{CrisisPanel, brake};
use crate::{AppError, AppState};

use super::Routes;

pub fn routes() -> Routes {
    vec![
        ("/groups/{group}", get(group_page)),
        ("/groups/{group}/shares", post(post_share)),
        ("/groups/{group}/threads/{thread}", get(thread_page)),
        ("/groups/{group}/threads/{thread}/replies", post(post_reply)),
        (
            "/groups/{group}/threads/{thread}/replies/{reply}/helpful",
            post(mark_helpful),
        ),
        ("/groups/{group}/posts/{post}/support", post(support)),
        ("/groups/{group}/norms", get(norms_page).post(agree)),
        ("/groups/{group}/members", get(members_page)),
        ("/groups/{group}/leave", post(leave)),
    ]
}

/// Threads per page of a group.
pub const THREADS_PER_PAGE: u32 = 20;

/// How a post's author is shown to `reader`: an anonymous post reads "a
/// member" to everyone but its author.
pub(super) fn author_label(ctx: &PageContext, author: &Author, reader: AccountId) -> String {
    match (author.anonymous, author.account_id == reader) {
        (false, _) => author.handle.clone(),
        (true, true) => ctx.t("group-author-you-anonymously"),
        (true, false) => ctx.t("group-author-a-member"),
    }
}

pub(super) fn encode_thread_cursor(thread: &ThreadSummary) -> String {
    format!(
        "{}-{}-{}",
        u8::from(thread.pinned),
        thread.last_activity_at.as_second(),
        thread.id.0
    )
}

pub(super) fn decode_thread_cursor(text: &str) -> Option<ThreadCursor> {
    let mut parts = text.splitn(3, '-');
    let pinned = parts.next()? == "1";
    let last_activity_at = parts.next()?.parse().ok()?;
    let id = PostId(parts.next()?.parse().ok()?);
    Some(ThreadCursor {
        pinned,
        last_activity_at,
        id,
    })
}

pub(super) fn encode_reply_cursor(cursor: &ReplyCursor) -> String {
    format!("{}-{}", u8::from(cursor.helpful), cursor.id.0)
}

pub(super) fn decode_reply_cursor(text: &str) -> Option<ReplyCursor> {
    let (helpful, id) = text.split_once('-')?;
    Some(ReplyCursor {
        helpful: helpful == "1",
        id: PostId(id.parse().ok()?),
    })
}

/// A thread as the group's page lists it.
struct ThreadRow {
    id: i64,
    kind: ShareKind,
    title: String,
    author: String,
    pinned: bool,
    locked: bool,
    reply_count: i64,
    last_activity: String,
    unread: bool,
}

/// What the share form holds, blank or sent back with a problem.
#[derive(Debug, Default)]
struct ShareDraft {
    kind: String,
    title: String,
    body: String,
    anonymous: bool,
    problem: Option<(&'static str, String)>,
}

#[derive(Template)]
#[template(path = "groups/group.html")]
struct GroupPage {
    ctx: PageContext,
    member: Member,
    threads: Vec<ThreadRow>,
    next: Option<String>,
    draft: ShareDraft,
    request_key: String,
    now: Timestamp,
}

impl GroupPage {
    fn share_kinds(&self) -> Vec<(&'static str, String, bool)> {
        ShareKind::ALL
            .iter()
            .map(|kind| {
                let code = kind.as_str();
                let chosen = self.draft.kind == code
                    || (self.draft.kind.is_empty() && *kind == ShareKind::Share);
                (code, self.ctx.t(share_kind_message(*kind)), chosen)
            })
            .collect()
    }

    fn muted(&self) -> bool {
        self.member.is_muted(self.now)
    }

    fn problem(&self, field: &str) -> Option<&str> {
        (self.draft.problem.as_ref())
            .filter(|(name, _)| *name == field)
            .map(|(_, message)| message.as_str())
    }

    fn is_facilitator(&self) -> bool {
        self.member.membership.role.is_facilitator()
    }

    fn kind_name(&self, kind: &ShareKind) -> String {
        self.ctx.t(share_kind_message(*kind))
    }
}

#[derive(Debug, Deserialize)]
pub struct PageParameters {
    #[serde(default)]
    after: String,
    /// A post of the thread to quote in the reply box.
    #[serde(default)]
    quote: Option<i64>,
    /// The reader's post just written read as a crisis: show the panel.
    #[serde(default)]
    crisis: Option<i64>,
    /// `asked` once the reader told their facilitators they need support.
    #[serde(default)]
    support: Option<String>,
}

async fn group_page(
    State(state): State<AppState>,
    ctx: PageContext,
    member: Member,
    Query(parameters): Query<PageParameters>,
) -> Result<Response, AppError> {
    show_group(
        &state,
        ctx,
        member,
        &parameters.after,
        ShareDraft::default(),
        StatusCode::OK,
    )
    .await
}

async fn show_group(
    state: &AppState,
    ctx: PageContext,
    member: Member,
    after: &str,
    draft: ShareDraft,
    status: StatusCode,
) -> Result<Response, AppError> {
    let reader = member.user.account.id;
    let summaries = state
        .store
        .threads(
            member.group.id,
            reader,
            decode_thread_cursor(after),
            THREADS_PER_PAGE,
        )
        .await?;
    let next = (summaries.len() == THREADS_PER_PAGE as usize)
        .then(|| summaries.last().map(encode_thread_cursor))
        .flatten();
    let filters = Filters::of(state, &member.user).await?;
    let threads = (summaries.iter())
        .filter(|thread| !filters.mutes(&thread.author))
        .map(|thread| ThreadRow {
            id: thread.id.0,
            kind: thread.kind,
            title: match (filters.about(&thread.author), &thread.title) {
                (Some(_), _) => ctx.t("blocks-collapsed"),
                (None, Some(title)) => title.clone(),
                (None, None) => shorten(&thread.excerpt, 90),
            },
            author: author_label(&ctx, &thread.author, reader),
            pinned: thread.pinned,
            locked: thread.locked,
            reply_count: thread.reply_count,
            last_activity: ctx.date_time(&thread.last_activity_at),
            unread: thread.unread,
        })
        .collect();
    let page = GroupPage {
        ctx,
        member,
        threads,
        next,
        draft,
        request_key: random_token(),
        now: Timestamp::now(),
    };
    Ok((status, render(&page)?).into_response())
}

#[derive(Debug, Deserialize)]
pub struct ShareForm {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    body: String,
    #[serde(default)]
    anonymous: Option<String>,
    #[serde(default)]
    request_key: String,
}

/// Why a member cannot write in the group now, if they cannot.
pub(crate) fn may_write(member: &Member, now: Timestamp) -> Result<(), &'static str> {
    if !member.has_agreed() {
        Err("group-must-agree-first")
    } else if member.is_muted(now) {
        Err("group-muted")
    } else {
        Ok(())
    }
}

/// A request key from a form, or a fresh one when the form had none.
pub(crate) fn request_key(given: &str) -> String {
    let given = given.trim();
    if given.is_empty() || given.len() > 64 {
        random_token()
    } else {
        given.to_owned()
    }
}

async fn post_share(
    State(state): State<AppState>,
    ctx: PageContext,
    member: Member,
    address: ClientAddress,
    Form(form): Form<ShareForm>,
) -> Result<Response, AppError> {
    member.require(GroupAction::Post)?;
    let now = Timestamp::now();
    let mut draft = ShareDraft {
        kind: form.kind.clone(),
        title: form.title.clone(),
        body: form.body.clone(),
        anonymous: form.anonymous.is_some(),
        problem: None,
    };
    if let Err(why) = may_write(&member, now) {
        draft.problem = Some(("body", ctx.t(why)));
        return show_group(&state, ctx, member, "", draft, StatusCode::CONFLICT).await;
    }
    let parsed = (|| {
        let kind = form.kind.parse::<ShareKind>()?;
        let title = Title::parse_optional(&form.title)?;
        let body = Body::share(&form.body)?;
        Ok::<_, GroupInputError>((kind, title, body))
    })();
    let (kind, title, body) = match parsed {
        Ok(parsed) => parsed,
        Err(error) => {
            let problem = input_problem(error);
            draft.problem = Some((problem.field, ctx.message(&problem.message)));
            return show_group(
                &state,
                ctx,
                member,
                "",
                draft,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    };
    if let Err(error) = brake(&state, &member.user, &address, RateAction::Post).await {
        let status = error.status();
        draft.problem = Some(("body", error.detail(ctx.lang)));
        return show_group(&state, ctx, member, "", draft, status).await;
    }
    let written = format!("{}\n{}", form.title, body.as_str());
    let crisis = crisis::assess(&written).detected();
    let share = NewShare {
        kind,
        title: title.as_ref(),
        body: &body,
        anonymous: draft.anonymous,
        crisis,
    };
    let mentions = mentioned_handle_keys(body.as_str());
    let id = state
        .store
        .create_share(
            member.group.id,
            member.user.account.id,
            &share,
            &mentions,
            &request_key(&form.request_key),
            now,
        )
        .await?;
    let thread = format!("/groups/{}/threads/{}", member.group.id.0, id.0);
    let next = if crisis {
        crisis_panel_link(&thread, id)
    } else {
        thread
    };
    Ok(Redirect::to(&next).into_response())
}

/// The thread with the crisis panel at its top, for the writer of `post`
/// whose words read as a crisis.
fn crisis_panel_link(thread: &str, post: PostId) -> String {
    format!("{thread}?crisis={}#crisis", post.0)
}

/// A post as the thread page shows it.
struct PostView {
    id: i64,
    author: String,
    mine: bool,
    anonymous: bool,
    kind: Option<ShareKind>,
    title: Option<String>,
    html: String,
    quoting: Option<i64>,
    written: String,
    helpful: bool,
    /// The responses given, by name, and whether the reader gave each.
    supports: Vec<(String, bool)>,
    /// Whether the reader gave each of [`SupportKind::ALL`], in its order.
    pressed: [bool; SupportKind::ALL.len()],
    /// By someone the reader blocked (or muted, for the share they opened):
    /// folded away until they choose to read it.
    collapsed: bool,
}

impl PostView {
    /// Whether the reader gave the `index`th of [`SupportKind::ALL`].
    fn given_by_reader(&self, index: &usize) -> bool {
        self.pressed[*index]
    }
}

#[derive(Template)]
#[template(path = "groups/thread.html")]
struct ThreadTemplate {
    ctx: PageContext,
    member: Member,
    share: PostView,
    replies: Vec<PostView>,
    next: Option<String>,
    locked: bool,
    pinned: bool,
    /// The reader asked this question: they may mark replies helpful.
    asker: bool,
    draft: String,
    anonymous: bool,
    problem: Option<String>,
    request_key: String,
    /// Each of [`SupportKind::ALL`] as a form value and a name.
    support_kinds: Vec<(&'static str, String)>,
    /// "You're not alone", right after writing something that reads as a
    /// crisis.
    crisis: Option<CrisisPanel>,
}

impl ThreadTemplate {
    fn is_facilitator(&self) -> bool {
        self.member.membership.role.is_facilitator()
    }

    fn kind_name(&self, kind: &ShareKind) -> String {
        self.ctx.t(share_kind_message(*kind))
    }

    fn base(&self) -> String {
        format!(
            "/groups/{}/threads/{}",
            self.member.group.id.0, self.share.id
        )
    }
}

/// `support_kinds` is the page's [`ThreadTemplate::support_kinds`]: each
/// kind's name, looked up once a page.
fn post_view(
    ctx: &PageContext,
    post: &Post,
    reader: AccountId,
    support_kinds: &[(&'static str, String)],
    filters: &Filters,
) -> PostView {
    let name = |kind: &SupportKind| {
        (support_kinds.iter())
            .find(|(code, _)| *code == kind.as_str())
            .map_or_else(String::new, |(_, name)| name.clone())
    };
    PostView {
        id: post.id.0,
        author: author_label(ctx, &post.author, reader),
        mine: post.author.account_id == reader,
        anonymous: post.author.anonymous,
        kind: post.kind,
        title: post.title.clone(),
        html: post.html.clone(),
        quoting: post.quoting.map(|id| id.0),
        written: ctx.date_time(&post.created_at),
        helpful: post.helpful,
        supports: (post.supports.iter())
            .map(|(kind, mine)| (name(kind), *mine))
            .collect(),
        pressed: SupportKind::ALL.map(|kind| post.supports.contains(&(kind, true))),
        collapsed: filters.about(&post.author).is_some(),
    }
}

/// A page of a thread as its reader sees it: without the replies of
/// people they muted, and knowing whom they blocked.
struct ShownThread {
    page: ThreadPage,
    filters: Filters,
}

async fn load_thread(
    state: &AppState,
    member: &Member,
    thread: i64,
    after: &str,
) -> Result<ShownThread, AppError> {
    let mut page = (state.store)
        .thread_page(
            member.group.id,
            PostId(thread),
            member.user.account.id,
            decode_reply_cursor(after),
            WithMarkdown::No,
        )
        .await?
        .ok_or(AppError::NotFound)?;
    let filters = Filters::of(state, &member.user).await?;
    page.replies.retain(|reply| !filters.mutes(&reply.author));
    Ok(ShownThread { page, filters })
}

async fn thread_page(
    State(state): State<AppState>,
    ctx: PageContext,
    member: Member,
    headers: HeaderMap,
    Path((_, thread)): Path<(i64, i64)>,
    Query(parameters): Query<PageParameters>,
) -> Result<Response, AppError> {
    let shown = load_thread(&state, &member, thread, &parameters.after).await?;
    let page = &shown.page;
    let draft = match parameters.quote {
        Some(id) => (state.store.post(member.group.id, PostId(id)).await?)
            // The quoted post must be in this thread, and still there.
            .filter(|post| post.thread() == page.share.id && !post.removed)
            .and_then(|post| post.body)
            .map(|body| quote_markdown(&body))
            .unwrap_or_default(),
        None => String::new(),
    };
    // Written only when there is something new: reading is not a write.
    let activity = page.share.last_activity_at;
    if page.seen_activity_at.is_none_or(|seen| seen < activity) {
        (state.store)
            .mark_thread_read(member.user.account.id, page.share.id, activity)
            .await?;
    }
    let crisis = (parameters.crisis).map(|post| {
        let asked = parameters.support.as_deref() == Some("asked");
        CrisisPanel::new(&state, ctx.lang, &headers, post, asked)
    });
    let template = ThreadTemplate {
        crisis,
        ..thread_template(ctx, member, shown, draft, false, None)
    };
    Ok(render(&template)?.into_response())
}

fn show_thread(
    ctx: PageContext,
    member: Member,
    shown: ShownThread,
    draft: String,
    anonymous: bool,
    problem: Option<String>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let template = thread_template(ctx, member, shown, draft, anonymous, problem);
    Ok((status, render(&template)?).into_response())
}

fn thread_template(
    ctx: PageContext,
    member: Member,
    ShownThread { page, filters }: ShownThread,
    draft: String,
    anonymous: bool,
    problem: Option<String>,
) -> ThreadTemplate {
    let reader = member.user.account.id;
    let support_kinds: Vec<(&'static str, String)> = (SupportKind::ALL.iter())
        .map(|kind| (kind.as_str(), ctx.t(support_message(*kind))))
        .collect();
    ThreadTemplate {
        share: post_view(&ctx, &page.share, reader, &support_kinds, &filters),
        replies: (page.replies.iter())
            .map(|reply| post_view(&ctx, reply, reader, &support_kinds, &filters))
            .collect(),
        next: page.next.as_ref().map(encode_reply_cursor),
        locked: page.share.locked,
        pinned: page.share.pinned,
        asker: page.share.kind == Some(ShareKind::Question)
            && page.share.author.account_id == reader,
        draft,
        anonymous,
        problem,
        request_key: random_token(),
        support_kinds,
        crisis: None,
        ctx,
        member,
    }
}

#[derive(Debug, Deserialize)]
pub struct ReplyForm {
    #[serde(default)]
    body: String,
    #[serde(default)]
    anonymous: Option<String>,
    #[serde(default)]
    quoting: Option<i64>,
    #[serde(default)]
    request_key: String,
}

async fn post_reply(
    State(state): State<AppState>,
    ctx: PageContext,
    member: Member,
    address: ClientAddress,
    Path((_, thread)): Path<(i64, i64)>,
    Form(form): Form<ReplyForm>,
) -> Result<Response, AppError> {
    member.require(GroupAction::Reply)?;
    let now = Timestamp::now();
    let anonymous = form.anonymous.is_some();
    let shown = load_thread(&state, &member, thread, "").await?;
    let (share, locked) = (shown.page.share.id, shown.page.share.locked);
    // Each reason not to post, in order; any of them shows the thread again
    // with what was typed.
    let checked = async {
        if let Err(why) = may_write(&member, now) {
            return Err((ctx.t(why), StatusCode::CONFLICT));
        }
        if locked {
            return Err((ctx.t("group-thread-locked"), StatusCode::CONFLICT));
        }
        let body = Body::reply(&form.body).map_err(|error| {
            let message = ctx.message(&input_problem(error).message);
            (message, StatusCode::UNPROCESSABLE_ENTITY)
        })?;
        (brake(&state, &member.user, &address, RateAction::Reply).await)
            .map_err(|error| (error.detail(ctx.lang), error.status()))?;
        Ok(body)
    }
    .await;
    let body = match checked {
        Ok(body) => body,
        Err((message, status)) => {
            let problem = Some(message);
            return show_thread(ctx, member, shown, form.body, anonymous, problem, status);
        }
    };
    let crisis = crisis::assess(body.as_str()).detected();
    let reply = NewReply {
        thread: share,
        body: &body,
        anonymous,
        quoting: form.quoting.map(PostId),
        crisis,
    };
    let mentions = mentioned_handle_keys(body.as_str());
    let replied = state
        .store
        .create_reply(
            member.group.id,
            member.user.account.id,
            &reply,
            &mentions,
            &request_key(&form.request_key),
            now,
        )
        .await?;
    match replied {
        Replied::Posted(id) => {
            let thread = format!("/groups/{}/threads/{}", member.group.id.0, share.0);
            let next = if crisis {
                crisis_panel_link(&thread, id)
            } else {
                format!("{thread}#post-{}", id.0)
            };
            Ok(Redirect::to(&next).into_response())
        }
        // Locked or removed since the page was read.
        Replied::Closed => Err(AppError::NotFound),
    }
}

#[derive(Debug, Deserialize)]
pub struct SupportForm {
    #[serde(default)]
    kind: String,
}

async fn support(
    State(state): State<AppState>,
    member: Member,
    Path((_, post)): Path<(i64, i64)>,
    Form(form): Form<SupportForm>,
) -> Result<Response, AppError> {
    member.require(GroupAction::Respond)?;
    let kind = form
        .kind
        .parse::<SupportKind>()
        .map_err(|error| AppError::Invalid(vec![input_problem(error)]))?;
    let post = (state.store)
        .post(member.group.id, PostId(post))
        .await?
        .filter(|post| !post.removed)
        .ok_or(AppError::NotFound)?;
    (state.store)
        .toggle_support(post.id, member.user.account.id, kind, Timestamp::now())
        .await?;
    Ok(Redirect::to(&format!(
        "/groups/{}/threads/{}#post-{}",
        member.group.id.0,
        post.thread().0,
        post.id.0
    ))
    .into_response())
}

#[derive(Debug, Deserialize)]
pub struct HelpfulForm {
    #[serde(default)]
    helpful: String,
}

/// The asker of a question marks a reply as one that helped (or not).
async fn mark_helpful(
    State(state): State<AppState>,
    member: Member,
    Path((_, thread, reply)): Path<(i64, i64, i64)>,
    Form(form): Form<HelpfulForm>,
) -> Result<Response, AppError> {
    let share = (state.store)
        .post(member.group.id, PostId(thread))
        .await?
        .filter(|post| !post.removed && post.thread_id.is_none())
        .ok_or(AppError::NotFound)?;
    if share.kind != Some(ShareKind::Question) || share.author.account_id != member.user.account.id
    {
        return Err(AppError::NotAllowed);
    }
    (state.store)
        .set_helpful(share.id, PostId(reply), form.helpful == "true")
        .await?;
    Ok(Redirect::to(&format!(
        "/groups/{}/threads/{}#post-{reply}",
        member.group.id.0, share.id.0
    ))
    .into_response())
}

#[derive(Template)]
#[template(path = "groups/norms.html")]
struct NormsPage {
    ctx: PageContext,
    member: Member,
    norms: GroupNorms,
    norms_html: String,
    agreed_at: Option<String>,
    notice: Option<String>,
}

async fn norms_page(
    State(state): State<AppState>,
    ctx: PageContext,
    member: Member,
) -> Result<Response, AppError> {
    show_norms(&state, ctx, member, None, StatusCode::OK).await
}

async fn show_norms(
    state: &AppState,
    ctx: PageContext,
    member: Member,
    notice: Option<String>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let norms = (state.store)
        .current_norms(member.group.id)
        .await?
        .ok_or(AppError::NotFound)?;
    let agreements = (state.store)
        .norm_agreements(member.group.id, member.user.account.id)
        .await?;
    let agreed_at = (agreements.iter())
        .find(|(version, _)| *version == norms.version)
        .map(|(_, at)| ctx.date_time(at));
    let page = NormsPage {
        norms_html: render_markdown(&norms.body),
        norms,
        agreed_at,
        notice,
        ctx,
        member,
    };
    Ok((status, render(&page)?).into_response())
}

#[derive(Debug, Deserialize)]
pub struct AgreeForm {
    #[serde(default)]
    norms_version: i64,
    #[serde(default)]
    agree: Option<String>,
}

async fn agree(
    State(state): State<AppState>,
    ctx: PageContext,
    member: Member,
    Form(form): Form<AgreeForm>,
) -> Result<Response, AppError> {
    if form.agree.is_none() {
        let notice = ctx.t("group-join-must-agree");
        return show_norms(
            &state,
            ctx,
            member,
            Some(notice),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    let agreed = (state.store)
        .agree_to_norms(
            member.group.id,
            member.user.account.id,
            form.norms_version,
            Timestamp::now(),
        )
        .await?;
    match agreed {
        Joined::Joined => {
            Ok(Redirect::to(&format!("/groups/{}", member.group.id.0)).into_response())
        }
        Joined::Refused(_) => {
            let notice = ctx.t("group-join-norms-changed");
            show_norms(&state, ctx, member, Some(notice), StatusCode::CONFLICT).await
        }
    }
}

#[derive(Template)]
#[template(path = "groups/members.html")]
struct MembersPage {
    ctx: PageContext,
    member: Member,
    members: Vec<GroupMember>,
    filters: Filters,
}

impl MembersPage {
    fn role_name(&self, role: &GroupRole) -> String {
        self.ctx.t(role_message(*role))
    }

    /// "Blocked" or "Muted" for someone the reader chose so about.
    fn filter_of(&self, account: &AccountId) -> Option<String> {
        let author = Author {
            account_id: *account,
            handle: String::new(),
            anonymous: false,
        };
        self.filters.about(&author).map(|kind| {
            self.ctx.t(match kind {
                FilterKind::Block => "blocks-blocked",
                FilterKind::Mute => "blocks-muted",
            })
        })
    }
}

async fn members_page(
    State(state): State<AppState>,
    ctx: PageContext,
    member: Member,
) -> Result<Response, AppError> {
    let members = state.store.members(member.group.id).await?;
    let filters = Filters::of(&state, &member.user).await?;
    Ok(render(&MembersPage {
        ctx,
        filters,
        member,
        members,
    })?
    .into_response())
}

/// Leaving is one click. An owner hands the group over first.
async fn leave(State(state): State<AppState>, member: Member) -> Result<Response, AppError> {
    if member.membership.role == GroupRole::Owner {
        return Err(AppError::Conflict(Message::new("group-owner-cannot-leave")));
    }
    (state.store)
        .leave_group(member.group.id, member.user.account.id)
        .await?;
    Ok(Redirect::to("/groups").into_response())
}
