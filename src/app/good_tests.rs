//! Three good things: written with their whys, kept in the person's words,
//! and offered on the menu each evening of the week that follows.

use std::time::Instant;

use ratatui::crossterm::event::KeyCode;

use super::*;
use crate::clock::WallClock;
use crate::journal;
use crate::testing::{ctx, press, type_text};

fn text(app: &App, now: Instant) -> String {
    crate::testing::screen_text(app, now, 80, 24)
}

#[test]
fn three_things_and_their_whys_are_kept_in_the_persons_words() {
    let t0 = Instant::now();
    let mut app = App::direct(ctx(), Route::Good, t0);
    assert!(text(&app, t0).contains("1 of 3"));
    press(&mut app, KeyCode::Enter, t0);
    assert!(text(&app, t0).contains("1 of 3"), "a thing needs words");
    type_text(&mut app, "Sam called back", t0);
    press(&mut app, KeyCode::Enter, t0);
    assert!(text(&app, t0).contains("Why did it go well?"));
    type_text(&mut app, "I asked plainly", t0);
    press(&mut app, KeyCode::Enter, t0);
    type_text(&mut app, "quiet walk 🌙", t0);
    press(&mut app, KeyCode::Enter, t0);
    // A why may be left empty; back a field loses nothing.
    press(&mut app, KeyCode::PageUp, t0);
    assert!(text(&app, t0).contains("quiet walk"));
    press(&mut app, KeyCode::Enter, t0);
    press(&mut app, KeyCode::Enter, t0);
    type_text(&mut app, "finished the report", t0);
    press(&mut app, KeyCode::Enter, t0);
    type_text(&mut app, "I started early", t0);
    press(&mut app, KeyCode::Enter, t0);
    let last = text(&app, t0);
    assert!(last.contains("because I asked plainly"), "{last}");
    press(&mut app, KeyCode::Enter, t0);
    assert_eq!(app.kind(), Some(Kind::Ending));
    let record = &app.take_records()[0];
    assert_eq!((record.v, record.exercise), (2, journal::Exercise::Good));
    assert!(record.completed);
    let good: Vec<(&str, &str)> = record
        .good
        .iter()
        .map(|g| (g.what.as_str(), g.why.as_str()))
        .collect();
    assert_eq!(
        good,
        [
            ("Sam called back", "I asked plainly"),
            ("quiet walk 🌙", ""),
            ("finished the report", "I started early")
        ]
    );
    // The week of evening offers starts today.
    let week = app.take_good_week().unwrap();
    assert_eq!(week.last, week.started);
}

#[test]
fn a_heavy_week_gives_the_menu_one_dismissable_line_pointing_to_support() {
    let t0 = Instant::now();
    let mut ctx = ctx();
    ctx.help_line_due = true;
    let mut app = App::home(ctx.clone());
    assert!(
        app.take_recent_request(),
        "the menu asks for the recent journal"
    );
    let today = ctx.clock.at(t0).date_naive();
    let heavy: Vec<journal::Record> = (0..5)
        .map(|n| {
            let mut r = crate::journal::tests::sample(n);
            r.started_at = ctx.clock.at(t0) - chrono::Duration::hours(i64::from(n));
            r.before = Some(9);
            r
        })
        .collect();
    let heavy_again = heavy.clone();
    app.recent_journal(
        Ok(journal::Read {
            records: heavy,
            ..Default::default()
        }),
        t0,
    );
    let menu = text(&app, t0);
    assert!(menu.contains("It has been a heavy week."), "{menu}");
    assert_eq!(app.take_help_line_shown(), Some(today));
    assert!(app.footer().iter().any(|h| h.word == "dismiss"));
    press(&mut app, KeyCode::Char('x'), t0);
    assert!(!text(&app, t0).contains("heavy week"));
    // Shown this week already: not shown again, whatever the journal says.
    ctx.help_line_due = false;
    let mut again = App::home(ctx);
    again.recent_journal(
        Ok(journal::Read {
            records: heavy_again,
            ..Default::default()
        }),
        t0,
    );
    assert!(!text(&again, t0).contains("heavy week"));
    assert_eq!(again.take_help_line_shown(), None);
}

#[test]
fn the_menu_offers_them_in_the_evening_of_a_week_already_begun() {
    let t0 = Instant::now();
    let evening = |at: &str| {
        let mut ctx = ctx();
        ctx.clock = WallClock::new(t0, chrono::DateTime::parse_from_rfc3339(at).unwrap());
        ctx.good_week = crate::exercise::good::GoodWeek::default()
            .written(chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap());
        App::home(ctx)
    };
    let offer = "This evening's three good things";
    assert!(text(&evening("2026-11-22T20:00:00+01:00"), t0).contains(offer));
    assert!(
        !text(&evening("2026-11-22T09:00:00+01:00"), t0).contains(offer),
        "mornings: no"
    );
    assert!(
        !text(&evening("2026-11-28T20:00:00+01:00"), t0).contains(offer),
        "the week is over"
    );
}
