//! A talk in the app: names, topic and rules, two turns through mirror,
//! summary, validation and empathy, the heard-lock, a break that resumes
//! where it was, one if-then each, and privacy unless both keep words.

use std::time::{Duration, Instant};

use ratatui::crossterm::event::KeyCode;

use super::*;
use crate::journal::Exercise;
use crate::testing::{ctx, press, type_text};

fn text(app: &App, now: Instant) -> String {
    crate::testing::screen_text(app, now, 80, 24)
}

fn answer(app: &mut App, words: &str, t0: Instant) {
    type_text(app, words, t0);
    press(app, KeyCode::Enter, t0);
}

/// Names, topic, now, and both agreeing to the rules.
fn on_the_floor(t0: Instant) -> App {
    let mut app = crate::testing::opened(ctx(), Route::Talk, t0);
    answer(&mut app, "Ana", t0);
    answer(&mut app, "Sam", t0);
    answer(&mut app, "How we say goodnight", t0);
    press(&mut app, KeyCode::Char('1'), t0);
    assert!(text(&app, t0).contains("Ground rules"));
    press(&mut app, KeyCode::Char('1'), t0);
    assert!(text(&app, t0).contains("Ana: agreed (1) · Sam: not yet (2)"));
    press(&mut app, KeyCode::Char('2'), t0);
    app
}

/// One whole turn: mirror (not quite once), summary, validation, empathy.
fn a_turn(app: &mut App, now: Instant) {
    press(app, KeyCode::Enter, now);
    press(app, KeyCode::Char('2'), now);
    for _ in 0..4 {
        press(app, KeyCode::Char('1'), now);
    }
}

#[test]
fn two_turns_through_to_heard_and_one_if_then_each() {
    let t0 = Instant::now();
    let mut app = on_the_floor(t0);
    let floor = text(&app, t0);
    assert!(floor.contains("ANA HAS THE FLOOR"), "{floor}");
    assert!(floor.contains("12:00 left"), "{floor}");
    // The mirror cannot be skipped: got-it keys do nothing while speaking.
    press(&mut app, KeyCode::Char('1'), t0);
    assert!(text(&app, t0).contains("ANA HAS THE FLOOR"));
    press(&mut app, KeyCode::Enter, t0);
    assert!(text(&app, t0).contains("SAM MIRRORS"));
    assert!(text(&app, t0).contains("What I heard is"));
    press(&mut app, KeyCode::Char('3'), t0);
    assert!(text(&app, t0).contains("ANA HAS THE FLOOR"), "there's more");
    let t1 = t0 + Duration::from_secs(95);
    app.advance(t1);
    assert!(text(&app, t1).contains("Pause for a moment so Sam can mirror."));
    a_turn(&mut app, t1);
    assert!(
        text(&app, t1).contains("SAM HAS THE FLOOR"),
        "the floor passed"
    );
    a_turn(&mut app, t1 + Duration::from_secs(60));
    // Heard? Not yet for Sam: another turn each, solving stays locked.
    assert!(text(&app, t1).contains("Ana: do you feel heard?"));
    press(&mut app, KeyCode::Char('1'), t1);
    press(&mut app, KeyCode::Char('2'), t1);
    assert!(text(&app, t1).contains("ANA HAS THE FLOOR"));
    a_turn(&mut app, t1);
    a_turn(&mut app, t1);
    press(&mut app, KeyCode::Char('1'), t1);
    press(&mut app, KeyCode::Char('1'), t1);
    assert!(text(&app, t1).contains("Ana: one small step, as if-then"));
    answer(
        &mut app,
        "When we are tired, we say goodnight before ten",
        t1,
    );
    press(&mut app, KeyCode::Tab, t1); // nothing to solve for Sam
    answer(&mut app, "You listened", t1);
    press(&mut app, KeyCode::Tab, t1);
    press(&mut app, KeyCode::Char('1'), t1);
    press(&mut app, KeyCode::Char('2'), t1); // Sam does not keep
    assert_eq!(app.kind(), Some(Kind::Ending));
    let records = app.take_records();
    assert_eq!(records[0].exercise, Exercise::Talk);
    let talk = records[0].talk.as_ref().unwrap();
    assert_eq!(talk.initials, ["A", "S"]);
    assert!(talk.heard);
    assert_eq!(talk.turns.len(), 4);
    assert_eq!(
        (
            talk.turns[0].who.as_str(),
            talk.turns[0].mirrors,
            talk.turns[0].not_quite
        ),
        ("A", 3, 1)
    );
    assert_eq!(
        talk.if_thens,
        ["When we are tired, we say goodnight before ten", ""]
    );
    let line = serde_json::to_string(&records[0]).unwrap();
    assert!(
        !line.contains("goodnight\""),
        "no topic unless both keep: {line}"
    );
    assert!(!line.contains("You listened"), "{line}");
    assert!(!line.contains("Ana") && !line.contains("Sam"), "{line}");
}

