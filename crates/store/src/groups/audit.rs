//! What facilitators do to members and posts, each written with its entry
//! in the append-only audit log in the same transaction.

use hearth_domain::moderation::Decision;
use hearth_domain::people::Role;
use jiff::Timestamp;

use super::posts::PostId;
use super::{GroupId, found, lock_group};
use crate::moderation::Moderator;
use crate::people::AccountId;
use crate::{BeginWrite, Entity, Store, StoreError, from_seconds, on_pool, to_seconds};

/// What a moderator did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuditAction {
    RemovePost,
    RemoveMember,
    MuteMember,
    RevealAuthor,
    DismissReport,
    HidePost,
    UnhidePost,
    WarnMember,
    SuspendAccount,
    /// By the site's operator, at the console.
    LiftSuspension,
    PinThread,
    UnpinThread,
    LockThread,
    UnlockThread,
    EditSettings,
    EditNorms,
    ApproveRequest,
    DeclineRequest,
    CreateInvite,
    RevokeInvite,
    MakeFacilitator,
    MakeMember,
    TransferOwnership,
    /// By the site's operator, at the console, as the four below.
    GrantAdmin,
    RevokeAdmin,
    GrantDirectory,
    RevokeDirectory,
}

impl AuditAction {
    pub const ALL: [AuditAction; 27] = [
        AuditAction::RemovePost,
        AuditAction::RemoveMember,
        AuditAction::MuteMember,
        AuditAction::RevealAuthor,
        AuditAction::DismissReport,
        AuditAction::HidePost,
        AuditAction::UnhidePost,
        AuditAction::WarnMember,
        AuditAction::SuspendAccount,
        AuditAction::LiftSuspension,
        AuditAction::PinThread,
        AuditAction::UnpinThread,
        AuditAction::LockThread,
        AuditAction::UnlockThread,
        AuditAction::EditSettings,
        AuditAction::EditNorms,
        AuditAction::ApproveRequest,
        AuditAction::DeclineRequest,
        AuditAction::CreateInvite,
        AuditAction::RevokeInvite,
        AuditAction::MakeFacilitator,
        AuditAction::MakeMember,
        AuditAction::TransferOwnership,
        AuditAction::GrantAdmin,
        AuditAction::RevokeAdmin,
        AuditAction::GrantDirectory,
        AuditAction::RevokeDirectory,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            AuditAction::RemovePost => "remove_post",
            AuditAction::RemoveMember => "remove_member",
            AuditAction::MuteMember => "mute_member",
            AuditAction::RevealAuthor => "reveal_author",
            AuditAction::DismissReport => "dismiss_report",
            AuditAction::HidePost => "hide_post",
            AuditAction::UnhidePost => "unhide_post",
            AuditAction::WarnMember => "warn_member",
            AuditAction::SuspendAccount => "suspend_account",
            AuditAction::LiftSuspension => "lift_suspension",
            AuditAction::PinThread => "pin_thread",
            AuditAction::UnpinThread => "unpin_thread",
            AuditAction::LockThread => "lock_thread",
            AuditAction::UnlockThread => "unlock_thread",
            AuditAction::EditSettings => "edit_settings",
            AuditAction::EditNorms => "edit_norms",
            AuditAction::ApproveRequest => "approve_request",
            AuditAction::DeclineRequest => "decline_request",
            AuditAction::CreateInvite => "create_invite",
            AuditAction::RevokeInvite => "revoke_invite",
            AuditAction::MakeFacilitator => "make_facilitator",
            AuditAction::MakeMember => "make_member",
            AuditAction::TransferOwnership => "transfer_ownership",
            AuditAction::GrantAdmin => "grant_admin",
            AuditAction::RevokeAdmin => "revoke_admin",
            AuditAction::GrantDirectory => "grant_directory",
            AuditAction::RevokeDirectory => "revoke_directory",
        }
    }

    /// The entry for granting `role`.
    pub fn granting(role: Role) -> AuditAction {
        match role {
            Role::Admin => AuditAction::GrantAdmin,
            Role::Directory => AuditAction::GrantDirectory,
        }
    }

    /// The entry for taking `role` away.
    pub fn revoking(role: Role) -> AuditAction {
        match role {
            Role::Admin => AuditAction::RevokeAdmin,
            Role::Directory => AuditAction::RevokeDirectory,
        }
    }

    fn parse(text: &str) -> Option<AuditAction> {
        AuditAction::ALL.into_iter().find(|a| a.as_str() == text)
    }

    /// Whether the entry may name the person acted on: it does for what was
    /// done to a person, never for what was done to a post (its author is
    /// not the log's business), and never for an anonymous author at all
    /// ([`Store::audit_log`] leaves that name out).
    pub fn names_its_target(self) -> bool {
        matches!(
            self,
            AuditAction::RemoveMember
                | AuditAction::MuteMember
                | AuditAction::WarnMember
                | AuditAction::SuspendAccount
                | AuditAction::LiftSuspension
                | AuditAction::ApproveRequest
                | AuditAction::DeclineRequest
                | AuditAction::MakeFacilitator
                | AuditAction::MakeMember
                | AuditAction::TransferOwnership
                | AuditAction::GrantAdmin
                | AuditAction::RevokeAdmin
                | AuditAction::GrantDirectory
                | AuditAction::RevokeDirectory
        )
    }

    /// The entry a moderator's decision on a report is written as.
    pub fn of(decision: Decision) -> AuditAction {
        match decision {
            Decision::Dismiss => AuditAction::DismissReport,
            Decision::Hide => AuditAction::HidePost,
            Decision::Remove => AuditAction::RemovePost,
            Decision::Warn => AuditAction::WarnMember,
            Decision::Mute { .. } => AuditAction::MuteMember,
            Decision::RemoveFromGroup => AuditAction::RemoveMember,
            Decision::Suspend(_) => AuditAction::SuspendAccount,
        }
    }
}

