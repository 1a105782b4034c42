//! The daily check-in: how a member is doing today, in a few taps and as
//! many words as they like.
//!
//! There is one check-in per local day, and it can be changed until that
//! day ends ([`is_editable`]). Days are the member's own, as from
//! [`local_today`](super::counter::local_today).

use std::collections::HashSet;
use std::fmt;

use jiff::civil::Date;

use super::milestones::days_between;

/// Why a check-in form was refused.
///
/// Every variant maps to a stable [`code`](CheckInError::code) for API
/// clients and templates, and to the request [`field`](CheckInError::field)
/// it came from, so a form can show the message next to the right box.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CheckInError {
    #[error("{field} is needed; choose a number from {min} to {max}")]
    Empty {
        field: &'static str,
        min: u8,
        max: u8,
    },
    #[error("{field} is a whole number from {min} to {max}")]
    OutOfRange {
        field: &'static str,
        min: u8,
        max: u8,
    },
    #[error("used today can be left blank, or answered yes or no")]
    Used,
    #[error("{field} can have at most {max} characters")]
    TooLong { field: &'static str, max: usize },
}

impl CheckInError {
    /// A stable code for API clients and templates.
    pub fn code(&self) -> &'static str {
        match self {
            CheckInError::Empty { .. } => "empty",
            CheckInError::OutOfRange { .. } => "out_of_range",
            CheckInError::Used => "unknown_answer",
            CheckInError::TooLong { .. } => "too_long",
        }
    }

    /// The name of the request field the refused value came from.
    pub fn field(&self) -> &'static str {
        match self {
            CheckInError::Empty { field, .. }
            | CheckInError::OutOfRange { field, .. }
            | CheckInError::TooLong { field, .. } => field,
            CheckInError::Used => "used",
        }
    }
}

/// Reads a whole number from a form field and checks its range.
fn parse_scale(input: &str, field: &'static str, min: u8, max: u8) -> Result<u8, CheckInError> {
    let text = input.trim();
    if text.is_empty() {
        return Err(CheckInError::Empty { field, min, max });
    }
    text.parse::<u8>()
        .ok()
        .filter(|value| (min..=max).contains(value))
        .ok_or(CheckInError::OutOfRange { field, min, max })
}

/// How the member feels today, from 1 (very low) to 5 (very good).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Mood(u8);

impl Mood {
    pub const MIN: u8 = 1;
    pub const MAX: u8 = 5;
    const FIELD: &'static str = "mood";

    pub fn new(value: u8) -> Result<Mood, CheckInError> {
        if (Self::MIN..=Self::MAX).contains(&value) {
            Ok(Mood(value))
        } else {
            Err(CheckInError::OutOfRange {
                field: Self::FIELD,
                min: Self::MIN,
                max: Self::MAX,
            })
        }
    }

    pub fn parse(input: &str) -> Result<Mood, CheckInError> {
        parse_scale(input, Self::FIELD, Self::MIN, Self::MAX).map(Mood)
    }

    pub fn get(self) -> u8 {
        self.0
    }
}

impl fmt::Display for Mood {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// How strong cravings are today, from 0 (none) to 10 (overwhelming).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Craving(u8);

impl Craving {
    pub const MIN: u8 = 0;
    pub const MAX: u8 = 10;
    const FIELD: &'static str = "craving";

    pub fn new(value: u8) -> Result<Craving, CheckInError> {
        if value <= Self::MAX {
            Ok(Craving(value))
        } else {
            Err(CheckInError::OutOfRange {
                field: Self::FIELD,
                min: Self::MIN,
                max: Self::MAX,
            })
        }
    }

    pub fn parse(input: &str) -> Result<Craving, CheckInError> {
        parse_scale(input, Self::FIELD, Self::MIN, Self::MAX).map(Craving)
    }

    pub fn get(self) -> u8 {
        self.0
    }
}

impl fmt::Display for Craving {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// One day's check-in.
///
/// Built only through [`CheckIn::new`] or [`CheckIn::parse`], so the texts
/// are always cleaned and within their limits.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CheckIn {
    mood: Mood,
    craving: Craving,
    used: Option<bool>,
    helped: String,
    note: String,
}

impl CheckIn {
    pub const HELPED_MAX_CHARS: usize = 500;
    pub const NOTE_MAX_CHARS: usize = 5000;

