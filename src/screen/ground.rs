//! The Ground screen: one sense at a time, its prompt and a hint, a text
//! field for each thing noticed, dots for progress, and at the end what was
//! noticed, sense by sense. Untimed: nothing here moves on its own. While
//! the field has the keys every printable key types itself.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use std::time::Instant;

use super::{Ctx, Effect, Outcome, SessionEnd};
use crate::content::Grounding;
use crate::exercise::grounding::{Counted, GroundingFlow, ITEM_LIMIT, Item};
use crate::keys::{self, Action, Binding};
use crate::text_field::TextField;
use crate::ui::field::FieldView;
use crate::ui::{self, Align, Theme};

const MIN_WIDTH: u16 = 20;
const MIN_HEIGHT: u16 = 5;
/// Rows of text the field shows before it scrolls with the cursor.
const FIELD_ROWS: u16 = 3;

pub struct Ground {
    flow: GroundingFlow,
    /// Only for the journal's duration: nothing here is timed.
    started: Instant,
    field: TextField,
    /// Whether the field has the keys (Esc leaves it, Enter returns).
    editing: bool,
    /// Set once the last item is in, or the person ended early.
    ended: bool,
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

    pub fn is_ended(&self) -> bool {
        self.ended
    }

    /// Whether keys go to the text field rather than the binding table.
    pub fn takes_text(&self) -> bool {
        self.editing && !self.ended
    }

