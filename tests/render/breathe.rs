//! The Breathe screen through a cycle, paused, planned, with help, shrinking, and with hostile text.

use crate::support::*;

#[test]
fn breathe_inhale_half_way() {
    let t0 = Instant::now();
    let mut app = breathe("4-4-6", Length::Forever, t0);
    live(&mut app, t0, t0 + ms(2000));
    both_sizes!("breathe_inhale_half", &app, t0 + ms(2000));
}

#[test]
fn breathe_hold_in_the_second_cycle() {
    let t0 = Instant::now();
    let mut app = breathe("4-4-6", Length::Forever, t0);
    live(&mut app, t0, t0 + ms(14_000 + 5200));
    both_sizes!("breathe_hold", &app, t0 + ms(19_200));
}

#[test]
fn breathe_exhale_three_quarters() {
    let t0 = Instant::now();
    let mut app = breathe("4-4-6", Length::Forever, t0);
    live(&mut app, t0, t0 + ms(14_000 + 12_500));
    insta::assert_snapshot!(draw(&app, t0 + ms(26_500), 80, 24));
}

#[test]
fn breathe_paused() {
    let t0 = Instant::now();
    let mut app = breathe("4-4-6", Length::Forever, t0);
    live(&mut app, t0, t0 + ms(16_500));
    press(&mut app, KeyCode::Char(' '), t0 + ms(16_500));
    both_sizes!("breathe_paused", &app, t0 + ms(90_000));
}

#[test]
fn breathe_with_set_minutes_says_the_plan() {
    let t0 = Instant::now();
    let cycles = Length::whole_cycles_within(2.1, 14_000);
    let mut app = breathe("4-4-6", cycles, t0);
    live(&mut app, t0, t0 + ms(1000));
    insta::assert_snapshot!(draw(&app, t0 + ms(1000), 80, 24));
}

#[test]
fn breathe_help_overlay() {
    let t0 = Instant::now();
    let mut app = breathe("4-4-6", Length::Forever, t0);
    live(&mut app, t0, t0 + ms(1000));
    press(&mut app, KeyCode::Char('?'), t0 + ms(1000));
    both_sizes!("breathe_help", &app, t0 + ms(1000));
}

#[test]
fn breathe_degrades_to_words_and_seconds() {
    let t0 = Instant::now();
    let mut app = breathe("4-4-6", Length::Forever, t0);
    live(&mut app, t0, t0 + ms(5000));
    let now = t0 + ms(5000);
    insta::assert_snapshot!("breathe_20x6", draw(&app, now, 20, 6));
    insta::assert_snapshot!("breathe_12x2", draw(&app, now, 12, 2));
    insta::assert_snapshot!("breathe_14x1", draw(&app, now, 14, 1));
}

#[test]
fn user_text_with_wide_characters_and_escapes_stays_in_its_lines() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("wide.toml"),
        "version = 1\n[[patterns]]\nid = \"wide\"\nname = \"深い呼吸 🌊 \\u001b[31mred\"\n\
         description = \"ゆっくり吸って、ゆっくり吐く。🌿 Long text that goes on and on and on to be cut by width.\"\n\
         phases = [{ kind = \"inhale\", seconds = 4 }, { kind = \"exhale\", seconds = 6 }]\n",
    )
    .unwrap();
    let content = Content::load(Some(dir.path()));
    assert!(content.problems.is_empty(), "{:?}", content.problems);
    let ctx = ctx(content);
    let t0 = Instant::now();
    let pattern = ctx.content.pattern("wide").unwrap().clone();
    let length = Length::Forever;
    let mut app = App::direct(ctx.clone(), Route::Breathe { pattern, length }, t0);
    live(&mut app, t0, t0 + ms(1000));
    let screen = draw(&app, t0 + ms(1000), 40, 12);
    assert!(!screen.contains('\u{1b}'));
    insta::assert_snapshot!("breathe_wide_text_40x12", screen);
    let mut menu = home_with(ctx);
    open_patterns(&mut menu, t0);
    for _ in 0..6 {
        press(&mut menu, KeyCode::Down, t0);
    }
    insta::assert_snapshot!("patterns_wide_text_40x12", draw(&menu, t0, 40, 12));
}
