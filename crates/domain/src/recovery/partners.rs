//! Accountability partners: someone a member invites (a mentor, a friend in
//! the program) to see exactly what the member chooses, and to be told,
//! gently, when the member has gone quiet.

use jiff::civil::Date;

use super::checkin::missed_days;

/// What a member lets one partner see. Each is the member's choice, and
/// can be changed at any time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartnerSees {
    /// Counters: what they count, the days, the next milestone.
    pub counters: bool,
    /// Check-in scores: mood and craving.
    pub scores: bool,
    /// Check-in notes and what helped: the most private part.
    pub notes: bool,
    /// Days without a check-in, and a nudge when there are many.
    pub missed: bool,
}

impl Default for PartnerSees {
    /// Everything but the notes, which a member opens up only if they
    /// choose to.
    fn default() -> PartnerSees {
        PartnerSees {
            counters: true,
            scores: true,
            notes: false,
            missed: true,
        }
    }
}

impl PartnerSees {
    /// The names of the choices, as forms and the API send them.
    pub const NAMES: [&'static str; 4] = ["counters", "scores", "notes", "missed"];

    /// From the names ticked in a form: what is not named is not seen.
    pub fn from_names<'a>(names: impl IntoIterator<Item = &'a str>) -> PartnerSees {
        let mut sees = PartnerSees {
            counters: false,
            scores: false,
            notes: false,
            missed: false,
        };
        for name in names {
            match name {
                "counters" => sees.counters = true,
                "scores" => sees.scores = true,
                "notes" => sees.notes = true,
                "missed" => sees.missed = true,
                _ => {}
            }
        }
        sees
    }

    /// Each choice's name and whether it is on, in [`PartnerSees::NAMES`] order.
    pub fn choices(self) -> [(&'static str, bool); 4] {
        [
            ("counters", self.counters),
            ("scores", self.scores),
            ("notes", self.notes),
            ("missed", self.missed),
        ]
    }
}

/// After how many days without a check-in a member's partners are told.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NudgeAfter(u8);

/// Why a number of days was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("choose a whole number of days from {min} to {max}", min = NudgeAfter::MIN, max = NudgeAfter::MAX)]
pub struct NudgeAfterError;

impl NudgeAfter {
    pub const MIN: u8 = 1;
    pub const MAX: u8 = 14;
    pub const DEFAULT: NudgeAfter = NudgeAfter(2);

    pub fn new(days: u8) -> Result<NudgeAfter, NudgeAfterError> {
        if (Self::MIN..=Self::MAX).contains(&days) {
            Ok(NudgeAfter(days))
        } else {
            Err(NudgeAfterError)
        }
    }

    pub fn parse(input: &str) -> Result<NudgeAfter, NudgeAfterError> {
        input
            .trim()
            .parse()
            .map_err(|_| NudgeAfterError)
            .and_then(NudgeAfter::new)
    }

    pub fn days(self) -> u8 {
        self.0
    }
}

impl Default for NudgeAfter {
    fn default() -> NudgeAfter {
        NudgeAfter::DEFAULT
    }
}

/// Whether a member's partners should be nudged today, and for how many
/// missed days: once the days without a check-in reach the member's
/// choice. A member who has never checked in has missed nothing.
pub fn nudge_due(last_check_in: Option<Date>, today: Date, after: NudgeAfter) -> Option<i64> {
    let missed = missed_days(last_check_in, today);
    (missed >= i64::from(after.days())).then_some(missed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn a_partner_sees_what_is_ticked_and_nothing_else() {
        let sees = PartnerSees::from_names(["scores", "missed", "everything"]);
        assert_eq!(
            sees,
            PartnerSees {
                counters: false,
                scores: true,
                notes: false,
                missed: true
            }
        );
        assert!(
            !PartnerSees::default().notes,
            "notes are opened up only by choice"
        );
        assert_eq!(
            PartnerSees::from_names([]).choices().map(|(_, on)| on),
            [false; 4]
        );
    }

    #[test]
    fn nudge_days_are_one_to_fourteen() {
        assert_eq!(NudgeAfter::parse(" 3 ").unwrap().days(), 3);
        for refused in ["0", "15", "", "two", "-1"] {
            assert_eq!(
                NudgeAfter::parse(refused),
                Err(NudgeAfterError),
                "{refused:?}"
            );
        }
        assert_eq!(NudgeAfter::default().days(), 2);
    }

    #[test]
    fn partners_are_nudged_once_the_missed_days_reach_the_members_choice() {
        let today = date(2026, 11, 27);
        let two = NudgeAfter::new(2).unwrap();
        assert_eq!(
            nudge_due(Some(date(2026, 11, 26)), today, two),
            None,
            "yesterday is fine"
        );
        assert_eq!(
            nudge_due(Some(date(2026, 11, 25)), today, two),
            None,
            "one day missed"
        );
        assert_eq!(nudge_due(Some(date(2026, 11, 24)), today, two), Some(2));
        assert_eq!(
            nudge_due(None, today, two),
            None,
            "never checked in: nothing missed"
        );
        assert_eq!(
            nudge_due(Some(date(2026, 11, 20)), today, NudgeAfter::new(7).unwrap()),
            None
        );
    }
}
