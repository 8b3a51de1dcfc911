//! The History screen, with a journal and empty.

use crate::support::*;

#[test]
fn history_with_a_journal_and_empty() {
    let t0 = Instant::now();
    both_sizes!("history", &history_app(Some("sample.jsonl")), t0);
    both_sizes!("history_empty", &history_app(None), t0);
}
