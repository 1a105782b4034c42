//! Reports, the moderation queue, and what moderators decide.
//!
//! A report belongs to the group its post or person was met in, and waits
//! in that group's queue until a facilitator of the group, or a site admin,
//! closes it. Every decision is written with its audit entry in the same
//! transaction, and the reporter is told the outcome. Who may see a report
//! is part of each query ([`Moderator`]), so no caller can forget it.

use hearth_domain::moderation::{
    Decision, ModeratorReason, Outcome, ReportNote, ReportReason, ReportSource,
};
use jiff::Timestamp;

use crate::groups::audit::{AuditAction, audit, operator_audit};
use crate::groups::posts::PostId;
use crate::groups::{GroupId, lock_group};
use crate::people::AccountId;
use crate::{BeginWrite, Entity, Store, StoreError, from_seconds, on_pool, to_seconds};

/// The database id of a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ReportId(pub i64);

/// What a report is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reported {
    /// A share or a reply (and so its author).
    Post(PostId),
    /// A person met in the group.
    Person(AccountId),
}

/// Who is looking at the queue, which decides what they see in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Moderator {
    /// A site admin: every group's reports.
    Admin(AccountId),
    /// Anyone else: the reports of the groups they facilitate (or own),
    /// which for most people is none.
    Member(AccountId),
}

impl Moderator {
    pub fn account(self) -> AccountId {
        match self {
            Moderator::Admin(account) | Moderator::Member(account) => account,
        }
    }

    pub(crate) fn is_admin(self) -> bool {
        matches!(self, Moderator::Admin(_))
    }
}

/// The condition, on a report `r`, that moderator `$1` (admin when `$2`)
/// may see it.
macro_rules! may_moderate {
    () => {
        "($2 OR EXISTS (SELECT 1 FROM memberships m
         WHERE m.group_id = r.group_id AND m.account_id = $1 AND m.status = 'active'
           AND m.role IN ('owner', 'facilitator')))"
    };
}

/// A report as a moderator sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub id: ReportId,
    pub group_id: GroupId,
    pub group_name: String,
    pub reason: ReportReason,
    pub source: ReportSource,
    pub note: String,
    /// `None` when the detector raised it, or the reporter's account is gone.
    pub reporter: Option<String>,
    pub post: Option<ReportedPost>,
    /// The person reported: `None` when the report is about an anonymous
    /// post, whose author only the audited reveal names.
    pub person: Option<String>,
    pub created_at: Timestamp,
    pub closed: Option<Closed>,
}

/// The post a report is about, kept for the queue even once hidden or
/// removed.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportedPost {
    pub id: PostId,
    /// The thread, for the link: the post itself when it is a share.
    pub thread_id: PostId,
    pub html: String,
    pub anonymous: bool,
    /// Out of members' view, by removal or by hiding.
    pub removed: bool,
    /// Out of members' view, and can be put back.
    pub hidden: bool,
}

/// How and when a report was closed.
#[derive(Debug, Clone, PartialEq)]
pub struct Closed {
    pub outcome: Outcome,
    pub reason: String,
    pub at: Timestamp,
}

/// One of a person's own reports, as they see it: what became of it, not
/// who decided.
#[derive(Debug, Clone, PartialEq)]
pub struct OwnReport {
    pub id: ReportId,
    pub group_id: GroupId,
    pub group_name: String,
    pub reason: ReportReason,
    pub source: ReportSource,
    pub created_at: Timestamp,
    pub outcome: Option<Outcome>,
}

/// A warning a moderator gave a person, with their reason.
#[derive(Debug, Clone, PartialEq)]
pub struct Warning {
    pub report_id: ReportId,
    pub group_id: GroupId,
    pub group_name: String,
    pub reason: String,
    pub at: Timestamp,
}

/// Raises a crisis report from the detector for post `$post` by `$author`
/// in group `$group`, inside `$tx`, and tells the group's facilitators.
macro_rules! raise_crisis {
    ($tx:expr, $group:expr, $post:expr, $author:expr, $now:expr) => {{
        let report: i64 = sqlx::query_scalar(
            "INSERT INTO reports (group_id, reporter_id, post_id, account_id, reason, note,
                 source, created_at)
             VALUES ($1, NULL, $2, $3, 'crisis', '', 'detector', $4) RETURNING id",
        )
        .bind($group.0)
        .bind($post)
        .bind($author.0)
        .bind($now)
        .fetch_one(&mut *$tx)
        .await?;
        $crate::moderation::notify_facilitators!($tx, $group, report, $author, $now);
    }};
}
pub(crate) use raise_crisis;

