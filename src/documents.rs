//! The user's own documents (`<data>/plan.toml`, and the cards, practice
//! and beliefs to come): TOML that soothe edits and a person can edit by
//! hand. A save is one atomic replace: a temporary file in the same folder,
//! synced, renamed over the old one, and the folder synced, so a crash
//! leaves the old version or the new one, whole. The version from before
//! a session of editing is kept as `<name>.bak`. A file soothe cannot parse is never overwritten: it
//! is the person's, and the error says where it is wrong. Knows nothing of
//! terminals.

use std::fs::{DirBuilder, File, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde::de::DeserializeOwned;

/// What reading a document found.
#[derive(Debug, Clone, PartialEq)]
pub enum Loaded<T> {
    /// No file yet: the normal start.
    Missing,
    Read(T),
    /// There, but not a document soothe can read: left alone.
    Broken(String),
}

impl<T> Loaded<T> {
    /// The document, when it was read.
    pub fn read(&self) -> Option<&T> {
        match self {
            Loaded::Read(document) => Some(document),
            _ => None,
        }
    }

    /// What a screen edits: the document as read, or a fresh one (`new`)
    /// when there is none, and why the file could not be read, if it
    /// could not (then the screen writes nothing).
    pub fn for_editing(&self, new: impl FnOnce() -> T) -> (T, Option<String>)
    where
        T: Clone,
    {
        match self {
            Loaded::Read(document) => (document.clone(), None),
            Loaded::Missing => (new(), None),
            Loaded::Broken(why) => (new(), Some(why.clone())),
        }
    }

    pub fn broken(&self) -> Option<&str> {
        match self {
            Loaded::Broken(why) => Some(why),
            _ => None,
        }
    }
}

/// "plan.toml:3:7: invalid type…": where a parse failed, 1-based.
fn located(path: &Path, text: &str, err: &toml::de::Error) -> String {
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let message = err.message().trim().to_string();
    match err.span() {
        Some(span) => {
            let before = &text[..span.start.min(text.len())];
            let line = before.matches('\n').count() + 1;
            let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            format!("{name}:{line}:{col}: {message}")
        }
        None => format!("{name}: {message}"),
    }
}

/// Reads the document at `path`.
pub fn load<T: DeserializeOwned>(path: &Path) -> Loaded<T> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Loaded::Missing,
        Err(err) => return Loaded::Broken(format!("{}: {err}", path.display())),
    };
    match toml::from_str(&text) {
        Ok(document) => Loaded::Read(document),
        Err(err) => Loaded::Broken(located(path, &text, &err)),
    }
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(suffix);
    path.with_file_name(name)
}

/// Writes `bytes` to a new file beside `path` and syncs it: the step before
/// a rename.
fn write_beside(path: &Path, suffix: &str, bytes: &[u8]) -> io::Result<PathBuf> {
    // Named for this process, created afresh: two soothes saving at once
    // never write into one temporary file.
    let temp = with_suffix(path, &format!("{suffix}.{}", std::process::id()));
    let _ = std::fs::remove_file(&temp);
    let mut file = OpenOptions::new()
        .create_new(true)
        .write(true)
        .mode(0o600)
        .open(&temp)?;
    file.write_all(bytes)?;
    file.sync_all()?;
    Ok(temp)
}

/// Saves `document` at `path` with `header` (comment lines) above it: the
/// old version becomes `.bak`, the new one replaces it atomically. Refuses,
/// changing nothing, when the file there does not parse as `T`.
pub fn save<T: Serialize + DeserializeOwned>(
    path: &Path,
    header: &str,
    document: &T,
) -> Result<(), String> {
    save_with(path, header, document, true)
}

/// As [`save`]; `backup` false leaves the `.bak` there as it is.
fn save_with<T: Serialize + DeserializeOwned>(
    path: &Path,
    header: &str,
    document: &T,
    backup: bool,
) -> Result<(), String> {
    let shown = |err: io::Error| format!("{}: {err}", path.display());
    if let Loaded::Broken(why) = load::<T>(path) {
        return Err(format!("{why} (the file was left as it is)"));
    }
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty());
    if let Some(dir) = dir {
        DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
            .map_err(shown)?;
    }
    let body = toml::to_string(document).map_err(|err| err.to_string())?;
    let text = format!("{header}{body}");
    if backup && let Ok(previous) = std::fs::read(path) {
        // The backup is replaced atomically too: never a half `.bak`.
        let temp = write_beside(path, ".bak.tmp", &previous).map_err(shown)?;
        std::fs::rename(&temp, with_suffix(path, ".bak")).map_err(shown)?;
    }
    let temp = write_beside(path, ".tmp", text.as_bytes()).map_err(shown)?;
    std::fs::rename(&temp, path).map_err(shown)?;
    if let Some(dir) = dir {
        // The rename itself is durable only once the folder is synced.
        File::open(dir).and_then(|d| d.sync_all()).map_err(shown)?;
    }
    Ok(())
}

