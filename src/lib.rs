//! soothe: a terminal self-soothing coach. The binary in `main.rs` is thin;
//! everything lives here so integration tests can reach it.

pub mod app;
pub mod cli;
pub mod clock;
pub mod commands;
pub mod content;
pub mod exercise;
pub mod history;
pub mod journal;
pub mod keys;
pub mod paths;
pub mod plain;
pub mod sanitize;
pub mod screen;
pub mod session;
pub mod settings;
pub mod terminal;
#[doc(hidden)]
pub mod testing;
pub mod text_field;
pub mod ui;
pub mod words;
