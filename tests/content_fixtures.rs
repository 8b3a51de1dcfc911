//! Every invalid content or settings fixture produces exactly the messages
//! written in its `# expect:` lines, and every valid fixture loads cleanly.

use std::path::{Path, PathBuf};

use soothe::content::{Origin, parse_file};

fn fixtures(kind: &str) -> Vec<PathBuf> {
    fixtures_in("content", kind)
}

fn fixtures_in(what: &str, kind: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(what)
        .join(kind);
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    files
}

fn problems(path: &Path) -> (String, Vec<String>) {
    let text = std::fs::read_to_string(path).unwrap();
    let name = path.file_name().unwrap().to_str().unwrap();
    let parsed = parse_file(name, &text, Origin::BuiltIn);
    (
        text,
        parsed.problems.iter().map(ToString::to_string).collect(),
    )
}

fn settings_problems(path: &Path) -> (String, Vec<String>) {
    let text = std::fs::read_to_string(path).unwrap();
    let name = path.file_name().unwrap().to_str().unwrap();
    let content = soothe::content::Content::builtin();
    let loaded = soothe::settings::parse(name, &text, &content.pattern_ids());
    (
        text,
        loaded.problems.iter().map(ToString::to_string).collect(),
    )
}

fn expected(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|line| line.strip_prefix("# expect: "))
        .map(str::to_string)
        .collect()
}

#[test]
fn each_invalid_settings_fixture_gives_its_expected_messages() {
    let files = fixtures_in("settings", "invalid");
    assert!(files.len() >= 5, "fixtures went missing");
    for path in files {
        let (text, found) = settings_problems(&path);
        assert_eq!(found, expected(&text), "{}", path.display());
    }
    for path in fixtures_in("settings", "valid") {
        let (_, found) = settings_problems(&path);
        assert!(found.is_empty(), "{}: {found:?}", path.display());
    }
}

#[test]
fn each_invalid_fixture_gives_its_expected_messages() {
    let files = fixtures("invalid");
    assert!(files.len() >= 15, "fixtures went missing");
    for path in files {
        let (text, found) = problems(&path);
        let expected: Vec<String> = text
            .lines()
            .filter_map(|line| line.strip_prefix("# expect: "))
            .map(str::to_string)
            .collect();
        assert!(
            !expected.is_empty(),
            "{} has no `# expect:` line",
            path.display()
        );
        assert_eq!(found, expected, "{}", path.display());
    }
}

#[test]
fn valid_fixtures_load_without_problems() {
    for path in fixtures("valid") {
        let (_, found) = problems(&path);
        assert!(found.is_empty(), "{}: {found:?}", path.display());
    }
}
