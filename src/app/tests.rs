//! Flows through the app with fixed instants: keys in, screens, effects and
//! redraw decisions out. No terminal involved.

use std::time::Instant;

use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::*;
use crate::content::Content;
use crate::exercise::timeline::Length;
use crate::screen::ground::Ground;
use crate::screen::reframe::Reframe;

use crate::testing::{ctx, key, live, ms};

fn screen_text(app: &App, now: Instant) -> String {
    crate::testing::screen_text(app, now, 80, 24)
}

/// The screen on top as its own type.
fn state<T: 'static>(app: &App) -> &T {
    let top: &dyn std::any::Any = app.screen().expect("a screen");
    top.downcast_ref::<T>().expect("another screen is on top")
}

fn home_app() -> App {
    App::home(ctx())
}

fn breathe_route(id: &str, length: Length) -> Route {
    Route::Breathe {
        pattern: Content::builtin().pattern(id).unwrap().clone(),
        length,
    }
}

fn breathe_app(id: &str, length: Length, t0: Instant) -> App {
    App::direct(ctx(), breathe_route(id, length), t0)
}

fn ground_route(variant: &str) -> Route {
    Route::Ground {
        variant: Content::builtin().grounding(variant).unwrap().clone(),
    }
}

fn relax_route(program: &str) -> Route {
    Route::Relax {
        program: Content::builtin().program(program).unwrap().clone(),
    }
}

#[test]
fn one_enter_from_home_starts_the_default_pattern() {
    let mut app = home_app();
    let t0 = Instant::now();
    app.on_key(key(KeyCode::Enter), t0);
    assert_eq!(app.kind(), Some(Kind::Breathe), "Enter starts breathing");
    assert!(app.take_dirty());
}

#[test]
fn left_and_right_on_home_change_what_a_row_starts() {
    let mut app = home_app();
    let t0 = Instant::now();
    // Breathe row: → moves from 4-4-6 to the next pattern.
    app.on_key(key(KeyCode::Right), t0);
    assert!(screen_text(&app, t0).contains("Gentle 4-6"));
    // Relax row: ← from the 7-group default wraps back to 16 groups.
    app.on_key(key(KeyCode::Down), t0);
    app.on_key(key(KeyCode::Down), t0);
    app.on_key(key(KeyCode::Left), t0);
    app.on_key(key(KeyCode::Enter), t0);
    assert_eq!(app.kind(), Some(Kind::Relax));
    assert!(screen_text(&app, t0).contains("group 1 of 16"));
}

#[test]
fn another_pattern_can_be_chosen_from_home() {
    let mut app = home_app();
    let t0 = Instant::now();
    for _ in 0..6 {
        app.on_key(key(KeyCode::Char('j')), t0);
    }
    app.on_key(key(KeyCode::Enter), t0);
    assert!(app.kind() == Some(Kind::Patterns));
    app.on_key(key(KeyCode::Down), t0);
    app.on_key(key(KeyCode::Down), t0);
    app.on_key(key(KeyCode::Enter), t0);
    assert_eq!(app.kind(), Some(Kind::Breathe));
    // `box` is third: in 4, hold 4, out 4, rest 4.
    let text = screen_text(&app, t0 + ms(12_500));
    assert!(
        text.contains("Box 4-4-4-4") && text.contains("Rest"),
        "{text}"
    );
}

#[test]
fn q_ends_breathing_into_a_summary_then_leaves_back_to_home_then_quits() {
    let mut app = home_app();
    let t0 = Instant::now();
    app.on_key(key(KeyCode::Enter), t0);
    live(&mut app, t0, t0 + ms(15_000));
    app.on_key(key(KeyCode::Char('q')), t0 + ms(15_000));
    assert_eq!(app.kind(), Some(Kind::Ending));
    assert!(screen_text(&app, t0 + ms(15_000)).contains("1 cycle · 0:15"));
    let record = &app.take_records()[0];
    assert_eq!(
        (record.cycles, record.duration_secs, record.completed),
        (Some(1), 15, false)
    );
    app.on_key(key(KeyCode::Esc), t0 + ms(16_000));
    assert!(app.kind() == Some(Kind::Home));
    assert!(!app.should_quit());
    app.on_key(key(KeyCode::Char('q')), t0 + ms(16_000));
    assert!(app.should_quit());
    // Leaving the last screen must not break anything still called on the way out.
    assert!(app.screen().is_none());
    app.advance(t0 + ms(16_001));
    assert_eq!(app.next_wake(t0 + ms(16_001), None), None);
    screen_text(&app, t0 + ms(16_001));
    app.on_key(key(KeyCode::Char('?')), t0 + ms(16_001));
}

#[test]
fn set_cycles_end_by_themselves_with_a_completed_summary() {
    let t0 = Instant::now();
    let mut app = breathe_app("gentle", Length::Cycles(2), t0);
    live(&mut app, t0, t0 + ms(19_999));
    assert_eq!(app.kind(), Some(Kind::Breathe));
    app.advance(t0 + ms(20_000));
    assert_eq!(app.kind(), Some(Kind::Ending), "ended on its own");
    assert!(screen_text(&app, t0 + ms(20_000)).contains("2 cycles · 0:20"));
    let record = &app.take_records()[0];
    assert_eq!(
        (record.cycles, record.duration_secs, record.completed),
        (Some(2), 20, true)
    );
    assert_eq!(
        app.next_wake(t0 + ms(20_000), None),
        None,
        "a summary never wakes"
    );
}

#[test]
fn space_pauses_and_resumes_where_it_was() {
    let t0 = Instant::now();
    let mut app = breathe_app("4-4-6", Length::Forever, t0);
    app.advance(t0);
    app.on_key(key(KeyCode::Char(' ')), t0 + ms(1000));
    app.advance(t0 + ms(1000)); // as the loop does after every key
    assert_eq!(
        app.next_wake(t0 + ms(1000), Some(t0 + ms(1000))),
        None,
        "paused: block"
    );
    app.take_dirty();
    app.advance(t0 + ms(60_000));
    assert!(!app.take_dirty(), "nothing changes while paused");
    app.on_key(key(KeyCode::Char(' ')), t0 + ms(60_000));
    // Resumed 1 s into the inhale: the hold is 3 s away.
    let wake = app.next_wake(t0 + ms(60_000), None).unwrap();
    assert!(wake <= t0 + ms(63_000));
    live(&mut app, t0 + ms(60_000), t0 + ms(63_000));
    let text = screen_text(&app, t0 + ms(63_000));
    assert!(text.contains("Hold"));
}

#[test]
fn the_bell_rings_once_in_twice_out_never_on_holds_and_only_when_on() {
    let t0 = Instant::now();
    let mut app = breathe_app("4-4-6", Length::Forever, t0);
    app.advance(t0);
    assert_eq!(app.due_bells(t0 + ms(5000)), 0, "bell off by default");
    app.on_key(key(KeyCode::Char('b')), t0);
    assert!(app.ctx().bell);
    live(&mut app, t0, t0 + ms(4000)); // hold
    assert_eq!(app.due_bells(t0 + ms(4000)), 0);
    live(&mut app, t0 + ms(4000), t0 + ms(8000)); // exhale: two rings, spaced
    assert_eq!(app.due_bells(t0 + ms(8000)), 1);
    assert!(app.next_wake(t0 + ms(8000), None).unwrap() <= t0 + ms(8000) + BELL_GAP);
    assert_eq!(app.due_bells(t0 + ms(8000) + BELL_GAP - ms(1)), 0);
    assert_eq!(app.due_bells(t0 + ms(8000) + BELL_GAP), 1);
    live(&mut app, t0 + ms(8000), t0 + ms(14_000)); // inhale of cycle 2: one ring
    assert_eq!(app.due_bells(t0 + ms(20_000)), 1);
}

#[test]
fn plus_and_minus_change_the_pace_and_say_so() {
    let t0 = Instant::now();
    let mut app = breathe_app("4-4-6", Length::Forever, t0);
    app.on_key(key(KeyCode::Char('+')), t0);
    let text = screen_text(&app, t0);
    assert!(
        text.contains("Pace 110 %") && text.contains("pace 110 %"),
        "{text}"
    );
    // The notice goes away by itself, and the app wakes to remove it.
    assert!(app.next_wake(t0, Some(t0)).unwrap() <= t0 + NOTICE_FOR);
    app.take_dirty();
    live(&mut app, t0, t0 + NOTICE_FOR);
    assert!(app.take_dirty());
}

