//! Render snapshots: each screen in its key states at 80x24 and 40x12, plus
//! the smallest sizes, drawn through ratatui's TestBackend at fixed instants.

use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use soothe::app::App;
use soothe::content::Content;
use soothe::exercise::timeline::Length;
use soothe::screen::{Ctx, Route};
use soothe::ui::Theme;

fn ctx(content: Content) -> Ctx {
    soothe::testing::ctx_with(content)
}

fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

fn press(app: &mut App, code: KeyCode, now: Instant) {
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE), now);
    app.advance(now);
}

/// Advances the way the event loop does, never leaving a stall-sized gap.
fn live(app: &mut App, from: Instant, to: Instant) {
    let mut t = from;
    app.advance(t);
    while t < to {
        t = (t + ms(250)).min(to);
        app.advance(t);
    }
}

/// The screen as text; where a text cursor shows, a last line says where.
fn draw(app: &App, now: Instant, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    let mut cursor = None;
    terminal
        .draw(|frame| cursor = app.render(now, frame.area(), frame.buffer_mut()))
        .unwrap();
    let mut text = terminal.backend().to_string();
    if let Some(at) = cursor {
        text.push_str(&format!("cursor at column {}, row {}\n", at.x, at.y));
    }
    text
}

fn both_sizes(name: &str, app: &App, now: Instant) {
    insta::assert_snapshot!(format!("{name}_80x24"), draw(app, now, 80, 24));
    insta::assert_snapshot!(format!("{name}_40x12"), draw(app, now, 40, 12));
}

fn home() -> App {
    App::home(ctx(Content::builtin()))
}

fn breathe(id: &str, length: Length, t0: Instant) -> App {
    let ctx = ctx(Content::builtin());
    let pattern = ctx.content.pattern(id).unwrap().clone();
    App::direct(ctx, Route::Breathe { pattern, length }, t0)
}

#[test]
fn home_screen() {
    let app = home();
    both_sizes("home", &app, Instant::now());
}

#[test]
fn home_with_a_broken_user_file_shows_one_quiet_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("mine.toml"), "version = 1\n[[patterns]\n").unwrap();
    let ctx = ctx(Content::load(Some(dir.path())));
    let app = App::home(ctx);
    insta::assert_snapshot!(draw(&app, Instant::now(), 80, 24));
}

/// From home: down to Patterns and in.
fn open_patterns(app: &mut App, t0: Instant) {
    for _ in 0..4 {
        press(app, KeyCode::Down, t0);
    }
    press(app, KeyCode::Enter, t0);
}

#[test]
fn pattern_chooser() {
    let mut app = home();
    let t0 = Instant::now();
    open_patterns(&mut app, t0);
    press(&mut app, KeyCode::Down, t0);
    both_sizes("patterns", &app, t0);
}

#[test]
fn breathe_inhale_half_way() {
    let t0 = Instant::now();
    let mut app = breathe("4-4-6", Length::Forever, t0);
    live(&mut app, t0, t0 + ms(2000));
    both_sizes("breathe_inhale_half", &app, t0 + ms(2000));
}

#[test]
fn breathe_hold_in_the_second_cycle() {
    let t0 = Instant::now();
    let mut app = breathe("4-4-6", Length::Forever, t0);
    live(&mut app, t0, t0 + ms(14_000 + 5200));
    both_sizes("breathe_hold", &app, t0 + ms(19_200));
}

#[test]
fn breathe_exhale_three_quarters() {
    let t0 = Instant::now();
    let mut app = breathe("4-4-6", Length::Forever, t0);
    live(&mut app, t0, t0 + ms(14_000 + 12_500));
    insta::assert_snapshot!(draw(&app, t0 + ms(26_500), 80, 24));
}

#[test]
fn breathe_paused() {
    let t0 = Instant::now();
    let mut app = breathe("4-4-6", Length::Forever, t0);
    live(&mut app, t0, t0 + ms(16_500));
    press(&mut app, KeyCode::Char(' '), t0 + ms(16_500));
    both_sizes("breathe_paused", &app, t0 + ms(90_000));
}

#[test]
fn breathe_with_set_minutes_says_the_plan() {
    let t0 = Instant::now();
    let cycles = Length::whole_cycles_within(2.1, 14_000);
    let mut app = breathe("4-4-6", cycles, t0);
    live(&mut app, t0, t0 + ms(1000));
    insta::assert_snapshot!(draw(&app, t0 + ms(1000), 80, 24));
}

#[test]
fn breathe_summary() {
    let t0 = Instant::now();
    let mut app = breathe("coherent", Length::Cycles(3), t0);
    live(&mut app, t0, t0 + ms(33_000));
    both_sizes("breathe_summary", &app, t0 + ms(33_000));
}

