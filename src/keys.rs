//! Key binding tables, one per screen state, the only truth about keys: the
//! same row decides what a key does and what the footer, the help overlay
//! and `--help` say. A key is its code with its modifiers, so Ctrl-C,
//! Alt-Enter and BackTab are rows like any other; labels come from the keys.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Back,
    Quit,
    /// Ctrl-Z: the event loop hands the terminal back to the shell.
    Suspend,
    /// Ctrl-G: clear the screen and leave at once, printing nothing.
    Hide,
    Help,
    Up,
    Down,
    Select,
    Pause,
    Faster,
    Slower,
    ToggleBell,
    ToggleMotion,
    /// Breathe: leave the breath for grounding.
    Ground,
    /// A step back (grounding, relaxation), one less (ratings).
    Previous,
    /// A step on (relaxation), one more (ratings).
    Next,
    /// Into a text field.
    Type,
    /// Out of a text field, keeping what it holds.
    LeaveField,
    /// A rating's digit: the key pressed.
    Digit(u8),
    /// Past a question without answering.
    Skip,
    /// The Support page.
    Support,
    /// Reframe: a step back or on, wherever the keys are.
    StepBack,
    StepOn,
    /// Reframe: the next or previous place for the keys (field, list, parts).
    Focus,
    FocusBack,
    /// Reframe: a rating back to none.
    Clear,
    /// Reframe: the other "I"-statement form.
    Template,
    /// A line break in a multi-line field.
    Newline,
    /// Editing inside a text field.
    Edit(Edit),
    /// A break: mark or unmark the sign under the cursor.
    Mark,
    /// A break or a wait: an exercise inside it.
    Breathe,
    Relax,
    /// A break: something else from content (a walk, music).
    Other,
    /// Answers to a yes-or-no question.
    Yes,
    No,
    /// A break's halfway question.
    Calming,
    GoingOver,
    /// A break: come back before the return time.
    ComeBack,
    /// Send: check the draft now.
    Check,
    /// Send: show the message to copy.
    Show,
    /// Send: not now.
    NotNow,
    /// A line out of a list.
    Remove,
    /// The ending: a kindness pause now.
    Kindness,
    /// The ending: the next step a card offers.
    NextStep,
    /// A card: change it.
    Change,
    /// A starter card: make it one's own.
    Copy,
}

/// The editing keys every text field shares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    Backspace,
    Delete,
    Right,
    /// A row up or down in a multi-line field.
    RowUp,
    RowDown,
    Home,
    End,
    DeleteToStart,
    DeleteWord,
}

/// One key: a code and the modifiers held with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

pub const fn plain(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::NONE,
    }
}

pub const fn ch(c: char) -> Key {
    plain(KeyCode::Char(c))
}

pub const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::CONTROL,
    }
}

pub const fn alt(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::ALT,
    }
}

pub const fn shift(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::SHIFT,
    }
}

const ENTER: Key = plain(KeyCode::Enter);
const ESC: Key = plain(KeyCode::Esc);
const TAB: Key = plain(KeyCode::Tab);
const BACKTAB: Key = plain(KeyCode::BackTab);
const UP: Key = plain(KeyCode::Up);
const DOWN: Key = plain(KeyCode::Down);
const LEFT: Key = plain(KeyCode::Left);
const RIGHT: Key = plain(KeyCode::Right);
const PAGE_UP: Key = plain(KeyCode::PageUp);
const PAGE_DOWN: Key = plain(KeyCode::PageDown);
const BACKSPACE: Key = plain(KeyCode::Backspace);

impl Key {
    /// Whether a press is this key. Shift is part of a printed character
    /// (`+`, `?`, `A`) and of BackTab, so it is not compared there; Ctrl
    /// with a letter matches either case.
    pub fn matches(&self, event: &KeyEvent) -> bool {
        let mut mods = event.modifiers
            & (KeyModifiers::CONTROL
                | KeyModifiers::ALT
                | KeyModifiers::SUPER
                | KeyModifiers::SHIFT);
        let mut code = event.code;
        if matches!(code, KeyCode::Char(_) | KeyCode::BackTab) {
            mods.remove(KeyModifiers::SHIFT);
        }
        if let KeyCode::Char(c) = code
            && mods.contains(KeyModifiers::CONTROL)
        {
            code = KeyCode::Char(c.to_ascii_lowercase());
        }
        code == self.code && mods == self.mods
    }

    /// How the key is written for people: "space", "ctrl-c", "alt-enter".
    pub fn name(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "space".to_string(),
            KeyCode::Char('-') => "−".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Esc => "esc".into(),
            KeyCode::Enter => "enter".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::Tab => "tab".into(),
            KeyCode::BackTab => "shift-tab".into(),
            KeyCode::PageUp => "pgup".into(),
            KeyCode::PageDown => "pgdn".into(),
            KeyCode::Backspace => "bksp".into(),
            KeyCode::Delete => "del".into(),
            KeyCode::Home => "home".into(),
            KeyCode::End => "end".into(),
            other => format!("{other:?}").to_lowercase(),
        };
        let mut name = String::new();
        for (held, word) in [
            (KeyModifiers::CONTROL, "ctrl-"),
            (KeyModifiers::ALT, "alt-"),
            (KeyModifiers::SHIFT, "shift-"),
        ] {
            if self.mods.contains(held) {
                name.push_str(word);
            }
        }
        name + &base
    }
}

/// The keys of a row: a list, or every digit (each its own value).
#[derive(Debug, Clone, Copy)]
pub enum Keys {
    These(&'static [Key]),
    Digits,
}

#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub keys: Keys,
    pub action: Action,
    /// A word or two for the footer; `None` keeps the row out of it.
    pub hint: Option<&'static str>,
    /// The help overlay's sentence.
    pub help: &'static str,
    /// Shown in the footer under the row before it ("↑↓ move", "+ − pace").
    pub joined: bool,
}

/// A row: these keys do `action`; `help` says so in the help overlay.
pub const fn on(keys: &'static [Key], action: Action, help: &'static str) -> Binding {
    Binding {
        keys: Keys::These(keys),
        action,
        hint: None,
        help,
        joined: false,
    }
}

/// The row of the ten digits: each press is [`Action::Digit`] of its value.
pub const fn digits(help: &'static str) -> Binding {
    Binding {
        keys: Keys::Digits,
        action: Action::Digit(0),
        hint: None,
        help,
        joined: false,
    }
}

impl Binding {
    /// In the footer, with this word.
    pub const fn hint(mut self, hint: &'static str) -> Binding {
        self.hint = Some(hint);
        self
    }

    /// In the footer beside the row before it, under that row's word.
    pub const fn joined(mut self) -> Binding {
        self.joined = true;
        self
    }

