//! The thought record as a flow: what happened, the thought, the feeling
//! and how strong it is, the questions one at a time, a balanced thought,
//! the feeling again, and one small next step (with an "I"-statement), then
//! a review. Every step can be skipped and every earlier one revisited;
//! nothing typed is ever dropped. Pure and untimed.

use crate::content::Reframing;
use crate::journal::Session;
use crate::journal::{Exercise, QuestionAnswer, ThoughtRecord};

/// The longest answer kept, in characters.
pub const ANSWER_LIMIT: usize = 600;
/// The longest "I"-statement part, in characters.
pub const PART_LIMIT: usize = 120;
/// Strength is rated 0–100; arrows move it by this much.
pub const STRENGTH_STEP: u8 = 5;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Situation,
    Thought,
    Feeling,
    Strength,
    /// One challenge question, by its index in the content.
    Question(usize),
    Balanced,
    Rerate,
    NextStep,
    Review,
}

/// What the person wrote, step by step. Empty means skipped.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Answers {
    pub situation: String,
    pub thought: String,
    pub feeling: String,
    pub strength_before: Option<u8>,
    /// One per question, in order.
    pub answers: Vec<String>,
    pub balanced: String,
    pub strength_after: Option<u8>,
    pub next_step: String,
    /// The "I"-statement's parts and the chosen template.
    pub statement_feeling: String,
    pub statement_situation: String,
    pub statement_need: String,
    pub template: usize,
}

#[derive(Debug, Clone)]
pub struct ReframeFlow {
    content: Reframing,
    steps: Vec<Step>,
    at: usize,
    answers: Answers,
}

impl ReframeFlow {
    /// The journal's account; `completed` when it was kept from the review.
    pub fn session(&self, duration_secs: u64, completed: bool) -> Session {
        let a = self.answers();
        let questions = self
            .content()
            .questions
            .iter()
            .zip(&a.answers)
            .filter(|(_, answer)| !answer.trim().is_empty())
            .map(|(q, answer)| QuestionAnswer {
                question: q.text.clone(),
                answer: answer.trim().to_string(),
            })
            .collect();
        let answered = a.answers.iter().filter(|t| !t.trim().is_empty()).count();
        let mut session = Session::new(
            Exercise::Reframe,
            "thought-record",
            completed,
            duration_secs,
        );
        session.steps_done = Some(answered as u32);
        session.steps_total = Some(a.answers.len() as u32);
        session.reframe = Some(Box::new(ThoughtRecord {
            situation: a.situation.trim().to_string(),
            thought: a.thought.trim().to_string(),
            feeling: a.feeling.trim().to_string(),
            strength_before: a.strength_before,
            strength_after: a.strength_after,
            questions,
            balanced: a.balanced.trim().to_string(),
            next_step: a.next_step.trim().to_string(),
            statement: self.statement().unwrap_or_default(),
        }));
        session
    }

    pub fn new(content: Reframing) -> ReframeFlow {
        let mut steps = vec![
            Step::Situation,
            Step::Thought,
            Step::Feeling,
            Step::Strength,
        ];
        steps.extend((0..content.questions.len()).map(Step::Question));
        steps.extend([Step::Balanced, Step::Rerate, Step::NextStep, Step::Review]);
        let answers = Answers {
            answers: vec![String::new(); content.questions.len()],
            ..Answers::default()
        };
        ReframeFlow {
            content,
            steps,
            at: 0,
            answers,
        }
    }

    pub fn content(&self) -> &Reframing {
        &self.content
    }

    pub fn step(&self) -> Step {
        self.steps[self.at]
    }

    /// 1-based position and how many steps there are (the review included).
    pub fn position(&self) -> (usize, usize) {
        (self.at + 1, self.steps.len())
    }

    pub fn answers(&self) -> &Answers {
        &self.answers
    }

    pub fn answers_mut(&mut self) -> &mut Answers {
        &mut self.answers
    }

