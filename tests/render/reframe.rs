//! The thought record, step by step.

use crate::support::*;

#[test]
fn reframe_every_step_with_wide_answers() {
    let t0 = Instant::now();
    let mut app = reframe();
    type_text(&mut app, "昨日の夜、返事がない 🌙 since noon", t0);
    app.on_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::ALT), t0);
    type_text(&mut app, "and I keep checking", t0);
    both_sizes!("reframe_1_situation", &app, t0);
    press(&mut app, KeyCode::Enter, t0);
    press(&mut app, KeyCode::Tab, t0);
    press(&mut app, KeyCode::Down, t0);
    both_sizes!("reframe_2_thought_list", &app, t0);
    press(&mut app, KeyCode::Enter, t0);
    press(&mut app, KeyCode::Enter, t0);
    type_text(&mut app, "怖い, scared", t0);
    both_sizes!("reframe_3_feeling", &app, t0);
    press(&mut app, KeyCode::Enter, t0);
    press(&mut app, KeyCode::Char('7'), t0);
    press(&mut app, KeyCode::Char('5'), t0);
    both_sizes!("reframe_4_strength", &app, t0);
    press(&mut app, KeyCode::Enter, t0);
    type_text(&mut app, "Only the silence. 🤷", t0);
    both_sizes!("reframe_5_question", &app, t0);
    for _ in 0..5 {
        press(&mut app, KeyCode::Enter, t0);
    }
    press(&mut app, KeyCode::Tab, t0);
    both_sizes!("reframe_6_balanced_list", &app, t0);
    press(&mut app, KeyCode::Enter, t0);
    press(&mut app, KeyCode::Enter, t0);
    press(&mut app, KeyCode::Char('4'), t0);
    press(&mut app, KeyCode::Char('0'), t0);
    both_sizes!("reframe_7_rerate", &app, t0);
    press(&mut app, KeyCode::Enter, t0);
    type_text(&mut app, "Make tea ☕", t0);
    press(&mut app, KeyCode::Tab, t0);
    press(&mut app, KeyCode::Tab, t0);
    type_text(&mut app, "不安 anxious", t0);
    press(&mut app, KeyCode::Tab, t0);
    type_text(&mut app, "plans change late", t0);
    both_sizes!("reframe_8_next_step", &app, t0);
    press(&mut app, KeyCode::Enter, t0);
    both_sizes!("reframe_9_review", &app, t0);
    press(&mut app, KeyCode::Enter, t0);
    both_sizes!("reframe_10_kept", &app, t0);
}
