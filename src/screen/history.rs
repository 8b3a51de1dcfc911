//! The History screen: what helps you most, distress before and after over
//! time, and recent sessions. It is handed the journal already read (the
//! app's event loop reads it); an empty journal gets a friendly sentence.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect, Size};
use ratatui::style::Style;

use super::{Cx, Kind, Outcome, Screen, View};
use crate::content::Content;
use crate::history::{self, Helps};
use crate::journal::{Exercise, Read, Record};
use crate::keys::{self, Action, Tables};
use crate::ui::{self, Theme};
use crate::words;

/// Sessions in the chart at most (two columns each).
const CHART_SESSIONS: usize = 30;

pub struct History {
    /// Newest first.
    records: Vec<Record>,
    helps: Vec<Helps>,
    warning: Option<String>,
    /// How far down the recent list is scrolled.
    scroll: usize,
}

impl History {
    pub fn new(read: Read) -> History {
        let helps = history::what_helps(&read.records);
        let warning = read.warning();
        let mut records = read.records;
        records.reverse();
        History {
            records,
            helps,
            warning,
            scroll: 0,
        }
    }
}

impl Screen for History {
    fn kind(&self) -> Kind {
        Kind::History
    }

    fn bindings(&self) -> Tables {
        &[keys::HISTORY]
    }

    fn enabled(&self, action: Action) -> bool {
        match action {
            Action::Up => self.scroll > 0,
            Action::Down => self.scroll + 1 < self.records.len(),
            _ => true,
        }
    }

    fn min_size(&self) -> Size {
        Size::new(30, 4)
    }

    fn handle(&mut self, action: Action, _cx: &mut Cx) -> Outcome {
        match action {
            Action::Up => self.scroll = self.scroll.saturating_sub(1),
            Action::Down => {
                self.scroll = (self.scroll + 1).min(self.records.len().saturating_sub(1))
            }
            Action::Back => return Outcome::Back,
            _ => return Outcome::Ignored,
        }
        Outcome::Changed
    }

    fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let ctx = view.ctx;
        let theme = &ctx.theme;
        let sessions = self.records.len();
        let counts = match sessions {
            1 => "1 session".to_string(),
            n => format!("{n} sessions"),
        };
        let [head, _, body] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Fill(1),
        ])
        .areas(area);
        ui::header(buf, head, "soothe · History", &counts, theme);
        let width = area.width.saturating_sub(4) as usize;
        let mut y = body.y;
        let bottom = body.bottom();
        let line = |buf: &mut Buffer, y: &mut u16, text: &str, style: Style| {
            if *y < bottom {
                buf.set_string(area.x + 2, *y, ui::fit(text, width), style);
                *y += 1;
            }
        };
        if sessions == 0 {
            for text in ui::wrap(
                "No sessions yet. After each exercise it is kept here, with how strong the distress was before and after, so that over time you can see what helps you most.",
                width,
                6,
            ) {
                line(buf, &mut y, &text, theme.text);
            }
            return;
        }
        if let Some(warning) = &self.warning {
            line(buf, &mut y, warning, theme.notice);
        }

        // What helps most: as many rows as the window allows.
        let roomy = body.height >= 16;
        let helps_rows = if roomy { 4 } else { 2 };
        line(
            buf,
            &mut y,
            "What helps you most (average drop in distress, 0–10)",
            theme.title,
        );
        if self.helps.is_empty() {
            line(
                buf,
                &mut y,
                "Rate the distress before and after a session to see this.",
                theme.dim,
            );
        }
        let wide = width >= 60;
        for h in self.helps.iter().take(helps_rows) {
            let right = if wide {
                let sessions = if h.rated == 1 { "session" } else { "sessions" };
                format!(
                    "{:>5}  from {:>3} rated {sessions:<8}",
                    words::drop(h.average_drop),
                    h.rated
                )
            } else {
                format!("{} ({})", words::drop(h.average_drop), h.rated)
            };
            let left = name(&ctx.content, h.exercise, &h.variant);
            line(
                buf,
                &mut y,
                &two_sided(&left, &right, width.min(70)),
                theme.text,
            );
        }
        if roomy {
            y += 1;
        }

        // The chart, when there is room for it to say something.
        let rated: Vec<&Record> = self
            .records
            .iter()
            .filter(|r| r.before.is_some() && r.after.is_some())
            .take(CHART_SESSIONS.min(width.saturating_sub(6) / 3))
            .collect();
        let chart_rows: u16 = 6;
        if roomy && !rated.is_empty() && y + chart_rows + 4 <= bottom {
            line(
                buf,
                &mut y,
                &format!(
                    "Distress before (•) and after (○), last {} rated",
                    rated.len()
                ),
                theme.title,
            );
            self.render_chart(
                theme,
                &rated,
                Rect::new(area.x + 2, y, area.width - 4, chart_rows),
                buf,
            );
            y += chart_rows + 1;
        }

        line(buf, &mut y, "Recent", theme.title);
        for record in self.records.iter().skip(self.scroll) {
            if y >= bottom {
                break;
            }
            // The ratings matter most: they keep the right edge whatever the width.
            let (left, right) = if wide {
                (
                    format!(
                        "{}  {}",
                        record.started_at.format("%a %e %b %H:%M"),
                        name(&ctx.content, record.exercise, &record.variant)
                    ),
                    format!(
                        "{:<9} {:>5}  {:<7}",
                        if record.completed {
                            "completed"
                        } else {
                            "left"
                        },
                        words::clock(record.duration_secs),
                        history::ratings(record)
                    ),
                )
            } else {
                (
                    format!(
                        "{} {}",
                        record.started_at.format("%e %b"),
                        name(&ctx.content, record.exercise, &record.variant)
                    ),
                    history::ratings(record),
                )
            };
            line(
                buf,
                &mut y,
                &two_sided(&left, &right, width.min(76)),
                theme.text,
            );
        }
    }
}

