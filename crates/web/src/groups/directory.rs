//! Finding a group and getting into it: the directory, starting a group,
//! a listed group's "about" page, joining or asking to join, and invitation
//! links.

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use hearth_domain::groups::{
    Description, GroupKind, GroupLanguage, GroupName, GroupRole, Norms, Tag, Tags, render_markdown,
};
use hearth_store::groups::{
    DirectoryQuery, Group, GroupId, GroupListing, GroupNorms, GroupSettings, JoinRefused, Joined,
    NewGroup,
};
use jiff::Timestamp;
use serde::Deserialize;

use super::access::{Standing, group_and_membership, standing};
use super::{input_problem, kind_messages, tag_message};
use crate::auth::CurrentUser;
use crate::auth::session::token_hash;
use crate::error::FieldError;
use crate::page::{PageContext, render};
use crate::{AppError, AppState};

use super::Routes;

pub fn routes() -> Routes {
    vec![
        ("/groups", get(directory)),
        ("/groups/new", get(new_group_page).post(create_group)),
        ("/groups/{group}/about", get(about)),
        ("/groups/{group}/join", post(join)),
        ("/groups/{group}/request", post(ask_to_join)),
        ("/invites/{token}", get(invite_page).post(join_by_invite)),
    ]
}

/// Groups per directory page.
const DIRECTORY_PAGE: u32 = 20;

#[derive(Debug, Default, Deserialize)]
pub struct DirectoryParameters {
    #[serde(default)]
    q: String,
    #[serde(default)]
    tag: String,
    #[serde(default)]
    after: String,
}

/// The directory's parameters, parsed. A tag or cursor that is not one is
/// left out rather than refused: these come from links and a small form.
pub(super) fn directory_query(parameters: &DirectoryParameters) -> DirectoryQuery {
    let text = parameters.q.trim();
    DirectoryQuery {
        tag: parameters.tag.parse::<Tag>().ok(),
        text: (!text.is_empty()).then(|| text.chars().take(100).collect()),
        after: decode_cursor(&parameters.after),
        limit: DIRECTORY_PAGE,
    }
}

/// `activity-id` of the last group on a page.
pub(super) fn encode_cursor(group: &Group) -> String {
    format!("{}-{}", group.last_activity_at.as_second(), group.id.0)
}

fn decode_cursor(text: &str) -> Option<(Timestamp, GroupId)> {
    let (activity, id) = text.split_once('-')?;
    let activity = Timestamp::from_second(activity.parse().ok()?).ok()?;
    Some((activity, GroupId(id.parse().ok()?)))
}

#[derive(Template)]
#[template(path = "groups/directory.html")]
struct DirectoryPage {
    ctx: PageContext,
    q: String,
    tag: String,
    groups: Vec<GroupListing>,
    mine: Vec<(GroupListing, GroupRole)>,
    next: Option<String>,
}

impl DirectoryPage {
    fn tags(&self) -> Vec<(&'static str, String)> {
        Tag::ALL
            .iter()
            .map(|tag| (tag.as_str(), self.ctx.t(tag_message(*tag))))
            .collect()
    }

    fn kind_name(&self, kind: &GroupKind) -> String {
        self.ctx.t(kind_messages(*kind).0)
    }

    fn next_link(&self, cursor: &str) -> String {
        let pairs = [
            ("q", self.q.as_str()),
            ("tag", &self.tag),
            ("after", cursor),
        ];
        let query = serde_urlencoded::to_string(pairs).unwrap_or_default();
        format!("/groups?{query}")
    }
}

async fn directory(
    State(state): State<AppState>,
    ctx: PageContext,
    user: Option<CurrentUser>,
    Query(parameters): Query<DirectoryParameters>,
) -> Result<Response, AppError> {
    let query = directory_query(&parameters);
    let groups = state.store.listed_groups(&query).await?;
    let mine = match (&user, query.after) {
        (Some(user), None) => state.store.groups_of(user.account.id).await?,
        _ => Vec::new(),
    };
    let next = (groups.len() == DIRECTORY_PAGE as usize)
        .then(|| groups.last().map(|last| encode_cursor(&last.group)))
        .flatten();
    let page = DirectoryPage {
        ctx,
        q: parameters.q,
        tag: parameters.tag,
        groups,
        mine,
        next,
    };
    Ok(render(&page)?.into_response())
}

