//! Kind: a two-minute self-compassion pause in three steps (name that this
//! hurts; others feel this too; what do I need to hear). Each step offers
//! phrases from content to pick, or a field for one's own words; the last
//! page gathers the three to say once more. The journal keeps which
//! phrases were chosen ("own" for typed words, which are never stored).

use std::time::Instant;

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Constraint, Margin, Position, Rect, Size};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::{Ctx, Cx, Drawn, Kind, Outcome, Screen, View, can_move, move_in_list};
use crate::journal::{Exercise, Session};
use crate::keys::{self, Action, Tables};
use crate::session::{Finished, Summary, Tone};
use crate::text_field::TextField;
use crate::ui::field::FieldView;
use crate::ui::{self, Align};

/// The steps, by the ids of their words in content.
const STEPS: [&str; 3] = ["kind.hurts", "kind.shared", "kind.need"];
const OWN_LIMIT: usize = 160;

/// One step's phrases: (id, text).
type Phrases = Vec<(String, String)>;

pub struct KindPause {
    /// 0–2: a step; 3: the last page.
    step: usize,
    picked: usize,
    in_field: bool,
    field: TextField,
    phrases: [Phrases; 3],
    /// What each step chose: its id ("own" for typed) and its words.
    chosen: [Option<(String, String)>; 3],
    started: Instant,
    ended: bool,
    credit: String,
}

impl KindPause {
    pub fn new(ctx: &Ctx, now: Instant) -> KindPause {
        let phrases = STEPS.map(|step| {
            ctx.content
                .numbered(step)
                .into_iter()
                .map(|p| (p.id.clone(), p.text.clone()))
                .collect()
        });
        KindPause {
            step: 0,
            picked: 0,
            in_field: false,
            field: TextField::new(OWN_LIMIT),
            phrases,
            chosen: [None, None, None],
            started: now,
            ended: false,
            credit: ctx.content.say("kind.credit").to_string(),
        }
    }

    fn finish(&mut self, now: Instant) -> Finished {
        self.ended = true;
        let secs = now.saturating_duration_since(self.started).as_secs();
        let mut session = Session::new(Exercise::Kind, "pause", self.step == STEPS.len(), secs);
        session.chosen = self
            .chosen
            .iter()
            .flatten()
            .map(|(id, _)| id.clone())
            .collect();
        let mut lines = vec![
            (
                "Be as gentle with yourself as you would be with a friend.".to_string(),
                Tone::Title,
            ),
            (String::new(), Tone::Text),
        ];
        lines.extend(
            self.chosen
                .iter()
                .flatten()
                .map(|(_, words)| (words.clone(), Tone::Text)),
        );
        lines.push((String::new(), Tone::Text));
        lines.push((self.credit.clone(), Tone::Dim));
        Finished {
            session,
            summary: Summary::centred(lines),
        }
    }

    /// This step's choice made: on to the next, or the last page.
    fn choose(&mut self, id: String, words: String) {
        self.chosen[self.step] = Some((id, words));
        self.step += 1;
        self.picked = 0;
        self.in_field = false;
        self.field.take();
    }

    fn count(&self) -> usize {
        self.phrases.get(self.step).map_or(0, Vec::len)
    }

    fn field_view(&self) -> FieldView<'_> {
        FieldView {
            field: &self.field,
            focused: self.in_field,
            placeholder: "or in your own words (tab)",
            boxed: true,
            counter: false,
        }
    }

    fn areas(area: Rect) -> [Rect; 4] {
        ui::stack(
            area.inner(Margin::new(2, 0)),
            [
                Constraint::Length(2),
                Constraint::Length(3),
                Constraint::Fill(1),
                Constraint::Length(3),
            ],
        )
    }
}

impl Screen for KindPause {
    fn kind(&self) -> Kind {
        Kind::Kind
    }

    fn bindings(&self) -> Tables {
        if self.step == STEPS.len() {
            &[keys::KIND_END]
        } else if self.in_field {
            &[keys::KIND_FIELD, keys::EDIT]
        } else {
            &[keys::KIND_LIST]
        }
    }

    fn enabled(&self, action: Action) -> bool {
        match action {
            Action::Up | Action::Down => can_move(self.picked, action, self.count()),
            Action::Select if self.in_field => !self.field.text().trim().is_empty(),
            Action::Select => self.count() > 0,
            Action::StepBack => self.step > 0,
            Action::Previous => !self.field.at_start(),
            _ => true,
        }
    }

    fn takes_text(&self) -> bool {
        self.in_field
    }

