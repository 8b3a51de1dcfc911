//! A repair together at one keyboard: two first names (for the session
//! only), then each step in turns (feelings, what happened as a camera saw
//! it, one's own part, one if-then each), every answer followed by the
//! other's mirror ("say back what you heard"), confirmed by the one who
//! answered or said again. Their words are kept only when both choose it;
//! otherwise the journal holds initials, counts and the if-thens.

use std::time::Instant;

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Position, Rect, Size};
use ratatui::widgets::Widget;

use super::pages::{Moved, Page, Pages, both_keep, keep_pages, two_names};
use super::safety::{Answer as SafetyAnswer, Safety};
use super::{Ctx, Cx, Drawn, Kind, Outcome, Screen, View};
use crate::journal::{Exercise, RepairRecord, Said, Session, Together};
use crate::keys::{Action, Tables};
use crate::session::{Finished, Summary, Tone};

/// The steps each takes in turn, by their words' ids and journal names.
const STEPS: [(&str, &str); 4] = [
    ("feelings", "repair.feelings"),
    ("camera", "repair.camera"),
    ("part", "repair.regret"),
    ("if-then", "repair.if-then"),
];

enum Stage {
    Safety(Safety),
    Names(Pages),
    Steps(Pages),
}

pub struct RepairTogether {
    stage: Stage,
    names: [String; 2],
    mirrors: u32,
    not_quite: u32,
    started: Instant,
    ended: bool,
}

fn say(ctx: &Ctx, id: &str) -> String {
    ctx.content.say(id).to_string()
}

fn names_pages(ctx: &Ctx) -> Pages {
    Pages::new(vec![
        Page::read(
            "intro",
            "A repair, together",
            format!(
                "{} {}",
                say(ctx, "repair.together.intro"),
                say(ctx, "repair.together.intro.2")
            ),
        ),
        Page::text("name-1", say(ctx, "repair.together.names"), ""),
        Page::text("name-2", say(ctx, "repair.together.name-2"), ""),
    ])
}

/// The turns: each step for each of the two, each answer followed by the
/// other's mirror; then each chooses whether to keep the words.
fn step_pages(ctx: &Ctx, names: &[String; 2]) -> Pages {
    let feelings: Vec<String> = ctx
        .content
        .numbered("repair.feeling")
        .into_iter()
        .map(|p| p.text.clone())
        .collect();
    let mut pages = Vec::new();
    for (step, words) in STEPS {
        for who in 0..2 {
            let (name, other) = (&names[who], &names[1 - who]);
            let title = format!("{name}: {}", say(ctx, words));
            let id = format!("{who}.{step}");
            pages.push(match step {
                "feelings" => Page::marks(id, title, "", feelings.clone()),
                "if-then" => Page::text(id, title, say(ctx, "repair.if-then.hint")),
                _ => Page::text(id, title, ""),
            });
            let mirror = format!("{who}.{step}.mirror");
            let asks = say(ctx, "repair.together.mirror")
                .replace("{other}", other)
                .replace("{who}", name);
            pages.push(Page::choice(
                mirror,
                asks,
                vec![
                    ('y', "Got it".into()),
                    ('n', "Not quite: say it again".into()),
                ],
            ));
        }
    }
    pages.extend(keep_pages(names, |name| {
        say(ctx, "repair.together.keep").replace("{who}", name)
    }));
    Pages::new(pages)
}

impl RepairTogether {
    pub fn new(ctx: &Ctx, now: Instant) -> RepairTogether {
        let stage = if ctx.safety_asked {
            Stage::Names(names_pages(ctx))
        } else {
            // Before the first repair together: shown on the first draw.
            Stage::Safety(Safety::Asking)
        };
        RepairTogether {
            stage,
            names: Default::default(),
            mirrors: 0,
            not_quite: 0,
            started: now,
            ended: false,
        }
    }

    fn pages(&self) -> Option<&Pages> {
        match &self.stage {
            Stage::Names(p) | Stage::Steps(p) => Some(p),
            Stage::Safety(_) => None,
        }
    }

