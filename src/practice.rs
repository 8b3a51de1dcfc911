//! Planned practice: what to practise and when (`<data>/practice.toml`,
//! "breathe gentle --minutes 5 · mon wed fri · 08:00"), what is due today,
//! and how much of this month's plan was done. No streaks, no "days in a
//! row": a count of done against planned, nothing more. Pure.

use std::borrow::Borrow;

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Weekday};
use serde::{Deserialize, Serialize};

use crate::journal::Record;

pub const VERSION: u32 = 1;
pub const MOST_ENTRIES: usize = 20;

/// The comment soothe writes above the practice plan.
pub const HEADER: &str = "# What you plan to practise, and when. soothe edits it (`soothe practice`);\n# you can edit it by hand too. days: mon tue wed thu fri sat sun, or daily.\n\n";

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Practice {
    pub version: u32,
    #[serde(default)]
    pub practice: Vec<Planned>,
}

/// One planned practice: a soothe command, on some days, at a time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Planned {
    /// What to run, as after `soothe`: "breathe gentle --minutes 5".
    pub what: String,
    /// "mon".."sun", or "daily".
    pub days: Vec<String>,
    /// "08:00".
    pub at: String,
}

/// The exercises a practice may name (the first word of `what`).
pub use crate::launch::EXERCISES;

fn weekday(name: &str) -> Option<Weekday> {
    name.parse().ok()
}

impl Planned {
    /// Why this entry cannot be planned as written, if it cannot.
    pub fn problem(&self) -> Option<String> {
        let first = self.what.split_whitespace().next().unwrap_or("");
        if !EXERCISES.contains(&first) {
            return Some(format!(
                "`{}` is not something soothe runs; start with one of: {}",
                self.what.trim(),
                EXERCISES.join(", ")
            ));
        }
        if self.days.is_empty() {
            return Some("which days? mon tue wed thu fri sat sun, or daily".into());
        }
        if let Some(bad) = self
            .days
            .iter()
            .find(|d| *d != "daily" && weekday(d).is_none())
        {
            return Some(format!(
                "`{bad}` is not a day: mon tue wed thu fri sat sun, or daily"
            ));
        }
        if self.time().is_none() {
            return Some(format!("`{}` is not a time of day like 08:00", self.at));
        }
        None
    }

    pub fn time(&self) -> Option<NaiveTime> {
        NaiveTime::parse_from_str(self.at.trim(), "%H:%M").ok()
    }

    /// The exercise it runs ("breathe").
    pub fn exercise(&self) -> &str {
        self.what.split_whitespace().next().unwrap_or("")
    }

    pub fn on(&self, day: NaiveDate) -> bool {
        self.problem().is_none()
            && self
                .days
                .iter()
                .any(|d| d == "daily" || weekday(d) == Some(day.weekday()))
    }

    /// The variant it names ("gentle" in "breathe gentle --minutes 5").
    pub fn variant(&self) -> Option<&str> {
        self.what
            .split_whitespace()
            .nth(1)
            .filter(|word| !word.starts_with('-'))
    }

    /// Whether `record` is this practice done: a completed session of its
    /// exercise (and of its variant, when it names one).
    pub fn done_by(&self, record: &Record) -> bool {
        record.completed
            && record.exercise.name() == self.exercise()
            && self.variant().is_none_or(|v| v == record.variant)
    }

    /// Done on `day`.
    pub fn done_on<R: Borrow<Record>>(&self, day: NaiveDate, records: &[R]) -> bool {
        records
            .iter()
            .map(Borrow::borrow)
            .any(|r: &Record| r.started_at.date_naive() == day && self.done_by(r))
    }

    /// "08:00 breathe gentle --minutes 5".
    pub fn line(&self) -> String {
        format!("{} {}", self.at.trim(), self.what.trim())
    }
}

impl Practice {
    pub fn new() -> Practice {
        Practice {
            version: VERSION,
            practice: Vec::new(),
        }
    }

    /// What is planned today and not yet done, in time order.
    pub fn due<R: Borrow<Record>>(&self, now: NaiveDateTime, records: &[R]) -> Vec<&Planned> {
        let today = now.date();
        let mut due: Vec<&Planned> = self
            .practice
            .iter()
            .filter(|p| p.on(today) && !p.done_on(today, records))
            .collect();
        due.sort_by_key(|p| p.time());
        due
    }

