//! A talk in turns: two people, one keyboard, speaking aloud; the keyboard
//! only runs the structure. Two first names (for the talk only) and a topic,
//! "is now a good time?", the ground rules agreed by each with their own key,
//! then the floor (see `exercise::talk`): the speaker speaks, the listener
//! mirrors, sums up, validates and empathises, each confirmed, and the floor
//! passes. Problem solving waits until both feel heard. A break opens a
//! pause inside the talk, which resumes where it was. Their words are kept
//! only when both choose it.

use std::time::Instant;

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Position, Rect, Size};
use ratatui::style::Style;
use ratatui::widgets::Widget;

use super::pages::{Moved, Page, Pages, both_keep, keep_pages, two_names};
use super::safety::{Answer as SafetyAnswer, Safety};
use super::{Ctx, Cx, Drawn, Kind, Outcome, Route, Screen, View};
use crate::exercise::talk::{Answer, DEFAULT_WINDOW_MINUTES, Floor, Step};
use crate::exercise::timeline::Wake;
use crate::journal::{Exercise, Record, Said, Session, TalkRecord};
use crate::keys::{self, Action, Tables};
use crate::session::{Finished, Summary, Tone};
use crate::ui::{self, Align};

/// Rows from which the floor holder's name is drawn large (below, the
/// prompts need the room).
const BIG_NAME_FROM_HEIGHT: u16 = 20;

enum Stage {
    Safety(Safety),
    /// A talk stopped for a break in the last 24 hours: go on with it?
    Resume(Pages),
    Setup(Pages),
    /// Going on: the names (and the topic) again, then the floor as it was.
    Again(Pages),
    Later(Pages),
    Rules {
        agreed: [bool; 2],
    },
    Floor,
    Heard(Pages),
    Solve(Pages),
}

pub struct Talk {
    stage: Stage,
    names: [String; 2],
    topic: String,
    floor: Option<Floor>,
    breaks: u32,
    started: Instant,
    ended: bool,
    /// The floor's clock as last drawn (seconds left): redrawn when it moves.
    shown_left: Option<u64>,
    /// When the break under way started, by the wall clock.
    break_wall: Option<chrono::DateTime<chrono::FixedOffset>>,
    /// A talk stopped for a break that may go on now: its id and account.
    resumable: Option<(String, TalkRecord)>,
    /// The id of the talk this one goes on from.
    continues: String,
}

/// The two first names (different ones) and the topic, as typed; or a
/// notice saying what is missing.
fn names_and_topic(pages: &Pages, cx: &mut Cx) -> Option<([String; 2], String)> {
    let Some(names) = two_names(pages) else {
        cx.notice("Two different first names, please");
        return None;
    };
    Some((names, pages.text("topic")))
}

/// The newest talk in turns, when soothe closed during its break less than
/// 24 hours ago. Any talk since (gone on with, or a new one after "no")
/// is newer, so an offer is made for the latest talk only.
fn resumable(
    records: &[Record],
    now: chrono::DateTime<chrono::FixedOffset>,
) -> Option<(String, TalkRecord)> {
    let record = records
        .iter()
        .rev()
        .find(|r| r.exercise == Exercise::Talk && r.variant == "turns")?;
    let talk = record.talk.as_deref()?;
    let by = chrono::DateTime::parse_from_rfc3339(&talk.resume.as_ref()?.by).ok()?;
    (now < by).then(|| (record.id.clone(), talk.clone()))
}

fn say(ctx: &Ctx, id: &str) -> String {
    ctx.content.say(id).to_string()
}

fn setup_pages(ctx: &Ctx) -> Pages {
    Pages::new(vec![
        Page::text("name-1", say(ctx, "talk.names"), ""),
        Page::text("name-2", say(ctx, "talk.name-2"), ""),
        Page::text("topic", say(ctx, "talk.topic"), say(ctx, "talk.topic.hint")),
        Page::choice(
            "now",
            say(ctx, "talk.now"),
            vec![
                ('y', "Yes, now".into()),
                ('n', "Not now: choose a time".into()),
            ],
        ),
    ])
}

