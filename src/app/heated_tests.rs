//! Flows through a break and a message with an injected clock: the wall
//! time is anchored to the test's first instant, so return times are exact.

use std::time::{Duration, Instant};

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::*;
use crate::clock::WallClock;
use crate::exercise::pause::Planned;
use crate::exercise::send::Plan;
use crate::journal::{self, Decision};
use crate::testing::{ctx, key, live, press, type_text};

const MINUTE: Duration = Duration::from_secs(60);

/// 21:00:00 sharp at `t0`.
fn ctx_at(t0: Instant) -> Ctx {
    let mut ctx = ctx();
    ctx.clock = WallClock::new(
        t0,
        chrono::DateTime::parse_from_rfc3339("2026-11-22T21:00:00+01:00").unwrap(),
    );
    ctx
}

fn text(app: &App, now: Instant) -> String {
    crate::testing::screen_text(app, now, 80, 24)
}

fn pause_app(ctx: Ctx, minutes: u32, t0: Instant) -> App {
    App::direct(
        ctx,
        Route::Pause {
            planned: Planned::Minutes(minutes),
        },
        t0,
    )
}

fn send_app(ctx: Ctx, wait: u32, t0: Instant) -> App {
    App::direct(
        ctx,
        Route::Send {
            plan: Plan {
                wait_minutes: wait,
                draft: String::new(),
            },
        },
        t0,
    )
}

fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

/// Lets `minutes` pass in one-minute looks (the break wakes once a minute).
fn wait_minutes(app: &mut App, from: Instant, minutes: u32) -> Instant {
    let mut t = from;
    for _ in 0..minutes {
        t += MINUTE;
        app.advance(t);
    }
    t
}

#[test]
fn a_break_runs_from_the_signs_to_a_soft_start_with_an_exercise_inside_it() {
    let t0 = Instant::now();
    let mut app = pause_app(ctx_at(t0), 20, t0);
    assert_eq!(app.kind(), Some(Kind::Pause));
    let signs = text(&app, t0);
    assert!(signs.contains("Are you flooded?"), "{signs}");
    // Two signs marked: it says this looks like flooding.
    press(&mut app, KeyCode::Char(' '), t0);
    press(&mut app, KeyCode::Down, t0);
    press(&mut app, KeyCode::Char(' '), t0);
    assert!(text(&app, t0).contains("This looks like flooding"));
    // The distress row takes a digit.
    for _ in 0..6 {
        press(&mut app, KeyCode::Down, t0);
    }
    press(&mut app, KeyCode::Char('8'), t0);
    press(&mut app, KeyCode::Enter, t0);
    let message = text(&app, t0);
    assert!(
        message.contains("I'm taking a break until 21:20"),
        "{message}"
    );
    press(&mut app, KeyCode::Enter, t0);
    let clock = text(&app, t0);
    assert!(
        clock.contains("Back at 21:20") && clock.contains("20 minutes to go"),
        "{clock}"
    );
    // Halfway, one gentle line; "going over it" points to grounding.
    let t = wait_minutes(&mut app, t0, 10);
    assert!(text(&app, t).contains("Halfway."), "{}", text(&app, t));
    press(&mut app, KeyCode::Char('o'), t);
    assert!(text(&app, t).contains("Grounding can pull the mind back"));
    // Breathing inside the break comes back to the break, and is no
    // session of its own.
    press(&mut app, KeyCode::Char('1'), t);
    assert_eq!(app.kind(), Some(Kind::Breathe));
    let t = t + MINUTE;
    live(&mut app, t - MINUTE, t);
    press(&mut app, KeyCode::Char('q'), t);
    assert_eq!(app.kind(), Some(Kind::Pause));
    assert!(app.take_records().is_empty());
    assert!(text(&app, t).contains("So far: breathing 1 min"));
    // The return time: the rating, then "not yet" gives twenty more minutes.
    let t = wait_minutes(&mut app, t, 9);
    let due = text(&app, t);
    assert!(
        due.contains("It's 21:20") && due.contains("Could you listen now"),
        "{due}"
    );
    press(&mut app, KeyCode::Char('5'), t);
    press(&mut app, KeyCode::Char('n'), t);
    let again = text(&app, t);
    assert!(again.contains("I'll come back to this at 21:40"), "{again}");
    press(&mut app, KeyCode::Enter, t);
    let t = wait_minutes(&mut app, t, 20);
    press(&mut app, KeyCode::Char('3'), t);
    press(&mut app, KeyCode::Char('y'), t);
    assert!(text(&app, t).contains("I feel ___ about ___, and I need ___"));
    press(&mut app, KeyCode::Enter, t);
    assert_eq!(app.kind(), Some(Kind::Ending));
    let summary = text(&app, t);
    assert!(summary.contains("Planned 40 min"), "{summary}");
    assert!(summary.contains("Distress 8 → 3"), "{summary}");
    assert!(summary.contains("You did: breathing 1 min"), "{summary}");
    let records = app.take_records();
    assert_eq!(records.len(), 1);
    let record = &records[0];
    assert_eq!((record.v, record.exercise), (2, journal::Exercise::Pause));
    assert_eq!((record.before, record.after), (Some(8), Some(3)));
    assert!(record.completed);
    let pause = record.pause.as_ref().unwrap();
    assert_eq!(pause.signs, 2);
    assert_eq!(pause.extensions, 1);
    assert_eq!(pause.planned_minutes, 40);
    assert_eq!(pause.halfway.as_deref(), Some("going-over"));
    assert_eq!(pause.ready, Some(true));
    assert!(pause.back_on_time);
    assert_eq!(pause.activities[0].kind, "breathe");
    // The message is printed after exit, but kept only with save_text.
    assert!(pause.message.is_empty());
    assert!(app.farewell().iter().any(|l| l.contains("21:40")));
    assert_eq!(
        app.to_copy(),
        Some("I need a little longer. I'll come back to this at 21:40; I haven't left it.")
    );
}

