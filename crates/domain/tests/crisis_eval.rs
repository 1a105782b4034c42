//! How well the crisis detector does on a labelled set of sentences written
//! the way people in recovery groups write, in English and Spanish.
//!
//! The set (`data/crisis_eval.tsv`, columns `label`, `lang`, `text`) is full
//! of hard cases on purpose: negations, other people, a past that is over,
//! idioms, and talk about suicide that is not intent. Run with
//! `--nocapture` to see the figures and every sentence the detector gets
//! wrong.

use hearth_domain::safety::crisis::assess;

static EVAL_TSV: &str = include_str!("data/crisis_eval.tsv");

const LANGUAGES: [&str; 2] = ["en", "es"];

struct Example<'a> {
    crisis: bool,
    lang: &'a str,
    text: &'a str,
}

fn examples() -> Vec<Example<'static>> {
    let mut lines = EVAL_TSV.lines();
    assert_eq!(lines.next(), Some("label\tlang\ttext"), "header");
    lines
        .enumerate()
        .map(|(at, line)| {
            let row = at + 2;
            let mut fields = line.split('\t');
            let (Some(label), Some(lang), Some(text), None) =
                (fields.next(), fields.next(), fields.next(), fields.next())
            else {
                panic!("line {row}: want three tab-separated fields: {line:?}");
            };
            let crisis = match label {
                "crisis" => true,
                "none" => false,
                _ => panic!("line {row}: unknown label {label:?}"),
            };
            assert!(
                LANGUAGES.contains(&lang),
                "line {row}: unknown lang {lang:?}"
            );
            assert!(!text.trim().is_empty(), "line {row}: no text");
            Example { crisis, lang, text }
        })
        .collect()
}

#[derive(Default)]
struct Tally {
    true_positives: usize,
    false_positives: usize,
    true_negatives: usize,
    false_negatives: usize,
}

impl Tally {
    fn add(&mut self, crisis: bool, detected: bool) {
        match (crisis, detected) {
            (true, true) => self.true_positives += 1,
            (false, true) => self.false_positives += 1,
            (false, false) => self.true_negatives += 1,
            (true, false) => self.false_negatives += 1,
        }
    }

    fn sentences(&self) -> usize {
        self.true_positives + self.false_positives + self.true_negatives + self.false_negatives
    }

    fn precision(&self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_positives,
        )
    }

    fn recall(&self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_negatives,
        )
    }

    fn print_row(&self, name: &str) {
        println!(
            "{name:<8} {:>9} {:>4} {:>4} {:>4} {:>4} {:>9.3} {:>6.3}",
            self.sentences(),
            self.true_positives,
            self.false_positives,
            self.true_negatives,
            self.false_negatives,
            self.precision(),
            self.recall(),
        );
    }
}

/// `part / whole`, or 1 when there is nothing to measure.
fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        1.0
    } else {
        part as f64 / whole as f64
    }
}

#[test]
fn the_set_is_large_and_covers_both_labels_in_both_languages() {
    let examples = examples();
    assert!(examples.len() >= 300, "only {} sentences", examples.len());
    for lang in LANGUAGES {
        for crisis in [true, false] {
            assert!(
                examples
                    .iter()
                    .any(|example| example.lang == lang && example.crisis == crisis),
                "no {lang} sentence labelled crisis={crisis}"
            );
        }
    }
}

#[test]
fn detector_finds_crises_without_crying_wolf() {
    let mut overall = Tally::default();
    let mut by_language = LANGUAGES.map(|lang| (lang, Tally::default()));
    let mut mistakes = Vec::new();
    for example in examples() {
        let detected = assess(example.text).detected();
        overall.add(example.crisis, detected);
        for (lang, tally) in &mut by_language {
            if *lang == example.lang {
                tally.add(example.crisis, detected);
            }
        }
        if detected != example.crisis {
            let wrong = if example.crisis { "missed " } else { "flagged" };
            mistakes.push(format!("  {wrong} [{}] {}", example.lang, example.text));
        }
    }

    println!("language sentences   TP   FP   TN   FN precision recall");
    for (lang, tally) in &by_language {
        tally.print_row(lang);
    }
    overall.print_row("overall");
    println!("misclassified: {}", mistakes.len());
    for mistake in &mistakes {
        println!("{mistake}");
    }

    assert!(
        overall.recall() >= 0.95,
        "overall recall {:.3}",
        overall.recall()
    );
    assert!(
        overall.precision() >= 0.85,
        "overall precision {:.3}",
        overall.precision()
    );
    for (lang, tally) in &by_language {
        assert!(
            tally.recall() >= 0.93,
            "{lang} recall {:.3}",
            tally.recall()
        );
    }
}