#[test]
fn help_opens_on_question_mark_and_any_key_closes_it_without_acting() {
    let t0 = Instant::now();
    let mut app = breathe_app("4-4-6", Length::Forever, t0);
    app.on_key(key(KeyCode::Char('?')), t0);
    assert!(app.help_open());
    app.on_key(key(KeyCode::Char('q')), t0);
    assert!(!app.help_open());
    assert_eq!(
        app.kind(),
        Some(Kind::Breathe),
        "the closing key did not end the exercise"
    );
}

#[test]
fn ctrl_c_quits_from_anywhere() {
    let t0 = Instant::now();
    let mut app = breathe_app("4-4-6", Length::Forever, t0);
    app.on_key(key(KeyCode::Char('?')), t0);
    app.on_key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL), t0);
    assert!(app.should_quit());
}

#[test]
fn only_key_presses_count_and_resizes_redraw() {
    let t0 = Instant::now();
    let mut app = home_app();
    app.take_dirty();
    let mut release = key(KeyCode::Enter);
    release.kind = KeyEventKind::Release;
    app.on_event(&Event::Key(release), t0);
    assert!(app.kind() == Some(Kind::Home));
    assert!(!app.take_dirty());
    app.on_event(&Event::Resize(40, 12), t0);
    assert!(app.take_dirty());
}

#[test]
fn motion_toggles_and_reduced_motion_stops_frame_wakes() {
    let t0 = Instant::now();
    let mut app = breathe_app("4-4-6", Length::Forever, t0);
    app.advance(t0);
    let animated = app.next_wake(t0 + ms(100), Some(t0 + ms(100))).unwrap();
    assert!(animated < t0 + ms(1000));
    app.on_key(key(KeyCode::Char('m')), t0 + ms(100));
    assert!(!app.ctx().motion);
    live(&mut app, t0 + ms(100), t0 + NOTICE_FOR + ms(100));
    // Now the next wake is the next whole second, not an animation frame.
    let still = app.next_wake(t0 + NOTICE_FOR + ms(150), None).unwrap();
    assert_eq!(still, t0 + ms(3000));
}

#[test]
fn a_stall_pauses_and_says_why() {
    let t0 = Instant::now();
    let mut app = breathe_app("4-4-6", Length::Forever, t0);
    app.advance(t0);
    app.advance(t0 + ms(1000));
    app.advance(t0 + ms(30_000));
    let text = screen_text(&app, t0 + ms(30_000));
    assert!(
        text.contains("Paused") && text.contains("Paused while you were away"),
        "{text}"
    );
}

fn ground_app(variant: &str) -> App {
    App::direct(ctx(), ground_route(variant), Instant::now())
}

fn relax_app(program: &str, t0: Instant) -> App {
    App::direct(ctx(), relax_route(program), t0)
}

fn ground_state(app: &App) -> &Ground {
    state(app)
}

fn type_in(app: &mut App, text: &str, now: Instant) {
    for c in text.chars() {
        app.on_key(key(KeyCode::Char(c)), now);
    }
}

#[test]
fn grounding_counts_typed_and_silent_items_per_sense() {
    let mut app = ground_app("5-4-3-2-1");
    let t0 = Instant::now();
    type_in(&mut app, "lamp", t0);
    app.on_key(key(KeyCode::Enter), t0);
    app.on_key(key(KeyCode::Enter), t0);
    let flow = ground_state(&app).flow();
    assert_eq!(flow.items().len(), 2);
    assert_eq!(flow.summary()[0].named, ["lamp"]);
    assert_eq!(flow.summary()[0].silent, 1);
    assert!(screen_text(&app, t0).contains("●●○○○"));
    // No timers in grounding: nothing to wake for, ever.
    assert_eq!(app.next_wake(t0, Some(t0)), None);
}

#[test]
fn keys_that_are_shortcuts_elsewhere_type_letters_in_the_field() {
    let mut app = ground_app("5-4-3-2-1");
    let t0 = Instant::now();
    type_in(&mut app, "q?b!gm jk", t0);
    assert!(!app.should_quit());
    assert!(!app.help_open());
    assert!(!app.ctx().bell, "b typed, not the bell toggled");
    assert!(app.ctx().motion, "m typed, not motion toggled");
    app.on_key(key(KeyCode::Esc), t0);
    assert!(!app.should_quit(), "Esc only leaves the field");
    // Out of the field, q ends grounding into its summary; Enter closes it.
    app.on_key(key(KeyCode::Char('q')), t0);
    assert_eq!(app.kind(), Some(Kind::Ending));
    assert!(screen_text(&app, t0).contains("Come back any time"));
    app.on_key(key(KeyCode::Enter), t0);
    assert!(app.should_quit());
}

#[test]
fn going_back_a_step_loses_nothing() {
    let mut app = ground_app("5-4-3-2-1");
    let t0 = Instant::now();
    for item in ["a", "b", "c", "d", "window"] {
        type_in(&mut app, item, t0);
        app.on_key(key(KeyCode::Enter), t0);
    }
    type_in(&mut app, "cold", t0);
    // ← moves the cursor first; at the field's start it goes back a step.
    for _ in 0..5 {
        app.on_key(key(KeyCode::Left), t0);
    }
    let text = screen_text(&app, t0);
    assert!(text.contains("See") && text.contains("window"), "{text}");
    assert_eq!(ground_state(&app).flow().items().len(), 4);
    // Backspace edits the reopened item; Enter sends it and returns to the draft.
    app.on_key(key(KeyCode::Backspace), t0);
    type_in(&mut app, "W", t0);
    app.on_key(key(KeyCode::End), t0);
    app.on_key(key(KeyCode::Enter), t0);
    let flow = ground_state(&app).flow();
    assert_eq!(flow.summary()[0].named.last().unwrap(), "windoW");
    assert!(
        screen_text(&app, t0).contains("cold"),
        "the draft came back"
    );
}

#[test]
fn all_fifteen_items_lead_to_the_summary_by_sense() {
    let mut app = ground_app("5-4-3-2-1");
    let t0 = Instant::now();
    for i in 0..15 {
        if i % 3 == 0 {
            type_in(&mut app, &format!("thing {i}"), t0);
        }
        assert_eq!(app.kind(), Some(Kind::Ground), "ended early at {i}");
        app.on_key(key(KeyCode::Enter), t0);
    }
    assert_eq!(app.kind(), Some(Kind::Ending));
    let text = screen_text(&app, t0);
    for sense in ["Seen", "Felt", "Heard", "Smelled", "Tasted"] {
        assert!(text.contains(sense), "{sense} missing:\n{text}");
    }
    assert!(text.contains("15 things noticed"));
    assert!(text.contains("thing 0 · thing 3"));
}

#[test]
fn a_paste_is_one_capped_edit_that_never_submits() {
    let mut app = ground_app("short");
    let t0 = Instant::now();
    let paste = "line\n".repeat(10_000);
    app.on_event(&Event::Paste(paste), t0);
    let flow = ground_state(&app).flow();
    assert_eq!(
        flow.items().len(),
        0,
        "line breaks in a paste do not submit"
    );
    app.on_key(key(KeyCode::Enter), t0);
    let named = &ground_state(&app).flow().summary()[0].named;
    assert!(named[0].starts_with("line line"), "{}", named[0]);
    assert!(named[0].chars().count() <= crate::exercise::grounding::ITEM_LIMIT);
}

#[test]
fn g_while_breathing_switches_straight_to_grounding() {
    let t0 = Instant::now();
    let mut app = home_app();
    app.on_key(key(KeyCode::Enter), t0);
    app.advance(t0);
    assert!(screen_text(&app, t0).contains("g ground instead"));
    app.on_key(key(KeyCode::Char('g')), t0 + ms(3000));
    let text = screen_text(&app, t0 + ms(3000));
    assert!(text.contains("Look around"), "{text}");
    // Breathing was replaced, not stacked: leaving grounding returns home.
    app.on_key(key(KeyCode::Esc), t0);
    app.on_key(key(KeyCode::Char('q')), t0);
    app.on_key(key(KeyCode::Enter), t0);
    assert!(app.kind() == Some(Kind::Home));
}

