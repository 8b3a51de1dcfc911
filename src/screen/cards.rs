//! Coping cards: the card that has helped this person most first, the next
//! on Enter. A card's action that is a soothe exercise runs in place (the
//! exercise's own check-ins measure it); any other action is done away
//! from the keyboard and asked about once: helped, or not this time. New
//! and changed cards are a form here, saved at once; starter cards from
//! content are shown until copied.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Margin, Position, Rect, Size};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use super::{Ctx, Cx, Drawn, Kind, Outcome, Screen, View};
use crate::cards::{Card, CardUse, Cards, MOST_ACTIONS, MOST_CARDS, Ranked};
use crate::journal::{Exercise, Session};
use crate::keys::{self, Action, Tables};
use crate::session::CardForm;
use crate::text_field::TextField;
use crate::ui::field::FieldView;
use crate::ui::{self, Align};

const LABELS: [&str; 6] = [
    "When (the situation: no reply for two hours)",
    "I notice (the signs)",
    "I can (your words, or a soothe exercise: breathe gentle --minutes 3)",
    "I can, also (may be empty)",
    "I can, also (may be empty)",
    "Remember (a line to yourself)",
];
/// Beside their fields, in a small window.
const SHORT_LABELS: [&str; 6] = ["When", "Notice", "Can", "Can", "Can", "Remember"];
const FIELDS: usize = 6;
/// The longest a card's line may be.
const LONGEST: usize = 160;

enum Mode {
    Show,
    /// A words action was chosen: did it help?
    Asking {
        action: usize,
    },
    Form {
        /// The card being changed; `None` for a new one.
        changing: Option<String>,
        focus: usize,
        fields: Box<[TextField; FIELDS]>,
        problem: Option<String>,
    },
}

pub struct CardsScreen {
    cards: Cards,
    /// A broken cards file: shown, and never written over.
    broken: Option<String>,
    deck: Vec<Ranked>,
    at: usize,
    mode: Mode,
    /// Opened only to ask (from an ending): the answer closes it.
    only_asking: bool,
}

fn form(changing: Option<String>, card: Option<&Card>) -> Mode {
    let text = |i: usize| -> String {
        card.map(|c| match i {
            0 => c.when.clone(),
            1 => c.notice.clone(),
            2..=4 => c.can.get(i - 2).cloned().unwrap_or_default(),
            _ => c.remember.clone(),
        })
        .unwrap_or_default()
    };
    let field = |i: usize| {
        let text = text(i);
        // Room for what a hand-edited file holds: nothing is cut on opening.
        TextField::with_text(LONGEST.max(text.chars().count()), &text)
    };
    Mode::Form {
        changing,
        focus: 0,
        fields: Box::new(std::array::from_fn(field)),
        problem: None,
    }
}

impl CardsScreen {
    pub fn new(ctx: &Ctx, at: Option<(String, usize)>, opening: Option<CardForm>) -> CardsScreen {
        let (cards, broken) = ctx.cards.for_editing(Cards::new);
        let mut screen = CardsScreen {
            cards,
            broken,
            deck: ctx.deck(),
            at: 0,
            mode: Mode::Show,
            only_asking: false,
        };
        if let Some((id, action)) = at
            && let Some(index) = screen.deck.iter().position(|r| r.card.id == id)
        {
            screen.at = index;
            screen.mode = Mode::Asking { action };
            screen.only_asking = true;
        }
        match opening {
            _ if screen.broken.is_some() => {}
            Some(CardForm::New) => screen.mode = form(None, None),
            Some(CardForm::EditFirst) => screen.change(),
            None => {}
        }
        screen
    }

    fn shown(&self) -> Option<&Ranked> {
        self.deck.get(self.at)
    }

    /// The card shown, when it is one's own (not a starter).
    fn own_shown(&self) -> Option<&Card> {
        self.shown().filter(|r| !r.starter).map(|r| &r.card)
    }

    fn change(&mut self) {
        let Some(card) = self.own_shown().cloned() else {
            return;
        };
        self.mode = form(Some(card.id.clone()), Some(&card));
    }

