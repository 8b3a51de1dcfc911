//! The kindness pause: three steps picked or typed, and offered by an
//! ending whose distress stays at 6 or more.

use std::time::Instant;

use ratatui::crossterm::event::KeyCode;

use super::*;
use crate::exercise::timeline::Length;
use crate::journal;
use crate::testing::{ctx, press, type_text};

fn text(app: &App, now: Instant) -> String {
    crate::testing::screen_text(app, now, 80, 24)
}

#[test]
fn three_steps_picked_or_typed_and_only_the_choice_is_kept() {
    let t0 = Instant::now();
    let mut app = App::direct(ctx(), Route::Kind, t0);
    assert!(text(&app, t0).contains("Name it: this hurts"));
    press(&mut app, KeyCode::Enter, t0);
    assert!(text(&app, t0).contains("You are not the only one"));
    press(&mut app, KeyCode::Tab, t0);
    type_text(&mut app, "quiet is not a verdict", t0);
    press(&mut app, KeyCode::Enter, t0);
    press(&mut app, KeyCode::Down, t0);
    press(&mut app, KeyCode::Enter, t0);
    let last = text(&app, t0);
    assert!(last.contains("This is really hard right now."), "{last}");
    assert!(last.contains("quiet is not a verdict"), "{last}");
    assert!(
        last.contains("I can be kind to myself, even now."),
        "{last}"
    );
    press(&mut app, KeyCode::Enter, t0);
    assert_eq!(app.kind(), Some(Kind::Ending));
    let record = &app.take_records()[0];
    assert_eq!((record.v, record.exercise), (2, journal::Exercise::Kind));
    assert!(record.completed);
    assert_eq!(record.chosen, ["kind.hurts.1", "own", "kind.need.2"]);
    let line = serde_json::to_string(record).unwrap();
    assert!(
        !line.contains("verdict"),
        "typed words are not kept: {line}"
    );
}

#[test]
fn an_ending_still_at_six_or_more_offers_the_kindness_pause() {
    let t0 = Instant::now();
    let mut ctx = ctx();
    ctx.settings.checkins = true;
    let pattern = ctx.content.pattern("4-4-6").unwrap().clone();
    let route = Route::Breathe {
        pattern,
        length: Length::Forever,
    };
    let mut app = App::direct(ctx.clone(), route.clone(), t0);
    press(&mut app, KeyCode::Char('q'), t0);
    press(&mut app, KeyCode::Char('8'), t0);
    press(&mut app, KeyCode::Char('5'), t0);
    assert!(
        !text(&app, t0).contains("kindness pause"),
        "5 is below the offer"
    );
    press(&mut app, KeyCode::Left, t0);
    press(&mut app, KeyCode::Right, t0);
    press(&mut app, KeyCode::Right, t0);
    let ending = text(&app, t0);
    assert!(
        ending.contains("Still strong? Try a kindness pause: c"),
        "{ending}"
    );
    press(&mut app, KeyCode::Char('c'), t0);
    assert_eq!(app.kind(), Some(Kind::Kind));
    // The breathing was saved as rated; its "now" is the pause's before.
    let records = app.take_records();
    assert_eq!((records[0].before, records[0].after), (Some(8), Some(6)));
    press(&mut app, KeyCode::Char('q'), t0);
    press(&mut app, KeyCode::Char('4'), t0);
    press(&mut app, KeyCode::Enter, t0);
    let records = app.take_records();
    assert_eq!(records[0].exercise, journal::Exercise::Kind);
    assert_eq!((records[0].before, records[0].after), (Some(6), Some(4)));
    // A kindness pause's own ending offers nothing more.
    let mut app = App::direct(ctx, Route::Kind, t0);
    press(&mut app, KeyCode::Char('q'), t0);
    press(&mut app, KeyCode::Char('9'), t0);
    press(&mut app, KeyCode::Char('9'), t0);
    assert!(!text(&app, t0).contains("Try a kindness pause"));
}
