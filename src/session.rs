//! The session machine: one exercise session from its start (maybe a
//! check-in first) through running to the ending (summary and ratings) and
//! its journal record. Pure: events in, commands out; the TUI app and plain
//! mode both feed it, so there is one set of check-in rules and one record
//! assembly. No terminal, no clock (instants come in events), no disk.

use std::time::Instant;

use chrono::{DateTime, FixedOffset};

use crate::clock::WallClock;
use crate::content::{Grounding, Pattern, Program};
use crate::exercise::timeline::Length;
pub use crate::journal::Session;
use crate::journal::{self, Exercise, Record};

/// Where the app goes next: a screen and what it needs, already found.
#[derive(Debug, Clone, PartialEq)]
pub enum Route {
    Patterns,
    Breathe {
        pattern: Pattern,
        length: Length,
    },
    Ground {
        variant: Grounding,
    },
    Relax {
        program: Program,
    },
    Reframe,
    /// A two-minute self-compassion pause.
    Kind,
    /// Three good things.
    Good,
    /// The coping cards: the one that helped most first; `at` opens a card
    /// asking whether its action helped; `new` and `edit` open the form.
    Cards {
        at: Option<(String, usize)>,
        form: Option<CardForm>,
    },
    /// A kinder belief and its evidence (opened with the journal read).
    Evidence,
    /// After a fight, alone: a repair.
    Repair,
    /// After a fight, two people at one keyboard, in turns.
    RepairTogether,
    /// Two people talking in turns at one keyboard.
    Talk,
    /// A stress from outside the relationship, in three phases.
    TalkStress,
    /// One person getting ready for a talk.
    TalkPrepare,
    /// A ladder of time apart (opened with the journal read).
    Ladder {
        start: LadderStart,
    },
    /// Planned practice, edited.
    Practice,
    /// The safety plan, read or (`edit`) written.
    Plan {
        edit: bool,
    },
    Pause {
        planned: crate::exercise::pause::Planned,
    },
    Send {
        plan: crate::exercise::send::Plan,
    },
    Support,
    History,
    /// The check-in before an exercise started from the menu.
    CheckIn,
    /// The ending: what the exercise sums up, and the questions to ask.
    Ending {
        summary: Summary,
        questions: Vec<Question>,
        /// A kindness pause is one key away should distress stay high.
        offer_kind: bool,
        /// The exercise that ended (its next step is something else).
        exercise: Exercise,
    },
}

impl Route {
    /// The command that puts this screen on top: at once, or once the
    /// journal is read for the screens that show it.
    pub fn push(route: Route) -> Command {
        if route.reads_journal().is_some() {
            Command::LoadJournal(route)
        } else {
            Command::Push(route)
        }
    }

    /// How much of the journal this screen opens on, if any.
    pub fn reads_journal(&self) -> Option<crate::journal::Reach> {
        use crate::journal::Reach;
        match self {
            Route::History | Route::Evidence | Route::Ladder { .. } => Some(Reach::Whole),
            Route::Talk => Some(Reach::Recent),
            _ => None,
        }
    }

    /// The exercise this route starts (and so a journal session), if any.
    pub fn exercise(&self) -> Option<Exercise> {
        match self {
            Route::Breathe { .. } => Some(Exercise::Breathe),
            Route::Ground { .. } => Some(Exercise::Ground),
            Route::Relax { .. } => Some(Exercise::Relax),
            Route::Reframe => Some(Exercise::Reframe),
            Route::Kind => Some(Exercise::Kind),
            Route::Good => Some(Exercise::Good),
            Route::Pause { .. } => Some(Exercise::Pause),
            Route::Send { .. } => Some(Exercise::Send),
            Route::Repair | Route::RepairTogether => Some(Exercise::Repair),
            Route::Talk | Route::TalkStress | Route::TalkPrepare => Some(Exercise::Talk),
            _ => None,
        }
    }
}

/// Where `soothe ladder` starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LadderStart {
    /// The ladder (built first when there is none).
    Show,
    New,
    /// The suggested step's practice, with the clock.
    Practice,
    /// The suggested step's practice, logged afterwards.
    Log,
}

/// Which card form `soothe cards new|edit` opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CardForm {
    New,
    /// The card shown first.
    EditFirst,
}

/// Whether sessions of `exercise` ask how strong the distress is, before
/// and after. A thought record rates the feeling itself; a break asks on
/// its own pages (signs first, the rating at the return); a message rates
/// the urge to send.
pub fn asks_checkins(exercise: Exercise) -> bool {
    !matches!(
        exercise,
        Exercise::Reframe
            | Exercise::Pause
            | Exercise::Send
            | Exercise::Good
            | Exercise::Card
            | Exercise::Evidence
            | Exercise::Ladder
            | Exercise::Repair
            | Exercise::Talk
    )
}

