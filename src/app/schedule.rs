//! When the event loop should next wake: the earliest exact deadline (a
//! phase or second change, shown on time), or the next animation step but
//! never sooner than one frame after the last (the 30 fps cap). Pure.
//! (How long to sleep until then is `timeline::wait`.)

use std::time::{Duration, Instant};

use crate::exercise::timeline::Wake;

pub const FRAME: Duration = Duration::from_millis(33);

pub fn next_wake(
    wakes: &[Wake],
    other_deadlines: &[Option<Instant>],
    last_frame: Option<Instant>,
) -> Option<Instant> {
    let exact = wakes
        .iter()
        .filter_map(|w| w.exact)
        .chain(other_deadlines.iter().flatten().copied())
        .min();
    let frame = wakes
        .iter()
        .filter_map(|w| w.frame)
        .min()
        .map(|at| match last_frame {
            Some(last) => at.max(last + FRAME),
            None => at,
        });
    [exact, frame].into_iter().flatten().min()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    #[test]
    fn nothing_to_wait_for_means_block() {
        assert_eq!(next_wake(&[Wake::default()], &[None], None), None);
    }

    #[test]
    fn exact_deadlines_are_not_held_back_by_the_frame_cap() {
        let t0 = Instant::now();
        let wake = Wake {
            exact: Some(t0 + ms(5)),
            frame: Some(t0 + ms(1)),
        };
        assert_eq!(next_wake(&[wake], &[], Some(t0)), Some(t0 + ms(5)));
    }

    #[test]
    fn animation_waits_at_least_a_frame() {
        let t0 = Instant::now();
        let wake = Wake {
            exact: Some(t0 + ms(900)),
            frame: Some(t0 + ms(10)),
        };
        assert_eq!(next_wake(&[wake], &[], Some(t0)), Some(t0 + FRAME));
        assert_eq!(next_wake(&[wake], &[], None), Some(t0 + ms(10)));
        let late = Wake {
            exact: None,
            frame: Some(t0 + ms(50)),
        };
        assert_eq!(next_wake(&[late], &[], Some(t0)), Some(t0 + ms(50)));
    }

    #[test]
    fn other_deadlines_count_as_exact() {
        let t0 = Instant::now();
        assert_eq!(
            next_wake(&[Wake::default()], &[Some(t0 + ms(7))], None),
            Some(t0 + ms(7))
        );
    }
}
