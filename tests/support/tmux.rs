//! A private tmux server driving the real binary at a fixed size, with
//! temporary config and data folders. Screens are polled with a deadline,
//! never waited for by sleeping. Without tmux the tests skip, unless
//! SOOTHE_REQUIRE_TMUX=1 makes that a failure.

use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use tempfile::TempDir;

/// The shell's prompt (capture-pane drops the trailing space).
pub const PROMPT: &str = "e2e$";
pub const PATIENCE: Duration = Duration::from_secs(10);

pub struct Tmux {
    socket: String,
    pub config: TempDir,
    pub data: TempDir,
    pub scratch: TempDir,
}

impl Tmux {
    /// A shell at 80x24 in a fresh server, or `None` (with the reason printed) without tmux.
    pub fn start(test: &str) -> Option<Tmux> {
        let available = Command::new("tmux")
            .arg("-V")
            .output()
            .is_ok_and(|out| out.status.success());
        if !available {
            if std::env::var("SOOTHE_REQUIRE_TMUX").as_deref() == Ok("1") {
                panic!("tmux is required (SOOTHE_REQUIRE_TMUX=1) but is not installed");
            }
            eprintln!("skipping {test}: tmux is not installed");
            return None;
        }
        let tmux = Tmux {
            socket: format!("soothe-{test}-{}", std::process::id()),
            config: tempfile::tempdir().unwrap(),
            data: tempfile::tempdir().unwrap(),
            scratch: tempfile::tempdir().unwrap(),
        };
        tmux.tmux(&[
            "new-session",
            "-d",
            "-x",
            "80",
            "-y",
            "24",
            "-s",
            "main",
            "env PS1='e2e$ ' sh",
        ]);
        // tmux 3.3 holds a bare Esc for 500 ms by default.
        tmux.tmux(&["set-option", "-s", "escape-time", "0"]);
        tmux.wait_for(PROMPT);
        Some(tmux)
    }

