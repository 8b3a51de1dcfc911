//! Plain mode: the timed exercises as one line per change, printed in real
//! time with no escape codes, for screen readers, logs and pipes (Enter
//! pauses and resumes; `q` then Enter ends), and grounding as prompts
//! answered line by line.

use std::io::{self, BufRead, Write};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use crate::content::seconds_label;
use crate::exercise::breathing::{self, Breathing};
use crate::exercise::grounding::GroundingFlow;
use crate::exercise::relaxation::{Part, Relaxation, Stage};
use crate::exercise::timed::{Driver, Timed};
use crate::exercise::timeline;
use crate::journal::Session;
use crate::sanitize;
use crate::session::{Question, Ratings};
use crate::terminal::Signals;
use crate::words;

mod apart;
mod heated;
mod pages;
pub use apart::{ladder, repair};
pub use heated::{pause, send};

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

/// What plain mode says of a timed exercise: the line for a step that
/// began, and where things stand after a resume. The timing rules are the
/// driver's, the same as on screen.
trait Lines: Timed {
    fn entered(&self, kind: Self::Kind, now: Instant) -> String;
    fn current(&self, now: Instant) -> String;
}

impl Lines for Breathing {
    fn entered(&self, step: breathing::Step, now: Instant) -> String {
        let sample = self.sample(now);
        format!("{} · {} s", step.words(), seconds_label(sample.segment_ms))
    }

    fn current(&self, now: Instant) -> String {
        let sample = self.sample(now);
        let left = sample.remaining_ms().div_ceil(1000);
        format!("{} · {left} s", sample.kind.words())
    }
}

impl Lines for Relaxation {
    fn entered(&self, stage: Stage, now: Instant) -> String {
        let sample = self.sample(now);
        let step = self.step(stage.step);
        match stage.part {
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
        }
    }

    fn current(&self, now: Instant) -> String {
        let sample = self.sample(now);
        let left = sample.remaining_ms().div_ceil(1000);
        let group = &self.step(sample.kind.step).group;
        format!("{group} · {} · {left} s", sample.kind.part.words())
    }
}

/// Breathing in plain lines; the journal's account at the end.
pub fn breathe(
    session: Breathing,
    out: &mut impl Write,
    input: &Receiver<String>,
    signals: &Signals,
    bell: bool,
) -> io::Result<Session> {
    let pattern = session.pattern().clone();
    writeln!(out, "soothe · {} · {}", pattern.name, pattern.rhythm())?;
    writeln!(out, "Enter pauses or resumes; q then Enter ends.")?;
    if let Some((cycles, seconds)) = session.plan() {
        writeln!(out, "{}", words::cycles_and_time(cycles, seconds))?;
    }
    let mut driver = Driver::new(session);
    let completed = run(&mut driver, out, input, signals, bell)?;
    let session = driver.exercise_mut();
    let ended = session.end(Instant::now(), completed);
    writeln!(
        out,
        "Done · {}",
        words::cycles_and_time(ended.cycles, ended.elapsed_secs)
    )?;
    out.flush()?;
    Ok(session.session(&ended))
}

/// Relaxation in plain lines; the journal's account at the end.
pub fn relax(
    session: Relaxation,
    out: &mut impl Write,
    input: &Receiver<String>,
    signals: &Signals,
    bell: bool,
) -> io::Result<Session> {
    let program = session.program().clone();
    writeln!(
        out,
        "soothe · {} · {} groups · {}",
        program.name,
        program.steps.len(),
        words::clock(session.total_secs())
    )?;
    if let Some(caution) = &program.caution {
        writeln!(out, "{caution}")?;
    }
    writeln!(out, "Enter pauses or resumes; q then Enter ends.")?;
    let mut driver = Driver::new(session);
    let completed = run(&mut driver, out, input, signals, bell)?;
    let session = driver.exercise_mut();
    let ended = session.end(Instant::now(), completed);
    writeln!(out, "Done · {}", words::groups_let_go(&ended))?;
    out.flush()?;
    Ok(session.session(&ended))
}

/// Prints each step as it begins, in real time, until the session ends
/// (true), or `q`, a signal or the end of input and output stops it (false).
fn run<T: Lines>(
    driver: &mut Driver<T>,
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
        let tick = driver.tick(now);
        if tick.stalled {
            writeln!(
                out,
                "Paused: time jumped (was soothe stopped?). Enter goes on."
            )?;
            if !input_open {
                driver.toggle_pause(now);
            }
        }
        if tick.finished {
            return Ok(true);
        }
        if let Some(kind) = tick.entered {
            if bell && tick.rings > 0 {
                write!(out, "{}", "\x07".repeat(tick.rings as usize))?;
            }
            writeln!(out, "{}", driver.exercise().entered(kind, now))?;
            out.flush()?;
        }
        let deadline = driver.exercise().timeline().next_change(now);
        let wait = timeline::wait(Instant::now(), deadline, SIGNAL_CHECK);
        if !input_open {
            std::thread::sleep(wait);
            continue;
        }
        match input.recv_timeout(wait) {
            Ok(line) => match line.trim() {
                "q" | "Q" | "quit" => return Ok(false),
                _ => {
                    let now = Instant::now();
                    driver.toggle_pause(now);
                    if driver.is_paused() {
                        writeln!(out, "Paused · Enter goes on")?;
                    } else {
                        writeln!(out, "{}", driver.exercise().current(now))?;
                    }
                    out.flush()?;
                }
            },
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => input_open = false,
        }
    }
}

/// The ending's questions, each a number 0–10 on its own line; an empty
/// line skips.
pub fn check_in(
    questions: &[Question],
    out: &mut impl Write,
    input: &Receiver<String>,
) -> io::Result<Ratings> {
    let mut ratings = Ratings::default();
    for question in questions {
        let prompt = format!("{} 0 to 10, Enter skips: ", words::question(*question));
        ratings.set(*question, ask_rating(out, input, &prompt)?);
    }
    Ok(ratings)
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
