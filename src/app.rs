//! The app: a stack of screens (the top one sees a key first; what it
//! ignores falls through to the global keys), the session machine, and the
//! commands both ask for. It takes time and input as arguments and draws
//! into any buffer, so tests drive it with fixed instants; only
//! `event_loop` talks to the real terminal, clock and disk.

pub mod event_loop;
pub mod schedule;

use std::collections::VecDeque;
use std::time::{Duration, Instant};

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{Event, KeyEvent, KeyEventKind};
use ratatui::layout::{Constraint, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

use crate::journal::{Read, Record};
use crate::keys::{self, Action, Binding};
use crate::screen::home::Home;
use crate::screen::{self, Ctx, Cx, Kind, Outcome, Route, Screen, View};
use crate::session::{Command, Event as SessionEvent, Sessions};
use crate::ui::{self, footer};

/// How long a notice such as "Bell on" stays.
pub const NOTICE_FOR: Duration = Duration::from_millis(2500);
/// Rings of one bell effect are spaced so terminals do not merge them.
pub const BELL_GAP: Duration = Duration::from_millis(350);
/// A save failure stays on screen this long: it matters more than "Bell on".
pub const SAVE_NOTICE_FOR: Duration = Duration::from_secs(8);

pub struct App {
    ctx: Ctx,
    stack: Vec<Box<dyn Screen>>,
    sessions: Sessions,
    help: bool,
    notice: Option<(String, Instant)>,
    bells: VecDeque<Instant>,
    dirty: bool,
    quit: bool,
    /// Records for the event loop to append to the journal.
    outbox: Vec<Record>,
    /// A screen (History, Evidence) waits for the event loop to read the journal.
    wants_journal: Option<Route>,
    /// Lines to print after the terminal is restored.
    farewell: Vec<String>,
    /// Characters typed into a field in this batch of input, not yet given
    /// to it: a terminal sends an emoji sequence, or an input method its
    /// commit, as several keys at once, and they must arrive as one text so
    /// the cluster stays whole.
    typed: String,
    /// Left by the quick-hide key: nothing is to be printed after exit.
    hidden: bool,
    /// What `--copy` puts on the clipboard after exit.
    to_copy: Option<String>,
    /// The safety plan and the practice plan, as edited and as on disk.
    plan_doc: crate::documents::Pending<crate::plan::SafetyPlan>,
    practice_doc: crate::documents::Pending<crate::practice::Practice>,
    cards_doc: crate::documents::Pending<crate::cards::Cards>,
    beliefs_doc: crate::documents::Pending<crate::beliefs::Beliefs>,
    ladders_doc: crate::documents::Pending<crate::ladder::Ladders>,
    /// The good-things week, changed, for the event loop to remember.
    good_to_remember: Option<crate::exercise::good::GoodWeek>,
    /// The menu waits for the recent journal (a "time to get help" line).
    wants_recent: bool,
    /// The day a "time to get help" line was shown, for the event loop.
    help_line_shown: Option<chrono::NaiveDate>,
    /// The safety question was shown this run: the event loop remembers it.
    safety_shown: bool,
    /// A repair's follow-up was asked on the menu: the event loop remembers it.
    follow_up_shown: Option<String>,
}

impl App {
    fn empty(ctx: Ctx) -> App {
        let sessions = Sessions::new(ctx.clock, ctx.settings.checkins, ctx.settings.save_text);
        let plan_on_disk = ctx.plan.clone();
        let practice_on_disk = ctx.practice.clone();
        let cards_on_disk = ctx.cards.clone();
        let beliefs_on_disk = ctx.beliefs.clone();
        let ladders_on_disk = ctx.ladders.clone();
        App {
            ctx,
            stack: Vec::new(),
            sessions,
            help: false,
            notice: None,
            bells: VecDeque::new(),
            dirty: true,
            quit: false,
            outbox: Vec::new(),
            wants_journal: None,
            farewell: Vec::new(),
            typed: String::new(),
            hidden: false,
            to_copy: None,
            plan_doc: crate::documents::Pending::new(plan_on_disk),
            practice_doc: crate::documents::Pending::new(practice_on_disk),
            cards_doc: crate::documents::Pending::new(cards_on_disk),
            beliefs_doc: crate::documents::Pending::new(beliefs_on_disk),
            ladders_doc: crate::documents::Pending::new(ladders_on_disk),
            good_to_remember: None,
            wants_recent: false,
            help_line_shown: None,
            safety_shown: false,
            follow_up_shown: None,
        }
    }

    /// The menu.
    pub fn home(ctx: Ctx) -> App {
        let mut app = App::empty(ctx);
        // What is due, a help line, and what has helped (the cards' order).
        app.wants_recent = true;
        let home = Home::new(&app.ctx);
        app.stack.push(Box::new(home));
        app
    }

    /// A route straight from the command line: an exercise starts at once,
    /// nothing asked first.
    pub fn direct(ctx: Ctx, route: Route, now: Instant) -> App {
        let mut app = App::empty(ctx);
        // The ending's next step ranks cards by the journal.
        app.wants_recent = true;
        if route.exercise().is_some() {
            let commands = app.sessions.handle(SessionEvent::Start {
                route,
                direct: true,
                now,
            });
            app.execute(commands, now);
        } else {
            app.execute(vec![Route::push(route)], now);
        }
        app
    }

    pub fn ctx(&self) -> &Ctx {
        &self.ctx
    }

    /// The screen on top; none once the last was left.
    pub fn screen(&self) -> Option<&dyn Screen> {
        self.stack.last().map(|s| s.as_ref())
    }

    pub fn kind(&self) -> Option<Kind> {
        self.screen().map(Screen::kind)
    }

    pub fn sessions(&self) -> &Sessions {
        &self.sessions
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    pub fn help_open(&self) -> bool {
        self.help
    }

    /// Whether anything changed since the last call: the loop draws only then.
    pub fn take_dirty(&mut self) -> bool {
        std::mem::take(&mut self.dirty)
    }

    /// One event of a batch of input; call [`App::end_of_input`] after the
    /// batch.
    pub fn on_event(&mut self, event: &Event, now: Instant) {
        // Quitting ends the batch: nothing after Ctrl-C or Ctrl-G acts.
        if self.quit {
            return;
        }
        if let Event::Key(key) = event
            && key.kind == KeyEventKind::Press
            && let Some(c) = self.typed_into_field(key)
        {
            self.typed.push(c);
            return;
        }
        self.end_of_input(now);
        match event {
            Event::Key(key) if key.kind == KeyEventKind::Press => self.on_key(*key, now),
            Event::Paste(text) => {
                let mut commands = Vec::new();
                let outcome = match self.stack.last_mut() {
                    Some(top) => top.paste(text, &mut Cx::new(now, &self.ctx, &mut commands)),
                    None => Outcome::Ignored,
                };
                self.settle(outcome, commands, now);
            }
            Event::Resize(..) => self.dirty = true,
            _ => {}
        }
    }

    /// The character a key types into the field on top, if it does: a
    /// printable key that no table of a typing screen claims.
    fn typed_into_field(&self, key: &KeyEvent) -> Option<char> {
        let top = self.screen()?;
        if self.help || !top.takes_text() {
            return None;
        }
        let claimed = keys::lookup(top.bindings(), key, |a| top.enabled(a)).is_some()
            || keys::lookup(&[keys::ALWAYS], key, |_| true).is_some();
        screen::typed_char(key).filter(|_| !claimed)
    }

    /// The batch is over: what was typed goes into the field at once.
    pub fn end_of_input(&mut self, now: Instant) {
        if self.typed.is_empty() || self.quit {
            return;
        }
        let text = std::mem::take(&mut self.typed);
        let mut commands = Vec::new();
        let outcome = match self.stack.last_mut() {
            Some(top) => top.paste(&text, &mut Cx::new(now, &self.ctx, &mut commands)),
            None => Outcome::Ignored,
        };
        self.settle(outcome, commands, now);
    }

    pub fn on_key(&mut self, key: KeyEvent, now: Instant) {
        match keys::lookup(&[keys::ALWAYS], &key, |_| true) {
            Some(Action::Quit) => return self.quit_now(now),
            Some(Action::Hide) => {
                // Recorded as left, like any quit; the farewell is dropped.
                self.hidden = true;
                self.quit_now(now);
                self.farewell.clear();
                return;
            }
            // The event loop takes Ctrl-Z before it gets here.
            Some(_) => return,
            None => {}
        }
        if self.help {
            // Any key closes help; it does nothing else.
            self.help = false;
            self.dirty = true;
            return;
        }
        let Some(top) = self.stack.last_mut() else {
            return;
        };
        let mut commands = Vec::new();
        let mut cx = Cx::new(now, &self.ctx, &mut commands);
        let typing = top.takes_text();
        let outcome = match keys::lookup(top.bindings(), &key, |a| top.enabled(a)) {
            Some(action) => top.handle(action, &mut cx),
            None if typing => top.type_key(key, &mut cx),
            None => Outcome::Ignored,
        };
        if outcome == Outcome::Ignored && commands.is_empty() && !typing {
            if let Some(action) = keys::lookup(&[keys::GLOBAL], &key, |a| self.enabled(a)) {
                self.global(action, now);
            }
            return;
        }
        self.settle(outcome, commands, now);
    }

    fn global(&mut self, action: Action, now: Instant) {
        match action {
            Action::Help => self.help = true,
            // The person's own plan first, when there is one.
            Action::Support if self.ctx.has_plan() => {
                self.execute(vec![Command::Push(Route::Plan { edit: false })], now)
            }
            Action::Support => self.execute(vec![Command::Push(Route::Support)], now),
            Action::ToggleBell => {
                self.ctx.bell = !self.ctx.bell;
                let state = if self.ctx.bell { "on" } else { "off" };
                self.notify(format!("Bell {state}"), now);
            }
            Action::ToggleMotion => {
                self.ctx.motion = !self.ctx.motion;
                let state = if self.ctx.motion {
                    "on"
                } else {
                    "off (reduced motion)"
                };
                self.notify(format!("Motion {state}"), now);
            }
            _ => return,
        }
        self.dirty = true;
    }

    /// A screen's outcome and effects: session steps go to the machine, and
    /// whatever comes back is carried out.
    fn settle(&mut self, outcome: Outcome, mut commands: Vec<Command>, now: Instant) {
        let event = match outcome {
            Outcome::Ignored => None,
            Outcome::Changed => {
                self.dirty = true;
                None
            }
            Outcome::Back => match self.kind() {
                // The session's own screens end or leave the session.
                Some(Kind::CheckIn | Kind::Ending) => Some(SessionEvent::Back),
                _ => {
                    commands.push(Command::Pop);
                    None
                }
            },
            Outcome::Open(route) if route.exercise().is_some() => Some(SessionEvent::Start {
                route,
                direct: false,
                now,
            }),
            // Leaving the ending for a screen that is no exercise (a card):
            // the ending is saved and closed first.
            Outcome::Open(route) if self.kind() == Some(Kind::Ending) => {
                commands.extend(self.sessions.handle(SessionEvent::Back));
                commands.push(Command::Push(route));
                None
            }
            Outcome::Open(route) => {
                commands.push(Route::push(route));
                None
            }
            Outcome::Within(route) => Some(SessionEvent::Within { route, now }),
            Outcome::Done(session) => {
                self.dirty = true;
                let mut noted = self.sessions.handle(SessionEvent::Noted { session, now });
                noted.push(Command::Pop);
                commands.extend(noted);
                None
            }
            Outcome::Switch { to, left } => Some(SessionEvent::SwitchTo {
                left,
                route: to,
                now,
            }),
            Outcome::Ended(finished) => Some(SessionEvent::Ended { finished, now }),
            Outcome::BeforeRated(rating) => Some(SessionEvent::Before { rating, now }),
            Outcome::Rated(ratings) => {
                self.dirty = true;
                Some(SessionEvent::Rated(ratings))
            }
        };
        if let Some(event) = event {
            commands.extend(self.sessions.handle(event));
        }
        self.execute(commands, now);
    }

    fn execute(&mut self, commands: Vec<Command>, now: Instant) {
        for command in commands {
            match command {
                Command::LoadJournal(route) => self.wants_journal = Some(route),
                Command::Push(route) => {
                    let screen = screen::open(route, &self.ctx, now);
                    self.stack.push(screen);
                }
                Command::Replace(route) => {
                    self.stack.pop();
                    let ending = matches!(route, Route::Ending { .. });
                    let screen = screen::open(route, &self.ctx, now);
                    self.stack.push(screen);
                    if ending {
                        // The drawn card's next step is offered there, once.
                        self.ctx.drawn = None;
                    }
                }
                Command::Pop => {
                    self.stack.pop();
                    if self.stack.is_empty() {
                        self.quit_now(now);
                    }
                }
                Command::AppendJournal(record) => {
                    self.ctx.standings.add(&record);
                    for screen in &mut self.stack {
                        screen.journaled(&record);
                    }
                    self.outbox.push(record);
                }
                Command::PrintOnExit(lines) => {
                    // Several sessions in one run each keep their lines.
                    if !self.farewell.is_empty() {
                        self.farewell.push(String::new());
                    }
                    self.farewell.extend(lines);
                }
                Command::CopyOnExit(text) => self.to_copy = Some(text),
                Command::TakeBack(finished) => {
                    // The host is the nearest screen that keeps it.
                    let mut commands = Vec::new();
                    let mut carried = Some(finished);
                    for screen in self.stack.iter_mut().rev() {
                        let Some(finished) = carried.take() else {
                            break;
                        };
                        carried =
                            screen.take_back(finished, &mut Cx::new(now, &self.ctx, &mut commands));
                    }
                    self.execute(commands, now);
                }
                Command::SavePlan(plan) => {
                    self.ctx.plan = crate::documents::Loaded::Read((*plan).clone());
                    self.plan_doc.to_save = Some(*plan);
                }
                Command::SavePractice(practice) => {
                    self.ctx.practice = crate::documents::Loaded::Read((*practice).clone());
                    self.practice_doc.to_save = Some(*practice);
                }
                Command::SaveLadders(ladders) => {
                    self.ctx.ladders = crate::documents::Loaded::Read((*ladders).clone());
                    self.ladders_doc.to_save = Some(*ladders);
                }
                Command::SaveBeliefs(beliefs) => {
                    self.ctx.beliefs = crate::documents::Loaded::Read((*beliefs).clone());
                    self.beliefs_doc.to_save = Some(*beliefs);
                }
                Command::SaveCards(cards) => {
                    self.ctx.cards = crate::documents::Loaded::Read((*cards).clone());
                    self.cards_doc.to_save = Some(*cards);
                }
                Command::Note(session) => {
                    let commands = self.sessions.handle(SessionEvent::Noted { session, now });
                    self.execute(commands, now);
                }
                Command::Drawn(card) => self.ctx.drawn = Some(card),
                Command::GoodWritten(today) => {
                    self.ctx.good_week = self.ctx.good_week.written(today);
                    self.good_to_remember = Some(self.ctx.good_week);
                }
                Command::SafetyShown => {
                    self.ctx.safety_asked = true;
                    self.safety_shown = true;
                }
                Command::Bell(rings) if self.ctx.bell => {
                    for i in 0..rings {
                        self.bells.push_back(now + BELL_GAP * u32::from(i));
                    }
                }
                Command::Bell(_) => {}
                Command::Notice(text) => self.notify(text, now),
                Command::Quit => self.quit = true,
            }
            self.dirty = true;
        }
    }

    /// soothe is quitting (Ctrl-C, a signal, the last screen left): the
    /// session under way is recorded first, whichever screen is on top.
    fn quit_now(&mut self, now: Instant) {
        self.quit_then(now, true);
    }

    /// As `quit_now`; `may_stay` lets a popup keep its farewell lines on a
    /// last screen (not when soothe is being ended from outside, by a
    /// signal: then the lines are printed, as anywhere).
    fn quit_then(&mut self, now: Instant, may_stay: bool) {
        if self.quit {
            return;
        }
        // A screen's account goes to the host below it (a breathing inside a
        // break becomes part of the break); the first not taken is the one.
        let mut unfinished = None;
        let mut ignored = Vec::new();
        for screen in self.stack.iter_mut().rev() {
            if let Some(finished) = unfinished.take() {
                unfinished =
                    screen.take_back(finished, &mut Cx::closing(now, &self.ctx, &mut ignored));
            }
            if unfinished.is_none() {
                unfinished = screen.abandon(now);
            }
        }
        let mut kept = Vec::new();
        for screen in self.stack.iter_mut() {
            screen.keep_typed(&mut Cx::new(now, &self.ctx, &mut kept));
        }
        self.execute(kept, now);
        let commands = self.sessions.handle(SessionEvent::Quit { unfinished, now });
        self.execute(commands, now);
        if may_stay && self.ctx.popup && !self.hidden && !self.farewell.is_empty() {
            // A popup vanishes with soothe, and what it printed with it: the
            // lines stay on one last screen until Enter. Everything is
            // recorded above; that screen alone is left.
            let lines = std::mem::take(&mut self.farewell);
            self.stack.clear();
            self.stack
                .push(Box::new(crate::screen::farewell::Farewell::new(lines)));
            // The session machine said quit; soothe stays for this screen.
            self.quit = false;
            self.dirty = true;
            return;
        }
        self.quit = true;
    }

    /// Ctrl-Z in a popup: there is no shell to stop into, so say how to
    /// leave instead.
    pub fn no_suspend(&mut self, now: Instant) {
        self.notify("This is a popup: q to leave".into(), now);
    }

    /// Ends whatever is under way before the terminal is restored.
    pub fn finish(&mut self, now: Instant) {
        self.quit_then(now, false);
    }

    /// What to print once the terminal is back (and copyable).
    pub fn farewell(&self) -> &[String] {
        &self.farewell
    }

    /// Whether the quick-hide key ended soothe: then nothing is printed and
    /// the screen is left clear (a failed save is not reported either: the
    /// point is that nothing shows).
    pub fn hidden(&self) -> bool {
        self.hidden
    }

    /// What `--copy` puts on the clipboard (nothing after a quick hide).
    pub fn to_copy(&self) -> Option<&str> {
        self.to_copy.as_deref().filter(|_| !self.hidden)
    }

    /// The good-things week to remember, once.
    pub fn take_good_week(&mut self) -> Option<crate::exercise::good::GoodWeek> {
        self.good_to_remember.take()
    }

    /// Whether the menu waits for the recent journal (for a "time to get
    /// help" line), once.
    pub fn take_recent_request(&mut self) -> bool {
        std::mem::take(&mut self.wants_recent)
    }

    /// The recent journal, read after the menu's first frame: a "time to get
    /// help" line when a rule holds (at most once a week).
    pub fn recent_journal(&mut self, read: Result<Read, String>, now: Instant) {
        let Ok(read) = read else {
            return;
        };
        let wall = self.ctx.clock.at(now);
        // What has helped, for ranking the cards (with what this run wrote).
        let mut standings = crate::cards::Standings::of(&read.records);
        for record in &self.outbox {
            standings.add(record);
        }
        self.ctx.standings = standings;
        // What is planned today and not done yet: one line under the menu.
        if let Some(practice) = self.ctx.practice.read() {
            let due = practice.due(wall.naive_local(), &read.records);
            if !due.is_empty() {
                let due: Vec<crate::practice::Planned> = due.into_iter().cloned().collect();
                for screen in &mut self.stack {
                    screen.planned(&due);
                }
                self.dirty = true;
            }
        }
        let today = wall.date_naive();
        // A "time to get help" line first: it takes the menu's line.
        let rule = self
            .ctx
            .help_line_due
            .then(|| crate::history::help_line(&read.records, &self.ctx.content.help_rules, today))
            .flatten();
        if let Some(rule) = rule {
            let text = rule.text.clone();
            let mut shown = false;
            for screen in &mut self.stack {
                shown |= screen.help_line(&text);
            }
            if shown {
                self.ctx.help_line_due = false;
                self.help_line_shown = Some(today);
                self.dirty = true;
                return;
            }
        }
        // How a repair's if-then went: asked once, after its day.
        if let Some(repair) =
            crate::exercise::repair::follow_up_due(&read.records, today, &self.ctx.follow_ups_asked)
            && let Some(if_then) = repair.repair.as_deref().map(|r| r.if_then.clone())
        {
            let mut shown = false;
            for screen in &mut self.stack {
                shown |= screen.follow_up(&repair.id, &if_then);
            }
            if shown {
                self.ctx.follow_ups_asked.push(repair.id.clone());
                self.follow_up_shown = Some(repair.id.clone());
                self.dirty = true;
            }
        }
    }

    /// The repair whose follow-up was asked, to remember, once.
    pub fn take_follow_up_shown(&mut self) -> Option<String> {
        self.follow_up_shown.take()
    }

    /// The day a "time to get help" line was shown, to remember, once.
    pub fn take_help_line_shown(&mut self) -> Option<chrono::NaiveDate> {
        self.help_line_shown.take()
    }

    /// The safety plan to save, once: the event loop writes it.
    pub fn take_plan_to_save(&mut self) -> Option<crate::plan::SafetyPlan> {
        self.plan_doc.to_save.take()
    }

    /// A plan that could not be saved waits for the next try (the next
    /// change, or exit), unless a newer one came meanwhile.
    pub fn plan_not_saved(&mut self, plan: crate::plan::SafetyPlan) {
        self.plan_doc.to_save.get_or_insert(plan);
    }

    /// The safety plan, as edited and as on disk (the event loop saves it).
    pub fn plan_doc(&mut self) -> &mut crate::documents::Pending<crate::plan::SafetyPlan> {
        &mut self.plan_doc
    }

    /// The practice plan, as edited and as on disk.
    pub fn ladders_doc(&mut self) -> &mut crate::documents::Pending<crate::ladder::Ladders> {
        &mut self.ladders_doc
    }

    pub fn beliefs_doc(&mut self) -> &mut crate::documents::Pending<crate::beliefs::Beliefs> {
        &mut self.beliefs_doc
    }

    pub fn cards_doc(&mut self) -> &mut crate::documents::Pending<crate::cards::Cards> {
        &mut self.cards_doc
    }

    /// The cards, read after the first frame when the command did not need
    /// them before it (`soothe breathe`): its ending may offer one.
    pub fn cards_read(&mut self, cards: crate::documents::Loaded<crate::cards::Cards>) {
        if matches!(self.ctx.cards, crate::documents::Loaded::Missing)
            && self.cards_doc.to_save.is_none()
        {
            self.ctx.cards = cards.clone();
            self.cards_doc = crate::documents::Pending::new(cards);
        }
    }

    pub fn practice_doc(&mut self) -> &mut crate::documents::Pending<crate::practice::Practice> {
        &mut self.practice_doc
    }

    /// Whether the safety question was shown since the last call: the
    /// event loop writes down that it was (never the answer).
    pub fn take_safety_shown(&mut self) -> bool {
        std::mem::take(&mut self.safety_shown)
    }

    /// A fresh anchor for wall-clock times (the event loop's, now and then:
    /// after a laptop sleeps, the monotonic clock has not moved but the
    /// wall clock has, and a break's return time is on the wall).
    pub fn set_clock(&mut self, clock: crate::clock::WallClock) {
        self.ctx.clock = clock;
        self.sessions.set_clock(clock);
    }

    /// Whether a screen waits for the journal to be read.
    pub fn take_journal_request(&mut self) -> bool {
        self.wants_journal.is_some()
    }

    /// How much of the journal the waiting screen needs.
    pub fn journal_reach(&self) -> crate::journal::Reach {
        self.wants_journal
            .as_ref()
            .and_then(Route::reads_journal)
            .unwrap_or(crate::journal::Reach::Whole)
    }

    /// The journal, read: the screen that waited opens on it (or a notice
    /// says why it could not be read; Evidence opens without offers).
    pub fn open_with_journal(&mut self, read: Result<Read, String>, now: Instant) {
        let Some(route) = self.wants_journal.take() else {
            return;
        };
        match read {
            Err(why) if route == Route::History => {
                self.notify(format!("The journal could not be read: {why}"), now);
            }
            // The others open without its help: no offers, nothing to go on with.
            read => {
                let screen =
                    crate::screen::open_on(route, &self.ctx, read.unwrap_or_default(), now);
                self.stack.push(screen);
            }
        }
        if self.stack.is_empty() {
            // Straight from the command line, and the journal unreadable.
            self.quit_now(now);
        }
        self.dirty = true;
    }

    /// Journal records waiting to be appended.
    pub fn take_records(&mut self) -> Vec<Record> {
        std::mem::take(&mut self.outbox)
    }

    /// A document could not be saved: say so clearly (what typed stays on
    /// screen, and is saved with the next change).
    pub fn save_failed_for(&mut self, what: &str, why: &str, now: Instant) {
        self.notice = Some((
            format!("{what} could not be saved: {why}"),
            now + SAVE_NOTICE_FOR,
        ));
        self.dirty = true;
    }

    /// A record could not be appended: say so clearly, once.
    pub fn save_failed(&mut self, why: &str, now: Instant) {
        self.save_failed_for("This session", why, now);
    }

    fn notify(&mut self, text: String, now: Instant) {
        self.notice = Some((text, now + NOTICE_FOR));
        self.dirty = true;
    }

    /// Lets time pass: the screen applies crossed boundaries, notices expire.
    pub fn advance(&mut self, now: Instant) {
        self.wake_hosts(now);
        if let Some(top) = self.stack.last_mut() {
            let mut commands = Vec::new();
            let outcome = top.advance(&mut Cx::new(now, &self.ctx, &mut commands));
            self.settle(outcome, commands, now);
        }
        if self.notice.as_ref().is_some_and(|(_, until)| *until <= now) {
            self.notice = None;
            self.dirty = true;
        }
    }

    /// A break (or a wait) under the screen on top whose own time has come:
    /// what runs inside it ends, is handed back, and the host is on top
    /// again (the return time never passes unseen behind a breathing).
    fn wake_hosts(&mut self, now: Instant) {
        let view = View {
            now,
            ctx: &self.ctx,
        };
        let below = self.stack.len().saturating_sub(1);
        let Some(host) = (0..below).rev().find(|&i| {
            self.stack[i]
                .deadline_beneath(&view)
                .is_some_and(|at| at <= now)
        }) else {
            return;
        };
        while self.stack.len() > host + 1 {
            let depth = self.stack.len();
            let abandoned = self.stack.last_mut().and_then(|top| top.abandon(now));
            match abandoned {
                Some(finished) => self.settle(Outcome::Ended(finished), Vec::new(), now),
                None => self.execute(vec![Command::Pop], now),
            }
            if self.stack.len() >= depth {
                // Not an exercise inside the host after all: leave it be.
                break;
            }
        }
    }

    /// Bell rings due by `now`, removed from the queue.
    pub fn due_bells(&mut self, now: Instant) -> usize {
        let mut due = 0;
        while self.bells.front().is_some_and(|at| *at <= now) {
            self.bells.pop_front();
            due += 1;
        }
        due
    }

    pub fn next_wake(&self, now: Instant, last_frame: Option<Instant>) -> Option<Instant> {
        let view = View {
            now,
            ctx: &self.ctx,
        };
        let wake = self
            .screen()
            .map(|screen| screen.next_wake(&view))
            .unwrap_or_default();
        let below = self.stack.len().saturating_sub(1);
        let host = self.stack[..below]
            .iter()
            .filter_map(|screen| screen.deadline_beneath(&view))
            .min();
        let others = [
            self.notice.as_ref().map(|(_, until)| *until),
            self.bells.front().copied(),
            host,
        ];
        schedule::next_wake(&[wake], &others, last_frame)
    }

    /// The top screen's tables, and the global keys unless a field has the keys.
    fn tables(&self) -> Vec<&'static [Binding]> {
        let Some(top) = self.screen() else {
            return Vec::new();
        };
        let mut tables = top.bindings().to_vec();
        if !top.takes_text() {
            tables.push(keys::GLOBAL);
        }
        tables
    }

    /// Whether an action does anything now: the top screen says for its
    /// own; of the global ones only Support can be pointless (on Support).
    fn enabled(&self, action: Action) -> bool {
        match action {
            Action::Support => !matches!(self.kind(), Some(Kind::Support | Kind::Plan)),
            Action::Help | Action::ToggleBell | Action::ToggleMotion => true,
            other => self.screen().is_some_and(|top| top.enabled(other)),
        }
    }

    /// What the footer offers now: each entry enabled right now.
    pub fn footer(&self) -> Vec<footer::Hint> {
        footer::hints(&self.tables(), &|a| self.enabled(a))
    }

    /// Draws everything; returns where the text cursor should show, if a
    /// field is being typed in (and no help covers it).
    pub fn render(&self, now: Instant, area: Rect, buf: &mut Buffer) -> Option<Position> {
        let screen = self.screen()?;
        let view = View {
            now,
            ctx: &self.ctx,
        };
        let theme = &self.ctx.theme;
        let [body, gap, foot] = frame_areas(area);
        let min = screen.min_size();
        if body.width < min.width || body.height < min.height {
            ui::too_small(area, buf, theme);
            return None;
        }
        screen.render(body, buf, &view);
        if foot.height > 0 {
            let line = footer::line(&self.footer(), foot.width.saturating_sub(2), theme);
            Paragraph::new(line).centered().render(foot, buf);
        }
        if let Some((text, _)) = &self.notice {
            // The quiet row above the footer, or the body's last row.
            let row = if gap.height > 0 { gap } else { body };
            if area.height >= 6 {
                ui::centered_line(buf, row, row.bottom() - 1, text, theme.notice);
            }
        }
        if self.help {
            self.render_help(area, buf);
            return None;
        }
        screen.cursor(body, &view)
    }

    fn render_help(&self, area: Rect, buf: &mut Buffer) {
        let theme = &self.ctx.theme;
        let mut tables = self.tables();
        tables.push(keys::ALWAYS);
        let lines: Vec<Line> = tables
            .iter()
            .flat_map(|t| t.iter())
            .filter(|b| self.enabled(b.action) || keys::ALWAYS.iter().any(|a| a.action == b.action))
            .map(|b| {
                Line::from(vec![
                    Span::styled(format!(" {:>9}  ", b.keys_label()), theme.key),
                    Span::styled(b.help.to_string(), theme.text),
                ])
            })
            .chain([
                Line::default(),
                Line::styled(" any key closes this", theme.dim),
            ])
            .collect();
        // As wide as the longest line needs, within the window.
        let widest = lines.iter().map(Line::width).max().unwrap_or(0) as u16;
        let width = area.width.min(widest + 3);
        let height = area.height.min(lines.len() as u16 + 2);
        if width < 12 || height < 3 {
            return;
        }
        let rect = area.centered(Constraint::Length(width), Constraint::Length(height));
        Clear.render(rect, buf);
        Paragraph::new(lines)
            .block(
                Block::default()
                    .borders(Borders::ALL)
                    .title(" Keys ")
                    .border_style(theme.dim),
            )
            .render(rect, buf);
    }
}

/// The screen's body, a quiet row (for notices), and the footer row, by
/// height band: no footer below 5 rows, no quiet row below 10.
fn frame_areas(area: Rect) -> [Rect; 3] {
    let (gap, foot) = match area.height {
        0..5 => (0, 0),
        5..10 => (0, 1),
        _ => (1, 1),
    };
    ui::stack(
        area,
        [
            Constraint::Fill(1),
            Constraint::Length(gap),
            Constraint::Length(foot),
        ],
    )
}

#[cfg(test)]
mod cards_tests;
#[cfg(test)]
mod evidence_tests;
#[cfg(test)]
mod good_tests;
#[cfg(test)]
mod heated_tests;
#[cfg(test)]
mod kind_tests;
#[cfg(test)]
mod ladder_tests;
#[cfg(test)]
mod plan_tests;
#[cfg(test)]
mod practice_tests;
#[cfg(test)]
mod repair_tests;
#[cfg(test)]
mod talk_tests;
#[cfg(test)]
mod tests;
