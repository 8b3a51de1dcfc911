//! Coping cards: a starter card, one's own card with what helped, the
//! question after a words action, the form, and an ending's next step.

use crate::support::*;
use soothe::cards::{Card, CardUse, Cards, Standings};
use soothe::documents::Loaded;
use soothe::journal::{Exercise, Record};

fn record(exercise: Exercise, variant: &str, before: u8, after: u8) -> Record {
    let line = format!(
        r#"{{"v":2,"id":"x","started_at":"2026-11-20T21:00:00+01:00","ended_at":"2026-11-20T21:05:00+01:00","exercise":"{}","variant":"{variant}","completed":true,"duration_secs":300,"before":{before},"after":{after}}}"#,
        exercise.name()
    );
    serde_json::from_str(&line).unwrap()
}

fn with_cards() -> Ctx {
    let mut ctx = ctx(Content::builtin());
    ctx.cards = Loaded::Read(Cards {
        version: 1,
        card: vec![Card {
            id: "card-1".into(),
            when: "Sam has not replied since lunch 📵".into(),
            notice: "Checking the phone, a knot in my stomach".into(),
            can: vec![
                "breathe gentle --minutes 3".into(),
                "Walk to the park and back".into(),
                "relax 4-group".into(),
            ],
            remember: "Sam answers when the meeting ends. It has always been so.".into(),
            from: None,
        }],
    });
    let mut walked = record(Exercise::Card, "card-1", 0, 0);
    walked.before = None;
    walked.after = None;
    walked.card = Some(CardUse {
        card: "card-1".into(),
        action: "Walk to the park and back".into(),
        helped: Some(true),
    });
    ctx.standings = Standings::of(&[
        record(Exercise::Breathe, "gentle", 8, 4),
        record(Exercise::Breathe, "gentle", 7, 5),
        record(Exercise::Breathe, "gentle", 6, 3),
        walked,
    ]);
    ctx
}

#[test]
fn cards_screens() {
    let ctx = ctx(Content::builtin());
    let t0 = ctx.clock.start();
    let app = App::direct(
        ctx,
        Route::Cards {
            at: None,
            form: None,
        },
        t0,
    );
    both_sizes!("cards_starter", &app, t0);

    let ctx = with_cards();
    let mut app = App::direct(
        ctx,
        Route::Cards {
            at: None,
            form: None,
        },
        t0,
    );
    both_sizes!("cards_own_with_what_helped", &app, t0);
    press(&mut app, KeyCode::Char('2'), t0);
    both_sizes!("cards_asking_if_it_helped", &app, t0);
    press(&mut app, KeyCode::Esc, t0);
    press(&mut app, KeyCode::Char('e'), t0);
    press(&mut app, KeyCode::Tab, t0);
    press(&mut app, KeyCode::Tab, t0);
    both_sizes!("cards_form", &app, t0);
    press(&mut app, KeyCode::Esc, t0);
    // The first action runs here; left early, the ending offers the next.
    press(&mut app, KeyCode::Char('1'), t0);
    press(&mut app, KeyCode::Char('q'), t0);
    both_sizes!("cards_ending_next_step", &app, t0);
}
