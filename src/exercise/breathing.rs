//! A paced-breathing session: a pattern on the timeline, plus what a person
//! sees of it (the words, the seconds, how full the pacer is) and when that
//! picture next changes. Pure: every answer is for an instant handed in.

use std::f64::consts::PI;
use std::time::Instant;

use super::timed::Timed;
use super::timeline::{Length, Sample, Segment, Timeline};
use crate::content::{Pattern, PhaseKind};
use crate::journal::{Exercise, Session};

/// The pacer's fill is quantised to this many steps per full breath, so the
/// screen redraws only when the picture can actually differ.
pub const LEVELS: u16 = 64;
pub const PACE_STEP: u32 = 10;
pub const PACE_RANGE: (u32, u32) = (50, 200);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    pub kind: PhaseKind,
    /// An inhale straight after another inhale (the sigh's extra sip).
    pub top_up: bool,
}

impl Step {
    pub fn words(self) -> &'static str {
        match (self.kind, self.top_up) {
            (PhaseKind::Inhale, false) => "Breathe in",
            (PhaseKind::Inhale, true) => "A little more in",
            (PhaseKind::Hold, _) => "Hold",
            (PhaseKind::Exhale, _) => "Breathe out",
            (PhaseKind::Rest, _) => "Rest",
        }
    }

    /// Bell rings on entering this step: one to breathe in, two to breathe
    /// out, none on holds, so the phases can be told apart with eyes closed.
    pub fn rings(self) -> u8 {
        match (self.kind, self.top_up) {
            (PhaseKind::Inhale, false) => 1,
            (PhaseKind::Exhale, _) => 2,
            _ => 0,
        }
    }
}

/// Everything the Breathe screen shows, for one instant. Two views that are
/// equal draw the same picture.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct View {
    pub step: Step,
    pub seconds_left: u64,
    /// 1-based cycle being breathed (the last one once finished).
    pub cycle: u32,
    pub cycles_done: u32,
    pub cycles_planned: Option<u32>,
    pub elapsed_secs: u64,
    pub level: u16,
    pub paused: bool,
    pub finished: bool,
}

impl View {
    pub fn fill(&self) -> f64 {
        self.level as f64 / LEVELS as f64
    }
}

/// How a session ended, for the summary and (later) the journal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ended {
    pub cycles: u32,
    pub elapsed_secs: u64,
    /// The set cycles or minutes ran out (rather than the person ending it).
    pub completed: bool,
}

#[derive(Debug, Clone)]
pub struct Breathing {
    pattern: Pattern,
    timeline: Timeline<Step>,
    /// Fill at the start and end of each step, 0 = empty, 1 = full.
    fills: Vec<(f64, f64)>,
    pace_percent: u32,
}

impl Breathing {
    pub fn new(pattern: Pattern, length: Length, now: Instant) -> Self {
        let segments: Vec<Segment<Step>> = pattern
            .phases
            .iter()
            .enumerate()
            .map(|(i, phase)| Segment {
                kind: Step {
                    kind: phase.kind,
                    top_up: phase.kind == PhaseKind::Inhale
                        && i > 0
                        && pattern.phases[i - 1].kind == PhaseKind::Inhale,
                },
                ms: phase.ms,
            })
            .collect();
        let fills = fill_ranges(&pattern);
        Breathing {
            timeline: Timeline::new(segments, length, now),
            pattern,
            fills,
            pace_percent: 100,
        }
    }

    pub fn pattern(&self) -> &Pattern {
        &self.pattern
    }

    pub fn pace_percent(&self) -> u32 {
        self.pace_percent
    }

    pub fn sample(&self, now: Instant) -> Sample<Step> {
        self.timeline.sample(now)
    }

    pub fn is_paused(&self) -> bool {
        self.timeline.is_paused()
    }

    pub fn pause(&mut self, now: Instant) {
        self.timeline.pause(now)
    }

    /// `+`: 10 % faster, i.e. every phase shorter; returns false at the limit.
    pub fn faster(&mut self, now: Instant) -> bool {
        self.set_pace(now, self.pace_percent + PACE_STEP)
    }

    pub fn slower(&mut self, now: Instant) -> bool {
        self.set_pace(now, self.pace_percent.saturating_sub(PACE_STEP))
    }

    fn set_pace(&mut self, now: Instant, percent: u32) -> bool {
        if !(PACE_RANGE.0..=PACE_RANGE.1).contains(&percent) {
            return false;
        }
        self.pace_percent = percent;
        let lengths: Vec<u64> = self
            .pattern
            .phases
            .iter()
            .map(|p| (p.ms * 100).div_ceil(percent as u64).max(1))
            .collect();
        self.timeline.rescale(now, &lengths);
        true
    }

