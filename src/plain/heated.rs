//! Plain mode for the heated moment: a break and a message, one line per
//! prompt and per change, answers read a line each; `q` alone ends. The
//! break prints its return time, its halfway line and the return, and
//! sleeps in between.

use std::io::{self, Write};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset};

use crate::exercise::pause::{Break, Planned, Stage, looks_flooded};
use crate::exercise::send::{self, Plan};
use crate::journal::{Decision, Exercise, PauseRecord, SendRecord, Session};
use crate::sanitize;
use crate::screen::Ctx;
use crate::terminal::Signals;

/// How often a wait looks for a signal.
const SIGNAL_CHECK: Duration = Duration::from_millis(250);

fn wall() -> DateTime<FixedOffset> {
    chrono::Local::now().fixed_offset()
}

fn clock_time(at: DateTime<FixedOffset>) -> String {
    at.format("%H:%M").to_string()
}

/// One answer line; `None` when `q` alone was typed, input ended or a
/// signal came.
fn line(input: &Receiver<String>, signals: &Signals) -> Option<String> {
    loop {
        if signals.take().is_some() {
            return None;
        }
        match input.recv_timeout(SIGNAL_CHECK) {
            Ok(line) if line.trim() == "q" => return None,
            Ok(line) => return Some(sanitize::line(&line)),
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => return None,
        }
    }
}

pub(super) fn ask(
    out: &mut impl Write,
    input: &Receiver<String>,
    signals: &Signals,
    prompt: &str,
) -> io::Result<Option<String>> {
    write!(out, "{prompt}")?;
    out.flush()?;
    let answer = line(input, signals);
    if answer.is_none() {
        writeln!(out)?;
    }
    Ok(answer)
}

/// A 0–10 rating: `Some(None)` skipped, `None` ended.
fn rating(
    out: &mut impl Write,
    input: &Receiver<String>,
    signals: &Signals,
    prompt: &str,
) -> io::Result<Option<Option<u8>>> {
    let mut prompt = prompt.to_string();
    loop {
        let Some(answer) = ask(out, input, signals, &prompt)? else {
            return Ok(None);
        };
        match answer.trim() {
            "" | "s" => return Ok(Some(None)),
            text => match text.parse::<u8>() {
                Ok(value) if value <= 10 => return Ok(Some(Some(value))),
                _ => prompt = "A number from 0 to 10, or Enter to skip: ".into(),
            },
        }
    }
}

/// The safety question, if never shown: `remember` is called as it is.
fn safety(
    ctx: &Ctx,
    out: &mut impl Write,
    input: &Receiver<String>,
    signals: &Signals,
    remember: &mut dyn FnMut(),
) -> io::Result<bool> {
    if ctx.safety_asked {
        return Ok(true);
    }
    remember();
    let say = |id| ctx.content.say(id);
    let prompt = format!(
        "{} (y, n, or Enter to skip; not kept): ",
        say("safety.question")
    );
    let Some(answer) = ask(out, input, signals, &prompt)? else {
        return Ok(false);
    };
    if answer.trim().eq_ignore_ascii_case("y") {
        for id in [
            "safety.assume",
            "safety.solo",
            "safety.help",
            "safety.journal",
        ] {
            writeln!(out, "{}", say(id))?;
        }
    }
    Ok(true)
}

/// Sleeps until the break's next change, a line, or a signal. Returns
/// false when it was ended (`q`, a signal, end of input while waiting is
/// fine: the clock goes on), true for Enter (come back now).
enum Waited {
    Changed,
    ComeBack,
    Ended,
}

fn wait_for_change(
    plan: &Break,
    input: &Receiver<String>,
    signals: &Signals,
    open: &mut bool,
) -> Waited {
    let now = wall();
    let Some(next) = plan.next_change(now) else {
        return Waited::Changed;
    };
    let until = Instant::now() + (next - now).to_std().unwrap_or_default();
    loop {
        if signals.take().is_some() {
            return Waited::Ended;
        }
        let left = until.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Waited::Changed;
        }
        let step = left.min(SIGNAL_CHECK);
        if !*open {
            std::thread::sleep(step);
            continue;
        }
        match input.recv_timeout(step) {
            Ok(line) if line.trim() == "q" => return Waited::Ended,
            Ok(_) => return Waited::ComeBack,
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => *open = false,
        }
    }
}