    /// The action a press has in this row, if it is one of its keys.
    pub fn action_for(&self, event: &KeyEvent) -> Option<Action> {
        match self.keys {
            Keys::These(keys) => keys.iter().any(|k| k.matches(event)).then_some(self.action),
            Keys::Digits => match event.code {
                KeyCode::Char(c @ '0'..='9')
                    if !event.modifiers.intersects(
                        KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SUPER,
                    ) =>
                {
                    Some(Action::Digit(c as u8 - b'0'))
                }
                _ => None,
            },
        }
    }

    /// Every key of the row, as the help overlay lists them ("q esc").
    pub fn keys_label(&self) -> String {
        match self.keys {
            Keys::These(keys) => keys.iter().map(Key::name).collect::<Vec<_>>().join(" "),
            Keys::Digits => "0–9".into(),
        }
    }

    /// The row's first key, as the footer shows it.
    pub fn first_key(&self) -> String {
        match self.keys {
            Keys::These(keys) => keys.first().map(Key::name).unwrap_or_default(),
            Keys::Digits => "0–9".into(),
        }
    }

    /// A key that presses this row (for tests and the help's examples).
    pub fn example(&self) -> KeyEvent {
        match self.keys {
            Keys::These(keys) => KeyEvent::new(keys[0].code, keys[0].mods),
            Keys::Digits => KeyEvent::new(KeyCode::Char('7'), KeyModifiers::NONE),
        }
    }
}

/// The tables a screen state answers with, looked up in order.
pub type Tables = &'static [&'static [Binding]];

/// The first enabled action a press has in `tables`.
pub fn lookup(
    tables: &[&[Binding]],
    event: &KeyEvent,
    enabled: impl Fn(Action) -> bool,
) -> Option<Action> {
    tables
        .iter()
        .flat_map(|table| table.iter())
        .filter_map(|binding| binding.action_for(event))
        .find(|action| enabled(*action))
}

const BACK: &[Key] = &[ch('q'), ESC];
const UPS: &[Key] = &[UP, ch('k')];
const DOWNS: &[Key] = &[DOWN, ch('j')];
const LEFTS: &[Key] = &[LEFT, ch('h')];
const RIGHTS: &[Key] = &[RIGHT, ch('l')];

pub const HOME: &[Binding] = &[
    on(UPS, Action::Up, "Move up the list").hint("move"),
    on(DOWNS, Action::Down, "Move down the list").joined(),
    on(&[ENTER], Action::Select, "Start the selected row").hint("start"),
    on(
        LEFTS,
        Action::Previous,
        "The previous pattern, variant or program for this row",
    )
    .hint("change"),
    on(
        RIGHTS,
        Action::Next,
        "The next pattern, variant or program for this row",
    )
    .joined(),
    on(
        &[ch('x')],
        Action::Remove,
        "Dismiss the line under the menu",
    )
    .hint("dismiss"),
    digits("Answer how a repair's if-then went: 1 did it, 2 partly, 3 not yet, 4 no chance"),
    on(BACK, Action::Back, "Quit soothe").hint("quit"),
];

pub const PATTERNS: &[Binding] = &[
    on(UPS, Action::Up, "Move up the patterns").hint("move"),
    on(DOWNS, Action::Down, "Move down the patterns").joined(),
    on(
        &[ENTER],
        Action::Select,
        "Breathe with the selected pattern",
    )
    .hint("breathe"),
    on(BACK, Action::Back, "Back to the menu").hint("back"),
];

pub const BREATHE: &[Binding] = &[
    on(&[ch(' ')], Action::Pause, "Pause or resume").hint("pause"),
    on(&[ch('+'), ch('=')], Action::Faster, "Pace 10 % faster").hint("pace"),
    on(&[ch('-'), ch('_')], Action::Slower, "Pace 10 % slower").joined(),
    on(
        &[ch('g')],
        Action::Ground,
        "Not the breath now? Ground instead",
    )
    .hint("ground instead"),
    on(BACK, Action::Back, "End the exercise").hint("end"),
];

pub const RELAX: &[Binding] = &[
    on(&[ch(' ')], Action::Pause, "Pause or resume").hint("pause"),
    on(
        &[ENTER],
        Action::Select,
        "While letting go: ten more seconds",
    )
    .hint("+10 s"),
    on(LEFTS, Action::Previous, "Back a muscle group").hint("group"),
    on(RIGHTS, Action::Next, "On to the next muscle group").joined(),
    on(BACK, Action::Back, "End the exercise").hint("end"),
];

/// Editing in any text field. Not in the footer: they are the keys every
/// text box has; the help overlay lists them.
pub const EDIT: &[Binding] = &[
    on(
        &[BACKSPACE, ctrl('h')],
        Action::Edit(Edit::Backspace),
        "Delete before the cursor",
    ),
    on(
        &[plain(KeyCode::Delete)],
        Action::Edit(Edit::Delete),
        "Delete under the cursor",
    ),
    on(&[RIGHT], Action::Edit(Edit::Right), "Move right"),
    on(
        &[UP],
        Action::Edit(Edit::RowUp),
        "A row up in a longer answer",
    ),
    on(
        &[DOWN],
        Action::Edit(Edit::RowDown),
        "A row down in a longer answer",
    ),
    on(
        &[plain(KeyCode::Home), ctrl('a')],
        Action::Edit(Edit::Home),
        "To the start",
    ),
    on(
        &[plain(KeyCode::End), ctrl('e')],
        Action::Edit(Edit::End),
        "To the end",
    ),
    on(
        &[ctrl('u')],
        Action::Edit(Edit::DeleteToStart),
        "Delete to the start",
    ),
    on(
        &[ctrl('w')],
        Action::Edit(Edit::DeleteWord),
        "Delete the word before the cursor",
    ),
];

/// Grounding while typing: every printable key types itself; these act.
pub const GROUND_FIELD: &[Binding] = &[
    on(
        &[ENTER],
        Action::Select,
        "Count what you typed (empty: count one quietly)",
    )
    .hint("next"),
    on(
        &[LEFT],
        Action::Previous,
        "Move left; at the start of the field, back a step, nothing lost",
    )
    .hint("back a step"),
    on(
        &[ESC],
        Action::LeaveField,
        "Leave the field (then q ends, ? helps)",
    )
    .hint("leave field"),
];

/// Grounding after Esc: the field is left, single-letter keys work again.
pub const GROUND: &[Binding] = &[
    on(&[ENTER, ch('i'), TAB], Action::Type, "Back into the field").hint("type"),
    on(LEFTS, Action::Previous, "Back a step, nothing lost").hint("back a step"),
    on(BACK, Action::Back, "End, and see what you noticed").hint("end"),
];

