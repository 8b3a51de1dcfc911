//! A ladder of time apart: built once (the safety note, a goal, six to
//! twelve steps with their fear, a step in between where two are far
//! apart, the safety behaviours to notice), then climbed in any order. The
//! ladder shows each step's first fear, its practices and whether it is
//! getting easier, and predictions against what happened. A practice asks
//! before (the fear, how likely, how well one could cope, the plan), keeps
//! a calm clock during (a fear rating any time, the toolkit one key away),
//! and asks after (the peak, what happened, what was learned); `log` asks
//! the same without the clock, for a practice done with soothe closed.

use std::time::Instant;

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Margin, Position, Rect, Size};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use super::pages::{Moved, Page, Pages};
use super::safety::{Answer as SafetyAnswer, Safety};
use super::{Ctx, Cx, Drawn, Kind, Outcome, Screen, View};
use crate::exercise::timeline::Wake;
use crate::journal::{Activity, Exercise, Happened, LadderRecord, Record, Session};
use crate::keys::{self, Action, Tables};
use crate::ladder::{Ladder, Ladders, MOST_STEPS, Step};
use crate::session::LadderStart;
use crate::text_field::TextField;
use crate::ui::field::FieldView;
use crate::ui::{self, Align};

const STEP_LONGEST: usize = 120;

enum Mode {
    Safety(Safety),
    /// The note and the goal.
    Goal(Pages),
    Steps(Steps),
    Behaviours(Pages),
    View {
        selected: usize,
    },
    Practice(Box<Practice>),
}

/// Writing the steps: one line, then its fear.
struct Steps {
    ladder: Ladder,
    field: TextField,
    /// The step typed, waiting for its fear.
    fear_for: Option<String>,
    example: usize,
    /// The gaps already asked about (the pair of steps).
    asked: Vec<(String, String)>,
    /// The steps are written: now each wide gap is asked about.
    checking_gaps: bool,
    problem: Option<String>,
}

enum Stage {
    Before,
    During,
    After,
}

/// One practice of a step: the questions before and after, and what was
/// rated and used during. Plain mode asks the same pages, a line each.
pub struct Practice {
    pub step: usize,
    pub logged: bool,
    stage: Stage,
    pub before: Pages,
    pub after: Pages,
    pub started: Instant,
    /// Fear ratings taken during.
    pub during: Vec<u8>,
    /// `f` was pressed: the next digit is the fear now.
    rating: bool,
    toolkit: Vec<Activity>,
    /// The minute the clock shows.
    minute: u64,
}

impl Practice {
    /// A practice of `ladder`'s step `step`; `logged` afterwards (no clock).
    pub fn new(ladder: &Ladder, step: usize, logged: bool, ctx: &Ctx, now: Instant) -> Practice {
        let mut before = vec![
            Page::text(
                "predicted",
                say(ctx, "ladder.predict"),
                say(ctx, "ladder.predict.hint"),
            )
            .optional(),
            Page::rating("likely", say(ctx, "ladder.likely"), "", 100).optional(),
            Page::rating("cope", say(ctx, "ladder.cope"), "", 10).optional(),
            Page::text("minutes", say(ctx, "ladder.minutes"), "").optional(),
            Page::text(
                "contact",
                say(ctx, "ladder.contact"),
                say(ctx, "ladder.contact.hint"),
            )
            .optional(),
        ];
        let mut after = vec![
            Page::rating("peak", say(ctx, "ladder.peak"), "", 10),
            Page::rating("end", say(ctx, "ladder.end"), "", 10).optional(),
            Page::text("what", say(ctx, "ladder.what"), "").optional(),
            Page::choice(
                "happened",
                say(ctx, "ladder.happened"),
                vec![
                    ('y', "Yes".into()),
                    ('p', "Partly".into()),
                    ('n', "No".into()),
                ],
            )
            .optional(),
        ];
        if !ladder.behaviours.is_empty() {
            before.push(Page::marks(
                "dropping",
                say(ctx, "ladder.drop"),
                "",
                ladder.behaviours.clone(),
            ));
            after.push(Page::marks(
                "used",
                say(ctx, "ladder.used"),
                "",
                ladder.behaviours.clone(),
            ));
        }
        after.push(
            Page::text(
                "learned",
                say(ctx, "ladder.learned"),
                say(ctx, "ladder.learned.hint"),
            )
            .optional(),
        );
        Practice {
            step,
            logged,
            stage: Stage::Before,
            before: Pages::new(before),
            after: Pages::new(after),
            started: now,
            during: Vec::new(),
            rating: false,
            toolkit: Vec::new(),
            minute: 0,
        }
    }

