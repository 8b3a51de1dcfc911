//! The Reframe screen: the thought record one step at a time. Text steps
//! have a multi-line field (and, for the thought, the balanced thought and
//! the next step, a list to pick from); the next step also has the
//! "I"-statement helper; the ratings take digits and arrows; a review shows
//! everything before it is kept. Nothing typed is lost going back and forth.

use std::cell::Cell;
use std::time::Instant;

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Constraint, Layout, Margin, Position, Rect, Size};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Cell as TableCell, HighlightSpacing, LineGauge, List, ListItem, ListState, Paragraph, Row,
    StatefulWidget, Table, Widget,
};

use super::{Cx, Drawn, Kind, Outcome, Screen, View, can_move, typed_char};
use crate::content::Reframing;
use crate::exercise::reframing::{ANSWER_LIMIT, PART_LIMIT, ReframeFlow, Step, nudge, type_digit};
use crate::keys::{self, Action, Tables};
use crate::session::Finished;
use crate::text_field::TextField;
use crate::ui::field::FieldView;
use crate::ui::{self, Theme};
use crate::words;

/// Where the keys go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Focus {
    /// The step's own text field.
    Field,
    /// The list to pick from.
    List,
    /// One of the "I"-statement's three parts.
    Part(usize),
    /// Out of every field: the step keys work.
    Away,
}

const PART_LABELS: [&str; 3] = ["I feel", "when", "and I need / I'd like"];

/// Where the step's parts go on screen.
#[derive(Debug, Default)]
struct Areas {
    header: Rect,
    prompt: Rect,
    /// Below the prompt: ratings and the review fill it.
    body: Rect,
    /// The step's own field, and whether it is boxed.
    field: Option<(Rect, bool)>,
    list: Option<Rect>,
    statement: Option<StatementAreas>,
}

#[derive(Debug, Default)]
struct StatementAreas {
    title: Option<Rect>,
    /// Each part's label and field.
    parts: [(Rect, Rect); 3],
    sentence: Rect,
}

pub struct Reframe {
    flow: ReframeFlow,
    /// The field of the step on screen; its text goes back into the flow
    /// whenever the step changes.
    field: TextField,
    parts: [TextField; 3],
    focus: Focus,
    picked: usize,
    started: Instant,
    /// Set once it was kept (saved, or left and kept as unfinished).
    ended: bool,
    /// The field's text width when last drawn, so ↑ ↓ move by the rows the
    /// person sees. (A cell: drawing is the only thing that knows it.)
    field_width: Cell<u16>,
}

impl Reframe {
    pub fn new(content: Reframing, now: Instant) -> Reframe {
        let flow = ReframeFlow::new(content);
        let mut screen = Reframe {
            flow,
            field: TextField::multiline(ANSWER_LIMIT),
            parts: std::array::from_fn(|_| TextField::new(PART_LIMIT)),
            focus: Focus::Field,
            picked: 0,
            started: now,
            ended: false,
            field_width: Cell::new(60),
        };
        screen.enter_step();
        screen
    }

    pub fn flow(&self) -> &ReframeFlow {
        &self.flow
    }

    fn tables(&self) -> Tables {
        match (self.flow.step(), self.focus) {
            (Step::Review, _) => &[keys::REFRAME_REVIEW],
            (Step::Strength | Step::Rerate, _) => &[keys::REFRAME_RATING],
            (_, Focus::List) => &[keys::REFRAME_LIST],
            (_, Focus::Field | Focus::Part(_)) => &[keys::REFRAME_FIELD, keys::EDIT],
            (_, Focus::Away) => &[keys::REFRAME],
        }
    }

    fn typing(&self) -> bool {
        !self.ended
            && matches!(self.focus, Focus::Field | Focus::Part(_))
            && !matches!(
                self.flow.step(),
                Step::Review | Step::Strength | Step::Rerate
            )
    }

    fn has_field(&self) -> bool {
        self.flow.text(self.flow.step()).is_some()
    }

