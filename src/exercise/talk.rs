//! The floor of a talk in turns: one person speaks, the other only
//! mirrors; the speaker confirms each mirror (got it, not quite, there is
//! more), then the listener summarises, validates and empathises, each
//! confirmed, and only then does the floor pass. A window per turn (12
//! minutes by default) with a line when 30 seconds are left, extendable
//! once by 5 minutes; a quiet reminder every 90 seconds of speaking to
//! pause for the mirror. Problem solving stays locked until both say they
//! feel heard. Pure: time comes in as instants.

use std::time::{Duration, Instant};

use crate::journal::{TalkResume, TurnRecord};

pub const DEFAULT_WINDOW_MINUTES: u32 = 12;
pub const FEWEST_WINDOW_MINUTES: u32 = 5;
pub const MOST_WINDOW_MINUTES: u32 = 30;
pub const EXTENSION: Duration = Duration::from_secs(5 * 60);
/// While speaking, a quiet line this often: pause for the mirror.
pub const MIRROR_EVERY: Duration = Duration::from_secs(90);
/// The line before the window closes.
pub const WARN_BEFORE: Duration = Duration::from_secs(30);

/// Where the floor is within a turn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// The speaker talks; the listener listens.
    Speaking,
    /// The listener says back what they heard.
    Mirror,
    /// The listener sums the whole of it up.
    Summary,
    /// "It makes sense that you'd feel… because…"
    Validate,
    /// "I imagine you feel…"
    Empathy,
}

impl Step {
    /// Its name in the journal (where a talk stopped for a break).
    pub fn name(self) -> &'static str {
        match self {
            Step::Speaking => "speaking",
            Step::Mirror => "mirror",
            Step::Summary => "summary",
            Step::Validate => "validate",
            Step::Empathy => "empathy",
        }
    }

    pub fn from_name(name: &str) -> Option<Step> {
        [
            Step::Speaking,
            Step::Mirror,
            Step::Summary,
            Step::Validate,
            Step::Empathy,
        ]
        .into_iter()
        .find(|step| step.name() == name)
    }
}

/// The speaker's answer to what the listener said.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    GotIt,
    NotQuite,
    /// Mirror only: there is more to say.
    More,
}

#[derive(Debug, Clone)]
pub struct Floor {
    pub speaker: usize,
    pub step: Step,
    /// This turn's window, and every turn's before an extension.
    window: Duration,
    base: Duration,
    turn_started: Instant,
    /// Time on breaks within this turn, not counted against its window.
    paused: Duration,
    break_started: Option<Instant>,
    extended: bool,
    mirrors: u32,
    not_quite: u32,
    /// Turns done, oldest first.
    pub turns: Vec<(usize, TurnRecord)>,
}

impl Floor {
    /// `first` has the floor, with a window of `minutes` per turn.
    pub fn new(first: usize, minutes: u32, now: Instant) -> Floor {
        let minutes = minutes.clamp(FEWEST_WINDOW_MINUTES, MOST_WINDOW_MINUTES);
        Floor {
            speaker: first,
            step: Step::Speaking,
            window: Duration::from_secs(u64::from(minutes) * 60),
            base: Duration::from_secs(u64::from(minutes) * 60),
            turn_started: now,
            paused: Duration::ZERO,
            break_started: None,
            extended: false,
            mirrors: 0,
            not_quite: 0,
            turns: Vec::new(),
        }
    }

    /// Where the floor stands, to go on from there later (until `by`):
    /// who speaks, the step, what is left of the turn's window.
    pub fn resume_point(&self, now: Instant, by: String) -> TalkResume {
        TalkResume {
            by,
            speaker: self.speaker,
            step: self.step.name().to_string(),
            left_secs: self.left(now).as_secs(),
            minutes: (self.base.as_secs() / 60) as u32,
        }
    }

    /// The floor as it stood at `point`, with the turns done before it (the
    /// floor passes each turn, so the first name spoke the even turns).
    pub fn go_on(point: &TalkResume, turns: &[TurnRecord], now: Instant) -> Option<Floor> {
        let step = Step::from_name(&point.step)?;
        let mut floor = Floor::new(point.speaker.min(1), point.minutes, now);
        floor.step = step;
        floor.window = Duration::from_secs(point.left_secs).min(floor.base);
        floor.turns = turns
            .iter()
            .enumerate()
            .map(|(n, turn)| (n % 2, turn.clone()))
            .collect();
        Some(floor)
    }

