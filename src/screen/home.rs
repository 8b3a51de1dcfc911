//! Home: a calm line and the exercises, Breathe selected so one Enter
//! starts the default pattern. ← → change what a row starts (another
//! pattern, grounding variant or relaxation program).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::{Ctx, Outcome, Route, move_in_list};
use crate::content::DEFAULT_PATTERN;
use crate::keys::{self, Action};
use crate::ui::{self, footer};

const MIN_WIDTH: u16 = 24;
const MIN_HEIGHT: u16 = 6;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Item {
    Breathe,
    Ground,
    Relax,
    Reframe,
    Patterns,
    History,
    Support,
}

const ITEMS: [Item; 7] = [
    Item::Breathe,
    Item::Ground,
    Item::Relax,
    Item::Reframe,
    Item::Patterns,
    Item::History,
    Item::Support,
];

pub struct Home {
    selected: usize,
    /// One quiet line when a user file could not be fully read.
    notice: Option<String>,
    /// What Enter starts on each exercise row; ← → change it.
    pattern: usize,
    grounding: usize,
    program: usize,
}

impl Home {
    pub fn new(ctx: &Ctx) -> Home {
        let files = ctx.content.problem_files();
        let notice = match files.as_slice() {
            [] => None,
            [one] => Some(format!(
                "Skipped part of {}; `soothe patterns` says why.",
                file_name(one)
            )),
            many => Some(format!(
                "Skipped parts of {} content files; `soothe patterns` says why.",
                many.len()
            )),
        };
        let content = &ctx.content;
        let position =
            |ids: Vec<&str>, wanted: &str| ids.iter().position(|id| *id == wanted).unwrap_or(0);
        Home {
            selected: 0,
            notice,
            pattern: position(
                content.pattern_ids(),
                ctx.settings
                    .default_pattern
                    .as_deref()
                    .unwrap_or(DEFAULT_PATTERN),
            ),
            grounding: position(
                content.grounding.iter().map(|g| g.id.as_str()).collect(),
                &content.default_grounding().id,
            ),
            program: position(
                content.programs.iter().map(|p| p.id.as_str()).collect(),
                &content.default_program().id,
            ),
        }
    }

    pub fn handle(&mut self, action: Action, ctx: &Ctx) -> Outcome {
        if let Some(next) = move_in_list(self.selected, action, ITEMS.len()) {
            self.selected = next;
            return Outcome::Changed;
        }
        let content = &ctx.content;
        match action {
            Action::Previous | Action::Next => {
                let (choice, count) = match ITEMS[self.selected] {
                    Item::Breathe => (&mut self.pattern, content.patterns.len()),
                    Item::Ground => (&mut self.grounding, content.grounding.len()),
                    Item::Relax => (&mut self.program, content.programs.len()),
                    Item::Reframe | Item::Patterns | Item::History | Item::Support => {
                        return Outcome::Ignored;
                    }
                };
                *choice = if action == Action::Next {
                    (*choice + 1) % count
                } else {
                    (*choice + count - 1) % count
                };
                Outcome::Changed
            }
            Action::Select => Outcome::Navigate(match ITEMS[self.selected] {
                Item::Breathe => Route::Breathe {
                    pattern: content.patterns[self.pattern].id.clone(),
                },
                Item::Ground => Route::Ground {
                    variant: content.grounding[self.grounding].id.clone(),
                },
                Item::Relax => Route::Relax {
                    program: content.programs[self.program].id.clone(),
                },
                Item::Reframe => Route::Reframe,
                Item::Patterns => Route::Patterns,
                Item::History => Route::History,
                Item::Support => Route::Support,
            }),
            Action::Back => Outcome::Back,
            _ => Outcome::Ignored,
        }
    }

    pub fn render(&self, ctx: &Ctx, area: Rect, buf: &mut Buffer) {
        let theme = &ctx.theme;
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            return ui::too_small(area, buf, theme);
        }
        let content = &ctx.content;
        let pattern = &content.patterns[self.pattern];
        let grounding = &content.grounding[self.grounding];
        let program = &content.programs[self.program];
        let entries = [
            (
                "Breathe",
                format!("{} · {}", pattern.name, pattern.rhythm()),
            ),
            (
                "Ground",
                format!("{} · {}", grounding.name, grounding.description),
            ),
            (
                "Relax",
                format!(
                    "{} · about {} min · tense and let go, group by group",
                    program.name,
                    (program.total_ms() + 30_000) / 60_000
                ),
            ),
            (
                "Reframe",
                "name the anxious thought, weigh it, find a kinder one".to_string(),
            ),
            (
                "Patterns",
                format!(
                    "choose another rhythm ({} to pick from)",
                    content.patterns.len()
                ),
            ),
            (
                "History",
                "past sessions, and what helps you most".to_string(),
            ),
            (
                "Support",
                "when it is too much: reaching a person".to_string(),
            ),
        ];
        let width = area.width as usize;
        let roomy = area.height >= 16;
        let mut lines = vec![
            Line::styled(" soothe", theme.title),
            Line::default(),
            Line::styled(
                ui::fit(
                    " Nothing to decide. Breathe with the shape, slow and easy.",
                    width,
                ),
                theme.text,
            ),
            Line::default(),
        ];
        if area.height < 12 {
            lines.truncate(1);
        }
        for (i, (name, detail)) in entries.iter().enumerate() {
            let chosen = i == self.selected;
            let marker = if chosen { " ▸ " } else { "   " };
            let name_style = if chosen { theme.selected } else { theme.text };
            let head = format!("{marker}{name:<10}");
            let detail = ui::fit(detail, width.saturating_sub(head.chars().count() + 1));
            lines.push(Line::from(vec![
                Span::styled(head, name_style),
                Span::styled(detail, theme.dim),
            ]));
            if roomy {
                lines.push(Line::default());
            }
        }
        Paragraph::new(lines).render(area, buf);

        let bottom = area.bottom() - 1;
        if let Some(notice) = &self.notice {
            let y = bottom.saturating_sub(2);
            Paragraph::new(Line::styled(
                ui::fit(&format!(" {notice}"), width),
                theme.notice,
            ))
            .render(Rect::new(area.x, y, area.width, 1), buf);
        }
        let hints = footer::line(
            &[keys::HOME, keys::GLOBAL],
            area.width.saturating_sub(2),
            theme,
        );
        Paragraph::new(hints).render(Rect::new(area.x + 1, bottom, area.width - 1, 1), buf);
    }
}

fn file_name(path: &str) -> &str {
    std::path::Path::new(path)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(path)
}