    /// The cards changed: saved, ranked again, and this card shown.
    fn saved(&mut self, cx: &mut Cx, show: Option<&str>) {
        cx.save_cards(self.cards.clone());
        self.deck = cx.ctx.deck_of(&self.cards);
        self.at = show
            .and_then(|id| self.deck.iter().position(|r| r.card.id == id))
            .unwrap_or(0)
            .min(self.deck.len().saturating_sub(1));
        self.mode = Mode::Show;
    }

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
        let line = |i: usize| crate::sanitize::line(fields[i].text().trim());
        let id = changing.clone().unwrap_or_else(|| self.cards.new_id());
        let from = changing
            .as_deref()
            .and_then(|id| self.cards.get(id))
            .and_then(|c| c.from.clone());
        let card = Card {
            id: id.clone(),
            when: line(0),
            notice: line(1),
            can: (2..5).map(line).filter(|a| !a.is_empty()).collect(),
            remember: line(5),
            from,
        };
        if let Some(why) = card.problem() {
            *problem = Some(why);
            return;
        }
        match self.cards.card.iter_mut().find(|c| c.id == id) {
            Some(old) => *old = card,
            None => self.cards.card.push(card),
        }
        self.saved(cx, Some(&id));
    }

    /// An action of the card shown: an exercise starts here, anything
    /// else is done away from the keyboard and asked about.
    fn act(&mut self, action: usize, cx: &mut Cx) -> Outcome {
        let Some(ranked) = self.shown() else {
            return Outcome::Ignored;
        };
        let Some(text) = ranked.card.can.get(action) else {
            return Outcome::Ignored;
        };
        match crate::launch::route(text, &cx.ctx.content, &cx.ctx.settings) {
            Ok(route) => {
                let card = ranked.card.id.clone();
                cx.note(used(&card, text, None));
                cx.drawn(&card);
                Outcome::Open(route)
            }
            Err(_) => {
                self.mode = Mode::Asking { action };
                Outcome::Changed
            }
        }
    }

    /// The form's focused field, about to change: the reason it could not
    /// be kept no longer holds.
    fn typing(&mut self) -> Option<&mut TextField> {
        match &mut self.mode {
            Mode::Form {
                focus,
                fields,
                problem,
                ..
            } => {
                *problem = None;
                Some(&mut fields[*focus])
            }
            _ => None,
        }
    }

    fn field_views(&self) -> Option<Vec<FieldView<'_>>> {
        let Mode::Form { focus, fields, .. } = &self.mode else {
            return None;
        };
        Some(
            fields
                .iter()
                .enumerate()
                .map(|(i, field)| FieldView {
                    field,
                    focused: *focus == i,
                    placeholder: "",
                    boxed: false,
                    counter: false,
                })
                .collect(),
        )
    }

    /// The form's rows: (label, field) per field, and below them the reason.
    /// With room each label sits above its field; else beside it.
    fn form_rows(area: Rect) -> (Vec<(Rect, Rect)>, Rect) {
        let inner = area.inner(Margin::new(2, 0));
        let height = inner.height as usize;
        // A blank row above each label, the label above its field, or both
        // on one row: whatever the height allows.
        let per = if height >= 3 * FIELDS + 3 {
            3
        } else if height >= 2 * FIELDS + 3 {
            2
        } else {
            1
        };
        let mut rows = Vec::new();
        for i in 0..FIELDS {
            let y = inner.y + 1 + (i * per) as u16 + u16::from(per == 3);
            if y + per.min(2) as u16 > inner.bottom() {
                break;
            }
            if per > 1 {
                rows.push((
                    Rect::new(inner.x, y, inner.width, 1),
                    Rect::new(inner.x, y + 1, inner.width, 1),
                ));
            } else {
                let label = 11.min(inner.width / 3);
                rows.push((
                    Rect::new(inner.x, y, label, 1),
                    Rect::new(inner.x + label, y, inner.width - label, 1),
                ));
            }
        }
        let below_y = (inner.y + 1 + (FIELDS * per) as u16).min(inner.bottom());
        let below = Rect::new(inner.x, below_y, inner.width, inner.bottom() - below_y);
        (rows, below)
    }
}

/// The journal's account of a card used.
pub fn used(card: &str, action: &str, helped: Option<bool>) -> Session {
    let mut session = Session::new(Exercise::Card, card, true, 0);
    session.card = Some(CardUse {
        card: card.to_string(),
        action: action.to_string(),
        helped,
    });
    session
}

