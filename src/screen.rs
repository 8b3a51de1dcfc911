//! The screen contract and the screens. A screen owns its state, answers
//! the actions its binding tables name, and draws itself through a view;
//! it never touches the disk, the clock or the terminal: time comes in the
//! context, effects go out as commands, session steps as outcomes.

pub mod breathe;
pub mod cards;
pub mod checkin;
pub mod ending;
pub mod evidence;
pub mod farewell;
pub mod good;
pub mod ground;
pub mod history;
pub mod home;
pub mod kind;
pub mod ladder;
pub mod pages;
pub mod patterns;
pub mod pause;
pub mod plan;
pub mod practice;
pub mod reframe;
pub mod relax;
pub mod repair;
pub mod repair_together;
pub mod safety;
pub mod send;
pub mod support;
pub mod talk;
pub mod talk_other;
pub mod timed;

use std::time::Instant;

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Position, Rect, Size};

use crate::clock::WallClock;
use crate::content::Content;
use crate::exercise::timeline::Wake;
use crate::keys::{Action, Tables};
pub use crate::session::Route;
use crate::session::{Command, Finished, Ratings};
use crate::settings::Settings;
use crate::ui::Theme;

/// What every screen may read: content, settings and the session's toggles.
#[derive(Debug, Clone)]
pub struct Ctx {
    pub content: Content,
    pub theme: Theme,
    pub motion: bool,
    pub bell: bool,
    pub settings: Settings,
    /// Wall-clock times: journal records, a break's return time.
    pub clock: WallClock,
    /// The one safety question has been shown before (on this account).
    pub safety_asked: bool,
    /// The safety plan document, as read.
    pub plan: crate::documents::Loaded<crate::plan::SafetyPlan>,
    /// What the person plans to practise, as read.
    pub practice: crate::documents::Loaded<crate::practice::Practice>,
    /// The ladders of time apart, as read.
    pub ladders: crate::documents::Loaded<crate::ladder::Ladders>,
    /// The beliefs and their evidence, as read.
    pub beliefs: crate::documents::Loaded<crate::beliefs::Beliefs>,
    /// The coping cards, as read (soothe's own starters when missing).
    pub cards: crate::documents::Loaded<crate::cards::Cards>,
    /// What the journal says has helped, for ranking the cards.
    pub standings: crate::cards::Standings,
    /// The card an exercise under way was started from.
    pub drawn: Option<String>,
    /// The week of evening offers for three good things.
    pub good_week: crate::exercise::good::GoodWeek,
    /// Repairs whose if-then the menu has asked about already.
    pub follow_ups_asked: Vec<String>,
    /// A "time to get help" line may show this run (none in the last week).
    pub help_line_due: bool,
    /// Opened in a popup or floating pane (`SOOTHE_LAUNCHER=popup`): the
    /// farewell lines stay on screen, and Ctrl-Z does not suspend.
    pub popup: bool,
}

impl Ctx {
    /// The deck: one's own cards ranked by what helped, then the starters.
    pub fn deck(&self) -> Vec<crate::cards::Ranked> {
        let none = crate::cards::Cards::new();
        self.deck_of(self.cards.read().unwrap_or(&none))
    }

    /// The deck with `own` as one's cards (just changed, not yet saved).
    pub fn deck_of(&self, own: &crate::cards::Cards) -> Vec<crate::cards::Ranked> {
        crate::cards::deck(own, &self.content.cards, &self.standings, |a| {
            self.measure(a)
        })
    }

    /// Which results an action is measured by, when it is an exercise.
    pub fn measure(&self, action: &str) -> Option<crate::cards::Measure> {
        crate::launch::route(action, &self.content, &self.settings)
            .ok()
            .as_ref()
            .and_then(crate::launch::measure)
    }

    /// Whether there is a plan with something in it (then `!` shows it).
    pub fn has_plan(&self) -> bool {
        matches!(&self.plan, crate::documents::Loaded::Read(plan) if !plan.is_empty())
    }
}

/// A key's or a moment's context: the instant, what screens read, and a
/// sink for effects (bells, notices).
pub struct Cx<'a> {
    pub now: Instant,
    pub ctx: &'a Ctx,
    commands: &'a mut Vec<Command>,
    /// soothe is closing: what is handed back ends because of that (a talk
    /// whose break is cut short this way may go on later).
    pub closing: bool,
}

