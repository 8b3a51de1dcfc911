//! Ladders of time apart (`<data>/ladders.toml`): a goal, six to twelve
//! steps each rated 0–10 on a fear scale and kept in fear order, and the
//! safety behaviours to notice. The rules that read the journal's
//! practices: a step is "getting easier" after three practices with a peak
//! fear of 3 or less (or when the person says so); the suggested step is the
//! lowest one not yet easier among those rated about 3–6; predictions are
//! counted against what happened. Nothing is locked and nothing is a
//! streak. Pure.

use serde::{Deserialize, Serialize};

use crate::journal::{Exercise, Happened, LadderRecord, Record};

pub const VERSION: u32 = 1;
pub const FEWEST_STEPS: usize = 6;
pub const MOST_STEPS: usize = 12;
/// Neighbouring steps further apart than this ask for one in between.
pub const GAP: u8 = 3;
/// A practice peaking at this fear or less counts towards "getting easier".
pub const EASY_PEAK: u8 = 3;
/// Practices at an easy peak that make a step "getting easier".
pub const EASY_PRACTICES: usize = 3;
/// The fear ratings a suggested step is looked for in first.
pub const SUGGESTED_FEAR: std::ops::RangeInclusive<u8> = 3..=6;

pub const HEADER: &str = "# Your ladders of time apart. soothe edits them (`soothe ladder`); you can\n# edit them by hand too. fear is 0-10; steps are kept in fear order.\n\n";

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ladders {
    pub version: u32,
    #[serde(default)]
    pub ladder: Vec<Ladder>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ladder {
    pub goal: String,
    #[serde(default)]
    pub steps: Vec<Step>,
    /// Safety behaviours to notice (checking their location, rereading).
    #[serde(default)]
    pub behaviours: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub what: String,
    /// How frightening it felt when the ladder was built, 0–10.
    pub fear: u8,
    /// The person says it is getting easier.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub easier: bool,
}

impl Ladders {
    pub fn new() -> Ladders {
        Ladders {
            version: VERSION,
            ladder: Vec::new(),
        }
    }

    /// The ladder being climbed: the one built last.
    pub fn current(&self) -> Option<&Ladder> {
        self.ladder.last()
    }
}

impl Ladder {
    /// Steps in fear order; equal fears keep the order they were written.
    pub fn sort(&mut self) {
        self.steps.sort_by_key(|s| s.fear);
    }

    /// Where neighbouring steps differ by more than [`GAP`]: the index of
    /// the lower one of each pair (steps in fear order).
    pub fn gaps(&self) -> Vec<usize> {
        self.steps
            .windows(2)
            .enumerate()
            .filter(|(_, pair)| pair[1].fear.saturating_sub(pair[0].fear) > GAP)
            .map(|(i, _)| i)
            .collect()
    }

    /// Why this ladder cannot be kept as it is, if it cannot.
    pub fn problem(&self) -> Option<String> {
        if self.goal.trim().is_empty() {
            return Some("Write the goal first, in one line.".into());
        }
        let n = self.steps.len();
        if n < FEWEST_STEPS {
            return Some(format!(
                "A ladder needs {FEWEST_STEPS} to {MOST_STEPS} steps; this one has {n}. Small steps are fine."
            ));
        }
        if n > MOST_STEPS {
            return Some(format!("At most {MOST_STEPS} steps; this one has {n}."));
        }
        None
    }

    /// This ladder's practices of `step`, oldest first.
    pub fn practices<'a>(&self, step: &Step, records: &'a [Record]) -> Vec<&'a LadderRecord> {
        records
            .iter()
            .filter(|r| r.exercise == Exercise::Ladder)
            .filter_map(|r| r.ladder.as_deref())
            .filter(|l| l.goal == self.goal && l.step == step.what)
            .collect()
    }

    /// Three practices peaking at [`EASY_PEAK`] or less, or the person's say-so.
    pub fn getting_easier(&self, step: &Step, records: &[Record]) -> bool {
        step.easier
            || self
                .practices(step, records)
                .iter()
                .filter(|p| p.peak.is_some_and(|peak| peak <= EASY_PEAK))
                .count()
                >= EASY_PRACTICES
    }

    /// The step to suggest: the lowest not yet getting easier among those
    /// first rated about 3–6, else the lowest not yet getting easier.
    pub fn suggested(&self, records: &[Record]) -> Option<usize> {
        let open: Vec<usize> = (0..self.steps.len())
            .filter(|&i| !self.getting_easier(&self.steps[i], records))
            .collect();
        open.iter()
            .copied()
            .find(|&i| SUGGESTED_FEAR.contains(&self.steps[i].fear))
            .or_else(|| open.first().copied())
    }

    /// How the predictions turned out over every practice of this ladder.
    pub fn outcomes(&self, records: &[Record]) -> Outcomes {
        let mut outcomes = Outcomes::default();
        for practice in self.steps.iter().flat_map(|s| self.practices(s, records)) {
            if practice.predicted.trim().is_empty() {
                continue;
            }
            outcomes.predicted += 1;
            match practice.happened {
                Some(Happened::Yes) => outcomes.yes += 1,
                Some(Happened::Partly) => outcomes.partly += 1,
                Some(Happened::No) => outcomes.no += 1,
                None => {}
            }
        }
        outcomes
    }
}

