//! The Ground screen: one sense at a time, its prompt and a hint, a text
//! field for each thing noticed, dots for progress. Untimed: nothing here
//! moves on its own. While the field has the keys every printable key
//! types itself.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Constraint, Layout, Position, Rect, Size};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use std::time::Instant;

use super::{Cx, Drawn, Kind, Outcome, Screen, View, typed_char};
use crate::content::Grounding;
use crate::exercise::grounding::{Counted, GroundingFlow, ITEM_LIMIT, Item};
use crate::keys::{self, Action, Edit, Tables};
use crate::session::Finished;
use crate::text_field::TextField;
use crate::ui;
use crate::ui::field::FieldView;
use crate::words;

/// Rows of text the field shows before it scrolls with the cursor.
const FIELD_ROWS: u16 = 3;

pub struct Ground {
    flow: GroundingFlow,
    /// Only for the journal's duration: nothing here is timed.
    started: Instant,
    field: TextField,
    /// Whether the field has the keys (Esc leaves it, Enter returns).
    editing: bool,
    /// Set once it ended (the last item, or the person ending it).
    ended: bool,
}

/// Where each part of the screen goes, for drawing and for the cursor.
struct Areas {
    header: Rect,
    sense: Rect,
    prompt: Rect,
    field: Rect,
    boxed: bool,
    below: Rect,
}

impl Ground {
    pub fn new(variant: Grounding, now: Instant) -> Ground {
        Ground {
            flow: GroundingFlow::new(variant),
            started: now,
            field: TextField::new(ITEM_LIMIT),
            editing: true,
            ended: false,
        }
    }

    pub fn flow(&self) -> &GroundingFlow {
        &self.flow
    }

    /// Ends the session: its account and what the ending shows.
    fn finish(&mut self, now: Instant) -> Finished {
        self.ended = true;
        let duration = now.saturating_duration_since(self.started).as_secs();
        Finished {
            session: self.flow.session(duration),
            summary: words::grounding_summary(&self.flow, self.flow.variant()),
        }
    }

    /// Counts the field's item; the end once the last is in.
    fn submit(&mut self, now: Instant) -> Outcome {
        let text = self.field.take();
        match self.flow.submit(&text) {
            Counted::Item => Outcome::Changed,
            Counted::NextStep => {
                self.field = TextField::with_text(ITEM_LIMIT, &self.flow.take_draft());
                Outcome::Changed
            }
            Counted::Finished => Outcome::Ended(self.finish(now)),
        }
    }

    fn back_a_step(&mut self) -> Outcome {
        if self.flow.step_index() == 0 {
            return Outcome::Ignored;
        }
        // Whatever is half typed here waits for the return to this step.
        self.flow.save_draft(self.field.text());
        if let Some(reopened) = self.flow.back() {
            self.field = TextField::with_text(ITEM_LIMIT, &reopened);
        }
        Outcome::Changed
    }

    /// Height bands: the header from 7 rows, the boxed field from 8, air
    /// from 14; the prompt takes what is left, up to three rows.
    fn areas(&self, area: Rect) -> Areas {
        let roomy = area.height >= 14;
        let boxed = area.height >= 8;
        let header = match (area.height >= 7, roomy) {
            (false, _) => 0,
            (true, false) => 1,
            (true, true) => 2,
        };
        // A tall window: the exercise sits a little lower, nearer the eye.
        let pad = if roomy {
            area.height.saturating_sub(20) / 2 + 1
        } else {
            0
        };
        let sense = if roomy { 2 } else { 1 };
        let field = if boxed { FIELD_ROWS + 2 } else { 1 };
        let gap = u16::from(roomy);
        let spare = area
            .height
            .saturating_sub(header + pad + sense + field + gap);
        let inner = area.width.saturating_sub(4) as usize;
        let prompt =
            ui::wrap(&self.flow.step().prompt, inner, spare.clamp(1, 3) as usize).len() as u16;
        let [header, _, sense, prompt, _, field, _, below] = Layout::vertical([
            Constraint::Length(header),
            Constraint::Length(pad),
            Constraint::Length(sense),
            Constraint::Length(prompt),
            Constraint::Length(gap),
            Constraint::Length(field),
            Constraint::Length(gap),
            Constraint::Fill(1),
        ])
        .areas(area);
        Areas {
            header,
            sense,
            prompt,
            field: Rect::new(
                field.x + 1,
                field.y,
                field.width.saturating_sub(2),
                field.height,
            ),
            boxed,
            below,
        }
    }

    fn field_view(&self, boxed: bool) -> FieldView<'_> {
        FieldView {
            field: &self.field,
            focused: self.editing,
            placeholder: if self.editing {
                "type what you notice, or just press Enter"
            } else {
                "enter to type again"
            },
            boxed,
            counter: false,
        }
    }
}

impl Screen for Ground {
    fn kind(&self) -> Kind {
        Kind::Ground
    }

