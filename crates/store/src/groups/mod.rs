//! Support groups: the groups themselves and their norms, who belongs to
//! them and in what role, requests to join and invitations.
//!
//! The store does not decide who may see what: every function here reads or
//! changes what it is asked to, and the web layer checks membership first
//! (`crates/web/src/groups/access.rs`). What the store does guarantee is that
//! each change is whole: a group with its first norms and its owner, a join
//! with the agreement it rests on, a moderator's action with its audit entry.

pub mod audit;
pub mod bulk;
pub mod notifications;
pub mod posts;

use hearth_domain::groups::{
    Description, GroupKind, GroupLanguage, GroupName, GroupRole, Norms, Tag, Tags,
};
use jiff::Timestamp;

use self::audit::{AuditAction, audit, audited_update};
use crate::people::AccountId;
use crate::{BeginWrite, Entity, Store, StoreError, from_seconds, on_pool, to_seconds};

/// The database id of a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct GroupId(pub i64);

/// A group as everyone who may know of it sees it: no content, no members.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub id: GroupId,
    pub name: String,
    pub description: String,
    pub kind: GroupKind,
    pub tags: Tags,
    pub language: String,
    /// The version of the norms members must have agreed to before posting.
    pub norms_version: i64,
    pub created_at: Timestamp,
    pub last_activity_at: Timestamp,
}

/// What a new group starts with.
#[derive(Debug, Clone)]
pub struct NewGroup<'a> {
    pub name: &'a GroupName,
    pub description: &'a Description,
    pub kind: GroupKind,
    pub tags: &'a Tags,
    pub language: &'a GroupLanguage,
    pub norms: &'a Norms,
}

/// The parts of a group its facilitators change, norms apart.
#[derive(Debug, Clone)]
pub struct GroupSettings<'a> {
    pub name: &'a GroupName,
    pub description: &'a Description,
    pub kind: GroupKind,
    pub tags: &'a Tags,
    pub language: &'a GroupLanguage,
}

/// One version of a group's norms.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupNorms {
    pub version: i64,
    pub body: String,
    pub written_at: Timestamp,
}

/// A group in the directory or in a person's own list.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupListing {
    pub group: Group,
    pub member_count: i64,
}

/// A directory search over listed groups, newest activity first.
#[derive(Debug, Clone, Default)]
pub struct DirectoryQuery {
    pub tag: Option<Tag>,
    /// Words that must appear in the name or description.
    pub text: Option<String>,
    /// From the previous page's last group: (last activity, id).
    pub after: Option<(Timestamp, GroupId)>,
    pub limit: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MembershipStatus {
    Active,
    Left,
    Removed,
}

impl MembershipStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            MembershipStatus::Active => "active",
            MembershipStatus::Left => "left",
            MembershipStatus::Removed => "removed",
        }
    }

    fn parse(text: &str) -> MembershipStatus {
        match text {
            "active" => MembershipStatus::Active,
            "left" => MembershipStatus::Left,
            _ => MembershipStatus::Removed,
        }
    }
}

/// A person's place in a group.
#[derive(Debug, Clone, PartialEq)]
pub struct Membership {
    pub group_id: GroupId,
    pub account_id: AccountId,
    pub role: GroupRole,
    pub status: MembershipStatus,
    /// The version of the norms they last agreed to.
    pub norms_version: i64,
    pub joined_at: Timestamp,
    pub muted_until: Option<Timestamp>,
}

impl Membership {
    pub fn is_active(&self) -> bool {
        self.status == MembershipStatus::Active
    }

    pub fn is_muted(&self, now: Timestamp) -> bool {
        self.muted_until.is_some_and(|until| until > now)
    }
}

/// An active member, as the member list shows them.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    pub account_id: AccountId,
    pub handle: String,
    pub role: GroupRole,
    pub joined_at: Timestamp,
    pub muted_until: Option<Timestamp>,
}

/// Someone waiting for a facilitator to let them in.
#[derive(Debug, Clone, PartialEq)]
pub struct JoinRequest {
    pub account_id: AccountId,
    pub handle: String,
    pub requested_at: Timestamp,
}

/// The database id of an invitation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct InviteId(pub i64);

/// An invitation link; only its token's hash is kept.
#[derive(Debug, Clone, PartialEq)]
pub struct Invite {
    pub id: InviteId,
    pub group_id: GroupId,
    pub created_at: Timestamp,
    pub expires_at: Timestamp,
    pub max_uses: Option<i64>,
    pub uses: i64,
    pub revoked_at: Option<Timestamp>,
}

impl Invite {
    /// Whether the link still lets someone in at `now`.
    pub fn is_usable(&self, now: Timestamp) -> bool {
        self.revoked_at.is_none()
            && self.expires_at > now
            && self.max_uses.is_none_or(|most| self.uses < most)
    }
}

/// Why a join did not happen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JoinRefused {
    /// The norms changed after the person read them: show them again.
    NormsChanged,
    /// The invitation is expired, used up or revoked.
    InviteUnusable,
    /// A facilitator removed the person from this group: an open door does
    /// not let them back in (a new invitation does).
    Removed,
}

