//! Human wording shared by the screens, plain mode and history: times,
//! counts, ratings, drops, the check-in questions and the summaries an
//! exercise ends with. Plain strings only: no terminal, no widgets.

use crate::content::{Grounding, Pattern, Phrase, Program};
use crate::exercise::breathing;
use crate::exercise::grounding::GroundingFlow;
use crate::exercise::relaxation;
use crate::journal::{Activity, Decision};
use crate::session::{Question, Summary, Tone};

/// "2:06", or "1:02:03" past the hour.
pub fn clock(seconds: u64) -> String {
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

/// "9 cycles · 2:06": a session's size, for plans and summaries.
pub fn cycles_and_time(cycles: u32, seconds: u64) -> String {
    let word = if cycles == 1 { "cycle" } else { "cycles" };
    format!("{cycles} {word} · {}", clock(seconds))
}

/// "7 → 4", "7 → –", "–": ratings as they were given.
pub fn ratings(before: Option<u8>, after: Option<u8>) -> String {
    let show = |r: Option<u8>| r.map_or("–".to_string(), |v| v.to_string());
    match (before, after) {
        (None, None) => "–".to_string(),
        (before, after) => format!("{} → {}", show(before), show(after)),
    }
}

/// The initial the journal keeps for a first name ("Ana" → "A"): names
/// typed in a two-person screen are never kept.
pub fn initial(name: &str) -> String {
    name.chars()
        .next()
        .map(|c| c.to_uppercase().collect())
        .unwrap_or_default()
}

/// A document soothe cannot read, said on its screen: it is not written.
pub fn left_alone(what: &str, why: &str) -> String {
    format!("Your {what} file could not be read, so it is left as it is: {why}")
}

/// "distress down 2.4 on average" (up, or no change on average).
pub fn average_drop(drop: f64) -> String {
    if drop > 0.05 {
        format!("distress down {drop:.1} on average")
    } else if drop < -0.05 {
        format!("distress up {:.1} on average", -drop)
    } else {
        "no change on average".into()
    }
}

/// How a card's action has done: "distress down 2.4 on average, 6
/// sessions" or "helped 3 of 4 times"; nothing when it is untried.
pub fn standing(standing: &crate::cards::Standing) -> Option<String> {
    use crate::cards::Standing;
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    match *standing {
        Standing::Untried => None,
        Standing::Measured {
            rated,
            average_drop: drop,
            ..
        } => Some(format!(
            "{}, {rated} session{}",
            average_drop(drop),
            plural(rated)
        )),
        Standing::Marked { asked, helped } => {
            Some(format!("helped {helped} of {asked} time{}", plural(asked)))
        }
    }
}

/// "▼ 2.5" for a drop, "▲ 1.0" for a rise, "0.0" for no change.
pub fn drop(drop: f64) -> String {
    if drop > 0.05 {
        format!("▼ {drop:.1}")
    } else if drop < -0.05 {
        format!("▲ {:.1}", -drop)
    } else {
        "0.0".into()
    }
}

pub fn question(question: Question) -> &'static str {
    match question {
        Question::Now => "How strong is the distress right now?",
        Question::BeforeYouStarted => "Before you started, how strong was the distress?",
        Question::AfterNow => "And how strong is it now?",
    }
}

/// "9 groups let go · 4:10" or "3 of 7 groups let go · 1:12".
pub fn groups_let_go(ended: &relaxation::Ended) -> String {
    let groups = if ended.relaxed == ended.groups {
        format!("{} groups let go", ended.groups)
    } else {
        format!("{} of {} groups let go", ended.relaxed, ended.groups)
    };
    format!("{groups} · {}", clock(ended.elapsed_secs))
}

fn well_done(facts: String, name: &str) -> Summary {
    Summary::centred(vec![
        ("Well done.".into(), Tone::Title),
        (String::new(), Tone::Text),
        (facts, Tone::Text),
        (name.to_string(), Tone::Dim),
        (String::new(), Tone::Text),
        ("Notice how your body feels now.".into(), Tone::Text),
    ])
}

pub fn breathing_summary(ended: &breathing::Ended, pattern: &Pattern) -> Summary {
    well_done(
        cycles_and_time(ended.cycles, ended.elapsed_secs),
        &pattern.name,
    )
}

pub fn relaxation_summary(ended: &relaxation::Ended, program: &Program) -> Summary {
    well_done(groups_let_go(ended), &program.name)
}

/// What was noticed, sense by sense ("Seen  lamp · 窓 · and 3 more").
pub fn grounding_summary(flow: &GroundingFlow, _variant: &Grounding) -> Summary {
    let counted = flow.total_counted();
    let title = if flow.is_finished() {
        "You are here, in the room."
    } else if counted == 0 {
        "That is all right. Come back any time."
    } else {
        "Here is what you noticed."
    };
    let mut lines = vec![
        (title.to_string(), Tone::Title),
        (String::new(), Tone::Text),
    ];
    for noticed in flow.summary() {
        if let Some(described) = noticed.describe() {
            lines.push((
                format!("{:<8} {described}", noticed.sense.noticed()),
                Tone::Text,
            ));
        }
    }
    if counted > 0 {
        let things = if counted == 1 { "thing" } else { "things" };
        lines.push((String::new(), Tone::Text));
        lines.push((
            format!("{counted} {things} noticed. Notice how you feel now."),
            Tone::Dim,
        ));
    }
    Summary { lines, block: true }
}

