//! Milestones: the amounts of clean time a program marks, and the local
//! dates a member reaches them.
//!
//! Every milestone is measured from the start date itself, never chained
//! from the one before, so the dates do not drift. Months and years use
//! jiff's civil arithmetic, which keeps the day of the month and, when that
//! day does not exist, falls back to the last day of the month: 1 month
//! after January 31 is February 28 (29 in a leap year), 6 months after
//! January 31 is July 31, and 1 year after February 29 is February 28. A
//! leap-day start therefore celebrates on February 28 in common years and
//! on February 29 again in leap years; the anniversary stays in February
//! rather than moving to March 1.
//!
//! A milestone is *reached* on its date: on that day it is among the
//! [`reached_by`](Program::reached_by) milestones, and
//! [`next_after`](Program::next_after) already points at the one after it.
//! The day of a milestone is a day to celebrate, not a day of waiting.
//!
//! Yearly milestones go on without end, so nothing here walks the schedule
//! from the start to find a far-away date: the place to begin is computed
//! directly, and every walk stops at a date the caller gave.

use std::fmt;
use std::str::FromStr;

use jiff::Span;
use jiff::civil::Date;

/// How long after reaching a milestone the member is still offered to
/// announce it.
pub const ANNOUNCE_WITHIN_DAYS: i64 = 14;

/// The milestone schedule a member's counter follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Program {
    /// The common 12-step schedule: 24 hours, 30, 60 and 90 days, 6 and 9
    /// months, 1 year, 18 months, then every year.
    #[default]
    TwelveStep,
    /// Narcotics Anonymous key tags: the white welcome tag on the first day,
    /// then 30, 60 and 90 days, 6 and 9 months, 1 year, 18 months and every
    /// year, each with its colour.
    NarcoticsAnonymous,
    /// A plain rhythm: 30, 60, 90, ... days, for people who want no
    /// program's schedule.
    Every30Days,
    /// No milestones at all; the counter alone. Some people find
    /// milestones more pressure than encouragement.
    None,
}

impl Program {
    pub const ALL: [Program; 4] = [
        Program::TwelveStep,
        Program::NarcoticsAnonymous,
        Program::Every30Days,
        Program::None,
    ];