    /// Loads the step's saved text into the field.
    fn enter_step(&mut self) {
        let step = self.flow.step();
        let text = self.flow.text(step).unwrap_or_default().to_string();
        self.field = TextField::multiline_with(ANSWER_LIMIT, &text);
        self.picked = 0;
        self.focus = if self.has_field() {
            Focus::Field
        } else {
            Focus::Away
        };
        if step == Step::NextStep {
            let a = self.flow.answers();
            let texts = [
                &a.statement_feeling,
                &a.statement_situation,
                &a.statement_need,
            ];
            self.parts = std::array::from_fn(|i| TextField::with_text(PART_LIMIT, texts[i]));
        }
    }

    /// Puts the field (and parts) back into the flow.
    fn keep_text(&mut self) {
        let step = self.flow.step();
        let text = self.field.text();
        if let Some(answer) = self.flow.text_mut(step) {
            *answer = text;
        }
        if step == Step::NextStep {
            let [feeling, situation, need] = self.parts.each_ref().map(TextField::text);
            let a = self.flow.answers_mut();
            a.statement_feeling = feeling;
            a.statement_situation = situation;
            a.statement_need = need;
        }
    }

    fn go(&mut self, forward: bool) -> bool {
        self.keep_text();
        let moved = if forward {
            self.flow.forward()
        } else {
            self.flow.back()
        };
        if moved {
            self.enter_step();
        }
        moved
    }

    /// Ends the exercise: `saved` from the review, or left early. Either
    /// way it is kept, with whatever was written.
    fn finish(&mut self, now: Instant, saved: bool) -> Finished {
        self.keep_text();
        self.ended = true;
        let seconds = now.saturating_duration_since(self.started).as_secs();
        let session = self.flow.session(seconds, saved);
        let farewell = session
            .reframe
            .as_ref()
            .map_or_else(Vec::new, |r| r.farewell());
        Finished {
            session,
            summary: words::reframe_summary(saved, &farewell),
        }
    }

    fn focus_order(&self) -> Vec<Focus> {
        let step = self.flow.step();
        let mut order = vec![Focus::Field];
        if !self.flow.choices(step).is_empty() {
            order.push(Focus::List);
        }
        if step == Step::NextStep {
            order.extend((0..3).map(Focus::Part));
        }
        order
    }

    fn cycle_focus(&mut self, forward: bool) {
        let order = self.focus_order();
        let at = order.iter().position(|f| *f == self.focus).unwrap_or(0);
        let next = if forward {
            (at + 1) % order.len()
        } else {
            (at + order.len() - 1) % order.len()
        };
        self.focus = order[next];
    }

    fn field_at_start(&self) -> bool {
        match self.focus {
            Focus::Part(i) => self.parts[i].at_start(),
            _ => self.field.at_start(),
        }
    }

    /// The field (or statement part) that has the keys.
    fn field_mut(&mut self) -> &mut TextField {
        match self.focus {
            Focus::Part(i) => &mut self.parts[i],
            _ => &mut self.field,
        }
    }

    /// Keys while typing: the field table's actions.
    fn handle_field(&mut self, action: Action) -> Outcome {
        let rows = if self.focus == Focus::Field {
            self.field_width.get()
        } else {
            0
        };
        match action {
            Action::StepOn => changed(self.go(true)),
            Action::StepBack => changed(self.go(false)),
            Action::Newline => changed(self.field_mut().newline()),
            Action::Focus => {
                self.cycle_focus(true);
                Outcome::Changed
            }
            Action::FocusBack => {
                self.cycle_focus(false);
                Outcome::Changed
            }
            Action::LeaveField => {
                self.focus = Focus::Away;
                Outcome::Changed
            }
            // At the very start of the step's field, ← is a step back.
            Action::Previous if self.field_mut().at_start() => {
                if self.focus == Focus::Field {
                    changed(self.go(false))
                } else {
                    Outcome::Ignored
                }
            }
            Action::Previous => changed(self.field_mut().left()),
            Action::Edit(edit) => changed(self.field_mut().apply(edit, rows)),
            _ => Outcome::Ignored,
        }
    }

