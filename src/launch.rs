//! A soothe exercise named in words, as after `soothe` on the command line
//! ("breathe gentle --minutes 3"), turned into the route that starts it: the
//! command line, a coping card's action and planned practice read the same
//! grammar (clap's, from `cli`) and find the same patterns. Pure.

use clap::Parser;

use crate::cli::{BreatheArgs, Cli, Command, GroundArgs, RelaxArgs};
use crate::content::{Content, DEFAULT_PATTERN, Identified};
use crate::exercise::timeline::Length;
use crate::session::Route;
use crate::settings::Settings;

/// The exercises a card or a practice may run in place (the first word).
pub const EXERCISES: [&str; 6] = ["breathe", "ground", "relax", "reframe", "kind", "good"];

/// The entry with `id` in `list`, or the one line naming every id there is.
pub fn find<'a, T: Identified>(list: &'a [T], id: &str, what: &str) -> Result<&'a T, String> {
    list.iter().find(|item| item.id() == id).ok_or_else(|| {
        let ids: Vec<&str> = list.iter().map(Identified::id).collect();
        format!(
            "there is no {what} `{id}`; choose one of: {}",
            ids.join(", ")
        )
    })
}

/// `soothe breathe [PATTERN] [--cycles N | --minutes M]`.
pub fn breathe(
    content: &Content,
    settings: &Settings,
    args: &BreatheArgs,
) -> Result<Route, String> {
    let id = args
        .pattern
        .as_deref()
        .or(settings.default_pattern.as_deref())
        .unwrap_or(DEFAULT_PATTERN);
    let pattern = find(&content.patterns, id, "pattern")?.clone();
    let length = match (args.cycles, args.minutes) {
        (Some(n), _) => Length::Cycles(n),
        (None, Some(minutes)) => Length::whole_cycles_within(minutes, pattern.cycle_ms()),
        (None, None) => Length::Forever,
    };
    Ok(Route::Breathe { pattern, length })
}

/// `soothe ground [VARIANT]`.
pub fn ground(content: &Content, args: &GroundArgs) -> Result<Route, String> {
    let variant = match &args.variant {
        Some(id) => find(&content.grounding, id, "grounding variant")?.clone(),
        None => content.default_grounding().clone(),
    };
    Ok(Route::Ground { variant })
}

/// `soothe relax [PROGRAM]`.
pub fn relax(content: &Content, args: &RelaxArgs) -> Result<Route, String> {
    let program = match &args.program {
        Some(id) => find(&content.programs, id, "relaxation program")?.clone(),
        None => content.default_program().clone(),
    };
    Ok(Route::Relax { program })
}

/// The exercise `words` name, or why they are not one soothe can run in
/// place (then they are something to do by oneself).
pub fn route(words: &str, content: &Content, settings: &Settings) -> Result<Route, String> {
    let first = words.split_whitespace().next().unwrap_or("");
    if !EXERCISES.contains(&first) {
        return Err(format!(
            "soothe runs only: {} (the rest are your own words)",
            EXERCISES.join(", ")
        ));
    }
    let argv = std::iter::once("soothe").chain(words.split_whitespace());
    let cli = Cli::try_parse_from(argv).map_err(|err| first_line(&err.to_string()))?;
    match cli.command {
        Some(Command::Breathe(args)) => breathe(content, settings, &args),
        Some(Command::Ground(args)) => ground(content, &args),
        Some(Command::Relax(args)) => relax(content, &args),
        Some(Command::Reframe) => Ok(Route::Reframe),
        Some(Command::Kind) => Ok(Route::Kind),
        Some(Command::Good) => Ok(Route::Good),
        _ => Err(format!("`{}` is not an exercise", words.trim())),
    }
}

/// Which results an exercise is measured by: the exercise, and the
/// variant that runs (a pattern, a program) where it has one.
pub fn measure(route: &Route) -> Option<crate::cards::Measure> {
    use crate::journal::Exercise;
    match route {
        Route::Breathe { pattern, .. } => Some((Exercise::Breathe, Some(pattern.id.clone()))),
        Route::Ground { variant } => Some((Exercise::Ground, Some(variant.id.clone()))),
        Route::Relax { program } => Some((Exercise::Relax, Some(program.id.clone()))),
        other => other.exercise().map(|exercise| (exercise, None)),
    }
}

/// clap's message without its "error: " and usage lines.
fn first_line(text: &str) -> String {
    let line = text.lines().next().unwrap_or("").trim();
    line.strip_prefix("error: ").unwrap_or(line).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(words: &str) -> Result<Route, String> {
        route(words, &Content::builtin(), &Settings::default())
    }

    #[test]
    fn the_command_line_grammar_names_exercises() {
        match run("breathe gentle --minutes 3") {
            Ok(Route::Breathe { pattern, length }) => {
                assert_eq!(pattern.id, "gentle");
                assert!(matches!(length, Length::Cycles(n) if n > 0), "{length:?}");
            }
            other => panic!("{other:?}"),
        }
        assert!(
            matches!(run("breathe"), Ok(Route::Breathe { pattern, length: Length::Forever }) if pattern.id == DEFAULT_PATTERN)
        );
        assert!(matches!(run("ground"), Ok(Route::Ground { .. })));
        assert!(
            matches!(run("relax 4-group"), Ok(Route::Relax { program }) if program.id == "4-group")
        );
        assert_eq!(run("kind"), Ok(Route::Kind));
        assert_eq!(run("  good "), Ok(Route::Good));
    }

    #[test]
    fn anything_else_says_why_in_one_line() {
        let unknown = run("breathe fast").unwrap_err();
        assert!(unknown.contains("no pattern `fast`"), "{unknown}");
        let flag = run("breathe --minutes soon").unwrap_err();
        assert!(!flag.contains('\n') && flag.contains("soon"), "{flag}");
        assert!(
            run("call my sister")
                .unwrap_err()
                .contains("soothe runs only")
        );
        assert!(
            run("relax in a bath").is_err(),
            "words after an exercise name stay words"
        );
        assert!(run("").is_err());
    }
}
