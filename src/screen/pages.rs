//! A sequence of question pages, one on screen at a time: a line of text,
//! a rating (0–10, or 0–100 in tens), marks in a list, one choice of a few,
//! or a page to read. The ladder's steps and practices are built from them,
//! so every such page has the same keys: Enter on, PageUp back (nothing
//! lost), Tab past an optional one.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Margin, Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::Outcome;
use crate::keys::{self, Action, Tables};
use crate::text_field::TextField;
use crate::ui::field::FieldView;
use crate::ui::{self, Theme};

const LONGEST: usize = 200;

pub enum Answer {
    Text(TextField),
    /// `0..=max` in steps of `step` (10 for a percentage): a digit is that
    /// many steps, ← → one step.
    Rating {
        value: Option<u8>,
        max: u8,
        step: u8,
    },
    /// Marks in a list: Space marks, ↑ ↓ move.
    Marks {
        items: Vec<String>,
        marked: Vec<bool>,
        at: usize,
    },
    /// One of a few, each with its own key.
    Choice {
        options: Vec<(char, String)>,
        chosen: Option<usize>,
    },
    /// Something to read.
    Read,
}

pub struct Page {
    pub id: String,
    pub title: String,
    pub hint: String,
    pub answer: Answer,
    /// May be passed with Tab, or Enter while empty.
    pub optional: bool,
    /// Rows of a text answer: more than one is a box the text wraps in.
    pub rows: u16,
}

impl Page {
    pub fn text(id: impl Into<String>, title: impl Into<String>, hint: impl Into<String>) -> Page {
        Page {
            id: id.into(),
            title: title.into(),
            hint: hint.into(),
            answer: Answer::Text(TextField::new(LONGEST)),
            optional: false,
            rows: 1,
        }
    }

    pub fn rating(
        id: impl Into<String>,
        title: impl Into<String>,
        hint: impl Into<String>,
        max: u8,
    ) -> Page {
        Page {
            id: id.into(),
            title: title.into(),
            hint: hint.into(),
            answer: Answer::Rating {
                value: None,
                max,
                step: if max == 100 { 10 } else { 1 },
            },
            optional: false,
            rows: 1,
        }
    }

    pub fn marks(
        id: impl Into<String>,
        title: impl Into<String>,
        hint: impl Into<String>,
        items: Vec<String>,
    ) -> Page {
        let marked = vec![false; items.len()];
        Page {
            id: id.into(),
            title: title.into(),
            hint: hint.into(),
            answer: Answer::Marks {
                items,
                marked,
                at: 0,
            },
            optional: true,
            rows: 1,
        }
    }

    pub fn choice(
        id: impl Into<String>,
        title: impl Into<String>,
        options: Vec<(char, String)>,
    ) -> Page {
        Page {
            id: id.into(),
            title: title.into(),
            hint: String::new(),
            answer: Answer::Choice {
                options,
                chosen: None,
            },
            optional: false,
            rows: 1,
        }
    }

    pub fn read(id: impl Into<String>, title: impl Into<String>, text: impl Into<String>) -> Page {
        Page {
            id: id.into(),
            title: title.into(),
            hint: text.into(),
            answer: Answer::Read,
            optional: false,
            rows: 1,
        }
    }

    /// A text answer in a box of `rows` rows (a longer text to read and change).
    pub fn rows(mut self, rows: u16) -> Page {
        self.rows = rows.max(1);
        self
    }

    pub fn optional(mut self) -> Page {
        self.optional = true;
        self
    }

    /// Starting with this text (a field) or value (a rating).
    pub fn with_text(mut self, text: &str) -> Page {
        if let Answer::Text(field) = &mut self.answer {
            *field = TextField::with_text(LONGEST.max(text.chars().count()), text);
        }
        self
    }

    fn answered(&self) -> bool {
        match &self.answer {
            Answer::Text(field) => !field.text().trim().is_empty(),
            Answer::Rating { value, .. } => value.is_some(),
            Answer::Choice { chosen, .. } => chosen.is_some(),
            Answer::Marks { .. } | Answer::Read => true,
        }
    }
}

