//! Each person's notifications: replies to their shares, mentions,
//! approvals and norm changes; and from moderation, a crisis in a group they
//! facilitate, the outcome of their report, or a warning to them.

use jiff::Timestamp;

use super::GroupId;
use super::posts::PostId;
use crate::moderation::ReportId;
use crate::people::AccountId;
use crate::{Store, StoreError, from_seconds, on_pool, to_seconds};

/// The database id of a notification.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NotificationId(pub i64);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotificationKind {
    Reply,
    Mention,
    Approved,
    NormsChanged,
    /// To facilitators: someone in their group may be in crisis.
    Crisis,
    /// To a reporter: their report was closed.
    ReportClosed,
    /// To a member: a moderator warned them, and says why.
    Warning,
}

impl NotificationKind {
    pub fn as_str(self) -> &'static str {
        match self {
            NotificationKind::Reply => "reply",
            NotificationKind::Mention => "mention",
            NotificationKind::Approved => "approved",
            NotificationKind::NormsChanged => "norms_changed",
            NotificationKind::Crisis => "crisis",
            NotificationKind::ReportClosed => "report_closed",
            NotificationKind::Warning => "warning",
        }
    }

    fn parse(text: &str) -> Option<NotificationKind> {
        Some(match text {
            "reply" => NotificationKind::Reply,
            "mention" => NotificationKind::Mention,
            "approved" => NotificationKind::Approved,
            "norms_changed" => NotificationKind::NormsChanged,
            "crisis" => NotificationKind::Crisis,
            "report_closed" => NotificationKind::ReportClosed,
            "warning" => NotificationKind::Warning,
            _ => return None,
        })
    }
}

/// A notification as its reader sees it. The post's author is named only
/// when the post is not anonymous.
#[derive(Debug, Clone, PartialEq)]
pub struct Notification {
    pub id: NotificationId,
    pub kind: NotificationKind,
    pub group_id: GroupId,
    pub group_name: String,
    pub post_id: Option<PostId>,
    /// The thread the post is in, for the link.
    pub thread_id: Option<PostId>,
    pub actor: Option<String>,
    /// The report a moderation notification is about.
    pub report_id: Option<ReportId>,
    pub created_at: Timestamp,
    pub read: bool,
}

impl Store {
    /// The newest notifications first, before `before` if given, and only
    /// from groups the person is still an active member of, about posts
    /// still there (in threads still there): nothing reaches across the wall
    /// after a person leaves or is removed.
    pub async fn notifications(
        &self,
        account: AccountId,
        before: Option<NotificationId>,
        limit: u32,
    ) -> Result<Vec<Notification>, StoreError> {
        let sql = "SELECT n.id, n.kind, n.group_id, g.name, n.post_id,
                          COALESCE(p.thread_id, p.id) AS thread_id,
                          CASE WHEN p.anonymous THEN NULL ELSE p.author_handle END AS actor,
                          n.report_id, n.created_at, n.read_at
                   FROM notifications n
                   JOIN groups g ON g.id = n.group_id
                   JOIN memberships m ON m.group_id = n.group_id AND m.account_id = n.account_id
                        AND m.status = 'active'
                   LEFT JOIN posts p ON p.id = n.post_id
                   LEFT JOIN posts s ON s.id = p.thread_id
                   WHERE n.account_id = $1 AND n.id < $2
                     AND (n.post_id IS NULL OR (p.removed_at IS NULL AND s.removed_at IS NULL))
                   ORDER BY n.id DESC LIMIT $3";
        #[allow(clippy::type_complexity)]
        let rows: Vec<(
            i64,
            String,
            i64,
            String,
            Option<i64>,
            Option<i64>,
            Option<String>,
            Option<i64>,
            i64,
            Option<i64>,
        )> = on_pool!(self, |pool| {
            sqlx::query_as(sql)
                .bind(account.0)
                .bind(before.map_or(i64::MAX, |id| id.0))
                .bind(i64::from(limit))
                .fetch_all(pool)
                .await
        })?;
        Ok(rows
            .into_iter()
            .filter_map(
                |(
                    id,
                    kind,
                    group,
                    group_name,
                    post,
                    thread,
                    actor,
                    report,
                    created_at,
                    read_at,
                )| {
                    Some(Notification {
                        id: NotificationId(id),
                        kind: NotificationKind::parse(&kind)?,
                        group_id: GroupId(group),
                        group_name,
                        post_id: post.map(PostId),
                        thread_id: thread.map(PostId),
                        actor,
                        report_id: report.map(ReportId),
                        created_at: from_seconds(created_at),
                        read: read_at.is_some(),
                    })
                },
            )
            .collect())
    }

    /// How many notifications the person has not read, counted as
    /// [`Store::notifications`] shows them.
    pub async fn unread_notification_count(&self, account: AccountId) -> Result<i64, StoreError> {
        let sql = "SELECT COUNT(*) FROM notifications n
                   JOIN memberships m ON m.group_id = n.group_id AND m.account_id = n.account_id
                        AND m.status = 'active'
                   LEFT JOIN posts p ON p.id = n.post_id
                   LEFT JOIN posts s ON s.id = p.thread_id
                   WHERE n.account_id = $1 AND n.read_at IS NULL
                     AND (n.post_id IS NULL OR (p.removed_at IS NULL AND s.removed_at IS NULL))";
        let count: i64 = on_pool!(self, |pool| {
            sqlx::query_scalar(sql)
                .bind(account.0)
                .fetch_one(pool)
                .await
        })?;
        Ok(count)
    }

    /// Marks one notification read, or all of them when `only` is `None`.
    pub async fn mark_notifications_read(
        &self,
        account: AccountId,
        only: Option<NotificationId>,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        let sql = "UPDATE notifications SET read_at = $2
                   WHERE account_id = $1 AND read_at IS NULL AND ($3 = 0 OR id = $3)";
        on_pool!(self, |pool| {
            sqlx::query(sql)
                .bind(account.0)
                .bind(to_seconds(now))
                .bind(only.map_or(0, |id| id.0))
                .execute(pool)
                .await
                .map(|_| ())
        })?;
        Ok(())
    }
}
