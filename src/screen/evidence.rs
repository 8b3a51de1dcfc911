//! Evidence for a kinder belief: the old belief and a kinder one, how much
//! the kinder one is believed (re-rated once a week, drawn as a small
//! chart), and the evidence, one specific thing per entry: written here, or
//! offered from the person's own journal to accept or skip. Each change is
//! saved at once; leaving writes what was added to the journal.

use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Margin, Position, Rect, Size};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use super::{Ctx, Cx, Drawn, Kind, Outcome, Screen, View};
use crate::beliefs::{self, Belief, Beliefs, Evidence, Offer};
use crate::journal::{EvidenceRecord, Exercise, Record, Session};
use crate::keys::{self, Action, Tables};
use crate::text_field::TextField;
use crate::ui::field::FieldView;
use crate::ui::{self, Align};

const LONGEST: usize = 200;
/// How many ratings the chart shows.
const CHART: usize = 12;

enum Mode {
    /// Writing the old belief (0), then the kinder one (1).
    Belief {
        step: usize,
        old: TextField,
        kinder: TextField,
    },
    /// How much the kinder belief is believed now, 0–100.
    Rating {
        value: Option<u8>,
    },
    Main {
        scroll: usize,
    },
    Adding {
        field: TextField,
    },
    Offering {
        at: usize,
    },
}

pub struct EvidenceScreen {
    beliefs: Beliefs,
    broken: Option<String>,
    offers: Vec<Offer>,
    today: NaiveDate,
    mode: Mode,
    /// What this visit added, for the journal.
    added: Vec<String>,
    rated: Option<u8>,
    started: std::time::Instant,
}

fn field(text: &str) -> TextField {
    TextField::with_text(LONGEST.max(text.chars().count()), text)
}

impl EvidenceScreen {
    pub fn new(ctx: &Ctx, records: &[Record], now: std::time::Instant) -> EvidenceScreen {
        let (beliefs, broken) = ctx.beliefs.for_editing(Beliefs::new);
        let today = ctx.clock.at(now).date_naive();
        let offers = beliefs::offers(records, &beliefs);
        let mode = match beliefs.current() {
            _ if broken.is_some() => Mode::Main { scroll: 0 },
            None => Mode::Belief {
                step: 0,
                old: field(""),
                kinder: field(""),
            },
            // A week since the last rating: asked first, once.
            Some(belief) if belief.rerating_due(today) => Mode::Rating {
                value: belief.believed(),
            },
            Some(_) => Mode::Main { scroll: 0 },
        };
        EvidenceScreen {
            beliefs,
            broken,
            offers,
            today,
            mode,
            added: Vec::new(),
            rated: None,
            started: now,
        }
    }

    fn belief(&self) -> Option<&Belief> {
        self.beliefs.current()
    }

    fn save(&self, cx: &mut Cx) {
        cx.save_beliefs(self.beliefs.clone());
    }

    /// Leaving: what this visit added and the rating go to the journal.
    fn leave(&self, cx: &Cx) -> Outcome {
        let Some(belief) = self.belief() else {
            return Outcome::Back;
        };
        if self.added.is_empty() && self.rated.is_none() {
            return Outcome::Back;
        }
        let secs = cx.now.saturating_duration_since(self.started).as_secs();
        let mut session = Session::new(Exercise::Evidence, "evidence", true, secs);
        session.evidence = Some(Box::new(EvidenceRecord {
            belief: belief.kinder.clone(),
            added: self.added.clone(),
            believed: self.rated,
        }));
        Outcome::Done(Box::new(session))
    }

    fn add(&mut self, text: String, from: Option<String>, cx: &mut Cx) {
        let today = self.today;
        let Some(belief) = self.beliefs.current_mut() else {
            return;
        };
        belief.evidence.push(Evidence {
            on: today,
            text: text.clone(),
            from,
        });
        self.added.push(text);
        self.save(cx);
    }
}

impl Screen for EvidenceScreen {
    fn kind(&self) -> Kind {
        Kind::Evidence
    }

    fn bindings(&self) -> Tables {
        match self.mode {
            Mode::Belief { .. } => &[keys::EVIDENCE_FIELD, keys::EDIT],
            Mode::Adding { .. } => &[keys::EVIDENCE_FIELD, keys::EDIT],
            Mode::Rating { .. } => &[keys::EVIDENCE_RATING],
            Mode::Main { .. } => &[keys::EVIDENCE],
            Mode::Offering { .. } => &[keys::EVIDENCE_OFFER],
        }
    }