    /// The journal's account of this practice of `ladder`'s step.
    pub fn session(&self, ladder: &Ladder, completed: bool, now: Instant) -> Option<Session> {
        let practice = self;
        let step = ladder.steps.get(practice.step)?;
        let (before, after) = (&practice.before, &practice.after);
        let record = LadderRecord {
            goal: ladder.goal.clone(),
            step: step.what.clone(),
            fear: step.fear,
            predicted: before.text("predicted"),
            likely: before.rating("likely"),
            cope: before.rating("cope"),
            minutes: before.text("minutes").parse().ok(),
            contact: before.text("contact"),
            dropping: before.marked("dropping"),
            used: after.marked("used"),
            during: practice.during.clone(),
            toolkit: practice.toolkit.clone(),
            peak: after.rating("peak"),
            end: after.rating("end"),
            what_happened: after.text("what"),
            happened: after.chosen("happened").map(|c| match c {
                'y' => Happened::Yes,
                'p' => Happened::Partly,
                _ => Happened::No,
            }),
            learned: after.text("learned"),
            logged: practice.logged,
        };
        let secs = if practice.logged {
            u64::from(record.minutes.unwrap_or(0)) * 60
        } else {
            now.saturating_duration_since(practice.started).as_secs()
        };
        let mut session = Session::new(Exercise::Ladder, "step", completed, secs);
        session.ladder = Some(Box::new(record));
        Some(session)
    }
}

pub struct LadderScreen {
    ladders: Ladders,
    broken: Option<String>,
    records: Vec<Record>,
    mode: Mode,
}

fn say(ctx: &Ctx, id: &str) -> String {
    ctx.content.say(id).to_string()
}

fn goal_pages(ctx: &Ctx) -> Pages {
    Pages::new(vec![
        Page::read(
            "note",
            say(ctx, "ladder.note.title"),
            format!("{} {}", say(ctx, "ladder.note"), say(ctx, "ladder.note.2")),
        ),
        Page::text(
            "goal",
            say(ctx, "ladder.goal"),
            say(ctx, "ladder.goal.hint"),
        ),
    ])
}

impl LadderScreen {
    pub fn new(ctx: &Ctx, records: &[Record], start: LadderStart, now: Instant) -> LadderScreen {
        let (ladders, broken) = ctx.ladders.for_editing(Ladders::new);
        let mut screen = LadderScreen {
            ladders,
            broken,
            records: records.to_vec(),
            mode: Mode::View { selected: 0 },
        };
        let building = screen.broken.is_none()
            && (start == LadderStart::New || screen.ladders.current().is_none());
        if building {
            // Before the first ladder, the one safety question (shown on the
            // first draw; `advance` remembers it).
            screen.mode = if ctx.safety_asked {
                Mode::Goal(goal_pages(ctx))
            } else {
                Mode::Safety(Safety::Asking)
            };
        } else if let Some(ladder) = screen.ladders.current() {
            let suggested = ladder.suggested(&screen.records).unwrap_or(0);
            screen.mode = Mode::View {
                selected: suggested,
            };
            if screen.broken.is_none() && matches!(start, LadderStart::Practice | LadderStart::Log)
            {
                screen.practise(suggested, start == LadderStart::Log, ctx, now);
            }
        }
        screen
    }

