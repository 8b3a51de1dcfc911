//! What the journal says over time: sessions since a date, and "what helps
//! you most", the average drop in distress per exercise and variant with
//! how many rated sessions it rests on. Pure: records in, numbers out; also
//! the plain-text forms `soothe history` prints (table, JSON, CSV).

use std::collections::HashMap;
use std::io::{self, Write};

use chrono::NaiveDate;

use crate::journal::{Decision, Exercise, Record, ThoughtRecord};

/// One exercise and variant, and how much it lowered distress on average.
#[derive(Debug, Clone, PartialEq)]
pub struct Helps {
    pub exercise: Exercise,
    pub variant: String,
    /// Sessions with both ratings, which the average rests on.
    pub rated: usize,
    /// Mean of before − after: positive means distress went down.
    pub average_drop: f64,
}

/// Records that started on or after `date` (in their own time zone).
pub fn since(records: &[Record], date: Option<NaiveDate>) -> Vec<&Record> {
    records
        .iter()
        .filter(|r| date.is_none_or(|d| r.started_at.date_naive() >= d))
        .collect()
}

/// The average drop per exercise and variant, biggest drop first (then the
/// one with more sessions behind it). Only sessions with both ratings count.
pub fn what_helps<'a>(records: impl IntoIterator<Item = &'a Record>) -> Vec<Helps> {
    let mut sums: HashMap<(Exercise, &str), (i64, usize)> = HashMap::new();
    for record in records {
        if let (Some(before), Some(after)) = (record.before, record.after) {
            let entry = sums
                .entry((record.exercise, record.variant.as_str()))
                .or_default();
            entry.0 += i64::from(before) - i64::from(after);
            entry.1 += 1;
        }
    }
    let mut helps: Vec<Helps> = sums
        .into_iter()
        .map(|((exercise, variant), (drop, rated))| Helps {
            exercise,
            variant: variant.to_string(),
            rated,
            average_drop: drop as f64 / rated as f64,
        })
        .collect();
    helps.sort_by(|a, b| {
        b.average_drop
            .total_cmp(&a.average_drop)
            .then(b.rated.cmp(&a.rated))
            .then(a.variant.cmp(&b.variant))
    });
    helps
}

/// The first "time to get help" rule the recent journal meets on `today`,
/// if any: a heavy week, sessions that did not ease, the plan opened.
pub fn help_line<'a>(
    records: &[Record],
    rules: &'a [crate::content::HelpRule],
    today: NaiveDate,
) -> Option<&'a crate::content::HelpRule> {
    use crate::content::HelpWhen;
    let week: Vec<&Record> = records
        .iter()
        .filter(|r| (today - r.started_at.date_naive()).num_days() < 7)
        .collect();
    rules.iter().find(|rule| match rule.when {
        HelpWhen::HeavyWeek => {
            week.iter()
                .filter(|r| r.exercise != Exercise::Kind)
                .filter(|r| r.before.is_some_and(|b| b >= rule.from))
                .count()
                >= rule.sessions
        }
        HelpWhen::NotFalling => {
            // Recent, distressed sessions only (a calm 1 → 1 is no alarm),
            // and a kindness pause chained from an ending is that same moment.
            let rated: Vec<(u8, u8)> = records
                .iter()
                .rev()
                .filter(|r| (today - r.started_at.date_naive()).num_days() < 14)
                .filter(|r| r.exercise != Exercise::Kind)
                .filter_map(|r| r.before.zip(r.after))
                .take(rule.sessions)
                .collect();
            rated.len() == rule.sessions
                && rated
                    .iter()
                    .all(|(before, after)| *before >= rule.from && after >= before)
        }
        // Opened to read (by `!` or the menu), not written while calm.
        HelpWhen::PlanOpened => week
            .iter()
            .any(|r| r.exercise == Exercise::Plan && r.variant == "viewed"),
    })
}

/// Mean of the values given, as "8", or "–" with none.
fn mean(values: impl Iterator<Item = u8>) -> String {
    let (sum, n) = values.fold((0u32, 0u32), |(s, n), v| (s + u32::from(v), n + 1));
    (sum + n / 2)
        .checked_div(n)
        .map_or("–".into(), |m| m.to_string())
}

