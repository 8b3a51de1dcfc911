//! The safety plan: read (what `!` shows first when there is one), or
//! written part by part in the person's own words. Every change is saved
//! at once (as a command: the event loop writes the document); a plan file
//! soothe cannot read is shown as such and never written over.

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
use crate::plan::{LINE_LIMIT, MOST_LINES, SECTIONS, SafetyPlan};
use crate::sanitize;
use crate::text_field::TextField;
use crate::ui::field::FieldView;
use crate::ui::{self, Align};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Reading, scrolled down this many rows.
    View(usize),
    /// Writing part `section`; the keys are in the field or on a line.
    Edit {
        section: usize,
        in_field: bool,
        selected: usize,
        /// The line being changed in the field, if not a new one.
        changing: Option<usize>,
    },
}

pub struct Plan {
    mode: Mode,
    plan: SafetyPlan,
    /// Why the file could not be read: then nothing is written.
    broken: Option<String>,
    field: TextField,
    opened: Instant,
    edited: bool,
    /// How far the plan can scroll at the last drawn size.
    max_scroll: std::cell::Cell<usize>,
}

impl Plan {
    pub fn new(ctx: &Ctx, edit: bool, now: Instant) -> Plan {
        let (plan, broken) = ctx.plan.for_editing(SafetyPlan::new);
        let mut screen = Plan {
            mode: Mode::View(0),
            plan,
            broken,
            field: TextField::new(LINE_LIMIT),
            opened: now,
            edited: false,
            max_scroll: std::cell::Cell::new(0),
        };
        if edit && screen.broken.is_none() {
            screen.mode = screen.editing(0);
        }
        screen
    }

    pub fn plan(&self) -> &SafetyPlan {
        &self.plan
    }

    /// Writing part `section`, in the field.
    fn editing(&self, section: usize) -> Mode {
        Mode::Edit {
            section,
            in_field: true,
            selected: 0,
            changing: None,
        }
    }

    fn lines(&self, section: usize) -> &[String] {
        self.plan.lines(SECTIONS[section])
    }

    /// Leaving a part with words still in its field: they are added (or
    /// keep the change), never dropped.
    fn keep_field(&mut self, section: usize, changing: Option<usize>, cx: &mut Cx) {
        let line = sanitize::line(self.field.take().trim());
        if line.is_empty() {
            return;
        }
        let lines = self.plan.lines_mut(SECTIONS[section]);
        match changing {
            Some(at) if at < lines.len() => lines[at] = line,
            _ if lines.len() < MOST_LINES => lines.push(line),
            _ => return,
        }
        self.save(cx);
    }

    /// The plan changed: saved now, so nothing typed is ever lost.
    fn save(&mut self, cx: &mut Cx) {
        self.plan.touch(cx.wall());
        self.edited = true;
        cx.save_plan(self.plan.clone());
    }

    /// The account for the journal: only that the plan was seen or changed.
    fn account(&self, now: Instant) -> Session {
        let variant = if self.edited { "edited" } else { "viewed" };
        let secs = now.saturating_duration_since(self.opened).as_secs();
        Session::new(Exercise::Plan, variant, true, secs)
    }