    /// The stored and API form, which [`Program::parse`] reads back.
    pub fn as_str(self) -> &'static str {
        match self {
            Program::TwelveStep => "twelve_step",
            Program::NarcoticsAnonymous => "na_keytags",
            Program::Every30Days => "every_30_days",
            Program::None => "none",
        }
    }

    /// Reads the form [`Program::as_str`] writes, after trimming.
    pub fn parse(input: &str) -> Result<Program, UnknownProgram> {
        let name = input.trim();
        Program::ALL
            .into_iter()
            .find(|program| program.as_str() == name)
            .ok_or(UnknownProgram)
    }

    /// The milestones reached from `from` to `to`, both days included,
    /// oldest first. Empty when `to` is before `from`.
    pub fn milestones_between(self, start: Date, from: Date, to: Date) -> Vec<Milestone> {
        self.walk_from(start, from)
            .take_while(|milestone| milestone.date <= to)
            .collect()
    }

    /// Every milestone reached by the end of `today`, oldest first, so the
    /// most recent is the last. Today's milestone, if there is one, is
    /// included: it is reached on its day.
    pub fn reached_by(self, start: Date, today: Date) -> Vec<Milestone> {
        self.milestones_between(start, start, today)
    }

    /// The milestone a member may announce to their groups now: the latest
    /// one reached by `today`, if it came after the last one they announced
    /// or passed over (`announced_through`) and no more than
    /// [`ANNOUNCE_WITHIN_DAYS`] ago. An old milestone is not brought up
    /// again, and the welcome on the first day is the member's alone.
    pub fn to_announce(
        self,
        start: Date,
        announced_through: Option<Date>,
        today: Date,
    ) -> Option<Milestone> {
        let recent = today.saturating_sub(Span::new().days(ANNOUNCE_WITHIN_DAYS));
        let after = announced_through.map_or(recent, |through| through.max(recent));
        (self.reached_by(start, today).into_iter())
            .rev()
            .find(|milestone| milestone.clean_time != CleanTime::FirstDay)
            .filter(|milestone| {
                milestone.date >= after && Some(milestone.date) != announced_through
            })
    }

    /// The first milestone after `today`: the next one to look forward to.
    ///
    /// `None` for [`Program::None`], and when the next one would fall after
    /// the last date jiff can hold (9999-12-31).
    pub fn next_after(self, start: Date, today: Date) -> Option<Milestone> {
        let tomorrow = today.tomorrow().ok()?;
        self.walk_from(start, tomorrow).next()
    }

    /// The schedule, in order: a fixed beginning, then what repeats.
    fn schedule(self) -> Schedule {
        const TWELVE_STEP: &[(CleanTime, Option<KeyTag>)] = &[
            (CleanTime::Hours(24), None),
            (CleanTime::Days(30), None),
            (CleanTime::Days(60), None),
            (CleanTime::Days(90), None),
            (CleanTime::Months(6), None),
            (CleanTime::Months(9), None),
            (CleanTime::Years(1), None),
            (CleanTime::Months(18), None),
        ];
        const KEY_TAGS: &[(CleanTime, Option<KeyTag>)] = &[
            (CleanTime::FirstDay, Some(KeyTag::White)),
            (CleanTime::Days(30), Some(KeyTag::Orange)),
            (CleanTime::Days(60), Some(KeyTag::Green)),
            (CleanTime::Days(90), Some(KeyTag::Red)),
            (CleanTime::Months(6), Some(KeyTag::Blue)),
            (CleanTime::Months(9), Some(KeyTag::Yellow)),
            (CleanTime::Years(1), Some(KeyTag::GlowInTheDark)),
            (CleanTime::Months(18), Some(KeyTag::Grey)),
        ];
        match self {
            Program::TwelveStep => Schedule {
                beginning: TWELVE_STEP,
                then: Repeat::Yearly {
                    from_year: 2,
                    key_tag: None,
                },
            },
            Program::NarcoticsAnonymous => Schedule {
                beginning: KEY_TAGS,
                then: Repeat::Yearly {
                    from_year: 2,
                    key_tag: Some(KeyTag::Black),
                },
            },
            Program::Every30Days => Schedule {
                beginning: &[],
                then: Repeat::EveryDays(30),
            },
            Program::None => Schedule {
                beginning: &[],
                then: Repeat::Never,
            },
        }
    }

    /// Milestones in order, beginning with the first on or after `from`.
    ///
    /// The walk starts near `from` by computing where the repeating part
    /// stands, so a start in 1990 does not walk through decades to reach
    /// today. It ends by itself only at the last date jiff can hold, so
    /// callers always stop it at a date of their own.
    fn walk_from(self, start: Date, from: Date) -> impl Iterator<Item = Milestone> {
        let schedule = self.schedule();
        let first_index = schedule.index_near(start, from);
        (first_index..)
            .map_while(move |index| schedule.milestone(start, index))
            .skip_while(move |milestone| milestone.date < from)
    }
}

impl fmt::Display for Program {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Program {
    type Err = UnknownProgram;

    fn from_str(s: &str) -> Result<Program, UnknownProgram> {
        Program::parse(s)
    }
}

/// A program name that is not one of [`Program::ALL`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("unknown program; the programs are twelve_step, na_keytags, every_30_days and none")]
pub struct UnknownProgram;

impl UnknownProgram {
    /// A stable code for API clients and templates.
    pub fn code(&self) -> &'static str {
        "unknown_program"
    }

    /// The name of the request field the refused value came from.
    pub fn field(&self) -> &'static str {
        "program"
    }
}

/// An amount of clean time that a program marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CleanTime {
    /// The first day itself: coming in is worth marking. Narcotics
    /// Anonymous gives the white welcome key tag for it.
    FirstDay,
    /// Hours counted from the start of the start day, in the member's own
    /// days: 24 hours is reached on the day after the start date.
    Hours(u32),
    Days(u32),
    /// Calendar months; see the [module documentation](self) for month
    /// ends.
    Months(u32),
    /// Calendar years; a leap-day start reaches them on February 28 in
    /// common years.
    Years(u32),
}