impl Talk {
    fn new(ctx: &Ctx, now: Instant) -> Talk {
        let stage = if ctx.safety_asked {
            Stage::Setup(setup_pages(ctx))
        } else {
            // Before the first talk: shown on the first draw.
            Stage::Safety(Safety::Asking)
        };
        Talk {
            stage,
            names: Default::default(),
            topic: String::new(),
            floor: None,
            breaks: 0,
            started: now,
            ended: false,
            shown_left: None,
            break_wall: None,
            resumable: None,
            continues: String::new(),
        }
    }

    /// A talk opened on the journal: one stopped for a break in the last
    /// 24 hours is offered to go on first.
    pub fn with_journal(ctx: &Ctx, records: &[Record], now: Instant) -> Talk {
        let mut talk = Talk::new(ctx, now);
        talk.resumable = resumable(records, ctx.clock.at(now));
        if let Some((_, before)) = &talk.resumable {
            let done = before.turns.len();
            let speaker = before.resume.as_ref().map_or(0, |p| p.speaker.min(1));
            let who = before.initials.get(speaker).cloned().unwrap_or_default();
            let turns = match done {
                0 => "no turn done yet".to_string(),
                1 => "1 turn done".to_string(),
                n => format!("{n} turns done"),
            };
            let prompt = format!("{} ({who}. had the floor, {turns})", say(ctx, "talk.again"));
            talk.stage = Stage::Resume(Pages::new(vec![Page::choice(
                "again",
                prompt,
                vec![
                    ('y', "Yes, go on where we were".into()),
                    ('n', "No, start a new talk".into()),
                ],
            )]));
        }
        talk
    }

    /// The names again (with the initials they had), and the topic.
    fn again_pages(&self, ctx: &Ctx) -> Pages {
        let initials = self
            .resumable
            .as_ref()
            .map(|(_, t)| t.initials.clone())
            .unwrap_or_default();
        let was = |n: usize| {
            initials
                .get(n)
                .map_or(String::new(), |i| format!("{i}. last time"))
        };
        Pages::new(vec![
            Page::text("name-1", say(ctx, "talk.again.names"), was(0)),
            Page::text("name-2", say(ctx, "talk.name-2"), was(1)),
            // Not kept either: typed again, or only said aloud.
            Page::text(
                "topic",
                say(ctx, "talk.topic"),
                say(ctx, "talk.again.topic"),
            )
            .optional(),
        ])
    }

    fn pages(&self) -> Option<&Pages> {
        match &self.stage {
            Stage::Resume(p)
            | Stage::Setup(p)
            | Stage::Again(p)
            | Stage::Later(p)
            | Stage::Heard(p)
            | Stage::Solve(p) => Some(p),
            _ => None,
        }
    }

    fn pages_mut(&mut self) -> Option<&mut Pages> {
        match &mut self.stage {
            Stage::Resume(p)
            | Stage::Setup(p)
            | Stage::Again(p)
            | Stage::Later(p)
            | Stage::Heard(p)
            | Stage::Solve(p) => Some(p),
            _ => None,
        }
    }

    fn heard_pages(&self, ctx: &Ctx) -> Pages {
        Pages::new(
            (0..2)
                .map(|who| {
                    Page::choice(
                        format!("heard-{who}"),
                        format!("{}: {}", self.names[who], say(ctx, "talk.heard")),
                        vec![
                            ('y', "Yes".into()),
                            ('n', "Not yet: another turn each".into()),
                        ],
                    )
                })
                .collect(),
        )
    }

    fn solve_pages(&self, ctx: &Ctx) -> Pages {
        let mut pages = Vec::new();
        for who in 0..2 {
            let name = &self.names[who];
            pages.push(
                Page::text(
                    format!("if-then-{who}"),
                    format!("{name}: {}", say(ctx, "talk.if-then")),
                    "",
                )
                .optional(),
            );
        }
        for who in 0..2 {
            let name = &self.names[who];
            pages.push(
                Page::text(
                    format!("thanks-{who}"),
                    format!("{name}: {}", say(ctx, "talk.appreciation")),
                    "",
                )
                .optional(),
            );
        }
        pages.extend(keep_pages(&self.names, |name| {
            format!("{name}: {}", say(ctx, "talk.keep"))
        }));
        Pages::new(pages)
    }