#[test]
fn breathe_help_overlay() {
    let t0 = Instant::now();
    let mut app = breathe("4-4-6", Length::Forever, t0);
    live(&mut app, t0, t0 + ms(1000));
    press(&mut app, KeyCode::Char('?'), t0 + ms(1000));
    both_sizes("breathe_help", &app, t0 + ms(1000));
}

#[test]
fn breathe_degrades_to_words_and_seconds() {
    let t0 = Instant::now();
    let mut app = breathe("4-4-6", Length::Forever, t0);
    live(&mut app, t0, t0 + ms(5000));
    let now = t0 + ms(5000);
    insta::assert_snapshot!("breathe_20x6", draw(&app, now, 20, 6));
    insta::assert_snapshot!("breathe_12x2", draw(&app, now, 12, 2));
    insta::assert_snapshot!("breathe_14x1", draw(&app, now, 14, 1));
}

#[test]
fn too_small_screens_ask_kindly_and_never_panic() {
    let t0 = Instant::now();
    let mut app = breathe("4-4-6", Length::Forever, t0);
    live(&mut app, t0, t0 + ms(1000));
    insta::assert_snapshot!("breathe_too_small_8x3", draw(&app, t0, 8, 3));
    insta::assert_snapshot!("home_too_small_30x4", draw(&home(), t0, 30, 4));
    // Every size from nothing up: no panic, whatever the screen.
    let mut menu = home();
    open_patterns(&mut menu, t0);
    for app in [&app, &home(), &menu] {
        for width in 1..=45 {
            for height in 1..=14 {
                draw(app, t0 + ms(1000), width, height);
            }
        }
    }
}

#[test]
fn user_text_with_wide_characters_and_escapes_stays_in_its_lines() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("wide.toml"),
        "version = 1\n[[patterns]]\nid = \"wide\"\nname = \"深い呼吸 🌊 \\u001b[31mred\"\n\
         description = \"ゆっくり吸って、ゆっくり吐く。🌿 Long text that goes on and on and on to be cut by width.\"\n\
         phases = [{ kind = \"inhale\", seconds = 4 }, { kind = \"exhale\", seconds = 6 }]\n",
    )
    .unwrap();
    let content = Content::load(Some(dir.path()));
    assert!(content.problems.is_empty(), "{:?}", content.problems);
    let ctx = ctx(content);
    let t0 = Instant::now();
    let pattern = ctx.content.pattern("wide").unwrap().clone();
    let length = Length::Forever;
    let mut app = App::direct(ctx.clone(), Route::Breathe { pattern, length }, t0);
    live(&mut app, t0, t0 + ms(1000));
    let screen = draw(&app, t0 + ms(1000), 40, 12);
    assert!(!screen.contains('\u{1b}'));
    insta::assert_snapshot!("breathe_wide_text_40x12", screen);
    let mut menu = home_with(ctx);
    open_patterns(&mut menu, t0);
    for _ in 0..6 {
        press(&mut menu, KeyCode::Down, t0);
    }
    insta::assert_snapshot!("patterns_wide_text_40x12", draw(&menu, t0, 40, 12));
}

fn home_with(ctx: Ctx) -> App {
    App::home(ctx)
}

#[test]
fn no_color_sends_no_colour_but_keeps_the_selection_visible() {
    let mut ctx = ctx(Content::builtin());
    ctx.theme = Theme::monochrome();
    let t0 = Instant::now();
    let mut apps = vec![App::home(ctx.clone())];
    let pattern = ctx.content.pattern("4-4-6").unwrap().clone();
    let length = Length::Forever;
    let mut breathing = App::direct(ctx.clone(), Route::Breathe { pattern, length }, t0);
    live(&mut breathing, t0, t0 + ms(2000));
    apps.push(breathing);
    for app in &apps {
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
        terminal
            .draw(|frame| {
                app.render(t0 + ms(2000), frame.area(), frame.buffer_mut());
            })
            .unwrap();
        for cell in terminal.backend().buffer().content() {
            assert_eq!(
                cell.fg,
                ratatui::style::Color::Reset,
                "a colour at {:?}",
                cell.symbol()
            );
            assert_eq!(cell.bg, ratatui::style::Color::Reset);
        }
    }
    // The selected menu row is still marked, by a symbol and reverse video.
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal
        .draw(|frame| {
            apps[0].render(t0, frame.area(), frame.buffer_mut());
        })
        .unwrap();
    let buffer = terminal.backend().buffer();
    let selected = &buffer[(3, 4)];
    assert_eq!(selected.symbol(), "B");
    assert!(
        selected
            .modifier
            .contains(ratatui::style::Modifier::REVERSED)
    );
    assert_eq!(buffer[(1, 4)].symbol(), "▸");
}

