//! A repair after a fight, alone: calm enough first (from a distress of 7
//! breathing is offered, never forced), then feelings only, one's side as a
//! camera saw it and one sentence of theirs, what it touched (private), one's
//! own part, one if-then for next time and one thing to ask; the repair to
//! say is built from those words, editable, and printed after exit; a small
//! ritual; and the day the menu asks, once, how the if-then went.

use std::time::Instant;

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Position, Rect, Size};
use ratatui::widgets::Widget;

use super::pages::{Moved, Page, Pages};
use super::{Ctx, Cx, Drawn, Kind, Outcome, Screen, View};
use crate::exercise::repair::{self, CALM_ENOUGH_BELOW, FOLLOW_UP_DAYS};
use crate::journal::{Activity, Exercise, RepairRecord, Session};
use crate::keys::{self, Action, Tables};
use crate::session::{Finished, Summary, Tone};
use crate::ui::{self, Align};

pub struct Repair {
    pages: Pages,
    /// Distress was high at the start: breathing is offered first.
    high: bool,
    started: Instant,
    ended: bool,
    breathed: Vec<Activity>,
    credit: String,
}

fn say(ctx: &Ctx, id: &str) -> String {
    ctx.content.say(id).to_string()
}

impl Repair {
    pub fn new(ctx: &Ctx, now: Instant) -> Repair {
        let text = |id: &'static str, hint: &str| {
            Page::text(id, say(ctx, &format!("repair.{id}")), hint.to_string())
        };
        let feelings = ctx
            .content
            .numbered("repair.feeling")
            .into_iter()
            .map(|p| p.text.clone())
            .collect();
        let mut follow_up = Page::rating(
            "follow-up",
            say(ctx, "repair.follow-up"),
            say(ctx, "repair.follow-up.hint"),
            10,
        );
        follow_up.optional = true;
        let mut pages = Pages::new(vec![
            Page::rating("calm", say(ctx, "repair.calm"), "", 10).optional(),
            Page::marks("feelings", say(ctx, "repair.feelings"), "", feelings),
            Page::text("feelings-own", say(ctx, "repair.feelings.own"), "").optional(),
            text("camera", &say(ctx, "repair.camera.hint")),
            text("theirs", &say(ctx, "repair.theirs.hint")),
            text("touched", &say(ctx, "repair.touched.hint")).optional(),
            text("set-up", &say(ctx, "repair.set-up.hint")).optional(),
            text("regret", ""),
            text("apologise", "").optional(),
            text("if-then", &say(ctx, "repair.if-then.hint")),
            text("ask", "").optional(),
            text("statement", &say(ctx, "repair.statement.hint"))
                .optional()
                .rows(4),
            text("differently", "").optional(),
            text("grateful", "").optional(),
            follow_up,
            Page::rating("now", say(ctx, "repair.now"), "", 10).optional(),
        ]);
        pages.set_rating("follow-up", FOLLOW_UP_DAYS);
        Repair {
            pages,
            high: false,
            started: now,
            ended: false,
            breathed: Vec::new(),
            credit: say(ctx, "repair.credit"),
        }
    }

    fn record(&self, today: Option<chrono::NaiveDate>) -> RepairRecord {
        record_of(&self.pages, today)
    }

    fn finish(&mut self, cx: &Cx) -> Finished {
        self.account(Some(cx.wall().date_naive()), cx.now)
    }

    /// The questions, for plain mode to ask a line each.
    pub fn pages_mut(&mut self) -> &mut Pages {
        &mut self.pages
    }

    /// The repair's account at its end: the record, the summary, and the
    /// words to print after exit. `today` sets the follow-up.
    pub fn account(&mut self, today: Option<chrono::NaiveDate>, now: Instant) -> Finished {
        self.ended = true;
        let secs = now.saturating_duration_since(self.started).as_secs();
        let record = self.record(today);
        let completed = self.pages.at().0 + 1 == self.pages.at().1;
        let mut session = Session::new(Exercise::Repair, "alone", completed, secs);
        session.own = (self.pages.rating("calm"), self.pages.rating("now"));
        let mut lines = Vec::new();
        if !record.statement.is_empty() {
            lines.push((
                "Your repair, to say when you are both ready:".to_string(),
                Tone::Dim,
            ));
            lines.push((record.statement.clone(), Tone::Title));
            lines.push((String::new(), Tone::Text));
            session.farewell = vec![
                "Your repair, to say when you are both ready:".to_string(),
                record.statement.clone(),
            ];
        }
        if let Some(day) = record.follow_up {
            lines.push((
                format!(
                    "soothe asks how your if-then went after {}.",
                    day.format("%A %-d %B")
                ),
                Tone::Text,
            ));
        }
        lines.push((self.credit.clone(), Tone::Dim));
        session.repair = Some(Box::new(record));
        Finished {
            session,
            summary: Summary::centred(lines),
        }
    }

    /// After a key: the repair to say is built on reaching its page.
    fn arrived(&mut self) {
        arriving(&mut self.pages);
    }
}

