use jiff::SignedDuration;
use std::collections::BTreeMap;

use serde::Deserialize;

use crate::i18n::Lang;

/// How an operator has set this node up. Every node behind one load balancer
/// should get the same settings.
#[derive(Debug, Clone)]
pub struct Config {
    /// Mark cookies `Secure` (the site is served over HTTPS).
    pub secure_cookies: bool,
    /// How long a session lives without being used.
    pub session_idle_timeout: SignedDuration,
    /// Take the client address from the last `X-Forwarded-For` entry: only
    /// behind a reverse proxy that sets it, or anyone could pick their own.
    pub trust_forwarded_for: bool,
    /// The numbers on the "Get help now" page.
    pub crisis_lines: CrisisLines,
    /// The language for people whose browser asks for none Hearth speaks.
    pub default_lang: Lang,
    /// Where people reach this site, e.g. `https://hearth.example.org`, for
    /// links that leave it (calendar files).
    pub public_url: Option<String>,
    /// What time it is for a member's recovery days.
    pub clock: Clock,
}

/// Where "now" comes from: the system, or (in tests of days that turn over
/// at a daylight-saving change, say) one fixed instant.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Clock {
    #[default]
    System,
    Fixed(jiff::Timestamp),
}

impl Clock {
    pub fn now(self) -> jiff::Timestamp {
        match self {
            Clock::System => jiff::Timestamp::now(),
            Clock::Fixed(instant) => instant,
        }
    }
}

impl Default for Config {
    fn default() -> Config {
        Config {
            secure_cookies: false,
            session_idle_timeout: SignedDuration::from_hours(30 * 24),
            trust_forwarded_for: false,
            crisis_lines: CrisisLines::built_in(),
            default_lang: Lang::reference(),
            public_url: None,
            clock: Clock::System,
        }
    }
}

/// Crisis lines to show, in order. Operators replace the built-in list with
/// a TOML file of `[[line]]` tables (see `crates/web/data/crisis-lines.toml`).
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
pub struct CrisisLines {
    #[serde(rename = "line")]
    pub lines: Vec<CrisisLine>,
}

#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct CrisisLine {
    /// Where it serves, e.g. "United States".
    pub region: String,
    /// The service, e.g. "988 Suicide & Crisis Lifeline".
    pub name: String,
    /// What to dial or text, as people write it: "988", "116 123".
    pub number: String,
    /// The countries it serves (ISO 3166 codes, `US`): shown first to
    /// people whose browser names one of them.
    #[serde(default)]
    pub countries: Vec<String>,
    /// How it works, briefly: "Call or text, 24/7".
    #[serde(default)]
    pub how: String,
    /// The same texts in other languages, by language code (`es`); a text
    /// left out falls back to the one above.
    #[serde(default)]
    pub translations: BTreeMap<String, CrisisLineText>,
}

#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct CrisisLineText {
    pub region: Option<String>,
    pub name: Option<String>,
    pub how: Option<String>,
}

const BUILT_IN_CRISIS_LINES: &str = include_str!("../data/crisis-lines.toml");

impl CrisisLines {
    pub fn built_in() -> CrisisLines {
        CrisisLines::from_toml(BUILT_IN_CRISIS_LINES).expect("the built-in crisis lines parse")
    }

    pub fn from_toml(text: &str) -> Result<CrisisLines, toml::de::Error> {
        toml::from_str(text)
    }

    /// Every line, those serving `country` first (in the operator's order
    /// within each part): a person sees their own country's line at the
    /// top, and the others in case they are elsewhere.
    pub fn for_country(&self, country: Option<&str>) -> Vec<&CrisisLine> {
        let serves = |line: &&CrisisLine| {
            country.is_some_and(|country| {
                (line.countries.iter()).any(|served| served.eq_ignore_ascii_case(country))
            })
        };
        let (local, others): (Vec<&CrisisLine>, Vec<&CrisisLine>) =
            self.lines.iter().partition(serves);
        local.into_iter().chain(others).collect()
    }
}

impl CrisisLine {
    pub fn region_in(&self, lang: &Lang) -> &str {
        self.translated(lang, |t| t.region.as_deref())
            .unwrap_or(&self.region)
    }

    pub fn name_in(&self, lang: &Lang) -> &str {
        self.translated(lang, |t| t.name.as_deref())
            .unwrap_or(&self.name)
    }

    pub fn how_in(&self, lang: &Lang) -> &str {
        self.translated(lang, |t| t.how.as_deref())
            .unwrap_or(&self.how)
    }

    fn translated<'a>(
        &'a self,
        lang: &Lang,
        text: impl Fn(&'a CrisisLineText) -> Option<&'a str>,
    ) -> Option<&'a str> {
        self.translations.get(lang.code()).and_then(text)
    }

    /// The number as a `tel:` target: digits and a leading `+` only.
    pub fn tel_href(&self) -> String {
        let digits: String = self
            .number
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '+')
            .collect();
        format!("tel:{digits}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_list_has_the_lines_people_expect() {
        let lines = CrisisLines::built_in().lines;
        let numbers: Vec<&str> = lines.iter().map(|l| l.number.as_str()).collect();
        for expected in ["988", "116 123", "13 11 14"] {
            assert!(numbers.contains(&expected), "missing {expected}");
        }
        assert!(
            lines
                .iter()
                .any(|l| l.region == "Canada" && l.number == "988")
        );
    }

    #[test]
    fn tel_links_keep_only_what_a_phone_dials() {
        let line = CrisisLine {
            region: "UK".into(),
            name: "Samaritans".into(),
            number: "116 123".into(),
            countries: vec!["GB".into()],
            how: String::new(),
            translations: BTreeMap::new(),
        };
        assert_eq!(line.tel_href(), "tel:116123");
    }

    #[test]
    fn every_built_in_line_speaks_spanish_too() {
        let spanish = Lang::from_code("es").unwrap();
        for line in CrisisLines::built_in().lines {
            assert!(line.translations.contains_key("es"), "{}", line.name);
            assert_ne!(line.how_in(&spanish), line.how, "{}", line.name);
        }
        let lines = CrisisLines::built_in().lines;
        let us = lines.iter().find(|l| l.region == "United States").unwrap();
        assert!(us.how_in(&spanish).contains("2"), "988 press 2 for Spanish");
    }

    #[test]
    fn a_readers_country_comes_first_and_every_line_stays() {
        let lines = CrisisLines::built_in();
        let everyone: Vec<&str> = lines
            .for_country(None)
            .iter()
            .map(|l| l.region.as_str())
            .collect();
        assert_eq!(everyone.len(), lines.lines.len());
        let mexico = lines.for_country(Some("mx"));
        assert_eq!(mexico[0].region, "Mexico");
        assert_eq!(mexico.len(), lines.lines.len());
        let ireland = lines.for_country(Some("IE"));
        assert_eq!(ireland[0].region, "United Kingdom and Ireland");
        assert_eq!(lines.for_country(Some("ZZ"))[0].region, everyone[0]);
    }

    #[test]
    fn operator_files_with_unknown_keys_are_refused() {
        let text = "[[line]]\nregion = \"X\"\nname = \"Y\"\nnumber = \"1\"\nnumbr = \"2\"\n";
        assert!(CrisisLines::from_toml(text).is_err());
    }
}
