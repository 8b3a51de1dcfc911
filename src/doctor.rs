//! `soothe doctor`: what soothe sees of this machine, for a bug report.
//! The version, each folder and file (whether it is there, its permission
//! bits, which rule chose the folder), what `soothe check` finds, the
//! journal's health (counts only, never what was written), the terminal,
//! tmux, and whether a `soothe init` binding is active. Gathering reads
//! the disk and the environment; `write_text` only formats.

use serde::Serialize;
use std::io::{self, Write};
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use crate::check::Report as Checked;
use crate::cli::DoctorFormat;
use crate::paths::{Paths, Which};

#[derive(Debug, Serialize)]
pub struct Report {
    pub version: String,
    pub paths: Vec<PathRow>,
    pub check: CheckRow,
    pub journal: JournalRow,
    pub terminal: TerminalRow,
    pub tmux: TmuxRow,
    /// The shell whose `soothe init` snippet ran here (`SOOTHE_INIT`).
    pub shell_binding: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct PathRow {
    pub name: &'static str,
    pub path: Option<String>,
    pub exists: bool,
    /// Octal permission bits, when it exists.
    pub mode: Option<String>,
    /// Which rule chose the folder (folders only).
    pub rule: Option<&'static str>,
}

#[derive(Debug, Serialize)]
pub struct CheckRow {
    pub files: usize,
    pub problems: usize,
    pub warnings: usize,
    pub summary: String,
    /// `file:line:col: message`, as `soothe check` prints them.
    pub findings: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct JournalRow {
    pub records: usize,
    pub unreadable_lines: usize,
    pub newer_lines: usize,
    /// Why it could not be read at all.
    pub error: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct TerminalRow {
    pub term: Option<String>,
    pub colorterm: Option<String>,
    /// 16, 256 or 16 million, as TERM and COLORTERM say.
    pub colours: &'static str,
    pub no_color: bool,
    pub colorfgbg: Option<String>,
    pub light_background: bool,
    pub stdin_tty: bool,
    pub stdout_tty: bool,
    pub launcher: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct TmuxRow {
    /// `tmux -V`, when tmux is installed.
    pub version: Option<String>,
    /// Popups need tmux 3.2 or later.
    pub popups: bool,
    pub inside: bool,
    /// Inside tmux: a key bound to soothe's popup (`soothe init tmux`).
    pub binding: Option<String>,
}

fn var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

fn row(name: &'static str, path: Option<&Path>, rule: Option<&'static str>) -> PathRow {
    let meta = path.and_then(|p| std::fs::metadata(p).ok());
    PathRow {
        name,
        path: path.map(|p| p.display().to_string()),
        exists: meta.is_some(),
        mode: meta.map(|m| format!("{:o}", m.permissions().mode() & 0o7777)),
        rule,
    }
}

/// "tmux 3.3a" → popups (3.2 or later)?
pub fn tmux_has_popups(version: &str) -> bool {
    let number: String = version
        .trim_start_matches(|c: char| !c.is_ascii_digit())
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    let mut parts = number.split('.').map(|p| p.parse::<u32>().unwrap_or(0));
    let (major, minor) = (parts.next().unwrap_or(0), parts.next().unwrap_or(0));
    // "next-3.4" and "master" builds are new enough.
    (major, minor) >= (3, 2) || version.contains("master")
}

/// How many colours TERM and COLORTERM promise.
pub fn colours(term: Option<&str>, colorterm: Option<&str>) -> &'static str {
    if matches!(colorterm, Some("truecolor" | "24bit")) {
        "16 million"
    } else if term.is_some_and(|t| t.contains("256")) {
        "256"
    } else if term.is_none_or(|t| t == "dumb") {
        "none"
    } else {
        "16"
    }
}

fn tmux() -> TmuxRow {
    let run = |args: &[&str]| {
        std::process::Command::new("tmux")
            .args(args)
            .stdin(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
    };
    let version = run(&["-V"]);
    let inside = var("TMUX").is_some();
    let binding = if inside {
        run(&["list-keys"]).and_then(|keys| {
            keys.lines()
                .find(|l| l.contains("SOOTHE_LAUNCHER=popup"))
                .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        })
    } else {
        None
    };
    TmuxRow {
        popups: version.as_deref().is_some_and(tmux_has_popups),
        version,
        inside,
        binding,
    }
}

/// What is here; `found` is what `soothe check` found in `files` files.
pub fn gather(paths: &Paths, found: &Checked, files: usize) -> Report {
    use std::io::IsTerminal;
    let config = paths.config_rule.said(Which::Config);
    let data = paths.data_rule.said(Which::Data);
    let mut rows = vec![
        row("config", paths.config_dir.as_deref(), Some(config)),
        row("content", paths.content_dir().as_deref(), None),
        row("settings", paths.config_file().as_deref(), None),
        row("data", paths.data_dir.as_deref(), Some(data)),
        row("journal", paths.journal_file().as_deref(), None),
    ];
    for (name, file) in [
        ("cards", paths.cards_file()),
        ("plan", paths.plan_file()),
        ("practice", paths.practice_file()),
        ("beliefs", paths.beliefs_file()),
        ("ladders", paths.ladders_file()),
        ("state", paths.state_file()),
    ] {
        rows.push(row(name, file.as_deref(), None));
    }
    let check = CheckRow {
        files,
        problems: found.problems.len(),
        warnings: found.warnings.len(),
        summary: found.summary(files),
        findings: found
            .problems
            .iter()
            .chain(&found.warnings)
            .map(ToString::to_string)
            .collect(),
    };
    let journal = match paths.journal_file().map(|p| crate::journal::read(&p)) {
        Some(Ok(read)) => JournalRow {
            records: read.records.len(),
            unreadable_lines: read.unreadable,
            newer_lines: read.newer,
            error: None,
        },
        Some(Err(err)) => JournalRow {
            records: 0,
            unreadable_lines: 0,
            newer_lines: 0,
            error: Some(err.to_string()),
        },
        None => JournalRow {
            records: 0,
            unreadable_lines: 0,
            newer_lines: 0,
            error: Some("no data folder".into()),
        },
    };
    let (term, colorterm) = (var("TERM"), var("COLORTERM"));
    let colorfgbg = var("COLORFGBG");
    let terminal = TerminalRow {
        colours: colours(term.as_deref(), colorterm.as_deref()),
        term,
        colorterm,
        no_color: var("NO_COLOR").is_some(),
        light_background: crate::ui::theme::light_background(colorfgbg.as_deref()),
        colorfgbg,
        stdin_tty: io::stdin().is_terminal(),
        stdout_tty: io::stdout().is_terminal(),
        launcher: var("SOOTHE_LAUNCHER"),
    };
    Report {
        version: env!("CARGO_PKG_VERSION").to_string(),
        paths: rows,
        check,
        journal,
        terminal,
        tmux: tmux(),
        shell_binding: var("SOOTHE_INIT"),
    }
}

fn or_none(value: &Option<String>) -> &str {
    value.as_deref().unwrap_or("(not set)")
}

fn yes(value: bool) -> &'static str {
    if value { "yes" } else { "no" }
}

pub fn write_text(out: &mut impl Write, report: &Report) -> io::Result<()> {
    writeln!(out, "soothe {}", report.version)?;
    writeln!(out)?;
    writeln!(out, "Folders and files")?;
    for row in &report.paths {
        let state = match (&row.mode, row.exists) {
            (Some(mode), true) => format!("exists, mode {mode}"),
            _ => "not there yet".to_string(),
        };
        let rule = row.rule.map_or(String::new(), |r| format!(" · {r}"));
        writeln!(
            out,
            "  {:<9} {} ({state}{rule})",
            row.name,
            row.path.as_deref().unwrap_or("(unknown: no home folder)")
        )?;
    }
    writeln!(out)?;
    writeln!(out, "Check: {}", report.check.summary)?;
    for finding in &report.check.findings {
        writeln!(out, "  {finding}")?;
    }
    writeln!(out)?;
    let j = &report.journal;
    match &j.error {
        Some(why) => writeln!(out, "Journal: could not be read: {why}")?,
        None => writeln!(
            out,
            "Journal: {} records · {} unreadable lines · {} lines from a newer soothe",
            j.records, j.unreadable_lines, j.newer_lines
        )?,
    }
    writeln!(out)?;
    let t = &report.terminal;
    writeln!(out, "Terminal")?;
    writeln!(out, "  TERM       {}", or_none(&t.term))?;
    writeln!(out, "  COLORTERM  {}", or_none(&t.colorterm))?;
    writeln!(out, "  colours    {}", t.colours)?;
    writeln!(
        out,
        "  NO_COLOR   {}",
        if t.no_color { "set" } else { "(not set)" }
    )?;
    writeln!(
        out,
        "  COLORFGBG  {}{}",
        or_none(&t.colorfgbg),
        if t.light_background {
            " (light background)"
        } else {
            ""
        }
    )?;
    writeln!(
        out,
        "  on a tty   input {} · output {}",
        yes(t.stdin_tty),
        yes(t.stdout_tty)
    )?;
    writeln!(out, "  launcher   {}", or_none(&t.launcher))?;
    writeln!(out)?;
    let x = &report.tmux;
    match &x.version {
        Some(version) => writeln!(
            out,
            "tmux: {version} · popups {} · inside tmux {}",
            if x.popups {
                "yes"
            } else {
                "no (3.2 or later needed)"
            },
            yes(x.inside)
        )?,
        None => writeln!(out, "tmux: not installed")?,
    }
    if x.inside {
        match &x.binding {
            Some(binding) => writeln!(out, "  bound: {binding}")?,
            None => writeln!(out, "  no key bound to soothe (see `soothe init tmux`)")?,
        }
    }
    match &report.shell_binding {
        Some(shell) => writeln!(
            out,
            "Shell: the `soothe init {shell}` key is set up in this shell"
        )?,
        None => writeln!(
            out,
            "Shell: no `soothe init` key in this shell (see `soothe init --help`)"
        )?,
    }
    Ok(())
}

/// The report as text or JSON.
pub fn write(out: &mut impl Write, report: &Report, format: DoctorFormat) -> io::Result<()> {
    match format {
        DoctorFormat::Text => write_text(out, report),
        DoctorFormat::Json => serde_json::to_writer_pretty(&mut *out, report)
            .map_err(io::Error::other)
            .and_then(|()| writeln!(out)),
    }
}

impl Report {
    /// All is well: nothing found by check, the journal readable.
    pub fn healthy(&self) -> bool {
        self.check.problems == 0 && self.journal.error.is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn popups_need_tmux_three_point_two() {
        assert!(tmux_has_popups("tmux 3.3a"));
        assert!(tmux_has_popups("tmux 3.2"));
        assert!(tmux_has_popups("tmux 10.1"));
        assert!(!tmux_has_popups("tmux 3.1c"));
        assert!(!tmux_has_popups("tmux 2.9"));
        assert!(tmux_has_popups("tmux master"));
    }

    #[test]
    fn colours_follow_term_and_colorterm() {
        assert_eq!(colours(Some("xterm-256color"), None), "256");
        assert_eq!(colours(Some("xterm"), Some("truecolor")), "16 million");
        assert_eq!(colours(Some("vt100"), None), "16");
        assert_eq!(colours(Some("dumb"), None), "none");
    }
}
