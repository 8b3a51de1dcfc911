//! The two other talks. `--prepare`: one person getting ready for a talk:
//! the one topic, what they want to say (checked as a message is, nothing
//! rewritten), and what they will listen for. `--kind stress`: a stress from
//! outside the relationship, in three phases: the one with the stress
//! describes it and the listener sums it up, confirmed or said again; the
//! listener asks what would help (listening, a hand, company) and offers
//! it; the one with the stress says how it helped. Partner words are kept
//! only when both choose it.

use std::time::Instant;

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Position, Rect, Size};
use ratatui::widgets::Widget;

use super::pages::{Moved, Page, Pages, both_keep, keep_pages, two_names};
use super::safety::{Answer as SafetyAnswer, Safety};
use super::{Ctx, Cx, Drawn, Kind, Outcome, Screen, View};
use crate::journal::{Exercise, Said, Session, TalkRecord};
use crate::keys::{Action, Tables};
use crate::session::{Finished, Summary, Tone};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Other {
    Prepare,
    Stress,
}

/// What the listener may be asked for, in the stress talk.
const HELP: [&str; 4] = [
    "listening",
    "a hand with something",
    "company",
    "something else",
];

pub struct TalkOther {
    kind: Other,
    /// Before the first talk about the two of you (not when getting ready alone).
    safety: Option<Safety>,
    pages: Pages,
    names: [String; 2],
    not_quite: u32,
    started: Instant,
    ended: bool,
    credit: String,
}

fn say(ctx: &Ctx, id: &str) -> String {
    ctx.content.say(id).to_string()
}

impl TalkOther {
    pub fn new(kind: Other, ctx: &Ctx, now: Instant) -> TalkOther {
        let pages = match kind {
            Other::Prepare => vec![
                Page::text("topic", say(ctx, "talk.prepare.topic"), ""),
                Page::text(
                    "say",
                    say(ctx, "talk.prepare.say"),
                    say(ctx, "talk.prepare.say.hint"),
                ),
                Page::read("check", say(ctx, "talk.prepare.check"), ""),
                Page::text(
                    "listen",
                    say(ctx, "talk.prepare.listen"),
                    say(ctx, "talk.prepare.listen.hint"),
                ),
            ],
            Other::Stress => vec![
                Page::text("name-1", say(ctx, "talk.stress.names"), ""),
                Page::text("name-2", say(ctx, "talk.stress.listener"), ""),
            ],
        };
        TalkOther {
            kind,
            safety: (kind == Other::Stress && !ctx.safety_asked).then_some(Safety::Asking),
            pages: Pages::new(pages),
            names: Default::default(),
            not_quite: 0,
            started: now,
            ended: false,
            credit: say(ctx, "talk.credit"),
        }
    }

    /// The stress talk's pages, once the names are known.
    fn stress_pages(&self, ctx: &Ctx) -> Pages {
        let [keep_0, keep_1] = keep_pages(&self.names, |name| {
            format!("{name}: {}", say(ctx, "talk.keep"))
        });
        let fill = |id: &str| {
            say(ctx, id)
                .replace("{who}", &self.names[0])
                .replace("{other}", &self.names[1])
        };
        Pages::new(vec![
            Page::text("what", say(ctx, "talk.stress.what"), ""),
            Page::choice(
                "described",
                fill("talk.stress.describe"),
                vec![
                    ('y', "Got it".into()),
                    ('n', "Not quite: say it again".into()),
                ],
            ),
            Page::choice(
                "help",
                fill("talk.stress.help"),
                HELP.iter()
                    .enumerate()
                    .map(|(i, h)| ((b'a' + i as u8) as char, (*h).to_string()))
                    .collect(),
            ),
            Page::read("offer", fill("talk.stress.offer"), ""),
            Page::text("how", fill("talk.stress.how"), "").optional(),
            keep_0,
            keep_1,
        ])
    }

    /// As a page comes up: the prepared words are checked on reaching the check.
    fn arriving(&mut self, ctx: &Ctx) {
        if self.kind == Other::Prepare && self.pages.page().id == "check" {
            let draft = self.pages.text("say");
            let findings = crate::exercise::send::check(
                &draft,
                &ctx.content.send_rules,
                &ctx.settings.send_rules_off,
            );
            let text = if findings.is_empty() {
                say(ctx, "send.clean")
            } else {
                findings
                    .iter()
                    .filter_map(|f| ctx.content.send_rules.iter().find(|r| r.id == f.rule))
                    .map(|rule| format!("{}: {}", rule.name, rule.suggestion))
                    .collect::<Vec<_>>()
                    .join(" · ")
            };
            self.pages.set_hint("check", &text);
        }
    }

