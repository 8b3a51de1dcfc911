//! The screens and what they can ask of the app. Screens own their state,
//! handle their keys and draw themselves; they never touch the disk, the
//! clock or the terminal: time is handed in, effects are returned as data.

pub mod breathe;
pub mod checkin;
pub mod ground;
pub mod history;
pub mod home;
pub mod patterns;
pub mod reframe;
pub mod relax;
pub mod support;

use std::time::Instant;

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Position, Rect};

use crate::clock::WallClock;
use crate::content::Content;
use crate::exercise::breathing::Wake;
use crate::journal::Exercise;
pub use crate::journal::Session as SessionEnd;
use crate::keys::{Action, Binding};
use crate::settings::Settings;
use crate::text_field::TextField;
use crate::ui::Theme;

/// What every screen may read: content, settings and the session's toggles.
#[derive(Debug, Clone)]
pub struct Ctx {
    pub content: Content,
    pub theme: Theme,
    pub motion: bool,
    pub bell: bool,
    pub settings: Settings,
    /// Wall-clock times for journal records.
    pub clock: WallClock,
}

/// Where a screen wants to go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Patterns,
    Breathe { pattern: String },
    Ground { variant: String },
    Relax { program: String },
    Support,
    History,
    Reframe,
}

impl Route {
    /// The exercise this route starts (and so a journal session), if any.
    pub fn exercise(&self) -> Option<Exercise> {
        match self {
            Route::Breathe { .. } => Some(Exercise::Breathe),
            Route::Ground { .. } => Some(Exercise::Ground),
            Route::Relax { .. } => Some(Exercise::Relax),
            Route::Reframe => Some(Exercise::Reframe),
            Route::Patterns | Route::Support | Route::History => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// A phase change worth this many bell rings (the app rings only if the bell is on).
    Bell(u8),
    /// A short, quiet message at the bottom.
    Notice(String),
    /// An exercise ended, by itself or left early: what the journal keeps.
    SessionEnded(SessionEnd),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Not this screen's key: the app may use it (global keys).
    Ignored,
    Changed,
    Navigate(Route),
    /// A check-in was answered (or skipped).
    Rated(checkin::Ratings),
    /// Leave this screen for another in its place (breathing → grounding).
    Switch(Route),
    Back,
    Emit(Vec<Effect>),
}

/// Up and Down in a list of `count` items: the new selection, or `None`
/// when `action` is not a move.
pub fn move_in_list(selected: usize, action: Action, count: usize) -> Option<usize> {
    match action {
        Action::Up => Some(selected.saturating_sub(1)),
        Action::Down => Some((selected + 1).min(count.saturating_sub(1))),
        _ => None,
    }
}

/// The editing keys every text field shares: Backspace, Delete, → (←
/// is the screen's own), Home, End, Ctrl-A/E/U/W/H, and ↑ ↓ between rows of
/// a layout `width` wide (0: one-row fields, no vertical moves). `Some`
/// with whether the text or cursor changed; `None` for any other key.
pub fn edit_field(field: &mut TextField, key: KeyEvent, width: u16) -> Option<bool> {
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    Some(match key.code {
        KeyCode::Backspace => field.backspace(),
        KeyCode::Delete => field.delete(),
        KeyCode::Right => field.right(),
        KeyCode::Up if width > 0 => field.vertical(width, false),
        KeyCode::Down if width > 0 => field.vertical(width, true),
        KeyCode::Home => {
            field.home();
            true
        }
        KeyCode::End => {
            field.end();
            true
        }
        KeyCode::Char('a') if ctrl => {
            field.home();
            true
        }
        KeyCode::Char('e') if ctrl => {
            field.end();
            true
        }
        KeyCode::Char('u') if ctrl => field.delete_to_start(),
        KeyCode::Char('w') if ctrl => field.delete_word(),
        KeyCode::Char('h') if ctrl => field.backspace(),
        _ => return None,
    })
}

pub enum Screen {
    Home(home::Home),
    Patterns(patterns::Patterns),
    Breathe(Box<breathe::Breathe>),
    Ground(Box<ground::Ground>),
    Relax(Box<relax::Relax>),
    CheckIn(checkin::CheckIn),
    Support(support::Support),
    History(Box<history::History>),
    Reframe(Box<reframe::Reframe>),
}

impl Screen {
    pub fn bindings(&self) -> &'static [Binding] {
        match self {
            Screen::Home(_) => crate::keys::HOME,
            Screen::Patterns(_) => crate::keys::PATTERNS,
            Screen::Breathe(s) => s.bindings(),
            Screen::Ground(s) => s.bindings(),
            Screen::Relax(s) => s.bindings(),
            Screen::CheckIn(_) => crate::keys::CHECKIN,
            Screen::Support(_) => crate::keys::SUPPORT,
            Screen::History(_) => crate::keys::HISTORY,
            Screen::Reframe(s) => s.bindings(),
        }
    }

    pub fn handle(&mut self, action: Action, ctx: &Ctx, now: Instant) -> Outcome {
        match self {
            Screen::Home(s) => s.handle(action, ctx),
            Screen::Patterns(s) => s.handle(action, ctx),
            Screen::Breathe(s) => s.handle(action, now),
            Screen::Ground(s) => s.handle(action, now),
            Screen::Relax(s) => s.handle(action, now),
            Screen::CheckIn(s) => s.handle(action),
            Screen::Support(s) => s.handle(action),
            Screen::History(s) => s.handle(action),
            Screen::Reframe(s) => s.handle(action, now),
        }
    }

    /// Whether a text field has the keys: then every key goes to
    /// [`Screen::type_key`] and none is a shortcut (only Ctrl-C quits).
    pub fn takes_text(&self) -> bool {
        match self {
            Screen::Ground(s) => s.takes_text(),
            Screen::Reframe(s) => s.takes_text(),
            _ => false,
        }
    }

    pub fn type_key(&mut self, key: KeyEvent, now: Instant) -> Outcome {
        match self {
            Screen::Ground(s) => s.type_key(key, now),
            Screen::Reframe(s) => s.type_key(key),
            _ => Outcome::Ignored,
        }
    }

    pub fn paste(&mut self, text: &str) -> Outcome {
        match self {
            Screen::Ground(s) => s.paste(text),
            Screen::Reframe(s) => s.paste(text),
            _ => Outcome::Ignored,
        }
    }

    /// Ends a running exercise now (the person is leaving it, or soothe is
    /// quitting): its session, once. `None` for other screens, or when the
    /// exercise already ended and said so.
    pub fn abandon(&mut self, now: Instant) -> Option<SessionEnd> {
        match self {
            Screen::Breathe(s) => s.abandon(now),
            Screen::Ground(s) => s.abandon(now),
            Screen::Relax(s) => s.abandon(now),
            Screen::Reframe(s) => s.abandon(now),
            _ => None,
        }
    }

    pub fn is_exercise(&self) -> bool {
        matches!(
            self,
            Screen::Breathe(_) | Screen::Ground(_) | Screen::Relax(_) | Screen::Reframe(_)
        )
    }

    /// Whether an exercise on screen has ended and shows its summary.
    pub fn exercise_ended(&self) -> bool {
        match self {
            Screen::Breathe(s) => s.ended().is_some(),
            Screen::Ground(s) => s.is_ended(),
            Screen::Relax(s) => s.ended().is_some(),
            Screen::Reframe(s) => s.ended().is_some(),
            _ => false,
        }
    }

    /// Applies the passage of time; returns whether the picture changed and
    /// what should happen because of it.
    pub fn advance(&mut self, ctx: &Ctx, now: Instant) -> (bool, Vec<Effect>) {
        match self {
            Screen::Breathe(s) => s.advance(ctx, now),
            Screen::Relax(s) => s.advance(ctx, now),
            _ => (false, Vec::new()),
        }
    }

    pub fn next_wake(&self, ctx: &Ctx, now: Instant) -> Wake {
        match self {
            Screen::Breathe(s) => s.next_wake(ctx, now),
            Screen::Relax(s) => s.next_wake(ctx, now),
            _ => Wake::default(),
        }
    }

    /// Draws the screen; returns where the text cursor should show, if anywhere.
    pub fn render(
        &self,
        ctx: &Ctx,
        now: Instant,
        area: Rect,
        buf: &mut Buffer,
    ) -> Option<Position> {
        match self {
            Screen::Home(s) => s.render(ctx, area, buf),
            Screen::Patterns(s) => s.render(ctx, area, buf),
            Screen::Breathe(s) => s.render(ctx, now, area, buf),
            Screen::Ground(s) => return s.render(ctx, area, buf),
            Screen::Reframe(s) => return s.render(ctx, area, buf),
            Screen::Relax(s) => s.render(ctx, now, area, buf),
            Screen::CheckIn(s) => s.render(ctx, area, buf),
            Screen::Support(s) => s.render(ctx, area, buf),
            Screen::History(s) => s.render(ctx, area, buf),
        }
        None
    }
}
