//! The pattern chooser: every pattern with its name, breaths per minute,
//! rhythm, description, and the caution for patterns that hold the breath.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect, Size};
use ratatui::text::{Line, Span};
use ratatui::widgets::{ListItem, Paragraph, Widget};

use super::{Cx, Drawn, Kind, Outcome, Route, Screen, View, can_move, move_in_list};
use crate::exercise::timeline::Length;
use crate::keys::{self, Action, Tables};
use crate::ui;

#[derive(Debug)]
pub struct Patterns {
    selected: usize,
    /// How many there are (content does not change while soothe runs).
    count: usize,
}

impl Patterns {
    pub fn new(count: usize) -> Patterns {
        Patterns { selected: 0, count }
    }
}

impl Screen for Patterns {
    fn kind(&self) -> Kind {
        Kind::Patterns
    }

    fn bindings(&self) -> Tables {
        &[keys::PATTERNS]
    }

    fn enabled(&self, action: Action) -> bool {
        match action {
            Action::Up | Action::Down => can_move(self.selected, action, self.count),
            _ => true,
        }
    }

    fn handle(&mut self, action: Action, cx: &mut Cx) -> Outcome {
        let patterns = &cx.ctx.content.patterns;
        if let Some(next) = move_in_list(self.selected, action, patterns.len()) {
            self.selected = next;
            return Outcome::Changed;
        }
        match action {
            Action::Select => Outcome::Open(Route::Breathe {
                pattern: patterns[self.selected].clone(),
                length: Length::Forever,
            }),
            Action::Back => Outcome::Back,
            _ => Outcome::Ignored,
        }
    }

    fn min_size(&self) -> Size {
        Size::new(24, 4)
    }

    fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        Drawn { screen: self, view }.render(area, buf);
    }
}

/// The pattern chooser at one instant, as a ratatui widget.
impl Widget for Drawn<'_, Patterns> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let Self { screen, view } = self;
        let theme = view.theme();
        let patterns = &view.ctx.content.patterns;
        let width = area.width as usize;
        let [title, _, list] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Fill(1),
        ])
        .areas(area);
        Paragraph::new(Line::styled(" Breathing patterns", theme.title)).render(title, buf);

        // Each pattern gets a block of lines; the roomier the window, the more each says.
        let count = patterns.len().max(1);
        let per_item = (list.height as usize / count).clamp(1, 4);
        let items: Vec<ListItem> = patterns
            .iter()
            .enumerate()
            .map(|(i, pattern)| {
                let style = if i == screen.selected {
                    theme.selected
                } else {
                    theme.text
                };
                let rate = format!(" · {:.1}/min", pattern.breaths_per_minute());
                let name = ui::fit(&pattern.name, width.saturating_sub(3 + rate.len()));
                let used = 3 + ui::width(&name) + rate.len();
                let mut head = vec![Span::styled(name, style), Span::styled(rate, theme.dim)];
                if per_item >= 2 {
                    let rhythm = format!(" · {}", pattern.rhythm());
                    head.push(Span::styled(
                        ui::fit(&rhythm, width.saturating_sub(used)),
                        theme.dim,
                    ));
                }
                let mut lines = vec![Line::from(head)];
                if per_item >= 2 {
                    lines.push(Line::styled(
                        ui::fit(&pattern.description, width.saturating_sub(3)),
                        theme.dim,
                    ));
                }
                if per_item >= 3 {
                    let caution = pattern
                        .caution
                        .as_deref()
                        .filter(|_| pattern.has_hold())
                        .map(|c| format!("⚠ {c}"))
                        .unwrap_or_default();
                    lines.push(Line::styled(
                        ui::fit(&caution, width.saturating_sub(3)),
                        theme.notice,
                    ));
                }
                if per_item >= 4 {
                    lines.push(Line::default());
                }
                ListItem::new(lines)
            })
            .collect();
        ui::menu(items, screen.selected, list, buf);
    }
}