#[test]
fn a_break_opens_a_pause_and_the_talk_resumes_where_it_was() {
    let t0 = Instant::now();
    let mut app = on_the_floor(t0);
    press(&mut app, KeyCode::Enter, t0);
    assert!(text(&app, t0).contains("SAM MIRRORS"));
    press(&mut app, KeyCode::Char('p'), t0 + Duration::from_secs(60));
    assert_eq!(app.kind(), Some(Kind::Pause));
    // Leave the break at once (its own pages allow it): back where it was.
    for _ in 0..3 {
        if app.kind() == Some(Kind::Pause) {
            press(&mut app, KeyCode::Char('q'), t0 + Duration::from_secs(600));
        }
    }
    assert_eq!(app.kind(), Some(Kind::Talk));
    let t2 = t0 + Duration::from_secs(600);
    let shown = text(&app, t2);
    assert!(shown.contains("SAM MIRRORS"), "{shown}");
    assert!(
        shown.contains("11:00 left"),
        "the break did not count: {shown}"
    );
}

/// The journal as read by a new run of soothe.
fn reopened(records: Vec<crate::journal::Record>, at: Instant) -> App {
    let mut app = App::direct(ctx(), Route::Talk, at);
    assert!(app.take_journal_request(), "a talk reads the journal first");
    assert_eq!(
        app.journal_reach(),
        crate::journal::Reach::Recent,
        "its last day, not years"
    );
    crate::testing::journal_read(&mut app, records, at);
    app
}

#[test]
fn a_talk_closed_during_a_break_goes_on_where_it_was_within_a_day() {
    let t0 = ctx().clock.start();
    let mut app = on_the_floor(t0);
    a_turn(&mut app, t0 + Duration::from_secs(100));
    press(&mut app, KeyCode::Enter, t0 + Duration::from_secs(100));
    assert!(text(&app, t0).contains("ANA MIRRORS"));
    let break_at = t0 + Duration::from_secs(160);
    press(&mut app, KeyCode::Char('p'), break_at);
    assert_eq!(app.kind(), Some(Kind::Pause));
    // soothe is closed during the break (Ctrl-C, the window shut).
    app.finish(break_at + Duration::from_secs(30));
    let records = app.take_records();
    let stopped = records
        .iter()
        .find(|r| r.exercise == Exercise::Talk)
        .expect("the talk's account");
    let talk = stopped.talk.as_ref().unwrap();
    let point = talk.resume.as_ref().expect("where it stood");
    assert_eq!(
        (point.speaker, point.step.as_str(), point.left_secs),
        (1, "mirror", 12 * 60 - 60)
    );
    let by = app.ctx().clock.at(break_at) + chrono::Duration::hours(24);
    assert_eq!(
        point.by,
        by.to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
    );
    let line = serde_json::to_string(stopped).unwrap();
    assert!(
        !line.contains("Ana") && !line.contains("goodnight"),
        "{line}"
    );

    // Three hours later, a new run offers to go on.
    let later = break_at + Duration::from_secs(3 * 3600);
    let mut app = reopened(records.clone(), later);
    let offer = text(&app, later)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(offer.contains("stopped for a break"), "{offer}");
    assert!(offer.contains("(S. had the floor, 1 turn done)"), "{offer}");
    press(&mut app, KeyCode::Char('1'), later);
    let names = text(&app, later);
    assert!(names.contains("A. last time"), "{names}");
    answer(&mut app, "Ana", later);
    answer(&mut app, "Sam", later);
    answer(&mut app, "", later);
    let floor = text(&app, later);
    assert!(floor.contains("ANA MIRRORS"), "where it was: {floor}");
    assert!(floor.contains("11:00 left"), "{floor}");
    for _ in 0..4 {
        press(&mut app, KeyCode::Char('1'), later);
    }
    assert!(
        text(&app, later).contains("Ana: do you feel heard?"),
        "both spoke"
    );
    press(&mut app, KeyCode::Char('1'), later);
    press(&mut app, KeyCode::Char('1'), later);
    for _ in 0..4 {
        press(&mut app, KeyCode::Tab, later);
    }
    press(&mut app, KeyCode::Char('2'), later);
    press(&mut app, KeyCode::Char('2'), later);
    assert_eq!(app.kind(), Some(Kind::Ending));
    let mut all = records.clone();
    let went_on = app.take_records();
    let talk = went_on[0].talk.as_ref().unwrap();
    assert_eq!(talk.continues, stopped.id);
    assert_eq!((talk.turns.len(), talk.breaks, talk.heard), (2, 1, true));
    assert!(talk.resume.is_none());
    all.extend(went_on);

    // Gone on with once, it is not offered again; nor after 24 hours.
    let app = reopened(all, later + Duration::from_secs(60));
    assert!(text(&app, later).contains("Your first names"));
    let app = reopened(
        records.clone(),
        break_at + Duration::from_secs(24 * 3600 + 1),
    );
    let fresh = text(&app, later);
    assert!(fresh.contains("Your first names"), "too late: {fresh}");

    // "No, start a new talk", then left at the names: that talk is the
    // newest, so the stopped one is not offered again.
    let mut app = reopened(records.clone(), later);
    press(&mut app, KeyCode::Char('2'), later);
    assert!(text(&app, later).contains("Your first names"));
    press(&mut app, KeyCode::Esc, later);
    let mut after_no = records;
    after_no.extend(app.take_records());
    let app = reopened(after_no, later + Duration::from_secs(60));
    assert!(text(&app, later).contains("Your first names"), "asked once");
}

