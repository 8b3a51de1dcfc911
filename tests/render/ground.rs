//! Grounding: its first step, typing wide text, and out of the field.

use crate::support::*;

#[test]
fn ground_first_step() {
    both_sizes!("ground_start", &ground("5-4-3-2-1"), Instant::now());
}

#[test]
fn ground_with_wide_items_typed() {
    let t0 = Instant::now();
    let mut app = ground("5-4-3-2-1");
    type_text(&mut app, "窓の外の木", t0);
    press(&mut app, KeyCode::Enter, t0);
    press(&mut app, KeyCode::Enter, t0);
    type_text(&mut app, "🌿 a plant", t0);
    press(&mut app, KeyCode::Enter, t0);
    // Half typed, wide characters and emoji, cursor moved back one.
    type_text(&mut app, "青いマグ ☕ mug", t0);
    press(&mut app, KeyCode::Left, t0);
    both_sizes!("ground_typing_wide", &app, t0);
}

#[test]
fn ground_field_left_shows_the_keys_again() {
    let t0 = Instant::now();
    let mut app = ground("5-4-3-2-1");
    for _ in 0..5 {
        press(&mut app, KeyCode::Enter, t0);
    }
    type_text(&mut app, "cold air", t0);
    press(&mut app, KeyCode::Esc, t0);
    both_sizes!("ground_field_left", &app, t0);
}
