//! The one place that waits on the terminal and reads the clock. Each turn:
//! take `now` once, let the app advance, ring due bells, draw if anything
//! changed, then sleep until input, a signal or the next deadline. Nothing
//! wakes while nothing on screen changes: a menu or a paused exercise
//! sleeps until a key or a signal arrives.

use std::io::{self, Stdout, Write};
use std::path::Path;
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{self, Event, KeyEventKind};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    BeginSynchronizedUpdate, Clear, ClearType, EndSynchronizedUpdate,
};

use super::App;
use crate::clock::WallClock;
use crate::exercise::timeline;
use crate::journal;
use crate::keys;
use crate::terminal::{Signals, TerminalGuard, Waiter, Wake};
use signal_hook::consts::signal::SIGHUP;

/// How long crossterm may take to hand over input that poll(2) saw.
const INPUT_LOOK: Duration = Duration::from_millis(1);

/// How often wall-clock times are re-anchored (cheap, but not every frame).
const REANCHOR: Duration = Duration::from_secs(10);

/// A cap on any single wait, only so the millisecond count stays small.
const LONGEST_WAIT: Duration = Duration::from_secs(3600);

pub enum Exit {
    Normal,
    Signal(i32),
}

type Screen = Terminal<CrosstermBackend<Stdout>>;

/// A blank screen and a terminal whose empty buffers force a full repaint.
/// (ratatui's `Terminal::clear` asks the terminal where the cursor is and
/// waits for the answer: a round trip before the first frame, and a long one
/// over ssh. Nothing here needs the cursor's position.)
fn fresh_screen() -> io::Result<Screen> {
    execute!(io::stdout(), Clear(ClearType::All))?;
    Terminal::new(CrosstermBackend::new(io::stdout()))
}

/// Runs the app until it quits. The last session is written to the journal
/// before returning (so before the terminal is restored); a failure to
/// write it comes back as the second value, for one line on stderr.
pub fn run(
    app: &mut App,
    guard: &mut TerminalGuard,
    signals: &Signals,
    files: &Files,
) -> io::Result<(Exit, Option<String>)> {
    let exit = run_until_quit(app, guard, signals, files)?;
    app.finish(Instant::now());
    // Shown in the very batch that quit: still remembered, still saved.
    remember_state(app, files.state.as_deref());
    // At exit, a change refused earlier is said again: it is not on disk.
    let documents: Vec<String> = save_documents(app, files, true)
        .into_iter()
        .map(|(what, why)| format!("{} could not be saved: {why}", what.to_lowercase()))
        .collect();
    let plan = (!documents.is_empty()).then(|| documents.join("; "));
    let journal = save(app, files.journal.as_deref())
        .map(|why| format!("this session could not be saved: {why}"));
    let both = match (journal, plan) {
        (Some(journal), Some(plan)) => Some(format!("{journal}; {plan}")),
        (journal, plan) => journal.or(plan),
    };
    Ok((exit, both))
}

/// Where the event loop writes: the journal, what soothe remembers, the plan.
#[derive(Debug, Clone, Default)]
pub struct Files {
    pub journal: Option<std::path::PathBuf>,
    pub state: Option<std::path::PathBuf>,
    pub plan: Option<std::path::PathBuf>,
    pub practice: Option<std::path::PathBuf>,
    pub cards: Option<std::path::PathBuf>,
    pub beliefs: Option<std::path::PathBuf>,
    pub ladders: Option<std::path::PathBuf>,
}

/// Saves each document soothe edits that changed: the plan, the practice
/// plan, the cards, the beliefs. The failures, each named as the person
/// knows it; `at_exit`, a change refused earlier (a file changed by hand)
/// is one of them again, since it is not on disk.
fn save_documents(app: &mut App, files: &Files, at_exit: bool) -> Vec<(&'static str, String)> {
    use crate::documents::Pending;
    fn one<T>(
        doc: &mut Pending<T>,
        path: Option<&Path>,
        header: &str,
        at_exit: bool,
    ) -> Option<String>
    where
        T: serde::Serialize + serde::de::DeserializeOwned + PartialEq + Clone,
    {
        let saved = crate::documents::save_pending(doc, path, header).err();
        saved.or_else(|| doc.refused.take().filter(|_| at_exit))
    }
    let failures = [
        (
            "Your plan",
            one(
                app.plan_doc(),
                files.plan.as_deref(),
                crate::plan::HEADER,
                at_exit,
            ),
        ),
        (
            "Your practice plan",
            one(
                app.practice_doc(),
                files.practice.as_deref(),
                crate::practice::HEADER,
                at_exit,
            ),
        ),
        (
            "Your cards",
            one(
                app.cards_doc(),
                files.cards.as_deref(),
                crate::cards::HEADER,
                at_exit,
            ),
        ),
        (
            "Your evidence",
            one(
                app.beliefs_doc(),
                files.beliefs.as_deref(),
                crate::beliefs::HEADER,
                at_exit,
            ),
        ),
        (
            "Your ladders",
            one(
                app.ladders_doc(),
                files.ladders.as_deref(),
                crate::ladder::HEADER,
                at_exit,
            ),
        ),
    ];
    failures
        .into_iter()
        .filter_map(|(what, why)| why.map(|why| (what, why)))
        .collect()
}

