//! The grounding flow: senses in order, each with a number of things to
//! notice, named or counted silently. Pure and untimed: nothing here waits
//! or hurries. Going back a step reopens that step's last item for editing,
//! and whatever was being typed in the step left behind is kept for when
//! the person returns, so nothing typed is ever lost.

use crate::content::{GroundStep, Grounding, Sense};
use crate::journal::Session;
use crate::journal::{self, Exercise};

/// The longest item kept, in characters; more is dropped at typing time.
pub const ITEM_LIMIT: usize = 200;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    Named(String),
    /// Enter on an empty field: noticed, not written down.
    Silent,
}

/// What one Enter did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Counted {
    /// One more in this step.
    Item,
    /// That finished the step; the next sense begins.
    NextStep,
    /// That was the last item of the last step.
    Finished,
}

#[derive(Debug, Clone)]
pub struct GroundingFlow {
    variant: Grounding,
    step: usize,
    items: Vec<Vec<Item>>,
    /// Unsent text per step, kept while the person is elsewhere.
    drafts: Vec<String>,
    finished: bool,
}

/// What was noticed for one sense, for the summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Noticed {
    pub sense: Sense,
    pub named: Vec<String>,
    pub silent: usize,
}

impl Noticed {
    /// "lamp · window · and 3 more", "4 noticed", or `None` for nothing.
    pub fn describe(&self) -> Option<String> {
        let mut parts = self.named.clone();
        match (self.named.is_empty(), self.silent) {
            (true, 0) => return None,
            (true, n) => parts.push(format!("{n} noticed")),
            (false, 0) => {}
            (false, n) => parts.push(format!("and {n} more")),
        }
        Some(parts.join(" · "))
    }
}

impl GroundingFlow {
    /// The journal's account, after `duration_secs` of it. What was typed
    /// rides along; the session machine keeps it only with `save_text`.
    pub fn session(&self, duration_secs: u64) -> Session {
        let mut session = Session::new(
            Exercise::Ground,
            &self.variant().id,
            self.is_finished(),
            duration_secs,
        );
        session.steps_done = Some(self.total_counted() as u32);
        session.steps_total = Some(self.variant().items() as u32);
        session.noticed = self
            .summary()
            .into_iter()
            .flat_map(|n| {
                let sense = n.sense.title().to_lowercase();
                n.named.into_iter().map(move |text| journal::Noticed {
                    sense: sense.clone(),
                    text,
                })
            })
            .collect();
        session
    }

    pub fn new(variant: Grounding) -> GroundingFlow {
        let steps = variant.steps.len();
        GroundingFlow {
            variant,
            step: 0,
            items: vec![Vec::new(); steps],
            drafts: vec![String::new(); steps],
            finished: false,
        }
    }

    pub fn variant(&self) -> &Grounding {
        &self.variant
    }

    /// 0-based index of the current step.
    pub fn step_index(&self) -> usize {
        self.step
    }

    pub fn step(&self) -> &GroundStep {
        &self.variant.steps[self.step]
    }

    pub fn items(&self) -> &[Item] {
        &self.items[self.step]
    }

    pub fn is_finished(&self) -> bool {
        self.finished
    }

    /// Items counted over every step.
    pub fn total_counted(&self) -> usize {
        self.items.iter().map(Vec::len).sum()
    }

    /// The hint to show: a different one for each item, cycling.
    pub fn hint(&self) -> Option<&str> {
        let hints = &self.step().hints;
        (!hints.is_empty()).then(|| hints[self.items().len() % hints.len()].as_str())
    }

    /// Counts what was typed (or, when it is blank, one silent item) and
    /// moves on when the step has all it asks for.
    pub fn submit(&mut self, text: &str) -> Counted {
        if self.finished {
            return Counted::Finished;
        }
        let text: String = text.trim().chars().take(ITEM_LIMIT).collect();
        let item = if text.is_empty() {
            Item::Silent
        } else {
            Item::Named(text)
        };
        self.items[self.step].push(item);
        if self.items[self.step].len() < self.step().count {
            return Counted::Item;
        }
        if self.step + 1 < self.variant.steps.len() {
            self.step += 1;
            Counted::NextStep
        } else {
            self.finished = true;
            Counted::Finished
        }
    }

    /// Keeps unsent text of the current step while the person goes back.
    pub fn save_draft(&mut self, text: String) {
        self.drafts[self.step] = text;
    }

    /// The unsent text of the current step (empty if none), handed back once.
    pub fn take_draft(&mut self) -> String {
        std::mem::take(&mut self.drafts[self.step])
    }

