//! The one driver of timed exercises (breathing, relaxation): the rules for
//! stalls, entering each step once, bells, finishing and the next wake,
//! over any exercise laid out on a [`Timeline`]. The TUI screen and plain
//! mode are two views of the same driver. Pure: instants are handed in.

use std::time::Instant;

use super::timeline::{Sample, Timeline, Wake};

/// An exercise the driver can run.
pub trait Timed {
    type Kind: Copy;
    fn timeline(&self) -> &Timeline<Self::Kind>;
    fn timeline_mut(&mut self) -> &mut Timeline<Self::Kind>;
    /// Bell rings on entering a step of this kind.
    fn rings(&self, kind: Self::Kind) -> u8;
    /// Told once as each step begins (relaxation counts a group let go).
    fn on_enter(&mut self, _kind: Self::Kind) {}
    /// Milliseconds into the current segment at which the animated picture
    /// next differs, if it does.
    fn next_frame_ms(&self, sample: &Sample<Self::Kind>) -> Option<u64>;
}

/// What one look at the clock found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tick<K> {
    /// A step just began: once per step, never while paused.
    pub entered: Option<K>,
    /// Its bell rings.
    pub rings: u8,
    /// Time jumped (a suspended laptop, Ctrl-Z): paused as of the last look.
    pub stalled: bool,
    /// The end was reached on this look (reported once).
    pub finished: bool,
}

impl<K> Default for Tick<K> {
    fn default() -> Self {
        Tick {
            entered: None,
            rings: 0,
            stalled: false,
            finished: false,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Driver<T: Timed> {
    exercise: T,
    /// (cycle, segment) last reported as entered.
    last_entered: Option<(u32, usize)>,
    /// Paused by a stall, not by the person (and not yet resumed).
    stalled: bool,
    finished: bool,
}

impl<T: Timed> Driver<T> {
    pub fn new(exercise: T) -> Driver<T> {
        Driver {
            exercise,
            last_entered: None,
            stalled: false,
            finished: false,
        }
    }

    pub fn exercise(&self) -> &T {
        &self.exercise
    }

    pub fn exercise_mut(&mut self) -> &mut T {
        &mut self.exercise
    }

    pub fn is_paused(&self) -> bool {
        self.exercise.timeline().is_paused()
    }

    /// Paused because time jumped, and not resumed since.
    pub fn stalled(&self) -> bool {
        self.stalled && self.is_paused()
    }

    pub fn toggle_pause(&mut self, now: Instant) {
        self.exercise.timeline_mut().toggle_pause(now);
        self.stalled = false;
    }

    /// The step on now begins again (after a skip back): its bell and line
    /// come again.
    pub fn replay_step(&mut self) {
        self.last_entered = None;
    }

    pub fn tick(&mut self, now: Instant) -> Tick<T::Kind> {
        let mut tick = Tick::default();
        if self.finished {
            return tick;
        }
        if self.exercise.timeline_mut().observe(now) {
            self.stalled = true;
            tick.stalled = true;
        }
        let sample = self.exercise.timeline().sample(now);
        if sample.finished {
            self.finished = true;
            tick.finished = true;
            return tick;
        }
        let position = (sample.cycle, sample.index);
        if !self.is_paused() && self.last_entered != Some(position) {
            self.last_entered = Some(position);
            self.exercise.on_enter(sample.kind);
            tick.entered = Some(sample.kind);
            tick.rings = self.exercise.rings(sample.kind);
        }
        tick
    }

    /// When the picture next changes; with `motion` off only whole seconds
    /// and steps count. Nothing once finished or while paused.
    pub fn next_wake(&self, now: Instant, motion: bool) -> Wake {
        if self.finished {
            return Wake::default();
        }
        let exercise = &self.exercise;
        exercise.timeline().next_wake(now, |sample| {
            if motion {
                exercise.next_frame_ms(sample)
            } else {
                None
            }
        })
    }

    /// A look at the clock without taking a step: a long gap since the last
    /// look pauses as a stall.
    pub fn observe(&mut self, now: Instant) {
        if self.exercise.timeline_mut().observe(now) {
            self.stalled = true;
        }
    }

    /// The end of the run: stops the clock. (The exercise sums itself up.)
    pub fn stop(&mut self, now: Instant) {
        self.exercise.timeline_mut().pause(now);
        self.finished = true;
    }
}
