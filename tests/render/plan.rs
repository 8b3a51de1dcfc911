//! The safety plan: none yet, read, broken, and written part by part.

use crate::support::*;
use soothe::documents::Loaded;
use soothe::plan::SafetyPlan;

fn plan_app(plan: Loaded<SafetyPlan>, edit: bool, keys: &[KeyCode]) -> (App, Instant) {
    let mut ctx = ctx(Content::builtin());
    ctx.plan = plan;
    let t0 = ctx.clock.start();
    let mut app = App::direct(ctx, Route::Plan { edit }, t0);
    for code in keys {
        press(&mut app, *code, t0);
    }
    (app, t0)
}

fn written() -> Loaded<SafetyPlan> {
    let mut plan = SafetyPlan::new();
    plan.warning_signs = vec![
        "I stop answering anyone".into(),
        "I lie awake going over it".into(),
    ];
    plan.on_my_own = vec!["A hot shower, then the gentle breathing".into()];
    plan.people = vec!["Sam · text any time 🌿".into()];
    plan.matters = vec!["My sister's wedding in June".into()];
    Loaded::Read(plan)
}

#[test]
fn plan_none_yet() {
    let (app, t) = plan_app(Loaded::Missing, false, &[]);
    both_sizes!("plan_none_yet", &app, t);
}

#[test]
fn plan_read() {
    let (app, t) = plan_app(written(), false, &[]);
    both_sizes!("plan_read", &app, t);
}

#[test]
fn plan_broken() {
    let (app, t) = plan_app(
        Loaded::Broken("plan.toml:4:12: invalid basic string".into()),
        false,
        &[],
    );
    both_sizes!("plan_broken", &app, t);
}

#[test]
fn plan_writing() {
    let (mut app, t) = plan_app(written(), true, &[]);
    type_text(&mut app, "I check their status every min", t);
    both_sizes!("plan_writing", &app, t);
    let (app, t) = plan_app(written(), true, &[KeyCode::Tab]);
    both_sizes!("plan_lines", &app, t);
    let (app, t) = plan_app(
        written(),
        true,
        &[
            KeyCode::PageDown,
            KeyCode::PageDown,
            KeyCode::PageDown,
            KeyCode::PageDown,
        ],
    );
    both_sizes!("plan_professionals", &app, t);
}
