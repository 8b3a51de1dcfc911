//! Strict parsing of one content file: serde does the shape (unknown keys and
//! kinds are errors), then every value is checked against its range. Each
//! problem carries the file, line:col and the field's path; valid entries of
//! a partly broken file are kept, broken ones left out.

use std::collections::HashSet;
use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use super::say::Say;
use super::{
    GroundStep, Grounding, HelpRule, HelpWhen, Origin, Pattern, Phase, PhaseKind, Phrase, Problem,
    Program, Reframing, RelaxStep, SendRule, Sense, StarterCard, Template,
};
use crate::sanitize;

pub const VERSION: u32 = 1;
pub const SECONDS_RANGE: (f64, f64) = (0.5, 60.0);
const MAX_ID: usize = 32;
const MAX_NAME: usize = 40;
const MAX_DESCRIPTION: usize = 160;
const MAX_CAUTION: usize = 240;
const MAX_PHASES: usize = 12;
const MAX_PROMPT: usize = 120;
const MAX_HINT: usize = 120;
const MAX_HINTS: usize = 8;
const MAX_GROUND_STEPS: usize = 10;
const COUNT_RANGE: (i64, i64) = (1, 10);
const MAX_GROUP: usize = 40;
const MAX_INSTRUCTION: usize = 160;
const MAX_RELAX_STEPS: usize = 30;
const MAX_PHRASE: usize = 160;
const MAX_TEMPLATE: usize = 160;
const SLOTS: [&str; 3] = ["{feeling}", "{situation}", "{need}"];
const MAX_SEND_PHRASES: usize = 40;
const MOST_RANGE: (i64, i64) = (1, 10_000);
pub const TENSE_RANGE: (f64, f64) = (3.0, 10.0);
pub const RELEASE_RANGE: (f64, f64) = (10.0, 60.0);
pub const DEFAULT_TENSE_SECONDS: f64 = 6.0;
pub const DEFAULT_RELEASE_SECONDS: f64 = 30.0;

/// The top-level keys of a content file: `version` and the lists.
const KEYS: [&str; 17] = [
    "version",
    "patterns",
    "grounding",
    "relaxation",
    "thoughts",
    "questions",
    "balanced",
    "compassion",
    "toolkit",
    "statements",
    "prompts",
    "send",
    "signs",
    "activities",
    "words",
    "help",
    "cards",
];

/// A content file's lists, each entry still raw, with its span: every entry
/// is read into its typed form on its own, so one bad entry never sinks
/// its neighbours.
#[derive(Default)]
struct RawLists<'i> {
    version: Option<Spanned<DeValue<'i>>>,
    lists: Vec<(String, Vec<Spanned<DeValue<'i>>>)>,
}

