//! Exercise content: the built-in TOML files compiled into the binary, user
//! files from `<config>/content/*.toml` merged over them by `id`, and every
//! problem found on the way. Knows nothing of terminals or widgets.

mod validate;

use std::fmt;
use std::path::{Path, PathBuf};

pub use validate::parse_file;

/// Every shipped content file, compiled in so soothe works with no files at all.
pub const BUILTIN: &[(&str, &str)] =
    &[("breathing.toml", include_str!("../content/breathing.toml"))];

/// The pattern `soothe breathe` uses when none is named.
pub const DEFAULT_PATTERN: &str = "4-4-6";

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

#[derive(Debug, Clone, Default)]
pub struct Content {
    pub patterns: Vec<Pattern>,
    /// Problems in user files; their broken entries were left out.
    pub problems: Vec<Problem>,
}

impl Content {
    /// Only what ships in the binary.
    pub fn builtin() -> Content {
        let mut content = Content::default();
        for (name, text) in BUILTIN {
            let parsed = parse_file(name, text, Origin::BuiltIn);
            content.merge(parsed.patterns);
            content.problems.extend(parsed.problems);
        }
        content
    }

    /// The built-ins with every `*.toml` in `user_dir` merged over them, in
    /// file-name order. A missing folder is normal; anything unreadable or
    /// invalid becomes a problem and is skipped, never an error.
    pub fn load(user_dir: Option<&Path>) -> Content {
        let mut content = Content::builtin();
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
                    let parsed = parse_file(&shown, &text, Origin::User(path.clone()));
                    content.merge(parsed.patterns);
                    content.problems.extend(parsed.problems);
                }
                Err(err) => content.problems.push(file_problem(&path, &err.to_string())),
            }
        }
        content
    }

    /// Same id replaces in place (keeping the list order familiar); a new id appends.
    fn merge(&mut self, patterns: Vec<Pattern>) {
        for pattern in patterns {
            match self.patterns.iter_mut().find(|p| p.id == pattern.id) {
                Some(existing) => *existing = pattern,
                None => self.patterns.push(pattern),
            }
        }
    }

    pub fn pattern(&self, id: &str) -> Option<&Pattern> {
        self.patterns.iter().find(|p| p.id == id)
    }

    pub fn pattern_ids(&self) -> Vec<&str> {
        self.patterns.iter().map(|p| p.id.as_str()).collect()
    }

    /// The distinct files with problems, for a one-line notice.
    pub fn problem_files(&self) -> Vec<&str> {
        let mut files: Vec<&str> = self.problems.iter().map(|p| p.file.as_str()).collect();
        files.dedup();
        files
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
    fn every_builtin_file_parses_and_validates() {
        for (name, text) in BUILTIN {
            let parsed = parse_file(name, text, Origin::BuiltIn);
            assert!(parsed.problems.is_empty(), "{name}: {:?}", parsed.problems);
            assert!(!parsed.patterns.is_empty(), "{name} defines nothing");
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
    fn a_missing_user_folder_is_not_a_problem() {
        let dir = tempfile::tempdir().unwrap();
        let content = Content::load(Some(&dir.path().join("nope")));
        assert!(content.problems.is_empty());
        assert_eq!(content.patterns.len(), 6);
    }

    #[test]
    fn seconds_read_like_a_person_writes_them() {
        assert_eq!(seconds_label(4000), "4");
        assert_eq!(seconds_label(5500), "5.5");
        assert_eq!(seconds_label(750), "0.75");
    }
}