    /// The account: initials, turns, heard, breaks, if-thens; the topic
    /// and words only when both chose to keep them.
    fn account(&mut self, now: Instant, later: String) -> Finished {
        self.ended = true;
        let secs = now.saturating_duration_since(self.started).as_secs();
        let initials: Vec<String> = self
            .names
            .iter()
            .map(|n| crate::words::initial(n))
            .collect();
        let mut record = TalkRecord {
            initials: initials.clone(),
            breaks: self.breaks,
            later,
            continues: self.continues.clone(),
            ..Default::default()
        };
        if let (Stage::Floor, Some(floor), Some(began)) =
            (&self.stage, &self.floor, self.break_wall)
            && floor.on_break()
        {
            // Closed during a break: the talk may go on for 24 hours.
            let by = began + chrono::Duration::hours(24);
            let by = by.to_rfc3339_opts(chrono::SecondsFormat::Secs, false);
            record.resume = Some(floor.resume_point(now, by));
        }
        if let Some(floor) = &self.floor {
            record.turns = floor
                .turns
                .iter()
                .map(|(who, turn)| crate::journal::TurnRecord {
                    who: initials[*who].clone(),
                    ..turn.clone()
                })
                .collect();
        }
        let mut completed = false;
        if let Stage::Solve(pages) = &self.stage {
            record.heard = true;
            record.if_thens = (0..2)
                .map(|w| pages.text(&format!("if-then-{w}")))
                .collect();
            record.kept = both_keep(pages);
            completed = pages.at().0 + 1 == pages.at().1;
            if record.kept {
                record.topic = self.topic.clone();
                for (who, initial) in initials.iter().enumerate() {
                    let thanks = pages.text(&format!("thanks-{who}"));
                    if !thanks.is_empty() {
                        record.words.push(Said {
                            who: initial.clone(),
                            step: "appreciation".into(),
                            text: thanks,
                        });
                    }
                }
            }
        }
        let mut lines = Vec::new();
        let mut farewell = Vec::new();
        if !record.later.is_empty() {
            let line = format!("Your talk is for {}.", record.later);
            lines.push((line.clone(), Tone::Title));
            farewell.push(line);
        }
        let heard = if record.heard {
            "you both felt heard"
        } else {
            "not finished"
        };
        lines.push((
            format!(
                "{} turns · {heard} · {} breaks",
                record.turns.len(),
                record.breaks
            ),
            Tone::Text,
        ));
        for (who, if_then) in record.if_thens.iter().enumerate() {
            if !if_then.is_empty() {
                let line = format!("{}: {if_then}", self.names[who]);
                lines.push((line.clone(), Tone::Title));
                farewell.push(line);
            }
        }
        let mut session = Session::new(Exercise::Talk, "turns", completed, secs);
        session.farewell = farewell;
        session.talk = Some(Box::new(record));
        Finished {
            session,
            summary: Summary::centred(lines),
        }
    }

    fn handle_floor(&mut self, action: Action, cx: &mut Cx) -> Outcome {
        let Some(floor) = self.floor.as_mut() else {
            return Outcome::Ignored;
        };
        let passed = match (floor.step, action) {
            (_, Action::Pause) => {
                floor.break_starts(cx.now);
                self.break_wall = Some(cx.wall());
                return Outcome::Within(Route::Pause {
                    planned: Default::default(),
                });
            }
            (_, Action::Next) if floor.can_extend() => {
                floor.extend();
                cx.notice("Five more minutes for this turn");
                false
            }
            (Step::Speaking, Action::Select) => {
                floor.listener_mirrors();
                false
            }
            (Step::Speaking, _) if action != Action::Back => return Outcome::Ignored,
            (_, Action::Yes) => floor.answer(Answer::GotIt, cx.now),
            (_, Action::No) => floor.answer(Answer::NotQuite, cx.now),
            (Step::Mirror, Action::Other) => floor.answer(Answer::More, cx.now),
            (_, Action::Back) => return Outcome::Ended(self.account(cx.now, String::new())),
            _ => return Outcome::Ignored,
        };
        // After a turn each: do both feel heard?
        if passed && floor.both_spoke() && floor.turns.len() % 2 == 0 {
            self.stage = Stage::Heard(self.heard_pages(cx.ctx));
        }
        Outcome::Changed
    }
}

impl Screen for Talk {
    fn kind(&self) -> Kind {
        Kind::Talk
    }

