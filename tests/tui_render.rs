mod tui_common;
use tui_common::*;

#[test]
fn dump() {
    let app = app(100, 30);
    for l in screen(&render(&app)) { println!("{l}"); }
    let mut app = app;
    tarikh::tui::app::update(&mut app, tarikh::tui::app::Action::Open);
    for l in screen(&render(&app)) { println!("{l}"); }
    tarikh::tui::app::update(&mut app, tarikh::tui::app::Action::Help);
    for l in screen(&render(&app)) { println!("{l}"); }
}