#[test]
fn the_break_clock_wakes_once_a_minute_and_at_the_return_only() {
    let t0 = Instant::now();
    let mut app = pause_app(ctx_at(t0), 20, t0);
    press(&mut app, KeyCode::Tab, t0);
    press(&mut app, KeyCode::Enter, t0);
    assert!(text(&app, t0).contains("20 minutes to go"));
    let t = t0 + Duration::from_secs(5);
    app.advance(t);
    let wake = app.next_wake(t, None).expect("the clock wakes");
    // The shown minutes next change a whole minute before the return.
    assert_eq!(wake - t, Duration::from_secs(55));
    // Between changes nothing is redrawn.
    app.take_dirty();
    app.advance(t + Duration::from_secs(20));
    assert!(!app.take_dirty());
    app.advance(t0 + MINUTE);
    assert!(app.take_dirty());
    assert!(text(&app, t0 + MINUTE).contains("19 minutes to go"));
}

#[test]
fn a_laptop_sleeping_through_the_return_time_finds_it_due_on_waking() {
    let t0 = Instant::now();
    let mut app = pause_app(ctx_at(t0), 30, t0);
    press(&mut app, KeyCode::Tab, t0);
    press(&mut app, KeyCode::Enter, t0);
    // Asleep: the monotonic clock moved a second, the wall an hour.
    let t = t0 + Duration::from_secs(1);
    app.set_clock(WallClock::new(
        t,
        chrono::DateTime::parse_from_rfc3339("2026-11-22T22:00:01+01:00").unwrap(),
    ));
    app.advance(t);
    let due = text(&app, t);
    assert!(due.contains("It's 21:30"), "{due}");
}

#[test]
fn quitting_inside_a_break_records_the_break_with_what_ran_in_it() {
    let t0 = Instant::now();
    let mut app = pause_app(ctx_at(t0), 20, t0);
    press(&mut app, KeyCode::Tab, t0);
    press(&mut app, KeyCode::Enter, t0);
    press(&mut app, KeyCode::Char('2'), t0);
    assert_eq!(app.kind(), Some(Kind::Ground));
    let t = t0 + Duration::from_secs(40);
    app.on_key(ctrl('c'), t);
    assert!(app.should_quit());
    let records = app.take_records();
    assert_eq!(records.len(), 1, "{records:?}");
    assert_eq!(records[0].exercise, journal::Exercise::Pause);
    assert!(!records[0].completed);
    let activities = &records[0].pause.as_ref().unwrap().activities;
    assert_eq!(activities.len(), 1);
    assert_eq!(
        (activities[0].kind.as_str(), activities[0].secs),
        ("ground", 40)
    );
    // The message was offered, so it is still printed to copy.
    assert!(app.farewell().iter().any(|l| l.contains("21:20")));
}

