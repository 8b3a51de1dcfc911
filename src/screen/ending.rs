//! The one ending of every exercise: its summary and, when check-ins are
//! on, the rating(s) on the same screen. A digit answers the marked
//! question and moves on, ← → adjust it, Enter saves and closes, `q`/`Esc`
//! close at once keeping what was answered. The session machine writes the
//! record however it is left.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect, Size};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::checkin::nudge;
use super::{Ctx, Cx, Drawn, Kind, Outcome, Route, Screen, View};
use crate::journal::Exercise;
use crate::keys::{self, Action, Tables};
use crate::session::{Question, Ratings, Summary, Tone};
use crate::ui::{self, Align, Theme, scale};
use crate::words;

/// From this "now" rating on, the ending offers a kindness pause.
const KIND_FROM: u8 = 6;

/// One next step from the person's cards or toolkit, one key away.
#[derive(Debug, Clone, PartialEq)]
pub struct NextStep {
    /// The line the ending shows.
    pub line: String,
    /// The card it comes from, and which of its actions (none: an
    /// exercise from what has helped most).
    pub card: Option<(String, usize)>,
    pub action: String,
    /// The exercise it starts, when it is one.
    pub starts: Option<Route>,
}

impl NextStep {
    /// The card just drawn if the exercise came from one, else the card
    /// that has helped most; with no cards of one's own, the exercise that
    /// has helped most (when the journal shows one that helped).
    pub fn find(ctx: &Ctx, just_done: Exercise) -> Option<NextStep> {
        let runs = |action: &str| crate::launch::route(action, &ctx.content, &ctx.settings).ok();
        let deck: Vec<_> = ctx.deck().into_iter().filter(|r| !r.starter).collect();
        if let Some((card, action)) =
            crate::cards::next_step(&deck, ctx.drawn.as_deref(), just_done, |a| ctx.measure(a))
        {
            let ranked = &deck[card];
            let text = ranked.card.can[action].clone();
            return Some(NextStep {
                line: format!("Next, from your card \"{}\": {text}", ranked.card.when),
                card: Some((ranked.card.id.clone(), action)),
                starts: runs(&text),
                action: text,
            });
        }
        let (exercise, variant, standing) = ctx.standings.best(just_done)?;
        let route = match exercise {
            Exercise::Breathe => ctx.content.pattern(&variant).map(|pattern| Route::Breathe {
                pattern: pattern.clone(),
                length: crate::exercise::timeline::Length::Forever,
            }),
            Exercise::Ground => ctx
                .content
                .grounding(&variant)
                .map(|variant| Route::Ground {
                    variant: variant.clone(),
                }),
            Exercise::Relax => ctx.content.program(&variant).map(|program| Route::Relax {
                program: program.clone(),
            }),
            _ => None,
        }?;
        let action = format!("{} {variant}", exercise.name());
        Some(NextStep {
            line: format!(
                "Next, what has helped you: {action} ({})",
                crate::words::standing(&standing).unwrap_or_default()
            ),
            card: None,
            action,
            starts: Some(route),
        })
    }
}

pub struct Ending {
    /// One next step, `n` away.
    next: Option<NextStep>,
    summary: Summary,
    questions: Vec<Question>,
    offer_kind: bool,
    ratings: Ratings,
    /// The question the keys answer.
    focus: usize,
}

impl Ending {
    pub fn new(summary: Summary, questions: Vec<Question>, offer_kind: bool) -> Ending {
        Ending {
            next: None,
            summary,
            questions,
            offer_kind,
            ratings: Ratings::default(),
            focus: 0,
        }
    }

    pub fn with_next(mut self, next: Option<NextStep>) -> Ending {
        self.next = next;
        self
    }

    pub fn next_step(&self) -> Option<&NextStep> {
        self.next.as_ref()
    }

    pub fn ratings(&self) -> Ratings {
        self.ratings
    }

    /// Distress still 6 or more at the end: a kindness pause is offered.
    fn offers_kind(&self) -> bool {
        self.offer_kind && self.ratings.after.is_some_and(|after| after >= KIND_FROM)
    }

    fn focused(&self) -> Option<Question> {
        self.questions.get(self.focus).copied()
    }

    fn set(&mut self, value: u8) -> Outcome {
        if let Some(question) = self.focused() {
            self.ratings.set(question, Some(value));
        }
        Outcome::Rated(self.ratings)
    }
}

fn style(theme: &Theme, tone: Tone) -> Style {
    match tone {
        Tone::Title => theme.title,
        Tone::Text => theme.text,
        Tone::Dim => theme.dim,
    }
}

impl Screen for Ending {
    fn kind(&self) -> Kind {
        Kind::Ending
    }

    fn bindings(&self) -> Tables {
        if self.questions.is_empty() {
            &[keys::ENDING]
        } else {
            &[keys::ENDING_RATING]
        }
    }

    fn enabled(&self, action: Action) -> bool {
        let value = self.focused().and_then(|q| self.ratings.get(q));
        match action {
            Action::Up => self.focus > 0,
            Action::Down => self.focus + 1 < self.questions.len(),
            Action::Previous => value != Some(0),
            Action::Next => value != Some(scale::MAX),
            Action::Kindness => self.offers_kind(),
            Action::NextStep => self.next.is_some(),
            _ => true,
        }
    }

