//! Coping cards (`<data>/cards.toml`): when (the situation), I notice (the
//! signs), I can (one to three actions: own words, or a soothe exercise
//! that runs in place) and remember (a line to oneself). And which card has
//! helped this person most, from their own results: an exercise by how
//! often it lowered their distress by [`EASED_BY`] or more, other actions
//! by the "helped / not this time" they answered after using them. Pure.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

pub use crate::content::MOST_CARD_ACTIONS as MOST_ACTIONS;
use crate::content::StarterCard;
pub use crate::journal::CardUse;
use crate::journal::{Exercise, Record};

pub const VERSION: u32 = 1;
pub const MOST_CARDS: usize = 40;
/// A drop in distress of this much or more is an exercise that helped.
pub const EASED_BY: u8 = 2;

/// The comment soothe writes above the cards.
pub const HEADER: &str = "# Your coping cards. soothe edits them (`soothe cards`); you can edit them\n# by hand too. `can` holds one to three things to do: your own words, or a\n# soothe exercise as after `soothe` (\"breathe gentle --minutes 3\").\n\n";

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cards {
    pub version: u32,
    #[serde(default)]
    pub card: Vec<Card>,
}

/// One card, in the person's words.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Card {
    pub id: String,
    pub when: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notice: String,
    pub can: Vec<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub remember: String,
    /// The starter card it was copied from, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
}

impl Card {
    /// A starter card to make one's own.
    pub fn copied(starter: &StarterCard, id: String) -> Card {
        Card {
            id,
            when: starter.when.clone(),
            notice: starter.notice.clone(),
            can: starter.can.clone(),
            remember: starter.remember.clone(),
            from: Some(starter.id.clone()),
        }
    }

    pub fn starter(starter: &StarterCard) -> Card {
        Card {
            from: None,
            ..Card::copied(starter, starter.id.clone())
        }
    }

    /// Why this card cannot be kept as written, if it cannot.
    pub fn problem(&self) -> Option<String> {
        if self.when.trim().is_empty() {
            return Some("When is this card for? Write the situation first.".into());
        }
        match self.can.iter().filter(|a| !a.trim().is_empty()).count() {
            0 => Some("Write at least one thing you can do.".into()),
            n if n > MOST_ACTIONS => Some(format!("At most {MOST_ACTIONS} things to do.")),
            _ => None,
        }
    }
}

impl Cards {
    pub fn new() -> Cards {
        Cards {
            version: VERSION,
            card: Vec::new(),
        }
    }

    /// An id no card has: "card-1", "card-2", …
    pub fn new_id(&self) -> String {
        let highest = self
            .card
            .iter()
            .filter_map(|c| c.id.strip_prefix("card-")?.parse::<u32>().ok())
            .max()
            .unwrap_or(0);
        format!("card-{}", highest + 1)
    }

    pub fn get(&self, id: &str) -> Option<&Card> {
        self.card.iter().find(|c| c.id == id)
    }
}

/// Which results an exercise action is measured by: the exercise, and the
/// variant when the action names one (a pattern, a program).
pub type Measure = (Exercise, Option<String>);

/// The journal's numbers behind the ranking.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Standings {
    /// Per exercise and variant: rated sessions, total drop, sessions eased.
    measured: HashMap<(Exercise, String), (usize, i64, usize)>,
    /// Per card and action: times asked, times it helped.
    marked: HashMap<(String, String), (usize, usize)>,
}

