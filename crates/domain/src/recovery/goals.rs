//! A member's own goals: a title in their words and, if they like, a few
//! steps to tick off along the way.

use std::fmt;
use std::str::FromStr;

/// Why a goal's form was refused.
///
/// Every variant maps to a stable [`code`](GoalError::code) for API
/// clients and templates, and to the request [`field`](GoalError::field)
/// it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum GoalError {
    #[error("a goal needs a title, such as \"Call my sponsor every week\"")]
    TitleEmpty,
    #[error("a goal's title can have at most {max} characters")]
    TitleTooLong { max: usize },
    #[error("a goal's title cannot contain line breaks, tabs or other control characters")]
    TitleControlCharacters,
    #[error("a step needs some words")]
    StepEmpty { field: &'static str },
    #[error("a step can have at most {max} characters")]
    StepTooLong { field: &'static str, max: usize },
    #[error("a step cannot contain line breaks, tabs or other control characters")]
    StepControlCharacters { field: &'static str },
    #[error("a goal can have at most {max} steps")]
    TooManySteps { field: &'static str, max: usize },
    #[error("a goal is active, complete or archived")]
    UnknownState,
}

impl GoalError {
    /// A stable code for API clients and templates.
    pub fn code(&self) -> &'static str {
        match self {
            GoalError::TitleEmpty | GoalError::StepEmpty { .. } => "empty",
            GoalError::TitleTooLong { .. } | GoalError::StepTooLong { .. } => "too_long",
            GoalError::TitleControlCharacters | GoalError::StepControlCharacters { .. } => {
                "control_characters"
            }
            GoalError::TooManySteps { .. } => "too_many",
            GoalError::UnknownState => "unknown_state",
        }
    }

    /// The name of the request field the refused value came from.
    pub fn field(&self) -> &'static str {
        match self {
            GoalError::TitleEmpty
            | GoalError::TitleTooLong { .. }
            | GoalError::TitleControlCharacters => GoalTitle::FIELD,
            GoalError::StepEmpty { field }
            | GoalError::StepTooLong { field, .. }
            | GoalError::StepControlCharacters { field }
            | GoalError::TooManySteps { field, .. } => field,
            GoalError::UnknownState => GoalState::FIELD,
        }
    }
}

/// What a goal is, in the member's words: "Call my sponsor every week".
/// One line, trimmed.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct GoalTitle(String);

impl GoalTitle {
    pub const MAX_CHARS: usize = 120;
    const FIELD: &'static str = "title";

    pub fn parse(input: &str) -> Result<GoalTitle, GoalError> {
        let title = input.trim();
        if title.is_empty() {
            return Err(GoalError::TitleEmpty);
        }
        if title.chars().count() > Self::MAX_CHARS {
            return Err(GoalError::TitleTooLong {
                max: Self::MAX_CHARS,
            });
        }
        if title.chars().any(char::is_control) {
            return Err(GoalError::TitleControlCharacters);
        }
        Ok(GoalTitle(title.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for GoalTitle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// One step toward a goal: "Find a home group". One line, trimmed.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct StepText(String);

/// The most steps one goal can have: enough to plan, few enough to see at
/// a glance.
pub const MAX_STEPS: usize = 20;

impl StepText {
    pub const MAX_CHARS: usize = 200;
    /// The request field of a step added on its own.
    const FIELD: &'static str = "text";
    /// The request field of the steps a goal starts with.
    const LIST_FIELD: &'static str = "steps";

    pub fn parse(input: &str) -> Result<StepText, GoalError> {
        StepText::parse_in(input, Self::FIELD)
    }

    fn parse_in(input: &str, field: &'static str) -> Result<StepText, GoalError> {
        let text = input.trim();
        if text.is_empty() {
            return Err(GoalError::StepEmpty { field });
        }
        if text.chars().count() > Self::MAX_CHARS {
            return Err(GoalError::StepTooLong {
                field,
                max: Self::MAX_CHARS,
            });
        }
        if text.chars().any(char::is_control) {
            return Err(GoalError::StepControlCharacters { field });
        }
        Ok(StepText(text.to_owned()))
    }

    /// The steps a goal starts with, from a box of one step a line. Blank
    /// lines are passed over; there can be none at all.
    pub fn parse_lines(input: &str) -> Result<Vec<StepText>, GoalError> {
        let lines: Vec<&str> = input
            .lines()
            .filter(|line| !line.trim().is_empty())
            .collect();
        StepText::parse_list(&lines)
    }

    /// The steps a goal starts with, from a list (as the API sends them).
    pub fn parse_list(items: &[&str]) -> Result<Vec<StepText>, GoalError> {
        if items.len() > MAX_STEPS {
            return Err(GoalError::TooManySteps {
                field: Self::LIST_FIELD,
                max: MAX_STEPS,
            });
        }
        (items.iter())
            .map(|item| StepText::parse_in(item, Self::LIST_FIELD))
            .collect()
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for StepText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Whether one more step fits on a goal that has `steps` already.
pub fn can_add_step(steps: usize) -> Result<(), GoalError> {
    if steps < MAX_STEPS {
        Ok(())
    } else {
        Err(GoalError::TooManySteps {
            field: StepText::FIELD,
            max: MAX_STEPS,
        })
    }
}

/// Where a goal is: being worked on, done, or put away. A member can move
/// a goal between any of them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum GoalState {
    #[default]
    Active,
    Complete,
    Archived,
}

impl GoalState {
    pub const ALL: [GoalState; 3] = [GoalState::Active, GoalState::Complete, GoalState::Archived];
    const FIELD: &'static str = "state";

    /// The code it is stored and sent as.
    pub fn as_str(self) -> &'static str {
        match self {
            GoalState::Active => "active",
            GoalState::Complete => "complete",
            GoalState::Archived => "archived",
        }
    }
}

impl FromStr for GoalState {
    type Err = GoalError;

    fn from_str(code: &str) -> Result<GoalState, GoalError> {
        (GoalState::ALL.into_iter())
            .find(|state| state.as_str() == code.trim())
            .ok_or(GoalError::UnknownState)
    }
}

/// How many of a goal's steps are done.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct StepProgress {
    pub done: usize,
    pub total: usize,
}

impl StepProgress {
    /// Counts the steps done, from each step's "done" mark.
    pub fn of(steps: impl IntoIterator<Item = bool>) -> StepProgress {
        steps
            .into_iter()
            .fold(StepProgress::default(), |progress, done| StepProgress {
                done: progress.done + usize::from(done),
                total: progress.total + 1,
            })
    }

    /// Whole percent done, rounded down, so 100 means every step; `None`
    /// for a goal without steps.
    pub fn percent(self) -> Option<u8> {
        (self.total > 0).then(|| {
            let percent = self.done.min(self.total) * 100 / self.total;
            u8::try_from(percent).unwrap_or(100)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_is_one_trimmed_line_of_at_most_120_characters() {
        let title = GoalTitle::parse("  Call my sponsor every week ").unwrap();
        assert_eq!(title.as_str(), "Call my sponsor every week");
        assert_eq!(title.to_string(), "Call my sponsor every week");
        let longest = "é".repeat(GoalTitle::MAX_CHARS);
        assert_eq!(GoalTitle::parse(&longest).unwrap().as_str(), longest);
        let error = GoalTitle::parse(&format!("{longest}x")).unwrap_err();
        assert_eq!(error, GoalError::TitleTooLong { max: 120 });
        assert_eq!((error.field(), error.code()), ("title", "too_long"));
        let error = GoalTitle::parse(" \n ").unwrap_err();
        assert_eq!((error.field(), error.code()), ("title", "empty"));
        let error = GoalTitle::parse("one\ntwo").unwrap_err();
        assert_eq!(error, GoalError::TitleControlCharacters);
        assert_eq!(error.code(), "control_characters");
    }

    #[test]
    fn a_step_is_one_trimmed_line_of_at_most_200_characters() {
        assert_eq!(
            StepText::parse(" Find a home group ").unwrap().as_str(),
            "Find a home group"
        );
        let longest = "ü".repeat(StepText::MAX_CHARS);
        assert_eq!(StepText::parse(&longest).unwrap().to_string(), longest);
        let error = StepText::parse(&format!("{longest}!")).unwrap_err();
        assert_eq!(
            error,
            GoalError::StepTooLong {
                field: "text",
                max: 200
            }
        );
        assert_eq!((error.field(), error.code()), ("text", "too_long"));
        let error = StepText::parse("  ").unwrap_err();
        assert_eq!((error.field(), error.code()), ("text", "empty"));
        let error = StepText::parse("tab\there").unwrap_err();
        assert_eq!(
            (error.field(), error.code()),
            ("text", "control_characters")
        );
    }

    #[test]
    fn a_goal_starts_with_one_step_a_line_blank_lines_passed_over() {
        let steps = StepText::parse_lines("Find a sponsor\r\n\r\n  Ask them to meet  \n").unwrap();
        let texts: Vec<&str> = steps.iter().map(StepText::as_str).collect();
        assert_eq!(texts, ["Find a sponsor", "Ask them to meet"]);
        assert!(StepText::parse_lines("").unwrap().is_empty());
        assert!(StepText::parse_lines("\n \n").unwrap().is_empty());
        let error = StepText::parse_lines(&format!("ok\n{}", "x".repeat(201))).unwrap_err();
        assert_eq!((error.field(), error.code()), ("steps", "too_long"));
    }

    #[test]
    fn a_goal_has_at_most_20_steps() {
        let twenty = vec!["a step"; MAX_STEPS];
        assert_eq!(StepText::parse_list(&twenty).unwrap().len(), 20);
        let error = StepText::parse_list(&vec!["a step"; MAX_STEPS + 1]).unwrap_err();
        assert_eq!(
            error,
            GoalError::TooManySteps {
                field: "steps",
                max: 20
            }
        );
        assert_eq!((error.field(), error.code()), ("steps", "too_many"));
        let error = StepText::parse_list(&["fine", " "]).unwrap_err();
        assert_eq!((error.field(), error.code()), ("steps", "empty"));

        assert_eq!(can_add_step(0), Ok(()));
        assert_eq!(can_add_step(19), Ok(()));
        let error = can_add_step(20).unwrap_err();
        assert_eq!((error.field(), error.code()), ("text", "too_many"));
    }

    #[test]
    fn a_goal_is_active_complete_or_archived() {
        assert_eq!(GoalState::default(), GoalState::Active);
        for state in GoalState::ALL {
            assert_eq!(state.as_str().parse::<GoalState>(), Ok(state));
        }
        assert_eq!(" complete ".parse::<GoalState>(), Ok(GoalState::Complete));
        let error = "done".parse::<GoalState>().unwrap_err();
        assert_eq!((error.field(), error.code()), ("state", "unknown_state"));
        assert_eq!("".parse::<GoalState>(), Err(GoalError::UnknownState));
    }

    #[test]
    fn progress_is_the_steps_done_of_all_the_steps() {
        let progress = StepProgress::of([true, false, true, false]);
        assert_eq!(progress, StepProgress { done: 2, total: 4 });
        assert_eq!(progress.percent(), Some(50));
        assert_eq!(StepProgress::of([true, false, false]).percent(), Some(33));
        assert_eq!(StepProgress::of([true; 3]).percent(), Some(100));
        assert_eq!(StepProgress::of([false]).percent(), Some(0));
        let none = StepProgress::of([]);
        assert_eq!(none, StepProgress { done: 0, total: 0 });
        assert_eq!(none.percent(), None);
    }
}