/// A break in plain lines; the journal's account at the end.
pub fn pause(
    ctx: &Ctx,
    planned: Planned,
    start: Instant,
    out: &mut impl Write,
    input: &Receiver<String>,
    signals: &Signals,
    remember: &mut dyn FnMut(),
) -> io::Result<Session> {
    let say = |id| ctx.content.say(id);
    let mut plan = planned
        .plan(wall())
        .or_else(|_| Planned::default().plan(wall()))
        .expect("the shortest break is always within the limits");
    let mut record = PauseRecord {
        returns_at: plan.returns(),
        ..PauseRecord::default()
    };
    let mut before = None;
    let mut after = None;
    let mut completed = false;
    writeln!(
        out,
        "soothe · {} until {}",
        say("pause.title"),
        clock_time(plan.returns())
    )?;
    'session: {
        writeln!(out, "{}", say("pause.signs"))?;
        for (i, sign) in ctx.content.signs.iter().enumerate() {
            writeln!(out, "  {}. {}", i + 1, sign.text)?;
        }
        let Some(marked) = ask(
            out,
            input,
            signals,
            "The numbers that are true (like 1 3), Enter skips: ",
        )?
        else {
            break 'session;
        };
        let count = ctx.content.signs.len();
        let mut signs: Vec<usize> = marked
            .split(|c: char| !c.is_ascii_digit())
            .filter_map(|n| n.parse().ok())
            .filter(|n| (1..=count).contains(n))
            .collect();
        signs.sort_unstable();
        signs.dedup();
        record.signs = signs.len() as u32;
        let Some(pulse) = ask(out, input, signals, "Pulse, if you took it (Enter skips): ")? else {
            break 'session;
        };
        record.pulse = pulse
            .trim()
            .parse::<u16>()
            .ok()
            .filter(|p| (20..=250).contains(p));
        let Some(rated) = rating(out, input, signals, "Distress now, 0 to 10 (Enter skips): ")?
        else {
            break 'session;
        };
        before = rated;
        if looks_flooded(signs.len(), record.pulse) {
            writeln!(out, "{}", say("pause.flooded"))?;
        }
        if !safety(ctx, out, input, signals, remember)? {
            break 'session;
        }
        let mut message = say("pause.message").replace("{time}", &clock_time(plan.returns()));
        let mut input_open = true;
        loop {
            writeln!(out, "For your partner, to say or send:")?;
            writeln!(out, "{message}")?;
            record.message = message.clone();
            writeln!(
                out,
                "Break until {}. {} Enter comes back early; q alone ends.",
                clock_time(plan.returns()),
                say("pause.quiet")
            )?;
            out.flush()?;
            let mut said_halfway = false;
            loop {
                let stage = plan.stage(wall());
                if stage == Stage::Due {
                    break;
                }
                if stage == Stage::Halfway && !said_halfway {
                    said_halfway = true;
                    writeln!(out, "{}", say("pause.halfway"))?;
                    out.flush()?;
                }
                match wait_for_change(&plan, input, signals, &mut input_open) {
                    Waited::Changed => {}
                    Waited::ComeBack => break,
                    Waited::Ended => break 'session,
                }
            }
            let now = wall();
            let back = if now < plan.returns() {
                say("pause.early").replace("{time}", &clock_time(now))
            } else {
                say("pause.due").replace("{time}", &clock_time(plan.returns()))
            };
            writeln!(out, "{back}")?;
            completed = true;
            let Some(rated) = rating(out, input, signals, "Distress now, 0 to 10 (Enter skips): ")?
            else {
                break 'session;
            };
            after = rated;
            let prompt = format!("{} y or n: ", say("pause.ready"));
            let Some(ready) = ask(out, input, signals, &prompt)? else {
                break 'session;
            };
            if ready.trim().eq_ignore_ascii_case("y") {
                record.ready = Some(true);
                record.back_on_time = wall() <= plan.returns() + chrono::Duration::minutes(5);
                writeln!(out, "{}", say("pause.soft-start"))?;
                writeln!(out, "{}", say("pause.soft-start.after"))?;
                break 'session;
            }
            record.ready = Some(false);
            if !plan.extend(wall()) {
                writeln!(out, "{}", say("pause.enough"))?;
                break 'session;
            }
            message = say("pause.message.again").replace("{time}", &clock_time(plan.returns()));
        }
    }
    writeln!(out, "{}", say("pause.credit"))?;
    out.flush()?;
    record.planned_minutes = plan.planned_minutes();
    record.returns_at = plan.returns();
    record.extensions = plan.extensions();
    let mut session = Session::new(
        Exercise::Pause,
        "break",
        completed,
        start.elapsed().as_secs(),
    );
    session.own = (before, after);
    session.pause = Some(Box::new(record));
    Ok(session)
}