    /// Keys out of the fields: steps, ratings, the list, the review.
    fn handle_away(&mut self, action: Action, now: Instant) -> Outcome {
        let step = self.flow.step();
        match action {
            Action::Back => return Outcome::Ended(self.finish(now, false)),
            Action::Select if step == Step::Review => {
                return Outcome::Ended(self.finish(now, true));
            }
            Action::StepBack => return changed(self.go(false)),
            Action::StepOn => return changed(self.go(true)),
            _ => {}
        }
        if let Some(rating) = self.flow.strength_mut(step) {
            match action {
                Action::Digit(d) => *rating = Some(type_digit(*rating, d)),
                Action::Previous => *rating = Some(nudge(*rating, false)),
                Action::Next => *rating = Some(nudge(*rating, true)),
                Action::Clear => *rating = None,
                Action::Select => {
                    self.go(true);
                }
                _ => return Outcome::Ignored,
            }
            return Outcome::Changed;
        }
        match (self.focus, action) {
            (Focus::List, Action::Up) => self.picked = self.picked.saturating_sub(1),
            (Focus::List, Action::Down) => {
                let count = self.flow.choices(step).len();
                self.picked = (self.picked + 1).min(count.saturating_sub(1));
            }
            (Focus::List, Action::Select) => {
                // A pick fills the field, to be made one's own.
                let choice = self.flow.choices(step)[self.picked].to_string();
                self.field = TextField::multiline_with(ANSWER_LIMIT, &choice);
                self.focus = Focus::Field;
            }
            (Focus::List, Action::LeaveField) => self.focus = Focus::Field,
            (_, Action::Focus) => self.cycle_focus(true),
            (_, Action::FocusBack) => self.cycle_focus(false),
            (Focus::Away, Action::Type) => self.focus = Focus::Field,
            (_, Action::Template) if step == Step::NextStep => {
                self.keep_text();
                self.flow.switch_template(true);
            }
            (Focus::Away, Action::Previous) => return changed(self.go(false)),
            (Focus::Away, Action::Next) => return changed(self.go(true)),
            _ => return Outcome::Ignored,
        }
        Outcome::Changed
    }

    /// The step's prompt, its hint and (for a question) the kind word.
    fn prompt_lines(&self, width: usize, roomy: bool, theme: &Theme) -> Vec<(String, Style)> {
        let content = self.flow.content();
        let step = self.flow.step();
        let (prompt, hint) = match step {
            Step::Question(i) => {
                let q = &content.questions[i];
                (q.text.as_str(), q.hint.as_deref())
            }
            other => content.prompt(prompt_id(other)),
        };
        let mut lines: Vec<(String, Style)> = ui::wrap(prompt, width, 2)
            .into_iter()
            .map(|l| (l, theme.title))
            .collect();
        if let Some(hint) = hint {
            let rows = if roomy { 2 } else { 1 };
            lines.extend(
                ui::wrap(hint, width, rows)
                    .into_iter()
                    .map(|l| (l, theme.dim)),
            );
        }
        if let Step::Question(i) = step
            && let Some(kind) = self.flow.compassion(i)
        {
            lines.push((kind.to_string(), theme.notice));
        }
        lines
    }

