//! A progressive muscle relaxation session: a program laid out on the shared
//! timeline as tense, let go, tense, let go... once through. Skipping moves
//! the position to a step's start; extending a release lengthens only what
//! lies ahead. Pure: every answer is for an instant handed in.

use std::time::Instant;

use super::timed::Timed;
use super::timeline::{Length, Sample, Segment, Timeline};
use crate::content::{Program, RelaxStep};
use crate::journal::{Exercise, Session};

/// What Enter adds to a release: time, never pressure.
pub const EXTEND_MS: u64 = 10_000;
/// A release can be stretched to at most this long.
pub const LONGEST_RELEASE_MS: u64 = 5 * 60_000;
/// The phase bar moves in this many steps while motion is on.
pub const BAR_LEVELS: u16 = 64;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Tense,
    Release,
}

impl Part {
    pub fn words(self) -> &'static str {
        match self {
            Part::Tense => "Tense",
            Part::Release => "Let go",
        }
    }

    /// One ring to tense, two to let go, so eyes can stay closed.
    pub fn rings(self) -> u8 {
        match self {
            Part::Tense => 1,
            Part::Release => 2,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stage {
    /// 0-based muscle group.
    pub step: usize,
    pub part: Part,
}

/// Everything the Relax screen shows, for one instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct View {
    pub stage: Stage,
    pub seconds_left: u64,
    /// Time spent (not the position: skips move that).
    pub elapsed_secs: u64,
    /// How far through this tense or release, 0..=BAR_LEVELS.
    pub level: u16,
    pub paused: bool,
    pub finished: bool,
}

/// How a session ended, for the summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ended {
    /// Groups whose letting go was reached (not skipped past while tensing).
    pub relaxed: usize,
    pub groups: usize,
    pub elapsed_secs: u64,
    /// The program ran to its end (rather than the person stopping it).
    pub completed: bool,
}

#[derive(Debug, Clone)]
pub struct Relaxation {
    program: Program,
    timeline: Timeline<Stage>,
    /// Groups whose letting go was reached.
    relaxed: Vec<bool>,
}

impl Relaxation {
    pub fn new(program: Program, now: Instant) -> Relaxation {
        let segments = program
            .steps
            .iter()
            .enumerate()
            .flat_map(|(step, s)| {
                [
                    Segment {
                        kind: Stage {
                            step,
                            part: Part::Tense,
                        },
                        ms: s.tense_ms,
                    },
                    Segment {
                        kind: Stage {
                            step,
                            part: Part::Release,
                        },
                        ms: s.release_ms,
                    },
                ]
            })
            .collect();
        let groups = program.steps.len();
        Relaxation {
            timeline: Timeline::new(segments, Length::Cycles(1), now),
            program,
            relaxed: vec![false; groups],
        }
    }

    pub fn program(&self) -> &Program {
        &self.program
    }

    pub fn groups(&self) -> usize {
        self.program.steps.len()
    }

    pub fn step(&self, index: usize) -> &RelaxStep {
        &self.program.steps[index]
    }

    pub fn sample(&self, now: Instant) -> Sample<Stage> {
        self.timeline.sample(now)
    }

    pub fn is_paused(&self) -> bool {
        self.timeline.is_paused()
    }

    pub fn view(&self, now: Instant, motion: bool) -> View {
        let sample = self.timeline.sample(now);
        let seconds_left = sample.remaining_ms().div_ceil(1000);
        let shown_into = if motion || sample.finished {
            sample.into_ms
        } else {
            sample.segment_ms.saturating_sub(seconds_left * 1000)
        };
        View {
            stage: sample.kind,
            seconds_left,
            elapsed_secs: self.timeline.active_ms(now) / 1000,
            level: level_of(shown_into, sample.segment_ms),
            paused: self.is_paused(),
            finished: sample.finished,
        }
    }