/// What a join attempt came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Joined {
    Joined,
    Refused(JoinRefused),
}

#[derive(sqlx::FromRow)]
struct GroupRow {
    id: i64,
    name: String,
    description: String,
    kind: String,
    tags: String,
    language: String,
    norms_version: i64,
    created_at: i64,
    last_activity_at: i64,
}

impl From<GroupRow> for Group {
    fn from(row: GroupRow) -> Group {
        Group {
            id: GroupId(row.id),
            name: row.name,
            description: row.description,
            // Written by this module from a parsed kind.
            kind: row.kind.parse().unwrap_or(GroupKind::Hidden),
            tags: Tags::parse_comma_list(row.tags.trim_matches(',')).unwrap_or_default(),
            language: row.language,
            norms_version: row.norms_version,
            created_at: from_seconds(row.created_at),
            last_activity_at: from_seconds(row.last_activity_at),
        }
    }
}

#[derive(sqlx::FromRow)]
struct ListingRow {
    #[sqlx(flatten)]
    group: GroupRow,
    member_count: i64,
}

#[derive(sqlx::FromRow)]
struct MembershipRow {
    group_id: i64,
    account_id: i64,
    role: String,
    status: String,
    norms_version: i64,
    joined_at: i64,
    muted_until: Option<i64>,
}

impl From<MembershipRow> for Membership {
    fn from(row: MembershipRow) -> Membership {
        Membership {
            group_id: GroupId(row.group_id),
            account_id: AccountId(row.account_id),
            role: row.role.parse().unwrap_or(GroupRole::Member),
            status: MembershipStatus::parse(&row.status),
            norms_version: row.norms_version,
            joined_at: from_seconds(row.joined_at),
            muted_until: row.muted_until.map(from_seconds),
        }
    }
}

/// Group `g` and membership `m` as read through LEFT JOINs, where any
/// column may be NULL: [`joined_group_columns!`] names them.
#[derive(sqlx::FromRow)]
pub(crate) struct JoinedGroupRow {
    g_id: Option<i64>,
    g_name: Option<String>,
    g_description: Option<String>,
    g_kind: Option<String>,
    g_tags: Option<String>,
    g_language: Option<String>,
    g_norms_version: Option<i64>,
    g_created_at: Option<i64>,
    g_last_activity_at: Option<i64>,
    m_account_id: Option<i64>,
    m_role: Option<String>,
    m_status: Option<String>,
    m_norms_version: Option<i64>,
    m_joined_at: Option<i64>,
    m_muted_until: Option<i64>,
}

impl JoinedGroupRow {
    /// The group, if the join found one, with the membership, if it found
    /// one.
    pub(crate) fn into_group(self) -> Option<(Group, Option<Membership>)> {
        let group = GroupRow {
            id: self.g_id?,
            name: self.g_name?,
            description: self.g_description?,
            kind: self.g_kind?,
            tags: self.g_tags?,
            language: self.g_language?,
            norms_version: self.g_norms_version?,
            created_at: self.g_created_at?,
            last_activity_at: self.g_last_activity_at?,
        };
        let membership = (|| {
            Some(MembershipRow {
                group_id: group.id,
                account_id: self.m_account_id?,
                role: self.m_role?,
                status: self.m_status?,
                norms_version: self.m_norms_version?,
                joined_at: self.m_joined_at?,
                muted_until: self.m_muted_until,
            })
        })();
        Some((Group::from(group), membership.map(Membership::from)))
    }
}

#[derive(sqlx::FromRow)]
struct InviteRow {
    id: i64,
    group_id: i64,
    created_at: i64,
    expires_at: i64,
    max_uses: Option<i64>,
    uses: i64,
    revoked_at: Option<i64>,
}

impl From<InviteRow> for Invite {
    fn from(row: InviteRow) -> Invite {
        Invite {
            id: InviteId(row.id),
            group_id: GroupId(row.group_id),
            created_at: from_seconds(row.created_at),
            expires_at: from_seconds(row.expires_at),
            max_uses: row.max_uses,
            uses: row.uses,
            revoked_at: row.revoked_at.map(from_seconds),
        }
    }
}

/// The columns [`GroupRow`] reads from `groups g`.
macro_rules! group_columns {
    () => {
        "g.id, g.name, g.description, g.kind, g.tags, g.language, g.norms_version, \
         g.created_at, g.last_activity_at"
    };
}

/// The columns [`JoinedGroupRow`] reads from `groups g` and `memberships m`.
macro_rules! joined_group_columns {
    () => {
        "g.id AS g_id, g.name AS g_name, g.description AS g_description, g.kind AS g_kind, \
         g.tags AS g_tags, g.language AS g_language, g.norms_version AS g_norms_version, \
         g.created_at AS g_created_at, g.last_activity_at AS g_last_activity_at, \
         m.account_id AS m_account_id, m.role AS m_role, m.status AS m_status, \
         m.norms_version AS m_norms_version, m.joined_at AS m_joined_at, \
         m.muted_until AS m_muted_until"
    };
}
pub(crate) use joined_group_columns;