impl<'a> Cx<'a> {
    pub fn new(now: Instant, ctx: &'a Ctx, commands: &'a mut Vec<Command>) -> Cx<'a> {
        Cx {
            now,
            ctx,
            commands,
            closing: false,
        }
    }

    /// As `new`, while soothe closes.
    pub fn closing(now: Instant, ctx: &'a Ctx, commands: &'a mut Vec<Command>) -> Cx<'a> {
        Cx {
            closing: true,
            ..Cx::new(now, ctx, commands)
        }
    }

    /// Rings (the app rings only if the bell is on).
    pub fn bell(&mut self, rings: u8) {
        if rings > 0 {
            self.commands.push(Command::Bell(rings));
        }
    }

    /// A short, quiet message at the bottom.
    pub fn notice(&mut self, text: impl Into<String>) {
        self.commands.push(Command::Notice(text.into()));
    }

    /// The practice plan changed: the event loop saves it.
    pub fn save_practice(&mut self, practice: crate::practice::Practice) {
        self.commands
            .push(Command::SavePractice(Box::new(practice)));
    }

    /// The safety plan changed: the event loop saves it.
    pub fn save_plan(&mut self, plan: crate::plan::SafetyPlan) {
        self.commands.push(Command::SavePlan(Box::new(plan)));
    }

    /// The ladders changed: the event loop saves them.
    pub fn save_ladders(&mut self, ladders: crate::ladder::Ladders) {
        self.commands.push(Command::SaveLadders(Box::new(ladders)));
    }

    /// The beliefs changed: the event loop saves them.
    pub fn save_beliefs(&mut self, beliefs: crate::beliefs::Beliefs) {
        self.commands.push(Command::SaveBeliefs(Box::new(beliefs)));
    }

    /// The coping cards changed: the event loop saves them.
    pub fn save_cards(&mut self, cards: crate::cards::Cards) {
        self.commands.push(Command::SaveCards(Box::new(cards)));
    }

    /// An account for the journal that is no exercise session (a card
    /// used), written whatever else runs.
    pub fn note(&mut self, session: crate::journal::Session) {
        self.commands.push(Command::Note(Box::new(session)));
    }

    /// The exercise about to start comes from this card (its ending offers
    /// the card's next step).
    pub fn drawn(&mut self, card: &str) {
        self.commands.push(Command::Drawn(card.to_string()));
    }

    /// Three good things were written today.
    pub fn good_written(&mut self) {
        self.commands
            .push(Command::GoodWritten(self.wall().date_naive()));
    }

    /// The safety question was shown: it is not asked again.
    pub fn safety_shown(&mut self) {
        self.commands.push(Command::SafetyShown);
    }

    /// The wall-clock time now.
    pub fn wall(&self) -> chrono::DateTime<chrono::FixedOffset> {
        self.ctx.clock.at(self.now)
    }
}

/// What drawing reads: the instant and the context.
#[derive(Clone, Copy)]
pub struct View<'a> {
    pub now: Instant,
    pub ctx: &'a Ctx,
}

impl View<'_> {
    pub fn theme(&self) -> &Theme {
        &self.ctx.theme
    }

    /// The wall-clock time now.
    pub fn wall(&self) -> chrono::DateTime<chrono::FixedOffset> {
        self.ctx.clock.at(self.now)
    }

    /// The instant a wall-clock time comes (now, if it has passed): for
    /// waking at a break's or a wait's times.
    pub fn instant_at(&self, at: chrono::DateTime<chrono::FixedOffset>) -> Instant {
        self.now + (at - self.wall()).to_std().unwrap_or_default()
    }
}

/// A screen at one instant, with what drawing reads: each screen draws
/// through `impl Widget for Drawn<'_, ItsType>`.
pub struct Drawn<'a, S> {
    pub screen: &'a S,
    pub view: &'a View<'a>,
}

/// What a key or a moment led to.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Not this screen's business: the app may use the key (global keys).
    Ignored,
    Changed,
    /// Back one level.
    Back,
    Open(Route),
    /// Back one level, leaving this account in the journal (the plan).
    Done(Box<crate::journal::Session>),
    /// Run an exercise inside this one (breathing during a break): it comes
    /// back through [`Screen::take_back`].
    Within(Route),
    /// Leave this exercise for another in its place (breathing → grounding).
    Switch {
        to: Route,
        left: Finished,
    },
    /// The exercise ended, by itself or by `q`.
    Ended(Finished),
    /// The check-in before was answered (`None`: skipped).
    BeforeRated(Option<u8>),
    /// The ending's answers so far.
    Rated(Ratings),
}

