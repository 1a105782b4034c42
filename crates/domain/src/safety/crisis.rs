//! Recognising crisis language: writing that says a person means to end
//! their life, is hurting themselves, has taken too much, or is in danger
//! right now, in English, Spanish, or both mixed.
//!
//! People in recovery write about death, overdoses and self-harm all the
//! time without being in danger: they remember ("I used to think about
//! ending it all, today I'm 90 days sober"), they speak of others ("my
//! sponsor's brother overdosed last year"), they reassure ("I'm not going to
//! hurt myself"), they exaggerate ("me muero de risa", "this traffic is
//! killing me"), and they organise ("the suicide prevention training was
//! good"). A detector that fires on every "die" would be muted within a
//! week. So [`assess`] reads phrases, not words, and for each phrase it finds
//! it asks:
//!
//! - is it part of an idiom ("dying to", "morirme de la vergüenza")?
//! - is the clause about a film, a training, an accident or a "what if"?
//! - is it in the past and over ("used to", "hace años")?
//! - is it negated ("I'm not going to", "no voy a", "nunca")?
//! - is it about someone else ("my brother", "she")? Danger from someone
//!   else ("he says he'll kill me") and an overdose happening in front of the
//!   writer ("he's not breathing") count all the same.
//!
//! The phrases live in `crisis/english.rs` and `crisis/spanish.rs` as plain
//! tables; adding one is adding a line.
//!
//! This is a net, not a judge: it exists so that help is offered sooner, and
//! it will miss things a person would see. Nothing here should be used to
//! punish or silence what someone wrote.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

mod english;
mod spanish;
mod words;

use words::Piece;

/// What kind of danger a piece of writing expresses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CrisisKind {
    /// The writer means to end their life, wishes to be dead, or is
    /// preparing to die.
    SuicidalIntent,
    /// The writer is hurting themselves, or about to.
    SelfHarm,
    /// The writer, or someone in front of them, has taken too much.
    Overdose,
    /// Someone is hurting or threatening the writer now.
    ImmediateDanger,
}

impl CrisisKind {
    /// Every kind, in order.
    pub const ALL: [CrisisKind; 4] = [
        CrisisKind::SuicidalIntent,
        CrisisKind::SelfHarm,
        CrisisKind::Overdose,
        CrisisKind::ImmediateDanger,
    ];

    /// The kind's stable name, for logs, storage and APIs.
    pub fn as_str(self) -> &'static str {
        match self {
            CrisisKind::SuicidalIntent => "suicidal_intent",
            CrisisKind::SelfHarm => "self_harm",
            CrisisKind::Overdose => "overdose",
            CrisisKind::ImmediateDanger => "immediate_danger",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// The detector's reading of one text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Assessment {
    kinds: Vec<CrisisKind>,
}

impl Assessment {
    /// Whether the text expresses any kind of crisis.
    pub fn detected(&self) -> bool {
        !self.kinds.is_empty()
    }