/// A check-in question, 0–10.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Question {
    /// From the menu, before an exercise.
    Now,
    /// At the end of a direct command: how it was before starting.
    BeforeYouStarted,
    /// At the end of an exercise.
    AfterNow,
}

/// The answers, `None` where not given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Ratings {
    pub before: Option<u8>,
    pub after: Option<u8>,
}

impl Ratings {
    pub fn get(&self, question: Question) -> Option<u8> {
        match question {
            Question::Now | Question::BeforeYouStarted => self.before,
            Question::AfterNow => self.after,
        }
    }

    pub fn set(&mut self, question: Question, value: Option<u8>) {
        match question {
            Question::Now | Question::BeforeYouStarted => self.before = value,
            Question::AfterNow => self.after = value,
        }
    }
}

/// How a summary line reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Title,
    Text,
    Dim,
}

/// What an exercise says at its end, as lines; the ending screen shows it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Summary {
    pub lines: Vec<(String, Tone)>,
    /// Left-aligned as one block (a list of what was noticed), else centred.
    pub block: bool,
}

impl Summary {
    /// Lines shown centred, as most endings are.
    pub fn centred(lines: Vec<(String, Tone)>) -> Summary {
        Summary {
            lines,
            block: false,
        }
    }
}

/// An exercise that has ended: its account and what its ending shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finished {
    pub session: Session,
    pub summary: Summary,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// An exercise route was chosen: from the menu, or straight from the
    /// command line (`direct`: nothing may stand before the first breath).
    Start {
        route: Route,
        direct: bool,
        now: Instant,
    },
    /// The check-in before was answered (`None`: skipped).
    Before { rating: Option<u8>, now: Instant },
    /// A screen that is no exercise session was used (the plan): its
    /// account goes to the journal as it is, whatever else runs.
    Noted { session: Box<Session>, now: Instant },
    /// A break or a wait starts an exercise inside itself: it runs as
    /// usual and is handed back to it at its end, as part of its session.
    Within { route: Route, now: Instant },
    /// The exercise ended, by itself or by `q`.
    Ended { finished: Finished, now: Instant },
    /// Breathing → grounding: the one left is recorded, the other begins.
    SwitchTo {
        left: Finished,
        route: Route,
        now: Instant,
    },
    /// The ending's answers so far.
    Rated(Ratings),
    /// The check-in before or the ending was left (q, Esc, Enter).
    Back,
    /// soothe is quitting (Ctrl-C, a signal, the last screen left): what is
    /// under way is recorded first.
    Quit {
        unfinished: Option<Finished>,
        now: Instant,
    },
}

/// Every effect the shell carries out, as data.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    Push(Route),
    /// The top screen gives way to this one.
    Replace(Route),
    Pop,
    AppendJournal(Record),
    /// Read the journal, then open this screen on it (History, Evidence).
    LoadJournal(Route),
    /// Lines to print once the terminal is restored (to copy).
    PrintOnExit(Vec<String>),
    /// What `--copy` puts on the clipboard once the terminal is restored.
    CopyOnExit(String),
    /// Rings, if the bell is on.
    Bell(u8),
    /// A short, quiet message at the bottom.
    Notice(String),
    /// An exercise run inside a break or a wait ended: the screen hosting
    /// it takes its account.
    TakeBack(Finished),
    /// The one safety question was shown: remembered, never the answer.
    SafetyShown,
    /// Three good things were written on this day: the evening offer's week.
    GoodWritten(chrono::NaiveDate),
    /// The safety plan changed: saved at once.
    SavePlan(Box<crate::plan::SafetyPlan>),
    /// The practice plan changed: saved at once.
    SavePractice(Box<crate::practice::Practice>),
    /// The ladders changed: saved at once.
    SaveLadders(Box<crate::ladder::Ladders>),
    /// The beliefs changed: saved at once.
    SaveBeliefs(Box<crate::beliefs::Beliefs>),
    /// The coping cards changed: saved at once.
    SaveCards(Box<crate::cards::Cards>),
    /// An account that is no exercise session (a card used): to the
    /// session machine as [`Event::Noted`].
    Note(Box<Session>),
    /// The exercise about to start comes from this card.
    Drawn(String),
    Quit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Running {
    /// On the wall clock, read when it began: a later re-anchored clock
    /// (after a laptop's sleep) must not move the start.
    started: DateTime<FixedOffset>,
    before: Option<u8>,
    /// The before question was asked at the start (from the menu).
    asked_before: bool,
    /// An exercise runs inside this one (a break's breathing).
    inside: bool,
}

