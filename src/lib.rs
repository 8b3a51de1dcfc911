//! soothe: a terminal self-soothing coach. The binary in `main.rs` is thin;
//! everything lives here so integration tests can reach it.

// soothe is for Unix terminals: it waits on the tty and on a signal pipe
// with poll/select, and restores termios on SIGTSTP, SIGHUP and SIGTERM.
#[cfg(not(unix))]
compile_error!(
    "soothe runs on Linux, macOS and the BSDs; Windows is not supported (it needs Unix terminals and signals)"
);

pub mod app;
pub mod beliefs;
pub mod cards;
pub mod check;
pub mod cli;
pub mod clock;
pub mod commands;
pub mod content;
pub mod doctor;
pub mod documents;
pub mod exercise;
pub mod history;
pub mod journal;
pub mod keys;
pub mod ladder;
pub mod launch;
pub mod manual;
pub mod paths;
pub mod plain;
pub mod plan;
pub mod practice;
pub mod sanitize;
pub mod screen;
pub mod session;
pub mod settings;
pub mod shell;
pub mod state;
pub mod terminal;
#[doc(hidden)]
pub mod testing;
pub mod text_field;
pub mod ui;
pub mod words;
