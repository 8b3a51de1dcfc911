//! What soothe remembers between runs that is not a session, in
//! `<data>/state.toml`: that the safety question was shown (never its
//! answer), and the week of evening offers for three good things. Written
//! by replacing the file whole, 0600; a file that cannot be read counts as
//! nothing remembered.

use std::fs::{DirBuilder, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::Path;

use chrono::{DateTime, FixedOffset, NaiveDate, SecondsFormat};
use serde::{Deserialize, Serialize};

use crate::exercise::good::GoodWeek;

#[derive(Debug, Default, Clone, PartialEq, Serialize, Deserialize)]
pub struct State {
    /// When the safety question was first shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    safety_question_shown: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    good_week_started: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    good_last_written: Option<NaiveDate>,
    /// The last day a "time to get help" line was shown (once a week at most).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    help_line_shown: Option<NaiveDate>,
    /// Repairs whose if-then the menu has asked about (their record ids).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    follow_ups_asked: Vec<String>,
}

impl State {
    pub fn safety_asked(&self) -> bool {
        self.safety_question_shown.is_some()
    }

    /// Whether a "time to get help" line may show on `today`.
    pub fn help_line_due(&self, today: NaiveDate) -> bool {
        self.help_line_shown
            .is_none_or(|shown| (today - shown).num_days() >= 7)
    }

    pub fn follow_ups_asked(&self) -> Vec<String> {
        self.follow_ups_asked.clone()
    }

    pub fn good_week(&self) -> GoodWeek {
        GoodWeek {
            started: self.good_week_started,
            last: self.good_last_written,
        }
    }
}

/// What is remembered (nothing, with no file or no data folder).
pub fn load(path: Option<&Path>) -> State {
    path.and_then(|path| std::fs::read_to_string(path).ok())
        .and_then(|text| toml::from_str(&text).ok())
        .unwrap_or_default()
}

fn save(path: &Path, state: &State) -> io::Result<()> {
    if let Some(dir) = path.parent()
        && !dir.as_os_str().is_empty()
    {
        DirBuilder::new().recursive(true).mode(0o700).create(dir)?;
    }
    let text = toml::to_string(state).map_err(io::Error::other)?;
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

/// Whether the safety question was shown before.
pub fn safety_asked(path: Option<&Path>) -> bool {
    load(path).safety_asked()
}

/// Remembers that the safety question was shown, at `at`.
pub fn remember_safety(path: &Path, at: DateTime<FixedOffset>) -> io::Result<()> {
    let mut state = load(Some(path));
    state.safety_question_shown = Some(at.to_rfc3339_opts(SecondsFormat::Secs, false));
    save(path, &state)
}

/// Remembers that a "time to get help" line was shown on `day`.
pub fn remember_help_line(path: &Path, day: NaiveDate) -> io::Result<()> {
    let mut state = load(Some(path));
    state.help_line_shown = Some(day);
    save(path, &state)
}

/// Remembers that a repair's follow-up was asked on the menu.
pub fn remember_follow_up(path: &Path, repair: &str) -> io::Result<()> {
    let mut state = load(Some(path));
    if !state.follow_ups_asked.iter().any(|id| id == repair) {
        state.follow_ups_asked.push(repair.to_string());
    }
    save(path, &state)
}

/// Remembers the week of good-things offers.
pub fn remember_good(path: &Path, week: GoodWeek) -> io::Result<()> {
    let mut state = load(Some(path));
    state.good_week_started = week.started;
    state.good_last_written = week.last;
    save(path, &state)
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
    fn the_good_week_is_kept_beside_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.toml");
        let at = DateTime::parse_from_rfc3339("2026-12-01T21:40:00+01:00").unwrap();
        remember_safety(&path, at).unwrap();
        let week = GoodWeek::default().written(at.date_naive());
        remember_good(&path, week).unwrap();
        let state = load(Some(&path));
        assert!(state.safety_asked());
        assert_eq!(state.good_week(), week);
    }

    #[test]
    fn a_help_line_shows_at_most_once_a_week() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.toml");
        let day = |d| NaiveDate::from_ymd_opt(2026, 12, d).unwrap();
        assert!(load(Some(&path)).help_line_due(day(1)));
        remember_help_line(&path, day(1)).unwrap();
        assert!(!load(Some(&path)).help_line_due(day(7)));
        assert!(load(Some(&path)).help_line_due(day(8)));
    }

    #[test]
    fn an_unreadable_state_file_counts_as_nothing_remembered() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.toml");
        std::fs::write(&path, "not = [toml").unwrap();
        assert!(!safety_asked(Some(&path)));
    }
}