    pub fn view(&self, now: Instant, motion: bool) -> View {
        let sample = self.timeline.sample(now);
        let seconds_left = sample.remaining_ms().div_ceil(1000);
        let shown_into = if motion || sample.finished {
            sample.into_ms
        } else {
            // Reduced motion: the picture steps only as the shown second changes.
            sample.segment_ms.saturating_sub(seconds_left * 1000)
        };
        let fill = self.fill(sample.index, shown_into, sample.segment_ms);
        View {
            step: sample.kind,
            seconds_left,
            cycle: (sample.cycle + 1 - u32::from(sample.finished)).max(1),
            cycles_done: sample.cycles_done(),
            cycles_planned: match self.timeline.length() {
                Length::Cycles(n) => Some(n),
                Length::Forever => None,
            },
            // Time spent, which a pace change does not move.
            elapsed_secs: self.timeline.active_ms(now) / 1000,
            level: level_of(fill),
            paused: self.is_paused(),
            finished: sample.finished,
        }
    }

    pub fn elapsed_ms(&self, now: Instant) -> u64 {
        self.timeline.elapsed_ms(now)
    }

    /// Whole cycles and seconds the session will take, when it has an end.
    pub fn plan(&self) -> Option<(u32, u64)> {
        match self.timeline.length() {
            Length::Cycles(n) => Some((n, self.timeline.total_ms().unwrap_or(0) / 1000)),
            Length::Forever => None,
        }
    }

    /// The journal's account of a session that ended so.
    pub fn session(&self, ended: &Ended) -> Session {
        let mut session = Session::new(
            Exercise::Breathe,
            &self.pattern.id,
            ended.completed,
            ended.elapsed_secs,
        );
        session.cycles = Some(ended.cycles);
        session
    }

    /// Stops the clock and sums the session up.
    pub fn end(&mut self, now: Instant, completed: bool) -> Ended {
        let view = self.view(now, true);
        self.pause(now);
        Ended {
            cycles: view.cycles_done,
            elapsed_secs: view.elapsed_secs,
            completed,
        }
    }

    fn fill(&self, index: usize, into_ms: u64, segment_ms: u64) -> f64 {
        let (from, to) = self.fills[index];
        let progress = if segment_ms == 0 {
            1.0
        } else {
            into_ms as f64 / segment_ms as f64
        };
        from + (to - from) * ease(progress)
    }

    /// Milliseconds into the segment at which the quantised fill first
    /// differs from now, if it does before the segment ends.
    fn next_level_change_ms(&self, index: usize, into_ms: u64, segment_ms: u64) -> Option<u64> {
        let (from, to) = self.fills[index];
        if (to - from).abs() < f64::EPSILON || segment_ms == 0 {
            return None;
        }
        let current = level_of(self.fill(index, into_ms, segment_ms));
        let target_fill = if to > from {
            (current + 1) as f64 / LEVELS as f64
        } else {
            current as f64 / LEVELS as f64
        };
        let share = (target_fill - from) / (to - from);
        if !(0.0..=1.0).contains(&share) {
            return None;
        }
        let progress = inverse_ease(share);
        let mut at = (progress * segment_ms as f64).ceil() as u64;
        // Floating point may land a hair early; step until the level really moves.
        while at < segment_ms && level_of(self.fill(index, at, segment_ms)) == current {
            at += 1;
        }
        (at > into_ms && at < segment_ms).then_some(at)
    }
}

impl Timed for Breathing {
    type Kind = Step;

    fn timeline(&self) -> &Timeline<Step> {
        &self.timeline
    }

    fn timeline_mut(&mut self) -> &mut Timeline<Step> {
        &mut self.timeline
    }

    fn rings(&self, step: Step) -> u8 {
        step.rings()
    }

    fn next_frame_ms(&self, sample: &Sample<Step>) -> Option<u64> {
        self.next_level_change_ms(sample.index, sample.into_ms, sample.segment_ms)
    }
}

/// Sine in/out: a breath speeds up in the middle and settles at each end.
pub fn ease(progress: f64) -> f64 {
    (1.0 - (PI * progress.clamp(0.0, 1.0)).cos()) / 2.0
}

fn inverse_ease(share: f64) -> f64 {
    (1.0 - 2.0 * share.clamp(0.0, 1.0)).acos() / PI
}