    /// The kinds of crisis the text expresses, sorted, without duplicates.
    pub fn kinds(&self) -> &[CrisisKind] {
        &self.kinds
    }
}

/// Reads `text` (English, Spanish, or both mixed) for crisis language.
///
/// The text is read a sentence at a time, and the time taken grows in step
/// with its length, so it is fine to call on every post.
///
/// Danger is the one kind that may span two sentences: a threat, a weapon
/// and fear are each often harmless, but any two of them, in one sentence or
/// in two that follow each other, are danger ("He has a gun. I'm scared.").
pub fn assess(text: &str) -> Assessment {
    let detector = &*DETECTOR;
    let mut found = [false; CrisisKind::ALL.len()];
    let mut previous = Reading::default();
    for sentence in words::sentences(text) {
        let reading = detector.read(&words::normalise(sentence));
        for kind in CrisisKind::ALL {
            found[kind.index()] |= reading.kinds[kind.index()];
        }
        let earlier = if previous.joking {
            WarningSigns::default()
        } else {
            previous.signs
        };
        let signs = [
            reading.signs.threat || earlier.threat,
            reading.signs.weapon || earlier.weapon,
            reading.signs.alarm || earlier.alarm,
        ];
        let two_signs = signs.into_iter().filter(|&sign| sign).count() >= 2;
        if (reading.danger || two_signs) && !reading.joking {
            found[CrisisKind::ImmediateDanger.index()] = true;
        }
        previous = reading;
    }
    Assessment {
        kinds: CrisisKind::ALL
            .into_iter()
            .filter(|kind| found[kind.index()])
            .collect(),
    }
}

/// One language's crisis language, as tables of phrases.
///
/// Phrases are written as people type them and read the same way as the
/// text: lower-cased, without accents, with contractions and shorthand
/// spelled out, and with a Spanish "me" after the verb it belongs to ("me
/// quiero matar" and "quiero matarme" are the same phrase). In a phrase,
/// `took|swallowed` stands for either word, `*` for any one word, `#` for a
/// number, and `...` for up to [`MAX_GAP`] words. A phrase cannot cross a
/// clause (no commas, and none of the `clause_breaks` words).
struct Lexicon {
    /// The writer means to die: "I want to kill myself", "ya no quiero vivir".
    suicidal_intent: &'static [&'static str],
    /// The writer is hurting themselves: "I've been cutting again".
    self_harm: &'static [&'static str],
    /// The writer has taken, or is about to take, too much.
    overdose: &'static [&'static str],
    /// Someone is overdosing in front of the writer: "he's not breathing".
    /// These count whoever the subject is.
    overdose_emergency: &'static [&'static str],
    /// Someone is hurting or threatening the writer now: "he's hitting me".
    danger: &'static [&'static str],
    /// Threats that are as often idioms ("my mom is going to kill me"):
    /// danger only next to a weapon or an alarm (see [`assess`]).
    threats: &'static [&'static str],
    /// A weapon is danger next to a threat or an alarm: "he's outside with a
    /// gun and I'm scared".
    weapons: &'static [&'static str],
    /// Fear, hiding, a call for help, or someone at the door.
    alarms: &'static [&'static str],
    /// Phrases that, overlapping a match, show it is a figure of speech:
    /// "dying to", "cut myself shaving", "me quiero morir de la vergüenza".
    idioms: &'static [&'static str],
    /// Words that, anywhere in a clause, show its matches are not the
    /// writer's crisis now: a film, a training, an accident, a "what if".
    framing: &'static [&'static str],
    /// Words that show a threat was a joke. Only threats: a person who writes
    /// "lol" next to wanting to die may well mean it.
    jokes: &'static [&'static str],
    /// Words that, anywhere in a clause, put its matches in a past that is
    /// over: "used to", "last year", "hace años".
    past: &'static [&'static str],
    /// Phrases that, overlapping a `past` phrase, make it ongoing instead:
    /// "desde hace años" is "for years, until now".
    ongoing: &'static [&'static str],
    /// Words that bring a clause back to the present: between a `past`
    /// phrase and a match, they keep the past from reaching it ("I used to
    /// cut and now I'm cutting again").
    present: &'static [&'static str],
    /// Words that negate a match they come shortly before.
    negations: &'static [&'static str],
    /// Words that may stand between a negation and what it negates: the
    /// "going to" in "not going to hurt myself".
    negation_glue: &'static [&'static str],
    /// Subjects that make the writer the one speaking: "I", "yo", and
    /// Spanish verbs in the first person.
    writers: &'static [&'static str],
    /// Words in a phrase that make it about the writer whatever the subject:
    /// "myself", "me" (also the "me" of "matarme"), "quiero".
    first_person: &'static [&'static str],
    /// Subjects that make a phrase about someone else: "she", "my brother".
    others: &'static [&'static str],
    /// Words that start a new clause, like a comma: "but", "pero".
    clause_breaks: &'static [&'static str],
    /// Words that stand for others: "wanna" for "want to", "q" for "que".
    shorthand: &'static [(&'static str, &'static str)],
    /// Words left out before matching, because they can go almost anywhere
    /// and change nothing: "I wish I would *just* die".
    fillers: &'static [&'static str],
    /// Number words that `#` stands for, as digits do: ten or more, since
    /// "took 2 pills" is a headache, and "took 20 pills" is not.
    large_numbers: &'static [&'static str],
}

