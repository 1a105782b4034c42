//! What the store's test suites share: fixed instants, and people, groups,
//! shares and replies made in one line each. Each suite uses some of them.

#![allow(dead_code)]

use std::fmt::Debug;

use hearth_domain::groups::{
    Body, Description, GroupKind, GroupLanguage, GroupName, GroupRole, Norms, ShareKind, Tag, Tags,
};
use hearth_domain::moderation::ModeratorReason;
use hearth_domain::people::Handle;
use hearth_store::groups::audit::AuditEntry;
use hearth_store::groups::notifications::{Notification, NotificationKind};
use hearth_store::groups::posts::{NewReply, NewShare, PostId, Replied};
use hearth_store::groups::{DirectoryQuery, Group, GroupId, Joined, Membership, NewGroup};
use hearth_store::people::AccountId;
use hearth_store::{Entity, Store, StoreError};
use jiff::Timestamp;

/// 2027-01-15T08:00:00Z.
pub const T0: i64 = 1_800_000_000;

/// `T0` moved by `offset` seconds.
pub fn t(offset: i64) -> Timestamp {
    Timestamp::from_second(T0 + offset).expect("a valid test instant")
}

pub const NORMS: &str = "What is shared here stays here. Listen first; no advice unless asked.";
pub const NEW_NORMS: &str = "What is shared here stays here. Crosstalk is welcome when kind.";

pub fn expect_not_found<T: Debug>(result: Result<T, StoreError>, entity: Entity) {
    match result {
        Err(StoreError::NotFound(found)) => assert_eq!(found, entity),
        other => panic!("expected {entity} not found, got {other:?}"),
    }
}

/// A reason for the audit log.
pub fn why(text: &str) -> ModeratorReason {
    ModeratorReason::parse(text).expect("a valid test reason")
}

/// The account key a `@name` mention is looked up by.
pub fn key(name: &str) -> String {
    Handle::key_of(name)
}

pub async fn person(store: &Store, name: &str) -> AccountId {
    let handle = Handle::parse(name).expect("a valid test handle");
    store
        .create_account(&handle, "hash", None, t(0))
        .await
        .expect("the test account is created")
        .id
}

pub async fn make_group_with(
    store: &Store,
    owner: AccountId,
    name: &str,
    description: &str,
    kind: GroupKind,
    tags: &[&str],
    at: Timestamp,
) -> Group {
    let name = GroupName::parse(name).unwrap();
    let description = Description::parse(description).unwrap();
    let tags = Tags::parse(tags.iter().copied()).unwrap();
    let language = GroupLanguage::default();
    let norms = Norms::parse(NORMS).unwrap();
    let new = NewGroup {
        name: &name,
        description: &description,
        kind,
        tags: &tags,
        language: &language,
        norms: &norms,
    };
    store.create_group(&new, owner, at).await.unwrap()
}

pub async fn make_group(store: &Store, owner: AccountId, name: &str, kind: GroupKind) -> Group {
    make_group_with(store, owner, name, "", kind, &[], t(0)).await
}

/// Joins at the group's current norms version.
pub async fn join(store: &Store, group: GroupId, who: AccountId, at: Timestamp) {
    let version = store.group(group).await.unwrap().unwrap().norms_version;
    assert_eq!(
        store.join_group(group, who, version, at).await.unwrap(),
        Joined::Joined
    );
}

pub async fn membership(store: &Store, group: GroupId, who: AccountId) -> Option<Membership> {
    store
        .group_with_membership(group, who)
        .await
        .unwrap()
        .expect("the group exists")
        .1
}

pub async fn role_of(store: &Store, group: GroupId, who: AccountId) -> Option<GroupRole> {
    membership(store, group, who)
        .await
        .filter(Membership::is_active)
        .map(|m| m.role)
}

pub async fn share_with(
    store: &Store,
    group: GroupId,
    author: AccountId,
    share: &NewShare<'_>,
    mentions: &[String],
    request_key: &str,
    at: Timestamp,
) -> PostId {
    store
        .create_share(group, author, share, mentions, request_key, at)
        .await
        .unwrap()
}

/// A plain share, its text as its request key.
pub async fn share(
    store: &Store,
    group: GroupId,
    author: AccountId,
    text: &str,
    at: Timestamp,
) -> PostId {
    let body = Body::share(text).unwrap();
    let new = NewShare {
        kind: ShareKind::Share,
        title: None,
        body: &body,
        anonymous: false,
        crisis: false,
    };
    share_with(store, group, author, &new, &[], text, at).await
}

#[allow(clippy::too_many_arguments)]
pub async fn reply_with(
    store: &Store,
    group: GroupId,
    author: AccountId,
    thread: PostId,
    text: &str,
    anonymous: bool,
    quoting: Option<PostId>,
    mentions: &[String],
    at: Timestamp,
) -> Replied {
    let body = Body::reply(text).unwrap();
    let reply = NewReply {
        thread,
        body: &body,
        anonymous,
        quoting,
        crisis: false,
    };
    store
        .create_reply(group, author, &reply, mentions, text, at)
        .await
        .unwrap()
}

/// A plain reply, its text as its request key.
pub async fn reply(
    store: &Store,
    group: GroupId,
    author: AccountId,
    thread: PostId,
    text: &str,
    at: Timestamp,
) -> Replied {
    reply_with(store, group, author, thread, text, false, None, &[], at).await
}

pub fn posted(replied: Replied) -> PostId {
    match replied {
        Replied::Posted(id) => id,
        Replied::Closed => panic!("the reply was refused as closed"),
    }
}

pub async fn reply_count(store: &Store, group: GroupId, thread: PostId) -> i64 {
    store
        .post(group, thread)
        .await
        .unwrap()
        .unwrap()
        .reply_count
}

pub async fn listed(store: &Store, tag: Option<Tag>, text: Option<&str>) -> Vec<GroupId> {
    let query = DirectoryQuery {
        tag,
        text: text.map(str::to_owned),
        after: None,
        limit: 100,
    };
    let found = store.listed_groups(&query).await.unwrap();
    found.into_iter().map(|listing| listing.group.id).collect()
}

pub async fn notes(store: &Store, who: AccountId) -> Vec<Notification> {
    store.notifications(who, None, 100).await.unwrap()
}

pub fn kinds(notes: &[Notification]) -> Vec<(NotificationKind, Option<PostId>)> {
    notes.iter().map(|n| (n.kind, n.post_id)).collect()
}

pub async fn audit(store: &Store, group: GroupId) -> Vec<AuditEntry> {
    store.audit_log(group).await.unwrap()
}