/// One line of the audit log.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditEntry {
    pub id: i64,
    pub actor: Option<String>,
    pub action: AuditAction,
    pub group_id: Option<GroupId>,
    pub target_account: Option<String>,
    pub target_post: Option<PostId>,
    pub reason: String,
    pub created_at: Timestamp,
}

/// An audit entry's columns. The person acted on is not named when the
/// entry is about an anonymous post: only the audited reveal names its
/// author.
macro_rules! audit_select {
    () => {
        "SELECT l.id, actor.handle, l.action, l.group_id,
        CASE WHEN tp.anonymous THEN NULL ELSE target.handle END,
        l.target_post_id, l.reason, l.created_at
     FROM audit_log l
     LEFT JOIN accounts actor ON actor.id = l.actor_id
     LEFT JOIN accounts target ON target.id = l.target_account_id
     LEFT JOIN posts tp ON tp.id = l.target_post_id"
    };
}

/// Appends to the audit log inside `$tx`.
macro_rules! audit {
    ($tx:expr, $actor:expr, $action:expr, $group:expr, $account:expr, $post:expr, $reason:expr, $now:expr) => {
        sqlx::query(
            "INSERT INTO audit_log (actor_id, action, group_id, target_account_id,
                 target_post_id, reason, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind($actor.0)
        .bind($action.as_str())
        .bind($group.0)
        .bind($account)
        .bind($post)
        .bind($reason)
        .bind($now)
        .execute(&mut *$tx)
        .await?
    };
}
pub(crate) use audit;

/// Appends to the audit log inside `$tx` what the site's operator did at the
/// console to account `$account` (an `i64`): no actor, no group.
macro_rules! operator_audit {
    ($tx:expr, $action:expr, $account:expr, $reason:expr, $now:expr) => {
        sqlx::query(
            "INSERT INTO audit_log (actor_id, action, group_id, target_account_id,
                 target_post_id, reason, created_at)
             VALUES (NULL, $1, NULL, $2, NULL, $3, $4)",
        )
        .bind($action.as_str())
        .bind($account)
        .bind($reason.as_str())
        .bind(to_seconds($now))
        .execute(&mut *$tx)
        .await?
    };
}
pub(crate) use operator_audit;

