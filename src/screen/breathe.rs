//! The Breathe screen: the phase in words, the pacer, the seconds left, and
//! at the end a short summary. Degrades step by step as the window shrinks,
//! down to just the words and the seconds.

use std::time::Instant;

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Modifier;
use ratatui::widgets::{Paragraph, Widget};

use super::{Ctx, Effect, Outcome, Route, SessionEnd};
use crate::content::DEFAULT_GROUNDING;
use crate::exercise::breathing::{Breathing, Ended, View, Wake};
use crate::keys::{self, Action, Binding};
use crate::ui::{self, Align, pacer::Pacer};

pub struct Breathe {
    session: Breathing,
    last_view: Option<View>,
    ended: Option<Ended>,
    /// Set when a stall (suspend, sleeping laptop) paused the session.
    stalled: bool,
}

impl Breathe {
    pub fn new(session: Breathing) -> Breathe {
        Breathe {
            session,
            last_view: None,
            ended: None,
            stalled: false,
        }
    }

    pub fn ended(&self) -> Option<Ended> {
        self.ended
    }

    pub fn bindings(&self) -> &'static [Binding] {
        if self.ended.is_some() {
            keys::SUMMARY
        } else {
            keys::BREATHE
        }
    }

    pub fn handle(&mut self, action: Action, now: Instant) -> Outcome {
        if self.ended.is_some() {
            return match action {
                Action::Select | Action::Back => Outcome::Back,
                _ => Outcome::Ignored,
            };
        }
        match action {
            Action::Pause => {
                self.session.toggle_pause(now);
                self.stalled = false;
                Outcome::Changed
            }
            Action::Faster | Action::Slower => {
                let moved = if action == Action::Faster {
                    self.session.faster(now)
                } else {
                    self.session.slower(now)
                };
                let pace = self.session.pace_percent();
                let message = match (moved, action) {
                    (true, _) => format!("Pace {pace} %"),
                    (false, Action::Faster) => format!("Pace {pace} %, as quick as it goes"),
                    (false, _) => format!("Pace {pace} %, as slow as it goes"),
                };
                Outcome::Emit(vec![Effect::Notice(message)])
            }
            Action::Back => Outcome::Emit(vec![self.finish(now, false)]),
            // Breath focus makes some people more anxious: straight to the senses.
            Action::Ground => Outcome::Switch(Route::Ground {
                variant: DEFAULT_GROUNDING.into(),
            }),
            _ => Outcome::Ignored,
        }
    }

    /// Ends the session and says so, for the journal.
    fn finish(&mut self, now: Instant, completed: bool) -> Effect {
        let ended = self.session.end(now, completed);
        self.ended = Some(ended);
        Effect::SessionEnded(SessionEnd::breathing(&self.session.pattern().id, &ended))
    }

    pub fn abandon(&mut self, now: Instant) -> Option<SessionEnd> {
        if self.ended.is_some() {
            return None;
        }
        match self.finish(now, false) {
            Effect::SessionEnded(end) => Some(end),
            _ => None,
        }
    }

    pub fn advance(&mut self, ctx: &Ctx, now: Instant) -> (bool, Vec<Effect>) {
        if self.ended.is_some() {
            return (false, Vec::new());
        }
        let mut effects = Vec::new();
        if self.session.observe(now) {
            self.stalled = true;
        }
        if let Some(step) = self.session.entered_step(now)
            && step.rings() > 0
        {
            effects.push(Effect::Bell(step.rings()));
        }
        let view = self.session.view(now, ctx.motion);
        if view.finished {
            effects.push(self.finish(now, true));
            self.last_view = Some(view);
            return (true, effects);
        }
        let changed = self.last_view != Some(view);
        self.last_view = Some(view);
        (changed, effects)
    }

    pub fn next_wake(&self, ctx: &Ctx, now: Instant) -> Wake {
        if self.ended.is_some() {
            return Wake::default();
        }
        self.session.next_wake(now, ctx.motion)
    }

    pub fn render(&self, ctx: &Ctx, now: Instant, area: Rect, buf: &mut Buffer) {
        match self.ended {
            Some(ended) => self.render_summary(ctx, ended, area, buf),
            None => self.render_running(ctx, self.session.view(now, ctx.motion), area, buf),
        }
    }

    fn render_running(&self, ctx: &Ctx, view: View, area: Rect, buf: &mut Buffer) {
        let theme = &ctx.theme;
        let pattern = self.session.pattern();
        let phase_style = if view.paused {
            theme.paused
        } else {
            theme.for_phase(view.step.kind)
        };
        let (words, seconds) = if view.paused {
            (
                "Paused".to_string(),
                format!(
                    "{} · {} · space to go on",
                    view.step.words(),
                    view.seconds_left
                ),
            )
        } else {
            (view.step.words().to_string(), view.seconds_left.to_string())
        };
        let words_style = phase_style.add_modifier(Modifier::BOLD);

        // The smallest forms: words and seconds, on two lines or one.
        let one_line = format!("{words} · {}", view.seconds_left);
        if area.height < 2 || area.width < 10 {
            if area.height >= 1 && area.width as usize >= one_line.chars().count() {
                return ui::centered_line(buf, area, area.y, &one_line, words_style);
            }
            return ui::too_small(area, buf, theme);
        }

        let show_footer = area.height >= 4;
        let show_header = area.height >= 5;
        let header_rows = if show_header { 2 } else { 0 };
        let footer_rows = if show_footer { 2 } else { 0 };
        // Words and seconds sit below the pacer, then up to two rows of notes.
        let note_rows = match area.height {
            16.. => 2,
            9..=15 => 1,
            _ => 0,
        };
        let text_rows = 2 + note_rows;
        let pacer_rows = area
            .height
            .saturating_sub(header_rows + footer_rows + text_rows + 1);
        let show_pacer = pacer_rows >= 3 && area.width >= 16;

        if show_header {
            let mut counts = match view.cycles_planned {
                Some(n) => format!(
                    "cycle {} of {n} · {}",
                    view.cycle,
                    ui::clock(view.elapsed_secs)
                ),
                None => format!("cycle {} · {}", view.cycle, ui::clock(view.elapsed_secs)),
            };
            if self.session.pace_percent() != 100 {
                counts = format!("pace {} % · {counts}", self.session.pace_percent());
            }
            ui::header(
                buf,
                area,
                &format!("soothe · {}", pattern.name),
                &counts,
                theme,
            );
        }

        let mut y = area.y + header_rows;
        if show_pacer {
            let width = area.width.saturating_sub(4);
            let rect = Rect::new(area.x + 2, y, width, pacer_rows);
            Pacer {
                fill: view.fill(),
                style: phase_style,
            }
            .render(rect, buf);
            y += pacer_rows + 1;
        } else {
            // Centre the words in the space the pacer would have used.
            let spare = area
                .height
                .saturating_sub(header_rows + footer_rows + text_rows);
            y += spare / 2;
        }
        ui::centered_line(buf, area, y, &words, words_style);
        ui::centered_line(buf, area, y + 1, &seconds, theme.text);
        if note_rows > 0 {
            let note = self.note(view);
            let rect = Rect::new(area.x + 2, y + 2, area.width.saturating_sub(4), note_rows);
            if note_rows == 1 {
                ui::centered_line(buf, rect, rect.y, &note, theme.dim);
            } else {
                Paragraph::new(note)
                    .style(theme.dim)
                    .alignment(Alignment::Center)
                    .wrap(ratatui::widgets::Wrap { trim: true })
                    .render(rect, buf);
            }
        }

        if show_footer {
            ui::footer_row(buf, area, &[keys::BREATHE, keys::GLOBAL], theme);
        }
    }

    /// The quiet line under the seconds: why it paused, the plan, or the
    /// caution for holds during the first cycle.
    fn note(&self, view: View) -> String {
        let pattern = self.session.pattern();
        if self.stalled && view.paused {
            return "Paused while you were away".into();
        }
        if view.cycle == 1 {
            if let Some((cycles, seconds)) = self.session.plan() {
                return ui::cycles_and_time(cycles, seconds);
            }
            if pattern.has_hold() {
                return pattern.caution.clone().unwrap_or_default();
            }
        }
        String::new()
    }

    fn render_summary(&self, ctx: &Ctx, ended: Ended, area: Rect, buf: &mut Buffer) {
        let theme = &ctx.theme;
        if area.width < 12 || area.height < 2 {
            return ui::too_small(area, buf, theme);
        }
        let facts = ui::cycles_and_time(ended.cycles, ended.elapsed_secs);
        let pattern = &self.session.pattern().name;
        let lines: Vec<(String, ratatui::style::Style)> = vec![
            ("Well done.".into(), theme.title),
            (String::new(), theme.text),
            (facts, theme.text),
            (pattern.clone(), theme.dim),
            (String::new(), theme.text),
            ("Notice how your body feels now.".into(), theme.text),
        ];
        ui::page(buf, area, lines, Align::Center, keys::SUMMARY, theme);
    }
}
