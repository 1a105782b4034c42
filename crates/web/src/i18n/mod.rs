//! Languages: Fluent message files per locale, choosing a language for each
//! request, and showing dates, times and numbers the way that language does.
//!
//! Every word a person reads comes from `crates/web/locales/CODE/*.ftl`.
//! Templates call [`Lang::t`] (through `ctx.t(...)`); Rust code that must
//! say something later, once the language is known (an error, a field
//! problem), carries a [`Message`] and renders it with [`Lang::message`].
//! `docs/TRANSLATING.md` tells a volunteer how to add a language.

mod format;
pub(crate) mod negotiate;

pub use negotiate::{LANG_COOKIE, language, negotiate};

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast::Pattern;
use unic_langid::LanguageIdentifier;

use format::Calendar;

include!(concat!(env!("OUT_DIR"), "/locales.rs"));

/// The language every message exists in first, and the fallback when a
/// translation is missing one.
pub const REFERENCE_LOCALE: &str = "en";

/// Each locale's code and its message files' names and text, as
/// `LOCALE_SOURCES` embeds them.
type Sources = [(&'static str, &'static [(&'static str, &'static str)])];

/// One language's message files, parsed.
struct Messages {
    code: &'static str,
    bundle: FluentBundle<FluentResource>,
    /// The ids of its messages (not its terms), sorted.
    ids: Vec<&'static str>,
}

/// A language's messages and the reference's, which stand in for any
/// message the language lacks.
#[derive(Clone, Copy)]
struct WithFallback<'a> {
    own: &'a Messages,
    reference: &'a Messages,
}

impl<'a> WithFallback<'a> {
    /// The text of message `id`, and the messages it was found in.
    fn pattern(self, id: &str) -> Option<(&'a Messages, &'a Pattern<&'a str>)> {
        [self.own, self.reference].into_iter().find_map(|messages| {
            let pattern = messages.bundle.get_message(id)?.value()?;
            Some((messages, pattern))
        })
    }

    /// Message `id` with `args`; its id, and a warning in the log, when no
    /// locale has it.
    fn format(self, id: &str, args: Option<&FluentArgs>) -> String {
        let Some((messages, pattern)) = self.pattern(id) else {
            tracing::warn!(id, "no such message in any locale");
            return id.to_owned();
        };
        let mut errors = Vec::new();
        let text = messages.bundle.format_pattern(pattern, args, &mut errors);
        if !errors.is_empty() {
            tracing::warn!(
                id,
                locale = messages.code,
                ?errors,
                "a message did not format cleanly"
            );
        }
        text.into_owned()
    }

    /// Every message that needs no arguments, formatted: those that format
    /// with errors without arguments are left out, to be formatted (and
    /// warned about) when asked for.
    fn plain_messages(self) -> HashMap<&'static str, String> {
        let mut plain = HashMap::new();
        for &id in self.own.ids.iter().chain(&self.reference.ids) {
            let Some((messages, pattern)) = self.pattern(id) else {
                continue;
            };
            let mut errors = Vec::new();
            let text = messages.bundle.format_pattern(pattern, None, &mut errors);
            if errors.is_empty() {
                plain.insert(id, text.into_owned());
            }
        }
        plain
    }
}

/// One language: its messages, and what of them can be formatted once,
/// when the catalog loads, rather than on every page.
pub struct Locale {
    messages: Messages,
    /// The messages that need no arguments, which are most of what a page
    /// says (the reference's text where this language lacks one): formatted
    /// once, [`Lang::t`] is a lookup.
    plain_messages: HashMap<&'static str, String>,
    calendar: Calendar,
}

/// Every language Hearth speaks, loaded once from the embedded files.
pub struct Catalog {
    locales: Vec<Locale>,
    /// Where the reference locale is in `locales`, found once: every
    /// message may fall back to it.
    reference: usize,
}

static CATALOG: LazyLock<Catalog> = LazyLock::new(|| match Catalog::load() {
    Ok(catalog) => catalog,
    // Unreachable in a tested build: a unit test loads the same files.
    Err(problems) => panic!("the message files do not parse:\n{}", problems.join("\n")),
});

impl Catalog {
    /// Parses every embedded message file, reporting every problem found.
    pub fn load() -> Result<Catalog, Vec<String>> {
        Catalog::from_sources(LOCALE_SOURCES)
    }

    /// Parses message files (the embedded ones, or a test's), then formats
    /// what can be formatted once.
    fn from_sources(sources: &'static Sources) -> Result<Catalog, Vec<String>> {
        let mut problems = Vec::new();
        let mut parsed = Vec::new();
        for (code, files) in sources {
            let langid: LanguageIdentifier = match code.parse() {
                Ok(langid) => langid,
                Err(e) => {
                    problems.push(format!("{code}: not a language code: {e}"));
                    continue;
                }
            };
            let mut bundle = FluentBundle::new_concurrent(vec![langid]);
            // Unicode isolation marks around placeables are for mixing
            // right-to-left text; none of our languages needs them yet.
            bundle.set_use_isolating(false);
            let mut ids = Vec::new();
            for (name, text) in *files {
                let resource = match FluentResource::try_new((*text).to_owned()) {
                    Ok(resource) => resource,
                    Err((resource, errors)) => {
                        for error in errors {
                            problems.push(format!("{code}/{name}: {error:?}"));
                        }
                        resource
                    }
                };
                if let Err(errors) = bundle.add_resource(resource) {
                    for error in errors {
                        problems.push(format!("{code}/{name}: {error}"));
                    }
                }
                ids.extend(message_ids_in(text));
            }
            ids.sort_unstable();
            parsed.push(Messages { code, bundle, ids });
        }
        let Some(reference) = parsed.iter().position(|m| m.code == REFERENCE_LOCALE) else {
            problems.push(format!("there is no {REFERENCE_LOCALE} folder"));
            return Err(problems);
        };
        if !problems.is_empty() {
            return Err(problems);
        }
        let formatted: Vec<_> = (parsed.iter())
            .map(|own| {
                let messages = WithFallback {
                    own,
                    reference: &parsed[reference],
                };
                (messages.plain_messages(), Calendar::new(messages))
            })
            .collect();
        let locales = (parsed.into_iter().zip(formatted))
            .map(|(messages, (plain_messages, calendar))| Locale {
                messages,
                plain_messages,
                calendar,
            })
            .collect();
        Ok(Catalog { locales, reference })
    }

