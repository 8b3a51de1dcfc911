//! A talk: the ground rules, the floor while speaking (with the mirror
//! reminder) and while the listener mirrors, and the heard question.

use crate::support::*;

fn on_the_floor(t0: Instant) -> App {
    let mut app = soothe::testing::opened(ctx(Content::builtin()), Route::Talk, t0);
    for name in ["Ana", "Sam 🌻", "How we say goodnight"] {
        type_text(&mut app, name, t0);
        press(&mut app, KeyCode::Enter, t0);
    }
    press(&mut app, KeyCode::Char('1'), t0);
    app
}

#[test]
fn talk_screens() {
    let t0 = ctx(Content::builtin()).clock.start();
    let mut app = on_the_floor(t0);
    press(&mut app, KeyCode::Char('1'), t0);
    both_sizes!("talk_ground_rules", &app, t0);
    press(&mut app, KeyCode::Char('2'), t0);
    let later = t0 + ms(95_000);
    app.advance(later);
    both_sizes!("talk_speaking", &app, later);
    press(&mut app, KeyCode::Enter, later);
    both_sizes!("talk_mirroring", &app, later);
    // Closed during a break; opened again an hour later.
    press(&mut app, KeyCode::Char('p'), later);
    app.finish(later);
    let records = app.take_records();
    let again = later + ms(3_600_000);
    let mut app = App::direct(ctx(Content::builtin()), Route::Talk, again);
    assert!(app.take_journal_request());
    soothe::testing::journal_read(&mut app, records, again);
    both_sizes!("talk_going_on", &app, again);
    press(&mut app, KeyCode::Char('1'), again);
    both_sizes!("talk_going_on_names", &app, again);
}

#[test]
fn the_other_talks() {
    let t0 = ctx(Content::builtin()).clock.start();
    let mut app = App::direct(ctx(Content::builtin()), Route::TalkPrepare, t0);
    for words in ["The weekend plans", "You always decide everything"] {
        type_text(&mut app, words, t0);
        press(&mut app, KeyCode::Enter, t0);
    }
    both_sizes!("talk_prepare_check", &app, t0);
    let mut app = App::direct(ctx(Content::builtin()), Route::TalkStress, t0);
    for words in ["Ana", "Sam", "My manager moved the deadline"] {
        type_text(&mut app, words, t0);
        press(&mut app, KeyCode::Enter, t0);
    }
    both_sizes!("talk_stress_described", &app, t0);
    press(&mut app, KeyCode::Char('1'), t0);
    both_sizes!("talk_stress_what_would_help", &app, t0);
}

#[test]
fn in_a_popup_the_last_screen_keeps_the_lines_to_take_away() {
    let t0 = ctx(Content::builtin()).clock.start();
    let mut app =
        soothe::testing::prepared_in_a_popup("I would like us to plan Saturday together", t0);
    press(&mut app, KeyCode::Enter, t0);
    both_sizes!("farewell_in_a_popup", &app, t0);
}
