//! The History screen: what helps you most, distress before and after over
//! time, and recent sessions. It is handed the journal already read (the
//! app's event loop reads it); an empty journal gets a friendly sentence.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Margin, Rect, Size};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use super::{Cx, Drawn, Kind, Outcome, Screen, View};
use crate::content::Content;
use crate::history::{self, Helps};
use crate::journal::{Exercise, Read, Record};
use crate::keys::{self, Action, Tables};
use crate::practice::Practice;
use crate::ui::{self, Theme};
use crate::words;
use chrono::NaiveDate;

/// Sessions in the chart at most (two columns each).
const CHART_SESSIONS: usize = 30;

pub struct History {
    /// Newest first.
    records: Vec<Record>,
    helps: Vec<Helps>,
    /// This month's breaks, messages and practice, a line each.
    month: Vec<String>,
    warning: Option<String>,
    /// How far down the recent list is scrolled.
    scroll: usize,
}

impl History {
    /// On the journal as read, with this month's lines for `today` worked
    /// out once here (the journal does not change while it is open, and a
    /// long one is not walked again on every scroll).
    pub fn new(read: Read, today: NaiveDate, practice: Option<&Practice>) -> History {
        let helps = history::what_helps(&read.records);
        let warning = read.warning();
        let mut month = history::month_lines(&read.records, today);
        month.extend(practice.and_then(|p| history::practice_line(p, &read.records, today)));
        let mut records = read.records;
        records.reverse();
        History {
            records,
            helps,
            month,
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
        Drawn { screen: self, view }.render(area, buf);
    }
}

/// The History screen at one instant, as a ratatui widget.
impl Widget for Drawn<'_, History> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let Self { screen, view } = self;
        let ctx = view.ctx;
        let theme = &ctx.theme;
        let sessions = screen.records.len();
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
        let body = body.inner(Margin::new(2, 0));
        let width = body.width as usize;
        if sessions == 0 {
            let text = ui::wrap(
                "No sessions yet. After each exercise it is kept here, with how strong the distress was before and after, so that over time you can see what helps you most.",
                width,
                6,
            );
            return lines(text.into_iter().map(|t| (t, theme.text)).collect()).render(body, buf);
        }
        // Height bands: from 16 rows the helps list grows, air and the chart come in.
        let roomy = body.height >= 16;
        let mut helps = screen.helps_lines(&ctx.content, width, roomy, theme);
        // This month's breaks and messages, a line each, under what helps.
        helps.extend(
            screen
                .month
                .iter()
                .map(|line| (ui::fit(line, width), theme.dim)),
        );
        let rated: Vec<&Record> = screen
            .records
            .iter()
            .filter(|r| r.before.is_some() && r.after.is_some())
            .take(CHART_SESSIONS.min(width.saturating_sub(2) / 3))
            .collect();
        let chart_rows: u16 = 6;
        let used = helps.len() as u16 + u16::from(screen.warning.is_some()) + u16::from(roomy);
        let chart = roomy && !rated.is_empty() && used + chart_rows + 1 + 4 <= body.height;
        let [warning, helps_area, _, chart_title, chart_area, _, recent] = Layout::vertical([
            Constraint::Length(u16::from(screen.warning.is_some())),
            Constraint::Length(helps.len() as u16),
            Constraint::Length(u16::from(roomy)),
            Constraint::Length(u16::from(chart)),
            Constraint::Length(if chart { chart_rows } else { 0 }),
            Constraint::Length(u16::from(chart)),
            Constraint::Fill(1),
        ])
        .areas(body);
        if let Some(text) = &screen.warning {
            lines(vec![(ui::fit(text, width), theme.notice)]).render(warning, buf);
        }
        lines(helps).render(helps_area, buf);
        if chart {
            let title = format!(
                "Distress before (•) and after (○), last {} rated",
                rated.len()
            );
            lines(vec![(ui::fit(&title, width), theme.title)]).render(chart_title, buf);
            screen.render_chart(theme, &rated, chart_area, buf);
        }
        let mut recent_lines = vec![("Recent".to_string(), theme.title)];
        recent_lines.extend(
            screen
                .records
                .iter()
                .skip(screen.scroll)
                .take(recent.height as usize)
                .map(|record| (recent_line(&ctx.content, record, width), theme.text)),
        );
        lines(recent_lines).render(recent, buf);
    }
}

impl History {
    /// "What helps you most" and its rows, as many as the window allows.
    fn helps_lines(
        &self,
        content: &Content,
        width: usize,
        roomy: bool,
        theme: &Theme,
    ) -> Vec<(String, Style)> {
        let mut out = vec![(
            ui::fit(
                "What helps you most (average drop in distress, 0–10)",
                width,
            ),
            theme.title,
        )];
        if self.helps.is_empty() {
            out.push((
                ui::fit(
                    "Rate the distress before and after a session to see this.",
                    width,
                ),
                theme.dim,
            ));
        }
        let wide = width >= 60;
        for h in self.helps.iter().take(if roomy { 4 } else { 2 }) {
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
            let left = name(content, h.exercise, &h.variant);
            out.push((two_sided(&left, &right, width.min(70)), theme.text));
        }
        out
    }
}

/// Lines of text, each cut to the width by its maker.
fn lines(rows: Vec<(String, Style)>) -> Paragraph<'static> {
    Paragraph::new(
        rows.into_iter()
            .map(|(text, style)| Line::styled(text, style))
            .collect::<Vec<_>>(),
    )
}

/// One recent session; the ratings keep the right edge whatever the width.
fn recent_line(content: &Content, record: &Record, width: usize) -> String {
    let (left, right) = if width >= 60 {
        (
            format!(
                "{}  {}",
                record.started_at.format("%a %e %b %H:%M"),
                name(content, record.exercise, &record.variant)
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
                name(content, record.exercise, &record.variant)
            ),
            history::ratings(record),
        )
    };
    two_sided(&left, &right, width.min(76))
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
        Exercise::Pause => Some("A break".to_string()),
        Exercise::Send => Some("A message".to_string()),
        Exercise::Plan => Some("Safety plan".to_string()),
        Exercise::Kind => Some("Kindness pause".to_string()),
        Exercise::Good => Some("Three good things".to_string()),
        Exercise::Card => Some("Coping card".to_string()),
        Exercise::Evidence => Some("Evidence".to_string()),
        Exercise::Ladder => Some("A ladder step".to_string()),
        Exercise::Repair => Some("A repair".to_string()),
        Exercise::Talk => Some("A talk".to_string()),
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
