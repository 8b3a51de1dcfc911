//! Transition tables of the session machine, grouped by phase. No
//! rendering, no terminal: events in, commands out.

use std::time::{Duration, Instant};

use super::*;
use crate::content::Content;
use crate::journal::{Noticed, ThoughtRecord};

/// The instant the shared test support's fixed clock is anchored at.
fn start() -> Instant {
    crate::testing::ctx().clock.start()
}

fn clock(t0: Instant) -> WallClock {
    WallClock::new(
        t0,
        chrono::DateTime::parse_from_rfc3339("2026-11-22T08:00:00+01:00").unwrap(),
    )
}

fn breathe() -> Route {
    Route::Breathe {
        pattern: Content::builtin().pattern("4-4-6").unwrap().clone(),
        length: Length::Forever,
    }
}

fn ground() -> Route {
    Route::Ground {
        variant: Content::builtin().grounding("5-4-3-2-1").unwrap().clone(),
    }
}

fn finished(exercise: Exercise) -> Finished {
    Finished {
        session: Session::new(exercise, "4-4-6", false, 30),
        summary: Summary::default(),
    }
}

fn secs(n: u64) -> Duration {
    Duration::from_secs(n)
}

fn records(commands: &[Command]) -> Vec<&Record> {
    commands
        .iter()
        .filter_map(|c| match c {
            Command::AppendJournal(r) => Some(r),
            _ => None,
        })
        .collect()
}

fn questions(commands: &[Command]) -> Option<Vec<Question>> {
    commands.iter().find_map(|c| match c {
        Command::Replace(Route::Ending { questions, .. }) => Some(questions.clone()),
        _ => None,
    })
}

mod idle {
    use super::*;

    #[test]
    fn a_direct_start_runs_at_once_with_nothing_asked() {
        let t0 = start();
        let mut s = Sessions::new(clock(t0), true, false);
        let out = s.handle(Event::Start {
            route: breathe(),
            direct: true,
            now: t0,
        });
        assert_eq!(out, vec![Command::Push(breathe())]);
        assert_eq!(s.phase(), PhaseName::Running);
    }

    #[test]
    fn a_menu_start_asks_first_when_check_ins_are_on() {
        let t0 = start();
        let mut s = Sessions::new(clock(t0), true, false);
        let out = s.handle(Event::Start {
            route: breathe(),
            direct: false,
            now: t0,
        });
        assert_eq!(out, vec![Command::Push(Route::CheckIn)]);
        assert_eq!(s.phase(), PhaseName::AskingBefore);
    }

    #[test]
    fn without_check_ins_or_for_a_reframe_a_menu_start_runs_at_once() {
        let t0 = start();
        let mut off = Sessions::new(clock(t0), false, false);
        let out = off.handle(Event::Start {
            route: breathe(),
            direct: false,
            now: t0,
        });
        assert_eq!(out, vec![Command::Push(breathe())]);
        let mut on = Sessions::new(clock(t0), true, false);
        let out = on.handle(Event::Start {
            route: Route::Reframe,
            direct: false,
            now: t0,
        });
        assert_eq!(out, vec![Command::Push(Route::Reframe)]);
    }

    #[test]
    fn events_of_other_phases_do_nothing() {
        let t0 = start();
        let mut s = Sessions::new(clock(t0), true, false);
        assert!(s.handle(Event::Back).is_empty());
        assert!(s.handle(Event::Rated(Ratings::default())).is_empty());
        assert_eq!(
            s.handle(Event::Quit {
                unfinished: None,
                now: t0
            }),
            vec![Command::Quit]
        );
    }
}

mod asking_before {
    use super::*;

    fn asking(t0: Instant) -> Sessions {
        let mut s = Sessions::new(clock(t0), true, false);
        s.handle(Event::Start {
            route: breathe(),
            direct: false,
            now: t0,
        });
        s
    }

    #[test]
    fn an_answer_starts_the_exercise_in_the_check_ins_place() {
        let t0 = start();
        let mut s = asking(t0);
        let out = s.handle(Event::Before {
            rating: Some(6),
            now: t0 + secs(3),
        });
        assert_eq!(out, vec![Command::Replace(breathe())]);
        // Ending it asks only "now", and the record keeps the 6.
        let out = s.handle(Event::Ended {
            finished: finished(Exercise::Breathe),
            now: t0 + secs(33),
        });
        assert_eq!(questions(&out), Some(vec![Question::AfterNow]));
        let out = s.handle(Event::Back);
        let record = records(&out)[0];
        assert_eq!((record.before, record.after), (Some(6), None));
        assert_eq!(record.started_at.to_rfc3339(), "2026-11-22T08:00:03+01:00");
    }