    /// `→`: the next group's start, or the end after the last group.
    pub fn skip_forward(&mut self, now: Instant) {
        let sample = self.timeline.sample(now);
        if sample.finished {
            return;
        }
        let next = sample.kind.step + 1;
        let target = if next < self.groups() {
            self.timeline.segment_start_ms(0, next * 2)
        } else {
            self.timeline.total_ms().unwrap_or(0)
        };
        self.timeline.jump_to(now, target);
    }

    /// `←`: the previous group's start (the first group starts over).
    pub fn skip_back(&mut self, now: Instant) {
        let sample = self.timeline.sample(now);
        let step = sample.kind.step.saturating_sub(1);
        self.timeline
            .jump_to(now, self.timeline.segment_start_ms(0, step * 2));
    }

    /// Enter while letting go: ten more seconds of it. Returns false when
    /// not letting go, or when the release is already as long as it gets.
    pub fn extend(&mut self, now: Instant) -> bool {
        let sample = self.timeline.sample(now);
        if sample.finished
            || sample.kind.part != Part::Release
            || sample.segment_ms + EXTEND_MS > LONGEST_RELEASE_MS
        {
            return false;
        }
        self.timeline.lengthen(sample.index, EXTEND_MS);
        true
    }

    /// Seconds the session takes from here with no skips (for the plan line).
    pub fn total_secs(&self) -> u64 {
        self.timeline.total_ms().unwrap_or(0) / 1000
    }

    /// Stops the clock and sums the session up.
    pub fn end(&mut self, now: Instant, completed: bool) -> Ended {
        let elapsed_secs = self.timeline.active_ms(now) / 1000;
        self.timeline.pause(now);
        Ended {
            relaxed: self.relaxed.iter().filter(|r| **r).count(),
            groups: self.groups(),
            elapsed_secs,
            completed,
        }
    }

    /// The journal's account of a session that ended so.
    pub fn session(&self, ended: &Ended) -> Session {
        let mut session = Session::new(
            Exercise::Relax,
            &self.program.id,
            ended.completed,
            ended.elapsed_secs,
        );
        session.steps_done = Some(ended.relaxed as u32);
        session.steps_total = Some(ended.groups as u32);
        session
    }
}

impl Timed for Relaxation {
    type Kind = Stage;

    fn timeline(&self) -> &Timeline<Stage> {
        &self.timeline
    }

    fn timeline_mut(&mut self) -> &mut Timeline<Stage> {
        &mut self.timeline
    }

    fn rings(&self, stage: Stage) -> u8 {
        stage.part.rings()
    }

    fn on_enter(&mut self, stage: Stage) {
        if stage.part == Part::Release {
            self.relaxed[stage.step] = true;
        }
    }

    /// The bar's next level: the first millisecond it reaches current + 1.
    fn next_frame_ms(&self, sample: &Sample<Stage>) -> Option<u64> {
        let current = level_of(sample.into_ms, sample.segment_ms);
        let at = (u64::from(current) + 1) * sample.segment_ms;
        Some(at.div_ceil(u64::from(BAR_LEVELS)))
    }
}