    fn enabled(&self, action: Action) -> bool {
        let writable = self.broken.is_none() && self.belief().is_some();
        match (&self.mode, action) {
            (Mode::Main { .. }, Action::Type | Action::Pause) => writable,
            (Mode::Main { .. }, Action::Other) => writable && !self.offers.is_empty(),
            (Mode::Main { .. }, Action::Change) => self.broken.is_none(),
            (Mode::Main { scroll }, Action::Up | Action::Down) => {
                let count = self.belief().map_or(0, |b| b.evidence.len());
                super::can_move(*scroll, action, count)
            }
            (Mode::Rating { value }, Action::Select) => value.is_some(),
            (Mode::Belief { step, .. }, Action::StepBack) => *step > 0,
            (Mode::Adding { .. }, Action::StepBack) => false,
            (Mode::Belief { step, old, kinder }, Action::Previous) => {
                !if *step == 0 { old } else { kinder }.at_start()
            }
            (Mode::Adding { field }, Action::Previous) => !field.at_start(),
            (_, Action::Edit(keys::Edit::RowUp | keys::Edit::RowDown)) => false,
            _ => true,
        }
    }

    fn takes_text(&self) -> bool {
        matches!(self.mode, Mode::Belief { .. } | Mode::Adding { .. })
    }

    fn handle(&mut self, action: Action, cx: &mut Cx) -> Outcome {
        match &mut self.mode {
            Mode::Belief { step, old, kinder } => {
                let focused = if *step == 0 { &mut *old } else { &mut *kinder };
                match action {
                    Action::Edit(edit) => {
                        if !focused.apply(edit, 0) {
                            return Outcome::Ignored;
                        }
                    }
                    Action::Previous => {
                        focused.left();
                    }
                    Action::StepBack => *step = 0,
                    Action::Select if focused.text().trim().is_empty() => {
                        cx.notice("A few words first");
                    }
                    Action::Select if *step == 0 => *step = 1,
                    Action::Select => {
                        let old = crate::sanitize::line(old.text().trim());
                        let kinder = crate::sanitize::line(kinder.text().trim());
                        // Changing the words keeps the evidence and ratings;
                        // the first belief is rated at once.
                        self.mode = match self.beliefs.current_mut() {
                            Some(belief) => {
                                belief.old = old;
                                belief.kinder = kinder;
                                Mode::Main { scroll: 0 }
                            }
                            None => {
                                self.beliefs.belief.push(Belief {
                                    old,
                                    kinder,
                                    ..Belief::default()
                                });
                                Mode::Rating { value: None }
                            }
                        };
                        self.save(cx);
                    }
                    Action::LeaveField => {
                        if self.belief().is_none() {
                            return Outcome::Back;
                        }
                        self.mode = Mode::Main { scroll: 0 };
                    }
                    _ => return Outcome::Ignored,
                }
            }
            Mode::Rating { value } => match action {
                Action::Digit(d) => *value = Some(d * 10),
                Action::Previous => *value = Some(value.unwrap_or(50).saturating_sub(5)),
                Action::Next => *value = Some((value.unwrap_or(50) + 5).min(100)),
                Action::Select => {
                    let Some(believed) = *value else {
                        return Outcome::Ignored;
                    };
                    let today = self.today;
                    if let Some(belief) = self.beliefs.current_mut() {
                        belief.rate(today, believed);
                    }
                    self.rated = Some(believed);
                    self.save(cx);
                    self.mode = Mode::Main { scroll: 0 };
                }
                Action::Skip | Action::Back => self.mode = Mode::Main { scroll: 0 },
                _ => return Outcome::Ignored,
            },
            Mode::Main { scroll } => match action {
                Action::Up | Action::Down => {
                    // Never past the last piece of evidence.
                    let count = self.beliefs.current().map_or(0, |b| b.evidence.len());
                    *scroll = super::move_in_list(*scroll, action, count).unwrap_or(*scroll);
                }
                Action::Type => self.mode = Mode::Adding { field: field("") },
                Action::Other => self.mode = Mode::Offering { at: 0 },
                Action::Pause => {
                    let value = self.belief().and_then(Belief::believed);
                    self.mode = Mode::Rating { value };
                }
                Action::Change => {
                    let (old, kinder) = self
                        .belief()
                        .map(|b| (b.old.clone(), b.kinder.clone()))
                        .unwrap_or_default();
                    self.mode = Mode::Belief {
                        step: 0,
                        old: field(&old),
                        kinder: field(&kinder),
                    };
                }
                Action::Back => return self.leave(cx),
                _ => return Outcome::Ignored,
            },
            Mode::Adding { field } => match action {
                Action::Edit(edit) => {
                    if !field.apply(edit, 0) {
                        return Outcome::Ignored;
                    }
                }
                Action::Previous => {
                    field.left();
                }
                Action::Select => {
                    let text = crate::sanitize::line(field.text().trim());
                    if !text.is_empty() {
                        self.add(text, None, cx);
                    }
                    self.mode = Mode::Main { scroll: 0 };
                }
                Action::LeaveField => self.mode = Mode::Main { scroll: 0 },
                _ => return Outcome::Ignored,
            },
            Mode::Offering { at } => {
                let at = *at;
                let Some(offer) = self.offers.get(at).cloned() else {
                    self.mode = Mode::Main { scroll: 0 };
                    return Outcome::Changed;
                };
                match action {
                    Action::Yes => {
                        self.add(offer.text.clone(), Some(offer.from.clone()), cx);
                        self.offers.remove(at);
                    }
                    Action::No => {
                        self.beliefs.skipped.push(offer.from.clone());
                        self.save(cx);
                        self.offers.remove(at);
                    }
                    Action::Back => {
                        self.mode = Mode::Main { scroll: 0 };
                        return Outcome::Changed;
                    }
                    _ => return Outcome::Ignored,
                }
                if self.offers.is_empty() {
                    self.mode = Mode::Main { scroll: 0 };
                }
            }
        }
        Outcome::Changed
    }

