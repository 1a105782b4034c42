//! Private text sealed at rest: journal entries, check-in notes, what a
//! member learned when they started again.
//!
//! Each value is encrypted with AES-256-GCM under the operator's data key
//! before it reaches the database, so the database alone (a backup, a
//! stolen disk, a curious database administrator) never reveals it. The
//! key lives outside the database: in `HEARTH_DATA_KEY`, or in a key file
//! the server creates on first run (see the README, "Private text and the data key").
//!
//! A sealed value reads `hs1:KEYID:BASE64`, where `KEYID` names the key it
//! was sealed with and `BASE64` is a fresh 96-bit nonce followed by the
//! ciphertext and tag. The associated data binds the value to what it is
//! and whose it is, so a sealed note copied into another member's row, or
//! into a journal entry, does not open. The empty text stays empty: its
//! length would say as much anyway.
//!
//! Rotation: a [`Keyring`] holds the current key, which seals, and earlier
//! ones, which only open. [`Store::reseal_everything`] seals every value
//! again under the current key, after which the earlier keys can go.

use std::fmt;

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Key, Nonce};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use rand::RngCore;
use sha2::{Digest, Sha256};

use crate::{Store, StoreError, on_pool};

const PREFIX: &str = "hs1:";
const NONCE_BYTES: usize = 12;

/// What a sealed value is. Part of the associated data: a value sealed as
/// one kind never opens as another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Sealed {
    CheckInNote,
    CheckInHelped,
    StreakLearned,
    JournalEntry,
}

impl Sealed {
    fn label(self) -> &'static str {
        match self {
            Sealed::CheckInNote => "check-in note",
            Sealed::CheckInHelped => "check-in helped",
            Sealed::StreakLearned => "streak learned",
            Sealed::JournalEntry => "journal entry",
        }
    }
}

/// A 256-bit data key.
#[derive(Clone)]
pub struct DataKey {
    cipher: Aes256Gcm,
    encoded: String,
    id: String,
}

/// Why a data key could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyError {
    #[error("a data key is 32 bytes written in base64 (make one with `hearth data-key generate`)")]
    Malformed,
    #[error("no data key is given")]
    Missing,
}

impl DataKey {
    /// A new random key.
    pub fn generate() -> DataKey {
        let mut bytes = [0u8; 32];
        rand::rng().fill_bytes(&mut bytes);
        DataKey::from_bytes(&bytes)
    }

    /// Reads a key written as [`DataKey::encoded`] gives it.
    pub fn parse(text: &str) -> Result<DataKey, KeyError> {
        let bytes = STANDARD
            .decode(text.trim())
            .map_err(|_| KeyError::Malformed)?;
        let bytes: [u8; 32] = bytes.try_into().map_err(|_| KeyError::Malformed)?;
        Ok(DataKey::from_bytes(&bytes))
    }

    fn from_bytes(bytes: &[u8; 32]) -> DataKey {
        let digest = Sha256::new()
            .chain_update(b"hearth data key id\n")
            .chain_update(bytes)
            .finalize();
        DataKey {
            cipher: Aes256Gcm::new(Key::<Aes256Gcm>::from_slice(bytes)),
            encoded: STANDARD.encode(bytes),
            id: digest[..4]
                .iter()
                .map(|byte| format!("{byte:02x}"))
                .collect(),
        }
    }

    /// The key in base64, as `HEARTH_DATA_KEY` and the key file hold it.
    pub fn encoded(&self) -> &str {
        &self.encoded
    }

    /// A short name for the key that does not reveal it: eight hex digits
    /// of a hash, written into every value it seals.
    pub fn id(&self) -> &str {
        &self.id
    }
}

impl fmt::Debug for DataKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DataKey({})", self.id)
    }
}

/// The key that seals, and earlier keys that still open.
#[derive(Debug, Clone)]
pub struct Keyring {
    keys: Vec<DataKey>,
}

impl Keyring {
    pub fn new(current: DataKey, earlier: Vec<DataKey>) -> Keyring {
        let mut keys = vec![current];
        keys.extend(earlier);
        Keyring { keys }
    }

