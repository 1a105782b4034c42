//! Accounts and the site-wide roles granted to them.

use hearth_domain::moderation::ModeratorReason;
use hearth_domain::people::{Email, Handle, Role, TimeZoneName};
use jiff::Timestamp;

use crate::error::Entity;
use crate::groups::audit::{AuditAction, operator_audit};
use crate::{BeginWrite, Store, StoreError, from_seconds, on_pool, to_seconds};

/// A person's account, without their password hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub id: AccountId,
    pub handle: String,
    pub email: Option<String>,
    /// The language code the person chose; `None` follows their browser.
    pub locale: Option<String>,
    /// The IANA time zone the person chose; `None` until they do.
    pub time_zone: Option<String>,
    pub created_at: Timestamp,
}

enum RoleChange {
    Grant,
    Revoke,
}

/// The database id of an account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AccountId(pub i64);

/// An account with the hash its password is checked against, and whether
/// it may sign in.
#[derive(Debug, Clone)]
pub struct Credentials {
    pub account: Account,
    pub password_hash: String,
    pub suspension: Option<Suspended>,
}

/// A site-wide suspension an admin decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Suspended {
    Until(Timestamp),
    /// Until an admin lifts it.
    Indefinitely,
}

impl Suspended {
    /// Whether it still keeps the person out at `now`.
    pub fn holds_at(self, now: Timestamp) -> bool {
        match self {
            Suspended::Until(until) => until > now,
            Suspended::Indefinitely => true,
        }
    }
}

#[derive(sqlx::FromRow)]
struct AccountRow {
    id: i64,
    handle: String,
    email: Option<String>,
    locale: Option<String>,
    time_zone: Option<String>,
    created_at: i64,
}

impl From<AccountRow> for Account {
    fn from(row: AccountRow) -> Account {
        Account {
            id: AccountId(row.id),
            handle: row.handle,
            email: row.email,
            locale: row.locale,
            time_zone: row.time_zone,
            created_at: from_seconds(row.created_at),
        }
    }
}

#[derive(sqlx::FromRow)]
struct CredentialsRow {
    #[sqlx(flatten)]
    account: AccountRow,
    password_hash: String,
    suspended_at: Option<i64>,
    suspended_until: Option<i64>,
}

/// The columns [`AccountRow`] reads, for `concat!` into each query.
macro_rules! account_columns {
    () => {
        "id, handle, email, locale, time_zone, created_at"
    };
}

impl Store {
    /// Creates an account. [`StoreError::Conflict`] when the handle (in any
    /// case) is taken.
    pub async fn create_account(
        &self,
        handle: &Handle,
        password_hash: &str,
        email: Option<&Email>,
        now: Timestamp,
    ) -> Result<Account, StoreError> {
        let sql = concat!(
            "INSERT INTO accounts (handle, handle_key, password_hash, email, created_at)
             VALUES ($1, $2, $3, $4, $5) RETURNING ",
            account_columns!()
        );
        let row: AccountRow = on_pool!(self, |pool| {
            sqlx::query_as(sql)
                .bind(handle.as_str())
                .bind(handle.key())
                .bind(password_hash)
                .bind(email.map(Email::as_str))
                .bind(to_seconds(now))
                .fetch_one(pool)
                .await
        })
        .map_err(StoreError::conflict_on_unique(Entity::Account))?;
        Ok(row.into())
    }

    pub async fn account(&self, id: AccountId) -> Result<Option<Account>, StoreError> {
        let sql = concat!(
            "SELECT ",
            account_columns!(),
            " FROM accounts WHERE id = $1"
        );
        let row: Option<AccountRow> = on_pool!(self, |pool| {
            sqlx::query_as(sql).bind(id.0).fetch_optional(pool).await
        })?;
        Ok(row.map(Account::from))
    }

    /// Looks an account up by [`Handle::key`] for signing in.
    pub async fn credentials(&self, handle_key: &str) -> Result<Option<Credentials>, StoreError> {
        let sql = concat!(
            "SELECT ",
            account_columns!(),
            ", password_hash, suspended_at, suspended_until FROM accounts WHERE handle_key = $1"
        );
        let row: Option<CredentialsRow> = on_pool!(self, |pool| {
            sqlx::query_as(sql)
                .bind(handle_key)
                .fetch_optional(pool)
                .await
        })?;
        Ok(row.map(|row| Credentials {
            account: row.account.into(),
            password_hash: row.password_hash,
            suspension: match (row.suspended_at, row.suspended_until) {
                (None, _) => None,
                (Some(_), Some(until)) => Some(Suspended::Until(from_seconds(until))),
                (Some(_), None) => Some(Suspended::Indefinitely),
            },
        }))
    }

