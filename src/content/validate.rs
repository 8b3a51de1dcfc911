//! Strict parsing of one content file: serde does the shape (unknown keys and
//! kinds are errors), then every value is checked against its range. Each
//! problem carries the file, line:col and the field's path; valid entries of
//! a partly broken file are kept, broken ones left out.

use std::collections::HashSet;
use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use super::{Origin, Pattern, Phase, PhaseKind, Problem};
use crate::sanitize;

pub const VERSION: u32 = 1;
pub const SECONDS_RANGE: (f64, f64) = (0.5, 60.0);
const MAX_ID: usize = 32;
const MAX_NAME: usize = 40;
const MAX_DESCRIPTION: usize = 160;
const MAX_CAUTION: usize = 240;
const MAX_PHASES: usize = 12;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    version: Spanned<u32>,
    #[serde(default)]
    patterns: Vec<Spanned<RawPattern>>,
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

pub struct Parsed {
    pub patterns: Vec<Pattern>,
    pub problems: Vec<Problem>,
}

/// Parses and validates one file. `name` is how the file is shown in problems.
pub fn parse_file(name: &str, text: &str, origin: Origin) -> Parsed {
    let mut checker = Checker {
        name,
        text,
        problems: Vec::new(),
    };
    let raw: RawFile = match toml::from_str(text) {
        Ok(raw) => raw,
        Err(err) => {
            // An empty span means the document as a whole (e.g. `version` missing).
            let field = err
                .span()
                .filter(|span| !span.is_empty())
                .and_then(|span| field_path_at(text, span.start));
            checker.report(err.span(), field, err.message().trim().to_string());
            return Parsed {
                patterns: Vec::new(),
                problems: checker.problems,
            };
        }
    };
    if *raw.version.get_ref() != VERSION {
        checker.report(
            Some(raw.version.span()),
            Some("version".into()),
            format!("must be {VERSION} (this soothe reads version {VERSION} files)"),
        );
        return Parsed {
            patterns: Vec::new(),
            problems: checker.problems,
        };
    }
    let mut seen = HashSet::new();
    let mut patterns = Vec::new();
    for (index, raw_pattern) in raw.patterns.into_iter().enumerate() {
        let before = checker.problems.len();
        let pattern = checker.pattern(index, raw_pattern.into_inner(), &mut seen, &origin);
        if checker.problems.len() == before {
            patterns.extend(pattern);
        }
    }
    Parsed {
        patterns,
        problems: checker.problems,
    }
}

struct Checker<'a> {
    name: &'a str,
    text: &'a str,
    problems: Vec<Problem>,
}

impl Checker<'_> {
    fn report(&mut self, span: Option<Range<usize>>, field: Option<String>, message: String) {
        let position = span.map(|s| line_col(self.text, s.start));
        self.problems.push(Problem {
            file: self.name.to_string(),
            position,
            field,
            message,
        });
    }

    /// Sanitises a text field and checks it is non-empty and not too long.
    fn text(
        &mut self,
        value: &Spanned<String>,
        field: String,
        max: usize,
        required: bool,
    ) -> String {
        let clean = sanitize::line(value.get_ref());
        let length = clean.chars().count();
        if required && clean.is_empty() {
            self.report(Some(value.span()), Some(field), "must not be empty".into());
        } else if length > max {
            self.report(
                Some(value.span()),
                Some(field),
                format!("is {length} characters long; at most {max} fit"),
            );
        }
        clean
    }

    fn pattern(
        &mut self,
        index: usize,
        raw: RawPattern,
        seen: &mut HashSet<String>,
        origin: &Origin,
    ) -> Option<Pattern> {
        let at = format!("patterns[{index}]");
        let id = self.text(&raw.id, format!("{at}.id"), MAX_ID, true);
        if !id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_' | '.'))
        {
            self.report(
                Some(raw.id.span()),
                Some(format!("{at}.id")),
                "may only use a-z, 0-9, '-', '_' and '.' (it is typed on the command line)".into(),
            );
        }
        if !id.is_empty() && !seen.insert(id.clone()) {
            self.report(
                Some(raw.id.span()),
                Some(format!("{at}.id")),
                format!("`{id}` is already used by an earlier pattern in this file"),
            );
        }
        let name = self.text(&raw.name, format!("{at}.name"), MAX_NAME, true);
        let description = self.text(
            &raw.description,
            format!("{at}.description"),
            MAX_DESCRIPTION,
            true,
        );
        let caution = raw
            .caution
            .as_ref()
            .map(|c| self.text(c, format!("{at}.caution"), MAX_CAUTION, true));

        let phases_span = raw.phases.span();
        let raw_phases = raw.phases.into_inner();
        if raw_phases.is_empty() || raw_phases.len() > MAX_PHASES {
            self.report(
                Some(phases_span.clone()),
                Some(format!("{at}.phases")),
                format!("needs 1 to {MAX_PHASES} phases (has {})", raw_phases.len()),
            );
        }
        let mut phases = Vec::with_capacity(raw_phases.len());
        for (i, phase) in raw_phases.iter().enumerate() {
            let seconds = *phase.seconds.get_ref();
            let (low, high) = SECONDS_RANGE;
            if !(low..=high).contains(&seconds) {
                self.report(
                    Some(phase.seconds.span()),
                    Some(format!("{at}.phases[{i}].seconds")),
                    format!("must be between {low} and {high} (got {seconds})"),
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
                    format!("needs at least one `{word}` phase"),
                );
            }
        }
        Some(Pattern {
            id,
            name,
            description,
            caution,
            phases,
            origin: origin.clone(),
        })
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
