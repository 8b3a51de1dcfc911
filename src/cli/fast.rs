//! The launch fast path for the two ways in when anxiety spikes, `soothe`
//! and `soothe breathe [PATTERN]`: read without building clap's whole
//! command tree, which costs about 0.4 ms of a 2 ms launch with 31
//! subcommands and their global options. Anything else, or anything this
//! is not sure of, is clap's; a test holds both to the same answer.

use std::ffi::OsString;

use super::{BreatheArgs, Cli, Command, Options};

/// The command line as clap would read it, when it is one of the two fast
/// forms; `None` sends it to clap. `env` reads the two folder variables
/// (clap's `env =` on `--config-dir` and `--data-dir`).
pub fn parse(args: &[OsString], env: &dyn Fn(&str) -> Option<OsString>) -> Option<Cli> {
    let words: Vec<&str> = args
        .iter()
        .skip(1)
        .map(|a| a.to_str())
        .collect::<Option<_>>()?;
    let command = match words.as_slice() {
        [] => None,
        ["breathe"] => Some(Command::Breathe(BreatheArgs {
            pattern: None,
            cycles: None,
            minutes: None,
        })),
        ["breathe", pattern] if !pattern.is_empty() && !pattern.starts_with('-') => {
            Some(Command::Breathe(BreatheArgs {
                pattern: Some((*pattern).to_string()),
                cycles: None,
                minutes: None,
            }))
        }
        _ => return None,
    };
    // clap refuses a folder variable that is set but empty: let it say so.
    let (config_dir, data_dir) = (env("SOOTHE_CONFIG_DIR"), env("SOOTHE_DATA_DIR"));
    if [&config_dir, &data_dir]
        .iter()
        .any(|v| v.as_ref().is_some_and(|v| v.is_empty()))
    {
        return None;
    }
    Some(Cli {
        command,
        options: Options {
            reduced_motion: false,
            no_color: false,
            theme: None,
            bell: false,
            no_bell: false,
            no_checkin: false,
            plain: false,
            config_dir: config_dir.map(Into::into),
            data_dir: data_dir.map(Into::into),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    fn os(args: &[&str]) -> Vec<OsString> {
        args.iter().map(OsString::from).collect()
    }

    #[test]
    fn the_fast_forms_read_as_clap_reads_them_and_the_rest_go_to_clap() {
        if std::env::var_os("SOOTHE_CONFIG_DIR").is_some()
            || std::env::var_os("SOOTHE_DATA_DIR").is_some()
        {
            // clap would read them; the comparison needs both to see none.
            return;
        }
        for args in [
            vec!["soothe"],
            vec!["soothe", "breathe"],
            vec!["soothe", "breathe", "gentle"],
            vec!["soothe", "breathe", "help"],
            vec!["soothe", "breathe", "🌙"],
        ] {
            let fast = parse(&os(&args), &|_| None).expect("a fast form");
            let clap = Cli::try_parse_from(&args).unwrap();
            assert_eq!(format!("{fast:?}"), format!("{clap:?}"), "{args:?}");
        }
        for args in [
            vec!["soothe", "--plain"],
            vec!["soothe", "breathe", "--cycles", "2"],
            vec!["soothe", "breathe", "-h"],
            vec!["soothe", "breathe", "gentle", "extra"],
            vec!["soothe", "breathe", ""],
            vec!["soothe", "ground"],
            vec!["soothe", "--help"],
            vec!["soothe", "-V"],
            vec!["soothe", "breathe", "--", "x"],
        ] {
            assert!(parse(&os(&args), &|_| None).is_none(), "{args:?} is clap's");
        }
    }

    #[test]
    fn the_folder_variables_are_read_and_an_empty_one_is_left_to_clap() {
        let env = |name: &str| match name {
            "SOOTHE_CONFIG_DIR" => Some(OsString::from("/c")),
            _ => None,
        };
        let cli = parse(&os(&["soothe", "breathe"]), &env).unwrap();
        assert_eq!(cli.options.config_dir, Some("/c".into()));
        assert_eq!(cli.options.data_dir, None);
        let empty = |name: &str| (name == "SOOTHE_DATA_DIR").then(OsString::new);
        assert!(
            parse(&os(&["soothe", "breathe"]), &empty).is_none(),
            "clap says what is wrong with it"
        );
    }
}