    fn bindings(&self) -> Tables {
        match &self.stage {
            Stage::Safety(safety) => safety.bindings(),
            Stage::Rules { .. } => &[keys::TALK_RULES],
            Stage::Floor => match self.floor.as_ref().map(|f| f.step) {
                Some(Step::Speaking) => &[keys::TALK_SPEAKING],
                _ => &[keys::TALK_LISTENING],
            },
            _ => self.pages().map_or(&[], Pages::bindings),
        }
    }

    fn enabled(&self, action: Action) -> bool {
        match &self.stage {
            Stage::Rules { agreed } => match action {
                Action::Yes => !agreed[0],
                Action::No => !agreed[1],
                _ => true,
            },
            Stage::Floor => {
                let floor = self.floor.as_ref();
                match action {
                    Action::Next => floor.is_some_and(Floor::can_extend),
                    Action::Other => floor.is_some_and(|f| f.step == Step::Mirror),
                    _ => true,
                }
            }
            Stage::Safety(_) => true,
            _ => self.pages().is_none_or(|p| p.enabled(action)),
        }
    }

    fn takes_text(&self) -> bool {
        self.pages().is_some_and(Pages::takes_text)
    }

    fn handle(&mut self, action: Action, cx: &mut Cx) -> Outcome {
        match &mut self.stage {
            Stage::Safety(safety) => match safety.handle(action) {
                SafetyAnswer::Done => self.stage = Stage::Setup(setup_pages(cx.ctx)),
                SafetyAnswer::Leave => return Outcome::Ended(self.account(cx.now, String::new())),
                SafetyAnswer::Stay => {}
                SafetyAnswer::Ignored => return Outcome::Ignored,
            },
            Stage::Resume(pages) => match pages.handle(action) {
                Moved::Finished => {
                    self.stage = if pages.chosen("again") == Some('y') {
                        Stage::Again(self.again_pages(cx.ctx))
                    } else {
                        self.resumable = None;
                        Stage::Setup(setup_pages(cx.ctx))
                    };
                }
                Moved::Left => return Outcome::Ended(self.account(cx.now, String::new())),
                moved => return moved.outcome(),
            },
            Stage::Again(pages) => match pages.handle(action) {
                Moved::Finished => {
                    let Some((names, topic)) = names_and_topic(pages, cx) else {
                        return Outcome::Changed;
                    };
                    (self.names, self.topic) = (names, topic);
                    let Some((id, before)) = self.resumable.take() else {
                        return Outcome::Ignored;
                    };
                    let point = before.resume.clone().unwrap_or_default();
                    let Some(floor) = Floor::go_on(&point, &before.turns, cx.now) else {
                        cx.notice("That talk cannot go on here; starting a new one");
                        self.stage = Stage::Setup(setup_pages(cx.ctx));
                        return Outcome::Changed;
                    };
                    self.floor = Some(floor);
                    // The break it stopped in counts as one.
                    self.breaks = before.breaks + 1;
                    self.continues = id;
                    self.stage = Stage::Floor;
                }
                Moved::Left => return Outcome::Ended(self.account(cx.now, String::new())),
                moved => return moved.outcome(),
            },
            Stage::Setup(pages) => match pages.handle(action) {
                Moved::Finished => {
                    let Some((names, topic)) = names_and_topic(pages, cx) else {
                        return Outcome::Changed;
                    };
                    (self.names, self.topic) = (names, topic);
                    let now_is_good = pages.chosen("now") == Some('y');
                    self.stage = if now_is_good {
                        Stage::Rules { agreed: [false; 2] }
                    } else {
                        Stage::Later(Pages::new(vec![Page::text(
                            "later",
                            say(cx.ctx, "talk.later"),
                            "",
                        )]))
                    };
                }
                Moved::Left => return Outcome::Ended(self.account(cx.now, String::new())),
                moved => return moved.outcome(),
            },
            Stage::Later(pages) => match pages.handle(action) {
                Moved::Finished => {
                    let typed = pages.text("later");
                    let Ok(at) = chrono::NaiveTime::parse_from_str(typed.trim(), "%H:%M") else {
                        cx.notice("A time of day like 20:30");
                        return Outcome::Changed;
                    };
                    let wall = cx.wall();
                    let day = if at > wall.time() {
                        "today"
                    } else {
                        "tomorrow"
                    };
                    let later = format!("{day} at {}", at.format("%H:%M"));
                    return Outcome::Ended(self.account(cx.now, later));
                }
                Moved::Left => return Outcome::Ended(self.account(cx.now, String::new())),
                moved => return moved.outcome(),
            },
            Stage::Rules { agreed } => match action {
                Action::Yes => agreed[0] = true,
                Action::No => agreed[1] = true,
                Action::Back => return Outcome::Ended(self.account(cx.now, String::new())),
                _ => return Outcome::Ignored,
            },
            Stage::Floor => return self.handle_floor(action, cx),
            Stage::Heard(pages) => match pages.handle(action) {
                Moved::Finished => {
                    let both = (0..2).all(|w| pages.chosen(&format!("heard-{w}")) == Some('y'));
                    self.stage = if both {
                        Stage::Solve(self.solve_pages(cx.ctx))
                    } else {
                        // Not yet: another turn each; solving stays locked.
                        Stage::Floor
                    };
                }
                Moved::Left => return Outcome::Ended(self.account(cx.now, String::new())),
                moved => return moved.outcome(),
            },
            Stage::Solve(pages) => match pages.handle(action) {
                Moved::Finished | Moved::Left => {
                    return Outcome::Ended(self.account(cx.now, String::new()));
                }
                moved => return moved.outcome(),
            },
        }
        if let Stage::Rules {
            agreed: [true, true],
        } = self.stage
        {
            self.floor = Some(Floor::new(0, DEFAULT_WINDOW_MINUTES, cx.now));
            self.stage = Stage::Floor;
        }
        Outcome::Changed
    }

