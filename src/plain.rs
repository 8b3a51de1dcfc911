//! Plain mode: the timed exercises as one line per change, printed in real
//! time with no escape codes, for screen readers, logs and pipes (Enter
//! pauses and resumes; `q` then Enter ends), and grounding as prompts
//! answered line by line.

use std::io::{self, BufRead, Write};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use crate::app::schedule;
use crate::content::seconds_label;
use crate::exercise::breathing::{Breathing, Ended};
use crate::exercise::grounding::GroundingFlow;
use crate::exercise::relaxation::{self, Part, Relaxation};
use crate::sanitize;
use crate::terminal::Signals;
use crate::ui;

const SIGNAL_CHECK: Duration = Duration::from_millis(250);

/// Lines typed on standard input, read on a helper thread so the pacer's
/// timing never waits on the reader. The channel closes at end of input.
pub fn stdin_lines() -> Receiver<String> {
    let (send, receive) = mpsc::channel();
    std::thread::spawn(move || {
        for line in io::stdin().lock().lines() {
            let Ok(line) = line else { break };
            if send.send(line).is_err() {
                break;
            }
        }
    });
    receive
}

/// A timed exercise as plain mode runs it: lines for what begins, and a
/// clock that pauses and resumes.
trait Timed {
    fn observe(&mut self, now: Instant) -> bool;
    fn finished(&self, now: Instant) -> bool;
    /// The line (and bell rings) for a step that just began, once.
    fn entered(&mut self, now: Instant) -> Option<(String, u8)>;
    /// Where things stand, after a resume.
    fn current(&self, now: Instant) -> String;
    fn next_change(&self, now: Instant) -> Option<Instant>;
    fn toggle_pause(&mut self, now: Instant);
    fn is_paused(&self) -> bool;
}

impl Timed for Breathing {
    fn observe(&mut self, now: Instant) -> bool {
        Breathing::observe(self, now)
    }
    fn finished(&self, now: Instant) -> bool {
        self.sample(now).finished
    }
    fn entered(&mut self, now: Instant) -> Option<(String, u8)> {
        let step = self.entered_step(now)?;
        let sample = self.sample(now);
        let line = format!("{} · {} s", step.words(), seconds_label(sample.segment_ms));
        Some((line, step.rings()))
    }
    fn current(&self, now: Instant) -> String {
        let sample = self.sample(now);
        let left = sample.remaining_ms().div_ceil(1000);
        format!("{} · {left} s", sample.kind.words())
    }
    fn next_change(&self, now: Instant) -> Option<Instant> {
        self.timeline().next_change(now)
    }
    fn toggle_pause(&mut self, now: Instant) {
        Breathing::toggle_pause(self, now)
    }
    fn is_paused(&self) -> bool {
        Breathing::is_paused(self)
    }
}

impl Timed for Relaxation {
    fn observe(&mut self, now: Instant) -> bool {
        Relaxation::observe(self, now)
    }
    fn finished(&self, now: Instant) -> bool {
        self.sample(now).finished
    }
    fn entered(&mut self, now: Instant) -> Option<(String, u8)> {
        let stage = Relaxation::entered(self, now)?;
        let sample = self.sample(now);
        let step = self.step(stage.step);
        let line = match stage.part {
            Part::Tense => format!(
                "{} of {} · {} · Tense · {} s · {}",
                stage.step + 1,
                self.groups(),
                step.group,
                seconds_label(sample.segment_ms),
                step.tense
            ),
            Part::Release => format!(
                "Let go · {} s · {} {}",
                seconds_label(sample.segment_ms),
                step.release,
                step.notice
            ),
        };
        Some((line, stage.part.rings()))
    }
    fn current(&self, now: Instant) -> String {
        let sample = self.sample(now);
        let left = sample.remaining_ms().div_ceil(1000);
        let group = &self.step(sample.kind.step).group;
        format!("{group} · {} · {left} s", sample.kind.part.words())
    }
    fn next_change(&self, now: Instant) -> Option<Instant> {
        self.timeline().next_change(now)
    }
    fn toggle_pause(&mut self, now: Instant) {
        Relaxation::toggle_pause(self, now)
    }
    fn is_paused(&self) -> bool {
        Relaxation::is_paused(self)
    }
}

pub fn breathe(
    mut session: Breathing,
    out: &mut impl Write,
    input: &Receiver<String>,
    signals: &Signals,
    bell: bool,
) -> io::Result<Ended> {
    let pattern = session.pattern().clone();
    writeln!(out, "soothe · {} · {}", pattern.name, pattern.rhythm())?;
    writeln!(out, "Enter pauses or resumes; q then Enter ends.")?;
    if let Some((cycles, seconds)) = session.plan() {
        writeln!(out, "{}", ui::cycles_and_time(cycles, seconds))?;
    }
    let completed = run(&mut session, out, input, signals, bell)?;
    let ended = session.end(Instant::now(), completed);
    writeln!(
        out,
        "Done · {}",
        ui::cycles_and_time(ended.cycles, ended.elapsed_secs)
    )?;
    out.flush()?;
    Ok(ended)
}