    /// On to the next step (the review is the last). Returns whether it moved.
    pub fn forward(&mut self) -> bool {
        let moved = self.at + 1 < self.steps.len();
        self.at = (self.at + 1).min(self.steps.len() - 1);
        moved
    }

    /// Back one step; answers stay as they are.
    pub fn back(&mut self) -> bool {
        let moved = self.at > 0;
        self.at = self.at.saturating_sub(1);
        moved
    }

    /// The text answer of a text step, to edit in place.
    pub fn text_mut(&mut self, step: Step) -> Option<&mut String> {
        let a = &mut self.answers;
        Some(match step {
            Step::Situation => &mut a.situation,
            Step::Thought => &mut a.thought,
            Step::Feeling => &mut a.feeling,
            Step::Question(i) => a.answers.get_mut(i)?,
            Step::Balanced => &mut a.balanced,
            Step::NextStep => &mut a.next_step,
            Step::Strength | Step::Rerate | Step::Review => return None,
        })
    }

    pub fn text(&self, step: Step) -> Option<&str> {
        let a = &self.answers;
        Some(match step {
            Step::Situation => &a.situation,
            Step::Thought => &a.thought,
            Step::Feeling => &a.feeling,
            Step::Question(i) => a.answers.get(i)?,
            Step::Balanced => &a.balanced,
            Step::NextStep => &a.next_step,
            Step::Strength | Step::Rerate | Step::Review => return None,
        })
    }

    /// The rating of a rating step.
    pub fn strength_mut(&mut self, step: Step) -> Option<&mut Option<u8>> {
        match step {
            Step::Strength => Some(&mut self.answers.strength_before),
            Step::Rerate => Some(&mut self.answers.strength_after),
            _ => None,
        }
    }

    /// What a step offers to pick from (thoughts, balanced thoughts, next steps).
    pub fn choices(&self, step: Step) -> Vec<&str> {
        let list = match step {
            Step::Thought => &self.content.thoughts,
            Step::Balanced => &self.content.balanced,
            Step::NextStep => &self.content.toolkit,
            _ => return Vec::new(),
        };
        list.iter().map(|p| p.text.as_str()).collect()
    }

    /// The kind word shown beside question `i` (they take turns).
    pub fn compassion(&self, i: usize) -> Option<&str> {
        let lines = &self.content.compassion;
        (!lines.is_empty()).then(|| lines[i % lines.len()].text.as_str())
    }

    /// The "I"-statement as typed so far, or `None` while every part is empty.
    pub fn statement(&self) -> Option<String> {
        let a = &self.answers;
        let template = self.content.statements.get(a.template)?;
        if [
            &a.statement_feeling,
            &a.statement_situation,
            &a.statement_need,
        ]
        .iter()
        .all(|p| p.trim().is_empty())
        {
            return None;
        }
        Some(template.fill(
            &a.statement_feeling,
            &a.statement_situation,
            &a.statement_need,
        ))
    }

    /// The statement with its blanks shown, for the helper while typing.
    pub fn statement_preview(&self) -> Option<String> {
        let a = &self.answers;
        let template = self.content.statements.get(a.template)?;
        Some(template.fill(
            &a.statement_feeling,
            &a.statement_situation,
            &a.statement_need,
        ))
    }

    /// The other template ("I need" ↔ "I'd like").
    pub fn switch_template(&mut self, forward: bool) {
        let count = self.content.statements.len().max(1);
        let t = &mut self.answers.template;
        *t = if forward {
            (*t + 1) % count
        } else {
            (*t + count - 1) % count
        };
    }

    /// Whether anything at all was written or rated.
    pub fn anything(&self) -> bool {
        let a = &self.answers;
        a.strength_before.is_some()
            || a.strength_after.is_some()
            || [
                &a.situation,
                &a.thought,
                &a.feeling,
                &a.balanced,
                &a.next_step,
            ]
            .iter()
            .any(|t| !t.trim().is_empty())
            || a.answers.iter().any(|t| !t.trim().is_empty())
            || self.statement().is_some()
    }
}

