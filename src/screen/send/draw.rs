//! How a message looks, step by step: the draft with the findings' words
//! marked and the findings beside it, the ratings, the wait.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Modifier;
use ratatui::text::Line;
use ratatui::text::Span;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::{Send, Step, draft_areas};
use crate::exercise::send::Finding;
use crate::screen::{Drawn, View};
use crate::ui::field::FieldView;
use crate::ui::{self, scale};
use crate::words;

impl Send {
    pub(super) fn field_view(&self) -> FieldView<'_> {
        FieldView {
            field: &self.draft,
            focused: self.editing,
            placeholder: "write it all: what happened, what you feel, what you need",
            boxed: true,
            counter: self.editing,
        }
    }

    /// The draft as lines with the findings' words marked.
    fn marked_draft(&self, findings: &[Finding], view: &View) -> Vec<Line<'static>> {
        let theme = view.theme();
        let text = self.draft.text();
        let mut marks: Vec<std::ops::Range<usize>> = findings
            .iter()
            .flat_map(|f| f.marks.iter().cloned())
            .collect();
        marks.sort_by_key(|m| m.start);
        let marked_style = theme
            .accent
            .add_modifier(Modifier::UNDERLINED | Modifier::BOLD);
        let mut lines = Vec::new();
        let mut start = 0;
        for line in text.split('\n') {
            let end = start + line.len();
            let mut spans = Vec::new();
            let mut at = start;
            for mark in marks.iter().filter(|m| m.start >= start && m.end <= end) {
                if mark.start < at {
                    continue;
                }
                if mark.start > at {
                    spans.push(Span::styled(text[at..mark.start].to_string(), theme.text));
                }
                spans.push(Span::styled(text[mark.clone()].to_string(), marked_style));
                at = mark.end;
            }
            if at < end {
                spans.push(Span::styled(text[at..end].to_string(), theme.text));
            }
            lines.push(Line::from(spans));
            start = end + 1;
        }
        lines
    }

    fn finding_lines(&self, findings: &[Finding], view: &View, width: usize) -> Vec<Line<'static>> {
        let theme = view.theme();
        let content = &view.ctx.content;
        if findings.is_empty() {
            return ui::wrap(content.say("send.clean"), width, 3)
                .into_iter()
                .map(|l| Line::styled(l, theme.dim))
                .collect();
        }
        let mut lines = Vec::new();
        for finding in findings {
            let Some(rule) = self.rules.iter().find(|r| r.id == finding.rule) else {
                continue;
            };
            lines.push(Line::styled(
                ui::fit(&format!("· {}", rule.name), width),
                theme.title,
            ));
            lines.extend(
                ui::wrap(&rule.suggestion, width.saturating_sub(2), 4)
                    .into_iter()
                    .map(|l| Line::styled(format!("  {l}"), theme.dim)),
            );
        }
        lines
    }

    /// The draft marked, with the findings beside it (or below, when narrow).
    fn draw_checked(&self, head: &str, area: Rect, buf: &mut Buffer, view: &View) {
        let theme = view.theme();
        let [top, body] = draft_areas(area);
        Paragraph::new(Line::styled(ui::fit(head, top.width as usize), theme.title))
            .render(top, buf);
        let findings = self.findings();
        let wide = body.width >= 70;
        let (left, right) = if wide {
            let [l, _, r] = ratatui::layout::Layout::horizontal([
                Constraint::Percentage(58),
                Constraint::Length(2),
                Constraint::Fill(1),
            ])
            .areas(body);
            (l, r)
        } else {
            let draft_rows = (body.height / 2).max(2);
            let [l, r] = ui::stack(body, [Constraint::Length(draft_rows), Constraint::Fill(1)]);
            (l, r)
        };
        Paragraph::new(self.marked_draft(&findings, view))
            .wrap(Wrap { trim: false })
            .render(left, buf);
        Paragraph::new(self.finding_lines(&findings, view, right.width as usize))
            .render(right, buf);
    }

    fn draw_rating(&self, id: &str, value: Option<u8>, area: Rect, buf: &mut Buffer, view: &View) {
        let theme = view.theme();
        let width = area.width.saturating_sub(4) as usize;
        let wide = area.width >= 50;
        let mut lines: Vec<Line> = ui::wrap(view.ctx.content.say(id), width, 2)
            .into_iter()
            .map(|l| Line::styled(l, theme.title))
            .collect();
        lines.push(Line::default());
        lines.push(scale::line(value, wide, theme));
        lines.push(Line::default());
        lines.push(Line::styled(
            ui::fit("0 no urge · 10 I have to send it now", width),
            theme.dim,
        ));
        lines.truncate(area.height as usize);
        let block = area.centered_vertically(Constraint::Length(lines.len() as u16));
        Paragraph::new(lines).centered().render(block, buf);
    }
}

