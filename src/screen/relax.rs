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
use crate::ui;
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
        let step = self.step(view.stage.step);
        let groups = self.groups();
        let part_style = if view.paused {
            theme.paused
        } else {
            match view.stage.part {
                Part::Tense => theme.hold,
                Part::Release => theme.exhale,
            }
        };
        let words_style = part_style.add_modifier(Modifier::BOLD);
        let part_words = view.stage.part.words();
        let words = pausing.words(part_words);
        let seconds = pausing.seconds(part_words, view.seconds_left);

        // The smallest form: the words and the seconds on one line.
        if area.height < 3 || area.width < 16 {
            let one_line = format!("{} · {}", view.stage.part.words(), view.seconds_left);
            if area.height >= 1 && area.width as usize >= one_line.chars().count() {
                return ui::centered_line(buf, area, area.y, &one_line, words_style);
            }
            return ui::too_small(area, buf, theme);
        }

        // Height bands: the header from 7 rows, the bar from 8, air from 14.
        let show_header = area.height >= 7;
        let show_bar = area.height >= 8;
        let roomy = area.height >= 14;
        let counts = format!(
            "group {} of {groups} · {}",
            view.stage.step + 1,
            words::clock(view.elapsed_secs)
        );
        if show_header {
            let title = format!("soothe · {}", self.program().name);
            ui::header(buf, area, &title, &counts, theme);
        }

        // Narrow windows need every column for the words.
        let margin = if area.width < 50 { 2 } else { 6 };
        let text_width = area.width.saturating_sub(margin).min(72) as usize;
        let instruction: &str = match view.stage.part {
            Part::Tense => &step.tense,
            Part::Release => &step.release,
        };
        // The note under the bar: the caution while the first group tenses,
        // what to notice while letting go, why it paused after a stall.
        let stall_note = pausing.stall_note();
        let caution_showing =
            stall_note.is_none() && view.stage.step == 0 && view.stage.part == Part::Tense;
        let note = if let Some(note) = stall_note {
            Some(note.to_string())
        } else if caution_showing {
            self.program().caution.clone()
        } else if view.stage.part == Part::Release {
            Some(step.notice.clone())
        } else {
            None
        };

        // Room is shared out by importance: the group, the words and the
        // seconds; then the instruction; then the note (the caution on the
        // first screen); then the bar. Then it is laid out top-down.
        let budget = area.height.saturating_sub(u16::from(show_header)) as usize;
        let gap = usize::from(roomy);
        let mut left = budget.saturating_sub(3 + gap);
        let mut take = |text: &str, most: usize| {
            let lines = ui::wrap(text, text_width, left.saturating_sub(1).min(most));
            left = left.saturating_sub(lines.len() + 1);
            lines
        };
        // The caution must be read whole, so on the first screen it goes first.
        let (instruction_lines, note_lines) = if caution_showing {
            let note_lines = take(note.as_deref().unwrap_or_default(), 3);
            (take(instruction, 3), note_lines)
        } else {
            let instruction_lines = take(instruction, 3);
            (
                instruction_lines,
                take(note.as_deref().unwrap_or_default(), 2),
            )
        };
        let with_bar = show_bar && left >= 2;

        let mut rows: Vec<(String, Style)> = Vec::new();
        let mut bar_row = None;
        let title = if show_header {
            step.group.clone()
        } else {
            // Without the header the count still matters.
            format!("{} · {} of {groups}", step.group, view.stage.step + 1)
        };
        rows.push((title, theme.title));
        if roomy {
            rows.push((String::new(), theme.text));
        }
        rows.push((words, words_style));
        rows.push((seconds, theme.text));
        if !instruction_lines.is_empty() {
            rows.push((String::new(), theme.text));
            rows.extend(instruction_lines.into_iter().map(|l| (l, theme.text)));
        }
        if with_bar {
            rows.push((String::new(), theme.text));
            bar_row = Some(rows.len());
            rows.push((String::new(), theme.text));
        }
        if !note_lines.is_empty() {
            rows.push((String::new(), theme.text));
            rows.extend(note_lines.into_iter().map(|l| (l, theme.dim)));
        }
        rows.truncate(budget);

        // The rows, centred in what is left under the header.
        let [_, middle] = Layout::vertical([
            Constraint::Length(u16::from(show_header)),
            Constraint::Fill(1),
        ])
        .areas(area);
        let block = middle.centered_vertically(Constraint::Length(rows.len() as u16));
        let lines = Layout::vertical(vec![Constraint::Length(1); rows.len()]).split(block);
        for (i, ((text, style), row)) in rows.iter().zip(lines.iter()).enumerate() {
            if Some(i) == bar_row {
                let width = area.width.saturating_sub(8).min(60);
                let bar = row.centered_horizontally(Constraint::Length(width));
                LineGauge::default()
                    .ratio(f64::from(view.level) / f64::from(BAR_LEVELS))
                    .filled_symbol("━")
                    .unfilled_symbol("─")
                    .filled_style(part_style)
                    .unfilled_style(theme.dim)
                    .label("")
                    .render(bar, buf);
            } else {
                ui::centered_line(buf, *row, row.y, text, *style);
            }
        }
    }
}
