//! Settings from `<config>/config.toml`, written only by the user. Parsing
//! is strict and every problem is located like a content problem; a bad
//! value falls back to its default and never stops an exercise. Knows
//! nothing of terminals.

use std::path::Path;

use serde::Deserialize;
use toml::Spanned;
use toml::de::DeValue;

use crate::content::Problem;
use crate::content::say::Say;
use crate::content::validate::Checker;
use crate::sanitize;

const MAX_CONTACTS: usize = 10;
const MAX_CONTACT_NAME: usize = 40;
const MAX_CONTACT_REACH: usize = 80;

/// Someone to reach when it is too much, as the user wrote them down.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contact {
    pub name: String,
    /// How to reach them: a number, "text", a room, whatever the user wrote.
    pub reach: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// The pattern Enter and `soothe breathe` start (when it exists).
    pub default_pattern: Option<String>,
    /// `None`: not set, so the bell stays off unless `--bell`.
    pub bell: Option<bool>,
    pub reduced_motion: bool,
    /// Ask how strong the distress is, before and after.
    pub checkins: bool,
    /// Keep the words typed into grounding in the journal.
    pub save_text: bool,
    /// Plain lines instead of a screen, always (for screen readers).
    pub plain: bool,
    pub theme: ThemeChoice,
    pub contacts: Vec<Contact>,
    /// Send rules switched off, by id.
    pub send_rules_off: Vec<String>,
}

/// Which palette: `auto` picks by the terminal's background.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum ThemeChoice {
    /// `calm` on a dark or unknown background, `terminal` on a light one (COLORFGBG)
    #[default]
    Auto,
    /// Soft 256-colour tones (the default on dark backgrounds)
    Calm,
    /// The terminal's own 16 colours with bold, dim and reverse: follows your scheme
    Terminal,
    /// Default foreground, bold, reverse selection, no dim
    HighContrast,
    /// No colour at all (what NO_COLOR selects)
    Mono,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            default_pattern: None,
            bell: None,
            reduced_motion: false,
            checkins: true,
            save_text: false,
            plain: false,
            theme: ThemeChoice::Auto,
            contacts: Vec::new(),
            send_rules_off: Vec::new(),
        }
    }
}

/// `soothe config --template`: every setting at its default, commented, so
/// writing `config.toml` stays the person's own act.
pub const TEMPLATE: &str = r#"# soothe's settings, each at its default. soothe never writes this file:
# save it as the config.toml that `soothe paths` shows, then change what
# you like. Flags on the command line win over it; a mistake here is
# reported (file, line:col, the setting) and only that setting falls back.

# The pattern Enter and `soothe breathe` start (ids: `soothe patterns --ids`).
# default_pattern = "4-4-6"

# Ring the terminal bell on phase changes: once to breathe in, twice out.
bell = false

# No animation: the screen changes only when the phase or the second does.
reduced_motion = false

# Ask how strong the distress is, before and after an exercise.
checkins = true

# Keep what you type (grounding items, a break's message, a draft) in the
# journal. Off, only counts and ratings are kept.
save_text = false

# Colours: auto (calm on dark backgrounds, terminal on light ones, from
# COLORFGBG), calm, terminal, high-contrast, mono.
theme = "auto"

# Plain lines, never a full screen (for screen readers).
plain = false

# Send rules to switch off, by id (see content/send.toml).
send_rules_off = []

# People to reach when it is too much, shown first on Support (`!`).
# [[support.contacts]]
# name = "Sam"
# reach = "call or text 555 0100"
"#;

/// Every key `config.toml` may hold.
pub const KEYS: [&str; 9] = [
    "default_pattern",
    "bell",
    "reduced_motion",
    "checkins",
    "save_text",
    "theme",
    "plain",
    "support",
    "send_rules_off",
];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawContact {
    name: Spanned<String>,
    reach: Spanned<String>,
}

pub struct Loaded {
    pub settings: Settings,
    pub problems: Vec<Problem>,
}

/// Reads the settings file if there is one. A missing file is the normal
/// case (defaults); anything unreadable becomes a problem, never an error.
pub fn load(path: Option<&Path>, pattern_ids: &[&str]) -> Loaded {
    let Some(path) = path else {
        return Loaded {
            settings: Settings::default(),
            problems: Vec::new(),
        };
    };
    match std::fs::read_to_string(path) {
        Ok(text) => parse(&path.display().to_string(), &text, pattern_ids),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => Loaded {
            settings: Settings::default(),
            problems: Vec::new(),
        },
        Err(err) => Loaded {
            settings: Settings::default(),
            problems: vec![Problem {
                file: path.display().to_string(),
                position: None,
                field: None,
                message: err.to_string(),
            }],
        },
    }
}