/// The check-in before an exercise started from the menu.
pub const CHECKIN: &[Binding] = &[
    digits("0 calm … 9 very strong (→ reaches 10)").hint("rate"),
    on(LEFTS, Action::Previous, "One less").hint("adjust"),
    on(RIGHTS, Action::Next, "One more (up to 10)").joined(),
    on(
        &[ENTER],
        Action::Select,
        "Confirm and start (nothing chosen: start without)",
    )
    .hint("start"),
    on(&[TAB, ch('s')], Action::Skip, "Start without rating").hint("skip"),
    on(BACK, Action::Back, "Back to the menu").hint("back"),
];

/// The ending with ratings to give.
pub const ENDING_RATING: &[Binding] = &[
    digits("Answer the marked question (0 calm … 9; → reaches 10)").hint("rate"),
    on(LEFTS, Action::Previous, "One less").hint("adjust"),
    on(RIGHTS, Action::Next, "One more (up to 10)").joined(),
    on(&[UP, ch('k')], Action::Up, "The question above").hint("question"),
    on(&[DOWN, ch('j'), TAB], Action::Down, "The question below").joined(),
    on(&[ENTER], Action::Select, "Save and close").hint("save"),
    on(
        &[ch('c')],
        Action::Kindness,
        "Still strong: a two-minute kindness pause",
    )
    .hint("kindness pause"),
    on(
        &[ch('n')],
        Action::NextStep,
        "The next step from your cards",
    )
    .hint("next step"),
    on(BACK, Action::Back, "Close now, keeping what you answered").hint("close"),
];

/// Three good things, typing.
pub const GOOD_FIELD: &[Binding] = &[
    on(&[ENTER], Action::Select, "On (a why may be left empty)").hint("next"),
    on(&[PAGE_UP], Action::StepBack, "Back a field, nothing lost").hint("back"),
    on(&[LEFT], Action::Previous, "Move left"),
    on(&[ESC], Action::LeaveField, "Leave the field (then q ends)").hint("leave field"),
];

/// Three good things, out of the field.
pub const GOOD_AWAY: &[Binding] = &[
    on(&[ENTER, ch('i')], Action::Type, "Back into the field").hint("type"),
    on(
        &[PAGE_UP, LEFT, ch('h')],
        Action::StepBack,
        "Back a field, nothing lost",
    )
    .hint("back"),
    on(BACK, Action::Back, "End; what you wrote is kept").hint("end"),
];

/// Three good things, the last page.
pub const GOOD_END: &[Binding] = &[
    on(&[ENTER, ch('q'), ESC], Action::Back, "Done").hint("done"),
    on(
        &[PAGE_UP, LEFT, ch('h')],
        Action::StepBack,
        "Back to change one",
    )
    .hint("back"),
];

/// Planned practice, the list.
pub const PRACTICE_LIST: &[Binding] = &[
    on(UPS, Action::Up, "Move up").hint("move"),
    on(DOWNS, Action::Down, "Move down").joined(),
    on(&[ch('a'), ch('n')], Action::Type, "Plan a new practice").hint("add"),
    on(&[ENTER, ch('e')], Action::Select, "Change this one").hint("change"),
    on(
        &[ch('d'), plain(KeyCode::Delete)],
        Action::Remove,
        "Take this one out",
    )
    .hint("remove"),
    on(BACK, Action::Back, "Back").hint("back"),
];

/// Planned practice, one entry's form.
pub const PRACTICE_FORM: &[Binding] = &[
    on(&[ENTER], Action::Select, "Keep it (it is checked first)").hint("keep"),
    on(&[TAB], Action::Focus, "The next field").hint("next field"),
    on(&[BACKTAB], Action::FocusBack, "The field before"),
    on(&[LEFT], Action::Previous, "Move left"),
    on(
        &[ESC],
        Action::LeaveField,
        "Leave without changing anything",
    )
    .hint("cancel"),
];

/// The kindness pause, picking a phrase.
pub const KIND_LIST: &[Binding] = &[
    on(UPS, Action::Up, "Move up").hint("move"),
    on(DOWNS, Action::Down, "Move down").joined(),
    on(&[ENTER], Action::Select, "These words, and on").hint("choose"),
    on(&[TAB], Action::Focus, "Your own words instead").hint("own words"),
    on(&[PAGE_UP, LEFT], Action::StepBack, "Back a step").hint("back"),
    on(BACK, Action::Back, "End the pause").hint("end"),
];

/// The kindness pause, own words.
pub const KIND_FIELD: &[Binding] = &[
    on(&[ENTER], Action::Select, "These words, and on").hint("on"),
    on(&[TAB, ESC], Action::LeaveField, "Back to the phrases").hint("phrases"),
    on(&[PAGE_UP], Action::StepBack, "Back a step"),
    on(&[LEFT], Action::Previous, "Move left"),
];

/// The kindness pause's last page.
pub const KIND_END: &[Binding] = &[on(
    &[ENTER, ch('q'), ESC],
    Action::Back,
    "Done, and see how you feel",
)
.hint("done")];

/// The ending with nothing to rate.
pub const ENDING: &[Binding] = &[
    on(
        &[ch('n')],
        Action::NextStep,
        "The next step from your cards",
    )
    .hint("next step"),
    on(&[ENTER, ch('q'), ESC], Action::Back, "Close this summary").hint("close"),
];

/// A coping card.
pub const CARDS: &[Binding] = &[
    on(
        &[ch('1')],
        Action::Digit(1),
        "Do the first thing (an exercise runs here; for the rest soothe asks if it helped)",
    )
    .hint("do"),
    on(&[ch('2')], Action::Digit(2), "Do the second thing").joined(),
    on(&[ch('3')], Action::Digit(3), "Do the third thing").joined(),
    on(
        &[ENTER, RIGHT, ch('l'), ch(' ')],
        Action::Next,
        "The next card (they come in the order they helped you)",
    )
    .hint("next card"),
    on(&[LEFT, ch('h')], Action::Previous, "The card before"),
    on(
        &[ch('c')],
        Action::Copy,
        "Make this starter card yours, then change it",
    )
    .hint("make it mine"),
    on(&[ch('e')], Action::Change, "Change this card").hint("change"),
    on(&[ch('a')], Action::Type, "A new card").hint("new"),
    on(
        &[ch('d'), plain(KeyCode::Delete)],
        Action::Remove,
        "Take this card out (the file keeps a .bak)",
    ),
    on(BACK, Action::Back, "Back").hint("back"),
];

/// Evidence: writing a belief or a piece of evidence.
pub const EVIDENCE_FIELD: &[Binding] = &[
    on(&[ENTER], Action::Select, "On (keep what is written)").hint("next"),
    on(&[PAGE_UP], Action::StepBack, "Back to the old belief").hint("back"),
    on(&[LEFT], Action::Previous, "Move left"),
    on(&[ESC], Action::LeaveField, "Leave without keeping this").hint("cancel"),
];

