//! A repair alone: calm enough, breathing offered, feelings, a step with its
//! hint, and the repair to say in its box.

use crate::support::*;

#[test]
fn repair_screens() {
    let ctx = ctx(Content::builtin());
    let t0 = ctx.clock.start();
    let mut app = App::direct(ctx, Route::Repair, t0);
    press(&mut app, KeyCode::Char('8'), t0);
    both_sizes!("repair_calm_enough", &app, t0);
    press(&mut app, KeyCode::Enter, t0);
    both_sizes!("repair_breathing_offered", &app, t0);
    press(&mut app, KeyCode::Enter, t0);
    press(&mut app, KeyCode::Char(' '), t0);
    press(&mut app, KeyCode::Down, t0);
    press(&mut app, KeyCode::Down, t0);
    press(&mut app, KeyCode::Char(' '), t0);
    both_sizes!("repair_feelings", &app, t0);
    press(&mut app, KeyCode::Enter, t0);
    press(&mut app, KeyCode::Tab, t0);
    type_text(
        &mut app,
        "I came in; you were on the phone; I said you never listen",
        t0,
    );
    both_sizes!("repair_camera", &app, t0);
    press(&mut app, KeyCode::Enter, t0);
    for (text, skip) in [
        ("I got home and was met at the door with a complaint", false),
        ("", true),
        ("", true),
        ("raising my voice", false),
        ("saying you never listen", false),
        (
            "When my heart races, I will say I need twenty minutes and take a break",
            false,
        ),
        ("", true),
    ] {
        if skip {
            press(&mut app, KeyCode::Tab, t0);
        } else {
            type_text(&mut app, text, t0);
            press(&mut app, KeyCode::Enter, t0);
        }
    }
    both_sizes!("repair_statement", &app, t0);
}

#[test]
fn repair_together_screens() {
    let ctx = ctx(Content::builtin());
    let t0 = ctx.clock.start();
    let mut app = App::direct(ctx, Route::RepairTogether, t0);
    both_sizes!("repair_together_intro", &app, t0);
    press(&mut app, KeyCode::Enter, t0);
    type_text(&mut app, "Ana", t0);
    press(&mut app, KeyCode::Enter, t0);
    type_text(&mut app, "Sam 🌻", t0);
    press(&mut app, KeyCode::Enter, t0);
    press(&mut app, KeyCode::Char(' '), t0);
    both_sizes!("repair_together_a_turn", &app, t0);
    press(&mut app, KeyCode::Enter, t0);
    both_sizes!("repair_together_a_mirror", &app, t0);
}
