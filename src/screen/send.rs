//! Send: write it, check it, wait, then decide. The urge to send, 0–10; a
//! draft; an offline check whose findings are listed beside the draft with
//! their words marked (nothing is rewritten); a wait with breathing or
//! grounding one key away; the urge again; then show it to copy, edit it,
//! or not now. soothe never sends anything itself.

use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Constraint, Margin, Position, Rect, Size};
use ratatui::widgets::Widget;

use super::checkin::nudge;
use super::safety::{Answer, Safety};
use super::{Ctx, Cx, Drawn, Kind, Outcome, Screen, View, typed_char};
use crate::content::SendRule;
use crate::exercise::send::{self, DRAFT_LIMIT, Finding, Plan};
use crate::exercise::timeline::Wake;
use crate::journal::{Activity, Decision, Exercise, SendRecord, Session};
use crate::keys::{self, Action, Tables};
use crate::session::Finished;
use crate::text_field::TextField;
use crate::ui::{self, scale};
use crate::words;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Safety(Safety),
    Urge,
    Draft,
    Checked,
    Wait,
    UrgeAgain,
    Decide,
    Shown,
}

pub struct Send {
    step: Step,
    wait_minutes: u32,
    draft: TextField,
    editing: bool,
    urge_before: Option<u8>,
    urge_after: Option<u8>,
    rules: Vec<SendRule>,
    off: Vec<String>,
    /// When the wait ends (wall clock), once it has begun.
    wait_until: Option<DateTime<FixedOffset>>,
    waited: bool,
    /// The wait is behind: a check after an edit goes straight to deciding.
    decided_once: bool,
    activities: Vec<Activity>,
    decision: Option<Decision>,
    opened: Option<Instant>,
    /// The minutes left last drawn.
    shown: Option<i64>,
    ended: bool,
    credit: String,
}

impl Send {
    pub fn new(plan: Plan, ctx: &Ctx) -> Send {
        let step = if ctx.safety_asked {
            Step::Urge
        } else {
            // Shown on the first draw; `open` remembers it (see `advance`).
            Step::Safety(Safety::Asking)
        };
        Send {
            step,
            wait_minutes: plan.wait_minutes,
            draft: TextField::multiline_with(DRAFT_LIMIT, &plan.draft),
            editing: false,
            urge_before: None,
            urge_after: None,
            rules: ctx.content.send_rules.clone(),
            off: ctx.settings.send_rules_off.clone(),
            wait_until: None,
            waited: false,
            decided_once: false,
            activities: Vec::new(),
            decision: None,
            opened: None,
            shown: None,
            ended: false,
            credit: ctx.content.say("send.credit").to_string(),
        }
    }

    pub fn draft(&self) -> String {
        self.draft.text()
    }

    fn findings(&self) -> Vec<Finding> {
        send::check(&self.draft.text(), &self.rules, &self.off)
    }

    fn finish(&mut self, now: Instant) -> Finished {
        self.ended = true;
        let took = self
            .opened
            .map_or(0, |at| now.saturating_duration_since(at).as_secs());
        let decision = self.decision.unwrap_or(Decision::Left);
        let draft = self.draft.text();
        let findings: Vec<String> = self.findings().into_iter().map(|f| f.rule).collect();
        let mut session = Session::new(Exercise::Send, "message", decision != Decision::Left, took);
        session.send = Some(Box::new(SendRecord {
            urge_before: self.urge_before,
            urge_after: self.urge_after,
            wait_minutes: self.wait_minutes,
            waited: self.waited,
            decision,
            findings: findings.clone(),
            words: draft.split_whitespace().count() as u32,
            activities: self.activities.clone(),
            draft: draft.clone(),
        }));
        // Whatever was decided, what the person wrote is never lost: it is
        // printed after exit (the journal keeps it only with save_text).
        if !draft.trim().is_empty() {
            let head = if decision == Decision::Shown {
                "Your message, to copy (soothe has sent nothing):"
            } else {
                "Your draft, not sent (printed so it is not lost):"
            };
            let mut lines = vec![head.to_string()];
            lines.extend(draft.lines().map(str::to_string));
            session.farewell = lines;
            if decision == Decision::Shown {
                session.to_copy = draft;
            }
        }
        let summary = words::send_summary(
            decision,
            (self.urge_before, self.urge_after),
            findings.len(),
            &self.credit,
        );
        Finished { session, summary }
    }

