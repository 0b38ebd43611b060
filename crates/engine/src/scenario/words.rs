//! Errors in a person's words, for the page's imports: a field by the label the page gives it,
//! with its range in the units the page shows, one problem at a time; and a field this version
//! does not know, with the nearest one it does (serde's own message lists every field, sixty
//! names).

use super::error::ScenarioError;
use super::supply_fields::numeric_field;

impl ScenarioError {
    /// The first problem for a person: a field out of range by its label, with the range and the
    /// value as the page shows them, and how many more fields need fixing; a field that cannot be
    /// read as [`reason`] says it. The command line keeps the messages by key (`Display`).
    pub fn in_words(&self) -> String {
        let [first, rest @ ..] = self.field_errors() else {
            // A parse error is `path: serde's reason` (parse.rs), or the whole document's.
            let text = self.to_string();
            return match (self, text.split_once(": ")) {
                (ScenarioError::Parse(_), Some((path, why))) => reason(path, why),
                _ => text,
            };
        };
        let label = numeric_field(&first.field).map_or(first.field.as_str(), |f| f.label);
        let more = match rest.len() {
            0 => String::new(),
            1 => " (and 1 more field to fix)".to_owned(),
            n => format!(" (and {n} more fields to fix)"),
        };
        format!("{label} must be {}; got {}{more}.", first.allowed_shown, first.value_shown)
    }
}

/// Serde's reason `why` for the field at `path` (`burn_share`, `speculation_shock.year`) in
/// words: an unknown field with the known name nearest to it (two edits at most), a number of the
/// wrong kind by its label with its range; anything else as serde says it, after the path.
fn reason(path: &str, why: &str) -> String {
    if let Some(rest) = why.strip_prefix("unknown field `") {
        // "name`, expected one of `a`, `b`": the name, then every other piece is a known one.
        let mut pieces = rest.split('`');
        let name = pieces.next().unwrap_or_default();
        let nearest = pieces.skip(1).step_by(2).map(|k| (edits(name, k), k)).min();
        let hint = match nearest {
            Some((d, k)) if d <= 2 => format!("; did you mean \"{k}\"?"),
            _ => String::new(),
        };
        return format!("The file has a field this version does not know: \"{path}\"{hint}");
    }
    // "invalid type: floating point `10.5`, expected u32": what was given is between the colon
    // and the last comma.
    let given = why.rsplit_once(',').and_then(|(given, _)| given.split_once(':'));
    match (numeric_field(path), given) {
        (Some(f), Some((_, got))) => {
            format!("{} must be {}; got {}", f.label, f.range_text_shown(), got.trim_start().replace('`', ""))
        }
        _ => format!("{path}: {why}"),
    }
}

/// The edit distance between two names: letters inserted, removed or replaced.
fn edits(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1).min(row[j] + 1).min(diagonal + usize::from(ca != cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Scenario;

    fn import(json: &str) -> String {
        Scenario::from_import(json).unwrap_err().in_words()
    }

    #[test]
    fn edits_count_letters() {
        assert_eq!(edits("burn_shar", "burn_share"), 1);
        assert_eq!(edits("burnshare", "burn_share"), 1);
        assert_eq!(edits("years", "years"), 0);
        assert_eq!(edits("", "abc"), 3);
        assert_eq!(edits("kitten", "sitting"), 3);
    }

    #[test]
    fn an_unknown_field_is_named_with_the_nearest_known_one() {
        assert_eq!(
            import(r#"{"burn_shar": 0.5}"#),
            "The file has a field this version does not know: \"burn_shar\"; did you mean \"burn_share\"?"
        );
        assert_eq!(import(r#"{"colour": "blue"}"#), "The file has a field this version does not know: \"colour\"");
        assert_eq!(
            import(r#"{"speculation_shock": {"yeer": 2}}"#),
            "The file has a field this version does not know: \"speculation_shock.yeer\"; did you mean \"year\"?"
        );
    }

    #[test]
    fn a_wrong_number_is_said_by_label_and_range_as_the_page_shows_them() {
        assert_eq!(import(r#"{"burn_share": 2}"#), "Burn share must be between 0 % and 100 %; got 200 %.");
        assert_eq!(
            import(r#"{"burn_share": 2, "years": 0, "fee_growth": -3}"#),
            "Burn share must be between 0 % and 100 %; got 200 % (and 2 more fields to fix)."
        );
        assert_eq!(
            import(r#"{"years": 10.5}"#),
            "Years must be a whole number between 1 year and 50 years; got floating point 10.5"
        );
        assert_eq!(
            import(r#"{"years": "ten"}"#),
            "Years must be a whole number between 1 year and 50 years; got string \"ten\""
        );
        // Not a numeric field: serde's words after the path.
        assert!(import(r#"{"fee_denomination": "euro"}"#).starts_with("fee_denomination: unknown variant `euro`"));
    }
}