    fn account(&mut self, now: Instant) -> Finished {
        self.ended = true;
        let secs = now.saturating_duration_since(self.started).as_secs();
        let completed = self.pages.at().0 + 1 == self.pages.at().1;
        let p = &self.pages;
        let mut lines = Vec::new();
        let mut farewell = Vec::new();
        let (variant, record) = match self.kind {
            Other::Prepare => {
                let record = TalkRecord {
                    kept: true,
                    topic: p.text("topic"),
                    words: [("say", p.text("say")), ("listen", p.text("listen"))]
                        .into_iter()
                        .filter(|(_, t)| !t.is_empty())
                        .map(|(step, text)| Said {
                            who: String::new(),
                            step: step.into(),
                            text,
                        })
                        .collect(),
                    ..Default::default()
                };
                for (label, text) in [
                    ("The topic", p.text("topic")),
                    ("To say", p.text("say")),
                    ("To listen for", p.text("listen")),
                ] {
                    if !text.is_empty() {
                        let line = format!("{label}: {text}");
                        lines.push((line.clone(), Tone::Text));
                        farewell.push(line);
                    }
                }
                ("prepare", record)
            }
            Other::Stress => {
                let kept = both_keep(p);
                let help = p
                    .chosen("help")
                    .and_then(|c| HELP.get(usize::from(c as u8 - b'a')))
                    .map(|h| (*h).to_string())
                    .unwrap_or_default();
                let mut record = TalkRecord {
                    initials: self
                        .names
                        .iter()
                        .map(|n| crate::words::initial(n))
                        .collect(),
                    heard: p.chosen("described") == Some('y'),
                    help: help.clone(),
                    kept,
                    turns: vec![crate::journal::TurnRecord {
                        who: crate::words::initial(&self.names[0]),
                        secs,
                        mirrors: 1 + self.not_quite,
                        not_quite: self.not_quite,
                    }],
                    ..Default::default()
                };
                if kept {
                    record.topic = p.text("what");
                    let how = p.text("how");
                    if !how.is_empty() {
                        record.words.push(Said {
                            who: crate::words::initial(&self.names[0]),
                            step: "how it helped".into(),
                            text: how,
                        });
                    }
                }
                if !help.is_empty() {
                    lines.push((
                        format!(
                            "{} asked for {help}; {} offered it.",
                            self.names[0], self.names[1]
                        ),
                        Tone::Text,
                    ));
                }
                ("stress", record)
            }
        };
        lines.push((self.credit.clone(), Tone::Dim));
        let mut session = Session::new(Exercise::Talk, variant, completed, secs);
        session.farewell = farewell;
        session.talk = Some(Box::new(record));
        Finished {
            session,
            summary: Summary::centred(lines),
        }
    }
}

impl Screen for TalkOther {
    fn kind(&self) -> Kind {
        Kind::Talk
    }

    fn bindings(&self) -> Tables {
        match self.safety {
            Some(safety) => safety.bindings(),
            None => self.pages.bindings(),
        }
    }

    fn enabled(&self, action: Action) -> bool {
        self.safety.is_some() || self.pages.enabled(action)
    }

    fn takes_text(&self) -> bool {
        self.safety.is_none() && self.pages.takes_text()
    }

    fn advance(&mut self, cx: &mut Cx) -> Outcome {
        if let Some(safety) = self.safety {
            safety.on_screen(cx);
        }
        Outcome::Ignored
    }

    fn handle(&mut self, action: Action, cx: &mut Cx) -> Outcome {
        if let Some(safety) = &mut self.safety {
            return match safety.handle(action) {
                SafetyAnswer::Done => {
                    self.safety = None;
                    Outcome::Changed
                }
                // An exercise session ends through its account, even unbegun.
                SafetyAnswer::Leave => Outcome::Ended(self.account(cx.now)),
                SafetyAnswer::Stay => Outcome::Changed,
                SafetyAnswer::Ignored => Outcome::Ignored,
            };
        }
        let id = self.pages.page().id.clone();
        let moved = self.pages.handle(action);
        if id == "described" && self.pages.chosen("described") == Some('n') && moved != Moved::Left
        {
            // Said again until it fits.
            self.not_quite += 1;
            if moved == Moved::Changed {
                self.pages.handle(Action::StepBack);
            }
            self.pages.clear_choice();
            return Outcome::Changed;
        }
        match moved {
            Moved::Finished if self.kind == Other::Stress && self.pages.page().id == "name-2" => {
                let Some(names) = two_names(&self.pages) else {
                    cx.notice("Two different first names, please");
                    return Outcome::Changed;
                };
                self.names = names;
                self.pages = self.stress_pages(cx.ctx);
                Outcome::Changed
            }
            Moved::Finished | Moved::Left => Outcome::Ended(self.account(cx.now)),
            Moved::Changed => {
                self.arriving(cx.ctx);
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

    fn abandon(&mut self, now: Instant) -> Option<Finished> {
        (!self.ended).then(|| self.account(now))
    }

    fn min_size(&self) -> Size {
        Size::new(30, 8)
    }

    fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        Drawn { screen: self, view }.render(area, buf);
    }

    fn cursor(&self, area: Rect, _view: &View) -> Option<Position> {
        if self.safety.is_some() {
            return None;
        }
        self.pages.cursor(area, 1)
    }
}

impl Widget for Drawn<'_, TalkOther> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let Self { screen, view } = self;
        if let Some(safety) = screen.safety {
            return safety.render(area, buf, view);
        }
        let theme = view.theme();
        let heading = match screen.kind {
            Other::Prepare => "Getting ready for a talk".to_string(),
            Other::Stress if screen.names[0].is_empty() => "A stress from outside".to_string(),
            Other::Stress => format!(
                "A stress from outside · {} and {}",
                screen.names[0], screen.names[1]
            ),
        };
        screen
            .pages
            .render(area, buf, theme, vec![(heading, theme.dim)]);
    }
}