#[test]
fn not_now_saves_a_time_within_a_day() {
    let t0 = Instant::now();
    let mut app = crate::testing::opened(ctx(), Route::Talk, t0);
    answer(&mut app, "Ana", t0);
    answer(&mut app, "Sam", t0);
    answer(&mut app, "Money", t0);
    press(&mut app, KeyCode::Char('2'), t0);
    answer(&mut app, "soon", t0);
    assert!(
        text(&app, t0).contains("A time of day like 20:30"),
        "refused"
    );
    for _ in 0..4 {
        press(&mut app, KeyCode::Backspace, t0);
    }
    answer(&mut app, "20:30", t0);
    assert_eq!(app.kind(), Some(Kind::Ending));
    assert!(text(&app, t0).contains("Your talk is for today at 20:30."));
    let records = app.take_records();
    assert_eq!(records[0].talk.as_ref().unwrap().later, "today at 20:30");
}

#[test]
fn getting_ready_alone_checks_what_to_say_and_keeps_it() {
    let t0 = Instant::now();
    let mut app = App::direct(ctx(), Route::TalkPrepare, t0);
    assert!(text(&app, t0).contains("Getting ready for a talk"));
    answer(&mut app, "The weekend plans", t0);
    answer(&mut app, "You always decide everything without me", t0);
    let check = text(&app, t0);
    assert!(check.contains("How it reads"), "{check}");
    assert!(
        check.contains("Always and never"),
        "the send rules read it: {check}"
    );
    press(&mut app, KeyCode::Enter, t0);
    answer(&mut app, "What their week has been like", t0);
    assert_eq!(app.kind(), Some(Kind::Ending));
    let records = app.take_records();
    let talk = records[0].talk.as_ref().unwrap();
    assert_eq!(records[0].variant, "prepare");
    assert_eq!(talk.topic, "The weekend plans");
    assert!(
        app.farewell()
            .iter()
            .any(|l| l == "To listen for: What their week has been like")
    );
}

