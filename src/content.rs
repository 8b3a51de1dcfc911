//! Exercise content: the built-in TOML files compiled into the binary, user
//! files from `<config>/content/*.toml` merged over them by `id`, and every
//! problem found on the way. Knows nothing of terminals or widgets.

pub mod say;
pub mod validate;

use std::fmt;
use std::path::{Path, PathBuf};

pub use validate::parse_file;

/// Every shipped content file, compiled in so soothe works with no files at all.
pub const BUILTIN: &[(&str, &str)] = &[
    ("breathing.toml", include_str!("../content/breathing.toml")),
    ("grounding.toml", include_str!("../content/grounding.toml")),
    (
        "relaxation.toml",
        include_str!("../content/relaxation.toml"),
    ),
    ("reframing.toml", include_str!("../content/reframing.toml")),
    ("send.toml", include_str!("../content/send.toml")),
    ("pause.toml", include_str!("../content/pause.toml")),
    ("plan.toml", include_str!("../content/plan.toml")),
    ("kind.toml", include_str!("../content/kind.toml")),
    ("good.toml", include_str!("../content/good.toml")),
    ("evidence.toml", include_str!("../content/evidence.toml")),
    ("ladder.toml", include_str!("../content/ladder.toml")),
    ("repair.toml", include_str!("../content/repair.toml")),
    ("talk.toml", include_str!("../content/talk.toml")),
    ("cards.toml", include_str!("../content/cards.toml")),
    ("help.toml", include_str!("../content/help.toml")),
];