fn ground(variant: &str) -> App {
    let ctx = ctx(Content::builtin());
    let variant = ctx.content.grounding(variant).unwrap().clone();
    App::direct(ctx, Route::Ground { variant }, Instant::now())
}

fn relax(program: &str, t0: Instant) -> App {
    let ctx = ctx(Content::builtin());
    let program = ctx.content.program(program).unwrap().clone();
    App::direct(ctx, Route::Relax { program }, t0)
}

fn type_text(app: &mut App, text: &str, now: Instant) {
    for c in text.chars() {
        press(app, KeyCode::Char(c), now);
    }
}

#[test]
fn ground_first_step() {
    both_sizes("ground_start", &ground("5-4-3-2-1"), Instant::now());
}

#[test]
fn ground_with_wide_items_typed() {
    let t0 = Instant::now();
    let mut app = ground("5-4-3-2-1");
    type_text(&mut app, "窓の外の木", t0);
    press(&mut app, KeyCode::Enter, t0);
    press(&mut app, KeyCode::Enter, t0);
    type_text(&mut app, "🌿 a plant", t0);
    press(&mut app, KeyCode::Enter, t0);
    // Half typed, wide characters and emoji, cursor moved back one.
    type_text(&mut app, "青いマグ ☕ mug", t0);
    press(&mut app, KeyCode::Left, t0);
    both_sizes("ground_typing_wide", &app, t0);
}

#[test]
fn ground_field_left_shows_the_keys_again() {
    let t0 = Instant::now();
    let mut app = ground("5-4-3-2-1");
    for _ in 0..5 {
        press(&mut app, KeyCode::Enter, t0);
    }
    type_text(&mut app, "cold air", t0);
    press(&mut app, KeyCode::Esc, t0);
    both_sizes("ground_field_left", &app, t0);
}

#[test]
fn ground_summary_by_sense() {
    let t0 = Instant::now();
    let mut app = ground("5-4-3-2-1");
    let items = [
        "lamp",
        "",
        "窓",
        "",
        "",
        "feet on the floor",
        "",
        "",
        "",
        "fridge hum",
        "🐦 birds",
        "",
        "coffee",
        "",
        "mint",
    ];
    for item in items {
        type_text(&mut app, item, t0);
        press(&mut app, KeyCode::Enter, t0);
    }
    both_sizes("ground_summary", &app, t0);
}

#[test]
fn relax_first_group_tensing_with_the_caution() {
    let t0 = Instant::now();
    let mut app = relax("7-group", t0);
    live(&mut app, t0, t0 + ms(2_500));
    both_sizes("relax_tense", &app, t0 + ms(2_500));
}

#[test]
fn relax_letting_go_later_on() {
    let t0 = Instant::now();
    let mut app = relax("7-group", t0);
    press(&mut app, KeyCode::Right, t0);
    press(&mut app, KeyCode::Right, t0);
    live(&mut app, t0, t0 + ms(17_000));
    both_sizes("relax_release", &app, t0 + ms(17_000));
}

#[test]
fn relax_paused() {
    let t0 = Instant::now();
    let mut app = relax("4-group", t0);
    live(&mut app, t0, t0 + ms(8_000));
    press(&mut app, KeyCode::Char(' '), t0 + ms(8_000));
    both_sizes("relax_paused", &app, t0 + ms(9_000));
}

#[test]
fn relax_summary() {
    let t0 = Instant::now();
    let mut app = relax("4-group", t0);
    let end = t0 + ms(Content::builtin().program("4-group").unwrap().total_ms());
    live(&mut app, t0, end);
    both_sizes("relax_summary", &app, end);
}

#[test]
fn ground_and_relax_never_panic_at_any_size() {
    let t0 = Instant::now();
    let mut typing = ground("5-4-3-2-1");
    type_text(&mut typing, &"長い".repeat(80), t0);
    let mut relaxing = relax("16-group", t0);
    live(&mut relaxing, t0, t0 + ms(7_000));
    for app in [&ground("short"), &typing, &relaxing] {
        for width in 1..=45 {
            for height in 1..=14 {
                draw(app, t0 + ms(7_000), width, height);
            }
        }
    }
}

#[test]
fn check_in_before_and_after() {
    let t0 = Instant::now();
    let mut c = ctx(Content::builtin());
    c.settings.checkins = true;
    let mut app = home_with(c.clone());
    press(&mut app, KeyCode::Enter, t0);
    press(&mut app, KeyCode::Char('7'), t0);
    both_sizes("checkin_before", &app, t0);
    // Straight from a command: two questions, after the exercise.
    let program = c.content.program("4-group").unwrap().clone();
    let mut app = App::direct(c, Route::Relax { program }, t0);
    press(&mut app, KeyCode::Char('q'), t0);
    press(&mut app, KeyCode::Char('7'), t0);
    press(&mut app, KeyCode::Right, t0);
    both_sizes("checkin_after_direct", &app, t0);
}

