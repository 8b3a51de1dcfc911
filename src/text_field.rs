//! A text field: the text, a cursor between grapheme clusters, and the
//! edits a person makes at a keyboard. One paragraph, or several lines when
//! the field allows line breaks. Pure: no terminal. Everything counts and
//! moves by extended grapheme cluster (`👍🏽`, `👨‍👩‍👧`, `e` + an accent
//! are one each), measured as ratatui measures them, so the cursor always
//! sits where the text ends and no edit leaves half a cluster. Input is
//! cleaned (no control characters) and capped, so a huge paste can neither
//! panic nor grow without bound.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use crate::keys::Edit;
use crate::sanitize;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextField {
    text: String,
    /// Byte offset the next character goes before; always between clusters.
    cursor: usize,
    /// At most this many clusters.
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
    /// (column, row) of every cluster, and of the end.
    positions: Vec<(u16, u16)>,
}

impl Layout {
    /// The cluster index nearest `column` on `row`, if the row exists.
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

    /// An empty field taking at most `limit` clusters.
    pub fn new(limit: usize) -> TextField {
        TextField {
            text: String::new(),
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

    /// A field holding `text` (cleaned and capped), cursor at the end.
    pub fn with_text(limit: usize, text: &str) -> TextField {
        let mut field = TextField::new(limit);
        field.insert_str(text);
        field
    }

    /// How many clusters it holds (what the counter shows).
    pub fn len(&self) -> usize {
        self.text.graphemes(true).count()
    }

    pub fn limit(&self) -> usize {
        self.limit
    }

    pub fn text(&self) -> String {
        self.text.clone()
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    pub fn is_full(&self) -> bool {
        self.len() >= self.limit
    }

    /// The cursor as a cluster index.
    pub fn cursor(&self) -> usize {
        self.text[..self.cursor].graphemes(true).count()
    }

    pub fn at_start(&self) -> bool {
        self.cursor == 0
    }

    /// The byte offset of the cluster boundary before the cursor.
    fn previous_boundary(&self) -> Option<usize> {
        self.text[..self.cursor]
            .grapheme_indices(true)
            .next_back()
            .map(|(i, _)| i)
    }

    /// The byte offset of the cluster boundary after the cursor.
    fn next_boundary(&self) -> Option<usize> {
        self.text[self.cursor..]
            .graphemes(true)
            .next()
            .map(|g| self.cursor + g.len())
    }

    /// A line break at the cursor (multi-line fields only).
    pub fn newline(&mut self) -> bool {
        if !self.multiline {
            return false;
        }
        self.put("\n")
    }

    /// Puts `piece` at the cursor, refusing it when that would make one
    /// cluster too many; the cursor then moves past the cluster the piece
    /// ended up in (a skin tone or an accent joins the cluster before it).
    fn put(&mut self, piece: &str) -> bool {
        let before = self.len();
        self.text.insert_str(self.cursor, piece);
        let after = self.len();
        let end = self.cursor + piece.len();
        if after > before && after > self.limit {
            self.text.replace_range(self.cursor..end, "");
            return false;
        }
        // The boundary at or after the inserted piece.
        self.cursor = self
            .text
            .grapheme_indices(true)
            .map(|(i, g)| i + g.len())
            .find(|&boundary| boundary >= end)
            .unwrap_or(self.text.len());
        true
    }

    /// Types one character. Returns false when it was refused (a control
    /// character, or the field is full).
    pub fn insert(&mut self, c: char) -> bool {
        if c == '\n' {
            return self.newline();
        }
        if c.is_control() {
            return false;
        }
        self.put(c.encode_utf8(&mut [0; 4]))
    }

    /// A paste (or a commit from an input method): line breaks and tabs
    /// become spaces (line breaks stay in a multi-line field), other
    /// controls vanish, and whatever does not fit is dropped. Each cluster
    /// goes in whole, so a pasted emoji sequence stays one. Returns whether
    /// all of it fit.
    pub fn insert_str(&mut self, text: &str) -> bool {
        let mut cleaned = String::with_capacity(text.len().min(self.limit * 8));
        let mut after_break = false;
        let mut cut = false;
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            if self.multiline && c == '\n' {
                after_break = false;
                cleaned.push('\n');
            } else if self.multiline && c == '\r' {
                // "\r\n" is one break (the "\n" makes it); a lone "\r" is
                // how many terminals paste a line break.
                if chars.peek() != Some(&'\n') {
                    cleaned.push('\n');
                }
            } else if matches!(c, '\t' | '\n' | '\r') {
                // "\r\n" and runs of breaks become one space.
                if !after_break {
                    cleaned.push(' ');
                }
                after_break = true;
            } else {
                after_break = false;
                if !sanitize::is_unsafe(c) {
                    cleaned.push(c);
                }
            }
            // Enough for any field: the rest could never fit.
            if cleaned.len() > self.limit.saturating_mul(64) {
                cut = true;
                break;
            }
        }
        for cluster in cleaned.graphemes(true) {
            if !self.put(cluster) {
                return false;
            }
        }
        !cut
    }

    /// Deletes the whole cluster before the cursor.
    pub fn backspace(&mut self) -> bool {
        let Some(start) = self.previous_boundary() else {
            return false;
        };
        self.text.replace_range(start..self.cursor, "");
        self.cursor = start;
        true
    }

    /// Deletes the whole cluster after the cursor.
    pub fn delete(&mut self) -> bool {
        let Some(end) = self.next_boundary() else {
            return false;
        };
        self.text.replace_range(self.cursor..end, "");
        true
    }

    pub fn left(&mut self) -> bool {
        match self.previous_boundary() {
            Some(start) => {
                self.cursor = start;
                true
            }
            None => false,
        }
    }

    pub fn right(&mut self) -> bool {
        match self.next_boundary() {
            Some(end) => {
                self.cursor = end;
                true
            }
            None => false,
        }
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
        while self.text[..self.cursor].ends_with(' ') {
            self.backspace();
        }
        // A word ends at a space or a line break: earlier lines stay.
        while self.cursor > 0 && !self.text[..self.cursor].ends_with([' ', '\n']) {
            self.backspace();
        }
        self.cursor != start
    }

    /// Ctrl-U: everything before the cursor.
    pub fn delete_to_start(&mut self) -> bool {
        let had = self.cursor > 0;
        self.text.replace_range(..self.cursor, "");
        self.cursor = 0;
        had
    }

    /// Empties the field and returns what it held.
    pub fn take(&mut self) -> String {
        self.cursor = 0;
        std::mem::take(&mut self.text)
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
        let Some(index) = layout.index_at(column, target) else {
            return false;
        };
        self.cursor = self
            .text
            .grapheme_indices(true)
            .nth(index)
            .map_or(self.text.len(), |(i, _)| i);
        true
    }

    /// Breaks the text into rows of at most `width` columns, cluster by
    /// cluster and by display width (a wide cluster never splits across
    /// rows), and places the cursor. An empty field is one empty row. When
    /// the cursor sits at the very end of a full row it moves to the start
    /// of the next.
    pub fn layout(&self, width: u16) -> Layout {
        let width = usize::from(width.max(2));
        let mut rows = vec![String::new()];
        let mut used = 0;
        let mut positions = Vec::new();
        let mut cursor_index = None;
        for (i, (at, cluster)) in self.text.grapheme_indices(true).enumerate() {
            if at == self.cursor {
                cursor_index = Some(i);
            }
            if cluster == "\n" {
                positions.push((used as u16, (rows.len() - 1) as u16));
                rows.push(String::new());
                used = 0;
                continue;
            }
            let w = cluster.width();
            if used + w > width {
                rows.push(String::new());
                used = 0;
            }
            positions.push((used as u16, (rows.len() - 1) as u16));
            rows.last_mut().expect("one row at least").push_str(cluster);
            used += w;
        }
        let end = positions.len();
        // The end: a cursor there after a full row starts the next one.
        if used >= width && self.cursor == self.text.len() {
            rows.push(String::new());
            used = 0;
        }
        positions.push((used as u16, (rows.len() - 1) as u16));
        Layout {
            rows,
            cursor: positions[cursor_index.unwrap_or(end)],
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
    fn a_lone_carriage_return_is_a_line_break_and_ctrl_w_stays_on_its_line() {
        let mut field = TextField::multiline(100);
        field.insert_str("one\rtwo\r\nthree");
        assert_eq!(field.text(), "one\ntwo\nthree");
        field.delete_word();
        assert_eq!(field.text(), "one\ntwo\n", "the line before stays");
        field.delete_word();
        assert_eq!(field.text(), "one\ntwo\n", "a line break is not a word");
    }

    #[test]
    fn the_cap_counts_line_breaks_too() {
        let mut field = TextField::multiline(3);
        assert!(field.insert('a') && field.newline() && field.insert('b'));
        assert!(!field.newline() && !field.insert('c'));
        assert_eq!((field.len(), field.limit()), (3, 3));
    }

    #[test]
    fn clusters_are_counted_moved_over_and_deleted_whole() {
        let mut field = typed("👍🏽x");
        assert_eq!(field.len(), 2, "thumbs with a skin tone is one");
        assert_eq!(field.layout(40).cursor, (3, 0), "two columns, then x");
        field.backspace();
        field.backspace();
        assert!(
            field.is_empty(),
            "no half emoji left behind: {:?}",
            field.text()
        );
        let mut field = typed("e\u{301}a");
        field.left();
        field.left();
        assert!(field.at_start());
        field.delete();
        assert_eq!(field.text(), "a");
        // Typing an accent after a letter joins it; the counter stays.
        let mut field = TextField::new(1);
        assert!(field.insert('e'));
        assert!(field.insert('\u{301}'), "an accent is not a new cluster");
        assert!(!field.insert('x'), "but a new letter is");
        assert_eq!(field.len(), 1);
    }

    /// Clusters that never join their neighbours, so a list of them is the
    /// text's own segmentation.
    const CLUSTERS: [&str; 10] = [
        "a",
        "e\u{301}",
        "👍🏽",
        "👨\u{200d}👩\u{200d}👧",
        "❤\u{fe0f}",
        "窓",
        "\u{1112}\u{1161}\u{11ab}",
        " ",
        "x",
        "🌿",
    ];

    #[derive(Debug, Clone)]
    enum Op {
        Type(usize),
        Paste(Vec<usize>),
        Backspace,
        Delete,
        Left,
        Right,
        Home,
        End,
        Word,
    }

    fn op() -> impl proptest::strategy::Strategy<Value = Op> {
        use proptest::prelude::*;
        prop_oneof![
            4 => (0..CLUSTERS.len()).prop_map(Op::Type),
            1 => proptest::collection::vec(0..CLUSTERS.len(), 0..6).prop_map(Op::Paste),
            2 => Just(Op::Backspace),
            1 => Just(Op::Delete),
            2 => Just(Op::Left),
            1 => Just(Op::Right),
            1 => Just(Op::Home),
            1 => Just(Op::End),
            1 => Just(Op::Word),
        ]
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]

        /// Against a model that is a list of whole clusters: the text is
        /// always whole clusters, the counter counts them, and the cursor's
        /// column is the width of what stands before it.
        #[test]
        fn no_edit_leaves_a_partial_cluster_and_the_cursor_is_where_the_text_ends(
            ops in proptest::collection::vec(op(), 0..40)
        ) {
            let mut field = TextField::new(30);
            let mut model: Vec<&str> = Vec::new();
            let mut at = 0usize;
            for op in ops {
                let put = |model: &mut Vec<&str>, at: &mut usize, field: &mut TextField, i: usize| {
                    let cluster = CLUSTERS[i];
                    // One key for one character; an input method or a paste
                    // hands over a longer cluster at once.
                    let typed_all = if cluster.chars().count() == 1 {
                        cluster.chars().all(|c| field.insert(c))
                    } else {
                        field.insert_str(cluster)
                    };
                    if model.len() < 30 {
                        proptest::prop_assert!(typed_all);
                        model.insert(*at, cluster);
                        *at += 1;
                    }
                    Ok(())
                };
                match op {
                    Op::Type(i) => put(&mut model, &mut at, &mut field, i)?,
                    Op::Paste(list) => {
                        for i in list {
                            put(&mut model, &mut at, &mut field, i)?;
                        }
                    }
                    Op::Backspace => {
                        field.backspace();
                        if at > 0 {
                            at -= 1;
                            model.remove(at);
                        }
                    }
                    Op::Delete => {
                        field.delete();
                        if at < model.len() {
                            model.remove(at);
                        }
                    }
                    Op::Left => {
                        field.left();
                        at = at.saturating_sub(1);
                    }
                    Op::Right => {
                        field.right();
                        at = (at + 1).min(model.len());
                    }
                    Op::Home => {
                        field.home();
                        at = 0;
                    }
                    Op::End => {
                        field.end();
                        at = model.len();
                    }
                    Op::Word => {
                        field.delete_word();
                        while at > 0 && model[at - 1] == " " {
                            at -= 1;
                            model.remove(at);
                        }
                        while at > 0 && model[at - 1] != " " {
                            at -= 1;
                            model.remove(at);
                        }
                    }
                }
                proptest::prop_assert_eq!(field.text(), model.concat());
                proptest::prop_assert_eq!(field.len(), model.len());
                proptest::prop_assert_eq!(field.cursor(), at);
                let before: usize = model[..at].iter().map(|c| UnicodeWidthStr::width(*c)).sum();
                proptest::prop_assert_eq!(field.layout(200).cursor, (before as u16, 0));
            }
        }
    }

    #[test]
    fn the_cursor_after_a_full_row_starts_the_next() {
        let layout = typed("abcd").layout(4);
        assert_eq!(layout.rows, ["abcd", ""]);
        assert_eq!(layout.cursor, (0, 1));
        assert_eq!(TextField::new(5).layout(10).cursor, (0, 0));
    }
}