    fn handle(&mut self, action: Action, cx: &mut Cx) -> Outcome {
        if self.ended {
            return Outcome::Ignored;
        }
        if let Some(next) = move_in_list(self.picked, action, self.count()) {
            self.picked = next;
            return Outcome::Changed;
        }
        match (self.in_field, action) {
            (_, Action::StepBack) if self.step > 0 => {
                self.step -= 1;
                self.in_field = false;
                self.field.take();
            }
            (true, Action::Select) => {
                let words = crate::sanitize::line(self.field.text().trim());
                self.choose("own".into(), words);
            }
            (true, Action::Focus | Action::LeaveField) => self.in_field = false,
            (true, Action::Previous) => {
                self.field.left();
            }
            (true, Action::Edit(edit)) => {
                if !self.field.apply(edit, 0) {
                    return Outcome::Ignored;
                }
            }
            (false, Action::Select) if self.step < STEPS.len() => {
                let Some((id, words)) = self.phrases[self.step].get(self.picked).cloned() else {
                    return Outcome::Ignored;
                };
                self.choose(id, words);
            }
            (false, Action::Focus) => self.in_field = true,
            (false, Action::Back | Action::Select) => return Outcome::Ended(self.finish(cx.now)),
            _ => return Outcome::Ignored,
        }
        Outcome::Changed
    }

    fn type_key(&mut self, key: KeyEvent, _cx: &mut Cx) -> Outcome {
        if !self.in_field {
            return Outcome::Ignored;
        }
        super::type_into(&mut self.field, &key)
    }

    fn paste(&mut self, text: &str, _cx: &mut Cx) -> Outcome {
        if !self.in_field {
            return Outcome::Ignored;
        }
        super::paste_line(&mut self.field, text)
    }

    fn abandon(&mut self, now: Instant) -> Option<Finished> {
        (!self.ended).then(|| self.finish(now))
    }

    fn min_size(&self) -> Size {
        Size::new(30, 8)
    }

    fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        Drawn { screen: self, view }.render(area, buf);
    }

    fn cursor(&self, area: Rect, _view: &View) -> Option<Position> {
        if !self.in_field {
            return None;
        }
        let [_, _, _, field] = KindPause::areas(area);
        self.field_view().cursor(field)
    }
}

/// The kindness pause at one instant, as a ratatui widget.
impl Widget for Drawn<'_, KindPause> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let Self { screen, view } = self;
        let theme = view.theme();
        let content = &view.ctx.content;
        let width = area.width.saturating_sub(4) as usize;
        if screen.step == STEPS.len() {
            let mut rows: Vec<(String, Style)> = Vec::new();
            for (_, words) in screen.chosen.iter().flatten() {
                rows.extend(
                    ui::wrap(words, width, 3)
                        .into_iter()
                        .map(|l| (l, theme.title)),
                );
            }
            rows.push((String::new(), theme.text));
            rows.extend(
                ui::wrap(content.say("kind.end"), width, 3)
                    .into_iter()
                    .map(|l| (l, theme.text)),
            );
            rows.push((String::new(), theme.text));
            rows.extend(
                ui::wrap(&screen.credit, width, 3)
                    .into_iter()
                    .map(|l| (l, theme.dim)),
            );
            return ui::page(buf, area, rows, Align::Block);
        }
        let [head, prompt, list, field] = KindPause::areas(area);
        let step = STEPS[screen.step];
        Paragraph::new(vec![
            Line::styled(
                ui::fit(
                    &format!("{} · {} of 3", content.say("kind.title"), screen.step + 1),
                    width,
                ),
                theme.dim,
            ),
            Line::styled(ui::fit(content.say(step), width), theme.title),
        ])
        .render(head, buf);
        let prompt_lines: Vec<Line> = ui::wrap(content.say(&format!("{step}.prompt")), width, 3)
            .into_iter()
            .map(|l| Line::styled(l, theme.dim))
            .collect();
        Paragraph::new(prompt_lines).render(prompt, buf);
        let rows: Vec<Line> = screen.phrases[screen.step]
            .iter()
            .enumerate()
            .map(|(i, (_, words))| {
                let here = !screen.in_field && i == screen.picked;
                Line::from(vec![
                    Span::styled(if here { " ▸ " } else { "   " }, theme.accent),
                    Span::styled(
                        ui::fit(words, width.saturating_sub(3)),
                        if here { theme.selected } else { theme.text },
                    ),
                ])
            })
            .collect();
        let first = screen
            .picked
            .saturating_sub((list.height as usize).saturating_sub(1));
        Paragraph::new(rows.into_iter().skip(first).collect::<Vec<_>>()).render(list, buf);
        screen.field_view().render(theme, field, buf);
    }
}