impl Screen for CardsScreen {
    fn kind(&self) -> Kind {
        Kind::Cards
    }

    fn bindings(&self) -> Tables {
        match self.mode {
            Mode::Show => &[keys::CARDS],
            Mode::Asking { .. } => &[keys::CARDS_ASK],
            Mode::Form { .. } => &[keys::PRACTICE_FORM, keys::EDIT],
        }
    }

    fn enabled(&self, action: Action) -> bool {
        let writable = self.broken.is_none();
        match (&self.mode, action) {
            (Mode::Show, Action::Digit(d)) => {
                d >= 1
                    && self
                        .shown()
                        .is_some_and(|r| usize::from(d) <= r.card.can.len())
            }
            (Mode::Show, Action::Next) => self.at + 1 < self.deck.len(),
            (Mode::Show, Action::Previous) => self.at > 0,
            (Mode::Show, Action::Copy) => {
                writable
                    && self.shown().is_some_and(|r| r.starter)
                    && self.cards.card.len() < MOST_CARDS
            }
            (Mode::Show, Action::Change | Action::Remove) => writable && self.own_shown().is_some(),
            (Mode::Show, Action::Type) => writable && self.cards.card.len() < MOST_CARDS,
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
            Mode::Show => match action {
                Action::Digit(d) => return self.act(usize::from(d).saturating_sub(1), cx),
                Action::Next if self.at + 1 < self.deck.len() => self.at += 1,
                Action::Previous if self.at > 0 => self.at -= 1,
                Action::Copy => {
                    let Some(starter) = self
                        .shown()
                        .filter(|r| r.starter)
                        .and_then(|r| cx.ctx.content.cards.iter().find(|s| s.id == r.card.id))
                    else {
                        return Outcome::Ignored;
                    };
                    let card = Card::copied(starter, self.cards.new_id());
                    let id = card.id.clone();
                    self.cards.card.push(card);
                    self.saved(cx, Some(&id));
                    self.change();
                }
                Action::Change => self.change(),
                Action::Type => self.mode = form(None, None),
                Action::Remove => {
                    let Some(id) = self.own_shown().map(|c| c.id.clone()) else {
                        return Outcome::Ignored;
                    };
                    self.cards.card.retain(|c| c.id != id);
                    let at = self.at;
                    self.saved(cx, None);
                    self.at = at.min(self.deck.len().saturating_sub(1));
                    cx.notice("Card taken out (cards.toml.bak keeps the one before)");
                }
                Action::Back => return Outcome::Back,
                _ => return Outcome::Ignored,
            },
            Mode::Asking { action: chosen } => {
                let helped = match action {
                    Action::Yes => Some(true),
                    Action::No => Some(false),
                    Action::Back => None,
                    _ => return Outcome::Ignored,
                };
                if let (Some(helped), Some(ranked)) = (helped, self.deck.get(self.at))
                    && let Some(text) = ranked.card.can.get(*chosen)
                {
                    cx.note(used(&ranked.card.id, text, Some(helped)));
                    cx.notice(if helped {
                        "Noted: it helped"
                    } else {
                        "Noted: not this time"
                    });
                }
                if self.only_asking {
                    return Outcome::Back;
                }
                self.mode = Mode::Show;
            }
            Mode::Form {
                focus,
                fields,
                changing,
                problem,
            } => match action {
                Action::Focus => *focus = (*focus + 1) % FIELDS,
                Action::FocusBack => *focus = (*focus + FIELDS - 1) % FIELDS,
                Action::Previous => {
                    fields[*focus].left();
                }
                Action::Edit(edit) => {
                    if !fields[*focus].apply(edit, 0) {
                        return Outcome::Ignored;
                    }
                    *problem = None;
                }
                Action::Select => self.submit(cx),
                Action::LeaveField => {
                    let back = changing.clone();
                    self.mode = Mode::Show;
                    if let Some(id) = back
                        && let Some(index) = self.deck.iter().position(|r| r.card.id == id)
                    {
                        self.at = index;
                    }
                }
                _ => return Outcome::Ignored,
            },
        }
        Outcome::Changed
    }

    fn type_key(&mut self, key: KeyEvent, _cx: &mut Cx) -> Outcome {
        self.typing()
            .map_or(Outcome::Ignored, |field| super::type_into(field, &key))
    }