    /// Where everything goes, by height band: the header, the prompt, then
    /// the step's own parts. Room goes to the field, then the list; in a
    /// small window the next step keeps one row so the statement fits.
    fn areas(&self, area: Rect, prompt_rows: u16) -> Areas {
        let roomy = area.height >= 18;
        let [header, _, prompt, _, body] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Length(prompt_rows),
            Constraint::Length(1),
            Constraint::Fill(1),
        ])
        .areas(area);
        let body = body.inner(Margin::new(1, 0));
        let step = self.flow.step();
        let mut areas = Areas {
            header,
            prompt: prompt.inner(Margin::new(2, 0)),
            body: body.inner(Margin::new(1, 0)),
            ..Areas::default()
        };
        if self.flow.text(step).is_none() {
            return areas;
        }
        let next_step = step == Step::NextStep;
        let has_list = !self.flow.choices(step).is_empty();
        let field_rows = if roomy {
            4
        } else if next_step {
            1
        } else {
            let others = if has_list { 4 } else { 2 };
            body.height.saturating_sub(others).clamp(1, 3)
        };
        let boxed = field_rows > 1;
        let field_height = if boxed { field_rows + 2 } else { 1 };
        let list_height = match (next_step, roomy, has_list) {
            (_, _, false) | (true, false, _) => 0,
            (true, true, true) => 3,
            (false, _, true) => body.height.saturating_sub(field_height + 1),
        };
        let list_height = if list_height > 1 { list_height } else { 0 };
        let [field, list, statement] = Layout::vertical([
            Constraint::Length(field_height),
            Constraint::Length(list_height),
            Constraint::Fill(1),
        ])
        .areas(body);
        areas.field = Some((field, boxed));
        areas.list = (list.height > 1).then(|| list.inner(Margin::new(1, 0)));
        if next_step && statement.height >= 3 {
            let title = u16::from(roomy) * 2;
            let [title, parts, sentence] = Layout::vertical([
                Constraint::Length(title),
                Constraint::Length(3),
                Constraint::Fill(1),
            ])
            .areas(statement.inner(Margin::new(1, 0)));
            let label = 24u16.min(area.width / 3);
            let parts: [Rect; 3] = Layout::vertical([Constraint::Length(1); 3]).areas(parts);
            areas.statement = Some(StatementAreas {
                title: (title.height > 0).then(|| title.rows().next_back().unwrap_or(title)),
                parts: parts.map(|row| {
                    let [label_area, field] =
                        Layout::horizontal([Constraint::Length(label), Constraint::Fill(1)])
                            .areas(row);
                    (label_area, field)
                }),
                sentence,
            });
        }
        areas
    }

    /// Where each field goes, with how it shows, for drawing and the cursor.
    fn fields(&self, areas: &Areas) -> Vec<(FieldView<'_>, Rect)> {
        let mut fields = Vec::new();
        if let Some((rect, boxed)) = areas.field {
            fields.push((
                FieldView {
                    field: &self.field,
                    focused: self.focus == Focus::Field,
                    placeholder: "type here, or press Enter to skip",
                    boxed,
                    counter: boxed,
                },
                rect,
            ));
        }
        if let Some(statement) = &areas.statement {
            for (i, (_, rect)) in statement.parts.iter().enumerate() {
                fields.push((
                    FieldView {
                        field: &self.parts[i],
                        focused: self.focus == Focus::Part(i),
                        placeholder: "",
                        boxed: false,
                        counter: false,
                    },
                    *rect,
                ));
            }
        }
        fields
    }

    fn layout(&self, area: Rect, theme: &Theme) -> (Vec<(String, Style)>, Areas) {
        let roomy = area.height >= 18;
        let prompt = self.prompt_lines(area.width.saturating_sub(4) as usize, roomy, theme);
        let room = area.height.saturating_sub(4);
        let areas = self.areas(area, (prompt.len() as u16).min(room));
        (prompt, areas)
    }

    /// The list to pick from, under its label; ratatui's list keeps the
    /// picked row in view as it moves.
    fn render_list(&self, theme: &Theme, rect: Rect, buf: &mut Buffer) {
        let choices = self.flow.choices(self.flow.step());
        let focused = self.focus == Focus::List;
        let label = if focused {
            "Pick one (enter):"
        } else {
            "Or pick one (tab):"
        };
        let [label_row, rows] =
            Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(rect);
        Paragraph::new(Line::styled(label, theme.dim)).render(label_row, buf);
        let width = rows.width.saturating_sub(2) as usize;
        let items: Vec<ListItem> = choices
            .iter()
            .map(|c| ListItem::new(ui::fit(c, width)))
            .collect();
        let mut state = ListState::default().with_selected(focused.then_some(self.picked));
        StatefulWidget::render(
            List::new(items)
                .style(theme.text)
                .highlight_style(theme.selected)
                .highlight_symbol("▸ ")
                .highlight_spacing(HighlightSpacing::Always),
            rows,
            buf,
            &mut state,
        );
    }

    /// The "I"-statement: its three parts beside their labels, and the
    /// sentence they make.
    fn render_statement(&self, theme: &Theme, areas: &StatementAreas, buf: &mut Buffer) {
        let content = self.flow.content();
        if let Some(title) = areas.title {
            let (text, _) = content.prompt("statement");
            Paragraph::new(Line::styled(
                ui::fit(text, title.width as usize),
                theme.title,
            ))
            .render(title, buf);
        }
        for ((label_area, _), label) in areas.parts.iter().zip(PART_LABELS) {
            let width = label_area.width.saturating_sub(1) as usize;
            Paragraph::new(Line::styled(ui::fit(label, width), theme.dim)).render(*label_area, buf);
        }
        let a = self.flow.answers();
        if let Some(template) = content.statements.get(a.template) {
            let [feeling, situation, need] = self.parts.each_ref().map(TextField::text);
            let sentence = template.fill(&feeling, &situation, &need);
            let width = areas.sentence.width as usize;
            let rows = (areas.sentence.height as usize).min(2);
            let lines: Vec<Line> = ui::wrap(&format!("“{sentence}”"), width, rows)
                .into_iter()
                .map(|l| Line::styled(l, theme.accent))
                .collect();
            Paragraph::new(lines).render(areas.sentence, buf);
        }
    }

    fn render_rating(&self, theme: &Theme, value: Option<u8>, rect: Rect, buf: &mut Buffer) {
        let number = value.map_or("–".to_string(), |v| v.to_string());
        let width = rect.width.min(56);
        LineGauge::default()
            .ratio(f64::from(value.unwrap_or(0)) / 100.0)
            .label(Span::styled(format!("{number:>3} "), theme.title))
            .filled_symbol("━")
            .unfilled_symbol("─")
            .filled_style(theme.hold)
            .unfilled_style(theme.dim)
            .render(Rect::new(rect.x, rect.y, width, 1), buf);
    }

    fn render_review(&self, theme: &Theme, rect: Rect, buf: &mut Buffer) {
        let a = self.flow.answers();
        let content = self.flow.content();
        let width = rect.width as usize;
        let strength = |v: Option<u8>| v.map(|v| format!("{v}/100"));
        let mut rows: Vec<(String, Option<String>)> = vec![
            ("What happened".into(), Some(a.situation.clone())),
            ("The thought".into(), Some(a.thought.clone())),
            ("The feeling".into(), Some(a.feeling.clone())),
            ("How strong".into(), strength(a.strength_before)),
        ];
        for (q, answer) in content.questions.iter().zip(&a.answers) {
            rows.push((q.text.trim_end_matches('?').into(), Some(answer.clone())));
        }
        rows.push(("Balanced thought".into(), Some(a.balanced.clone())));
        rows.push(("How strong now".into(), strength(a.strength_after)));
        rows.push(("Next step".into(), Some(a.next_step.clone())));
        rows.push(("\"I\"-statement".into(), self.flow.statement()));
        let label_width = (width / 3).min(26);
        let value_width = width.saturating_sub(label_width);
        let filled: Vec<Row> = rows
            .into_iter()
            .filter_map(|(label, value)| {
                let value = value.filter(|v| !v.trim().is_empty())?;
                Some(Row::new([
                    TableCell::from(ui::fit(&label, label_width.saturating_sub(1)))
                        .style(theme.dim),
                    TableCell::from(ui::fit(&value.replace('\n', " "), value_width))
                        .style(theme.text),
                ]))
            })
            .collect();
        if filled.is_empty() {
            let text = ui::fit("Nothing written yet; that is all right too.", width);
            return Paragraph::new(Line::styled(text, theme.dim)).render(rect, buf);
        }
        let widths = [Constraint::Length(label_width as u16), Constraint::Fill(1)];
        Widget::render(Table::new(filled, widths).column_spacing(0), rect, buf);
    }
}