#[test]
fn relax_steps_skip_extend_and_ring_one_to_tense_two_to_let_go() {
    let t0 = Instant::now();
    let mut app = relax_app("7-group", t0);
    app.on_key(key(KeyCode::Char('b')), t0);
    live(&mut app, t0, t0 + ms(1));
    assert_eq!(app.due_bells(t0 + ms(1)), 1, "one ring to tense");
    live(&mut app, t0 + ms(1), t0 + ms(6_000));
    assert_eq!(app.due_bells(t0 + ms(6_000) + BELL_GAP), 2, "two to let go");
    let text = screen_text(&app, t0 + ms(6_000));
    assert!(
        text.contains("Let go") && text.contains("group 1 of 7"),
        "{text}"
    );
    // Enter while letting go: ten more seconds, said quietly.
    app.on_key(key(KeyCode::Enter), t0 + ms(6_000));
    let text = screen_text(&app, t0 + ms(6_000));
    assert!(
        text.contains("40") && text.contains("Ten more seconds"),
        "{text}"
    );
    // → skips to the next group, ← back.
    app.on_key(key(KeyCode::Right), t0 + ms(6_000));
    app.advance(t0 + ms(6_000));
    assert!(screen_text(&app, t0 + ms(6_000)).contains("group 2 of 7"));
    app.on_key(key(KeyCode::Left), t0 + ms(6_000));
    app.advance(t0 + ms(6_000));
    let text = screen_text(&app, t0 + ms(6_000));
    assert!(
        text.contains("group 1 of 7") && text.contains("Tense"),
        "{text}"
    );
}

#[test]
fn relax_pauses_and_ends_into_a_summary() {
    let t0 = Instant::now();
    let mut app = relax_app("4-group", t0);
    live(&mut app, t0, t0 + ms(3_000));
    app.on_key(key(KeyCode::Char(' ')), t0 + ms(3_000));
    assert_eq!(app.next_wake(t0 + ms(3_000), Some(t0 + ms(3_000))), None);
    live(&mut app, t0 + ms(3_000), t0 + ms(60_000));
    assert!(screen_text(&app, t0 + ms(60_000)).contains("Paused"));
    app.on_key(key(KeyCode::Char(' ')), t0 + ms(60_000));
    for _ in 0..4 {
        app.on_key(key(KeyCode::Right), t0 + ms(60_000));
    }
    app.advance(t0 + ms(60_000));
    assert_eq!(
        app.kind(),
        Some(Kind::Ending),
        "skipping past the last group ends"
    );
    let record = &app.take_records()[0];
    assert_eq!(
        (record.steps_done, record.steps_total, record.completed),
        (Some(0), Some(4), true)
    );
    assert_eq!(record.duration_secs, 3);
    assert!(screen_text(&app, t0 + ms(60_000)).contains("0 of 4 groups let go"));
}

fn with_checkins(mut ctx: Ctx) -> Ctx {
    ctx.settings.checkins = true;
    ctx
}

#[test]
fn from_home_the_check_in_comes_before_and_after_and_makes_one_record() {
    let ctx = with_checkins(ctx());
    let clock = ctx.clock;
    let t0 = clock.start();
    let mut app = App::home(ctx);
    app.on_key(key(KeyCode::Enter), t0);
    assert!(screen_text(&app, t0).contains("How strong is the distress right now?"));
    app.on_key(key(KeyCode::Char('8')), t0);
    app.on_key(key(KeyCode::Enter), t0 + ms(2_000));
    assert!(app.kind() == Some(Kind::Breathe));
    live(&mut app, t0 + ms(2_000), t0 + ms(30_000));
    app.on_key(key(KeyCode::Char('q')), t0 + ms(30_000));
    assert!(
        app.take_records().is_empty(),
        "not before the after check-in"
    );
    let text = screen_text(&app, t0 + ms(31_000));
    assert!(text.contains("And how strong is it now?"), "{text}");
    assert!(
        !text.contains("Before you started"),
        "asked already, at the start"
    );
    app.on_key(key(KeyCode::Char('3')), t0 + ms(32_000));
    app.on_key(key(KeyCode::Enter), t0 + ms(32_000));
    assert!(app.kind() == Some(Kind::Home));
    let records = app.take_records();
    assert_eq!(records.len(), 1);
    let r = &records[0];
    assert_eq!((r.before, r.after, r.completed), (Some(8), Some(3), false));
    assert_eq!(
        (r.variant.as_str(), r.cycles, r.duration_secs),
        ("4-4-6", Some(2), 28)
    );
    assert_eq!(r.started_at, clock.at(t0 + ms(2_000)));
    assert_eq!(r.ended_at, clock.at(t0 + ms(30_000)));
}

#[test]
fn a_direct_command_asks_both_ratings_after_the_exercise() {
    let ctx = with_checkins(ctx());
    let t0 = ctx.clock.start();
    let mut app = App::direct(ctx, relax_route("4-group"), t0);
    app.on_key(key(KeyCode::Char('q')), t0 + ms(5_000));
    let text = screen_text(&app, t0);
    assert!(text.contains("Before you started"), "{text}");
    assert!(text.contains("And how strong is it now?"), "{text}");
    assert!(
        text.contains("0 of 4 groups let go"),
        "the summary too: {text}"
    );
    app.on_key(key(KeyCode::Char('9')), t0);
    app.on_key(key(KeyCode::Enter), t0);
    assert!(app.should_quit());
    let records = app.take_records();
    assert_eq!((records[0].before, records[0].after), (Some(9), None));
    assert_eq!(records[0].steps_total, Some(4));
}

#[test]
fn without_check_ins_the_record_is_made_as_the_exercise_ends() {
    let t0 = Instant::now();
    let mut app = breathe_app("gentle", Length::Cycles(1), t0);
    live(&mut app, t0, t0 + ms(10_000));
    let records = app.take_records();
    assert_eq!(records.len(), 1);
    assert!(records[0].completed);
    assert_eq!(records[0].cycles, Some(1));
}

#[test]
fn quitting_mid_exercise_still_records_it() {
    let t0 = Instant::now();
    let mut app = relax_app("7-group", t0);
    live(&mut app, t0, t0 + ms(8_000));
    app.on_key(
        KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL),
        t0 + ms(8_000),
    );
    assert!(app.should_quit());
    app.finish(t0 + ms(8_000));
    let records = app.take_records();
    assert_eq!(records.len(), 1);
    assert!(!records[0].completed);
    assert_eq!(records[0].duration_secs, 8);
    // Nothing is recorded twice.
    app.finish(t0 + ms(9_000));
    assert!(app.take_records().is_empty());
}

#[test]
fn typed_grounding_items_are_kept_only_when_asked_to() {
    for save_text in [false, true] {
        let mut ctx = ctx();
        ctx.settings.save_text = save_text;
        let t0 = ctx.clock.start();
        let mut app = App::direct(ctx, ground_route("short"), t0);
        type_in(&mut app, "the kettle", t0);
        app.on_key(key(KeyCode::Enter), t0);
        app.on_key(key(KeyCode::Esc), t0);
        app.on_key(key(KeyCode::Char('q')), t0 + ms(65_000));
        let records = app.take_records();
        assert_eq!(records[0].steps_done, Some(1));
        assert_eq!(records[0].duration_secs, 65);
        assert_eq!(records[0].noticed.len(), usize::from(save_text));
    }
}

#[test]
fn g_records_breathing_as_left_and_grounding_goes_on() {
    let t0 = Instant::now();
    let mut app = breathe_app("4-4-6", Length::Forever, t0);
    live(&mut app, t0, t0 + ms(5_000));
    app.on_key(key(KeyCode::Char('g')), t0 + ms(5_000));
    let records = app.take_records();
    assert_eq!(records.len(), 1);
    assert_eq!(records[0].exercise, crate::journal::Exercise::Breathe);
    app.finish(t0 + ms(20_000));
    let records = app.take_records();
    assert_eq!(records[0].exercise, crate::journal::Exercise::Ground);
    assert_eq!(records[0].duration_secs, 15);
}