/// Evidence: how much the kinder belief is believed.
pub const EVIDENCE_RATING: &[Binding] = &[
    digits("Tens of percent: 4 is 40 %").hint("rate"),
    on(LEFTS, Action::Previous, "5 % less").hint("adjust"),
    on(RIGHTS, Action::Next, "5 % more").joined(),
    on(&[ENTER], Action::Select, "Keep this rating").hint("keep"),
    on(&[TAB], Action::Skip, "Not now").hint("skip"),
    on(BACK, Action::Back, "Not now"),
];

/// Evidence: the belief and its evidence.
pub const EVIDENCE: &[Binding] = &[
    on(UPS, Action::Up, "Scroll up").hint("scroll"),
    on(DOWNS, Action::Down, "Scroll down").joined(),
    on(
        &[ch('a')],
        Action::Type,
        "Add one specific piece of evidence",
    )
    .hint("add"),
    on(
        &[ch('o')],
        Action::Other,
        "Look at evidence from your journal",
    )
    .hint("from journal"),
    on(
        &[ch('r')],
        Action::Pause,
        "Rate how much you believe it now",
    )
    .hint("rate"),
    on(
        &[ch('e')],
        Action::Change,
        "Change the words of the two beliefs (evidence and ratings stay)",
    )
    .hint("change"),
    on(BACK, Action::Back, "Back").hint("back"),
];

/// Evidence: one offered from the journal.
pub const EVIDENCE_OFFER: &[Binding] = &[
    on(&[ch('y')], Action::Yes, "Yes, it is evidence: keep it").hint("keep"),
    on(&[ch('n')], Action::No, "Skip it (not offered again)").hint("skip"),
    on(BACK, Action::Back, "Stop looking for now").hint("stop"),
];

/// A talk: the ground rules, each agreeing with their own key.
pub const TALK_RULES: &[Binding] = &[
    on(&[ch('1')], Action::Yes, "The first of you agrees").hint("first agrees"),
    on(&[ch('2')], Action::No, "The other agrees").hint("other agrees"),
    on(BACK, Action::Back, "Not now").hint("leave"),
];

/// A talk: the speaker has the floor.
pub const TALK_SPEAKING: &[Binding] = &[
    on(
        &[ENTER],
        Action::Select,
        "The listener is ready to say back what they heard",
    )
    .hint("mirror"),
    on(
        &[ch('p')],
        Action::Pause,
        "A break for either of you (the talk waits)",
    )
    .hint("break"),
    on(
        RIGHTS,
        Action::Next,
        "Five more minutes for this turn, once, if you both agree",
    )
    .hint("more time"),
    on(BACK, Action::Back, "Stop the talk").hint("stop"),
];

/// A talk: the listener mirrors, sums up, validates or empathises.
pub const TALK_LISTENING: &[Binding] = &[
    on(&[ch('1')], Action::Yes, "The speaker: got it").hint("got it"),
    on(
        &[ch('2')],
        Action::No,
        "The speaker: not quite, say it again",
    )
    .hint("not quite"),
    on(
        &[ch('3')],
        Action::Other,
        "The speaker: there is more to say",
    )
    .hint("more"),
    on(
        &[ch('p')],
        Action::Pause,
        "A break for either of you (the talk waits)",
    )
    .hint("break"),
    on(
        RIGHTS,
        Action::Next,
        "Five more minutes for this turn, once, if you both agree",
    ),
    on(BACK, Action::Back, "Stop the talk").hint("stop"),
];

/// A repair, when the distress is high at the start.
pub const REPAIR_HIGH: &[Binding] = &[
    on(&[ch('1')], Action::Breathe, "Breathe first, right here").hint("breathe first"),
    on(&[ENTER], Action::Select, "Go on with the repair").hint("go on"),
    on(BACK, Action::Back, "Stop here (what is written is kept)").hint("stop"),
];

/// The ladder.
pub const LADDER: &[Binding] = &[
    on(UPS, Action::Up, "Move up").hint("move"),
    on(DOWNS, Action::Down, "Move down").joined(),
    on(
        &[ENTER, ch('p')],
        Action::Select,
        "Practise this step now, with a calm clock",
    )
    .hint("practise"),
    on(
        &[ch('l')],
        Action::Type,
        "Log a practice of this step done with soothe closed",
    )
    .hint("log"),
    on(
        &[ch('e')],
        Action::Mark,
        "Say this step is getting easier (or not)",
    )
    .hint("easier"),
    on(
        &[ch('n')],
        Action::Change,
        "Build a new ladder (this one stays in the file)",
    )
    .hint("new"),
    on(BACK, Action::Back, "Back").hint("back"),
];

/// The ladder, writing a step.
pub const LADDER_STEPS: &[Binding] = &[
    on(
        &[ENTER],
        Action::Select,
        "Add the step (on an empty line: go on)",
    )
    .hint("add"),
    on(&[TAB], Action::Focus, "Fill in an example to change").hint("example"),
    on(&[LEFT], Action::Previous, "Move left"),
    on(
        &[ESC],
        Action::LeaveField,
        "Leave (the ladder is kept only when built)",
    )
    .hint("leave"),
];

/// A fear rating, 0–10.
pub const LADDER_FEAR: &[Binding] = &[
    digits("The fear, 0 to 9 (→ for 10)").hint("fear"),
    on(RIGHTS, Action::Next, "10, the most"),
    on(BACK, Action::Back, "Back, without a rating").hint("back"),
];

/// A practice under way.
pub const LADDER_DURING: &[Binding] = &[
    on(&[ch('f')], Action::Check, "Rate the fear now").hint("fear now"),
    on(&[ch('1')], Action::Breathe, "Breathe, right here").hint("toolkit"),
    on(&[ch('2')], Action::Ground, "Ground, right here").joined(),
    on(&[ch('3')], Action::Relax, "Relax, right here").joined(),
    on(&[ENTER], Action::Select, "Done: how did it go?").hint("done"),
    on(
        BACK,
        Action::Back,
        "Stop the practice (what is answered is kept)",
    )
    .hint("stop"),
];

/// A page asking for a line of text.
pub const PAGES_TEXT: &[Binding] = &[
    on(&[ENTER], Action::Select, "On (what is written is kept)").hint("next"),
    on(&[TAB], Action::Skip, "Past this one (it is optional)").hint("skip"),
    on(&[PAGE_UP], Action::StepBack, "Back a page, nothing lost").hint("back"),
    on(&[LEFT], Action::Previous, "Move left"),
    on(
        &[ESC],
        Action::LeaveField,
        "Stop here (what is answered is kept)",
    )
    .hint("stop"),
];