    #[test]
    fn back_returns_to_the_menu_and_starts_nothing() {
        let t0 = start();
        let mut s = asking(t0);
        assert_eq!(s.handle(Event::Back), vec![Command::Pop]);
        assert_eq!(s.phase(), PhaseName::Idle);
    }

    #[test]
    fn quitting_here_writes_nothing() {
        let t0 = start();
        let mut s = asking(t0);
        let out = s.handle(Event::Quit {
            unfinished: None,
            now: t0,
        });
        assert_eq!(out, vec![Command::Quit]);
    }
}

mod running {
    use super::*;

    fn running(t0: Instant, checkins: bool) -> Sessions {
        let mut s = Sessions::new(clock(t0), checkins, false);
        s.handle(Event::Start {
            route: breathe(),
            direct: true,
            now: t0,
        });
        s
    }

    #[test]
    fn after_a_direct_start_the_ending_asks_both_questions() {
        let t0 = start();
        let mut s = running(t0, true);
        let out = s.handle(Event::Ended {
            finished: finished(Exercise::Breathe),
            now: t0 + secs(30),
        });
        assert_eq!(
            questions(&out),
            Some(vec![Question::BeforeYouStarted, Question::AfterNow])
        );
        assert!(records(&out).is_empty(), "written when the ending is left");
        assert_eq!(s.phase(), PhaseName::Ending);
    }

    #[test]
    fn without_check_ins_the_ending_asks_nothing_and_the_record_is_written_at_once() {
        let t0 = start();
        let mut s = running(t0, false);
        let out = s.handle(Event::Ended {
            finished: finished(Exercise::Breathe),
            now: t0 + secs(30),
        });
        assert_eq!(questions(&out), Some(vec![]));
        let record = records(&out)[0];
        assert_eq!(record.ended_at.to_rfc3339(), "2026-11-22T08:00:30+01:00");
        // Leaving it writes nothing twice.
        assert_eq!(s.handle(Event::Back), vec![Command::Pop]);
    }

    #[test]
    fn switching_records_the_one_left_and_keeps_the_rating_from_the_start() {
        let t0 = start();
        let mut s = Sessions::new(clock(t0), true, false);
        s.handle(Event::Start {
            route: breathe(),
            direct: false,
            now: t0,
        });
        s.handle(Event::Before {
            rating: Some(8),
            now: t0,
        });
        let out = s.handle(Event::SwitchTo {
            left: finished(Exercise::Breathe),
            route: ground(),
            now: t0 + secs(20),
        });
        assert_eq!(records(&out)[0].before, Some(8));
        assert_eq!(out.last(), Some(&Command::Replace(ground())));
        let out = s.handle(Event::Ended {
            finished: finished(Exercise::Ground),
            now: t0 + secs(60),
        });
        assert_eq!(questions(&out), Some(vec![Question::AfterNow]));
        let record = s.handle(Event::Back);
        let record = records(&record)[0].clone();
        assert_eq!(record.before, Some(8));
        assert_eq!(record.started_at.to_rfc3339(), "2026-11-22T08:00:20+01:00");
    }

    #[test]
    fn quitting_mid_exercise_writes_it_as_left() {
        let t0 = start();
        let mut s = running(t0, true);
        let out = s.handle(Event::Quit {
            unfinished: Some(finished(Exercise::Breathe)),
            now: t0 + secs(9),
        });
        assert_eq!(records(&out).len(), 1);
        assert!(!records(&out)[0].completed);
        assert_eq!(out.last(), Some(&Command::Quit));
    }

    #[test]
    fn a_reframe_prints_its_lines_and_keeps_its_own_ratings() {
        let t0 = start();
        let mut s = Sessions::new(clock(t0), true, false);
        s.handle(Event::Start {
            route: Route::Reframe,
            direct: true,
            now: t0,
        });
        let mut session = Session::new(Exercise::Reframe, "thought-record", true, 90);
        session.reframe = Some(Box::new(ThoughtRecord {
            balanced: "I can wait".into(),
            strength_before: Some(80),
            strength_after: Some(44),
            ..Default::default()
        }));
        let out = s.handle(Event::Ended {
            finished: Finished {
                session,
                summary: Summary::default(),
            },
            now: t0 + secs(90),
        });
        assert_eq!(
            out[0],
            Command::PrintOnExit(vec!["Balanced thought: I can wait".into()])
        );
        assert_eq!(questions(&out), Some(vec![]));
        let record = records(&out)[0];
        assert_eq!((record.before, record.after), (Some(8), Some(4)));
    }
}

