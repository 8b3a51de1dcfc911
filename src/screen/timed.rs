//! The one screen for timed exercises: pause, end, bells, stalls and the
//! finish come from the shared driver; each exercise (breathing,
//! relaxation) adds its own keys and its picture.

use std::time::Instant;

use ratatui::buffer::Buffer;
use ratatui::layout::{Rect, Size};
use ratatui::widgets::Widget;

use super::{Cx, Drawn, Kind, Outcome, Screen, View};
use crate::exercise::timed::{Driver, Timed};
use crate::exercise::timeline::Wake;
use crate::keys::{Action, Tables};
use crate::session::Finished;

/// Why the picture is still, for the words on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pausing {
    pub paused: bool,
    /// Paused because time jumped (a suspended laptop), not by a key.
    pub stalled: bool,
}

impl Pausing {
    /// "Paused", or the words of what is on.
    pub fn words(self, running: &str) -> String {
        if self.paused {
            "Paused".into()
        } else {
            running.into()
        }
    }

    /// The seconds line: "4", or "Hold · 4 · space to go on" while paused.
    pub fn seconds(self, running: &str, seconds: u64) -> String {
        if self.paused {
            format!("{running} · {seconds} · space to go on")
        } else {
            seconds.to_string()
        }
    }

    /// The note after a stall.
    pub fn stall_note(self) -> Option<&'static str> {
        (self.paused && self.stalled).then_some("Paused while you were away")
    }
}

/// A timed exercise as a screen: its own keys, its picture, its end.
pub trait Paced: Timed + Sized + 'static {
    /// Everything the picture shows at one instant; equal pictures draw the same.
    type Picture: PartialEq + Copy;
    const KIND: Kind;
    fn tables(&self) -> Tables;
    fn picture(&self, now: Instant, motion: bool) -> Self::Picture;
    /// Whether one of its own actions does anything with this picture on.
    fn enabled(&self, _action: Action, _picture: Option<&Self::Picture>) -> bool {
        true
    }
    /// Its own keys (pause and end are the screen's).
    fn handle(driver: &mut Driver<Self>, action: Action, cx: &mut Cx) -> Outcome;
    /// Stops the clock; the account and the summary.
    fn finish(&mut self, now: Instant, completed: bool) -> Finished;
    fn min_size(&self) -> Size {
        Size::new(1, 1)
    }
    fn draw(
        &self,
        picture: Self::Picture,
        pausing: Pausing,
        area: Rect,
        buf: &mut Buffer,
        view: &View,
    );
}

pub struct TimedScreen<E: Paced> {
    driver: Driver<E>,
    last: Option<E::Picture>,
    /// It ended (or was left) and said so, once.
    done: bool,
}

impl<E: Paced> TimedScreen<E> {
    pub fn new(exercise: E) -> TimedScreen<E> {
        TimedScreen {
            driver: Driver::new(exercise),
            last: None,
            done: false,
        }
    }

    fn end(&mut self, now: Instant, completed: bool) -> Finished {
        self.done = true;
        // Time away from this screen (Support on top, a suspended laptop)
        // that was not yet looked at is a stall, not time spent.
        self.driver.observe(now);
        self.driver.stop(now);
        self.driver.exercise_mut().finish(now, completed)
    }
}

impl<E: Paced> Screen for TimedScreen<E> {
    fn kind(&self) -> Kind {
        E::KIND
    }

    fn bindings(&self) -> Tables {
        self.driver.exercise().tables()
    }

    fn enabled(&self, action: Action) -> bool {
        match action {
            Action::Pause | Action::Back => true,
            other => self.driver.exercise().enabled(other, self.last.as_ref()),
        }
    }

    fn handle(&mut self, action: Action, cx: &mut Cx) -> Outcome {
        if self.done {
            return Outcome::Ignored;
        }
        match action {
            Action::Pause => {
                self.driver.toggle_pause(cx.now);
                Outcome::Changed
            }
            Action::Back => Outcome::Ended(self.end(cx.now, false)),
            other => {
                let outcome = E::handle(&mut self.driver, other, cx);
                if matches!(outcome, Outcome::Switch { .. } | Outcome::Ended(_)) {
                    self.done = true;
                }
                outcome
            }
        }
    }

    fn advance(&mut self, cx: &mut Cx) -> Outcome {
        if self.done {
            return Outcome::Ignored;
        }
        let tick = self.driver.tick(cx.now);
        cx.bell(tick.rings);
        if tick.finished {
            return Outcome::Ended(self.end(cx.now, true));
        }
        let picture = self.driver.exercise().picture(cx.now, cx.ctx.motion);
        let changed = self.last != Some(picture) || tick.stalled;
        self.last = Some(picture);
        if changed {
            Outcome::Changed
        } else {
            Outcome::Ignored
        }
    }

    fn next_wake(&self, view: &View) -> Wake {
        self.driver.next_wake(view.now, view.ctx.motion)
    }

    fn abandon(&mut self, now: Instant) -> Option<Finished> {
        (!self.done).then(|| self.end(now, false))
    }

    fn min_size(&self) -> Size {
        self.driver.exercise().min_size()
    }

    fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        Drawn { screen: self, view }.render(area, buf);
    }
}

/// A timed exercise at one instant, as a ratatui widget: its picture and
/// why it is still, drawn by the exercise.
impl<E: Paced> Widget for Drawn<'_, TimedScreen<E>> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let driver = &self.screen.driver;
        let exercise = driver.exercise();
        let picture = exercise.picture(self.view.now, self.view.ctx.motion);
        let pausing = Pausing {
            paused: driver.is_paused(),
            stalled: driver.stalled(),
        };
        exercise.draw(picture, pausing, area, buf, self.view);
    }
}
