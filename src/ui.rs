//! Widgets and helpers shared by every screen: palette, pacer, footer,
//! notices and the "window too small" fallback. Rendering only.

pub mod big;
pub mod field;
pub mod footer;
pub mod pacer;
pub mod scale;
pub mod theme;

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Margin, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};
use unicode_segmentation::UnicodeSegmentation;

pub use theme::Theme;

/// Cuts `text` to at most `width` columns by display width, ending in "…"
/// when anything was cut. Cut between grapheme clusters, as ratatui draws
/// them: a wide character or an emoji with a modifier never splits.
pub fn fit(text: &str, width: usize) -> String {
    if self::width(text) <= width {
        return text.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for cluster in text.graphemes(true) {
        let w = self::width(cluster);
        if used + w > width - 1 {
            break;
        }
        out.push_str(cluster);
        used += w;
    }
    out.push('…');
    out
}

/// One line, centred in `area`'s row `y`, cut to fit.
pub fn centered_line(buf: &mut Buffer, area: Rect, y: u16, text: &str, style: Style) {
    if y >= area.bottom() || area.width == 0 {
        return;
    }
    let line = Line::styled(fit(text, area.width as usize), style);
    let row = Rect::new(area.x, y, area.width, 1);
    Paragraph::new(line)
        .alignment(Alignment::Center)
        .render(row, buf);
}

/// The top row: a title on the left, counts on the right. A title cut to a
/// stub says nothing, so it gives its room to the counts.
pub fn header(buf: &mut Buffer, area: Rect, title: &str, counts: &str, theme: &Theme) {
    let right = format!("{counts} ");
    let row = Rect::new(area.x, area.y, area.width, 1);
    let room = (area.width as usize).saturating_sub(right.chars().count() + 1);
    if room >= 12 {
        Paragraph::new(Line::styled(fit(&format!(" {title}"), room), theme.title)).render(row, buf);
    }
    Paragraph::new(Line::styled(right, theme.dim))
        .alignment(Alignment::Right)
        .render(row, buf);
}

/// Text wrapped to `width` columns and cut to `rows` lines (the last one
/// ending in "…" if anything was left out).
pub fn wrap(text: &str, width: usize, rows: usize) -> Vec<String> {
    use unicode_width::UnicodeWidthStr;
    let width = width.max(1);
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let needed = if current.is_empty() {
            word.width()
        } else {
            current.width() + 1 + word.width()
        };
        if needed <= width {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
            continue;
        }
        if !current.is_empty() {
            lines.push(std::mem::take(&mut current));
        }
        // A word longer than a line is cut across lines by display width.
        let mut rest = word.to_string();
        while rest.width() > width {
            let head = fit_exact(&rest, width);
            rest = rest[head.len()..].to_string();
            lines.push(head);
        }
        current = rest;
    }
    if !current.is_empty() {
        lines.push(current);
    }
    if lines.len() > rows {
        lines.truncate(rows);
        if let Some(last) = lines.last_mut() {
            *last = fit(&format!("{last} …"), width);
        }
    }
    lines
}

/// [`wrap`], each line with `style`: a page's lines as they are built.
pub fn wrapped(text: &str, width: usize, rows: usize, style: Style) -> Vec<(String, Style)> {
    wrap(text, width, rows)
        .into_iter()
        .map(|line| (line, style))
        .collect()
}

/// The longest prefix of `text` at most `width` columns wide, whole
/// clusters only (at least one cluster).
fn fit_exact(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    for cluster in text.graphemes(true) {
        let w = self::width(cluster);
        if used + w > width && !out.is_empty() {
            break;
        }
        out.push_str(cluster);
        used += w;
    }
    out
}

/// How a [`page`]'s lines sit across the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Each line centred.
    Center,
    /// Left-aligned lines, the block as a whole centred.
    Block,
    /// Left-aligned, two columns in.
    Left,
}

