//! A break from a heated conversation, with a return time: the arithmetic,
//! on wall-clock times handed in. A break runs on the wall clock, not the
//! monotonic one, because a laptop that sleeps through the return time must
//! still find the time has come when it wakes. Pure.

use chrono::{DateTime, Duration, FixedOffset, NaiveTime, Timelike};

/// The least that lets the body settle after flooding, by the research the
/// SPEC cites: a shorter break tends to end with the body still flooded.
pub const SHORTEST_MINUTES: u32 = 20;
/// A break longer than this reads as punishment rather than a pause.
pub const LONGEST_MINUTES: u32 = 24 * 60;
/// "Not yet" at the return time adds this much.
pub const EXTENSION_MINUTES: u32 = 20;
/// Return times land on these steps, so they are easy to say and remember.
const ROUNDING_MINUTES: i64 = 5;

/// Why a break cannot be planned as asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanError {
    TooShort(u32),
    TooLong(u32),
}

impl std::fmt::Display for PlanError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PlanError::TooShort(minutes) => write!(
                f,
                "a break of {minutes} minutes is too short: the body needs about {SHORTEST_MINUTES} to settle, so a break is at least {SHORTEST_MINUTES}"
            ),
            PlanError::TooLong(minutes) => write!(
                f,
                "a break of {minutes} minutes is too long: more than a day reads as punishment, not a pause"
            ),
        }
    }
}

/// A break as asked for, before it has a clock to start from: so many
/// minutes, or until a time of day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Planned {
    Minutes(u32),
    Until(NaiveTime),
    /// Already planned (the command line checks and plans once, so the
    /// time the partner is told is the time the clock counts to).
    Fixed(Break),
}

impl Default for Planned {
    fn default() -> Planned {
        Planned::Minutes(SHORTEST_MINUTES)
    }
}

impl Planned {
    pub fn plan(self, now: DateTime<FixedOffset>) -> Result<Break, PlanError> {
        match self {
            Planned::Minutes(minutes) => Break::plan(now, minutes),
            Planned::Until(time) => Break::until(now, time),
            Planned::Fixed(planned) => Ok(planned),
        }
    }
}

/// Where a break stands at one moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// The first half.
    Settling,
    /// Past halfway: the one gentle line about calming or going over it.
    Halfway,
    /// The return time has come.
    Due,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Break {
    started: DateTime<FixedOffset>,
    /// The current return time (moved by extensions).
    returns: DateTime<FixedOffset>,
    /// When the current stretch began (the start, or the last extension).
    stretch_from: DateTime<FixedOffset>,
    extensions: u32,
}

/// Whole minutes from `now` to `until`, rounded up (what a calm clock shows;
/// 0 once it has come).
pub fn minutes_left(until: DateTime<FixedOffset>, now: DateTime<FixedOffset>) -> i64 {
    ((until - now).num_seconds().max(0) + 59) / 60
}

/// When [`minutes_left`] next drops (a whole minute before `until` passes),
/// or `until` itself; `None` once it has come.
pub fn next_minute(
    until: DateTime<FixedOffset>,
    now: DateTime<FixedOffset>,
) -> Option<DateTime<FixedOffset>> {
    if now >= until {
        return None;
    }
    let into_minute = (until - now).num_seconds() % 60;
    let tick = if into_minute == 0 {
        now + Duration::seconds(60)
    } else {
        now + Duration::seconds(into_minute)
    };
    Some(tick.min(until))
}

/// `at` rounded up to the next whole five minutes (kept when already on one).
fn round_up(at: DateTime<FixedOffset>) -> DateTime<FixedOffset> {
    let whole = at
        .with_second(0)
        .and_then(|t| t.with_nanosecond(0))
        .unwrap_or(at);
    let whole = if whole < at {
        whole + Duration::minutes(1)
    } else {
        whole
    };
    let over = i64::from(whole.minute()) % ROUNDING_MINUTES;
    if over == 0 {
        whole
    } else {
        whole + Duration::minutes(ROUNDING_MINUTES - over)
    }
}

