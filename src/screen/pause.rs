//! Pause: a break from a heated conversation, with a return time. First
//! the flooding signs (skippable), then the safety question once, then a
//! message for the partner, then a calm clock that changes once a minute
//! with breathing, grounding or relaxing one key away; at the return time
//! the distress rating and "could you listen now?": a soft start to say,
//! or twenty more minutes with a new message.

use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Position, Rect, Size};
use ratatui::widgets::Widget;

use super::checkin::nudge;
use super::safety::{Answer, Safety};
use super::{Ctx, Cx, Drawn, Kind, Outcome, Screen, View, can_move, move_in_list};
use crate::content::Phrase;
use crate::exercise::pause::{Break, Planned, Stage};
use crate::exercise::timeline::Wake;
use crate::journal::{Activity, Exercise, PauseRecord, Session};
use crate::keys::{self, Action, Tables};
use crate::session::Finished;
use crate::text_field::TextField;
use crate::ui::scale;
use crate::words;

/// The longest message, in characters.
const MESSAGE_LIMIT: usize = 300;
/// Coming back within this of the return time counts as on time.
const ON_TIME: chrono::Duration = chrono::Duration::minutes(5);
/// A pulse has at most three digits.
const PULSE_MOST: u16 = 250;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Signs,
    Safety(Safety),
    Message,
    Break,
    /// Picking something else to do; the selected row.
    Choosing(usize),
    Due,
    SoftStart,
    /// A day of breaks is used up.
    Enough,
}

pub struct Pause {
    step: Step,
    plan: Break,
    opened: Instant,
    marked: Vec<bool>,
    /// The signs page's row: the signs, then pulse, then distress.
    row: usize,
    pulse: Option<u16>,
    before: Option<u8>,
    after: Option<u8>,
    message: TextField,
    editing: bool,
    /// The message was shown, so it is printed after exit.
    offered: bool,
    activities: Vec<Activity>,
    /// Something from content being done now, since when.
    doing: Option<(usize, Instant)>,
    halfway: Option<&'static str>,
    /// The stretch (extension count) the halfway question was answered in.
    halfway_in: Option<u32>,
    ready: Option<bool>,
    on_time: bool,
    /// The return time came (or they came back): the break was completed.
    reached: bool,
    /// The latest wall time seen, for the length after a laptop's sleep.
    last_wall: DateTime<FixedOffset>,
    /// The minutes left last drawn, so a wake changes the picture only
    /// when the clock does.
    shown: Option<(i64, Stage)>,
    ended: bool,
    /// What else there is to do (from content), and the credit line.
    choices: Vec<Phrase>,
    credit: String,
}

fn clock_time(at: DateTime<FixedOffset>) -> String {
    at.format("%H:%M").to_string()
}

impl Pause {
    pub fn new(planned: Planned, ctx: &Ctx, now: Instant) -> Pause {
        let wall = ctx.clock.at(now);
        // The command line checked the plan; should the clock have moved
        // past a limit since, the shortest break stands in.
        let plan = planned
            .plan(wall)
            .or_else(|_| Planned::default().plan(wall))
            .expect("the shortest break is always within the limits");
        let message = TextField::multiline_with(
            MESSAGE_LIMIT,
            &ctx.content
                .say("pause.message")
                .replace("{time}", &clock_time(plan.returns())),
        );
        Pause {
            step: Step::Signs,
            plan,
            opened: now,
            marked: vec![false; ctx.content.signs.len()],
            row: 0,
            pulse: None,
            before: None,
            after: None,
            message,
            editing: false,
            offered: false,
            activities: Vec::new(),
            doing: None,
            halfway: None,
            halfway_in: None,
            ready: None,
            on_time: false,
            reached: false,
            last_wall: wall,
            shown: None,
            ended: false,
            choices: ctx.content.activities.clone(),
            credit: ctx.content.say("pause.credit").to_string(),
        }
    }

    pub fn returns(&self) -> DateTime<FixedOffset> {
        self.plan.returns()
    }

    pub fn message(&self) -> String {
        self.message.text()
    }

    fn signs(&self) -> usize {
        self.marked.iter().filter(|m| **m).count()
    }

    fn pulse_row(&self) -> usize {
        self.marked.len()
    }

    fn distress_row(&self) -> usize {
        self.marked.len() + 1
    }

