//! What packagers rely on: `scripts/assets` writes every generated file
//! that `[package.metadata.deb]` installs; the LICENSE matches Cargo.toml;
//! the CHANGELOG and README name the MSRV that `rust-version` says.

use std::path::Path;
use std::process::Command;

fn manifest() -> toml::Table {
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml")).unwrap();
    text.parse().unwrap()
}

fn read(name: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(name)).unwrap()
}

#[test]
fn the_asset_script_writes_everything_the_debian_package_installs() {
    let out = tempfile::tempdir().unwrap();
    let status = Command::new(Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/assets"))
        .env("SOOTHE", env!("CARGO_BIN_EXE_soothe"))
        .env("OUT", out.path())
        .status()
        .unwrap();
    assert!(status.success());
    let package = &manifest()["package"];
    let assets = package["metadata"]["deb"]["assets"].as_array().unwrap();
    let mut generated = 0;
    for asset in assets {
        let from = asset[0].as_str().unwrap();
        if let Some(name) = from.strip_prefix("target/assets/") {
            let file = out.path().join(name);
            let text =
                std::fs::read_to_string(&file).unwrap_or_else(|_| panic!("{from} not written"));
            assert!(!text.is_empty(), "{from} is empty");
            generated += 1;
        } else if from != "target/release/soothe" {
            assert!(
                Path::new(env!("CARGO_MANIFEST_DIR")).join(from).exists(),
                "{from}"
            );
        }
    }
    assert_eq!(generated, 4, "the man page and three completions");
    assert!(read_text(&out.path().join("soothe.1")).contains(".SH ENVIRONMENT"));
}

fn read_text(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap()
}

#[test]
fn license_changelog_and_msrv_agree_with_cargo_toml() {
    let package = &manifest()["package"];
    assert_eq!(package["license"].as_str(), Some("MIT"));
    assert!(read("LICENSE").starts_with("MIT License"));
    let changelog = read("CHANGELOG.md");
    assert!(changelog.contains("## [Unreleased]"), "Keep a Changelog");
    let msrv = package["rust-version"].as_str().unwrap();
    assert!(
        read("README.md").contains(&format!("Rust {msrv} or later")),
        "the README names the MSRV"
    );
    assert!(
        changelog.contains(&format!("Rust {msrv}")),
        "so does the CHANGELOG"
    );
}
