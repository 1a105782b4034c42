//! The language layer's own checks: every message file parses, every
//! locale has exactly the reference's messages, every message used exists
//! and every message defined is used, no template has words outside a
//! message call, dates, times and numbers read right in each language, and
//! what is formatted ahead of time reads exactly as Fluent formats it.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use std::io;
use std::sync::{Arc, Mutex};

use jiff::civil::{Date, Time, Weekday, date, time};
use jiff::{Timestamp, ToSpan};

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

/// A catalog whose Spanish lacks some of the English messages.
static PARTLY_TRANSLATED: &Sources = &[
    (
        "en",
        &[
            ("formats.ftl", include_str!("../../locales/en/formats.ftl")),
            (
                "test.ftl",
                "greeting = Hello\nfarewell = Goodbye\nwelcome = Welcome, { $name }\n",
            ),
        ],
    ),
    (
        "es",
        &[
            ("formats.ftl", include_str!("../../locales/es/formats.ftl")),
            ("test.ftl", "greeting = Hola\n"),
        ],
    ),
];

#[test]
fn a_translation_lacking_a_message_says_the_reference_one() {
    let catalog: &'static Catalog =
        Box::leak(Box::new(Catalog::from_sources(PARTLY_TRANSLATED).unwrap()));
    let es = catalog.langs().find(|lang| lang.code() == "es").unwrap();
    assert_eq!(es.t("greeting"), "Hola");
    assert_eq!(es.t("farewell"), "Goodbye");
    assert!(
        es.locale.plain_messages.contains_key("farewell"),
        "the fallback is formatted ahead too"
    );
    assert_eq!(es.t_with("welcome", "name", "Ana"), "Welcome, Ana");
    assert_eq!(es.t("no-such-message"), "no-such-message");
    assert_eq!(es.date(date(2026, 3, 3)), "martes 3 de marzo de 2026");
}

/// Log lines, kept for a test to read.
#[derive(Clone, Default)]
struct CapturedLog(Arc<Mutex<Vec<u8>>>);

impl io::Write for CapturedLog {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// What `during` logs on this thread.
fn logged(during: impl Fn()) -> String {
    let log = CapturedLog::default();
    let writer = log.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    tracing::subscriber::with_default(subscriber, || {
        // Whether a log line is wanted is decided once per line of code, for
        // every thread, by the first thread to reach it: another test's,
        // with no subscriber, may have said no. Reach every line `during`
        // logs from, then decide again, on this thread.
        during();
        tracing::callsite::rebuild_interest_cache();
        log.0.lock().unwrap().clear();
        during();
    });
    String::from_utf8(log.0.lock().unwrap().clone()).unwrap()
}

#[test]
fn a_message_that_cannot_be_said_is_logged() {
    let log = logged(|| {
        es().t("no-such-message");
    });
    assert!(log.contains("no such message in any locale"), "{log}");
    assert!(log.contains("no-such-message"), "{log}");
    let log = logged(|| {
        es().t("error-too-many-attempts");
    });
    assert!(log.contains("did not format cleanly"), "{log}");
    let log = logged(|| {
        es().t("brand");
        es().date_time_utc(Timestamp::from_second(1_772_560_800).unwrap());
    });
    assert!(log.is_empty(), "{log}");
}

/// Message `id` formatted straight through the language's own Fluent
/// bundle, as every call did before anything was formatted ahead: what the
/// fast paths must match. Its errors too.
fn through_fluent(lang: Lang, id: &str, args: Option<&FluentArgs>) -> (String, Vec<String>) {
    let bundle = &lang.locale.messages.bundle;
    let pattern = bundle.get_message(id).unwrap().value().unwrap();
    let mut errors = Vec::new();
    let text = bundle
        .format_pattern(pattern, args, &mut errors)
        .into_owned();
    (text, errors.iter().map(ToString::to_string).collect())
}

/// A message formatted through Fluent, which must format cleanly.
fn cleanly_through_fluent<'a>(
    lang: Lang,
    id: &str,
    args: impl IntoIterator<Item = (&'a str, FluentValue<'a>)>,
) -> String {
    let args: FluentArgs = args.into_iter().collect();
    let (text, errors) = through_fluent(lang, id, Some(&args));
    assert!(errors.is_empty(), "{lang} {id}: {errors:?}");
    text
}

/// A day formatted through Fluent word by word, as `Lang::date` once did.
fn date_through_fluent(lang: Lang, date: Date) -> String {
    let day = match date.weekday() {
        Weekday::Monday => "monday",
        Weekday::Tuesday => "tuesday",
        Weekday::Wednesday => "wednesday",
        Weekday::Thursday => "thursday",
        Weekday::Friday => "friday",
        Weekday::Saturday => "saturday",
        Weekday::Sunday => "sunday",
    };
    let weekday = cleanly_through_fluent(lang, "format-weekday", [("day", day.into())]);
    let month = cleanly_through_fluent(
        lang,
        "format-month",
        [("month", i64::from(date.month()).into())],
    );
    cleanly_through_fluent(
        lang,
        "format-date",
        [
            ("weekday", weekday.into()),
            ("day", i64::from(date.day()).into()),
            ("month", month.into()),
            ("year", date.year().to_string().into()),
        ],
    )
}

