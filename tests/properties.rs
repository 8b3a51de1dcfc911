//! Property tests where the input is hostile: the content loader on random
//! bytes and TOML-shaped noise, the journal reader on valid lines mixed with
//! garbage, and the timeline under random pauses, stalls and pace changes.
//! Case counts are kept small enough for CI's two cores.

use std::time::{Duration, Instant};

use proptest::prelude::*;
use soothe::content::{Origin, parse_file};
use soothe::exercise::timeline::{Length, Segment, Timeline};
use soothe::journal::{self, Exercise, Record};

/// Pieces of content files, valid and not, to be strung together at random.
const PIECES: &[&str] = &[
    "version = 1\n",
    "version = 2\n",
    "[[patterns]]\n",
    "[[grounding]]\n",
    "[[relaxation]]\n",
    "[[relaxation.steps]]\n",
    "[[grounding.steps]]\n",
    "id = \"mine\"\n",
    "id = \"Bad Id\"\n",
    "name = \"Mine 🌿\"\n",
    "name = 5\n",
    "description = \"d\"\n",
    "phases = [{ kind = \"inhale\", seconds = 4 }, { kind = \"exhale\", seconds = 6 }]\n",
    "phases = [{ kind = \"hold\", seconds = 1000 }]\n",
    "phasez = []\n",
    "sense = \"see\"\ncount = 3\nprompt = \"Look.\"\nhints = [\"lamp\"]\n",
    "group = \"Hands\"\ntense = \"Fist.\"\nrelease = \"Open.\"\nnotice = \"Warm.\"\n",
    "text = \"\\u001b[31mred\"\n",
    "= = =\n",
    "[[patterns]\n",
    "\"unterminated\n",
    "{ \n",
    "]]\n",
    "1e400\n",
    "窓の外\n",
    "\n",
    "\t",
    "\r\n",
];

fn inside(text: &str, (line, col): (usize, usize)) -> bool {
    let lines: Vec<&str> = text.split('\n').collect();
    line >= 1 && line <= lines.len() && col >= 1 && col <= lines[line - 1].chars().count() + 1
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn the_content_loader_never_panics_on_random_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let text = String::from_utf8_lossy(&bytes);
        let parsed = parse_file("random.toml", &text, Origin::BuiltIn);
        for problem in &parsed.problems {
            if let Some(at) = problem.position {
                prop_assert!(inside(&text, at), "{problem} outside the file");
            }
        }
    }

    #[test]
    fn every_problem_of_toml_shaped_noise_is_placed_inside_the_file(
        picks in proptest::collection::vec(0..PIECES.len(), 0..30)
    ) {
        let text: String = picks.iter().map(|&i| PIECES[i]).collect();
        let parsed = parse_file("noise.toml", &text, Origin::BuiltIn);
        for problem in &parsed.problems {
            if let Some(at) = problem.position {
                prop_assert!(inside(&text, at), "{problem} outside:\n{text}");
            }
        }
        // What loads is whole: every pattern kept has its phases.
        for pattern in &parsed.patterns {
            prop_assert!(!pattern.phases.is_empty());
        }
    }
}

