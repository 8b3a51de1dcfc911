//! Key binding tables, one per screen. The same table decides what a key
//! does and what the footer and help overlay say, so they cannot disagree.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Back,
    Help,
    Up,
    Down,
    Select,
    Pause,
    Faster,
    Slower,
    ToggleBell,
    ToggleMotion,
    /// Breathe: leave the breath for grounding.
    Ground,
    /// A step back (grounding, relaxation).
    Previous,
    /// A step on (relaxation).
    Next,
    /// Into a text field.
    Type,
    /// Out of a text field, keeping what it holds.
    LeaveField,
    /// A check-in value.
    Digit(u8),
    /// Past a question without answering.
    Skip,
    /// The Support page.
    Support,
    /// Reframe: a step back or on, wherever the keys are.
    StepBack,
    StepOn,
    /// Reframe: the next place for the keys (field, list, statement parts).
    Focus,
    /// Reframe: a rating back to none.
    Clear,
    /// Reframe: the other "I"-statement form.
    Template,
}

#[derive(Debug)]
pub struct Binding {
    pub keys: &'static [KeyCode],
    /// How the key is written in the footer and help ("space", "↑↓").
    pub label: &'static str,
    /// A word or two for the footer; `None` keeps it out of the footer.
    pub hint: Option<&'static str>,
    /// The help overlay's sentence.
    pub help: &'static str,
    pub action: Action,
}

const BACK_KEYS: &[KeyCode] = &[KeyCode::Char('q'), KeyCode::Esc];
const UP_KEYS: &[KeyCode] = &[KeyCode::Up, KeyCode::Char('k')];
const DOWN_KEYS: &[KeyCode] = &[KeyCode::Down, KeyCode::Char('j')];

const fn bind(
    keys: &'static [KeyCode],
    label: &'static str,
    hint: Option<&'static str>,
    help: &'static str,
    action: Action,
) -> Binding {
    Binding {
        keys,
        label,
        hint,
        help,
        action,
    }
}

pub const HOME: &[Binding] = &[
    bind(
        UP_KEYS,
        "↑↓",
        Some("move"),
        "Move through the list",
        Action::Up,
    ),
    bind(DOWN_KEYS, "j", None, "Move down (also ↓)", Action::Down),
    bind(
        &[KeyCode::Enter],
        "enter",
        Some("start"),
        "Start the selected exercise",
        Action::Select,
    ),
    bind(
        &[KeyCode::Left, KeyCode::Char('h')],
        "← →",
        Some("change"),
        "Another pattern, variant or program for this row",
        Action::Previous,
    ),
    bind(
        &[KeyCode::Right, KeyCode::Char('l')],
        "→",
        None,
        "The next pattern, variant or program",
        Action::Next,
    ),
    bind(BACK_KEYS, "q", Some("quit"), "Quit soothe", Action::Back),
];

pub const PATTERNS: &[Binding] = &[
    bind(
        UP_KEYS,
        "↑↓",
        Some("move"),
        "Move through the patterns",
        Action::Up,
    ),
    bind(DOWN_KEYS, "j", None, "Move down (also ↓)", Action::Down),
    bind(
        &[KeyCode::Enter],
        "enter",
        Some("breathe"),
        "Breathe with the selected pattern",
        Action::Select,
    ),
    bind(
        BACK_KEYS,
        "q",
        Some("back"),
        "Back to the menu",
        Action::Back,
    ),
];

pub const BREATHE: &[Binding] = &[
    bind(
        &[KeyCode::Char(' ')],
        "space",
        Some("pause"),
        "Pause or resume",
        Action::Pause,
    ),
    bind(
        &[KeyCode::Char('+'), KeyCode::Char('=')],
        "+ −",
        Some("pace"),
        "Pace 10 % faster",
        Action::Faster,
    ),
    bind(
        &[KeyCode::Char('-'), KeyCode::Char('_')],
        "−",
        None,
        "Pace 10 % slower",
        Action::Slower,
    ),
    bind(
        &[KeyCode::Char('g')],
        "g",
        Some("ground instead"),
        "Not the breath now? Ground instead",
        Action::Ground,
    ),
    bind(
        BACK_KEYS,
        "q",
        Some("end"),
        "End the exercise",
        Action::Back,
    ),
];

