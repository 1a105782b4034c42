//! Reports and what moderators decide about them.
//!
//! A member reports a post or a person with a [`ReportReason`]; the report
//! waits in the moderation queue of the group it came from until a
//! facilitator of that group, or a site admin, closes it with a
//! [`Decision`]. Crisis reports come first: someone may be in danger.

use std::fmt;
use std::str::FromStr;

use jiff::SignedDuration;

/// Why a member reported something.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ReportReason {
    /// Someone may harm themselves or be in danger: first in the queue.
    Crisis,
    Harassment,
    Hate,
    Spam,
    /// Breaking the group's own norms (crosstalk, advice unasked, ...).
    Norms,
    Other,
}

impl ReportReason {
    pub const ALL: [ReportReason; 6] = [
        ReportReason::Crisis,
        ReportReason::Harassment,
        ReportReason::Hate,
        ReportReason::Spam,
        ReportReason::Norms,
        ReportReason::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ReportReason::Crisis => "crisis",
            ReportReason::Harassment => "harassment",
            ReportReason::Hate => "hate",
            ReportReason::Spam => "spam",
            ReportReason::Norms => "norms",
            ReportReason::Other => "other",
        }
    }
}

impl FromStr for ReportReason {
    type Err = ModerationInputError;

    fn from_str(text: &str) -> Result<ReportReason, ModerationInputError> {
        (ReportReason::ALL.into_iter())
            .find(|reason| reason.as_str() == text)
            .ok_or(ModerationInputError::Reason)
    }
}

impl fmt::Display for ReportReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Who raised a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReportSource {
    /// A member reported someone else's post, or a person.
    Member,
    /// The crisis-language detector read a post as a crisis.
    Detector,
    /// The writer asked their facilitators for support.
    Support,
}

impl ReportSource {
    pub const ALL: [ReportSource; 3] = [
        ReportSource::Member,
        ReportSource::Detector,
        ReportSource::Support,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ReportSource::Member => "member",
            ReportSource::Detector => "detector",
            ReportSource::Support => "support",
        }
    }

    pub fn parse(text: &str) -> Option<ReportSource> {
        ReportSource::ALL.into_iter().find(|s| s.as_str() == text)
    }
}

/// What a member adds to a report in their own words; may be empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportNote(String);

impl ReportNote {
    pub const MAX_CHARS: usize = 1000;

