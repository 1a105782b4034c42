//! Turning what a person typed into the words the detector compares: split
//! into sentences, lower-cased, without accents, with contractions and
//! texting shorthand spelled out.

use std::collections::HashMap;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// The pieces of text that are read on their own. Crisis language rarely
/// crosses a full stop, and reading a sentence at a time keeps a negation or
/// a "years ago" in one sentence from changing the meaning of the next.
pub(super) fn sentences(text: &str) -> impl Iterator<Item = &str> {
    text.split(['.', '!', '?', '¿', '¡', ';', '…', '\n', '\r'])
        .filter(|sentence| !sentence.trim().is_empty())
}

/// `text` in lower case, with accents and tildes removed ("mórirme" and
/// "morirme" read the same, as do "está" and "esta", and "ñ" reads as "n")
/// and every kind of apostrophe straightened to `'`.
pub(super) fn normalise(text: &str) -> String {
    text.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            '\u{2019}' | '\u{2018}' | '\u{02BC}' | '`' => '\'',
            c => c,
        })
        .collect()
}

/// A word of normalised text, or the edge of a clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Piece<'a> {
    Word(&'a str),
    /// A comma, colon, bracket or dash: the end of a clause.
    Break,
}

/// The words and clause edges of `normalised` text, in order.
///
/// Hyphens and quotation marks only separate words, so "self-harm" reads as
/// "self harm", and a quotation stays in the clause that introduces it ("a
/// song that says 'I want to die'").
pub(super) fn pieces(normalised: &str) -> Vec<Piece<'_>> {
    let mut pieces = Vec::new();
    let mut word_start = None;
    for (at, c) in normalised.char_indices() {
        let is_word_char = c.is_alphanumeric() || c == '\'';
        match (is_word_char, word_start) {
            (true, None) => word_start = Some(at),
            (false, Some(start)) => {
                push_word(&mut pieces, &normalised[start..at]);
                word_start = None;
            }
            _ => {}
        }
        if matches!(c, ',' | ':' | '(' | ')' | '[' | ']' | '—' | '–') {
            pieces.push(Piece::Break);
        }
    }
    if let Some(start) = word_start {
        push_word(&mut pieces, &normalised[start..]);
    }
    pieces
}

fn push_word<'a>(pieces: &mut Vec<Piece<'a>>, word: &'a str) {
    let word = word.trim_matches('\'');
    if !word.is_empty() {
        pieces.push(Piece::Word(word));
    }
}

/// Words after which `'s` means "is" rather than a possessive: "he's
/// outside" but "my sponsor's brother".
const IS_BEFORE_APOSTROPHE_S: &[&str] = &[
    "he", "she", "it", "that", "there", "what", "who", "where", "here", "everyone", "nobody",
    "life", "this",
];

/// Pushes the words `word` stands for onto `out`: its entry in `shorthand`
/// if it has one ("wanna" is "want to", "q" is "que"), "haha" for any
/// laughter ("jajaja", "hehe"), and English contractions spelled out ("didn't"
/// is "did not", "he's" is "he is", "sponsor's" is "sponsor").
pub(super) fn expand<'a>(
    word: &'a str,
    shorthand: &'a HashMap<String, Vec<String>>,
    out: &mut Vec<&'a str>,
) {
    if let Some(words) = shorthand.get(word) {
        out.extend(words.iter().map(String::as_str));
    } else if is_laughter(word) {
        out.push("haha");
    } else if let Some(stem) = word.strip_suffix("n't").filter(|stem| !stem.is_empty()) {
        out.extend([stem, "not"]);
    } else if let Some((verb, clitics)) = split_enclitic(word) {
        out.extend([verb, "me"]);
        out.extend(clitics);
    } else if let Some((stem, suffix)) = word.split_once('\'') {
        out.push(stem);
        match suffix {
            "m" => out.push("am"),
            "re" => out.push("are"),
            "ve" => out.push("have"),
            "ll" => out.push("will"),
            "d" => out.push("would"),
            "s" if IS_BEFORE_APOSTROPHE_S.contains(&stem) => out.push("is"),
            // A possessive, or a spelling we do not know: the stem is enough.
            _ => {}
        }
    } else {
        out.push(word);
    }
}

/// A Spanish infinitive or gerund with "me" attached, as the verb and what
/// follows "me": "matarme" is ("matar", None), "tomármelas" is ("tomar",
/// Some("las")), "cortándome" is ("cortando", None).
///
/// With [`move_clitics`], this gives every way of saying "I want to kill
/// myself" in Spanish ("quiero matarme", "me quiero matar") one spelling:
/// "quiero matar me".
fn split_enclitic(word: &str) -> Option<(&str, Option<&str>)> {
    let at = word.rfind("me").filter(|&at| at > 0)?;
    let (verb, after) = (&word[..at], &word[at + 2..]);
    let clitic = match after {
        "" => None,
        "la" | "las" | "lo" | "los" => Some(after),
        _ => return None,
    };
    is_verb_form(verb).then_some((verb, clitic))
}

