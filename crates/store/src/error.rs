use std::fmt;

/// What can go wrong in a store call.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A uniqueness rule would be broken (a handle already taken, say).
    #[error("{0} already exists")]
    Conflict(Entity),
    /// The thing a change refers to is not there.
    #[error("{0} not found")]
    NotFound(Entity),
    /// Every database connection stayed busy for the pool's whole wait:
    /// the server is overloaded, and the request may be tried again.
    #[error("every database connection is busy")]
    Busy,
    /// Private text was asked for, but this store was opened without data
    /// keys ([`crate::Store::with_data_keys`]).
    #[error("no data key was given, so private text can be neither sealed nor opened")]
    NoDataKey,
    /// The database has text sealed with keys the keyring lacks.
    #[error(
        "the database has private text sealed with data key(s) {}, which this server was not given",
        .0.join(", ")
    )]
    MissingDataKeys(Vec<String>),
    /// A sealed value would not open.
    #[error("a private value cannot be opened: {0}")]
    Unsealable(crate::sealing::Unsealable),
    #[error(transparent)]
    Database(sqlx::Error),
    #[error(transparent)]
    Migration(#[from] sqlx::migrate::MigrateError),
}

/// The kinds of record an error can be about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entity {
    Account,
    Session,
    Meeting,
    Group,
    Membership,
    JoinRequest,
    Invite,
    Post,
    Report,
    Counter,
    JournalEntry,
    LoggedMeeting,
    MeetingGoal,
    Goal,
    GoalStep,
    Partnership,
}

impl fmt::Display for Entity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Entity::Account => "account",
            Entity::Session => "session",
            Entity::Meeting => "meeting",
            Entity::Group => "group",
            Entity::Membership => "membership",
            Entity::JoinRequest => "join request",
            Entity::Invite => "invite",
            Entity::Post => "post",
            Entity::Report => "report",
            Entity::Counter => "counter",
            Entity::JournalEntry => "journal entry",
            Entity::Partnership => "partnership",
            Entity::LoggedMeeting => "logged meeting",
            Entity::MeetingGoal => "meeting goal",
            Entity::Goal => "goal",
            Entity::GoalStep => "goal step",
        })
    }
}

impl From<sqlx::Error> for StoreError {
    fn from(error: sqlx::Error) -> StoreError {
        match error {
            sqlx::Error::PoolTimedOut => StoreError::Busy,
            error => StoreError::Database(error),
        }
    }
}

impl StoreError {
    /// Turns a unique-constraint violation into [`StoreError::Conflict`].
    pub(crate) fn conflict_on_unique(entity: Entity) -> impl Fn(sqlx::Error) -> StoreError {
        move |error| match error.as_database_error() {
            Some(db) if db.is_unique_violation() => StoreError::Conflict(entity),
            _ => StoreError::Database(error),
        }
    }
}
