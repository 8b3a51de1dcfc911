//! Coping cards in the app: written in the form and saved, drawn in the
//! order they helped, an exercise action run in place and its card offered
//! at the exercise's end, a words action asked about once.

use std::time::Instant;

use ratatui::crossterm::event::KeyCode;

use super::*;
use crate::cards::{Card, Cards, Standings};
use crate::documents::Loaded;
use crate::journal::Exercise;
use crate::testing::{ctx, press, type_text};

fn text(app: &App, now: Instant) -> String {
    crate::testing::screen_text(app, now, 80, 24)
}

fn card(id: &str, when: &str, can: &[&str]) -> Card {
    Card {
        id: id.into(),
        when: when.into(),
        can: can.iter().map(|s| s.to_string()).collect(),
        ..Card::default()
    }
}

fn cards_ctx(list: Vec<Card>) -> Ctx {
    let mut ctx = ctx();
    ctx.cards = Loaded::Read(Cards {
        version: 1,
        card: list,
    });
    ctx
}

fn open_cards(ctx: Ctx, t0: Instant) -> App {
    App::direct(
        ctx,
        Route::Cards {
            at: None,
            form: None,
        },
        t0,
    )
}

#[test]
fn a_card_is_written_in_the_form_checked_and_saved() {
    let t0 = Instant::now();
    let mut app = open_cards(ctx(), t0);
    assert!(text(&app, t0).contains("A starter card · 1 of"));
    press(&mut app, KeyCode::Char('a'), t0);
    // Nothing to do yet: refused, not saved.
    type_text(&mut app, "Sam is away 😟", t0);
    press(&mut app, KeyCode::Enter, t0);
    assert!(text(&app, t0).contains("Write at least one thing you can do."));
    assert!(app.cards_doc().to_save.is_none());
    press(&mut app, KeyCode::Tab, t0);
    type_text(&mut app, "restless", t0);
    press(&mut app, KeyCode::Tab, t0);
    type_text(&mut app, "breathe gentle --minutes 3", t0);
    assert!(
        text(&app, t0).contains("soothe runs this here"),
        "{}",
        text(&app, t0)
    );
    press(&mut app, KeyCode::Tab, t0);
    type_text(&mut app, "breathe fast", t0);
    assert!(
        text(&app, t0).contains("Kept as your own words: there is no pattern `fast`"),
        "{}",
        text(&app, t0)
    );
    press(&mut app, KeyCode::Enter, t0);
    let saved = app.cards_doc().to_save.take().expect("saved at once");
    assert_eq!(saved.card.len(), 1);
    let mine = &saved.card[0];
    assert_eq!(
        (mine.id.as_str(), mine.when.as_str(), mine.notice.as_str()),
        ("card-1", "Sam is away 😟", "restless")
    );
    assert_eq!(mine.can, ["breathe gentle --minutes 3", "breathe fast"]);
    let shown = text(&app, t0);
    assert!(shown.contains("Your card · 1 of"), "{shown}");
    assert!(shown.contains("When: Sam is away 😟"), "{shown}");
    // Changed: the same card, not a second one.
    press(&mut app, KeyCode::Char('e'), t0);
    type_text(&mut app, " again", t0);
    press(&mut app, KeyCode::Enter, t0);
    let saved = app.cards_doc().to_save.take().expect("saved");
    assert_eq!(saved.card.len(), 1);
    assert_eq!(saved.card[0].when, "Sam is away 😟 again");
    // And taken out.
    press(&mut app, KeyCode::Char('d'), t0);
    assert!(app.cards_doc().to_save.take().unwrap().card.is_empty());
}

#[test]
fn a_starter_card_is_copied_to_be_changed() {
    let t0 = Instant::now();
    let mut app = open_cards(ctx(), t0);
    let starter = app.ctx().content.cards[0].clone();
    press(&mut app, KeyCode::Char('c'), t0);
    let saved = app.cards_doc().to_save.take().expect("the copy is saved");
    assert_eq!(saved.card[0].from.as_deref(), Some(starter.id.as_str()));
    assert!(
        text(&app, t0).contains("Change this card"),
        "the form opens"
    );
    press(&mut app, KeyCode::Esc, t0);
    let shown = text(&app, t0);
    assert!(shown.contains("Your card · 1 of"), "{shown}");
}

#[test]
fn cards_come_in_the_order_they_helped_and_enter_shows_the_next() {
    let t0 = Instant::now();
    let mut ctx = cards_ctx(vec![
        card("card-1", "First written", &["Tea"]),
        card("card-2", "Helped most", &["Walk"]),
    ]);
    let mut marked = crate::journal::tests::sample(1);
    marked.exercise = Exercise::Card;
    marked.card = Some(crate::cards::CardUse {
        card: "card-2".into(),
        action: "Walk".into(),
        helped: Some(true),
    });
    ctx.standings = Standings::of([&marked]);
    let mut app = open_cards(ctx, t0);
    let first = text(&app, t0);
    assert!(
        first.contains("Your card that has helped most · 1 of 6"),
        "{first}"
    );
    assert!(first.contains("When: Helped most"));
    assert!(first.contains("helped 1 of 1 time"), "{first}");
    press(&mut app, KeyCode::Enter, t0);
    assert!(text(&app, t0).contains("When: First written"));
    press(&mut app, KeyCode::Enter, t0);
    assert!(
        text(&app, t0).contains("A starter card · 3 of 6"),
        "starters after one's own"
    );
}

