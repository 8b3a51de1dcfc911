//! The menu and the pattern chooser, in colour and without.

use crate::support::*;

#[test]
fn home_screen() {
    let app = home();
    both_sizes!("home", &app, Instant::now());
}

#[test]
fn home_with_a_broken_user_file_shows_one_quiet_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("mine.toml"), "version = 1\n[[patterns]\n").unwrap();
    let ctx = ctx(Content::load(Some(dir.path())));
    let app = App::home(ctx);
    insta::assert_snapshot!(draw(&app, Instant::now(), 80, 24));
}

#[test]
fn pattern_chooser() {
    let mut app = home();
    let t0 = Instant::now();
    open_patterns(&mut app, t0);
    press(&mut app, KeyCode::Down, t0);
    both_sizes!("patterns", &app, t0);
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
