//! Plain mode: the breathing pacer as one line per phase change, printed in
//! real time with no escape codes, for screen readers, logs and pipes.
//! Enter pauses and resumes; `q` then Enter ends.

use std::io::{self, BufRead, Write};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use crate::app::schedule;
use crate::content::seconds_label;
use crate::exercise::breathing::{Breathing, Ended};
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
    let mut input_open = true;
    let completed = loop {
        if signals.take().is_some() {
            break false;
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
        let sample = session.sample(now);
        if sample.finished {
            break true;
        }
        if let Some(step) = session.entered_step(now) {
            if bell && step.rings() > 0 {
                write!(out, "{}", "\x07".repeat(step.rings() as usize))?;
            }
            writeln!(
                out,
                "{} · {} s",
                step.words(),
                seconds_label(sample.segment_ms)
            )?;
            out.flush()?;
        }
        let deadline = session.timeline().next_change(now);
        let wait = schedule::wait(Instant::now(), deadline, SIGNAL_CHECK);
        if !input_open {
            std::thread::sleep(wait);
            continue;
        }
        match input.recv_timeout(wait) {
            Ok(line) => match line.trim() {
                "q" | "Q" | "quit" => break false,
                _ => {
                    let now = Instant::now();
                    session.toggle_pause(now);
                    if session.is_paused() {
                        writeln!(out, "Paused · Enter goes on")?;
                    } else {
                        let sample = session.sample(now);
                        let left = sample.remaining_ms().div_ceil(1000);
                        writeln!(out, "{} · {left} s", sample.kind.words())?;
                    }
                    out.flush()?;
                }
            },
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => input_open = false,
        }
    };
    let ended = session.end(Instant::now(), completed);
    writeln!(
        out,
        "Done · {}",
        ui::cycles_and_time(ended.cycles, ended.elapsed_secs)
    )?;
    out.flush()?;
    Ok(ended)
}