    /// On from the signs: the safety question if it was never shown, then
    /// the message.
    fn open_message(&mut self, cx: &mut Cx) {
        self.step = match Safety::ask(cx) {
            Some(safety) => Step::Safety(safety),
            None => {
                self.offered = true;
                Step::Message
            }
        };
    }

    /// The thing from content being done ends (another was picked, or the
    /// break is over): it is logged with its time.
    fn stop_doing(&mut self, now: Instant) {
        if let Some((index, since)) = self.doing.take()
            && let Some(activity) = self.choices.get(index)
        {
            self.activities.push(Activity {
                kind: activity.id.clone(),
                variant: String::new(),
                secs: now.saturating_duration_since(since).as_secs(),
            });
        }
    }

    /// The return time has come (or the person came back early).
    fn due(&mut self, cx: &mut Cx) {
        self.stop_doing(cx.now);
        self.step = Step::Due;
        self.reached = true;
        cx.bell(2);
    }

    fn finish(&mut self, now: Instant) -> Finished {
        self.ended = true;
        self.stop_doing(now);
        // The wall clock counts a laptop's sleep; the monotonic one does not.
        let slept = (self.last_wall - self.plan.started()).num_seconds().max(0) as u64;
        let took = now
            .saturating_duration_since(self.opened)
            .as_secs()
            .max(slept);
        let completed = self.reached;
        let mut session = Session::new(Exercise::Pause, "break", completed, took);
        session.own = (self.before, self.after);
        let message = self.message.text();
        session.pause = Some(Box::new(PauseRecord {
            signs: self.signs() as u32,
            pulse: self.pulse,
            planned_minutes: self.plan.planned_minutes(),
            returns_at: self.plan.returns(),
            extensions: self.plan.extensions(),
            activities: self.activities.clone(),
            halfway: self.halfway.map(str::to_string),
            ready: self.ready,
            back_on_time: self.on_time,
            message: message.clone(),
        }));
        if self.offered && !message.trim().is_empty() {
            session.farewell = vec!["For your partner, to say or send:".into(), message.clone()];
            session.to_copy = message;
        }
        let summary = words::pause_summary(
            self.plan.planned_minutes(),
            took,
            &self.activities,
            &self.choices,
            (self.before, self.after),
            &self.credit,
        );
        Finished { session, summary }
    }

    /// An exercise inside the break, with what the settings and content
    /// would start from the menu.
    fn within(&mut self, action: Action, cx: &mut Cx) -> Outcome {
        self.stop_doing(cx.now);
        super::inside(action, cx.ctx).map_or(Outcome::Ignored, Outcome::Within)
    }

    fn handle_signs(&mut self, action: Action, cx: &mut Cx) -> Outcome {
        if let Some(row) = move_in_list(self.row, action, self.distress_row() + 1) {
            self.row = row;
            return Outcome::Changed;
        }
        let on_pulse = self.row == self.pulse_row();
        match action {
            Action::Mark => {
                if let Some(mark) = self.marked.get_mut(self.row) {
                    *mark = !*mark;
                }
            }
            Action::Digit(d) if on_pulse => {
                let typed = self.pulse.unwrap_or(0) * 10 + u16::from(d);
                if typed <= PULSE_MOST {
                    self.pulse = Some(typed);
                }
            }
            Action::Digit(d) => self.before = Some(d),
            Action::Clear if on_pulse => self.pulse = self.pulse.map(|p| p / 10).filter(|p| *p > 0),
            Action::Clear => self.before = None,
            Action::Previous => self.before = Some(nudge(self.before, false)),
            Action::Next => self.before = Some(nudge(self.before, true)),
            Action::Select => self.open_message(cx),
            Action::Skip => {
                self.marked.iter_mut().for_each(|m| *m = false);
                self.pulse = None;
                self.open_message(cx);
            }
            Action::Back => return Outcome::Ended(self.finish(cx.now)),
            _ => return Outcome::Ignored,
        }
        Outcome::Changed
    }

    fn handle_break(&mut self, action: Action, cx: &mut Cx) -> Outcome {
        match action {
            Action::Breathe | Action::Ground | Action::Relax => return self.within(action, cx),
            Action::Other => {
                let at = self.doing.map_or(0, |(index, _)| index);
                self.step = Step::Choosing(at);
            }
            Action::Calming | Action::GoingOver => {
                self.halfway = Some(if action == Action::Calming {
                    "calming"
                } else {
                    "going-over"
                });
                self.halfway_in = Some(self.plan.extensions());
            }
            Action::ComeBack => self.due(cx),
            Action::Back => return Outcome::Ended(self.finish(cx.now)),
            _ => return Outcome::Ignored,
        }
        Outcome::Changed
    }

