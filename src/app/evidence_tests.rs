//! Evidence in the app: the beliefs written and rated, evidence added and
//! accepted or skipped from the journal, the weekly re-rating, and the
//! journal's account when leaving.

use std::time::Instant;

use ratatui::crossterm::event::KeyCode;

use super::*;
use crate::beliefs::{Belief, Beliefs, Rating};
use crate::documents::Loaded;
use crate::journal::{Exercise, Read};
use crate::testing::{ctx, press, type_text};

fn text(app: &App, now: Instant) -> String {
    crate::testing::screen_text(app, now, 80, 24)
}

/// `soothe evidence` with this journal, once the event loop has read it.
fn open(ctx: Ctx, records: Vec<Record>, t0: Instant) -> App {
    let mut app = App::direct(ctx, Route::Evidence, t0);
    assert!(app.take_journal_request(), "it waits for the journal");
    assert_eq!(app.journal_reach(), crate::journal::Reach::Whole);
    app.open_with_journal(
        Ok(Read {
            records,
            ..Default::default()
        }),
        t0,
    );
    app
}

fn eased(id: &str) -> Record {
    let mut r = crate::journal::tests::sample(1);
    r.id = id.into();
    r.exercise = Exercise::Relax;
    r.before = Some(8);
    r.after = Some(4);
    r
}

