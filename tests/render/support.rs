//! What every render test shares: a context with built-in content and a
//! fixed clock, key presses, time passing, and drawing through ratatui's
//! TestBackend (with where the cursor is).

pub use std::time::Instant;

pub use ratatui::Terminal;
pub use ratatui::backend::TestBackend;
pub use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
pub use soothe::app::App;
pub use soothe::content::Content;
pub use soothe::exercise::timeline::Length;
pub use soothe::screen::{Ctx, Route};
pub use soothe::testing::{live, ms, press, type_text};
pub use soothe::ui::Theme;

pub fn ctx(content: Content) -> Ctx {
    soothe::testing::ctx_with(content)
}

/// The screen as text; where a text cursor shows, a last line says where.
pub fn draw(app: &App, now: Instant, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    let mut cursor = None;
    terminal
        .draw(|frame| cursor = app.render(now, frame.area(), frame.buffer_mut()))
        .unwrap();
    let mut text = terminal.backend().to_string();
    if let Some(at) = cursor {
        text.push_str(&format!("cursor at column {}, row {}\n", at.x, at.y));
    }
    text
}

/// A snapshot at 80x24 and one at 40x12, named after the calling screen's
/// module (a macro, so insta files them under it).
macro_rules! both_sizes {
    ($name:expr, $app:expr, $now:expr) => {{
        let (name, app, now) = ($name, $app, $now);
        insta::assert_snapshot!(
            format!("{name}_80x24"),
            $crate::support::draw(app, now, 80, 24)
        );
        insta::assert_snapshot!(
            format!("{name}_40x12"),
            $crate::support::draw(app, now, 40, 12)
        );
    }};
}
pub(crate) use both_sizes;

pub fn home() -> App {
    App::home(ctx(Content::builtin()))
}

pub fn breathe(id: &str, length: Length, t0: Instant) -> App {
    let ctx = ctx(Content::builtin());
    let pattern = ctx.content.pattern(id).unwrap().clone();
    App::direct(ctx, Route::Breathe { pattern, length }, t0)
}

/// From home: down to Patterns and in.
pub fn open_patterns(app: &mut App, t0: Instant) {
    for _ in 0..6 {
        press(app, KeyCode::Down, t0);
    }
    press(app, KeyCode::Enter, t0);
}

pub fn home_with(ctx: Ctx) -> App {
    App::home(ctx)
}

pub fn ground(variant: &str) -> App {
    let ctx = ctx(Content::builtin());
    let variant = ctx.content.grounding(variant).unwrap().clone();
    App::direct(ctx, Route::Ground { variant }, Instant::now())
}

pub fn relax(program: &str, t0: Instant) -> App {
    let ctx = ctx(Content::builtin());
    let program = ctx.content.program(program).unwrap().clone();
    App::direct(ctx, Route::Relax { program }, t0)
}

pub fn history_app(journal: Option<&str>) -> App {
    let t0 = Instant::now();
    let mut app = home();
    for _ in 0..14 {
        press(&mut app, KeyCode::Down, t0);
    }
    press(&mut app, KeyCode::Enter, t0);
    assert!(
        app.take_journal_request(),
        "Enter on History asks for the journal"
    );
    let read = match journal {
        Some(name) => soothe::journal::read(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures/journal")
                .join(name),
        )
        .unwrap(),
        None => soothe::journal::Read::default(),
    };
    app.open_with_journal(Ok(read), t0);
    app
}

pub fn reframe() -> App {
    App::direct(ctx(Content::builtin()), Route::Reframe, Instant::now())
}
