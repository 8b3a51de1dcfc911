//! The journal: `<data>/journal.jsonl`, one JSON record per session, only
//! ever appended to. Appends are one write of one whole line under a lock,
//! then synced; a torn last line (a crash mid-write) is sealed off with a
//! newline before the next record, so it never swallows it. Reading never
//! changes the file: lines that cannot be read are skipped and counted.
//! Knows nothing of terminals.

use std::fs::{DirBuilder, File, OpenOptions};
use std::io::{self, BufRead, BufReader, Write};
use std::os::unix::fs::{DirBuilderExt, FileExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

/// The newest record layout this soothe reads.
pub const SCHEMA: u32 = 2;
/// The layout of the first kinds (breathe, ground, relax, reframe): still
/// written as 1, so an older soothe reads them as before.
pub const SCHEMA_V1: u32 = 1;

/// How much of the journal's end is read for what is due, a "time to get
/// help" line and the cards' order: months of sessions, never years.
pub const RECENT_BYTES: u64 = 256 * 1024;

/// How much of the journal a screen opens on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    /// Every record: History, evidence offers, a ladder's outcomes.
    Whole,
    /// The last [`RECENT_BYTES`]: a talk to go on with is less than a day old.
    Recent,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Exercise {
    Breathe,
    Ground,
    Relax,
    Reframe,
    Pause,
    Send,
    /// The safety plan seen or changed (nothing of it is kept here).
    Plan,
    /// A two-minute self-compassion pause.
    Kind,
    /// Three good things, and why each went well.
    Good,
    /// A coping card used: which, the action, whether it helped.
    Card,
    /// Evidence for a kinder belief, and how much it is believed.
    Evidence,
    /// A practice of one step of a ladder of time apart.
    Ladder,
    /// After a fight: the steps of a repair, or how its if-then went.
    Repair,
    /// Two people talking in turns, the keyboard running the structure.
    Talk,
}

impl Exercise {
    pub fn name(self) -> &'static str {
        match self {
            Exercise::Breathe => "breathe",
            Exercise::Ground => "ground",
            Exercise::Relax => "relax",
            Exercise::Reframe => "reframe",
            Exercise::Pause => "pause",
            Exercise::Send => "send",
            Exercise::Plan => "plan",
            Exercise::Kind => "kind",
            Exercise::Good => "good",
            Exercise::Card => "card",
            Exercise::Evidence => "evidence",
            Exercise::Ladder => "ladder",
            Exercise::Repair => "repair",
            Exercise::Talk => "talk",
        }
    }

    /// The record layout this kind is written with: the relationship kinds
    /// are v2, so an older soothe counts them as newer, not unreadable.
    pub fn schema(self) -> u32 {
        match self {
            Exercise::Pause
            | Exercise::Send
            | Exercise::Plan
            | Exercise::Kind
            | Exercise::Good
            | Exercise::Card
            | Exercise::Evidence
            | Exercise::Ladder
            | Exercise::Repair
            | Exercise::Talk => 2,
            _ => SCHEMA_V1,
        }
    }
}

/// Something done inside a break or a wait (breathing, a walk), logged as
/// part of it rather than as a session of its own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Activity {
    /// `breathe`, `ground`, `relax`, or the id of an activity from content.
    pub kind: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub variant: String,
    pub secs: u64,
}

impl Activity {
    /// An exercise run inside a break or a wait, as part of it.
    pub fn of(session: &Session) -> Activity {
        Activity {
            kind: session.exercise.name().to_string(),
            variant: session.variant.clone(),
            secs: session.duration_secs,
        }
    }
}

/// What a use of a coping card leaves: the card, the action taken, and
/// (for one's own words) whether it helped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardUse {
    pub card: String,
    pub action: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub helped: Option<bool>,
}

/// One good thing and why it went well, in the person's own words (kept:
/// these are theirs to read back).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoodThing {
    pub what: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub why: String,
}

/// How a break went. Typed text (the message) only with `save_text`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PauseRecord {
    /// Flooding signs marked (0 when the question was skipped).
    pub signs: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pulse: Option<u16>,
    /// Planned length in minutes, at the start and with every extension.
    pub planned_minutes: i64,
    #[serde(with = "rfc3339")]
    pub returns_at: DateTime<FixedOffset>,
    pub extensions: u32,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub activities: Vec<Activity>,
    /// Halfway: "calming" or "going-over", when answered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub halfway: Option<String>,
    /// At the return: could they listen now (`None`: not asked or skipped).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ready: Option<bool>,
    /// Came back within five minutes of the return time.
    pub back_on_time: bool,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub message: String,
}

