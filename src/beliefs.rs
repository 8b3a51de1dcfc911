//! Evidence for a kinder belief (`<data>/beliefs.toml`): the old belief
//! ("I can't cope when they're away"), a kinder one ("I can get through
//! time apart"), how much the kinder one is believed (0–100 %, re-rated
//! weekly), and the evidence for it, one specific thing per entry. soothe
//! offers evidence from the person's own journal, to accept or skip:
//! sessions where distress fell by 3 or more, breaks kept as planned, a
//! thought record's feeling re-rated lower. Pure.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::journal::{Exercise, Record};

pub const VERSION: u32 = 1;
/// A session whose distress fell by this much is offered as evidence.
pub const OFFER_DROP: u8 = 3;
/// A thought record whose feeling fell by this many points (of 100).
pub const OFFER_REFRAME_DROP: u8 = 20;
/// Days between re-ratings.
pub const RERATE_DAYS: i64 = 7;
pub const MOST_OFFERS: usize = 20;

pub const HEADER: &str = "# A kinder belief and the evidence for it. soothe edits this (`soothe\n# evidence`); you can edit it by hand too. believed is 0-100 (%).\n\n";

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Beliefs {
    pub version: u32,
    #[serde(default)]
    pub belief: Vec<Belief>,
    /// Journal sessions offered as evidence and skipped: not offered again.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skipped: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Belief {
    pub old: String,
    pub kinder: String,
    #[serde(default)]
    pub evidence: Vec<Evidence>,
    #[serde(default)]
    pub rating: Vec<Rating>,
}

/// One specific piece of evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    pub on: NaiveDate,
    pub text: String,
    /// The journal session it came from, when it was offered from there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
}

/// How much the kinder belief was believed on a day, 0–100.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rating {
    pub on: NaiveDate,
    pub believed: u8,
}

impl Beliefs {
    pub fn new() -> Beliefs {
        Beliefs {
            version: VERSION,
            ..Beliefs::default()
        }
    }

    /// The belief being worked on: the one written last.
    pub fn current(&self) -> Option<&Belief> {
        self.belief.last()
    }

    pub fn current_mut(&mut self) -> Option<&mut Belief> {
        self.belief.last_mut()
    }

    /// Whether a journal session was offered already (taken or skipped).
    fn offered(&self, id: &str) -> bool {
        self.skipped.iter().any(|s| s == id)
            || self
                .belief
                .iter()
                .flat_map(|b| &b.evidence)
                .any(|e| e.from.as_deref() == Some(id))
    }
}

impl Belief {
    /// A rating on `on`; a second one the same day replaces the first.
    pub fn rate(&mut self, on: NaiveDate, believed: u8) {
        let believed = believed.min(100);
        match self.rating.last_mut() {
            Some(last) if last.on == on => last.believed = believed,
            _ => self.rating.push(Rating { on, believed }),
        }
    }

    /// A week or more since the last rating (or never rated).
    pub fn rerating_due(&self, today: NaiveDate) -> bool {
        self.rating
            .last()
            .is_none_or(|r| (today - r.on).num_days() >= RERATE_DAYS)
    }

    /// The latest rating.
    pub fn believed(&self) -> Option<u8> {
        self.rating.last().map(|r| r.believed)
    }
}

/// Evidence the journal offers, to accept or skip.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Offer {
    /// The journal session's id.
    pub from: String,
    pub on: NaiveDate,
    pub text: String,
}

/// What the journal offers, newest first: sessions where distress fell by
/// [`OFFER_DROP`] or more, breaks kept as planned, thought records whose
/// feeling fell by [`OFFER_REFRAME_DROP`] points; none offered before.
pub fn offers(records: &[Record], beliefs: &Beliefs) -> Vec<Offer> {
    records
        .iter()
        .rev()
        .filter(|r| !beliefs.offered(&r.id))
        .filter_map(|r| {
            let day = r.started_at.format("%a %-d %b");
            let text = offer_text(r, &day.to_string())?;
            Some(Offer {
                from: r.id.clone(),
                on: r.started_at.date_naive(),
                text,
            })
        })
        .take(MOST_OFFERS)
        .collect()
}

fn offer_text(record: &Record, day: &str) -> Option<String> {
    if let Some(pause) = &record.pause {
        return pause.back_on_time.then(|| {
            format!("On {day} I took a break from a hard talk and came back when I said I would.")
        });
    }
    if let Some(reframe) = &record.reframe {
        let (before, after) = (reframe.strength_before?, reframe.strength_after?);
        return (before >= after.saturating_add(OFFER_REFRAME_DROP)).then(|| {
            format!("On {day} I questioned an anxious thought and the feeling went from {before} % to {after} %.")
        });
    }
    let (before, after) = (record.before?, record.after?);
    if before < after.saturating_add(OFFER_DROP) {
        return None;
    }
    let what = match record.exercise {
        Exercise::Breathe => "breathing",
        Exercise::Ground => "grounding",
        Exercise::Relax => "muscle relaxation",
        Exercise::Kind => "a kindness pause",
        _ => return None,
    };
    Some(format!(
        "On {day} I brought my distress down from {before} to {after} with {what}."
    ))
}

