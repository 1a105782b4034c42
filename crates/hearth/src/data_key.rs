//! Where the data keys come from, and `hearth data-key`.
//!
//! The keys that seal private text (journal entries, check-in notes) live
//! outside the database: in `HEARTH_DATA_KEY`, or else in a key file, by
//! default `hearth-data.key` beside the SQLite file (or in the working
//! folder for PostgreSQL). On first run, with neither and an empty
//! database, the server makes the key file, readable by its owner alone.
//! The README's "Private text and the data key" says how to back it up
//! and rotate it.

use std::io::Write;
use std::path::{Path, PathBuf};

use hearth_store::sealing::{DataKey, Keyring};
use hearth_store::{Store, StoreError};

use crate::{Exit, one_line};

/// The variable that holds the keys: the current one first, then any
/// earlier ones still needed, separated by commas.
pub(crate) const KEY_VAR: &str = "HEARTH_DATA_KEY";

#[derive(Debug, clap::Subcommand)]
pub(crate) enum DataKeyCommand {
    /// Print a new random data key (for HEARTH_DATA_KEY); changes nothing.
    Generate,
    /// Seal all private text under a new key. With a key file: makes the
    /// new key, re-seals everything, and leaves the file holding only the
    /// new key. With HEARTH_DATA_KEY: list the new key first and the old
    /// one after it (NEW,OLD) on every node, run this once, then set
    /// HEARTH_DATA_KEY to NEW alone.
    Rotate,
}

/// Where this server's keys come from.
pub(crate) enum KeySource {
    Variable(String),
    File(PathBuf),
}

impl KeySource {
    /// `HEARTH_DATA_KEY` when set, else the key file given, else the
    /// default one for `database`.
    pub(crate) fn find(key_file: Option<PathBuf>, database: &str) -> KeySource {
        match std::env::var(KEY_VAR) {
            Ok(keys) if !keys.trim().is_empty() => KeySource::Variable(keys),
            _ => KeySource::File(key_file.unwrap_or_else(|| default_key_file(database))),
        }
    }
}

/// `hearth-data.key` beside an SQLite file, or in the working folder.
fn default_key_file(database: &str) -> PathBuf {
    const NAME: &str = "hearth-data.key";
    let sqlite_file = (database.strip_prefix("sqlite://"))
        .or_else(|| database.strip_prefix("sqlite:"))
        .map(|rest| rest.split('?').next().unwrap_or(rest))
        .filter(|path| !path.is_empty() && !path.starts_with(":memory:"));
    match sqlite_file.and_then(|path| Path::new(path).parent()) {
        Some(folder) => folder.join(NAME),
        None => PathBuf::from(NAME),
    }
}

/// Gives `store` its keys, making the key file on a first run.
pub(crate) async fn attach(store: Store, source: &KeySource) -> Result<Store, Exit> {
    let keys = match source {
        KeySource::Variable(keys) => Keyring::parse(keys)
            .map_err(|error| Exit::setup(format!("{KEY_VAR} cannot be used: {error}")))?,
        KeySource::File(path) => match read_key_file(path)? {
            Some(keys) => keys,
            None => first_key(&store, path).await?,
        },
    };
    store
        .with_data_keys(keys)
        .await
        .map_err(|error| match error {
            StoreError::MissingDataKeys(ids) => Exit::setup(format!(
                "this database has journal entries and notes sealed with data key {}, which \
             this server was not given; set {KEY_VAR} or --data-key-file to the key(s) \
             the other servers use",
                ids.join(" and ")
            )),
            other => Exit::setup(one_line(&other)),
        })
}

fn read_key_file(path: &Path) -> Result<Option<Keyring>, Exit> {
    match std::fs::read_to_string(path) {
        Ok(text) => Keyring::parse(&text).map(Some).map_err(|error| {
            Exit::setup(format!(
                "the data key file {} cannot be used: {error}",
                path.display()
            ))
        }),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(error) => Err(Exit::setup(format!(
            "cannot read the data key file {}: {error}",
            path.display()
        ))),
    }
}