/// "Practice this month: done 7 of 12", when anything was planned.
pub fn practice_line<R: std::borrow::Borrow<Record>>(
    practice: &crate::practice::Practice,
    records: &[R],
    today: NaiveDate,
) -> Option<String> {
    let (done, planned) = practice.month(today, records);
    (planned > 0).then(|| format!("Practice this month: done {done} of {planned}"))
}

/// One line each for the breaks and the messages of `today`'s month, when
/// there were any: counts and before → after only, never a score.
pub fn month_lines<'a>(
    records: impl IntoIterator<Item = &'a Record>,
    today: NaiveDate,
) -> Vec<String> {
    use chrono::Datelike;
    let all: Vec<&Record> = records.into_iter().collect();
    let month: Vec<&Record> = all
        .iter()
        .copied()
        .filter(|r| {
            let d = r.started_at.date_naive();
            d.year() == today.year() && d.month() == today.month()
        })
        .collect();
    let mut lines = Vec::new();
    let breaks: Vec<&Record> = month
        .iter()
        .copied()
        .filter(|r| r.exercise == Exercise::Pause)
        .collect();
    if !breaks.is_empty() {
        let minutes =
            breaks.iter().map(|r| r.duration_secs).sum::<u64>() / 60 / breaks.len() as u64;
        let returned: Vec<_> = breaks
            .iter()
            .filter_map(|r| r.pause.as_ref())
            .filter(|p| p.ready.is_some())
            .collect();
        let mut line = format!(
            "Breaks this month: {} · average {minutes} min · distress {} → {}",
            breaks.len(),
            mean(breaks.iter().filter_map(|r| r.before)),
            mean(breaks.iter().filter_map(|r| r.after)),
        );
        if !returned.is_empty() {
            let on_time = returned.iter().filter(|p| p.back_on_time).count();
            line.push_str(&format!(" · back on time {on_time} of {}", returned.len()));
        }
        lines.push(line);
    }
    let sends: Vec<_> = month
        .iter()
        .filter(|r| r.exercise == Exercise::Send)
        .filter_map(|r| r.send.as_ref())
        .collect();
    if !sends.is_empty() {
        let waited = sends
            .iter()
            .filter(|s| s.decision == Decision::Shown && s.waited)
            .count();
        let not_sent = sends
            .iter()
            .filter(|s| s.decision == Decision::NotNow)
            .count();
        lines.push(format!(
            "Messages drafted: {} · sent after waiting {waited} · not sent {not_sent} · urge {} → {}",
            sends.len(),
            mean(sends.iter().filter_map(|s| s.urge_before)),
            mean(sends.iter().filter_map(|s| s.urge_after)),
        ));
    }
    let good: Vec<&Record> = month
        .iter()
        .copied()
        .filter(|r| !r.good.is_empty())
        .collect();
    if !good.is_empty() {
        let things: usize = good.iter().map(|r| r.good.len()).sum();
        lines.push(format!(
            "Good things this month: {things} written on {} day{}",
            good.len(),
            if good.len() == 1 { "" } else { "s" }
        ));
    }
    let practices: Vec<&crate::journal::LadderRecord> =
        month.iter().filter_map(|r| r.ladder.as_deref()).collect();
    if !practices.is_empty() {
        let predicted: Vec<_> = practices
            .iter()
            .filter(|p| !p.predicted.trim().is_empty())
            .collect();
        let happened = predicted
            .iter()
            .filter(|p| p.happened == Some(crate::journal::Happened::Yes))
            .count();
        lines.push(format!(
            "Ladder practices this month: {} · feared outcome happened {happened} of {}",
            practices.len(),
            predicted.len()
        ));
    }
    let repairs: Vec<&crate::journal::RepairRecord> = month
        .iter()
        .filter_map(|r| r.repair.as_deref())
        .filter(|r| r.answer.is_none())
        .collect();
    if !repairs.is_empty() {
        let answers: Vec<crate::journal::FollowedUp> = month
            .iter()
            .filter_map(|r| r.repair.as_deref()?.answer)
            .collect();
        let did = answers
            .iter()
            .filter(|a| **a == crate::journal::FollowedUp::DidIt)
            .count();
        let mut line = format!("Repairs this month: {}", repairs.len());
        if !answers.is_empty() {
            line.push_str(&format!(" · if-then kept {did} of {}", answers.len()));
        }
        lines.push(line);
    }
    let talks: Vec<&crate::journal::TalkRecord> = whole_talks(&month, &all)
        .into_iter()
        .map(|(_, t)| t)
        .collect();
    if !talks.is_empty() {
        lines.push(format!(
            "Talks this month: {} · both felt heard {} · breaks {}",
            talks.len(),
            talks.iter().filter(|t| t.heard).count(),
            talks.iter().map(|t| t.breaks).sum::<u32>()
        ));
    }
    let evidence: Vec<&crate::journal::EvidenceRecord> =
        month.iter().filter_map(|r| r.evidence.as_deref()).collect();
    if !evidence.is_empty() {
        let added: usize = evidence.iter().map(|e| e.added.len()).sum();
        let mut line = format!("Evidence this month: {added} added");
        let rated: Vec<u8> = evidence.iter().filter_map(|e| e.believed).collect();
        if let (Some(first), Some(last)) = (rated.first(), rated.last()) {
            line.push_str(&format!(" · believed {first} % → {last} %"));
        }
        lines.push(line);
    }
    lines
}

