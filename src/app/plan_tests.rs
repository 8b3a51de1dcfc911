//! The safety plan through the app: written part by part and saved at
//! once, shown first by `!`, never written over when the file is broken.

use std::time::Instant;

use ratatui::crossterm::event::KeyCode;

use super::*;
use crate::documents::Loaded;
use crate::plan::SafetyPlan;
use crate::testing::{ctx, press, type_text};

fn text(app: &App, now: Instant) -> String {
    crate::testing::screen_text(app, now, 80, 24)
}

fn plan_app(ctx: Ctx, edit: bool, t0: Instant) -> App {
    App::direct(ctx, Route::Plan { edit }, t0)
}

fn written() -> SafetyPlan {
    let mut plan = SafetyPlan::new();
    plan.warning_signs.push("I stop answering anyone".into());
    plan.people.push("Sam · text any time".into());
    plan
}

#[test]
fn a_plan_is_written_part_by_part_and_saved_with_every_change() {
    let t0 = Instant::now();
    let mut app = plan_app(ctx(), true, t0);
    let page = text(&app, t0);
    assert!(
        page.contains("1 of 7") && page.contains("Warning signs"),
        "{page}"
    );
    // In the field every key types: q is a letter.
    type_text(&mut app, "I quit eating", t0);
    press(&mut app, KeyCode::Enter, t0);
    let saved = app.take_plan_to_save().expect("saved at once");
    assert_eq!(saved.warning_signs, ["I quit eating"]);
    assert!(saved.edited.is_some());
    type_text(&mut app, "I stop answering", t0);
    press(&mut app, KeyCode::Enter, t0);
    // To the lines: change the first, take the second out.
    press(&mut app, KeyCode::Tab, t0);
    press(&mut app, KeyCode::Up, t0);
    press(&mut app, KeyCode::Enter, t0);
    type_text(&mut app, " much", t0);
    press(&mut app, KeyCode::Enter, t0);
    press(&mut app, KeyCode::Tab, t0);
    press(&mut app, KeyCode::Down, t0);
    press(&mut app, KeyCode::Char('d'), t0);
    let saved = app.take_plan_to_save().expect("saved again");
    assert_eq!(saved.warning_signs, ["I quit eating much"]);
    // On to the fourth part: people.
    for _ in 0..3 {
        press(&mut app, KeyCode::PageDown, t0);
    }
    assert!(text(&app, t0).contains("People I can tell"));
    type_text(&mut app, "Sam 🌿 any time", t0);
    press(&mut app, KeyCode::Enter, t0);
    press(&mut app, KeyCode::Esc, t0);
    press(&mut app, KeyCode::Char('q'), t0);
    let page = text(&app, t0);
    assert!(
        page.contains("My safety plan") && page.contains("· Sam 🌿"),
        "{page}"
    );
    assert!(page.contains("search \"crisis line\""), "{page}");
    press(&mut app, KeyCode::Char('q'), t0);
    let records = app.take_records();
    assert_eq!(records.len(), 1);
    assert_eq!((records[0].v, records[0].variant.as_str()), (2, "edited"));
    let line = serde_json::to_string(&records[0]).unwrap();
    assert!(
        !line.contains("Sam") && !line.contains("eating"),
        "nothing of it in the journal: {line}"
    );
}

#[test]
fn words_in_the_field_are_kept_when_moving_between_parts_or_to_the_lines() {
    let t0 = Instant::now();
    let mut app = plan_app(ctx(), true, t0);
    type_text(&mut app, "call Sam", t0);
    press(&mut app, KeyCode::Tab, t0);
    press(&mut app, KeyCode::Tab, t0);
    assert!(text(&app, t0).contains("│ call Sam"), "{}", text(&app, t0));
    press(&mut app, KeyCode::PageDown, t0);
    let saved = app
        .take_plan_to_save()
        .expect("leaving the part adds the line");
    assert_eq!(saved.warning_signs, ["call Sam"]);
    // Typed in part 2, left, and editing again starts clean at part 1.
    type_text(&mut app, "a bath", t0);
    press(&mut app, KeyCode::Esc, t0);
    press(&mut app, KeyCode::Char('q'), t0);
    press(&mut app, KeyCode::Char('e'), t0);
    let page = text(&app, t0);
    assert!(
        page.contains("1 of 7") && !page.contains("│ a bath"),
        "{page}"
    );
    let plan = app.take_plan_to_save().unwrap();
    assert_eq!(
        plan.on_my_own,
        ["a bath"],
        "kept on leaving, in its own part"
    );
}

#[test]
fn support_key_shows_the_plan_first_when_there_is_one() {
    let t0 = Instant::now();
    let mut with_plan = ctx();
    with_plan.plan = Loaded::Read(written());
    let mut app = App::home(with_plan);
    press(&mut app, KeyCode::Char('!'), t0);
    assert_eq!(app.kind(), Some(Kind::Plan));
    assert!(text(&app, t0).contains("I stop answering anyone"));
    press(&mut app, KeyCode::Char('q'), t0);
    assert_eq!(app.kind(), Some(Kind::Home));
    assert_eq!(app.take_records()[0].variant, "viewed");
    // Without one, the Support page as before.
    let mut app = App::home(ctx());
    press(&mut app, KeyCode::Char('!'), t0);
    assert_eq!(app.kind(), Some(Kind::Support));
}

#[test]
fn a_plan_file_that_cannot_be_read_is_shown_as_such_and_never_written() {
    let t0 = Instant::now();
    let mut broken = ctx();
    broken.plan = Loaded::Broken("plan.toml:3:7: invalid string".into());
    let mut app = plan_app(broken, true, t0);
    let page = text(&app, t0);
    assert!(page.contains("plan.toml:3:7"), "{page}");
    assert!(!app.screen().unwrap().takes_text(), "no editing");
    press(&mut app, KeyCode::Char('e'), t0);
    type_text(&mut app, "x", t0);
    assert!(app.take_plan_to_save().is_none());
    assert!(!app.footer().iter().any(|h| h.word == "edit"));
}

#[test]
fn a_part_holds_twelve_lines_and_empty_lines_are_not_added() {
    let t0 = Instant::now();
    let mut app = plan_app(ctx(), true, t0);
    press(&mut app, KeyCode::Enter, t0);
    assert!(
        app.take_plan_to_save().is_none(),
        "an empty line is not added"
    );
    for n in 0..13 {
        type_text(&mut app, &format!("sign {n}"), t0);
        press(&mut app, KeyCode::Enter, t0);
    }
    let plan = match &app.ctx().plan {
        Loaded::Read(plan) => plan.clone(),
        other => panic!("{other:?}"),
    };
    assert_eq!(plan.warning_signs.len(), crate::plan::MOST_LINES);
    let page = text(&app, t0);
    assert!(page.contains("This part holds 12 lines"), "{page}");
}

#[test]
fn a_line_typed_when_soothe_is_closed_is_kept() {
    let t0 = Instant::now();
    let mut app = App::direct(crate::testing::ctx(), Route::Plan { edit: true }, t0);
    crate::testing::type_text(&mut app, "Tight chest, racing thoughts", t0);
    app.finish(t0);
    let saved = app.take_plan_to_save().expect("kept on the way out");
    assert_eq!(
        saved.lines(crate::plan::SECTIONS[0]),
        ["Tight chest, racing thoughts"]
    );
    let records = app.take_records();
    assert_eq!(records[0].variant, "edited");
}