    fn ladder(&self) -> Option<&Ladder> {
        self.ladders.current()
    }

    fn practise(&mut self, step: usize, logged: bool, ctx: &Ctx, now: Instant) {
        let Some(ladder) = self.ladder() else {
            return;
        };
        let practice = Practice::new(ladder, step, logged, ctx, now);
        self.mode = Mode::Practice(Box::new(practice));
    }

    /// The practice's account, for the journal (`completed` when the after
    /// questions were all reached).
    fn account(&self, practice: &Practice, completed: bool, now: Instant) -> Option<Session> {
        practice.session(self.ladder()?, completed, now)
    }

    /// A practice ended (all asked, or left): noted, and back to the ladder.
    fn end_practice(&mut self, completed: bool, cx: &mut Cx) {
        let Mode::Practice(practice) =
            std::mem::replace(&mut self.mode, Mode::View { selected: 0 })
        else {
            return;
        };
        let step = practice.step;
        // Written to the journal, and so shown here (see `journaled`).
        if let Some(session) = self.account(&practice, completed, cx.now) {
            cx.note(session);
        }
        self.mode = Mode::View { selected: step };
    }

    fn save(&self, cx: &mut Cx) {
        cx.save_ladders(self.ladders.clone());
    }

    fn steps_stage(ladder: Ladder) -> Mode {
        Mode::Steps(Steps {
            ladder,
            field: TextField::new(STEP_LONGEST),
            fear_for: None,
            example: 0,
            asked: Vec::new(),
            checking_gaps: false,
            problem: None,
        })
    }

    /// The first gap between neighbours not yet asked about.
    fn open_gap(steps: &Steps) -> Option<(String, u8, String, u8)> {
        steps.ladder.gaps().into_iter().find_map(|i| {
            let (a, b) = (&steps.ladder.steps[i], &steps.ladder.steps[i + 1]);
            let pair = (a.what.clone(), b.what.clone());
            (!steps.asked.contains(&pair)).then(|| (a.what.clone(), a.fear, b.what.clone(), b.fear))
        })
    }

    fn handle_steps(&mut self, action: Action, cx: &mut Cx) -> Outcome {
        let Mode::Steps(steps) = &mut self.mode else {
            return Outcome::Ignored;
        };
        if steps.fear_for.is_some() {
            match action {
                Action::Digit(d) => {
                    let what = steps.fear_for.take().unwrap_or_default();
                    steps.ladder.steps.push(Step {
                        what,
                        fear: d,
                        easier: false,
                    });
                    steps.ladder.sort();
                }
                Action::Next => {
                    let what = steps.fear_for.take().unwrap_or_default();
                    steps.ladder.steps.push(Step {
                        what,
                        fear: 10,
                        easier: false,
                    });
                    steps.ladder.sort();
                }
                Action::Back | Action::StepBack => {
                    let what = steps.fear_for.take().unwrap_or_default();
                    steps.field = TextField::with_text(STEP_LONGEST, &what);
                }
                _ => return Outcome::Ignored,
            }
            return Outcome::Changed;
        }
        match action {
            Action::Edit(edit) => {
                if !steps.field.apply(edit, 0) {
                    return Outcome::Ignored;
                }
            }
            Action::Previous => {
                steps.field.left();
            }
            Action::Focus => {
                let examples = cx.ctx.content.numbered("ladder.example");
                if examples.is_empty() {
                    return Outcome::Ignored;
                }
                let example = &examples[steps.example % examples.len()].text;
                steps.example += 1;
                steps.field = TextField::with_text(STEP_LONGEST, example);
            }
            Action::Select => {
                let text = crate::sanitize::line(steps.field.text().trim());
                steps.problem = None;
                if !text.is_empty() {
                    if steps.ladder.steps.len() >= MOST_STEPS {
                        steps.problem = Some(format!("At most {MOST_STEPS} steps."));
                        return Outcome::Changed;
                    }
                    steps.field.take();
                    steps.fear_for = Some(text);
                    return Outcome::Changed;
                }
                if let Some(why) = steps.ladder.problem() {
                    steps.problem = Some(why);
                    return Outcome::Changed;
                }
                if steps.checking_gaps
                    && let Some((a, _, b, _)) = Self::open_gap(steps)
                {
                    // Enter on an empty line at a gap: no step in between.
                    steps.asked.push((a, b));
                }
                steps.checking_gaps = true;
                if Self::open_gap(steps).is_some() {
                    return Outcome::Changed;
                }
                let mut items: Vec<String> = cx
                    .ctx
                    .content
                    .numbered("ladder.behaviour")
                    .into_iter()
                    .map(|p| p.text.clone())
                    .collect();
                items.dedup();
                let ladder = steps.ladder.clone();
                self.ladders.ladder.push(ladder);
                self.mode = Mode::Behaviours(Pages::new(vec![
                    Page::marks("behaviours", say(cx.ctx, "ladder.behaviours"), "", items),
                    Page::text("own", say(cx.ctx, "ladder.behaviours.own"), "").optional(),
                ]));
            }
            Action::LeaveField | Action::Back => return Outcome::Back,
            _ => return Outcome::Ignored,
        }
        Outcome::Changed
    }
}