/// Which screen is on top, for the app's few decisions and for tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Home,
    Patterns,
    Breathe,
    Ground,
    Relax,
    Reframe,
    CheckIn,
    Ending,
    Support,
    History,
    Pause,
    Send,
    Plan,
    Kind,
    Good,
    Practice,
    Cards,
    Evidence,
    Ladder,
    Repair,
    Talk,
    Farewell,
}

pub trait Screen: std::any::Any {
    fn kind(&self) -> Kind;
    /// The tables that handle keys now, and so what the footer and help say.
    fn bindings(&self) -> Tables;
    /// Whether an action of the tables does anything right now; the footer
    /// and help offer only those, and a disabled key falls through.
    fn enabled(&self, _action: Action) -> bool {
        true
    }
    /// A text field has the keys: printable keys not in the tables are text,
    /// and the global single-letter keys are off.
    fn takes_text(&self) -> bool {
        false
    }
    fn handle(&mut self, action: Action, cx: &mut Cx) -> Outcome;
    /// A key no table names, while [`Screen::takes_text`].
    fn type_key(&mut self, _key: KeyEvent, _cx: &mut Cx) -> Outcome {
        Outcome::Ignored
    }
    fn paste(&mut self, _text: &str, _cx: &mut Cx) -> Outcome {
        Outcome::Ignored
    }
    /// Time passed: `Changed` when the picture did, `Ended` at an end.
    fn advance(&mut self, _cx: &mut Cx) -> Outcome {
        Outcome::Ignored
    }
    fn next_wake(&self, _view: &View) -> Wake {
        Wake::default()
    }
    /// An exercise run inside this one ended: a host keeps its account and
    /// gives `None`; any other screen hands it back.
    fn take_back(&mut self, finished: Finished, _cx: &mut Cx) -> Option<Finished> {
        Some(finished)
    }
    /// What is planned today and not done yet, for the menu.
    fn planned(&mut self, _due: &[crate::practice::Planned]) {}
    /// A session was written to the journal (what is due may now be done).
    fn journaled(&mut self, _record: &crate::journal::Record) {}
    /// A "time to get help" line for the menu, found in the recent journal:
    /// whether it is now on show.
    fn help_line(&mut self, _line: &str) -> bool {
        false
    }
    /// A repair's follow-up for the menu: whether it is now on show.
    fn follow_up(&mut self, _repair: &str, _if_then: &str) -> bool {
        false
    }
    /// Under another screen (an exercise running inside this break): the
    /// moment this screen's own time comes, when the one above is to end.
    fn deadline_beneath(&self, _view: &View) -> Option<Instant> {
        None
    }
    /// soothe is quitting (Ctrl-C, a signal): what is typed and not yet
    /// kept is kept (a document saved) and an account noted, so nothing
    /// written is lost.
    fn keep_typed(&mut self, _cx: &mut Cx) {}
    /// Ends a running exercise now (soothe is quitting): its account, once.
    fn abandon(&mut self, _now: Instant) -> Option<Finished> {
        None
    }
    /// Below this the app shows "make the window a little bigger".
    fn min_size(&self) -> Size;
    fn render(&self, area: Rect, buf: &mut Buffer, view: &View);
    /// Where the terminal's cursor goes (a field being typed in).
    fn cursor(&self, _area: Rect, _view: &View) -> Option<Position> {
        None
    }
}

