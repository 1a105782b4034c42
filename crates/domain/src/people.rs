//! People: handles, passwords, email addresses and roles.

use std::fmt;
use std::str::FromStr;

use unicode_normalization::UnicodeNormalization;

/// A person's public name on Hearth: all they must give us.
///
/// A handle is 3 to 32 characters of letters, digits, `_` or `-`, after
/// Unicode NFKC normalisation (so a full-width `Ｒｉｖｅｒ` becomes `River`).
/// Two handles that differ only in case, or in a compatibility form, are the
/// same handle: [`Handle::key`] is what must be unique.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Handle {
    display: String,
    key: String,
}

/// Why a handle was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum HandleError {
    #[error("a handle needs at least {} characters", Handle::MIN_CHARS)]
    TooShort,
    #[error("a handle can have at most {} characters", Handle::MAX_CHARS)]
    TooLong,
    #[error("a handle can use letters, digits, _ and - only")]
    InvalidCharacter,
}

impl HandleError {
    /// A stable code for API clients and templates.
    pub fn code(self) -> &'static str {
        match self {
            HandleError::TooShort => "too_short",
            HandleError::TooLong => "too_long",
            HandleError::InvalidCharacter => "invalid_character",
        }
    }
}

impl Handle {
    pub const MIN_CHARS: usize = 3;
    pub const MAX_CHARS: usize = 32;

    pub fn parse(input: &str) -> Result<Handle, HandleError> {
        let display: String = input.trim().nfkc().collect();
        let chars = display.chars().count();
        if chars < Self::MIN_CHARS {
            return Err(HandleError::TooShort);
        }
        if chars > Self::MAX_CHARS {
            return Err(HandleError::TooLong);
        }
        if !display
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
        {
            return Err(HandleError::InvalidCharacter);
        }
        let key = Self::key_of(&display);
        Ok(Handle { display, key })
    }

    /// The form used to look a handle up and to keep handles unique:
    /// NFKC, lower-cased, NFKC again (lower-casing can denormalise).
    ///
    /// Works on any input, valid or not, so a login with a mistyped handle
    /// still finds (or throttles) the right account.
    pub fn key_of(input: &str) -> String {
        let normalised: String = input.trim().nfkc().collect();
        normalised.to_lowercase().nfkc().collect()
    }

    /// The handle as the person typed it (after NFKC).
    pub fn as_str(&self) -> &str {
        &self.display
    }

    /// The case-insensitive form that must be unique.
    pub fn key(&self) -> &str {
        &self.key
    }
}

impl fmt::Display for Handle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.display)
    }
}

/// A password someone has chosen, checked against Hearth's password rules.
///
/// Deliberately not `Debug`-printable or `Display`-able: a password must
/// never reach a log line by accident.
pub struct NewPassword(String);

/// Why a new password was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PasswordError {
    #[error("a password needs at least {} characters", NewPassword::MIN_CHARS)]
    TooShort,
    #[error("a password can have at most {} characters", NewPassword::MAX_CHARS)]
    TooLong,
    #[error("this password is on a list of common passwords; please choose another")]
    TooCommon,
}

impl PasswordError {
    pub fn code(self) -> &'static str {
        match self {
            PasswordError::TooShort => "too_short",
            PasswordError::TooLong => "too_long",
            PasswordError::TooCommon => "too_common",
        }
    }
}

/// Common passwords long enough to pass the length rule, lower-cased, one a
/// line. Derived from the zxcvbn-ts common list (MIT); see
/// `scripts/refresh-common-passwords`.
const COMMON_PASSWORDS: &str = include_str!("../data/common-passwords.txt");

impl NewPassword {
    pub const MIN_CHARS: usize = 10;
    /// Long enough for any passphrase, short enough that hashing it is cheap.
    pub const MAX_CHARS: usize = 256;

