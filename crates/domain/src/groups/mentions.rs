//! Finding the people a post mentions, so they can be notified.

use pulldown_cmark::utils::TextMergeStream;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::people::Handle;

/// At most this many people are notified from one post, so a post cannot be
/// used to ping a whole group (or to spam people it names).
const MAX_MENTIONS: usize = 20;

/// The [`Handle::key`]s of the people `text` (a member's Markdown) mentions
/// as `@handle`, without duplicates, in the order they first appear, and at
/// most 20 of them.
///
/// A mention is an `@` at the start of the text or after a character that
/// cannot be part of a word, an email address's name part or a web address's
/// path, followed by a valid [`Handle`]. So `a@b.org` and
/// `https://example.social/@ana` mention nobody. Mentions are looked for
/// only in text a reader sees as text: not in code, and not in link targets.
///
/// The keys are not checked against any account: the caller looks them up,
/// and ignores those that match nobody (or nobody in the group).
pub fn mentioned_handle_keys(text: &str) -> Vec<String> {
    let mut keys: Vec<String> = Vec::new();
    // Merging adjacent text events keeps `a@b.org` in one piece even where
    // the parser splits text (around escapes and entities, for instance).
    let events = TextMergeStream::new(Parser::new_ext(text, Options::ENABLE_STRIKETHROUGH));
    let mut in_code_block = false;
    for event in events {
        let chunk = match event {
            // A code block's lines arrive as ordinary text.
            Event::Start(Tag::CodeBlock(_)) => {
                in_code_block = true;
                continue;
            }
            Event::End(TagEnd::CodeBlock) => {
                in_code_block = false;
                continue;
            }
            Event::Text(_) if in_code_block => continue,
            // Raw HTML is shown as text (see `markdown`), so it counts too.
            Event::Text(chunk) | Event::Html(chunk) | Event::InlineHtml(chunk) => chunk,
            _ => continue,
        };
        for key in mentions_in(&chunk) {
            if !keys.contains(&key) {
                keys.push(key);
                if keys.len() == MAX_MENTIONS {
                    return keys;
                }
            }
        }
    }
    keys
}

/// Characters a handle may contain, before normalisation; see
/// [`Handle::parse`].
fn is_handle_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '-'
}

/// Whether an `@` after `c` belongs to something else: an email address
/// (`ana@example.org`) or a web address (`example.social/@ana`).
fn joins_previous(c: char) -> bool {
    is_handle_char(c) || matches!(c, '.' | '+' | '/')
}

fn mentions_in(chunk: &str) -> Vec<String> {
    let mut keys = Vec::new();
    let mut previous: Option<char> = None;
    for (at, c) in chunk.char_indices() {
        if c == '@' && !previous.is_some_and(joins_previous) {
            let start = at + c.len_utf8();
            let rest = &chunk[start..];
            let end = rest
                .char_indices()
                .find(|&(_, c)| !is_handle_char(c))
                .map_or(rest.len(), |(end, _)| end);
            if let Ok(handle) = Handle::parse(&rest[..end]) {
                keys.push(handle.key().to_owned());
            }
        }
        previous = Some(c);
    }
    keys
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_mentions_but_not_email_addresses() {
        assert_eq!(
            mentioned_handle_keys("@ana and @Ben, mail me at a@b.org"),
            ["ana", "ben"]
        );
        assert_eq!(
            mentioned_handle_keys("write to river@example.org or first.last@example.org"),
            Vec::<String>::new()
        );
    }

    #[test]
    fn keys_are_what_handle_key_of_gives() {
        assert_eq!(
            mentioned_handle_keys("thanks @ＲＩＶＥＲ and @José_M-2!"),
            [Handle::key_of("ＲＩＶＥＲ"), Handle::key_of("José_M-2")]
        );
        assert_eq!(mentioned_handle_keys("@ＲＩＶＥＲ"), ["river"]);
    }

    #[test]
    fn duplicates_are_removed_keeping_first_appearance_order() {
        assert_eq!(
            mentioned_handle_keys("@cat @ana @Cat @ANA @bob @cat"),
            ["cat", "ana", "bob"]
        );
    }

    #[test]
    fn mentions_sit_after_punctuation_and_markup() {
        assert_eq!(
            mentioned_handle_keys("(@ana) \"@bob\" **@cat** _@dan_ [@eve](https://x.org) @@fay"),
            ["ana", "bob", "cat", "dan", "eve", "fay"]
        );
        assert_eq!(mentioned_handle_keys("line one\n@ana: hi"), ["ana"]);
        assert_eq!(mentioned_handle_keys("> @ana said"), ["ana"]);
        assert_eq!(mentioned_handle_keys("@ana's share"), ["ana"]);
    }

    #[test]
    fn handles_that_are_not_valid_are_not_mentions() {
        assert!(mentioned_handle_keys("@ab is too short").is_empty());
        assert!(mentioned_handle_keys(&format!("@{}", "a".repeat(33))).is_empty());
        assert_eq!(
            mentioned_handle_keys(&format!("@{}", "a".repeat(32))),
            ["a".repeat(32)]
        );
        assert!(mentioned_handle_keys("@ alone, @, @!").is_empty());
    }

    #[test]
    fn addresses_code_and_link_targets_mention_nobody() {
        assert!(mentioned_handle_keys("https://example.social/@ana").is_empty());
        assert!(mentioned_handle_keys("<https://example.social/@ana>").is_empty());
        assert!(mentioned_handle_keys("[profile](https://example.social/@ana)").is_empty());
        assert!(mentioned_handle_keys("<ana@example.org>").is_empty());
        assert!(mentioned_handle_keys("`@ana` and\n\n    @bob in code").is_empty());
        assert_eq!(
            mentioned_handle_keys("```\n@Override\n```\n\nthanks @ana"),
            ["ana"]
        );
        assert!(mentioned_handle_keys("a+@bob x.@cat a\\@dan").is_empty());
    }

    #[test]
    fn at_most_twenty_are_found() {
        let text: String = (0..30).map(|n| format!("@person{n} ")).collect();
        let keys = mentioned_handle_keys(&text);
        assert_eq!(keys.len(), 20);
        assert_eq!(keys[0], "person0");
        assert_eq!(keys[19], "person19");
    }
}
