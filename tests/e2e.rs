//! End to end: the real binary in a real terminal (tmux), keys sent, the
//! screen read back, and the shell's terminal checked after every exit.

#[path = "support/tmux.rs"]
mod tmux;

use std::process::Command;
use std::time::Duration;

use tmux::Tmux;

fn kill(signal: &str, pid: i32) {
    let status = Command::new("kill")
        .args([signal, &pid.to_string()])
        .status()
        .unwrap();
    assert!(status.success());
}

#[test]
fn breathe_starts_at_once_holds_on_time_pauses_and_leaves_a_clean_terminal() {
    let Some(t) = Tmux::start("breathe") else {
        return;
    };
    t.run_with_status(&t.soothe("breathe"));
    t.wait_for_line("Breathe in");
    assert!(t.screen().contains("soothe · Steady 4-4-6"));
    // The hold is due 4 s after the inhale appeared.
    let hold_after = t.wait_for_line("Hold");
    assert!(
        hold_after > Duration::from_millis(3000) && hold_after < Duration::from_millis(5500),
        "hold came after {hold_after:?}"
    );
    t.keys(&["Space"]);
    t.wait_for("Paused");
    t.keys(&["Space"]);
    t.wait_gone("Paused");
    // From q to the shell with both ratings: q 7 4 Enter. Straight from
    // the command line both are asked at the end, beside the summary.
    t.keys(&["q"]);
    t.wait_for("Well done.");
    t.wait_for("Before you started, how strong was the distress?");
    t.wait_for("And how strong is it now?");
    t.keys(&["7"]);
    t.wait_for("[7]");
    t.keys(&["4"]);
    t.wait_for("[4]");
    t.keys(&["Enter"]);
    assert_eq!(t.status(), "0");
    t.assert_terminal_restored();
    // One record: left early (q), with both ratings.
    let journal = t.journal();
    assert_eq!(journal.lines().count(), 1, "{journal}");
    for field in [
        "\"exercise\":\"breathe\"",
        "\"variant\":\"4-4-6\"",
        "\"completed\":false",
        "\"before\":7",
        "\"after\":4",
    ] {
        assert!(journal.contains(field), "{field} missing: {journal}");
    }
}

#[test]
fn home_then_one_enter_starts_breathing_and_q_walks_back_out() {
    let Some(t) = Tmux::start("home") else { return };
    t.run(&t.soothe(""));
    t.wait_for("Nothing to decide");
    t.keys(&["Enter"]);
    // From the menu the check-in comes first; one digit and Enter.
    t.wait_for("How strong is the distress right now?");
    t.keys(&["6", "Enter"]);
    t.wait_for("Breathe in");
    t.keys(&["q"]);
    t.wait_for("Well done.");
    t.wait_for("And how strong is it now?");
    assert!(
        !t.screen().contains("Before you started"),
        "asked at the start"
    );
    // q leaves the ending at once, back to the menu; q again quits.
    t.keys(&["q"]);
    t.wait_for("Nothing to decide");
    t.keys(&["q"]);
    t.assert_terminal_restored();
    let journal = t.journal();
    assert!(journal.contains("\"before\":6"), "{journal}");
    assert!(
        !journal.contains("\"after\""),
        "skipped, so absent: {journal}"
    );
}

#[test]
fn sigterm_mid_exercise_writes_the_session_and_restores_the_terminal() {
    signal_restores("-TERM", "143");
}

#[test]
fn sighup_mid_exercise_writes_the_session_and_restores_the_terminal() {
    signal_restores("-HUP", "129");
}

/// Starts `soothe breathe` (its status to be read by `t.status()`) and
/// returns its pid once the pacer shows.
fn breathe_with_pid(t: &Tmux) -> i32 {
    let pid_file = t.scratch_file("pid");
    t.run_with_status(&format!(
        "sh -c 'echo $$ > {}; exec {}'",
        pid_file.display(),
        t.soothe("breathe")
    ));
    t.wait_for("Breathe in");
    tmux::read_pid(&pid_file)
}

fn signal_restores(signal: &str, status: &str) {
    let Some(t) = Tmux::start(&format!("signal{signal}")) else {
        return;
    };
    let pid = breathe_with_pid(&t);
    kill(signal, pid);
    assert_eq!(t.status(), status);
    t.assert_terminal_restored();
    // Recorded before the terminal was given back: one session, left early.
    let journal = t.journal();
    assert_eq!(journal.lines().count(), 1, "{journal}");
    assert!(journal.contains("\"completed\":false"), "{journal}");
}

#[test]
fn keys_still_work_after_the_window_is_resized() {
    let Some(t) = Tmux::start("resize-keys") else {
        return;
    };
    t.run_with_status(&t.soothe("breathe"));
    t.wait_for("Breathe in");
    // A key first, so the terminal's input is already being read when the
    // resize comes (crossterm's default source then lost the next key).
    t.keys(&["Space"]);
    t.wait_for("Paused");
    t.resize(60, 20);
    t.resize(80, 24);
    t.wait_for("soothe · Steady 4-4-6");
    t.keys(&["q"]);
    t.wait_for("Well done.");
    t.keys(&["C-c"]);
    assert_eq!(t.status(), "0");
    t.assert_terminal_restored();
}

#[test]
fn in_a_popup_ctrl_z_says_how_to_leave_instead_of_suspending() {
    let Some(t) = Tmux::start("popup") else {
        return;
    };
    t.run_with_status(&format!("SOOTHE_LAUNCHER=popup {}", t.soothe("breathe")));
    t.wait_for("Breathe in");
    t.keys(&["C-z"]);
    t.wait_for("This is a popup: q to leave");
    t.wait_for("soothe · Steady 4-4-6");
    t.keys(&["q"]);
    t.wait_for("Well done.");
    t.keys(&["Enter"]);
    assert_eq!(t.status(), "0");
    t.assert_terminal_restored();
}

