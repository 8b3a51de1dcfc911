//! A repair after a fight: the words to say, built from the person's own
//! steps (what they regret, its impact as they imagine it from the other
//! side, what they apologise for, the if-then for next time), and the one
//! follow-up the menu asks about after its date. Pure.

use chrono::NaiveDate;

use crate::journal::{Exercise, Record, RepairRecord};

/// Days until the menu asks how the if-then went.
pub const FOLLOW_UP_DAYS: u8 = 3;
/// From this distress on, breathing first is suggested (never forced).
pub const CALM_ENOUGH_BELOW: u8 = 7;

/// A part as a clause: trimmed, without its closing full stop.
fn clause(text: &str) -> &str {
    text.trim().trim_end_matches(['.', '!'])
}

/// The repair to say: the regret, the impact as the other might feel it,
/// the apology, and the if-then; each part only when written.
pub fn statement(repair: &RepairRecord) -> String {
    let mut sentences = Vec::new();
    if !clause(&repair.regret).is_empty() {
        sentences.push(format!(
            "I regret {}.",
            strip_lead(clause(&repair.regret), &["I regret ", "i regret "])
        ));
    }
    if !clause(&repair.theirs).is_empty() {
        sentences.push(format!("I think for you it was: \"{}\"", clause(&repair.theirs)) + ".");
    }
    if !clause(&repair.apologise).is_empty() {
        sentences.push(format!(
            "I'm sorry for {}.",
            strip_lead(
                clause(&repair.apologise),
                &["I'm sorry for ", "I am sorry for ", "sorry for "]
            )
        ));
    }
    if !clause(&repair.if_then).is_empty() {
        sentences.push(format!(
            "Next time, {}.",
            lower_when(clause(&repair.if_then))
        ));
    }
    if !clause(&repair.ask).is_empty() {
        sentences.push(format!(
            "Could you {}?",
            strip_lead(
                clause(&repair.ask).trim_end_matches('?'),
                &["Could you ", "could you "]
            )
        ));
    }
    sentences.join(" ")
}

fn strip_lead<'a>(text: &'a str, leads: &[&str]) -> &'a str {
    leads
        .iter()
        .find_map(|lead| text.strip_prefix(lead))
        .unwrap_or(text)
}

/// "When my heart races…" reads on after "Next time, " as "when my heart…".
fn lower_when(text: &str) -> String {
    match text.strip_prefix("When ") {
        Some(rest) => format!("when {rest}"),
        None => text.to_string(),
    }
}

/// The repair whose follow-up is due on `today` and not yet asked: the
/// newest one past its date that no answer refers to and that is not in
/// `asked` (shown before).
pub fn follow_up_due<'a>(
    records: &'a [Record],
    today: NaiveDate,
    asked: &[String],
) -> Option<&'a Record> {
    let answered: Vec<&str> = records
        .iter()
        .filter_map(|r| r.repair.as_deref()?.of.as_deref())
        .collect();
    records.iter().rev().find(|r| {
        r.exercise == Exercise::Repair
            && r.repair.as_deref().is_some_and(|repair| {
                repair.answer.is_none()
                    && !repair.if_then.trim().is_empty()
                    && repair.follow_up.is_some_and(|day| day <= today)
            })
            && !answered.contains(&r.id.as_str())
            && !asked.contains(&r.id)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::FollowedUp;

    fn parts() -> RepairRecord {
        RepairRecord {
            regret: "raising my voice.".into(),
            theirs: "I came home tired and got shouted at".into(),
            apologise: "calling you selfish".into(),
            if_then: "When my heart races in an argument, I will say I need twenty minutes and take a break".into(),
            ..Default::default()
        }
    }

    #[test]
    fn the_repair_to_say_has_the_regret_the_impact_the_apology_and_the_if_then() {
        assert_eq!(
            statement(&parts()),
            "I regret raising my voice. I think for you it was: \"I came home tired and got shouted at\". \
             I'm sorry for calling you selfish. Next time, when my heart races in an argument, \
             I will say I need twenty minutes and take a break."
        );
        let mut typed_whole = parts();
        typed_whole.regret = "I regret shouting".into();
        typed_whole.apologise = "I'm sorry for slamming the door!".into();
        typed_whole.theirs.clear();
        typed_whole.ask = "Could you tell me when you need space?".into();
        assert_eq!(
            statement(&typed_whole),
            "I regret shouting. I'm sorry for slamming the door. Next time, when my heart races in an argument, \
             I will say I need twenty minutes and take a break. Could you tell me when you need space?"
        );
        assert_eq!(statement(&RepairRecord::default()), "");
    }

    fn repair(id: &str, day: u32) -> Record {
        let mut r = crate::journal::tests::sample(1);
        r.id = id.into();
        r.exercise = Exercise::Repair;
        r.repair = Some(Box::new(RepairRecord {
            if_then: "When …, I will take a break".into(),
            follow_up: NaiveDate::from_ymd_opt(2026, 11, day),
            ..Default::default()
        }));
        r
    }

    #[test]
    fn a_follow_up_is_due_on_its_day_once() {
        let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
        let records = vec![repair("r1", 25)];
        assert!(follow_up_due(&records, day(24), &[]).is_none(), "not yet");
        assert_eq!(follow_up_due(&records, day(25), &[]).unwrap().id, "r1");
        assert_eq!(
            follow_up_due(&records, day(30), &[]).unwrap().id,
            "r1",
            "late is fine"
        );
        assert!(
            follow_up_due(&records, day(25), &["r1".into()]).is_none(),
            "shown once"
        );
        let mut answered = records.clone();
        let mut answer = crate::journal::tests::sample(2);
        answer.exercise = Exercise::Repair;
        answer.repair = Some(Box::new(RepairRecord {
            of: Some("r1".into()),
            answer: Some(FollowedUp::Partly),
            ..Default::default()
        }));
        answered.push(answer);
        assert!(follow_up_due(&answered, day(25), &[]).is_none(), "answered");
    }
}