    /// Reads keys separated by commas or lines, the current one first, as
    /// `HEARTH_DATA_KEY` and the key file hold them. Blank lines and lines
    /// starting with `#` are skipped.
    pub fn parse(text: &str) -> Result<Keyring, KeyError> {
        let keys = (text.lines())
            .filter(|line| !line.trim_start().starts_with('#'))
            .flat_map(|line| line.split(','))
            .map(str::trim)
            .filter(|part| !part.is_empty())
            .map(DataKey::parse)
            .collect::<Result<Vec<_>, _>>()?;
        if keys.is_empty() {
            return Err(KeyError::Missing);
        }
        Ok(Keyring { keys })
    }

    /// The key new values are sealed with.
    pub fn current(&self) -> &DataKey {
        &self.keys[0]
    }

    pub fn keys(&self) -> &[DataKey] {
        &self.keys
    }

    fn knows(&self, id: &str) -> bool {
        self.keys.iter().any(|key| key.id == id)
    }

    pub(crate) fn seal(&self, kind: Sealed, owner: i64, plain: &str) -> String {
        if plain.is_empty() {
            return String::new();
        }
        let key = self.current();
        let mut nonce = [0u8; NONCE_BYTES];
        rand::rng().fill_bytes(&mut nonce);
        let aad = associated_data(kind, owner);
        let sealed = (key.cipher)
            .encrypt(
                Nonce::from_slice(&nonce),
                Payload {
                    msg: plain.as_bytes(),
                    aad: aad.as_bytes(),
                },
            )
            .expect("AES-GCM seals any text shorter than 64 GiB");
        let mut body = nonce.to_vec();
        body.extend(sealed);
        format!("{PREFIX}{}:{}", key.id, STANDARD.encode(body))
    }

    pub(crate) fn open(
        &self,
        kind: Sealed,
        owner: i64,
        stored: &str,
    ) -> Result<String, Unsealable> {
        if stored.is_empty() {
            return Ok(String::new());
        }
        let Some(rest) = stored.strip_prefix(PREFIX) else {
            return Err(Unsealable::NotSealed);
        };
        let (id, body) = rest.split_once(':').ok_or(Unsealable::Damaged)?;
        let key = (self.keys.iter())
            .find(|key| key.id == id)
            .ok_or_else(|| Unsealable::UnknownKey(id.to_owned()))?;
        let body = STANDARD.decode(body).map_err(|_| Unsealable::Damaged)?;
        if body.len() < NONCE_BYTES {
            return Err(Unsealable::Damaged);
        }
        let (nonce, sealed) = body.split_at(NONCE_BYTES);
        let aad = associated_data(kind, owner);
        let plain = (key.cipher)
            .decrypt(
                Nonce::from_slice(nonce),
                Payload {
                    msg: sealed,
                    aad: aad.as_bytes(),
                },
            )
            .map_err(|_| Unsealable::Damaged)?;
        String::from_utf8(plain).map_err(|_| Unsealable::Damaged)
    }
}

fn associated_data(kind: Sealed, owner: i64) -> String {
    format!("hearth/{}/{owner}", kind.label())
}

/// Why a stored value could not be opened.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Unsealable {
    #[error("it was sealed with data key {0}, which this server does not have")]
    UnknownKey(String),
    #[error("it was changed after it was sealed, or belongs elsewhere")]
    Damaged,
    #[error("it is not sealed")]
    NotSealed,
}

/// Every sealed column: how to read each value with its owner, and how to
/// write it back only if nobody changed it meanwhile.
struct SealedColumn {
    kind: Sealed,
    /// `SELECT id, owner, value` of every row whose value is not empty.
    select: &'static str,
    /// `$1` the new value, `$2` the id, `$3` the value as read.
    update: &'static str,
}

const SEALED_COLUMNS: &[SealedColumn] = &[
    SealedColumn {
        kind: Sealed::StreakLearned,
        select: "SELECT s.id, c.account_id, s.learned FROM recovery_streaks s
                 JOIN recovery_counters c ON c.id = s.counter_id WHERE s.learned <> ''",
        update: "UPDATE recovery_streaks SET learned = $1 WHERE id = $2 AND learned = $3",
    },
    SealedColumn {
        kind: Sealed::CheckInNote,
        select: "SELECT id, account_id, note FROM recovery_check_ins WHERE note <> ''",
        update: "UPDATE recovery_check_ins SET note = $1 WHERE id = $2 AND note = $3",
    },
    SealedColumn {
        kind: Sealed::CheckInHelped,
        select: "SELECT id, account_id, helped FROM recovery_check_ins WHERE helped <> ''",
        update: "UPDATE recovery_check_ins SET helped = $1 WHERE id = $2 AND helped = $3",
    },
    SealedColumn {
        kind: Sealed::JournalEntry,
        select: "SELECT id, account_id, body FROM recovery_journal WHERE body <> ''",
        update: "UPDATE recovery_journal SET body = $1 WHERE id = $2 AND body = $3",
    },
];