/// A document being edited in soothe: the version waiting to be saved,
/// and what the file held when soothe last read or wrote it.
#[derive(Debug, Clone)]
pub struct Pending<T> {
    pub to_save: Option<T>,
    pub on_disk: Loaded<T>,
    /// Why the last change was not saved, if it was refused: said at exit.
    pub refused: Option<String>,
    /// The `.bak` was made this run: it keeps the version from before the
    /// session, not from before the last keystroke.
    backed_up: bool,
}

impl<T> Pending<T> {
    pub fn new(on_disk: Loaded<T>) -> Pending<T> {
        Pending {
            to_save: None,
            on_disk,
            refused: None,
            backed_up: false,
        }
    }
}

/// Saves what waits in `pending`, if anything. A file changed by hand since
/// soothe read it is not written over; a save that failed waits for the
/// next try (unless a newer version came meanwhile).
pub fn save_pending<T>(
    pending: &mut Pending<T>,
    path: Option<&Path>,
    header: &str,
) -> Result<(), String>
where
    T: Serialize + DeserializeOwned + PartialEq + Clone,
{
    let Some(document) = pending.to_save.take() else {
        return Ok(());
    };
    let path = path.ok_or("there is no data folder (use --data-dir)")?;
    // (A file that does not parse is refused by the save itself.)
    let on_disk: Loaded<T> = load(path);
    if matches!(on_disk, Loaded::Read(_)) && on_disk != pending.on_disk {
        let why = format!(
            "{} was changed outside soothe since it was opened, so it was not written over",
            path.display()
        );
        pending.refused = Some(why.clone());
        return Err(format!("{why} (your change is still on screen)"));
    }
    match save_with(path, header, &document, !pending.backed_up) {
        Ok(()) => {
            pending.on_disk = Loaded::Read(document);
            pending.refused = None;
            pending.backed_up = true;
            Ok(())
        }
        Err(why) => {
            pending.to_save.get_or_insert(document);
            Err(why)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;
    use std::os::unix::fs::PermissionsExt;

    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    struct Doc {
        version: u32,
        lines: Vec<String>,
    }

    fn doc(lines: &[&str]) -> Doc {
        Doc {
            version: 1,
            lines: lines.iter().map(|l| l.to_string()).collect(),
        }
    }

    #[test]
    fn a_save_replaces_whole_and_keeps_the_previous_as_bak() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("data/plan.toml");
        assert_eq!(load::<Doc>(&path), Loaded::Missing);
        save(&path, "# mine\n", &doc(&["first"])).unwrap();
        save(&path, "# mine\n", &doc(&["second", "ünïcode 🌿"])).unwrap();
        assert_eq!(
            load::<Doc>(&path),
            Loaded::Read(doc(&["second", "ünïcode 🌿"]))
        );
        let bak = with_suffix(&path, ".bak");
        assert_eq!(load::<Doc>(&bak), Loaded::Read(doc(&["first"])));
        assert!(
            std::fs::read_to_string(&path)
                .unwrap()
                .starts_with("# mine\n")
        );
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(&bak), 0o600);
        assert_eq!(mode(path.parent().unwrap()), 0o700);
        // No temporary file is left behind.
        let names: Vec<String> = std::fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names.len(), 2, "{names:?}");
    }

    #[test]
    fn the_backup_of_a_session_is_the_version_from_before_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.toml");
        save(&path, "", &doc(&["before the session"])).unwrap();
        let mut pending = Pending::new(load::<Doc>(&path));
        for line in ["first change", "second change"] {
            pending.to_save = Some(doc(&[line]));
            save_pending(&mut pending, Some(&path), "").unwrap();
        }
        assert_eq!(load::<Doc>(&path), Loaded::Read(doc(&["second change"])));
        let bak = with_suffix(&path, ".bak");
        assert_eq!(
            load::<Doc>(&bak),
            Loaded::Read(doc(&["before the session"]))
        );
    }

    #[test]
    fn a_file_that_does_not_parse_is_located_and_never_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.toml");
        let by_hand = "version = 1\nlines = [\"ok\",\n  oops ]\n";
        std::fs::write(&path, by_hand).unwrap();
        let why = load::<Doc>(&path).broken().unwrap().to_string();
        assert!(why.starts_with("plan.toml:3:3: "), "{why}");
        let refused = save(&path, "", &doc(&["new"])).unwrap_err();
        assert!(
            refused.contains("plan.toml:3:3") && refused.contains("left as it is"),
            "{refused}"
        );
        assert_eq!(std::fs::read_to_string(&path).unwrap(), by_hand);
        assert!(!with_suffix(&path, ".bak").exists());
    }
}