    fn handle(&mut self, action: Action, cx: &mut Cx) -> Outcome {
        let value = self.focused().and_then(|q| self.ratings.get(q));
        match action {
            Action::Digit(d) => {
                let outcome = self.set(d);
                // On to the next question; the last one keeps the focus.
                self.focus = (self.focus + 1).min(self.questions.len().saturating_sub(1));
                outcome
            }
            Action::Previous => self.set(nudge(value, false)),
            Action::Next => self.set(nudge(value, true)),
            Action::Up if self.focus > 0 => {
                self.focus -= 1;
                Outcome::Changed
            }
            Action::Down if self.focus + 1 < self.questions.len() => {
                self.focus += 1;
                Outcome::Changed
            }
            Action::Select | Action::Back => Outcome::Back,
            Action::Kindness if self.offers_kind() => Outcome::Open(crate::session::Route::Kind),
            Action::NextStep => match &self.next {
                Some(NextStep {
                    card,
                    starts: Some(route),
                    action,
                    ..
                }) => {
                    if let Some((id, _)) = card {
                        cx.note(super::cards::used(id, action, None));
                        cx.drawn(id);
                    }
                    Outcome::Open(route.clone())
                }
                // Something to do away from the keyboard: its card asks
                // afterwards whether it helped.
                Some(NextStep {
                    card: Some(card), ..
                }) => Outcome::Open(Route::Cards {
                    at: Some(card.clone()),
                    form: None,
                }),
                _ => Outcome::Ignored,
            },
            _ => Outcome::Ignored,
        }
    }

    fn min_size(&self) -> Size {
        Size::new(20, 3)
    }

    fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        Drawn { screen: self, view }.render(area, buf);
    }
}

/// The ending at one instant, as a ratatui widget.
impl Widget for Drawn<'_, Ending> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let Self { screen, view } = self;
        let theme = view.theme();
        let width = area.width.saturating_sub(4) as usize;
        let wide = area.width >= 50;
        let mut summary: Vec<(String, Style)> = screen
            .summary
            .lines
            .iter()
            .flat_map(|(text, tone)| {
                // Lines that fit keep their spacing (the summary's columns).
                let rows = if ui::width(text) <= width {
                    vec![text.clone()]
                } else {
                    ui::wrap(text, width, 3)
                };
                rows.into_iter().map(|t| (t, style(theme, *tone)))
            })
            .collect();
        let mut asked: Vec<Line> = Vec::new();
        for (i, question) in screen.questions.iter().enumerate() {
            let marked = i == screen.focus && screen.questions.len() > 1;
            let marker = if marked { "▸ " } else { "" };
            asked.push(Line::from(vec![
                Span::styled(marker, theme.selected),
                Span::styled(
                    ui::fit(words::question(*question), width.saturating_sub(2)),
                    if marked || screen.questions.len() == 1 {
                        theme.title
                    } else {
                        theme.text
                    },
                ),
            ]));
            asked.push(scale::line(screen.ratings.get(*question), wide, theme));
        }
        if !asked.is_empty() {
            asked.push(Line::styled(
                ui::fit(scale::legend(wide), area.width as usize),
                theme.dim,
            ));
        }
        if let Some(next) = &screen.next {
            // Below the questions, never instead of them: two lines at most.
            let rows = if area.height >= 16 { 2 } else { 1 };
            for line in ui::wrap(&next.line, area.width.saturating_sub(2) as usize, rows) {
                asked.push(Line::styled(line, theme.accent));
            }
        }
        if screen.offers_kind() {
            asked.push(Line::styled(
                ui::fit(view.ctx.content.say("kind.offer"), area.width as usize),
                theme.accent,
            ));
        }
        // When it does not all fit, the summary's empty lines go first, then
        // its last lines: the questions always show.
        let room =
            (area.height as usize).saturating_sub(asked.len() + usize::from(!asked.is_empty()));
        if summary.len() > room {
            summary.retain(|(text, _)| !text.is_empty());
            summary.truncate(room);
        }
        let gap = usize::from(
            !asked.is_empty()
                && !summary.is_empty()
                && area.height as usize > summary.len() + asked.len(),
        );
        let rows = summary.len() + gap + asked.len();
        let block =
            area.centered_vertically(Constraint::Length(rows.min(area.height as usize) as u16));
        let [top, _, bottom] = Layout::vertical([
            Constraint::Length(summary.len() as u16),
            Constraint::Length(gap as u16),
            Constraint::Fill(1),
        ])
        .areas(block);
        let align = if screen.summary.block {
            Align::Block
        } else {
            Align::Center
        };
        ui::page(buf, top, summary, align);
        let lines = Layout::vertical(vec![Constraint::Length(1); asked.len()]).split(bottom);
        for (line, row) in asked.into_iter().zip(lines.iter()) {
            Paragraph::new(line).centered().render(*row, buf);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::screen::Ctx;

    fn cx_run(ending: &mut Ending, action: Action) -> Outcome {
        let ctx = crate::testing::ctx();
        let mut commands = Vec::new();
        let mut cx = Cx::new(std::time::Instant::now(), &ctx, &mut commands);
        let _: &Ctx = cx.ctx;
        ending.handle(action, &mut cx)
    }

    #[test]
    fn a_digit_answers_and_moves_on_arrows_adjust_and_enter_leaves() {
        let mut e = Ending::new(
            Summary::default(),
            vec![Question::BeforeYouStarted, Question::AfterNow],
            true,
        );
        let seven = cx_run(&mut e, Action::Digit(7));
        assert_eq!(
            seven,
            Outcome::Rated(Ratings {
                before: Some(7),
                after: None
            })
        );
        cx_run(&mut e, Action::Digit(4));
        assert_eq!(
            e.ratings(),
            Ratings {
                before: Some(7),
                after: Some(4)
            }
        );
        cx_run(&mut e, Action::Next);
        assert_eq!(e.ratings().after, Some(5));
        cx_run(&mut e, Action::Up);
        cx_run(&mut e, Action::Previous);
        assert_eq!(e.ratings().before, Some(6));
        assert_eq!(cx_run(&mut e, Action::Select), Outcome::Back);
        assert_eq!(cx_run(&mut e, Action::Back), Outcome::Back);
    }
}
