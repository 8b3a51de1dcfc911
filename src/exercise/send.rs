//! The offline check of a message before it is sent: which rules of
//! `content/send.toml` a draft meets, and where their words are, so the
//! screen can mark them. Findings are shown, never applied: nothing here
//! changes the draft. Pure.

use std::ops::Range;

use crate::content::SendRule;

/// How long a draft sits before the decision, unless asked otherwise.
pub const DEFAULT_WAIT_MINUTES: u32 = 10;
/// A wait longer than this is not a pause any more; `--wait` stops here.
pub const LONGEST_WAIT_MINUTES: u32 = 24 * 60;
/// The longest draft, in characters: a message, not a letter.
pub const DRAFT_LIMIT: usize = 4000;

/// A message session as asked for: how long to wait, and the draft to
/// start from (the last thought record's "I"-statement, if asked).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub wait_minutes: u32,
    pub draft: String,
}

impl Default for Plan {
    fn default() -> Plan {
        Plan {
            wait_minutes: DEFAULT_WAIT_MINUTES,
            draft: String::new(),
        }
    }
}

/// One rule the draft meets, with the byte ranges of its words in the
/// draft (empty for the rules about questions and length).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub rule: String,
    pub marks: Vec<Range<usize>>,
}

/// Every rule the draft meets, in the rules' order, leaving out `off` (ids
/// switched off in the settings).
pub fn check(draft: &str, rules: &[SendRule], off: &[String]) -> Vec<Finding> {
    let lower = draft.to_lowercase();
    // Lower-casing can change a character's byte length outside ASCII;
    // marks are only placed when no character's did, so they always fall
    // on the draft's own text.
    let same_shape = draft
        .chars()
        .all(|c| c.to_lowercase().map(char::len_utf8).sum::<usize>() == c.len_utf8());
    let words = draft.split_whitespace().count();
    let questions = draft.matches('?').count();
    rules
        .iter()
        .filter(|rule| !off.contains(&rule.id))
        .filter_map(|rule| {
            let mut marks: Vec<Range<usize>> = rule
                .phrases
                .iter()
                .flat_map(|phrase| whole_words(&lower, phrase))
                .collect();
            marks.sort_by_key(|m| m.start);
            let too_many = rule.most_questions.is_some_and(|most| questions > most)
                || rule.most_words.is_some_and(|most| words > most);
            if marks.is_empty() && !too_many {
                return None;
            }
            if !same_shape {
                marks.clear();
            }
            Some(Finding {
                rule: rule.id.clone(),
                marks,
            })
        })
        .collect()
}

/// Where `phrase` stands in `text` as whole words: not inside a longer
/// word ("always" is not in "hallway"), apostrophes counting as letters.
fn whole_words(text: &str, phrase: &str) -> Vec<Range<usize>> {
    let is_word = |c: char| c.is_alphanumeric() || c == '\'' || c == '’';
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(at) = text[from..].find(phrase) {
        let start = from + at;
        let end = start + phrase.len();
        let before = text[..start]
            .chars()
            .next_back()
            .is_none_or(|c| !is_word(c));
        let after = text[end..].chars().next().is_none_or(|c| !is_word(c));
        if before && after && !phrase.is_empty() {
            found.push(start..end);
        }
        from = start + phrase.chars().next().map_or(1, char::len_utf8);
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Content;

    fn rules() -> Vec<SendRule> {
        Content::builtin().send_rules
    }

    fn found(draft: &str) -> Vec<String> {
        check(draft, &rules(), &[])
            .into_iter()
            .map(|f| f.rule)
            .collect()
    }

    #[test]
    fn every_rule_finds_its_sentences_and_only_those() {
        let cases = [
            (
                "absolutes",
                "You always do this, every time.",
                "I waited in the hallway for ages.",
            ),
            (
                "you-openings",
                "Why didn't you call me back?",
                "I wish we had talked before you left.",
            ),
            (
                "their-doing",
                "I felt ignored all evening.",
                "I felt lonely all evening.",
            ),
            (
                "demands",
                "You need to answer me right now.",
                "Would you call me when you can?",
            ),
            (
                "many-questions",
                "Where are you? Why now? Who was it?",
                "Are you home yet?",
            ),
            (
                "reassurance",
                "Are we ok? I keep worrying.",
                "I am okay, just tired.",
            ),
        ];
        for (rule, yes, no) in cases {
            assert!(
                found(yes).contains(&rule.to_string()),
                "{rule} should find: {yes}"
            );
            assert!(
                !found(no).contains(&rule.to_string()),
                "{rule} should not find: {no} ({:?})",
                found(no)
            );
        }
        let wall = "word ".repeat(121);
        assert_eq!(found(&wall), ["wall"]);
        assert!(found(&"word ".repeat(120)).is_empty());
    }

    #[test]
    fn matches_are_whole_words_whatever_the_case_and_marked_where_they_are() {
        let draft = "NEVER mind. You Never listen, never.";
        let findings = check(draft, &rules(), &[]);
        let absolutes = findings.iter().find(|f| f.rule == "absolutes").unwrap();
        let marked: Vec<&str> = absolutes.marks.iter().map(|m| &draft[m.clone()]).collect();
        assert_eq!(marked, ["NEVER", "Never", "never"]);
        assert!(found("nevertheless, forever").is_empty());
    }

    #[test]
    fn a_rule_switched_off_is_not_found_and_nothing_is_changed() {
        let off = vec!["absolutes".to_string()];
        let draft = "You always do this.";
        let findings = check(draft, &rules(), &off);
        assert!(findings.iter().all(|f| f.rule != "absolutes"));
        assert_eq!(draft, "You always do this.");
    }

    #[test]
    fn lengths_that_cancel_out_still_keep_marks_off() {
        // Ⱥ grows by a byte and the Kelvin sign shrinks by two when lower-cased.
        let findings = check("ȺȺ never \u{212a}", &rules(), &[]);
        let absolutes = findings.iter().find(|f| f.rule == "absolutes").unwrap();
        assert!(absolutes.marks.is_empty());
    }

    #[test]
    fn marks_stay_off_when_lower_case_changes_the_text_s_shape() {
        // 'İ' lower-cases to two characters; the finding stays, unmarked.
        let findings = check("İ think you never call", &rules(), &[]);
        let absolutes = findings.iter().find(|f| f.rule == "absolutes").unwrap();
        assert!(absolutes.marks.is_empty());
    }
}
