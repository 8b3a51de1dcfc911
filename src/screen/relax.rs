//! The Relax screen: the muscle group, "Tense" or "Let go" in words, the
//! seconds left, the instruction, "group 3 of 7" and a quiet bar for the
//! current phase; at the end a short summary. Degrades step by step as the
//! window shrinks, down to the words and the seconds.

use std::time::Instant;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::{Ctx, Effect, Outcome, SessionEnd};
use crate::exercise::breathing::Wake;
use crate::exercise::relaxation::{BAR_LEVELS, Ended, Part, Relaxation, View};
use crate::keys::{self, Action, Binding};
use crate::ui::{self, Align, Theme};

pub struct Relax {
    session: Relaxation,
    last_view: Option<View>,
    ended: Option<Ended>,
    /// Set when a stall (suspend, sleeping laptop) paused the session.
    stalled: bool,
}

impl Relax {
    pub fn new(session: Relaxation) -> Relax {
        Relax {
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
            keys::RELAX
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
            Action::Next => {
                self.session.skip_forward(now);
                Outcome::Changed
            }
            Action::Previous => {
                self.session.skip_back(now);
                Outcome::Changed
            }
            Action::Select => {
                let message = if self.session.extend(now) {
                    "Ten more seconds to let go"
                } else if self.session.sample(now).kind.part == Part::Release {
                    "That is as long as a release gets"
                } else {
                    "Enter adds time while letting go"
                };
                Outcome::Emit(vec![Effect::Notice(message.into())])
            }
            Action::Back => Outcome::Emit(vec![Effect::SessionEnded(self.finish(now, false))]),
            _ => Outcome::Ignored,
        }
    }

    /// Ends the session: the summary shows, and the journal gets this.
    fn finish(&mut self, now: Instant, completed: bool) -> SessionEnd {
        let ended = self.session.end(now, completed);
        self.ended = Some(ended);
        SessionEnd::relaxation(&self.session.program().id, &ended)
    }

    pub fn abandon(&mut self, now: Instant) -> Option<SessionEnd> {
        self.ended.is_none().then(|| self.finish(now, false))
    }

    pub fn advance(&mut self, ctx: &Ctx, now: Instant) -> (bool, Vec<Effect>) {
        if self.ended.is_some() {
            return (false, Vec::new());
        }
        if self.session.observe(now) {
            self.stalled = true;
        }
        let mut effects = Vec::new();
        if let Some(stage) = self.session.entered(now) {
            effects.push(Effect::Bell(stage.part.rings()));
        }
        let view = self.session.view(now, ctx.motion);
        if view.finished {
            effects.push(Effect::SessionEnded(self.finish(now, true)));
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
            Some(ended) => self.render_summary(&ctx.theme, ended, area, buf),
            None => self.render_running(&ctx.theme, self.session.view(now, ctx.motion), area, buf),
        }
    }

    fn render_running(&self, theme: &Theme, view: View, area: Rect, buf: &mut Buffer) {
        let step = self.session.step(view.stage.step);
        let groups = self.session.groups();
        let part_style = if view.paused {
            theme.paused
        } else {
            match view.stage.part {
                Part::Tense => theme.hold,
                Part::Release => theme.exhale,
            }
        };
        let words_style = part_style.add_modifier(Modifier::BOLD);
        let (words, seconds) = if view.paused {
            (
                "Paused".to_string(),
                format!(
                    "{} · {} · space to go on",
                    view.stage.part.words(),
                    view.seconds_left
                ),
            )
        } else {
            (
                view.stage.part.words().to_string(),
                view.seconds_left.to_string(),
            )
        };

        // The smallest form: the words and the seconds on one line.
        if area.height < 3 || area.width < 16 {
            let one_line = format!("{} · {}", view.stage.part.words(), view.seconds_left);
            if area.height >= 1 && area.width as usize >= one_line.chars().count() {
                return ui::centered_line(buf, area, area.y, &one_line, words_style);
            }
            return ui::too_small(area, buf, theme);
        }

        let show_header = area.height >= 8;
        let show_footer = area.height >= 6;
        let show_bar = area.height >= 10;
        let roomy = area.height >= 16;
        let counts = format!(
            "group {} of {groups} · {}",
            view.stage.step + 1,
            ui::clock(view.elapsed_secs)
        );
        if show_header {
            let title = format!("soothe · {}", self.session.program().name);
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
        let caution_showing = !(self.stalled && view.paused)
            && view.stage.step == 0
            && view.stage.part == Part::Tense;
        let note = if self.stalled && view.paused {
            Some("Paused while you were away".to_string())
        } else if caution_showing {
            self.session.program().caution.clone()
        } else if view.stage.part == Part::Release {
            Some(step.notice.clone())
        } else {
            None
        };

        // Room is shared out by importance: the group, the words and the
        // seconds; then the instruction; then the note (the caution on the
        // first screen); then the bar. Then it is laid out top-down.
        let budget = area
            .height
            .saturating_sub(u16::from(show_header) + u16::from(show_footer) * 2)
            as usize;
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

        let top = area.y + u16::from(show_header) + (budget.saturating_sub(rows.len()) / 2) as u16;
        for (i, (text, style)) in rows.iter().enumerate() {
            let y = top + i as u16;
            if Some(i) == bar_row {
                self.render_bar(theme, part_style, view.level, area, y, buf);
            } else {
                ui::centered_line(buf, area, y, text, *style);
            }
        }
        if show_footer {
            ui::footer_row(buf, area, &[keys::RELAX, keys::GLOBAL], theme);
        }
    }

    /// A thin bar filling over the current tense or release.
    fn render_bar(
        &self,
        theme: &Theme,
        style: Style,
        level: u16,
        area: Rect,
        y: u16,
        buf: &mut Buffer,
    ) {
        let width = area.width.saturating_sub(8).min(60);
        let filled = (u32::from(width) * u32::from(level) / u32::from(BAR_LEVELS)) as usize;
        let line = Line::from(vec![
            Span::styled("━".repeat(filled), style),
            Span::styled("─".repeat(width as usize - filled), theme.dim),
        ]);
        let x = area.x + (area.width - width) / 2;
        Paragraph::new(line).render(Rect::new(x, y, width, 1), buf);
    }

    fn render_summary(&self, theme: &Theme, ended: Ended, area: Rect, buf: &mut Buffer) {
        if area.width < 12 || area.height < 2 {
            return ui::too_small(area, buf, theme);
        }
        let groups = if ended.relaxed == ended.groups {
            format!("{} groups let go", ended.groups)
        } else {
            format!("{} of {} groups let go", ended.relaxed, ended.groups)
        };
        let lines: Vec<(String, Style)> = vec![
            ("Well done.".into(), theme.title),
            (String::new(), theme.text),
            (
                format!("{groups} · {}", ui::clock(ended.elapsed_secs)),
                theme.text,
            ),
            (self.session.program().name.clone(), theme.dim),
            (String::new(), theme.text),
            ("Notice how your body feels now.".into(), theme.text),
        ];
        ui::page(buf, area, lines, Align::Center, keys::SUMMARY, theme);
    }
}