pub fn relax(
    mut session: Relaxation,
    out: &mut impl Write,
    input: &Receiver<String>,
    signals: &Signals,
    bell: bool,
) -> io::Result<relaxation::Ended> {
    let program = session.program().clone();
    writeln!(
        out,
        "soothe · {} · {} groups · {}",
        program.name,
        program.steps.len(),
        ui::clock(session.total_secs())
    )?;
    if let Some(caution) = &program.caution {
        writeln!(out, "{caution}")?;
    }
    writeln!(out, "Enter pauses or resumes; q then Enter ends.")?;
    let completed = run(&mut session, out, input, signals, bell)?;
    let ended = session.end(Instant::now(), completed);
    writeln!(
        out,
        "Done · {} of {} groups let go · {}",
        ended.relaxed,
        ended.groups,
        ui::clock(ended.elapsed_secs)
    )?;
    out.flush()?;
    Ok(ended)
}

/// Prints each step as it begins, in real time, until the session ends
/// (true), or `q`, a signal or the end of input and output stops it (false).
fn run(
    session: &mut impl Timed,
    out: &mut impl Write,
    input: &Receiver<String>,
    signals: &Signals,
    bell: bool,
) -> io::Result<bool> {
    let mut input_open = true;
    loop {
        if signals.take().is_some() {
            return Ok(false);
        }
        let now = Instant::now();
        if session.observe(now) {
            writeln!(
                out,
                "Paused: time jumped (was soothe stopped?). Enter goes on."
            )?;
            if !input_open {
                session.toggle_pause(now);
            }
        }
        if session.finished(now) {
            return Ok(true);
        }
        if let Some((line, rings)) = session.entered(now) {
            if bell && rings > 0 {
                write!(out, "{}", "\x07".repeat(rings as usize))?;
            }
            writeln!(out, "{line}")?;
            out.flush()?;
        }
        let deadline = session.next_change(now);
        let wait = schedule::wait(Instant::now(), deadline, SIGNAL_CHECK);
        if !input_open {
            std::thread::sleep(wait);
            continue;
        }
        match input.recv_timeout(wait) {
            Ok(line) => match line.trim() {
                "q" | "Q" | "quit" => return Ok(false),
                _ => {
                    let now = Instant::now();
                    session.toggle_pause(now);
                    if session.is_paused() {
                        writeln!(out, "Paused · Enter goes on")?;
                    } else {
                        writeln!(out, "{}", session.current(now))?;
                    }
                    out.flush()?;
                }
            },
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => input_open = false,
        }
    }
}

/// The check-in, asked after a plain exercise: "before you started" and
/// "now", each a number 0–10 on its own line; an empty line skips.
pub fn check_in(
    out: &mut impl Write,
    input: &Receiver<String>,
) -> io::Result<(Option<u8>, Option<u8>)> {
    let before = ask_rating(
        out,
        input,
        "Before you started, how strong was the distress? 0 to 10, Enter skips: ",
    )?;
    let after = ask_rating(
        out,
        input,
        "And how strong is it now? 0 to 10, Enter skips: ",
    )?;
    Ok((before, after))
}

fn ask_rating(
    out: &mut impl Write,
    input: &Receiver<String>,
    question: &str,
) -> io::Result<Option<u8>> {
    write!(out, "{question}")?;
    out.flush()?;
    loop {
        let Ok(line) = input.recv() else {
            writeln!(out)?;
            return Ok(None);
        };
        match line.trim() {
            "" | "s" | "q" => return Ok(None),
            text => match text.parse::<u8>() {
                Ok(value) if value <= 10 => return Ok(Some(value)),
                _ => {
                    write!(out, "A number from 0 to 10, or Enter to skip: ")?;
                    out.flush()?;
                }
            },
        }
    }
}

/// Grounding as questions and answers: each prompt printed, each line read
/// counts one thing (an empty line counts one quietly). `q` alone ends.
pub fn ground(
    mut flow: GroundingFlow,
    out: &mut impl Write,
    input: &Receiver<String>,
) -> io::Result<GroundingFlow> {
    let variant = flow.variant().clone();
    writeln!(
        out,
        "soothe · {} · {} things",
        variant.name,
        variant.items()
    )?;
    writeln!(
        out,
        "Type each thing and press Enter, or just press Enter to count one. q alone ends."
    )?;
    let mut announced = None;
    while !flow.is_finished() {
        if announced != Some(flow.step_index()) {
            announced = Some(flow.step_index());
            let step = flow.step();
            writeln!(out, "{} · {}", step.sense.title(), step.prompt)?;
            if let Some(hint) = flow.hint() {
                writeln!(out, "  ({hint})")?;
            }
            out.flush()?;
        }
        // No timers in grounding: wait for as long as it takes.
        let Ok(line) = input.recv() else { break };
        if line.trim() == "q" {
            break;
        }
        flow.submit(&sanitize::line(&line));
    }
    writeln!(out, "Noticed:")?;
    for noticed in flow.summary() {
        if let Some(described) = noticed.describe() {
            writeln!(out, "  {} · {described}", noticed.sense.noticed())?;
        }
    }
    writeln!(out, "Done · {} things noticed", flow.total_counted())?;
    out.flush()?;
    Ok(flow)
}