/// A page of lines (Support): centred top to bottom. When the lines do not
/// fit, the empty ones go first, then the last ones.
pub fn page(buf: &mut Buffer, area: Rect, mut lines: Vec<(String, Style)>, align: Align) {
    if lines.len() > area.height as usize {
        lines.retain(|(text, _)| !text.is_empty());
        lines.truncate(area.height as usize);
    }
    let block = area.centered_vertically(Constraint::Length(lines.len() as u16));
    let widest = lines.iter().map(|(t, _)| width(t)).max().unwrap_or(0) as u16;
    let block = match align {
        Align::Center => block,
        Align::Block => block.centered_horizontally(Constraint::Length(widest.min(block.width))),
        Align::Left => block.inner(Margin::new(2, 0)),
    };
    let lines: Vec<Line> = lines
        .into_iter()
        .map(|(text, style)| Line::styled(fit(&text, block.width as usize), style))
        .collect();
    let text = Paragraph::new(lines);
    match align {
        Align::Center => text.centered().render(block, buf),
        Align::Block | Align::Left => text.render(block, buf),
    }
}

/// Below a screen's minimum size: one calm line, wrapped to whatever fits.
pub fn too_small(area: Rect, buf: &mut Buffer, theme: &Theme) {
    let mut text = "Make the window a little bigger";
    if area.width == 0 || area.height == 0 {
        return;
    }
    // Words wrap to about this many rows; if even that does not fit, a shorter plea.
    let mut lines = (text.len() as u16).div_ceil(area.width.saturating_sub(2).max(1));
    if lines > area.height {
        text = "Too small";
        lines = (text.len() as u16).div_ceil(area.width).min(area.height);
    }
    let rect = area.centered_vertically(Constraint::Length(lines.min(area.height)));
    Paragraph::new(text)
        .style(theme.text)
        .alignment(Alignment::Center)
        .wrap(Wrap { trim: true })
        .render(rect, buf);
}

/// `Layout::vertical(constraints).areas(area)`, answered by arithmetic when
/// every constraint is a `Length` or a `Fill` (the rows of the Breathe
/// screen and the app's frame): ratatui's solver takes 0.05–0.2 ms for each
/// layout it has not seen, and the first frame of `soothe breathe` has to
/// be there within milliseconds. Anything else goes to `Layout`. A test
/// holds the two to the same answer.
pub fn stack<const N: usize>(area: Rect, constraints: [Constraint; N]) -> [Rect; N] {
    let mut fixed = 0u32;
    let mut weights = 0u32;
    for constraint in constraints {
        match constraint {
            Constraint::Length(n) => fixed += u32::from(n),
            Constraint::Fill(w) => weights += u32::from(w),
            _ => return Layout::vertical(constraints).areas(area),
        }
    }
    let height = u32::from(area.height);
    if fixed > height || (weights == 0 && fixed != height) {
        // Squeezed or loose: the solver's rules decide.
        return Layout::vertical(constraints).areas(area);
    }
    let spare = height - fixed;
    let mut out = [Rect::default(); N];
    let mut y = u32::from(area.y);
    let mut weight_before = 0u32;
    for (rect, constraint) in out.iter_mut().zip(constraints) {
        let rows = match constraint {
            Constraint::Length(n) => u32::from(n),
            Constraint::Fill(w) => {
                // Each fill ends where its share of the spare rows, rounded, ends.
                let start = (spare * weight_before * 2 + weights) / (weights * 2);
                weight_before += u32::from(w);
                let end = (spare * weight_before * 2 + weights) / (weights * 2);
                end - start
            }
            _ => 0,
        };
        *rect = Rect::new(area.x, y as u16, area.width, rows as u16);
        y += rows;
    }
    out
}

/// A menu of `items` with `selected` marked by "▸" (and its own style),
/// the others indented to match; ratatui's list keeps it in view.
pub fn menu(items: Vec<ratatui::widgets::ListItem>, selected: usize, area: Rect, buf: &mut Buffer) {
    use ratatui::widgets::{HighlightSpacing, List, ListState, StatefulWidget};
    let mut state = ListState::default().with_selected(Some(selected));
    StatefulWidget::render(
        List::new(items)
            .highlight_symbol(" ▸ ")
            .highlight_spacing(HighlightSpacing::Always),
        area,
        buf,
        &mut state,
    );
}

