//! The pinned design A in a share link, so a comparison survives a reload and can be shared: A's
//! own link (versioned, only what differs from its version's defaults, as every link is) as the
//! value of one key, `pin`, after the design on screen's pairs. A link without it opens exactly as
//! before; a build older than the key says it ignored an unknown key and opens the design alone.

use super::link::{from_query, to_query, LinkRead, PIN};
use super::link_pairs::{value_of, with_pair};
use crate::scenario::Scenario;

/// The share link of `scenario`, with `pinned` as design A when there is one.
pub fn to_query_pinned(scenario: &Scenario, pinned: Option<&Scenario>) -> String {
    with_pair(to_query(scenario), PIN, pinned.map(to_query).as_deref())
}

/// Design A of a link, read as any link is (with what had to be ignored), if the link pins one.
pub fn pinned_in(query: &str) -> Option<LinkRead> {
    value_of(query, PIN).map(|a| from_query(&a))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn design_a_rides_in_the_link_and_old_links_open_as_before() {
        let (b, a) =
            (Scenario { burn_share: 0.3, ..Scenario::default() }, Scenario { years: 4, ..Scenario::default() });
        let query = to_query_pinned(&b, Some(&a));
        assert_eq!(query, "version=4&burn_share=0.3&pin=version%3D4%26years%3D4");
        assert_eq!(from_query(&query), LinkRead { scenario: b.clone(), ignored: vec![] }, "B reads as without A");
        assert_eq!(pinned_in(&format!("?{query}")), Some(LinkRead { scenario: a, ignored: vec![] }));
        assert_eq!(to_query_pinned(&b, None), to_query(&b));
        assert_eq!(pinned_in(&to_query(&b)), None, "a link made before the pin pins nothing");
        // A's own link is read like any other: what it cannot use is said, field by field.
        let tampered = pinned_in("version=4&pin=version%3D4%26burn_share%3D7").unwrap();
        assert_eq!(tampered.scenario, Scenario::default());
        assert!(tampered.ignored[0].contains("burn_share=7 ignored"), "{:?}", tampered.ignored);
    }
}