/// Grounding while typing: every printable key types itself, so only these
/// keys act (Ctrl-C still quits).
pub const GROUND_FIELD: &[Binding] = &[
    bind(
        &[KeyCode::Enter],
        "enter",
        Some("next"),
        "Count what you typed (empty: count one silently)",
        Action::Select,
    ),
    bind(
        &[KeyCode::Left],
        "←",
        Some("back a step"),
        "At the start of the field: back a step, nothing lost",
        Action::Previous,
    ),
    bind(
        &[KeyCode::Esc],
        "esc",
        Some("leave field"),
        "Leave the field (then q ends, ? helps)",
        Action::LeaveField,
    ),
];

/// Grounding after Esc: the field is left, single-letter keys work again.
pub const GROUND: &[Binding] = &[
    bind(
        &[KeyCode::Enter, KeyCode::Char('i'), KeyCode::Tab],
        "enter",
        Some("type"),
        "Back into the field",
        Action::Type,
    ),
    bind(
        &[KeyCode::Left, KeyCode::Char('h')],
        "←",
        Some("back a step"),
        "Back a step, nothing lost",
        Action::Previous,
    ),
    bind(
        BACK_KEYS,
        "q",
        Some("end"),
        "End, and see what you noticed",
        Action::Back,
    ),
];

pub const RELAX: &[Binding] = &[
    bind(
        &[KeyCode::Char(' ')],
        "space",
        Some("pause"),
        "Pause or resume",
        Action::Pause,
    ),
    bind(
        &[KeyCode::Enter],
        "enter",
        Some("+10 s"),
        "While letting go: ten more seconds",
        Action::Select,
    ),
    bind(
        &[KeyCode::Left, KeyCode::Char('h')],
        "← →",
        Some("group"),
        "Back a muscle group",
        Action::Previous,
    ),
    bind(
        &[KeyCode::Right, KeyCode::Char('l')],
        "→",
        None,
        "On to the next muscle group",
        Action::Next,
    ),
    bind(
        BACK_KEYS,
        "q",
        Some("end"),
        "End the exercise",
        Action::Back,
    ),
];

/// Digits 1–9 for the check-in. They share the 0's footer hint and help
/// line, so their own are empty (and left out of help).
const fn digit(value: u8) -> Binding {
    bind(
        match value {
            0 => &[KeyCode::Char('0')],
            1 => &[KeyCode::Char('1')],
            2 => &[KeyCode::Char('2')],
            3 => &[KeyCode::Char('3')],
            4 => &[KeyCode::Char('4')],
            5 => &[KeyCode::Char('5')],
            6 => &[KeyCode::Char('6')],
            7 => &[KeyCode::Char('7')],
            8 => &[KeyCode::Char('8')],
            _ => &[KeyCode::Char('9')],
        },
        "",
        None,
        "",
        Action::Digit(value),
    )
}

pub const CHECKIN: &[Binding] = &[
    bind(
        &[KeyCode::Char('0')],
        "0–9",
        Some("rate"),
        "0 calm … 9 very strong (→ reaches 10)",
        Action::Digit(0),
    ),
    digit(1),
    digit(2),
    digit(3),
    digit(4),
    digit(5),
    digit(6),
    digit(7),
    digit(8),
    digit(9),
    bind(
        &[KeyCode::Left, KeyCode::Char('h')],
        "← →",
        Some("adjust"),
        "One less",
        Action::Previous,
    ),
    bind(
        &[KeyCode::Right, KeyCode::Char('l')],
        "→",
        None,
        "One more (up to 10)",
        Action::Next,
    ),
    bind(
        &[KeyCode::Enter],
        "enter",
        Some("confirm"),
        "Confirm (with nothing chosen: skip)",
        Action::Select,
    ),
    bind(
        &[KeyCode::Tab, KeyCode::Char('s')],
        "tab",
        Some("skip"),
        "Skip this question",
        Action::Skip,
    ),
];

const PAGE_UP: &[KeyCode] = &[KeyCode::PageUp];

/// Reframe while typing: printable keys are text; these act. (Handled by
/// the screen itself; the table is what the footer and help say.)
pub const REFRAME_FIELD: &[Binding] = &[
    bind(
        &[KeyCode::Enter],
        "enter",
        Some("next"),
        "On to the next step (empty: skip it)",
        Action::StepOn,
    ),
    bind(
        &[KeyCode::Tab],
        "tab",
        Some("pick"),
        "To the list, or the next part",
        Action::Focus,
    ),
    bind(
        PAGE_UP,
        "pgup",
        Some("back"),
        "Back a step, nothing lost (also ← at the start)",
        Action::StepBack,
    ),
    bind(
        &[KeyCode::Esc],
        "esc",
        Some("leave field"),
        "Leave the field (alt-enter: a new line)",
        Action::LeaveField,
    ),
];