/// Tells the group's facilitators (but never `$except`) of crisis report
/// `$report`, inside `$tx`.
macro_rules! notify_facilitators {
    ($tx:expr, $group:expr, $report:expr, $except:expr, $now:expr) => {
        sqlx::query(
            "INSERT INTO notifications (account_id, kind, group_id, post_id, created_at,
                 report_id)
             SELECT account_id, 'crisis', group_id, NULL, $3, $2 FROM memberships
             WHERE group_id = $1 AND status = 'active' AND role IN ('owner', 'facilitator')
               AND account_id <> $4",
        )
        .bind($group.0)
        .bind($report)
        .bind($now)
        .bind($except.0)
        .execute(&mut *$tx)
        .await?
    };
}
pub(crate) use notify_facilitators;

/// Takes post `$post` out of members' view inside `$tx`: hidden (can be put
/// back) or removed (for good; a hidden post can still be removed).
macro_rules! take_post_from_view {
    ($tx:expr, $post:expr, $moderator:expr, $decision:expr, $now:expr) => {{
        let hidden = $decision == Decision::Hide;
        let was_visible: Option<bool> = sqlx::query_scalar(
            "SELECT removed_at IS NULL FROM posts WHERE id = $1 AND (removed_at IS NULL OR hidden)",
        )
        .bind($post)
        .fetch_optional(&mut *$tx)
        .await?;
        if let Some(was_visible) = was_visible {
            sqlx::query(
                "UPDATE posts SET removed_at = COALESCE(removed_at, $2), removed_by = $3,
                     hidden = $4
                 WHERE id = $1",
            )
            .bind($post)
            .bind($now)
            .bind($moderator.0)
            .bind(hidden)
            .execute(&mut *$tx)
            .await?;
            if was_visible {
                // A reply out of view no longer counts in its thread.
                sqlx::query(
                    "UPDATE posts SET reply_count = reply_count - 1
                     WHERE id = (SELECT thread_id FROM posts WHERE id = $1)",
                )
                .bind($post)
                .execute(&mut *$tx)
                .await?;
            }
        }
    }};
}

/// What closing a report needs to know of it.
#[derive(sqlx::FromRow)]
struct OpenReport {
    group_id: i64,
    post_id: Option<i64>,
    account_id: i64,
    reporter_id: Option<i64>,
    source: String,
}

#[derive(sqlx::FromRow)]
struct ReportRow {
    id: i64,
    group_id: i64,
    group_name: String,
    reason: String,
    source: String,
    note: String,
    reporter: Option<String>,
    post_id: Option<i64>,
    thread_id: Option<i64>,
    html: Option<String>,
    anonymous: Option<bool>,
    removed: Option<bool>,
    hidden: Option<bool>,
    person: Option<String>,
    created_at: i64,
    outcome: Option<String>,
    outcome_reason: Option<String>,
    closed_at: Option<i64>,
}

impl ReportRow {
    fn into_report(self) -> Option<Report> {
        let post = match (self.post_id, self.html) {
            (Some(id), Some(html)) => Some(ReportedPost {
                id: PostId(id),
                thread_id: PostId(self.thread_id.unwrap_or(id)),
                html,
                anonymous: self.anonymous.unwrap_or(false),
                removed: self.removed.unwrap_or(false),
                hidden: self.hidden.unwrap_or(false),
            }),
            _ => None,
        };
        let closed = match (self.outcome, self.closed_at) {
            (Some(outcome), Some(at)) => Some(Closed {
                outcome: Outcome::parse(&outcome)?,
                reason: self.outcome_reason.unwrap_or_default(),
                at: from_seconds(at),
            }),
            _ => None,
        };
        Some(Report {
            id: ReportId(self.id),
            group_id: GroupId(self.group_id),
            group_name: self.group_name,
            reason: self.reason.parse().ok()?,
            source: ReportSource::parse(&self.source)?,
            note: self.note,
            reporter: self.reporter,
            post,
            person: self.person,
            created_at: from_seconds(self.created_at),
            closed,
        })
    }
}