    pub fn parse(input: &str) -> Result<NewPassword, PasswordError> {
        let chars = input.chars().count();
        if chars < Self::MIN_CHARS {
            return Err(PasswordError::TooShort);
        }
        if chars > Self::MAX_CHARS {
            return Err(PasswordError::TooLong);
        }
        if is_common_password(input) {
            return Err(PasswordError::TooCommon);
        }
        Ok(NewPassword(input.to_owned()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

fn is_common_password(password: &str) -> bool {
    let lowered = password.to_lowercase();
    COMMON_PASSWORDS.lines().any(|common| common == lowered)
}

/// An optional contact address. Hearth never requires one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum EmailError {
    #[error("this does not look like an email address")]
    Invalid,
    #[error("an email address can have at most {} characters", Email::MAX_CHARS)]
    TooLong,
}

impl EmailError {
    pub fn code(self) -> &'static str {
        match self {
            EmailError::Invalid => "invalid",
            EmailError::TooLong => "too_long",
        }
    }
}

impl Email {
    pub const MAX_CHARS: usize = 254;

    /// Parses an optional address: blank input means "no email".
    pub fn parse_optional(input: Option<&str>) -> Result<Option<Email>, EmailError> {
        match input.map(str::trim) {
            None | Some("") => Ok(None),
            Some(address) => Email::parse(address).map(Some),
        }
    }

    pub fn parse(input: &str) -> Result<Email, EmailError> {
        let address = input.trim();
        if address.chars().count() > Self::MAX_CHARS {
            return Err(EmailError::TooLong);
        }
        let (local, domain) = address.split_once('@').ok_or(EmailError::Invalid)?;
        let well_formed = !local.is_empty()
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains('@')
            && !address.chars().any(|c| c.is_whitespace() || c.is_control());
        if well_formed {
            Ok(Email(address.to_owned()))
        } else {
            Err(EmailError::Invalid)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Site-wide powers an operator can grant with `hearth admin grant`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Role {
    /// Runs the site: moderation everywhere, settings.
    Admin,
    /// Keeps the meeting list: creates, edits and deletes meetings.
    Directory,
}

impl Role {
    pub const ALL: [Role; 2] = [Role::Admin, Role::Directory];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Directory => "directory",
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown role {0:?}; the roles are admin and directory")]
pub struct UnknownRole(pub String);

impl FromStr for Role {
    type Err = UnknownRole;

    fn from_str(s: &str) -> Result<Role, UnknownRole> {
        Role::ALL
            .into_iter()
            .find(|role| role.as_str() == s)
            .ok_or_else(|| UnknownRole(s.to_owned()))
    }
}

/// The time zone a person lives in, by its IANA name (`America/Chicago`):
/// what "today" means for their recovery counters and check-ins. Checked
/// against the time zone database built into Hearth.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeZoneName(String);

/// A time zone name the database does not know.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not a time zone Hearth knows, e.g. America/Chicago or Europe/Madrid")]
pub struct UnknownTimeZone(pub String);

impl TimeZoneName {
    pub fn parse(input: &str) -> Result<TimeZoneName, UnknownTimeZone> {
        let name = input.trim();
        match jiff::tz::TimeZone::get(name) {
            // Stored as the database spells it, whatever case was typed.
            Ok(zone) => Ok(TimeZoneName(zone.iana_name().unwrap_or(name).to_owned())),
            Err(_) => Err(UnknownTimeZone(name.to_owned())),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The zone itself, for turning an instant into this person's day.
    pub fn time_zone(&self) -> jiff::tz::TimeZone {
        jiff::tz::TimeZone::get(&self.0).unwrap_or(jiff::tz::TimeZone::UTC)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn handles_are_unique_across_case_and_compatibility_forms() {
        let plain = Handle::parse("River").unwrap();
        let shouting = Handle::parse("RIVER").unwrap();
        let full_width = Handle::parse("Ｒｉｖｅｒ").unwrap();
        assert_eq!(plain.key(), shouting.key());
        assert_eq!(plain.key(), full_width.key());
        assert_eq!(full_width.as_str(), "River");
    }

    #[test]
    fn handles_accept_letters_beyond_ascii() {
        assert_eq!(Handle::parse("José_M-2").unwrap().as_str(), "José_M-2");
    }

    #[test]
    fn handles_refuse_bad_lengths_and_characters() {
        assert_eq!(Handle::parse("ab"), Err(HandleError::TooShort));
        assert_eq!(Handle::parse(&"a".repeat(33)), Err(HandleError::TooLong));
        assert!(Handle::parse(&"a".repeat(32)).is_ok());
        assert_eq!(
            Handle::parse("river bank"),
            Err(HandleError::InvalidCharacter)
        );
        assert_eq!(
            Handle::parse("<script>"),
            Err(HandleError::InvalidCharacter)
        );
    }

    #[test]
    fn passwords_need_length_and_must_not_be_common() {
        assert_eq!(
            NewPassword::parse("short").err(),
            Some(PasswordError::TooShort)
        );
        assert_eq!(
            NewPassword::parse("Password123").err(),
            Some(PasswordError::TooCommon)
        );
        assert_eq!(
            NewPassword::parse(&"x".repeat(257)).err(),
            Some(PasswordError::TooLong)
        );
        assert!(NewPassword::parse("kettle-on-the-hob").is_ok());
    }

    #[test]
    fn the_common_list_has_only_passwords_the_length_rule_lets_through() {
        assert!(COMMON_PASSWORDS.lines().count() > 1000);
        assert!(
            COMMON_PASSWORDS
                .lines()
                .all(|p| p.chars().count() >= NewPassword::MIN_CHARS && p == p.to_lowercase())
        );
    }

    #[test]
    fn email_is_optional_and_checked_when_given() {
        assert_eq!(Email::parse_optional(None), Ok(None));
        assert_eq!(Email::parse_optional(Some("  ")), Ok(None));
        assert!(
            Email::parse_optional(Some("me@example.org"))
                .unwrap()
                .is_some()
        );
        assert_eq!(Email::parse("me@localhost"), Err(EmailError::Invalid));
        assert_eq!(Email::parse("me @example.org"), Err(EmailError::Invalid));
    }

    #[test]
    fn roles_round_trip_through_their_names() {
        for role in Role::ALL {
            assert_eq!(role.as_str().parse::<Role>(), Ok(role));
        }
        assert!("moderator".parse::<Role>().is_err());
    }

    #[test]
    fn time_zones_are_the_ones_the_database_knows() {
        let chicago = TimeZoneName::parse(" America/Chicago ").unwrap();
        assert_eq!(chicago.as_str(), "America/Chicago");
        assert_eq!(chicago.time_zone().iana_name(), Some("America/Chicago"));
        assert_eq!(
            TimeZoneName::parse("europe/madrid").unwrap().as_str(),
            "Europe/Madrid"
        );
        for unknown in ["", "Mars/Olympus", "GMT+25"] {
            assert_eq!(
                TimeZoneName::parse(unknown),
                Err(UnknownTimeZone(unknown.to_owned()))
            );
        }
    }
}
