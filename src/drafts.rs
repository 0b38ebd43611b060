//! Number boxes holding typed text: what was typed, kept as typed while the box has focus, and
//! why it could not be applied. Bad input lives here, beside the control that got it, and never
//! in the scenario.

/// Text typed into a number box, kept as typed while the box has focus (so "0." is not
/// rewritten to "0" under the cursor), with the reason if it could not be applied.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    /// What the person typed.
    pub text: String,
    /// Why it was not applied (the engine's message); `None` when it was applied.
    pub error: Option<String>,
}

/// The number boxes holding typed text, by field key. Only the few boxes being edited have one,
/// so a short list does; a `BTreeMap` of its own measured 2 KB of the page's gzipped download.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Drafts(Vec<(&'static str, Draft)>);

impl Drafts {
    /// The draft of the box for `key`, if it has one.
    pub fn get(&self, key: &str) -> Option<&Draft> {
        self.0.iter().find(|(k, _)| *k == key).map(|(_, d)| d)
    }

    /// Set the draft of the box for `key`.
    pub fn insert(&mut self, key: &'static str, draft: Draft) {
        self.remove(key);
        self.0.push((key, draft));
    }

    /// Forget the draft of the box for `key`.
    pub fn remove(&mut self, key: &str) {
        self.0.retain(|(k, _)| *k != key);
    }

    /// Forget every draft.
    pub fn clear(&mut self) {
        self.0.clear();
    }
}
