//! Pure exercise logic: schedules and flows. Nothing here touches a terminal,
//! a file or the clock; every function that depends on time takes an instant.

pub mod breathing;
pub mod good;
pub mod grounding;
pub mod pause;
pub mod reframing;
pub mod relaxation;
pub mod repair;
pub mod send;
pub mod talk;
pub mod timed;
pub mod timeline;