impl Screen for LadderScreen {
    fn kind(&self) -> Kind {
        Kind::Ladder
    }

    fn bindings(&self) -> Tables {
        match &self.mode {
            Mode::Safety(safety) => safety.bindings(),
            Mode::Goal(pages) | Mode::Behaviours(pages) => pages.bindings(),
            Mode::Steps(steps) if steps.fear_for.is_some() => &[keys::LADDER_FEAR],
            Mode::Steps(_) => &[keys::LADDER_STEPS, keys::EDIT],
            Mode::View { .. } => &[keys::LADDER],
            Mode::Practice(p) => match p.stage {
                Stage::Before => p.before.bindings(),
                Stage::During if p.rating => &[keys::LADDER_FEAR],
                Stage::During => &[keys::LADDER_DURING],
                Stage::After => p.after.bindings(),
            },
        }
    }

    fn enabled(&self, action: Action) -> bool {
        match &self.mode {
            Mode::Goal(pages) | Mode::Behaviours(pages) => pages.enabled(action),
            Mode::Practice(p) => match p.stage {
                Stage::Before => p.before.enabled(action),
                Stage::After => p.after.enabled(action),
                Stage::During => true,
            },
            Mode::View { selected } => {
                let count = self.ladder().map_or(0, |l| l.steps.len());
                let writable = self.broken.is_none();
                match action {
                    Action::Up | Action::Down => {
                        super::can_move(*selected, on_screen(action), count)
                    }
                    Action::Select | Action::Type | Action::Mark => writable && count > 0,
                    Action::Change => writable,
                    _ => true,
                }
            }
            Mode::Steps(steps) => match action {
                Action::Previous => steps.fear_for.is_some() || !steps.field.at_start(),
                Action::Edit(keys::Edit::RowUp | keys::Edit::RowDown) => false,
                _ => true,
            },
            Mode::Safety(_) => true,
        }
    }

    fn takes_text(&self) -> bool {
        match &self.mode {
            Mode::Goal(pages) | Mode::Behaviours(pages) => pages.takes_text(),
            Mode::Steps(steps) => steps.fear_for.is_none(),
            Mode::Practice(p) => match p.stage {
                Stage::Before => p.before.takes_text(),
                Stage::After => p.after.takes_text(),
                Stage::During => false,
            },
            _ => false,
        }
    }