/// A page asking for a rating.
pub const PAGES_RATING: &[Binding] = &[
    digits("The rating (for a percentage, tens: 4 is 40 %)").hint("rate"),
    on(LEFTS, Action::Previous, "One step less").hint("adjust"),
    on(RIGHTS, Action::Next, "One step more").joined(),
    on(&[ENTER], Action::Select, "On").hint("next"),
    on(&[TAB], Action::Skip, "Past this one (it is optional)").hint("skip"),
    on(&[PAGE_UP], Action::StepBack, "Back a page, nothing lost").hint("back"),
    on(BACK, Action::Back, "Stop here (what is answered is kept)").hint("stop"),
];

/// A page of marks in a list.
pub const PAGES_MARKS: &[Binding] = &[
    on(UPS, Action::Up, "Move up").hint("move"),
    on(DOWNS, Action::Down, "Move down").joined(),
    on(&[ch(' ')], Action::Mark, "Mark or unmark this one").hint("mark"),
    on(&[ENTER], Action::Select, "On").hint("next"),
    on(&[TAB], Action::Skip, "Past this one (it is optional)"),
    on(&[PAGE_UP], Action::StepBack, "Back a page, nothing lost").hint("back"),
    on(BACK, Action::Back, "Stop here (what is answered is kept)").hint("stop"),
];

/// A page with one choice of a few.
pub const PAGES_CHOICE: &[Binding] = &[
    digits("This answer").hint("choose"),
    on(&[PAGE_UP], Action::StepBack, "Back a page, nothing lost").hint("back"),
    on(BACK, Action::Back, "Stop here (what is answered is kept)").hint("stop"),
];

/// A page to read.
pub const PAGES_READ: &[Binding] = &[
    on(&[ENTER], Action::Select, "On").hint("next"),
    on(&[PAGE_UP], Action::StepBack, "Back a page").hint("back"),
    on(BACK, Action::Back, "Stop here").hint("stop"),
];

/// A card's action, done: did it help?
pub const CARDS_ASK: &[Binding] = &[
    on(&[ch('y')], Action::Yes, "It helped").hint("helped"),
    on(&[ch('n')], Action::No, "Not this time").hint("not this time"),
    on(BACK, Action::Back, "Back to the card, without saying").hint("not now"),
];

/// Reframe while typing: printable keys are text; these act.
pub const REFRAME_FIELD: &[Binding] = &[
    on(
        &[ENTER],
        Action::StepOn,
        "On to the next step (empty: skip it)",
    )
    .hint("next"),
    on(
        &[alt(KeyCode::Enter), shift(KeyCode::Enter), ctrl('j')],
        Action::Newline,
        "A new line",
    ),
    on(&[TAB], Action::Focus, "To the list, or the next part").hint("pick"),
    on(&[BACKTAB], Action::FocusBack, "To the place before"),
    on(
        &[PAGE_UP],
        Action::StepBack,
        "Back a step, nothing lost (also ← at the start)",
    )
    .hint("back"),
    on(&[PAGE_DOWN], Action::StepOn, "On to the next step"),
    on(
        &[LEFT],
        Action::Previous,
        "Move left; at the start of the answer, back a step",
    ),
    on(&[ESC], Action::LeaveField, "Leave the field").hint("leave field"),
];

/// Reframe out of the field.
pub const REFRAME: &[Binding] = &[
    on(&[ENTER, ch('i')], Action::Type, "Back into the field").hint("type"),
    on(
        &[LEFT, ch('h'), PAGE_UP],
        Action::Previous,
        "Back a step, nothing lost",
    )
    .hint("steps"),
    on(
        &[RIGHT, ch('l'), PAGE_DOWN],
        Action::Next,
        "On to the next step",
    )
    .joined(),
    on(&[TAB], Action::Focus, "To the list, or the next part").hint("pick"),
    on(&[BACKTAB], Action::FocusBack, "To the place before"),
    on(
        &[ch('t')],
        Action::Template,
        "The other form of the \"I\"-statement",
    )
    .hint("need/like"),
    on(BACK, Action::Back, "End now; what you wrote is kept").hint("end"),
];

/// Reframe in a list to pick from.
pub const REFRAME_LIST: &[Binding] = &[
    on(UPS, Action::Up, "Move up the list").hint("move"),
    on(DOWNS, Action::Down, "Move down the list").joined(),
    on(
        &[ENTER],
        Action::Select,
        "Put it in the field, to make it yours",
    )
    .hint("pick"),
    on(&[TAB], Action::Focus, "To the next place").hint("next"),
    on(&[BACKTAB], Action::FocusBack, "To the place before"),
    on(&[ESC], Action::LeaveField, "Back to the field").hint("field"),
    on(&[ch('q')], Action::Back, "End now; what you wrote is kept").hint("end"),
];

/// Reframe at a rating, 0–100.
pub const REFRAME_RATING: &[Binding] = &[
    digits("Type the number (7, 5: 75)").hint("rate"),
    on(LEFTS, Action::Previous, "Five less").hint("±5"),
    on(RIGHTS, Action::Next, "Five more").joined(),
    on(&[BACKSPACE], Action::Clear, "No rating"),
    on(
        &[ENTER, PAGE_DOWN],
        Action::Select,
        "On to the next step (no rating: skip it)",
    )
    .hint("next"),
    on(&[PAGE_UP], Action::StepBack, "Back a step, nothing lost").hint("back"),
    on(BACK, Action::Back, "End now; what you wrote is kept").hint("end"),
];

/// Reframe's review.
pub const REFRAME_REVIEW: &[Binding] = &[
    on(
        &[ENTER],
        Action::Select,
        "Keep this thought record in your journal",
    )
    .hint("keep it"),
    on(
        &[LEFT, ch('h'), PAGE_UP],
        Action::StepBack,
        "Back a step to change something",
    )
    .hint("back"),
    on(BACK, Action::Back, "End now; it is kept as unfinished").hint("end"),
];

/// The one safety question, before a tool about the partner.
pub const SAFETY_ASK: &[Binding] = &[
    on(&[ch('y')], Action::Yes, "Yes: a page about what this means").hint("yes"),
    on(&[ch('n')], Action::No, "No: go on").hint("no"),
    on(
        &[TAB, ch('s'), ENTER],
        Action::Skip,
        "Go on without answering",
    )
    .hint("skip"),
    on(BACK, Action::Back, "Leave this tool").hint("leave"),
];

/// The page after a yes.
pub const SAFETY_PAGE: &[Binding] = &[
    on(&[ENTER], Action::Select, "Go on to the tool").hint("go on"),
    on(BACK, Action::Back, "Leave this tool").hint("leave"),
];

