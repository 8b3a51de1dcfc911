//! The last screen in a popup or floating pane: the lines soothe would
//! print after closing (a reframe's balanced thought, a repair's words,
//! a break's message) stay on screen until Enter, because the popup and
//! everything printed into it vanish when soothe ends. Every line is shown
//! whole; what does not fit scrolls.

use std::cell::Cell;

use ratatui::buffer::Buffer;
use ratatui::layout::{Rect, Size};
use ratatui::style::Style;
use ratatui::widgets::Widget;

use super::{Cx, Drawn, Kind, Outcome, Screen, View};
use crate::keys::{self, Action, Tables};
use crate::ui::{self, Align};

/// Rows a line may wrap to: all of it (a repair's words can be long).
const WHOLE: usize = 1000;

pub struct Farewell {
    lines: Vec<String>,
    /// Rows scrolled past.
    scroll: usize,
    /// How far it can scroll at the size last drawn.
    most: Cell<usize>,
}

impl Farewell {
    pub fn new(lines: Vec<String>) -> Farewell {
        Farewell {
            lines,
            scroll: 0,
            most: Cell::new(0),
        }
    }
}

impl Screen for Farewell {
    fn kind(&self) -> Kind {
        Kind::Farewell
    }

    fn bindings(&self) -> Tables {
        &[keys::FAREWELL]
    }

    fn enabled(&self, action: Action) -> bool {
        match action {
            Action::Up => self.scroll > 0,
            Action::Down => self.scroll < self.most.get(),
            _ => true,
        }
    }

    fn handle(&mut self, action: Action, _cx: &mut Cx) -> Outcome {
        match action {
            Action::Back => Outcome::Back,
            Action::Up if self.scroll > 0 => {
                self.scroll -= 1;
                Outcome::Changed
            }
            Action::Down if self.scroll < self.most.get() => {
                self.scroll += 1;
                Outcome::Changed
            }
            _ => Outcome::Ignored,
        }
    }

    fn min_size(&self) -> Size {
        Size::new(20, 6)
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
        let mut body: Vec<(String, Style)> = Vec::new();
        for line in &screen.lines {
            body.extend(ui::wrapped(line, width, WHOLE, theme.text));
        }
        let hint = ui::wrapped(
            "Copy what you need: this popup closes with soothe. Enter closes.",
            width,
            2,
            theme.dim,
        );
        // The title and the hint always show; the lines scroll between.
        let room = (area.height as usize).saturating_sub(hint.len() + 3).max(1);
        let most = body.len().saturating_sub(room);
        screen.most.set(most);
        let from = screen.scroll.min(most);
        let mut lines = vec![
            ("To take with you".to_string(), theme.title),
            (String::new(), theme.text),
        ];
        lines.extend(body.into_iter().skip(from).take(room));
        lines.push((String::new(), theme.text));
        lines.extend(hint);
        ui::page(buf, area, lines, Align::Left);
    }
}
