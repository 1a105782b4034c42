//! Support groups: the directory, joining by agreeing to a group's norms,
//! shares and replies, supportive responses, facilitators' tools and the
//! notifications that tie them together.
//!
//! Every route that shows or changes a group's content takes an
//! [`access::Member`]: the privacy wall is that one extractor.

pub mod access;
mod api;
pub(crate) mod api_manage;
mod directory;
pub(crate) mod manage;
mod notifications;
mod pages;

pub(crate) use pages::{may_write, request_key};
pub(crate) mod reports;

use axum::Router;
use axum::routing::MethodRouter;
use hearth_domain::groups::{GroupInputError, GroupKind, GroupRole, ShareKind, SupportKind, Tag};
use utoipa_axum::router::OpenApiRouter;

use crate::AppState;
use crate::error::FieldError;
use crate::i18n::Message;

/// A feature's page routes: each path with its handlers. Kept as a list, not
/// only a `Router`, so the privacy-wall test can try every one of them.
type Routes = Vec<(&'static str, MethodRouter<AppState>)>;

fn all_page_routes() -> Routes {
    [
        directory::routes(),
        pages::routes(),
        manage::routes(),
        notifications::routes(),
        reports::routes(),
    ]
    .concat()
}

/// The group pages: the directory and joining, members' pages,
/// facilitators' pages and notifications.
pub fn page_routes() -> Router<AppState> {
    all_page_routes()
        .into_iter()
        .fold(Router::new(), |router, (path, handlers)| {
            router.route(path, handlers)
        })
}

/// The path pattern of every group page route, e.g.
/// `/groups/{group}/threads/{thread}`.
pub fn page_paths() -> Vec<&'static str> {
    all_page_routes()
        .into_iter()
        .map(|(path, _)| path)
        .collect()
}

/// `/api/v1/groups/...` and `/api/v1/notifications`.
pub fn api_routes() -> OpenApiRouter<AppState> {
    api::routes().merge(api_manage::routes())
}

/// What was wrong with a group form's field, to be put in the reader's
/// words.
pub(crate) fn input_problem(error: GroupInputError) -> FieldError {
    let field = error.field();
    let message = match error {
        GroupInputError::TooShort { min, .. } => {
            Message::new("group-input-too-short").with("min", min as i64)
        }
        GroupInputError::TooLong { max, .. } => {
            Message::new("group-input-too-long").with("max", max as i64)
        }
        GroupInputError::Empty { .. } => Message::new("group-input-empty"),
        GroupInputError::ControlCharacters { .. } => Message::new("group-input-control"),
        GroupInputError::Kind => Message::new("group-input-kind"),
        GroupInputError::Tag => Message::new("group-input-tag"),
        GroupInputError::Language => Message::new("group-input-language"),
        GroupInputError::ShareKind => Message::new("group-input-share-kind"),
        GroupInputError::SupportKind => Message::new("group-input-support-kind"),
    };
    FieldError {
        field,
        code: error.code(),
        message,
    }
}

/// The message naming each kind of group, and the one saying what it means.
pub(crate) fn kind_messages(kind: GroupKind) -> (&'static str, &'static str) {
    match kind {
        GroupKind::Open => ("group-kind-open", "group-kind-open-hint"),
        GroupKind::Request => ("group-kind-request", "group-kind-request-hint"),
        GroupKind::Hidden => ("group-kind-hidden", "group-kind-hidden-hint"),
    }
}

pub(crate) fn tag_message(tag: Tag) -> &'static str {
    match tag {
        Tag::Alcohol => "group-tag-alcohol",
        Tag::Drugs => "group-tag-drugs",
        Tag::Gambling => "group-tag-gambling",
        Tag::FamilyAndFriends => "group-tag-family_friends",
        Tag::Grief => "group-tag-grief",
        Tag::MentalHealth => "group-tag-mental_health",
        Tag::Other => "group-tag-other",
    }
}

pub(crate) fn role_message(role: GroupRole) -> &'static str {
    match role {
        GroupRole::Owner => "group-role-owner",
        GroupRole::Facilitator => "group-role-facilitator",
        GroupRole::Member => "group-role-member",
    }
}

pub(crate) fn share_kind_message(kind: ShareKind) -> &'static str {
    match kind {
        ShareKind::Share => "group-share-kind-share",
        ShareKind::Question => "group-share-kind-question",
        ShareKind::Celebration => "group-share-kind-celebration",
    }
}

pub(crate) fn support_message(kind: SupportKind) -> &'static str {
    match kind {
        SupportKind::ThankYou => "group-support-thank_you",
        SupportKind::MeToo => "group-support-me_too",
        SupportKind::SendingStrength => "group-support-sending_strength",
        SupportKind::ProudOfYou => "group-support-proud_of_you",
    }
}
