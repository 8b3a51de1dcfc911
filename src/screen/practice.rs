//! Planned practice, edited: the list of what and when, and a small form
//! for one entry (what to run, which days, what time). Each change is saved
//! at once; an entry that cannot be planned says why and is not saved.
//! soothe never reminds anyone: the menu shows what is due today, and
//! `soothe due` prints it for a shell prompt.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Constraint, Margin, Position, Rect, Size};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::{Ctx, Cx, Drawn, Kind, Outcome, Screen, View, can_move, move_in_list};
use crate::documents::Loaded;
use crate::keys::{self, Action, Tables};
use crate::practice::{MOST_ENTRIES, Planned, Practice};
use crate::text_field::TextField;
use crate::ui;
use crate::ui::field::FieldView;

const LABELS: [&str; 3] = [
    "What (as after `soothe`, like: breathe gentle --minutes 5)",
    "Days (mon tue wed thu fri sat sun, or daily)",
    "At (like 08:00)",
];

enum Mode {
    List {
        selected: usize,
    },
    Form {
        /// The entry being changed; `None` for a new one.
        changing: Option<usize>,
        focus: usize,
        fields: [TextField; 3],
        problem: Option<String>,
    },
}

pub struct PracticeScreen {
    practice: Practice,
    mode: Mode,
}

fn form(changing: Option<usize>, planned: Option<&Planned>) -> Mode {
    let text = |f: fn(&Planned) -> String| planned.map(f).unwrap_or_default();
    // Room for what a hand-edited file holds: nothing is cut on opening.
    let field =
        |limit: usize, text: String| TextField::with_text(limit.max(text.chars().count()), &text);
    Mode::Form {
        changing,
        focus: 0,
        fields: [
            field(80, text(|p| p.what.clone())),
            field(80, text(|p| p.days.join(" "))),
            field(5, text(|p| p.at.clone())),
        ],
        problem: None,
    }
}

impl PracticeScreen {
    pub fn new(ctx: &Ctx) -> PracticeScreen {
        let practice = match &ctx.practice {
            Loaded::Read(practice) => practice.clone(),
            // The command line refuses a broken file before this opens.
            _ => Practice::new(),
        };
        PracticeScreen {
            practice,
            mode: Mode::List { selected: 0 },
        }
    }

    pub fn practice(&self) -> &Practice {
        &self.practice
    }

    fn count(&self) -> usize {
        self.practice.practice.len()
    }

    /// The form's entry, checked: saved and back to the list, or the
    /// reason it cannot be planned.
    fn submit(&mut self, cx: &mut Cx) {
        let Mode::Form {
            changing,
            fields,
            problem,
            ..
        } = &mut self.mode
        else {
            return;
        };
        let planned = Planned {
            what: crate::sanitize::line(fields[0].text().trim()),
            days: fields[1]
                .text()
                .split(|c: char| c.is_whitespace() || c == ',')
                .filter(|d| !d.is_empty())
                .map(str::to_lowercase)
                .collect(),
            at: fields[2].text().trim().to_string(),
        };
        // The same grammar the command line reads: `breathe fast` names no pattern.
        let runs = crate::launch::route(&planned.what, &cx.ctx.content, &cx.ctx.settings);
        if let Some(why) = planned.problem().or(runs.err()) {
            *problem = Some(why);
            return;
        }
        let at = match *changing {
            Some(at) if at < self.practice.practice.len() => {
                self.practice.practice[at] = planned;
                at
            }
            _ => {
                self.practice.practice.push(planned);
                self.practice.practice.len() - 1
            }
        };
        cx.save_practice(self.practice.clone());
        self.mode = Mode::List { selected: at };
    }

    fn field_views(&self) -> Option<[FieldView<'_>; 3]> {
        let Mode::Form { focus, fields, .. } = &self.mode else {
            return None;
        };
        let view = |i: usize| FieldView {
            field: &fields[i],
            focused: *focus == i,
            placeholder: "",
            boxed: false,
            counter: false,
        };
        Some([view(0), view(1), view(2)])
    }

    /// The form's rows: a label and its field, three times, then the reason.
    fn form_areas(area: Rect) -> [Rect; 7] {
        // A blank row above each label when there is room.
        let label = if area.height >= 14 { 2 } else { 1 };
        ui::stack(
            area.inner(Margin::new(2, 0)),
            [
                Constraint::Length(label.max(2)),
                Constraint::Length(1),
                Constraint::Length(label),
                Constraint::Length(1),
                Constraint::Length(label),
                Constraint::Length(1),
                Constraint::Fill(1),
            ],
        )
    }
}

impl Screen for PracticeScreen {
    fn kind(&self) -> Kind {
        Kind::Practice
    }

    fn bindings(&self) -> Tables {
        match self.mode {
            Mode::List { .. } => &[keys::PRACTICE_LIST],
            Mode::Form { .. } => &[keys::PRACTICE_FORM, keys::EDIT],
        }
    }

    fn enabled(&self, action: Action) -> bool {
        match (&self.mode, action) {
            (Mode::List { selected }, Action::Up | Action::Down) => {
                can_move(*selected, action, self.count())
            }
            (Mode::List { .. }, Action::Select | Action::Remove) => self.count() > 0,
            (Mode::List { .. }, Action::Type) => self.count() < MOST_ENTRIES,
            (Mode::Form { focus, fields, .. }, Action::Previous) => !fields[*focus].at_start(),
            (Mode::Form { .. }, Action::Edit(keys::Edit::RowUp | keys::Edit::RowDown)) => false,
            _ => true,
        }
    }