impl Break {
    /// A break of `minutes` from `now`, its return rounded up to the next
    /// five minutes.
    pub fn plan(now: DateTime<FixedOffset>, minutes: u32) -> Result<Break, PlanError> {
        if minutes < SHORTEST_MINUTES {
            return Err(PlanError::TooShort(minutes));
        }
        if minutes > LONGEST_MINUTES {
            return Err(PlanError::TooLong(minutes));
        }
        Ok(Break {
            started: now,
            returns: round_up(now + Duration::minutes(i64::from(minutes))),
            stretch_from: now,
            extensions: 0,
        })
    }

    /// A break until the next `until` on the clock (today, or tomorrow when
    /// it has passed), held to the same limits, returning at exactly that
    /// time. The clock time is read in `now`'s offset: across a daylight
    /// saving change overnight it is an hour off (the screen shows the
    /// return time, so it can be seen).
    pub fn until(now: DateTime<FixedOffset>, until: NaiveTime) -> Result<Break, PlanError> {
        let today = now.date_naive().and_time(until);
        let mut target = today
            .and_local_timezone(*now.offset())
            .single()
            .unwrap_or(now);
        if target <= now {
            target += Duration::days(1);
        }
        // The limits count whole minutes, rounded down (19½ minutes is not
        // twenty); the return is the time asked for.
        let minutes = ((target - now).num_seconds() / 60) as u32;
        let mut planned = Break::plan(now, minutes)?;
        planned.returns = target;
        Ok(planned)
    }

    pub fn started(&self) -> DateTime<FixedOffset> {
        self.started
    }

    pub fn returns(&self) -> DateTime<FixedOffset> {
        self.returns
    }

    pub fn extensions(&self) -> u32 {
        self.extensions
    }

    /// Planned length so far, in minutes (with extensions).
    pub fn planned_minutes(&self) -> i64 {
        (self.returns - self.started).num_minutes()
    }

    pub fn stage(&self, now: DateTime<FixedOffset>) -> Stage {
        if now >= self.returns {
            return Stage::Due;
        }
        let half = self.stretch_from + (self.returns - self.stretch_from) / 2;
        if now >= half {
            Stage::Halfway
        } else {
            Stage::Settling
        }
    }

    /// Whole minutes left, rounded up (what the calm clock shows).
    pub fn minutes_left(&self, now: DateTime<FixedOffset>) -> i64 {
        minutes_left(self.returns, now)
    }

    /// When what the clock shows next changes: the next minute it counts
    /// down, the halfway mark, or the return, whichever comes first. `None`
    /// once it is due (nothing moves on its own after that).
    pub fn next_change(&self, now: DateTime<FixedOffset>) -> Option<DateTime<FixedOffset>> {
        let tick = next_minute(self.returns, now)?;
        let half = self.stretch_from + (self.returns - self.stretch_from) / 2;
        Some(if half > now { tick.min(half) } else { tick })
    }

    /// "Not yet": twenty more minutes from now, never past a day from the
    /// first start. Returns false when the day is used up.
    pub fn extend(&mut self, now: DateTime<FixedOffset>) -> bool {
        let cap = self.started + Duration::minutes(i64::from(LONGEST_MINUTES));
        let wanted =
            round_up(now.max(self.returns) + Duration::minutes(i64::from(EXTENSION_MINUTES)));
        let returns = wanted.min(cap);
        if returns <= self.returns {
            return false;
        }
        self.stretch_from = now;
        self.returns = returns;
        self.extensions += 1;
        true
    }
}

