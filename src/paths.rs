//! Where soothe's files live: the platform's folders from `directories`,
//! unless the command line or environment names others.

use std::path::{Path, PathBuf};

use directories::ProjectDirs;

/// What chose a folder, for `soothe paths` and `soothe doctor`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rule {
    /// `--config-dir` / `--data-dir`.
    Flag,
    /// `SOOTHE_CONFIG_DIR` / `SOOTHE_DATA_DIR`.
    SootheVariable,
    /// `XDG_CONFIG_HOME` / `XDG_DATA_HOME`, on every platform (macOS too).
    Xdg,
    /// The platform's own folder (`directories`).
    Platform,
    /// No home folder to derive one from.
    Unknown,
}

impl Rule {
    /// Said after the folder: which rule chose it.
    pub fn said(self, which: Which) -> &'static str {
        match (self, which) {
            (Rule::Flag, Which::Config) => "from --config-dir",
            (Rule::Flag, Which::Data) => "from --data-dir",
            (Rule::SootheVariable, Which::Config) => "from SOOTHE_CONFIG_DIR",
            (Rule::SootheVariable, Which::Data) => "from SOOTHE_DATA_DIR",
            (Rule::Xdg, Which::Config) => "from XDG_CONFIG_HOME",
            (Rule::Xdg, Which::Data) => "from XDG_DATA_HOME",
            (Rule::Platform, _) => "the platform's default",
            (Rule::Unknown, _) => "no home folder",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Which {
    Config,
    Data,
}

#[derive(Debug, Clone)]
pub struct Paths {
    /// `None` only when the platform has no home folder to derive one from.
    pub config_dir: Option<PathBuf>,
    pub data_dir: Option<PathBuf>,
    pub config_rule: Rule,
    pub data_rule: Rule,
}

impl Paths {
    /// The folders for this run: what the command line (or `SOOTHE_*`)
    /// gave, else `XDG_*_HOME` when set to an absolute path, else the
    /// platform's folders.
    pub fn resolve(config_dir: Option<PathBuf>, data_dir: Option<PathBuf>) -> Paths {
        Paths::resolve_in(config_dir, data_dir, &|name| std::env::var_os(name))
    }

    pub fn resolve_in(
        config_dir: Option<PathBuf>,
        data_dir: Option<PathBuf>,
        env: &dyn Fn(&str) -> Option<std::ffi::OsString>,
    ) -> Paths {
        let project = ProjectDirs::from("", "", "soothe");
        let (config_dir, config_rule) = choose(
            config_dir,
            env("SOOTHE_CONFIG_DIR"),
            env("XDG_CONFIG_HOME"),
            project.as_ref().map(|p| p.config_dir().to_path_buf()),
        );
        let (data_dir, data_rule) = choose(
            data_dir,
            env("SOOTHE_DATA_DIR"),
            env("XDG_DATA_HOME"),
            project.as_ref().map(|p| p.data_dir().to_path_buf()),
        );
        Paths {
            config_dir,
            data_dir,
            config_rule,
            data_rule,
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

/// The first rule that gives a folder. The command line's value comes
/// through clap, which also reads `SOOTHE_*`: the variable is named when it
/// holds the same folder. XDG's folders must be absolute (the XDG spec
/// ignores relative ones).
fn choose(
    given: Option<PathBuf>,
    soothe_variable: Option<std::ffi::OsString>,
    xdg: Option<std::ffi::OsString>,
    platform: Option<PathBuf>,
) -> (Option<PathBuf>, Rule) {
    if let Some(given) = given.filter(|p| !p.as_os_str().is_empty()) {
        let rule = if soothe_variable.is_some_and(|v| v == given.as_os_str()) {
            Rule::SootheVariable
        } else {
            Rule::Flag
        };
        return (Some(given), rule);
    }
    if let Some(xdg) = xdg.map(PathBuf::from).filter(|p| p.is_absolute()) {
        return (Some(xdg.join("soothe")), Rule::Xdg);
    }
    match platform {
        Some(dir) => (Some(dir), Rule::Platform),
        None => (None, Rule::Unknown),
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

    #[test]
    fn xdg_folders_are_honoured_on_every_platform_and_each_rule_is_named() {
        let env = |name: &str| match name {
            "XDG_CONFIG_HOME" => Some("/x/config".into()),
            "XDG_DATA_HOME" => Some("relative/data".into()),
            "SOOTHE_DATA_DIR" => Some("/from/env".into()),
            _ => None,
        };
        let paths = Paths::resolve_in(None, None, &env);
        assert_eq!(paths.config_dir, Some(PathBuf::from("/x/config/soothe")));
        assert_eq!(paths.config_rule, Rule::Xdg);
        // A relative XDG folder is ignored, as the XDG spec says.
        assert_eq!(paths.data_rule, Rule::Platform);
        let given = Paths::resolve_in(Some("/c".into()), Some("/from/env".into()), &env);
        assert_eq!(given.config_rule, Rule::Flag);
        assert_eq!(given.data_rule, Rule::SootheVariable);
        assert_eq!(given.data_rule.said(Which::Data), "from SOOTHE_DATA_DIR");
        let none = Paths::resolve_in(None, None, &|_| None);
        assert_eq!(none.config_rule, Rule::Platform);
    }
}