    /// "Not quite" answers in this turn so far.
    pub fn not_quite(&self) -> u32 {
        self.not_quite
    }

    pub fn listener(&self) -> usize {
        1 - self.speaker
    }

    fn elapsed(&self, now: Instant) -> Duration {
        let until = self.break_started.unwrap_or(now);
        until
            .saturating_duration_since(self.turn_started)
            .saturating_sub(self.paused)
    }

    /// What is left of this turn's window (zero when it is over).
    pub fn left(&self, now: Instant) -> Duration {
        self.window.saturating_sub(self.elapsed(now))
    }

    /// Thirty seconds or less are left (and the window is not over).
    pub fn closing(&self, now: Instant) -> bool {
        let left = self.left(now);
        !left.is_zero() && left <= WARN_BEFORE
    }

    /// The quiet line "pause so … can mirror" shows now: while speaking,
    /// for ten seconds every 90.
    pub fn mirror_reminder(&self, now: Instant) -> bool {
        let secs = self.elapsed(now).as_secs();
        self.step == Step::Speaking
            && secs >= MIRROR_EVERY.as_secs()
            && secs % MIRROR_EVERY.as_secs() < 10
    }

    /// Both agree to five more minutes, once a turn.
    pub fn extend(&mut self) -> bool {
        if self.extended {
            return false;
        }
        self.extended = true;
        self.window += EXTENSION;
        true
    }

    pub fn can_extend(&self) -> bool {
        !self.extended
    }

    /// The listener is ready to say back what they heard.
    pub fn listener_mirrors(&mut self) {
        if self.step == Step::Speaking {
            self.step = Step::Mirror;
        }
    }

    /// The speaker's answer. Returns whether the floor passed.
    pub fn answer(&mut self, answer: Answer, now: Instant) -> bool {
        if self.step == Step::Speaking {
            return false;
        }
        if self.step == Step::Mirror {
            self.mirrors += 1;
        }
        match (self.step, answer) {
            (_, Answer::NotQuite) => {
                // Said again, the same step.
                self.not_quite += 1;
                false
            }
            (Step::Mirror, Answer::More) => {
                self.step = Step::Speaking;
                false
            }
            (Step::Mirror, _) => {
                self.step = Step::Summary;
                false
            }
            (Step::Summary, _) => {
                self.step = Step::Validate;
                false
            }
            (Step::Validate, _) => {
                self.step = Step::Empathy;
                false
            }
            (Step::Empathy, _) => {
                self.pass(now);
                true
            }
            (Step::Speaking, _) => false,
        }
    }

    fn pass(&mut self, now: Instant) {
        let record = TurnRecord {
            who: String::new(),
            secs: self.elapsed(now).as_secs(),
            mirrors: self.mirrors,
            not_quite: self.not_quite,
        };
        self.turns.push((self.speaker, record));
        self.speaker = self.listener();
        self.step = Step::Speaking;
        self.turn_started = now;
        self.paused = Duration::ZERO;
        self.extended = false;
        self.mirrors = 0;
        self.not_quite = 0;
        self.window = self.base;
    }

    /// Both have had the floor at least once: "heard?" may be asked.
    pub fn both_spoke(&self) -> bool {
        (0..2).all(|who| self.turns.iter().any(|(w, _)| *w == who))
    }

    /// A break starts (the clock of the turn stops) or ends.
    pub fn break_starts(&mut self, now: Instant) {
        self.break_started.get_or_insert(now);
    }

    pub fn on_break(&self) -> bool {
        self.break_started.is_some()
    }

    pub fn break_ends(&mut self, now: Instant) {
        if let Some(started) = self.break_started.take() {
            self.paused += now.saturating_duration_since(started);
        }
    }

