//! What soothe remembers between runs that is not a session: for now only
//! that the safety question was shown (never its answer), in
//! `<data>/state.toml`. Written by replacing the file whole, 0600; a file
//! that cannot be read counts as nothing remembered.

use std::fs::{DirBuilder, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::Path;

use chrono::{DateTime, FixedOffset, SecondsFormat};
use serde::{Deserialize, Serialize};

#[derive(Debug, Default, Serialize, Deserialize)]
struct State {
    /// When the safety question was first shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    safety_question_shown: Option<String>,
}

fn read(path: &Path) -> State {
    std::fs::read_to_string(path)
        .ok()
        .and_then(|text| toml::from_str(&text).ok())
        .unwrap_or_default()
}

/// Whether the safety question was shown before.
pub fn safety_asked(path: Option<&Path>) -> bool {
    path.is_some_and(|path| read(path).safety_question_shown.is_some())
}

/// Remembers that the safety question was shown, at `at`.
pub fn remember_safety(path: &Path, at: DateTime<FixedOffset>) -> io::Result<()> {
    let mut state = read(path);
    state.safety_question_shown = Some(at.to_rfc3339_opts(SecondsFormat::Secs, false));
    if let Some(dir) = path.parent()
        && !dir.as_os_str().is_empty()
    {
        DirBuilder::new().recursive(true).mode(0o700).create(dir)?;
    }
    let text = toml::to_string(&state).map_err(io::Error::other)?;
    let fresh = path.with_extension("toml.new");
    let mut file = OpenOptions::new()
        .create(true)
        .write(true)
        .truncate(true)
        .mode(0o600)
        .open(&fresh)?;
    file.write_all(text.as_bytes())?;
    file.sync_data()?;
    std::fs::rename(&fresh, path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_safety_question_is_remembered_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("data/state.toml");
        assert!(!safety_asked(Some(&path)));
        let at = DateTime::parse_from_rfc3339("2026-12-01T21:40:00+01:00").unwrap();
        remember_safety(&path, at).unwrap();
        assert!(safety_asked(Some(&path)));
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            text.trim(),
            "safety_question_shown = \"2026-12-01T21:40:00+01:00\""
        );
        assert!(!safety_asked(None));
    }

    #[test]
    fn an_unreadable_state_file_counts_as_nothing_remembered() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.toml");
        std::fs::write(&path, "not = [toml").unwrap();
        assert!(!safety_asked(Some(&path)));
    }
}