pub fn level_of(fill: f64) -> u16 {
    ((fill.clamp(0.0, 1.0) * LEVELS as f64) + 1e-9).floor() as u16
}

/// Inhales fill towards full and exhales empty towards nothing, consecutive
/// steps of one kind sharing the way in proportion to their length; holds
/// and rests keep the fill. Computed twice round the cycle so a pattern that
/// does not start on an inhale begins at the level its cycle ends with.
fn fill_ranges(pattern: &Pattern) -> Vec<(f64, f64)> {
    let phases = &pattern.phases;
    let mut ranges = vec![(0.0, 0.0); phases.len()];
    let mut level = 0.0;
    for _pass in 0..2 {
        let mut i = 0;
        while i < phases.len() {
            let kind = phases[i].kind;
            let run_end = (i..phases.len())
                .find(|&j| phases[j].kind != kind)
                .unwrap_or(phases.len());
            let goal = match kind {
                PhaseKind::Inhale => 1.0,
                PhaseKind::Exhale => 0.0,
                PhaseKind::Hold | PhaseKind::Rest => level,
            };
            let run_ms: u64 = phases[i..run_end].iter().map(|p| p.ms).sum();
            let start_level = level;
            let mut done_ms = 0;
            for (j, phase) in phases.iter().enumerate().take(run_end).skip(i) {
                let from = level;
                done_ms += phase.ms;
                level = start_level + (goal - start_level) * done_ms as f64 / run_ms.max(1) as f64;
                ranges[j] = (from, level);
            }
            i = run_end;
        }
    }
    ranges
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Content;
    use crate::exercise::timed::Driver;
    use crate::exercise::timeline::Wake;
    use std::time::Duration;

    fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    fn wake(b: &Breathing, now: Instant, motion: bool) -> Wake {
        Driver::new(b.clone()).next_wake(now, motion)
    }

    fn session(id: &str, length: Length, t0: Instant) -> Breathing {
        Breathing::new(Content::builtin().pattern(id).unwrap().clone(), length, t0)
    }

    #[test]
    fn the_pacer_fills_on_the_inhale_stays_on_the_hold_and_empties_on_the_exhale() {
        let t0 = Instant::now();
        let b = session("4-4-6", Length::Forever, t0);
        assert_eq!(b.view(t0, true).level, 0);
        assert_eq!(b.view(t0 + ms(2000), true).level, LEVELS / 2);
        assert_eq!(b.view(t0 + ms(4000), true).level, LEVELS);
        assert_eq!(b.view(t0 + ms(7999), true).level, LEVELS);
        assert_eq!(b.view(t0 + ms(11_000), true).level, LEVELS / 2);
        assert_eq!(b.view(t0 + ms(13_999), true).level, 0);
        // Eased: a quarter of the time in gives much less than a quarter of the breath.
        assert!(b.view(t0 + ms(1000), true).level < LEVELS / 4);
    }

    #[test]
    fn the_sigh_tops_up_the_first_inhale() {
        let t0 = Instant::now();
        let b = session("sigh", Length::Forever, t0);
        let first = b.view(t0 + ms(2499), true);
        assert_eq!(first.step.words(), "Breathe in");
        assert!(first.level < LEVELS && first.level > LEVELS / 2);
        let top_up = b.view(t0 + ms(2500), true);
        assert_eq!(top_up.step.words(), "A little more in");
        assert_eq!(top_up.step.rings(), 0);
        assert_eq!(b.view(t0 + ms(3500), true).level, LEVELS);
    }

    #[test]
    fn words_seconds_and_rings() {
        let t0 = Instant::now();
        let b = session("box", Length::Forever, t0);
        let expect = [
            ("Breathe in", 1),
            ("Hold", 0),
            ("Breathe out", 2),
            ("Rest", 0),
        ];
        for (i, (words, rings)) in expect.iter().enumerate() {
            let view = b.view(t0 + ms(i as u64 * 4000), true);
            assert_eq!((view.step.words(), view.step.rings()), (*words, *rings));
            assert_eq!(view.seconds_left, 4);
            assert_eq!(
                b.view(t0 + ms(i as u64 * 4000 + 3001), true).seconds_left,
                1
            );
        }
    }

    #[test]
    fn every_frame_wake_lands_on_a_real_change_and_none_is_missed() {
        let t0 = Instant::now();
        for id in ["4-4-6", "sigh", "coherent"] {
            let b = session(id, Length::Forever, t0);
            let mut now = t0;
            let mut frames = 0;
            while now < t0 + ms(b.timeline().cycle_ms()) {
                let before = b.view(now, true);
                let wake = wake(&b, now, true);
                let next = [wake.exact, wake.frame]
                    .into_iter()
                    .flatten()
                    .min()
                    .unwrap();
                assert!(next > now);
                // Nothing changes strictly before the wake...
                assert_eq!(b.view(next - ms(1), true), before, "{id} at {:?}", now - t0);
                now = next;
                frames += 1;
            }
            // ...and the wakes are few: about one per level, second and phase.
            assert!(frames < 2 * LEVELS as usize + 40, "{id}: {frames} wakes");
        }
    }

    #[test]
    fn reduced_motion_changes_only_with_the_second() {
        let t0 = Instant::now();
        let b = session("4-4-6", Length::Forever, t0);
        assert_eq!(wake(&b, t0, false).frame, None);
        assert_eq!(b.view(t0 + ms(1), false), b.view(t0 + ms(999), false));
        assert_ne!(
            b.view(t0 + ms(999), false).level,
            b.view(t0 + ms(1000), false).level
        );
    }

    #[test]
    fn pace_changes_by_ten_percent_within_limits() {
        let t0 = Instant::now();
        let mut b = session("4-4-6", Length::Forever, t0);
        assert!(b.faster(t0));
        assert_eq!(b.pace_percent(), 110);
        assert_eq!(b.timeline().cycle_ms(), 3637 + 3637 + 5455);
        for _ in 0..20 {
            b.slower(t0);
        }
        assert_eq!(b.pace_percent(), PACE_RANGE.0);
        assert_eq!(b.timeline().cycle_ms(), 28_000);
    }

    #[test]
    fn a_set_number_of_cycles_finishes_and_stops_waking() {
        let t0 = Instant::now();
        let b = session("gentle", Length::Cycles(2), t0);
        let end = b.view(t0 + ms(20_000), true);
        assert!(end.finished);
        assert_eq!((end.cycles_done, end.cycle, end.elapsed_secs), (2, 2, 20));
        assert_eq!(wake(&b, t0 + ms(20_000), true), Wake::default());
    }

    #[test]
    fn each_step_is_entered_once_rings_and_never_while_paused() {
        let t0 = Instant::now();
        let mut d = Driver::new(session("4-4-6", Length::Cycles(1), t0));
        let mut entered = Vec::new();
        let mut at = |d: &mut Driver<Breathing>, t: u64| {
            let tick = d.tick(t0 + ms(t));
            if let Some(step) = tick.entered {
                entered.push((t, step.words(), tick.rings));
            }
            tick
        };
        for t in (0..=5000).step_by(500) {
            at(&mut d, t);
        }
        d.toggle_pause(t0 + ms(5000));
        for t in (5000..=9000).step_by(500) {
            at(&mut d, t);
        }
        d.toggle_pause(t0 + ms(9000));
        let mut finished = 0;
        for t in (9000..=30_000).step_by(500) {
            finished += u32::from(at(&mut d, t).finished);
        }
        assert_eq!(
            entered,
            [
                (0, "Breathe in", 1),
                (4000, "Hold", 0),
                (12_000, "Breathe out", 2)
            ]
        );
        assert_eq!(finished, 1, "the end is reported once");
        assert_eq!(d.exercise().plan(), Some((1, 14)));
        let ended = d.exercise_mut().end(t0 + ms(30_000), true);
        assert_eq!((ended.cycles, ended.elapsed_secs), (1, 14));
    }

    #[test]
    fn the_clock_shows_time_spent_which_a_pace_change_does_not_move() {
        let t0 = Instant::now();
        let mut b = session("4-4-6", Length::Forever, t0);
        b.faster(t0 + ms(10_000));
        assert_eq!(b.view(t0 + ms(10_000), true).elapsed_secs, 10);
        // Its next tick is a whole second of time spent.
        let wake = wake(&b, t0 + ms(10_400), false);
        assert!(wake.exact.unwrap() <= t0 + ms(11_000));
        assert_eq!(b.view(t0 + ms(11_000), true).elapsed_secs, 11);
    }

    #[test]
    fn paused_sessions_never_wake() {
        let t0 = Instant::now();
        let mut b = session("4-4-6", Length::Forever, t0);
        b.timeline_mut().toggle_pause(t0 + ms(100));
        assert!(b.view(t0 + ms(5000), true).paused);
        assert_eq!(wake(&b, t0 + ms(5000), true), Wake::default());
    }
}
