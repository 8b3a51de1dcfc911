//! The ladder: the safety note, a step being written with the steps so far,
//! the ladder with practices and predictions, a practice's pages and its
//! calm clock.

use crate::support::*;
use soothe::documents::Loaded;
use soothe::journal::{Read, Record};
use soothe::ladder::{Ladder, Ladders, Step};
use soothe::session::LadderStart;

fn open(ctx: Ctx, start: LadderStart, records: Vec<Record>, t0: Instant) -> App {
    let mut app = App::direct(ctx, Route::Ladder { start }, t0);
    app.open_with_journal(
        Ok(Read {
            records,
            ..Default::default()
        }),
        t0,
    );
    app
}

fn built() -> Ctx {
    let mut ctx = ctx(Content::builtin());
    let step = |what: &str, fear| Step {
        what: what.into(),
        fear,
        easier: false,
    };
    ctx.ladders = Loaded::Read(Ladders {
        version: 1,
        ladder: vec![Ladder {
            goal: "A weekend apart without checking my phone 🌿".into(),
            steps: vec![
                step("An evening in, phone in another room for an hour", 2),
                step("Wait an hour before answering", 3),
                step("They go out; one text at 22:00", 5),
                step("No looking at last-seen for a day", 6),
                step("A night apart, a call at bedtime", 8),
                step("A weekend apart, one call a day", 9),
            ],
            behaviours: vec![
                "Checking their last-seen".into(),
                "Rereading old messages".into(),
            ],
        }],
    });
    ctx
}

fn practice(step: &str, peak: u8, happened: &str) -> Record {
    let line = format!(
        r#"{{"v":2,"id":"l","started_at":"2026-11-20T21:00:00+01:00","ended_at":"2026-11-20T22:00:00+01:00","exercise":"ladder","variant":"step","completed":true,"duration_secs":3600,"ladder":{{"goal":"A weekend apart without checking my phone 🌿","step":"{step}","fear":3,"predicted":"They will forget me","peak":{peak},"happened":"{happened}"}}}}"#
    );
    serde_json::from_str(&line).unwrap()
}

#[test]
fn ladder_screens() {
    let first = ctx(Content::builtin());
    let t0 = first.clock.start();
    let mut app = open(first, LadderStart::New, Vec::new(), t0);
    both_sizes!("ladder_note", &app, t0);
    press(&mut app, KeyCode::Enter, t0);
    type_text(&mut app, "A weekend apart", t0);
    press(&mut app, KeyCode::Enter, t0);
    for (what, fear) in [("An evening in", '2'), ("A night apart", '8')] {
        type_text(&mut app, what, t0);
        press(&mut app, KeyCode::Enter, t0);
        press(&mut app, KeyCode::Char(fear), t0);
    }
    type_text(&mut app, "Wait an hour before answering", t0);
    both_sizes!("ladder_writing_a_step", &app, t0);
    press(&mut app, KeyCode::Enter, t0);
    both_sizes!("ladder_a_steps_fear", &app, t0);

    let records = vec![
        practice("Wait an hour before answering", 4, "no"),
        practice("Wait an hour before answering", 3, "partly"),
        practice("They go out; one text at 22:00", 6, "no"),
    ];
    let mut app = open(built(), LadderStart::Show, records, t0);
    both_sizes!("ladder_with_practices", &app, t0);
    // The lowest step, selected in a small window, stays in view.
    press(&mut app, KeyCode::Down, t0);
    insta::assert_snapshot!("ladder_lowest_selected_40x12", draw(&app, t0, 40, 12));
    press(&mut app, KeyCode::Up, t0);
    press(&mut app, KeyCode::Enter, t0);
    both_sizes!("ladder_practice_prediction", &app, t0);
    press(&mut app, KeyCode::Tab, t0);
    press(&mut app, KeyCode::Char('7'), t0);
    both_sizes!("ladder_practice_likely", &app, t0);
    for _ in 0..5 {
        press(&mut app, KeyCode::Tab, t0);
    }
    let later = t0 + ms(12 * 60_000);
    app.advance(later);
    press(&mut app, KeyCode::Char('f'), later);
    press(&mut app, KeyCode::Char('6'), later);
    both_sizes!("ladder_practising", &app, later);
}
