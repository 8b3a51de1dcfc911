//! Command-line definitions (clap). Parsing only; `commands` acts on them.

pub mod fast;

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

const ABOUT: &str = "A calm terminal coach for when anxiety spikes: paced breathing right away, grounding and muscle relaxation.";

const LONG_ABOUT: &str = "\
A calm terminal coach for when anxiety spikes.

Run `soothe breathe` and a breathing pacer starts at once: in for 4, hold
for 4, out for 6. Follow the shape: it grows as you breathe in and shrinks
as you breathe out. `soothe` alone opens a small menu; Enter starts breathing.

When the breath is not the way in, `soothe ground` brings you back to the
room through your senses (press g while breathing to switch),
`soothe relax` walks you through tensing and letting go of each muscle group,
and `soothe reframe` is a short thought record that ends in a balanced
thought and an \"I\"-statement to send instead of a flood of messages.

In the heated moment, `soothe pause` is a break from the conversation with
a time to come back, and `soothe send` lets a message sit before you decide
(soothe never sends anything). `soothe plan` keeps your safety plan in your
own words; `!` shows it from any screen.

Private by design: no network, no account. Your own patterns go in the
content folder shown by `soothe paths`.";

#[derive(Debug, Parser)]
#[command(name = "soothe", version, about = ABOUT, long_about = LONG_ABOUT, after_help = crate::keys::help_text())]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub options: Options,
}