#[test]
fn a_save_failure_is_said_clearly_and_support_is_one_key_away() {
    let mut app = home_app();
    let t0 = Instant::now();
    app.save_failed("/ro/journal.jsonl: Permission denied", t0);
    let text = screen_text(&app, t0);
    assert!(text.contains("This session could not be saved"), "{text}");
    app.advance(t0 + SAVE_NOTICE_FOR);
    assert!(!screen_text(&app, t0 + SAVE_NOTICE_FOR).contains("could not be saved"));
    app.on_key(key(KeyCode::Char('!')), t0);
    let text = screen_text(&app, t0);
    assert!(text.contains("reach a person now"), "{text}");
    assert!(
        text.contains("[[support.contacts]]"),
        "how to add people: {text}"
    );
    app.on_key(key(KeyCode::Char('q')), t0);
    assert!(app.kind() == Some(Kind::Home));
    // In a text field `!` is a letter.
    let mut typing = ground_app("short");
    type_in(&mut typing, "!", t0);
    assert!(typing.kind() == Some(Kind::Ground));
}

fn reframe_app() -> App {
    let ctx = ctx();
    let t0 = ctx.clock.start();
    App::direct(ctx, Route::Reframe, t0)
}

fn reframe_state(app: &App) -> &Reframe {
    state(app)
}

fn alt_enter() -> KeyEvent {
    KeyEvent::new(KeyCode::Enter, KeyModifiers::ALT)
}

#[test]
fn every_reframe_step_can_be_skipped_and_saving_makes_one_record() {
    let mut app = reframe_app();
    let t0 = Instant::now();
    for _ in 0..12 {
        app.on_key(key(KeyCode::Enter), t0);
    }
    assert!(screen_text(&app, t0).contains("Here is your thought record."));
    assert!(
        app.take_records().is_empty(),
        "nothing kept before the review says so"
    );
    app.on_key(key(KeyCode::Enter), t0 + ms(30_000));
    let records = app.take_records();
    assert_eq!(records.len(), 1);
    let r = &records[0];
    assert_eq!(r.exercise, crate::journal::Exercise::Reframe);
    assert!(r.completed);
    assert_eq!((r.before, r.after), (None, None));
    assert_eq!(r.reframe, Some(Default::default()));
    // No check-ins for a thought record: it rates itself.
    app.on_key(key(KeyCode::Enter), t0 + ms(31_000));
    assert!(app.should_quit());
    assert!(app.take_records().is_empty());
}

#[test]
fn reframe_answers_survive_going_back_and_forth_and_q_types_in_fields() {
    let mut app = reframe_app();
    let t0 = Instant::now();
    type_in(&mut app, "No reply? q!", t0);
    app.on_key(alt_enter(), t0);
    type_in(&mut app, "窓 🌿", t0);
    app.on_key(key(KeyCode::Enter), t0);
    type_in(&mut app, "They left", t0);
    // PageUp back to the first step: its text is all there.
    app.on_key(key(KeyCode::PageUp), t0);
    let text = screen_text(&app, t0);
    assert!(
        text.contains("No reply? q!") && text.contains("窓"),
        "{text}"
    );
    assert!(!app.should_quit() && !app.help_open());
    app.on_key(key(KeyCode::PageDown), t0);
    assert!(screen_text(&app, t0).contains("They left"));
    // Esc leaves the field; ← then goes back, → on.
    app.on_key(key(KeyCode::Esc), t0);
    app.on_key(key(KeyCode::Left), t0);
    app.on_key(key(KeyCode::Right), t0);
    app.on_key(key(KeyCode::Right), t0);
    let answers = reframe_state(&app).flow().answers().clone();
    assert_eq!(answers.situation, "No reply? q!\n窓 🌿");
    assert_eq!(answers.thought, "They left");
}

#[test]
fn picking_rating_and_the_i_statement() {
    let mut app = reframe_app();
    let t0 = Instant::now();
    app.on_key(key(KeyCode::Enter), t0);
    // The thought, picked from the list (second entry) and edited.
    app.on_key(key(KeyCode::Tab), t0);
    app.on_key(key(KeyCode::Down), t0);
    app.on_key(key(KeyCode::Enter), t0);
    type_in(&mut app, " Ever.", t0);
    app.on_key(key(KeyCode::Enter), t0);
    type_in(&mut app, "scared", t0);
    app.on_key(key(KeyCode::Enter), t0);
    // Strength: 7, 5 → 75; → adds 5.
    for c in ['7', '5'] {
        app.on_key(key(KeyCode::Char(c)), t0);
    }
    app.on_key(key(KeyCode::Right), t0);
    assert!(screen_text(&app, t0).contains(" 80 "));
    app.on_key(key(KeyCode::Enter), t0);
    for _ in 0..5 {
        app.on_key(key(KeyCode::Enter), t0);
    }
    // Balanced thought: the first example, as is.
    app.on_key(key(KeyCode::Tab), t0);
    app.on_key(key(KeyCode::Enter), t0);
    app.on_key(key(KeyCode::Enter), t0);
    // Re-rate by arrows: the first lands on 50, then 45.
    app.on_key(key(KeyCode::Left), t0);
    app.on_key(key(KeyCode::Left), t0);
    app.on_key(key(KeyCode::Enter), t0);
    // Next step: the I-statement parts (tab past the list to them).
    app.on_key(key(KeyCode::Tab), t0);
    app.on_key(key(KeyCode::Tab), t0);
    type_in(&mut app, "anxious", t0);
    app.on_key(key(KeyCode::Tab), t0);
    type_in(&mut app, "plans change late", t0);
    app.on_key(key(KeyCode::Tab), t0);
    type_in(&mut app, "a heads-up", t0);
    let text = screen_text(&app, t0);
    assert!(
        text.contains("I feel anxious when plans change late, and I need a heads-up."),
        "{text}"
    );
    app.on_key(key(KeyCode::Esc), t0);
    app.on_key(key(KeyCode::Char('t')), t0);
    assert!(screen_text(&app, t0).contains("and I'd like a heads-up."));
    app.on_key(key(KeyCode::Right), t0);
    app.on_key(key(KeyCode::Enter), t0 + ms(60_000));
    let r = &app.take_records()[0];
    let t = r.reframe.as_ref().unwrap();
    assert_eq!(t.thought, "I must never be left. I couldn't bear it. Ever.");
    assert_eq!((t.strength_before, t.strength_after), (Some(80), Some(45)));
    assert_eq!((r.before, r.after), (Some(8), Some(5)));
    assert_eq!(
        t.balanced,
        "I can tolerate this discomfort while I reach for support."
    );
    assert_eq!(
        t.statement,
        "I feel anxious when plans change late, and I'd like a heads-up."
    );
    assert_eq!(app.farewell().len(), 2);
}

#[test]
fn a_reframe_left_early_is_kept_as_unfinished_with_what_was_typed() {
    let mut app = reframe_app();
    let t0 = Instant::now();
    type_in(&mut app, "The fight at dinner", t0);
    app.on_key(key(KeyCode::Esc), t0);
    app.on_key(key(KeyCode::Char('q')), t0 + ms(20_000));
    let records = app.take_records();
    assert_eq!(records.len(), 1);
    assert!(!records[0].completed);
    assert_eq!(
        records[0].reframe.as_ref().unwrap().situation,
        "The fight at dinner"
    );
    assert!(screen_text(&app, t0).contains("unfinished"));
    // Ctrl-C mid-typing keeps it too.
    let mut app = reframe_app();
    type_in(&mut app, "half a thought", t0);
    app.on_key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL), t0);
    app.finish(t0);
    let records = app.take_records();
    assert_eq!(
        records[0].reframe.as_ref().unwrap().situation,
        "half a thought"
    );
}

