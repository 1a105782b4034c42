//! Signed-in sessions, kept in the database so every node sees the same ones.
//!
//! The store never sees a session token, only its hash: a copy of the
//! database does not let anyone sign in as anyone.

use jiff::Timestamp;

use hearth_domain::people::Role;

use crate::error::Entity;
use crate::groups::{Group, GroupId, JoinedGroupRow, Membership, joined_group_columns};
use crate::people::{Account, AccountId};
use crate::{Store, StoreError, from_seconds, on_pool, to_seconds};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub id: SessionId,
    pub account_id: AccountId,
    pub user_agent: Option<String>,
    pub created_at: Timestamp,
    pub last_seen_at: Timestamp,
    pub expires_at: Timestamp,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SessionId(pub i64);

/// A live session with the account it signs in and that account's roles.
#[derive(Debug, Clone, PartialEq)]
pub struct SignedIn {
    pub session: Session,
    pub account: Account,
    pub roles: Vec<Role>,
    /// The group asked about, if it exists, and the account's membership of
    /// it, if any.
    pub group: Option<(Group, Option<Membership>)>,
    /// The person has blocked or muted someone: pages of posts then read
    /// whom ([`Store::person_filters`]), and only then. Kept on the account
    /// (`accounts.filters_anyone`), so it costs the session nothing.
    pub filters_anyone: bool,
}

#[derive(sqlx::FromRow)]
struct SessionRow {
    id: i64,
    account_id: i64,
    user_agent: Option<String>,
    created_at: i64,
    last_seen_at: i64,
    expires_at: i64,
}

impl From<SessionRow> for Session {
    fn from(row: SessionRow) -> Session {
        Session {
            id: SessionId(row.id),
            account_id: AccountId(row.account_id),
            user_agent: row.user_agent,
            created_at: from_seconds(row.created_at),
            last_seen_at: from_seconds(row.last_seen_at),
            expires_at: from_seconds(row.expires_at),
        }
    }
}

/// The columns [`SessionRow`] reads, for `concat!` into each query.
macro_rules! session_columns {
    () => {
        "id, account_id, user_agent, created_at, last_seen_at, expires_at"
    };
}

impl Store {
    pub async fn create_session(
        &self,
        account_id: AccountId,
        token_hash: &str,
        user_agent: Option<&str>,
        now: Timestamp,
        expires_at: Timestamp,
    ) -> Result<Session, StoreError> {
        let sql = concat!(
            "INSERT INTO sessions
                 (account_id, token_hash, user_agent, created_at, last_seen_at, expires_at)
             VALUES ($1, $2, $3, $4, $4, $5) RETURNING ",
            session_columns!()
        );
        let row: SessionRow = on_pool!(self, |pool| {
            sqlx::query_as(sql)
                .bind(account_id.0)
                .bind(token_hash)
                .bind(user_agent)
                .bind(to_seconds(now))
                .bind(to_seconds(expires_at))
                .fetch_one(pool)
                .await
        })
        .map_err(StoreError::conflict_on_unique(Entity::Session))?;
        Ok(row.into())
    }

    /// The live session with this token hash, with its account and the
    /// account's roles, in one statement: every signed-in request starts
    /// here. Expired sessions are not found.
    ///
    /// A request on a group's route names the `group`: the group and the
    /// person's membership of it come in the same statement, as every such
    /// route needs them and each statement is a round trip to the database.
    pub async fn signed_in(
        &self,
        token_hash: &str,
        now: Timestamp,
        group: Option<GroupId>,
    ) -> Result<Option<SignedIn>, StoreError> {
        let sql = concat!(
            "SELECT s.id, s.account_id, s.user_agent, s.created_at, s.last_seen_at,
                    s.expires_at, a.handle, a.email, a.locale, a.time_zone,
                    a.created_at AS account_created_at, r.role, a.filters_anyone, ",
            joined_group_columns!(),
            " FROM sessions s JOIN accounts a ON a.id = s.account_id
              LEFT JOIN account_roles r ON r.account_id = a.id
              LEFT JOIN groups g ON g.id = $3
              LEFT JOIN memberships m ON m.group_id = g.id AND m.account_id = a.id
             WHERE s.token_hash = $1 AND s.expires_at > $2"
        );
        #[derive(sqlx::FromRow)]
        struct Row {
            #[sqlx(flatten)]
            session: SessionRow,
            handle: String,
            email: Option<String>,
            locale: Option<String>,
            time_zone: Option<String>,
            account_created_at: i64,
            role: Option<String>,
            filters_anyone: bool,
            #[sqlx(flatten)]
            group: JoinedGroupRow,
        }
        // A row for each of the account's roles (one when it has none): a
        // join costs PostgreSQL less than a sub-select on every request.
        let rows: Vec<Row> = on_pool!(self, |pool| {
            sqlx::query_as(sql)
                .bind(token_hash)
                .bind(to_seconds(now))
                .bind(group.map(|group| group.0))
                .fetch_all(pool)
                .await
        })?;
        // A role name this version does not know (written by a newer one)
        // is ignored rather than failing the request.
        let mut roles: Vec<Role> = (rows.iter())
            .filter_map(|row| row.role.as_deref()?.parse().ok())
            .collect();
        roles.sort();
        Ok(rows.into_iter().next().map(|row| {
            let session = Session::from(row.session);
            SignedIn {
                account: Account {
                    id: session.account_id,
                    handle: row.handle,
                    email: row.email,
                    locale: row.locale,
                    time_zone: row.time_zone,
                    created_at: from_seconds(row.account_created_at),
                },
                session,
                roles,
                group: row.group.into_group(),
                filters_anyone: row.filters_anyone,
            }
        }))
    }