impl Ladder {
    /// Each prediction's outcome, oldest first, one mark each: ● it
    /// happened, ◐ partly, ○ it did not, · not said (the last `most`).
    pub fn outcome_marks(&self, records: &[Record], most: usize) -> String {
        let marks: Vec<char> = records
            .iter()
            .filter_map(|r| r.ladder.as_deref())
            .filter(|p| p.goal == self.goal && !p.predicted.trim().is_empty())
            .filter(|p| self.steps.iter().any(|s| s.what == p.step))
            .map(|p| match p.happened {
                Some(Happened::Yes) => '●',
                Some(Happened::Partly) => '◐',
                Some(Happened::No) => '○',
                None => '·',
            })
            .collect();
        marks[marks.len().saturating_sub(most)..].iter().collect()
    }
}

/// Predictions against what happened.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Outcomes {
    pub predicted: usize,
    pub yes: usize,
    pub partly: usize,
    pub no: usize,
}

impl Outcomes {
    /// "You predicted something bad 5 times; it happened 0 times, partly once."
    pub fn line(&self) -> Option<String> {
        if self.predicted == 0 {
            return None;
        }
        let times = |n: usize| match n {
            1 => "once".to_string(),
            2 => "twice".to_string(),
            n => format!("{n} times"),
        };
        let mut line = format!(
            "You predicted something bad {}; it happened {}",
            times(self.predicted),
            if self.yes == 0 {
                "0 times".to_string()
            } else {
                times(self.yes)
            }
        );
        if self.partly > 0 {
            line.push_str(&format!(", partly {}", times(self.partly)));
        }
        line.push('.');
        Some(line)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn step(what: &str, fear: u8) -> Step {
        Step {
            what: what.into(),
            fear,
            easier: false,
        }
    }

    fn ladder(fears: &[u8]) -> Ladder {
        Ladder {
            goal: "A weekend apart".into(),
            steps: fears
                .iter()
                .enumerate()
                .map(|(i, f)| step(&format!("step {i}"), *f))
                .collect(),
            behaviours: Vec::new(),
        }
    }

    fn practised(step: &str, peak: u8, predicted: &str, happened: Option<Happened>) -> Record {
        let mut r = crate::journal::tests::sample(1);
        r.exercise = Exercise::Ladder;
        r.ladder = Some(Box::new(LadderRecord {
            goal: "A weekend apart".into(),
            step: step.into(),
            predicted: predicted.into(),
            peak: Some(peak),
            happened,
            ..Default::default()
        }));
        r
    }

    #[test]
    fn steps_sort_by_fear_and_wide_gaps_ask_for_one_in_between() {
        let mut l = ladder(&[7, 2, 3, 9, 2]);
        l.sort();
        let fears: Vec<u8> = l.steps.iter().map(|s| s.fear).collect();
        assert_eq!(fears, [2, 2, 3, 7, 9]);
        assert_eq!(l.steps[0].what, "step 1", "equal fears keep their order");
        assert_eq!(l.gaps(), [2], "3 → 7 is more than 3 apart; 7 → 9 is not");
        assert!(
            ladder(&[1, 4, 7, 10]).gaps().is_empty(),
            "exactly 3 is fine"
        );
    }

    #[test]
    fn a_ladder_needs_a_goal_and_six_to_twelve_steps() {
        assert!(
            ladder(&[1, 2, 3, 4, 5])
                .problem()
                .unwrap()
                .contains("6 to 12")
        );
        assert_eq!(ladder(&[1, 2, 3, 4, 5, 6]).problem(), None);
        assert!(ladder(&[1; 13]).problem().unwrap().contains("At most 12"));
        let mut no_goal = ladder(&[1, 2, 3, 4, 5, 6]);
        no_goal.goal = " ".into();
        assert!(no_goal.problem().unwrap().contains("goal"));
    }

    #[test]
    fn getting_easier_after_three_easy_practices_or_when_said() {
        let l = ladder(&[2, 4, 5, 7, 8, 9]);
        let records = vec![
            practised("step 1", 3, "", None),
            practised("step 1", 2, "", None),
            practised("step 1", 5, "", None),
        ];
        assert!(
            !l.getting_easier(&l.steps[1], &records),
            "two easy of three"
        );
        let mut more = records.clone();
        more.push(practised("step 1", 1, "", None));
        assert!(l.getting_easier(&l.steps[1], &more));
        let mut said = l.steps[2].clone();
        said.easier = true;
        assert!(l.getting_easier(&said, &[]));
        // Another ladder's step of the same name does not count.
        let mut other = more.clone();
        for r in &mut other {
            r.ladder.as_mut().unwrap().goal = "Another".into();
        }
        assert!(!l.getting_easier(&l.steps[1], &other));
    }

    #[test]
    fn the_suggestion_is_the_lowest_open_step_rated_about_three_to_six() {
        let l = ladder(&[1, 2, 4, 5, 8, 9]);
        assert_eq!(l.suggested(&[]), Some(2), "the 4, not the 1 or 2");
        let easy: Vec<Record> = (0..3).map(|_| practised("step 2", 2, "", None)).collect();
        assert_eq!(l.suggested(&easy), Some(3), "the 4 got easier: the 5");
        let mut all = l.clone();
        for s in &mut all.steps[2..4] {
            s.easier = true;
        }
        assert_eq!(
            all.suggested(&[]),
            Some(0),
            "none left at 3-6: the lowest open"
        );
        for s in &mut all.steps {
            s.easier = true;
        }
        assert_eq!(all.suggested(&[]), None);
    }

    #[test]
    fn predictions_are_counted_against_what_happened() {
        let l = ladder(&[2, 4, 5, 7, 8, 9]);
        let records = vec![
            practised("step 0", 4, "They will be angry", Some(Happened::No)),
            practised("step 1", 4, "I will panic", Some(Happened::Partly)),
            practised("step 1", 4, "I will panic", Some(Happened::No)),
            practised("step 2", 4, "", Some(Happened::No)),
            practised("step 3", 4, "They stop caring", Some(Happened::No)),
            practised("step 3", 4, "They stop caring", Some(Happened::No)),
            practised("step 4", 4, "Something awful", Some(Happened::No)),
        ];
        let outcomes = l.outcomes(&records);
        assert_eq!(
            outcomes.line().as_deref(),
            Some("You predicted something bad 6 times; it happened 0 times, partly once.")
        );
        assert_eq!(l.outcomes(&[]).line(), None);
        assert_eq!(l.outcome_marks(&records, 10), "○◐○○○○");
        assert_eq!(l.outcome_marks(&records, 2), "○○");
    }
}
