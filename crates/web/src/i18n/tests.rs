//! The language layer's own checks: every message file parses, every
//! locale has exactly the reference's messages, every message used exists
//! and every message defined is used, no template has words outside a
//! message call, and dates, times and numbers read right in each language.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use jiff::civil::{date, time};

use super::*;

/// Words a template may contain as they are: names that are never translated.
const UNTRANSLATED_WORDS: &[&str] = &[];

/// Literals inside template tags that look like message ids but are HTML's
/// own tokens (`autocomplete` values).
const HTML_TOKENS: &[&str] = &["current-password", "new-password"];

fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn files_under(dir: &Path, extension: &str) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(files_under(&path, extension));
        } else if path.extension().is_some_and(|e| e == extension) {
            found.push(path);
        }
    }
    found.sort();
    found
}

fn es() -> Lang {
    Lang::from_code("es").unwrap()
}

fn en() -> Lang {
    Lang::from_code("en").unwrap()
}

#[test]
fn every_message_file_parses() {
    if let Err(problems) = Catalog::load() {
        panic!("message files with problems:\n{}", problems.join("\n"));
    }
}

#[test]
fn every_locale_has_exactly_the_reference_messages() {
    let reference: BTreeSet<_> = Lang::reference().message_ids().into_iter().collect();
    assert!(reference.len() > 50, "the reference locale is loaded");
    for lang in Lang::all() {
        let ids: BTreeSet<_> = lang.message_ids().into_iter().collect();
        let missing: Vec<_> = reference.difference(&ids).collect();
        let extra: Vec<_> = ids.difference(&reference).collect();
        assert!(missing.is_empty(), "{lang} lacks {missing:?}");
        assert!(
            extra.is_empty(),
            "{lang} has messages nobody uses: {extra:?}"
        );
    }
}

/// String literals between `{{ }}` or `{% %}` in a template.
fn template_literals(text: &str) -> Vec<String> {
    let mut literals = Vec::new();
    for (open, close) in [("{{", "}}"), ("{%", "%}")] {
        let mut rest = text;
        while let Some(start) = rest.find(open) {
            let Some(end) = rest[start..].find(close) else {
                break;
            };
            literals.extend(quoted(&rest[start + 2..start + end]));
            rest = &rest[start + end + 2..];
        }
    }
    literals
}

/// The contents of each `"..."` in a piece of code.
fn quoted(code: &str) -> Vec<String> {
    code.split('"')
        .enumerate()
        .filter(|(i, _)| i % 2 == 1)
        .map(|(_, s)| s.to_owned())
        .collect()
}

/// Message ids named in code: the first argument of `t(`, `t_with(` and
/// `Message::new(`.
fn message_calls(code: &str) -> Vec<String> {
    let mut ids = Vec::new();
    for call in [".t(\"", ".t_with(\"", "Message::new(\""] {
        for (i, _) in code.match_indices(call) {
            let rest = &code[i + call.len()..];
            if let Some(end) = rest.find('"') {
                ids.push(rest[..end].to_owned());
            }
        }
    }
    ids
}

