//! Three good things: what went well today and why, three times. The why
//! is the part that matters, so it has its own field. The person's words
//! are kept in the journal whatever `save_text` says: they are written to
//! be read back.

use std::time::Instant;

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Constraint, Margin, Position, Rect, Size};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use super::{Ctx, Cx, Drawn, Kind, Outcome, Screen, View};
use crate::journal::{Exercise, GoodThing, Session};
use crate::keys::{self, Action, Tables};
use crate::session::{Finished, Summary, Tone};
use crate::text_field::TextField;
use crate::ui::field::FieldView;
use crate::ui::{self, Align};

const THINGS: usize = 3;
const LIMIT: usize = 200;

pub struct GoodThings {
    /// 0..6: what, why, what, why, what, why; 6: the last page.
    at: usize,
    /// What each field holds so far.
    answers: [String; 2 * THINGS],
    field: TextField,
    in_field: bool,
    started: Instant,
    ended: bool,
    credit: String,
}

impl GoodThings {
    pub fn new(ctx: &Ctx, now: Instant) -> GoodThings {
        GoodThings {
            at: 0,
            answers: Default::default(),
            field: TextField::new(LIMIT),
            in_field: true,
            started: now,
            ended: false,
            credit: ctx.content.say("good.credit").to_string(),
        }
    }

    /// The things written, with their whys.
    pub fn things(&self) -> Vec<GoodThing> {
        self.answers
            .chunks(2)
            .filter(|pair| !pair[0].trim().is_empty())
            .map(|pair| GoodThing {
                what: pair[0].trim().to_string(),
                why: pair[1].trim().to_string(),
            })
            .collect()
    }

    /// The field asks for a thing (else for its why).
    fn asks_what(&self) -> bool {
        self.at.is_multiple_of(2)
    }

    fn last_page(&self) -> bool {
        self.at == 2 * THINGS
    }

    /// To field `at`, keeping what the current one holds.
    fn go(&mut self, at: usize) {
        if !self.last_page() {
            self.answers[self.at] = self.field.text();
        }
        self.at = at;
        if !self.last_page() {
            self.field = TextField::with_text(LIMIT, &self.answers[at]);
        }
        self.in_field = !self.last_page();
    }

    fn finish(&mut self, now: Instant) -> Finished {
        if !self.last_page() {
            self.answers[self.at] = self.field.text();
        }
        self.ended = true;
        let things = self.things();
        let secs = now.saturating_duration_since(self.started).as_secs();
        let completed = self.last_page() && things.len() == THINGS;
        let mut session = Session::new(Exercise::Good, "three", completed, secs);
        session.good = things.clone();
        let mut lines = vec![
            ("Three good things".to_string(), Tone::Title),
            (String::new(), Tone::Text),
        ];
        for thing in &things {
            lines.push((format!("· {}", thing.what), Tone::Text));
            if !thing.why.is_empty() {
                lines.push((format!("  because {}", thing.why), Tone::Dim));
            }
        }
        lines.push((String::new(), Tone::Text));
        lines.push((self.credit.clone(), Tone::Dim));
        Finished {
            session,
            summary: Summary { lines, block: true },
        }
    }

    fn field_view(&self) -> FieldView<'_> {
        FieldView {
            field: &self.field,
            focused: self.in_field,
            placeholder: if self.asks_what() {
                "what went well"
            } else {
                "why it went well (Enter skips)"
            },
            boxed: true,
            counter: false,
        }
    }

    fn areas(area: Rect) -> [Rect; 3] {
        ui::stack(
            area.inner(Margin::new(2, 0))
                .centered_vertically(Constraint::Length(9)),
            [
                Constraint::Length(3),
                Constraint::Length(3),
                Constraint::Fill(1),
            ],
        )
    }
}

impl Screen for GoodThings {
    fn kind(&self) -> Kind {
        Kind::Good
    }

    fn bindings(&self) -> Tables {
        if self.last_page() {
            &[keys::GOOD_END]
        } else if self.in_field {
            &[keys::GOOD_FIELD, keys::EDIT]
        } else {
            &[keys::GOOD_AWAY]
        }
    }

