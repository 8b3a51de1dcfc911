//! The footer of key hints, built from the binding tables and shortened to
//! the width by dropping the last hints first.

use ratatui::text::{Line, Span};

use super::Theme;
use crate::keys::{Action, Binding};

const SEPARATOR: &str = " · ";

pub fn line<'a>(tables: &[&'static [Binding]], width: u16, theme: &Theme) -> Line<'a> {
    let mut shown: Vec<(&Binding, &str)> = tables
        .iter()
        .flat_map(|table| table.iter())
        .filter_map(|b| b.hint.map(|hint| (b, hint)))
        .collect();
    // Drop from the end, but keep the ways out (always the most needed).
    let way_out = |action: Action| {
        matches!(
            action,
            Action::Back | Action::Ground | Action::LeaveField | Action::Skip
        )
    };
    while !shown.is_empty() && text_width(&shown) > width as usize {
        let last_droppable = shown
            .iter()
            .rposition(|(binding, _)| !way_out(binding.action))
            .or_else(|| shown.iter().rposition(|(b, _)| b.action != Action::Back))
            .unwrap_or(shown.len() - 1);
        shown.remove(last_droppable);
    }
    let mut spans = Vec::new();
    for (i, (binding, hint)) in shown.iter().enumerate() {
        let label = binding.label;
        if i > 0 {
            spans.push(Span::styled(SEPARATOR, theme.dim));
        }
        spans.push(Span::styled(label.to_string(), theme.key));
        spans.push(Span::styled(format!(" {hint}"), theme.dim));
    }
    Line::from(spans)
}

fn text_width(hints: &[(&Binding, &str)]) -> usize {
    use unicode_width::UnicodeWidthStr;
    hints
        .iter()
        .map(|(binding, hint)| binding.label.width() + 1 + hint.width())
        .sum::<usize>()
        + SEPARATOR.width() * hints.len().saturating_sub(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keys;

    fn text(width: u16) -> String {
        line(&[keys::BREATHE, keys::GLOBAL], width, &Theme::monochrome()).to_string()
    }

    #[test]
    fn wide_footer_shows_every_hint_from_the_tables() {
        assert_eq!(
            text(80),
            "space pause · + − pace · g ground instead · q end · b bell · m motion · ? help"
        );
    }

    #[test]
    fn narrow_footer_drops_hints_but_keeps_the_way_out() {
        let narrow = text(30);
        assert!(narrow.chars().count() <= 30, "{narrow}");
        assert!(narrow.contains("q end"));
        assert!(narrow.contains("g ground instead"), "{narrow}");
        assert_eq!(text(5), "q end");
    }
}