/// "7 → 4", "7 → –", "–": the ratings as they were given.
pub fn ratings(record: &Record) -> String {
    crate::words::ratings(record.before, record.after)
}

/// "4:10", "1:02:03".
fn duration(seconds: u64) -> String {
    crate::words::clock(seconds)
}

/// The table, with this month's lines for `today` (and the practice done,
/// when there is a plan).
pub fn write_table(
    out: &mut impl Write,
    records: &[&Record],
    today: NaiveDate,
    practice: Option<&crate::practice::Practice>,
) -> io::Result<()> {
    if records.is_empty() {
        return writeln!(
            out,
            "No sessions yet. Each exercise you do is kept here, with how strong the distress was before and after."
        );
    }
    writeln!(
        out,
        "{:<16}  {:<8}  {:<14}  {:<9}  {:>7}  distress",
        "date", "exercise", "variant", "", "time"
    )?;
    for r in records {
        writeln!(
            out,
            "{:<16}  {:<8}  {:<14}  {:<9}  {:>7}  {}",
            r.started_at.format("%Y-%m-%d %H:%M"),
            r.exercise.name(),
            r.variant,
            if r.completed { "completed" } else { "left" },
            duration(r.duration_secs),
            ratings(r)
        )?;
    }
    let mut month = month_lines(records.iter().copied(), today);
    if let Some(practice) = practice {
        month.extend(practice_line(practice, records, today));
    }
    if !month.is_empty() {
        writeln!(out)?;
        for line in month {
            writeln!(out, "{line}")?;
        }
    }
    let helps = what_helps(records.iter().copied());
    if !helps.is_empty() {
        writeln!(out)?;
        writeln!(
            out,
            "What helps you most (average change in distress, 0-10; lower is calmer):"
        )?;
        for h in helps {
            writeln!(
                out,
                "  {:<8}  {:<14}  {:>+5.1}  from {} rated session{}",
                h.exercise.name(),
                h.variant,
                -h.average_drop,
                h.rated,
                if h.rated == 1 { "" } else { "s" }
            )?;
        }
    }
    Ok(())
}

/// Three good things, by day, in the person's words (after the thought
/// records, on the same page).
fn write_good_things(out: &mut impl Write, records: &[&Record]) -> io::Result<()> {
    let days: Vec<&Record> = records
        .iter()
        .copied()
        .filter(|r| !r.good.is_empty())
        .collect();
    if days.is_empty() {
        return Ok(());
    }
    writeln!(out, "## Good things")?;
    writeln!(out)?;
    for record in days {
        writeln!(out, "**{}**", record.started_at.format("%A %-d %B %Y"))?;
        writeln!(out)?;
        for thing in &record.good {
            if thing.why.is_empty() {
                writeln!(out, "- {}", thing.what)?;
            } else {
                writeln!(out, "- {}, because {}", thing.what, thing.why)?;
            }
        }
        writeln!(out)?;
    }
    Ok(())
}

