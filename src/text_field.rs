//! A text field: the text, a cursor between characters, and the edits a
//! person makes at a keyboard. One paragraph, or several lines when the
//! field allows line breaks. Pure: no terminal. Input is
//! cleaned (no control characters) and capped, so a huge paste can neither
//! panic nor grow without bound. Layout by display width lives in
//! [`TextField::layout`], so CJK and emoji place the cursor correctly.

use unicode_width::UnicodeWidthChar;

use crate::keys::Edit;
use crate::sanitize;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextField {
    text: Vec<char>,
    /// Index in `text` the next character goes before.
    cursor: usize,
    limit: usize,
    /// Line breaks are kept (typed with Alt-Enter, or pasted).
    multiline: bool,
}

/// The field broken into rows of at most `width` columns, and where the
/// cursor sits among them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    pub rows: Vec<String>,
    /// (column, row) of the cursor.
    pub cursor: (u16, u16),
    /// (column, row) of every character, and of the end.
    positions: Vec<(u16, u16)>,
}

impl Layout {
    /// The text index nearest `column` on `row`, if the row exists.
    fn index_at(&self, column: u16, row: u16) -> Option<usize> {
        let on_row = self
            .positions
            .iter()
            .enumerate()
            .filter(|(_, p)| p.1 == row);
        on_row
            .filter(|(_, p)| p.0 <= column)
            .map(|(i, _)| i)
            .next_back()
    }
}

impl TextField {
    /// One of the shared editing keys; ↑ ↓ move by rows of a layout
    /// `width` wide (0: a one-row field, no vertical moves). Whether the
    /// text or the cursor changed.
    pub fn apply(&mut self, edit: Edit, width: u16) -> bool {
        let at = self.cursor;
        match edit {
            Edit::Backspace => return self.backspace(),
            Edit::Delete => return self.delete(),
            Edit::Right => return self.right(),
            Edit::RowUp if width > 0 => return self.vertical(width, false),
            Edit::RowDown if width > 0 => return self.vertical(width, true),
            Edit::RowUp | Edit::RowDown => return false,
            Edit::Home => self.home(),
            Edit::End => self.end(),
            Edit::DeleteToStart => return self.delete_to_start(),
            Edit::DeleteWord => return self.delete_word(),
        }
        at != self.cursor
    }

    /// An empty field taking at most `limit` characters.
    pub fn new(limit: usize) -> TextField {
        TextField {
            text: Vec::new(),
            cursor: 0,
            limit,
            multiline: false,
        }
    }

    /// An empty field that keeps line breaks.
    pub fn multiline(limit: usize) -> TextField {
        TextField {
            multiline: true,
            ..TextField::new(limit)
        }
    }

    /// A multi-line field holding `text`, cursor at the end.
    pub fn multiline_with(limit: usize, text: &str) -> TextField {
        let mut field = TextField::multiline(limit);
        field.insert_str(text);
        field
    }

    pub fn len(&self) -> usize {
        self.text.len()
    }

    pub fn limit(&self) -> usize {
        self.limit
    }

    /// A line break at the cursor (multi-line fields only).
    pub fn newline(&mut self) -> bool {
        if !self.multiline || self.is_full() {
            return false;
        }
        self.text.insert(self.cursor, '\n');
        self.cursor += 1;
        true
    }

    /// The cursor one row up or down in a layout `width` wide, keeping its
    /// column as near as the row allows.
    pub fn vertical(&mut self, width: u16, down: bool) -> bool {
        let layout = self.layout(width);
        let (column, row) = layout.cursor;
        let target = if down {
            row + 1
        } else if row == 0 {
            return false;
        } else {
            row - 1
        };
        match layout.index_at(column, target) {
            Some(index) => {
                self.cursor = index;
                true
            }
            None => false,
        }
    }

    /// A field holding `text` (cleaned and capped), cursor at the end.
    pub fn with_text(limit: usize, text: &str) -> TextField {
        let mut field = TextField::new(limit);
        field.insert_str(text);
        field
    }

