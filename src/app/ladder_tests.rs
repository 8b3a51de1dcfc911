//! The ladder in the app: built (the safety question first, the note, the
//! goal, steps sorted by fear with a step asked for in a wide gap, the
//! safety behaviours), then a practice logged and one run with the clock.

use std::time::{Duration, Instant};

use ratatui::crossterm::event::KeyCode;

use super::*;
use crate::documents::Loaded;
use crate::journal::{Exercise, Happened, Read};
use crate::ladder::{Ladder, Ladders, Step};
use crate::session::LadderStart;
use crate::testing::{ctx, press, type_text};

fn text(app: &App, now: Instant) -> String {
    crate::testing::screen_text(app, now, 80, 24)
}

fn open(ctx: Ctx, start: LadderStart, t0: Instant) -> App {
    let mut app = App::direct(ctx, Route::Ladder { start }, t0);
    assert!(app.take_journal_request(), "it waits for the journal");
    app.open_with_journal(Ok(Read::default()), t0);
    app
}

fn add_step(app: &mut App, what: &str, fear: char, t0: Instant) {
    type_text(app, what, t0);
    press(app, KeyCode::Enter, t0);
    press(app, KeyCode::Char(fear), t0);
}

#[test]
fn a_ladder_is_built_sorted_with_a_step_asked_for_in_a_wide_gap() {
    let t0 = Instant::now();
    let mut c = ctx();
    c.safety_asked = false;
    let mut app = open(c, LadderStart::Show, t0);
    app.advance(t0);
    assert!(text(&app, t0).contains("do you ever feel afraid of your partner"));
    assert!(app.take_safety_shown(), "remembered as shown");
    press(&mut app, KeyCode::Char('n'), t0);
    assert!(text(&app, t0).contains("Before you build a ladder"));
    press(&mut app, KeyCode::Enter, t0);
    type_text(&mut app, "A weekend apart 🌿", t0);
    press(&mut app, KeyCode::Enter, t0);
    for (what, fear) in [
        ("An hour in, phone away", '2'),
        ("Evening apart, one text", '3'),
        ("Not checking last-seen for a day", '4'),
        ("A night apart", '8'),
        ("Dinner with friends, no texting", '5'),
    ] {
        add_step(&mut app, what, fear, t0);
    }
    // Five steps: not yet a ladder.
    press(&mut app, KeyCode::Enter, t0);
    assert!(text(&app, t0).contains("needs 6 to 12 steps"));
    add_step(&mut app, "A weekend apart, one call a day", '9', t0);
    press(&mut app, KeyCode::Enter, t0);
    // 5 → 8 is a jump of three (fine); nothing asked. Make one too wide.
    let shown = text(&app, t0);
    assert!(
        shown.contains("Which of these do you do to feel safer?"),
        "{shown}"
    );
    press(&mut app, KeyCode::Char(' '), t0);
    press(&mut app, KeyCode::Enter, t0);
    type_text(&mut app, "Refreshing their stories", t0);
    press(&mut app, KeyCode::Enter, t0);
    let saved = app.ladders_doc().to_save.take().expect("saved when built");
    let ladder = saved.current().unwrap();
    assert_eq!(ladder.goal, "A weekend apart 🌿");
    let fears: Vec<u8> = ladder.steps.iter().map(|s| s.fear).collect();
    assert_eq!(fears, [2, 3, 4, 5, 8, 9], "kept in fear order");
    assert_eq!(
        ladder.behaviours,
        [
            "Checking their location or last-seen",
            "Refreshing their stories"
        ]
    );
    let view = text(&app, t0);
    assert!(view.contains("Goal: A weekend apart 🌿"), "{view}");
    assert!(view.contains("suggested next"), "{view}");
}

#[test]
fn a_wide_gap_asks_for_a_step_in_between_once() {
    let t0 = Instant::now();
    let mut app = open(ctx(), LadderStart::New, t0);
    press(&mut app, KeyCode::Enter, t0);
    type_text(&mut app, "Time apart", t0);
    press(&mut app, KeyCode::Enter, t0);
    for (what, fear) in [
        ("a", '1'),
        ("b", '2'),
        ("c", '2'),
        ("d", '3'),
        ("e", '8'),
        ("f", '9'),
    ] {
        add_step(&mut app, what, fear, t0);
    }
    press(&mut app, KeyCode::Enter, t0);
    let asked = text(&app, t0);
    assert!(
        asked.contains("\"d\" (3) to \"e\" (8) is a big jump"),
        "{asked}"
    );
    add_step(&mut app, "d and a half", '5', t0);
    press(&mut app, KeyCode::Enter, t0);
    assert!(
        text(&app, t0).contains("Which of these do you do"),
        "5 → 8 is three: no more gaps"
    );
}

fn a_ladder() -> Loaded<Ladders> {
    let steps = [
        ("An hour in", 2),
        ("An evening out", 4),
        ("A night apart", 7),
        ("b", 8),
        ("c", 9),
        ("d", 10),
    ];
    Loaded::Read(Ladders {
        version: 1,
        ladder: vec![Ladder {
            goal: "A weekend apart".into(),
            steps: steps
                .iter()
                .map(|(w, f)| Step {
                    what: (*w).into(),
                    fear: *f,
                    easier: false,
                })
                .collect(),
            behaviours: vec!["Checking their last-seen".into()],
        }],
    })
}