    fn type_key(&mut self, key: KeyEvent, _cx: &mut Cx) -> Outcome {
        self.pages_mut()
            .map_or(Outcome::Ignored, |p| p.type_key(&key))
    }

    fn paste(&mut self, text: &str, _cx: &mut Cx) -> Outcome {
        self.pages_mut().map_or(Outcome::Ignored, |p| p.paste(text))
    }

    fn advance(&mut self, cx: &mut Cx) -> Outcome {
        match &self.stage {
            Stage::Safety(safety) => {
                safety.on_screen(cx);
                Outcome::Ignored
            }
            // The window's clock (and the lines that hang on it) each second.
            Stage::Floor => {
                let left = self.floor.as_ref().map(|f| f.left(cx.now).as_secs());
                if left == self.shown_left {
                    return Outcome::Ignored;
                }
                self.shown_left = left;
                Outcome::Changed
            }
            _ => Outcome::Ignored,
        }
    }

    fn next_wake(&self, view: &View) -> Wake {
        match (&self.stage, &self.floor) {
            (Stage::Floor, Some(floor)) => Wake {
                exact: floor.next_change(view.now),
                frame: None,
            },
            _ => Wake::default(),
        }
    }

    fn take_back(&mut self, _break: Finished, cx: &mut Cx) -> Option<Finished> {
        if cx.closing {
            // soothe closes during the break: the talk's account says where
            // it stood, to go on within 24 hours.
            return None;
        }
        // Back from the break (counted, not kept apart): the talk goes on
        // where it was.
        if let Some(floor) = self.floor.as_mut() {
            floor.break_ends(cx.now);
        }
        self.break_wall = None;
        self.breaks += 1;
        None
    }

    fn abandon(&mut self, now: Instant) -> Option<Finished> {
        (!self.ended).then(|| self.account(now, String::new()))
    }

    fn min_size(&self) -> Size {
        Size::new(30, 8)
    }

    fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        Drawn { screen: self, view }.render(area, buf);
    }

    fn cursor(&self, area: Rect, _view: &View) -> Option<Position> {
        self.pages()?.cursor(area, 1)
    }
}

