//! Home: a calm line and the exercises, Breathe selected so one Enter
//! starts the default pattern.

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
    Patterns,
}

const ITEMS: [Item; 2] = [Item::Breathe, Item::Patterns];

pub struct Home {
    selected: usize,
    /// One quiet line when a user file could not be fully read.
    notice: Option<String>,
    default_pattern: String,
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
        let default_pattern = if ctx.content.pattern(DEFAULT_PATTERN).is_some() {
            DEFAULT_PATTERN.to_string()
        } else {
            ctx.content.patterns[0].id.clone()
        };
        Home {
            selected: 0,
            notice,
            default_pattern,
        }
    }

    pub fn handle(&mut self, action: Action, _ctx: &Ctx) -> Outcome {
        if let Some(next) = move_in_list(self.selected, action, ITEMS.len()) {
            self.selected = next;
            return Outcome::Changed;
        }
        match action {
            Action::Select => match ITEMS[self.selected] {
                Item::Breathe => Outcome::Navigate(Route::Breathe {
                    pattern: self.default_pattern.clone(),
                }),
                Item::Patterns => Outcome::Navigate(Route::Patterns),
            },
            Action::Back => Outcome::Back,
            _ => Outcome::Ignored,
        }
    }

    pub fn render(&self, ctx: &Ctx, area: Rect, buf: &mut Buffer) {
        let theme = &ctx.theme;
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            return ui::too_small(area, buf, theme);
        }
        let pattern = ctx
            .content
            .pattern(&self.default_pattern)
            .expect("home's default pattern exists");
        let entries = [
            (
                "Breathe",
                format!("{} · {}", pattern.name, pattern.rhythm()),
            ),
            (
                "Patterns",
                format!(
                    "choose another rhythm ({} to pick from)",
                    ctx.content.patterns.len()
                ),
            ),
        ];
        let width = area.width as usize;
        let roomy = area.height >= 14;
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