fn looks_like_message_id(text: &str) -> bool {
    text.contains('-')
        && text.chars().next().is_some_and(|c| c.is_ascii_lowercase())
        && text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

#[test]
fn every_message_used_exists_and_every_message_defined_is_used() {
    let defined: BTreeSet<String> = Lang::reference()
        .message_ids()
        .into_iter()
        .map(str::to_owned)
        .collect();
    let mut used = BTreeSet::new();
    for template in files_under(&crate_dir().join("templates"), "html") {
        let text = fs::read_to_string(&template).unwrap();
        used.extend(message_calls(&text));
        for literal in template_literals(&text) {
            if looks_like_message_id(&literal) && !HTML_TOKENS.contains(&literal.as_str()) {
                used.insert(literal);
            }
        }
    }
    let mut rust_literals = BTreeSet::new();
    let this_file = crate_dir().join("src/i18n/tests.rs");
    for source in files_under(&crate_dir().join("src"), "rs") {
        if source == this_file {
            continue; // its examples are not messages
        }
        let text = fs::read_to_string(&source).unwrap();
        used.extend(message_calls(&text));
        rust_literals.extend(quoted(&text));
    }
    let undefined: Vec<_> = used.difference(&defined).collect();
    assert!(undefined.is_empty(), "used but not defined: {undefined:?}");
    // A message is used when its id appears in a template tag or anywhere in
    // the Rust code as a literal (some are chosen by a `match`).
    let unused: Vec<_> = defined
        .iter()
        .filter(|id| !used.contains(*id) && !rust_literals.contains(*id))
        .collect();
    assert!(unused.is_empty(), "defined but never used: {unused:?}");
}

/// A template with its tags, comments, HTML tags and entities taken out:
/// what is left is text a person would read as it is.
fn literal_text(template: &str) -> String {
    let mut text = template.to_owned();
    for (open, close) in [("{#", "#}"), ("{%", "%}"), ("{{", "}}"), ("<!--", "-->")] {
        while let Some(start) = text.find(open) {
            let end = text[start..]
                .find(close)
                .map_or(text.len(), |e| start + e + close.len());
            text.replace_range(start..end, " ");
        }
    }
    let mut readable = String::new();
    let mut in_tag = false;
    let mut tag = String::new();
    for c in text.chars() {
        match (in_tag, c) {
            (false, '<') => {
                in_tag = true;
                tag.clear();
            }
            (true, '>') => {
                in_tag = false;
                readable.push(' ');
                readable.push_str(&readable_attributes(&tag));
                readable.push(' ');
            }
            (true, c) => tag.push(c),
            (false, c) => readable.push(c),
        }
    }
    readable
}

/// The values of the attributes people read (or hear): `alt`, `title`,
/// `placeholder`, `aria-label`, `value` of buttons.
fn readable_attributes(tag: &str) -> String {
    let mut values = Vec::new();
    for name in ["alt=\"", "title=\"", "placeholder=\"", "aria-label=\""] {
        if let Some(start) = tag.find(name) {
            let rest = &tag[start + name.len()..];
            values.push(rest[..rest.find('"').unwrap_or(rest.len())].to_owned());
        }
    }
    values.join(" ")
}

#[test]
fn templates_have_no_words_outside_message_calls() {
    let mut found = Vec::new();
    for template in files_under(&crate_dir().join("templates"), "html") {
        let text = literal_text(&fs::read_to_string(&template).unwrap());
        for word in text.split(|c: char| !c.is_alphabetic()) {
            if !word.is_empty() && !UNTRANSLATED_WORDS.contains(&word) {
                found.push(format!("{}: {word:?}", template.display()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "words to move into the message files:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_literal_text_scan_finds_what_it_should() {
    let template =
        r#"<p title="Hello">{{ ctx.t("x-y") }} Welcome <b>{% if a %}back{% endif %}</b></p>"#;
    let words: Vec<String> = literal_text(template)
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect();
    assert_eq!(words, ["Hello", "Welcome", "back"]);
}

#[test]
fn dates_read_as_each_language_writes_them() {
    assert_eq!(en().date(date(2026, 3, 3)), "Tuesday, March 3, 2026");
    assert_eq!(es().date(date(2026, 3, 3)), "martes 3 de marzo de 2026");
}

#[test]
fn times_read_as_each_language_writes_them() {
    assert_eq!(en().time(time(19, 0, 0, 0)), "7:00 PM");
    assert_eq!(es().time(time(19, 0, 0, 0)), "7:00 p. m.");
    assert_eq!(en().time(time(0, 5, 0, 0)), "12:05 AM");
    assert_eq!(es().time(time(12, 30, 0, 0)), "12:30 p. m.");
}

#[test]
fn numbers_are_grouped_as_each_language_groups_them() {
    assert_eq!(en().number(1234), "1,234");
    assert_eq!(en().number(-1_234_567), "-1,234,567");
    assert_eq!(en().number(999), "999");
    assert_eq!(es().number(1234), "1234");
    assert_eq!(es().number(12345), "12.345");
}

#[test]
fn plurals_follow_each_language() {
    let wait = |lang: Lang, minutes: i64, seconds: i64| {
        lang.message(
            &Message::new("error-too-many-attempts")
                .with("minutes", minutes)
                .with("seconds", seconds),
        )
    };
    assert!(wait(en(), 1, 60).contains("wait one minute"));
    assert!(wait(en(), 5, 300).contains("wait 5 minutes"));
    assert!(wait(en(), 0, 30).contains("wait 30 seconds"));
    assert!(wait(es(), 1, 60).contains("Espera un minuto"));
    assert!(wait(es(), 5, 300).contains("Espera 5 minutos"));
}

#[test]
fn the_most_personal_choice_wins() {
    let default = en();
    assert_eq!(negotiate(Some("es"), Some("en"), Some("en"), default), es());
    assert_eq!(negotiate(None, Some("es"), Some("en"), default), es());
    assert_eq!(
        negotiate(None, None, Some("es-MX,es;q=0.9,en;q=0.8"), default),
        es()
    );
    assert_eq!(
        negotiate(
            None,
            None,
            Some("fr-CA,fr;q=0.9,es;q=0.5,en;q=0.4"),
            default
        ),
        es()
    );
    assert_eq!(
        negotiate(None, None, Some("en;q=0.2, es;q=0.8"), default),
        es()
    );
    assert_eq!(negotiate(None, None, Some("es;q=0, en"), default), en());
    assert_eq!(
        negotiate(None, None, Some("de, fr"), es()),
        es(),
        "the operator's default"
    );
    assert_eq!(
        negotiate(Some("xx"), Some("zz"), None, default),
        en(),
        "unknown codes are skipped"
    );
}

#[test]
fn a_missing_translation_falls_back_to_the_reference_language() {
    assert_eq!(es().t("no-such-message"), "no-such-message");
    assert_eq!(es().t("brand"), "Hearth");
}