fn record(n: u32) -> Record {
    let at = chrono::DateTime::parse_from_rfc3339("2026-11-22T08:00:00+01:00").unwrap();
    Record {
        v: journal::SCHEMA,
        id: format!("r{n}"),
        started_at: at,
        ended_at: at,
        exercise: Exercise::Breathe,
        variant: "4-4-6".into(),
        completed: n.is_multiple_of(2),
        duration_secs: u64::from(n),
        before: Some((n % 11) as u8),
        after: None,
        cycles: Some(n),
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

#[derive(Debug, Clone)]
enum Line {
    Record,
    Garbage(String),
    /// A record cut short, as a crash mid-write leaves it.
    Torn(usize),
}

fn line() -> impl Strategy<Value = Line> {
    prop_oneof![
        3 => Just(Line::Record),
        1 => "[^\n]{0,40}".prop_map(Line::Garbage),
        1 => (1usize..60).prop_map(Line::Torn),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(100))]

    #[test]
    fn the_journal_reader_recovers_every_whole_record_and_never_changes_the_file(
        lines in proptest::collection::vec(line(), 0..40),
        torn_tail in proptest::option::of(1usize..60),
    ) {
        let mut text = String::new();
        let mut expected = Vec::new();
        for (n, line) in lines.iter().enumerate() {
            match line {
                Line::Record => {
                    let record = record(n as u32);
                    text.push_str(&serde_json::to_string(&record).unwrap());
                    expected.push(record);
                }
                Line::Garbage(junk) => text.push_str(junk),
                Line::Torn(cut) => {
                    let whole = serde_json::to_string(&record(n as u32)).unwrap();
                    text.push_str(&whole[..(*cut).min(whole.len() - 1)]);
                }
            }
            text.push('\n');
        }
        if let Some(cut) = torn_tail {
            let whole = serde_json::to_string(&record(999)).unwrap();
            text.push_str(&whole[..cut.min(whole.len() - 1)]);
        }
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.jsonl");
        std::fs::write(&path, &text).unwrap();
        let read = journal::read(&path).unwrap();
        // Garbage that happens to be a record cannot be told from one; the
        // generator never makes such garbage (it has no `"v":`).
        prop_assert_eq!(&read.records, &expected);
        prop_assert_eq!(std::fs::read_to_string(&path).unwrap(), text, "reading never writes");
    }
}

#[derive(Debug, Clone)]
enum Moment {
    /// Time passes, looked at as the event loop does.
    Wait(u64),
    /// A gap long enough to count as a stall (a suspended laptop).
    Stall(u64),
    TogglePause,
    /// A new pace, as a percent of the pattern's own.
    Pace(u64),
}

fn moment() -> impl Strategy<Value = Moment> {
    prop_oneof![
        6 => (1u64..1500).prop_map(Moment::Wait),
        1 => (2100u64..60_000).prop_map(Moment::Stall),
        2 => Just(Moment::TogglePause),
        1 => (50u64..=200).prop_map(Moment::Pace),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Whatever happened before, once it runs undisturbed the schedule
    /// repeats exactly: a thousand cycles on, the same segment at the same
    /// millisecond. And active time is exactly the time it ran.
    #[test]
    fn the_timeline_never_drifts_under_pauses_stalls_and_pace_changes(
        moments in proptest::collection::vec(moment(), 0..60)
    ) {
        let base = [4000u64, 4000, 6000];
        let segments = base.iter().enumerate().map(|(i, &ms)| Segment { kind: i, ms }).collect();
        let t0 = Instant::now();
        let mut timeline = Timeline::new(segments, Length::Forever, t0);
        let mut now = t0;
        let mut running_ms = 0u64;
        let mut paused = false;
        for moment in moments {
            match moment {
                Moment::Wait(ms) => {
                    now += Duration::from_millis(ms);
                    timeline.observe(now);
                    if !paused {
                        running_ms += ms;
                    }
                }
                Moment::Stall(ms) => {
                    now += Duration::from_millis(ms);
                    // The gap does not count, and the timeline is paused after it.
                    if timeline.observe(now) {
                        paused = true;
                    }
                }
                Moment::TogglePause => {
                    timeline.toggle_pause(now);
                    paused = !paused;
                }
                Moment::Pace(percent) => {
                    let lengths: Vec<u64> =
                        base.iter().map(|ms| (ms * 100).div_ceil(percent).max(1)).collect();
                    timeline.rescale(now, &lengths);
                }
            }
            prop_assert_eq!(timeline.is_paused(), paused);
            prop_assert_eq!(timeline.active_ms(now), running_ms);
        }
        if paused {
            timeline.toggle_pause(now);
        }
        timeline.observe(now);
        let cycle = timeline.cycle_ms();
        let start = timeline.sample(now);
        let elapsed = timeline.elapsed_ms(now);
        for k in [1u64, 7, 60, 1000] {
            let later = now + Duration::from_millis(k * cycle);
            let sample = timeline.sample(later);
            prop_assert_eq!((sample.index, sample.into_ms), (start.index, start.into_ms));
            prop_assert_eq!(timeline.elapsed_ms(later), elapsed + k * cycle);
        }
    }
}