/// Whether `word` looks like a Spanish infinitive or gerund.
fn is_verb_form(word: &str) -> bool {
    ["ar", "er", "ir", "ando", "iendo", "yendo"]
        .iter()
        .any(|ending| word.ends_with(ending))
}

/// Spanish verbs that carry the object pronoun of the infinitive or gerund
/// after them: "me quiero matar" is "quiero matarme", "me va a matar" is "va
/// a matarme", "me estoy cortando" is "estoy cortándome".
const CLITIC_CARRIERS: &[&str] = &[
    "quiero", "quiere", "quieres", "quieren", "quisiera", "queria", "quiso", "voy", "va", "vas",
    "van", "iba", "puedo", "puede", "pienso", "piensa", "debo", "debe", "necesito", "prefiero",
    "intento", "intente", "vuelvo", "volvi", "tengo", "tiene", "estoy", "esta", "sigo", "ando",
];

/// Moves each Spanish "me" (or "me la", "me los"...) that belongs to a later
/// infinitive or gerund to just after it, so that both word orders read the
/// same (see [`split_enclitic`]). `word` gives the word an item stands for,
/// if it is one plain word.
pub(super) fn move_clitics<T>(items: &mut [T], word: impl Fn(&T) -> Option<&str>) {
    let mut at = 0;
    while at < items.len() {
        if word(&items[at]) == Some("me") {
            let second = items.get(at + 1).and_then(&word);
            let clitics = if matches!(second, Some("la" | "las" | "lo" | "los")) {
                2
            } else {
                1
            };
            if let Some(verb) = governed_verb(items, at + clitics, &word) {
                items[at..=verb].rotate_left(clitics);
                at = verb;
            }
        }
        at += 1;
    }
}

/// Where the infinitive or gerund is in "quiero matar", "voy a matar",
/// "tengo que irme" or "estoy cortando" starting at `carrier`.
fn governed_verb<T>(
    items: &[T],
    carrier: usize,
    word: impl Fn(&T) -> Option<&str>,
) -> Option<usize> {
    if !CLITIC_CARRIERS.contains(&word(items.get(carrier)?)?) {
        return None;
    }
    let mut verb = carrier + 1;
    if matches!(word(items.get(verb)?)?, "a" | "de" | "que" | "en") {
        verb += 1;
    }
    is_verb_form(word(items.get(verb)?)?).then_some(verb)
}

/// "haha", "jajaja", "jeje", "ajajaj": laughter, however long.
fn is_laughter(word: &str) -> bool {
    word.len() >= 4
        && word.chars().all(|c| matches!(c, 'j' | 'h' | 'a' | 'e'))
        && word.contains(['j', 'h'])
        && word.contains(['a', 'e'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        let shorthand =
            HashMap::from([("wanna".to_owned(), vec!["want".to_owned(), "to".to_owned()])]);
        let normalised = normalise(text);
        let mut out = Vec::new();
        for piece in pieces(&normalised) {
            match piece {
                Piece::Word(word) => expand(word, &shorthand, &mut out),
                Piece::Break => out.push("|"),
            }
        }
        out.into_iter().map(str::to_owned).collect()
    }

    #[test]
    fn splits_sentences_on_spanish_and_english_marks() {
        let all: Vec<_> = sentences("¿Qué hago? No sé. Ayuda!\nYa no puedo;sí").collect();
        assert_eq!(all, ["Qué hago", " No sé", " Ayuda", "Ya no puedo", "sí"]);
    }

    #[test]
    fn strips_accents_and_case() {
        assert_eq!(normalise("MÓRIRME Está Ñoño"), "morirme esta nono");
    }

    #[test]
    fn spells_out_contractions_and_shorthand() {
        assert_eq!(
            words("I’m sure he's fine, my sponsor's brother didn't wanna"),
            [
                "i", "am", "sure", "he", "is", "fine", "|", "my", "sponsor", "brother", "did",
                "not", "want", "to"
            ]
        );
    }

    #[test]
    fn hyphens_join_nothing_and_quotes_break_nothing() {
        assert_eq!(words("self-harm \"talk\""), ["self", "harm", "talk"]);
    }

    #[test]
    fn spanish_me_goes_after_its_verb() {
        let moved = |text: &str| {
            let mut words = words(text);
            move_clitics(&mut words, |word| Some(word.as_str()));
            words.join(" ")
        };
        assert_eq!(moved("me quiero matar"), "quiero matar me");
        assert_eq!(moved("quiero matarme"), "quiero matar me");
        assert_eq!(moved("no me voy a matar"), "no voy a matar me");
        assert_eq!(moved("me estoy cortando"), "estoy cortando me");
        assert_eq!(moved("tomármelas todas"), "tomar me las todas");
        assert_eq!(moved("me las voy a tomar"), "voy a tomar me las");
        assert_eq!(moved("me voy a la junta"), "me voy a la junta");
        assert_eq!(moved("me corté"), "me corte");
    }

    #[test]
    fn laughter_reads_as_haha() {
        assert_eq!(words("jajajaja hehe jeje"), ["haha", "haha", "haha"]);
        assert_eq!(words("hace"), ["hace"]);
    }
}