/// What a send decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Decision {
    /// Shown to copy: the person may send it themselves.
    Shown,
    NotNow,
    /// Left before deciding.
    Left,
}

/// How writing a message went. The draft only with `save_text`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SendRecord {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub urge_before: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub urge_after: Option<u8>,
    /// Minutes planned to wait, and whether the wait was sat out.
    pub wait_minutes: u32,
    pub waited: bool,
    pub decision: Decision,
    /// Rule ids the last check found.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub findings: Vec<String>,
    /// Words in the final draft.
    pub words: u32,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub activities: Vec<Activity>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub draft: String,
}

/// One thing noticed in grounding, kept only when `save_text = true`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Noticed {
    pub sense: String,
    pub text: String,
}

/// A question of the thought record and what was answered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionAnswer {
    pub question: String,
    pub answer: String,
}

/// What a reframe wrote down. Kept whole: the person typed it for
/// themselves, and the journal is theirs alone (0600).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThoughtRecord {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub situation: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub thought: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub feeling: String,
    /// How strong the feeling was, 0–100, before and after.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strength_before: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strength_after: Option<u8>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub questions: Vec<QuestionAnswer>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub balanced: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub next_step: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub statement: String,
}

impl ThoughtRecord {
    /// The balanced thought and the "I"-statement, as lines to copy.
    pub fn farewell(&self) -> Vec<String> {
        let mut lines = Vec::new();
        if !self.balanced.is_empty() {
            lines.push(format!("Balanced thought: {}", self.balanced));
        }
        if !self.statement.is_empty() {
            lines.push(format!("\"I\"-statement: {}", self.statement));
        }
        lines
    }
}

/// One session. Optional fields are left out of the line when empty.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    pub v: u32,
    pub id: String,
    #[serde(with = "rfc3339")]
    pub started_at: DateTime<FixedOffset>,
    #[serde(with = "rfc3339")]
    pub ended_at: DateTime<FixedOffset>,
    pub exercise: Exercise,
    /// The pattern, grounding variant or relaxation program id.
    pub variant: String,
    /// Ran to its end, rather than being left early.
    pub completed: bool,
    pub duration_secs: u64,
    /// Distress 0–10 before and after, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub before: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<u8>,
    /// Breathing: whole cycles breathed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cycles: Option<u32>,
    /// Grounding: things noticed; relaxation: groups let go.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub steps_done: Option<u32>,
    /// Grounding: things asked for; relaxation: groups in the program.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub steps_total: Option<u32>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub noticed: Vec<Noticed>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reframe: Option<ThoughtRecord>,
    /// Boxed, as in [`Session`]: most records have neither.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pause: Option<Box<PauseRecord>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub send: Option<Box<SendRecord>>,
    /// A kindness pause: the phrase ids chosen ("own" for words typed).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub chosen: Vec<String>,
    /// Three good things, in the person's words.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub good: Vec<GoodThing>,
    /// A coping card used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub card: Option<CardUse>,
    /// Evidence written or accepted, and a re-rating.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Box<EvidenceRecord>>,
    /// A ladder step practised.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ladder: Option<Box<LadderRecord>>,
    /// A repair after a fight, or how its if-then went.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repair: Option<Box<RepairRecord>>,
    /// A talk in turns.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub talk: Option<Box<TalkRecord>>,
}

/// One turn with the floor: whose (an initial), how long, how many
/// mirrors were given and how many were "not quite" first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TurnRecord {
    pub who: String,
    pub secs: u64,
    pub mirrors: u32,
    pub not_quite: u32,
}

/// A talk: initials, the turns, whether both felt heard, the breaks and
/// the if-thens; the topic and their words only when both chose to keep
/// them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TalkRecord {
    pub initials: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub turns: Vec<TurnRecord>,
    pub heard: bool,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub breaks: u32,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub if_thens: Vec<String>,
    /// Put off to this time ("is now a good time?" no).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub later: String,
    /// A stress from outside: what the listener was asked for and offered.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub help: String,
    pub kept: bool,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub topic: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub words: Vec<Said>,
    /// Closed during a break: where the talk stood, to go on until `by`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resume: Option<TalkResume>,
    /// The id of the talk stopped for a break that this one went on from.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub continues: String,
}

