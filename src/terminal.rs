//! The terminal guard: it turns on raw mode, the alternate screen and a
//! hidden cursor, remembers exactly what it turned on, and undoes it once,
//! whatever ends the program: a normal exit, a panic, a signal, or Ctrl-Z
//! (which restores, stops, and re-enters on `fg`).

use std::io::{self, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use ratatui::crossterm::{
    cursor::{Hide, Show},
    execute,
    terminal::{
        EndSynchronizedUpdate, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode,
        enable_raw_mode,
    },
};
use signal_hook::consts::signal::{SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};

// Process-wide, because the panic hook and the signal path cannot reach the
// guard itself. Each is set only after its mode really was turned on.
static RAW: AtomicBool = AtomicBool::new(false);
static ALTERNATE: AtomicBool = AtomicBool::new(false);
static CURSOR_HIDDEN: AtomicBool = AtomicBool::new(false);

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

/// Termination signals, caught as a flag the event loop checks between
/// bounded waits (crossterm's blocking read never wakes for a signal).
pub struct Signals {
    caught: Arc<AtomicUsize>,
}

impl Signals {
    pub fn register() -> io::Result<Signals> {
        let caught = Arc::new(AtomicUsize::new(0));
        for signal in [SIGTERM, SIGHUP, SIGINT, SIGQUIT] {
            signal_hook::flag::register_usize(signal, Arc::clone(&caught), signal as usize)?;
        }
        Ok(Signals { caught })
    }

    /// The signal caught since the last look, if any.
    pub fn take(&self) -> Option<i32> {
        match self.caught.swap(0, Ordering::SeqCst) {
            0 => None,
            signal => Some(signal as i32),
        }
    }
}