    fn handle_edit(&mut self, action: Action, cx: &mut Cx) -> Outcome {
        let Mode::Edit {
            section,
            in_field,
            selected,
            changing,
        } = self.mode
        else {
            return Outcome::Ignored;
        };
        let count = self.lines(section).len();
        let to_section = |s: usize| Mode::Edit {
            section: s,
            in_field: true,
            selected: 0,
            changing: None,
        };
        match (in_field, action) {
            (_, Action::StepBack) if section > 0 => {
                self.keep_field(section, changing, cx);
                self.mode = to_section(section - 1);
            }
            (_, Action::StepOn) if section + 1 < SECTIONS.len() => {
                self.keep_field(section, changing, cx);
                self.mode = to_section(section + 1);
            }
            (true, Action::Select) => {
                let line = sanitize::line(self.field.text().trim());
                if line.is_empty() {
                    return Outcome::Ignored;
                }
                self.field.take();
                let lines = self.plan.lines_mut(SECTIONS[section]);
                match changing {
                    Some(at) if at < lines.len() => lines[at] = line,
                    _ => lines.push(line),
                }
                self.mode = Mode::Edit {
                    section,
                    in_field: true,
                    selected: changing.unwrap_or(count),
                    changing: None,
                };
                self.save(cx);
            }
            (true, Action::Previous) => {
                self.field.left();
            }
            (true, Action::Edit(edit)) => {
                if !self.field.apply(edit, 0) {
                    return Outcome::Ignored;
                }
            }
            (true, Action::Focus | Action::LeaveField) => {
                self.mode = Mode::Edit {
                    section,
                    in_field: false,
                    selected: selected.min(count.saturating_sub(1)),
                    changing,
                };
            }
            (false, Action::Type) => {
                // Back to the field as it was left: nothing typed is lost.
                self.mode = Mode::Edit {
                    section,
                    in_field: true,
                    selected,
                    changing,
                };
            }
            (false, Action::Select) if count > 0 => {
                self.keep_field(section, changing, cx);
                let lines = self.lines(section);
                let Some(line) = lines.get(selected.min(lines.len().saturating_sub(1))) else {
                    return Outcome::Ignored;
                };
                self.field = TextField::with_text(LINE_LIMIT, line);
                self.mode = Mode::Edit {
                    section,
                    in_field: true,
                    selected,
                    changing: Some(selected),
                };
            }
            (false, Action::Remove) if count > 0 => {
                self.plan.lines_mut(SECTIONS[section]).remove(selected);
                self.mode = Mode::Edit {
                    section,
                    in_field: count == 1,
                    selected: selected.min(count.saturating_sub(2)),
                    changing: None,
                };
                self.save(cx);
            }
            (false, Action::Up | Action::Down) => {
                let Some(next) = move_in_list(selected, action, count) else {
                    return Outcome::Ignored;
                };
                self.mode = Mode::Edit {
                    section,
                    in_field,
                    selected: next,
                    changing,
                };
            }
            (false, Action::Back) => {
                self.keep_field(section, changing, cx);
                self.mode = Mode::View(0);
            }
            _ => return Outcome::Ignored,
        }
        Outcome::Changed
    }

    fn field_view(&self) -> FieldView<'_> {
        FieldView {
            field: &self.field,
            focused: self.takes_text(),
            placeholder: "a short line, then Enter",
            boxed: true,
            counter: false,
        }
    }

    /// The edit page: heading, prompt, the part's lines, the field.
    fn edit_areas(area: Rect) -> [Rect; 4] {
        let inner = area.inner(Margin::new(2, 0));
        ui::stack(
            inner,
            [
                Constraint::Length(2),
                Constraint::Length(3),
                Constraint::Fill(1),
                Constraint::Length(3),
            ],
        )
    }

    /// Every row of the plan as read, with its style.
    fn view_rows(&self, view: &View, width: usize) -> Vec<(String, Style)> {
        let theme = view.theme();
        let content = &view.ctx.content;
        let mut rows = vec![(content.say("plan.title").to_string(), theme.title)];
        if let Some(why) = &self.broken {
            rows.push((String::new(), theme.text));
            let text = format!(
                "Your plan could not be read: {why}. soothe leaves the file as it is; fix that line, or move the file away to start a new plan."
            );
            rows.extend(
                ui::wrap(&text, width, 8)
                    .into_iter()
                    .map(|l| (l, theme.notice)),
            );
        } else if self.plan.is_empty() {
            rows.push((String::new(), theme.text));
            rows.extend(
                ui::wrap(content.say("plan.intro"), width, 4)
                    .into_iter()
                    .map(|l| (l, theme.text)),
            );
            rows.push(("Press e to write it.".into(), theme.dim));
        }
        for (n, section) in SECTIONS.iter().enumerate() {
            let lines = self.plan.lines(*section);
            if self.broken.is_some() || (self.plan.is_empty() && n > 0) {
                break;
            }
            if self.plan.is_empty() {
                break;
            }
            rows.push((String::new(), theme.text));
            for (i, part) in ui::wrap(&section.title(content), width.saturating_sub(3), 2)
                .into_iter()
                .enumerate()
            {
                let number = if i == 0 {
                    format!("{}. ", n + 1)
                } else {
                    "   ".into()
                };
                rows.push((format!("{number}{part}"), theme.title));
            }
            if lines.is_empty() {
                rows.push(("   –".into(), theme.dim));
            }
            for line in lines {
                for (i, part) in ui::wrap(&sanitize::line(line), width.saturating_sub(5), 3)
                    .into_iter()
                    .enumerate()
                {
                    let mark = if i == 0 { "   · " } else { "     " };
                    rows.push((format!("{mark}{part}"), theme.text));
                }
            }
            if n == 3 {
                for contact in &view.ctx.settings.contacts {
                    rows.push((
                        ui::fit(&format!("   · {} · {}", contact.name, contact.reach), width),
                        theme.text,
                    ));
                }
            }
            if n == 4 {
                rows.extend(
                    ui::wrap(content.say("plan.crisis-line"), width.saturating_sub(3), 3)
                        .into_iter()
                        .map(|l| (format!("   {l}"), theme.dim)),
                );
            }
        }
        rows.push((String::new(), theme.text));
        rows.extend(
            ui::wrap(content.say("plan.private"), width, 2)
                .into_iter()
                .map(|l| (l, theme.dim)),
        );
        rows
    }
}