/// Where a talk stopped for a break stood: no names, no words.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TalkResume {
    /// RFC 3339: the talk may go on until then (24 hours after the break).
    pub by: String,
    /// 0 for the first name, 1 for the second.
    pub speaker: usize,
    pub step: String,
    pub left_secs: u64,
    pub minutes: u32,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// How an if-then went, asked once on the menu after its follow-up date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FollowedUp {
    DidIt,
    Partly,
    NotYet,
    NoChance,
}

/// A repair after a fight, in the person's own words (kept: a repair is
/// theirs to read back); or, with `answer`, how an earlier one's if-then
/// went (`of` is that repair's record id).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RepairRecord {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub feelings: Vec<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub camera: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub theirs: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub touched: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub set_up: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub regret: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub apologise: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub if_then: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub ask: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub statement: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub differently: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub grateful: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up: Option<chrono::NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub of: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<FollowedUp>,
    /// Together at one keyboard: what is kept of the two of them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub together: Option<Together>,
}

/// A repair taken in turns by two people. Only metadata and initials,
/// unless both chose to keep their words.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Together {
    pub initials: Vec<String>,
    /// One commitment each, in turn order.
    pub if_thens: Vec<String>,
    /// Mirrors given, and how many were "not quite" first.
    pub mirrors: u32,
    pub not_quite: u32,
    /// Both chose to keep their words (then `words` holds them).
    pub kept: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub words: Vec<Said>,
}

/// One step's words of one of the two, kept only when both chose it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Said {
    pub who: String,
    pub step: String,
    pub text: String,
}

/// Whether what was feared happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Happened {
    Yes,
    Partly,
    No,
}

/// One practice of a ladder step: the prediction before, the plan, the
/// fear during and after, and what was learned (the person's own words,
/// kept: they are the evidence the ladder is built on).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LadderRecord {
    pub goal: String,
    pub step: String,
    /// The step's fear rating when the ladder was built, 0–10.
    pub fear: u8,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub predicted: String,
    /// How likely the feared thing felt, 0–100 %.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub likely: Option<u8>,
    /// How well one could cope if it happened, 0–10.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cope: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes: Option<u32>,
    /// Agreed contact: part of the step, not a failure.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub contact: String,
    /// Safety behaviours planned to be dropped, and those used after all.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dropping: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub used: Vec<String>,
    /// Fear ratings taken during, every five minutes when asked.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub during: Vec<u8>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub toolkit: Vec<Activity>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub peak: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<u8>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub what_happened: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub happened: Option<Happened>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub learned: String,
    /// Logged afterwards (`soothe ladder log`), soothe closed meanwhile.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub logged: bool,
}

/// An evidence session: the kinder belief, the evidence added (the
/// person's own words, kept), and how much they believe it now, 0–100.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvidenceRecord {
    pub belief: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub added: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub believed: Option<u8>,
}

/// Timestamps as people and other tools read them: whole seconds and an
/// explicit offset ("2026-11-22T21:15:00+01:00", never "Z" or nanoseconds).
/// Any RFC 3339 form reads back.
mod rfc3339 {
    use chrono::{DateTime, FixedOffset, SecondsFormat};
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(at: &DateTime<FixedOffset>, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&at.to_rfc3339_opts(SecondsFormat::Secs, false))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<FixedOffset>, D::Error> {
        let text = String::deserialize(d)?;
        DateTime::parse_from_rfc3339(&text).map_err(serde::de::Error::custom)
    }
}