/// A rating after a digit: digits build the number (7, then 5: 75); one
/// that would pass 100 starts a new number.
pub fn type_digit(value: Option<u8>, digit: u8) -> u8 {
    let grown = u16::from(value.unwrap_or(0)) * 10 + u16::from(digit);
    if value.is_some() && grown <= 100 {
        grown as u8
    } else {
        digit
    }
}

/// A rating moved by the arrows, 5 at a time, within 0–100. With nothing
/// chosen yet the first move lands on 50.
pub fn nudge(value: Option<u8>, up: bool) -> u8 {
    match value {
        None => 50,
        Some(v) if up => (v + STRENGTH_STEP).min(100),
        Some(v) => v.saturating_sub(STRENGTH_STEP),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Content;

    fn flow() -> ReframeFlow {
        ReframeFlow::new(Content::builtin().reframing)
    }

    #[test]
    fn every_step_can_be_skipped_to_the_review() {
        let mut f = flow();
        let mut seen = vec![f.step()];
        while f.forward() {
            seen.push(f.step());
        }
        assert_eq!(seen.len(), 4 + 5 + 4);
        assert_eq!(seen[4], Step::Question(0));
        assert_eq!(f.step(), Step::Review);
        assert!(!f.anything());
    }

    #[test]
    fn going_back_and_forth_keeps_every_answer() {
        let mut f = flow();
        f.text_mut(Step::Situation)
            .unwrap()
            .push_str("No reply since noon");
        f.forward();
        f.text_mut(Step::Thought)
            .unwrap()
            .push_str("They're pulling away");
        f.forward();
        f.back();
        f.back();
        assert_eq!(f.text(Step::Situation), Some("No reply since noon"));
        for _ in 0..4 {
            f.forward();
        }
        f.text_mut(Step::Question(0))
            .unwrap()
            .push_str("none really");
        assert_eq!(f.text(Step::Thought), Some("They're pulling away"));
        assert_eq!(f.answers().answers[0], "none really");
        assert!(f.anything());
    }

    #[test]
    fn ratings_by_digits_and_arrows() {
        assert_eq!(type_digit(None, 7), 7);
        assert_eq!(type_digit(Some(7), 5), 75);
        assert_eq!(type_digit(Some(75), 3), 3, "past 100 starts again");
        assert_eq!(type_digit(Some(10), 0), 100);
        assert_eq!(nudge(None, true), 50);
        assert_eq!(nudge(Some(98), true), 100);
        assert_eq!(nudge(Some(3), false), 0);
    }

    #[test]
    fn the_i_statement_is_assembled_from_its_parts() {
        let mut f = flow();
        assert_eq!(f.statement(), None);
        f.answers_mut().statement_feeling = "anxious".into();
        assert_eq!(
            f.statement_preview().unwrap(),
            "I feel anxious when ___, and I need ___."
        );
        f.answers_mut().statement_situation = "I don't hear back for hours".into();
        f.answers_mut().statement_need = "a short text when you're busy".into();
        f.switch_template(true);
        assert_eq!(
            f.statement().unwrap(),
            "I feel anxious when I don't hear back for hours, and I'd like a short text when you're busy."
        );
        f.switch_template(true);
        assert!(f.statement().unwrap().contains("and I need"));
    }

    #[test]
    fn lists_and_kind_words_come_from_content() {
        let f = flow();
        assert!(
            f.choices(Step::Thought)
                .contains(&"I'm too much for anyone.")
        );
        assert!(f.choices(Step::NextStep).contains(&"Make a cup of tea"));
        assert!(f.choices(Step::Situation).is_empty());
        assert_ne!(f.compassion(0), f.compassion(1));
    }
}