/// The thought record's end: kept, and the lines that will be printed.
pub fn reframe_summary(saved: bool, farewell: &[String]) -> Summary {
    let title = if saved {
        "Kept in your journal."
    } else {
        "Kept in your journal, unfinished. You can come back to it."
    };
    let mut lines = vec![
        (title.to_string(), Tone::Title),
        (String::new(), Tone::Text),
    ];
    lines.extend(farewell.iter().map(|l| (l.clone(), Tone::Text)));
    if !farewell.is_empty() {
        lines.push((String::new(), Tone::Text));
        lines.push((
            "They will be printed when you leave soothe, to copy.".into(),
            Tone::Dim,
        ));
    }
    Summary::centred(lines)
}

/// "3 min", "1 h 05 min": a break's length in whole minutes.
pub fn minutes(minutes: i64) -> String {
    if minutes >= 60 {
        format!("{} h {:02} min", minutes / 60, minutes % 60)
    } else {
        format!("{minutes} min")
    }
}

/// What was done in a break or a wait: "breathing 4 min · a walk".
pub fn activities(done: &[Activity], choices: &[Phrase]) -> String {
    done.iter()
        .map(|a| {
            let name = match a.kind.as_str() {
                "breathe" => "breathing".to_string(),
                "ground" => "grounding".to_string(),
                "relax" => "relaxing".to_string(),
                id => choices
                    .iter()
                    .find(|c| c.id == id)
                    .map_or(id.to_string(), |c| c.text.to_lowercase()),
            };
            if a.secs >= 60 {
                format!("{name} {}", minutes((a.secs / 60) as i64))
            } else {
                name
            }
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// A break's end: planned and actual length, what was done, distress.
pub fn pause_summary(
    planned_minutes: i64,
    took_secs: u64,
    done: &[Activity],
    choices: &[Phrase],
    (before, after): (Option<u8>, Option<u8>),
    credit: &str,
) -> Summary {
    let mut lines = vec![
        ("The break is over.".to_string(), Tone::Title),
        (String::new(), Tone::Text),
        (
            format!(
                "Planned {} · took {}",
                minutes(planned_minutes),
                if took_secs < 60 {
                    "under a minute".to_string()
                } else {
                    minutes(((took_secs + 30) / 60) as i64)
                }
            ),
            Tone::Text,
        ),
    ];
    if !done.is_empty() {
        lines.push((
            format!("You did: {}", activities(done, choices)),
            Tone::Text,
        ));
    }
    if before.is_some() || after.is_some() {
        lines.push((format!("Distress {}", ratings(before, after)), Tone::Text));
    }
    lines.push((String::new(), Tone::Text));
    lines.push((credit.to_string(), Tone::Dim));
    Summary::centred(lines)
}

/// A message's end: what was decided, the urge before and after.
pub fn send_summary(
    decision: Decision,
    (before, after): (Option<u8>, Option<u8>),
    findings: usize,
    credit: &str,
) -> Summary {
    let title = match decision {
        Decision::Shown => "It is yours to send, or not. It is printed when soothe closes.",
        Decision::NotNow => "Not now. That is a decision too.",
        Decision::Left => "Left before deciding. Nothing was sent.",
    };
    let mut lines = vec![
        (title.to_string(), Tone::Title),
        (String::new(), Tone::Text),
    ];
    if before.is_some() || after.is_some() {
        lines.push((
            format!("Urge to send {}", ratings(before, after)),
            Tone::Text,
        ));
    }
    if findings > 0 {
        let things = if findings == 1 {
            "thing stood"
        } else {
            "things stood"
        };
        lines.push((
            format!("{findings} {things} out in the last check."),
            Tone::Text,
        ));
    }
    lines.push((String::new(), Tone::Text));
    lines.push((credit.to_string(), Tone::Dim));
    Summary::centred(lines)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clock_reads_naturally() {
        assert_eq!(clock(0), "0:00");
        assert_eq!(clock(126), "2:06");
        assert_eq!(clock(3723), "1:02:03");
        assert_eq!(cycles_and_time(1, 14), "1 cycle · 0:14");
        assert_eq!(cycles_and_time(9, 126), "9 cycles · 2:06");
    }

    #[test]
    fn ratings_and_drops_read_as_given() {
        assert_eq!(ratings(Some(7), Some(4)), "7 → 4");
        assert_eq!(ratings(Some(7), None), "7 → –");
        assert_eq!(ratings(None, None), "–");
        assert_eq!(drop(2.5), "▼ 2.5");
        assert_eq!(drop(-1.0), "▲ 1.0");
        assert_eq!(drop(0.0), "0.0");
    }
}