/// What a person typed into a group's form.
#[derive(Debug, Default)]
pub(super) struct GroupForm {
    pub name: String,
    pub description: String,
    pub kind: String,
    /// One per ticked tag box.
    pub tags: Vec<String>,
    pub language: String,
    pub norms: String,
}

impl GroupForm {
    /// From the form's fields as sent: `tags` may come many times.
    pub(super) fn from_fields(fields: Vec<(String, String)>) -> GroupForm {
        let mut form = GroupForm::default();
        for (name, value) in fields {
            match name.as_str() {
                "name" => form.name = value,
                "description" => form.description = value,
                "kind" => form.kind = value,
                "tags" => form.tags.push(value),
                "language" => form.language = value,
                "norms" => form.norms = value,
                _ => {}
            }
        }
        form
    }

    pub(super) fn parse(&self) -> Result<ParsedGroup, Vec<FieldError>> {
        ParsedGroup::parse(
            &self.name,
            &self.description,
            &self.kind,
            &self.tags,
            &self.language,
            &self.norms,
        )
    }
}

/// A group's settings (everything but its norms), parsed: one parser for
/// the new-group form, the settings form and the API.
pub(super) struct ParsedSettings {
    pub name: GroupName,
    pub description: Description,
    pub kind: GroupKind,
    pub tags: Tags,
    pub language: GroupLanguage,
}

impl ParsedSettings {
    /// Parses every field, reporting each one that is wrong. A blank
    /// language is the default one.
    pub(super) fn parse(
        name: &str,
        description: &str,
        kind: &str,
        tags: &[String],
        language: &str,
    ) -> Result<ParsedSettings, Vec<FieldError>> {
        let mut problems = Vec::new();
        let mut keep = |error| problems.push(input_problem(error));
        let name = GroupName::parse(name).map_err(&mut keep).ok();
        let description = Description::parse(description).map_err(&mut keep).ok();
        let kind = kind.parse::<GroupKind>().map_err(&mut keep).ok();
        let tags = Tags::parse(tags.iter().map(String::as_str))
            .map_err(&mut keep)
            .ok();
        let language = if language.trim().is_empty() {
            Ok(GroupLanguage::default())
        } else {
            GroupLanguage::parse(language)
        }
        .map_err(&mut keep)
        .ok();
        match (name, description, kind, tags, language) {
            (Some(name), Some(description), Some(kind), Some(tags), Some(language)) => {
                Ok(ParsedSettings {
                    name,
                    description,
                    kind,
                    tags,
                    language,
                })
            }
            _ => Err(problems),
        }
    }

    pub(super) fn as_settings(&self) -> GroupSettings<'_> {
        GroupSettings {
            name: &self.name,
            description: &self.description,
            kind: self.kind,
            tags: &self.tags,
            language: &self.language,
        }
    }
}

/// A new group's parts, parsed.
pub(super) struct ParsedGroup {
    pub settings: ParsedSettings,
    pub norms: Norms,
}

impl ParsedGroup {
    /// Parses every field, reporting each one that is wrong.
    pub(super) fn parse(
        name: &str,
        description: &str,
        kind: &str,
        tags: &[String],
        language: &str,
        norms: &str,
    ) -> Result<ParsedGroup, Vec<FieldError>> {
        let settings = ParsedSettings::parse(name, description, kind, tags, language);
        let norms = Norms::parse(norms).map_err(input_problem);
        match (settings, norms) {
            (Ok(settings), Ok(norms)) => Ok(ParsedGroup { settings, norms }),
            (settings, norms) => Err((settings.err().into_iter().flatten())
                .chain(norms.err())
                .collect()),
        }
    }

    pub(super) fn as_new(&self) -> NewGroup<'_> {
        let settings = &self.settings;
        NewGroup {
            name: &settings.name,
            description: &settings.description,
            kind: settings.kind,
            tags: &settings.tags,
            language: &settings.language,
            norms: &self.norms,
        }
    }
}

