//! The one place that waits on the terminal and reads the clock. Each turn:
//! take `now` once, let the app advance, ring due bells, draw if anything
//! changed, then sleep in `poll` until input or the next deadline. Nothing
//! wakes while nothing on screen changes, except a bounded wait that keeps
//! signals noticed.

use std::io::{self, Stdout, Write};
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{self, Event, KeyEventKind};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};

use super::{App, schedule};
use crate::keys;
use crate::terminal::{Signals, TerminalGuard};

/// Longest sleep between looks at the signal flag.
const SIGNAL_CHECK: Duration = Duration::from_millis(250);

pub enum Exit {
    Normal,
    Signal(i32),
}

pub fn run(app: &mut App, guard: &mut TerminalGuard, signals: &Signals) -> io::Result<Exit> {
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    terminal.clear()?;
    let mut last_frame = None;
    loop {
        if let Some(signal) = signals.take() {
            return Ok(Exit::Signal(signal));
        }
        if app.should_quit() {
            return Ok(Exit::Normal);
        }
        let now = Instant::now();
        app.advance(now);
        ring(app.due_bells(now))?;
        if app.take_dirty() {
            draw(&mut terminal, app, now)?;
            last_frame = Some(now);
        }
        let wake = app.next_wake(now, last_frame);
        if !event::poll(schedule::wait(Instant::now(), wake, SIGNAL_CHECK))? {
            continue;
        }
        let now = Instant::now();
        // Drain everything already queued before drawing again.
        loop {
            let event = event::read()?;
            match &event {
                Event::Key(key) if key.kind == KeyEventKind::Press && keys::is_suspend(key) => {
                    guard.suspend()?;
                    terminal.clear()?;
                    app.dirty = true;
                }
                _ => app.on_event(&event, now),
            }
            if !event::poll(Duration::ZERO)? {
                break;
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
        app.render(now, area, frame.buffer_mut());
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