    pub fn parse(input: &str) -> Result<ReportNote, ModerationInputError> {
        let note = input.trim();
        if note.chars().count() > ReportNote::MAX_CHARS {
            return Err(ModerationInputError::NoteTooLong {
                max: ReportNote::MAX_CHARS,
            });
        }
        Ok(ReportNote(note.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// How long a site-wide suspension lasts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Suspension {
    Days(u32),
    /// Until an admin lifts it.
    Indefinite,
}

/// What a moderator decides about a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Nothing to act on.
    Dismiss,
    /// Take the post out of members' view; it can be put back.
    Hide,
    /// Take the post out of members' view for good.
    Remove,
    /// Tell the person what was wrong; they see the moderator's reason.
    Warn,
    /// Stop the person posting in the group for some days; they still read.
    Mute { days: u32 },
    /// Take the person out of the group.
    RemoveFromGroup,
    /// Stop the person signing in anywhere on this site. Site admins only.
    Suspend(Suspension),
}

/// The longest pause on a member's posting, in days.
pub const MUTE_MAX_DAYS: u32 = 90;

/// The longest fixed suspension, in days; longer is indefinite.
pub const SUSPEND_MAX_DAYS: u32 = 365;

impl Decision {
    /// Reads a decision from its form fields: `action` names it, `days` says
    /// how long for a mute or a suspension (empty for an indefinite
    /// suspension).
    pub fn parse(action: &str, days: &str) -> Result<Decision, ModerationInputError> {
        let days_up_to = |max: u32| -> Result<u32, ModerationInputError> {
            match days.trim().parse::<u32>() {
                Ok(days) if (1..=max).contains(&days) => Ok(days),
                _ => Err(ModerationInputError::Days { max }),
            }
        };
        Ok(match action {
            "dismiss" => Decision::Dismiss,
            "hide" => Decision::Hide,
            "remove" => Decision::Remove,
            "warn" => Decision::Warn,
            "mute" => Decision::Mute {
                days: days_up_to(MUTE_MAX_DAYS)?,
            },
            "remove_from_group" => Decision::RemoveFromGroup,
            "suspend" if days.trim().is_empty() => Decision::Suspend(Suspension::Indefinite),
            "suspend" => Decision::Suspend(Suspension::Days(days_up_to(SUSPEND_MAX_DAYS)?)),
            _ => return Err(ModerationInputError::Action),
        })
    }

    /// The outcome a report closed with this decision shows.
    pub fn outcome(self) -> Outcome {
        match self {
            Decision::Dismiss => Outcome::Dismissed,
            Decision::Hide => Outcome::Hidden,
            Decision::Remove => Outcome::Removed,
            Decision::Warn => Outcome::Warned,
            Decision::Mute { .. } => Outcome::Muted,
            Decision::RemoveFromGroup => Outcome::RemovedFromGroup,
            Decision::Suspend(_) => Outcome::Suspended,
        }
    }

    /// Whether it acts on a post, so the report must be about one.
    pub fn needs_post(self) -> bool {
        matches!(self, Decision::Hide | Decision::Remove)
    }

    /// Whether only a site admin may decide it: a group's facilitators
    /// have no power outside their group.
    pub fn needs_admin(self) -> bool {
        matches!(self, Decision::Suspend(_))
    }

    /// How long a mute or a fixed suspension lasts.
    pub fn duration(self) -> Option<SignedDuration> {
        match self {
            Decision::Mute { days } | Decision::Suspend(Suspension::Days(days)) => {
                Some(SignedDuration::from_hours(i64::from(days) * 24))
            }
            _ => None,
        }
    }
}

/// How a report was closed, as the reporter and the queue see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Outcome {
    Dismissed,
    Hidden,
    Removed,
    Warned,
    Muted,
    RemovedFromGroup,
    Suspended,
}

impl Outcome {
    pub const ALL: [Outcome; 7] = [
        Outcome::Dismissed,
        Outcome::Hidden,
        Outcome::Removed,
        Outcome::Warned,
        Outcome::Muted,
        Outcome::RemovedFromGroup,
        Outcome::Suspended,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Dismissed => "dismissed",
            Outcome::Hidden => "hidden",
            Outcome::Removed => "removed",
            Outcome::Warned => "warned",
            Outcome::Muted => "muted",
            Outcome::RemovedFromGroup => "removed_from_group",
            Outcome::Suspended => "suspended",
        }
    }

    pub fn parse(text: &str) -> Option<Outcome> {
        Outcome::ALL.into_iter().find(|o| o.as_str() == text)
    }
}

/// Why a moderator acted, for the audit log and for the person warned: one
/// line (line breaks and other control characters become spaces), at most
/// [`ModeratorReason::MAX_CHARS`] characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModeratorReason(String);

impl ModeratorReason {
    pub const MAX_CHARS: usize = 500;

    /// A reason that must be given: every action on a person or a post is
    /// recorded with its why, and a warned person is owed one.
    pub fn parse(input: &str) -> Result<ModeratorReason, ModerationInputError> {
        let reason = ModeratorReason::optional(input)?;
        if reason.0.is_empty() {
            return Err(ModerationInputError::ReasonNeeded);
        }
        Ok(reason)
    }

    /// The reason for `decision`: only a dismissal may go without one.
    pub fn for_decision(
        input: &str,
        decision: Decision,
    ) -> Result<ModeratorReason, ModerationInputError> {
        match decision {
            Decision::Dismiss => ModeratorReason::optional(input),
            _ => ModeratorReason::parse(input),
        }
    }

