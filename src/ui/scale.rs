//! The 0–10 scale of a check-in: every number, the chosen one marked twice
//! (reverse video and brackets), so it never rests on colour alone.

use ratatui::style::Modifier;
use ratatui::text::{Line, Span};

use super::Theme;

pub const MAX: u8 = 10;

pub fn line<'a>(value: Option<u8>, wide: bool, theme: &Theme) -> Line<'a> {
    let mut spans = Vec::new();
    for n in 0..=MAX {
        let chosen = value == Some(n);
        let text = match (chosen, wide) {
            (true, _) => format!("[{n}]"),
            (false, true) => format!(" {n} "),
            (false, false) => format!("{n}"),
        };
        let style = if chosen {
            theme.selected.add_modifier(Modifier::REVERSED)
        } else {
            theme.text
        };
        if n > 0 {
            spans.push(Span::raw(" "));
        }
        spans.push(Span::styled(text, style));
    }
    Line::from(spans)
}

/// The words under the scale, as wide as there is room for.
pub fn legend(wide: bool) -> &'static str {
    if wide {
        "0 calm · 5 hard to ignore · 10 as strong as it gets"
    } else {
        "0 calm · 10 as strong as it gets"
    }
}