/// The ratings as bars, one per rating (the last `most`), 0–100 each
/// scaled to eight steps: "▂▄▅▇".
pub fn chart(ratings: &[Rating], most: usize) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let skip = ratings.len().saturating_sub(most);
    ratings[skip..]
        .iter()
        .map(|r| BARS[(usize::from(r.believed.min(100)) * 7 + 50) / 100])
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::{PauseRecord, ThoughtRecord};

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    fn session(id: &str, exercise: Exercise, before: u8, after: u8) -> Record {
        let mut r = crate::journal::tests::sample(1);
        r.id = id.into();
        r.exercise = exercise;
        r.before = Some(before);
        r.after = Some(after);
        r
    }

    #[test]
    fn the_journal_offers_drops_of_three_kept_breaks_and_re_rated_thoughts() {
        let mut kept = session("kept", Exercise::Pause, 7, 7);
        kept.pause = Some(Box::new(PauseRecord {
            back_on_time: true,
            ..Default::default()
        }));
        let mut late = kept.clone();
        late.id = "late".into();
        late.pause.as_mut().unwrap().back_on_time = false;
        let mut thought = session("thought", Exercise::Reframe, 0, 0);
        thought.reframe = Some(ThoughtRecord {
            strength_before: Some(80),
            strength_after: Some(50),
            ..Default::default()
        });
        let records = vec![
            session("fell-3", Exercise::Breathe, 8, 5),
            session("fell-2", Exercise::Relax, 6, 4),
            kept,
            late,
            thought,
        ];
        let offered = offers(&records, &Beliefs::new());
        let ids: Vec<&str> = offered.iter().map(|o| o.from.as_str()).collect();
        assert_eq!(ids, ["thought", "kept", "fell-3"], "newest first");
        assert_eq!(
            offered[2].text,
            "On Sun 22 Nov I brought my distress down from 8 to 5 with breathing."
        );
        assert!(offered[1].text.contains("came back when I said I would"));
        assert!(offered[0].text.contains("from 80 % to 50 %"));
        // Taken or skipped: never offered again.
        let mut beliefs = Beliefs::new();
        beliefs.skipped.push("kept".into());
        beliefs.belief.push(Belief {
            evidence: vec![Evidence {
                on: day(22),
                text: "x".into(),
                from: Some("thought".into()),
            }],
            ..Belief::default()
        });
        let ids: Vec<String> = offers(&records, &beliefs)
            .into_iter()
            .map(|o| o.from)
            .collect();
        assert_eq!(ids, ["fell-3"]);
    }

    #[test]
    fn a_rating_a_day_and_a_re_rating_each_week() {
        let mut belief = Belief::default();
        assert!(belief.rerating_due(day(1)), "never rated");
        belief.rate(day(1), 30);
        belief.rate(day(1), 35);
        assert_eq!(belief.rating.len(), 1, "the same day replaces");
        assert_eq!(belief.believed(), Some(35));
        assert!(!belief.rerating_due(day(7)));
        assert!(belief.rerating_due(day(8)));
        belief.rate(day(8), 250);
        assert_eq!(belief.believed(), Some(100), "at most 100 %");
    }

    #[test]
    fn the_chart_has_one_bar_per_rating() {
        let ratings: Vec<Rating> = [0, 30, 55, 100]
            .iter()
            .enumerate()
            .map(|(i, &believed)| Rating {
                on: day(1 + i as u32),
                believed,
            })
            .collect();
        assert_eq!(chart(&ratings, 8), "▁▃▅█");
        assert_eq!(chart(&ratings, 2), "▅█");
        assert_eq!(chart(&[], 8), "");
    }

    #[test]
    fn the_document_reads_back_as_written() {
        let mut beliefs = Beliefs::new();
        beliefs.belief.push(Belief {
            old: "I can't cope when they're away".into(),
            kinder: "I can get through time apart".into(),
            evidence: vec![Evidence {
                on: day(20),
                text: "Slept fine while Sam was in Leeds 🌙".into(),
                from: None,
            }],
            rating: vec![Rating {
                on: day(20),
                believed: 40,
            }],
        });
        let text = toml::to_string(&beliefs).unwrap();
        assert!(text.contains("on = \"2026-11-20\""), "{text}");
        assert_eq!(toml::from_str::<Beliefs>(&text).unwrap(), beliefs);
    }
}
