//! The last screen in a popup or floating pane: the lines soothe would
//! print after closing (a reframe's balanced thought, a repair's words,
//! a break's message) stay on screen until Enter, because the popup and
//! everything printed into it vanish when soothe ends.

use ratatui::buffer::Buffer;
use ratatui::layout::{Rect, Size};
use ratatui::style::Style;
use ratatui::widgets::Widget;

use super::{Cx, Drawn, Kind, Outcome, Screen, View};
use crate::keys::{self, Action, Tables};
use crate::ui::{self, Align};

pub struct Farewell {
    lines: Vec<String>,
}

impl Farewell {
    pub fn new(lines: Vec<String>) -> Farewell {
        Farewell { lines }
    }
}

impl Screen for Farewell {
    fn kind(&self) -> Kind {
        Kind::Farewell
    }

    fn bindings(&self) -> Tables {
        &[keys::FAREWELL]
    }

    fn handle(&mut self, action: Action, _cx: &mut Cx) -> Outcome {
        match action {
            Action::Back => Outcome::Back,
            _ => Outcome::Ignored,
        }
    }

    fn min_size(&self) -> Size {
        Size::new(20, 4)
    }

    fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        Drawn { screen: self, view }.render(area, buf);
    }
}

impl Widget for Drawn<'_, Farewell> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let Self { screen, view } = self;
        let theme = view.theme();
        let width = area.width.saturating_sub(4) as usize;
        let mut lines: Vec<(String, Style)> = vec![
            ("To take with you".into(), theme.title),
            (String::new(), theme.text),
        ];
        for line in &screen.lines {
            lines.extend(ui::wrapped(line, width, 4, theme.text));
        }
        lines.push((String::new(), theme.text));
        lines.extend(ui::wrapped(
            "Copy what you need: this popup closes with soothe. Enter closes.",
            width,
            2,
            theme.dim,
        ));
        ui::page(buf, area, lines, Align::Left);
    }
}
