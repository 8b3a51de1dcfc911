//! A text field on screen: boxed (with a counter when asked) or one row
//! after "›", scrolled so the cursor's row shows, a placeholder while
//! empty. Where the terminal's cursor goes is asked apart from drawing.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Paragraph, Widget};

use super::{Theme, fit};
use crate::text_field::TextField;

pub struct FieldView<'a> {
    pub field: &'a TextField,
    /// It has the keys: brighter border, cursor shown.
    pub focused: bool,
    pub placeholder: &'a str,
    /// Box it (else one row after "›").
    pub boxed: bool,
    /// "12/600" on the box's border.
    pub counter: bool,
}

impl FieldView<'_> {
    /// Where the text goes inside `rect`.
    fn inner(&self, rect: Rect) -> Rect {
        if self.boxed {
            let inner = Block::default().borders(Borders::ALL).inner(rect);
            Rect::new(
                inner.x + 1,
                inner.y,
                inner.width.saturating_sub(2),
                inner.height,
            )
        } else {
            Rect::new(
                rect.x + 2,
                rect.y,
                rect.width.saturating_sub(2),
                rect.height.min(1),
            )
        }
    }

    /// The first row shown: the field scrolls so the cursor's row is in
    /// view; a field without the keys shows its beginning.
    fn first_row(&self, inner: Rect) -> u16 {
        if !self.focused {
            return 0;
        }
        let (_, row) = self.field.layout(inner.width).cursor;
        row.saturating_sub(inner.height.saturating_sub(1))
    }

    /// Where the terminal's cursor goes while the field has the keys.
    pub fn cursor(&self, rect: Rect) -> Option<Position> {
        let inner = self.inner(rect);
        if !self.focused || inner.width < 2 || inner.height == 0 {
            return None;
        }
        if self.field.is_empty() {
            return Some(Position::new(inner.x, inner.y));
        }
        let (col, row) = self.field.layout(inner.width).cursor;
        Some(Position::new(
            inner.x + col,
            inner.y + row - self.first_row(inner),
        ))
    }

    pub fn render(&self, theme: &Theme, rect: Rect, buf: &mut Buffer) {
        if self.boxed {
            let mut block = Block::default()
                .borders(Borders::ALL)
                .border_type(BorderType::Rounded)
                .border_style(if self.focused { theme.text } else { theme.dim });
            if self.counter {
                let count = format!(" {}/{} ", self.field.len(), self.field.limit());
                block = block.title_bottom(Line::styled(count, theme.dim).right_aligned());
            }
            block.render(rect, buf);
        } else {
            Paragraph::new(Span::styled("›", theme.dim))
                .render(Rect::new(rect.x, rect.y, 1, rect.height.min(1)), buf);
        }
        let inner = self.inner(rect);
        if inner.width < 2 || inner.height == 0 {
            return;
        }
        if self.field.is_empty() {
            Paragraph::new(Line::styled(
                fit(self.placeholder, inner.width as usize),
                theme.dim.add_modifier(Modifier::ITALIC),
            ))
            .render(Rect::new(inner.x, inner.y, inner.width, 1), buf);
            return;
        }
        let layout = self.field.layout(inner.width);
        let first = self.first_row(inner);
        for (i, text) in layout
            .rows
            .iter()
            .skip(first as usize)
            .take(inner.height as usize)
            .enumerate()
        {
            Paragraph::new(Line::styled(text.clone(), theme.text))
                .render(Rect::new(inner.x, inner.y + i as u16, inner.width, 1), buf);
        }
    }
}
