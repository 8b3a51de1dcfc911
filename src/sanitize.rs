//! Makes loaded text safe to put on a terminal: escape sequences removed
//! whole (not just their ESC byte, which would leave `[31m` behind), no
//! other control characters, no bidirectional overrides, one line.

/// Where the scanner is inside an escape sequence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Text,
    /// Just after ESC: the next character says which family.
    Escape,
    /// CSI: parameters and intermediates up to a final byte `@`..`~`.
    Csi,
    /// OSC, DCS, SOS, PM, APC: a string up to BEL or ST (ESC `\`).
    Payload,
    /// ESC seen inside such a string: `\` ends it.
    StringEscape,
    /// `ESC` + intermediates (`(`, `#`, ...) then one final character.
    Intermediate,
}

/// Removes escape sequences whole (CSI, OSC ended by BEL or ST, DCS, SOS,
/// PM, APC, the single-character escapes and the C1 controls that start
/// the same families), other control characters and invisible bidi
/// controls; tabs and line breaks become single spaces. A sequence cut off
/// at the end of the text is dropped.
pub fn line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut state = State::Text;
    for c in text.chars() {
        state = match (state, c) {
            (State::Text, '\x1b') => State::Escape,
            // C1 forms of the same introducers.
            (State::Text, '\u{9b}') => State::Csi,
            (State::Text, '\u{90}' | '\u{98}' | '\u{9d}' | '\u{9e}' | '\u{9f}') => State::Payload,
            (State::Text, c) => {
                push(&mut out, c);
                State::Text
            }
            // A new introducer inside a sequence starts that one afresh, so
            // no half of either reaches the screen.
            (State::Escape | State::Csi | State::Intermediate, '\x1b') => State::Escape,
            (State::Escape | State::Csi | State::Intermediate, '\u{9b}') => State::Csi,
            (
                State::Escape | State::Csi | State::Intermediate,
                '\u{90}' | '\u{98}' | '\u{9d}' | '\u{9e}' | '\u{9f}',
            ) => State::Payload,
            (State::Escape, '[') => State::Csi,
            (State::Escape, ']' | 'P' | 'X' | '^' | '_') => State::Payload,
            (State::Escape, ' '..='/') => State::Intermediate,
            // Any other character ends a two-character escape (ESC 7, ESC c).
            (State::Escape, _) => State::Text,
            (State::Csi, '@'..='~') => State::Text,
            (State::Csi, _) => State::Csi,
            (State::Intermediate, ' '..='/') => State::Intermediate,
            (State::Intermediate, _) => State::Text,
            (State::Payload, '\x07' | '\u{9c}') => State::Text,
            (State::Payload, '\x1b') => State::StringEscape,
            (State::Payload, _) => State::Payload,
            (State::StringEscape, '\\') => State::Text,
            (State::StringEscape, _) => State::Payload,
        };
    }
    out.trim().to_string()
}

/// One character of plain text: line breaks and tabs fold to one space,
/// anything else unsafe is left out.
fn push(out: &mut String, c: char) {
    if matches!(c, '\t' | '\n' | '\r') {
        if !out.ends_with(' ') {
            out.push(' ');
        }
    } else if !is_unsafe(c) {
        out.push(c);
    }
}

/// Control characters and invisible bidi controls: never shown as they are.
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Where `text` holds characters that [`line`] removes (controls and
/// escape sequences, not the tabs and line breaks it folds): the 0-based
/// character offsets of each, for `soothe check` to point at.
pub fn unsafe_at(text: &str) -> Vec<usize> {
    text.chars()
        .enumerate()
        .filter(|(_, c)| !matches!(c, '\t' | '\n' | '\r') && is_unsafe(*c))
        .map(|(i, _)| i)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csi_sequences_go_whole() {
        assert_eq!(line("calm\x1b[31m red\x1b[0m"), "calm red");
        assert_eq!(line("\x1b[2J\x1b[31mINJECT"), "INJECT");
        assert_eq!(line("a\x1b[38;5;110mb"), "ab");
        assert_eq!(line("a\u{9b}1;2Hb"), "ab", "the C1 form");
    }

    #[test]
    fn osc_goes_whole_ended_by_bel_or_st() {
        assert_eq!(line("a\x1b]0;title\x07b"), "ab");
        assert_eq!(line("a\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\b"), "alinkb");
        assert_eq!(line("a\u{9d}0;t\u{9c}b"), "ab");
    }

    #[test]
    fn dcs_sos_pm_apc_go_whole() {
        for intro in ['P', 'X', '^', '_'] {
            assert_eq!(
                line(&format!("a\x1b{intro}payload;1\x1b\\b")),
                "ab",
                "{intro}"
            );
        }
        assert_eq!(line("a\u{90}q#1\u{9c}b"), "ab");
    }

    #[test]
    fn single_character_escapes_and_intermediates_go() {
        assert_eq!(line("a\x1b7b\x1b8c"), "abc");
        assert_eq!(line("a\x1b(Bb"), "ab");
        assert_eq!(line("a\x1b#8b"), "ab");
    }

    #[test]
    fn an_introducer_inside_a_sequence_starts_it_afresh() {
        assert_eq!(line("\x1b\x1b[31mX"), "X");
        assert_eq!(line("\x1b[\x1b[31mX"), "X");
        assert_eq!(line("\x1b(\x1b]0;t\x07X"), "X");
    }

    #[test]
    fn cut_off_sequences_at_the_end_are_dropped() {
        for cut in [
            "calm\x1b",
            "calm\x1b[",
            "calm\x1b[31",
            "calm\x1b]0;ti",
            "calm\x1bP1",
            "calm\x1b]x\x1b",
        ] {
            assert_eq!(line(cut), "calm", "{cut:?}");
        }
    }

    #[test]
    fn other_controls_and_bidi_never_survive() {
        assert_eq!(line("a\u{202E}b\u{0}c\u{7}d"), "abcd");
    }

    #[test]
    fn whitespace_folds_to_one_line() {
        assert_eq!(line("  one\n\ttwo\r\nthree "), "one two three");
    }

    #[test]
    fn wide_text_is_kept() {
        assert_eq!(line("深呼吸 🌿"), "深呼吸 🌿");
    }

    #[test]
    fn unsafe_characters_are_found_where_they_are() {
        assert_eq!(unsafe_at("ok\x1b[1m\tfine\u{202E}"), [2, 11]);
    }
}