    pub async fn password_hash(&self, id: AccountId) -> Result<Option<String>, StoreError> {
        let sql = "SELECT password_hash FROM accounts WHERE id = $1";
        let hash: Option<String> = on_pool!(self, |pool| {
            sqlx::query_scalar(sql)
                .bind(id.0)
                .fetch_optional(pool)
                .await
        })?;
        Ok(hash)
    }

    pub async fn set_password_hash(
        &self,
        id: AccountId,
        password_hash: &str,
    ) -> Result<(), StoreError> {
        let sql = "UPDATE accounts SET password_hash = $1 WHERE id = $2";
        let result = on_pool!(self, |pool| {
            sqlx::query(sql)
                .bind(password_hash)
                .bind(id.0)
                .execute(pool)
                .await
                .map(|done| done.rows_affected())
        })?;
        match result {
            0 => Err(StoreError::NotFound(Entity::Account)),
            _ => Ok(()),
        }
    }

    /// Saves the language a person chose, or clears it (`None`: follow the
    /// browser). The code is not checked here: the web layer only passes
    /// languages it speaks.
    pub async fn set_locale(&self, id: AccountId, locale: Option<&str>) -> Result<(), StoreError> {
        let sql = "UPDATE accounts SET locale = $1 WHERE id = $2";
        let updated = on_pool!(self, |pool| {
            sqlx::query(sql)
                .bind(locale)
                .bind(id.0)
                .execute(pool)
                .await
                .map(|done| done.rows_affected())
        })?;
        match updated {
            0 => Err(StoreError::NotFound(Entity::Account)),
            _ => Ok(()),
        }
    }

    /// The roles an account holds, in a stable order.
    /// Saves the time zone the person lives in.
    pub async fn set_time_zone(
        &self,
        id: AccountId,
        time_zone: &TimeZoneName,
    ) -> Result<(), StoreError> {
        let sql = "UPDATE accounts SET time_zone = $1 WHERE id = $2";
        let updated = on_pool!(self, |pool| {
            sqlx::query(sql)
                .bind(time_zone.as_str())
                .bind(id.0)
                .execute(pool)
                .await
                .map(|done| done.rows_affected())
        })?;
        if updated == 0 {
            return Err(StoreError::NotFound(Entity::Account));
        }
        Ok(())
    }

    pub async fn roles(&self, id: AccountId) -> Result<Vec<Role>, StoreError> {
        let sql = "SELECT role FROM account_roles WHERE account_id = $1";
        let names: Vec<String> = on_pool!(self, |pool| {
            sqlx::query_scalar(sql).bind(id.0).fetch_all(pool).await
        })?;
        // A role name this version does not know (written by a newer one) is
        // ignored rather than failing the whole request.
        let mut roles: Vec<Role> = names.iter().filter_map(|n| n.parse().ok()).collect();
        roles.sort();
        Ok(roles)
    }

    /// Grants a role to the account with this handle key, and says why in
    /// the audit log, where every site admin reads it. Returns `false` (and
    /// writes nothing) when the account already held it.
    pub async fn grant_role(
        &self,
        handle_key: &str,
        role: Role,
        reason: &ModeratorReason,
        now: Timestamp,
    ) -> Result<bool, StoreError> {
        (self.change_role(handle_key, RoleChange::Grant, role, reason, now)).await
    }

    /// Takes a role away, and says why in the audit log. Returns `false`
    /// (and writes nothing) when the account did not hold it.
    pub async fn revoke_role(
        &self,
        handle_key: &str,
        role: Role,
        reason: &ModeratorReason,
        now: Timestamp,
    ) -> Result<bool, StoreError> {
        (self.change_role(handle_key, RoleChange::Revoke, role, reason, now)).await
    }

    /// Grants or revokes `role` and, when that changed anything, writes the
    /// audit entry, in one transaction. Roles are changed by the site's
    /// operator at the console, so the entry has no actor.
    async fn change_role(
        &self,
        handle_key: &str,
        change: RoleChange,
        role: Role,
        reason: &ModeratorReason,
        now: Timestamp,
    ) -> Result<bool, StoreError> {
        let changed: Option<bool> = on_pool!(self, |pool| async {
            let mut tx = pool.begin_write().await?;
            let account: Option<i64> =
                sqlx::query_scalar("SELECT id FROM accounts WHERE handle_key = $1")
                    .bind(handle_key)
                    .fetch_optional(&mut *tx)
                    .await?;
            let Some(account) = account else {
                tx.rollback().await?;
                return Ok(None);
            };
            let (statement, action) = match change {
                RoleChange::Grant => (
                    sqlx::query(
                        "INSERT INTO account_roles (account_id, role, granted_at)
                         VALUES ($1, $2, $3) ON CONFLICT (account_id, role) DO NOTHING",
                    )
                    .bind(account)
                    .bind(role.as_str())
                    .bind(to_seconds(now)),
                    AuditAction::granting(role),
                ),
                RoleChange::Revoke => (
                    sqlx::query("DELETE FROM account_roles WHERE account_id = $1 AND role = $2")
                        .bind(account)
                        .bind(role.as_str()),
                    AuditAction::revoking(role),
                ),
            };
            let changed = statement.execute(&mut *tx).await?.rows_affected() == 1;
            if changed {
                operator_audit!(tx, action, account, reason, now);
            }
            tx.commit().await?;
            Ok::<_, sqlx::Error>(Some(changed))
        }
        .await)?;
        changed.ok_or(StoreError::NotFound(Entity::Account))
    }
}

