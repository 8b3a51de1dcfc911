//! The breathing shape: a soft ellipse that grows with the in-breath and
//! shrinks with the out-breath. Drawn with half blocks, so each cell holds
//! two nearly square "pixels" and the outline stays smooth at any size.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

/// The shape never vanishes: at empty it is this share of its full size.
const MIN_SCALE: f64 = 0.18;
/// Wider than tall, like the calm sketch in the SPEC.
const ASPECT: f64 = 1.8;
/// At full breath the shape still leaves a margin: calm, not crowded.
const FULL_SHARE: f64 = 0.9;

pub struct Pacer {
    /// 0 = empty lungs, 1 = full.
    pub fill: f64,
    pub style: Style,
}

impl Widget for Pacer {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.width < 3 || area.height < 1 {
            return;
        }
        // In half-cell units a cell is 1 wide and 2 tall, so pixels are square.
        let max_ry = area.height as f64 - 0.5;
        let max_rx = (max_ry * ASPECT).min(area.width as f64 / 2.0 - 0.5);
        let max_ry = max_ry.min(max_rx / ASPECT).max(0.5);
        let scale = FULL_SHARE * (MIN_SCALE + (1.0 - MIN_SCALE) * self.fill.clamp(0.0, 1.0));
        let (rx, ry) = (max_rx * scale, max_ry * scale);
        let cx = area.width as f64 / 2.0;
        let cy = area.height as f64;
        let inside = |x: f64, y: f64| {
            let (dx, dy) = ((x - cx) / rx, (y - cy) / ry);
            dx * dx + dy * dy <= 1.0
        };
        for row in 0..area.height {
            for col in 0..area.width {
                let x = col as f64 + 0.5;
                let top = inside(x, row as f64 * 2.0 + 0.5);
                let bottom = inside(x, row as f64 * 2.0 + 1.5);
                let symbol = match (top, bottom) {
                    (true, true) => "█",
                    (true, false) => "▀",
                    (false, true) => "▄",
                    (false, false) => continue,
                };
                buf[(area.x + col, area.y + row)]
                    .set_symbol(symbol)
                    .set_style(self.style);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn painted(fill: f64, width: u16, height: u16) -> usize {
        let area = Rect::new(0, 0, width, height);
        let mut buf = Buffer::empty(area);
        Pacer {
            fill,
            style: Style::new(),
        }
        .render(area, &mut buf);
        buf.content().iter().filter(|c| c.symbol() != " ").count()
    }

    #[test]
    fn fuller_breath_paints_more_and_scales_with_the_area() {
        assert!(painted(0.0, 60, 14) > 0);
        assert!(painted(0.5, 60, 14) > painted(0.0, 60, 14));
        assert!(painted(1.0, 60, 14) > painted(0.5, 60, 14));
        assert!(painted(1.0, 120, 30) > painted(1.0, 60, 14));
    }

    #[test]
    fn tiny_areas_do_not_panic() {
        for (w, h) in [(0, 0), (1, 1), (3, 1), (2, 5), (200, 1)] {
            painted(1.0, w, h);
        }
    }
}