/// A break's first page: the flooding signs, a pulse and the distress.
pub const PAUSE_SIGNS: &[Binding] = &[
    on(UPS, Action::Up, "Move up").hint("move"),
    on(DOWNS, Action::Down, "Move down").joined(),
    on(&[ch(' ')], Action::Mark, "Mark or unmark this sign").hint("mark"),
    digits("On the pulse or distress row: type it").hint("number"),
    on(
        &[BACKSPACE],
        Action::Clear,
        "On the pulse or distress row: take it back",
    ),
    on(&[LEFT], Action::Previous, "Distress one less"),
    on(&[RIGHT], Action::Next, "Distress one more (up to 10)"),
    on(&[ENTER], Action::Select, "On to the message").hint("on"),
    on(&[TAB, ch('s')], Action::Skip, "Skip these questions").hint("skip"),
    on(BACK, Action::Back, "End the break now").hint("end"),
];

/// The message for the partner, read or copied.
pub const PAUSE_MESSAGE: &[Binding] = &[
    on(&[ENTER], Action::Select, "Start the break").hint("start the break"),
    on(&[ch('e'), ch('i')], Action::Type, "Change the message").hint("edit"),
    on(BACK, Action::Back, "End the break now").hint("end"),
];

/// Changing the message.
pub const PAUSE_MESSAGE_FIELD: &[Binding] = &[
    on(&[ENTER, ESC], Action::LeaveField, "Done changing it").hint("done"),
    on(&[LEFT], Action::Previous, "Move left"),
];

/// The break's calm clock.
pub const PAUSE_BREAK: &[Binding] = &[
    on(
        &[ch('1')],
        Action::Breathe,
        "Breathe for a while (it stays part of the break)",
    )
    .hint("breathe"),
    on(&[ch('2')], Action::Ground, "Ground: the five senses").hint("ground"),
    on(
        &[ch('3')],
        Action::Relax,
        "Relax the muscles, group by group",
    )
    .hint("relax"),
    on(
        &[ch('4')],
        Action::Other,
        "Something else: a walk, music, a shower",
    )
    .hint("else"),
    on(&[ch('c')], Action::Calming, "Halfway: it is calming me").hint("calming"),
    on(
        &[ch('o')],
        Action::GoingOver,
        "Halfway: I am going over the fight",
    )
    .hint("going over it"),
    on(
        &[ch('r')],
        Action::ComeBack,
        "Come back now, before the time",
    )
    .hint("back now"),
    on(BACK, Action::Back, "End the break here").hint("end"),
];

/// Choosing something else to do in the break.
pub const PAUSE_CHOOSE: &[Binding] = &[
    on(UPS, Action::Up, "Move up").hint("move"),
    on(DOWNS, Action::Down, "Move down").joined(),
    on(&[ENTER], Action::Select, "Do this").hint("choose"),
    on(BACK, Action::Back, "Back to the clock").hint("back"),
];

/// The return time: the rating, and could you listen now.
pub const PAUSE_DUE: &[Binding] = &[
    digits("Distress now (0 calm … 9; → reaches 10)").hint("rate"),
    on(LEFTS, Action::Previous, "One less").hint("adjust"),
    on(RIGHTS, Action::Next, "One more (up to 10)").joined(),
    on(&[ch('y')], Action::Yes, "Yes, I could listen now").hint("yes"),
    on(&[ch('n')], Action::No, "Not yet: twenty more minutes").hint("not yet"),
    on(BACK, Action::Back, "End the break here").hint("end"),
];

/// The last page of a break (a soft start, or enough for today).
pub const PAUSE_LAST: &[Binding] = &[on(
    &[ENTER, ch('q'), ESC],
    Action::Back,
    "End the break, and see the summary",
)
.hint("done")];

/// Send: how strong the urge is.
pub const SEND_URGE: &[Binding] = &[
    digits("0 no urge … 9; → reaches 10").hint("rate"),
    on(LEFTS, Action::Previous, "One less").hint("adjust"),
    on(RIGHTS, Action::Next, "One more (up to 10)").joined(),
    on(
        &[ENTER],
        Action::Select,
        "On (nothing chosen: without a rating)",
    )
    .hint("on"),
    on(&[TAB, ch('s')], Action::Skip, "On without a rating").hint("skip"),
    on(BACK, Action::Back, "Leave; nothing is sent").hint("leave"),
];

/// Send: writing the draft.
pub const SEND_DRAFT: &[Binding] = &[
    on(&[ENTER, TAB], Action::Check, "Check it (then let it sit)").hint("check"),
    on(
        &[alt(KeyCode::Enter), shift(KeyCode::Enter), ctrl('j')],
        Action::Newline,
        "A new line",
    ),
    on(&[LEFT], Action::Previous, "Move left"),
    on(&[ESC], Action::LeaveField, "Leave the field").hint("leave field"),
];

/// Send: the draft, out of the field.
pub const SEND_DRAFT_AWAY: &[Binding] = &[
    on(
        &[ch('e'), ch('i'), ENTER],
        Action::Type,
        "Back into the draft",
    )
    .hint("write"),
    on(&[ch('c'), TAB], Action::Check, "Check it (then let it sit)").hint("check"),
    on(BACK, Action::Back, "Leave; nothing is sent").hint("leave"),
];

/// Send: the draft checked, before the wait.
pub const SEND_CHECKED: &[Binding] = &[
    on(&[ENTER], Action::Select, "Let it sit now").hint("let it sit"),
    on(&[ch('e'), ch('i')], Action::Type, "Change the draft").hint("edit"),
    on(BACK, Action::Back, "Leave; nothing is sent").hint("leave"),
];

/// Send: the wait.
pub const SEND_WAIT: &[Binding] = &[
    on(&[ch('1')], Action::Breathe, "Breathe while it sits").hint("breathe"),
    on(&[ch('2')], Action::Ground, "Ground while it sits").hint("ground"),
    on(&[ENTER], Action::Select, "Stop waiting now").hint("done waiting"),
    on(BACK, Action::Back, "Leave; nothing is sent").hint("leave"),
];

/// Send: after the wait, the decision.
pub const SEND_DECIDE: &[Binding] = &[
    on(
        &[ch('s')],
        Action::Show,
        "Show it, to copy (soothe never sends)",
    )
    .hint("show it"),
    on(&[ch('e'), ch('i')], Action::Type, "Change it first").hint("edit"),
    on(&[ch('n')], Action::NotNow, "Not now").hint("not now"),
    on(BACK, Action::Back, "Leave; nothing is sent").hint("leave"),
];

/// Send: the message shown to copy.
pub const SEND_SHOWN: &[Binding] = &[on(
    &[ENTER, ch('q'), ESC],
    Action::Back,
    "Close (it is printed again after soothe closes)",
)
.hint("done")];

/// The safety plan, read.
pub const PLAN_VIEW: &[Binding] = &[
    on(UPS, Action::Up, "Scroll up").hint("scroll"),
    on(DOWNS, Action::Down, "Scroll down").joined(),
    on(&[ch('e')], Action::Type, "Write or change the plan").hint("edit"),
    on(BACK, Action::Back, "Back to where you were").hint("back"),
];

