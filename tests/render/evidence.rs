//! Evidence: writing the beliefs, the rating, the belief with its evidence
//! and chart, and an offer from the journal.

use crate::support::*;
use soothe::beliefs::{Belief, Beliefs, Evidence};
use soothe::documents::Loaded;
use soothe::journal::{Read, Record};

fn open(ctx: Ctx, records: Vec<Record>, t0: Instant) -> App {
    let mut app = App::direct(ctx, Route::Evidence, t0);
    app.open_with_journal(
        Ok(Read {
            records,
            ..Default::default()
        }),
        t0,
    );
    app
}

#[test]
fn evidence_screens() {
    let first = ctx(Content::builtin());
    let t0 = first.clock.start();
    let mut app = open(first, Vec::new(), t0);
    type_text(&mut app, "I can't cope when they're away", t0);
    both_sizes!("evidence_old_belief", &app, t0);
    press(&mut app, KeyCode::Enter, t0);
    type_text(&mut app, "I can get through time apart", t0);
    press(&mut app, KeyCode::Enter, t0);
    press(&mut app, KeyCode::Char('4'), t0);
    both_sizes!("evidence_rating", &app, t0);

    let mut ctx = ctx(Content::builtin());
    let day = |d: u32| chrono::NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    let mut belief = Belief {
        old: "I can't cope when they're away".into(),
        kinder: "I can get through time apart".into(),
        evidence: vec![
            Evidence {
                on: day(8),
                text: "Went to the cinema alone and enjoyed it 🎬".into(),
                from: None,
            },
            Evidence {
                on: day(15),
                text: "Slept fine while Sam was in Leeds".into(),
                from: None,
            },
        ],
        ..Belief::default()
    };
    for (d, believed) in [(1, 20), (8, 30), (15, 45), (22, 55)] {
        belief.rate(day(d), believed);
    }
    let mut beliefs = Beliefs::new();
    beliefs.belief.push(belief);
    ctx.beliefs = Loaded::Read(beliefs);
    let eased: Record = serde_json::from_str(r#"{"v":1,"id":"r1","started_at":"2026-11-20T21:00:00+01:00","ended_at":"2026-11-20T21:05:00+01:00","exercise":"breathe","variant":"gentle","completed":true,"duration_secs":300,"before":8,"after":4}"#).unwrap();
    let mut app = open(ctx, vec![eased], t0);
    both_sizes!("evidence_with_a_chart", &app, t0);
    press(&mut app, KeyCode::Char('o'), t0);
    both_sizes!("evidence_offered_from_the_journal", &app, t0);
}
