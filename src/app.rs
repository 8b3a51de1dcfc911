//! The app: a stack of screens, the keys every screen shares, the effects
//! screens ask for (bells, notices), and each exercise session from its
//! check-ins to its journal record. It takes time and input as arguments
//! and draws into any buffer, so tests drive it with fixed instants; only
//! `event_loop` talks to the real terminal, clock and disk.

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
use crate::journal::{Exercise, Read, Record};
use crate::keys::{self, Action};
use crate::screen::breathe::Breathe;
use crate::screen::checkin::{CheckIn, Ratings};
use crate::screen::ground::Ground;
use crate::screen::history::History as HistoryScreen;
use crate::screen::patterns::Patterns;
use crate::screen::reframe::Reframe;
use crate::screen::relax::Relax;
use crate::screen::support::Support;
use crate::screen::{Ctx, Effect, Outcome, Route, Screen, SessionEnd};
use crate::ui;

/// How long a notice such as "Bell on" stays.
pub const NOTICE_FOR: Duration = Duration::from_millis(2500);
/// Rings of one bell effect are spaced so terminals do not merge them.
pub const BELL_GAP: Duration = Duration::from_millis(350);

/// A save failure stays on screen this long: it matters more than "Bell on".
pub const SAVE_NOTICE_FOR: Duration = Duration::from_secs(8);

/// The exercise session under way: its start, the rating before it, and
/// once it ends, how it went. It becomes a journal record after the last
/// check-in (or at once, without check-ins, or when soothe quits).
#[derive(Debug)]
struct Pending {
    started: Instant,
    before: Option<u8>,
    /// Ask "before you started" afterwards: nobody asked at the start.
    ask_before: bool,
    ended: Option<(SessionEnd, Instant)>,
}

pub struct App {
    ctx: Ctx,
    stack: Vec<Screen>,
    help: bool,
    notice: Option<(String, Instant)>,
    bells: VecDeque<Instant>,
    dirty: bool,
    quit: bool,
    pending: Option<Pending>,
    /// The exercise a before-check-in on screen leads to.
    after_checkin: Option<Route>,
    /// Records for the event loop to append to the journal.
    outbox: Vec<Record>,
    /// The History screen was asked for: the event loop reads the journal.
    wants_history: bool,
    /// Lines to print after the terminal is restored (a reframe's balanced
    /// thought and "I"-statement, to copy).
    farewell: Vec<String>,
}

