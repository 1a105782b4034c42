//! The meeting type codes of the spec (`O` for Open, `W` for Women, ...) and
//! their names in each language the spec translates them into.
//!
//! The table is `data/meeting-types.json`, generated from the npm package
//! `@code4recovery/spec` (MIT), so it matches what the Meeting Guide app and
//! TSML UI show. Feeds also use codes of their own (`ONL` is common): those
//! are not errors, they have no name here, and callers show them as given.

use std::collections::BTreeMap;
use std::sync::LazyLock;

/// The language every code has a name in, used when another one lacks it.
const FALLBACK_LANGUAGE: &str = "en";

/// Code -> language -> name. A `BTreeMap` so [`spec_codes`] comes out sorted.
type TypeNames = BTreeMap<String, BTreeMap<String, String>>;

static TYPE_NAMES: LazyLock<TypeNames> = LazyLock::new(|| {
    serde_json::from_str(include_str!("../../data/meeting-types.json"))
        .expect("data/meeting-types.json is embedded at build time and checked by the tests")
});

/// The name of a spec type code in a language, or `None` for a code the spec
/// does not define.
///
/// `lang` is a language code such as `"es"`; a regional tag (`"es-MX"`,
/// `"pt_BR"`) finds its language, and letter case does not matter. When
/// there is no name in that language, the English one is returned, so a
/// known code always has a name.
pub fn type_name(code: &str, lang: &str) -> Option<&'static str> {
    let names = TYPE_NAMES.get(code)?;
    let language = lang.split(['-', '_']).next().unwrap_or(lang);
    names
        .iter()
        .find(|(name_language, _)| name_language.eq_ignore_ascii_case(language))
        .map(|(_, name)| name)
        .or_else(|| names.get(FALLBACK_LANGUAGE))
        .map(String::as_str)
}

/// Whether the spec defines this code. Codes are case-sensitive, as in the
/// spec (`"O"` is a code, `"o"` is not).
pub fn is_spec_code(code: &str) -> bool {
    TYPE_NAMES.contains_key(code)
}

/// Every code the spec defines, in sorted order.
pub fn spec_codes() -> impl Iterator<Item = &'static str> {
    TYPE_NAMES.keys().map(String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_spec_has_87_codes() {
        assert_eq!(spec_codes().count(), 87);
        assert!(spec_codes().all(is_spec_code));
    }

    #[test]
    fn codes_come_out_sorted() {
        let codes: Vec<&str> = spec_codes().collect();
        let mut sorted = codes.clone();
        sorted.sort_unstable();
        assert_eq!(codes, sorted);
    }

    #[test]
    fn common_codes_have_their_english_names() {
        for (code, name) in [
            ("O", "Open"),
            ("C", "Closed"),
            ("W", "Women"),
            ("M", "Men"),
            ("X", "Wheelchair Access"),
            ("TC", "Location Temporarily Closed"),
            ("S", "Spanish"),
        ] {
            assert!(is_spec_code(code), "{code}");
            assert_eq!(type_name(code, "en"), Some(name), "{code}");
        }
    }

    #[test]
    fn names_in_other_languages() {
        assert_eq!(type_name("C", "es"), Some("Cerrada"));
        assert_eq!(type_name("O", "es"), Some("Abierta"));
        assert_eq!(type_name("S", "fr"), Some("Espagnol"));
    }

    #[test]
    fn every_code_has_an_english_name() {
        for code in spec_codes() {
            let name = type_name(code, "en").unwrap_or_else(|| panic!("{code}"));
            assert!(!name.trim().is_empty(), "{code}");
        }
    }

    #[test]
    fn regional_tags_and_case_find_the_language() {
        assert_eq!(type_name("C", "es-MX"), Some("Cerrada"));
        assert_eq!(type_name("C", "ES"), Some("Cerrada"));
        assert_eq!(type_name("W", "pt_BR"), Some("Mulheres"));
    }

    #[test]
    fn a_language_without_names_falls_back_to_english() {
        assert_eq!(type_name("O", "de"), Some("Open"));
        assert_eq!(type_name("O", ""), Some("Open"));
    }

    #[test]
    fn unknown_codes_have_no_name() {
        assert!(!is_spec_code("ONL"));
        assert_eq!(type_name("ONL", "en"), None);
        assert!(!is_spec_code("o"), "codes are case-sensitive");
        assert!(!is_spec_code(""));
    }
}