/// A time of day formatted through Fluent, as `Lang::time` once did.
fn time_through_fluent(lang: Lang, time: Time) -> String {
    let hour = time.hour();
    let hour12 = if hour % 12 == 0 { 12 } else { hour % 12 };
    cleanly_through_fluent(
        lang,
        "format-time",
        [
            ("hour", hour.to_string().into()),
            ("hour12", hour12.to_string().into()),
            ("minute", format!("{:02}", time.minute()).into()),
            ("period", if hour < 12 { "am" } else { "pm" }.into()),
        ],
    )
}

/// An instant formatted through Fluent, as `Lang::date_time_utc` once did.
fn date_time_utc_through_fluent(lang: Lang, instant: Timestamp) -> String {
    let civil = instant.to_zoned(jiff::tz::TimeZone::UTC).datetime();
    cleanly_through_fluent(
        lang,
        "format-date-time-utc",
        [
            ("date", date_through_fluent(lang, civil.date()).into()),
            ("time", time_through_fluent(lang, civil.time()).into()),
        ],
    )
}

#[test]
fn messages_without_arguments_read_as_fluent_formats_them() {
    for lang in [en(), es()] {
        let mut formatted_ahead = 0;
        for id in lang.message_ids() {
            let (text, errors) = through_fluent(lang, id, None);
            if errors.is_empty() {
                assert_eq!(
                    lang.locale.plain_messages.get(id),
                    Some(&text),
                    "{lang} {id}"
                );
                assert_eq!(lang.t(id), text, "{lang} {id}");
                formatted_ahead += 1;
            } else {
                assert!(
                    !lang.locale.plain_messages.contains_key(id),
                    "{lang} {id} needs arguments: {errors:?}"
                );
            }
        }
        assert_eq!(lang.locale.plain_messages.len(), formatted_ahead, "{lang}");
        assert!(formatted_ahead > 100, "{lang}: {formatted_ahead}");
        assert!(!lang.locale.plain_messages.contains_key("format-date"));
    }
}

#[test]
fn every_minute_of_a_day_reads_as_fluent_formats_it() {
    let day = date(2026, 3, 3);
    for lang in [en(), es()] {
        for minute in 0..24 * 60 {
            let time = time((minute / 60) as i8, (minute % 60) as i8, 0, 0);
            assert_eq!(
                lang.time(time),
                time_through_fluent(lang, time),
                "{lang} {time}"
            );
            let instant = day.to_datetime(time).in_tz("UTC").unwrap().timestamp();
            assert_eq!(
                lang.date_time_utc(instant),
                date_time_utc_through_fluent(lang, instant),
                "{lang} {instant}"
            );
        }
    }
}

#[test]
fn every_day_of_a_leap_year_reads_as_fluent_formats_it() {
    for lang in [en(), es()] {
        for (nth, day) in date(2028, 1, 1).series(1.day()).take(366).enumerate() {
            // Twice: formatted, then remembered.
            for _ in 0..2 {
                assert_eq!(
                    lang.date(day),
                    date_through_fluent(lang, day),
                    "{lang} {day}"
                );
            }
            let instant = day
                .at((nth % 24) as i8, (nth * 7 % 60) as i8, 59, 0)
                .in_tz("UTC")
                .unwrap()
                .timestamp();
            assert_eq!(
                lang.date_time_utc(instant),
                date_time_utc_through_fluent(lang, instant),
                "{lang} {instant}"
            );
        }
    }
}

#[test]
fn remembered_dates_stay_few() {
    let lang = es();
    for day in date(1990, 1, 1)
        .series(1.day())
        .take(3 * format::DATES_REMEMBERED)
    {
        lang.date(day);
        let remembered = lang.locale.calendar.dates_remembered();
        assert!(
            remembered <= format::DATES_REMEMBERED,
            "{remembered} remembered"
        );
    }
    assert_eq!(lang.date(date(1990, 1, 2)), "martes 2 de enero de 1990");
}

/// Not a check: timings to read by hand, in a release build:
/// `cargo test --release -p hearth-web --lib formatting_timings -- --ignored --nocapture`.
#[test]
#[ignore = "timings to read by hand, not a check"]
fn formatting_timings() {
    use std::hint::black_box;
    use std::time::Instant;

    /// Nanoseconds per call of `call` on each of `inputs`, a hundred times over.
    fn ns_per_call<T: Copy>(inputs: &[T], call: impl Fn(T)) -> u128 {
        let start = Instant::now();
        for _ in 0..100 {
            for &input in inputs {
                call(black_box(input));
            }
        }
        start.elapsed().as_nanos() / (100 * inputs.len() as u128)
    }

    // Two hours and twelve minutes apart over five years: like a busy
    // site's posts, no two share a minute, and many share a day.
    let instants: Vec<Timestamp> = (0..20_000)
        .map(|i| Timestamp::from_second(1_600_000_000 + i * 7_919).unwrap())
        .collect();
    for lang in [en(), es()] {
        let ids: Vec<&str> = (lang.message_ids().into_iter())
            .filter(|id| through_fluent(lang, id, None).1.is_empty())
            .collect();
        let ns = ns_per_call(&instants, |instant| {
            black_box(lang.date_time_utc(instant));
        });
        println!("{lang} date_time_utc: {ns} ns");
        let ns = ns_per_call(&ids, |id| {
            black_box(lang.t(id));
        });
        println!("{lang} t(), over its {} plain messages: {ns} ns", ids.len());
    }
}