#[test]
fn support_page_without_and_with_contacts() {
    let t0 = Instant::now();
    let mut app = home();
    press(&mut app, KeyCode::Char('!'), t0);
    both_sizes("support_no_contacts", &app, t0);
    let mut c = ctx(Content::builtin());
    c.settings.contacts = vec![
        soothe::settings::Contact {
            name: "Sam".into(),
            reach: "call or text 555 0100".into(),
        },
        soothe::settings::Contact {
            name: "姉 (my sister)".into(),
            reach: "any time, even late".into(),
        },
    ];
    let mut app = home_with(c);
    press(&mut app, KeyCode::Char('!'), t0);
    both_sizes("support_contacts", &app, t0);
}

fn history_app(journal: Option<&str>) -> App {
    let t0 = Instant::now();
    let mut app = home();
    for _ in 0..5 {
        press(&mut app, KeyCode::Down, t0);
    }
    press(&mut app, KeyCode::Enter, t0);
    assert!(
        app.take_history_request(),
        "Enter on History asks for the journal"
    );
    let read = match journal {
        Some(name) => soothe::journal::read(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures/journal")
                .join(name),
        )
        .unwrap(),
        None => soothe::journal::Read::default(),
    };
    app.open_history(Ok(read), t0);
    app
}

#[test]
fn history_with_a_journal_and_empty() {
    let t0 = Instant::now();
    both_sizes("history", &history_app(Some("sample.jsonl")), t0);
    both_sizes("history_empty", &history_app(None), t0);
}

fn reframe() -> App {
    App::direct(ctx(Content::builtin()), Route::Reframe, Instant::now())
}

#[test]
fn reframe_every_step_with_wide_answers() {
    let t0 = Instant::now();
    let mut app = reframe();
    type_text(&mut app, "昨日の夜、返事がない 🌙 since noon", t0);
    app.on_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::ALT), t0);
    type_text(&mut app, "and I keep checking", t0);
    both_sizes("reframe_1_situation", &app, t0);
    press(&mut app, KeyCode::Enter, t0);
    press(&mut app, KeyCode::Tab, t0);
    press(&mut app, KeyCode::Down, t0);
    both_sizes("reframe_2_thought_list", &app, t0);
    press(&mut app, KeyCode::Enter, t0);
    press(&mut app, KeyCode::Enter, t0);
    type_text(&mut app, "怖い, scared", t0);
    both_sizes("reframe_3_feeling", &app, t0);
    press(&mut app, KeyCode::Enter, t0);
    press(&mut app, KeyCode::Char('7'), t0);
    press(&mut app, KeyCode::Char('5'), t0);
    both_sizes("reframe_4_strength", &app, t0);
    press(&mut app, KeyCode::Enter, t0);
    type_text(&mut app, "Only the silence. 🤷", t0);
    both_sizes("reframe_5_question", &app, t0);
    for _ in 0..5 {
        press(&mut app, KeyCode::Enter, t0);
    }
    press(&mut app, KeyCode::Tab, t0);
    both_sizes("reframe_6_balanced_list", &app, t0);
    press(&mut app, KeyCode::Enter, t0);
    press(&mut app, KeyCode::Enter, t0);
    press(&mut app, KeyCode::Char('4'), t0);
    press(&mut app, KeyCode::Char('0'), t0);
    both_sizes("reframe_7_rerate", &app, t0);
    press(&mut app, KeyCode::Enter, t0);
    type_text(&mut app, "Make tea ☕", t0);
    press(&mut app, KeyCode::Tab, t0);
    press(&mut app, KeyCode::Tab, t0);
    type_text(&mut app, "不安 anxious", t0);
    press(&mut app, KeyCode::Tab, t0);
    type_text(&mut app, "plans change late", t0);
    both_sizes("reframe_8_next_step", &app, t0);
    press(&mut app, KeyCode::Enter, t0);
    both_sizes("reframe_9_review", &app, t0);
    press(&mut app, KeyCode::Enter, t0);
    both_sizes("reframe_10_kept", &app, t0);
}

#[test]
fn reframe_never_panics_at_any_size() {
    let t0 = Instant::now();
    let mut app = reframe();
    type_text(&mut app, &"長い文章 ".repeat(100), t0);
    for _ in 0..11 {
        for width in 1..=45 {
            for height in 1..=14 {
                draw(&app, t0, width, height);
            }
        }
        press(&mut app, KeyCode::Enter, t0);
    }
}
