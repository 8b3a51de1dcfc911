//! `soothe check`: every problem in content and settings files, and a
//! warning for text holding control or escape characters (soothe removes
//! them on display, so what shows is not what was written). Pure: texts in,
//! findings out; the command reads the files.

use serde::Serialize;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::content::validate::line_col;
use crate::content::{Origin, Problem, parse_file};
use crate::sanitize;

/// Which reader a file needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Content,
    Settings,
}

impl FileKind {
    /// `config.toml` is settings; any other TOML file is content.
    pub fn of(path: &std::path::Path) -> FileKind {
        if path.file_name().is_some_and(|n| n == "config.toml") {
            FileKind::Settings
        } else {
            FileKind::Content
        }
    }
}

/// One finding, as `--format json` prints it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub file: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub field: Option<String>,
    pub message: String,
}

impl From<&Problem> for Finding {
    fn from(problem: &Problem) -> Finding {
        Finding {
            file: problem.file.clone(),
            line: problem.position.map(|(line, _)| line),
            column: problem.position.map(|(_, col)| col),
            field: problem.field.clone(),
            message: problem.message.clone(),
        }
    }
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.file)?;
        if let (Some(line), Some(col)) = (self.line, self.column) {
            write!(f, ":{line}:{col}")?;
        }
        write!(f, ": ")?;
        if let Some(field) = &self.field {
            write!(f, "{field}: ")?;
        }
        write!(f, "{}", self.message)
    }
}

/// What checking one file found.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    pub problems: Vec<Finding>,
    pub warnings: Vec<Finding>,
}

impl Report {
    /// "2 problems and 1 warning in 3 files", "no problems in 1 file".
    pub fn summary(&self, files: usize) -> String {
        let count = |n: usize, one: &str, many: &str| match n {
            0 => format!("no {many}"),
            1 => format!("1 {one}"),
            n => format!("{n} {many}"),
        };
        let mut summary = count(self.problems.len(), "problem", "problems");
        if !self.warnings.is_empty() {
            summary = format!(
                "{summary} and {}",
                count(self.warnings.len(), "warning", "warnings")
            );
        }
        let files = if files == 1 {
            "1 file".to_string()
        } else {
            format!("{files} files")
        };
        format!("{summary} in {files}")
    }
}

/// Checks one file's text. `pattern_ids` are the patterns a settings file
/// may name as its default.
pub fn check(name: &str, text: &str, kind: FileKind, pattern_ids: &[&str]) -> Report {
    let problems = match kind {
        FileKind::Content => parse_file(name, text, Origin::User(name.into())).problems,
        FileKind::Settings => crate::settings::parse(name, text, pattern_ids).problems,
    };
    Report {
        problems: problems.iter().map(Finding::from).collect(),
        warnings: unsafe_text(name, text),
    }
}

/// A warning at every string that holds control or escape characters.
fn unsafe_text(name: &str, text: &str) -> Vec<Finding> {
    let Ok(document) = DeTable::parse(text) else {
        // Not TOML: the problems say so already.
        return Vec::new();
    };
    let mut found = Vec::new();
    let mut visit = |at: usize| {
        let (line, column) = line_col(text, at);
        found.push(Finding {
            file: name.to_string(),
            line: Some(line),
            column: Some(column),
            field: None,
            message: "warning: control or escape characters here are removed on display".into(),
        });
    };
    for (_, value) in document.get_ref().iter() {
        walk(value, &mut visit);
    }
    found.sort_by_key(|f| (f.line, f.column));
    found
}

fn walk(value: &Spanned<DeValue<'_>>, visit: &mut impl FnMut(usize)) {
    match value.get_ref() {
        DeValue::String(text) if !sanitize::unsafe_at(text).is_empty() => {
            visit(value.span().start);
        }
        DeValue::Array(items) => items.iter().for_each(|item| walk(item, visit)),
        DeValue::Table(table) => table.iter().for_each(|(_, item)| walk(item, visit)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const IDS: &[&str] = &["4-4-6"];

    #[test]
    fn problems_and_escape_warnings_are_both_found() {
        let text = "version = 1\n[[patterns]]\nid = \"x\"\nname = \"Red \\u001b[31m\"\ndescription = 5\nphases = []\n";
        let report = check("mine.toml", text, FileKind::Content, IDS);
        let problems: Vec<String> = report.problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            problems,
            [
                "mine.toml:5:15: patterns[0].description: invalid type: integer `5`, expected a string"
            ]
        );
        let warnings: Vec<String> = report.warnings.iter().map(ToString::to_string).collect();
        assert_eq!(
            warnings,
            ["mine.toml:4:8: warning: control or escape characters here are removed on display"]
        );
    }

    #[test]
    fn settings_are_checked_as_settings() {
        let report = check("config.toml", "bell = 1\n", FileKind::Settings, IDS);
        assert_eq!(report.problems.len(), 1);
        assert_eq!(
            FileKind::of(std::path::Path::new("/x/config.toml")),
            FileKind::Settings
        );
        assert_eq!(
            FileKind::of(std::path::Path::new("calm.toml")),
            FileKind::Content
        );
    }

    #[test]
    fn a_clean_file_has_nothing_to_say() {
        let text = "version = 1\n[[patterns]]\nid = \"x\"\nname = \"X\"\ndescription = \"d\"\nphases = [{ kind = \"inhale\", seconds = 4 }, { kind = \"exhale\", seconds = 4 }]\n";
        assert_eq!(
            check("x.toml", text, FileKind::Content, IDS),
            Report::default()
        );
    }
}
