//! The Support page: when it is too much, a person. The user's own contacts
//! first, then how to find a crisis line where they are. No number is made
//! up: soothe cannot know which country it is in.

use ratatui::buffer::Buffer;
use ratatui::layout::{Rect, Size};
use ratatui::style::Style;
use ratatui::widgets::Widget;

use super::{Cx, Drawn, Kind, Outcome, Screen, View};
use crate::keys::{self, Action, Tables};
use crate::ui::{self, Align};

pub struct Support;

impl Screen for Support {
    fn kind(&self) -> Kind {
        Kind::Support
    }

    fn bindings(&self) -> Tables {
        &[keys::SUPPORT]
    }

    fn handle(&mut self, action: Action, _cx: &mut Cx) -> Outcome {
        match action {
            Action::Back => Outcome::Back,
            _ => Outcome::Ignored,
        }
    }

    fn min_size(&self) -> Size {
        Size::new(24, 5)
    }

    fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        Drawn { screen: self, view }.render(area, buf);
    }
}

/// The Support page at one instant, as a ratatui widget.
impl Widget for Drawn<'_, Support> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let Self { view, .. } = self;
        let ctx = view.ctx;
        let theme = &ctx.theme;
        let width = area.width.saturating_sub(4) as usize;
        // A small window keeps what matters whole: shorter words, no example.
        let compact = area.height < 16 || area.width < 60;
        let mut rows: Vec<(String, Style)> = Vec::new();
        let para = |rows: &mut Vec<(String, Style)>, text: &str, style: Style| {
            rows.extend(ui::wrap(text, width, 4).into_iter().map(|l| (l, style)));
        };
        rows.push(("Support".into(), theme.title));
        rows.push((String::new(), theme.text));
        para(
            &mut rows,
            if compact {
                "When it is too much, or anyone is unsafe, reach a person now."
            } else {
                "When the distress is too much, or anyone is unsafe, reach a person now. You do not have to manage this alone."
            },
            theme.text,
        );
        rows.push((String::new(), theme.text));
        let contacts = &ctx.settings.contacts;
        if contacts.is_empty() && compact {
            para(
                &mut rows,
                "Your people: write them into config.toml (`soothe paths` shows where).",
                theme.text,
            );
        } else if contacts.is_empty() {
            para(
                &mut rows,
                "Your people: none written down yet. Add someone you trust to config.toml (`soothe paths` shows where):",
                theme.text,
            );
            for line in [
                "[[support.contacts]]",
                "name = \"Sam\"",
                "reach = \"call or text, any time\"",
            ] {
                rows.push((format!("  {line}"), theme.dim));
            }
        } else {
            rows.push(("Your people".into(), theme.title));
            for contact in contacts {
                rows.push((
                    ui::fit(&format!("  {} · {}", contact.name, contact.reach), width),
                    theme.text,
                ));
            }
        }
        rows.push((String::new(), theme.text));
        para(
            &mut rows,
            if compact {
                "In danger? Call your local emergency number. A crisis line: search \"crisis line\" and your country."
            } else {
                "If someone may be in danger, call your local emergency number. To find a crisis line where you are, search for \"crisis line\" and your country, or ask a doctor or local health service."
            },
            theme.text,
        );

        ui::page(buf, area, rows, Align::Left);
    }
}