#[derive(Debug, Args)]
pub struct Options {
    /// No animation: the screen changes only when the phase or the second does
    #[arg(long, global = true)]
    pub reduced_motion: bool,
    /// No colours (the NO_COLOR environment variable does the same)
    #[arg(long, global = true)]
    pub no_color: bool,
    /// Colours: auto (calm on dark backgrounds, terminal on light ones, from COLORFGBG), calm, terminal, high-contrast, mono
    #[arg(long, global = true, value_enum, value_name = "THEME")]
    pub theme: Option<crate::settings::ThemeChoice>,
    /// Ring the terminal bell on phase changes: once to breathe in, twice to breathe out
    #[arg(long, global = true, overrides_with = "no_bell")]
    pub bell: bool,
    /// No bell (the default)
    #[arg(long, global = true, overrides_with = "bell")]
    pub no_bell: bool,
    /// Do not ask how strong the distress is before and after
    #[arg(long, global = true)]
    pub no_checkin: bool,
    /// Plain text, one line per change, no screen drawing (automatic when output is not a terminal)
    #[arg(long, global = true)]
    pub plain: bool,
    /// Folder for settings and your own content
    #[arg(long, global = true, value_name = "DIR", env = "SOOTHE_CONFIG_DIR")]
    pub config_dir: Option<PathBuf>,
    /// Folder for the journal
    #[arg(long, global = true, value_name = "DIR", env = "SOOTHE_DATA_DIR")]
    pub data_dir: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Paced breathing, starting at once (default pattern: 4-4-6)
    Breathe(BreatheArgs),
    /// Five-senses grounding: name what you see, feel, hear, smell, taste (default: 5-4-3-2-1)
    Ground(GroundArgs),
    /// Progressive muscle relaxation: tense and let go, group by group (default: 7-group)
    Relax(RelaxArgs),
    /// A thought record: the anxious thought, questions, a balanced thought and a next step
    Reframe,
    /// A break from a heated conversation, with a return time (default 20 minutes, at least 20)
    Pause(PauseArgs),
    /// Write a message, check it, let it sit, then decide (soothe never sends anything)
    Send(SendArgs),
    /// A two-minute self-compassion pause in three steps
    Kind,
    /// Your coping cards: the one that has helped you most first; `new` writes one, `edit` changes it
    Cards(CardsArgs),
    /// Three things that went well today, and why each went well
    Good,
    /// After a fight: feelings, both sides, your part, one if-then for next time, and the repair to say
    Repair(RepairArgs),
    /// Two people, one keyboard, talking aloud in turns: the floor, mirroring, and nothing solved until both feel heard
    Talk(TalkArgs),
    /// Graded practice of time apart: `new` builds a ladder, `practice` the suggested step, `log` one done with soothe closed
    Ladder(LadderArgs),
    /// Evidence for a kinder belief: how much you believe it, and one specific thing at a time (some offered from your journal)
    Evidence,
    /// A safety plan in your own words: `plan` to read it, `plan edit` to write it, `--print` for paper
    Plan(PlanArgs),
    /// Planned practice: what and when, edited on screen
    Practice,
    /// What is planned today and not yet done (prints nothing when nothing is: for a shell prompt)
    Due,
    /// Past sessions from the journal, and what helps you most
    History(HistoryArgs),
    /// Check content and settings files: every problem with file:line:col (exit 1 if any)
    Check(CheckArgs),
    /// List the breathing patterns: ids, names, rhythm, breaths per minute
    Patterns(ListArgs),
    /// List the grounding variants and relaxation programs: ids, names, steps, time
    Programs(ListArgs),
    /// Show where settings, content and the journal live, and which rule chose each folder
    Paths,
    /// Print a snippet binding one key to soothe: `eval "$(soothe init zsh)"`, `soothe init fish | source`, `soothe init tmux >> ~/.tmux.conf`
    Init(InitArgs),
    /// Print shell completions: `soothe completions bash > ~/.local/share/bash-completion/completions/soothe`
    Completions(CompletionsArgs),
    /// Print the manual page (roff): `soothe man | man -l -`
    Man,
    /// What soothe sees here, for a bug report: version, folders, files, journal health, terminal, tmux (never what you wrote)
    Doctor(DoctorArgs),
    /// Settings: `--template` prints a commented config.toml with every setting at its default
    Config(ConfigArgs),
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only the ids, one a line (for scripts and completions)
    #[arg(long)]
    pub ids: bool,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Where to bind the key
    #[arg(value_enum)]
    pub target: crate::shell::Target,
    /// The key, in the target's own notation. Default: prefix + B in tmux; Ctrl-X Ctrl-B in the shells, written ^X^B for zsh, \C-x\C-b for bash, \cx\cb for fish; "Alt b" in zellij
    #[arg(long, value_name = "KEY")]
    pub key: Option<String>,
    /// What the key opens
    #[arg(long, value_enum, default_value_t = crate::shell::Opens::Breathe)]
    pub exercise: crate::shell::Opens,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct DoctorArgs {
    /// text (the default) or json, for a bug report
    #[arg(long, value_enum, default_value_t = DoctorFormat::Text)]
    pub format: DoctorFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DoctorFormat {
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct ConfigArgs {
    /// Print a commented config.toml with every setting at its default (soothe never writes config.toml itself)
    #[arg(long, required = true)]
    pub template: bool,
}

#[derive(Debug, Args)]
pub struct BreatheArgs {
    /// Pattern id, as listed by `soothe patterns`
    #[arg(value_name = "PATTERN")]
    pub pattern: Option<String>,
    /// End after this many cycles
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=10_000), conflicts_with = "minutes")]
    pub cycles: Option<u32>,
    /// End after the whole cycles that fit in this many minutes
    #[arg(long, value_name = "M", value_parser = parse_minutes)]
    pub minutes: Option<f64>,
}

#[derive(Debug, Args)]
pub struct GroundArgs {
    /// Variant id, as listed by `soothe programs`
    #[arg(value_name = "VARIANT")]
    pub variant: Option<String>,
}

#[derive(Debug, Args)]
pub struct RelaxArgs {
    /// Program id, as listed by `soothe programs`
    #[arg(value_name = "PROGRAM")]
    pub program: Option<String>,
}

#[derive(Debug, Args)]
pub struct PauseArgs {
    /// Minutes of break: at least 20 (the body needs about that to settle),
    /// at most a day; the return time is rounded up to the next 5 minutes
    #[arg(value_name = "MINUTES", conflicts_with = "until")]
    pub minutes: Option<u32>,
    /// Back at this time of day instead (HH:MM, 24-hour; tomorrow if it has passed)
    #[arg(long, value_name = "HH:MM", value_parser = parse_clock_time)]
    pub until: Option<chrono::NaiveTime>,
    /// Also put the message on the clipboard when soothe closes (OSC 52, where the terminal allows it)
    #[arg(long)]
    pub copy: bool,
}