    pub fn bindings(&self) -> &'static [Binding] {
        if self.ended {
            keys::SUMMARY
        } else if self.editing {
            keys::GROUND_FIELD
        } else {
            keys::GROUND
        }
    }

    /// A key while not typing: the binding table decided `action`.
    pub fn handle(&mut self, action: Action, now: Instant) -> Outcome {
        if self.ended {
            return match action {
                Action::Select | Action::Back => Outcome::Back,
                _ => Outcome::Ignored,
            };
        }
        match action {
            Action::Type => self.editing = true,
            Action::Previous => self.back_a_step(),
            Action::Back => return Outcome::Emit(vec![Effect::SessionEnded(self.finish(now))]),
            _ => return Outcome::Ignored,
        }
        Outcome::Changed
    }

    /// Ends the session: the summary shows, and the journal gets this.
    fn finish(&mut self, now: Instant) -> SessionEnd {
        self.ended = true;
        let duration = now.saturating_duration_since(self.started).as_secs();
        SessionEnd::grounding(&self.flow, duration)
    }

    pub fn abandon(&mut self, now: Instant) -> Option<SessionEnd> {
        (!self.ended).then(|| self.finish(now))
    }

    /// A key while typing. Printable characters are text, whatever they do
    /// elsewhere; the field's table names the few keys that act.
    pub fn type_key(&mut self, key: KeyEvent, now: Instant) -> Outcome {
        let plain = !key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SUPER);
        if let (KeyCode::Char(c), true) = (key.code, plain) {
            self.field.insert(c);
            return Outcome::Changed;
        }
        if let Some(action) = keys::lookup(keys::GROUND_FIELD, &key) {
            match action {
                Action::Select => {
                    if let Some(end) = self.submit(now) {
                        return Outcome::Emit(vec![Effect::SessionEnded(end)]);
                    }
                }
                Action::LeaveField => self.editing = false,
                Action::Previous if !self.field.at_start() => {
                    self.field.left();
                }
                Action::Previous => self.back_a_step(),
                _ => return Outcome::Ignored,
            }
            return Outcome::Changed;
        }
        match super::edit_field(&mut self.field, key, 0) {
            Some(true) => Outcome::Changed,
            _ => Outcome::Ignored,
        }
    }

    /// A bracketed paste: one event, cleaned and capped by the field.
    pub fn paste(&mut self, text: &str) -> Outcome {
        if !self.takes_text() {
            return Outcome::Ignored;
        }
        self.field.insert_str(text);
        Outcome::Changed
    }

    /// Counts the field's item; the session's end once the last is in.
    fn submit(&mut self, now: Instant) -> Option<SessionEnd> {
        let text = self.field.take();
        match self.flow.submit(&text) {
            Counted::Item => None,
            Counted::NextStep => {
                self.field = TextField::with_text(ITEM_LIMIT, &self.flow.take_draft());
                None
            }
            Counted::Finished => Some(self.finish(now)),
        }
    }

    fn back_a_step(&mut self) {
        if self.flow.step_index() == 0 {
            return;
        }
        // Whatever is half typed here waits for the return to this step.
        self.flow.save_draft(self.field.text());
        if let Some(reopened) = self.flow.back() {
            self.field = TextField::with_text(ITEM_LIMIT, &reopened);
        }
    }

    /// Draws the screen and says where the text cursor goes, if anywhere.
    pub fn render(&self, ctx: &Ctx, area: Rect, buf: &mut Buffer) -> Option<Position> {
        let theme = &ctx.theme;
        if self.ended {
            self.render_summary(theme, area, buf);
            return None;
        }
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            ui::too_small(area, buf, theme);
            return None;
        }
        let step = self.flow.step();
        let variant = self.flow.variant();
        let inner = area.width.saturating_sub(4);
        let roomy = area.height >= 16;
        let show_header = area.height >= 9;
        let show_footer = area.height >= 7;
        let boxed = area.height >= 10;

        let mut y = area.y;
        if show_header {
            let (step_no, steps) = (self.flow.step_index() + 1, variant.steps.len());
            let (counted, items) = (self.flow.total_counted(), variant.items());
            let counts = if area.width >= 60 {
                format!("step {step_no} of {steps} · {counted} of {items} noticed")
            } else {
                format!("{step_no} of {steps} · {counted} of {items}")
            };
            ui::header(
                buf,
                area,
                &format!("soothe · {}", variant.name),
                &counts,
                theme,
            );
            y += if roomy { 2 } else { 1 };
        }
        if roomy {
            // A tall window: the exercise sits a little lower, nearer the eye.
            y += area.height.saturating_sub(22) / 2 + 1;
        }

        // The sense and its dots: filled for each thing noticed.
        let done = self.flow.items().len();
        let dots: String = (0..step.count)
            .map(|i| if i < done { '●' } else { '○' })
            .collect();
        let line = Line::from(vec![
            Span::styled(format!("  {}  ", step.sense.title()), theme.title),
            Span::styled(dots, theme.selected.remove_modifier(Modifier::REVERSED)),
        ]);
        Paragraph::new(line).render(Rect::new(area.x, y, area.width, 1), buf);
        y += if roomy { 2 } else { 1 };

        let footer_rows = u16::from(show_footer);
        let field_rows = if boxed { FIELD_ROWS + 2 } else { 1 };
        // Whatever is left after the field and footer goes to the prompt first.
        let spare = area.bottom().saturating_sub(y + field_rows + footer_rows) as usize;
        let prompt_rows = spare.clamp(1, 3);
        let prompt = ui::wrap(&step.prompt, inner as usize, prompt_rows);
        for line in &prompt {
            Paragraph::new(Line::styled(format!("  {line}"), theme.text))
                .render(Rect::new(area.x, y, area.width, 1), buf);
            y += 1;
        }
        if roomy {
            y += 1;
        }

        let cursor = self.render_field(
            theme,
            Rect::new(area.x + 1, y, area.width - 2, field_rows),
            buf,
            boxed,
        );
        y += field_rows;

        // Below the field, as room allows: the hint, then what is noticed so far.
        let mut below = Vec::new();
        if let Some(hint) = self.flow.hint() {
            below.extend(
                ui::wrap(hint, inner as usize, 2)
                    .into_iter()
                    .map(|l| (l, theme.dim)),
            );
        }
        // What this step has named so far (not the whole summary, every frame).
        let named: Vec<&str> = self
            .flow
            .items()
            .iter()
            .filter_map(|item| match item {
                Item::Named(text) => Some(text.as_str()),
                Item::Silent => None,
            })
            .collect();
        if !named.is_empty() {
            below.push((
                ui::fit(&format!("So far: {}", named.join(" · ")), inner as usize),
                theme.dim,
            ));
        }
        if roomy {
            y += 1;
        }
        let last = area.bottom().saturating_sub(footer_rows + u16::from(roomy));
        for (text, style) in below {
            if y >= last {
                break;
            }
            Paragraph::new(Line::styled(format!("  {text}"), style))
                .render(Rect::new(area.x, y, area.width, 1), buf);
            y += 1;
        }
        if show_footer {
            let tables: &[&'static [Binding]] = if self.editing {
                &[keys::GROUND_FIELD]
            } else {
                &[keys::GROUND, keys::GLOBAL]
            };
            ui::footer_row(buf, area, tables, theme);
        }
        cursor
    }

    /// The field: boxed when there is room, else one row after "› ".
    /// The field: boxed when there is room, else one row after "›".
    fn render_field(
        &self,
        theme: &Theme,
        rect: Rect,
        buf: &mut Buffer,
        boxed: bool,
    ) -> Option<Position> {
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
        .render(theme, rect, buf)
    }

    fn render_summary(&self, theme: &Theme, area: Rect, buf: &mut Buffer) {
        if area.width < MIN_WIDTH || area.height < 3 {
            return ui::too_small(area, buf, theme);
        }
        let counted = self.flow.total_counted();
        let title = if self.flow.is_finished() {
            "You are here, in the room."
        } else if counted == 0 {
            "That is all right. Come back any time."
        } else {
            "Here is what you noticed."
        };
        let width = area.width.saturating_sub(4) as usize;
        let mut lines: Vec<(String, Style)> =
            vec![(title.into(), theme.title), (String::new(), theme.text)];
        for noticed in self.flow.summary() {
            let Some(described) = noticed.describe() else {
                continue;
            };
            let head = format!("{:<8} ", noticed.sense.noticed());
            lines.push((ui::fit(&format!("{head}{described}"), width), theme.text));
        }
        if counted > 0 {
            lines.push((String::new(), theme.text));
            let things = if counted == 1 { "thing" } else { "things" };
            lines.push((
                ui::fit(
                    &format!("{counted} {things} noticed. Notice how you feel now."),
                    width,
                ),
                theme.dim,
            ));
        }
        ui::page(buf, area, lines, Align::Block, keys::SUMMARY, theme);
    }
}