    fn handle(&mut self, action: Action, cx: &mut Cx) -> Outcome {
        match &mut self.mode {
            Mode::Safety(safety) => match safety.handle(action) {
                SafetyAnswer::Done => self.mode = Mode::Goal(goal_pages(cx.ctx)),
                SafetyAnswer::Leave => return Outcome::Back,
                SafetyAnswer::Stay => {}
                SafetyAnswer::Ignored => return Outcome::Ignored,
            },
            Mode::Goal(pages) => match pages.handle(action) {
                Moved::Finished => {
                    let goal = pages.text("goal");
                    self.mode = Self::steps_stage(Ladder {
                        goal,
                        ..Ladder::default()
                    });
                }
                Moved::Left if self.ladders.current().is_some() => {
                    self.mode = Mode::View { selected: 0 }
                }
                Moved::Left => return Outcome::Back,
                moved => return moved.outcome(),
            },
            Mode::Steps(_) => return self.handle_steps(action, cx),
            Mode::Behaviours(pages) => match pages.handle(action) {
                Moved::Finished | Moved::Left => {
                    let mut behaviours = pages.marked("behaviours");
                    let own = pages.text("own");
                    if !own.is_empty() {
                        behaviours.push(own);
                    }
                    if let Some(ladder) = self.ladders.ladder.last_mut() {
                        ladder.behaviours = behaviours;
                    }
                    self.save(cx);
                    let selected = self
                        .ladder()
                        .and_then(|l| l.suggested(&self.records))
                        .unwrap_or(0);
                    self.mode = Mode::View { selected };
                }
                moved => return moved.outcome(),
            },
            Mode::View { selected } => {
                let count = self.ladders.current().map_or(0, |l| l.steps.len());
                if let Some(next) = super::move_in_list(*selected, on_screen(action), count) {
                    *selected = next;
                    return Outcome::Changed;
                }
                let at = *selected;
                match action {
                    Action::Select => self.practise(at, false, cx.ctx, cx.now),
                    Action::Type => self.practise(at, true, cx.ctx, cx.now),
                    Action::Mark => {
                        if let Some(step) = self
                            .ladders
                            .ladder
                            .last_mut()
                            .and_then(|l| l.steps.get_mut(at))
                        {
                            step.easier = !step.easier;
                        }
                        self.save(cx);
                    }
                    Action::Change => self.mode = Mode::Goal(goal_pages(cx.ctx)),
                    Action::Back => return Outcome::Back,
                    _ => return Outcome::Ignored,
                }
            }
            Mode::Practice(practice) => match practice.stage {
                Stage::Before => match practice.before.handle(action) {
                    Moved::Finished => {
                        practice.stage = if practice.logged {
                            Stage::After
                        } else {
                            Stage::During
                        };
                        practice.started = cx.now;
                        practice.minute = 0;
                    }
                    Moved::Left => {
                        self.mode = Mode::View {
                            selected: practice.step,
                        }
                    }
                    moved => return moved.outcome(),
                },
                Stage::During if practice.rating => match action {
                    Action::Digit(d) => {
                        practice.during.push(d);
                        practice.rating = false;
                    }
                    Action::Next => {
                        practice.during.push(10);
                        practice.rating = false;
                    }
                    Action::Back | Action::StepBack => practice.rating = false,
                    _ => return Outcome::Ignored,
                },
                Stage::During => match action {
                    Action::Check => practice.rating = true,
                    Action::Select => practice.stage = Stage::After,
                    Action::Back => self.end_practice(false, cx),
                    // The toolkit: a session of its own (its ratings count in
                    // what helps), logged here too (see `journaled`).
                    other => {
                        return super::inside(other, cx.ctx)
                            .map_or(Outcome::Ignored, Outcome::Open);
                    }
                },
                Stage::After => match practice.after.handle(action) {
                    Moved::Finished => self.end_practice(true, cx),
                    Moved::Left => self.end_practice(false, cx),
                    moved => return moved.outcome(),
                },
            },
        }
        Outcome::Changed
    }

