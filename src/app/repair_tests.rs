//! A repair alone in the app: breathing offered when distress is high, the
//! steps through to the repair to say (built, editable, printed after exit)
//! and the follow-up date; Ctrl-C part way keeps the words.

use std::time::Instant;

use ratatui::crossterm::event::KeyCode;

use super::*;
use crate::journal::Exercise;
use crate::testing::{ctx, press, type_text};

fn text(app: &App, now: Instant) -> String {
    crate::testing::screen_text(app, now, 80, 24)
}

fn repair_app(t0: Instant) -> App {
    App::direct(ctx(), Route::Repair, t0)
}

fn answer(app: &mut App, words: &str, t0: Instant) {
    type_text(app, words, t0);
    press(app, KeyCode::Enter, t0);
}

#[test]
fn a_repair_alone_builds_the_words_to_say_and_a_follow_up() {
    let t0 = Instant::now();
    let mut app = repair_app(t0);
    assert!(text(&app, t0).contains("how strong is the distress right now?"));
    press(&mut app, KeyCode::Char('8'), t0);
    press(&mut app, KeyCode::Enter, t0);
    // High: breathing is offered, never forced.
    assert!(
        text(&app, t0).contains("That is high."),
        "{}",
        text(&app, t0)
    );
    press(&mut app, KeyCode::Char('1'), t0);
    assert_eq!(app.kind(), Some(Kind::Breathe));
    press(&mut app, KeyCode::Char('q'), t0);
    assert_eq!(
        app.kind(),
        Some(Kind::Repair),
        "breathing is part of the repair"
    );
    assert!(text(&app, t0).contains("Breathed."));
    press(&mut app, KeyCode::Enter, t0);
    assert!(text(&app, t0).contains("Feelings only"));
    press(&mut app, KeyCode::Char(' '), t0); // hurt
    press(&mut app, KeyCode::Enter, t0);
    press(&mut app, KeyCode::Tab, t0); // no own feeling
    answer(
        &mut app,
        "You were on the phone; I said you never listen",
        t0,
    );
    answer(&mut app, "I got home and was attacked at the door", t0);
    press(&mut app, KeyCode::Tab, t0); // touched: skipped
    press(&mut app, KeyCode::Tab, t0); // set up
    answer(&mut app, "raising my voice", t0);
    answer(&mut app, "saying you never listen", t0);
    answer(
        &mut app,
        "When my heart races, I will say I need twenty minutes and take a break",
        t0,
    );
    press(&mut app, KeyCode::Tab, t0); // nothing to ask
    let built = text(&app, t0);
    assert!(built.contains("The repair to say"), "{built}");
    assert!(built.contains("I regret raising my voice."), "{built}");
    // Editable: a word added at the end.
    type_text(&mut app, " Thank you for hearing me.", t0);
    press(&mut app, KeyCode::Enter, t0);
    press(&mut app, KeyCode::Tab, t0);
    press(&mut app, KeyCode::Tab, t0);
    assert!(text(&app, t0).contains("In how many days"));
    press(&mut app, KeyCode::Enter, t0); // the default, 3
    press(&mut app, KeyCode::Char('4'), t0);
    press(&mut app, KeyCode::Enter, t0);
    assert_eq!(app.kind(), Some(Kind::Ending));
    assert!(
        text(&app, t0).contains("soothe asks how your if-then went after Wednesday 25 November")
    );
    let records = app.take_records();
    let record = &records[0];
    assert_eq!(record.exercise, Exercise::Repair);
    assert_eq!(
        (record.before, record.after),
        (Some(8), Some(4)),
        "counts in what helps"
    );
    let repair = record.repair.as_ref().unwrap();
    assert_eq!(repair.feelings, ["hurt"]);
    assert_eq!(repair.regret, "raising my voice");
    assert!(
        repair.statement.ends_with("Thank you for hearing me."),
        "{}",
        repair.statement
    );
    assert_eq!(
        repair.follow_up,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 25)
    );
    assert!(
        app.farewell()
            .iter()
            .any(|l| l.starts_with("I regret raising my voice."))
    );
}