/// Display width of `text` as ratatui lays it out: cluster by cluster.
pub fn width(text: &str) -> usize {
    use unicode_width::UnicodeWidthStr;
    // Most of what is drawn each frame is plain ASCII: one column a byte.
    if text.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return text.len();
    }
    // Letters, punctuation, arrows and shapes that never join a neighbour
    // (no combining marks, joiners, selectors or modifiers): a cluster is
    // one character, so characters can be measured one by one.
    let lone = |c: char| matches!(c as u32, 0x20..=0x7e | 0xa0..=0x2ff | 0x2010..=0x20cf | 0x2100..=0x2bff);
    if text.chars().all(lone) {
        use unicode_width::UnicodeWidthChar;
        return text.chars().map(|c| c.width().unwrap_or(0)).sum();
    }
    text.graphemes(true).map(UnicodeWidthStr::width).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stack_answers_as_the_layout_solver_does() {
        use Constraint::{Fill, Length};
        for height in 0..26u16 {
            let area = Rect::new(3, 2, 40, height);
            for a in 0..5 {
                for b in 0..4 {
                    let sets: [[Constraint; 5]; 4] = [
                        [Length(a), Fill(1), Length(1), Length(b), Length(2)],
                        [Length(a), Fill(1), Length(1), Length(b), Fill(1)],
                        [Fill(2), Length(a), Fill(1), Length(b), Fill(3)],
                        [
                            Length(a),
                            Length(b),
                            Length(1),
                            Length(1),
                            Length(height.saturating_sub(a + b + 2)),
                        ],
                    ];
                    for set in sets {
                        assert_eq!(
                            stack(area, set),
                            Layout::vertical(set).areas::<5>(area),
                            "{set:?} in {height} rows"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn width_measures_as_ratatui_does_on_every_path() {
        for text in [
            "calm",
            "in · out ← →",
            "●○ ━─ …",
            "窓の外",
            "👍🏽",
            "e\u{301}",
            "❤\u{fe0f}",
            "a\u{20dd}",
        ] {
            let clusters: usize = text
                .graphemes(true)
                .map(unicode_width::UnicodeWidthStr::width)
                .sum();
            assert_eq!(width(text), clusters, "{text:?}");
        }
    }

    #[test]
    fn fit_and_wrap_cut_between_clusters() {
        // 👍🏽 is two code points, one cluster, two columns.
        assert_eq!(fit("👍🏽👍🏽👍🏽", 5), "👍🏽👍🏽…");
        assert_eq!(fit("e\u{301}e\u{301}e\u{301}", 2), "e\u{301}…");
        assert_eq!(wrap("👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧", 4, 5), ["👨‍👩‍👧👨‍👩‍👧", "👨‍👩‍👧"]);
        assert_eq!(wrap("calm words here", 6, 5), ["calm", "words", "here"]);
    }

    #[test]
    fn fit_cuts_by_display_width() {
        assert_eq!(fit("breathe", 10), "breathe");
        assert_eq!(fit("breathe", 5), "brea…");
        assert_eq!(fit("深呼吸します", 6), "深呼…");
        assert_eq!(fit("🌿🌿🌿", 4), "🌿…");
        assert_eq!(fit("abc", 0), "");
    }

    #[test]
    fn wrap_breaks_at_words_and_cuts_long_ones_by_width() {
        assert_eq!(wrap("one two three", 7, 5), ["one two", "three"]);
        assert_eq!(wrap("窓窓窓窓窓", 4, 5), ["窓窓", "窓窓", "窓"]);
        assert_eq!(wrap("a b c d e f", 3, 2), ["a b", "c …"]);
        assert!(wrap("", 10, 2).is_empty());
    }
}
