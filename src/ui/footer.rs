//! The footer of key hints, built from the binding tables of what is
//! available right now, and shortened to the width by dropping the last
//! hints first (the ways out stay).

use ratatui::crossterm::event::KeyEvent;
use ratatui::text::{Line, Span};

use super::Theme;
use crate::keys::{Action, Binding};

const SEPARATOR: &str = " · ";

/// One footer entry: "↑↓ move".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hint {
    pub keys: String,
    pub word: &'static str,
    pub action: Action,
    /// A press that does what the entry offers (its first enabled row's key).
    pub press: KeyEvent,
}

/// The footer entries of `tables`: each row with a word and the rows
/// joined to it, shown when any of them is enabled, under the keys of
/// those that are.
pub fn hints(tables: &[&[Binding]], enabled: &dyn Fn(Action) -> bool) -> Vec<Hint> {
    let rows: Vec<&Binding> = tables.iter().flat_map(|t| t.iter()).collect();
    let mut out = Vec::new();
    for (i, leader) in rows.iter().enumerate() {
        let Some(word) = leader.hint.filter(|_| !leader.joined) else {
            continue;
        };
        let group =
            std::iter::once(*leader).chain(rows[i + 1..].iter().copied().take_while(|b| b.joined));
        let live: Vec<&Binding> = group.filter(|b| enabled(b.action)).collect();
        let Some(first) = live.first() else {
            continue;
        };
        let arrows = live.iter().all(|b| {
            let key = b.first_key();
            key == "↑" || key == "↓"
        });
        let keys: Vec<String> = live.iter().map(|b| b.first_key()).collect();
        out.push(Hint {
            keys: keys.join(if arrows { "" } else { " " }),
            word,
            action: first.action,
            press: first.example(),
        });
    }
    out
}

/// The ways out, kept when space is short.
fn way_out(action: Action) -> bool {
    matches!(
        action,
        Action::Back | Action::Ground | Action::LeaveField | Action::Skip
    )
}

pub fn line<'a>(hints: &[Hint], width: u16, theme: &Theme) -> Line<'a> {
    let mut shown: Vec<&Hint> = hints.iter().collect();
    while !shown.is_empty() && text_width(&shown) > width as usize {
        let last_droppable = shown
            .iter()
            .rposition(|h| !way_out(h.action))
            .or_else(|| shown.iter().rposition(|h| h.action != Action::Back))
            .unwrap_or(shown.len() - 1);
        shown.remove(last_droppable);
    }
    let mut spans = Vec::new();
    for (i, hint) in shown.iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(SEPARATOR, theme.dim));
        }
        spans.push(Span::styled(hint.keys.clone(), theme.key));
        spans.push(Span::styled(format!(" {}", hint.word), theme.dim));
    }
    Line::from(spans)
}

fn text_width(hints: &[&Hint]) -> usize {
    use unicode_width::UnicodeWidthStr;
    hints
        .iter()
        .map(|h| h.keys.width() + 1 + h.word.width())
        .sum::<usize>()
        + SEPARATOR.width() * hints.len().saturating_sub(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keys;

    fn text(width: u16) -> String {
        let hints = hints(&[keys::BREATHE, keys::GLOBAL], &|_| true);
        line(&hints, width, &Theme::monochrome()).to_string()
    }

    #[test]
    fn wide_footer_shows_every_hint_from_the_tables() {
        assert_eq!(
            text(80),
            "space pause · + − pace · g ground instead · q end · b bell · m motion · ? help"
        );
        assert!(text(200).ends_with("? help · ! support"));
    }

    #[test]
    fn narrow_footer_drops_hints_but_keeps_the_way_out() {
        let narrow = text(30);
        assert!(narrow.chars().count() <= 30, "{narrow}");
        assert!(narrow.contains("q end"));
        assert!(narrow.contains("g ground instead"), "{narrow}");
        assert_eq!(text(5), "q end");
    }

    #[test]
    fn joined_rows_share_an_entry_and_disabled_rows_are_left_out() {
        let all = hints(&[keys::HOME], &|a| a != Action::Remove);
        let words: Vec<String> = all
            .iter()
            .map(|h| format!("{} {}", h.keys, h.word))
            .collect();
        assert_eq!(words, ["↑↓ move", "enter start", "← → change", "q quit"]);
        let no_select = hints(&[keys::RELAX], &|a| a != Action::Select);
        assert!(no_select.iter().all(|h| h.word != "+10 s"));
    }
}