/// Reframe out of the field.
pub const REFRAME: &[Binding] = &[
    bind(
        &[KeyCode::Enter, KeyCode::Char('i')],
        "enter",
        Some("type"),
        "Back into the field",
        Action::Type,
    ),
    bind(
        &[KeyCode::Left, KeyCode::Char('h'), KeyCode::PageUp],
        "← →",
        Some("steps"),
        "Back a step, nothing lost",
        Action::Previous,
    ),
    bind(
        &[KeyCode::Right, KeyCode::Char('l'), KeyCode::PageDown],
        "→",
        None,
        "On to the next step",
        Action::Next,
    ),
    bind(
        &[KeyCode::Tab],
        "tab",
        Some("pick"),
        "To the list, or the next part",
        Action::Focus,
    ),
    bind(
        &[KeyCode::Char('t')],
        "t",
        Some("need/like"),
        "The other form of the \"I\"-statement",
        Action::Template,
    ),
    bind(
        BACK_KEYS,
        "q",
        Some("end"),
        "End now; what you wrote is kept",
        Action::Back,
    ),
];

/// Reframe in a list to pick from.
pub const REFRAME_LIST: &[Binding] = &[
    bind(
        UP_KEYS,
        "↑↓",
        Some("move"),
        "Move through the list",
        Action::Up,
    ),
    bind(DOWN_KEYS, "j", None, "Move down (also ↓)", Action::Down),
    bind(
        &[KeyCode::Enter],
        "enter",
        Some("pick"),
        "Put it in the field, to make it yours",
        Action::Select,
    ),
    bind(
        &[KeyCode::Tab],
        "tab",
        Some("next"),
        "To the next place",
        Action::Focus,
    ),
    bind(
        &[KeyCode::Esc],
        "esc",
        Some("field"),
        "Back to the field",
        Action::LeaveField,
    ),
    bind(
        &[KeyCode::Char('q')],
        "q",
        Some("end"),
        "End now; what you wrote is kept",
        Action::Back,
    ),
];

/// Reframe at a rating, 0–100.
pub const REFRAME_RATING: &[Binding] = &[
    bind(
        &[KeyCode::Char('0')],
        "0–9",
        Some("rate"),
        "Type the number (7, 5: 75)",
        Action::Digit(0),
    ),
    digit(1),
    digit(2),
    digit(3),
    digit(4),
    digit(5),
    digit(6),
    digit(7),
    digit(8),
    digit(9),
    bind(
        &[KeyCode::Left, KeyCode::Char('h')],
        "← →",
        Some("±5"),
        "Five less",
        Action::Previous,
    ),
    bind(
        &[KeyCode::Right, KeyCode::Char('l')],
        "→",
        None,
        "Five more",
        Action::Next,
    ),
    bind(
        &[KeyCode::Backspace],
        "bksp",
        None,
        "No rating",
        Action::Clear,
    ),
    bind(
        &[KeyCode::Enter, KeyCode::PageDown],
        "enter",
        Some("next"),
        "On to the next step (no rating: skip it)",
        Action::Select,
    ),
    bind(
        PAGE_UP,
        "pgup",
        Some("back"),
        "Back a step, nothing lost",
        Action::StepBack,
    ),
    bind(
        BACK_KEYS,
        "q",
        Some("end"),
        "End now; what you wrote is kept",
        Action::Back,
    ),
];

/// Reframe's review.
pub const REFRAME_REVIEW: &[Binding] = &[
    bind(
        &[KeyCode::Enter],
        "enter",
        Some("keep it"),
        "Keep this thought record in your journal",
        Action::Select,
    ),
    bind(
        &[KeyCode::Left, KeyCode::Char('h'), KeyCode::PageUp],
        "←",
        Some("back"),
        "Back a step to change something",
        Action::StepBack,
    ),
    bind(
        BACK_KEYS,
        "q",
        Some("end"),
        "End now; it is kept as unfinished",
        Action::Back,
    ),
];

pub const SUMMARY: &[Binding] = &[
    bind(
        &[KeyCode::Enter],
        "enter",
        Some("close"),
        "Close this summary",
        Action::Select,
    ),
    bind(BACK_KEYS, "q", None, "Close this summary", Action::Back),
];

