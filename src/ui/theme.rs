//! The palette: a few soft colours, or none at all. Meaning never rests on
//! colour alone; every highlight also has a symbol or a modifier.

use ratatui::style::{Color, Modifier, Style};

use crate::content::PhaseKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub text: Style,
    pub dim: Style,
    pub title: Style,
    pub selected: Style,
    /// Progress marks (dots, a sentence being built): the selection's tone
    /// without its emphasis.
    pub accent: Style,
    pub key: Style,
    pub notice: Style,
    pub inhale: Style,
    pub hold: Style,
    pub exhale: Style,
    pub paused: Style,
}

impl Theme {
    /// Muted 256-colour tones: a cool blue for breathing in, a warm sand
    /// for breathing out, soft grey-lilac for holding.
    pub fn calm() -> Theme {
        let dim = Style::new().fg(Color::Indexed(245));
        Theme {
            text: Style::new(),
            dim,
            title: Style::new()
                .fg(Color::Indexed(110))
                .add_modifier(Modifier::BOLD),
            selected: Style::new()
                .fg(Color::Indexed(117))
                .add_modifier(Modifier::BOLD),
            accent: Style::new()
                .fg(Color::Indexed(117))
                .add_modifier(Modifier::BOLD),
            key: Style::new().fg(Color::Indexed(250)),
            notice: Style::new().fg(Color::Indexed(180)),
            inhale: Style::new().fg(Color::Indexed(110)),
            hold: Style::new().fg(Color::Indexed(146)),
            exhale: Style::new().fg(Color::Indexed(180)),
            paused: dim,
        }
    }

    /// NO_COLOR: modifiers only. No colour command is ever sent, which
    /// also keeps crossterm 0.29 from dropping bold/reverse next to one.
    pub fn monochrome() -> Theme {
        Theme {
            text: Style::new(),
            dim: Style::new(),
            title: Style::new().add_modifier(Modifier::BOLD),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            accent: Style::new(),
            key: Style::new().add_modifier(Modifier::BOLD),
            notice: Style::new().add_modifier(Modifier::BOLD),
            inhale: Style::new(),
            hold: Style::new(),
            exhale: Style::new(),
            paused: Style::new(),
        }
    }

    pub fn for_phase(&self, kind: PhaseKind) -> Style {
        match kind {
            PhaseKind::Inhale => self.inhale,
            PhaseKind::Hold | PhaseKind::Rest => self.hold,
            PhaseKind::Exhale => self.exhale,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn monochrome_sends_no_colour_and_keeps_the_selection_visible() {
        let theme = Theme::monochrome();
        for style in [
            theme.text,
            theme.dim,
            theme.title,
            theme.selected,
            theme.key,
            theme.inhale,
        ] {
            assert_eq!((style.fg, style.bg), (None, None));
        }
        assert!(theme.selected.add_modifier.contains(Modifier::REVERSED));
    }
}