/// Runs `$update` in a transaction of its own on `$pool` and, when it
/// changed exactly one row, writes its audit entry and commits. Evaluates
/// to whether it changed that row; a change that finds nothing to change
/// writes nothing.
macro_rules! audited_update {
    ($pool:expr, $update:expr, $actor:expr, $action:expr, $group:expr, $account:expr, $post:expr, $now:expr) => {
        async {
            let mut tx = $pool.begin_write().await?;
            if $update.execute(&mut *tx).await?.rows_affected() != 1 {
                return Ok(false);
            }
            let action = $action;
            audit!(tx, $actor, action, $group, $account, $post, "", $now);
            tx.commit().await?;
            Ok::<_, sqlx::Error>(true)
        }
        .await
    };
}
pub(crate) use audited_update;

impl Store {
    /// Removes a share (with its thread) or a reply from members' view; it
    /// is kept for the record.
    pub async fn remove_post(
        &self,
        group: GroupId,
        post: PostId,
        moderator: AccountId,
        reason: &str,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        let now = to_seconds(now);
        let removed = on_pool!(self, |pool| async {
            let mut tx = pool.begin_write().await?;
            if !lock_group!(tx, group) {
                tx.rollback().await?;
                return Ok(false);
            }
            let author: Option<i64> = sqlx::query_scalar(
                "UPDATE posts SET removed_at = $3, removed_by = $4
                 WHERE id = $2 AND group_id = $1 AND removed_at IS NULL RETURNING author_id",
            )
            .bind(group.0)
            .bind(post.0)
            .bind(now)
            .bind(moderator.0)
            .fetch_optional(&mut *tx)
            .await?;
            let Some(author) = author else {
                tx.rollback().await?;
                return Ok(false);
            };
            // A removed reply no longer counts in its thread.
            sqlx::query(
                "UPDATE posts SET reply_count = reply_count - 1
                 WHERE id = (SELECT thread_id FROM posts WHERE id = $1)",
            )
            .bind(post.0)
            .execute(&mut *tx)
            .await?;
            let action = AuditAction::RemovePost;
            audit!(
                tx,
                moderator,
                action,
                group,
                Some(author),
                Some(post.0),
                reason,
                now
            );
            tx.commit().await?;
            Ok::<_, sqlx::Error>(true)
        }
        .await)?;
        found(removed, Entity::Post)
    }

    /// Removes a member (never the owner) from the group. To come back to a
    /// hidden group they need a new invitation.
    pub async fn remove_member(
        &self,
        group: GroupId,
        member: AccountId,
        moderator: AccountId,
        reason: &str,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        self.moderate_member(group, member, None, moderator, reason, now)
            .await
    }

    /// Stops a member (never the owner) posting until `until`; they still
    /// read.
    pub async fn mute_member(
        &self,
        group: GroupId,
        member: AccountId,
        until: Timestamp,
        moderator: AccountId,
        reason: &str,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        self.moderate_member(group, member, Some(until), moderator, reason, now)
            .await
    }

    /// Mutes the member until `mute_until`, or removes them when it is
    /// `None`, with the audit entry, in one transaction.
    async fn moderate_member(
        &self,
        group: GroupId,
        member: AccountId,
        mute_until: Option<Timestamp>,
        moderator: AccountId,
        reason: &str,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        let (sql, action) = match mute_until {
            None => (
                "UPDATE memberships SET status = 'removed'
                 WHERE group_id = $1 AND account_id = $2 AND status = 'active'
                   AND role <> 'owner'",
                AuditAction::RemoveMember,
            ),
            Some(_) => (
                "UPDATE memberships SET muted_until = $3
                 WHERE group_id = $1 AND account_id = $2 AND status = 'active'
                   AND role <> 'owner'",
                AuditAction::MuteMember,
            ),
        };
        let now = to_seconds(now);
        let done = on_pool!(self, |pool| async {
            let mut tx = pool.begin_write().await?;
            if !lock_group!(tx, group) {
                tx.rollback().await?;
                return Ok(false);
            }
            let update = sqlx::query(sql).bind(group.0).bind(member.0);
            let update = match mute_until {
                Some(until) => update.bind(to_seconds(until)),
                None => update,
            };
            if update.execute(&mut *tx).await?.rows_affected() == 0 {
                tx.rollback().await?;
                return Ok(false);
            }
            audit!(
                tx,
                moderator,
                action,
                group,
                Some(member.0),
                None::<i64>,
                reason,
                now
            );
            tx.commit().await?;
            Ok::<_, sqlx::Error>(true)
        }
        .await)?;
        found(done, Entity::Membership)
    }