/// The safety plan, writing a line.
pub const PLAN_FIELD: &[Binding] = &[
    on(
        &[ENTER],
        Action::Select,
        "Add the line (or keep the change)",
    )
    .hint("add"),
    on(&[TAB], Action::Focus, "To the lines of this part").hint("lines"),
    on(&[PAGE_UP], Action::StepBack, "The part before").hint("part"),
    on(&[PAGE_DOWN], Action::StepOn, "The next part").joined(),
    on(&[LEFT], Action::Previous, "Move left"),
    on(&[ESC], Action::LeaveField, "Leave the field").hint("leave field"),
];

/// The safety plan, the lines of a part.
pub const PLAN_LIST: &[Binding] = &[
    on(UPS, Action::Up, "Move up").hint("move"),
    on(DOWNS, Action::Down, "Move down").joined(),
    on(&[ENTER, ch('e')], Action::Select, "Change this line").hint("change"),
    on(
        &[ch('d'), plain(KeyCode::Delete)],
        Action::Remove,
        "Take this line out",
    )
    .hint("remove"),
    on(&[TAB, ch('i'), ch('a')], Action::Type, "Write a new line").hint("write"),
    on(
        &[LEFT, ch('h'), PAGE_UP],
        Action::StepBack,
        "The part before",
    )
    .hint("part"),
    on(
        &[RIGHT, ch('l'), PAGE_DOWN],
        Action::StepOn,
        "The next part",
    )
    .joined(),
    on(BACK, Action::Back, "Done: see the whole plan").hint("done"),
];

pub const HISTORY: &[Binding] = &[
    on(UPS, Action::Up, "Scroll the recent sessions up").hint("scroll"),
    on(DOWNS, Action::Down, "Scroll the recent sessions down").joined(),
    on(BACK, Action::Back, "Back to the menu").hint("back"),
];

/// The last screen in a popup: the lines to take with you.
pub const FAREWELL: &[Binding] = &[
    on(UPS, Action::Up, "Scroll the lines up").hint("scroll"),
    on(DOWNS, Action::Down, "Scroll the lines down").joined(),
    on(&[ENTER, ch('q'), ESC], Action::Back, "Close soothe").hint("close"),
];

pub const SUPPORT: &[Binding] = &[on(
    &[ch('q'), ESC, ENTER],
    Action::Back,
    "Back to where you were",
)
.hint("back")];

/// Keys every screen has, unless the screen uses the key itself or a
/// field has the keys.
pub const GLOBAL: &[Binding] = &[
    on(
        &[ch('b')],
        Action::ToggleBell,
        "Bell on phase changes, on or off",
    )
    .hint("bell"),
    on(&[ch('m')], Action::ToggleMotion, "Animation on or off").hint("motion"),
    on(&[ch('?')], Action::Help, "This help").hint("help"),
    on(&[ch('!')], Action::Support, "Support: reaching a person").hint("support"),
];

/// Keys that work everywhere, typing included, before any screen sees them.
pub const ALWAYS: &[Binding] = &[
    on(&[ctrl('c')], Action::Quit, "Quit from anywhere"),
    on(
        &[ctrl('z')],
        Action::Suspend,
        "Step out to the shell (fg returns)",
    ),
    on(
        &[ctrl('g')],
        Action::Hide,
        "Hide: clear and leave at once (journal, shell history stay)",
    ),
];

/// Every screen state's table with the name `--help` and the README give it.
pub const SCREENS: &[(&str, &[Binding])] = &[
    ("menu", HOME),
    ("patterns", PATTERNS),
    ("breathe", BREATHE),
    ("relax", RELAX),
    ("ground, typing", GROUND_FIELD),
    ("ground", GROUND),
    ("check-in", CHECKIN),
    ("ending", ENDING_RATING),
    ("reframe, typing", REFRAME_FIELD),
    ("reframe", REFRAME),
    ("reframe, list", REFRAME_LIST),
    ("reframe, rating", REFRAME_RATING),
    ("reframe, review", REFRAME_REVIEW),
    ("pause, signs", PAUSE_SIGNS),
    ("pause, message", PAUSE_MESSAGE),
    ("pause, editing", PAUSE_MESSAGE_FIELD),
    ("pause, break", PAUSE_BREAK),
    ("pause, else", PAUSE_CHOOSE),
    ("pause, return", PAUSE_DUE),
    ("pause, last", PAUSE_LAST),
    ("send, urge", SEND_URGE),
    ("send, typing", SEND_DRAFT),
    ("send, draft", SEND_DRAFT_AWAY),
    ("send, checked", SEND_CHECKED),
    ("send, wait", SEND_WAIT),
    ("send, decide", SEND_DECIDE),
    ("send, shown", SEND_SHOWN),
    ("safety question", SAFETY_ASK),
    ("safety page", SAFETY_PAGE),
    ("good things, typing", GOOD_FIELD),
    ("good things", GOOD_AWAY),
    ("good things, last", GOOD_END),
    ("cards", CARDS),
    ("cards, helped?", CARDS_ASK),
    ("a page of text", PAGES_TEXT),
    ("a page to rate", PAGES_RATING),
    ("a page to mark", PAGES_MARKS),
    ("a page to choose", PAGES_CHOICE),
    ("a page to read", PAGES_READ),
    ("repair, distress high", REPAIR_HIGH),
    ("talk, ground rules", TALK_RULES),
    ("talk, speaking", TALK_SPEAKING),
    ("talk, listening", TALK_LISTENING),
    ("ladder", LADDER),
    ("ladder, a step", LADDER_STEPS),
    ("ladder, fear", LADDER_FEAR),
    ("ladder, practising", LADDER_DURING),
    ("evidence", EVIDENCE),
    ("evidence, typing", EVIDENCE_FIELD),
    ("evidence, rating", EVIDENCE_RATING),
    ("evidence, from the journal", EVIDENCE_OFFER),
    ("practice", PRACTICE_LIST),
    ("practice, form", PRACTICE_FORM),
    ("kind", KIND_LIST),
    ("kind, own words", KIND_FIELD),
    ("kind, last", KIND_END),
    ("plan", PLAN_VIEW),
    ("plan, writing", PLAN_FIELD),
    ("plan, lines", PLAN_LIST),
    ("history", HISTORY),
    ("support", SUPPORT),
    ("farewell, in a popup", FAREWELL),
    ("text fields", EDIT),
    ("everywhere", GLOBAL),
    ("always", ALWAYS),
];