impl CleanTime {
    /// The local date this much clean time is reached when counting from
    /// `start`, or `None` after 9999-12-31, the last date jiff can hold.
    pub fn reached_on(self, start: Date) -> Option<Date> {
        let span = match self {
            CleanTime::FirstDay => Span::new(),
            CleanTime::Hours(hours) => Span::new().try_days(hours / 24).ok()?,
            CleanTime::Days(days) => Span::new().try_days(days).ok()?,
            CleanTime::Months(months) => Span::new().try_months(months).ok()?,
            CleanTime::Years(years) => Span::new().try_years(years).ok()?,
        };
        start.checked_add(span).ok()
    }
}

/// In English ("24 hours", "1 year", "18 months"); templates in other
/// languages can match on the variants instead.
impl fmt::Display for CleanTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (amount, one, many) = match *self {
            CleanTime::FirstDay => return f.write_str("the first day"),
            CleanTime::Hours(hours) => (hours, "hour", "hours"),
            CleanTime::Days(days) => (days, "day", "days"),
            CleanTime::Months(months) => (months, "month", "months"),
            CleanTime::Years(years) => (years, "year", "years"),
        };
        let unit = if amount == 1 { one } else { many };
        write!(f, "{amount} {unit}")
    }
}

/// The colour of a Narcotics Anonymous key tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyTag {
    /// Welcome: the first day.
    White,
    /// 30 days.
    Orange,
    /// 60 days.
    Green,
    /// 90 days.
    Red,
    /// 6 months.
    Blue,
    /// 9 months.
    Yellow,
    /// 1 year.
    GlowInTheDark,
    /// 18 months.
    Grey,
    /// Multiple years: every year from the second on.
    Black,
}

impl KeyTag {
    /// A stable name for templates and style sheets.
    pub fn as_str(self) -> &'static str {
        match self {
            KeyTag::White => "white",
            KeyTag::Orange => "orange",
            KeyTag::Green => "green",
            KeyTag::Red => "red",
            KeyTag::Blue => "blue",
            KeyTag::Yellow => "yellow",
            KeyTag::GlowInTheDark => "glow_in_the_dark",
            KeyTag::Grey => "grey",
            KeyTag::Black => "black",
        }
    }
}

impl fmt::Display for KeyTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A milestone on a member's own calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Milestone {
    pub clean_time: CleanTime,
    /// The member's local date on which it is reached.
    pub date: Date,
    /// The key tag that goes with it, for [`Program::NarcoticsAnonymous`]
    /// only.
    pub key_tag: Option<KeyTag>,
}

/// A program's milestones as a fixed beginning followed by a repeat.
/// Milestones are numbered from 0 across both parts.
struct Schedule {
    beginning: &'static [(CleanTime, Option<KeyTag>)],
    then: Repeat,
}

enum Repeat {
    Never,
    Yearly {
        from_year: u32,
        key_tag: Option<KeyTag>,
    },
    EveryDays(u32),
}

impl Schedule {
    /// Milestone number `index`, or `None` when there is no such milestone
    /// or its date is past what jiff can hold.
    fn milestone(&self, start: Date, index: u32) -> Option<Milestone> {
        let (clean_time, key_tag) = match usize::try_from(index)
            .ok()
            .and_then(|i| self.beginning.get(i))
        {
            Some(&entry) => entry,
            None => {
                let repeat_number = index.checked_sub(self.beginning_len())?;
                match self.then {
                    Repeat::Never => return None,
                    Repeat::Yearly { from_year, key_tag } => (
                        CleanTime::Years(from_year.checked_add(repeat_number)?),
                        key_tag,
                    ),
                    Repeat::EveryDays(every) => {
                        let days = repeat_number.checked_add(1)?.checked_mul(every)?;
                        (CleanTime::Days(days), None)
                    }
                }
            }
        };
        let date = clean_time.reached_on(start)?;
        Some(Milestone {
            clean_time,
            date,
            key_tag,
        })
    }

    /// A milestone number at or a little before the first milestone on or
    /// after `from`, computed without walking the schedule. Never after it,
    /// so a walk from here that skips dates before `from` misses nothing.
    ///
    /// Repeats that surely fall before `from` are stepped over, and with
    /// them the whole fixed beginning, which comes before every repeat.
    /// Each count is one less than it could be, so that month ends and leap
    /// days can never carry it past `from`.
    fn index_near(&self, start: Date, from: Date) -> u32 {
        let repeats_before = match self.then {
            Repeat::Never => 0,
            Repeat::Yearly { from_year, .. } => whole_years(start, from)
                .saturating_sub(1)
                .saturating_sub(from_year),
            Repeat::EveryDays(every) => {
                let days = u32::try_from(days_between(start, from)).unwrap_or(0);
                (days / every).saturating_sub(1)
            }
        };
        if repeats_before == 0 {
            0
        } else {
            self.beginning_len().saturating_add(repeats_before)
        }
    }

