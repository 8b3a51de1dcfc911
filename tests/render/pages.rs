//! The Support page.

use crate::support::*;

#[test]
fn support_page_without_and_with_contacts() {
    let t0 = Instant::now();
    let mut app = home();
    press(&mut app, KeyCode::Char('!'), t0);
    both_sizes!("support_no_contacts", &app, t0);
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
    both_sizes!("support_contacts", &app, t0);
}