#[test]
fn an_exercise_action_runs_in_place_and_its_card_is_offered_at_the_end() {
    let t0 = Instant::now();
    let mut app = open_cards(
        cards_ctx(vec![card(
            "card-1",
            "No reply",
            &["breathe gentle --minutes 3", "Text a friend"],
        )]),
        t0,
    );
    press(&mut app, KeyCode::Char('1'), t0);
    assert_eq!(app.kind(), Some(Kind::Breathe));
    let used = app.take_records();
    assert_eq!(used.len(), 1);
    assert_eq!(used[0].exercise, Exercise::Card);
    let card_use = used[0].card.as_ref().unwrap();
    assert_eq!(
        (card_use.action.as_str(), card_use.helped),
        ("breathe gentle --minutes 3", None)
    );
    // Left early: the ending offers the card's other action.
    press(&mut app, KeyCode::Char('q'), t0);
    assert_eq!(app.kind(), Some(Kind::Ending));
    let ending = text(&app, t0);
    assert!(
        ending.contains("Next, from your card \"No reply\": Text a friend"),
        "{ending}"
    );
    let breathing = app.take_records();
    assert_eq!(breathing[0].variant, "gentle");
    // n: the card asks about it; the answer closes it, back where it was.
    press(&mut app, KeyCode::Char('n'), t0);
    assert_eq!(app.kind(), Some(Kind::Cards));
    assert!(text(&app, t0).contains("Text a friend"));
    press(&mut app, KeyCode::Char('y'), t0);
    let answered = app.take_records();
    assert_eq!(answered[0].card.as_ref().unwrap().helped, Some(true));
    assert_eq!(app.kind(), Some(Kind::Cards));
    assert!(text(&app, t0).contains("Your card"));
    // The card drawn is offered once; a later exercise gets the top card.
    assert_eq!(app.ctx().drawn, None);
}

#[test]
fn a_words_action_is_asked_about_once_or_not_at_all() {
    let t0 = Instant::now();
    let mut app = open_cards(cards_ctx(vec![card("card-1", "Evening", &["Tea"])]), t0);
    press(&mut app, KeyCode::Char('1'), t0);
    assert!(text(&app, t0).contains("did it help?"));
    press(&mut app, KeyCode::Char('n'), t0);
    let records = app.take_records();
    assert_eq!(records[0].card.as_ref().unwrap().helped, Some(false));
    assert_eq!(
        app.ctx().standings.of_action("card-1", "Tea", None).share(),
        1.0 / 3.0
    );
    press(&mut app, KeyCode::Char('1'), t0);
    press(&mut app, KeyCode::Esc, t0);
    assert!(app.take_records().is_empty(), "not saying leaves nothing");
    assert!(text(&app, t0).contains("When: Evening"));
}

#[test]
fn with_no_cards_of_ones_own_the_ending_offers_what_has_helped_most() {
    let t0 = Instant::now();
    let mut ctx = ctx();
    let eased: Vec<crate::journal::Record> = (0..3)
        .map(|n| {
            let mut r = crate::journal::tests::sample(n);
            r.exercise = Exercise::Relax;
            r.variant = "4-group".into();
            r.before = Some(7);
            r.after = Some(3);
            r
        })
        .collect();
    ctx.standings = Standings::of(&eased);
    let route = Route::Breathe {
        pattern: ctx.content.patterns[0].clone(),
        length: crate::exercise::timeline::Length::Forever,
    };
    let mut app = App::direct(ctx, route, t0);
    press(&mut app, KeyCode::Char('q'), t0);
    let ending = text(&app, t0);
    assert!(
        ending.contains("Next, what has helped you: relax 4-group (distress down 4.0"),
        "{ending}"
    );
    press(&mut app, KeyCode::Char('n'), t0);
    assert_eq!(app.kind(), Some(Kind::Relax), "one key starts it");
}

#[test]
fn a_broken_cards_file_is_shown_and_never_written() {
    let t0 = Instant::now();
    let mut ctx = ctx();
    ctx.cards = Loaded::Broken("cards.toml:3:7: invalid string".into());
    let mut app = open_cards(ctx, t0);
    let shown = text(&app, t0);
    assert!(shown.contains("cards.toml:3:7:"), "{shown}");
    assert!(shown.contains("left as it is"));
    for key in ['a', 'c', 'e', 'd'] {
        press(&mut app, KeyCode::Char(key), t0);
    }
    assert!(app.cards_doc().to_save.is_none());
    assert_eq!(app.kind(), Some(Kind::Cards));
}

#[test]
fn ctrl_c_in_the_form_keeps_a_card_that_can_be_kept() {
    let t0 = Instant::now();
    let mut app = open_cards(ctx(), t0);
    press(&mut app, KeyCode::Char('a'), t0);
    type_text(&mut app, "Late at night", t0);
    press(&mut app, KeyCode::Tab, t0);
    press(&mut app, KeyCode::Tab, t0);
    type_text(&mut app, "Warm milk", t0);
    app.on_key(
        ratatui::crossterm::event::KeyEvent::new(
            KeyCode::Char('c'),
            ratatui::crossterm::event::KeyModifiers::CONTROL,
        ),
        t0,
    );
    assert!(app.should_quit());
    let saved = app.cards_doc().to_save.take().expect("kept on the way out");
    assert_eq!(saved.card[0].can, ["Warm milk"]);
}