    fn type_key(&mut self, key: KeyEvent, _cx: &mut Cx) -> Outcome {
        match &mut self.mode {
            Mode::Belief { step, old, kinder } => {
                super::type_into(if *step == 0 { old } else { kinder }, &key)
            }
            Mode::Adding { field } => super::type_into(field, &key),
            _ => Outcome::Ignored,
        }
    }

    fn paste(&mut self, text: &str, _cx: &mut Cx) -> Outcome {
        match &mut self.mode {
            Mode::Belief { step, old, kinder } => {
                super::paste_line(if *step == 0 { old } else { kinder }, text)
            }
            Mode::Adding { field } => super::paste_line(field, text),
            _ => Outcome::Ignored,
        }
    }

    fn keep_typed(&mut self, cx: &mut Cx) {
        if let Mode::Adding { field } = &self.mode {
            let text = crate::sanitize::line(field.text().trim());
            if !text.is_empty() {
                self.add(text, None, cx);
            }
        }
        if let Outcome::Done(session) = self.leave(cx) {
            cx.note(*session);
        }
    }

    fn min_size(&self) -> Size {
        Size::new(30, 8)
    }

    fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        Drawn { screen: self, view }.render(area, buf);
    }

    fn cursor(&self, area: Rect, _view: &View) -> Option<Position> {
        let (field, row) = self.field_and_row(area)?;
        field.cursor(row)
    }
}

impl EvidenceScreen {
    /// The field being typed in and the row it is drawn on.
    fn field_and_row(&self, area: Rect) -> Option<(FieldView<'_>, Rect)> {
        let inner = area.inner(Margin::new(2, 0));
        let field = match &self.mode {
            Mode::Belief { step: 0, old, .. } => old,
            Mode::Belief { kinder, .. } => kinder,
            Mode::Adding { field } => field,
            _ => return None,
        };
        let row = inner.centered_vertically(ratatui::layout::Constraint::Length(5));
        let row = Rect::new(row.x, row.y + 2, row.width, 1);
        Some((
            FieldView {
                field,
                focused: true,
                placeholder: "",
                boxed: false,
                counter: false,
            },
            row,
        ))
    }
}