#[test]
fn closing_soothe_part_way_keeps_the_words_without_a_follow_up() {
    let t0 = Instant::now();
    let mut app = repair_app(t0);
    press(&mut app, KeyCode::Char('3'), t0);
    press(&mut app, KeyCode::Enter, t0);
    press(&mut app, KeyCode::Enter, t0);
    press(&mut app, KeyCode::Tab, t0);
    type_text(&mut app, "I came in late", t0);
    app.finish(t0);
    let records = app.take_records();
    let repair = records[0].repair.as_ref().unwrap();
    assert!(!records[0].completed);
    assert_eq!(repair.camera, "I came in late");
    assert_eq!(repair.follow_up, None);
}

fn a_repair(follow_up: &str) -> crate::journal::Record {
    let mut r = crate::journal::tests::sample(1);
    r.id = "r1".into();
    r.exercise = Exercise::Repair;
    r.repair = Some(Box::new(crate::journal::RepairRecord {
        if_then: "When I flood, I take twenty minutes".into(),
        follow_up: chrono::NaiveDate::parse_from_str(follow_up, "%Y-%m-%d").ok(),
        ..Default::default()
    }));
    r
}

fn menu_after(record: crate::journal::Record, asked: Vec<String>, t0: Instant) -> App {
    let mut c = ctx();
    c.follow_ups_asked = asked;
    let mut app = App::home(c);
    app.recent_journal(
        Ok(crate::journal::Read {
            records: vec![record],
            ..Default::default()
        }),
        t0,
    );
    app
}

#[test]
fn the_menu_asks_once_how_the_if_then_went_after_its_day() {
    let t0 = Instant::now();
    // The test clock's day is 22 November.
    let early = menu_after(a_repair("2026-11-23"), Vec::new(), t0);
    assert!(
        !text(&early, t0).contains("How did it go?"),
        "not before its day"
    );
    let mut app = menu_after(a_repair("2026-11-22"), Vec::new(), t0);
    let menu = text(&app, t0);
    assert!(
        menu.contains("How did it go? \"When I flood, I take twenty minutes\" 1 did it · 2 partly"),
        "{menu}"
    );
    assert_eq!(
        app.take_follow_up_shown().as_deref(),
        Some("r1"),
        "remembered as asked"
    );
    press(&mut app, KeyCode::Char('2'), t0);
    let answer = app.take_records();
    let answer = answer[0].repair.as_ref().unwrap();
    assert_eq!(answer.of.as_deref(), Some("r1"));
    assert_eq!(answer.answer, Some(crate::journal::FollowedUp::Partly));
    assert!(!text(&app, t0).contains("How did it go?"));
    // Asked before: not again.
    let again = menu_after(a_repair("2026-11-22"), vec!["r1".into()], t0);
    assert!(!text(&again, t0).contains("How did it go?"));
}

/// A repair together through every turn; `keep` is each one's answer.
fn together(keep: [char; 2], t0: Instant) -> (App, Vec<crate::journal::Record>) {
    let mut app = App::direct(ctx(), Route::RepairTogether, t0);
    assert!(text(&app, t0).contains("A repair, together"));
    press(&mut app, KeyCode::Enter, t0);
    answer(&mut app, "Ana", t0);
    answer(&mut app, "Sam", t0);
    for step in ["feelings", "camera", "part", "if-then"] {
        for who in ["Ana", "Sam"] {
            let asked = text(&app, t0);
            assert!(asked.starts_with_whose(who), "{step}: {asked}");
            if step == "feelings" {
                press(&mut app, KeyCode::Char(' '), t0);
                press(&mut app, KeyCode::Enter, t0);
            } else {
                let whose = if who == "Ana" { "first" } else { "second" };
                answer(&mut app, &format!("the {whose} one's {step} words"), t0);
            }
            let mirror = text(&app, t0);
            assert!(mirror.contains("say back to"), "{mirror}");
            // Not quite the first time: said again, then got.
            press(&mut app, KeyCode::Char('2'), t0);
            assert!(text(&app, t0).contains("say back to"), "asked again");
            press(&mut app, KeyCode::Char('1'), t0);
        }
    }
    press(
        &mut app,
        KeyCode::Char(if keep[0] == 'y' { '1' } else { '2' }),
        t0,
    );
    press(
        &mut app,
        KeyCode::Char(if keep[1] == 'y' { '1' } else { '2' }),
        t0,
    );
    assert_eq!(app.kind(), Some(Kind::Ending));
    let records = app.take_records();
    (app, records)
}