/// The flooding signs, counted, and an optional pulse: two or more signs, or
/// a pulse of 100 or more, looks like flooding. It never blocks the break.
pub fn looks_flooded(signs: usize, pulse: Option<u16>) -> bool {
    signs >= 2 || pulse.is_some_and(|p| p >= 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(text).unwrap()
    }

    #[test]
    fn the_floor_and_the_cap_say_why() {
        let now = at("2026-12-01T21:12:00+01:00");
        assert_eq!(Break::plan(now, 19), Err(PlanError::TooShort(19)));
        assert!(PlanError::TooShort(19).to_string().contains("at least 20"));
        assert_eq!(Break::plan(now, 24 * 60 + 1), Err(PlanError::TooLong(1441)));
        assert!(Break::plan(now, 20).is_ok());
        assert!(Break::plan(now, 24 * 60).is_ok());
    }

    #[test]
    fn the_return_is_rounded_up_to_five_minutes() {
        let b = Break::plan(at("2026-12-01T21:12:30+01:00"), 20).unwrap();
        assert_eq!(b.returns(), at("2026-12-01T21:35:00+01:00"));
        let on_the_dot = Break::plan(at("2026-12-01T21:10:00+01:00"), 20).unwrap();
        assert_eq!(on_the_dot.returns(), at("2026-12-01T21:30:00+01:00"));
        let late = Break::plan(at("2026-12-01T23:58:00+01:00"), 20).unwrap();
        assert_eq!(late.returns(), at("2026-12-02T00:20:00+01:00"));
    }

    #[test]
    fn until_a_clock_time_today_or_tomorrow() {
        let now = at("2026-12-01T21:12:30+01:00");
        let b = Break::until(now, NaiveTime::from_hms_opt(21, 40, 0).unwrap()).unwrap();
        assert_eq!(
            b.returns(),
            at("2026-12-01T21:40:00+01:00"),
            "exactly the time asked for"
        );
        let soon = Break::until(now, NaiveTime::from_hms_opt(21, 20, 0).unwrap());
        assert_eq!(soon, Err(PlanError::TooShort(7)));
        // Nineteen and a half minutes is not twenty.
        let nearly = Break::until(
            at("2026-12-01T21:20:30+01:00"),
            NaiveTime::from_hms_opt(21, 40, 0).unwrap(),
        );
        assert_eq!(nearly, Err(PlanError::TooShort(19)));
        let tomorrow = Break::until(now, NaiveTime::from_hms_opt(9, 0, 0).unwrap()).unwrap();
        assert_eq!(tomorrow.returns(), at("2026-12-02T09:00:00+01:00"));
    }

    #[test]
    fn stages_minutes_left_and_the_next_change() {
        let start = at("2026-12-01T21:10:00+01:00");
        let b = Break::plan(start, 20).unwrap();
        assert_eq!(b.stage(start), Stage::Settling);
        assert_eq!(b.minutes_left(start), 20);
        assert_eq!(b.next_change(start), Some(at("2026-12-01T21:11:00+01:00")));
        let mid = at("2026-12-01T21:19:30+01:00");
        assert_eq!(b.minutes_left(mid), 11);
        assert_eq!(
            b.next_change(mid),
            Some(at("2026-12-01T21:20:00+01:00")),
            "halfway"
        );
        assert_eq!(b.stage(at("2026-12-01T21:20:00+01:00")), Stage::Halfway);
        assert_eq!(b.stage(b.returns()), Stage::Due);
        assert_eq!(b.next_change(b.returns()), None);
    }

    #[test]
    fn a_laptop_asleep_through_the_return_finds_it_due_on_waking() {
        let b = Break::plan(at("2026-12-01T21:10:00+01:00"), 20).unwrap();
        let woke = at("2026-12-01T23:02:17+01:00");
        assert_eq!(b.stage(woke), Stage::Due);
        assert_eq!(b.minutes_left(woke), 0);
    }

    #[test]
    fn not_yet_adds_twenty_minutes_up_to_a_day_from_the_start() {
        let start = at("2026-12-01T21:10:00+01:00");
        let mut b = Break::plan(start, 20).unwrap();
        assert!(b.extend(b.returns()));
        assert_eq!(b.returns(), at("2026-12-01T21:50:00+01:00"));
        assert_eq!((b.extensions(), b.planned_minutes()), (1, 40));
        // Halfway is of the new stretch.
        assert_eq!(b.stage(at("2026-12-01T21:39:00+01:00")), Stage::Settling);
        let mut long = Break::plan(start, 24 * 60 - 10).unwrap();
        assert!(long.extend(long.returns()), "up to the cap");
        assert_eq!(long.returns(), start + Duration::minutes(24 * 60));
        assert!(!long.extend(long.returns()), "never past a day");
    }

    #[test]
    fn flooding_is_two_signs_or_a_pulse_of_a_hundred() {
        assert!(!looks_flooded(1, None));
        assert!(looks_flooded(2, None));
        assert!(looks_flooded(0, Some(100)));
        assert!(!looks_flooded(1, Some(99)));
    }
}