/// What [`Store::reseal_everything`] did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Resealed {
    /// Values now sealed under the current key.
    pub values: u64,
    /// Of those, values written before sealing existed, now sealed for the
    /// first time.
    pub were_plain: u64,
}

impl Store {
    /// Takes `keys` as this store's keyring, after checking that it holds
    /// every key the database has values sealed with, and records the
    /// current key as one in use. A node with the wrong key stops here,
    /// before it writes anything the others cannot read.
    pub async fn with_data_keys(mut self, keys: Keyring) -> Result<Store, StoreError> {
        let missing: Vec<String> = (self.data_keys_in_use().await?.into_iter())
            .filter(|id| !keys.knows(id))
            .collect();
        if !missing.is_empty() {
            return Err(StoreError::MissingDataKeys(missing));
        }
        let sql = "INSERT INTO data_keys (key_id) VALUES ($1) ON CONFLICT (key_id) DO NOTHING";
        on_pool!(self, |pool| {
            sqlx::query(sql)
                .bind(keys.current().id())
                .execute(pool)
                .await
                .map(|_| ())
        })?;
        self.keys = Some(std::sync::Arc::new(keys));
        Ok(self)
    }

    /// The ids of the keys values in this database may be sealed with.
    pub async fn data_keys_in_use(&self) -> Result<Vec<String>, StoreError> {
        let sql = "SELECT key_id FROM data_keys ORDER BY key_id";
        Ok(on_pool!(self, |pool| {
            sqlx::query_scalar(sql).fetch_all(pool).await
        })?)
    }

    pub(crate) fn keyring(&self) -> Result<&Keyring, StoreError> {
        self.keys.as_deref().ok_or(StoreError::NoDataKey)
    }

    pub(crate) fn seal(&self, kind: Sealed, owner: i64, plain: &str) -> Result<String, StoreError> {
        Ok(self.keyring()?.seal(kind, owner, plain))
    }

    /// Opens a stored value. Text written before sealing existed (only
    /// what members learned, from the first counters) reads as it is until
    /// [`Store::reseal_everything`] seals it.
    pub(crate) fn open(
        &self,
        kind: Sealed,
        owner: i64,
        stored: &str,
    ) -> Result<String, StoreError> {
        match self.keyring()?.open(kind, owner, stored) {
            Ok(plain) => Ok(plain),
            Err(Unsealable::NotSealed) if kind == Sealed::StreakLearned => Ok(stored.to_owned()),
            Err(error) => Err(StoreError::Unsealable(error)),
        }
    }

