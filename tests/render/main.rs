//! Render snapshots, one module per screen: each in its key states at 80x24
//! and 40x12, plus the smallest sizes, drawn at fixed instants.

mod breathe;
mod cards;
mod ending;
mod evidence;
mod good;
mod ground;
mod heated;
mod history;
mod home;
mod kind;
mod ladder;
mod pages;
mod pictures;
mod plan;
mod practice;
mod reframe;
mod relax;
mod repair;
mod sizes;
mod support;
mod talk;
