//! A drawn buffer as an SVG picture, for the README: each run of cells in
//! one style is a `<text>` fitted to its columns, backgrounds and block
//! elements (the pacer's shape) are rectangles so they tile without gaps.
//! Only `scripts/pictures` and its staleness test use this.

use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

const CELL_W: f32 = 9.0;
const CELL_H: f32 = 18.0;
const BASELINE: f32 = 13.5;
/// The picture's own terminal: a dark background, a light foreground.
const BACKGROUND: &str = "#1c1e26";
const FOREGROUND: &str = "#d6d6d6";

/// xterm's 16 colours, as most dark schemes have them.
const ANSI: [&str; 16] = [
    "#1c1e26", "#e06c75", "#98c379", "#e5c07b", "#61afef", "#c678dd", "#56b6c2", "#d6d6d6",
    "#5c6370", "#ff7a85", "#b5e890", "#ffd68a", "#82c4ff", "#de9bf0", "#7fd3df", "#ffffff",
];

fn indexed(n: u8) -> String {
    match n {
        0..=15 => ANSI[n as usize].to_string(),
        16..=231 => {
            let n = n - 16;
            let level = |v: u8| if v == 0 { 0 } else { 55 + v * 40 };
            format!(
                "#{:02x}{:02x}{:02x}",
                level(n / 36),
                level(n / 6 % 6),
                level(n % 6)
            )
        }
        232..=255 => {
            let v = 8 + (n - 232) * 10;
            format!("#{v:02x}{v:02x}{v:02x}")
        }
    }
}

fn hex(color: Color, default: &str) -> String {
    match color {
        Color::Reset => default.to_string(),
        Color::Black => ANSI[0].into(),
        Color::Red => ANSI[1].into(),
        Color::Green => ANSI[2].into(),
        Color::Yellow => ANSI[3].into(),
        Color::Blue => ANSI[4].into(),
        Color::Magenta => ANSI[5].into(),
        Color::Cyan => ANSI[6].into(),
        Color::Gray => ANSI[7].into(),
        Color::DarkGray => ANSI[8].into(),
        Color::LightRed => ANSI[9].into(),
        Color::LightGreen => ANSI[10].into(),
        Color::LightYellow => ANSI[11].into(),
        Color::LightBlue => ANSI[12].into(),
        Color::LightMagenta => ANSI[13].into(),
        Color::LightCyan => ANSI[14].into(),
        Color::White => ANSI[15].into(),
        Color::Rgb(r, g, b) => format!("#{r:02x}{g:02x}{b:02x}"),
        Color::Indexed(n) => indexed(n),
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The part of a cell a block element fills: (x, y, width, height) as
/// fractions of the cell.
fn block(symbol: &str) -> Option<(f32, f32, f32, f32)> {
    Some(match symbol {
        "█" => (0.0, 0.0, 1.0, 1.0),
        "▀" => (0.0, 0.0, 1.0, 0.5),
        "▄" => (0.0, 0.5, 1.0, 0.5),
        "▌" => (0.0, 0.0, 0.5, 1.0),
        "▐" => (0.5, 0.0, 0.5, 1.0),
        _ => return None,
    })
}

/// The cell's colours after reverse video: (foreground, background).
fn colours(cell: &ratatui::buffer::Cell) -> (String, String) {
    let (fg, bg) = (hex(cell.fg, FOREGROUND), hex(cell.bg, BACKGROUND));
    if cell.modifier.contains(Modifier::REVERSED) {
        (bg, fg)
    } else {
        (fg, bg)
    }
}

pub fn render(buffer: &Buffer, title: &str) -> String {
    let area = buffer.area;
    let (width, height) = (
        f32::from(area.width) * CELL_W,
        f32::from(area.height) * CELL_H,
    );
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{}\">\n",
        escape(title)
    );
    out.push_str(&format!("<title>{}</title>\n", escape(title)));
    out.push_str(&format!(
        "<rect width=\"100%\" height=\"100%\" rx=\"6\" fill=\"{BACKGROUND}\"/>\n"
    ));
    out.push_str("<g font-family=\"'DejaVu Sans Mono', Menlo, Consolas, monospace\" font-size=\"14\" xml:space=\"preserve\">\n");
    for y in 0..area.height {
        let top = f32::from(y) * CELL_H;
        let mut x = 0;
        while x < area.width {
            let cell = &buffer[(area.x + x, area.y + y)];
            let (fg, bg) = colours(cell);
            if bg != BACKGROUND {
                out.push_str(&format!(
                    "<rect x=\"{}\" y=\"{top}\" width=\"{CELL_W}\" height=\"{CELL_H}\" fill=\"{bg}\"/>\n",
                    f32::from(x) * CELL_W
                ));
            }
            if let Some((bx, by, bw, bh)) = block(cell.symbol()) {
                out.push_str(&format!(
                    "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{fg}\"/>\n",
                    (f32::from(x) + bx) * CELL_W,
                    top + by * CELL_H,
                    bw * CELL_W,
                    bh * CELL_H
                ));
                x += 1;
                continue;
            }
            // A run of text cells in one style.
            let start = x;
            let style = (fg.clone(), cell.modifier);
            let mut text = String::new();
            while x < area.width {
                let cell = &buffer[(area.x + x, area.y + y)];
                let (cell_fg, cell_bg) = colours(cell);
                if (cell_fg, cell.modifier) != style
                    || cell_bg != bg
                    || block(cell.symbol()).is_some()
                {
                    break;
                }
                text.push_str(cell.symbol());
                // A wide character's second cell holds nothing of its own.
                x += crate::ui::width(cell.symbol()).clamp(1, 2) as u16;
            }
            if text.trim().is_empty() {
                continue;
            }
            let columns = x - start;
            let weight = if style.1.contains(Modifier::BOLD) {
                " font-weight=\"bold\""
            } else {
                ""
            };
            let dim = if style.1.contains(Modifier::DIM) {
                " opacity=\"0.6\""
            } else {
                ""
            };
            let italic = if style.1.contains(Modifier::ITALIC) {
                " font-style=\"italic\""
            } else {
                ""
            };
            out.push_str(&format!(
                "<text x=\"{}\" y=\"{}\" textLength=\"{}\" lengthAdjust=\"spacingAndGlyphs\" fill=\"{}\"{weight}{dim}{italic}>{}</text>\n",
                f32::from(start) * CELL_W,
                top + BASELINE,
                f32::from(columns) * CELL_W,
                style.0,
                escape(&text)
            ));
        }
    }
    out.push_str("</g>\n</svg>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;
    use ratatui::style::Style;

    #[test]
    fn text_runs_blocks_and_escapes() {
        let mut buffer = Buffer::empty(Rect::new(0, 0, 6, 1));
        buffer.set_string(0, 0, "a<b", Style::default().fg(Color::Rgb(1, 2, 3)));
        buffer.set_string(4, 0, "█", Style::default());
        let svg = render(&buffer, "t");
        assert!(svg.contains(">a&lt;b</text>"), "{svg}");
        assert!(svg.contains("fill=\"#010203\""));
        assert!(
            svg.contains(&format!(
                "<rect x=\"36\" y=\"0\" width=\"9\" height=\"18\" fill=\"{FOREGROUND}\"/>"
            )),
            "{svg}"
        );
        assert_eq!(indexed(16), "#000000");
        assert_eq!(indexed(231), "#ffffff");
    }
}
