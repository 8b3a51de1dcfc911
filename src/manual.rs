//! `soothe completions` and `soothe man`: generated from the same clap
//! definitions as the parser (clap_complete, clap_mangen), with the man
//! page's own ENVIRONMENT, FILES, EXIT STATUS and KEYS sections.

use clap::CommandFactory;
use clap_mangen::roff::{Roff, bold, roman};

use crate::cli::Cli;

/// The completion script for `shell`.
pub fn completions(shell: clap_complete::Shell) -> String {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "soothe", &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// What `soothe` reads from the environment.
const ENVIRONMENT: &[(&str, &str)] = &[
    (
        "SOOTHE_CONFIG_DIR",
        "Folder for settings and your own content (as --config-dir).",
    ),
    (
        "SOOTHE_DATA_DIR",
        "Folder for the journal and your documents (as --data-dir).",
    ),
    (
        "XDG_CONFIG_HOME, XDG_DATA_HOME",
        "When set to an absolute folder, soothe's folders are soothe/ under them, on every platform (macOS too).",
    ),
    ("NO_COLOR", "Set and not empty: no colours (as --no-color)."),
    (
        "COLORFGBG",
        "Read by the auto theme: a light background gets the terminal's own colours.",
    ),
    (
        "SOOTHE_LAUNCHER",
        "Set by the snippets of soothe init: popup means a tmux popup or a floating pane, where the farewell lines stay on screen and Ctrl-Z does not suspend.",
    ),
    (
        "SOOTHE_NOBIND",
        "Read by the snippets of soothe init: set, the widget is defined but no key is bound.",
    ),
    (
        "TERM",
        "dumb, or output that is not a terminal, gets plain lines instead of a screen.",
    ),
];

const FILES: &[(&str, &str)] = &[
    (
        "<config>/config.toml",
        "Settings, yours to write (soothe config --template prints one); soothe never writes it.",
    ),
    (
        "<config>/content/*.toml",
        "Your own patterns, grounding variants, programs and words: same id replaces, a new id adds.",
    ),
    (
        "<data>/journal.jsonl",
        "The journal: one session a line, append-only, never rewritten.",
    ),
    (
        "<data>/{cards,plan,practice,beliefs,ladders}.toml",
        "Your documents, each save an atomic replace with the previous kept as .bak.",
    ),
    (
        "<data>/state.toml",
        "What soothe remembers between runs that is not a session.",
    ),
];

const EXIT_STATUS: &[(&str, &str)] = &[
    ("0", "Done (also after Ctrl-C: leaving is never an error)."),
    (
        "1",
        "A command could not do its job (soothe check: a problem was found); one line on standard error says why.",
    ),
    ("2", "The command line was not understood."),
    ("128+N", "Ended by signal N (the terminal restored first)."),
];

/// The manual page, in roff.
pub fn page() -> String {
    let command = Cli::command();
    let man = clap_mangen::Man::new(command.clone());
    let mut out = Vec::new();
    let written = man
        .render_title(&mut out)
        .and_then(|()| man.render_name_section(&mut out))
        .and_then(|()| man.render_synopsis_section(&mut out))
        .and_then(|()| man.render_description_section(&mut out))
        .and_then(|()| man.render_options_section(&mut out))
        .and_then(|()| man.render_subcommands_section(&mut out));
    if written.is_err() {
        return String::new();
    }
    let mut roff = Roff::new();
    let section = |roff: &mut Roff, title: &str, rows: &[(&str, &str)]| {
        roff.control("SH", [title]);
        for (name, what) in rows {
            roff.control("TP", []);
            roff.text([bold(*name)]);
            roff.text([roman(*what)]);
        }
    };
    section(&mut roff, "ENVIRONMENT", ENVIRONMENT);
    section(&mut roff, "FILES", FILES);
    section(&mut roff, "EXIT STATUS", EXIT_STATUS);
    roff.control("SH", ["KEYS"]);
    for line in crate::keys::help_text().lines() {
        if line.trim().is_empty() {
            roff.control("PP", []);
        } else {
            roff.text([roman(line)]);
            roff.control("br", []);
        }
    }
    let mut text = String::from_utf8_lossy(&out).into_owned();
    text.push_str(&roff.to_roff());
    // The version last, as clap_mangen's own `render` does.
    let mut version = Vec::new();
    if man.render_version_section(&mut version).is_ok() {
        text.push_str(&String::from_utf8_lossy(&version));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_has_every_section_and_names_each_command() {
        let page = page();
        for section in [
            "NAME",
            "SYNOPSIS",
            "OPTIONS",
            "SUBCOMMANDS",
            "ENVIRONMENT",
            "FILES",
            "EXIT STATUS",
            "KEYS",
        ] {
            assert!(
                page.contains(&format!(".SH {section}"))
                    || page.contains(&format!(".SH \"{section}\"")),
                "{section}"
            );
        }
        for command in ["breathe", "doctor", "init", "talk"] {
            assert!(page.contains(command), "{command}");
        }
    }

    #[test]
    fn completions_know_the_subcommands() {
        let bash = completions(clap_complete::Shell::Bash);
        assert!(bash.contains("-F _soothe"), "{bash}");
        assert!(bash.contains("breathe"));
        let fish = completions(clap_complete::Shell::Fish);
        assert!(fish.contains("complete -c soothe"));
    }
}