    /// Parses a check-in form.
    ///
    /// `used` is optional and answered `""` (not saying), `"yes"` or
    /// `"no"`, in any case. `helped` and `note` may be empty. Fields are
    /// checked in form order, so the first refusal is the box nearest the
    /// top.
    pub fn parse(
        mood: &str,
        craving: &str,
        used: &str,
        helped: &str,
        note: &str,
    ) -> Result<CheckIn, CheckInError> {
        let mood = Mood::parse(mood)?;
        let craving = Craving::parse(craving)?;
        let used = parse_used(used)?;
        CheckIn::new(mood, craving, used, helped, note)
    }

    /// Builds a check-in from values already typed, cleaning and checking
    /// the two texts.
    pub fn new(
        mood: Mood,
        craving: Craving,
        used: Option<bool>,
        helped: &str,
        note: &str,
    ) -> Result<CheckIn, CheckInError> {
        let helped = clean_text(helped, "helped", Self::HELPED_MAX_CHARS)?;
        let note = clean_text(note, "note", Self::NOTE_MAX_CHARS)?;
        Ok(CheckIn {
            mood,
            craving,
            used,
            helped,
            note,
        })
    }

    pub fn mood(&self) -> Mood {
        self.mood
    }

    pub fn craving(&self) -> Craving {
        self.craving
    }

    /// Whether the member used today; `None` when they chose not to say.
    pub fn used(&self) -> Option<bool> {
        self.used
    }

    /// What helped today; may be empty.
    pub fn helped(&self) -> &str {
        &self.helped
    }

    /// A note only the member sees; may be empty.
    pub fn note(&self) -> &str {
        &self.note
    }
}

fn parse_used(input: &str) -> Result<Option<bool>, CheckInError> {
    let answer = input.trim();
    if answer.is_empty() {
        Ok(None)
    } else if answer.eq_ignore_ascii_case("yes") {
        Ok(Some(true))
    } else if answer.eq_ignore_ascii_case("no") {
        Ok(Some(false))
    } else {
        Err(CheckInError::Used)
    }
}

/// Cleans text from a `<textarea>` and checks its length in characters:
/// every line ending becomes `\n` (browsers send `\r\n`, which would
/// otherwise count twice), control characters other than `\n` and `\t`
/// are dropped, and the whole is trimmed.
fn clean_text(input: &str, field: &'static str, max: usize) -> Result<String, CheckInError> {
    let cleaned: String = input
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|&c| c == '\n' || c == '\t' || !c.is_control())
        .collect();
    let text = cleaned.trim();
    if text.chars().count() > max {
        return Err(CheckInError::TooLong { field, max });
    }
    Ok(text.to_owned())
}

/// Whether the check-in for `day` can still be changed: only on that day
/// itself, the member's today.
pub fn is_editable(day: Date, today: Date) -> bool {
    day == today
}

/// How many days in a row the member has checked in, counting back from
/// today.
///
/// Today's check-in counts once it is made, but a day not yet checked in
/// does not break the streak: with no check-in today, the count ends
/// yesterday instead, so a member who checks in every evening is not told
/// at breakfast that their streak is gone. The days can come in any order
/// and repeat; days after today (possible after moving west across time
/// zones) are left out.
pub fn check_in_streak(days_with_check_ins: &[Date], today: Date) -> u32 {
    let days: HashSet<Date> = days_with_check_ins
        .iter()
        .copied()
        .filter(|&day| day <= today)
        .collect();
    let mut day = if days.contains(&today) {
        Some(today)
    } else {
        today.yesterday().ok()
    };
    let mut streak: u32 = 0;
    // Each step counts a different day from the set, so this ends within
    // `days.len()` steps.
    while let Some(counted) = day.filter(|day| days.contains(day)) {
        streak = streak.saturating_add(1);
        day = counted.yesterday().ok();
    }
    streak
}

