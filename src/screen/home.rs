//! Home: a calm line and the exercises, Breathe selected so one Enter
//! starts the default pattern. ← → change what a row starts (another
//! pattern, grounding variant or relaxation program).

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect, Size};
use ratatui::text::{Line, Span};
use ratatui::widgets::{ListItem, Paragraph, Widget};

use super::{Ctx, Cx, Drawn, Kind, Outcome, Route, Screen, View, can_move, move_in_list};
use crate::content::{Content, DEFAULT_PATTERN};
use crate::exercise::pause::Planned;
use crate::exercise::send::Plan;
use crate::exercise::timeline::Length;
use crate::keys::{self, Action, Tables};
use crate::ui;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Item {
    Breathe,
    Ground,
    Relax,
    Pause,
    Send,
    Reframe,
    Patterns,
    Ladder,
    Repair,
    Talk,
    Cards,
    Evidence,
    Good,
    Plan,
    History,
    Support,
}

/// What helps right now first, then what needs a calmer mind, then yours.
const ITEMS: [Item; 16] = [
    Item::Breathe,
    Item::Ground,
    Item::Relax,
    Item::Pause,
    Item::Send,
    Item::Reframe,
    Item::Patterns,
    Item::Ladder,
    Item::Repair,
    Item::Talk,
    Item::Cards,
    Item::Evidence,
    Item::Good,
    Item::Plan,
    Item::History,
    Item::Support,
];

/// The last row of each group: what helps right now (to Send), when you
/// are calmer (to Patterns), yours (to History); Support stands alone.
const GROUP_ENDS: [usize; 3] = [4, 9, 14];

pub struct Home {
    selected: usize,
    /// One quiet line when a user file could not be fully read.
    notice: Option<String>,
    /// The notice is about a broken file (it then stays, before any line).
    problem: bool,
    /// A "time to get help" line, once the recent journal was read.
    help_line: Option<String>,
    /// A repair's if-then to ask about: its record id and the line.
    follow_up: Option<(String, String)>,
    /// What is planned today and not done yet, and its line.
    due: Vec<crate::practice::Planned>,
    planned: Option<String>,
    /// What Enter starts on each exercise row; ← → change it.
    pattern: usize,
    grounding: usize,
    program: usize,
}

impl Home {
    pub fn new(ctx: &Ctx) -> Home {
        let files = ctx.content.problem_files();
        // A broken file, content or plan, is said before anything else.
        let problem = !files.is_empty() || ctx.plan.broken().is_some();
        let notice = match files.as_slice() {
            [] => None,
            [one] => Some(format!(
                "Skipped part of {}; `soothe check` says why.",
                file_name(one)
            )),
            many => Some(format!(
                "Skipped parts of {} content files; `soothe check` says why.",
                many.len()
            )),
        };
        // With nothing wrong, one offer may take the line: the plan's look.
        let today = ctx.clock.at(ctx.clock.start()).date_naive();
        let notice = notice.or_else(|| match &ctx.plan {
            crate::documents::Loaded::Read(plan) if plan.review_due(today) => {
                Some(ctx.content.say("plan.review").to_string())
            }
            crate::documents::Loaded::Broken(_) => Some(
                "Your safety plan (plan.toml) could not be read; the Plan row says where.".into(),
            ),
            _ => None,
        });
        let now = ctx.clock.at(ctx.clock.start()).naive_local();
        let notice = notice.or_else(|| {
            ctx.good_week
                .offers(now)
                .then(|| ctx.content.say("good.offer").to_string())
        });
        let content = &ctx.content;
        let position =
            |ids: Vec<&str>, wanted: &str| ids.iter().position(|id| *id == wanted).unwrap_or(0);
        Home {
            selected: 0,
            notice,
            problem,
            help_line: None,
            follow_up: None,
            due: Vec::new(),
            planned: None,
            pattern: position(
                content.pattern_ids(),
                ctx.settings
                    .default_pattern
                    .as_deref()
                    .unwrap_or(DEFAULT_PATTERN),
            ),
            grounding: position(
                content.grounding.iter().map(|g| g.id.as_str()).collect(),
                &content.default_grounding().id,
            ),
            program: position(
                content.programs.iter().map(|p| p.id.as_str()).collect(),
                &content.default_program().id,
            ),
        }
    }
}

impl Home {
    /// The one line under the menu: a broken file first, then a "time to
    /// get help" line, then an offer (the plan's look, good things).
    fn line(&self) -> Option<&str> {
        match (&self.notice, &self.help_line) {
            (Some(problem), _) if self.problem => Some(problem),
            (_, Some(help)) => Some(help),
            (notice, None) => self
                .follow_up
                .as_ref()
                .map(|(_, line)| line.as_str())
                .or(self.planned.as_deref())
                .or(notice.as_deref()),
        }
    }

    /// The follow-up's line is the one on show.
    fn asking_follow_up(&self) -> bool {
        self.follow_up.is_some() && self.line() == self.follow_up.as_ref().map(|(_, l)| l.as_str())
    }

