//! The palette: a few soft colours, or none at all. Meaning never rests on
//! colour alone; every highlight also has a symbol or a modifier.

use ratatui::style::{Color, Modifier, Style};

use crate::content::PhaseKind;
use crate::settings::ThemeChoice;

/// Whether `COLORFGBG` ("15;0", "0;default;15") names a light background:
/// its last field is the background, 7 or 9–15 in the 16-colour palette.
pub fn light_background(colorfgbg: Option<&str>) -> bool {
    colorfgbg
        .and_then(|v| v.rsplit(';').next())
        .and_then(|bg| bg.trim().parse::<u8>().ok())
        .is_some_and(|bg| bg == 7 || (9..=15).contains(&bg))
}

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

    /// The terminal's own 16 colours: all text in the default foreground
    /// (so its contrast is the user's own scheme's), ANSI colours only on
    /// accents that also carry a modifier. Follows light and dark schemes;
    /// no yellow or cyan, which most schemes make faint on white.
    pub fn terminal() -> Theme {
        let bold = |color: Color| Style::new().fg(color).add_modifier(Modifier::BOLD);
        Theme {
            text: Style::new(),
            dim: Style::new().add_modifier(Modifier::DIM),
            title: bold(Color::Blue),
            selected: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            accent: bold(Color::Blue),
            key: Style::new().add_modifier(Modifier::BOLD),
            notice: bold(Color::Magenta),
            inhale: bold(Color::Blue),
            hold: bold(Color::Magenta),
            exhale: bold(Color::Green),
            paused: Style::new().add_modifier(Modifier::DIM),
        }
    }

    /// The default foreground everywhere, bold for what matters, reverse
    /// video for the selection, and nothing dimmed.
    pub fn high_contrast() -> Theme {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        Theme {
            text: Style::new(),
            dim: Style::new(),
            title: bold,
            selected: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            accent: bold,
            key: bold,
            notice: bold.add_modifier(Modifier::UNDERLINED),
            inhale: bold,
            hold: bold,
            exhale: bold,
            paused: Style::new(),
        }
    }

    /// The palette for a choice. `auto` keeps `calm` on a dark or unknown
    /// background and picks `terminal` when `COLORFGBG` (as many terminals
    /// set it, "foreground;background") says the background is light. No
    /// terminal query is sent. `no_color` (NO_COLOR, --no-color) wins.
    pub fn choose(choice: ThemeChoice, no_color: bool, colorfgbg: Option<&str>) -> Theme {
        if no_color {
            return Theme::monochrome();
        }
        match choice {
            ThemeChoice::Auto if light_background(colorfgbg) => Theme::terminal(),
            ThemeChoice::Auto | ThemeChoice::Calm => Theme::calm(),
            ThemeChoice::Terminal => Theme::terminal(),
            ThemeChoice::HighContrast => Theme::high_contrast(),
            ThemeChoice::Mono => Theme::monochrome(),
        }
    }

    /// Every role, for the tests that hold each theme to its promise.
    pub fn roles(&self) -> [(&'static str, Style); 11] {
        [
            ("text", self.text),
            ("dim", self.dim),
            ("title", self.title),
            ("selected", self.selected),
            ("accent", self.accent),
            ("key", self.key),
            ("notice", self.notice),
            ("inhale", self.inhale),
            ("hold", self.hold),
            ("exhale", self.exhale),
            ("paused", self.paused),
        ]
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

    /// The xterm-256 palette's sRGB value of an indexed colour (16 and up).
    fn rgb(index: u8) -> (f64, f64, f64) {
        match index {
            16..=231 => {
                let i = index - 16;
                let level = |v: u8| {
                    if v == 0 {
                        0.0
                    } else {
                        55.0 + 40.0 * f64::from(v)
                    }
                };
                (level(i / 36), level(i / 6 % 6), level(i % 6))
            }
            232..=255 => {
                let v = 8.0 + 10.0 * f64::from(index - 232);
                (v, v, v)
            }
            _ => panic!("the calm palette uses the 256-colour range"),
        }
    }

    /// WCAG 2 contrast ratio of a colour against black.
    fn contrast_on_black(index: u8) -> f64 {
        let channel = |c: f64| {
            let c = c / 255.0;
            if c <= 0.039_28 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        let (r, g, b) = rgb(index);
        let luminance = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
        (luminance + 0.05) / 0.05
    }

    #[test]
    fn calm_reaches_four_and_a_half_to_one_on_black() {
        for (role, style) in Theme::calm().roles() {
            if let Some(Color::Indexed(index)) = style.fg {
                let ratio = contrast_on_black(index);
                assert!(ratio >= 4.5, "{role}: {ratio:.2}:1");
            }
        }
    }

    #[test]
    fn terminal_and_high_contrast_keep_text_in_the_default_foreground() {
        for (role, style) in Theme::terminal().roles() {
            assert!(
                !matches!(
                    style.fg,
                    Some(Color::Yellow | Color::Cyan | Color::LightYellow | Color::LightCyan)
                ),
                "{role}: faint on light backgrounds"
            );
        }
        for theme in [Theme::terminal(), Theme::high_contrast()] {
            for (role, style) in theme.roles() {
                assert_eq!(style.bg, None, "{role}: no background is ever set");
                match style.fg {
                    None => {}
                    // Only the 16 ANSI colours, so the user's scheme decides them.
                    Some(Color::Indexed(_) | Color::Rgb(..)) => panic!("{role}: {:?}", style.fg),
                    Some(_) => {
                        assert!(
                            !matches!(role, "text" | "dim" | "paused"),
                            "{role} is text: default foreground only"
                        );
                        assert!(
                            !style.add_modifier.is_empty(),
                            "{role}: a tinted accent carries a modifier too"
                        );
                    }
                }
            }
        }
        for (role, style) in Theme::high_contrast().roles() {
            assert!(
                !style.add_modifier.contains(Modifier::DIM),
                "{role}: no dim"
            );
            assert_eq!(style.fg, None, "{role}");
        }
    }

    #[test]
    fn auto_follows_colorfgbg_and_no_color_wins() {
        assert_eq!(
            Theme::choose(ThemeChoice::Auto, false, Some("0;15")),
            Theme::terminal()
        );
        assert_eq!(
            Theme::choose(ThemeChoice::Auto, false, Some("0;default;7")),
            Theme::terminal()
        );
        assert_eq!(
            Theme::choose(ThemeChoice::Auto, false, Some("15;0")),
            Theme::calm()
        );
        assert_eq!(Theme::choose(ThemeChoice::Auto, false, None), Theme::calm());
        assert_eq!(
            Theme::choose(ThemeChoice::Auto, false, Some("garbage")),
            Theme::calm()
        );
        assert_eq!(
            Theme::choose(ThemeChoice::HighContrast, true, None),
            Theme::monochrome()
        );
        assert_eq!(
            Theme::choose(ThemeChoice::Mono, false, None),
            Theme::monochrome()
        );
    }

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