/// The steps' words as the journal keeps them; the follow-up is set from
/// `today` (none for a repair left part way).
fn record_of(p: &Pages, today: Option<chrono::NaiveDate>) -> RepairRecord {
    let mut feelings = p.marked("feelings");
    let own = p.text("feelings-own");
    if !own.is_empty() {
        feelings.push(own);
    }
    let days = p.rating("follow-up").map(i64::from);
    RepairRecord {
        feelings,
        camera: p.text("camera"),
        theirs: p.text("theirs"),
        touched: p.text("touched"),
        set_up: p.text("set-up"),
        regret: p.text("regret"),
        apologise: p.text("apologise"),
        if_then: p.text("if-then"),
        ask: p.text("ask"),
        statement: p.text("statement"),
        differently: p.text("differently"),
        grateful: p.text("grateful"),
        follow_up: today
            .zip(days.filter(|d| *d > 0))
            .map(|(today, d)| today + chrono::Duration::days(d)),
        ..Default::default()
    }
}

/// As each page comes up: the repair to say is built on reaching its page.
/// Plain mode asks the same pages and calls this too.
pub fn arriving(pages: &mut Pages) {
    if pages.page().id == "statement" && pages.text("statement").is_empty() {
        let built = repair::statement(&record_of(pages, None));
        pages.set_text("statement", &built);
    }
}

impl Screen for Repair {
    fn kind(&self) -> Kind {
        Kind::Repair
    }

    fn bindings(&self) -> Tables {
        if self.high {
            &[keys::REPAIR_HIGH]
        } else {
            self.pages.bindings()
        }
    }

    fn enabled(&self, action: Action) -> bool {
        self.high || self.pages.enabled(action)
    }

    fn takes_text(&self) -> bool {
        !self.high && self.pages.takes_text()
    }

    fn handle(&mut self, action: Action, cx: &mut Cx) -> Outcome {
        if self.high {
            return match action {
                Action::Breathe => {
                    super::inside(Action::Breathe, cx.ctx).map_or(Outcome::Ignored, Outcome::Within)
                }
                Action::Select => {
                    self.high = false;
                    Outcome::Changed
                }
                Action::Back => Outcome::Ended(self.finish(cx)),
                _ => Outcome::Ignored,
            };
        }
        let on_calm = self.pages.page().id == "calm";
        match self.pages.handle(action) {
            Moved::Finished | Moved::Left => Outcome::Ended(self.finish(cx)),
            Moved::Changed => {
                if on_calm
                    && self.pages.page().id != "calm"
                    && self
                        .pages
                        .rating("calm")
                        .is_some_and(|d| d >= CALM_ENOUGH_BELOW)
                {
                    self.high = true;
                }
                self.arrived();
                Outcome::Changed
            }
            Moved::Ignored => Outcome::Ignored,
        }
    }

    fn type_key(&mut self, key: KeyEvent, _cx: &mut Cx) -> Outcome {
        self.pages.type_key(&key)
    }

    fn paste(&mut self, text: &str, _cx: &mut Cx) -> Outcome {
        self.pages.paste(text)
    }

    fn take_back(&mut self, finished: Finished, _cx: &mut Cx) -> Option<Finished> {
        // Breathing first, as part of the repair.
        self.breathed.push(Activity::of(&finished.session));
        None
    }

    fn abandon(&mut self, now: Instant) -> Option<Finished> {
        // Closed part way (Ctrl-C): the words so far are kept, with no
        // follow-up to ask about.
        (!self.ended).then(|| self.account(None, now))
    }

    fn min_size(&self) -> Size {
        Size::new(30, 8)
    }

    fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        Drawn { screen: self, view }.render(area, buf);
    }

    fn cursor(&self, area: Rect, _view: &View) -> Option<Position> {
        if self.high {
            return None;
        }
        self.pages.cursor(area, 1)
    }
}

impl Widget for Drawn<'_, Repair> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let Self { screen, view } = self;
        let theme = view.theme();
        if screen.high {
            let width = area.width.saturating_sub(4) as usize;
            let mut lines: Vec<(String, ratatui::style::Style)> =
                ui::wrap(view.ctx.content.say("repair.high"), width, 6)
                    .into_iter()
                    .map(|l| (l, theme.text))
                    .collect();
            if !screen.breathed.is_empty() {
                lines.push((String::new(), theme.text));
                lines.push((
                    "Breathed. Enter goes on when you are ready.".to_string(),
                    theme.dim,
                ));
            }
            ui::page(buf, area, lines, Align::Left);
            return;
        }
        let (at, of) = screen.pages.at();
        let heading = vec![(format!("A repair, alone · {} of {of}", at + 1), theme.dim)];
        screen.pages.render(area, buf, theme, heading);
    }
}
