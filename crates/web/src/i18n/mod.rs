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
use std::fmt;
use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

include!(concat!(env!("OUT_DIR"), "/locales.rs"));

/// The language every message exists in first, and the fallback when a
/// translation is missing one.
pub const REFERENCE_LOCALE: &str = "en";

/// One language's messages.
pub struct Locale {
    code: &'static str,
    bundle: FluentBundle<FluentResource>,
}

/// Every language Hearth speaks, loaded once from the embedded files.
pub struct Catalog {
    locales: Vec<Locale>,
}

static CATALOG: LazyLock<Catalog> = LazyLock::new(|| match Catalog::load() {
    Ok(catalog) => catalog,
    // Unreachable in a tested build: a unit test loads the same files.
    Err(problems) => panic!("the message files do not parse:\n{}", problems.join("\n")),
});

impl Catalog {
    /// Parses every embedded message file, reporting every problem found.
    pub fn load() -> Result<Catalog, Vec<String>> {
        let mut problems = Vec::new();
        let mut locales = Vec::new();
        for (code, files) in LOCALE_SOURCES {
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
            }
            locales.push(Locale { code, bundle });
        }
        if !locales.iter().any(|l| l.code == REFERENCE_LOCALE) {
            problems.push(format!("there is no {REFERENCE_LOCALE} folder"));
        }
        if problems.is_empty() {
            Ok(Catalog { locales })
        } else {
            Err(problems)
        }
    }
}

/// A language Hearth speaks. Cheap to copy.
#[derive(Clone, Copy)]
pub struct Lang(&'static Locale);

impl PartialEq for Lang {
    fn eq(&self, other: &Lang) -> bool {
        self.0.code == other.0.code
    }
}

impl Eq for Lang {}

impl fmt::Debug for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Lang({})", self.0.code)
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.code)
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
        CATALOG.locales.iter().map(Lang)
    }

    pub fn reference() -> Lang {
        Lang::from_code(REFERENCE_LOCALE).expect("the reference locale exists")
    }

    /// The language for a tag like `es`, `es-MX` or `ES_mx`: its primary
    /// language, if Hearth speaks it.
    pub fn from_code(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next()?.trim().to_ascii_lowercase();
        Lang::all().find(|lang| lang.0.code == primary)
    }

    /// The code for `<html lang>`, `Content-Language` and settings.
    pub fn code(self) -> &'static str {
        self.0.code
    }

    /// The language's name in itself, for the language menu.
    pub fn own_name(self) -> String {
        self.t("language-own-name")
    }

    /// A message with no arguments.
    pub fn t(self, id: &str) -> String {
        self.format(id, None)
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
        for locale in [self.0, Lang::reference().0] {
            if let Some(pattern) = locale.bundle.get_message(id).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                let text = locale.bundle.format_pattern(pattern, args, &mut errors);
                if !errors.is_empty() {
                    tracing::warn!(
                        id,
                        locale = locale.code,
                        ?errors,
                        "a message did not format cleanly"
                    );
                }
                return text.into_owned();
            }
        }
        tracing::warn!(id, "no such message in any locale");
        id.to_owned()
    }

    /// The message ids this language defines, for the completeness tests.
    pub fn message_ids(self) -> Vec<&'static str> {
        let mut ids = Vec::new();
        for (code, files) in LOCALE_SOURCES {
            if *code != self.0.code {
                continue;
            }
            for (_, text) in *files {
                ids.extend(message_ids_in(text));
            }
        }
        ids.sort_unstable();
        ids
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