#[derive(Debug, Args)]
pub struct PlanArgs {
    /// `edit` to write or change the plan
    #[arg(value_name = "edit", value_parser = ["edit"])]
    pub edit: Option<String>,
    /// Print the plan as plain text (for paper or a phone note), then exit
    #[arg(long, conflicts_with = "edit")]
    pub print: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum TalkKind {
    /// Each in turn has the floor; the other mirrors
    Turns,
    /// A stress from outside the two of you: describe, ask what would help, say how it helped
    Stress,
}

#[derive(Debug, Args)]
pub struct TalkArgs {
    #[arg(long, value_enum, default_value_t = TalkKind::Turns)]
    pub kind: TalkKind,
    /// Alone, getting ready: the topic, what you want to say (checked), what you will listen for
    #[arg(long, conflicts_with = "kind")]
    pub prepare: bool,
}

#[derive(Debug, Args)]
pub struct RepairArgs {
    /// Two people at one keyboard, in turns, each saying back what the other said
    #[arg(long)]
    pub together: bool,
}

#[derive(Debug, Args)]
pub struct LadderArgs {
    /// `new`, `practice` or `log`; without one, the ladder
    #[arg(value_name = "new|practice|log", value_parser = ["new", "practice", "log"])]
    pub action: Option<String>,
}

#[derive(Debug, Args)]
pub struct CardsArgs {
    /// `new` to write a card, `edit` to change the one shown first
    #[arg(value_name = "new|edit", value_parser = ["new", "edit"])]
    pub action: Option<String>,
}

#[derive(Debug, Args)]
pub struct SendArgs {
    /// Minutes to let the draft sit before deciding (0 skips the wait)
    #[arg(long, value_name = "MINUTES", default_value_t = crate::exercise::send::DEFAULT_WAIT_MINUTES,
          value_parser = clap::value_parser!(u32).range(0..=i64::from(crate::exercise::send::LONGEST_WAIT_MINUTES)))]
    pub wait: u32,
    /// Start the draft from your last thought record's "I"-statement
    #[arg(long)]
    pub from_reframe: bool,
    /// Also put the message on the clipboard when soothe closes (OSC 52, where the terminal allows it)
    #[arg(long)]
    pub copy: bool,
}

/// "21:40" (or "9:05"): a time of day.
fn parse_clock_time(text: &str) -> Result<chrono::NaiveTime, String> {
    chrono::NaiveTime::parse_from_str(text.trim(), "%H:%M")
        .map_err(|_| format!("`{text}` is not a time of day like 21:40"))
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files to check, anywhere (config.toml is read as settings, any other
    /// file as content); without any, your content folder and config.toml
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    pub format: CheckFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CheckFormat {
    /// One line per problem or warning, then a count
    Text,
    /// One JSON object: files, problems, warnings (for editors and scripts)
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum HistoryFormat {
    /// Aligned columns, then what helps you most
    Table,
    /// One JSON array of the journal's records
    Json,
    /// One record a line, the journal's own schema (JSON Lines), for scripts
    Jsonl,
    /// One row per session, for spreadsheets
    Csv,
    /// Thought records laid out as a page, to read or share with a therapist
    Markdown,
}

#[derive(Debug, Args)]
pub struct HistoryArgs {
    #[arg(long, value_enum, default_value_t = HistoryFormat::Table)]
    pub format: HistoryFormat,
    /// Only sessions that started on or after this day (YYYY-MM-DD)
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub since: Option<chrono::NaiveDate>,
}

fn parse_date(text: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("`{text}` is not a date like 2026-11-22"))
}

fn parse_minutes(text: &str) -> Result<f64, String> {
    let minutes: f64 = text
        .parse()
        .map_err(|_| format!("`{text}` is not a number of minutes"))?;
    if minutes.is_finite() && minutes > 0.0 && minutes <= 600.0 {
        Ok(minutes)
    } else {
        Err("minutes must be more than 0 and at most 600".into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn minutes_must_be_sensible() {
        assert_eq!(parse_minutes("2.5"), Ok(2.5));
        assert!(parse_minutes("0").is_err());
        assert!(parse_minutes("NaN").is_err());
        assert!(parse_minutes("soon").is_err());
    }
}
