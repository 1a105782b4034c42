//! Password hashing with argon2id, always off the async runtime: one hash
//! takes tens of milliseconds of CPU, which would stall every other request on
//! the same worker thread.

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use std::sync::OnceLock;

use hearth_domain::people::NewPassword;

use crate::AppError;

/// Hashes a new password (argon2id, the crate's recommended parameters).
pub async fn hash(password: &NewPassword) -> Result<String, AppError> {
    let password = password.expose().to_owned();
    blocking(move || {
        let salt = new_salt()?;
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|hash| hash.to_string())
            .map_err(|e| AppError::internal(format!("hashing a password: {e}")))
    })
    .await
}

/// Checks a password against a stored hash. With no stored hash (unknown
/// handle) it checks against a dummy one, so a wrong handle takes as long as a
/// wrong password and does not reveal which handles exist.
pub async fn verify(password: &str, stored_hash: Option<String>) -> Result<bool, AppError> {
    static DUMMY_HASH: OnceLock<String> = OnceLock::new();
    let password = password.to_owned();
    let known = stored_hash.is_some();
    blocking(move || {
        let stored = stored_hash.unwrap_or_else(|| {
            DUMMY_HASH
                .get_or_init(|| {
                    let salt = new_salt().expect("encoding 16 random bytes cannot fail");
                    Argon2::default()
                        .hash_password(b"not anyone's password", &salt)
                        .expect("hashing a constant cannot fail")
                        .to_string()
                })
                .clone()
        });
        let parsed = PasswordHash::new(&stored)
            .map_err(|e| AppError::internal(format!("a stored password hash is malformed: {e}")))?;
        let matches = Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok();
        Ok(known && matches)
    })
    .await
}

fn new_salt() -> Result<SaltString, AppError> {
    let bytes: [u8; 16] = rand::random();
    SaltString::encode_b64(&bytes).map_err(|e| AppError::internal(format!("making a salt: {e}")))
}

async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, AppError> + Send + 'static,
) -> Result<T, AppError> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| AppError::internal(format!("password task: {e}")))?
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_hash_verifies_its_password_and_nothing_else() {
        let password = NewPassword::parse("kettle-on-the-hob").unwrap();
        let stored = hash(&password).await.unwrap();
        assert!(stored.starts_with("$argon2id$"));
        assert!(
            verify("kettle-on-the-hob", Some(stored.clone()))
                .await
                .unwrap()
        );
        assert!(!verify("kettle-on-the-hoB", Some(stored)).await.unwrap());
    }

    #[tokio::test]
    async fn an_unknown_account_never_verifies() {
        assert!(!verify("kettle-on-the-hob", None).await.unwrap());
    }
}