    pub fn text(&self) -> String {
        self.text.iter().collect()
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    pub fn is_full(&self) -> bool {
        self.text.len() >= self.limit
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    pub fn at_start(&self) -> bool {
        self.cursor == 0
    }

    /// Types one character. Returns false when it was refused (a control
    /// character, or the field is full).
    pub fn insert(&mut self, c: char) -> bool {
        if c == '\n' {
            return self.newline();
        }
        if c.is_control() || self.is_full() {
            return false;
        }
        self.text.insert(self.cursor, c);
        self.cursor += 1;
        true
    }

    /// A paste: line breaks and tabs become spaces, other controls vanish,
    /// and whatever does not fit is dropped. Returns whether all of it fit.
    pub fn insert_str(&mut self, text: &str) -> bool {
        let mut all = true;
        let mut after_break = false;
        for c in text.chars() {
            if self.multiline && c == '\n' {
                after_break = false;
                all &= self.newline();
            } else if self.multiline && c == '\r' {
                // "\r\n" is one break; the "\n" makes it.
            } else if matches!(c, '\t' | '\n' | '\r') {
                // "\r\n" and runs of breaks become one space.
                if !after_break {
                    all &= self.insert(' ');
                }
                after_break = true;
            } else {
                after_break = false;
                if !sanitize::is_unsafe(c) {
                    all &= self.insert(c);
                }
            }
            if self.is_full() && !all {
                break;
            }
        }
        all
    }

    pub fn backspace(&mut self) -> bool {
        if self.cursor == 0 {
            return false;
        }
        self.cursor -= 1;
        self.text.remove(self.cursor);
        true
    }

    pub fn delete(&mut self) -> bool {
        if self.cursor >= self.text.len() {
            return false;
        }
        self.text.remove(self.cursor);
        true
    }

    pub fn left(&mut self) -> bool {
        let moved = self.cursor > 0;
        self.cursor = self.cursor.saturating_sub(1);
        moved
    }

    pub fn right(&mut self) -> bool {
        let moved = self.cursor < self.text.len();
        self.cursor = (self.cursor + 1).min(self.text.len());
        moved
    }

    pub fn home(&mut self) {
        self.cursor = 0;
    }

    pub fn end(&mut self) {
        self.cursor = self.text.len();
    }

    /// Ctrl-W: the word before the cursor, and the spaces after it.
    pub fn delete_word(&mut self) -> bool {
        let start = self.cursor;
        while self.cursor > 0 && self.text[self.cursor - 1] == ' ' {
            self.backspace();
        }
        while self.cursor > 0 && self.text[self.cursor - 1] != ' ' {
            self.backspace();
        }
        self.cursor != start
    }

    /// Ctrl-U: everything before the cursor.
    pub fn delete_to_start(&mut self) -> bool {
        let had = self.cursor > 0;
        self.text.drain(..self.cursor);
        self.cursor = 0;
        had
    }

    /// Empties the field and returns what it held.
    pub fn take(&mut self) -> String {
        let text = self.text();
        self.text.clear();
        self.cursor = 0;
        text
    }

    /// Breaks the text into rows of at most `width` columns, by display
    /// width (a wide character never splits across rows), and places the
    /// cursor. An empty field is one empty row. When the cursor sits at the
    /// very end of a full row it moves to the start of the next.
    pub fn layout(&self, width: u16) -> Layout {
        let width = usize::from(width.max(2));
        let mut rows = vec![String::new()];
        let mut used = 0;
        let mut positions = Vec::with_capacity(self.text.len() + 1);
        for &c in &self.text {
            if c == '\n' {
                positions.push((used as u16, (rows.len() - 1) as u16));
                rows.push(String::new());
                used = 0;
                continue;
            }
            let w = c.width().unwrap_or(0);
            if used + w > width {
                rows.push(String::new());
                used = 0;
            }
            positions.push((used as u16, (rows.len() - 1) as u16));
            rows.last_mut().expect("one row at least").push(c);
            used += w;
        }
        // The end: a cursor there after a full row starts the next one.
        if used >= width && self.cursor == self.text.len() {
            rows.push(String::new());
            used = 0;
        }
        positions.push((used as u16, (rows.len() - 1) as u16));
        Layout {
            rows,
            cursor: positions[self.cursor.min(self.text.len())],
            positions,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(text: &str) -> TextField {
        let mut field = TextField::new(50);
        for c in text.chars() {
            field.insert(c);
        }
        field
    }

    #[test]
    fn typing_editing_and_moving() {
        let mut field = typed("lamp");
        assert_eq!(field.text(), "lamp");
        field.left();
        field.left();
        field.insert('x');
        assert_eq!(field.text(), "laxmp");
        field.backspace();
        field.delete();
        assert_eq!(field.text(), "lap");
        field.home();
        assert!(field.at_start());
        assert!(!field.backspace());
        field.end();
        field.insert_str(" top");
        assert_eq!(field.text(), "lap top");
        assert!(field.delete_word());
        assert_eq!(field.text(), "lap ");
        assert_eq!(field.take(), "lap ");
        assert!(field.is_empty());
    }

    #[test]
    fn letters_that_are_keys_elsewhere_are_just_letters() {
        assert_eq!(typed("q?b!g").text(), "q?b!g");
    }

    #[test]
    fn a_huge_paste_is_capped_and_cleaned() {
        let mut field = TextField::new(10);
        let paste = "line one\nline two\u{1b}[31m".repeat(10_000);
        assert!(!field.insert_str(&paste));
        assert_eq!(field.text(), "line one l");
        assert!(!field.insert('x'));
        assert!(!TextField::new(5).insert('\u{7}'));
    }

    #[test]
    fn layout_wraps_by_display_width_and_keeps_wide_characters_whole() {
        // Each 窓 is two columns wide: three fit in 7 columns, the fourth wraps.
        let field = typed("窓窓窓窓");
        let layout = field.layout(7);
        assert_eq!(layout.rows, ["窓窓窓", "窓"]);
        assert_eq!(layout.cursor, (2, 1));
        let mut field = typed("ab🌿c");
        field.left();
        let layout = field.layout(3);
        assert_eq!(layout.rows, ["ab", "🌿c"]);
        assert_eq!(layout.cursor, (2, 1));
    }

    #[test]
    fn a_multiline_field_keeps_breaks_and_moves_by_rows() {
        let mut field = TextField::multiline(100);
        for c in "窓の外\nbirds".chars() {
            field.insert(c);
        }
        let layout = field.layout(20);
        assert_eq!(layout.rows, ["窓の外", "birds"]);
        assert_eq!(layout.cursor, (5, 1));
        // Up from column 5 lands at the end of the wide first row (column 6 > 5, so before 外).
        assert!(field.vertical(20, false));
        assert_eq!(field.layout(20).cursor, (4, 0));
        assert!(!field.vertical(20, false), "no row above the first");
        assert!(field.vertical(20, true));
        assert_eq!(field.layout(20).cursor, (4, 1));
        // A paste keeps its lines; a one-line field turns them into spaces.
        let mut pasted = TextField::multiline(100);
        pasted.insert_str("one\r\ntwo");
        assert_eq!(pasted.text(), "one\ntwo");
        let mut single = TextField::new(100);
        single.insert_str("one\r\ntwo");
        assert_eq!(single.text(), "one two");
        assert!(!single.newline());
    }

    #[test]
    fn the_cap_counts_line_breaks_too() {
        let mut field = TextField::multiline(3);
        assert!(field.insert('a') && field.newline() && field.insert('b'));
        assert!(!field.newline() && !field.insert('c'));
        assert_eq!((field.len(), field.limit()), (3, 3));
    }

    #[test]
    fn the_cursor_after_a_full_row_starts_the_next() {
        let layout = typed("abcd").layout(4);
        assert_eq!(layout.rows, ["abcd", ""]);
        assert_eq!(layout.cursor, (0, 1));
        assert_eq!(TextField::new(5).layout(10).cursor, (0, 0));
    }
}