    fn tmux(&self, args: &[&str]) -> Output {
        let out = Command::new("tmux")
            .args(["-L", &self.socket, "-f", "/dev/null"])
            .args(args)
            .output()
            .expect("tmux runs");
        assert!(
            out.status.success(),
            "tmux {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        out
    }

    /// The shell command that runs soothe with this test's folders.
    pub fn soothe(&self, args: &str) -> String {
        format!(
            "env SOOTHE_CONFIG_DIR={} SOOTHE_DATA_DIR={} {} {args}",
            self.config.path().display(),
            self.data.path().display(),
            env!("CARGO_BIN_EXE_soothe"),
        )
    }

    /// Types a command line into the shell and presses Enter.
    pub fn run(&self, line: &str) {
        self.tmux(&["send-keys", "-t", "main", "-l", line]);
        self.tmux(&["send-keys", "-t", "main", "Enter"]);
    }

    /// Sends keys by tmux name: "Space", "Escape", "Enter", "C-z", "q".
    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "main"];
        args.extend_from_slice(keys);
        self.tmux(&args);
    }

    /// Types text literally (no key names: "q" is the letter, "Enter" a word).
    pub fn type_text(&self, text: &str) {
        self.tmux(&["send-keys", "-t", "main", "-l", text]);
    }

    /// Pastes `text` the way a terminal does: bracketed, when the program asked for it.
    pub fn paste(&self, text: &str) {
        self.tmux(&["set-buffer", "-b", "e2e", text]);
        self.tmux(&["paste-buffer", "-p", "-d", "-b", "e2e", "-t", "main"]);
    }

    /// The newest tmux paste buffer (where OSC 52 lands with
    /// `set-clipboard on`), if there is one.
    #[allow(dead_code)]
    pub fn clipboard(&self) -> Option<String> {
        let out = Command::new("tmux")
            .args(["-L", &self.socket, "-f", "/dev/null", "show-buffer"])
            .output()
            .expect("tmux runs");
        out.status
            .success()
            .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
    }

    /// Any tmux command against this server.
    #[allow(dead_code)]
    pub fn command(&self, args: &[&str]) {
        self.tmux(args);
    }

    /// A tmux command's output, for this test's server.
    #[allow(dead_code)]
    pub fn command_output(&self, args: &[&str]) -> String {
        String::from_utf8_lossy(&self.tmux(args).stdout).into_owned()
    }

    /// `SOOTHE_CONFIG_DIR=… SOOTHE_DATA_DIR=…` for this test's folders.
    #[allow(dead_code)]
    pub fn folders(&self) -> String {
        format!(
            "SOOTHE_CONFIG_DIR={} SOOTHE_DATA_DIR={}",
            self.config.path().display(),
            self.data.path().display()
        )
    }

    #[allow(dead_code)]
    pub fn data_file(&self, name: &str) -> std::path::PathBuf {
        self.data.path().join(name)
    }

    pub fn screen(&self) -> String {
        String::from_utf8_lossy(&self.tmux(&["capture-pane", "-p", "-t", "main"]).stdout)
            .into_owned()
    }

    pub fn display(&self, format: &str) -> String {
        let out = self.tmux(&["display-message", "-p", "-t", "main", format]);
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    pub fn resize(&self, width: u16, height: u16) {
        self.tmux(&[
            "resize-window",
            "-t",
            "main",
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
        ]);
    }

    /// Polls until `done` holds for the screen; returns how long it took.
    pub fn wait_until(&self, what: &str, done: impl Fn(&str) -> bool) -> Duration {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if done(&screen) {
                return start.elapsed();
            }
            if start.elapsed() > PATIENCE {
                panic!("waited {PATIENCE:?} for {what}; the screen shows:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    pub fn wait_for(&self, text: &str) -> Duration {
        self.wait_until(&format!("{text:?}"), |screen| screen.contains(text))
    }

    /// Waits for a line that, trimmed, is exactly `text` (so "Hold" is not "Holds are…").
    pub fn wait_for_line(&self, text: &str) -> Duration {
        self.wait_until(&format!("a line {text:?}"), |screen| {
            screen.lines().any(|line| line.trim() == text)
        })
    }

    pub fn wait_gone(&self, text: &str) -> Duration {
        self.wait_until(&format!("{text:?} to go"), |screen| !screen.contains(text))
    }

    /// After soothe exits: main screen, cursor shown, line editing and echo
    /// back on (as `stty` reports them), and the shell answering.
    pub fn assert_terminal_restored(&self) {
        let deadline = Instant::now() + PATIENCE;
        while self.display("#{alternate_on}") != "0" {
            assert!(
                Instant::now() < deadline,
                "still on the alternate screen:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(10));
        }
        assert_eq!(self.display("#{cursor_flag}"), "1", "the cursor is hidden");
        // The marker is typed split (`:mo''des`) so the echoed command line
        // can never be mistaken for the output, wherever it wraps.
        self.run("clear; stty -a | tr ' ;' '\\n\\n' | grep -x -e icanon -e -icanon -e echo -e -echo | tr '\\n' ' '; echo ':mo''des'");
        let is_modes = |line: &str| line.trim_end().ends_with(" :modes") || line.trim() == ":modes";
        self.wait_until("the stty report", |s| s.lines().any(is_modes));
        let screen = self.screen();
        let modes = screen
            .lines()
            .find(|l| is_modes(l))
            .unwrap_or_default()
            .to_string();
        assert_eq!(
            modes.trim(),
            "icanon echo :modes",
            "terminal modes after exit:\n{screen}"
        );
    }

    /// Types `line` followed by an echo of its exit status, read back by [`Tmux::status`].
    pub fn run_with_status(&self, line: &str) {
        // Typed split, as above, so a wrapped command line never reads as the status.
        self.run(&format!("{line}; echo \"ex\"\"it:$?\""));
    }

    /// The status printed by the last [`Tmux::run_with_status`], once it has ended.
    pub fn status(&self) -> String {
        self.wait_until("an exit status", |s| {
            s.lines().any(|l| l.starts_with("exit:"))
        });
        let screen = self.screen();
        let line = screen
            .lines()
            .rev()
            .find(|l| l.starts_with("exit:"))
            .unwrap()
            .to_string();
        line.trim_start_matches("exit:").trim().to_string()
    }

    /// Closes the terminal under everything running in it, as closing a
    /// window or dropping an ssh connection does.
    pub fn hang_up(&self) {
        self.tmux(&["kill-server"]);
    }

    /// The screen with its colours and modifiers, as escape sequences.
    pub fn styled_screen(&self) -> String {
        String::from_utf8_lossy(
            &self
                .tmux(&["capture-pane", "-p", "-e", "-t", "main"])
                .stdout,
        )
        .into_owned()
    }

    pub fn write_config(&self, text: &str) {
        std::fs::create_dir_all(self.config.path()).unwrap();
        std::fs::write(self.config.path().join("config.toml"), text).unwrap();
    }

    pub fn write_content(&self, name: &str, text: &str) {
        let dir = self.config.path().join("content");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(name), text).unwrap();
    }

    /// The journal as written so far (empty if none).
    pub fn journal(&self) -> String {
        std::fs::read_to_string(self.data.path().join("journal.jsonl")).unwrap_or_default()
    }

    pub fn scratch_file(&self, name: &str) -> std::path::PathBuf {
        self.scratch.path().join(name)
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .output();
    }
}

#[allow(dead_code)]
pub fn read_pid(path: &Path) -> i32 {
    let deadline = Instant::now() + PATIENCE;
    loop {
        if let Ok(text) = std::fs::read_to_string(path)
            && let Ok(pid) = text.trim().parse()
        {
            return pid;
        }
        assert!(Instant::now() < deadline, "no pid in {}", path.display());
        std::thread::sleep(Duration::from_millis(10));
    }
}
