//! soothe at home in the shell: `soothe init` for each target, the
//! completion scripts and the man page as snapshots (as trippy does), and
//! each of them taken in by the real program: the bash widget in a bash
//! pane, the tmux binding in a private tmux server, the bash completion
//! sourced, the man page rendered by `man`.

#[path = "support/tmux.rs"]
#[allow(dead_code)]
mod tmux;

use std::process::{Command, Output, Stdio};

use tmux::Tmux;

const SOOTHE: &str = env!("CARGO_BIN_EXE_soothe");

fn soothe(args: &[&str]) -> Output {
    let out = Command::new(SOOTHE)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "soothe {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

/// The snippet with this machine's path of the binary made stable.
fn init(target: &str) -> String {
    let binary = std::fs::canonicalize(SOOTHE).unwrap();
    stdout(&soothe(&["init", target])).replace(binary.to_str().unwrap(), "/path/to/soothe")
}

#[test]
fn every_init_snippet() {
    for target in ["tmux", "zsh", "bash", "fish", "zellij"] {
        insta::assert_snapshot!(format!("init_{target}"), init(target));
    }
    let ground = stdout(&soothe(&[
        "init",
        "zsh",
        "--key",
        "^G",
        "--exercise",
        "ground",
    ]));
    assert!(ground.contains("bindkey '^G' soothe-widget"), "{ground}");
    assert!(ground.contains("ground </dev/tty"), "{ground}");
}

#[test]
fn a_key_that_cannot_be_bound_is_one_line_and_exit_2() {
    let out = Command::new(SOOTHE)
        .args(["init", "tmux", "--key", "B; run-shell x"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("soothe: the key"), "{err}");
}

#[test]
fn every_completion_script_and_the_man_page() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        insta::assert_snapshot!(
            format!("completions_{shell}"),
            stdout(&soothe(&["completions", shell]))
        );
    }
    insta::assert_snapshot!("man", stdout(&soothe(&["man"])));
}

#[test]
fn the_bash_completion_sourced_completes_soothe() {
    let script = std::env::temp_dir().join(format!("soothe-completion-{}", std::process::id()));
    std::fs::write(&script, soothe(&["completions", "bash"]).stdout).unwrap();
    let out = Command::new("bash")
        .args(["--norc", "--noprofile", "-c"])
        .arg(format!(
            "source '{}' && complete -p soothe",
            script.display()
        ))
        .output()
        .unwrap();
    std::fs::remove_file(&script).ok();
    let said = stdout(&out);
    assert!(
        said.contains("-F _soothe") && said.trim_end().ends_with(" soothe"),
        "{said}"
    );
}

#[test]
fn the_man_page_renders_with_man_when_it_is_installed() {
    if Command::new("man").arg("--version").output().is_err() {
        eprintln!("skipping: man is not installed");
        return;
    }
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "'{SOOTHE}' man | MANPAGER=cat MANWIDTH=80 man -l -"
        ))
        .output()
        .unwrap();
    let page = stdout(&out);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for section in ["SYNOPSIS", "ENVIRONMENT", "FILES", "EXIT STATUS", "KEYS"] {
        assert!(page.contains(section), "{section} in:\n{page}");
    }
    assert!(page.contains("SOOTHE_LAUNCHER"));
}

#[test]
fn the_tmux_snippet_sourced_binds_prefix_b_to_a_popup() {
    let Some(t) = Tmux::start("init-tmux") else {
        return;
    };
    let conf = t.scratch_file("soothe.tmux.conf");
    std::fs::write(&conf, init("tmux").replace("/path/to/soothe", SOOTHE)).unwrap();
    t.command(&["source-file", conf.to_str().unwrap()]);
    let keys = t.command_output(&["list-keys", "-T", "prefix", "B"]);
    assert!(keys.contains("display-popup -EE"), "{keys}");
    assert!(keys.contains("SOOTHE_LAUNCHER=popup"), "{keys}");
    assert!(keys.contains(SOOTHE), "{keys}");
}