    /// Tells a facilitator who wrote an anonymous post, writing why in the
    /// audit log first. Returns the author's handle.
    pub async fn reveal_author(
        &self,
        group: GroupId,
        post: PostId,
        moderator: AccountId,
        reason: &str,
        now: Timestamp,
    ) -> Result<String, StoreError> {
        let now = to_seconds(now);
        let handle = on_pool!(self, |pool| async {
            let mut tx = pool.begin_write().await?;
            if !lock_group!(tx, group) {
                tx.rollback().await?;
                return Ok(None);
            }
            let author: Option<(i64, String)> = sqlx::query_as(
                "SELECT author_id, author_handle FROM posts WHERE id = $2 AND group_id = $1",
            )
            .bind(group.0)
            .bind(post.0)
            .fetch_optional(&mut *tx)
            .await?;
            let Some((author, handle)) = author else {
                tx.rollback().await?;
                return Ok(None);
            };
            let action = AuditAction::RevealAuthor;
            audit!(
                tx,
                moderator,
                action,
                group,
                Some(author),
                Some(post.0),
                reason,
                now
            );
            tx.commit().await?;
            Ok::<_, sqlx::Error>(Some(handle))
        }
        .await)?;
        handle.ok_or(StoreError::NotFound(Entity::Post))
    }

    /// A group's audit log, newest first.
    pub async fn audit_log(&self, group: GroupId) -> Result<Vec<AuditEntry>, StoreError> {
        let sql = concat!(audit_select!(), " WHERE l.group_id = $1 ORDER BY l.id DESC");
        self.audit_entries(sql, group.0, None).await
    }

    /// The audit log `moderator` may read, newest first, at most `limit`
    /// entries: everything for an admin, and for anyone else the entries of
    /// the groups they facilitate or own.
    pub async fn audit_log_for(
        &self,
        moderator: Moderator,
        limit: u32,
    ) -> Result<Vec<AuditEntry>, StoreError> {
        let sql = concat!(
            audit_select!(),
            " WHERE $2 OR EXISTS (SELECT 1 FROM memberships m
                 WHERE m.group_id = l.group_id AND m.account_id = $1 AND m.status = 'active'
                   AND m.role IN ('owner', 'facilitator'))
             ORDER BY l.id DESC LIMIT $3"
        );
        self.audit_entries(
            sql,
            moderator.account().0,
            Some((moderator.is_admin(), i64::from(limit))),
        )
        .await
    }

    async fn audit_entries(
        &self,
        sql: &'static str,
        first: i64,
        admin_and_limit: Option<(bool, i64)>,
    ) -> Result<Vec<AuditEntry>, StoreError> {
        #[allow(clippy::type_complexity)]
        let rows: Vec<(
            i64,
            Option<String>,
            String,
            Option<i64>,
            Option<String>,
            Option<i64>,
            String,
            i64,
        )> = on_pool!(self, |pool| {
            let query = sqlx::query_as(sql).bind(first);
            let query = match admin_and_limit {
                Some((admin, limit)) => query.bind(admin).bind(limit),
                None => query,
            };
            query.fetch_all(pool).await
        })?;
        Ok(rows
            .into_iter()
            .filter_map(
                |(id, actor, action, group, target_account, target_post, reason, at)| {
                    Some(AuditEntry {
                        id,
                        actor,
                        action: AuditAction::parse(&action)?,
                        group_id: group.map(GroupId),
                        target_account,
                        target_post: target_post.map(PostId),
                        reason,
                        created_at: from_seconds(at),
                    })
                },
            )
            .collect())
    }
}