#[test]
fn a_reframe_left_by_ctrl_c_still_prints_its_lines() {
    let t0 = start();
    let mut s = Sessions::new(clock(t0), true, false);
    s.handle(Event::Start {
        route: Route::Reframe,
        direct: true,
        now: t0,
    });
    let mut session = Session::new(Exercise::Reframe, "thought-record", false, 9);
    session.reframe = Some(Box::new(ThoughtRecord {
        balanced: "Slow is not gone".into(),
        ..Default::default()
    }));
    let out = s.handle(Event::Quit {
        unfinished: Some(Finished {
            session,
            summary: Summary::default(),
        }),
        now: t0 + secs(9),
    });
    assert_eq!(
        out[0],
        Command::PrintOnExit(vec!["Balanced thought: Slow is not gone".into()])
    );
    assert_eq!(records(&out).len(), 1);
}

mod ending {
    use super::*;

    fn ending(t0: Instant, save_text: bool) -> Sessions {
        let mut s = Sessions::new(clock(t0), true, save_text);
        s.handle(Event::Start {
            route: ground(),
            direct: true,
            now: t0,
        });
        let mut session = Session::new(Exercise::Ground, "5-4-3-2-1", true, 40);
        session.noticed = vec![Noticed {
            sense: "see".into(),
            text: "lamp".into(),
        }];
        s.handle(Event::Ended {
            finished: Finished {
                session,
                summary: Summary::default(),
            },
            now: t0 + secs(40),
        });
        s
    }

    #[test]
    fn answers_are_kept_and_written_when_it_is_left() {
        let t0 = start();
        let mut s = ending(t0, false);
        assert!(
            s.handle(Event::Rated(Ratings {
                before: Some(7),
                after: Some(4)
            }))
            .is_empty()
        );
        let out = s.handle(Event::Back);
        assert_eq!(out.last(), Some(&Command::Pop));
        let record = records(&out)[0];
        assert_eq!((record.before, record.after), (Some(7), Some(4)));
        assert!(record.noticed.is_empty(), "typed text only with save_text");
        assert_eq!(s.phase(), PhaseName::Idle);
    }

    #[test]
    fn quitting_from_the_ending_writes_what_was_answered() {
        let t0 = start();
        let mut s = ending(t0, true);
        s.handle(Event::Rated(Ratings {
            before: Some(5),
            after: None,
        }));
        let out = s.handle(Event::Quit {
            unfinished: None,
            now: t0 + secs(99),
        });
        let record = records(&out)[0];
        assert_eq!((record.before, record.after), (Some(5), None));
        assert_eq!(record.noticed.len(), 1);
        assert_eq!(record.ended_at.to_rfc3339(), "2026-11-22T08:00:40+01:00");
    }
}

mod inside_a_break {
    use super::*;
    use crate::exercise::pause::Planned;

    fn pause() -> Route {
        Route::Pause {
            planned: Planned::Minutes(20),
        }
    }

    #[test]
    fn an_exercise_inside_runs_as_usual_and_is_handed_back_not_recorded() {
        let t0 = start();
        let mut machine = Sessions::new(clock(t0), true, false);
        machine.handle(Event::Start {
            route: pause(),
            direct: false,
            now: t0,
        });
        // A break asks its own questions: no check-in before it.
        assert_eq!(machine.phase(), PhaseName::Running);
        let commands = machine.handle(Event::Within {
            route: breathe(),
            now: t0 + secs(60),
        });
        assert_eq!(commands, [Command::Push(breathe())]);
        // Breathing → grounding inside: the breathing goes back to the break.
        let commands = machine.handle(Event::SwitchTo {
            left: finished(Exercise::Breathe),
            route: ground(),
            now: t0 + secs(90),
        });
        assert_eq!(
            commands,
            [
                Command::Replace(ground()),
                Command::TakeBack(finished(Exercise::Breathe))
            ]
        );
        let commands = machine.handle(Event::Ended {
            finished: finished(Exercise::Ground),
            now: t0 + secs(120),
        });
        assert_eq!(
            commands,
            [Command::Pop, Command::TakeBack(finished(Exercise::Ground))]
        );
        assert_eq!(machine.phase(), PhaseName::Running);
        // The break itself ends into its ending, as one v2 record.
        let commands = machine.handle(Event::Ended {
            finished: finished(Exercise::Pause),
            now: t0 + secs(1200),
        });
        let written = records(&commands);
        assert_eq!(written.len(), 1);
        assert_eq!((written[0].v, written[0].exercise), (2, Exercise::Pause));
        assert_eq!(questions(&commands), Some(vec![]));
    }
}