impl<'i> RawLists<'i> {
    fn take(&mut self, key: &str) -> Vec<Spanned<DeValue<'i>>> {
        self.lists
            .iter_mut()
            .find(|(name, _)| name == key)
            .map(|(_, list)| std::mem::take(list))
            .unwrap_or_default()
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPhrase {
    id: Spanned<String>,
    text: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSendRule {
    id: Spanned<String>,
    name: Spanned<String>,
    #[serde(default)]
    phrases: Vec<Spanned<String>>,
    most_questions: Option<Spanned<i64>>,
    most_words: Option<Spanned<i64>>,
    suggestion: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHelpRule {
    id: Spanned<String>,
    when: HelpWhen,
    sessions: Option<Spanned<i64>>,
    from: Option<Spanned<i64>>,
    text: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCard {
    id: Spanned<String>,
    when: Spanned<String>,
    notice: Option<Spanned<String>>,
    can: Spanned<Vec<Spanned<String>>>,
    remember: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuestion {
    id: Spanned<String>,
    text: Spanned<String>,
    hint: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTemplate {
    id: Spanned<String>,
    template: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGrounding {
    id: Spanned<String>,
    name: Spanned<String>,
    description: Spanned<String>,
    steps: Spanned<Vec<RawGroundStep>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGroundStep {
    sense: Sense,
    count: Spanned<i64>,
    prompt: Spanned<String>,
    hints: Option<Spanned<Vec<Spanned<String>>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProgram {
    id: Spanned<String>,
    name: Spanned<String>,
    description: Spanned<String>,
    caution: Option<Spanned<String>>,
    tense_seconds: Option<Spanned<f64>>,
    release_seconds: Option<Spanned<f64>>,
    steps: Spanned<Vec<RawRelaxStep>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRelaxStep {
    group: Spanned<String>,
    tense: Spanned<String>,
    release: Spanned<String>,
    notice: Spanned<String>,
    tense_seconds: Option<Spanned<f64>>,
    release_seconds: Option<Spanned<f64>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPattern {
    id: Spanned<String>,
    name: Spanned<String>,
    description: Spanned<String>,
    caution: Option<Spanned<String>>,
    phases: Spanned<Vec<RawPhase>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPhase {
    kind: PhaseKind,
    seconds: Spanned<f64>,
}

#[derive(Default)]
pub struct Parsed {
    pub patterns: Vec<Pattern>,
    pub grounding: Vec<Grounding>,
    pub programs: Vec<Program>,
    pub reframing: Reframing,
    pub send_rules: Vec<SendRule>,
    pub signs: Vec<Phrase>,
    pub activities: Vec<Phrase>,
    pub words: Vec<Phrase>,
    pub help_rules: Vec<HelpRule>,
    pub cards: Vec<StarterCard>,
    pub problems: Vec<Problem>,
}

/// Parses and validates one file. `name` is how the file is shown in problems.
pub fn parse_file(name: &str, text: &str, origin: Origin) -> Parsed {
    let mut checker = Checker::new(name, text);
    let Some(mut raw) = checker.lists() else {
        return Parsed {
            problems: checker.into_problems(),
            ..Parsed::default()
        };
    };
    let version = match raw.version.take() {
        Some(value) => checker.entry::<Spanned<u32>>(value),
        None => {
            checker.report(Some(0..0), None, Say::Missing("version"));
            None
        }
    };
    let Some(version) = version else {
        return Parsed {
            problems: checker.into_problems(),
            ..Parsed::default()
        };
    };
    if *version.get_ref() != VERSION {
        checker.report(
            Some(version.span()),
            Some("version".into()),
            Say::Version(VERSION),
        );
        return Parsed {
            problems: checker.into_problems(),
            ..Parsed::default()
        };
    }
    let raw_patterns = checker.typed(raw.take("patterns"));
    let raw_grounding = checker.typed(raw.take("grounding"));
    let raw_programs = checker.typed(raw.take("relaxation"));
    let raw_thoughts = checker.typed(raw.take("thoughts"));
    let raw_balanced = checker.typed(raw.take("balanced"));
    let raw_compassion = checker.typed(raw.take("compassion"));
    let raw_toolkit = checker.typed(raw.take("toolkit"));
    let raw_questions = checker.typed(raw.take("questions"));
    let raw_statements = checker.typed(raw.take("statements"));
    let raw_prompts = checker.typed(raw.take("prompts"));
    let raw_send = checker.typed(raw.take("send"));
    let raw_signs = checker.typed(raw.take("signs"));
    let raw_activities = checker.typed(raw.take("activities"));
    let raw_words = checker.typed(raw.take("words"));
    let raw_help = checker.typed(raw.take("help"));
    let raw_cards = checker.typed(raw.take("cards"));
    let patterns = checker.entries(raw_patterns, |checker, index, raw, seen| {
        checker.pattern(index, raw, seen, &origin)
    });
    let grounding = checker.entries(raw_grounding, |checker, index, raw, seen| {
        checker.grounding(index, raw, seen, &origin)
    });
    let programs = checker.entries(raw_programs, |checker, index, raw, seen| {
        checker.program(index, raw, seen, &origin)
    });
    let mut phrases = |list: &str, raws: Vec<(usize, Spanned<RawPhrase>)>| {
        checker.entries(raws, |checker, index, raw, seen| {
            let question = RawQuestion {
                id: raw.id,
                text: raw.text,
                hint: None,
            };
            checker.phrase(list, index, question, seen, &origin)
        })
    };
    let thoughts = phrases("thoughts", raw_thoughts);
    let balanced = phrases("balanced", raw_balanced);
    let compassion = phrases("compassion", raw_compassion);
    let toolkit = phrases("toolkit", raw_toolkit);
    let signs = phrases("signs", raw_signs);
    let words = phrases("words", raw_words);
    let activities = checker.entries(raw_activities, |checker, index, raw, seen| {
        checker.phrase("activities", index, raw, seen, &origin)
    });
    let questions = checker.entries(raw_questions, |checker, index, raw, seen| {
        checker.phrase("questions", index, raw, seen, &origin)
    });
    let statements = checker.entries(raw_statements, |checker, index, raw, seen| {
        checker.template(index, raw, seen, &origin)
    });
    let prompts = checker.entries(raw_prompts, |checker, index, raw, seen| {
        checker.phrase("prompts", index, raw, seen, &origin)
    });
    let send_rules = checker.entries(raw_send, |checker, index, raw, seen| {
        checker.send_rule(index, raw, seen, &origin)
    });
    let help_rules = checker.entries(raw_help, |checker, index, raw, seen| {
        checker.help_rule(index, raw, seen, &origin)
    });
    let cards = checker.entries(raw_cards, |checker, index, raw, seen| {
        checker.card(index, raw, seen, &origin)
    });
    Parsed {
        patterns,
        grounding,
        programs,
        send_rules,
        signs,
        activities,
        words,
        help_rules,
        cards,
        reframing: Reframing {
            thoughts,
            questions,
            balanced,
            compassion,
            toolkit,
            statements,
            prompts,
        },
        problems: checker.into_problems(),
    }
}

/// Collects the problems of one file, each located by line:col and field.
/// Content files and settings both check with it.
pub(crate) struct Checker<'a> {
    name: &'a str,
    text: &'a str,
    problems: Vec<Problem>,
}

impl<'a> Checker<'a> {
    /// `name` is how the file is shown in problems.
    pub(crate) fn new(name: &'a str, text: &'a str) -> Checker<'a> {
        Checker {
            name,
            text,
            problems: Vec::new(),
        }
    }

    /// The problems in the order they stand in the file.
    pub(crate) fn into_problems(mut self) -> Vec<Problem> {
        self.problems.sort_by_key(|p| p.position);
        self.problems
    }

    pub(crate) fn problems_count(&self) -> usize {
        self.problems.len()
    }

    /// The document's top level: `version` and the lists, each entry left
    /// raw. A syntax error, an unknown key or a list that is not a list is
    /// a problem; `None` only when the text is not TOML at all.
    fn lists(&mut self) -> Option<RawLists<'a>> {
        let mut raw = RawLists::default();
        for (name, value) in self.table(&KEYS)? {
            if name == "version" {
                raw.version = Some(value);
                continue;
            }
            let span = value.span();
            match value.into_inner() {
                DeValue::Array(list) => raw.lists.push((name, list.to_vec())),
                _ => self.report(Some(span), Some(name), Say::NotAList),
            }
        }
        Some(raw)
    }

    /// The document's top-level keys that are in `keys`, each value left
    /// raw, in file order; every other key is reported. `None` (and the
    /// problem) when the text is not TOML.
    pub(crate) fn table(&mut self, keys: &[&str]) -> Option<Vec<(String, Spanned<DeValue<'a>>)>> {
        let document = match DeTable::parse(self.text) {
            Ok(document) => document,
            Err(err) => {
                self.report(err.span(), None, Say::Reader(err.message()));
                return None;
            }
        };
        let mut entries: Vec<(String, Spanned<DeValue<'a>>)> = Vec::new();
        for (key, value) in document.into_inner() {
            let name = key.get_ref().to_string();
            if keys.contains(&name.as_str()) {
                entries.push((name, value));
                continue;
            }
            let shown = sanitize::line(&name);
            let message = Say::UnknownKey {
                key: &shown,
                expected: keys,
            };
            self.report(Some(key.span()), Some(shown.clone()), message);
        }
        // Reported in the order they stand in the file.
        entries.sort_by_key(|(_, value)| value.span().start);
        Some(entries)
    }

    /// One value read into its typed form (strict serde); a shape error
    /// becomes a problem with the field's path.
    pub(crate) fn entry<T: serde::de::DeserializeOwned>(
        &mut self,
        value: Spanned<DeValue<'a>>,
    ) -> Option<T> {
        match T::deserialize(ValueDeserializer::from(value)) {
            Ok(typed) => Some(typed),
            Err(err) => {
                let field = err
                    .span()
                    .filter(|span| !span.is_empty())
                    .and_then(|span| field_path_at(self.text, span.start));
                self.report(err.span(), field, Say::Reader(err.message()));
                None
            }
        }
    }

    /// Each entry of a list on its own: the ones that read stay, with their
    /// place in the list (so later problems name the right entry), and each
    /// one that does not is reported.
    fn typed<T: serde::de::DeserializeOwned>(
        &mut self,
        list: Vec<Spanned<DeValue<'a>>>,
    ) -> Vec<(usize, Spanned<T>)> {
        list.into_iter()
            .enumerate()
            .filter_map(|(index, value)| Some((index, self.entry::<Spanned<T>>(value)?)))
            .collect()
    }

    /// How many entries a list has, against `range`: "needs 1 to 10 steps
    /// (has 0)", or with no minimum "at most 8 hints fit (has 9)".
    pub(crate) fn list_size(
        &mut self,
        span: Option<Range<usize>>,
        field: String,
        len: usize,
        range: (usize, usize),
        noun: &str,
    ) {
        let (low, high) = range;
        if (low..=high).contains(&len) {
            return;
        }
        self.report(
            span,
            Some(field),
            Say::ListSize {
                low,
                high,
                noun,
                len,
            },
        );
    }

    pub(crate) fn report(
        &mut self,
        span: Option<Range<usize>>,
        field: Option<String>,
        message: Say,
    ) {
        let position = span.map(|s| line_col(self.text, s.start));
        self.problems.push(Problem {
            file: self.name.to_string(),
            position,
            field,
            message: message.to_string(),
        });
    }

    /// Sanitises a text field and checks it is non-empty and not too long.
    pub(crate) fn text(&mut self, value: &Spanned<String>, field: String, max: usize) -> String {
        let clean = sanitize::line(value.get_ref());
        let length = clean.chars().count();
        if clean.is_empty() {
            self.report(Some(value.span()), Some(field), Say::Empty);
        } else if length > max {
            self.report(
                Some(value.span()),
                Some(field),
                Say::TooLong { length, max },
            );
        }
        clean
    }

    /// Checks each entry of one list; an entry with any problem is left out.
    fn entries<R, T>(
        &mut self,
        raws: Vec<(usize, Spanned<R>)>,
        mut check: impl FnMut(&mut Self, usize, R, &mut HashSet<String>) -> T,
    ) -> Vec<T> {
        let mut seen = HashSet::new();
        let mut kept = Vec::new();
        for (index, raw) in raws {
            let before = self.problems.len();
            let entry = check(self, index, raw.into_inner(), &mut seen);
            if self.problems.len() == before {
                kept.push(entry);
            }
        }
        kept
    }

    /// An id: typed on the command line, so plain characters, and unique in its list.
    fn id(&mut self, raw: &Spanned<String>, at: &str, seen: &mut HashSet<String>) -> String {
        let id = self.text(raw, format!("{at}.id"), MAX_ID);
        if !id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_' | '.'))
        {
            self.report(
                Some(raw.span()),
                Some(format!("{at}.id")),
                Say::IdCharacters,
            );
        }
        if !id.is_empty() && !seen.insert(id.clone()) {
            let noun = match at.split('[').next() {
                Some("grounding") => "grounding variant",
                Some("relaxation") => "relaxation program",
                Some("patterns") => "pattern",
                _ => "entry",
            };
            self.report(
                Some(raw.span()),
                Some(format!("{at}.id")),
                Say::Duplicate { id: &id, noun },
            );
        }
        id
    }

    /// The id, name and description every pattern, variant and program has.
    fn named(
        &mut self,
        at: &str,
        raw: [&Spanned<String>; 3],
        seen: &mut HashSet<String>,
    ) -> (String, String, String) {
        let [id, name, description] = raw;
        (
            self.id(id, at, seen),
            self.text(name, format!("{at}.name"), MAX_NAME),
            self.text(description, format!("{at}.description"), MAX_DESCRIPTION),
        )
    }

    /// A whole number within `range`; out of it, reported at `field` and `None`.
    fn whole(
        &mut self,
        value: &Spanned<i64>,
        field: String,
        (low, high): (i64, i64),
    ) -> Option<i64> {
        let got = *value.get_ref();
        if (low..=high).contains(&got) {
            return Some(got);
        }
        self.report(
            Some(value.span()),
            Some(field),
            Say::Between {
                low: low as f64,
                high: high as f64,
                got: got as f64,
            },
        );
        None
    }

    /// Seconds within `range`, or `fallback` when the field is absent.
    fn seconds(
        &mut self,
        value: Option<&Spanned<f64>>,
        field: String,
        range: (f64, f64),
        fallback: f64,
    ) -> f64 {
        let Some(value) = value else {
            return fallback;
        };
        let seconds = *value.get_ref();
        let (low, high) = range;
        if !(low..=high).contains(&seconds) {
            self.report(
                Some(value.span()),
                Some(field),
                Say::Between {
                    low,
                    high,
                    got: seconds,
                },
            );
            return fallback;
        }
        seconds
    }

    /// A line of reframing text in `list`; `hint` only for questions.
    fn phrase(
        &mut self,
        list: &str,
        index: usize,
        raw: RawQuestion,
        seen: &mut HashSet<String>,
        origin: &Origin,
    ) -> Phrase {
        let at = format!("{list}[{index}]");
        let id = self.id(&raw.id, &at, seen);
        let text = self.text(&raw.text, format!("{at}.text"), MAX_PHRASE);
        let hint = raw
            .hint
            .as_ref()
            .map(|h| self.text(h, format!("{at}.hint"), MAX_PHRASE));
        Phrase {
            id,
            text,
            hint,
            origin: origin.clone(),
        }
    }

    /// A "time to get help" rule: a count of sessions (1–50) and a rating
    /// to start from (0–10), where its kind uses them.
    fn help_rule(
        &mut self,
        index: usize,
        raw: RawHelpRule,
        seen: &mut HashSet<String>,
        origin: &Origin,
    ) -> HelpRule {
        let at = format!("help[{index}]");
        let id = self.id(&raw.id, &at, seen);
        let text = self.text(&raw.text, format!("{at}.text"), MAX_PHRASE);
        let mut within = |value: &Option<Spanned<i64>>, field: &str, range, fallback| {
            value
                .as_ref()
                .map_or(Some(fallback), |v| {
                    self.whole(v, format!("{at}.{field}"), range)
                })
                .unwrap_or(fallback)
        };
        let sessions = within(&raw.sessions, "sessions", (1, 50), 3) as usize;
        let from = within(&raw.from, "from", (0, 10), 8) as u8;
        HelpRule {
            id,
            when: raw.when,
            sessions,
            from,
            text,
            origin: origin.clone(),
        }
    }

    /// A starter coping card: a situation, one to three things to do, and
    /// optional signs and a line to remember.
    fn card(
        &mut self,
        index: usize,
        raw: RawCard,
        seen: &mut HashSet<String>,
        origin: &Origin,
    ) -> StarterCard {
        let at = format!("cards[{index}]");
        let id = self.id(&raw.id, &at, seen);
        let when = self.text(&raw.when, format!("{at}.when"), MAX_PHRASE);
        let mut optional = |value: &Option<Spanned<String>>, field: &str| {
            value
                .as_ref()
                .map(|v| self.text(v, format!("{at}.{field}"), MAX_PHRASE))
                .unwrap_or_default()
        };
        let notice = optional(&raw.notice, "notice");
        let remember = optional(&raw.remember, "remember");
        let span = raw.can.span();
        let can: Vec<String> = raw
            .can
            .into_inner()
            .iter()
            .enumerate()
            .map(|(i, action)| self.text(action, format!("{at}.can[{i}]"), MAX_PHRASE))
            .collect();
        self.list_size(
            Some(span),
            format!("{at}.can"),
            can.len(),
            (1, super::MOST_CARD_ACTIONS),
            "things to do",
        );
        StarterCard {
            id,
            when,
            notice,
            can,
            remember,
            origin: origin.clone(),
        }
    }

    /// A send rule: phrases (whole words, lower-cased), or a most for
    /// questions or words, and at least one of them.
    fn send_rule(
        &mut self,
        index: usize,
        raw: RawSendRule,
        seen: &mut HashSet<String>,
        origin: &Origin,
    ) -> SendRule {
        let at = format!("send[{index}]");
        let id = self.id(&raw.id, &at, seen);
        let name = self.text(&raw.name, format!("{at}.name"), MAX_NAME);
        let suggestion = self.text(&raw.suggestion, format!("{at}.suggestion"), MAX_PHRASE);
        self.list_size(
            None,
            format!("{at}.phrases"),
            raw.phrases.len(),
            (0, MAX_SEND_PHRASES),
            "phrases",
        );
        let phrases = raw
            .phrases
            .iter()
            .enumerate()
            .map(|(i, p)| {
                self.text(p, format!("{at}.phrases[{i}]"), MAX_NAME)
                    .to_lowercase()
            })
            .collect::<Vec<_>>();
        let mut most = |value: &Option<Spanned<i64>>, field: &str| {
            let value = value.as_ref()?;
            self.whole(value, format!("{at}.{field}"), MOST_RANGE)
                .map(|got| got as usize)
        };
        let most_questions = most(&raw.most_questions, "most_questions");
        let most_words = most(&raw.most_words, "most_words");
        if phrases.is_empty() && raw.most_questions.is_none() && raw.most_words.is_none() {
            self.report(
                Some(raw.id.span()),
                Some(at.clone()),
                Say::Missing("phrases"),
            );
        }
        SendRule {
            id,
            name,
            phrases,
            most_questions,
            most_words,
            suggestion,
            origin: origin.clone(),
        }
    }

    fn template(
        &mut self,
        index: usize,
        raw: RawTemplate,
        seen: &mut HashSet<String>,
        origin: &Origin,
    ) -> Template {
        let at = format!("statements[{index}]");
        let id = self.id(&raw.id, &at, seen);
        let template = self.text(&raw.template, format!("{at}.template"), MAX_TEMPLATE);
        for slot in SLOTS {
            let count = template.matches(slot).count();
            if count != 1 {
                self.report(
                    Some(raw.template.span()),
                    Some(format!("{at}.template")),
                    Say::SlotOnce { slot, count },
                );
            }
        }
        Template {
            id,
            template,
            origin: origin.clone(),
        }
    }

    fn grounding(
        &mut self,
        index: usize,
        raw: RawGrounding,
        seen: &mut HashSet<String>,
        origin: &Origin,
    ) -> Grounding {
        let at = format!("grounding[{index}]");
        let (id, name, description) = self.named(&at, [&raw.id, &raw.name, &raw.description], seen);
        let steps_span = raw.steps.span();
        let raw_steps = raw.steps.into_inner();
        let size = (1, MAX_GROUND_STEPS);
        self.list_size(
            Some(steps_span),
            format!("{at}.steps"),
            raw_steps.len(),
            size,
            "steps",
        );
        let mut steps = Vec::with_capacity(raw_steps.len());
        for (i, step) in raw_steps.into_iter().enumerate() {
            let here = format!("{at}.steps[{i}]");
            let count = *step.count.get_ref();
            self.whole(&step.count, format!("{here}.count"), COUNT_RANGE);
            let prompt = self.text(&step.prompt, format!("{here}.prompt"), MAX_PROMPT);
            let (hints_span, raw_hints) = step
                .hints
                .map(|h| (Some(h.span()), h.into_inner()))
                .unwrap_or_default();
            let size = (0, MAX_HINTS);
            self.list_size(
                hints_span,
                format!("{here}.hints"),
                raw_hints.len(),
                size,
                "hints",
            );
            let hints = raw_hints
                .iter()
                .enumerate()
                .map(|(h, hint)| self.text(hint, format!("{here}.hints[{h}]"), MAX_HINT))
                .collect();
            steps.push(GroundStep {
                sense: step.sense,
                count: count.clamp(COUNT_RANGE.0, COUNT_RANGE.1) as usize,
                prompt,
                hints,
            });
        }
        Grounding {
            id,
            name,
            description,
            steps,
            origin: origin.clone(),
        }
    }

    fn program(
        &mut self,
        index: usize,
        raw: RawProgram,
        seen: &mut HashSet<String>,
        origin: &Origin,
    ) -> Program {
        let at = format!("relaxation[{index}]");
        let (id, name, description) = self.named(&at, [&raw.id, &raw.name, &raw.description], seen);
        let caution = raw
            .caution
            .as_ref()
            .map(|c| self.text(c, format!("{at}.caution"), MAX_CAUTION));
        let tense = self.seconds(
            raw.tense_seconds.as_ref(),
            format!("{at}.tense_seconds"),
            TENSE_RANGE,
            DEFAULT_TENSE_SECONDS,
        );
        let release = self.seconds(
            raw.release_seconds.as_ref(),
            format!("{at}.release_seconds"),
            RELEASE_RANGE,
            DEFAULT_RELEASE_SECONDS,
        );
        let steps_span = raw.steps.span();
        let raw_steps = raw.steps.into_inner();
        let size = (1, MAX_RELAX_STEPS);
        self.list_size(
            Some(steps_span),
            format!("{at}.steps"),
            raw_steps.len(),
            size,
            "steps",
        );
        let steps = raw_steps
            .iter()
            .enumerate()
            .map(|(i, step)| {
                let here = format!("{at}.steps[{i}]");
                let mut text = |value: &Spanned<String>, field: &str, max: usize| {
                    self.text(value, format!("{here}.{field}"), max)
                };
                let group = text(&step.group, "group", MAX_GROUP);
                let tense_text = text(&step.tense, "tense", MAX_INSTRUCTION);
                let release_text = text(&step.release, "release", MAX_INSTRUCTION);
                let notice = text(&step.notice, "notice", MAX_INSTRUCTION);
                let tense_seconds = self.seconds(
                    step.tense_seconds.as_ref(),
                    format!("{here}.tense_seconds"),
                    TENSE_RANGE,
                    tense,
                );
                let release_seconds = self.seconds(
                    step.release_seconds.as_ref(),
                    format!("{here}.release_seconds"),
                    RELEASE_RANGE,
                    release,
                );
                RelaxStep {
                    group,
                    tense: tense_text,
                    release: release_text,
                    notice,
                    tense_ms: (tense_seconds * 1000.0).round() as u64,
                    release_ms: (release_seconds * 1000.0).round() as u64,
                }
            })
            .collect();
        Program {
            id,
            name,
            description,
            caution,
            steps,
            origin: origin.clone(),
        }
    }

    fn pattern(
        &mut self,
        index: usize,
        raw: RawPattern,
        seen: &mut HashSet<String>,
        origin: &Origin,
    ) -> Pattern {
        let at = format!("patterns[{index}]");
        let (id, name, description) = self.named(&at, [&raw.id, &raw.name, &raw.description], seen);
        let caution = raw
            .caution
            .as_ref()
            .map(|c| self.text(c, format!("{at}.caution"), MAX_CAUTION));

        let phases_span = raw.phases.span();
        let raw_phases = raw.phases.into_inner();
        let size = (1, MAX_PHASES);
        self.list_size(
            Some(phases_span.clone()),
            format!("{at}.phases"),
            raw_phases.len(),
            size,
            "phases",
        );
        let mut phases = Vec::with_capacity(raw_phases.len());
        for (i, phase) in raw_phases.iter().enumerate() {
            let seconds = *phase.seconds.get_ref();
            let (low, high) = SECONDS_RANGE;
            if !(low..=high).contains(&seconds) {
                self.report(
                    Some(phase.seconds.span()),
                    Some(format!("{at}.phases[{i}].seconds")),
                    Say::Between {
                        low,
                        high,
                        got: seconds,
                    },
                );
                continue;
            }
            phases.push(Phase {
                kind: phase.kind,
                ms: (seconds * 1000.0).round() as u64,
            });
        }
        for (kind, word) in [(PhaseKind::Inhale, "inhale"), (PhaseKind::Exhale, "exhale")] {
            if !raw_phases.is_empty() && !raw_phases.iter().any(|p| p.kind == kind) {
                self.report(
                    Some(phases_span.clone()),
                    Some(format!("{at}.phases")),
                    Say::NeedsPhase(word),
                );
            }
        }
        Pattern {
            id,
            name,
            description,
            caution,
            phases,
            origin: origin.clone(),
        }
    }
}

/// The path of the deepest key or value at `offset` (`patterns[0].phases[1].kind`),
/// so shape errors from serde name their field like range errors do.
pub fn field_path_at(text: &str, offset: usize) -> Option<String> {
    use toml::de::{DeTable, DeValue};

    fn in_span(span: &Range<usize>, offset: usize) -> bool {
        span.start <= offset && offset < span.end.max(span.start + 1)
    }

    fn in_table(table: &DeTable<'_>, offset: usize, path: &str) -> Option<String> {
        for (key, value) in table.iter() {
            let here = if path.is_empty() {
                key.get_ref().to_string()
            } else {
                format!("{path}.{}", key.get_ref())
            };
            if in_span(&key.span(), offset) {
                return Some(here);
            }
            if let Some(deeper) = in_value(value.get_ref(), offset, &here) {
                return Some(deeper);
            }
            if in_span(&value.span(), offset) {
                return Some(here);
            }
        }
        None
    }

    fn in_value(value: &DeValue<'_>, offset: usize, path: &str) -> Option<String> {
        match value {
            DeValue::Table(table) => in_table(table, offset, path),
            DeValue::Array(items) => items.iter().enumerate().find_map(|(i, item)| {
                let here = format!("{path}[{i}]");
                // Tables of an array-of-tables span only their header, so look inside first.
                in_value(item.get_ref(), offset, &here)
                    .or_else(|| in_span(&item.span(), offset).then_some(here))
            }),
            _ => None,
        }
    }

    let document = DeTable::parse(text).ok()?;
    in_table(document.get_ref(), offset, "")
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(text: &str) -> Vec<String> {
        parse_file("f.toml", text, Origin::BuiltIn)
            .problems
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    const GOOD: &str = r#"version = 1
[[patterns]]
id = "a"
name = "A"
description = "d"
phases = [{ kind = "inhale", seconds = 4 }, { kind = "exhale", seconds = 4 }]
"#;

    #[test]
    fn a_good_file_has_no_problems() {
        assert!(problems(GOOD).is_empty());
    }

    #[test]
    fn one_bad_entry_never_sinks_its_neighbours_and_each_bad_one_is_reported() {
        let text = format!(
            "{GOOD}[[patterns]]
id = \"typo\"
name = \"Typo\"
description = \"d\"
phasez = []

[[patterns]]
id = \"also\"
name = 7
description = \"d\"
phases = [{{ kind = \"inhale\", seconds = 4 }}]

[[relaxation]]
id = \"r\"
"
        );
        let parsed = parse_file("f.toml", &text, Origin::BuiltIn);
        let ids: Vec<&str> = parsed.patterns.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["a"], "the good pattern still loads");
        let found: Vec<String> = parsed.problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            found,
            [
                "f.toml:11:1: patterns[1].phasez: unknown field `phasez`, expected one of `id`, `name`, `description`, `caution`, `phases`",
                "f.toml:15:8: patterns[2].name: invalid type: integer `7`, expected a string",
                "f.toml:19:1: relaxation[0]: missing field `name`",
            ]
        );
    }

    #[test]
    fn after_an_unreadable_entry_later_problems_still_name_their_own_entry() {
        let text = format!(
            "{GOOD}[[patterns]]\nid = 5\n\n[[patterns]]\nid = \"c\"\nname = \"C\"\ndescription = \"d\"\nphases = [{{ kind = \"inhale\", seconds = 0 }}, {{ kind = \"exhale\", seconds = 4 }}]\n"
        );
        let found = problems(&text);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found[0].contains("patterns[1].id"), "{found:?}");
        assert!(
            found[1].contains("patterns[2].phases[0].seconds"),
            "{found:?}"
        );
    }

    #[test]
    fn unknown_top_level_keys_and_non_lists_are_reported_and_the_rest_loads() {
        let text = format!("colour = 1\ngrounding = 3\n{GOOD}");
        let parsed = parse_file("f.toml", &text, Origin::BuiltIn);
        assert_eq!(parsed.patterns.len(), 1);
        let found: Vec<String> = parsed.problems.iter().map(ToString::to_string).collect();
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(
            found[0].starts_with(
                "f.toml:1:1: colour: unknown field `colour`, expected one of `version`, `patterns`"
            ),
            "{found:?}"
        );
        assert_eq!(found[1], "f.toml:2:13: grounding: must be a list of tables");
    }

    #[test]
    fn out_of_range_seconds_name_the_field_and_place() {
        let text = GOOD.replace("seconds = 4 }]", "seconds = 0 }]");
        assert_eq!(
            problems(&text),
            ["f.toml:6:74: patterns[0].phases[1].seconds: must be between 0.5 and 60 (got 0)"]
        );
    }

    #[test]
    fn a_broken_entry_is_skipped_and_good_ones_kept() {
        let text = format!(
            "{GOOD}{}",
            &GOOD[12..]
                .replace("id = \"a\"", "id = \"b\"")
                .replace("name = \"A\"", "name = \"\"")
        );
        let parsed = parse_file("f.toml", &text, Origin::BuiltIn);
        assert_eq!(parsed.patterns.len(), 1);
        assert_eq!(parsed.problems.len(), 1);
        assert_eq!(
            parsed.problems[0].field.as_deref(),
            Some("patterns[1].name")
        );
    }

    #[test]
    fn shape_errors_name_their_field() {
        let text = GOOD.replace("kind = \"exhale\"", "kind = \"out\"");
        assert_eq!(
            problems(&text),
            [
                "f.toml:6:54: patterns[0].phases[1].kind: unknown variant `out`, expected one of `inhale`, `hold`, `exhale`, `rest`"
            ]
        );
        assert_eq!(
            field_path_at("a = 1\n[b]\nc = [1, 2]\n", 18),
            Some("b.c[1]".into())
        );
        assert_eq!(field_path_at("not = [toml", 3), None);
    }

    #[test]
    fn line_col_counts_characters_not_bytes() {
        assert_eq!(line_col("ab\nçd", 5), (2, 2));
        assert_eq!(line_col("x", 99), (1, 2));
    }
}