/// What a key did to the pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Moved {
    Ignored,
    Changed,
    /// Back from the first page.
    Left,
    /// On from the last page.
    Finished,
}

impl Moved {
    pub fn outcome(self) -> Outcome {
        match self {
            Moved::Ignored => Outcome::Ignored,
            _ => Outcome::Changed,
        }
    }
}

pub struct Pages {
    pages: Vec<Page>,
    at: usize,
}

impl Pages {
    pub fn new(pages: Vec<Page>) -> Pages {
        Pages { pages, at: 0 }
    }

    pub fn page(&self) -> &Page {
        &self.pages[self.at]
    }

    fn page_mut(&mut self) -> &mut Page {
        &mut self.pages[self.at]
    }

    pub fn at(&self) -> (usize, usize) {
        (self.at, self.pages.len())
    }

    fn find(&self, id: &str) -> Option<&Page> {
        self.pages.iter().find(|p| p.id == id)
    }

    /// A field's text, trimmed and cleaned ("" when there is no such page).
    pub fn text(&self, id: &str) -> String {
        match self.find(id).map(|p| &p.answer) {
            Some(Answer::Text(field)) => crate::sanitize::line(field.text().trim()),
            _ => String::new(),
        }
    }

    pub fn rating(&self, id: &str) -> Option<u8> {
        match self.find(id).map(|p| &p.answer) {
            Some(Answer::Rating { value, .. }) => *value,
            _ => None,
        }
    }

    pub fn marked(&self, id: &str) -> Vec<String> {
        match self.find(id).map(|p| &p.answer) {
            Some(Answer::Marks { items, marked, .. }) => items
                .iter()
                .zip(marked)
                .filter(|(_, m)| **m)
                .map(|(i, _)| i.clone())
                .collect(),
            _ => Vec::new(),
        }
    }

    pub fn chosen(&self, id: &str) -> Option<char> {
        match self.find(id).map(|p| &p.answer) {
            Some(Answer::Choice { options, chosen }) => chosen.map(|c| options[c].0),
            _ => None,
        }
    }

    /// Fills a field (a text built from the answers so far).
    pub fn set_text(&mut self, id: &str, text: &str) {
        if let Some(Answer::Text(field)) = self
            .pages
            .iter_mut()
            .find(|p| p.id == id)
            .map(|p| &mut p.answer)
        {
            // Room to add to what was built.
            *field = TextField::with_text(text.chars().count() + LONGEST, text);
        }
    }

    /// Sets a page's hint (a text built from the answers so far).
    pub fn set_hint(&mut self, id: &str, hint: &str) {
        if let Some(page) = self.pages.iter_mut().find(|p| p.id == id) {
            page.hint = hint.to_string();
        }
    }

    /// Sets a rating (a default to keep or change).
    pub fn set_rating(&mut self, id: &str, to: u8) {
        if let Some(Answer::Rating { value, max, .. }) = self
            .pages
            .iter_mut()
            .find(|p| p.id == id)
            .map(|p| &mut p.answer)
        {
            *value = Some(to.min(*max));
        }
    }

    /// How many pages there are.
    pub fn len(&self) -> usize {
        self.pages.len()
    }

    pub fn is_empty(&self) -> bool {
        self.pages.is_empty()
    }

    /// To page `at` (plain mode asks them in turn).
    pub fn go_to(&mut self, at: usize) {
        self.at = at.min(self.pages.len().saturating_sub(1));
    }

    /// The marks on the page on show, by position.
    pub fn set_marks(&mut self, positions: &[usize]) {
        if let Answer::Marks { marked, .. } = &mut self.page_mut().answer {
            for (i, mark) in marked.iter_mut().enumerate() {
                *mark = positions.contains(&i);
            }
        }
    }