/// The message screen at one instant, as a ratatui widget.
impl Widget for Drawn<'_, Send> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let Self { screen, view } = self;
        let theme = view.theme();
        let content = &view.ctx.content;
        match screen.step {
            Step::Safety(safety) => safety.render(area, buf, view),
            Step::Urge => screen.draw_rating("send.urge", screen.urge_before, area, buf, view),
            Step::UrgeAgain => {
                screen.draw_rating("send.urge.again", screen.urge_after, area, buf, view)
            }
            Step::Draft => {
                let [top, field] = draft_areas(area);
                Paragraph::new(Line::styled(
                    ui::fit(content.say("send.draft"), top.width as usize),
                    theme.title,
                ))
                .render(top, buf);
                screen.field_view().render(theme, field, buf);
            }
            Step::Checked => {
                screen.draw_checked("What stands out, before it sits:", area, buf, view)
            }
            Step::Decide => screen.draw_checked(content.say("send.decide"), area, buf, view),
            Step::Wait => {
                let wall = view.wall();
                let left = screen.minutes_left(wall);
                let until = screen
                    .wait_until
                    .map(|u| u.format("%H:%M").to_string())
                    .unwrap_or_default();
                let minutes = if left == 1 {
                    "1 minute".to_string()
                } else {
                    format!("{left} minutes")
                };
                let mut rows = vec![
                    (
                        content.say("send.wait").replace("{time}", &until),
                        theme.title,
                    ),
                    (String::new(), theme.text),
                    (format!("{minutes} to go"), theme.accent),
                ];
                if !screen.activities.is_empty() {
                    rows.push((String::new(), theme.text));
                    rows.push((
                        format!("So far: {}", words::activities(&screen.activities, &[])),
                        theme.dim,
                    ));
                }
                let width = area.width.saturating_sub(4) as usize;
                let rows = rows
                    .into_iter()
                    .flat_map(|(text, style)| {
                        let wrapped = ui::wrap(&text, width, 3);
                        let wrapped = if wrapped.is_empty() {
                            vec![String::new()]
                        } else {
                            wrapped
                        };
                        wrapped.into_iter().map(move |l| (l, style))
                    })
                    .collect();
                ui::page(buf, area, rows, ui::Align::Center);
            }
            Step::Shown => {
                let [top, body] = draft_areas(area);
                let head = ui::wrap(content.say("send.shown"), top.width as usize, 2);
                Paragraph::new(
                    head.into_iter()
                        .map(|l| Line::styled(l, theme.dim))
                        .collect::<Vec<_>>(),
                )
                .render(top, buf);
                let lines: Vec<Line> = screen
                    .draft
                    .text()
                    .split('\n')
                    .map(|l| Line::styled(l.to_string(), theme.text))
                    .collect();
                let body = Rect::new(
                    body.x,
                    body.y + 1,
                    body.width,
                    body.height.saturating_sub(1),
                );
                Paragraph::new(lines)
                    .wrap(Wrap { trim: false })
                    .render(body, buf);
            }
        }
    }
}
