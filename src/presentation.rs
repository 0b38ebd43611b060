//! Presentation mode: one chart at a time in large type, beside the two or three levers that move
//! it (the Jevons explorer, drawn from its own inputs, brings them in its card), for a classroom's
//! projector. The slides are the page's own chart cards (by element id);
//! which card and which levers show is decided by style.css from the `data-slide` attribute, so
//! the mode costs the page's module little more than this list. The slide rides in the share link
//! (`present=<id>`), so an educator can prepare a link per slide.

/// The slides, in order: (element id of the card, title in the slide bar).
pub const SLIDES: &[(&str, &str)] = &[
    ("supply", "Supply"),
    ("price", "Price"),
    ("flows", "Who buys, who sells"),
    ("fees", "Where the fees go"),
    ("unlocks", "Unlocks"),
    ("turnover", "Turnover vs consumption"),
    ("jevons", "Jevons explorer"),
];

/// The slide a link names, by its id; an id this build does not have opens the first slide.
pub fn slide_of(id: &str) -> usize {
    SLIDES.iter().position(|(slide, _)| *slide == id).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every slide has its rule in style.css (which card shows and which levers beside it), and
    /// every rule there is a slide: a slide without one would show nothing.
    #[test]
    fn every_slide_has_its_card_and_levers_in_the_style_sheet() {
        let css = include_str!("../static/style.css");
        // The Jevons explorer's inputs are in its card: its slide shows no lever of the design.
        for (id, _) in SLIDES {
            assert!(css.contains(&format!(".presenting[data-slide=\"{id}\"] #{id}")), "no card rule for {id}");
            let levers = css.contains(&format!(".presenting[data-slide=\"{id}\"] .lever:has("));
            assert_eq!(levers, *id != "jevons", "the lever rule for {id}");
        }
        let named = css.matches(".presenting[data-slide=\"").count();
        // A card rule and a lever rule a slide; the explorer's lever rule is two that fold the panel.
        assert_eq!(named, 2 * SLIDES.len() + 1, "a rule for a slide the page does not have");
        assert_eq!(slide_of("price"), 1);
        assert_eq!(slide_of("no-such-slide"), 0);
    }
}