    fn start_wait(&mut self, cx: &mut Cx) {
        if self.decided_once {
            self.step = Step::Decide;
        } else if self.wait_minutes == 0 {
            self.step = Step::UrgeAgain;
        } else {
            self.wait_until =
                Some(cx.wall() + chrono::Duration::minutes(i64::from(self.wait_minutes)));
            self.shown = None;
            self.step = Step::Wait;
        }
    }

    fn minutes_left(&self, wall: DateTime<FixedOffset>) -> i64 {
        self.wait_until
            .map_or(0, |until| crate::exercise::pause::minutes_left(until, wall))
    }

    fn rate(value: &mut Option<u8>, action: Action) -> bool {
        match action {
            Action::Digit(d) => *value = Some(d),
            Action::Previous => *value = Some(nudge(*value, false)),
            Action::Next => *value = Some(nudge(*value, true)),
            _ => return false,
        }
        true
    }
}

impl Screen for Send {
    fn kind(&self) -> Kind {
        Kind::Send
    }

    fn bindings(&self) -> Tables {
        match self.step {
            Step::Safety(safety) => safety.bindings(),
            Step::Urge | Step::UrgeAgain => &[keys::SEND_URGE],
            Step::Draft if self.editing => &[keys::SEND_DRAFT, keys::EDIT],
            Step::Draft => &[keys::SEND_DRAFT_AWAY],
            Step::Checked => &[keys::SEND_CHECKED],
            Step::Wait => &[keys::SEND_WAIT],
            Step::Decide => &[keys::SEND_DECIDE],
            Step::Shown => &[keys::SEND_SHOWN],
        }
    }

    fn enabled(&self, action: Action) -> bool {
        let urge = match self.step {
            Step::Urge => self.urge_before,
            _ => self.urge_after,
        };
        match action {
            Action::Previous if !self.editing => urge != Some(0),
            Action::Next => urge != Some(scale::MAX),
            Action::Previous => !self.draft.at_start(),
            // A check needs something to check; showing, something to show.
            Action::Check | Action::Show => !self.draft.text().trim().is_empty(),
            _ => true,
        }
    }

    fn takes_text(&self) -> bool {
        self.step == Step::Draft && self.editing
    }

    fn handle(&mut self, action: Action, cx: &mut Cx) -> Outcome {
        if self.ended {
            return Outcome::Ignored;
        }
        self.opened.get_or_insert(cx.now);
        if action == Action::Back && !self.takes_text() {
            return Outcome::Ended(self.finish(cx.now));
        }
        match self.step {
            Step::Safety(mut safety) => match safety.handle(action) {
                Answer::Stay => self.step = Step::Safety(safety),
                Answer::Done => self.step = Step::Urge,
                Answer::Leave => return Outcome::Ended(self.finish(cx.now)),
                Answer::Ignored => return Outcome::Ignored,
            },
            Step::Urge => match action {
                Action::Select | Action::Skip => {
                    if action == Action::Skip {
                        self.urge_before = None;
                    }
                    self.step = Step::Draft;
                    self.editing = true;
                }
                _ if Send::rate(&mut self.urge_before, action) => {}
                _ => return Outcome::Ignored,
            },
            Step::Draft => match (self.editing, action) {
                (_, Action::Check) => {
                    self.editing = false;
                    self.step = Step::Checked;
                }
                (true, Action::Newline) => {
                    self.draft.newline();
                }
                (true, Action::Previous) => {
                    self.draft.left();
                }
                (true, Action::Edit(edit)) => {
                    if !self.draft.apply(edit, DRAFT_WIDTH) {
                        return Outcome::Ignored;
                    }
                }
                (true, Action::LeaveField) => self.editing = false,
                (false, Action::Type) => self.editing = true,
                _ => return Outcome::Ignored,
            },
            Step::Checked => match action {
                Action::Select => self.start_wait(cx),
                Action::Type => {
                    self.step = Step::Draft;
                    self.editing = true;
                }
                _ => return Outcome::Ignored,
            },
            Step::Wait => match action {
                Action::Breathe | Action::Ground => {
                    return super::inside(action, cx.ctx).map_or(Outcome::Ignored, Outcome::Within);
                }
                Action::Select => self.step = Step::UrgeAgain,
                _ => return Outcome::Ignored,
            },
            Step::UrgeAgain => match action {
                Action::Select | Action::Skip => {
                    if action == Action::Skip {
                        self.urge_after = None;
                    }
                    self.decided_once = true;
                    self.step = Step::Decide;
                }
                _ if Send::rate(&mut self.urge_after, action) => {}
                _ => return Outcome::Ignored,
            },
            Step::Decide => match action {
                Action::Show => {
                    self.decision = Some(Decision::Shown);
                    self.step = Step::Shown;
                }
                Action::Type => {
                    self.step = Step::Draft;
                    self.editing = true;
                }
                Action::NotNow => {
                    self.decision = Some(Decision::NotNow);
                    return Outcome::Ended(self.finish(cx.now));
                }
                _ => return Outcome::Ignored,
            },
            Step::Shown => return Outcome::Ignored,
        }
        Outcome::Changed
    }

