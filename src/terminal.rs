//! The terminal guard: it turns on raw mode, the alternate screen, a hidden
//! cursor and bracketed paste, remembers exactly what it turned on, and
//! undoes it once, whatever ends the program: a normal exit, a panic, a
//! signal, or Ctrl-Z (which restores, stops, and re-enters on `fg`).

use std::fs::File;
use std::io::{self, IsTerminal, Read, Write};
use std::os::fd::{AsRawFd, RawFd};
use std::os::unix::net::UnixStream;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

use ratatui::crossterm::{
    cursor::{Hide, Show},
    event::{DisableBracketedPaste, EnableBracketedPaste},
    execute,
    terminal::{
        EndSynchronizedUpdate, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode,
        enable_raw_mode,
    },
};
use signal_hook::consts::signal::{SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP, SIGWINCH};

// Process-wide, because the panic hook and the signal path cannot reach the
// guard itself. Each is set only after its mode really was turned on.
static RAW: AtomicBool = AtomicBool::new(false);
static ALTERNATE: AtomicBool = AtomicBool::new(false);
static CURSOR_HIDDEN: AtomicBool = AtomicBool::new(false);
static PASTE: AtomicBool = AtomicBool::new(false);

pub struct TerminalGuard {
    _private: (),
}

impl TerminalGuard {
    pub fn enter() -> io::Result<TerminalGuard> {
        enter_modes().inspect_err(|_| restore())?;
        Ok(TerminalGuard { _private: () })
    }

    /// Ctrl-Z: give the shell its terminal back, stop, and take it again on
    /// `fg`. The caller must repaint everything afterwards.
    pub fn suspend(&mut self) -> io::Result<()> {
        restore();
        signal_hook::low_level::raise(SIGTSTP)?;
        enter_modes()
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
    }
}

fn enter_modes() -> io::Result<()> {
    let mut out = io::stdout();
    enable_raw_mode()?;
    RAW.store(true, Ordering::SeqCst);
    execute!(out, EnterAlternateScreen)?;
    ALTERNATE.store(true, Ordering::SeqCst);
    execute!(out, Hide)?;
    CURSOR_HIDDEN.store(true, Ordering::SeqCst);
    execute!(out, EnableBracketedPaste)?;
    PASTE.store(true, Ordering::SeqCst);
    Ok(())
}

/// Undoes whatever is on; safe to call any number of times, from anywhere.
/// Errors are ignored: a hung-up terminal cannot be restored, and there is
/// nothing better to do about it on the way out.
pub fn restore() {
    let mut out = io::stdout();
    if ALTERNATE.load(Ordering::SeqCst) {
        // A panic mid-frame may leave a synchronized update open.
        let _ = execute!(out, EndSynchronizedUpdate);
    }
    if PASTE.swap(false, Ordering::SeqCst) {
        let _ = execute!(out, DisableBracketedPaste);
    }
    if CURSOR_HIDDEN.swap(false, Ordering::SeqCst) {
        let _ = execute!(out, Show);
    }
    if ALTERNATE.swap(false, Ordering::SeqCst) {
        let _ = execute!(out, LeaveAlternateScreen);
    }
    if RAW.swap(false, Ordering::SeqCst) {
        let _ = disable_raw_mode();
    }
    let _ = out.flush();
}

/// Chains a hook that restores the terminal before the previous hook (color-eyre's) prints the report.
pub fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

/// Signals that end soothe, and window-size changes, caught as flags plus a
/// byte on a self-pipe so that a wait in [`Waiter::wait`] wakes at once.
pub struct Signals {
    caught: Arc<AtomicUsize>,
    resized: Arc<AtomicBool>,
    wake: UnixStream,
}

/// Signals after which soothe restores the terminal and exits.
pub const TERMINATING: [i32; 4] = [SIGTERM, SIGHUP, SIGINT, SIGQUIT];

/// If the main thread has not finished this long after a terminating signal,
/// it is stuck (see [`Waiter`]) and the watchdog ends the process itself.
const WATCHDOG_GRACE: Duration = Duration::from_secs(3);