/// How one exercise session went, as the exercise knows it. The session
/// machine adds the times and ratings to make it a [`Record`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub exercise: Exercise,
    pub variant: String,
    pub completed: bool,
    /// Time spent in the exercise (pauses left out where it has a clock).
    pub duration_secs: u64,
    pub cycles: Option<u32>,
    pub steps_done: Option<u32>,
    pub steps_total: Option<u32>,
    /// Grounding's typed items; kept only when the user opted in.
    pub noticed: Vec<Noticed>,
    /// Boxed: it is large, and most sessions have none.
    pub reframe: Option<Box<ThoughtRecord>>,
    pub pause: Option<Box<PauseRecord>>,
    pub send: Option<Box<SendRecord>>,
    /// A kindness pause: the phrase ids chosen.
    pub chosen: Vec<String>,
    /// Three good things.
    pub good: Vec<GoodThing>,
    pub card: Option<CardUse>,
    pub evidence: Option<Box<EvidenceRecord>>,
    pub ladder: Option<Box<LadderRecord>>,
    pub repair: Option<Box<RepairRecord>>,
    pub talk: Option<Box<TalkRecord>>,
    /// Lines to print after soothe exits, to copy (a message for the
    /// partner, a draft to send); never part of the record itself.
    pub farewell: Vec<String>,
    /// The text `--copy` puts on the clipboard, if any.
    pub to_copy: String,
    /// Ratings the exercise asked itself (a break's distress before and
    /// at the return), 0–10.
    pub own: (Option<u8>, Option<u8>),
}

impl Session {
    /// A session with only the common fields; exercises fill in the rest.
    pub fn new(exercise: Exercise, variant: &str, completed: bool, duration_secs: u64) -> Session {
        Session {
            exercise,
            variant: variant.to_string(),
            completed,
            duration_secs,
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
            farewell: Vec::new(),
            to_copy: String::new(),
            own: (None, None),
        }
    }

    /// The 0–10 ratings a thought record gives the journal (its 0–100
    /// strengths, rounded), so it counts in "what helps you most".
    pub fn own_ratings(&self) -> (Option<u8>, Option<u8>) {
        let tenth = |v: Option<u8>| v.map(|v| ((u16::from(v) + 5) / 10) as u8);
        match &self.reframe {
            Some(r) => (tenth(r.strength_before), tenth(r.strength_after)),
            None => self.own,
        }
    }
}

/// What reading the journal found.
#[derive(Debug, Default)]
pub struct Read {
    pub records: Vec<Record>,
    /// Lines that are not a record soothe can read (torn, edited, garbage).
    pub unreadable: usize,
    /// Records written by a newer soothe, with a layout this one does not know.
    pub newer: usize,
}

impl Read {
    /// One line about what was left out, if anything was.
    pub fn warning(&self) -> Option<String> {
        let mut parts = Vec::new();
        if self.unreadable > 0 {
            let lines = if self.unreadable == 1 {
                "line"
            } else {
                "lines"
            };
            parts.push(format!("{} {lines} could not be read", self.unreadable));
        }
        if self.newer > 0 {
            let records = if self.newer == 1 {
                "record is"
            } else {
                "records are"
            };
            parts.push(format!("{} {records} from a newer soothe", self.newer));
        }
        (!parts.is_empty()).then(|| format!("{}; the file is unchanged", parts.join(", ")))
    }
}

#[derive(Deserialize)]
struct Version {
    v: u32,
}

/// Reads every record, oldest first. A missing file is an empty journal.
pub fn read(path: &Path) -> io::Result<Read> {
    let file = match File::open(path) {
        Ok(file) => file,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(Read::default()),
        Err(err) => return Err(err),
    };
    let mut read = Read::default();
    for line in BufReader::new(file).split(b'\n') {
        let line = line?;
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        // One parse for the common case; the version alone only when that fails.
        match serde_json::from_slice::<Record>(&line) {
            Ok(record) if record.v > SCHEMA => read.newer += 1,
            Ok(record) => read.records.push(record),
            Err(_) => match serde_json::from_slice::<Version>(&line) {
                Ok(version) if version.v > SCHEMA => read.newer += 1,
                _ => read.unreadable += 1,
            },
        }
    }
    Ok(read)
}

