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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
        let wake = wait_for(self.tty_fd, signals.wake.as_raw_fd(), timeout)?;
        if wake == Wake::Signal {
            signals.drain();
        }
        Ok(wake)
    }
}

/// Waits until the terminal `tty` has input or hung up, or `wake` (the
/// signal pipe) has a byte, or `timeout` passes. Through
/// `filedescriptor::poll`, which uses select(2) on macOS, where poll(2)
/// does not take devices (and would take the tty for a hang-up).
fn wait_for(tty: RawFd, wake: RawFd, timeout: Option<Duration>) -> io::Result<Wake> {
    use filedescriptor::{POLLERR, POLLHUP, POLLIN, pollfd};
    let mut fds = [
        pollfd {
            fd: tty,
            events: POLLIN,
            revents: 0,
        },
        pollfd {
            fd: wake,
            events: POLLIN,
            revents: 0,
        },
    ];
    match filedescriptor::poll(&mut fds, timeout) {
        Ok(_) => {}
        Err(filedescriptor::Error::Poll(err)) if err.kind() == io::ErrorKind::Interrupted => {
            return Ok(Wake::Signal);
        }
        Err(err) => return Err(io::Error::other(err)),
    }
    if fds[1].revents != 0 {
        return Ok(Wake::Signal);
    }
    let tty = fds[0].revents;
    if tty & (POLLHUP | POLLERR | libc::POLLNVAL) != 0 {
        return Ok(Wake::HangUp);
    }
    if tty & POLLIN != 0 {
        return Ok(Wake::Input);
    }
    Ok(Wake::Timeout)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The wait over a pipe standing in for the terminal, and a socket pair
    /// for the signal wake-up, as on Linux (macOS cannot be tried here).
    #[test]
    fn the_wait_tells_input_signals_hang_ups_and_timeouts_apart() {
        let (mut tty_write, tty_read) = UnixStream::pair().unwrap();
        let (mut wake_write, wake_read) = UnixStream::pair().unwrap();
        let (tty, wake) = (tty_read.as_raw_fd(), wake_read.as_raw_fd());
        let short = Some(Duration::from_millis(10));
        assert_eq!(wait_for(tty, wake, short).unwrap(), Wake::Timeout);
        tty_write.write_all(b"q").unwrap();
        assert_eq!(wait_for(tty, wake, short).unwrap(), Wake::Input);
        wake_write.write_all(b"!").unwrap();
        assert_eq!(
            wait_for(tty, wake, None).unwrap(),
            Wake::Signal,
            "signals first"
        );
        let mut wake_read = wake_read;
        let mut byte = [0u8; 1];
        wake_read.read_exact(&mut byte).unwrap();
        drop(tty_write);
        let mut tty_read = tty_read;
        tty_read.read_exact(&mut byte).unwrap();
        assert_eq!(wait_for(tty, wake, None).unwrap(), Wake::HangUp);
    }
}