/// The most words `...` in a phrase stands for.
const MAX_GAP: usize = 5;

/// How many words before a match a negation may be.
const NEGATION_REACH: usize = 6;

/// How many words before a match its subject may be.
const SUBJECT_REACH: usize = 12;

static DETECTOR: LazyLock<Detector> =
    LazyLock::new(|| Detector::new(&[&english::ENGLISH, &spanish::SPANISH]));

/// All languages' lexicons, ready to match.
struct Detector {
    phrases: Vec<Phrase>,
    /// Where in `phrases` to look, by a phrase's first word.
    phrases_by_first_word: HashMap<String, Vec<usize>>,
    negations: HashSet<String>,
    negation_glue: HashSet<String>,
    writers: HashSet<String>,
    others: HashSet<String>,
    clause_breaks: HashSet<String>,
    shorthand: HashMap<String, Vec<String>>,
    fillers: HashSet<String>,
    large_numbers: HashSet<String>,
}

/// What finding a phrase means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// The writer's own crisis, unless the phrase is about someone else.
    Writer(CrisisKind),
    /// A crisis whoever its subject is.
    Anyone(CrisisKind),
    // The rest are what the `Lexicon` table of the same name says.
    Threat,
    Weapon,
    Alarm,
    Idiom,
    Framing,
    Joke,
    Past,
    Ongoing,
    Present,
}

#[derive(Debug)]
struct Phrase {
    slots: Vec<Slot>,
    role: Role,
    /// Whether the phrase itself says it is about the writer ("myself",
    /// "quiero"), so that no subject need be looked for.
    names_writer: bool,
}

#[derive(Debug, PartialEq, Eq)]
enum Slot {
    /// Any one of these runs of words: `took|swallowed` is two runs of one
    /// word, `morirme|matarme` two runs of two ("morir me", "matar me").
    OneOf(Vec<Vec<String>>),
    AnyWord,
    Number,
    Gap,
}

impl Slot {
    /// The word this slot stands for when moving clitics: its first
    /// alternative, when that is one word. Alternatives are alike ("matar|
    /// morir" are both infinitives), so the first speaks for all.
    fn word(&self) -> Option<&str> {
        match self {
            Slot::OneOf(runs) => match runs.first()?.as_slice() {
                [word] => Some(word),
                _ => None,
            },
            Slot::AnyWord | Slot::Number | Slot::Gap => None,
        }
    }
}

/// Why a lexicon phrase cannot be used.
#[derive(Debug, PartialEq, Eq)]
enum PhraseError {
    Empty,
    /// Matching starts from a phrase's first word, so it must be a word.
    StartsWithWildcard,
    /// Matching happens inside a clause.
    CrossesClause,
    /// Each of `a|b` must be at least one word.
    EmptyAlternative,
}

/// What was found at one place in a clause.
struct Found<'d> {
    start: usize,
    end: usize,
    phrase: &'d Phrase,
}