/// The records in the last `bytes` of the journal (the recent weeks, read
/// without reading years): a line cut by the start is left out.
pub fn read_tail(path: &Path, bytes: u64) -> io::Result<Read> {
    use std::io::{Seek, SeekFrom};
    let mut file = match File::open(path) {
        Ok(file) => file,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(Read::default()),
        Err(err) => return Err(err),
    };
    let length = file.metadata()?.len();
    let start = length.saturating_sub(bytes);
    // From the byte before: what is cut is dropped up to its newline, and a
    // line starting exactly at `start` is kept whole.
    file.seek(SeekFrom::Start(start.saturating_sub(1)))?;
    let mut reader = BufReader::new(file);
    if start > 0 {
        let mut cut = Vec::new();
        reader.read_until(b'\n', &mut cut)?;
    }
    let mut read = Read::default();
    for line in reader.split(b'\n') {
        let line = line?;
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match serde_json::from_slice::<Record>(&line) {
            Ok(record) if record.v <= SCHEMA => read.records.push(record),
            Ok(_) => read.newer += 1,
            Err(_) => read.unreadable += 1,
        }
    }
    Ok(read)
}

/// The lock file beside the journal: a lock on it guards each append, and
/// the journal itself is never opened for anything but appending.
fn lock_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    path.with_file_name(name)
}

/// Appends one record as one line. The folder is created 0700 and the file
/// 0600 (only the user can read them).
pub fn append(path: &Path, record: &Record) -> io::Result<()> {
    if let Some(dir) = path.parent()
        && !dir.as_os_str().is_empty()
    {
        DirBuilder::new().recursive(true).mode(0o700).create(dir)?;
    }
    let mut line = serde_json::to_string(record).map_err(io::Error::other)?;
    line.push('\n');

    let lock = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .mode(0o600)
        .open(lock_path(path))?;
    lock.lock()?;
    let mut file = OpenOptions::new()
        .create(true)
        .append(true)
        .read(true)
        .mode(0o600)
        .open(path)?;
    // A crash mid-write can leave a last line without its newline; start on
    // a fresh line so that torn line stays alone (and is skipped on reading).
    let length = file.metadata()?.len();
    if length > 0 {
        let mut last = [0u8];
        file.read_exact_at(&mut last, length - 1)?;
        if last[0] != b'\n' {
            line.insert(0, '\n');
        }
    }
    file.write_all(line.as_bytes())?;
    file.sync_data()?;
    drop(file);
    lock.unlock()
}

/// Appends to the journal where soothe keeps it, if it has a place: the
/// failure as one line that names the file, ready to show.
pub fn save(path: Option<&Path>, record: &Record) -> Result<(), String> {
    let path = path.ok_or("there is no data folder (use --data-dir)")?;
    append(path, record).map_err(|err| format!("{}: {err}", path.display()))
}

/// Reads the journal where soothe keeps it; with no data folder there is
/// nothing to read. A failure is one line that names the file.
pub fn load(path: Option<&Path>) -> Result<Read, String> {
    load_reach(path, Reach::Whole)
}

/// As [`load`], only as far back as `reach`.
pub fn load_reach(path: Option<&Path>, reach: Reach) -> Result<Read, String> {
    let Some(path) = path else {
        return Ok(Read::default());
    };
    match reach {
        Reach::Whole => read(path),
        Reach::Recent => read_tail(path, RECENT_BYTES),
    }
    .map_err(|err| format!("{}: {err}", path.display()))
}