    fn type_key(&mut self, key: KeyEvent, _cx: &mut Cx) -> Outcome {
        match &mut self.mode {
            Mode::Goal(pages) | Mode::Behaviours(pages) => pages.type_key(&key),
            Mode::Steps(steps) if steps.fear_for.is_none() => {
                super::type_into(&mut steps.field, &key)
            }
            Mode::Practice(p) => match p.stage {
                Stage::Before => p.before.type_key(&key),
                Stage::After => p.after.type_key(&key),
                Stage::During => Outcome::Ignored,
            },
            _ => Outcome::Ignored,
        }
    }

    fn paste(&mut self, text: &str, _cx: &mut Cx) -> Outcome {
        match &mut self.mode {
            Mode::Goal(pages) | Mode::Behaviours(pages) => pages.paste(text),
            Mode::Steps(steps) if steps.fear_for.is_none() => {
                super::paste_line(&mut steps.field, text)
            }
            Mode::Practice(p) => match p.stage {
                Stage::Before => p.before.paste(text),
                Stage::After => p.after.paste(text),
                Stage::During => Outcome::Ignored,
            },
            _ => Outcome::Ignored,
        }
    }

    fn next_wake(&self, view: &View) -> Wake {
        // The calm clock changes once a minute.
        match &self.mode {
            Mode::Practice(p) if matches!(p.stage, Stage::During) => {
                let elapsed = view.now.saturating_duration_since(p.started).as_secs();
                let next = p.started + std::time::Duration::from_secs((elapsed / 60 + 1) * 60);
                Wake {
                    exact: Some(next),
                    frame: None,
                }
            }
            _ => Wake::default(),
        }
    }

    fn advance(&mut self, cx: &mut Cx) -> Outcome {
        match &mut self.mode {
            Mode::Safety(safety) => {
                safety.on_screen(cx);
                Outcome::Ignored
            }
            Mode::Practice(p) if matches!(p.stage, Stage::During) => {
                let minute = cx.now.saturating_duration_since(p.started).as_secs() / 60;
                if minute == p.minute {
                    return Outcome::Ignored;
                }
                p.minute = minute;
                Outcome::Changed
            }
            _ => Outcome::Ignored,
        }
    }

    fn journaled(&mut self, record: &Record) {
        match &mut self.mode {
            _ if record.exercise == Exercise::Ladder => self.records.push(record.clone()),
            Mode::Practice(p) if matches!(p.stage, Stage::During) => p.toolkit.push(Activity {
                kind: record.exercise.name().to_string(),
                variant: record.variant.clone(),
                secs: record.duration_secs,
            }),
            _ => {}
        }
    }

    fn keep_typed(&mut self, cx: &mut Cx) {
        if matches!(self.mode, Mode::Practice(_)) {
            self.end_practice(false, cx);
        }
    }

    fn min_size(&self) -> Size {
        Size::new(30, 8)
    }

    fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        Drawn { screen: self, view }.render(area, buf);
    }

    fn cursor(&self, area: Rect, _view: &View) -> Option<Position> {
        match &self.mode {
            Mode::Goal(pages) | Mode::Behaviours(pages) => pages.cursor(area, 0),
            Mode::Practice(p) => match p.stage {
                Stage::Before => p.before.cursor(area, 1),
                Stage::After => p.after.cursor(area, 1),
                Stage::During => None,
            },
            Mode::Steps(steps) if steps.fear_for.is_none() => {
                let row = steps_field_row(area);
                FieldView {
                    field: &steps.field,
                    focused: true,
                    placeholder: "",
                    boxed: false,
                    counter: false,
                }
                .cursor(row)
            }
            _ => None,
        }
    }
}

/// The steps are drawn highest fear on top: ↑ goes to a higher step.
fn on_screen(action: Action) -> Action {
    match action {
        Action::Up => Action::Down,
        Action::Down => Action::Up,
        other => other,
    }
}