impl Screen for Plan {
    fn kind(&self) -> Kind {
        Kind::Plan
    }

    fn bindings(&self) -> Tables {
        match self.mode {
            Mode::View(_) => &[keys::PLAN_VIEW],
            Mode::Edit { in_field: true, .. } => &[keys::PLAN_FIELD, keys::EDIT],
            Mode::Edit { .. } => &[keys::PLAN_LIST],
        }
    }

    fn enabled(&self, action: Action) -> bool {
        match (self.mode, action) {
            (Mode::View(scroll), Action::Up) => scroll > 0,
            (Mode::View(scroll), Action::Down) => scroll < self.max_scroll.get(),
            (Mode::View(_), Action::Type) => self.broken.is_none(),
            (Mode::Edit { section, .. }, Action::StepBack) => section > 0,
            (Mode::Edit { section, .. }, Action::StepOn) => section + 1 < SECTIONS.len(),
            (
                Mode::Edit {
                    in_field: true,
                    section,
                    changing,
                    ..
                },
                Action::Select,
            ) => {
                !self.field.text().trim().is_empty()
                    && (changing.is_some() || self.lines(section).len() < MOST_LINES)
            }
            (Mode::Edit { in_field: true, .. }, Action::Previous) => !self.field.at_start(),
            (
                Mode::Edit {
                    in_field: false,
                    section,
                    selected,
                    ..
                },
                Action::Up | Action::Down,
            ) => can_move(selected, action, self.lines(section).len()),
            (
                Mode::Edit {
                    in_field: false,
                    section,
                    ..
                },
                Action::Select | Action::Remove,
            ) => !self.lines(section).is_empty(),
            _ => true,
        }
    }

    fn takes_text(&self) -> bool {
        matches!(self.mode, Mode::Edit { in_field: true, .. })
    }

    fn handle(&mut self, action: Action, cx: &mut Cx) -> Outcome {
        match self.mode {
            Mode::View(scroll) => match action {
                Action::Up => self.mode = Mode::View(scroll.saturating_sub(1)),
                Action::Down => self.mode = Mode::View((scroll + 1).min(self.max_scroll.get())),
                Action::Type if self.broken.is_none() => {
                    self.field.take();
                    self.mode = self.editing(0);
                }
                Action::Back => return Outcome::Done(Box::new(self.account(cx.now))),
                _ => return Outcome::Ignored,
            },
            Mode::Edit { .. } => return self.handle_edit(action, cx),
        }
        Outcome::Changed
    }

