//! Every message a content or settings problem can carry, made in one
//! place so they all read alike. The style rule: lower case, no full stop;
//! say what is wanted ("must be", "needs", "at most … fit"), then what was
//! found in parentheses or after a semicolon; quote names and ids in
//! backticks; never blame ("invalid"), except where the TOML reader's own
//! words are passed on as they are.

use std::fmt;

#[derive(Debug, Clone, PartialEq)]
pub enum Say<'a> {
    /// The TOML reader's own words (syntax, types), passed on.
    Reader(&'a str),
    Missing(&'a str),
    UnknownKey {
        key: &'a str,
        expected: &'a [&'a str],
    },
    NotAList,
    NotATable,
    Empty,
    TooLong {
        length: usize,
        max: usize,
    },
    Between {
        low: f64,
        high: f64,
        got: f64,
    },
    ListSize {
        low: usize,
        high: usize,
        noun: &'a str,
        len: usize,
    },
    IdCharacters,
    Duplicate {
        id: &'a str,
        noun: &'a str,
    },
    Version(u32),
    SlotOnce {
        slot: &'a str,
        count: usize,
    },
    NeedsPhase(&'a str),
    UnknownPattern {
        id: &'a str,
        ids: &'a [&'a str],
    },
}

impl fmt::Display for Say<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Say::Reader(words) => write!(f, "{}", words.trim()),
            Say::Missing(key) => write!(f, "missing field `{key}`"),
            Say::UnknownKey { key, expected } => {
                let expected: Vec<String> = expected.iter().map(|k| format!("`{k}`")).collect();
                write!(
                    f,
                    "unknown field `{key}`, expected one of {}",
                    expected.join(", ")
                )
            }
            Say::NotAList => write!(f, "must be a list of tables"),
            Say::NotATable => write!(f, "must be a table"),
            Say::Empty => write!(f, "must not be empty"),
            Say::TooLong { length, max } => {
                write!(f, "is {length} characters long; at most {max} fit")
            }
            Say::Between { low, high, got } => {
                write!(f, "must be between {low} and {high} (got {got})")
            }
            Say::ListSize {
                low: 0,
                high,
                noun,
                len,
            } => {
                write!(f, "at most {high} {noun} fit (has {len})")
            }
            Say::ListSize {
                low,
                high,
                noun,
                len,
            } => {
                write!(f, "needs {low} to {high} {noun} (has {len})")
            }
            Say::IdCharacters => write!(
                f,
                "may only use a-z, 0-9, '-', '_' and '.' (it is typed on the command line)"
            ),
            Say::Duplicate { id, noun } => {
                write!(
                    f,
                    "`{id}` is already used by an earlier {noun} in this file"
                )
            }
            Say::Version(v) => write!(f, "must be {v} (this soothe reads version {v} files)"),
            Say::SlotOnce { slot, count } => {
                write!(f, "must use {slot} exactly once (uses it {count} times)")
            }
            Say::NeedsPhase(word) => write!(f, "needs at least one `{word}` phase"),
            Say::UnknownPattern { id, ids } => {
                write!(
                    f,
                    "there is no pattern `{id}`; choose one of: {}",
                    ids.join(", ")
                )
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_follows_the_style_rule() {
        let all = [
            Say::Missing("version"),
            Say::UnknownKey {
                key: "x",
                expected: &["a"],
            },
            Say::NotAList,
            Say::NotATable,
            Say::Empty,
            Say::TooLong {
                length: 50,
                max: 40,
            },
            Say::Between {
                low: 0.5,
                high: 60.0,
                got: 0.0,
            },
            Say::ListSize {
                low: 1,
                high: 10,
                noun: "steps",
                len: 0,
            },
            Say::ListSize {
                low: 0,
                high: 8,
                noun: "hints",
                len: 9,
            },
            Say::IdCharacters,
            Say::Duplicate {
                id: "a",
                noun: "pattern",
            },
            Say::Version(1),
            Say::SlotOnce {
                slot: "{need}",
                count: 2,
            },
            Say::NeedsPhase("exhale"),
            Say::UnknownPattern {
                id: "x",
                ids: &["a"],
            },
        ];
        for say in all {
            let text = say.to_string();
            let first = text.chars().next().unwrap();
            assert!(!first.is_uppercase(), "{text}");
            assert!(!text.ends_with('.'), "{text}");
            assert!(!text.contains("invalid"), "{text}");
        }
    }
}