impl Widget for Drawn<'_, Talk> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let Self { screen, view } = self;
        let theme = view.theme();
        let width = area.width.saturating_sub(4) as usize;
        let wrapped = |text: &str, style: Style, rows| ui::wrapped(text, width, rows, style);
        let [a, b] = &screen.names;
        match &screen.stage {
            Stage::Safety(safety) => safety.render(area, buf, view),
            Stage::Rules { agreed } => {
                let mut lines = wrapped("Ground rules", theme.title, 1);
                lines.push((String::new(), theme.text));
                for id in ["talk.rules.1", "talk.rules.2"] {
                    lines.extend(wrapped(view.ctx.content.say(id), theme.text, 4));
                }
                lines.push((String::new(), theme.text));
                let mark = |yes: bool| if yes { "agreed" } else { "not yet" };
                lines.push((
                    format!(
                        "{a}: {} (1) · {b}: {} (2)",
                        mark(agreed[0]),
                        mark(agreed[1])
                    ),
                    theme.selected,
                ));
                ui::page(buf, area, lines, Align::Left);
            }
            Stage::Floor => {
                let Some(floor) = &screen.floor else {
                    return;
                };
                let (speaker, listener) = (
                    &screen.names[floor.speaker],
                    &screen.names[floor.listener()],
                );
                let left = floor.left(view.now).as_secs();
                let topic = if screen.topic.is_empty() {
                    String::new()
                } else {
                    format!("{} · ", screen.topic)
                };
                let mut lines = wrapped(
                    &format!("{a} and {b} · {topic}{}:{:02} left", left / 60, left % 60),
                    theme.dim,
                    1,
                );
                lines.push((String::new(), theme.text));
                let say = |id: &str| view.ctx.content.say(id).to_string();
                let (title, prompt, who) = match floor.step {
                    Step::Speaking => (
                        format!("{speaker} has the floor"),
                        say("talk.speak"),
                        format!(
                            "{listener}: listen; Enter when you are ready to say back what you heard."
                        ),
                    ),
                    Step::Mirror => (
                        format!("{listener} mirrors"),
                        say("talk.mirror"),
                        format!("{speaker}: 1 got it · 2 not quite · 3 there's more"),
                    ),
                    Step::Summary => (
                        format!("{listener} sums it up"),
                        say("talk.summary"),
                        format!("{speaker}: 1 got it · 2 not quite"),
                    ),
                    Step::Validate => (
                        format!("{listener} validates"),
                        say("talk.validate"),
                        format!("{speaker}: 1 got it · 2 not quite"),
                    ),
                    Step::Empathy => (
                        format!("{listener} imagines"),
                        say("talk.empathy"),
                        format!("{speaker}: 1 got it · 2 not quite, then the floor passes"),
                    ),
                };
                // Whose floor it is, large enough to read from the sofa,
                // when the window has the room.
                if area.height >= BIG_NAME_FROM_HEIGHT
                    && let Some(big) = ui::big::lines(speaker, width)
                {
                    lines.extend(big.into_iter().map(|row| (row, theme.accent)));
                    lines.push((String::new(), theme.text));
                }
                lines.push((title.to_uppercase(), theme.title));
                lines.push((String::new(), theme.text));
                lines.extend(wrapped(&prompt, theme.selected, 3));
                lines.push((String::new(), theme.text));
                lines.extend(wrapped(&who, theme.text, 3));
                if floor.step != Step::Speaking && floor.not_quite() > 0 {
                    let times = floor.not_quite();
                    lines.extend(wrapped(
                        &format!("Not quite yet ({times}): {listener}, say it again."),
                        theme.dim,
                        1,
                    ));
                }
                if floor.mirror_reminder(view.now) {
                    lines.push((String::new(), theme.text));
                    lines.extend(wrapped(
                        &format!("Pause for a moment so {listener} can mirror."),
                        theme.accent,
                        2,
                    ));
                }
                if floor.closing(view.now) {
                    lines.push((String::new(), theme.text));
                    let more = if floor.can_extend() {
                        " (→: five more minutes, if you both agree)"
                    } else {
                        ""
                    };
                    lines.extend(wrapped(
                        &format!("Thirty seconds left in this turn{more}."),
                        theme.accent,
                        2,
                    ));
                } else if left == 0 {
                    lines.push((String::new(), theme.text));
                    lines.extend(wrapped(
                        &format!(
                            "Time for this turn: let {listener} mirror, then the floor passes."
                        ),
                        theme.accent,
                        2,
                    ));
                }
                ui::page(buf, area, lines, Align::Left);
            }
            _ => {
                if let Some(pages) = screen.pages() {
                    let heading = if a.is_empty() {
                        "A talk in turns".to_string()
                    } else {
                        format!("A talk · {a} and {b}")
                    };
                    pages.render(area, buf, theme, vec![(heading, theme.dim)]);
                }
            }
        }
    }
}