    /// One step back: the previous step's last item comes off the list and
    /// is returned for editing (an empty string for a silent one). `None`
    /// on the first step, where there is nothing to go back to.
    pub fn back(&mut self) -> Option<String> {
        if self.step == 0 {
            return None;
        }
        self.step -= 1;
        let reopened = self.items[self.step].pop();
        Some(match reopened {
            Some(Item::Named(text)) => text,
            Some(Item::Silent) | None => String::new(),
        })
    }

    /// What was noticed, sense by sense, in the order of the steps.
    pub fn summary(&self) -> Vec<Noticed> {
        self.variant
            .steps
            .iter()
            .zip(&self.items)
            .map(|(step, items)| Noticed {
                sense: step.sense,
                named: items
                    .iter()
                    .filter_map(|item| match item {
                        Item::Named(text) => Some(text.clone()),
                        Item::Silent => None,
                    })
                    .collect(),
                silent: items.iter().filter(|i| **i == Item::Silent).count(),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Content;

    fn five_senses() -> GroundingFlow {
        GroundingFlow::new(Content::builtin().default_grounding().clone())
    }

    #[test]
    fn each_sense_takes_its_count_then_the_next_begins() {
        let mut flow = five_senses();
        let expected = [
            (Sense::See, 5),
            (Sense::Feel, 4),
            (Sense::Hear, 3),
            (Sense::Smell, 2),
        ];
        for (sense, count) in expected {
            assert_eq!(flow.step().sense, sense);
            for _ in 1..count {
                assert_eq!(flow.submit("something"), Counted::Item);
            }
            assert_eq!(flow.submit("the last"), Counted::NextStep);
        }
        assert_eq!(flow.step().sense, Sense::Taste);
        assert_eq!(flow.submit(""), Counted::Finished);
        assert!(flow.is_finished());
        assert_eq!(flow.total_counted(), 15);
    }

    #[test]
    fn an_empty_enter_counts_one_silently() {
        let mut flow = five_senses();
        assert_eq!(flow.submit("   "), Counted::Item);
        assert_eq!(flow.items(), [Item::Silent]);
        flow.submit("lamp");
        let summary = flow.summary();
        assert_eq!(summary[0].named, ["lamp"]);
        assert_eq!(summary[0].silent, 1);
    }

    #[test]
    fn back_reopens_the_last_item_and_keeps_the_draft() {
        let mut flow = five_senses();
        for item in ["a", "b", "c", "d", "window"] {
            flow.submit(item);
        }
        flow.submit("cold air");
        flow.save_draft("half typ".into());
        assert_eq!(flow.back().as_deref(), Some("window"));
        assert_eq!(flow.step().sense, Sense::See);
        assert_eq!(flow.items().len(), 4);
        // Sending it again returns to feeling, with its item and the draft intact.
        assert_eq!(flow.submit("window"), Counted::NextStep);
        assert_eq!(flow.items(), [Item::Named("cold air".into())]);
        assert_eq!(flow.take_draft(), "half typ");
        assert_eq!(flow.take_draft(), "");
        assert_eq!(five_senses().back(), None);
    }

    #[test]
    fn the_summary_is_by_sense_in_order() {
        let mut flow = five_senses();
        for i in 0..15 {
            flow.submit(if i % 2 == 0 { "" } else { "named" });
        }
        let summary = flow.summary();
        let senses: Vec<Sense> = summary.iter().map(|n| n.sense).collect();
        assert_eq!(
            senses,
            [
                Sense::See,
                Sense::Feel,
                Sense::Hear,
                Sense::Smell,
                Sense::Taste
            ]
        );
        assert_eq!(
            summary[0].describe().as_deref(),
            Some("named · named · and 3 more")
        );
        assert_eq!(summary[4].describe().as_deref(), Some("1 noticed"));
        let named: usize = summary.iter().map(|n| n.named.len()).sum();
        let silent: usize = summary.iter().map(|n| n.silent).sum();
        assert_eq!((named, silent), (7, 8));
    }

    #[test]
    fn items_are_capped() {
        let mut flow = five_senses();
        flow.submit(&"x".repeat(10_000));
        assert_eq!(flow.summary()[0].named[0].chars().count(), ITEM_LIMIT);
    }

    #[test]
    fn hints_change_with_each_item() {
        let mut flow = five_senses();
        let first = flow.hint().unwrap().to_string();
        flow.submit("");
        assert_ne!(flow.hint().unwrap(), first);
    }
}
