//! The keys a share link carries beside the design (`pin` in `link_pin.rs`, `present` in
//! `link_view.rs`): written after the design's pairs and read by key, the design's own reading
//! (`link.rs`) skipping them.

/// `query` with `key=value` after its pairs, when there is a value: how the keys beside the design
/// (`pin`, `present`) ride in a link.
pub(super) fn with_pair(query: String, key: &str, value: Option<&str>) -> String {
    let mut query = form_urlencoded::Serializer::new(query);
    if let Some(value) = value {
        query.append_pair(key, value);
    }
    query.finish()
}

/// The value of `key` in `query` (with or without its leading `?`), if the link has it.
pub(super) fn value_of(query: &str, key: &str) -> Option<String> {
    let query = query.strip_prefix('?').unwrap_or(query);
    form_urlencoded::parse(query.as_bytes()).find(|(k, _)| k == key).map(|(_, value)| value.into_owned())
}