/// What a key press can change: the picture, the screen, the session, the
/// toggles, the journal.
fn fingerprint(app: &mut App, now: Instant) -> String {
    let records = app.take_records().len();
    let journal = app.take_journal_request();
    let mut buf = Buffer::empty(Rect::new(0, 0, 80, 24));
    let cursor = app.render(now, buf.area, &mut buf);
    format!(
        "{}|{cursor:?}|{:?}|{:?}|quit {}|help {}|bell {}|motion {}|records {records}|journal {journal}",
        screen_text(app, now),
        app.kind(),
        app.sessions().phase(),
        app.should_quit(),
        app.help_open(),
        app.ctx().bell,
        app.ctx().motion,
    )
}

type Recipe = (&'static str, fn() -> (App, Instant));

fn checkins_app() -> App {
    let mut ctx = ctx();
    ctx.settings.checkins = true;
    App::home(ctx)
}

/// Every state the snapshots show, built afresh each time.
/// A break or a message after `keys`, `minutes` into it; `asked`: whether
/// the safety question was shown before.
fn heated(send: bool, asked: bool, keys: &[KeyCode], minutes: u64) -> (App, Instant) {
    use crate::exercise::{pause::Planned, send::Plan};
    let mut ctx = ctx();
    ctx.safety_asked = asked;
    let t0 = ctx.clock.start();
    let route = if send {
        Route::Send {
            plan: Plan::default(),
        }
    } else {
        Route::Pause {
            planned: Planned::Minutes(20),
        }
    };
    let mut app = App::direct(ctx, route, t0);
    let mut t = t0;
    for code in keys {
        crate::testing::press(&mut app, *code, t);
    }
    for _ in 0..minutes {
        t += std::time::Duration::from_secs(60);
        app.advance(t);
    }
    (app, t)
}

/// The plan screen with `plan`, after `keys`.
fn plan_state(
    plan: crate::documents::Loaded<crate::plan::SafetyPlan>,
    edit: bool,
    keys: &[KeyCode],
) -> (App, Instant) {
    let mut ctx = ctx();
    ctx.plan = plan;
    let t0 = ctx.clock.start();
    let mut app = App::direct(ctx, Route::Plan { edit }, t0);
    for code in keys {
        crate::testing::press(&mut app, *code, t0);
    }
    (app, t0)
}

fn a_plan() -> crate::documents::Loaded<crate::plan::SafetyPlan> {
    let mut plan = crate::plan::SafetyPlan::new();
    plan.warning_signs = vec!["one".into(), "two".into()];
    crate::documents::Loaded::Read(plan)
}

/// The kindness pause after `keys`.
fn kind_state(keys: &[KeyCode]) -> (App, Instant) {
    let t0 = Instant::now();
    let mut app = App::direct(ctx(), Route::Kind, t0);
    for code in keys {
        crate::testing::press(&mut app, *code, t0);
    }
    (app, t0)
}

/// Three good things after `keys`, each typed key a letter in the field.
fn good_state(keys: &[KeyCode]) -> (App, Instant) {
    let t0 = Instant::now();
    let mut app = App::direct(ctx(), Route::Good, t0);
    for code in keys {
        crate::testing::press(&mut app, *code, t0);
    }
    (app, t0)
}

/// Planned practice after `keys`, with one entry planned.
fn practice_state(keys: &[KeyCode]) -> (App, Instant) {
    let t0 = Instant::now();
    let mut ctx = ctx();
    ctx.practice = crate::documents::Loaded::Read(crate::practice::Practice {
        version: 1,
        practice: vec![crate::practice::Planned {
            what: "ground".into(),
            days: vec!["daily".into()],
            at: "21:00".into(),
        }],
    });
    let mut app = App::direct(ctx, Route::Practice, t0);
    for code in keys {
        crate::testing::press(&mut app, *code, t0);
    }
    (app, t0)
}

/// Coping cards after `keys`, with one card of one's own.
fn cards_state(keys: &[KeyCode]) -> (App, Instant) {
    let t0 = Instant::now();
    let mut ctx = ctx();
    ctx.cards = crate::documents::Loaded::Read(crate::cards::Cards {
        version: 1,
        card: vec![crate::cards::Card {
            id: "card-1".into(),
            when: "No reply".into(),
            can: vec!["Tea".into(), "ground".into()],
            ..Default::default()
        }],
    });
    let mut app = App::direct(
        ctx,
        Route::Cards {
            at: None,
            form: None,
        },
        t0,
    );
    for code in keys {
        crate::testing::press(&mut app, *code, t0);
    }
    (app, t0)
}

/// Evidence after `keys`, with a belief rated today and one offer.
fn evidence_state(keys: &[KeyCode]) -> (App, Instant) {
    let t0 = Instant::now();
    let mut ctx = ctx();
    let today = ctx.clock.at(t0).date_naive();
    let mut beliefs = crate::beliefs::Beliefs::new();
    let mut belief = crate::beliefs::Belief {
        old: "I am too much".into(),
        kinder: "My needs are human".into(),
        ..Default::default()
    };
    belief.rate(today, 40);
    beliefs.belief.push(belief);
    ctx.beliefs = crate::documents::Loaded::Read(beliefs);
    let mut eased = crate::journal::tests::sample(1);
    eased.before = Some(8);
    eased.after = Some(3);
    let mut app = App::direct(ctx, Route::Evidence, t0);
    app.open_with_journal(
        Ok(crate::journal::Read {
            records: vec![eased],
            ..Default::default()
        }),
        t0,
    );
    for code in keys {
        crate::testing::press(&mut app, *code, t0);
    }
    (app, t0)
}

/// The ladder after `keys`, with one ladder built.
fn ladder_state(start: crate::session::LadderStart, keys: &[KeyCode]) -> (App, Instant) {
    let t0 = Instant::now();
    let mut ctx = ctx();
    let step = |what: &str, fear| crate::ladder::Step {
        what: what.into(),
        fear,
        easier: false,
    };
    ctx.ladders = crate::documents::Loaded::Read(crate::ladder::Ladders {
        version: 1,
        ladder: vec![crate::ladder::Ladder {
            goal: "A weekend apart".into(),
            steps: vec![
                step("a", 1),
                step("b", 3),
                step("c", 4),
                step("d", 6),
                step("e", 7),
                step("f", 9),
            ],
            behaviours: vec!["Checking last-seen".into()],
        }],
    });
    let mut app = App::direct(ctx, Route::Ladder { start }, t0);
    app.open_with_journal(Ok(crate::journal::Read::default()), t0);
    for code in keys {
        crate::testing::press(&mut app, *code, t0);
    }
    (app, t0)
}

/// A repair alone after `keys`.
fn repair_state(keys: &[KeyCode]) -> (App, Instant) {
    let t0 = Instant::now();
    let mut app = App::direct(ctx(), Route::Repair, t0);
    for code in keys {
        crate::testing::press(&mut app, *code, t0);
    }
    (app, t0)
}

/// A repair together after `keys` (names typed).
fn together_state(keys: &[KeyCode]) -> (App, Instant) {
    let t0 = Instant::now();
    let mut app = App::direct(ctx(), Route::RepairTogether, t0);
    crate::testing::press(&mut app, KeyCode::Enter, t0);
    crate::testing::type_text(&mut app, "Ana", t0);
    crate::testing::press(&mut app, KeyCode::Enter, t0);
    crate::testing::type_text(&mut app, "Sam", t0);
    crate::testing::press(&mut app, KeyCode::Enter, t0);
    for code in keys {
        crate::testing::press(&mut app, *code, t0);
    }
    (app, t0)
}

/// A talk after `keys`.
fn talk_state(keys: &[KeyCode]) -> (App, Instant) {
    let t0 = Instant::now();
    let mut app = crate::testing::opened(ctx(), Route::Talk, t0);
    for code in keys {
        crate::testing::press(&mut app, *code, t0);
    }
    (app, t0)
}

/// A talk with both names typed, the topic and the rules agreed.
fn talk_floor(keys: &[KeyCode]) -> (App, Instant) {
    let t0 = Instant::now();
    let mut app = crate::testing::opened(ctx(), Route::Talk, t0);
    for name in ["Ana", "Sam", "Goodnights"] {
        crate::testing::type_text(&mut app, name, t0);
        crate::testing::press(&mut app, KeyCode::Enter, t0);
    }
    for code in [KeyCode::Char('1'), KeyCode::Char('1'), KeyCode::Char('2')]
        .iter()
        .chain(keys)
    {
        crate::testing::press(&mut app, *code, t0);
    }
    (app, t0)
}

const STATES: &[Recipe] = &[
    ("talk, getting ready", || {
        let t0 = Instant::now();
        (App::direct(ctx(), Route::TalkPrepare, t0), t0)
    }),
    ("talk, getting ready, the check", || {
        let t0 = Instant::now();
        let mut app = App::direct(ctx(), Route::TalkPrepare, t0);
        for words in ["Plans", "You never ask"] {
            crate::testing::type_text(&mut app, words, t0);
            crate::testing::press(&mut app, KeyCode::Enter, t0);
        }
        (app, t0)
    }),
    ("talk, a stress, described", || {
        let t0 = Instant::now();
        let mut app = App::direct(ctx(), Route::TalkStress, t0);
        for words in ["Ana", "Sam", "Work"] {
            crate::testing::type_text(&mut app, words, t0);
            crate::testing::press(&mut app, KeyCode::Enter, t0);
        }
        (app, t0)
    }),
    ("talk, names", || talk_state(&[])),
    ("talk, going on after a break", || {
        let (mut app, t0) = talk_floor(&[KeyCode::Char('p')]);
        app.finish(t0);
        let records = app.take_records();
        let mut app = App::direct(ctx(), Route::Talk, t0);
        app.take_journal_request();
        crate::testing::journal_read(&mut app, records, t0);
        (app, t0)
    }),
    ("talk, ground rules", || {
        let t0 = Instant::now();
        let mut app = crate::testing::opened(ctx(), Route::Talk, t0);
        for name in ["Ana", "Sam", "Goodnights"] {
            crate::testing::type_text(&mut app, name, t0);
            crate::testing::press(&mut app, KeyCode::Enter, t0);
        }
        crate::testing::press(&mut app, KeyCode::Char('1'), t0);
        (app, t0)
    }),
    ("talk, speaking", || talk_floor(&[])),
    ("talk, mirroring", || talk_floor(&[KeyCode::Enter])),
    ("talk, summary", || {
        talk_floor(&[KeyCode::Enter, KeyCode::Char('1')])
    }),
    ("repair together, intro", || {
        let t0 = Instant::now();
        (App::direct(ctx(), Route::RepairTogether, t0), t0)
    }),
    ("repair together, a turn", || together_state(&[])),
    ("repair together, a mirror", || {
        together_state(&[KeyCode::Enter])
    }),
    ("repair together, a text turn", || {
        together_state(&[
            KeyCode::Enter,
            KeyCode::Char('1'),
            KeyCode::Enter,
            KeyCode::Char('1'),
        ])
    }),
    ("repair, calm enough?", || repair_state(&[])),
    ("repair, distress high", || {
        repair_state(&[KeyCode::Char('8'), KeyCode::Enter])
    }),
    ("repair, feelings", || {
        repair_state(&[KeyCode::Char('3'), KeyCode::Enter])
    }),
    ("repair, a field", || {
        repair_state(&[
            KeyCode::Char('3'),
            KeyCode::Enter,
            KeyCode::Enter,
            KeyCode::Tab,
        ])
    }),
    ("repair, the statement", || {
        let mut keys = vec![KeyCode::Char('3'), KeyCode::Enter, KeyCode::Enter];
        keys.extend([KeyCode::Tab; 8]);
        repair_state(&keys)
    }),
    ("ladder", || {
        ladder_state(crate::session::LadderStart::Show, &[])
    }),
    ("ladder, the note", || {
        ladder_state(crate::session::LadderStart::New, &[])
    }),
    ("ladder, the goal", || {
        ladder_state(crate::session::LadderStart::New, &[KeyCode::Enter])
    }),
    ("ladder, a step", || {
        ladder_state(
            crate::session::LadderStart::New,
            &[KeyCode::Enter, KeyCode::Char('g'), KeyCode::Enter],
        )
    }),
    ("ladder, a step's fear", || {
        ladder_state(
            crate::session::LadderStart::New,
            &[
                KeyCode::Enter,
                KeyCode::Char('g'),
                KeyCode::Enter,
                KeyCode::Char('s'),
                KeyCode::Enter,
            ],
        )
    }),
    ("ladder, practice before", || {
        ladder_state(crate::session::LadderStart::Practice, &[])
    }),
    ("ladder, practice rating", || {
        ladder_state(crate::session::LadderStart::Practice, &[KeyCode::Tab])
    }),
    ("ladder, practice marks", || {
        ladder_state(crate::session::LadderStart::Practice, &[KeyCode::Tab; 5])
    }),
    ("ladder, practising", || {
        ladder_state(crate::session::LadderStart::Practice, &[KeyCode::Tab; 6])
    }),
    ("ladder, practising, fear", || {
        let mut keys = vec![KeyCode::Tab; 6];
        keys.push(KeyCode::Char('f'));
        ladder_state(crate::session::LadderStart::Practice, &keys)
    }),
    ("ladder, after, a choice", || {
        let mut keys = vec![KeyCode::Tab; 6];
        keys.extend([
            KeyCode::Enter,
            KeyCode::Char('5'),
            KeyCode::Enter,
            KeyCode::Tab,
            KeyCode::Tab,
        ]);
        ladder_state(crate::session::LadderStart::Practice, &keys)
    }),
    ("evidence", || evidence_state(&[])),
    ("evidence, adding", || evidence_state(&[KeyCode::Char('a')])),
    ("evidence, from the journal", || {
        evidence_state(&[KeyCode::Char('o')])
    }),
    ("evidence, rating", || evidence_state(&[KeyCode::Char('r')])),
    ("evidence, the beliefs again", || {
        evidence_state(&[KeyCode::Char('e')])
    }),
    ("cards, a card of ones own", || cards_state(&[])),
    ("cards, a starter card", || cards_state(&[KeyCode::Enter])),
    ("cards, asking if it helped", || {
        cards_state(&[KeyCode::Char('1')])
    }),
    ("cards, the form", || cards_state(&[KeyCode::Char('e')])),
    ("cards, a new card", || cards_state(&[KeyCode::Char('a')])),
    ("ending, with a next step", || {
        cards_state(&[KeyCode::Char('2'), KeyCode::Char('q')])
    }),
    ("practice, list", || practice_state(&[])),
    ("practice, form", || practice_state(&[KeyCode::Enter])),
    ("practice, new entry", || {
        practice_state(&[KeyCode::Char('a'), KeyCode::Char('g')])
    }),
    ("good, typing a thing", || good_state(&[KeyCode::Char('a')])),
    ("good, typing a why", || {
        good_state(&[KeyCode::Char('a'), KeyCode::Enter, KeyCode::Char('b')])
    }),
    ("good, out of the field", || {
        good_state(&[KeyCode::Char('a'), KeyCode::Esc])
    }),
    ("good, last page", || {
        good_state(&[
            KeyCode::Char('a'),
            KeyCode::Enter,
            KeyCode::Enter,
            KeyCode::Char('b'),
            KeyCode::Enter,
            KeyCode::Enter,
            KeyCode::Char('c'),
            KeyCode::Enter,
            KeyCode::Enter,
        ])
    }),
    ("kind, first step", || kind_state(&[])),
    ("kind, second step", || kind_state(&[KeyCode::Enter])),
    ("kind, own words", || {
        kind_state(&[KeyCode::Tab, KeyCode::Char('x')])
    }),
    ("kind, last page", || {
        kind_state(&[KeyCode::Enter, KeyCode::Enter, KeyCode::Enter])
    }),
    ("ending offering kindness", || {
        let mut ctx = ctx();
        ctx.settings.checkins = true;
        let t0 = ctx.clock.start();
        let mut app = App::direct(ctx, breathe_route("4-4-6", Length::Forever), t0);
        for code in [KeyCode::Char('q'), KeyCode::Char('8'), KeyCode::Char('6')] {
            crate::testing::press(&mut app, code, t0);
        }
        (app, t0)
    }),
    ("plan, none yet", || {
        plan_state(crate::documents::Loaded::Missing, false, &[])
    }),
    ("plan, read", || plan_state(a_plan(), false, &[])),
    ("plan, broken", || {
        plan_state(
            crate::documents::Loaded::Broken("plan.toml:1:1: bad".into()),
            false,
            &[],
        )
    }),
    ("plan, writing", || {
        plan_state(a_plan(), true, &[KeyCode::Char('x')])
    }),
    ("plan, writing in a later part", || {
        plan_state(a_plan(), true, &[KeyCode::PageDown])
    }),
    ("plan, lines", || {
        plan_state(a_plan(), true, &[KeyCode::Tab])
    }),
    ("pause signs", || heated(false, true, &[], 0)),
    ("pause signs, pulse row", || {
        heated(
            false,
            true,
            &[
                KeyCode::Up,
                KeyCode::Down,
                KeyCode::Down,
                KeyCode::Down,
                KeyCode::Down,
                KeyCode::Down,
                KeyCode::Down,
            ],
            0,
        )
    }),
    ("pause safety question", || {
        heated(false, false, &[KeyCode::Enter], 0)
    }),
    ("pause safety page", || {
        heated(false, false, &[KeyCode::Enter, KeyCode::Char('y')], 0)
    }),
    ("pause message", || {
        heated(false, true, &[KeyCode::Enter], 0)
    }),
    ("pause message, editing", || {
        heated(false, true, &[KeyCode::Enter, KeyCode::Char('e')], 0)
    }),
    ("pause break", || {
        heated(false, true, &[KeyCode::Enter, KeyCode::Enter], 0)
    }),
    ("pause break, halfway", || {
        heated(false, true, &[KeyCode::Enter, KeyCode::Enter], 11)
    }),
    ("pause something else", || {
        heated(
            false,
            true,
            &[KeyCode::Enter, KeyCode::Enter, KeyCode::Char('4')],
            0,
        )
    }),
    ("pause return", || {
        heated(false, true, &[KeyCode::Enter, KeyCode::Enter], 26)
    }),
    ("pause soft start", || {
        heated(
            false,
            true,
            &[
                KeyCode::Enter,
                KeyCode::Enter,
                KeyCode::Char('r'),
                KeyCode::Char('y'),
            ],
            0,
        )
    }),
    ("send safety question", || heated(true, false, &[], 0)),
    ("send urge", || heated(true, true, &[], 0)),
    ("send typing", || {
        heated(
            true,
            true,
            &[KeyCode::Enter, KeyCode::Char('h'), KeyCode::Char('i')],
            0,
        )
    }),
    ("send draft, out of the field", || {
        heated(
            true,
            true,
            &[KeyCode::Enter, KeyCode::Char('h'), KeyCode::Esc],
            0,
        )
    }),
    ("send checked", || {
        heated(
            true,
            true,
            &[KeyCode::Enter, KeyCode::Char('h'), KeyCode::Enter],
            0,
        )
    }),
    ("send wait", || {
        heated(
            true,
            true,
            &[
                KeyCode::Enter,
                KeyCode::Char('h'),
                KeyCode::Enter,
                KeyCode::Enter,
            ],
            0,
        )
    }),
    ("send urge again", || {
        heated(
            true,
            true,
            &[
                KeyCode::Enter,
                KeyCode::Char('h'),
                KeyCode::Enter,
                KeyCode::Enter,
            ],
            11,
        )
    }),
    ("send decide", || {
        heated(
            true,
            true,
            &[
                KeyCode::Enter,
                KeyCode::Char('h'),
                KeyCode::Enter,
                KeyCode::Enter,
                KeyCode::Enter,
                KeyCode::Enter,
            ],
            0,
        )
    }),
    ("send shown", || {
        heated(
            true,
            true,
            &[
                KeyCode::Enter,
                KeyCode::Char('h'),
                KeyCode::Enter,
                KeyCode::Enter,
                KeyCode::Enter,
                KeyCode::Enter,
                KeyCode::Char('s'),
            ],
            0,
        )
    }),
    ("home", || (home_app(), Instant::now())),
    ("home on Patterns", || {
        let mut app = home_app();
        let t0 = Instant::now();
        for _ in 0..6 {
            app.on_key(key(KeyCode::Down), t0);
        }
        (app, t0)
    }),
    ("patterns", || {
        let mut app = home_app();
        let t0 = Instant::now();
        for _ in 0..6 {
            app.on_key(key(KeyCode::Down), t0);
        }
        app.on_key(key(KeyCode::Enter), t0);
        (app, t0)
    }),
    ("breathe", || {
        let t0 = Instant::now();
        let mut app = breathe_app("4-4-6", Length::Forever, t0);
        live(&mut app, t0, t0 + ms(2000));
        (app, t0 + ms(2000))
    }),
    ("breathe paused", || {
        let t0 = Instant::now();
        let mut app = breathe_app("4-4-6", Length::Forever, t0);
        live(&mut app, t0, t0 + ms(2000));
        app.on_key(key(KeyCode::Char(' ')), t0 + ms(2000));
        (app, t0 + ms(2000))
    }),
    ("relax tensing", || {
        let t0 = Instant::now();
        let mut app = relax_app("7-group", t0);
        live(&mut app, t0, t0 + ms(2500));
        (app, t0 + ms(2500))
    }),
    ("relax letting go", || {
        let t0 = Instant::now();
        let mut app = relax_app("7-group", t0);
        live(&mut app, t0, t0 + ms(9000));
        (app, t0 + ms(9000))
    }),
    ("ground typing", || {
        (ground_app("5-4-3-2-1"), Instant::now())
    }),
    ("ground typing, second step", || {
        let mut app = ground_app("5-4-3-2-1");
        let t0 = Instant::now();
        for _ in 0..5 {
            app.on_key(key(KeyCode::Enter), t0);
        }
        type_in(&mut app, "warm", t0);
        (app, t0)
    }),
    ("ground out of the field", || {
        let mut app = ground_app("5-4-3-2-1");
        let t0 = Instant::now();
        for _ in 0..5 {
            app.on_key(key(KeyCode::Enter), t0);
        }
        app.on_key(key(KeyCode::Esc), t0);
        (app, t0)
    }),
    ("check-in before", || {
        let mut app = checkins_app();
        let t0 = Instant::now();
        app.on_key(key(KeyCode::Enter), t0);
        (app, t0)
    }),
    ("ending with two ratings", || {
        let mut ctx = ctx();
        ctx.settings.checkins = true;
        let t0 = ctx.clock.start();
        let mut app = App::direct(ctx, breathe_route("4-4-6", Length::Forever), t0);
        app.on_key(key(KeyCode::Char('q')), t0 + ms(5000));
        (app, t0 + ms(5000))
    }),
    ("ending without ratings", || {
        let t0 = Instant::now();
        let mut app = breathe_app("4-4-6", Length::Forever, t0);
        app.on_key(key(KeyCode::Char('q')), t0 + ms(5000));
        (app, t0 + ms(5000))
    }),
    ("reframe typing", || (reframe_app(), Instant::now())),
    ("reframe typing, second step", || {
        let mut app = reframe_app();
        let t0 = Instant::now();
        app.on_key(key(KeyCode::Enter), t0);
        (app, t0)
    }),
    ("reframe list", || {
        let mut app = reframe_app();
        let t0 = Instant::now();
        app.on_key(key(KeyCode::Enter), t0);
        app.on_key(key(KeyCode::Tab), t0);
        (app, t0)
    }),
    ("reframe out of the field", || {
        let mut app = reframe_app();
        let t0 = Instant::now();
        app.on_key(key(KeyCode::Enter), t0);
        app.on_key(key(KeyCode::Esc), t0);
        (app, t0)
    }),
    ("reframe rating", || {
        let mut app = reframe_app();
        let t0 = Instant::now();
        for _ in 0..3 {
            app.on_key(key(KeyCode::Enter), t0);
        }
        (app, t0)
    }),
    ("reframe next step", || {
        let mut app = reframe_app();
        let t0 = Instant::now();
        for _ in 0..11 {
            app.on_key(key(KeyCode::Enter), t0);
        }
        (app, t0)
    }),
    ("reframe review", || {
        let mut app = reframe_app();
        let t0 = Instant::now();
        for _ in 0..12 {
            app.on_key(key(KeyCode::Enter), t0);
        }
        (app, t0)
    }),
    ("history", || {
        let mut app = home_app();
        let t0 = Instant::now();
        let records = (0..3).map(crate::journal::tests::sample).collect();
        crate::testing::journal_read(&mut app, records, t0);
        (app, t0)
    }),
    ("support", || {
        let mut app = home_app();
        let t0 = Instant::now();
        app.on_key(key(KeyCode::Char('!')), t0);
        (app, t0)
    }),
    ("farewell, in a popup", farewell_in_a_popup),
];

/// Getting ready for a talk in a popup, to its end: the lines to take away
/// stay on one last screen.
fn farewell_in_a_popup() -> (App, Instant) {
    let t0 = Instant::now();
    let mut app =
        crate::testing::prepared_in_a_popup("I would like us to plan Saturday together", t0);
    crate::testing::press(&mut app, KeyCode::Enter, t0);
    assert_eq!(app.kind(), Some(Kind::Farewell));
    (app, t0)
}

#[test]
fn every_key_the_footer_offers_does_something() {
    for (name, recipe) in STATES {
        let (mut app, now) = recipe();
        let offered = app.footer();
        assert!(!offered.is_empty(), "{name}: an empty footer");
        for hint in offered {
            let (mut app, now) = recipe();
            let before = fingerprint(&mut app, now);
            app.on_key(hint.press, now);
            app.advance(now);
            let after = fingerprint(&mut app, now);
            assert_ne!(
                before, after,
                "{name}: the footer offers `{} {}` but it does nothing",
                hint.keys, hint.word
            );
        }
        let _ = fingerprint(&mut app, now);
    }
}

#[test]
fn q_and_esc_go_back_one_level_everywhere() {
    for (name, recipe) in STATES {
        for code in [KeyCode::Char('q'), KeyCode::Esc] {
            let (mut app, now) = recipe();
            let typing = app.screen().is_some_and(|s| s.takes_text());
            let depth_before = app.stack.len();
            let kind_before = app.kind();
            let keys_before = app.footer();
            app.on_key(key(code), now);
            if typing && code != KeyCode::Esc {
                // In a field q is a letter; Esc is the way out of it.
                continue;
            }
            // Back one level: out of the screen, between a field and what
            // surrounds it (a list back to its field), or out of a step
            // within a screen (a break's list back to its clock).
            let moved = app.should_quit()
                || app.stack.len() != depth_before
                || app.kind() != kind_before
                || app.screen().is_some_and(|s| s.takes_text() != typing)
                || app.footer() != keys_before;
            assert!(moved, "{name}: {code:?} did not go back");
        }
    }
}

#[test]
fn from_q_in_breathe_to_the_shell_takes_two_keys_or_q_7_4_enter() {
    let mut ctx = ctx();
    ctx.settings.checkins = true;
    let t0 = ctx.clock.start();
    let mut app = App::direct(ctx.clone(), breathe_route("4-4-6", Length::Forever), t0);
    app.on_key(key(KeyCode::Char('q')), t0 + ms(9000));
    app.on_key(key(KeyCode::Char('q')), t0 + ms(9000));
    assert!(app.should_quit());
    let records = app.take_records();
    assert_eq!(
        (records.len(), records[0].before, records[0].after),
        (1, None, None)
    );

    let mut app = App::direct(ctx, breathe_route("4-4-6", Length::Forever), t0);
    for code in [
        KeyCode::Char('q'),
        KeyCode::Char('7'),
        KeyCode::Char('4'),
        KeyCode::Enter,
    ] {
        assert!(!app.should_quit());
        app.on_key(key(code), t0 + ms(9000));
    }
    assert!(app.should_quit());
    let records = app.take_records();
    assert_eq!((records[0].before, records[0].after), (Some(7), Some(4)));
}

#[test]
fn esc_on_the_check_in_before_returns_to_the_menu_and_records_nothing() {
    let mut app = checkins_app();
    let t0 = Instant::now();
    app.on_key(key(KeyCode::Enter), t0);
    assert_eq!(app.kind(), Some(Kind::CheckIn));
    app.on_key(key(KeyCode::Esc), t0);
    assert_eq!(app.kind(), Some(Kind::Home));
    app.on_key(key(KeyCode::Enter), t0);
    app.on_key(key(KeyCode::Char('q')), t0);
    assert_eq!(app.kind(), Some(Kind::Home), "q too");
    app.finish(t0);
    assert!(app.take_records().is_empty());
}

#[test]
fn ctrl_c_on_the_ending_keeps_what_was_answered() {
    let mut ctx = ctx();
    ctx.settings.checkins = true;
    let t0 = ctx.clock.start();
    let mut app = App::direct(ctx, relax_route("4-group"), t0);
    app.on_key(key(KeyCode::Char('q')), t0 + ms(4000));
    app.on_key(key(KeyCode::Char('6')), t0 + ms(4000));
    app.on_key(
        KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL),
        t0 + ms(4000),
    );
    assert!(app.should_quit());
    let records = app.take_records();
    assert_eq!(
        (records.len(), records[0].before, records[0].after),
        (1, Some(6), None)
    );
}

