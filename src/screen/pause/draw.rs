//! How a break looks, step by step: rows fitted to the window (the row
//! the keys act on stays in view) and the message box.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Margin, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{ListItem, Paragraph, Widget};

use super::{Pause, Step, clock_time};
use crate::exercise::pause::looks_flooded;
use crate::screen::{Drawn, View};
use crate::ui::field::FieldView;
use crate::ui::{self, scale};
use crate::words;

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
    pub(super) fn message_view(&self) -> FieldView<'_> {
        FieldView {
            field: &self.message,
            focused: self.editing,
            placeholder: "what you would like to say",
            boxed: true,
            counter: self.editing,
        }
    }

    /// The message page: the heading above, the box, the words below.
    pub(super) fn message_areas(&self, area: Rect) -> [Rect; 3] {
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