    /// This month up to `today`: (done, planned) occurrences.
    pub fn month<R: Borrow<Record>>(&self, today: NaiveDate, records: &[R]) -> (usize, usize) {
        let first = today.with_day(1).unwrap_or(today);
        // This month's sessions only, looked at once each: a long journal
        // is not scanned for every day.
        // (day, exercise, variant) of this month's completed sessions, once.
        let mut sessions: std::collections::HashMap<(NaiveDate, &str), Vec<&str>> =
            std::collections::HashMap::new();
        for r in records.iter().map(Borrow::borrow) {
            let r: &Record = r;
            let day = r.started_at.date_naive();
            if r.completed && day >= first && day <= today {
                sessions
                    .entry((day, r.exercise.name()))
                    .or_default()
                    .push(r.variant.as_str());
            }
        }
        let done_on = |p: &Planned, day: NaiveDate| {
            sessions
                .get(&(day, p.exercise()))
                .is_some_and(|variants| p.variant().is_none_or(|v| variants.contains(&v)))
        };
        let mut done = 0;
        let mut planned = 0;
        for day in first.iter_days().take_while(|d| *d <= today) {
            for p in self.practice.iter().filter(|p| p.on(day)) {
                planned += 1;
                done += usize::from(done_on(p, day));
            }
        }
        (done, planned)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::Exercise;

    fn planned(what: &str, days: &[&str], at: &str) -> Planned {
        Planned {
            what: what.into(),
            days: days.iter().map(|d| d.to_string()).collect(),
            at: at.into(),
        }
    }

    fn session(day: u32, exercise: Exercise) -> Record {
        let mut r = crate::journal::tests::sample(day);
        r.completed = true;
        r.variant = "gentle".into();
        r.started_at =
            chrono::DateTime::parse_from_rfc3339(&format!("2026-12-{day:02}T07:30:00+01:00"))
                .unwrap();
        r.exercise = exercise;
        r
    }

    fn at(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap()
    }

    #[test]
    fn what_is_due_today_until_it_is_done() {
        let plan = Practice {
            version: 1,
            practice: vec![
                planned("relax 4-group", &["daily"], "21:30"),
                planned("breathe gentle --minutes 5", &["tue", "thu"], "08:00"),
                planned("ground", &["sat"], "10:00"),
            ],
        };
        // 2026-12-01 is a Tuesday.
        let due: Vec<String> = plan
            .due::<Record>(at("2026-12-01 07:00"), &[])
            .iter()
            .map(|p| p.line())
            .collect();
        assert_eq!(
            due,
            ["08:00 breathe gentle --minutes 5", "21:30 relax 4-group"]
        );
        // Left half way, or another pattern: not this practice done.
        let mut left = session(1, Exercise::Breathe);
        left.completed = false;
        let mut other = session(1, Exercise::Breathe);
        other.variant = "4-7-8".into();
        assert_eq!(plan.due(at("2026-12-01 09:00"), &[left, other]).len(), 2);
        let breathed = [session(1, Exercise::Breathe)];
        let due: Vec<String> = plan
            .due(at("2026-12-01 09:00"), &breathed)
            .iter()
            .map(|p| p.line())
            .collect();
        assert_eq!(due, ["21:30 relax 4-group"]);
        assert!(
            plan.due(at("2026-12-02 09:00"), &breathed)
                .iter()
                .all(|p| p.exercise() == "relax")
        );
    }

    #[test]
    fn the_month_counts_done_against_planned_and_nothing_else() {
        let plan = Practice {
            version: 1,
            practice: vec![planned("breathe", &["tue", "thu"], "08:00")],
        };
        // Tue 1, Thu 3, Tue 8 planned by the 8th; done on the 1st and 8th.
        let records = [
            session(1, Exercise::Breathe),
            session(8, Exercise::Breathe),
            session(2, Exercise::Relax),
        ];
        let today = NaiveDate::from_ymd_opt(2026, 12, 8).unwrap();
        assert_eq!(plan.month(today, &records), (2, 3));
    }

    #[test]
    fn an_entry_that_cannot_be_planned_says_why() {
        assert!(
            planned("dance", &["mon"], "08:00")
                .problem()
                .unwrap()
                .contains("not something soothe runs")
        );
        assert!(
            planned("breathe", &["someday"], "08:00")
                .problem()
                .unwrap()
                .contains("not a day")
        );
        assert!(planned("breathe", &[], "08:00").problem().is_some());
        assert!(
            planned("breathe", &["mon"], "8 o'clock")
                .problem()
                .unwrap()
                .contains("time of day")
        );
        assert_eq!(
            planned("breathe 4-7-8", &["daily"], "22:00").problem(),
            None
        );
    }
}