/// Thought records as a clean page to read or share with a therapist; other
/// sessions are left out (a line says how many).
pub fn write_markdown(out: &mut impl Write, records: &[&Record]) -> io::Result<()> {
    let reframes: Vec<(&Record, &ThoughtRecord)> = records
        .iter()
        .filter_map(|r| r.reframe.as_ref().map(|t| (*r, t)))
        .collect();
    writeln!(out, "# Thought records")?;
    writeln!(out)?;
    if reframes.is_empty() {
        writeln!(out, "No thought records yet. `soothe reframe` makes one.")?;
        writeln!(out)?;
        write_good_things(out, records)?;
        write_evidence(out, records)?;
        write_repairs(out, records)?;
        return write_talks(out, records);
    }
    let strength = |feeling: &str, value: Option<u8>| -> Option<String> {
        match (feeling.is_empty(), value) {
            (true, None) => None,
            (false, None) => Some(feeling.to_string()),
            (true, Some(v)) => Some(format!("{v}/100")),
            (false, Some(v)) => Some(format!("{feeling}, {v}/100")),
        }
    };
    for (record, t) in reframes {
        let status = if record.completed {
            ""
        } else {
            " (not finished)"
        };
        writeln!(
            out,
            "## {}{status}",
            record.started_at.format("%A %-d %B %Y, %H:%M")
        )?;
        writeln!(out)?;
        let mut field = |label: &str, text: Option<String>| -> io::Result<()> {
            if let Some(text) = text.filter(|t| !t.trim().is_empty()) {
                // Line breaks inside an answer stay, as Markdown line breaks.
                writeln!(out, "**{label}:** {}", text.trim().replace('\n', "  \n"))?;
                writeln!(out)?;
            }
            Ok(())
        };
        field("Situation", Some(t.situation.clone()))?;
        field("Thought", Some(t.thought.clone()))?;
        field("Feeling before", strength(&t.feeling, t.strength_before))?;
        for qa in &t.questions {
            field(qa.question.trim_end_matches('?'), Some(qa.answer.clone()))?;
        }
        field("Balanced thought", Some(t.balanced.clone()))?;
        field("Feeling after", strength(&t.feeling, t.strength_after))?;
        field("Next step", Some(t.next_step.clone()))?;
        field("\"I\"-statement", Some(t.statement.clone()))?;
    }
    write_good_things(out, records)?;
    write_evidence(out, records)?;
    write_repairs(out, records)?;
    write_talks(out, records)
}

/// The talks held among `records` (not those put off), each once: a talk
/// stopped for a break and gone on with later (anywhere in `all`, even in
/// the next month) counts as the later record, which holds all its turns.
fn whole_talks<'a>(
    records: &[&'a Record],
    all: &[&Record],
) -> Vec<(&'a Record, &'a crate::journal::TalkRecord)> {
    let continued: Vec<&str> = all
        .iter()
        .filter_map(|r| r.talk.as_deref())
        .map(|t| t.continues.as_str())
        .filter(|id| !id.is_empty())
        .collect();
    records
        .iter()
        .filter_map(|r| r.talk.as_deref().map(|t| (*r, t)))
        .filter(|(r, t)| t.later.is_empty() && !continued.contains(&r.id.as_str()))
        .collect()
}

