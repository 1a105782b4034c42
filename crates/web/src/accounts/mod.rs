//! Accounts: registering, signing in and out, passwords and sessions.
//!
//! The rules shared by the pages and the API live here; `pages` and `api`
//! only parse their input and shape their output.

pub mod api;
pub mod pages;

use hearth_domain::people::{
    Email, EmailError, Handle, HandleError, NewPassword, PasswordError, TimeZoneName,
};
use hearth_domain::throttle::Limit;
use hearth_store::StoreError;
use hearth_store::people::{Account, Suspended};
use jiff::Timestamp;

use crate::auth::{ClientAddress, password};
use crate::error::FieldError;
use crate::i18n::{Lang, Message};
use crate::{AppError, AppState};

/// A registration whose every field has been checked.
pub struct Registration {
    pub handle: Handle,
    pub password: NewPassword,
    pub email: Option<Email>,
}

impl Registration {
    /// Checks every field, reporting all that are wrong at once.
    pub fn parse(handle: &str, password: &str, email: Option<&str>) -> Result<Self, AppError> {
        let mut errors = Vec::new();
        let handle = Handle::parse(handle)
            .map_err(|e| errors.push(handle_error(e)))
            .ok();
        let password = NewPassword::parse(password)
            .map_err(|e| errors.push(password_error("password", e)))
            .ok();
        let email = Email::parse_optional(email)
            .map_err(|e| errors.push(email_error(e)))
            .ok();
        match (handle, password, email) {
            (Some(handle), Some(password), Some(email)) => Ok(Registration {
                handle,
                password,
                email,
            }),
            _ => Err(AppError::Invalid(errors)),
        }
    }
}

/// Creates the account. A handle already taken, in any case, is a
/// [`AppError::Conflict`].
pub async fn register(state: &AppState, registration: Registration) -> Result<Account, AppError> {
    let hash = password::hash(&registration.password).await?;
    state
        .store
        .create_account(
            &registration.handle,
            &hash,
            registration.email.as_ref(),
            Timestamp::now(),
        )
        .await
        .map_err(|error| match error {
            StoreError::Conflict(_) => AppError::Conflict(
                Message::new("field-handle-taken").with("handle", registration.handle.as_str()),
            ),
            other => other.into(),
        })
}

/// Checks a handle and password, within the login throttle.
///
/// Too many recent failures for the handle (from anywhere) or from the
/// address (for any handle) refuse the attempt before the password is even
/// looked at; a wrong password counts as one more failure.
pub async fn sign_in(
    state: &AppState,
    handle: &str,
    password: &str,
    address: &ClientAddress,
) -> Result<Account, AppError> {
    let now = Timestamp::now();
    let handle_key = Handle::key_of(handle);
    check_throttle(state, &handle_key, address, now).await?;
    let credentials = state.store.credentials(&handle_key).await?;
    let (account, stored_hash, suspension) = match credentials {
        Some(c) => (Some(c.account), Some(c.password_hash), c.suspension),
        None => (None, None, None),
    };
    match (password::verify(password, stored_hash).await?, account) {
        (true, Some(account)) => {
            state
                .store
                .clear_failed_logins_for_handle(&handle_key)
                .await?;
            // Told only once the password is right: a suspension is no one
            // else's business.
            match suspension.filter(|suspension| suspension.holds_at(now)) {
                Some(Suspended::Until(until)) => {
                    // Whole days left, rounded up.
                    let days = (until.duration_since(now).as_hours() + 23) / 24;
                    Err(AppError::Suspended(
                        Message::new("account-suspended-for").with("days", days.max(1)),
                    ))
                }
                Some(Suspended::Indefinitely) => {
                    Err(AppError::Suspended(Message::new("account-suspended")))
                }
                None => Ok(account),
            }
        }
        _ => {
            state
                .store
                .record_failed_login(&handle_key, &address.0, now)
                .await?;
            Err(AppError::WrongCredentials)
        }
    }
}