pub const HISTORY: &[Binding] = &[
    bind(
        UP_KEYS,
        "↑↓",
        Some("scroll"),
        "Scroll the recent sessions",
        Action::Up,
    ),
    bind(DOWN_KEYS, "j", None, "Scroll down (also ↓)", Action::Down),
    bind(
        BACK_KEYS,
        "q",
        Some("back"),
        "Back to the menu",
        Action::Back,
    ),
];

pub const SUPPORT: &[Binding] = &[bind(
    BACK_KEYS,
    "q",
    Some("back"),
    "Back to where you were",
    Action::Back,
)];

/// Keys every screen has, unless the screen uses the key itself.
pub const GLOBAL: &[Binding] = &[
    bind(
        &[KeyCode::Char('b')],
        "b",
        Some("bell"),
        "Bell on phase changes, on or off",
        Action::ToggleBell,
    ),
    bind(
        &[KeyCode::Char('m')],
        "m",
        Some("motion"),
        "Animation on or off",
        Action::ToggleMotion,
    ),
    bind(
        &[KeyCode::Char('?')],
        "?",
        Some("help"),
        "This help",
        Action::Help,
    ),
    bind(
        &[KeyCode::Char('!')],
        "!",
        Some("support"),
        "Support: reaching a person",
        Action::Support,
    ),
];

/// Every key of a binding, as the help overlay lists them ("q esc").
pub fn describe(binding: &Binding) -> String {
    let names: Vec<String> = binding
        .keys
        .iter()
        .map(|code| match code {
            KeyCode::Char(' ') => "space".to_string(),
            KeyCode::Char('-') => "−".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Esc => "esc".to_string(),
            KeyCode::Enter => "enter".to_string(),
            KeyCode::Up => "↑".to_string(),
            KeyCode::Down => "↓".to_string(),
            KeyCode::Left => "←".to_string(),
            KeyCode::Right => "→".to_string(),
            KeyCode::Tab => "tab".to_string(),
            other => format!("{other:?}").to_lowercase(),
        })
        .collect();
    names.join(" ")
}

/// The action a key press has in `table`. Keys held with Ctrl or Alt never
/// match a plain binding (Ctrl-C is not `c`).
pub fn lookup(table: &[Binding], key: &KeyEvent) -> Option<Action> {
    if key
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SUPER)
    {
        return None;
    }
    table
        .iter()
        .find(|binding| binding.keys.contains(&key.code))
        .map(|binding| binding.action)
}

pub fn is_quit(key: &KeyEvent) -> bool {
    key.modifiers.contains(KeyModifiers::CONTROL) && matches!(key.code, KeyCode::Char('c' | 'C'))
}

pub fn is_suspend(key: &KeyEvent) -> bool {
    key.modifiers.contains(KeyModifiers::CONTROL) && matches!(key.code, KeyCode::Char('z' | 'Z'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn tables_map_keys_to_actions() {
        assert_eq!(
            lookup(BREATHE, &press(KeyCode::Char(' '))),
            Some(Action::Pause)
        );
        assert_eq!(lookup(BREATHE, &press(KeyCode::Esc)), Some(Action::Back));
        assert_eq!(lookup(HOME, &press(KeyCode::Char('j'))), Some(Action::Down));
        assert_eq!(lookup(HOME, &press(KeyCode::Char('x'))), None);
        let shifted_plus = KeyEvent::new(KeyCode::Char('+'), KeyModifiers::SHIFT);
        assert_eq!(lookup(BREATHE, &shifted_plus), Some(Action::Faster));
    }

    #[test]
    fn control_keys_are_not_letters() {
        let ctrl_q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::CONTROL);
        assert_eq!(lookup(HOME, &ctrl_q), None);
        assert!(is_quit(&KeyEvent::new(
            KeyCode::Char('c'),
            KeyModifiers::CONTROL
        )));
        assert!(!is_quit(&press(KeyCode::Char('c'))));
    }

    #[test]
    fn no_key_is_bound_twice_on_one_screen() {
        for table in [
            HOME,
            PATTERNS,
            BREATHE,
            SUMMARY,
            GROUND,
            RELAX,
            CHECKIN,
            SUPPORT,
            HISTORY,
            REFRAME,
            REFRAME_LIST,
            REFRAME_RATING,
            REFRAME_REVIEW,
        ] {
            let mut seen = Vec::new();
            for binding in table.iter().chain(GLOBAL) {
                for key in binding.keys {
                    assert!(!seen.contains(key), "{key:?} bound twice");
                    seen.push(*key);
                }
            }
        }
    }
}