/// The pattern `soothe breathe` uses when none is named.
pub const DEFAULT_PATTERN: &str = "4-4-6";
/// The variant `soothe ground` uses when none is named.
pub const DEFAULT_GROUNDING: &str = "5-4-3-2-1";
/// The program `soothe relax` uses when none is named: long enough to work,
/// short enough to finish in a bad moment.
pub const DEFAULT_PROGRAM: &str = "7-group";

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PhaseKind {
    Inhale,
    Hold,
    Exhale,
    /// The pause after breathing out.
    Rest,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Phase {
    pub kind: PhaseKind,
    pub ms: u64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Pattern {
    pub id: String,
    pub name: String,
    pub description: String,
    pub caution: Option<String>,
    pub phases: Vec<Phase>,
    pub origin: Origin,
}

impl Pattern {
    pub fn cycle_ms(&self) -> u64 {
        self.phases.iter().map(|p| p.ms).sum()
    }

    pub fn breaths_per_minute(&self) -> f64 {
        60_000.0 / self.cycle_ms() as f64
    }

    pub fn has_hold(&self) -> bool {
        self.phases
            .iter()
            .any(|p| matches!(p.kind, PhaseKind::Hold | PhaseKind::Rest))
    }

    /// "in 4 · hold 4 · out 6": the rhythm at a glance.
    pub fn rhythm(&self) -> String {
        let parts: Vec<String> = self
            .phases
            .iter()
            .map(|p| {
                let word = match p.kind {
                    PhaseKind::Inhale => "in",
                    PhaseKind::Hold => "hold",
                    PhaseKind::Exhale => "out",
                    PhaseKind::Rest => "rest",
                };
                format!("{word} {}", seconds_label(p.ms))
            })
            .collect();
        parts.join(" · ")
    }
}

/// 4000 -> "4", 5500 -> "5.5": seconds as a person would write them.
pub fn seconds_label(ms: u64) -> String {
    if ms.is_multiple_of(1000) {
        (ms / 1000).to_string()
    } else {
        let text = format!("{:.2}", ms as f64 / 1000.0);
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sense {
    See,
    Feel,
    Hear,
    Smell,
    Taste,
}

impl Sense {
    /// "Seen", "Felt", ...: how the summary heads each sense's list.
    pub fn noticed(self) -> &'static str {
        match self {
            Sense::See => "Seen",
            Sense::Feel => "Felt",
            Sense::Hear => "Heard",
            Sense::Smell => "Smelled",
            Sense::Taste => "Tasted",
        }
    }

    /// "See", "Feel", ...: the step's title.
    pub fn title(self) -> &'static str {
        match self {
            Sense::See => "See",
            Sense::Feel => "Feel",
            Sense::Hear => "Hear",
            Sense::Smell => "Smell",
            Sense::Taste => "Taste",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct GroundStep {
    pub sense: Sense,
    pub count: usize,
    pub prompt: String,
    pub hints: Vec<String>,
}

/// A grounding variant: senses in order, each with how many things to notice.
#[derive(Debug, Clone, PartialEq)]
pub struct Grounding {
    pub id: String,
    pub name: String,
    pub description: String,
    pub steps: Vec<GroundStep>,
    pub origin: Origin,
}

impl Grounding {
    /// Things to notice in all (15 for 5-4-3-2-1).
    pub fn items(&self) -> usize {
        self.steps.iter().map(|s| s.count).sum()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct RelaxStep {
    pub group: String,
    pub tense: String,
    pub release: String,
    pub notice: String,
    pub tense_ms: u64,
    pub release_ms: u64,
}

/// A progressive muscle relaxation program: muscle groups in order.
#[derive(Debug, Clone, PartialEq)]
pub struct Program {
    pub id: String,
    pub name: String,
    pub description: String,
    pub caution: Option<String>,
    pub steps: Vec<RelaxStep>,
    pub origin: Origin,
}

impl Program {
    pub fn total_ms(&self) -> u64 {
        self.steps.iter().map(|s| s.tense_ms + s.release_ms).sum()
    }
}

/// One line of reframing text: a thought, a question (with its hint), a
/// balanced thought, a kind word, a next step.
#[derive(Debug, Clone, PartialEq)]
pub struct Phrase {
    pub id: String,
    pub text: String,
    pub hint: Option<String>,
    pub origin: Origin,
}

/// An "I"-statement with `{feeling}`, `{situation}` and `{need}` to fill in.
#[derive(Debug, Clone, PartialEq)]
pub struct Template {
    pub id: String,
    pub template: String,
    pub origin: Origin,
}

impl Template {
    /// The sentence with the parts typed so far ("___" where one is missing).
    pub fn fill(&self, feeling: &str, situation: &str, need: &str) -> String {
        let part = |text: &str| {
            let text = text.trim();
            if text.is_empty() {
                "___".to_string()
            } else {
                text.to_string()
            }
        };
        self.template
            .replace("{feeling}", &part(feeling))
            .replace("{situation}", &part(situation))
            .replace("{need}", &part(need))
    }
}

/// Everything the reframing exercise says, each list merged by id.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Reframing {
    pub thoughts: Vec<Phrase>,
    pub questions: Vec<Phrase>,
    pub balanced: Vec<Phrase>,
    pub compassion: Vec<Phrase>,
    pub toolkit: Vec<Phrase>,
    pub statements: Vec<Template>,
    /// What each step asks, by step id ("situation", "thought", …).
    pub prompts: Vec<Phrase>,
}

impl Reframing {
    /// The prompt with `id`, or the id itself should a user file have
    /// replaced it with something broken (it is then skipped, never empty).
    pub fn prompt<'a>(&'a self, id: &'a str) -> (&'a str, Option<&'a str>) {
        match self.prompts.iter().find(|p| p.id == id) {
            Some(p) => (p.text.as_str(), p.hint.as_deref()),
            None => (id, None),
        }
    }
}

/// One thing `soothe send` looks for in a draft: whole-word phrases, or a
/// most for questions or words; and what to say when it is found.
#[derive(Debug, Clone, PartialEq)]
pub struct SendRule {
    pub id: String,
    pub name: String,
    /// Lower case; matched as whole words, whatever the draft's case.
    pub phrases: Vec<String>,
    /// Found when the draft asks more questions than this.
    pub most_questions: Option<usize>,
    /// Found when the draft is longer than this many words.
    pub most_words: Option<usize>,
    pub suggestion: String,
    pub origin: Origin,
}

impl Identified for SendRule {
    fn id(&self) -> &str {
        &self.id
    }
}

/// What a "time to get help" rule looks for in the recent journal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum HelpWhen {
    /// At least `sessions` sessions in seven days that started at `from` or more.
    HeavyWeek,
    /// The last `sessions` rated sessions of two weeks, each from `from` or
    /// more and ending no lower than it began.
    NotFalling,
    /// The safety plan was opened in the last seven days.
    PlanOpened,
}

/// One "time to get help" rule: when it holds, one calm line on the menu.
#[derive(Debug, Clone, PartialEq)]
pub struct HelpRule {
    pub id: String,
    pub when: HelpWhen,
    pub sessions: usize,
    pub from: u8,
    pub text: String,
    pub origin: Origin,
}

impl Identified for HelpRule {
    fn id(&self) -> &str {
        &self.id
    }
}

/// The most things a coping card lists to do.
pub const MOST_CARD_ACTIONS: usize = 3;

/// A coping card that ships with soothe (`content/cards.toml`): shown
/// until the person has cards of their own, and copied to be changed.
#[derive(Debug, Clone, PartialEq)]
pub struct StarterCard {
    pub id: String,
    pub when: String,
    pub notice: String,
    pub can: Vec<String>,
    pub remember: String,
    pub origin: Origin,
}

impl Identified for StarterCard {
    fn id(&self) -> &str {
        &self.id
    }
}

/// Anything merged by id.
pub trait Identified {
    fn id(&self) -> &str;
}

impl Identified for Pattern {
    fn id(&self) -> &str {
        &self.id
    }
}

impl Identified for Grounding {
    fn id(&self) -> &str {
        &self.id
    }
}

impl Identified for Program {
    fn id(&self) -> &str {
        &self.id
    }
}

impl Identified for Phrase {
    fn id(&self) -> &str {
        &self.id
    }
}

impl Identified for Template {
    fn id(&self) -> &str {
        &self.id
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    BuiltIn,
    User(PathBuf),
}

/// One thing wrong with one file, located as precisely as the parser allows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    /// 1-based line and column, when the problem has a place in the text.
    pub position: Option<(usize, usize)>,
    /// The field's path, e.g. `patterns[2].phases[1].seconds`.
    pub field: Option<String>,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some((line, col)) = self.position {
            write!(f, ":{line}:{col}")?;
        }
        write!(f, ": ")?;
        if let Some(field) = &self.field {
            write!(f, "{field}: ")?;
        }
        write!(f, "{}", self.message)
    }
}

/// Which built-in files a command needs. Parsing is most of soothe's start
/// (relaxation.toml alone takes about 0.1 ms), and `soothe breathe` is the
/// path that must be instant; it can only reach breathing and, by its way
/// out, grounding. User files are always read whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    All,
    Breathing,
}

impl Scope {
    fn includes(self, file: &str) -> bool {
        match self {
            Scope::All => true,
            Scope::Breathing => matches!(file, "breathing.toml" | "grounding.toml"),
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct Content {
    pub patterns: Vec<Pattern>,
    pub grounding: Vec<Grounding>,
    pub programs: Vec<Program>,
    pub reframing: Reframing,
    /// What `soothe send` looks for in a draft.
    pub send_rules: Vec<SendRule>,
    /// A break's flooding signs, and what else to do in it.
    pub signs: Vec<Phrase>,
    pub activities: Vec<Phrase>,
    /// What the break, message and safety screens say, by id.
    pub words: Vec<Phrase>,
    /// When the menu says it may be time to reach a person.
    pub help_rules: Vec<HelpRule>,
    /// Coping cards to start from.
    pub cards: Vec<StarterCard>,
    /// Problems in user files; their broken entries were left out.
    pub problems: Vec<Problem>,
}

impl Content {
    /// Only what ships in the binary.
    pub fn builtin() -> Content {
        Content::builtin_in(Scope::All)
    }

    fn builtin_in(scope: Scope) -> Content {
        let mut content = Content::default();
        for (name, text) in BUILTIN {
            if scope.includes(name) {
                content.take(parse_file(name, text, Origin::BuiltIn));
            }
        }
        content
    }

    /// The built-ins with every `*.toml` in `user_dir` merged over them, in
    /// file-name order. A missing folder is normal; anything unreadable or
    /// invalid becomes a problem and is skipped, never an error.
    pub fn load(user_dir: Option<&Path>) -> Content {
        Content::load_in(user_dir, Scope::All)
    }

    /// As [`Content::load`], with only the built-ins `scope` needs.
    pub fn load_in(user_dir: Option<&Path>, scope: Scope) -> Content {
        let mut content = Content::builtin_in(scope);
        let Some(dir) = user_dir else {
            return content;
        };
        let entries = match std::fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => return content,
            Err(err) => {
                content.problems.push(file_problem(dir, &err.to_string()));
                return content;
            }
        };
        let mut files: Vec<PathBuf> = entries
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
            .collect();
        files.sort();
        for path in files {
            match std::fs::read_to_string(&path) {
                Ok(text) => {
                    let shown = path.display().to_string();
                    content.take(parse_file(&shown, &text, Origin::User(path.clone())));
                }
                Err(err) => content.problems.push(file_problem(&path, &err.to_string())),
            }
        }
        content
    }

    fn take(&mut self, parsed: validate::Parsed) {
        merge(&mut self.patterns, parsed.patterns);
        merge(&mut self.grounding, parsed.grounding);
        merge(&mut self.programs, parsed.programs);
        let (mine, theirs) = (&mut self.reframing, parsed.reframing);
        merge(&mut mine.thoughts, theirs.thoughts);
        merge(&mut mine.questions, theirs.questions);
        merge(&mut mine.balanced, theirs.balanced);
        merge(&mut mine.compassion, theirs.compassion);
        merge(&mut mine.toolkit, theirs.toolkit);
        merge(&mut mine.statements, theirs.statements);
        merge(&mut mine.prompts, theirs.prompts);
        merge(&mut self.send_rules, parsed.send_rules);
        merge(&mut self.signs, parsed.signs);
        merge(&mut self.activities, parsed.activities);
        merge(&mut self.words, parsed.words);
        merge(&mut self.help_rules, parsed.help_rules);
        merge(&mut self.cards, parsed.cards);
        self.problems.extend(parsed.problems);
    }

    /// The words with `id`. The built-ins hold every id the screens use (a
    /// test checks), and a broken user entry never replaces one, so the
    /// id itself shows only if that test was ignored.
    pub fn say<'a>(&'a self, id: &'a str) -> &'a str {
        self.words
            .iter()
            .find(|w| w.id == id)
            .map_or(id, |w| w.text.as_str())
    }

    /// The words whose ids are `<prefix>.<number>`, in number order (the
    /// phrases a step offers; a user file adds one with a new number).
    pub fn numbered(&self, prefix: &str) -> Vec<&Phrase> {
        let mut found: Vec<(u32, &Phrase)> = self
            .words
            .iter()
            .filter_map(|w| {
                let rest = w.id.strip_prefix(prefix)?.strip_prefix('.')?;
                rest.parse::<u32>().ok().map(|n| (n, w))
            })
            .collect();
        found.sort_by_key(|(n, _)| *n);
        found.into_iter().map(|(_, w)| w).collect()
    }

    pub fn pattern(&self, id: &str) -> Option<&Pattern> {
        self.patterns.iter().find(|p| p.id == id)
    }

    pub fn pattern_ids(&self) -> Vec<&str> {
        self.patterns.iter().map(|p| p.id.as_str()).collect()
    }

    pub fn grounding(&self, id: &str) -> Option<&Grounding> {
        self.grounding.iter().find(|g| g.id == id)
    }

    pub fn program(&self, id: &str) -> Option<&Program> {
        self.programs.iter().find(|p| p.id == id)
    }

    /// The default variant, or the first there is (a user file may have
    /// replaced the built-ins' ids but can never remove them all).
    pub fn default_grounding(&self) -> &Grounding {
        self.grounding(DEFAULT_GROUNDING)
            .unwrap_or(&self.grounding[0])
    }

    pub fn default_program(&self) -> &Program {
        self.program(DEFAULT_PROGRAM).unwrap_or(&self.programs[0])
    }

    /// The distinct files with problems, for a one-line notice.
    pub fn problem_files(&self) -> Vec<&str> {
        let mut files: Vec<&str> = self.problems.iter().map(|p| p.file.as_str()).collect();
        files.dedup();
        files
    }
}

/// Same id replaces in place (keeping the list order familiar); a new id appends.
fn merge<T: Identified>(list: &mut Vec<T>, items: Vec<T>) {
    for item in items {
        match list.iter_mut().find(|existing| existing.id() == item.id()) {
            Some(existing) => *existing = item,
            None => list.push(item),
        }
    }
}

fn file_problem(path: &Path, message: &str) -> Problem {
    Problem {
        file: path.display().to_string(),
        position: None,
        field: None,
        message: message.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_send_rules_are_built_in_and_a_user_file_replaces_one_by_id() {
        let builtin = Content::builtin();
        let ids: Vec<&str> = builtin.send_rules.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "absolutes",
                "you-openings",
                "their-doing",
                "demands",
                "many-questions",
                "wall",
                "reassurance"
            ]
        );
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("mine.toml"),
            "version = 1\n[[send]]\nid = \"absolutes\"\nname = \"Mine\"\nphrases = [\"Forever\"]\nsuggestion = \"s\"\n\n[[send]]\nid = \"empty\"\nname = \"E\"\nsuggestion = \"s\"\n",
        )
        .unwrap();
        let content = Content::load(Some(dir.path()));
        let mine = content
            .send_rules
            .iter()
            .find(|r| r.id == "absolutes")
            .unwrap();
        assert_eq!(mine.phrases, ["forever"], "lower-cased");
        let problems: Vec<String> = content.problems.iter().map(ToString::to_string).collect();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].ends_with("send[1]: missing field `phrases`"),
            "{problems:?}"
        );
    }

    #[test]
    fn every_word_id_the_screens_use_is_built_in() {
        let sources = [
            include_str!("screen/pause.rs"),
            include_str!("screen/pause/draw.rs"),
            include_str!("screen/send.rs"),
            include_str!("screen/send/draw.rs"),
            include_str!("screen/safety.rs"),
            include_str!("plain/heated.rs"),
            include_str!("screen/kind.rs"),
            include_str!("screen/good.rs"),
            include_str!("screen/evidence.rs"),
            include_str!("screen/cards.rs"),
            include_str!("screen/ladder.rs"),
            include_str!("screen/repair.rs"),
            include_str!("screen/repair_together.rs"),
            include_str!("screen/talk.rs"),
        ];
        let builtin = Content::builtin();
        let mut used = 0;
        for source in sources {
            // Every string literal that looks like a word id.
            for literal in source.split('"').skip(1).step_by(2) {
                let is_id = [
                    "pause.",
                    "send.",
                    "safety.",
                    "kind.",
                    "plan.",
                    "good.",
                    "evidence.",
                    "cards.",
                    "ladder.",
                    "repair.",
                    "talk.",
                ]
                .iter()
                .any(|p| literal.starts_with(p))
                    && literal
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c == '.' || c == '-');
                if is_id {
                    used += 1;
                    // An id, or the prefix of numbered ones (`ladder.example.1`).
                    assert!(
                        builtin.say(literal) != literal || !builtin.numbered(literal).is_empty(),
                        "`{literal}` is not in the built-in content"
                    );
                }
            }
        }
        assert!(used > 20, "only {used} ids found: is the scan still right?");
    }

    #[test]
    fn every_builtin_file_parses_and_validates() {
        for (name, text) in BUILTIN {
            let parsed = parse_file(name, text, Origin::BuiltIn);
            assert!(parsed.problems.is_empty(), "{name}: {:?}", parsed.problems);
            let defined = parsed.patterns.len()
                + parsed.grounding.len()
                + parsed.programs.len()
                + parsed.reframing.thoughts.len()
                + parsed.send_rules.len()
                + parsed.signs.len()
                + parsed.words.len()
                + parsed.help_rules.len()
                + parsed.cards.len();
            assert!(defined > 0, "{name} defines nothing");
        }
    }

    #[test]
    fn builtin_patterns_are_the_six_of_the_spec_with_the_default_first() {
        let content = Content::builtin();
        assert_eq!(
            content.pattern_ids(),
            ["4-4-6", "gentle", "box", "4-7-8", "coherent", "sigh"]
        );
        assert_eq!(content.patterns[0].id, DEFAULT_PATTERN);
        let default = content.pattern(DEFAULT_PATTERN).unwrap();
        assert_eq!(default.rhythm(), "in 4 · hold 4 · out 6");
        assert_eq!(default.cycle_ms(), 14_000);
    }

    #[test]
    fn every_pattern_with_a_hold_has_a_caution() {
        for pattern in Content::builtin().patterns {
            if pattern.has_hold() {
                assert!(pattern.caution.is_some(), "{} lacks a caution", pattern.id);
            }
        }
    }

    #[test]
    fn breaths_per_minute_is_computed_from_the_phases() {
        let content = Content::builtin();
        let coherent = content.pattern("coherent").unwrap();
        assert!((coherent.breaths_per_minute() - 5.4545).abs() < 0.001);
        assert_eq!(coherent.rhythm(), "in 5.5 · out 5.5");
    }

    #[test]
    fn user_files_override_by_id_and_add_new_ids() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("mine.toml"),
            r#"version = 1
