//! The privacy wall. Every route that shows or changes a group's content
//! takes a [`Member`], and only an active member of the group gets one:
//! anyone else (signed out, never joined, left, removed) gets 404, the same
//! answer as for a group that does not exist, so a hidden group's existence
//! is never revealed.
//!
//! Pages outside the wall (a group's about page, an invitation, a way in)
//! show only a group's public face, and where the person stands with it
//! ([`Standing`]).

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use hearth_domain::groups::{GroupAction, may_act_on};
use hearth_store::groups::{Group, GroupId, Membership};
use hearth_store::people::AccountId;
use jiff::Timestamp;

use crate::auth::CurrentUser;
use crate::auth::session::NamedGroup;
use crate::{AppError, AppState};

/// An active member of the group the path's `{group}` names.
#[derive(Debug, Clone)]
pub struct Member {
    pub user: CurrentUser,
    pub group: Group,
    pub membership: Membership,
}

impl Member {
    /// Whether the member's role allows `action`.
    pub fn may(&self, action: GroupAction) -> bool {
        self.membership.role.may(action)
    }

    /// Refuses (403: they know the group) a member whose role does not
    /// allow `action`.
    pub fn require(&self, action: GroupAction) -> Result<(), AppError> {
        if self.may(action) {
            Ok(())
        } else {
            Err(AppError::NotAllowed)
        }
    }

    /// Whether the member has agreed to the group's current norms.
    pub fn has_agreed(&self) -> bool {
        self.membership.norms_version == self.group.norms_version
    }

    pub fn is_muted(&self, now: Timestamp) -> bool {
        self.membership.is_muted(now)
    }

    /// The active membership of `account` in this member's group, if any.
    pub async fn fellow(
        &self,
        state: &AppState,
        account: AccountId,
    ) -> Result<Option<Membership>, AppError> {
        Ok((state.store)
            .group_with_membership(self.group.id, account)
            .await?
            .and_then(|(_, membership)| membership)
            .filter(Membership::is_active))
    }

    /// The active member `account`, if this member may act on them: 404
    /// when there is no such member, 403 when they are the owner, this
    /// member, or (for a facilitator) another facilitator.
    pub async fn target(
        &self,
        state: &AppState,
        account: AccountId,
    ) -> Result<Membership, AppError> {
        let target = (self.fellow(state, account).await?).ok_or(AppError::NotFound)?;
        if may_act_on(self.membership.role, target.role) {
            Ok(target)
        } else {
            Err(AppError::NotAllowed)
        }
    }
}

/// Where a person stands with a group they look at from outside the wall:
/// its about page, an invitation, a way in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    SignedOut,
    Outside,
    /// Asked to join a group by request, not yet decided.
    Waiting,
    Member,
}

impl Standing {
    /// Its name in the API.
    pub fn as_str(self) -> &'static str {
        match self {
            Standing::SignedOut => "signed_out",
            Standing::Outside => "outside",
            Standing::Waiting => "waiting",
            Standing::Member => "member",
        }
    }
}

/// A group and the person's active membership of it, if any, in one read;
/// 404 when there is no such group.
pub async fn group_and_membership(
    state: &AppState,
    group: GroupId,
    user: Option<&CurrentUser>,
) -> Result<(Group, Option<Membership>), AppError> {
    let found = match user {
        Some(user) => (state.store)
            .group_with_membership(group, user.account.id)
            .await?
            .map(|(group, membership)| (group, membership.filter(Membership::is_active))),
        None => state.store.group(group).await?.map(|group| (group, None)),
    };
    found.ok_or(AppError::NotFound)
}

/// Where `user` stands with `group`, given their active membership of it
/// (from [`group_and_membership`]).
pub async fn standing(
    state: &AppState,
    group: GroupId,
    user: Option<&CurrentUser>,
    membership: Option<&Membership>,
) -> Result<Standing, AppError> {
    Ok(match (user, membership) {
        (None, _) => Standing::SignedOut,
        (Some(_), Some(_)) => Standing::Member,
        (Some(user), None) if state.store.has_join_request(group, user.account.id).await? => {
            Standing::Waiting
        }
        (Some(_), None) => Standing::Outside,
    })
}

/// The `{group}` of a route's path parameters, when it is a number.
pub(crate) fn group_in_path<'a>(
    params: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Option<GroupId> {
    let (_, value) = params.into_iter().find(|(name, _)| *name == "group")?;
    value.parse().ok().map(GroupId)
}

impl FromRequestParts<AppState> for Member {
    type Rejection = AppError;

    /// Decides from what the session middleware read with the session (see
    /// [`NamedGroup`]), so the wall costs no statement of its own.
    async fn from_request_parts(parts: &mut Parts, _: &AppState) -> Result<Self, AppError> {
        let user = (parts.extensions.get::<CurrentUser>().cloned()).ok_or(AppError::NotFound)?;
        let NamedGroup { group, membership } =
            (parts.extensions.get::<NamedGroup>().cloned()).ok_or(AppError::NotFound)?;
        let membership = membership
            .filter(Membership::is_active)
            .ok_or(AppError::NotFound)?;
        Ok(Member {
            user,
            group,
            membership,
        })
    }
}
