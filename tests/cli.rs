//! The binary from the outside: commands, messages, exit codes and plain
//! mode, with temporary config and data folders (never the real home).

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use tempfile::TempDir;

struct Sandbox {
    config: TempDir,
    data: TempDir,
}

impl Sandbox {
    fn new() -> Sandbox {
        Sandbox {
            config: tempfile::tempdir().unwrap(),
            data: tempfile::tempdir().unwrap(),
        }
    }

    fn with_content(files: &[&str]) -> Sandbox {
        let sandbox = Sandbox::new();
        let dir = sandbox.config.path().join("content");
        std::fs::create_dir_all(&dir).unwrap();
        for name in files {
            let from = Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures/content")
                .join(name);
            let file_name = Path::new(name).file_name().unwrap();
            std::fs::copy(from, dir.join(file_name)).unwrap();
        }
        sandbox
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_soothe"));
        command
            .args(args)
            .env("SOOTHE_CONFIG_DIR", self.config.path())
            .env("SOOTHE_DATA_DIR", self.data.path())
            .env_remove("NO_COLOR")
            .stdin(Stdio::null());
        command
    }

    fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().unwrap()
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

#[test]
fn help_explains_commands_options_and_keys() {
    let out = Sandbox::new().run(&["--help"]);
    assert!(out.status.success());
    let help = text(&out.stdout);
    for needle in [
        "breathe",
        "ground",
        "relax",
        "programs",
        "patterns",
        "paths",
        "--reduced-motion",
        "--no-color",
        "--bell",
        "--plain",
        "--config-dir",
        "--data-dir",
        "SOOTHE_CONFIG_DIR",
        "Keys (the footer of each screen shows them too):",
        "pause",
    ] {
        assert!(help.contains(needle), "--help lacks {needle}:\n{help}");
    }
    // The key list comes from the binding tables, whole.
    assert!(help.contains(&soothe::keys::help_text()), "{help}");
    let breathe = text(&Sandbox::new().run(&["breathe", "--help"]).stdout);
    assert!(
        breathe.contains("--cycles") && breathe.contains("--minutes"),
        "{breathe}"
    );
}

#[test]
fn version_prints_the_package_version() {
    let out = Sandbox::new().run(&["--version"]);
    assert!(out.status.success());
    assert_eq!(
        text(&out.stdout).trim(),
        format!("soothe {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn patterns_lists_every_builtin_with_rate_and_caution() {
    let out = Sandbox::new().run(&["patterns"]);
    assert!(out.status.success());
    let listing = text(&out.stdout);
    for id in ["4-4-6", "gentle", "box", "4-7-8", "coherent", "sigh"] {
        assert!(
            listing.lines().any(|l| l.starts_with(id)),
            "{id} missing:\n{listing}"
        );
    }
    assert!(
        listing.contains("4.3 breaths/min · in 4 · hold 4 · out 6  (default)"),
        "{listing}"
    );
    assert!(
        listing.contains("Caution: Long holds: start with 4 cycles"),
        "{listing}"
    );
    assert!(out.stderr.is_empty());
}

#[test]
fn paths_shows_the_chosen_folders() {
    let sandbox = Sandbox::new();
    let out = sandbox.run(&["paths"]);
    assert!(out.status.success());
    let listing = text(&out.stdout);
    let config = sandbox.config.path().display().to_string();
    let data = sandbox.data.path().display().to_string();
    assert!(
        listing.contains(&format!("content   {config}/content")),
        "{listing}"
    );
    assert!(
        listing.contains(&format!("settings  {config}/config.toml")),
        "{listing}"
    );
    assert!(
        listing.contains(&format!("journal   {data}/journal.jsonl")),
        "{listing}"
    );
    assert!(listing.contains("(from SOOTHE_CONFIG_DIR)"), "{listing}");
    // Flags win over the environment.
    let flagged = sandbox.run(&["--config-dir", "/tmp/elsewhere", "paths"]);
    assert!(text(&flagged.stdout).contains("config    /tmp/elsewhere  (from --config-dir)"));
    // With neither, XDG's folders are honoured on every platform.
    let xdg = Command::new(env!("CARGO_BIN_EXE_soothe"))
        .arg("paths")
        .env_remove("SOOTHE_CONFIG_DIR")
        .env_remove("SOOTHE_DATA_DIR")
        .env("XDG_CONFIG_HOME", "/tmp/xdg-config")
        .env("XDG_DATA_HOME", "/tmp/xdg-data")
        .output()
        .unwrap();
    let listing = text(&xdg.stdout);
    assert!(
        listing.contains("config    /tmp/xdg-config/soothe  (from XDG_CONFIG_HOME)"),
        "{listing}"
    );
    assert!(
        listing.contains("data      /tmp/xdg-data/soothe  (from XDG_DATA_HOME)"),
        "{listing}"
    );
}

#[test]
fn ids_are_listed_one_a_line_with_the_users_own() {
    let sandbox = Sandbox::with_content(&["valid/quick.toml"]);
    let out = sandbox.run(&["patterns", "--ids"]);
    assert!(out.status.success());
    let ids = text(&out.stdout);
    assert!(ids.lines().any(|l| l == "4-4-6"), "{ids}");
    assert!(ids.lines().any(|l| l == "quick"), "the user's own: {ids}");
    assert!(ids.lines().all(|l| !l.contains(' ')), "{ids}");
    let programs = text(&sandbox.run(&["programs", "--ids"]).stdout);
    assert!(programs.lines().any(|l| l == "5-4-3-2-1"), "{programs}");
    assert!(programs.lines().any(|l| l == "7-group"), "{programs}");
}

#[test]
fn the_config_template_is_every_setting_and_is_read_without_a_problem() {
    let sandbox = Sandbox::new();
    let out = sandbox.run(&["config", "--template"]);
    assert!(out.status.success());
    let template = text(&out.stdout);
    assert!(template.contains("theme = \"auto\""), "{template}");
    std::fs::write(sandbox.config.path().join("config.toml"), &template).unwrap();
    let checked = sandbox.run(&["check"]);
    assert!(checked.status.success(), "{}", text(&checked.stdout));
    assert!(text(&checked.stdout).contains("no problems in 1 file"));
}

#[test]
fn doctor_on_a_healthy_setup_and_on_a_broken_one() {
    let sandbox = Sandbox::new();
    let healthy = sandbox.run(&["doctor"]);
    let report = text(&healthy.stdout);
    assert!(healthy.status.success(), "{report}");
    assert!(report.starts_with(&format!("soothe {}", env!("CARGO_PKG_VERSION"))));
    assert!(report.contains("from SOOTHE_DATA_DIR"), "{report}");
    assert!(report.contains("Check: no problems"), "{report}");
    assert!(report.contains("Journal: 0 records"), "{report}");
    // Broken: a content file with a TOML error, and a journal with one
    // torn line beside a good one; what was written is never shown.
    let content = sandbox.config.path().join("content");
    std::fs::create_dir_all(&content).unwrap();
    std::fs::write(content.join("mine.toml"), "version = 1\n[[patterns]\n").unwrap();
    let good = sandbox.run(&["breathe", "--cycles", "1", "--plain", "--no-checkin"]);
    assert!(good.status.success());
    let journal = sandbox.data.path().join("journal.jsonl");
    let mut lines = std::fs::read_to_string(&journal).unwrap();
    lines.push_str("{\"secret words\n");
    std::fs::write(&journal, lines).unwrap();
    let broken = sandbox.run(&["doctor"]);
    let report = text(&broken.stdout);
    assert_eq!(broken.status.code(), Some(1), "{report}");
    assert!(report.contains("mine.toml:2:"), "{report}");
    assert!(
        report.contains("Journal: 1 records · 1 unreadable lines"),
        "{report}"
    );
    assert!(!report.contains("secret words"), "{report}");
    assert!(report.contains("mode 600"), "the journal's bits: {report}");
    let json = sandbox.run(&["doctor", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(value["journal"]["unreadable_lines"], 1);
    assert_eq!(value["check"]["problems"], 1);
}

#[test]
fn an_unknown_pattern_gets_one_line_naming_the_real_ones() {
    let out = Sandbox::new().run(&["breathe", "nope"]);
    assert_eq!(out.status.code(), Some(2));
    let message = text(&out.stderr);
    assert_eq!(message.lines().count(), 1, "{message}");
    assert!(message.contains("no pattern `nope`"));
    assert!(
        message.contains("4-4-6, gentle, box, 4-7-8, coherent, sigh"),
        "{message}"
    );
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["breathe", "--cycles", "0"][..],
        &["breathe", "--minutes", "-1"],
        &["breathe", "--cycles", "2", "--minutes", "1"],
        &["--frobnicate"],
    ] {
        let out = Sandbox::new().run(args);
        assert_eq!(
            out.status.code(),
            Some(2),
            "{args:?}: {}",
            text(&out.stderr)
        );
    }
}

#[test]
fn home_without_a_terminal_says_why_in_one_line() {
    let out = Sandbox::new().run(&[]);
    assert_eq!(out.status.code(), Some(1));
    let message = text(&out.stderr);
    assert_eq!(message.lines().count(), 1);
    assert!(
        message.contains("needs a terminal") && message.contains("--plain"),
        "{message}"
    );
}

#[test]
fn breathe_without_a_terminal_runs_plain_in_real_time() {
    let sandbox = Sandbox::with_content(&["valid/quick.toml"]);
    let started = Instant::now();
    let out = sandbox.run(&["breathe", "quick", "--cycles", "2"]);
    let took = started.elapsed();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let lines = text(&out.stdout);
    assert_eq!(
        lines.lines().collect::<Vec<_>>(),
        [
            "soothe · Quick test · in 0.5 · out 0.5",
            "Enter pauses or resumes; q then Enter ends.",
            "2 cycles · 0:02",
            "Breathe in · 0.5 s",
            "Breathe out · 0.5 s",
            "Breathe in · 0.5 s",
            "Breathe out · 0.5 s",
            "Done · 2 cycles · 0:02",
        ]
    );
    assert!(
        !lines.contains('\u{1b}'),
        "plain output has no escape codes"
    );
    assert!(
        took >= Duration::from_millis(1900),
        "it ran in real time ({took:?})"
    );
}

#[test]
fn plain_minutes_run_whole_cycles_and_say_so() {
    let sandbox = Sandbox::with_content(&["valid/quick.toml"]);
    let out = sandbox.run(&["breathe", "quick", "--minutes", "0.05"]);
    let lines = text(&out.stdout);
    assert!(lines.contains("3 cycles · 0:03"), "{lines}");
    assert!(lines.ends_with("Done · 3 cycles · 0:03\n"), "{lines}");
}

#[test]
fn plain_mode_ends_on_q_and_enter() {
    // A 10 s cycle leaves seconds of margin for `q` to land in the first one.
    let sandbox = Sandbox::new();
    let mut child = sandbox
        .command(&["breathe", "gentle", "--plain"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut reader = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    while !line.starts_with("Breathe in") {
        line.clear();
        assert!(
            reader.read_line(&mut line).unwrap() > 0,
            "output ended early"
        );
    }
    child.stdin.as_mut().unwrap().write_all(b"q\n").unwrap();
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut reader, &mut rest).unwrap();
    assert!(child.wait().unwrap().success());
    assert!(
        rest.contains("Done · 0 cycles"),
        "ended within the first cycle: {rest}"
    );
}

#[test]
fn the_launch_fast_path_reads_the_folders_from_the_environment() {
    // `soothe breathe PATTERN` with no flags skips clap; its folders still
    // come from SOOTHE_CONFIG_DIR (the user's pattern) and SOOTHE_DATA_DIR.
    let sandbox = Sandbox::with_content(&["valid/quick.toml"]);
    let mut child = sandbox
        .command(&["breathe", "quick"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut reader = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    reader.read_line(&mut first).unwrap();
    assert!(first.starts_with("soothe · Quick test"), "{first}");
    child.stdin.as_mut().unwrap().write_all(b"q\n").unwrap();
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut reader, &mut rest).unwrap();
    assert!(child.wait().unwrap().success());
    let journal = std::fs::read_to_string(sandbox.data.path().join("journal.jsonl")).unwrap();
    assert!(journal.contains(r#""variant":"quick""#), "{journal}");
}

#[test]
fn a_broken_user_file_is_named_with_line_and_column_and_breathing_still_works() {
    let sandbox = Sandbox::with_content(&["valid/quick.toml", "invalid/seconds_out_of_range.toml"]);
    let out = sandbox.run(&["patterns"]);
    assert!(out.status.success());
    let problems = text(&out.stderr);
    assert!(
        problems.contains("seconds_out_of_range.toml:9:64: patterns[0].phases[1].seconds: must be between 0.5 and 60 (got 1000)"),
        "{problems}"
    );
    // The good file and every built-in still load.
    let listing = text(&out.stdout);
    assert!(listing.contains("quick") && listing.contains("4-4-6"));
    let breathe = sandbox.run(&["breathe", "quick", "--cycles", "1"]);
    assert!(breathe.status.success());
    assert!(text(&breathe.stdout).contains("Breathe in · 0.5 s"));
}

#[test]
fn programs_lists_variants_and_programs_with_steps_and_time() {
    let out = Sandbox::with_content(&["valid/grounding_and_relaxation.toml"]).run(&["programs"]);
    assert!(out.status.success());
    // Columns line up with the longest id; compare with spaces collapsed.
    let listing = text(&out.stdout)
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("\n");
    for needle in [
        "5-4-3-2-1 Five senses · 5 steps · 15 things · no timer · see 5, feel 4, hear 3, smell 2, taste 1 (default)",
        "short Two senses · 2 steps · 4 things · no timer · see 2, hear 2 (yours)",
        "16-group Sixteen groups · 16 groups · 9:32",
        "7-group Seven groups · 7 groups · 4:10 (default)",
        "4-group Four groups · 4 groups · 3:03",
        "hands-and-face Hands and face · 2 groups · 1:14 (yours)",
    ] {
        assert!(listing.contains(needle), "lacks {needle:?}:\n{listing}");
    }
    assert!(out.stderr.is_empty());
}

#[test]
fn unknown_variants_and_programs_get_one_line_naming_the_real_ones() {
    for (args, expected) in [
        (
            ["ground", "nope"],
            "soothe: there is no grounding variant `nope`; choose one of: 5-4-3-2-1, short\n",
        ),
        (
            ["relax", "nope"],
            "soothe: there is no relaxation program `nope`; choose one of: 16-group, 7-group, 4-group\n",
        ),
    ] {
        let out = Sandbox::new().run(&args);
        assert_eq!(out.status.code(), Some(2));
        assert_eq!(text(&out.stderr), expected);
    }
}

#[test]
fn plain_grounding_asks_each_sense_and_sums_up() {
    let mut child = Sandbox::new()
        .command(&["ground", "short"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .as_mut()
        .unwrap()
        .write_all("lamp\n\n\nq?b!g\n\n\n\x1b[31mbirds\n\n\n".as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let lines = text(&out.stdout);
    assert!(
        lines.contains("See · Look around. Name three things you can see."),
        "{lines}"
    );
    assert!(lines.contains("Hear · Listen."), "{lines}");
    assert!(lines.contains("  Seen · lamp · and 2 more\n"), "{lines}");
    assert!(lines.contains("  Felt · q?b!g · and 2 more\n"), "{lines}");
    assert!(lines.contains("  Heard · birds · and 2 more\n"), "{lines}");
    assert!(
        !lines.contains('\x1b'),
        "escape codes never reach the output"
    );
    assert!(lines.ends_with("Done · 9 things noticed\n"), "{lines}");
}

#[test]
fn plain_relaxation_prints_each_step_and_ends_on_q() {
    let mut child = Sandbox::new()
        .command(&["relax", "4-group", "--plain"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut reader = BufReader::new(child.stdout.take().unwrap());
    let mut head = String::new();
    while !head.contains("· Tense ·") {
        assert!(
            reader.read_line(&mut head).unwrap() > 0,
            "output ended early"
        );
    }
    child.stdin.as_mut().unwrap().write_all(b"q\n").unwrap();
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut reader, &mut rest).unwrap();
    assert!(child.wait().unwrap().success());
    let lines: Vec<&str> = head.lines().collect();
    assert_eq!(lines[0], "soothe · Four groups · 4 groups · 3:03");
    assert!(lines[1].contains("Skip any part that is injured"), "{head}");
    assert!(
        lines[3].starts_with("1 of 4 · Both arms · Tense · 6 s · Make fists"),
        "{head}"
    );
    assert!(
        rest.starts_with("Done · 0 of 4 groups let go · 0:0"),
        "{rest}"
    );
}

/// Runs a plain exercise that `q` ends at once; its output.
fn ended_at_once(sandbox: &Sandbox, args: &[&str]) -> String {
    let mut child = sandbox
        .command(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.as_mut().unwrap().write_all(b"q\n").unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    text(&out.stdout)
}

#[test]
fn settings_choose_the_pattern_and_bell_and_flags_win() {
    let sandbox = Sandbox::with_content(&["valid/quick.toml"]);
    std::fs::write(
        sandbox.config.path().join("config.toml"),
        "default_pattern = \"quick\"\nbell = true\n",
    )
    .unwrap();
    let out = sandbox.run(&["breathe", "--cycles", "1"]);
    assert!(out.status.success());
    let lines = text(&out.stdout);
    assert!(lines.starts_with("soothe · Quick test"), "{lines}");
    assert!(lines.contains('\u{7}'), "bell = true rings");
    let quiet = sandbox.run(&["breathe", "--cycles", "1", "--no-bell"]);
    assert!(
        !text(&quiet.stdout).contains('\u{7}'),
        "--no-bell wins over the setting"
    );
    let named = ended_at_once(&sandbox, &["breathe", "gentle"]);
    assert!(
        named.starts_with("soothe · Gentle 4-6"),
        "a named pattern wins: {named}"
    );
}

#[test]
fn a_bad_settings_file_is_reported_and_never_stops_an_exercise() {
    let sandbox = Sandbox::new();
    std::fs::write(
        sandbox.config.path().join("config.toml"),
        "default_pattern = \"slow\"\nbell = \"loud\"\n",
    )
    .unwrap();
    let listing = sandbox.run(&["patterns"]);
    assert!(listing.status.success());
    let problems = text(&listing.stderr);
    assert!(
        problems
            .contains("config.toml:2:8: bell: invalid type: string \"loud\", expected a boolean"),
        "{problems}"
    );
    let out = ended_at_once(&sandbox, &["breathe"]);
    assert!(out.starts_with("soothe · Steady 4-4-6"), "{out}");
}

#[test]
fn an_unwritable_data_folder_never_stops_the_exercise_and_says_why() {
    let sandbox = Sandbox::with_content(&["valid/quick.toml"]);
    // A file where the folder should be: nothing can be created under it.
    let blocker = sandbox.data.path().join("not-a-folder");
    std::fs::write(&blocker, "").unwrap();
    let out = sandbox
        .command(&["breathe", "quick", "--cycles", "1"])
        .env("SOOTHE_DATA_DIR", blocker.join("soothe"))
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(text(&out.stdout).contains("Done · 1 cycle"));
    let message = text(&out.stderr);
    assert_eq!(message.lines().count(), 1, "{message}");
    assert!(
        message.starts_with("soothe: this session could not be saved: ")
            && message.contains("not-a-folder"),
        "{message}"
    );
}

#[test]
fn plain_sessions_are_journaled() {
    let sandbox = Sandbox::with_content(&["valid/quick.toml"]);
    let out = sandbox.run(&["breathe", "quick", "--cycles", "2"]);
    assert!(out.status.success());
    let journal = std::fs::read_to_string(sandbox.data.path().join("journal.jsonl")).unwrap();
    assert_eq!(journal.lines().count(), 1);
    assert!(journal.contains("\"variant\":\"quick\""), "{journal}");
    assert!(journal.contains("\"completed\":true"), "{journal}");
    assert!(journal.contains("\"cycles\":2"), "{journal}");
}

/// A sandbox whose journal is the fixture (two unreadable lines included).
fn with_journal() -> Sandbox {
    let sandbox = Sandbox::new();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/journal/sample.jsonl"),
        sandbox.data.path().join("journal.jsonl"),
    )
    .unwrap();
    sandbox
}

#[test]
fn history_prints_a_table_with_what_helps_most() {
    let sandbox = with_journal();
    let before = std::fs::read(sandbox.data.path().join("journal.jsonl")).unwrap();
    let out = sandbox.run(&["history"]);
    assert!(out.status.success());
    let table = text(&out.stdout);
    assert!(
        table.contains("2026-11-02 21:15  breathe   4-4-6           left          4:10  7 → 4"),
        "{table}"
    );
    assert!(
        table.contains("2026-11-05 22:40  relax     7-group         completed     4:10  6 → –"),
        "{table}"
    );
    assert!(
        table.contains("  ground    5-4-3-2-1        -5.0  from 1 rated session\n"),
        "{table}"
    );
    assert!(
        table.contains("  breathe   4-4-6            -2.5  from 2 rated sessions\n"),
        "{table}"
    );
    assert_eq!(
        text(&out.stderr),
        "soothe: 1 line could not be read, 1 record is from a newer soothe; the file is unchanged\n"
    );
    assert_eq!(
        std::fs::read(sandbox.data.path().join("journal.jsonl")).unwrap(),
        before
    );
}

#[test]
fn history_as_csv_and_json_since_a_day() {
    let sandbox = with_journal();
    let csv = text(
        &sandbox
            .run(&["history", "--format", "csv", "--since", "2026-11-03"])
            .stdout,
    );
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 3, "{csv}");
    assert!(lines[0].starts_with("id,started_at,ended_at,exercise,variant,completed"));
    assert!(
        lines[1].starts_with("a3,2026-11-03T08:00:00+01:00,"),
        "{csv}"
    );
    assert!(
        lines[2].ends_with(",relax,7-group,true,250,6,,,7,7"),
        "{csv}"
    );
    let json = sandbox.run(&["history", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(value.as_array().unwrap().len(), 4);
    assert_eq!(value[2]["variant"], "5-4-3-2-1");
    let bad = sandbox.run(&["history", "--since", "yesterday"]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn history_as_json_lines_is_the_journals_own_schema_one_record_a_line() {
    let sandbox = with_journal();
    let jsonl = text(&sandbox.run(&["history", "--format", "jsonl"]).stdout);
    let records: Vec<soothe::journal::Record> = jsonl
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(records.len(), 4, "{jsonl}");
    // The same records the JSON array holds, in the same order.
    let json = sandbox.run(&["history", "--format", "json"]);
    let array: Vec<soothe::journal::Record> = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(records, array);
    let since = text(
        &sandbox
            .run(&["history", "--format", "jsonl", "--since", "2026-11-03"])
            .stdout,
    );
    assert_eq!(since.lines().count(), 2, "{since}");
}

#[test]
fn history_of_nothing_is_a_friendly_sentence() {
    let out = Sandbox::new().run(&["history"]);
    assert!(out.status.success());
    assert!(text(&out.stdout).starts_with("No sessions yet."));
    let json = Sandbox::new().run(&["history", "--format", "json"]);
    assert_eq!(text(&json.stdout).trim(), "[]");
}

#[test]
fn history_as_markdown_lays_out_thought_records() {
    let sandbox = Sandbox::new();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/journal");
    std::fs::copy(
        fixtures.join("reframes.jsonl"),
        sandbox.data.path().join("journal.jsonl"),
    )
    .unwrap();
    let out = sandbox.run(&["history", "--format", "markdown"]);
    assert!(out.status.success());
    let expected = std::fs::read_to_string(fixtures.join("reframes.md")).unwrap();
    assert_eq!(text(&out.stdout), expected);
    // The table lists the reframes among the other sessions.
    let table = text(&sandbox.run(&["history"]).stdout);
    assert!(
        table.contains("reframe   thought-record  completed     9:00  8 → 4"),
        "{table}"
    );
    assert!(
        table.contains("  reframe   thought-record   -4.0  from 1 rated session\n"),
        "{table}"
    );
    let empty = Sandbox::new().run(&["history", "--format", "markdown"]);
    assert!(text(&empty.stdout).contains("No thought records yet."));
}

#[test]
fn reframe_without_a_terminal_says_why_in_one_line() {
    let out = Sandbox::new().run(&["reframe"]);
    assert_eq!(out.status.code(), Some(1));
    let message = text(&out.stderr);
    assert_eq!(message.lines().count(), 1, "{message}");
    assert!(message.contains("reframing needs a terminal"), "{message}");
}

#[test]
fn the_readme_key_table_is_the_binding_tables() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let table = soothe::keys::readme_table();
    assert!(
        readme.contains(&table),
        "README.md's key table differs from the binding tables; it should read:\n{table}"
    );
}

#[test]
fn check_lists_every_problem_and_warning_then_a_count_and_fails() {
    let sandbox = Sandbox::new();
    let content = sandbox.config.path().join("content");
    std::fs::create_dir_all(&content).unwrap();
    std::fs::write(
        content.join("mine.toml"),
        "version = 1\n[[patterns]]\nid = \"ok\"\nname = \"Fine\"\ndescription = \"d\"\n\
         phases = [{ kind = \"inhale\", seconds = 4 }, { kind = \"exhale\", seconds = 4 }]\n\
         [[patterns]]\nid = \"bad\"\nname = \"Red \\u001b[31m\"\ndescription = \"d\"\nphasez = []\n",
    )
    .unwrap();
    std::fs::write(
        sandbox.config.path().join("config.toml"),
        "bell = \"yes\"\n",
    )
    .unwrap();
    let out = sandbox.run(&["check"]);
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<String> = text(&out.stdout).lines().map(str::to_string).collect();
    let config = sandbox.config.path().join("config.toml");
    let mine = content.join("mine.toml");
    assert_eq!(
        lines,
        [
            format!(
                "{}:1:8: bell: invalid type: string \"yes\", expected a boolean",
                config.display()
            ),
            format!(
                "{}:9:8: warning: control or escape characters here are removed on display",
                mine.display()
            ),
            format!(
                "{}:11:1: patterns[1].phasez: unknown field `phasez`, expected one of `id`, `name`, `description`, `caution`, `phases`",
                mine.display()
            ),
            "2 problems and 1 warning in 2 files".to_string(),
        ]
    );
    // As JSON for editors; and a file anywhere, checked before it is installed.
    let json = sandbox.run(&["check", "--format", "json", mine.to_str().unwrap()]);
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(value["files"], 1);
    assert_eq!(value["problems"][0]["line"], 11);
    assert_eq!(value["problems"][0]["field"], "patterns[1].phasez");
    assert_eq!(value["warnings"][0]["column"], 8);
}

#[test]
fn check_of_clean_files_passes_and_warnings_alone_do_not_fail() {
    let builtin = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let files: Vec<String> = std::fs::read_dir(&builtin)
        .unwrap()
        .map(|e| e.unwrap().path().display().to_string())
        .collect();
    let mut args = vec!["check"];
    args.extend(files.iter().map(String::as_str));
    let out = Sandbox::new().run(&args);
    assert!(out.status.success(), "{}", text(&out.stdout));
    assert_eq!(
        text(&out.stdout),
        format!("no problems in {} files\n", files.len())
    );
    let sandbox = Sandbox::new();
    let odd = sandbox.config.path().join("odd.toml");
    std::fs::write(
        &odd,
        "version = 1\n[[thoughts]]\nid = \"t\"\ntext = \"tab\\u0007bell\"\n",
    )
    .unwrap();
    let out = sandbox.run(&["check", odd.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stdout));
    assert!(text(&out.stdout).ends_with("no problems and 1 warning in 1 file\n"));
    let missing = Sandbox::new().run(&["check", "/no/such/file.toml"]);
    assert_eq!(missing.status.code(), Some(1));
}

#[test]
fn check_counts_patterns_from_the_files_it_checks_and_reports_an_unreadable_folder() {
    let sandbox = Sandbox::new();
    let new = sandbox.config.path().join("new.toml");
    std::fs::write(
        &new,
        "version = 1\n[[patterns]]\nid = \"slow\"\nname = \"Slow\"\ndescription = \"d\"\n\
         phases = [{ kind = \"inhale\", seconds = 5 }, { kind = \"exhale\", seconds = 7 }]\n",
    )
    .unwrap();
    let config = sandbox.config.path().join("config.toml");
    std::fs::write(&config, "default_pattern = \"slow\"\n").unwrap();
    let out = sandbox.run(&["check", new.to_str().unwrap(), config.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stdout));
    // The content folder is a file: said, not passed over.
    let odd = Sandbox::new();
    std::fs::write(odd.config.path().join("content"), "not a folder").unwrap();
    let out = odd.run(&["check"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stdout));
    assert!(
        text(&out.stdout).contains("content: "),
        "{}",
        text(&out.stdout)
    );
}

/// soothe run with `input` typed on standard input, line by line.
fn plain_with_input(sandbox: &Sandbox, args: &[&str], input: &str) -> Output {
    let mut child = sandbox
        .command(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .as_mut()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn plain_pause_prints_its_return_time_and_comes_back_early_on_enter() {
    let sandbox = Sandbox::new();
    // Signs 1 and 3, pulse 110, distress 8, safety: skip, Enter: back early,
    // distress 4, ready.
    let out = plain_with_input(&sandbox, &["pause", "30"], "1 3\n110\n8\n\n\n4\ny\n");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let lines = text(&out.stdout);
    for expected in [
        "Are you flooded?",
        "  3. I want to shout, or to walk out",
        "This looks like flooding",
        "For your partner, to say or send:",
        "I'm taking a break until ",
        "Break until ",
        "you are back before the time you said",
        "A gentle way to begin",
    ] {
        assert!(lines.contains(expected), "{expected}: {lines}");
    }
    assert!(!lines.contains('\x1b'), "no escape codes: {lines:?}");
    let journal = std::fs::read_to_string(sandbox.data.path().join("journal.jsonl")).unwrap();
    for field in [
        "\"v\":2",
        "\"exercise\":\"pause\"",
        "\"before\":8",
        "\"after\":4",
        "\"signs\":2",
        "\"pulse\":110",
        "\"ready\":true",
    ] {
        assert!(journal.contains(field), "{field}: {journal}");
    }
}

#[test]
fn plain_send_lists_findings_and_q_alone_ends() {
    let sandbox = Sandbox::new();
    let out = plain_with_input(
        &sandbox,
        &["send", "--wait", "0"],
        "s\n8\nYou always ignored me. Are we ok?\ns\n",
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let lines = text(&out.stdout);
    assert!(lines.contains("· Always and never (always):"), "{lines}");
    assert!(
        lines.contains("· Checking for reassurance (Are we ok):"),
        "{lines}"
    );
    assert!(
        lines.contains(
            "Your message, to copy (soothe has sent nothing):\nYou always ignored me. Are we ok?"
        ),
        "{lines}"
    );
    let journal = std::fs::read_to_string(sandbox.data.path().join("journal.jsonl")).unwrap();
    assert!(journal.contains("\"decision\":\"shown\""), "{journal}");
    // q alone ends at any prompt; the session is recorded as left.
    let out = plain_with_input(&sandbox, &["send"], "q\n");
    assert!(out.status.success());
    let journal = std::fs::read_to_string(sandbox.data.path().join("journal.jsonl")).unwrap();
    assert!(
        journal
            .lines()
            .last()
            .unwrap()
            .contains("\"decision\":\"left\""),
        "{journal}"
    );
}

#[test]
fn pause_refuses_too_short_and_too_long_breaks_in_one_line() {
    let sandbox = Sandbox::new();
    let short = sandbox.run(&["pause", "10"]);
    assert_eq!(short.status.code(), Some(2));
    assert_eq!(
        text(&short.stderr),
        "soothe: a break of 10 minutes is too short: the body needs about 20 to settle, so a break is at least 20\n"
    );
    let long = sandbox.run(&["pause", "2000"]);
    assert_eq!(long.status.code(), Some(2));
    assert!(text(&long.stderr).contains("more than a day reads as punishment"));
    let bad_time = sandbox.run(&["pause", "--until", "25:99"]);
    assert_eq!(bad_time.status.code(), Some(2));
    assert!(text(&bad_time.stderr).contains("is not a time of day like 21:40"));
    assert!(!sandbox.data.path().join("journal.jsonl").exists());
}

#[test]
fn send_from_reframe_starts_from_the_last_i_statement() {
    let sandbox = Sandbox::new();
    let none = sandbox.run(&["send", "--from-reframe"]);
    assert_eq!(none.status.code(), Some(1));
    assert!(text(&none.stderr).contains("no thought record with an \"I\"-statement yet"));
    std::fs::write(
        sandbox.data.path().join("journal.jsonl"),
        concat!(
            r#"{"v":1,"id":"a","started_at":"2026-11-20T21:00:00+01:00","ended_at":"2026-11-20T21:05:00+01:00","exercise":"reframe","variant":"thought-record","completed":true,"duration_secs":300,"reframe":{"statement":"I feel old news."}}"#,
            "\n",
            r#"{"v":1,"id":"b","started_at":"2026-11-21T21:00:00+01:00","ended_at":"2026-11-21T21:05:00+01:00","exercise":"reframe","variant":"thought-record","completed":true,"duration_secs":300,"reframe":{"statement":"I feel lonely when evenings are quiet, and I need a call."}}"#,
            "\n"
        ),
    )
    .unwrap();
    // Safety skipped, no urge, Enter keeps the draft, then "show it".
    let out = plain_with_input(
        &sandbox,
        &["send", "--from-reframe", "--wait", "0"],
        "\n\n\ns\n",
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let lines = text(&out.stdout);
    assert!(
        lines.contains("(Enter keeps: I feel lonely when evenings are quiet, and I need a call.)"),
        "{lines}"
    );
    assert!(lines.contains("Nothing stands out."), "{lines}");
}

#[test]
fn plain_send_stops_waiting_when_input_ends_and_prints_the_draft() {
    let sandbox = Sandbox::new();
    let started = std::time::Instant::now();
    let out = plain_with_input(
        &sandbox,
        &["send", "--wait", "30"],
        "s\n5\nYou always do this\n",
    );
    assert!(
        started.elapsed() < std::time::Duration::from_secs(10),
        "it waited"
    );
    assert!(out.status.success());
    let lines = text(&out.stdout);
    assert!(
        lines.contains("Your draft, not sent (printed so it is not lost):\nYou always do this"),
        "{lines}"
    );
}

#[test]
fn plan_print_prints_the_plan_and_a_broken_file_is_one_line_left_alone() {
    let sandbox = Sandbox::new();
    let empty = sandbox.run(&["plan", "--print"]);
    assert!(empty.status.success());
    let lines = text(&empty.stdout);
    assert!(
        lines.starts_with("My safety plan\n\n1. Warning signs"),
        "{lines}"
    );
    assert!(lines.contains("7. What matters most to me"), "{lines}");
    let path = sandbox.data.path().join("plan.toml");
    std::fs::write(
        &path,
        "version = 1\npeople = [\"Sam, any time\"]\nmatters = [\"the garden\"]\n",
    )
    .unwrap();
    let out = sandbox.run(&["plan", "--print"]);
    let lines = text(&out.stdout);
    assert!(
        lines.contains("4. People I can tell that I am struggling\n   · Sam, any time\n"),
        "{lines}"
    );
    assert!(!lines.contains('\x1b'));
    let by_hand = "version = 1\npeople = [\"Sam\",\n  oops]\n";
    std::fs::write(&path, by_hand).unwrap();
    let out = sandbox.run(&["plan", "--print"]);
    assert_eq!(out.status.code(), Some(1));
    let message = text(&out.stderr);
    assert_eq!(message.lines().count(), 1, "{message}");
    assert!(message.starts_with("soothe: plan.toml:3:3: "), "{message}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), by_hand);
}

#[test]
fn kind_without_a_terminal_says_why_in_one_line() {
    let out = Sandbox::new().run(&["kind"]);
    assert_eq!(out.status.code(), Some(1));
    let message = text(&out.stderr);
    assert_eq!(message.lines().count(), 1, "{message}");
    assert!(message.contains("needs a terminal"), "{message}");
}

#[test]
fn the_markdown_page_carries_good_things_and_evidence_in_their_own_words() {
    let sandbox = Sandbox::new();
    std::fs::write(
        sandbox.data.path().join("journal.jsonl"),
        concat!(
            r#"{"v":2,"id":"g","started_at":"2026-11-21T21:00:00+01:00","ended_at":"2026-11-21T21:05:00+01:00","exercise":"good","variant":"three","completed":true,"duration_secs":300,"good":[{"what":"Sam called back","why":"I asked plainly"},{"what":"a quiet walk"}]}"#,
            "\n",
            r#"{"v":2,"id":"e","started_at":"2026-11-22T20:00:00+01:00","ended_at":"2026-11-22T20:04:00+01:00","exercise":"evidence","variant":"evidence","completed":true,"duration_secs":240,"evidence":{"belief":"I can get through time apart","added":["Slept fine while Sam was away"],"believed":45}}"#,
            "\n",
            r#"{"v":2,"id":"r","started_at":"2026-11-23T20:00:00+01:00","ended_at":"2026-11-23T20:20:00+01:00","exercise":"repair","variant":"alone","completed":true,"duration_secs":1200,"before":6,"after":3,"repair":{"feelings":["hurt"],"statement":"I regret raising my voice.","if_then":"When I flood, I take twenty minutes"}}"#,
            "\n",
            r#"{"v":2,"id":"t","started_at":"2026-11-24T20:00:00+01:00","ended_at":"2026-11-24T20:40:00+01:00","exercise":"talk","variant":"turns","completed":true,"duration_secs":2400,"talk":{"initials":["A","S"],"turns":[{"who":"A","secs":300,"mirrors":2,"not_quite":1},{"who":"S","secs":240,"mirrors":1,"not_quite":0}],"heard":true,"if_thens":["When tired, goodnight by ten",""],"kept":false}}"#,
            "\n"
        ),
    )
    .unwrap();
    let out = sandbox.run(&["history", "--format", "markdown"]);
    assert!(out.status.success());
    let page = text(&out.stdout);
    assert!(page.contains("## Good things\n\n**Saturday 21 November 2026**\n\n- Sam called back, because I asked plainly\n- a quiet walk\n"), "{page}");
    assert!(
        page.contains("## Evidence\n\n**Sunday 22 November 2026**: \"I can get through time apart\", believed 45 %\n\n- Slept fine while Sam was away\n"),
        "{page}"
    );
    assert!(
        page.contains("## Talks\n\n_This part includes what was said by and about someone else: share it with care._\n\n**Tuesday 24 November 2026**: A and S · 2 turns · both felt heard\n\n- A: When tired, goodnight by ten\n"),
        "{page}"
    );
    assert!(
        page.contains("## Repairs\n\n_This part includes what you wrote about someone else: share it with care._\n\n**Monday 23 November 2026**\n\n**Feelings:** hurt\n\n**The repair:** I regret raising my voice.\n\n**Next time:** When I flood, I take twenty minutes\n"),
        "{page}"
    );
}

#[test]
fn due_prints_what_is_planned_today_and_nothing_when_nothing_is() {
    let sandbox = Sandbox::new();
    let none = sandbox.run(&["due"]);
    assert!(none.status.success());
    assert_eq!(text(&none.stdout), "", "no plan: nothing, exit 0");
    let path = sandbox.data.path().join("practice.toml");
    std::fs::write(
        &path,
        "version = 1\n\n[[practice]]\nwhat = \"relax 4-group\"\ndays = [\"daily\"]\nat = \"21:30\"\n\n[[practice]]\nwhat = \"breathe gentle --minutes 5\"\ndays = [\"daily\"]\nat = \"08:00\"\n",
    )
    .unwrap();
    let due = sandbox.run(&["due"]);
    assert!(due.status.success());
    assert_eq!(
        text(&due.stdout),
        "08:00 breathe gentle --minutes 5\n21:30 relax 4-group\n"
    );
    // Done today: it is not due any more.
    let now = chrono::Local::now()
        .fixed_offset()
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, false);
    std::fs::write(
        sandbox.data.path().join("journal.jsonl"),
        format!("{{\"v\":1,\"id\":\"b\",\"started_at\":\"{now}\",\"ended_at\":\"{now}\",\"exercise\":\"breathe\",\"variant\":\"gentle\",\"completed\":true,\"duration_secs\":300}}\n"),
    )
    .unwrap();
    assert_eq!(text(&sandbox.run(&["due"]).stdout), "21:30 relax 4-group\n");
    std::fs::write(&path, "version = 1\npractice = [oops]\n").unwrap();
    let broken = sandbox.run(&["due"]);
    assert_eq!(broken.status.code(), Some(1));
    assert!(
        text(&broken.stderr).starts_with("soothe: practice.toml:2:13: "),
        "{}",
        text(&broken.stderr)
    );
}

#[test]
fn a_broken_cards_file_is_named_with_its_line_and_left_alone() {
    let sandbox = Sandbox::new();
    let path = sandbox.data.path().join("cards.toml");
    let by_hand = "version = 1\n[[card]]\nid = card-1\n";
    std::fs::write(&path, by_hand).unwrap();
    let out = sandbox.run(&["cards", "new"]);
    assert_eq!(out.status.code(), Some(1));
    let message = text(&out.stderr);
    assert_eq!(message.lines().count(), 1, "{message}");
    assert!(message.contains("cards.toml:3:6: "), "{message}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), by_hand);
    let plain = sandbox.run(&["cards"]);
    assert_eq!(plain.status.code(), Some(1));
    assert!(text(&plain.stderr).contains("needs a terminal"));
}

#[test]
fn a_repair_alone_runs_in_plain_lines_and_prints_the_words_to_say() {
    let sandbox = Sandbox::new();
    let answers = "4\n1 3\n\nI came in late\nI was tired and got a lecture\n\n\nbeing short with you\n\nWhen I feel criticised, I will breathe before I answer\n\n\n\n\n\n2\n";
    let out = plain_with_input(&sandbox, &["repair", "--plain"], answers);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let lines = text(&out.stdout);
    assert!(!lines.contains('\x1b'));
    assert!(
        lines.contains("What happened, as a camera would have seen it\n"),
        "{lines}"
    );
    assert!(
        lines.ends_with("Your repair, to say when you are both ready:\nI regret being short with you. I think for you it was: \"I was tired and got a lecture\". Next time, when I feel criticised, I will breathe before I answer.\n"),
        "{lines}"
    );
    let journal = std::fs::read_to_string(sandbox.data.path().join("journal.jsonl")).unwrap();
    assert!(
        journal.contains(r#""feelings":["hurt","angry"]"#),
        "{journal}"
    );
    assert!(journal.contains(r#""before":4,"after":2"#), "{journal}");
}

#[test]
fn a_ladder_practice_is_logged_in_plain_lines() {
    let sandbox = Sandbox::new();
    std::fs::write(
        sandbox.data.path().join("ladders.toml"),
        "version = 1\n[[ladder]]\ngoal = \"A weekend apart\"\nbehaviours = [\"Checking last-seen\"]\n\
         steps = [{ what = \"An hour in\", fear = 1 }, { what = \"An evening out\", fear = 4 }, { what = \"A night\", fear = 6 },\n\
         { what = \"b\", fear = 7 }, { what = \"c\", fear = 8 }, { what = \"d\", fear = 9 }]\n",
    )
    .unwrap();
    // Prediction, 70 %, cope skipped, 45 minutes, no contact, drop 1;
    // peak 5, now 2, nothing written, happened: no, used none, learned.
    let answers = "They forget me\n7\n\n45\n\n1\n5\n2\n\n3\n\nIt eased\n";
    let out = plain_with_input(&sandbox, &["ladder", "log", "--plain"], answers);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let lines = text(&out.stdout);
    assert!(
        lines.starts_with("soothe · a ladder practice: An evening out (fear 4 of 10)."),
        "{lines}"
    );
    let journal = std::fs::read_to_string(sandbox.data.path().join("journal.jsonl")).unwrap();
    assert!(journal.contains(r#""step":"An evening out""#), "{journal}");
    assert!(journal.contains(r#""likely":70"#), "{journal}");
    assert!(journal.contains(r#""minutes":45"#), "{journal}");
    assert!(
        journal.contains(r#""dropping":["Checking last-seen"]"#),
        "{journal}"
    );
    assert!(journal.contains(r#""peak":5,"end":2"#), "{journal}");
    assert!(
        journal.contains(r#""happened":"no","learned":"It eased","logged":true"#),
        "{journal}"
    );
    // Building one needs the screen, and says so in one line.
    let out = Sandbox::new().run(&["ladder", "new", "--plain"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(text(&out.stderr).lines().count(), 1);
}

#[test]
fn a_talk_without_a_terminal_says_it_needs_the_screen_in_one_line() {
    let out = Sandbox::new().run(&["talk"]);
    assert_eq!(out.status.code(), Some(1));
    let message = text(&out.stderr);
    assert_eq!(message.lines().count(), 1, "{message}");
    assert!(message.contains("needs the screen"), "{message}");
}