impl Standings {
    pub fn of<'a>(records: impl IntoIterator<Item = &'a Record>) -> Standings {
        let mut standings = Standings::default();
        for record in records {
            standings.add(record);
        }
        standings
    }

    /// One more record (a session just written).
    pub fn add(&mut self, record: &Record) {
        if let (Some(before), Some(after)) = (record.before, record.after) {
            let entry = self
                .measured
                .entry((record.exercise, record.variant.clone()))
                .or_default();
            let drop = i64::from(before) - i64::from(after);
            entry.0 += 1;
            entry.1 += drop;
            entry.2 += usize::from(drop >= i64::from(EASED_BY));
        }
        if let Some(CardUse {
            card,
            action,
            helped: Some(helped),
        }) = &record.card
        {
            let entry = self
                .marked
                .entry((card.clone(), action.clone()))
                .or_default();
            entry.0 += 1;
            entry.1 += usize::from(*helped);
        }
    }

    /// The exercise and variant that has helped most (by the share of
    /// sessions it eased, on at least two rated sessions and with distress
    /// down on average), other than `except`.
    pub fn best(&self, except: Exercise) -> Option<(Exercise, String, Standing)> {
        self.measured
            .iter()
            .filter(|((exercise, _), (rated, drop, _))| {
                *exercise != except && *rated >= 2 && *drop > 0
            })
            .map(|((exercise, variant), &(rated, drop, eased))| {
                let standing = Standing::Measured {
                    rated,
                    average_drop: drop as f64 / rated as f64,
                    eased,
                };
                (*exercise, variant.clone(), standing)
            })
            .max_by(|a, b| {
                a.2.share()
                    .total_cmp(&b.2.share())
                    // Ties go to the same one every time.
                    .then_with(|| b.1.cmp(&a.1))
            })
    }

    /// How an action has done: measured when it is an exercise, else marked.
    pub fn of_action(&self, card: &str, action: &str, measure: Option<&Measure>) -> Standing {
        match measure {
            Some((exercise, variant)) => {
                let (rated, drop, eased) = self
                    .measured
                    .iter()
                    .filter(|((e, v), _)| e == exercise && variant.as_ref().is_none_or(|w| w == v))
                    .fold((0, 0, 0), |(r, d, e), (_, (r2, d2, e2))| {
                        (r + r2, d + d2, e + e2)
                    });
                if rated == 0 {
                    Standing::Untried
                } else {
                    Standing::Measured {
                        rated,
                        average_drop: drop as f64 / rated as f64,
                        eased,
                    }
                }
            }
            None => match self.marked.get(&(card.to_string(), action.to_string())) {
                Some(&(asked, helped)) => Standing::Marked { asked, helped },
                None => Standing::Untried,
            },
        }
    }
}

/// How one action has done, in the person's own results.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Standing {
    Untried,
    Measured {
        rated: usize,
        average_drop: f64,
        eased: usize,
    },
    Marked {
        asked: usize,
        helped: usize,
    },
}

impl Standing {
    /// The share of times it helped, pulled towards one half when it rests
    /// on few times (one good evening does not beat nine of ten).
    pub fn share(&self) -> f64 {
        let (helped, tries) = match *self {
            Standing::Untried => (0, 0),
            Standing::Measured { rated, eased, .. } => (eased, rated),
            Standing::Marked { asked, helped } => (helped, asked),
        };
        (helped as f64 + 1.0) / (tries as f64 + 2.0)
    }
}

/// A card as the deck shows it: its actions' standings, and how it ranks.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranked {
    pub card: Card,
    /// A built-in card not yet made one's own.
    pub starter: bool,
    pub standings: Vec<Standing>,
    /// Which actions are soothe exercises, run in place (worked out once,
    /// with the standings, not on every draw).
    pub runs: Vec<bool>,
}

impl Ranked {
    /// The card's best action's share.
    pub fn score(&self) -> f64 {
        self.standings
            .iter()
            .map(Standing::share)
            .fold(0.0, f64::max)
    }

    /// Its actions, best first (ties keep the card's order).
    pub fn best_actions(&self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.card.can.len()).collect();
        order.sort_by(|a, b| {
            let share = |i: &usize| self.standings.get(*i).map_or(0.0, Standing::share);
            share(b).total_cmp(&share(a))
        });
        order
    }
}

