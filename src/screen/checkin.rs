//! The check-in: how strong is the distress, 0 to 10. A digit sets it,
//! ← → adjust it (and reach 10), Enter confirms, Tab or `s` skips. After a
//! direct command it asks twice on one screen: before you started, and now.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::{Ctx, Outcome};
use crate::keys::{self, Action};
use crate::ui;

pub const MAX: u8 = 10;
/// Where the first ← or → lands when nothing is chosen yet: the middle.
const START: u8 = 5;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Question {
    /// From the menu, before an exercise.
    Now,
    /// After a direct command: how it was before starting.
    BeforeYouStarted,
    /// After an exercise.
    AfterNow,
}

impl Question {
    fn text(self) -> &'static str {
        match self {
            Question::Now => "How strong is the distress right now?",
            Question::BeforeYouStarted => "Before you started, how strong was the distress?",
            Question::AfterNow => "And how strong is it now?",
        }
    }
}

/// The answers, `None` where skipped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Ratings {
    pub before: Option<u8>,
    pub after: Option<u8>,
}

pub struct CheckIn {
    questions: Vec<Question>,
    index: usize,
    value: Option<u8>,
    ratings: Ratings,
}

impl CheckIn {
    /// Before an exercise started from the menu.
    pub fn before() -> CheckIn {
        CheckIn::asking(vec![Question::Now])
    }

    /// After an exercise; `ask_before` when nobody asked at the start.
    pub fn after(ask_before: bool) -> CheckIn {
        let questions = if ask_before {
            vec![Question::BeforeYouStarted, Question::AfterNow]
        } else {
            vec![Question::AfterNow]
        };
        CheckIn::asking(questions)
    }

    fn asking(questions: Vec<Question>) -> CheckIn {
        CheckIn {
            questions,
            index: 0,
            value: None,
            ratings: Ratings::default(),
        }
    }

    pub fn question(&self) -> Question {
        self.questions[self.index]
    }

    pub fn value(&self) -> Option<u8> {
        self.value
    }

    pub fn handle(&mut self, action: Action) -> Outcome {
        match action {
            Action::Digit(d) => self.value = Some(d),
            Action::Previous => {
                self.value = Some(self.value.unwrap_or(START + 1).saturating_sub(1))
            }
            Action::Next => self.value = Some((self.value.unwrap_or(START - 1) + 1).min(MAX)),
            // Enter with nothing chosen is a skip: no number is made up.
            Action::Select => return self.answer(self.value),
            Action::Skip => return self.answer(None),
            _ => return Outcome::Ignored,
        }
        Outcome::Changed
    }

    fn answer(&mut self, value: Option<u8>) -> Outcome {
        match self.question() {
            Question::Now | Question::BeforeYouStarted => self.ratings.before = value,
            Question::AfterNow => self.ratings.after = value,
        }
        self.index += 1;
        self.value = None;
        if self.index == self.questions.len() {
            Outcome::Rated(self.ratings)
        } else {
            Outcome::Changed
        }
    }

    pub fn render(&self, ctx: &Ctx, area: Rect, buf: &mut Buffer) {
        let theme = &ctx.theme;
        if area.width < 24 || area.height < 5 {
            return ui::too_small(area, buf, theme);
        }
        let wide = area.width >= 50;
        // The scale: each number, the chosen one marked twice (reverse video and brackets).
        let mut spans = Vec::new();
        for n in 0..=MAX {
            let chosen = self.value == Some(n);
            let text = match (chosen, wide) {
                (true, _) => format!("[{n}]"),
                (false, true) => format!(" {n} "),
                (false, false) => format!("{n}"),
            };
            let style = if chosen {
                theme.selected.add_modifier(Modifier::REVERSED)
            } else {
                theme.text
            };
            if n > 0 {
                spans.push(Span::raw(" "));
            }
            spans.push(Span::styled(text, style));
        }
        let scale = Line::from(spans);
        let legend = if wide {
            "0 calm · 5 hard to ignore · 10 as strong as it gets"
        } else {
            "0 calm · 10 as strong as it gets"
        };
        let question = ui::wrap(
            self.question().text(),
            area.width.saturating_sub(4) as usize,
            2,
        );
        let mut rows: Vec<Line> = Vec::new();
        if self.questions.len() > 1 {
            rows.push(Line::styled(
                format!("{} of {}", self.index + 1, self.questions.len()),
                theme.dim,
            ));
        }
        rows.extend(question.into_iter().map(|q| Line::styled(q, theme.title)));
        rows.push(Line::default());
        rows.push(scale);
        rows.push(Line::default());
        rows.push(Line::styled(
            ui::fit(legend, area.width as usize),
            theme.dim,
        ));
        let footer = area.height >= 9;
        let room = area.height.saturating_sub(if footer { 2 } else { 0 });
        let top = area.y + room.saturating_sub(rows.len() as u16) / 2;
        for (i, line) in rows.into_iter().enumerate() {
            let y = top + i as u16;
            if y >= area.y + room {
                break;
            }
            Paragraph::new(line)
                .alignment(ratatui::layout::Alignment::Center)
                .render(Rect::new(area.x, y, area.width, 1), buf);
        }
        if footer {
            ui::footer_row(buf, area, &[keys::CHECKIN, keys::GLOBAL], theme);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_digit_sets_enter_confirms_and_arrows_reach_ten() {
        let mut c = CheckIn::before();
        assert_eq!(c.handle(Action::Digit(7)), Outcome::Changed);
        assert_eq!(c.value(), Some(7));
        for _ in 0..5 {
            c.handle(Action::Next);
        }
        assert_eq!(c.value(), Some(10));
        assert_eq!(
            c.handle(Action::Select),
            Outcome::Rated(Ratings {
                before: Some(10),
                after: None
            })
        );
    }

    #[test]
    fn arrows_start_from_the_middle_and_enter_on_nothing_skips() {
        let mut c = CheckIn::after(false);
        c.handle(Action::Previous);
        assert_eq!(c.value(), Some(5));
        c.handle(Action::Previous);
        assert_eq!(c.value(), Some(4));
        let mut c = CheckIn::after(false);
        c.handle(Action::Next);
        assert_eq!(c.value(), Some(5));
        c.handle(Action::Next);
        assert_eq!(c.value(), Some(6));
        let mut c = CheckIn::after(false);
        assert_eq!(c.handle(Action::Select), Outcome::Rated(Ratings::default()));
    }

    #[test]
    fn after_a_direct_command_both_are_asked_and_either_can_be_skipped() {
        let mut c = CheckIn::after(true);
        assert_eq!(c.question(), Question::BeforeYouStarted);
        c.handle(Action::Digit(8));
        assert_eq!(c.handle(Action::Select), Outcome::Changed);
        assert_eq!(c.question(), Question::AfterNow);
        assert_eq!(c.value(), None, "the second question starts blank");
        assert_eq!(
            c.handle(Action::Skip),
            Outcome::Rated(Ratings {
                before: Some(8),
                after: None
            })
        );
    }
}