    fn type_key(&mut self, key: KeyEvent, _cx: &mut Cx) -> Outcome {
        match typed_char(&key) {
            Some(c) if self.takes_text() => {
                self.draft.insert(c);
                Outcome::Changed
            }
            _ => Outcome::Ignored,
        }
    }

    fn paste(&mut self, text: &str, _cx: &mut Cx) -> Outcome {
        if !self.takes_text() {
            return Outcome::Ignored;
        }
        self.draft.insert_str(text);
        Outcome::Changed
    }

    fn advance(&mut self, cx: &mut Cx) -> Outcome {
        self.opened.get_or_insert(cx.now);
        if let Step::Safety(safety) = self.step {
            safety.on_screen(cx);
        }
        if self.ended || self.step != Step::Wait {
            return Outcome::Ignored;
        }
        let wall = cx.wall();
        let left = self.minutes_left(wall);
        if left == 0 {
            self.waited = true;
            self.step = Step::UrgeAgain;
            cx.bell(1);
            return Outcome::Changed;
        }
        if self.shown == Some(left) {
            return Outcome::Ignored;
        }
        self.shown = Some(left);
        Outcome::Changed
    }

    /// The end of the wait, while an exercise runs inside it.
    fn deadline_beneath(&self, view: &View) -> Option<Instant> {
        let until = self
            .wait_until
            .filter(|_| self.step == Step::Wait && !self.ended)?;
        Some(view.instant_at(until))
    }

    /// While waiting: once a minute and at the end; otherwise never.
    fn next_wake(&self, view: &View) -> Wake {
        let Some(until) = self.wait_until.filter(|_| self.step == Step::Wait) else {
            return Wake::default();
        };
        // The same calm clock as a break's: a wake per minute, none between.
        let exact = crate::exercise::pause::next_minute(until, view.wall())
            .map(|at| view.instant_at(at).max(view.now + Duration::from_millis(1)));
        Wake { exact, frame: None }
    }

    fn take_back(&mut self, finished: Finished, cx: &mut Cx) -> Option<Finished> {
        self.activities.push(Activity::of(&finished.session));
        self.shown = None;
        cx.notice("Back to the wait");
        None
    }

    fn abandon(&mut self, now: Instant) -> Option<Finished> {
        (!self.ended).then(|| self.finish(now))
    }

    fn min_size(&self) -> Size {
        Size::new(30, 8)
    }

    fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        Drawn { screen: self, view }.render(area, buf);
    }

    fn cursor(&self, area: Rect, _view: &View) -> Option<Position> {
        if !self.takes_text() {
            return None;
        }
        let [_, field] = draft_areas(area);
        self.field_view().cursor(field)
    }
}

/// The width ↑ ↓ move by in the draft (about the box's inside at 80 columns).
const DRAFT_WIDTH: u16 = 72;

fn draft_areas(area: Rect) -> [Rect; 2] {
    let inner = area.inner(Margin::new(2, 0));
    ui::stack(inner, [Constraint::Length(2), Constraint::Fill(1)])
}

mod draw;
