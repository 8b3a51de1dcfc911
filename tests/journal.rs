//! The journal under two writers at once: separate processes (this test
//! binary run again as a writer) appending 500 records each must leave
//! 1000 whole, readable lines.

use std::path::Path;
use std::process::Command;

use soothe::journal::{self, Exercise, Record, SCHEMA};

const WRITER_ENV: &str = "SOOTHE_TEST_JOURNAL_WRITER";
const EACH: u32 = 500;

fn record(writer: &str, n: u32) -> Record {
    let at = chrono::DateTime::parse_from_rfc3339("2026-11-22T08:00:00+00:00").unwrap();
    Record {
        v: SCHEMA,
        id: format!("{writer}-{n}"),
        started_at: at,
        ended_at: at,
        exercise: Exercise::Ground,
        variant: "5-4-3-2-1".into(),
        completed: true,
        duration_secs: 90,
        before: Some(6),
        after: Some(3),
        cycles: None,
        steps_done: Some(15),
        steps_total: Some(15),
        // Long enough that a torn or interleaved write would show.
        noticed: vec![journal::Noticed {
            sense: "see".into(),
            text: "x".repeat(3000),
        }],
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

/// Run as a child: append this writer's records, then exit.
#[test]
fn journal_writer_child() {
    let Ok(spec) = std::env::var(WRITER_ENV) else {
        return;
    };
    let (writer, path) = spec.split_once(':').unwrap();
    for n in 0..EACH {
        journal::append(Path::new(path), &record(writer, n)).unwrap();
    }
}

#[test]
fn two_processes_appending_at_once_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.jsonl");
    let me = std::env::current_exe().unwrap();
    let children: Vec<_> = ["a", "b"]
        .iter()
        .map(|writer| {
            Command::new(&me)
                .args(["--exact", "journal_writer_child", "--nocapture"])
                .env(WRITER_ENV, format!("{writer}:{}", path.display()))
                .spawn()
                .unwrap()
        })
        .collect();
    for mut child in children {
        assert!(child.wait().unwrap().success());
    }
    let read = journal::read(&path).unwrap();
    assert_eq!(read.unreadable, 0);
    assert_eq!(read.records.len(), 2 * EACH as usize);
    for writer in ["a", "b"] {
        let mut ids: Vec<u32> = read
            .records
            .iter()
            .filter_map(|r| r.id.strip_prefix(&format!("{writer}-"))?.parse().ok())
            .collect();
        ids.sort();
        assert_eq!(ids, (0..EACH).collect::<Vec<_>>(), "writer {writer}");
    }
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(text.lines().count(), 2 * EACH as usize);
}