#[test]
fn quick_hide_from_the_message_field_prints_nothing_and_records_the_break_as_left() {
    let t0 = Instant::now();
    let mut app = pause_app(ctx_at(t0), 20, t0);
    press(&mut app, KeyCode::Enter, t0);
    press(&mut app, KeyCode::Char('e'), t0);
    assert!(app.screen().unwrap().takes_text());
    type_text(&mut app, " sorry", t0);
    app.on_key(ctrl('g'), t0);
    assert!(app.should_quit() && app.hidden());
    assert!(app.farewell().is_empty());
    assert_eq!(app.to_copy(), None);
    let records = app.take_records();
    assert_eq!(records.len(), 1);
    assert!(!records[0].completed);
}

#[test]
fn the_safety_question_is_asked_once_and_its_answer_is_not_kept() {
    let t0 = Instant::now();
    let mut ctx = ctx_at(t0);
    ctx.safety_asked = false;
    let mut app = pause_app(ctx, 20, t0);
    assert!(
        !app.take_safety_shown(),
        "not before the message is offered"
    );
    press(&mut app, KeyCode::Enter, t0);
    assert!(text(&app, t0).contains("do you ever feel afraid of your partner"));
    assert!(app.take_safety_shown());
    press(&mut app, KeyCode::Char('y'), t0);
    let page = text(&app, t0);
    assert!(page.contains("safe for you to disagree"), "{page}");
    assert!(page.contains("can read soothe's journal"), "{page}");
    press(&mut app, KeyCode::Enter, t0);
    assert!(text(&app, t0).contains("A message for your partner"));
    // The same run does not ask again.
    assert!(app.ctx().safety_asked);
    press(&mut app, KeyCode::Char('q'), t0);
    let record = serde_json::to_string(&app.take_records()[0]).unwrap();
    assert!(
        !record.contains("afraid") && !record.contains("safety"),
        "{record}"
    );
}

#[test]
fn a_message_is_checked_left_to_sit_and_shown_to_copy() {
    let t0 = Instant::now();
    let mut app = send_app(ctx_at(t0), 10, t0);
    assert!(text(&app, t0).contains("How strong is the urge to send it"));
    press(&mut app, KeyCode::Char('8'), t0);
    press(&mut app, KeyCode::Enter, t0);
    assert!(app.screen().unwrap().takes_text());
    // Shortcut letters are text in the draft.
    type_text(&mut app, "You always ignored me. Are we ok? q", t0);
    press(&mut app, KeyCode::Enter, t0);
    let checked = text(&app, t0);
    for rule in [
        "Always and never",
        "Words for what they did",
        "Checking for reassurance",
    ] {
        assert!(checked.contains(rule), "{rule}: {checked}");
    }
    // The findings are listed; the draft is the person's, unchanged.
    assert!(
        checked.contains("You always ignored me. Are we ok? q"),
        "{checked}"
    );
    press(&mut app, KeyCode::Enter, t0);
    assert!(text(&app, t0).contains("10 minutes to go"));
    let t = wait_minutes(&mut app, t0, 10);
    assert!(text(&app, t).contains("And the urge to send it now?"));
    press(&mut app, KeyCode::Char('4'), t);
    press(&mut app, KeyCode::Enter, t);
    press(&mut app, KeyCode::Char('s'), t);
    assert!(text(&app, t).contains("Here it is, to copy"));
    press(&mut app, KeyCode::Enter, t);
    assert_eq!(app.kind(), Some(Kind::Ending));
    assert!(text(&app, t).contains("Urge to send 8 → 4"));
    let records = app.take_records();
    let send = records[0].send.as_ref().unwrap();
    assert_eq!(records[0].v, 2);
    assert_eq!(send.decision, Decision::Shown);
    assert!(send.waited);
    assert_eq!((send.urge_before, send.urge_after), (Some(8), Some(4)));
    assert_eq!(
        send.findings,
        ["absolutes", "you-openings", "their-doing", "reassurance"]
    );
    assert_eq!(send.words, 8);
    assert!(send.draft.is_empty(), "kept only with save_text");
    assert_eq!(app.to_copy(), Some("You always ignored me. Are we ok? q"));
}