/// In `shell` (started by `start`, its prompt `prompt`), the snippet
/// sourced by `source`: type `hello`, Ctrl-X Ctrl-B, the pacer, leave, and
/// `hello` is still on the prompt line, still the shell's to run.
fn the_widget_keeps_the_line(shell: &str, start: &str, source: &str, prompt: &str) {
    let Some(t) = Tmux::start(&format!("init-{shell}")) else {
        return;
    };
    // Outside tmux's own variable, so the widget runs soothe on the tty
    // (inside it, it would open a popup).
    t.run(&format!("env -u TMUX {} {start}", t.folders()));
    t.wait_for(prompt.trim_end());
    t.run(&format!("{source}; clear"));
    t.wait_gone("init");
    t.type_text("hello");
    t.wait_for(&format!("{prompt}hello"));
    t.keys(&["C-x", "C-b"]);
    t.wait_for("Breathe in");
    t.keys(&["q"]);
    t.wait_for("Well done.");
    t.keys(&["Enter"]);
    t.wait_until("the prompt with the line kept", |screen| {
        screen
            .lines()
            .any(|l| l.trim_end() == format!("{prompt}hello"))
    });
    t.keys(&["C-a"]);
    t.type_text("echo ");
    t.keys(&["Enter"]);
    t.wait_for_line("hello");
    // And `soothe doctor` sees the key set up in this shell.
    t.run(&format!("'{SOOTHE}' doctor | grep Shell:"));
    t.wait_for(&format!("Shell: the `soothe init {shell}` key is set up"));
}

fn installed(program: &str) -> bool {
    let found = Command::new(program).arg("--version").output().is_ok();
    if !found {
        eprintln!("skipping: {program} is not installed");
    }
    found
}

#[test]
fn the_bash_widget_opens_the_pacer_and_keeps_the_line_being_typed() {
    the_widget_keeps_the_line(
        "bash",
        "PS1='bash$ ' bash --norc --noprofile",
        &format!("eval \"$('{SOOTHE}' init bash)\""),
        "bash$ ",
    );
}

#[test]
fn the_zsh_widget_keeps_the_line_too_when_zsh_is_installed() {
    if installed("zsh") {
        the_widget_keeps_the_line(
            "zsh",
            "PS1='zsh%% ' zsh -f",
            &format!("eval \"$('{SOOTHE}' init zsh)\""),
            "zsh% ",
        );
    }
}

#[test]
fn the_fish_binding_keeps_the_line_too_when_fish_is_installed() {
    if installed("fish") {
        the_widget_keeps_the_line(
            "fish",
            "fish --no-config -C \"function fish_prompt; echo -n 'fish> '; end\"",
            &format!("'{SOOTHE}' init fish | source"),
            "fish> ",
        );
    }
}

/// A second, private tmux server for a client to attach to: its own
/// socket, killed when the test ends.
struct Inner {
    socket: String,
}

impl Inner {
    fn tmux(&self, args: &[&str]) -> Output {
        let out = Command::new("tmux")
            .args(["-L", &self.socket, "-f", "/dev/null"])
            .args(args)
            .env_remove("TMUX")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "inner tmux {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        out
    }
}

impl Drop for Inner {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .output();
    }
}

#[test]
fn prefix_b_opens_soothe_in_a_popup_that_says_how_to_leave_and_closes_with_it() {
    let Some(t) = Tmux::start("popup-outer") else {
        return;
    };
    // A tmux with the snippet sourced, attached from the outer pane so its
    // popup has a client to draw on; the popup runs in the inner server's
    // environment, which has this test's folders.
    let inner = Inner {
        socket: format!("soothe-popup-inner-{}", std::process::id()),
    };
    let folders = t.folders();
    let mut server = Command::new("tmux");
    server
        .args([
            "-L",
            &inner.socket,
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-s",
            "in",
            "PS1='in$ ' sh",
        ])
        .env_remove("TMUX");
    for pair in folders.split(' ') {
        let (name, value) = pair.split_once('=').unwrap();
        server.env(name, value);
    }
    assert!(server.status().unwrap().success());
    inner.tmux(&["set-option", "-s", "escape-time", "0"]);
    let conf = t.scratch_file("inner.tmux.conf");
    std::fs::write(&conf, init("tmux").replace("/path/to/soothe", SOOTHE)).unwrap();
    inner.tmux(&["source-file", conf.to_str().unwrap()]);
    t.run(&format!(
        "env -u TMUX tmux -L {} attach -t in",
        inner.socket
    ));
    t.wait_for("in$");
    t.keys(&["C-b", "B"]);
    t.wait_for("Breathe in");
    t.wait_for("┌");
    t.keys(&["C-z"]);
    t.wait_for("This is a popup: q to leave");
    t.keys(&["q"]);
    t.wait_for("Well done.");
    t.keys(&["Enter"]);
    t.wait_gone("┌");
    t.wait_for("in$");
}
