//! The app: a stack of screens, the keys every screen shares, and the
//! effects screens ask for (bells, notices). It takes time and input as
//! arguments and draws into any buffer, so tests drive it with fixed
//! instants; only `event_loop` talks to the real terminal and clock.

pub mod event_loop;
pub mod schedule;

use std::collections::VecDeque;
use std::time::{Duration, Instant};

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{Event, KeyEvent, KeyEventKind};
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

use crate::exercise::breathing::Breathing;
use crate::exercise::relaxation::Relaxation;
use crate::exercise::timeline::Length;
use crate::keys::{self, Action};
use crate::screen::breathe::Breathe;
use crate::screen::ground::Ground;
use crate::screen::patterns::Patterns;
use crate::screen::relax::Relax;
use crate::screen::{Ctx, Effect, Outcome, Route, Screen};
use crate::ui;

/// How long a notice such as "Bell on" stays.
pub const NOTICE_FOR: Duration = Duration::from_millis(2500);
/// Rings of one bell effect are spaced so terminals do not merge them.
pub const BELL_GAP: Duration = Duration::from_millis(350);

pub struct App {
    ctx: Ctx,
    stack: Vec<Screen>,
    help: bool,
    notice: Option<(String, Instant)>,
    bells: VecDeque<Instant>,
    dirty: bool,
    quit: bool,
}

impl App {
    pub fn new(ctx: Ctx, first: Screen) -> App {
        App {
            ctx,
            stack: vec![first],
            help: false,
            notice: None,
            bells: VecDeque::new(),
            dirty: true,
            quit: false,
        }
    }

    /// Starts breathing `pattern` (an id known to exist) as a new screen.
    pub fn breathe_screen(
        ctx: &Ctx,
        pattern: &str,
        length: Length,
        now: Instant,
    ) -> Option<Screen> {
        let pattern = ctx.content.pattern(pattern)?.clone();
        Some(Screen::Breathe(Box::new(Breathe::new(Breathing::new(
            pattern, length, now,
        )))))
    }

    /// Grounding with `variant`, if it exists.
    pub fn ground_screen(ctx: &Ctx, variant: &str) -> Option<Screen> {
        let variant = ctx.content.grounding(variant)?.clone();
        Some(Screen::Ground(Box::new(Ground::new(variant))))
    }

    /// Relaxation with `program`, if it exists, starting at `now`.
    pub fn relax_screen(ctx: &Ctx, program: &str, now: Instant) -> Option<Screen> {
        let program = ctx.content.program(program)?.clone();
        Some(Screen::Relax(Box::new(Relax::new(Relaxation::new(
            program, now,
        )))))
    }

    pub fn ctx(&self) -> &Ctx {
        &self.ctx
    }