/// Writes down what soothe remembers between runs, as it happens: the
/// safety question shown, the good-things week, the day a help line showed.
/// Not being able to only means it is asked or shown again.
fn remember_state(app: &mut App, state: Option<&Path>) {
    let Some(path) = state else {
        return;
    };
    if app.take_safety_shown() {
        let _ = crate::state::remember_safety(path, WallClock::local().at(Instant::now()));
    }
    if let Some(week) = app.take_good_week() {
        let _ = crate::state::remember_good(path, week);
    }
    if let Some(repair) = app.take_follow_up_shown() {
        let _ = crate::state::remember_follow_up(path, &repair);
    }
    if let Some(day) = app.take_help_line_shown() {
        let _ = crate::state::remember_help_line(path, day);
    }
}

/// Appends the app's finished sessions; the last failure, if any, as a line.
fn save(app: &mut App, journal: Option<&Path>) -> Option<String> {
    let mut failure = None;
    for record in app.take_records() {
        if let Err(why) = journal::save(journal, &record) {
            failure = Some(why);
        }
    }
    failure
}

fn run_until_quit(
    app: &mut App,
    guard: &mut TerminalGuard,
    signals: &Signals,
    files: &Files,
) -> io::Result<Exit> {
    let (journal, state) = (files.journal.as_deref(), files.state.as_deref());
    // Debug builds only: a key that panics, so tests can prove a panic
    // still restores the terminal. Release builds have no such key.
    #[cfg(debug_assertions)]
    let panic_key = std::env::var("SOOTHE_TEST_PANIC_KEY")
        .ok()
        .and_then(|k| k.chars().next());
    let waiter = Waiter::new()?;
    let mut terminal = fresh_screen()?;
    let mut last_frame = None;
    let mut anchored = Instant::now();
    loop {
        if let Some(signal) = signals.take() {
            return Ok(Exit::Signal(signal));
        }
        if app.should_quit() {
            return Ok(Exit::Normal);
        }
        let now = Instant::now();
        if now.duration_since(anchored) >= REANCHOR {
            // After a sleep the monotonic clock lags the wall: re-read it.
            app.set_clock(WallClock::local());
            anchored = now;
        }
        app.advance(now);
        remember_state(app, state);
        for (what, why) in save_documents(app, files, false) {
            app.save_failed_for(what, &why, now);
        }
        if let Some(why) = save(app, journal) {
            app.save_failed(&why, now);
        }
        if app.take_journal_request() {
            app.open_with_journal(journal::load_reach(journal, app.journal_reach()), now);
            // The screen changed under this turn's `now`; look again at once.
            continue;
        }
        ring(app.due_bells(now))?;
        if app.take_dirty() {
            draw(&mut terminal, app, now)?;
            last_frame = Some(now);
        }
        if last_frame.is_some() && app.take_recent_request() {
            // After the first frame: the menu is there before this read.
            let read = match journal {
                Some(path) => {
                    journal::read_tail(path, journal::RECENT_BYTES).map_err(|e| e.to_string())
                }
                None => Ok(Default::default()),
            };
            if let Some(path) = &files.cards
                && matches!(app.ctx().cards, crate::documents::Loaded::Missing)
            {
                app.cards_read(crate::documents::load(path));
            }
            app.recent_journal(read, now);
            continue;
        }
        let timeout = app
            .next_wake(now, last_frame)
            .map(|wake| timeline::wait(Instant::now(), Some(wake), LONGEST_WAIT));
        match waiter.wait(signals, timeout)? {
            Wake::Timeout => {}
            Wake::HangUp => return Ok(Exit::Signal(SIGHUP)),
            Wake::Signal => {
                if signals.take_resize() {
                    // A new size: repaint from scratch (without ratatui's cursor query).
                    terminal = fresh_screen()?;
                    let (width, height) = ratatui::crossterm::terminal::size()?;
                    app.on_event(&Event::Resize(width, height), Instant::now());
                }
            }
            Wake::Input => {
                let now = Instant::now();
                // Input is there, so crossterm returns at once. Its event
                // source (use-dev-tty) reads nothing with a zero timeout, so
                // each look allows a millisecond; whatever is not yet
                // complete comes on the next wake.
                while event::poll(INPUT_LOOK)? {
                    let event = event::read()?;
                    #[cfg(debug_assertions)]
                    if let (Some(trigger), Event::Key(key)) = (panic_key, &event)
                        && key.code == ratatui::crossterm::event::KeyCode::Char(trigger)
                    {
                        panic!("test panic requested with SOOTHE_TEST_PANIC_KEY");
                    }
                    match &event {
                        Event::Key(key)
                            if key.kind == KeyEventKind::Press
                                && keys::lookup(&[keys::ALWAYS], key, |_| true)
                                    == Some(keys::Action::Suspend) =>
                        {
                            if app.ctx().popup {
                                app.no_suspend(now);
                            } else {
                                guard.suspend()?;
                                terminal = fresh_screen()?;
                                app.dirty = true;
                            }
                        }
                        // Size changes are taken from SIGWINCH above.
                        Event::Resize(..) => {}
                        _ => app.on_event(&event, now),
                    }
                }
                app.end_of_input(now);
            }
        }
    }
}