    fn takes_text(&self) -> bool {
        matches!(self.mode, Mode::Form { .. })
    }

    fn handle(&mut self, action: Action, cx: &mut Cx) -> Outcome {
        match &mut self.mode {
            Mode::List { selected } => {
                if let Some(next) = move_in_list(*selected, action, self.practice.practice.len()) {
                    *selected = next;
                    return Outcome::Changed;
                }
                let at = *selected;
                match action {
                    Action::Type => self.mode = form(None, None),
                    Action::Select => {
                        let planned = self.practice.practice.get(at).cloned();
                        self.mode = form(Some(at), planned.as_ref());
                    }
                    Action::Remove if at < self.practice.practice.len() => {
                        self.practice.practice.remove(at);
                        cx.save_practice(self.practice.clone());
                        self.mode = Mode::List {
                            selected: at.min(self.practice.practice.len().saturating_sub(1)),
                        };
                    }
                    Action::Back => return Outcome::Back,
                    _ => return Outcome::Ignored,
                }
            }
            Mode::Form {
                focus,
                fields,
                changing,
                ..
            } => match action {
                Action::Focus => *focus = (*focus + 1) % 3,
                Action::FocusBack => *focus = (*focus + 2) % 3,
                Action::Previous => {
                    fields[*focus].left();
                }
                Action::Edit(edit) => {
                    if !fields[*focus].apply(edit, 0) {
                        return Outcome::Ignored;
                    }
                }
                Action::Select => self.submit(cx),
                Action::LeaveField => {
                    let selected = changing.unwrap_or(0);
                    self.mode = Mode::List { selected };
                }
                _ => return Outcome::Ignored,
            },
        }
        Outcome::Changed
    }

    fn type_key(&mut self, key: KeyEvent, _cx: &mut Cx) -> Outcome {
        match &mut self.mode {
            Mode::Form { focus, fields, .. } => super::type_into(&mut fields[*focus], &key),
            Mode::List { .. } => Outcome::Ignored,
        }
    }

    fn paste(&mut self, text: &str, _cx: &mut Cx) -> Outcome {
        match &mut self.mode {
            Mode::Form { focus, fields, .. } => super::paste_line(&mut fields[*focus], text),
            Mode::List { .. } => Outcome::Ignored,
        }
    }

    fn keep_typed(&mut self, cx: &mut Cx) {
        if matches!(self.mode, Mode::Form { .. }) {
            self.submit(cx);
        }
    }

    fn min_size(&self) -> Size {
        Size::new(30, 8)
    }

    fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        Drawn { screen: self, view }.render(area, buf);
    }

    fn cursor(&self, area: Rect, _view: &View) -> Option<Position> {
        let Mode::Form { focus, .. } = &self.mode else {
            return None;
        };
        let rows = PracticeScreen::form_areas(area);
        let views = self.field_views()?;
        views[*focus].cursor(rows[1 + 2 * *focus])
    }
}

/// Planned practice at one instant, as a ratatui widget.
impl Widget for Drawn<'_, PracticeScreen> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let Self { screen, view } = self;
        let theme = view.theme();
        let inner = area.inner(Margin::new(2, 0));
        let width = inner.width as usize;
        match &screen.mode {
            Mode::List { selected } => {
                let mut lines = vec![
                    Line::styled("Planned practice", theme.title),
                    Line::default(),
                ];
                if screen.practice.practice.is_empty() {
                    let text = "Nothing planned yet. a adds what to practise (a soothe command), on which days, at what time. soothe never reminds you: the menu shows what is due today, and `soothe due` prints it for a shell prompt.";
                    lines.extend(
                        ui::wrap(text, width, 6)
                            .into_iter()
                            .map(|l| Line::styled(l, theme.text)),
                    );
                }
                for (i, planned) in screen.practice.practice.iter().enumerate() {
                    let here = i == *selected;
                    let text = format!(
                        "{:<5}  {:<13}  {}",
                        planned.at,
                        planned.days.join(" "),
                        planned.what
                    );
                    lines.push(Line::from(vec![
                        Span::styled(if here { "▸ " } else { "  " }, theme.accent),
                        Span::styled(
                            ui::fit(&text, width.saturating_sub(2)),
                            if here { theme.selected } else { theme.text },
                        ),
                    ]));
                }
                Paragraph::new(lines).render(inner, buf);
            }
            Mode::Form { problem, .. } => {
                let rows = PracticeScreen::form_areas(area);
                let title = Line::styled("A practice", theme.title);
                Paragraph::new(title).render(rows[0], buf);
                let Some(views) = screen.field_views() else {
                    return;
                };
                for (i, field) in views.iter().enumerate() {
                    let label = rows[2 * i];
                    let label =
                        Rect::new(label.x, label.bottom().saturating_sub(1), label.width, 1);
                    Paragraph::new(Line::styled(ui::fit(LABELS[i], width), theme.dim))
                        .render(label, buf);
                    field.render(theme, rows[1 + 2 * i], buf);
                }
                if let Some(why) = problem {
                    let lines: Vec<Line> = ui::wrap(why, width, 3)
                        .into_iter()
                        .map(|l| Line::styled(l, theme.notice))
                        .collect();
                    let below = rows[6];
                    // A blank row above the reason when there is room for it.
                    let gap = u16::from(below.height > 3);
                    let below = Rect::new(
                        below.x,
                        below.y + gap,
                        below.width,
                        below.height.saturating_sub(gap),
                    );
                    Paragraph::new(lines).render(below, buf);
                }
            }
        }
    }
}
