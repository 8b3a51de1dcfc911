//! The Relax screen: the muscle group, "Tense" or "Let go" in words, the
//! seconds left, the instruction, "group 3 of 7" and a quiet bar for the
//! current phase. Room is shared out by importance as the window shrinks,
//! down to the words and the seconds.

use std::time::Instant;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::widgets::{LineGauge, Widget};

use super::timed::{Paced, Pausing, TimedScreen};
use super::{Cx, Kind, Outcome, View};
use crate::content::Program;
use crate::exercise::relaxation::{BAR_LEVELS, Part, Relaxation, View as Picture};
use crate::exercise::timed::Driver;
use crate::keys::{self, Action, Tables};
use crate::session::Finished;
use crate::ui::{self, Theme};
use crate::words;

pub type Relax = TimedScreen<Relaxation>;

pub fn screen(program: Program, now: Instant) -> Relax {
    TimedScreen::new(Relaxation::new(program, now))
}

impl Paced for Relaxation {
    type Picture = Picture;
    const KIND: Kind = Kind::Relax;

    fn tables(&self) -> Tables {
        &[keys::RELAX]
    }

    fn picture(&self, now: Instant, motion: bool) -> Picture {
        self.view(now, motion)
    }

    /// Enter adds time only while letting go.
    fn enabled(&self, action: Action, picture: Option<&Picture>) -> bool {
        match action {
            Action::Select => picture.is_some_and(|p| p.stage.part == Part::Release && !p.paused),
            _ => true,
        }
    }

    fn handle(driver: &mut Driver<Self>, action: Action, cx: &mut Cx) -> Outcome {
        let now = cx.now;
        let session = driver.exercise_mut();
        match action {
            Action::Next => session.skip_forward(now),
            Action::Previous => {
                session.skip_back(now);
                // The group begins again, so its bell and line come again.
                driver.replay_step();
            }
            Action::Select => cx.notice(if session.extend(now) {
                "Ten more seconds to let go"
            } else {
                "That is as long as a release gets"
            }),
            _ => return Outcome::Ignored,
        }
        Outcome::Changed
    }

    fn finish(&mut self, now: Instant, completed: bool) -> Finished {
        let ended = self.end(now, completed);
        Finished {
            session: self.session(&ended),
            summary: words::relaxation_summary(&ended, self.program()),
        }
    }

    fn draw(&self, view: Picture, pausing: Pausing, area: Rect, buf: &mut Buffer, cx: &View) {
        let theme = cx.theme();
        let part_style = if view.paused {
            theme.paused
        } else {
            match view.stage.part {
                Part::Tense => theme.hold,
                Part::Release => theme.exhale,
            }
        };
        // The smallest form: the words and the seconds on one line.
        if area.height < 3 || area.width < 16 {
            let one_line = format!("{} · {}", view.stage.part.words(), view.seconds_left);
            if area.height >= 1 && area.width as usize >= one_line.chars().count() {
                let style = part_style.add_modifier(Modifier::BOLD);
                return ui::centered_line(buf, area, area.y, &one_line, style);
            }
            return ui::too_small(area, buf, theme);
        }
        // Height bands: the header from 7 rows, the bar from 8, air from 14.
        let show_header = area.height >= 7;
        let [header, middle] = Layout::vertical([
            Constraint::Length(u16::from(show_header)),
            Constraint::Fill(1),
        ])
        .areas(area);
        if show_header {
            let title = format!("soothe · {}", self.program().name);
            let counts = format!(
                "group {} of {} · {}",
                view.stage.step + 1,
                self.groups(),
                words::clock(view.elapsed_secs)
            );
            ui::header(buf, header, &title, &counts, theme);
        }
        let Rows { rows, bar } = self.rows(view, pausing, middle, show_header, part_style, theme);
        // The rows, centred in what is left under the header.
        let block = middle.centered_vertically(Constraint::Length(rows.len() as u16));
        let lines = Layout::vertical(vec![Constraint::Length(1); rows.len()]).split(block);
        for (i, ((text, style), row)) in rows.iter().zip(lines.iter()).enumerate() {
            if Some(i) == bar {
                let width = area.width.saturating_sub(8).min(60);
                LineGauge::default()
                    .ratio(f64::from(view.level) / f64::from(BAR_LEVELS))
                    .filled_symbol("━")
                    .unfilled_symbol("─")
                    .filled_style(part_style)
                    .unfilled_style(theme.dim)
                    .label("")
                    .render(row.centered_horizontally(Constraint::Length(width)), buf);
            } else {
                ui::centered_line(buf, *row, row.y, text, *style);
            }
        }
    }
}