    fn show_due(&mut self) {
        let lines: Vec<String> = self.due.iter().map(|p| p.line()).collect();
        self.planned = (!lines.is_empty()).then(|| format!("Planned today: {}", lines.join(" · ")));
    }

    /// Whether the line on show is one `x` dismisses (not a file problem,
    /// not an offer).
    fn dismissable(&self) -> bool {
        let line = self.line();
        line.is_some()
            && (line == self.help_line.as_deref()
                || line == self.planned.as_deref()
                || self.asking_follow_up())
    }

    /// Each row's name and its one line: what Enter would start.
    fn entries(&self, content: &Content) -> [(&'static str, String); 16] {
        let pattern = &content.patterns[self.pattern];
        let grounding = &content.grounding[self.grounding];
        let program = &content.programs[self.program];
        [
            (
                "Breathe",
                format!("{} · {}", pattern.name, pattern.rhythm()),
            ),
            (
                "Ground",
                format!("{} · {}", grounding.name, grounding.description),
            ),
            (
                "Relax",
                format!(
                    "{} · about {} min · tense and let go, group by group",
                    program.name,
                    (program.total_ms() + 30_000) / 60_000
                ),
            ),
            (
                "Pause",
                "a break from a heated talk, with a time to come back".to_string(),
            ),
            (
                "Send",
                "write the message, check it, let it sit, then decide".to_string(),
            ),
            (
                "Reframe",
                "name the anxious thought, weigh it, find a kinder one".to_string(),
            ),
            (
                "Patterns",
                format!(
                    "choose another rhythm ({} to pick from)",
                    content.patterns.len()
                ),
            ),
            (
                "Ladder",
                "time apart, practised in small planned steps".to_string(),
            ),
            (
                "Repair",
                "after a fight: both sides, your part, one thing next time".to_string(),
            ),
            (
                "Talk",
                "two of you, one keyboard: in turns, each heard before solving".to_string(),
            ),
            (
                "Cards",
                "your coping cards, the one that helped most first".to_string(),
            ),
            (
                "Evidence",
                "a kinder belief, and the evidence for it".to_string(),
            ),
            (
                "Good",
                "three things that went well today, and why".to_string(),
            ),
            (
                "Plan",
                "your safety plan, in your own words, for when it is very hard".to_string(),
            ),
            (
                "History",
                "past sessions, and what helps you most".to_string(),
            ),
            (
                "Support",
                "when it is too much: reaching a person".to_string(),
            ),
        ]
    }
}

impl Screen for Home {
    fn kind(&self) -> Kind {
        Kind::Home
    }

    fn bindings(&self) -> Tables {
        &[keys::HOME]
    }

    fn enabled(&self, action: Action) -> bool {
        match action {
            Action::Up | Action::Down => can_move(self.selected, action, ITEMS.len()),
            Action::Previous | Action::Next => {
                matches!(
                    ITEMS[self.selected],
                    Item::Breathe | Item::Ground | Item::Relax
                )
            }
            Action::Remove => self.dismissable(),
            Action::Digit(d) => self.asking_follow_up() && (1..=4).contains(&d),
            _ => true,
        }
    }

    fn min_size(&self) -> Size {
        Size::new(24, 5)
    }

    fn planned(&mut self, due: &[crate::practice::Planned]) {
        self.due = due.to_vec();
        self.show_due();
    }

    /// Done now: it leaves the line (until dismissed, or nothing is left).
    fn journaled(&mut self, record: &crate::journal::Record) {
        let before = self.due.len();
        self.due.retain(|p| !p.done_by(record));
        if self.due.len() != before && self.planned.is_some() {
            self.show_due();
        }
    }

    fn follow_up(&mut self, repair: &str, if_then: &str) -> bool {
        let line =
            format!("How did it go? \"{if_then}\" 1 did it · 2 partly · 3 not yet · 4 no chance");
        self.follow_up = Some((repair.to_string(), line));
        self.asking_follow_up()
    }

    fn help_line(&mut self, line: &str) -> bool {
        self.help_line = Some(line.to_string());
        // A broken file's notice keeps the line; then it was not shown.
        !self.problem
    }

