//! Who may do what inside a group.
//!
//! Kept as one table ([`GroupRole::may`]) so the web layer asks a question
//! ("may this person pin threads?") instead of comparing roles itself, and
//! a change of policy is a change in one place.

use std::fmt;
use std::str::FromStr;

/// A member's standing in one group. Site-wide powers are
/// [`crate::people::Role`]; these apply inside a single group only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum GroupRole {
    /// Started the group, or was handed it. Exactly one per group, so
    /// someone is always answerable for it.
    Owner,
    /// Holds the space: welcomes, moderates, keeps the norms.
    Facilitator,
    Member,
}

impl GroupRole {
    pub const ALL: [GroupRole; 3] = [GroupRole::Owner, GroupRole::Facilitator, GroupRole::Member];

    pub fn as_str(self) -> &'static str {
        match self {
            GroupRole::Owner => "owner",
            GroupRole::Facilitator => "facilitator",
            GroupRole::Member => "member",
        }
    }

    /// Whether this role moderates the group (the owner facilitates too).
    pub fn is_facilitator(self) -> bool {
        match self {
            GroupRole::Owner | GroupRole::Facilitator => true,
            GroupRole::Member => false,
        }
    }

    /// Whether someone with this role may do `action` in their group.
    ///
    /// Members take part; facilitators also run the group day to day;
    /// only the owner decides who facilitates and who owns, so facilitators
    /// cannot promote each other or take the group over.
    pub fn may(self, action: GroupAction) -> bool {
        match action {
            GroupAction::Post | GroupAction::Reply | GroupAction::Respond => true,
            GroupAction::ApproveRequests
            | GroupAction::ManageInvites
            | GroupAction::EditNorms
            | GroupAction::PinThreads
            | GroupAction::LockThreads
            | GroupAction::RemovePosts
            | GroupAction::RemoveMembers
            | GroupAction::MuteMembers
            | GroupAction::EditGroup => self.is_facilitator(),
            GroupAction::ChangeRoles | GroupAction::TransferOwnership => self == GroupRole::Owner,
        }
    }
}

impl fmt::Display for GroupRole {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A group role name that is not one of Hearth's; from the database this
/// means a bug or a migration gone wrong, never user input.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown group role {0:?}; the roles are owner, facilitator and member")]
pub struct UnknownGroupRole(pub String);

impl UnknownGroupRole {
    pub fn code(&self) -> &'static str {
        "unknown_role"
    }
}

impl FromStr for GroupRole {
    type Err = UnknownGroupRole;

    fn from_str(s: &str) -> Result<GroupRole, UnknownGroupRole> {
        GroupRole::ALL
            .into_iter()
            .find(|role| role.as_str() == s)
            .ok_or_else(|| UnknownGroupRole(s.to_owned()))
    }
}

/// Something a person can do inside a group, for [`GroupRole::may`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum GroupAction {
    /// Start a thread (a share, question or celebration).
    Post,
    Reply,
    /// Leave a one-tap support response.
    Respond,
    /// Let in people who asked to join a request-only group.
    ApproveRequests,
    ManageInvites,
    EditNorms,
    PinThreads,
    LockThreads,
    RemovePosts,
    RemoveMembers,
    MuteMembers,
    /// Make someone a facilitator, or a member again.
    ChangeRoles,
    TransferOwnership,
    /// Change the name, description, kind, tags or language.
    EditGroup,
}

impl GroupAction {
    pub const ALL: [GroupAction; 14] = [
        GroupAction::Post,
        GroupAction::Reply,
        GroupAction::Respond,
        GroupAction::ApproveRequests,
        GroupAction::ManageInvites,
        GroupAction::EditNorms,
        GroupAction::PinThreads,
        GroupAction::LockThreads,
        GroupAction::RemovePosts,
        GroupAction::RemoveMembers,
        GroupAction::MuteMembers,
        GroupAction::ChangeRoles,
        GroupAction::TransferOwnership,
        GroupAction::EditGroup,
    ];
}

/// Whether `actor` may remove or mute someone whose role is `target`.
///
/// Moderation only flows down: the owner over facilitators and members,
/// facilitators over members. Nobody can remove the owner (ownership must be
/// transferred first, so a group is never left without one), and
/// facilitators cannot remove each other, which stops one facilitator from
/// quietly taking a group away from the rest.
pub fn may_act_on(actor: GroupRole, target: GroupRole) -> bool {
    match (actor, target) {
        (GroupRole::Owner, GroupRole::Facilitator | GroupRole::Member) => true,
        (GroupRole::Facilitator, GroupRole::Member) => true,
        (GroupRole::Owner, GroupRole::Owner)
        | (GroupRole::Facilitator, GroupRole::Owner | GroupRole::Facilitator)
        | (GroupRole::Member, _) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_round_trip_through_their_names() {
        for role in GroupRole::ALL {
            assert_eq!(role.as_str().parse::<GroupRole>(), Ok(role));
            assert_eq!(role.to_string(), role.as_str());
        }
        let unknown = "admin".parse::<GroupRole>().unwrap_err();
        assert_eq!(unknown, UnknownGroupRole("admin".to_owned()));
        assert_eq!(unknown.code(), "unknown_role");
        assert!("Owner".parse::<GroupRole>().is_err());
    }

    #[test]
    fn owners_and_facilitators_facilitate() {
        assert!(GroupRole::Owner.is_facilitator());
        assert!(GroupRole::Facilitator.is_facilitator());
        assert!(!GroupRole::Member.is_facilitator());
    }

    #[test]
    fn the_permission_table() {
        use GroupAction::*;
        // (action, member, facilitator, owner)
        let table = [
            (Post, true, true, true),
            (Reply, true, true, true),
            (Respond, true, true, true),
            (ApproveRequests, false, true, true),
            (ManageInvites, false, true, true),
            (EditNorms, false, true, true),
            (PinThreads, false, true, true),
            (LockThreads, false, true, true),
            (RemovePosts, false, true, true),
            (RemoveMembers, false, true, true),
            (MuteMembers, false, true, true),
            (ChangeRoles, false, false, true),
            (TransferOwnership, false, false, true),
            (EditGroup, false, true, true),
        ];
        assert_eq!(table.len(), GroupAction::ALL.len());
        for (action, member, facilitator, owner) in table {
            assert_eq!(GroupRole::Member.may(action), member, "member {action:?}");
            assert_eq!(
                GroupRole::Facilitator.may(action),
                facilitator,
                "facilitator {action:?}"
            );
            assert_eq!(GroupRole::Owner.may(action), owner, "owner {action:?}");
        }
        // Every action is in the table exactly once.
        for action in GroupAction::ALL {
            assert_eq!(table.iter().filter(|row| row.0 == action).count(), 1);
        }
    }

    #[test]
    fn moderation_only_flows_down() {
        use GroupRole::*;
        // (actor, target, allowed)
        let table = [
            (Owner, Owner, false),
            (Owner, Facilitator, true),
            (Owner, Member, true),
            (Facilitator, Owner, false),
            (Facilitator, Facilitator, false),
            (Facilitator, Member, true),
            (Member, Owner, false),
            (Member, Facilitator, false),
            (Member, Member, false),
        ];
        assert_eq!(table.len(), GroupRole::ALL.len() * GroupRole::ALL.len());
        for (actor, target, allowed) in table {
            assert_eq!(
                may_act_on(actor, target),
                allowed,
                "{actor:?} on {target:?}"
            );
        }
    }
}