/// Talks, by day: who (initials), whether both felt heard, the if-thens,
/// and their words when both kept them.
fn write_talks(out: &mut impl Write, records: &[&Record]) -> io::Result<()> {
    let talks = whole_talks(records, records);
    if talks.is_empty() {
        return Ok(());
    }
    writeln!(out, "## Talks")?;
    writeln!(out)?;
    writeln!(
        out,
        "_This part includes what was said by and about someone else: share it with care._"
    )?;
    writeln!(out)?;
    for (record, talk) in talks {
        let heard = if talk.heard {
            "both felt heard"
        } else {
            "not finished"
        };
        writeln!(
            out,
            "**{}**: {} · {} turns · {heard}",
            record.started_at.format("%A %-d %B %Y"),
            talk.initials.join(" and "),
            talk.turns.len()
        )?;
        writeln!(out)?;
        if !talk.topic.is_empty() {
            writeln!(out, "**Topic:** {}", talk.topic)?;
            writeln!(out)?;
        }
        for (who, if_then) in talk.initials.iter().zip(&talk.if_thens) {
            if !if_then.is_empty() {
                writeln!(out, "- {who}: {if_then}")?;
            }
        }
        for said in &talk.words {
            writeln!(out, "- {} ({}): {}", said.who, said.step, said.text)?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// Repairs after a fight, by day: the words to say and the if-then.
fn write_repairs(out: &mut impl Write, records: &[&Record]) -> io::Result<()> {
    let repairs: Vec<(&Record, &crate::journal::RepairRecord)> = records
        .iter()
        .filter_map(|r| r.repair.as_deref().map(|p| (*r, p)))
        .filter(|(_, p)| p.answer.is_none())
        .collect();
    if repairs.is_empty() {
        return Ok(());
    }
    writeln!(out, "## Repairs")?;
    writeln!(out)?;
    writeln!(
        out,
        "_This part includes what you wrote about someone else: share it with care._"
    )?;
    writeln!(out)?;
    for (record, repair) in repairs {
        writeln!(out, "**{}**", record.started_at.format("%A %-d %B %Y"))?;
        writeln!(out)?;
        let mut field = |label: &str, text: &str| -> io::Result<()> {
            if !text.trim().is_empty() {
                writeln!(out, "**{label}:** {}", text.trim())?;
                writeln!(out)?;
            }
            Ok(())
        };
        field("Feelings", &repair.feelings.join(", "))?;
        field("What happened", &repair.camera)?;
        field("Their side", &repair.theirs)?;
        field("The repair", &repair.statement)?;
        field("Next time", &repair.if_then)?;
    }
    Ok(())
}

/// Evidence for a kinder belief, by day, and how much it was believed.
fn write_evidence(out: &mut impl Write, records: &[&Record]) -> io::Result<()> {
    let days: Vec<(&Record, &crate::journal::EvidenceRecord)> = records
        .iter()
        .filter_map(|r| r.evidence.as_deref().map(|e| (*r, e)))
        .collect();
    if days.is_empty() {
        return Ok(());
    }
    writeln!(out, "## Evidence")?;
    writeln!(out)?;
    for (record, evidence) in days {
        let believed = evidence
            .believed
            .map(|b| format!(", believed {b} %"))
            .unwrap_or_default();
        writeln!(
            out,
            "**{}**: \"{}\"{believed}",
            record.started_at.format("%A %-d %B %Y"),
            evidence.belief
        )?;
        writeln!(out)?;
        for added in &evidence.added {
            writeln!(out, "- {added}")?;
        }
        if !evidence.added.is_empty() {
            writeln!(out)?;
        }
    }
    Ok(())
}

/// One JSON array, written as it is serialized (nothing is built in memory
/// first).
pub fn write_json(out: &mut impl Write, records: &[&Record]) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, records).map_err(io::Error::other)?;
    writeln!(out)
}

/// One record a line, in the journal's own schema: for scripts.
pub fn write_jsonl(out: &mut impl Write, records: &[&Record]) -> io::Result<()> {
    for record in records {
        serde_json::to_writer(&mut *out, record).map_err(io::Error::other)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

pub fn write_csv(out: &mut impl Write, records: &[&Record]) -> io::Result<()> {
    writeln!(
        out,
        "id,started_at,ended_at,exercise,variant,completed,duration_secs,before,after,cycles,steps_done,steps_total"
    )?;
    let opt = |v: Option<u32>| v.map(|v| v.to_string()).unwrap_or_default();
    for r in records {
        let fields = [
            r.id.clone(),
            r.started_at.to_rfc3339(),
            r.ended_at.to_rfc3339(),
            r.exercise.name().to_string(),
            r.variant.clone(),
            r.completed.to_string(),
            r.duration_secs.to_string(),
            opt(r.before.map(u32::from)),
            opt(r.after.map(u32::from)),
            opt(r.cycles),
            opt(r.steps_done),
            opt(r.steps_total),
        ];
        let line: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
        writeln!(out, "{}", line.join(","))?;
    }
    Ok(())
}

/// A CSV field, quoted when it holds a comma, quote or line break.
fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::SCHEMA;

    pub fn record(
        day: u32,
        exercise: Exercise,
        variant: &str,
        before: Option<u8>,
        after: Option<u8>,
    ) -> Record {
        let at = chrono::DateTime::parse_from_rfc3339(&format!("2026-11-{day:02}T21:15:00+01:00"))
            .unwrap();
        Record {
            v: SCHEMA,
            id: format!("{day}-{variant}"),
            started_at: at,
            ended_at: at + chrono::Duration::seconds(250),
            exercise,
            variant: variant.into(),
            completed: true,
            duration_secs: 250,
            before,
            after,
            cycles: None,
            steps_done: None,
            steps_total: None,
            noticed: Vec::new(),
            reframe: None,
            pause: None,
            send: None,
            chosen: Vec::new(),
            good: Vec::new(),
            card: None,
            evidence: None,
            ladder: None,
            repair: None,
            talk: None,
        }
    }

    fn fixture() -> Vec<Record> {
        vec![
            record(1, Exercise::Breathe, "4-4-6", Some(8), Some(6)),
            record(2, Exercise::Breathe, "4-4-6", Some(7), Some(4)),
            record(3, Exercise::Ground, "5-4-3-2-1", Some(9), Some(4)),
            record(4, Exercise::Breathe, "4-4-6", Some(6), None),
            record(5, Exercise::Relax, "7-group", None, None),
            record(6, Exercise::Breathe, "gentle", Some(5), Some(5)),
        ]
    }

    #[test]
    fn what_helps_averages_only_fully_rated_sessions_biggest_drop_first() {
        let records = fixture();
        let helps = what_helps(&records);
        let rows: Vec<(&str, usize, f64)> = helps
            .iter()
            .map(|h| (h.variant.as_str(), h.rated, h.average_drop))
            .collect();
        assert_eq!(
            rows,
            [("5-4-3-2-1", 1, 5.0), ("4-4-6", 2, 2.5), ("gentle", 1, 0.0)]
        );
    }

    fn a_break(day: u32, minutes: u64, ratings: (u8, u8), on_time: Option<bool>) -> Record {
        let mut r = record(
            day,
            Exercise::Pause,
            "break",
            Some(ratings.0),
            Some(ratings.1),
        );
        r.duration_secs = minutes * 60;
        r.pause = Some(Box::new(crate::journal::PauseRecord {
            ready: on_time.map(|_| true),
            back_on_time: on_time == Some(true),
            returns_at: r.started_at,
            ..Default::default()
        }));
        r
    }

    fn a_message(day: u32, decision: Decision, waited: bool, urge: (u8, u8)) -> Record {
        let mut r = record(day, Exercise::Send, "message", None, None);
        r.send = Some(Box::new(crate::journal::SendRecord {
            urge_before: Some(urge.0),
            urge_after: Some(urge.1),
            wait_minutes: 10,
            waited,
            decision,
            findings: Vec::new(),
            words: 12,
            activities: Vec::new(),
            draft: String::new(),
        }));
        r
    }

    #[test]
    fn time_to_get_help_lines_follow_the_content_rules() {
        let rules = crate::content::Content::builtin().help_rules;
        let today = NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
        let id = |records: &[Record]| help_line(records, &rules, today).map(|r| r.id.clone());
        // Four heavy starts this week, easing each time: nothing yet.
        let mut records: Vec<Record> = (14..18)
            .map(|d| record(d, Exercise::Breathe, "4-4-6", Some(9), Some(5)))
            .collect();
        assert_eq!(id(&records), None);
        // A fifth: a heavy week.
        records.push(record(19, Exercise::Breathe, "4-4-6", Some(8), Some(4)));
        assert_eq!(id(&records).as_deref(), Some("heavy-week"));
        // A heavy week long ago is not this week.
        let old: Vec<Record> = records
            .iter()
            .map(|r| Record {
                started_at: r.started_at - chrono::Duration::days(30),
                ..r.clone()
            })
            .collect();
        assert_eq!(id(&old), None);
        // Three rated sessions in a row that did not ease.
        let mut stuck = vec![
            record(10, Exercise::Breathe, "4-4-6", Some(7), Some(2)),
            record(11, Exercise::Ground, "5-4-3-2-1", Some(6), Some(6)),
            record(11, Exercise::Relax, "7-group", Some(4), None),
            record(12, Exercise::Breathe, "4-4-6", Some(5), Some(6)),
            record(12, Exercise::Kind, "pause", Some(6), Some(6)),
            record(13, Exercise::Breathe, "4-4-6", Some(7), Some(7)),
        ];
        assert_eq!(id(&stuck).as_deref(), Some("not-falling"));
        // Calm sessions that stay calm are no alarm, nor old ones.
        stuck[5].before = Some(1);
        stuck[5].after = Some(1);
        assert_eq!(id(&stuck), None);
        let long_ago = vec![
            record(1, Exercise::Breathe, "4-4-6", Some(7), Some(7)),
            record(2, Exercise::Breathe, "4-4-6", Some(7), Some(7)),
            record(3, Exercise::Breathe, "4-4-6", Some(7), Some(7)),
        ];
        assert_eq!(id(&long_ago), None, "more than two weeks ago");
        // The plan opened to read this week; writing it while calm is not that.
        let plan = vec![record(18, Exercise::Plan, "viewed", None, None)];
        assert_eq!(id(&plan).as_deref(), Some("plan-opened"));
        let written = vec![record(18, Exercise::Plan, "edited", None, None)];
        assert_eq!(id(&written), None);
    }

    #[test]
    fn this_months_good_things_and_evidence_are_counts_not_scores() {
        let mut good = record(3, Exercise::Good, "three", None, None);
        good.good = vec![
            crate::journal::GoodThing {
                what: "a walk".into(),
                why: String::new(),
            };
            3
        ];
        let evidence = |day: u32, added: usize, believed: Option<u8>| {
            let mut r = record(day, Exercise::Evidence, "evidence", None, None);
            r.evidence = Some(Box::new(crate::journal::EvidenceRecord {
                belief: "I can get through time apart".into(),
                added: vec!["slept well".into(); added],
                believed,
            }));
            r
        };
        let mut practice = record(5, Exercise::Ladder, "step", None, None);
        practice.ladder = Some(Box::new(crate::journal::LadderRecord {
            predicted: "they leave".into(),
            happened: Some(crate::journal::Happened::No),
            ..Default::default()
        }));
        let mut repaired = record(6, Exercise::Repair, "alone", Some(6), Some(3));
        repaired.repair = Some(Box::new(crate::journal::RepairRecord {
            if_then: "When …".into(),
            ..Default::default()
        }));
        let mut answered = record(9, Exercise::Repair, "follow-up", None, None);
        answered.repair = Some(Box::new(crate::journal::RepairRecord {
            answer: Some(crate::journal::FollowedUp::DidIt),
            ..Default::default()
        }));
        // A talk stopped for a break and gone on with the next day is one.
        let mut stopped = record(6, Exercise::Talk, "turns", None, None);
        stopped.talk = Some(Box::new(crate::journal::TalkRecord {
            resume: Some(Default::default()),
            ..Default::default()
        }));
        let mut talked = record(7, Exercise::Talk, "turns", None, None);
        talked.talk = Some(Box::new(crate::journal::TalkRecord {
            heard: true,
            breaks: 1,
            continues: stopped.id.clone(),
            ..Default::default()
        }));
        // It stopped on the last day of October and went on in November.
        stopped.started_at =
            chrono::DateTime::parse_from_rfc3339("2026-10-31T22:00:00+01:00").unwrap();
        let october = NaiveDate::from_ymd_opt(2026, 10, 31).unwrap();
        assert!(
            !month_lines(&[stopped.clone(), talked.clone()], october)
                .iter()
                .any(|l| l.starts_with("Talks")),
            "counted in November, where it ended"
        );
        let records = vec![
            stopped,
            good,
            practice,
            repaired,
            answered,
            talked,
            evidence(4, 2, Some(30)),
            evidence(9, 1, None),
            evidence(11, 0, Some(45)),
        ];
        let november = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        assert_eq!(
            month_lines(&records, november),
            [
                "Good things this month: 3 written on 1 day",
                "Ladder practices this month: 1 · feared outcome happened 0 of 1",
                "Repairs this month: 1 · if-then kept 1 of 1",
                "Talks this month: 1 · both felt heard 1 · breaks 1",
                "Evidence this month: 3 added · believed 30 % → 45 %",
            ]
        );
    }

    #[test]
    fn this_months_breaks_and_messages_are_one_line_each() {
        let mut records = fixture();
        records.push(a_break(10, 20, (8, 4), Some(true)));
        records.push(a_break(12, 42, (9, 5), Some(false)));
        records.push(a_break(14, 31, (7, 3), None));
        records.push(a_message(15, Decision::Shown, true, (8, 5)));
        records.push(a_message(16, Decision::NotNow, true, (9, 4)));
        records.push(a_message(17, Decision::Shown, false, (7, 6)));
        let november = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        assert_eq!(
            month_lines(&records, november),
            [
                "Breaks this month: 3 · average 31 min · distress 8 → 4 · back on time 1 of 2",
                "Messages drafted: 3 · sent after waiting 1 · not sent 1 · urge 8 → 5",
            ]
        );
        let december = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        assert!(month_lines(&records, december).is_empty());
        // A break with both ratings counts in what helps most.
        assert!(
            what_helps(&records)
                .iter()
                .any(|h| h.exercise == Exercise::Pause)
        );
    }

    #[test]
    fn since_keeps_that_day_on() {
        let records = fixture();
        let date = NaiveDate::from_ymd_opt(2026, 11, 4);
        let kept: Vec<&str> = since(&records, date)
            .iter()
            .map(|r| r.id.as_str())
            .collect();
        // Ids are "day-variant".
        assert_eq!(kept, ["4-4-4-6", "5-7-group", "6-gentle"]);
        assert_eq!(since(&records, None).len(), 6);
    }

    #[test]
    fn table_csv_and_json_say_the_same_thing() {
        let records = fixture();
        let all: Vec<&Record> = records.iter().collect();
        let mut table = Vec::new();
        write_table(
            &mut table,
            &all,
            NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
            None,
        )
        .unwrap();
        let table = String::from_utf8(table).unwrap();
        assert!(
            table.contains("2026-11-02 21:15  breathe   4-4-6           completed     4:10  7 → 4"),
            "{table}"
        );
        assert!(
            table.contains("2026-11-04 21:15  breathe   4-4-6           completed     4:10  6 → –"),
            "{table}"
        );
        assert!(
            table.contains("ground    5-4-3-2-1        -5.0  from 1 rated session\n"),
            "{table}"
        );
        let mut csv = Vec::new();
        write_csv(&mut csv, &all).unwrap();
        let csv = String::from_utf8(csv).unwrap();
        assert_eq!(csv.lines().count(), 7);
        assert!(csv.contains("\n2-4-4-6,2026-11-02T21:15:00+01:00,2026-11-02T21:19:10+01:00,breathe,4-4-6,true,250,7,4,,,\n"), "{csv}");
        let mut json = Vec::new();
        write_json(&mut json, &all).unwrap();
        let parsed: Vec<Record> = serde_json::from_slice(&json).unwrap();
        assert_eq!(parsed, records);
        let mut empty = Vec::new();
        write_table(
            &mut empty,
            &[],
            NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
            None,
        )
        .unwrap();
        assert!(
            String::from_utf8(empty)
                .unwrap()
                .starts_with("No sessions yet.")
        );
        assert_eq!(csv_field("a,\"b\""), "\"a,\"\"b\"\"\"");
    }
}