#[derive(Debug, Clone, PartialEq)]
enum Phase {
    Idle,
    AskingBefore {
        route: Route,
    },
    Running(Running),
    Ending {
        running: Running,
        ended_at: Instant,
        session: Box<Session>,
        ratings: Ratings,
        /// Nothing to ask: written when the ending opened.
        saved: bool,
    },
}

/// Which phase the machine is in, for tests and the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhaseName {
    Idle,
    AskingBefore,
    Running,
    Ending,
}

#[derive(Debug, Clone)]
pub struct Sessions {
    phase: Phase,
    checkins: bool,
    save_text: bool,
    clock: WallClock,
}

impl Sessions {
    pub fn new(clock: WallClock, checkins: bool, save_text: bool) -> Sessions {
        Sessions {
            phase: Phase::Idle,
            checkins,
            save_text,
            clock,
        }
    }

    pub fn set_clock(&mut self, clock: WallClock) {
        self.clock = clock;
    }

    pub fn phase(&self) -> PhaseName {
        match self.phase {
            Phase::Idle => PhaseName::Idle,
            Phase::AskingBefore { .. } => PhaseName::AskingBefore,
            Phase::Running(_) => PhaseName::Running,
            Phase::Ending { .. } => PhaseName::Ending,
        }
    }

    pub fn handle(&mut self, event: Event) -> Vec<Command> {
        let phase = std::mem::replace(&mut self.phase, Phase::Idle);
        let (next, commands) = self.step(phase, event);
        self.phase = next;
        commands
    }

    fn step(&self, phase: Phase, event: Event) -> (Phase, Vec<Command>) {
        match (phase, event) {
            (Phase::Idle, Event::Start { route, direct, now }) => {
                let asks = route.exercise().is_some_and(asks_checkins);
                if !direct && asks && self.checkins {
                    return (
                        Phase::AskingBefore { route },
                        vec![Command::Push(Route::CheckIn)],
                    );
                }
                let running = Running {
                    started: self.clock.at(now),
                    before: None,
                    asked_before: !direct,
                    inside: false,
                };
                // Through `Route::push`: a talk first reads the journal.
                (Phase::Running(running), vec![Route::push(route)])
            }
            (Phase::AskingBefore { route }, Event::Before { rating, now }) => {
                let running = Running {
                    started: self.clock.at(now),
                    before: rating,
                    asked_before: true,
                    inside: false,
                };
                (Phase::Running(running), vec![Command::Replace(route)])
            }
            (Phase::AskingBefore { .. }, Event::Back) => (Phase::Idle, vec![Command::Pop]),
            (Phase::Running(running), Event::Within { route, .. }) if !running.inside => (
                Phase::Running(Running {
                    inside: true,
                    ..running
                }),
                vec![Command::Push(route)],
            ),
            (Phase::Running(running), Event::Ended { finished, .. }) if running.inside => (
                Phase::Running(Running {
                    inside: false,
                    ..running
                }),
                vec![Command::Pop, Command::TakeBack(finished)],
            ),
            (Phase::Running(running), Event::SwitchTo { left, route, .. }) if running.inside => (
                Phase::Running(running),
                vec![Command::Replace(route), Command::TakeBack(left)],
            ),
            (Phase::Running(running), Event::Ended { finished, now }) => {
                self.ending(running, finished, now)
            }
            (Phase::Running(running), Event::SwitchTo { left, route, now }) => {
                let record = self.record(&running, now, left.session, Ratings::default());
                let next = Running {
                    started: self.clock.at(now),
                    ..running
                };
                (
                    Phase::Running(next),
                    vec![Command::AppendJournal(record), Command::Replace(route)],
                )
            }
            (
                Phase::Ending {
                    running,
                    ended_at,
                    session,
                    saved,
                    ..
                },
                Event::Rated(ratings),
            ) => (
                Phase::Ending {
                    running,
                    ended_at,
                    session,
                    ratings,
                    saved,
                },
                Vec::new(),
            ),
            // From the ending straight into another exercise (the kindness
            // pause): this one is saved, its "now" is the next one's before.
            (phase @ Phase::Ending { .. }, Event::Start { route, now, .. }) => {
                let Phase::Ending { ratings, .. } = &phase else {
                    unreachable!("matched above");
                };
                let running = Running {
                    started: self.clock.at(now),
                    before: ratings.after,
                    asked_before: true,
                    inside: false,
                };
                let mut commands = self.save_ending(phase);
                commands.push(Command::Replace(route));
                (Phase::Running(running), commands)
            }
            (phase @ Phase::Ending { .. }, Event::Back) => {
                let mut commands = self.save_ending(phase);
                commands.push(Command::Pop);
                (Phase::Idle, commands)
            }
            (phase, Event::Quit { unfinished, now }) => {
                let mut commands = match (phase, unfinished) {
                    (Phase::Running(running), Some(finished)) => {
                        // A thought record left by Ctrl-C still prints its lines.
                        let mut commands = farewell(&finished.session);
                        commands.push(Command::AppendJournal(self.record(
                            &running,
                            now,
                            finished.session,
                            Ratings::default(),
                        )));
                        commands
                    }
                    (phase @ Phase::Ending { .. }, _) => self.save_ending(phase),
                    _ => Vec::new(),
                };
                commands.push(Command::Quit);
                (Phase::Idle, commands)
            }
            (phase, Event::Noted { session, now }) => {
                let secs = std::time::Duration::from_secs(session.duration_secs);
                let running = Running {
                    started: self.clock.at(now.checked_sub(secs).unwrap_or(now)),
                    before: None,
                    asked_before: false,
                    inside: false,
                };
                let record = self.record(&running, now, *session, Ratings::default());
                (phase, vec![Command::AppendJournal(record)])
            }
            // Anything else does not belong to this phase: nothing happens.
            (phase, _) => (phase, Vec::new()),
        }
    }