    fn paste(&mut self, text: &str, _cx: &mut Cx) -> Outcome {
        self.typing()
            .map_or(Outcome::Ignored, |field| super::paste_line(field, text))
    }

    fn keep_typed(&mut self, cx: &mut Cx) {
        // A card that can be kept is kept; one that cannot (nothing to do
        // yet) has nowhere to go but the screen.
        if matches!(self.mode, Mode::Form { .. }) && self.broken.is_none() {
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
        let (rows, _) = CardsScreen::form_rows(area);
        let views = self.field_views()?;
        views[*focus].cursor(rows.get(*focus)?.1)
    }
}

/// What an action is, beside it: "runs here", and how it has done.
fn about(ranked: &Ranked, i: usize) -> String {
    let runs = ranked.runs.get(i).copied().unwrap_or(false);
    let standing = ranked.standings.get(i).and_then(crate::words::standing);
    match (runs, standing) {
        (true, Some(line)) => format!("runs here · {line}"),
        (true, None) => "runs here".into(),
        (false, Some(line)) => line,
        (false, None) => String::new(),
    }
}

/// Coping cards at one instant, as a ratatui widget.
impl Widget for Drawn<'_, CardsScreen> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let Self { screen, view } = self;
        let theme = view.theme();
        let inner = area.inner(Margin::new(2, 0));
        let width = inner.width as usize;
        let wrapped = |text: &str, style: Style, rows| ui::wrapped(text, width, rows, style);
        match &screen.mode {
            Mode::Form { problem, .. } => {
                let title = if matches!(
                    &screen.mode,
                    Mode::Form {
                        changing: Some(_),
                        ..
                    }
                ) {
                    "Change this card"
                } else {
                    "A new card"
                };
                Paragraph::new(Line::styled(title, theme.title)).render(inner, buf);
                let (rows, below) = CardsScreen::form_rows(area);
                let Some(views) = screen.field_views() else {
                    return;
                };
                for (i, (label, field)) in rows.iter().enumerate() {
                    let short = SHORT_LABELS[i];
                    let text = if label.width as usize >= ui::width(LABELS[i]) {
                        LABELS[i]
                    } else {
                        short
                    };
                    Paragraph::new(Line::styled(ui::fit(text, label.width as usize), theme.dim))
                        .render(*label, buf);
                    views[i].render(theme, *field, buf);
                }
                // Under the fields: why it cannot be kept, or what the
                // focused action will do.
                let Mode::Form { focus, fields, .. } = &screen.mode else {
                    return;
                };
                let note = problem.clone().map(|p| (p, theme.notice)).or_else(|| {
                    let text = fields[*focus].text();
                    ((2..5).contains(focus) && !text.trim().is_empty()).then(|| {
                        match crate::launch::route(&text, &view.ctx.content, &view.ctx.settings) {
                            Ok(_) => ("soothe runs this here".to_string(), theme.dim),
                            Err(why)
                                if crate::launch::EXERCISES
                                    .contains(&text.split_whitespace().next().unwrap_or("")) =>
                            {
                                (format!("Kept as your own words: {why}"), theme.dim)
                            }
                            Err(_) => (
                                "Your own words: soothe will ask if it helped".to_string(),
                                theme.dim,
                            ),
                        }
                    })
                });
                if let Some((note, style)) = note {
                    let gap = u16::from(below.height > 2);
                    let rect = Rect::new(
                        below.x,
                        below.y + gap,
                        below.width,
                        below.height.saturating_sub(gap),
                    );
                    let lines: Vec<Line> = ui::wrap(&note, width, rect.height as usize)
                        .into_iter()
                        .map(|l| Line::styled(l, style))
                        .collect();
                    Paragraph::new(lines).render(rect, buf);
                }
            }
            Mode::Asking { action } => {
                let Some(ranked) = screen.shown() else {
                    return;
                };
                let text = ranked.card.can.get(*action).map_or("", String::as_str);
                let mut lines = vec![("Go ahead and do it:".to_string(), theme.dim)];
                lines.extend(wrapped(text, theme.title, 3));
                lines.push((String::new(), theme.text));
                lines.extend(wrapped(
                    "When you are back: did it help? y helped · n not this time",
                    theme.text,
                    3,
                ));
                ui::page(buf, area, lines, Align::Left);
            }
            Mode::Show => {
                let mut lines: Vec<(String, Style)> = Vec::new();
                if let Some(why) = &screen.broken {
                    lines.extend(wrapped(
                        &crate::words::left_alone("cards", why),
                        theme.notice,
                        4,
                    ));
                    lines.push((String::new(), theme.text));
                }
                let Some(ranked) = screen.shown() else {
                    lines.extend(wrapped("No cards yet. a writes one.", theme.text, 2));
                    ui::page(buf, area, lines, Align::Left);
                    return;
                };
                let full = card_lines(screen, ranked, view, width, false);
                let fits = lines.len() + full.len() <= area.height as usize;
                // A small window keeps what to do, and drops the signs and
                // the longer words first.
                let roomy = fits && lines.len() + full.len() + 3 <= area.height as usize;
                lines.extend(if fits {
                    full
                } else {
                    card_lines(screen, ranked, view, width, true)
                });
                if roomy {
                    lines.push((String::new(), theme.text));
                    let credit = view.ctx.content.say("cards.credit");
                    lines.extend(wrapped(credit, theme.dim, 2));
                }
                ui::page(buf, area, lines, Align::Left);
            }
        }
    }
}