/// Where the step being typed is drawn.
fn steps_field_row(area: Rect) -> Rect {
    let inner = area.inner(Margin::new(2, 0));
    Rect::new(inner.x, inner.y + 3, inner.width, 1)
}

/// The ladder at one instant, as a ratatui widget.
impl Widget for Drawn<'_, LadderScreen> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let Self { screen, view } = self;
        let theme = view.theme();
        let inner = area.inner(Margin::new(2, 0));
        let width = inner.width as usize;
        let wrapped = |text: &str, style: Style, rows| ui::wrapped(text, width, rows, style);
        match &screen.mode {
            Mode::Safety(safety) => safety.render(area, buf, view),
            Mode::Goal(pages) | Mode::Behaviours(pages) => {
                pages.render(area, buf, theme, Vec::new())
            }
            Mode::Steps(steps) => {
                let count = steps.ladder.steps.len();
                let mut lines = vec![(
                    ui::fit(&format!("Goal: {}", steps.ladder.goal), width),
                    theme.dim,
                )];
                lines.push((String::new(), theme.text));
                let gap = LadderScreen::open_gap(steps).filter(|_| steps.checking_gaps);
                let title = match (&steps.fear_for, &gap) {
                    (Some(what), _) => {
                        lines[0] = (ui::fit(&format!("Step: {what}"), width), theme.dim);
                        view.ctx.content.say("ladder.fear").to_string()
                    }
                    (None, Some((a, fa, b, fb))) if count >= 2 => {
                        format!(
                            "\"{a}\" ({fa}) to \"{b}\" ({fb}) {}",
                            view.ctx.content.say("ladder.gap")
                        )
                    }
                    _ => format!(
                        "{} ({} of 6–12)",
                        view.ctx.content.say("ladder.step"),
                        count + 1
                    ),
                };
                lines.push((ui::fit(&title, width), theme.title));
                let top: Vec<Line> = lines.into_iter().map(|(t, s)| Line::styled(t, s)).collect();
                Paragraph::new(top).render(inner, buf);
                let row = steps_field_row(area);
                if steps.fear_for.is_some() {
                    Paragraph::new(ui::scale::line(None, width >= 50, theme)).render(row, buf);
                } else {
                    FieldView {
                        field: &steps.field,
                        focused: true,
                        placeholder: "",
                        boxed: false,
                        counter: false,
                    }
                    .render(theme, row, buf);
                }
                let mut below: Vec<(String, Style)> = Vec::new();
                if let Some(why) = &steps.problem {
                    below.extend(wrapped(why, theme.notice, 2));
                } else {
                    below.extend(wrapped(
                        view.ctx.content.say("ladder.step.hint"),
                        theme.dim,
                        2,
                    ));
                }
                below.push((String::new(), theme.text));
                for step in steps.ladder.steps.iter().rev() {
                    below.push((
                        ui::fit(&format!("{:>2}  {}", step.fear, step.what), width),
                        theme.text,
                    ));
                }
                let rect = Rect::new(
                    inner.x,
                    row.y + 2,
                    inner.width,
                    inner.bottom().saturating_sub(row.y + 2),
                );
                below.truncate(rect.height as usize);
                let rows: Vec<Line> = below.into_iter().map(|(t, s)| Line::styled(t, s)).collect();
                Paragraph::new(rows).render(rect, buf);
            }
            Mode::View { selected } => {
                let mut lines: Vec<(String, Style)> = Vec::new();
                if let Some(why) = &screen.broken {
                    lines.extend(wrapped(
                        &crate::words::left_alone("ladders", why),
                        theme.notice,
                        4,
                    ));
                }
                let Some(ladder) = screen.ladder() else {
                    ui::page(buf, area, lines, Align::Left);
                    return;
                };
                lines.extend(wrapped(&format!("Goal: {}", ladder.goal), theme.title, 2));
                if let Some(line) = ladder.outcomes(&screen.records).line() {
                    lines.extend(wrapped(&line, theme.text, 2));
                    // The same, as a row of marks, oldest first.
                    let marks = ladder.outcome_marks(&screen.records, width.saturating_sub(24));
                    lines.push((format!("{marks}  ● happened ◐ partly ○ not"), theme.dim));
                }
                lines.push((String::new(), theme.text));
                let suggested = ladder.suggested(&screen.records);
                let mut rows_of_steps = Vec::new();
                for (i, step) in ladder.steps.iter().enumerate().rev() {
                    let done = ladder.practices(step, &screen.records).len();
                    let mut tags = Vec::new();
                    if done > 0 {
                        tags.push(format!("practised {done}×"));
                    }
                    if ladder.getting_easier(step, &screen.records) {
                        tags.push("getting easier".to_string());
                    }
                    if suggested == Some(i) {
                        tags.push("suggested next".to_string());
                    }
                    let here = i == *selected;
                    let head = format!(
                        "{} {:>2}  {}",
                        if here { "▸" } else { " " },
                        step.fear,
                        step.what
                    );
                    let tags = tags.join(" · ");
                    let text = if tags.is_empty() || ui::width(&head) + ui::width(&tags) + 3 > width
                    {
                        ui::fit(&head, width)
                    } else {
                        let gap = width - ui::width(&head) - ui::width(&tags);
                        format!("{head}{}{tags}", " ".repeat(gap))
                    };
                    rows_of_steps.push((text, if here { theme.selected } else { theme.text }));
                }
                // The steps, highest on top; in a small window, the part
                // around the selected one.
                let room = (inner.height as usize).saturating_sub(lines.len()).max(1);
                let selected_row = ladder.steps.len().saturating_sub(1 + *selected);
                let first = selected_row.saturating_sub(room.saturating_sub(1));
                let fits = rows_of_steps.len() <= room;
                lines.extend(rows_of_steps.into_iter().skip(first).take(room));
                if fits {
                    lines.push((String::new(), theme.text));
                    lines.extend(wrapped(
                        "Going out of order is fine; nothing is locked.",
                        theme.dim,
                        1,
                    ));
                    lines.extend(wrapped(view.ctx.content.say("ladder.credit"), theme.dim, 2));
                }
                lines.truncate(inner.height as usize);
                let rows: Vec<Line> = lines
                    .into_iter()
                    .map(|(t, s)| Line::styled(ui::fit(&t, width), s))
                    .collect();
                Paragraph::new(rows).render(inner, buf);
            }
            Mode::Practice(p) => {
                let step = screen.ladder().and_then(|l| l.steps.get(p.step));
                let what = step.map_or(String::new(), |s| s.what.clone());
                let heading = vec![(format!("Step: {what}"), theme.dim)];
                match p.stage {
                    Stage::Before => p.before.render(area, buf, theme, heading),
                    Stage::After => p.after.render(area, buf, theme, heading),
                    Stage::During => {
                        let minutes = view.now.saturating_duration_since(p.started).as_secs() / 60;
                        let mut lines = wrapped(&format!("Practising: {what}"), theme.title, 3);
                        lines.push((String::new(), theme.text));
                        lines.push((format!("{minutes} min"), theme.selected));
                        lines.push((String::new(), theme.text));
                        if p.rating {
                            lines.extend(wrapped("Fear now, 0 to 10?", theme.title, 1));
                        } else if !p.during.is_empty() {
                            let shown: Vec<String> = p.during.iter().map(u8::to_string).collect();
                            lines.extend(wrapped(
                                &format!("Fear so far: {}", shown.join(" · ")),
                                theme.text,
                                2,
                            ));
                        }
                        lines.extend(wrapped(view.ctx.content.say("ladder.during"), theme.dim, 3));
                        ui::page(buf, area, lines, Align::Left);
                    }
                }
            }
        }
    }
}
