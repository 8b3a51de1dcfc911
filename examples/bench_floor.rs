//! The benchmark's floor: the least a ratatui program can do (one frame,
//! one label, then wait for `q`). `scripts/bench` measures soothe against it.

use ratatui::crossterm::event::{self, Event, KeyCode};

fn main() -> std::io::Result<()> {
    let mut terminal = ratatui::init();
    terminal.draw(|frame| frame.render_widget("floor ready", frame.area()))?;
    loop {
        if let Event::Key(key) = event::read()?
            && key.code == KeyCode::Char('q')
        {
            break;
        }
    }
    ratatui::restore();
    Ok(())
}
