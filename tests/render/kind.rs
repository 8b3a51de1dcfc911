//! The kindness pause, step by step, and the ending that offers it.

use crate::support::*;

fn kind_app(keys: &[KeyCode]) -> (App, Instant) {
    let ctx = ctx(Content::builtin());
    let t0 = ctx.clock.start();
    let mut app = App::direct(ctx, Route::Kind, t0);
    for code in keys {
        press(&mut app, *code, t0);
    }
    (app, t0)
}

#[test]
fn kind_steps() {
    let (app, t) = kind_app(&[]);
    both_sizes!("kind_first_step", &app, t);
    let (mut app, t) = kind_app(&[KeyCode::Enter, KeyCode::Tab]);
    type_text(&mut app, "this ache is love 💛", t);
    both_sizes!("kind_own_words", &app, t);
    let (app, t) = kind_app(&[
        KeyCode::Enter,
        KeyCode::Enter,
        KeyCode::Down,
        KeyCode::Down,
        KeyCode::Enter,
    ]);
    both_sizes!("kind_last_page", &app, t);
}

#[test]
fn ending_offers_kindness() {
    let mut ctx = ctx(Content::builtin());
    ctx.settings.checkins = true;
    let t0 = ctx.clock.start();
    let pattern = ctx.content.pattern("4-4-6").unwrap().clone();
    let mut app = App::direct(
        ctx,
        Route::Breathe {
            pattern,
            length: Length::Forever,
        },
        t0,
    );
    for code in [KeyCode::Char('q'), KeyCode::Char('8'), KeyCode::Char('7')] {
        press(&mut app, code, t0);
    }
    both_sizes!("ending_offers_kindness", &app, t0);
}