/// Active members of group `g`, as a column.
macro_rules! member_count {
    () => {
        "(SELECT COUNT(*) FROM memberships c WHERE c.group_id = g.id AND c.status = 'active') \
         AS member_count"
    };
}

/// Takes the group's row lock first thing in the transaction `$tx`, so the
/// transaction is a writer from its start: SQLite would otherwise refuse
/// its first write if another connection wrote after its first read, and on
/// PostgreSQL changes to one group (its invites' use counts, its norms
/// versions) queue rather than interleave. Evaluates to whether the group
/// exists.
macro_rules! lock_group {
    ($tx:expr, $group:expr) => {
        sqlx::query("UPDATE groups SET norms_version = norms_version WHERE id = $1")
            .bind($group.0)
            .execute(&mut *$tx)
            .await?
            .rows_affected()
            == 1
    };
}
pub(crate) use lock_group;

/// Records an agreement to the group's norms and makes the person an active
/// member in `$role` (keeping a role they already hold), inside `$tx`.
macro_rules! admit {
    ($tx:expr, $group:expr, $account:expr, $role:expr, $version:expr, $now:expr) => {{
        sqlx::query(
            "INSERT INTO norm_agreements (group_id, account_id, norms_version, agreed_at)
             VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
        )
        .bind($group.0)
        .bind($account.0)
        .bind($version)
        .bind($now)
        .execute(&mut *$tx)
        .await?;
        sqlx::query(
            "INSERT INTO memberships
                 (group_id, account_id, role, status, norms_version, joined_at, muted_until)
             VALUES ($1, $2, $3, 'active', $4, $5, NULL)
             ON CONFLICT (group_id, account_id) DO UPDATE
             SET status = 'active', norms_version = $4,
                 joined_at = CASE WHEN memberships.status = 'active'
                                  THEN memberships.joined_at ELSE $5 END,
                 muted_until = CASE WHEN memberships.status = 'active'
                                    THEN memberships.muted_until ELSE NULL END,
                 role = CASE WHEN memberships.status = 'active' THEN memberships.role ELSE $3 END",
        )
        .bind($group.0)
        .bind($account.0)
        .bind($role.as_str())
        .bind($version)
        .bind($now)
        .execute(&mut *$tx)
        .await?;
        sqlx::query("DELETE FROM join_requests WHERE group_id = $1 AND account_id = $2")
            .bind($group.0)
            .bind($account.0)
            .execute(&mut *$tx)
            .await?;
    }};
}

/// Returns from the transaction's block, refusing, when the group's norms
/// are no longer version `$version` (the one the person read), inside `$tx`.
macro_rules! refuse_stale_norms {
    ($tx:expr, $group:expr, $version:expr) => {{
        let current: i64 = sqlx::query_scalar("SELECT norms_version FROM groups WHERE id = $1")
            .bind($group.0)
            .fetch_one(&mut *$tx)
            .await?;
        if current != $version {
            return Ok(Some(Joined::Refused(JoinRefused::NormsChanged)));
        }
    }};
}

/// `Ok` when a change found what it was meant to change, or else
/// [`StoreError::NotFound`] for `entity`.
pub(crate) fn found(changed: bool, entity: Entity) -> Result<(), StoreError> {
    if changed {
        Ok(())
    } else {
        Err(StoreError::NotFound(entity))
    }
}

