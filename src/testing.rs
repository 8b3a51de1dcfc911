//! Test support shared by the unit, flow and render tests: a context with
//! built-in content and a fixed wall clock, key presses, and time passing
//! the way the event loop lets it. Not used by soothe itself.

pub mod svg;

use std::time::{Duration, Instant};

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;

use crate::app::App;
use crate::clock::WallClock;
use crate::content::Content;
use crate::screen::Ctx;
use crate::settings::Settings;
use crate::ui::Theme;

/// Built-in content, calm colours, motion on, bell off, check-ins off
/// (they are tested on their own; elsewhere they would be in the way).
pub fn ctx() -> Ctx {
    ctx_with(Content::builtin())
}

pub fn ctx_with(content: Content) -> Ctx {
    Ctx {
        content,
        theme: Theme::calm(),
        motion: true,
        bell: false,
        settings: Settings {
            checkins: false,
            ..Default::default()
        },
        safety_asked: true,
        plan: crate::documents::Loaded::Missing,
        practice: crate::documents::Loaded::Missing,
        cards: crate::documents::Loaded::Missing,
        beliefs: crate::documents::Loaded::Missing,
        ladders: crate::documents::Loaded::Missing,
        standings: Default::default(),
        drawn: None,
        good_week: Default::default(),
        help_line_due: false,
        popup: false,
        follow_ups_asked: Vec::new(),
        clock: WallClock::new(
            Instant::now(),
            chrono::DateTime::parse_from_rfc3339("2026-11-22T08:00:00+01:00")
                .expect("a fixed test time"),
        ),
    }
}

pub fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

pub fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

/// A key at `now`, then a look at the clock, as the event loop does.
pub fn press(app: &mut App, code: KeyCode, now: Instant) {
    app.on_key(key(code), now);
    app.advance(now);
}

/// Each character typed as its own key.
pub fn type_text(app: &mut App, text: &str, now: Instant) {
    for c in text.chars() {
        press(app, KeyCode::Char(c), now);
    }
}

/// Lets time pass the way the event loop does: looking at least every
/// quarter second (a jump of seconds would count as a stall and pause).
pub fn live(app: &mut App, from: Instant, to: Instant) {
    let mut t = from;
    app.advance(t);
    while t < to {
        t = (t + ms(250)).min(to);
        app.advance(t);
    }
}

/// Everything drawn at `width`x`height`, one string per row.
pub fn screen_text(app: &App, now: Instant, width: u16, height: u16) -> String {
    let mut buf = Buffer::empty(Rect::new(0, 0, width, height));
    app.render(now, buf.area, &mut buf);
    let mut text = String::new();
    for y in 0..height {
        for x in 0..width {
            text.push_str(buf[(x, y)].symbol());
        }
        text.push('\n');
    }
    text
}

/// `App::direct`, with the journal read as empty when the screen waits for
/// it (History, Evidence, a ladder, a talk).
pub fn opened(ctx: Ctx, route: crate::session::Route, now: Instant) -> App {
    let mut app = App::direct(ctx, route, now);
    empty_journal(&mut app, now);
    app
}

/// Getting ready for a talk in a popup (`SOOTHE_LAUNCHER=popup`), typed
/// through to its ending, which has lines to take away: the topic, `says`
/// and what to listen for.
pub fn prepared_in_a_popup(says: &str, now: Instant) -> App {
    let mut popup = ctx();
    popup.popup = true;
    let mut app = App::direct(popup, crate::session::Route::TalkPrepare, now);
    for words in ["The weekend plans", says] {
        type_text(&mut app, words, now);
        press(&mut app, KeyCode::Enter, now);
    }
    press(&mut app, KeyCode::Enter, now);
    type_text(&mut app, "How their week was", now);
    press(&mut app, KeyCode::Enter, now);
    app
}

/// What the event loop does when a screen waits for the journal, with
/// these records read from it.
pub fn journal_read(app: &mut App, records: Vec<crate::journal::Record>, now: Instant) {
    app.open_with_journal(
        Ok(crate::journal::Read {
            records,
            ..Default::default()
        }),
        now,
    );
}

/// What the event loop does when a screen waits for the journal, with an
/// empty one.
pub fn empty_journal(app: &mut App, now: Instant) {
    if app.take_journal_request() {
        app.open_with_journal(Ok(crate::journal::Read::default()), now);
    }
}