    /// The account: initials, counts and the if-thens; their words only if
    /// both chose to keep them.
    fn account(&mut self, now: Instant, completed: bool) -> Finished {
        self.ended = true;
        let secs = now.saturating_duration_since(self.started).as_secs();
        let mut together = Together {
            initials: self
                .names
                .iter()
                .map(|n| crate::words::initial(n))
                .collect(),
            mirrors: self.mirrors,
            not_quite: self.not_quite,
            ..Default::default()
        };
        if let Stage::Steps(pages) = &self.stage {
            together.if_thens = (0..2)
                .map(|who| pages.text(&format!("{who}.if-then")))
                .collect();
            together.kept = both_keep(pages);
            if together.kept {
                for (step, _) in STEPS {
                    for who in 0..2 {
                        let id = format!("{who}.{step}");
                        let text = if step == "feelings" {
                            pages.marked(&id).join(", ")
                        } else {
                            pages.text(&id)
                        };
                        if !text.is_empty() {
                            together.words.push(Said {
                                who: together.initials[who].clone(),
                                step: step.to_string(),
                                text,
                            });
                        }
                    }
                }
            }
        }
        let mut lines = vec![("Your if-thens, one each:".to_string(), Tone::Dim)];
        let mut farewell = vec!["Your if-thens, one each:".to_string()];
        for (who, if_then) in together.if_thens.iter().enumerate() {
            if !if_then.is_empty() {
                let line = format!("{}: {if_then}", self.names[who]);
                lines.push((line.clone(), Tone::Title));
                farewell.push(line);
            }
        }
        let kept = if together.kept {
            "Your words are kept in the journal, as you both chose."
        } else {
            "Only initials and the if-thens are kept; what you said stays with you."
        };
        lines.push((String::new(), Tone::Text));
        lines.push((kept.to_string(), Tone::Dim));
        let mut session = Session::new(Exercise::Repair, "together", completed, secs);
        if farewell.len() > 1 {
            session.farewell = farewell;
        }
        session.repair = Some(Box::new(RepairRecord {
            together: Some(together),
            ..Default::default()
        }));
        Finished {
            session,
            summary: Summary::centred(lines),
        }
    }
}

impl Screen for RepairTogether {
    fn kind(&self) -> Kind {
        Kind::Repair
    }

    fn bindings(&self) -> Tables {
        match &self.stage {
            Stage::Safety(safety) => safety.bindings(),
            Stage::Names(p) | Stage::Steps(p) => p.bindings(),
        }
    }

    fn enabled(&self, action: Action) -> bool {
        self.pages().is_none_or(|p| p.enabled(action))
    }

    fn takes_text(&self) -> bool {
        self.pages().is_some_and(Pages::takes_text)
    }

    fn handle(&mut self, action: Action, cx: &mut Cx) -> Outcome {
        match &mut self.stage {
            Stage::Safety(safety) => match safety.handle(action) {
                SafetyAnswer::Done => self.stage = Stage::Names(names_pages(cx.ctx)),
                // An exercise session ends through its account, even unbegun.
                SafetyAnswer::Leave => return Outcome::Ended(self.account(cx.now, false)),
                SafetyAnswer::Stay => {}
                SafetyAnswer::Ignored => return Outcome::Ignored,
            },
            Stage::Names(pages) => match pages.handle(action) {
                Moved::Finished => {
                    let Some(names) = two_names(pages) else {
                        cx.notice("Two different first names, please");
                        return Outcome::Changed;
                    };
                    self.stage = Stage::Steps(step_pages(cx.ctx, &names));
                    self.names = names;
                }
                Moved::Left => return Outcome::Ended(self.account(cx.now, false)),
                moved => return moved.outcome(),
            },
            Stage::Steps(pages) => {
                let id = pages.page().id.clone();
                let moved = pages.handle(action);
                if id.ends_with(".mirror") && moved != Moved::Ignored && moved != Moved::Left {
                    self.mirrors += 1;
                    if pages.chosen(&id) == Some('n') {
                        // Said again until it fits: back to the mirror.
                        self.not_quite += 1;
                        if moved == Moved::Changed {
                            pages.handle(Action::StepBack);
                        }
                        pages.clear_choice();
                        return Outcome::Changed;
                    }
                }
                match moved {
                    Moved::Finished => return Outcome::Ended(self.account(cx.now, true)),
                    Moved::Left => return Outcome::Ended(self.account(cx.now, false)),
                    moved => return moved.outcome(),
                }
            }
        }
        Outcome::Changed
    }

    fn advance(&mut self, cx: &mut Cx) -> Outcome {
        if let Stage::Safety(safety) = self.stage {
            safety.on_screen(cx);
        }
        Outcome::Ignored
    }

    fn type_key(&mut self, key: KeyEvent, _cx: &mut Cx) -> Outcome {
        match &mut self.stage {
            Stage::Names(p) | Stage::Steps(p) => p.type_key(&key),
            Stage::Safety(_) => Outcome::Ignored,
        }
    }

    fn paste(&mut self, text: &str, _cx: &mut Cx) -> Outcome {
        match &mut self.stage {
            Stage::Names(p) | Stage::Steps(p) => p.paste(text),
            Stage::Safety(_) => Outcome::Ignored,
        }
    }

    fn abandon(&mut self, now: Instant) -> Option<Finished> {
        (!self.ended).then(|| self.account(now, false))
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

impl Widget for Drawn<'_, RepairTogether> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let Self { screen, view } = self;
        let theme = view.theme();
        match &screen.stage {
            Stage::Safety(safety) => safety.render(area, buf, view),
            Stage::Names(pages) => pages.render(area, buf, theme, vec![(String::new(), theme.dim)]),
            Stage::Steps(pages) => {
                let (at, of) = pages.at();
                let heading = format!(
                    "A repair, together · {} and {} · {} of {of}",
                    screen.names[0],
                    screen.names[1],
                    at + 1
                );
                pages.render(area, buf, theme, vec![(heading, theme.dim)]);
            }
        }
    }
}