    /// The exercise ended: the ending screen takes its place, asking what
    /// the check-in rules say; with nothing to ask the record is written now.
    fn ending(&self, running: Running, finished: Finished, now: Instant) -> (Phase, Vec<Command>) {
        let Finished { session, summary } = finished;
        let mut questions = Vec::new();
        if self.checkins && asks_checkins(session.exercise) {
            if !running.asked_before {
                questions.push(Question::BeforeYouStarted);
            }
            questions.push(Question::AfterNow);
        }
        let mut commands = farewell(&session);
        let ratings = Ratings {
            before: running.before,
            after: None,
        };
        let saved = questions.is_empty();
        if saved {
            commands.push(Command::AppendJournal(self.record(
                &running,
                now,
                session.clone(),
                ratings,
            )));
        }
        let offer_kind = session.exercise != Exercise::Kind && !questions.is_empty();
        commands.push(Command::Replace(Route::Ending {
            summary,
            questions,
            offer_kind,
            exercise: session.exercise,
        }));
        let phase = Phase::Ending {
            running,
            ended_at: now,
            session: Box::new(session),
            ratings,
            saved,
        };
        (phase, commands)
    }

    fn save_ending(&self, phase: Phase) -> Vec<Command> {
        match phase {
            Phase::Ending {
                running,
                ended_at,
                session,
                ratings,
                saved: false,
            } => {
                // Answers given at the end win; a rating from the start stays.
                let ratings = Ratings {
                    before: ratings.before.or(running.before),
                    after: ratings.after,
                };
                vec![Command::AppendJournal(
                    self.record(&running, ended_at, *session, ratings),
                )]
            }
            _ => Vec::new(),
        }
    }

    /// The one place a session becomes a journal line. Typed text is kept
    /// only with `save_text`; a thought record brings its own ratings.
    fn record(
        &self,
        running: &Running,
        ended: Instant,
        session: Session,
        ratings: Ratings,
    ) -> Record {
        let (own_before, own_after) = session.own_ratings();
        let before = ratings.before.or(running.before).or(own_before);
        let after = ratings.after.or(own_after);
        let started_at = running.started;
        Record {
            v: session.exercise.schema(),
            id: journal::new_id(&started_at),
            started_at,
            ended_at: self.clock.at(ended),
            exercise: session.exercise,
            variant: session.variant,
            completed: session.completed,
            duration_secs: session.duration_secs,
            before,
            after,
            cycles: session.cycles,
            steps_done: session.steps_done,
            steps_total: session.steps_total,
            noticed: if self.save_text {
                session.noticed
            } else {
                Vec::new()
            },
            reframe: session.reframe.map(|r| *r),
            pause: session.pause.map(|mut p| {
                if !self.save_text {
                    p.message.clear();
                }
                p
            }),
            send: session.send.map(|mut p| {
                if !self.save_text {
                    p.draft.clear();
                }
                p
            }),
            chosen: session.chosen,
            good: session.good,
            card: session.card,
            evidence: session.evidence,
            ladder: session.ladder,
            repair: session.repair,
            talk: session.talk,
        }
    }
}

/// The lines a session leaves to copy (a message, a thought record's
/// sentences), printed after exit.
fn farewell(session: &Session) -> Vec<Command> {
    let own = Some(session.farewell.clone()).filter(|lines| !lines.is_empty());
    let mut commands: Vec<Command> = own
        .or_else(|| session.reframe.as_ref().map(|record| record.farewell()))
        .filter(|lines| !lines.is_empty())
        .map(Command::PrintOnExit)
        .into_iter()
        .collect();
    if !session.to_copy.is_empty() {
        commands.push(Command::CopyOnExit(session.to_copy.clone()));
    }
    commands
}

#[cfg(test)]
mod tests;