#[test]
fn a_zero_wait_goes_straight_to_the_urge_and_not_now_copies_nothing() {
    let t0 = Instant::now();
    let mut ctx = ctx_at(t0);
    ctx.settings.save_text = true;
    ctx.settings.send_rules_off = vec!["absolutes".into()];
    let mut app = send_app(ctx, 0, t0);
    press(&mut app, KeyCode::Tab, t0);
    type_text(&mut app, "You always forget.", t0);
    press(&mut app, KeyCode::Enter, t0);
    let checked = text(&app, t0);
    assert!(
        !checked.contains("Always and never"),
        "switched off: {checked}"
    );
    press(&mut app, KeyCode::Enter, t0);
    assert!(text(&app, t0).contains("And the urge to send it now?"));
    press(&mut app, KeyCode::Tab, t0);
    press(&mut app, KeyCode::Char('n'), t0);
    assert_eq!(app.kind(), Some(Kind::Ending));
    assert_eq!(app.to_copy(), None);
    assert_eq!(app.farewell()[1], "You always forget.", "printed, not lost");
    let records = app.take_records();
    let send = records[0].send.as_ref().unwrap();
    assert_eq!(send.decision, Decision::NotNow);
    assert!(!send.waited);
    assert_eq!(send.draft, "You always forget.", "kept: save_text is on");
}

#[test]
fn breathing_during_the_wait_comes_back_to_the_wait() {
    let t0 = Instant::now();
    let mut app = send_app(ctx_at(t0), 10, t0);
    press(&mut app, KeyCode::Tab, t0);
    type_text(&mut app, "I miss you", t0);
    press(&mut app, KeyCode::Enter, t0);
    press(&mut app, KeyCode::Enter, t0);
    press(&mut app, KeyCode::Char('1'), t0);
    assert_eq!(app.kind(), Some(Kind::Breathe));
    press(&mut app, KeyCode::Char('q'), t0 + Duration::from_secs(1));
    assert_eq!(app.kind(), Some(Kind::Send));
    assert!(text(&app, t0 + Duration::from_secs(1)).contains("Let it sit"));
    assert!(app.take_records().is_empty());
}

#[test]
fn pause_and_send_are_on_the_menu_after_the_body_exercises() {
    let t0 = Instant::now();
    let mut app = App::home(ctx_at(t0));
    let menu = text(&app, t0);
    let at = |name: &str| menu.find(name).unwrap_or_else(|| panic!("{name}: {menu}"));
    assert!(at("Relax") < at("Pause") && at("Pause") < at("Send") && at("Send") < at("Reframe"));
    for _ in 0..3 {
        press(&mut app, KeyCode::Down, t0);
    }
    press(&mut app, KeyCode::Enter, t0);
    assert_eq!(app.kind(), Some(Kind::Pause));
    // q on the first page ends the break into its summary; q again, home.
    press(&mut app, KeyCode::Char('q'), t0);
    assert_eq!(app.kind(), Some(Kind::Ending));
    app.on_key(key(KeyCode::Char('q')), t0);
    assert_eq!(app.kind(), Some(Kind::Home));
}

#[test]
fn a_day_of_breaks_used_up_suggests_talking_in_turns_or_a_counsellor() {
    let t0 = Instant::now();
    let mut app = pause_app(ctx_at(t0), 24 * 60, t0);
    press(&mut app, KeyCode::Tab, t0);
    press(&mut app, KeyCode::Enter, t0);
    assert!(
        text(&app, t0).contains("Back at 21:00"),
        "{}",
        text(&app, t0)
    );
    // A day later (on the wall clock), "not yet" has nowhere to go.
    let t = t0 + Duration::from_secs(2);
    app.set_clock(WallClock::new(
        t,
        chrono::DateTime::parse_from_rfc3339("2026-11-23T21:00:01+01:00").unwrap(),
    ));
    app.advance(t);
    press(&mut app, KeyCode::Char('n'), t);
    let enough = text(&app, t);
    assert!(enough.contains("counsellor"), "{enough}");
    press(&mut app, KeyCode::Enter, t);
    let record = &app.take_records()[0];
    let pause = record.pause.as_ref().unwrap();
    assert_eq!((pause.extensions, pause.ready), (0, Some(false)));
    assert_eq!(pause.planned_minutes, 24 * 60);
}

