//! Every size, down to the smallest: kind words, never a panic.

use crate::support::*;

#[test]
fn too_small_screens_ask_kindly_and_never_panic() {
    let t0 = Instant::now();
    let mut app = breathe("4-4-6", Length::Forever, t0);
    live(&mut app, t0, t0 + ms(1000));
    insta::assert_snapshot!("breathe_too_small_8x3", draw(&app, t0, 8, 3));
    insta::assert_snapshot!("home_too_small_30x4", draw(&home(), t0, 30, 4));
    // Every size from nothing up: no panic, whatever the screen.
    let mut menu = home();
    open_patterns(&mut menu, t0);
    for app in [&app, &home(), &menu] {
        for width in 1..=45 {
            for height in 1..=14 {
                draw(app, t0 + ms(1000), width, height);
            }
        }
    }
}

#[test]
fn ground_and_relax_never_panic_at_any_size() {
    let t0 = Instant::now();
    let mut typing = ground("5-4-3-2-1");
    type_text(&mut typing, &"長い".repeat(80), t0);
    let mut relaxing = relax("16-group", t0);
    live(&mut relaxing, t0, t0 + ms(7_000));
    for app in [&ground("short"), &typing, &relaxing] {
        for width in 1..=45 {
            for height in 1..=14 {
                draw(app, t0 + ms(7_000), width, height);
            }
        }
    }
}

#[test]
fn reframe_never_panics_at_any_size() {
    let t0 = Instant::now();
    let mut app = reframe();
    type_text(&mut app, &"長い文章 ".repeat(100), t0);
    for _ in 0..11 {
        for width in 1..=45 {
            for height in 1..=14 {
                draw(&app, t0, width, height);
            }
        }
        press(&mut app, KeyCode::Enter, t0);
    }
}