fn draw(
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    app: &App,
    now: Instant,
) -> io::Result<()> {
    // One synchronized update per frame: terminals that know it show the
    // frame whole, others ignore the sequence.
    execute!(terminal.backend_mut(), BeginSynchronizedUpdate)?;
    terminal.draw(|frame| {
        let area = frame.area();
        // A shown cursor where typing goes (also where input methods put
        // their candidates); ratatui hides it again when there is none.
        if let Some(cursor) = app.render(now, area, frame.buffer_mut()) {
            frame.set_cursor_position(cursor);
        }
    })?;
    execute!(terminal.backend_mut(), EndSynchronizedUpdate)?;
    Ok(())
}

fn ring(times: usize) -> io::Result<()> {
    if times > 0 {
        let mut out = io::stdout();
        out.write_all(&b"\x07".repeat(times))?;
        out.flush()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::documents::{self, Loaded};
    use crate::plan::SafetyPlan;

    fn plan_at(path: &Path) -> Files {
        Files {
            plan: Some(path.to_path_buf()),
            ..Files::default()
        }
    }

    fn app_with(plan: Loaded<SafetyPlan>) -> App {
        let mut ctx = crate::testing::ctx();
        ctx.plan = plan;
        App::home(ctx)
    }

    #[test]
    fn a_plan_edited_by_hand_meanwhile_is_not_written_over() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.toml");
        let mut app = app_with(Loaded::Missing);
        let mut plan = SafetyPlan::new();
        plan.people.push("Sam".into());
        app.plan_not_saved(plan.clone());
        assert!(save_documents(&mut app, &plan_at(&path), false).is_empty());
        assert_eq!(documents::load(&path), Loaded::Read(plan.clone()));
        // By hand, while soothe is open.
        std::fs::write(&path, "version = 1\npeople = [\"Sam\", \"Ana\"]\n").unwrap();
        plan.people.push("Kai".into());
        app.plan_not_saved(plan);
        let why = save_documents(&mut app, &plan_at(&path), false).remove(0).1;
        assert!(why.contains("changed outside soothe"), "{why}");
        assert!(std::fs::read_to_string(&path).unwrap().contains("Ana"));
    }

    #[test]
    fn a_plan_that_could_not_be_saved_is_tried_again() {
        let dir = tempfile::tempdir().unwrap();
        let blocked = dir.path().join("file");
        std::fs::write(&blocked, "").unwrap();
        let path = blocked.join("plan.toml");
        let mut app = app_with(Loaded::Missing);
        app.plan_not_saved(SafetyPlan::new());
        assert!(!save_documents(&mut app, &plan_at(&path), false).is_empty());
        assert!(
            app.take_plan_to_save().is_some(),
            "still waiting to be saved"
        );
    }
}