    fn beginning_len(&self) -> u32 {
        u32::try_from(self.beginning.len()).unwrap_or(u32::MAX)
    }
}

/// Whole calendar days from `start` to `end`; negative when `end` comes
/// first.
pub(crate) fn days_between(start: Date, end: Date) -> i64 {
    // Civil dates have no time zone, so every civil day is 24 hours here
    // even when a daylight-saving change falls on it.
    start.duration_until(end).as_secs() / (24 * 60 * 60)
}

/// Whole years from `start` to `end` by the calendar, 0 when `end` comes
/// first.
fn whole_years(start: Date, end: Date) -> u32 {
    let mut years = i32::from(end.year()) - i32::from(start.year());
    if (end.month(), end.day()) < (start.month(), start.day()) {
        years -= 1;
    }
    u32::try_from(years).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn dates(milestones: &[Milestone]) -> Vec<Date> {
        milestones.iter().map(|m| m.date).collect()
    }

    fn clean_times(milestones: &[Milestone]) -> Vec<CleanTime> {
        milestones.iter().map(|m| m.clean_time).collect()
    }

    #[test]
    fn program_names_round_trip() {
        for program in Program::ALL {
            assert_eq!(Program::parse(program.as_str()), Ok(program));
            assert_eq!(program.to_string().parse::<Program>(), Ok(program));
        }
        assert_eq!(
            Program::parse("  na_keytags "),
            Ok(Program::NarcoticsAnonymous)
        );
        assert_eq!(Program::default(), Program::TwelveStep);
    }

    #[test]
    fn unknown_program_is_refused() {
        for input in ["", "12step", "Twelve_Step", "na"] {
            let error = Program::parse(input).unwrap_err();
            assert_eq!(error.code(), "unknown_program");
            assert_eq!(error.field(), "program");
        }
    }

    #[test]
    fn twelve_step_schedule_from_a_plain_start() {
        let start = date(2024, 3, 10);
        let first = Program::TwelveStep.milestones_between(start, start, date(2028, 3, 10));
        assert_eq!(
            clean_times(&first),
            vec![
                CleanTime::Hours(24),
                CleanTime::Days(30),
                CleanTime::Days(60),
                CleanTime::Days(90),
                CleanTime::Months(6),
                CleanTime::Months(9),
                CleanTime::Years(1),
                CleanTime::Months(18),
                CleanTime::Years(2),
                CleanTime::Years(3),
                CleanTime::Years(4),
            ]
        );
        assert_eq!(
            dates(&first),
            vec![
                date(2024, 3, 11),
                date(2024, 4, 9),
                date(2024, 5, 9),
                date(2024, 6, 8),
                date(2024, 9, 10),
                date(2024, 12, 10),
                date(2025, 3, 10),
                date(2025, 9, 10),
                date(2026, 3, 10),
                date(2027, 3, 10),
                date(2028, 3, 10),
            ]
        );
        assert!(first.iter().all(|m| m.key_tag.is_none()));
    }

    #[test]
    fn twenty_four_hours_is_reached_the_day_after_the_start() {
        let start = date(2025, 12, 31);
        assert_eq!(
            CleanTime::Hours(24).reached_on(start),
            Some(date(2026, 1, 1))
        );
        assert!(Program::TwelveStep.reached_by(start, start).is_empty());
        let next = Program::TwelveStep.next_after(start, start).unwrap();
        assert_eq!(next.clean_time, CleanTime::Hours(24));
        assert_eq!(next.date, date(2026, 1, 1));
    }

    #[test]
    fn narcotics_anonymous_key_tags_and_colours() {
        let start = date(2023, 1, 15);
        let tags = Program::NarcoticsAnonymous.milestones_between(start, start, date(2026, 1, 15));
        let expected = [
            (CleanTime::FirstDay, date(2023, 1, 15), KeyTag::White),
            (CleanTime::Days(30), date(2023, 2, 14), KeyTag::Orange),
            (CleanTime::Days(60), date(2023, 3, 16), KeyTag::Green),
            (CleanTime::Days(90), date(2023, 4, 15), KeyTag::Red),
            (CleanTime::Months(6), date(2023, 7, 15), KeyTag::Blue),
            (CleanTime::Months(9), date(2023, 10, 15), KeyTag::Yellow),
            (
                CleanTime::Years(1),
                date(2024, 1, 15),
                KeyTag::GlowInTheDark,
            ),
            (CleanTime::Months(18), date(2024, 7, 15), KeyTag::Grey),
            (CleanTime::Years(2), date(2025, 1, 15), KeyTag::Black),
            (CleanTime::Years(3), date(2026, 1, 15), KeyTag::Black),
        ];
        let expected: Vec<Milestone> = expected
            .into_iter()
            .map(|(clean_time, date, tag)| Milestone {
                clean_time,
                date,
                key_tag: Some(tag),
            })
            .collect();
        assert_eq!(tags, expected);
    }

    #[test]
    fn welcome_key_tag_is_reached_on_the_first_day() {
        let start = date(2026, 2, 1);
        let reached = Program::NarcoticsAnonymous.reached_by(start, start);
        assert_eq!(reached.len(), 1);
        assert_eq!(reached[0].key_tag, Some(KeyTag::White));
        let next = Program::NarcoticsAnonymous
            .next_after(start, start)
            .unwrap();
        assert_eq!(next.key_tag, Some(KeyTag::Orange));
        assert_eq!(next.date, date(2026, 3, 3));
    }

    #[test]
    fn every_30_days_counts_on_in_thirties() {
        let start = date(2025, 1, 1);
        let first = Program::Every30Days.milestones_between(start, start, date(2025, 5, 1));
        assert_eq!(
            clean_times(&first),
            vec![
                CleanTime::Days(30),
                CleanTime::Days(60),
                CleanTime::Days(90),
                CleanTime::Days(120),
            ]
        );
        assert_eq!(
            dates(&first),
            vec![
                date(2025, 1, 31),
                date(2025, 3, 2),
                date(2025, 4, 1),
                date(2025, 5, 1),
            ]
        );
        let later = Program::Every30Days
            .next_after(start, date(2035, 6, 1))
            .unwrap();
        assert_eq!(later.clean_time, CleanTime::Days(3810));
        assert_eq!(later.date, date(2035, 6, 8));
    }

    #[test]
    fn no_program_has_no_milestones() {
        let start = date(2020, 5, 5);
        let today = date(2026, 5, 5);
        assert!(
            Program::None
                .milestones_between(start, start, today)
                .is_empty()
        );
        assert!(Program::None.reached_by(start, today).is_empty());
        assert_eq!(Program::None.next_after(start, start), None);
        assert_eq!(Program::None.next_after(start, today), None);
    }

    #[test]
    fn months_keep_the_day_or_fall_back_to_the_month_end() {
        let jan_31 = date(2025, 1, 31);
        assert_eq!(
            CleanTime::Months(1).reached_on(jan_31),
            Some(date(2025, 2, 28))
        );
        assert_eq!(
            CleanTime::Months(1).reached_on(date(2024, 1, 31)),
            Some(date(2024, 2, 29))
        );
        assert_eq!(
            CleanTime::Months(6).reached_on(jan_31),
            Some(date(2025, 7, 31))
        );
        assert_eq!(
            CleanTime::Months(9).reached_on(jan_31),
            Some(date(2025, 10, 31))
        );
        // Measured from the start, not from the month before: 18 months
        // after August 31 is the end of February, 9 months is May 31.
        let aug_31 = date(2023, 8, 31);
        assert_eq!(
            CleanTime::Months(6).reached_on(aug_31),
            Some(date(2024, 2, 29))
        );
        assert_eq!(
            CleanTime::Months(9).reached_on(aug_31),
            Some(date(2024, 5, 31))
        );
        assert_eq!(
            CleanTime::Months(18).reached_on(aug_31),
            Some(date(2025, 2, 28))
        );
    }

    #[test]
    fn a_month_end_start_keeps_its_milestones_in_order() {
        let start = date(2025, 1, 31);
        let first = Program::TwelveStep.milestones_between(start, start, date(2027, 1, 31));
        assert_eq!(
            dates(&first),
            vec![
                date(2025, 2, 1),
                date(2025, 3, 2),
                date(2025, 4, 1),
                date(2025, 5, 1),
                date(2025, 7, 31),
                date(2025, 10, 31),
                date(2026, 1, 31),
                date(2026, 7, 31),
                date(2027, 1, 31),
            ]
        );
        assert!(first.windows(2).all(|pair| pair[0].date < pair[1].date));
    }

    #[test]
    fn a_leap_day_start_celebrates_on_february_28_in_common_years() {
        let start = date(2024, 2, 29);
        let years: Vec<Date> = Program::TwelveStep
            .milestones_between(start, date(2025, 1, 1), date(2029, 12, 31))
            .into_iter()
            .filter(|m| matches!(m.clean_time, CleanTime::Years(_)))
            .map(|m| m.date)
            .collect();
        assert_eq!(
            years,
            vec![
                date(2025, 2, 28),
                date(2026, 2, 28),
                date(2027, 2, 28),
                date(2028, 2, 29),
                date(2029, 2, 28),
            ]
        );
        // 18 months after a leap day is August 29.
        assert_eq!(
            CleanTime::Months(18).reached_on(start),
            Some(date(2025, 8, 29))
        );
    }

    #[test]
    fn a_milestone_is_reached_on_its_day_and_next_points_past_it() {
        let start = date(2025, 1, 1);
        let day_30 = date(2025, 1, 31);

        let reached = Program::TwelveStep.reached_by(start, day_30);
        let latest = reached.last().unwrap();
        assert_eq!(latest.clean_time, CleanTime::Days(30));
        assert_eq!(latest.date, day_30);
        let next = Program::TwelveStep.next_after(start, day_30).unwrap();
        assert_eq!(next.clean_time, CleanTime::Days(60));

        let day_before = date(2025, 1, 30);
        let next = Program::TwelveStep.next_after(start, day_before).unwrap();
        assert_eq!(next.clean_time, CleanTime::Days(30));
        assert_eq!(
            Program::TwelveStep
                .reached_by(start, day_before)
                .last()
                .map(|m| m.clean_time),
            Some(CleanTime::Hours(24))
        );
    }

    #[test]
    fn yearly_milestones_go_on_far_into_the_future() {
        let start = date(1990, 6, 15);
        let today = date(2026, 3, 1);
        let next = Program::TwelveStep.next_after(start, today).unwrap();
        assert_eq!(next.clean_time, CleanTime::Years(36));
        assert_eq!(next.date, date(2026, 6, 15));

        let on_the_day = Program::NarcoticsAnonymous.next_after(start, date(2026, 6, 15));
        let on_the_day = on_the_day.unwrap();
        assert_eq!(on_the_day.clean_time, CleanTime::Years(37));
        assert_eq!(on_the_day.key_tag, Some(KeyTag::Black));

        let reached = Program::TwelveStep.reached_by(start, today);
        // 8 in the first 18 months, then years 2 to 35.
        assert_eq!(reached.len(), 8 + 34);
        assert_eq!(reached.last().unwrap().clean_time, CleanTime::Years(35));
        assert_eq!(reached.last().unwrap().date, date(2025, 6, 15));
        assert!(reached.windows(2).all(|pair| pair[0].date < pair[1].date));
    }

    #[test]
    fn between_starts_in_the_middle_of_the_schedule() {
        let start = date(2000, 2, 29);
        let window =
            Program::TwelveStep.milestones_between(start, date(2024, 2, 28), date(2025, 3, 1));
        assert_eq!(
            window,
            vec![
                Milestone {
                    clean_time: CleanTime::Years(24),
                    date: date(2024, 2, 29),
                    key_tag: None,
                },
                Milestone {
                    clean_time: CleanTime::Years(25),
                    date: date(2025, 2, 28),
                    key_tag: None,
                },
            ]
        );
        let every_30 =
            Program::Every30Days.milestones_between(start, date(2000, 4, 29), date(2000, 5, 29));
        assert_eq!(
            clean_times(&every_30),
            vec![CleanTime::Days(60), CleanTime::Days(90)]
        );
        assert_eq!(dates(&every_30), vec![date(2000, 4, 29), date(2000, 5, 29)]);
    }

    #[test]
    fn a_window_finds_the_same_milestones_as_a_walk_from_the_start() {
        let starts = [
            date(2000, 2, 29),
            date(2001, 1, 31),
            date(2003, 8, 31),
            date(2010, 12, 31),
        ];
        for program in Program::ALL {
            for start in starts {
                let to = date(2016, 3, 1);
                let all = program.reached_by(start, to);
                let mut from = start;
                while from <= to {
                    let expected: Vec<Milestone> =
                        all.iter().copied().filter(|m| m.date >= from).collect();
                    assert_eq!(
                        program.milestones_between(start, from, to),
                        expected,
                        "{program} from {start}, window from {from}"
                    );
                    let next = program.next_after(start, from);
                    let expected_next = program
                        .reached_by(start, to.tomorrow().unwrap())
                        .into_iter()
                        .find(|m| m.date > from);
                    if from < date(2015, 1, 1) {
                        assert_eq!(next, expected_next, "{program} from {start} on {from}");
                    }
                    from = from.checked_add(jiff::Span::new().days(13)).unwrap();
                }
            }
        }
    }

    #[test]
    fn an_empty_or_backwards_window_has_no_milestones() {
        let start = date(2020, 1, 1);
        assert!(
            Program::TwelveStep
                .milestones_between(start, date(2021, 6, 1), date(2021, 1, 1))
                .is_empty()
        );
        assert!(
            Program::TwelveStep
                .milestones_between(start, date(2020, 3, 2), date(2020, 3, 30))
                .is_empty()
        );
        // A window before the start reaches nothing earlier than the start.
        let before =
            Program::TwelveStep.milestones_between(start, date(2019, 1, 1), date(2020, 1, 2));
        assert_eq!(clean_times(&before), vec![CleanTime::Hours(24)]);
    }

    #[test]
    fn the_end_of_the_calendar_ends_the_schedule() {
        let start = date(9998, 6, 1);
        assert_eq!(
            Program::TwelveStep.next_after(start, date(9999, 12, 1)),
            None
        );
        assert_eq!(
            Program::TwelveStep.next_after(start, date(9999, 12, 31)),
            None
        );
        let all = Program::Every30Days.reached_by(start, date(9999, 12, 31));
        assert_eq!(all.len(), 19);
        assert_eq!(CleanTime::Years(2).reached_on(start), None);
    }

    #[test]
    fn clean_time_reads_plainly() {
        assert_eq!(CleanTime::FirstDay.to_string(), "the first day");
        assert_eq!(CleanTime::Hours(24).to_string(), "24 hours");
        assert_eq!(CleanTime::Days(1).to_string(), "1 day");
        assert_eq!(CleanTime::Days(90).to_string(), "90 days");
        assert_eq!(CleanTime::Months(18).to_string(), "18 months");
        assert_eq!(CleanTime::Years(1).to_string(), "1 year");
        assert_eq!(CleanTime::Years(2).to_string(), "2 years");
        assert_eq!(KeyTag::GlowInTheDark.to_string(), "glow_in_the_dark");
    }

    #[test]
    fn a_recent_milestone_is_offered_once() {
        let start = date(2026, 1, 1);
        let ninety = date(2026, 4, 1);
        let program = Program::TwelveStep;
        let offered = program.to_announce(start, None, date(2026, 4, 3)).unwrap();
        assert_eq!(
            (offered.clean_time, offered.date),
            (CleanTime::Days(90), ninety)
        );
        assert_eq!(
            program.to_announce(start, Some(ninety), date(2026, 4, 3)),
            None,
            "announced or passed over"
        );
        assert_eq!(
            program.to_announce(start, None, date(2026, 4, 16)),
            None,
            "more than two weeks ago"
        );
        assert_eq!(
            program
                .to_announce(start, None, date(2026, 4, 15))
                .map(|m| m.date),
            Some(ninety)
        );
        assert_eq!(
            program.to_announce(start, Some(date(2026, 3, 2)), date(2026, 3, 5)),
            None,
            "60 days, already"
        );
        assert_eq!(Program::None.to_announce(start, None, ninety), None);
        // The first day's welcome is not announced; 24 hours is.
        let na = Program::NarcoticsAnonymous;
        assert_eq!(na.to_announce(start, None, start), None);
        assert_eq!(
            Program::TwelveStep
                .to_announce(start, None, date(2026, 1, 2))
                .map(|m| m.clean_time),
            Some(CleanTime::Hours(24))
        );
    }
}