/// A message in plain lines: urge, draft (one line), findings, the wait,
/// the urge again, the decision. The account at the end.
pub fn send(
    ctx: &Ctx,
    plan: Plan,
    start: Instant,
    out: &mut impl Write,
    input: &Receiver<String>,
    signals: &Signals,
    remember: &mut dyn FnMut(),
) -> io::Result<Session> {
    let say = |id| ctx.content.say(id);
    let mut record = SendRecord {
        urge_before: None,
        urge_after: None,
        wait_minutes: plan.wait_minutes,
        waited: false,
        decision: Decision::Left,
        findings: Vec::new(),
        words: 0,
        activities: Vec::new(),
        draft: plan.draft.clone(),
    };
    writeln!(
        out,
        "soothe · a message, checked and left to sit. Nothing is sent. q alone ends."
    )?;
    'session: {
        if !safety(ctx, out, input, signals, remember)? {
            break 'session;
        }
        let prompt = format!("{} 0 to 10, Enter skips: ", say("send.urge"));
        let Some(urge) = rating(out, input, signals, &prompt)? else {
            break 'session;
        };
        record.urge_before = urge;
        loop {
            writeln!(out, "{}", say("send.draft"))?;
            if !record.draft.is_empty() {
                writeln!(out, "(Enter keeps: {})", record.draft)?;
            }
            let Some(draft) = ask(out, input, signals, "> ")? else {
                break 'session;
            };
            if !draft.trim().is_empty() {
                record.draft = draft.trim().to_string();
            }
            let findings = send::check(
                &record.draft,
                &ctx.content.send_rules,
                &ctx.settings.send_rules_off,
            );
            if findings.is_empty() {
                writeln!(out, "{}", say("send.clean"))?;
            }
            for finding in &findings {
                if let Some(rule) = ctx.content.send_rules.iter().find(|r| r.id == finding.rule) {
                    let words: Vec<&str> = finding
                        .marks
                        .iter()
                        .map(|m| &record.draft[m.clone()])
                        .collect();
                    let found = if words.is_empty() {
                        String::new()
                    } else {
                        format!(" ({})", words.join(", "))
                    };
                    writeln!(out, "· {}{found}: {}", rule.name, rule.suggestion)?;
                }
            }
            record.findings = findings.into_iter().map(|f| f.rule).collect();
            if record.wait_minutes > 0 && !record.waited {
                let until = wall() + chrono::Duration::minutes(i64::from(record.wait_minutes));
                writeln!(
                    out,
                    "{} Enter stops waiting.",
                    say("send.wait").replace("{time}", &clock_time(until))
                )?;
                out.flush()?;
                let deadline =
                    Instant::now() + Duration::from_secs(u64::from(record.wait_minutes) * 60);
                loop {
                    if signals.take().is_some() {
                        break 'session;
                    }
                    let left = deadline.saturating_duration_since(Instant::now());
                    if left.is_zero() {
                        record.waited = true;
                        break;
                    }
                    match input.recv_timeout(left.min(SIGNAL_CHECK)) {
                        Ok(line) if line.trim() == "q" => break 'session,
                        Ok(_) => break,
                        Err(RecvTimeoutError::Timeout) => {}
                        // No one is left to answer: the draft is printed below.
                        Err(RecvTimeoutError::Disconnected) => break 'session,
                    }
                }
                let prompt = format!("{} 0 to 10, Enter skips: ", say("send.urge.again"));
                let Some(urge) = rating(out, input, signals, &prompt)? else {
                    break 'session;
                };
                record.urge_after = urge;
            }
            let mut prompt = format!("{} s show it, e edit, n not now: ", say("send.decide"));
            let choice = loop {
                let Some(choice) = ask(out, input, signals, &prompt)? else {
                    break 'session;
                };
                match choice.trim() {
                    answer @ ("s" | "e" | "n") => break answer.to_string(),
                    _ => prompt = "s to show it, e to edit, n for not now: ".into(),
                }
            };
            match choice.as_str() {
                "s" => {
                    record.decision = Decision::Shown;
                    writeln!(out, "Your message, to copy (soothe has sent nothing):")?;
                    writeln!(out, "{}", record.draft)?;
                    break 'session;
                }
                "e" => continue,
                _ => {
                    record.decision = Decision::NotNow;
                    writeln!(out, "{}", say("send.not-now"))?;
                    break 'session;
                }
            }
        }
    }
    if record.decision != Decision::Shown && !record.draft.trim().is_empty() {
        writeln!(out, "Your draft, not sent (printed so it is not lost):")?;
        writeln!(out, "{}", record.draft)?;
    }
    out.flush()?;
    record.words = record.draft.split_whitespace().count() as u32;
    let completed = record.decision != Decision::Left;
    let mut session = Session::new(
        Exercise::Send,
        "message",
        completed,
        start.elapsed().as_secs(),
    );
    session.send = Some(Box::new(record));
    Ok(session)
}