fn day(d: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

#[test]
fn the_beliefs_are_written_rated_and_the_evidence_added() {
    let t0 = Instant::now();
    let mut app = open(ctx(), Vec::new(), t0);
    assert!(text(&app, t0).contains("The old belief, in your words"));
    press(&mut app, KeyCode::Enter, t0);
    assert!(
        text(&app, t0).contains("The old belief"),
        "nothing written: not on"
    );
    type_text(&mut app, "I can't cope when they're away", t0);
    press(&mut app, KeyCode::Enter, t0);
    type_text(&mut app, "I can get through time apart 🌱", t0);
    press(&mut app, KeyCode::Enter, t0);
    assert!(text(&app, t0).contains("How much do you believe this now"));
    press(&mut app, KeyCode::Char('3'), t0);
    press(&mut app, KeyCode::Right, t0);
    press(&mut app, KeyCode::Enter, t0);
    let shown = text(&app, t0);
    assert!(shown.contains("Believed 35 % on 22 Nov"), "{shown}");
    press(&mut app, KeyCode::Char('a'), t0);
    type_text(&mut app, "Slept fine while Sam was in Leeds", t0);
    press(&mut app, KeyCode::Enter, t0);
    let saved = app.beliefs_doc().to_save.take().expect("saved at once");
    let belief = saved.current().unwrap();
    assert_eq!(belief.kinder, "I can get through time apart 🌱");
    assert_eq!(
        belief.rating,
        [Rating {
            on: day(22),
            believed: 35
        }]
    );
    assert_eq!(belief.evidence[0].text, "Slept fine while Sam was in Leeds");
    assert!(text(&app, t0).contains("22 Nov · Slept fine while Sam was in Leeds"));
    // Leaving: what was added and the rating go to the journal.
    press(&mut app, KeyCode::Char('q'), t0);
    let records = app.take_records();
    let evidence = records[0].evidence.as_ref().expect("an evidence record");
    assert_eq!(evidence.added, ["Slept fine while Sam was in Leeds"]);
    assert_eq!(evidence.believed, Some(35));
    assert_eq!(records[0].v, 2);
}

fn a_belief(rated: chrono::NaiveDate) -> Loaded<Beliefs> {
    let mut beliefs = Beliefs::new();
    beliefs.belief.push(Belief {
        old: "I am too much".into(),
        kinder: "My needs are human".into(),
        rating: vec![Rating {
            on: rated,
            believed: 20,
        }],
        ..Belief::default()
    });
    Loaded::Read(beliefs)
}

#[test]
fn the_journal_offers_evidence_to_accept_or_skip_once() {
    let t0 = Instant::now();
    let mut ctx = ctx();
    ctx.beliefs = a_belief(day(21));
    let mut app = open(ctx.clone(), vec![eased("first"), eased("second")], t0);
    assert!(text(&app, t0).contains("o: 2 from your journal to look at"));
    press(&mut app, KeyCode::Char('o'), t0);
    let offer = text(&app, t0);
    assert!(
        offer.contains("I brought my distress down from 8 to 4 with muscle relaxation"),
        "{offer}"
    );
    press(&mut app, KeyCode::Char('y'), t0);
    press(&mut app, KeyCode::Char('n'), t0);
    let saved = app.beliefs_doc().to_save.take().expect("saved");
    assert_eq!(
        saved.current().unwrap().evidence[0].from.as_deref(),
        Some("second")
    );
    assert_eq!(saved.skipped, ["first"]);
    assert!(!text(&app, t0).contains("from your journal to look at"));
    // Opened again with what was saved: neither is offered again.
    ctx.beliefs = Loaded::Read(saved);
    let again = open(ctx, vec![eased("first"), eased("second")], t0);
    assert!(!text(&again, t0).contains("from your journal"));
}

#[test]
fn a_week_after_the_last_rating_it_is_asked_first() {
    let t0 = Instant::now();
    let mut ctx = ctx();
    ctx.beliefs = a_belief(day(15));
    let mut app = open(ctx.clone(), Vec::new(), t0);
    assert!(text(&app, t0).contains("How much do you believe this now"));
    press(&mut app, KeyCode::Tab, t0);
    assert!(text(&app, t0).contains("Kinder: My needs are human"));
    press(&mut app, KeyCode::Char('q'), t0);
    assert!(
        app.take_records().is_empty(),
        "nothing done, nothing written"
    );
    ctx.beliefs = a_belief(day(16));
    let app = open(ctx, Vec::new(), t0);
    assert!(text(&app, t0).contains("Believed 20 % on 16 Nov"));
}

#[test]
fn a_broken_beliefs_file_is_shown_and_never_written() {
    let t0 = Instant::now();
    let mut ctx = ctx();
    ctx.beliefs = Loaded::Broken("beliefs.toml:2:1: expected `=`".into());
    let mut app = open(ctx, vec![eased("first")], t0);
    assert!(text(&app, t0).contains("beliefs.toml:2:1:"));
    for key in ['a', 'o', 'r', 'e'] {
        press(&mut app, KeyCode::Char(key), t0);
    }
    assert!(app.beliefs_doc().to_save.is_none());
    assert_eq!(app.kind(), Some(Kind::Evidence));
}

#[test]
fn changing_the_words_keeps_the_evidence_and_ratings() {
    let t0 = Instant::now();
    let mut ctx = ctx();
    ctx.beliefs = a_belief(day(21));
    let mut app = open(ctx, Vec::new(), t0);
    press(&mut app, KeyCode::Char('a'), t0);
    type_text(&mut app, "Asked for a hug and got one", t0);
    press(&mut app, KeyCode::Enter, t0);
    press(&mut app, KeyCode::Char('e'), t0);
    press(&mut app, KeyCode::Enter, t0);
    type_text(&mut app, ", and I can say them", t0);
    press(&mut app, KeyCode::Enter, t0);
    let shown = text(&app, t0);
    assert!(
        shown.contains("Kinder: My needs are human, and I can say them"),
        "{shown}"
    );
    let saved = app.beliefs_doc().to_save.take().unwrap();
    assert_eq!(saved.belief.len(), 1, "the same belief, its words changed");
    let belief = saved.current().unwrap();
    assert_eq!(belief.evidence.len(), 1);
    assert_eq!(belief.rating.len(), 1);
}

#[test]
fn ctrl_c_while_adding_keeps_the_evidence_and_notes_the_visit() {
    let t0 = Instant::now();
    let mut ctx = ctx();
    ctx.beliefs = a_belief(day(21));
    let mut app = open(ctx, Vec::new(), t0);
    press(&mut app, KeyCode::Char('a'), t0);
    type_text(&mut app, "Called Mum instead of checking", t0);
    app.finish(t0);
    let saved = app.beliefs_doc().to_save.take().expect("kept");
    assert_eq!(
        saved.current().unwrap().evidence[0].text,
        "Called Mum instead of checking"
    );
    let records = app.take_records();
    assert_eq!(
        records[0].evidence.as_ref().unwrap().added,
        ["Called Mum instead of checking"]
    );
}

#[test]
fn scrolling_stops_at_the_last_piece_of_evidence() {
    let t0 = Instant::now();
    let mut ctx = ctx();
    ctx.beliefs = a_belief(day(21));
    let mut app = open(ctx, Vec::new(), t0);
    for text in ["first thing", "second thing"] {
        press(&mut app, KeyCode::Char('a'), t0);
        type_text(&mut app, text, t0);
        press(&mut app, KeyCode::Enter, t0);
    }
    for _ in 0..5 {
        press(&mut app, KeyCode::Down, t0);
    }
    let shown = text(&app, t0);
    assert!(
        shown.contains("first thing"),
        "the last one stays in view: {shown}"
    );
    assert!(
        !app.footer()
            .iter()
            .any(|h| h.word == "scroll" && h.keys.contains('↓')),
        "nothing further down"
    );
}