    /// Records activity on a session and moves its expiry.
    pub async fn touch_session(
        &self,
        id: SessionId,
        now: Timestamp,
        expires_at: Timestamp,
    ) -> Result<(), StoreError> {
        let sql = "UPDATE sessions SET last_seen_at = $1, expires_at = $2 WHERE id = $3";
        on_pool!(self, |pool| {
            sqlx::query(sql)
                .bind(to_seconds(now))
                .bind(to_seconds(expires_at))
                .bind(id.0)
                .execute(pool)
                .await
                .map(|_| ())
        })?;
        Ok(())
    }

    /// An account's live sessions, most recently used first.
    pub async fn sessions_for_account(
        &self,
        account_id: AccountId,
        now: Timestamp,
    ) -> Result<Vec<Session>, StoreError> {
        let sql = concat!(
            "SELECT ",
            session_columns!(),
            " FROM sessions WHERE account_id = $1 AND expires_at > $2
              ORDER BY last_seen_at DESC, id DESC"
        );
        let rows: Vec<SessionRow> = on_pool!(self, |pool| {
            sqlx::query_as(sql)
                .bind(account_id.0)
                .bind(to_seconds(now))
                .fetch_all(pool)
                .await
        })?;
        Ok(rows.into_iter().map(Session::from).collect())
    }

    /// Ends one of an account's sessions. Returns `false` when the account has
    /// no such session (so nobody can end someone else's).
    pub async fn revoke_session(
        &self,
        account_id: AccountId,
        id: SessionId,
    ) -> Result<bool, StoreError> {
        let sql = "DELETE FROM sessions WHERE id = $1 AND account_id = $2";
        let deleted = on_pool!(self, |pool| {
            sqlx::query(sql)
                .bind(id.0)
                .bind(account_id.0)
                .execute(pool)
                .await
                .map(|done| done.rows_affected())
        })?;
        Ok(deleted == 1)
    }

    /// Ends every session of an account but `keep` (when given). Returns how
    /// many ended.
    pub async fn revoke_other_sessions(
        &self,
        account_id: AccountId,
        keep: Option<SessionId>,
    ) -> Result<u64, StoreError> {
        let sql = "DELETE FROM sessions WHERE account_id = $1 AND id <> $2";
        // No session has id 0, so "keep none" needs no second query text.
        let keep = keep.map_or(0, |id| id.0);
        let deleted = on_pool!(self, |pool| {
            sqlx::query(sql)
                .bind(account_id.0)
                .bind(keep)
                .execute(pool)
                .await
                .map(|done| done.rows_affected())
        })?;
        Ok(deleted)
    }

    /// Forgets sessions that can no longer be used.
    pub async fn delete_expired_sessions(&self, now: Timestamp) -> Result<u64, StoreError> {
        let sql = "DELETE FROM sessions WHERE expires_at <= $1";
        let deleted = on_pool!(self, |pool| {
            sqlx::query(sql)
                .bind(to_seconds(now))
                .execute(pool)
                .await
                .map(|done| done.rows_affected())
        })?;
        Ok(deleted)
    }
}