/// The columns of [`ReportRow`], from reports `r` with their group `g`,
/// reporter `rp`, post `p` and reported person `a`. The person is named
/// unless the report is about an anonymous post that its author did not
/// raise themselves.
macro_rules! report_columns {
    () => {
        "r.id, r.group_id, g.name AS group_name, r.reason, r.source,
     r.note, rp.handle AS reporter, r.post_id, p.thread_id, p.body_html AS html, p.anonymous,
     p.removed_at IS NOT NULL AS removed, p.hidden,
     CASE WHEN p.anonymous AND r.source <> 'support' THEN NULL ELSE a.handle END AS person,
     r.created_at, r.outcome, r.outcome_reason, r.closed_at
     FROM reports r
     JOIN groups g ON g.id = r.group_id
     JOIN accounts a ON a.id = r.account_id
     LEFT JOIN accounts rp ON rp.id = r.reporter_id
     LEFT JOIN posts p ON p.id = r.post_id"
    };
}

impl Store {
    /// Files a member's report about a post of the group (one members can
    /// still see) or a person who is or was in it. Returns `None` when there
    /// is no such post or person in the group.
    pub async fn file_report(
        &self,
        group: GroupId,
        reporter: AccountId,
        reported: Reported,
        reason: ReportReason,
        note: &ReportNote,
        now: Timestamp,
    ) -> Result<ReportId, StoreError> {
        let (post, person) = match reported {
            Reported::Post(post) => (Some(post.0), None),
            Reported::Person(person) => (None, Some(person.0)),
        };
        // The person is the post's author when it is about a post.
        let sql = "INSERT INTO reports (group_id, reporter_id, post_id, account_id, reason, note,
                       source, created_at)
                   SELECT $1, $2, $3, who.account_id, $5, $6, 'member', $7
                   FROM (SELECT author_id AS account_id FROM posts
                         WHERE id = $3 AND group_id = $1 AND removed_at IS NULL
                         UNION ALL
                         SELECT account_id FROM memberships
                         WHERE group_id = $1 AND account_id = $4 AND $3 IS NULL) AS who
                   RETURNING id";
        let id: Option<i64> = on_pool!(self, |pool| {
            sqlx::query_scalar(sql)
                .bind(group.0)
                .bind(reporter.0)
                .bind(post)
                .bind(person)
                .bind(reason.as_str())
                .bind(note.as_str())
                .bind(to_seconds(now))
                .fetch_optional(pool)
                .await
        })?;
        id.map(ReportId).ok_or(StoreError::NotFound(match reported {
            Reported::Post(_) => Entity::Post,
            Reported::Person(_) => Entity::Membership,
        }))
    }

    /// The writer of a post asks their group's facilitators for support: a
    /// crisis report at the top of the queue, naming them even if the post
    /// is anonymous (the page says so before they ask). Asking twice about
    /// one post while the first is open gives the first back.
    pub async fn ask_for_support(
        &self,
        group: GroupId,
        post: PostId,
        writer: AccountId,
        now: Timestamp,
    ) -> Result<ReportId, StoreError> {
        let now = to_seconds(now);
        let id = on_pool!(self, |pool| async {
            let mut tx = pool.begin_write().await?;
            if !lock_group!(tx, group) {
                tx.rollback().await?;
                return Ok(None);
            }
            let open: Option<i64> = sqlx::query_scalar(
                "SELECT id FROM reports WHERE post_id = $1 AND reporter_id = $2
                   AND source = 'support' AND closed_at IS NULL",
            )
            .bind(post.0)
            .bind(writer.0)
            .fetch_optional(&mut *tx)
            .await?;
            if let Some(id) = open {
                tx.rollback().await?;
                return Ok(Some(id));
            }
            let id: Option<i64> = sqlx::query_scalar(
                "INSERT INTO reports (group_id, reporter_id, post_id, account_id, reason, note,
                     source, created_at)
                 SELECT $1, $3, id, $3, 'crisis', '', 'support', $4 FROM posts
                 WHERE id = $2 AND group_id = $1 AND author_id = $3
                 RETURNING id",
            )
            .bind(group.0)
            .bind(post.0)
            .bind(writer.0)
            .bind(now)
            .fetch_optional(&mut *tx)
            .await?;
            let Some(id) = id else {
                tx.rollback().await?;
                return Ok(None);
            };
            notify_facilitators!(tx, group, id, writer, now);
            tx.commit().await?;
            Ok::<_, sqlx::Error>(Some(id))
        }
        .await)?;
        id.map(ReportId).ok_or(StoreError::NotFound(Entity::Post))
    }

    /// The open reports `moderator` may act on: crisis first, then the
    /// oldest.
    pub async fn open_reports(&self, moderator: Moderator) -> Result<Vec<Report>, StoreError> {
        let sql = concat!(
            "SELECT ",
            report_columns!(),
            " WHERE r.closed_at IS NULL AND ",
            may_moderate!(),
            " ORDER BY CASE WHEN r.reason = 'crisis' THEN 0 ELSE 1 END, r.id"
        );
        self.reports_where(sql, moderator, None).await
    }

    /// The reports `moderator` closed or may see closed, newest first, at
    /// most `limit`: what was decided lately, and the hidden posts that can
    /// be put back.
    pub async fn closed_reports(
        &self,
        moderator: Moderator,
        limit: u32,
    ) -> Result<Vec<Report>, StoreError> {
        let sql = concat!(
            "SELECT ",
            report_columns!(),
            " WHERE r.closed_at IS NOT NULL AND ",
            may_moderate!(),
            " ORDER BY r.closed_at DESC, r.id DESC LIMIT $3"
        );
        self.reports_where(sql, moderator, Some(i64::from(limit)))
            .await
    }

    /// One report, if `moderator` may see it.
    pub async fn report(
        &self,
        id: ReportId,
        moderator: Moderator,
    ) -> Result<Option<Report>, StoreError> {
        let sql = concat!(
            "SELECT ",
            report_columns!(),
            " WHERE r.id = $3 AND ",
            may_moderate!()
        );
        let mut found = self.reports_where(sql, moderator, Some(id.0)).await?;
        Ok(found.pop())
    }

    async fn reports_where(
        &self,
        sql: &'static str,
        moderator: Moderator,
        third: Option<i64>,
    ) -> Result<Vec<Report>, StoreError> {
        let rows: Vec<ReportRow> = on_pool!(self, |pool| {
            let query = sqlx::query_as(sql)
                .bind(moderator.account().0)
                .bind(moderator.is_admin());
            let query = match third {
                Some(value) => query.bind(value),
                None => query,
            };
            query.fetch_all(pool).await
        })?;
        Ok(rows
            .into_iter()
            .filter_map(ReportRow::into_report)
            .collect())
    }

    /// Closes an open report that `moderator` may act on with `decision`,
    /// carries the decision out, writes it to the audit log and tells the
    /// reporter, all in one transaction.
    ///
    /// [`StoreError::NotFound`] for [`Entity::Report`] when the report is not
    /// open or not theirs to close (a suspension is an admin's alone); for
    /// [`Entity::Post`] when hiding or removing a report without a post; for
    /// [`Entity::Membership`] when muting or removing someone no longer in
    /// the group, or its owner.
    pub async fn close_report(
        &self,
        id: ReportId,
        moderator: Moderator,
        decision: Decision,
        reason: &ModeratorReason,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        if decision.needs_admin() && !moderator.is_admin() {
            return Err(StoreError::NotFound(Entity::Report));
        }
        let until = decision
            .duration()
            .and_then(|duration| now.checked_add(duration).ok())
            .map(to_seconds);
        let now = to_seconds(now);
        let sql = concat!(
            "SELECT r.group_id, r.post_id, r.account_id, r.reporter_id, r.source
             FROM reports r WHERE r.id = $3 AND r.closed_at IS NULL AND ",
            may_moderate!()
        );
        let done: Result<(), Entity> = on_pool!(self, |pool| async {
            let mut tx = pool.begin_write().await?;
            let report: Option<OpenReport> = sqlx::query_as(sql)
                .bind(moderator.account().0)
                .bind(moderator.is_admin())
                .bind(id.0)
                .fetch_optional(&mut *tx)
                .await?;
            let Some(OpenReport {
                group_id: group,
                post_id: post,
                account_id: person,
                reporter_id: reporter,
                source,
            }) = report
            else {
                tx.rollback().await?;
                return Ok(Err(Entity::Report));
            };
            let group = GroupId(group);
            if !lock_group!(tx, group) {
                tx.rollback().await?;
                return Ok(Err(Entity::Report));
            }
            // Closed once: a second moderator deciding at the same moment
            // finds it closed.
            let closed = sqlx::query(
                "UPDATE reports SET outcome = $2, outcome_reason = $3, closed_by = $4,
                     closed_at = $5
                 WHERE id = $1 AND closed_at IS NULL",
            )
            .bind(id.0)
            .bind(decision.outcome().as_str())
            .bind(reason.as_str())
            .bind(moderator.account().0)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            if closed.rows_affected() == 0 {
                tx.rollback().await?;
                return Ok(Err(Entity::Report));
            }
            let carried_out = match decision {
                Decision::Dismiss => true,
                Decision::Hide | Decision::Remove => match post {
                    Some(post) => {
                        take_post_from_view!(tx, post, moderator.account(), decision, now);
                        true
                    }
                    None => false,
                },
                Decision::Warn => {
                    sqlx::query(
                        "INSERT INTO notifications (account_id, kind, group_id, post_id,
                             created_at, report_id)
                         VALUES ($1, 'warning', $2, NULL, $3, $4)",
                    )
                    .bind(person)
                    .bind(group.0)
                    .bind(now)
                    .bind(id.0)
                    .execute(&mut *tx)
                    .await?;
                    true
                }
                Decision::Mute { .. } => {
                    let muted = sqlx::query(
                        "UPDATE memberships SET muted_until = $3
                         WHERE group_id = $1 AND account_id = $2 AND status = 'active'
                           AND role <> 'owner'",
                    )
                    .bind(group.0)
                    .bind(person)
                    .bind(until)
                    .execute(&mut *tx)
                    .await?;
                    muted.rows_affected() == 1
                }
                Decision::RemoveFromGroup => {
                    let removed = sqlx::query(
                        "UPDATE memberships SET status = 'removed'
                         WHERE group_id = $1 AND account_id = $2 AND status = 'active'
                           AND role <> 'owner'",
                    )
                    .bind(group.0)
                    .bind(person)
                    .execute(&mut *tx)
                    .await?;
                    removed.rows_affected() == 1
                }
                Decision::Suspend(_) => {
                    sqlx::query(
                        "UPDATE accounts SET suspended_at = $2, suspended_until = $3
                         WHERE id = $1",
                    )
                    .bind(person)
                    .bind(now)
                    .bind(until)
                    .execute(&mut *tx)
                    .await?;
                    // Signed out everywhere at once.
                    sqlx::query("DELETE FROM sessions WHERE account_id = $1")
                        .bind(person)
                        .execute(&mut *tx)
                        .await?;
                    true
                }
            };
            if !carried_out {
                tx.rollback().await?;
                return Ok(Err(if decision.needs_post() {
                    Entity::Post
                } else {
                    Entity::Membership
                }));
            }
            let action = AuditAction::of(decision);
            audit!(
                tx,
                moderator.account(),
                action,
                group,
                Some(person),
                post,
                reason.as_str(),
                now
            );
            if let Some(reporter) = reporter
                && source == ReportSource::Member.as_str()
            {
                sqlx::query(
                    "INSERT INTO notifications (account_id, kind, group_id, post_id, created_at,
                         report_id)
                     VALUES ($1, 'report_closed', $2, NULL, $3, $4)",
                )
                .bind(reporter)
                .bind(group.0)
                .bind(now)
                .bind(id.0)
                .execute(&mut *tx)
                .await?;
            }
            tx.commit().await?;
            Ok::<_, sqlx::Error>(Ok(()))
        }
        .await)?;
        done.map_err(StoreError::NotFound)
    }

    /// Puts a hidden post back in members' view, with its audit entry.
    pub async fn unhide_post(
        &self,
        post: PostId,
        moderator: Moderator,
        reason: &ModeratorReason,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        let now = to_seconds(now);
        let sql = concat!(
            "SELECT p.group_id, p.author_id FROM posts p
             JOIN reports r ON r.post_id = p.id
             WHERE p.id = $3 AND p.hidden AND ",
            may_moderate!(),
            " LIMIT 1"
        );
        let done = on_pool!(self, |pool| async {
            let mut tx = pool.begin_write().await?;
            let found: Option<(i64, i64)> = sqlx::query_as(sql)
                .bind(moderator.account().0)
                .bind(moderator.is_admin())
                .bind(post.0)
                .fetch_optional(&mut *tx)
                .await?;
            let Some((group, author)) = found else {
                tx.rollback().await?;
                return Ok(false);
            };
            let group = GroupId(group);
            if !lock_group!(tx, group) {
                tx.rollback().await?;
                return Ok(false);
            }
            let shown = sqlx::query(
                "UPDATE posts SET removed_at = NULL, removed_by = NULL, hidden = FALSE
                 WHERE id = $1 AND hidden",
            )
            .bind(post.0)
            .execute(&mut *tx)
            .await?;
            if shown.rows_affected() == 0 {
                tx.rollback().await?;
                return Ok(false);
            }
            // A reply counts in its thread again.
            sqlx::query(
                "UPDATE posts SET reply_count = reply_count + 1
                 WHERE id = (SELECT thread_id FROM posts WHERE id = $1)",
            )
            .bind(post.0)
            .execute(&mut *tx)
            .await?;
            let action = AuditAction::UnhidePost;
            audit!(
                tx,
                moderator.account(),
                action,
                group,
                Some(author),
                Some(post.0),
                reason.as_str(),
                now
            );
            tx.commit().await?;
            Ok::<_, sqlx::Error>(true)
        }
        .await)?;
        crate::groups::found(done, Entity::Post)
    }

    /// Lifts the suspension of the account with `handle_key`, for the
    /// site's operator at the console: written to the audit log with no
    /// actor but the reason. `false` when it was not suspended.
    pub async fn lift_suspension(
        &self,
        handle_key: &str,
        reason: &ModeratorReason,
        now: Timestamp,
    ) -> Result<bool, StoreError> {
        let lifted: Result<bool, Entity> = on_pool!(self, |pool| async {
            let mut tx = pool.begin_write().await?;
            let account: Option<(i64, bool)> = sqlx::query_as(
                "SELECT id, suspended_at IS NOT NULL FROM accounts WHERE handle_key = $1",
            )
            .bind(handle_key)
            .fetch_optional(&mut *tx)
            .await?;
            let Some((account, suspended)) = account else {
                tx.rollback().await?;
                return Ok(Err(Entity::Account));
            };
            if !suspended {
                tx.rollback().await?;
                return Ok(Ok(false));
            }
            sqlx::query(
                "UPDATE accounts SET suspended_at = NULL, suspended_until = NULL WHERE id = $1",
            )
            .bind(account)
            .execute(&mut *tx)
            .await?;
            operator_audit!(tx, AuditAction::LiftSuspension, account, reason, now);
            tx.commit().await?;
            Ok::<_, sqlx::Error>(Ok(true))
        }
        .await)?;
        lifted.map_err(StoreError::NotFound)
    }

    /// The reports a person made or raised, newest first, with what became
    /// of each.
    pub async fn own_reports(&self, reporter: AccountId) -> Result<Vec<OwnReport>, StoreError> {
        let sql = "SELECT r.id, r.group_id, g.name, r.reason, r.source, r.created_at, r.outcome
                   FROM reports r JOIN groups g ON g.id = r.group_id
                   WHERE r.reporter_id = $1 ORDER BY r.id DESC";
        #[allow(clippy::type_complexity)]
        let rows: Vec<(i64, i64, String, String, String, i64, Option<String>)> =
            on_pool!(self, |pool| {
                sqlx::query_as(sql).bind(reporter.0).fetch_all(pool).await
            })?;
        Ok(rows
            .into_iter()
            .filter_map(|(id, group, name, reason, source, at, outcome)| {
                Some(OwnReport {
                    id: ReportId(id),
                    group_id: GroupId(group),
                    group_name: name,
                    reason: reason.parse().ok()?,
                    source: ReportSource::parse(&source)?,
                    created_at: from_seconds(at),
                    outcome: outcome.as_deref().and_then(Outcome::parse),
                })
            })
            .collect())
    }

    /// The warnings a person was given, newest first, with the moderators'
    /// reasons: they are owed the why.
    pub async fn warnings(&self, account: AccountId) -> Result<Vec<Warning>, StoreError> {
        let sql = "SELECT r.id, r.group_id, g.name, r.outcome_reason, r.closed_at
                   FROM reports r JOIN groups g ON g.id = r.group_id
                   WHERE r.account_id = $1 AND r.outcome = 'warned' ORDER BY r.closed_at DESC";
        #[derive(sqlx::FromRow)]
        struct Row {
            id: i64,
            group_id: i64,
            name: String,
            outcome_reason: Option<String>,
            closed_at: Option<i64>,
        }
        let rows: Vec<Row> = on_pool!(self, |pool| {
            sqlx::query_as(sql).bind(account.0).fetch_all(pool).await
        })?;
        Ok(rows
            .into_iter()
            .map(|row| Warning {
                report_id: ReportId(row.id),
                group_id: GroupId(row.group_id),
                group_name: row.name,
                reason: row.outcome_reason.unwrap_or_default(),
                at: from_seconds(row.closed_at.unwrap_or_default()),
            })
            .collect())
    }
}