impl Screen for Reframe {
    fn kind(&self) -> Kind {
        Kind::Reframe
    }

    fn bindings(&self) -> Tables {
        self.tables()
    }

    fn enabled(&self, action: Action) -> bool {
        let step = self.flow.step();
        match action {
            Action::Focus | Action::FocusBack => self.focus_order().len() > 1,
            Action::Template => step == Step::NextStep,
            Action::Up | Action::Down => {
                can_move(self.picked, action, self.flow.choices(step).len())
            }
            Action::Newline => self.focus == Focus::Field,
            // Back needs a step before this one; ← in a field also moves the cursor.
            Action::StepBack => self.flow.position().0 > 1,
            Action::Previous if self.typing() => {
                !self.field_at_start() || (self.focus == Focus::Field && self.flow.position().0 > 1)
            }
            Action::Previous if self.focus == Focus::Away => self.flow.position().0 > 1,
            _ => true,
        }
    }

    fn takes_text(&self) -> bool {
        self.typing()
    }

    fn handle(&mut self, action: Action, cx: &mut Cx) -> Outcome {
        if self.ended {
            return Outcome::Ignored;
        }
        if self.typing() {
            self.handle_field(action)
        } else {
            self.handle_away(action, cx.now)
        }
    }

    /// Printable keys are text while a field or a part has the keys.
    fn type_key(&mut self, key: KeyEvent, _cx: &mut Cx) -> Outcome {
        match typed_char(&key) {
            Some(c) if self.typing() => {
                self.field_mut().insert(c);
                Outcome::Changed
            }
            _ => Outcome::Ignored,
        }
    }

