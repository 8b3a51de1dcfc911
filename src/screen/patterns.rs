//! The pattern chooser: every pattern with its name, breaths per minute,
//! rhythm, description, and the caution for patterns that hold the breath.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::{Ctx, Outcome, Route, move_in_list};
use crate::keys::{self, Action};
use crate::ui::{self, footer};

const MIN_WIDTH: u16 = 24;
const MIN_HEIGHT: u16 = 5;

pub struct Patterns {
    selected: usize,
}

impl Patterns {
    pub fn new() -> Patterns {
        Patterns { selected: 0 }
    }

    pub fn handle(&mut self, action: Action, ctx: &Ctx) -> Outcome {
        if let Some(next) = move_in_list(self.selected, action, ctx.content.patterns.len()) {
            self.selected = next;
            return Outcome::Changed;
        }
        match action {
            Action::Select => Outcome::Navigate(Route::Breathe {
                pattern: ctx.content.patterns[self.selected].id.clone(),
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
        let width = area.width as usize;
        Paragraph::new(Line::styled(" Breathing patterns", theme.title))
            .render(Rect::new(area.x, area.y, area.width, 1), buf);

        // Each pattern gets a block of lines; the roomier the window, the more each says.
        let list_height = area.height.saturating_sub(3) as usize;
        let count = ctx.content.patterns.len();
        let per_item = if list_height >= count * 4 {
            4
        } else if list_height >= count * 3 {
            3
        } else if list_height >= ctx.content.patterns.len() * 2 {
            2
        } else {
            1
        };
        let visible = (list_height / per_item).max(1);
        let first = self.selected.saturating_sub(visible - 1);
        let mut lines = Vec::new();
        for (i, pattern) in ctx
            .content
            .patterns
            .iter()
            .enumerate()
            .skip(first)
            .take(visible)
        {
            let chosen = i == self.selected;
            let marker = if chosen { " ▸ " } else { "   " };
            let style = if chosen { theme.selected } else { theme.text };
            let rate = format!(" · {:.1}/min", pattern.breaths_per_minute());
            let name = ui::fit(&pattern.name, width.saturating_sub(3 + rate.len()));
            let mut head = vec![
                Span::styled(marker, style),
                Span::styled(name.clone(), style),
                Span::styled(rate.clone(), theme.dim),
            ];
            let used = 3 + unicode_width::UnicodeWidthStr::width(name.as_str()) + rate.len();
            if per_item >= 2 {
                let rhythm = format!(" · {}", pattern.rhythm());
                head.push(Span::styled(
                    ui::fit(&rhythm, width.saturating_sub(used)),
                    theme.dim,
                ));
            }
            lines.push(Line::from(head));
            if per_item >= 2 {
                lines.push(Line::styled(
                    ui::fit(&format!("   {}", pattern.description), width),
                    theme.dim,
                ));
            }
            if per_item >= 3 {
                let caution = pattern
                    .caution
                    .as_deref()
                    .filter(|_| pattern.has_hold())
                    .map(|c| format!("   ⚠ {c}"))
                    .unwrap_or_default();
                lines.push(Line::styled(ui::fit(&caution, width), theme.notice));
            }
            if per_item >= 4 {
                lines.push(Line::default());
            }
        }
        Paragraph::new(lines).render(
            Rect::new(area.x, area.y + 2, area.width, list_height as u16),
            buf,
        );
        let hints = footer::line(
            &[keys::PATTERNS, keys::GLOBAL],
            area.width.saturating_sub(2),
            theme,
        );
        Paragraph::new(hints).render(
            Rect::new(area.x + 1, area.bottom() - 1, area.width - 1, 1),
            buf,
        );
    }
}

impl Default for Patterns {
    fn default() -> Self {
        Self::new()
    }
}