/// How many whole days have gone by without a check-in since the last one,
/// for a gentle nudge from a member's accountability partner.
///
/// Today is not counted while it is still going on: a last check-in
/// yesterday or today means 0 days missed, one two days ago means 1. A
/// member who has never checked in has not missed anything, so that is 0
/// too.
pub fn missed_days(last_check_in: Option<Date>, today: Date) -> i64 {
    last_check_in.map_or(0, |last| (days_between(last, today) - 1).max(0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn a_full_check_in_is_parsed() {
        let check_in =
            CheckIn::parse(" 4 ", "2", "no", "  called my sponsor ", "a quiet day").unwrap();
        assert_eq!(check_in.mood().get(), 4);
        assert_eq!(check_in.craving().get(), 2);
        assert_eq!(check_in.used(), Some(false));
        assert_eq!(check_in.helped(), "called my sponsor");
        assert_eq!(check_in.note(), "a quiet day");
    }

    #[test]
    fn only_mood_and_craving_are_needed() {
        let check_in = CheckIn::parse("1", "0", "", "", "").unwrap();
        assert_eq!(check_in.mood(), Mood::new(1).unwrap());
        assert_eq!(check_in.craving(), Craving::new(0).unwrap());
        assert_eq!(check_in.used(), None);
        assert_eq!(check_in.helped(), "");
        assert_eq!(check_in.note(), "");
    }

    #[test]
    fn used_today_is_blank_yes_or_no() {
        let used = |answer: &str| CheckIn::parse("3", "3", answer, "", "").map(|c| c.used());
        assert_eq!(used(""), Ok(None));
        assert_eq!(used("  "), Ok(None));
        assert_eq!(used("yes"), Ok(Some(true)));
        assert_eq!(used("Yes"), Ok(Some(true)));
        assert_eq!(used(" NO "), Ok(Some(false)));
        for answer in ["y", "true", "1", "maybe"] {
            let error = used(answer).unwrap_err();
            assert_eq!(error, CheckInError::Used);
            assert_eq!((error.field(), error.code()), ("used", "unknown_answer"));
        }
    }

    #[test]
    fn mood_runs_from_1_to_5() {
        for value in 1..=5 {
            assert_eq!(Mood::parse(&value.to_string()).unwrap().get(), value);
        }
        let out_of_range = CheckInError::OutOfRange {
            field: "mood",
            min: 1,
            max: 5,
        };
        for input in ["0", "6", "-1", "2.5", "three", "256"] {
            assert_eq!(Mood::parse(input), Err(out_of_range), "{input:?}");
        }
        assert_eq!(Mood::new(0), Err(out_of_range));
        assert_eq!(Mood::new(6), Err(out_of_range));
        let error = CheckIn::parse(" ", "3", "", "", "").unwrap_err();
        assert_eq!(
            error,
            CheckInError::Empty {
                field: "mood",
                min: 1,
                max: 5
            }
        );
        assert_eq!((error.field(), error.code()), ("mood", "empty"));
        assert_eq!(
            error.to_string(),
            "mood is needed; choose a number from 1 to 5"
        );
    }

    #[test]
    fn craving_runs_from_0_to_10() {
        assert_eq!(Craving::parse("0").unwrap().get(), 0);
        assert_eq!(Craving::parse("10").unwrap().get(), 10);
        let error = CheckIn::parse("3", "11", "", "", "").unwrap_err();
        assert_eq!(
            error,
            CheckInError::OutOfRange {
                field: "craving",
                min: 0,
                max: 10
            }
        );
        assert_eq!((error.field(), error.code()), ("craving", "out_of_range"));
        assert_eq!(error.to_string(), "craving is a whole number from 0 to 10");
        assert_eq!(Craving::new(11), Err(error));
        let error = CheckIn::parse("3", "", "", "", "").unwrap_err();
        assert_eq!((error.field(), error.code()), ("craving", "empty"));
    }

    #[test]
    fn the_first_field_in_form_order_is_reported() {
        let error = CheckIn::parse("9", "99", "perhaps", "", "").unwrap_err();
        assert_eq!(error.field(), "mood");
        let error = CheckIn::parse("3", "99", "perhaps", "", "").unwrap_err();
        assert_eq!(error.field(), "craving");
    }

    #[test]
    fn what_helped_can_have_500_characters() {
        let longest = "ü".repeat(CheckIn::HELPED_MAX_CHARS);
        let check_in = CheckIn::parse("3", "3", "", &longest, "").unwrap();
        assert_eq!(check_in.helped(), longest);
        let error = CheckIn::parse("3", "3", "", &format!("{longest}x"), "").unwrap_err();
        assert_eq!(
            error,
            CheckInError::TooLong {
                field: "helped",
                max: 500
            }
        );
        assert_eq!((error.field(), error.code()), ("helped", "too_long"));
    }

    #[test]
    fn a_note_can_have_5000_characters() {
        let longest = "n".repeat(CheckIn::NOTE_MAX_CHARS);
        assert!(CheckIn::parse("3", "3", "", "", &longest).is_ok());
        let error = CheckIn::parse("3", "3", "", "", &format!("{longest}n")).unwrap_err();
        assert_eq!(
            error,
            CheckInError::TooLong {
                field: "note",
                max: 5000
            }
        );
        assert_eq!(error.field(), "note");
    }

    #[test]
    fn texts_are_cleaned_before_they_are_counted() {
        // 250 browser line endings count as 250 characters, not 500.
        let lines = "a\r\n".repeat(250);
        let check_in = CheckIn::parse("3", "3", "", &lines, "line one\r\nline\u{0} two\t").unwrap();
        assert_eq!(check_in.helped().chars().count(), 499);
        assert_eq!(check_in.note(), "line one\nline two");
    }

    #[test]
    fn a_check_in_can_be_changed_only_on_its_own_day() {
        let today = date(2026, 3, 8);
        assert!(is_editable(today, today));
        assert!(!is_editable(date(2026, 3, 7), today));
        assert!(!is_editable(date(2026, 3, 9), today));
    }

    #[test]
    fn a_streak_ends_today_once_today_is_checked_in() {
        let today = date(2026, 3, 8);
        let days = [date(2026, 3, 6), date(2026, 3, 7), date(2026, 3, 8)];
        assert_eq!(check_in_streak(&days, today), 3);
    }

    #[test]
    fn a_streak_waits_for_today_and_counts_to_yesterday() {
        let today = date(2026, 3, 8);
        let days = [date(2026, 3, 5), date(2026, 3, 6), date(2026, 3, 7)];
        assert_eq!(check_in_streak(&days, today), 3);
        // Nothing yesterday or today: the streak is over.
        let days = [date(2026, 3, 5), date(2026, 3, 6)];
        assert_eq!(check_in_streak(&days, today), 0);
    }

    #[test]
    fn a_streak_stops_at_a_gap() {
        let today = date(2026, 3, 8);
        let days = [
            date(2026, 3, 1),
            date(2026, 3, 2),
            date(2026, 3, 3),
            date(2026, 3, 5),
            date(2026, 3, 6),
            date(2026, 3, 7),
            date(2026, 3, 8),
        ];
        assert_eq!(check_in_streak(&days, today), 4);
    }

    #[test]
    fn a_streak_takes_days_in_any_order_and_repeats() {
        let today = date(2026, 3, 1);
        let days = [
            date(2026, 2, 28),
            date(2026, 3, 1),
            date(2026, 2, 27),
            date(2026, 2, 28),
            date(2025, 12, 31),
            date(2026, 2, 26),
        ];
        assert_eq!(check_in_streak(&days, today), 4);
    }

    #[test]
    fn a_streak_crosses_month_and_year_ends() {
        let today = date(2025, 1, 2);
        let days = [
            date(2024, 12, 30),
            date(2024, 12, 31),
            date(2025, 1, 1),
            date(2025, 1, 2),
        ];
        assert_eq!(check_in_streak(&days, today), 4);
    }

    #[test]
    fn a_streak_ignores_days_after_today_and_needs_some_days() {
        let today = date(2026, 3, 8);
        assert_eq!(check_in_streak(&[], today), 0);
        assert_eq!(check_in_streak(&[date(2026, 3, 9)], today), 0);
        assert_eq!(
            check_in_streak(&[date(2026, 3, 9), date(2026, 3, 8)], today),
            1
        );
    }

    #[test]
    fn missed_days_leave_today_out() {
        let today = date(2026, 3, 8);
        assert_eq!(missed_days(None, today), 0);
        assert_eq!(missed_days(Some(today), today), 0);
        assert_eq!(missed_days(Some(date(2026, 3, 7)), today), 0);
        assert_eq!(missed_days(Some(date(2026, 3, 6)), today), 1);
        assert_eq!(missed_days(Some(date(2026, 2, 28)), today), 7);
        assert_eq!(missed_days(Some(date(2026, 3, 9)), today), 0);
    }
}
