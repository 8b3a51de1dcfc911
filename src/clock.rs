//! Wall-clock times for the journal, derived from the monotonic instants
//! the app is handed: one anchor taken at start, so nothing below the event
//! loop reads a clock, and tests fix both ends.

use std::time::Instant;

use chrono::{DateTime, FixedOffset};

#[derive(Debug, Clone, Copy)]
pub struct WallClock {
    instant: Instant,
    wall: DateTime<FixedOffset>,
}

impl WallClock {
    /// `instant` and `wall` name the same moment.
    pub fn new(instant: Instant, wall: DateTime<FixedOffset>) -> WallClock {
        WallClock { instant, wall }
    }

    /// The real clock, now, in the local time zone.
    pub fn local() -> WallClock {
        WallClock::new(Instant::now(), chrono::Local::now().fixed_offset())
    }

    /// The wall time of `at`.
    pub fn at(&self, at: Instant) -> DateTime<FixedOffset> {
        let later = |d| chrono::Duration::from_std(d).unwrap_or_default();
        if at >= self.instant {
            self.wall + later(at - self.instant)
        } else {
            self.wall - later(self.instant - at)
        }
    }

    pub fn start(&self) -> Instant {
        self.instant
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn instants_map_to_wall_times_either_side_of_the_anchor() {
        let t0 = Instant::now() + Duration::from_secs(10);
        let wall = DateTime::parse_from_rfc3339("2026-11-22T08:00:00+01:00").unwrap();
        let clock = WallClock::new(t0, wall);
        assert_eq!(
            clock.at(t0 + Duration::from_millis(90_500)).to_rfc3339(),
            "2026-11-22T08:01:30.500+01:00"
        );
        assert_eq!(
            clock.at(t0 - Duration::from_secs(5)).to_rfc3339(),
            "2026-11-22T07:59:55+01:00"
        );
    }
}