    fn type_key(&mut self, key: KeyEvent, _cx: &mut Cx) -> Outcome {
        if !self.takes_text() {
            return Outcome::Ignored;
        }
        super::type_into(&mut self.field, &key)
    }

    fn paste(&mut self, text: &str, _cx: &mut Cx) -> Outcome {
        if !self.takes_text() {
            return Outcome::Ignored;
        }
        super::paste_line(&mut self.field, text)
    }

    fn keep_typed(&mut self, cx: &mut Cx) {
        if let Mode::Edit {
            section, changing, ..
        } = self.mode
            && self.broken.is_none()
        {
            self.keep_field(section, changing, cx);
        }
        cx.note(self.account(cx.now));
    }

    fn min_size(&self) -> Size {
        Size::new(30, 8)
    }

    fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        Drawn { screen: self, view }.render(area, buf);
    }

    fn cursor(&self, area: Rect, _view: &View) -> Option<Position> {
        if !self.takes_text() {
            return None;
        }
        let [_, _, _, field] = Plan::edit_areas(area);
        self.field_view().cursor(field)
    }
}

/// The plan at one instant, as a ratatui widget.
impl Widget for Drawn<'_, Plan> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let Self { screen, view } = self;
        let theme = view.theme();
        let content = &view.ctx.content;
        match screen.mode {
            Mode::View(scroll) => {
                let width = area.width.saturating_sub(4) as usize;
                let rows = screen.view_rows(view, width);
                let last = rows.len().saturating_sub(area.height as usize);
                screen.max_scroll.set(last);
                let rows: Vec<(String, Style)> = rows.into_iter().skip(scroll.min(last)).collect();
                if rows.len() <= area.height as usize {
                    ui::page(buf, area, rows, Align::Left);
                } else {
                    let lines: Vec<Line> =
                        rows.into_iter().map(|(t, s)| Line::styled(t, s)).collect();
                    Paragraph::new(lines).render(area.inner(Margin::new(2, 0)), buf);
                }
            }
            Mode::Edit {
                section,
                in_field,
                selected,
                ..
            } => {
                let [head, prompt, list, field] = Plan::edit_areas(area);
                let part = SECTIONS[section];
                let width = head.width as usize;
                Paragraph::new(vec![
                    Line::from(vec![
                        Span::styled(
                            ui::fit(content.say("plan.title"), width.saturating_sub(10)),
                            theme.dim,
                        ),
                        Span::styled(
                            format!(" · {} of {}", section + 1, SECTIONS.len()),
                            theme.dim,
                        ),
                    ]),
                    Line::styled(ui::fit(&part.title(content), width), theme.title),
                ])
                .render(head, buf);
                let full = screen.lines(section).len() >= MOST_LINES;
                let prompt_text = if full {
                    format!(
                        "This part holds {MOST_LINES} lines: change or take one out to add another."
                    )
                } else {
                    part.prompt(content)
                };
                let prompt_lines: Vec<Line> = ui::wrap(&prompt_text, width, 2)
                    .into_iter()
                    .map(|l| Line::styled(l, theme.dim))
                    .collect();
                Paragraph::new(prompt_lines).render(prompt, buf);
                let lines = screen.lines(section);
                let shown = list.height as usize;
                let first = selected.saturating_sub(shown.saturating_sub(1));
                let rows: Vec<Line> = lines
                    .iter()
                    .enumerate()
                    .skip(first)
                    .take(shown)
                    .map(|(i, line)| {
                        let here = !in_field && i == selected;
                        Line::from(vec![
                            Span::styled(if here { " ▸ " } else { " · " }, theme.accent),
                            Span::styled(
                                ui::fit(&sanitize::line(line), width.saturating_sub(3)),
                                if here { theme.selected } else { theme.text },
                            ),
                        ])
                    })
                    .collect();
                if rows.is_empty() {
                    Paragraph::new(Line::styled(
                        ui::fit(content.say("plan.empty"), width),
                        theme.dim,
                    ))
                    .render(list, buf);
                } else {
                    Paragraph::new(rows).render(list, buf);
                }
                screen.field_view().render(theme, field, buf);
            }
        }
    }
}
