//! The README's pictures, made from the same states the snapshot tests
//! draw: the pacer on the out-breath, grounding with typed things, history.
//! Stale pictures fail this test; `scripts/pictures` writes them again
//! (SOOTHE_UPDATE_PICTURES=1).

use crate::support::*;

fn buffer(app: &App, now: Instant) -> ratatui::buffer::Buffer {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal
        .draw(|frame| {
            app.render(now, frame.area(), frame.buffer_mut());
        })
        .unwrap();
    terminal.backend().buffer().clone()
}

fn picture(name: &str, title: &str, app: &App, now: Instant) {
    let svg = soothe::testing::svg::render(&buffer(app, now), title);
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("docs")
        .join(format!("{name}.svg"));
    if std::env::var("SOOTHE_UPDATE_PICTURES").as_deref() == Ok("1") {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &svg).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == svg,
        "docs/{name}.svg is stale: run scripts/pictures and commit it"
    );
}

#[test]
fn the_readme_pictures_are_the_current_renders() {
    let t0 = Instant::now();
    // As `breathe_exhale_three_quarters`.
    let mut pacer = breathe("4-4-6", Length::Forever, t0);
    live(&mut pacer, t0, t0 + ms(14_000 + 12_500));
    picture(
        "pacer",
        "soothe breathe: the pacer on the out-breath",
        &pacer,
        t0 + ms(26_500),
    );
    // As `ground_with_wide_items_typed`, in plain words (no emoji: the
    // reader's font may have none).
    let mut grounding = ground("5-4-3-2-1");
    for item in ["the window", "a green mug"] {
        type_text(&mut grounding, item, t0);
        press(&mut grounding, KeyCode::Enter, t0);
    }
    type_text(&mut grounding, "the lamp by the door", t0);
    picture(
        "grounding",
        "soothe ground: five things you can see",
        &grounding,
        t0,
    );
    // As `history_with_a_journal_and_empty`.
    picture(
        "history",
        "soothe history: what helps you most",
        &history_app(Some("sample.jsonl")),
        t0,
    );
}