/// Makes the key file, but only for a database with nothing sealed yet: a
/// new key for one that has would hide its members' words for good.
async fn first_key(store: &Store, path: &Path) -> Result<Keyring, Exit> {
    let in_use = (store.data_keys_in_use().await).map_err(|e| Exit::setup(one_line(&e)))?;
    if !in_use.is_empty() {
        return Err(Exit::setup(format!(
            "the data key file {} is missing, and this database has private text sealed \
             with data key {}; restore the file from your backup, or set {KEY_VAR}",
            path.display(),
            in_use.join(" and ")
        )));
    }
    let key = DataKey::generate();
    write_key_file(path, &[&key])?;
    println!(
        "Made a data key at {}: it seals journals and check-in notes. Back it up apart from \
         the database; without it, those words cannot be read.",
        path.display()
    );
    Ok(Keyring::new(key, vec![]))
}

/// Writes the keys, current first, readable by this user alone, replacing
/// the file in one step so a crash leaves the old file or the new one.
fn write_key_file(path: &Path, keys: &[&DataKey]) -> Result<(), Exit> {
    let cannot = |error: std::io::Error| {
        Exit::setup(format!(
            "cannot write the data key file {}: {error}",
            path.display()
        ))
    };
    let mut text = String::from(
        "# Hearth's data keys: the first seals, any after it only open. Back this file up\n\
         # apart from the database; without it, journals and check-in notes are lost.\n",
    );
    for key in keys {
        text.push_str(key.encoded());
        text.push('\n');
    }
    let staged = path.with_extension("key.new");
    let mut file = new_private_file(&staged).map_err(cannot)?;
    file.write_all(text.as_bytes()).map_err(cannot)?;
    file.sync_all().map_err(cannot)?;
    std::fs::rename(&staged, path).map_err(cannot)
}

#[cfg(unix)]
fn new_private_file(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(path)
}

#[cfg(not(unix))]
fn new_private_file(path: &Path) -> std::io::Result<std::fs::File> {
    std::fs::File::create(path)
}

/// `hearth data-key generate`: needs no database.
pub(crate) fn generate() {
    println!("{}", DataKey::generate().encoded());
}

/// `hearth data-key rotate`.
pub(crate) async fn rotate(store: Store, source: &KeySource) -> Result<(), Exit> {
    let store = match source {
        KeySource::File(path) => {
            let earlier = read_key_file(path)?.ok_or_else(|| {
                Exit::refused(format!("there is no data key file at {}", path.display()))
            })?;
            let new = DataKey::generate();
            let mut keys: Vec<&DataKey> = vec![&new];
            keys.extend(earlier.keys());
            // Both keys go into the file before anything is re-sealed, so
            // an interrupted rotation loses nothing: run it again.
            write_key_file(path, &keys)?;
            let store = attach(store, source).await?;
            reseal(&store).await?;
            write_key_file(path, &[&new])?;
            println!(
                "The data key file {} now holds only the new key.",
                path.display()
            );
            store
        }
        KeySource::Variable(keys) => {
            if Keyring::parse(keys).is_ok_and(|keys| keys.keys().len() < 2) {
                return Err(Exit::refused(format!(
                    "{KEY_VAR} holds one key: put a new one first and the old one after it \
                     (NEW,OLD); `hearth data-key generate` makes one"
                )));
            }
            let store = attach(store, source).await?;
            reseal(&store).await?;
            println!(
                "Now set {KEY_VAR} to the first key alone on every server; the others are no \
                 longer needed."
            );
            store
        }
    };
    store.close().await;
    Ok(())
}

async fn reseal(store: &Store) -> Result<(), Exit> {
    let done = store
        .reseal_everything()
        .await
        .map_err(|e| Exit::setup(one_line(&e)))?;
    println!(
        "Sealed {} private texts under the new key ({} of them for the first time).",
        done.values, done.were_plain
    );
    Ok(())
}