/// A card's lines: whose it is, when, the signs, what to do (and how each
/// has done), what to remember. `compact` leaves out the signs and the
/// blank lines and shortens the header.
fn card_lines(
    screen: &CardsScreen,
    ranked: &Ranked,
    view: &View,
    width: usize,
    compact: bool,
) -> Vec<(String, Style)> {
    let theme = view.theme();
    let wrapped = |text: &str, style: Style, rows: usize| -> Vec<(String, Style)> {
        ui::wrap(text, width, rows)
            .into_iter()
            .map(|l| (l, style))
            .collect()
    };
    let blank = || (String::new(), theme.text);
    let card = &ranked.card;
    let count = format!("{} of {}", screen.at + 1, screen.deck.len());
    let whose = match (ranked.starter, compact) {
        (true, false) => format!("A starter card · {count} · c makes it yours"),
        (true, true) => format!("Starter card · {count}"),
        (false, compact)
            if screen.at == 0
                && ranked
                    .standings
                    .iter()
                    .any(|s| crate::words::standing(s).is_some()) =>
        {
            let whose = if compact {
                "Helped most"
            } else {
                "Your card that has helped most"
            };
            format!("{whose} · {count}")
        }
        (false, _) => format!("Your card · {count}"),
    };
    let mut lines = wrapped(&whose, theme.dim, 1);
    if !compact {
        lines.push(blank());
    }
    lines.extend(wrapped(
        &format!("When: {}", card.when),
        theme.title,
        if compact { 2 } else { 3 },
    ));
    if !card.notice.is_empty() && !compact {
        lines.extend(wrapped(
            &format!("I notice: {}", card.notice),
            theme.text,
            3,
        ));
    }
    if !compact {
        lines.push(blank());
        lines.push(("I can".to_string(), theme.dim));
    }
    let wide = width >= 60;
    for (i, action) in card.can.iter().enumerate().take(MOST_ACTIONS) {
        let about = about(ranked, i);
        let head = format!("{}  {action}", i + 1);
        if wide && !about.is_empty() && ui::width(&head) + ui::width(&about) + 4 <= width {
            let gap = width - ui::width(&head) - ui::width(&about);
            lines.push((format!("{head}{}{about}", " ".repeat(gap)), theme.text));
            continue;
        }
        // The action's number stands out; its words run on indented.
        let rows = ui::wrap(action, width.saturating_sub(3), if compact { 1 } else { 2 });
        for (row, text) in rows.into_iter().enumerate() {
            let lead = if row == 0 {
                format!("{}  ", i + 1)
            } else {
                "   ".into()
            };
            lines.push((format!("{lead}{text}"), theme.text));
        }
        if !about.is_empty() && !compact {
            let about = ui::fit(&about, width.saturating_sub(3));
            lines.push((format!("   {about}"), theme.dim));
        }
    }
    if !card.remember.is_empty() {
        if !compact {
            lines.push(blank());
            lines.push(("Remember".to_string(), theme.dim));
        }
        lines.extend(wrapped(
            &card.remember,
            theme.selected,
            if compact { 1 } else { 3 },
        ));
    }
    lines
}