fn level_of(into_ms: u64, segment_ms: u64) -> u16 {
    if segment_ms == 0 {
        return BAR_LEVELS;
    }
    (into_ms.min(segment_ms) * u64::from(BAR_LEVELS) / segment_ms) as u16
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;
    use crate::content::Content;
    use crate::exercise::timed::Driver;
    use crate::exercise::timeline::Wake;

    fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    fn session(id: &str, t0: Instant) -> Relaxation {
        Relaxation::new(Content::builtin().program(id).unwrap().clone(), t0)
    }

    fn wake_at(s: &Relaxation, now: Instant, motion: bool) -> Wake {
        Driver::new(s.clone()).next_wake(now, motion)
    }

    /// Looks every 250 ms as the event loop would, collecting stages entered.
    fn run(d: &mut Driver<Relaxation>, from: Instant, to: Instant) -> Vec<(Stage, Instant)> {
        let mut seen = Vec::new();
        let mut t = from;
        loop {
            if let Some(stage) = d.tick(t).entered {
                seen.push((stage, t));
            }
            if t >= to {
                return seen;
            }
            t = (t + ms(250)).min(to);
        }
    }

    #[test]
    fn every_builtin_program_changes_stage_exactly_on_its_boundaries() {
        let t0 = Instant::now();
        for program in Content::builtin().programs {
            let s = Relaxation::new(program.clone(), t0);
            let mut at = 0;
            for (i, step) in program.steps.iter().enumerate() {
                for (part, length) in [
                    (Part::Tense, step.tense_ms),
                    (Part::Release, step.release_ms),
                ] {
                    let stage = Stage { step: i, part };
                    let first = s.view(t0 + ms(at), true);
                    let last = s.view(t0 + ms(at + length - 1), true);
                    assert_eq!(first.stage, stage, "{} start of {i}", program.id);
                    assert_eq!(last.stage, stage, "{} end of {i}", program.id);
                    assert_eq!(first.seconds_left, length / 1000);
                    assert_eq!(last.seconds_left, 1);
                    at += length;
                }
            }
            assert_eq!(at, program.total_ms());
            assert!(s.view(t0 + ms(at), true).finished, "{}", program.id);
            assert!(!s.view(t0 + ms(at - 1), true).finished);
        }
    }

    #[test]
    fn stages_are_entered_once_each_in_order() {
        let t0 = Instant::now();
        let mut d = Driver::new(session("4-group", t0));
        let end = t0 + ms(d.exercise().program().total_ms() + 1000);
        let seen = run(&mut d, t0, end);
        let stages: Vec<Stage> = seen.iter().map(|(stage, _)| *stage).collect();
        assert_eq!(stages.len(), 8);
        assert_eq!(
            stages[0],
            Stage {
                step: 0,
                part: Part::Tense
            }
        );
        assert_eq!(
            stages[7],
            Stage {
                step: 3,
                part: Part::Release
            }
        );
        let rings: Vec<u8> = stages.iter().map(|s| s.part.rings()).collect();
        assert_eq!(rings, [1, 2, 1, 2, 1, 2, 1, 2]);
    }

    #[test]
    fn skip_forward_and_back_move_by_whole_groups() {
        let t0 = Instant::now();
        let mut s = session("7-group", t0);
        let t = t0 + ms(1_500);
        s.skip_forward(t);
        assert_eq!(
            s.view(t, true).stage,
            Stage {
                step: 1,
                part: Part::Tense
            }
        );
        assert_eq!(s.view(t, true).seconds_left, 6);
        s.skip_forward(t);
        s.skip_back(t);
        assert_eq!(s.view(t, true).stage.step, 1);
        s.skip_back(t);
        s.skip_back(t);
        assert_eq!(
            s.view(t, true).stage,
            Stage {
                step: 0,
                part: Part::Tense
            }
        );
        // After a skip back the group's start is announced again.
        let mut d = Driver::new(s);
        d.tick(t);
        d.replay_step();
        assert_eq!(
            d.tick(t).entered,
            Some(Stage {
                step: 0,
                part: Part::Tense
            })
        );
        let s = d.exercise_mut();
        for _ in 0..7 {
            s.skip_forward(t);
        }
        assert!(s.view(t, true).finished);
        // Time keeps its grid after skips: 6 s later group 1 lets go.
        let mut s = session("7-group", t0);
        s.skip_forward(t0 + ms(1_000));
        let v = s.view(t0 + ms(7_000), true);
        assert_eq!(
            v.stage,
            Stage {
                step: 1,
                part: Part::Release
            }
        );
        assert_eq!(v.seconds_left, 30);
    }

    #[test]
    fn enter_extends_only_a_release_by_ten_seconds() {
        let t0 = Instant::now();
        let mut s = session("7-group", t0);
        assert!(!s.extend(t0 + ms(1_000)), "tensing is not extended");
        let t = t0 + ms(20_000);
        assert_eq!(s.view(t, true).seconds_left, 16);
        assert!(s.extend(t));
        let v = s.view(t, true);
        assert_eq!((v.stage.part, v.seconds_left), (Part::Release, 26));
        // The next group starts 10 s later than planned, and the total grows.
        assert_eq!(s.view(t0 + ms(45_999), true).stage.step, 0);
        assert_eq!(s.view(t0 + ms(46_000), true).stage.step, 1);
        let mut extended = 0;
        while s.extend(t) {
            extended += 1;
        }
        assert_eq!(extended, (LONGEST_RELEASE_MS - 40_000) / EXTEND_MS);
    }

    #[test]
    fn a_pause_shifts_everything_by_its_length() {
        let t0 = Instant::now();
        let mut paused = session("4-group", t0);
        let steady = session("4-group", t0);
        paused.timeline_mut().toggle_pause(t0 + ms(4_000));
        paused.timeline_mut().toggle_pause(t0 + ms(16_500));
        for at in (0..200_000).step_by(777) {
            let a = paused.view(t0 + ms(16_500 + at), true);
            let b = steady.view(t0 + ms(4_000 + at), true);
            assert_eq!(a, b, "at {at}");
        }
        assert!(wake_at(&paused, t0 + ms(1), true).exact.is_some());
        paused.timeline_mut().toggle_pause(t0 + ms(20_000));
        assert_eq!(wake_at(&paused, t0 + ms(20_000), true), Wake::default());
    }

    #[test]
    fn the_summary_counts_groups_let_go_and_active_time() {
        let t0 = Instant::now();
        let mut d = Driver::new(session("4-group", t0));
        let end = t0 + ms(d.exercise().program().total_ms());
        run(&mut d, t0, end);
        assert_eq!(
            d.exercise_mut().end(end, true),
            Ended {
                relaxed: 4,
                groups: 4,
                elapsed_secs: 183,
                completed: true
            }
        );
        // Skipping through while tensing lets nothing go.
        let mut d = Driver::new(session("4-group", t0));
        for _ in 0..4 {
            run(&mut d, t0, t0);
            d.exercise_mut().skip_forward(t0);
        }
        let ended = d.exercise_mut().end(t0, true);
        assert_eq!((ended.relaxed, ended.groups), (0, 4));
    }

    #[test]
    fn the_clock_counts_time_spent_and_ticks_on_its_own_seconds_after_a_skip() {
        let t0 = Instant::now();
        let mut s = session("7-group", t0);
        s.skip_forward(t0 + ms(2_500));
        let v = s.view(t0 + ms(2_500), true);
        assert_eq!((v.stage.step, v.elapsed_secs), (1, 2));
        // Position 36 000 ms, time spent 2 500: the clock ticks at 3 s spent.
        let wake = wake_at(&s, t0 + ms(2_500), false);
        assert_eq!(wake.exact, Some(t0 + ms(3_000)));
    }

    #[test]
    fn wakes_land_on_second_ticks_and_bar_levels() {
        let t0 = Instant::now();
        let s = session("7-group", t0);
        let wake = wake_at(&s, t0 + ms(10), true);
        assert_eq!(wake.exact, Some(t0 + ms(1_000)));
        // 6 s over 64 levels: the first level change at 94 ms (6000/64 rounded up).
        assert_eq!(wake.frame, Some(t0 + ms(94)));
        let calm = wake_at(&s, t0 + ms(100), false);
        assert_eq!(calm.frame, None);
        let v = s.view(t0 + ms(94), true);
        assert_eq!(v.level, 1);
        assert_eq!(s.view(t0 + ms(93), true).level, 0);
        // Reduced motion: the bar moves with the shown seconds only.
        assert_eq!(s.view(t0 + ms(999), false).level, 0);
        assert_eq!(s.view(t0 + ms(1_000), false).level, 10);
    }
}