#[test]
fn a_stress_from_outside_in_three_phases() {
    let t0 = Instant::now();
    let mut app = App::direct(ctx(), Route::TalkStress, t0);
    answer(&mut app, "Ana", t0);
    answer(&mut app, "Sam", t0);
    answer(&mut app, "My manager moved the deadline", t0);
    assert!(text(&app, t0).contains("Ana: tell Sam about it"));
    press(&mut app, KeyCode::Char('2'), t0);
    assert!(
        text(&app, t0).contains("Ana: tell Sam about it"),
        "said again"
    );
    press(&mut app, KeyCode::Char('1'), t0);
    assert!(text(&app, t0).contains("Sam: ask Ana what would help now."));
    press(&mut app, KeyCode::Char('3'), t0); // company
    press(&mut app, KeyCode::Enter, t0);
    answer(&mut app, "Less alone with it", t0);
    press(&mut app, KeyCode::Char('1'), t0);
    press(&mut app, KeyCode::Char('2'), t0);
    assert_eq!(app.kind(), Some(Kind::Ending));
    let records = app.take_records();
    let talk = records[0].talk.as_ref().unwrap();
    assert_eq!(
        (talk.help.as_str(), talk.heard, talk.kept),
        ("company", true, false)
    );
    assert_eq!(talk.turns[0].not_quite, 1);
    let line = serde_json::to_string(&records[0]).unwrap();
    assert!(
        !line.contains("deadline") && !line.contains("Less alone"),
        "{line}"
    );
}

#[test]
fn leaving_a_talk_at_once_from_the_menu_lets_the_next_exercise_start() {
    let t0 = Instant::now();
    let mut app = App::home(ctx());
    for _ in 0..9 {
        press(&mut app, KeyCode::Down, t0);
    }
    press(&mut app, KeyCode::Enter, t0);
    crate::testing::empty_journal(&mut app, t0);
    assert_eq!(app.kind(), Some(Kind::Talk));
    press(&mut app, KeyCode::Esc, t0);
    // The unbegun talk ends through the session (its ending), then home.
    while app.kind() != Some(Kind::Home) {
        press(&mut app, KeyCode::Char('q'), t0);
    }
    for _ in 0..9 {
        press(&mut app, KeyCode::Up, t0);
    }
    press(&mut app, KeyCode::Enter, t0);
    assert_eq!(
        app.kind(),
        Some(Kind::Breathe),
        "the session machine is free again"
    );
}

#[test]
fn leaving_before_beginning_ends_the_session_through_its_ending() {
    let t0 = Instant::now();
    // A repair together left on its first page.
    let mut app = App::direct(ctx(), Route::RepairTogether, t0);
    press(&mut app, KeyCode::Char('q'), t0);
    assert_eq!(app.kind(), Some(Kind::Ending), "not a bare pop");
    // A stress talk left at the safety question.
    let mut c = ctx();
    c.safety_asked = false;
    let mut app = App::direct(c, Route::TalkStress, t0);
    app.advance(t0);
    assert!(text(&app, t0).contains("do you ever feel afraid of your partner"));
    press(&mut app, KeyCode::Char('q'), t0);
    assert_eq!(app.kind(), Some(Kind::Ending));
}

#[test]
fn a_popups_last_screen_shows_long_lines_whole_and_a_signal_still_prints_them() {
    let t0 = Instant::now();
    let long = "I would like us to plan Saturday together, and to say early on what each of us \
                needs from the weekend, so that nobody has to guess and nobody ends up waiting";
    let mut app = crate::testing::prepared_in_a_popup(long, t0);
    assert_eq!(app.kind(), Some(Kind::Ending));
    press(&mut app, KeyCode::Enter, t0);
    assert_eq!(app.kind(), Some(Kind::Farewell));
    // At 40x12 the lines do not fit: the end is reached by scrolling.
    let small = |app: &App| crate::testing::screen_text(app, t0, 40, 12);
    assert!(
        small(&app).contains("Enter closes."),
        "the hint always shows"
    );
    assert!(!small(&app).contains("waiting"));
    for _ in 0..12 {
        press(&mut app, KeyCode::Down, t0);
        let _ = small(&app);
    }
    let end = small(&app);
    assert!(end.contains("waiting"), "every word reachable: {end}");
    assert!(end.contains("To listen for: How their week was"), "{end}");
    // Ended by a signal instead: no last screen, the lines are printed.
    let mut signalled = crate::testing::prepared_in_a_popup(long, t0);
    signalled.finish(t0);
    assert!(signalled.should_quit());
    assert!(
        signalled
            .farewell()
            .iter()
            .any(|l| l.contains("nobody ends up waiting"))
    );
}