impl History {
    /// Each session as two columns, oldest on the left: • before, ○ after,
    /// at their height on a 0–10 scale.
    fn render_chart(&self, theme: &Theme, rated: &[&Record], rect: Rect, buf: &mut Buffer) {
        let rows = rect.height;
        let top = rect.y;
        let axis_x = rect.x + 3;
        for (label, value) in [("10", 10u8), (" 5", 5), (" 0", 0)] {
            let row = top + row_of(value, rows);
            buf.set_string(rect.x, row, label, theme.dim);
        }
        for r in 0..rows {
            buf.set_string(axis_x, top + r, "│", theme.dim);
        }
        for (i, record) in rated.iter().rev().enumerate() {
            // Before and after side by side, then a gap to the next session.
            let x = axis_x + 2 + (i as u16) * 3;
            if x + 1 >= rect.right() {
                break;
            }
            if let (Some(before), Some(after)) = (record.before, record.after) {
                buf.set_string(x, top + row_of(before, rows), "•", theme.hold);
                buf.set_string(x + 1, top + row_of(after, rows), "○", theme.exhale);
            }
        }
    }
}

/// `left` cut to leave room for `right`, which ends at column `width`.
fn two_sided(left: &str, right: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthStr;
    let room = width.saturating_sub(right.width() + 1);
    let left = ui::fit(left, room);
    let gap = width.saturating_sub(left.width() + right.width()).max(1);
    format!("{left}{}{right}", " ".repeat(gap))
}

/// The row (from the top) of a 0–10 value in a chart `rows` tall.
fn row_of(value: u8, rows: u16) -> u16 {
    let from_bottom = (u16::from(value.min(10)) * (rows - 1) + 5) / 10;
    rows - 1 - from_bottom
}

/// "Five senses (ground)": the content's name when it still exists, else the id.
fn name(content: &Content, exercise: Exercise, variant: &str) -> String {
    let known = match exercise {
        Exercise::Breathe => content.pattern(variant).map(|p| p.name.clone()),
        Exercise::Ground => content.grounding(variant).map(|g| g.name.clone()),
        Exercise::Relax => content.program(variant).map(|p| p.name.clone()),
        Exercise::Reframe => Some("Thought record".to_string()),
    };
    format!(
        "{} ({})",
        known.unwrap_or_else(|| variant.to_string()),
        exercise.name()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chart_rows_put_ten_on_top_and_zero_at_the_bottom() {
        assert_eq!(row_of(10, 6), 0);
        assert_eq!(row_of(0, 6), 5);
        assert_eq!(row_of(5, 6), 2);
    }
}
