//! What each command does: load content (before any screen is drawn, so
//! errors print plainly), then run the TUI, plain mode or a printout.

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;
use std::time::Instant;

use crate::app::App;
use crate::app::event_loop::{self, Exit};
use crate::cli::{BreatheArgs, Cli, Command, Options};
use crate::content::{Content, DEFAULT_PATTERN, Origin};
use crate::exercise::breathing::Breathing;
use crate::exercise::timeline::Length;
use crate::paths::{self, Paths};
use crate::plain;
use crate::screen::home::Home;
use crate::screen::{Ctx, Screen};
use crate::terminal::{Signals, TerminalGuard};
use crate::ui::Theme;

/// A command that could not do its job: one line for the user, and the exit code.
#[derive(Debug)]
pub struct Failure {
    pub code: u8,
    pub message: String,
}

impl Failure {
    fn new(code: u8, message: impl Into<String>) -> Failure {
        Failure {
            code,
            message: message.into(),
        }
    }
}

impl From<io::Error> for Failure {
    fn from(err: io::Error) -> Failure {
        Failure::new(1, err.to_string())
    }
}

pub fn run(cli: Cli) -> Result<ExitCode, Failure> {
    let paths = Paths::resolve(cli.options.config_dir.clone(), cli.options.data_dir.clone());
    let content = Content::load(paths.content_dir().as_deref());
    match cli.command {
        None => home(&cli.options, content),
        Some(Command::Breathe(args)) => breathe(&cli.options, content, &args),
        Some(Command::Patterns) => patterns(&content),
        Some(Command::Paths) => print_paths(&paths),
    }
}

fn ctx(options: &Options, content: Content) -> Ctx {
    let no_color = options.no_color || std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    Ctx {
        content,
        theme: if no_color {
            Theme::monochrome()
        } else {
            Theme::calm()
        },
        motion: !options.reduced_motion,
        bell: options.bell && !options.no_bell,
    }
}

/// A full-screen TUI needs a real terminal on standard output.
fn can_draw(options: &Options) -> bool {
    !options.plain
        && io::stdout().is_terminal()
        && std::env::var("TERM").map_or(true, |term| term != "dumb")
}

fn home(options: &Options, content: Content) -> Result<ExitCode, Failure> {
    if !can_draw(options) {
        return Err(Failure::new(
            1,
            "the menu needs a terminal; for a plain text pacer run `soothe breathe --plain`",
        ));
    }
    let ctx = ctx(options, content);
    run_tui(ctx, |ctx, _now| Screen::Home(Home::new(ctx)))
}

fn breathe(options: &Options, content: Content, args: &BreatheArgs) -> Result<ExitCode, Failure> {
    let id = args.pattern.as_deref().unwrap_or(DEFAULT_PATTERN);
    let Some(pattern) = content.pattern(id).cloned() else {
        return Err(Failure::new(
            2,
            format!(
                "there is no pattern `{id}`; choose one of: {}",
                content.pattern_ids().join(", ")
            ),
        ));
    };
    let length = match (args.cycles, args.minutes) {
        (Some(n), _) => Length::Cycles(n),
        (None, Some(minutes)) => Length::whole_cycles_within(minutes, pattern.cycle_ms()),
        (None, None) => Length::Forever,
    };
    let ctx = ctx(options, content);
    if !can_draw(options) {
        let signals = Signals::register()?;
        let input = plain::stdin_lines();
        let session = Breathing::new(pattern, length, Instant::now());
        let mut out = io::stdout().lock();
        return match plain::breathe(session, &mut out, &input, &signals, ctx.bell) {
            Ok(_) => Ok(ExitCode::SUCCESS),
            // A closed pipe (`| head`) is the reader leaving, not a failure.
            Err(err) if err.kind() == io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
            Err(err) => Err(err.into()),
        };
    }
    run_tui(ctx, |ctx, now| {
        App::breathe_screen(ctx, id, length, now).expect("the pattern was found above")
    })
}

fn run_tui(ctx: Ctx, first: impl FnOnce(&Ctx, Instant) -> Screen) -> Result<ExitCode, Failure> {
    let signals = Signals::register()?;
    let mut guard = TerminalGuard::enter()
        .map_err(|err| Failure::new(1, format!("could not open the terminal screen: {err}")))?;
    // The session's clock starts here, right before the first frame.
    let screen = first(&ctx, Instant::now());
    let mut app = App::new(ctx, screen);
    let exit = event_loop::run(&mut app, &mut guard, &signals);
    drop(guard);
    match exit {
        Ok(Exit::Normal) => Ok(ExitCode::SUCCESS),
        Ok(Exit::Signal(signal)) => Ok(ExitCode::from(128 + signal as u8)),
        Err(err) => Err(Failure::new(
            1,
            format!("the terminal stopped working: {err}"),
        )),
    }
}

fn patterns(content: &Content) -> Result<ExitCode, Failure> {
    let mut out = io::stdout().lock();
    let width = content
        .patterns
        .iter()
        .map(|p| p.id.len())
        .max()
        .unwrap_or(0);
    let indent = " ".repeat(width + 2);
    let listing = (|| -> io::Result<()> {
        for pattern in &content.patterns {
            let mut tags = Vec::new();
            if pattern.id == DEFAULT_PATTERN {
                tags.push("default");
            }
            if matches!(pattern.origin, Origin::User(_)) {
                tags.push("yours");
            }
            let tags = if tags.is_empty() {
                String::new()
            } else {
                format!("  ({})", tags.join(", "))
            };
            writeln!(
                out,
                "{:width$}  {} · {:.1} breaths/min · {}{tags}",
                pattern.id,
                pattern.name,
                pattern.breaths_per_minute(),
                pattern.rhythm(),
            )?;
            writeln!(out, "{indent}{}", pattern.description)?;
            if let Some(caution) = &pattern.caution {
                writeln!(out, "{indent}Caution: {caution}")?;
            }
        }
        Ok(())
    })();
    match listing {
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => return Ok(ExitCode::SUCCESS),
        other => other?,
    }
    report_problems(content);
    Ok(ExitCode::SUCCESS)
}

/// Problems in the user's files, on standard error so listings stay clean.
fn report_problems(content: &Content) {
    if content.problems.is_empty() {
        return;
    }
    let mut err = io::stderr().lock();
    let _ = writeln!(
        err,
        "soothe: some of your content was skipped (the built-ins are fine):"
    );
    for problem in &content.problems {
        let _ = writeln!(err, "  {problem}");
    }
}

fn print_paths(paths: &Paths) -> Result<ExitCode, Failure> {
    let mut out = io::stdout().lock();
    let rows = [
        ("config", paths.config_dir.clone(), ""),
        (
            "content",
            paths.content_dir(),
            "  (your *.toml here add or replace patterns)",
        ),
        ("settings", paths.config_file(), ""),
        ("data", paths.data_dir.clone(), ""),
        ("journal", paths.journal_file(), ""),
    ];
    for (name, path, note) in rows {
        writeln!(out, "{name:<9} {}{note}", paths::show(path.as_deref()))?;
    }
    Ok(ExitCode::SUCCESS)
}
