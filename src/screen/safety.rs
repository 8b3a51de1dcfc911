//! The one safety question, asked before the first tool that is about the
//! partner (a break's message, a message to send): is it safe to disagree?
//! A yes opens a calm page; the answer itself is never kept, only that the
//! question was shown, so it is asked once. Screens embed it as a step.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::{Cx, View};
use crate::keys::{self, Action, Tables};
use crate::ui::{self, Align};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Safety {
    Asking,
    /// After a yes.
    Page,
}

/// What an answer led to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    Stay,
    /// On to the tool.
    Done,
    /// Leave the tool.
    Leave,
    Ignored,
}

impl Safety {
    /// The question, if this account has not been shown it yet; showing
    /// it is remembered at once (a Ctrl-C on it still counts as shown).
    pub fn ask(cx: &mut Cx) -> Option<Safety> {
        if cx.ctx.safety_asked {
            return None;
        }
        cx.safety_shown();
        Some(Safety::Asking)
    }

    /// The question is on screen (called as time passes, so after the first
    /// draw): remembered at once, so it is asked only this once, even if
    /// soothe is closed on it.
    pub fn on_screen(self, cx: &mut Cx) {
        if self == Safety::Asking && !cx.ctx.safety_asked {
            cx.safety_shown();
        }
    }

    pub fn bindings(self) -> Tables {
        match self {
            Safety::Asking => &[keys::SAFETY_ASK],
            Safety::Page => &[keys::SAFETY_PAGE],
        }
    }

    pub fn handle(&mut self, action: Action) -> Answer {
        match (*self, action) {
            (_, Action::Back) => Answer::Leave,
            (Safety::Asking, Action::Yes) => {
                *self = Safety::Page;
                Answer::Stay
            }
            (Safety::Asking, Action::No | Action::Skip) | (Safety::Page, Action::Select) => {
                Answer::Done
            }
            _ => Answer::Ignored,
        }
    }

    pub fn render(self, area: Rect, buf: &mut Buffer, view: &View) {
        let content = &view.ctx.content;
        let theme = view.theme();
        let width = area.width.saturating_sub(4) as usize;
        let mut rows: Vec<(String, Style)> = Vec::new();
        let para = |id: &str, style: Style, rows: &mut Vec<(String, Style)>| {
            rows.extend(
                ui::wrap(content.say(id), width, 6)
                    .into_iter()
                    .map(|l| (l, style)),
            );
            rows.push((String::new(), theme.text));
        };
        match self {
            Safety::Asking => {
                para("safety.question", theme.title, &mut rows);
                rows.push((
                    "Your answer is not kept, only that this was asked.".into(),
                    theme.dim,
                ));
            }
            Safety::Page => {
                para("safety.assume", theme.text, &mut rows);
                para("safety.solo", theme.text, &mut rows);
                para("safety.help", theme.text, &mut rows);
                para("safety.journal", theme.dim, &mut rows);
            }
        }
        ui::page(buf, area, rows, Align::Left);
    }
}