impl App {
    pub fn new(ctx: Ctx, first: Screen) -> App {
        // An exercise as the first screen came straight from the command
        // line: its session began when soothe did, with nothing asked.
        let pending = first.is_exercise().then(|| Pending {
            started: ctx.clock.start(),
            before: None,
            ask_before: true,
            ended: None,
        });
        App {
            ctx,
            stack: vec![first],
            help: false,
            notice: None,
            bells: VecDeque::new(),
            dirty: true,
            quit: false,
            pending,
            after_checkin: None,
            outbox: Vec::new(),
            wants_history: false,
            farewell: Vec::new(),
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
    pub fn ground_screen(ctx: &Ctx, variant: &str, now: Instant) -> Option<Screen> {
        let variant = ctx.content.grounding(variant)?.clone();
        Some(Screen::Ground(Box::new(Ground::new(variant, now))))
    }

    /// A thought record, starting at `now`.
    pub fn reframe_screen(ctx: &Ctx, now: Instant) -> Screen {
        Screen::Reframe(Box::new(Reframe::new(ctx.content.reframing.clone(), now)))
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
            let outcome = screen.type_key(key, now);
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
            Action::Support => {
                if !matches!(self.screen(), Some(Screen::Support(_))) {
                    self.stack.push(Screen::Support(Support));
                }
            }
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
            Outcome::Switch(route) => self.switch(route, now),
            Outcome::Rated(ratings) => self.rated(ratings, now),
            Outcome::Back => self.back(now),
            Outcome::Emit(effects) => self.run_effects(effects, now),
        }
        self.dirty = true;
    }

    /// Leaves the top screen. An exercise's summary gives way to the after
    /// check-in when check-ins are on.
    fn back(&mut self, now: Instant) {
        let closing_summary = self.screen().is_some_and(Screen::exercise_ended);
        let ask = self
            .pending
            .as_ref()
            .filter(|p| {
                let asks = p
                    .ended
                    .as_ref()
                    .is_some_and(|(end, _)| end.exercise.has_checkins());
                closing_summary && asks && self.ctx.settings.checkins
            })
            .map(|p| p.ask_before);
        if let Some(ask_before) = ask {
            self.stack.pop();
            self.stack.push(Screen::CheckIn(CheckIn::after(ask_before)));
            return;
        }
        if let Some(mut screen) = self.stack.pop()
            && let Some(end) = screen.abandon(now)
        {
            self.session_ended(end, now);
        }
        if self.stack.is_empty() {
            self.quit = true;
        }
    }

    /// A check-in answered: before an exercise it starts the exercise; after
    /// one it completes the session's record.
    fn rated(&mut self, ratings: Ratings, now: Instant) {
        self.stack.pop();
        if let Some(route) = self.after_checkin.take() {
            self.open(route, now, ratings.before, false);
            return;
        }
        if let Some(pending) = self.pending.as_mut() {
            pending.before = ratings.before.or(pending.before);
            self.write_session(ratings.after);
        }
        if self.stack.is_empty() {
            self.quit = true;
        }
    }

    /// Breathing → grounding: the breathing session is recorded as left,
    /// and grounding begins at once (no check-in in between), keeping the
    /// rating from the start.
    fn switch(&mut self, route: Route, now: Instant) {
        let Some(mut left) = self.stack.pop() else {
            return;
        };
        let (before, ask_before) = self
            .pending
            .as_ref()
            .map_or((None, true), |p| (p.before, p.ask_before));
        if let Some(end) = left.abandon(now) {
            self.session_ended(end, now);
            self.write_session(None);
        }
        let depth = self.stack.len();
        self.open(route, now, before, ask_before);
        if self.stack.len() == depth {
            // The new screen does not exist: stay where we were.
            self.stack.push(left);
        }
    }

    fn session_ended(&mut self, end: SessionEnd, now: Instant) {
        if let Some(reframe) = &end.reframe {
            self.farewell = reframe.farewell();
        }
        let pending = self.pending.get_or_insert(Pending {
            started: now,
            before: None,
            ask_before: true,
            ended: None,
        });
        let checkins = end.exercise.has_checkins();
        pending.ended = Some((end, now));
        if !(checkins && self.ctx.settings.checkins) {
            self.write_session(None);
        }
    }

    /// What to print once the terminal is back (and copyable).
    pub fn farewell(&self) -> &[String] {
        &self.farewell
    }

    /// Turns the ended session into a journal record for the event loop.
    fn write_session(&mut self, after: Option<u8>) {
        let Some(pending) = self.pending.take() else {
            return;
        };
        let Some((end, ended)) = pending.ended else {
            // Nothing ended yet: the session goes on.
            self.pending = Some(pending);
            return;
        };
        let clock = self.ctx.clock;
        self.outbox.push(end.into_record(
            clock.at(pending.started),
            clock.at(ended),
            pending.before,
            after,
            self.ctx.settings.save_text,
        ));
    }

    /// Ends whatever session is under way (soothe is quitting: Ctrl-C, a
    /// signal, the last screen left) so its record is written before the
    /// terminal is restored.
    pub fn finish(&mut self, now: Instant) {
        if let Some(end) = self.stack.last_mut().and_then(|s| s.abandon(now)) {
            self.session_ended(end, now);
        }
        self.write_session(None);
    }

    /// Whether the History screen waits for the journal to be read.
    pub fn take_history_request(&mut self) -> bool {
        std::mem::take(&mut self.wants_history)
    }

    /// The journal, read: the History screen opens on it (or a notice says
    /// why it could not be read).
    pub fn open_history(&mut self, read: Result<Read, String>, now: Instant) {
        match read {
            Ok(read) => self
                .stack
                .push(Screen::History(Box::new(HistoryScreen::new(read)))),
            Err(why) => self.notify(format!("The journal could not be read: {why}"), now),
        }
        self.dirty = true;
    }

    /// Journal records waiting to be appended.
    pub fn take_records(&mut self) -> Vec<Record> {
        std::mem::take(&mut self.outbox)
    }

    /// A record could not be appended: say so clearly, once.
    pub fn save_failed(&mut self, why: &str, now: Instant) {
        self.notice = Some((
            format!("This session could not be saved: {why}"),
            now + SAVE_NOTICE_FOR,
        ));
        self.dirty = true;
    }

    fn navigate(&mut self, route: Route, now: Instant) {
        let asks = route.exercise().is_some_and(Exercise::has_checkins);
        if asks && self.ctx.settings.checkins {
            self.after_checkin = Some(route);
            self.stack.push(Screen::CheckIn(CheckIn::before()));
            return;
        }
        self.open(route, now, None, false);
    }

    /// Pushes the route's screen; an exercise starts a session.
    fn open(&mut self, route: Route, now: Instant, before: Option<u8>, ask_before: bool) {
        let exercise = route.exercise().is_some();
        let screen = match route {
            Route::Patterns => Some(Screen::Patterns(Patterns::new())),
            Route::Support => Some(Screen::Support(Support)),
            Route::History => {
                self.wants_history = true;
                None
            }
            Route::Breathe { pattern } => {
                App::breathe_screen(&self.ctx, &pattern, Length::Forever, now)
            }
            Route::Ground { variant } => App::ground_screen(&self.ctx, &variant, now),
            Route::Relax { program } => App::relax_screen(&self.ctx, &program, now),
            Route::Reframe => Some(App::reframe_screen(&self.ctx, now)),
        };
        let Some(screen) = screen else {
            return;
        };
        if exercise {
            self.pending = Some(Pending {
                started: now,
                before,
                ask_before,
                ended: None,
            });
        }
        self.stack.push(screen);
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
                Effect::SessionEnded(end) => self.session_ended(end, now),
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
            .filter(|b| !b.help.is_empty())
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
