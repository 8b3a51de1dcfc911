//! Planned practice: entries checked and saved from the form, and what is
//! due today shown on the menu until dismissed.

use std::time::Instant;

use ratatui::crossterm::event::KeyCode;

use super::*;
use crate::documents::Loaded;
use crate::practice::{Planned, Practice};
use crate::testing::{ctx, press, type_text};

fn text(app: &App, now: Instant) -> String {
    crate::testing::screen_text(app, now, 80, 24)
}

#[test]
fn an_entry_is_checked_then_saved_from_the_form() {
    let t0 = Instant::now();
    let mut app = App::direct(ctx(), Route::Practice, t0);
    assert!(text(&app, t0).contains("Nothing planned yet."));
    press(&mut app, KeyCode::Char('a'), t0);
    type_text(&mut app, "dance", t0);
    press(&mut app, KeyCode::Tab, t0);
    type_text(&mut app, "mon wed", t0);
    press(&mut app, KeyCode::Tab, t0);
    type_text(&mut app, "08:00", t0);
    press(&mut app, KeyCode::Enter, t0);
    assert!(text(&app, t0).contains("`dance` is not something soothe runs"));
    assert!(app.practice_doc().to_save.is_none(), "not saved");
    // Back to the first field: a pattern that does not exist is named.
    press(&mut app, KeyCode::Tab, t0);
    for _ in 0..5 {
        press(&mut app, KeyCode::Backspace, t0);
    }
    type_text(&mut app, "breathe fast", t0);
    press(&mut app, KeyCode::Enter, t0);
    assert!(text(&app, t0).contains("there is no pattern `fast`"));
    assert!(app.practice_doc().to_save.is_none(), "not saved");
    for _ in 0.."breathe fast".len() {
        press(&mut app, KeyCode::Backspace, t0);
    }
    type_text(&mut app, "breathe gentle --minutes 5", t0);
    press(&mut app, KeyCode::Enter, t0);
    let list = text(&app, t0);
    assert!(
        list.contains("08:00  mon wed        breathe gentle --minutes 5"),
        "{list}"
    );
    let saved = app.practice_doc().to_save.take().expect("saved");
    assert_eq!(saved.practice[0].days, ["mon", "wed"]);
    // Taken out again.
    press(&mut app, KeyCode::Char('d'), t0);
    assert!(
        app.practice_doc()
            .to_save
            .take()
            .unwrap()
            .practice
            .is_empty()
    );
}

#[test]
fn what_is_due_today_shows_on_the_menu_until_dismissed() {
    let t0 = Instant::now();
    let mut ctx = ctx();
    ctx.practice = Loaded::Read(Practice {
        version: 1,
        practice: vec![Planned {
            what: "breathe gentle --minutes 5".into(),
            days: vec!["daily".into()],
            at: "08:00".into(),
        }],
    });
    let mut app = App::home(ctx);
    assert!(app.take_recent_request());
    app.recent_journal(Ok(Default::default()), t0);
    assert!(text(&app, t0).contains("Planned today: 08:00 breathe gentle --minutes 5"));
    press(&mut app, KeyCode::Char('x'), t0);
    assert!(!text(&app, t0).contains("Planned today"));
}

#[test]
fn doing_the_practice_takes_it_off_the_menu_line() {
    let t0 = Instant::now();
    let mut ctx = ctx();
    let planned = |what: &str| Planned {
        what: what.into(),
        days: vec!["daily".into()],
        at: "08:00".into(),
    };
    ctx.practice = Loaded::Read(Practice {
        version: 1,
        practice: vec![planned("ground"), planned("relax 4-group")],
    });
    let mut app = App::home(ctx);
    app.take_recent_request();
    app.recent_journal(Ok(Default::default()), t0);
    assert!(text(&app, t0).contains("Planned today: 08:00 ground · 08:00 relax 4-group"));
    // Ground from the menu, to its end (five quiet Enters per sense).
    press(&mut app, KeyCode::Down, t0);
    press(&mut app, KeyCode::Enter, t0);
    for _ in 0..15 {
        press(&mut app, KeyCode::Enter, t0);
    }
    press(&mut app, KeyCode::Enter, t0);
    assert_eq!(app.kind(), Some(Kind::Home));
    let menu = text(&app, t0);
    assert!(
        menu.contains("Planned today: 08:00 relax 4-group") && !menu.contains("ground ·"),
        "{menu}"
    );
}

#[test]
fn a_hand_written_entry_opens_whole_in_the_form() {
    let t0 = Instant::now();
    let mut ctx = ctx();
    let days: Vec<String> = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
    ]
    .iter()
    .map(|d| d.to_string())
    .collect();
    ctx.practice = Loaded::Read(Practice {
        version: 1,
        practice: vec![Planned {
            what: "breathe".into(),
            days: days.clone(),
            at: "08:00".into(),
        }],
    });
    let mut app = App::direct(ctx, Route::Practice, t0);
    press(&mut app, KeyCode::Enter, t0);
    press(&mut app, KeyCode::Enter, t0);
    let saved = app.practice_doc().to_save.take().expect("kept");
    assert_eq!(saved.practice[0].days, days, "nothing cut");
}
