//! Documents under a killed writer: a child process saves two versions in
//! turn as fast as it can and is killed at random moments; the file is
//! always one version or the other, whole, and so is its backup.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use serde::{Deserialize, Serialize};
use soothe::documents::{self, Loaded};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Doc {
    version: u32,
    lines: Vec<String>,
}

/// Two versions, large enough that a write takes a while.
fn version(which: u32) -> Doc {
    Doc {
        version: which,
        lines: (0..2000)
            .map(|i| format!("line {i} of version {which} 🌿"))
            .collect(),
    }
}

fn whole(path: &Path) -> bool {
    match documents::load::<Doc>(path) {
        Loaded::Read(doc) => doc == version(doc.version),
        Loaded::Missing => true,
        Loaded::Broken(_) => false,
    }
}

/// The writer, run as a child of the test below (does nothing on its own).
#[test]
fn writer_child() {
    let Some(path) = std::env::var_os("SOOTHE_DOC_WRITER") else {
        return;
    };
    let path = Path::new(&path);
    for n in 0.. {
        documents::save(path, "# a test document\n", &version(1 + n % 2)).unwrap();
    }
}

#[test]
fn a_writer_killed_at_any_moment_leaves_a_whole_version() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.toml");
    documents::save(&path, "", &version(1)).unwrap();
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut seen = std::collections::HashSet::new();
    for round in 0..25 {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args(["writer_child", "--exact", "--nocapture", "--test-threads=1"])
            .env("SOOTHE_DOC_WRITER", &path)
            .spawn()
            .unwrap();
        // A pseudo-random moment: 5–60 ms in.
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        std::thread::sleep(Duration::from_millis(5 + seed % 56));
        child.kill().unwrap();
        child.wait().unwrap();
        assert!(whole(&path), "round {round}: the document is torn");
        let bak = dir.path().join("plan.toml.bak");
        assert!(whole(&bak), "round {round}: the backup is torn");
        if let Loaded::Read(doc) = documents::load::<Doc>(&path) {
            seen.insert(doc.version);
        }
    }
    // The writer really wrote between the kills (else this proves nothing).
    assert_eq!(seen.len(), 2, "versions seen: {seen:?}");
}
