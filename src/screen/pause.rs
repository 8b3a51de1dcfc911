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
use ratatui::layout::{Constraint, Margin, Position, Rect, Size};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{ListItem, Paragraph, Widget};

use super::checkin::nudge;
use super::safety::{Answer, Safety};
use super::{
    Ctx, Cx, Drawn, Kind, Outcome, Route, Screen, View, can_move, move_in_list, typed_char,
};
use crate::content::{DEFAULT_PATTERN, Phrase};
use crate::exercise::pause::{Break, Planned, Stage, looks_flooded};
use crate::exercise::timeline::{Length, Wake};
use crate::journal::{Activity, Exercise, PauseRecord, Session};
use crate::keys::{self, Action, Tables};
use crate::session::Finished;
use crate::text_field::TextField;
use crate::ui::field::FieldView;
use crate::ui::{self, scale};
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
        cx.bell(2);
    }

    fn finish(&mut self, now: Instant) -> Finished {
        self.ended = true;
        self.stop_doing(now);
        let took = now.saturating_duration_since(self.opened).as_secs();
        let completed = matches!(self.step, Step::SoftStart | Step::Enough | Step::Due);
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
        let content = &cx.ctx.content;
        let route = match action {
            Action::Breathe => {
                let wanted = cx
                    .ctx
                    .settings
                    .default_pattern
                    .as_deref()
                    .unwrap_or(DEFAULT_PATTERN);
                let pattern = content
                    .pattern(wanted)
                    .unwrap_or(&content.patterns[0])
                    .clone();
                Route::Breathe {
                    pattern,
                    length: Length::Forever,
                }
            }
            Action::Ground => Route::Ground {
                variant: content.default_grounding().clone(),
            },
            _ => Route::Relax {
                program: content.default_program().clone(),
            },
        };
        Outcome::Within(route)
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
        match typed_char(&key) {
            Some(c) if self.takes_text() => {
                self.message.insert(c);
                Outcome::Changed
            }
            _ => Outcome::Ignored,
        }
    }

    fn paste(&mut self, text: &str, _cx: &mut Cx) -> Outcome {
        if !self.takes_text() {
            return Outcome::Ignored;
        }
        // A message is one paragraph: line breaks become spaces.
        self.message.insert_str(&text.replace(['\r', '\n'], " "));
        Outcome::Changed
    }

    fn advance(&mut self, cx: &mut Cx) -> Outcome {
        if self.ended || !matches!(self.step, Step::Break | Step::Choosing(_)) {
            return Outcome::Ignored;
        }
        let wall = cx.wall();
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

    /// Once a minute, at halfway and at the return; nothing in between.
    fn next_wake(&self, view: &View) -> Wake {
        if self.ended || !matches!(self.step, Step::Break | Step::Choosing(_)) {
            return Wake::default();
        }
        let wall = view.wall();
        let exact = self.plan.next_change(wall).map(|at| {
            let left = (at - wall).to_std().unwrap_or_default();
            view.now + left.max(Duration::from_millis(1))
        });
        Wake { exact, frame: None }
    }

    fn take_back(&mut self, finished: Finished, cx: &mut Cx) -> Option<Finished> {
        let session = finished.session;
        self.activities.push(Activity {
            kind: session.exercise.name().to_string(),
            variant: session.variant,
            secs: session.duration_secs,
        });
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

/// Rows of a page: wrapped text, or a line built of spans.
enum Row {
    Text(String, Style),
    Line(Line<'static>),
    /// The row the keys act on: kept in view when the page is cut.
    Focus(Line<'static>),
    Gap,
}

impl Row {
    fn line(line: Line<'static>, focused: bool) -> Row {
        if focused {
            Row::Focus(line)
        } else {
            Row::Line(line)
        }
    }
}

impl Pause {
    fn message_view(&self) -> FieldView<'_> {
        FieldView {
            field: &self.message,
            focused: self.editing,
            placeholder: "what you would like to say",
            boxed: true,
            counter: self.editing,
        }
    }

    /// The message page: the heading above, the box, the words below.
    fn message_areas(&self, area: Rect) -> [Rect; 3] {
        let inner = area.inner(Margin::new(2, 0));
        let width = inner.width.saturating_sub(4).max(1);
        let typed = self.message.layout(width).rows.len();
        let read = ui::wrap(&self.message.text(), width as usize, usize::MAX).len();
        let rows = typed.max(read).max(1) as u16;
        let boxed = (rows + 2).min(inner.height.saturating_sub(3)).max(3);
        ui::stack(
            inner,
            [
                Constraint::Length(2),
                Constraint::Length(boxed),
                Constraint::Fill(1),
            ],
        )
    }

    fn sign_rows(&self, view: &View, width: usize) -> Vec<Row> {
        let theme = view.theme();
        let content = &view.ctx.content;
        let mut rows = vec![
            Row::Text(content.say("pause.signs").into(), theme.title),
            Row::Gap,
        ];
        for (i, sign) in content.signs.iter().enumerate() {
            let mark = if self.marked.get(i) == Some(&true) {
                "[x]"
            } else {
                "[ ]"
            };
            let style = if i == self.row {
                theme.selected
            } else {
                theme.text
            };
            let line = Line::from(vec![
                Span::styled(
                    format!("{} ", if i == self.row { "›" } else { " " }),
                    theme.accent,
                ),
                Span::styled(
                    ui::fit(&format!("{mark} {}", sign.text), width.saturating_sub(2)),
                    style,
                ),
            ]);
            rows.push(Row::line(line, i == self.row));
        }
        rows.push(Row::Gap);
        let pulse_here = self.row == self.pulse_row();
        let pulse = self.pulse.map_or("___".to_string(), |p| p.to_string());
        rows.push(Row::line(
            Line::from(vec![
                Span::styled(
                    format!("{} ", if pulse_here { "›" } else { " " }),
                    theme.accent,
                ),
                Span::styled(
                    "Pulse, if taken: ",
                    if pulse_here {
                        theme.selected
                    } else {
                        theme.text
                    },
                ),
                Span::styled(format!("{pulse} a minute"), theme.text),
            ]),
            pulse_here,
        ));
        let distress_here = self.row == self.distress_row();
        let mut distress = vec![
            Span::styled(
                format!("{} ", if distress_here { "›" } else { " " }),
                theme.accent,
            ),
            Span::styled(
                "Distress ",
                if distress_here {
                    theme.selected
                } else {
                    theme.text
                },
            ),
        ];
        distress.extend(scale::line(self.before, width >= 60, theme).spans);
        rows.push(Row::line(Line::from(distress), distress_here));
        rows.push(Row::Gap);
        let answered = self.signs() > 0 || self.pulse.is_some();
        if looks_flooded(self.signs(), self.pulse) {
            rows.push(Row::Text(content.say("pause.flooded").into(), theme.accent));
        } else if answered {
            rows.push(Row::Text(
                content.say("pause.not-flooded").into(),
                theme.dim,
            ));
        }
        rows.push(Row::Text(
            format!(
                "Back at {} ({} minutes).",
                clock_time(self.plan.returns()),
                self.plan.planned_minutes()
            ),
            theme.dim,
        ));
        rows
    }

    fn break_rows(&self, view: &View) -> Vec<Row> {
        let theme = view.theme();
        let content = &view.ctx.content;
        let wall = view.wall();
        let left = self.plan.minutes_left(wall);
        let minutes = if left == 1 {
            "1 minute".to_string()
        } else {
            format!("{left} minutes")
        };
        let mut rows = vec![
            Row::Text(content.say("pause.title").into(), theme.title),
            Row::Gap,
            Row::Text(
                format!("Back at {}", clock_time(self.plan.returns())),
                theme.accent,
            ),
            Row::Text(format!("{minutes} to go"), theme.text),
            Row::Gap,
            Row::Text(content.say("pause.quiet").into(), theme.dim),
        ];
        match self.halfway {
            _ if self.halfway_open(wall) => {
                rows.push(Row::Gap);
                rows.push(Row::Text(content.say("pause.halfway").into(), theme.text));
            }
            Some(answer) if self.halfway_in == Some(self.plan.extensions()) => {
                rows.push(Row::Gap);
                let id = if answer == "calming" {
                    "pause.calming"
                } else {
                    "pause.going-over"
                };
                rows.push(Row::Text(content.say(id).into(), theme.text));
            }
            _ => {}
        }
        if let Some((index, _)) = self.doing
            && let Some(activity) = self.choices.get(index)
        {
            rows.push(Row::Gap);
            let hint = activity.hint.as_deref().unwrap_or("");
            rows.push(Row::Text(
                format!("Now: {}. {hint}", activity.text),
                theme.text,
            ));
        }
        if !self.activities.is_empty() {
            rows.push(Row::Gap);
            rows.push(Row::Text(
                format!(
                    "So far: {}",
                    words::activities(&self.activities, &self.choices)
                ),
                theme.dim,
            ));
        }
        rows
    }

    fn due_rows(&self, view: &View, width: usize) -> Vec<Row> {
        let theme = view.theme();
        let content = &view.ctx.content;
        let wall = view.wall();
        // Back early: it is not yet the time that was said.
        let (id, at) = if wall < self.plan.returns() {
            ("pause.early", wall)
        } else {
            ("pause.due", self.plan.returns())
        };
        vec![
            Row::Text(
                content.say(id).replace("{time}", &clock_time(at)),
                theme.title,
            ),
            Row::Gap,
            Row::Text(
                words::question(crate::session::Question::AfterNow).into(),
                theme.text,
            ),
            Row::Line(scale::line(self.after, width >= 50, theme)),
            Row::Text(scale::legend(width >= 50).into(), theme.dim),
            Row::Gap,
            Row::Text(content.say("pause.ready").into(), theme.title),
            Row::Text("y yes · n not yet, twenty more minutes".into(), theme.dim),
        ]
    }

    fn last_rows(&self, view: &View) -> Vec<Row> {
        let theme = view.theme();
        let content = &view.ctx.content;
        let mut rows = Vec::new();
        if self.step == Step::SoftStart {
            rows.push(Row::Text(
                content.say("pause.soft-start").into(),
                theme.title,
            ));
            rows.push(Row::Gap);
            rows.push(Row::Text(
                content.say("pause.soft-start.after").into(),
                theme.text,
            ));
        } else {
            rows.push(Row::Text(content.say("pause.enough").into(), theme.text));
        }
        rows.push(Row::Gap);
        rows.push(Row::Text(self.credit.clone(), theme.dim));
        rows
    }

    fn choose_rows(&self, view: &View, at: usize, area: Rect, buf: &mut Buffer) {
        let theme = view.theme();
        let width = area.width as usize;
        let [head, list] = ui::stack(area, [Constraint::Length(2), Constraint::Fill(1)]);
        Paragraph::new(Line::styled(
            ui::fit("  Something else to do in the break:", width),
            theme.title,
        ))
        .render(head, buf);
        let items: Vec<ListItem> = self
            .choices
            .iter()
            .enumerate()
            .map(|(i, choice)| {
                let style = if i == at { theme.selected } else { theme.text };
                let name = format!("{:<22}", choice.text);
                // The menu's marker takes three columns before the name.
                let hint = ui::fit(
                    choice.hint.as_deref().unwrap_or(""),
                    width.saturating_sub(ui::width(&name) + 4),
                );
                ListItem::new(Line::from(vec![
                    Span::styled(name, style),
                    Span::styled(hint, theme.dim),
                ]))
            })
            .collect();
        ui::menu(items, at, list, buf);
    }
}

/// Wraps, then fits the rows to the height: gaps go first, then the last
/// rows; the block is centred top to bottom, two columns in.
fn draw_rows(rows: Vec<Row>, area: Rect, buf: &mut Buffer) {
    let block = area.inner(Margin::new(2, 0));
    let width = block.width as usize;
    // (line, is the focus); `None` for a gap.
    let mut lines: Vec<Option<(Line, bool)>> = Vec::new();
    for row in rows {
        match row {
            Row::Text(text, style) => lines.extend(
                ui::wrap(&text, width, 8)
                    .into_iter()
                    .map(|l| Some((Line::styled(l, style), false))),
            ),
            Row::Line(line) => lines.push(Some((line, false))),
            Row::Focus(line) => lines.push(Some((line, true))),
            Row::Gap => lines.push(None),
        }
    }
    let height = block.height as usize;
    if lines.len() > height {
        lines.retain(Option::is_some);
        // Cut from the end, but never past the focus: then from the top.
        let focus = lines
            .iter()
            .position(|l| l.as_ref().is_some_and(|(_, f)| *f));
        let first = focus.map_or(0, |at| (at + 1).saturating_sub(height));
        lines.drain(..first.min(lines.len()));
        lines.truncate(height);
    }
    let lines: Vec<Line> = lines
        .into_iter()
        .map(|l| l.map(|(line, _)| line).unwrap_or_default())
        .collect();
    let rect = block.centered_vertically(Constraint::Length(lines.len() as u16));
    Paragraph::new(lines).render(rect, buf);
}

/// The break at one instant, as a ratatui widget.
impl Widget for Drawn<'_, Pause> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let Self { screen, view } = self;
        let theme = view.theme();
        let width = area.width.saturating_sub(4) as usize;
        match screen.step {
            Step::Signs => draw_rows(screen.sign_rows(view, width), area, buf),
            Step::Safety(safety) => safety.render(area, buf, view),
            Step::Message => {
                let [head, field, rest] = screen.message_areas(area);
                Paragraph::new(Line::styled(
                    ui::fit("A message for your partner", head.width as usize),
                    theme.title,
                ))
                .render(head, buf);
                if screen.editing {
                    screen.message_view().render(theme, field, buf);
                } else {
                    // Read aloud from here: wrapped at words, not mid-word.
                    let block = ratatui::widgets::Block::bordered()
                        .border_type(ratatui::widgets::BorderType::Rounded)
                        .border_style(theme.dim)
                        .padding(ratatui::widgets::Padding::horizontal(1));
                    let inside = block.inner(field);
                    let lines: Vec<Line> = ui::wrap(
                        &screen.message.text(),
                        inside.width as usize,
                        inside.height as usize,
                    )
                    .into_iter()
                    .map(|l| Line::styled(l, theme.text))
                    .collect();
                    Paragraph::new(lines).block(block).render(field, buf);
                }
                let content = &view.ctx.content;
                let mut lines: Vec<Line> =
                    ui::wrap(content.say("pause.message.how"), rest.width as usize, 2)
                        .into_iter()
                        .map(|l| Line::styled(l, theme.dim))
                        .collect();
                lines.push(Line::styled(
                    ui::fit(
                        &format!("Back at {}.", clock_time(screen.plan.returns())),
                        rest.width as usize,
                    ),
                    theme.text,
                ));
                let rest = Rect::new(
                    rest.x,
                    rest.y + 1,
                    rest.width,
                    rest.height.saturating_sub(1),
                );
                Paragraph::new(lines).render(rest, buf);
            }
            Step::Break => draw_rows(screen.break_rows(view), area, buf),
            Step::Choosing(at) => screen.choose_rows(view, at, area, buf),
            Step::Due => draw_rows(screen.due_rows(view, width), area, buf),
            Step::SoftStart | Step::Enough => draw_rows(screen.last_rows(view), area, buf),
        }
    }
}