    fn handle(&mut self, action: Action, cx: &mut Cx) -> Outcome {
        let ctx = cx.ctx;
        if let Action::Digit(d) = action
            && self.asking_follow_up()
            && let Some((repair, _)) = self.follow_up.take()
        {
            use crate::journal::FollowedUp;
            let answer = match d {
                1 => FollowedUp::DidIt,
                2 => FollowedUp::Partly,
                3 => FollowedUp::NotYet,
                _ => FollowedUp::NoChance,
            };
            let mut session = crate::journal::Session::new(
                crate::journal::Exercise::Repair,
                "follow-up",
                true,
                0,
            );
            session.repair = Some(Box::new(crate::journal::RepairRecord {
                of: Some(repair),
                answer: Some(answer),
                ..Default::default()
            }));
            cx.note(session);
            cx.notice("Noted, thank you");
            return Outcome::Changed;
        }
        if action == Action::Remove && self.dismissable() {
            // The line on show goes: a help line first, then a follow-up,
            // then today's plan.
            if self.help_line.take().is_none() && self.follow_up.take().is_none() {
                self.planned = None;
            }
            return Outcome::Changed;
        }
        if let Some(next) = move_in_list(self.selected, action, ITEMS.len()) {
            self.selected = next;
            return Outcome::Changed;
        }
        let content = &ctx.content;
        match action {
            Action::Previous | Action::Next => {
                let (choice, count) = match ITEMS[self.selected] {
                    Item::Breathe => (&mut self.pattern, content.patterns.len()),
                    Item::Ground => (&mut self.grounding, content.grounding.len()),
                    Item::Relax => (&mut self.program, content.programs.len()),
                    Item::Pause
                    | Item::Send
                    | Item::Reframe
                    | Item::Ladder
                    | Item::Repair
                    | Item::Talk
                    | Item::Patterns
                    | Item::Cards
                    | Item::Evidence
                    | Item::Good
                    | Item::Plan
                    | Item::History
                    | Item::Support => {
                        return Outcome::Ignored;
                    }
                };
                *choice = if action == Action::Next {
                    (*choice + 1) % count
                } else {
                    (*choice + count - 1) % count
                };
                Outcome::Changed
            }
            Action::Select => Outcome::Open(match ITEMS[self.selected] {
                Item::Breathe => Route::Breathe {
                    pattern: content.patterns[self.pattern].clone(),
                    length: Length::Forever,
                },
                Item::Ground => Route::Ground {
                    variant: content.grounding[self.grounding].clone(),
                },
                Item::Relax => Route::Relax {
                    program: content.programs[self.program].clone(),
                },
                Item::Pause => Route::Pause {
                    planned: Planned::default(),
                },
                Item::Send => Route::Send {
                    plan: Plan::default(),
                },
                Item::Reframe => Route::Reframe,
                Item::Ladder => Route::Ladder {
                    start: crate::session::LadderStart::Show,
                },
                Item::Repair => Route::Repair,
                Item::Talk => Route::Talk,
                Item::Patterns => Route::Patterns,
                Item::Plan => Route::Plan { edit: false },
                Item::Cards => Route::Cards {
                    at: None,
                    form: None,
                },
                Item::Evidence => Route::Evidence,
                Item::Good => Route::Good,
                Item::History => Route::History,
                Item::Support => Route::Support,
            }),
            Action::Back => Outcome::Back,
            _ => Outcome::Ignored,
        }
    }

    fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        Drawn { screen: self, view }.render(area, buf);
    }
}

/// The menu at one instant, as a ratatui widget.
impl Widget for Drawn<'_, Home> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let Self { screen, view } = self;
        let ctx = view.ctx;
        let theme = &ctx.theme;
        let entries = screen.entries(&ctx.content);
        let width = area.width as usize;
        // Height bands: the calm sentence from 10 rows, air between rows from 14.
        let intro = if area.height >= 10 { 4 } else { 1 };
        let line = screen.line();
        let notice = u16::from(line.is_some());
        // Air between rows only when every row still shows (no scrolling).
        // Air between the groups (right now · when calmer · yours · support)
        // when every row still shows with it.
        let roomy =
            area.height >= intro + ITEMS.len() as u16 + GROUP_ENDS.len() as u16 + 2 * notice;
        // Plain rows and one fill: no solver on the menu's first frame either.
        let [top, list, _, notice_row] = ui::stack(
            area,
            [
                Constraint::Length(intro),
                Constraint::Fill(1),
                Constraint::Length(notice),
                Constraint::Length(notice),
            ],
        );
        let mut head = vec![Line::styled(" soothe", theme.title)];
        if intro > 1 {
            head.push(Line::default());
            head.push(Line::styled(
                ui::fit(
                    " Nothing to decide. Breathe with the shape, slow and easy.",
                    width,
                ),
                theme.text,
            ));
        }
        Paragraph::new(head).render(top, buf);

        let items: Vec<ListItem> = entries
            .iter()
            .enumerate()
            .map(|(i, (name, detail))| {
                let name_style = if i == screen.selected {
                    theme.selected
                } else {
                    theme.text
                };
                let head = format!("{name:<10}");
                let detail = ui::fit(detail, width.saturating_sub(head.chars().count() + 4));
                let mut lines = vec![Line::from(vec![
                    Span::styled(head, name_style),
                    Span::styled(detail, theme.dim),
                ])];
                if roomy && GROUP_ENDS.contains(&i) {
                    lines.push(Line::default());
                }
                ListItem::new(lines)
            })
            .collect();
        ui::menu(items, screen.selected, list, buf);
        if let Some(notice) = line {
            Paragraph::new(Line::styled(
                ui::fit(&format!(" {notice}"), width),
                theme.notice,
            ))
            .render(notice_row, buf);
        }
    }
}

fn file_name(path: &str) -> &str {
    std::path::Path::new(path)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(path)
}