    /// Takes back the choice on the page on show (to be asked again).
    pub fn clear_choice(&mut self) {
        if let Answer::Choice { chosen, .. } = &mut self.page_mut().answer {
            *chosen = None;
        }
    }

    /// The choice on the page on show, by position.
    pub fn set_choice(&mut self, position: usize) {
        if let Answer::Choice { options, chosen } = &mut self.page_mut().answer
            && position < options.len()
        {
            *chosen = Some(position);
        }
    }

    pub fn takes_text(&self) -> bool {
        matches!(self.page().answer, Answer::Text(_))
    }

    pub fn bindings(&self) -> Tables {
        match self.page().answer {
            Answer::Text(_) => &[keys::PAGES_TEXT, keys::EDIT],
            Answer::Rating { .. } => &[keys::PAGES_RATING],
            Answer::Marks { .. } => &[keys::PAGES_MARKS],
            Answer::Choice { .. } => &[keys::PAGES_CHOICE],
            Answer::Read => &[keys::PAGES_READ],
        }
    }

    pub fn enabled(&self, action: Action) -> bool {
        let page = self.page();
        match (&page.answer, action) {
            (_, Action::Skip) => page.optional,
            // Not answered yet: Enter waits for an answer.
            (_, Action::Select) => page.answered() || page.optional,
            (_, Action::StepBack) => self.at > 0,
            (Answer::Text(field), Action::Previous) => !field.at_start(),
            (Answer::Text(_), Action::Edit(keys::Edit::RowUp | keys::Edit::RowDown)) => {
                page.rows > 1
            }
            (Answer::Rating { value, .. }, Action::Previous) => *value != Some(0),
            (Answer::Rating { value, max, .. }, Action::Next) => *value != Some(*max),
            (Answer::Marks { items, .. }, Action::Mark) => !items.is_empty(),
            (Answer::Marks { items, at, .. }, Action::Up | Action::Down) => {
                super::can_move(*at, action, items.len())
            }
            (Answer::Choice { options, .. }, Action::Digit(d)) => {
                usize::from(d) >= 1 && usize::from(d) <= options.len()
            }
            _ => true,
        }
    }

    fn on(&mut self) -> Moved {
        if self.at + 1 == self.pages.len() {
            return Moved::Finished;
        }
        self.at += 1;
        Moved::Changed
    }

    pub fn handle(&mut self, action: Action) -> Moved {
        match action {
            Action::StepBack if self.at > 0 => {
                self.at -= 1;
                return Moved::Changed;
            }
            Action::Skip if self.page().optional => return self.on(),
            Action::Back => return Moved::Left,
            Action::Select => {
                let page = self.page();
                return if page.answered() || page.optional {
                    self.on()
                } else {
                    Moved::Ignored
                };
            }
            _ => {}
        }
        match &mut self.page_mut().answer {
            Answer::Text(field) => match action {
                Action::Edit(edit) if field.apply(edit, 0) => Moved::Changed,
                Action::Previous => {
                    field.left();
                    Moved::Changed
                }
                Action::LeaveField => Moved::Left,
                _ => Moved::Ignored,
            },
            Answer::Rating { value, max, step } => {
                let (max, step) = (*max, *step);
                let next = match action {
                    Action::Digit(d) => Some((d * step).min(max)),
                    Action::Previous => Some(value.map_or(max / 2, |v| v.saturating_sub(step))),
                    Action::Next => Some(value.map_or(max / 2, |v| (v + step).min(max))),
                    _ => None,
                };
                match next {
                    Some(v) => {
                        *value = Some(v);
                        Moved::Changed
                    }
                    None => Moved::Ignored,
                }
            }
            Answer::Marks { items, marked, at } => match action {
                Action::Up => {
                    *at = at.saturating_sub(1);
                    Moved::Changed
                }
                Action::Down => {
                    *at = (*at + 1).min(items.len().saturating_sub(1));
                    Moved::Changed
                }
                Action::Mark if !items.is_empty() => {
                    marked[*at] = !marked[*at];
                    Moved::Changed
                }
                _ => Moved::Ignored,
            },
            Answer::Choice { options, chosen } => match action {
                Action::Digit(d) if usize::from(d) >= 1 && usize::from(d) <= options.len() => {
                    *chosen = Some(usize::from(d) - 1);
                    self.on()
                }
                _ => Moved::Ignored,
            },
            Answer::Read => Moved::Ignored,
        }
    }

