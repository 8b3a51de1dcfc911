//! Relaxation: tensing with the caution, letting go, paused.

use crate::support::*;

#[test]
fn relax_first_group_tensing_with_the_caution() {
    let t0 = Instant::now();
    let mut app = relax("7-group", t0);
    live(&mut app, t0, t0 + ms(2_500));
    both_sizes!("relax_tense", &app, t0 + ms(2_500));
}

#[test]
fn relax_letting_go_later_on() {
    let t0 = Instant::now();
    let mut app = relax("7-group", t0);
    press(&mut app, KeyCode::Right, t0);
    press(&mut app, KeyCode::Right, t0);
    live(&mut app, t0, t0 + ms(17_000));
    both_sizes!("relax_release", &app, t0 + ms(17_000));
}

#[test]
fn relax_paused() {
    let t0 = Instant::now();
    let mut app = relax("4-group", t0);
    live(&mut app, t0, t0 + ms(8_000));
    press(&mut app, KeyCode::Char(' '), t0 + ms(8_000));
    both_sizes!("relax_paused", &app, t0 + ms(9_000));
}