#[test]
fn a_practice_logged_afterwards_is_a_journal_record_and_shows_on_the_ladder() {
    let t0 = Instant::now();
    let mut c = ctx();
    c.ladders = a_ladder();
    let mut app = open(c, LadderStart::Log, t0);
    let first = text(&app, t0);
    assert!(
        first.contains("Step: An evening out"),
        "the suggested step (4): {first}"
    );
    type_text(&mut app, "They will forget about me", t0);
    press(&mut app, KeyCode::Enter, t0);
    press(&mut app, KeyCode::Char('7'), t0); // 70 % likely
    press(&mut app, KeyCode::Enter, t0);
    press(&mut app, KeyCode::Char('4'), t0); // cope
    press(&mut app, KeyCode::Enter, t0);
    type_text(&mut app, "90", t0);
    press(&mut app, KeyCode::Enter, t0);
    type_text(&mut app, "one text at 21:00", t0);
    press(&mut app, KeyCode::Enter, t0);
    press(&mut app, KeyCode::Char(' '), t0); // drop the checking
    press(&mut app, KeyCode::Enter, t0);
    // Logged: straight to after.
    assert!(text(&app, t0).contains("highest the fear got"));
    press(&mut app, KeyCode::Char('6'), t0);
    press(&mut app, KeyCode::Enter, t0);
    press(&mut app, KeyCode::Char('2'), t0);
    press(&mut app, KeyCode::Enter, t0);
    type_text(&mut app, "They texted first", t0);
    press(&mut app, KeyCode::Enter, t0);
    press(&mut app, KeyCode::Char('3'), t0); // no
    press(&mut app, KeyCode::Enter, t0); // nothing used
    type_text(&mut app, "The fear came down after an hour", t0);
    press(&mut app, KeyCode::Enter, t0);
    let records = app.take_records();
    assert_eq!(records.len(), 1);
    let practice = records[0].ladder.as_ref().unwrap();
    assert_eq!(records[0].exercise, Exercise::Ladder);
    assert_eq!(records[0].v, 2);
    assert!(records[0].completed);
    assert_eq!(practice.step, "An evening out");
    assert_eq!(practice.predicted, "They will forget about me");
    assert_eq!((practice.likely, practice.cope), (Some(70), Some(4)));
    assert_eq!(practice.minutes, Some(90));
    assert_eq!(practice.contact, "one text at 21:00");
    assert_eq!(practice.dropping, ["Checking their last-seen"]);
    assert_eq!((practice.peak, practice.end), (Some(6), Some(2)));
    assert_eq!(practice.happened, Some(Happened::No));
    assert!(practice.logged);
    assert_eq!(records[0].duration_secs, 90 * 60);
    let view = text(&app, t0);
    assert!(
        view.contains("You predicted something bad once; it happened 0 times."),
        "{view}"
    );
    assert!(view.contains("practised 1×"), "{view}");
}

#[test]
fn a_practice_with_the_clock_takes_fear_ratings_and_the_toolkit() {
    let t0 = Instant::now();
    let mut c = ctx();
    c.ladders = a_ladder();
    let mut app = open(c, LadderStart::Show, t0);
    press(&mut app, KeyCode::Enter, t0);
    for _ in 0..6 {
        press(&mut app, KeyCode::Tab, t0);
    }
    let t1 = t0 + Duration::from_secs(5 * 60 + 3);
    app.advance(t1);
    assert!(text(&app, t1).contains("5 min"), "{}", text(&app, t1));
    press(&mut app, KeyCode::Char('f'), t1);
    press(&mut app, KeyCode::Char('6'), t1);
    assert!(text(&app, t1).contains("Fear so far: 6"));
    // The toolkit: breathing runs as a session of its own, logged here too.
    press(&mut app, KeyCode::Char('1'), t1);
    assert_eq!(app.kind(), Some(Kind::Breathe));
    press(&mut app, KeyCode::Char('q'), t1 + Duration::from_secs(30));
    assert_eq!(app.kind(), Some(Kind::Ending), "a session of its own");
    press(&mut app, KeyCode::Enter, t1 + Duration::from_secs(31));
    assert_eq!(app.kind(), Some(Kind::Ladder));
    let breathing = app.take_records();
    assert_eq!(breathing[0].exercise, Exercise::Breathe);
    press(&mut app, KeyCode::Enter, t1);
    press(&mut app, KeyCode::Char('5'), t1);
    // Leaving part way keeps what was answered, as not completed.
    press(&mut app, KeyCode::PageUp, t1);
    press(&mut app, KeyCode::Esc, t1);
    let records = app.take_records();
    let practice = records.last().unwrap().ladder.as_ref().unwrap();
    assert!(!records.last().unwrap().completed);
    assert_eq!(practice.during, [6]);
    assert_eq!(practice.toolkit.len(), 1);
    assert_eq!(practice.toolkit[0].kind, "breathe");
}