    pub fn type_key(&mut self, key: &KeyEvent) -> Outcome {
        match &mut self.page_mut().answer {
            Answer::Text(field) => super::type_into(field, key),
            _ => Outcome::Ignored,
        }
    }

    pub fn paste(&mut self, text: &str) -> Outcome {
        match &mut self.page_mut().answer {
            Answer::Text(field) => super::paste_line(field, text),
            _ => Outcome::Ignored,
        }
    }

    /// The rows of the page: the heading above, then the title, the
    /// answer, the hint. The field's row is where the cursor goes.
    fn layout(&self, area: Rect, heading: usize) -> (Rect, Rect) {
        let inner = area.inner(Margin::new(2, 0));
        let title_rows = ui::wrap(&self.page().title, inner.width as usize, 3).len();
        let answer_rows = match &self.page().answer {
            Answer::Marks { items, .. } => items.len().max(1),
            Answer::Choice { options, .. } => options.len(),
            Answer::Read => 0,
            Answer::Text(_) if self.page().rows > 1 => self.page().rows as usize + 2,
            _ => 1,
        };
        let hint_rows = ui::wrap(&self.page().hint, inner.width as usize, 6).len();
        let total = heading + 1 + title_rows + 1 + answer_rows + 1 + hint_rows;
        let top = inner.y + (inner.height as usize).saturating_sub(total) as u16 / 2;
        let answer_y = top + (heading + 1 + title_rows + 1) as u16;
        let answer_y = answer_y.min(inner.bottom().saturating_sub(1));
        // Never past the window: a long list scrolls within what is left.
        let room = inner.bottom().saturating_sub(answer_y).max(1);
        let answer = Rect::new(
            inner.x,
            answer_y,
            inner.width,
            (answer_rows as u16).min(room),
        );
        (
            Rect::new(
                inner.x,
                top,
                inner.width,
                inner.height.saturating_sub(top - inner.y),
            ),
            answer,
        )
    }

    pub fn cursor(&self, area: Rect, heading: usize) -> Option<Position> {
        let Answer::Text(field) = &self.page().answer else {
            return None;
        };
        let (_, answer) = self.layout(area, heading);
        view(field, self.page().rows).cursor(field_rect(answer, self.page().rows))
    }