#[test]
fn support_over_a_running_exercise_still_records_it_on_quit() {
    let t0 = Instant::now();
    let mut app = breathe_app("4-4-6", Length::Forever, t0);
    live(&mut app, t0, t0 + ms(3000));
    app.on_key(key(KeyCode::Char('!')), t0 + ms(3000));
    assert_eq!(app.kind(), Some(Kind::Support));
    // A minute on Support: the breathing was not going on meanwhile.
    app.finish(t0 + ms(60_000));
    let records = app.take_records();
    assert_eq!(records.len(), 1);
    assert_eq!(
        records[0].duration_secs, 3,
        "time away is a stall, not breathing"
    );
}

#[test]
fn keys_typed_in_one_batch_reach_the_field_as_one_text_so_an_emoji_stays_whole() {
    let mut app = reframe_app();
    let t0 = Instant::now();
    let press = |c: char| Event::Key(key(KeyCode::Char(c)));
    for c in "👍🏽".chars() {
        app.on_event(&press(c), t0);
    }
    app.end_of_input(t0);
    app.on_key(key(KeyCode::Home), t0);
    // A family sequence typed before it, as a terminal sends it: five keys.
    for c in "👨\u{200d}👩\u{200d}👧".chars() {
        app.on_event(&press(c), t0);
    }
    // A key a table claims ends the batch first.
    app.on_event(&Event::Key(key(KeyCode::End)), t0);
    app.end_of_input(t0);
    let text = screen_text(&app, t0);
    assert!(text.contains("2/600"), "two clusters: {text}");
    app.on_key(key(KeyCode::Enter), t0);
    app.on_key(key(KeyCode::PageUp), t0);
    assert_eq!(
        reframe_state(&app).flow().answers().situation,
        "👨\u{200d}👩\u{200d}👧👍🏽"
    );
    // Outside a field single keys act at once, as before.
    let mut home = home_app();
    home.on_event(&Event::Key(key(KeyCode::Char('j'))), t0);
    assert!(screen_text(&home, t0).contains("▸ Ground"));
}

#[test]
fn quick_hide_leaves_from_a_text_field_records_it_as_left_and_prints_nothing() {
    let mut app = reframe_app();
    let t0 = Instant::now();
    type_in(&mut app, "what happened", t0);
    app.on_key(
        KeyEvent::new(KeyCode::Char('g'), KeyModifiers::CONTROL),
        t0 + ms(4000),
    );
    assert!(app.should_quit() && app.hidden());
    assert!(app.farewell().is_empty());
    let records = app.take_records();
    assert_eq!(records.len(), 1);
    assert!(!records[0].completed);
}

#[test]
fn nothing_after_a_quit_in_the_same_batch_acts() {
    let mut app = home_app();
    let t0 = Instant::now();
    let ctrl_c = Event::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    app.on_event(&ctrl_c, t0);
    app.on_event(&Event::Key(key(KeyCode::Enter)), t0);
    app.end_of_input(t0);
    assert!(app.should_quit());
    assert_eq!(app.sessions().phase(), crate::session::PhaseName::Idle);
    assert!(app.take_records().is_empty());
}
