//! soothe: a terminal self-soothing coach. The binary in `main.rs` is thin;
//! everything lives here so integration tests can reach it.

pub mod content;
pub mod exercise;
pub mod sanitize;