    /// When the picture next changes: each second of the window's clock.
    pub fn next_change(&self, now: Instant) -> Option<Instant> {
        if self.break_started.is_some() {
            return None;
        }
        let into = self.elapsed(now).subsec_millis();
        Some(now + Duration::from_millis(u64::from(1000 - into)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn secs(n: u64) -> Duration {
        Duration::from_secs(n)
    }

    #[test]
    fn the_floor_passes_only_after_the_mirror_summary_validation_and_empathy() {
        let t0 = Instant::now();
        let mut floor = Floor::new(0, 12, t0);
        // The speaker cannot skip the mirror: answers mean nothing yet.
        assert!(!floor.answer(Answer::GotIt, t0));
        assert_eq!(floor.step, Step::Speaking);
        floor.listener_mirrors();
        assert!(!floor.answer(Answer::NotQuite, t0), "said again");
        assert_eq!(floor.step, Step::Mirror);
        assert!(!floor.answer(Answer::More, t0));
        assert_eq!(
            floor.step,
            Step::Speaking,
            "there is more: back to speaking"
        );
        floor.listener_mirrors();
        for step in [Step::Summary, Step::Validate, Step::Empathy] {
            assert!(!floor.answer(Answer::GotIt, t0 + secs(60)));
            assert_eq!(floor.step, step);
        }
        assert!(floor.answer(Answer::GotIt, t0 + secs(200)));
        assert_eq!((floor.speaker, floor.step), (1, Step::Speaking));
        let (who, turn) = &floor.turns[0];
        assert_eq!(
            (*who, turn.secs, turn.mirrors, turn.not_quite),
            (0, 200, 3, 1)
        );
        assert!(!floor.both_spoke());
    }

    #[test]
    fn the_window_warns_at_thirty_seconds_and_extends_once() {
        let t0 = Instant::now();
        let mut floor = Floor::new(0, 12, t0);
        assert_eq!(floor.left(t0 + secs(60)), secs(11 * 60));
        assert!(!floor.closing(t0 + secs(12 * 60 - 31)));
        assert!(floor.closing(t0 + secs(12 * 60 - 30)));
        assert!(!floor.closing(t0 + secs(12 * 60)), "over, not closing");
        assert!(floor.extend());
        assert!(!floor.extend(), "once");
        assert_eq!(floor.left(t0 + secs(12 * 60)), secs(5 * 60));
        assert_eq!(Floor::new(0, 2, t0).left(t0), secs(5 * 60), "at least 5");
        assert_eq!(Floor::new(0, 99, t0).left(t0), secs(30 * 60), "at most 30");
    }

    #[test]
    fn a_floor_stopped_for_a_break_goes_on_where_it_was() {
        let t0 = Instant::now();
        let mut floor = Floor::new(0, 10, t0);
        floor.listener_mirrors();
        for _ in 0..4 {
            floor.answer(Answer::GotIt, t0 + secs(300));
        }
        floor.listener_mirrors();
        floor.answer(Answer::GotIt, t0 + secs(400));
        floor.break_starts(t0 + secs(460));
        let point = floor.resume_point(t0 + secs(5000), "by".into());
        assert_eq!(
            (
                point.speaker,
                point.step.as_str(),
                point.left_secs,
                point.minutes
            ),
            (1, "summary", 10 * 60 - 160, 10)
        );
        let turns: Vec<TurnRecord> = floor.turns.iter().map(|(_, t)| t.clone()).collect();
        let later = t0 + secs(90_000);
        let again = Floor::go_on(&point, &turns, later).expect("a known step");
        assert_eq!((again.speaker, again.step), (1, Step::Summary));
        assert_eq!(
            again.left(later),
            secs(10 * 60 - 160),
            "the turn's time left"
        );
        assert_eq!(again.turns.len(), 1);
        assert_eq!(again.turns[0].0, 0);
        let mut next = again.clone();
        for _ in 0..3 {
            next.answer(Answer::GotIt, later + secs(10));
        }
        assert!(next.both_spoke(), "the turn before the break counts");
        assert_eq!(
            next.left(later + secs(10)),
            secs(10 * 60),
            "a full window again"
        );
        let unknown = TalkResume {
            step: "arguing".into(),
            ..point
        };
        assert!(Floor::go_on(&unknown, &turns, later).is_none());
    }

    #[test]
    fn a_break_stops_the_turns_clock_and_the_reminder_comes_every_ninety_seconds() {
        let t0 = Instant::now();
        let mut floor = Floor::new(0, 12, t0);
        assert!(!floor.mirror_reminder(t0 + secs(89)));
        assert!(floor.mirror_reminder(t0 + secs(90)));
        assert!(!floor.mirror_reminder(t0 + secs(100)));
        assert!(floor.mirror_reminder(t0 + secs(181)));
        floor.break_starts(t0 + secs(100));
        assert_eq!(floor.left(t0 + secs(2000)), secs(12 * 60 - 100), "stopped");
        assert_eq!(
            floor.next_change(t0 + secs(2000)),
            None,
            "nothing to redraw"
        );
        floor.break_ends(t0 + secs(1300));
        assert_eq!(floor.left(t0 + secs(1310)), secs(12 * 60 - 110));
    }
}
