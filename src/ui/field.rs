//! A text field on screen: boxed (with a counter when asked) or one row
//! after "›", scrolled so the cursor's row shows, a placeholder while
//! empty. Returns where the terminal's cursor goes while it has the keys.

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
    pub fn render(&self, theme: &Theme, rect: Rect, buf: &mut Buffer) -> Option<Position> {
        let inner = if self.boxed {
            let mut block = Block::default()
                .borders(Borders::ALL)
                .border_type(BorderType::Rounded)
                .border_style(if self.focused { theme.text } else { theme.dim });
            if self.counter {
                let count = format!(" {}/{} ", self.field.len(), self.field.limit());
                block = block.title_bottom(Line::styled(count, theme.dim).right_aligned());
            }
            let inner = block.inner(rect);
            block.render(rect, buf);
            Rect::new(
                inner.x + 1,
                inner.y,
                inner.width.saturating_sub(2),
                inner.height,
            )
        } else {
            Paragraph::new(Span::styled("›", theme.dim))
                .render(Rect::new(rect.x, rect.y, 1, rect.height.min(1)), buf);
            Rect::new(
                rect.x + 2,
                rect.y,
                rect.width.saturating_sub(2),
                rect.height.min(1),
            )
        };
        if inner.width < 2 || inner.height == 0 {
            return None;
        }
        if self.field.is_empty() {
            Paragraph::new(Line::styled(
                fit(self.placeholder, inner.width as usize),
                theme.dim.add_modifier(Modifier::ITALIC),
            ))
            .render(Rect::new(inner.x, inner.y, inner.width, 1), buf);
            return self.focused.then_some(Position::new(inner.x, inner.y));
        }
        let layout = self.field.layout(inner.width);
        let (col, row) = layout.cursor;
        // Scroll so the cursor's row is always in view.
        let first = row.saturating_sub(inner.height - 1);
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
        self.focused
            .then(|| Position::new(inner.x + col, inner.y + row - first))
    }
}