impl Found<'_> {
    fn overlaps(&self, other: &Found<'_>) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// What one sentence says, before its neighbours are taken into account.
#[derive(Debug, Default)]
struct Reading {
    kinds: [bool; CrisisKind::ALL.len()],
    /// Someone is hurting or threatening the writer, whatever else is said.
    danger: bool,
    signs: WarningSigns,
    joking: bool,
}

/// Signs of danger that are danger only two together.
#[derive(Debug, Default, Clone, Copy)]
struct WarningSigns {
    threat: bool,
    weapon: bool,
    alarm: bool,
}

impl Detector {
    fn new(lexicons: &[&Lexicon]) -> Detector {
        let word_set = |pick: fn(&Lexicon) -> &'static [&'static str]| -> HashSet<String> {
            lexicons
                .iter()
                .flat_map(|lexicon| pick(lexicon))
                .map(|word| words::normalise(word))
                .collect()
        };
        let mut detector = Detector {
            phrases: Vec::new(),
            phrases_by_first_word: HashMap::new(),
            negations: word_set(|l| l.negations),
            negation_glue: word_set(|l| l.negation_glue),
            writers: word_set(|l| l.writers),
            others: word_set(|l| l.others),
            clause_breaks: word_set(|l| l.clause_breaks),
            fillers: word_set(|l| l.fillers),
            large_numbers: word_set(|l| l.large_numbers),
            shorthand: lexicons
                .iter()
                .flat_map(|lexicon| lexicon.shorthand)
                .map(|(short, long)| {
                    let long = words::normalise(long);
                    (
                        words::normalise(short),
                        long.split_whitespace().map(str::to_owned).collect(),
                    )
                })
                .collect(),
        };
        let first_person = word_set(|l| l.first_person);
        for lexicon in lexicons {
            for (texts, role) in lexicon.tables() {
                for text in texts {
                    // A broken phrase is left out rather than taking the
                    // detector down; `every_lexicon_phrase_compiles` keeps
                    // them out of the tables.
                    if let Ok(phrase) = detector.compile(text, role, &first_person) {
                        if let Some(Slot::OneOf(runs)) = phrase.slots.first() {
                            for first in runs.iter().filter_map(|run| run.first()) {
                                detector
                                    .phrases_by_first_word
                                    .entry(first.clone())
                                    .or_default()
                                    .push(detector.phrases.len());
                            }
                        }
                        detector.phrases.push(phrase);
                    }
                }
            }
        }
        detector
    }

    /// `text` as a phrase with `role`.
    fn compile(
        &self,
        text: &str,
        role: Role,
        first_person: &HashSet<String>,
    ) -> Result<Phrase, PhraseError> {
        let mut slots = Vec::new();
        for part in text.split_whitespace() {
            match part {
                "*" => slots.push(Slot::AnyWord),
                "#" => slots.push(Slot::Number),
                "..." => slots.push(Slot::Gap),
                _ if part.contains('|') => {
                    let mut runs = Vec::new();
                    for alternative in part.split('|') {
                        let run = self.words_of(alternative)?;
                        if run.is_empty() {
                            return Err(PhraseError::EmptyAlternative);
                        }
                        runs.push(run);
                    }
                    slots.push(Slot::OneOf(runs));
                }
                _ => {
                    let words = self.words_of(part)?;
                    slots.extend(words.into_iter().map(|word| Slot::OneOf(vec![vec![word]])));
                }
            }
        }
        words::move_clitics(&mut slots, Slot::word);
        match slots.first() {
            None => return Err(PhraseError::Empty),
            Some(Slot::AnyWord | Slot::Number | Slot::Gap) => {
                return Err(PhraseError::StartsWithWildcard);
            }
            Some(Slot::OneOf(_)) => {}
        }
        let names_writer = slots.iter().any(|slot| match slot {
            Slot::OneOf(runs) => runs
                .iter()
                .all(|run| run.iter().any(|word| first_person.contains(word))),
            Slot::AnyWord | Slot::Number | Slot::Gap => false,
        });
        Ok(Phrase {
            slots,
            role,
            names_writer,
        })
    }

    /// The words one part of a lexicon phrase stands for.
    fn words_of(&self, part: &str) -> Result<Vec<String>, PhraseError> {
        let normalised = words::normalise(part);
        let mut words = Vec::new();
        for piece in words::pieces(&normalised) {
            let Piece::Word(word) = piece else {
                return Err(PhraseError::CrossesClause);
            };
            let mut expanded = Vec::new();
            words::expand(word, &self.shorthand, &mut expanded);
            for word in expanded {
                if self.clause_breaks.contains(word) {
                    return Err(PhraseError::CrossesClause);
                }
                if !self.fillers.contains(word) {
                    words.push(word.to_owned());
                }
            }
        }
        Ok(words)
    }

    /// The clauses of `normalised` text, each as its words.
    fn clauses<'a>(&'a self, normalised: &'a str) -> Vec<Vec<&'a str>> {
        let mut clauses = vec![Vec::new()];
        let mut expanded = Vec::new();
        for piece in words::pieces(normalised) {
            match piece {
                Piece::Word(word) => {
                    expanded.clear();
                    words::expand(word, &self.shorthand, &mut expanded);
                    for &word in &expanded {
                        if self.clause_breaks.contains(word) {
                            clauses.push(Vec::new());
                        } else if self.fillers.contains(word) {
                            continue;
                        } else if let Some(clause) = clauses.last_mut() {
                            clause.push(word);
                        }
                    }
                }
                Piece::Break => clauses.push(Vec::new()),
            }
        }
        clauses.retain(|clause| !clause.is_empty());
        for clause in &mut clauses {
            words::move_clitics(clause, |word| Some(*word));
        }
        clauses
    }

    /// What one sentence of normalised text says.
    fn read(&self, normalised: &str) -> Reading {
        let mut reading = Reading::default();
        for clause in self.clauses(normalised) {
            let found = self.find(&clause);
            let framed = found.iter().any(|f| f.phrase.role == Role::Framing);
            let past = past_cues(&clause, &found);
            let holds = |f: &Found<'_>| {
                !framed
                    && !is_past(f, &past, &found)
                    && !self.negated(&clause, f.start)
                    && !found
                        .iter()
                        .any(|idiom| idiom.phrase.role == Role::Idiom && idiom.overlaps(f))
            };
            // "Va a matarme" is someone else's threat, not the writer's wish.
            let threatened_by_someone = |f: &Found<'_>| {
                found.iter().any(|threat| {
                    matches!(
                        threat.phrase.role,
                        Role::Threat | Role::Anyone(CrisisKind::ImmediateDanger)
                    ) && threat.overlaps(f)
                })
            };
            for f in &found {
                match f.phrase.role {
                    Role::Writer(kind) => {
                        if holds(f)
                            && !threatened_by_someone(f)
                            && (f.phrase.names_writer || self.about_writer(&clause, f.start))
                        {
                            reading.kinds[kind.index()] = true;
                        }
                    }
                    Role::Anyone(CrisisKind::ImmediateDanger) => reading.danger |= holds(f),
                    Role::Anyone(kind) => reading.kinds[kind.index()] |= holds(f),
                    Role::Threat => reading.signs.threat |= holds(f),
                    Role::Weapon => reading.signs.weapon |= holds(f),
                    Role::Alarm => reading.signs.alarm |= !self.negated(&clause, f.start),
                    Role::Joke => reading.joking = true,
                    Role::Idiom | Role::Framing | Role::Past | Role::Ongoing | Role::Present => {}
                }
            }
        }
        reading
    }

    /// Every phrase found in `clause`, with where it is.
    fn find<'d>(&'d self, clause: &[&str]) -> Vec<Found<'d>> {
        let mut found = Vec::new();
        for (start, word) in clause.iter().enumerate() {
            let candidates = self.phrases_by_first_word.get(*word).into_iter().flatten();
            for phrase in candidates.filter_map(|&index| self.phrases.get(index)) {
                if let Some(len) = self.match_slots(&phrase.slots, &clause[start..]) {
                    found.push(Found {
                        start,
                        end: start + len,
                        phrase,
                    });
                }
            }
        }
        found
    }

    /// The length of the match of `slots` at the start of `words`, if they
    /// match.
    fn match_slots(&self, slots: &[Slot], words: &[&str]) -> Option<usize> {
        let Some((slot, rest)) = slots.split_first() else {
            return Some(0);
        };
        let matches_one = |fits: &dyn Fn(&str) -> bool| {
            let (word, after) = words.split_first()?;
            if !fits(word) {
                return None;
            }
            self.match_slots(rest, after).map(|len| len + 1)
        };
        match slot {
            Slot::OneOf(runs) => runs.iter().find_map(|run| {
                let starts_with_run =
                    words.len() >= run.len() && words.iter().zip(run).all(|(w, r)| w == r);
                if !starts_with_run {
                    return None;
                }
                self.match_slots(rest, &words[run.len()..])
                    .map(|len| len + run.len())
            }),
            Slot::AnyWord => matches_one(&|_| true),
            Slot::Number => matches_one(&|word| self.is_large_number(word)),
            Slot::Gap => (0..=MAX_GAP.min(words.len()))
                .find_map(|skip| self.match_slots(rest, &words[skip..]).map(|len| len + skip)),
        }
    }

    /// Whether `word` is ten or more, in digits or in words.
    fn is_large_number(&self, word: &str) -> bool {
        word.parse::<u64>().is_ok_and(|n| n >= 10) || self.large_numbers.contains(word)
    }

    /// Whether a negation comes shortly before `start`, with nothing but
    /// glue between: "not going to hurt myself", "no voy a hacerme daño".
    fn negated(&self, clause: &[&str], start: usize) -> bool {
        for word in clause[..start].iter().rev().take(NEGATION_REACH) {
            if self.negations.contains(*word) {
                return true;
            }
            if !self.negation_glue.contains(*word) {
                return false;
            }
        }
        false
    }

    /// Whether the nearest subject before `start` is the writer (or there
    /// is none, as in "want to die"), rather than someone else.
    fn about_writer(&self, clause: &[&str], start: usize) -> bool {
        let earliest = start.saturating_sub(SUBJECT_REACH);
        for at in (earliest..start).rev() {
            let word = clause[at];
            if self.writers.contains(word) || is_spanish_perfect(word, clause.get(at + 1)) {
                return true;
            }
            if self.others.contains(word) {
                return false;
            }
        }
        true
    }
}