    /// The screen on top. Once the last screen has been left the app is
    /// quitting and there is none.
    pub fn screen(&self) -> Option<&Screen> {
        self.stack.last()
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    pub fn help_open(&self) -> bool {
        self.help
    }

    /// Whether anything changed since the last call: the loop draws only then.
    pub fn take_dirty(&mut self) -> bool {
        std::mem::take(&mut self.dirty)
    }

    pub fn on_event(&mut self, event: &Event, now: Instant) {
        match event {
            Event::Key(key) if key.kind == KeyEventKind::Press => self.on_key(*key, now),
            Event::Paste(text) => {
                if let Some(screen) = self.stack.last_mut() {
                    let outcome = screen.paste(text);
                    self.apply(outcome, now);
                }
            }
            Event::Resize(..) => self.dirty = true,
            _ => {}
        }
    }

    pub fn on_key(&mut self, key: KeyEvent, now: Instant) {
        if keys::is_quit(&key) {
            self.quit = true;
            return;
        }
        let Some(screen) = self.stack.last_mut() else {
            return;
        };
        if self.help {
            // Any key closes help; it does nothing else.
            self.help = false;
            self.dirty = true;
            return;
        }
        if screen.takes_text() {
            // Typing: the letter keys are letters, not shortcuts.
            let outcome = screen.type_key(key);
            return self.apply(outcome, now);
        }
        let outcome = match keys::lookup(screen.bindings(), &key) {
            Some(action) => screen.handle(action, &self.ctx, now),
            None => Outcome::Ignored,
        };
        match outcome {
            Outcome::Ignored => {
                if let Some(action) = keys::lookup(keys::GLOBAL, &key) {
                    self.global(action, now);
                }
            }
            other => self.apply(other, now),
        }
    }

    fn global(&mut self, action: Action, now: Instant) {
        match action {
            Action::Help => self.help = true,
            Action::ToggleBell => {
                self.ctx.bell = !self.ctx.bell;
                let state = if self.ctx.bell { "on" } else { "off" };
                self.notify(format!("Bell {state}"), now);
            }
            Action::ToggleMotion => {
                self.ctx.motion = !self.ctx.motion;
                let state = if self.ctx.motion {
                    "on"
                } else {
                    "off (reduced motion)"
                };
                self.notify(format!("Motion {state}"), now);
            }
            _ => return,
        }
        self.dirty = true;
    }

    fn apply(&mut self, outcome: Outcome, now: Instant) {
        match outcome {
            Outcome::Ignored => return,
            Outcome::Changed => {}
            Outcome::Navigate(route) => self.navigate(route, now),
            Outcome::Switch(route) => {
                let left = self.stack.pop();
                self.navigate(route, now);
                // Should the new screen not exist, stay where we were.
                if let (Some(screen), true) = (left, self.stack.is_empty()) {
                    self.stack.push(screen);
                }
            }
            Outcome::Back => {
                self.stack.pop();
                if self.stack.is_empty() {
                    self.quit = true;
                    return;
                }
            }
            Outcome::Emit(effects) => self.run_effects(effects, now),
        }
        self.dirty = true;
    }

    fn navigate(&mut self, route: Route, now: Instant) {
        let screen = match route {
            Route::Patterns => Some(Screen::Patterns(Patterns::new())),
            Route::Breathe { pattern } => {
                App::breathe_screen(&self.ctx, &pattern, Length::Forever, now)
            }
            Route::Ground { variant } => App::ground_screen(&self.ctx, &variant),
            Route::Relax { program } => App::relax_screen(&self.ctx, &program, now),
        };
        if let Some(screen) = screen {
            self.stack.push(screen);
        }
    }

    fn run_effects(&mut self, effects: Vec<Effect>, now: Instant) {
        for effect in effects {
            match effect {
                Effect::Bell(rings) if self.ctx.bell => {
                    for i in 0..rings {
                        self.bells.push_back(now + BELL_GAP * u32::from(i));
                    }
                }
                Effect::Bell(_) => {}
                Effect::Notice(text) => self.notify(text, now),
            }
        }
    }

    fn notify(&mut self, text: String, now: Instant) {
        self.notice = Some((text, now + NOTICE_FOR));
        self.dirty = true;
    }

    /// Lets time pass: the screen applies crossed boundaries, notices expire.
    pub fn advance(&mut self, now: Instant) {
        let Some(screen) = self.stack.last_mut() else {
            return;
        };
        let (changed, effects) = screen.advance(&self.ctx, now);
        self.dirty |= changed;
        self.run_effects(effects, now);
        if self.notice.as_ref().is_some_and(|(_, until)| *until <= now) {
            self.notice = None;
            self.dirty = true;
        }
    }

    /// Bell rings due by `now`, removed from the queue.
    pub fn due_bells(&mut self, now: Instant) -> usize {
        let mut due = 0;
        while self.bells.front().is_some_and(|at| *at <= now) {
            self.bells.pop_front();
            due += 1;
        }
        due
    }

    pub fn next_wake(&self, now: Instant, last_frame: Option<Instant>) -> Option<Instant> {
        let wake = self
            .screen()
            .map(|screen| screen.next_wake(&self.ctx, now))
            .unwrap_or_default();
        let others = [
            self.notice.as_ref().map(|(_, until)| *until),
            self.bells.front().copied(),
        ];
        schedule::next_wake(&[wake], &others, last_frame)
    }

    /// Draws everything; returns where the text cursor should show, if a
    /// field is being typed in (and no help covers it).
    pub fn render(&self, now: Instant, area: Rect, buf: &mut Buffer) -> Option<Position> {
        let screen = self.screen()?;
        let cursor = screen.render(&self.ctx, now, area, buf);
        if let Some((text, _)) = &self.notice
            && area.height >= 6
        {
            ui::centered_line(buf, area, area.bottom() - 2, text, self.ctx.theme.notice);
        }
        if self.help {
            self.render_help(area, buf);
            return None;
        }
        cursor
    }

    fn render_help(&self, area: Rect, buf: &mut Buffer) {
        let theme = &self.ctx.theme;
        let Some(screen) = self.screen() else {
            return;
        };
        let mut rows: Vec<(String, &str)> = screen
            .bindings()
            .iter()
            .chain(keys::GLOBAL)
            .map(|b| (keys::describe(b), b.help))
            .collect();
        rows.push(("ctrl-c".into(), "Quit from anywhere"));
        rows.push(("ctrl-z".into(), "Step out to the shell (fg returns)"));
        let lines: Vec<Line> = rows
            .iter()
            .map(|(label, help)| {
                Line::from(vec![
                    Span::styled(format!(" {label:>7}  "), theme.key),
                    Span::styled(help.to_string(), theme.text),
                ])
            })
            .chain([
                Line::default(),
                Line::styled(" any key closes this", theme.dim),
            ])
            .collect();
        // As wide as the longest line needs, within the window.
        let widest = lines.iter().map(Line::width).max().unwrap_or(0) as u16;
        let width = area.width.min(widest + 3);
        let height = area.height.min(lines.len() as u16 + 2);
        if width < 12 || height < 3 {
            return;
        }
        let rect = Rect::new(
            area.x + (area.width - width) / 2,
            area.y + (area.height - height) / 2,
            width,
            height,
        );
        Clear.render(rect, buf);
        Paragraph::new(lines)
            .block(
                Block::default()
                    .borders(Borders::ALL)
                    .title(" Keys ")
                    .border_style(theme.dim),
            )
            .render(rect, buf);
    }
}

#[cfg(test)]
mod tests;
