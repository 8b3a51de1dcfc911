//! The ending of each exercise: summaries, and the check-ins before and after.

use crate::support::*;

#[test]
fn breathe_summary() {
    let t0 = Instant::now();
    let mut app = breathe("coherent", Length::Cycles(3), t0);
    live(&mut app, t0, t0 + ms(33_000));
    both_sizes!("breathe_summary", &app, t0 + ms(33_000));
}

#[test]
fn ground_summary_by_sense() {
    let t0 = Instant::now();
    let mut app = ground("5-4-3-2-1");
    let items = [
        "lamp",
        "",
        "窓",
        "",
        "",
        "feet on the floor",
        "",
        "",
        "",
        "fridge hum",
        "🐦 birds",
        "",
        "coffee",
        "",
        "mint",
    ];
    for item in items {
        type_text(&mut app, item, t0);
        press(&mut app, KeyCode::Enter, t0);
    }
    both_sizes!("ground_summary", &app, t0);
}

#[test]
fn relax_summary() {
    let t0 = Instant::now();
    let mut app = relax("4-group", t0);
    let end = t0 + ms(Content::builtin().program("4-group").unwrap().total_ms());
    live(&mut app, t0, end);
    both_sizes!("relax_summary", &app, end);
}

#[test]
fn check_in_before_and_after() {
    let t0 = Instant::now();
    let mut c = ctx(Content::builtin());
    c.settings.checkins = true;
    let mut app = home_with(c.clone());
    press(&mut app, KeyCode::Enter, t0);
    press(&mut app, KeyCode::Char('7'), t0);
    both_sizes!("checkin_before", &app, t0);
    // Straight from a command: two questions, after the exercise.
    let program = c.content.program("4-group").unwrap().clone();
    let mut app = App::direct(c, Route::Relax { program }, t0);
    press(&mut app, KeyCode::Char('q'), t0);
    press(&mut app, KeyCode::Char('7'), t0);
    press(&mut app, KeyCode::Right, t0);
    both_sizes!("checkin_after_direct", &app, t0);
}