/// Evidence at one instant, as a ratatui widget.
impl Widget for Drawn<'_, EvidenceScreen> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let Self { screen, view } = self;
        let theme = view.theme();
        let inner = area.inner(Margin::new(2, 0));
        let width = inner.width as usize;
        let wrapped = |text: &str, style: Style, rows| ui::wrapped(text, width, rows, style);
        let say = |id: &str| view.ctx.content.say(id).to_string();
        let kinder = screen.belief().map_or("", |b| b.kinder.as_str());
        match &screen.mode {
            Mode::Belief { .. } | Mode::Adding { .. } => {
                let (question, hint) = match &screen.mode {
                    Mode::Belief { step: 0, .. } => (say("evidence.old"), say("evidence.old.hint")),
                    Mode::Belief { .. } => (say("evidence.kinder"), say("evidence.kinder.hint")),
                    _ => (say("evidence.add"), say("evidence.add.hint")),
                };
                let block = inner.centered_vertically(ratatui::layout::Constraint::Length(5));
                Paragraph::new(Line::styled(ui::fit(&question, width), theme.title))
                    .render(Rect::new(block.x, block.y, block.width, 1), buf);
                if let Some((field, row)) = screen.field_and_row(area) {
                    field.render(theme, row, buf);
                }
                let below = Rect::new(
                    block.x,
                    block.y + 4,
                    block.width,
                    inner.bottom().saturating_sub(block.y + 4),
                );
                let lines: Vec<Line> = ui::wrap(&hint, width, below.height as usize)
                    .into_iter()
                    .map(|l| Line::styled(l, theme.dim))
                    .collect();
                Paragraph::new(lines).render(below, buf);
            }
            Mode::Rating { value } => {
                let mut lines = wrapped(&say("evidence.rate"), theme.dim, 2);
                lines.extend(wrapped(&format!("\"{kinder}\""), theme.title, 3));
                lines.push((String::new(), theme.text));
                let shown = value.map_or("–".to_string(), |v| format!("{v} %"));
                lines.push((shown, theme.selected));
                lines.push((String::new(), theme.text));
                lines.extend(wrapped(&say("evidence.rate.hint"), theme.dim, 2));
                ui::page(buf, area, lines, Align::Left);
            }
            Mode::Offering { at } => {
                let Some(offer) = screen.offers.get(*at) else {
                    return;
                };
                let mut lines = wrapped(
                    &format!("From your journal ({} to look at)", screen.offers.len()),
                    theme.dim,
                    1,
                );
                lines.push((String::new(), theme.text));
                lines.extend(wrapped(&offer.text, theme.title, 4));
                lines.push((String::new(), theme.text));
                lines.extend(wrapped(
                    &format!("Is this evidence for \"{kinder}\"? y yes · n skip"),
                    theme.text,
                    3,
                ));
                ui::page(buf, area, lines, Align::Left);
            }
            Mode::Main { scroll } => {
                let mut lines = Vec::new();
                if let Some(why) = &screen.broken {
                    lines.extend(wrapped(
                        &crate::words::left_alone("beliefs", why),
                        theme.notice,
                        4,
                    ));
                }
                let Some(belief) = screen.belief() else {
                    ui::page(buf, area, lines, Align::Left);
                    return;
                };
                lines.extend(wrapped(&format!("Old: {}", belief.old), theme.dim, 2));
                lines.extend(wrapped(
                    &format!("Kinder: {}", belief.kinder),
                    theme.title,
                    3,
                ));
                if let (Some(first), Some(last)) = (belief.rating.first(), belief.rating.last()) {
                    let chart = beliefs::chart(&belief.rating, CHART);
                    let line = if belief.rating.len() > 1 {
                        format!(
                            "Believed {chart}  {} % on {} → {} % now",
                            first.believed,
                            first.on.format("%-d %b"),
                            last.believed
                        )
                    } else {
                        format!(
                            "Believed {} % on {}",
                            last.believed,
                            last.on.format("%-d %b")
                        )
                    };
                    lines.extend(wrapped(&line, theme.text, 2));
                }
                if !screen.offers.is_empty() {
                    lines.push((
                        format!("o: {} from your journal to look at", screen.offers.len()),
                        theme.accent,
                    ));
                }
                lines.push((String::new(), theme.text));
                let count = belief.evidence.len();
                let heading = match count {
                    0 => "No evidence yet: a adds one specific thing".to_string(),
                    1 => "1 piece of evidence".to_string(),
                    n => format!("{n} pieces of evidence"),
                };
                lines.push((heading, theme.dim));
                for evidence in belief.evidence.iter().rev().skip(*scroll) {
                    let text = format!("{} · {}", evidence.on.format("%-d %b"), evidence.text);
                    lines.extend(wrapped(&text, theme.text, 2));
                }
                // The list is cut at the bottom, never the belief at the top;
                // the credit shows where there is room for it.
                let credit = say("evidence.credit");
                if lines.len() + 2 <= inner.height as usize {
                    let room = inner.height as usize - lines.len() - 1;
                    let credit = wrapped(&credit, theme.dim, room.min(2));
                    let blank = (inner.height as usize).saturating_sub(lines.len() + credit.len());
                    lines.extend(std::iter::repeat_n((String::new(), theme.text), blank));
                    lines.extend(credit);
                }
                lines.truncate(inner.height as usize);
                let rows: Vec<Line> = lines
                    .into_iter()
                    .map(|(t, s)| Line::styled(ui::fit(&t, width), s))
                    .collect();
                Paragraph::new(rows).render(inner, buf);
            }
        }
    }
}
