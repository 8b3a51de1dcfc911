//! Three good things: a thing, its why, and the last page.

use crate::support::*;

#[test]
fn good_steps() {
    let ctx = ctx(Content::builtin());
    let t0 = ctx.clock.start();
    let mut app = App::direct(ctx, Route::Good, t0);
    type_text(&mut app, "Sam called back 📞", t0);
    both_sizes!("good_thing", &app, t0);
    press(&mut app, KeyCode::Enter, t0);
    type_text(&mut app, "I asked plainly", t0);
    both_sizes!("good_why", &app, t0);
    for text in [
        "",
        "a quiet walk",
        "",
        "finished the report",
        "I started early",
    ] {
        press(&mut app, KeyCode::Enter, t0);
        type_text(&mut app, text, t0);
    }
    press(&mut app, KeyCode::Enter, t0);
    both_sizes!("good_last_page", &app, t0);
}