    fn paste(&mut self, text: &str, _cx: &mut Cx) -> Outcome {
        if !self.typing() {
            return Outcome::Ignored;
        }
        self.field_mut().insert_str(text);
        Outcome::Changed
    }

    fn abandon(&mut self, now: Instant) -> Option<Finished> {
        (!self.ended).then(|| self.finish(now, false))
    }

    fn min_size(&self) -> Size {
        Size::new(30, 7)
    }

    fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        Drawn { screen: self, view }.render(area, buf);
    }

    fn cursor(&self, area: Rect, view: &View) -> Option<Position> {
        let (_, areas) = self.layout(area, view.theme());
        self.fields(&areas)
            .into_iter()
            .find_map(|(field, rect)| field.cursor(rect))
    }
}

/// The thought record at one instant, as a ratatui widget.
impl Widget for Drawn<'_, Reframe> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let Self { screen, view } = self;
        let theme = view.theme();
        let (prompt, areas) = screen.layout(area, theme);
        let (at, of) = screen.flow.position();
        ui::header(
            buf,
            areas.header,
            "soothe · Reframe",
            &format!("step {at} of {of}"),
            theme,
        );
        let lines: Vec<Line> = prompt
            .into_iter()
            .map(|(text, style)| Line::styled(ui::fit(&text, areas.prompt.width as usize), style))
            .collect();
        Paragraph::new(lines).render(areas.prompt, buf);
        match screen.flow.step() {
            Step::Strength => screen.render_rating(
                theme,
                screen.flow.answers().strength_before,
                areas.body,
                buf,
            ),
            Step::Rerate => {
                screen.render_rating(theme, screen.flow.answers().strength_after, areas.body, buf)
            }
            Step::Review => screen.render_review(theme, areas.body, buf),
            _ => {}
        }
        if let Some((rect, boxed)) = areas.field {
            // ↑ ↓ move by the rows the person sees.
            screen
                .field_width
                .set(rect.width.saturating_sub(if boxed { 4 } else { 2 }));
        }
        for (field, rect) in screen.fields(&areas) {
            field.render(theme, rect, buf);
        }
        if let Some(list) = areas.list {
            screen.render_list(theme, list, buf);
        }
        if let Some(statement) = &areas.statement {
            screen.render_statement(theme, statement, buf);
        }
    }
}

fn changed(moved: bool) -> Outcome {
    if moved {
        Outcome::Changed
    } else {
        Outcome::Ignored
    }
}

fn prompt_id(step: Step) -> &'static str {
    match step {
        Step::Situation => "situation",
        Step::Thought => "thought",
        Step::Feeling => "feeling",
        Step::Strength => "strength",
        Step::Question(_) => "question",
        Step::Balanced => "balanced",
        Step::Rerate => "rerate",
        Step::NextStep => "next-step",
        Step::Review => "review",
    }
}