/// `text` lower-cased, with LIKE's wildcards escaped, between `%`s.
fn like_pattern(text: &str) -> String {
    let mut pattern = String::from("%");
    for c in text.to_lowercase().chars() {
        if matches!(c, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push('%');
    pattern
}

fn search_text(name: &GroupName, description: &Description) -> String {
    format!("{} {}", name.as_str(), description.as_str()).to_lowercase()
}

fn tag_column(tags: &Tags) -> String {
    format!(",{},", tags.to_comma_list())
}

impl Store {
    /// Creates a group with its first norms and `owner` as its owner, who
    /// agrees to them by writing them.
    pub async fn create_group(
        &self,
        new: &NewGroup<'_>,
        owner: AccountId,
        now: Timestamp,
    ) -> Result<Group, StoreError> {
        let now = to_seconds(now);
        let row: GroupRow = on_pool!(self, |pool| async {
            let mut tx = pool.begin_write().await?;
            let row: GroupRow = sqlx::query_as(
                "INSERT INTO groups (name, description, kind, tags, language, norms_version,
                     search_text, created_at, last_activity_at)
                 VALUES ($1, $2, $3, $4, $5, 1, $6, $7, $7)
                 RETURNING id, name, description, kind, tags, language, norms_version,
                     created_at, last_activity_at",
            )
            .bind(new.name.as_str())
            .bind(new.description.as_str())
            .bind(new.kind.as_str())
            .bind(tag_column(new.tags))
            .bind(new.language.as_str())
            .bind(search_text(new.name, new.description))
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
            let group = GroupId(row.id);
            sqlx::query(
                "INSERT INTO group_norms (group_id, version, body, written_by, written_at)
                 VALUES ($1, 1, $2, $3, $4)",
            )
            .bind(group.0)
            .bind(new.norms.as_str())
            .bind(owner.0)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            admit!(tx, group, owner, GroupRole::Owner, 1_i64, now);
            tx.commit().await?;
            Ok::<_, sqlx::Error>(row)
        }
        .await)?;
        Ok(row.into())
    }

    pub async fn group(&self, id: GroupId) -> Result<Option<Group>, StoreError> {
        let sql = concat!(
            "SELECT ",
            group_columns!(),
            " FROM groups g WHERE g.id = $1"
        );
        let row: Option<GroupRow> = on_pool!(self, |pool| {
            sqlx::query_as(sql).bind(id.0).fetch_optional(pool).await
        })?;
        Ok(row.map(Group::from))
    }

    /// The group and the person's membership of it, in one read. (Group
    /// routes get them with the session: see [`Store::signed_in`].)
    pub async fn group_with_membership(
        &self,
        id: GroupId,
        account: AccountId,
    ) -> Result<Option<(Group, Option<Membership>)>, StoreError> {
        let sql = concat!(
            "SELECT ",
            joined_group_columns!(),
            " FROM groups g LEFT JOIN memberships m ON m.group_id = g.id AND m.account_id = $2
             WHERE g.id = $1"
        );
        let row: Option<JoinedGroupRow> = on_pool!(self, |pool| {
            sqlx::query_as(sql)
                .bind(id.0)
                .bind(account.0)
                .fetch_optional(pool)
                .await
        })?;
        Ok(row.and_then(JoinedGroupRow::into_group))
    }

    /// Listed groups (open and by request) matching the query, most recently
    /// active first.
    pub async fn listed_groups(
        &self,
        query: &DirectoryQuery,
    ) -> Result<Vec<GroupListing>, StoreError> {
        let rows: Vec<ListingRow> = on_pool!(self, |pool| {
            let mut select = sqlx::QueryBuilder::new(concat!(
                "SELECT ",
                group_columns!(),
                ", ",
                member_count!(),
                " FROM groups g WHERE g.kind IN ('open', 'request')"
            ));
            if let Some(tag) = query.tag {
                select
                    .push(" AND g.tags LIKE ")
                    .push_bind(format!("%,{},%", tag.as_str()));
            }
            for word in query.text.iter().flat_map(|text| text.split_whitespace()) {
                select
                    .push(" AND g.search_text LIKE ")
                    .push_bind(like_pattern(word))
                    .push(" ESCAPE '\\'");
            }
            if let Some((activity, id)) = query.after {
                select
                    .push(" AND (g.last_activity_at, g.id) < (")
                    .push_bind(to_seconds(activity))
                    .push(", ")
                    .push_bind(id.0)
                    .push(")");
            }
            select
                .push(" ORDER BY g.last_activity_at DESC, g.id DESC LIMIT ")
                .push_bind(i64::from(query.limit));
            select.build_query_as().fetch_all(pool).await
        })?;
        Ok(rows.into_iter().map(listing).collect())
    }

    /// The groups a person is an active member of, most recently active
    /// first, with their role in each.
    pub async fn groups_of(
        &self,
        account: AccountId,
    ) -> Result<Vec<(GroupListing, GroupRole)>, StoreError> {
        let sql = concat!(
            "SELECT ",
            group_columns!(),
            ", ",
            member_count!(),
            ", m.role FROM memberships m JOIN groups g ON g.id = m.group_id
             WHERE m.account_id = $1 AND m.status = 'active'
             ORDER BY g.last_activity_at DESC, g.id DESC"
        );
        #[derive(sqlx::FromRow)]
        struct Row {
            #[sqlx(flatten)]
            listing: ListingRow,
            role: String,
        }
        let rows: Vec<Row> = on_pool!(self, |pool| {
            sqlx::query_as(sql).bind(account.0).fetch_all(pool).await
        })?;
        Ok(rows
            .into_iter()
            .map(|row| {
                let role = row.role.parse().unwrap_or(GroupRole::Member);
                (listing(row.listing), role)
            })
            .collect())
    }

    /// Changes a group's name, description, kind, tags and language;
    /// audited.
    pub async fn update_group(
        &self,
        id: GroupId,
        settings: &GroupSettings<'_>,
        editor: AccountId,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        let now = to_seconds(now);
        let changed = on_pool!(self, |pool| {
            let update = sqlx::query(
                "UPDATE groups SET name = $1, description = $2, kind = $3, tags = $4,
                     language = $5, search_text = $6, last_activity_at = $7
                 WHERE id = $8",
            )
            .bind(settings.name.as_str())
            .bind(settings.description.as_str())
            .bind(settings.kind.as_str())
            .bind(tag_column(settings.tags))
            .bind(settings.language.as_str())
            .bind(search_text(settings.name, settings.description))
            .bind(now)
            .bind(id.0);
            let action = AuditAction::EditSettings;
            audited_update!(
                pool,
                update,
                editor,
                action,
                id,
                None::<i64>,
                None::<i64>,
                now
            )
        })?;
        found(changed, Entity::Group)
    }

    /// The norms members agree to now.
    pub async fn current_norms(&self, id: GroupId) -> Result<Option<GroupNorms>, StoreError> {
        let sql = "SELECT n.version, n.body, n.written_at FROM group_norms n
                   JOIN groups g ON g.id = n.group_id AND g.norms_version = n.version
                   WHERE n.group_id = $1";
        let row: Option<(i64, String, i64)> = on_pool!(self, |pool| {
            sqlx::query_as(sql).bind(id.0).fetch_optional(pool).await
        })?;
        Ok(row.map(|(version, body, written_at)| GroupNorms {
            version,
            body,
            written_at: from_seconds(written_at),
        }))
    }

    /// Writes a new version of the norms. Members must agree to it before
    /// they post again; each is told (the writer apart). Returns the version.
    pub async fn set_norms(
        &self,
        id: GroupId,
        norms: &Norms,
        writer: AccountId,
        now: Timestamp,
    ) -> Result<i64, StoreError> {
        let now = to_seconds(now);
        let version = on_pool!(self, |pool| async {
            let mut tx = pool.begin_write().await?;
            if !lock_group!(tx, id) {
                tx.rollback().await?;
                return Ok(None);
            }
            let version: i64 = sqlx::query_scalar(
                "UPDATE groups SET norms_version = norms_version + 1, last_activity_at = $2
                 WHERE id = $1 RETURNING norms_version",
            )
            .bind(id.0)
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
            sqlx::query(
                "INSERT INTO group_norms (group_id, version, body, written_by, written_at)
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(id.0)
            .bind(version)
            .bind(norms.as_str())
            .bind(writer.0)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            // The writer agrees to what they wrote.
            sqlx::query(
                "INSERT INTO norm_agreements (group_id, account_id, norms_version, agreed_at)
                 VALUES ($1, $2, $3, $4)",
            )
            .bind(id.0)
            .bind(writer.0)
            .bind(version)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            sqlx::query(
                "UPDATE memberships SET norms_version = $3 WHERE group_id = $1 AND account_id = $2",
            )
            .bind(id.0)
            .bind(writer.0)
            .bind(version)
            .execute(&mut *tx)
            .await?;
            sqlx::query(
                "INSERT INTO notifications (account_id, kind, group_id, post_id, created_at)
                 SELECT account_id, 'norms_changed', group_id, NULL, $3 FROM memberships
                 WHERE group_id = $1 AND status = 'active' AND account_id <> $2",
            )
            .bind(id.0)
            .bind(writer.0)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            let action = AuditAction::EditNorms;
            audit!(tx, writer, action, id, None::<i64>, None::<i64>, "", now);
            tx.commit().await?;
            Ok::<_, sqlx::Error>(Some(version))
        }
        .await)?;
        version.ok_or(StoreError::NotFound(Entity::Group))
    }

    /// Joins an open group (or rejoins one the person left, but not one they
    /// were removed from), agreeing to norms `version`, which must still be
    /// the current one.
    pub async fn join_group(
        &self,
        id: GroupId,
        account: AccountId,
        version: i64,
        now: Timestamp,
    ) -> Result<Joined, StoreError> {
        let now = to_seconds(now);
        let joined = on_pool!(self, |pool| async {
            let mut tx = pool.begin_write().await?;
            if !lock_group!(tx, id) {
                tx.rollback().await?;
                return Ok(None);
            }
            refuse_stale_norms!(tx, id, version);
            let status: Option<String> = sqlx::query_scalar(
                "SELECT status FROM memberships WHERE group_id = $1 AND account_id = $2",
            )
            .bind(id.0)
            .bind(account.0)
            .fetch_optional(&mut *tx)
            .await?;
            if status.as_deref() == Some(MembershipStatus::Removed.as_str()) {
                tx.rollback().await?;
                return Ok(Some(Joined::Refused(JoinRefused::Removed)));
            }
            admit!(tx, id, account, GroupRole::Member, version, now);
            tx.commit().await?;
            Ok::<_, sqlx::Error>(Some(Joined::Joined))
        }
        .await)?;
        joined.ok_or(StoreError::NotFound(Entity::Group))
    }

    /// Agrees to the group's current norms, `version`, for an active member.
    pub async fn agree_to_norms(
        &self,
        id: GroupId,
        account: AccountId,
        version: i64,
        now: Timestamp,
    ) -> Result<Joined, StoreError> {
        let now = to_seconds(now);
        let agreed = on_pool!(self, |pool| async {
            let mut tx = pool.begin_write().await?;
            if !lock_group!(tx, id) {
                tx.rollback().await?;
                return Ok(None);
            }
            refuse_stale_norms!(tx, id, version);
            sqlx::query(
                "INSERT INTO norm_agreements (group_id, account_id, norms_version, agreed_at)
                 VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
            )
            .bind(id.0)
            .bind(account.0)
            .bind(version)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            let updated = sqlx::query(
                "UPDATE memberships SET norms_version = $3
                 WHERE group_id = $1 AND account_id = $2 AND status = 'active'",
            )
            .bind(id.0)
            .bind(account.0)
            .bind(version)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if updated == 0 {
                tx.rollback().await?;
                return Ok(None);
            }
            tx.commit().await?;
            Ok::<_, sqlx::Error>(Some(Joined::Joined))
        }
        .await)?;
        agreed.ok_or(StoreError::NotFound(Entity::Membership))
    }

    /// When and to which versions a person agreed, newest first.
    pub async fn norm_agreements(
        &self,
        id: GroupId,
        account: AccountId,
    ) -> Result<Vec<(i64, Timestamp)>, StoreError> {
        let sql = "SELECT norms_version, agreed_at FROM norm_agreements
                   WHERE group_id = $1 AND account_id = $2 ORDER BY norms_version DESC";
        let rows: Vec<(i64, i64)> = on_pool!(self, |pool| {
            sqlx::query_as(sql)
                .bind(id.0)
                .bind(account.0)
                .fetch_all(pool)
                .await
        })?;
        Ok(rows
            .into_iter()
            .map(|(version, at)| (version, from_seconds(at)))
            .collect())
    }

    /// Leaves a group. An owner hands the group over first.
    pub async fn leave_group(&self, id: GroupId, account: AccountId) -> Result<(), StoreError> {
        let sql = "UPDATE memberships SET status = 'left'
                   WHERE group_id = $1 AND account_id = $2 AND status = 'active'
                     AND role <> 'owner'";
        let changed = on_pool!(self, |pool| {
            sqlx::query(sql)
                .bind(id.0)
                .bind(account.0)
                .execute(pool)
                .await
                .map(|done| done.rows_affected())
        })?;
        found(changed == 1, Entity::Membership)
    }

    /// The group's active members, facilitators first, then by handle.
    pub async fn members(&self, id: GroupId) -> Result<Vec<Member>, StoreError> {
        let sql = "SELECT a.id, a.handle, m.role, m.joined_at, m.muted_until
                   FROM memberships m JOIN accounts a ON a.id = m.account_id
                   WHERE m.group_id = $1 AND m.status = 'active'
                   ORDER BY CASE m.role WHEN 'owner' THEN 0 WHEN 'facilitator' THEN 1 ELSE 2 END,
                            a.handle_key";
        let rows: Vec<(i64, String, String, i64, Option<i64>)> = on_pool!(self, |pool| {
            sqlx::query_as(sql).bind(id.0).fetch_all(pool).await
        })?;
        Ok(rows
            .into_iter()
            .map(|(id, handle, role, joined_at, muted_until)| Member {
                account_id: AccountId(id),
                handle,
                role: role.parse().unwrap_or(GroupRole::Member),
                joined_at: from_seconds(joined_at),
                muted_until: muted_until.map(from_seconds),
            })
            .collect())
    }

    /// Asks to join a group by request, having read norms `version`.
    /// Asking again changes nothing.
    pub async fn request_to_join(
        &self,
        id: GroupId,
        account: AccountId,
        version: i64,
        now: Timestamp,
    ) -> Result<Joined, StoreError> {
        let now = to_seconds(now);
        let asked = on_pool!(self, |pool| async {
            let mut tx = pool.begin_write().await?;
            if !lock_group!(tx, id) {
                tx.rollback().await?;
                return Ok(None);
            }
            refuse_stale_norms!(tx, id, version);
            sqlx::query(
                "INSERT INTO join_requests (group_id, account_id, norms_version, requested_at)
                 VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
            )
            .bind(id.0)
            .bind(account.0)
            .bind(version)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
            Ok::<_, sqlx::Error>(Some(Joined::Joined))
        }
        .await)?;
        asked.ok_or(StoreError::NotFound(Entity::Group))
    }

    /// Whether the person is waiting to be let in.
    pub async fn has_join_request(
        &self,
        id: GroupId,
        account: AccountId,
    ) -> Result<bool, StoreError> {
        let sql = "SELECT COUNT(*) FROM join_requests WHERE group_id = $1 AND account_id = $2";
        let count: i64 = on_pool!(self, |pool| {
            sqlx::query_scalar(sql)
                .bind(id.0)
                .bind(account.0)
                .fetch_one(pool)
                .await
        })?;
        Ok(count > 0)
    }

    pub async fn join_requests(&self, id: GroupId) -> Result<Vec<JoinRequest>, StoreError> {
        let sql = "SELECT a.id, a.handle, r.requested_at
                   FROM join_requests r JOIN accounts a ON a.id = r.account_id
                   WHERE r.group_id = $1 ORDER BY r.requested_at, a.id";
        let rows: Vec<(i64, String, i64)> = on_pool!(self, |pool| {
            sqlx::query_as(sql).bind(id.0).fetch_all(pool).await
        })?;
        Ok(rows
            .into_iter()
            .map(|(id, handle, at)| JoinRequest {
                account_id: AccountId(id),
                handle,
                requested_at: from_seconds(at),
            })
            .collect())
    }

    /// Lets a waiting person in (they agreed to the norms they read when
    /// asking; if those have changed since, they agree again before posting)
    /// and tells them, or turns the request down quietly.
    pub async fn decide_join_request(
        &self,
        id: GroupId,
        account: AccountId,
        approve: bool,
        decider: AccountId,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        let now = to_seconds(now);
        let decided = on_pool!(self, |pool| async {
            let mut tx = pool.begin_write().await?;
            if !lock_group!(tx, id) {
                tx.rollback().await?;
                return Ok(false);
            }
            let version: Option<i64> = sqlx::query_scalar(
                "SELECT norms_version FROM join_requests WHERE group_id = $1 AND account_id = $2",
            )
            .bind(id.0)
            .bind(account.0)
            .fetch_optional(&mut *tx)
            .await?;
            let Some(version) = version else {
                tx.rollback().await?;
                return Ok(false);
            };
            if approve {
                admit!(tx, id, account, GroupRole::Member, version, now);
                sqlx::query(
                    "INSERT INTO notifications (account_id, kind, group_id, post_id, created_at)
                     VALUES ($1, 'approved', $2, NULL, $3)",
                )
                .bind(account.0)
                .bind(id.0)
                .bind(now)
                .execute(&mut *tx)
                .await?;
            } else {
                sqlx::query("DELETE FROM join_requests WHERE group_id = $1 AND account_id = $2")
                    .bind(id.0)
                    .bind(account.0)
                    .execute(&mut *tx)
                    .await?;
            }
            let action = if approve {
                AuditAction::ApproveRequest
            } else {
                AuditAction::DeclineRequest
            };
            audit!(
                tx,
                decider,
                action,
                id,
                Some(account.0),
                None::<i64>,
                "",
                now
            );
            tx.commit().await?;
            Ok::<_, sqlx::Error>(true)
        }
        .await)?;
        found(decided, Entity::JoinRequest)
    }

    /// Keeps an invitation whose token hashes to `token_hash`; audited.
    pub async fn create_invite(
        &self,
        id: GroupId,
        token_hash: &str,
        creator: AccountId,
        expires_at: Timestamp,
        max_uses: Option<i64>,
        now: Timestamp,
    ) -> Result<Invite, StoreError> {
        let now = to_seconds(now);
        let row: InviteRow = on_pool!(self, |pool| async {
            let mut tx = pool.begin_write().await?;
            let row: InviteRow = sqlx::query_as(
                "INSERT INTO group_invites
                     (group_id, token_hash, created_by, created_at, expires_at, max_uses, uses)
                 VALUES ($1, $2, $3, $4, $5, $6, 0)
                 RETURNING id, group_id, created_at, expires_at, max_uses, uses, revoked_at",
            )
            .bind(id.0)
            .bind(token_hash)
            .bind(creator.0)
            .bind(now)
            .bind(to_seconds(expires_at))
            .bind(max_uses)
            .fetch_one(&mut *tx)
            .await?;
            let action = AuditAction::CreateInvite;
            audit!(tx, creator, action, id, None::<i64>, None::<i64>, "", now);
            tx.commit().await?;
            Ok::<_, sqlx::Error>(row)
        }
        .await)?;
        Ok(row.into())
    }

    /// The group's invitations, newest first, revoked and expired included.
    pub async fn invites(&self, id: GroupId) -> Result<Vec<Invite>, StoreError> {
        let sql = "SELECT id, group_id, created_at, expires_at, max_uses, uses, revoked_at
                   FROM group_invites WHERE group_id = $1 ORDER BY id DESC";
        let rows: Vec<InviteRow> = on_pool!(self, |pool| {
            sqlx::query_as(sql).bind(id.0).fetch_all(pool).await
        })?;
        Ok(rows.into_iter().map(Invite::from).collect())
    }

    /// Turns an invitation off; audited.
    pub async fn revoke_invite(
        &self,
        id: GroupId,
        invite: InviteId,
        revoker: AccountId,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        let now = to_seconds(now);
        let changed = on_pool!(self, |pool| {
            let update = sqlx::query(
                "UPDATE group_invites SET revoked_at = $3
                 WHERE group_id = $1 AND id = $2 AND revoked_at IS NULL",
            )
            .bind(id.0)
            .bind(invite.0)
            .bind(now);
            let action = AuditAction::RevokeInvite;
            audited_update!(
                pool,
                update,
                revoker,
                action,
                id,
                None::<i64>,
                None::<i64>,
                now
            )
        })?;
        found(changed, Entity::Invite)
    }

    /// The invitation a token names, with its group.
    pub async fn invite_by_token(
        &self,
        token_hash: &str,
    ) -> Result<Option<(Invite, Group)>, StoreError> {
        // The invitation's id and creation time under names of their own:
        // the group's columns are called `id` and `created_at` too.
        let sql = concat!(
            "SELECT i.id AS invite_id, i.group_id, i.created_at AS invite_created_at,
                    i.expires_at, i.max_uses, i.uses, i.revoked_at, ",
            group_columns!(),
            " FROM group_invites i JOIN groups g ON g.id = i.group_id WHERE i.token_hash = $1"
        );
        #[derive(sqlx::FromRow)]
        struct Row {
            invite_id: i64,
            group_id: i64,
            invite_created_at: i64,
            expires_at: i64,
            max_uses: Option<i64>,
            uses: i64,
            revoked_at: Option<i64>,
            #[sqlx(flatten)]
            group: GroupRow,
        }
        let row: Option<Row> = on_pool!(self, |pool| {
            sqlx::query_as(sql)
                .bind(token_hash)
                .fetch_optional(pool)
                .await
        })?;
        Ok(row.map(|row| {
            let invite = InviteRow {
                id: row.invite_id,
                group_id: row.group_id,
                created_at: row.invite_created_at,
                expires_at: row.expires_at,
                max_uses: row.max_uses,
                uses: row.uses,
                revoked_at: row.revoked_at,
            };
            (invite.into(), row.group.into())
        }))
    }

    /// Joins through an invitation, agreeing to norms `version`: uses the
    /// invitation once, if it is still usable.
    pub async fn join_by_invite(
        &self,
        token_hash: &str,
        account: AccountId,
        version: i64,
        now: Timestamp,
    ) -> Result<Joined, StoreError> {
        let now = to_seconds(now);
        let joined = on_pool!(self, |pool| async {
            let mut tx = pool.begin_write().await?;
            // The group's row lock first thing, as `lock_group!` takes it,
            // found through the invitation: a read first would make SQLite
            // refuse this transaction's writes if another join wrote since.
            let group: Option<i64> = sqlx::query_scalar(
                "UPDATE groups SET norms_version = norms_version
                 WHERE id = (SELECT group_id FROM group_invites WHERE token_hash = $1)
                 RETURNING id",
            )
            .bind(token_hash)
            .fetch_optional(&mut *tx)
            .await?;
            let Some(group) = group.map(GroupId) else {
                tx.rollback().await?;
                return Ok(None);
            };
            refuse_stale_norms!(tx, group, version);
            let used = sqlx::query(
                "UPDATE group_invites SET uses = uses + 1
                 WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > $2
                   AND (max_uses IS NULL OR uses < max_uses)",
            )
            .bind(token_hash)
            .bind(now)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if used == 0 {
                tx.rollback().await?;
                return Ok(Some(Joined::Refused(JoinRefused::InviteUnusable)));
            }
            admit!(tx, group, account, GroupRole::Member, version, now);
            tx.commit().await?;
            Ok::<_, sqlx::Error>(Some(Joined::Joined))
        }
        .await)?;
        joined.ok_or(StoreError::NotFound(Entity::Invite))
    }

    /// Makes an active member a facilitator or a member again; audited.
    /// Owners change only by [`Store::transfer_ownership`].
    pub async fn set_member_role(
        &self,
        id: GroupId,
        account: AccountId,
        role: GroupRole,
        changer: AccountId,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        let action = match role {
            GroupRole::Owner => return Err(StoreError::NotFound(Entity::Membership)),
            GroupRole::Facilitator => AuditAction::MakeFacilitator,
            GroupRole::Member => AuditAction::MakeMember,
        };
        let now = to_seconds(now);
        let changed = on_pool!(self, |pool| {
            let update = sqlx::query(
                "UPDATE memberships SET role = $3
                 WHERE group_id = $1 AND account_id = $2 AND status = 'active'
                   AND role <> 'owner'",
            )
            .bind(id.0)
            .bind(account.0)
            .bind(role.as_str());
            let target = Some(account.0);
            audited_update!(pool, update, changer, action, id, target, None::<i64>, now)
        })?;
        found(changed, Entity::Membership)
    }

    /// Hands the group to another active member; the old owner stays on as a
    /// facilitator.
    pub async fn transfer_ownership(
        &self,
        id: GroupId,
        from: AccountId,
        to: AccountId,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        let now = to_seconds(now);
        let moved = on_pool!(self, |pool| async {
            let mut tx = pool.begin_write().await?;
            if !lock_group!(tx, id) {
                tx.rollback().await?;
                return Ok(false);
            }
            let promoted = sqlx::query(
                "UPDATE memberships SET role = 'owner'
                 WHERE group_id = $1 AND account_id = $2 AND status = 'active'
                   AND role <> 'owner'",
            )
            .bind(id.0)
            .bind(to.0)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            let stepped_down = sqlx::query(
                "UPDATE memberships SET role = 'facilitator'
                 WHERE group_id = $1 AND account_id = $2 AND role = 'owner'",
            )
            .bind(id.0)
            .bind(from.0)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if promoted != 1 || stepped_down != 1 {
                tx.rollback().await?;
                return Ok(false);
            }
            let action = AuditAction::TransferOwnership;
            audit!(tx, from, action, id, Some(to.0), None::<i64>, "", now);
            tx.commit().await?;
            Ok::<_, sqlx::Error>(true)
        }
        .await)?;
        found(moved, Entity::Membership)
    }
}

fn listing(row: ListingRow) -> GroupListing {
    GroupListing {
        group: row.group.into(),
        member_count: row.member_count,
    }
}

#[cfg(test)]
mod tests {
    use super::like_pattern;

    #[test]
    fn like_patterns_match_the_text_itself() {
        assert_eq!(like_pattern("Grief"), "%grief%");
        assert_eq!(like_pattern("100%_sure\\"), "%100\\%\\_sure\\\\%");
    }
}
