//! How the page shows a design, in its share link: the presentation mode's slide, as one key,
//! `present`, after the design's pairs (and design A's). The value is the page's name for the slide;
//! the engine only carries it. A link without it opens as before; a build older than the key says
//! it ignored an unknown key and opens the design in the ordinary view.

use super::link::PRESENT;
use super::link_pairs::{value_of, with_pair};

/// `query` (a share link's pairs) with the slide `present` shown, when there is one.
pub fn with_slide(query: String, present: Option<&str>) -> String {
    with_pair(query, PRESENT, present)
}

/// The slide a link presents, if it asks for the presentation mode.
pub fn slide_in(query: &str) -> Option<String> {
    value_of(query, PRESENT).map(|slide| slide.trim().to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::link::{from_query, to_query, LinkRead};
    use crate::formats::link_pin::{pinned_in, to_query_pinned};
    use crate::scenario::Scenario;

    #[test]
    fn the_slide_rides_in_the_link_and_does_not_change_the_design() {
        let (b, a) =
            (Scenario { burn_share: 0.3, ..Scenario::default() }, Scenario { years: 4, ..Scenario::default() });
        let query = with_slide(to_query_pinned(&b, Some(&a)), Some("price"));
        assert_eq!(query, "version=4&burn_share=0.3&pin=version%3D4%26years%3D4&present=price");
        assert_eq!(slide_in(&format!("?{query}")), Some("price".to_owned()));
        assert_eq!(
            from_query(&query),
            LinkRead { scenario: b.clone(), ignored: vec![] },
            "the design reads as without it"
        );
        assert_eq!(pinned_in(&query).map(|r| r.scenario), Some(a));
        assert_eq!(with_slide(to_query(&b), None), to_query(&b));
        assert_eq!(slide_in(&to_query(&b)), None, "a link made before the key presents nothing");
    }

    #[test]
    fn a_link_of_only_a_slide_is_the_current_default_design() {
        assert_eq!(from_query("present=supply"), LinkRead { scenario: Scenario::default(), ignored: vec![] });
        assert_eq!(slide_in("?present=supply"), Some("supply".to_owned()));
    }
}