/// What a person chose about another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FilterKind {
    /// No contact: their posts are collapsed for me, and nothing they do
    /// notifies me.
    Block,
    /// Their posts are hidden from me, and nothing they do notifies me;
    /// they are not told.
    Mute,
}

impl FilterKind {
    pub fn as_str(self) -> &'static str {
        match self {
            FilterKind::Block => "block",
            FilterKind::Mute => "mute",
        }
    }

    pub fn parse(text: &str) -> Option<FilterKind> {
        match text {
            "block" => Some(FilterKind::Block),
            "mute" => Some(FilterKind::Mute),
            _ => None,
        }
    }
}

/// Someone a person blocked or muted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonFilter {
    pub other: AccountId,
    pub handle: String,
    pub kind: FilterKind,
    pub created_at: Timestamp,
}

impl Store {
    /// Blocks or mutes `other` for `account`, replacing what was chosen
    /// before. [`StoreError::NotFound`] when `other` is not an account, or
    /// is `account` itself.
    pub async fn filter_person(
        &self,
        account: AccountId,
        other: AccountId,
        kind: FilterKind,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        let written = on_pool!(self, |pool| async {
            let mut tx = pool.begin_write().await?;
            let written = sqlx::query(
                "INSERT INTO person_filters (account_id, other_id, kind, created_at)
                 SELECT $1, id, $3, $4 FROM accounts WHERE id = $2 AND id <> $1
                 ON CONFLICT (account_id, other_id)
                 DO UPDATE SET kind = excluded.kind, created_at = excluded.created_at",
            )
            .bind(account.0)
            .bind(other.0)
            .bind(kind.as_str())
            .bind(to_seconds(now))
            .execute(&mut *tx)
            .await?
            .rows_affected();
            sqlx::query("UPDATE accounts SET filters_anyone = TRUE WHERE id = $1")
                .bind(account.0)
                .execute(&mut *tx)
                .await?;
            if written > 0 {
                tx.commit().await?;
            }
            Ok::<_, sqlx::Error>(written)
        }
        .await)?;
        if written == 0 {
            return Err(StoreError::NotFound(Entity::Account));
        }
        Ok(())
    }

    /// Takes a block or mute back. Taking back nothing changes nothing.
    pub async fn unfilter_person(
        &self,
        account: AccountId,
        other: AccountId,
    ) -> Result<(), StoreError> {
        on_pool!(self, |pool| async {
            let mut tx = pool.begin_write().await?;
            sqlx::query("DELETE FROM person_filters WHERE account_id = $1 AND other_id = $2")
                .bind(account.0)
                .bind(other.0)
                .execute(&mut *tx)
                .await?;
            sqlx::query(
                "UPDATE accounts SET filters_anyone =
                     EXISTS (SELECT 1 FROM person_filters WHERE account_id = $1)
                 WHERE id = $1",
            )
            .bind(account.0)
            .execute(&mut *tx)
            .await?;
            tx.commit().await
        }
        .await)?;
        Ok(())
    }

    /// Everyone `account` blocked or muted, by handle.
    pub async fn person_filters(
        &self,
        account: AccountId,
    ) -> Result<Vec<PersonFilter>, StoreError> {
        let sql = "SELECT f.other_id, a.handle, f.kind, f.created_at
                   FROM person_filters f JOIN accounts a ON a.id = f.other_id
                   WHERE f.account_id = $1 ORDER BY a.handle_key";
        let rows: Vec<(i64, String, String, i64)> = on_pool!(self, |pool| {
            sqlx::query_as(sql).bind(account.0).fetch_all(pool).await
        })?;
        Ok(rows
            .into_iter()
            .filter_map(|(other, handle, kind, at)| {
                Some(PersonFilter {
                    other: AccountId(other),
                    handle,
                    kind: FilterKind::parse(&kind)?,
                    created_at: from_seconds(at),
                })
            })
            .collect())
    }
}