async fn check_throttle(
    state: &AppState,
    handle_key: &str,
    address: &ClientAddress,
    now: Timestamp,
) -> Result<(), AppError> {
    let limits = [Limit::LOGIN_PER_HANDLE, Limit::LOGIN_PER_ADDRESS];
    let window = limits.iter().map(|l| l.window).max().unwrap_or_default();
    let since = now - window;
    // Old failures stop counting and their addresses stop being kept.
    state.store.prune_failed_logins(since).await?;
    let by_handle = state
        .store
        .failed_logins_for_handle(handle_key, since, Limit::LOGIN_PER_HANDLE.max_events)
        .await?;
    let by_address = state
        .store
        .failed_logins_from_address(&address.0, since, Limit::LOGIN_PER_ADDRESS.max_events)
        .await?;
    let wait = [
        Limit::LOGIN_PER_HANDLE.wait_before_next_attempt(&by_handle, now),
        Limit::LOGIN_PER_ADDRESS.wait_before_next_attempt(&by_address, now),
    ]
    .into_iter()
    .flatten()
    .max();
    match wait {
        Some(retry_after) => Err(AppError::TooManyAttempts { retry_after }),
        None => Ok(()),
    }
}

/// Changes a signed-in person's password, after checking the current one,
/// and signs out every other session: whoever knew the old password is out.
pub async fn change_password(
    state: &AppState,
    user: &crate::auth::CurrentUser,
    current: &str,
    new: &str,
) -> Result<(), AppError> {
    let stored = state.store.password_hash(user.account.id).await?;
    if !password::verify(current, stored).await? {
        return Err(AppError::Invalid(vec![FieldError {
            field: "current_password",
            code: "wrong",
            message: Message::new("field-current-password-wrong"),
        }]));
    }
    let new = NewPassword::parse(new)
        .map_err(|e| AppError::Invalid(vec![password_error("new_password", e)]))?;
    let hash = password::hash(&new).await?;
    state
        .store
        .set_password_hash(user.account.id, &hash)
        .await?;
    state
        .store
        .revoke_other_sessions(user.account.id, Some(user.session_id))
        .await?;
    Ok(())
}

/// Saves the language a person chose in their settings; `None` follows the
/// browser. A code Hearth does not speak is refused.
pub async fn set_language(
    state: &AppState,
    user: &crate::auth::CurrentUser,
    code: Option<&str>,
) -> Result<(), AppError> {
    let lang = match code.map(str::trim).filter(|c| !c.is_empty()) {
        None => None,
        Some(code) => Some(Lang::from_code(code).ok_or_else(|| {
            AppError::Invalid(vec![FieldError {
                field: "locale",
                code: "unknown",
                message: Message::new("field-locale-unknown"),
            }])
        })?),
    };
    state
        .store
        .set_locale(user.account.id, lang.map(Lang::code))
        .await?;
    Ok(())
}

/// Saves the time zone a person lives in, by its IANA name.
pub async fn set_time_zone(
    state: &AppState,
    user: &crate::auth::CurrentUser,
    name: &str,
) -> Result<(), AppError> {
    let zone = TimeZoneName::parse(name).map_err(|_| {
        AppError::Invalid(vec![FieldError {
            field: "time_zone",
            code: "unknown",
            message: Message::new("field-time-zone-unknown"),
        }])
    })?;
    state.store.set_time_zone(user.account.id, &zone).await?;
    Ok(())
}

fn handle_error(error: HandleError) -> FieldError {
    let message = match error {
        HandleError::TooShort => {
            Message::new("field-handle-too-short").with("min", Handle::MIN_CHARS)
        }
        HandleError::TooLong => {
            Message::new("field-handle-too-long").with("max", Handle::MAX_CHARS)
        }
        HandleError::InvalidCharacter => Message::new("field-handle-invalid-character"),
    };
    FieldError {
        field: "handle",
        code: error.code(),
        message,
    }
}

fn password_error(field: &'static str, error: PasswordError) -> FieldError {
    let message = match error {
        PasswordError::TooShort => {
            Message::new("field-password-too-short").with("min", NewPassword::MIN_CHARS)
        }
        PasswordError::TooLong => {
            Message::new("field-password-too-long").with("max", NewPassword::MAX_CHARS)
        }
        PasswordError::TooCommon => Message::new("field-password-too-common"),
    };
    FieldError {
        field,
        code: error.code(),
        message,
    }
}

fn email_error(error: EmailError) -> FieldError {
    let message = match error {
        EmailError::Invalid => Message::new("field-email-invalid"),
        EmailError::TooLong => Message::new("field-email-too-long").with("max", Email::MAX_CHARS),
    };
    FieldError {
        field: "email",
        code: error.code(),
        message,
    }
}
