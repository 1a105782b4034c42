//! A member's private journal: entries in their own words, written in a
//! small Markdown subset (paragraphs, emphasis, lists, quotes, links).

use std::fmt;

/// Why a journal entry was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum JournalError {
    #[error("an entry needs some words")]
    Empty,
    #[error("an entry can have at most {max} characters")]
    TooLong { max: usize },
}

impl JournalError {
    /// A stable code for API clients and templates.
    pub fn code(&self) -> &'static str {
        match self {
            JournalError::Empty => "empty",
            JournalError::TooLong { .. } => "too_long",
        }
    }

    /// The request field the refused value came from.
    pub fn field(&self) -> &'static str {
        "body"
    }
}

/// The text of a journal entry: line endings made `\n`, control
/// characters other than tabs dropped, trimmed, and not empty.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct JournalText(String);

impl JournalText {
    /// Long enough for a hard night's writing; short enough to seal and
    /// render in a blink.
    pub const MAX_CHARS: usize = 20_000;

    pub fn parse(input: &str) -> Result<JournalText, JournalError> {
        let cleaned: String = input
            .replace("\r\n", "\n")
            .replace('\r', "\n")
            .chars()
            .filter(|&c| c == '\n' || c == '\t' || !c.is_control())
            .collect();
        let text = cleaned.trim();
        if text.is_empty() {
            return Err(JournalError::Empty);
        }
        if text.chars().count() > Self::MAX_CHARS {
            return Err(JournalError::TooLong {
                max: Self::MAX_CHARS,
            });
        }
        Ok(JournalText(text.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The first line, cut to `max` characters with an ellipsis: how an
    /// entry is named in a list.
    pub fn first_line(&self, max: usize) -> String {
        let line = self.0.lines().next().unwrap_or_default();
        let line = line.trim_start_matches(['#', '>', '-', '*', ' ']).trim();
        if line.chars().count() <= max {
            line.to_owned()
        } else {
            let cut: String = line.chars().take(max).collect();
            format!("{}…", cut.trim_end())
        }
    }
}

impl fmt::Display for JournalText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_is_cleaned_and_kept_whole() {
        let text = JournalText::parse("  Day 12.\r\n\r\nCalled my sponsor.\u{7}  ").unwrap();
        assert_eq!(text.as_str(), "Day 12.\n\nCalled my sponsor.");
    }

    #[test]
    fn empty_and_too_long_entries_are_refused() {
        assert_eq!(JournalText::parse(" \n\t "), Err(JournalError::Empty));
        let long = "a".repeat(JournalText::MAX_CHARS + 1);
        assert_eq!(
            JournalText::parse(&long),
            Err(JournalError::TooLong {
                max: JournalText::MAX_CHARS
            })
        );
        assert!(JournalText::parse(&"é".repeat(JournalText::MAX_CHARS)).is_ok());
    }

    #[test]
    fn the_first_line_names_the_entry() {
        let text = JournalText::parse("# A good Tuesday\nmore").unwrap();
        assert_eq!(text.first_line(40), "A good Tuesday");
        assert_eq!(text.first_line(6), "A good…");
    }
}
