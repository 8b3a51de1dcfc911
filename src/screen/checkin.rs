//! The check-in before an exercise started from the menu: how strong is
//! the distress, 0 to 10. A digit sets it, ← → adjust it (and reach 10),
//! Enter confirms and starts, Tab or `s` starts without, `q`/`Esc` go back
//! to the menu.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect, Size};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use super::{Cx, Drawn, Kind, Outcome, Screen, View};
use crate::keys::{self, Action, Tables};
use crate::session::Question;
use crate::ui::{self, scale};
use crate::words;

/// Where the first ← or → lands when nothing is chosen yet: the middle.
const START: u8 = 5;

/// ← (down) or → (up) from `value`, within 0–10.
pub fn nudge(value: Option<u8>, up: bool) -> u8 {
    if up {
        (value.unwrap_or(START - 1) + 1).min(scale::MAX)
    } else {
        value.unwrap_or(START + 1).saturating_sub(1)
    }
}

#[derive(Debug, Default)]
pub struct CheckIn {
    value: Option<u8>,
}

impl CheckIn {
    pub fn new() -> CheckIn {
        CheckIn::default()
    }
}

impl Screen for CheckIn {
    fn kind(&self) -> Kind {
        Kind::CheckIn
    }

    fn bindings(&self) -> Tables {
        &[keys::CHECKIN]
    }

    fn handle(&mut self, action: Action, _cx: &mut Cx) -> Outcome {
        match action {
            Action::Digit(d) => self.value = Some(d),
            Action::Previous => self.value = Some(nudge(self.value, false)),
            Action::Next => self.value = Some(nudge(self.value, true)),
            // Enter with nothing chosen starts without: no number is made up.
            Action::Select => return Outcome::BeforeRated(self.value),
            Action::Skip => return Outcome::BeforeRated(None),
            Action::Back => return Outcome::Back,
            _ => return Outcome::Ignored,
        }
        Outcome::Changed
    }

    fn enabled(&self, action: Action) -> bool {
        match action {
            Action::Previous => self.value != Some(0),
            Action::Next => self.value != Some(scale::MAX),
            _ => true,
        }
    }

    fn min_size(&self) -> Size {
        Size::new(24, 5)
    }

    fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        Drawn { screen: self, view }.render(area, buf);
    }
}

/// The check-in before at one instant, as a ratatui widget.
impl Widget for Drawn<'_, CheckIn> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let Self { screen, view } = self;
        let theme = view.theme();
        let wide = area.width >= 50;
        let question = ui::wrap(
            words::question(Question::Now),
            area.width.saturating_sub(4) as usize,
            2,
        );
        let mut rows: Vec<Line> = question
            .into_iter()
            .map(|q| Line::styled(q, theme.title))
            .collect();
        rows.push(Line::default());
        rows.push(scale::line(screen.value, wide, theme));
        rows.push(Line::default());
        rows.push(Line::styled(
            ui::fit(scale::legend(wide), area.width as usize),
            theme.dim,
        ));
        rows.truncate(area.height as usize);
        let block = area.centered_vertically(Constraint::Length(rows.len() as u16));
        let lines = Layout::vertical(vec![Constraint::Length(1); rows.len()]).split(block);
        for (line, row) in rows.into_iter().zip(lines.iter()) {
            Paragraph::new(line).centered().render(*row, buf);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrows_start_from_the_middle_and_reach_ten() {
        assert_eq!(nudge(None, false), 5);
        assert_eq!(nudge(None, true), 5);
        assert_eq!(nudge(Some(4), false), 3);
        assert_eq!(nudge(Some(10), true), 10);
        assert_eq!(nudge(Some(0), false), 0);
    }
}
