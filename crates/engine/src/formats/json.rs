//! One way to read JSON into a type, text → [`serde_json::Value`] → the type, and one way to
//! write compact JSON, the type → `Value` → text.
//!
//! Going through a `Value` costs a little time and is done on purpose everywhere the app reads
//! or writes JSON. Serde generates a reader per (type, input) pair, so a type read straight from text in one
//! place and from a `Value` in another (share links are edited as `Value` maps) is compiled twice
//! into the page's wasm module. One input kind keeps one copy of each, which measured several
//! kilobytes of the page's download per type.

use serde::de::DeserializeOwned;

/// Compact JSON text of `value` (object keys in field order). `None` if `value` has a map with
/// non-string keys.
pub fn write<T: serde::Serialize>(value: &T) -> Option<String> {
    serde_json::to_value(value).ok().map(|v| v.to_string())
}

/// Parse `text` as JSON into a `T`. A key given twice takes its last value, as in JavaScript's
/// `JSON.parse`.
#[allow(clippy::disallowed_methods)] // the one JSON reader itself
pub fn read<T: DeserializeOwned>(text: &str) -> Result<T, serde_json::Error> {
    serde_json::from_str::<serde_json::Value>(text).and_then(serde_json::from_value)
}