impl Lexicon {
    /// Each table with what finding one of its phrases means.
    fn tables(&self) -> [(&'static [&'static str], Role); 14] {
        [
            (
                self.suicidal_intent,
                Role::Writer(CrisisKind::SuicidalIntent),
            ),
            (self.self_harm, Role::Writer(CrisisKind::SelfHarm)),
            (self.overdose, Role::Writer(CrisisKind::Overdose)),
            (self.overdose_emergency, Role::Anyone(CrisisKind::Overdose)),
            (self.danger, Role::Anyone(CrisisKind::ImmediateDanger)),
            (self.threats, Role::Threat),
            (self.weapons, Role::Weapon),
            (self.alarms, Role::Alarm),
            (self.idioms, Role::Idiom),
            (self.framing, Role::Framing),
            (self.jokes, Role::Joke),
            (self.past, Role::Past),
            (self.ongoing, Role::Ongoing),
            (self.present, Role::Present),
        ]
    }
}

/// Where in `clause` the past that is over is named, as word ranges: each
/// `past` phrase that no `ongoing` phrase overlaps, and each year ("in
/// 2015", "en 2018").
fn past_cues(clause: &[&str], found: &[Found<'_>]) -> Vec<(usize, usize)> {
    let phrases = found
        .iter()
        .filter(|past| {
            past.phrase.role == Role::Past
                && !found
                    .iter()
                    .any(|ongoing| ongoing.phrase.role == Role::Ongoing && ongoing.overlaps(past))
        })
        .map(|past| (past.start, past.end));
    let years = clause.windows(2).enumerate().filter_map(|(at, pair)| {
        let is_year = matches!(pair[0], "in" | "en")
            && pair[1].len() == 4
            && (pair[1].starts_with("19") || pair[1].starts_with("20"))
            && pair[1].bytes().all(|b| b.is_ascii_digit());
        is_year.then_some((at, at + 2))
    });
    phrases.chain(years).collect()
}

/// Whether a past cue reaches `f` with no `present` word between them
/// (or within `f`).
fn is_past(f: &Found<'_>, past: &[(usize, usize)], found: &[Found<'_>]) -> bool {
    past.iter().any(|&(past_start, past_end)| {
        let (from, to) = (past_start.min(f.start), past_end.max(f.end));
        !found.iter().any(|present| {
            present.phrase.role == Role::Present
                && present.start >= from
                && present.end <= to
                && (present.end <= past_start || present.start >= past_end)
        })
    })
}