    fn handle_due(&mut self, action: Action, cx: &mut Cx) -> Outcome {
        match action {
            Action::Digit(d) => self.after = Some(d),
            Action::Previous => self.after = Some(nudge(self.after, false)),
            Action::Next => self.after = Some(nudge(self.after, true)),
            Action::Yes => {
                self.ready = Some(true);
                self.on_time = cx.wall() <= self.plan.returns() + ON_TIME;
                self.step = Step::SoftStart;
            }
            Action::No => {
                self.ready = Some(false);
                if self.plan.extend(cx.wall()) {
                    let again = cx
                        .ctx
                        .content
                        .say("pause.message.again")
                        .replace("{time}", &clock_time(self.plan.returns()));
                    self.message = TextField::multiline_with(MESSAGE_LIMIT, &again);
                    self.shown = None;
                    self.step = Step::Message;
                } else {
                    self.step = Step::Enough;
                }
            }
            Action::Back => return Outcome::Ended(self.finish(cx.now)),
            _ => return Outcome::Ignored,
        }
        Outcome::Changed
    }

    fn handle_message(&mut self, action: Action, cx: &mut Cx) -> Outcome {
        match (self.editing, action) {
            (true, Action::LeaveField) => self.editing = false,
            (true, Action::Previous) => {
                self.message.left();
            }
            (true, Action::Edit(edit)) => {
                if !self.message.apply(edit, MESSAGE_WIDTH) {
                    return Outcome::Ignored;
                }
            }
            (false, Action::Type) => self.editing = true,
            (false, Action::Select) => {
                self.step = Step::Break;
                // Time may have run out while the message was read.
                self.advance(cx);
            }
            (false, Action::Back) => return Outcome::Ended(self.finish(cx.now)),
            _ => return Outcome::Ignored,
        }
        Outcome::Changed
    }

    /// The minutes left and stage the clock shows now.
    fn clock_now(&self, wall: DateTime<FixedOffset>) -> (i64, Stage) {
        (self.plan.minutes_left(wall), self.plan.stage(wall))
    }

    fn halfway_open(&self, wall: DateTime<FixedOffset>) -> bool {
        self.plan.stage(wall) == Stage::Halfway && self.halfway_in != Some(self.plan.extensions())
    }
}

/// The width the message field wraps at for ↑ ↓ (about the box's inside).
const MESSAGE_WIDTH: u16 = 60;

impl Screen for Pause {
    fn kind(&self) -> Kind {
        Kind::Pause
    }

    fn bindings(&self) -> Tables {
        match self.step {
            Step::Signs => &[keys::PAUSE_SIGNS],
            Step::Safety(safety) => safety.bindings(),
            Step::Message if self.editing => &[keys::PAUSE_MESSAGE_FIELD, keys::EDIT],
            Step::Message => &[keys::PAUSE_MESSAGE],
            Step::Break => &[keys::PAUSE_BREAK],
            Step::Choosing(_) => &[keys::PAUSE_CHOOSE],
            Step::Due => &[keys::PAUSE_DUE],
            Step::SoftStart | Step::Enough => &[keys::PAUSE_LAST],
        }
    }

    fn enabled(&self, action: Action) -> bool {
        let on_sign = self.row < self.pulse_row();
        match (self.step, action) {
            (Step::Signs, Action::Up | Action::Down) => {
                can_move(self.row, action, self.distress_row() + 1)
            }
            (Step::Signs, Action::Mark) => on_sign,
            (Step::Signs, Action::Digit(_)) => !on_sign,
            (Step::Signs, Action::Clear) => {
                (self.row == self.pulse_row() && self.pulse.is_some())
                    || (self.row == self.distress_row() && self.before.is_some())
            }
            (Step::Signs, Action::Previous) => {
                self.row == self.distress_row() && self.before != Some(0)
            }
            (Step::Signs, Action::Next) => {
                self.row == self.distress_row() && self.before != Some(scale::MAX)
            }
            (Step::Break, Action::Other) => !self.choices.is_empty(),
            (Step::Break, Action::Calming | Action::GoingOver) => {
                // Enabled is asked without a clock: the picture's last state.
                matches!(self.shown, Some((_, Stage::Halfway)))
                    && self.halfway_in != Some(self.plan.extensions())
            }
            (Step::Choosing(at), Action::Up | Action::Down) => {
                can_move(at, action, self.choices.len())
            }
            (Step::Due, Action::Previous) => self.after != Some(0),
            (Step::Due, Action::Next) => self.after != Some(scale::MAX),
            _ => true,
        }
    }