trait Whose {
    fn starts_with_whose(&self, who: &str) -> bool;
}

impl Whose for String {
    /// The page is this person's turn (its title starts with their name).
    fn starts_with_whose(&self, who: &str) -> bool {
        self.contains(&format!("  {who}: "))
    }
}

#[test]
fn a_repair_together_keeps_no_partner_words_unless_both_choose_it() {
    let t0 = Instant::now();
    let (app, records) = together(['y', 'n'], t0);
    let line = serde_json::to_string(&records[0]).unwrap();
    assert!(
        !line.contains("camera words") && !line.contains("\"words\""),
        "no partner text: {line}"
    );
    assert!(
        !line.contains("Ana") && !line.contains("Sam"),
        "names are never kept: {line}"
    );
    let kept_none = records[0]
        .repair
        .as_ref()
        .unwrap()
        .together
        .as_ref()
        .unwrap();
    assert_eq!(kept_none.initials, ["A", "S"]);
    assert_eq!(
        kept_none.if_thens,
        [
            "the first one's if-then words",
            "the second one's if-then words"
        ]
    );
    assert_eq!((kept_none.mirrors, kept_none.not_quite), (16, 8));
    assert!(!kept_none.kept);
    assert!(
        app.farewell()
            .iter()
            .any(|l| l == "Sam: the second one's if-then words")
    );
    // Both chose to keep them: the words are there, with initials.
    let (_, records) = together(['y', 'y'], t0);
    let kept = records[0]
        .repair
        .as_ref()
        .unwrap()
        .together
        .as_ref()
        .unwrap();
    assert!(kept.kept);
    assert!(
        kept.words.iter().any(|w| w.who == "S"
            && w.step == "camera"
            && w.text == "the second one's camera words")
    );
}

#[test]
fn the_safety_question_comes_before_the_first_repair_together() {
    let t0 = Instant::now();
    let mut c = ctx();
    c.safety_asked = false;
    let mut app = App::direct(c, Route::RepairTogether, t0);
    app.advance(t0);
    assert!(text(&app, t0).contains("do you ever feel afraid of your partner"));
    assert!(app.take_safety_shown());
    press(&mut app, KeyCode::Char('n'), t0);
    assert!(text(&app, t0).contains("A repair, together"));
}

#[test]
fn in_a_popup_the_words_to_say_stay_on_a_last_screen_until_enter() {
    let t0 = Instant::now();
    let mut popup = ctx();
    popup.popup = true;
    let mut app = App::direct(popup, Route::Repair, t0);
    press(&mut app, KeyCode::Char('3'), t0);
    press(&mut app, KeyCode::Enter, t0);
    press(&mut app, KeyCode::Char(' '), t0);
    press(&mut app, KeyCode::Enter, t0);
    press(&mut app, KeyCode::Tab, t0);
    answer(&mut app, "I said you never listen", t0);
    answer(&mut app, "I was tired", t0);
    press(&mut app, KeyCode::Tab, t0);
    press(&mut app, KeyCode::Tab, t0);
    answer(&mut app, "raising my voice", t0);
    answer(&mut app, "saying you never listen", t0);
    answer(&mut app, "When my heart races, I will take a break", t0);
    press(&mut app, KeyCode::Tab, t0);
    assert!(text(&app, t0).contains("The repair to say"));
    press(&mut app, KeyCode::Enter, t0);
    press(&mut app, KeyCode::Tab, t0);
    press(&mut app, KeyCode::Tab, t0);
    press(&mut app, KeyCode::Enter, t0);
    press(&mut app, KeyCode::Char('2'), t0);
    press(&mut app, KeyCode::Enter, t0);
    assert_eq!(app.kind(), Some(Kind::Ending));
    press(&mut app, KeyCode::Enter, t0);
    // Not printed into a popup that vanishes: shown, until Enter.
    assert_eq!(app.kind(), Some(Kind::Farewell));
    assert!(!app.should_quit());
    let shown = text(&app, t0);
    assert!(shown.contains("I regret raising my voice."), "{shown}");
    assert!(shown.contains("Enter closes"), "{shown}");
    assert!(app.farewell().is_empty(), "nothing printed after");
    assert!(
        !app.take_records().is_empty(),
        "recorded before the last screen"
    );
    press(&mut app, KeyCode::Enter, t0);
    assert!(app.should_quit());
}
