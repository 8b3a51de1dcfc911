//! Question pages in plain lines: each page's title (and hint) on a line,
//! the answer read from the next line. A number for a rating, numbers for
//! marks ("1 3"), one number for a choice, Enter to skip what is optional;
//! `q` alone ends.

use std::io::{self, Write};
use std::sync::mpsc::Receiver;

use crate::screen::pages::{Answer, Pages};
use crate::terminal::Signals;

/// What asking the pages came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Asked {
    /// Every page was answered or passed.
    All,
    /// `q`, a signal or the end of input stopped it.
    Stopped,
}

/// Asks every page in turn; `before(pages)` runs as each page comes up
/// (to build a text from the answers so far) and may print a line first.
pub fn ask_all(
    pages: &mut Pages,
    out: &mut impl Write,
    input: &Receiver<String>,
    signals: &Signals,
    mut before: impl FnMut(&mut Pages) -> Option<String>,
) -> io::Result<Asked> {
    for at in 0..pages.len() {
        pages.go_to(at);
        if let Some(line) = before(pages) {
            writeln!(out, "{line}")?;
        }
        if !ask_one(pages, out, input, signals)? {
            return Ok(Asked::Stopped);
        }
    }
    Ok(Asked::All)
}

/// One page; false when it was ended.
fn ask_one(
    pages: &mut Pages,
    out: &mut impl Write,
    input: &Receiver<String>,
    signals: &Signals,
) -> io::Result<bool> {
    let page = pages.page();
    let optional = page.optional;
    writeln!(out, "{}", page.title)?;
    if !page.hint.is_empty() && !matches!(page.answer, Answer::Read) {
        writeln!(out, "  ({})", page.hint)?;
    }
    let skip = if optional { ", Enter skips" } else { "" };
    let mut prompt = match &page.answer {
        Answer::Read => format!("{}\nEnter goes on: ", page.hint),
        Answer::Text(field) if !field.text().is_empty() => {
            format!("(Enter keeps: {})\n> ", field.text())
        }
        Answer::Text(_) => "> ".to_string(),
        Answer::Rating { max, .. } => format!("0 to {max}{skip}: "),
        Answer::Marks { items, .. } => {
            for (i, item) in items.iter().enumerate() {
                writeln!(out, "  {}. {item}", i + 1)?;
            }
            "Numbers, like 1 3 (Enter for none): ".to_string()
        }
        Answer::Choice { options, .. } => {
            for (i, (_, text)) in options.iter().enumerate() {
                writeln!(out, "  {}. {text}", i + 1)?;
            }
            format!("A number{skip}: ")
        }
    };
    loop {
        let Some(answer) = super::heated::ask(out, input, signals, &prompt)? else {
            return Ok(false);
        };
        let answer = answer.trim();
        let id = pages.page().id.clone();
        let page = pages.page();
        let understood = match &page.answer {
            Answer::Read => true,
            Answer::Text(field) => {
                if !answer.is_empty() {
                    pages.set_text(&id, answer);
                    true
                } else {
                    optional || !field.text().trim().is_empty()
                }
            }
            Answer::Rating { max, step, .. } => {
                let (max, step) = (*max, *step);
                match answer.parse::<u16>() {
                    _ if answer.is_empty() => optional,
                    // A percentage may be typed whole (70) or in tens (7).
                    Ok(n) if step > 1 && n <= 10 && max == 100 && answer.len() == 1 => {
                        pages.set_rating(&id, (n as u8) * step);
                        true
                    }
                    Ok(n) if n <= u16::from(max) => {
                        pages.set_rating(&id, n as u8);
                        true
                    }
                    _ => false,
                }
            }
            Answer::Marks { items, .. } => {
                let count = items.len();
                let picked: Option<Vec<usize>> = answer
                    .split([' ', ','])
                    .filter(|w| !w.is_empty())
                    .map(|w| {
                        w.parse::<usize>()
                            .ok()
                            .filter(|n| (1..=count).contains(n))
                            .map(|n| n - 1)
                    })
                    .collect();
                match picked {
                    Some(picked) => {
                        pages.set_marks(&picked);
                        true
                    }
                    None => false,
                }
            }
            Answer::Choice { options, .. } => {
                let count = options.len();
                match answer.parse::<usize>() {
                    _ if answer.is_empty() => optional,
                    Ok(n) if (1..=count).contains(&n) => {
                        pages.set_choice(n - 1);
                        true
                    }
                    _ => false,
                }
            }
        };
        if understood {
            return Ok(true);
        }
        prompt = "Not quite; again (q alone ends): ".to_string();
    }
}
