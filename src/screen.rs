//! The screens and what they can ask of the app. Screens own their state,
//! handle their keys and draw themselves; they never touch the disk, the
//! clock or the terminal: time is handed in, effects are returned as data.

pub mod breathe;
pub mod home;
pub mod patterns;

use std::time::Instant;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::content::Content;
use crate::exercise::breathing::Wake;
use crate::keys::{Action, Binding};
use crate::ui::Theme;

/// What every screen may read: content and the session's toggles.
#[derive(Debug, Clone)]
pub struct Ctx {
    pub content: Content,
    pub theme: Theme,
    pub motion: bool,
    pub bell: bool,
}

/// Where a screen wants to go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Patterns,
    Breathe { pattern: String },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// A phase change worth this many bell rings (the app rings only if the bell is on).
    Bell(u8),
    /// A short, quiet message at the bottom.
    Notice(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Not this screen's key: the app may use it (global keys).
    Ignored,
    Changed,
    Navigate(Route),
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

pub enum Screen {
    Home(home::Home),
    Patterns(patterns::Patterns),
    Breathe(Box<breathe::Breathe>),
}

impl Screen {
    pub fn bindings(&self) -> &'static [Binding] {
        match self {
            Screen::Home(_) => crate::keys::HOME,
            Screen::Patterns(_) => crate::keys::PATTERNS,
            Screen::Breathe(s) => s.bindings(),
        }
    }

    pub fn handle(&mut self, action: Action, ctx: &Ctx, now: Instant) -> Outcome {
        match self {
            Screen::Home(s) => s.handle(action, ctx),
            Screen::Patterns(s) => s.handle(action, ctx),
            Screen::Breathe(s) => s.handle(action, now),
        }
    }

    /// Applies the passage of time; returns whether the picture changed and
    /// what should happen because of it.
    pub fn advance(&mut self, ctx: &Ctx, now: Instant) -> (bool, Vec<Effect>) {
        match self {
            Screen::Breathe(s) => s.advance(ctx, now),
            Screen::Home(_) | Screen::Patterns(_) => (false, Vec::new()),
        }
    }

    pub fn next_wake(&self, ctx: &Ctx, now: Instant) -> Wake {
        match self {
            Screen::Breathe(s) => s.next_wake(ctx, now),
            Screen::Home(_) | Screen::Patterns(_) => Wake::default(),
        }
    }

    pub fn render(&self, ctx: &Ctx, now: Instant, area: Rect, buf: &mut Buffer) {
        match self {
            Screen::Home(s) => s.render(ctx, area, buf),
            Screen::Patterns(s) => s.render(ctx, area, buf),
            Screen::Breathe(s) => s.render(ctx, now, area, buf),
        }
    }
}