#[derive(Template)]
#[template(path = "groups/new.html")]
struct NewGroupPage {
    ctx: PageContext,
    form: GroupForm,
    problems: Vec<(&'static str, String)>,
}

impl NewGroupPage {
    fn problem(&self, field: &str) -> Option<&str> {
        (self.problems.iter())
            .find(|(name, _)| *name == field)
            .map(|(_, message)| message.as_str())
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

async fn new_group_page(ctx: PageContext, _user: CurrentUser) -> Result<Response, AppError> {
    let form = GroupForm {
        kind: GroupKind::Request.as_str().to_owned(),
        language: ctx.lang.code().to_owned(),
        norms: ctx.t("group-norms-default"),
        ..GroupForm::default()
    };
    let page = NewGroupPage {
        ctx,
        form,
        problems: Vec::new(),
    };
    Ok(render(&page)?.into_response())
}

async fn create_group(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let form = GroupForm::from_fields(fields);
    match form.parse() {
        Ok(parsed) => {
            let group = state
                .store
                .create_group(&parsed.as_new(), user.account.id, Timestamp::now())
                .await?;
            Ok(Redirect::to(&format!("/groups/{}", group.id.0)).into_response())
        }
        Err(problems) => {
            let problems = (problems.iter())
                .map(|problem| (problem.field, ctx.message(&problem.message)))
                .collect();
            let page = NewGroupPage {
                ctx,
                form,
                problems,
            };
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
        }
    }
}

#[derive(Template)]
#[template(path = "groups/about.html")]
struct AboutPage {
    ctx: PageContext,
    group: Group,
    norms_html: String,
    norms_version: i64,
    standing: Standing,
    /// Set when the person came by an invitation link.
    invite: Option<String>,
    /// Why the last attempt did not let them in.
    notice: Option<String>,
}

impl AboutPage {
    fn join_action(&self) -> String {
        match &self.invite {
            Some(token) => format!("/invites/{token}"),
            None if self.group.kind == GroupKind::Request => {
                format!("/groups/{}/request", self.group.id.0)
            }
            None => format!("/groups/{}/join", self.group.id.0),
        }
    }

    fn asks(&self) -> bool {
        self.invite.is_none() && self.group.kind == GroupKind::Request
    }

    fn tag_names(&self) -> Vec<String> {
        (self.group.tags.iter())
            .map(|tag| self.ctx.t(tag_message(tag)))
            .collect()
    }
}

async fn norms_of(state: &AppState, group: GroupId) -> Result<GroupNorms, AppError> {
    state
        .store
        .current_norms(group)
        .await?
        .ok_or(AppError::NotFound)
}

/// A group's name, description and norms, and the way in. Listed groups
/// only (or one's own): a hidden group is 404 here, reached by invitation.
async fn about(
    State(state): State<AppState>,
    ctx: PageContext,
    user: Option<CurrentUser>,
    Path(group): Path<i64>,
) -> Result<Response, AppError> {
    show_about(
        &state,
        ctx,
        user.as_ref(),
        GroupId(group),
        None,
        StatusCode::OK,
    )
    .await
}

async fn show_about(
    state: &AppState,
    ctx: PageContext,
    user: Option<&CurrentUser>,
    id: GroupId,
    notice: Option<String>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let (group, membership) = group_and_membership(state, id, user).await?;
    if !group.kind.is_listed() && membership.is_none() {
        return Err(AppError::NotFound);
    }
    let standing = standing(state, id, user, membership.as_ref()).await?;
    let norms = norms_of(state, id).await?;
    let page = AboutPage {
        ctx,
        norms_html: render_markdown(&norms.body),
        norms_version: norms.version,
        group,
        standing,
        invite: None,
        notice,
    };
    Ok((status, render(&page)?).into_response())
}

#[derive(Debug, Deserialize)]
pub struct AgreeForm {
    #[serde(default)]
    norms_version: i64,
    /// The "I agree" box: present only when ticked.
    #[serde(default)]
    agree: Option<String>,
}

/// The notice for a join that did not happen, and its status.
fn refused(ctx: &PageContext, why: JoinRefused) -> (String, StatusCode) {
    match why {
        JoinRefused::NormsChanged => (ctx.t("group-join-norms-changed"), StatusCode::CONFLICT),
        JoinRefused::InviteUnusable => (ctx.t("group-invite-unusable"), StatusCode::GONE),
        JoinRefused::Removed => (ctx.t("group-join-removed"), StatusCode::FORBIDDEN),
    }
}

async fn join(
    State(state): State<AppState>,
    ctx: PageContext,
    user: Option<CurrentUser>,
    Path(group): Path<i64>,
    Form(form): Form<AgreeForm>,
) -> Result<Response, AppError> {
    let id = GroupId(group);
    let user = user.ok_or(AppError::NotFound)?;
    let (group, membership) = group_and_membership(&state, id, Some(&user)).await?;
    // Only an open group takes people at the door.
    if group.kind != GroupKind::Open {
        return Err(AppError::NotFound);
    }
    if membership.is_some() {
        return Ok(Redirect::to(&format!("/groups/{}", id.0)).into_response());
    }
    if form.agree.is_none() {
        let notice = ctx.t("group-join-must-agree");
        return show_about(
            &state,
            ctx,
            Some(&user),
            id,
            Some(notice),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    let joined = (state.store)
        .join_group(id, user.account.id, form.norms_version, Timestamp::now())
        .await?;
    match joined {
        Joined::Joined => {
            Ok(Redirect::to(&format!("/groups/{group}", group = id.0)).into_response())
        }
        Joined::Refused(why) => {
            let (notice, status) = refused(&ctx, why);
            show_about(&state, ctx, Some(&user), id, Some(notice), status).await
        }
    }
}

async fn ask_to_join(
    State(state): State<AppState>,
    ctx: PageContext,
    user: Option<CurrentUser>,
    Path(group): Path<i64>,
    Form(form): Form<AgreeForm>,
) -> Result<Response, AppError> {
    let id = GroupId(group);
    let found = state.store.group(id).await?;
    let (Some(user), Some(group)) = (user, found) else {
        return Err(AppError::NotFound);
    };
    if group.kind != GroupKind::Request {
        return Err(AppError::NotFound);
    }
    if form.agree.is_none() {
        let notice = ctx.t("group-join-must-agree");
        return show_about(
            &state,
            ctx,
            Some(&user),
            id,
            Some(notice),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    let asked = (state.store)
        .request_to_join(id, user.account.id, form.norms_version, Timestamp::now())
        .await?;
    match asked {
        Joined::Joined => Ok(Redirect::to(&format!("/groups/{}/about", id.0)).into_response()),
        Joined::Refused(why) => {
            let (notice, status) = refused(&ctx, why);
            show_about(&state, ctx, Some(&user), id, Some(notice), status).await
        }
    }
}

/// An invitation link's page: the group and its norms, with the way in.
/// An unknown token is 404; a used-up one says so kindly.
async fn invite_page(
    State(state): State<AppState>,
    ctx: PageContext,
    user: Option<CurrentUser>,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    show_invite(&state, ctx, user.as_ref(), &token, None, StatusCode::OK).await
}

async fn show_invite(
    state: &AppState,
    ctx: PageContext,
    user: Option<&CurrentUser>,
    token: &str,
    notice: Option<String>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let (invite, group) = state
        .store
        .invite_by_token(&token_hash(token))
        .await?
        .ok_or(AppError::NotFound)?;
    let notice = match notice {
        Some(notice) => Some(notice),
        None if !invite.is_usable(Timestamp::now()) => Some(ctx.t("group-invite-unusable")),
        None => None,
    };
    let norms = norms_of(state, group.id).await?;
    let (_, membership) = group_and_membership(state, group.id, user).await?;
    let standing = standing(state, group.id, user, membership.as_ref()).await?;
    let page = AboutPage {
        ctx,
        norms_html: render_markdown(&norms.body),
        norms_version: norms.version,
        group,
        standing,
        invite: Some(token.to_owned()),
        notice,
    };
    Ok((status, render(&page)?).into_response())
}

async fn join_by_invite(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
    Path(token): Path<String>,
    Form(form): Form<AgreeForm>,
) -> Result<Response, AppError> {
    if form.agree.is_none() {
        let notice = ctx.t("group-join-must-agree");
        return show_invite(
            &state,
            ctx,
            Some(&user),
            &token,
            Some(notice),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    let hash = token_hash(&token);
    let (_, group) = state
        .store
        .invite_by_token(&hash)
        .await?
        .ok_or(AppError::NotFound)?;
    // Someone already in does not use up an invitation.
    let (_, membership) = group_and_membership(&state, group.id, Some(&user)).await?;
    if membership.is_some() {
        return Ok(Redirect::to(&format!("/groups/{}", group.id.0)).into_response());
    }
    let joined = (state.store)
        .join_by_invite(&hash, user.account.id, form.norms_version, Timestamp::now())
        .await?;
    match joined {
        Joined::Joined => Ok(Redirect::to(&format!("/groups/{}", group.id.0)).into_response()),
        Joined::Refused(why) => {
            let (notice, status) = refused(&ctx, why);
            show_invite(&state, ctx, Some(&user), &token, Some(notice), status).await
        }
    }
}
