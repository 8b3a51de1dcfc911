//! Where soothe's files live: the platform's folders from `directories`,
//! unless the command line or environment names others.

use std::path::{Path, PathBuf};

use directories::ProjectDirs;

#[derive(Debug, Clone)]
pub struct Paths {
    /// `None` only when the platform has no home folder to derive one from.
    pub config_dir: Option<PathBuf>,
    pub data_dir: Option<PathBuf>,
}

impl Paths {
    pub fn resolve(config_dir: Option<PathBuf>, data_dir: Option<PathBuf>) -> Paths {
        let non_empty = |p: Option<PathBuf>| p.filter(|p| !p.as_os_str().is_empty());
        let project = ProjectDirs::from("", "", "soothe");
        Paths {
            config_dir: non_empty(config_dir)
                .or_else(|| project.as_ref().map(|p| p.config_dir().to_path_buf())),
            data_dir: non_empty(data_dir)
                .or_else(|| project.as_ref().map(|p| p.data_dir().to_path_buf())),
        }
    }

    pub fn content_dir(&self) -> Option<PathBuf> {
        self.config_dir.as_deref().map(|d| d.join("content"))
    }

    pub fn config_file(&self) -> Option<PathBuf> {
        self.config_dir.as_deref().map(|d| d.join("config.toml"))
    }

    pub fn journal_file(&self) -> Option<PathBuf> {
        self.data_dir.as_deref().map(|d| d.join("journal.jsonl"))
    }

    /// What the person plans to practise, and when.
    pub fn practice_file(&self) -> Option<PathBuf> {
        self.data_dir.as_deref().map(|d| d.join("practice.toml"))
    }

    /// The coping cards, the person's own document.
    pub fn cards_file(&self) -> Option<PathBuf> {
        self.data_dir.as_deref().map(|d| d.join("cards.toml"))
    }

    /// The ladders of time apart, the person's own document.
    pub fn ladders_file(&self) -> Option<PathBuf> {
        self.data_dir.as_deref().map(|d| d.join("ladders.toml"))
    }

    /// The beliefs and their evidence, the person's own document.
    pub fn beliefs_file(&self) -> Option<PathBuf> {
        self.data_dir.as_deref().map(|d| d.join("beliefs.toml"))
    }

    /// The safety plan, the person's own document.
    pub fn plan_file(&self) -> Option<PathBuf> {
        self.data_dir.as_deref().map(|d| d.join("plan.toml"))
    }

    /// What soothe remembers between runs (that the safety question was shown).
    pub fn state_file(&self) -> Option<PathBuf> {
        self.data_dir.as_deref().map(|d| d.join("state.toml"))
    }
}

pub fn show(path: Option<&Path>) -> String {
    path.map_or_else(
        || "(unknown: no home folder)".into(),
        |p| p.display().to_string(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn given_folders_win_and_empty_ones_do_not_count() {
        let paths = Paths::resolve(Some("/c".into()), Some("/d".into()));
        assert_eq!(paths.content_dir(), Some(PathBuf::from("/c/content")));
        assert_eq!(
            paths.journal_file(),
            Some(PathBuf::from("/d/journal.jsonl"))
        );
        let fallback = Paths::resolve(Some("".into()), None);
        assert_ne!(fallback.config_dir, Some(PathBuf::new()));
    }
}