    /// Seals every private value again under the current key, and forgets
    /// the earlier keys: after this, the keyring needs only its current
    /// key. Each value is written back only if it did not change while
    /// this ran; one that did is already sealed under the current key.
    pub async fn reseal_everything(&self) -> Result<Resealed, StoreError> {
        let keys = self.keyring()?;
        let mut done = Resealed::default();
        for column in SEALED_COLUMNS {
            let rows: Vec<(i64, i64, String)> = on_pool!(self, |pool| {
                sqlx::query_as(column.select).fetch_all(pool).await
            })?;
            for (id, owner, stored) in rows {
                let plain = match keys.open(column.kind, owner, &stored) {
                    Ok(plain) => plain,
                    Err(Unsealable::NotSealed) if column.kind == Sealed::StreakLearned => {
                        done.were_plain += 1;
                        stored.clone()
                    }
                    Err(error) => return Err(StoreError::Unsealable(error)),
                };
                let sealed = keys.seal(column.kind, owner, &plain);
                on_pool!(self, |pool| {
                    sqlx::query(column.update)
                        .bind(&sealed)
                        .bind(id)
                        .bind(&stored)
                        .execute(pool)
                        .await
                        .map(|_| ())
                })?;
                done.values += 1;
            }
        }
        let sql = "DELETE FROM data_keys WHERE key_id <> $1";
        on_pool!(self, |pool| {
            sqlx::query(sql)
                .bind(keys.current().id())
                .execute(pool)
                .await
                .map(|_| ())
        })?;
        Ok(done)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sealed_value_opens_with_its_key_kind_and_owner_only() {
        let keys = Keyring::new(DataKey::generate(), vec![]);
        let sealed = keys.seal(Sealed::JournalEntry, 7, "a hard day, and I called Sam");
        assert!(sealed.starts_with(&format!("hs1:{}:", keys.current().id())));
        assert!(!sealed.contains("hard day"));
        assert_eq!(
            keys.open(Sealed::JournalEntry, 7, &sealed).unwrap(),
            "a hard day, and I called Sam"
        );
        assert_eq!(
            keys.open(Sealed::JournalEntry, 8, &sealed),
            Err(Unsealable::Damaged)
        );
        assert_eq!(
            keys.open(Sealed::CheckInNote, 7, &sealed),
            Err(Unsealable::Damaged)
        );
        let other = Keyring::new(DataKey::generate(), vec![]);
        assert!(matches!(
            other.open(Sealed::JournalEntry, 7, &sealed),
            Err(Unsealable::UnknownKey(_))
        ));
    }

    #[test]
    fn the_same_text_seals_differently_each_time() {
        let keys = Keyring::new(DataKey::generate(), vec![]);
        let once = keys.seal(Sealed::CheckInNote, 1, "ok");
        let twice = keys.seal(Sealed::CheckInNote, 1, "ok");
        assert_ne!(once, twice, "a fresh nonce every time");
    }

    #[test]
    fn a_changed_byte_is_refused() {
        let keys = Keyring::new(DataKey::generate(), vec![]);
        let sealed = keys.seal(Sealed::CheckInNote, 1, "steady today");
        let mut bytes = sealed.into_bytes();
        let last = bytes.len() - 3;
        bytes[last] = if bytes[last] == b'A' { b'B' } else { b'A' };
        let tampered = String::from_utf8(bytes).unwrap();
        assert_eq!(
            keys.open(Sealed::CheckInNote, 1, &tampered),
            Err(Unsealable::Damaged)
        );
    }

    #[test]
    fn earlier_keys_open_and_the_current_one_seals() {
        let old = DataKey::generate();
        let sealed_before = Keyring::new(old.clone(), vec![]).seal(Sealed::CheckInNote, 1, "hi");
        let new = DataKey::generate();
        let keys = Keyring::parse(&format!(
            "{}\n# retired soon, once resealed\n{}\n",
            new.encoded(),
            old.encoded()
        ))
        .unwrap();
        assert_eq!(keys.current().id(), new.id());
        assert_eq!(
            keys.open(Sealed::CheckInNote, 1, &sealed_before).unwrap(),
            "hi"
        );
        assert!(keys.seal(Sealed::CheckInNote, 1, "hi").contains(new.id()));
    }

    #[test]
    fn keys_are_read_strictly() {
        let key = DataKey::generate();
        assert_eq!(DataKey::parse(key.encoded()).unwrap().id(), key.id());
        assert_eq!(DataKey::parse("c2hvcnQ=").unwrap_err(), KeyError::Malformed);
        assert_eq!(
            DataKey::parse("not base64!").unwrap_err(),
            KeyError::Malformed
        );
        assert_eq!(
            Keyring::parse(" \n# nothing\n").unwrap_err(),
            KeyError::Missing
        );
        let both = Keyring::parse(&format!(
            "{}, {}",
            key.encoded(),
            DataKey::generate().encoded()
        ));
        assert_eq!(both.unwrap().keys().len(), 2);
        assert!(
            !format!("{key:?}").contains(key.encoded()),
            "Debug hides the key"
        );
    }

    #[test]
    fn empty_stays_empty() {
        let keys = Keyring::new(DataKey::generate(), vec![]);
        assert_eq!(keys.seal(Sealed::StreakLearned, 1, ""), "");
        assert_eq!(keys.open(Sealed::StreakLearned, 1, "").unwrap(), "");
    }
}