    fn enabled(&self, action: Action) -> bool {
        match action {
            // A thing needs words; a why may be skipped.
            Action::Select if self.in_field && self.asks_what() => {
                !self.field.text().trim().is_empty()
            }
            Action::StepBack => self.at > 0,
            Action::Previous => !self.field.at_start(),
            Action::Edit(crate::keys::Edit::RowUp | crate::keys::Edit::RowDown) => false,
            _ => true,
        }
    }

    fn takes_text(&self) -> bool {
        self.in_field
    }

    fn handle(&mut self, action: Action, cx: &mut Cx) -> Outcome {
        if self.ended {
            return Outcome::Ignored;
        }
        match (self.in_field, action) {
            (true, Action::Select) => {
                self.go(self.at + 1);
                if self.last_page() {
                    cx.good_written();
                }
            }
            (_, Action::StepBack) if self.at > 0 => self.go(self.at - 1),
            (true, Action::Previous) => {
                self.field.left();
            }
            (true, Action::Edit(edit)) => {
                if !self.field.apply(edit, 0) {
                    return Outcome::Ignored;
                }
            }
            (true, Action::LeaveField) => self.in_field = false,
            (false, Action::Type) if !self.last_page() => self.in_field = true,
            (false, Action::Back) => return Outcome::Ended(self.finish(cx.now)),
            _ => return Outcome::Ignored,
        }
        Outcome::Changed
    }

    fn type_key(&mut self, key: KeyEvent, _cx: &mut Cx) -> Outcome {
        if !self.in_field {
            return Outcome::Ignored;
        }
        super::type_into(&mut self.field, &key)
    }

    fn paste(&mut self, text: &str, _cx: &mut Cx) -> Outcome {
        if !self.in_field {
            return Outcome::Ignored;
        }
        super::paste_line(&mut self.field, text)
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
        if !self.in_field {
            return None;
        }
        let [_, field, _] = GoodThings::areas(area);
        self.field_view().cursor(field)
    }
}

/// Three good things at one instant, as a ratatui widget.
impl Widget for Drawn<'_, GoodThings> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let Self { screen, view } = self;
        let theme = view.theme();
        let content = &view.ctx.content;
        let width = area.width.saturating_sub(4) as usize;
        if screen.last_page() {
            let mut rows: Vec<(String, Style)> = vec![
                (content.say("good.title").to_string(), theme.title),
                (String::new(), theme.text),
            ];
            for thing in screen.things() {
                rows.extend(
                    ui::wrap(&format!("· {}", thing.what), width, 2)
                        .into_iter()
                        .map(|l| (l, theme.text)),
                );
                if !thing.why.is_empty() {
                    rows.extend(
                        ui::wrap(
                            &format!("because {}", thing.why),
                            width.saturating_sub(2),
                            2,
                        )
                        .into_iter()
                        .map(|l| (format!("  {l}"), theme.dim)),
                    );
                }
            }
            rows.push((String::new(), theme.text));
            rows.extend(
                ui::wrap(content.say("good.end"), width, 2)
                    .into_iter()
                    .map(|l| (l, theme.text)),
            );
            return ui::page(buf, area, rows, Align::Left);
        }
        let [head, field, below] = GoodThings::areas(area);
        let thing = screen.at / 2 + 1;
        let (title, hint) = if screen.asks_what() {
            ("good.what", "good.what.hint")
        } else {
            ("good.why", "good.why.hint")
        };
        Paragraph::new(vec![
            Line::styled(
                ui::fit(
                    &format!("{} · {thing} of {THINGS}", content.say("good.title")),
                    width,
                ),
                theme.dim,
            ),
            Line::styled(ui::fit(content.say(title), width), theme.title),
        ])
        .render(head, buf);
        screen.field_view().render(theme, field, buf);
        let mut lines: Vec<Line> = ui::wrap(content.say(hint), width, 2)
            .into_iter()
            .map(|l| Line::styled(l, theme.dim))
            .collect();
        if !screen.asks_what() {
            lines.insert(
                0,
                Line::styled(
                    ui::fit(
                        &format!("· {}", screen.answers[screen.at - 1].trim()),
                        width,
                    ),
                    theme.text,
                ),
            );
        }
        Paragraph::new(lines).render(below, buf);
    }
}
