//! The safety plan: what a person writes down while calm, for when it is
//! very hard, in the order the Stanley–Brown safety plan uses. The
//! document (`<data>/plan.toml`), its sections, when it is due a look
//! again, and its plain print. Pure.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::content::Content;
use crate::sanitize;

/// The document's layout.
pub const VERSION: u32 = 1;
/// A plan unchanged this long is offered for a look on the menu.
pub const REVIEW_AFTER_DAYS: i64 = 90;
/// Lines a section holds at most, and characters a line.
pub const MOST_LINES: usize = 12;
pub const LINE_LIMIT: usize = 160;

/// The comment soothe writes above the plan.
pub const HEADER: &str = "# Your safety plan, in your own words. soothe edits it (`soothe plan edit`);\n# you can edit it by hand too. The version before each session is plan.toml.bak.\n\n";

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SafetyPlan {
    pub version: u32,
    /// When it was last changed (RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edited: Option<String>,
    #[serde(default)]
    pub warning_signs: Vec<String>,
    #[serde(default)]
    pub on_my_own: Vec<String>,
    #[serde(default)]
    pub distractions: Vec<String>,
    #[serde(default)]
    pub people: Vec<String>,
    #[serde(default)]
    pub professionals: Vec<String>,
    #[serde(default)]
    pub safer: Vec<String>,
    #[serde(default)]
    pub matters: Vec<String>,
}

/// The plan's sections, in their order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    WarningSigns,
    OnMyOwn,
    Distractions,
    People,
    Professionals,
    Safer,
    Matters,
}

pub const SECTIONS: [Section; 7] = [
    Section::WarningSigns,
    Section::OnMyOwn,
    Section::Distractions,
    Section::People,
    Section::Professionals,
    Section::Safer,
    Section::Matters,
];

impl Section {
    /// The id of its words in content (`plan.<id>` and `plan.<id>.prompt`).
    pub fn id(self) -> &'static str {
        match self {
            Section::WarningSigns => "warning-signs",
            Section::OnMyOwn => "on-my-own",
            Section::Distractions => "distractions",
            Section::People => "people",
            Section::Professionals => "professionals",
            Section::Safer => "safer",
            Section::Matters => "matters",
        }
    }

    pub fn title(self, content: &Content) -> String {
        content.say(&format!("plan.{}", self.id())).to_string()
    }

    pub fn prompt(self, content: &Content) -> String {
        content
            .say(&format!("plan.{}.prompt", self.id()))
            .to_string()
    }
}

impl SafetyPlan {
    pub fn new() -> SafetyPlan {
        SafetyPlan {
            version: VERSION,
            ..SafetyPlan::default()
        }
    }

    pub fn lines(&self, section: Section) -> &[String] {
        match section {
            Section::WarningSigns => &self.warning_signs,
            Section::OnMyOwn => &self.on_my_own,
            Section::Distractions => &self.distractions,
            Section::People => &self.people,
            Section::Professionals => &self.professionals,
            Section::Safer => &self.safer,
            Section::Matters => &self.matters,
        }
    }

    pub fn lines_mut(&mut self, section: Section) -> &mut Vec<String> {
        match section {
            Section::WarningSigns => &mut self.warning_signs,
            Section::OnMyOwn => &mut self.on_my_own,
            Section::Distractions => &mut self.distractions,
            Section::People => &mut self.people,
            Section::Professionals => &mut self.professionals,
            Section::Safer => &mut self.safer,
            Section::Matters => &mut self.matters,
        }
    }

    pub fn is_empty(&self) -> bool {
        SECTIONS.iter().all(|s| self.lines(*s).is_empty())
    }

    /// Marks it changed at `at`.
    pub fn touch(&mut self, at: DateTime<FixedOffset>) {
        self.edited = Some(at.to_rfc3339_opts(chrono::SecondsFormat::Secs, false));
    }

    /// Whether the menu offers a look again: written, and unchanged for
    /// [`REVIEW_AFTER_DAYS`] by `today`.
    pub fn review_due(&self, today: NaiveDate) -> bool {
        let Some(edited) = self
            .edited
            .as_deref()
            .and_then(|e| DateTime::parse_from_rfc3339(e).ok())
        else {
            return false;
        };
        !self.is_empty() && (today - edited.date_naive()).num_days() >= REVIEW_AFTER_DAYS
    }

    /// The plan as plain lines, for paper or a phone note; hand-edited text
    /// is cleaned of control characters.
    pub fn print(&self, content: &Content) -> Vec<String> {
        let mut out = vec![content.say("plan.title").to_string(), String::new()];
        for (n, section) in SECTIONS.iter().enumerate() {
            out.push(format!("{}. {}", n + 1, section.title(content)));
            let lines = self.lines(*section);
            if lines.is_empty() {
                out.push("   –".into());
            }
            out.extend(lines.iter().map(|l| format!("   · {}", sanitize::line(l))));
            if *section == Section::Professionals {
                out.push(format!("   {}", content.say("plan.crisis-line")));
            }
            out.push(String::new());
        }
        out.push(content.say("plan.credit").to_string());
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn a_plan_is_offered_for_a_look_ninety_days_after_its_last_change() {
        let mut plan = SafetyPlan::new();
        plan.touch(DateTime::parse_from_rfc3339("2026-09-01T20:00:00+02:00").unwrap());
        assert!(
            !plan.review_due(day("2026-12-01")),
            "an empty plan is not offered"
        );
        plan.people.push("Sam, any time".into());
        assert!(!plan.review_due(day("2026-11-29")));
        assert!(plan.review_due(day("2026-11-30")));
        plan.edited = None;
        assert!(!plan.review_due(day("2026-11-30")));
    }

    #[test]
    fn the_print_follows_the_classic_order_and_says_how_to_find_a_crisis_line() {
        let content = Content::builtin();
        let mut plan = SafetyPlan::new();
        plan.warning_signs.push("I stop eating".into());
        plan.matters.push("my sister \u{1b}[31m".into());
        let lines = plan.print(&content);
        let text = lines.join("\n");
        let at = |s: &str| text.find(s).unwrap_or_else(|| panic!("{s}: {text}"));
        assert!(at("1. ") < at("I stop eating") && at("I stop eating") < at("2. "));
        assert!(at("7. ") < at("my sister"));
        assert!(text.contains("crisis line"), "{text}");
        assert!(!text.contains('\u{1b}'));
    }
}