/// The deck: one's own cards ranked by what has helped, then the starter
/// cards not yet copied (a starter never outranks one's own card).
/// `measure` says which results an action is measured by, when it is an
/// exercise soothe runs.
pub fn deck(
    own: &Cards,
    starters: &[StarterCard],
    standings: &Standings,
    measure: impl Fn(&str) -> Option<Measure>,
) -> Vec<Ranked> {
    let rank = |card: Card, starter: bool| {
        let measures: Vec<Option<Measure>> = card.can.iter().map(|a| measure(a)).collect();
        let standings = card
            .can
            .iter()
            .zip(&measures)
            .map(|(action, measure)| standings.of_action(&card.id, action, measure.as_ref()))
            .collect();
        Ranked {
            runs: measures.iter().map(Option::is_some).collect(),
            card,
            starter,
            standings,
        }
    };
    let by_score = |mut list: Vec<Ranked>| {
        // A stable sort: equal cards keep the order they were written in.
        list.sort_by(|a, b| b.score().total_cmp(&a.score()));
        list
    };
    let mine = by_score(own.card.iter().cloned().map(|c| rank(c, false)).collect());
    let copied: Vec<&str> = own.card.iter().filter_map(|c| c.from.as_deref()).collect();
    let starters = by_score(
        starters
            .iter()
            .filter(|s| !copied.contains(&s.id.as_str()))
            .map(|s| rank(Card::starter(s), true))
            .collect(),
    );
    mine.into_iter().chain(starters).collect()
}

