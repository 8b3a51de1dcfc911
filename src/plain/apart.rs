//! Plain mode for a repair alone and for a ladder practice: the same
//! question pages as the screen, one line each; the repair's words printed
//! at the end; a practice's fear ratings typed as numbers while it runs.

use std::io::{self, Write};
use std::sync::mpsc::Receiver;
use std::time::Instant;

use super::pages::{Asked, ask_all};
use crate::exercise::repair::CALM_ENOUGH_BELOW;
use crate::journal::{Record, Session};
use crate::ladder::Ladders;
use crate::screen::Ctx;
use crate::screen::ladder::Practice;
use crate::screen::repair::{Repair, arriving};
use crate::terminal::Signals;

/// A repair alone, a question a line; the words to say printed at the end.
pub fn repair(
    ctx: &Ctx,
    start: Instant,
    out: &mut impl Write,
    input: &Receiver<String>,
    signals: &Signals,
) -> io::Result<Session> {
    writeln!(
        out,
        "soothe · a repair after a fight, alone. Nothing is sent anywhere. q alone ends."
    )?;
    let mut repair = Repair::new(ctx, start);
    let mut warned = false;
    ask_all(repair.pages_mut(), out, input, signals, |pages| {
        arriving(pages);
        let high = pages.rating("calm").is_some_and(|d| d >= CALM_ENOUGH_BELOW);
        (high && !warned && pages.page().id == "feelings").then(|| {
            warned = true;
            "That is high. If you can, breathe first (`soothe breathe` in another window), then carry on here.".to_string()
        })
    })?;
    let today = chrono::Local::now().date_naive();
    let finished = repair.account(Some(today), Instant::now());
    for line in &finished.session.farewell {
        writeln!(out, "{line}")?;
    }
    out.flush()?;
    Ok(finished.session)
}

/// The suggested step of the current ladder (by `records`) practised
/// (`logged`: done with soothe closed), a question a line; `None` when
/// there is no ladder yet.
pub fn ladder(
    ctx: &Ctx,
    (ladders, records): (&Ladders, &[Record]),
    logged: bool,
    out: &mut impl Write,
    input: &Receiver<String>,
    signals: &Signals,
) -> io::Result<Option<Session>> {
    let start = Instant::now();
    let Some(ladder) = ladders.current() else {
        writeln!(
            out,
            "No ladder yet: `soothe ladder new` builds one (on the screen)."
        )?;
        return Ok(None);
    };
    let step = ladder.suggested(records).unwrap_or(0);
    let Some(what) = ladder.steps.get(step) else {
        return Ok(None);
    };
    writeln!(
        out,
        "soothe · a ladder practice: {} (fear {} of 10). q alone ends.",
        what.what, what.fear
    )?;
    let mut practice = Practice::new(ladder, step, logged, ctx, start);
    let mut completed = false;
    'practice: {
        if ask_all(&mut practice.before, out, input, signals, |_| None)? == Asked::Stopped {
            break 'practice;
        }
        if !logged {
            practice.started = Instant::now();
            writeln!(
                out,
                "Practising. Type the fear now (0 to 10) whenever you like; Enter alone when you are done."
            )?;
            loop {
                let Some(line) = super::heated::ask(out, input, signals, "")? else {
                    break 'practice;
                };
                match line.trim().parse::<u8>() {
                    Ok(fear) if fear <= 10 => practice.during.push(fear),
                    _ if line.trim().is_empty() => break,
                    _ => writeln!(
                        out,
                        "A number from 0 to 10, or Enter alone when you are done."
                    )?,
                }
            }
        }
        completed = ask_all(&mut practice.after, out, input, signals, |_| None)? == Asked::All;
    }
    out.flush()?;
    Ok(practice.session(ladder, completed, Instant::now()))
}
