//! Planned practice: none yet, a list, and the form saying why it cannot plan.

use crate::support::*;
use soothe::documents::Loaded;
use soothe::practice::{Planned, Practice};

fn practice_app(practice: Loaded<Practice>) -> (App, Instant) {
    let mut ctx = ctx(Content::builtin());
    ctx.practice = practice;
    let t0 = ctx.clock.start();
    (App::direct(ctx, Route::Practice, t0), t0)
}

#[test]
fn practice_screens() {
    let (app, t) = practice_app(Loaded::Missing);
    both_sizes!("practice_none_yet", &app, t);
    let planned = |what: &str, days: &[&str], at: &str| Planned {
        what: what.into(),
        days: days.iter().map(|d| d.to_string()).collect(),
        at: at.into(),
    };
    let (mut app, t) = practice_app(Loaded::Read(Practice {
        version: 1,
        practice: vec![
            planned(
                "breathe gentle --minutes 5",
                &["mon", "wed", "fri"],
                "08:00",
            ),
            planned("relax 4-group", &["daily"], "21:30"),
        ],
    }));
    both_sizes!("practice_list", &app, t);
    press(&mut app, KeyCode::Char('a'), t);
    type_text(&mut app, "breathe", t);
    press(&mut app, KeyCode::Tab, t);
    type_text(&mut app, "someday", t);
    press(&mut app, KeyCode::Tab, t);
    type_text(&mut app, "07:15", t);
    press(&mut app, KeyCode::Enter, t);
    both_sizes!("practice_form_says_why", &app, t);
}