/// Parses settings text. `name` is how the file is shown in problems;
/// `pattern_ids` are the patterns `default_pattern` may name.
pub fn parse(name: &str, text: &str, pattern_ids: &[&str]) -> Loaded {
    let mut checker = Checker::new(name, text);
    let mut settings = Settings::default();
    // Each key on its own: a bad value falls back to its default alone.
    for (key, value) in checker.table(&KEYS).unwrap_or_default() {
        match key.as_str() {
            "default_pattern" => {
                settings.default_pattern = checker
                    .entry::<Spanned<String>>(value)
                    .and_then(|id| known_pattern(&mut checker, id, pattern_ids));
            }
            "bell" => settings.bell = checker.entry(value),
            "reduced_motion" => flag(&mut checker, value, &mut settings.reduced_motion),
            "checkins" => flag(&mut checker, value, &mut settings.checkins),
            "save_text" => flag(&mut checker, value, &mut settings.save_text),
            "plain" => flag(&mut checker, value, &mut settings.plain),
            "theme" => {
                if let Some(theme) = checker.entry::<ThemeChoice>(value) {
                    settings.theme = theme;
                }
            }
            "support" => settings.contacts = contacts(&mut checker, value),
            "send_rules_off" => {
                if let Some(ids) = checker.entry::<Vec<String>>(value) {
                    settings.send_rules_off = ids;
                }
            }
            _ => {}
        }
    }
    Loaded {
        settings,
        problems: checker.into_problems(),
    }
}

/// A true/false setting: the default stays when the value is not one.
fn flag<'a>(checker: &mut Checker<'a>, value: Spanned<DeValue<'a>>, setting: &mut bool) {
    if let Some(value) = checker.entry(value) {
        *setting = value;
    }
}

fn known_pattern(
    checker: &mut Checker,
    id: Spanned<String>,
    pattern_ids: &[&str],
) -> Option<String> {
    if pattern_ids.contains(&id.get_ref().as_str()) {
        return Some(id.into_inner());
    }
    checker.report(
        Some(id.span()),
        Some("default_pattern".into()),
        Say::UnknownPattern {
            id: &sanitize::line(id.get_ref()),
            ids: pattern_ids,
        },
    );
    None
}