/// A new record id: the start time and a process-unique counter, so two
/// sessions never share one even within the same second.
pub fn new_id(started_at: &DateTime<FixedOffset>) -> String {
    use std::sync::atomic::{AtomicU32, Ordering};
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    format!(
        "{}-{}-{}",
        started_at.format("%Y%m%dT%H%M%S"),
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    )
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    pub fn sample(n: u32) -> Record {
        let at = DateTime::parse_from_rfc3339("2026-11-22T07:30:00+01:00").unwrap();
        Record {
            v: Exercise::Breathe.schema(),
            id: format!("r{n}"),
            started_at: at,
            ended_at: at + chrono::Duration::seconds(70),
            exercise: Exercise::Breathe,
            variant: "4-4-6".into(),
            completed: n.is_multiple_of(2),
            duration_secs: 70,
            before: Some(7),
            after: (!n.is_multiple_of(3)).then_some(4),
            cycles: Some(5),
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

    #[test]
    fn the_tail_leaves_out_the_line_it_cuts_and_reads_the_rest() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.jsonl");
        for n in 0..50 {
            append(&path, &sample(n)).unwrap();
        }
        let line = std::fs::read_to_string(&path)
            .unwrap()
            .lines()
            .last()
            .unwrap()
            .len() as u64
            + 1;
        // Ten whole lines and half of the one before them.
        let read = read_tail(&path, 10 * line + line / 2).unwrap();
        assert_eq!(read.records.len(), 10);
        assert_eq!(read.unreadable, 0, "the cut line is skipped, not counted");
        assert_eq!(read.records[9].id, "r49");
        assert_eq!(read_tail(&path, u64::MAX).unwrap().records.len(), 50);
        // Cut exactly at a line's start: that line is whole, and read.
        assert_eq!(read_tail(&path, 10 * line).unwrap().records.len(), 10);
        assert!(
            read_tail(&dir.path().join("none"), 100)
                .unwrap()
                .records
                .is_empty()
        );
    }

    #[test]
    fn records_round_trip_and_optional_fields_stay_out_of_the_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("data/journal.jsonl");
        append(&path, &sample(0)).unwrap();
        append(&path, &sample(1)).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(text.lines().count(), 2);
        assert!(
            text.contains("\"ended_at\":\"2026-11-22T07:31:10+01:00\""),
            "{text}"
        );
        assert!(!text.contains("steps_done") && !text.contains("noticed"));
        assert!(text.contains("\"started_at\":\"2026-11-22T07:30:00+01:00\""));
        let read = read(&path).unwrap();
        assert_eq!(read.records, [sample(0), sample(1)]);
        assert_eq!(read.warning(), None);
    }

    #[test]
    fn the_folder_is_0700_and_the_file_0600() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new/journal.jsonl");
        append(&path, &sample(0)).unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&dir.path().join("new")), 0o700);
        assert_eq!(mode(&path), 0o600);
    }

    #[test]
    fn a_file_cut_at_any_byte_keeps_every_whole_record_and_takes_the_next() {
        let dir = tempfile::tempdir().unwrap();
        let full = dir.path().join("full.jsonl");
        for n in 0..3 {
            append(&full, &sample(n)).unwrap();
        }
        let bytes = std::fs::read(&full).unwrap();
        let ends: Vec<usize> = bytes
            .iter()
            .enumerate()
            .filter(|(_, b)| **b == b'\n')
            .map(|(i, _)| i + 1)
            .collect();
        for cut in 0..=bytes.len() {
            let path = dir.path().join(format!("cut{cut}.jsonl"));
            std::fs::write(&path, &bytes[..cut]).unwrap();
            let before = read(&path).unwrap();
            // Whole lines, plus a line missing only its newline (still a whole record).
            let whole = ends.iter().filter(|end| **end <= cut + 1).count();
            assert_eq!(before.records.len(), whole, "cut at {cut}");
            assert!(before.unreadable <= 1, "cut at {cut}");
            append(&path, &sample(9)).unwrap();
            let after = read(&path).unwrap();
            assert_eq!(after.records.last(), Some(&sample(9)), "cut at {cut}");
            assert_eq!(
                after.records.len(),
                before.records.len() + 1,
                "cut at {cut}"
            );
            // The file up to the cut is untouched by reading or appending.
            assert_eq!(&std::fs::read(&path).unwrap()[..cut], &bytes[..cut]);
        }
    }

    #[test]
    fn garbage_and_newer_records_are_skipped_counted_and_left_in_place() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.jsonl");
        append(&path, &sample(0)).unwrap();
        let mut file = OpenOptions::new().append(true).open(&path).unwrap();
        writeln!(file, "not json at all").unwrap();
        writeln!(file, "{{\"v\":99,\"whatever\":true}}").unwrap();
        writeln!(file, "{{\"v\":1,\"id\":\"half\"}}").unwrap();
        drop(file);
        append(&path, &sample(1)).unwrap();
        let before = std::fs::read(&path).unwrap();
        let read = read(&path).unwrap();
        assert_eq!(read.records.len(), 2);
        assert_eq!((read.unreadable, read.newer), (2, 1));
        assert_eq!(
            read.warning().unwrap(),
            "2 lines could not be read, 1 record is from a newer soothe; the file is unchanged"
        );
        assert_eq!(std::fs::read(&path).unwrap(), before);
    }

    #[test]
    fn a_missing_journal_is_empty_and_ids_are_unique() {
        let dir = tempfile::tempdir().unwrap();
        assert!(
            read(&dir.path().join("none.jsonl"))
                .unwrap()
                .records
                .is_empty()
        );
        let at = sample(0).started_at;
        assert_ne!(new_id(&at), new_id(&at));
    }
}
