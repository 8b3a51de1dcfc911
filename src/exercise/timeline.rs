//! A schedule of timed segments, repeated for ever or for whole cycles, read
//! at any instant. Position is computed from a monotonic start minus paused
//! time, by integer arithmetic on the cycle length: nothing counts ticks, so
//! nothing drifts. Breathing and relaxation both run on it.

use std::time::{Duration, Instant};

/// A gap longer than this between two observations (a suspended laptop, a
/// stopped process) pauses the timeline instead of fast-forwarding it.
pub const STALL: Duration = Duration::from_secs(2);

/// When to look again: `exact` for phase and second changes (shown on
/// time), `frame` for the next animation step (subject to the frame cap).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Wake {
    pub exact: Option<Instant>,
    pub frame: Option<Instant>,
}

/// How long to wait for input before `wake`: rounded up to whole
/// milliseconds (poll's resolution), so the loop never wakes a hair early
/// and spins; capped, so signals are noticed promptly.
pub fn wait(now: Instant, wake: Option<Instant>, cap: Duration) -> Duration {
    match wake {
        None => cap,
        Some(at) => {
            let left = at.saturating_duration_since(now);
            let ms = left.as_nanos().div_ceil(1_000_000) as u64;
            Duration::from_millis(ms).min(cap)
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Length {
    Forever,
    Cycles(u32),
}

impl Length {
    /// The whole cycles that fit in `minutes` (at least one): never a broken
    /// cycle at the end.
    pub fn whole_cycles_within(minutes: f64, cycle_ms: u64) -> Length {
        let budget_ms = (minutes * 60_000.0).max(0.0) as u64;
        let cycles = (budget_ms / cycle_ms.max(1)).clamp(1, u32::MAX as u64);
        Length::Cycles(cycles as u32)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment<K> {
    pub kind: K,
    pub ms: u64,
}

/// Where the timeline is at one moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sample<K> {
    /// 0-based cycle; equals the cycle count once finished.
    pub cycle: u32,
    pub index: usize,
    pub kind: K,
    /// Milliseconds into the current segment.
    pub into_ms: u64,
    pub segment_ms: u64,
    pub finished: bool,
}

impl<K> Sample<K> {
    pub fn progress(&self) -> f64 {
        if self.segment_ms == 0 {
            1.0
        } else {
            self.into_ms as f64 / self.segment_ms as f64
        }
    }

    pub fn remaining_ms(&self) -> u64 {
        self.segment_ms - self.into_ms
    }

    /// Whole cycles completed at this moment.
    pub fn cycles_done(&self) -> u32 {
        self.cycle
    }
}

#[derive(Debug, Clone)]
pub struct Timeline<K> {
    segments: Vec<Segment<K>>,
    /// Offset of each segment within the cycle.
    starts: Vec<u64>,
    cycle_ms: u64,
    length: Length,
    started_at: Instant,
    paused_at: Option<Instant>,
    paused_total: Duration,
    /// Signed correction of elapsed time, from seeks and rescales.
    shift_ms: i64,
    last_seen: Instant,
}

impl<K: Copy> Timeline<K> {
    /// Panics on an empty segment list or a zero-length cycle: content
    /// validation rules both out, so reaching here is a programming error.
    pub fn new(segments: Vec<Segment<K>>, length: Length, now: Instant) -> Self {
        assert!(
            !segments.is_empty(),
            "a timeline needs at least one segment"
        );
        let (starts, cycle_ms) = offsets(&segments);
        assert!(cycle_ms > 0, "a timeline cycle cannot be empty");
        Timeline {
            segments,
            starts,
            cycle_ms,
            length,
            started_at: now,
            paused_at: None,
            paused_total: Duration::ZERO,
            shift_ms: 0,
            last_seen: now,
        }
    }

    pub fn segments(&self) -> &[Segment<K>] {
        &self.segments
    }

    pub fn cycle_ms(&self) -> u64 {
        self.cycle_ms
    }

    pub fn length(&self) -> Length {
        self.length
    }

    /// The whole run in milliseconds, if it ends.
    pub fn total_ms(&self) -> Option<u64> {
        match self.length {
            Length::Forever => None,
            Length::Cycles(n) => Some(self.cycle_ms * n as u64),
        }
    }

    pub fn is_paused(&self) -> bool {
        self.paused_at.is_some()
    }

    /// Active (unpaused) milliseconds since the start, capped at the end.
    pub fn elapsed_ms(&self, now: Instant) -> u64 {
        let raw = self.raw_ms(now) as i64 + self.shift_ms;
        let elapsed = raw.max(0) as u64;
        match self.total_ms() {
            Some(total) => elapsed.min(total),
            None => elapsed,
        }
    }

    /// Time actually spent running (wall time less pauses), whatever
    /// seeks did to the position, up to the moment the run reached its end.
    pub fn active_ms(&self, now: Instant) -> u64 {
        let raw = self.raw_ms(now);
        match self.total_ms() {
            Some(total) => raw.min((total as i64 - self.shift_ms).max(0) as u64),
            None => raw,
        }
    }

    fn raw_ms(&self, now: Instant) -> u64 {
        let until = self.paused_at.unwrap_or(now);
        let wall = until.saturating_duration_since(self.started_at);
        wall.saturating_sub(self.paused_total).as_millis() as u64
    }

    pub fn sample(&self, now: Instant) -> Sample<K> {
        self.sample_at(self.elapsed_ms(now))
    }

    /// Pure: where the schedule is `elapsed_ms` into the run.
    pub fn sample_at(&self, elapsed_ms: u64) -> Sample<K> {
        if let Some(total) = self.total_ms()
            && elapsed_ms >= total
        {
            let last = self.segments.len() - 1;
            return Sample {
                cycle: (total / self.cycle_ms) as u32,
                index: last,
                kind: self.segments[last].kind,
                into_ms: self.segments[last].ms,
                segment_ms: self.segments[last].ms,
                finished: true,
            };
        }
        let cycle = elapsed_ms / self.cycle_ms;
        let within = elapsed_ms % self.cycle_ms;
        // Segments with zero length are never current: pick the last start <= within
        // whose segment actually covers `within`.
        let index = (0..self.segments.len())
            .rev()
            .find(|&i| self.starts[i] <= within && self.segments[i].ms > 0)
            .unwrap_or(0);
        Sample {
            cycle: cycle.min(u32::MAX as u64) as u32,
            index,
            kind: self.segments[index].kind,
            into_ms: within - self.starts[index],
            segment_ms: self.segments[index].ms,
            finished: false,
        }
    }

    /// The elapsed time at which the current segment ends.
    pub fn segment_end_ms(&self, sample: &Sample<K>) -> u64 {
        sample.cycle as u64 * self.cycle_ms
            + self.starts[sample.index]
            + self.segments[sample.index].ms
    }

    /// The instant at which the running timeline reaches `elapsed_ms`.
    /// Meaningless while paused (the answer moves with the pause).
    pub fn instant_at(&self, elapsed_ms: u64) -> Instant {
        let raw = (elapsed_ms as i64 - self.shift_ms).max(0) as u64;
        self.started_at + self.paused_total + Duration::from_millis(raw)
    }

    /// When the next segment begins, on the absolute grid; `None` while
    /// paused or once finished.
    pub fn next_change(&self, now: Instant) -> Option<Instant> {
        if self.is_paused() {
            return None;
        }
        let sample = self.sample(now);
        (!sample.finished).then(|| self.instant_at(self.segment_end_ms(&sample)))
    }

    /// When the next whole second shows: of the countdown of the current
    /// segment's seconds left (`remaining.div_ceil(1000)`) or of the clock of
    /// time spent ([`Timeline::active_ms`], which seeks do not move),
    /// whichever comes first. `None` while paused or once finished.
    pub fn next_second(&self, now: Instant) -> Option<Instant> {
        if self.is_paused() {
            return None;
        }
        let sample = self.sample(now);
        if sample.finished {
            return None;
        }
        let seconds_left = sample.remaining_ms().div_ceil(1000);
        let countdown = self.instant_at(self.segment_end_ms(&sample) - (seconds_left - 1) * 1000);
        let spent = (self.active_ms(now) / 1000 + 1) * 1000;
        let clock = self.started_at + self.paused_total + Duration::from_millis(spent);
        Some(countdown.min(clock))
    }

    /// When the picture next changes: the next whole second (exact), and the
    /// animation's next step, `frame_ms` into the current segment, if the
    /// caller has one. Nothing while paused or once finished.
    pub fn next_wake(
        &self,
        now: Instant,
        frame_ms: impl FnOnce(&Sample<K>) -> Option<u64>,
    ) -> Wake {
        if self.is_paused() {
            return Wake::default();
        }
        let sample = self.sample(now);
        if sample.finished {
            return Wake::default();
        }
        let segment_start = self.elapsed_ms(now) - sample.into_ms;
        let frame = frame_ms(&sample)
            .filter(|into| *into > sample.into_ms && *into < sample.segment_ms)
            .map(|into| self.instant_at(segment_start + into));
        Wake {
            exact: self.next_second(now),
            frame,
        }
    }

    pub fn pause(&mut self, now: Instant) {
        if self.paused_at.is_none() {
            self.paused_at = Some(now);
        }
    }

    pub fn resume(&mut self, now: Instant) {
        if let Some(at) = self.paused_at.take() {
            self.paused_total += now.saturating_duration_since(at);
        }
        self.last_seen = now;
    }

    pub fn toggle_pause(&mut self, now: Instant) {
        if self.is_paused() {
            self.resume(now)
        } else {
            self.pause(now)
        }
    }

    /// Notes that the caller is looking at `now`. If the last look was longer
    /// than [`STALL`] ago while running, the time in between did not happen
    /// for the exercise: it is paused as of the last look. Returns whether
    /// that pause was applied.
    pub fn observe(&mut self, now: Instant) -> bool {
        let stalled = !self.is_paused() && now.saturating_duration_since(self.last_seen) > STALL;
        if stalled {
            self.paused_at = Some(self.last_seen);
        }
        self.last_seen = self.last_seen.max(now);
        stalled
    }

    /// Moves the position to `elapsed_ms` (e.g. the start of another segment).
    pub fn jump_to(&mut self, now: Instant, elapsed_ms: u64) {
        let current = self.raw_ms(now) as i64 + self.shift_ms;
        self.shift_ms += elapsed_ms as i64 - current.max(0);
    }

    /// Start of `index` in `cycle`, in elapsed milliseconds.
    pub fn segment_start_ms(&self, cycle: u32, index: usize) -> u64 {
        cycle as u64 * self.cycle_ms + self.starts[index]
    }

    /// Makes one segment of a single-run timeline longer. The position does
    /// not move: only what lies ahead shifts. (With repeating cycles every
    /// earlier cycle would change length too, so only one run is allowed.)
    pub fn lengthen(&mut self, index: usize, extra_ms: u64) {
        assert_eq!(
            self.length,
            Length::Cycles(1),
            "only a single run can be lengthened"
        );
        self.segments[index].ms += extra_ms;
        let (starts, cycle_ms) = offsets(&self.segments);
        self.starts = starts;
        self.cycle_ms = cycle_ms;
    }

    /// Replaces every segment's length, keeping the current cycle, segment
    /// and the fraction of it already done, so a pace change never jumps.
    pub fn rescale(&mut self, now: Instant, lengths_ms: &[u64]) {
        assert_eq!(lengths_ms.len(), self.segments.len());
        let before = self.sample(now);
        for (segment, &ms) in self.segments.iter_mut().zip(lengths_ms) {
            segment.ms = ms;
        }
        let (starts, cycle_ms) = offsets(&self.segments);
        assert!(cycle_ms > 0, "a timeline cycle cannot be empty");
        self.starts = starts;
        self.cycle_ms = cycle_ms;
        let target = if before.finished {
            self.total_ms().unwrap_or(0)
        } else {
            let into = (before.progress() * self.segments[before.index].ms as f64).round() as u64;
            self.segment_start_ms(before.cycle, before.index) + into
        };
        self.jump_to(now, target);
    }
}

fn offsets<K>(segments: &[Segment<K>]) -> (Vec<u64>, u64) {
    let mut starts = Vec::with_capacity(segments.len());
    let mut total = 0;
    for segment in segments {
        starts.push(total);
        total += segment.ms;
    }
    (starts, total)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{Content, PhaseKind};

    fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    fn four_four_six(length: Length, t0: Instant) -> Timeline<PhaseKind> {
        let segments = vec![
            Segment {
                kind: PhaseKind::Inhale,
                ms: 4000,
            },
            Segment {
                kind: PhaseKind::Hold,
                ms: 4000,
            },
            Segment {
                kind: PhaseKind::Exhale,
                ms: 6000,
            },
        ];
        Timeline::new(segments, length, t0)
    }

    #[test]
    fn every_builtin_pattern_changes_segment_exactly_at_its_boundaries() {
        let t0 = Instant::now();
        for pattern in Content::builtin().patterns {
            let segments: Vec<_> = pattern
                .phases
                .iter()
                .map(|p| Segment {
                    kind: p.kind,
                    ms: p.ms,
                })
                .collect();
            let timeline = Timeline::new(segments.clone(), Length::Forever, t0);
            let mut boundary = 0;
            for cycle in 0..3u32 {
                for (index, segment) in segments.iter().enumerate() {
                    let at = timeline.sample_at(boundary);
                    assert_eq!(
                        (at.cycle, at.index, at.into_ms),
                        (cycle, index, 0),
                        "{}",
                        pattern.id
                    );
                    assert_eq!(at.kind, segment.kind);
                    assert_eq!(
                        timeline.next_change(t0 + ms(boundary)),
                        Some(t0 + ms(boundary + segment.ms))
                    );
                    boundary += segment.ms;
                    let before = timeline.sample_at(boundary - 1);
                    assert_eq!(
                        (before.index, before.remaining_ms()),
                        (index, 1),
                        "{}",
                        pattern.id
                    );
                }
            }
        }
    }

    #[test]
    fn ten_thousand_jittered_cycles_do_not_drift() {
        let t0 = Instant::now();
        let timeline = four_four_six(Length::Forever, t0);
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        for cycle in 0..10_000u64 {
            // xorshift: a deterministic jitter of up to 13.999 s into the cycle.
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let into = seed % 14_000;
            let now = t0 + ms(cycle * 14_000 + into);
            let sample = timeline.sample(now);
            assert_eq!(sample.cycle as u64, cycle);
            let (index, start) = match into {
                0..4000 => (0, 0),
                4000..8000 => (1, 4000),
                _ => (2, 8000),
            };
            assert_eq!(sample.index, index);
            assert_eq!(sample.into_ms, into - start);
            let end = [4000, 8000, 14_000][index];
            assert_eq!(
                timeline.next_change(now),
                Some(t0 + ms(cycle * 14_000 + end))
            );
        }
    }

    #[test]
    fn paused_time_does_not_count_and_resumes_where_it_was() {
        let t0 = Instant::now();
        let mut paused = four_four_six(Length::Forever, t0);
        let straight = four_four_six(Length::Forever, t0);
        paused.pause(t0 + ms(3000));
        assert_eq!(paused.sample(t0 + ms(9000)), straight.sample(t0 + ms(3000)));
        assert_eq!(paused.next_change(t0 + ms(9000)), None);
        paused.resume(t0 + ms(10_000));
        paused.pause(t0 + ms(10_500));
        paused.resume(t0 + ms(11_500));
        // 8 s of pause in total: every later moment is the straight run 8 s earlier.
        for later in [12_000, 20_000, 100_000] {
            assert_eq!(
                paused.sample(t0 + ms(later)),
                straight.sample(t0 + ms(later - 8000))
            );
        }
        assert_eq!(
            paused.next_change(t0 + ms(12_000)),
            Some(t0 + ms(8000 + 8000))
        );
    }

    #[test]
    fn a_stall_pauses_at_the_last_look_instead_of_fast_forwarding() {
        let t0 = Instant::now();
        let mut timeline = four_four_six(Length::Forever, t0);
        assert!(!timeline.observe(t0 + ms(1000)));
        assert!(!timeline.observe(t0 + ms(2900)));
        assert!(timeline.observe(t0 + ms(60_000)));
        assert!(timeline.is_paused());
        assert_eq!(timeline.elapsed_ms(t0 + ms(60_000)), 2900);
        timeline.resume(t0 + ms(61_000));
        assert_eq!(timeline.elapsed_ms(t0 + ms(61_100)), 3000);
        // Looking often enough never counts as a stall, and a pause is not one.
        assert!(!timeline.observe(t0 + ms(63_000)));
        timeline.pause(t0 + ms(63_000));
        assert!(!timeline.observe(t0 + ms(600_000)));
    }

    #[test]
    fn minutes_give_whole_cycles_only() {
        assert_eq!(Length::whole_cycles_within(2.0, 14_000), Length::Cycles(8));
        assert_eq!(Length::whole_cycles_within(2.1, 14_000), Length::Cycles(9));
        assert_eq!(Length::whole_cycles_within(0.1, 14_000), Length::Cycles(1));
        let t0 = Instant::now();
        let timeline = four_four_six(Length::whole_cycles_within(2.1, 14_000), t0);
        assert_eq!(timeline.total_ms(), Some(126_000));
        assert!(!timeline.sample(t0 + ms(125_999)).finished);
        let end = timeline.sample(t0 + ms(126_000));
        assert!(end.finished);
        assert_eq!(end.cycles_done(), 9);
        assert_eq!(timeline.next_change(t0 + ms(200_000)), None);
        assert_eq!(timeline.elapsed_ms(t0 + ms(200_000)), 126_000);
    }

    #[test]
    fn rescaling_keeps_the_place_and_the_grid_stays_exact() {
        let t0 = Instant::now();
        let mut timeline = four_four_six(Length::Forever, t0);
        // Half-way through the hold of cycle 2.
        let now = t0 + ms(14_000 + 6000);
        timeline.rescale(now, &[3600, 3600, 5400]);
        let at = timeline.sample(now);
        assert_eq!((at.cycle, at.index, at.into_ms), (1, 1, 1800));
        assert_eq!(timeline.next_change(now), Some(now + ms(1800)));
        // Cycles after the change have the new length exactly.
        let third = timeline.sample(now + ms(1800 + 5400 + 12_600));
        assert_eq!((third.cycle, third.index, third.into_ms), (3, 0, 0));
    }

    #[test]
    fn jumping_moves_to_any_segment_start() {
        let t0 = Instant::now();
        let mut timeline = four_four_six(Length::Cycles(1), t0);
        let now = t0 + ms(1000);
        timeline.jump_to(now, timeline.segment_start_ms(0, 2));
        assert_eq!(timeline.sample(now).index, 2);
        timeline.jump_to(now, 0);
        assert_eq!(timeline.sample(now).into_ms, 0);
        assert_eq!(timeline.next_change(now), Some(now + ms(4000)));
    }

    #[test]
    fn waits_round_up_and_are_capped() {
        let t0 = Instant::now();
        let cap = Duration::from_millis(250);
        assert_eq!(
            wait(t0, Some(t0 + Duration::from_micros(1500)), cap),
            Duration::from_millis(2)
        );
        assert_eq!(
            wait(t0 + Duration::from_millis(9), Some(t0), cap),
            Duration::from_millis(0)
        );
        assert_eq!(wait(t0, Some(t0 + Duration::from_millis(10_000)), cap), cap);
        assert_eq!(wait(t0, None, cap), cap);
    }
}