[[patterns]]
id = "box"
name = "My box"
description = "Slower box."
caution = "Holds."
phases = [{ kind = "inhale", seconds = 5 }, { kind = "hold", seconds = 5 },
          { kind = "exhale", seconds = 5 }, { kind = "rest", seconds = 5 }]
[[patterns]]
id = "long-out"
name = "Long out"
description = "Out for twice as long."
phases = [{ kind = "inhale", seconds = 4 }, { kind = "exhale", seconds = 8 }]
"#,
        )
        .unwrap();
        let content = Content::load(Some(dir.path()));
        assert!(content.problems.is_empty(), "{:?}", content.problems);
        assert_eq!(content.pattern("box").unwrap().name, "My box");
        assert_eq!(content.patterns.len(), 7);
        assert_eq!(content.patterns.last().unwrap().id, "long-out");
    }

    #[test]
    fn a_broken_user_file_keeps_every_builtin_and_names_the_file() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("broken.toml"), "version = 1\n[[patterns]\n").unwrap();
        std::fs::write(dir.path().join("notes.txt"), "not content").unwrap();
        let content = Content::load(Some(dir.path()));
        assert_eq!(content.patterns.len(), 6);
        assert_eq!(content.problems.len(), 1);
        let shown = content.problems[0].to_string();
        assert!(shown.contains("broken.toml:2:"), "{shown}");
    }

    #[test]
    fn the_breathing_scope_keeps_breathing_and_its_way_out_to_grounding() {
        let content = Content::load_in(None, Scope::Breathing);
        assert_eq!(content.patterns.len(), 6);
        assert_eq!(content.default_grounding().id, DEFAULT_GROUNDING);
        assert!(content.programs.is_empty());
    }

    #[test]
    fn a_missing_user_folder_is_not_a_problem() {
        let dir = tempfile::tempdir().unwrap();
        let content = Content::load(Some(&dir.path().join("nope")));
        assert!(content.problems.is_empty());
        assert_eq!(content.patterns.len(), 6);
    }

    #[test]
    fn builtin_grounding_and_relaxation_are_those_of_the_spec() {
        let content = Content::builtin();
        let ids: Vec<&str> = content.grounding.iter().map(|g| g.id.as_str()).collect();
        assert_eq!(ids, ["5-4-3-2-1", "short"]);
        let full = content.default_grounding();
        let senses: Vec<(Sense, usize)> = full.steps.iter().map(|s| (s.sense, s.count)).collect();
        assert_eq!(
            senses,
            [
                (Sense::See, 5),
                (Sense::Feel, 4),
                (Sense::Hear, 3),
                (Sense::Smell, 2),
                (Sense::Taste, 1)
            ]
        );
        assert_eq!(full.items(), 15);
        let short = content.grounding("short").unwrap();
        let senses: Vec<Sense> = short.steps.iter().map(|s| s.sense).collect();
        assert_eq!(senses, [Sense::See, Sense::Feel, Sense::Hear]);

        let sizes: Vec<(&str, usize)> = content
            .programs
            .iter()
            .map(|p| (p.id.as_str(), p.steps.len()))
            .collect();
        assert_eq!(sizes, [("16-group", 16), ("7-group", 7), ("4-group", 4)]);
        assert_eq!(content.default_program().id, DEFAULT_PROGRAM);
        for program in &content.programs {
            assert!(program.caution.is_some(), "{} lacks a caution", program.id);
            for step in &program.steps {
                assert!((3_000..=10_000).contains(&step.tense_ms), "{}", step.group);
                assert!(
                    (10_000..=60_000).contains(&step.release_ms),
                    "{}",
                    step.group
                );
            }
        }
        // Defaults, a per-program release and per-step tense overrides all apply.
        let seven = content.program("7-group").unwrap();
        assert_eq!(
            (seven.steps[0].tense_ms, seven.steps[0].release_ms),
            (6_000, 30_000)
        );
        assert_eq!(seven.steps[6].tense_ms, 5_000);
        let four = content.program("4-group").unwrap();
        assert_eq!(four.steps[0].release_ms, 40_000);
        assert_eq!(seven.total_ms(), 7 * 36_000 - 2_000);
    }

    #[test]
    fn builtin_reframing_has_what_the_thought_record_needs() {
        let r = Content::builtin().reframing;
        assert!(r.thoughts.len() >= 12 && r.balanced.len() >= 12);
        let questions: Vec<&str> = r.questions.iter().map(|q| q.id.as_str()).collect();
        assert_eq!(
            questions,
            [
                "evidence-for",
                "evidence-against",
                "another-explanation",
                "a-friend",
                "tolerate"
            ]
        );
        assert!(r.questions.iter().all(|q| q.hint.is_some()));
        assert!(r.compassion.len() >= 3 && r.toolkit.len() >= 7);
        let need = &r.statements[0];
        assert_eq!(
            need.fill("scared", "the phone stays quiet", ""),
            "I feel scared when the phone stays quiet, and I need ___."
        );
    }

    #[test]
    fn user_reframing_text_replaces_and_adds_by_id() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("mine.toml"),
            "version = 1\n[[thoughts]]\nid = \"no-reply\"\ntext = \"Still no text back.\"\n\
             [[toolkit]]\nid = \"cat\"\ntext = \"Sit with the cat\"\n",
        )
        .unwrap();
        let content = Content::load(Some(dir.path()));
        assert!(content.problems.is_empty(), "{:?}", content.problems);
        let r = &content.reframing;
        assert_eq!(r.thoughts[0].text, "Still no text back.");
        assert_eq!(
            r.thoughts.len(),
            Content::builtin().reframing.thoughts.len()
        );
        assert_eq!(r.toolkit.last().unwrap().text, "Sit with the cat");
    }

    #[test]
    fn user_grounding_and_programs_merge_by_id() {
        let dir = tempfile::tempdir().unwrap();
        let fixture = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/content/valid/grounding_and_relaxation.toml"
        );
        std::fs::copy(fixture, dir.path().join("mine.toml")).unwrap();
        let content = Content::load(Some(dir.path()));
        assert!(content.problems.is_empty(), "{:?}", content.problems);
        assert_eq!(content.grounding.len(), 2);
        assert_eq!(content.grounding("short").unwrap().name, "Two senses");
        assert_eq!(content.programs.len(), 4);
        let mine = content.program("hands-and-face").unwrap();
        assert_eq!(
            (mine.steps[0].tense_ms, mine.steps[0].release_ms),
            (4_500, 20_000)
        );
        assert_eq!(mine.steps[1].release_ms, 45_000);
        assert!(matches!(mine.origin, Origin::User(_)));
    }

    #[test]
    fn seconds_read_like_a_person_writes_them() {
        assert_eq!(seconds_label(4000), "4");
        assert_eq!(seconds_label(5500), "5.5");
        assert_eq!(seconds_label(750), "0.75");
    }
}
