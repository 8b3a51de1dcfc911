//! The Breathe screen: the phase in words, the pacer, the seconds left.
//! Degrades band by band as the window shrinks, down to just the words
//! and the seconds on one line.

use std::time::Instant;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Margin, Rect};
use ratatui::style::Modifier;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::timed::{Paced, Pausing, TimedScreen};
use super::{Cx, Kind, Outcome, Route, View};
use crate::content::{DEFAULT_GROUNDING, Pattern};
use crate::exercise::breathing::{Breathing, View as Picture};
use crate::exercise::timed::Driver;
use crate::exercise::timeline::Length;
use crate::keys::{self, Action, Tables};
use crate::session::Finished;
use crate::ui::{self, Theme, pacer::Pacer};
use crate::words;

pub type Breathe = TimedScreen<Breathing>;

pub fn screen(pattern: Pattern, length: Length, now: Instant) -> Breathe {
    TimedScreen::new(Breathing::new(pattern, length, now))
}

impl Paced for Breathing {
    type Picture = Picture;
    const KIND: Kind = Kind::Breathe;

    fn tables(&self) -> Tables {
        &[keys::BREATHE]
    }

    fn picture(&self, now: Instant, motion: bool) -> Picture {
        self.view(now, motion)
    }

    fn handle(driver: &mut Driver<Self>, action: Action, cx: &mut Cx) -> Outcome {
        let now = cx.now;
        match action {
            Action::Faster | Action::Slower => {
                let session = driver.exercise_mut();
                let moved = if action == Action::Faster {
                    session.faster(now)
                } else {
                    session.slower(now)
                };
                let pace = session.pace_percent();
                cx.notice(match (moved, action) {
                    (true, _) => format!("Pace {pace} %"),
                    (false, Action::Faster) => format!("Pace {pace} %, as quick as it goes"),
                    (false, _) => format!("Pace {pace} %, as slow as it goes"),
                });
                Outcome::Changed
            }
            // Breath focus makes some people more anxious: straight to the senses.
            Action::Ground => {
                let content = &cx.ctx.content;
                let variant = content
                    .grounding(DEFAULT_GROUNDING)
                    .unwrap_or_else(|| content.default_grounding())
                    .clone();
                driver.stop(now);
                let left = driver.exercise_mut().finish(now, false);
                Outcome::Switch {
                    to: Route::Ground { variant },
                    left,
                }
            }
            _ => Outcome::Ignored,
        }
    }

    fn finish(&mut self, now: Instant, completed: bool) -> Finished {
        let ended = self.end(now, completed);
        Finished {
            session: self.session(&ended),
            summary: words::breathing_summary(&ended, self.pattern()),
        }
    }

    fn draw(&self, view: Picture, pausing: Pausing, area: Rect, buf: &mut Buffer, cx: &View) {
        let theme = cx.theme();
        let phase_style = if view.paused {
            theme.paused
        } else {
            theme.for_phase(view.step.kind)
        };
        let words_style = phase_style.add_modifier(Modifier::BOLD);
        let step_words = view.step.words();

        // The smallest form: words and seconds on one line.
        if area.height < 2 || area.width < 10 {
            let one_line = format!("{step_words} · {}", view.seconds_left);
            if area.height >= 1 && area.width as usize >= one_line.chars().count() {
                return ui::centered_line(buf, area, area.y, &one_line, words_style);
            }
            return ui::too_small(area, buf, theme);
        }

        // Height bands: the header from 4 rows, notes from 8, two from 14.
        let header = u16::from(area.height >= 4) * 2;
        let notes = match area.height {
            14.. => 2,
            8..=13 => 1,
            _ => 0,
        };
        let pacer = area.height.saturating_sub(header + 2 + notes + 1);
        let show_pacer = pacer >= 3 && area.width >= 16;
        let [head, shape, _, words_row, seconds_row, notes_area] = if show_pacer {
            ui::stack(
                area,
                [
                    Constraint::Length(header),
                    Constraint::Fill(1),
                    Constraint::Length(1),
                    Constraint::Length(1),
                    Constraint::Length(1),
                    Constraint::Length(notes),
                ],
            )
        } else {
            // No room for the shape: the words sit in the middle.
            let [head, _, words, seconds, notes_area, _] = ui::stack(
                area,
                [
                    Constraint::Length(header),
                    Constraint::Fill(1),
                    Constraint::Length(1),
                    Constraint::Length(1),
                    Constraint::Length(notes),
                    Constraint::Fill(1),
                ],
            );
            [
                head,
                Rect::default(),
                Rect::default(),
                words,
                seconds,
                notes_area,
            ]
        };

        if header > 0 {
            self.header(view, head, buf, theme);
        }
        if show_pacer {
            Pacer {
                fill: view.fill(),
                style: phase_style,
            }
            .render(shape.inner(Margin::new(2, 0)), buf);
        }
        let words = pausing.words(step_words);
        let seconds = pausing.seconds(step_words, view.seconds_left);
        ui::centered_line(buf, words_row, words_row.y, &words, words_style);
        ui::centered_line(buf, seconds_row, seconds_row.y, &seconds, theme.text);
        let note = self.note(view, pausing);
        let notes_area = notes_area.inner(Margin::new(2, 0));
        match notes {
            0 => {}
            1 => ui::centered_line(buf, notes_area, notes_area.y, &note, theme.dim),
            _ => Paragraph::new(note)
                .style(theme.dim)
                .centered()
                .wrap(Wrap { trim: true })
                .render(notes_area, buf),
        }
    }
}

impl Breathing {
    /// "soothe · Steady 4-4-6" and "pace 110 % · cycle 3 of 9 · 0:38".
    fn header(&self, view: Picture, row: Rect, buf: &mut Buffer, theme: &Theme) {
        let clock = words::clock(view.elapsed_secs);
        let mut counts = match view.cycles_planned {
            Some(n) => format!("cycle {} of {n} · {clock}", view.cycle),
            None => format!("cycle {} · {clock}", view.cycle),
        };
        if self.pace_percent() != 100 {
            counts = format!("pace {} % · {counts}", self.pace_percent());
        }
        ui::header(
            buf,
            row,
            &format!("soothe · {}", self.pattern().name),
            &counts,
            theme,
        );
    }

    /// The quiet line under the seconds: why it paused, the plan, or the
    /// caution for holds during the first cycle.
    fn note(&self, view: Picture, pausing: Pausing) -> String {
        if let Some(note) = pausing.stall_note() {
            return note.into();
        }
        if view.cycle == 1 {
            if let Some((cycles, seconds)) = self.plan() {
                return words::cycles_and_time(cycles, seconds);
            }
            if self.pattern().has_hold() {
                return self.pattern().caution.clone().unwrap_or_default();
            }
        }
        String::new()
    }
}