/// A table's footer rows as (keys, word): "↑ k ↓ j" and "move". The
/// global and always-on tables give every row, with its help.
fn described(name: &str, table: &[Binding]) -> Vec<(String, &'static str)> {
    let mut rows: Vec<(String, &'static str)> = Vec::new();
    for binding in table {
        if binding.joined {
            // A joined row's keys go with the row before.
            if let Some((keys, _)) = rows.last_mut() {
                *keys = format!("{keys} {}", binding.keys_label());
            }
        } else if binding.hint.is_some() || matches!(name, "everywhere" | "always") {
            rows.push((binding.keys_label(), binding.hint.unwrap_or(binding.help)));
        }
    }
    rows
}

/// The key section of `--help`, generated from the tables.
pub fn help_text() -> String {
    let mut out = String::from("Keys (the footer of each screen shows them too):\n");
    for (name, table) in SCREENS {
        let rows = described(name, table);
        if !rows.is_empty() {
            let rows: Vec<String> = rows.iter().map(|(k, w)| format!("{k} {w}")).collect();
            out.push_str(&format!("  {name:<16} {}\n", rows.join(" · ")));
        }
    }
    out.push_str("  In text fields every printable key types itself; Esc leaves the field.");
    out
}

/// The README's key table, generated from the tables (a test holds the
/// README to it).
pub fn readme_table() -> String {
    let mut out = String::from("| screen | keys |\n| --- | --- |\n");
    for (name, table) in SCREENS {
        let rows = described(name, table);
        if !rows.is_empty() {
            let rows: Vec<String> = rows.iter().map(|(k, w)| format!("`{k}` {w}")).collect();
            out.push_str(&format!("| {name} | {} |\n", rows.join(" · ")));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    fn find(table: &[Binding], event: KeyEvent) -> Option<Action> {
        lookup(&[table], &event, |_| true)
    }

    #[test]
    fn tables_map_keys_to_actions() {
        assert_eq!(
            find(BREATHE, press(KeyCode::Char(' '))),
            Some(Action::Pause)
        );
        assert_eq!(find(BREATHE, press(KeyCode::Esc)), Some(Action::Back));
        assert_eq!(find(HOME, press(KeyCode::Char('j'))), Some(Action::Down));
        assert_eq!(find(HOME, press(KeyCode::Char('z'))), None);
        let shifted_plus = KeyEvent::new(KeyCode::Char('+'), KeyModifiers::SHIFT);
        assert_eq!(find(BREATHE, shifted_plus), Some(Action::Faster));
        assert_eq!(
            find(CHECKIN, press(KeyCode::Char('7'))),
            Some(Action::Digit(7))
        );
    }

    #[test]
    fn modifiers_are_part_of_a_key() {
        let ctrl_q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::CONTROL);
        assert_eq!(find(HOME, ctrl_q), None);
        let ctrl_c = KeyEvent::new(
            KeyCode::Char('C'),
            KeyModifiers::CONTROL | KeyModifiers::SHIFT,
        );
        assert_eq!(find(ALWAYS, ctrl_c), Some(Action::Quit));
        assert_eq!(find(ALWAYS, press(KeyCode::Char('c'))), None);
        let alt_enter = KeyEvent::new(KeyCode::Enter, KeyModifiers::ALT);
        assert_eq!(find(REFRAME_FIELD, alt_enter), Some(Action::Newline));
        assert_eq!(
            find(REFRAME_FIELD, press(KeyCode::Enter)),
            Some(Action::StepOn)
        );
        let backtab = KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(find(REFRAME_FIELD, backtab), Some(Action::FocusBack));
        let ctrl_7 = KeyEvent::new(KeyCode::Char('7'), KeyModifiers::CONTROL);
        assert_eq!(find(CHECKIN, ctrl_7), None);
    }

    #[test]
    fn a_disabled_action_is_not_found() {
        let event = press(KeyCode::Enter);
        assert_eq!(lookup(&[RELAX], &event, |a| a != Action::Select), None);
    }

    #[test]
    fn labels_come_from_the_keys() {
        assert_eq!(BREATHE[0].keys_label(), "space");
        assert_eq!(HOME[7].keys_label(), "q esc");
        assert_eq!(
            REFRAME_FIELD[1].keys_label(),
            "alt-enter shift-enter ctrl-j"
        );
        assert_eq!(CHECKIN[0].keys_label(), "0–9");
    }

    #[test]
    fn no_key_is_bound_twice_in_one_state() {
        let states: &[&[&[Binding]]] = &[
            &[HOME, GLOBAL],
            &[PATTERNS, GLOBAL],
            &[BREATHE, GLOBAL],
            &[RELAX, GLOBAL],
            &[GROUND_FIELD, EDIT],
            &[GROUND, GLOBAL],
            &[CHECKIN, GLOBAL],
            &[ENDING_RATING, GLOBAL],
            &[ENDING, GLOBAL],
            &[REFRAME_FIELD, EDIT],
            &[REFRAME, GLOBAL],
            &[REFRAME_LIST, GLOBAL],
            &[REFRAME_RATING, GLOBAL],
            &[REFRAME_REVIEW, GLOBAL],
            &[HISTORY, GLOBAL],
            &[SUPPORT, GLOBAL],
            &[SAFETY_ASK, GLOBAL],
            &[SAFETY_PAGE, GLOBAL],
            &[PAUSE_SIGNS, GLOBAL],
            &[PAUSE_MESSAGE, GLOBAL],
            &[PAUSE_MESSAGE_FIELD, EDIT],
            &[PAUSE_BREAK, GLOBAL],
            &[PAUSE_CHOOSE, GLOBAL],
            &[PAUSE_DUE, GLOBAL],
            &[PAUSE_LAST, GLOBAL],
            &[SEND_URGE, GLOBAL],
            &[SEND_DRAFT, EDIT],
            &[SEND_DRAFT_AWAY, GLOBAL],
            &[SEND_CHECKED, GLOBAL],
            &[SEND_WAIT, GLOBAL],
            &[SEND_DECIDE, GLOBAL],
            &[SEND_SHOWN, GLOBAL],
            &[PLAN_VIEW, GLOBAL],
            &[PLAN_FIELD, EDIT],
            &[PLAN_LIST, GLOBAL],
            &[KIND_LIST, GLOBAL],
            &[PRACTICE_LIST, GLOBAL],
            &[PRACTICE_FORM, EDIT],
            &[GOOD_FIELD, EDIT],
            &[GOOD_AWAY, GLOBAL],
            &[GOOD_END, GLOBAL],
            &[KIND_FIELD, EDIT],
            &[KIND_END, GLOBAL],
        ];
        for state in states {
            let mut seen: Vec<Key> = Vec::new();
            for binding in state.iter().flat_map(|t| t.iter()).chain(ALWAYS) {
                let Keys::These(keys) = binding.keys else {
                    continue;
                };
                for key in keys {
                    assert!(!seen.contains(key), "{key:?} bound twice");
                    seen.push(*key);
                }
            }
        }
    }
}