    fn bindings(&self) -> Tables {
        if self.editing {
            &[keys::GROUND_FIELD, keys::EDIT]
        } else {
            &[keys::GROUND]
        }
    }

    fn enabled(&self, action: Action) -> bool {
        let first_step = self.flow.step_index() == 0;
        match action {
            Action::Previous if self.editing => !(first_step && self.field.at_start()),
            Action::Previous => !first_step,
            // One row: nothing above or below.
            Action::Edit(Edit::RowUp | Edit::RowDown) => false,
            _ => true,
        }
    }

    fn takes_text(&self) -> bool {
        self.editing
    }

    fn handle(&mut self, action: Action, cx: &mut Cx) -> Outcome {
        if self.ended {
            return Outcome::Ignored;
        }
        match (self.editing, action) {
            (true, Action::Select) => self.submit(cx.now),
            (true, Action::LeaveField) => {
                self.editing = false;
                Outcome::Changed
            }
            (true, Action::Previous) if !self.field.at_start() => {
                self.field.left();
                Outcome::Changed
            }
            (_, Action::Previous) => self.back_a_step(),
            (true, Action::Edit(edit)) => {
                if self.field.apply(edit, 0) {
                    Outcome::Changed
                } else {
                    Outcome::Ignored
                }
            }
            (false, Action::Type) => {
                self.editing = true;
                Outcome::Changed
            }
            (false, Action::Back) => Outcome::Ended(self.finish(cx.now)),
            _ => Outcome::Ignored,
        }
    }

    fn type_key(&mut self, key: KeyEvent, _cx: &mut Cx) -> Outcome {
        match typed_char(&key) {
            Some(c) if self.editing => {
                self.field.insert(c);
                Outcome::Changed
            }
            _ => Outcome::Ignored,
        }
    }

    /// A bracketed paste: one event, cleaned and capped by the field.
    fn paste(&mut self, text: &str, _cx: &mut Cx) -> Outcome {
        if !self.editing {
            return Outcome::Ignored;
        }
        self.field.insert_str(text);
        Outcome::Changed
    }

    fn abandon(&mut self, now: Instant) -> Option<Finished> {
        (!self.ended).then(|| self.finish(now))
    }

    fn min_size(&self) -> Size {
        Size::new(20, 4)
    }

    fn cursor(&self, area: Rect, _view: &View) -> Option<Position> {
        let areas = self.areas(area);
        self.field_view(areas.boxed).cursor(areas.field)
    }

    fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        Drawn { screen: self, view }.render(area, buf);
    }
}

/// The Ground screen at one instant, as a ratatui widget.
impl Widget for Drawn<'_, Ground> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let Self { screen, view } = self;
        let theme = view.theme();
        let areas = screen.areas(area);
        let step = screen.flow.step();
        let variant = screen.flow.variant();
        let inner = area.width.saturating_sub(4) as usize;
        if areas.header.height > 0 {
            let (step_no, steps) = (screen.flow.step_index() + 1, variant.steps.len());
            let (counted, items) = (screen.flow.total_counted(), variant.items());
            let counts = if area.width >= 60 {
                format!("step {step_no} of {steps} · {counted} of {items} noticed")
            } else {
                format!("{step_no} of {steps} · {counted} of {items}")
            };
            ui::header(
                buf,
                areas.header,
                &format!("soothe · {}", variant.name),
                &counts,
                theme,
            );
        }

        // The sense and its dots: filled for each thing noticed.
        let done = screen.flow.items().len();
        let dots: String = (0..step.count)
            .map(|i| if i < done { '●' } else { '○' })
            .collect();
        Paragraph::new(Line::from(vec![
            Span::styled(format!("  {}  ", step.sense.title()), theme.title),
            Span::styled(dots, theme.accent),
        ]))
        .render(areas.sense, buf);

        let prompt = ui::wrap(&step.prompt, inner, areas.prompt.height as usize);
        let lines: Vec<Line> = prompt
            .iter()
            .map(|l| Line::styled(format!("  {l}"), theme.text))
            .collect();
        Paragraph::new(lines).render(areas.prompt, buf);

        screen
            .field_view(areas.boxed)
            .render(theme, areas.field, buf);

        // Below the field, as room allows: the hint, then what this step has
        // named so far (not the whole summary, every frame).
        let mut below: Vec<Line> = Vec::new();
        if let Some(hint) = screen.flow.hint() {
            below.extend(
                ui::wrap(hint, inner, 2)
                    .into_iter()
                    .map(|l| Line::styled(format!("  {l}"), theme.dim)),
            );
        }
        let named: Vec<&str> = screen
            .flow
            .items()
            .iter()
            .filter_map(|item| match item {
                Item::Named(text) => Some(text.as_str()),
                Item::Silent => None,
            })
            .collect();
        if !named.is_empty() {
            below.push(Line::styled(
                format!(
                    "  {}",
                    ui::fit(&format!("So far: {}", named.join(" · ")), inner)
                ),
                theme.dim,
            ));
        }
        Paragraph::new(below).render(areas.below, buf);
    }
}