    fn takes_text(&self) -> bool {
        self.step == Step::Message && self.editing
    }

    fn handle(&mut self, action: Action, cx: &mut Cx) -> Outcome {
        if self.ended {
            return Outcome::Ignored;
        }
        self.last_wall = self.last_wall.max(cx.wall());
        match self.step {
            Step::Signs => self.handle_signs(action, cx),
            Step::Safety(mut safety) => match safety.handle(action) {
                Answer::Stay => {
                    self.step = Step::Safety(safety);
                    Outcome::Changed
                }
                Answer::Done => {
                    self.offered = true;
                    self.step = Step::Message;
                    Outcome::Changed
                }
                Answer::Leave => Outcome::Ended(self.finish(cx.now)),
                Answer::Ignored => Outcome::Ignored,
            },
            Step::Message => self.handle_message(action, cx),
            Step::Break => self.handle_break(action, cx),
            Step::Choosing(at) => {
                if let Some(next) = move_in_list(at, action, self.choices.len()) {
                    self.step = Step::Choosing(next);
                    return Outcome::Changed;
                }
                match action {
                    Action::Select => {
                        self.stop_doing(cx.now);
                        self.doing = Some((at, cx.now));
                        self.step = Step::Break;
                    }
                    Action::Back => self.step = Step::Break,
                    _ => return Outcome::Ignored,
                }
                Outcome::Changed
            }
            Step::Due => self.handle_due(action, cx),
            Step::SoftStart | Step::Enough => match action {
                Action::Back => Outcome::Ended(self.finish(cx.now)),
                _ => Outcome::Ignored,
            },
        }
    }

    fn type_key(&mut self, key: KeyEvent, _cx: &mut Cx) -> Outcome {
        if !self.takes_text() {
            return Outcome::Ignored;
        }
        super::type_into(&mut self.message, &key)
    }

    fn paste(&mut self, text: &str, _cx: &mut Cx) -> Outcome {
        if !self.takes_text() {
            return Outcome::Ignored;
        }
        // A message is one paragraph: line breaks become spaces.
        super::paste_line(&mut self.message, text)
    }

    fn advance(&mut self, cx: &mut Cx) -> Outcome {
        if self.ended || !matches!(self.step, Step::Break | Step::Choosing(_)) {
            return Outcome::Ignored;
        }
        let wall = cx.wall();
        self.last_wall = self.last_wall.max(wall);
        let now = self.clock_now(wall);
        if now.1 == Stage::Due {
            self.due(cx);
            return Outcome::Changed;
        }
        if self.shown == Some(now) {
            return Outcome::Ignored;
        }
        self.shown = Some(now);
        Outcome::Changed
    }

    /// The return time, while an exercise runs inside the break.
    fn deadline_beneath(&self, view: &View) -> Option<Instant> {
        if self.ended || !matches!(self.step, Step::Break | Step::Choosing(_)) {
            return None;
        }
        Some(view.instant_at(self.plan.returns()))
    }

    /// Once a minute, at halfway and at the return; nothing in between.
    fn next_wake(&self, view: &View) -> Wake {
        if self.ended || !matches!(self.step, Step::Break | Step::Choosing(_)) {
            return Wake::default();
        }
        let exact = self
            .plan
            .next_change(view.wall())
            .map(|at| view.instant_at(at).max(view.now + Duration::from_millis(1)));
        Wake { exact, frame: None }
    }

    fn take_back(&mut self, finished: Finished, cx: &mut Cx) -> Option<Finished> {
        self.activities.push(Activity::of(&finished.session));
        self.shown = None;
        cx.notice(format!(
            "Back to the break · until {}",
            clock_time(self.plan.returns())
        ));
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

    fn cursor(&self, area: Rect, view: &View) -> Option<Position> {
        if !self.takes_text() {
            return None;
        }
        let _ = view;
        let [_, field, _] = self.message_areas(area);
        self.message_view().cursor(field)
    }
}

mod draw;