    /// The page, under `heading` lines (the screen's own context).
    pub fn render(
        &self,
        area: Rect,
        buf: &mut Buffer,
        theme: &Theme,
        heading: Vec<(String, Style)>,
    ) {
        let (block, answer) = self.layout(area, heading.len());
        let width = block.width as usize;
        let page = self.page();
        let mut lines: Vec<Line> = heading
            .into_iter()
            .map(|(t, s)| Line::styled(ui::fit(&t, width), s))
            .collect();
        lines.push(Line::default());
        lines.extend(
            ui::wrap(&page.title, width, 3)
                .into_iter()
                .map(|l| Line::styled(l, theme.title)),
        );
        Paragraph::new(lines).render(block, buf);
        let rows = answer.height as usize;
        match &page.answer {
            Answer::Text(field) => {
                view(field, page.rows).render(theme, field_rect(answer, page.rows), buf)
            }
            Answer::Rating { value, max, step } => {
                let line = if *max == 10 {
                    ui::scale::line(*value, width >= 50, theme)
                } else {
                    let shown = value.map_or("–".to_string(), |v| format!("{v} %"));
                    Line::from(vec![
                        Span::styled(shown, theme.selected),
                        Span::styled(format!("   (0–9 are tens, ← → {step})"), theme.dim),
                    ])
                };
                Paragraph::new(line).render(answer, buf);
            }
            Answer::Marks { items, marked, at } => {
                let first = at.saturating_sub(rows.saturating_sub(1));
                let lines: Vec<Line> = items
                    .iter()
                    .enumerate()
                    .skip(first)
                    .take(rows)
                    .map(|(i, item)| {
                        let mark = if marked[i] { "[x] " } else { "[ ] " };
                        let here = i == *at;
                        let style = if here { theme.selected } else { theme.text };
                        Line::from(vec![
                            Span::styled(if here { "▸ " } else { "  " }, theme.accent),
                            Span::styled(mark, style),
                            Span::styled(ui::fit(item, width.saturating_sub(6)), style),
                        ])
                    })
                    .collect();
                Paragraph::new(lines).render(answer, buf);
            }
            Answer::Choice { options, chosen } => {
                let lines: Vec<Line> = options
                    .iter()
                    .enumerate()
                    .map(|(i, (_, text))| {
                        let style = if *chosen == Some(i) {
                            theme.selected.add_modifier(Modifier::REVERSED)
                        } else {
                            theme.text
                        };
                        Line::from(vec![
                            Span::styled(format!("{}  ", i + 1), theme.key),
                            Span::styled(ui::fit(text, width.saturating_sub(3)), style),
                        ])
                    })
                    .collect();
                Paragraph::new(lines).render(answer, buf);
            }
            Answer::Read => {}
        }
        let hint_y = answer.bottom() + 1;
        if hint_y < block.bottom() && !page.hint.is_empty() {
            let room = (block.bottom() - hint_y) as usize;
            let style = if matches!(page.answer, Answer::Read) {
                theme.text
            } else {
                theme.dim
            };
            let lines: Vec<Line> = ui::wrap(&page.hint, width, room)
                .into_iter()
                .map(|l| Line::styled(l, style))
                .collect();
            let read_y = if matches!(page.answer, Answer::Read) {
                answer.y
            } else {
                hint_y
            };
            Paragraph::new(lines).render(
                Rect::new(
                    block.x,
                    read_y,
                    block.width,
                    block.bottom().saturating_sub(read_y),
                ),
                buf,
            );
        }
    }
}

/// Two people at one keyboard: their first names from the pages
/// `name-1` and `name-2` (trimmed, at most 20 characters), when both are
/// there and different.
pub fn two_names(pages: &Pages) -> Option<[String; 2]> {
    let first = |id: &str| pages.text(id).trim().chars().take(20).collect::<String>();
    let names = [first("name-1"), first("name-2")];
    (names.iter().all(|n| !n.is_empty()) && names[0] != names[1]).then_some(names)
}

/// Each of the two asked whether to keep their words: pages `keep-0` and
/// `keep-1`, with `asks` as each one's question.
pub fn keep_pages(names: &[String; 2], asks: impl Fn(&str) -> String) -> [Page; 2] {
    [0, 1].map(|who| {
        Page::choice(
            format!("keep-{who}"),
            asks(&names[who]),
            vec![
                ('y', "Keep our words".into()),
                ('n', "Do not keep them".into()),
            ],
        )
    })
}

/// Both chose to keep their words on the [`keep_pages`].
pub fn both_keep(pages: &Pages) -> bool {
    (0..2).all(|who| pages.chosen(&format!("keep-{who}")) == Some('y'))
}

fn view(field: &TextField, rows: u16) -> FieldView<'_> {
    FieldView {
        field,
        focused: true,
        placeholder: "",
        boxed: rows > 1,
        counter: false,
    }
}

/// Where a text answer goes: one row, or a box of `rows` rows and its border.
fn field_rect(answer: Rect, rows: u16) -> Rect {
    let height = if rows > 1 { rows + 2 } else { 1 };
    Rect::new(
        answer.x,
        answer.y,
        answer.width,
        height.min(answer.height.max(1)),
    )
}
