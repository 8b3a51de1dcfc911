//! The break and the message, every step, at a fixed wall time (08:00).

use crate::support::*;
use soothe::exercise::pause::Planned;
use soothe::exercise::send::Plan;

const MINUTE: std::time::Duration = std::time::Duration::from_secs(60);

/// A break or a message after `keys`, `minutes` in; the safety question
/// counts as shown unless `ask`.
fn heated(send: bool, ask: bool, keys: &[KeyCode], minutes: u32) -> (App, Instant) {
    let mut ctx = ctx(Content::builtin());
    ctx.safety_asked = !ask;
    let t0 = ctx.clock.start();
    let route = if send {
        Route::Send {
            plan: Plan::default(),
        }
    } else {
        Route::Pause {
            planned: Planned::Minutes(20),
        }
    };
    let mut app = App::direct(ctx, route, t0);
    let mut t = t0;
    for code in keys {
        press(&mut app, *code, t);
    }
    for _ in 0..minutes {
        t += MINUTE;
        app.advance(t);
    }
    (app, t)
}

use KeyCode::{Char, Down, Enter, Esc, Tab};

#[test]
fn pause_signs() {
    let (app, t) = heated(false, false, &[], 0);
    both_sizes!("pause_signs", &app, t);
    let (app, t) = heated(
        false,
        false,
        &[
            Char(' '),
            Down,
            Down,
            Char(' '),
            Down,
            Down,
            Down,
            Down,
            Char('1'),
            Char('0'),
            Char('4'),
        ],
        0,
    );
    both_sizes!("pause_signs_flooded", &app, t);
}

#[test]
fn pause_safety() {
    let (app, t) = heated(false, true, &[Enter], 0);
    both_sizes!("pause_safety_question", &app, t);
    let (app, t) = heated(false, true, &[Enter, Char('y')], 0);
    both_sizes!("pause_safety_page", &app, t);
}

#[test]
fn pause_message() {
    let (app, t) = heated(false, false, &[Enter], 0);
    both_sizes!("pause_message", &app, t);
    let (mut app, t) = heated(false, false, &[Enter, Char('e')], 0);
    type_text(&mut app, " 🙏🏽 love", t);
    both_sizes!("pause_message_editing", &app, t);
}

#[test]
fn pause_break() {
    let (app, t) = heated(false, false, &[Enter, Enter], 0);
    both_sizes!("pause_break", &app, t);
    let (app, t) = heated(false, false, &[Enter, Enter], 12);
    both_sizes!("pause_break_halfway", &app, t);
    let (app, t) = heated(false, false, &[Enter, Enter, Char('4')], 0);
    both_sizes!("pause_something_else", &app, t);
    let (app, t) = heated(false, false, &[Enter, Enter, Char('4'), Down, Enter], 3);
    both_sizes!("pause_break_doing", &app, t);
}

#[test]
fn pause_return() {
    let (app, t) = heated(false, false, &[Enter, Enter], 20);
    both_sizes!("pause_return", &app, t);
    let (mut app, t) = heated(false, false, &[Enter, Enter], 20);
    press(&mut app, Char('y'), t);
    both_sizes!("pause_soft_start", &app, t);
    press(&mut app, Enter, t);
    both_sizes!("pause_summary", &app, t);
}

#[test]
fn pause_a_day_used_up() {
    let mut ctx = ctx(Content::builtin());
    let t0 = ctx.clock.start();
    ctx.safety_asked = true;
    let mut app = App::direct(
        ctx,
        Route::Pause {
            planned: Planned::Minutes(24 * 60),
        },
        t0,
    );
    press(&mut app, Tab, t0);
    press(&mut app, Enter, t0);
    let t = t0 + ms(1000);
    app.set_clock(soothe::clock::WallClock::new(
        t,
        chrono::DateTime::parse_from_rfc3339("2026-11-23T08:00:01+01:00").unwrap(),
    ));
    app.advance(t);
    press(&mut app, Char('n'), t);
    both_sizes!("pause_enough", &app, t);
}

#[test]
fn send_steps() {
    let (app, t) = heated(true, true, &[], 0);
    both_sizes!("send_safety_question", &app, t);
    let (app, t) = heated(true, false, &[Char('8')], 0);
    both_sizes!("send_urge", &app, t);
    let (mut app, t) = heated(true, false, &[Enter], 0);
    type_text(
        &mut app,
        "You never call back!! 😡 Are you mad? Do you still love me?",
        t,
    );
    both_sizes!("send_typing", &app, t);
    press(&mut app, Enter, t);
    both_sizes!("send_checked", &app, t);
    press(&mut app, Enter, t);
    both_sizes!("send_wait", &app, t);
    let mut now = t;
    for _ in 0..10 {
        now += MINUTE;
        app.advance(now);
    }
    press(&mut app, Char('3'), now);
    both_sizes!("send_urge_again", &app, now);
    press(&mut app, Enter, now);
    both_sizes!("send_decide", &app, now);
    press(&mut app, Char('s'), now);
    both_sizes!("send_shown", &app, now);
    press(&mut app, Enter, now);
    both_sizes!("send_summary", &app, now);
}

#[test]
fn send_a_clean_draft() {
    let (mut app, t) = heated(true, false, &[Tab], 0);
    type_text(
        &mut app,
        "I felt lonely tonight. Could we talk tomorrow?",
        t,
    );
    press(&mut app, Enter, t);
    both_sizes!("send_checked_clean", &app, t);
    let _ = Esc;
}