/// The contacts of `[support]`, each read on its own: one with a problem
/// is left out, the others stay.
fn contacts<'a>(checker: &mut Checker<'a>, support: Spanned<DeValue<'a>>) -> Vec<Contact> {
    let span = support.span();
    let DeValue::Table(table) = support.into_inner() else {
        checker.report(Some(span), Some("support".into()), Say::NotATable);
        return Vec::new();
    };
    let mut list = Vec::new();
    for (key, value) in table {
        if key.get_ref() != "contacts" {
            let shown = format!("support.{}", sanitize::line(key.get_ref()));
            let message = Say::UnknownKey {
                key: &sanitize::line(key.get_ref()),
                expected: &["contacts"],
            };
            checker.report(Some(key.span()), Some(shown), message);
            continue;
        }
        let span = value.span();
        match value.into_inner() {
            DeValue::Array(items) => list = items.to_vec(),
            _ => checker.report(Some(span), Some("support.contacts".into()), Say::NotAList),
        }
    }
    checker.list_size(
        Some(span),
        "support.contacts".into(),
        list.len(),
        (0, MAX_CONTACTS),
        "contacts",
    );
    let mut contacts = Vec::new();
    for (i, value) in list.into_iter().take(MAX_CONTACTS).enumerate() {
        let before = checker.problems_count();
        let Some(contact) = checker.entry::<RawContact>(value) else {
            continue;
        };
        let at = format!("support.contacts[{i}]");
        let name = checker.text(&contact.name, format!("{at}.name"), MAX_CONTACT_NAME);
        let reach = checker.text(&contact.reach, format!("{at}.reach"), MAX_CONTACT_REACH);
        if checker.problems_count() == before {
            contacts.push(Contact { name, reach });
        }
    }
    contacts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_template_is_every_setting_at_its_default() {
        let loaded = parse("template", TEMPLATE, &["4-4-6"]);
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems.len());
        let read = loaded.settings;
        let default = Settings::default();
        assert_eq!(read.bell.unwrap_or(false), default.bell.unwrap_or(false));
        assert_eq!(
            (
                read.reduced_motion,
                read.checkins,
                read.save_text,
                read.plain
            ),
            (
                default.reduced_motion,
                default.checkins,
                default.save_text,
                default.plain
            )
        );
        assert_eq!(read.theme, default.theme);
        assert_eq!(read.default_pattern, default.default_pattern);
        assert_eq!(read.send_rules_off, default.send_rules_off);
        for key in KEYS {
            assert!(
                TEMPLATE.contains(&format!("{key} =")) || TEMPLATE.contains(&format!("[[{key}.")),
                "{key} is missing"
            );
        }
        // Uncommented, the example contact is read too.
        let uncommented = TEMPLATE
            .replace("# [[support", "[[support")
            .replace("# name", "name")
            .replace("# reach", "reach");
        assert_eq!(
            parse("t", &uncommented, &["4-4-6"]).settings.contacts.len(),
            1
        );
    }

    const IDS: &[&str] = &["4-4-6", "gentle"];

    fn problems(text: &str) -> Vec<String> {
        parse("config.toml", text, IDS)
            .problems
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn every_setting_is_read() {
        let loaded = parse(
            "config.toml",
            r#"default_pattern = "gentle"
bell = true
reduced_motion = true
checkins = false
save_text = true
send_rules_off = ["absolutes", "wall"]

[[support.contacts]]
name = "Sam"
reach = "text 555 0100"
"#,
            IDS,
        );
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems.len());
        let s = loaded.settings;
        assert_eq!(s.default_pattern.as_deref(), Some("gentle"));
        assert_eq!(s.bell, Some(true));
        assert!(s.reduced_motion && !s.checkins && s.save_text);
        assert_eq!(s.send_rules_off, ["absolutes", "wall"]);
        assert_eq!(
            s.contacts,
            [Contact {
                name: "Sam".into(),
                reach: "text 555 0100".into()
            }]
        );
    }

    #[test]
    fn an_empty_or_missing_file_means_defaults() {
        assert_eq!(parse("c", "", IDS).settings, Settings::default());
        let dir = tempfile::tempdir().unwrap();
        let loaded = load(Some(&dir.path().join("config.toml")), IDS);
        assert!(loaded.problems.is_empty());
        assert_eq!(loaded.settings, Settings::default());
    }

    #[test]
    fn bad_values_fall_back_and_are_located() {
        assert_eq!(
            problems("default_pattern = \"nope\"\nbell = true\n"),
            [
                "config.toml:1:19: default_pattern: there is no pattern `nope`; choose one of: 4-4-6, gentle"
            ]
        );
        let loaded = parse("c", "default_pattern = \"nope\"\nbell = true\n", IDS);
        assert_eq!(loaded.settings.default_pattern, None);
        assert_eq!(loaded.settings.bell, Some(true), "the good setting stays");
        assert_eq!(
            problems("[[support.contacts]]\nname = \"\"\nreach = \"x\"\n"),
            ["config.toml:2:8: support.contacts[0].name: must not be empty"]
        );
    }

    #[test]
    fn one_bad_contact_leaves_the_others() {
        let text = "[[support.contacts]]\nname = \"Sam\"\nreach = \"text\"\nrole = \"x\"\n\n[[support.contacts]]\nname = \"Ana\"\nreach = \"call\"\n";
        let loaded = parse("config.toml", text, IDS);
        assert_eq!(loaded.settings.contacts.len(), 1);
        assert_eq!(loaded.settings.contacts[0].name, "Ana");
        assert_eq!(
            loaded
                .problems
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>(),
            [
                "config.toml:4:1: support.contacts[0].role: unknown field `role`, expected `name` or `reach`"
            ]
        );
    }

    #[test]
    fn a_wrong_type_falls_back_alone() {
        let text = "bell = \"yes\"\ndefault_pattern = \"gentle\"\ncheckins = false\ncolour = \"blue\"\ntheme = \"high-contrast\"\nplain = 3\n";
        let loaded = parse("config.toml", text, IDS);
        assert_eq!(
            loaded
                .problems
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>(),
            [
                "config.toml:1:8: bell: invalid type: string \"yes\", expected a boolean",
                "config.toml:4:1: colour: unknown field `colour`, expected one of `default_pattern`, `bell`, `reduced_motion`, `checkins`, `save_text`, `theme`, `plain`, `support`, `send_rules_off`",
                "config.toml:6:9: plain: invalid type: integer `3`, expected a boolean",
            ]
        );
        let s = loaded.settings;
        assert_eq!(s.bell, None, "only bell falls back");
        assert_eq!(s.default_pattern.as_deref(), Some("gentle"));
        assert!(!s.checkins);
        assert_eq!(s.theme, ThemeChoice::HighContrast);
        assert!(!s.plain);
    }
}