impl Signals {
    pub fn register() -> io::Result<Signals> {
        let caught = Arc::new(AtomicUsize::new(0));
        let resized = Arc::new(AtomicBool::new(false));
        let (wake, wake_write) = UnixStream::pair()?;
        wake.set_nonblocking(true)?;
        wake_write.set_nonblocking(true)?;
        for signal in TERMINATING {
            signal_hook::flag::register_usize(signal, Arc::clone(&caught), signal as usize)?;
            signal_hook::low_level::pipe::register(signal, wake_write.try_clone()?)?;
        }
        signal_hook::flag::register(SIGWINCH, Arc::clone(&resized))?;
        signal_hook::low_level::pipe::register(SIGWINCH, wake_write)?;
        start_watchdog()?;
        Ok(Signals {
            caught,
            resized,
            wake,
        })
    }

    /// The terminating signal caught since the last look, if any.
    pub fn take(&self) -> Option<i32> {
        match self.caught.swap(0, Ordering::SeqCst) {
            0 => None,
            signal => Some(signal as i32),
        }
    }

    /// Whether the window changed size since the last look.
    pub fn take_resize(&self) -> bool {
        self.resized.swap(false, Ordering::SeqCst)
    }

    /// Empties the self-pipe once its wake-up has been seen.
    fn drain(&self) {
        let mut sink = [0u8; 64];
        while matches!((&self.wake).read(&mut sink), Ok(n) if n > 0) {}
    }
}

/// The last resort for a main thread that cannot see a signal: it restores
/// the terminal and exits if the process is still alive after a grace time.
fn start_watchdog() -> io::Result<()> {
    let mut signals = signal_hook::iterator::Signals::new(TERMINATING)?;
    std::thread::Builder::new()
        .name("signal-watchdog".into())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                std::thread::sleep(WATCHDOG_GRACE);
                restore();
                std::process::exit(128 + signal);
            }
        })?;
    Ok(())
}

pub enum Wake {
    /// The terminal has input for crossterm to read.
    Input,
    /// A signal arrived: look at [`Signals::take`] and [`Signals::take_resize`].
    Signal,
    /// The terminal is gone (window closed, ssh dropped).
    HangUp,
    Timeout,
}

/// Waits for terminal input, a signal, or a timeout, with poll(2).
///
/// crossterm 0.29 spins for ever inside `event::poll` once the terminal hangs
/// up (its read loop retries a read that keeps returning 0), and then nothing
/// else in the loop runs again. So soothe waits here and only lets crossterm
/// read when input is really there; a hang-up is seen as POLLHUP instead.
pub struct Waiter {
    /// Our own handle on the terminal when standard input is not it (crossterm
    /// then reads /dev/tty too); kept open for as long as the waiter lives.
    _tty: Option<File>,
    tty_fd: RawFd,
}

impl Waiter {
    pub fn new() -> io::Result<Waiter> {
        let stdin = io::stdin();
        if stdin.is_terminal() {
            Ok(Waiter {
                _tty: None,
                tty_fd: stdin.as_raw_fd(),
            })
        } else {
            let tty = File::open("/dev/tty")?;
            let tty_fd = tty.as_raw_fd();
            Ok(Waiter {
                _tty: Some(tty),
                tty_fd,
            })
        }
    }

    /// `None` waits until something happens.
    pub fn wait(&self, signals: &Signals, timeout: Option<Duration>) -> io::Result<Wake> {
        let mut fds = [
            libc::pollfd {
                fd: self.tty_fd,
                events: libc::POLLIN,
                revents: 0,
            },
            libc::pollfd {
                fd: signals.wake.as_raw_fd(),
                events: libc::POLLIN,
                revents: 0,
            },
        ];
        let timeout_ms = timeout.map_or(-1, |t| t.as_millis().min(i32::MAX as u128) as i32);
        // SAFETY: `fds` is a valid array of two initialised pollfd structs that
        // outlives the call, and its length is passed alongside it.
        let ready = unsafe { libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, timeout_ms) };
        if ready < 0 {
            let err = io::Error::last_os_error();
            return if err.kind() == io::ErrorKind::Interrupted {
                Ok(Wake::Signal)
            } else {
                Err(err)
            };
        }
        if fds[1].revents != 0 {
            signals.drain();
            return Ok(Wake::Signal);
        }
        let tty = fds[0].revents;
        if tty & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
            return Ok(Wake::HangUp);
        }
        if tty & libc::POLLIN != 0 {
            return Ok(Wake::Input);
        }
        Ok(Wake::Timeout)
    }
}