/// The screen a route leads to, built from what the route carries.
pub fn open(route: Route, ctx: &Ctx, now: Instant) -> Box<dyn Screen> {
    match route {
        Route::Patterns => Box::new(patterns::Patterns::new(ctx.content.patterns.len())),
        Route::Breathe { pattern, length } => Box::new(breathe::screen(pattern, length, now)),
        Route::Ground { variant } => Box::new(ground::Ground::new(variant, now)),
        Route::Relax { program } => Box::new(relax::screen(program, now)),
        Route::Reframe => Box::new(reframe::Reframe::new(ctx.content.reframing.clone(), now)),
        Route::Pause { planned } => Box::new(pause::Pause::new(planned, ctx, now)),
        Route::Send { plan } => Box::new(send::Send::new(plan, ctx)),
        Route::Plan { edit } => Box::new(plan::Plan::new(ctx, edit, now)),
        Route::Kind => Box::new(kind::KindPause::new(ctx, now)),
        Route::Good => Box::new(good::GoodThings::new(ctx, now)),
        Route::Practice => Box::new(practice::PracticeScreen::new(ctx)),
        Route::Cards { at, form } => Box::new(cards::CardsScreen::new(ctx, at, form)),
        // The app reads the journal first and opens it with its offers.
        Route::Repair => Box::new(repair::Repair::new(ctx, now)),
        Route::RepairTogether => Box::new(repair_together::RepairTogether::new(ctx, now)),
        Route::TalkStress => Box::new(talk_other::TalkOther::new(
            talk_other::Other::Stress,
            ctx,
            now,
        )),
        Route::TalkPrepare => Box::new(talk_other::TalkOther::new(
            talk_other::Other::Prepare,
            ctx,
            now,
        )),
        Route::Support => Box::new(support::Support),
        Route::CheckIn => Box::new(checkin::CheckIn::new()),
        Route::Ending {
            summary,
            questions,
            offer_kind,
            exercise,
        } => Box::new(
            ending::Ending::new(summary, questions, offer_kind)
                .with_next(ending::NextStep::find(ctx, exercise)),
        ),
        // Those the app opens once the journal is read, here with none.
        route @ (Route::History | Route::Evidence | Route::Ladder { .. } | Route::Talk) => {
            open_on(route, ctx, Default::default(), now)
        }
    }
}

/// The screen a route leads to that shows the journal (History) or draws
/// on it (evidence offers, a ladder's outcomes, a talk to go on with),
/// opened on `read`.
pub fn open_on(
    route: Route,
    ctx: &Ctx,
    read: crate::journal::Read,
    now: Instant,
) -> Box<dyn Screen> {
    match route {
        Route::Evidence => Box::new(evidence::EvidenceScreen::new(ctx, &read.records, now)),
        Route::Talk => Box::new(talk::Talk::with_journal(ctx, &read.records, now)),
        Route::Ladder { start } => {
            Box::new(ladder::LadderScreen::new(ctx, &read.records, start, now))
        }
        Route::History => Box::new(history::History::new(
            read,
            ctx.clock.at(now).date_naive(),
            ctx.practice.read(),
        )),
        route => open(route, ctx, now),
    }
}

/// The exercise a break or a wait starts inside itself for `action`
/// (breathe, ground, relax), with what the menu would start by default.
pub fn inside(action: Action, ctx: &Ctx) -> Option<Route> {
    let content = &ctx.content;
    match action {
        Action::Breathe => {
            let wanted = ctx
                .settings
                .default_pattern
                .as_deref()
                .unwrap_or(crate::content::DEFAULT_PATTERN);
            let pattern = content.pattern(wanted).unwrap_or(&content.patterns[0]);
            Some(Route::Breathe {
                pattern: pattern.clone(),
                length: crate::exercise::timeline::Length::Forever,
            })
        }
        Action::Ground => Some(Route::Ground {
            variant: content.default_grounding().clone(),
        }),
        Action::Relax => Some(Route::Relax {
            program: content.default_program().clone(),
        }),
        _ => None,
    }
}

/// Up and Down in a list of `count` items: the new selection, or `None`
/// when `action` is not a move.
pub fn move_in_list(selected: usize, action: Action, count: usize) -> Option<usize> {
    match action {
        Action::Up => Some(selected.saturating_sub(1)),
        Action::Down => Some((selected + 1).min(count.saturating_sub(1))),
        _ => None,
    }
}

/// Whether a list move would change the selection (for the footer).
pub fn can_move(selected: usize, action: Action, count: usize) -> bool {
    move_in_list(selected, action, count).is_some_and(|next| next != selected)
}

/// A key typed into a one-line field: its character, if it is printable.
pub fn type_into(field: &mut crate::text_field::TextField, key: &KeyEvent) -> Outcome {
    match typed_char(key) {
        Some(c) => {
            field.insert(c);
            Outcome::Changed
        }
        None => Outcome::Ignored,
    }
}

/// A paste into a one-line field: line breaks become spaces.
pub fn paste_line(field: &mut crate::text_field::TextField, text: &str) -> Outcome {
    field.insert_str(&text.replace(['\r', '\n'], " "));
    Outcome::Changed
}

/// A printable character typed with no Ctrl, Alt or Super.
pub fn typed_char(key: &KeyEvent) -> Option<char> {
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};
    let held = KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SUPER;
    match key.code {
        KeyCode::Char(c) if !key.modifiers.intersects(held) => Some(c),
        _ => None,
    }
}
