//! Makes loaded text safe to put on a terminal: no control or escape
//! characters, no bidirectional overrides, one line.

/// Strips control characters (including ESC, so no escape sequence survives)
/// and invisible bidi controls; tabs and line breaks become single spaces.
pub fn line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\t' | '\n' | '\r') {
            if !out.ends_with(' ') {
                out.push(' ');
            }
        } else if !is_unsafe(c) {
            out.push(c);
        }
    }
    out.trim().to_string()
}

/// Control characters and invisible bidi controls: never shown as they are.
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_and_controls_never_survive() {
        assert_eq!(
            line("calm\x1b[31m red\x07\x1b]0;title\x07"),
            "calm[31m red]0;title"
        );
        assert_eq!(line("a\u{202E}b\u{0}c\u{9b}d"), "abcd");
    }

    #[test]
    fn whitespace_folds_to_one_line() {
        assert_eq!(line("  one\n\ttwo\r\nthree "), "one two three");
    }

    #[test]
    fn wide_text_is_kept() {
        assert_eq!(line("深呼吸 🌿"), "深呼吸 🌿");
    }
}