/// The lines under the header, and which of them is the bar.
struct Rows {
    rows: Vec<(String, Style)>,
    bar: Option<usize>,
}

impl Relaxation {
    /// The quiet note: why it paused after a stall, the caution while the
    /// first group tenses, what to notice while letting go. And whether it
    /// is the caution (which must be read whole).
    fn note(&self, view: Picture, pausing: Pausing) -> (Option<String>, bool) {
        if let Some(note) = pausing.stall_note() {
            return (Some(note.to_string()), false);
        }
        if view.stage.step == 0 && view.stage.part == Part::Tense {
            return (self.program().caution.clone(), true);
        }
        let step = self.step(view.stage.step);
        match view.stage.part {
            Part::Release => (Some(step.notice.clone()), false),
            Part::Tense => (None, false),
        }
    }

    /// Room is shared out by importance: the group, the words and the
    /// seconds; then the instruction; then the note (the caution first, on
    /// the first screen); then the bar. Then it is laid out top-down.
    fn rows(
        &self,
        view: Picture,
        pausing: Pausing,
        area: Rect,
        show_header: bool,
        part_style: Style,
        theme: &Theme,
    ) -> Rows {
        let step = self.step(view.stage.step);
        let roomy = area.height >= 13;
        // Narrow windows need every column for the words.
        let margin = if area.width < 50 { 2 } else { 6 };
        let text_width = area.width.saturating_sub(margin).min(72) as usize;
        let instruction: &str = match view.stage.part {
            Part::Tense => &step.tense,
            Part::Release => &step.release,
        };
        let (note, caution) = self.note(view, pausing);
        let note = note.unwrap_or_default();
        let budget = area.height as usize;
        let mut left = budget.saturating_sub(3 + usize::from(roomy));
        let mut take = |text: &str, most: usize| {
            let lines = ui::wrap(text, text_width, left.saturating_sub(1).min(most));
            left = left.saturating_sub(lines.len() + 1);
            lines
        };
        let (instruction_lines, note_lines) = if caution {
            let note_lines = take(&note, 3);
            (take(instruction, 3), note_lines)
        } else {
            let instruction_lines = take(instruction, 3);
            (instruction_lines, take(&note, 2))
        };
        let with_bar = area.height >= 7 && left >= 2;

        let part_words = view.stage.part.words();
        let title = if show_header {
            step.group.clone()
        } else {
            // Without the header the count still matters.
            format!(
                "{} · {} of {}",
                step.group,
                view.stage.step + 1,
                self.groups()
            )
        };
        let blank = || (String::new(), theme.text);
        let mut rows = vec![(title, theme.title)];
        if roomy {
            rows.push(blank());
        }
        rows.push((
            pausing.words(part_words),
            part_style.add_modifier(Modifier::BOLD),
        ));
        rows.push((pausing.seconds(part_words, view.seconds_left), theme.text));
        if !instruction_lines.is_empty() {
            rows.push(blank());
            rows.extend(instruction_lines.into_iter().map(|l| (l, theme.text)));
        }
        let mut bar = None;
        if with_bar {
            rows.push(blank());
            bar = Some(rows.len());
            rows.push(blank());
        }
        if !note_lines.is_empty() {
            rows.push(blank());
            rows.extend(note_lines.into_iter().map(|l| (l, theme.dim)));
        }
        rows.truncate(budget);
        Rows { rows, bar }
    }
}