    fn optional(input: &str) -> Result<ModeratorReason, ModerationInputError> {
        let one_line: String = (input.chars())
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        let reason = one_line.trim();
        if reason.chars().count() > ModeratorReason::MAX_CHARS {
            return Err(ModerationInputError::ReasonTooLong {
                max: ModeratorReason::MAX_CHARS,
            });
        }
        Ok(ModeratorReason(reason.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

/// What is wrong with a report or a moderator's decision as sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ModerationInputError {
    #[error("choose one of the reasons")]
    Reason,
    #[error("the note is longer than {max} characters")]
    NoteTooLong { max: usize },
    #[error("choose one of the actions")]
    Action,
    #[error("give a number of days from 1 to {max}")]
    Days { max: u32 },
    #[error("say why, for the record")]
    ReasonNeeded,
    #[error("the reason is longer than {max} characters")]
    ReasonTooLong { max: usize },
}

impl ModerationInputError {
    /// A stable code for the API.
    pub fn code(self) -> &'static str {
        match self {
            ModerationInputError::Reason => "unknown_reason",
            ModerationInputError::NoteTooLong { .. } => "note_too_long",
            ModerationInputError::Action => "unknown_action",
            ModerationInputError::Days { .. } => "days_out_of_range",
            ModerationInputError::ReasonNeeded => "reason_needed",
            ModerationInputError::ReasonTooLong { .. } => "reason_too_long",
        }
    }

    /// The form field (and API field) the problem is in.
    pub fn field(self) -> &'static str {
        match self {
            ModerationInputError::Reason => "reason",
            ModerationInputError::NoteTooLong { .. } => "note",
            ModerationInputError::Action => "action",
            ModerationInputError::Days { .. } => "days",
            ModerationInputError::ReasonNeeded | ModerationInputError::ReasonTooLong { .. } => {
                "why"
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_read_back_from_their_names() {
        for reason in ReportReason::ALL {
            assert_eq!(reason.as_str().parse::<ReportReason>(), Ok(reason));
        }
        assert_eq!(
            "rude".parse::<ReportReason>(),
            Err(ModerationInputError::Reason)
        );
    }

    #[test]
    fn decisions_read_from_the_form() {
        assert_eq!(Decision::parse("dismiss", ""), Ok(Decision::Dismiss));
        assert_eq!(
            Decision::parse("mute", " 7 "),
            Ok(Decision::Mute { days: 7 })
        );
        assert_eq!(
            Decision::parse("suspend", ""),
            Ok(Decision::Suspend(Suspension::Indefinite))
        );
        assert_eq!(
            Decision::parse("suspend", "30"),
            Ok(Decision::Suspend(Suspension::Days(30)))
        );
        for days in ["", "0", "91", "-1", "seven"] {
            assert_eq!(
                Decision::parse("mute", days),
                Err(ModerationInputError::Days { max: 90 }),
                "{days:?}"
            );
        }
        assert_eq!(
            Decision::parse("suspend", "366"),
            Err(ModerationInputError::Days { max: 365 })
        );
        assert_eq!(
            Decision::parse("ban", ""),
            Err(ModerationInputError::Action)
        );
    }

    #[test]
    fn only_suspension_needs_an_admin_and_only_hiding_and_removing_need_a_post() {
        let all = [
            Decision::Dismiss,
            Decision::Hide,
            Decision::Remove,
            Decision::Warn,
            Decision::Mute { days: 1 },
            Decision::RemoveFromGroup,
            Decision::Suspend(Suspension::Indefinite),
        ];
        let admin: Vec<_> = all.iter().filter(|d| d.needs_admin()).collect();
        assert_eq!(admin, [&Decision::Suspend(Suspension::Indefinite)]);
        let post: Vec<_> = all.iter().filter(|d| d.needs_post()).collect();
        assert_eq!(post, [&Decision::Hide, &Decision::Remove]);
        for decision in all {
            assert_eq!(
                Outcome::parse(decision.outcome().as_str()),
                Some(decision.outcome())
            );
        }
    }

    #[test]
    fn every_action_but_dismissal_needs_a_reason_of_one_line() {
        assert!(ModeratorReason::for_decision("  ", Decision::Dismiss).is_ok());
        assert_eq!(
            ModeratorReason::for_decision(" \t ", Decision::Warn),
            Err(ModerationInputError::ReasonNeeded)
        );
        assert_eq!(
            ModeratorReason::parse("  spam\nlinks ").map(ModeratorReason::into_string),
            Ok("spam links".to_owned())
        );
        assert!(ModeratorReason::parse(&"x".repeat(ModeratorReason::MAX_CHARS)).is_ok());
        let long = "x".repeat(ModeratorReason::MAX_CHARS + 1);
        assert_eq!(
            ModeratorReason::for_decision(&long, Decision::Hide),
            Err(ModerationInputError::ReasonTooLong { max: 500 })
        );
    }

    #[test]
    fn durations_are_whole_days() {
        assert_eq!(
            Decision::Mute { days: 2 }.duration(),
            Some(SignedDuration::from_hours(48))
        );
        assert_eq!(Decision::Suspend(Suspension::Indefinite).duration(), None);
    }

    #[test]
    fn notes_may_be_empty_but_not_too_long() {
        assert_eq!(
            ReportNote::parse("  ").map(|n| n.as_str().to_owned()),
            Ok(String::new())
        );
        assert!(ReportNote::parse(&"x".repeat(1001)).is_err());
    }
}
