//! Three good things: the week of evening offers. Once someone writes
//! them, the menu offers them each evening for a week (a missed evening
//! leaves no trace); after the seventh day it stops, unless they write
//! them again, which starts a new week. Pure: dates in, a yes or no out.

use chrono::{Duration, NaiveDate, NaiveDateTime, Timelike};

/// The evening starts here (the offer shows from this hour on).
pub const EVENING_FROM_HOUR: u32 = 18;
/// Days a week of offers lasts.
pub const WEEK_DAYS: i64 = 7;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GoodWeek {
    /// The day the current week began.
    pub started: Option<NaiveDate>,
    /// The last day three good things were written.
    pub last: Option<NaiveDate>,
}

impl GoodWeek {
    /// Whether the menu offers them now.
    pub fn offers(&self, now: NaiveDateTime) -> bool {
        let today = now.date();
        let Some(started) = self.started else {
            return false;
        };
        now.hour() >= EVENING_FROM_HOUR
            && today >= started
            && today < started + Duration::days(WEEK_DAYS)
            && self.last != Some(today)
    }

    /// Written on `today`: the week goes on, or a new one begins.
    pub fn written(self, today: NaiveDate) -> GoodWeek {
        let within = self
            .started
            .is_some_and(|s| today >= s && today < s + Duration::days(WEEK_DAYS));
        GoodWeek {
            started: if within { self.started } else { Some(today) },
            last: Some(today),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap()
    }

    #[test]
    fn offered_each_evening_for_a_week_then_not_unless_written_again() {
        let none = GoodWeek::default();
        assert!(
            !none.offers(at("2026-12-01 20:00")),
            "never started: never offered"
        );
        let week = none.written(at("2026-12-01 21:00").date());
        assert!(
            !week.offers(at("2026-12-01 22:00")),
            "not again the same evening"
        );
        assert!(!week.offers(at("2026-12-02 17:59")), "only in the evening");
        assert!(week.offers(at("2026-12-02 18:00")));
        // A missed evening leaves no trace: the next one is offered as usual.
        assert!(week.offers(at("2026-12-04 19:00")));
        assert!(week.offers(at("2026-12-07 23:59")), "the seventh day");
        assert!(!week.offers(at("2026-12-08 19:00")), "the week is over");
        // Going on after the week starts a new one.
        let again = week.written(at("2026-12-09 20:00").date());
        assert_eq!(again.started, Some(at("2026-12-09 00:00").date()));
        assert!(again.offers(at("2026-12-10 20:00")));
        // Within the week the start stays.
        let within = week.written(at("2026-12-03 20:00").date());
        assert_eq!(within.started, week.started);
    }
}