/// Whether `word` is the Spanish "he" ("I have") of "he pensado en matarme",
/// rather than the English "he": it is when a participle follows.
fn is_spanish_perfect(word: &str, next: Option<&&str>) -> bool {
    word == "he"
        && next.is_some_and(|next| {
            ["ado", "ido", "to", "cho"]
                .iter()
                .any(|ending| next.ends_with(ending))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<CrisisKind> {
        assess(text).kinds().to_vec()
    }

    fn assert_crisis(texts: &[&str]) {
        for text in texts {
            assert!(assess(text).detected(), "missed: {text}");
        }
    }

    fn assert_none(texts: &[&str]) {
        for text in texts {
            assert_eq!(kinds(text), [], "flagged: {text}");
        }
    }

    #[test]
    fn every_lexicon_phrase_compiles() {
        let detector = &*DETECTOR;
        let first_person = HashSet::new();
        for lexicon in [&english::ENGLISH, &spanish::SPANISH] {
            for (texts, role) in lexicon.tables() {
                for text in texts {
                    assert!(
                        detector.compile(text, role, &first_person).is_ok(),
                        "cannot use {text:?}: {:?}",
                        detector.compile(text, role, &first_person).err()
                    );
                }
            }
        }
    }

    #[test]
    fn broken_phrases_are_refused() {
        let detector = &*DETECTOR;
        let none = HashSet::new();
        let compile = |text| detector.compile(text, Role::Idiom, &none).err();
        assert_eq!(compile(""), Some(PhraseError::Empty));
        assert_eq!(compile("* pills"), Some(PhraseError::StartsWithWildcard));
        assert_eq!(compile("die, now"), Some(PhraseError::CrossesClause));
        assert_eq!(compile("die but live"), Some(PhraseError::CrossesClause));
        assert_eq!(compile("took ... at once"), None);
        assert_eq!(compile("took|swallowed # pills"), None);
        assert_eq!(compile("don't|never want"), None);
        assert_eq!(compile("want|- to"), Some(PhraseError::EmptyAlternative));
    }

    #[test]
    fn examples_of_crisis() {
        assert_crisis(&[
            "I don't want to be here anymore",
            "tengo ganas de morirme",
            "I want to kill myself",
            "I took a whole bottle of pills",
            "I've been cutting again",
            "he's outside with a gun and I'm scared",
            "ya no quiero vivir",
            "me voy a quitar la vida",
            "me estoy cortando otra vez",
            "tomé todas las pastillas",
        ]);
    }

    #[test]
    fn examples_of_no_crisis() {
        assert_none(&[
            "I'm not going to kill myself",
            "my sponsor's brother overdosed last year",
            "this traffic is killing me",
            "I'd kill for a coffee",
            "me muero de risa",
            "no voy a hacerme daño",
            "mi tío murió de una sobredosis hace años",
            "I used to think about ending it all, today I'm 90 days sober and grateful",
        ]);
    }

    #[test]
    fn negation_shortly_before_cancels() {
        assert_none(&[
            "I would never hurt myself",
            "I don't want to die",
            "no me quiero morir",
            "ya no me corto",
            "nunca he querido quitarme la vida",
        ]);
        // Only when nothing but glue stands between.
        assert_crisis(&[
            "I'm not gonna lie I want to die",
            "no one would care if I died",
        ]);
    }

    #[test]
    fn a_no_inside_the_phrase_is_not_a_negation() {
        assert_crisis(&["ya no quiero vivir", "I don't want to live anymore"]);
    }

    #[test]
    fn someone_else_is_not_the_writer() {
        assert_none(&[
            "my sister has been cutting again",
            "she took all the pills",
            "mi hermano tiene pensamientos suicidas",
            "he mentioned wanting to end it all",
        ]);
        assert_crisis(&[
            "my brother thinks I overdosed",
            "he pensado en acabar con todo",
        ]);
    }

    #[test]
    fn danger_from_someone_else_counts() {
        assert_eq!(
            kinds("he has a gun and says he'll kill me"),
            [CrisisKind::ImmediateDanger]
        );
        assert_eq!(
            kinds("mi pareja me está pegando y tengo miedo"),
            [CrisisKind::ImmediateDanger]
        );
        assert_eq!(
            kinds("He has a gun. I'm scared."),
            [CrisisKind::ImmediateDanger]
        );
        assert_none(&[
            "my mom is going to kill me when she sees this",
            "my dad has a gun collection",
            "my sponsor said she'd kill me if I skipped, she was joking",
        ]);
    }

    #[test]
    fn an_overdose_in_front_of_the_writer_counts() {
        assert_eq!(kinds("my friend isn't breathing"), [CrisisKind::Overdose]);
        assert_none(&["If someone isn't breathing, call 911"]);
    }

    #[test]
    fn the_past_that_is_over_is_not_a_crisis() {
        assert_none(&[
            "I tried to kill myself years ago",
            "back in 2015 I overdosed",
            "solía cortarme",
            "hace cinco años intenté matarme",
        ]);
        assert_crisis(&[
            "desde hace años tengo pensamientos suicidas",
            "I've been suicidal since last year",
            "I used to be fine, but I want to die now",
            "I used to cut and now I'm cutting again",
            "solía cortarme y hoy me volví a cortar",
        ]);
    }

    #[test]
    fn idioms_are_not_a_crisis() {
        assert_none(&[
            "I'm dying to see you",
            "killing it at work",
            "me muero de hambre",
            "se me va la vida en este trabajo",
            "me quiero morir de la vergüenza",
            "I cut myself shaving",
            "me corté el pelo",
        ]);
    }

    #[test]
    fn accents_case_apostrophes_and_shorthand_do_not_matter() {
        for text in [
            "QUIERO MÓRIRME",
            "quiero morirme",
            "I’m going to kms",
            "i wanna die",
        ] {
            assert!(assess(text).detected(), "missed: {text}");
        }
        assert_eq!(kinds("ya no kiero vivir"), [CrisisKind::SuicidalIntent]);
    }

    #[test]
    fn spanish_word_order_does_not_matter() {
        assert_crisis(&[
            "me quiero aventar del puente",
            "quiero aventarme del puente",
            "me las voy a tomar todas",
        ]);
        // Someone else's "va a matarme" is a threat, not the writer's wish.
        assert_none(&["mi papá va a matarme si no llego a cenar"]);
    }

    #[test]
    fn fillers_numbers_and_near_misses() {
        assert_crisis(&[
            "I wish I would just die",
            "I took 20 pills",
            "me tomé veinte pastillas",
        ]);
        assert_none(&[
            "I took 2 pills for my headache",
            "I almost cut myself on the broken glass",
        ]);
    }

    #[test]
    fn kinds_are_named_and_sorted() {
        assert_eq!(kinds("tomé todas las pastillas"), [CrisisKind::Overdose]);
        assert_eq!(kinds("me estoy cortando otra vez"), [CrisisKind::SelfHarm]);
        assert_eq!(
            kinds("he's hitting me. I want to die. I took all the pills"),
            [
                CrisisKind::SuicidalIntent,
                CrisisKind::Overdose,
                CrisisKind::ImmediateDanger
            ]
        );
        let names: Vec<_> = CrisisKind::ALL.iter().map(|kind| kind.as_str()).collect();
        assert_eq!(
            names,
            [
                "suicidal_intent",
                "self_harm",
                "overdose",
                "immediate_danger"
            ]
        );
        assert_eq!(assess("hello"), Assessment::default());
    }

    #[test]
    fn long_texts_are_read_whole() {
        let filler = "Today was a good day at the meeting. ".repeat(300);
        assert!(!assess(&filler).detected());
        assert!(assess(&format!("{filler} I want to die.")).detected());
    }
}
