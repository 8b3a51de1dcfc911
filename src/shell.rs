//! `soothe init`: the snippets that bind one key to soothe in tmux, zsh,
//! bash, fish and zellij, printed for the person to add (soothe never edits
//! a dotfile). Pure text from templates in `shell/`: the absolute path of
//! the binary, the key and the exercise go in; no flags go on the launched
//! command, so `config.toml` decides colour, motion and bell (a popup does
//! not carry the shell's environment).

use std::path::Path;

/// Where the key is bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Target {
    Tmux,
    Zsh,
    Bash,
    Fish,
    Zellij,
}

/// What the key opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Opens {
    #[default]
    Breathe,
    Ground,
    Relax,
}

impl Target {
    /// The key when none is given, in the target's own notation: prefix +
    /// B in tmux, Ctrl-X Ctrl-B in the shells (two bytes, so old bash takes
    /// it), Alt B in zellij.
    pub fn default_key(self) -> &'static str {
        match self {
            Target::Tmux => "B",
            Target::Zsh => "^X^B",
            Target::Bash => "\\C-x\\C-b",
            Target::Fish => "\\cx\\cb",
            Target::Zellij => "Alt b",
        }
    }

    fn template(self) -> &'static str {
        match self {
            Target::Tmux => include_str!("shell/soothe.tmux"),
            Target::Zsh => include_str!("shell/soothe.zsh"),
            Target::Bash => include_str!("shell/soothe.bash"),
            Target::Fish => include_str!("shell/soothe.fish"),
            Target::Zellij => include_str!("shell/soothe.kdl"),
        }
    }
}

impl Opens {
    fn command(self) -> &'static str {
        match self {
            Opens::Breathe => "breathe",
            Opens::Ground => "ground",
            Opens::Relax => "relax",
        }
    }
}

/// Characters that would need quoting beyond what the templates do: they
/// put the path in single quotes (inside double ones for tmux's popup) and
/// in a KDL string.
const UNSAFE_IN_PATH: &[char] = &['\'', '"', '$', '`', '\\', '\n', '\r'];

/// The snippet for `target`, or why there is none.
pub fn snippet(
    target: Target,
    binary: &Path,
    key: Option<&str>,
    opens: Opens,
) -> Result<String, String> {
    let path = binary
        .to_str()
        .ok_or_else(|| format!("the path of soothe is not UTF-8: {}", binary.display()))?;
    if let Some(bad) = path.chars().find(|c| UNSAFE_IN_PATH.contains(c)) {
        return Err(format!(
            "the path of soothe has a {bad:?} in it, which a key binding cannot carry safely: {path}"
        ));
    }
    if !binary.is_absolute() {
        return Err(format!("the path of soothe is not absolute: {path}"));
    }
    let key = key.unwrap_or(target.default_key());
    // What a shell or tmux would read as something other than a key:
    // quoting, commands, globs, comments.
    let bad_key =
        |c: char| "'\"\n\r{};$`()|&<>*?~#".contains(c) || (c == ' ' && target != Target::Zellij);
    if key.is_empty() || key.chars().any(bad_key) {
        return Err(format!(
            "the key {key:?} cannot be used here: give it in {}'s own notation, like {}",
            name(target),
            target.default_key()
        ));
    }
    Ok(target
        .template()
        .replace("{{PATH}}", path)
        .replace("{{KEY}}", key)
        .replace("{{EXERCISE}}", opens.command()))
}

/// The target as the command line names it.
fn name(target: Target) -> String {
    use clap::ValueEnum;
    target
        .to_possible_value()
        .map_or_else(String::new, |v| v.get_name().to_string())
}

/// soothe was opened by a launcher in a popup or floating pane (which
/// disappears when soothe ends, and is no shell to suspend into).
pub fn in_popup(launcher: Option<&str>) -> bool {
    launcher == Some("popup")
}

#[cfg(test)]
mod tests {
    use super::*;

    const BIN: &str = "/usr/local/bin/soothe";

    #[test]
    fn every_snippet_names_the_binary_the_key_and_the_exercise_without_flags() {
        for target in [
            Target::Tmux,
            Target::Zsh,
            Target::Bash,
            Target::Fish,
            Target::Zellij,
        ] {
            let text = snippet(target, Path::new(BIN), None, Opens::Ground).unwrap();
            assert!(text.contains(BIN), "{target:?}: {text}");
            assert!(text.contains(target.default_key()), "{target:?}: {text}");
            assert!(text.contains("ground"), "{target:?}");
            assert!(
                !text.contains("{{"),
                "{target:?}: a placeholder left: {text}"
            );
            // No flags after the exercise: config.toml decides the rest.
            for (at, _) in text.match_indices(BIN) {
                let after = &text[at + BIN.len()..];
                let line = after.lines().next().unwrap_or_default();
                let follows = line
                    .trim_start_matches(['\'', '"', ' '])
                    .trim_start_matches('"');
                assert!(
                    follows.starts_with("ground\"")
                        || follows == "ground"
                        || follows.starts_with("ground <"),
                    "{target:?}: {line}"
                );
            }
            assert!(text.contains("SOOTHE_LAUNCHER=popup"), "{target:?}");
        }
        let zsh = snippet(Target::Zsh, Path::new(BIN), Some("^G"), Opens::Breathe).unwrap();
        assert!(zsh.contains("bindkey '^G' soothe-widget"), "{zsh}");
        assert!(zsh.contains("SOOTHE_NOBIND"));
    }

    #[test]
    fn paths_and_keys_that_cannot_be_carried_are_refused_in_one_line() {
        let quoted = snippet(
            Target::Bash,
            Path::new("/opt/it's/soothe"),
            None,
            Opens::Breathe,
        );
        assert!(quoted.unwrap_err().contains("'\\''"));
        let relative = snippet(Target::Bash, Path::new("soothe"), None, Opens::Breathe);
        assert!(relative.unwrap_err().contains("not absolute"));
        let key = snippet(
            Target::Tmux,
            Path::new(BIN),
            Some("B; run x"),
            Opens::Breathe,
        );
        assert!(key.unwrap_err().contains("tmux's own notation, like B"));
        assert!(
            snippet(
                Target::Zellij,
                Path::new(BIN),
                Some("Alt s"),
                Opens::Breathe
            )
            .is_ok()
        );
    }

    #[test]
    fn only_a_popup_launcher_counts_as_a_popup() {
        assert!(in_popup(Some("popup")));
        assert!(!in_popup(Some("shell")));
        assert!(!in_popup(None));
    }
}