#[test]
fn a_long_list_of_signs_keeps_the_row_being_answered_in_view() {
    let t0 = Instant::now();
    let mut ctx = ctx_at(t0);
    let extra = ctx.content.signs[0].clone();
    for n in 0..3 {
        let mut sign = extra.clone();
        sign.id = format!("mine-{n}");
        sign.text = format!("A sign of my own, number {n}");
        ctx.content.signs.push(sign);
    }
    let mut app = pause_app(ctx, 20, t0);
    for _ in 0..10 {
        press(&mut app, KeyCode::Down, t0);
    }
    press(&mut app, KeyCode::Char('7'), t0);
    let small = crate::testing::screen_text(&app, t0, 40, 12);
    assert!(
        small.contains("› Distress") && small.contains("[7]"),
        "{small}"
    );
}

#[test]
fn the_return_time_ends_an_exercise_running_inside_the_break() {
    let t0 = Instant::now();
    let mut app = pause_app(ctx_at(t0), 20, t0);
    press(&mut app, KeyCode::Tab, t0);
    press(&mut app, KeyCode::Enter, t0);
    press(&mut app, KeyCode::Char('1'), t0);
    assert_eq!(app.kind(), Some(Kind::Breathe));
    // The loop wakes for the return time even with breathing on top.
    let returns = t0 + 20 * MINUTE;
    let t = t0 + 19 * MINUTE;
    assert!(app.next_wake(t, None).is_some_and(|at| at <= returns));
    app.advance(returns);
    assert_eq!(app.kind(), Some(Kind::Pause));
    assert!(
        text(&app, returns).contains("It's 21:20"),
        "{}",
        text(&app, returns)
    );
    press(&mut app, KeyCode::Char('q'), returns);
    let record = &app.take_records()[0];
    assert!(record.completed, "the return time came");
    assert_eq!(record.pause.as_ref().unwrap().activities[0].kind, "breathe");
}

#[test]
fn after_a_sleep_the_record_keeps_its_start_and_counts_the_time_asleep() {
    let t0 = Instant::now();
    let mut app = pause_app(ctx_at(t0), 20, t0);
    press(&mut app, KeyCode::Tab, t0);
    press(&mut app, KeyCode::Enter, t0);
    let t = t0 + Duration::from_secs(1);
    app.set_clock(WallClock::new(
        t,
        chrono::DateTime::parse_from_rfc3339("2026-11-22T22:00:01+01:00").unwrap(),
    ));
    app.advance(t);
    press(&mut app, KeyCode::Char('n'), t);
    press(&mut app, KeyCode::Char('q'), t);
    let record = &app.take_records()[0];
    assert_eq!(record.started_at.to_rfc3339(), "2026-11-22T21:00:00+01:00");
    assert!(record.duration_secs >= 3600, "{}", record.duration_secs);
    // "Not yet" once the return time came: still a completed break.
    assert!(record.completed);
    assert_eq!(record.pause.as_ref().unwrap().extensions, 1);
}

#[test]
fn a_draft_left_without_deciding_is_printed_not_lost() {
    let t0 = Instant::now();
    let mut app = send_app(ctx_at(t0), 10, t0);
    press(&mut app, KeyCode::Tab, t0);
    type_text(&mut app, "I miss you", t0);
    press(&mut app, KeyCode::Esc, t0);
    press(&mut app, KeyCode::Esc, t0);
    assert_eq!(app.kind(), Some(Kind::Ending));
    assert_eq!(
        app.farewell(),
        [
            "Your draft, not sent (printed so it is not lost):",
            "I miss you"
        ]
    );
    assert_eq!(
        app.to_copy(),
        None,
        "only a message shown to copy is copied"
    );
}

#[test]
fn two_tools_in_one_run_both_leave_their_lines() {
    let t0 = Instant::now();
    let mut app = App::home(ctx_at(t0));
    for _ in 0..3 {
        press(&mut app, KeyCode::Down, t0);
    }
    press(&mut app, KeyCode::Enter, t0);
    press(&mut app, KeyCode::Tab, t0);
    press(&mut app, KeyCode::Char('q'), t0);
    press(&mut app, KeyCode::Enter, t0);
    assert_eq!(app.kind(), Some(Kind::Home));
    press(&mut app, KeyCode::Down, t0);
    press(&mut app, KeyCode::Enter, t0);
    press(&mut app, KeyCode::Tab, t0);
    type_text(&mut app, "Talk tomorrow?", t0);
    press(&mut app, KeyCode::Esc, t0);
    press(&mut app, KeyCode::Char('q'), t0);
    let lines = app.farewell().join("\n");
    assert!(lines.contains("I'm taking a break until 21:20"), "{lines}");
    assert!(lines.contains("Talk tomorrow?"), "{lines}");
}