/// The one next step an ending offers: the card just drawn, if the
/// exercise came from one, else the card that has helped most; its best
/// action that is not the exercise just done. (card index, action index).
pub fn next_step(
    deck: &[Ranked],
    drawn: Option<&str>,
    just_done: Exercise,
    measure: impl Fn(&str) -> Option<Measure>,
) -> Option<(usize, usize)> {
    let other = |ranked: &Ranked, i: &usize| {
        measure(&ranked.card.can[*i]).is_none_or(|(exercise, _)| exercise != just_done)
    };
    let pick = |index: usize| {
        let ranked = &deck[index];
        ranked
            .best_actions()
            .into_iter()
            .find(|i| other(ranked, i))
            .map(|action| (index, action))
    };
    if let Some(id) = drawn
        && let Some(index) = deck.iter().position(|r| r.card.id == id)
    {
        return pick(index);
    }
    (0..deck.len()).find_map(pick)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::Record;

    fn record(exercise: Exercise, variant: &str, before: u8, after: u8) -> Record {
        let mut r = crate::journal::tests::sample(1);
        r.exercise = exercise;
        r.variant = variant.into();
        r.before = Some(before);
        r.after = Some(after);
        r
    }

    fn used(card: &str, action: &str, helped: bool) -> Record {
        let mut r = crate::journal::tests::sample(2);
        r.exercise = Exercise::Card;
        r.before = None;
        r.after = None;
        r.card = Some(CardUse {
            card: card.into(),
            action: action.into(),
            helped: Some(helped),
        });
        r
    }

    fn card(id: &str, can: &[&str]) -> Card {
        Card {
            id: id.into(),
            when: format!("when {id}"),
            can: can.iter().map(|s| s.to_string()).collect(),
            ..Card::default()
        }
    }

    fn measure(action: &str) -> Option<Measure> {
        match action {
            "breathe gentle" => Some((Exercise::Breathe, Some("gentle".into()))),
            "relax" => Some((Exercise::Relax, None)),
            _ => None,
        }
    }

    fn ids(deck: &[Ranked]) -> Vec<&str> {
        deck.iter().map(|r| r.card.id.as_str()).collect()
    }

    #[test]
    fn the_card_that_helped_most_comes_first() {
        // A fixture journal: gentle breathing eased it 4 times of 5; relax
        // once of 4; the walk was marked helped 2 of 2.
        let mut journal = vec![
            record(Exercise::Breathe, "gentle", 8, 4),
            record(Exercise::Breathe, "gentle", 7, 4),
            record(Exercise::Breathe, "gentle", 6, 3),
            record(Exercise::Breathe, "gentle", 9, 6),
            record(Exercise::Breathe, "gentle", 5, 5),
            record(Exercise::Breathe, "4-4-6", 9, 1),
            record(Exercise::Relax, "7-group", 6, 6),
            record(Exercise::Relax, "4-group", 7, 7),
            record(Exercise::Relax, "7-group", 6, 3),
            record(Exercise::Relax, "7-group", 5, 5),
        ];
        journal.push(used("walk", "Walk round the block", true));
        journal.push(used("walk", "Walk round the block", true));
        let standings = Standings::of(&journal);
        let cards = Cards {
            version: VERSION,
            card: vec![
                card("relaxing", &["relax"]),
                card("untried", &["Call Sam"]),
                card("walk", &["Walk round the block"]),
                card("breathing", &["breathe gentle", "relax"]),
            ],
        };
        let deck = deck(&cards, &[], &standings, measure);
        // breathing: (4+1)/(5+2) = .71; walk: 3/4 = .75; untried .5; relax 2/6.
        assert_eq!(ids(&deck), ["walk", "breathing", "untried", "relaxing"]);
        let breathing = &deck[1];
        assert_eq!(
            breathing.standings[0],
            Standing::Measured {
                rated: 5,
                average_drop: 13.0 / 5.0,
                eased: 4
            },
            "only the gentle pattern counts for `breathe gentle`"
        );
        assert_eq!(
            crate::words::standing(&breathing.standings[0]).as_deref(),
            Some("distress down 2.6 on average, 5 sessions")
        );
        assert_eq!(
            breathing.standings[1],
            Standing::Measured {
                rated: 4,
                average_drop: 0.75,
                eased: 1
            }
        );
        assert_eq!(
            crate::words::standing(&deck[0].standings[0]).as_deref(),
            Some("helped 2 of 2 times")
        );
        assert_eq!(breathing.best_actions(), [0, 1]);
    }

    #[test]
    fn starters_follow_ones_own_cards_and_a_copied_one_is_not_shown_twice() {
        let starters: Vec<StarterCard> = crate::content::Content::builtin().cards;
        assert!(starters.len() >= 3);
        let none = deck(&Cards::new(), &starters, &Standings::default(), measure);
        assert!(none.iter().all(|r| r.starter));
        let mut own = Cards::new();
        own.card.push(Card::copied(&starters[0], own.new_id()));
        let deck = deck(&own, &starters, &Standings::default(), measure);
        assert_eq!(deck[0].card.id, "card-1");
        assert!(!deck[0].starter);
        assert_eq!(deck.len(), starters.len(), "the copy replaces its starter");
        assert!(
            deck.iter()
                .skip(1)
                .all(|r| r.starter && r.card.id != starters[0].id)
        );
    }

    #[test]
    fn the_next_step_is_the_drawn_cards_other_action() {
        let standings = Standings::of(&[used("b", "Call Sam", true)]);
        let cards = Cards {
            version: VERSION,
            card: vec![
                card("a", &["relax", "Tea"]),
                card("b", &["Call Sam", "relax"]),
            ],
        };
        let deck = deck(&cards, &[], &standings, measure);
        assert_eq!(ids(&deck), ["b", "a"]);
        // After relaxing from card a: its other action.
        assert_eq!(
            next_step(&deck, Some("a"), Exercise::Relax, measure),
            Some((1, 1))
        );
        // Not from a card: the top card's best action.
        assert_eq!(
            next_step(&deck, None, Exercise::Breathe, measure),
            Some((0, 0))
        );
        // The only action is what was just done: the next card.
        let single = deck_of(&[card("r", &["relax"]), card("t", &["Tea"])]);
        assert_eq!(
            next_step(&single, None, Exercise::Relax, measure),
            Some((1, 0))
        );
        assert_eq!(next_step(&[], None, Exercise::Relax, measure), None);
    }

    fn deck_of(list: &[Card]) -> Vec<Ranked> {
        let cards = Cards {
            version: VERSION,
            card: list.to_vec(),
        };
        deck(&cards, &[], &Standings::default(), measure)
    }

    #[test]
    fn a_card_needs_a_situation_and_something_to_do() {
        assert!(card("x", &[]).problem().unwrap().contains("at least one"));
        assert!(card("x", &["a", "b", "c", "d"]).problem().is_some());
        let mut no_when = card("x", &["a"]);
        no_when.when = " ".into();
        assert!(no_when.problem().unwrap().contains("situation"));
        assert_eq!(card("x", &["a"]).problem(), None);
    }

    #[test]
    fn new_ids_never_repeat() {
        let mut cards = Cards::new();
        assert_eq!(cards.new_id(), "card-1");
        cards.card.push(card("card-7", &["a"]));
        cards.card.push(card("mine", &["a"]));
        assert_eq!(cards.new_id(), "card-8");
    }
}