#[test]
fn closing_the_terminal_ends_soothe_instead_of_leaving_it_running() {
    let Some(t) = Tmux::start("hangup") else {
        return;
    };
    let pid = breathe_with_pid(&t);
    t.hang_up();
    let proc_dir = std::path::PathBuf::from(format!("/proc/{pid}"));
    let deadline = std::time::Instant::now() + Duration::from_secs(5);
    while proc_dir.exists() && !is_zombie(pid) {
        if std::time::Instant::now() > deadline {
            let _ = Command::new("kill").args(["-9", &pid.to_string()]).status();
            panic!("soothe (pid {pid}) was still running 5 s after its terminal closed");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn is_zombie(pid: i32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .map(|stat| {
            stat.rsplit(')')
                .next()
                .is_some_and(|rest| rest.trim_start().starts_with('Z'))
        })
        .unwrap_or(true)
}

#[test]
fn ctrl_z_gives_the_shell_back_and_fg_repaints_everything() {
    let Some(t) = Tmux::start("suspend") else {
        return;
    };
    t.run(&t.soothe("breathe"));
    t.wait_for("Breathe in");
    t.keys(&["C-z"]);
    // The shell has the terminal back only once it says the job stopped:
    // typed any sooner, the check could reach soothe before it stops.
    t.wait_for("Stopped");
    t.assert_terminal_restored();
    t.run("fg");
    t.wait_for("soothe · Steady 4-4-6");
    assert_eq!(t.display("#{alternate_on}"), "1");
    t.wait_for("space pause");
    t.keys(&["C-c"]);
    t.assert_terminal_restored();
}

#[test]
fn resizing_degrades_and_recovers_while_time_runs() {
    let Some(t) = Tmux::start("resize") else {
        return;
    };
    t.run(&t.soothe("breathe gentle"));
    t.wait_for("Breathe in");
    t.resize(12, 2);
    t.wait_until("words and seconds only", |s| {
        s.lines().next().is_some_and(|l| l.contains("Breathe"))
    });
    t.resize(8, 1);
    t.wait_until("the too-small line", |s| s.contains("Too"));
    // Time kept running underneath: after 4 s the exhale shows.
    t.resize(80, 24);
    t.wait_for("Breathe out");
    t.wait_for("soothe · Gentle 4-6");
    t.keys(&["C-c"]);
    t.assert_terminal_restored();
}

#[test]
fn a_broken_user_file_still_lets_breathing_start_and_is_explained() {
    let Some(t) = Tmux::start("broken") else {
        return;
    };
    t.write_content(
        "broken.toml",
        "version = 1\n[[patterns]]\nid = \"x\"\nname = 5\n",
    );
    t.run(&t.soothe(""));
    t.wait_for("Skipped part of broken.toml");
    t.keys(&["Enter"]);
    t.wait_for("How strong is the distress right now?");
    t.keys(&["s"]);
    t.wait_for("Breathe in");
    t.keys(&["C-c"]);
    t.assert_terminal_restored();
    t.run(&format!("clear; {}", t.soothe("patterns 2>&1 | tail -n 2")));
    t.wait_for("broken.toml:4:8: patterns[0].name: invalid type: integ");
}

#[test]
fn a_panic_restores_the_terminal_and_reports_it() {
    let Some(t) = Tmux::start("panic") else {
        return;
    };
    let report = t.scratch_file("report");
    t.run_with_status(&format!(
        "SOOTHE_TEST_PANIC_KEY=x {} 2> {}",
        t.soothe("breathe"),
        report.display()
    ));
    t.wait_for("Breathe in");
    t.keys(&["x"]);
    assert_eq!(t.status(), "101");
    t.assert_terminal_restored();
    let report = std::fs::read_to_string(report).unwrap();
    assert!(report.contains("test panic requested"), "{report}");
}

#[test]
fn a_dumb_terminal_gets_plain_lines_instead_of_a_screen() {
    let Some(t) = Tmux::start("dumb") else { return };
    t.run_with_status(&format!(
        "TERM=dumb {}",
        t.soothe("breathe gentle --cycles 1")
    ));
    t.wait_for_line("Breathe in · 4 s");
    assert_eq!(
        t.display("#{alternate_on}"),
        "0",
        "no full-screen mode on a dumb terminal"
    );
    t.wait_for_line("Breathe out · 6 s");
    t.wait_for("Done · 1 cycle · 0:10");
    // Someone is at the keyboard, so the check-in is asked, line by line.
    t.wait_for("Before you started, how strong was the distress? 0 to 10, Enter skips:");
    t.type_text("6");
    t.keys(&["Enter"]);
    t.wait_for("And how strong is it now?");
    t.keys(&["Enter"]);
    assert_eq!(t.status(), "0");
    let journal = t.journal();
    assert!(
        journal.contains("\"before\":6") && !journal.contains("\"after\""),
        "{journal}"
    );
}

#[test]
fn grounding_through_all_fifteen_items_to_the_summary() {
    let Some(t) = Tmux::start("ground") else {
        return;
    };
    t.run_with_status(&t.soothe("ground"));
    t.wait_for("Look around. Name five things you can see.");
    // Letters that are shortcuts elsewhere are text here.
    t.type_text("q?b!g");
    t.wait_for("q?b!g");
    t.keys(&["BSpace", "BSpace", "BSpace", "BSpace", "BSpace"]);
    t.wait_for("type what you notice");
    // A pasted block with line breaks is one edit: it submits nothing.
    t.paste("the lamp\nthe window");
    t.wait_for("the lamp the window");
    assert!(t.screen().contains("○○○○○"));
    t.keys(&["Enter"]);
    t.wait_for("●○○○○");
    t.type_text("窓の外の木 🌿");
    t.keys(&["Enter"]);
    t.wait_for("●●○○○");
    for _ in 0..3 {
        t.keys(&["Enter"]);
    }
    t.wait_for("Notice four things you can feel");
    t.type_text("cold air");
    t.keys(&["Enter"]);
    // Back a step from the start of the next field: the last item reopens.
    t.keys(&["Left"]);
    t.wait_for("Look around");
    t.keys(&["Enter"]);
    t.wait_for("Notice four things you can feel");
    assert!(t.screen().contains("●○○○"), "cold air is still counted");
    for _ in 0..3 {
        t.keys(&["Enter"]);
    }
    t.wait_for("Listen");
    t.type_text("fridge hum");
    for key in ["Enter", "Enter", "Enter"] {
        t.keys(&[key]);
    }
    t.wait_for("Find two things you can smell");
    t.keys(&["Enter", "Enter"]);
    t.wait_for("Name one thing you can taste");
    t.type_text("mint tea");
    t.keys(&["Enter"]);
    t.wait_for("You are here, in the room.");
    let screen = t.screen();
    assert!(screen.contains("the lamp the window"), "{screen}");
    assert!(screen.contains("窓の外の木"), "{screen}");
    assert!(screen.contains("cold air · and 3 more"), "{screen}");
    assert!(screen.contains("Smelled  2 noticed"), "{screen}");
    assert!(screen.contains("15 things noticed"), "{screen}");
    t.wait_for("Before you started");
    t.keys(&["Escape"]);
    assert_eq!(t.status(), "0");
    t.assert_terminal_restored();
    // Bracketed paste is off again: a paste reaches the shell as plain text.
    t.paste("echo paste-is-plain");
    t.keys(&["Enter"]);
    t.wait_for_line("paste-is-plain");
    assert!(!t.screen().contains("200~"), "{}", t.screen());
}

#[test]
fn g_while_breathing_lands_on_grounding() {
    let Some(t) = Tmux::start("way-out") else {
        return;
    };
    t.run_with_status(&t.soothe("breathe"));
    t.wait_for("g ground instead");
    t.keys(&["g"]);
    t.wait_for("Look around. Name five things you can see.");
    assert!(!t.screen().contains("Breathe in"));
    // Esc leaves the field, then q ends into the (empty) summary.
    t.keys(&["Escape"]);
    t.wait_for("enter type");
    t.keys(&["q"]);
    t.wait_for("Come back any time");
    t.wait_for("Before you started");
    t.keys(&["q"]);
    assert_eq!(t.status(), "0");
    // Breathing was recorded as left, then grounding on its own line.
    let journal = t.journal();
    let exercises: Vec<&str> = journal
        .lines()
        .map(|l| {
            if l.contains("\"breathe\"") {
                "breathe"
            } else {
                "ground"
            }
        })
        .collect();
    assert_eq!(exercises, ["breathe", "ground"], "{journal}");
    t.assert_terminal_restored();
}

#[test]
fn relax_stepped_through_with_the_right_arrow_to_its_summary() {
    let Some(t) = Tmux::start("relax") else {
        return;
    };
    t.run_with_status(&t.soothe("relax"));
    t.wait_for("group 1 of 7");
    t.wait_for_line("Tense");
    assert!(t.screen().contains("Skip any part that is injured"));
    for group in 2..=7 {
        t.keys(&["Right"]);
        t.wait_for(&format!("group {group} of 7"));
    }
    t.wait_for("Other leg");
    t.keys(&["Right"]);
    t.wait_for("Well done.");
    assert!(t.screen().contains("of 7 groups let go"));
    t.wait_for("Before you started");
    t.keys(&["Enter"]);
    assert_eq!(t.status(), "0");
    assert!(t.journal().contains("\"steps_total\":7"));
    t.assert_terminal_restored();
}

#[test]
fn an_unwritable_data_folder_shows_why_and_the_exercise_still_finishes() {
    let Some(t) = Tmux::start("unsaved") else {
        return;
    };
    let blocker = t.scratch_file("not-a-folder");
    std::fs::write(&blocker, "").unwrap();
    // A two-second rhythm: the session ends well inside the test's patience.
    t.write_content(
        "quick.toml",
        "version = 1\n[[patterns]]\nid = \"quick\"\nname = \"Quick\"\n\
         description = \"A short rhythm for tests.\"\n\
         phases = [{ kind = \"inhale\", seconds = 1 }, { kind = \"exhale\", seconds = 1 }]\n",
    );
    t.run_with_status(&format!(
        "{} --data-dir {} --no-checkin",
        t.soothe("breathe quick --cycles 1"),
        blocker.join("soothe").display()
    ));
    t.wait_for("Breathe in");
    // The session ends by itself; saving fails; the summary still shows, with why.
    t.wait_for("Well done.");
    t.wait_for("This session could not be saved");
    t.keys(&["Enter"]);
    assert_eq!(t.status(), "0");
    t.assert_terminal_restored();
}

#[test]
fn a_reframe_typed_through_is_kept_printed_and_in_the_markdown_history() {
    let Some(t) = Tmux::start("reframe") else {
        return;
    };
    t.run_with_status(&t.soothe("reframe"));
    t.wait_for("What happened?");
    t.type_text("No reply since noon; q and ? are just letters");
    t.keys(&["M-Enter"]);
    t.type_text("窓の外 🌙");
    t.wait_for("窓の外");
    t.keys(&["Enter"]);
    t.wait_for("What is the thought?");
    t.keys(&["Tab", "Enter"]);
    t.wait_for("They haven't replied, so they're pulling away.");
    t.keys(&["Enter"]);
    t.wait_for("What do you feel?");
    t.type_text("scared");
    t.keys(&["Enter"]);
    t.wait_for("How strong is that feeling right now?");
    t.keys(&["8", "0", "Enter"]);
    t.wait_for("What facts support the thought?");
    t.type_text("Only the silence.");
    t.keys(&["Enter"]);
    t.wait_for("What facts do not fit it?");
    t.type_text("They said they'd be out tonight.");
    for _ in 0..4 {
        t.keys(&["Enter"]);
    }
    t.wait_for("What is a more balanced way to see it?");
    t.type_text("A slow reply is not a changed heart.");
    t.keys(&["Enter"]);
    t.wait_for("And how strong is the feeling now?");
    t.keys(&["4", "0", "Enter"]);
    t.wait_for("What is one small next step?");
    t.type_text("Make tea");
    t.keys(&["Tab", "Tab"]);
    t.type_text("uneasy");
    t.keys(&["Tab"]);
    t.type_text("plans change late");
    t.keys(&["Tab"]);
    t.type_text("a quick heads-up");
    t.wait_for("I feel uneasy when plans change late, and I need a quick heads-up.");
    t.keys(&["Enter"]);
    t.wait_for("Here is your thought record.");
    t.keys(&["Enter"]);
    t.wait_for("Kept in your journal.");
    t.keys(&["Enter"]);
    assert_eq!(t.status(), "0");
    // Printed after exit, on the plain terminal, to copy.
    let screen = t.screen();
    assert!(
        screen.contains("Balanced thought: A slow reply is not a changed heart."),
        "{screen}"
    );
    assert!(
        screen.contains("\"I\"-statement: I feel uneasy when plans change late"),
        "{screen}"
    );
    t.assert_terminal_restored();
    let journal = t.journal();
    assert_eq!(journal.lines().count(), 1, "{journal}");
    assert!(journal.contains("\"exercise\":\"reframe\""), "{journal}");
    assert!(
        journal.contains("\"before\":8") && journal.contains("\"after\":4"),
        "{journal}"
    );
    t.run(&format!(
        "clear; {} | head -n 12",
        t.soothe("history --format markdown")
    ));
    t.wait_for("**Thought:** They haven't replied, so they're pulling away.");
    t.wait_for("**Feeling before:** scared, 80/100");
}

#[test]
fn plain_in_the_settings_gives_plain_lines_in_a_real_terminal() {
    let Some(t) = Tmux::start("plain-setting") else {
        return;
    };
    t.write_config("plain = true\ncheckins = false\n");
    t.run_with_status(&t.soothe("breathe"));
    t.wait_for_line("Breathe in · 4 s");
    assert_eq!(t.display("#{alternate_on}"), "0", "no full screen");
    t.type_text("q");
    t.keys(&["Enter"]);
    assert_eq!(t.status(), "0");
}

/// The 256-colour indices a styled screen uses (tmux shows the 16 ANSI
/// colours as 0–15 there too).
fn palette_indices(styled: &str) -> Vec<u32> {
    styled
        .split("38;5;")
        .skip(1)
        .filter_map(|rest| {
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            digits.parse().ok()
        })
        .collect()
}

#[test]
fn a_light_background_gets_the_terminals_own_colours() {
    let Some(t) = Tmux::start("light") else {
        return;
    };
    // Dark or unknown: the calm 256-colour palette.
    t.run_with_status(&t.soothe(""));
    t.wait_for("Nothing to decide");
    assert!(
        palette_indices(&t.styled_screen()).iter().any(|i| *i >= 16),
        "{}",
        t.styled_screen()
    );
    t.keys(&["q"]);
    assert_eq!(t.status(), "0");
    // COLORFGBG says light: only the 16 ANSI colours, the selection bold and reversed.
    t.run_with_status(&format!("COLORFGBG='0;15' {}", t.soothe("")));
    t.wait_for("Nothing to decide");
    let styled = t.styled_screen();
    assert!(palette_indices(&styled).iter().all(|i| *i < 16), "{styled}");
    assert!(
        styled.contains("\u{1b}[1m") || styled.contains(";1m"),
        "bold: {styled}"
    );
    t.keys(&["q"]);
    assert_eq!(t.status(), "0");
    t.run_with_status(&t.soothe("--theme high-contrast"));
    t.wait_for("Nothing to decide");
    let styled = t.styled_screen();
    assert!(
        palette_indices(&styled).is_empty() && !styled.contains("[2m") && !styled.contains(";2m"),
        "no colour, no dim: {styled}"
    );
    t.keys(&["q"]);
    assert_eq!(t.status(), "0");
}

#[test]
fn an_emoji_with_a_skin_tone_is_one_character_to_the_counter_the_cursor_and_backspace() {
    let Some(t) = Tmux::start("emoji") else {
        return;
    };
    t.run_with_status(&t.soothe("reframe"));
    t.wait_for("What happened?");
    t.wait_for("0/600");
    let start = t.display("#{cursor_x}").parse::<i32>().unwrap();
    t.type_text("👍🏽x");
    t.wait_for("2/600");
    // (tmux's own screen keeps the thumb and drops the tone from its copy.)
    let screen = t.screen();
    assert!(screen.contains("👍"), "{screen}");
    // Two columns for the thumb, one for the x: the cursor is right after.
    let after = t.display("#{cursor_x}").parse::<i32>().unwrap();
    assert_eq!(after - start, 3, "{screen}");
    t.keys(&["BSpace", "BSpace"]);
    t.wait_for("0/600");
    assert!(
        t.screen().contains("type here, or press Enter to skip"),
        "no half emoji left"
    );
    assert_eq!(t.display("#{cursor_x}").parse::<i32>().unwrap(), start);
    t.keys(&["C-c"]);
    assert_eq!(t.status(), "0", "Ctrl-C is the quit key, not a kill");
    t.assert_terminal_restored();
}

#[test]
fn quick_hide_from_a_text_field_leaves_a_clean_terminal_and_prints_nothing() {
    let Some(t) = Tmux::start("hide") else {
        return;
    };
    t.run_with_status(&t.soothe("reframe"));
    t.wait_for("What happened?");
    t.type_text("the fight at dinner");
    t.wait_for("the fight at dinner");
    t.keys(&["Enter"]);
    t.wait_for("What is the thought?");
    t.keys(&["C-g"]);
    assert_eq!(t.status(), "0");
    t.assert_terminal_restored();
    let screen = t.screen();
    assert!(
        !screen.contains("fight") && !screen.contains("soothe"),
        "{screen}"
    );
    let journal = t.journal();
    assert_eq!(journal.lines().count(), 1, "{journal}");
    assert!(journal.contains("\"completed\":false"), "{journal}");
}

/// The "HH:MM" after `marker` on the screen.
fn time_after(screen: &str, marker: &str) -> String {
    let at = screen.find(marker).expect("the marker is on screen") + marker.len();
    screen[at..at + 5].to_string()
}

#[test]
fn a_pause_shows_its_return_time_and_prints_the_message_after_exit() {
    let Some(t) = Tmux::start("pause") else {
        return;
    };
    // OSC 52 lands in a tmux paste buffer with set-clipboard on.
    t.command(&["set-option", "-s", "set-clipboard", "on"]);
    t.run_with_status(&t.soothe("pause 25 --copy"));
    t.wait_for("Are you flooded?");
    t.keys(&["Space", "Down", "Space"]);
    t.wait_for("This looks like flooding");
    t.keys(&["Enter"]);
    // First time: the one safety question, skippable.
    t.wait_for("do you ever feel afraid of your partner");
    t.keys(&["n"]);
    t.wait_for("A message for your partner");
    let back = time_after(&t.screen(), "taking a break until ");
    assert!(back.ends_with('0') || back.ends_with('5'), "{back}");
    t.keys(&["Enter"]);
    t.wait_for(&format!("Back at {back}"));
    t.wait_for("minutes to go");
    t.keys(&["q"]);
    t.wait_for("The break is over.");
    t.keys(&["Enter"]);
    assert_eq!(t.status(), "0");
    let after = t.screen();
    assert!(
        after.contains("For your partner, to say or send:"),
        "{after}"
    );
    assert!(
        after.contains(&format!("I'm taking a break until {back}")),
        "{after}"
    );
    let copied = t.clipboard().unwrap_or_default();
    assert!(
        copied.contains(&format!("until {back}")),
        "clipboard: {copied:?}"
    );
    t.assert_terminal_restored();
    let journal = t.journal();
    assert!(
        journal.contains("\"v\":2") && journal.contains("\"exercise\":\"pause\""),
        "{journal}"
    );
    assert!(journal.contains("\"signs\":2"), "{journal}");
    assert!(
        !journal.contains("taking a break"),
        "the message is kept only with save_text"
    );
    // Only that the question was shown is remembered.
    let state = std::fs::read_to_string(t.data_file("state.toml")).unwrap();
    assert!(state.starts_with("safety_question_shown = "), "{state}");
    // A break under twenty minutes is refused in one line.
    t.run_with_status(&t.soothe("pause 10"));
    assert_eq!(t.status(), "2");
    assert!(t.screen().contains("at least 20"));
}

#[test]
fn send_checks_the_draft_and_with_no_wait_shows_it_to_copy() {
    let Some(t) = Tmux::start("send") else {
        return;
    };
    t.run_with_status(&t.soothe("send --wait 0"));
    t.wait_for("do you ever feel afraid of your partner");
    t.keys(&["s"]);
    t.wait_for("How strong is the urge to send it");
    t.keys(&["8", "Enter"]);
    t.wait_for("Write it all here");
    t.type_text("You never answer. Are we ok? 😟");
    t.wait_for("Are we ok?");
    t.keys(&["Enter"]);
    t.wait_for("Always and never");
    t.wait_for("Checking for reassurance");
    t.keys(&["Enter"]);
    t.wait_for("And the urge to send it now?");
    t.keys(&["3", "Enter"]);
    t.wait_for("what would you like to do with it?");
    t.keys(&["s"]);
    t.wait_for("Here it is, to copy");
    t.keys(&["Enter"]);
    t.wait_for("Urge to send 8 → 3");
    t.keys(&["Enter"]);
    assert_eq!(t.status(), "0");
    let after = t.screen();
    assert!(
        after.contains("Your message, to copy (soothe has sent nothing):"),
        "{after}"
    );
    assert!(after.contains("You never answer. Are we ok?"), "{after}");
    t.assert_terminal_restored();
    let journal = t.journal();
    for field in [
        "\"exercise\":\"send\"",
        "\"decision\":\"shown\"",
        "\"urge_before\":8",
        "\"urge_after\":3",
    ] {
        assert!(journal.contains(field), "{field}: {journal}");
    }
}

#[test]
fn quick_hide_from_the_pause_message_field_prints_nothing() {
    let Some(t) = Tmux::start("pausehide") else {
        return;
    };
    t.run_with_status(&t.soothe("pause"));
    t.wait_for("Are you flooded?");
    t.keys(&["Tab"]);
    t.wait_for("do you ever feel afraid");
    t.keys(&["n"]);
    t.wait_for("A message for your partner");
    t.keys(&["e"]);
    t.type_text(" sorry");
    t.wait_for("sorry");
    t.keys(&["C-g"]);
    assert_eq!(t.status(), "0");
    t.assert_terminal_restored();
    let screen = t.screen();
    assert!(
        !screen.contains("taking a break") && !screen.contains("sorry"),
        "{screen}"
    );
    let journal = t.journal();
    assert_eq!(journal.lines().count(), 1, "{journal}");
    assert!(journal.contains("\"completed\":false"), "{journal}");
}

#[test]
fn a_plan_written_in_soothe_is_what_support_shows_first_and_what_print_prints() {
    let Some(t) = Tmux::start("plan") else {
        return;
    };
    t.run_with_status(&t.soothe("plan edit"));
    t.wait_for("1 of 7");
    t.type_text("I stop answering anyone");
    t.keys(&["Enter"]);
    t.wait_for("· I stop answering anyone");
    t.keys(&["PageDown", "PageDown", "PageDown"]);
    t.wait_for("4 of 7");
    t.type_text("Sam, text any time");
    t.keys(&["Enter"]);
    t.wait_for("· Sam, text any time");
    // Esc and q apart: sent together a terminal reads them as Alt-q.
    t.keys(&["Escape"]);
    t.wait_for("d remove");
    t.keys(&["q"]);
    t.wait_for("e edit");
    t.keys(&["q"]);
    assert_eq!(t.status(), "0");
    t.assert_terminal_restored();
    let saved = std::fs::read_to_string(t.data_file("plan.toml")).unwrap();
    assert!(saved.starts_with("# Your safety plan"), "{saved}");
    assert!(saved.contains("Sam, text any time"), "{saved}");
    // From anywhere, ! shows the plan first.
    t.run_with_status(&t.soothe("breathe"));
    t.wait_for("Breathe in");
    t.keys(&["!"]);
    t.wait_for("I stop answering anyone");
    t.keys(&["q"]);
    t.wait_for("soothe · Steady 4-4-6");
    t.keys(&["q", "q"]);
    assert_eq!(t.status(), "0");
    t.run_with_status(&t.soothe("plan --print"));
    t.wait_for("   · Sam, text any time");
    assert_eq!(t.status(), "0");
}

#[test]
fn a_card_made_in_the_app_runs_its_exercise_and_is_offered_at_the_end() {
    let Some(t) = Tmux::start("cards") else {
        return;
    };
    t.run_with_status(&t.soothe(""));
    t.wait_for("? help");
    for _ in 0..10 {
        t.keys(&["j"]);
    }
    t.wait_for("▸ Cards");
    t.keys(&["Enter"]);
    t.wait_for("A starter card · 1 of");
    t.keys(&["a"]);
    t.wait_for("A new card");
    t.type_text("Sam is quiet tonight 🌙");
    t.keys(&["Tab", "Tab"]);
    t.type_text("breathe gentle --cycles 1");
    t.wait_for("soothe runs this here");
    t.keys(&["Tab"]);
    t.type_text("Call Ana");
    t.keys(&["Enter"]);
    t.wait_for("Your card · 1 of");
    t.wait_for("When: Sam is quiet tonight 🌙");
    // Its first action is a soothe exercise: it runs here.
    t.keys(&["1"]);
    t.wait_for("How strong is the distress right now?");
    t.keys(&["7", "Enter"]);
    t.wait_for("Breathe in");
    // One gentle cycle: four in, six out; the ending offers the next step.
    t.wait_for("Breathe out");
    t.wait_for("Next, from your card \"Sam is quiet tonight 🌙\": Call Ana");
    t.keys(&["4", "n"]);
    t.wait_for("did it help?");
    t.keys(&["y"]);
    t.wait_for("Your card");
    t.keys(&["q"]);
    t.wait_for("? help");
    t.keys(&["q"]);
    assert_eq!(t.status(), "0");
    t.assert_terminal_restored();
    let cards = std::fs::read_to_string(t.data_file("cards.toml")).unwrap();
    assert!(
        cards.contains("when = \"Sam is quiet tonight 🌙\""),
        "{cards}"
    );
    assert!(cards.contains("\"breathe gentle --cycles 1\""), "{cards}");
    let journal = std::fs::read_to_string(t.data_file("journal.jsonl")).unwrap();
    let lines: Vec<&str> = journal.lines().collect();
    assert_eq!(lines.len(), 3, "{journal}");
    assert!(
        lines[0].contains(r#""action":"breathe gentle --cycles 1""#),
        "{journal}"
    );
    assert!(
        lines[1].contains(r#""exercise":"breathe","variant":"gentle""#)
            && lines[1].contains(r#""before":7,"after":4"#),
        "{journal}"
    );
    assert!(
        lines[2].contains(r#""action":"Call Ana","helped":true"#),
        "{journal}"
    );
}

#[test]
fn a_ladder_is_built_and_one_practice_logged() {
    let Some(t) = Tmux::start("ladder") else {
        return;
    };
    t.run_with_status(&t.soothe("ladder new"));
    // The one safety question comes before the first ladder.
    t.wait_for("do you ever feel afraid of your partner");
    t.keys(&["n"]);
    t.wait_for("Before you build a ladder");
    t.keys(&["Enter"]);
    t.wait_for("The goal, in one line");
    t.type_text("A weekend apart 🌿");
    t.keys(&["Enter"]);
    for (what, fear) in [
        ("An hour in, phone away", "1"),
        ("Wait an hour to answer", "2"),
        ("An evening out, one text", "3"),
        ("No last-seen for a day", "5"),
        ("A night apart", "7"),
        ("A weekend apart", "9"),
    ] {
        t.wait_for("A step towards it");
        t.type_text(what);
        t.keys(&["Enter"]);
        t.wait_for("How frightening does this step feel?");
        t.keys(&[fear]);
    }
    t.wait_for("A step towards it (7 of 6–12)");
    t.keys(&["Enter"]);
    t.wait_for("Which of these do you do to feel safer?");
    t.keys(&["Enter"]);
    t.wait_for("Another one of your own");
    t.keys(&["Tab"]);
    t.wait_for("Goal: A weekend apart 🌿");
    t.wait_for("suggested next");
    // A practice done with soothe closed, logged afterwards.
    t.keys(&["l"]);
    t.wait_for("What do you fear will happen?");
    t.type_text("They will stop caring");
    t.keys(&["Enter"]);
    t.wait_for("How likely does that feel");
    t.keys(&["6", "Enter"]);
    t.wait_for("how well could you cope");
    t.keys(&["Tab"]);
    t.wait_for("How long will you practise");
    t.type_text("45");
    t.keys(&["Enter"]);
    t.wait_for("Any planned contact?");
    t.keys(&["Tab"]);
    t.wait_for("What was the highest the fear got?");
    t.keys(&["4", "Enter"]);
    t.wait_for("And how strong is it now?");
    t.keys(&["Tab"]);
    t.wait_for("What actually happened?");
    t.keys(&["Tab"]);
    t.wait_for("Did the thing you feared happen?");
    t.keys(&["3"]);
    t.wait_for("What did you learn?");
    t.type_text("It eased after an hour");
    t.keys(&["Enter"]);
    t.wait_for("You predicted something bad once; it happened 0 times.");
    t.wait_for("practised 1×");
    t.keys(&["q"]);
    assert_eq!(t.status(), "0");
    t.assert_terminal_restored();
    let ladders = std::fs::read_to_string(t.data_file("ladders.toml")).unwrap();
    assert!(
        ladders.contains("goal = \"A weekend apart 🌿\""),
        "{ladders}"
    );
    let journal = std::fs::read_to_string(t.data_file("journal.jsonl")).unwrap();
    assert!(journal.contains(r#""exercise":"ladder""#), "{journal}");
    assert!(
        journal.contains(r#""predicted":"They will stop caring","likely":60"#),
        "{journal}"
    );
    assert!(
        journal.contains(r#""happened":"no","learned":"It eased after an hour","logged":true"#),
        "{journal}"
    );
}

#[test]
fn a_repair_alone_ends_with_the_words_to_say_printed_after_exit() {
    let Some(t) = Tmux::start("repair") else {
        return;
    };
    t.run_with_status(&t.soothe("repair"));
    t.wait_for("First: how strong is the distress right now?");
    t.keys(&["4", "Enter"]);
    t.wait_for("Feelings only");
    t.keys(&["Space", "Enter"]);
    t.wait_for("Another feeling");
    t.keys(&["Tab"]);
    t.wait_for("as a camera would have seen it");
    t.type_text("You were on the phone; I said you never listen");
    t.keys(&["Enter"]);
    t.wait_for("One sentence of theirs");
    t.type_text("I came home tired and was met with a complaint");
    t.keys(&["Enter"]);
    t.wait_for("What did it touch in you?");
    t.keys(&["Tab"]);
    t.wait_for("What set you up for it?");
    t.keys(&["Tab"]);
    t.wait_for("What do you regret?");
    t.type_text("raising my voice 😔");
    t.keys(&["Enter"]);
    t.wait_for("What do you want to apologise for?");
    t.type_text("saying you never listen");
    t.keys(&["Enter"]);
    t.wait_for("One thing next time, as if-then");
    t.type_text("When my heart races, I will ask for twenty minutes");
    t.keys(&["Enter"]);
    t.wait_for("One thing to ask of them");
    t.keys(&["Tab"]);
    t.wait_for("The repair to say");
    t.keys(&["Enter"]);
    t.wait_for("one thing I'll do differently");
    t.keys(&["Tab"]);
    t.wait_for("grateful for in how they handled it");
    t.keys(&["Tab"]);
    t.wait_for("In how many days");
    t.keys(&["Enter"]);
    t.wait_for("And the distress now?");
    t.keys(&["2", "Enter"]);
    t.wait_for("soothe asks how your if-then went after");
    t.keys(&["Enter"]);
    assert_eq!(t.status(), "0");
    t.wait_for("Your repair, to say when you are both ready:");
    t.wait_for("I regret raising my voice 😔.");
    t.assert_terminal_restored();
    let journal = std::fs::read_to_string(t.data_file("journal.jsonl")).unwrap();
    assert!(journal.contains(r#""exercise":"repair""#), "{journal}");
    assert!(journal.contains(r#""before":4,"after":2"#), "{journal}");
    assert!(
        journal.contains(r#""if_then":"When my heart races, I will ask for twenty minutes""#),
        "{journal}"
    );
}

#[test]
fn a_talk_with_two_turns_through_to_heard_and_the_if_then() {
    let Some(t) = Tmux::start("talk") else {
        return;
    };
    t.run_with_status(&t.soothe("talk"));
    t.wait_for("do you ever feel afraid of your partner");
    t.keys(&["n"]);
    t.wait_for("The first to speak");
    t.type_text("Ana");
    t.keys(&["Enter"]);
    t.wait_for("the one who listens first");
    t.type_text("Sam");
    t.keys(&["Enter"]);
    t.wait_for("The topic, in one sentence");
    t.type_text("How we say goodnight");
    t.keys(&["Enter"]);
    t.wait_for("Is now a good time");
    t.keys(&["1"]);
    t.wait_for("Ground rules");
    t.keys(&["1"]);
    t.keys(&["2"]);
    for (speaker, listener) in [("ANA", "SAM"), ("SAM", "ANA")] {
        t.wait_for(&format!("{speaker} HAS THE FLOOR"));
        t.keys(&["Enter"]);
        t.wait_for(&format!("{listener} MIRRORS"));
        t.keys(&["1"]);
        t.wait_for("SUMS IT UP");
        t.keys(&["1"]);
        t.wait_for("VALIDATES");
        t.keys(&["1"]);
        t.wait_for("IMAGINES");
        t.keys(&["1"]);
    }
    t.wait_for("Ana: do you feel heard?");
    t.keys(&["1"]);
    t.wait_for("Sam: do you feel heard?");
    t.keys(&["1"]);
    t.wait_for("Ana: one small step, as if-then");
    t.type_text("When one of us is tired, we say goodnight by ten");
    t.keys(&["Enter"]);
    t.wait_for("Sam: one small step");
    t.keys(&["Tab"]);
    t.wait_for("Ana: one thing you appreciate");
    t.keys(&["Tab"]);
    t.wait_for("Sam: one thing you appreciate");
    t.keys(&["Tab"]);
    t.wait_for("Ana: keep your words");
    t.keys(&["2"]);
    t.wait_for("Sam: keep your words");
    t.keys(&["2"]);
    t.wait_for("you both felt heard");
    t.keys(&["Enter"]);
    assert_eq!(t.status(), "0");
    t.wait_for("Ana: When one of us is tired, we say goodnight by ten");
    t.assert_terminal_restored();
    let journal = std::fs::read_to_string(t.data_file("journal.jsonl")).unwrap();
    assert!(journal.contains(r#""exercise":"talk""#), "{journal}");
    assert!(journal.contains(r#""initials":["A","S"]"#), "{journal}");
    assert!(journal.contains(r#""heard":true"#), "{journal}");
    assert!(
        !journal.contains("How we say goodnight"),
        "the topic is not kept: {journal}"
    );
}

#[test]
fn a_talk_closed_during_its_break_goes_on_where_it_was_when_opened_again() {
    let Some(t) = Tmux::start("talk-again") else {
        return;
    };
    t.run_with_status(&t.soothe("talk"));
    t.wait_for("do you ever feel afraid of your partner");
    t.keys(&["n"]);
    for (asked, typed) in [
        ("The first to speak", "Ana"),
        ("the one who listens first", "Sam"),
        ("The topic, in one sentence", "Money"),
    ] {
        t.wait_for(asked);
        t.type_text(typed);
        t.keys(&["Enter"]);
    }
    t.wait_for("Is now a good time");
    t.keys(&["1"]);
    t.wait_for("Ground rules");
    t.keys(&["1", "2"]);
    t.wait_for("ANA HAS THE FLOOR");
    t.keys(&["Enter"]);
    t.wait_for("SAM MIRRORS");
    t.keys(&["p"]);
    t.wait_for("Back at");
    // The window is shut mid-break: Ctrl-C.
    t.keys(&["C-c"]);
    assert_eq!(t.status(), "0");
    t.assert_terminal_restored();
    t.run("clear");
    t.run_with_status(&t.soothe("talk"));
    t.wait_for("Go on from where it was?");
    t.keys(&["1"]);
    t.wait_for("A. last time");
    t.type_text("Ana");
    t.keys(&["Enter"]);
    t.wait_for("S. last time");
    t.type_text("Sam");
    t.keys(&["Enter", "Enter"]);
    t.wait_for("SAM MIRRORS");
    t.wait_for("Ana and Sam · 11:");
    t.keys(&["q"]);
    t.wait_for("not finished");
    t.keys(&["Enter"]);
    assert_eq!(t.status(), "0");
    let journal = t.journal();
    assert!(journal.contains(r#""continues":""#), "{journal}");
    assert!(
        !journal.contains("Money"),
        "the topic is not kept: {journal}"
    );
}

#[test]
fn a_repair_together_keeps_only_initials_and_if_thens_unless_both_choose() {
    let Some(t) = Tmux::start("together") else {
        return;
    };
    t.run_with_status(&t.soothe("repair --together"));
    t.wait_for("do you ever feel afraid of your partner");
    t.keys(&["n"]);
    t.wait_for("A repair, together");
    t.keys(&["Enter"]);
    t.wait_for("The first of you");
    t.type_text("Ana");
    t.keys(&["Enter"]);
    t.wait_for("And the other of you");
    t.type_text("Sam");
    t.keys(&["Enter"]);
    for step in ["feelings", "camera", "part", "if-then"] {
        for (who, other) in [("Ana", "Sam"), ("Sam", "Ana")] {
            t.wait_for(&format!("  {who}: "));
            if step == "feelings" {
                t.keys(&["Space", "Enter"]);
            } else {
                t.type_text(&format!(
                    "{step} of the {}",
                    if who == "Ana" { "first" } else { "second" }
                ));
                t.keys(&["Enter"]);
            }
            t.wait_for(&format!("{other}, say back to {who}"));
            t.keys(&["1"]);
        }
    }
    t.wait_for("Ana: keep your words");
    t.keys(&["1"]);
    t.wait_for("Sam: keep your words");
    t.keys(&["2"]);
    t.wait_for("Only initials and the if-thens are kept");
    t.keys(&["Enter"]);
    assert_eq!(t.status(), "0");
    t.wait_for("Sam: if-then of the second");
    t.assert_terminal_restored();
    let journal = std::fs::read_to_string(t.data_file("journal.jsonl")).unwrap();
    assert!(journal.contains(r#""initials":["A","S"]"#), "{journal}");
    assert!(
        journal.contains(r#""if_thens":["if-then of the first","if-then of the second"]"#),
        "{journal}"
    );
    assert!(
        !journal.contains("camera of the"),
        "no partner words: {journal}"
    );
    assert!(
        !journal.contains("Ana") && !journal.contains("Sam"),
        "{journal}"
    );
}