    /// Its languages, in code order.
    fn langs(&'static self) -> impl Iterator<Item = Lang> {
        (0..self.locales.len()).map(|index| self.lang(index))
    }

    fn lang(&'static self, index: usize) -> Lang {
        Lang {
            locale: &self.locales[index],
            reference: &self.locales[self.reference],
        }
    }
}

/// A language Hearth speaks. Cheap to copy.
#[derive(Clone, Copy)]
pub struct Lang {
    locale: &'static Locale,
    /// The reference locale of the same catalog, for the messages this
    /// language lacks.
    reference: &'static Locale,
}

impl PartialEq for Lang {
    fn eq(&self, other: &Lang) -> bool {
        self.code() == other.code()
    }
}

impl Eq for Lang {}

impl fmt::Debug for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Lang({})", self.code())
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Default for Lang {
    fn default() -> Lang {
        Lang::reference()
    }
}

impl Lang {
    /// Every language, in code order.
    pub fn all() -> impl Iterator<Item = Lang> {
        CATALOG.langs()
    }

    pub fn reference() -> Lang {
        CATALOG.lang(CATALOG.reference)
    }

    /// The language for a tag like `es`, `es-MX` or `ES_mx`: its primary
    /// language, if Hearth speaks it.
    pub fn from_code(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next()?.trim();
        Lang::all().find(|lang| lang.code().eq_ignore_ascii_case(primary))
    }

    /// The code for `<html lang>`, `Content-Language` and settings.
    pub fn code(self) -> &'static str {
        self.locale.messages.code
    }

    /// The language's name in itself, for the language menu.
    pub fn own_name(self) -> String {
        self.t("language-own-name")
    }

    /// A message with no arguments.
    pub fn t(self, id: &str) -> String {
        match self.locale.plain_messages.get(id) {
            Some(text) => text.clone(),
            // Unknown, or wanting arguments: formatting says so in the log.
            None => self.format(id, None),
        }
    }

    /// A message with one argument.
    pub fn t_with(self, id: &str, name: &str, value: impl Into<Arg>) -> String {
        let mut args = FluentArgs::new();
        args.set(name.to_owned(), value.into().fluent());
        self.format(id, Some(&args))
    }

    /// A message carried from where it arose to where the language is known.
    pub fn message(self, message: &Message) -> String {
        let mut args = FluentArgs::new();
        for (name, value) in &message.args {
            args.set(*name, value.clone().fluent());
        }
        self.format(message.id, Some(&args))
    }

    fn format(self, id: &str, args: Option<&FluentArgs>) -> String {
        self.messages().format(id, args)
    }

    fn messages(self) -> WithFallback<'static> {
        WithFallback {
            own: &self.locale.messages,
            reference: &self.reference.messages,
        }
    }

    /// The message ids this language defines, for the completeness tests.
    pub fn message_ids(self) -> Vec<&'static str> {
        self.locale.messages.ids.clone()
    }
}

/// The ids of the messages (not the terms) defined in one `.ftl` text.
fn message_ids_in(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines().filter_map(|line| {
        let (id, _) = line.split_once('=')?;
        let id = id.trim_end();
        let is_message = id.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
            && id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        is_message.then_some(id)
    })
}

/// Something to say once the reader's language is known: a message id and
/// its arguments.
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    pub id: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

impl Message {
    pub fn new(id: &'static str) -> Message {
        Message {
            id,
            args: Vec::new(),
        }
    }

    pub fn with(mut self, name: &'static str, value: impl Into<Arg>) -> Message {
        self.args.push((name, value.into()));
        self
    }
}

/// A message argument: text, or a number (which selects plural forms).
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    Text(String),
    Number(i64),
}

impl Arg {
    fn fluent(self) -> FluentValue<'static> {
        match self {
            Arg::Text(text) => FluentValue::String(Cow::Owned(text)),
            Arg::Number(n) => FluentValue::from(n),
        }
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Arg {
        Arg::Text(text)
    }
}

impl From<&str> for Arg {
    fn from(text: &str) -> Arg {
        Arg::Text(text.to_owned())
    }
}

impl From<i64> for Arg {
    fn from(n: i64) -> Arg {
        Arg::Number(n)
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Arg {
        Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<u16> for Arg {
    fn from(n: u16) -> Arg {
        Arg::Number(i64::from(n))
    }
}

/// Templates pass their fields by reference.
impl From<&u16> for Arg {
    fn from(n: &u16) -> Arg {
        Arg::Number(i64::from(*n))
    }
}

impl From<&i64> for Arg {
    fn from(n: &i64) -> Arg {
        Arg::Number(*n)
    }
}

impl From<&usize> for Arg {
    fn from(n: &usize) -> Arg {
        Arg::from(*n)
    }
}

#[cfg(test)]
mod tests;
